"""The programme table in Word, laid out like the summary of the Groningen actieprogramma (seed 000):
landscape, columns ``Ambities | Acties | Verantwoordelijkheid``, a heading row per section, the
paragraph reference under each ambition and "Verantwoordelijke partijen:" / "Trekker:" in the last
column."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..services.documents import ProgrammeDocument, ProgrammeRow
from .docx_common import (
    CONTINUE,
    Cell,
    DocxWriter,
    ExportResult,
    Para,
    Progress,
    ProgressCounter,
    Run,
    SpanRow,
    open_template,
    rich_lines,
)

PROGRAMME_COLUMNS = [("Ambities", 9.0), ("Acties", 11.0), ("Verantwoordelijkheid", 5.0)]


def _ambition_cell(row: ProgrammeRow) -> list[str | Para]:
    paras: list[str | Para] = list(rich_lines(row.ambition_text)) or [""]
    if row.ambition_code:
        first = paras[0]
        runs = first.runs if isinstance(first, Para) else (first,)
        paras[0] = Para((Run(f"{row.ambition_code} ", bold=True), *runs), indent_cm=0.0)
    paras.extend(Para.of(f"o\t{point}", indent_cm=0.3, hanging_cm=0.5) for point in row.sub_points)
    if row.reference:
        paras.append("")
        paras.append(Para.of(Run(row.reference, italic=True)))
    return paras


def _actions_cell(row: ProgrammeRow) -> list[str | Para]:
    paras: list[str | Para] = []
    for action in row.actions:
        text = action.text + (f" ({action.deadline_text})" if action.deadline_text else "")
        if action.level == 0:
            paras.append(Para.of(f"•\t{text}", hanging_cm=0.4))
        else:
            paras.append(Para.of(f"o\t{text}", indent_cm=0.4, hanging_cm=0.5))
    return paras or [""]


def _responsibility_cell(row: ProgrammeRow) -> list[str | Para]:
    paras: list[str | Para] = [Para.of(Run("Verantwoordelijke partijen:", bold=True))]
    paras.extend(row.responsible or ["-"])
    paras.append("")
    paras.append(Para.of(Run("Trekkers:" if len(row.trekkers) > 1 else "Trekker:", bold=True)))
    paras.extend(row.trekkers or ["-"])
    return paras


# A row longer than this many characters in one cell may be taller than a landscape page: Word and LibreOffice
# would push a row that cannot split to a page of its own and still cut it, so such a row may split.
_WHOLE_ROW_CHARACTERS = 1800


def _cell_characters(value: object) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Run):
        return len(value.text)
    if isinstance(value, Para):
        return sum(_cell_characters(r) for r in value.runs)
    if isinstance(value, Cell):
        return _cell_characters(value.content)
    if isinstance(value, list | tuple):
        return sum(_cell_characters(v) + 60 for v in value)  # a paragraph starts a new line
    return 0


def _fits_on_a_page(row: Sequence[object]) -> bool:
    return all(_cell_characters(cell) < _WHOLE_ROW_CHARACTERS for cell in row)


def programme_rows(data: ProgrammeDocument) -> Iterator[SpanRow | list[Cell | list[str | Para]]]:
    """The table rows: a ``SpanRow`` per section, then its ambition rows (merged ambition cells)."""
    for section in data.sections:
        if not section.rows:
            continue
        yield SpanRow(section.title)
        for row in section.rows:
            ambition = Cell(_ambition_cell(row), merge="restart") if row.first_of_ambition else CONTINUE
            yield [ambition, _actions_cell(row), _responsibility_cell(row)]


def export_programma(
    data: ProgrammeDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the programme table on landscape pages; the header row repeats on every page."""
    total_rows = sum(len(s.rows) + 1 for s in data.sections)
    counter = ProgressCounter(progress, total_rows + 1)
    writer = DocxWriter(open_template(template, "programma"))
    writer.set_landscape(True)
    # "Regio Groningen" under a title that already ends in "regio Groningen" says it twice.
    region = f"Regio {data.region}" if data.region and data.region.casefold() not in data.title.casefold() else ""
    subtitle = " · ".join(p for p in (region, data.period) if p)
    writer.title(data.title, subtitle)
    writer.heading("Samenvatting van de ambities per programmalijn", 1)
    writer.paragraph("Per ambitie de acties en wie er lokaal en regionaal verantwoordelijk voor is.")
    writer.table(
        PROGRAMME_COLUMNS, programme_rows(data), progress=counter.at(0), chunk=100, keep_rows_whole=_fits_on_a_page
    )
    written = writer.finish(
        path,
        title=data.title,
        author=data.author,
        subject=f"Actieprogramma {data.region}".strip(),
        keywords="actieprogramma, ambities, acties, GHNT",
    )
    counter.finish()
    return ExportResult(written, "programma", data.omitted, data.action_count)
