"""Change history per record on the demo database: a decision's text and an action item's deadline edited
through the undo stack are in the change log, and "Geschiedenis..." in the meeting's Besluiten en acties tab and
in the Acties page shows them (when, who, field, old -> new) in the one history dialog; a vastgesteld verslag
keeps its history readable."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from change_history import Logged, logged_changes
from sqlalchemy import func, select
from test_ui_meeting_cycle import TODAY, series_id

from ghnt_desktop.models import ActionItem, Decision, Meeting, MeetingState
from ghnt_desktop.services.minutes import update_action_item
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.meeting import dialogs
from ghnt_desktop.ui.meeting.commands import current_user
from ghnt_desktop.ui.undo import edit_command, push

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


@pytest.fixture
def shown(monkeypatch):
    """Every history dialog opened: its rows, instead of showing it modally."""
    seen: list[dialogs.HistoryDialog] = []

    def capture(dialog):
        seen.append(dialog)
        return 0

    monkeypatch.setattr(dialogs.HistoryDialog, "exec", capture)
    return seen


def held_meeting_with_decisions(window, code: str = "AO") -> Meeting:
    with window.database.session() as session:
        return session.scalar(
            select(Meeting)
            .where(Meeting.series_id == series_id(window, code), Meeting.state == MeetingState.HELD)
            .where(select(func.count(Decision.id)).where(Decision.meeting_id == Meeting.id).scalar_subquery() > 0)
            .order_by(Meeting.date.desc())
            .limit(1)
        )


def logged_lines(window, entity, entity_id) -> int:
    """How many lines the dialog shows from the change log: one per insert or delete, one per changed field."""
    from ghnt_desktop.services.change_log import field_changes, record_log

    with window.database.read_session() as session:
        log = record_log(session, entity, entity_id)
    return sum(1 if c.operation in ("I", "D") else len(field_changes(c)) for c in log)


def changes_of(window, entity: str, entity_id) -> list[Logged]:
    with window.database.session() as session:
        return logged_changes(session, entity, entity_id)


def show(window, meeting_id):
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    view = page.meeting
    view.tabs.setCurrentWidget(view.decisions)
    return view


def test_decision_text_edit_is_recorded_and_shown(window, qtbot, monkeypatch, shown):
    meeting = held_meeting_with_decisions(window)
    view = show(window, meeting.id)
    tab = view.decisions
    tab.decisions.setCurrentIndex(tab.decisions_model.index(0, 0))
    decision = tab._decision()
    before = changes_of(window, "decision", decision.id)
    new_text = "Het jaarplan 2020 wordt vastgesteld, met de wijziging van het netwerk 🙂 ‏عربي"

    def edit(dialog):
        dialog.edit.setPlainText(new_text)
        return 1

    monkeypatch.setattr(dialogs.TextDialog, "exec", edit)
    tab.edit_decision_button.click()
    with window.database.session() as session:
        assert session.get(Decision, decision.id).text == new_text
    after = changes_of(window, "decision", decision.id)
    assert len(after) == len(before) + 1
    record = after[-1]
    assert (record.field, record.old_value, record.new_value) == ("text", decision.text, new_text)

    assert tab.decision_history_button.isEnabled()
    tab.decision_history_button.click()
    dialog = shown[-1]
    rows = dialog.rows()
    assert len(rows) == logged_lines(window, "decision", decision.id)  # every change of it, none of another record
    when, who, field, old, new, _reason = rows[-1]
    assert (field, old, new) == ("Tekst", decision.text, new_text)
    assert who == record.changed_by == current_user()
    assert when[:10] == date.today().strftime("%d-%m-%Y") or when[6:10].isdigit()
    assert decision.number in dialog.windowTitle()

    # Undo writes the way back into the history too: a dispute sees both steps.
    window.undo_stack.undo()
    undone = changes_of(window, "decision", decision.id)
    assert len(undone) == len(after) + 1
    assert (undone[-1].old_value, undone[-1].new_value) == (new_text, decision.text)
    assert undone[-1].changed_by == current_user()  # who took it back is recorded too

    ARTIFACTS.mkdir(exist_ok=True)
    tab.show_history(tab.decisions)
    final = shown[-1]
    final.show()
    qtbot.waitExposed(final)
    final.grab().save(str(ARTIFACTS / "history_dialog.png"))
    final.close()


def test_action_deadline_edit_is_recorded_and_shown_in_the_tab_and_the_actions_page(window, qtbot, shown):
    meeting = held_meeting_with_decisions(window)
    with window.database.session() as session:
        action = session.scalar(
            select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id).order_by(ActionItem.number).limit(1)
        )
        action_id, number, old_deadline = action.id, action.number, action.deadline
    new_deadline = date(2020, 6, 30)
    assert old_deadline != new_deadline
    assert push(
        window,
        edit_command(window, "Deadline", update_action_item, action_id, deadline=new_deadline),
    )
    records = changes_of(window, "action_item", action_id)
    deadline_changes = [r for r in records if r.field == "deadline"]
    assert deadline_changes and deadline_changes[-1].new_value == new_deadline.isoformat()

    # In the meeting's Besluiten en acties tab.
    view = show(window, meeting.id)
    tab = view.decisions
    row = tab.actions_model.row_of(lambda r: r.id == action_id)
    assert row >= 0
    tab.actions.setCurrentIndex(tab.actions_model.index(row, 0))
    assert tab.action_history_button.isEnabled()
    tab.action_history_button.click()
    rows = shown[-1].rows()
    assert len(rows) == logged_lines(window, "action_item", action_id)
    deadline_rows = [r for r in rows if r[2] == "Deadline"]
    assert deadline_rows and deadline_rows[-1][4] == "30-06-2020"
    assert deadline_rows[-1][3] == (old_deadline.strftime("%d-%m-%Y") if old_deadline else "—")
    assert number in shown[-1].windowTitle()

    # In the Acties page, for the same action item.
    window.show_page("actions")
    page = window.page("actions")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("item"))
    qtbot.waitUntil(lambda: page.model.row_of(action_id.hex) >= 0, timeout=3000)  # the page keys rows by hex id
    assert page.select_action(action_id.hex)
    assert page.changes_button.isEnabled()
    page.changes_button.click()
    assert shown[-1].rows() == rows


def test_history_of_a_vastgesteld_verslag_stays_readable(window, shown):
    with window.database.session() as session:
        approved = session.scalar(
            select(Meeting)
            .where(Meeting.state == MeetingState.MINUTES_APPROVED)
            .where(select(func.count(Decision.id)).where(Decision.meeting_id == Meeting.id).scalar_subquery() > 0)
            .order_by(Meeting.date.desc())
            .limit(1)
        )
    view = show(window, approved.id)
    tab = view.decisions
    tab.decisions.setCurrentIndex(tab.decisions_model.index(0, 0))
    decision = tab._decision()
    assert not tab.edit_decision_button.isEnabled()  # read-only
    assert tab.decision_history_button.isEnabled()  # but its history can be read
    tab.decision_history_button.click()
    dialog = shown[-1]
    assert len(dialog.rows()) == logged_lines(window, "decision", decision.id) > 0
    assert dialog.empty_label.isHidden() == bool(dialog.rows())
    view.history_action.trigger()  # the meeting's own history: the same dialog
    assert shown[-1] is not dialog and isinstance(shown[-1], dialogs.HistoryDialog)


def test_meeting_detail_edit_is_in_the_meetings_history(window, monkeypatch, shown):

    with window.database.session() as session:
        planned = session.scalar(
            select(Meeting)
            .where(Meeting.series_id == series_id(window, "AO"), Meeting.state == MeetingState.PLANNED)
            .order_by(Meeting.date)
            .limit(1)
        )
        meeting_id, old_location, old_title = planned.id, planned.location, planned.title
        before = logged_changes(session, "meeting", meeting_id)
    view = show(window, meeting_id)

    def fill(dialog):
        dialog.location_edit.setText("Stadhuis Groningen, kamer 2.14")
        dialog.title_edit.setText(old_title + " (extra)")
        return 1

    monkeypatch.setattr(dialogs.MeetingDetailsDialog, "exec", fill)
    view.details_action.trigger()
    with window.database.session() as session:
        changes = logged_changes(session, "meeting", meeting_id)[len(before) :]
    by_field = {c.field: c for c in changes}
    assert set(by_field) - {"ics_sequence"} == {"location", "title"}  # a new location: a new invitation version
    assert (by_field["location"].old_value or "", by_field["location"].new_value) == (
        old_location,
        "Stadhuis Groningen, kamer 2.14",
    )
    assert (by_field["title"].old_value, by_field["title"].new_value) == (old_title, old_title + " (extra)")
    assert {c.changed_by for c in changes} == {current_user()}

    # The meeting's history dialog shows them by their Dutch names.
    view.history_action.trigger()
    rows = shown[-1].rows()
    assert ["Locatie", old_location or "—", "Stadhuis Groningen, kamer 2.14"] in [r[2:5] for r in rows]

    # Undo is recorded too, under the same user.
    window.undo_stack.undo()
    with window.database.session() as session:
        after_undo = logged_changes(session, "meeting", meeting_id)[len(before) + len(changes) :]
        assert session.get(Meeting, meeting_id).location == old_location
    assert {c.field for c in after_undo} - {"ics_sequence"} == {"location", "title"}
    assert {c.changed_by for c in after_undo} == {current_user()}
