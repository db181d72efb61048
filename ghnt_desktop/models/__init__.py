"""SQLAlchemy ORM models of ghnt_desktop (no Qt here).

The enums are plain Python and load at once; the ORM classes load (all together, so every mapper
and every table of ``Base.metadata`` is there) the first time one of them is asked for. The main
window imports enum labels while it is built, and start-up must not wait for SQLAlchemy (measured:
the window shown 0.3 s after start instead of 1.5 s).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .enums import (
    ActionKind,
    ActionStatus,
    AgendaPurpose,
    AttendanceRole,
    AttendanceStatus,
    EscalationState,
    IndicatorDirection,
    IndicatorLevel,
    IndicatorUnit,
    MeetingKind,
    MeetingState,
    OrganisationKind,
    PeriodKind,
    ProgrammeStatus,
    ResponsibilityRole,
    SectionKind,
)

_ORM_NAMES = {
    "base": ("Base", "Entity"),
    "history": ("AppSetting", "ChangeContext", "ChangeLog", "ChangeRecord", "ProgressReport", "TeamLogin"),
    "indicators": ("Indicator", "IndicatorTarget", "Measurement", "indicator_ambition", "indicator_section"),
    "meetings": (
        "ActionItem",
        "ActionTrekker",
        "AgendaItem",
        "Attendance",
        "CarriedAction",
        "Decision",
        "LocalStatus",
        "Meeting",
        "MeetingSeries",
        "ProgressUpdate",
        "SeriesInvitee",
        "StoredDocument",
        "agenda_item_programme_action",
    ),
    "network": ("Organisation", "Person", "WorkingGroup", "WorkingGroupMember"),
    "offline": ("OfflineBase", "OfflineConflictRecord", "OfflineCopy", "OfflineReturn"),
    "programme": (
        "Ambition",
        "Programme",
        "ProgrammeAction",
        "Responsibility",
        "Section",
        "Tag",
        "TagKind",
        "programme_action_tag",
    ),
}
_MODULE_OF = {name: module for module, names in _ORM_NAMES.items() for name in names}

if TYPE_CHECKING:
    from .base import Base, Entity
    from .history import AppSetting, ChangeContext, ChangeLog, ChangeRecord, ProgressReport, TeamLogin
    from .indicators import Indicator, IndicatorTarget, Measurement, indicator_ambition, indicator_section
    from .meetings import (
        ActionItem,
        ActionTrekker,
        AgendaItem,
        Attendance,
        CarriedAction,
        Decision,
        LocalStatus,
        Meeting,
        MeetingSeries,
        ProgressUpdate,
        SeriesInvitee,
        StoredDocument,
        agenda_item_programme_action,
    )
    from .network import Organisation, Person, WorkingGroup, WorkingGroupMember
    from .offline import OfflineBase, OfflineConflictRecord, OfflineCopy, OfflineReturn
    from .programme import (
        Ambition,
        Programme,
        ProgrammeAction,
        Responsibility,
        Section,
        Tag,
        TagKind,
        programme_action_tag,
    )


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for module_name, names in _ORM_NAMES.items():
        module = importlib.import_module(f".{module_name}", __name__)
        for orm_name in names:
            globals()[orm_name] = getattr(module, orm_name)
    return globals()[name]


__all__ = [
    "ActionItem", "ActionKind", "ActionStatus", "ActionTrekker", "AgendaItem", "AgendaPurpose", "Ambition",
    "AppSetting",
    "Attendance", "AttendanceRole", "AttendanceStatus", "Base", "CarriedAction", "ChangeContext", "ChangeLog", "ChangeRecord", "Decision", "Entity",
    "EscalationState", "Indicator", "IndicatorDirection", "IndicatorLevel", "IndicatorTarget", "IndicatorUnit",
    "LocalStatus", "Measurement", "OfflineBase", "OfflineConflictRecord", "OfflineCopy", "OfflineReturn", "PeriodKind", "indicator_ambition", "indicator_section",
    "Meeting", "MeetingKind", "MeetingSeries", "MeetingState", "Organisation",
    "OrganisationKind", "Person", "Programme", "ProgrammeAction", "ProgrammeStatus", "ProgressReport",
    "ProgressUpdate", "Responsibility", "ResponsibilityRole", "Section", "SectionKind", "SeriesInvitee",
    "StoredDocument", "TeamLogin", "WorkingGroup", "WorkingGroupMember", "agenda_item_programme_action", "Tag", "TagKind",
    "programme_action_tag",
]  # fmt: skip
