"""Every Qt item model passes Qt's model tester and gives display text, native sort values and row objects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_ui_sample_data import TODAY, fill_sample

from ghnt_desktop.services.actions import list_action_items
from ghnt_desktop.services.meetings import list_meetings
from ghnt_desktop.services.network import list_organisations, list_people, list_working_groups
from ghnt_desktop.services.programme import load_programme
from ghnt_desktop.ui.itemmodels.actions import ActionTableModel
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE, SORT_ROLE
from ghnt_desktop.ui.itemmodels.meetings import MeetingTableModel
from ghnt_desktop.ui.itemmodels.network import OrganisationTableModel, PersonTableModel, WorkingGroupTableModel
from ghnt_desktop.ui.itemmodels.programme import ProgrammeTreeModel


@pytest.fixture
def rows(session):
    fill_sample(session)
    return {
        "meetings": list_meetings(session),
        "actions": list_action_items(session),
        "organisations": list_organisations(session),
        "people": list_people(session),
        "groups": list_working_groups(session, today=TODAY),
        "programme": load_programme(session),
    }


@pytest.mark.parametrize(
    ("model_class", "key"),
    [
        (MeetingTableModel, "meetings"),
        (ActionTableModel, "actions"),
        (OrganisationTableModel, "organisations"),
        (PersonTableModel, "people"),
        (WorkingGroupTableModel, "groups"),
    ],
)
def test_table_models_pass_the_model_tester(qtmodeltester, qapp, rows, model_class, key):
    model = model_class()
    model.set_rows(rows[key])
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows[key])
    assert model.columnCount() == len(model.HEADERS)
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)
    assert model.index(0, 0).data(ROW_ROLE) == rows[key][0]
    model.set_rows([])
    qtmodeltester.check(model)


def test_programme_tree_model(qtmodeltester, qapp, rows):
    model = ProgrammeTreeModel()
    model.set_tree(rows["programme"])
    qtmodeltester.check(model)
    tree = rows["programme"]
    assert model.rowCount() == len(tree.sections)
    counts = model.counts()
    assert counts["action"] == tree.action_count
    # E1-2a is a sub-action: it hangs under E1-2, not under the ambition.
    line1 = model.index(1, 0)
    ambition = model.index(0, 0, line1)
    sub_parent = model.index(1, 0, ambition)
    assert sub_parent.data() == "E1-2"
    assert model.index(0, 0, sub_parent).data() == "E1-2a"
    assert model.index(0, ProgrammeTreeModel.TREKKER, sub_parent).data() == "Gemeente Groningen"
    assert model.index(1, ProgrammeTreeModel.TREKKER, ambition).data() == "GGD Groningen"  # overrides
    model.set_tree(None)
    qtmodeltester.check(model)


def test_meetings_sort_upcoming_first_and_sorting_keeps_rows(qapp, rows):
    model = MeetingTableModel()
    model.set_rows(rows["meetings"], today=TODAY)
    model.sort(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, 0).data(ROW_ROLE).date for r in range(model.rowCount())]
    upcoming = [d for d in dates if d >= TODAY]
    past = [d for d in dates if d < TODAY]
    # Upcoming meetings first, nearest first; then past meetings, most recent first.
    assert upcoming and past
    assert dates == sorted(upcoming) + sorted(past, reverse=True)
    assert isinstance(model.index(0, MeetingTableModel.DATE).data(SORT_ROLE), tuple)
    # The order holds when new rows arrive.
    model.set_rows(list(reversed(rows["meetings"])), today=TODAY)
    assert [model.row_at(r).date for r in range(model.rowCount())] == dates
    bold = [model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in range(model.rowCount())]
    assert sum(1 for f in bold if f is not None and f.bold()) == 1


def test_actions_model_marks_late_rows_and_sorts_through_the_service(qapp, rows):
    model = ActionTableModel()
    model.set_rows(rows["actions"], today=TODAY)
    for r in range(model.rowCount()):
        row = model.row_at(r)
        colour = model.index(r, ActionTableModel.TEXT).data(Qt.ItemDataRole.ForegroundRole)
        assert (colour is not None) == row.is_overdue(TODAY)
        if row.deadline:
            assert model.index(r, ActionTableModel.DEADLINE).data() == row.deadline.strftime("%d-%m-%Y")
            assert model.index(r, ActionTableModel.DEADLINE).data(SORT_ROLE) == row.deadline
    requested = []
    model.sort_requested.connect(lambda key, desc: requested.append((key, desc)))
    model.sort(ActionTableModel.DEADLINE, Qt.SortOrder.DescendingOrder)
    assert requested == [("deadline", True)]
    assert set(ActionTableModel.SORT_KEYS) <= {
        "number",
        "text",
        "trekker",
        "deadline",
        "status",
        "postponed",
        "meeting",
        "section",
    }
