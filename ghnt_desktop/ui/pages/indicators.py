"""Indicatoren: the programme's figures. A list per actielijn with the latest value and whether it is on track; the
detail of the chosen indicator with its chart (``exports.charts``, the same picture the voortgangsrapportage
prints); an entry grid (periods x gemeenten) typed by keyboard; import of a figures file after a preview.

The chart is the PNG of ``exports.charts.indicator_chart_png`` at the label's size and the screen's dpi, so the
app and the Word document look the same; matplotlib loads when the first chart is drawn, never at start-up.
Every value typed is saved at once through the window's undo stack (``ui.undo``); a text that is no figure gets a
Dutch message and stays in the cell to be corrected.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import arg, enum_label
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.indicators import EntryGridModel, IndicatorListModel, grid_indicator, on_track_text
from .base import ROW_PADDING, Page, make_table_view, wrap_rows

GRID_BACKGROUND_VALUES = 5000  # more figures than this are read for the entry grid in a worker task

ALL = "__all__"
CHOSEN_DRAW_DELAY_MS = 60
RESIZE_DRAW_DELAY_MS = 150
ERROR_STYLE = "color: #b3261e;"


class ChartLabel(QLabel):
    """Shows the indicator chart, drawn again at its own size a moment after it is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = None  # exports.charts.ChartData
        self.drawn_size = QSize()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(320, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESIZE_DRAW_DELAY_MS)  # draw once when resizing stops (a chart takes ~60 ms)
        self._timer.timeout.connect(self.draw)

    def set_chart(self, data) -> None:
        from ...exports.charts import chart_description

        self.data = data
        if data is None:
            self.clear()
            self.setAccessibleDescription("")
            return
        self.setAccessibleDescription(chart_description(data))  # the numbers for a screen reader
        self.setToolTip(chart_description(data))
        # Drawn a moment later: going down the list with the arrow keys draws only where the user stops.
        self.drawn_size = QSize()
        self._timer.start(CHOSEN_DRAW_DELAY_MS)

    def draw(self) -> None:
        from ...exports.charts import indicator_chart_png

        if self.data is None:
            return
        ratio = self.devicePixelRatioF()
        size = self.contentsRect().size()
        width, height = max(size.width(), 320), max(size.height(), 200)
        png = indicator_chart_png(
            self.data,
            width_px=round(width * ratio),
            height_px=round(height * ratio),
            dpi=round(self.logicalDpiX() * ratio),
        )
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        self.drawn_size = QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.data is not None and self.contentsRect().size() != self.drawn_size:
            self._timer.start(RESIZE_DRAW_DELAY_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.data is not None and self.contentsRect().size() != self.drawn_size:
            self._timer.start()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 320)


class EntryGridView(QTableView):
    """The grid as a spreadsheet: typing over a cell edits it, Enter saves and goes down, Delete clears.

    The first ``FROZEN`` columns (indicator and period) stay in view when scrolling sideways past 30 gemeenten: a
    second view over the same model and selection lies on top of them and scrolls only up and down with the grid
    (Qt's "frozen column" pattern)."""

    clear_requested = Signal(list)  # of QModelIndex
    FROZEN = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumns")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the grid
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())
        self.frozen.setWordWrap(False)
        self.frozen.setAlternatingRowColors(True)
        self.frozen.setStyleSheet("QTableView#frozenColumns { border: none; border-right: 1px solid palette(mid); }")
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, size: self.frozen.setRowHeight(row, size))
        self.frozen.doubleClicked.connect(self._frozen_double_clicked)
        # By pixel, so a cell can be scrolled out from under the frozen columns exactly.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._columns_changed)
        model.columnsInserted.connect(self._columns_changed)
        self._columns_changed()

    def setAlternatingRowColors(self, enable: bool) -> None:  # noqa: N802
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def _columns_changed(self, *_args) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen.setColumnHidden(column, column >= self.FROZEN)
        for column in range(min(self.FROZEN, model.columnCount())):
            self.frozen.setColumnWidth(column, self.columnWidth(column))
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self._place_frozen()

    def _section_resized(self, column: int, _old: int, size: int) -> None:
        if column < self.FROZEN:
            self.frozen.setColumnWidth(column, size)
            self._place_frozen()

    def _frozen_double_clicked(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.setFocus()

    def _place_frozen(self) -> None:
        width = sum(self.columnWidth(c) for c in range(self.FROZEN))
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(
            self.verticalHeader().width() + self.frameWidth(),
            self.frameWidth(),
            width,
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.setVisible(width > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name: the headers changed size
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place_frozen()

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        """Scroll as usual, then so far left that a cell never hides under the frozen columns."""
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() < self.FROZEN:
            return
        frozen_width = sum(self.columnWidth(c) for c in range(self.FROZEN))
        left = self.columnViewportPosition(index.column())
        if left < frozen_width:
            bar = self.horizontalScrollBar()
            bar.setValue(max(bar.value() - (frozen_width - left), 0))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: on to the next period
            current = self.currentIndex()
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid():
                self.setCurrentIndex(below)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsEditable]
            if indexes:
                self.clear_requested.emit(indexes)
                return
        super().keyPressEvent(event)


class IndicatorsPage(Page):
    """The programme's indicators: list, detail with chart, entry grid and import."""

    key = "indicators"
    watches = ("indicators", "programme", "network")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Indicatoren"), parent)
        self.today = today
        self.detail = None  # services.indicators.IndicatorDetail shown
        self._groups: list[Any] = []
        self._grid_stale = True
        self._grid_generation = 0
        self.grid_loading = None  # the worker task reading a big grid's values

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Actielijn:"), self))
        self.section_filter = QComboBox(self)
        self.section_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.section_filter.currentIndexChanged.connect(self._filter_changed)
        bar.addWidget(self.section_filter)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("Nieuwe indicator..."), self)
        self.new_button.clicked.connect(self.new_indicator)
        self.edit_button = QPushButton(self.tr("Bewerken..."), self)
        self.edit_button.setToolTip(self.tr("De gekozen indicator bewerken (ook dubbelklikken)"))
        self.edit_button.clicked.connect(self.edit_indicator)
        self.delete_button = QPushButton(self.tr("Verwijderen"), self)
        self.delete_button.clicked.connect(self.delete_indicator)
        self.export_button = QPushButton(self.tr("Exporteren naar Excel..."), self)
        self.export_button.setToolTip(self.tr("Alle indicatoren en cijfers in een Excel-bestand, een blad per niveau"))
        self.export_button.clicked.connect(self.export_figures)
        for button in (self.new_button, self.edit_button, self.delete_button, self.export_button):
            bar.addWidget(button)
        self.import_button = QPushButton(self.tr("Cijfers importeren..."), self)
        self.import_button.setToolTip(
            self.tr("Cijfers inlezen uit Excel of uit een CSV-bestand van CBS StatLine, na een voorbeeld")
        )
        self.import_button.clicked.connect(self.import_figures)
        bar.addWidget(self.import_button)
        self.body().addLayout(bar)

        self.tabs = QTabWidget(self)
        self.body().addWidget(self.tabs, 1)

        # Tab 1: list and detail.
        self.splitter = QSplitter(self)
        self.list_model = IndicatorListModel(self)
        self.list_view = make_table_view(self.list_model, self, sortable=False)
        self.list_view.setAccessibleName(self.tr("Indicatoren per actielijn"))
        self.list_view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.list_view.doubleClicked.connect(lambda _index: self.edit_indicator())
        # The name takes what the figures leave; the figures are short and always in full.
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(IndicatorListModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (IndicatorListModel.LATEST, IndicatorListModel.TARGET, IndicatorListModel.ON_TRACK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Names that differ only at their end ("Veilig Thuis adviesvragen - Huiselijk geweld (...)" and
        # "- Kindermishandeling (...)") looked alike when cut: they wrap onto more lines instead.
        wrap_rows(self.list_view, IndicatorListModel.NAME)
        self.splitter.addWidget(self.list_view)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.name_label = QLabel(detail)
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.name_label.setFont(font)
        self.facts_label = QLabel(detail)
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = ChartLabel(detail)
        self.chart.setAccessibleName(self.tr("Grafiek van de metingen"))
        self.status_label = QLabel(detail)
        self.status_label.setWordWrap(True)
        detail_layout.addWidget(self.name_label)
        detail_layout.addWidget(self.facts_label)
        detail_layout.addWidget(self.chart, 1)
        detail_layout.addWidget(self.status_label)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([590, 610])  # the list's four columns in view at 1366 x 768
        self.tabs.addTab(self.splitter, self.tr("Overzicht"))

        # Tab 2: the entry grid.
        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 8, 0, 0)
        self.entry_help = QLabel(
            self.tr(
                "Typ een waarde in een cel en druk op Enter: 1.620 of 12,5. Zet er een * achter als het cijfer "
                "voorlopig is, typ een punt (.) als het onbekend is; Delete wist. Alles wordt meteen opgeslagen "
                "(Ctrl+Z maakt ongedaan)."
            ),
            entry,
        )
        self.entry_help.setWordWrap(True)
        self.entry_message = QLabel(entry)
        self.entry_message.setWordWrap(True)
        self.entry_message.setStyleSheet(ERROR_STYLE)
        self.entry_message.hide()
        self.grid_model = EntryGridModel(self)
        self.grid_model.edit_requested.connect(self._save_cell)
        self.grid_model.input_refused.connect(self._refused)
        self.grid_view = EntryGridView(entry)
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setAccessibleName(self.tr("Invoer van cijfers per periode en gemeente"))
        self.grid_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.grid_view.setAlternatingRowColors(True)
        self.grid_view.setWordWrap(False)
        self.grid_view.verticalHeader().setVisible(False)
        self.grid_view.verticalHeader().setDefaultSectionSize(self.grid_view.fontMetrics().height() + ROW_PADDING)
        self.grid_view.horizontalHeader().setDefaultSectionSize(92)
        self.grid_view.clear_requested.connect(self._clear_cells)
        add_bar = QHBoxLayout()
        add_bar.addWidget(QLabel(self.tr("Periode toevoegen bij de gekozen indicator:"), entry))
        self.period_edit = QLineEdit(entry)
        self.period_edit.setPlaceholderText(self.tr("bijv. 2024 H1 of 2024 K3"))
        self.period_edit.setAccessibleName(self.tr("Periode toevoegen"))
        self.period_edit.setMaximumWidth(200)
        self.period_edit.returnPressed.connect(self.add_period)
        self.add_period_button = QPushButton(self.tr("Toevoegen"), entry)
        self.add_period_button.clicked.connect(self.add_period)
        add_bar.addWidget(self.period_edit)
        add_bar.addWidget(self.add_period_button)
        add_bar.addStretch(1)
        entry_layout.addWidget(self.entry_help)
        entry_layout.addWidget(self.entry_message)
        entry_layout.addWidget(self.grid_view, 1)
        entry_layout.addLayout(add_bar)
        self.tabs.addTab(entry, self.tr("Invoer"))
        self.tabs.currentChanged.connect(self._tab_changed)

    # Layout kept between runs.

    def splitters(self):
        return {"detail": self.splitter}

    # Loading.

    def load(self, database) -> None:
        from ...services.indicators import indicators_per_section

        super().load(database)
        self._grid_generation += 1  # a grid still being read belongs to what was shown before
        with database.read_session() as session:
            groups = indicators_per_section(session)
        self._show_groups(groups)
        self._grid_stale = True
        if self.tabs.currentIndex() == 1:
            self.load_grid()

    def _show_groups(self, groups) -> None:
        self._groups = list(groups)
        chosen = self.section_filter.currentData()
        self.section_filter.blockSignals(True)
        self.section_filter.clear()
        self.section_filter.addItem(self.tr("Alle actielijnen"), ALL)
        for group in self._groups:
            self.section_filter.addItem(group.title, group.section_id.hex if group.section_id else "")
        found = self.section_filter.findData(chosen) if chosen is not None else 0
        self.section_filter.setCurrentIndex(max(found, 0))
        self.section_filter.blockSignals(False)
        self._show_list()

    def _visible_groups(self) -> list[Any]:
        chosen = self.section_filter.currentData()
        if chosen in (None, ALL):
            return self._groups
        return [g for g in self._groups if (g.section_id.hex if g.section_id else "") == chosen]

    def _show_list(self) -> None:
        shown_id = self.detail.id if self.detail is not None else None
        groups = self._visible_groups()
        self.list_model.set_groups(groups)
        self.list_view.clearSpans()
        for row in self.list_model.heading_rows():
            self.list_view.setSpan(row, 0, 1, self.list_model.columnCount())
        count = len({r.id for g in self._groups for r in g.indicators})
        self.count_label.setText(arg(self.tr("%1 indicatoren"), count))
        row = self.list_model.row_of(shown_id) if shown_id is not None else -1
        if row < 0:
            row = next((i for i, e in enumerate(self.list_model.entries()) if e.row is not None), -1)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
            self.list_view.selectRow(row)
        else:
            self.show_detail(None)

    def _filter_changed(self) -> None:
        self._show_list()

    def select_indicator(self, indicator_id) -> bool:
        """Show ``indicator_id`` (a search hit): all actielijnen when the filter hides it; False when it is gone."""
        row = self.list_model.row_of(indicator_id)
        if row < 0 and self.section_filter.currentIndex() != 0:
            self.section_filter.setCurrentIndex(0)  # "Alle actielijnen"
            row = self.list_model.row_of(indicator_id)
        if row < 0:
            return False
        self.tabs.setCurrentIndex(0)
        self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        self.list_view.selectRow(row)
        self.list_view.scrollTo(self.list_model.index(row, 0))
        return True
        self._grid_stale = True
        if self.tabs.currentIndex() == 1:
            self.load_grid()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self._grid_stale:
            self.load_grid()
        if index == 1:
            self._scroll_grid_to_chosen()

    def load_grid(self, *, background: bool = True) -> None:
        """Fill the grid with the indicators of the chosen actielijn (all: every indicator).

        With many figures (more than ``GRID_BACKGROUND_VALUES``) they are read in a worker task with its own
        session, so the window keeps painting; the grid is disabled until they are shown."""
        from sqlalchemy import func, select

        from ...models import Measurement
        from ...services.indicators import municipalities
        from ..itemmodels.indicators import grid_indicators
        from ..worker import start_task

        if self.database is None:
            return
        rows = list({r.id: r for g in self._visible_groups() for r in g.indicators}.values())
        self._grid_generation += 1
        generation = self._grid_generation
        with self.database.session() as session:
            big = background and (session.scalar(select(func.count(Measurement.id))) or 0) > GRID_BACKGROUND_VALUES
            if not big:
                details = grid_indicators(session, rows)
                gemeenten = municipalities(session)
        if not big:
            self._fill_grid(details, gemeenten)
            return
        database = self.database

        def gather(_progress, _cancelled):
            with database.read_session() as session:  # the task's own session
                return generation, grid_indicators(session, rows), municipalities(session)

        self.grid_view.setEnabled(False)  # no typing into values about to be replaced
        self.grid_loading = start_task(gather, name="load entry grid", succeeded=self._grid_gathered,
                                       failed=self._grid_failed, finished=self._grid_task_finished)  # fmt: skip

    def _grid_gathered(self, result) -> None:
        generation, details, gemeenten = result
        if generation == self._grid_generation and self.database is not None:
            self._fill_grid(details, gemeenten)

    def _grid_failed(self, exc: BaseException) -> None:
        from ..worker import report_failure

        report_failure(self, exc)

    def _grid_task_finished(self) -> None:
        self.grid_view.setEnabled(True)
        self.grid_loading = None

    def _fill_grid(self, details, gemeenten) -> None:
        self.grid_model.set_data(details, gemeenten, self.today())
        self.grid_view.resizeColumnToContents(EntryGridModel.INDICATOR)
        header = self.grid_view.horizontalHeader()
        header.resizeSection(EntryGridModel.INDICATOR, min(max(header.sectionSize(0), 160), 300))
        header.resizeSection(EntryGridModel.PERIOD, 80)
        metrics = header.fontMetrics()
        for column in range(EntryGridModel.AREA, self.grid_model.columnCount()):  # a gemeente's name in full
            title = str(self.grid_model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(92, metrics.horizontalAdvance(title) + 24))
        self._grid_stale = False
        self._scroll_grid_to_chosen()

    def _scroll_grid_to_chosen(self) -> None:
        if self.detail is None:
            return
        row = self.grid_model.first_row_of(self.detail.id)
        if row >= 0:
            index = self.grid_model.index(row, EntryGridModel.AREA)
            self.grid_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            if not self.grid_view.currentIndex().isValid() or (
                self.grid_model.row_at(self.grid_view.currentIndex().row()).indicator_id != self.detail.id
            ):
                self.grid_view.setCurrentIndex(index)

    def clear(self) -> None:
        super().clear()
        self._groups = []
        self._grid_generation += 1
        self.list_model.set_groups([])
        self.grid_model.set_data([], [], self.today())
        self.show_detail(None)
        self.count_label.clear()

    def apply_changes(self, changes) -> None:
        """An edit of figures refreshes the list and the indicator concerned, not the whole grid."""
        if not self.affected_by(changes):
            return
        if not self.isVisible() or changes.programme or changes.network or self.database is None:
            super().apply_changes(changes)
            return
        from ...services import NotFoundError
        from ...services.indicators import get_indicator, indicators_per_section

        with self.database.session() as session:
            groups = indicators_per_section(session)
            details = {}
            for indicator_id in changes.ids:
                try:
                    details[indicator_id] = get_indicator(session, indicator_id)
                except NotFoundError:
                    self._grid_stale = True  # deleted: the grid reads again
        known = {r.id for g in self._groups for r in g.indicators}
        if {r.id for g in groups for r in g.indicators} != known:
            self._grid_stale = True  # indicators came or went (an import)
        self._show_groups(groups)
        for detail in details.values():
            self.grid_model.replace_indicator(grid_indicator(detail), self.today())
        if self.detail is not None and self.detail.id in details:
            self.show_detail(details[self.detail.id])
        if self._grid_stale and self.tabs.currentIndex() == 1:
            self.load_grid()

    # The detail.

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from ...services import NotFoundError
        from ...services.indicators import get_indicator

        row = current.sibling(current.row(), 0).data(ROW_ROLE) if current.isValid() else None
        if row is None or self.database is None:
            return
        if self.detail is not None and self.detail.id == row.id:
            return
        try:
            with self.database.session() as session:
                detail = get_indicator(session, row.id)
        except NotFoundError:
            return
        self.show_detail(detail)

    def show_detail(self, detail) -> None:
        from ...exports.charts import chart_for_detail

        self.detail = detail
        if detail is None:
            self.name_label.setText(self.tr("Nog geen indicatoren. Importeer cijfers uit Excel of StatLine."))
            self.facts_label.clear()
            self.status_label.clear()
            self.chart.set_chart(None)
            return
        name = " ".join(detail.name.split())
        self.name_label.setText(name + (f"  ({self.tr('vertrouwelijk')})" if detail.confidential else ""))
        facts = []
        if detail.definition:
            facts.append(" ".join(detail.definition.split()))
        unit = enum_label(detail.unit) + (f" ({detail.unit_label})" if detail.unit_label else "")
        facts.append(arg(self.tr("Eenheid: %1 · %2 · Niveau: %3"), unit, enum_label(detail.direction),
                         enum_label(detail.level)))  # fmt: skip
        if detail.source_text:
            facts.append(arg(self.tr("Bron: %1"), detail.source_text))
        if detail.baseline is not None:
            from ...services.figure_values import format_value

            period = f" ({detail.baseline.period.long_label})" if detail.baseline.period else ""
            facts.append(arg(self.tr("Nulmeting: %1%2"), format_value(detail.baseline.value, detail.unit), period))
        targets = [t for t in detail.targets if t.value is not None]
        if targets:
            from ...services.figure_values import format_value

            facts.append(
                arg(
                    self.tr("Streefwaarde: %1"),
                    "; ".join(f"{format_value(t.value, detail.unit)} in {t.year}" for t in targets),
                )  # fmt: skip
            )
        if detail.sections:
            facts.append(arg(self.tr("Actielijn: %1"), "; ".join(title for _, title in detail.sections)))
        self.facts_label.setText("\n".join(facts))
        self.chart.set_chart(chart_for_detail(detail))
        self.status_label.setText(self._status_text(detail))

    def _status_text(self, detail) -> str:
        from ...services.figure_values import format_value

        series = detail.series
        where = ""
        if not series and len(detail.municipalities) == 1:  # measured for one gemeente only, as the list shows it
            series, where = detail.municipalities[0].points, detail.municipalities[0].name
        known = [p for p in series if p.value.value is not None and not p.value.unknown]
        if not known:
            return self.tr("Er is nog geen meting voor het hele gebied.")
        last = known[-1]
        value = format_value(last.value.value, detail.unit, provisional=last.value.provisional)
        period = last.value.period.long_label + (f", {where}" if where else "")
        text = arg(self.tr("Laatste meting: %1 (%2)."), value, period)
        if last.value.provisional:
            text += " " + self.tr("Dit cijfer is voorlopig.")
        verdict = on_track_text(last.comparison.on_track)
        if verdict:
            text += " " + arg(self.tr("Ten opzichte van de streefwaarde: %1."), verdict)
        return text

    # Entry.

    def _window(self):
        window = self.window()
        return window if hasattr(window, "undo_stack") else None

    def _save_cell(self, row, gemeente_id: uuid.UUID | None, cell, existing) -> None:
        """Save a typed value (or clear the cell) through the undo stack."""
        from ...services import indicators as ind
        from ...services.figure_values import format_value
        from ...services.meetings import Created
        from ..undo import ServiceCommand, delete_command, push

        window = self._window()
        if window is None:
            return
        self.entry_message.hide()
        where = self._where(row, gemeente_id)
        if cell.empty:
            if existing is None:
                return
            measurement_id = existing.id
            push(window, delete_command(window, arg(self.tr("%1 gewist"), where),
                                        lambda s: ind.clear_measurement(s, measurement_id)))  # fmt: skip
            return
        shown = (
            self.tr("onbekend") if cell.unknown else format_value(cell.value, row.unit, provisional=cell.provisional)
        )
        note = existing.note if existing is not None else ""
        received = existing.received_on if existing is not None and existing.received_on else self.today()

        # What the cell showed: a value another user saved meanwhile is not overwritten (``services.versions``); an
        # undo expects the value this edit saved.
        seen = {"value": existing.value} if existing is not None else {"value": None}
        mine = {"value": cell.value}

        def do(session):
            return ind.set_measurement(
                session, row.indicator_id, row.period, value=cell.value, organisation_id=gemeente_id,
                provisional=cell.provisional, unknown=cell.unknown, note=note, received_on=received, seen=seen,
            )  # fmt: skip

        def undo(session, result):
            if isinstance(result, Created):
                return ind.clear_measurement(session, result.id)
            return ind.set_measurement(session, **result.before, seen=mine, seen_version=result.version)

        push(window, ServiceCommand(window, arg(self.tr("%1: %2"), where, shown), do=do, undo=undo))

    def _where(self, row, gemeente_id) -> str:
        column = self.grid_model.FIRST_GEMEENTE
        name = self.tr("hele gebied")
        if gemeente_id is not None:
            for c in range(column, self.grid_model.columnCount()):
                if self.grid_model.gemeente_at(c) == gemeente_id:
                    name = str(self.grid_model.headerData(c, Qt.Orientation.Horizontal))
        return f"{' '.join(row.name.split())} {row.period.label} {name}"

    def _refused(self, index: QModelIndex, text: str, message: str) -> None:
        """A text that is no figure: say so and give the cell back with the text, to correct it."""
        self.entry_message.setText(message)
        self.entry_message.show()
        self.status_message.emit(message)
        persistent = self.grid_model.index(index.row(), index.column())
        QTimer.singleShot(0, lambda: self._reopen(persistent, text))

    def _reopen(self, index: QModelIndex, text: str) -> None:
        if not index.isValid():
            return
        self.grid_view.setCurrentIndex(index)
        self.grid_view.edit(index)
        editor = self.grid_view.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(text)

    def _clear_cells(self, indexes: list) -> None:
        from ...services import indicators as ind
        from ..undo import delete_command, push

        window = self._window()
        if window is None:
            return
        targets = [(i, self.grid_model.value_at(i)) for i in indexes]
        targets = [(i, v) for i, v in targets if v is not None]
        if not targets:
            return
        window.undo_stack.beginMacro(arg(self.tr("%1 waarden gewist"), len(targets)))
        try:
            for index, value in targets:
                row = self.grid_model.row_at(index.row())
                where = self._where(row, value.organisation_id)
                measurement_id = value.id
                push(window, delete_command(window, arg(self.tr("%1 gewist"), where),
                                            lambda s, m=measurement_id: ind.clear_measurement(s, m)))  # fmt: skip
        finally:
            window.undo_stack.endMacro()

    def add_period(self) -> None:
        """An empty line for a half year or quarter of the chosen indicator (or a year not shown)."""
        from ...services.figure_values import parse_period

        current = self.grid_view.currentIndex()
        # The indicator the user is typing in; else the one chosen in the list.
        indicator_id = self.grid_model.row_at(current.row()).indicator_id if current.isValid() else None
        if indicator_id is None and self.detail is not None:
            indicator_id = self.detail.id
        if indicator_id is None:
            return
        parsed = parse_period(self.period_edit.text())
        if parsed is None:
            self.entry_message.setText(
                self.tr("Dat is geen periode. Typ een jaar (2024), halfjaar (2024 H1) of kwartaal (2024 K3).")
            )
            self.entry_message.show()
            return
        if self._grid_stale:
            self.load_grid(background=False)  # the line is added to the grid as it is now
        row = self.grid_model.add_period(indicator_id, parsed[0])
        self.entry_message.hide()
        self.period_edit.clear()
        if row >= 0:
            index = self.grid_model.index(row, EntryGridModel.AREA)
            self.grid_view.setCurrentIndex(index)
            self.grid_view.scrollTo(index)
            self.grid_view.setFocus()

    # Creating, editing, deleting and exporting indicators.

    def _link_choices(self) -> tuple[list[tuple[uuid.UUID, str]], list[tuple[uuid.UUID, str]]]:
        """The actielijnen and ambities of the current programme an indicator can be linked to."""
        from ...services.programme import load_programme
        from ...services.programme_scope import current_programme_id

        with self.database.session() as session:
            tree = load_programme(session, current_programme_id(session))
        if tree is None:
            return [], []
        sections = [(s.id, f"{s.code} {s.title}".strip()) for s in tree.sections]
        ambitions = [(a.id, f"{a.code} {a.text}".strip()) for s in tree.sections for a in s.ambitions]
        return sections, ambitions

    def _dialog(self, detail=None):
        from ..editors.indicators import IndicatorDialog

        sections, ambitions = self._link_choices()
        return IndicatorDialog(self, sections=sections, ambitions=ambitions, detail=detail)

    def new_indicator(self) -> None:
        """A new indicator from the dialog, as one undoable step."""
        from ...services import indicators as ind
        from ..undo import create_command, push

        window = self._window()
        if window is None or self.database is None:
            return
        dialog = self._dialog()
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        values = dict(dialog.values)
        command = create_command(
            window, arg(self.tr("Indicator %1 toegevoegd"), values["name"]),
            lambda s: ind.create_indicator(s, **values), ind.delete_indicator,
        )  # fmt: skip
        if push(window, command) and command.result is not None:
            self.detail = None
            self._choose(command.result.id)

    def edit_indicator(self) -> None:
        """Edit the chosen indicator in the dialog; one undoable step, also for its streefwaarden."""
        from ...services import indicators as ind
        from ...services.versions import seen_in
        from ..undo import edit_values_command, push

        window = self._window()
        if window is None or self.detail is None:
            return
        dialog = self._dialog(self.detail)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        if not changes:
            return
        indicator_id = self.detail.id
        # The fields the detail shows in the service's own form (its ``targets`` are rows, the service's a mapping).
        shown = [key for key in changes if key != "targets"]
        push(window, edit_values_command(window, arg(self.tr("Indicator %1 bewerkt"), dialog.values["name"]),
                                         ind.update_indicator, indicator_id, changes,
                                         seen_in(self.detail, shown)))  # fmt: skip

    def delete_indicator(self) -> None:
        """Delete the chosen indicator with its figures, after asking; undoable."""
        from ...services import indicators as ind
        from ..editors.forms import confirm
        from ..undo import delete_command, push

        window = self._window()
        if window is None or self.detail is None:
            return
        detail = self.detail
        count = len(detail.series) + sum(len(m.points) for m in detail.municipalities)
        question = arg(
            self.tr("Indicator '%1' verwijderen, met de nulmeting, %2 streefwaarden en %3 cijfers? "
                    "Ongedaan maken (Ctrl+Z) zet alles terug."),
            detail.name, len(detail.targets), count,
        )  # fmt: skip
        if not confirm(self, self.tr("Indicator verwijderen"), question, yes=self.tr("Verwijderen")):
            return
        indicator_id = detail.id
        push(window, delete_command(window, arg(self.tr("Indicator %1 verwijderd"), detail.name),
                                    lambda s: ind.delete_indicator(s, indicator_id)))  # fmt: skip

    def _choose(self, indicator_id: uuid.UUID) -> None:
        """Show ``indicator_id`` in the list and detail (after the page reloaded from the change)."""
        row = self.list_model.row_of(indicator_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
            self.list_view.selectRow(row)

    def export_figures(self) -> None:
        """The export dialog, on the Excel list of indicators (the dialog's background job writes it)."""
        from ..export_dialog import open_export_dialog

        window = self.window()
        if getattr(window, "database", None) is not None:
            open_export_dialog(window, kind="indicatoren", file_format="xlsx")

    # Import.

    def import_figures(self) -> None:
        """A figures file: choose it, see what it adds and changes, then save it (or not)."""
        from PySide6.QtWidgets import QFileDialog

        from ...imports.indicators import read_indicator_file
        from ...imports.workbook import ImportFileError
        from ...services.indicators import preview_figures
        from ..errors import show_error
        from ..indicators_import import FiguresPreviewDialog

        window = self._window()
        if self.database is None or window is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Cijfers importeren"),
            "",
            self.tr("Excel of CSV (*.xlsx *.xlsm *.csv *.txt);;Alle bestanden (*)"),
        )
        if not path:
            return
        try:
            incoming = read_indicator_file(path)
        except ImportFileError as exc:
            show_error(self, exc, self.tr("Cijfers importeren"))
            return
        with self.database.session() as session:
            preview = preview_figures(session, incoming)
        dialog = FiguresPreviewDialog(preview, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._apply_import(incoming)

    def _apply_import(self, incoming) -> None:
        from ...services import ServiceError
        from ...services.indicators import apply_figures, preview_figures
        from ..errors import show_error

        window = self._window()
        if self.database is None or window is None:
            return
        today = self.today()
        try:
            # Previewed again in the write transaction: what is saved is what the file says against the database now.
            result = self.database.write(lambda s: apply_figures(s, preview_figures(s, incoming), received_on=today))
        except (ServiceError, ValueError) as exc:
            show_error(self, exc, self.tr("Cijfers importeren"))
            return
        self._grid_stale = True
        window.apply_changes(result.changes)
        self.status_message.emit(
            arg(
                self.tr("Ingelezen: %1 nieuwe indicatoren, %2 waarden toegevoegd, %3 gewijzigd."),
                result.created_indicators,
                result.added,
                result.changed,
            )  # fmt: skip
        )
