"""Acties: the action items of all meetings with a filter bar; filtering and sorting happen in SQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..i18n import arg, enum_label
from ..itemmodels.actions import ActionTableModel
from .base import Page, make_table_view

SEARCH_DEBOUNCE_MS = 250


class ActionsPage(Page):
    """Action items with status, open-only, late-only and text filters."""

    key = "actions"
    watches = ("actions", "meetings", "network")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Acties"), parent)
        self.today = today
        self.sort_key = "number"
        self.descending = False

        bar = QHBoxLayout()
        bar.setSpacing(10)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Alle statussen"), None)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.open_only = QCheckBox(self.tr("Alleen open"), self)
        self.late_only = QCheckBox(self.tr("Alleen te laat"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Zoeken in actie, trekker en voortgang..."))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        status_label = QLabel(self.tr("Status:"), self)
        status_label.setBuddy(self.status_combo)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.open_only)
        bar.addWidget(self.late_only)
        bar.addStretch(1)
        bar.addWidget(self.search_edit)
        self.body().addLayout(bar)

        self.model = ActionTableModel(self)
        self.view = make_table_view(self.model, self, sortable=False)
        # Header clicks sort through the service; the view only shows the indicator.
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(ActionTableModel.NUMBER, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._header_sort)
        self.body().addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.status_combo.currentIndexChanged.connect(self.reload)
        self.open_only.toggled.connect(self.reload)
        self.late_only.toggled.connect(self.reload)

    def views(self):
        return {"table": self.view}

    def _fill_statuses(self) -> None:
        from ...models.enums import ActionStatus

        if self.status_combo.count() > 1:
            return
        self.status_combo.blockSignals(True)
        for status in ActionStatus:
            self.status_combo.addItem(enum_label(status), status)
        self.status_combo.blockSignals(False)

    def current_filter(self):
        """The ``ActionFilter`` the filter bar describes."""
        from ...services.actions import ActionFilter

        status = self.status_combo.currentData()
        return ActionFilter(
            statuses=frozenset({status}) if status is not None else frozenset(),
            open_only=self.open_only.isChecked(),
            overdue_on=self.today() if self.late_only.isChecked() else None,
            search=self.search_edit.text(),
        )

    def load(self, database) -> None:
        super().load(database)
        self._fill_statuses()
        self.reload()

    def reload(self) -> None:
        """Query the service with the current filter and sort."""
        from ...services.actions import list_action_items

        self._search_timer.stop()
        if self.database is None:
            return
        with self.database.session() as session:
            rows = list_action_items(session, self.current_filter(), sort=self.sort_key, descending=self.descending)
        self.model.set_rows(rows, today=self.today())
        self.fit_columns_once(self.view, main_column=ActionTableModel.TEXT, max_width=220)
        late = sum(1 for r in rows if self.model.is_late(r))
        text = self.tr("1 actie") if len(rows) == 1 else arg(self.tr("%1 acties"), len(rows))
        if late:
            text = arg(self.tr("%1, waarvan %2 te laat"), text, late)
        self.count_label.setText(text)

    def _header_sort(self, column: int, order: Qt.SortOrder) -> None:
        if not (0 <= column < len(ActionTableModel.SORT_KEYS)):
            return
        self.sort_key = ActionTableModel.SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.count_label.clear()
