"""Follow-up per municipality: the status per gemeente (or partner) of an action that "Alle gemeenten" carry.

An action is carried by all municipalities when a responsibility in force (the action's own when it overrides
its ambition, else the ambition's) is labelled "Alle gemeenten"; an action item when its trekker is written
so. The matrix shows those actions against every active gemeente, plus the partners that share the
responsibility or already have a status. A cell without a ``LocalStatus`` row is "not yet reported", which
is not the same as "not started".
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import (
    ActionItem,
    ActionStatus,
    Ambition,
    LocalStatus,
    Organisation,
    OrganisationKind,
    ProgrammeAction,
    Responsibility,
    Section,
)
from . import Changes, NotFoundError, ValidationError
from .action_view import ITEM, PROGRAMME
from .meetings import clean_text

ALL_MUNICIPALITIES = "alle gemeenten"


@dataclass(frozen=True)
class MatrixAction:
    """A row of the matrix: an action carried by all municipalities."""

    kind: str  # ITEM or PROGRAMME (services.actions)
    id: uuid.UUID
    number: str
    text: str
    status: ActionStatus  # the action's own (regional) status
    section_title: str


@dataclass(frozen=True)
class MatrixOrganisation:
    """A column of the matrix: a gemeente or a partner."""

    id: uuid.UUID
    name: str
    kind: OrganisationKind
    abbreviation: str

    @property
    def is_gemeente(self) -> bool:
        return self.kind == OrganisationKind.GEMEENTE

    @property
    def short_name(self) -> str:
        """The name without "Gemeente ", or the abbreviation of a partner: matrix columns stay narrow."""
        if self.is_gemeente and self.name.casefold().startswith("gemeente "):
            return self.name[len("gemeente ") :]
        return self.abbreviation or self.name


@dataclass(frozen=True)
class LocalCell:
    """The status one organisation reported for one action."""

    status: ActionStatus
    note: str


@dataclass(frozen=True)
class LocalStatusMatrix:
    """Actions against organisations; ``cells`` holds only reported statuses, keyed by (action id, org id)."""

    actions: tuple[MatrixAction, ...]
    organisations: tuple[MatrixOrganisation, ...]
    cells: dict[tuple[uuid.UUID, uuid.UUID], LocalCell] = field(default_factory=dict)

    def cell(self, action_id: uuid.UUID, organisation_id: uuid.UUID) -> LocalCell | None:
        return self.cells.get((action_id, organisation_id))

    def counts(self, action_id: uuid.UUID) -> dict[ActionStatus, int]:
        """How many organisations reported each status for one action."""
        result: dict[ActionStatus, int] = defaultdict(int)
        for organisation in self.organisations:
            cell = self.cells.get((action_id, organisation.id))
            if cell is not None:
                result[cell.status] += 1
        return dict(result)


def _carried_programme_actions(session: Session) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """Programme actions carried by "Alle gemeenten", and the partner organisations named beside them."""
    responsibilities = session.execute(
        select(
            Responsibility.ambition_id,
            Responsibility.programme_action_id,
            Responsibility.label,
            Responsibility.organisation_id,
        )
    ).all()
    by_owner: dict[uuid.UUID, list[tuple[str, uuid.UUID | None]]] = defaultdict(list)
    for ambition_id, action_id, label, organisation_id in responsibilities:
        owner = ambition_id or action_id  # a responsibility belongs to one of them
        if owner is None:
            continue
        by_owner[owner].append(((label or "").strip().casefold(), organisation_id))
    carried: set[uuid.UUID] = set()
    partners: set[uuid.UUID] = set()
    for action_id, ambition_id, overrides in session.execute(
        select(ProgrammeAction.id, ProgrammeAction.ambition_id, ProgrammeAction.overrides_responsibility)
    ):
        in_force = by_owner.get(action_id if overrides else ambition_id, [])
        if any(ALL_MUNICIPALITIES in label for label, _ in in_force):
            carried.add(action_id)
            partners.update(org for _, org in in_force if org is not None)
    return carried, partners


def local_status_matrix(session: Session, programme_id: uuid.UUID | None = None) -> LocalStatusMatrix:
    """The actions "Alle gemeenten" carry (and any with a reported status) against gemeenten and partners.

    Only the actions of ``programme_id`` (default: the current programme) and action items of no programme.
    """
    from .programme_scope import action_item_condition, filter_scope, programme_action_condition, resolve

    programme_id = filter_scope(session, resolve(session, programme_id))
    carried_programme, partner_ids = _carried_programme_actions(session)
    statuses = session.execute(
        select(
            LocalStatus.programme_action_id,
            LocalStatus.action_item_id,
            LocalStatus.organisation_id,
            LocalStatus.status,
            LocalStatus.note,
        )
    ).all()
    cells = {}
    reported_programme: set[uuid.UUID] = set()
    reported_items: set[uuid.UUID] = set()
    reported_orgs: set[uuid.UUID] = set()
    for pa_id, item_id, organisation_id, status, note in statuses:
        action_id = pa_id or item_id  # a status belongs to one of them
        if action_id is None:
            continue
        cells[(action_id, organisation_id)] = LocalCell(status, note)
        (reported_programme if pa_id else reported_items).add(action_id)
        reported_orgs.add(organisation_id)

    programme_ids = carried_programme | reported_programme
    actions: list[MatrixAction] = []
    if programme_ids:
        for pa_id, code, text, status, title in session.execute(
            select(
                ProgrammeAction.id, ProgrammeAction.code, ProgrammeAction.text, ProgrammeAction.status, Section.title
            )
            .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
            .join(Section, Ambition.section_id == Section.id)
            .where(ProgrammeAction.id.in_(programme_ids), programme_action_condition(programme_id))
            .order_by(Section.position, Ambition.position, ProgrammeAction.position, ProgrammeAction.code)
        ):
            actions.append(MatrixAction(PROGRAMME, pa_id, code, text, status, title))
    item_rows = session.execute(
        select(ActionItem.id, ActionItem.number, ActionItem.text, ActionItem.status)
        .where(
            ActionItem.trekker_text.ilike(f"%{ALL_MUNICIPALITIES}%")
            | ActionItem.id.in_(reported_items or {uuid.UUID(int=0)}),
            action_item_condition(programme_id),
        )
        .order_by(ActionItem.number)
    ).all()
    actions.extend(MatrixAction(ITEM, i, number, text, status, "") for i, number, text, status in item_rows)

    organisations = session.execute(
        select(Organisation.id, Organisation.name, Organisation.kind, Organisation.abbreviation).where(
            (
                (Organisation.kind == OrganisationKind.GEMEENTE)
                & Organisation.archived.is_(False)
                & Organisation.merged_into_id.is_(None)
            )
            | Organisation.id.in_(partner_ids | reported_orgs or {uuid.UUID(int=0)})
        )
    ).all()
    columns = [MatrixOrganisation(i, name, kind, abbreviation or "") for i, name, kind, abbreviation in organisations]
    # Gemeenten first, alphabetically; then the partners.
    columns.sort(key=lambda o: (not o.is_gemeente, o.short_name.casefold()))
    return LocalStatusMatrix(tuple(actions), tuple(columns), cells)


@dataclass(frozen=True)
class LocalStatusEdit:
    """What ``set_local_status`` saved, with the values before (``before_status`` None: there was no row)."""

    kind: str
    action_id: uuid.UUID
    organisation_id: uuid.UUID
    before_status: ActionStatus | None
    before_note: str
    changes: Changes


def set_local_status(
    session: Session,
    kind: str,
    action_id: uuid.UUID,
    organisation_id: uuid.UUID,
    status: ActionStatus | str | None,
    note: str | None = None,
) -> LocalStatusEdit:
    """Set (or with ``status=None`` clear) one organisation's status of one action; undo with the before-values.

    ``note`` None keeps the note as it is.
    """
    if kind not in (ITEM, PROGRAMME):
        raise ValidationError(f"Onbekende soort actie: {kind}.")
    model = ProgrammeAction if kind == PROGRAMME else ActionItem
    if session.get(model, action_id) is None:
        raise NotFoundError("De actie bestaat niet (meer).")
    if session.get(Organisation, organisation_id) is None:
        raise NotFoundError("De organisatie bestaat niet (meer).")
    if status is not None:
        try:
            status = ActionStatus(status)
        except ValueError as exc:
            raise ValidationError(f"Onbekende status: {status}.") from exc
    if note is not None:
        note = clean_text(note, label="De toelichting", max_length=5_000)
    subject = LocalStatus.programme_action_id if kind == PROGRAMME else LocalStatus.action_item_id
    row = session.scalar(
        select(LocalStatus).where(subject == action_id, LocalStatus.organisation_id == organisation_id)
    )
    before_status = row.status if row is not None else None
    before_note = row.note if row is not None else ""
    if status is None:
        if row is not None:
            session.delete(row)
    else:
        if row is None:
            row = LocalStatus(
                programme_action_id=action_id if kind == PROGRAMME else None,
                action_item_id=action_id if kind == ITEM else None,
                organisation_id=organisation_id,
                note="",
            )
            session.add(row)
        row.status = status
        if note is not None:
            row.note = note
    session.flush()
    return LocalStatusEdit(
        kind,
        action_id,
        organisation_id,
        before_status,
        before_note,
        Changes(actions=True, ids=frozenset({action_id})),
    )


def undo_local_status(session: Session, edit: LocalStatusEdit) -> LocalStatusEdit:
    """Put the cell back as it was before ``edit`` (returns the edit that did so, for redo)."""
    return set_local_status(
        session, edit.kind, edit.action_id, edit.organisation_id, edit.before_status, edit.before_note
    )
