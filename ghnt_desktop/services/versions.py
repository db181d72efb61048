"""Concurrent editing without silent loss: refuse to save over a value someone else changed meanwhile.

Every record carries ``row_version`` (``models.base.Entity``; SQLAlchemy raises it on each update). An edit
service takes what the user saw: ``seen``, the values of the fields being changed as the screen showed them,
or ``version``, the record's version as it was read. When the record changed since, ``check_seen`` raises
``ConflictError`` carrying, per field, what the user saw, their own new value and the value now saved, with
who saved it and when (from the change history, when it has the field). Another user saving the very value
this user wants is no conflict. The UI then lets the user keep their own value (the same call inside
``overriding()``) or take the saved one (reload).

One way for every edit service of one record: the ``@versioned(Model, label)`` decorator. It gives the service
the keywords ``seen`` (field -> value the user saw) and ``seen_version`` (the version read), reads the record's
saved values before the service runs and calls ``check_seen``; the ``Edit`` the service returns carries the
record's version after the write (``Edit.version``), so an undo or redo (``ui/undo.py``) passes what that step
left as ``seen`` and its version, and an undo over someone else's later change is refused the same way.
Decorated: agenda items, attendance, minutes text, decisions, action items, sections (actielijnen), ambities,
programme actions, people, organisations, working groups and their members, indicators, targets and figures,
saved reports. ``actions.set_action_status`` (a status is a progress update with its author) calls
``check_seen`` itself.

Who saved the other value and when comes from the change log (``services.change_log``), the one audit source.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import inspect
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from . import UNSET_VALUE, ServiceError
from .history import as_text

R = TypeVar("R")

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
    """Equal as saved: an enum and its value, a date and its ISO text, a text and the same text trimmed or with other
    line ends or spacing, an empty text and none, a list and a tuple of the same items (the forms pass lists, the
    services keep tuples). Loose on white space on purpose: a false conflict would interrupt the user over nothing."""
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if a == b:
        return True
    left, right = as_text(a) or "", as_text(b) or ""  # an empty text and none are the same on screen
    return " ".join(left.split()) == " ".join(right.split())  # as saved: trimmed, line ends of any system


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
    columns: Mapping[str, str] | None = None,
) -> None:
    """Raise ``ConflictError`` when a field in ``mine`` was changed by someone else since the user saw it.

    ``current`` holds the saved values of those fields (the caller reads them, as it knows the field's form);
    ``seen`` the values the user saw, ``version`` the version they read. Without either, nothing is checked
    (a command-line edit). A field saved by someone else with the value the user wants is fine.
    ``changed_by`` is (who, when) for fields whose history is kept elsewhere than the change log (a status
    is a progress update with its author); ``columns`` maps a field to its column in the change log.
    A ``version`` equal to the saved one means nobody wrote the record since: no conflict whatever ``seen`` says.
    """
    if _OVERRIDE.get() or (seen is None and version is None):
        return
    saved_version = int(record.row_version or 1)
    if version is not None and version == saved_version:
        return
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
    who, when = last_changed_by(session, record, [columns.get(f.field, f.field) for f in fields] if columns else
                                [f.field for f in fields])
    raise ConflictError(Conflict(entity, record.id, label, tuple(fields), who, when, saved_version))


def last_changed_by(session: Session, record: Any, fields: list[str]) -> tuple[str, datetime | None]:
    """Who last wrote one of ``fields`` of ``record`` and when, from the change log (any write of the record when
    none of them is a column; its ``updated_at`` when the log has nothing, as in a database older than the log)."""
    from .change_log import record_log

    entries = list(reversed(record_log(session, record.__tablename__, record.id)))
    latest = next((e for e in entries if set(fields) & set(e.new_values)), entries[0] if entries else None)
    if latest is None:
        return "", getattr(record, "updated_at", None)
    return latest.changed_by, latest.changed_at


# Arguments of an edit service that are not fields of the record: who does it, the reference day.
_NOT_FIELDS = frozenset({"user", "author", "today", "reason"})


def versioned(
    model: type[Any],
    label: Callable[[Any], str],
    *,
    labels: Mapping[str, str] | None = None,
    current: Callable[[Any, str], Any] | None = None,
    columns: Mapping[str, str] | None = None,
    find: Callable[[Session, Mapping[str, Any]], Any] | None = None,
    keys: tuple[str, ...] = (),
) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Make an edit service of one record refuse to save over a newer value (the one mechanism for every kind).

    The service keeps its signature and gains ``seen`` and ``seen_version`` (see ``check_seen``). ``label`` names
    the record as the user knows it ("Agendapunt 3 Opening"); ``labels`` the fields in Dutch; ``current(record,
    field)`` reads a field in the service's own form (default: the attribute); ``columns`` maps a field to the
    column the change log names (``text`` of the minutes is ``minutes_text``). The record is the one whose id is
    the service's second argument, or ``find(session, arguments)`` with ``keys`` the arguments that identify it
    (a figure: indicator, period, gemeente), which are then no fields. The ``Edit`` returned carries the record's
    version after the write.
    """

    def decorate(service: Callable[..., R]) -> Callable[..., R]:
        signature = inspect.signature(service)
        parameters = list(signature.parameters.values())
        id_name = parameters[1].name
        identifying = set(keys) or {id_name}

        @functools.wraps(service)
        def run(
            session: Session,
            *args: Any,
            seen: Mapping[str, Any] | None = None,
            seen_version: int | None = None,
            **kwargs: Any,
        ) -> R:
            if seen is not None and not isinstance(seen, Mapping):
                # A bare value (the text the screen showed) would compare no field and check nothing: refuse it
                # loudly instead of saving over a newer value unchecked.
                raise TypeError(f"seen must map field names to shown values, not {type(seen).__name__}")
            arguments = signature.bind(session, *args, **kwargs).arguments
            record = find(session, arguments) if find is not None else session.get(model, arguments[id_name])
            if record is not None and (seen is not None or seen_version is not None):
                mine: dict[str, Any] = {}
                for name, value in arguments.items():
                    if name == "session" or name in identifying or name in _NOT_FIELDS:
                        continue
                    if signature.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
                        mine.update(
                            {k: v for k, v in value.items() if v is not UNSET_VALUE and k not in _NOT_FIELDS}
                        )
                    elif value is not UNSET_VALUE:
                        mine[name] = value
                read = current or _attribute
                check_seen(
                    session, record, entity=model.__tablename__, label=label(record), mine=mine,
                    current={key: read(record, key) for key in mine}, seen=seen, version=seen_version,
                    labels={**FIELD_LABELS, **(labels or {})}, columns=columns,
                )  # fmt: skip
            result = service(session, *args, **kwargs)
            if record is not None and dataclasses.is_dataclass(result) and hasattr(result, "version"):
                session.flush()
                if getattr(result, "id", None) == record.id:
                    result = dataclasses.replace(result, version=record.row_version)  # type: ignore[type-var]
            return result

        run.versioned = True  # type: ignore[attr-defined]  # ``ui/undo.py`` passes ``seen`` only to these
        return run

    return decorate


def _attribute(record: Any, field: str) -> Any:
    value = getattr(record, field, None)
    return list(value) if isinstance(value, list) else value


def is_versioned(service: Any) -> bool:
    return bool(getattr(service, "versioned", False))


# Dutch names of the fields many records share; a service adds its own through ``versioned(labels=...)``.
FIELD_LABELS: Mapping[str, str] = {
    "title": "Titel", "name": "Naam", "text": "Tekst", "code": "Code", "description": "Omschrijving",
    "notes": "Notities", "status": "Status", "kind": "Soort", "confidential": "Vertrouwelijk",
    "purpose": "Doel", "inbrenger": "Inbrenger", "inbrenger_person_id": "Inbrenger",
    "planned_minutes": "Geplande tijd", "documents": "Stukken", "substitute_id": "Vervanger",
    "substitute_name": "Vervanger", "email": "E-mail", "phone": "Telefoon", "function": "Functie",
    "organisation_id": "Organisatie", "abbreviation": "Afkorting", "archived": "Gearchiveerd",
    "deadline": "Deadline", "deadline_text": "Planning", "value": "Waarde", "note": "Toelichting",
    "unit": "Eenheid", "definition": "Definitie", "source": "Bron", "texts": "Teksten",
    "sub_points": "Subpunten", "paragraph": "Paragraaf", "reference": "Verwijzing", "role": "Rol",
    "start": "Begin", "end": "Einde", "chair_person_id": "Voorzitter", "provisional": "Voorlopig",
    "unknown": "Onbekend", "received_on": "Ontvangen op",
}  # fmt: skip


def seen_in(shown: Any, fields: Mapping[str, Any] | Any) -> dict[str, Any]:
    """The values of ``fields`` (names, or the keys of the values to save) as ``shown`` (a detail dataclass or row
    the screen was filled from) has them: the ``seen`` of an edit. A field the detail does not carry is left out
    (it is then not compared, rather than compared with a value in another form)."""
    names = list(fields)
    return {name: getattr(shown, name) for name in names if hasattr(shown, name)}
