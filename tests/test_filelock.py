"""Two instances, one file: the lock file says who has it open; stale locks are recognised and taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ghnt_desktop.db import DatabaseError, open_database
from ghnt_desktop.filelock import (
    STALE_AFTER,
    DatabaseInUseError,
    LockLostError,
    acquire,
    lock_path,
    read_lock,
    this_machine,
)
from ghnt_desktop.models import Meeting, MeetingKind
from ghnt_desktop.opening import open_for_editing, open_read_only
from ghnt_desktop.storage_errors import StorageRefusedError


def write_lock(db_path: Path, **fields) -> dict:
    now = datetime.now(UTC)
    data = {
        "user": "anna",
        "machine": "LAPTOP-ANNA",
        "pid": 4242,
        "since": now.isoformat(),
        "heartbeat": now.isoformat(),
        "token": "abc",
    }
    data.update({k: v.isoformat() if isinstance(v, datetime) else v for k, v in fields.items()})
    lock_path(db_path).write_text(json.dumps(data))
    return data


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_lock_file_holds_user_machine_pid_and_since(tmp_path):
    db_path = tmp_path / "ghnt.db"
    lock = acquire(db_path, user="secretaris")
    data = json.loads(lock_path(db_path).read_text())
    assert data["user"] == "secretaris"
    assert data["machine"] == this_machine()
    assert data["pid"] == os.getpid()
    assert abs(datetime.fromisoformat(data["since"]) - datetime.now(UTC)) < timedelta(minutes=1)
    lock.release()
    assert not lock_path(db_path).exists()
    lock.release()  # twice is fine


def test_second_holder_gets_a_dutch_message_with_who_where_since(tmp_path):
    db_path = tmp_path / "ghnt.db"
    since = datetime(2025, 3, 12, 9, 32, tzinfo=UTC)
    write_lock(db_path, since=since)
    with pytest.raises(DatabaseInUseError) as info:
        acquire(db_path)
    local = since.astimezone().strftime("%d-%m-%Y %H:%M")
    assert f"ghnt.db is geopend door anna op LAPTOP-ANNA sinds {local}" in str(info.value)
    assert info.value.holder.pid == 4242
    assert isinstance(info.value, DatabaseError)  # the GUI's handling of database errors applies
    assert json.loads(lock_path(db_path).read_text())["token"] == "abc"  # the holder's lock is untouched


def test_second_instance_sees_holder_and_may_open_read_only(tmp_path):
    db_path = tmp_path / "ghnt.db"
    database = open_database(db_path)
    with database.session() as session:
        session.add(Meeting(kind=MeetingKind.TACTISCH, title="Tactisch overleg", date=date(2025, 4, 1)))
    database.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from ghnt_desktop.opening import open_for_editing; "
            "o = open_for_editing(sys.argv[1]); print('HOLDING', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "HOLDING"
        with pytest.raises(DatabaseInUseError) as info:
            open_for_editing(db_path)
        assert info.value.holder.pid == holder.pid
        assert info.value.holder.machine == this_machine()

        viewer = open_read_only(db_path)
        try:
            with viewer.database.session() as session:
                assert [m.title for m in session.query(Meeting)] == ["Tactisch overleg"]
            with pytest.raises(StorageRefusedError) as refused:
                with viewer.database.session() as session:
                    session.add(Meeting(kind=MeetingKind.TACTISCH, title="Mag niet", date=date(2025, 4, 2)))
            assert refused.value.reason == "read_only"
            assert "alleen-lezen" in str(refused.value)
        finally:
            viewer.close()
        assert read_lock(db_path).pid == holder.pid  # reading did not disturb the holder

        holder.send_signal(signal.SIGKILL)  # the first instance crashes
        holder.wait()
        opened = open_for_editing(db_path)
        try:
            assert opened.lock.took_over is not None and opened.lock.took_over.pid == holder.pid
            assert read_lock(db_path).pid == os.getpid()
        finally:
            opened.close()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_dead_pid_on_this_machine_is_stale(tmp_path):
    db_path = tmp_path / "ghnt.db"
    pid = dead_pid()
    write_lock(db_path, machine=this_machine(), pid=pid)
    lock = acquire(db_path)
    assert lock.took_over.pid == pid
    assert read_lock(db_path).token == lock.info.token
    lock.release()


def test_own_pid_from_an_earlier_boot_is_stale(tmp_path):
    db_path = tmp_path / "ghnt.db"
    write_lock(db_path, machine=this_machine(), pid=os.getpid(), token="from-before-the-reboot")
    lock = acquire(db_path)
    assert lock.took_over.token == "from-before-the-reboot"
    lock.release()


def test_other_machine_is_stale_only_after_the_heartbeat_stops_for_long(tmp_path):
    db_path = tmp_path / "ghnt.db"
    now = datetime.now(UTC)
    # Another machine's pid says nothing here; a heartbeat of an hour ago is a laptop in its lunch break.
    write_lock(db_path, pid=dead_pid(), since=now - timedelta(hours=5), heartbeat=now - timedelta(hours=1))
    with pytest.raises(DatabaseInUseError):
        acquire(db_path)
    write_lock(db_path, since=now - timedelta(hours=5), heartbeat=now - STALE_AFTER - timedelta(minutes=1))
    with pytest.raises(DatabaseInUseError):  # the file was just written: the holder's clock may be behind
        acquire(db_path)
    old = time.time() - STALE_AFTER.total_seconds() - 60
    os.utime(lock_path(db_path), (old, old))
    lock = acquire(db_path)
    assert lock.took_over.machine == "LAPTOP-ANNA"
    lock.release()


def test_heartbeat_refresh_and_lost_lock(tmp_path):
    db_path = tmp_path / "ghnt.db"
    lock = acquire(db_path)
    later = datetime.now(UTC) + timedelta(minutes=5)
    lock.refresh(now=later)
    assert read_lock(db_path).heartbeat == later
    assert read_lock(db_path).since == lock.info.since

    write_lock(db_path, token="someone-else")  # taken over while this laptop slept
    with pytest.raises(LockLostError) as info:
        lock.refresh()
    assert "anna op LAPTOP-ANNA" in str(info.value)
    lock.release()
    assert read_lock(db_path).token == "someone-else"  # releasing does not remove another's lock


def test_unreadable_lock_file_is_stale_only_when_old(tmp_path):
    db_path = tmp_path / "ghnt.db"
    lock_path(db_path).write_text("")  # a holder that is still writing it, or one that crashed doing so
    with pytest.raises(DatabaseInUseError):
        acquire(db_path)
    old = time.time() - 600
    os.utime(lock_path(db_path), (old, old))
    lock = acquire(db_path)
    assert lock.took_over is not None
    lock.release()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_only_one_of_several_instances_takes_over_a_stale_lock(tmp_path):
    db_path = tmp_path / "ghnt.db"
    write_lock(db_path, machine=this_machine(), pid=dead_pid())
    start_at = time.time() + 2.0
    script = (
        "import sys, time\n"
        "from ghnt_desktop.filelock import acquire, DatabaseInUseError\n"
        f"time.sleep(max(0.0, {start_at} - time.time()))\n"
        "try:\n"
        "    lock = acquire(sys.argv[1])\n"
        "except DatabaseInUseError:\n"
        "    print('IN USE', flush=True)\n"
        "else:\n"
        "    print('WON', flush=True); sys.stdin.read(); lock.release()\n"  # hold until all have tried
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    try:
        results = sorted(r.stdout.readline().strip() for r in racers)
    finally:
        for racer in racers:
            racer.stdin.close()
            racer.wait(timeout=30)
    assert results == ["IN USE", "IN USE", "IN USE", "WON"]
    assert not lock_path(db_path).exists()
    assert not list(tmp_path.glob("*.stale-*")) and not list(tmp_path.glob("*.tmp"))


def test_open_for_editing_without_create_refuses_a_missing_file_and_leaves_no_lock(tmp_path):
    db_path = tmp_path / "nieuw" / "ghnt.db"
    with pytest.raises(DatabaseError) as info:
        open_for_editing(db_path, create=False)
    assert "bestaat niet" in str(info.value)
    assert not db_path.parent.exists()


def test_failed_open_releases_the_lock(tmp_path):
    db_path = tmp_path / "ghnt.db"
    db_path.write_bytes(b"PK\x03\x04 een Word-bestand" * 100)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError):
        open_for_editing(db_path)
    assert not lock_path(db_path).exists()
    assert db_path.read_bytes() == before
    assert not (tmp_path / "backups").exists()
