"""The status editor of tables: a combo box of Dutch status labels, saved through the model's ``setData``."""
# "Doorgeschoven" beside the statuses: a postponement (the action stays open, its count goes up), see
# ``services.minutes.progress_choice``.

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...models.enums import POSTPONE_CHOICE
from ..i18n import enum_label

# Status colours of the chart, the matrix and the legend: calm, distinguishable, and each with a text colour
# (dark or white, colors.text_on) at 4.5:1 or more (tests/test_ui_colours.py).
STATUS_COLOURS = {
    "done": QColor("#4f9d69"),
    "in_progress": QColor("#3f73b8"),  # white numbers on it: 4.8:1
    "not_started": QColor("#b8bec6"),
    "on_hold": QColor("#d9a441"),
    "cancelled": QColor("#8d8d8d"),
    "late": QColor("#c0492f"),  # white numbers on it: 5.0:1
}


def status_choices() -> list[tuple[str, str]]:
    """(value, Dutch label) of every action status, in workflow order."""
    from ...models.enums import ActionStatus

    order = (
        ActionStatus.NOT_STARTED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.ON_HOLD,
        ActionStatus.DONE,
        ActionStatus.CANCELLED,
    )
    return [(s.value, enum_label(s)) for s in order]


class StatusDelegate(QStyledItemDelegate):
    """Edits a status cell with a combo box; the model's EditRole gives and takes the status value.

    ``allow_empty`` adds "Niet gemeld" (value "") for cells where no status is a valid answer;
    ``allow_postpone`` adds "Doorgeschoven" (value ``POSTPONE_CHOICE``) for action items.
    """

    def __init__(
        self, parent: QWidget | None = None, *, allow_empty: bool = False, allow_postpone: bool = False
    ) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self.allow_postpone = allow_postpone

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        if self.allow_empty:
            combo.addItem(self.tr("Niet gemeld"), "")
        for value, label in status_choices():
            combo.addItem(label, value)
        if self.allow_postpone:
            combo.addItem(self.tr("Doorgeschoven"), POSTPONE_CHOICE)
            combo.setItemData(
                combo.count() - 1,
                self.tr("Uitgesteld naar later: de actie blijft open en telt als uitstel"),
                Qt.ItemDataRole.ToolTipRole,
            )
        # Choosing is the edit: commit at once instead of waiting for the editor to lose focus.
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        position = editor.findData(value)  # type: ignore[attr-defined]
        editor.setCurrentIndex(max(position, 0))  # type: ignore[attr-defined]

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]
