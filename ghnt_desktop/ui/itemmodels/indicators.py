"""Table models of the Indicatoren page: the list per actielijn and the entry grid (periods x gemeenten).

Both are ``QAbstractTableModel``s over plain service data (``services.indicators``): the list over
``SectionIndicators`` groups, the grid over ``IndicatorDetail``s. The grid never writes: ``setData`` reads what was
typed (``services.figure_values.parse_cell``: "1.620", "12,5", "1.620*" voorlopig, "." onbekend, empty to clear)
and asks the page to save it through the undo stack (``edit_requested``); text that is no figure is refused with a
Dutch message (``input_refused``) before anything is saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ..i18n import arg
from .base import ROW_ROLE, Index
from .colors import LATE, muted

ON_TRACK_COLOUR = "#2e7d32"


def tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorModels", text)


def on_track_text(on_track: bool | None) -> str:
    return "" if on_track is None else tr("op koers") if on_track else tr("niet op koers")


# --------------------------------------------------------------------------------------------------
# The list per actielijn
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListEntry:
    """A line of the list: an actielijn heading (``row`` None) or an indicator under it."""

    title: str
    row: Any = None  # services.indicators.IndicatorRow


class IndicatorListModel(QAbstractTableModel):
    """Indicators grouped under their actielijn (an indicator linked to two shows under both)."""

    NAME, LATEST, TARGET, ON_TRACK = range(4)
    HEADERS = ("Indicator", "Laatste meting", "Streefwaarde", "Op koers")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[ListEntry] = []

    def set_groups(self, groups: Sequence[Any]) -> None:
        """``groups``: ``SectionIndicators`` in programme order."""
        self.beginResetModel()
        self._entries = []
        for group in groups:
            self._entries.append(ListEntry(group.title))
            self._entries.extend(ListEntry(group.title, row) for row in group.indicators)
        self.endResetModel()

    def entries(self) -> list[ListEntry]:
        return list(self._entries)

    def heading_rows(self) -> list[int]:
        return [i for i, e in enumerate(self._entries) if e.row is None]

    def row_of(self, indicator_id: uuid.UUID) -> int:
        """The first line of ``indicator_id``, or -1."""
        return next((i for i, e in enumerate(self._entries) if e.row is not None and e.row.id == indicator_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate("IndicatorListModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        row = entry.row
        if role == ROW_ROLE:
            return row
        if row is None:  # an actielijn heading across the row
            if role == Qt.ItemDataRole.DisplayRole:
                return entry.title if column == self.NAME else ""
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                name = " ".join(row.name.split())
                return f"{name}  ({tr('vertrouwelijk')})" if row.confidential else name
            if column == self.LATEST:
                return row.latest_text or tr("geen meting")
            if column == self.TARGET:
                return _target_text(row.comparison.target, row.comparison.target_interpolated, row.unit)
            if column == self.ON_TRACK:
                return on_track_text(row.comparison.on_track)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.ON_TRACK and row.comparison.on_track is not None:
                from PySide6.QtGui import QColor

                return QColor(ON_TRACK_COLOUR) if row.comparison.on_track else LATE
            if column == self.LATEST and row.latest is None:
                return muted()
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.name]
            if column == self.TARGET and row.comparison.target_interpolated:
                parts.append(tr("Tussenwaarde op de lijn van de nulmeting naar de volgende streefwaarde."))
            if row.section_titles:
                parts.append(", ".join(row.section_titles))
            if row.latest is not None and row.latest.provisional:
                parts.append(tr("De laatste meting is voorlopig."))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.LATEST, self.TARGET):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].row is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading is not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _target_text(target, interpolated: bool, unit) -> str:
    from decimal import Decimal

    from ...services.figure_values import format_value

    if target is None:
        return ""
    if interpolated:  # a point on the line to a later streefwaarde (the tooltip says so)
        return f"≈ {format_value(target.quantize(Decimal('0.1')), unit)}"
    return format_value(target, unit)


# --------------------------------------------------------------------------------------------------
# The entry grid
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridRow:
    """One line of the grid: a period of an indicator."""

    indicator_id: uuid.UUID
    name: str
    unit: Any  # IndicatorUnit
    period: Any  # services.figure_values.Period
    first: bool  # the first line of its indicator (the name is shown there)
    confidential: bool = False


def period_key(period: Any) -> tuple[int, str, int]:
    """A cheap dictionary key of a period (hashing the dataclass costs more; the grid looks up every cell drawn)."""
    return (period.year, period.kind.value, period.part)


@dataclass(frozen=True)
class GridIndicator:
    """What the grid needs of an indicator: its name, unit, nulmeting and every value (area and gemeenten)."""

    id: uuid.UUID
    name: str
    unit: Any  # IndicatorUnit
    confidential: bool
    baseline: Any  # services.indicators.Baseline | None
    values: tuple[Any, ...]  # services.indicators.PeriodValue


def grid_indicator(detail: Any) -> GridIndicator:
    """The grid's view of an ``IndicatorDetail``."""
    values = [p.value for p in detail.series] + [p.value for m in detail.municipalities for p in m.points]
    return GridIndicator(detail.id, detail.name, detail.unit, detail.confidential, detail.baseline, tuple(values))


def grid_indicators(session: Any, rows: Sequence[Any]) -> list[GridIndicator]:
    """The grid's indicators for list rows (``IndicatorRow``), with all their values read in one query.

    ``get_indicator`` per indicator compares every value with every earlier one, which the grid does not show:
    50 indicators x 10 years x 30 gemeenten took 3 s that way. This reads the values in one query through the
    service's reader instead (``services.indicators.measurement_values``).
    """
    from ...services.indicators import measurement_values

    values = measurement_values(session, [row.id for row in rows])
    return [GridIndicator(r.id, r.name, r.unit, r.confidential, r.baseline, tuple(values.get(r.id, ()))) for r in rows]


def grid_periods(detail: GridIndicator, today: date, *, years_back: int = 4) -> list[Any]:
    """The periods an indicator's grid lines show: every period measured, and every period of the kind it is
    mostly measured in (years, half years, quarters) from the nulmeting or first measurement (or ``years_back``
    years ago) up to today's, so the next figure has a line to go on."""
    from collections import Counter

    from ...models.enums import PeriodKind
    from ...services.figure_values import Period

    measured = [v.period for v in detail.values]
    kinds = Counter(p.kind for p in measured)
    kind = max(kinds, key=lambda k: (kinds[k], k is PeriodKind.YEAR)) if kinds else PeriodKind.YEAR
    years = [p.year for p in measured]
    if detail.baseline is not None and detail.baseline.period is not None:
        years.append(detail.baseline.period.year)
    last = max([today.year, *years])
    first = max(min(years, default=today.year - years_back), last - 30)  # a stray year 1900 never makes 500 lines
    periods = {period_key(p): p for p in measured}
    parts = {PeriodKind.YEAR: 1, PeriodKind.HALF_YEAR: 2, PeriodKind.QUARTER: 4}[kind]
    months = 12 // parts
    for year in range(first, last + 1):
        for part in range(1, parts + 1):
            period = Period(year) if kind is PeriodKind.YEAR else Period(year, kind, part)
            if year == today.year and (part - 1) * months + 1 > today.month:
                break  # not begun yet
            periods.setdefault(period_key(period), period)
    return [periods[k] for k in sorted(periods, key=lambda k: periods[k].sort_key)]


class EntryGridModel(QAbstractTableModel):
    """Rows: periods of indicators; columns: indicator, period, the whole area, then one per gemeente."""

    INDICATOR, PERIOD, AREA = 0, 1, 2
    FIRST_GEMEENTE = 3

    #: (GridRow, gemeente id or None, CellValue, PeriodValue there now or None): a typed value to save.
    edit_requested = Signal(object, object, object, object)
    #: (index, typed text, Dutch message): a text that is no figure; nothing was saved.
    input_refused = Signal(QModelIndex, str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._gemeenten: list[tuple[uuid.UUID, str]] = []
        self._indicators: dict[uuid.UUID, GridIndicator] = {}
        # PeriodValue per (year, kind, part, gemeente) of an indicator, made when its lines are first drawn: the
        # grid opens without sorting 15,500 values into cells of which it shows a few hundred.
        self._cells: dict[uuid.UUID, dict[tuple[int, str, int, uuid.UUID | None], Any]] = {}

    # Data in.

    def set_data(
        self, details: Sequence[GridIndicator], gemeenten: Sequence[tuple[uuid.UUID, str]], today: date
    ) -> None:
        """``details``: the indicators in list order (``grid_indicators``); ``gemeenten``: (id, name) columns."""
        self.beginResetModel()
        self._gemeenten = list(gemeenten)
        self._rows = []
        self._indicators = {}
        self._cells = {}
        for detail in details:
            self._add(detail, today)
        self.endResetModel()

    def _add(self, detail: GridIndicator, today: date) -> None:
        for number, period in enumerate(grid_periods(detail, today)):
            self._rows.append(GridRow(detail.id, detail.name, detail.unit, period, number == 0, detail.confidential))
        self._store(detail)

    def _store(self, detail: GridIndicator) -> None:
        self._indicators[detail.id] = detail
        self._cells.pop(detail.id, None)

    def _cell(self, row: GridRow, gemeente: uuid.UUID | None) -> Any:
        cells = self._cells.get(row.indicator_id)
        if cells is None:
            cells = self._cells[row.indicator_id] = {
                (v.period.year, v.period.kind.value, v.period.part, v.organisation_id): v
                for v in self._indicators[row.indicator_id].values
            }
        period = row.period
        return cells.get((period.year, period.kind.value, period.part, gemeente))

    def replace_indicator(self, detail: GridIndicator, today: date) -> None:
        """Show ``detail`` afresh (after an edit or its undo); its lines keep their place."""
        rows = [i for i, r in enumerate(self._rows) if r.indicator_id == detail.id]
        if not rows:
            return
        wanted = grid_periods(detail, today)
        have = [self._rows[i].period for i in rows]
        self._store(detail)
        added = [p for p in wanted if p not in have]
        if added:  # a new period (typed in a line added by hand, or imported): lines change, so reset
            self.beginResetModel()
            keep = sorted({period_key(p): p for p in [*have, *added]}.values(), key=lambda p: p.sort_key)
            new = [
                GridRow(detail.id, detail.name, detail.unit, p, n == 0, detail.confidential) for n, p in enumerate(keep)
            ]
            self._rows[rows[0] : rows[-1] + 1] = new
            self.endResetModel()
            return
        self.dataChanged.emit(self.index(rows[0], self.AREA), self.index(rows[-1], self.columnCount() - 1))

    def add_period(self, indicator_id: uuid.UUID, period: Any) -> int:
        """An empty line for ``period`` of an indicator (to type a half year or quarter in); its row number."""
        rows = [i for i, r in enumerate(self._rows) if r.indicator_id == indicator_id]
        if not rows:
            return -1
        for i in rows:
            if self._rows[i].period == period:
                return i
        first = self._rows[rows[0]]
        position = next((i for i in rows if self._rows[i].period.sort_key > period.sort_key), rows[-1] + 1)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, GridRow(indicator_id, first.name, first.unit, period, False, first.confidential))
        self.endInsertRows()
        if position == rows[0]:  # the new line is the first of its indicator: it carries the name now
            self._rows[position] = GridRow(indicator_id, first.name, first.unit, period, True, first.confidential)
            self._rows[position + 1] = GridRow(
                indicator_id, first.name, first.unit, first.period, False, first.confidential
            )
            self.dataChanged.emit(self.index(position, 0), self.index(position + 1, 0))
        return position

    # Reading back.

    def row_at(self, row: int) -> GridRow:
        return self._rows[row]

    def first_row_of(self, indicator_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.indicator_id == indicator_id), -1)

    def gemeente_at(self, column: int) -> uuid.UUID | None:
        """The gemeente of a value column; None for the whole area."""
        return None if column == self.AREA else self._gemeenten[column - self.FIRST_GEMEENTE][0]

    def value_at(self, index: Index) -> Any:
        """The ``PeriodValue`` shown in a value cell, or None."""
        if not index.isValid() or index.column() < self.AREA:
            return None
        row = self._rows[index.row()]
        return self._cell(row, self.gemeente_at(index.column()))

    # Qt's part.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_GEMEENTE + len(self._gemeenten)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.INDICATOR:
                return QCoreApplication.translate("EntryGridModel", "Indicator")
            if section == self.PERIOD:
                return QCoreApplication.translate("EntryGridModel", "Periode")
            if section == self.AREA:
                return QCoreApplication.translate("EntryGridModel", "Hele gebied")
            return _short(self._gemeenten[section - self.FIRST_GEMEENTE][1])
        if role == Qt.ItemDataRole.ToolTipRole and section >= self.AREA:
            if section == self.AREA:
                return QCoreApplication.translate("EntryGridModel", "De waarde voor de regio als geheel")
            return self._gemeenten[section - self.FIRST_GEMEENTE][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == self.INDICATOR:
            if role == Qt.ItemDataRole.DisplayRole:
                if not row.first:
                    return ""
                name = " ".join(row.name.split())
                return f"{name}  ({tr('vertrouwelijk')})" if row.confidential else name
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.name
            if role == ROW_ROLE:
                return row
            return None
        if column == self.PERIOD:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.period.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.period.long_label
            return None
        value = self._cell(row, self.gemeente_at(column))
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if value.unknown or value.value is None:
                return tr("onbekend")
            from ...services.figure_values import format_value

            return format_value(value.value, row.unit, provisional=value.provisional)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and value is not None and (value.provisional or value.unknown):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and value is not None and value.unknown:
            return muted()
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            parts = []
            if value.provisional:
                parts.append(tr("voorlopig"))
            if value.unknown:
                parts.append(tr("onbekend of geheim"))
            if value.note:
                parts.append(value.note)
            return "\n".join(parts) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= self.AREA:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A typed text: refused with a message when it is no figure, else handed to the page to save."""
        from ...services.figure_values import parse_cell

        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < self.AREA:
            return False
        text = "" if value is None else str(value)
        if text.strip() == (self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return False  # unchanged: nothing to save or undo
        cell = parse_cell(text)
        row = self._rows[index.row()]
        if cell.problem:
            self.input_refused.emit(QModelIndex(index), text, _refusal(cell.problem, row))
            return False
        if cell.empty and self.value_at(index) is None:
            return False
        self.edit_requested.emit(row, self.gemeente_at(index.column()), cell, self.value_at(index))
        return True


def edit_text(value: Any) -> str:
    """What an editor starts with: the figure as it is typed ("1.620", "12,5*", ".")."""
    from ...services.figure_values import format_number

    if value is None:
        return ""
    if value.unknown or value.value is None:
        return "."
    return format_number(value.value) + ("*" if value.provisional else "")


def _refusal(problem: str, row: GridRow) -> str:
    return arg(
        tr(
            "%1 (%2): %3 Typ een getal zoals 1.620 of 12,5; een * erachter voor voorlopig, een punt (.) voor "
            "onbekend. Leeg maken wist de waarde."
        ),
        row.name,
        row.period.label,
        problem,
    )


def _short(name: str) -> str:
    """A gemeente's column title without the word "Gemeente": "Gemeente Hilversum" -> "Hilversum"."""
    for prefix in ("Gemeente ", "gemeente "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name
