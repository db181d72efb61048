"""Figures from a file: an Excel workbook as people keep figures, or the CSV file CBS StatLine offers for download.

Both come out as ``services.indicators.IncomingFigures`` (indicators, values, and what could not be read, in
Dutch), which ``services.indicators.preview_figures`` compares with the database. Nothing here needs a network.

Two layouts are recognised in either kind of file, by where the periods are:

- **periods across** (how people keep figures in Excel): a header row whose cells are periods ("2019", 2020,
  "2021*", "2022 H1"; a year merged over "H1" and "H2" cells below it counts for both), the indicator in a column
  to the left ("Indicator", "Naam", or the first column with text), and optional columns "Code", "Eenheid",
  "Richting", "Niveau", "Bron", "Tabel", "Gemeente", "Soort" (Meting or Streefwaarde), "Nulmeting",
  "Periode nulmeting", "Definitie" and "Voorlopig" (the periods that are voorlopig). Rows without a name under a
  named row belong to it (a gemeente per row); rows without any figure are titles and are skipped.
- **periods down** (StatLine's own): a column of periods, the other text columns dimensions ("Regio's", "Soort
  melder"), and each column of numbers one indicator named by its header ("Meldingen (aantal)").

Cells: Dutch numbers ("1.620", "12,5"), StatLine's marks ("*" voorlopig, "." onbekend, "x" geheim, "-" nihil);
text in a number cell is reported and skipped, never guessed. StatLine's title, footnotes and copyright rows are
recognised and skipped; a table id in them ("84852NED") becomes the indicators' source.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..models.enums import IndicatorDirection, IndicatorLevel, IndicatorUnit, PeriodKind
from ..services.figure_values import CellValue, Period, parse_cell, parse_period
from ..services.indicators import IncomingFigures, IncomingIndicator, IncomingValue
from .existing_list import normalise_header
from .workbook import MAX_FILE_BYTES, OLE_SIGNATURE, ImportFileError, _as_text, cell_text, read_workbook

HEADER_SEARCH_ROWS = 40
MAX_CSV_ROWS = 50_000
MAX_CSV_COLUMNS = 200
MAX_PROBLEMS = 200  # more are counted, not listed
STATLINE_TABLE = re.compile(r"(?<![0-9A-Za-z])(\d{5}[A-Z]{3})(?![0-9A-Za-z])")  # "84852NED", also "84852NED_x"
STATLINE_SOURCE = "CBS StatLine"
SAVE_AS_CSV_OR_XLSX = (
    "Kies een Excel-werkmap (.xlsx) met de cijfers of het CSV-bestand dat CBS StatLine geeft (Downloaden > CSV)."
)

# Header spellings of the optional columns (normalised: lower case, no punctuation).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("indicator", "indicatoren", "naam", "omschrijving", "cijfer", "kengetal", "onderwerp", "onderwerpen"),
    "code": ("code", "nr", "nummer", "id", "kenmerk"),
    "unit": ("eenheid", "eenheden", "maat"),
    "direction": ("richting", "gewenste richting", "beter"),
    "level": ("niveau", "schaal"),
    "source": ("bron", "bronnen", "herkomst"),
    "source_id": ("tabel", "tabelnummer", "bronaanduiding", "bron id", "statline tabel"),
    "area": ("gemeente", "gemeenten", "regio", "regios", "gebied", "veilig thuis regio", "regio s"),
    "kind": ("soort", "type", "meting of streefwaarde"),
    "baseline": ("nulmeting", "basiswaarde", "uitgangswaarde", "baseline"),
    "baseline_period": ("periode nulmeting", "jaar nulmeting", "basisjaar", "peiljaar nulmeting"),
    "definition": ("definitie", "toelichting definitie"),
    "provisional": ("voorlopig", "voorlopige cijfers", "voorlopige perioden"),
    "confidential": ("vertrouwelijk",),
    "ignore": ("toelichting", "opmerking", "opmerkingen", "notitie", "actielijn", "trend", "streefwaarde richting"),
}
_UNITS: tuple[tuple[re.Pattern[str], IndicatorUnit], ...] = (
    (re.compile(r"%|procent|percentage|aandeel"), IndicatorUnit.PERCENTAGE),
    (re.compile(r"\bdag(en)?\b|doorlooptijd"), IndicatorUnit.DAYS),
    (re.compile(r"€|euro|\beur\b|kosten|budget"), IndicatorUnit.EUROS),
)
_SUB_PERIOD = re.compile(
    r"^(?:(?P<h>h)\s*(?P<hn>[12])|(?P<q>[kq])\s*(?P<qn>[1-4])|(?P<n>[1-4])\s*(?:e|ste|de)?\s*(?P<w>halfjaar|helft|kwartaal))$"
)
_FOOTNOTE_START = re.compile(
    r"^(bron|bronnen|©|\(c\)|copyright|verklaring|toelichting|voetnoot|noot|\*|\.\s|gegevens|centraal bureau|"
    r"https?://|cbs|status|peildatum|opmerking)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Origin:
    """Where a file's figures come from when its rows do not say: StatLine and the table id it names."""

    source: str = ""
    table_id: str = ""


@dataclass
class _Reader:
    """Collects what one file says, with the problems in Dutch (capped, the rest counted)."""

    file_name: str
    kind: str
    indicators: dict[str, IncomingIndicator] = field(default_factory=dict)
    values: list[IncomingValue] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    more_problems: int = 0

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        else:
            self.more_problems += 1

    def result(self) -> IncomingFigures:
        problems = list(self.problems)
        if self.more_problems:
            problems.append(f"En nog {self.more_problems} cellen die niet konden worden gelezen.")
        return IncomingFigures(self.file_name, self.kind, tuple(self.indicators.values()), tuple(self.values), tuple(problems))


# ---------------------------------------------------------------------------------------------------------------
# Entry


def read_indicator_file(path: Path | str) -> IncomingFigures:
    """Read an Excel workbook or a StatLine CSV file; raises ``ImportFileError`` (Dutch, with what to do).

    The kind is taken from the content, not the name: an Excel file saved as .csv is read as Excel.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"Het bestand {path.name} bestaat niet.", "Kies het bestand opnieuw (is het verplaatst?).")
    if not path.is_file():
        raise ImportFileError(f"{path.name} is geen bestand maar een map.", "Kies het bestand met de cijfers.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK") or head == OLE_SIGNATURE or path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        if path.suffix.lower() == ".csv" and head.startswith(b"PK") and not _is_workbook_zip(path):
            raise ImportFileError(f"Het bestand {path.name} is geen CSV- of Excel-bestand.", SAVE_AS_CSV_OR_XLSX)
        workbook = read_workbook(path)
        reader = _Reader(workbook.name, "Excel")
        read_any = False
        for sheet in workbook.sheets:
            if sheet.hidden or not sheet.rows:
                continue
            read_any = _read_grid(reader, sheet.rows, f"werkblad {sheet.title!r}", _Origin()) or read_any
        if not read_any:
            raise ImportFileError(
                f"In {path.name} is geen rij met perioden gevonden (jaren als 2019, 2020 of 2021 H1 als kolomkoppen, "
                "of een kolom Perioden).",
                "Zet de jaren als kolomkoppen boven de cijfers (indicatoren onder elkaar) en lees het bestand opnieuw in.",
            )
        return reader.result()
    return read_statline_csv(path)


def _is_workbook_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def read_statline_csv(path: Path | str) -> IncomingFigures:
    """Read a CSV file (StatLine's download: semicolon-separated, quoted, with title and footnote rows)."""
    path = Path(path)
    name = path.name
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(
            f"Het bestand {name} is leeg (0 bytes).",
            "Download het bestand opnieuw uit StatLine of sla het opnieuw op; een leeg bestand is vaak niet goed "
            "gedownload.",
        )
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen ({size // (1024 * 1024)} MB; het maximum is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB).",
            "Kies in StatLine minder perioden of gebieden en download de tabel opnieuw.",
        )
    raw = path.read_bytes()
    if raw.startswith(b"%PDF"):
        raise ImportFileError(f"Het bestand {name} is een PDF-bestand, geen CSV-bestand.", SAVE_AS_CSV_OR_XLSX)
    text = _decode(raw)
    if text is None:
        raise ImportFileError(
            f"Het bestand {name} is geen tekstbestand (CSV): het bevat binaire gegevens of is beschadigd.",
            SAVE_AS_CSV_OR_XLSX,
        )
    if text.lstrip()[:20].lower().startswith(("<html", "<!doctype", "<?xml")):
        raise ImportFileError(
            f"Het bestand {name} is een webpagina of XML-bestand, geen CSV-bestand.",
            "Kies in StatLine Downloaden > CSV en sla het bestand op; lees dat bestand in.",
        )
    delimiter = _delimiter(text)
    rows: list[tuple[str, ...]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number > MAX_CSV_ROWS or len(row) > MAX_CSV_COLUMNS:
                raise ImportFileError(
                    f"Het bestand {name} is te groot om in te lezen (meer dan {MAX_CSV_ROWS:,} regels of "
                    f"{MAX_CSV_COLUMNS} kolommen).".replace(",", "."),
                    "Kies in StatLine minder perioden of gebieden en download de tabel opnieuw.",
                )
            rows.append(tuple(cell.strip() for cell in row))
    except csv.Error as exc:
        raise ImportFileError(
            f"Het bestand {name} is geen leesbaar CSV-bestand (aanhalingstekens kloppen niet).",
            "Download het bestand opnieuw uit StatLine, of open het in Excel en sla het op als .xlsx.",
            str(exc),
        ) from exc
    if not any(any(cell for cell in row) for row in rows):
        raise ImportFileError(
            f"Het bestand {name} bevat geen gegevens.", "Controleer of u het goede bestand hebt gekozen."
        )
    table_ids = STATLINE_TABLE.findall(text) or STATLINE_TABLE.findall(name)  # StatLine names its files by table
    lowered = text.casefold()
    statline = bool(table_ids) or "centraal bureau voor de statistiek" in lowered or re.search(r"\bcbs\b", lowered)
    reader = _Reader(name, "CBS StatLine (CSV)" if statline else "CSV")
    source = _Origin(STATLINE_SOURCE if statline else "", table_ids[0] if table_ids else "")
    if not _read_grid(reader, rows, "", source):
        raise ImportFileError(
            f"In {name} is geen kolom of rij met perioden gevonden (2019, 2020*, 2021 1e halfjaar).",
            "Kies in StatLine een tabel met Perioden en download die als CSV, of zet de jaren als kolomkoppen.",
        )
    return reader.result()


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    start = _as_text(raw[:4096])
    if start is None:
        return None
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        control = sum(1 for ch in text[:20000] if not (ch.isprintable() or ch in "\r\n\t"))
        if control <= 0.01 * min(len(text), 20000):
            return text
    return None


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    counts = {sep: sum(line.count(sep) for line in lines) for sep in (";", "\t", ",")}
    # StatLine and Dutch Excel use ";"; a comma is also the decimal mark, so it only wins by a wide margin.
    if counts[";"] or counts["\t"]:
        return ";" if counts[";"] >= counts["\t"] else "\t"
    return "," if counts[","] else ";"


# ---------------------------------------------------------------------------------------------------------------
# The grid


def _where(prefix: str, row: int, column: str = "") -> str:
    text = f"{prefix}, regel {row}" if prefix else f"regel {row}"
    return f"{text}, kolom {column}" if column else text


def _column_field(value: object) -> str | None:
    header = normalise_header(value)
    if not header:
        return None
    for name, words in COLUMNS.items():
        if header in words:
            return name
    for name in ("baseline_period", "baseline", "source_id", "provisional", "definition"):
        if any(header.startswith(word + " ") for word in COLUMNS[name]):
            return name
    return None


def _sub_period(value: object) -> tuple[PeriodKind, int] | None:
    match = _SUB_PERIOD.match(" ".join(cell_text(value).casefold().split()))
    if match is None:
        return None
    if match.group("h"):
        return PeriodKind.HALF_YEAR, int(match.group("hn"))
    if match.group("q"):
        return PeriodKind.QUARTER, int(match.group("qn"))
    return (PeriodKind.QUARTER if match.group("w") == "kwartaal" else PeriodKind.HALF_YEAR), int(match.group("n"))


def _header_periods(rows: Sequence[Sequence[object]], index: int) -> dict[int, tuple[Period, bool]]:
    """Column -> (period, voorlopig) for a candidate header row; a year in the row above carries across to
    "H1"/"K2" cells below it (a year merged over its halves reads as one cell followed by empty ones)."""
    row = rows[index]
    found: dict[int, tuple[Period, bool]] = {}
    above = rows[index - 1] if index > 0 else ()
    carried: tuple[Period, bool] | None = None
    for column, value in enumerate(row):
        upper = above[column] if column < len(above) else None
        if upper not in (None, ""):
            parsed_upper = parse_period(upper)
            carried = parsed_upper if parsed_upper is not None and parsed_upper[0].kind is PeriodKind.YEAR else None
        sub = _sub_period(value)
        if sub is not None and carried is not None:
            try:
                found[column] = (Period(carried[0].year, sub[0], sub[1]), carried[1])
            except ValueError:
                pass
            continue
        if isinstance(value, str) and not value.strip():
            continue
        parsed = parse_period(value)
        if parsed is not None:
            found[column] = parsed
    return found


def _read_grid(reader: _Reader, rows: Sequence[Sequence[object]], prefix: str, origin: _Origin) -> bool:
    """Read one sheet (or the CSV) in whichever layout it has; False when it has no periods at all."""
    best = -1
    best_periods: dict[int, tuple[Period, bool]] = {}
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        periods = _header_periods(rows, index)
        # A header row holds periods and (nearly) nothing that is a number other than those periods.
        numbers = sum(1 for c, v in enumerate(rows[index]) if c not in periods and isinstance(v, int | float | Decimal))
        if len(periods) > len(best_periods) and numbers <= 1:
            best, best_periods = index, periods
    # Periods across win when the header row has two or more of them, or one beside a column of names; a data row of
    # a StatLine file (one period among its values) is no such header, and its column of periods reads down.
    named = best >= 0 and any(_column_field(v) == "name" for v in rows[best])
    if best_periods and (len(best_periods) >= 2 or named):
        _read_across(reader, rows, prefix, best, best_periods, origin)
        return True
    down = _period_column(rows)
    if down is not None:
        return _read_down(reader, rows, prefix, down[0], origin)
    if best_periods:
        _read_across(reader, rows, prefix, best, best_periods, origin)
        return True
    return False


def _period_column(rows: Sequence[Sequence[object]]) -> tuple[int, int] | None:
    """The column holding periods down the rows (StatLine's layout) and how many it holds, or None."""
    counts: dict[int, int] = {}
    for row in rows:
        for column, value in enumerate(row):
            if isinstance(value, str) and value.strip() and parse_period(value) is not None:
                counts[column] = counts.get(column, 0) + 1
    if not counts:
        return None
    column, count = max(counts.items(), key=lambda item: (item[1], -item[0]))
    return (column, count) if count >= 2 else None


def _unit_of(text: str) -> IndicatorUnit | None:
    lowered = text.casefold()
    for pattern, unit in _UNITS:
        if pattern.search(lowered):
            return unit
    if re.search(r"aantal|\bx\s*1\s*000\b|personen|meldingen|adviezen", lowered):
        return IndicatorUnit.COUNT
    return None


def _direction_of(text: str) -> IndicatorDirection | None:
    lowered = text.casefold()
    if not lowered.strip():
        return None
    if any(word in lowered for word in ("hoger", "omhoog", "stijgen", "toename", "meer")):
        return IndicatorDirection.HIGHER_IS_BETTER
    if any(word in lowered for word in ("lager", "omlaag", "dalen", "afname", "minder")):
        return IndicatorDirection.LOWER_IS_BETTER
    try:
        return IndicatorDirection.from_label(text)
    except ValueError:
        return IndicatorDirection.NEUTRAL if "geen" in lowered or "context" in lowered else None


def _level_of(text: str) -> IndicatorLevel | None:
    lowered = text.casefold()
    if "veilig thuis" in lowered:
        return IndicatorLevel.VEILIG_THUIS_REGION
    if "gemeente" in lowered:
        return IndicatorLevel.MUNICIPALITY
    if "nederland" in lowered or "landelijk" in lowered:
        return IndicatorLevel.NATIONAL
    if "regio" in lowered:
        return IndicatorLevel.REGION
    return None


_TARGET_HEADER = re.compile(r"(streefwaarde|streefcijfer|doel|doelstelling|norm|target)\s*(\d{4})")
_BASELINE_HEADER = re.compile(r"(nulmeting|basiswaarde|uitgangswaarde|baseline|0 meting)\s*(\d{4})")


def _unit_label(text: str) -> str:
    """What a unit cell says besides the unit: "Aantal (meldingen)" -> "meldingen"; a unit the app does not know
    ("casussen") is kept whole."""
    if _unit_of(text) is None:
        return text[:100]
    match = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", text)
    return match.group(2).strip()[:100] if match else ""


def _split_unit(header: str) -> tuple[str, str]:
    """"Meldingen (aantal)" -> ("Meldingen", "aantal"); a header without a unit in brackets stays whole."""
    match = re.fullmatch(r"(.+?)\s*\(([^()]{1,40})\)\s*", header)
    if match and _unit_of(match.group(2)) is not None:
        return match.group(1).strip(), match.group(2).strip()
    return header.strip(), ""


_UNIT_WORDS = re.compile(
    r"^(aantal(len)?|x ?1 ?000( euro)?|x ?(mln|mld)\.?( euro)?|(mln|mld)\.? euro|euro('?s|`s)?|%|procent|dagen|uren|"
    r"per 1 ?000 .*|1 ?000 euro|% van .*)$"
)


def _is_unit(text: str) -> bool:
    return bool(_UNIT_WORDS.match(" ".join(text.casefold().split())))


def _column_names(parts: list[list[str]]) -> list[tuple[str, str]]:
    """(name, unit) per column from its head texts (top to bottom): the most specific text that is not a unit
    names it ("Jonger dan 20 jaar"), the unit row gives the unit ("aantal"); equal names get their parent's."""
    result: list[tuple[str, str]] = []
    for texts in parts:
        units = [t for t in texts if _is_unit(t)]
        words = [t for t in texts if not _is_unit(t) and t.casefold() not in ("onderwerpen", "onderwerp", "perioden")]
        name = words[-1] if words else (units[-1] if units else "")
        name, bracket = _split_unit(name)
        result.append((name, units[-1] if units else bracket))
    counts: dict[str, int] = {}
    for name, _unit in result:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    for column, (name, unit) in enumerate(result):
        if name and counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            texts = [t for t in parts[column] if not _is_unit(t) and t.casefold() not in ("onderwerpen", "onderwerp")]
            parent = texts[-2] if len(texts) >= 2 else ""
            result[column] = (f"{parent} – {name}" if parent else f"{name} ({seen[name]})", unit)
    return result


def _footnote(values: Sequence[object]) -> bool:
    texts = [cell_text(v) for v in values if cell_text(v)]
    return len(texts) == 1 and bool(_FOOTNOTE_START.match(texts[0]))


def _read_across(
    reader: _Reader,
    rows: Sequence[Sequence[object]],
    prefix: str,
    header_index: int,
    periods: dict[int, tuple[Period, bool]],
    origin: _Origin,
) -> None:
    header = rows[header_index]
    above = rows[header_index - 1] if header_index > 0 else ()
    first_period = min(periods)
    fields: dict[str, int] = {}
    target_columns: dict[int, int] = {}  # column -> year of a "Streefwaarde 2025" column
    header_baseline: Period | None = None  # the year a "Nulmeting 2019" header names
    for column, value in enumerate(header):
        if column in periods:
            continue
        head = normalise_header(value)
        target_match = _TARGET_HEADER.fullmatch(head)
        if target_match and 1900 <= int(target_match.group(2)) <= 2100:
            target_columns[column] = int(target_match.group(2))
            continue
        baseline_match = _BASELINE_HEADER.fullmatch(head)
        if baseline_match and "baseline" not in fields and 1900 <= int(baseline_match.group(2)) <= 2100:
            fields["baseline"] = column
            header_baseline = Period(int(baseline_match.group(2)))
            continue
        name = _column_field(value)
        if name is None and column < len(above) and column not in periods:
            name = _column_field(above[column])  # a header merged down from the row above
        if name is not None and name not in fields:
            fields[name] = column
    if "name" not in fields:
        # The first column left of the periods with text in most rows below the header.
        candidates = [c for c in range(first_period) if c not in fields.values()]
        # Names are longer than the numbering beside them ("1.1", "A3"): count the cells with real text.
        scores = {
            c: sum(1 for r in rows[header_index + 1 :] if c < len(r) and isinstance(r[c], str) and len(cell_text(r[c])) > 6)
            for c in candidates
            if c not in target_columns
        }
        if scores and max(scores.values()) > 0:
            fields["name"] = max(scores, key=lambda c: (scores[c], -c))
    if "name" not in fields:
        reader.problem(f"{prefix or reader.file_name}: er is geen kolom met de namen van de indicatoren gevonden.")
        return
    area_column = fields.get("area")
    area_header = normalise_header(header[area_column]) if area_column is not None and area_column < len(header) else ""
    area_is_municipality = area_header.startswith("gemeente")
    footer_source = ""
    for row in rows[header_index + 1 :]:
        if _footnote(row) and cell_text(row[0] if row else "").casefold().startswith("bron"):
            footer_source = cell_text(row[0]).split(":", 1)[-1].strip()
    previous_name = ""
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        line = index + 1

        def cell(name: str, row: Sequence[object] = row) -> object:
            column = fields.get(name)
            return row[column] if column is not None and column < len(row) else None

        name_text = " ".join(cell_text(cell("name")).split())
        area = " ".join(cell_text(cell("area")).split())
        if not name_text and area and previous_name:
            name_text = previous_name  # a gemeente row under its indicator
        if not name_text or _footnote(row):
            continue
        if len(name_text) > 300:
            reader.problem(f"{_where(prefix, line)}: de naam is langer dan 300 tekens: regel niet ingelezen.")
            continue
        cells = {column: (parse_cell(row[column]) if column < len(row) else CellValue()) for column in periods}
        targets = {column: (parse_cell(row[column]) if column < len(row) else CellValue()) for column in target_columns}
        baseline_cell = parse_cell(cell("baseline")) if "baseline" in fields else CellValue()
        has_meta = any(cell_text(cell(f)) for f in ("code", "unit", "source", "source_id", "definition"))
        empty = all(c.empty for c in cells.values()) and all(c.empty for c in targets.values())
        if empty and baseline_cell.empty and not has_meta:
            continue  # a title or section row ("Actielijn 1"), or an indicator without figures
        previous_name = name_text
        kind_text = normalise_header(cell("kind"))
        target = kind_text.startswith("streef") or kind_text in ("doel", "target", "norm")
        unit_text = cell_text(cell("unit"))
        provisional_text = cell_text(cell("provisional"))
        marked: set[Period] = set()
        for part in re.split(r"[;,]|\s+en\s+", provisional_text):
            parsed = parse_period(part.strip()) if part.strip() else None
            if parsed is not None:
                marked.add(parsed[0])
        if not target and name_text.casefold() not in {k.casefold() for k in reader.indicators}:
            parsed_baseline = parse_period(cell("baseline_period"))
            baseline_period = parsed_baseline[0] if parsed_baseline else header_baseline
            if baseline_cell.problem:
                reader.problem(f"{_where(prefix, line, 'nulmeting')}: {baseline_cell.problem} Niet ingelezen.")
            source = cell_text(cell("source")) or origin.source or footer_source
            reader.indicators[name_text] = IncomingIndicator(
                name=name_text,
                code=cell_text(cell("code"))[:40],
                definition=cell_text(cell("definition")),
                unit=_unit_of(unit_text) if unit_text else None,
                unit_label=_unit_label(unit_text),
                direction=_direction_of(cell_text(cell("direction"))),
                level=_level_of(cell_text(cell("level"))) or (IndicatorLevel.MUNICIPALITY if area else None),
                source=source[:300],
                source_id=(cell_text(cell("source_id")) or origin.table_id)[:100],
                baseline_value=baseline_cell.value,
                baseline_period=baseline_period,
                confidential=normalise_header(cell("confidential")) in ("vertrouwelijk", "ja", "x", "j"),
                where=_where(prefix, line),
            )
        for column, year in target_columns.items():
            value = targets[column]
            header_text = cell_text(header[column])
            if value.problem:
                reader.problem(f"{_where(prefix, line, header_text)}: {value.problem} Niet ingelezen.")
            elif value.value is not None:
                reader.values.append(
                    IncomingValue(name_text, Period(year), value.value, area=area, target=True,
                                  where=_where(prefix, line, header_text), municipality=area_is_municipality)
                )  # fmt: skip
        for column, (period, header_provisional) in periods.items():
            value = cells[column]
            header_text = f"{period.label}{'*' if header_provisional else ''}"
            if value.problem:
                reader.problem(f"{_where(prefix, line, header_text)}: {value.problem} Niet ingelezen.")
                continue
            if value.empty:
                continue
            reader.values.append(
                IncomingValue(
                    indicator=name_text,
                    period=period,
                    value=value.value,
                    provisional=value.provisional or header_provisional or period in marked,
                    unknown=value.unknown,
                    area=area,
                    target=target,
                    where=_where(prefix, line, header_text),
                    municipality=area_is_municipality,
                )
            )


def _read_down(
    reader: _Reader, rows: Sequence[Sequence[object]], prefix: str, period_column: int, origin: _Origin
) -> bool:
    """StatLine's layout: a period per row, dimensions in text columns, one indicator per column of numbers."""
    data_rows = [
        i
        for i, row in enumerate(rows)
        if period_column < len(row) and isinstance(row[period_column], str | int) and parse_period(row[period_column])
    ]
    first = data_rows[0]
    # StatLine writes its column heads over several rows: topics ("Onderwerpen"), most specific last, then a row of
    # units ("Perioden";"aantal";"%"). Every row right above the data with two or more cells is one of them.
    headers: list[Sequence[object]] = []
    for index in range(first - 1, -1, -1):
        if sum(1 for v in rows[index] if cell_text(v)) < 2:
            break
        headers.insert(0, rows[index])
    if not headers:
        reader.problem(f"{prefix or reader.file_name}: boven de perioden staat geen rij met kolomkoppen.")
        return True
    parts = [
        [cell_text(h[c]) for h in headers if c < len(h) and cell_text(h[c])]
        for c in range(max(len(h) for h in headers))
    ]
    names = _column_names(parts)
    width = max(len(rows[i]) for i in data_rows)
    numeric: list[int] = []
    dimensions: list[int] = []
    for column in range(width):
        if column == period_column or (column < len(parts) and [p.casefold() for p in parts[column]] == ["id"]):
            continue  # the row number of StatLine's open data download is no figure
        values = [rows[i][column] for i in data_rows if column < len(rows[i]) and cell_text(rows[i][column])]
        if not values:
            continue
        readable = sum(1 for v in values if not parse_cell(v).problem)
        (numeric if readable >= 0.5 * len(values) else dimensions).append(column)
    area_column = next(
        (c for c in dimensions if c < len(parts) and any(_column_field(p) == "area" for p in parts[c])), None
    )
    others = [c for c in dimensions if c != area_column]
    for column in numeric:
        base_name, unit_label = names[column] if column < len(names) else (f"Kolom {column + 1}", "")
        header_text = f"{base_name} ({unit_label})" if unit_label else base_name
        for index in data_rows:
            row = rows[index]
            line = index + 1
            if _footnote(row):
                continue
            parsed = parse_period(row[period_column])
            assert parsed is not None
            period, period_provisional = parsed
            suffix = " – ".join(cell_text(row[c]) for c in others if c < len(row) and cell_text(row[c]))
            name = f"{base_name} – {suffix}" if suffix else base_name
            if len(name) > 300:
                reader.problem(f"{_where(prefix, line)}: de naam is langer dan 300 tekens: niet ingelezen.")
                continue
            value = parse_cell(row[column]) if column < len(row) else CellValue()
            if value.problem:
                reader.problem(f"{_where(prefix, line, header_text)}: {value.problem} Niet ingelezen.")
                continue
            if value.empty:
                continue
            if name not in reader.indicators:
                reader.indicators[name] = IncomingIndicator(
                    name=name,
                    unit=_unit_of(unit_label or header_text),
                    unit_label="" if _unit_of(unit_label) else unit_label,
                    source=origin.source,
                    source_id=origin.table_id,
                    where=_where(prefix, line),
                )
            area = cell_text(row[area_column]) if area_column is not None and area_column < len(row) else ""
            reader.values.append(
                IncomingValue(
                    indicator=name,
                    period=period,
                    value=value.value,
                    provisional=value.provisional or period_provisional,
                    unknown=value.unknown,
                    area=area,
                    where=_where(prefix, line, header_text),
                )
            )
    return True

