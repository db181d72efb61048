"""Numbers of decisions and action items, as Dutch besluitenlijsten and actielijsten write them.

A decision is numbered per series and year: ``AO-2020-2-03`` is the third decision of the second
afstemmingsoverleg (series code ``AO``) of 2020. Action items follow the same pattern with an ``A``
before their sequence (``AO-2020-2-A03``); toezeggingen with a ``T``.
"""

from __future__ import annotations


def decision_number(series_code: str, year: int, meeting_number: int, sequence: int) -> str:
    return f"{series_code}-{year}-{meeting_number}-{sequence:02d}"


def action_number(series_code: str, year: int, meeting_number: int, sequence: int, *, toezegging: bool = False) -> str:
    letter = "T" if toezegging else "A"
    return f"{series_code}-{year}-{meeting_number}-{letter}{sequence:02d}"
