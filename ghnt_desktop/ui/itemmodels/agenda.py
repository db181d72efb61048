"""Table model of a meeting's agenda: number, clock time, title, purpose, inbrenger, minutes, stukken.

Rows are moved by drag and drop: the model does not move anything itself, it asks the agenda tab
(``move_requested``) to run the service through the undo stack, and reloads from the database after.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QMimeData, QModelIndex, Qt, QTimer, Signal

from ...dutch_dates import clock_time
from ..i18n import enum_label
from .base import Index, RowTableModel
from .colors import LATE, muted

if TYPE_CHECKING:
    from ...services.agenda import AgendaItemRow

AGENDA_MIME = "application/x-ghnt-agenda-item"


@dataclass(frozen=True)
class AgendaLine:
    """An agenda item with its clock times and the names of its guests."""

    item: AgendaItemRow
    start: time | None
    end: time | None
    guests: tuple[str, ...] = ()
    overruns: bool = False  # ends after the meeting's end time

    @property
    def id(self) -> uuid.UUID:
        return self.item.id


class AgendaTableModel(RowTableModel[AgendaLine]):
    """The agenda in its order; not sortable (the order is the agenda)."""

    NUMBER, TIME, TITLE, PURPOSE, INBRENGER, MINUTES, DOCUMENTS = range(7)
    KEY_COLUMNS = (NUMBER, TIME)
    FOLDABLE_COLUMNS = (DOCUMENTS, MINUTES, INBRENGER, PURPOSE)
    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaTableModel", "Nr."),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Tijd"),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Onderwerp"),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Doel"),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Inbrenger"),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Min."),
        QT_TRANSLATE_NOOP("AgendaTableModel", "Stukken"),
    )
    NUMERIC_COLUMNS = frozenset({NUMBER, MINUTES, DOCUMENTS})

    #: (item id, new 0-based index): a row was dropped at another place.
    move_requested = Signal(object, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.read_only = False

    def display(self, row: AgendaLine, column: int) -> str:
        item = row.item
        if column == self.NUMBER:
            return item.number
        if column == self.TIME:
            return f"{clock_time(row.start)}–{clock_time(row.end)}" if row.start and row.end else ""
        if column == self.TITLE:
            marks = []
            if item.confidential:
                marks.append(self.tr("vertrouwelijk"))
            if row.guests:
                marks.append(self.tr("gast: ") + ", ".join(row.guests))
            return item.title + (f"  ({'; '.join(marks)})" if marks else "")
        if column == self.PURPOSE:
            return enum_label(item.purpose)
        if column == self.INBRENGER:
            return item.inbrenger
        if column == self.MINUTES:
            return str(item.planned_minutes)
        if column == self.DOCUMENTS:
            count = len(item.documents) + len(item.stored_documents)
            return str(count) if count else ""
        return ""

    def sort_value(self, row: AgendaLine, column: int) -> Any:
        return row.item.position

    def tooltip(self, row: AgendaLine, column: int) -> str | None:
        if column == self.DOCUMENTS and (row.item.documents or row.item.stored_documents):
            lines = [f"{title} — {location}" if location else title for title, location in row.item.documents]
            lines += [title + self.tr(" (bewaard in de database)") for title in row.item.stored_documents]
            return "\n".join(lines)
        if column == self.TITLE:
            return row.item.title
        return None

    def foreground(self, row: AgendaLine, column: int) -> Any:
        if column == self.TIME and row.overruns:
            return LATE
        if row.item.standard_item and column in (self.PURPOSE, self.INBRENGER):
            return muted()
        return None

    # Drag and drop: the rows are the agenda's order.

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self.read_only else Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [AGENDA_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(AGENDA_MIME, QByteArray(str(self.row_at(rows[0]).id).encode()))
        return data

    def dropMimeData(self, data, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        """Ask for the move; return False so the view removes nothing itself."""
        if self.read_only or not data.hasFormat(AGENDA_MIME):
            return False
        try:
            item_id = uuid.UUID(bytes(data.data(AGENDA_MIME).data()).decode())
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        old = self.row_of(lambda r: r.id == item_id)
        if old < 0:
            return False
        new_index = row - 1 if row > old else row  # the row leaves its place before it is inserted
        new_index = max(0, min(new_index, self.rowCount() - 1))
        if new_index != old:
            # After the drop has finished: the move reloads (resets) this model.
            QTimer.singleShot(0, lambda: self.move_requested.emit(item_id, new_index))
        return False
