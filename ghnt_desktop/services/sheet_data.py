"""The data the Excel lists show, as frozen dataclasses: gathered by ``services.importing``, written by
``exports.xlsx_actielijst`` and ``exports.xlsx_meetings`` (which re-export them).

Here, in the service layer, so that gathering the data does not import the exports above it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from .actions import ActionRow

MARK_PRESENT = "Aanwezig"
MARK_SUBSTITUTED = "Vervangen"
MARK_ITEM = "Agendapunt"
MARK_EXCUSED = "Afgemeld"
MARK_ABSENT = "Afwezig"
REPRESENTED_MARKS = (MARK_PRESENT, MARK_SUBSTITUTED, MARK_ITEM)


@dataclass(frozen=True)
class AttendanceLine:
    """One line of the presentielijst."""

    name: str
    organisation: str
    role: str
    status: str
    substitute: str = ""
    agenda_item: str = ""  # the agenda item a guest came for
    confidential: bool = False  # a guest of a vertrouwelijk item, included on request


@dataclass(frozen=True)
class OrganisationPresence:
    """Whether an organisation was represented at the meeting, and by whom."""

    organisation: str
    mark: str
    people: str


@dataclass(frozen=True)
class PresentielijstData:
    """The presentielijst of one meeting."""

    title: str
    meeting_date: date
    time_text: str
    location: str
    chair: str
    secretary: str
    lines: tuple[AttendanceLine, ...]
    organisations: tuple[OrganisationPresence, ...]
    confidential_left_out: int = 0  # guests of vertrouwelijke agenda items
    to_be_held: bool = False  # printed to sign at the door: a Handtekening column


@dataclass(frozen=True)
class MeetingColumn:
    """A meeting of the year overview."""

    date: date
    label: str  # "AO 12-03"


@dataclass(frozen=True)
class RepresentationRow:
    """An organisation's marks at the year's meetings, in ``RepresentationData.meetings`` order."""

    organisation: str
    marks: tuple[str, ...]

    @property
    def represented(self) -> int:
        return sum(1 for m in self.marks if m in REPRESENTED_MARKS)


@dataclass(frozen=True)
class RepresentationData:
    """Which organisation was represented at which overleg in a year."""

    year: int
    series_name: str
    meetings: tuple[MeetingColumn, ...]
    rows: tuple[RepresentationRow, ...]


@dataclass(frozen=True)
class DecisionLine:
    """A besluit as the Excel besluitenlijst shows it."""

    number: str
    meeting_date: date
    meeting_title: str
    text: str
    escalation: str
    outcome: str
    outcome_date: date | None
    confidential: bool = False  # included on request: marked in its own column


@dataclass(frozen=True)
class BesluitenlijstData:
    """The decisions of a period or series."""

    title: str
    subtitle: str
    decisions: tuple[DecisionLine, ...]
    omitted_note: str = ""
    confidential_left_out: int = 0
    included_note: str = ""  # the warning when vertrouwelijke besluiten are included


@dataclass(frozen=True)
class ActielijstData:
    """Everything the Excel actielijst shows, gathered by ``services.importing.gather_actielijst``."""

    rows: tuple[ActionRow, ...]
    today: date
    exported_at: datetime
    title: str = "Actielijst"
    organisation: str = ""
    progress_texts: Mapping[uuid.UUID, str] = field(default_factory=dict)
    confidential_left_out: int = 0
