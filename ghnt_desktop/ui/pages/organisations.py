"""Organisaties & personen: the organisations, and the people of the selected one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ..i18n import arg
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.network import OrganisationTableModel, PersonTableModel
from .base import Page, make_table_view


class OrganisationsPage(Page):
    """Organisations with kind and number of people; below, the people of the selected organisation."""

    key = "organisations"
    watches = ("network",)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Organisaties & personen"), parent)
        self.today = today
        self.organisations = OrganisationTableModel(self)
        self.people = PersonTableModel(self)
        self.organisation_view = make_table_view(self.organisations, self, stretch_last=False)
        self.organisation_view.horizontalHeader().setSortIndicator(
            OrganisationTableModel.NAME, Qt.SortOrder.AscendingOrder
        )
        self.people_view = make_table_view(self.people, self)
        self.people_view.horizontalHeader().setSortIndicator(PersonTableModel.NAME, Qt.SortOrder.AscendingOrder)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        self.people_label = QLabel(self.tr("Personen"))
        bold = QFont(self.people_label.font())
        bold.setBold(True)
        self.people_label.setFont(bold)
        lower_layout.addWidget(self.people_label)
        lower_layout.addWidget(self.people_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.organisation_view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.body().addWidget(self.splitter, 1)
        self.organisation_view.selectionModel().selectionChanged.connect(self._organisation_changed)

    def splitters(self):
        return {"main": self.splitter}

    def views(self):
        return {"organisations": self.organisation_view, "people": self.people_view}

    def load(self, database) -> None:
        from ...services.network import list_organisations

        super().load(database)
        previous = self.selected_organisation()
        with database.session() as session:
            rows = list_organisations(session)
        self.organisations.set_rows(rows)
        self.fit_columns_once(self.organisation_view, main_column=OrganisationTableModel.NAME)
        n = len(rows)
        self.count_label.setText(self.tr("1 organisatie") if n == 1 else arg(self.tr("%1 organisaties"), n))
        row = self.organisations.row_of(lambda r: previous is not None and r.id == previous.id)
        self.organisation_view.selectRow(max(row, 0))
        if not rows:
            self._show_people(None)

    def clear(self) -> None:
        super().clear()
        self.organisations.set_rows([])
        self.people.set_rows([])
        self.count_label.clear()

    def selected_organisation(self):
        model = self.organisation_view.selectionModel()
        indexes = model.selectedRows() if model else []
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _organisation_changed(self, *_args) -> None:
        self._show_people(self.selected_organisation())

    def _show_people(self, organisation) -> None:
        from ...services.network import list_people

        if organisation is None or self.database is None:
            self.people.set_rows([])
            self.people_label.setText(self.tr("Personen"))
            return
        with self.database.session() as session:
            rows = list_people(session, organisation_id=organisation.id)
        self.people.today = self.today()
        self.people.set_rows(rows)
        self.fit_columns_once(self.people_view)
        self.people_label.setText(arg(self.tr("Personen van %1 (%2)"), organisation.name, len(rows)))
