"""The privacy guard in the notuleren tab: typed case data is saved (never lost) and warned about, and one
click marks the agenda item vertrouwelijk; ordinary minutes raise no warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_ui_meeting_cycle import TODAY

from ghnt_desktop.models import AgendaItem, Meeting, MeetingState

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture
def window(demo_window):
    window = demo_window(TODAY)
    window.show_page("meetings")
    return window


def test_case_data_in_minutes_is_warned_about_and_marked(window, qtbot):
    with window.database.session() as session:
        meeting, item_id = session.execute(
            select(Meeting, AgendaItem.id)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(Meeting.state.in_((MeetingState.PLANNED, MeetingState.HELD)), AgendaItem.confidential.is_(False))
            .order_by(Meeting.date.desc(), AgendaItem.position.desc())
            .limit(1)
        ).one()
    page = window.page("meetings")
    assert page.select_meeting(meeting.id)
    minutes = page.meeting.minutes
    page.meeting.tabs.setCurrentWidget(minutes)
    minutes.go_to(item_id)
    minutes.notes.setFocus()
    minutes.notes.selectAll()
    qtbot.keyClicks(minutes.notes, "De werkgroep bespreekt de aanpak met Veilig Thuis op 12-03-2026.")
    minutes.save_notes()
    assert not minutes.privacy_label.isVisible()  # ordinary minutes: no warning

    qtbot.keyClicks(minutes.notes, " Moeder Fatima, geb. 3-4-1985, woont aan de Kerklaan 3a.")
    minutes.save_notes()
    with window.database.session() as session:
        assert "Kerklaan 3a" in session.get(AgendaItem, item_id).minutes_text  # saved: a warning, not a block
    assert minutes.privacy_label.isVisible()
    warning = minutes.privacy_label.text()
    assert "Fatima" in warning and "geboortedatum" in warning and "adres" in warning
    assert minutes.privacy_button.isVisible()
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "privacy_warning.png"))
    qtbot.mouseClick(minutes.privacy_button, Qt.MouseButton.LeftButton)
    with window.database.session() as session:
        assert session.get(AgendaItem, item_id).confidential
    assert not minutes.privacy_button.isVisible()


def test_history_records_the_name_the_user_set(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ghnt_desktop.ui.user_name import current_user, set_current_user

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Anna de Vries  (secretaris) ", True))
    try:
        assert window.ask_user_name()
        assert current_user() == "Anna de Vries (secretaris)"
        assert window.settings.value("user/name") == "Anna de Vries (secretaris)"
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
        assert not window.ask_user_name()
        assert current_user() == "Anna de Vries (secretaris)"  # cancelled: unchanged
    finally:
        set_current_user("")
