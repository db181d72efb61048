"""The meeting record in the window: autosave of a typist who never pauses, "Doorgeschoven" as progress."""

from __future__ import annotations

import pytest
import test_ui_meeting_cycle as cycle
from PySide6.QtCore import Qt
from sqlalchemy import select
from test_ui_meeting_cycle import create_through_dialog, series_id, stored_minutes

from ghnt_desktop.models import ActionItem, ActionStatus
from ghnt_desktop.models.enums import POSTPONE_CHOICE
from ghnt_desktop.ui.debounce import AUTOSAVE_MAX_WAIT_MS, Debouncer
from ghnt_desktop.ui.meeting.dialogs import find_data

demo_file = cycle.demo_file  # the window on a copy of the demo database, as in the meeting cycle tests
window = cycle.window

# ---------------------------------------------------------------------------------------------------------------
# The debounce


def _type_without_pause(qtbot, debouncer: Debouncer, keys: int, every_ms: int = 40) -> None:
    for _ in range(keys):
        debouncer.poke()
        qtbot.wait(every_ms)


def test_debounce_saves_during_a_burst_without_pause(qtbot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=200, max_wait_ms=400)
    _type_without_pause(qtbot, debouncer, keys=40)  # 1.6 s of typing, never a 200 ms pause
    assert len(calls) >= 2  # saved while typing on
    debouncer.poke()
    assert debouncer.pending
    debouncer.flush()
    assert not debouncer.pending
    saved = len(calls)
    debouncer.flush()  # nothing pending: nothing runs
    assert len(calls) == saved


def test_debounce_without_max_wait_saves_nothing_until_a_pause(qtbot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=200, max_wait_ms=None)
    _type_without_pause(qtbot, debouncer, keys=30)
    assert calls == []  # the old behaviour the max wait fixes
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)  # the pause


def test_debounce_refuses_a_max_wait_shorter_than_the_delay(qtbot) -> None:
    with pytest.raises(ValueError):
        Debouncer(lambda: None, delay_ms=500, max_wait_ms=100)


# ---------------------------------------------------------------------------------------------------------------
# The Notuleren tab


def _minutes_tab_at(window, monkeypatch, standard_item: str):
    meeting_id = create_through_dialog(window, monkeypatch, series_id(window, "AO"))
    view = window.page("meetings").meeting
    view.tabs.setCurrentWidget(view.minutes)
    tab = view.minutes
    for _ in range(len(view.data.agenda)):
        if tab.current_item().standard_item == standard_item:
            break
        tab.step(1)
    assert tab.current_item().standard_item == standard_item
    return meeting_id, tab


def test_minutes_typed_without_pause_are_saved_while_typing(window, qtbot, monkeypatch) -> None:
    _meeting, tab = _minutes_tab_at(window, monkeypatch, "announcements")
    tab.notes.setFocus()
    item_id = tab.current_item_id()
    text = "Veilig Thuis meldt een nieuwe directeur en de werkgroep scholing heeft de offerte ontvangen. "
    saved_while_typing = []
    for character in text:
        qtbot.keyClicks(tab.notes, character)
        qtbot.wait(25)  # a fast typist: never the half-second pause the old debounce waited for
        stored = stored_minutes(window, item_id)
        if stored:
            saved_while_typing.append(stored)
    typed_ms = len(text) * 25
    assert typed_ms > 2 * AUTOSAVE_MAX_WAIT_MS
    assert saved_while_typing, "nothing was saved while typing on"
    assert all(text.startswith(s) for s in saved_while_typing)
    tab.notes.clearFocus()  # leaving the field saves the rest
    qtbot.waitUntil(lambda: stored_minutes(window, item_id) == text.strip(), timeout=3000)


def test_review_doorgeschoven_postpones_and_keeps_the_action_open(window, qtbot, monkeypatch) -> None:
    _meeting, tab = _minutes_tab_at(window, monkeypatch, "previous_minutes")
    rows = tab.review_model.rows()
    assert rows, "the demo carries open actions"
    row = rows[0]
    tab.review_table.setCurrentIndex(tab.review_model.index(0, 0))
    tab.review_status.setCurrentIndex(find_data(tab.review_status, POSTPONE_CHOICE))
    assert tab.review_status.currentText() == "Doorgeschoven"
    tab.review_todo.setText("Na de zomer")
    tab.review_todo.setFocus()
    qtbot.keyClick(tab.review_todo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with window.database.session() as session:
        stored = session.get(ActionItem, row.id)
        assert stored.times_postponed == row.times_postponed + 1
        assert stored.status is (ActionStatus.IN_PROGRESS if row.status.is_closed else row.status)
        assert stored.status is not ActionStatus.ON_HOLD or row.status is ActionStatus.ON_HOLD
    # Saying it again at the same meeting is a correction, not a second postponement.
    tab.review_table.setCurrentIndex(tab.review_model.index(tab.review_model.row_of(lambda r: r.id == row.id), 0))
    tab.review_status.setCurrentIndex(find_data(tab.review_status, POSTPONE_CHOICE))
    tab.record_review()
    with window.database.session() as session:
        assert session.get(ActionItem, row.id).times_postponed == row.times_postponed + 1


def test_actions_page_doorgeschoven_in_the_status_column(window, qtbot) -> None:
    from ghnt_desktop.ui.itemmodels.actions import ActionViewModel

    window.show_page("actions")
    page = window.page("actions")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    with window.database.session() as session:
        action = session.scalars(
            select(ActionItem).where(ActionItem.status == ActionStatus.IN_PROGRESS).order_by(ActionItem.number)
        ).first()
        before = action.times_postponed
    assert page.select_action(action.id.hex)
    position = page.model.row_of(action.id.hex)
    index = page.model.index(position, ActionViewModel.STATUS)
    assert page.model.setData(index, POSTPONE_CHOICE, Qt.ItemDataRole.EditRole)
    with window.database.session() as session:
        stored = session.get(ActionItem, action.id)
        assert (stored.times_postponed, stored.status) == (before + 1, ActionStatus.IN_PROGRESS)
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.get(ActionItem, action.id).times_postponed == before


# ---------------------------------------------------------------------------------------------------------------
# Closing a meeting whose date is still to come


def _click_when_asked(qtbot, answers: list[str], seen: list[str]) -> None:
    """Answer each question box that opens by clicking the button whose text starts with the next answer."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and answers:
            seen.append(box.text())
            wanted = answers.pop(0)
            button = next(b for b in box.buttons() if b.text().startswith(wanted))
            button.click()
        if answers:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_future_meeting_held_only_after_a_dutch_question_naming_the_date(window, qtbot, monkeypatch) -> None:
    from ghnt_desktop.models import AttendanceStatus, Meeting, MeetingState

    meeting_id = create_through_dialog(window, monkeypatch, series_id(window, "AO"))
    view = window.page("meetings").meeting
    view.next_state_button.click()  # gepland: nothing to ask
    with window.database.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.state is MeetingState.PLANNED and meeting.date > view.today()
    # Annuleren: nothing changes.
    seen: list[str] = []
    _click_when_asked(qtbot, ["Annuleren"], seen)
    view.next_state_button.click()
    assert seen and "nog niet geweest" in seen[0]
    with window.database.session() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.PLANNED
    # Confirmed, with the date on the button; the unmarked attendees are marked afwezig.
    seen.clear()
    _click_when_asked(qtbot, ["Ja, gehouden op", "Afwezig melden"], seen)
    view.next_state_button.click()
    assert len(seen) == 2 and "genodigden" in seen[1]
    with window.database.session() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.HELD
    assert {a.status for a in view.data.attendance} == {AttendanceStatus.ABSENT}
    # Undo: planned again and the attendees unknown again.
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.PLANNED
    assert {a.status for a in view.data.attendance} == {AttendanceStatus.INVITED}


def test_history_shows_doorgeschoven_without_a_new_date(qtbot) -> None:
    import uuid
    from datetime import date

    from ghnt_desktop.services.actions import HistoryRow
    from ghnt_desktop.ui.itemmodels.actions import HistoryModel

    def row(previous, new, postponed):
        return HistoryRow(
            uuid.uuid4(), date(2020, 6, 11), None, "", None, ActionStatus.IN_PROGRESS, "", "", previous, new, "", "",
            False, postponed,
        )  # fmt: skip

    model = HistoryModel()
    model.set_rows(
        [
            row(date(2020, 4, 30), date(2020, 4, 30), True),
            row(date(2020, 4, 30), date(2020, 9, 30), True),
            row(date(2020, 9, 30), date(2020, 9, 30), False),
        ]
    )
    shown = [model.index(i, HistoryModel.DEADLINE).data() for i in range(3)]
    assert shown == ["doorgeschoven (30-04-2020)", "uitgesteld: 30-04-2020 naar 30-09-2020", "30-09-2020"]
