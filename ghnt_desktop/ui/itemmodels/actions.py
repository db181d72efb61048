"""Table model of the action items list (Acties): sorted in SQL, late actions marked."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal

from ..i18n import arg, enum_label, format_date
from .base import RowTableModel
from .colors import LATE

if TYPE_CHECKING:
    from ...services.actions import ActionRow


class ActionTableModel(RowTableModel["ActionRow"]):
    """Action items; a header click asks the page to reload sorted by the service (``sort_requested``)."""

    NUMBER, TEXT, TREKKER, DEADLINE, STATUS, POSTPONED, SECTION = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("ActionTableModel", "Nummer"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Actie"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Trekker"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Deadline"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Status"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Uitgesteld"),
        QT_TRANSLATE_NOOP("ActionTableModel", "Actielijn"),
    )
    NUMERIC_COLUMNS = frozenset({POSTPONED})
    # The service's sort key per column (ghnt_desktop.services.actions.SORT_KEYS).
    # The origin meeting is in the number (AO-2024-2-A01: 2nd meeting of 2024) and in its tooltip.
    SORT_KEYS = ("number", "text", "trekker", "deadline", "status", "postponed", "section")

    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_rows(self, rows, today: date | None = None) -> None:  # type: ignore[override]
        self.today = today or date.today()
        super().set_rows(rows)

    def is_late(self, row: ActionRow) -> bool:
        return row.is_overdue(self.today)

    def display(self, row: ActionRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.TEXT:
            return " ".join(row.text.split())  # one line in the table; the tooltip has it as written
        if column == self.TREKKER:
            return row.trekker
        if column == self.DEADLINE:
            return format_date(row.deadline) if row.deadline else row.deadline_text
        if column == self.STATUS:
            label = enum_label(row.status)
            if self.is_late(row):
                return arg(QCoreApplication.translate("ActionTableModel", "%1 (te laat)"), label)
            return label
        if column == self.POSTPONED:
            return str(row.times_postponed) if row.times_postponed else ""
        if column == self.SECTION:
            return row.section_title
        return ""

    def sort_value(self, row: ActionRow, column: int) -> Any:
        if column == self.DEADLINE:
            return row.deadline
        if column == self.POSTPONED:
            return row.times_postponed
        if column == self.STATUS:
            return row.status.value
        return super().sort_value(row, column)

    def foreground(self, row: ActionRow, column: int) -> Any:
        return LATE if self.is_late(row) else None

    def tooltip(self, row: ActionRow, column: int) -> str | None:
        if column == self.TEXT:
            return row.text
        if column == self.DEADLINE and row.deadline and row.deadline_text:
            return row.deadline_text
        if column == self.NUMBER and row.origin_meeting_date:
            return arg(
                QCoreApplication.translate("ActionTableModel", "Uit %1 van %2"),
                row.origin_meeting_title,
                format_date(row.origin_meeting_date),
            )
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Big lists sort in SQL: ask the page to reload instead of sorting here."""
        if 0 <= column < len(self.SORT_KEYS):
            self.sort_requested.emit(self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
