"""Overzicht, the first screen: progress per actielijn, late actions, next meetings, changes since the last AO.

One service call (``services.overview.load_overview``) fills the page, in a worker task for a big
database (``base.is_large``). A click on a bar segment or on "Alle te late acties" opens the Acties page
with the matching filter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import clock_time, short_date
from ..i18n import arg, enum_label, format_date_with_weekday, plural
from ..itemmodels.base import RowTableModel
from ..itemmodels.colors import LATE
from ..widgets.chart import StackedBarChart
from ..widgets.status import STATUS_COLOURS
from ..worker import start_task
from .base import Page, is_large, make_table_view

SERIES = (
    ("done", QT_TRANSLATE_NOOP("OverviewPage", "Gereed"), "done"),
    ("running", QT_TRANSLATE_NOOP("OverviewPage", "Loopt"), "in_progress"),
    ("not_started", QT_TRANSLATE_NOOP("OverviewPage", "Niet gestart"), "not_started"),
    ("on_hold", QT_TRANSLATE_NOOP("OverviewPage", "Aangehouden"), "on_hold"),
    ("late", QT_TRANSLATE_NOOP("OverviewPage", "Te laat"), "late"),
)


class LateModel(RowTableModel["LateAction"]):
    """The late actions: number, action, trekker, deadline and how long ago."""

    NUMBER, TEXT, TREKKER, DEADLINE, LATE_BY = range(5)
    KEY_COLUMNS = (NUMBER, DEADLINE, LATE_BY)
    FOLDABLE_COLUMNS = (TREKKER,)
    HEADERS = (
        QT_TRANSLATE_NOOP("LateModel", "Nummer"),
        QT_TRANSLATE_NOOP("LateModel", "Actie"),
        QT_TRANSLATE_NOOP("LateModel", "Trekker"),
        QT_TRANSLATE_NOOP("LateModel", "Deadline"),
        QT_TRANSLATE_NOOP("LateModel", "Te laat"),
    )
    NUMERIC_COLUMNS = frozenset({LATE_BY})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def display(self, row, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.TEXT:
            return " ".join(row.text.split())
        if column == self.TREKKER:
            return row.trekker
        if column == self.DEADLINE:
            return short_date(row.deadline)
        if column == self.LATE_BY:
            return arg(QCoreApplication.translate("LateModel", "%1 d"), row.days_late(self.today))
        return ""

    def sort_value(self, row, column: int) -> Any:
        if column in (self.DEADLINE, self.LATE_BY):
            return row.deadline if column == self.DEADLINE else row.days_late(self.today)
        return super().sort_value(row, column)

    def foreground(self, row, column: int) -> Any:
        return LATE if column == self.LATE_BY else None

    def tooltip(self, row, column: int) -> str | None:
        return row.text if column == self.TEXT else None


class UpcomingModel(RowTableModel["UpcomingMeeting"]):
    """The next meetings: date, time, overleg, state."""

    DATE, TIME, TITLE = range(3)
    KEY_COLUMNS = (DATE, TIME)
    HEADERS = (
        QT_TRANSLATE_NOOP("UpcomingModel", "Datum"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Tijd"),
        QT_TRANSLATE_NOOP("UpcomingModel", "Overleg"),
    )

    def display(self, row, column: int) -> str:
        if column == self.DATE:
            return format_date_with_weekday(row.date)
        if column == self.TIME:
            return clock_time(row.start_time)
        if column == self.TITLE:
            return row.title
        return ""

    def sort_value(self, row, column: int) -> Any:
        if column == self.DATE:
            return row.date
        return super().sort_value(row, column)

    def tooltip(self, row, column: int) -> str | None:
        return f"{row.title}\n{enum_label(row.state)}" + (f"\n{row.location}" if row.location else "")


class OverviewPage(Page):
    """The state of the programme at a glance."""

    key = "overview"
    watches = ("programme", "meetings", "actions", "network", "indicators")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Overzicht"), parent)
        self.today = today
        self.overview = None
        self.moved = None  # services.indicators.MovedIndicators since the last afstemmingsoverleg
        self._generation = 0  # number of the latest load; a background load of an older one is dropped
        self.loading = None  # the worker task of a big database's load

        charts = QHBoxLayout()
        charts.setSpacing(12)
        self.programme_chart = StackedBarChart(self)
        self.items_chart = StackedBarChart(self)
        self.programme_box = self._boxed(self.tr("Acties uit het programma per actielijn"), self.programme_chart)
        self.items_box = self._boxed(self.tr("Actiepunten en toezeggingen per actielijn"), self.items_chart)
        charts.addWidget(self.programme_box, 1)
        charts.addWidget(self.items_box, 1)
        self.body().addLayout(charts)
        self.programme_chart.segment_clicked.connect(lambda bar, s: self._open_actions("programme", bar, s))
        self.items_chart.segment_clicked.connect(lambda bar, s: self._open_actions("item", bar, s))

        panels = QGridLayout()
        panels.setHorizontalSpacing(12)
        self.late_model = LateModel(self)
        self.late_view = make_table_view(self.late_model, self, name=self.tr("Te late acties"))
        self.late_view.horizontalHeader().setSortIndicator(LateModel.DEADLINE, Qt.SortOrder.AscendingOrder)
        self.late_button = QPushButton(self.tr("Alle te late acties tonen"), self)
        self.late_button.clicked.connect(self._show_all_late)
        late_inner = QWidget(self)
        late_layout = QVBoxLayout(late_inner)
        late_layout.setContentsMargins(0, 0, 0, 0)
        late_layout.addWidget(self.late_view, 1)
        late_layout.addWidget(self.late_button, 0, Qt.AlignmentFlag.AlignRight)
        self.late_box = self._boxed(self.tr("Te laat"), late_inner)

        self.upcoming_model = UpcomingModel(self)
        self.upcoming_view = make_table_view(
            self.upcoming_model, self, sortable=False, name=self.tr("Volgende overleggen")
        )
        self.upcoming_box = self._boxed(self.tr("Volgende overleggen"), self.upcoming_view)

        changes_inner = QWidget(self)
        changes_layout = QVBoxLayout(changes_inner)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        self.changes_summary = QLabel(changes_inner)
        self.changes_summary.setWordWrap(True)
        self.changes_list = QListWidget(changes_inner)
        self.changes_list.setAccessibleName(self.tr("Wijzigingen sinds het vorige afstemmingsoverleg"))
        self.changes_list.setAlternatingRowColors(True)
        self.changes_list.setWordWrap(False)
        self.changes_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.changes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        changes_layout.addWidget(self.changes_summary)
        changes_layout.addWidget(self.changes_list, 1)
        self.changes_box = self._boxed(self.tr("Sinds het laatste afstemmingsoverleg"), changes_inner)

        panels.addWidget(self.late_box, 0, 0, 2, 1)
        panels.addWidget(self.upcoming_box, 0, 1)
        panels.addWidget(self.changes_box, 1, 1)
        panels.setColumnStretch(0, 3)
        panels.setColumnStretch(1, 2)
        panels.setRowStretch(0, 2)
        panels.setRowStretch(1, 3)
        self.body().addLayout(panels, 1)

    def _boxed(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(widget)
        return box

    def views(self):
        return {"late": self.late_view, "upcoming": self.upcoming_view}

    def load(self, database) -> None:
        """Show the overview on today; a big database's is gathered in a worker task (the old one stays)."""
        from ...services.offline import mark_provisional
        from ...services.overview import load_overview
        from ..itemmodels.base import provisional_number

        super().load(database)
        today = self.today()
        self._generation += 1
        with database.read_session() as session:
            # In an offline copy the numbers given there say "(voorlopig)", as everywhere (``mark_provisional``).
            overview = (
                None if is_large(session) else mark_provisional(load_overview(session, today), session, provisional_number)
            )
            moved = None if overview is None else _moved_indicators(session, overview)
        if overview is not None:
            self.moved = moved
            self._show(overview, today)
            return
        generation = self._generation

        def gather(_progress, _cancelled):
            with database.read_session() as session:  # the task's own session
                overview = mark_provisional(load_overview(session, today), session, provisional_number)
                return generation, today, overview, _moved_indicators(session, overview)

        self.loading = start_task(gather, name="load overview", succeeded=self._gathered)

    def _gathered(self, result) -> None:
        generation, today, overview, moved = result
        if generation == self._generation and self.database is not None:
            self.moved = moved
            self._show(overview, today)

    def _show(self, overview, today: date) -> None:
        self.overview = overview
        series = [(QCoreApplication.translate("OverviewPage", label), STATUS_COLOURS[c]) for _, label, c in SERIES]
        no_line = self.tr("Zonder actielijn")
        for chart, rows in ((self.programme_chart, overview.programme), (self.items_chart, overview.action_items)):
            chart.empty_text = self.tr("Nog geen acties.")
            chart.set_data([r.title or no_line for r in rows], series, [r.values() for r in rows])

        self.late_model.today = today
        self.late_model.set_rows(overview.late)
        self.fit_columns_once(self.late_view, main_column=LateModel.TEXT, max_width=150, min_main_width=160)
        shown = len(overview.late)
        self.late_box.setTitle(
            arg(self.tr("Te laat (%1)"), overview.late_total)
            if shown == overview.late_total
            else arg(self.tr("Te laat (%1, de %2 oudste getoond)"), overview.late_total, shown)
        )
        self.late_button.setEnabled(overview.late_total > 0)

        self.upcoming_model.set_rows(overview.upcoming)
        self.fit_columns_once(self.upcoming_view, main_column=UpcomingModel.TITLE, max_width=120)
        self._show_changes(overview.changes)
        self.count_label.setText(arg(self.tr("Stand op %1"), short_date(today)))
        # With several programmes in the database, the heading names the one shown (the current one).
        title = getattr(overview, "programme_title", "")
        self.title_label.setText(arg(self.tr("Overzicht: %1"), title) if title else self.tr("Overzicht"))

    def _show_changes(self, changes) -> None:
        self.changes_list.clear()
        if changes.since is None:
            self.changes_box.setTitle(self.tr("Sinds het laatste afstemmingsoverleg"))
            self.changes_summary.setText(self.tr("Er is nog geen afstemmingsoverleg gehouden."))
            return
        self.changes_box.setTitle(arg(self.tr("Sinds het afstemmingsoverleg van %1"), short_date(changes.since)))
        parts = [
            plural(changes.new_actions, self.tr("1 nieuw actiepunt"), self.tr("%1 nieuwe actiepunten")),
            arg(self.tr("%1 afgerond"), changes.closed_actions),
            plural(changes.decisions, self.tr("1 besluit"), self.tr("%1 besluiten")),
            plural(changes.progress_updates, self.tr("1 voortgangsmelding"), self.tr("%1 voortgangsmeldingen")),
            plural(changes.changes, self.tr("1 wijziging"), self.tr("%1 wijzigingen")),
        ]
        moved = self.moved.indicators if self.moved is not None else ()
        if moved:
            parts.append(arg(self.tr("%1 indicatoren bijgewerkt"), len(moved)))
        self.changes_summary.setText(" · ".join(parts))
        for indicator in moved:
            # The figures first: a moved indicator is what the bestuur asks about in the next overleg.
            name = " ".join(indicator.name.split())
            latest = indicator.latest_text or self.tr("geen meting")
            self.changes_list.addItem(arg(self.tr("Cijfer  %1: %2"), name, latest))
            self.changes_list.item(self.changes_list.count() - 1).setToolTip(
                arg(self.tr("%1\nNieuwe of gewijzigde cijfers over: %2"), name, ", ".join(indicator.periods))
            )
        labels = {
            "decision": self.tr("Besluit"),
            "closed_action": self.tr("Afgerond"),
            "new_action": self.tr("Nieuw"),
        }
        for line in changes.lines:
            text = " ".join(line.text.split())
            self.changes_list.addItem(f"{labels.get(line.kind, '')}  {line.number}  {text}")
            self.changes_list.item(self.changes_list.count() - 1).setToolTip(f"{short_date(line.when)}\n{line.text}")

    def clear(self) -> None:
        super().clear()
        self._generation += 1  # a load still running in the background is dropped
        self.overview = None
        self.moved = None
        for chart in (self.programme_chart, self.items_chart):
            chart.set_data([], [], [])
        self.late_model.set_rows([])
        self.upcoming_model.set_rows([])
        self.changes_list.clear()
        self.changes_summary.clear()
        self.count_label.clear()

    # To the Acties page.

    def _actions_page(self):
        window = self.window()
        if not hasattr(window, "page"):
            return None
        return window, window.page("actions")

    def _show_all_late(self) -> None:
        found = self._actions_page()
        if found is None:
            return
        window, page = found
        window.show_page("actions")
        page.show_late()

    def _open_actions(self, kind: str, bar: int, series: int) -> None:
        found = self._actions_page()
        if found is None or self.overview is None:
            return
        window, page = found
        rows = self.overview.programme if kind == "programme" else self.overview.action_items
        section = rows[bar].section_id
        category = SERIES[series][0]
        window.show_page("actions")
        page.show_filtered(
            kind=kind,
            section_id=section.hex if section is not None else None,
            status=None if category == "late" else SERIES[series][2],
            late=category == "late",
        )


def _moved_indicators(session, overview):
    """The indicators with figures received or changed since the last afstemmingsoverleg (vertrouwelijke left out
    and counted, as the one rule says), or None before any afstemmingsoverleg was held."""
    from ...services.indicators import indicators_moved_since

    since = overview.changes.since
    return None if since is None else indicators_moved_since(session, since)
