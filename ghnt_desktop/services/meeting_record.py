"""The record of a meeting: when and where its verslag was vastgesteld, and its actions as they stood then.

A verslag is the record of its meeting (a concept as much as a vastgesteld one): exported now or years later it
shows each action's status, deadline and postponement count as they were at that meeting, read from the progress
history (``ProgressUpdate`` rows are never overwritten by a later meeting) by the one rule of ``services.status_at``,
not as they are today. Attendance is kept per meeting already (with the organisation the person represented then).

Vaststellen is a state change in the change log (before the log existed, in the older ``change_record``); the
later meeting it happened in, when given, is kept on the meeting (``approved_in_meeting_id``, logged with it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import Field, dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Protocol, TypeVar

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from ..dutch_dates import long_date
from ..models import ActionItem, ActionStatus, ChangeLog, ChangeRecord, Meeting, MeetingState, ProgressUpdate
from .change_log import normal_values, record_log
from .meetings import get_or_404
from .status_at import status_at


@dataclass(frozen=True)
class Approval:
    """When and in which overleg a verslag was vastgesteld."""

    approved_on: date
    meeting_id: uuid.UUID | None  # the overleg it was vastgesteld in, if recorded
    meeting_title: str

    @property
    def text(self) -> str:
        """``Vastgesteld op 11 juni 2020 in Afstemmingsoverleg GHNT`` (without "in ..." when not recorded)."""
        text = f"Vastgesteld op {long_date(self.approved_on, weekday=False)}"
        return f"{text} in {self.meeting_title}" if self.meeting_title else text


def approval_of(session: Session, meeting_id: uuid.UUID) -> Approval | None:
    """How the verslag of a meeting was vastgesteld (the latest time), or None when it is not vastgesteld now.

    In the later overleg named then (``Meeting.approved_in_meeting_id``: its date and title), or else on the day
    of the latest vaststellen: the state change in the change log or, from before the log, in the older history.
    """
    meeting = get_or_404(session, Meeting, meeting_id)
    if meeting.state is not MeetingState.MINUTES_APPROVED:
        return None
    later = session.get(Meeting, meeting.approved_in_meeting_id) if meeting.approved_in_meeting_id else None
    if later is not None:
        return Approval(later.date, later.id, later.title)
    logged = record_log(session, "meeting", meeting.id)
    since = _utc(logged[0].changed_at) if logged else None
    # (when, old, new) of every state change: the older history's before the log existed, then the log's.
    changes = [
        (_utc(r.changed_at), r.old_value, r.new_value)
        for r in session.scalars(
            select(ChangeRecord)
            .where(ChangeRecord.entity == "meeting", ChangeRecord.entity_id == meeting.id)
            .where(ChangeRecord.field == "state")
            .order_by(ChangeRecord.changed_at, ChangeRecord.created_at)
        )
        if since is None or _utc(r.changed_at) < since
    ]
    changes += [
        (_utc(c.changed_at), c.old_values.get("state"), c.new_values.get("state"))
        for c in logged
        if "state" in c.new_values
    ]
    changes.sort(key=lambda change: change[0])
    approved = None
    for when, old, new in changes:
        if new == MeetingState.MINUTES_APPROVED.value:
            approved = when
        elif old == MeetingState.MINUTES_APPROVED.value:
            approved = None  # reopened
    return Approval(approved.date(), None, "") if approved is not None else None


def _utc(moment: datetime) -> datetime:
    """A time in UTC without zone: SQLite gives naive UTC times, PostgreSQL aware ones."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment


@dataclass(frozen=True)
class ActionAsOf:
    """An action item's status, deadline and postponements as they stood at a meeting."""

    status: ActionStatus
    deadline: date | None
    deadline_text: str
    times_postponed: int
    closed_on: date | None


def actions_as_of(session: Session, meeting_id: uuid.UUID, action_ids: list[uuid.UUID]) -> dict[uuid.UUID, ActionAsOf]:
    """Each action as it stood at the meeting: what was recorded before the meeting's date or at the meeting
    counts, nothing later (a row of another overleg on the same day is not part of this record)."""
    meeting = get_or_404(session, Meeting, meeting_id)
    return _as_of(
        session, action_ids, meeting.date, lambda u: u.meeting_id == meeting.id or u.date < meeting.date,
        made_then=lambda a: a.origin_meeting_id == meeting.id,
    )  # fmt: skip


def actions_on(session: Session, on: date, action_ids: list[uuid.UUID]) -> dict[uuid.UUID, ActionAsOf]:
    """Each action as it stood at the end of day ``on`` (an actielijst "stand per" a day that has passed)."""
    return _as_of(session, action_ids, on, lambda u: u.date <= on)


def _as_of(
    session: Session,
    action_ids: list[uuid.UUID],
    on: date,
    counts: Callable[[ProgressUpdate], bool],
    *,
    made_then: Callable[[ActionItem], bool] = lambda action: False,
) -> dict[uuid.UUID, ActionAsOf]:
    """Status, deadline and postponements of each action from the progress rows that ``counts`` (those up to
    then), by the one rule for a status at a moment (``services.status_at``).

    The deadline comes from the last row that counts; without one it is the one the first later row started
    from. Postponements are the counted rows that postponed it. ``made_then``: the action was made at that
    moment (decided in that meeting), so without a report up to then it had not started.
    """
    result: dict[uuid.UUID, ActionAsOf] = {}
    for start in range(0, len(action_ids), 500):  # in chunks: SQLite limits the number of bound parameters
        chunk = action_ids[start : start + 500]
        actions = {a.id: a for a in session.scalars(select(ActionItem).where(ActionItem.id.in_(chunk)))}
        history: dict[uuid.UUID, list[ProgressUpdate]] = {a: [] for a in actions}
        for update in session.scalars(
            select(ProgressUpdate)
            .where(ProgressUpdate.action_item_id.in_(chunk))
            .order_by(ProgressUpdate.date, ProgressUpdate.created_at)
        ):
            if update.action_item_id is not None:  # always: the query asks for these
                history[update.action_item_id].append(update)
        for action_id, action in actions.items():
            rows = history[action_id]
            then = [u for u in rows if counts(u)]
            later = [u for u in rows if not counts(u)]
            postponed = sum(1 for u in then if u.postponed)
            # Reported only later: the action as it was just before that first report, as the change log kept it.
            before = _logged_before(session, action_id, later[0].id) if later and not then else None
            known_before = None
            if before is not None:
                logged = before.get("status", action.status)  # not in the answer: unchanged since
                known_before = ActionStatus(str(logged)) if logged is not None else None
            if known_before is None and later and not then and made_then(action):
                # Decided at that very meeting and reported on only later: it had not started yet.
                known_before = ActionStatus.NOT_STARTED
            status = status_at(
                then[-1].status if then else None, later[0].status if later else None, action.status,
                known_before=known_before,
            )  # fmt: skip
            if then:
                deadline, text = then[-1].new_deadline, then[-1].new_deadline_text
            elif later:
                deadline, text = later[0].previous_deadline, ""
                if before is not None:
                    text = str(before.get("deadline_text", action.deadline_text) or "")
                elif deadline == action.deadline:
                    text = action.deadline_text
            else:
                deadline, text = action.deadline, action.deadline_text
            closed_on = None
            if status.is_closed:
                closed_on = action.closed_on if action.closed_on and action.closed_on <= on else on
            result[action_id] = ActionAsOf(status, deadline, text, postponed, closed_on)
    return result


_LOGGED_FIELDS = ("status", "deadline_text")


def _logged_before(session: Session, action_id: uuid.UUID, update_id: uuid.UUID) -> dict[str, object] | None:
    """Fields of an action item as they were just before the progress row ``update_id`` was written, from the
    change log: per field the old value of its first change from that write on; a field not in the answer has
    not changed since (its current value); made in that write: the values it was made with, and a status of None
    (unknown). None when the log does not have that write (a row from before it)."""
    written = session.execute(
        select(ChangeLog.id, ChangeLog.batch).where(
            ChangeLog.table_name == "progress_update", ChangeLog.record_id == str(update_id), ChangeLog.operation == "I"
        )
    ).first()
    if written is None:
        return None
    start = written.id
    if written.batch is not None:  # the action's own change may be logged just before the row, in the same write
        start = session.scalar(select(func.min(ChangeLog.id)).where(ChangeLog.batch == written.batch)) or start
    inserted = session.execute(
        select(ChangeLog.id, ChangeLog.new_values).where(
            ChangeLog.table_name == "action_item", ChangeLog.record_id == str(action_id), ChangeLog.operation == "I"
        )
    ).first()
    made_in_that_write = inserted is not None and inserted.id >= start
    changes = select(ChangeLog).where(
        ChangeLog.table_name == "action_item",
        ChangeLog.record_id == str(action_id),
        ChangeLog.operation == "U",
        ChangeLog.id >= start,
    )
    if made_in_that_write:
        # The row did not exist before that write: only a change within the write itself says what it was made
        # with; a later change's old value is what the report left.
        same_write = ChangeLog.batch == written.batch if written.batch is not None else false()
        changes = changes.where(same_write)
    found: dict[str, object] = {}
    for change in session.scalars(changes.order_by(ChangeLog.id)):
        old = normal_values("action_item", change.old_values)
        for name in _LOGGED_FIELDS:
            if name in old and name not in found:
                found[name] = old[name]
    if made_in_that_write and inserted is not None:
        # Made in that same write (the demo, an import): what it was made with, except the status, which was made
        # as the report left it: the row had no status before the report, so the log cannot tell it.
        made = normal_values("action_item", inserted.new_values)
        for name in _LOGGED_FIELDS:
            found.setdefault(name, made.get(name) if name != "status" else None)
    return found


class _ActionRowLike(Protocol):
    """A frozen dataclass row of an action with the ``ActionAsOf`` fields and an ``id``."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def id(self) -> uuid.UUID: ...


Row = TypeVar("Row", bound=_ActionRowLike)


def rows_as_of(session: Session, meeting_id: uuid.UUID, rows: list[Row]) -> list[Row]:
    """Action rows (any frozen dataclass with the ``ActionAsOf`` fields and an ``id``) as they stood at the meeting."""
    return _replaced(rows, actions_as_of(session, meeting_id, [r.id for r in rows]))


def rows_on(session: Session, on: date, rows: list[Row]) -> list[Row]:
    """Action rows as they stood at the end of day ``on``."""
    return _replaced(rows, actions_on(session, on, [r.id for r in rows]))


def _replaced(rows: list[Row], states: dict[uuid.UUID, ActionAsOf]) -> list[Row]:
    out = []
    for row in rows:
        state = states.get(row.id)
        if state is None:
            out.append(row)
            continue
        out.append(
            replace(
                row,
                status=state.status,
                deadline=state.deadline,
                deadline_text=state.deadline_text,
                times_postponed=state.times_postponed,
                closed_on=state.closed_on,
            )
        )
    return out
