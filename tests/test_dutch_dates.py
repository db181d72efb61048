"""Dutch date and time formats, written without strftime (see ghnt_desktop/dutch_dates.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ghnt_desktop.dutch_dates import clock_time, long_date, short_date, short_date_time


@given(st.dates(min_value=date(1000, 1, 1)))
def test_short_date_is_what_strftime_writes(day):
    assert short_date(day) == day.strftime("%d-%m-%Y")


@given(st.datetimes(min_value=datetime(1000, 1, 1)))
def test_clock_time_and_moment_are_what_strftime_writes(moment):
    assert clock_time(moment) == moment.strftime("%H:%M")
    assert clock_time(moment.time()) == moment.strftime("%H:%M")
    assert short_date_time(moment) == moment.strftime("%d-%m-%Y %H:%M")


def test_nothing_is_an_empty_string():
    assert short_date(None) == clock_time(None) == short_date_time(None) == long_date(None) == ""


def test_long_date_in_dutch_whatever_the_locale():
    assert long_date(date(2024, 3, 12)) == "dinsdag 12 maart 2024"
    assert long_date(date(2024, 3, 12), weekday=False) == "12 maart 2024"
    week = [long_date(date(2024, 1, 1) + timedelta(days=n)).split()[0] for n in range(7)]
    assert week == ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    assert [long_date(date(2024, m, 1), weekday=False).split()[1] for m in (1, 5, 8, 12)] == [
        "januari",
        "mei",
        "augustus",
        "december",
    ]
    assert clock_time(time(9, 5)) == "09:05"
