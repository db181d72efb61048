"""SQLAlchemy ORM models of ghnt_desktop (no Qt here)."""

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
    OrganisationKind,
    ProgrammeStatus,
    ResponsibilityRole,
    SectionKind,
)
from .history import AppSetting, ChangeRecord, ProgressReport
from .meetings import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    LocalStatus,
    Meeting,
    MeetingSeries,
    ProgressUpdate,
    SeriesInvitee,
    agenda_item_programme_action,
)
from .network import Organisation, Person, WorkingGroup, WorkingGroupMember
from .programme import Ambition, Programme, ProgrammeAction, Responsibility, Section

__all__ = [
    "ActionItem", "ActionKind", "ActionStatus", "AgendaItem", "AgendaPurpose", "Ambition", "AppSetting",
    "Attendance", "AttendanceRole", "AttendanceStatus", "Base", "ChangeRecord", "Decision", "Entity",
    "EscalationState", "LocalStatus", "Meeting", "MeetingKind", "MeetingSeries", "MeetingState", "Organisation",
    "OrganisationKind", "Person", "Programme", "ProgrammeAction", "ProgrammeStatus", "ProgressReport",
    "ProgressUpdate", "Responsibility", "ResponsibilityRole", "Section", "SectionKind", "SeriesInvitee",
    "WorkingGroup", "WorkingGroupMember", "agenda_item_programme_action",
]
