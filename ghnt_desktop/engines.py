"""The one seam between the app and its two database engines: a local SQLite file or a PostgreSQL server.

Everything engine-specific that is not plain SQL lives behind ``SqliteEngine`` and ``PostgresEngine``: how a
connection is made and tuned (pragmas and WAL on SQLite, time-outs on PostgreSQL), how a write session
starts (``BEGIN IMMEDIATE`` on SQLite; on PostgreSQL a transaction-scoped advisory lock that gives the same
one-writer-at-a-time guarantee), whether the file-only checks apply (integrity_check, backups, lock files,
the file being replaced), and the few SQL spellings that differ. ``engine_for(target)`` chooses one from what
the user gave (a path or a ``postgresql://`` URL); ``engine_of(bind)`` from an open connection. The search
index has its own module per engine (``services.search_sqlite`` / ``services.search_postgres``), chosen by
``services.search`` through ``engine_of(bind).name``.

No module here imports SQLAlchemy's ORM or psycopg at import time: the start path stays light.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qsl, quote, unquote, urlsplit

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Connection, Engine, Select, SQLColumnExpression

log = logging.getLogger(__name__)

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
# Execution option that makes a connection's transactions write transactions (see ``begin``).
WRITE_OPTION = "ghnt_write"
# How long a statement waits for another writer's lock before the user is told the database is busy.
BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 5
# The key of PostgreSQL's advisory lock that write sessions take, so two writers queue as on SQLite.
WRITE_LOCK_KEY = 0x6768_6E74  # "ghnt"
# ``Connection.info`` key of the server's id of the write transaction under way (``PostgresEngine``: taken with the
# lock, so asking for it costs no round trip of its own while the lock is held); None on SQLite and for a reader.
TRANSACTION_ID = "ghnt_xid"
TLS_MODES = ("prefer", "require", "verify-full", "disable")


def is_server_url(target: object) -> bool:
    """Whether ``target`` (a path or a string from ``--db`` or the settings) names a PostgreSQL server."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database on a server, as the user names it; the password is never part of it."""

    host: str
    port: int = 5432
    database: str = "ghnt"
    user: str = ""
    tls: str = "prefer"  # libpq's sslmode

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        """``postgresql://user@host:port/db?sslmode=...``; a Dutch ``ValueError`` for what cannot be read."""
        parts = urlsplit(url.strip())
        if not parts.scheme.lower().startswith(("postgresql", "postgres")):
            raise ValueError(f"{url!r} is geen adres van een PostgreSQL-server (het begint niet met postgresql://).")
        try:
            port = parts.port or 5432
        except ValueError:
            raise ValueError(f"De poort in {url!r} is geen getal tussen 1 en 65535.") from None
        query = dict(parse_qsl(parts.query))
        database = unquote(parts.path.lstrip("/")) or "ghnt"
        tls = query.get("sslmode", "prefer")
        if tls not in TLS_MODES:
            raise ValueError(f"Onbekende TLS-instelling {tls!r}; kies uit {', '.join(TLS_MODES)}.")
        return cls(
            host=parts.hostname or "localhost",
            port=port,
            database=database,
            user=unquote(parts.username or ""),
            tls=tls,
        )

    @property
    def url(self) -> str:
        """The address as a URL without password (what settings and ``--db`` hold)."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = "" if self.tls == "prefer" else f"?sslmode={self.tls}"
        return f"postgresql://{user}{host}:{self.port}/{quote(self.database, safe='')}{query}"

    @property
    def label(self) -> str:
        """How the window title and status bar name the database: "ghnt op server:5432"."""
        return f"{self.database} op {self.host}:{self.port}"


class EngineKind(Protocol):
    name: str
    # Whether the database is one file on this computer: lock file, backups beside it, integrity_check,
    # the file being replaced under the app. None of that applies to a server.
    is_file: bool

    def create_engine(self, target: Any, *, read_only: bool = False, password: str | None = None) -> Engine: ...

    def random_uuid_sql(self) -> str: ...

    def is_set(self, flag: SQLColumnExpression[bool]) -> ColumnElement[bool]: ...

    def is_among(self, column: SQLColumnExpression[Any], ids: Select[Any]) -> ColumnElement[bool]: ...


def file_uri(path: Path) -> str:
    """``path`` as an SQLite URI, percent-encoded: a folder named "Notulen #3?" must not cut the path short."""
    posix = path.absolute().as_posix()
    if posix.startswith("//"):  # a Windows share \\server\share: file:////server/share/...
        posix = "//" + posix
    elif not posix.startswith("/"):  # a Windows drive C:/...: file:/C:/...
        posix = "/" + posix
    return f"file:{quote(posix, safe='/:')}"


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads ``path`` without writing to it.

    In a folder the app may not write to (a read-only share), SQLite cannot create the ``-shm`` file a
    WAL database needs even for reading, and every read fails with "attempt to write a readonly
    database". Without a left-over ``-wal`` file (the last writer closed cleanly) the main file holds
    everything, so it is then opened immutable.
    """
    uri = file_uri(path) + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def lenient_text(raw: bytes) -> str:
    """Text from SQLite with invalid UTF-8 (a damaged page) replaced, for checks that must not stop on it."""
    return raw.decode("utf-8", "replace")


class SqliteEngine:
    """A local SQLite file: WAL, ``synchronous=FULL``, foreign keys, ``BEGIN IMMEDIATE`` for writers."""

    name = "sqlite"
    is_file = True

    def create_engine(self, target: Any, *, read_only: bool = False, password: str | None = None) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import QueuePool

        path = Path(target)
        # The connection comes from a creator so that no character of the path is parsed as part of a URL.
        uri = read_only_uri(path) if read_only else file_uri(path)

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            # Bytes that are not UTF-8 in one record (a damaged page, another program) show as U+FFFD instead
            # of stopping the page that lists it; 'ghnt-desktop check' names the record.
            connection.text_factory = lenient_text
            return connection

        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
        event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def random_uuid_sql(self) -> str:
        return "lower(hex(randomblob(16)))"  # how SQLAlchemy's Uuid stores a UUID on SQLite: 32 hex digits

    def is_set(self, flag: SQLColumnExpression[bool]) -> ColumnElement[bool]:
        """``flag`` is true, as the partial index on it (``WHERE flag IS 1``, migration 0004) is used: SQLite matches
        an index's condition only as written, and SQLAlchemy writes ``is_(True)`` as ``IS 1`` here."""
        return flag.is_(True)

    def is_among(self, column: SQLColumnExpression[Any], ids: Select[Any]) -> ColumnElement[bool]:
        """``column IN (ids)``: within an OR SQLite looks each arm up in its own index (a MULTI-INDEX OR)."""
        return column.in_(ids)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The driver must not start transactions itself: Python's sqlite3 would begin one only at the first
    # INSERT/UPDATE/DELETE, so whatever a service read before it came from outside the transaction and
    # a second writer's commit in between was silently overwritten. ``_sqlite_begin`` emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode and mode[0].lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode[0])
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # see _sqlite_pragmas: every session reads one snapshot
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """BEGIN IMMEDIATE for a write session, else BEGIN.

    BEGIN IMMEDIATE takes SQLite's write lock before the session reads anything, so what a service reads
    and then changes cannot be changed by another writer in between (waiting ``BUSY_TIMEOUT_MS`` for
    it). A plain (deferred) BEGIN still gives a read session one consistent snapshot.
    """
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class PostgresEngine:
    """A PostgreSQL (15 or newer) server reached with psycopg.

    A write session first takes one transaction-scoped advisory lock: writers queue exactly as on SQLite,
    so what a service reads and then changes cannot be changed by another writer in between (what another
    user changed between showing and saving is caught by the record versions, ``services.versions``). A read
    session reads one snapshot
    (REPEATABLE READ). Waiting for a lock ends after ``BUSY_TIMEOUT_MS`` with "busy", as on SQLite.
    """

    name = "postgresql"
    is_file = False

    def create_engine(self, target: Any, *, read_only: bool = False, password: str | None = None) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.engine import URL

        address = target if isinstance(target, ServerAddress) else ServerAddress.parse(str(target))
        url = URL.create(
            "postgresql+psycopg",
            username=address.user or None,
            password=password or None,
            host=address.host,
            port=address.port,
            database=address.database,
            query={"sslmode": address.tls},
        )
        engine = create_engine(
            url,
            pool_pre_ping=True,  # a server restart between two edits costs a reconnect, not an error
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "ghnt-desktop",
                # Timestamps in UTC, as the app writes them and as SQLite keeps them (without a zone).
                "options": f"-c lock_timeout={int(BUSY_TIMEOUT_MS)} -c client_encoding=UTF8 -c timezone=UTC",
            },
        )
        event.listen(engine, "begin", _postgres_read_only_begin if read_only else _postgres_begin)
        return engine

    def random_uuid_sql(self) -> str:
        return "gen_random_uuid()"

    def is_set(self, flag: SQLColumnExpression[bool]) -> ColumnElement[bool]:
        """``flag`` is true, as the partial index on it (``WHERE flag``, migration 0004) is used: PostgreSQL proves
        that predicate from ``flag = true``, not from ``flag IS true`` (which read all 150,000 progress updates: 87 ms
        of opening the Acties page on the scale database)."""
        from sqlalchemy import true

        return flag == true()

    def is_among(self, column: SQLColumnExpression[Any], ids: Select[Any]) -> ColumnElement[bool]:
        """``column = ANY((SELECT array_agg(...) ...))``: within an OR, PostgreSQL turns ``IN (subquery)`` into a
        hashed subplan tested on every row (the progress updates under confidential actions of the scale database:
        65-95 ms); the array, computed once, is looked up in the index on ``column`` (bitmap scans: 27 ms)."""
        from sqlalchemy import any_, cast, func
        from sqlalchemy.dialects.postgresql import ARRAY

        array = ids.with_only_columns(func.array_agg(ids.selected_columns[0])).scalar_subquery()
        # The cast makes it an array expression: "= ANY (SELECT ...)" would compare with the subquery's rows.
        return column == any_(cast(array, ARRAY(ids.selected_columns[0].type)))

    def connection_problem(self, exc: BaseException, address: ServerAddress) -> tuple[str, str]:
        """(reason, Dutch message) for a failed connection: what went wrong and what the user can do."""
        original = getattr(exc, "orig", None) or exc
        detail = str(original).strip()
        lowered = detail.lower()
        state = getattr(original, "sqlstate", None)
        where = f"{address.host}:{address.port}"
        if state == "28P01" or "password authentication failed" in lowered or "no password supplied" in lowered:
            return "password", (
                f"Aanmelden bij de teamdatabase {address.database} op {where} als {address.user or '(geen gebruiker)'} "
                "lukt niet: het wachtwoord klopt niet (of de gebruiker bestaat niet). Controleer het wachtwoord "
                "en probeer het opnieuw."
            )
        if "translate host name" in lowered or "name or service not known" in lowered or "nodename nor" in lowered:
            return "host", (
                f"De server {address.host} is niet gevonden. Controleer de naam van de server (een tikfout?) en of "
                "deze computer met het netwerk (of VPN) verbonden is."
            )
        if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
            return "database", (
                f"Op de server {where} bestaat geen database {address.database}. Controleer de naam, of laat de "
                f"beheerder hem aanmaken ('ghnt-desktop server init --url {address.url}')."
            )
        if "ssl" in lowered or "certificate" in lowered:
            return "tls", (
                f"Een beveiligde verbinding (TLS) met {where} lukt niet ({detail}). Controleer de TLS-instelling "
                "of vraag de beheerder van de server."
            )
        if "refused" in lowered or "timeout" in lowered or "timed out" in lowered or "no route" in lowered:
            return "down", (
                f"De server {where} antwoordt niet: hij staat uit, is onbereikbaar of de poort klopt niet. "
                "Probeer het later opnieuw of vraag de beheerder; er is niets gewijzigd."
            )
        return "other", f"Verbinden met de teamdatabase {address.database} op {where} lukt niet ({detail})."


def _postgres_begin(connection: Connection) -> None:
    # psycopg opens the transaction with the first statement; this is it.
    if connection.get_execution_options().get(WRITE_OPTION):
        # The transaction's id comes in the same round trip as the lock (``Database.session`` keeps it to ask the
        # server whether a COMMIT whose answer was lost went through). Every statement run while the one write lock
        # is held delays all other writers by a round trip: 0.5-3 ms on the two-core test machine as its load varies,
        # a network's round trip on a real server (``benchmarks/bench_team_load.py --profile``). A write session that
        # writes nothing now gets an id too; its commit costs the server a few bytes of log.
        xid = connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY}), txid_current()").one()[1]
        connection.info[TRANSACTION_ID] = int(xid)
    else:
        connection.info[TRANSACTION_ID] = None
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def _postgres_read_only_begin(connection: Connection) -> None:
    connection.info[TRANSACTION_ID] = None
    connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


SQLITE = SqliteEngine()
POSTGRESQL = PostgresEngine()


def engine_for(target: object) -> SqliteEngine | PostgresEngine:
    """The engine for what the user gave: a ``postgresql://`` URL or a file path."""
    return POSTGRESQL if isinstance(target, ServerAddress) or is_server_url(target) else SQLITE


def engine_of(bind: Any) -> SqliteEngine | PostgresEngine:
    """The engine of an open ``Connection``, ``Engine`` or ``Session`` (by SQLAlchemy's dialect name)."""
    dialect = bind.get_bind().dialect if hasattr(bind, "get_bind") else bind.dialect
    return POSTGRESQL if dialect.name == "postgresql" else SQLITE
