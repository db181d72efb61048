"""An action or programme list a region kept by hand in Excel, read with a column mapping.

Hand-kept lists have a title block, merged cells, section rows per actielijn and Dutch headers in many
spellings ("Nr.", "Actiepunt", "Trekker", "Deadline", "Status", "Toelichting"). Reading one goes in
three steps, each returning plain data the user can check:

1. ``read_list`` finds the header row (the row whose cells look most like known headers) on the best
   sheet and proposes a field for each column (``propose_mapping``).
2. The user (or ``--column`` on the command line) corrects the mapping (``apply_overrides``).
3. ``build_list_preview`` reads the rows: section rows (a single text across the row) set the actielijn
   of the rows below; deadlines are kept as written and parsed where possible; free-text statuses are
   mapped to the app's statuses (overridable, shown with counts); several trekkers in one cell are split.

Nothing is written here: ``services.importing.import_action_list`` creates the actions from the preview
in one transaction; a programme list is read into a draft by ``imports.programme_xlsx``.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ..deadlines import parse_deadline, parse_status
from ..dutch_dates import short_date
from ..models.enums import ActionStatus
from ..services.name_match import Candidate
from .workbook import ImportFileError, SheetData, WorkbookData, cell_text

HEADER_SEARCH_ROWS = 40

FIELDS: dict[str, str] = {
    "number": "Nr.",
    "text": "Actiepunt",
    "trekker": "Trekker",
    "deadline": "Deadline",
    "status": "Status",
    "note": "Toelichting",
    "section": "Actielijn",
    "ambition": "Ambitie",
    "meeting_date": "Datum overleg",
    "parties": "Betrokken partijen",
    "confidential": "Vertrouwelijk",
    "postponed": "Keer uitgesteld",
    "ignore": "(niet inlezen)",
}
# What the app's records hold (longer values are refused per row, never cut).
MAX_NUMBER = 40
MAX_TREKKER_TEXT = 300
MAX_DEADLINE_TEXT = 200
MAX_TEXT = 20_000
# Header spellings seen in Dutch lists, normalised (lower case, no accents or punctuation).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": (
        "nr", "nummer", "no", "actienr", "actienummer", "actiepuntnr", "volgnr", "volgnummer", "id", "code", "ref",
        "kenmerk", "num",
    ),
    "text": (
        "actiepunt", "actiepunten", "actie", "acties", "omschrijving", "omschrijving actie", "actieomschrijving",
        "wat", "taak", "taken", "onderwerp", "activiteit", "activiteiten", "afspraak", "afspraken", "maatregel",
        "actiepunt omschrijving", "beschrijving",
    ),
    "trekker": (
        "trekker", "trekkers", "wie", "verantwoordelijk", "verantwoordelijke", "verantwoordelijken",
        "verantwoordelijkheid", "eigenaar", "actiehouder", "uitvoerder", "uitvoering", "door", "door wie",
        "verantwoordelijke partij", "verantwoordelijke partijen", "trekker en betrokkenen", "wie trekt",
        "eerstverantwoordelijke", "contactpersoon", "actor",
    ),
    "deadline": (
        "deadline", "wanneer", "termijn", "planning", "gereed", "datum gereed", "gereed per", "streefdatum",
        "einddatum", "uiterlijk", "tijdpad", "datum", "klaar", "klaar per", "periode", "looptijd", "tijdsplanning",
        "planning deadline", "afgerond per", "wanneer klaar", "tijdlijn",
    ),
    "status": ("status", "stand", "voortgangsstatus", "status actie", "stadium", "fase", "stoplicht"),
    "note": (
        "toelichting", "stand van zaken", "voortgang", "opmerking", "opmerkingen", "notitie", "notities",
        "toelichting stand van zaken", "update", "resultaat", "stand van zaken toelichting", "bijzonderheden",
        "commentaar", "laatste stand",
    ),
    "section": ("actielijn", "actielijnen", "lijn", "thema", "speerpunt", "onderdeel", "pijler", "domein"),
    "ambition": ("ambitie", "ambities", "doel", "doelen", "doelstelling", "doelstellingen", "resultaatgebied"),
    "meeting_date": (
        "datum overleg", "vergaderdatum", "datum vergadering", "overleg", "vergadering", "datum afspraak",
        "afgesproken op", "datum ingebracht", "ingebracht", "opgevoerd", "datum opgevoerd", "overlegdatum",
        "datum ao", "afstemmingsoverleg",
    ),
    "parties": (
        "betrokken partijen", "betrokkenen", "betrokken", "partners", "partijen", "samenwerkingspartners",
        "met wie", "in samenwerking met", "ketenpartners", "betrokken organisaties", "overige betrokkenen",
    ),
    "confidential": ("vertrouwelijk", "vertr", "vertrouwelijkheid", "geheim", "niet openbaar"),
    "postponed": (
        "keer uitgesteld", "aantal keer uitgesteld", "uitgesteld", "doorgeschoven", "keer doorgeschoven",
        "aantal keer doorgeschoven", "uitstel", "aantal uitstel",
    ),
}  # fmt: skip
_SECTION_WORDS = re.compile(
    r"^(?:actielijn|actie\s*lijn|lijn|thema|speerpunt|onderdeel|hoofdstuk|deel|pijler|domein)\b"
    r"|^(?:[ivx]+|\d+|[a-h])[.):]\s+\S",
    re.IGNORECASE,
)
# Single cells that are no section though they stand alone on a row: legends, notes and footers.
_NOT_A_SECTION = re.compile(
    r"^(?:legenda|toelichting|noot|nb\b|n\.b\.|opmerking|bron|let op|pagina|blz|bijgewerkt|laatst bijgewerkt|"
    r"versie|datum|vastgesteld|status\s*:|kleur|groen|oranje|rood|geel|afkorting|totaal|einde|\*|bijlage|"
    r"gewijzigd|aangepast|concept|printdatum|afgedrukt)",
    re.IGNORECASE,
)
_LEGEND_ENTRY = re.compile(r"^\S{1,12}\s*[=:]\s*\S")  # "G = gereed", "VT: Veilig Thuis"
# Trekker separators that always separate (new lines, ";", ",") and those that separate names only
# when the text around them is not itself one name ("/", "&", "+", " en "); never inside parentheses.
_HARD_SPLIT = re.compile(r"\s*[;,\n]\s*")
_SOFT_SPLIT = re.compile(r"\s*(?:/|&|\+)\s*")
_AND_SPLIT = re.compile(r"\s+en\s+", re.IGNORECASE)
# "en/of", "v/d", "t/m", "Zorg- en Veiligheidshuis": a slash or "en" that is part of the words.
_PROTECTED = re.compile(r"\ben/of\b|\b\w/\w\b|-\s+en\s+\w+", re.IGNORECASE)
# A postponement in a status or note cell: "Doorgeschoven", "2x uitgesteld", "uitgesteld (3 keer)".
POSTPONEMENT_WORDS = re.compile(r"\b(?:doorgeschoven|uitgesteld|verplaatst|verschoven|opgeschoven)\b", re.IGNORECASE)
_POSTPONE_COUNT = re.compile(
    r"(\d{1,2})\s*(?:x|keer|maal)\s*(?:doorgeschoven|uitgesteld|verplaatst|verschoven|opgeschoven)\b"
    r"|(?:doorgeschoven|uitgesteld|verplaatst|verschoven|opgeschoven)\s*\(?\s*(\d{1,2})\s*(?:x|keer|maal)\b",
    re.IGNORECASE,
)


def postponement_count(text: str) -> int | None:
    """The number of postponements a text names ("2x uitgesteld" -> 2), or None."""
    match = _POSTPONE_COUNT.search(text or "")
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def normalise_header(text: object) -> str:
    """A header as compared: lower case, accents and punctuation removed, single spaces."""
    value = unicodedata.normalize("NFKD", cell_text(text)).encode("ascii", "ignore").decode("ascii").casefold()
    value = re.sub(r"[^a-z0-9 ]+", " ", value)
    return " ".join(value.split())


def field_for_header(text: object) -> tuple[str | None, int]:
    """(field, score) for one header cell: 3 for a known spelling, 1 for one that starts with one."""
    header = normalise_header(text)
    if not header:
        return None, 0
    for name, words in HEADER_WORDS.items():
        if header in words:
            return name, 3
    for name, words in HEADER_WORDS.items():
        for word in words:
            if len(word) >= 4 and (header.startswith(word + " ") or header.endswith(" " + word)):
                return name, 1
    return None, 0


def propose_mapping(headers: tuple[str, ...]) -> dict[int, str]:
    """A field for each column whose header is recognised; each field is given to one column at most."""
    proposals: list[tuple[int, int, str]] = []
    for index, header in enumerate(headers):
        name, score = field_for_header(header)
        if name:
            proposals.append((-score, index, name))
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _score, index, name in sorted(proposals):
        if name not in taken:
            mapping[index] = name
            taken.add(name)
    return dict(sorted(mapping.items()))


@dataclass(frozen=True)
class ListTable:
    """A hand-kept list as found: its sheet, title block, header row and the rows below it."""

    file_name: str
    sheet: str
    header_row: int  # 1-based, as Excel numbers rows
    headers: tuple[str, ...]
    proposal: dict[int, str]
    title_lines: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]  # (Excel row number, values)
    modified: date | None = None
    uncalculated: tuple[str, ...] = ()  # cells with a formula but no saved value

    def column_label(self, index: int) -> str:
        from openpyxl.utils import get_column_letter

        header = self.headers[index] if index < len(self.headers) else ""
        return f"{get_column_letter(index + 1)} ({header})" if header else get_column_letter(index + 1)


def _header_candidate(sheet: SheetData) -> tuple[int, int, dict[int, str]] | None:
    """(score, row index, mapping) of the most header-like row of ``sheet`` with an action text column."""
    best: tuple[int, int, dict[int, str]] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        headers = tuple(cell_text(v) for v in row)
        mapping = propose_mapping(headers)
        if "text" not in mapping.values() or len(mapping) < 2:
            continue
        score = sum(field_for_header(headers[i])[1] for i in mapping)
        if best is None or score > best[0]:
            best = (score, index, mapping)
    return best


def read_list(workbook: WorkbookData, sheet_name: str | None = None) -> ListTable:
    """Find the list in ``workbook`` (on ``sheet_name``, else the sheet with the clearest header)."""
    sheets = [s for s in workbook.sheets if not s.hidden and s.rows]
    if sheet_name is not None:
        sheet = workbook.sheet(sheet_name)
        if sheet is None:
            names = ", ".join(s.title for s in workbook.sheets)
            raise ImportFileError(
                f"Werkblad {sheet_name!r} bestaat niet in {workbook.name}.", f"Kies een van deze werkbladen: {names}."
            )
        sheets = [sheet]
    found: list[tuple[int, SheetData, int, dict[int, str]]] = []
    for sheet in sheets:
        candidate = _header_candidate(sheet)
        if candidate:
            found.append((candidate[0], sheet, candidate[1], candidate[2]))
    if not found:
        raise ImportFileError(
            f"In {workbook.name} is geen kopregel gevonden: geen regel met kolomkoppen en een kolom voor de actie.",
            'Zet boven de lijst een regel met kolomkoppen, zoals "Nr.", "Actiepunt", "Trekker", "Deadline" en '
            f'"Status" (in de eerste {HEADER_SEARCH_ROWS} regels), sla het bestand op en lees het opnieuw in.',
        )
    _score, sheet, header_index, mapping = max(found, key=lambda f: f[0])
    headers = tuple(cell_text(v) for v in sheet.rows[header_index])
    title_lines = tuple(
        " ".join(cell_text(v) for v in row if cell_text(v)) for row in sheet.rows[:header_index] if any(row)
    )
    rows = tuple((i + 1, row) for i, row in enumerate(sheet.rows) if i > header_index)
    return ListTable(
        file_name=workbook.name,
        sheet=sheet.title,
        header_row=header_index + 1,
        headers=headers,
        proposal=mapping,
        title_lines=tuple(t for t in title_lines if t),
        rows=rows,
        modified=workbook.modified,
        uncalculated=sheet.uncalculated,
    )


def field_name(text: str) -> str:
    """The field a user names in a mapping override ("trekker", "Trekker", "toelichting", "negeren")."""
    wanted = normalise_header(text)
    aliases = {"nr": "number", "nummer": "number", "actiepunt": "text", "actie": "text", "tekst": "text",
               "toelichting": "note", "opmerking": "note", "actielijn": "section", "sectie": "section",
               "ambitie": "ambition", "negeren": "ignore", "niet inlezen": "ignore", "overslaan": "ignore",
               "datum overleg": "meeting_date", "overleg": "meeting_date", "betrokken": "parties",
               "betrokken partijen": "parties", "vertrouwelijk": "confidential", "uitgesteld": "postponed",
               "keer uitgesteld": "postponed"}  # fmt: skip
    if wanted.replace(" ", "_") in FIELDS:  # "meeting_date" reads as "meeting date" once normalised
        return wanted.replace(" ", "_")
    if wanted in aliases:
        return aliases[wanted]
    raise ValueError(
        f"Onbekend veld {text!r}. Kies uit: "
        + ", ".join(f"{k} ({v})" for k, v in FIELDS.items() if k != "ignore")
        + ", ignore"
    )


def apply_overrides(table: ListTable, overrides: Mapping[str, str]) -> dict[int, str]:
    """The proposed mapping with the user's corrections; keys name a column by header or letter ("C").

    Raises ``ValueError`` (Dutch) for a column or field that does not exist.
    """
    from openpyxl.utils import column_index_from_string

    mapping = dict(table.proposal)
    for column, wanted_field in overrides.items():
        name = field_name(wanted_field)
        key = normalise_header(column)
        index = next((i for i, h in enumerate(table.headers) if normalise_header(h) == key and key), None)
        if index is None and re.fullmatch(r"[A-Za-z]{1,3}", column.strip()):
            index = column_index_from_string(column.strip().upper()) - 1
        if index is None:
            raise ValueError(
                f"Kolom {column!r} niet gevonden. Gebruik een kop of kolomletter uit: "
                + ", ".join(h for h in table.headers if h)
                + "."
            )
        # One column per field: the column that had this field before loses it.
        for other, other_field in list(mapping.items()):
            if other_field == name and other != index and name != "ignore":
                del mapping[other]
        if name == "ignore":
            mapping.pop(index, None)
        else:
            mapping[index] = name
    return dict(sorted(mapping.items()))


def split_trekkers(text: object, known: Callable[[str], bool] | None = None) -> list[str]:
    """Split a trekker cell naming several trekkers ("VT, gemeenten, projectleider", "Politie/OM").

    New lines, ";" and "," always separate (never inside parentheses). "/", "&", "+" separate unless the
    whole part is a name ``known`` recognises; " en " separates only where ``known`` recognises a part
    and not the whole ("Veilig Thuis en GGD", but never "Centrum voor Jeugd en Gezin"), or after
    "Gemeenten" ("Gemeenten A en B" gives "Gemeente A" and "Gemeente B"). Text is never cut inside a name.
    """
    text = cell_text(text)
    if not text:
        return []
    protected: list[str] = []

    def protect(match: re.Match[str]) -> str:
        protected.append(match.group(0))
        return f"\x00{len(protected) - 1}\x00"

    def restore(part: str) -> str:
        return re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], part)

    def is_known(part: str) -> bool:
        return known is not None and bool(part) and known(restore(part))

    masked = re.sub(r"\([^()]*\)", protect, text)
    masked = _PROTECTED.sub(protect, masked)
    parts: list[str] = []
    for hard in _HARD_SPLIT.split(masked):
        hard = hard.strip(" .-")
        if not hard:
            continue
        plural = hard.casefold().startswith("gemeenten ")
        if is_known(hard):
            parts.append(hard)
            continue
        soft = [p.strip(" .-") for p in _SOFT_SPLIT.split(hard)]
        for piece in soft:
            if not piece:
                continue
            pieces = [p.strip(" .-") for p in _AND_SPLIT.split(piece)]
            if len(pieces) > 1 and not is_known(piece) and (plural or any(is_known(p) for p in pieces)):
                parts.extend(p for p in pieces if p)
            else:
                parts.append(piece)
    out: list[str] = []
    plural_prefix = None
    for raw in parts:
        part = re.sub(r"\s+e\.?a\.?$", "", restore(raw)).strip()
        if not part:
            continue
        lowered = part.casefold()
        if lowered.startswith("gemeenten "):
            plural_prefix = "Gemeente "
            part = "Gemeente " + part[len("gemeenten ") :]
        elif plural_prefix and " " not in part and part[:1].isupper():
            part = plural_prefix + part
        else:
            plural_prefix = None
        if part not in out:
            out.append(part)
    return out


@dataclass(frozen=True)
class ListItem:
    """One action of the list as it will be imported."""

    row_number: int
    section: str
    ambition: str
    number: str
    text: str
    trekker_text: str
    trekkers: tuple[str, ...]
    deadline_text: str
    deadline_date: date | None  # the date an action item keeps: the day, or the last day of a period
    deadline_start: date | None
    deadline_end: date | None
    status_text: str
    status: ActionStatus | None
    note: str
    warnings: tuple[str, ...] = ()
    meeting_date: date | None = None
    parties: str = ""
    confidential: bool | None = None
    postponed: bool = False  # the status says the action was postponed ("Doorgeschoven")
    times_postponed: int | None = None  # a count the list names ("2x uitgesteld", a column)
    # Why the row cannot be imported (a value longer than the app holds, a number twice in the list):
    # shown in the preview, never imported in part.
    problems: tuple[str, ...] = ()
    # Filled in by ``services.importing.preview_action_list`` from the database:
    existing_id: object | None = None  # the action with the same number: it is updated, not duplicated
    changes: tuple[tuple[str, str, str], ...] = ()  # (field label, in the app, in the list)
    matches: tuple[TrekkerMatch, ...] = ()

    @property
    def importable(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class TrekkerMatch:
    """A trekker name of the list and what it was matched to, for the user to confirm in the preview."""

    name: str  # as written (after splitting)
    target_id: uuid.UUID | None = None
    target_name: str = ""
    kind: str = ""  # "organisation" or "person" ("" when not found)
    how: str = ""  # "naam", "alias", "afkorting", "lijkt op (92%)"
    score: float = 100.0
    # What the name may be (``services.name_match``), best first: the linked one and those only proposed.
    candidates: tuple[Candidate, ...] = ()

    @property
    def fuzzy(self) -> bool:
        return self.score < 100.0 and self.target_id is not None

    def describe(self) -> str:
        if self.target_id is None:
            return f"{self.name}: niet herkend (als tekst bewaard)"
        if self.name.casefold() == self.target_name.casefold():
            return self.target_name
        return f"{self.name} = {self.target_name} ({self.how})"


@dataclass(frozen=True)
class StatusMapping:
    """How one status text of the list maps to the app's status, with how many rows use it."""

    text: str
    status: ActionStatus | None
    count: int
    overridden: bool = False
    postponement: bool = False  # "Doorgeschoven": stays open and counts one postponement more


@dataclass(frozen=True)
class ListPreview:
    """What importing the list would create, for the user to check first."""

    file_name: str
    sheet: str
    header_row: int
    mapping: tuple[tuple[str, str], ...]  # (column label, field label)
    items: tuple[ListItem, ...]
    sections: tuple[str, ...]
    statuses: tuple[StatusMapping, ...]
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    reference: date | None = None
    series_id: uuid.UUID | None = None  # set by the service when the actions are attached to a series
    series_name: str = ""

    @property
    def importable(self) -> tuple[ListItem, ...]:
        return tuple(i for i in self.items if i.importable)

    @property
    def refused(self) -> tuple[ListItem, ...]:
        return tuple(i for i in self.items if not i.importable)

    @property
    def updates(self) -> tuple[ListItem, ...]:
        return tuple(i for i in self.items if i.importable and i.existing_id is not None)


def _deadline(value: object, reference: date | None) -> tuple[str, date | None, date | None, date | None, str | None]:
    """(text as written, action date, period start, period end, warning) of a deadline cell."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return short_date(value), value, value, value, None
    if isinstance(value, int | float) and not isinstance(value, bool) and 20_000 <= value <= 80_000:
        from openpyxl.utils.datetime import from_excel

        converted = from_excel(value)
        day = converted.date() if isinstance(converted, datetime) else converted
        return short_date(day), day, day, day, None
    text = cell_text(value)
    if not text:
        return "", None, None, None, None
    parsed = parse_deadline(text, reference=reference)
    if not parsed.has_period:
        return text, None, None, None, f"deadline {text!r} bewaard als tekst (geen periode herkend)"
    action_date = parsed.end if parsed.end is not None else parsed.start
    return text, action_date, parsed.start, parsed.end, None


def _title_date(lines: tuple[str, ...]) -> date | None:
    """The first date or period a title block names ("bijgewerkt 12 februari 2020"): the list's own date."""
    for line in lines:
        parsed = parse_deadline(line)
        if parsed.start or parsed.end:
            return parsed.start or parsed.end
    return None


def _is_section_row(values: list[str], text_column: int | None) -> str | None:
    """The section title when the row is a section row: one text across the row, not an action.

    Legends ("Legenda: G = gereed"), notes and footers ("Bijgewerkt 12-3-2020", "Pagina 2") are no sections.
    """
    filled = [(i, v) for i, v in enumerate(values) if v]
    if len(filled) != 1:
        return None
    index, value = filled[0]
    if len(value) < 3 or re.fullmatch(r"[\d.,\s-]+", value):
        return None
    if _NOT_A_SECTION.match(value) or _LEGEND_ENTRY.match(value):
        return ""
    if index != text_column:
        return value
    # Alone in the action column: only a section when it reads like one ("Actielijn 2: ...").
    return value if _SECTION_WORDS.search(value) else None


def _status_for(text: str, overrides: Mapping[str, ActionStatus]) -> tuple[ActionStatus | None, bool]:
    key = " ".join(text.casefold().split())
    if key in overrides:
        return overrides[key], True
    try:
        return ActionStatus.from_label(text), False
    except ValueError:
        pass
    if POSTPONEMENT_WORDS.search(text):
        # A postponement is no "aangehouden": the action goes on, later ("Doorgeschoven naar Q3").
        named = parse_status(POSTPONEMENT_WORDS.sub(" ", text))  # "Loopt, doorgeschoven naar Q3"
        return (named if named is not None and named is not ActionStatus.ON_HOLD else ActionStatus.IN_PROGRESS), False
    return parse_status(text), False


_YES = {"ja", "j", "x", "v", "yes", "y", "waar", "true", "1", "vertrouwelijk", "geheim", "wel"}
_NO = {"nee", "n", "no", "onwaar", "false", "0", "openbaar", "niet", "-"}


def _confidential(value: object) -> tuple[bool | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return value, None
    text = normalise_header(value)
    if text in _YES:
        return True, None
    if text in _NO:
        return False, None
    return None, f"vertrouwelijk {cell_text(value)!r} niet herkend (ja of nee): blijft zoals het is"


def _count(value: object) -> tuple[int | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer() and value >= 0:
        return int(value), None
    match = re.fullmatch(r"\s*(\d{1,2})\s*(?:x|keer|maal)?\s*", cell_text(value), re.IGNORECASE)
    if match:
        return int(match.group(1)), None
    counted = postponement_count(cell_text(value))
    if counted is not None:
        return counted, None
    return None, f"aantal keer uitgesteld {cell_text(value)!r} is geen getal: niet ingelezen"


def _meeting_date(value: object, reference: date | None) -> tuple[date | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = cell_text(value)
    parsed = parse_deadline(text, reference=reference)
    if parsed.start is not None and parsed.start == parsed.end:
        return parsed.start, None
    return None, f"datum overleg {text!r} is geen datum: niet gebruikt"


def _length_problems(item_values: Mapping[str, str]) -> list[str]:
    limits = (
        ("number", MAX_NUMBER, "het nummer"),
        ("trekker", MAX_TREKKER_TEXT, "de trekker"),
        ("deadline", MAX_DEADLINE_TEXT, "de deadline"),
        ("text", MAX_TEXT, "de actie"),
        ("note", MAX_TEXT, "de toelichting"),
    )
    problems = []
    for key, limit, label in limits:
        length = len(item_values.get(key, ""))
        if length > limit:
            problems.append(
                f"{label} is {length} tekens lang; de app bewaart er {limit}. Maak de tekst in het bestand korter "
                "en lees het opnieuw in (de regel wordt nu niet ingelezen)"
            )
    return problems


def build_list_preview(
    table: ListTable,
    mapping: Mapping[int, str] | None = None,
    *,
    status_overrides: Mapping[str, ActionStatus] | None = None,
    reference: date | None = None,
    known: Callable[[str], bool] | None = None,
) -> ListPreview:
    """Read the rows of ``table`` with ``mapping`` (column index -> field; the proposal when None).

    ``status_overrides`` maps a status text of the list (any case) to a status. ``reference`` is the
    date deadlines without a year ("voor de zomer") are read against: by default a date in the title
    block, else the file's save date, else today. ``known`` tells whether a text is one organisation or
    person (so "Centrum voor Jeugd en Gezin" is not split at "en").

    Every non-empty row below the header ends up in exactly one place: a section, an item (possibly with
    ``problems``: refused) or ``skipped`` with the reason.
    """
    mapping = dict(table.proposal if mapping is None else mapping)
    if "text" not in mapping.values():
        raise ValueError(
            "Er is geen kolom gekozen voor de actie (Actiepunt). Kies bij de kolommen welke kolom de actie bevat; "
            "zonder die kolom valt er niets in te lezen."
        )
    overrides = {" ".join(k.casefold().split()): v for k, v in (status_overrides or {}).items()}
    reference = reference or _title_date(table.title_lines) or table.modified or date.today()
    column_of = {name: index for index, name in mapping.items()}
    text_column = column_of.get("text")
    items: list[ListItem] = []
    skipped: list[str] = []
    section = ""
    ambition = ""
    status_counts: Counter[str] = Counter()
    status_results: dict[str, tuple[ActionStatus | None, bool]] = {}
    # (row number, title, item count when it was seen) of candidate section rows
    section_rows: list[tuple[int, str, int]] = []

    for row_number, raw in table.rows:
        values = [cell_text(v) for v in raw]
        if not any(values):
            continue

        def get(name: str, values: list[str] = values) -> str:
            index = column_of.get(name)
            return values[index] if index is not None and index < len(values) else ""

        def raw_value(name: str, raw: tuple[object, ...] = raw) -> object:
            index = column_of.get(name)
            return raw[index] if index is not None and index < len(raw) else None

        title = _is_section_row(values, text_column)
        if title == "":
            skipped.append(
                f"regel {row_number}: {_short(next(v for v in values if v))!r} is een legenda of "
                "voetnoot, geen actie: overgeslagen"
            )
            continue
        if title is not None:
            section = title
            ambition = ""
            section_rows.append((row_number, title, len(items)))
            continue
        text = get("text")
        if not text:
            filled = ", ".join(table.column_label(i) for i, v in enumerate(values) if v)
            skipped.append(
                f"regel {row_number}: geen actie ingevuld (wel in {filled}), overgeslagen; vul de actie in als de "
                "regel mee moet"
            )
            continue
        warnings: list[str] = []
        if get("section"):
            section = get("section")
        if get("ambition"):
            ambition = get("ambition")
        deadline_text, action_date, start, end, warning = _deadline(raw_value("deadline"), reference)
        if warning:
            warnings.append(warning)
        status_text = get("status")
        status = None
        postponed = False
        if status_text:
            status_counts[status_text] += 1
            if status_text not in status_results:
                status_results[status_text] = _status_for(status_text, overrides)
            status = status_results[status_text][0]
            postponed = bool(POSTPONEMENT_WORDS.search(status_text))
            if status is None:
                warnings.append(f"status {status_text!r} niet herkend: wordt {ActionStatus.NOT_STARTED.label}")
        times, warning = _count(raw_value("postponed"))
        if warning:
            warnings.append(warning)
        if times is None:
            times = postponement_count(status_text) or postponement_count(get("note"))
        if times is None and not status_text and POSTPONEMENT_WORDS.search(get("note")):
            postponed = True
        confidential, warning = _confidential(raw_value("confidential"))
        if warning:
            warnings.append(warning)
        meeting_day, warning = _meeting_date(raw_value("meeting_date"), reference)
        if warning:
            warnings.append(warning)
        trekker_text = get("trekker")
        problems = _length_problems(
            {"number": get("number"), "trekker": trekker_text, "deadline": deadline_text, "text": text,
             "note": get("note")}
        )  # fmt: skip
        items.append(
            ListItem(
                row_number=row_number,
                section=section,
                ambition=ambition,
                number=get("number"),
                text=text,
                trekker_text=trekker_text,
                trekkers=tuple(split_trekkers(trekker_text, known)),
                deadline_text=deadline_text,
                deadline_date=action_date,
                deadline_start=start,
                deadline_end=end,
                status_text=status_text,
                status=status,
                note=get("note"),
                warnings=tuple(warnings),
                meeting_date=meeting_day,
                parties=get("parties"),
                confidential=confidential,
                postponed=postponed,
                times_postponed=times,
                problems=tuple(problems),
            )
        )
    items = _mark_duplicate_numbers(items)
    # A candidate section with no action under it (before the next section or the end) is a footer or
    # a loose note: its rows keep no section, and the row is reported.
    sections: list[str] = []
    ends = [count for _r, _t, count in section_rows[1:]] + ([len(items)] if section_rows else [])
    dropped: dict[str, str] = {}
    for (row_number, title, count), section_end in zip(section_rows, ends, strict=True):
        if section_end > count:
            if title not in sections:
                sections.append(title)
        else:
            dropped[title] = title
            skipped.append(f"regel {row_number}: {_short(title)!r} heeft geen acties eronder (voetnoot?), overgeslagen")
    if "section" in column_of:
        for item in items:
            if item.section and item.section not in sections:
                sections.append(item.section)
    statuses = tuple(
        StatusMapping(
            text, status_results[text][0], count, status_results[text][1], bool(POSTPONEMENT_WORDS.search(text))
        )
        for text, count in status_counts.most_common()
    )
    unknown = [s.text for s in statuses if s.status is None]
    general: list[str] = []
    if unknown:
        general.append(
            "Niet herkende statussen (worden Niet gestart, of kies er een): " + ", ".join(repr(u) for u in unknown)
        )
    if table.uncalculated:
        cells = ", ".join(table.uncalculated[:8]) + (" ..." if len(table.uncalculated) > 8 else "")
        general.append(
            f"{len(table.uncalculated)} cellen bevatten een formule zonder berekende waarde ({cells}); die zijn "
            "leeg ingelezen. Open het bestand in Excel, sla het op en lees het opnieuw in."
        )
    refused = [i for i in items if i.problems]
    if refused:
        general.append(
            f"{len(refused)} {'regel wordt' if len(refused) == 1 else 'regels worden'} niet ingelezen (zie 'Let op' "
            "per regel). Pas het bestand aan en lees het opnieuw in, of importeer de andere regels."
        )
    if not items:
        general.append(
            "Er zijn geen acties gevonden onder de kopregel. Controleer of de kolom Actiepunt goed gekozen is."
        )
    return ListPreview(
        file_name=table.file_name,
        sheet=table.sheet,
        header_row=table.header_row,
        mapping=tuple((table.column_label(i), FIELDS[name]) for i, name in sorted(mapping.items())),
        items=tuple(items),
        sections=tuple(sections),
        statuses=statuses,
        skipped=tuple(skipped),
        warnings=tuple(general),
        reference=reference,
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mark_duplicate_numbers(items: list[ListItem]) -> list[ListItem]:
    """Two rows with the same number are a conflict to resolve in the file: neither is imported."""
    from dataclasses import replace

    rows: dict[str, list[int]] = {}
    for item in items:
        if item.number:
            rows.setdefault(item.number.casefold(), []).append(item.row_number)
    out = []
    for item in items:
        same = rows.get(item.number.casefold(), []) if item.number else []
        if len(same) > 1:
            others = ", ".join(str(r) for r in same if r != item.row_number)
            problem = (
                f"nummer {item.number} staat ook op regel {others}: geef elke actie een eigen nummer of verwijder "
                "de dubbele regel (geen van beide wordt nu ingelezen)"
            )
            item = replace(item, problems=(*item.problems, problem))
        out.append(item)
    return out
