"""Opening, creating and migrating the SQLite database.

SQLite runs with foreign keys on, WAL and ``synchronous=FULL``: the secretaris's last confirmed edit
must survive a power cut. A database is checked before anything is written to it: a file that is not
SQLite, a damaged one or one from a newer app version is refused with a Dutch message and left alone.
An older database is migrated on a copy, after a backup beside it; the original is only replaced when
the migration succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from .migrations import HEAD, REVISIONS

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


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


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode and mode[0].lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode[0])
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection, _record) -> None:
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
    return engine


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


def _migrate(path: Path, info: SchemaInfo) -> Path:
    """Migrate an older database; returns the backup written beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.voor-migratie-{info.revision}-{stamp}{path.suffix}")
    sqlite_copy(path, backup)
    work = path.with_name(f"{path.stem}.migratie-bezig{path.suffix}")
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


class Database:
    """An open database: its engine and a session factory."""

    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        # expire_on_commit=False: services hand out data built from objects after their commit.
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

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
