"""The window never freezes: the largest event-loop gap during an export of the scale database.

Run: ``.venv/bin/python benchmarks/bench_responsive.py [--runs 3]`` (not part of the test run).

A ``QTimer`` ticks every 10 ms on the GUI thread while the export dialog makes the Excel actielijst of
the full scale database (ten years, about 100,000 action items; benchmarks/scale_db.py) in its worker
thread, as ``tests/test_ui_responsive.py`` does on a three-year one. Two figures per run: the largest
gap between ticks in wall time (what a user sees), and the largest stretch of CPU time the GUI thread
itself spent between two ticks (work done on the GUI thread, which a loaded machine does not inflate).
Baseline, measured in the same run: the same export called on the GUI thread, where the window is
blocked for the whole export. Target (performance issue): the event loop never blocked longer than 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_db import scale_database  # noqa: E402


def largest_gaps_ms(app, run) -> tuple[float, float]:
    """The largest gaps between 10 ms timer ticks while ``run()`` runs: (wall time, GUI thread CPU time)."""
    from PySide6.QtCore import QTimer

    ticks: list[tuple[float, float]] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time())))
    timer.start()
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)
    started = (time.perf_counter(), time.thread_time())
    run()
    ended = (time.perf_counter(), time.thread_time())
    timer.stop()
    during = [t for t in ticks if started[0] <= t[0] <= ended[0]]
    pairs = list(zip([started, *during], [*during, ended], strict=True))
    return max(b[0] - a[0] for a, b in pairs) * 1000, max(b[1] - a[1] for a, b in pairs) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from ghnt_desktop.db import open_database
    from ghnt_desktop.exports.jobs import ExportRequest, run_export
    from ghnt_desktop.services.export_setup import export_choices
    from ghnt_desktop.ui.export_dialog import ExportDialog

    app = QApplication.instance() or QApplication([])
    path = scale_database()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        database = open_database(path, read_only=True)
        with database.session() as session:
            choices = export_choices(session)
        walls, cpus, blocked, counts = [], [], [], []
        for run in range(args.runs):
            dialog = ExportDialog(database, choices, kind="actielijst", file_format="xlsx", today=date(2026, 1, 1))
            dialog.show()
            dialog.file_edit.setText(str(tmp_path / f"ours{run}.xlsx"))
            done = []
            dialog.export_finished.connect(lambda *_a, done=done: done.append(True))

            def in_worker(dialog=dialog, done=done):
                dialog.start_export()
                while not done:
                    app.processEvents()
                    time.sleep(0.002)

            wall, cpu = largest_gaps_ms(app, in_worker)
            walls.append(wall)
            cpus.append(cpu)
            counts.append(dialog.outcome.count if dialog.outcome else 0)
            dialog.close()
            request = ExportRequest(kind="actielijst", out=tmp_path / f"gui{run}.xlsx")
            blocked.append(largest_gaps_ms(app, lambda request=request: run_export(database, request))[0])
        database.close()
    worst, worst_cpu, base = max(walls), max(cpus), statistics.median(blocked)
    print(
        f"Largest event-loop gap during the Excel actielijst export of the scale database "
        f"({counts[0]:,} open actions), {args.runs} runs"
    )
    print(f"  export on the GUI thread (baseline)        {base:8.1f} ms (median)")
    print(
        f"  export dialog, worker thread: wall time    {statistics.median(walls):8.1f} ms median, {worst:.1f} ms "
        f"worst ({worst / base:.3f}x); target < 100 ms: {'met' if worst < 100 else 'MISSED'}"
    )
    print(
        f"  ... CPU time of the GUI thread itself      {statistics.median(cpus):8.1f} ms median, "
        f"{worst_cpu:.1f} ms worst; target < 100 ms: {'met' if worst_cpu < 100 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
