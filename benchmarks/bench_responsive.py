"""The window never freezes: the largest event-loop gap during an export of a scale database.

Run: ``.venv/bin/python benchmarks/bench_responsive.py [--runs 3]`` (not part of the test run).

A ``QTimer`` ticks every 10 ms on the GUI thread while the export dialog makes the Excel actielijst of
a three-year scale database in its worker thread (as in ``tests/test_ui_responsive.py``). Baseline,
measured in the same run: the same export called on the GUI thread, where the window is blocked for
the whole export. Target (performance issue): the event loop never blocked longer than 100 ms.
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

from ghnt_desktop.scale import ScaleSize  # noqa: E402

SIZE = ScaleSize(years=3, organisations=40, people=200, working_groups=6)


def largest_gap_ms(app, run) -> float:
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)
    started = time.perf_counter()
    run()
    ended = time.perf_counter()
    timer.stop()
    during = [t for t in ticks if started <= t <= ended]
    return max(b - a for a, b in zip([started, *during], [*during, ended], strict=True)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from ghnt_desktop.db import open_database
    from ghnt_desktop.exports.jobs import ExportRequest, run_export
    from ghnt_desktop.scale import create_scale_database
    from ghnt_desktop.services.export_setup import export_choices
    from ghnt_desktop.ui.export_dialog import ExportDialog

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        create_scale_database(tmp_path / "scale.db", size=SIZE)
        database = open_database(tmp_path / "scale.db", read_only=True)
        with database.session() as session:
            choices = export_choices(session)
        ours, blocked = [], []
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

            ours.append(largest_gap_ms(app, in_worker))
            dialog.close()
            request = ExportRequest(kind="actielijst", out=tmp_path / f"gui{run}.xlsx")
            blocked.append(largest_gap_ms(app, lambda request=request: run_export(database, request)))
        database.close()
    worst, base = max(ours), statistics.median(blocked)
    print(f"Largest event-loop gap during the Excel actielijst export of a 3-year scale database, {args.runs} runs")
    print(f"  export on the GUI thread (baseline)   {base:8.1f} ms (median)")
    print(
        f"  export dialog, worker thread          {statistics.median(ours):8.1f} ms median, {worst:.1f} ms worst "
        f"({worst / base:.2f}x); target < 100 ms: {'met' if worst < 100 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
