"""WCAG 2.1 AA contrast of every colour the app gives text, and meaning never carried by colour alone."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette

from ghnt_desktop.ui.itemmodels import colors
from ghnt_desktop.ui.itemmodels.colors import AA_CONTRAST, contrast_ratio, muted, text_on
from ghnt_desktop.ui.widgets.status import STATUS_COLOURS

TODAY = date(2020, 3, 2)


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(colors.TEXT_COLOURS))
def test_text_colours_reach_aa_on_table_rows_and_windows(qapp, name):
    palette = qapp.palette()
    colour = colors.TEXT_COLOURS[name]
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Window):
        background = palette.color(role)
        assert contrast_ratio(colour, background) >= AA_CONTRAST, (name, role, background.name())


def test_muted_text_still_reaches_aa(qapp):
    palette = qapp.palette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast_ratio(muted(), palette.color(role)) >= AA_CONTRAST


@pytest.mark.parametrize("status", sorted(STATUS_COLOURS))
def test_numbers_on_every_status_colour_reach_aa(status):
    background = STATUS_COLOURS[status]
    assert contrast_ratio(text_on(background), background) >= AA_CONTRAST, background.name()


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_text_on_picks_the_better_of_dark_and_white(r, g, b):
    background = QColor(r, g, b)
    chosen = contrast_ratio(text_on(background), background)
    assert chosen >= contrast_ratio(colors.DARK_TEXT, background) - 1e-9
    assert chosen >= contrast_ratio(colors.LIGHT_TEXT, background) - 1e-9


def test_chart_prints_every_number_and_says_it_in_words(qtbot):
    """Even a 1-in-40 segment is widened to hold its number; the description lists every count."""
    from ghnt_desktop.ui.widgets.chart import StackedBarChart, _segment_widths

    widths = _segment_widths([1, 39, 0, 2], 5.0, [14, 20, 14, 14])
    assert widths[0] >= 14 and widths[3] >= 14 and widths[2] == 0
    assert sum(widths) == pytest.approx(40 * 5.0 + 2 * 5.0, rel=0.05)

    chart = StackedBarChart()
    qtbot.addWidget(chart)
    chart.set_data(["Visie"], [("Gereed", STATUS_COLOURS["done"]), ("Loopt", STATUS_COLOURS["in_progress"])], [(1, 39)])
    assert chart.accessibleDescription() == "Visie: 1 Gereed, 39 Loopt (40)"


def test_late_rows_say_so_in_words(demo_window):
    """Late actions are red and also carry "te laat" in the status text: colour never stands alone."""
    from PySide6.QtCore import Qt

    window = demo_window(TODAY)
    window.show_page("actions")
    page = window.page("actions")
    model = page.view.model()
    late = [
        row
        for row in range(model.rowCount())
        if model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) == colors.LATE
        or model.index(row, model.STATUS).data(Qt.ItemDataRole.ForegroundRole) == colors.LATE
    ]
    assert late, "the demo has late actions"
    for row in late:
        assert "te laat" in str(model.index(row, model.STATUS).data()), row


def test_late_action_items_of_a_meeting_say_so_in_words(qapp):
    """The minutes' and decisions' action tables: a late row is red and its status says "te laat"."""
    from datetime import timedelta

    from PySide6.QtCore import Qt

    from ghnt_desktop.models.enums import ActionStatus
    from ghnt_desktop.ui.itemmodels.minutes import ActionItemTableModel

    model = ActionItemTableModel()
    model.reference = TODAY
    rows = []

    class Row:  # the fields the model reads
        def __init__(self, number, deadline, status):
            self.number, self.deadline, self.status = number, deadline, status
            self.text, self.trekker, self.deadline_text, self.confidential = "Actie", "", "", False
            self.times_postponed, self.new_at_meeting, self.origin_meeting_date = 0, True, TODAY
            self.id = number

    rows = [
        Row("A-1", TODAY - timedelta(days=3), ActionStatus.IN_PROGRESS),
        Row("A-2", TODAY + timedelta(days=3), ActionStatus.IN_PROGRESS),
        Row("A-3", TODAY - timedelta(days=3), ActionStatus.DONE),
    ]
    model.set_rows(rows)
    for row in range(model.rowCount()):
        red = any(
            model.index(row, c).data(Qt.ItemDataRole.ForegroundRole) == colors.LATE for c in range(model.columnCount())
        )
        says = "te laat" in model.index(row, ActionItemTableModel.STATUS).data()
        assert red == says, (rows[row].number, red, says)
    assert "te laat" in model.index(0, ActionItemTableModel.STATUS).data()
