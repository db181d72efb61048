"""The Acties page on the demo database: filters, sorting, status edited in place, history and the matrix."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ghnt_desktop.models import ActionItem, ActionStatus, LocalStatus, ProgrammeAction, ProgressUpdate
from ghnt_desktop.services.actions import (
    ITEM,
    PROGRAMME,
    ViewFilter,
    ViewRow,
    filter_view,
    load_action_view,
    quarter_of,
    sort_view,
)
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.itemmodels.actions import ActionViewModel, HistoryModel
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_start_database(path)
    win.show_page("actions")
    yield win
    if win.database is not None:
        win.database.close()


def db_rows(window, view_filter: ViewFilter | None = None):
    with window.database.session() as session:
        rows = load_action_view(session)
    return [ViewRow._make(r) for r in filter_view(rows, view_filter or ViewFilter(), TODAY)]


def shown_ids(page):
    return [r.id for r in page.model.rows()]


def choose(combo, text_part: str) -> None:
    index = next(i for i in range(combo.count()) if text_part in combo.itemText(i))
    combo.setCurrentIndex(index)


def test_all_action_items_and_programme_actions_are_listed(window):
    page = window.page("actions")
    with window.database.session() as session:
        items = session.scalar(select(func.count(ActionItem.id)))
        programme = session.scalar(select(func.count(ProgrammeAction.id)))
    assert page.model.rowCount() == items + programme
    kinds = {r.kind for r in page.model.rows()}
    assert kinds == {ITEM, PROGRAMME}
    assert f"{items + programme} acties" in page.count_label.text()


def test_filter_combinations_match_the_database(window):
    page = window.page("actions")
    rows = db_rows(window)
    # Status and kind.
    choose(page.status_combo, "Loopt")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("item"))
    expected = {r.id for r in rows if r.status == "in_progress" and r.kind == ITEM}
    assert expected and set(shown_ids(page)) == expected
    # Plus an actielijn.
    section_id = next(r.section_id for r in page.model.rows() if r.section_id)
    page.section_combo.setCurrentIndex(page.section_combo.findData(section_id))
    expected = {r.id for r in rows if r.status == "in_progress" and r.kind == ITEM and r.section_id == section_id}
    assert expected and set(shown_ids(page)) == expected
    page.clear_filters()
    assert page.model.rowCount() == len(rows)
    # Late and open.
    page.late_only.setChecked(True)
    late = {
        r.id for r in rows if r.deadline and r.deadline < TODAY.isoformat() and r.status not in ("done", "cancelled")
    }
    assert late and set(shown_ids(page)) == late
    assert all("te laat" in page.model.index(i, ActionViewModel.STATUS).data() for i in range(page.model.rowCount()))
    page.clear_filters()
    # Due this quarter.
    page.quarter_only.setChecked(True)
    start, end = (d.isoformat() for d in quarter_of(TODAY))
    expected = {r.id for r in rows if r.deadline and start <= r.deadline <= end}
    assert expected and set(shown_ids(page)) == expected
    page.clear_filters()
    # Trekker: an organisation finds its own actions and those of its people.
    with_person = next(r for r in rows if r.kind == ITEM and r.trekker_person_ids and r.trekker_organisation_ids)
    org = with_person.trekker_organisation_ids[-1]
    page.trekker_combo.setCurrentIndex(page.trekker_combo.findData(f"org:{org}"))
    expected = {r.id for r in rows if org in r.trekker_organisation_ids}
    assert with_person.id in expected and set(shown_ids(page)) == expected
    page.trekker_combo.setCurrentIndex(page.trekker_combo.findData(f"person:{with_person.trekker_person_ids[0]}"))
    assert set(shown_ids(page)) == {r.id for r in rows if with_person.trekker_person_ids[0] in r.trekker_person_ids}
    page.clear_filters()
    # Meeting of origin and working group.
    meeting = next(r.origin_meeting_id for r in rows if r.origin_meeting_id)
    page.meeting_combo.setCurrentIndex(page.meeting_combo.findData(meeting))
    assert set(shown_ids(page)) == {r.id for r in rows if r.origin_meeting_id == meeting}
    page.clear_filters()
    group = next(r.working_group_id for r in rows if r.working_group_id)
    page.group_combo.setCurrentIndex(page.group_combo.findData(group))
    page.open_only.setChecked(True)
    expected = {r.id for r in rows if r.working_group_id == group and r.status not in ("done", "cancelled")}
    assert set(shown_ids(page)) == expected


def test_search_reaches_progress_notes(window, qtbot):
    page = window.page("actions")
    with window.database.session() as session:
        note, action_id = session.execute(
            select(ProgressUpdate.done_text, ProgressUpdate.action_item_id).where(
                ProgressUpdate.done_text != "", ProgressUpdate.action_item_id.is_not(None)
            )
        ).first()
        action_text = session.get(ActionItem, action_id).text
    word = max(note.split(), key=len)
    total = page.model.rowCount()
    qtbot.keyClicks(page.search_edit, word)
    assert page.model.rowCount() == total  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.rowCount() < total, timeout=2000)
    assert action_id.hex in shown_ids(page)
    # The notes are searched in memory, like the action's own text: found whether or not the text has the word.
    assert word.casefold() in page.model.row_at(page.model.row_of(action_id.hex)).haystack
    assert action_text
    for row in page.model.rows():
        assert word.casefold() in row.haystack or word.casefold() in _notes_of(window, row).casefold()


def _notes_of(window, row) -> str:
    from ghnt_desktop.services.actions import action_history

    with window.database.session() as session:
        return " ".join(h.done_text + " " + h.todo_text for h in action_history(session, row.kind, row.id))


def test_sorting_on_every_column(window):
    page = window.page("actions")
    header = page.view.horizontalHeader()
    for column, key in enumerate(ActionViewModel.SORT_KEYS):
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
        by_number = sort_view(db_rows(window), "number")  # ties keep number order
        assert shown_ids(page) == [r.id for r in sort_view(by_number, key, True)], key
    # The sort holds when a filter changes afterwards.
    header.setSortIndicator(ActionViewModel.DEADLINE, Qt.SortOrder.AscendingOrder)
    page.open_only.setChecked(True)
    expected = sort_view(sort_view(db_rows(window, ViewFilter(open_only=True)), "number"), "deadline")
    assert shown_ids(page) == [r.id for r in expected]


def test_status_edit_in_place_is_saved_with_history_and_undone(window):
    page = window.page("actions")

    def counted_late() -> int:  # what late_count keeps up to date without counting after each edit
        return sum(1 for r in page.model.rows() if r.is_overdue(TODAY.isoformat()))

    late_before = page.model.late_count()
    row_index = next(
        i
        for i, r in enumerate(page.model.rows())
        if r.kind == ITEM and r.status == "in_progress" and r.is_overdue(TODAY.isoformat())
    )
    row = page.model.row_at(row_index)
    index = page.model.index(row_index, ActionViewModel.STATUS)
    assert page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.model.setData(index, "done", Qt.ItemDataRole.EditRole)
    with window.database.session() as session:
        action = session.get(ActionItem, uuid.UUID(row.id))
        assert action.status == ActionStatus.DONE
        assert action.closed_on == TODAY
        last = session.scalars(
            select(ProgressUpdate).where(ProgressUpdate.action_item_id == action.id).order_by(ProgressUpdate.date)
        ).all()[-1]
        assert (last.status, last.date) == (ActionStatus.DONE, TODAY)
    assert page.model.row_at(row_index).status == "done"  # the row was read again
    assert page.model.late_count() == late_before - 1 == counted_late()
    page.select_action(row.id)
    assert last.id in {h.id for h in page.history.rows()}
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.get(ActionItem, uuid.UUID(row.id)).status == ActionStatus.IN_PROGRESS
        assert session.get(ProgressUpdate, last.id) is None
    assert page.model.row_at(page.model.row_of(row.id)).status == "in_progress"
    assert page.model.late_count() == late_before == counted_late()


def test_programme_action_status_edit(window):
    page = window.page("actions")
    row_index = next(i for i, r in enumerate(page.model.rows()) if r.kind == PROGRAMME and r.status == "not_started")
    row = page.model.row_at(row_index)
    page.model.setData(page.model.index(row_index, ActionViewModel.STATUS), "in_progress")
    with window.database.session() as session:
        assert session.get(ProgrammeAction, uuid.UUID(row.id)).status == ActionStatus.IN_PROGRESS
    assert window.page("overview").overview is not None  # the overview was told as well
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.get(ProgrammeAction, uuid.UUID(row.id)).status == ActionStatus.NOT_STARTED


def test_history_shows_meetings_and_postponements(window):
    page = window.page("actions")
    with window.database.session() as session:
        postponed = session.scalar(
            select(ProgressUpdate.action_item_id).where(
                ProgressUpdate.new_deadline > ProgressUpdate.previous_deadline, ProgressUpdate.meeting_id.is_not(None)
            )
        )
        updates = session.scalar(select(func.count()).where(ProgressUpdate.action_item_id == postponed))
    assert postponed is not None
    assert page.select_action(postponed.hex)
    assert page.history.rowCount() == updates
    texts = [page.history.index(r, HistoryModel.DEADLINE).data() for r in range(page.history.rowCount())]
    assert any(t.startswith("uitgesteld") for t in texts)
    meetings = [page.history.index(r, HistoryModel.MEETING).data() for r in range(page.history.rowCount())]
    assert all(m for m in meetings)
    assert "uitgesteld" in page.detail_meta.text()


def test_models_pass_the_model_tester(window, qtmodeltester):
    page = window.page("actions")
    qtmodeltester.check(page.model)
    page.select_action(next(r.id for r in page.model.rows() if r.kind == ITEM))
    qtmodeltester.check(page.history)
    page.tabs.setCurrentIndex(1)
    qtmodeltester.check(page.local_status.model)
    model = ActionViewModel()
    qtmodeltester.check(model)
    assert page.model.index(0, 0).data(ROW_ROLE) == page.model.row_at(0)


def test_matrix_cell_edit_is_saved_and_undone(window):
    page = window.page("actions")
    page.tabs.setCurrentIndex(1)
    model = page.local_status.model
    assert model.rowCount() > 0 and model.columnCount() > model.FIRST_ORGANISATION
    index = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.FIRST_ORGANISATION, model.columnCount())
        if model.index(r, c).data(Qt.ItemDataRole.EditRole) == ""
    )
    action, organisation = model.action_at(index.row()), model.organisation_at(index.column())
    assert model.setData(index, "done")
    with window.database.session() as session:
        status = session.scalar(
            select(LocalStatus.status).where(
                LocalStatus.programme_action_id == action.id, LocalStatus.organisation_id == organisation.id
            )
        )
    assert status == ActionStatus.DONE
    assert model.index(index.row(), index.column()).data() == "Gereed"
    window.undo_stack.undo()
    assert model.index(index.row(), index.column()).data(Qt.ItemDataRole.EditRole) == ""


def test_background_load_of_a_big_database(window, qtbot, monkeypatch):
    import ghnt_desktop.ui.pages.base as pages_base

    page = window.page("actions")
    expected = page.model.rowCount()
    monkeypatch.setattr(pages_base, "LARGE_DATABASE_ACTIONS", 0)
    page.clear()
    page.load(window.database)
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    assert page.model.rowCount() == expected


def test_screenshot(window, qtbot):
    ARTIFACTS.mkdir(exist_ok=True)
    page = window.page("actions")
    qtbot.waitUntil(lambda: id(page.view) in page._sized_views, timeout=2000)
    page.select_action(next(r.id for r in page.model.rows() if r.kind == ITEM and r.times_postponed))
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "actions.png"))
    page.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert window.grab().save(str(ARTIFACTS / "actions_per_gemeente.png"))


def test_big_list_shows_its_first_rows_then_the_complete_list(window, qtbot, monkeypatch):
    import ghnt_desktop.ui.pages.actions as actions_page
    import ghnt_desktop.ui.pages.base as pages_base

    page = window.page("actions")
    expected = [r.id for r in page.model.rows()]
    monkeypatch.setattr(pages_base, "LARGE_DATABASE_ACTIONS", 0)
    monkeypatch.setattr(actions_page, "FIRST_ROWS", 7)
    page.clear()
    page.load(window.database)
    # At once, before the worker is done: the top of the default order, and the count says it is still loading.
    assert page.first_rows_shown and not page.loaded
    assert shown_ids(page) == expected[:7]
    assert page.count_label.text() == "Laden..."
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    assert not page.first_rows_shown
    assert [r.id for r in page.model.rows()] == expected


def test_first_view_ids_are_the_top_of_the_default_order(window):
    from ghnt_desktop.services.actions import PROGRAMME, first_view_ids, load_action_view, sort_view

    with window.database.session() as session:
        rows = [ViewRow._make(r) for r in sort_view(load_action_view(session), "number")]
        programme = sum(1 for r in rows if r.kind == PROGRAMME)
        for count in (1, programme, programme + 5, len(rows) + 3):
            assert first_view_ids(session, count) == [r.id for r in rows[:count]]


def test_sort_view_matches_a_plain_stable_sort(window):
    from ghnt_desktop.services.actions import STATUS_ORDER, VIEW_SORT_KEYS, F, load_action_view, sort_view

    with window.database.session() as session:
        rows = load_action_view(session)
    plain = {
        "number": F.number_key,
        "kind": F.action_kind,
        "text": F.text_key,
        "postponed": F.times_postponed,
    }
    ranked = {
        "trekker": F.trekker_key,
        "deadline": F.deadline,
        "section": F.section_position,
        "group": F.working_group_name,
        "meeting": F.origin_meeting_date,
    }
    for key in VIEW_SORT_KEYS:
        for descending in (False, True):
            if key in plain:
                i = plain[key]
                expected = sorted(rows, key=lambda r, i=i: r[i], reverse=descending)
            elif key == "status":
                expected = sorted(rows, key=lambda r: STATUS_ORDER.get(r[F.status], 9), reverse=descending)
            else:
                i = ranked[key]
                present = sorted(
                    (r for r in rows if r[i] not in (None, "")), key=lambda r, i=i: r[i], reverse=descending
                )
                expected = present + [r for r in rows if r[i] in (None, "")]  # empty values last either way
            assert [r[F.id] for r in sort_view(rows, key, descending)] == [r[F.id] for r in expected], (key, descending)


def test_view_rows_leave_the_garbage_collector(window):
    # Plain tuples of strings and numbers are untracked after one collection; named tuples never are, and
    # each full collection (which holds the GUI thread) visited 100,000 of them on the scale database.
    import gc

    with window.database.session() as session:
        rows = load_action_view(session)
    gc.collect()  # untracks the trekker id tuples inside the rows,
    gc.collect()  # then the rows themselves
    assert rows and all(type(row) is tuple for row in rows)
    assert not any(gc.is_tracked(row) for row in rows)
    page = window.page("actions")
    assert page.model.row_at(0).id == page.model.rows()[0].id  # the model names the fields for its users
