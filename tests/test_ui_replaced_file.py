"""The database file replaced under the open app: the edit is refused with a Dutch message, the typed text stays."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
from sqlalchemy import select

from ghnt_desktop.models import ProgrammeAction
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ghnt_desktop.ui.undo.show_error", lambda parent, exc: shown.append(str(exc)))
    monkeypatch.setattr("ghnt_desktop.ui.errors.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    return shown


def test_an_edit_after_the_file_was_replaced_is_refused_and_kept_on_screen(qtbot, tmp_path, demo_file, messages):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_database_file(path)
    try:
        window.show_page("programme")
        page = window.page("programme")
        page.view.setCurrentIndex(page.model.index(0, 0))
        with window.database.read_session() as session:
            first = session.scalar(select(ProgrammeAction.id).where(ProgrammeAction.code == "E1-1"))
            second = session.scalar(select(ProgrammeAction.id).where(ProgrammeAction.code == "E1-2"))
        assert page.select_id(first)
        # A sync tool puts its copy of the file in place while the app has it open.
        shutil.copy(demo_file, tmp_path / "sync.tmp")
        os.replace(tmp_path / "sync.tmp", path)
        page.action_form.notes.setPlainText("Besproken in het tactisch overleg")
        page.select_id(second)
        assert messages and "vervangen" in messages[-1] and "demo.db" in messages[-1]
        # The user's text is still there, on the record it belongs to, ready to be copied.
        assert page.current_node().row.id == first
        assert page.action_form.notes.toPlainText() == "Besproken in het tactisch overleg"
        assert page.action_form.dirty
        assert len(messages) == 1
    finally:
        window.database.close()
