"""The Acties page on a team database: the scale database (100,700 action items) on PostgreSQL against SQLite.

    .venv/bin/python benchmarks/bench_team_actions.py [--runs 7] [--url postgresql://...  --password ...]

Without ``--url`` a throwaway PostgreSQL cluster is started (``tests/postgres_server.py``, fsync off as in the
tests: a local server, as issue 20 asks) and the cached scale database (``scale_db.py``) is copied into it with
``server import`` (``server_transfer.transfer``; its time is printed). With ``--url`` an existing copy is used.

Measured in one process, offscreen, medians of interleaved runs on both engines:

- opening the Acties page until its first rows are painted (``ActionsPage.load``: the size check, the filter
  choices and the top of the default order read at once, the full list following from a worker thread), on
  PostgreSQL against the same on the SQLite file (target: within 1.5x); the service reads behind it are timed
  separately (``actions.first_view_ids`` + ``load_action_view(ids=...)``, ``view_choices``, ``is_large``);
- a status edit round trip as the Acties page makes it (``ServiceCommand``: ``Database.write`` with
  ``actions.set_action_status(..., seen=...)``, commit included) on PostgreSQL (target: under 50 ms), with the
  SQLite figure beside it.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from scale_db import scale_database  # noqa: E402

TODAY = date(2026, 1, 1)
FIRST_ROWS_RATIO = 1.5
STATUS_EDIT_MS = 50.0


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def open_page_ms(app, database) -> float:
    """Milliseconds from ``ActionsPage.load`` until its first rows are painted (the worker's full list not awaited
    for the figure, but before the page is closed)."""
    from ghnt_desktop.ui.pages.actions import ActionsPage

    page = ActionsPage(None, today=lambda: TODAY)
    page.resize(1400, 800)
    page.show()
    app.processEvents()
    gc.collect()  # not the previous run's 100,000 freed rows: a full collection would land in a random step
    started = time.perf_counter()
    page.load(database)
    while not page.loaded and page.model.rowCount() == 0:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    elapsed = time.perf_counter() - started
    while not page.loaded:  # the worker thread reads the rest: let it finish before the next run
        app.processEvents()
        time.sleep(0.002)
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


def service_steps(database) -> dict[str, float]:
    """The reads behind the first rows, each in its own session (seconds)."""
    from ghnt_desktop.services.actions import first_view_ids, load_action_view, view_choices
    from ghnt_desktop.ui.pages.actions import FIRST_ROWS
    from ghnt_desktop.ui.pages.base import is_large

    times = {}
    for name, step in (
        ("is_large", is_large),
        ("view_choices", view_choices),
        ("first_view_ids", lambda s: first_view_ids(s, FIRST_ROWS)),
        ("first rows", lambda s: load_action_view(s, ids=first_view_ids(s, FIRST_ROWS))),
    ):
        gc.collect()
        with database.read_session() as session:
            started = time.perf_counter()
            step(session)
            times[name] = time.perf_counter() - started
    return times


def status_edit(database, action_id, run: int) -> float:
    """One status change as the Acties page saves it: the status shown as ``seen``, in ``Database.write``."""
    from ghnt_desktop.models import ActionStatus
    from ghnt_desktop.services.actions import ITEM, set_action_status

    statuses = (ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED)
    shown, wanted = statuses[run % 2], statuses[(run + 1) % 2]
    started = time.perf_counter()
    database.write(lambda s: set_action_status(s, ITEM, action_id, wanted, on=TODAY, seen=shown))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--url", help="a PostgreSQL database that already holds the scale database")
    parser.add_argument("--password", default=None)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from ghnt_desktop.db import open_database
    from ghnt_desktop.models import ActionItem, ActionStatus
    from ghnt_desktop.services.actions import ITEM, set_action_status

    app = QApplication.instance() or QApplication([])
    cached = scale_database()
    work = Path(tempfile.mkdtemp(prefix="ghnt-team-actions-"))
    path = work / "scale.db"  # the status edits go to a copy: the cached database stays as the others expect it
    shutil.copyfile(cached, path)
    server = None
    try:
        url, password = args.url, args.password
        if url is None:
            from postgres_server import start_server

            from ghnt_desktop.server_transfer import transfer

            server = start_server()
            url, password = server.empty_database(), server.password
            started = time.perf_counter()
            transfer(cached, url, password=password)
            print(f"(scale database copied to PostgreSQL with server import in {time.perf_counter() - started:.0f} s)")
        engines = {"sqlite": open_database(path), "postgresql": open_database(url, password=password)}
        with engines["sqlite"].read_session() as session:
            action_id = session.scalar(
                select(ActionItem.id).where(ActionItem.status == ActionStatus.IN_PROGRESS).order_by(ActionItem.number)
            )
        for database in engines.values():  # both start from the status the edits alternate from
            database.write(lambda s: set_action_status(s, ITEM, action_id, ActionStatus.IN_PROGRESS, on=TODAY))

        opened: dict[str, list[float]] = {name: [] for name in engines}
        steps: dict[str, dict[str, list[float]]] = {name: {} for name in engines}
        edits: dict[str, list[float]] = {name: [] for name in engines}
        for database in engines.values():  # warm-up: caches, the driver's prepared statements, the pool
            open_page_ms(app, database)
            status_edit(database, action_id, 0)
            status_edit(database, action_id, 1)
        for run in range(args.runs):
            for name, database in engines.items():
                opened[name].append(open_page_ms(app, database))
                for step, seconds in service_steps(database).items():
                    steps[name].setdefault(step, []).append(seconds)
                for k in range(4):
                    edits[name].append(status_edit(database, action_id, run * 4 + k))
        with engines["sqlite"].read_session() as session:
            from ghnt_desktop.services.actions import load_action_view

            count = len(load_action_view(session))
        print(f"Acties page on {count:,} rows, medians of {args.runs} runs (status edits: {4 * args.runs})")
        for step in steps["sqlite"]:
            pg, lite = median_ms(steps["postgresql"][step]), median_ms(steps["sqlite"][step])
            print(f"  service: {step:<40}PostgreSQL {pg:7.1f} ms  SQLite {lite:7.1f} ms  {pg / lite:5.2f}x")
        pg, lite = median_ms(opened["postgresql"]), median_ms(opened["sqlite"])
        ratio = pg / lite
        first_ok = ratio <= FIRST_ROWS_RATIO
        print(
            f"  open the Acties page (first rows painted)   PostgreSQL {pg:7.1f} ms  SQLite {lite:7.1f} ms  "
            f"{ratio:5.2f}x  target <={FIRST_ROWS_RATIO}x: {'met' if first_ok else 'MISSED'}"
        )
        pg, lite = median_ms(edits["postgresql"]), median_ms(edits["sqlite"])
        edit_ok = pg < STATUS_EDIT_MS
        print(
            f"  status edit round trip                      PostgreSQL {pg:7.1f} ms  SQLite {lite:7.1f} ms  "
            f"(max {max(edits['postgresql']) * 1000:.1f} ms)  target <{STATUS_EDIT_MS:.0f} ms: "
            f"{'met' if edit_ok else 'MISSED'}"
        )
        for database in engines.values():
            database.close()
        return 0 if first_ok and edit_ok else 1
    finally:
        if server is not None:
            server.remove()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
