"""Several writers on one database: write sessions start with BEGIN IMMEDIATE, so no confirmed edit is lost.

``benchmarks/bench_concurrent_writers.py`` runs 3 processes x 400 edits through the services and compares
the throughput with one writer; the same code runs here with 3 x 50. The other tests pin the parts:
a write session holds the write lock from its first read, a busy file ends in a Dutch message after a
bounded number of attempts, read sessions neither block nor get blocked, and a file replaced under the
open database is noticed before anything is written to the old one.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop import db as db_module
from ghnt_desktop import engines as engines_module
from ghnt_desktop.db import open_database
from ghnt_desktop.models import AgendaItem, Meeting, MeetingKind
from ghnt_desktop.services.minutes import set_minutes_text
from ghnt_desktop.storage_errors import StorageRefusedError

REPO = Path(__file__).resolve().parents[1]


def load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_concurrent_writers", REPO / "benchmarks" /
                                                  "bench_concurrent_writers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_three_writer_processes_lose_no_confirmed_edit(tmp_path):
    bench = load_benchmark()
    db_path = tmp_path / "samen.db"
    open_database(db_path).close()
    result = bench.run_writers(db_path, processes=3, edits=50)
    assert result.failures == []
    assert result.confirmed == 150
    assert result.overwritten == []
    assert result.duplicate_numbers == []


def test_the_check_finds_an_overwritten_line(tmp_path):
    """The benchmark's check is not blind: a confirmed line the text lacks is reported."""
    bench = load_benchmark()
    db_path = tmp_path / "samen.db"
    open_database(db_path).close()
    bench.run_writers(db_path, processes=1, edits=3)
    connection = sqlite3.connect(db_path)
    (text,) = connection.execute("SELECT minutes_text FROM agenda_item").fetchone()
    first, second = text.strip().split("\n")[:2]
    connection.execute("UPDATE agenda_item SET minutes_text = ?", (text.replace(first, ""),))
    connection.commit()
    connection.close()
    missing, _ = bench.check(db_path, [f"CONFIRMED minutes {first}\n", f"CONFIRMED minutes {second}\n"])
    assert missing == [f"verslagregel {first}"]


@pytest.fixture
def item_db(tmp_path):
    database = open_database(tmp_path / "ghnt.db")
    with database.session() as session:
        meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2025, 3, 12))
        session.add(meeting)
        session.flush()
        item = AgendaItem(meeting_id=meeting.id, position=1, number="1", title="Voortgang")
        session.add(item)
        session.flush()
        item_id = item.id
    yield database, item_id
    database.close()


def _append(database, item_id, line, read_done: threading.Event | None = None) -> None:
    with database.session() as session:
        text = session.get(AgendaItem, item_id).minutes_text
        if read_done is not None:
            read_done.set()
        set_minutes_text(session, item_id, f"{text}\n{line}")


def test_a_second_writer_reads_only_after_the_first_committed(item_db, tmp_path):
    """The read-modify-write of two writers: the second one's read waits for the first one's commit."""
    database, item_id = item_db
    other = open_database(database.path)
    other_read = threading.Event()
    try:
        with database.session() as session:
            text = session.get(AgendaItem, item_id).minutes_text
            worker = threading.Thread(target=_append, args=(other, item_id, "regel van B", other_read))
            worker.start()
            # Without BEGIN IMMEDIATE, B reads the old text now and overwrites A's line when it writes.
            assert not other_read.wait(0.5)
            set_minutes_text(session, item_id, f"{text}\nregel van A")
        worker.join(10)
        assert not worker.is_alive()
    finally:
        other.close()
    with database.read_session() as session:
        lines = session.get(AgendaItem, item_id).minutes_text.strip().split("\n")
    assert lines == ["regel van A", "regel van B"]


def test_a_database_that_stays_busy_is_refused_in_dutch(item_db, monkeypatch, caplog):
    database, item_id = item_db
    monkeypatch.setattr(engines_module, "BUSY_TIMEOUT_MS", 20)
    other = open_database(database.path)
    holder = sqlite3.connect(database.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
        with pytest.raises(StorageRefusedError) as info:
            _append(other, item_id, "komt er niet in")
        assert info.value.reason == "busy"
        assert "bezet" in str(info.value) and "opnieuw" in str(info.value)
        caplog.clear()
        with pytest.raises(StorageRefusedError):
            other.write(lambda session: set_minutes_text(session, item_id, "ook niet"))
        # Bounded: the unit is not retried on top of the start's own attempts.
        attempts = [r for r in caplog.records if "busy, attempt" in r.getMessage()]
        assert len(attempts) == db_module.BEGIN_ATTEMPTS
        # Reading is not blocked by a writer.
        with other.read_session() as session:
            assert session.get(AgendaItem, item_id).minutes_text == ""
        holder.execute("COMMIT")
        _append(other, item_id, "nu wel")  # the file is free again: the app goes on
    finally:
        holder.close()
        other.close()
    with database.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text.strip() == "nu wel"


def test_a_read_session_does_not_block_a_writer(item_db):
    database, item_id = item_db
    other = open_database(database.path)
    try:
        with database.read_session() as session:
            before = session.get(AgendaItem, item_id).minutes_text
            _append(other, item_id, "tijdens het lezen")
            # One snapshot: the read session still sees what it saw first.
            assert session.scalar(select(AgendaItem.minutes_text).where(AgendaItem.id == item_id)) == before
    finally:
        other.close()


def _rename_over(path: Path) -> None:  # a sync tool writes a new copy beside it and renames it over
    shutil.copyfile(path, path.with_name("download.tmp"))
    os.replace(path.with_name("download.tmp"), path)


def _delete_and_recreate(path: Path) -> None:  # demo --force, or a copy from a backup after deleting
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


def _moved_away(path: Path) -> None:
    path.rename(path.with_name("elders.db"))


@pytest.mark.parametrize("replace", [_rename_over, _delete_and_recreate, _moved_away])
def test_a_replaced_file_is_noticed_before_writing(item_db, replace):
    database, item_id = item_db
    database.engine.dispose()  # the WAL is checkpointed into the file, as after a while of editing
    _append(database, item_id, "voor de vervanging")
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    replace(database.path)
    with pytest.raises(StorageRefusedError) as info:
        _append(database, item_id, "na de vervanging")
    assert info.value.reason == "replaced"
    message = str(info.value)
    assert database.path.name in message and "vervangen" in message and "opnieuw" in message


def test_a_file_replaced_during_an_edit_is_not_committed(item_db):
    database, item_id = item_db
    with pytest.raises(StorageRefusedError) as info:
        with database.session() as session:
            set_minutes_text(session, item_id, "halverwege vervangen")
            _rename_over(database.path)
    assert info.value.reason == "replaced"


def test_writes_in_place_are_not_taken_for_a_replacement(item_db):
    database, item_id = item_db
    other = open_database(database.path)
    try:
        for n in range(5):
            _append(other, item_id, f"ander {n}")
            _append(database, item_id, f"eigen {n}")
    finally:
        other.close()


def test_a_write_session_inside_another_in_the_same_thread_joins_it(item_db, monkeypatch):
    """Nested sessions (a helper that opens its own) must not wait for the write lock their own thread holds."""
    database, item_id = item_db
    monkeypatch.setattr(engines_module, "BUSY_TIMEOUT_MS", 20)
    database.engine.dispose()
    with database.session() as outer:
        set_minutes_text(outer, item_id, "buiten")
        with database.session() as inner:
            assert inner.get(AgendaItem, item_id).minutes_text == "buiten"  # the outer one's change
            set_minutes_text(inner, item_id, "binnen")
        with pytest.raises(RuntimeError), database.session() as failing:
            set_minutes_text(failing, item_id, "mislukt")
            raise RuntimeError("fout in het binnenste blok")
        assert outer.get(AgendaItem, item_id).minutes_text == "binnen"  # only the failed block was undone
    with database.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text == "binnen"


def test_a_write_session_that_committed_begins_its_next_transaction_immediate_too(item_db):
    database, item_id = item_db
    with database.session() as session:
        session.commit()
        session.get(AgendaItem, item_id)  # reads again: a new transaction
        other = sqlite3.connect(database.path, timeout=0.01, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # the write lock is held from that read on
        finally:
            other.close()


def test_a_session_inside_a_committed_one_is_independent_and_sees_other_writers(item_db):
    database, item_id = item_db
    other = open_database(database.path)
    try:
        with database.session() as outer:
            outer.commit()  # holds no transaction now (a long-lived session, as the test fixtures keep)
            _append(other, item_id, "van een ander")
            with database.session() as inner:
                assert inner is not outer
                assert inner.get(AgendaItem, item_id).minutes_text.strip() == "van een ander"
    finally:
        other.close()
