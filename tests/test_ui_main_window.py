"""The main window on a demo-like database: pages, filters, title, saved state and refused files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from test_ui_sample_data import TODAY, build_sample_database

from ghnt_desktop.models import ActionItem, Meeting, Organisation, Person, ProgrammeAction, WorkingGroup
from ghnt_desktop.services.actions import ActionFilter, list_action_items
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE
from ghnt_desktop.ui.mainwindow import PAGE_KEYS, MainWindow

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "regio.db"
    build_sample_database(path).close()
    return path


@pytest.fixture
def settings(tmp_path):
    return Settings.at_path(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings, sample_path):
    win = MainWindow(settings, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_start_database(sample_path)
    yield win
    if win.database is not None:
        win.database.close()


def count(database, column) -> int:
    with database.session() as session:
        return session.scalar(select(func.count(column)))


def test_title_shows_the_file_name(window, sample_path):
    assert window.windowTitle() == f"GHNT Desktop - {sample_path.name}"
    assert window.database_label.text() == str(sample_path)


def test_every_page_lists_the_database_records(window):
    db = window.database
    assert window.page("meetings").model.rowCount() == count(db, Meeting.id)
    assert window.page("actions").model.rowCount() == count(db, ActionItem.id) + count(db, ProgrammeAction.id)
    assert window.page("working_groups").model.rowCount() == count(db, WorkingGroup.id)
    organisations = window.page("organisations")
    assert organisations.organisations.rowCount() == count(db, Organisation.id)
    programme = window.page("programme")
    assert programme.model.counts()["action"] == count(db, ProgrammeAction.id)
    # People of the selected organisation match the database.
    chosen = organisations.selected_organisation()
    with db.session() as session:
        people = session.scalar(select(func.count(Person.id)).where(Person.organisation_id == chosen.id))
    assert organisations.people.rowCount() == people
    window.page("indicators")
    # Every page asked for above was built on demand, in navigation order.
    assert [page.key for page in window.pages] == list(PAGE_KEYS)
    assert window.page_titles() == [
        "Overzicht",
        "Programma",
        "Overleggen",
        "Acties",
        "Indicatoren",
        "Werkgroepen",
        "Organisaties & personen",
    ]
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == window.page_titles()


def test_hidden_pages_reload_when_shown_after_another_database_opens(window, tmp_path, qtbot):
    meetings = window.page("meetings")
    before = meetings.model.rowCount()
    window.show_page("overview")
    other = tmp_path / "ander.db"
    assert window.open_database_file(other, create=True)  # an empty database
    assert meetings.stale and window.current_page().key == "overview"
    window.navigation.setCurrentRow(PAGE_KEYS.index("meetings"))  # a click in the navigation
    assert not meetings.stale and meetings.model.rowCount() == 0 < before
    assert meetings.database is window.database


def test_only_the_page_in_view_is_built_at_start(qtbot, settings, sample_path):
    settings.last_page = "meetings"
    win = MainWindow(settings, today=lambda: TODAY)
    qtbot.addWidget(win)
    # Chosen in the navigation, built once the frame has painted or a database is shown (test_startup.py).
    assert win.pages == [] and win.navigation.currentRow() == PAGE_KEYS.index("meetings")
    assert win.page_actions[PAGE_KEYS.index("meetings")].isChecked()
    assert win.open_database_file(sample_path)
    assert [page.key for page in win.pages] == ["meetings"]
    assert win.stack.currentWidget() is win.page("meetings")
    assert win.page("meetings").model.rowCount() > 0  # loaded on opening
    win.show_page("actions")  # built and loaded when first shown
    assert win.current_page().key == "actions" and win.page("actions").model.rowCount() > 0
    assert [page.key for page in win.pages] == ["meetings", "actions"]


def test_next_meeting_is_selected(window):
    """Upcoming meetings first (nearest first), then past ones (most recent first); the next one selected, bold."""
    page = window.page("meetings")
    selected = page.selected_meeting()
    rows = page.model.rows()
    upcoming = [r.date for r in rows if r.date >= TODAY]
    past = [r.date for r in rows if r.date < TODAY]
    assert upcoming and past
    assert [r.date for r in rows] == sorted(upcoming) + sorted(past, reverse=True)
    nearest = min((r for r in rows if r.date >= TODAY), key=lambda r: r.date)
    assert selected.id == nearest.id
    assert page.model.index(rows.index(selected), page.model.TITLE).data(Qt.ItemDataRole.FontRole).bold()


def test_actions_late_filter_gives_the_service_rows(window, qtbot):
    page = window.page("actions")
    page.late_only.setChecked(True)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("item"))
    with window.database.session() as session:
        expected = [r.number for r in list_action_items(session, ActionFilter(overdue_on=TODAY))]
    assert expected  # the sample has late actions
    assert [r.number for r in page.model.rows()] == expected
    late_row = page.model.index(0, page.model.STATUS)
    assert "te laat" in late_row.data()
    assert late_row.data(ROW_ROLE).number == expected[0]


def test_actions_search_is_debounced_and_sorting_goes_through_the_service(window, qtbot):
    page = window.page("actions")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("item"))
    qtbot.keyClicks(page.search_edit, "politie")
    assert page.model.rowCount() == count(window.database, ActionItem.id)  # not yet: debounce
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == count(window.database, ActionItem.id), timeout=2000)
    page.view.horizontalHeader().setSortIndicator(page.model.POSTPONED, Qt.SortOrder.DescendingOrder)
    with window.database.session() as session:
        expected = [r.times_postponed for r in list_action_items(session, sort="postponed", descending=True)]
    assert [r.times_postponed for r in page.model.rows()] == expected


def test_status_filter(window):
    page = window.page("actions")
    index = next(i for i in range(page.status_combo.count()) if page.status_combo.itemText(i) == "Gereed")
    page.status_combo.setCurrentIndex(index)
    assert {r.status for r in page.model.rows()} == {"done"}


def test_settings_restore_geometry_and_last_page(qtbot, settings, sample_path, window):
    window.setGeometry(QRect(10, 30, 780, 520))
    window.show_page("organisations")
    qtbot.wait(10)
    inner = window.page("organisations").splitter
    default_inner = inner.sizes()
    inner.setSizes([default_inner[0] - 60, default_inner[1] + 60])
    saved_inner = inner.sizes()
    assert saved_inner != default_inner
    window.show_page("working_groups")
    saved_sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(settings, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.current_page().key == "working_groups"
    assert (again.width(), again.height()) == (780, 520)
    again.show()
    assert again.splitter.sizes() == saved_sizes
    again.show_page("organisations")
    qtbot.wait(10)
    assert again.page("organisations").splitter.sizes() == saved_inner


def test_refused_database_shows_dutch_message_and_is_left_alone(qtbot, settings, tmp_path, monkeypatch):
    bad = tmp_path / "notities.db"
    bad.write_bytes(b"dit is geen database\n" * 10)
    before = bad.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.quit_requested, timeout=1000):  # no other file chosen: the app stops
        assert not win.open_start_database(bad)
    assert shown and shown[0][0] == "Database kan niet worden geopend"
    assert "geen database van GHNT Desktop" in shown[0][1]
    assert bad.read_bytes() == before
    assert win.database is None


def test_missing_database_is_created_and_announced(qtbot, settings, tmp_path):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    path = tmp_path / "nieuw" / "ghnt.db"
    assert win.open_start_database(path)
    assert path.exists()
    assert str(path) in win.statusBar().currentMessage()
    assert "database is aangemaakt" in win.statusBar().currentMessage()
    win.database.close()


def test_screenshot_of_the_main_window(window, qtbot):
    ARTIFACTS.mkdir(exist_ok=True)
    for key in ("programme", "actions"):
        window.show_page(key)
        qtbot.wait(20)
    window.show_page("actions")
    qtbot.wait(50)
    page = window.page("actions")
    qtbot.waitUntil(lambda: id(page.view) in page._sized_views, timeout=2000)
    assert window.grab().save(str(ARTIFACTS / "main_window.png"))
    window.show_page("programme")
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "main_window_programme.png"))
