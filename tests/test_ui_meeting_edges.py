"""The meeting view's edge cases and editors on the demo database: an empty series, a cancelled meeting
and its .ics, an action closed between meetings, a meeting moved to an earlier date, the agenda editor,
saving minutes while typing with one undo step per burst, a vastgesteld verslag reopened with a reason,
and an escalation to the bestuurlijk overleg with its outcome recorded back on the original decision."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest
from change_history import logged_changes
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select
from test_ui_meeting_cycle import TODAY, carried_ids, create_through_dialog, series_id, stored_minutes

from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    EscalationState,
    Meeting,
    MeetingKind,
    MeetingState,
    ProgressUpdate,
)
from ghnt_desktop.services.minutes import record_progress
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.meeting import dialogs
from ghnt_desktop.ui.meeting.dialogs import CarryForwardDialog, NewMeetingDialog, NewSeriesDialog, find_data


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


def meeting_of(window, code: str, state: MeetingState, *, last: bool = False):
    """The first (or last) meeting of a series in a state."""
    with window.database.session() as session:
        return session.scalar(
            select(Meeting)
            .where(Meeting.series_id == series_id(window, code), Meeting.state == state)
            .order_by(Meeting.date.desc() if last else Meeting.date)
            .limit(1)
        )


def show(window, meeting_id):
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    assert page.meeting.meeting_id == meeting_id
    return page.meeting


def test_new_series_from_the_dialog_has_nothing_to_carry(window, monkeypatch):
    offered = []

    def new_series(dialog):
        dialog.name_edit.setText("Klankbordgroep ervaringsdeskundigen")
        dialog.code_edit.setText("KB")
        dialog.kind_combo.setCurrentIndex(find_data(dialog.kind_combo, MeetingKind.KLANKBORDGROEP))
        return 1

    def new_meeting(dialog):
        dialog.series_combo.setCurrentIndex(find_data(dialog.series_combo, dialogs.NEW_SERIES))
        return 1

    def review(dialog):
        offered.append((dialog.actions.topLevelItemCount(), dialog.none_label.isVisibleTo(dialog)))
        return 1

    monkeypatch.setattr(NewSeriesDialog, "exec", new_series)
    monkeypatch.setattr(NewMeetingDialog, "exec", new_meeting)
    monkeypatch.setattr(CarryForwardDialog, "exec", review)
    page = window.page("meetings")
    page.new_button.click()
    view = page.meeting
    with window.database.session() as session:
        meeting = session.get(Meeting, view.meeting_id)
        assert meeting.series.name == "Klankbordgroep ervaringsdeskundigen"
        assert meeting.kind is MeetingKind.KLANKBORDGROEP
        assert meeting.date == TODAY.replace(day=30)  # four weeks from today for a series without meetings
    assert offered == [(0, True)]
    assert [line.item.title for line in view.data.agenda] == [
        "Opening en vaststellen agenda",
        "Verslag en actielijst vorig overleg",
        "Mededelingen",
        "Rondvraag",
        "Sluiting",
    ]
    assert view.minutes.review_model.rowCount() == 0
    assert carried_ids(window, view.meeting_id) == set()
    # Undo removes the meeting, then the series.
    window.undo_action.trigger()
    with window.database.session() as session:
        assert session.get(Meeting, meeting.id) is None


def test_cancelled_meeting_keeps_its_items_and_sends_a_cancellation(window, tmp_path, monkeypatch):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    items_before = len(view.data.agenda)
    with window.database.session() as session:
        attendance_before = len(session.scalars(select(Attendance).where(Attendance.meeting_id == planned.id)).all())
    target = tmp_path / "uitnodiging"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.ics_button.click()
    invitation = (tmp_path / "uitnodiging.ics").read_text()
    assert "METHOD:REQUEST" in invitation and f"UID:{planned.ics_uid}" in invitation

    view.cancel_action.trigger()
    with window.database.session() as session:
        cancelled = session.get(Meeting, planned.id)
        assert cancelled.state is MeetingState.CANCELLED
        assert len(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == planned.id)).all()) == items_before
        assert len(session.scalars(select(Attendance).where(Attendance.meeting_id == planned.id)).all()) == (
            attendance_before
        )
    assert view.banner.isVisible()
    assert view.cancel_action.text() == "Annulering opheffen"
    view.ics_button.click()
    cancellation = (tmp_path / "uitnodiging.ics").read_text()
    assert "METHOD:CANCEL" in cancellation and "STATUS:CANCELLED" in cancellation
    assert f"UID:{planned.ics_uid}" in cancellation
    assert f"SEQUENCE:{cancelled.ics_sequence}" in cancellation and cancelled.ics_sequence > planned.ics_sequence
    # The list shows it as cancelled; undo reinstates it.
    page = window.page("meetings")
    assert page.selected_meeting().state is MeetingState.CANCELLED
    window.undo_action.trigger()
    with window.database.session() as session:
        assert session.get(Meeting, planned.id).state is MeetingState.PLANNED


def test_action_closed_between_meetings_is_not_carried(window, monkeypatch):
    ao = series_id(window, "AO")
    with window.database.session() as session:
        action = session.scalar(
            select(ActionItem)
            .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
            .where(Meeting.series_id == ao, ActionItem.status.not_in((ActionStatus.DONE, ActionStatus.CANCELLED)))
            .order_by(ActionItem.number)
            .limit(1)
        )
        action_id = action.id
        # Closed on the Acties page between two meetings: progress without a meeting.
        record_progress(session, action_id, status=ActionStatus.DONE, done_text="Gereed gemeld per e-mail")
    offered = []
    meeting_id = create_through_dialog(window, monkeypatch, ao, seen=offered)
    assert offered and action_id not in offered[0]
    assert action_id not in carried_ids(window, meeting_id)
    assert action_id not in {r.id for r in window.page("meetings").meeting.minutes.review_model.rows()}


def test_meeting_moved_to_an_earlier_date(window, monkeypatch):
    ao = series_id(window, "AO")
    meeting_id = create_through_dialog(window, monkeypatch, ao)
    view = window.page("meetings").meeting
    before = carried_ids(window, meeting_id)
    with window.database.session() as session:
        meeting = session.get(Meeting, meeting_id)
        sequence = meeting.ics_sequence
        origins = {
            a.id: a.origin_meeting.date for a in session.scalars(select(ActionItem).where(ActionItem.id.in_(before)))
        }
    # Earlier than the newest meeting that made actions: those actions are no longer "from before".
    newest = max(origins.values())
    new_date = date(newest.year, newest.month, 1)
    kept = next(a for a, origin in origins.items() if origin < new_date)
    with window.database.session() as session:  # progress recorded on one carried action before the move
        record_progress(session, kept, status=ActionStatus.IN_PROGRESS, done_text="Gestart", meeting_id=meeting_id)
    monkeypatch.setattr(dialogs.MoveDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.MoveDialog, "values", lambda self: (new_date, time(9, 30), time(11, 0)))
    view.move_action.trigger()
    after = carried_ids(window, meeting_id)
    assert after == {a for a, origin in origins.items() if origin < new_date}
    assert after < before
    with window.database.session() as session:
        moved = session.get(Meeting, meeting_id)
        assert moved.date == new_date and moved.start_time == time(9, 30)
        assert moved.ics_sequence == sequence + 1
        dates = set(session.scalars(select(ProgressUpdate.date).where(ProgressUpdate.meeting_id == meeting_id)))
        assert dates == {new_date}  # the progress recorded there follows the new date
    assert {r.id for r in view.minutes.review_model.rows()} == after


def test_agenda_editor_orders_numbers_and_times(window, qtbot):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    agenda = view.agenda
    view.tabs.setCurrentWidget(agenda)
    titles = [line.item.title for line in view.data.agenda]
    # Alt+Up moves the selected item one place up; numbers stay 1, 2, 3...
    agenda.table.setFocus()
    agenda.table.selectRow(3)
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    moved = [line.item.title for line in view.data.agenda]
    assert moved == titles[:2] + [titles[3], titles[2]] + titles[4:]
    assert [line.item.number for line in view.data.agenda] == [str(i) for i in range(1, len(titles) + 1)]
    assert agenda.selected_line().item.title == titles[3]
    # Drag and drop: the first content item dropped at the end.
    mime = agenda.model.mimeData([agenda.model.index(2, 0)])
    agenda.model.dropMimeData(mime, Qt.DropAction.MoveAction, agenda.model.rowCount(), 0, QModelIndex())
    qtbot.waitUntil(lambda: view.data.agenda[-1].item.title == titles[3])
    # Clock times run on from the start time; the planned end is the last item's end.
    lines = view.data.agenda
    assert lines[0].start == planned.start_time
    assert all(a.end == b.start for a, b in zip(lines, lines[1:], strict=False))
    assert f"gepland einde {lines[-1].end:%H:%M}" in agenda.end_label.text()
    # A stuk and the planned minutes, saved at once; undo puts the minutes back.
    agenda.select_item(lines[1].item.id)
    assert agenda.add_document_values("Concept jaarplan", "https://example.org/jaarplan.pdf")
    agenda.minutes_spin.setValue(45)
    agenda.minutes_spin.editingFinished.emit()
    with window.database.session() as session:
        item = session.get(AgendaItem, lines[1].item.id)
        assert item.documents[-1] == {"title": "Concept jaarplan", "location": "https://example.org/jaarplan.pdf"}
        assert item.planned_minutes == 45
    window.undo_action.trigger()
    with window.database.session() as session:
        assert session.get(AgendaItem, lines[1].item.id).planned_minutes == lines[1].item.planned_minutes


def test_minutes_saved_while_typing_one_undo_step_per_burst(window, qtbot):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    view.tabs.setCurrentWidget(view.minutes)
    minutes = view.minutes
    minutes.go_to(view.data.agenda[2].item.id)
    item_id = minutes.current_item_id()
    original = stored_minutes(window, item_id)
    minutes.notes.setFocus()
    minutes.notes.moveCursor(minutes.notes.textCursor().MoveOperation.End)
    count = window.undo_stack.count()
    qtbot.keyClicks(minutes.notes, " Eerste zin.")
    qtbot.waitUntil(lambda: stored_minutes(window, item_id).endswith("Eerste zin."), timeout=3000)
    qtbot.keyClicks(minutes.notes, " Tweede zin")
    minutes.notes.insertPlainText(" 🚀.")  # QTest cannot type characters outside the BMP
    qtbot.waitUntil(lambda: stored_minutes(window, item_id).endswith("Tweede zin 🚀."), timeout=3000)
    assert window.undo_stack.count() == count + 1  # one burst, one step
    window.undo_action.trigger()
    assert stored_minutes(window, item_id) == original
    assert minutes.notes.toPlainText() == original
    window.redo_action.trigger()
    assert stored_minutes(window, item_id).endswith("Eerste zin. Tweede zin 🚀.")
    # Leaving the field ends the burst and saves at once.
    minutes.notes.moveCursor(minutes.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(minutes.notes, " Derde.")
    minutes.decision_edit.setFocus()
    assert stored_minutes(window, item_id).endswith("Derde.")
    assert window.undo_stack.count() == count + 2


def test_vastgesteld_verslag_is_read_only_until_reopened_with_a_reason(window, monkeypatch):
    approved = meeting_of(window, "AO", MeetingState.MINUTES_APPROVED)
    view = show(window, approved.id)
    assert view.banner.isVisible() and view.reopen_button.isVisible()
    assert view.minutes.notes.isReadOnly()
    assert not view.agenda.add_button.isEnabled() and not view.attendance.present_button.isEnabled()
    assert not view.minutes.add_decision_button.isEnabled()

    def reason(dialog):
        dialog.edit.setPlainText("Naam van de wethouder verkeerd gespeld")
        return 1

    monkeypatch.setattr(dialogs.ReopenDialog, "exec", reason)
    view.reopen_button.click()
    with window.database.session() as session:
        assert session.get(Meeting, approved.id).state is MeetingState.HELD
        reasons = [c.reason for c in logged_changes(session, "meeting", approved.id)]
    assert "Naam van de wethouder verkeerd gespeld" in reasons
    assert not view.banner.isVisible() and not view.minutes.notes.isReadOnly()
    shown = []
    monkeypatch.setattr(dialogs.HistoryDialog, "exec", lambda self: shown.append(len(self.rows())) or 0)
    view.history_action.trigger()
    assert shown and shown[0] >= 1


def test_escalation_reaches_the_bestuurlijk_overleg_and_its_outcome_comes_back(window, qtbot):
    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    minutes = view.minutes
    view.tabs.setCurrentWidget(minutes)
    minutes.go_to(view.data.agenda[2].item.id)
    minutes.decision_edit.setPlainText("Het jaarplan wordt ter vaststelling voorgelegd aan het bestuur.")
    assert minutes.add_decision()
    minutes.decisions.setCurrentRow(minutes.decisions.count() - 1)
    decision = minutes.decisions.currentItem().data(Qt.ItemDataRole.UserRole)
    minutes.escalate_button.click()
    with window.database.session() as session:
        stored = session.get(Decision, decision.id)
        assert stored.escalation is EscalationState.PROPOSED
        bo_meeting = stored.escalated_to_meeting_id
        assert bo_meeting is not None
        assert session.get(Meeting, bo_meeting).kind is MeetingKind.BESTUURLIJK
    # On the bestuurlijk overleg: on its agenda and in "Voorgelegd aan dit overleg".
    bo_view = show(window, bo_meeting)
    assert any(decision.number in line.item.title for line in bo_view.data.agenda)
    assert bo_view.decisions.escalated_box.isVisibleTo(bo_view.decisions)
    rows = bo_view.decisions.escalated_model.rows()
    assert decision.id in {r.id for r in rows}
    assert bo_view.decisions.record_outcome_values(decision.id, "Akkoord, met extra budget", date(2020, 4, 27))
    with window.database.session() as session:
        stored = session.get(Decision, decision.id)
        assert stored.escalation is EscalationState.DECIDED and stored.outcome == "Akkoord, met extra budget"
    view = show(window, planned.id)
    row = next(r for r in view.decisions.decisions_model.rows() if r.id == decision.id)
    assert "Akkoord, met extra budget" in view.decisions.decisions_model.display(
        row, view.decisions.decisions_model.OUTCOME
    )


def test_overleg_menu_makes_a_new_meeting_and_saves_the_invitation(window, tmp_path, monkeypatch):
    ao = series_id(window, "AO")

    def accept(dialog):
        dialog.series_combo.setCurrentIndex(find_data(dialog.series_combo, ao))
        return 1

    monkeypatch.setattr(NewMeetingDialog, "exec", accept)
    monkeypatch.setattr(CarryForwardDialog, "exec", lambda self: 0)  # reviewed and put aside: nothing carried
    window.show_page("programme")
    window.new_meeting_action.trigger()
    page = window.page("meetings")
    assert window.current_page() is page
    meeting_id = page.meeting.meeting_id
    assert carried_ids(window, meeting_id) == set()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ao.ics"), ""))
    window.save_ics_action.trigger()
    with window.database.session() as session:
        uid = session.get(Meeting, meeting_id).ics_uid
    assert f"UID:{uid}" in (tmp_path / "ao.ics").read_text()


def test_item_models_pass_qts_model_tester(window, qtmodeltester):
    approved = meeting_of(window, "AO", MeetingState.MINUTES_APPROVED, last=True)
    view = show(window, approved.id)
    for model in (
        view.agenda.model,
        view.attendance.model,
        view.decisions.decisions_model,
        view.decisions.actions_model,
        view.minutes.review_model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    agenda = view.agenda.model
    assert [agenda.index(r, agenda.NUMBER).data() for r in range(agenda.rowCount())] == [
        line.item.number for line in view.data.agenda
    ]
    assert not agenda.flags(agenda.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # vastgesteld: no reordering


@pytest.mark.parametrize(("answer", "neutral"), [(0, True), (1, False), (None, None)])
def test_a_confidential_decision_is_escalated_under_a_neutral_title_unless_chosen(
    window, qtbot, monkeypatch, answer, neutral
):
    from sqlalchemy import func

    from ghnt_desktop.models import ChangeRecord
    from ghnt_desktop.ui.meeting.commands import current_user, withdraw_command
    from ghnt_desktop.ui.meeting.data import load_history_lines
    from ghnt_desktop.ui.undo import push

    planned = meeting_of(window, "AO", MeetingState.PLANNED)
    view = show(window, planned.id)
    minutes = view.minutes
    view.tabs.setCurrentWidget(minutes)
    minutes.go_to(view.data.agenda[2].item.id)
    minutes.decision_edit.setPlainText("Extra opvangplaatsen voor het gezin Jansen worden gefinancierd.")
    minutes.decision_confidential.setChecked(True)
    assert minutes.add_decision()
    minutes.decisions.setCurrentRow(minutes.decisions.count() - 1)
    decision = minutes.decisions.currentItem().data(Qt.ItemDataRole.UserRole)
    asked = []
    monkeypatch.setattr(dialogs, "ask_choice", lambda *args: asked.append(args[2]) or answer)
    minutes.escalate_button.click()
    assert asked and decision.number in asked[0]
    with window.database.session() as session:
        stored = session.get(Decision, decision.id)
        if neutral is None:  # cancelled: nothing happened
            assert stored.escalation is EscalationState.NONE
            return
        item = session.get(AgendaItem, stored.escalation_agenda_item_id)
        assert ("Jansen" not in item.title) is neutral
        assert (item.title == f"Vertrouwelijk besluit {decision.number}, zie besloten stuk") is neutral
        title = item.title
        # The choice is the decision's own column, logged like any change: its history shows it, who and when.
        assert stored.escalation_text_included is (not neutral)
        assert not session.scalar(select(func.count()).select_from(ChangeRecord))  # nothing in the older history
        lines = load_history_lines(session, "decision", decision.id)
        [line] = [line for line in lines if line.field == "Tekst op agenda bestuurlijk overleg"]
        assert (line.old, line.new, line.who) == ("—", "nee" if neutral else "ja", current_user())
        assert line.when
    # Withdrawn and put back (undo of the withdrawal): the same choice, the same title, without asking again.
    asked.clear()
    assert push(window, withdraw_command(window, decision.id))
    window.undo_stack.undo()
    assert not asked
    with window.database.session() as session:
        stored = session.get(Decision, decision.id)
        assert stored.escalation is EscalationState.PROPOSED and stored.escalation_text_included is (not neutral)
        assert session.get(AgendaItem, stored.escalation_agenda_item_id).title == title
