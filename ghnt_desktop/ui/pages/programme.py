"""Programma: the regional programme as a tree of sections, ambities and actions, with a detail pane."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from ..i18n import arg, enum_label
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.programme import ACTION, AMBITION, SECTION, ProgrammeTreeModel, section_title
from .base import PaddedDelegate, Page


class ProgrammePage(Page):
    """The programme tree; the selected row's full text and responsibility below it."""

    key = "programme"
    watches = ("programme", "actions")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Programma"), parent)
        chooser = QHBoxLayout()
        self.programme_label = QLabel(self.tr("Programma:"), self)
        self.programme_combo = QComboBox(self)
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_label.setBuddy(self.programme_combo)
        chooser.addWidget(self.programme_label)
        chooser.addWidget(self.programme_combo)
        chooser.addStretch(1)
        self.body().addLayout(chooser)

        self.model = ProgrammeTreeModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(PaddedDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.header().setStretchLastSection(False)
        self.view.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.empty_label = QLabel(self.tr("Deze database bevat nog geen programma."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.body().addWidget(self.empty_label)
        self.body().addWidget(self.splitter, 1)

        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.programme_combo.currentIndexChanged.connect(self._programme_chosen)

    def splitters(self):
        return {"main": self.splitter}

    def views(self):
        return {"tree": self.view}

    def load(self, database) -> None:
        from ...services.programme import list_programmes

        super().load(database)
        previous = self.programme_combo.currentData()
        with database.session() as session:
            programmes = list_programmes(session)
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        for summary in programmes:
            self.programme_combo.addItem(summary.display_name, summary.id)
        index = max(self.programme_combo.findData(previous), 0) if previous is not None else 0
        self.programme_combo.setCurrentIndex(index if programmes else -1)
        self.programme_combo.blockSignals(False)
        several = len(programmes) > 1
        self.programme_label.setVisible(several)
        self.programme_combo.setVisible(several)
        self._load_tree()

    def _programme_chosen(self, _index: int) -> None:
        self._load_tree()

    def _load_tree(self) -> None:
        from ...services.programme import load_programme

        tree = None
        if self.database is not None and self.programme_combo.count():
            with self.database.session() as session:
                tree = load_programme(session, self.programme_combo.currentData())
        self.model.set_tree(tree)
        self.empty_label.setVisible(tree is None)
        self.splitter.setVisible(tree is not None)
        if tree is None:
            self.count_label.clear()
            self.details.clear()
            return
        self.view.expandAll()
        self._fit_tree()
        counts = self.model.counts()
        self.count_label.setText(arg(self.tr("%1 ambities, %2 acties"), counts[AMBITION], counts[ACTION]))
        self.title_label.setText(tree.programme.display_name)
        self.view.setCurrentIndex(self.model.index(0, 0))

    def _fit_tree(self) -> None:
        header = self.view.header()
        if id(self.view) in self._sized_views:
            return
        if not self.view.isVisible():
            self._pending_fits[id(self.view)] = self._fit_tree
            return
        self._pending_fits.pop(id(self.view), None)
        self._sized_views.add(id(self.view))
        metrics = header.fontMetrics()
        caps = {
            ProgrammeTreeModel.CODE: 170,
            ProgrammeTreeModel.RESPONSIBLE: 240,
            ProgrammeTreeModel.TREKKER: 220,
            ProgrammeTreeModel.DEADLINE: 180,
            ProgrammeTreeModel.STATUS: 130,
        }
        for column, cap in caps.items():
            self.view.resizeColumnToContents(column)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(
                column, max(metrics.horizontalAdvance(title) + 28, min(header.sectionSize(column) + 12, cap))
            )
        # The description takes the rest of the width (at least a readable 300 px).
        room = self.view.viewport().width() - sum(header.sectionSize(c) for c in caps) - 4
        header.resizeSection(ProgrammeTreeModel.TEXT, max(300, room))

    def clear(self) -> None:
        super().clear()
        self.model.set_tree(None)
        self.programme_combo.clear()
        self.details.clear()
        self.count_label.clear()
        self.title_label.setText(self.tr("Programma"))

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        kind = current.data(ProgrammeTreeModel.KIND_ROLE)
        row = current.data(ROW_ROLE)
        self.details.setHtml(self.details_html(kind, row))

    def details_html(self, kind: str, row) -> str:
        """The full text of a section, ambition or action as the detail pane shows it."""
        esc = html.escape
        parts: list[str] = []
        if kind == SECTION:
            parts.append(f"<h3>{esc(section_title(row))}</h3>")
            counts = arg(self.tr("Ambities: %1   Acties: %2"), len(row.ambitions), row.action_count)
            parts.append(f"<p>{esc(counts)}</p>")
            return "".join(parts)
        label = self.tr("Ambitie") if kind == AMBITION else self.tr("Actie")
        parts.append(f"<h3>{esc(label)} {esc(row.code)}</h3>")
        parts.append("<p>" + "<br>".join(esc(line) for line in row.text.splitlines()) + "</p>")
        lines = []
        if row.responsibility.responsible:
            lines.append(arg(self.tr("Verantwoordelijke partijen: %1"), ", ".join(row.responsibility.responsible)))
        if row.responsibility.trekkers:
            lines.append(arg(self.tr("Trekker: %1"), ", ".join(row.responsibility.trekkers)))
        if kind == ACTION:
            if row.responsibility.is_empty:
                pass
            elif not row.overrides_responsibility:
                lines.append(self.tr("(overgenomen van de ambitie)"))
            if row.deadline_text:
                lines.append(arg(self.tr("Planning: %1"), row.deadline_text))
            lines.append(arg(self.tr("Status: %1"), enum_label(row.status)))
            if row.working_group_name:
                lines.append(arg(self.tr("Werkgroep: %1"), row.working_group_name))
        elif row.reference:
            lines.append(row.reference)
        if lines:
            parts.append("<p>" + "<br>".join(esc(line) for line in lines) + "</p>")
        return "".join(parts)
