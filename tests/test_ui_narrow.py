"""The narrow layout's parts on their own: folding table columns, wrapping button rows, the page chooser.

The whole app at 910x512 (150% on a 1366x768 screen) is walked in ``test_ui_accessibility.py``.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QToolTip, QVBoxLayout, QWidget

from ghnt_desktop.models import ActionKind, ActionStatus
from ghnt_desktop.services.minutes import ActionItemRow
from ghnt_desktop.ui.itemmodels.minutes import ActionItemTableModel
from ghnt_desktop.ui.pages.base import make_table_view
from ghnt_desktop.ui.widgets.columns import ColumnFolder
from ghnt_desktop.ui.widgets.flow import FlowLayout


def _row(number: int) -> ActionItemRow:
    return ActionItemRow(
        id=uuid.uuid4(),
        number=f"AO-2020-{number}-A0{number}",
        kind=ActionKind.ACTIEPUNT,
        text="Een werkafspraak maken met de huisartsen over het melden van zorgen",
        trekker="Gemeente Midden-Groningen (afdeling Wmo)",
        deadline=date(2020, 6, number),
        deadline_text="voor de zomer",
        status=ActionStatus.IN_PROGRESS,
        times_postponed=number,
        closed_on=None,
        origin_meeting_id=None,
        origin_meeting_date=date(2019, 12, 12),
        programme_action_id=None,
        programme_action_code="",
        confidential=False,
        new_at_meeting=False,
        done_text="",
        todo_text="",
    )


@pytest.fixture
def table(qtbot):
    model = ActionItemTableModel()
    view = make_table_view(model, name="Acties")
    qtbot.addWidget(view)
    model.set_rows([_row(n) for n in range(1, 6)])
    view.resize(1400, 300)
    view.show()
    qtbot.waitExposed(view)
    for column in range(model.columnCount()):
        view.resizeColumnToContents(column)
        view.horizontalHeader().resizeSection(column, view.columnWidth(column) + 16)  # as the pages fit them
    return view


def _key_end(view) -> int:
    header = view.horizontalHeader()
    return max(header.sectionPosition(c) + header.sectionSize(c) for c in view.model().KEY_COLUMNS)


@pytest.mark.parametrize("width", [1400, 1000, 900, 800, 700, 600, 560])
def test_key_columns_stay_whole_as_the_table_narrows_and_come_back(table, qtbot, width):
    from ui_walk import elision_problems

    model = table.model()
    folder = table.findChild(ColumnFolder)
    assert folder is not None, "make_table_view gives a model with FOLDABLE_COLUMNS a folder"
    table.resize(width, 300)
    qtbot.waitUntil(lambda: _key_end(table) <= table.viewport().width(), timeout=1000)
    assert not [p for p in elision_problems(table) if "column" in p]
    # Folded in the model's order: a column folds only after those listed before it.
    folded = [table.isColumnHidden(c) for c in model.FOLDABLE_COLUMNS]
    assert folded == sorted(folded, reverse=True)
    assert not any(table.isColumnHidden(c) for c in model.KEY_COLUMNS)
    # Wide again: every column is back.
    table.resize(1400, 300)
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in range(model.columnCount())), timeout=1000)


def test_a_folded_columns_value_is_in_the_rows_tooltip(table, qtbot, monkeypatch):
    model = table.model()
    table.resize(600, 300)
    qtbot.waitUntil(lambda: table.isColumnHidden(model.TREKKER), timeout=1000)
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    from PySide6.QtGui import QHelpEvent

    rect = table.visualRect(model.index(0, model.NUMBER))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center()))
    assert table.findChild(ColumnFolder).eventFilter(table.viewport(), event)
    assert shown and "Trekker: Gemeente Midden-Groningen (afdeling Wmo)" in shown[-1]
    assert "Herkomst: 12-12-2019" in shown[-1]


@pytest.mark.parametrize("width", [900, 500, 330, 200])
def test_a_wrapping_button_row_never_cuts_or_overlaps_a_button(qtbot, width):
    texts = ["Punt toevoegen...", "Verwijderen", "Omhoog", "Omlaag", "Actielijst vorig overleg (3 open)..."]
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    row = FlowLayout()
    buttons = [QPushButton(text, host) for text in texts]
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    below = QPushButton("Daaronder", host)
    layout.addWidget(below)
    host.resize(width, 400)
    host.show()
    qtbot.waitExposed(host)
    rects = [b.geometry() for b in buttons]
    for button, rect in zip(buttons, rects, strict=True):
        assert rect.width() >= button.sizeHint().width()
        assert rect.right() <= max(host.width(), button.sizeHint().width() + 20)
        assert rect.bottom() < below.geometry().top(), "the widget below moves down under a second line"
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1 :])
    lines = len({r.top() for r in rects})
    total = sum(b.sizeHint().width() for b in buttons) + 6 * (len(buttons) - 1)
    assert (lines == 1) == (total <= host.width() - 22)


def test_a_narrow_window_chooses_pages_in_the_menu_bar(demo_window, qtbot):
    window = demo_window(date(2020, 3, 2))
    assert window.navigation.isVisible() and not window.page_chooser.isVisible()
    window.resize(910, 512)
    qtbot.waitUntil(lambda: window.page_chooser.isVisible())
    assert not window.navigation.isVisible()
    chooser = window.page_chooser
    assert chooser.accessibleName()
    chooser.setCurrentIndex(3)
    chooser.activated.emit(3)
    assert window.current_page().key == "actions"
    window.show_page("meetings")
    assert chooser.currentIndex() == 2  # follows a page chosen another way (menu, Ctrl+3, a link)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.navigation.isVisible())
    assert not chooser.isVisible()
    assert window.navigation.currentRow() == 2


def test_tall_dialogs_fit_a_low_screen_by_scrolling(demo_window, qtbot, monkeypatch):
    """Every dialog the app opens that uses a scrolling form fits 440 px (a 1366x768 screen at 150% less
    the task bar and title bar) without squeezing its fields: the form scrolls instead."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDialog, QLineEdit

    from ghnt_desktop.ui.new_region import NewRegionDialog
    from ghnt_desktop.ui.widgets import scroll
    from ghnt_desktop.ui.widgets.scroll import FormScrollArea

    window = demo_window(date(2020, 3, 2))
    # The test screen is 800x800: the dialogs see a 1366x768 screen at 150% less a 40 px task bar instead.
    monkeypatch.setattr(scroll, "available_height", lambda _widget: 512 - 40)
    opened: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.append(dialog) or QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QDialog, "open", lambda dialog: opened.append(dialog))
    window.page("meetings").new_meeting()
    window.page("indicators").new_indicator()
    assert {type(d).__name__ for d in opened} >= {"NewMeetingDialog", "IndicatorDialog"}
    dialogs = [*opened, NewRegionDialog(window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        area = dialog.findChild(FormScrollArea)
        assert area is not None, type(dialog).__name__
        assert dialog.minimumSizeHint().height() <= 440, type(dialog).__name__
        dialog.resize(max(dialog.minimumSizeHint().width(), 600), 440)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert area.verticalScrollBar().maximum() > 0, type(dialog).__name__
        fields = [
            w
            for kind in (QLineEdit, QComboBox, QAbstractSpinBox)
            for w in area.widget().findChildren(kind)
            if w.isVisible() and not w.objectName().startswith("qt_")
        ]
        assert len(fields) >= 3
        for field in fields:
            assert field.height() >= field.minimumSizeHint().height(), (type(dialog).__name__, field.objectName())
        dialog.close()
    # Where the screen has room, the whole form shows without scrolling, also at the dialog's minimum size.
    monkeypatch.setattr(scroll, "available_height", lambda _widget: 1040)
    for dialog in dialogs:
        area = dialog.findChild(FormScrollArea)
        area.updateGeometry()  # another screen: the layouts ask again
        dialog.layout().activate()
        dialog.resize(dialog.width(), 0)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert area.verticalScrollBar().maximum() == 0, type(dialog).__name__
        dialog.close()
