"""Test hook: edits a database the way the app does, saying ``CONFIRMED`` after each commit.

``python -m ghnt_desktop.edit_driver --db PATH --count N`` opens the database like the app (lock,
open or migrate, storage errors, automatic backup: ``filelock.open_for_editing``), creates the few
records it needs (a series, a meeting, an agenda item) and then makes ``N`` realistic edits through the
ORM in one transaction each, cycling through: add a decision, add an action item, append a line to the
minutes of the agenda item. After each commit it prints ``CONFIRMED <id> <value>`` and flushes stdout:
that line means "the app told the user it is saved". ``<id>`` is the decision's, action item's or agenda
item's UUID; ``<value>`` is the decision text, the action text or the minutes line.

The power-cut test and ``benchmarks/power_cut.py`` kill this process with SIGKILL at random moments
and then check with ``check_confirmed`` that every confirmed edit is in the database.

``--fault confirm-before-commit`` deliberately says ``CONFIRMED`` before committing and waits a moment:
a broken app. The tests use it to show that the check does catch a lost edit.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from .models import ActionItem, AgendaItem, Decision, Meeting, MeetingKind, MeetingSeries
from .numbering import action_number, decision_number

SERIES_NAME = "Afstemmingsoverleg (testhaak)"
FAULT_CONFIRM_BEFORE_COMMIT = "confirm-before-commit"


@dataclass(frozen=True)
class Confirmed:
    """One ``CONFIRMED`` line: the record's id and the value the user was told is saved."""

    id: uuid.UUID
    value: str


def parse_confirmed(lines: Iterable[str]) -> list[Confirmed]:
    """The confirmed edits in the driver's output; a last line cut off by the kill does not count."""
    found = []
    for line in lines:
        if not line.endswith("\n") or not line.startswith("CONFIRMED "):
            continue
        _tag, ident, value = line.rstrip("\n").split(" ", 2)
        found.append(Confirmed(uuid.UUID(ident), value))
    return found


def _setup(session) -> tuple[MeetingSeries, Meeting, AgendaItem]:
    series = session.scalars(select(MeetingSeries).where(MeetingSeries.name == SERIES_NAME)).first()
    if series is None:
        series = MeetingSeries(name=SERIES_NAME, code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
        session.add(series)
        session.flush()
    meeting = session.scalars(select(Meeting).where(Meeting.series_id == series.id)).first()
    if meeting is None:
        meeting = Meeting(
            series_id=series.id,
            kind=series.kind,
            title="Afstemmingsoverleg",
            date=date(2025, 3, 12),
            number_in_year=1,
        )
        session.add(meeting)
        session.flush()
    item = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)).first()
    if item is None:
        item = AgendaItem(meeting_id=meeting.id, position=1, number="1", title="Voortgang actieprogramma")
        session.add(item)
        session.flush()
    return series, meeting, item


def _edit(session, step: int, value: str, ids: tuple[uuid.UUID, uuid.UUID, uuid.UUID]) -> uuid.UUID:
    series_id, meeting_id, item_id = ids
    meeting = session.get(Meeting, meeting_id)
    year = meeting.date.year
    kind = step % 3
    if kind == 0:
        sequence = (
            session.scalar(
                select(func.max(Decision.sequence)).where(Decision.series_id == series_id, Decision.year == year)
            )
            or 0
        ) + 1
        record = Decision(
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            series_id=series_id,
            year=year,
            sequence=sequence,
            number=decision_number("AO", year, meeting.number_in_year, sequence),
            text=value,
        )
        session.add(record)
    elif kind == 1:
        count = session.scalar(select(func.count()).where(ActionItem.origin_meeting_id == meeting_id)) or 0
        record = ActionItem(
            number=action_number("AO", year, meeting.number_in_year, count + 1),
            text=value,
            trekker_text="Projectleider GHNT",
            origin_meeting_id=meeting_id,
            origin_agenda_item_id=item_id,
        )
        session.add(record)
    else:
        record = session.get(AgendaItem, item_id)
        record.minutes_text = f"{record.minutes_text}{value}\n"
    session.flush()
    return record.id


def run(db_path: Path, count: int, *, fault: str | None = None, pause: float = 0.0) -> int:
    from .filelock import open_for_editing

    opened = open_for_editing(db_path)
    try:
        with opened.database.session() as session:
            series, meeting, item = _setup(session)
            ids = (series.id, meeting.id, item.id)
        print(f"READY {os.getpid()}", flush=True)
        run_id = uuid.uuid4().hex[:6]
        for step in range(count):
            value = f"bewerking-{run_id}-{step:05d}-ë✓"
            if fault == FAULT_CONFIRM_BEFORE_COMMIT:
                with opened.database.session() as session:
                    record_id = _edit(session, step, value, ids)
                    print(f"CONFIRMED {record_id} {value}", flush=True)
                    time.sleep(1.0)  # the window in which a kill loses a "saved" edit
            else:
                with opened.database.session() as session:
                    record_id = _edit(session, step, value, ids)
                # The session block has committed (synchronous=FULL: the WAL is on disk) before we say so.
                print(f"CONFIRMED {record_id} {value}", flush=True)
            if pause:
                time.sleep(pause)
    finally:
        opened.close()
    print("DONE", flush=True)
    return 0


def check_confirmed(session, confirmed: Iterable[Confirmed]) -> list[Confirmed]:
    """The confirmed edits that are missing from the database (empty when nothing was lost)."""
    confirmed = list(confirmed)
    ids = list({edit.id for edit in confirmed})
    texts: dict[uuid.UUID, str] = {}
    minutes: dict[uuid.UUID, set[str]] = {}
    for start in range(0, len(ids), 500):  # in chunks: SQLite limits the number of bound parameters
        chunk = ids[start : start + 500]
        for model in (Decision, ActionItem):
            # A Result has keys() (its column names), so dict.update() must get plain pairs.
            texts.update(tuple(row) for row in session.execute(select(model.id, model.text).where(model.id.in_(chunk))))
        for item_id, text in session.execute(
            select(AgendaItem.id, AgendaItem.minutes_text).where(AgendaItem.id.in_(chunk))
        ):
            minutes[item_id] = set(text.splitlines())
    return [
        edit for edit in confirmed if texts.get(edit.id) != edit.value and edit.value not in minutes.get(edit.id, ())
    ]


@dataclass(frozen=True)
class KillRun:
    """One driver run killed with SIGKILL: what it had confirmed and in which phase it died."""

    confirmed: list[Confirmed]
    phase: str  # "opening" (before READY) or "editing"
    returncode: int | None


@dataclass(frozen=True)
class Check:
    """The database after a kill, reopened the way the app does."""

    lost: list[Confirmed]
    integrity: str  # PRAGMA integrity_check: "ok" or the first problem
    took_over_lock: bool


def spawn(db_path: Path, out_path: Path, *, count: int = 5000, fault: str | None = None):
    """Start the driver as a separate process writing its output to ``out_path``.

    ``count`` bounds the run (5000 edits take several seconds) so a driver whose parent died stops soon.
    """
    import subprocess

    command = [sys.executable, "-m", "ghnt_desktop.edit_driver", "--db", str(db_path), "--count", str(count)]
    if fault:
        command += ["--fault", fault]
    with out_path.open("wb") as out:
        # A file, not a pipe: a full pipe would block the driver, and a killed process keeps what it wrote.
        return subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)


def _wait_for(out_path: Path, marker: str, process, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker in out_path.read_text(encoding="utf-8", errors="replace"):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.005)
    return False


def kill_at_random(
    db_path: Path, out_path: Path, rng, *, opening_share: float = 0.2, max_delay: float = 0.5, fault: str | None = None
) -> KillRun:
    """Run the driver and SIGKILL it at a random moment: while opening (lock, migration, backup) for
    ``opening_share`` of the runs, else up to ``max_delay`` seconds into its edits."""
    import signal

    process = spawn(db_path, out_path, fault=fault)
    try:
        if rng.random() < opening_share:
            phase = "opening"
            time.sleep(rng.uniform(0.0, 1.2))
        else:
            phase = "editing"
            _wait_for(out_path, "READY", process)
            time.sleep(rng.uniform(0.0, max_delay))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
    finally:
        returncode = process.wait()
    with out_path.open(encoding="utf-8", newline="") as handle:
        confirmed = parse_confirmed(handle)
    if phase == "opening" and confirmed:
        phase = "editing"
    return KillRun(confirmed, phase, returncode)


def reopen_and_check(db_path: Path, confirmed: Iterable[Confirmed]) -> Check:
    """Reopen ``db_path`` as the app does (taking over the dead run's lock) and look for every edit."""
    import sqlite3

    from .filelock import open_for_editing

    opened = open_for_editing(db_path)
    took_over = opened.lock is not None and opened.lock.took_over is not None
    try:
        with opened.database.session() as session:
            lost = check_confirmed(session, confirmed)
    finally:
        opened.close()
    connection = sqlite3.connect(db_path)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    return Check(lost, integrity, took_over)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ghnt_desktop.edit_driver", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="database to edit (created if missing)")
    parser.add_argument("--count", type=int, default=100, help="number of edits")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between edits")
    parser.add_argument("--fault", choices=[FAULT_CONFIRM_BEFORE_COMMIT], help="deliberately break saving")
    args = parser.parse_args(argv)
    return run(args.db, args.count, fault=args.fault, pause=args.pause)


if __name__ == "__main__":
    sys.exit(main())
