"""Overleggen: the meetings list (filtered by kind, series and period) beside the meeting view.

The list shows the upcoming meetings first (nearest first), then the past ones (most recent first), with the
next one selected; the meeting view on the right holds the
agenda, attendance, minute-taking and the lists of decisions and actions (``ui/meeting/``). A new meeting
comes from a series (date by its rhythm, defaults copied), a new series, or stands alone; after it is made
the carried-forward actions are shown for review before they go on its agenda.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QWidget

from ..i18n import arg, enum_label
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.meetings import MeetingTableModel
from ..meeting.dialogs import find_data
from ..meeting.view import MeetingView
from ..undo import create_command, push
from .base import Page, make_table_view, selected_row

ALL = "all"
UPCOMING = "upcoming"
PAST = "past"


class MeetingsPage(Page):
    """The meetings list and the selected meeting."""

    key = "meetings"
    watches = ("meetings", "actions", "network")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Overleggen"), parent)
        from ...models import MeetingKind

        self.today = today
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Alle soorten"), None)
        for kind in MeetingKind:
            self.kind_combo.addItem(enum_label(kind), kind)
        self.series_combo = QComboBox(self)
        self.series_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.series_combo.addItem(self.tr("Alle reeksen"), None)
        self.period_combo = QComboBox(self)
        self.period_combo.addItem(self.tr("Alle datums"), ALL)
        self.period_combo.addItem(self.tr("Komende"), UPCOMING)
        self.period_combo.addItem(self.tr("Eerdere"), PAST)
        self.new_button = QPushButton(self.tr("&Nieuw overleg..."), self)
        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("&Soort:"), self.kind_combo),
            (self.tr("&Reeks:"), self.series_combo),
            (self.tr("&Periode:"), self.period_combo),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        self.body().addLayout(filters)

        self.model = MeetingTableModel(self)
        self.view = make_table_view(self.model, self, name=self.tr("Overleggen"))
        self.view.horizontalHeader().setSortIndicator(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.model.sort(MeetingTableModel.DATE, Qt.SortOrder.AscendingOrder)
        for column in (
            MeetingTableModel.TIME,
            MeetingTableModel.KIND,
            MeetingTableModel.SERIES,
            MeetingTableModel.LOCATION,
        ):
            self.view.setColumnHidden(column, True)
        # Wide enough for a date with its year and the start of a title ("do 10-1..." was all it showed).
        metrics = self.view.fontMetrics()
        self.view.setMinimumWidth(metrics.horizontalAdvance("wo 30-09-2020") + metrics.horizontalAdvance("M") * 14 + 48)
        self.meeting = MeetingView(self, today=today)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.meeting)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.body().addWidget(self.splitter, 1)

        self._loading = False
        self._restored_series: uuid.UUID | None = None  # chosen in an earlier run, shown once the series are read
        self.view.selectionModel().currentRowChanged.connect(self._meeting_chosen)
        self.kind_combo.currentIndexChanged.connect(self._filter_changed)
        self.series_combo.currentIndexChanged.connect(self._filter_changed)
        self.period_combo.currentIndexChanged.connect(self._filter_changed)
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.meeting.deleted.connect(self.select_next_meeting)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not getattr(self, "_split_sized", False):
            # Only now does the splitter know its width; a restored state (restore_state) wins over this.
            self._split_sized = True
            if self.splitter.sizes()[0] < self.view.minimumWidth():
                width = self.splitter.width()
                left = max(360, self.view.minimumWidth())
                self.splitter.setSizes([left, max(400, width - left)])

    def splitters(self):
        return {"split": self.splitter}

    def views(self):
        return {"table": self.view}

    # Loading.

    def load(self, database) -> None:
        from ...services.meetings import list_meetings, list_series

        super().load(database)
        current = self.meeting.meeting_id
        series_id = self.series_combo.currentData() or self._restored_series
        with database.read_session() as session:
            series = list_series(session)
            if series_id is not None and all(row.id != series_id for row in series):
                series_id = None  # a series of another database, or deleted since
            rows = list_meetings(session, kind=self.kind_combo.currentData(), series_id=series_id)
        self._restored_series = series_id
        self._fill_series(series)
        period = self.period_combo.currentData()
        today = self.today()
        if period == UPCOMING:
            rows = [r for r in rows if r.date >= today]
        elif period == PAST:
            rows = [r for r in rows if r.date < today]
        self._loading = True
        self.model.set_rows(rows, today=today)
        self._loading = False
        self.fit_columns_once(self.view, main_column=MeetingTableModel.TITLE, min_main_width=160)
        self._update_count()
        if current is not None and self.model.row_of(lambda r: r.id == current) >= 0:
            self.select_meeting(current)
        else:
            self.select_next_meeting()

    def _fill_series(self, series) -> None:
        wanted = self.series_combo.currentData() or self._restored_series
        self._restored_series = None
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        self.series_combo.addItem(self.tr("Alle reeksen"), None)
        for row in series:
            self.series_combo.addItem(row.name, row.id)
        self.series_combo.setCurrentIndex(max(0, find_data(self.series_combo, wanted)))
        self.series_combo.blockSignals(False)

    def _filter_changed(self, _index: int = 0) -> None:
        if self.database is not None:
            self.load(self.database)

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.meeting.show_meeting(None, None)
        self._update_count()

    def save_state(self, settings) -> None:
        self.meeting.minutes.save_notes()  # the window is closing: nothing typed may be lost
        # Decisions, actions and progress typed but not recorded come back in the next run (drafts.py).
        self.meeting.minutes.keep_drafts()
        settings.set_value("drafts/minutes", self.meeting.minutes.drafts.to_json())
        super().save_state(settings)
        kind = self.kind_combo.currentData()
        series = self.series_combo.currentData()
        settings.set_value("filters/meetings/kind", kind.value if kind is not None else "")
        settings.set_value("filters/meetings/series", str(series) if series is not None else "")
        settings.set_value("filters/meetings/period", self.period_combo.currentData())

    def restore_state(self, settings) -> None:
        """The filters as the user left them; the series is chosen once the series are read (``load``)."""
        from ...models import MeetingKind

        super().restore_state(settings)
        self.meeting.minutes.drafts.load_json(settings.value("drafts/minutes"))
        for combo, value in (
            (self.kind_combo, _enum_or_none(MeetingKind, settings.value("filters/meetings/kind"))),
            (self.period_combo, settings.value("filters/meetings/period")),
        ):
            index = find_data(combo, value)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        try:
            self._restored_series = uuid.UUID(settings.value("filters/meetings/series"))
        except ValueError:
            self._restored_series = None

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("1 overleg") if n == 1 else arg(self.tr("%1 overleggen"), n))

    # Selection.

    def _meeting_chosen(self, current, _previous) -> None:
        if self._loading:
            return
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.meeting.show_meeting(self.database, row.id if row is not None else None)

    def location(self):
        minutes = self.meeting.minutes
        return (self.meeting.meeting_id, self.meeting.tabs.currentIndex(), minutes.current_item_id())

    def show_location(self, location) -> None:
        meeting_id, tab, item_id = location
        if meeting_id is None:
            return
        if self.meeting.meeting_id != meeting_id:
            self.select_meeting(meeting_id)
        self.meeting.tabs.setCurrentIndex(tab)
        if item_id is not None and self.meeting.minutes.current_item_id() != item_id:
            self.meeting.minutes.go_to(item_id)

    def select_meeting(self, meeting_id: uuid.UUID) -> bool:
        """Select a meeting in the list (clearing the filters when they hide it) and show it."""
        row = self.model.row_of(lambda r: r.id == meeting_id)
        if row < 0 and self.database is not None:
            for combo in (self.kind_combo, self.series_combo, self.period_combo):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.meeting.meeting_id = meeting_id
            self.load(self.database)
            row = self.model.row_of(lambda r: r.id == meeting_id)
        if row < 0:
            return False
        index = self.model.index(row, MeetingTableModel.DATE)
        if self.view.currentIndex().row() == row:
            self.meeting.show_meeting(self.database, meeting_id)
        else:
            self.view.setCurrentIndex(index)
        self.view.selectRow(row)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_next_meeting(self) -> None:
        """Select the next meeting (else the first row: the most recent one) and scroll it into view."""
        if self.model.rowCount() == 0:
            self.meeting.show_meeting(self.database, None)
            return
        row = self.model.row_of(lambda r: r.id == self.model.next_meeting_id)
        if row < 0:
            row = 0
        self.view.setCurrentIndex(self.model.index(row, MeetingTableModel.DATE))
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.meeting.meeting_id != self.model.row_at(row).id:
            self.meeting.show_meeting(self.database, self.model.row_at(row).id)

    def selected_meeting(self):
        return selected_row(self.view, ROW_ROLE)

    # New meetings and series.

    def new_meeting(self, series_id: uuid.UUID | None = None) -> uuid.UUID | None:
        """Ask for a new meeting, create it, and review what it carries forward."""
        from ...services.meetings import list_series, propose_next_meeting, working_group_invitees
        from ...services.network import list_people, list_working_groups
        from ..meeting.dialogs import NewMeetingDialog, PersonChoice

        if self.database is None:
            return None
        database = self.database
        today = self.today()
        with database.session() as session:
            series = [(r.id, r.name) for r in list_series(session)]
            people = [
                PersonChoice(p.id, p.name, p.organisation_id, p.organisation_name)
                for p in list_people(session, include_archived=False)
                if p.is_active(today)
            ]
            groups = [(g.id, g.name) for g in list_working_groups(session, today=today) if not g.archived]
        if series_id is None:
            selected = self.selected_meeting()
            if selected is not None:
                with database.session() as session:
                    from ...services.meetings import get_meeting

                    series_id = get_meeting(session, selected.id).series_id

        def propose(sid):
            with database.session() as session:
                return propose_next_meeting(session, sid, today=today)

        def members(group_id, on):
            with database.session() as session:
                return working_group_invitees(session, group_id, on=on)

        dialog = NewMeetingDialog(
            self,
            series=series,
            people=people,
            working_groups=groups,
            propose=propose,
            new_series=lambda: self.new_series(people, series),
            group_members=members,
            today=today,
            series_id=series_id,
        )
        if not dialog.exec():
            return None
        meeting_id = self.create_meeting(dialog.draft())
        if meeting_id is not None and dialog.draft().series_id is not None:
            self.meeting.review_carry_forward()
        return meeting_id

    def create_meeting(self, draft) -> uuid.UUID | None:
        """Create a meeting from a draft through the undo stack and show it."""
        from ...services.meetings import create_meeting, delete_meeting

        window = self.window()
        command = create_command(
            window, self.tr("Nieuw overleg"), lambda s: create_meeting(s, draft), lambda s, mid: delete_meeting(s, mid)
        )
        if not push(window, command):
            return None
        meeting_id = command.result.id
        self.select_meeting(meeting_id)
        self.meeting.tabs.setCurrentWidget(self.meeting.agenda)
        return meeting_id

    def new_series(self, people, series) -> tuple[str, uuid.UUID] | None:
        """Ask for a new series and create it; returns (name, id)."""
        from ..meeting.dialogs import NewSeriesDialog

        dialog = NewSeriesDialog(self, people=people, series=series)
        if not dialog.exec():
            return None
        return self.create_series(dialog.values())

    def create_series(self, values: dict) -> tuple[str, uuid.UUID] | None:
        from ...services.meetings import create_series, delete_series

        window = self.window()
        command = create_command(
            window, self.tr("Nieuwe overlegreeks"), lambda s: create_series(s, **values), delete_series
        )
        if not push(window, command):
            return None
        return values["name"].strip(), command.result.id


def _enum_or_none(enum, value: str):
    try:
        return enum(value) if value else None
    except ValueError:  # a value of another version
        return None
