"""Bestand > Actielijst importeren (Excel): a returned actielijst, or a list the region kept by hand.

The file is read in a worker (``ui/worker.py``); what happens next depends on what it is:

- A **returned actielijst** (exported by this app, with its hidden key column): one page shows every
  row with the value in the app beside the value in the file (status, deadline, stand van zaken),
  conflicts (changed in the app since the export), unknown and deleted rows flagged, and a checkbox per
  applicable row. "Toepassen" applies the checked rows in one transaction
  (``services.importing.apply_roundtrip``).
- An **existing list**: three steps. The proposed column mapping (a combo box per column to correct),
  the status mapping (each free-text status of the list to an app status, editable), and the rows as
  they will be created. "Importeren" creates them in one transaction
  (``services.importing.import_action_list``).

Every step that reads or writes runs off the GUI thread with a progress bar; a file that cannot be used
gets the Dutch message of ``imports.workbook.ImportFileError``. When something was saved the window's
pages refresh through ``window.apply_changes``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..dutch_dates import short_date
from .a11y import accessible
from .errors import show_error
from .i18n import arg, enum_label
from .itemmodels.base import RowTableModel
from .itemmodels.colors import CHANGED
from .worker import Task, check_cancelled, report_failure, start_task

if TYPE_CHECKING:
    from ..db import Database
    from ..imports.existing_list import ListItem, ListPreview, ListTable
    from ..imports.roundtrip import RoundTripPreview, RoundTripRow
    from ..imports.workbook import WorkbookData

Index = QModelIndex | QPersistentModelIndex

CONFLICT_BACKGROUND = QColor("#fde7c8")
UNKNOWN_BACKGROUND = QColor("#eeeeee")
CHANGED_VALUE = CHANGED


def _short(text: str, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------------
# Item models
# --------------------------------------------------------------------------------------------------


class RoundTripModel(RowTableModel["RoundTripRow"]):
    """The rows of a returned actielijst, app value beside file value, with a checkbox per applicable row."""

    NUMBER, TEXT, KIND, STATUS_APP, STATUS_FILE, DEADLINE_APP, DEADLINE_FILE, PROGRESS_APP, PROGRESS_FILE, NOTES = (
        range(10)
    )
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("RoundTripModel", "Nr."),
        QT_TRANSLATE_NOOP("RoundTripModel", "Actie"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Beoordeling"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Status in app"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Status in bestand"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Deadline in app"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Deadline in bestand"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Stand van zaken in app"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Stand van zaken in bestand"),
        QT_TRANSLATE_NOOP("RoundTripModel", "Opmerkingen"),
    )
    _FIELDS: ClassVar[dict[int, tuple[str, bool]]] = {
        STATUS_APP: ("status", False),
        STATUS_FILE: ("status", True),
        DEADLINE_APP: ("deadline", False),
        DEADLINE_FILE: ("deadline", True),
        PROGRESS_APP: ("progress", False),
        PROGRESS_FILE: ("progress", True),
    }

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()  # row keys: an action can stand on two rows of the file

    def set_preview_rows(self, rows, checked: set[str]) -> None:
        self.checked = set(checked)
        self.set_rows(rows)

    @staticmethod
    def _change(row: RoundTripRow, field: str):
        return next((c for c in row.changes if c.field == field), None)

    def display(self, row: RoundTripRow, column: int) -> str:
        if column == self.NUMBER:
            return row.number or "-"
        if column == self.TEXT:
            return _short(row.text, 120)
        if column == self.KIND:
            return self.tr_kind(row)
        if column in self._FIELDS:
            field, in_file = self._FIELDS[column]
            change = self._change(row, field)
            postponed = self._change(row, "postponed") if field == "status" else None
            if postponed is not None:
                # "Doorgeschoven": the status stays open, the count of postponements goes up.
                count = postponed.file_value if in_file else postponed.database_value
                shown = arg(self.tr("%1x uitgesteld"), count)
                if change is not None:
                    shown = f"{change.file_value if in_file else change.database_value}, {shown}"
                return shown
            if change is None:
                return ""
            return _short(change.file_value if in_file else change.database_value, 120)
        if column == self.NOTES:
            return " ".join(row.messages)
        return ""

    @staticmethod
    def tr_kind(row: RoundTripRow) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("RowKind", row.kind.label)

    def tooltip(self, row: RoundTripRow, column: int) -> str | None:
        if column in self._FIELDS:
            change = self._change(row, self._FIELDS[column][0])
            if change is not None:
                return change.file_value if self._FIELDS[column][1] else change.database_value
        if column == self.TEXT:
            return row.text
        if column == self.NOTES and row.messages:
            return "\n".join(row.messages)
        return None

    def foreground(self, row: RoundTripRow, column: int) -> Any:
        if column in self._FIELDS and self._FIELDS[column][1] and self._change(row, self._FIELDS[column][0]):
            return QBrush(CHANGED_VALUE)
        return None

    def font(self, row: RoundTripRow, column: int) -> Any:
        from ..imports.roundtrip import RowKind

        if column == self.KIND and row.kind in (RowKind.CONFLICT, RowKind.UNKNOWN, RowKind.MISSING):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        from ..imports.roundtrip import RowKind

        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.NUMBER:
            if not row.applicable:
                return None
            return Qt.CheckState.Checked if row.row_key in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.kind is RowKind.CONFLICT:
                return QBrush(CONFLICT_BACKGROUND)
            if row.kind in (RowKind.UNKNOWN, RowKind.MISSING):
                return QBrush(UNKNOWN_BACKGROUND)
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NUMBER and self.row_at(index.row()).applicable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != self.NUMBER:
            return False
        row = self.row_at(index.row())
        if not row.applicable or row.action_id is None:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(row.row_key)
        else:
            self.checked.discard(row.row_key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, checked: bool) -> None:
        """Tick (or clear) every applicable row shown."""
        for row in self.rows():
            if row.applicable and row.action_id is not None:
                if checked:
                    self.checked.add(row.row_key)
                else:
                    self.checked.discard(row.row_key)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.NUMBER),
                self.index(self.rowCount() - 1, self.NUMBER),
                [Qt.ItemDataRole.CheckStateRole],
            )


class ListItemModel(RowTableModel["ListItem"]):
    """The rows of an existing list as they will be created."""

    ROW, STATE, NUMBER, TEXT, SECTION, TREKKER, DEADLINE, STATUS, WARNINGS = range(9)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ListItemModel", "Regel"),
        QT_TRANSLATE_NOOP("ListItemModel", "Wordt"),
        QT_TRANSLATE_NOOP("ListItemModel", "Nr."),
        QT_TRANSLATE_NOOP("ListItemModel", "Actie"),
        QT_TRANSLATE_NOOP("ListItemModel", "Actielijn"),
        QT_TRANSLATE_NOOP("ListItemModel", "Trekker"),
        QT_TRANSLATE_NOOP("ListItemModel", "Deadline"),
        QT_TRANSLATE_NOOP("ListItemModel", "Status"),
        QT_TRANSLATE_NOOP("ListItemModel", "Let op"),
    )
    NUMERIC_COLUMNS = frozenset({ROW})

    def display(self, row: ListItem, column: int) -> str:
        from ..models import ActionStatus

        if column == self.ROW:
            return str(row.row_number)
        if column == self.STATE:
            if row.problems:
                return self.tr("niet ingelezen")
            if row.existing_id is not None:
                return self.tr("bestaat al: wordt bijgewerkt")
            return self.tr("nieuw")
        if column == self.NUMBER:
            return row.number
        if column == self.TEXT:
            return _short(row.text, 120)
        if column == self.SECTION:
            return _short(row.section, 60)
        if column == self.TREKKER:
            if row.matches:
                return "; ".join(m.describe() for m in row.matches)
            return " / ".join(row.trekkers) or row.trekker_text
        if column == self.DEADLINE:
            if row.deadline_date and row.deadline_text != short_date(row.deadline_date):
                return f"{row.deadline_text} ({short_date(row.deadline_date)})"
            return row.deadline_text
        if column == self.STATUS:
            label = enum_label(row.status or ActionStatus.NOT_STARTED)
            if row.times_postponed:
                label += " " + arg(self.tr("(%1x uitgesteld)"), row.times_postponed)
            elif row.postponed:
                label += " " + self.tr("(uitgesteld +1)")
            return label
        if column == self.WARNINGS:
            changes = [f"{label}: {_short(old, 30)} → {_short(new, 30)}" for label, old, new in row.changes]
            return "; ".join([*row.problems, *changes, *row.warnings])
        return ""

    def sort_value(self, row: ListItem, column: int) -> Any:
        if column == self.ROW:
            return row.row_number
        return super().sort_value(row, column)

    def tooltip(self, row: ListItem, column: int) -> str | None:
        if column == self.TEXT:
            return row.text
        if column == self.TREKKER and row.matches:
            return "\n".join([row.trekker_text, *(m.describe() for m in row.matches)])
        if column == self.WARNINGS and (row.warnings or row.problems or row.changes):
            changes = [f"{label}: {old} → {new}" for label, old, new in row.changes]
            return "\n".join([*row.problems, *changes, *row.warnings])
        return None


def fit_columns(view: QTableView, widest: dict[int, int], default: int = 200) -> None:
    """Columns as wide as their contents (and header), but no text column wider than its cap.

    Measured on the first rows only, so a list of thousands of rows opens at once.
    """
    model = view.model()
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    rows = min(model.rowCount(), 200)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = metrics.horizontalAdvance(title) + 24
        for row in range(rows):
            text = str(model.data(model.index(row, column)) or "")
            width = max(width, metrics.horizontalAdvance(text) + 16)
        if model.data(model.index(0, column), Qt.ItemDataRole.CheckStateRole) is not None or column == 0:
            width += 24  # room for a checkbox
        header.resizeSection(column, min(width, widest.get(column, default)))


def _table_view(parent: QWidget, model) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.setWordWrap(False)
    view.setSortingEnabled(False)
    return view


# --------------------------------------------------------------------------------------------------
# The wizard
# --------------------------------------------------------------------------------------------------


class ImportWizard(QDialog):
    """Reads an Excel actielijst in the background and leads through preview and apply."""

    PAGE_READING, PAGE_ROUNDTRIP, PAGE_MAPPING, PAGE_STATUSES, PAGE_ROWS, PAGE_DONE = range(6)

    #: A step that ran in the background (reading, a preview, applying) ended and its page is shown.
    step_finished = Signal()

    def __init__(
        self,
        database: Database,
        path: Path,
        parent: QWidget | None = None,
        *,
        on_changes: Callable[[Any], None] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.database = database
        self.path = Path(path)
        self.on_changes = on_changes
        self.today = today
        self.task: Task | None = None
        self.workbook: WorkbookData | None = None
        self.roundtrip: RoundTripPreview | None = None
        self.table: ListTable | None = None
        self.list_preview: ListPreview | None = None
        self.result: Any = None
        self._on_done: Callable[[Any], None] | None = None
        self.setWindowTitle(self.tr("Actielijst importeren"))
        self.resize(1100, 640)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._reading_page())
        self.stack.addWidget(self._roundtrip_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._status_page())
        self.stack.addWidget(self._rows_page())
        self.stack.addWidget(self._done_page())
        layout.addWidget(self.stack, 1)

        footer = QHBoxLayout()
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.setVisible(False)
        self.back_button = QPushButton(self.tr("< &Terug"), self)
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Volgende >"), self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        self.cancel_button.clicked.connect(self.reject)
        footer.addWidget(self.progress_bar)
        footer.addStretch(1)
        footer.addWidget(self.back_button)
        footer.addWidget(self.next_button)
        footer.addWidget(self.cancel_button)
        layout.addLayout(footer)
        self._show_page(self.PAGE_READING)

    # -- pages ----------------------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.reading_label = QLabel(self)
        self.reading_label.setWordWrap(True)
        layout.addWidget(self.reading_label)
        layout.addStretch(1)
        return page

    def _roundtrip_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.roundtrip_summary = QLabel(self)
        self.roundtrip_summary.setObjectName("roundtripSummary")
        self.roundtrip_summary.setWordWrap(True)
        self.roundtrip_warnings = QLabel(self)
        self.roundtrip_warnings.setWordWrap(True)
        self.roundtrip_warnings.setStyleSheet("color: #9c5700;")
        tools = QHBoxLayout()
        self.check_all_button = QPushButton(self.tr("Alles aanvinken"), self)
        self.check_none_button = QPushButton(self.tr("Niets aanvinken"), self)
        self.show_unchanged_check = QCheckBox(self.tr("Ongewijzigde acties tonen"), self)
        self.check_all_button.clicked.connect(lambda: self._check_all(True))
        self.check_none_button.clicked.connect(lambda: self._check_all(False))
        self.show_unchanged_check.toggled.connect(self._fill_roundtrip)
        legend = QLabel(
            self.tr(
                "<span style='background:#fde7c8'>&nbsp;Conflict&nbsp;</span> ook in de app gewijzigd sinds de "
                "export: alleen toegepast als u het aanvinkt. "
                "<span style='background:#eeeeee'>&nbsp;Onbekend&nbsp;</span> niet in de database of niet in "
                "het bestand: wordt niet toegepast."
            ),
            self,
        )
        legend.setWordWrap(True)
        tools.addWidget(self.check_all_button)
        tools.addWidget(self.check_none_button)
        tools.addSpacing(12)
        tools.addWidget(self.show_unchanged_check)
        tools.addStretch(1)
        self.roundtrip_model = RoundTripModel(self)
        self.roundtrip_model.dataChanged.connect(self._update_apply_count)
        self.roundtrip_model.modelReset.connect(self._update_apply_count)
        self.roundtrip_view = _table_view(self, self.roundtrip_model)
        self.roundtrip_view.setObjectName("roundtripView")
        accessible(self.roundtrip_view, self.tr("Wijzigingen uit het bestand"))
        header = self.roundtrip_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.roundtrip_summary)
        layout.addWidget(self.roundtrip_warnings)
        layout.addLayout(tools)
        layout.addWidget(self.roundtrip_view, 1)
        layout.addWidget(legend)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet_label = QLabel(self.tr("&Werkblad:"), self)
        self.sheet_label.setBuddy(self.sheet_combo)
        self.mapping_info = QLabel(self)
        self.mapping_info.setWordWrap(True)
        self.series_combo = QComboBox(self)
        self.series_combo.setObjectName("seriesCombo")
        self.series_combo.setToolTip(
            self.tr(
                "De acties komen terug bij het volgende overleg van deze reeks (ze worden vastgelegd onder het "
                "laatste overleg van de reeks)."
            )
        )
        self.series_label = QLabel(self.tr("&Koppelen aan reeks:"), self)
        self.series_label.setBuddy(self.series_combo)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)
        top.addSpacing(12)
        top.addWidget(self.series_label)
        top.addWidget(self.series_combo)
        top.addSpacing(12)
        top.addWidget(self.mapping_info, 1)
        self.mapping_table = QTableWidget(0, 4, self)
        self.mapping_table.setObjectName("mappingTable")
        accessible(self.mapping_table, self.tr("Kolommen van het bestand"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Kop in het bestand"), self.tr("Voorbeeld"), self.tr("Inlezen als")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setColumnWidth(0, 60)
        self.mapping_table.setColumnWidth(1, 240)
        self.mapping_table.setColumnWidth(2, 420)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        layout.addLayout(top)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _status_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_info = QLabel(self)
        self.status_info.setWordWrap(True)
        self.status_table = QTableWidget(0, 3, self)
        self.status_table.setObjectName("statusTable")
        accessible(self.status_table, self.tr("Statussen in het bestand"))
        self.status_table.setHorizontalHeaderLabels(
            [self.tr("Status in de lijst"), self.tr("Aantal acties"), self.tr("Wordt in de app")]
        )
        self.status_table.verticalHeader().setVisible(False)
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.status_table.setColumnWidth(0, 360)
        self.status_table.setColumnWidth(1, 110)
        self.status_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.status_info)
        layout.addWidget(self.status_table, 1)
        return page

    def _rows_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_summary = QLabel(self)
        self.rows_summary.setObjectName("rowsSummary")
        self.rows_summary.setWordWrap(True)
        self.rows_notes = QLabel(self)
        self.rows_notes.setWordWrap(True)
        self.rows_notes.setStyleSheet("color: #9c5700;")
        self.list_model = ListItemModel(self)
        self.rows_view = _table_view(self, self.list_model)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        accessible(self.rows_view, self.tr("Acties uit het bestand"))
        layout.addWidget(self.rows_summary)
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.rows_notes)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # -- navigation -----------------------------------------------------------------------------------

    def page(self) -> int:
        return self.stack.currentIndex()

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        name = self.path.name
        titles = {
            self.PAGE_READING: (self.tr("Bestand lezen"), arg(self.tr("%1 wordt gelezen..."), name)),
            self.PAGE_ROUNDTRIP: (
                self.tr("Teruggestuurde actielijst"),
                self.tr(
                    "Links staat wat nu in de app staat, rechts wat de partner heeft ingevuld. Vink aan wat u wilt "
                    "overnemen; de rest blijft zoals het is."
                ),
            ),
            self.PAGE_MAPPING: (
                self.tr("Stap 1 van 3: kolommen"),
                arg(
                    self.tr(
                        "%1 is geen actielijst uit GHNT Desktop en wordt ingelezen als bestaande lijst. Controleer "
                        "per kolom wat erin staat; de kolom Actiepunt is nodig."
                    ),
                    name,
                ),
            ),
            self.PAGE_STATUSES: (
                self.tr("Stap 2 van 3: statussen"),
                self.tr(
                    "Zo worden de statussen uit de lijst vertaald naar de statussen van de app. Pas aan waar nodig."
                ),
            ),
            self.PAGE_ROWS: (
                self.tr("Stap 3 van 3: controleren"),
                self.tr(
                    "Deze acties worden aangemaakt, of bijgewerkt als hun nummer al bestaat (kolom Wordt). Controleer "
                    "de herkende trekkers. Er wordt pas iets opgeslagen als u op Importeren klikt."
                ),
            ),
            self.PAGE_DONE: (self.tr("Klaar"), ""),
        }
        title, intro = titles[page]
        self.title_label.setText(title)
        self.intro_label.setText(intro)
        self.intro_label.setVisible(bool(intro))
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.page()
        busy = self.is_busy()
        self.back_button.setVisible(page in (self.PAGE_STATUSES, self.PAGE_ROWS))
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(page not in (self.PAGE_READING, self.PAGE_DONE))
        self.next_button.setEnabled(not busy)
        if page == self.PAGE_ROUNDTRIP:
            self._update_apply_count()
        elif page == self.PAGE_ROWS:
            count = len(self.list_preview.importable) if self.list_preview else 0
            self.next_button.setText(arg(self.tr("&Importeren (%1)"), count))
            self.next_button.setEnabled(not busy and count > 0)
        else:
            self.next_button.setText(self.tr("&Volgende >"))
        self.cancel_button.setText(self.tr("Sluiten") if page == self.PAGE_DONE else self.tr("Annuleren"))

    def _update_apply_count(self, *_args) -> None:
        if self.page() != self.PAGE_ROUNDTRIP:
            return
        count = len(self.roundtrip_model.checked)
        self.next_button.setText(arg(self.tr("&Toepassen (%1)"), count))
        self.next_button.setEnabled(count > 0 and not self.is_busy())

    @Slot()
    def go_next(self) -> None:
        page = self.page()
        if page == self.PAGE_ROUNDTRIP:
            self.apply_roundtrip()
        elif page == self.PAGE_MAPPING:
            self._build_list_preview(self.PAGE_STATUSES)
        elif page == self.PAGE_STATUSES:
            self._build_list_preview(self.PAGE_ROWS)
        elif page == self.PAGE_ROWS:
            self.apply_list()

    @Slot()
    def go_back(self) -> None:
        if self.page() in (self.PAGE_STATUSES, self.PAGE_ROWS):
            self._show_page(self.page() - 1)

    # -- background work ------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.task is not None and not self.task.is_done()

    def _run(self, function, on_done: Callable[[Any], None], label: str) -> Task:
        """Run ``function(progress, cancelled)`` in a worker; ``on_done(result)`` in the GUI thread."""
        self._on_done = on_done  # kept here: a signal does not keep a local function alive
        self.task = start_task(
            function,
            name="import",
            progress=self._progress,
            succeeded=self._succeeded,
            failed=self._failed,
            cancelled=self._cancelled,
            finished=self._finished,
        )
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(label)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setVisible(True)
        self._update_buttons()
        return self.task

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    @Slot(object)
    def _succeeded(self, result) -> None:
        on_done, self._on_done = self._on_done, None
        if on_done is not None:
            on_done(result)

    @Slot()
    def _finished(self) -> None:
        self.progress_bar.setVisible(False)
        self._update_buttons()
        self.step_finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.progress_bar.setVisible(False)
        if self.page() == self.PAGE_READING:
            text = arg(self.tr("%1 kan niet worden ingelezen.\n\n%2"), self.path.name, str(exc) or type(exc).__name__)
            detail = getattr(exc, "detail", "")
            if detail:
                text += "\n\n" + arg(self.tr("Details: %1"), detail)
            self.reading_label.setText(text)
        report_failure(self, exc, self.tr("Importeren lukte niet"))
        self._update_buttons()

    @Slot()
    def _cancelled(self) -> None:
        self.progress_bar.setVisible(False)
        if self.page() == self.PAGE_READING:
            self.reading_label.setText(self.tr("Het lezen is afgebroken."))

    # -- reading --------------------------------------------------------------------------------------

    def start_reading(self) -> Task:
        """Read the file and decide: a returned actielijst, or an existing list."""
        database = self.database
        path = self.path
        today = self.today

        def read(_progress, cancelled):
            from ..services.importing import preview_file

            check_cancelled(cancelled)
            with database.read_session() as session:
                found = preview_file(session, path, reference=today, today=today)
                series = _series_choices(session)
            return found.workbook, found.roundtrip, found.table, found.list_preview, series

        self.reading_label.setText(arg(self.tr("%1 wordt gelezen..."), path))
        return self._run(read, self._read_done, self.tr("Bestand lezen..."))

    @Slot(object)
    def _read_done(self, result) -> None:
        self.workbook, self.roundtrip, self.table, self.list_preview, series = result
        self.series_combo.clear()
        self.series_combo.addItem(self.tr("(geen reeks)"), None)
        for series_id, name in series:
            self.series_combo.addItem(name, series_id)
        if self.roundtrip is not None:
            self._fill_roundtrip()
            self._show_page(self.PAGE_ROUNDTRIP)
        else:
            self._fill_sheets()
            self._fill_mapping()
            self._show_page(self.PAGE_MAPPING)

    # -- returned actielijst --------------------------------------------------------------------------

    def _fill_roundtrip(self, *_args) -> None:
        from ..imports.roundtrip import RowKind

        preview = self.roundtrip
        if preview is None:
            return
        first = not self.roundtrip_model.rowCount() and not self.roundtrip_model.checked
        checked = self.roundtrip_model.checked
        if first:
            # Changed rows are ticked; conflicts wait for the user's choice.
            checked = {r.row_key for r in preview.rows if r.kind is RowKind.CHANGED and r.applicable and r.action_id}
        shown = [r for r in preview.rows if self.show_unchanged_check.isChecked() or r.kind is not RowKind.UNCHANGED]
        self.roundtrip_model.set_preview_rows(shown, checked)
        model = self.roundtrip_model
        fit_columns(
            self.roundtrip_view,
            {model.TEXT: 300, model.PROGRESS_APP: 220, model.PROGRESS_FILE: 220, model.NOTES: 260},
            default=170,
        )
        counts = preview.counts()
        parts = [preview.file_name]
        if preview.exported_at:
            parts.append(arg(self.tr("geëxporteerd op %1"), short_date(preview.exported_at.date())))
        if preview.organisation:
            parts.append(arg(self.tr("acties van %1"), preview.organisation))
        tally = " · ".join(
            f"{counts[kind]} {self.tr_kind_label(kind).lower()}"
            for kind in RowKind
            if counts[kind] or kind in (RowKind.CHANGED, RowKind.CONFLICT)
        )
        self.roundtrip_summary.setText(", ".join(parts) + "\n" + tally)
        self.roundtrip_warnings.setText("\n".join(preview.warnings))
        self.roundtrip_warnings.setVisible(bool(preview.warnings))
        self._update_apply_count()

    @staticmethod
    def tr_kind_label(kind) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("RowKind", kind.label)

    def _check_all(self, checked: bool) -> None:
        self.roundtrip_model.set_all(checked)
        self._update_apply_count()

    def apply_roundtrip(self) -> Task | None:
        """Apply the ticked rows in one transaction."""
        preview = self.roundtrip
        selected = set(self.roundtrip_model.checked)
        if preview is None or not selected:
            return None
        database = self.database

        def apply(_progress, _cancelled):
            from ..services.importing import apply_roundtrip

            with database.session() as session:
                return apply_roundtrip(session, preview, selected_rows=selected)

        return self._run(apply, self._roundtrip_applied, self.tr("Toepassen..."))

    @Slot(object)
    def _roundtrip_applied(self, result) -> None:
        self.result = result
        lines = [
            arg(
                self.tr("%1 van %2 aangevinkte acties zijn bijgewerkt uit %3."),
                result.applied,
                len(self.roundtrip_model.checked),
                self.path.name,
            )
        ]
        if result.skipped:
            lines.append("")
            lines.append(self.tr("Niet toegepast:"))
            lines += [f"• {line}" for line in result.skipped]
        self.done_label.setText("\n".join(lines))
        self._notify(result.changes)
        self._show_page(self.PAGE_DONE)

    # -- existing list: mapping ------------------------------------------------------------------------

    def _fill_sheets(self) -> None:
        assert self.workbook is not None and self.table is not None
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for sheet in self.workbook.sheets:
            if not sheet.hidden and sheet.rows:
                self.sheet_combo.addItem(sheet.title, sheet.title)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(self.table.sheet)))
        self.sheet_combo.blockSignals(False)
        several = self.sheet_combo.count() > 1
        self.sheet_combo.setVisible(several)
        self.sheet_label.setVisible(several)

    @Slot(int)
    def _sheet_chosen(self, _index: int) -> None:
        from ..imports.existing_list import read_list
        from ..imports.workbook import ImportFileError

        if self.workbook is None:
            return
        try:
            self.table = read_list(self.workbook, self.sheet_combo.currentData())
        except ImportFileError as exc:
            show_error(self, exc)
            return
        self._fill_mapping()

    def _fill_mapping(self) -> None:
        from ..imports.existing_list import FIELDS
        from ..imports.workbook import cell_text

        table = self.table
        assert table is not None
        info = arg(self.tr("Kopregel gevonden op regel %1 van blad %2."), table.header_row, table.sheet)
        if table.title_lines:
            info += " " + arg(self.tr("Titel: %1"), _short(table.title_lines[0], 100))
        self.mapping_info.setText(info)
        width = max(len(table.headers), max((len(r) for _n, r in table.rows[:200]), default=0))
        self.mapping_table.setRowCount(width)
        for index in range(width):
            header = table.headers[index] if index < len(table.headers) else ""
            samples = []
            for _number, values in table.rows:
                if index < len(values) and cell_text(values[index]):
                    samples.append(_short(cell_text(values[index]), 40))
                if len(samples) == 3:
                    break
            letter = QTableWidgetItem(_letter(index))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.mapping_table.setItem(index, 0, letter)
            self.mapping_table.setItem(index, 1, QTableWidgetItem(header))
            self.mapping_table.setItem(index, 2, QTableWidgetItem(" · ".join(samples)))
            combo = QComboBox(self.mapping_table)
            for name, label in FIELDS.items():
                combo.addItem(self.tr_field(label), name)
            combo.setCurrentIndex(combo.findData(table.proposal.get(index, "ignore")))
            self.mapping_table.setCellWidget(index, 3, combo)
        self.mapping_table.resizeRowsToContents()

    @staticmethod
    def tr_field(label: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ImportFields", label)

    def mapping_combo(self, column: int) -> QComboBox:
        """The combo box that says what column ``column`` (0-based) holds."""
        return self.mapping_table.cellWidget(column, 3)

    def set_column_field(self, column: int, field: str) -> None:
        """Choose what column ``column`` holds (tests, keyboard users)."""
        combo = self.mapping_combo(column)
        combo.setCurrentIndex(combo.findData(field))

    def chosen_mapping(self) -> dict[int, str]:
        """Column index -> field, as the combo boxes say (ignored columns left out)."""
        mapping = {}
        for index in range(self.mapping_table.rowCount()):
            field = self.mapping_combo(index).currentData()
            if field and field != "ignore":
                mapping[index] = field
        return mapping

    def _mapping_problem(self, mapping: dict[int, str]) -> str:
        from ..imports.existing_list import FIELDS

        seen: dict[str, int] = {}
        for index, field in mapping.items():
            if field in seen:
                return arg(
                    self.tr("Kolom %1 en kolom %2 zijn allebei '%3'. Kies voor een van beide iets anders."),
                    _letter(seen[field]),
                    _letter(index),
                    self.tr_field(FIELDS[field]),
                )
            seen[field] = index
        if "text" not in seen:
            return self.tr("Kies de kolom met de actie (Actiepunt): zonder die kolom valt er niets in te lezen.")
        return ""

    # -- existing list: statuses and rows --------------------------------------------------------------

    def status_overrides(self) -> dict:
        """Status text of the list -> app status, as the status page says."""
        from ..models import ActionStatus

        overrides = {}
        for row in range(self.status_table.rowCount()):
            text = self.status_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            value = self.status_table.cellWidget(row, 2).currentData()
            if value:
                overrides[text] = ActionStatus(value)
        return overrides

    def set_status(self, text: str, status) -> None:
        """Choose the app status of the list's status ``text`` (tests, keyboard users)."""
        for row in range(self.status_table.rowCount()):
            if self.status_table.item(row, 0).data(Qt.ItemDataRole.UserRole) == text:
                combo = self.status_table.cellWidget(row, 2)
                combo.setCurrentIndex(combo.findData(status.value if status is not None else None))
                return
        raise KeyError(text)

    def _build_list_preview(self, next_page: int) -> None:
        table = self.table
        if table is None:
            return
        mapping = self.chosen_mapping()
        problem = self._mapping_problem(mapping)
        if problem:
            show_error(self, ValueError(problem), self.tr("Kolommen kloppen nog niet"))
            return
        overrides = self.status_overrides() if next_page == self.PAGE_ROWS else {}

        database = self.database
        series_id = self.series_combo.currentData() if self.series_combo.currentIndex() > 0 else None
        today = self.today

        def build(_progress, _cancelled):
            from ..services.importing import preview_action_list

            with database.session() as session:
                return preview_action_list(
                    session, table, mapping, status_overrides=overrides, series_id=series_id, today=today
                )

        def done(preview) -> None:
            self.list_preview = preview
            if next_page == self.PAGE_STATUSES:
                self._fill_statuses()
            else:
                self._fill_rows()
            self._show_page(next_page)

        self._run(build, done, self.tr("Lijst lezen..."))

    def _fill_statuses(self) -> None:
        from ..models import ActionStatus

        preview = self.list_preview
        assert preview is not None
        self.status_table.setRowCount(len(preview.statuses))
        for row, mapping in enumerate(preview.statuses):
            shown = mapping.text
            if mapping.postponement:
                shown = arg(self.tr("%1 (uitstel: blijft open, telt één keer uitgesteld)"), mapping.text)
            item = QTableWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, mapping.text)
            self.status_table.setItem(row, 0, item)
            count = QTableWidgetItem(str(mapping.count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.status_table.setItem(row, 1, count)
            combo = QComboBox(self.status_table)
            combo.addItem(arg(self.tr("(niet herkend: wordt %1)"), enum_label(ActionStatus.NOT_STARTED)), None)
            for status in ActionStatus:
                combo.addItem(enum_label(status), status.value)  # a str: Qt would turn the enum into one
            if mapping.status is not None:
                combo.setCurrentIndex(combo.findData(mapping.status.value))
            self.status_table.setCellWidget(row, 2, combo)
        self.status_table.resizeRowsToContents()
        if preview.statuses:
            self.status_info.setText(
                arg(self.tr("%1 verschillende statussen gevonden in de kolom Status."), len(preview.statuses))
            )
        else:
            self.status_info.setText(
                arg(
                    self.tr("De lijst heeft geen statuskolom (of die is leeg): alle acties worden '%1'."),
                    enum_label(ActionStatus.NOT_STARTED),
                )
            )

    def _fill_rows(self) -> None:
        preview = self.list_preview
        assert preview is not None
        self.list_model.set_rows(preview.items)
        fit_columns(
            self.rows_view,
            {ListItemModel.TEXT: 340, ListItemModel.TREKKER: 360, ListItemModel.WARNINGS: 400},
            default=200,
        )
        sections = len(preview.sections)
        summary = arg(self.tr("%1 acties uit %2, blad %3."), len(preview.items), preview.file_name, preview.sheet)
        if sections:
            summary += " " + arg(self.tr("Actielijnen in de lijst: %1."), sections)
        self.rows_summary.setText(summary)
        notes = list(preview.warnings) + list(preview.skipped[:8])
        if len(preview.skipped) > 8:
            notes.append(arg(self.tr("... en nog %1 overgeslagen regels."), len(preview.skipped) - 8))
        self.rows_notes.setText("\n".join(notes))
        self.rows_notes.setVisible(bool(notes))

    def apply_list(self) -> Task | None:
        """Create (or update, for numbers that exist) the actions of the existing list in one transaction."""
        preview = self.list_preview
        if preview is None or not preview.importable:
            return None
        database = self.database
        file_name = self.path.name
        today = self.today

        def apply(_progress, _cancelled):
            from ..services.importing import import_action_list

            with database.session() as session:
                return import_action_list(session, preview, file_name=file_name, today=today)

        return self._run(apply, self._list_applied, self.tr("Importeren..."))

    @Slot(object)
    def _list_applied(self, result) -> None:
        self.result = result
        lines = [
            arg(self.tr("%1 acties ingelezen uit %2, %3 bijgewerkt."), result.created, self.path.name, result.updated),
            arg(self.tr("Trekkers herkend als organisatie of persoon: %1."), result.trekkers_matched),
        ]
        if result.trekkers_unmatched:
            lines.append(
                arg(
                    self.tr("Niet herkend (als tekst bewaard): %1."),
                    ", ".join(_short(n, 40) for n in result.trekkers_unmatched[:20]),
                )
            )
        self.done_label.setText("\n".join(lines))
        self._notify(result.changes)
        self._show_page(self.PAGE_DONE)

    def _notify(self, changes) -> None:
        if self.on_changes is not None and changes is not None:
            self.on_changes(changes)

    # -- closing --------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Annuleren: stops reading; never interrupts a running apply (that is one quick transaction)."""
        if self.is_busy():
            assert self.task is not None
            self.task.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.is_busy():
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)


def _series_choices(session) -> list[tuple[uuid.UUID, str]]:
    from sqlalchemy import select

    from ..models import MeetingSeries

    rows = session.execute(
        select(MeetingSeries.id, MeetingSeries.name)
        .where(MeetingSeries.archived.is_(False))
        .order_by(MeetingSeries.name)
    )
    return [(series_id, name) for series_id, name in rows]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def choose_import_file(window, path: Path | str | None, title: str, file_filter: str) -> Path | str | None:
    """The file an import reads: ``path``, else one the user picks; None when no database is open, it is
    read-only (said in Dutch) or no file was chosen. Shared by the imports of actielijsten and programmes."""
    from ..services import RefusedError

    database = getattr(window, "database", None)
    if database is None:
        return None
    if database.read_only:
        show_error(
            window,
            RefusedError(
                window.tr("Deze database is alleen-lezen geopend: importeren kan niet. Open hem om te bewerken.")
            ),
        )
        return None
    if path is None:
        name, _ = QFileDialog.getOpenFileName(window, title, str(Path.home()), file_filter)
        return name or None
    return path


def open_import_wizard(window, path: Path | str | None = None) -> ImportWizard | None:
    """Ask for an Excel file (unless ``path``) and open the import wizard over ``window``.

    Returns None when no database is open, the database is read-only, or the user chose no file.
    """
    path = choose_import_file(
        window,
        path,
        window.tr("Actielijst importeren"),
        window.tr("Excel-werkmap (*.xlsx *.xlsm);;Alle bestanden (*)"),
    )
    if path is None:
        return None
    database = window.database
    today = window.today() if callable(getattr(window, "today", None)) else None
    wizard = ImportWizard(database, Path(path), window, on_changes=window.apply_changes, today=today)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    wizard.start_reading()
    return wizard
