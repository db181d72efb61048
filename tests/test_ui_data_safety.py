"""The window's side of data safety: lock and read-only, backups from the menu, restore of a bad file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from test_ui_sample_data import TODAY, build_sample_database

from ghnt_desktop.backup import list_backups, make_backup
from ghnt_desktop.filelock import lock_path
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui import backup_dialog
from ghnt_desktop.ui.mainwindow import MainWindow


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "regio.db"
    build_sample_database(path).close()
    return path


def make_window(qtbot, tmp_path, name="settings.ini"):
    win = MainWindow(Settings.at_path(tmp_path / name), today=lambda: TODAY)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def answer(monkeypatch):
    """Answer every QMessageBox by clicking the button with the given text; records what was shown."""
    shown: list[str] = []
    choice = {"text": None}

    def fake_exec(box):
        shown.append(box.text())
        for button in box.buttons():
            if choice["text"] and button.text() == choice["text"]:
                button.click()
                return 0
        box.buttons()[-1].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)

    def set_choice(text):
        choice["text"] = text
        return shown

    return set_choice


def test_second_instance_sees_who_has_the_file_and_opens_read_only(qtbot, tmp_path, sample_path, answer):
    first = make_window(qtbot, tmp_path, "a.ini")
    assert first.open_database_file(sample_path)
    assert lock_path(sample_path).exists()
    shown = answer("Alleen-lezen openen")
    second = make_window(qtbot, tmp_path, "b.ini")
    assert second.open_database_file(sample_path)
    assert "is geopend door" in shown[0]
    assert "alleen-lezen" in second.windowTitle()
    assert second.opened.read_only
    assert second.page("meetings").model.rowCount() == first.page("meetings").model.rowCount() > 0
    first.close()
    assert not lock_path(sample_path).exists()  # released when the window closes


def test_backup_from_the_menu(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, tmp_path)
    assert window.open_database_file(sample_path)
    # The automatic backup of the day runs in a worker task once the database shows.
    assert window.automatic_backup is not None and window.automatic_backup.wait(10)
    before = list_backups(sample_path, with_summary=False)
    assert [b.kind for b in before] == ["auto"]
    window.start_automatic_backup()  # the heartbeat's call: not due again today
    assert window.automatic_backup.wait(10) and window.automatic_backup.result is None
    before = len(before)
    window.backup_action.trigger()  # runs off the GUI thread
    qtbot.waitUntil(lambda: "Reservekopie gemaakt" in window.statusBar().currentMessage(), timeout=10_000)
    backups = list_backups(sample_path)
    assert len(backups) == before + 1
    assert all(b.usable for b in backups)
    assert "Reservekopie gemaakt" in window.statusBar().currentMessage()


def test_damaged_file_offers_a_backup_and_opens_it(qtbot, tmp_path, sample_path, answer, monkeypatch):
    make_backup(sample_path)
    sample_path.write_bytes(sample_path.read_bytes()[:4096])  # truncated: damaged
    shown = answer("Reservekopie terugzetten...")
    monkeypatch.setattr(
        backup_dialog.RestoreBackupDialog, "exec", lambda self: backup_dialog.RestoreBackupDialog.DialogCode.Accepted
    )
    window = make_window(qtbot, tmp_path)
    assert window.open_database_file(sample_path)
    assert "beschadigd" in shown[0] or "geen database" in shown[0]
    assert window.page("meetings").model.rowCount() > 0
    # The damaged file was kept aside, not thrown away.
    kinds = {b.kind for b in list_backups(sample_path, with_summary=False)}
    assert kinds & {"beschadigd", "voor-herstel"}


def test_about_names_version_database_and_libraries(qtbot, tmp_path, sample_path):
    from ghnt_desktop import __version__

    window = make_window(qtbot, tmp_path)
    assert window.open_database_file(sample_path)
    text = window.about_text()
    assert __version__ in text and str(sample_path) in text
    for library in ("Qt ", "PySide6", "SQLAlchemy", "SQLite", "python-docx", "openpyxl"):
        assert library in text
