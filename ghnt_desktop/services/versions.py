"""Concurrent editing without silent loss: refuse to save over a value someone else changed meanwhile.

Every record carries ``row_version`` (``models.base.Entity``; SQLAlchemy raises it on each update). An edit
service takes what the user saw: ``seen``, the values of the fields being changed as the screen showed them,
or ``version``, the record's version as it was read. When the record changed since, ``check_seen`` raises
``ConflictError`` carrying, per field, what the user saw, their own new value and the value now saved, with
who saved it and when (from the change history, when it has the field). Another user saving the very value
this user wants is no conflict. The UI then lets the user keep their own value (the same call inside
``overriding()``) or take the saved one (reload).

Covered (``seen=`` in the service): action items (``minutes.update_action_item``: text, trekker, deadline,
...; ``actions.set_action_status``: status), the minutes text of an agenda item (``minutes.set_minutes_text``),
decisions (``minutes.update_decision``) and programme actions (``programme.update_programme_action``).
"""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ChangeRecord
from . import ServiceError
from .history import as_text

_OVERRIDE: contextvars.ContextVar[bool] = contextvars.ContextVar("ghnt_override_conflicts", default=False)


@dataclass(frozen=True)
class FieldConflict:
    """One field two users changed: what this user saw, wants (mine) and what is saved now (theirs)."""

    field: str
    label: str
    seen: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Conflict:
    """A refused edit: the record, the fields in conflict, and who saved the other value when (if known)."""

    entity: str
    id: uuid.UUID
    record: str  # how the user knows it: "Actiepunt AO-2026-1-03"
    fields: tuple[FieldConflict, ...]
    who: str
    when: datetime | None
    version: int  # the version now saved: what to pass to overwrite it knowingly

    def message(self) -> str:
        """The Dutch message: both values per field and who changed it."""
        by = f" door {self.who}" if self.who else " door iemand anders"
        moment = self.when.astimezone() if self.when is not None and self.when.tzinfo else self.when
        at = f" op {moment:%d-%m-%Y om %H:%M}" if moment is not None else ""
        lines = [f"{self.record} is intussen gewijzigd{by}{at}. Uw wijziging is (nog) niet opgeslagen."]
        for field in self.fields:
            lines.append(f"{field.label}: opgeslagen is nu '{as_text(field.theirs) or '(leeg)'}', "
                         f"u wilde '{as_text(field.mine) or '(leeg)'}'.")
        lines.append("Kies of u uw eigen waarde bewaart (en de andere overschrijft) of de opgeslagen waarde overneemt.")
        return "\n".join(lines)


class ConflictError(ServiceError):
    """Saving would overwrite another user's newer change; ``conflict`` has both values."""

    def __init__(self, conflict: Conflict) -> None:
        super().__init__(conflict.message())
        self.conflict = conflict


@contextlib.contextmanager
def overriding() -> Iterator[None]:
    """Within this block edits save over newer values: the user chose "mijn versie bewaren"."""
    token = _OVERRIDE.set(True)
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


def _same(a: Any, b: Any) -> bool:
    return a == b or as_text(a) == as_text(b)


def check_seen(
    session: Session,
    record: Any,
    *,
    entity: str,
    label: str,
    mine: Mapping[str, Any],
    current: Mapping[str, Any],
    seen: Mapping[str, Any] | None = None,
    version: int | None = None,
    labels: Mapping[str, str] | None = None,
    changed_by: tuple[str, datetime | None] | None = None,
) -> None:
    """Raise ``ConflictError`` when a field in ``mine`` was changed by someone else since the user saw it.

    ``current`` holds the saved values of those fields (the caller reads them, as it knows the field's form);
    ``seen`` the values the user saw, ``version`` the version they read. Without either, nothing is checked
    (a command-line edit, undo). A field saved by someone else with the value the user wants is fine.
    ``changed_by`` is (who, when) for fields whose history is kept elsewhere than ``change_record`` (a status
    is a progress update with its author).
    """
    if _OVERRIDE.get() or (seen is None and version is None):
        return
    saved_version = int(record.row_version or 1)
    fields = []
    for key, value in mine.items():
        theirs = current.get(key)
        if _same(theirs, value):
            continue
        if seen is not None and key in seen:
            changed = not _same(seen[key], theirs)
        else:
            changed = version is not None and version != saved_version
        if changed:
            shown = seen.get(key) if seen is not None else None
            fields.append(FieldConflict(key, (labels or {}).get(key, key), shown, value, theirs))
    if not fields:
        return
    if changed_by is not None:
        raise ConflictError(Conflict(entity, record.id, label, tuple(fields), *changed_by, saved_version))
    latest = session.scalars(
        select(ChangeRecord)
        .where(ChangeRecord.entity == entity, ChangeRecord.entity_id == record.id)
        .where(ChangeRecord.field.in_([f.field for f in fields]))
        .order_by(ChangeRecord.changed_at.desc())
        .limit(1)
    ).first()
    who = latest.changed_by if latest is not None else ""
    when = latest.changed_at if latest is not None else getattr(record, "updated_at", None)
    raise ConflictError(Conflict(entity, record.id, label, tuple(fields), who, when, saved_version))
