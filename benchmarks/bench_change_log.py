"""What the change log costs a write: the same edits on the demo database with and without its triggers.

Run: ``.venv/bin/python benchmarks/bench_change_log.py [--runs 15]`` (not part of the test run).

* Status edit round trip: ``actions.set_action_status`` in a write session of the app and its commit
  (``synchronous=FULL``), as the Acties page does on an edit in place.
* A minuted afstemmingsoverleg: minutes text on every content item, three decisions, three action items and
  progress on five actions, in one write session each, as the secretaris writes them.

The baseline is a copy of the same database with the change log's triggers dropped (``uninstall_change_log``).
Medians of interleaved runs on SQLite; the ratio is the change log's overhead (target: within 1.3x).
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


def median_pair(ours: Callable[[int], object], base: Callable[[int], object], runs: int) -> tuple[float, float]:
    ours(0), base(0)  # warm-up
    times: dict[str, list[float]] = {"ours": [], "base": []}
    for run in range(1, runs + 1):
        for name, step in (("ours", ours), ("base", base)):
            started = time.perf_counter()
            step(run)
            times[name].append(time.perf_counter() - started)
    return statistics.median(times["ours"]), statistics.median(times["base"])


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
                        minutes.add_decision(s, items[k % len(items)], f"Besluit {n}.{k}", user="bench")
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
            mine, base = median_pair(make(logged), make(plain), runs)
            ratio = mine / base
            worst = max(worst, ratio)
            print(f"{label:<24} with log {mine * 1000:8.1f} ms   without {base * 1000:8.1f} ms   ratio {ratio:5.2f}")
        logged.close()
        plain.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("OK" if worst <= TARGET else f"SLOWER than {TARGET}x")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
