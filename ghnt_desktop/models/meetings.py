"""Meetings and what comes out of them: agenda, attendance, decisions, action items and progress.

Foreign keys that minutes depend on are ``RESTRICT``: deleting a meeting, person or organisation that
minutes refer to fails in the database instead of silently dropping a word of the minutes.
"""

from __future__ import annotations

import datetime
import uuid
from datetime import date, time

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity
from .enums import (
    ActionKind,
    ActionStatus,
    AgendaPurpose,
    AttendanceRole,
    AttendanceStatus,
    EscalationState,
    MeetingKind,
    MeetingState,
)
from .network import Organisation, Person, WorkingGroup
from .programme import ProgrammeAction
from .types import Date, enum_type, required_date


class MeetingSeries(Entity):
    """A recurring overleg (for example the quarterly afstemmingsoverleg) with its defaults."""

    __tablename__ = "meeting_series"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str] = mapped_column(String(12))  # prefix of decision and action numbers: "AO"
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind))
    meetings_per_year: Mapped[int] = mapped_column(Integer, default=4)
    default_start: Mapped[time | None] = mapped_column(Time)
    default_end: Mapped[time | None] = mapped_column(Time)
    default_location: Mapped[str] = mapped_column(String(300), default="")
    default_online_link: Mapped[str] = mapped_column(String(500), default="")
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    working_group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    # The bestuurlijk overleg this overleg escalates to.
    escalates_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting_series.id", ondelete="SET NULL"))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Person | None] = relationship(foreign_keys=[secretary_id])
    working_group: Mapped[WorkingGroup | None] = relationship()
    invitees: Mapped[list[SeriesInvitee]] = relationship(back_populates="series", cascade="all, delete-orphan")
    meetings: Mapped[list[Meeting]] = relationship(back_populates="series", order_by="Meeting.date")


class SeriesInvitee(Entity):
    """A person or organisation invited to every meeting of a series."""

    __tablename__ = "series_invitee"

    series_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))

    series: Mapped[MeetingSeries] = relationship(back_populates="invitees")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


agenda_item_programme_action = Table(
    "agenda_item_programme_action",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column("programme_action_id", ForeignKey("programme_action.id", ondelete="RESTRICT"), primary_key=True),
)

class Meeting(Entity):
    """One overleg on one date."""

    __tablename__ = "meeting"

    series_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind))
    title: Mapped[str] = mapped_column(String(300))
    date: Mapped[date] = mapped_column(required_date(), index=True)
    number_in_year: Mapped[int] = mapped_column(Integer, default=1)  # "2" in AO-2020-2-03
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    location: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    state: Mapped[MeetingState] = mapped_column(enum_type(MeetingState), default=MeetingState.CONCEPT, index=True)
    working_group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    # Calendar invitation: the UID stays, the sequence grows with every update or cancellation.
    ics_uid: Mapped[str] = mapped_column(String(200), default=lambda: f"{uuid.uuid4()}@ghnt-desktop")
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The later overleg this meeting's verslag was vastgesteld in, when the user named it (``set_meeting_state``):
    # the record reads "Vastgesteld op <its date> in <its title>" (``meeting_record.approval_of``). Cleared when the
    # verslag is reopened.
    approved_in_meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))

    series: Mapped[MeetingSeries | None] = relationship(back_populates="meetings")
    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Person | None] = relationship(foreign_keys=[secretary_id])
    working_group: Mapped[WorkingGroup | None] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", foreign_keys="AgendaItem.meeting_id"
    )
    attendance: Mapped[list[Attendance]] = relationship(back_populates="meeting", foreign_keys="Attendance.meeting_id")


class AgendaItem(Entity):
    """An agenda point with its purpose, inbrenger, planned minutes, documents and minutes text."""

    __tablename__ = "agenda_item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(10), default="")  # shown number, kept right on reorder
    title: Mapped[str] = mapped_column(String(500))
    purpose: Mapped[AgendaPurpose] = mapped_column(enum_type(AgendaPurpose), default=AgendaPurpose.INFORMATIE)
    standard_item: Mapped[str | None] = mapped_column(String(40))  # "opening", "previous_minutes", ...
    inbrenger: Mapped[str] = mapped_column(String(300), default="")
    inbrenger_person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    documents: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"title": ..., "location": ...}]
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes_text: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items", foreign_keys=[meeting_id])
    programme_actions: Mapped[list[ProgrammeAction]] = relationship(secondary=agenda_item_programme_action)
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="agenda_item", foreign_keys="Decision.agenda_item_id", order_by="Decision.sequence"
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="origin_agenda_item", foreign_keys="ActionItem.origin_agenda_item_id"
    )
    stored_documents: Mapped[list[StoredDocument]] = relationship(
        back_populates="agenda_item", order_by="StoredDocument.position", cascade="all, delete-orphan"
    )


class StoredDocument(Entity):
    """A stuk of an agenda item kept inside the database (linked stukken stay in ``AgendaItem.documents``).

    ``content`` is deferred: lists and documents read titles and sizes without loading the bytes.
    """

    __tablename__ = "stored_document"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="stored_documents")


class Attendance(Entity):
    """Attendance of a person and/or organisation at a meeting, or at one agenda item for a guest."""

    __tablename__ = "attendance"
    __table_args__ = (
        CheckConstraint("person_id IS NOT NULL OR organisation_id IS NOT NULL OR name != ''", name="who"),
    )

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")  # a guest not kept as a person
    role: Mapped[AttendanceRole] = mapped_column(enum_type(AttendanceRole), default=AttendanceRole.MEMBER)
    status: Mapped[AttendanceStatus] = mapped_column(enum_type(AttendanceStatus), default=AttendanceStatus.INVITED)
    substitute_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    substitute_name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance", foreign_keys=[meeting_id])
    agenda_item: Mapped[AgendaItem | None] = relationship()
    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    organisation: Mapped[Organisation | None] = relationship()
    substitute: Mapped[Person | None] = relationship(foreign_keys=[substitute_id])


class Decision(Entity):
    """A besluit, numbered per series and year (AO-2020-2-03), possibly escalated to a bestuurlijk overleg."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("series_id", "year", "sequence", name="uq_decision_number"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="RESTRICT"), index=True
    )
    series_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting_series.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), index=True)
    text: Mapped[str] = mapped_column(Text)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation: Mapped[EscalationState] = mapped_column(enum_type(EscalationState), default=EscalationState.NONE)
    escalated_to_meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    # The agenda item of the bestuurlijk overleg where the escalated decision is discussed.
    escalation_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    outcome: Mapped[str] = mapped_column(Text, default="")
    outcome_date: Mapped[date | None] = mapped_column(Date)
    # The user's choice when a vertrouwelijk decision was put to the bestuurlijk overleg: its text on that agenda
    # (True) or the neutral title (False); None when it was not vertrouwelijk then (``minutes.mark_for_decision``).
    escalation_text_included: Mapped[bool | None] = mapped_column(Boolean)

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])
    agenda_item: Mapped[AgendaItem | None] = relationship(back_populates="decisions", foreign_keys=[agenda_item_id])
    escalated_to_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[escalated_to_meeting_id])
    escalation_agenda_item: Mapped[AgendaItem | None] = relationship(foreign_keys=[escalation_agenda_item_id])


class ActionItem(Entity):
    """An actiepunt or toezegging from a meeting, carried from meeting to meeting until closed."""

    __tablename__ = "action_item"

    number: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[ActionKind] = mapped_column(enum_type(ActionKind), default=ActionKind.ACTIEPUNT)
    text: Mapped[str] = mapped_column(Text)
    trekker_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    trekker_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    trekker_text: Mapped[str] = mapped_column(String(300), default="")  # as written, e.g. "Projectleider GHNT"
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_text: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.NOT_STARTED, index=True
    )
    origin_meeting_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    origin_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="RESTRICT"), index=True
    )
    programme_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("programme_action.id", ondelete="RESTRICT"), index=True
    )
    working_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("working_group.id", ondelete="SET NULL"), index=True
    )
    times_postponed: Mapped[int] = mapped_column(Integer, default=0)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_on: Mapped[date | None] = mapped_column(Date)

    trekker_person: Mapped[Person | None] = relationship(foreign_keys=[trekker_person_id])
    trekker_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[trekker_organisation_id])
    trekker_organisations: Mapped[list[Organisation]] = relationship(secondary="action_trekker_organisation")
    origin_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[origin_meeting_id])
    origin_agenda_item: Mapped[AgendaItem | None] = relationship(
        back_populates="action_items", foreign_keys=[origin_agenda_item_id]
    )
    programme_action: Mapped[ProgrammeAction | None] = relationship()
    working_group: Mapped[WorkingGroup | None] = relationship()
    updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="action_item", order_by="ProgressUpdate.date", foreign_keys="ProgressUpdate.action_item_id"
    )


class ProgressUpdate(Entity):
    """Progress of an action item or programme action at a date or meeting: a history, never overwritten."""

    __tablename__ = "progress_update"
    __table_args__ = (
        CheckConstraint("(action_item_id IS NULL) != (programme_action_id IS NULL)", name="one_subject"),
    )

    action_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("action_item.id", ondelete="RESTRICT"), index=True
    )
    programme_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("programme_action.id", ondelete="RESTRICT"), index=True
    )
    date: Mapped[date] = mapped_column(required_date(), index=True)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus))
    done_text: Mapped[str] = mapped_column(Text, default="")  # wat is gedaan
    todo_text: Mapped[str] = mapped_column(Text, default="")  # wat moet nog
    previous_deadline: Mapped[datetime.date | None] = mapped_column(Date)  # ``date`` is the field above
    new_deadline: Mapped[datetime.date | None] = mapped_column(Date)
    new_deadline_text: Mapped[str] = mapped_column(String(200), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # This row counts as one postponement: the deadline moved later than ``previous_deadline`` (the deadline
    # before the meeting), or the action was "doorgeschoven" without a new date. At most one per meeting.
    postponed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    action_item: Mapped[ActionItem | None] = relationship(back_populates="updates", foreign_keys=[action_item_id])
    programme_action: Mapped[ProgrammeAction | None] = relationship(foreign_keys=[programme_action_id])
    meeting: Mapped[Meeting | None] = relationship(foreign_keys=[meeting_id])


class ActionTrekker(Entity):
    """One of several trekker organisations of an action item, as a cell like "Gemeenten Veendam en Pekela" names
    them (``ActionItem.trekker_organisation_id`` keeps a single one). A record with its own id, so merging two
    organisations re-points it like any other reference and undo puts it back."""

    __tablename__ = "action_trekker_organisation"
    __table_args__ = (UniqueConstraint("action_item_id", "organisation_id", name="uq_action_trekker_organisation"),)

    action_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"), index=True)



class CarriedAction(Entity):
    """An action item of an earlier meeting put on this meeting's actielijst in the carry-forward review.

    The link holds no progress: a ``ProgressUpdate`` is written only once something is recorded about it.
    """

    __tablename__ = "carried_action"
    __table_args__ = (UniqueConstraint("meeting_id", "action_item_id", name="uq_carried_action"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    action_item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("action_item.id", ondelete="RESTRICT"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))


class LocalStatus(Entity):
    """Status of an action carried by "Alle gemeenten" for one municipality or partner."""

    __tablename__ = "local_status"
    __table_args__ = (
        UniqueConstraint("programme_action_id", "action_item_id", "organisation_id", name="uq_local_status"),
        CheckConstraint("(action_item_id IS NULL) != (programme_action_id IS NULL)", name="one_subject"),
    )

    programme_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("programme_action.id", ondelete="CASCADE"), index=True
    )
    action_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"), index=True)
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus), default=ActionStatus.NOT_STARTED)
    note: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation] = relationship()
