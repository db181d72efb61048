"""Test hook: edits a database the way the app does, saying ``CONFIRMED`` after each commit.

``python -m ghnt_desktop.edit_driver --db PATH --count N`` opens the database like the app (lock,
open or migrate, storage errors, automatic backup: ``opening.open_for_editing``), creates the few
records it needs (a series, a meeting, an agenda item) and then makes ``N`` realistic edits through the
ORM in one transaction each, cycling through: add a decision, add an action item, append a line to the
minutes of the agenda item. After each commit it prints ``CONFIRMED <id> <value>`` and flushes stdout:
that line means "the app told the user it is saved". ``<id>`` is the decision's, action item's or agenda
item's UUID; ``<value>`` is the decision text, the action text or the minutes line.

The power-cut test and ``benchmarks/power_cut.py`` kill this process with SIGKILL at random moments
and then check with ``check_confirmed`` that every confirmed edit is in the database.

``--fault confirm-before-commit`` deliberately says ``CONFIRMED`` before committing and waits a moment:
a broken app. The tests use it to show that the check does catch a lost edit.

``--typist`` is a secretaris who types the minutes of an agenda item without ever pausing: a key every
``--key-ms`` milliseconds, each one printed as ``TYPED <count> <monotonic time>``, autosaved through the
app's own ``ui.debounce.Debouncer`` and ``set_minutes_text`` exactly as the Notuleren tab does. After a
kill, ``check_typed`` finds the characters typed more than ``AUTOSAVE_PROMISE_MS`` before the kill that
are not in the database (there must be none). ``--fault no-max-wait`` gives the typist the old debounce
(every key restarts the wait, no maximum): a burst without a pause is then never saved, and the check says so.
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
FAULT_NO_MAX_WAIT = "no-max-wait"
# What the typist types, again and again: no spaces or line ends, which the saved text would strip at its end.
TYPIST_TEXT = "Devoorzittermeldtdatdewerkgroepscholingdeofferteheeftontvangen.Vervolginjuni;"


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
    from .opening import open_for_editing

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

    from .opening import open_for_editing

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


def typed_text(count: int) -> str:
    """The first ``count`` characters the typist types."""
    repeats = count // len(TYPIST_TEXT) + 1
    return (TYPIST_TEXT * repeats)[:count]


def run_typist(db_path: Path, count: int, *, key_ms: int = 30, fault: str | None = None) -> int:
    """Type ``count`` characters without a pause into the minutes of an agenda item, autosaved as in the app."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    from .opening import open_for_editing
    from .services.minutes import set_minutes_text
    from .ui.debounce import AUTOSAVE_MAX_WAIT_MS, Debouncer

    app = QCoreApplication.instance() or QCoreApplication([])
    opened = open_for_editing(db_path)
    try:
        with opened.database.session() as session:
            _series, _meeting, item = _setup(session)
            item_id = item.id
            item.minutes_text = ""
        typed: list[str] = []

        def save() -> None:
            text = "".join(typed)
            with opened.database.session() as session:
                set_minutes_text(session, item_id, text)
            print(f"SAVED {len(text)}", flush=True)

        max_wait = None if fault == FAULT_NO_MAX_WAIT else AUTOSAVE_MAX_WAIT_MS
        autosave = Debouncer(save, max_wait_ms=max_wait)
        keys = QTimer()
        keys.setTimerType(Qt.TimerType.PreciseTimer)
        keys.setInterval(key_ms)

        def key() -> None:
            typed.append(TYPIST_TEXT[len(typed) % len(TYPIST_TEXT)])
            print(f"TYPED {len(typed)} {time.monotonic():.4f}", flush=True)
            autosave.poke()
            if len(typed) >= count:
                keys.stop()
                autosave.flush()
                app.quit()

        keys.timeout.connect(key)
        print(f"READY {os.getpid()}", flush=True)
        keys.start()
        app.exec()
    finally:
        opened.close()
    print("DONE", flush=True)
    return 0


def parse_typed(lines: Iterable[str]) -> list[tuple[int, float]]:
    """(characters typed so far, monotonic time) of every complete ``TYPED`` line."""
    found = []
    for line in lines:
        if line.endswith("\n") and line.startswith("TYPED "):
            _tag, count, moment = line.split()
            found.append((int(count), float(moment)))
    return found


def check_typed(session, typed: list[tuple[int, float]], killed_at: float, promise_s: float) -> int:
    """How many characters typed more than ``promise_s`` before ``killed_at`` are missing from the minutes."""
    old = max((count for count, moment in typed if moment <= killed_at - promise_s), default=0)
    series = session.scalars(select(MeetingSeries).where(MeetingSeries.name == SERIES_NAME)).first()
    if series is None:
        return old
    meeting = session.scalars(select(Meeting).where(Meeting.series_id == series.id)).first()
    stored = session.scalars(select(AgendaItem.minutes_text).where(AgendaItem.meeting_id == meeting.id)).first() or ""
    expected = typed_text(max(old, len(stored)))
    if not expected.startswith(stored):
        return old  # what is stored is not what was typed: count it all as lost
    return max(0, old - len(stored))


@dataclass(frozen=True)
class TypistRun:
    """A typist killed with SIGKILL: characters typed, characters older than the promise that were lost."""

    typed: int
    saves: int
    old_lost: int
    seconds_typed: float


def kill_typist(
    db_path: Path, out_path: Path, rng, *, key_ms: int = 30, min_s: float = 1.5, max_s: float = 4.0,
    fault: str | None = None,
) -> TypistRun:
    """Start a typist, SIGKILL it after a random ``min_s``..``max_s`` seconds of typing, reopen and check."""
    import signal
    import subprocess

    from .opening import open_for_editing
    from .ui.debounce import AUTOSAVE_PROMISE_MS

    command = [
        sys.executable, "-m", "ghnt_desktop.edit_driver", "--db", str(db_path), "--typist",
        "--count", "100000", "--key-ms", str(key_ms),
    ]  # fmt: skip
    if fault:
        command += ["--fault", fault]
    # The child runs this same copy of the package, wherever the caller started from.
    source = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH", "")) if p)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}
    with out_path.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=environment)
    try:
        if not _wait_for(out_path, "READY", process, timeout=30.0):
            raise RuntimeError(f"the typist did not start (see {out_path})")
        time.sleep(rng.uniform(min_s, max_s))
        killed_at = time.monotonic()
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    with out_path.open(encoding="utf-8", newline="") as handle:
        lines = handle.readlines()
    typed = parse_typed(lines)
    saves = sum(1 for line in lines if line.startswith("SAVED "))
    opened = open_for_editing(db_path)
    try:
        with opened.database.session() as session:
            lost = check_typed(session, typed, killed_at, AUTOSAVE_PROMISE_MS / 1000)
    finally:
        opened.close()
    span = typed[-1][1] - typed[0][1] if len(typed) > 1 else 0.0
    return TypistRun(typed[-1][0] if typed else 0, saves, lost, span)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ghnt_desktop.edit_driver", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="database to edit (created if missing)")
    parser.add_argument("--count", type=int, default=100, help="number of edits")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between edits")
    parser.add_argument(
        "--fault", choices=[FAULT_CONFIRM_BEFORE_COMMIT, FAULT_NO_MAX_WAIT], help="deliberately break saving"
    )
    parser.add_argument("--typist", action="store_true", help="type minutes without a pause, autosaved")
    parser.add_argument("--key-ms", type=int, default=30, help="milliseconds between the typist's keys")
    args = parser.parse_args(argv)
    if args.typist:
        return run_typist(args.db, args.count, key_ms=args.key_ms, fault=args.fault)
    return run(args.db, args.count, fault=args.fault, pause=args.pause)


if __name__ == "__main__":
    sys.exit(main())
