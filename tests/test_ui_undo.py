"""Undo and redo through the window's stack: each step saved at once, pages refreshed, refusals shown."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_ui_sample_data import build_sample_database, sample_window

from ghnt_desktop.models import Meeting
from ghnt_desktop.services.meetings import update_meeting
from ghnt_desktop.ui.undo import ServiceCommand, edit_command, push


@pytest.fixture
def window(qtbot, tmp_path):
    win = sample_window(qtbot, tmp_path, show=True)
    win.show_page("meetings")  # the page in view follows each edit at once (hidden ones when shown)
    qtbot.waitExposed(win)
    return win


def stored_title(window, meeting_id):
    with window.database.session() as session:
        return session.scalar(select(Meeting.title).where(Meeting.id == meeting_id))


def editable_meeting(window):
    page = window.page("meetings")
    row = next(r for r in page.model._rows if r.state.value in ("concept", "planned"))
    return row


def test_edit_is_saved_undone_and_redone_with_the_page_following(window):
    row = editable_meeting(window)
    page = window.page("meetings")
    assert push(window, edit_command(window, "Titel wijzigen", update_meeting, row.id, title="Extra overleg 🚀"))
    assert stored_title(window, row.id) == "Extra overleg 🚀"
    assert any(r.title == "Extra overleg 🚀" for r in page.model._rows)
    assert window.undo_action.isEnabled()
    assert "Titel wijzigen" in window.undo_action.text()

    window.undo_action.trigger()
    assert stored_title(window, row.id) == row.title
    assert any(r.title == row.title for r in page.model._rows)

    window.redo_action.trigger()
    assert stored_title(window, row.id) == "Extra overleg 🚀"


def test_refused_edit_shows_message_and_leaves_no_command(window, monkeypatch):
    shown = []
    monkeypatch.setattr("ghnt_desktop.ui.undo.show_error", lambda parent, exc: shown.append(str(exc)))
    row = editable_meeting(window)
    ok = push(window, edit_command(window, "Titel wissen", update_meeting, row.id, title="   "))
    assert not ok
    assert shown and "titel" in shown[0].lower()
    assert window.undo_stack.count() == 0
    assert stored_title(window, row.id) == row.title


def test_opening_another_database_clears_the_stack(window, tmp_path):
    row = editable_meeting(window)
    push(window, edit_command(window, "Titel", update_meeting, row.id, title="Nieuw"))
    other = tmp_path / "other.db"
    build_sample_database(other).close()
    assert window.open_database_file(other)
    assert window.undo_stack.count() == 0


def test_service_command_runs_in_its_own_committed_session(window):
    row = editable_meeting(window)
    seen = []
    command = ServiceCommand(
        window,
        "x",
        do=lambda s: update_meeting(s, row.id, notes="eerste"),
        undo=lambda s, edit: update_meeting(s, row.id, **edit.before),
    )
    push(window, command)
    # Committed: a fresh session sees it.
    with window.database.session() as session:
        seen.append(session.scalar(select(Meeting.notes).where(Meeting.id == row.id)))
    assert seen == ["eerste"]
