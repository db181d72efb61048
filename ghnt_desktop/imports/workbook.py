"""Opening an Excel file for import, refusing what is not a usable workbook with a Dutch message.

Checked before openpyxl parses anything:

- not a file, empty, not a zip: "geen Excel-bestand";
- an OLE compound file: password-protected (an ``EncryptedPackage`` inside) or the old ``.xls`` format;
- a zip that is a Word document, an OpenDocument spreadsheet or anything else without a workbook;
- a zip whose parts unpack to more than ``MAX_UNPACKED_BYTES`` (a zip bomb or simply too big);
- a sheet whose declared size exceeds ``MAX_ROWS`` rows or ``MAX_COLUMNS`` columns.

Cells are then read as plain values (formulas give their last calculated value) with merged ranges
filled in, so a title merged over the width or a trekker merged down a few rows reads as it looks.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..dutch_dates import short_date, short_date_time

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ImportFileError(Exception):
    """A file that cannot be imported; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class SheetData:
    """The values of one worksheet: ``rows[i][j]`` is row i+1, column j+1 (merged ranges filled in)."""

    title: str
    rows: tuple[tuple[object, ...], ...]
    hidden: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class WorkbookData:
    """All worksheets of a file, read once; ``modified`` is the save date the file records."""

    name: str
    sheets: tuple[SheetData, ...]
    modified: date | None = None

    def sheet(self, title: str) -> SheetData | None:
        wanted = title.casefold()
        return next((s for s in self.sheets if s.title.casefold() == wanted), None)


def _check_container(path: Path) -> None:
    name = path.name
    if not path.exists():
        raise ImportFileError(f"Het bestand {name} bestaat niet.")
    if not path.is_file():
        raise ImportFileError(f"{name} is geen bestand.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"Het bestand {name} is leeg.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen ({size // (1024 * 1024)} MB; "
            f"het maximum is {MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    with path.open("rb") as handle:
        head = handle.read(len(OLE_SIGNATURE))
        if head == OLE_SIGNATURE:
            content = head + handle.read(4 * 1024 * 1024)
            if "EncryptedPackage".encode("utf-16-le") in content:
                raise ImportFileError(
                    f"Het bestand {name} is met een wachtwoord beveiligd. Open het in Excel, verwijder het "
                    "wachtwoord (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op als .xlsx."
                )
            raise ImportFileError(
                f"Het bestand {name} is een oud Excel-bestand (.xls) of een ander Office-formaat. Open het in "
                "Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)."
            )
    if not zipfile.is_zipfile(path):
        raise ImportFileError(f"Het bestand {name} is geen Excel-bestand (.xlsx): de inhoud is geen werkmap.")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise ImportFileError(f"Het bestand {name} is beschadigd en kan niet worden gelezen ({exc}).") from exc
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise ImportFileError(f"Het bestand {name} is een Word-document, geen Excel-werkmap.")
        if "ppt/presentation.xml" in names:
            raise ImportFileError(f"Het bestand {name} is een PowerPoint-presentatie, geen Excel-werkmap.")
        if "spreadsheet" in mimetype:
            raise ImportFileError(
                f"Het bestand {name} is een OpenDocument-rekenblad (.ods). Sla het op als Excel-werkmap (.xlsx)."
            )
        raise ImportFileError(f"Het bestand {name} is geen Excel-werkmap (.xlsx).")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen (uitgepakt {unpacked // (1024 * 1024)} MB; "
            f"het maximum is {MAX_UNPACKED_BYTES // (1024 * 1024)} MB)."
        )


def _declared_size(path: Path) -> list[tuple[str, int, int]]:
    """(sheet, rows, columns) as each sheet declares them, read without loading the cells."""
    from openpyxl import load_workbook

    sizes = []
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            try:
                rows, columns = ws.max_row or 0, ws.max_column or 0
            except Exception:  # noqa: BLE001 - a missing or odd dimension is checked while reading
                rows, columns = 0, 0
            sizes.append((ws.title, rows, columns))
    finally:
        wb.close()
    return sizes


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _cell_value(value: object) -> object:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        # Excel stores dates as datetimes; a time of exactly midnight is a plain date.
        return value.date() if value.time() == time(0) else value
    return value


def read_workbook(path: Path | str) -> WorkbookData:
    """Read every worksheet of ``path`` as plain values; raises ``ImportFileError`` with a Dutch message."""
    path = Path(path)
    _check_container(path)
    from openpyxl import load_workbook

    try:
        for title, rows, columns in _declared_size(path):
            if rows > MAX_ROWS or columns > MAX_COLUMNS:
                raise ImportFileError(
                    f"Het werkblad {title!r} in {path.name} is te groot om in te lezen ({_thousands(rows)} rijen, "
                    f"{_thousands(columns)} kolommen; het maximum is {_thousands(MAX_ROWS)} rijen en {MAX_COLUMNS} "
                    "kolommen). Verwijder lege rijen en kolommen of kopieer de lijst naar een nieuwe werkmap."
                )
        wb = load_workbook(path, data_only=True)
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for damaged files
        raise ImportFileError(f"Het bestand {path.name} kan niet als Excel-werkmap worden gelezen ({exc}).") from exc
    sheets = []
    try:
        for ws in wb.worksheets:
            height = min(ws.max_row or 0, MAX_ROWS)
            width = min(ws.max_column or 0, MAX_COLUMNS)
            grid = [
                [_cell_value(c) for c in row] for row in ws.iter_rows(max_row=height, max_col=width, values_only=True)
            ]
            for merged in ws.merged_cells.ranges:
                if merged.min_row > len(grid) or merged.min_col > width:
                    continue
                top_value = grid[merged.min_row - 1][merged.min_col - 1]
                for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
                    for c in range(merged.min_col, min(merged.max_col, width) + 1):
                        if (r, c) == (merged.min_row, merged.min_col):
                            continue
                        # A range merged down (a trekker for three rows) repeats its value; one merged
                        # across (a title or section row) stays a single cell.
                        if merged.min_col == merged.max_col:
                            grid[r - 1][c - 1] = top_value
            while grid and all(v is None or (isinstance(v, str) and not v.strip()) for v in grid[-1]):
                grid.pop()
            sheets.append(
                SheetData(title=ws.title, rows=tuple(tuple(r) for r in grid), hidden=ws.sheet_state != "visible")
            )
    finally:
        wb.close()
    modified = wb.properties.modified or wb.properties.created
    if not any(s.rows for s in sheets):
        raise ImportFileError(f"De werkmap {path.name} bevat geen gegevens.")
    return WorkbookData(
        name=path.name, sheets=tuple(sheets), modified=modified.date() if isinstance(modified, datetime) else None
    )


def cell_text(value: object) -> str:
    """A cell value as text: dates in Dutch form, whole numbers without ".0", None as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return short_date_time(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
