"""Opening, creating and migrating the SQLite database.

SQLite runs with foreign keys on, WAL and ``synchronous=FULL``: the secretaris's last confirmed edit
must survive a power cut. A database is checked before anything is written to it: a file that is not
SQLite, a damaged one or one from a newer app version is refused with a Dutch message and left alone.
An older database is migrated on a copy, after a backup beside it; the original is only replaced when
the migration succeeded.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from .migrations import HEAD, REVISIONS

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
T = TypeVar("T")


class DatabaseError(Exception):
    """A database that cannot be opened; the message is Dutch and meant for the user."""


class NotADatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


class DatabaseTooNewError(DatabaseError):
    pass


class MigrationError(DatabaseError):
    pass


@dataclass(frozen=True)
class SchemaInfo:
    """What a database file holds, read without changing it."""

    path: Path
    revision: str | None
    integrity: str  # "ok" or SQLite's first complaint

    @property
    def is_current(self) -> bool:
        return self.revision == HEAD


# How long one statement waits for another program's write lock before SQLite says "database is locked",
# and how often a write session tries to start (BEGIN IMMEDIATE) before the user is told the file is busy.
BUSY_TIMEOUT_MS = 5000
BEGIN_ATTEMPTS = 2
# Execution option that makes SQLAlchemy's BEGIN for a connection a BEGIN IMMEDIATE (see ``_begin``).
WRITE_OPTION = "ghnt_write"


def _set_pragmas(dbapi_connection, _record) -> None:
    # The driver must not start transactions itself: Python's sqlite3 would begin one only at the first
    # INSERT/UPDATE/DELETE, so whatever a service read before it came from outside the transaction and
    # a second writer's commit in between was silently overwritten. ``_begin`` emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode and mode[0].lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode[0])
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # see _set_pragmas: every session reads one snapshot
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


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


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on ``path`` with the app's pragmas (no checks: see ``open_database``)."""
    # The connection comes from a creator so that no character of the path is parsed as part of a URL.
    target = read_only_uri(path) if read_only else file_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(target, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _set_read_only_pragmas if read_only else _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection) -> None:
    """Start SQLAlchemy's transaction on SQLite: BEGIN IMMEDIATE for a write session, else BEGIN.

    BEGIN IMMEDIATE takes SQLite's write lock before the session reads anything, so what a service reads
    and then changes cannot be changed by another writer in between (waiting ``BUSY_TIMEOUT_MS`` for
    it). A plain (deferred) BEGIN still gives a read session one consistent snapshot.
    """
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def inspect_file(path: Path) -> SchemaInfo:
    """Read the schema revision and run a quick integrity check, never writing to the file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}.") from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"Het bestand {path.name} is geen database van GHNT Desktop (het is geen SQLite-bestand)."
        )
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DamagedDatabaseError(f"De database {path.name} kan niet worden geopend: {exc}.") from exc
    try:
        integrity = connection.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        elif tables:
            raise NotADatabaseError(f"Het bestand {path.name} is een SQLite-database, maar niet van GHNT Desktop.")
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"De database {path.name} is beschadigd of geen geldige database ({exc}).") from exc
    finally:
        connection.close()
    if integrity != "ok":
        raise DamagedDatabaseError(f"De database {path.name} is beschadigd: {integrity}.")
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNewError(
            f"De database {path.name} is gemaakt met een nieuwere versie van GHNT Desktop "
            f"(schema {revision}). Werk de app bij om dit bestand te openen; het bestand is niet gewijzigd."
        )
    return SchemaInfo(path=path, revision=revision, integrity=integrity)


def _alembic_upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def sqlite_copy(source: Path, target: Path) -> None:
    """Copy a live database consistently with SQLite's online backup API."""
    src = sqlite3.connect(file_uri(source) + "?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def migration_work_path(path: Path) -> Path:
    """The copy a migration works on (``ghnt.migratie-bezig.db``); ``backup.remove_leftovers`` removes a
    killed migration's copy at the next start."""
    return path.with_name(f"{path.stem}.migratie-bezig{path.suffix}")


def _migrate(path: Path, info: SchemaInfo) -> Path:
    """Migrate an older database; returns the backup written beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.voor-migratie-{info.revision}-{stamp}{path.suffix}")
    sqlite_copy(path, backup)
    work = migration_work_path(path)
    shutil.copyfile(backup, work)
    engine = make_engine(work)
    try:
        _alembic_upgrade(engine)
        # Migrations that copy a table drop its search triggers and renumber its rows: rebuild the index.
        from .services.search import install_index

        with engine.begin() as connection:
            install_index(connection)
    except Exception as exc:
        engine.dispose()
        work.unlink(missing_ok=True)
        raise MigrationError(
            f"Het bijwerken van de database {path.name} is mislukt; het bestand is niet gewijzigd ({exc})."
        ) from exc
    engine.dispose()
    sqlite_copy(work, path)
    for leftover in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
        leftover.unlink(missing_ok=True)
    log.info("Migrated %s from %s to %s; backup at %s", path, info.revision, HEAD, backup)
    return backup


def file_identity(path: Path) -> tuple[int, int] | None:
    """The (device, inode) of ``path``, or None when it is gone: a file renamed over it has another one."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def _is_busy(exc: BaseException) -> bool:
    from .storage_errors import storage_reason

    return getattr(exc, "reason", None) == "busy" or storage_reason(exc) == "busy"


_WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
_WROTE = "ghnt_wrote"


class Database:
    """An open database: its engine and a session factory."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        # expire_on_commit=False: services hand out data built from objects after their commit.
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Every transaction of a write session, also one it begins again after a commit, is IMMEDIATE.
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
        # The file the connections were opened on; a sync tool or another program renaming a file over it
        # leaves them writing to the old, deleted file (see ``check_not_replaced``): checked before every
        # statement that writes and before a commit of a transaction that wrote.
        self.identity = file_identity(path)
        self._local = threading.local()  # the write session open in each thread, if any
        if not read_only:
            event.listen(engine, "before_cursor_execute", self._before_execute)
            event.listen(engine, "commit", self._before_commit)
            event.listen(engine, "rollback", self._after_rollback)

    def check_not_replaced(self) -> None:
        """Raise ``StorageRefusedError`` (reason ``replaced``) when the file at ``path`` is no longer ours.

        A cheap ``os.stat``: the app's connections stay on the file they opened, so after a rename over
        it (a sync tool, ``demo --force``, a copy from a backup) every edit would go to a deleted file.
        """
        if self.identity is None or self.identity[1] == 0:  # no inode numbers (some network shares)
            return
        if file_identity(self.path) != self.identity:
            from .storage_errors import replaced_error

            raise replaced_error(self.path)

    def _before_execute(self, connection, _cursor, statement, _parameters, _context, _executemany) -> None:
        if statement.lstrip()[:7].upper().startswith(_WRITE_STATEMENTS):
            connection.info[_WROTE] = True
            self.check_not_replaced()

    def _before_commit(self, connection) -> None:
        if connection.info.pop(_WROTE, False):
            self.check_not_replaced()

    def _after_rollback(self, connection) -> None:
        connection.info.pop(_WROTE, None)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on any error.

        A write session (the default on a database opened for editing) starts with BEGIN IMMEDIATE: it
        holds SQLite's write lock from its first read to its commit, so another writer (a second app,
        ``ghnt-desktop import``) cannot change what it read in between and have that change overwritten.
        Starting is retried ``BEGIN_ATTEMPTS`` times; a database that stays busy raises
        ``StorageRefusedError`` (reason ``busy``, Dutch message). ``write=False`` (``read_session``)
        reads one snapshot without blocking writers.
        """
        write = write and not self.read_only
        outer = getattr(self._local, "session", None) if write else None
        if outer is not None and outer.in_transaction():
            # A write session opened inside another one in the same thread: the outer one holds SQLite's
            # write lock, so a second connection would wait for itself. It joins the outer transaction
            # with a savepoint instead (rolled back alone on an error; committed with the outer one).
            with outer.begin_nested():
                yield outer
            return
        session = self._begin_write() if write else self._sessions()
        if write:
            self._local.session = session
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            if write:
                self._local.session = outer
            session.close()

    def read_session(self) -> contextlib.AbstractContextManager[Session]:
        """A session for reading only: one consistent snapshot, no write lock (long reads, exports)."""
        return self.session(write=False)

    def _begin_write(self) -> Session:
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            session = self._write_sessions()
            try:
                session.connection()  # emits BEGIN IMMEDIATE now: the wait for the lock happens here
            except Exception as exc:
                session.close()
                if not _is_busy(exc):
                    raise
                log.warning("Database %s busy, attempt %s of %s", self.path, attempt, BEGIN_ATTEMPTS)
                if attempt == BEGIN_ATTEMPTS:
                    from .storage_errors import busy_error

                    raise busy_error() from exc
                time.sleep(0.05 * attempt)
                continue
            return session
        raise AssertionError("unreachable")

    def write(self, unit: Callable[[Session], T]) -> T:
        """Run ``unit(session)`` in a write session and commit; the whole unit is retried while busy.

        Retrying is safe because a failed attempt is rolled back completely; use it for units that only
        touch the database (no files, no messages to the user). A start that stayed busy through its own
        attempts is not tried again (the user would wait twice as long for the same answer).
        """
        from .storage_errors import StillBusyError

        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                with self.session() as session:
                    return unit(session)
            except Exception as exc:
                if isinstance(exc, StillBusyError) or not _is_busy(exc) or attempt == BEGIN_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, read_only: bool = False, create: bool = True) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    Raises a ``DatabaseError`` with a Dutch message for anything the user must act on.
    """
    path = Path(path).expanduser().absolute()
    exists = path.exists() and path.stat().st_size > 0
    if not exists:
        if not create or read_only:
            raise DatabaseError(f"De database {path} bestaat niet.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"De map {path.parent} kan niet worden aangemaakt: {exc.strerror or exc}.") from exc
        engine = make_engine(path)
        _alembic_upgrade(engine)
        return Database(path, engine)
    info = inspect_file(path)
    if info.revision is None:
        # An SQLite file with no tables at all: an empty file made by another program.
        if read_only:
            raise NotADatabaseError(f"De database {path.name} is leeg.")
        engine = make_engine(path)
        _alembic_upgrade(engine)
        return Database(path, engine)
    if not info.is_current:
        if read_only:
            raise DatabaseError(
                f"De database {path.name} heeft een oudere opbouw en moet eerst worden bijgewerkt; "
                "dat kan niet als hij alleen-lezen is geopend."
            )
        _migrate(path, info)
    return Database(path, make_engine(path, read_only=read_only), read_only=read_only)
