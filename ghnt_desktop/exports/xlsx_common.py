"""Shared pieces of the Excel exports: safe cell values, styles, sheet names and saving.

Every export writes with openpyxl's write-only workbook and one reusable, pre-styled cell per column:
measured on this machine that is the fastest way openpyxl writes styled cells (see
``benchmarks/bench_xlsx.py``). Writing a row sends it to the file at once, so a cell object can be
filled again for the next row.

Safety rules applied to every text cell:

- Text is always stored as text (data type ``s``), never as a formula or an error value: a trekker
  called ``=HYPERLINK(...)`` or a status ``@SUM(A1)`` stays the characters the user typed (formula
  injection). Text starting with ``=``, ``+``, ``-`` or ``@`` also gets Excel's quote prefix, so editing
  the cell in Excel keeps it text.
- Characters an Excel file cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) are
  replaced by U+FFFD, and text longer than Excel's 32,767 characters is cut with an ellipsis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from openpyxl.worksheet.table import Table
    from openpyxl.worksheet.worksheet import Worksheet

ProgressCallback = Callable[[int, int], None]

MAX_CELL_CHARS = 32_767
FORMULA_PREFIXES = ("=", "+", "-", "@")
# openpyxl's ILLEGAL_CHARACTERS_RE plus what XML 1.0 cannot carry at all.
_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"

# Colours: a calm header, a red the eye finds for late actions; both readable when printed in grey.
HEADER_FILL = "1F4E79"
HEADER_FONT = "FFFFFF"
LATE_FILL = "F8CBAD"
LATE_FONT = "9C0006"
DONE_FONT = "595959"


class XlsxExportError(Exception):
    """An Excel file that cannot be written; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class XlsxExportResult:
    """What an Excel export wrote and what it left out, for the export dialog and the command line."""

    path: Path
    rows: int
    sheets: tuple[str, ...]
    confidential_left_out: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def clean_text(value: str) -> str:
    """``value`` with the characters Excel cannot hold replaced and cut to the length a cell can hold."""
    if _ILLEGAL_RE.search(value):
        value = _ILLEGAL_RE.sub("\ufffd", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "\u2026"
    return value


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet could take for a formula if a user retypes or pastes it."""
    return text.startswith(FORMULA_PREFIXES)


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique worksheet name (31 characters, none of ``[]:*?/\\``) for ``name``; adds it to ``used``."""
    base = _SHEET_NAME_BAD.sub(" ", clean_text(name).replace("\ufffd", " ")).strip().strip("'") or "Blad"
    base = re.sub(r"\s+", " ", base)[:31].strip()
    title, counter = base, 2
    while title.casefold() in used:
        suffix = f" ({counter})"
        title = base[: 31 - len(suffix)].rstrip() + suffix
        counter += 1
    used.add(title.casefold())
    return title


LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def text_lines(text: str, width: float) -> int:
    """Estimated number of lines ``text`` wraps to in a column ``width`` characters wide.

    Excel does not fit row heights to wrapped text when it opens a file, so the export sets them;
    an average character is a little narrower than the "0" that column widths count in.
    """
    per_line = max(1, int(width))
    lines = 0
    for paragraph in text.split("\n"):
        lines += max(1, -(-len(paragraph) // per_line))
    return lines


def row_height(values: Iterable[object], widths: Iterable[float], wrapped: Iterable[bool]) -> float | None:
    """The height a row needs for its wrapped texts, or None for the default single line."""
    lines = 1
    for value, width, wrap in zip(values, widths, wrapped, strict=False):
        if wrap and isinstance(value, str) and value and (len(value) > width or "\n" in value):
            lines = max(lines, text_lines(value, width))
    if lines == 1:
        return None
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)


def column_letter(index: int) -> str:
    """The letter(s) of a 1-based column index ("A", "Z", "AA")."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class StyledCells:
    """One reusable write-only cell per column, each with a pre-computed style.

    ``row(values)`` fills the cells and returns them for ``ws.append``; the worksheet writes the row
    at once, so the same cells serve the next row. Text goes through ``clean_text`` and is forced to
    text; dates get the Dutch date format of the column style.
    """

    def __init__(self, ws: WriteOnlyWorksheet, styles: Iterable[CellStyle | None]) -> None:
        from copy import copy

        from openpyxl.cell import WriteOnlyCell

        self._ws = ws
        self._cells: list[Cell] = []
        self._quote_styles: list[StyleArray] = []
        # Each distinct style is applied once and its style ids copied to the other columns: applying a
        # style hashes every font, fill and border object (measured: the year overview of representation,
        # 110 columns, spent 70 of its 170 ms applying styles to its template cells).
        applied: dict[CellStyle, StyleArray] = {}
        for style in styles:
            cell = WriteOnlyCell(ws)
            if style is not None:
                if style not in applied:
                    style.apply(cell)
                    applied[style] = cell._style  # type: ignore[attr-defined]  # see below
                cell._style = copy(applied[style])  # type: ignore[attr-defined]
            quoted = WriteOnlyCell(ws)
            # ``_style`` (openpyxl's style ids of a cell) is left out of its stubs: hence the targeted ignores.
            quoted._style = copy(cell._style)  # type: ignore[attr-defined]
            quoted.quotePrefix = True
            self._cells.append(cell)
            self._quote_styles.append(quoted._style)  # type: ignore[attr-defined]

    def row(self, values: Iterable[Any]) -> list[Any]:
        """The cells of one row with ``values`` set safely (None leaves a cell empty)."""
        from copy import copy

        out = []
        for index, (cell, value) in enumerate(zip(self._cells, values, strict=False)):
            if isinstance(value, str):
                text = clean_text(value) if value else None
                cell.value = text
                if text is None:
                    out.append(cell)
                    continue
                cell.data_type = "s"  # never a formula or an error value, whatever the text starts with
                if text and looks_like_formula(text):
                    # A fresh cell with the quote prefix: the shared one must not keep it for other rows.
                    from openpyxl.cell import WriteOnlyCell

                    quoted = WriteOnlyCell(self._ws)
                    quoted._style = copy(self._quote_styles[index])  # type: ignore[attr-defined]
                    quoted.value = text
                    quoted.data_type = "s"
                    out.append(quoted)
                    continue
            else:
                cell.value = value
            out.append(cell)
        return out


@dataclass(frozen=True)
class CellStyle:
    """A named bundle of openpyxl style objects, applied to a template cell once per export."""

    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None
    fill: str | None = None
    wrap: bool = True
    horizontal: str | None = None
    number_format: str | None = None
    border: bool = True

    def apply(self, cell: Cell) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        if self.bold or self.italic or self.size or self.color:
            cell.font = Font(bold=self.bold, italic=self.italic, size=self.size, color=self.color)
        if self.fill:
            cell.fill = PatternFill("solid", start_color=self.fill, end_color=self.fill)
        cell.alignment = Alignment(wrap_text=self.wrap, vertical="top", horizontal=self.horizontal)
        if self.number_format:
            cell.number_format = self.number_format
        if self.border:
            thin = Side(style="thin", color="BFBFBF")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)


HEADER_STYLE = CellStyle(bold=True, color=HEADER_FONT, fill=HEADER_FILL)
TEXT_STYLE = CellStyle()
DATE_STYLE = CellStyle(number_format=DATE_FORMAT, horizontal="left")
NUMBER_STYLE = CellStyle(horizontal="center")
TITLE_STYLE = CellStyle(bold=True, size=14, wrap=False, border=False)
NOTE_STYLE = CellStyle(italic=True, color="595959", wrap=False, border=False)


def sheet_layout(ws: WriteOnlyWorksheet) -> Worksheet:
    """``ws`` typed as the Worksheet whose layout attributes it has (column and row dimensions, page setup,
    conditional formatting, data validations: set by Worksheet._setup at run time), which types-openpyxl
    leaves out of WriteOnlyWorksheet."""
    return cast("Worksheet", ws)


def write_title_block(ws: WriteOnlyWorksheet, lines: list[tuple[str, CellStyle]]) -> int:
    """Write title lines at the top of ``ws``; returns the number of rows used (a blank row follows)."""
    for text, style in lines:
        ws.append(StyledCells(ws, [style]).row([text]))
    ws.append([])
    return len(lines) + 1


def new_write_only_workbook() -> Workbook:
    """An openpyxl write-only workbook with Dutch document properties."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.creator = "GHNT Desktop"
    wb.properties.language = "nl-NL"
    return wb


def save_workbook(wb: Workbook, path: Path) -> None:
    """Save ``wb`` to ``path`` through a temporary file beside it, so a failed save leaves no half file.

    A file kept open in Excel on Windows refuses to be replaced: that gets a Dutch message.
    """
    from .output import write_atomically

    write_atomically(
        path,
        wb.save,
        error=XlsxExportError,
        in_use="het bestand is geopend in een ander programma (Excel?) of alleen-lezen. Sluit het en probeer het "
        "opnieuw.",
    )


def report(progress: ProgressCallback | None, done: int, total: int) -> None:
    """Call the progress callback when there is one."""
    if progress is not None:
        progress(done, total)


@dataclass(frozen=True)
class Column:
    """A column of an exported table: its field, Dutch header, width and style."""

    key: str
    header: str
    width: float
    style: CellStyle = TEXT_STYLE
    hidden: bool = False


def write_table_sheet(
    wb: Workbook,
    title: str,
    title_lines: list[tuple[str, CellStyle]],
    columns: tuple[Column, ...],
    rows: Iterable[list[Any]],
    *,
    table_name: str,
    row_count: int,
    used_titles: set[str],
    empty_text: str = "Geen gegevens in deze selectie.",
    freeze_column: str = "B",
    fit_to_page: bool = True,
) -> WriteOnlyWorksheet:
    """A sheet with a title block and one Excel table (frozen header, wrapped text, row heights).

    Returns the worksheet (conditional formats may still be added). ``row_count`` must be the number
    of ``rows``: the table's range is set before the rows stream to the file.
    """
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    ws: WriteOnlyWorksheet = wb.create_sheet(sheet_title(title, used_titles))
    layout = sheet_layout(ws)
    header_row = len(title_lines) + 2
    last_row = header_row + row_count
    for index, column in enumerate(columns, start=1):
        dimension = layout.column_dimensions[column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    ws.freeze_panes = f"{freeze_column}{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    layout.page_setup.orientation = "landscape"
    layout.page_setup.paperSize = "9"  # A4
    layout.page_setup.fitToWidth = 1
    layout.page_setup.fitToHeight = 0
    page_fit, footer = layout.sheet_properties.pageSetUpPr, layout.oddFooter
    if page_fit is not None:  # both are there on a new sheet
        # Set before the rows stream: a write-only sheet writes its properties with the first row. A sheet
        # printed in parts (page breaks) must not fit to page, or Excel ignores its breaks.
        page_fit.fitToPage = fit_to_page
    if footer is not None:
        footer.center.text = "Pagina &P van &N"
    if row_count:
        table = Table(displayName=table_name, ref=f"A{header_row}:{column_letter(len(columns))}{last_row}")
        table.tableColumns = [TableColumn(id=i, name=c.header) for i, c in enumerate(columns, start=1)]
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        table.autoFilter = AutoFilter(ref=table.ref)
        add_table(ws, table)
    write_title_block(ws, title_lines)
    headers = [c.header for c in columns]
    header_height = row_height(headers, [c.width for c in columns], [True] * len(columns))
    if header_height:
        layout.row_dimensions[header_row].height = header_height
    ws.append(StyledCells(ws, [HEADER_STYLE] * len(columns)).row(headers))
    cells = StyledCells(ws, [c.style for c in columns])
    widths = [c.width for c in columns]
    wrapped = [not c.hidden for c in columns]
    for number, values in enumerate(rows, start=header_row + 1):
        height = row_height(values, widths, wrapped)
        if height is not None:
            layout.row_dimensions[number].height = height
        ws.append(cells.row(values))
    if not row_count:
        ws.append(StyledCells(ws, [NOTE_STYLE]).row([empty_text]))
    return ws


def add_table(ws: WriteOnlyWorksheet, table: Table) -> None:
    """Add ``table`` to a write-only sheet (its columns are given, so openpyxl's warning does not apply)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        # types-openpyxl gives the write-only sheet's add_table (Worksheet's own function) a Worksheet self.
        ws.add_table(table)  # type: ignore[misc]
