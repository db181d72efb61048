"""Opening a database the way the app does: lock, open (migrate), storage errors, automatic backup.

Above ``filelock`` (the lock file) and ``backup`` (which respects that lock when restoring): opening an
existing file combines both, so it lives here rather than in either of them.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import storage_errors
from .backup import BackupError, BackupInfo, RestoreResult, backup_on_open, remove_leftovers, restore_backup
from .db import Database, DatabaseError, open_database
from .filelock import DatabaseLock, LockUnavailableError, acquire

log = logging.getLogger(__name__)


@dataclass
class OpenedDatabase:
    """A database as the app opened it: the lock it holds (None when read-only) and the backup made."""

    database: Database
    lock: DatabaseLock | None
    backup: BackupInfo | None = None
    backup_problem: str = ""  # Dutch: why the automatic backup failed (the database is open anyway)

    @property
    def read_only(self) -> bool:
        # A team database has no lock file: the server keeps writers apart (engines.PostgresEngine).
        return self.database.read_only or (self.lock is None and self.database.is_file)

    def restore(self, backup, *, progress=None) -> RestoreResult:
        """Put ``backup`` (a ``BackupInfo`` or path) back in place of this open database, keeping the lock.

        Closes the connections, restores (the replaced file is copied aside first), and reopens the
        database, also when the restore fails; raises the restore's ``DatabaseError`` after reopening.
        """
        if self.lock is None:
            raise DatabaseError("Een alleen-lezen geopende database kan niet worden teruggezet.")
        path = self.database.path
        self.database.close()
        try:
            return restore_backup(backup, path, progress=progress)
        finally:
            self.database = open_database(path)
            storage_errors.install(self.database.engine)

    def close(self) -> None:
        """Close the database, then release the lock (in that order: nothing writes after the release)."""
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def open_for_editing(
    path: Path | str, *, create: bool = True, now: datetime | None = None, backup: bool = True
) -> OpenedDatabase:
    """Open a database the way the app does for editing: lock, open (migrate), storage errors, backup.

    ``backup=False`` leaves the automatic daily backup (``backup.backup_on_open``) to the caller: the
    window makes it in a worker task, since copying and checking a big database takes a second.

    Raises ``DatabaseInUseError`` / ``LockUnavailableError`` (another instance has it; a read-only file
    or folder: offer ``open_read_only``) and the other
    ``DatabaseError``s of ``open_database`` (offer to restore a backup or open another file); the lock
    is released again when opening fails.
    """
    path = Path(path).expanduser().absolute()
    if not create and not (path.exists() and path.stat().st_size > 0):
        raise DatabaseError(f"De database {path} bestaat niet.")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not os.access(path, os.W_OK):
        raise LockUnavailableError(
            f"Het bestand {path.name} is alleen-lezen; de database kan alleen worden bekeken (alleen-lezen)."
        )
    lock = acquire(path)
    try:
        remove_leftovers(path)  # of a backup, restore or migration that was killed: we hold the lock now
        database = open_database(path, create=create)
    except BaseException:
        lock.release()
        raise
    storage_errors.install(database.engine)
    opened = OpenedDatabase(database, lock)
    if not backup:
        return opened
    try:
        opened.backup = backup_on_open(path, now)
    except BackupError as exc:
        log.warning("Automatic backup of %s failed: %s", path, exc)
        opened.backup_problem = str(exc)
    return opened


def open_read_only(path: Path | str) -> OpenedDatabase:
    """Open a database for viewing only (another instance holds it, or the folder is read-only)."""
    database = open_database(Path(path).expanduser().absolute(), read_only=True)
    storage_errors.install(database.engine)
    return OpenedDatabase(database, None)


def open_server(target, *, password: str | None = None) -> OpenedDatabase:
    """Open a team database (a ``postgresql://`` URL or ``ServerAddress``) for editing.

    No lock file and no automatic backup: those belong to a file; the server's administrator backs it up.
    Raises ``db.ServerUnavailableError`` (wrong password, unknown host, server down) and other ``DatabaseError``s.
    """
    database = open_database(target, password=password)
    storage_errors.install(database.engine)
    return OpenedDatabase(database, None)
