"""Per gemeente: the matrix of actions that "Alle gemeenten" carry against municipalities and partners.

A tab of the Acties page. Each cell is one organisation's status of one action, edited in place (double-click)
and saved through the window's undo stack; an empty cell means nothing was reported yet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..i18n import arg, enum_label
from ..itemmodels.base import ROW_ROLE, Index
from ..itemmodels.colors import muted
from ..widgets.status import STATUS_COLOURS, StatusDelegate
from .base import make_table_view

ACTION_HEADER_WIDTH = 360


class LocalStatusModel(QAbstractTableModel):
    """Rows: actions; columns: the action, how many reported "gereed", then one column per organisation."""

    ACTION, DONE = 0, 1
    FIRST_ORGANISATION = 2
    KEY_COLUMNS = (DONE,)

    #: A cell was given another status: (MatrixAction, MatrixOrganisation, status value or "" to clear).
    cell_edit_requested = Signal(object, object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix = None
        self._actions: list = []
        self._organisations: list = []

    def set_matrix(self, matrix, *, gemeenten_only: bool = False) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._actions = list(matrix.actions) if matrix is not None else []
        organisations = list(matrix.organisations) if matrix is not None else []
        self._organisations = [o for o in organisations if o.is_gemeente] if gemeenten_only else organisations
        self.endResetModel()

    def organisation_at(self, column: int):
        return self._organisations[column - self.FIRST_ORGANISATION]

    def action_at(self, row: int):
        return self._actions[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_ORGANISATION + len(self._organisations)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._actions):
            # The action as the row's header: the view keeps it in sight while the organisations scroll by
            # (a frozen first column; the ACTION column holds the same for exports and tests).
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.data(self.index(section, self.ACTION), role)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return None
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < self.columnCount()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.ACTION:
                return QCoreApplication.translate("LocalStatusModel", "Actie")
            if section == self.DONE:
                return QCoreApplication.translate("LocalStatusModel", "Gereed")
            return self.organisation_at(section).short_name
        if role == Qt.ItemDataRole.ToolTipRole and section >= self.FIRST_ORGANISATION:
            return self.organisation_at(section).name
        return None

    def _cell(self, row: int, column: int):
        return self.matrix.cell(self._actions[row].id, self.organisation_at(column).id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._actions)):
            return None
        action = self._actions[index.row()]
        column = index.column()
        if column == self.ACTION:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{action.number}  {' '.join(action.text.split())}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                return arg(
                    QCoreApplication.translate("LocalStatusModel", "%1\n\nStatus in de regio: %2"),
                    action.text,
                    enum_label(action.status),
                )
            if role == ROW_ROLE:
                return action
            return None
        if column == self.DONE:
            counts = self.matrix.counts(action.id)
            done = sum(n for status, n in counts.items() if status.value == "done")
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{done}/{len(self._organisations)}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        cell = self._cell(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            return enum_label(cell.status) if cell else "-"
        if role == Qt.ItemDataRole.EditRole:
            return cell.status.value if cell else ""
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            colour = QColor(STATUS_COLOURS.get(cell.status.value, QColor("#cccccc")))
            colour.setAlpha(90)
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and cell is None:
            return muted()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            organisation = self.organisation_at(column).name
            if cell is None:
                return arg(QCoreApplication.translate("LocalStatusModel", "%1: nog niets gemeld"), organisation)
            text = f"{organisation}: {enum_label(cell.status)}"
            return f"{text}\n{cell.note}" if cell.note else text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= self.FIRST_ORGANISATION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A new status asks the widget to save it; the matrix is read again when it is saved."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < self.FIRST_ORGANISATION:
            return False
        value = str(value or "")
        if value == (self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return False
        self.cell_edit_requested.emit(self._actions[index.row()], self.organisation_at(index.column()), value)
        return True


class LocalStatusWidget(QWidget):
    """The matrix with a short explanation and a "gemeenten only" switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = None
        self.stale = True
        self._matrix = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.explanation = QLabel(
            self.tr(
                'Acties die "Alle gemeenten" dragen, met de stand per gemeente en partner. '
                "Dubbelklik op een cel om de status te wijzigen."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.gemeenten_only = QCheckBox(self.tr("Alleen gemeenten"), self)
        self.gemeenten_only.toggled.connect(self._show)
        bar.addWidget(self.explanation, 1)
        bar.addWidget(self.gemeenten_only)
        layout.addLayout(bar)
        self.model = LocalStatusModel(self)
        self.model.cell_edit_requested.connect(self._save)
        self.view = make_table_view(self.model, self, sortable=False, stretch_last=False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setItemDelegate(StatusDelegate(self.view, allow_empty=True))
        # The action stays in view while scrolling sideways through 20+ organisations: it is the row
        # header (which does not scroll horizontally), not a column.
        self.view.setColumnHidden(LocalStatusModel.ACTION, True)
        rows = self.view.verticalHeader()
        rows.setVisible(True)
        rows.setMaximumWidth(ACTION_HEADER_WIDTH)
        rows.setMinimumWidth(ACTION_HEADER_WIDTH)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.setAccessibleName(self.tr("Stand per gemeente"))
        layout.addWidget(self.view, 1)

    def load(self, database) -> None:
        from ...services.local_status import local_status_matrix

        self.database = database
        with database.read_session() as session:
            self._matrix = local_status_matrix(session)
        self.stale = False
        self._show()

    def _show(self) -> None:
        self.model.set_matrix(self._matrix, gemeenten_only=self.gemeenten_only.isChecked())
        header = self.view.horizontalHeader()
        header.resizeSection(LocalStatusModel.DONE, 70)
        metrics = header.fontMetrics()
        for column in range(LocalStatusModel.FIRST_ORGANISATION, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(96, metrics.horizontalAdvance(title) + 20))

    def clear(self) -> None:
        self.database = None
        self._matrix = None
        self.stale = True
        self.model.set_matrix(None)

    def _save(self, action, organisation, status: str) -> None:
        from ...services.local_status import set_local_status, undo_local_status
        from ..undo import ServiceCommand, push

        window = self.window()
        if not hasattr(window, "undo_stack"):
            return
        label = enum_label(_status(status)) if status else self.tr("niet gemeld")
        text = arg(self.tr("%1 bij %2: %3"), action.number, organisation.short_name, label)
        push(
            window,
            ServiceCommand(
                window,
                text,
                do=lambda s: set_local_status(s, action.kind, action.id, organisation.id, status or None),
                undo=undo_local_status,
            ),
        )


def _status(value: str):
    from ...models.enums import ActionStatus

    return ActionStatus(value)
