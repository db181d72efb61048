"""The shape every table model of the app shares (Vorta's pattern).

A subclass declares its columns as constants and ``HEADERS`` (marked for translation with
``QT_TRANSLATE_NOOP`` in the subclass's own context), and implements ``display`` and ``sort_value``.
``set_rows`` replaces the list inside a model reset; ``SORT_ROLE`` gives native values (dates,
numbers); ``ROW_ROLE`` gives the row dataclass. Sorting happens on the model's own list (or, for big
tables, in SQL by a subclass that overrides ``sort``), never through a ``QSortFilterProxyModel``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

RowT = TypeVar("RowT")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def provisional_number(number: str) -> str:
    """A decision or action number given in an offline copy, which may change on return: "AO-2026-4-08
    (voorlopig)" (``services.offline.provisional_ids`` says which; documents say it the same way)."""
    from ..i18n import arg

    return arg(QCoreApplication.translate("offline", "%1 (voorlopig)"), number)


def provisional_tip() -> str:
    return QCoreApplication.translate("offline", "Voorlopig nummer: wordt bij terugzetten definitief")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table over a list of frozen row dataclasses."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    # Columns whose values are numbers: right-aligned like a spreadsheet.
    NUMERIC_COLUMNS: ClassVar[frozenset[int]] = frozenset()
    # Columns a user must read in full (numbers, dates, statuses): never elided at 1366x768
    # (tests/test_ui_accessibility.py measures them against their cells).
    KEY_COLUMNS: ClassVar[tuple[int, ...]] = ()
    # Columns that fold away (the first listed first) when a narrow view cannot show the key columns whole;
    # their values move into the row's tooltip (ui.widgets.columns).
    FOLDABLE_COLUMNS: ClassVar[tuple[int, ...]] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._sort: tuple[int, bool] | None = None  # column, descending: re-applied on set_rows

    # The subclass's part.

    def display(self, row: RowT, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: RowT, column: int) -> Any:
        return self.display(row, column).casefold()

    def foreground(self, row: RowT, column: int) -> Any:
        return None

    def font(self, row: RowT, column: int) -> Any:
        return None

    def tooltip(self, row: RowT, column: int) -> str | None:
        return None

    # Rows.

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows, *self._sort) if self._sort is not None else list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, predicate) -> int:
        """The index of the first row for which ``predicate(row)`` is true, or -1."""
        for i, row in enumerate(self._rows):
            if predicate(row):
                return i
        return -1

    # Qt's part.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _sorted(self, rows: Sequence[RowT], column: int, descending: bool) -> list[RowT]:
        """``rows`` sorted on ``column``; empty values last whatever the order."""
        keyed = [(self.sort_value(r, column), r) for r in rows]
        present = [(k, r) for k, r in keyed if k not in (None, "")]
        missing = [r for k, r in keyed if k in (None, "")]
        present.sort(key=lambda pair: pair[0], reverse=descending)
        return [r for _, r in present] + missing

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the model's own list and keep that order when new rows arrive."""
        if not (0 <= column < len(self.HEADERS)):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted(old_rows, *self._sort)
        position = {id(r): i for i, r in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(position[id(old_rows[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
