"""Excel lists around the meetings: presentielijst, year overview of representation, besluitenlijst.

- Presentielijst of one meeting: every person with organisation, role and status (aanwezig, afgemeld,
  afwezig, vervangen door, alleen voor één agendapunt), then per organisation whether it was
  represented and by whom: the chair must be able to show which partners took part.
- Vertegenwoordiging (year overview): organisations down, the year's meetings across, a mark per
  meeting and a count; colours come from conditional formatting on the marks.
- Besluitenlijst: every decision in a table with its number, meeting, escalation and outcome.

Data comes in as frozen dataclasses (gathered by ``services.importing``); nothing here reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..dutch_dates import short_date
from ..services.sheet_data import (  # noqa: F401 (the data classes are re-exported)
    MARK_ABSENT,
    MARK_EXCUSED,
    MARK_ITEM,
    MARK_PRESENT,
    MARK_SUBSTITUTED,
    REPRESENTED_MARKS,
    AttendanceLine,
    BesluitenlijstData,
    DecisionLine,
    MeetingColumn,
    OrganisationPresence,
    PresentielijstData,
    RepresentationData,
    RepresentationRow,
)
from .xlsx_common import (
    DATE_STYLE,
    NOTE_STYLE,
    NUMBER_STYLE,
    TITLE_STYLE,
    CellStyle,
    Column,
    ProgressCallback,
    XlsxExportResult,
    column_letter,
    new_write_only_workbook,
    report,
    save_workbook,
    sheet_layout,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Fill colours of the marks: present green, for one item or substituted light green, excused amber, absent red.
MARK_FILLS = {
    MARK_PRESENT: "C6EFCE",
    MARK_SUBSTITUTED: "E2F0D9",
    MARK_ITEM: "E2F0D9",
    MARK_EXCUSED: "FFEB9C",
    MARK_ABSENT: "F8CBAD",
}
CONFIDENTIAL_COLUMN = Column("confidential", "Vertrouwelijk", 14)
CONFIDENTIAL_BANNER = "VERTROUWELIJK"


def confidential_cell(confidential: bool) -> str:
    return "Vertrouwelijk" if confidential else ""


def guests_note(count: int) -> str:
    """The Dutch sentence that says how many guests of vertrouwelijke agendapunten were left out."""
    which = "1 gast" if count == 1 else f"{count} gasten"
    return f"Weggelaten omdat het agendapunt vertrouwelijk is: {which}."


ATTENDANCE_COLUMNS = (
    Column("name", "Naam", 30),
    Column("organisation", "Organisatie", 32),
    Column("role", "Rol", 14),
    Column("status", "Aanwezigheid", 16),
    Column("substitute", "Vervangen door", 26),
    Column("item", "Alleen bij agendapunt", 14, NUMBER_STYLE),
)
SIGNATURE_COLUMN = Column("signature", "Handtekening", 30)
PRESENCE_COLUMNS = (
    Column("organisation", "Organisatie", 36),
    Column("mark", "Vertegenwoordigd", 18),
    Column("people", "Door", 60),
)
DECISION_COLUMNS = (
    Column("number", "Nr.", 18),
    Column("date", "Datum", 12, DATE_STYLE),
    Column("meeting", "Overleg", 28),
    Column("text", "Besluit", 70),
    Column("escalation", "Bestuurlijk overleg", 30),
    Column("outcome", "Uitkomst", 40),
    Column("outcome_date", "Datum uitkomst", 12, DATE_STYLE),
)
PERCENT_STYLE = CellStyle(horizontal="center", number_format="0%")


def _mark_formatting(ws: WriteOnlyWorksheet, cell_range: str, first_cell: str) -> None:
    """Colour the marks by conditional formatting, so a mark typed later gets its colour too."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import PatternFill
    from openpyxl.styles.differential import DifferentialStyle

    for mark, colour in MARK_FILLS.items():
        rule = Rule(
            type="expression",
            formula=[f'{first_cell}="{mark}"'],
            dxf=DifferentialStyle(fill=PatternFill(bgColor=colour, fill_type="solid")),
        )
        sheet_layout(ws).conditional_formatting.add(cell_range, rule)


def write_presentielijst_xlsx(
    data: PresentielijstData | None,
    path: Path,
    *,
    overview: RepresentationData | None = None,
    progress: ProgressCallback | None = None,
) -> XlsxExportResult:
    """Write the presentielijst of a meeting and/or the year overview of representation to ``path``."""
    from .xlsx_common import write_table_sheet

    if data is None and overview is None:
        raise ValueError("nothing to export: give a meeting or a year overview")
    total = (len(data.lines) if data else 0) + (len(overview.rows) if overview else 0)
    report(progress, 0, total)
    wb = new_write_only_workbook()
    used: set[str] = set()
    sheets: list[str] = []
    notes: list[str] = []
    rows = 0
    if data is not None:
        wb.properties.title = f"Presentielijst {data.title}"
        when = short_date(data.meeting_date) + (f", {data.time_text}" if data.time_text else "")
        lines = [(f"Presentielijst {data.title}", TITLE_STYLE), (when, NOTE_STYLE)]
        if data.location:
            lines.append((f"Locatie: {data.location}", NOTE_STYLE))
        if data.chair or data.secretary:
            lines.append((f"Voorzitter: {data.chair or '-'} · Notulist: {data.secretary or '-'}", NOTE_STYLE))
        if data.confidential_left_out:
            notes.append(guests_note(data.confidential_left_out))
            lines.append((notes[-1], NOTE_STYLE))
        marked = any(a.confidential for a in data.lines)
        if marked:
            lines.insert(0, (CONFIDENTIAL_BANNER, TITLE_STYLE))
        # A meeting still to be held gets its list printed to sign at the door.
        extra = (SIGNATURE_COLUMN,) if data.to_be_held else ()
        ws = write_table_sheet(
            wb,
            "Presentielijst",
            lines,
            (*ATTENDANCE_COLUMNS, *((CONFIDENTIAL_COLUMN,) if marked else ()), *extra),
            (
                [a.name, a.organisation, a.role, a.status, a.substitute, a.agenda_item]
                + ([confidential_cell(a.confidential)] if marked else [])
                + ([""] if extra else [])
                for a in data.lines
            ),
            table_name="Presentielijst",
            row_count=len(data.lines),
            used_titles=used,
            empty_text="Er is nog geen aanwezigheid vastgelegd.",
        )
        sheets.append(ws.title)
        rows += len(data.lines)
        report(progress, rows, total)
        presence_lines = [(f"Vertegenwoordiging per organisatie – {data.title}", TITLE_STYLE), (when, NOTE_STYLE)]
        ws = write_table_sheet(
            wb,
            "Vertegenwoordiging",
            presence_lines,
            PRESENCE_COLUMNS,
            ([o.organisation, o.mark, o.people] for o in data.organisations),
            table_name="Vertegenwoordiging",
            row_count=len(data.organisations),
            used_titles=used,
            empty_text="Er is nog geen aanwezigheid vastgelegd.",
        )
        if data.organisations:
            first = len(presence_lines) + 3  # title lines, a blank row, the header
            last = first + len(data.organisations) - 1
            _mark_formatting(ws, f"B{first}:B{last}", f"B{first}")
        sheets.append(ws.title)
    if overview is not None:
        sheets.append(_write_overview(wb, overview, used))
        rows += len(overview.rows)
    save_workbook(wb, path)
    report(progress, total, total)
    left_out = data.confidential_left_out if data is not None else 0
    return XlsxExportResult(
        path=Path(path), rows=rows, sheets=tuple(sheets), confidential_left_out=left_out, notes=tuple(notes)
    )


def _write_overview(wb: Workbook, overview: RepresentationData, used: set[str]) -> str:
    from .xlsx_common import CellStyle, write_table_sheet

    meeting_columns = tuple(
        Column(f"m{i}", _unique_header(m.label, i, overview.meetings), 11, CellStyle(horizontal="center"))
        for i, m in enumerate(overview.meetings)
    )
    count = len(overview.meetings)
    # One denominator for the count and the percentage: the meetings the organisation was invited to (a mark).
    columns = (
        Column("organisation", "Organisatie", 34),
        *meeting_columns,
        Column("invited", "Uitgenodigd", 12, NUMBER_STYLE),
        Column("count", "Vertegenwoordigd", 16, NUMBER_STYLE),
        Column("share", "Percentage", 12, PERCENT_STYLE),
    )
    title = f"Vertegenwoordiging {overview.year}" + (f" – {overview.series_name}" if overview.series_name else "")
    lines = [
        (title, TITLE_STYLE),
        (
            "Per overleg: Aanwezig, Vervangen (door een collega), Agendapunt (alleen voor één punt), Afgemeld, "
            "Afwezig; leeg = niet uitgenodigd of niet vastgelegd. Percentage = vertegenwoordigd / uitgenodigd.",
            NOTE_STYLE,
        ),
    ]

    def values(row: RepresentationRow) -> list[object]:
        invited = sum(1 for m in row.marks if m)
        share = row.represented / invited if invited else None  # a number: Excel shows it as a percentage
        return [row.organisation, *row.marks, invited, row.represented, share]

    breaks, scale = period_pages(overview.meetings, [c.width for c in columns])
    ws = write_table_sheet(
        wb,
        f"Vertegenwoordiging {overview.year}",
        lines,
        columns,
        (values(r) for r in overview.rows),
        table_name=f"Vertegenwoordiging{overview.year}",
        row_count=len(overview.rows),
        used_titles=used,
        empty_text="Geen overleggen met vastgelegde aanwezigheid in dit jaar.",
        fit_to_page=not breaks,
    )
    if overview.rows and overview.meetings:
        header_row = len(lines) + 2
        first, last = header_row + 1, header_row + len(overview.rows)
        _mark_formatting(ws, f"B{first}:{column_letter(1 + count)}{last}", f"B{first}")
    if breaks:
        _print_in_parts(ws, breaks, scale)
    return ws.title


# Characters of column width that fit across a landscape A4 page at 100 % (normal margins).
_PAGE_WIDTH_CHARACTERS = 125


def period_pages(meetings: Sequence[MeetingColumn], widths: Sequence[float]) -> tuple[list[int], int]:
    """How a year overview prints readably: ``([], 100)`` when it fits one page width at 70 % or more, else the
    columns after which a new quarter starts a page and the scale at which the widest quarter fits (Excel
    ignores page breaks under "fit to page", so a scale instead)."""
    if sum(widths) * 0.7 <= _PAGE_WIDTH_CHARACTERS or len(meetings) < 2:
        return [], 100
    breaks: list[int] = []  # column index (1-based, A = 1) after which a new page starts
    for index in range(1, len(meetings)):
        if (meetings[index].date.month - 1) // 3 != (meetings[index - 1].date.month - 1) // 3:
            breaks.append(1 + index)
    edges = [1, *breaks, len(widths)]
    widest = max(widths[0] + sum(widths[a:b]) for a, b in zip(edges, edges[1:], strict=False))
    return breaks, max(40, min(100, int(100 * _PAGE_WIDTH_CHARACTERS / widest)))


def _print_in_parts(ws: WriteOnlyWorksheet, breaks: list[int], scale: int) -> None:
    """A page per period, the organisation column repeated on each."""
    from openpyxl.worksheet.pagebreak import Break, ColBreak

    layout = sheet_layout(ws)
    layout.page_setup.scale = scale
    layout.page_setup.fitToWidth = 0
    ws.print_title_cols = "A:A"
    col_breaks = ColBreak()
    for column in breaks:
        col_breaks.append(Break(id=column, max=1048575))  # a column break runs down every row
    layout.col_breaks = col_breaks


def _unique_header(label: str, index: int, meetings: Sequence[MeetingColumn]) -> str:
    """Table headers must be unique: two meetings with the same label get a number."""
    same = [i for i, m in enumerate(meetings) if m.label == label]
    return label if len(same) == 1 else f"{label} ({same.index(index) + 1})"


def write_besluitenlijst_xlsx(
    data: BesluitenlijstData, path: Path, *, progress: ProgressCallback | None = None
) -> XlsxExportResult:
    """Write the besluitenlijst as an Excel table to ``path``."""
    from .xlsx_common import write_table_sheet

    total = len(data.decisions)
    report(progress, 0, total)
    wb = new_write_only_workbook()
    wb.properties.title = data.title
    lines = [(data.title, TITLE_STYLE)]
    if data.subtitle:
        lines.append((data.subtitle, NOTE_STYLE))
    if data.omitted_note:
        lines.append((data.omitted_note, NOTE_STYLE))
    marked = any(d.confidential for d in data.decisions)
    if marked:
        lines.insert(0, (CONFIDENTIAL_BANNER, TITLE_STYLE))
        if data.included_note:
            lines.append((data.included_note, NOTE_STYLE))
    ws = write_table_sheet(
        wb,
        "Besluitenlijst",
        lines,
        (*DECISION_COLUMNS, CONFIDENTIAL_COLUMN) if marked else DECISION_COLUMNS,
        (
            [d.number, d.meeting_date, d.meeting_title, d.text, d.escalation, d.outcome, d.outcome_date]
            + ([confidential_cell(d.confidential)] if marked else [])
            for d in data.decisions
        ),
        table_name="Besluitenlijst",
        row_count=total,
        used_titles=set(),
        empty_text="Geen besluiten in deze selectie.",
    )
    save_workbook(wb, path)
    report(progress, total, total)
    notes = (data.omitted_note,) if data.omitted_note else ()
    return XlsxExportResult(
        path=Path(path),
        rows=total,
        sheets=(ws.title,),
        confidential_left_out=data.confidential_left_out,
        notes=notes,
    )
