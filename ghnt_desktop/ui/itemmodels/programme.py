"""Tree model of the programme: sections, ambities and actions (sub-actions under their action).

The programme is small (tens to a few hundred rows), so the whole tree is built from the service's
``ProgrammeTree`` in one go on ``set_tree``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ..i18n import arg, enum_label
from .base import ROW_ROLE, SORT_ROLE
from .colors import muted

if TYPE_CHECKING:
    from ...services.programme import ProgrammeTree

Index = QModelIndex | QPersistentModelIndex

SECTION, AMBITION, ACTION = "section", "ambition", "action"


class Node:
    """One row of the tree: a section, ambition or action row and its children."""

    __slots__ = ("kind", "row", "parent", "children", "position")

    def __init__(self, kind: str, row: Any, parent: Node | None) -> None:
        self.kind = kind
        self.row = row
        self.parent = parent
        self.children: list[Node] = []
        self.position = 0

    def add(self, child: Node) -> Node:
        child.position = len(self.children)
        self.children.append(child)
        return child


def section_title(row) -> str:
    """A section's title with its kind when the title does not say it ("Visie" stays "Visie")."""
    if row.kind.value == "actielijn":
        return row.title
    label = enum_label(row.kind)
    return row.title if row.title.casefold().startswith(label.casefold()) else f"{label}: {row.title}"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class ProgrammeTreeModel(QAbstractItemModel):
    """Sections -> ambitions -> actions with code, text, responsibility, planning and status."""

    CODE, TEXT, RESPONSIBLE, TREKKER, DEADLINE, STATUS = range(6)
    # Read in full at 1366x768 (see RowTableModel.KEY_COLUMNS).
    KEY_COLUMNS = (CODE, STATUS)
    FOLDABLE_COLUMNS = (RESPONSIBLE, TREKKER, DEADLINE)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Code"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Omschrijving"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Verantwoordelijke partijen"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Trekker"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Planning"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Status"),
    )
    KIND_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = Node("root", None, None)
        self.tree: ProgrammeTree | None = None

    def set_tree(self, tree: ProgrammeTree | None) -> None:
        self.beginResetModel()
        self.tree = tree
        self._root = Node("root", None, None)
        if tree is not None:
            for section in tree.sections:
                s_node = self._root.add(Node(SECTION, section, self._root))
                for ambition in section.ambitions:
                    a_node = s_node.add(Node(AMBITION, ambition, s_node))
                    by_id: dict = {}
                    for action in ambition.actions:
                        parent = by_id.get(action.parent_id, a_node)
                        by_id[action.id] = parent.add(Node(ACTION, action, parent))
        self.endResetModel()

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def counts(self) -> dict[str, int]:
        """How many sections, ambitions and actions the tree holds."""
        result = {SECTION: 0, AMBITION: 0, ACTION: 0}
        stack = list(self._root.children)
        while stack:
            node = stack.pop()
            result[node.kind] += 1
            stack.extend(node.children)
        return result

    # Qt's part.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.position, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate("ProgrammeTreeModel", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(node, column)
        if role == ROW_ROLE:
            return node.row
        if role == self.KIND_ROLE:
            return node.kind
        if role == SORT_ROLE:
            return node.row.position if column == self.CODE else self.display(node, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return node.row.title if node.kind == SECTION else node.row.text
        if role == Qt.ItemDataRole.FontRole and node.kind == SECTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == ACTION:
            # Responsibility written on the ambition and only inherited here: shown, but muted.
            if column in (self.RESPONSIBLE, self.TREKKER) and not node.row.overrides_responsibility:
                return muted()
        return None

    def display(self, node: Node, column: int) -> str:
        row = node.row
        if node.kind == SECTION:
            if column == self.CODE:
                return row.code
            if column == self.TEXT:
                return section_title(row)
            if column == self.STATUS:
                if row.action_count == 1:
                    return QCoreApplication.translate("ProgrammeTreeModel", "1 actie")
                return arg(QCoreApplication.translate("ProgrammeTreeModel", "%1 acties"), row.action_count)
            return ""
        if column == self.CODE:
            return row.code
        if column == self.TEXT:
            return first_line(row.text)
        if column == self.RESPONSIBLE:
            return ", ".join(row.responsibility.responsible)
        if column == self.TREKKER:
            return ", ".join(row.responsibility.trekkers)
        if node.kind == ACTION:
            if column == self.DEADLINE:
                return row.deadline_text
            if column == self.STATUS:
                return enum_label(row.status)
        return ""
