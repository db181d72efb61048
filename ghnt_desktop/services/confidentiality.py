"""Effective confidentiality: the one rule every document, list, export, calendar file and search asks.

A record is vertrouwelijk when it is flagged itself **or** anything it belongs to is:

- an agenda item -> its minutes, decisions, action items and toezeggingen, progress notes recorded under it,
  its documents and its guests;
- a decision -> the agenda item of the bestuurlijk overleg it was escalated to (and so everything under that
  item, recursively) and its outcome;
- an action item -> its progress notes;
- an indicator -> its baseline, targets and measurements (an indicator belongs to nothing: only its own flag counts).

The rule is evaluated when something is read, never stored on the children, so it holds whatever the order of
events: flagging an item after its decisions were recorded covers them at once, and unflagging the item
uncovers only what is not flagged itself. :func:`confidential_scope` reads the flagged roots and walks down to a
fixed point in a few indexed queries; an output then asks :class:`ConfidentialScope` per record.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, event, or_, select
from sqlalchemy.orm import InstrumentedAttribute, ORMExecuteState, Session

from ..engines import engine_of
from ..models import ActionItem, AgendaItem, Attendance, Decision, Indicator, ProgressUpdate
from . import ValidationError

# At most this many ids go into one IN (...) list (SQLite allows 32,766 variables; PostgreSQL far more).
_CHUNK = 10_000

NEUTRAL_ESCALATION_TITLE = "Vertrouwelijk besluit {number}, zie besloten stuk"
CONFIDENTIAL_MARK = "Vertrouwelijk"


def neutral_escalation_title(decision_number: str) -> str:
    """The agenda title of an escalated vertrouwelijk decision: its number, never its text."""
    return NEUTRAL_ESCALATION_TITLE.format(number=decision_number or "zonder nummer")


@dataclass(frozen=True)
class ConfidentialScope:
    """Every record that is effectively vertrouwelijk, by kind (ids as ``uuid.UUID``)."""

    agenda_items: frozenset[uuid.UUID] = frozenset()
    # Of those, the items that are confidential only because the decision they escalate is: the agenda of the
    # bestuurlijk overleg shows them under a neutral title (item id -> decision number).
    escalation_items: dict[uuid.UUID, str] = field(default_factory=dict)
    decisions: frozenset[uuid.UUID] = frozenset()
    action_items: frozenset[uuid.UUID] = frozenset()
    updates: frozenset[uuid.UUID] = frozenset()
    guests: frozenset[uuid.UUID] = frozenset()  # attendance rows of guests of a vertrouwelijk item
    indicators: frozenset[uuid.UUID] = frozenset()  # covers their targets and measurements

    def agenda_item(self, item_id: uuid.UUID | None) -> bool:
        return item_id is not None and item_id in self.agenda_items

    def decision(self, decision_id: uuid.UUID | None) -> bool:
        return decision_id is not None and decision_id in self.decisions

    def action(self, action_id: uuid.UUID | None) -> bool:
        return action_id is not None and action_id in self.action_items

    def update(self, update_id: uuid.UUID | None) -> bool:
        return update_id is not None and update_id in self.updates

    def guest(self, attendance_id: uuid.UUID | None) -> bool:
        return attendance_id is not None and attendance_id in self.guests

    def indicator(self, indicator_id: uuid.UUID | None) -> bool:
        """Whether an indicator, and so every figure of it, is vertrouwelijk."""
        return indicator_id is not None and indicator_id in self.indicators

    def hex_action_items(self) -> frozenset[str]:
        """The confidential action items as 32 hex digits (the actions view keeps ids as stored)."""
        return frozenset(i.hex for i in self.action_items)

    @property
    def empty(self) -> bool:
        return not (self.agenda_items or self.decisions or self.action_items or self.updates or self.indicators)


def _chunks(ids: Iterable[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    batch: list[uuid.UUID] = []
    for value in ids:
        batch.append(value)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _in(column: InstrumentedAttribute[uuid.UUID | None], ids: list[uuid.UUID]) -> list[ColumnElement[bool]]:
    """``column IN ids`` as a list of conditions (none for no ids), in chunks the database accepts."""
    return [column.in_(ids[i : i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]


_CACHE_KEY = "ghnt_confidential_scope"


def confidential_scope(session: Session) -> ConfidentialScope:
    """The rule evaluated over the whole database, once per transaction of ``session`` until it writes.

    Opening a meeting asks it for the agenda, the decisions, the actions and the escalations: on the ten-year
    database each evaluation took 20-30 ms, so it is kept in ``session.info`` and forgotten on any flush,
    write statement, commit or rollback (the events below), never reused across what another writer may change.
    """
    cached = session.info.get(_CACHE_KEY)
    if cached is None:
        cached = session.info[_CACHE_KEY] = _evaluate(session)
    return cached


@event.listens_for(Session, "after_flush")
def _forget_after_flush(session: Session, _flush_context: object) -> None:
    session.info.pop(_CACHE_KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_after_transaction(session: Session, _transaction: object) -> None:
    session.info.pop(_CACHE_KEY, None)


@event.listens_for(Session, "do_orm_execute")
def _forget_on_write(state: ORMExecuteState) -> None:
    if not state.is_select:
        state.session.info.pop(_CACHE_KEY, None)


def _evaluate(session: Session) -> ConfidentialScope:
    """Evaluate the rule over the whole database: the flagged records and everything that belongs to them.

    Few records are flagged, so this reads the flagged ones by their flag and walks down by foreign keys; an
    escalation can make an item of another meeting confidential, which can in turn cover decisions escalated
    further, so the walk repeats until nothing new is found.
    """
    is_set = engine_of(session).is_set  # each engine's spelling that its partial index on the flag serves
    items: set[uuid.UUID] = set(session.scalars(select(AgendaItem.id).where(is_set(AgendaItem.confidential))))
    decisions: set[uuid.UUID] = set()
    escalation_items: dict[uuid.UUID, str] = {}
    flagged_decisions = session.execute(
        select(Decision.id, Decision.escalation_agenda_item_id, Decision.number).where(is_set(Decision.confidential))
    ).all()
    pending_decisions = list(flagged_decisions)
    new_items = set(items)
    while pending_decisions or new_items:
        if new_items:
            for batch in _chunks(new_items):
                pending_decisions.extend(
                    session.execute(
                        select(Decision.id, Decision.escalation_agenda_item_id, Decision.number).where(
                            Decision.agenda_item_id.in_(batch)
                        )
                    ).all()
                )
            new_items = set()
        for decision_id, escalation_item_id, number in pending_decisions:
            if decision_id in decisions:
                continue
            decisions.add(decision_id)
            # An escalation item the user flagged is already in ``items``: an ordinary confidential item, left
            # out rather than shown under a neutral title.
            if escalation_item_id is not None and escalation_item_id not in items:
                items.add(escalation_item_id)
                new_items.add(escalation_item_id)
                escalation_items[escalation_item_id] = number
        pending_decisions = []
    # Actions and progress notes in one query each, the walk from the flagged ones done by SQLite through the
    # partial indexes on the flags (migration 0004): measured on the ten-year database, passing a thousand
    # confidential action ids back in as parameters cost 20 ms, this costs about 1 ms.
    item_list = list(items)
    in_items = _in(ActionItem.origin_agenda_item_id, item_list)
    confidential_actions = select(ActionItem.id).where(or_(is_set(ActionItem.confidential), *in_items))
    actions = set(session.scalars(confidential_actions))
    updates = set(
        session.scalars(
            select(ProgressUpdate.id).where(
                or_(
                    is_set(ProgressUpdate.confidential),
                    engine_of(session).is_among(ProgressUpdate.action_item_id, confidential_actions),
                    *_in(ProgressUpdate.agenda_item_id, item_list),
                )
            )
        )
    )
    guests: set[uuid.UUID] = set()
    for batch in _chunks(items):
        guests.update(session.scalars(select(Attendance.id).where(Attendance.agenda_item_id.in_(batch))))

    return ConfidentialScope(
        agenda_items=frozenset(items),
        escalation_items=escalation_items,
        decisions=frozenset(decisions),
        action_items=frozenset(actions),
        updates=frozenset(updates),
        guests=frozenset(guests),
        indicators=frozenset(session.scalars(select(Indicator.id).where(is_set(Indicator.confidential)))),
    )


# ---------------------------------------------------------------------------------------------------------------
# Unflagging under a confidential parent


def confidential_parent_of(session: Session, kind: str, record_id: uuid.UUID) -> str:
    """Why a record is vertrouwelijk through what it belongs to (a Dutch phrase), or "" when it is not.

    ``kind`` is ``decision``, ``action_item`` or ``progress_update``. Used to refuse unflagging a child
    whose parent keeps it confidential, with a message that names the parent.
    """
    scope = confidential_scope(session)
    if kind == "decision":
        item_id = session.scalar(select(Decision.agenda_item_id).where(Decision.id == record_id))
        return "het agendapunt waaronder het is genomen" if scope.agenda_item(item_id) else ""
    if kind == "action_item":
        item_id = session.scalar(select(ActionItem.origin_agenda_item_id).where(ActionItem.id == record_id))
        return "het agendapunt waaronder het is vastgelegd" if scope.agenda_item(item_id) else ""
    if kind == "progress_update":
        row = session.execute(
            select(ProgressUpdate.action_item_id, ProgressUpdate.agenda_item_id).where(ProgressUpdate.id == record_id)
        ).one_or_none()
        if row is None:
            return ""
        if scope.action(row[0]):
            return "de actie waar de voortgang bij hoort"
        if scope.agenda_item(row[1]):
            return "het agendapunt waaronder de voortgang is besproken"
        return ""
    raise ValueError(f"unknown kind {kind!r}")


def refuse_unflag_under_parent(session: Session, kind: str, record_id: uuid.UUID, label: str) -> None:
    """Raise ``ValidationError`` when ``record_id`` is to be unflagged while its parent keeps it vertrouwelijk."""
    parent = confidential_parent_of(session, kind, record_id)
    if parent:
        raise ValidationError(
            f"{label} blijft vertrouwelijk, omdat {parent} vertrouwelijk is. "
            "Haal eerst daar het vinkje Vertrouwelijk weg als het echt openbaar mag."
        )
