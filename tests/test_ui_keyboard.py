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
