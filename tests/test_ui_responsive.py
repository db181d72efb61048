"""The window never freezes: an export of the scale database runs off the GUI thread.

A ``QTimer`` ticks every 10 ms on the GUI thread while the export dialog makes the Excel actielijst of a
scale database (three years of a region: thousands of open actions, over a second of work). Two
figures tell whether the event loop was blocked:

- the CPU time the GUI thread itself spent between two ticks: work done on the GUI thread. This is the
  performance issue's bound, under 100 ms, and a loaded machine does not inflate it;
- the largest gap between ticks in wall time, which also counts waiting for the interpreter lock (a
  full garbage collection in the worker held it for 85-233 ms before tasks held those back). Its
  100 ms target is measured by ``benchmarks/bench_responsive.py`` on the full scale database: here,
  wall-time bounds fail at random on a loaded machine (119 ms measured once while benchmarks ran
  beside it), so the bound is what tells a working window from a frozen one: an export on the GUI
  thread blocks for its whole duration (over a second); in the worker the gaps are tens of milliseconds.

The figures are printed (``pytest -s``).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.xlsx_actielijst import HEADERS
from ghnt_desktop.scale import ScaleSize, create_scale_database
from ghnt_desktop.services.export_setup import export_choices
from ghnt_desktop.ui.export_dialog import ExportDialog

# Three years of meetings: about 13,000 actions of which 4,700 open; builds in about 6 s here.
SIZE = ScaleSize(years=3, organisations=40, people=200, working_groups=6)
MAX_GUI_WORK_MS = 100  # CPU time of the GUI thread between two ticks (the performance issue's bound)
MAX_BLOCK_MS = 500  # wall time: a frozen window is blocked for the export's whole duration (> 1 s)


@pytest.fixture(scope="module")
def scale_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    counts = create_scale_database(path, size=SIZE)
    assert counts["action_item"] > 5000
    database = open_database(path, read_only=True)
    yield database
    database.close()


def test_export_never_blocks_the_event_loop(qtbot, scale_db, tmp_path):
    with scale_db.session() as session:
        choices = export_choices(session)
    dialog = ExportDialog(scale_db, choices, kind="actielijst", file_format="xlsx", today=date(2026, 1, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "actielijst.xlsx"
    dialog.file_edit.setText(str(out))

    ticks: list[float] = []
    reports: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time())))
    timer.start()
    qtbot.wait(50)  # the timer is running before the export starts
    started = (time.perf_counter(), time.thread_time())
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000):
        task = dialog.start_export()
        assert task is not None
        task.signals.progress.connect(lambda done, total: reports.append(done))
    ended = (time.perf_counter(), time.thread_time())
    timer.stop()

    assert dialog.outcome is not None and out.exists(), "the export did not finish"
    during = [t for t in ticks if started[0] <= t[0] <= ended[0]]
    pairs = list(zip([started, *during], [*during, ended], strict=True))
    largest_ms = max(b[0] - a[0] for a, b in pairs) * 1000
    largest_gui_work_ms = max(b[1] - a[1] for a, b in pairs) * 1000
    duration = ended[0] - started[0]
    print(
        f"\nexport of {dialog.outcome.count} actions took {duration:.2f} s; {len(during)} timer ticks, "
        f"largest gap {largest_ms:.1f} ms, of which GUI thread work {largest_gui_work_ms:.1f} ms"
    )
    assert duration > 1.0, "the export was too short to say anything about responsiveness"
    assert largest_gui_work_ms < MAX_GUI_WORK_MS
    assert largest_ms < MAX_BLOCK_MS
    # The dialog showed progress along the way, and the file holds every open action.
    assert len(reports) >= 2
    column = [
        row[0]
        for row in openpyxl.load_workbook(out, read_only=True)["Actielijst"].iter_rows(max_col=1, values_only=True)
    ]
    numbers = [value for value in column[column.index(HEADERS["number"]) + 1 :] if value]
    assert len(numbers) == dialog.outcome.count == len(set(numbers))


def test_cancel_during_a_long_export(qtbot, scale_db, tmp_path):
    with scale_db.session() as session:
        choices = export_choices(session)
    dialog = ExportDialog(scale_db, choices, kind="actielijst", file_format="xlsx", today=date(2026, 1, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "actielijst.xlsx"
    dialog.file_edit.setText(str(out))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000):
        assert dialog.start_export() is not None
        qtbot.wait(300)  # gathering or writing by now
        dialog.reject()  # Annuleren while it runs
    assert dialog.outcome is None and "Afgebroken" in dialog.result_label.text()
    assert not out.exists() and not list(Path(tmp_path).glob("*.xlsx"))
