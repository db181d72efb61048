"""The older per-field history (``ChangeRecord``), read for what was recorded before the change log existed.

History is the change log now (``services.change_log``: every change of every table, by the database's triggers,
with the reason the app gives through ``note_reason``); the app writes nothing here any more. Until revision 0016
two user choices were kept only here and read back as data; they are columns of their records now (moved there by
that migration, logged like every other change since): which later overleg vastgesteld a verslag (``approved_in``
records, now ``meeting.approved_in_meeting_id``) and whether a vertrouwelijk decision's text went to the
bestuurlijk overleg (``escalation_text`` records, "tekst opgenomen"/"neutrale titel", now
``decision.escalation_text_included``). ``history_of`` gives those older records under the column's name and
value, so the history shows them like the log's changes, with who chose and when. Values are text.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ChangeRecord


@dataclass(frozen=True)
class ChangeRow:
    """One recorded field change."""

    id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by: str
    reason: str


def as_text(value: Any) -> str | None:
    """A field value as history stores it: enums by value, dates in ISO form, None stays None."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


# The older records of the two choices: (table, field) -> the column that holds the choice now, and how a
# recorded value reads as that column's value (``as_text`` of it).
_CHOICES: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("meeting", "approved_in"): ("approved_in_meeting_id", {}),
    ("decision", "escalation_text"): (
        "escalation_text_included",
        {"tekst opgenomen": "True", "neutrale titel": "False"},
    ),
}
# The columns those choices are in now: a record of one of them is never also in the change log.
CHOICE_COLUMNS = frozenset(column for column, _values in _CHOICES.values())


def history_of(session: Session, entity: str, entity_id: uuid.UUID) -> list[ChangeRow]:
    """Every recorded change of one record, oldest first (a choice's record under its column's name and value)."""
    query = (
        select(ChangeRecord)
        .where(ChangeRecord.entity == entity, ChangeRecord.entity_id == entity_id)
        .order_by(ChangeRecord.changed_at, ChangeRecord.created_at)
    )
    rows = []
    for r in session.scalars(query):
        field, old, new = r.field, r.old_value, r.new_value
        choice = _CHOICES.get((r.entity, r.field))
        if choice is not None:
            field, values = choice
            old, new = (values.get(value, value) if value else None for value in (old, new))
        rows.append(
            ChangeRow(
                id=r.id,
                entity=r.entity,
                entity_id=r.entity_id,
                field=field,
                old_value=old,
                new_value=new,
                changed_at=r.changed_at,
                changed_by=r.changed_by,
                reason=r.reason,
            )
        )
    return rows
