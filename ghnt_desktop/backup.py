"""Automatic and manual backups of a database, their rotation, listing and restoring.

The database is the only copy of the network's minutes, so the app copies it when it is opened, at
most once a day, with SQLite's online backup API (a consistent copy even while it is open). Copies go
to a ``backups/`` folder beside the database, named after the database with date, time and kind:
``backups/ghnt-2025-03-12-103200-auto.db``. Every copy is written to a temporary name, checked,
flushed to disk and only then renamed, so a crash never leaves a half copy that looks like a backup.
Copies are in rollback-journal mode: one self-contained file, readable without ``-wal`` or ``-shm``.

Rotation (restic's ``--keep-daily 7 --keep-weekly 4``) applies to automatic copies only: it keeps the
newest copy of each of the last 7 days that have one and the newest of each of the last 4 ISO weeks
that have one. Days without a copy (the app was not opened) do not count, so a network that meets
monthly keeps months of history. Manual copies (``ghnt-desktop backup``) and the copies made before a
restore are kept until the user deletes them; so are the copies ``db.py`` writes beside the database
before a schema migration (``ghnt.voor-migratie-0001_initial-20250312-103200.db``), which
``list_backups`` shows too.

``restore_backup`` first copies the current file aside, then restores with the backup API, which
writes the target in one SQLite transaction: if it fails half-way the target is rolled back, never
half-written.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .db import (
    DatabaseError,
    disk_is_full,
    file_uri,
    inspect_file,
    leftover_side_files,
    read_only_uri,
    recover_in_place,
    side_file,
)

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4

AUTO = "auto"
MANUAL = "handmatig"
BEFORE_RESTORE = "voor-herstel"
DAMAGED = "beschadigd"
BEFORE_MIGRATION = "voor-migratie"
KIND_LABELS = {
    AUTO: "automatisch",
    MANUAL: "handmatig",
    BEFORE_RESTORE: "voor terugzetten",
    DAMAGED: "beschadigd bestand",
    BEFORE_MIGRATION: "voor bijwerken",
}
_KINDS_IN_FOLDER = (AUTO, MANUAL, BEFORE_RESTORE, DAMAGED)
_STAMP = "%Y-%m-%d-%H%M%S"
_PAGES_PER_STEP = 256  # 1 MiB at 4 KiB pages: small enough for a progress bar, big enough to be quick
# Python's backup() retries a busy or locked step for ever; give up after this many seconds without progress.
BUSY_PATIENCE = 1.5
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


class BackupError(DatabaseError):
    """A backup could not be made or restored; the message is Dutch and meant for the user."""


class _BusyTooLong(Exception):
    """A backup step stayed busy or locked for ``BUSY_PATIENCE`` seconds (another process holds the file)."""


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, so the user can pick the right one."""

    revision: str | None
    meetings: int
    decisions: int
    action_items: int
    programme_actions: int
    last_meeting: date | None

    def text(self) -> str:
        """ "12 overleggen, 40 besluiten, 80 actiepunten, 35 programma-acties; laatste overleg 05-03-2025"."""

        def count(n: int, one: str, many: str) -> str:
            return f"{n} {one if n == 1 else many}"

        parts = ", ".join(
            [
                count(self.meetings, "overleg", "overleggen"),
                count(self.decisions, "besluit", "besluiten"),
                count(self.action_items, "actiepunt", "actiepunten"),
                count(self.programme_actions, "programma-actie", "programma-acties"),
            ]
        )
        last = f"; laatste overleg {self.last_meeting:%d-%m-%Y}" if self.last_meeting else ""
        return parts + last


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when, what kind, how big, and what it holds (or why it cannot be read)."""

    path: Path
    created: datetime  # local time, naive, as in the file name
    kind: str
    size: int
    summary: BackupSummary | None = None
    problem: str = ""  # Dutch: why this backup cannot be restored; empty when it can

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def usable(self) -> bool:
        return not self.problem

    def label(self) -> str:
        """One line for the restore dialog: date, kind and contents (or the problem)."""
        head = f"{self.created:%d-%m-%Y %H:%M} ({self.kind_label})"
        if self.problem:
            return f"{head}: {self.problem}"
        return f"{head}: {self.summary.text()}" if self.summary else head


@dataclass(frozen=True)
class RestoreResult:
    """What ``restore_backup`` did: the backup restored, where the replaced file went, what is in it now."""

    restored_from: Path
    safety_copy: Path | None
    summary: BackupSummary


def backup_dir(db_path: Path | str) -> Path:
    return Path(db_path).expanduser().absolute().parent / BACKUP_DIR_NAME


def _uri(path: Path, *, immutable: bool = False) -> str:
    uri = file_uri(path) + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _local(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _folder_pattern(db_path: Path) -> re.Pattern[str]:
    kinds = "|".join(re.escape(k) for k in _KINDS_IN_FOLDER)
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{4}}-\d{{2}}-\d{{2}}-\d{{6}})-({kinds})(?:-\d+)?{re.escape(db_path.suffix)}$"
    )


def _migration_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_path.stem)}\.{BEFORE_MIGRATION}-.+-(\d{{8}}-\d{{6}}){re.escape(db_path.suffix)}$"
    )


def _scan(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path`` found by name (no contents read), newest first."""
    found: list[BackupInfo] = []
    folder = backup_dir(db_path)
    pattern = _folder_pattern(db_path)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and entry.is_file():
                created = datetime.strptime(match.group(1), _STAMP)
                found.append(BackupInfo(entry, created, match.group(2), entry.stat().st_size))
    migration = _migration_pattern(db_path)
    for entry in db_path.parent.iterdir() if db_path.parent.is_dir() else []:
        match = migration.match(entry.name)
        if match and entry.is_file():
            created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupInfo(entry, created, BEFORE_MIGRATION, entry.stat().st_size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def read_summary(path: Path | str, *, live: bool = False) -> BackupSummary:
    """Count what a database file holds, reading it without writing to it.

    A backup (``live=False``) is read immutable: no ``-shm`` file is made beside it, so listing works in
    a read-only folder. A live database (``live=True``) is read normally, so its ``-wal`` counts.
    Raises ``DatabaseError`` (Dutch) when the file is not a readable GHNT Desktop database.
    """
    path = Path(path)
    info = inspect_file(path)  # refuses a non-database, damaged or too new file, without writing
    connection = sqlite3.connect(_uri(path, immutable=not live), uri=True)
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def count(table: str) -> int:
            return connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] if table in tables else 0

        # Only well-formed dates count: one bad value (found by 'ghnt-desktop check') must not stop a backup.
        last = (
            connection.execute(f"SELECT MAX(date) FROM meeting WHERE date GLOB '{_ISO_DATE_GLOB}*'").fetchone()[0]
            if "meeting" in tables
            else None
        )
        return BackupSummary(
            revision=info.revision,
            meetings=count("meeting"),
            decisions=count("decision"),
            action_items=count("action_item"),
            programme_actions=count("programme_action"),
            last_meeting=_iso_date(last),
        )
    except sqlite3.Error as exc:
        raise BackupError(f"De reservekopie {path.name} kan niet worden gelezen ({exc}).") from exc
    finally:
        connection.close()


_ISO_DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _with_summary(backup: BackupInfo) -> BackupInfo:
    try:
        summary = read_summary(backup.path)
    except DatabaseError as exc:
        return BackupInfo(backup.path, backup.created, backup.kind, backup.size, None, str(exc))
    return BackupInfo(backup.path, backup.created, backup.kind, backup.size, summary, "")


def list_backups(db_path: Path | str, *, with_summary: bool = True) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first, each with its contents summary or its problem.

    Reads the backups read-only; never raises for a bad backup file (its ``problem`` says what is wrong).
    """
    db_path = Path(db_path).expanduser().absolute()
    backups = _scan(db_path)
    return [_with_summary(b) for b in backups] if with_summary else backups


def _unique_target(folder: Path, db_path: Path, created: datetime, kind: str) -> Path:
    base = f"{db_path.stem}-{created.strftime(_STAMP)}-{kind}"
    target = folder / f"{base}{db_path.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}{db_path.suffix}"
        n += 1
    return target


def _copy_consistent(source: Path, target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Copy ``source`` to a new file ``target`` with the backup API, checked and flushed; no half file stays."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True, timeout=0.5)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst, pages=_PAGES_PER_STEP, progress=_progress_adapter(progress))
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                check = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if check != "ok":
            raise BackupError(f"De kopie van {source.name} is niet in orde ({check}); er is geen reservekopie gemaakt.")
        _fsync_file(temp)
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        for side in ("-journal", "-wal", "-shm"):
            temp.with_name(temp.name + side).unlink(missing_ok=True)
        raise


def _progress_adapter(progress: Callable[[int, int], None] | None):
    """The progress callback of ``Connection.backup``: reports progress and ends a step that stays busy.

    Python retries a busy or locked backup step for ever (another process holds the file, or a read-only
    ``-wal`` cannot be read); raising from the callback aborts the backup instead of hanging.
    """
    busy_since: list[float] = []

    def call(status: int, remaining: int, total: int) -> None:
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED):
            if not busy_since:
                busy_since.append(time.monotonic())
            elif time.monotonic() - busy_since[0] > BUSY_PATIENCE:
                raise _BusyTooLong
        else:
            busy_since.clear()
        if progress is not None:
            progress(total - remaining, total)

    return call


def _storage_message(exc: BaseException, folder: Path | None = None) -> str:
    """Why a copy failed, in Dutch, with what to do (``folder``: where it was written, to tell a full disk)."""
    from .storage_errors import storage_reason

    if isinstance(exc, _BusyTooLong):
        return "de database is bezet door een ander programma of een andere gebruiker; probeer het zo opnieuw"
    reason = storage_reason(exc)
    if reason in ("io", None) and folder is not None and disk_is_full(folder):
        reason = "full"  # SQLite reports a file it cannot grow on a full disk as an I/O error
    if reason == "full":
        return "de schijf is vol; maak ruimte vrij en probeer het opnieuw"
    if reason == "read_only":
        return "het bestand of de map is alleen-lezen; kies een map waar u mag schrijven of vraag schrijfrechten"
    if reason == "io":
        return "lezen of schrijven op de schijf mislukte; controleer of de netwerkmap of USB-stick verbonden is"
    if reason == "busy":
        return "de database is bezet door een ander programma of een andere gebruiker; probeer het zo opnieuw"
    if reason == "corrupt":
        return "de database is beschadigd; zet een eerdere reservekopie terug"
    return str(exc)


def _copy_recovering(source: Path, target: Path, progress: Callable[[int, int], None] | None) -> None:
    """``_copy_consistent``, and for a database a stopped run left a ``-journal``/``-wal`` beside that cannot be
    read in place (a hot journal, a read-only folder): copy it with them to a temporary folder, let SQLite
    finish there and back up that. The database and its files stay as they are."""
    try:
        _copy_consistent(source, target, progress)
        return
    except sqlite3.Error as exc:
        from .storage_errors import storage_reason

        leftovers = leftover_side_files(source)
        # Python reports a failed backup step with the primary code only: SQLITE_READONLY or SQLITE_CANTOPEN.
        if not leftovers or storage_reason(exc) not in ("read_only", "io"):
            raise
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ghnt-kopie-") as folder:
        copy = Path(folder) / source.name
        shutil.copyfile(source, copy)
        for leftover in leftovers:
            shutil.copyfile(leftover, side_file(copy, leftover.name[len(source.name) :]))
        recover_in_place(copy)
        _copy_consistent(copy, target, progress)


def make_backup(
    db_path: Path | str,
    *,
    kind: str = MANUAL,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupInfo:
    """Copy the database into ``backups/`` beside it now; returns the new backup (with summary).

    Raises ``BackupError`` (Dutch) if the copy cannot be made; the database itself is only read.
    """
    if kind not in _KINDS_IN_FOLDER:
        raise ValueError(f"unknown backup kind {kind!r}")
    db_path = Path(db_path).expanduser().absolute()
    if not db_path.is_file():
        raise BackupError(f"De database {db_path} bestaat niet; er is geen reservekopie gemaakt.")
    created = _local(now).replace(microsecond=0)
    folder = backup_dir(db_path)
    try:
        folder.mkdir(exist_ok=True)
        target = _unique_target(folder, db_path, created, kind)
        _copy_recovering(db_path, target, progress)
    except BackupError:
        raise
    except (sqlite3.Error, OSError, _BusyTooLong) as exc:
        raise BackupError(
            f"Er kon geen reservekopie van {db_path.name} worden gemaakt in {folder} "
            f"({_storage_message(exc, folder if folder.is_dir() else db_path.parent)})."
        ) from exc
    log.info("Backup of %s written to %s", db_path, target)
    return _with_summary(BackupInfo(target, created, kind, target.stat().st_size))


def rotate(db_path: Path | str, *, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY) -> list[Path]:
    """Delete automatic backups outside the rotation (see the module docstring); returns what was deleted."""
    db_path = Path(db_path).expanduser().absolute()
    autos = [b for b in _scan(db_path) if b.kind == AUTO]  # newest first
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in autos:
        day = backup.created.date()
        week = tuple(day.isocalendar())[:2]
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(backup.path)
    deleted = []
    for backup in autos:
        if backup.path not in keep:
            try:
                backup.path.unlink()
                deleted.append(backup.path)
            except OSError as exc:
                log.warning("Could not delete old backup %s: %s", backup.path, exc)
    _remove_leftover_temps(db_path)
    return deleted


def _remove_leftover_temps(db_path: Path, older_than: float = 3600) -> list[Path]:
    """Temporary files of copies a crash interrupted (``older_than`` seconds old: a copy in progress,
    perhaps by ``ghnt-desktop backup``, which takes no lock, is never touched)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return _remove_old(folder.glob(f".{db_path.stem}-*.tmp*"), time.time() - older_than)


def _remove_old(entries, limit: float) -> list[Path]:
    removed = []
    for entry in entries:
        try:
            if entry.is_file() and entry.stat().st_mtime < limit:
                entry.unlink()
                removed.append(entry)
        except OSError as exc:
            log.warning("Could not remove the left-over %s: %s", entry, exc)
    return removed


# A backup copy that has not been written to for this long was left by a killed run.
LEFTOVER_BACKUP_AGE = 600
LEFTOVER_LOCK_TEMP_AGE = 60


def remove_leftovers(db_path: Path | str) -> list[Path]:
    """Remove what killed backups, restores, migrations and lock writes left beside ``db_path``.

    Called when the app opens the database for editing, holding its lock: no restore or migration of
    this database can then be running, so their temporary files go at once (a restore's
    ``.ghnt.db.herstel-*.tmp``, a migration's ``ghnt.migratie-bezig.db`` with its ``-wal``/``-shm``/
    ``-journal``). Backup copies in ``backups/`` (``ghnt-desktop backup`` takes no lock) and the lock's own
    temporary files (written by any instance) go once they are ``LEFTOVER_BACKUP_AGE`` /
    ``LEFTOVER_LOCK_TEMP_AGE`` seconds old. Never raises; returns what was removed.
    """
    from .db import migration_work_path

    db_path = Path(db_path).expanduser().absolute()
    folder, name = db_path.parent, db_path.name
    now = time.time()
    try:
        work = migration_work_path(db_path)
        removed = _remove_old(
            [*folder.glob(f".{name}.herstel-*.tmp*"), *folder.glob(f"..{name}.herstel-*.tmp*"), work,
             *(work.with_name(work.name + side) for side in ("-wal", "-shm", "-journal"))],
            now + 1,
        )
        removed += _remove_old(
            [*folder.glob(f"{name}.lock.*.tmp"), *folder.glob(f"{name}.lock.stale-*")], now - LEFTOVER_LOCK_TEMP_AGE
        )
        removed += _remove_leftover_temps(db_path, LEFTOVER_BACKUP_AGE)
    except OSError as exc:  # an unreadable folder: the next start tries again
        log.warning("Could not look for left-overs beside %s: %s", db_path, exc)
        return []
    if removed:
        log.info("Removed left-overs of interrupted work: %s", ", ".join(p.name for p in removed))
    return removed


def backup_on_open(db_path: Path | str, now: datetime | None = None) -> BackupInfo | None:
    """Make the automatic backup when no automatic backup of today exists yet, then rotate.

    Returns the new backup, or None when there was already one today (or there is no database yet).
    Raises ``BackupError`` when the copy fails; the caller opens the database anyway and tells the user.
    Call it on open and, for an app left open past midnight, again from a timer (it is cheap when not due).
    """
    db_path = Path(db_path).expanduser().absolute()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    today = _local(now).date()
    if any(b.kind == AUTO and b.created.date() == today for b in _scan(db_path)):
        return None
    backup = make_backup(db_path, kind=AUTO, now=now)
    rotate(db_path)
    return backup


def _holds_other_lock(target: Path) -> None:
    """Refuse to restore over a database another live instance has open."""
    from .filelock import _HELD_TOKENS, DatabaseInUseError, is_stale, read_lock

    holder = read_lock(target)
    if holder is not None and holder.token not in _HELD_TOKENS and not is_stale(holder):
        raise DatabaseInUseError(target, holder)


def _healthy_target(target: Path) -> bool:
    """Whether the database a restore replaces is healthy (then it is copied aside consistently).

    A hot ``-journal`` or a ``-wal`` left by a stopped run is finished by SQLite first (after a check on a
    copy), as any opening for writing would. False for a missing, damaged or foreign file, or one whose
    ``-wal`` does not belong to it: its bytes and side files are then kept as they are.
    Raises ``BackupError`` when the target cannot be written at all (read-only, disk full): the real reason.
    """
    from .db import DamagedDatabaseError, DatabaseTooNewError, ForeignWalError, NotADatabaseError

    if not target.exists() or target.stat().st_size == 0:
        return False
    try:
        inspect_file(target, recover=True)
    except (DamagedDatabaseError, NotADatabaseError, DatabaseTooNewError, ForeignWalError):
        return False
    except DatabaseError as exc:
        raise BackupError(f"Er is niets teruggezet. {exc}") from exc
    return True


def _safety_copy(target: Path, healthy: bool, now: datetime | None) -> Path | None:
    """Keep the file a restore replaces: a consistent copy, or the raw bytes when it is damaged.

    The raw copy's ``-journal`` and ``-wal`` are moved along with it by ``_swap_in`` (never deleted).
    """
    if not target.exists() or (target.stat().st_size == 0 and not leftover_side_files(target)):
        return None
    if healthy:
        return make_backup(target, kind=BEFORE_RESTORE, now=now).path
    folder = backup_dir(target)
    folder.mkdir(exist_ok=True)
    copy = _unique_target(folder, target, _local(now).replace(microsecond=0), DAMAGED)
    shutil.copy2(target, copy)
    _fsync_file(copy)
    return copy


def _swap_in(temp: Path, target: Path, safety: Path | None) -> None:
    """Replace a damaged or missing ``target`` by the restored ``temp``.

    Its ``-journal`` and ``-wal`` (which SQLite would replay into the restored file) go along with the safety
    copy, so whatever they hold is kept; they are put back if the swap fails.
    """
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("-journal", "-wal"):
            side = side_file(target, suffix)
            if side.exists():
                if safety is None:
                    raise BackupError(f"{side.name} kan niet worden veiliggesteld; er is niets teruggezet.")
                kept = side_file(safety, suffix)
                os.replace(side, kept)
                moved.append((kept, side))
        side_file(target, "-shm").unlink(missing_ok=True)  # only an index of the -wal; SQLite rebuilds it
        os.replace(temp, target)
    except BaseException:
        for kept, side in reversed(moved):
            try:
                os.replace(kept, side)
            except OSError:
                log.exception("Could not put %s back as %s", kept, side)
        raise
    _fsync_dir(target.parent)
    if safety is not None:
        _fsync_dir(safety.parent)


def restore_backup(
    backup: BackupInfo | Path | str,
    target: Path | str,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RestoreResult:
    """Put ``backup`` back as the database ``target``, after copying the current ``target`` aside.

    The caller must have closed its own connections to ``target``; a target another instance holds is
    refused (``DatabaseInUseError``). Raises ``DatabaseError`` (Dutch) for a backup that cannot be
    restored; on any failure the target keeps its old contents.
    """
    source = Path(backup.path if isinstance(backup, BackupInfo) else backup).expanduser().absolute()
    target = Path(target).expanduser().absolute()
    summary = read_summary(source)  # refuses a damaged, foreign or too new backup before anything changes
    _holds_other_lock(target)
    healthy = _healthy_target(target)
    try:
        safety = _safety_copy(target, healthy, now)
    except BackupError as exc:
        raise BackupError(f"De huidige database {target.name} kon niet eerst worden veiliggesteld: {exc}") from exc
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(
            f"De huidige database {target.name} kon niet eerst worden veiliggesteld "
            f"({_storage_message(exc, target.parent)}); "
            "er is niets teruggezet."
        ) from exc
    try:
        if healthy:
            # The backup API writes the target in one transaction: an error or crash rolls it back.
            src = sqlite3.connect(_uri(source, immutable=True), uri=True)
            dst = sqlite3.connect(target, timeout=1)
            try:
                src.backup(dst, pages=_PAGES_PER_STEP, progress=_progress_adapter(progress))
            finally:
                dst.close()
                src.close()
        else:
            # A damaged or missing target cannot take a transaction: build the copy beside it, then swap.
            temp = target.with_name(f".{target.name}.herstel-{secrets.token_hex(4)}.tmp")
            _copy_consistent(source, temp, progress)
            try:
                _swap_in(temp, target, safety)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
    except (sqlite3.Error, OSError, _BusyTooLong) as exc:
        raise BackupError(
            f"Het terugzetten van {source.name} is mislukt ({_storage_message(exc, target.parent)}); "
            f"de database {target.name} is niet gewijzigd."
        ) from exc
    restored = read_summary(target, live=True)
    log.info("Restored %s from %s (safety copy %s)", target, source, safety)
    if restored != summary:
        raise BackupError(
            f"Na het terugzetten wijkt de inhoud van {target.name} af van de reservekopie; "
            f"de vorige database staat in {safety}."
        )
    return RestoreResult(restored_from=source, safety_copy=safety, summary=restored)
