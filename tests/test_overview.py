"""The overview: chart data from SQL matches the rows of the database; the page shows it and links to Acties."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, Decision, Meeting, MeetingState, ProgressUpdate
from ghnt_desktop.services.actions import PROGRAMME, ViewRow, load_action_view
from ghnt_desktop.services.overview import (
    CATEGORIES,
    action_item_progress,
    changes_since_last_overleg,
    late_actions,
    next_meetings,
    programme_progress,
)
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.pages.overview import LateModel

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def demo_db(tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    db = open_database(path)
    yield db
    db.close()


def category(row) -> str | None:
    """The chart category of a view row, computed in Python (the service does it in SQL)."""
    if row.status == "done":
        return "done"
    if row.status == "cancelled":
        return None
    if row.deadline and row.deadline < TODAY.isoformat():
        return "late"
    return {"in_progress": "running", "on_hold": "on_hold"}.get(row.status, "not_started")


@pytest.mark.parametrize("kind", ["programme", "item"])
def test_chart_data_matches_the_rows(demo_db, kind):
    with demo_db.session() as session:
        rows = [
            r for r in map(ViewRow._make, load_action_view(session)) if (r.kind == PROGRAMME) == (kind == "programme")
        ]
        progress = programme_progress(session, TODAY) if kind == "programme" else action_item_progress(session, TODAY)
    expected = Counter((r.section_id, category(r)) for r in rows if category(r))
    got = Counter()
    for line in progress:
        for name, value in zip(CATEGORIES, line.values(), strict=True):
            if value:
                got[(line.section_id.hex if line.section_id else None, name)] = value
    assert got == expected
    assert sum(p.total for p in progress) == sum(1 for r in rows if category(r))
    assert any(p.late for p in progress)


def test_late_actions_and_next_meetings(demo_db):
    with demo_db.session() as session:
        late, total = late_actions(session, TODAY, limit=5)
        rows = [ViewRow._make(r) for r in load_action_view(session)]
        upcoming = next_meetings(session, TODAY)
        planned = session.scalars(
            select(Meeting.date)
            .where(Meeting.date >= TODAY, Meeting.state != MeetingState.CANCELLED)
            .order_by(Meeting.date)
        ).all()
    assert total == sum(1 for r in rows if r.is_overdue(TODAY.isoformat()))
    assert len(late) == min(5, total)
    assert [a.deadline for a in late] == sorted(a.deadline for a in late)
    assert all(a.deadline < TODAY and not a.status.is_closed for a in late)
    assert [m.date for m in upcoming] == planned[: len(upcoming)]


def test_changes_since_the_last_afstemmingsoverleg(demo_db):
    with demo_db.session() as session:
        changes = changes_since_last_overleg(session, TODAY)
        since = changes.since
        assert since is not None and since <= TODAY
        new = session.scalar(
            select(func.count())
            .select_from(ActionItem)
            .join(Meeting, ActionItem.origin_meeting_id == Meeting.id)
            .where(Meeting.date >= since)
        )
        closed = session.scalar(select(func.count()).where(ActionItem.closed_on >= since))
        decisions = session.scalar(
            select(func.count())
            .select_from(Decision)
            .join(Meeting, Decision.meeting_id == Meeting.id)
            .where(Meeting.date >= since, Decision.confidential.is_(False))
        )
        updates = session.scalar(select(func.count()).where(ProgressUpdate.date >= since))
    assert (changes.new_actions, changes.closed_actions, changes.decisions) == (new, closed, decisions)
    assert changes.progress_updates == updates
    assert changes.lines


def test_no_afstemmingsoverleg_yet(session):
    assert changes_since_last_overleg(session, TODAY).since is None


def test_overview_page_and_screenshot(qtbot, qtmodeltester, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_start_database(path)
    page = window.pages[0]
    assert page.key == "overview" and window.current_page() is page
    overview = page.overview
    assert page.programme_chart.values == [p.values() for p in overview.programme]
    assert page.late_model.rowCount() == len(overview.late)
    assert str(overview.late_total) in page.late_box.title()
    qtmodeltester.check(page.late_model)
    qtmodeltester.check(page.upcoming_model)
    ARTIFACTS.mkdir(exist_ok=True)
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "overview.png"))
    # The late table fits its half of the window: the days late in the last column are in sight.
    header = page.late_view.horizontalHeader()
    assert header.sectionViewportPosition(LateModel.LATE_BY) + 40 < page.late_view.viewport().width()
    assert not page.late_view.horizontalScrollBar().isVisible()
    # The next meetings' last column (the title) ends at the view's edge and elides.
    assert not page.upcoming_view.horizontalScrollBar().isVisible()

    # A click on "late" of the first actielijn opens Acties with that filter.
    bar = next(i for i, p in enumerate(overview.programme) if p.late)
    page._open_actions("programme", bar, CATEGORIES.index("late"))
    actions = window.page("actions")
    assert window.current_page() is actions
    assert actions.late_only.isChecked()
    assert actions.model.rowCount() == overview.programme[bar].late
    page._show_all_late()
    assert actions.model.rowCount() == overview.late_total
    window.database.close()


def test_status_edit_elsewhere_updates_the_overview(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.open_start_database(path)
    page = window.pages[0]
    before = sum(p.done for p in page.overview.action_items)
    actions = window.page("actions")
    index = next(i for i, r in enumerate(actions.model.rows()) if r.kind == "item" and r.status == "in_progress")
    actions.model.setData(actions.model.index(index, actions.model.STATUS), ActionStatus.DONE.value)
    # The Overzicht is hidden: it reloads when shown again, not at every edit elsewhere.
    assert page.stale and sum(p.done for p in page.overview.action_items) == before
    window.show()
    window.show_page("overview")
    qtbot.waitExposed(window)
    assert not page.stale and sum(p.done for p in page.overview.action_items) == before + 1
    window.database.close()


def test_a_big_database_gathers_the_overview_in_the_background(qtbot, tmp_path, demo_file, monkeypatch):
    import ghnt_desktop.ui.pages.base as pages_base

    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.open_start_database(path)
    page = window.page("overview")
    expected = page.overview
    monkeypatch.setattr(pages_base, "LARGE_DATABASE_ACTIONS", 0)  # every database counts as big now
    page.clear()
    page.load(window.database)
    assert page.overview is None and page.loading is not None  # the window goes on meanwhile
    qtbot.waitUntil(lambda: page.overview is not None, timeout=10_000)
    assert page.overview == expected
    assert page.late_model.rowCount() == len(expected.late)
    window.database.close()
