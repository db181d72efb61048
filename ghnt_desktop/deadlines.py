"""Deadlines and statuses as people write them, read into a period and an ``ActionStatus``.

Programme tables and action lists write timing as free text: "klaar: januari 2020", "aug-sep 2019",
"2019-2021", "Q2 2020", "voor de zomervakantie". ``parse_deadline`` keeps that text and adds the period
it names: ``start`` is the first day of the first month (or the day itself for a date), ``end`` the last
day of the last month. Text without a readable period ("doorlopend", "jaarlijks", "") gives no period.

Conventions chosen here (documented because they are choices, not facts):

- A deadline phrase ("klaar: januari 2020", "uiterlijk eind 2020", "voor de zomer 2020") gives the
  month in which it falls due as the period, as the Groningen programme extract does.
- begin YYYY = january-march, medio/half YYYY = june-july, eind YYYY = october-december; with a month
  ("eind maart 2020") they mean that month.
- voorjaar/lente = march-may, zomer = june-august, najaar/herfst = september-november.
- "voor de zomer" = june, "voor de zomervakantie" = july (the school holidays start in july),
  "na de zomer(vakantie)" = september, "voor de kerst" = december.
- "vanaf 2019" / "sinds 2019" leave the end open; "tot 2021" / "t/m 2021" leave the start open.
- A month, quarter or season without a year takes the year of the next one written ("aug-sep 2019"),
  else of the one before, else the ``reference`` date's year; without any, it is ignored.
- Several periods that are not a range ("pilot gestart in 2018; begin 2020 geëvalueerd") give the span
  from the earliest start to the latest end.

Neither function ever raises: odd input gives no period (or no status).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .models.enums import ActionStatus

__all__ = ["ParsedDeadline", "parse_deadline", "parse_status"]


@dataclass(frozen=True)
class ParsedDeadline:
    """A deadline as written and the period read from it (both ends may be unknown)."""

    text: str
    start: date | None
    end: date | None

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
SEASONS: dict[str, tuple[int, int]] = {
    "voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11),
}  # fmt: skip
PARTS_OF_YEAR: dict[str, tuple[int, int]] = {
    "begin": (1, 3), "start": (1, 3), "medio": (6, 7), "half": (6, 7), "midden": (6, 7), "eind": (10, 12),
    "einde": (10, 12),
}  # fmt: skip
MIN_YEAR, MAX_YEAR = 1900, 2199

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_OPT_YEAR = r"(?:\s*(?:van\s+)?(?:het\s+jaar\s+)?" + _YEAR + r")?"
_NUM = r"(?P<num>[1-4])(?:e|ste|de|ste)?"
_ORD = r"(?P<ord>" + "|".join(ORDINALS) + r")"

# Each pattern names the kind of period it reads; the order is the priority at one position.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (k, re.compile(p))
    for k, p in [
        ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        ("nl_date", r"\b(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})\b"),
        ("day_month", r"\b(?P<d>\d{1,2})\s+" + _MONTH + r"(?![a-z])" + _OPT_YEAR + r"\b"),
        ("iso_month", r"\b(?P<y>(?:19|20|21)\d\d)-(?P<m>0[1-9]|1[0-2])\b(?!-)"),
        ("year_range", r"\b(?P<y1>(?:19|20|21)\d\d)\s*(?:-|/|t/m|tot en met|tot)\s*(?P<y2>(?:19|20|21)\d\d)\b"),
        ("quarter", r"\bq(?P<num>[1-4])(?:\s*[-/]?\s*" + _YEAR + r")?\b"),
        ("quarter", r"\b(?:" + _NUM + r"|" + _ORD + r")\s+kwartaal" + _OPT_YEAR + r"\b"),
        ("quarter", r"\bkwartaal\s+(?P<num>[1-4])" + _OPT_YEAR + r"\b"),
        ("half", r"\b(?:" + _NUM + r"|" + _ORD + r")\s+(?:helft|halfjaar|half jaar)" + _OPT_YEAR + r"\b"),
        ("half", r"\bh(?P<num>[12])\s*[-/]?\s*" + _YEAR + r"\b"),
        (
            "before_summer",
            r"\bvoor\s+(?:de\s+)?(?P<what>zomer\s?vakantie|zomer|kerst\s?(?:vakantie)?|kerstmis)" + _OPT_YEAR,
        ),
        ("after_summer", r"\bna\s+(?:de\s+)?(?:zomer\s?vakantie|zomer)" + _OPT_YEAR),
        ("season", r"\b(?P<season>" + "|".join(SEASONS) + r")(?![a-z])" + _OPT_YEAR),
        ("part_month", r"\b(?:begin|start|medio|half|midden|eind|einde)\s+" + _MONTH + r"(?![a-z])" + _OPT_YEAR),
        (
            "part_year",
            r"\b(?P<part>begin|start|medio|half|midden|eind|einde)\s+(?:van\s+)?(?:(?:dit|het)\s+jaar\s*)?" + _YEAR,
        ),
        ("month", r"\b" + _MONTH + r"(?![a-z])" + _OPT_YEAR),
        ("year", r"\b" + _YEAR + r"\b"),
    ]
]
_OPEN_END = re.compile(r"\b(?:vanaf|sinds|per|met ingang van|m\.?i\.?v\.?)\s*$")
_OPEN_START = re.compile(r"\b(?:tot en met|t/m|tot|loopt tot)\s*$")


@dataclass
class _Piece:
    """A period found in the text; months or whole dates, the year may still be missing."""

    begin: int
    finish: int
    year: int | None
    first: tuple[int, int]  # (year offset, month) of the first month
    last: tuple[int, int]
    start_day: int | None = None  # a single date
    end_day: int | None = None
    year_end: int | None = None  # for ranges of years

    def period(self) -> tuple[date, date] | None:
        if self.year is None:
            return None
        year_end = self.year_end if self.year_end is not None else self.year
        start_year, end_year = self.year + self.first[0], year_end + self.last[0]
        if not (MIN_YEAR <= start_year <= MAX_YEAR and MIN_YEAR <= end_year <= MAX_YEAR):
            return None
        try:
            start = date(start_year, self.first[1], self.start_day or 1)
            last_day = calendar.monthrange(end_year, self.last[1])[1]
            end = date(end_year, self.last[1], self.end_day or last_day)
        except ValueError:
            return None
        return (start, end) if start <= end else None


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # dashes and minus signs
    text = re.sub(r"[()\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _year(match: re.Match[str], group: str = "year") -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


def _piece(kind: str, m: re.Match[str]) -> _Piece | None:
    """Turn one regex match into a piece, or None when the numbers make no date."""
    g = m.groupdict()
    b, f = m.start(), m.end()
    if kind in ("iso_date", "nl_date"):
        y, month, day = int(g["y"]), int(g["m"]), int(g["d"])
        if y < 100:
            y += 2000
        if not 1 <= month <= 12:
            return None
        return _Piece(b, f, y, (0, month), (0, month), start_day=day, end_day=day)
    if kind == "day_month":
        month, day = MONTHS[g["month"]], int(g["d"])
        return _Piece(b, f, _year(m), (0, month), (0, month), start_day=day, end_day=day)
    if kind == "iso_month":
        month = int(g["m"])
        return _Piece(b, f, int(g["y"]), (0, month), (0, month))
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 < y1:
            return None
        return _Piece(b, f, y1, (0, 1), (0, 12), year_end=y2)
    if kind == "quarter":
        number = int(g["num"]) if g.get("num") else ORDINALS[g["ord"]]
        return _Piece(b, f, _year(m), (0, 3 * number - 2), (0, 3 * number))
    if kind == "half":
        number = int(g["num"]) if g.get("num") else ORDINALS[g["ord"]]
        if number not in (1, 2):
            return None
        return _Piece(b, f, _year(m), (0, 6 * number - 5), (0, 6 * number))
    if kind == "before_summer":
        what = g["what"].replace(" ", "")
        month = 6 if what == "zomer" else 7 if what == "zomervakantie" else 12
        return _Piece(b, f, _year(m), (0, month), (0, month))
    if kind == "after_summer":
        return _Piece(b, f, _year(m), (0, 9), (0, 9))
    if kind == "season":
        first, last = SEASONS[g["season"]]
        return _Piece(b, f, _year(m), (0, first), (0, last))
    if kind == "part_month":
        month = MONTHS[g["month"]]
        return _Piece(b, f, _year(m), (0, month), (0, month))
    if kind == "part_year":
        first, last = PARTS_OF_YEAR[g["part"]]
        return _Piece(b, f, _year(m), (0, first), (0, last))
    if kind == "month":
        month = MONTHS[g["month"]]
        return _Piece(b, f, _year(m), (0, month), (0, month))
    if kind == "year":
        return _Piece(b, f, _year(m), (0, 1), (0, 12))
    return None


def _scan(text: str) -> list[_Piece]:
    """Find the periods in ``text`` left to right, the first pattern that matches at a position winning."""
    pieces: list[_Piece] = []
    pos = 0
    while pos < len(text):
        best: tuple[int, int, str, re.Match[str]] | None = None
        for priority, (kind, pattern) in enumerate(_PATTERNS):
            match = pattern.search(text, pos)
            if match is None or match.end() == match.start():
                continue
            key = (match.start(), priority)
            if best is None or key < best[:2]:
                best = (match.start(), priority, kind, match)
        if best is None:
            break
        _start, _priority, kind, match = best
        piece = _piece(kind, match)
        if piece is not None:
            pieces.append(piece)
        pos = match.end()
    return pieces


def parse_deadline(text: str, *, reference: date | None = None) -> ParsedDeadline:
    """Read the period a deadline text names; never raises (an unreadable text gives no period)."""
    original = text if isinstance(text, str) else ("" if text is None else str(text))
    try:
        return _parse(original, reference)
    except Exception:  # noqa: BLE001 - a deadline text must never stop an import or an edit
        return ParsedDeadline(original, None, None)


def _parse(original: str, reference: date | None) -> ParsedDeadline:
    text = _normalise(original[:500])  # a deadline is short; a pasted essay is not read to the end
    pieces = _scan(text)
    if not pieces:
        return ParsedDeadline(original, None, None)
    # Years missing: from the next piece with a year (aug-sep 2019), else the previous, else the reference.
    for i, piece in enumerate(pieces):
        if piece.year is not None:
            continue
        following = next((p for p in pieces[i + 1 :] if p.year is not None), None)
        preceding = next((p for p in reversed(pieces[:i]) if p.year is not None), None)
        if following is not None:
            piece.year = following.year
        elif preceding is not None:
            piece.year = preceding.year_end or preceding.year
        elif reference is not None:
            piece.year = reference.year
    periods = [(p, p.period()) for p in pieces]
    found = [(p, period) for p, period in periods if period is not None]
    if not found:
        return ParsedDeadline(original, None, None)
    start = min(period[0] for _p, period in found)
    end = max(period[1] for _p, period in found)
    if len(found) == 1:
        before = text[: found[0][0].begin]
        if _OPEN_END.search(before):
            return ParsedDeadline(original, start, None)
        if _OPEN_START.search(before):
            return ParsedDeadline(original, None, end)
    return ParsedDeadline(original, start, end)


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
    *((w, ActionStatus.IN_PROGRESS) for w in (
        "loopt", "lopend", "lopende", "in uitvoering", "in behandeling", "in voorbereiding", "in ontwikkeling",
        "in oprichting", "gestart", "bezig", "actief", "doorlopend", "wordt ontwikkeld", "in progress",
        "niet afgerond", "nog niet afgerond", "niet gereed", "nog niet gereed", "niet klaar", "nog niet klaar",
        "bestaand",
    )),
    *((w, ActionStatus.DONE) for w in (
        "gereed", "afgerond", "klaar", "voltooid", "gerealiseerd", "uitgevoerd", "afgehandeld", "opgeleverd",
        "vastgesteld", "done", "geïmplementeerd",
    )),
    # "Doorgeschoven" means the work is put off, not that it runs or is finished: ON_HOLD ("Aangehouden").
    # The postponement itself is counted from deadline changes (ActionItem.times_postponed), not from this.
    *((w, ActionStatus.ON_HOLD) for w in (
        "doorgeschoven", "aangehouden", "uitgesteld", "geparkeerd", "on hold", "in de wacht", "opgeschort",
        "in afwachting",
    )),
]  # fmt: skip
_STATUS_RE = re.compile(
    r"(?<![a-zà-ÿ])(" + "|".join(re.escape(w) for w, _ in sorted(_STATUS_WORDS, key=lambda x: -len(x[0]))) + r")"
    r"(?![a-zà-ÿ])"
)
_STATUS_BY_WORD = dict(_STATUS_WORDS)


def parse_status(text: str) -> ActionStatus | None:
    """The ``ActionStatus`` a free-text status names ("Gereed", "in uitvoering", "Doorgeschoven"), or None.

    Enum values and Dutch labels are accepted as they are; otherwise the earliest status word in the text
    decides. "Doorgeschoven" (and "uitgesteld", "aangehouden") is ON_HOLD. Never raises.
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
