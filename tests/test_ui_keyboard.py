"""Keyboard and memory: filters remembered between runs, the undo menu saying what it undoes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

TODAY = date(2020, 3, 2)


def test_the_chosen_series_filter_is_remembered_between_runs(demo_window, qtbot):
    window = demo_window(TODAY)
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.series_combo.count() > 2
    # By keyboard: Alt+R (the "Reeks:" label) focuses the series filter, Down picks the first series.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.series_combo.hasFocus())
    QTest.keyClick(page.series_combo, Qt.Key.Key_Down)
    chosen = page.series_combo.currentData()
    assert chosen is not None
    shown = {row.series_id for row in page.model.rows()} if hasattr(page.model.rows()[0], "series_id") else None
    window.close()  # saves the state

    again = demo_window(TODAY)
    again.show_page("meetings")
    page = again.page("meetings")
    assert page.series_combo.currentData() == chosen
    if shown is not None:
        assert {row.series_id for row in page.model.rows()} == shown


def test_a_filter_of_a_series_that_no_longer_exists_falls_back_to_all(demo_window, tmp_path):
    from ghnt_desktop.settings import Settings

    settings = Settings.at_path(tmp_path / "settings.ini")
    settings.set_value("filters/meetings/series", "00000000-0000-0000-0000-000000000000")
    settings.set_value("filters/meetings/kind", "geen-soort")
    settings.sync()
    window = demo_window(TODAY)
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.series_combo.currentData() is None
    assert page.kind_combo.currentData() is None
    assert page.model.rowCount() > 0


def test_the_undo_menu_says_what_it_will_undo(demo_window, qtbot):
    window = demo_window(TODAY)
    assert not window.undo_action.isEnabled()
    window.show_page("meetings")
    page = window.page("meetings")
    attendance = page.meeting.attendance
    page.meeting.tabs.setCurrentWidget(attendance)
    table = attendance.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_A)  # aanwezig
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    text = window.undo_action.text().replace("&", "")
    assert text.startswith("Ongedaan maken: ")
    assert len(text) > len("Ongedaan maken: ") + 3, text


def _minutes(window, qtbot):
    window.show_page("meetings")
    page = window.page("meetings")
    page.meeting.tabs.setCurrentWidget(page.meeting.minutes)
    minutes = page.meeting.minutes
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert minutes.item_list.count() > 2 and not minutes.read_only
    return page, minutes


def test_typed_decision_stays_with_its_item_when_moving_to_another(demo_window, qtbot):
    window = demo_window(TODAY)
    page, minutes = _minutes(window, qtbot)
    minutes.item_list.setCurrentRow(0)
    minutes.decision_edit.setFocus()
    QTest.keyClicks(minutes.decision_edit, "De agenda wordt vastgesteld")
    QTest.keyClicks(minutes.action_text, "Notulen rondsturen")
    QTest.keyClick(minutes.decision_edit, Qt.Key.Key_PageDown)  # next agenda item
    qtbot.waitUntil(lambda: minutes.item_list.currentRow() == 1)
    assert minutes.decision_edit.toPlainText() == ""  # not carried to the wrong item
    assert minutes.action_text.text() == ""
    assert minutes.drafts.pending()
    QTest.keyClick(minutes.decision_edit, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: minutes.item_list.currentRow() == 0)
    assert minutes.decision_edit.toPlainText() == "De agenda wordt vastgesteld"
    assert minutes.action_text.text() == "Notulen rondsturen"
    assert "teruggezet" in window.statusBar().currentMessage()
    # Recorded with Ctrl+Enter: nothing waits any more.
    minutes.decision_edit.setFocus()
    QTest.keyClick(minutes.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: minutes.decision_edit.toPlainText() == "")
    minutes.action_text.clear()
    assert minutes.keep_drafts() == []


def test_typed_progress_survives_moving_to_the_next_action_under_review(demo_window, qtbot):
    window = demo_window(TODAY)
    page, minutes = _minutes(window, qtbot)
    # A meeting still open for minutes with at least two carried actions to review.
    for row in page.model.rows():
        page.select_meeting(row.id)
        if minutes.review_model.rowCount() >= 2 and not minutes.read_only:
            break
    assert minutes.review_model.rowCount() >= 2 and not minutes.read_only
    minutes.parts.setCurrentWidget(minutes.review_page)
    minutes.review_table.setCurrentIndex(minutes.review_model.index(0, 0))
    minutes.review_done.clear()
    QTest.keyClicks(minutes.review_done, "Plan besproken met de gemeenten")
    minutes.review_table.setFocus()
    QTest.keyClick(minutes.review_table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: minutes.review_table.currentIndex().row() == 1)
    assert minutes.review_done.text() != "Plan besproken met de gemeenten"
    QTest.keyClick(minutes.review_table, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: minutes.review_table.currentIndex().row() == 0)
    assert minutes.review_done.text() == "Plan besproken met de gemeenten"


def test_unrecorded_text_comes_back_in_the_next_run(demo_window, qtbot):
    window = demo_window(TODAY)
    _page, minutes = _minutes(window, qtbot)
    minutes.item_list.setCurrentRow(2)
    QTest.keyClicks(minutes.decision_edit, "Half getypt besluit")
    window.close()

    again = demo_window(TODAY)
    _page, minutes = _minutes(again, qtbot)
    minutes.item_list.setCurrentRow(2)
    assert minutes.decision_edit.toPlainText() == "Half getypt besluit"


def test_drafts_read_from_damaged_settings_are_skipped():
    from ghnt_desktop.ui.meeting.drafts import Drafts

    for text in ("", "not json", "{}", "[1, 2]", '[["entry"]]', '[["entry", "k", 5, "x"]]'):
        drafts = Drafts()
        drafts.load_json(text)
        assert drafts.pending() == []


def test_undo_from_another_page_shows_the_meeting_and_tab_first(demo_window, qtbot):
    """An attendance mark undone from the Acties page: the attendance of that meeting comes into view."""
    from ghnt_desktop.models import AttendanceStatus

    window = demo_window(TODAY)
    window.show_page("meetings")
    page = window.page("meetings")
    meeting_id = page.meeting.meeting_id
    attendance = page.meeting.attendance
    page.meeting.tabs.setCurrentWidget(attendance)
    table = attendance.table
    table.setCurrentIndex(table.model().index(0, 0))
    before = table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1).status
    mark = Qt.Key.Key_F if before != AttendanceStatus.EXCUSED else Qt.Key.Key_A
    QTest.keyClick(table, mark)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert window.undo_action.text().replace("&", "").startswith("Ongedaan maken: aanwezigheid ")

    other = next(row.id for row in page.model.rows() if row.id != meeting_id)
    page.select_meeting(other)  # another meeting chosen meanwhile, on its agenda
    page.meeting.tabs.setCurrentIndex(0)
    window.show_page("actions")  # and then elsewhere
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.page("actions").view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page().key == "meetings")
    assert page.meeting.meeting_id == meeting_id
    assert page.meeting.tabs.currentWidget() is attendance
    qtbot.waitUntil(lambda: table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1).status == before)


def test_a_widened_meetings_list_stays_wide_in_the_next_run(demo_window, qtbot):
    window = demo_window(TODAY)
    window.show_page("meetings")
    page = window.page("meetings")
    before, total = page.splitter.sizes()[0], sum(page.splitter.sizes())
    page.splitter.setSizes([before + 600, total - before - 600])  # as far as the meeting view lets it
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] > before)
    widened = page.splitter.sizes()[0]
    window.close()

    again = demo_window(TODAY)
    again.show_page("meetings")
    page = again.page("meetings")
    qtbot.waitUntil(lambda: abs(page.splitter.sizes()[0] - widened) <= 2)
    # And the dates keep their year: the date column fits its text.
    from ghnt_desktop.ui.itemmodels.meetings import MeetingTableModel

    view = page.view
    text = view.model().index(0, MeetingTableModel.DATE).data()
    assert view.columnWidth(MeetingTableModel.DATE) >= view.fontMetrics().horizontalAdvance(text) + 8, text
    assert text[-4:].isdigit()  # "di 03-03-2020": the year is there
