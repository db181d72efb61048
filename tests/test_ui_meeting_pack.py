"""Overleg > Vergaderstukken mailen...: the draft is made off the GUI thread, saved where the user chose
and opened in the mail program; Annuleren leaves nothing behind."""

from __future__ import annotations

import email
import shutil
from datetime import date
from email import policy
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from ghnt_desktop.exports import pdf
from ghnt_desktop.models import Meeting, MeetingSeries, MeetingState
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("meetings")
    yield win
    if win.database is not None:
        win.database.close()


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def planned_ao_view(window):
    with window.database.session() as session:
        meeting_id = session.scalar(
            select(Meeting.id)
            .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .where(MeetingSeries.code == "AO", Meeting.state == MeetingState.PLANNED)
            .order_by(Meeting.date)
            .limit(1)
        )
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    return page.meeting


def test_menu_saves_the_draft_and_opens_it(qtbot, window, tmp_path, monkeypatch, opened, messages):
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)  # Word attachments: quick
    view = planned_ao_view(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "stukken"), ""))
    view.pack_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    out = tmp_path / "stukken.eml"
    assert opened == [str(out)] and not messages
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"]
    assert [p.get_filename().rsplit(".", 1)[1] for p in message.iter_attachments()] == ["docx"] * 3 + ["ics"]
    assert "stukken.eml" in window.statusBar().currentMessage()


def test_cancel_writes_nothing(qtbot, window, tmp_path, monkeypatch, opened, messages):
    import threading

    from ghnt_desktop.exports import meeting_pack

    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    view = planned_ao_view(window)
    out = tmp_path / "stukken.eml"
    started, go_on = threading.Event(), threading.Event()
    plan = meeting_pack._plan

    def held_plan(*args, **kwargs):  # the worker waits here until the test has pressed Annuleren
        started.set()
        assert go_on.wait(30)
        return plan(*args, **kwargs)

    monkeypatch.setattr(meeting_pack, "_plan", held_plan)
    task = view.mail_meeting_pack(out)
    assert started.wait(30)
    task.cancel()
    go_on.set()
    assert task.wait(30)
    qtbot.waitUntil(lambda: "afgebroken" in window.statusBar().currentMessage(), timeout=10_000)
    assert not opened and not messages
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".~ghnt")]
