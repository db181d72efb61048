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

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from .engines import SQLITE, TRANSACTION_ID, WRITE_OPTION, ServerAddress, engine_for, engine_of
from .engines import file_uri as file_uri  # re-exported: the SQLite helpers moved to the engine seam
from .engines import lenient_text as lenient_text
from .engines import read_only_uri as read_only_uri
from .migrations import HEAD, REVISIONS
from .recorded_user import recorded_user
from .recorded_user import set_recorded_user as set_recorded_user  # re-exported for the services' tests

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


class ForeignWalError(DatabaseError):
    """The ``-wal`` beside the database does not belong to it (or is damaged); the database itself is fine."""


class RecoveryNeededError(DatabaseError):
    """A stopped run left a write to finish (``-journal``/``-wal``), and it cannot be finished here."""


@dataclass(frozen=True)
class SchemaInfo:
    """What a database file holds, read without changing it."""

    path: Path
    revision: str | None
    integrity: str  # "ok" or SQLite's first complaint
    pending: tuple[str, ...] = ()  # left-over -journal/-wal SQLite will finish on the next writing open

    @property
    def is_current(self) -> bool:
        return self.revision == HEAD


BEGIN_ATTEMPTS = 2  # how often a write session tries to start before the user is told the database is busy


def make_engine(target: Path | str, *, read_only: bool = False, password: str | None = None) -> Engine:
    """An engine on ``target`` (a file, or a ``postgresql://`` URL) with the app's settings (no checks: see
    ``open_database``)."""
    return engine_for(target).create_engine(target, read_only=read_only, password=password)


RESTORE_HINT = "Zet een reservekopie terug (Bestand > Reservekopie terugzetten, of 'ghnt-desktop restore')."
# SQLite's extended result codes a read-only connection gives for a database that needs recovery first.
_NEEDS_RECOVERY_CODES = {
    264,  # SQLITE_READONLY_RECOVERY: a -wal to replay
    776,  # SQLITE_READONLY_ROLLBACK: a hot -journal to roll back
    1288,  # SQLITE_READONLY_CANTINIT: a -wal, but no -shm can be made
}
_SIDE_FILES = ("-journal", "-wal")  # the files SQLite recovers from; -shm is only an index it rebuilds


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def leftover_side_files(path: Path) -> list[Path]:
    """The non-empty ``-journal`` and ``-wal`` beside ``path``: writes SQLite must finish or roll back."""
    found = []
    for suffix in _SIDE_FILES:
        candidate = side_file(path, suffix)
        try:
            if candidate.is_file() and candidate.stat().st_size > 0:
                found.append(candidate)
        except OSError:
            continue
    return found


def refuse_non_regular(path: Path) -> None:
    """Refuse at once a path that is a folder, a pipe or a device: reading one could block for ever."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(
            f"Het bestand {path} kan niet worden gelezen ({exc.strerror or exc}). "
            "Controleer of de map bereikbaar is en of u leesrechten hebt."
        ) from exc
    if stat.S_ISREG(mode):
        return
    what = "een map" if stat.S_ISDIR(mode) else "geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat)"
    raise NotADatabaseError(f"{path} is {what}, geen database. Kies het databasebestand zelf (een .db-bestand).")


def disk_is_full(folder: Path, *, margin: int = 1 << 20) -> bool:
    """Whether the disk holding ``folder`` has less than ``margin`` bytes free (False when it cannot be told)."""
    try:
        return shutil.disk_usage(folder).free < margin
    except OSError:
        return False


def storage_problem(path: Path, exc: BaseException, *, doing: str) -> DatabaseError | None:
    """A Dutch ``DatabaseError`` for a full disk, a read-only file or folder or an I/O error, else None."""
    from .storage_errors import storage_reason

    reason = storage_reason(exc)
    if reason in ("io", None) and isinstance(exc, sqlite3.Error | OSError) and disk_is_full(path.parent):
        reason = "full"  # SQLite reports a -shm or -wal it cannot grow on a full disk as an I/O error
    if reason == "full":
        return DatabaseError(
            f"{doing} {path.name} lukt niet: de schijf is vol. Er is niets gewijzigd; maak ruimte vrij en probeer "
            "het opnieuw."
        )
    if reason == "read_only":
        return DatabaseError(
            f"{doing} {path.name} lukt niet: het bestand of de map {path.parent} is alleen-lezen. Vraag schrijfrechten "
            "voor de map, of kopieer de database (met de bestanden ernaast die met dezelfde naam beginnen) naar een "
            "map waar u mag schrijven en open hem daar."
        )
    if reason == "io":
        return DatabaseError(
            f"{doing} {path.name} lukt niet: lezen of schrijven op de schijf mislukte ({exc}). Controleer of de "
            "netwerkmap of USB-stick nog verbonden is en probeer het opnieuw."
        )
    if reason == "busy":
        return DatabaseError(
            f"{doing} {path.name} lukt niet: de database is bezet door een ander programma of een andere gebruiker. "
            "Probeer het over enkele ogenblikken opnieuw."
        )
    return None


def checking_uri(path: Path) -> str:
    """A read-only URI for checking ``path`` that leaves no ``-shm``/``-wal`` behind.

    Without a ``-wal`` or ``-journal`` beside it no writer has the database open (SQLite makes the
    ``-wal`` on opening a WAL database) and the main file holds everything: it is read immutable.
    """
    if leftover_side_files(path) or side_file(path, "-wal").exists():
        return read_only_uri(path)
    return file_uri(path) + "?mode=ro&immutable=1"


def _needs_recovery(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in _NEEDS_RECOVERY_CODES


def _read_schema(uri: str, *, full: bool = False) -> tuple[str, str | None, bool]:
    """(integrity, schema revision, is a GHNT database) of the database at ``uri``; raises sqlite3.Error.

    ``full`` runs integrity_check instead of quick_check: only it compares indexes with their tables, which
    is what gives away a -wal of another database replayed over this one.
    """
    connection = sqlite3.connect(uri, uri=True, timeout=2)
    connection.text_factory = lenient_text
    try:
        integrity = connection.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return integrity, revision, "alembic_version" in tables or not tables
    except UnicodeDecodeError as exc:  # SQLite's complaint quotes bytes of a damaged page
        raise sqlite3.DatabaseError("database disk image is malformed") from exc
    finally:
        connection.close()


def _analyse_recovered_copy(path: Path, leftovers: list[Path]) -> tuple[str, str | None, bool]:
    """Let SQLite finish or roll back the left-over writes on a copy in a temporary folder, then read it.

    The database and the files beside it stay exactly as they are.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ghnt-controle-") as folder:
        copy = Path(folder) / "kopie.db"
        shutil.copyfile(path, copy)
        for leftover in leftovers:
            shutil.copyfile(leftover, side_file(copy, leftover.name[len(path.name) :]))
        return _read_schema(file_uri(copy), full=True)


def _main_file_alone_is_healthy(path: Path) -> bool:
    """Whether the main file without its ``-wal`` is a healthy GHNT database (read immutable: nothing written)."""
    try:
        integrity, _revision, ours = _read_schema(file_uri(path) + "?mode=ro&immutable=1")
    except sqlite3.Error:
        return False
    return integrity == "ok" and ours


def _damaged(path: Path, detail: str, leftovers: list[Path]) -> DatabaseError:
    wal = side_file(path, "-wal")
    if wal in leftovers and _main_file_alone_is_healthy(path):
        return ForeignWalError(
            f"Naast de database {path.name} staat een bestand {wal.name} dat niet bij deze database hoort (of dat "
            f"beschadigd is); de database zelf is in orde. Verplaats {wal.name} naar een andere map (niet "
            "verwijderen: er kunnen recente wijzigingen in staan) en open de database opnieuw. Er is niets gewijzigd."
        )
    return DamagedDatabaseError(f"De database {path.name} is beschadigd ({detail}). {RESTORE_HINT}")


def recover_in_place(path: Path) -> None:
    """Open the database for writing once, so SQLite finishes or rolls back what a stopped run left."""
    connection = sqlite3.connect(file_uri(path), uri=True, timeout=5)
    try:
        connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


def inspect_file(path: Path, *, recover: bool = False) -> SchemaInfo:
    """Read the schema revision and run a quick integrity check.

    Never writes to the file, except with ``recover=True`` when a run that was stopped left a hot
    ``-journal`` or a ``-wal``: SQLite's own recovery is first tried on a copy and, when the copy comes
    out healthy, done in place (as any writer opening the file would). Without ``recover`` such a
    database is checked on the recovered copy and ``SchemaInfo.pending`` names the files left over.
    Raises a ``DatabaseError`` whose Dutch message says what is wrong and what to do.
    """
    refuse_non_regular(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        problem = storage_problem(path, exc, doing="Het lezen van")
        raise problem or DatabaseError(
            f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}. Controleer of u leesrechten hebt."
        ) from exc
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"Het bestand {path.name} is geen database van GHNT Desktop (het is geen SQLite-bestand). "
            "Kies het juiste bestand, of zet een reservekopie terug als dit de database was."
        )
    leftovers = leftover_side_files(path)
    pending: tuple[str, ...] = ()
    try:
        try:
            wal = side_file(path, "-wal")
            integrity, revision, ours = _read_schema(checking_uri(path), full=wal in leftovers)
        except sqlite3.Error as exc:
            # A hot journal, or a -wal in a folder where no -shm can be made: read a recovered copy.
            cant_open = getattr(exc, "sqlite_errorcode", None) == 14 and bool(leftovers)
            if not (_needs_recovery(exc) or cant_open) or not leftovers:
                raise
            integrity, revision, ours = _analyse_recovered_copy(path, leftovers)
            pending = tuple(p.name for p in leftovers)
    except sqlite3.DatabaseError as exc:
        problem = storage_problem(path, exc, doing="Het openen van")
        if problem is not None:
            raise problem from exc
        raise _damaged(path, str(exc), leftovers) from exc
    except OSError as exc:  # the recovery copy could not be made in the temporary folder
        raise DatabaseError(
            f"De database {path.name} kon niet worden gecontroleerd: een controlekopie in de tijdelijke map "
            f"mislukte ({exc.strerror or exc}). Maak ruimte vrij op de schijf en probeer het opnieuw; er is niets "
            "gewijzigd."
        ) from exc
    if integrity != "ok":
        raise _damaged(path, integrity, leftovers)
    if not ours:
        raise NotADatabaseError(
            f"Het bestand {path.name} is een SQLite-database, maar niet van GHNT Desktop. "
            "Kies het juiste bestand; dit bestand is niet gewijzigd."
        )
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNewError(
            f"De database {path.name} is gemaakt met een nieuwere versie van GHNT Desktop "
            f"(schema {revision}). Werk de app bij om dit bestand te openen; het bestand is niet gewijzigd."
        )
    if pending and recover:
        if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise recovery_needed(path, pending)
        try:
            recover_in_place(path)
        except sqlite3.Error as exc:
            problem = storage_problem(path, exc, doing="Het afmaken van de onderbroken schrijfactie in")
            raise problem or recovery_needed(path, pending) from exc
        return inspect_file(path)
    return SchemaInfo(path=path, revision=revision, integrity=integrity, pending=pending)


def recovery_needed(path: Path, pending: tuple[str, ...]) -> RecoveryNeededError:
    names = " en ".join(pending)
    return RecoveryNeededError(
        f"De database {path.name} is in orde, maar een eerder gestopte sessie liet een onafgemaakte schrijfactie "
        f"achter ({names}). SQLite maakt die af zodra de database met schrijfrechten wordt geopend; dat kan hier "
        "niet (de map of het bestand is alleen-lezen, of de database is alleen-lezen geopend). Open de database "
        f"één keer gewoon in een map waar u mag schrijven (kopieer {path.name} samen met {names}), of vraag "
        "schrijfrechten voor de map. Er is niets gewijzigd."
    )


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
        # Migrations that copy a table drop its search triggers and renumber its rows: then rebuild the index
        # (a migration that rebuilt it itself, such as 0007, leaves it whole: on ten years that saves 20 s).
        from .services.search import index_is_current, install_index

        with engine.begin() as connection:
            if not index_is_current(connection):
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


# Waits between attempts of a write whose connection to the server was lost before it committed: about 10 s in
# all, the time a server takes to restart, after which the user is told what was not saved.
RECONNECT_WAITS_S = (0.2, 0.5, 1.0, 2.0, 3.0, 3.0)


def _connection_lost(exc: BaseException) -> bool:
    from .storage_errors import storage_reason

    return getattr(exc, "reason", None) == "connection" or storage_reason(exc) == "connection"


def _is_busy(exc: BaseException) -> bool:
    from .storage_errors import storage_reason

    return getattr(exc, "reason", None) == "busy" or storage_reason(exc) == "busy"


_WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
_WROTE = "ghnt_wrote"
CHANGES_CHANNEL = "ghnt_changes"  # PostgreSQL's NOTIFY channel of committed writes (see ``Database``)


def _tell_sqlite_triggers(dbapi_connection: sqlite3.Connection) -> None:
    """Put who writes and this transaction's batch id in ``change_context`` for the change log's triggers.

    Run at a transaction's first write, through the driver itself (not a second event), and emptied again
    before the commit (``_forget_writer``), so another program's write never finds a stale name.
    """
    import uuid

    try:
        dbapi_connection.execute(
            "INSERT OR REPLACE INTO change_context (key, value) VALUES ('user', ?), ('batch', ?)",
            (recorded_user()[:200], uuid.uuid4().hex),
        )
    except sqlite3.OperationalError:  # a database of before the change log (only while migrating)
        pass


def _forget_writer(dbapi_connection: sqlite3.Connection) -> None:
    try:
        dbapi_connection.execute("DELETE FROM change_context")
    except sqlite3.OperationalError:
        pass


def _index_pending_search_text(session: Session) -> None:
    """Give what this session wrote its Dutch word forms in the search index before it commits.

    The index's triggers note each written record; stemming needs Python (``services.search``), so it
    happens here, in the same transaction: every write through the app leaves the index complete.
    """
    session.flush()  # the commit's own flush comes after this hook
    connection = session.connection()
    if not connection.info.get(_WROTE):
        return
    from .services.search import index_pending

    index_pending(connection)


class Database:
    """An open database: its engine and a session factory."""

    def __init__(
        self, path: Path, engine: Engine, *, read_only: bool = False, address: ServerAddress | None = None
    ) -> None:
        # On a server ``path`` is only a stand-in (a name for messages and export checks); ``address`` says where
        # the database is and ``is_file`` whether the file-only safeguards (lock file, backups) apply.
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.address = address
        self.kind = engine_of(engine)
        # expire_on_commit=False: services hand out data built from objects after their commit.
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Every transaction of a write session, also one it begins again after a commit, is IMMEDIATE.
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
        # The file the connections were opened on; a sync tool or another program renaming a file over it
        # leaves them writing to the old, deleted file (see ``check_not_replaced``): checked before every
        # statement that writes and before a commit of a transaction that wrote.
        self.identity = file_identity(path) if self.kind.is_file else None
        self._local = threading.local()  # the write session open in each thread, if any
        # Live updates of other users' changes (``ui.live_updates``): this app's own commits are counted (an SQLite
        # ``data_version`` change with no own commit is another writer's), and on a server every write session
        # that wrote sends NOTIFY on ``CHANGES_CHANNEL`` with ``instance`` as payload (``session``), which this
        # app's listener skips.
        self.instance = os.urandom(8).hex()
        self.own_commits = 0
        # How the wait before another attempt to reach a server that went away is spent (``wait_for_server``):
        # None sleeps, which only suits a thread without a window; the main window sets a waiter that keeps the
        # window responsive, says "Verbinding verbroken — opnieuw verbinden..." and offers to retry now or stop
        # (``ui/reconnect.py``). ``waiter(seconds, attempt, attempts)`` returns False when the user stops; past
        # ``attempts`` it waits for the user's choice instead of a clock.
        self.reconnect_waiter: Callable[[float, int, int], bool] | None = None
        if not read_only:
            event.listen(engine, "before_cursor_execute", self._before_execute)
            event.listen(engine, "commit", self._before_commit)
            event.listen(engine, "rollback", self._after_rollback)
            event.listen(self._write_sessions, "before_commit", _index_pending_search_text)

    @property
    def is_file(self) -> bool:
        return self.kind.is_file

    @property
    def label(self) -> str:
        """How the window and messages name the database: the file's path, or "ghnt op server:5432"."""
        return self.address.label if self.address is not None else str(self.path)

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
            if not connection.info.get(_WROTE) and self.kind is SQLITE:
                _tell_sqlite_triggers(connection.connection.driver_connection)
            connection.info[_WROTE] = True
            self.check_not_replaced()

    def _before_commit(self, connection) -> None:
        if connection.info.pop(_WROTE, False):
            if self.kind is SQLITE:
                _forget_writer(connection.connection.driver_connection)
            self.check_not_replaced()
            self.own_commits += 1

    def _after_rollback(self, connection) -> None:
        if connection.invalidated:
            # The server went away mid-statement. Asking this connection for its ``info`` would raise
            # PendingRollbackError in place of the lost-connection error, and ``write`` would then not retry
            # (measured: 1 of ~2,000 edits under a restart). The pool's next connection starts with empty info.
            return
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
        xid = None
        try:
            yield session
            if write and not self.kind.is_file:
                session.flush()
                info = session.connection().info
                if info.get(_WROTE):
                    # The NOTIFY of this write (``ui.live_updates``): PostgreSQL delivers it only when the
                    # transaction commits, never on a rollback. Sent here, through SQLAlchemy, and not from the
                    # engine's "commit" event: an error raised in that event bypasses SQLAlchemy's error handling, so
                    # a connection cut by a server restart was not recognised as lost, stayed in the pool and was
                    # rolled back on return ("Exception during reset or similar" with two tracebacks in the log)
                    # before the write was retried.
                    session.connection().exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANGES_CHANNEL, self.instance))
                    # The transaction's id (read with the write lock, see ``engines``), kept only now: should the
                    # connection drop during COMMIT, the server still knows whether it committed
                    # (``_transaction_outcome``), so nothing is saved twice or lost unsaid. A drop before this point
                    # cannot have committed anything, so that write is simply retried.
                    xid = info.get(TRANSACTION_ID)
            session.commit()
        except BaseException as exc:
            with contextlib.suppress(Exception):  # the connection may be gone; the server rolled back already
                session.rollback()
            if xid is None or not _connection_lost(exc):
                raise
            outcome = self._transaction_outcome(xid)
            log.warning("Connection lost during commit of transaction %s: %s", xid, outcome)
            if outcome == "committed":
                return  # saved: the edit is confirmed as if the answer had arrived
            if outcome != "aborted":
                from .storage_errors import uncertain_commit_error

                raise uncertain_commit_error() from exc
            raise  # not saved, and a retry is safe (``write``)
        finally:
            if write:
                self._local.session = outer
            session.close()

    def wait_for_server(self, attempt: int) -> bool:
        """Wait before reconnect attempt ``attempt`` (1, 2, ...); False when the attempts are over or the user
        stopped. Without a waiter: ``RECONNECT_WAITS_S`` (about 10 s in all), sleeping."""
        attempts = len(RECONNECT_WAITS_S)
        seconds = RECONNECT_WAITS_S[min(attempt, attempts) - 1]
        waiter = self.reconnect_waiter
        if waiter is None:
            if attempt > attempts:
                return False
            time.sleep(seconds)
            return True
        return bool(waiter(seconds, attempt, attempts))

    def _transaction_outcome(self, xid: int) -> str:
        """"committed", "aborted" or "unknown": what became of transaction ``xid`` whose COMMIT lost its answer."""
        attempt = 0
        while True:
            if attempt and not self.wait_for_server(attempt):
                return "unknown"
            attempt += 1
            try:
                with self.engine.connect() as connection:
                    status = connection.exec_driver_sql("SELECT txid_status(%s)", (xid,)).scalar()
                    connection.rollback()
                return status if status in ("committed", "aborted") else "unknown"
            except Exception as exc:  # noqa: BLE001 - still down: wait for the restart
                log.info("Server not back yet: %s", exc)

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

        A unit whose connection to the server was lost before it committed (the server restarted, the network
        dropped) is tried again (the pool reconnects): nothing of it was saved. Between attempts ``wait_for_server``
        waits: about 10 s in all without a window; with the window's waiter the window stays responsive and the
        user retries or stops. If the server stays away, the connection error (``StorageRefusedError``, reason
        ``connection``, once translated) says it was not saved.
        """
        from .storage_errors import StillBusyError

        busy_attempts = 0
        lost = 0
        while True:
            try:
                with self.session() as session:
                    return unit(session)
            except Exception as exc:
                if not self.kind.is_file and _connection_lost(exc):
                    lost += 1
                    if not self.wait_for_server(lost):
                        raise
                    log.warning("Connection to %s lost before commit; trying again", self.label)
                    continue
                busy_attempts += 1
                if isinstance(exc, StillBusyError) or not _is_busy(exc) or busy_attempts == BEGIN_ATTEMPTS:
                    raise
                time.sleep(0.05 * busy_attempts)

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    path: Path | str | ServerAddress, *, read_only: bool = False, create: bool = True, password: str | None = None
) -> Database:
    """Open (creating or migrating as needed) the database at ``path``: a file, or a ``postgresql://`` URL.

    Raises a ``DatabaseError`` with a Dutch message for anything the user must act on.
    """
    if engine_for(path) is not SQLITE:
        return _open_server(path, read_only=read_only, create=create, password=password)
    assert not isinstance(path, ServerAddress)
    path = Path(path).expanduser().absolute()
    refuse_non_regular(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists:
        if not create or read_only:
            raise DatabaseError(f"De database {path} bestaat niet. Kies een bestaand databasebestand.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"De map {path.parent} kan niet worden aangemaakt: {exc.strerror or exc}. Kies een map waar u mag "
                "schrijven."
            ) from exc
        engine = make_engine(path)
        try:
            _alembic_upgrade(engine)
        except Exception as exc:
            engine.dispose()
            problem = storage_problem(path, getattr(exc, "orig", None) or exc, doing="Het aanmaken van de database")
            if problem is None:
                raise
            raise problem from exc
        return Database(path, engine)
    info = inspect_file(path, recover=not read_only)
    if info.pending:  # read-only: SQLite cannot read the file before the left-over write is finished
        raise recovery_needed(path, info.pending)
    if info.revision is None:
        # An SQLite file with no tables at all: an empty file made by another program.
        if read_only:
            raise NotADatabaseError(
                f"De database {path.name} is leeg (er staan geen gegevens in). Kies een ander bestand, of open "
                "hem gewoon (niet alleen-lezen) om er een nieuwe database van te maken."
            )
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


class ServerUnavailableError(DatabaseError):
    """The server cannot be reached or refuses the login; ``reason`` says which (the message is Dutch)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # "password", "host", "down", "database", "tls", "other"


def server_revision(connection) -> tuple[str | None, bool]:
    """(schema revision, whether the database holds tables at all) of a database on a server."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        return None, bool(tables)
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return (row[0] if row else None), True


def _open_server(
    target: Path | str | ServerAddress, *, read_only: bool, create: bool, password: str | None
) -> Database:
    """Open a database on a PostgreSQL server: connect, check the schema, create or migrate it when allowed.

    A migration runs in one transaction (PostgreSQL's DDL is transactional): it succeeds whole or leaves the
    database as it was, so no copy is needed as for a file. Connection failures raise
    ``ServerUnavailableError`` with a Dutch message.
    """
    from .engines import POSTGRESQL

    try:
        address = target if isinstance(target, ServerAddress) else ServerAddress.parse(str(target))
    except ValueError as exc:
        raise DatabaseError(str(exc)) from exc
    if password is None:  # else PGPASSWORD or ~/.pgpass, which libpq reads itself
        from .credentials import stored_password

        password = stored_password(address)
    engine = POSTGRESQL.create_engine(address, read_only=read_only, password=password)
    try:
        with engine.connect() as connection:
            revision, has_tables = server_revision(connection)
    except Exception as exc:
        engine.dispose()
        reason, message = POSTGRESQL.connection_problem(exc, address)
        raise ServerUnavailableError(message, reason) from exc
    name = address.label
    if revision is not None and revision not in REVISIONS:
        engine.dispose()
        raise DatabaseTooNewError(
            f"De teamdatabase {name} is gemaakt met een nieuwere versie van GHNT Desktop (schema {revision}). "
            "Werk de app bij; er is niets gewijzigd."
        )
    if revision is None and has_tables:
        engine.dispose()
        raise NotADatabaseError(
            f"De database {name} bevat tabellen, maar is niet van GHNT Desktop. Kies een andere database; er is "
            "niets gewijzigd."
        )
    if revision != HEAD:
        if read_only or (revision is None and not create):
            engine.dispose()
            what = "is leeg" if revision is None else "heeft een oudere opbouw"
            raise DatabaseError(
                f"De teamdatabase {name} {what}. Laat de beheerder 'ghnt-desktop server init --url "
                f"{address.url}' uitvoeren; er is niets gewijzigd."
            )
        try:
            _alembic_upgrade(engine)
        except Exception as exc:
            engine.dispose()
            raise MigrationError(
                f"Het bijwerken van de teamdatabase {name} is mislukt; er is niets gewijzigd ({exc})."
            ) from exc
    return Database(Path(address.database), engine, read_only=read_only, address=address)
