"""SQLite's storage failures (disk full, read-only file or folder, I/O errors) as a refused edit.

When the disk is full or the file cannot be written, SQLite rolls the transaction back and raises
``sqlite3.OperationalError`` ("database or disk is full", "attempt to write a readonly database"). The
data already saved is intact; what the user needs is a Dutch sentence saying the edit was not saved and
why. ``install(engine)`` hooks SQLAlchemy's ``handle_error`` event so every such failure reaches the GUI
as a ``StorageRefusedError`` (a ``RefusedError``), which the GUI shows like any refused action.
``refusing_storage_errors()`` does the same for code that uses ``sqlite3`` or files directly (backups).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

from .services import RefusedError

# Primary SQLite result codes (the extended codes carry them in their low byte).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

NOT_SAVED = "De wijziging is niet opgeslagen"

MESSAGES: dict[str, str] = {
    "full": f"{NOT_SAVED}: de schijf is vol. Er is niets half opgeslagen; maak ruimte vrij en probeer het opnieuw.",
    "read_only": (
        f"{NOT_SAVED}: de database is alleen-lezen (het bestand of de map is beveiligd tegen schrijven, of de "
        "database is alleen-lezen geopend). Er is niets gewijzigd."
    ),
    "io": (
        f"{NOT_SAVED}: schrijven naar de schijf is mislukt (is de netwerkmap of USB-stick nog verbonden?). "
        "Eerder opgeslagen gegevens blijven bewaard; probeer het opnieuw."
    ),
    "busy": (
        f"{NOT_SAVED}: de database is bezet door een ander programma of een andere gebruiker. "
        "Probeer het over enkele ogenblikken opnieuw."
    ),
    "corrupt": (
        f"{NOT_SAVED}: de database blijkt beschadigd. Sluit de app en herstel een reservekopie "
        "(Bestand > Reservekopie terugzetten)."
    ),
    "connection": (
        f"{NOT_SAVED}: de verbinding met de teamdatabase is verbroken (de server is herstart of het netwerk viel "
        "weg). Wat u invulde staat nog op het scherm; probeer het opnieuw zodra de verbinding terug is."
    ),
    "rights": (
        f"{NOT_SAVED}: uw account bij de teamdatabase heeft daar geen rechten voor (bijvoorbeeld: een partner mag "
        "alleen voortgang vastleggen bij de eigen acties, een lezer niets wijzigen). Er is niets gewijzigd; vraag "
        "de projectleider of secretaris om de wijziging, of om andere rechten."
    ),
    "replaced": (
        f"{NOT_SAVED}: het databasebestand %s is vervangen door een ander bestand terwijl de app het open had "
        "(door een synchronisatieprogramma zoals OneDrive of Dropbox, of door een ander programma). Wat u "
        "invulde staat nog op het scherm: kopieer het zo nodig, sluit de database en open hem opnieuw "
        "(Bestand > Openen)."
    ),
}

_REASON_BY_CODE = {
    SQLITE_FULL: "full",
    SQLITE_READONLY: "read_only",
    SQLITE_PERM: "read_only",
    SQLITE_IOERR: "io",
    SQLITE_CANTOPEN: "io",
    SQLITE_BUSY: "busy",
    SQLITE_LOCKED: "busy",
    SQLITE_CORRUPT: "corrupt",
    SQLITE_NOTADB: "corrupt",
}
_REASON_BY_ERRNO = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EIO: "io",
}
# Older SQLite builds or wrappers may not set sqlite_errorcode; the message text is stable.
_REASON_BY_TEXT = [
    ("database or disk is full", "full"),
    ("readonly database", "read_only"),
    ("disk i/o error", "io"),
    ("unable to open database file", "io"),
    ("database is locked", "busy"),
    ("database disk image is malformed", "corrupt"),
    ("file is not a database", "corrupt"),
]


# PostgreSQL's SQLSTATEs (a team database; psycopg's errors carry ``sqlstate``). Class 08 is a lost connection.
_REASON_BY_SQLSTATE = {
    "55P03": "busy",  # lock_not_available: another writer held the write lock past lock_timeout
    "40P01": "busy",  # deadlock_detected
    "40001": "busy",  # serialization_failure
    "53100": "full",  # disk_full
    "25006": "read_only",  # read_only_sql_transaction
    "42501": "rights",  # insufficient_privilege: a role's grants or a row-level security policy refused it
    "57P01": "connection",  # admin_shutdown: the server is stopping or restarting
    "57P02": "connection",
    "57P03": "connection",  # cannot_connect_now: the server is starting
}


def _server_reason(exc: BaseException) -> str | None:
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str):
        return "connection" if state.startswith("08") else _REASON_BY_SQLSTATE.get(state)
    if type(exc).__name__ == "OperationalError":  # psycopg without a state: the connection itself failed
        return "connection"
    return None


class StorageRefusedError(RefusedError):
    """An edit refused because the storage failed; ``reason`` is full, read_only, io, busy, corrupt, replaced,
    connection (a team database's server could not be reached) or rights (the login's role may not do it)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def storage_reason(exc: BaseException) -> str | None:
    """The kind of storage failure ``exc`` is (see ``MESSAGES``), or None if it is something else."""
    original = getattr(exc, "orig", None)  # a SQLAlchemy DBAPIError wraps the sqlite3 error
    if original is not None and original is not exc:
        return storage_reason(original)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _REASON_BY_CODE:
            return _REASON_BY_CODE[code & 0xFF]
        text = str(exc).lower()
        return next((reason for needle, reason in _REASON_BY_TEXT if needle in text), None)
    if isinstance(exc, OSError):
        return _REASON_BY_ERRNO.get(exc.errno or -1)
    if type(exc).__module__.startswith("psycopg"):
        return _server_reason(exc)
    return None


def translate(exc: BaseException) -> StorageRefusedError | None:
    """A ``StorageRefusedError`` with a Dutch message for a storage failure, else None."""
    reason = storage_reason(exc)
    return StorageRefusedError(MESSAGES[reason], reason) if reason else None


class StillBusyError(StorageRefusedError):
    """The database stayed locked by another program through every attempt (see ``Database.session``)."""


def busy_error() -> StillBusyError:
    return StillBusyError(MESSAGES["busy"], "busy")


def uncertain_commit_error() -> StorageRefusedError:
    """The connection dropped during COMMIT and the server could not be asked afterwards whether it committed."""
    return StorageRefusedError(
        "De verbinding met de teamdatabase viel weg op het moment van opslaan, en de server is nog niet terug: het "
        "is niet zeker of de laatste wijziging is opgeslagen. Wat u invulde staat nog op het scherm; kijk zodra de "
        "verbinding terug is (Beeld > Vernieuwen) of de wijziging er staat, en voer hem anders opnieuw in.",
        "uncertain",  # not "connection": trying it again might save it twice
    )


def replaced_error(path) -> StorageRefusedError:
    """The file under the open database was replaced (see ``Database.check_not_replaced``)."""
    return StorageRefusedError(MESSAGES["replaced"] % getattr(path, "name", path), "replaced")


def _on_error(context) -> BaseException | None:
    refused = translate(context.original_exception)
    if refused is not None:
        refused.__cause__ = context.original_exception
    return refused  # SQLAlchemy raises what the hook returns in place of its own error


def install(engine: Engine) -> None:
    """Make ``engine`` raise ``StorageRefusedError`` for disk full, read-only and I/O failures."""
    if not event.contains(engine, "handle_error", _on_error):
        event.listen(engine, "handle_error", _on_error)


@contextmanager
def refusing_storage_errors() -> Iterator[None]:
    """Turn storage failures of direct ``sqlite3`` or file work inside the block into ``StorageRefusedError``."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        refused = translate(exc)
        if refused is None:
            raise
        raise refused from exc
