"""Table model of the meetings list (Overleggen)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont

from ...dutch_dates import clock_time
from ..i18n import enum_label, format_date_with_weekday
from .base import RowTableModel
from .colors import muted

if TYPE_CHECKING:
    from ...services.meetings import MeetingRow


class MeetingTableModel(RowTableModel["MeetingRow"]):
    """Meetings: date, time, kind, series, title, status, location; the next meeting in bold.

    Sorting on the date (ascending) puts upcoming meetings first, nearest first, then past meetings, most
    recent first: the secretaris mostly works on the next overleg and the one just held.
    """

    DATE, TIME, KIND, SERIES, TITLE, STATE, LOCATION = range(7)
    KEY_COLUMNS = (DATE,)
    HEADERS = (
        QT_TRANSLATE_NOOP("MeetingTableModel", "Datum"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Tijd"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Soort"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Reeks"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Titel"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Status"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Locatie"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.next_meeting_id: uuid.UUID | None = None

    def set_rows(self, rows, today: date | None = None) -> None:  # type: ignore[override]
        self.today = today or date.today()
        upcoming = [r for r in rows if r.date >= self.today and r.state.value != "cancelled"]
        self.next_meeting_id = min(upcoming, key=lambda r: (r.date, r.start_time or r.date)).id if upcoming else None
        super().set_rows(rows)

    def display(self, row: MeetingRow, column: int) -> str:
        if column == self.DATE:
            return format_date_with_weekday(row.date)
        if column == self.TIME:
            return clock_time(row.start_time)
        if column == self.KIND:
            return enum_label(row.kind)
        if column == self.SERIES:
            return row.series_name
        if column == self.TITLE:
            return row.title
        if column == self.STATE:
            return enum_label(row.state)
        if column == self.LOCATION:
            return row.location
        return ""

    def sort_value(self, row: MeetingRow, column: int) -> Any:
        if column == self.DATE:
            start = row.start_time.hour * 60 + row.start_time.minute if row.start_time else -1
            if row.date >= self.today:
                return (0, row.date.toordinal(), start)
            # Past meetings after the upcoming ones, the most recent first (negated: later sorts earlier).
            return (1, -row.date.toordinal(), -start)
        if column == self.TIME:
            return clock_time(row.start_time) or None
        return super().sort_value(row, column)

    def font(self, row: MeetingRow, column: int) -> Any:
        if row.id == self.next_meeting_id:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def foreground(self, row: MeetingRow, column: int) -> Any:
        if row.state.value == "cancelled":
            return muted()
        return None
