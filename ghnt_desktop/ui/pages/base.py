"""What every page shares: a header with title and count, table set-up and saved layout.

A page is a thin widget: ``load(database)`` calls one service in one session and pushes the rows into
its item model; ``save_state``/``restore_state`` keep splitters and column widths between runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..widgets.columns import fold_columns

if TYPE_CHECKING:
    from ...db import Database
    from ...settings import Settings

MAX_INITIAL_COLUMN_WIDTH = 300
LAST_COLUMN_RESERVE = 120
FIT_ROWS = 150  # rows (besides those in view) a column's initial width is fitted to
#: Above this many action items a page reads its data in a worker task (ui.worker), so the window stays
#: usable meanwhile: on a ten-year database the Acties list takes 0.6 s, the Overzicht's counts 0.3 s.
LARGE_DATABASE_ACTIONS = 20_000


def is_large(session) -> bool:
    """Whether the database of ``session`` is big enough for pages to load in the background."""
    from sqlalchemy import text

    # Counts no further than the threshold: a full count(*) reads every row on PostgreSQL (47 ms for 100,000).
    limited = text("SELECT count(*) FROM (SELECT 1 FROM action_item LIMIT :limit) AS enough")
    return (session.scalar(limited, {"limit": LARGE_DATABASE_ACTIONS + 1}) or 0) > LARGE_DATABASE_ACTIONS


class TitleLabel(QLabel):
    """A page's title: on one line, or wrapped when the page is narrower than it (the programme's long name
    at 150% on a 1366x768 screen). Not always wrapped: a wrapping label takes less width than its text."""

    room = 0

    def fit(self, room: int) -> None:
        self.room = room
        wrap = self.fontMetrics().horizontalAdvance(self.text()) > room
        if wrap != self.wordWrap():
            self.setWordWrap(wrap)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        if self.room:
            self.fit(self.room)


class PageContents(QWidget):
    """A page's contents in its scroll area: taller than the window they scroll, never wider (a page that
    scrolled sideways hid its right-hand buttons; the columns and buttons give way instead)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())


class Page(QWidget):
    """Base of the main window's pages."""

    #: Stable key of the page (settings, tests); subclasses set it.
    key = ""
    status_message = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        # The page's contents scroll when the window is smaller than they can shrink to (150% scaling on a
        # 1366x768 screen leaves 910x512): without it Qt squeezed forms below their minimum, their fields
        # drawn over each other, because the main window's own minimum size is set, not its layout's.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("pageScrollArea")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.contents = PageContents(self.scroll_area)
        self.contents.setObjectName("pageContents")
        self.scroll_area.setWidget(self.contents)
        outer.addWidget(self.scroll_area)
        self._layout = QVBoxLayout(self.contents)
        self._layout.setContentsMargins(12, 10, 12, 8)
        self._layout.setSpacing(8)
        header = QHBoxLayout()
        self.title_label = TitleLabel(title)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        self._layout.addLayout(header)
        self._sized_views: set[int] = set()
        self._pending_fits: dict[int, Callable[[], None]] = {}
        #: Data changed while the page was hidden: it reloads when next shown (see ``apply_changes``).
        self.stale = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.stale and self.database is not None:
            self.load(self.database)
        # After the page's layout has given its views their real size.
        for fit in list(self._pending_fits.values()):
            QTimer.singleShot(0, fit)

    @property
    def title(self) -> str:
        return self.title_label.text()

    def body(self) -> QVBoxLayout:
        return self._layout

    def load(self, database: Database) -> None:
        """Read the page's records from ``database`` (subclasses call super first)."""
        self.database = database
        self.stale = False

    def clear(self) -> None:
        """Forget the database (another file is being opened)."""
        self.database = None

    def set_narrow(self, narrow: bool) -> None:
        """The window switched to its narrow layout (or back): a page with side panels rearranges them."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.title_label.fit(self.width() - self.count_label.sizeHint().width() - 48)

    def has_unsaved_edits(self) -> bool:
        """Whether the page holds edits not yet saved, which a reload would wipe (``ui.live_updates`` waits)."""
        return False

    #: Which kinds of change (fields of ``services.Changes``) make this page reload.
    watches: tuple[str, ...] = ("programme", "meetings", "actions", "network")

    def affected_by(self, changes) -> bool:
        """Whether ``changes`` touch what this page shows."""
        return self.database is not None and any(getattr(changes, kind, False) for kind in self.watches)

    def apply_changes(self, changes) -> None:
        """A service changed data: reload now when it touches what this page shows, or when next shown.

        Only the page in view reloads at once: on a ten-year database the hidden pages' reloads (the
        Overzicht's counts over 100,000 actions among them) made one status edit take 0.6 s.
        """
        if not self.affected_by(changes):
            return
        if self.isVisible():
            self.load(self.database)
        else:
            self.stale = True

    # Where the user is, for undo (``undo.ServiceCommand`` shows it again before undoing).

    def location(self) -> object:
        """What the page shows now (a tab, a record), as plain values; None when the page alone will do."""
        return None

    def show_location(self, location: object) -> None:
        """Show again what ``location`` describes."""

    # Layout kept between runs. Views are keyed by id(view): the page keeps its views, so the ids are
    # stable, unlike those of the header wrappers PySide may create afresh on each call.

    def splitters(self) -> dict[str, QSplitter]:
        return {}

    def views(self) -> dict[str, QTableView | QTreeView]:
        """The page's views by name, whose column widths are kept between runs."""
        return {}

    def save_state(self, settings: Settings) -> None:
        for name, splitter in self.splitters().items():
            settings.set_splitter_state(f"{self.key}/{name}", splitter.saveState())
        for name, view in self.views().items():
            if id(view) in self._sized_views:
                settings.set_header_state(f"{self.key}/{name}", header_of(view).saveState())

    def restore_state(self, settings: Settings) -> None:
        for name, splitter in self.splitters().items():
            state: QByteArray = settings.splitter_state(f"{self.key}/{name}")
            if not state.isEmpty():
                splitter.restoreState(state)
        for name, view in self.views().items():
            state = settings.header_state(f"{self.key}/{name}")
            if not state.isEmpty() and header_of(view).restoreState(state):
                self._sized_views.add(id(view))

    def fit_columns_once(
        self,
        view: QTableView | QTreeView,
        *,
        main_column: int | None = None,
        max_width: int = MAX_INITIAL_COLUMN_WIDTH,
        min_main_width: int = 240,
    ) -> None:
        """Size columns to their contents the first time rows arrive (unless the user's widths were restored).

        Every column gets at least its header text and the sort arrow, at most ``max_width``; the
        ``main_column`` (the long text) gets what is left of the view's width.
        """
        header = header_of(view)
        if id(view) in self._sized_views or view.model().rowCount() == 0:
            return
        if not view.isVisible():
            # A hidden page's view has no real width yet: size it when the page is first shown.
            self._pending_fits[id(view)] = lambda: self.fit_columns_once(
                view, main_column=main_column, max_width=max_width, min_main_width=min_main_width
            )
            return
        self._pending_fits.pop(id(view), None)
        self._sized_views.add(id(view))
        metrics = header.fontMetrics()
        model = view.model()
        minimums: dict[int, int] = {}
        last_column = model.columnCount() - 1
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            minimums[column] = metrics.horizontalAdvance(title) + 28
            if column == last_column and header.stretchLastSection():
                # A stretched section's "contents" size is its stretched width: ask the cells instead.
                content = view.sizeHintForColumn(column)
                header.resizeSection(column, max(minimums[column], min(content + 16, max_width)))
                continue
            view.resizeColumnToContents(column)
            header.resizeSection(column, max(minimums[column], min(header.sectionSize(column) + 16, max_width)))
        if main_column is not None:
            last = model.columnCount() - 1
            stretch = header.stretchLastSection() and main_column != last
            others = [c for c in range(model.columnCount()) if c != main_column and not (stretch and c == last)]
            # A stretching last column keeps a readable minimum (and does not shrink below the width its
            # contents were given); otherwise the main column fills the view.
            reserve = max(LAST_COLUMN_RESERVE, header.sectionSize(last)) if stretch else 0
            available = view.viewport().width() - reserve - 4
            bar = view.verticalScrollBar()
            if not bar.isVisible() and model.rowCount() * (view.fontMetrics().height() + ROW_PADDING) > (
                view.viewport().height()
            ):
                available -= bar.sizeHint().width()  # the scroll bar that is about to appear takes its share
            # In a narrow view the other columns give up width (widest first, down to their header) before
            # the main column drops below its minimum and the last column slides out of sight. A main column
            # that is the last one elides instead: the others (dates, times) keep their width.
            deficit = min_main_width - (available - sum(header.sectionSize(c) for c in others))
            if main_column == last:
                deficit = 0
            # Key columns (numbers, dates, statuses: the model's KEY_COLUMNS) keep their full width.
            keep = set(getattr(model, "KEY_COLUMNS", ()))
            for column in sorted(others, key=header.sectionSize, reverse=True):
                if deficit <= 0:
                    break
                if column in keep:
                    continue
                spare = header.sectionSize(column) - minimums[column]
                if spare > 0:
                    header.resizeSection(column, header.sectionSize(column) - min(spare, deficit))
                    deficit -= min(spare, deficit)
            room = available - sum(header.sectionSize(c) for c in others)
            view.resizeColumnToContents(main_column)
            wanted = header.sectionSize(main_column) + 16
            if main_column == last:
                # The last column ends at the view's edge: in a narrow view its text is elided rather than the
                # table scrolling sideways (the Overzicht's next meetings). A stretching last section never
                # shrinks below the size last set, so it gets a small one and the stretch fills the rest,
                # also after a vertical scroll bar appears.
                header.resizeSection(main_column, 80 if header.stretchLastSection() else max(room, 80))
            else:
                header.resizeSection(main_column, max(min_main_width, min(wanted, room) if stretch else room))


def header_of(view: QTableView | QTreeView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


class PaddedDelegate(QStyledItemDelegate):
    """Rows with a little air above and below the text, as desktop tables have (wrapped text too)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height() + 6, option.fontMetrics.height() + ROW_PADDING))


def wrap_rows(view: QTableView, column: int) -> None:
    """Let ``column``'s long texts wrap onto as many lines as they need, the row heights following the
    column's width (after loading, and whenever the column is resized: splitter, window, user).

    Three things are needed together; with only the vertical header in ``ResizeToContents`` nothing
    changed, because ``make_table_view`` turns word wrap off, so the style measures every text on one
    line (Qt only passes the column's width to the delegate when the view wraps), and Qt does not
    measure the rows again when a stretching column changes width.
    """
    view.setWordWrap(True)
    view.setItemDelegate(PaddedDelegate(view))
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(view.resizeRowsToContents)
    view.horizontalHeader().sectionResized.connect(lambda section, *_: section == column and timer.start())
    view.model().modelReset.connect(timer.start)
    view.model().layoutChanged.connect(timer.start)


ROW_PADDING = 10


def make_table_view(
    model, parent: QWidget | None = None, *, sortable: bool = True, stretch_last: bool = True, name: str = ""
) -> QTableView:
    """A read-only table view set up the same way on every page; ``name`` is what a screen reader calls it."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    # Tab leaves the table (arrows move within it), as in desktop lists: with Tab moving cell by cell a
    # keyboard user had to press it through every row to reach the buttons below.
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Fitting a column to its contents looks at this many rows (Qt's default: 1,000). The Overleggen
    # list of a ten-year database asked 65,775 cells for their size: 230 ms -> 30 ms.
    header.setResizeContentsPrecision(FIT_ROWS)
    view.setSortingEnabled(sortable)
    if not sortable:
        header.setSortIndicatorShown(False)
    fold_columns(view)  # a narrow window: less important columns give way to the key columns
    return view


def selected_row(view: QTableView, role: int):
    """The row object of the selected row, or None."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    return indexes[0].data(role) if indexes else None
