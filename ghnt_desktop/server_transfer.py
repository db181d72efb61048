"""Moving a local SQLite database into a team database on PostgreSQL, losslessly.

Every table of the models is copied with its ids, in the order of their foreign keys (a table's references to
itself, such as a person's successor, are filled in after its rows). Values are copied as stored: enum columns
as their text (also a value this app does not know), dates and times as such. Before anything is written the
source is checked for what PostgreSQL would refuse (a text longer than its column allows, a NUL character, a
date that is not a date); after the copy, in the same transaction, every row of every table is read back from
both sides and compared. Only when all is equal is the transaction committed. The source file is never
written: an older file is migrated on a copy in a temporary folder.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .db import Database, DatabaseError, inspect_file, open_database, sqlite_copy


class TransferError(DatabaseError):
    """The import could not be done; nothing was written to the server (Dutch message)."""


@dataclass
class TransferResult:
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows copied (and found equal)


def plain_tables() -> list[Any]:
    """The model tables with the app's tolerant types replaced by the plain types underneath.

    The app's enum type loads an unknown value as a stand-in and its date types load a bad date as None: right
    for showing a page, wrong for copying. The plain types copy the stored value itself (and a bad date fails).
    Offline capture (``services.offline``) copies and merges with them too.
    """
    from sqlalchemy import MetaData, String, TypeDecorator

    from .models import Base
    from .models.types import TolerantEnum

    metadata = MetaData()
    tables = []
    for table in Base.metadata.sorted_tables:
        copy = table.to_metadata(metadata)
        for column in copy.columns:
            column.onupdate = None  # filling in a reference within the table keeps the stored updated_at
            if isinstance(column.type, TolerantEnum):
                column.type = String(32)
            elif isinstance(column.type, TypeDecorator):
                column.type = column.type.impl_instance
        tables.append(copy)
    return tables


@contextmanager
def _current_source(source: Path) -> Iterator[Database]:
    """The source opened read-only at the current schema; an older file is migrated on a temporary copy."""
    info = inspect_file(source)  # refuses a damaged file, another program's file or one of a newer app
    if info.pending:
        raise TransferError(
            f"In {source.name} staat nog een onafgemaakte schrijfactie. Open het bestand eerst één keer in de app "
            "(of 'ghnt-desktop check --herstel --db ...') en probeer het dan opnieuw."
        )
    if info.is_current:
        database = open_database(source, read_only=True, create=False)
        try:
            yield database
        finally:
            database.close()
        return
    folder = Path(tempfile.mkdtemp(prefix="ghnt-import-"))
    try:
        copy = folder / source.name
        sqlite_copy(source, copy)
        database = open_database(copy)  # migrates the copy (and leaves a backup of the copy beside it)
        try:
            yield database
        finally:
            database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _problems(connection: Any, tables: list[Any]) -> list[str]:
    """What PostgreSQL would refuse in the source: too long texts and NUL characters, per record."""
    from sqlalchemy import String, Text, func, or_, select

    found: list[str] = []
    for table in tables:
        for column in table.columns:
            if not isinstance(column.type, String | Text):
                continue
            conditions = [func.instr(column, "\x00") > 0]
            if isinstance(column.type, String) and column.type.length:
                conditions.append(func.length(column) > column.type.length)
            key = table.c.id if "id" in table.c else list(table.primary_key.columns)[0]
            for (record,) in connection.execute(select(key).where(or_(*conditions)).limit(5)):
                limit = f" (hoogstens {column.type.length} tekens)" if getattr(column.type, "length", None) else ""
                found.append(f"{table.name}.{column.name} van record {record}: te lang of een NUL-teken{limit}")
    return found


def _normalised(value: Any) -> Any:
    """A value as both engines give it back: a timestamp in UTC without zone (SQLite stores no zone)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _rows(connection: Any, table: Any) -> list[tuple[Any, ...]]:
    from sqlalchemy import select

    order = list(table.primary_key.columns)
    return [tuple(_normalised(v) for v in row) for row in connection.execute(select(table).order_by(*order))]


def transfer(
    source: Path, target: str, *, password: str | None = None, report: Callable[[str, int], None] | None = None
) -> TransferResult:
    """Copy every table of ``source`` (an SQLite file) into the empty team database at ``target``.

    Raises ``TransferError`` (nothing written to the server) or another ``DatabaseError``.
    """
    from sqlalchemy import func, select, update

    tables = plain_tables()
    server = open_database(target, password=password)  # creates the schema in an empty database
    try:
        with _current_source(Path(source)) as local, local.read_session() as reading:
            read = reading.connection()
            problems = _problems(read, tables)
            if problems:
                shown = "\n  - ".join(problems[:10])
                raise TransferError(
                    f"{len(problems)} waarde(n) in {Path(source).name} passen niet in de teamdatabase; pas ze in de "
                    f"app aan en probeer het opnieuw. Er is niets op de server gezet.\n  - {shown}"
                )
            result = TransferResult()
            with server.session() as writing:
                write = writing.connection()
                # The file's own change log is copied with ids kept; the copying itself is not a change.
                write.exec_driver_sql("SET LOCAL ghnt.change_log = 'off'")
                used = [t.name for t in tables if write.execute(select(func.count()).select_from(t)).scalar()]
                if used:
                    raise TransferError(
                        f"De teamdatabase {server.label} is niet leeg (er staan al gegevens in {', '.join(used)}). "
                        "Importeer alleen in een nieuwe, lege database; er is niets gewijzigd."
                    )
                for table in tables:
                    rows = [dict(row._mapping) for row in read.execute(select(table))]
                    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
                    later = [{name: row[name] for name in ("id", *own)} for row in rows if any(row[c] for c in own)]
                    if rows:
                        write.execute(table.insert(), [{**row, **dict.fromkeys(own)} for row in rows])
                    for row in later:  # references within the table, now that every row is there
                        write.execute(update(table).where(table.c.id == row["id"]).values(**{c: row[c] for c in own}))
                    result.counts[table.name] = len(rows)
                    if report is not None:
                        report(table.name, len(rows))
                writing.flush()
                # New entries continue after the copied ones (the ids are what offline copies count from).
                write.exec_driver_sql(
                    "SELECT setval(pg_get_serial_sequence('change_log', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                    "FROM change_log"
                )
                for table in tables:
                    if _rows(read, table) != _rows(write, table):
                        raise TransferError(
                            f"Na het kopiëren verschillen de gegevens van {table.name} tussen het bestand en de "
                            "teamdatabase; de import is teruggedraaid en er is niets gewijzigd."
                        )
    finally:
        server.close()
    return result
