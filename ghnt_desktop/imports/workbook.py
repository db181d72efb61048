"""Opening an Excel file for import, refusing what is not a usable workbook with a Dutch message.

Checked before openpyxl parses anything:

- not a file, empty, not a zip: "geen Excel-bestand";
- an OLE compound file: password-protected (an ``EncryptedPackage`` inside) or the old ``.xls`` format;
- a zip that is a Word document, an OpenDocument spreadsheet or anything else without a workbook;
- a zip whose parts unpack to more than ``MAX_UNPACKED_BYTES``, or much more than they hold
  (``MAX_PACK_RATIO``: a zip bomb).

Each sheet is then streamed to its real last row: the size ("dimension") record a sheet declares is
never trusted, because files written by other programs leave it out or get it wrong. A sheet with
data past ``MAX_ROWS`` rows or ``MAX_COLUMNS`` columns refuses the whole file with the real count:
nothing is read in part. Cells are read as plain values (formulas give their last calculated value;
a formula without one is reported) with merged ranges filled in, so a title merged over the width or
a trekker merged down a few rows reads as it looks.

Every refusal is an ``ImportFileError``: a Dutch sentence saying what is wrong, one saying what to do,
and the library's own text (if any) only as a detail under them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dutch_dates import short_date, short_date_time

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_PACK_RATIO = 200  # a real workbook packs 5-20x; a zip bomb thousands of times
MAX_ROWS = 50_000
MAX_COLUMNS = 200
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

SAVE_AS_XLSX = (
    "Open het bestand in Excel of LibreOffice, kies Opslaan als > Excel-werkmap (.xlsx) en lees dat bestand in."
)


class ImportFileError(Exception):
    """A file (or part of one) that cannot be imported.

    ``problem`` says in Dutch what is wrong, ``action`` what the user can do about it; ``detail`` keeps
    a library's own message for the details under them (never the main text).
    """

    def __init__(self, problem: str, action: str, detail: str = "") -> None:
        self.problem = problem.strip()
        self.action = action.strip()
        self.detail = detail.strip()
        super().__init__(f"{self.problem} {self.action}".strip())


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@dataclass(frozen=True)
class SheetData:
    """The values of one worksheet: ``rows[i][j]`` is row i+1, column j+1 (merged ranges filled in)."""

    title: str
    rows: tuple[tuple[object, ...], ...]
    hidden: bool = False
    # Cells holding a formula that was never calculated (no value saved): "C5", ...
    uncalculated: tuple[str, ...] = ()

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
        raise ImportFileError(f"Het bestand {name} bestaat niet.", "Kies het bestand opnieuw (is het verplaatst?).")
    if not path.is_file():
        raise ImportFileError(f"{name} is geen bestand maar een map.", "Kies het Excel-bestand in deze map.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(
            f"Het bestand {name} is leeg (0 bytes).",
            "Vraag het bestand opnieuw op of sla het in Excel opnieuw op; een leeg bestand is vaak niet goed "
            "gedownload of opgeslagen.",
        )
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen ({size // (1024 * 1024)} MB; "
            f"het maximum is {MAX_FILE_BYTES // (1024 * 1024)} MB).",
            "Kopieer alleen de lijst naar een nieuwe werkmap en lees die in.",
        )
    with path.open("rb") as handle:
        head = handle.read(len(OLE_SIGNATURE))
        if head == OLE_SIGNATURE:
            content = head + handle.read(4 * 1024 * 1024)
            if "EncryptedPackage".encode("utf-16-le") in content:
                raise ImportFileError(
                    f"Het bestand {name} is met een wachtwoord beveiligd.",
                    "Open het in Excel, verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen > "
                    "Versleutelen met wachtwoord) en sla het opnieuw op als .xlsx.",
                )
            raise ImportFileError(
                f"Het bestand {name} is een oud Excel-bestand (.xls) of een ander ouder Office-formaat.", SAVE_AS_XLSX
            )
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            start = handle.read(2048)
        text = _as_text(start)
        if start.startswith(b"PK"):
            problem = (
                f"Het bestand {name} is beschadigd: de werkmap is niet volledig (onvolledig gedownload, gekopieerd "
                "of opgeslagen)."
            )
            raise ImportFileError(problem, "Vraag het bestand opnieuw op of sla het in Excel opnieuw op.")
        if start.lstrip().lower().startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
            problem = f"Het bestand {name} is een webpagina of XML-bestand met de naam .xlsx, geen Excel-werkmap."
        elif start.startswith(b"%PDF"):
            problem = f"Het bestand {name} is een PDF-bestand met de naam .xlsx, geen Excel-werkmap."
        elif text is not None and any(sep in text for sep in ";,\t"):
            problem = f"Het bestand {name} is een tekstbestand (CSV) met de naam .xlsx, geen Excel-werkmap."
        else:
            problem = f"Het bestand {name} is geen Excel-werkmap (.xlsx) of het is beschadigd."
        raise ImportFileError(problem, SAVE_AS_XLSX)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos)
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except Exception as exc:  # noqa: BLE001 - zipfile raises many kinds for damaged archives
        raise ImportFileError(
            f"Het bestand {name} is beschadigd (onvolledig gedownload of opgeslagen) en kan niet worden gelezen.",
            "Vraag het bestand opnieuw op of open het in Excel, dat beschadigde bestanden vaak kan herstellen, "
            "en sla het opnieuw op.",
            _detail(exc),
        ) from exc
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            problem = f"Het bestand {name} is een Word-document, geen Excel-werkmap."
            raise ImportFileError(problem, "Kies het Excel-bestand met de lijst, of kopieer de tabel naar Excel.")
        if "ppt/presentation.xml" in names:
            problem = f"Het bestand {name} is een PowerPoint-presentatie, geen Excel-werkmap."
            raise ImportFileError(problem, "Kies het Excel-bestand met de lijst, of kopieer de tabel naar Excel.")
        if "spreadsheet" in mimetype:
            raise ImportFileError(f"Het bestand {name} is een OpenDocument-rekenblad (.ods).", SAVE_AS_XLSX)
        raise ImportFileError(
            f"Het bestand {name} is geen Excel-werkmap (.xlsx): het deel met de werkmap ontbreekt.", SAVE_AS_XLSX
        )
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked > MAX_PACK_RATIO * max(packed, 1)):
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen (uitgepakt {unpacked // (1024 * 1024)} MB uit "
            f"{max(packed, 1) // 1024 + 1} kB; het maximum is {MAX_UNPACKED_BYTES // (1024 * 1024)} MB).",
            "Kopieer alleen de lijst naar een nieuwe werkmap en lees die in. Komt het bestand van buiten, "
            "vertrouw het dan niet.",
        )


def _as_text(start: bytes) -> str | None:
    """The start of a file as text when it is text (UTF-8, UTF-16 or Latin-1 without control bytes)."""
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = start.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
        if text and printable >= 0.97 * len(text):
            return text
    return None


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _cell_value(value: object) -> object:
    if isinstance(value, datetime):
        # Excel stores dates as datetimes; a time of exactly midnight is a plain date.
        return value.date() if value.time() == time(0) else value
    return value


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(wb: Workbook, ws: ReadOnlyWorksheet, file_name: str) -> SheetData:
    """Stream one worksheet to its real last row, whatever size it declares, with merges filled in."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    uncalculated: list[str] = []

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None and len(uncalculated) < 1000:
                from openpyxl.utils import get_column_letter

                uncalculated.append(f"{get_column_letter(cell['column'])}{cell['row']}")
            return cell

    grid: list[list[object]] = []
    last_row = 0  # the last row with a value, counted to the real end
    widest = 0
    # openpyxl's private attributes below are not in its stubs (types-openpyxl): hence the targeted ignores.
    with ws._get_source() as source:  # type: ignore[attr-defined]  # noqa: SLF001 - the read-only sheet's stream
        parser = Parser(
            source,
            ws._shared_strings,  # type: ignore[attr-defined]  # noqa: SLF001
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,  # type: ignore[attr-defined]  # noqa: SLF001
            timedelta_formats=wb._timedelta_formats,  # type: ignore[attr-defined]  # noqa: SLF001
        )
        for row_number, cells in parser.parse():
            values = [(c["column"], _cell_value(c["value"])) for c in cells if not _empty(c["value"])]
            if not values:
                continue
            last_row = max(last_row, row_number)
            widest = max(widest, max(column for column, _v in values))
            if row_number > MAX_ROWS or widest > MAX_COLUMNS:
                continue  # counted, not kept: the file is refused below
            while len(grid) < row_number:
                grid.append([])
            row = grid[row_number - 1]
            for column, value in values:
                if len(row) < column:
                    row.extend([None] * (column - len(row)))
                row[column - 1] = value
        merges = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    if last_row > MAX_ROWS or widest > MAX_COLUMNS:
        raise ImportFileError(
            f"Het werkblad {ws.title!r} in {file_name} is te groot om in te lezen: het heeft gegevens tot regel "
            f"{_thousands(last_row)} en kolom {_thousands(widest)} (het maximum is {_thousands(MAX_ROWS)} regels en "
            f"{MAX_COLUMNS} kolommen). Er is niets ingelezen.",
            "Verwijder wat niet bij de lijst hoort (of verdeel de lijst over twee werkmappen) en lees het bestand "
            "opnieuw in.",
        )
    width = widest
    for row in grid:
        row.extend([None] * (width - len(row)))
    for merged in merges:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(merged.ref)
        except (TypeError, ValueError):
            continue
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue  # a whole row or column ("A:A"): no cell range of the list
        if min_row > len(grid) or min_col > width or min_col != max_col:
            # A range merged across (a title or section row) stays a single cell.
            continue
        top_value = grid[min_row - 1][min_col - 1]
        # A range merged down (a trekker for three rows) repeats its value.
        for r in range(min_row + 1, min(max_row, len(grid)) + 1):
            if _empty(grid[r - 1][min_col - 1]):
                grid[r - 1][min_col - 1] = top_value
    return SheetData(
        title=ws.title,
        rows=tuple(tuple(r) for r in grid),
        hidden=ws.sheet_state != "visible",
        uncalculated=tuple(uncalculated),
    )


def _without_dimensions(path: Path) -> io.BytesIO:
    """An in-memory copy of the workbook with the sheets' size records left out (the file is not touched).

    openpyxl refuses a sheet whose size record does not parse ("A1:!!"); the records are not used here
    anyway, as every sheet is read to its real end.
    """
    import re

    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                content = re.sub(rb"<(?:\w+:)?dimension\b[^>]*/>", b"", content, count=1)
            dst.writestr(info, content)
    out.seek(0)
    return out


def read_workbook(path: Path | str) -> WorkbookData:
    """Read every worksheet of ``path`` as plain values; raises ``ImportFileError`` with a Dutch message."""
    path = Path(path)
    _check_container(path)
    import warnings

    from openpyxl import load_workbook

    sheets = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops
            try:
                wb = load_workbook(path, read_only=True, data_only=True)
            except Exception:  # noqa: BLE001 - retried once without the size records, which are not needed
                wb = load_workbook(_without_dimensions(path), read_only=True, data_only=True)
            try:
                for ws in wb.worksheets:
                    sheets.append(_read_sheet(wb, ws, path.name))
                modified = wb.properties.modified or wb.properties.created
            finally:
                wb.close()
    except ImportFileError:
        raise
    except MemoryError as exc:
        raise ImportFileError(
            f"Het bestand {path.name} is te groot om in het geheugen te lezen.",
            "Kopieer alleen de lijst naar een nieuwe werkmap en lees die in.",
            _detail(exc),
        ) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for damaged files
        raise ImportFileError(
            f"Het bestand {path.name} kan niet als Excel-werkmap worden gelezen: een deel ervan ontbreekt of is "
            "beschadigd.",
            "Open het in Excel of LibreOffice en sla het opnieuw op als Excel-werkmap (.xlsx); lukt openen niet, "
            "vraag het bestand dan opnieuw op.",
            _detail(exc),
        ) from exc
    if not any(s.rows for s in sheets):
        raise ImportFileError(
            f"De werkmap {path.name} bevat geen gegevens: alle werkbladen zijn leeg.",
            "Controleer of u het goede bestand hebt gekozen en of de lijst is opgeslagen.",
        )
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
