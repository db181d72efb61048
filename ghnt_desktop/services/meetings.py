"""Meetings: series, preparing the next overleg, its life cycle (concept to vastgesteld verslag) and attendance.

Every mutating service saves in the caller's session (it never commits) and returns what the caller needs
to undo it: an ``Edit`` whose ``before`` holds the previous values, to be passed back as keyword arguments
to the same service; a ``Created`` whose id the matching delete service takes; or a ``Removed`` snapshot
that ``restore_removed`` puts back. Each result carries a ``Changes`` for the views.

A meeting whose verslag is vastgesteld (``MINUTES_APPROVED``) is read-only: agenda, minutes, decisions,
attendance and its action items' text refuse edits until ``reopen_minutes`` (with a reason) reopens it.
"""

from __future__ import annotations

import calendar
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from ..models import (
    ActionItem,
    AgendaItem,
    AgendaPurpose,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Base,
    CarriedAction,
    Decision,
    EscalationState,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    Person,
    ProgressUpdate,
    SeriesInvitee,
    agenda_item_programme_action,
)
from . import UNSET_VALUE, Changes, NotFoundError, RefusedError, ValidationError
from .confidentiality import confidential_scope, neutral_escalation_title
from .change_log import note_reason
from .versions import versioned

# ---------------------------------------------------------------------------------------------------------------
# Results shared by the meeting services (agenda.py and minutes.py use them too)


@dataclass(frozen=True)
class Created:
    """A record a service created; undo by the matching delete service with ``id``."""

    id: uuid.UUID
    changes: Changes
    number: str = ""  # the number given to a decision or action item


@dataclass(frozen=True)
class Edit:
    """An edit a service saved; undo by calling the same service with ``**before``.

    ``version``: the record's ``row_version`` after the edit, set by ``versions.versioned``; an undo passes it (with
    the values this edit left as ``seen``) so that it is refused when someone else changed the record since."""

    id: uuid.UUID
    changes: Changes
    before: dict[str, Any] = field(default_factory=dict)
    version: int | None = None


@dataclass(frozen=True)
class Removed:
    """What a delete service removed (rows in insert order) and which rows it changed; see ``restore_removed``."""

    changes: Changes
    rows: tuple[tuple[str, dict[str, Any]], ...] = ()
    links: tuple[tuple[str, dict[str, Any]], ...] = ()  # rows of association tables
    updated: tuple[tuple[str, uuid.UUID, dict[str, Any]], ...] = ()  # (table, id, previous values)


UNSET: Any = UNSET_VALUE  # "leave this field as it is" for optional keyword arguments (defined in ``services``)

MEETING_CHANGES = Changes(meetings=True)

# ---------------------------------------------------------------------------------------------------------------
# Listing


@dataclass(frozen=True)
class MeetingRow:
    """One meeting as lists show it."""

    id: uuid.UUID
    date: date
    start_time: time | None
    kind: MeetingKind
    series_name: str
    title: str
    state: MeetingState
    location: str


def list_meetings(
    session: Session, *, kind: MeetingKind | None = None, series_id: uuid.UUID | None = None
) -> list[MeetingRow]:
    """All meetings, oldest first, optionally of one kind or series."""
    query = (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.start_time,
            Meeting.kind,
            MeetingSeries.name,
            Meeting.title,
            Meeting.state,
            Meeting.location,
        )
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .order_by(Meeting.date, Meeting.start_time, Meeting.title)
    )
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    if series_id is not None:
        query = query.where(Meeting.series_id == series_id)
    return [
        MeetingRow(
            id=row[0],
            date=row[1],
            start_time=row[2],
            kind=row[3],
            series_name=row[4] or "",
            title=row[5],
            state=row[6],
            location=row[7],
        )
        for row in session.execute(query)
    ]


@dataclass(frozen=True)
class MeetingDetail:
    """One meeting with its series defaults resolved to plain values."""

    id: uuid.UUID
    series_id: uuid.UUID | None
    series_name: str
    series_code: str
    kind: MeetingKind
    title: str
    date: date
    number_in_year: int
    start_time: time | None
    end_time: time | None
    location: str
    online_link: str
    chair_id: uuid.UUID | None
    chair_name: str
    secretary_id: uuid.UUID | None
    secretary_name: str
    state: MeetingState
    ics_uid: str
    ics_sequence: int
    notes: str

    @property
    def read_only(self) -> bool:
        return self.state is MeetingState.MINUTES_APPROVED


def get_meeting(session: Session, meeting_id: uuid.UUID) -> MeetingDetail:
    """One meeting; raises ``NotFoundError`` when it is gone."""
    m = get_or_404(session, Meeting, meeting_id)
    return MeetingDetail(
        id=m.id,
        series_id=m.series_id,
        series_name=m.series.name if m.series else "",
        series_code=m.series.code if m.series else "",
        kind=m.kind,
        title=m.title,
        date=m.date,
        number_in_year=m.number_in_year,
        start_time=m.start_time,
        end_time=m.end_time,
        location=m.location,
        online_link=m.online_link,
        chair_id=m.chair_id,
        chair_name=m.chair.name if m.chair else "",
        secretary_id=m.secretary_id,
        secretary_name=m.secretary.name if m.secretary else "",
        state=m.state,
        ics_uid=m.ics_uid,
        ics_sequence=m.ics_sequence,
        notes=m.notes,
    )


# ---------------------------------------------------------------------------------------------------------------
# Helpers shared with agenda.py and minutes.py

_NOT_FOUND = {
    "meeting": "Het overleg bestaat niet (meer).",
    "meeting_series": "De overlegreeks bestaat niet (meer).",
    "agenda_item": "Het agendapunt bestaat niet (meer).",
    "attendance": "De aanwezigheidsregel bestaat niet (meer).",
    "decision": "Het besluit bestaat niet (meer).",
    "action_item": "Het actiepunt bestaat niet (meer).",
    "person": "De persoon bestaat niet (meer).",
    "organisation": "De organisatie bestaat niet (meer).",
    "programme_action": "De actie uit het programma bestaat niet (meer).",
    "progress_update": "De voortgangsregel bestaat niet (meer).",
}


_Record = TypeVar("_Record", bound=Base)


def _table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)  # every model maps one table
    return table


def get_or_404(session: Session, model: type[_Record], record_id: uuid.UUID | None) -> _Record:
    """The record with ``record_id`` or a Dutch ``NotFoundError``."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        raise NotFoundError(_NOT_FOUND.get(_table_of(model).name, "Het gevraagde gegeven bestaat niet (meer)."))
    return record


def ensure_editable(meeting: Meeting) -> None:
    """Refuse any edit of a meeting whose verslag is vastgesteld."""
    if meeting.state is MeetingState.MINUTES_APPROVED:
        raise RefusedError(
            f"Het verslag van {meeting.title} van {meeting.date:%d-%m-%Y} is vastgesteld en kan niet meer worden "
            "gewijzigd. Heropen het verslag (met een reden) om het aan te passen."
        )


# C0 and C1 control characters (but tab and newline) and lone surrogates: pasted from other programs,
# never meant as text. No-break spaces, zero-width joiners (emoji) and direction marks are text: kept.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str, *, label: str, required: bool = False, max_length: int | None = None) -> str:
    """Strip and check a text field; control characters other than newlines and tabs are dropped."""
    if not isinstance(value, str):
        raise ValidationError(f"{label} moet tekst zijn.")
    text = _CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if required and not text:
        raise ValidationError(f"{label} mag niet leeg zijn.")
    if max_length is not None and len(text) > max_length:
        raise ValidationError(f"{label} is te lang (meer dan {max_length} tekens).")
    return text


def attendance_of(session: Session, meeting_id: uuid.UUID) -> list[Attendance]:
    """The attendance rows of a meeting, queried (a loaded relationship may lag behind deletes)."""
    return list(
        session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.position))
    )


def items_of(session: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    """The agenda items of a meeting in order, queried."""
    return list(
        session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position))
    )


def renumber_agenda(session: Session, meeting: Meeting) -> None:
    """Give the agenda items positions 0.. and shown numbers "1", "2", ... in their current order."""
    session.flush()
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position, AgendaItem.number)
    ).all()
    for index, item in enumerate(items):
        item.position = index
        item.number = str(index + 1)
    session.flush()
    session.expire(meeting, ["agenda_items"])


TAIL_ITEMS = ("any_other_business", "closing")  # content goes before Rondvraag and Sluiting


def insert_position(session: Session, meeting: Meeting) -> int:
    """The position where a new content item goes: before Rondvraag (or Sluiting), else at the end."""
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position)
    ).all()
    for index, item in enumerate(items):
        if item.standard_item in TAIL_ITEMS:
            return index
    return len(items)


def new_agenda_item(session: Session, meeting: Meeting, index: int, **values: Any) -> AgendaItem:
    """Insert an agenda item at ``index`` (0-based) and renumber the agenda."""
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.position)
    ).all()
    index = max(0, min(index, len(items)))
    for position, existing in enumerate(items):
        existing.position = position if position < index else position + 1
    item = AgendaItem(meeting_id=meeting.id, position=index, **values)
    session.add(item)
    renumber_agenda(session, meeting)
    return item


def snapshot(record: Base) -> tuple[str, dict[str, Any]]:
    """The table name and column values of a record, enough to insert it again."""
    table = _table_of(type(record))
    return table.name, {column.key: getattr(record, column.key) for column in table.columns}


def _model_for_table(name: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if _table_of(mapper.class_).name == name:
            return mapper.class_
    raise KeyError(name)


def restore_removed(session: Session, removed: Removed) -> Changes:
    """Undo a delete service: insert the removed rows again (same ids) and put back the changed values."""
    for table_name, values in removed.rows:
        if table_name == "agenda_item":
            # Back in its old place: the items now at or after that position move down one.
            for other in items_of(session, values["meeting_id"]):
                if other.position >= values["position"]:
                    other.position += 1
        session.add(_model_for_table(table_name)(**values))
        session.flush()
    for table_name, values in removed.links:
        session.execute(insert(Base.metadata.tables[table_name]).values(**values))
    for table_name, record_id, values in removed.updated:
        record = session.get(_model_for_table(table_name), record_id)
        if record is not None:
            for key, value in values.items():
                setattr(record, key, value)
    session.flush()
    for table_name, values in removed.rows:
        if table_name == "meeting":
            meeting = session.get(Meeting, values["id"])
            if meeting is not None:
                renumber_year(session, meeting.series_id, meeting.date.year)
        elif table_name == "agenda_item":
            meeting = session.get(Meeting, values["meeting_id"])
            if meeting is not None:
                renumber_agenda(session, meeting)
    return removed.changes


def renumber_year(session: Session, series_id: uuid.UUID | None, year: int) -> None:
    """Number the series' meetings of ``year`` 1, 2, ... by date; cancelled meetings keep their old number.

    Decisions and action items keep the number they were given, so renumbering never rewrites a besluitenlijst.
    """
    if series_id is None:
        return
    session.flush()
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.series_id == series_id,
            Meeting.state != MeetingState.CANCELLED,
            Meeting.date >= date(year, 1, 1),
            Meeting.date <= date(year, 12, 31),
        )
        .order_by(Meeting.date, Meeting.start_time, Meeting.created_at)
    ).all()
    for number, meeting in enumerate(meetings, start=1):
        meeting.number_in_year = number


# ---------------------------------------------------------------------------------------------------------------
# Series


@dataclass(frozen=True)
class SeriesRow:
    """A meeting series with its defaults."""

    id: uuid.UUID
    name: str
    code: str
    kind: MeetingKind
    meetings_per_year: int
    escalates_to_id: uuid.UUID | None
    meeting_count: int


def list_series(session: Session, *, include_archived: bool = False) -> list[SeriesRow]:
    """All meeting series by name, with how many meetings each has."""
    counts = select(Meeting.series_id, func.count(Meeting.id).label("n")).group_by(Meeting.series_id).subquery()
    query = (
        select(MeetingSeries, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.series_id == MeetingSeries.id)
        .order_by(MeetingSeries.name)
    )
    if not include_archived:
        query = query.where(MeetingSeries.archived.is_(False))
    return [
        SeriesRow(s.id, s.name, s.code, s.kind, s.meetings_per_year, s.escalates_to_id, n)
        for s, n in session.execute(query)
    ]


def create_series(
    session: Session,
    *,
    name: str,
    code: str,
    kind: MeetingKind,
    meetings_per_year: int = 4,
    default_start: time | None = None,
    default_end: time | None = None,
    default_location: str = "",
    default_online_link: str = "",
    chair_id: uuid.UUID | None = None,
    secretary_id: uuid.UUID | None = None,
    working_group_id: uuid.UUID | None = None,
    escalates_to_id: uuid.UUID | None = None,
    invitee_person_ids: Iterable[uuid.UUID] = (),
    invitee_organisation_ids: Iterable[uuid.UUID] = (),
) -> Created:
    """Create a recurring overleg with its rhythm and defaults; undo with ``delete_series``."""
    name = clean_text(name, label="De naam van de overlegreeks", required=True, max_length=200)
    code = clean_text(code, label="De code van de overlegreeks", required=True, max_length=12).upper()
    if any(ch.isspace() or ch == "-" for ch in code):
        raise ValidationError("De code van de overlegreeks mag geen spaties of streepjes bevatten (bijvoorbeeld AO).")
    if not 1 <= meetings_per_year <= 52:
        raise ValidationError("Het aantal overleggen per jaar moet tussen 1 en 52 liggen.")
    if session.scalar(select(MeetingSeries.id).where(MeetingSeries.name == name)) is not None:
        raise ValidationError(f"Er bestaat al een overlegreeks met de naam {name}.")
    if escalates_to_id is not None:
        get_or_404(session, MeetingSeries, escalates_to_id)
    series = MeetingSeries(
        name=name,
        code=code,
        kind=kind,
        meetings_per_year=meetings_per_year,
        default_start=default_start,
        default_end=default_end,
        default_location=default_location,
        default_online_link=default_online_link,
        chair_id=chair_id,
        secretary_id=secretary_id,
        working_group_id=working_group_id,
        escalates_to_id=escalates_to_id,
    )
    session.add(series)
    session.flush()
    for person_id in dict.fromkeys(invitee_person_ids):
        session.add(SeriesInvitee(series_id=series.id, person_id=person_id))
    for organisation_id in dict.fromkeys(invitee_organisation_ids):
        session.add(SeriesInvitee(series_id=series.id, organisation_id=organisation_id))
    session.flush()
    return Created(series.id, MEETING_CHANGES | Changes(ids=frozenset({series.id})))


def delete_series(session: Session, series_id: uuid.UUID) -> Removed:
    """Delete a series that has no meetings (yet); refused otherwise."""
    series = get_or_404(session, MeetingSeries, series_id)
    if session.scalar(select(func.count(Meeting.id)).where(Meeting.series_id == series_id)):
        raise RefusedError(f"De overlegreeks {series.name} heeft overleggen en kan niet worden verwijderd.")
    rows = [snapshot(series)] + [snapshot(i) for i in series.invitees]
    session.delete(series)
    session.flush()
    return Removed(MEETING_CHANGES, rows=tuple(rows))


# ---------------------------------------------------------------------------------------------------------------
# Preparing a meeting


@dataclass(frozen=True)
class MeetingDraft:
    """A meeting before it is saved: what ``propose_next_meeting`` suggests and ``create_meeting`` takes."""

    kind: MeetingKind
    title: str
    date: date
    series_id: uuid.UUID | None = None
    start_time: time | None = None
    end_time: time | None = None
    location: str = ""
    online_link: str = ""
    chair_id: uuid.UUID | None = None
    secretary_id: uuid.UUID | None = None
    invitee_person_ids: tuple[uuid.UUID, ...] = ()
    invitee_organisation_ids: tuple[uuid.UUID, ...] = ()


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _next_in_rhythm(last: date, per_year: int) -> date:
    """The date one rhythm step after ``last``, on the same weekday (overleggen keep their weekday)."""
    if 12 % per_year == 0:
        candidate = _add_months(last, 12 // per_year)
    else:
        candidate = last + timedelta(days=round(365 / per_year))
    shift = (last.weekday() - candidate.weekday()) % 7
    if shift > 3:  # the nearest same weekday, earlier rather than four or more days later
        shift -= 7
    return candidate + timedelta(days=shift)


def propose_next_meeting(session: Session, series_id: uuid.UUID, *, today: date | None = None) -> MeetingDraft:
    """The next meeting of a series: the date after the last meeting by the series' rhythm, with its defaults.

    A series without meetings proposes four weeks from ``today``; a rhythm date in the past moves on by
    whole steps until it is on or after ``today``. Nothing is saved.
    """
    series = get_or_404(session, MeetingSeries, series_id)
    today = today or date.today()
    last = session.scalar(select(func.max(Meeting.date)).where(Meeting.series_id == series_id))
    if last is None:
        proposed = today + timedelta(days=28)
    else:
        proposed = _next_in_rhythm(last, max(1, series.meetings_per_year))
        for _ in range(200):  # bounded: a series idle for decades still ends
            if proposed >= today:
                break
            proposed = _next_in_rhythm(proposed, max(1, series.meetings_per_year))
    return MeetingDraft(
        kind=series.kind,
        title=series.name,
        date=proposed,
        series_id=series.id,
        start_time=series.default_start,
        end_time=series.default_end,
        location=series.default_location,
        online_link=series.default_online_link,
        chair_id=series.chair_id,
        secretary_id=series.secretary_id,
        invitee_person_ids=tuple(i.person_id for i in series.invitees if i.person_id is not None),
        invitee_organisation_ids=tuple(
            i.organisation_id for i in series.invitees if i.person_id is None and i.organisation_id is not None
        ),
    )


STANDARD_AGENDA: tuple[tuple[str, str, int, AgendaPurpose], ...] = (
    ("opening", "Opening en vaststellen agenda", 5, AgendaPurpose.BESLUITVORMING),
    ("previous_minutes", "Verslag en actielijst vorig overleg", 10, AgendaPurpose.BESLUITVORMING),
    ("announcements", "Mededelingen", 10, AgendaPurpose.INFORMATIE),
    ("any_other_business", "Rondvraag", 10, AgendaPurpose.BESPREKING),
    ("closing", "Sluiting", 5, AgendaPurpose.INFORMATIE),
)


def create_meeting(session: Session, draft: MeetingDraft, *, content_items: Sequence[str] = ()) -> Created:
    """Save a meeting with the standard Dutch agenda and its invitees (status uitgenodigd).

    Content items go before Rondvraag. A meeting of a series gets its number in the year; a bestuurlijk
    overleg picks up the decisions escalated to its series. Undo with ``delete_meeting``.
    """
    title = clean_text(draft.title, label="De titel van het overleg", required=True, max_length=300)
    if draft.start_time and draft.end_time and draft.end_time <= draft.start_time:
        raise ValidationError("De eindtijd van het overleg moet na de begintijd liggen.")
    series = get_or_404(session, MeetingSeries, draft.series_id) if draft.series_id else None
    meeting = Meeting(
        series_id=draft.series_id,
        kind=draft.kind,
        title=title,
        date=draft.date,
        start_time=draft.start_time,
        end_time=draft.end_time,
        location=clean_text(draft.location, label="De locatie", max_length=300),
        online_link=clean_text(draft.online_link, label="De link", max_length=500),
        chair_id=draft.chair_id,
        secretary_id=draft.secretary_id,
        state=MeetingState.CONCEPT,
        working_group_id=series.working_group_id if series else None,
    )
    session.add(meeting)
    session.flush()
    for position, (key, item_title, minutes, purpose) in enumerate(STANDARD_AGENDA):
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                number=str(position + 1),
                title=item_title,
                standard_item=key,
                planned_minutes=minutes,
                purpose=purpose,
            )
        )
    session.flush()
    for content in content_items:
        new_agenda_item(
            session,
            meeting,
            insert_position(session, meeting),
            title=clean_text(content, label="De titel van het agendapunt", required=True, max_length=500),
            purpose=AgendaPurpose.BESPREKING,
        )
    _invite(session, meeting, draft)
    renumber_year(session, meeting.series_id, meeting.date.year)
    changes = MEETING_CHANGES | Changes(ids=frozenset({meeting.id}))
    if series is not None:
        changes = changes | place_escalations(session, meeting.id)
    return Created(meeting.id, changes)


def _invite(session: Session, meeting: Meeting, draft: MeetingDraft) -> None:
    """Attendance rows (uitgenodigd) for chair, secretary and invitees, each person once."""
    seen: set[uuid.UUID] = set()
    position = 0

    def add(person_id: uuid.UUID | None, organisation_id: uuid.UUID | None, role: AttendanceRole) -> None:
        nonlocal position
        if person_id is not None:
            if person_id in seen:
                return
            person = get_or_404(session, Person, person_id)
            seen.add(person_id)
            organisation_id = organisation_id or person.organisation_id
        session.add(
            Attendance(
                meeting_id=meeting.id,
                person_id=person_id,
                organisation_id=organisation_id,
                role=role,
                status=AttendanceStatus.INVITED,
                position=position,
            )
        )
        position += 1

    if draft.chair_id:
        add(draft.chair_id, None, AttendanceRole.CHAIR)
    if draft.secretary_id:
        add(draft.secretary_id, None, AttendanceRole.SECRETARY)
    for person_id in draft.invitee_person_ids:
        add(person_id, None, AttendanceRole.MEMBER)
    for organisation_id in dict.fromkeys(draft.invitee_organisation_ids):
        get_or_404(session, Organisation, organisation_id)
        add(None, organisation_id, AttendanceRole.MEMBER)
    session.flush()


_MEETING_FIELDS = {"title", "location", "online_link", "chair_id", "secretary_id", "notes"}


def update_meeting(session: Session, meeting_id: uuid.UUID, **values: Any) -> Edit:
    """Change title, location, online_link, chair_id, secretary_id or notes; date and times go via ``move_meeting``.

    Every field that really changes is logged (``change_log``: who and when). Undo with
    ``update_meeting(session, id, **before)``.
    """
    unknown = set(values) - _MEETING_FIELDS
    if unknown:
        raise ValidationError(f"Onbekende velden van een overleg: {', '.join(sorted(unknown))}.")
    meeting = get_or_404(session, Meeting, meeting_id)
    ensure_editable(meeting)
    limits = {"title": 300, "location": 300, "online_link": 500, "notes": None}
    labels = {"title": "De titel", "location": "De locatie", "online_link": "De link", "notes": "De notities"}
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, value in values.items():
        if key in limits:
            value = clean_text(value, label=labels[key], required=key == "title", max_length=limits[key])
        elif value is not None:
            get_or_404(session, Person, value)
        before[key] = getattr(meeting, key)
        after[key] = value
        setattr(meeting, key, value)
    if before.keys() & {"location", "online_link"} and meeting.state is not MeetingState.CANCELLED:
        meeting.ics_sequence += 1  # the invitation changed: calendars need a newer version
    session.flush()
    return Edit(meeting.id, MEETING_CHANGES | Changes(ids=frozenset({meeting.id})), before)


def move_meeting(
    session: Session,
    meeting_id: uuid.UUID,
    new_date: date,
    *,
    start_time: time | None = UNSET,
    end_time: time | None = UNSET,
) -> Edit:
    """Move a meeting to another date (and times); its items stay and what it carried forward follows.

    The calendar sequence goes up so a resent invitation updates the appointment. Progress recorded at
    the meeting moves to the new date; actions carried from a meeting that is now later are unlinked when
    nothing was written about them yet. Undo: ``move_meeting(session, id, **before)``.
    """
    meeting = get_or_404(session, Meeting, meeting_id)
    ensure_editable(meeting)
    new_start = meeting.start_time if start_time is UNSET else start_time
    new_end = meeting.end_time if end_time is UNSET else end_time
    if new_start and new_end and new_end <= new_start:
        raise ValidationError("De eindtijd van het overleg moet na de begintijd liggen.")
    before = {"new_date": meeting.date, "start_time": meeting.start_time, "end_time": meeting.end_time}
    old_year = meeting.date.year
    meeting.date, meeting.start_time, meeting.end_time = new_date, new_start, new_end
    meeting.ics_sequence += 1
    for update in session.scalars(select(ProgressUpdate).where(ProgressUpdate.meeting_id == meeting.id)):
        update.date = new_date
    _unlink_carried_from_later(session, meeting)
    renumber_year(session, meeting.series_id, old_year)
    renumber_year(session, meeting.series_id, new_date.year)
    session.flush()
    return Edit(meeting.id, MEETING_CHANGES | Changes(actions=True, ids=frozenset({meeting.id})), before)


def _unlink_carried_from_later(session: Session, meeting: Meeting) -> None:
    """Drop carry-forward links and empty review rows for actions that come from a meeting on or after this
    one's (new) date."""
    links = session.execute(
        select(CarriedAction, Meeting.date)
        .join(ActionItem, ActionItem.id == CarriedAction.action_item_id)
        .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
        .where(CarriedAction.meeting_id == meeting.id)
    ).all()
    for link, origin_date in links:
        if origin_date >= meeting.date:
            session.delete(link)
    rows = session.execute(
        select(ProgressUpdate, Meeting.date)
        .join(ActionItem, ActionItem.id == ProgressUpdate.action_item_id)
        .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
        .where(ProgressUpdate.meeting_id == meeting.id, ActionItem.origin_meeting_id != meeting.id)
    ).all()
    for update, origin_date in rows:
        if origin_date >= meeting.date and not (update.done_text or update.todo_text):
            session.delete(update)


class FutureMeetingError(RefusedError):
    """A meeting that is still to come was to be marked gehouden or its verslag vastgesteld without confirmation."""

    def __init__(self, message: str, meeting_date: date) -> None:
        super().__init__(message)
        self.meeting_date = meeting_date


class UnmarkedAttendeesError(RefusedError):
    """Closing a meeting while some attendees are marked neither present nor absent: the caller must choose."""

    def __init__(self, message: str, names: tuple[str, ...]) -> None:
        super().__init__(message)
        self.names = names


UNMARKED_ABSENT = "absent"  # mark the attendees nobody marked as afwezig
UNMARKED_KEEP = "keep"  # leave them unknown (uitgenodigd)


def unmarked_attendees(session: Session, meeting_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(attendance id, name) of everyone on the presentielijst still marked only as invited."""
    rows = sorted(attendance_of(session, meeting_id), key=lambda a: (a.agenda_item_id is not None, a.position))
    return [
        (a.id, a.person.name if a.person else a.name or (a.organisation.name if a.organisation else ""))
        for a in rows
        if a.status is AttendanceStatus.INVITED
    ]


def _check_not_future(meeting: Meeting, state: MeetingState, today: date, confirmed: bool) -> None:
    if confirmed or meeting.date <= today:
        return
    day = f"{meeting.date:%d-%m-%Y}"
    if state is MeetingState.HELD:
        message = (
            f"Het overleg staat op {day}; die datum is nog niet geweest. Bevestig dat het overleg op {day} is "
            "gehouden, of verplaats het eerst naar de dag waarop het werd gehouden."
        )
    else:
        message = (
            f"Het overleg staat op {day}; die datum is nog niet geweest. Bevestig dat het verslag van het overleg "
            f"van {day} is vastgesteld, of verplaats het overleg eerst naar de juiste datum."
        )
    raise FutureMeetingError(message, meeting.date)


# Allowed state changes. Backward steps exist so a mistaken step can be undone; vastgesteld -> gehouden
# only through ``reopen_minutes``, which asks a reason.
_TRANSITIONS: dict[MeetingState, set[MeetingState]] = {
    MeetingState.CONCEPT: {MeetingState.PLANNED, MeetingState.CANCELLED},
    MeetingState.PLANNED: {MeetingState.HELD, MeetingState.CONCEPT, MeetingState.CANCELLED},
    MeetingState.HELD: {MeetingState.MINUTES_APPROVED, MeetingState.PLANNED},
    MeetingState.MINUTES_APPROVED: set(),
    MeetingState.CANCELLED: {MeetingState.CONCEPT, MeetingState.PLANNED},
}


def set_meeting_state(
    session: Session,
    meeting_id: uuid.UUID,
    state: MeetingState,
    *,
    approved_in_meeting_id: uuid.UUID | None = None,
    confirmed: bool = False,
    unmarked: str | None = None,
    restore_attendance: dict[uuid.UUID, AttendanceStatus] | None = None,
    today: date | None = None,
) -> Edit:
    """Move a meeting one step: concept -> gepland -> gehouden -> verslag vastgesteld (or geannuleerd).

    Other jumps are refused with a Dutch message. Vaststellen happens at a later meeting of the series:
    ``approved_in_meeting_id`` names it (kept on the meeting, logged with the state change). Undo with ``before``
    (vastgesteld is undone by ``reopen_minutes``).

    A meeting after ``today`` becomes gehouden or vastgesteld only with ``confirmed=True``
    (``FutureMeetingError`` names the date to confirm). Becoming gehouden with attendees still marked only as
    invited needs ``unmarked``: ``UNMARKED_ABSENT`` marks them afwezig, ``UNMARKED_KEEP`` leaves them unknown
    (``UnmarkedAttendeesError`` lists them). ``restore_attendance`` (from ``before``) puts statuses back.
    """
    meeting = get_or_404(session, Meeting, meeting_id)
    state = MeetingState(state)
    old = meeting.state
    if state is old:
        return Edit(meeting.id, Changes(), {"state": old})
    if unmarked not in (None, UNMARKED_ABSENT, UNMARKED_KEEP):
        raise ValidationError("Kies wat er gebeurt met wie niet is aangemeld: afwezig melden of onbekend laten.")
    if state not in _TRANSITIONS[old]:
        if old is MeetingState.MINUTES_APPROVED:
            raise RefusedError(
                "Het verslag is vastgesteld. Heropen het verslag (met een reden) om de status te wijzigen."
            )
        raise RefusedError(f"Een overleg met status '{old.label}' kan niet naar '{state.label}' worden gezet.")
    if state in (MeetingState.HELD, MeetingState.MINUTES_APPROVED) and old is not MeetingState.MINUTES_APPROVED:
        _check_not_future(meeting, state, today or date.today(), confirmed)
    marked_absent: dict[uuid.UUID, AttendanceStatus] = {}
    if state is MeetingState.HELD and old is not MeetingState.MINUTES_APPROVED:
        unknown = unmarked_attendees(session, meeting.id)
        if unknown and unmarked is None:
            names = tuple(name for _id, name in unknown)
            shown = ", ".join(names[:5]) + (f" en {len(names) - 5} anderen" if len(names) > 5 else "")
            raise UnmarkedAttendeesError(
                f"Van {len(names)} genodigden is niet vastgelegd of ze aanwezig waren ({shown}). Meld ze afwezig, "
                "laat het onbekend, of vul eerst de aanwezigheid in.",
                names,
            )
        if unmarked == UNMARKED_ABSENT:
            for attendance_id, _name in unknown:
                attendance = session.get(Attendance, attendance_id)
                if attendance is None:  # removed meanwhile
                    continue
                marked_absent[attendance_id] = attendance.status
                attendance.status = AttendanceStatus.ABSENT
    if restore_attendance:
        for attendance_id, status in restore_attendance.items():
            attendance = session.get(Attendance, attendance_id)
            if attendance is not None:
                attendance.status = AttendanceStatus(status)
    reason = ""
    if state is MeetingState.MINUTES_APPROVED and approved_in_meeting_id is not None:
        later = get_or_404(session, Meeting, approved_in_meeting_id)
        if later.date < meeting.date or later.id == meeting.id:
            raise ValidationError("Een verslag wordt vastgesteld in een later overleg.")
        reason = f"Vastgesteld in {later.title} van {later.date:%d-%m-%Y}"
    if reason:
        note_reason(session, reason)  # logged with the state change (the triggers write it at the flush)
    if MeetingState.CANCELLED in (old, state):
        meeting.ics_sequence += 1  # cancelling or reinstating sends a new calendar version
    meeting.state = state
    if state is MeetingState.MINUTES_APPROVED:  # the overleg it was vastgesteld in, if named (approval_of)
        meeting.approved_in_meeting_id = approved_in_meeting_id
    if MeetingState.CANCELLED in (old, state):
        renumber_year(session, meeting.series_id, meeting.date.year)
    session.flush()
    if reason:
        note_reason(session, "")
    before: dict[str, Any] = {"state": old}
    if marked_absent:
        before["restore_attendance"] = marked_absent
    if old in (MeetingState.HELD, MeetingState.MINUTES_APPROVED):
        # Going back to it (undo of this step) was confirmed when it was first reached.
        before["confirmed"] = True
        before["unmarked"] = UNMARKED_ABSENT if restore_attendance else UNMARKED_KEEP
    return Edit(meeting.id, MEETING_CHANGES | Changes(ids=frozenset({meeting.id})), before)


def cancel_meeting(session: Session, meeting_id: uuid.UUID) -> Edit:
    """Cancel a concept or planned meeting; its agenda and invitees stay. Undo with ``set_meeting_state``."""
    return set_meeting_state(session, meeting_id, MeetingState.CANCELLED)


def reopen_minutes(session: Session, meeting_id: uuid.UUID, reason: str) -> Edit:
    """Reopen a vastgesteld verslag (back to gehouden); the reason is required and kept in the history."""
    reason = clean_text(reason or "", label="De reden voor het heropenen")
    if not reason:
        raise ValidationError("Geef een reden op om een vastgesteld verslag te heropenen.")
    meeting = get_or_404(session, Meeting, meeting_id)
    if meeting.state is not MeetingState.MINUTES_APPROVED:
        raise RefusedError("Alleen een vastgesteld verslag kan worden heropend.")
    note_reason(session, reason)  # logged with the state change
    approved_in = meeting.approved_in_meeting_id
    meeting.state = MeetingState.HELD
    meeting.approved_in_meeting_id = None  # vastgesteld again later: in the overleg named then
    session.flush()
    note_reason(session, "")
    before = {"state": MeetingState.MINUTES_APPROVED, "approved_in_meeting_id": approved_in, "confirmed": True}
    return Edit(meeting.id, MEETING_CHANGES | Changes(ids=frozenset({meeting.id})), before)


def delete_meeting(session: Session, meeting_id: uuid.UUID) -> Removed:
    """Delete a meeting that holds nothing of record; undo with ``restore_removed``.

    Refused when it has minutes, decisions, action items, progress written at it or attendance marked;
    a concept meeting with only a (standard) agenda may go. Decisions escalated to it become pending again.
    """
    meeting = get_or_404(session, Meeting, meeting_id)
    ensure_editable(meeting)
    items = items_of(session, meeting.id)
    attendance = attendance_of(session, meeting.id)
    item_ids = [i.id for i in items]
    reasons = []
    if any(i.minutes_text.strip() for i in items):
        reasons.append("verslagtekst")
    if session.scalar(select(func.count(Decision.id)).where(Decision.meeting_id == meeting.id)):
        reasons.append("besluiten")
    if session.scalar(select(func.count(ActionItem.id)).where(ActionItem.origin_meeting_id == meeting.id)):
        reasons.append("actiepunten")
    if any(a.status is not AttendanceStatus.INVITED for a in attendance):
        reasons.append("vastgelegde aanwezigheid")
    updates = session.scalars(select(ProgressUpdate).where(ProgressUpdate.meeting_id == meeting.id)).all()
    if any(u.done_text.strip() or u.todo_text.strip() for u in updates):
        reasons.append("voortgang")
    if session.scalar(select(func.count(Meeting.id)).where(Meeting.approved_in_meeting_id == meeting.id)):
        reasons.append("de vaststelling van het verslag van een eerder overleg")
    if reasons:
        raise RefusedError(
            f"Het overleg van {meeting.date:%d-%m-%Y} kan niet worden verwijderd: het bevat {', '.join(reasons)}. "
            "Annuleer het overleg in plaats daarvan."
        )
    updated = []
    for decision in session.scalars(select(Decision).where(Decision.escalated_to_meeting_id == meeting.id)):
        updated.append(
            (
                "decision",
                decision.id,
                {
                    "escalated_to_meeting_id": decision.escalated_to_meeting_id,
                    "escalation_agenda_item_id": decision.escalation_agenda_item_id,
                },
            )
        )
        decision.escalated_to_meeting_id = None
        decision.escalation_agenda_item_id = None
    links = []
    if item_ids:
        links = [
            ("agenda_item_programme_action", dict(row._mapping))
            for row in session.execute(
                select(agenda_item_programme_action).where(agenda_item_programme_action.c.agenda_item_id.in_(item_ids))
            )
        ]
    carried = session.scalars(select(CarriedAction).where(CarriedAction.meeting_id == meeting.id)).all()
    rows = [snapshot(meeting)] + [snapshot(i) for i in items]
    rows += [snapshot(a) for a in attendance] + [snapshot(u) for u in updates] + [snapshot(c) for c in carried]
    if item_ids:
        session.execute(
            delete(agenda_item_programme_action).where(agenda_item_programme_action.c.agenda_item_id.in_(item_ids))
        )
    for record in [*carried, *updates, *attendance, *items]:
        session.delete(record)
    session.flush()
    series_id, year = meeting.series_id, meeting.date.year
    session.delete(meeting)
    session.flush()
    renumber_year(session, series_id, year)
    return Removed(
        MEETING_CHANGES | Changes(actions=bool(updates), ids=frozenset({meeting_id})),
        rows=tuple(rows),
        links=tuple(links),
        updated=tuple(updated),
    )


# ---------------------------------------------------------------------------------------------------------------
# Attendance


@dataclass(frozen=True)
class AttendanceRow:
    """One line of the presentielijst."""

    id: uuid.UUID
    person_id: uuid.UUID | None
    person_name: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    role: AttendanceRole
    status: AttendanceStatus
    substitute_id: uuid.UUID | None
    substitute_name: str
    agenda_item_id: uuid.UUID | None  # a guest for one agenda item
    agenda_item_number: str


def attendance_list(session: Session, meeting_id: uuid.UUID) -> list[AttendanceRow]:
    """The meeting's attendance: members first in their order, guests for one item last."""
    get_or_404(session, Meeting, meeting_id)
    rows = sorted(attendance_of(session, meeting_id), key=lambda a: (a.agenda_item_id is not None, a.position))
    return [
        AttendanceRow(
            id=a.id,
            person_id=a.person_id,
            person_name=a.person.name if a.person else a.name,
            organisation_id=a.organisation_id,
            organisation_name=a.organisation.name if a.organisation else "",
            role=a.role,
            status=a.status,
            substitute_id=a.substitute_id,
            substitute_name=a.substitute.name if a.substitute else a.substitute_name,
            agenda_item_id=a.agenda_item_id,
            agenda_item_number=a.agenda_item.number if a.agenda_item else "",
        )
        for a in rows
    ]


def add_attendee(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    person_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    name: str = "",
    role: AttendanceRole = AttendanceRole.MEMBER,
    agenda_item_id: uuid.UUID | None = None,
    status: AttendanceStatus = AttendanceStatus.INVITED,
) -> Created:
    """Add a person, organisation or named guest to a meeting (or to one agenda item); undo with ``remove_attendee``."""
    meeting = get_or_404(session, Meeting, meeting_id)
    ensure_editable(meeting)
    name = clean_text(name, label="De naam", max_length=200)
    if person_id is None and organisation_id is None and not name:
        raise ValidationError("Kies een persoon of organisatie, of vul een naam in.")
    if person_id is not None:
        person = get_or_404(session, Person, person_id)
        organisation_id = organisation_id or person.organisation_id
        duplicate = session.scalar(
            select(Attendance.id).where(
                Attendance.meeting_id == meeting.id,
                Attendance.person_id == person_id,
                Attendance.agenda_item_id.is_(None)
                if agenda_item_id is None
                else Attendance.agenda_item_id == agenda_item_id,
            )
        )
        if duplicate is not None:
            raise ValidationError(f"{person.name} staat al op de presentielijst.")
    if organisation_id is not None:
        get_or_404(session, Organisation, organisation_id)
    if agenda_item_id is not None:
        item = get_or_404(session, AgendaItem, agenda_item_id)
        if item.meeting_id != meeting.id:
            raise ValidationError("Het agendapunt hoort niet bij dit overleg.")
    position = session.scalar(select(func.max(Attendance.position)).where(Attendance.meeting_id == meeting.id))
    attendance = Attendance(
        meeting_id=meeting.id,
        agenda_item_id=agenda_item_id,
        person_id=person_id,
        organisation_id=organisation_id,
        name=name,
        role=role,
        status=status,
        position=(position if position is not None else -1) + 1,
    )
    session.add(attendance)
    session.flush()
    return Created(attendance.id, MEETING_CHANGES | Changes(ids=frozenset({meeting.id})))


def remove_attendee(session: Session, attendance_id: uuid.UUID) -> Removed:
    """Remove a line from the presentielijst; undo with ``restore_removed``."""
    attendance = get_or_404(session, Attendance, attendance_id)
    ensure_editable(attendance.meeting)
    row = snapshot(attendance)
    meeting_id = attendance.meeting_id
    session.delete(attendance)
    session.flush()
    return Removed(MEETING_CHANGES | Changes(ids=frozenset({meeting_id})), rows=(row,))


def _attendance_label(attendance: Attendance) -> str:
    who = attendance.person.name if attendance.person is not None else attendance.name or (
        attendance.organisation.name if attendance.organisation is not None else ""
    )
    return f"De aanwezigheid van {who}".strip()


@versioned(Attendance, _attendance_label, labels={"status": "Aanwezigheid"})
def set_attendance(
    session: Session,
    attendance_id: uuid.UUID,
    status: AttendanceStatus,
    *,
    substitute_id: uuid.UUID | None = None,
    substitute_name: str = "",
) -> Edit:
    """Mark present, afgemeld, absent or vervangen door (a substitute person or name); undo with ``before``."""
    attendance = get_or_404(session, Attendance, attendance_id)
    ensure_editable(attendance.meeting)
    status = AttendanceStatus(status)
    substitute_name = clean_text(substitute_name, label="De naam van de vervanger", max_length=200)
    if status is AttendanceStatus.SUBSTITUTED:
        if substitute_id is None and not substitute_name:
            raise ValidationError("Geef aan door wie de deelnemer wordt vervangen.")
        if substitute_id is not None:
            get_or_404(session, Person, substitute_id)
    else:
        substitute_id, substitute_name = None, ""
    before = {
        "status": attendance.status,
        "substitute_id": attendance.substitute_id,
        "substitute_name": attendance.substitute_name,
    }
    attendance.status = status
    attendance.substitute_id = substitute_id
    attendance.substitute_name = substitute_name
    session.flush()
    return Edit(attendance.id, MEETING_CHANGES | Changes(ids=frozenset({attendance.meeting_id})), before)


PRESENT_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTED)


def organisations_represented(session: Session, meeting_id: uuid.UUID) -> list[str]:
    """Names of the organisations that took part (present or by a substitute), for the chair's overview.

    A substitute counts for the organisation of the person they replace; guests for one item count too.
    """
    get_or_404(session, Meeting, meeting_id)
    names = {
        a.organisation.name
        for a in attendance_of(session, meeting_id)
        if a.status in PRESENT_STATUSES and a.organisation is not None
    }
    return sorted(names, key=str.casefold)


def working_group_invitees(session: Session, working_group_id: uuid.UUID, *, on: date) -> tuple[uuid.UUID, ...]:
    """Ids of the people who are members of a working group on ``on``, to invite them to a meeting."""
    from ..models import WorkingGroup, WorkingGroupMember

    get_or_404(session, WorkingGroup, working_group_id)
    query = (
        select(WorkingGroupMember.person_id)
        .where(
            WorkingGroupMember.working_group_id == working_group_id,
            WorkingGroupMember.person_id.is_not(None),
            (WorkingGroupMember.start.is_(None)) | (WorkingGroupMember.start <= on),
            (WorkingGroupMember.end.is_(None)) | (WorkingGroupMember.end >= on),
        )
        .order_by(WorkingGroupMember.created_at)
    )
    return tuple(dict.fromkeys(pid for pid in session.scalars(query) if pid is not None))


# ---------------------------------------------------------------------------------------------------------------
# Escalations to a bestuurlijk overleg (here, below agenda.py: creating a meeting of a series places them)

ESCALATION_PREFIX = "Ter besluitvorming"


def pending_escalations(session: Session, series_id: uuid.UUID) -> list[Decision]:
    """Decisions put to this series (ter besluitvorming) that are not yet on one of its agendas (ORM objects,
    for other services)."""
    source_series = select(MeetingSeries.id).where(MeetingSeries.escalates_to_id == series_id)
    query = (
        select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(
            Decision.escalation == EscalationState.PROPOSED,
            Decision.escalated_to_meeting_id.is_(None),
            Meeting.series_id.in_(source_series),
        )
        .order_by(Meeting.date, Decision.number)
    )
    return list(session.scalars(query))


def escalation_title(session: Session, decision: Decision) -> str:
    """The agenda title of an escalated decision.

    A vertrouwelijk decision (by the one rule: flagged, or taken under a confidential item) gets a neutral
    title that names only its number, unless the user explicitly chose to include its text when putting it to the
    bestuurlijk overleg (``Decision.escalation_text_included``, logged with who and when). Documents apply the same
    rule again when they are made, so a decision that becomes confidential after it was placed is neutral there too.
    """
    if confidential_scope(session).decision(decision.id) and decision.escalation_text_included is not True:
        return neutral_escalation_title(decision.number)
    subject = decision.text.strip().splitlines()[0][:300] if decision.text.strip() else decision.number
    return f"{ESCALATION_PREFIX}: {subject} (besluit {decision.number}, {decision.meeting.title})"


def place_escalations(session: Session, meeting_id: uuid.UUID) -> Changes:
    """Put the decisions pending for this meeting's series on its agenda, each as an item ter besluitvorming.

    Only an editable meeting that is not cancelled takes them; each decision goes to the first such meeting
    and records the agenda item it is discussed under.
    """
    meeting = get_or_404(session, Meeting, meeting_id)
    if meeting.series_id is None or meeting.state in (MeetingState.CANCELLED, MeetingState.MINUTES_APPROVED):
        return Changes()
    placed = False
    for decision in pending_escalations(session, meeting.series_id):
        if decision.meeting.date > meeting.date:
            continue  # a bestuurlijk overleg cannot decide what is not asked yet
        item = new_agenda_item(
            session,
            meeting,
            insert_position(session, meeting),
            title=escalation_title(session, decision),
            purpose=AgendaPurpose.BESLUITVORMING,
            confidential=decision.confidential,
            planned_minutes=15,
            inbrenger=decision.meeting.title,
        )
        decision.escalated_to_meeting_id = meeting.id
        decision.escalation_agenda_item_id = item.id
        placed = True
    session.flush()
    return MEETING_CHANGES | Changes(ids=frozenset({meeting.id})) if placed else Changes()
