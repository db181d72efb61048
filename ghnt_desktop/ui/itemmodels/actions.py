"""Table models of the actions view (Acties): the action items list, the view over all actions, a progress history."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from ...dutch_dates import short_date
from ...models.enums import POSTPONE_CHOICE
from ...services.action_view import CLOSED_VALUES, PROGRAMME
from ..i18n import arg, enum_label
from .base import ROW_ROLE, SORT_ROLE, Index, RowTableModel, provisional_number, provisional_tip
from .colors import LATE, muted

if TYPE_CHECKING:
    from ...services.actions import ActionRow, HistoryRow


class ActionTableModel(RowTableModel["ActionRow"]):
    """Action items; a header click asks the page to reload sorted by the service (``sort_requested``)."""

    NUMBER, TEXT, TREKKER, DEADLINE, STATUS, POSTPONED, SECTION = range(7)
    KEY_COLUMNS = (NUMBER, DEADLINE, STATUS)
    FOLDABLE_COLUMNS = (SECTION, POSTPONED, TREKKER)
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
            return short_date(row.deadline) if row.deadline else row.deadline_text
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
                short_date(row.origin_meeting_date),
            )
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Big lists sort in SQL: ask the page to reload instead of sorting here."""
        if 0 <= column < len(self.SORT_KEYS):
            self.sort_requested.emit(self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)


# ---------------------------------------------------------------------------------------------------------------
# The actions view: action items and programme actions, filtered and sorted in the model's own list


class ActionViewModel(QAbstractTableModel):
    """Every action of the actions view, over plain tuples in ``ViewRow``'s field order.

    The model keeps all rows (``set_all_rows``) and shows the ones the current ``ViewFilter`` lets through, in
    the current sort. Filtering and sorting work on the list itself (``services.actions.filter_view`` and
    ``sort_view``: tens of milliseconds for 100,000 rows; a ``QSortFilterProxyModel`` needs seconds). The full
    list is re-sorted only when a filter changes after a sort, so each step costs at most one sort and one pass.
    ``data`` indexes into the tuple; display text is prepared when rows are loaded.

    Editing the status emits ``status_edit_requested``; the page saves it through the undo stack and hands the
    reloaded rows back with ``replace_rows``.
    """

    NUMBER, KIND, TEXT, TREKKER, DEADLINE, STATUS, POSTPONED, SECTION, GROUP, MEETING = range(10)
    KEY_COLUMNS = (NUMBER, DEADLINE, STATUS)
    FOLDABLE_COLUMNS = (MEETING, GROUP, SECTION, POSTPONED, KIND, TREKKER)
    HEADERS = (
        QT_TRANSLATE_NOOP("ActionViewModel", "Nummer"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Soort"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Actie"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Trekker"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Deadline"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Status"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Uitgesteld"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Actielijn"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Werkgroep"),
        QT_TRANSLATE_NOOP("ActionViewModel", "Overleg"),
    )
    SORT_KEYS = ("number", "kind", "text", "trekker", "deadline", "status", "postponed", "section", "group", "meeting")
    NUMERIC_COLUMNS = frozenset({POSTPONED})
    PROGRAMME_KIND = QT_TRANSLATE_NOOP("ActionViewModel", "Programma")

    #: The user chose another status in the Status column: (row, new ActionStatus value).
    status_edit_requested = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from ...services.action_view import F, ViewFilter, ViewRow

        self._f = F
        self._view_row = ViewRow._make
        self._all: list = []
        self._ids: set[str] = set()  # ids of all rows (has_id)
        self._rows: list = []
        self._late: int | None = None  # late_count of the shown rows, None until counted
        self._filter = ViewFilter()
        self._sort_key = "number"
        self._descending = False
        self._sorted: tuple[tuple[str, bool], list] | None = None
        # Every sort of all rows made so far, by (key, descending): a second click on a column costs no sort.
        self._sort_cache: dict[tuple[str, bool], list] = {}
        self.today = date.today()
        self._today_iso = self.today.isoformat()
        self._labels: dict[str, str] = {}
        self._fill_labels()
        # ids (hex, as the rows hold them) of action items numbered in this offline copy: "(voorlopig)"
        self.provisional: frozenset[str] = frozenset()

    def _fill_labels(self) -> None:
        from ...models.enums import ActionKind, ActionStatus

        self._labels = {s.value: enum_label(s) for s in ActionStatus}
        self._kind_labels = {k.value: enum_label(k) for k in ActionKind}
        self._late_template = QCoreApplication.translate("ActionTableModel", "%1 (te laat)")

    # Rows, filter and sort.

    def set_all_rows(self, rows: list, today: date | None = None) -> None:
        """Replace every row (a fresh load) and show them through the current filter and sort."""
        from ...services.action_view import sort_view

        self.today = today or date.today()
        self._today_iso = self.today.isoformat()
        self.beginResetModel()
        # Kept in number order: every other sort starts from it, so ties always come out the same way.
        self._all = sort_view(list(rows), "number")
        self._ids = {r[1] for r in self._all}
        self._sorted = None
        self._sort_cache = {}
        self._rows = self._visible()
        self._late = None
        self.endResetModel()

    def set_filter(self, view_filter) -> None:
        """Show the rows ``view_filter`` lets through."""
        self.beginResetModel()
        self._filter = view_filter
        self._rows = self._visible()
        self._late = None
        self.endResetModel()

    def current_filter(self):
        return self._filter

    def _sorted_all(self) -> list:
        """All rows in the current sort (kept until the sort or the rows change)."""
        from ...services.action_view import sort_view

        order = (self._sort_key, self._descending)
        if self._sorted is None or self._sorted[0] != order:
            rows = self._all if order == ("number", False) else self._sort_cache.get(order)
            if rows is None:
                rows = self._sort_cache[order] = sort_view(self._all, *order)
            self._sorted = (order, rows)
        return self._sorted[1]

    def _visible(self) -> list:
        from ...services.action_view import filter_view

        return filter_view(self._sorted_all(), self._filter, self.today)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on ``column`` in the model's own list, keeping the selection (persistent indexes)."""
        from ...services.action_view import filter_view, sort_view

        if not (0 <= column < len(self.SORT_KEYS)):
            return
        key, descending = self.SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        if self._filter.is_empty:
            self._rows = list(self._sorted_all())
        elif (key, descending) == ("number", False) or (key, descending) in self._sort_cache:
            # All rows were sorted this way before: one filter pass over that order.
            self._rows = filter_view(self._sorted_all(), self._filter, self.today)
        else:
            # Only the shown rows (from number order, for stable ties); all rows when the filter next changes.
            self._sorted = None
            shown = filter_view(self._all, self._filter, self.today)
            self._rows = sort_view(shown, key, descending)
        old = self.persistentIndexList()
        if old:
            # The few rows the selection points at, found by identity (list.index compares identity first).
            position: dict[int, int] = {}
            for i in old:
                if 0 <= i.row() < len(old_rows) and id(old_rows[i.row()]) not in position:
                    position[id(old_rows[i.row()])] = self._index_of(old_rows[i.row()])
            moved = [position.get(id(old_rows[i.row()]), -1) if 0 <= i.row() < len(old_rows) else -1 for i in old]
            self.changePersistentIndexList(old, [self.index(n, i.column()) for n, i in zip(moved, old, strict=True)])
        self.layoutChanged.emit()

    def _index_of(self, row) -> int:
        try:
            return self._rows.index(row)  # ids are unique, so equal means the same row
        except ValueError:
            return -1

    def sort_order(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def replace_rows(self, fresh: list) -> None:
        """Put reloaded versions of some rows in place (after an edit); shown rows stay shown until refiltered."""
        by_id = {r[1]: r for r in fresh}
        if not by_id:
            return
        lists = [self._all] + [rows for rows in self._sort_cache.values() if rows is not self._all]
        if self._sorted and all(self._sorted[1] is not rows for rows in lists):
            lists.append(self._sorted[1])
        for rows in lists:
            for i, r in enumerate(rows):
                if r[1] in by_id:
                    rows[i] = by_id[r[1]]
        last = self.columnCount() - 1
        for i, r in enumerate(self._rows):
            if r[1] in by_id:
                new = self._rows[i] = by_id[r[1]]
                if self._late is not None:
                    self._late += self.is_late(new) - self.is_late(r)
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def has_id(self, row_id: str) -> bool:
        return row_id in self._ids

    def rows(self) -> list:
        """The shown rows as ``ViewRow``s (the model keeps plain tuples: see ``load_action_view``)."""
        make = self._view_row
        return [make(r) for r in self._rows]

    def all_count(self) -> int:
        return len(self._all)

    def row_at(self, row: int):
        """The shown row number ``row`` as a ``ViewRow``."""
        return self._view_row(self._rows[row])

    def row_of(self, row_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r[1] == row_id:
                return i
        return -1

    def late_count(self) -> int:
        """How many shown rows are late: counted once per filter, then kept up to date by ``replace_rows``
        (counting 100,000 rows after every edit took 22 ms)."""
        if self._late is None:
            f, today, closed = self._f, self._today_iso, CLOSED_VALUES
            self._late = sum(
                1
                for r in self._rows
                if r[f.deadline] is not None and r[f.deadline] < today and r[f.status] not in closed
            )
        return self._late

    def is_late(self, row) -> bool:
        f = self._f
        return row[f.deadline] is not None and row[f.deadline] < self._today_iso and row[f.status] not in CLOSED_VALUES

    # Qt's part.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("ActionViewModel", self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, row, column: int) -> str:
        f = self._f
        if column == self.NUMBER:
            return provisional_number(row[f.number]) if row[f.id] in self.provisional else row[f.number]
        if column == self.KIND:
            if row[f.kind] == PROGRAMME:
                return QCoreApplication.translate("ActionViewModel", self.PROGRAMME_KIND)
            return self._kind_labels.get(row[f.action_kind], row[f.action_kind])
        if column == self.TEXT:
            text = " ".join(row[f.text].split())  # one line; the tooltip has it as written
            if row[f.confidential]:  # a text marker, never colour alone
                return arg(QCoreApplication.translate("ActionViewModel", "%1  (vertrouwelijk)"), text)
            return text
        if column == self.TREKKER:
            return row[f.trekker]
        if column == self.DEADLINE:
            return row[f.deadline_display]
        if column == self.STATUS:
            label = self._labels.get(row[f.status], row[f.status])
            return arg(self._late_template, label) if self.is_late(row) else label
        if column == self.POSTPONED:
            return str(row[f.times_postponed]) if row[f.times_postponed] else ""
        if column == self.SECTION:
            return row[f.section_title]
        if column == self.GROUP:
            return row[f.working_group_name]
        if column == self.MEETING:
            if not row[f.origin_meeting_id]:
                return ""
            return f"{format_iso(row[f.origin_meeting_date])} {row[f.origin_meeting_title]}".strip()
        return ""

    def sort_value(self, row, column: int) -> Any:
        f = self._f
        values = {
            self.NUMBER: f.number_key,
            self.TEXT: f.text_key,
            self.TREKKER: f.trekker_key,
            self.DEADLINE: f.deadline,
            self.STATUS: f.status,
            self.POSTPONED: f.times_postponed,
            self.SECTION: f.section_position,
            self.GROUP: f.working_group_name,
            self.MEETING: f.origin_meeting_date,
            self.KIND: f.action_kind,
        }
        return row[values[column]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _VIEW_ROLES:  # the view asks for font, decoration, size...: nothing to look up
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == self.STATUS:
            return row[self._f.status]
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_late(row):
                return LATE
            if column in (self.KIND, self.MEETING):
                return muted()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == ROW_ROLE:
            return self._view_row(row)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def tooltip(self, row, column: int) -> str | None:
        f = self._f
        if column == self.NUMBER and row[f.id] in self.provisional:
            return provisional_tip()
        if column == self.TEXT:
            return row[f.text]
        if column == self.DEADLINE and row[f.deadline_text] and row[f.deadline_text] != row[f.deadline_display]:
            return row[f.deadline_text]
        if column in (self.NUMBER, self.MEETING) and row[f.origin_meeting_id]:
            return arg(
                QCoreApplication.translate("ActionTableModel", "Uit %1 van %2"),
                row[f.origin_meeting_title],
                format_iso(row[f.origin_meeting_date]),
            )
        if column == self.STATUS:
            return QCoreApplication.translate("ActionViewModel", "Dubbelklik om de status te wijzigen")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.STATUS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A new status asks the page to save it (through the undo stack); the row changes when it is saved."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.STATUS:
            return False
        if not (0 <= index.row() < len(self._rows)):
            return False
        row = self._rows[index.row()]
        value = str(value)
        postpone = value == POSTPONE_CHOICE and row[self._f.kind] != PROGRAMME  # "Doorgeschoven": action items
        if not postpone and (value == row[self._f.status] or value not in self._labels):
            return False
        self.status_edit_requested.emit(self._view_row(row), value)
        return True


_VIEW_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
        SORT_ROLE,
    )
)


def format_iso(iso: str | None) -> str:
    """An ISO date string as Dutch documents write it: 05-03-2024."""
    return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}" if iso else ""


class HistoryModel(RowTableModel["HistoryRow"]):
    """The progress history of one action: date, meeting, status, what was done, what remains, postponements."""

    DATE, MEETING, STATUS, DONE, TODO, DEADLINE, AUTHOR = range(7)
    KEY_COLUMNS = (DATE, STATUS)
    FOLDABLE_COLUMNS = (AUTHOR, MEETING, DEADLINE)
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Datum"),
        QT_TRANSLATE_NOOP("HistoryModel", "Overleg"),
        QT_TRANSLATE_NOOP("HistoryModel", "Status"),
        QT_TRANSLATE_NOOP("HistoryModel", "Wat is gedaan"),
        QT_TRANSLATE_NOOP("HistoryModel", "Wat moet nog"),
        QT_TRANSLATE_NOOP("HistoryModel", "Deadline"),
        QT_TRANSLATE_NOOP("HistoryModel", "Door"),
    )

    def display(self, row: HistoryRow, column: int) -> str:
        if column == self.DATE:
            return short_date(row.date)
        if column == self.MEETING:
            if row.meeting_id is None:
                return QCoreApplication.translate("HistoryModel", "buiten een overleg")
            return f"{row.meeting_title} ({short_date(row.meeting_date)})" if row.meeting_date else row.meeting_title
        if column == self.STATUS:
            return enum_label(row.status)
        if column == self.DONE:
            return " ".join(row.done_text.split())
        if column == self.TODO:
            return " ".join(row.todo_text.split())
        if column == self.DEADLINE:
            new = short_date(row.new_deadline) if row.new_deadline else row.new_deadline_text
            if row.postponed and row.previous_deadline == row.new_deadline:
                # Doorgeschoven without a new date: counted as uitstel all the same.
                return arg(QCoreApplication.translate("HistoryModel", "doorgeschoven (%1)"), new or "-")
            if row.postponed:
                return arg(
                    QCoreApplication.translate("HistoryModel", "uitgesteld: %1 naar %2"),
                    short_date(row.previous_deadline),
                    new,
                )
            return new
        if column == self.AUTHOR:
            return row.author
        return ""

    def sort_value(self, row: HistoryRow, column: int) -> Any:
        if column == self.DATE:
            return row.date
        if column == self.MEETING:
            return row.meeting_date
        return super().sort_value(row, column)

    def foreground(self, row: HistoryRow, column: int) -> Any:
        if column == self.DEADLINE and row.postponed:
            return LATE
        if column == self.MEETING and row.meeting_id is None:
            return muted()
        return None

    def tooltip(self, row: HistoryRow, column: int) -> str | None:
        if column == self.DONE:
            return row.done_text or None
        if column == self.TODO:
            return row.todo_text or None
        return None
