"""Taking a meeting along in the GUI shows how far it is: a progress dialog with a percentage and the step, the
window stays responsive, and Annuleren at any moment leaves no (half) copy. The return dialog's bar counts its steps.
The screenshot goes to ``tests/artifacts/offline/take_progress.png`` (the window at 1366x768 with the dialog).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QMessageBox

from ghnt_desktop.ui.offline import TakeOfflineDialog

TODAY = date(2020, 3, 2)
ARTIFACTS = Path(__file__).parent / "artifacts" / "offline"


def _held_take(monkeypatch, at: int):
    """Make the take stop at the first report of ``at`` % or more until ``go`` is set (the test looks meanwhile);
    returns (reached, go, reports)."""
    from ghnt_desktop.services import offline

    real = offline.take_offline
    reached, go = threading.Event(), threading.Event()
    reports: list[tuple[int, int, str]] = []

    def take(*args, progress=None, **kwargs):
        def report(done, total, label):
            reports.append((done, total, label))
            if done >= at and not reached.is_set():
                reached.set()
                go.wait(20)
            if progress is not None:
                progress(done, total, label)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(offline, "take_offline", take)
    return reached, go, reports


def _start(window, monkeypatch, copy_path: Path) -> None:
    def fill_in(dialog: TakeOfflineDialog):
        dialog.path.setText(str(copy_path))
        dialog.take_button.click()
        return dialog.result()

    monkeypatch.setattr(TakeOfflineDialog, "exec", fill_in)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # "Later": the copy is not opened
    window.take_offline_action.trigger()


def _screenshot(window, dialog, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image = window.grab().toImage()
    painter = QPainter(image)
    painter.drawPixmap(window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0))), dialog.grab())
    painter.end()
    image.save(str(ARTIFACTS / name))


def test_the_take_shows_percentage_and_step_and_the_window_stays_responsive(demo_window, qtbot, monkeypatch, tmp_path):
    window = demo_window(TODAY)
    window.resize(1366, 768)
    reached, go, reports = _held_take(monkeypatch, 60)
    copy_path = tmp_path / "kopie.db"
    _start(window, monkeypatch, copy_path)
    task = window.offline_task
    shown: list[tuple[int, int]] = []
    task.task.signals.progress.connect(lambda done, total: shown.append((done, total)))
    try:
        qtbot.waitUntil(reached.is_set, timeout=30_000)
        dialog = task.dialog
        qtbot.waitUntil(dialog.isVisible, timeout=15_000)
        ticks = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=30_000)  # the event loop runs while the take works
        timer.stop()
        qtbot.waitUntil(lambda: dialog.value() >= 55 and "Schrijven" in dialog.labelText(), timeout=30_000)
        assert dialog.maximum() == 100 and dialog.value() < 100
        qtbot.wait(50)
        _screenshot(window, dialog, "take_progress.png")
    finally:
        go.set()
    qtbot.waitUntil(task.task.is_done, timeout=60_000)
    qtbot.waitUntil(lambda: not task.dialog.isVisible(), timeout=30_000)
    assert copy_path.is_file() and not list(tmp_path.glob("*.deel*"))
    done = [d for d, _t, _l in reports]
    assert done == sorted(done) and done[-1] == reports[-1][1] == 100
    qtbot.waitUntil(lambda: shown and shown[-1] == (100, 100), timeout=30_000)
    assert [d for d, _t in shown] == sorted(d for d, _t in shown)


@pytest.mark.parametrize("at", [1, 50, 60, 85, 100])
def test_annuleren_at_any_step_leaves_no_copy(demo_window, qtbot, monkeypatch, tmp_path, at):
    window = demo_window(TODAY)
    reached, go, _reports = _held_take(monkeypatch, at)
    copy_path = tmp_path / "kopie.db"
    _start(window, monkeypatch, copy_path)
    task = window.offline_task
    try:
        qtbot.waitUntil(reached.is_set, timeout=30_000)
        task.cancel()  # what Annuleren does
    finally:
        go.set()
    qtbot.waitUntil(task.task.is_done, timeout=60_000)
    qtbot.waitUntil(lambda: "geannuleerd" in window.statusBar().currentMessage(), timeout=30_000)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kopie")] == []


def test_the_return_dialog_counts_its_steps(demo_window, qtbot, tmp_path):
    from ghnt_desktop.services.offline import take_offline
    from ghnt_desktop.ui.offline import meeting_options

    window = demo_window(TODAY)
    team_path = window.database.path
    _options, meeting_id = meeting_options(window.database, TODAY)
    with window.database.read_session() as session:
        take_offline(session, tmp_path / "kopie.db", meeting_id, source_label=str(team_path), source_url=str(team_path))
    assert window.open_database_file(tmp_path / "kopie.db")
    dialog = window.return_offline_copy()
    values: list[tuple[int, int]] = []
    dialog.busy.valueChanged.connect(lambda v: values.append((v, dialog.busy.maximum())))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    assert values and values[-1] == (4, 4)
    assert not dialog.busy.isVisible()
    dialog.close()


def test_every_step_of_a_take_or_return_reads_in_english(ui_language):
    """The service reports its steps in Dutch ("Schrijven: actiepunt"); the dialog shows them in the app's language.
    Before, the English interface showed them in Dutch."""
    from ghnt_desktop.services.offline import step_parts
    from ghnt_desktop.ui.offline import step_text

    assert step_text("Schrijven: actiepunt") == "Schrijven: actiepunt"  # Dutch: as reported
    ui_language("en")
    same_in_english = {"indicator", "label"}
    assert [part for part in step_parts() if step_text(part) == part and part not in same_in_english] == []
    assert step_text("Schrijven: actiepunt") == "Writing: action item"
    assert step_text("Wijzigingen van de kopie lezen") == "Reading the copy's changes"
