"""Disk full or read-only file or folder: the edit is refused with a Dutch message, nothing half-written.

Disk full is simulated with ``PRAGMA max_page_count`` (SQLite then fails exactly as on a full disk:
SQLITE_FULL). Read-only files and folders use real file permissions; since root ignores those, the
attempt runs in a child process as user ``nobody`` when the tests run as root.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, exc, func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.filelock import lock_path
from ghnt_desktop.models import Decision, Meeting, MeetingKind, Organisation
from ghnt_desktop.opening import open_for_editing
from ghnt_desktop.services import RefusedError
from ghnt_desktop.storage_errors import StorageRefusedError, translate

REPO = Path(__file__).resolve().parents[1]


def limit_pages(engine, pages: int | None) -> None:
    """Let every new connection of ``engine`` grow the file to ``pages`` pages at most (None: no limit)."""

    def on_connect(connection, _record):
        connection.execute(f"PRAGMA max_page_count={pages or 1073741823}")

    engine.dispose()
    event.listen(engine, "connect", on_connect)


def test_disk_full_refuses_the_edit_and_keeps_everything_saved(tmp_path):
    opened = open_for_editing(tmp_path / "ghnt.db")
    database = opened.database
    try:
        with database.session() as session:
            meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2025, 3, 12))
            session.add(meeting)
            session.flush()
            session.add(Decision(meeting_id=meeting.id, year=2025, sequence=1, number="AO-2025-1-01", text="Vast"))
        with database.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        limit_pages(database.engine, pages + 2)  # the disk fills up

        with pytest.raises(RefusedError) as info:
            with database.session() as session:
                for n in range(2, 7):  # one edit of several records: all or nothing
                    text = f"Besluit {n} " + "lang verslag " * 2000
                    number = f"AO-2025-1-{n:02d}"
                    session.add(Decision(meeting_id=meeting.id, year=2025, sequence=n, number=number, text=text))
                session.flush()
        assert isinstance(info.value, StorageRefusedError) and info.value.reason == "full"
        assert "niet opgeslagen" in str(info.value) and "schijf is vol" in str(info.value)

        with database.session() as session:
            assert session.scalars(select(Decision.text)).all() == ["Vast"]

        limit_pages(database.engine, None)  # space freed: the app goes on
        with database.session() as session:
            session.add(Decision(meeting_id=meeting.id, year=2025, sequence=2, number="AO-2025-1-02", text="Daarna"))
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Decision)) == 2
    finally:
        opened.close()
    connection = sqlite3.connect(tmp_path / "ghnt.db")
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_other_database_errors_are_not_disguised(database):
    from ghnt_desktop.storage_errors import install

    install(database.engine)
    with database.session() as session:
        session.add(Organisation(name="Veilig Thuis"))
    with pytest.raises(exc.IntegrityError):  # a duplicate is a bug or a validation matter, not the disk
        with database.session() as session:
            session.add(Organisation(name="Veilig Thuis"))


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "full"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only"),
        (OSError(errno.EIO, "Input/output error"), "io"),
        (sqlite3.OperationalError("database or disk is full"), "full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.OperationalError("disk I/O error"), "io"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
    ],
)
def test_storage_failures_get_a_dutch_reason(error, reason):
    refused = translate(error)
    assert refused is not None and refused.reason == reason
    assert str(refused).startswith("De wijziging is niet opgeslagen")


def test_non_storage_errors_are_left_alone():
    assert translate(sqlite3.IntegrityError("UNIQUE constraint failed: organisation.name")) is None
    assert translate(ValueError("x")) is None
    assert translate(OSError(errno.ENOENT, "No such file")) is None


CHILD = r"""
import json, sys
from datetime import date
from pathlib import Path
from ghnt_desktop.db import DatabaseError
from ghnt_desktop.opening import open_for_editing, open_read_only
from ghnt_desktop.models import Meeting, MeetingKind
from ghnt_desktop.services import RefusedError

path = Path(sys.argv[1])
result = {}
try:
    opened = open_for_editing(path)
    result["editing"] = "opened"
    opened.close()
except DatabaseError as exc:
    result["editing"] = type(exc).__name__
    result["editing_message"] = str(exc)
viewer = open_read_only(path)
with viewer.database.session() as session:
    result["titles"] = [m.title for m in session.query(Meeting)]
try:
    with viewer.database.session() as session:
        session.add(Meeting(kind=MeetingKind.TACTISCH, title="Nieuw", date=date(2025, 5, 1)))
    result["edit"] = "saved"
except RefusedError as exc:
    result["edit"] = type(exc).__name__
    result["edit_message"] = str(exc)
viewer.close()
print(json.dumps(result))
"""


def run_as_other_user(path: Path) -> dict:
    command = [sys.executable, "-c", CHILD, str(path)]
    if os.geteuid() == 0:
        # As nobody, so permissions apply. setpriv, not subprocess's user=: the venv's interpreter links
        # into /root, which Python's own user switch cannot execute from here.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions cannot be tested")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    completed = subprocess.run(
        command, capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture
def shared_dir():
    """A folder another user can reach (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="ghnt-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def make_database(folder: Path) -> Path:
    path = folder / "ghnt.db"
    database = open_database(path)
    with database.session() as session:
        session.add(Meeting(kind=MeetingKind.TACTISCH, title="Tactisch overleg", date=date(2025, 4, 1)))
    database.close()
    return path


def hand_to_other_user(path: Path) -> None:
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_opens_for_viewing_and_refuses_edits(shared_dir):
    path = make_database(shared_dir)
    hand_to_other_user(path)  # the file itself is writable for the user, the folder is not
    shared_dir.chmod(0o555)
    before = path.read_bytes()

    result = run_as_other_user(path)

    assert result["editing"] == "LockUnavailableError"
    assert "alleen-lezen" in result["editing_message"]
    assert result["titles"] == ["Tactisch overleg"]  # read-only opening works (no -shm can be made)
    assert result["edit"] == "StorageRefusedError" and "alleen-lezen" in result["edit_message"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in shared_dir.iterdir()) == ["ghnt.db"]  # no lock, -wal or -shm left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_file_opens_for_viewing_and_refuses_edits(shared_dir):
    path = make_database(shared_dir)
    hand_to_other_user(shared_dir)  # the folder is writable for the user, the file is not
    path.chmod(0o444)
    before = path.read_bytes()

    result = run_as_other_user(path)

    assert result["editing"] == "LockUnavailableError"
    assert "alleen-lezen" in result["editing_message"]
    assert result["titles"] == ["Tactisch overleg"]
    assert result["edit"] == "StorageRefusedError"
    assert path.read_bytes() == before
    assert not lock_path(path).exists()
