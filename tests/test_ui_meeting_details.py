"""The meeting view's remaining editors on the demo database: "Gegevens wijzigen..." (title, location, online
link, chair, secretary, notes through the undo stack, refused on a vastgesteld verslag) and the voortgang of
programme actions under the "Voortgang actieprogramma" item in the Notuleren tab, keyboard first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_ui_meeting_cycle import TODAY, series_id

from ghnt_desktop.models import ActionStatus, Meeting, MeetingState, Person, ProgrammeAction, ProgressUpdate
from ghnt_desktop.services.agenda import carry_forward_proposal, programme_actions_of_item
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.meeting import dialogs

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("meetings")
    yield win
    if win.database is not None:
        win.database.close()


def meeting_of(window, code: str, state: MeetingState) -> Meeting:
    with window.database.session() as session:
        return session.scalar(
            select(Meeting)
            .where(Meeting.series_id == series_id(window, code), Meeting.state == state)
            .order_by(Meeting.date.desc())
            .limit(1)
        )


def show(window, meeting_id):
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    assert page.meeting.meeting_id == meeting_id
    return page.meeting


def stored(window, meeting_id) -> tuple:
    with window.database.session() as session:
        m = session.get(Meeting, meeting_id)
        return m.title, m.location, m.online_link, m.chair_id, m.secretary_id, m.notes


def test_meeting_details_are_edited_in_a_form_and_undone(window, qtbot, monkeypatch):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    original = stored(window, planned.id)
    with window.database.session() as session:
        new_chair = session.scalar(
            select(Person).where(Person.id != planned.chair_id, Person.archived.is_(False)).order_by(Person.name)
        )
        chair_id, chair_name = new_chair.id, new_chair.name
    assert view.details_action.isEnabled()
    opened = []

    def fill(dialog):
        opened.append(dialog)
        assert dialog.title_edit.text() == original[0]  # the form starts from what is stored
        dialog.title_edit.setText("Afstemmingsoverleg — extra 🙂")
        dialog.location_edit.setText("Stadhuis, kamer 2.14")
        dialog.link_edit.setText("https://teams.example/overleg")
        dialog.chair_edit.clear()
        qtbot.keyClicks(dialog.chair_edit, chair_name)  # type-ahead; the exact name picks the person
        dialog.secretary_edit.setText("Iemand die niet bestaat")
        assert not dialog.box.button(dialog.box.StandardButton.Ok).isEnabled()
        assert "notulist" in dialog.problem_label.text()
        dialog.secretary_edit.clear()  # nobody
        dialog.notes_edit.setPlainText("Let op: zaal pas open om 13.15 uur.")
        assert dialog.box.button(dialog.box.StandardButton.Ok).isEnabled()
        return 1

    monkeypatch.setattr(dialogs.MeetingDetailsDialog, "exec", fill)
    view.details_action.trigger()
    assert opened
    assert stored(window, planned.id) == (
        "Afstemmingsoverleg — extra 🙂",
        "Stadhuis, kamer 2.14",
        "https://teams.example/overleg",
        chair_id,
        None,
        "Let op: zaal pas open om 13.15 uur.",
    )
    assert view.title_label.text() == "Afstemmingsoverleg — extra 🙂"
    assert chair_name in view.facts_label.text()
    page = window.page("meetings")
    assert page.selected_meeting().title == "Afstemmingsoverleg — extra 🙂"  # the list follows

    window.undo_stack.undo()
    assert stored(window, planned.id) == original
    assert view.title_label.text() == original[0]
    window.undo_stack.redo()
    assert stored(window, planned.id)[0] == "Afstemmingsoverleg — extra 🙂"


def test_nothing_changed_pushes_nothing(window, monkeypatch):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    monkeypatch.setattr(dialogs.MeetingDetailsDialog, "exec", lambda dialog: 1)
    count = window.undo_stack.count()
    assert not view.edit_details()
    assert window.undo_stack.count() == count


def test_details_of_a_vastgesteld_verslag_are_refused(window, messages):
    approved = meeting_of(window, "AO", MeetingState.MINUTES_APPROVED)
    view = show(window, approved.id)
    assert not view.details_action.isEnabled()
    original = stored(window, approved.id)
    count = window.undo_stack.count()
    assert not view.edit_details({"title": "Anders"})
    assert messages and "is vastgesteld en kan niet meer worden gewijzigd" in messages[-1]
    assert stored(window, approved.id) == original
    assert window.undo_stack.count() == count


def _voortgang_meeting(window):
    """The planned AO meeting with every offered programme action carried to its voortgang item."""
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    with window.database.session() as session:
        proposal = carry_forward_proposal(session, planned.id)
    programme_ids = [a.id for a in proposal.programme_actions if not a.linked]
    assert len(programme_ids) >= 2  # the demo's AO follows several programme actions
    view = show(window, planned.id)
    assert view.apply_carry_forward([], programme_ids)
    return view, programme_ids


def test_programme_progress_under_the_voortgang_item(window, qtbot):
    view, programme_ids = _voortgang_meeting(window)
    minutes = view.minutes
    view.tabs.setCurrentWidget(minutes)
    item = next(line.item for line in view.data.agenda if line.item.standard_item == "progress")
    minutes.go_to(item.id)
    assert minutes.parts.currentWidget() is minutes.programme_page
    assert minutes.parts.isTabVisible(minutes.parts.indexOf(minutes.programme_page))
    shown = {r.programme_action_id for r in minutes.programme_model.rows()}
    # The item's own programme actions (the demo links some already) plus the ones just carried to it.
    with window.database.session() as session:
        linked = {pid for pid, _code, _text in programme_actions_of_item(session, item.id)}
    assert set(programme_ids) <= shown == linked
    first = minutes.programme_model.row_at(0)
    second = minutes.programme_model.row_at(1)
    with window.database.session() as session:
        first_status = session.get(ProgrammeAction, first.programme_action_id).status
    target = ActionStatus.DONE if first_status is not ActionStatus.DONE else ActionStatus.IN_PROGRESS

    # Keyboard only: status, Tab, gedaan, Tab, nog te doen, Ctrl+Enter.
    minutes.programme_status.setFocus()
    minutes.programme_status.setCurrentIndex(dialogs.find_data(minutes.programme_status, target))
    minutes.programme_done.clear()
    qtbot.keyClicks(minutes.programme_done, "Training gegeven aan 40 professionals")
    minutes.programme_todo.clear()
    qtbot.keyClicks(minutes.programme_todo, "Evaluatie in Q3")
    qtbot.keyClick(minutes.programme_todo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with window.database.session() as session:
        action = session.get(ProgrammeAction, first.programme_action_id)
        updates = session.scalars(
            select(ProgressUpdate).where(
                ProgressUpdate.programme_action_id == action.id, ProgressUpdate.agenda_item_id == item.id
            )
        ).all()
        assert action.status is target
        assert [(u.status, u.done_text, u.todo_text, u.meeting_id) for u in updates] == [
            (target, "Training gegeven aan 40 professionals", "Evaluatie in Q3", view.meeting_id)
        ]
    # The table shows it, and the next action is up with its own values in the form.
    shown = minutes.programme_model.row_at(minutes.programme_model.row_of(lambda r: r.programme_action_id == action.id))
    assert (shown.done_text, shown.status) == ("Training gegeven aan 40 professionals", target)
    assert minutes._programme_row().programme_action_id == second.programme_action_id
    assert minutes.programme_done.text() == second.done_text
    ARTIFACTS.mkdir(exist_ok=True)
    view.window().grab().save(str(ARTIFACTS / "meeting_programme_progress.png"))

    # Saying it again corrects the same row; undo puts the first version back, a second undo removes it.
    minutes.programme_table.setCurrentIndex(minutes.programme_model.index(0, 0))
    minutes.programme_todo.setText("Evaluatie in Q4")
    assert minutes.record_programme_progress()
    with window.database.session() as session:
        rows = session.scalars(
            select(ProgressUpdate.todo_text).where(
                ProgressUpdate.programme_action_id == first.programme_action_id,
                ProgressUpdate.agenda_item_id == item.id,
            )
        ).all()
    assert rows == ["Evaluatie in Q4"]
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.scalars(
            select(ProgressUpdate.todo_text).where(ProgressUpdate.agenda_item_id == item.id)
        ).all() == ["Evaluatie in Q3"]
    window.undo_stack.undo()
    with window.database.session() as session:
        assert not session.scalars(select(ProgressUpdate.id).where(ProgressUpdate.agenda_item_id == item.id)).all()
        assert session.get(ProgrammeAction, first.programme_action_id).status is first_status


def test_programme_progress_on_a_vastgesteld_verslag_is_read_only(window):
    approved = meeting_of(window, "AO", MeetingState.MINUTES_APPROVED)
    view = show(window, approved.id)
    minutes = view.minutes
    assert not minutes.programme_button.isEnabled()
    assert not minutes.record_programme_progress()
