"""Dates and times as Dutch documents and lists write them, whatever the machine's locale.

One place for these formats, free of Qt and of the document libraries, so the UI, the services and
both exports write a date the same way. f-strings, not ``strftime``: in a process with PySide loaded
every ``strftime`` call passes through PySide's import hook (it imports ``time``), measured 2.8 us a
call against 0.35 us, which shows in an export of tens of thousands of rows.
"""

from __future__ import annotations

from datetime import date, datetime, time

DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
DUTCH_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def short_date(value: date | datetime | None) -> str:
    """``05-03-2024``, as Dutch lists write dates; an empty string for no date."""
    return f"{value.day:02d}-{value.month:02d}-{value.year}" if value is not None else ""


def long_date(value: date | None, *, weekday: bool = True) -> str:
    """``dinsdag 12 maart 2024`` (or ``12 maart 2024`` without the weekday)."""
    if value is None:
        return ""
    text = f"{value.day} {DUTCH_MONTHS[value.month - 1]} {value.year}"
    return f"{DUTCH_WEEKDAYS[value.weekday()]} {text}" if weekday else text


def clock_time(value: time | datetime | None) -> str:
    """``09:30``; an empty string for no time."""
    return f"{value.hour:02d}:{value.minute:02d}" if value is not None else ""


def short_date_time(value: datetime | None) -> str:
    """``05-03-2024 09:30``, a moment as lists and history write it."""
    return f"{short_date(value)} {clock_time(value)}" if value is not None else ""
