"""Speed of the Excel actielijst against the fastest openpyxl technique for the same formatting.

Run: ``.venv/bin/python benchmarks/bench_xlsx.py [--rows 10000] [--runs 3]`` (not part of the test run).

The formatted actielijst of 10,000 synthetic actions (built in memory, no database) is written by our
export (``write_actielijst_xlsx``) and by three openpyxl techniques that produce the same workbook: the
same title block, header, cell values (made with the same ``row_values`` and ``clean_text``), fonts,
fills, borders, wrapped text, Dutch date format, row heights, column widths, hidden columns, table,
drop-down, conditional format and hidden sheet of exported values:

* ``normal``: a normal workbook, ``ws.cell(row, col, value)`` and the style objects assigned per cell;
* ``write_only_new``: a write-only workbook, a new ``WriteOnlyCell`` per cell with a copied style array;
* ``write_only_reused``: a write-only workbook, one styled cell per column filled again for every row.

Figures are medians of several runs in this process (one run for ``normal``, which is some twenty
times slower); the ratio is ours / the fastest technique. Exits 1 when the ratio is above 1.5.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from copy import copy
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ghnt_desktop.exports import xlsx_actielijst as xa  # noqa: E402
from ghnt_desktop.exports.xlsx_common import (  # noqa: E402
    HEADER_STYLE,
    LINE_HEIGHT,
    NOTE_STYLE,
    TITLE_STYLE,
    clean_text,
    looks_like_formula,
    row_height,
)
from ghnt_desktop.models import ActionKind, ActionStatus  # noqa: E402
from ghnt_desktop.services.actions import ActionRow  # noqa: E402

TODAY = date(2026, 3, 1)
WORDS = (
    "werkgroep meldcode ketenpartners scholing aandachtsfunctionaris huiselijk geweld kindermishandeling "
    "evaluatie pilot MDA++ Veilig Thuis gemeenten afspraken protocol signaleren bespreken vaststellen"
).split()
SECTIONS = ["Eerder en beter in beeld", "Stoppen en duurzaam oplossen", "Aandacht voor specifieke groepen", ""]
STATUSES = list(ActionStatus)


def synthetic_data(count: int) -> xa.ActielijstData:
    """``count`` actions with realistic lengths, some formula-like and written deadlines."""
    rows = []
    progress = {}
    for i in range(count):
        words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(6 + i % 25)]
        text = " ".join(words).capitalize()
        if i % 500 == 0:
            text = "=" + text  # formula-like text must stay text
        deadline = TODAY + timedelta(days=(i % 400) - 200) if i % 5 else None
        row_id = uuid.UUID(int=i + 1)
        rows.append(
            ActionRow(
                id=row_id,
                number=f"AO-{2020 + i % 6}-{1 + i % 4}-A{i % 99:02d}",
                kind=ActionKind.ACTIEPUNT,
                text=text,
                trekker=f"Persoon {i % 97} (Gemeente {WORDS[i % len(WORDS)].capitalize()})",
                trekker_person_id=None,
                trekker_organisation_id=None,
                deadline=deadline if i % 7 else (date(2026, 6, 30) if deadline else None),
                deadline_text="Q2 2026" if i % 7 == 0 else ("" if deadline else "doorlopend"),
                status=STATUSES[i % len(STATUSES)],
                times_postponed=i % 4,
                confidential=False,
                origin_meeting_id=None,
                origin_meeting_date=date(2025, 1 + i % 12, 1 + i % 28),
                origin_meeting_title=f"Afstemmingsoverleg {1 + i % 4}",
                series_id=None,
                series_name="Afstemmingsoverleg",
                section_id=None,
                section_title=SECTIONS[i % len(SECTIONS)],
                section_position=i % len(SECTIONS),
                programme_action_id=None,
                programme_action_code="",
                working_group_id=None,
                working_group_name="",
                closed_on=None,
                updated_at=datetime(2026, 2, 1, 12, 0, i % 60),
            )
        )
        if i % 3 == 0:
            progress[row_id] = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(12)) + "."
    return xa.ActielijstData(
        rows=tuple(rows),
        today=TODAY,
        exported_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
        progress_texts=progress,
    )


# --------------------------------------------------------------------------------------------------
# The shared parts every technique writes the same way (not where techniques differ).


def _title_lines(data: xa.ActielijstData) -> list[tuple[str, object]]:
    return [
        (data.title, TITLE_STYLE),
        (f"Stand per {TODAY:%d-%m-%Y} · {len(data.rows)} acties", NOTE_STYLE),
        ("Vul Status, Deadline en Stand van zaken in en stuur het bestand terug.", NOTE_STYLE),
    ]


def _prepared(data: xa.ActielijstData):
    """Per row: the cleaned values, whether each text needs the quote prefix, and the row height."""
    widths = [c.width for c in xa.COLUMNS]
    wrapped = [not c.hidden for c in xa.COLUMNS]
    for row in data.rows:
        values = [
            clean_text(v) if isinstance(v, str) and v else v
            for v in xa.row_values(row, data.progress_texts.get(row.id, ""))
        ]
        values = [None if v == "" else v for v in values]
        yield values, row_height(values, widths, wrapped)


def _meta_rows(data: xa.ActielijstData):
    yield [xa.FORMAT_NAME, str(xa.FORMAT_VERSION)]
    yield ["geexporteerd", data.exported_at.isoformat()]
    yield ["organisatie", data.organisation or None]
    yield list(xa.META_HEADERS)
    for row in data.rows:
        yield [
            str(row.id),
            xa.version_stamp(row),
            row.number,
            row.status.label,
            xa.deadline_display(xa.deadline_cell_value(row)),
            data.progress_texts.get(row.id) or None,
        ]


def _sheet_setup(ws, header_row: int, last_row: int) -> None:
    xa._setup_sheet(ws, header_row, last_row, "Actielijst1")


# --------------------------------------------------------------------------------------------------
# Techniques


def technique_normal(data: xa.ActielijstData, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Actielijst"
    title = _title_lines(data)
    header_row = len(title) + 2
    _sheet_setup(ws, header_row, header_row + len(data.rows))
    templates = {}
    from openpyxl.cell import WriteOnlyCell

    def style_objects(style):
        if style not in templates:
            cell = WriteOnlyCell(ws)
            style.apply(cell)
            templates[style] = (
                copy(cell.font),
                copy(cell.fill),
                copy(cell.border),
                copy(cell.alignment),
                cell.number_format,
            )
        return templates[style]

    def put(cell, style, value, quote=False):
        font, fill, border, alignment, number_format = style_objects(style)
        cell.font, cell.fill, cell.border, cell.alignment = font, fill, border, alignment
        cell.number_format = number_format
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
            if quote:
                cell.quotePrefix = True

    for r, (text, style) in enumerate(title, start=1):
        put(ws.cell(r, 1), style, text)
    ws.row_dimensions[header_row].height = 2 * LINE_HEIGHT
    for c, column in enumerate(xa.COLUMNS, start=1):
        put(ws.cell(header_row, c), HEADER_STYLE, column.header)
    styles = [c.style for c in xa.COLUMNS]
    for r, (values, height) in enumerate(_prepared(data), start=header_row + 1):
        if height:
            ws.row_dimensions[r].height = height
        for c, value in enumerate(values, start=1):
            put(ws.cell(r, c), styles[c - 1], value, isinstance(value, str) and looks_like_formula(value))
    meta = wb.create_sheet(xa.META_SHEET)
    meta.sheet_state = "hidden"
    for values in _meta_rows(data):
        meta.append(values)
        for cell in meta[meta.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(path)


def _write_only(data: xa.ActielijstData, path: Path, make_cells: Callable) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Actielijst")
    title = _title_lines(data)
    header_row = len(title) + 2
    _sheet_setup(ws, header_row, header_row + len(data.rows))
    for text, style in title:
        cell = WriteOnlyCell(ws, text)
        style.apply(cell)
        ws.append([cell])
    ws.append([])
    ws.row_dimensions[header_row].height = 2 * LINE_HEIGHT
    header = []
    for column in xa.COLUMNS:
        cell = WriteOnlyCell(ws, column.header)
        HEADER_STYLE.apply(cell)
        header.append(cell)
    ws.append(header)
    templates = []
    for column in xa.COLUMNS:
        cell = WriteOnlyCell(ws)
        column.style.apply(cell)
        templates.append(cell)
    fill = make_cells(ws, templates)
    dims = ws.row_dimensions
    for r, (values, height) in enumerate(_prepared(data), start=header_row + 1):
        if height:
            dims[r].height = height
        ws.append(fill(values))
    meta = wb.create_sheet(xa.META_SHEET)
    meta.sheet_state = "hidden"
    plain = WriteOnlyCell(meta)
    for values in _meta_rows(data):
        cells = []
        for value in values:
            cell = WriteOnlyCell(meta, value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        meta.append(cells)
    del plain
    wb.save(path)


def technique_write_only_new(data: xa.ActielijstData, path: Path) -> None:
    from openpyxl.cell import WriteOnlyCell

    def make_cells(ws, templates):
        arrays = [t._style for t in templates]

        def fill(values):
            cells = []
            for array, value in zip(arrays, values, strict=True):
                cell = WriteOnlyCell(ws)
                cell._style = copy(array)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
                    if looks_like_formula(value):
                        cell.quotePrefix = True
                cells.append(cell)
            return cells

        return fill

    _write_only(data, path, make_cells)


def technique_write_only_reused(data: xa.ActielijstData, path: Path) -> None:
    from openpyxl.cell import WriteOnlyCell

    def make_cells(ws, templates):
        def fill(values):
            cells = []
            for template, value in zip(templates, values, strict=True):
                cell = template
                if isinstance(value, str) and looks_like_formula(value):
                    cell = WriteOnlyCell(ws)
                    cell._style = copy(template._style)
                    cell.quotePrefix = True
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            return cells

        return fill

    _write_only(data, path, make_cells)


def ours(data: xa.ActielijstData, path: Path) -> None:
    xa.write_actielijst_xlsx(data, path)


def median_time(function: Callable, data: xa.ActielijstData, runs: int, folder: Path) -> float:
    times = []
    for run in range(runs):
        path = folder / f"{function.__name__}-{run}.xlsx"
        start = time.perf_counter()
        function(data, path)
        times.append(time.perf_counter() - start)
        path.unlink()
    return statistics.median(times)


def check_same_content(data: xa.ActielijstData, folder: Path) -> None:
    """The techniques write the same cell values and formats as ours (checked on a small sample)."""
    import openpyxl

    sample = xa.ActielijstData(rows=data.rows[:60], today=data.today, exported_at=data.exported_at,
                               progress_texts=data.progress_texts)  # fmt: skip
    seen = {}
    for function in (ours, technique_normal, technique_write_only_new, technique_write_only_reused):
        path = folder / f"check-{function.__name__}.xlsx"
        function(sample, path)
        ws = openpyxl.load_workbook(path)["Actielijst"]
        header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "Nr.")
        seen[function.__name__] = [
            tuple((c.value, c.number_format, c.alignment.wrap_text, c.quotePrefix) for c in row)
            for row in ws.iter_rows(min_row=header, max_row=header + 60)
        ]
    reference = seen.pop("ours")
    for name, cells in seen.items():
        assert cells == reference, f"{name} writes different cells than ours"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = synthetic_data(args.rows)
    techniques = [technique_normal, technique_write_only_new, technique_write_only_reused]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        check_same_content(data, folder)
        # The normal workbook is some twenty times slower and never the fastest: one run is enough.
        results = {
            f.__name__: median_time(f, data, 1 if f is technique_normal else args.runs, folder)
            for f in [ours, *techniques]
        }
    fastest_name = min((f.__name__ for f in techniques), key=results.get)
    print(f"Excel actielijst, {args.rows} actions, median of {args.runs} runs")
    for name, seconds in results.items():
        print(f"  {name:<28} {seconds:7.2f} s")
    ratio = results["ours"] / results[fastest_name]
    print(f"  ours / fastest ({fastest_name}): {ratio:.2f} (goal: at most 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
