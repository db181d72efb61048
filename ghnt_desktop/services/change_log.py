"""The change log: every insert, update and delete of the app's tables, written by the database itself.

Triggers, not the app's session events, write it: they also catch a write by another program on the server
(psql, a report tool, a partner's script), and a bulk ``UPDATE`` of the app that never passes the ORM. One row per
changed record: the table, the record's key, only the fields that changed (old and new, JSON), who (PostgreSQL's
``session_user``; on SQLite the name the app put in ``change_context``), when, the transaction (``batch``) and, when
the app gave one, why (``note_reason``: reopening a vastgesteld verslag, merging organisations).

It is the one audit source: the per-record history (``ui/meeting/data.py``'s ``load_history_lines``) and the
conflict message's "changed by" (``services.versions``) read it. The older ``change_record`` rows (written by the
app itself before this log existed) are only read, for history from before it; they are not copied into the log,
whose ids must stay in commit order for ``changes_after``.

``id`` only grows, in commit order per writer, so offline capture (issue 21) asks ``changes_after(session, n)`` for
what changed since the copy was taken and replays it in ``id`` order; ``last_change_id`` is where a copy starts.
Values are given back the same way from both engines (``normal_value``): UUIDs with dashes, booleans as booleans,
JSON columns as JSON, dates and times as ISO text.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Uuid, inspect, select
from sqlalchemy import JSON as SqlJson
from sqlalchemy import Boolean as SqlBoolean
from sqlalchemy import func
from sqlalchemy.orm import Session

from ..engines import engine_of
from ..models import Base, ChangeLog

# Tables that are not logged: the log itself, SQLite's writer context, and the older per-field history.
# The offline capture's own bookkeeping (``models.offline``) is not the team's data either.
NOT_LOGGED = frozenset(
    {
        "change_log", "change_context", "change_record", "alembic_version",
        "offline_copy", "offline_base", "offline_return", "offline_conflict",
    }
)  # fmt: skip
# Columns left out of every entry: ``updated_at`` changes with every edit (it says nothing the entry's own time does
# not), a stored stuk's bytes are too big for a log (its ``sha256`` is logged and tells a change).
SKIPPED_COLUMNS = frozenset({"updated_at", "content", "row_version"})  # row_version: bumped by every edit
PREFIX = "change_log_"


@dataclass(frozen=True)
class LoggedChange:
    """One logged change of one record."""

    id: int
    table: str
    record_id: str  # a UUID with dashes; for a table with a composite key its parts joined by "/"
    operation: str  # "I", "U" or "D"
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    changed_by: str
    changed_at: datetime
    batch: str | None
    reason: str | None = None


def logged_tables(connection: Connection) -> list[str]:
    """The app's own tables that exist in this database (not the search index's, not the log's)."""
    present = set(inspect(connection).get_table_names())
    return sorted(name for name in Base.metadata.tables if name in present and name not in NOT_LOGGED)


def install_change_log(connection: Connection) -> None:
    """(Re)create the triggers on every table of the database; safe to run again (a later migration adding a table
    runs it after creating the table)."""
    if engine_of(connection).name == "postgresql":
        _install_postgres(connection)
    else:
        _install_sqlite(connection)


def uninstall_change_log(connection: Connection) -> None:
    if engine_of(connection).name == "postgresql":
        for table in logged_tables(connection):
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {PREFIX}{table} ON "{table}"')
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS ghnt_change_log()")
        return
    names = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_log_%'"
    ).scalars()
    for name in list(names):
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def _columns(connection: Connection, table: str) -> tuple[list[str], list[tuple[str, bool]]]:
    """(logged columns, key columns with whether each is a UUID)."""
    inspector = inspect(connection)
    columns = inspector.get_columns(table)
    key = inspector.get_pk_constraint(table)["constrained_columns"]
    uuids = {c["name"] for c in columns if "CHAR(32)" in str(c["type"]).upper() or "UUID" in str(c["type"]).upper()}
    logged = [c["name"] for c in columns if c["name"] not in SKIPPED_COLUMNS]
    return logged, [(name, name in uuids) for name in key]


def _sqlite_key(row: str, key: list[tuple[str, bool]]) -> str:
    parts = []
    for name, is_uuid in key:
        value = f'{row}."{name}"'
        if is_uuid:  # 32 hex digits as SQLite stores a Uuid -> the dashed form PostgreSQL gives
            value = (
                f"lower(substr({value},1,8)||'-'||substr({value},9,4)||'-'||substr({value},13,4)||'-'||"
                f"substr({value},17,4)||'-'||substr({value},21,12))"
            )
        parts.append(f"CAST({value} AS TEXT)")
    return " || '/' || ".join(parts)


_SQLITE_WHO = "COALESCE((SELECT value FROM change_context WHERE key = 'user'), '')"
_SQLITE_BATCH = "(SELECT value FROM change_context WHERE key = 'batch')"
_SQLITE_REASON = "(SELECT value FROM change_context WHERE key = 'reason')"
# Six digits of microseconds, as SQLAlchemy stores a DateTime on SQLite.
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


def _has_reason(connection: Connection) -> bool:
    """Whether the log has its ``reason`` column (from migration 0014 on; earlier migrations install the triggers
    too, on a log without it)."""
    return any(c["name"] == "reason" for c in inspect(connection).get_columns("change_log"))


def _install_sqlite(connection: Connection) -> None:
    uninstall_change_log(connection)
    reason = _has_reason(connection)
    insert = (
        "INSERT INTO change_log (table_name, record_id, operation, old_values, new_values, changed_by, changed_at, "
        f"batch{', reason' if reason else ''})"
    )
    batch = _SQLITE_BATCH + (f", {_SQLITE_REASON}" if reason else "")
    for table in logged_tables(connection):
        columns, key = _columns(connection, table)

        def values(row: str, columns: list[str] = columns) -> str:
            return "json_object(" + ", ".join(f"'{c}', {row}.\"{c}\"" for c in columns) + ")"

        connection.exec_driver_sql(
            f'CREATE TRIGGER {PREFIX}{table}_insert AFTER INSERT ON "{table}" BEGIN {insert} VALUES '
            f"('{table}', {_sqlite_key('NEW', key)}, 'I', NULL, {values('NEW')}, {_SQLITE_WHO}, {_SQLITE_NOW}, "
            f"{batch}); END"
        )
        connection.exec_driver_sql(
            f'CREATE TRIGGER {PREFIX}{table}_delete AFTER DELETE ON "{table}" BEGIN {insert} VALUES '
            f"('{table}', {_sqlite_key('OLD', key)}, 'D', {values('OLD')}, NULL, {_SQLITE_WHO}, {_SQLITE_NOW}, "
            f"{batch}); END"
        )
        changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
        pairs = " UNION ALL ".join(
            f"SELECT '{c}' AS k, OLD.\"{c}\" AS o, NEW.\"{c}\" AS n WHERE OLD.\"{c}\" IS NOT NEW.\"{c}\"" for c in columns
        )
        connection.exec_driver_sql(
            f'CREATE TRIGGER {PREFIX}{table}_update AFTER UPDATE ON "{table}" WHEN {changed} BEGIN {insert} '
            f"SELECT '{table}', {_sqlite_key('NEW', key)}, 'U', json_group_object(k, o), json_group_object(k, n), "
            f"{_SQLITE_WHO}, {_SQLITE_NOW}, {batch} FROM ({pairs}); END"
        )


# One function for every table: the key columns and the skipped columns come as the trigger's arguments.
# SECURITY DEFINER: a partner's login may write a progress update, never the log itself (see ``server_roles``);
# ``session_user`` is the login (``current_user`` would be the function's owner). ``ghnt.change_log = off`` (set
# locally by ``server import``, which copies the log itself) leaves a write unlogged.
_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION ghnt_change_log() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    skipped text[] := string_to_array(TG_ARGV[1], ',');
    whole jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - skipped END;
    n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - skipped END;
    changed_o jsonb;
    changed_n jsonb;
    rid text;
BEGIN
    IF current_setting('ghnt.change_log', true) = 'off' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(e.key, o -> e.key), jsonb_object_agg(e.key, e.value) INTO changed_o, changed_n
        FROM jsonb_each(n) AS e WHERE (o -> e.key) IS DISTINCT FROM e.value;
        IF changed_n IS NULL THEN
            RETURN NULL;
        END IF;
        o := changed_o;
        n := changed_n;
    END IF;
    SELECT string_agg(whole ->> k.name, '/' ORDER BY k.position) INTO rid
    FROM unnest(string_to_array(TG_ARGV[0], ',')) WITH ORDINALITY AS k(name, position);
    INSERT INTO change_log (table_name, record_id, operation, old_values, new_values, changed_by, changed_at, batch)
    VALUES (TG_TABLE_NAME, rid, left(TG_OP, 1), o::json, n::json, session_user, now(), txid_current()::text);
    RETURN NULL;
END
$$
"""
# With the ``reason`` column: the reason the app set for the rest of its transaction (``note_reason``).
_POSTGRES_REASON = (
    "batch)\n    VALUES (TG_TABLE_NAME, rid, left(TG_OP, 1), o::json, n::json, session_user, now(), txid_current()::text);",
    "batch, reason)\n    VALUES (TG_TABLE_NAME, rid, left(TG_OP, 1), o::json, n::json, session_user, now(), "
    "txid_current()::text, NULLIF(current_setting('ghnt.reason', true), ''));",
)


def _install_postgres(connection: Connection) -> None:
    function = _POSTGRES_FUNCTION
    if _has_reason(connection):
        old, new = _POSTGRES_REASON
        assert old in function
        function = function.replace(old, new)
    connection.exec_driver_sql(function)
    skipped = ",".join(sorted(SKIPPED_COLUMNS))
    for table in logged_tables(connection):
        _columns_, key = _columns(connection, table)
        keys = ",".join(name for name, _ in key)
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {PREFIX}{table} ON "{table}"')
        connection.exec_driver_sql(
            f'CREATE TRIGGER {PREFIX}{table} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION ghnt_change_log('{keys}', '{skipped}')"
        )


def normal_value(table: str, column: str, value: Any) -> Any:
    """A logged value as both engines give it: SQLite logs a UUID as 32 hex digits, a boolean as 0/1 and a JSON
    column as its text; PostgreSQL as a dashed UUID, true/false and JSON."""
    model = Base.metadata.tables.get(table)
    kind = model.c[column].type if model is not None and column in model.c else None
    if value is None or kind is None:
        return value
    if isinstance(kind, Uuid) and isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return value
    if isinstance(kind, SqlBoolean) and isinstance(value, int):
        return bool(value)
    if isinstance(kind, SqlJson) and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, str) and len(value) >= 19 and value[10:11] in (" ", "T") and value[4:5] == "-":
        return value.replace(" ", "T", 1)  # timestamps: SQLite's space, PostgreSQL's T
    return value


def normal_values(table: str, values: Mapping[str, Any] | str | None) -> dict[str, Any]:
    """The old or new values of a logged change, as ``normal_value`` gives each."""
    return _normal(table, values)


def _normal(table: str, values: Mapping[str, Any] | str | None) -> dict[str, Any]:
    if values is None:
        return {}
    if isinstance(values, str):  # a driver that hands JSON back as text
        values = json.loads(values)
    assert isinstance(values, Mapping)
    return {name: normal_value(table, name, value) for name, value in values.items()}


def _row(entry: ChangeLog) -> LoggedChange:
    return LoggedChange(
        id=entry.id,
        table=entry.table_name,
        record_id=entry.record_id,
        operation=entry.operation,
        old_values=_normal(entry.table_name, entry.old_values),
        new_values=_normal(entry.table_name, entry.new_values),
        changed_by=entry.changed_by,
        changed_at=entry.changed_at,
        batch=entry.batch,
        reason=entry.reason,
    )


def note_reason(session: Session, reason: str) -> None:
    """Log ``reason`` with every change this transaction writes from now on (until ``note_reason(session, "")``):
    why a vastgesteld verslag was reopened, which organisations were merged. Call it before the change is flushed."""
    session.flush()  # changes made before this call keep their own (no) reason
    connection = session.connection()
    if engine_of(connection).name == "postgresql":
        connection.exec_driver_sql("SELECT set_config('ghnt.reason', %(reason)s, true)", {"reason": reason})
    elif reason:
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO change_context (key, value) VALUES ('reason', ?)", (reason,)
        )
    else:
        connection.exec_driver_sql("DELETE FROM change_context WHERE key = 'reason'")


def last_change_id(session: Session) -> int:
    """The id of the newest entry (0 for none): a copy taken now asks ``changes_after`` this id later."""
    return int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


def changes_after(
    session: Session, after_id: int, *, tables: Sequence[str] | None = None, limit: int | None = None
) -> list[LoggedChange]:
    """Every logged change with an id above ``after_id``, oldest first (the order to replay them in)."""
    query = select(ChangeLog).where(ChangeLog.id > after_id).order_by(ChangeLog.id)
    if tables is not None:
        query = query.where(ChangeLog.table_name.in_(list(tables)))
    if limit is not None:
        query = query.limit(limit)
    return [_row(entry) for entry in session.scalars(query)]


def record_log(session: Session, table: str, record_id: uuid.UUID | str) -> list[LoggedChange]:
    """Every logged change of one record, oldest first (the history dialog)."""
    key = str(record_id)
    query = (
        select(ChangeLog)
        .where(ChangeLog.table_name == table, ChangeLog.record_id == key)
        .order_by(ChangeLog.id)
    )
    return [_row(entry) for entry in session.scalars(query)]


def field_changes(change: LoggedChange) -> list[tuple[str, Any, Any]]:
    """(field, old, new) per field of one change, ``id``/``created_at`` left out: what the history shows."""
    names = list(change.new_values or change.old_values)
    return [
        (name, change.old_values.get(name), change.new_values.get(name))
        for name in names
        if name not in ("id", "created_at")
    ]


@dataclass(frozen=True)
class FieldChange:
    """One field of one record changed, as the history shows it (values as ``normal_value`` gives them)."""

    field: str
    old: Any
    new: Any
    changed_by: str
    changed_at: datetime
    reason: str


def field_history(session: Session, table: str, record_id: uuid.UUID | str) -> list[FieldChange]:
    """Every field change of one record, oldest first (its creation and deletion are ``record_log``'s)."""
    return [
        FieldChange(field, old, new, change.changed_by, change.changed_at, change.reason or "")
        for change in record_log(session, table, record_id)
        if change.operation == "U"
        for field, old, new in field_changes(change)
    ]
