"""Healthy files are not called damaged, a restore keeps what it replaces, nothing hangs.

A run that is killed mid-write leaves a hot ``-journal`` (rollback mode) or a ``-wal`` (WAL mode); SQLite
finishes or rolls those back itself on the next writing open. The open-check must let it, not refuse the
file. A ``-wal`` that belongs to another database, a read-only folder or a busy file each get a message
naming the real cause.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from index_damage import DAMAGE, damage_search_index

from ghnt_desktop.backup import BEFORE_RESTORE, DAMAGED, BackupError, make_backup, read_summary, restore_backup
from ghnt_desktop.cli import main as cli_main
from ghnt_desktop.db import (
    DatabaseError,
    ForeignWalError,
    NotADatabaseError,
    RecoveryNeededError,
    inspect_file,
    open_database,
)
from ghnt_desktop.models import Meeting, MeetingKind

# Run in a child process and killed there (os._exit) before SQLite can clean up, as a crash or power cut would.
KILLED_WRITER = r"""
import os, sqlite3, sys
path, mode, commit = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
connection = sqlite3.connect(path, isolation_level=None)
connection.execute(f"PRAGMA journal_mode={mode}")
connection.execute("PRAGMA cache_size=1")  # spill to the file before the commit: the journal is hot
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE meeting SET title = title || ' (gewijzigd) ' || hex(randomblob(2000))")
if commit:
    connection.execute("COMMIT")
os._exit(0)
"""


def make_database(path: Path, meetings: int = 30) -> Path:
    database = open_database(path)
    with database.session() as session:
        for n in range(meetings):
            title = f"Overleg {n} " + "verslag " * 40
            session.add(Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title=title, date=date(2024, 1 + n % 12, 1)))
    database.close()
    return path


def kill_mid_write(path: Path, *, mode: str, commit: bool) -> None:
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path), mode, "1" if commit else "0"], check=True)


def meeting_titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in connection.execute("SELECT title FROM meeting"))
    finally:
        connection.close()


def digest(path: Path) -> dict[str, str]:
    """Hashes of the database and the non-empty -journal/-wal beside it (the -shm is only SQLite's index of the
    -wal; an empty -wal holds nothing)."""
    found = {}
    for suffix in ("", "-journal", "-wal"):
        side = path.with_name(path.name + suffix)
        if side.exists() and (not suffix or side.stat().st_size):
            found[side.name] = hashlib.sha256(side.read_bytes()).hexdigest()
    return found


@pytest.fixture
def db_path(tmp_path) -> Path:
    return make_database(tmp_path / "ghnt.db")


def test_hot_journal_is_rolled_back_by_opening_not_called_damaged(db_path):
    before = meeting_titles(db_path)
    kill_mid_write(db_path, mode="DELETE", commit=False)
    journal = db_path.with_name("ghnt.db-journal")
    assert journal.stat().st_size > 0
    with pytest.raises(sqlite3.OperationalError):  # what the old read-only check tripped over
        sqlite3.connect(f"file:{db_path}?mode=ro", uri=True).execute("SELECT * FROM meeting").fetchall()

    untouched = digest(db_path)
    info = inspect_file(db_path)  # a check only: nothing changes, the pending journal is named
    assert info.integrity == "ok" and info.pending == ("ghnt.db-journal",)
    assert digest(db_path) == untouched

    database = open_database(db_path)  # opening for editing lets SQLite roll the unfinished write back
    database.close()
    assert not journal.exists()
    assert meeting_titles(db_path) == before


def test_left_over_wal_is_replayed_by_opening(db_path):
    kill_mid_write(db_path, mode="WAL", commit=True)
    db_path.with_name("ghnt.db-shm").unlink()  # as after a reboot on some systems
    assert db_path.with_name("ghnt.db-wal").stat().st_size > 0

    database = open_database(db_path)
    database.close()
    titles = meeting_titles(db_path)
    assert len(titles) == 30 and all("(gewijzigd)" in t for t in titles)  # the committed write is kept


def test_read_only_opening_of_a_hot_journal_says_what_to_do(db_path):
    kill_mid_write(db_path, mode="DELETE", commit=False)
    untouched = digest(db_path)
    with pytest.raises(RecoveryNeededError) as info:
        open_database(db_path, read_only=True)
    message = str(info.value)
    assert "beschadigd" not in message and "ghnt.db-journal" in message and "Open de database" in message
    assert digest(db_path) == untouched


@pytest.mark.parametrize("other", ["ghnt", "foreign"])
def test_wal_of_another_database_is_named_not_replayed(tmp_path, db_path, other):
    donor = tmp_path / "ander.db"
    if other == "ghnt":
        make_database(donor, meetings=3)
    else:
        connection = sqlite3.connect(donor)
        connection.execute("CREATE TABLE notes (body)")
        connection.execute("INSERT INTO notes VALUES (randomblob(20000))")
        connection.commit()
        connection.close()
    kill_mid_write(donor, mode="WAL", commit=True) if other == "ghnt" else None
    if other == "foreign":
        code = (
            "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('INSERT INTO notes VALUES (randomblob(30000))'); "
            "os._exit(0)"
        )
        subprocess.run([sys.executable, "-c", code, str(donor)], check=True)
    shutil.copyfile(donor.with_name("ander.db-wal"), db_path.with_name("ghnt.db-wal"))
    untouched = digest(db_path)

    for attempt in (lambda: inspect_file(db_path), lambda: open_database(db_path)):
        with pytest.raises(ForeignWalError) as info:
            attempt()
        assert "ghnt.db-wal" in str(info.value) and "Verplaats" in str(info.value)
        assert "beschadigd (" not in str(info.value)
    assert digest(db_path) == untouched

    db_path.with_name("ghnt.db-wal").rename(tmp_path / "apart.db-wal")  # what the message says to do
    db_path.with_name("ghnt.db-shm").unlink(missing_ok=True)
    open_database(db_path).close()
    assert len(meeting_titles(db_path)) == 30


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipe_is_refused_at_once(tmp_path, capsys):
    pipe = tmp_path / "ghnt.db"
    os.mkfifo(pipe)
    results: list = []

    def attempt() -> None:
        calls = (lambda: inspect_file(pipe), lambda: open_database(pipe),
                 lambda: cli_main(["check", "--db", f"{pipe}"]))
        for call in calls:
            try:
                results.append(call())
            except DatabaseError as exc:
                results.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(30)  # a generous bound; a hang would block for ever
    if worker.is_alive():  # unblock the reader so the test process can end
        os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        pytest.fail("reading a named pipe blocked")
    assert isinstance(results[0], NotADatabaseError) and isinstance(results[1], NotADatabaseError)
    assert "geen gewoon bestand" in str(results[0]) and "Kies het databasebestand" in str(results[0])
    assert results[2] == 1 and "geen gewoon bestand" in capsys.readouterr().out


def test_backup_of_a_busy_database_answers_instead_of_hanging(db_path):
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE meeting SET title = title")
    result: list = []

    def attempt() -> None:
        try:
            result.append(make_backup(db_path))
        except BackupError as exc:
            result.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(60)
    alive = worker.is_alive()
    holder.execute("ROLLBACK")
    holder.close()
    worker.join(60)
    assert not alive, "the backup kept retrying on a locked database"
    assert isinstance(result[0], BackupError) and "bezet" in str(result[0]) and "opnieuw" in str(result[0])


def test_backup_of_a_database_with_a_hot_journal_holds_the_rolled_back_state(db_path):
    before = meeting_titles(db_path)
    kill_mid_write(db_path, mode="DELETE", commit=False)
    untouched = digest(db_path)
    made = make_backup(db_path)
    assert meeting_titles(made.path) == before
    assert digest(db_path) == untouched  # the backup only reads


def test_restore_over_a_hot_journal_rolls_it_back_first_and_keeps_a_healthy_copy(db_path):
    saved = make_backup(db_path)
    kill_mid_write(db_path, mode="DELETE", commit=False)
    result = restore_backup(saved, db_path)
    assert f"-{BEFORE_RESTORE}" in result.safety_copy.name  # a healthy file, not "beschadigd"
    assert not db_path.with_name("ghnt.db-journal").exists()
    assert read_summary(result.safety_copy).meetings == 30


def test_restore_over_a_damaged_file_moves_its_journal_and_wal_along(db_path):
    saved = make_backup(db_path)
    db_path.write_bytes(b"\x00kapot" * 5000)
    journal, wal = db_path.with_name("ghnt.db-journal"), db_path.with_name("ghnt.db-wal")
    journal.write_bytes(b"journal bytes")
    wal.write_bytes(b"wal bytes")

    result = restore_backup(saved, db_path)

    assert f"-{DAMAGED}" in result.safety_copy.name
    kept = result.safety_copy
    assert kept.with_name(kept.name + "-journal").read_bytes() == b"journal bytes"
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"wal bytes"
    assert not journal.exists() and not wal.exists()
    assert read_summary(db_path, live=True).meetings == 30


def test_one_bad_date_does_not_stop_a_backup(db_path):
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE meeting SET date = 'gisteren' WHERE rowid = 1")
    connection.commit()
    connection.close()
    made = make_backup(db_path)
    assert made.summary is not None and made.summary.meetings == 30
    assert made.summary.last_meeting == date(2024, 12, 1)


@pytest.fixture
def full_disk(tmp_path):
    """A 3 MB tmpfs mounted for the test (needs root and mount); filled up by ``fill_disk``."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small file system needs root on Linux")
    folder = tmp_path / "klein"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("mount is not allowed here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def fill_disk(folder: Path) -> None:
    with open(folder / "opvulling", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 4096)
        except OSError:
            pass


@pytest.mark.parametrize("leftover", ["wal", "journal", "none"])
def test_full_disk_is_named_as_such_never_damaged(full_disk, leftover, capsys):
    path = make_database(full_disk / "ghnt.db", meetings=10)
    saved = full_disk / "vorige.db"
    shutil.copyfile(path, saved)  # a backup made before the disk filled up
    if leftover == "wal":
        kill_mid_write(path, mode="WAL", commit=True)
        path.with_name("ghnt.db-shm").unlink()
    elif leftover == "journal":
        kill_mid_write(path, mode="DELETE", commit=False)
    fill_disk(full_disk)
    untouched = digest(path)

    messages = []
    attempts = (
        lambda: inspect_file(path),
        lambda: open_database(path),
        lambda: make_backup(path),
        lambda: restore_backup(saved, path),
    )
    for attempt in attempts:
        try:
            result = attempt()
            if hasattr(result, "close"):
                result.close()
        except DatabaseError as exc:
            messages.append(str(exc))
    cli_main(["check", "--db", str(path)])
    messages += [line for line in capsys.readouterr().out.splitlines() if line.startswith("Fout")]

    assert messages  # at least the backup cannot be written
    for message in messages:
        assert "beschadigd" not in message and "schijf is vol" in message and "maak ruimte vrij" in message
    if leftover != "journal":  # rolling a hot journal back needs no space: that one opens and is finished
        assert digest(path) == untouched


READ_ONLY_CHILD = r"""
import json, sys
from pathlib import Path
from ghnt_desktop.backup import make_backup
from ghnt_desktop.cli import main
from ghnt_desktop.db import DatabaseError, inspect_file, open_database

path = Path(sys.argv[1])
result = {}
for name, attempt in [("inspect", lambda: inspect_file(path)), ("view", lambda: open_database(path, read_only=True)),
                      ("edit", lambda: open_database(path)), ("backup", lambda: make_backup(path))]:
    try:
        opened = attempt()
        result[name] = "ok"
        if hasattr(opened, "close"):
            opened.close()
    except DatabaseError as exc:
        result[name] = str(exc)
main(["check", "--db", str(path)])
print(json.dumps(result))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_with_a_left_over_wal_says_read_only_not_damaged():
    import json
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ghnt-ro-wal-"))
    try:
        folder.chmod(0o755)
        path = make_database(folder / "ghnt.db")
        kill_mid_write(path, mode="WAL", commit=True)
        path.with_name("ghnt.db-shm").unlink()
        command = [sys.executable, "-c", READ_ONLY_CHILD, str(path)]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: file permissions cannot be tested")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        folder.chmod(0o555)
        untouched = digest(path)
        repo = Path(__file__).resolve().parents[1]
        completed = subprocess.run(
            command, capture_output=True, text=True, cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)}, timeout=120
        )
        assert completed.returncode == 0, completed.stderr
        *check_lines, last = completed.stdout.strip().splitlines()
        result = json.loads(last)
        assert result["inspect"] == "ok"  # checked on a recovered copy: the database is fine
        for name in ("view", "edit", "backup"):
            assert "beschadigd" not in result[name] and "alleen-lezen" in result[name], result[name]
        assert "ghnt.db-wal" in result["view"] and "kopieer ghnt.db samen met ghnt.db-wal" in result["view"]
        assert any("onafgemaakte schrijfactie" in line and "alleen-lezen" in line for line in check_lines)
        assert digest(path) == untouched
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def spoil_search_index(path: Path, damage: str = "pages zeroed") -> None:
    damage_search_index(path, damage)


def found(path: Path, typed: str) -> list:
    from ghnt_desktop.services.search import search

    database = open_database(path, read_only=True)
    try:
        with database.session() as session:
            return sorted((hit.kind, hit.id) for hit in search(session, typed))
    finally:
        database.close()


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_check_finds_a_damaged_search_index_and_repair_rebuilds_it(demo_database, capsys, damage):
    db_path = demo_database(date(2026, 3, 1))
    before = found(db_path, "meldcode")
    assert before
    spoil_search_index(db_path, damage)
    untouched = digest(db_path)
    assert cli_main(["check", "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert "Zoekindex:      beschadigd" in out and "ghnt-desktop check --herstel" in out
    assert "Integriteit:    ok" in out  # the records themselves are fine
    assert digest(db_path) == untouched

    assert cli_main(["check", "--db", str(db_path), "--herstel"]) == 0
    assert "opnieuw opgebouwd" in capsys.readouterr().out
    assert cli_main(["check", "--db", str(db_path)]) == 0
    assert "Zoekindex" not in capsys.readouterr().out
    assert found(db_path, "meldcode") == before


def test_repair_waits_for_the_app_to_close(db_path, capsys):
    from ghnt_desktop.opening import open_for_editing

    spoil_search_index(db_path, "structure claims 2^31 segments")  # a small index: one page, its structure
    opened = open_for_editing(db_path, backup=False)
    try:
        assert cli_main(["check", "--db", str(db_path), "--herstel"]) == 1
        out = capsys.readouterr().out
        assert "Fout:" in out and "Zoekindex:      beschadigd" in out
    finally:
        opened.close()


def test_check_answers_a_hot_journal_without_touching_it_and_repair_finishes_it(db_path, capsys):
    kill_mid_write(db_path, mode="DELETE", commit=False)
    untouched = digest(db_path)
    assert cli_main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "onafgemaakte schrijfactie achter (ghnt.db-journal)" in out and "--herstel" in out
    assert "beschadigd" not in out
    assert digest(db_path) == untouched
    assert cli_main(["check", "--db", str(db_path), "--herstel"]) == 0
    assert "Integriteit:    ok" in capsys.readouterr().out
    assert not db_path.with_name("ghnt.db-journal").exists()
