"""Several programmes in one database: which one is current, and what belongs to it.

A database can hold the regional programme, a municipal plan and the next period's programme side by side.
One of them is *current* (stored in ``AppSetting`` ``programme.current``, so it travels with the file); the
overview, the actions list, the afstemmingsoverleg's follow-up, the programme table and the reports show the
current programme unless asked for another. Without a stored choice (or when the stored one was deleted)
the current programme is the running one with the newest period, as before several programmes existed.

What belongs to a programme: its sections, their ambitions and actions, and the action items linked to one
of its actions or made by a working group of one of its sections. Action items tied to no programme at all
(a question from the bestuur, an item of the overleg itself) belong to every programme: they are the
network's, whichever programme is shown.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    ActionItem,
    Ambition,
    AppSetting,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    Section,
    WorkingGroup,
)
from . import Changes, NotFoundError

CURRENT_KEY = "programme.current"


def _parse(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value.strip())
    except (ValueError, AttributeError):
        return None


def default_programme_id(session: Session) -> uuid.UUID | None:
    """The running programme with the newest period (else the newest of any status), or None."""
    rows = session.execute(
        select(Programme.id, Programme.status).order_by(
            Programme.period_start.desc().nulls_last(), Programme.created_at.desc()
        )
    ).all()
    for programme_id, status in rows:
        if status == ProgrammeStatus.ACTIVE:
            return programme_id
    return rows[0][0] if rows else None


def current_programme_id(session: Session) -> uuid.UUID | None:
    """The programme chosen as current, else ``default_programme_id``; None when there is no programme."""
    setting = session.get(AppSetting, CURRENT_KEY)
    chosen = _parse(setting.value) if setting is not None else None
    if chosen is not None and session.get(Programme, chosen) is not None:
        return chosen
    return default_programme_id(session)


def current_region(session: Session) -> str:
    """The region the database is about: the current programme's, else the newest programme's that names one, else
    the region saved with the settings ("" when none): what an import of another programme starts with."""
    current = current_programme_id(session)
    region = session.scalar(select(Programme.region).where(Programme.id == current)) if current else None
    if not (region or "").strip():
        region = session.scalar(
            select(Programme.region)
            .where(func.length(func.trim(Programme.region)) > 0)
            .order_by(Programme.created_at.desc())
            .limit(1)
        )
    if not (region or "").strip():
        setting = session.get(AppSetting, "region")
        region = setting.value if setting is not None else ""
    return " ".join((region or "").split())


def set_current_programme(session: Session, programme_id: uuid.UUID) -> Changes:
    """Make ``programme_id`` the current programme (every page shows it next)."""
    if session.get(Programme, programme_id) is None:
        raise NotFoundError("Het programma bestaat niet (meer).")
    setting = session.get(AppSetting, CURRENT_KEY)
    if setting is None:
        session.add(AppSetting(key=CURRENT_KEY, value=programme_id.hex))
    else:
        setting.value = programme_id.hex
    session.flush()
    return Changes(programme=True, actions=True, meetings=True)


def pin_current_programme(session: Session) -> None:
    """Store the current programme as the choice when none is stored, before another programme is added."""
    if session.get(AppSetting, CURRENT_KEY) is not None:
        return
    current = default_programme_id(session)
    if current is not None:
        session.add(AppSetting(key=CURRENT_KEY, value=current.hex))
        session.flush()


def filled_programmes(session: Session) -> int:
    """How many programmes have at least one ambition.

    A new region starts with an empty programme (its actielijnen only) until its real programme is imported;
    that empty start is not "another running programme" for the import (``programme_import.apply_draft``).
    """
    filled = select(Section.programme_id).join(Ambition, Ambition.section_id == Section.id).distinct()
    return session.scalar(select(func.count()).select_from(filled.subquery())) or 0


def resolve(session: Session, programme_id: uuid.UUID | None) -> uuid.UUID | None:
    """``programme_id`` when given, else the current programme (None: the database has no programme)."""
    return programme_id if programme_id is not None else current_programme_id(session)


def several_programmes(session: Session) -> bool:
    """Whether the database holds more than one programme (else no row needs scoping)."""
    return (session.scalar(select(func.count(Programme.id))) or 0) > 1


def filter_scope(session: Session, programme_id: uuid.UUID | None) -> uuid.UUID | None:
    """The programme to filter rows by: ``programme_id`` when the database has several, else None.

    With one programme every action and action item is its own or of none, so the conditions below would
    only cost time (measured on the ten-year database: the overview 0.5 s slower with them).
    """
    return programme_id if programme_id is not None and several_programmes(session) else None


def section_ids(programme_id: uuid.UUID) -> Select[uuid.UUID]:
    """A subquery: the ids of the sections of ``programme_id``."""
    return select(Section.id).where(Section.programme_id == programme_id)


def action_ids(programme_id: uuid.UUID) -> Select[uuid.UUID]:
    """A subquery: the ids of the programme actions of ``programme_id``."""
    return (
        select(ProgrammeAction.id)
        .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .where(Ambition.section_id.in_(section_ids(programme_id)))
    )


_SelectT = TypeVar("_SelectT", bound="Select[*tuple[Any, ...]]")


def in_programme_order(query: _SelectT) -> _SelectT:
    """``query`` over ``ProgrammeAction`` ordered as the programme reads: actielijn, ambition, action, and each
    sub-action right under its action.

    Ordering by code sorted a programme read from Word (whose actions have no code) by position alone, so the
    actions of every ambition were shuffled together, sub-actions apart from their action; and codes sort as
    text ("1.10" before "1.2").
    """
    parent = aliased(ProgrammeAction)
    return (
        query.join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .join(Section, Ambition.section_id == Section.id)
        .outerjoin(parent, ProgrammeAction.parent_id == parent.id)
        .order_by(
            Section.position,
            Ambition.position,
            func.coalesce(parent.position, ProgrammeAction.position),
            ProgrammeAction.parent_id.is_not(None),
            ProgrammeAction.position,
            ProgrammeAction.code,
        )
    )


def programme_action_condition(programme_id: uuid.UUID | None) -> ColumnElement[bool]:
    """A WHERE condition on ``ProgrammeAction``: it belongs to ``programme_id`` (always true for None)."""
    if programme_id is None:
        return ProgrammeAction.id.is_not(None)
    return ProgrammeAction.id.in_(action_ids(programme_id))


def action_item_condition(programme_id: uuid.UUID | None) -> ColumnElement[bool]:
    """A WHERE condition on ``ActionItem``: it belongs to ``programme_id`` or to no programme at all.

    An item linked to another programme's action, or made by a working group of another programme's
    section, is left out; its own programme shows it.
    """
    if programme_id is None:
        return ActionItem.id.is_not(None)
    other_actions = (
        select(ProgrammeAction.id)
        .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .join(Section, Ambition.section_id == Section.id)
        .where(Section.programme_id != programme_id)
    )
    other_groups = (
        select(WorkingGroup.id)
        .join(Section, WorkingGroup.section_id == Section.id)
        .where(Section.programme_id != programme_id)
    )
    mine = action_ids(programme_id)
    return and_(
        or_(ActionItem.programme_action_id.is_(None), not_(ActionItem.programme_action_id.in_(other_actions))),
        # An item linked to one of ours stays even when a working group of another programme made it.
        or_(
            ActionItem.working_group_id.is_(None),
            not_(ActionItem.working_group_id.in_(other_groups)),
            # Spelled out so the condition is never NULL: ``foreign_hex_ids`` negates it.
            and_(ActionItem.programme_action_id.is_not(None), ActionItem.programme_action_id.in_(mine)),
        ),
    )


def foreign_hex_ids(session: Session, programme_id: uuid.UUID | None) -> tuple[frozenset[str], frozenset[str]]:
    """Ids (hex, as stored) of the programme actions and action items that belong to *other* programmes.

    For the in-memory actions view (``services.actions.load_action_view``), which reads rows plainly.
    """
    if programme_id is None:
        return frozenset(), frozenset()
    actions = session.scalars(select(ProgrammeAction.id).where(~programme_action_condition(programme_id)))
    items = session.scalars(select(ActionItem.id).where(~action_item_condition(programme_id)))
    return frozenset(a.hex for a in actions), frozenset(i.hex for i in items)


def heading_title(session: Session, programme_id: uuid.UUID | None) -> str:
    """The programme's title and period for a page heading, only when there are several to tell apart."""
    if filter_scope(session, programme_id) is None:
        return ""
    row = session.execute(
        select(Programme.title, Programme.period_start, Programme.period_end).where(Programme.id == programme_id)
    ).first()
    if row is None:
        return ""
    title, start, end = row
    return titled_with_period(title, start, end)


def titled_with_period(title: str, start: int | None, end: int | None) -> str:
    """``title`` with its period ("... 2025-2027"), unless the title already says it.

    A title read from a Word document often ends in its period ("Regionaal actieprogramma ... 2019-2021"); the
    headings, choosers and dialogs then showed it twice.
    """
    period = f"{start}-{end}" if start and end else (str(start) if start else "")
    return f"{title} {period}" if period and period not in title else title
