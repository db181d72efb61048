"""Every Word and Excel export of the app on a three-year scale database, against the fastest library
technique for the same content.

Run: ``.venv/bin/python benchmarks/bench_exports.py [--runs 5]`` (not part of the test run).

Each export is gathered once (``exports.jobs.prepare_export``: the queries are not timed) and its write
step timed, as ``bench_docx.py`` and ``bench_xlsx.py`` time theirs. The baseline writes the same content,
read back from our file, by the fastest technique those benchmarks found:

* Word: the whole body, every paragraph with its style and every table cell, as one XML string parsed
  once into the same template (``bench_docx.technique_xml_body``). What our documents have beyond that
  (headers and footers, a table of contents, charts as pictures, merged cells, run formatting) is not
  in the baseline, so the ratio is an upper bound.
* Excel: the same sheets, values and cell styles (with widths, row heights, frozen panes, tables,
  validation and conditional formats) in openpyxl's write-only mode, one styled cell per column reused
  from row to row, as ``bench_xlsx.py`` found fastest. Page set-up and print titles are left out.

Medians of interleaved runs, both with full garbage collections held back as the app's export tasks hold them
(``collection.py``) and a collection before each run outside the timing; target (performance issue): within
1.5x of the baseline.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from copy import copy
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_docx import W_NS, technique_xml_body  # noqa: E402
from scale_db import scale_database  # noqa: E402

from ghnt_desktop.exports.xlsx_common import add_table  # noqa: E402

TARGET = 1.5
HEADING_LEVELS = {"Heading1": 1, "Heading2": 2, "Heading3": 3, "Heading4": 3}


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(_w("t"), _w("tab"), _w("br")):
        parts.append(node.text or "" if node.tag == _w("t") else ("\t" if node.tag == _w("tab") else " "))
    return "".join(parts)


def _cell_paragraphs(tc) -> list[str]:
    return [_paragraph_text(p) for p in tc.iter(_w("p"))]


def docx_blocks(path: Path) -> tuple[list[tuple], bool]:
    """The body of a Word file as ``bench_docx`` blocks (title, headings, paragraphs, tables), and its orientation."""
    import docx

    document = docx.Document(str(path))
    section = document.sections[0]
    landscape = section.page_width > section.page_height
    blocks: list[tuple] = []
    for element in document.element.body.iterchildren():
        if element.tag == _w("p"):
            style = element.find(f"{_w('pPr')}/{_w('pStyle')}")
            name = style.get(_w("val")) if style is not None else ""
            text = _paragraph_text(element)
            if name == "Title":
                blocks.append(("title", text))
            elif name in HEADING_LEVELS:
                blocks.append(("heading", text, HEADING_LEVELS[name]))
            else:
                blocks.append(("para", text))
        elif element.tag == _w("tbl"):
            widths = [int(col.get(_w("w"))) / 567 for col in element.iter(_w("gridCol"))]
            rows = element.findall(_w("tr"))
            header = None
            if rows and rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}") is not None:
                cells = rows[0].findall(_w("tc"))
                if len(cells) == len(widths):
                    header = [" ".join(_cell_paragraphs(tc)) for tc in cells]
                    rows = rows[1:]
            body: list = []
            for tr in rows:
                cells = tr.findall(_w("tc"))
                if len(cells) == 1 and len(widths) > 1:
                    body.append(("span", " ".join(_cell_paragraphs(cells[0]))))
                    continue
                row = []
                for tc in cells[: len(widths)]:
                    merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
                    continuing = merge is not None and merge.get(_w("val")) in (None, "continue")
                    row.append(("continue",) if continuing else _cell_paragraphs(tc))
                row += [[] for _ in range(len(widths) - len(row))]
                body.append(row)
            blocks.append(("table", widths, header, body))
    return blocks, landscape


def xlsx_content(path: Path) -> list[dict]:
    """Every sheet of an Excel file: values with each cell's style objects, and the sheet's settings."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        styles: dict[tuple, tuple] = {}  # style ids in our file -> the style objects
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                if getattr(cell, "_style", None) is None:  # a merged cell's continuation, or an empty one
                    cells.append((cell.value, None))
                    continue
                key = tuple(cell._style)
                if key not in styles:
                    styles[key] = (
                        copy(cell.font), copy(cell.fill), copy(cell.border), copy(cell.alignment),
                        cell.number_format, copy(cell.protection),
                    )  # fmt: skip
                cells.append((cell.value, key))
            rows.append(cells)
        sheets.append(
            {
                "title": sheet.title,
                "state": sheet.sheet_state,
                "widths": {k: (d.width, d.hidden) for k, d in sheet.column_dimensions.items()},
                "heights": {k: d.height for k, d in sheet.row_dimensions.items() if d.height},
                "freeze": sheet.freeze_panes,
                "tables": list(sheet.tables.values()),
                "conditional": sheet.conditional_formatting,
                "validations": list(sheet.data_validations.dataValidation),
                "styles": styles,
                "rows": rows,
            }
        )
    return sheets


def _fresh_table(table):
    """A new table like ``table`` (openpyxl cannot copy one), made as our exports make theirs."""
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn

    fresh = Table(displayName=table.displayName, ref=table.ref)
    fresh.tableColumns = [TableColumn(id=c.id, name=c.name) for c in table.tableColumns]
    fresh.tableStyleInfo = table.tableStyleInfo
    fresh.autoFilter = AutoFilter(ref=table.ref)
    return fresh


def write_formatted(sheets: list[dict], path: Path) -> None:
    """The baseline for Excel: the same values, cell styles, widths, heights, frozen panes, tables, validation
    and conditional formats, written in openpyxl's write-only mode with one styled cell per column and style
    reused from row to row (the fastest technique ``bench_xlsx.py`` found)."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    for content in sheets:
        sheet = workbook.create_sheet(content["title"])
        sheet.sheet_state = content["state"]
        for key, (width, hidden) in content["widths"].items():
            sheet.column_dimensions[key].width = width
            sheet.column_dimensions[key].hidden = hidden
        for number, height in content["heights"].items():
            sheet.row_dimensions[number].height = height
        sheet.freeze_panes = content["freeze"]
        for table in content["tables"]:
            add_table(sheet, _fresh_table(table))
        sheet.conditional_formatting = content["conditional"]
        for validation in content["validations"]:
            sheet.data_validations.append(copy(validation))
        styled: dict[tuple, list] = {}  # (column, style ids) -> a cell with that style
        styles = content["styles"]
        for row in content["rows"]:
            out = []
            for column, (value, key) in enumerate(row):
                if key is None:
                    out.append(value)
                    continue
                cell = styled.get((column, key))
                if cell is None:
                    font, fill, border, alignment, number_format, protection = styles[key]
                    cell = styled[(column, key)] = WriteOnlyCell(sheet)
                    cell.font, cell.fill, cell.border, cell.alignment = font, fill, border, alignment
                    cell.number_format, cell.protection = number_format, protection
                cell.value = value
                out.append(cell)
            sheet.append(out)
    workbook.save(path)


def requests(database, tmp: Path) -> list[tuple[str, object]]:
    """One request per export kind, on the busiest meeting, the last year or everything open."""
    from sqlalchemy import text

    from ghnt_desktop.exports.jobs import ExportRequest

    with database.session() as session:
        meeting_id, meeting_date = session.execute(
            text(
                "SELECT m.id, m.date FROM meeting m JOIN action_item a ON a.origin_meeting_id = m.id "
                "WHERE m.state != 'cancelled' GROUP BY m.id ORDER BY count(*) DESC, m.date DESC LIMIT 1"
            )
        ).one()
        last = session.execute(text("SELECT max(date) FROM meeting")).scalar_one()
    import uuid

    meeting = uuid.UUID(meeting_id)
    last_day = date.fromisoformat(last)
    year_ago = last_day - timedelta(days=365)
    today = date.fromisoformat(meeting_date) + timedelta(days=7)
    return [
        ("Word agenda (busiest meeting)", ExportRequest("agenda", tmp / "agenda.docx", meeting_id=meeting)),
        ("Word verslag (busiest meeting)", ExportRequest("verslag", tmp / "verslag.docx", meeting_id=meeting)),
        (
            "Word besluitenlijst (last year)",
            ExportRequest("besluitenlijst", tmp / "bl.docx", date_from=year_ago, date_to=last_day),
        ),
        ("Word actielijst (all open actions)", ExportRequest("actielijst", tmp / "al.docx", today=today)),
        ("Word programma", ExportRequest("programma", tmp / "programma.docx")),
        ("Word voortgangsrapportage", ExportRequest("voortgang", tmp / "voortgang.docx", today=today)),
        (
            "Word voortgangsoverzicht per actielijn",
            ExportRequest("voortgangsoverzicht", tmp / "overzicht.docx", today=today),
        ),
        (
            "Word jaaroverzicht (last full year)",
            ExportRequest("jaaroverzicht", tmp / "jaar.docx", year=last_day.year - 1, today=today),
        ),
        ("Excel actielijst (all open actions)", ExportRequest("actielijst", tmp / "al.xlsx", today=today)),
        (
            "Excel presentielijst (busiest meeting)",
            ExportRequest("presentielijst", tmp / "pl.xlsx", meeting_id=meeting),
        ),
        (
            "Excel presentielijst (year overview)",
            ExportRequest("presentielijst", tmp / "py.xlsx", year=last_day.year - 1),
        ),
        (
            "Excel besluitenlijst (last year)",
            ExportRequest("besluitenlijst", tmp / "bl.xlsx", date_from=year_ago, date_to=last_day),
        ),
    ]


@contextmanager
def timed_charts():
    """Seconds spent drawing the voortgangsrapportage's chart picture while the block runs."""
    from ghnt_desktop.exports import docx_report

    original = docx_report.status_chart_png
    spent: list[float] = []

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    docx_report.status_chart_png = timed
    try:
        yield spent
    finally:
        docx_report.status_chart_png = original


def compare(label: str, ours: Callable[[], object], baseline: Callable[[], object], runs: int) -> float:
    """Median times of interleaved runs. Both run as an export runs in the app (full garbage collections held
    back while it writes: ``collection.py``), each after a collection outside the timing, so neither pays for
    garbage the other left."""
    from ghnt_desktop.collection import full_collections_held

    ours(), baseline()  # warm-up
    times: dict[str, list[float]] = {"ours": [], "base": []}
    for _ in range(runs):
        for name, run in (("ours", ours), ("base", baseline)):
            gc.collect()
            with full_collections_held():
                started = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - started)
    mine, base = statistics.median(times["ours"]), statistics.median(times["base"])
    ratio = mine / base
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"  {label:<42} {mine * 1000:8.0f} ms  baseline {base * 1000:8.0f} ms  {ratio:5.2f}x  {verdict}")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="only the exports whose label contains this text")
    args = parser.parse_args()
    from ghnt_desktop.db import open_database
    from ghnt_desktop.exports.jobs import prepare_export

    database = open_database(scale_database(years=3), read_only=True)
    ratios = []
    print(f"Exports on a three-year scale database, write step only, median of {args.runs} interleaved runs")
    print(f"  (target: within {TARGET}x of the baseline; Word: the same body as one XML string, Excel: the same")
    print("   formatted cells in openpyxl's write-only mode; see the docstring)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for label, request in requests(database, tmp):
            if args.only.casefold() not in label.casefold():
                continue
            with database.session() as session:
                prepared = prepare_export(session, request)
            prepared.run()
            base_path = tmp / f"base-{request.out.name}"
            if request.file_format == "docx":
                blocks, landscape = docx_blocks(request.out)

                # The overview wears the voortgangsrapportage's template, as the export does.
                kind = "voortgang" if request.kind == "voortgangsoverzicht" else request.kind

                def baseline(blocks=blocks, landscape=landscape, kind=kind, path=base_path):
                    technique_xml_body(blocks, kind, landscape, path)
            else:
                sheets = xlsx_content(request.out)

                def baseline(sheets=sheets, path=base_path):
                    write_formatted(sheets, path)

            size = f"{request.out.stat().st_size / 1024:,.0f} kB"
            with timed_charts() as charts:
                ratios.append(compare(f"{label}, {size}", prepared.run, baseline, args.runs))
            if charts:
                per_run = sum(charts) / (args.runs + 1) * 1000
                what = "Pillow, kept by what it shows; the baseline has no picture"
                print(f"    ... of which drawing its chart ({what}): {per_run:.0f} ms")
    database.close()
    missed = sum(r > TARGET for r in ratios)
    print(f"  {len(ratios) - missed} of {len(ratios)} within {TARGET}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
