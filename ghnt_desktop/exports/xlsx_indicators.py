"""The indicators in Excel: one sheet per level, indicators down, periods across, real numbers.

Each value is a number cell with a number format that fits its unit ("1.620", "12,5%", "€ 1.200", shown in the
reader's own Excel locale); a voorlopig value shows a ``*`` through its number format (the cell stays a number)
and its period is listed in the Voorlopig column, so reading the file back (``imports.indicators``) knows it; an
unknown value is the text ``.`` as StatLine writes it. Each row carries its source. The layout is the one the
import reads, so exporting and importing again changes nothing (``tests/test_indicators_io.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..models.enums import IndicatorLevel, IndicatorUnit
from ..services.figure_values import Period
from ..services.indicators import ExportRow, ExportSheet, IndicatorExport
from .xlsx_common import (
    HEADER_STYLE,
    NOTE_STYLE,
    TITLE_STYLE,
    CellStyle,
    ProgressCallback,
    XlsxExportResult,
    add_table,
    column_letter,
    new_write_only_workbook,
    report,
    save_workbook,
    sheet_layout,
    sheet_title,
    write_title_block,
)
from .xlsx_common import clean_text as clean_cell_text

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

SHEET_TITLES = {
    IndicatorLevel.REGION: "Regio",
    IndicatorLevel.MUNICIPALITY: "Gemeenten",
    IndicatorLevel.VEILIG_THUIS_REGION: "Veilig Thuis-regio",
    IndicatorLevel.NATIONAL: "Nederland",
}
# (header, width) of the columns before the periods and after them; the import reads these headers.
LEADING = (("Indicator", 44), ("Code", 10), ("Gemeente", 20), ("Soort", 13), ("Eenheid", 16), ("Richting", 16),
           ("Niveau", 16), ("Bron", 28), ("Tabel", 12), ("Nulmeting", 12), ("Periode nulmeting", 12))  # fmt: skip
TRAILING = (("Voorlopig", 16), ("Definitie", 50), ("Actielijnen", 30))
LEGEND = "Een * achter een getal: voorlopig cijfer (ook in de kolom Voorlopig). Een punt (.): onbekend."
CONFIDENTIAL_BANNER = "VERTROUWELIJK"

TEXT = CellStyle()
TARGET_TEXT = CellStyle(italic=True)


def _decimals(values: Iterable[Decimal]) -> int:
    places = 0
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return min(places, 6)


def number_format(unit: IndicatorUnit, decimals: int, *, provisional: bool = False) -> str:
    """An Excel number format for a unit: thousands grouped, ``decimals`` places, "%" or "€" as text, "*"."""
    body = "#,##0" + ("." + "0" * decimals if decimals else "")
    if unit is IndicatorUnit.PERCENTAGE:
        body += '"%"'  # the value is 12,5 (percent), not 0,125: no Excel percentage format
    elif unit is IndicatorUnit.EUROS:
        body = '"€ "' + body
    return body + ('"*"' if provisional else "")


class _Cells:
    """Fresh write-only cells with styles applied once per distinct style (the technique of ``StyledCells``)."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.templates: dict[CellStyle, Any] = {}

    def cell(self, value: object, style: CellStyle) -> Cell:
        from copy import copy

        from openpyxl.cell import WriteOnlyCell

        template = self.templates.get(style)
        if template is None:
            template = WriteOnlyCell(self.ws)
            style.apply(template)
            self.templates[style] = template
        cell = WriteOnlyCell(self.ws)
        # openpyxl's style ids of a cell are left out of its stubs: hence the targeted ignore.
        cell._style = copy(template._style)  # type: ignore[attr-defined,union-attr]
        if isinstance(value, str):
            text = clean_cell_text(value)
            cell.value = text or None
            if text:
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if text.startswith(("=", "+", "-", "@")):
                    cell.quotePrefix = True
        else:
            cell.value = value  # type: ignore[assignment]
        return cell


def _row_values(row: ExportRow, periods: tuple[Period, ...], decimals: int, marked: bool) -> list[tuple[object, CellStyle]]:
    text = TARGET_TEXT if row.kind == "Streefwaarde" else TEXT
    baseline = row.baseline
    cells: list[tuple[object, CellStyle]] = [
        (row.name, text),
        (row.code, text),
        (row.area, text),
        (row.kind, text),
        (row.unit_text, text),
        (row.direction.label, text),
        (row.level.label, text),
        (row.source, text),
        (row.source_id, text),
        (baseline.value if baseline else None, CellStyle(number_format=number_format(row.unit, decimals))),
        (baseline.period.label if baseline and baseline.period else "", text),
    ]
    for period in periods:
        value = row.values.get(period)
        if value is None:
            cells.append((None, text))
        elif value.unknown or value.value is None:
            cells.append((".", CellStyle(horizontal="right")))
        else:
            style = CellStyle(number_format=number_format(row.unit, decimals, provisional=value.provisional))
            cells.append((value.value, style))
    cells += [
        (", ".join(p.label for p in row.provisional_periods), text),
        (row.definition if row.kind == "Meting" and not row.area else "", text),
        ("; ".join(row.sections), text),
    ]
    if marked:
        cells.append(("Vertrouwelijk" if row.confidential else "", text))
    return cells


def _write_sheet(wb: Any, sheet: ExportSheet, used: set[str], marked: bool, note: str) -> str:
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    ws: WriteOnlyWorksheet = wb.create_sheet(sheet_title(SHEET_TITLES[sheet.level], used))
    layout = sheet_layout(ws)
    headers = [h for h, _ in LEADING] + [p.label for p in sheet.periods] + [h for h, _ in TRAILING]
    widths = [w for _, w in LEADING] + [11.0] * len(sheet.periods) + [w for _, w in TRAILING]
    if marked:
        headers.append("Vertrouwelijk")
        widths.append(14)
    title_lines = [(f"Indicatoren: {SHEET_TITLES[sheet.level]}", TITLE_STYLE), (LEGEND, NOTE_STYLE)]
    if note:
        title_lines.append((note, NOTE_STYLE))
    if marked:
        title_lines.insert(0, (CONFIDENTIAL_BANNER, TITLE_STYLE))
    header_row = len(title_lines) + 2
    for index, width in enumerate(widths, start=1):
        layout.column_dimensions[column_letter(index)].width = width
    ws.freeze_panes = f"B{header_row + 1}"
    layout.page_setup.orientation = "landscape"
    layout.page_setup.paperSize = "9"
    table = Table(
        displayName=f"Indicatoren{sheet.level.value.title().replace('_', '')}",
        ref=f"A{header_row}:{column_letter(len(headers))}{header_row + len(sheet.rows)}",
    )
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, start=1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    table.autoFilter = AutoFilter(ref=table.ref)
    add_table(ws, table)
    write_title_block(ws, title_lines)
    cells = _Cells(ws)
    ws.append([cells.cell(h, HEADER_STYLE) for h in headers])
    # One number format per indicator: as many decimals as its most precise value needs.
    decimals: dict[object, int] = {}
    for row in sheet.rows:
        found = [v.value for v in row.values.values() if v.value is not None]
        if row.baseline is not None:
            found.append(row.baseline.value)
        decimals[row.indicator_id] = max(decimals.get(row.indicator_id, 0), _decimals(found))
    for row in sheet.rows:
        ws.append([cells.cell(v, s) for v, s in _row_values(row, sheet.periods, decimals[row.indicator_id], marked)])
    return ws.title


def write_indicators_xlsx(
    data: IndicatorExport, path: Path, *, progress: ProgressCallback | None = None
) -> XlsxExportResult:
    """Write the indicators to ``path``: one sheet per level that has indicators (an empty file says so)."""
    total = sum(len(s.rows) for s in data.sheets)
    report(progress, 0, total)
    wb = new_write_only_workbook()
    wb.properties.title = "Indicatoren"
    used: set[str] = set()
    note = ""
    if data.confidential_left_out:
        count = data.confidential_left_out
        note = f"{count} vertrouwelijke indicator{'en zijn' if count != 1 else ' is'} weggelaten."
    titles = []
    for sheet in data.sheets:
        titles.append(_write_sheet(wb, sheet, used, data.confidential_included, note))
    if not data.sheets:
        ws = wb.create_sheet("Indicatoren")
        write_title_block(ws, [("Indicatoren", TITLE_STYLE), ("Er zijn (nog) geen indicatoren.", NOTE_STYLE)])
        if note:
            ws.append([note])
        titles.append("Indicatoren")
    save_workbook(wb, path)
    report(progress, total, total)
    return XlsxExportResult(
        path=Path(path),
        rows=total,
        sheets=tuple(titles),
        confidential_left_out=data.confidential_left_out,
        notes=(note,) if note else (),
    )

