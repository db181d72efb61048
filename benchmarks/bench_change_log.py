"""What the change log costs a write: the same edits on the demo database with and without its triggers.

Run: ``.venv/bin/python benchmarks/bench_change_log.py [--runs 15]`` (not part of the test run).

* Status edit round trip: ``actions.set_action_status`` in a write session of the app and its commit
  (``synchronous=FULL``), as the Acties page does on an edit in place.
* A minuted afstemmingsoverleg: minutes text on every content item, three decisions, three action items and
  progress on five actions, in one write session each, as the secretaris writes them.

The baseline is a copy of the same database with the change log's triggers dropped (``uninstall_change_log``).
Medians of interleaved runs on SQLite; the ratio is the change log's overhead (target: within 1.3x). The minimum
of the runs is printed beside it: on a loaded machine the medians of these few-millisecond, fsync-bound edits
bounce (measured the same hour: status 0.69x and 1.50x, AO 0.97x and 1.12x) and the minimum is the steadier figure.

* The triggers' own cost, without the app and without fsync: CPU time (``process_time``) of 1,000 updates of three
  columns of an action item and of 1,000 inserted progress updates in one transaction, with and without the
  triggers (the search index's triggers dropped on both copies, so only the log's are counted).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET = 1.3


def median_pair(
    ours: Callable[[int], object], base: Callable[[int], object], runs: int
) -> tuple[float, float, float, float]:
    """(median ours, median base, min ours, min base) of interleaved runs."""
    ours(0), base(0)  # warm-up
    times: dict[str, list[float]] = {"ours": [], "base": []}
    for run in range(1, runs + 1):
        for name, step in (("ours", ours), ("base", base)):
            started = time.perf_counter()
            step(run)
            times[name].append(time.perf_counter() - started)
    return (statistics.median(times["ours"]), statistics.median(times["base"]), min(times["ours"]),
            min(times["base"]))


def trigger_cost(logged: Path, plain: Path, rounds: int = 15) -> dict[str, tuple[float, float]]:
    """Microseconds of CPU per updated / inserted row, (with the log's triggers, without): medians of ``rounds``."""
    import sqlite3
    import uuid

    connections = {}
    for name, path in (("logged", logged), ("plain", plain)):
        copy = path.with_name(f"micro-{path.name}")
        shutil.copy(path, copy)
        connection = sqlite3.connect(copy, isolation_level=None)
        connection.execute("PRAGMA synchronous=OFF")
        search = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        for (trigger,) in connection.execute(search).fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connections[name] = connection
    ids = [r[0] for r in connections["plain"].execute("SELECT id FROM action_item LIMIT 50")]
    times: dict[tuple[str, str], list[float]] = {}
    for run in range(rounds):
        for name, connection in connections.items():
            started = time.process_time()
            connection.execute("BEGIN")
            for i in range(1000):
                connection.execute(
                    "UPDATE action_item SET text = ?, trekker_text = ?, times_postponed = ? WHERE id = ?",
                    (f"Tekst {run}.{i}", f"Trekker {i}", i, ids[i % len(ids)]),
                )
            connection.execute("COMMIT")
            times.setdefault((name, "update"), []).append(time.process_time() - started)
            started = time.process_time()
            connection.execute("BEGIN")
            for i in range(1000):
                connection.execute(
                    "INSERT INTO progress_update (id, action_item_id, date, status, done_text, todo_text, author, "
                    "confidential, postponed, new_deadline_text, created_at, updated_at, row_version) VALUES "
                    "(?, ?, '2026-12-03', 'in_progress', ?, '', 'bench', 0, 0, '', '2026-12-03 10:00:00', "
                    "'2026-12-03 10:00:00', 1)",
                    (uuid.uuid4().hex, ids[i % len(ids)], f"Stand {run}.{i}"),
                )
            connection.execute("COMMIT")
            times.setdefault((name, "insert"), []).append(time.process_time() - started)
    for connection in connections.values():
        connection.close()
    return {
        kind: (statistics.median(times[("logged", kind)]) * 1000, statistics.median(times[("plain", kind)]) * 1000)
        for kind in ("update", "insert")
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from sqlalchemy import select

    from ghnt_desktop.db import open_database
    from ghnt_desktop.demo import create_demo_database
    from ghnt_desktop.models import ActionItem, ActionStatus, Meeting, MeetingState
    from ghnt_desktop.services import actions as actions_service
    from ghnt_desktop.services import agenda, minutes
    from ghnt_desktop.services.change_log import uninstall_change_log

    folder = Path(tempfile.mkdtemp(prefix="ghnt-bench-log-"))
    try:
        logged_path = folder / "logged.db"
        create_demo_database(logged_path, date(2026, 12, 3))
        plain_path = folder / "plain.db"
        shutil.copy(logged_path, plain_path)
        logged, plain = open_database(logged_path), open_database(plain_path)
        with plain.engine.begin() as connection:
            uninstall_change_log(connection)
        with logged.read_session() as s:
            meeting = s.scalar(
                select(Meeting).where(Meeting.state == MeetingState.CONCEPT).order_by(Meeting.date).limit(1)
            ) or s.scalar(select(Meeting).where(Meeting.state != MeetingState.MINUTES_APPROVED).limit(1))
            meeting_id = meeting.id
            items = [r.id for r in agenda.agenda_items(s, meeting_id) if r.standard_item is None]
            actions = list(
                s.scalars(select(ActionItem.id).where(ActionItem.status != ActionStatus.DONE).limit(5))
            )
        print(f"demo database; meeting with {len(items)} content items, {len(actions)} open actions")

        statuses = [ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED]

        def status_edit(database) -> Callable[[int], object]:
            def run(n: int) -> None:
                with database.session() as s:
                    actions_service.set_action_status(s, "item", actions[0], statuses[n % 2], author="bench")

            return run

        def minuted_ao(database) -> Callable[[int], object]:
            def run(n: int) -> None:
                for item in items:
                    with database.session() as s:
                        minutes.set_minutes_text(s, item, f"Besproken in ronde {n}: " + "de voortgang is goed. " * 20)
                for k in range(3):
                    with database.session() as s:
                        minutes.add_decision(s, items[k % len(items)], f"Besluit {n}.{k}")
                    with database.session() as s:
                        minutes.add_action_item(s, items[k % len(items)], f"Actie {n}.{k}", deadline=date(2027, 3, 1))
                for action in actions:
                    with database.session() as s:
                        minutes.record_progress(
                            s, action, status=statuses[n % 2], done_text=f"Stand {n}", on=date(2026, 12, 3)
                        )

            return run

        worst = 0.0
        for label, make in (("status edit round trip", status_edit), ("minuted AO", minuted_ao)):
            runs = args.runs if make is status_edit else max(3, args.runs // 3)
            mine, base, mine_min, base_min = median_pair(make(logged), make(plain), runs)
            ratio = mine / base
            worst = max(worst, ratio)
            print(f"{label:<24} with log {mine * 1000:8.1f} ms   without {base * 1000:8.1f} ms   ratio {ratio:5.2f}"
                  f"   (minimum {mine_min * 1000:.1f} / {base_min * 1000:.1f} ms: {mine_min / base_min:5.2f})")
        logged.close()
        plain.close()
        for kind, (mine, base) in trigger_cost(logged_path, plain_path).items():
            print(f"the log's trigger, per {kind:<7} {mine:6.1f} us CPU   without {base:6.1f} us   "
                  f"cost {mine - base:5.1f} us per logged row")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("OK" if worst <= TARGET else f"SLOWER than {TARGET}x")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
