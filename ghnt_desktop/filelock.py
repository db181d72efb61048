"""Who has a database open: a lock file beside it, so a second instance can say so and open read-only.

A database on a shared network folder may be opened from two laptops. SQLite's own locks keep single
transactions apart, but two people editing the same minutes at once would overwrite each other's work,
so the app holding a database for editing puts ``<name>.lock`` beside it (``ghnt.db`` gets
``ghnt.db.lock``), a small JSON file with the user, the machine (host name), the process id, when it
was opened and a heartbeat. A second instance reads it and tells the user "ghnt.db is geopend door anna
op LAPTOP-ANNA sinds 12-03-2025 10:32", and may open the database read-only.

Stale locks (a run that crashed, a laptop that lost power) are recognised and taken over:

- on the same machine, when the process id is no longer running (or is our own process, which does not
  hold it: a pid reused after a reboot);
- on any machine, when the heartbeat is older than ``STALE_AFTER`` (2 hours), and so is the lock file's
  modification time (laptops sharing a folder need not agree on the time). The holder refreshes the
  heartbeat every ``HEARTBEAT_INTERVAL`` (5 minutes; the GUI calls ``DatabaseLock.refresh`` on a timer).
  Two hours, not minutes: a laptop closed during the lunch break stops its heartbeat, and another user
  should not take the file over from a secretaris who is coming back. A lock file that cannot be read
  (empty, not JSON) is stale once its modification time is older than ``UNREADABLE_GRACE``.

The lock is created atomically (a hard link of a finished temporary file; where the file system has no
hard links, ``O_CREAT | O_EXCL``), so a reader never sees a half-written lock of a live holder. Taking
over a stale lock renames it aside first, so of two instances that both find it stale only one wins.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import secrets
import socket
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .db import DatabaseError
from .dutch_dates import short_date_time

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = timedelta(minutes=5)
STALE_AFTER = timedelta(hours=2)
UNREADABLE_GRACE = timedelta(minutes=1)
LOCK_SUFFIX = ".lock"
# A sign of life further in the future than this is a wrong clock, not a holder: it is not believed
# (else a lock written by a laptop set to 2099 would block the file for 75 years).
CLOCK_TOLERANCE = timedelta(days=1)
MAX_LOCK_BYTES = 64 * 1024  # ours are ~250 bytes; more is not a lock file of this app
MAX_PID = 2**32 - 1  # process ids are 32-bit on every platform
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Tokens of the locks this process holds: our own pid in a lock file we do not hold means a reused pid.
_HELD_TOKENS: set[str] = set()


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder."""

    user: str
    machine: str
    pid: int
    since: datetime  # aware, UTC
    heartbeat: datetime  # aware, UTC
    token: str
    # The lock file's modification time. Staleness uses the later of it and the heartbeat, so a holder
    # whose clock runs behind (laptops on one share need not agree on the time) is not taken for dead.
    touched: datetime | None = None
    # Dutch: why the lock file could not be read (empty, not JSON, impossible values); "" when it could.
    problem: str = ""

    @property
    def last_sign_of_life(self) -> datetime:
        return max(self.heartbeat, self.touched) if self.touched else self.heartbeat

    def since_text(self) -> str:
        """``since`` in local time as the user reads it: 12-03-2025 10:32."""
        try:
            return short_date_time(self.since.astimezone())
        except (OverflowError, ValueError, OSError):  # year 1 or 9999 in a foreign lock file
            return "een onbekend tijdstip"

    def describe(self) -> str:
        """ "anna op LAPTOP-ANNA sinds 12-03-2025 10:32"."""
        if self.problem:
            return f"een onbekende gebruiker ({self.problem})"
        return f"{self.user} op {self.machine} sinds {self.since_text()}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "user": self.user,
                "machine": self.machine,
                "pid": self.pid,
                "since": self.since.isoformat(),
                "heartbeat": self.heartbeat.isoformat(),
                "token": self.token,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockInfo:
        """Parse a lock file's text; raises ``ValueError`` for anything that is not a plausible lock."""
        try:
            data = json.loads(text)
        except RecursionError as exc:  # "[[[[...": deeper than the parser goes
            raise ValueError("nested too deeply") from exc
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        pid = data.get("pid") or 0
        if isinstance(pid, bool) or not isinstance(pid, int | str):
            raise ValueError(f"pid {pid!r}")
        pid = int(pid)
        if not 0 <= pid <= MAX_PID:
            raise ValueError(f"impossible pid {pid}")
        if "since" not in data:
            raise ValueError("no since")
        return cls(
            user=_plain(data.get("user")),
            machine=_plain(data.get("machine")),
            pid=pid,
            since=_moment(data["since"]),
            heartbeat=_moment(data.get("heartbeat") or data["since"]),
            token=str(data.get("token") or "")[:200],
        )


def _plain(value: object) -> str:
    """A user or machine name as a message may show it: printable, at most 100 characters."""
    text = "".join(ch for ch in str(value or "") if ch.isprintable()).strip()[:100]
    return text or "?"


def _moment(value: object) -> datetime:
    """An ISO time from a lock file, aware; one without a zone is taken as UTC (which this app writes)."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError(f"time {value!r}")
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class DatabaseInUseError(DatabaseError):
    """Another instance holds the database; ``holder`` says who, where and since when."""

    def __init__(self, path: Path, holder: LockInfo, action: str = "") -> None:
        if action:  # a command that writes cannot fall back to reading only
            message = (
                f"De database {path.name} is geopend door {holder.describe()}, dus {action} kan nu niet. "
                "Sluit de database daar (of wacht tot die gebruiker klaar is) en probeer het opnieuw; "
                "er is niets gewijzigd."
            )
        else:
            message = (
                f"De database {path.name} is geopend door {holder.describe()}. "
                "U kunt hem alleen-lezen openen, of wachten tot die gebruiker hem sluit."
            )
        super().__init__(message)
        self.path = path
        self.holder = holder


class LockUnavailableError(DatabaseError):
    """No lock file can be made beside the database (a read-only folder): only read-only opening is possible."""


class LockLostError(DatabaseError):
    """The lock this instance held was taken over or removed by someone else."""


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def this_machine() -> str:
    return socket.gethostname() or "onbekende computer"


def this_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment is not a reason to refuse
        return os.environ.get("USERNAME") or os.environ.get("USER") or "onbekende gebruiker"


def pid_running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a zombie counts as running)."""
    if pid <= 0 or pid > MAX_PID:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return True


def read_lock(db_path: Path | str) -> LockInfo | None:
    """The holder named by the lock file, or None when there is none.

    A lock file that cannot be read (empty, binary, not our JSON, an impossible pid or time) gives a
    ``LockInfo`` with pid 0 and a ``problem``, whose heartbeat is the file's modification time minus
    ``STALE_AFTER`` plus ``UNREADABLE_GRACE``: stale a minute after it was written (a holder on a file
    system without hard links writes its lock after creating it), never an error and never a block.
    """
    path = lock_path(db_path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_LOCK_BYTES + 1)
        mtime = _modified(path)
    except OSError:  # gone (released meanwhile), or not readable: nobody to name
        return None
    try:
        if len(raw) > MAX_LOCK_BYTES:
            raise ValueError("too long")
        return replace(LockInfo.from_json(raw.decode("utf-8")), touched=mtime)
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        log.warning("Unreadable lock file %s (%s): treated as left over once it is %s old", path, exc,
                    UNREADABLE_GRACE)
        problem = "het vergrendelingsbestand is leeg" if not raw.strip() else "het vergrendelingsbestand is onleesbaar"
        written = mtime or _EPOCH
        return LockInfo(
            "onbekend", "onbekende computer", 0, written, written - STALE_AFTER + UNREADABLE_GRACE, token="",
            problem=f"{problem}; als niemand de database open heeft, wordt het over een minuut vanzelf opgeruimd",
        )


def _modified(path: Path) -> datetime | None:
    """The file's modification time, or None when the file system reports an impossible one."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OverflowError, ValueError, OSError):
        return None


def is_stale(info: LockInfo, *, now: datetime | None = None, machine: str | None = None) -> bool:
    """Whether the lock ``info`` describes is left over from a run that no longer holds it."""
    now = now or datetime.now(UTC)
    # A heartbeat is written together with the file, so one far later than the file's modification time
    # (or than now) comes from a wrong clock: the lock then ends at most a day and STALE_AFTER after it
    # was last written, whatever it says.
    limit = now + CLOCK_TOLERANCE
    if info.touched is not None:
        limit = min(limit, info.touched + CLOCK_TOLERANCE)
    signs = [t for t in (info.heartbeat, info.touched) if t is not None and t <= limit]
    if not signs:
        log.warning("Lock of %s only shows signs of life in the future (a wrong clock): treated as left over",
                    info.describe())
        return True
    if now - max(signs) > STALE_AFTER:
        return True
    if info.pid <= 0:
        return False  # unreadable lock file: only its age counts (see read_lock)
    if info.machine.casefold() == (machine or this_machine()).casefold():
        if info.pid == os.getpid():
            return info.token not in _HELD_TOKENS
        return not pid_running(info.pid)
    return False


def _fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temp(path: Path, text: str) -> Path:
    temp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.tmp")
    with temp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return temp


def _create_exclusive(path: Path, text: str) -> None:
    """Create ``path`` holding ``text`` or raise ``FileExistsError``; readers never see it half-written."""
    temp = _write_temp(path, text)
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links (FAT, some network shares): exclusive create, then write.
        # (Where the folder is not writable at all, this fails too, and the caller reports that.)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        temp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _break_stale(path: Path, stale: LockInfo) -> None:
    """Remove a stale lock, unless another instance replaced it in the meantime."""
    aside = path.with_name(f"{path.name}.stale-{secrets.token_hex(4)}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return  # someone else removed it first
    try:
        moved = LockInfo.from_json(aside.read_bytes()[: MAX_LOCK_BYTES + 1].decode("utf-8"))
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        moved = None
    if moved is not None and stale.token and moved.token != stale.token:
        # Another instance took the stale lock over between our read and our rename: give it back.
        try:
            os.link(aside, path)
        except OSError:
            if not path.exists():
                os.rename(aside, path)
                return
        aside.unlink(missing_ok=True)
        return
    aside.unlink(missing_ok=True)


class DatabaseLock:
    """The lock this instance holds on a database; release it when the database is closed."""

    def __init__(self, db_path: Path, info: LockInfo, took_over: LockInfo | None) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.info = info
        # The stale holder this lock replaced: the GUI may say the last session did not close cleanly.
        self.took_over = took_over
        self.released = False

    def holds(self) -> bool:
        """Whether the lock file still names this instance."""
        current = read_lock(self.db_path)
        return current is not None and current.token == self.info.token

    def refresh(self, now: datetime | None = None) -> None:
        """Write a new heartbeat (call every ``HEARTBEAT_INTERVAL``); raises ``LockLostError`` if taken over."""
        if self.released:
            return
        current = read_lock(self.db_path)
        info = replace(self.info, heartbeat=now or datetime.now(UTC))
        if current is None:
            try:
                _create_exclusive(self.path, info.to_json())
            except FileExistsError:
                current = read_lock(self.db_path)
            else:
                self.info = info
                return
        if current is None or current.token != self.info.token:
            _HELD_TOKENS.discard(self.info.token)
            self.released = True
            who = current.describe() if current else "een andere gebruiker"
            raise LockLostError(
                f"De database {self.db_path.name} is inmiddels geopend door {who}. Uw wijzigingen tot nu toe "
                "zijn opgeslagen; open de database opnieuw om verder te werken."
            )
        try:
            temp = _write_temp(self.path, info.to_json())
            try:
                os.replace(temp, self.path)
            finally:
                temp.unlink(missing_ok=True)
        except OSError as exc:
            # A network hiccup or (on Windows) a reader holding the file: the next heartbeat tries again.
            log.warning("Could not refresh the lock of %s: %s", self.db_path, exc)
            return
        self.info = info

    def release(self) -> None:
        """Remove the lock file if it is still ours; safe to call twice."""
        if self.released:
            return
        self.released = True
        _HELD_TOKENS.discard(self.info.token)
        if self.holds():
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc_info) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"<DatabaseLock {self.path} {self.info.describe()}>"


def acquire(
    db_path: Path | str, *, user: str | None = None, machine: str | None = None, now: datetime | None = None
) -> DatabaseLock:
    """Lock ``db_path`` for editing by this instance.

    Raises ``DatabaseInUseError`` (with ``holder``) when a live instance holds it, and
    ``LockUnavailableError`` when no lock file can be written beside it (read-only folder).
    A stale lock is taken over; the returned lock's ``took_over`` names its former holder.
    """
    db_path = Path(db_path).expanduser().absolute()
    path = lock_path(db_path)
    machine = machine or this_machine()
    took_over: LockInfo | None = None
    for _attempt in range(5):
        moment = now or datetime.now(UTC)
        info = LockInfo(
            user=user or this_user(),
            machine=machine,
            pid=os.getpid(),
            since=moment,
            heartbeat=moment,
            token=secrets.token_hex(16),
        )
        try:
            _create_exclusive(path, info.to_json())
        except FileExistsError:
            holder = read_lock(db_path)
            if holder is None:
                continue  # released between our attempt and our read
            if not is_stale(holder, now=moment, machine=machine):
                raise DatabaseInUseError(db_path, holder) from None
            log.warning("Taking over stale lock of %s: %s (pid %s)", db_path, holder.describe(), holder.pid)
            _break_stale(path, holder)
            took_over = holder
            continue
        except OSError as exc:
            raise LockUnavailableError(
                f"In de map {db_path.parent} kan GHNT Desktop niet schrijven ({exc.strerror or exc}). "
                "De database kan alleen worden bekeken (alleen-lezen)."
            ) from exc
        _HELD_TOKENS.add(info.token)
        return DatabaseLock(db_path, info, took_over)
    holder = read_lock(db_path)
    if holder is not None:
        raise DatabaseInUseError(db_path, holder)
    raise LockUnavailableError(f"De database {db_path.name} kon niet worden vergrendeld; probeer het opnieuw.")


def acquire_for_command(db_path: Path | str, action: str) -> DatabaseLock:
    """``acquire`` for a command-line command that writes to the database (or replaces it).

    The command takes the same lock as the app, so ``import`` or ``demo --force`` never writes under an
    open app. A held lock is refused with a ``DatabaseInUseError`` naming the holder and saying that
    ``action`` (Dutch, e.g. "het inlezen") cannot happen now.
    """
    try:
        return acquire(db_path)
    except DatabaseInUseError as exc:
        raise DatabaseInUseError(exc.path, exc.holder, action) from None
