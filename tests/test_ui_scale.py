"""Bestand > Proefdatabase op schaal maken: generated off the GUI thread, cancellable, then opened."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from sqlalchemy import text
from test_ui_sample_data import sample_window

from ghnt_desktop.scale import SMALL


@pytest.fixture
def window(qtbot, tmp_path):
    win = sample_window(qtbot, tmp_path, show=True)
    yield win
    win.close()


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_scale_database_is_built_in_the_background_and_opened(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "proef"  # no suffix: .db is added
    choose_file(monkeypatch, target)
    questions: list[str] = []

    def answer(parent, title, text, *args, **kwargs):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    file_menu = window.menuBar().actions()[0].menu()
    assert "Proefdatabase op schaal maken..." in [a.text().replace("&", "") for a in file_menu.actions()]
    window.make_scale_database(size=SMALL)
    qtbot.waitUntil(lambda: window.database is not None and window.database.path.name == "proef.db", timeout=30_000)
    assert "proef.db is gemaakt" in questions[0] and "actiepunten" in questions[0]
    actions = window.page("actions")
    qtbot.waitUntil(lambda: actions.loaded, timeout=10_000)
    with window.database.session() as session:
        count = session.scalar(
            text("SELECT (SELECT count(*) FROM action_item) + (SELECT count(*) FROM programme_action)")
        )
    assert actions.model.all_count() == count > 500


def test_cancel_leaves_no_file_and_keeps_the_open_database(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "afgebroken.db"
    choose_file(monkeypatch, target)
    # Should it finish before the cancel arrives, the question to open it must not wait for an answer.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    before = window.database.path
    window.make_scale_database(size=SMALL)
    window.scale_task.dialog.findChild(QPushButton).click()  # Annuleren on the progress dialog
    assert window.scale_task.wait(30)
    qtbot.waitUntil(lambda: "geannuleerd" in window.statusBar().currentMessage(), timeout=5_000)
    assert not list(tmp_path.glob("afgebroken.db*"))
    assert window.database.path == before


def test_an_existing_file_is_never_replaced(qtbot, window, tmp_path, monkeypatch, messages):
    target = tmp_path / "bestaand.db"
    target.write_bytes(b"niet van ons")
    choose_file(monkeypatch, target)
    window.make_scale_database(size=SMALL)
    assert target.read_bytes() == b"niet van ons"
    assert messages and "bestaat al" in messages[-1]


def test_a_failure_is_shown_in_dutch_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch, messages):
    from ghnt_desktop import scale
    from ghnt_desktop.db import DatabaseError

    def broken(session, **kwargs):
        yield 0, 7, "Organisaties en personen"
        raise DatabaseError("De schijf is vol; er is niets opgeslagen.")

    monkeypatch.setattr(scale, "generate", broken)
    choose_file(monkeypatch, tmp_path / "vol.db")
    window.make_scale_database(size=SMALL)
    assert window.scale_task.wait(30)
    qtbot.waitUntil(lambda: bool(messages), timeout=5_000)
    assert messages == ["De schijf is vol; er is niets opgeslagen."]
    assert not list(tmp_path.glob("vol.db*"))
