"""Minuting a meeting: verslag text per item, besluiten, actiepunten and toezeggingen, progress and escalation.

Decisions are numbered per series and year (``AO-2020-2-03``: sequence = highest in the series and year + 1);
action items the same way with an ``A`` (actiepunt) or ``T`` (toezegging) before their sequence. Numbers are
never reused for another record while the record exists and never change afterwards.

Field changes of decisions and action items go into the change history (``services/history.py``). Progress
is recorded as ``ProgressUpdate`` rows, one per action per meeting: moving a deadline later counts as a
postponement (``times_postponed``), once per meeting however often it is corrected there, and the row keeps
the deadline the action had before that meeting and the new one; closing sets ``closed_on``. "Doorgeschoven",
"uitgesteld" or "verplaatst" chosen or typed as progress is a postponement too (``progress_choice``). The
escalation outcome of a decision is recorded on the original decision even when the verslag it comes from is
vastgesteld: it is news from the bestuurlijk overleg, not a change of that verslag.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..deadlines import parse_deadline
from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    CarriedAction,
    Decision,
    EscalationState,
    LocalStatus,
    Meeting,
    MeetingSeries,
    MeetingState,
    Organisation,
    Person,
    ProgrammeAction,
    ProgressUpdate,
)
from ..models.enums import POSTPONE_CHOICE
from ..numbering import action_number, decision_number
from . import Changes, RefusedError, ValidationError
from .agenda import next_meeting_of_series, remove_agenda_item
from .confidentiality import ConfidentialScope, confidential_scope, refuse_unflag_under_parent
from .versions import versioned
from .meetings import (
    MEETING_CHANGES,
    UNSET,
    Created,
    Edit,
    Removed,
    clean_text,
    ensure_editable,
    get_or_404,
    place_escalations,
    snapshot,
)

NO_SERIES_CODE = "OV"  # numbers of a single meeting without a series: OV-2020-1-01
ACTION_CHANGES = Changes(meetings=True, actions=True)


def _editable_item(session: Session, agenda_item_id: uuid.UUID) -> AgendaItem:
    item = get_or_404(session, AgendaItem, agenda_item_id)
    ensure_editable(item.meeting)
    return item


def _series_code(meeting: Meeting) -> str:
    return meeting.series.code if meeting.series else NO_SERIES_CODE


# ---------------------------------------------------------------------------------------------------------------
# Verslag text


@versioned(
    AgendaItem, lambda item: f"Het verslag van agendapunt {item.number or item.title}".strip(),
    labels={"text": "Verslagtekst"}, current=lambda item, _field: item.minutes_text, columns={"text": "minutes_text"},
)
def set_minutes_text(session: Session, agenda_item_id: uuid.UUID, text: str) -> Edit:
    """Save the discussion of an item; undo with ``set_minutes_text(session, id, **before)``.

    ``seen={"text": ...}`` is the text the user started from: when another user saved a different text meanwhile
    the save is refused with ``versions.ConflictError`` (``versions.versioned``).
    """
    item = _editable_item(session, agenda_item_id)
    text = clean_text(text, label="De verslagtekst", max_length=100_000)
    before = {"text": item.minutes_text}
    item.minutes_text = text
    session.flush()
    return Edit(item.id, MEETING_CHANGES | Changes(ids=frozenset({item.meeting_id})), before)


# ---------------------------------------------------------------------------------------------------------------
# Decisions


@dataclass(frozen=True)
class DecisionRow:
    """A besluit as the besluitenlijst shows it."""

    id: uuid.UUID
    number: str
    text: str
    confidential: bool
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_date: date
    agenda_item_id: uuid.UUID | None
    agenda_item_number: str
    escalation: EscalationState
    escalated_to_meeting_id: uuid.UUID | None
    escalated_to_meeting_date: date | None
    outcome: str
    outcome_date: date | None


def _decision_row(d: Decision, scope: ConfidentialScope) -> DecisionRow:
    """A decision as the lists show it; ``confidential`` is the effective flag under the one rule."""
    return DecisionRow(
        id=d.id,
        number=d.number,
        text=d.text,
        confidential=scope.decision(d.id),
        meeting_id=d.meeting_id,
        meeting_title=d.meeting.title,
        meeting_date=d.meeting.date,
        agenda_item_id=d.agenda_item_id,
        agenda_item_number=d.agenda_item.number if d.agenda_item else "",
        escalation=d.escalation,
        escalated_to_meeting_id=d.escalated_to_meeting_id,
        escalated_to_meeting_date=d.escalated_to_meeting.date if d.escalated_to_meeting else None,
        outcome=d.outcome,
        outcome_date=d.outcome_date,
    )


def decision_list(
    session: Session,
    *,
    meeting_id: uuid.UUID | None = None,
    series_id: uuid.UUID | None = None,
    year: int | None = None,
) -> list[DecisionRow]:
    """The besluitenlijst: decisions in number order, of one meeting, series and/or year."""
    query = (
        select(Decision)
        .order_by(Decision.year, Decision.sequence)
        .options(
            selectinload(Decision.meeting),
            selectinload(Decision.agenda_item),
            selectinload(Decision.escalated_to_meeting),
        )
    )
    if meeting_id is not None:
        query = query.where(Decision.meeting_id == meeting_id)
    if series_id is not None:
        query = query.where(Decision.series_id == series_id)
    if year is not None:
        query = query.where(Decision.year == year)
    scope = confidential_scope(session)
    return [_decision_row(d, scope) for d in session.scalars(query)]


def add_decision(
    session: Session, agenda_item_id: uuid.UUID, text: str, *, confidential: bool = False
) -> Created:
    """Record a besluit under an item, numbered in its series and year; undo with ``delete_decision``."""
    item = _editable_item(session, agenda_item_id)
    meeting = item.meeting
    text = clean_text(text, label="De tekst van het besluit", required=True, max_length=20_000)
    year = meeting.date.year
    series_filter = (
        Decision.series_id == meeting.series_id if meeting.series_id is not None else Decision.series_id.is_(None)
    )
    last = session.scalar(select(func.max(Decision.sequence)).where(series_filter, Decision.year == year))
    sequence = (last or 0) + 1
    number = decision_number(_series_code(meeting), year, meeting.number_in_year, sequence)
    decision = Decision(
        meeting_id=meeting.id,
        agenda_item_id=item.id,
        series_id=meeting.series_id,
        year=year,
        sequence=sequence,
        number=number,
        text=text,
        confidential=bool(confidential),
    )
    session.add(decision)
    session.flush()
    return Created(decision.id, MEETING_CHANGES | Changes(ids=frozenset({meeting.id, decision.id})), number=number)


_DECISION_LABELS = {"text": "Tekst", "confidential": "Vertrouwelijk"}


@versioned(Decision, lambda decision: f"Besluit {decision.number}", labels=_DECISION_LABELS)
def update_decision(
    session: Session,
    decision_id: uuid.UUID,
    *,
    text: str = UNSET,
    confidential: bool = UNSET,
) -> Edit:
    """Change a decision's text or vertrouwelijk flag (recorded in its history); undo with ``**before``.

    ``seen``/``seen_version``: what the user saw; a newer saved value refuses the edit (``versions.versioned``).
    """
    decision = get_or_404(session, Decision, decision_id)
    ensure_editable(decision.meeting)
    after: dict[str, Any] = {}
    if text is not UNSET:
        after["text"] = clean_text(text, label="De tekst van het besluit", required=True, max_length=20_000)
    if confidential is not UNSET:
        after["confidential"] = bool(confidential)
        if decision.confidential and not confidential:
            refuse_unflag_under_parent(session, "decision", decision.id, f"Besluit {decision.number}")
    before = {key: getattr(decision, key) for key in after}
    for key, value in after.items():
        setattr(decision, key, value)
    session.flush()
    return Edit(decision.id, MEETING_CHANGES | Changes(ids=frozenset({decision.meeting_id, decision.id})), before)


def delete_decision(session: Session, decision_id: uuid.UUID) -> Removed:
    """Delete a decision that was not put to a bestuurlijk overleg; undo with ``restore_removed`` (same number)."""
    decision = get_or_404(session, Decision, decision_id)
    ensure_editable(decision.meeting)
    if decision.escalation is not EscalationState.NONE:
        raise RefusedError(f"Besluit {decision.number} is voorgelegd aan een bestuurlijk overleg; trek dat eerst in.")
    row = snapshot(decision)
    meeting_id = decision.meeting_id
    session.delete(decision)
    session.flush()
    return Removed(MEETING_CHANGES | Changes(ids=frozenset({meeting_id, decision_id})), rows=(row,))


# ---------------------------------------------------------------------------------------------------------------
# Escalation to a bestuurlijk overleg


def _escalation_state(decision: Decision) -> dict[str, Any]:
    return {
        "escalation": decision.escalation,
        "outcome": decision.outcome,
        "outcome_date": decision.outcome_date,
    }


def mark_for_decision(session: Session, decision_id: uuid.UUID, *, include_confidential_text: bool = False) -> Edit:
    """Put a decision "ter besluitvorming" to the bestuurlijk overleg its series escalates to.

    It goes on the agenda of that series' next concept or planned meeting at once, or of the next one
    created. A vertrouwelijk decision goes there under a neutral title ("Vertrouwelijk besluit AO-2027-1-03,
    zie besloten stuk") unless ``include_confidential_text``: that choice is kept on the decision
    (``escalation_text_included``; the change log has who and when). Undo with ``withdraw_escalation``.
    """
    decision = get_or_404(session, Decision, decision_id)
    ensure_editable(decision.meeting)
    series = decision.meeting.series
    if series is None or series.escalates_to_id is None:
        raise ValidationError(
            "Dit overleg heeft geen bestuurlijk overleg om naar te escaleren. Stel dat in bij de overlegreeks."
        )
    if decision.escalation is not EscalationState.NONE:
        raise RefusedError(f"Besluit {decision.number} is al voorgelegd aan het bestuurlijk overleg.")
    before = _escalation_state(decision)
    decision.escalation = EscalationState.PROPOSED
    # The choice is asked (and kept) only for a decision vertrouwelijk now; None: there was nothing to choose, so
    # should it become vertrouwelijk later its title is neutral.
    confidential = confidential_scope(session).decision(decision.id)
    decision.escalation_text_included = bool(include_confidential_text) if confidential else None
    session.flush()
    changes = MEETING_CHANGES | Changes(ids=frozenset({decision.id, decision.meeting_id}))
    target = next_meeting_of_series(session, series.escalates_to_id, on_or_after=decision.meeting.date)
    if target is not None:
        changes = changes | place_escalations(session, target.id)
    return Edit(decision.id, changes, before)


def withdraw_escalation(session: Session, decision_id: uuid.UUID) -> Edit:
    """Take a decision back from the bestuurlijk overleg (not once its outcome is recorded).

    Its agenda item there goes too, unless minutes or decisions were written under it. ``before`` holds the
    choice made when it was put there (``include_confidential_text``), for putting it there again (undo).
    """
    decision = get_or_404(session, Decision, decision_id)
    if decision.escalation is not EscalationState.PROPOSED:
        raise RefusedError(f"Besluit {decision.number} staat niet (meer) ter besluitvorming uit.")
    before = _escalation_state(decision)
    before["include_confidential_text"] = bool(decision.escalation_text_included)
    item_id = decision.escalation_agenda_item_id
    decision.escalation = EscalationState.NONE
    decision.escalated_to_meeting_id = None
    decision.escalation_agenda_item_id = None
    session.flush()
    if item_id is not None:
        remove_agenda_item(session, item_id)
    return Edit(decision.id, MEETING_CHANGES | Changes(ids=frozenset({decision.id})), before)


def record_escalation_outcome(
    session: Session,
    decision_id: uuid.UUID,
    outcome: str,
    outcome_date: date | None,
    *,
    escalation: EscalationState = EscalationState.DECIDED,
) -> Edit:
    """Record what the bestuurlijk overleg decided on an escalated decision (state DECIDED).

    Allowed when the verslag of the original meeting is vastgesteld. Undo with ``**before``, which puts
    the previous state, outcome and date back.
    """
    decision = get_or_404(session, Decision, decision_id)
    escalation = EscalationState(escalation)
    if decision.escalation is EscalationState.NONE:
        raise RefusedError(f"Besluit {decision.number} is niet voorgelegd aan een bestuurlijk overleg.")
    if escalation is EscalationState.NONE:
        raise ValidationError("Gebruik 'intrekken' om een voorgelegd besluit terug te nemen.")
    outcome = clean_text(outcome, label="De uitkomst", required=escalation is EscalationState.DECIDED)
    if escalation is EscalationState.DECIDED and outcome_date is None:
        escalated = decision.escalated_to_meeting
        outcome_date = escalated.date if escalated is not None else None
    before = _escalation_state(decision)
    after = {"escalation": escalation, "outcome": outcome, "outcome_date": outcome_date}
    for key, value in after.items():
        setattr(decision, key, value)
    session.flush()
    return Edit(decision.id, MEETING_CHANGES | Changes(ids=frozenset({decision.id, decision.meeting_id})), before)


# ---------------------------------------------------------------------------------------------------------------
# Action items and toezeggingen


@dataclass(frozen=True)
class ActionItemRow:
    """An actiepunt or toezegging as the actielijst of a meeting shows it."""

    id: uuid.UUID
    number: str
    kind: ActionKind
    text: str
    trekker: str
    deadline: date | None
    deadline_text: str
    status: ActionStatus
    times_postponed: int
    closed_on: date | None
    origin_meeting_id: uuid.UUID | None
    origin_meeting_date: date | None
    programme_action_id: uuid.UUID | None
    programme_action_code: str
    confidential: bool
    new_at_meeting: bool  # made at this meeting, not carried from an earlier one
    done_text: str  # what the review at this meeting says
    todo_text: str
    origin_agenda_item_id: uuid.UUID | None = None  # the agenda item it was made under


@dataclass(frozen=True)
class ActionList:
    """A meeting's actielijst, toezeggingen apart."""

    actions: tuple[ActionItemRow, ...]
    toezeggingen: tuple[ActionItemRow, ...]


def _trekker_label(a: ActionItem) -> str:
    parts = [a.trekker_person.name if a.trekker_person else "", a.trekker_text]
    if a.trekker_organisation and a.trekker_organisation.name not in a.trekker_text:
        parts.append(a.trekker_organisation.name)
    return ", ".join(p for p in parts if p)


def action_list(session: Session, meeting_id: uuid.UUID) -> ActionList:
    """The actions made at or carried to this meeting, oldest origin first."""
    meeting = get_or_404(session, Meeting, meeting_id)
    reviews = {
        u.action_item_id: u
        for u in session.scalars(
            select(ProgressUpdate).where(
                ProgressUpdate.meeting_id == meeting.id, ProgressUpdate.action_item_id.is_not(None)
            )
        )
    }
    # Trekker, origin meeting and programme action in one query per table, not two lazy loads per row.
    related = (
        selectinload(ActionItem.trekker_person),
        selectinload(ActionItem.trekker_organisation),
        selectinload(ActionItem.origin_meeting),
        selectinload(ActionItem.programme_action),
    )
    made = session.scalars(select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id).options(*related)).all()
    linked = set(reviews) | set(
        session.scalars(select(CarriedAction.action_item_id).where(CarriedAction.meeting_id == meeting.id))
    )
    carried = (
        session.scalars(select(ActionItem).where(ActionItem.id.in_(list(linked))).options(*related)).all()
        if linked
        else []
    )
    items = {a.id: a for a in [*carried, *made]}.values()
    scope = confidential_scope(session)
    rows = []
    for a in items:
        review = reviews.get(a.id)
        rows.append(
            ActionItemRow(
                id=a.id,
                number=a.number,
                kind=a.kind,
                text=a.text,
                trekker=_trekker_label(a),
                deadline=a.deadline,
                deadline_text=a.deadline_text,
                status=a.status,
                times_postponed=a.times_postponed,
                closed_on=a.closed_on,
                origin_meeting_id=a.origin_meeting_id,
                origin_meeting_date=a.origin_meeting.date if a.origin_meeting else None,
                programme_action_id=a.programme_action_id,
                programme_action_code=a.programme_action.code if a.programme_action else "",
                confidential=scope.action(a.id),
                new_at_meeting=a.origin_meeting_id == meeting.id,
                done_text=review.done_text if review else "",
                todo_text=review.todo_text if review else "",
                origin_agenda_item_id=a.origin_agenda_item_id,
            )
        )
    rows.sort(key=lambda r: (r.origin_meeting_date or date.min, r.number))
    return ActionList(
        tuple(r for r in rows if r.kind is ActionKind.ACTIEPUNT),
        tuple(r for r in rows if r.kind is ActionKind.TOEZEGGING),
    )


_NUMBER_TAIL = re.compile(r"-([AT])(\d+)$")


def _next_action_sequence(session: Session, meeting: Meeting, kind: ActionKind) -> int:
    """Highest sequence of this kind in the series and year + 1 (numbers are read back from their text)."""
    year = meeting.date.year
    same_series = (
        Meeting.series_id == meeting.series_id if meeting.series_id is not None else Meeting.series_id.is_(None)
    )
    numbers = session.scalars(
        select(ActionItem.number)
        .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
        .where(same_series, ActionItem.kind == kind, ActionItem.number.like(f"%-{year}-%"))
    )
    letter = "T" if kind is ActionKind.TOEZEGGING else "A"
    highest = 0
    for number in numbers:
        match = _NUMBER_TAIL.search(number or "")
        if match and match.group(1) == letter and f"-{year}-" in number:
            highest = max(highest, int(match.group(2)))
    return highest + 1


def _resolve_deadline(deadline: date | None, deadline_text: str, reference: date) -> tuple[date | None, str]:
    """A date as given, or the end of the period a text names ("maart 2020" -> 31-03-2020)."""
    deadline_text = clean_text(deadline_text, label="De deadline", max_length=200)
    if deadline is not None:
        if not isinstance(deadline, date):
            raise ValidationError("De deadline moet een datum zijn.")
        return deadline, deadline_text
    return parse_deadline(deadline_text, reference=reference).end, deadline_text


def _check_trekker(session: Session, person_id: uuid.UUID | None, organisation_id: uuid.UUID | None) -> None:
    if person_id is not None:
        get_or_404(session, Person, person_id)
    if organisation_id is not None:
        get_or_404(session, Organisation, organisation_id)


def add_action_item(
    session: Session,
    agenda_item_id: uuid.UUID,
    text: str,
    *,
    kind: ActionKind = ActionKind.ACTIEPUNT,
    trekker_person_id: uuid.UUID | None = None,
    trekker_organisation_id: uuid.UUID | None = None,
    trekker_text: str = "",
    deadline: date | None = None,
    deadline_text: str = "",
    programme_action_id: uuid.UUID | None = None,
    confidential: bool = False,
) -> Created:
    """Record an actiepunt or toezegging under an item; undo with ``delete_action_item``.

    The deadline is a date, or a text read with ``parse_deadline`` (its period's end becomes the date).
    """
    item = _editable_item(session, agenda_item_id)
    meeting = item.meeting
    kind = ActionKind(kind)
    text = clean_text(text, label="De omschrijving van het actiepunt", required=True, max_length=20_000)
    trekker_text = clean_text(trekker_text, label="De trekker", max_length=300)
    _check_trekker(session, trekker_person_id, trekker_organisation_id)
    if programme_action_id is not None:
        get_or_404(session, ProgrammeAction, programme_action_id)
    due, deadline_text = _resolve_deadline(deadline, deadline_text, meeting.date)
    sequence = _next_action_sequence(session, meeting, kind)
    number = action_number(
        _series_code(meeting),
        meeting.date.year,
        meeting.number_in_year,
        sequence,
        toezegging=kind is ActionKind.TOEZEGGING,
    )
    action = ActionItem(
        number=number,
        kind=kind,
        text=text,
        trekker_person_id=trekker_person_id,
        trekker_organisation_id=trekker_organisation_id,
        trekker_text=trekker_text,
        deadline=due,
        deadline_text=deadline_text,
        status=ActionStatus.NOT_STARTED,
        origin_meeting_id=meeting.id,
        origin_agenda_item_id=item.id,
        programme_action_id=programme_action_id,
        working_group_id=meeting.working_group_id,
        confidential=bool(confidential),
    )
    session.add(action)
    session.flush()
    return Created(action.id, ACTION_CHANGES | Changes(ids=frozenset({meeting.id, action.id})), number=number)


_ACTION_FIELDS = (
    "text",
    "kind",
    "trekker_person_id",
    "trekker_organisation_id",
    "trekker_text",
    "deadline",
    "deadline_text",
    "programme_action_id",
    "confidential",
    "trekker_organisation_ids",  # every organisation a trekker cell names (more than one trekker)
)
_TREKKER_FIELDS = {"trekker_person_id", "trekker_organisation_id", "trekker_text"}
_ACTION_LABELS = {
    "text": "Omschrijving",
    "kind": "Soort",
    "trekker_person_id": "Trekker (persoon)",
    "trekker_organisation_id": "Trekker (organisatie)",
    "trekker_organisation_ids": "Trekkers (organisaties)",
    "trekker_text": "Trekker",
    "deadline": "Deadline",
    "deadline_text": "Deadline (zoals geschreven)",
    "programme_action_id": "Actie uit het programma",
    "confidential": "Vertrouwelijk",
}


def _action_field(action: ActionItem, key: str) -> Any:
    if key == "trekker_organisation_ids":
        return tuple(o.id for o in action.trekker_organisations)
    return getattr(action, key)


@versioned(ActionItem, lambda action: f"Actiepunt {action.number}", labels=_ACTION_LABELS, current=_action_field)
def update_action_item(session: Session, action_id: uuid.UUID, **values: Any) -> Edit:
    """Correct an action item's fields (text, kind, trekker_*, deadline, deadline_text, programme_action_id,
    confidential); every change goes into its history. Undo with ``update_action_item(session, id, **before)``.

    Refused when the verslag of the meeting it was made at is vastgesteld. A deadline corrected here is not
    a postponement; postponing goes through ``record_progress``. ``seen``/``seen_version``: what the user saw;
    a newer saved value refuses the edit (``versions.versioned``).
    """
    unknown = set(values) - set(_ACTION_FIELDS)
    if unknown:
        raise ValidationError(f"Onbekende velden van een actiepunt: {', '.join(sorted(unknown))}.")
    action = get_or_404(session, ActionItem, action_id)
    if action.origin_meeting is not None:
        ensure_editable(action.origin_meeting)
    after: dict[str, Any] = {}
    for key, value in values.items():
        if key == "text":
            value = clean_text(value, label="De omschrijving van het actiepunt", required=True, max_length=20_000)
        elif key == "trekker_text":
            value = clean_text(value, label="De trekker", max_length=300)
        elif key == "kind":
            value = ActionKind(value)
        elif key == "confidential":
            value = bool(value)
            if action.confidential and not value:
                refuse_unflag_under_parent(session, "action_item", action.id, f"Actiepunt {action.number}")
        elif key == "trekker_person_id":
            _check_trekker(session, value, None)
        elif key == "trekker_organisation_id":
            _check_trekker(session, None, value)
        elif key == "programme_action_id" and value is not None:
            get_or_404(session, ProgrammeAction, value)
        elif key == "trekker_organisation_ids":
            value = tuple(dict.fromkeys(value))
            for organisation_id in value:
                _check_trekker(session, None, organisation_id)
        after[key] = value
    if _TREKKER_FIELDS & set(after) and "trekker_organisation_ids" not in after and action.trekker_organisations:
        after["trekker_organisation_ids"] = ()  # a new trekker replaces the ones a list named
    if "deadline_text" in after and "deadline" not in after:
        reference = action.origin_meeting.date if action.origin_meeting else date.today()
        after["deadline"], after["deadline_text"] = _resolve_deadline(None, after["deadline_text"], reference)
    elif "deadline" in after:
        after["deadline"], text = _resolve_deadline(after["deadline"], after.get("deadline_text", ""), date.today())
        if "deadline_text" in after:
            after["deadline_text"] = text
    before = {key: _action_field(action, key) for key in after}
    for key, value in after.items():
        if key == "trekker_organisation_ids":
            action.trekker_organisations = [get_or_404(session, Organisation, o) for o in value]
        else:
            setattr(action, key, value)
    session.flush()
    return Edit(action.id, ACTION_CHANGES | Changes(ids=frozenset({action.id})), before)


def delete_action_item(session: Session, action_id: uuid.UUID) -> Removed:
    """Delete an action item nobody reported on yet; undo with ``restore_removed`` (same number)."""
    action = get_or_404(session, ActionItem, action_id)
    if action.origin_meeting is not None:
        ensure_editable(action.origin_meeting)
    updates = session.scalars(select(ProgressUpdate).where(ProgressUpdate.action_item_id == action.id)).all()
    if any(u.done_text.strip() or u.todo_text.strip() for u in updates) or session.scalar(
        select(func.count(LocalStatus.id)).where(LocalStatus.action_item_id == action.id)
    ):
        raise RefusedError(f"Over actiepunt {action.number} is al voortgang vastgelegd; zet het op vervallen.")
    links = session.scalars(select(CarriedAction).where(CarriedAction.action_item_id == action.id)).all()
    rows = (snapshot(action), *(snapshot(u) for u in updates), *(snapshot(c) for c in links))
    for record in (*updates, *links):
        session.delete(record)
    session.flush()
    session.delete(action)
    session.flush()
    return Removed(ACTION_CHANGES | Changes(ids=frozenset({action_id})), rows=rows)


# ---------------------------------------------------------------------------------------------------------------
# Progress


@dataclass(frozen=True)
class ProgressBefore:
    """An action item and its review row as they were before ``record_progress``; see ``undo_progress``."""

    action_item_id: uuid.UUID
    status: ActionStatus
    deadline: date | None
    deadline_text: str
    times_postponed: int
    closed_on: date | None
    update_id: uuid.UUID
    update_values: dict[str, Any] | None  # None: the row was created


@dataclass(frozen=True)
class ProgressResult:
    """What ``record_progress`` saved."""

    update_id: uuid.UUID
    changes: Changes
    before: ProgressBefore
    postponed: bool


_UPDATE_FIELDS = (
    "status",
    "postponed",
    "done_text",
    "todo_text",
    "previous_deadline",
    "new_deadline",
    "new_deadline_text",
    "author",
)


# Progress that means "put off to later": the action stays open and counts as postponed, it is not aangehouden.
_POSTPONE_RE = re.compile(
    r"(?<![a-zà-ÿ])(doorgeschoven|doorschuiven|uitgesteld|uitstellen|verplaatst|verplaatsen|verschoven|"
    r"opgeschoven|doorgezet naar)(?![a-zà-ÿ])"
)


@dataclass(frozen=True)
class ProgressChoice:
    """What a status chosen or typed as progress means: the status to record and whether it is a postponement."""

    status: ActionStatus
    postpone: bool


def progress_choice(choice: ActionStatus | str, current: ActionStatus) -> ProgressChoice:
    """Read a status chosen or typed as progress for an action whose status is ``current``.

    "Doorgeschoven", "uitgesteld", "verplaatst" (and ``POSTPONE_CHOICE``) mean a postponement: the status stays
    open (the current one, or "Loopt" for a closed action) and the count goes up. Other text is read as a
    status (labels, values, and the words ``parse_status`` knows); unknown text raises ``ValidationError``.
    """
    from ..deadlines import parse_status

    if isinstance(choice, ActionStatus):
        return ProgressChoice(choice, False)
    text = " ".join(str(choice).split()).casefold()
    if text == POSTPONE_CHOICE or _POSTPONE_RE.search(text):
        current = ActionStatus(current)
        return ProgressChoice(ActionStatus.IN_PROGRESS if current.is_closed else current, True)
    for member in ActionStatus:
        if text in (member.value, member.label.casefold()):
            return ProgressChoice(member, False)
    status = parse_status(text) if text else None
    if status is None:
        raise ValidationError(
            f"Onbekende status: '{choice}'. Kies Niet gestart, Loopt, Gereed, Aangehouden, Vervallen of Doorgeschoven."
        )
    return ProgressChoice(status, False)


def record_progress(
    session: Session,
    action_item_id: uuid.UUID,
    *,
    status: ActionStatus,
    postpone: bool = False,
    done_text: str = "",
    todo_text: str = "",
    new_deadline: date | None = UNSET,
    new_deadline_text: str | None = None,
    meeting_id: uuid.UUID | None = None,
    agenda_item_id: uuid.UUID | None = None,
    on: date | None = None,
    author: str = "",
) -> ProgressResult:
    """Record how an action stands: status, wat is gedaan, wat moet nog, and possibly a new deadline.

    At a meeting the action's row there is written or corrected (one row per action per meeting); without a
    meeting a new row is written for ``on`` (today by default). A deadline later than the one the action had
    before the meeting counts as one postponement of that meeting, however often it is corrected there; so
    does ``postpone`` ("doorgeschoven" without a new date), which keeps the action open. A closing status sets
    ``closed_on``, reopening clears it. Undo with ``undo_progress``.
    """
    action = get_or_404(session, ActionItem, action_item_id)
    status = ActionStatus(status)
    if postpone and status.is_closed:
        raise ValidationError(
            f"Een doorgeschoven actie blijft open; kies 'Doorgeschoven' of de status '{status.label}', niet allebei."
        )
    meeting = None
    if agenda_item_id is not None:
        item = get_or_404(session, AgendaItem, agenda_item_id)
        if meeting_id is not None and item.meeting_id != meeting_id:
            raise ValidationError("Het agendapunt hoort niet bij dit overleg.")
        meeting_id = item.meeting_id
    if meeting_id is not None:
        meeting = get_or_404(session, Meeting, meeting_id)
        ensure_editable(meeting)
    when = on or (meeting.date if meeting is not None else date.today())
    done_text = clean_text(done_text, label="Wat is gedaan", max_length=20_000)
    todo_text = clean_text(todo_text, label="Wat moet nog", max_length=20_000)
    author = clean_text(author, label="De auteur", max_length=200)

    # The new deadline: a date as given, else the end of a period named in text, else unchanged.
    if new_deadline is UNSET and new_deadline_text is None:
        due, due_text = action.deadline, action.deadline_text
    elif new_deadline is UNSET:
        due, due_text = _resolve_deadline(None, new_deadline_text or "", when)
    else:
        due, due_text = _resolve_deadline(new_deadline, new_deadline_text or "", when)

    update = None
    if meeting is not None:
        update = session.scalar(
            select(ProgressUpdate).where(
                ProgressUpdate.meeting_id == meeting.id, ProgressUpdate.action_item_id == action.id
            )
        )
    update_values = {f: getattr(update, f) for f in _UPDATE_FIELDS} if update is not None else None
    before = ProgressBefore(
        action_item_id=action.id,
        status=action.status,
        deadline=action.deadline,
        deadline_text=action.deadline_text,
        times_postponed=action.times_postponed,
        closed_on=action.closed_on,
        update_id=update.id if update is not None else uuid.uuid4(),
        update_values=update_values,
    )
    # The deadline before this meeting: kept from the meeting's first row, never overwritten by a correction.
    start_deadline = update.previous_deadline if update is not None else action.deadline
    was_postponed = bool(update.postponed) if update is not None else False
    postponed = bool(postpone) or (due is not None and start_deadline is not None and due > start_deadline)
    if update is None:
        if meeting is not None and agenda_item_id is None:
            # Recorded under the item the action was carried to ("Verslag en actielijst vorig overleg").
            agenda_item_id = session.scalar(
                select(CarriedAction.agenda_item_id).where(
                    CarriedAction.meeting_id == meeting.id, CarriedAction.action_item_id == action.id
                )
            )
        update = ProgressUpdate(
            id=before.update_id,
            action_item_id=action.id,
            meeting_id=meeting.id if meeting is not None else None,
            agenda_item_id=agenda_item_id,
            date=when,
            status=status,
        )
        session.add(update)
    elif agenda_item_id is not None:
        update.agenda_item_id = agenda_item_id
    update.status = status
    update.done_text = done_text
    update.todo_text = todo_text
    update.previous_deadline = start_deadline
    update.new_deadline = due
    update.new_deadline_text = due_text
    update.author = author
    update.postponed = postponed

    action.times_postponed = max(0, action.times_postponed + int(postponed) - int(was_postponed))
    action.deadline, action.deadline_text = due, due_text
    action.status = status
    if status.is_closed:
        action.closed_on = action.closed_on if before.status.is_closed and action.closed_on else when
    else:
        action.closed_on = None
    session.flush()
    return ProgressResult(
        update.id,
        ACTION_CHANGES | Changes(ids=frozenset({action.id} | ({meeting.id} if meeting else set()))),
        before,
        postponed,
    )


def undo_progress(session: Session, before: ProgressBefore) -> Changes:
    """Put an action and its review row back as they were before ``record_progress``."""
    action = get_or_404(session, ActionItem, before.action_item_id)
    update = session.get(ProgressUpdate, before.update_id)
    if update is not None:
        if update.meeting is not None:
            ensure_editable(update.meeting)
        if before.update_values is None:
            session.delete(update)
        else:
            for key, value in before.update_values.items():
                setattr(update, key, value)
    action.status = before.status
    action.deadline = before.deadline
    action.deadline_text = before.deadline_text
    action.times_postponed = before.times_postponed
    action.closed_on = before.closed_on
    session.flush()
    return ACTION_CHANGES | Changes(ids=frozenset({action.id}))


@dataclass(frozen=True)
class ProgressRow:
    """One line of an action's progress history."""

    id: uuid.UUID
    date: date
    meeting_id: uuid.UUID | None
    meeting_title: str
    status: ActionStatus
    done_text: str
    todo_text: str
    previous_deadline: dt.date | None  # ``date`` is the field above
    new_deadline: dt.date | None
    new_deadline_text: str
    author: str


def progress_history(session: Session, action_item_id: uuid.UUID) -> list[ProgressRow]:
    """Every progress row of an action item, oldest first."""
    get_or_404(session, ActionItem, action_item_id)
    updates = session.scalars(
        select(ProgressUpdate)
        .where(ProgressUpdate.action_item_id == action_item_id)
        .order_by(ProgressUpdate.date, ProgressUpdate.created_at)
    )
    return [
        ProgressRow(
            u.id,
            u.date,
            u.meeting_id,
            u.meeting.title if u.meeting else "",
            u.status,
            u.done_text,
            u.todo_text,
            u.previous_deadline,
            u.new_deadline,
            u.new_deadline_text,
            u.author,
        )
        for u in updates
    ]


def record_programme_progress(
    session: Session,
    programme_action_id: uuid.UUID,
    *,
    status: ActionStatus,
    done_text: str = "",
    todo_text: str = "",
    agenda_item_id: uuid.UUID | None = None,
    on: date | None = None,
    author: str = "",
) -> Created:
    """Record the voortgang of a programme action (under the voortgang item of a meeting, or on a date).

    Returns the new row's id; ``Created.number`` is empty. Undo with ``undo_programme_progress(session, id,
    previous_status)`` where ``previous_status`` is the status before (read it from the row list first).
    """
    action = get_or_404(session, ProgrammeAction, programme_action_id)
    meeting = None
    if agenda_item_id is not None:
        meeting = _editable_item(session, agenda_item_id).meeting
    when = on or (meeting.date if meeting is not None else date.today())
    update = ProgressUpdate(
        programme_action_id=action.id,
        meeting_id=meeting.id if meeting is not None else None,
        agenda_item_id=agenda_item_id,
        date=when,
        status=ActionStatus(status),
        done_text=clean_text(done_text, label="Wat is gedaan", max_length=20_000),
        todo_text=clean_text(todo_text, label="Wat moet nog", max_length=20_000),
        author=clean_text(author, label="De auteur", max_length=200),
    )
    session.add(update)
    action.status = ActionStatus(status)
    session.flush()
    return Created(update.id, Changes(programme=True, meetings=True, ids=frozenset({action.id})))


def undo_programme_progress(session: Session, update_id: uuid.UUID, previous_status: ActionStatus) -> Changes:
    """Remove a programme progress row and put the action's previous status back."""
    update = get_or_404(session, ProgressUpdate, update_id)
    if update.meeting is not None:
        ensure_editable(update.meeting)
    action = update.programme_action
    session.delete(update)
    if action is not None:
        action.status = ActionStatus(previous_status)
    session.flush()
    return Changes(programme=True, meetings=True)


@dataclass(frozen=True)
class ProgrammeProgressRow:
    """A programme action discussed under an agenda item, with what was recorded about it there."""

    programme_action_id: uuid.UUID
    code: str
    text: str
    status: ActionStatus  # the action's status now
    update_id: uuid.UUID | None  # the progress row written under this agenda item, if any
    done_text: str
    todo_text: str


def programme_progress_of_item(session: Session, agenda_item_id: uuid.UUID) -> list[ProgrammeProgressRow]:
    """The programme actions linked to an agenda item (voortgang actieprogramma), in code order, each with the
    progress recorded under this item (the latest row, if several)."""
    item = get_or_404(session, AgendaItem, agenda_item_id)
    recorded: dict[uuid.UUID, ProgressUpdate] = {}
    for update in session.scalars(
        select(ProgressUpdate)
        .where(ProgressUpdate.agenda_item_id == item.id, ProgressUpdate.programme_action_id.is_not(None))
        .order_by(ProgressUpdate.created_at)
    ):
        if update.programme_action_id is not None:  # always: the query asks for these only
            recorded[update.programme_action_id] = update
    rows = []
    for action in sorted(item.programme_actions, key=lambda a: (a.code, a.position)):
        found = recorded.get(action.id)
        rows.append(
            ProgrammeProgressRow(
                programme_action_id=action.id,
                code=action.code,
                text=action.text,
                status=action.status,
                update_id=found.id if found is not None else None,
                done_text=found.done_text if found is not None else "",
                todo_text=found.todo_text if found is not None else "",
            )
        )
    return rows


@dataclass(frozen=True)
class ProgrammeProgressResult:
    """What ``record_programme_progress_at_item`` saved, and what ``undo_programme_progress_at_item`` needs."""

    update_id: uuid.UUID
    changes: Changes
    programme_action_id: uuid.UUID
    previous_status: ActionStatus
    previous_values: dict[str, Any] | None  # None: the row was created


_PROGRAMME_UPDATE_FIELDS = ("status", "done_text", "todo_text", "author")


def record_programme_progress_at_item(
    session: Session,
    agenda_item_id: uuid.UUID,
    programme_action_id: uuid.UUID,
    *,
    status: ActionStatus,
    done_text: str = "",
    todo_text: str = "",
    author: str = "",
) -> ProgrammeProgressResult:
    """Record the voortgang of a programme action under an agenda item: one row per action per item, so saying
    it again corrects that row (like ``record_progress`` for action items). The action gets the status.

    Refused on a vastgesteld verslag; the action must be linked to the item. Undo with
    ``undo_programme_progress_at_item(session, result)``.
    """
    item = _editable_item(session, agenda_item_id)
    action = get_or_404(session, ProgrammeAction, programme_action_id)
    if action not in item.programme_actions:
        raise ValidationError(f"Actie {action.code} staat niet bij agendapunt {item.number}.")
    status = ActionStatus(status)
    values = {
        "status": status,
        "done_text": clean_text(done_text, label="Wat is gedaan", max_length=20_000),
        "todo_text": clean_text(todo_text, label="Wat moet nog", max_length=20_000),
        "author": clean_text(author, label="De auteur", max_length=200),
    }
    update = session.scalar(
        select(ProgressUpdate)
        .where(ProgressUpdate.agenda_item_id == item.id, ProgressUpdate.programme_action_id == action.id)
        .order_by(ProgressUpdate.created_at.desc())
        .limit(1)
    )
    previous_values = {f: getattr(update, f) for f in _PROGRAMME_UPDATE_FIELDS} if update is not None else None
    if update is None:
        update = ProgressUpdate(
            programme_action_id=action.id,
            meeting_id=item.meeting_id,
            agenda_item_id=item.id,
            date=item.meeting.date,
            status=status,
        )
        session.add(update)
    for key, value in values.items():
        setattr(update, key, value)
    previous_status = action.status
    action.status = status
    session.flush()
    return ProgrammeProgressResult(
        update.id,
        Changes(programme=True, meetings=True, actions=True, ids=frozenset({action.id, item.meeting_id})),
        action.id,
        previous_status,
        previous_values,
    )


def undo_programme_progress_at_item(session: Session, result: ProgrammeProgressResult) -> Changes:
    """Put the progress row and the programme action's status back as they were before the recording."""
    update = get_or_404(session, ProgressUpdate, result.update_id)
    if update.meeting is not None:
        ensure_editable(update.meeting)
    action = get_or_404(session, ProgrammeAction, result.programme_action_id)
    if result.previous_values is None:
        session.delete(update)
    else:
        for key, value in result.previous_values.items():
            setattr(update, key, value)
    action.status = result.previous_status
    session.flush()
    return Changes(programme=True, meetings=True, actions=True, ids=frozenset({action.id}))


def meetings_with_series(session: Session, series_id: uuid.UUID) -> list[tuple[uuid.UUID, date, MeetingState]]:
    """(id, date, state) of a series' meetings, oldest first (a light list for pickers)."""
    get_or_404(session, MeetingSeries, series_id)
    return [
        (row[0], row[1], row[2])
        for row in session.execute(
            select(Meeting.id, Meeting.date, Meeting.state).where(Meeting.series_id == series_id).order_by(Meeting.date)
        )
    ]


def escalated_to_meeting(session: Session, meeting_id: uuid.UUID) -> list[DecisionRow]:
    """Decisions of lower overleggen put to this (bestuurlijk) meeting, oldest first, to record their outcome."""
    get_or_404(session, Meeting, meeting_id)
    query = (
        select(Decision)
        .where(Decision.escalated_to_meeting_id == meeting_id)
        .order_by(Decision.year, Decision.sequence)
        .options(
            selectinload(Decision.meeting),
            selectinload(Decision.agenda_item),
            selectinload(Decision.escalated_to_meeting),
        )
    )
    scope = confidential_scope(session)
    return [_decision_row(d, scope) for d in session.scalars(query)]
