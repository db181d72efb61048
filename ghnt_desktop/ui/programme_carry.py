"""Programma > Meer > Onafgeronde acties meenemen: review the unfinished actions of another programme and copy
the ticked ones into the current programme (``services.programme_carry``), as one undoable step."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import arg, enum_label


def tr(text: str) -> str:
    return QCoreApplication.translate("CarryDialog", text)


class CarryDialog(QDialog):
    """The unfinished actions of a source programme with checkboxes; Meenemen copies the ticked ones."""

    def __init__(self, window, target_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..services.programme import list_programmes

        self.window_ = window
        self.target_id = target_id
        self.result_ = None
        self.setWindowTitle(tr("Onafgeronde acties meenemen"))
        with window.database.session() as session:
            programmes = [p for p in list_programmes(session) if p.id != target_id]
            target = next((p for p in list_programmes(session) if p.id == target_id), None)
        self.source = QComboBox(self)
        for summary in programmes:
            self.source.addItem(summary.display_name, summary.id)
        source_label = QLabel(tr("&Uit programma:"), self)
        source_label.setBuddy(self.source)
        intro = QLabel(
            arg(
                tr("De aangevinkte acties worden gekopieerd naar <b>%1</b>, onder dezelfde actielijn en ambitie, met "
                   "hun status, planning, werkgroep, trekkers en labels. Het oude programma blijft zoals het was."),
                target.display_name if target is not None else "",
            ),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Code"), tr("Actie"), tr("Status"), tr("Planning")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(0, 140)
        self.tree.setColumnWidth(2, 110)
        self.tree.setColumnWidth(3, 150)
        self.count_label = QLabel(self)
        self.all_button = QPushButton(tr("&Alles aanvinken"), self)
        self.none_button = QPushButton(tr("&Niets aanvinken"), self)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(source_label)
        top.addWidget(self.source, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        ticks.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(ticks)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self.source.currentIndexChanged.connect(self.load)
        self.tree.itemChanged.connect(lambda *_: self._count())
        self.load()

    def load(self) -> None:
        from ..services.programme_carry import carry_candidates

        self.tree.clear()
        source_id = self.source.currentData()
        if source_id is None:
            self._count()
            return
        with self.window_.database.session() as session:
            candidates = carry_candidates(session, source_id, self.target_id)
        self.tree.blockSignals(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for c in candidates:
            parent = sections.get(c.section_title)
            if parent is None:
                parent = sections[c.section_title] = QTreeWidgetItem([c.section_title])
                parent.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
            item = QTreeWidgetItem([c.code, c.text, enum_label(c.status), c.deadline_text])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(1, f"{c.ambition_text}\n\n{c.text}")
            if c.already_carried:
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setDisabled(True)
                item.setToolTip(0, tr("Staat al in het huidige programma"))
                item.setText(2, tr("al meegenomen"))
            else:
                item.setCheckState(0, Qt.CheckState.Checked)
            parent.addChild(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._count()

    def _items(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(i).child(j)
            for i in range(self.tree.topLevelItemCount())
            for j in range(self.tree.topLevelItem(i).childCount())
        ]

    def chosen(self) -> list[uuid.UUID]:
        return [
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked and not item.isDisabled()
        ]

    def _tick_all(self, on: bool) -> None:
        for item in self._items():
            if not item.isDisabled():
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        total = sum(1 for item in self._items() if not item.isDisabled())
        chosen = len(self.chosen())
        self.count_label.setText(arg(tr("%1 van %2 onafgeronde acties aangevinkt"), chosen, total))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(arg(tr("%1 acties &meenemen"), chosen))
        ok.setEnabled(chosen > 0)

    def accept(self) -> None:
        from ..services.programme_carry import carry_actions, undo_carry
        from .undo import ServiceCommand, push

        source_id, target_id, chosen = self.source.currentData(), self.target_id, self.chosen()
        if source_id is None or not chosen:
            return
        command = ServiceCommand(
            self.window_,
            arg(tr("%1 acties meenemen"), len(chosen)),
            do=lambda s: carry_actions(s, source_id, target_id, chosen),
            undo=lambda s, result: undo_carry(s, result),
        )
        if push(self.window_, command):
            self.result_ = command.result
            self.window_.show_status(
                arg(tr("%1 acties meegenomen in het huidige programma (Ctrl+Z maakt dit ongedaan)."),
                    command.result.carried)
            )  # fmt: skip
            super().accept()
