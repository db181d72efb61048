"""Where an export may be written, and writing it: never over the database, a backup or the template.

``check_output_path`` is the one guard both the command line (``export --out``) and the export dialog go
through (``exports.jobs.run_export`` calls it): an output file that is the open database, one of its
``-wal``/``-shm``/``-journal`` files or its lock, a file in its ``backups/`` folder, any other SQLite
database, or the Word template the document is made from, is refused with a Dutch message; so is a
read-only file, which would otherwise be replaced without a word (a rename over it is allowed by the
folder's permissions, not the file's).

``write_atomically`` is the one place a document is saved: to a new file beside the target, created
with mode 0666 so the user's umask gives it the user's normal permissions (an existing target keeps its
own), then renamed over the target, so a failure never leaves half a document.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from ..services import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")


def _same(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    return os.path.normcase(str(a)) == os.path.normcase(str(b))


def _resolved(path: Path | str) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_read_only(path: Path) -> bool:
    """Whether ``path`` is an existing file marked read-only (its owner may not write it)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWUSR


def read_only_message(path: Path) -> str:
    return (
        f"{path.name} is alleen-lezen en wordt daarom niet vervangen. Kies een andere naam, "
        "of maak het bestand eerst beschrijfbaar."
    )


def check_output_path(
    out: Path | str, *, database: Path | str | None = None, template: Path | str | None = None
) -> None:
    """Raise ``ValidationError`` (Dutch) when writing a document to ``out`` would destroy something.

    ``database`` is the open database's file, ``template`` the Word template the document is made from.
    """
    target = _resolved(out)
    name = target.name
    if target.is_dir():
        raise ValidationError(f"{target} is een map; kies een bestandsnaam voor het document.")
    if database is not None:
        db = _resolved(database)
        if _same(target, db):
            raise ValidationError(
                f"{name} is de database zelf; het document zou alle gegevens overschrijven. Kies een andere naam."
            )
        for side in DATABASE_SIDE_FILES:
            if _same(target, db.with_name(db.name + side)):
                raise ValidationError(
                    f"{name} hoort bij de database {db.name} (SQLite houdt er wijzigingen of de vergrendeling "
                    "in bij); het document mag daar niet komen. Kies een andere naam."
                )
        from ..backup import backup_dir

        backups = _resolved(backup_dir(db))
        if target.parent == backups or backups in target.parents:
            raise ValidationError(
                f"De map {backups} is voor de reservekopieën van de database; sla het document ergens anders op."
            )
    if template is not None and _same(target, _resolved(template)):
        raise ValidationError(
            f"{name} is het Word-sjabloon waarmee het document wordt gemaakt; kies een andere naam voor het document."
        )
    if _is_sqlite_file(target):
        raise ValidationError(
            f"{name} is een database (misschien een reservekopie); het document zou hem overschrijven. "
            "Kies een andere naam."
        )
    if is_read_only(target):
        raise ValidationError(read_only_message(target))


def _new_temp_beside(target: Path) -> Path:
    """An empty new file beside ``target``; mode 0666 minus the umask: the user's normal permissions."""
    for _attempt in range(100):
        temp = target.with_name(f".~ghnt-{secrets.token_hex(6)}{target.suffix}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return temp
    raise FileExistsError(target.parent)


def write_atomically(
    target: Path | str, write: Callable[[Path], object], *, error: type[Exception], in_use: str
) -> Path:
    """Write a document with ``write(temp_path)`` beside ``target`` and rename it over ``target``.

    Raises ``error`` with a Dutch message: the folder cannot be written, the target is read-only, or the
    rename failed (``in_use``: what to say when another program holds the target, e.g. Word on Windows).
    """
    target = Path(target)
    if is_read_only(target):
        raise error(read_only_message(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = _new_temp_beside(target)
    except OSError as exc:
        raise error(f"De map {target.parent} is niet beschrijfbaar: {exc.strerror or exc}.") from exc
    try:
        write(temp)
        with contextlib.suppress(OSError):  # a file that is replaced keeps the permissions it had
            os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
        os.replace(temp, target)
    except PermissionError as exc:
        raise error(f"{target.name} kan niet worden opgeslagen: {in_use}") from exc
    except OSError as exc:
        raise error(f"{target.name} kan niet worden opgeslagen: {exc.strerror or exc}.") from exc
    finally:
        temp.unlink(missing_ok=True)
    return target
