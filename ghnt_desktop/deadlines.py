"""Deadlines and statuses as people write them, read into a period and an ``ActionStatus``.

Programme tables, action lists and minutes write timing as free text: "klaar: januari 2020", "aug-sep 2019",
"2019-2021", "Q2 2020", "2024-Q4", "maart '22", "week 12", "voor de zomervakantie", "eind dit jaar".
``parse_deadline`` keeps that text and adds the period it names: ``start`` is the first day of the first
month (or the day itself for a date), ``end`` the last day of the last month. A text without a readable
period keeps no period and gets a ``message`` (Dutch) saying why and what to write instead.

Conventions chosen here (documented because they are choices, not facts):

- A deadline phrase ("klaar: januari 2020", "uiterlijk eind 2020", "voor de zomer 2020", "uiterlijk 1 juli")
  gives the period in which it falls due, as the Groningen programme extract does.
- begin YYYY = january-march, medio/half/halverwege YYYY = june-july, eind YYYY = october-december. With a month
  they mean a third of it: "begin maart" = 1-10 march, "medio mei" = 11-20 may, "eind maart" = 21-31 march.
- voorjaar/lente = march-may, zomer = june-august, najaar/herfst = september-november.
- "voor de zomer" = june, "voor de zomervakantie" = july (the school holidays start in july),
  "na de zomer(vakantie)" = september, "voor de kerst" = december; schooljaar 2023-2024 = 1 august 2023 to
  31 july 2024; "week 12 2021" is ISO week 12 (monday to sunday).
- Two-digit years are 20xx: "Q1 '21", "maart '22", "mrt-21" (a spreadsheet's month format), "15-3-21".
- Open ends: "vanaf 2019", "sinds 2019", "vanaf Q3", "april 2019 - eind programma", "2019 - doorlopend",
  "2019 en verder", "2019 - heden" give the start and no end, with ``open_end`` set (the work runs on; a caller
  that knows the programme's end may show that instead). "doorlopend" or "continu" alone gives no period but
  ``open_end`` (and no message: it was understood). "tot 2021", "t/m 2021", "tot de zomer" leave the start
  open; "na 2016" starts the day after and runs on.
- Recurring ("jaarlijks", "per kwartaal") and event-relative texts ("binnen 48 uur na melding", "eerstvolgend
  overleg") name no period: the text is kept, with a message.
- A period without a year ("januari", "voor de zomer", "week 12", "komend najaar", "uiterlijk 1 juli") takes the
  year of the next period written ("aug-sep 2019"), else of the one before, else the NEXT such period from the
  ``reference`` date (the date the deadline was written: the meeting date, the list's date, the import date):
  one that has not yet ended on that date. "komend"/"volgend"/"aankomend" ask for one that has not yet begun.
  "dit jaar", "volgend jaar", "deze maand", "volgende week", "binnen twee weken" count from the reference.
  Without a reference such a text gives no period (and a message) rather than a guessed one.
- Several periods that are not a range ("pilot gestart in 2018; begin 2020 geëvalueerd") give the span
  from the earliest start to the latest end.

``parse_status`` reads a free-text status; ``postponement_count`` reads how often a note says the work was put
off ("2x uitgesteld"). None of the functions ever raises: odd input gives no period (or no status).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .models.enums import ActionStatus

__all__ = ["ParsedDeadline", "is_postponement", "parse_deadline", "parse_status", "postponement_count"]


@dataclass(frozen=True)
class ParsedDeadline:
    """A deadline as written and the period read from it (both ends may be unknown).

    ``open_end``: the text says the work runs on (no end, or until the programme's end). ``message``: why no
    period was read and what to write instead (Dutch, for the user); empty when the text was understood.
    """

    text: str
    start: date | None
    end: date | None
    open_end: bool = False
    message: str = ""

    @property
    def has_period(self) -> bool:
        return self.start is not None or self.end is not None


MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
ORDINALS: dict[str, int] = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}
NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12,
}  # fmt: skip
SEASONS: dict[str, tuple[int, int]] = {
    "voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11),
}  # fmt: skip
PARTS_OF_YEAR: dict[str, tuple[int, int]] = {
    "begin": (1, 3), "start": (1, 3), "medio": (6, 7), "half": (6, 7), "halverwege": (6, 7), "midden": (6, 7),
    "eind": (10, 12), "einde": (10, 12),
}  # fmt: skip
# Thirds of a month for "begin maart", "medio mei", "eind maart" (last day: the month's own).
PARTS_OF_MONTH: dict[str, tuple[int, int]] = {
    "begin": (1, 10), "start": (1, 10), "medio": (11, 20), "half": (11, 20), "halverwege": (11, 20),
    "midden": (11, 20), "eind": (21, 31), "einde": (21, 31),
}  # fmt: skip
# "voor de ..." and "na de ...": the month the phrase falls due in.
BEFORE_HOLIDAY: dict[str, int] = {
    "zomer": 6, "zomervakantie": 7, "kerst": 12, "kerstmis": 12, "kerstvakantie": 12, "herfstvakantie": 10,
    "meivakantie": 4, "voorjaarsvakantie": 2, "krokusvakantie": 2, "jaarwisseling": 12,
}  # fmt: skip
AFTER_HOLIDAY: dict[str, int] = {
    "zomer": 9, "zomervakantie": 9, "herfstvakantie": 11, "meivakantie": 5, "voorjaarsvakantie": 3,
    "krokusvakantie": 3,
}  # fmt: skip
RELATIVE: dict[str, int] = {
    "dit": 0, "deze": 0, "het huidige": 0, "lopend": 0, "lopende": 0, "volgend": 1, "volgende": 1, "komend": 1,
    "komende": 1, "aankomend": 1, "aankomende": 1, "het komende": 1, "het volgende": 1, "vorig": -1, "vorige": -1,
    "afgelopen": -1,
}  # fmt: skip
MIN_YEAR, MAX_YEAR = 1900, 2199

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_REL = r"(?P<rel>" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + r")"
_REL_YEAR = r"(?:van\s+)?" + _REL + r"\s+jaar\b"
_OPT_YEAR = r"(?:\s*(?:van\s+)?(?:het\s+jaar\s+)?" + _YEAR + r"|\s+" + _REL_YEAR + r")?"
_NUM = r"(?P<num>[1-4])(?:e|ste|de)?"
_ORD = r"(?P<ord>" + "|".join(ORDINALS) + r")"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_PART = r"(?P<part>" + "|".join(sorted(PARTS_OF_YEAR, key=len, reverse=True)) + r")"
_KW = r"(?:q|kw\.?\s?)"
_UNITS = r"weken|week|dagen|dag|maanden|maand|jaar|jaren|uur|keer|x\b|maal|personen|gemeenten"

# Each pattern names the kind of period it reads; the order is the priority at one position. They are joined
# into one regex (alternatives tried in this order at the leftmost position), so one search finds the next.
_PATTERN_LIST: list[tuple[str, str]] = [
    ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    ("nl_date", r"\b(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})\b"),
    ("day_month", r"\b(?P<d>\d{1,2})\s*" + _MONTH + r"(?![a-z])" + _OPT_YEAR + r"\b"),
    # "15-3", "1/7" in minutes: a day without a year (not "1-2 weken", "24/7", "3/4 van de")
    ("day_month", r"\b(?P<d>\d{1,2})[-/](?P<m>\d{1,2})\b(?![-/.]\d|\s*(?:" + _UNITS + r")|\s+van\b|\s*%)"),
    ("quarter", r"\b" + _YEAR + r"\s*[-/]?\s*" + _KW + r"(?P<num>[1-4])\b"),
    ("half", r"\b" + _YEAR + r"\s*[-/]?\s*h(?P<num>[12])\b"),
    ("week", r"\b" + _YEAR + r"\s*[-/]?\s*(?:w|wk\.?\s?|week\s)(?P<w>\d{1,2})\b"),
    (
        "school_year",
        r"\bschooljaar\s+(?:van\s+)?(?P<y1>(?:19|20|21)\d\d|\d\d)(?:\s*(?:-|/|t/m)\s*(?P<y2>(?:19|20|21)\d\d|\d\d))?\b",
    ),
    ("school_year_rel", r"\b" + _REL + r"\s+schooljaar\b"),
    ("iso_month", r"\b(?P<y>(?:19|20|21)\d\d)-(?P<m>0[1-9]|1[0-2])\b(?!-)"),
    ("year_range", r"\b(?P<y1>(?:19|20|21)\d\d)\s*(?:-|/|t/m|tot en met|tot)\s*(?P<y2>(?:19|20|21)\d\d|\d\d(?!\d))\b"),
    ("week", r"\b(?:week|wk)\.?\s?(?P<w>\d{1,2})\b(?:\s*(?:van\s+)?[-/,']?\s*" + _YEAR + r"\b)?"),
    ("week_rel", r"\b" + _REL + r"\s+week\b"),
    ("quarter", r"\b" + _KW + r"(?P<num>[1-4])(?:\s*[-/]?\s*" + _YEAR + r"|\s+" + _REL_YEAR + r")?\b"),
    ("quarter", r"\b(?:" + _NUM + r"|" + _ORD + r")\s+(?:kwartaal|kw\b\.?)" + _OPT_YEAR + r"\b"),
    ("quarter", r"\bkwartaal\s+(?P<num>[1-4])" + _OPT_YEAR + r"\b"),
    ("quarter_rel", r"\b" + _REL + r"\s+kwartaal\b"),
    (
        "part_quarter",
        r"\b"
        + _PART
        + r"\s+(?:van\s+)?(?:het\s+)?(?:"
        + _KW
        + r"(?P<num>[1-4])|(?P<n2>[1-4])(?:e|ste|de)?\s+kwartaal)"
        + _OPT_YEAR
        + r"\b",
    ),
    ("half", r"\b(?:" + _NUM + r"|" + _ORD + r")\s+(?:helft|halfjaar|half jaar)" + _OPT_YEAR + r"\b"),
    ("half", r"\bh(?P<num>[12])\s*[-/]?\s*" + _YEAR + r"\b"),
    ("open", r"\b(?:eind(?:e)?\s+(?:van\s+)?(?:het\s+)?(?:programma|looptijd|project)|doorlopend|continu)\b"),
    (
        "before",
        r"\b(?:(?P<until>tot)|voor|vóór)\s+(?:de\s+|het\s+)?(?P<what>"
        + "|".join(sorted(BEFORE_HOLIDAY, key=len, reverse=True)).replace("vakantie", r"\s?vakantie")
        + r")(?![a-z])"
        + _OPT_YEAR,
    ),
    (
        "after",
        r"\b(?:na|ná)\s+(?:de\s+|het\s+)?(?P<what>"
        + "|".join(sorted(AFTER_HOLIDAY, key=len, reverse=True)).replace("vakantie", r"\s?vakantie")
        + r")(?![a-z])"
        + _OPT_YEAR,
    ),
    (
        "season",
        r"\b(?:" + _REL.replace("<rel>", "<pre>") + r"\s+)?(?P<season>" + "|".join(SEASONS) + r")(?![a-z])" + _OPT_YEAR,
    ),
    ("part_month", r"\b" + _PART + r"\s+(?:van\s+)?" + _MONTH + r"(?![a-z])" + _OPT_YEAR),
    ("month_rel", r"\b(?:" + _PART + r"\s+(?:van\s+)?)?" + _REL + r"\s+maand\b"),
    ("part_year", r"\b" + _PART + r"\s+(?:van\s+)?(?:(?:dit|het)\s+jaar\s*)?" + _YEAR),
    ("part_year", r"\b" + _PART + r"\s+(?:van\s+)?(?:het\s+)?(?:" + _REL + r"\s+)?jaar\b"),
    ("year_rel", r"\b" + _REL + r"\s+jaar\b"),
    ("within", r"\b(?:binnen|over)\s+" + _COUNT + r"\s+(?P<unit>dagen|dag|weken|week|maanden|maand)\b(?!\s+na\b)"),
    ("month", r"\b" + _MONTH + r"-(?P<yy>\d\d)(?!\d)"),
    ("month", r"\b" + _MONTH + r"(?![a-z])" + _OPT_YEAR),
    ("year", r"\b" + _YEAR + r"\b"),
]


def _join(patterns: list[tuple[str, str]]) -> tuple[re.Pattern[str], list[tuple[str, list[tuple[str, str]]]]]:
    """One regex of all patterns, each as group ``_<i>`` with its groups renamed ``g<i>_<name>``."""
    parts, meta = [], []
    for i, (kind, pattern) in enumerate(patterns):
        names = re.findall(r"\(\?P<(\w+)>", pattern)

        def rename(m: re.Match[str], i: int = i) -> str:
            return f"(?P<g{i}_{m.group(1)}>"

        renamed = re.sub(r"\(\?P<(\w+)>", rename, pattern)
        parts.append(f"(?P<_{i}>{renamed})")
        meta.append((kind, [(name, f"g{i}_{name}") for name in dict.fromkeys(names)]))
    return re.compile("|".join(parts)), meta


_SCANNER, _SCAN_META = _join(_PATTERN_LIST)
# Where a pattern can begin: a digit or a word starting with one of these. Trying the joined regex only there
# is several times faster than letting it try every position (each pattern above begins with one of them).
_STARTS = sorted(
    {*MONTHS, *RELATIVE, *ORDINALS, *SEASONS, *PARTS_OF_YEAR, "voor", "vóór", "tot", "na", "ná", "binnen", "over",
     "doorlopend", "continu", "kwartaal", "schooljaar", "week", "wk", "kw", "q", "h"},
    key=len,
    reverse=True,
)  # fmt: skip
_CANDIDATE = re.compile(r"\b(?:\d|" + "|".join(re.escape(word) for word in _STARTS) + r")")
_OPEN_END = re.compile(r"\b(?:vanaf|sinds|per|met ingang van|m\.?i\.?v\.?|gestart in|start in|start)\s*$")
_OPEN_START = re.compile(r"\b(?:tot en met|t/m|tot|loopt tot|uiterlijk tot)(?:\s+(?:de|het))?\s*$")
_AFTER = re.compile(r"\b(?:na|ná|later dan)\s*$")
_FURTHER = re.compile(r"[\s,;:]*(?:en verder|en later|en daarna|e\.v\.|ev\b|-\s*heden|tot heden|tot nu|-\s*nu\b)")
_RECURRING = re.compile(r"\b(?:jaarlijks|maandelijks|wekelijks|per kwartaal|elk jaar|ieder jaar|hele jaar)\b")
_TWO_DIGIT_YEAR = re.compile(r"(?<![\w'])['’‘`´]\s?(\d\d)(?!\d)")

_Build = Callable[[int], "tuple[date, date] | None"]


@dataclass
class _Piece:
    """A period found in the text; ``build(year)`` makes it once its year is known."""

    begin: int
    finish: int
    build: _Build
    year: int | None = None  # written
    rel: int | None = None  # years from the reference's ("dit jaar" 0, "volgend jaar" 1)
    strict: bool = False  # "komend najaar": one that has not yet begun on the reference date
    open_end: bool = False  # "eind programma", "doorlopend": no period, the work runs on
    inferred: str = ""  # how a missing year was filled in: "next", "previous", "reference"
    until: bool = False  # "tot de zomer": the period ends there, its start is open

    def period(self) -> tuple[date, date] | None:
        if self.year is None or not MIN_YEAR <= self.year <= MAX_YEAR:
            return None
        try:
            span = self.build(self.year)
        except (ValueError, OverflowError):
            return None
        if span is None or not (MIN_YEAR <= span[0].year and span[1].year <= MAX_YEAR) or span[0] > span[1]:
            return None
        return span


def _months(first: int, last: int, *, last_offset: int = 0) -> _Build:
    """Whole months ``first``..``last`` of a year (``last_offset`` years later for the last: "2019-2021")."""

    def build(year: int) -> tuple[date, date]:
        end_year = year + last_offset
        return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])

    return build


def _days(month: int, first: int, last: int) -> _Build:
    """Days ``first``..``last`` of a month (``last`` capped at the month's length)."""

    def build(year: int) -> tuple[date, date]:
        last_day = min(last, calendar.monthrange(year, month)[1])
        return date(year, month, first), date(year, month, last_day)

    return build


def _fixed(span: tuple[date, date]) -> _Build:
    return lambda _year: span


def _iso_week(week: int) -> _Build:
    def build(year: int) -> tuple[date, date]:
        monday = date.fromisocalendar(year, week, 1)
        return monday, monday + timedelta(days=6)

    return build


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _two_digit(value: str, century_of: int | None = None) -> int:
    number = int(value)
    if len(value) > 2:
        return number
    return (century_of // 100 * 100 if century_of else 2000) + number


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_BRACKETS = re.compile(r"[()\[\]]")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DASHES.sub("-", text)  # dashes and minus signs
    text = _BRACKETS.sub(" ", text)
    if "'" in text or "’" in text or "‘" in text or "`" in text or "´" in text:
        text = _TWO_DIGIT_YEAR.sub(r" 20\1", text)  # "Q1 '21", "maart '22"
    return _SPACES.sub(" ", text).strip()


class _Groups:
    """The named groups of one scanner match: ``g[name]`` for a group its pattern always fills, ``g.get(name)``
    for an optional one."""

    def __init__(self, groups: dict[str, str | None]) -> None:
        self._groups = groups

    def __getitem__(self, name: str) -> str:
        value = self._groups.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def get(self, name: str) -> str | None:
        return self._groups.get(name)


def _piece(kind: str, g: _Groups, b: int, f: int, reference: date | None) -> _Piece | None:
    """Turn one match (its groups ``g``) into a piece, or None when the numbers make no period."""
    year = int(g["year"]) if g.get("year") else None
    rel = RELATIVE[g["rel"]] if g.get("rel") else None
    if kind in ("iso_date", "nl_date"):
        y, month, day = _two_digit(g["y"]), int(g["m"]), int(g["d"])
        if not 1 <= month <= 12:
            return None
        return _Piece(b, f, _days(month, day, day), y)
    if kind == "day_month":
        month, day = (MONTHS[g["month"]] if g.get("month") else int(g["m"])), int(g["d"])
        if not 1 <= month <= 12:
            return None
        if not 1 <= day <= 31:
            return None

        def build(y: int, m: int = month, d: int = day) -> tuple[date, date]:
            return date(y, m, d), date(y, m, d)

        return _Piece(b, f, build, year, rel)
    if kind == "iso_month":
        month = int(g["m"])
        return _Piece(b, f, _months(month, month), int(g["y"]))
    if kind == "year_range":
        y1 = int(g["y1"])
        y2 = _two_digit(g["y2"], y1)
        return _Piece(b, f, _months(1, 12, last_offset=y2 - y1), y1) if y1 <= y2 else None
    if kind == "school_year":
        y1 = _two_digit(g["y1"])
        if g.get("y2") and _two_digit(g["y2"], y1) != y1 + 1:
            return None
        return _Piece(b, f, _months(8, 7, last_offset=1), y1)
    if kind == "school_year_rel":
        if reference is None:
            return _Piece(b, f, _months(8, 7, last_offset=1), None, rel=0)
        first = reference.year if reference.month >= 8 else reference.year - 1
        return _Piece(b, f, _months(8, 7, last_offset=1), first + RELATIVE[g["rel"]])
    if kind == "week":
        week = int(g["w"])
        return _Piece(b, f, _iso_week(week), year) if 1 <= week <= 53 else None
    if kind == "week_rel":
        if reference is None:
            return _Piece(b, f, _iso_week(1), None, rel=0)
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=RELATIVE[g["rel"]])
        return _Piece(b, f, _fixed((monday, monday + timedelta(days=6))), reference.year)
    if kind in ("quarter", "half"):
        number = int(g["num"]) if g.get("num") else ORDINALS[g["ord"]]
        size = 3 if kind == "quarter" else 6
        if number * size > 12:
            return None
        return _Piece(b, f, _months(size * number - size + 1, size * number), year, rel)
    if kind == "part_quarter":
        number = int(g.get("num") or g["n2"])
        first = 3 * number - 2
        month = first + {"begin": 0, "start": 0, "eind": 2, "einde": 2}.get(g["part"], 1)
        return _Piece(b, f, _months(month, month), year, rel)
    if kind == "quarter_rel":
        if reference is None:
            return _Piece(b, f, _months(1, 3), None, rel=0)
        index = reference.year * 4 + (reference.month - 1) // 3 + RELATIVE[g["rel"]]
        first_month = index % 4 * 3 + 1
        return _Piece(b, f, _months(first_month, first_month + 2), index // 4)
    if kind == "open":
        return _Piece(b, f, _fixed((date.max, date.min)), None, open_end=True)
    if kind in ("before", "after"):
        what = re.sub(r"\s", "", g["what"])
        month = (BEFORE_HOLIDAY if kind == "before" else AFTER_HOLIDAY)[what]
        return _Piece(b, f, _months(month, month), year, rel, until=bool(g.get("until")))
    if kind == "season":
        first, last = SEASONS[g["season"]]
        written_rel = g.get("pre")
        if written_rel and year is None:
            # "komend najaar" (not yet begun), "dit najaar" (this year's), "vorig najaar".
            offset = RELATIVE[written_rel]
            if offset == 1:
                return _Piece(b, f, _months(first, last), None, strict=True)
            return _Piece(b, f, _months(first, last), None, rel=offset)
        return _Piece(b, f, _months(first, last), year, rel if not written_rel else None)
    if kind == "part_month":
        month = MONTHS[g["month"]]
        first, last = PARTS_OF_MONTH[g["part"]]
        return _Piece(b, f, _days(month, first, last), year, rel)
    if kind == "month_rel":
        if reference is None:
            return _Piece(b, f, _months(1, 1), None, rel=0)
        first_day = _add_months(reference.replace(day=1), RELATIVE[g["rel"]])
        month = first_day.month
        if g.get("part"):
            first, last = PARTS_OF_MONTH[g["part"]]
            return _Piece(b, f, _days(month, first, last), first_day.year)
        return _Piece(b, f, _months(month, month), first_day.year)
    if kind == "part_year":
        first, last = PARTS_OF_YEAR[g["part"]]
        return _Piece(b, f, _months(first, last), year, rel)  # "eind van het jaar": the next one
    if kind == "year_rel":
        return _Piece(b, f, _months(1, 12), None, rel)
    if kind == "within":
        count = NUMBER_WORDS.get(g["count"]) or int(g["count"])
        if reference is None:
            return _Piece(b, f, _months(1, 1), None, rel=0)
        unit = g["unit"]
        if unit.startswith("dag"):
            end = reference + timedelta(days=count)
        elif unit.startswith("we"):
            end = reference + timedelta(weeks=count)
        else:
            end = _add_months(reference, count)
        return _Piece(b, f, _fixed((reference, end)), reference.year)
    if kind == "month":
        month = MONTHS[g["month"]]
        if g.get("yy"):
            year = 2000 + int(g["yy"])
        return _Piece(b, f, _months(month, month), year, rel)
    if kind == "year":
        return _Piece(b, f, _months(1, 12), year)
    return None


def _scan(text: str, reference: date | None) -> list[_Piece]:
    """Find the periods in ``text`` left to right, the first pattern that matches at a position winning."""
    pieces: list[_Piece] = []
    pos = 0
    while (candidate := _CANDIDATE.search(text, pos)) is not None:
        match = _SCANNER.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
            continue
        pos = max(match.end(), candidate.start() + 1)
        assert match.lastgroup is not None  # every alternative is a named group
        index = int(match.lastgroup[1:])  # the outer group "_<i>" closes last
        kind, names = _SCAN_META[index]
        groups = _Groups({name: match.group(full) for name, full in names})
        try:
            piece = _piece(kind, groups, match.start(), match.end(), reference)
        except (ValueError, OverflowError):  # a reference at the edge of the calendar ("binnen 2 weken" of 9999)
            piece = None
        if piece is not None:
            pieces.append(piece)
    return pieces


def parse_deadline(text: str, *, reference: date | None = None) -> ParsedDeadline:
    """Read the period a deadline text names; never raises (an unreadable text gives no period and a message).

    ``reference`` is the date the text was written (the meeting's date, the list's date, the import date):
    a period without a year is the next one from there.
    """
    original = text if isinstance(text, str) else ("" if text is None else str(text))
    try:
        return _parse(original, reference if isinstance(reference, date) else None)
    except Exception:  # noqa: BLE001 - a deadline text must never stop an import or an edit
        return ParsedDeadline(original, None, None, message=_unreadable(original))


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _unreadable(text: str) -> str:
    return (
        f"Geen datum of periode herkend in ‘{_shown(text)}’; de tekst wordt bewaard zoals geschreven. "
        "Schrijf bijvoorbeeld ‘15-03-2025’, ‘maart 2025’ of ‘Q2 2025’ als er een termijn is."
    )


def _next_year(piece: _Piece, reference: date) -> int | None:
    """The year that makes ``piece`` the next such period from ``reference`` (not ended; not begun if strict)."""
    for year in (reference.year - 1, reference.year, reference.year + 1, reference.year + 2):
        piece.year = year
        span = piece.period()
        if span is not None and (span[0] > reference if piece.strict else span[1] >= reference):
            return year
    return None


def _resolve_years(pieces: list[_Piece], reference: date | None) -> None:
    """Fill in missing years: relative words, then the next written year, the previous one, the reference."""
    for piece in pieces:
        if piece.year is None and piece.rel is not None and reference is not None:
            piece.year = reference.year + piece.rel
    dated = [p for p in pieces if not p.open_end]
    for i, piece in enumerate(dated):
        if piece.year is not None or piece.rel is not None:
            continue
        following = next((p for p in dated[i + 1 :] if p.year is not None and not p.inferred), None)
        preceding = next((p for p in reversed(dated[:i]) if p.year is not None), None)
        if following is not None and following.year is not None:
            piece.year, piece.inferred = following.year, "next"
            # "nov-feb 2021": november of the year before.
            own, theirs = piece.period(), following.period()
            if own and theirs and own[0] > theirs[0] and following is dated[i + 1]:
                piece.year -= 1
        elif preceding is not None and preceding.year is not None:
            earlier = preceding.period()
            piece.year, piece.inferred = preceding.year, "previous"
            own = piece.period()
            if earlier and own and own[0] < earlier[0] and preceding is dated[i - 1]:
                piece.year += 1  # "nov 2020 - feb": february of the year after
        elif reference is not None:
            piece.year, piece.inferred = _next_year(piece, reference), "reference"


def _parse(original: str, reference: date | None) -> ParsedDeadline:
    text = _normalise(original[:500])  # a deadline is short; a pasted essay is not read to the end
    if not text:
        return ParsedDeadline(original, None, None)
    pieces = _scan(text, reference)
    _resolve_years(pieces, reference)
    found = [(p, span) for p in pieces if not p.open_end and (span := p.period()) is not None]
    open_marks = [p for p in pieces if p.open_end]
    if not found:
        if open_marks:
            return ParsedDeadline(original, None, None, open_end=True)
        return ParsedDeadline(original, None, None, message=_no_period_message(original, text, pieces, reference))
    start = min(span[0] for _p, span in found)
    end = max(span[1] for _p, span in found)
    if open_marks and open_marks[-1].begin > found[-1][0].begin:
        return ParsedDeadline(original, start, None, open_end=True)  # "april 2019 - eind programma"
    if _FURTHER.match(text, found[-1][0].finish):
        return ParsedDeadline(original, start, None, open_end=True)  # "2019 en verder", "2019 - heden"
    if len(found) == 1:
        before = text[: found[0][0].begin]
        if found[0][0].until:
            return ParsedDeadline(original, None, end)
        if _OPEN_END.search(before):
            return ParsedDeadline(original, start, None, open_end=True)
        if _OPEN_START.search(before):
            return ParsedDeadline(original, None, end)
        if _AFTER.search(before) and end < date(MAX_YEAR, 12, 31):
            return ParsedDeadline(original, end + timedelta(days=1), None, open_end=True)
    return ParsedDeadline(original, start, end)


def _no_period_message(original: str, text: str, pieces: list[_Piece], reference: date | None) -> str:
    shown = _shown(original)
    if any(p.year is None for p in pieces) and reference is not None:
        return (
            f"‘{shown}’ gerekend vanaf {reference.isoformat()} valt buiten de jaren {MIN_YEAR}-{MAX_YEAR}; de tekst "
            "wordt bewaard zonder periode. Schrijf een datum of een jaar erbij, bijvoorbeeld ‘maart 2025’."
        )
    if any(p.year is None for p in pieces):
        return (
            f"‘{shown}’ noemt geen jaar en er is geen datum om vanaf te rekenen; de tekst wordt bewaard zonder "
            "periode. Schrijf het jaar erbij, bijvoorbeeld ‘voor de zomer 2025’."
        )
    if pieces:
        return (
            f"‘{shown}’ is geen bestaande datum of periode; de tekst wordt bewaard zonder periode. "
            "Controleer dag, maand en jaar (bijvoorbeeld ‘28-02-2025’)."
        )
    if _RECURRING.search(text):
        return (
            f"‘{shown}’ is een terugkerende termijn zonder einddatum; de tekst wordt bewaard zonder periode. "
            "Geef een datum of periode op als de actie een deadline heeft."
        )
    return _unreadable(original)


# Status words, most specific first within a status; the earliest match in the text wins, the longest
# at one position, so "nog niet gestart" beats "gestart" and "gereed, was doorgeschoven" is DONE.
_STATUS_WORDS: list[tuple[str, ActionStatus]] = [
    *((w, ActionStatus.CANCELLED) for w in (
        "vervallen", "komt te vervallen", "geannuleerd", "ingetrokken", "geschrapt", "niet doorgegaan",
        "gaat niet door", "cancelled", "canceled",
    )),
    *((w, ActionStatus.NOT_STARTED) for w in (
        "niet gestart", "nog niet gestart", "nog niet begonnen", "niet begonnen", "nog te doen", "nog te starten",
        "te starten", "nog te organiseren", "open", "nieuw", "voornemen", "gepland", "not started", "todo", "to do",
    )),
    # A postponement ("doorgeschoven", "uitgesteld", "verplaatst") moves the deadline; the work is still to be
    # done, so the action stays open (IN_PROGRESS), not on hold. ``postponement_count`` says how often.
    *((w, ActionStatus.IN_PROGRESS) for w in (
        "loopt", "lopend", "lopende", "in uitvoering", "in behandeling", "in voorbereiding", "in ontwikkeling",
        "in oprichting", "gestart", "bezig", "actief", "doorlopend", "wordt ontwikkeld", "in progress",
        "niet afgerond", "nog niet afgerond", "niet gereed", "nog niet gereed", "niet klaar", "nog niet klaar",
        "bestaand", "doorgeschoven", "uitgesteld", "verplaatst", "verschoven", "opnieuw gepland", "postponed",
    )),
    *((w, ActionStatus.DONE) for w in (
        "gereed", "afgerond", "klaar", "voltooid", "gerealiseerd", "uitgevoerd", "afgehandeld", "opgeleverd",
        "vastgesteld", "done", "geïmplementeerd",
    )),
    # Put aside until something else happens: ON_HOLD ("Aangehouden").
    *((w, ActionStatus.ON_HOLD) for w in (
        "aangehouden", "geparkeerd", "on hold", "in de wacht", "opgeschort", "in afwachting",
    )),
]  # fmt: skip
_STATUS_RE = re.compile(
    r"(?<![a-zà-ÿ])(" + "|".join(re.escape(w) for w, _ in sorted(_STATUS_WORDS, key=lambda x: -len(x[0]))) + r")"
    r"(?![a-zà-ÿ])"
)
_STATUS_BY_WORD = dict(_STATUS_WORDS)


def parse_status(text: object) -> ActionStatus | None:
    """The ``ActionStatus`` a free-text status names ("Gereed", "in uitvoering", "Doorgeschoven"), or None.

    Enum values and Dutch labels are accepted as they are; otherwise the earliest status word in the text
    decides. A postponement ("doorgeschoven", "uitgesteld", "verplaatst") is IN_PROGRESS: the action stays
    open with a later deadline; ``postponement_count`` says how often it was put off. Never raises.
    """
    try:
        if not isinstance(text, str):
            return None
        cleaned = _normalise(text)
        if not cleaned:
            return None
        for member in ActionStatus:
            if cleaned in (member.value, member.label.casefold()):
                return member
        match = _STATUS_RE.search(cleaned)
        return _STATUS_BY_WORD[match.group(1)] if match else None
    except Exception:  # noqa: BLE001 - a status text must never stop an import
        return None


_POSTPONED = r"(?:doorgeschoven|uitgesteld|verplaatst|verschoven|uitstel|opnieuw gepland|postponed)"
_TIMES = r"(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s*(?:x|×|keer|maal)"
_POSTPONEMENT_RES = [
    # "2x uitgesteld", "twee keer doorgeschoven", "3 maal verplaatst", "tweemaal uitgesteld"
    re.compile(r"(?<![\w])" + _TIMES + r"\s*(?:\w+\s+){0,2}?" + _POSTPONED + r"(?![a-z])"),
    re.compile(r"(?<![\w])(?P<n>" + "|".join(NUMBER_WORDS) + r")maal\s+(?:\w+\s+){0,2}?" + _POSTPONED),
    # "uitgesteld (2x)", "doorgeschoven: 3 keer"
    re.compile(_POSTPONED + r"[\s:,(]*" + _TIMES + r"(?![a-z])"),
    # "voor de 3e keer uitgesteld", "voor de tweede keer doorgeschoven"
    re.compile(
        r"(?:(?P<num>\d{1,2})\s*(?:e|de|ste)|(?P<ord>eerste|tweede|derde|vierde|vijfde|zesde))\s+keer\s+"
        r"(?:\w+\s+){0,2}?" + _POSTPONED
    ),
]
_ORDINAL_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
_AGAIN = re.compile(r"\b(?:opnieuw|nogmaals|wederom|weer|andermaal)\s+(?:\w+\s+){0,2}?" + _POSTPONED)
_ANY_POSTPONED = re.compile(r"(?<![a-z])" + _POSTPONED + r"(?![a-z])")
_NOT_POSTPONED = re.compile(r"\b(?:niet|geen|nooit)\s+(?:\w+\s+){0,1}?" + _POSTPONED + r"(?![a-z])")


def postponement_count(text: object) -> int | None:
    """How often a status or note says the work was put off, or None when it names no postponement.

    "2x uitgesteld" -> 2, "twee keer doorgeschoven" -> 2, "voor de derde keer verplaatst" -> 3,
    "opnieuw uitgesteld" -> 2 (at least twice), "Doorgeschoven naar Q3" -> 1, "niet uitgesteld" -> None.
    Meant for importing a list whose notes count postponements (ActionItem.times_postponed). Never raises.
    """
    try:
        if not isinstance(text, str):
            return None
        cleaned = _normalise(text[:2000])
        if not _ANY_POSTPONED.search(cleaned):
            return None
        counts = []
        for pattern in _POSTPONEMENT_RES:
            for match in pattern.finditer(cleaned):
                groups = match.groupdict()
                if groups.get("n"):
                    counts.append(NUMBER_WORDS.get(groups["n"]) or int(groups["n"]))
                elif groups.get("num"):
                    counts.append(int(groups["num"]))
                elif groups.get("ord"):
                    counts.append(_ORDINAL_WORDS[groups["ord"]])
        counts = [c for c in counts if 0 < c < 100]
        if counts:
            return max(counts)
        if _AGAIN.search(cleaned):
            return 2
        if len(_NOT_POSTPONED.findall(cleaned)) == len(_ANY_POSTPONED.findall(cleaned)):
            return None
        return 1
    except Exception:  # noqa: BLE001 - a note must never stop an import
        return None


def is_postponement(text: str) -> bool:
    """Whether a status or note says the work was put off ("doorgeschoven", "2x uitgesteld", "verplaatst")."""
    return postponement_count(text) is not None
