"""Werkgroepen: name, theme, actielijn, chair and number of members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ..i18n import arg
from ..itemmodels.network import WorkingGroupTableModel
from .base import Page, make_table_view


class WorkingGroupsPage(Page):
    """The working groups of the network."""

    key = "working_groups"
    watches = ("network",)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Werkgroepen"), parent)
        self.today = today
        self.model = WorkingGroupTableModel(self)
        self.view = make_table_view(self.model, self, stretch_last=False)
        self.view.horizontalHeader().setSortIndicator(WorkingGroupTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.body().addWidget(self.view, 1)

    def views(self):
        return {"table": self.view}

    def load(self, database) -> None:
        from ...services.network import list_working_groups

        super().load(database)
        with database.session() as session:
            rows = list_working_groups(session, today=self.today())
        self.model.set_rows(rows)
        self.fit_columns_once(self.view, main_column=WorkingGroupTableModel.THEME)
        n = len(rows)
        self.count_label.setText(self.tr("1 werkgroep") if n == 1 else arg(self.tr("%1 werkgroepen"), n))

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.count_label.clear()
