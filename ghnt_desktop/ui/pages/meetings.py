"""Overleggen: every meeting, by date, with the next one selected."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from ..i18n import arg
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.meetings import MeetingTableModel
from .base import Page, make_table_view


class MeetingsPage(Page):
    """The meetings list: date, time, kind, series, title, status."""

    key = "meetings"
    watches = ("meetings",)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Overleggen"), parent)
        self.today = today
        self.model = MeetingTableModel(self)
        self.view = make_table_view(self.model, self)
        self.view.horizontalHeader().setSortIndicator(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.model.sort(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.body().addWidget(self.view, 1)

    def views(self):
        return {"table": self.view}

    def load(self, database) -> None:
        from ...services.meetings import list_meetings

        super().load(database)
        with database.session() as session:
            rows = list_meetings(session)
        self.model.set_rows(rows, today=self.today())
        self.fit_columns_once(self.view, main_column=MeetingTableModel.TITLE)
        self._update_count()
        self.select_next_meeting()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("1 overleg") if n == 1 else arg(self.tr("%1 overleggen"), n))

    def select_next_meeting(self) -> None:
        """Select the first meeting from today on (else the last one) and scroll it into the middle."""
        if self.model.rowCount() == 0:
            return
        row = self.model.row_of(lambda r: r.id == self.model.next_meeting_id)
        if row < 0:
            row = self.model.rowCount() - 1
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_meeting(self):
        indexes = self.view.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None
