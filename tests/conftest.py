"""Shared fixtures: a fresh database per test, Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ghnt_desktop.db import Database, open_database  # noqa: E402


@pytest.fixture
def database(tmp_path: Path):
    """An empty database at the current schema in a fresh file."""
    db = open_database(tmp_path / "test.db")
    yield db
    db.close()


@pytest.fixture
def session(database: Database):
    """A session on the fresh database; committed when the test ends without error."""
    with database.session() as s:
        yield s


@pytest.fixture
def messages(monkeypatch):
    """Every message box shown with ``exec`` is answered at once (OK); the texts shown are recorded."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """``demo_database(today)``: a new copy of the demo database as of ``today`` (each caller its own).

    The demo is built once per date in a test run (half a second each) and copied (milliseconds).
    """
    import shutil

    from ghnt_desktop.demo import create_demo_database

    built: dict = {}

    def copy(today) -> Path:
        if today not in built:
            built[today] = tmp_path_factory.mktemp("demo-template") / "demo.db"
            create_demo_database(built[today], today=today)
        target = tmp_path_factory.mktemp("demo") / "demo.db"
        shutil.copyfile(built[today], target)
        return target

    return copy


@pytest.fixture
def demo_window(qtbot, tmp_path, demo_database):
    """``demo_window(today, size=(1366, 768))``: a shown main window on a new copy of the demo database of
    ``today``, with its own settings file; closed after the test."""
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    windows = []

    def open_window(today, size=(1366, 768)):
        window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: today)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert window.open_database_file(demo_database(today))
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        if window.database is not None:
            window.database.close()
