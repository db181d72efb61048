"""Table models of what a meeting produced: the besluitenlijst and the actielijst (and toezeggingen)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...dutch_dates import short_date
from ..i18n import arg, enum_label
from .base import RowTableModel, provisional_number, provisional_tip
from .colors import LATE, muted

if TYPE_CHECKING:
    from ...services.minutes import ActionItemRow, DecisionRow


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


class _ProvisionalNumbers:
    """Numbers given in an offline copy (``provisional``: their ids, set before the rows) say "(voorlopig)", with
    a tooltip that says why."""

    provisional: frozenset = frozenset()

    def number_text(self, row: Any) -> str:
        return provisional_number(row.number) if row.id in self.provisional else row.number

    def number_tip(self, row: Any) -> str | None:
        return provisional_tip() if row.id in self.provisional else None


class DecisionTableModel(_ProvisionalNumbers, RowTableModel["DecisionRow"]):
    """Decisions: number, text, agenda item, escalation and its outcome."""

    NUMBER, ITEM, TEXT, ESCALATION, OUTCOME = range(5)
    KEY_COLUMNS = (NUMBER,)
    FOLDABLE_COLUMNS = (OUTCOME, ESCALATION, ITEM)
    HEADERS = (
        QT_TRANSLATE_NOOP("DecisionTableModel", "Nummer"),
        QT_TRANSLATE_NOOP("DecisionTableModel", "Punt"),
        QT_TRANSLATE_NOOP("DecisionTableModel", "Besluit"),
        QT_TRANSLATE_NOOP("DecisionTableModel", "Bestuurlijk overleg"),
        QT_TRANSLATE_NOOP("DecisionTableModel", "Uitkomst"),
    )

    def display(self, row: DecisionRow, column: int) -> str:
        if column == self.NUMBER:
            return self.number_text(row)
        if column == self.ITEM:
            return row.agenda_item_number
        if column == self.TEXT:
            text = _first_line(row.text)
            return f"{text}  ({self.tr('vertrouwelijk')})" if row.confidential else text
        if column == self.ESCALATION:
            if row.escalation.value == "none":
                return ""
            label = enum_label(row.escalation)
            if row.escalated_to_meeting_date is not None:
                label += f" ({short_date(row.escalated_to_meeting_date)})"
            return label
        if column == self.OUTCOME:
            outcome = _first_line(row.outcome)
            return f"{short_date(row.outcome_date)}: {outcome}" if outcome and row.outcome_date else outcome
        return ""

    def sort_value(self, row: DecisionRow, column: int) -> Any:
        if column == self.NUMBER:
            return (row.meeting_date, row.number)
        return super().sort_value(row, column)

    def tooltip(self, row: DecisionRow, column: int) -> str | None:
        if column == self.NUMBER:
            return self.number_tip(row)
        if column == self.TEXT:
            return row.text
        if column == self.OUTCOME and row.outcome:
            return row.outcome
        return None


class ActionItemTableModel(_ProvisionalNumbers, RowTableModel["ActionItemRow"]):
    """Action items: number, action, trekker, deadline, status, times postponed, where it comes from."""

    NUMBER, TEXT, TREKKER, DEADLINE, STATUS, POSTPONED, ORIGIN = range(7)
    KEY_COLUMNS = (NUMBER, DEADLINE, STATUS)
    FOLDABLE_COLUMNS = (ORIGIN, POSTPONED, TREKKER)
    HEADERS = (
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Nummer"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Actie"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Trekker"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Deadline"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Status"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Uitgesteld"),
        QT_TRANSLATE_NOOP("ActionItemTableModel", "Herkomst"),
    )
    NUMERIC_COLUMNS = frozenset({POSTPONED})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reference: date | None = None  # the meeting's date: deadlines before it are late

    def display(self, row: ActionItemRow, column: int) -> str:
        if column == self.NUMBER:
            return self.number_text(row)
        if column == self.TEXT:
            text = _first_line(row.text)
            return f"{text}  ({self.tr('vertrouwelijk')})" if row.confidential else text
        if column == self.TREKKER:
            return row.trekker
        if column == self.DEADLINE:
            if row.deadline_text and row.deadline is not None and row.deadline_text != short_date(row.deadline):
                return f"{row.deadline_text} ({short_date(row.deadline)})"
            return row.deadline_text or short_date(row.deadline)
        if column == self.STATUS:
            label = enum_label(row.status)
            if self.is_late(row):  # said in words too, not only in red
                return arg(QCoreApplication.translate("ActionTableModel", "%1 (te laat)"), label)
            return label
        if column == self.POSTPONED:
            return str(row.times_postponed) if row.times_postponed else ""
        if column == self.ORIGIN:
            if row.new_at_meeting:
                return self.tr("nieuw")
            return short_date(row.origin_meeting_date)
        return ""

    def sort_value(self, row: ActionItemRow, column: int) -> Any:
        if column == self.DEADLINE:
            return row.deadline
        if column == self.POSTPONED:
            return row.times_postponed
        if column == self.ORIGIN:
            return row.origin_meeting_date
        return super().sort_value(row, column)

    def is_late(self, row: ActionItemRow) -> bool:
        return (
            self.reference is not None
            and row.deadline is not None
            and row.deadline < self.reference
            and not row.status.is_closed
        )

    def foreground(self, row: ActionItemRow, column: int) -> Any:
        if row.status.is_closed:
            return muted()
        if column == self.DEADLINE and self.is_late(row):
            return LATE
        return None

    def tooltip(self, row: ActionItemRow, column: int) -> str | None:
        if column == self.NUMBER:
            return self.number_tip(row)
        if column == self.TEXT:
            parts = [row.text]
            if row.done_text:
                parts.append(self.tr("Gedaan: ") + row.done_text)
            if row.todo_text:
                parts.append(self.tr("Nog te doen: ") + row.todo_text)
            return "\n".join(parts)
        return None
