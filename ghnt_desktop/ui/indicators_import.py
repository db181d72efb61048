"""The preview of a figures import: what a file adds and changes, before anything is saved.

Shows ``services.indicators.FiguresPreview``: new indicators, values added, values changed (old and new, as a
reader writes them), and what could not be read. "Inlezen" saves; "Annuleren" leaves the database as it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .a11y import accessible
from .i18n import arg
from .itemmodels.base import Index
from .pages.base import make_table_view


class ChangeModel(QAbstractTableModel):
    """The lines of the preview: indicator, period, gemeente, old value, new value."""

    HEADERS = ("Indicator", "Periode", "Gemeente", "Nu", "Wordt")

    def __init__(self, changes, parent=None) -> None:
        super().__init__(parent)
        self._changes = list(changes)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChangeModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        change = self._changes[index.row()]
        area = change.area or QCoreApplication.translate("ChangeModel", "hele gebied")
        values = (change.indicator, change.period, area, change.old, change.new)
        return values[index.column()]


class FiguresPreviewDialog(QDialog):
    """Import preview with Inlezen / Annuleren."""

    def __init__(self, preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Cijfers importeren: voorbeeld"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(arg(self.tr("%1 (%2): %3."), preview.file_name, preview.kind, preview.summary()), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        if preview.new_indicators:
            new = accessible(QListWidget(self), self.tr("Nieuwe indicatoren"))
            for indicator in preview.new_indicators:
                new.addItem(" ".join(indicator.name.split()) + (f"  ({indicator.where})" if indicator.where else ""))
            self.tabs.addTab(new, arg(self.tr("Nieuwe indicatoren (%1)"), len(preview.new_indicators)))
        self.added_view = make_table_view(
            ChangeModel(preview.added, self), self, sortable=False, name=self.tr("Toegevoegde cijfers")
        )
        self.tabs.addTab(self.added_view, arg(self.tr("Toegevoegd (%1)"), len(preview.added)))
        self.changed_view = make_table_view(
            ChangeModel(preview.changed, self), self, sortable=False, name=self.tr("Gewijzigde cijfers")
        )
        self.tabs.addTab(self.changed_view, arg(self.tr("Gewijzigd (%1)"), len(preview.changed)))
        if preview.problems:
            problems = accessible(QListWidget(self), self.tr("Niet ingelezen"))
            problems.addItems(list(preview.problems))
            self.tabs.addTab(problems, arg(self.tr("Niet ingelezen (%1)"), len(preview.problems)))
        for view in (self.added_view, self.changed_view):
            view.resizeColumnsToContents()
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Inlezen"), QDialogButtonBox.ButtonRole.AcceptRole)
        if preview.nothing_to_do:
            self.import_button.setEnabled(False)
            self.summary.setText(self.summary.text() + " " + self.tr("Er is niets in te lezen: alles staat er al zo."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
