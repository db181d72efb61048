"""Table model of the presentielijst: who, for which organisation, role, status and substitute."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..i18n import enum_label
from .base import RowTableModel
from .colors import AWAY, PRESENT, muted

if TYPE_CHECKING:
    from ...services.meetings import AttendanceRow


class AttendanceTableModel(RowTableModel["AttendanceRow"]):
    """Invitees in their order, guests for one agenda item last."""

    NAME, ORGANISATION, ROLE, STATUS, SUBSTITUTE, ITEM = range(6)
    KEY_COLUMNS = (NAME, STATUS)
    FOLDABLE_COLUMNS = (ITEM, SUBSTITUTE, ROLE, ORGANISATION)
    HEADERS = (
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Naam"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Organisatie"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Rol"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Status"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Vervangen door"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Alleen bij punt"),
    )

    def display(self, row: AttendanceRow, column: int) -> str:
        if column == self.NAME:
            return row.person_name or row.organisation_name
        if column == self.ORGANISATION:
            return row.organisation_name
        if column == self.ROLE:
            return enum_label(row.role)
        if column == self.STATUS:
            return enum_label(row.status)
        if column == self.SUBSTITUTE:
            return row.substitute_name
        if column == self.ITEM:
            return row.agenda_item_number
        return ""

    def sort_value(self, row: AttendanceRow, column: int) -> Any:
        return super().sort_value(row, column)

    def foreground(self, row: AttendanceRow, column: int) -> Any:
        if column != self.STATUS:
            return None
        value = row.status.value
        if value in ("present", "substituted"):
            return PRESENT
        if value == "absent":
            return AWAY
        if value == "invited":
            return muted()
        return None
