"""The overview, the first screen: how the programme stands, what is late, what comes next, what changed.

Counts per actielijn are computed in SQL (one GROUP BY per kind of action), so the overview stays quick on a
database with 100,000 action items. "Late" wins over the stored status: an open action whose deadline has
passed counts as late, whether it runs or has not started. Vervallen (cancelled) actions are not counted.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Case, ColumnElement, Select, case, func, literal, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from ..models import (
    ActionItem,
    ActionStatus,
    Ambition,
    ChangeRecord,
    Decision,
    Meeting,
    MeetingKind,
    MeetingState,
    Organisation,
    Person,
    ProgrammeAction,
    ProgressUpdate,
    Responsibility,
    ResponsibilityRole,
    Section,
    WorkingGroup,
)
from .action_view import ITEM, PROGRAMME
from .actions import CLOSED_STATUSES
from .confidentiality import confidential_scope
from .programme_scope import action_ids as programme_action_ids
from .programme_scope import (
    action_item_condition,
    filter_scope,
    heading_title,
    programme_action_condition,
    resolve,
    section_ids,
)

#: The categories of the chart, in the order they are stacked.
CATEGORIES = ("done", "running", "not_started", "on_hold", "late")


@dataclass(frozen=True)
class SectionProgress:
    """How the actions of one actielijn stand (``section_id`` None: actions without an actielijn)."""

    section_id: uuid.UUID | None
    title: str
    position: int | None
    done: int = 0
    running: int = 0
    not_started: int = 0
    on_hold: int = 0
    late: int = 0

    @property
    def total(self) -> int:
        return self.done + self.running + self.not_started + self.on_hold + self.late

    def values(self) -> tuple[int, ...]:
        return tuple(getattr(self, c) for c in CATEGORIES)


def _category(
    status_column: InstrumentedAttribute[ActionStatus], deadline_column: InstrumentedAttribute[date | None], today: date
) -> Case[str]:
    """SQL CASE giving each action its chart category."""
    return case(
        (status_column == ActionStatus.DONE, literal("done")),
        (status_column == ActionStatus.CANCELLED, literal("cancelled")),
        (deadline_column < today, literal("late")),
        (status_column == ActionStatus.IN_PROGRESS, literal("running")),
        (status_column == ActionStatus.ON_HOLD, literal("on_hold")),
        else_=literal("not_started"),
    )


def _sections(session: Session, programme_id: uuid.UUID | None) -> dict[uuid.UUID, tuple[str, int]]:
    query = select(Section.id, Section.title, Section.position)
    if programme_id is not None:
        query = query.where(Section.programme_id == programme_id)
    return {i: (t, p) for i, t, p in session.execute(query)}


def _progress(
    session: Session,
    counts: Iterable[tuple[uuid.UUID | None, str, int]],
    sections: dict[uuid.UUID, tuple[str, int]],
) -> list[SectionProgress]:
    by_section: dict[uuid.UUID | None, dict[str, int]] = {}
    for section_id, category, n in counts:
        if category == "cancelled":
            continue
        by_section.setdefault(section_id, {})[category] = n
    result = []
    for section_id, values in by_section.items():
        title, position = sections.get(section_id, ("", None)) if section_id is not None else ("", None)
        result.append(SectionProgress(section_id, title, position, **values))
    # Actielijnen in programme order; actions without one last.
    result.sort(key=lambda p: (p.section_id is None, p.position if p.position is not None else 0, p.title))
    return result


def programme_progress(session: Session, today: date, programme_id: uuid.UUID | None = None) -> list[SectionProgress]:
    """Programme actions per section of ``programme_id`` (default: the current programme): done, running,
    not started, on hold and late."""
    programme_id = resolve(session, programme_id)
    category = _category(ProgrammeAction.status, ProgrammeAction.deadline_end, today).label("category")
    query = select(Ambition.section_id, category, func.count()).join(
        Ambition, ProgrammeAction.ambition_id == Ambition.id
    )
    if programme_id is not None:
        query = query.where(Ambition.section_id.in_(section_ids(programme_id)))
    counts = session.execute(query.group_by(Ambition.section_id, category)).all()
    return _progress(session, counts, _sections(session, programme_id))


def action_item_progress(
    session: Session, today: date, programme_id: uuid.UUID | None = None
) -> list[SectionProgress]:
    """Action items per actielijn (through their programme action, else their working group's section).

    Only the items of ``programme_id`` (default: the current programme) and those of no programme
    (``services.programme_scope``); the latter count under "no actielijn".
    """
    programme_id = resolve(session, programme_id)
    scope = filter_scope(session, programme_id)
    group_section = aliased(Section)
    section_id = func.coalesce(Ambition.section_id, WorkingGroup.section_id).label("section_id")
    category = _category(ActionItem.status, ActionItem.deadline, today).label("category")
    counts = session.execute(
        select(section_id, category, func.count())
        .select_from(ActionItem)
        .outerjoin(ProgrammeAction, ActionItem.programme_action_id == ProgrammeAction.id)
        .outerjoin(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .outerjoin(WorkingGroup, ActionItem.working_group_id == WorkingGroup.id)
        .outerjoin(group_section, WorkingGroup.section_id == group_section.id)
        .where(action_item_condition(scope))
        .group_by(section_id, category)
    ).all()
    return _progress(session, counts, _sections(session, programme_id))


@dataclass(frozen=True)
class LateAction:
    """An open action whose deadline has passed."""

    kind: str  # ITEM or PROGRAMME (services.actions)
    id: uuid.UUID
    number: str
    text: str
    trekker: str
    deadline: date
    status: ActionStatus
    times_postponed: int

    def days_late(self, today: date) -> int:
        return (today - self.deadline).days


def late_actions(
    session: Session, today: date, *, limit: int = 50, programme_id: uuid.UUID | None = None
) -> tuple[list[LateAction], int]:
    """The open actions furthest past their deadline (at most ``limit``) and how many are late in all.

    Only those of ``programme_id`` (default: the current programme) and action items of no programme.
    """
    programme_id = filter_scope(session, resolve(session, programme_id))
    person = aliased(Person)
    person_org = aliased(Organisation)
    trekker_org = aliased(Organisation)
    item_trekker = func.coalesce(
        person.name + func.coalesce(" (" + func.coalesce(trekker_org.name, person_org.name) + ")", ""),
        trekker_org.name,
        ActionItem.trekker_text,
    )
    items = (
        select(
            literal(ITEM).label("kind"),
            ActionItem.id.label("id"),
            ActionItem.number.label("number"),
            ActionItem.text.label("text"),
            item_trekker.label("trekker"),
            ActionItem.deadline.label("deadline"),
            ActionItem.status.label("status"),
            ActionItem.times_postponed.label("postponed"),
        )
        .outerjoin(person, ActionItem.trekker_person_id == person.id)
        .outerjoin(person_org, person.organisation_id == person_org.id)
        .outerjoin(trekker_org, ActionItem.trekker_organisation_id == trekker_org.id)
        .where(
            ActionItem.deadline < today,
            ActionItem.status.not_in(CLOSED_STATUSES),
            action_item_condition(programme_id),
        )
    )
    programme = select(
        literal(PROGRAMME).label("kind"),
        ProgrammeAction.id.label("id"),
        ProgrammeAction.code.label("number"),
        ProgrammeAction.text.label("text"),
        literal("").label("trekker"),
        ProgrammeAction.deadline_end.label("deadline"),
        ProgrammeAction.status.label("status"),
        literal(0).label("postponed"),
    ).where(
        ProgrammeAction.deadline_end < today,
        ProgrammeAction.status.not_in(CLOSED_STATUSES),
        programme_action_condition(programme_id),
    )
    both = union_all(items, programme).subquery()
    total = session.scalar(select(func.count()).select_from(both)) or 0
    rows = session.execute(select(both).order_by(both.c.deadline, both.c.number).limit(limit)).all()
    trekkers = _programme_trekkers(session, [uuid.UUID(str(r.id)) for r in rows if r.kind == PROGRAMME])
    result = []
    for r in rows:
        action_id = r.id if isinstance(r.id, uuid.UUID) else uuid.UUID(str(r.id))
        deadline = r.deadline if isinstance(r.deadline, date) else _iso_date(r.deadline)
        if deadline is None:  # an unreadable stored deadline: 'ghnt-desktop check' names the record
            continue
        trekker = trekkers.get(action_id, "") if r.kind == PROGRAMME else (r.trekker or "")
        result.append(
            LateAction(
                r.kind, action_id, r.number, r.text, trekker.strip(), deadline, ActionStatus(r.status), r.postponed
            )
        )
    return result, total


def _programme_trekkers(session: Session, action_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The trekkers in force of a few programme actions, joined for display."""
    if not action_ids:
        return {}
    actions = session.execute(
        select(ProgrammeAction.id, ProgrammeAction.ambition_id, ProgrammeAction.overrides_responsibility).where(
            ProgrammeAction.id.in_(action_ids)
        )
    ).all()
    owners = {a_id: (a_id if overrides else ambition_id) for a_id, ambition_id, overrides in actions}
    labels: dict[uuid.UUID, list[str]] = {}
    for ambition_id, action_id, label, org_name, person_name in session.execute(
        select(
            Responsibility.ambition_id,
            Responsibility.programme_action_id,
            Responsibility.label,
            Organisation.name,
            Person.name,
        )
        .outerjoin(Organisation, Responsibility.organisation_id == Organisation.id)
        .outerjoin(Person, Responsibility.person_id == Person.id)
        .where(
            Responsibility.role == ResponsibilityRole.TREKKER,
            Responsibility.ambition_id.in_(set(owners.values())) | Responsibility.programme_action_id.in_(action_ids),
        )
        .order_by(Responsibility.position)
    ):
        text = (label or "").strip() or org_name or person_name or ""
        owner = ambition_id or action_id  # a responsibility belongs to one of them
        if text and owner is not None:
            labels.setdefault(owner, []).append(text)
    return {a_id: ", ".join(labels.get(owner, [])) for a_id, owner in owners.items()}


@dataclass(frozen=True)
class UpcomingMeeting:
    """A planned meeting from today on."""

    id: uuid.UUID
    date: date
    start_time: time | None
    title: str
    kind: MeetingKind
    state: MeetingState
    location: str


def next_meetings(session: Session, today: date, *, limit: int = 6) -> list[UpcomingMeeting]:
    """The next meetings from ``today`` (not cancelled), soonest first."""
    rows = session.execute(
        select(
            Meeting.id, Meeting.date, Meeting.start_time, Meeting.title, Meeting.kind, Meeting.state, Meeting.location
        )
        .where(Meeting.date >= today, Meeting.state != MeetingState.CANCELLED)
        .order_by(Meeting.date, Meeting.start_time, Meeting.title)
        .limit(limit)
    ).all()
    return [UpcomingMeeting(*row) for row in rows]


@dataclass(frozen=True)
class ChangeLine:
    """One thing that changed: a short Dutch line for the overview."""

    kind: str  # "new_action", "closed_action", "decision", "progress", "change"
    when: date
    number: str
    text: str


@dataclass(frozen=True)
class ChangesSince:
    """What changed since (and at) the last held afstemmingsoverleg; ``since`` None: none was held yet."""

    since: date | None
    meeting_id: uuid.UUID | None
    meeting_title: str
    new_actions: int = 0
    closed_actions: int = 0
    decisions: int = 0
    progress_updates: int = 0
    changes: int = 0
    lines: tuple[ChangeLine, ...] = ()


def last_held_afstemmingsoverleg(session: Session, today: date) -> tuple[uuid.UUID, date, str] | None:
    """(id, date, title) of the most recent afstemmingsoverleg held on or before ``today``."""
    row = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title)
        .where(
            Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG,
            Meeting.state.in_((MeetingState.HELD, MeetingState.MINUTES_APPROVED)),
            Meeting.date <= today,
        )
        .order_by(Meeting.date.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row else None


def changes_since_last_overleg(
    session: Session, today: date, *, limit: int = 12, programme_id: uuid.UUID | None = None
) -> ChangesSince:
    """New and closed action items, new decisions, progress updates and recorded changes since the last AO.

    The afstemmingsoverleg's own outcomes count (its decisions and actions are new to whoever was absent).
    Action items and progress of another programme than ``programme_id`` (default: the current one) are
    left out; decisions and recorded changes are the network's.
    """
    last = last_held_afstemmingsoverleg(session, today)
    if last is None:
        return ChangesSince(None, None, "")
    programme_id = filter_scope(session, resolve(session, programme_id))
    meeting_id, since, title = last
    since_moment = datetime.combine(since, time.min, tzinfo=UTC)
    # The overview is often shown on a screen in the overleg: vertrouwelijk texts (by the one rule) stay off it.
    scope = confidential_scope(session)
    public_actions: list[ColumnElement[bool]] = (
        [ActionItem.id.not_in(list(scope.action_items))] if scope.action_items else []
    )
    public_actions.append(action_item_condition(programme_id))
    new_items = (
        select(ActionItem.number, ActionItem.text, Meeting.date)
        .join(Meeting, ActionItem.origin_meeting_id == Meeting.id)
        .where(Meeting.date >= since, *public_actions)
    )
    closed = select(ActionItem.number, ActionItem.text, ActionItem.closed_on).where(
        ActionItem.closed_on >= since, *public_actions
    )
    public_decisions = [Decision.id.not_in(list(scope.decisions))] if scope.decisions else []
    decisions = (
        select(Decision.number, Decision.text, Meeting.date)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .where(Meeting.date >= since, *public_decisions)
    )
    updates = select(ProgressUpdate.id).where(ProgressUpdate.date >= since)
    if programme_id is not None:
        updates = updates.where(
            ProgressUpdate.programme_action_id.is_(None)
            | ProgressUpdate.programme_action_id.in_(programme_action_ids(programme_id)),
            ProgressUpdate.action_item_id.is_(None)
            # The few items of other programmes, not the many of this one: a short list to look in.
            | ProgressUpdate.action_item_id.not_in(select(ActionItem.id).where(~action_item_condition(programme_id))),
        )
    records = select(ChangeRecord.id).where(ChangeRecord.changed_at >= since_moment)
    if programme_id is not None:
        # Changes to another programme's actions and action items are that programme's news.
        records = records.where(
            ~((ChangeRecord.entity == "action_item") & ChangeRecord.entity_id.in_(
                select(ActionItem.id).where(~action_item_condition(programme_id))
            )),
            ~((ChangeRecord.entity == "programme_action") & ChangeRecord.entity_id.in_(
                select(ProgrammeAction.id).where(~programme_action_condition(programme_id))
            )),
        )  # fmt: skip

    def count(query: Select[*tuple[Any, ...]]) -> int:
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0

    lines: list[ChangeLine] = []
    for number, text, when in session.execute(decisions.order_by(Meeting.date.desc(), Decision.number).limit(limit)):
        lines.append(ChangeLine("decision", when, number, text))
    for number, text, closed_on in session.execute(closed.order_by(ActionItem.closed_on.desc()).limit(limit)):
        if closed_on is not None:  # always: the query compares it
            lines.append(ChangeLine("closed_action", closed_on, number, text))
    for number, text, when in session.execute(new_items.order_by(Meeting.date.desc(), ActionItem.number).limit(limit)):
        lines.append(ChangeLine("new_action", when, number, text))
    return ChangesSince(
        since=since,
        meeting_id=meeting_id,
        meeting_title=title,
        new_actions=count(new_items),
        closed_actions=count(closed),
        decisions=count(decisions),
        progress_updates=count(updates),
        changes=count(records),
        lines=tuple(lines),
    )


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows."""

    today: date
    programme: tuple[SectionProgress, ...]
    action_items: tuple[SectionProgress, ...]
    late: tuple[LateAction, ...]
    late_total: int
    upcoming: tuple[UpcomingMeeting, ...]
    changes: ChangesSince
    programme_title: str = ""  # the programme shown (the current one), when the database has several


def load_overview(session: Session, today: date, programme_id: uuid.UUID | None = None) -> Overview:
    """The overview on ``today`` of ``programme_id`` (default: the current programme)."""
    programme_id = resolve(session, programme_id)
    late, late_total = late_actions(session, today, programme_id=programme_id)
    return Overview(
        today=today,
        programme=tuple(programme_progress(session, today, programme_id)),
        action_items=tuple(action_item_progress(session, today, programme_id)),
        late=tuple(late),
        late_total=late_total,
        upcoming=tuple(next_meetings(session, today)),
        changes=changes_since_last_overleg(session, today, programme_id=programme_id),
        programme_title=heading_title(session, programme_id),
    )



def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None
