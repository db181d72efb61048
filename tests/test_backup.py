"""Backups: automatic copy on open (at most daily), rotation, listing with contents, restore, command line."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ghnt_desktop import backup as backupmod
from ghnt_desktop.backup import (
    AUTO,
    BEFORE_RESTORE,
    DAMAGED,
    MANUAL,
    BackupError,
    backup_dir,
    backup_on_open,
    list_backups,
    make_backup,
    read_summary,
    restore_backup,
)
from ghnt_desktop.cli import main as cli_main
from ghnt_desktop.db import DatabaseError, DatabaseTooNewError, open_database, sqlite_copy
from ghnt_desktop.filelock import DatabaseInUseError, lock_path
from ghnt_desktop.models import (
    ActionItem,
    Ambition,
    Decision,
    Meeting,
    MeetingKind,
    Programme,
    ProgrammeAction,
    Section,
)
from ghnt_desktop.opening import open_for_editing


def fill(path: Path, *, meetings: int, decisions: int, actions: int, programme_actions: int = 0) -> None:
    """Add records to the database at ``path`` (the meetings on the 1st of consecutive months of 2024)."""
    database = open_database(path)
    with database.session() as session:
        made = []
        for i in range(meetings):
            meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title=f"Overleg {i}", date=date(2024, 1 + i, 1))
            session.add(meeting)
            made.append(meeting)
        session.flush()
        existing = session.query(Decision).count()
        for i in range(decisions):
            n = existing + i + 1
            session.add(Decision(meeting_id=made[0].id, year=2024, sequence=n, number=f"AO-2024-1-{n:02d}", text="b"))
        for i in range(actions):
            session.add(ActionItem(number=f"A{i}", text="Actie", origin_meeting_id=made[0].id))
        if programme_actions:
            programme = Programme(region="Groningen", title="Actieprogramma")
            section = Section(programme=programme, title="Actielijn 1")
            ambition = Ambition(section=section, text="Ambitie")
            session.add_all([programme, section, ambition])
            for i in range(programme_actions):
                session.add(ProgrammeAction(ambition=ambition, text=f"Actie {i}"))
    database.close()


def counts(path: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(path)
    try:
        return tuple(
            connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("meeting", "decision", "action_item")
        )
    finally:
        connection.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "ghnt.db"
    open_database(path).close()
    return path


def test_backup_on_open_copies_once_a_day_with_summary(db_path):
    fill(db_path, meetings=3, decisions=4, actions=5, programme_actions=2)
    first = backup_on_open(db_path, now=datetime(2025, 3, 12, 9, 30))
    assert first is not None
    assert first.path.parent == db_path.parent / "backups"
    assert first.path.name == "ghnt-2025-03-12-093000-auto.db"
    assert first.kind == AUTO
    assert first.summary.meetings == 3
    assert first.summary.decisions == 4
    assert first.summary.action_items == 5
    assert first.summary.programme_actions == 2
    assert first.summary.last_meeting == date(2024, 3, 1)
    assert "3 overleggen, 4 besluiten, 5 actiepunten, 2 programma-acties; laatste overleg 01-03-2024" in first.label()

    assert backup_on_open(db_path, now=datetime(2025, 3, 12, 17, 0)) is None  # same day: no second copy
    second = backup_on_open(db_path, now=datetime(2025, 3, 13, 8, 0))
    assert second is not None and second.path != first.path
    assert [b.path for b in list_backups(db_path)] == [second.path, first.path]


def test_backup_is_a_self_contained_consistent_copy_of_an_open_database(db_path):
    database = open_database(db_path)
    with database.session() as session:  # committed to the WAL, not yet checkpointed into the file
        session.add(Meeting(kind=MeetingKind.TACTISCH, title="Nog in de WAL", date=date(2025, 1, 7)))
    made = make_backup(db_path, now=datetime(2025, 1, 7, 12, 0))
    database.close()
    assert made.kind == MANUAL
    assert made.summary.meetings == 1
    connection = sqlite3.connect(f"file:{made.path}?mode=ro", uri=True)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert sorted(p.name for p in backup_dir(db_path).iterdir()) == [made.path.name]  # no temp or -wal left


def test_rotation_keeps_7_days_and_4_weeks(db_path):
    first = date(2025, 1, 1)
    for i in range(40):  # one automatic backup a day, 1 January up to Sunday 9 February 2025
        assert backup_on_open(db_path, now=datetime.combine(first + timedelta(days=i), datetime.min.time())) is not None
    kept = sorted(b.created.date().isoformat() for b in list_backups(db_path, with_summary=False))
    # 7 days: 3-9 February; newest of the 4 newest ISO weeks: 9 Feb (week 6), 2 Feb, 26 Jan, 19 Jan.
    assert kept == [
        "2025-01-19",
        "2025-01-26",
        "2025-02-02",
        "2025-02-03",
        "2025-02-04",
        "2025-02-05",
        "2025-02-06",
        "2025-02-07",
        "2025-02-08",
        "2025-02-09",
    ]


def test_rotation_counts_days_with_a_backup_and_spares_manual_ones(db_path):
    manual = make_backup(db_path, now=datetime(2024, 1, 5, 10, 0))
    meeting_days = [date(2024, m, 10) for m in range(1, 13)]  # a monthly meeting: the app opened once a month
    for day in meeting_days:
        backup_on_open(db_path, now=datetime.combine(day, datetime.min.time()))
    autos = [b.created.date() for b in list_backups(db_path, with_summary=False) if b.kind == AUTO]
    assert sorted(autos) == meeting_days[-7:]  # seven meeting days, not seven calendar days
    assert manual.path.exists()


def test_list_backups_reports_bad_files_and_migration_copies_without_writing(db_path):
    fill(db_path, meetings=1, decisions=0, actions=0)
    good = make_backup(db_path, now=datetime(2025, 2, 1, 10, 0))
    bad = backup_dir(db_path) / "ghnt-2025-02-02-100000-auto.db"
    bad.write_bytes(b"PK\x03\x04 dit is een Word-bestand" * 50)
    migration = db_path.with_name("ghnt.voor-migratie-0000_old-20250203-100000.db")
    sqlite_copy(db_path, migration)
    (backup_dir(db_path) / "unrelated.txt").write_text("niet van ons")
    before = {p.name: p.read_bytes() for p in backup_dir(db_path).iterdir()}

    listed = list_backups(db_path)

    assert [b.path for b in listed] == [migration, bad, good.path]
    assert listed[0].kind == "voor-migratie" and listed[0].summary.meetings == 1
    assert not listed[1].usable and "geen SQLite-bestand" in listed[1].problem
    assert listed[2].usable and listed[2].summary.meetings == 1
    assert {p.name: p.read_bytes() for p in backup_dir(db_path).iterdir()} == before  # nothing written


def test_restore_puts_the_backup_back_and_keeps_the_current_file(db_path):
    fill(db_path, meetings=2, decisions=1, actions=0)
    saved = make_backup(db_path, now=datetime(2025, 3, 1, 9, 0))
    fill(db_path, meetings=1, decisions=2, actions=3)
    assert counts(db_path) == (3, 3, 3)

    result = restore_backup(saved, db_path, now=datetime(2025, 3, 2, 9, 0))

    assert counts(db_path) == (2, 1, 0)
    assert result.summary.meetings == 2
    assert result.safety_copy is not None and f"-{BEFORE_RESTORE}" in result.safety_copy.name
    assert counts(result.safety_copy) == (3, 3, 3)  # what was replaced is not lost
    database = open_database(db_path)  # the app opens the restored file as usual
    with database.session() as session:
        assert session.query(Meeting).count() == 2
    database.close()


def test_restore_that_fails_half_way_leaves_the_target_untouched(db_path):
    fill(db_path, meetings=1, decisions=0, actions=0)
    big = db_path.with_name("groot.db")
    open_database(big).close()
    fill(big, meetings=12, decisions=600, actions=600)  # several backup steps
    database = open_database(big)
    with database.session() as session:  # make the copy span more than one step of 256 pages
        for meeting in session.query(Meeting):
            meeting.notes = "x" * 200_000
    database.close()
    saved = make_backup(big)
    calls = []

    def fail_after_first_step(done: int, total: int) -> None:
        calls.append((done, total))
        raise OSError("verbinding met de netwerkmap verbroken")

    with pytest.raises((BackupError, OSError)):
        restore_backup(saved, db_path, progress=fail_after_first_step)
    assert calls and calls[0][0] < calls[0][1]  # it really stopped before the end
    assert counts(db_path) == (1, 0, 0)
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_restore_over_a_damaged_file_keeps_its_bytes(db_path):
    fill(db_path, meetings=2, decisions=0, actions=0)
    saved = make_backup(db_path)
    damaged = b"\x00garbage" * 1000
    db_path.write_bytes(damaged)
    with pytest.raises(DatabaseError):
        open_database(db_path)

    result = restore_backup(saved, db_path)

    assert counts(db_path) == (2, 0, 0)
    assert f"-{DAMAGED}" in result.safety_copy.name
    assert result.safety_copy.read_bytes() == damaged


def test_restore_refuses_a_newer_or_damaged_backup_and_changes_nothing(db_path):
    fill(db_path, meetings=1, decisions=0, actions=0)
    newer = make_backup(db_path)
    connection = sqlite3.connect(newer.path)
    connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError):
        restore_backup(newer.path, db_path)
    truncated = backup_dir(db_path) / "ghnt-2025-01-01-000000-handmatig.db"
    truncated.write_bytes(newer.path.read_bytes()[:3000])
    with pytest.raises(DatabaseError):
        restore_backup(truncated, db_path)
    assert db_path.read_bytes() == before
    assert [b.kind for b in list_backups(db_path, with_summary=False)].count(BEFORE_RESTORE) == 0


def test_restore_refused_while_another_instance_has_the_file(db_path):
    saved = make_backup(db_path)
    now = datetime.now(UTC).isoformat()
    holder = {"user": "anna", "machine": "LAPTOP-ANNA", "pid": 4242, "since": now, "heartbeat": now, "token": "t"}
    lock_path(db_path).write_text(json.dumps(holder))
    with pytest.raises(DatabaseInUseError) as info:
        restore_backup(saved, db_path)
    assert "anna op LAPTOP-ANNA" in str(info.value)


def test_failed_automatic_backup_does_not_stop_opening(db_path):
    (db_path.parent / "backups").write_text("een bestand waar een map hoort")
    opened = open_for_editing(db_path)
    try:
        assert opened.backup is None
        assert "reservekopie" in opened.backup_problem
        with opened.database.session() as session:
            session.add(Meeting(kind=MeetingKind.TACTISCH, title="Toch bewerkt", date=date(2025, 1, 1)))
    finally:
        opened.close()
    assert counts(db_path)[0] == 1


def test_make_backup_of_missing_database_is_refused(tmp_path):
    with pytest.raises(BackupError) as info:
        make_backup(tmp_path / "bestaat-niet.db")
    assert "bestaat niet" in str(info.value)


def test_command_line_backup_list_and_restore(db_path, capsys):
    fill(db_path, meetings=2, decisions=0, actions=0)
    assert cli_main(["backup", "--db", str(db_path)]) == 0
    made = capsys.readouterr().out
    backups = list_backups(db_path)
    assert len(backups) == 1 and str(backups[0].path) in made

    fill(db_path, meetings=3, decisions=0, actions=0)
    assert cli_main(["backup", "--list", "--db", str(db_path)]) == 0
    listing = capsys.readouterr().out
    assert "2 overleggen" in listing and backups[0].path.name in listing

    assert cli_main(["restore", "1", "--db", str(db_path)]) == 0  # the number --list shows
    out = capsys.readouterr().out
    assert "teruggezet" in out
    assert counts(db_path)[0] == 2
    assert not lock_path(db_path).exists()

    assert cli_main(["restore", str(db_path.with_name("nergens.db")), "--db", str(db_path)]) != 0
    assert "Fout" in capsys.readouterr().out


def test_read_summary_refuses_a_random_file(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DatabaseError):
        read_summary(path)
    assert backupmod.list_backups(path) == []


def test_open_database_restores_a_backup_in_place_keeping_its_lock(db_path):
    fill(db_path, meetings=1, decisions=0, actions=0)
    opened = open_for_editing(db_path, now=datetime(2025, 5, 1, 9, 0))
    try:
        assert opened.backup is not None and opened.backup.summary.meetings == 1
        with opened.database.session() as session:
            session.add(Meeting(kind=MeetingKind.TACTISCH, title="Per ongeluk", date=date(2025, 5, 1)))
        token = opened.lock.info.token

        result = opened.restore(opened.backup)

        assert result.summary.meetings == 1
        with opened.database.session() as session:
            assert [m.title for m in session.query(Meeting)] == ["Overleg 0"]
        assert json.loads(lock_path(db_path).read_text())["token"] == token
        assert counts(result.safety_copy)[0] == 2
    finally:
        opened.close()
    assert not lock_path(db_path).exists()
