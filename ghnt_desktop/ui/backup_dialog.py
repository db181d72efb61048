"""Reservekopie terugzetten: the backups of a database with date, kind and contents, one to pick.

Used from the Bestand menu on the open database, and from the message shown when a database cannot
be opened (damaged, wrong file, too new): there the damaged file is replaced by the chosen backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import arg


class RestoreBackupDialog(QDialog):
    """Lists ``backup.list_backups(path)``; ``chosen()`` is the picked ``BackupInfo`` after ``exec()``."""

    def __init__(self, database_path: Path, parent: QWidget | None = None) -> None:
        from ..backup import backup_dir, list_backups

        super().__init__(parent)
        self.setWindowTitle(self.tr("Reservekopie terugzetten"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.backups = list_backups(database_path)
        intro = QLabel(
            arg(
                self.tr(
                    "Kies de reservekopie die %1 moet vervangen. Het huidige bestand wordt eerst apart "
                    "bewaard in %2, zodat ook deze stap terug te draaien is."
                ),
                database_path.name,
                backup_dir(database_path),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Reservekopieën"))
        for info in self.backups:
            item = QListWidgetItem(info.label())
            item.setData(Qt.ItemDataRole.UserRole, info)
            if not info.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        if not self.backups:
            layout.addWidget(QLabel(self.tr("Er zijn nog geen reservekopieën van deze database.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("Terugzetten"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda item, _old: self.restore_button.setEnabled(item is not None))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        first = next((i for i in range(self.list.count()) if self.backups[i].usable), None)
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
