"""The older per-field history (``ChangeRecord``), read for what was recorded before the change log existed.

History is the change log now (``services.change_log``: every change of every table, by the database's triggers,
with the reason the app gives through ``note_reason``); the app no longer writes a row here for a change. Two user
choices the app reads back as data still go here through ``record_change``, with the field name as their key: which
later overleg vastgesteld a verslag (``approved_in``, ``meeting_record.approval_of``) and whether a vertrouwelijk
decision's text went to the bestuurlijk overleg (``meetings.ESCALATION_TEXT_FIELD``). Values are text.
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


def record_change(
    session: Session,
    entity: str,
    entity_id: uuid.UUID,
    field: str,
    old_value: Any,
    new_value: Any,
    *,
    user: str = "",
    reason: str = "",
) -> uuid.UUID:
    """Write one ChangeRecord (``entity`` is the table name) and return its id; never commits. Only for the two
    choices read back as data (see the module's text): a change itself is in the change log."""
    record = ChangeRecord(
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=as_text(old_value),
        new_value=as_text(new_value),
        changed_by=user[:200],
        reason=reason,
    )
    session.add(record)
    session.flush()
    return record.id



def history_of(session: Session, entity: str, entity_id: uuid.UUID) -> list[ChangeRow]:
    """Every recorded change of one record, oldest first."""
    query = (
        select(ChangeRecord)
        .where(ChangeRecord.entity == entity, ChangeRecord.entity_id == entity_id)
        .order_by(ChangeRecord.changed_at, ChangeRecord.created_at)
    )
    return [
        ChangeRow(
            id=r.id,
            entity=r.entity,
            entity_id=r.entity_id,
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            changed_at=r.changed_at,
            changed_by=r.changed_by,
            reason=r.reason,
        )
        for r in session.scalars(query)
    ]
