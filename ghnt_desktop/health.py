"""Health of a database's contents beyond SQLite's own integrity check, for ``ghnt-desktop check``.

``bad_values`` finds stored values the app cannot read as what their column holds (a status it does not
know, a date that is not a date, an id that is not a UUID): the models load such values as a stand-in
(see ``models.types``) so the app keeps working, and check names the record. ``search_index_problem``
runs FTS5's own integrity check of the search index on an in-memory copy (the check is a write command,
and the database is only read); ``rebuild_search_index`` rebuilds the index from the records.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Column, String, Uuid

from .db import DatabaseError
from .models import Base
from .models.types import Date, DateTime, DecimalText, TolerantEnum

TABLE_LABELS = {
    "meeting": "overleg",
    "meeting_series": "overlegreeks",
    "agenda_item": "agendapunt",
    "attendance": "aanwezigheid",
    "decision": "besluit",
    "action_item": "actiepunt",
    "progress_update": "voortgangsmelding",
    "local_status": "lokale status",
    "organisation": "organisatie",
    "person": "persoon",
    "working_group": "werkgroep",
    "working_group_member": "werkgroeplid",
    "programme": "programma",
    "section": "sectie",
    "ambition": "ambitie",
    "programme_action": "programma-actie",
    "responsibility": "verantwoordelijkheid",
    "progress_report": "voortgangsrapportage",
    "change_record": "wijziging",
    "series_invitee": "genodigde",
    "app_setting": "instelling",
    "indicator": "indicator",
    "indicator_target": "streefwaarde",
    "measurement": "cijfer",
}
# Columns that say which record it is, first found wins.
_NAMING_COLUMNS = ("number", "code", "title", "name", "text")
_DATE_CHECK = "date"  # markers: checked in Python
_TEXT_CHECK = "text"
MAX_PER_COLUMN = 100


@dataclass(frozen=True)
class BadValue:
    """One stored value the app cannot read: where it is and what the app shows instead."""

    table: str
    record: str  # the record's number, title or name (or its id)
    column: str
    value: str
    shown_as: str

    def text(self) -> str:
        label = TABLE_LABELS.get(self.table, self.table)
        return f"{label} '{self.record}': {self.column} = {self.value!r} ({self.shown_as})"


def _condition(column: Column[Any]) -> tuple[str, str] | None:
    """SQL condition that is true for an unreadable value of ``column``, and what the app shows instead."""
    name = f'"{column.name}"'
    kind = column.type
    if isinstance(kind, TolerantEnum):
        values = ", ".join("'" + member.value.replace("'", "''") + "'" for member in kind.enum_cls)
        return f"{name} NOT IN ({values})", f"getoond als '{kind.fallback.label}'"
    if isinstance(kind, Date):  # SQLite's date() accepts 2024-02-30: the values are checked in Python
        shown = "getoond als onbekende datum" if kind.fallback is None else f"getoond als {kind.fallback:%d-%m-%Y}"
        return _DATE_CHECK, f"geen datum; {shown}"
    if isinstance(kind, DecimalText):  # digits with at most one point and a leading minus, as the app writes them
        return (
            f"(typeof({name}) != 'text' OR {name} = '' OR {name} GLOB '*[^0-9.-]*' OR {name} GLOB '*.*.*' "
            f"OR {name} GLOB '?*-*' OR {name} GLOB '*.' OR {name} GLOB '-' OR {name} GLOB '.*')",
            "geen getal; getoond als leeg",
        )
    if isinstance(kind, DateTime):
        return f"(typeof({name}) != 'text' OR datetime({name}) IS NULL)", "geen tijdstip; getoond als onbekend"
    if isinstance(kind, String):  # Text too: bytes that are not UTF-8 (a damaged page, another program)
        return _TEXT_CHECK, "onleesbare tekens; getoond als \ufffd"
    if isinstance(kind, Uuid):
        return (
            f"(typeof({name}) != 'text' OR length({name}) != 32 OR lower({name}) GLOB '*[^0-9a-f]*')",
            "geen geldige sleutel; de app kan dit record niet lezen: zet een reservekopie terug",
        )
    return None


def bad_values(connection: sqlite3.Connection) -> list[BadValue]:
    """Every unreadable stored value in the app's tables (at most ``MAX_PER_COLUMN`` per column)."""
    existing = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    found: list[BadValue] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        naming = next((c for c in _NAMING_COLUMNS if c in present), "id" if "id" in present else "rowid")
        for column in table.columns:
            condition = _condition(column) if column.name in present else None
            if condition is None:
                continue
            where, shown = condition
            parameters: list[object] = []
            if where is _TEXT_CHECK:
                rowids = _rows_not_utf8(connection, table.name, column.name)
                if not rowids:
                    continue
                where = f"rowid IN ({', '.join(str(r) for r in rowids)})"
            elif where is _DATE_CHECK:
                values = connection.execute(f'SELECT DISTINCT "{column.name}" FROM "{table.name}"').fetchall()
                parameters = [v for (v,) in values if v is not None and not _is_iso_date(v)][:MAX_PER_COLUMN]
                if not parameters:
                    continue
                where = f'"{column.name}" IN ({", ".join("?" * len(parameters))})'
            rows = connection.execute(
                f'SELECT "{naming}", "{column.name}" FROM "{table.name}" '
                f'WHERE "{column.name}" IS NOT NULL AND {where} LIMIT {MAX_PER_COLUMN}',
                parameters,
            ).fetchall()
            for record, value in rows:
                found.append(BadValue(table.name, _short(record), column.name, _short(value), shown))
    return found


def _rows_not_utf8(connection: sqlite3.Connection, table: str, column: str) -> list[int]:
    """Rowids (at most ``MAX_PER_COLUMN``) whose text in ``column`` is not valid UTF-8."""
    previous = connection.text_factory
    connection.text_factory = bytes
    try:
        bad = []
        query = f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
        for rowid, raw in connection.execute(query):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                bad.append(rowid)
                if len(bad) == MAX_PER_COLUMN:
                    break
        return bad
    finally:
        connection.text_factory = previous


def _is_iso_date(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _short(value: object, limit: int = 60) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def search_index_problem(connection: sqlite3.Connection) -> str | None:
    """What is wrong with the search index (FTS5 integrity-check on an in-memory copy), or None."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "search_index" not in tables:
        return "de zoekindex ontbreekt"
    memory = sqlite3.connect(":memory:")
    try:
        connection.backup(memory)
        # A database of an older version has only search_index (its migration builds the rest).
        present = [table for table in INDEX_TABLES if table in tables]
        for table in present:
            memory.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        expected = _expected_index_rows(memory, older="search_forms" not in tables)
        indexed = memory.execute("SELECT COUNT(*) FROM search_index").fetchone()[0]
        forms = expected
        if "search_forms" in tables:
            # Word forms of records written by another program are added at the app's next write.
            formed = "SELECT (SELECT COUNT(*) FROM search_forms) + (SELECT COUNT(*) FROM search_pending)"
            forms = memory.execute(formed).fetchone()[0]
    except sqlite3.Error as exc:
        return str(exc)
    except MemoryError:
        # SQLITE_NOMEM: a damaged structure record of the index claims more segments than SQLite will allocate
        # room for (see services/search.py); the records are not involved.
        return "de opbouw van de index is onleesbaar (vraagt meer geheugen dan mogelijk)"
    finally:
        memory.close()
    if indexed != expected:
        return f"{indexed} teksten in de index, {expected} in de gegevens"
    if forms < expected:
        return f"{forms} teksten met woordvormen in de index, {expected} in de gegevens"
    return None


def _expected_index_rows(connection: sqlite3.Connection, *, older: bool = False) -> int:
    from .services.search import SOURCES

    # Before 0007 the index held the first five kinds (minutes to programme actions), not the programme's
    # ambities and the network.
    tables = [table for code, table, _l, _e in SOURCES if not older or code <= 5]
    return sum(connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables)


SHADOW_TABLES = ("data", "idx", "content", "docsize", "config")  # FTS5's own tables behind each index table
INDEX_TABLES = ("search_index", "search_parts", "search_forms")  # services.search_sqlite.TABLES (no SQLAlchemy here)


def rebuild_search_index(path: Path) -> None:
    """Drop and rebuild the search index and its triggers from the records, holding the app's lock.

    An index whose own structure is damaged cannot even be dropped (SQLite must open it first): its
    shadow tables are dropped and its schema entry removed, then it is made anew.
    """
    from sqlalchemy.exc import DBAPIError

    from .db import file_uri, make_engine, storage_problem
    from .filelock import acquire
    from .services.search import SOURCES, install_index, uninstall_index

    with acquire(path):  # refused while the app has the database open
        engine = make_engine(path)
        try:
            try:
                with engine.begin() as connection:
                    uninstall_index(connection)
            except (DBAPIError, MemoryError):  # MemoryError: SQLITE_NOMEM from a damaged structure record
                engine.dispose()
                raw = sqlite3.connect(file_uri(path), uri=True, isolation_level=None, timeout=5)
                try:
                    raw.execute("BEGIN IMMEDIATE")
                    for _code, table, _label, _expression in SOURCES:
                        for event in ("insert", "update", "delete"):
                            raw.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
                    for index_table in INDEX_TABLES:
                        for shadow in SHADOW_TABLES:
                            raw.execute(f"DROP TABLE IF EXISTS {index_table}_{shadow}")
                    raw.execute("DROP TABLE IF EXISTS search_pending")
                    raw.execute("PRAGMA writable_schema=ON")
                    for index_table in INDEX_TABLES:
                        raw.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = ?", (index_table,))
                    raw.execute("PRAGMA writable_schema=OFF")
                    raw.execute("COMMIT")
                finally:
                    raw.close()
            with engine.begin() as connection:
                install_index(connection)
        except Exception as exc:
            problem = storage_problem(path, getattr(exc, "orig", None) or exc, doing="Het opbouwen van de zoekindex in")
            if problem is None:
                raise DatabaseError(
                    f"De zoekindex van {path.name} kon niet opnieuw worden opgebouwd ({exc}). De gegevens zelf zijn "
                    "niet gewijzigd; zet een reservekopie terug als Zoeken nodig is."
                ) from exc
            raise problem from exc
        finally:
            engine.dispose()
