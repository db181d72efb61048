"""Property-based tests of how imports read deadlines and statuses (hypothesis).

The deadline and status parsers themselves (``ghnt_desktop.deadlines``) are another engineer's; these
properties hold for the way the Excel imports use them: any cell value reads without an error, a date
written in any of the usual forms comes back as that date, the Dutch status labels and their free-text
spellings map to the right status, and the exported cell values survive a round trip.
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from ghnt_desktop.deadlines import parse_deadline, parse_status
from ghnt_desktop.exports.xlsx_common import clean_text, looks_like_formula
from ghnt_desktop.imports.existing_list import split_trekkers
from ghnt_desktop.imports.roundtrip import interpret_deadline, interpret_status
from ghnt_desktop.models import ActionStatus

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip
CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    DATES,
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
)


@settings(max_examples=300, deadline=None)
@given(CELL_VALUES)
def test_any_cell_value_reads_without_error(value):
    day, text, warning = interpret_deadline(value, reference=date(2020, 1, 1))
    assert day is None or isinstance(day, date)
    assert isinstance(text, str)
    assert warning is None or isinstance(warning, str)
    status, status_warning = interpret_status(value)
    assert status is None or isinstance(status, ActionStatus)
    assert (status is None) == (status_warning is not None)
    assert isinstance(split_trekkers(value if isinstance(value, str) else ""), list)


@settings(max_examples=200, deadline=None)
@given(DATES)
def test_dates_in_every_written_form(day: date):
    month = MONTHS[day.month - 1]
    for written in (
        day.strftime("%d-%m-%Y"),
        day.strftime("%d/%m/%Y"),
        day.isoformat(),
        f"{day.day} {month} {day.year}",
        datetime(day.year, day.month, day.day),
        day,
    ):
        assert interpret_deadline(written)[:2] == (day, ""), written


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1990, max_value=2099), st.integers(min_value=1, max_value=4))
def test_quarters_and_months(year: int, quarter: int):
    start, end = date(year, 3 * quarter - 2, 1), interpret_deadline(f"Q{quarter} {year}")[0]
    assert end is not None and end.month == 3 * quarter and end.year == year
    parsed = parse_deadline(f"{quarter}e kwartaal {year}")
    assert (parsed.start, parsed.end) == (start, end)
    month = MONTHS[(3 * quarter) - 1]
    day, text, _warning = interpret_deadline(f"{month} {year}")
    assert text == f"{month} {year}" and day is not None and day.month == 3 * quarter
    parsed = parse_deadline(f"{year}-{year + 2}")
    assert (parsed.start, parsed.end) == (date(year, 1, 1), date(year + 2, 12, 31))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1990, max_value=2099))
def test_periods_without_a_year_take_the_reference_year(year: int):
    parsed = parse_deadline("voor de zomer", reference=date(year, 2, 1))
    assert (parsed.start, parsed.end) == (date(year, 6, 1), date(year, 6, 30))
    parsed = parse_deadline(f"aug-sep {year}")
    assert (parsed.start, parsed.end) == (date(year, 8, 1), date(year, 9, 30))


STATUS_WORDS = {
    "Gereed": ActionStatus.DONE,
    "afgerond": ActionStatus.DONE,
    "Loopt": ActionStatus.IN_PROGRESS,
    "in uitvoering": ActionStatus.IN_PROGRESS,
    "Doorgeschoven": ActionStatus.IN_PROGRESS,
    "Aangehouden": ActionStatus.ON_HOLD,
    "Vervallen": ActionStatus.CANCELLED,
    "Niet gestart": ActionStatus.NOT_STARTED,
}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(STATUS_WORDS)),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["", ".", " ", "!"]),
    st.booleans(),
)
def test_status_words_in_any_case_and_spacing(word: str, before: str, after: str, upper: bool):
    text = before + (word.upper() if upper else word) + after
    assert parse_status(text) is STATUS_WORDS[word]
    assert interpret_status(text) == (STATUS_WORDS[word], None)


@given(st.sampled_from(list(ActionStatus)))
def test_status_labels_and_values_round_trip(status: ActionStatus):
    assert interpret_status(status.label) == (status, None)
    assert parse_status(status.value) is status


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_clean_text_is_safe_for_excel(text: str):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cleaned = clean_text(text)
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in cleaned)
    assert len(cleaned) == len(text)  # one replacement character per bad character, nothing else changes
    assert looks_like_formula(cleaned) == looks_like_formula(text)
