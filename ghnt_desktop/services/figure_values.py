"""Figures as people write them: Dutch numbers ("1.620", "12,5"), periods ("2019", "1e halfjaar 2020") and marks.

No database here: the entry grid, the imports and the exports all read and write figures through these functions,
so a value typed in the app, read from Excel or from a CBS StatLine file and written back out is the same value.

Dutch convention decides the ambiguous cases: a comma is the decimal separator ("12,5" is twelve and a half) and a
point followed by groups of exactly three digits is a thousands separator ("1.620" is one thousand six hundred and
twenty). "12.5" (a point, not followed by three digits) is read as a decimal point, as Excel in English writes it.
When both appear, the last one is the decimal separator ("1.620,5" and "1,620.5" are both 1620.5).

StatLine's marks: a value followed by ``*`` (or ``**``) is voorlopig (provisional); ``.`` is onbekend (unknown),
``x`` geheim (confidential: read as unknown too), ``-`` nihil (zero). The same marks work in a cell typed by hand.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property

from ..models.enums import IndicatorUnit, PeriodKind
from ..models.types import canonical_decimal

# Values beyond this many digits are not figures but pasted garbage (and would not fit the 40-character column).
MAX_DIGITS = 24


class NumberError(ValueError):
    """A text that is not a number; ``str(exc)`` is a Dutch sentence for the user."""


_SPACES = re.compile(r"[\s\u00a0\u2007\u202f']+")  # spaces, no-break and thin spaces, Swiss apostrophes
_THOUSANDS_POINT = re.compile(r"\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"\d+(\.\d+)?|\.\d+")


def parse_number(value: object) -> Decimal:
    """A number from a cell or typed text, exactly; raises ``NumberError`` (Dutch) for anything else.

    Accepts int, Decimal and float (Excel's numbers: 12.5 stays 12.5, not its binary neighbour) and text with a
    sign, a euro sign or a percent sign around it: "1.620", "12,5", "-3", "€ 1.200,50", "12,5%".
    """
    if value is None:
        raise NumberError("Er staat geen getal.")
    if isinstance(value, bool):
        raise NumberError("Ja of nee is geen getal.")
    if isinstance(value, int):
        return _checked(Decimal(value), str(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NumberError("Dit is geen getal (oneindig of ongeldig).")
        return _checked(Decimal(repr(value)), repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError("Dit is geen getal (oneindig of ongeldig).")
        return _checked(value, str(value))
    if not isinstance(value, str):
        raise NumberError("Dit is geen getal.")
    original = value.strip()
    text = _SPACES.sub("", original).replace("\u2212", "-").replace("\u2013", "-")
    if not text:
        raise NumberError("Er staat geen getal.")
    text = text.removeprefix("€").removesuffix("%").removeprefix("€")
    negative = text.startswith("-")
    text = text.removeprefix("-").removeprefix("+") if negative or text.startswith("+") else text
    text = text.removeprefix("€")
    digits = _normalise(text)
    if digits is None:
        raise NumberError(
            f"{original!r} is geen getal. Schrijf bijvoorbeeld 1620, 1.620 of 12,5 (komma voor decimalen)."
        )
    number = Decimal(digits)
    return _checked(-number if negative else number, original)


def _normalise(text: str) -> str | None:
    """``text`` (no sign, no spaces) as digits with at most one decimal point, or None when it is no number."""
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        whole, _, fraction = text.rpartition(decimal_mark)
        if not re.fullmatch(rf"\d{{1,3}}(\{thousands}\d{{3}})*", whole) or not fraction.isdigit():
            return None
        return f"{whole.replace(thousands, '')}.{fraction}"
    if "," in text:
        if text.count(",") > 1:
            return text.replace(",", "") if _THOUSANDS_COMMA.fullmatch(text) else None
        text = text.replace(",", ".")
        return text if _PLAIN.fullmatch(text) or re.fullmatch(r"\d+\.", text) else None
    if _THOUSANDS_POINT.fullmatch(text):
        return text.replace(".", "")
    return text if _PLAIN.fullmatch(text) else None


def _checked(number: Decimal, original: str) -> Decimal:
    try:
        digits = len(number.as_tuple().digits)
        exponent = number.as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - finite decimals always have a tuple
        raise NumberError(f"{original!r} is geen getal.") from None
    if not isinstance(exponent, int) or digits + max(exponent, 0) > MAX_DIGITS or exponent < -10:
        raise NumberError(f"{original[:40]!r} is geen bruikbaar getal (te groot of te veel decimalen).")
    return number


def format_number(value: Decimal | int, *, decimals: int | None = None, thousands: bool = True) -> str:
    """``value`` in Dutch: "1.620", "12,5", "-0,25"; ``decimals`` rounds (half up) to that many places."""
    number = Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
        text = format(number, "f")
    else:
        text = canonical_decimal(number)
    negative = text.startswith("-")
    whole, _, fraction = text.removeprefix("-").partition(".")
    if thousands and len(whole) > 3:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ".".join([whole, *groups])
    result = f"{whole},{fraction}" if fraction else whole
    return f"-{result}" if negative and result.strip("0,.") else result


def format_value(value: Decimal | None, unit: IndicatorUnit, *, provisional: bool = False, unknown: bool = False) -> str:
    """A value as a report shows it: "1.620", "12,5%", "€ 1.200", "14 dagen"; "1.620*" when voorlopig; "." unknown."""
    if unknown or value is None:
        return "onbekend" if unknown else ""
    number = format_number(value)
    if unit is IndicatorUnit.PERCENTAGE:
        text = f"{number}%"
    elif unit is IndicatorUnit.EUROS:
        text = f"€ {number}"
    elif unit is IndicatorUnit.DAYS:
        text = f"{number} {'dag' if value == 1 else 'dagen'}"
    else:
        text = number
    return f"{text}*" if provisional else text


# ---------------------------------------------------------------------------------------------------------------
# Cells with StatLine's marks


@dataclass(frozen=True)
class CellValue:
    """What one cell says: a value, or unknown, or nothing; ``problem`` (Dutch) when it could not be read."""

    value: Decimal | None = None
    provisional: bool = False
    unknown: bool = False
    problem: str = ""

    @property
    def empty(self) -> bool:
        return self.value is None and not self.unknown and not self.problem


UNKNOWN_MARKS = frozenset({".", "x", "X", "?", "onbekend", "n.b.", "nb", "n.v.t.", "geheim"})
ZERO_MARKS = frozenset({"-", "\u2013", "\u2212", "nihil"})


def parse_cell(value: object) -> CellValue:
    """A figure cell: "1.620", "1.620*" (voorlopig), "." or "x" (onbekend), "-" (nihil), empty, or a problem."""
    if value is None:
        return CellValue()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return CellValue()
        if text.casefold() in {m.casefold() for m in UNKNOWN_MARKS}:
            return CellValue(unknown=True)
        if text.casefold() in ZERO_MARKS:
            return CellValue(Decimal(0))
        provisional = text.endswith("*")
        text = text.rstrip("*").strip()
        if text.casefold().endswith("(voorlopig)"):
            provisional = True
            text = text[: -len("(voorlopig)")].strip()
        try:
            return CellValue(parse_number(text), provisional=provisional)
        except NumberError as exc:
            return CellValue(problem=str(exc))
    try:
        return CellValue(parse_number(value))
    except NumberError as exc:
        return CellValue(problem=str(exc))


# ---------------------------------------------------------------------------------------------------------------
# Periods

_PARTS = {PeriodKind.YEAR: 1, PeriodKind.HALF_YEAR: 2, PeriodKind.QUARTER: 4}
_MONTHS = {PeriodKind.YEAR: 12, PeriodKind.HALF_YEAR: 6, PeriodKind.QUARTER: 3}
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class Period:
    """A year (part 0), a half year (part 1-2) or a quarter (part 1-4)."""

    year: int
    kind: PeriodKind = PeriodKind.YEAR
    part: int = 0

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"jaar {self.year} ligt niet tussen {MIN_YEAR} en {MAX_YEAR}")
        valid = self.part == 0 if self.kind is PeriodKind.YEAR else 1 <= self.part <= _PARTS[self.kind]
        if not valid:
            raise ValueError(f"deel {self.part} past niet bij {self.kind.label.lower()}")

    @property
    def months(self) -> int:
        return _MONTHS[self.kind]

    @property
    def first_month(self) -> int:
        return 1 if self.kind is PeriodKind.YEAR else (self.part - 1) * self.months + 1

    @property
    def last_month(self) -> int:
        return self.first_month + self.months - 1

    @property
    def end(self) -> date:
        """The last day of the period: a figure of this period is known only after it (a report up to 30 June
        2021 may show 2021 H1 and 2021 K2, never 2021 or 2021 H2)."""
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    def ends_by(self, day: date | None) -> bool:
        """Whether the period is over on ``day`` (None: no limit)."""
        return day is None or self.end <= day

    @cached_property
    def sort_key(self) -> tuple[int, int, int]:
        """Later end first-class; of two ending together (2019 and 2019 H2) the longer one counts as later."""
        return (self.year, self.last_month, self.months)

    @property
    def label(self) -> str:
        """"2019", "2019 H1", "2019 K3": short enough for a column header."""
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        return f"{self.year} {'H' if self.kind is PeriodKind.HALF_YEAR else 'K'}{self.part}"

    @property
    def long_label(self) -> str:
        """"2019", "1e halfjaar 2019", "3e kwartaal 2019": as a report writes it."""
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        return f"{self.part}e {'halfjaar' if self.kind is PeriodKind.HALF_YEAR else 'kwartaal'} {self.year}"

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        if self.kind is PeriodKind.YEAR:
            return Period(self.year - 1)
        if self.part == 1:
            return Period(self.year - 1, self.kind, _PARTS[self.kind])
        return Period(self.year, self.kind, self.part - 1)


def period_range(first_year: int, last_year: int, kind: PeriodKind = PeriodKind.YEAR) -> list[Period]:
    """Every period of ``kind`` from ``first_year`` to ``last_year`` in order (the entry grid's columns)."""
    parts = [0] if kind is PeriodKind.YEAR else list(range(1, _PARTS[kind] + 1))
    return [Period(year, kind, part) for year in range(first_year, last_year + 1) for part in parts]


_ORDINAL = r"(?P<n>[1-4])\s*(?:e|ste|de)?"
_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind | None], ...] = (
    (re.compile(r"(?P<y>\d{4})"), PeriodKind.YEAR),
    (re.compile(r"(?P<y>\d{4})\s*JJ\s*00"), PeriodKind.YEAR),  # StatLine codes: 2019JJ00, 2019HJ01, 2019KW03
    (re.compile(r"(?P<y>\d{4})\s*HJ\s*0?(?P<n>[12])"), PeriodKind.HALF_YEAR),
    (re.compile(r"(?P<y>\d{4})\s*KW\s*0?(?P<n>[1-4])"), PeriodKind.QUARTER),
    (re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*H(?P<n>[12])"), PeriodKind.HALF_YEAR),
    (re.compile(r"H(?P<n>[12])\s*[-/ ]?\s*(?P<y>\d{4})"), PeriodKind.HALF_YEAR),
    (re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*[KQ](?P<n>[1-4])"), PeriodKind.QUARTER),
    (re.compile(r"[KQ](?P<n>[1-4])\s*[-/ ]?\s*(?P<y>\d{4})"), PeriodKind.QUARTER),
    (re.compile(rf"(?P<y>\d{{4}})\s*{_ORDINAL}\s*(?P<w>halfjaar|helft|kwartaal)"), None),
    (re.compile(rf"{_ORDINAL}\s*(?P<w>halfjaar|helft|kwartaal)\s*(?:van\s*)?(?P<y>\d{{4}})"), None),
    (re.compile(r"(?P<o>eerste|tweede|derde|vierde)\s*(?P<w>halfjaar|helft|kwartaal)\s*(?:van\s*)?(?P<y>\d{4})"), None),
)


def parse_period(value: object) -> tuple[Period, bool] | None:
    """A period and whether it is marked voorlopig ("2022*", StatLine's way), or None when it is no period.

    Reads "2019", 2019, "2019 H1", "H1 2019", "1e halfjaar 2019", "eerste helft 2019", "2019 1e kwartaal",
    "Q3 2019", "2019-K3" and StatLine's codes "2019JJ00", "2019HJ01", "2019KW03".
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if float(value).is_integer() and MIN_YEAR <= value <= MAX_YEAR:
            return Period(int(value)), False
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    provisional = text.endswith("*")
    text = text.rstrip("*").strip()
    for voorlopig in ("(voorlopig)", "voorlopig"):
        if text.casefold().endswith(voorlopig):
            provisional = True
            text = text[: -len(voorlopig)].strip()
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.fullmatch(text) or pattern.fullmatch(text.upper() if kind is not None else text.casefold())
        if match is None:
            continue
        groups = match.groupdict()
        if kind is None:
            kind = PeriodKind.QUARTER if groups["w"] == "kwartaal" else PeriodKind.HALF_YEAR
        part = 0
        if kind is not PeriodKind.YEAR:
            part = _WORDS[groups["o"]] if groups.get("o") else int(groups["n"])
        try:
            return Period(int(groups["y"]), kind, part), provisional
        except ValueError:
            return None
    return None
