"""Acties: every action item and programme action with a filter bar, the progress history, and per gemeente.

Rows are loaded once (``services.actions.load_action_view``) and filtered and sorted in the model's own list,
the search in progress notes included. A big database (``base.is_large``) loads in a worker task
(``ui.worker``) so the window stays usable meanwhile; when the page opens empty it first shows
the first ``FIRST_ROWS`` rows of the default order from one quick query (``first_rows_shown``), and the
complete list replaces them when the worker is done (``loaded``). A status edited in the table is saved
through the window's undo stack and only the rows it touched are read again.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import arg, enum_label, plural
from ..itemmodels.actions import ActionViewModel, HistoryModel
from ..itemmodels.base import provisional_number
from ..widgets.status import POSTPONE_CHOICE, StatusDelegate, status_choices
from ..worker import start_task
from .base import Page, is_large, make_table_view
from .local_status import LocalStatusWidget

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 200
FIRST_ROWS = 100  # a big list first shows this many rows of its default order, read at once


class ActionsPage(Page):
    """All actions with filters, sorting on any column, status edited in place and each action's history."""

    key = "actions"
    watches = ("actions", "meetings", "network", "programme")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Acties"), parent)
        self.today = today
        self.loaded = False
        self.first_rows_shown = False  # the first screenful of a big list is shown, the rest still loading
        self._generation = 0

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.body().addWidget(self.tabs, 1)
        list_tab = QWidget(self)
        tab_layout = QVBoxLayout(list_tab)
        tab_layout.setContentsMargins(0, 8, 0, 0)
        tab_layout.setSpacing(8)
        self.tabs.addTab(list_tab, self.tr("Alle acties"))
        self.local_status = LocalStatusWidget(self)
        self.tabs.addTab(self.local_status, self.tr("Per gemeente"))
        self.tabs.currentChanged.connect(self._tab_changed)

        tab_layout.addLayout(self._create_filter_bar())

        self.model = ActionViewModel(self)
        self.model.status_edit_requested.connect(self._save_status)
        self.view = make_table_view(self.model, self, sortable=True, name=self.tr("Acties"))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setItemDelegateForColumn(ActionViewModel.STATUS, StatusDelegate(self.view, allow_postpone=True))
        self.view.horizontalHeader().setSortIndicator(ActionViewModel.NUMBER, Qt.SortOrder.AscendingOrder)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.setSpacing(4)
        self.detail_title = QLabel(detail)
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_meta = QLabel(detail)
        self.detail_meta.setWordWrap(True)
        self.history = HistoryModel(self)
        self.history_view = make_table_view(
            self.history, detail, sortable=False, name=self.tr("Voortgang van de gekozen actie")
        )  # oldest first
        # Who changed the action item's text, trekker or deadline, and when: its change log in a dialog.
        self.changes_button = QPushButton(self.tr("&Geschiedenis..."), detail)
        self.changes_button.setToolTip(self.tr("Wie heeft dit actiepunt wanneer gewijzigd (Ctrl+H)"))
        self.changes_button.clicked.connect(self.show_changes)
        changes_shortcut = QShortcut(QKeySequence("Ctrl+H"), self.view)
        changes_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        changes_shortcut.activated.connect(self.show_changes)
        # Correct an action item's text, trekker or deadline; programme actions are edited in the Programma page.
        self.edit_button = QPushButton(self.tr("&Wijzigen..."), detail)
        self.edit_button.setToolTip(self.tr("Tekst, trekker, deadline of soort van dit actiepunt corrigeren"))
        self.edit_button.clicked.connect(self.edit_selected)
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.changes_button, 0, Qt.AlignmentFlag.AlignTop)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(self.detail_meta)
        detail_layout.addWidget(self.history_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        tab_layout.addWidget(self.splitter, 1)
        self._show_history()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        for combo in (
            self.status_combo,
            self.kind_combo,
            self.trekker_combo,
            self.section_combo,
            self.group_combo,
            self.meeting_combo,
            self.tag_combo,
        ):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.open_only, self.late_only, self.quarter_only):
            box.toggled.connect(self.apply_filter)

    def _create_filter_bar(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        def combo(first: str) -> QComboBox:
            box = QComboBox(self)
            box.addItem(first, None)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            return box

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Zoeken in nummer, actie, trekker en voortgang..."))
        self.search_edit.setAccessibleName(self.tr("Zoeken in acties"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = combo(self.tr("Alle statussen"))
        for value, label in status_choices():
            self.status_combo.addItem(label, value)
        self.kind_combo = combo(self.tr("Actiepunten en programma"))
        self.kind_combo.addItem(self.tr("Alleen actiepunten en toezeggingen"), "item")
        self.kind_combo.addItem(self.tr("Alleen acties uit het programma"), "programme")
        self.trekker_combo = combo(self.tr("Alle trekkers"))
        self.section_combo = combo(self.tr("Alle actielijnen"))
        self.group_combo = combo(self.tr("Alle werkgroepen"))
        self.meeting_combo = combo(self.tr("Alle overleggen"))
        # The programme's own labels (processtappen, doelgroepen); hidden when it has none.
        self.tag_combo = combo(self.tr("Alle labels"))
        self.open_only = QCheckBox(self.tr("Alleen open"), self)
        self.late_only = QCheckBox(self.tr("Te laat"), self)
        self.quarter_only = QCheckBox(self.tr("Deadline dit kwartaal"), self)
        self.clear_button = QPushButton(self.tr("Filters wissen"), self)
        self.clear_button.clicked.connect(self.clear_filters)

        def labelled(text: str, widget: QWidget) -> QHBoxLayout:
            row = QHBoxLayout()
            row.setSpacing(4)
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
            return row

        grid.addWidget(self.search_edit, 0, 0, 1, 2)
        grid.addLayout(labelled(self.tr("Status:"), self.status_combo), 0, 2)
        grid.addWidget(self.kind_combo, 0, 3)
        grid.addLayout(labelled(self.tr("Trekker:"), self.trekker_combo), 1, 0)
        grid.addLayout(labelled(self.tr("Actielijn:"), self.section_combo), 1, 1)
        grid.addLayout(labelled(self.tr("Werkgroep:"), self.group_combo), 1, 2)
        grid.addLayout(labelled(self.tr("Overleg:"), self.meeting_combo), 1, 3)
        checks = QHBoxLayout()
        checks.setSpacing(16)
        for box in (self.open_only, self.late_only, self.quarter_only):
            checks.addWidget(box)
        self.tag_row = QWidget(self)
        tag_layout = labelled(self.tr("La&bel:"), self.tag_combo)
        tag_layout.setContentsMargins(0, 0, 0, 0)
        self.tag_row.setLayout(tag_layout)
        self.tag_row.hide()
        checks.addWidget(self.tag_row)
        checks.addStretch(1)
        checks.addWidget(self.clear_button)
        grid.addLayout(checks, 2, 0, 1, 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        return grid

    def views(self):
        return {"table": self.view, "history": self.history_view, "matrix": self.local_status.view}

    def location(self):
        return self.tabs.currentIndex()

    def show_location(self, location) -> None:
        self.tabs.setCurrentIndex(location)

    def splitters(self):
        return {"detail": self.splitter}

    # Filter.

    def current_filter(self):
        """The ``ViewFilter`` the filter bar describes."""
        from ...services.actions import ViewFilter

        status = self.status_combo.currentData()
        kind = self.kind_combo.currentData()
        # "org:<hex>" or "person:<hex>" (strings survive the QVariant round trip; tuples do not).
        trekker = (self.trekker_combo.currentData() or ":").split(":", 1)
        return ViewFilter(
            statuses=frozenset({status}) if status else frozenset(),
            kinds=frozenset({kind}) if kind else frozenset(),
            open_only=self.open_only.isChecked(),
            trekker_organisation_id=trekker[1] if trekker[0] == "org" else None,
            trekker_person_id=trekker[1] if trekker[0] == "person" else None,
            section_id=self.section_combo.currentData(),
            working_group_id=self.group_combo.currentData(),
            origin_meeting_id=self.meeting_combo.currentData(),
            overdue=self.late_only.isChecked(),
            due_this_quarter=self.quarter_only.isChecked(),
            search=self.search_edit.text(),
            tag_id=self.tag_combo.currentData(),
        )

    def apply_filter(self) -> None:
        """Show the rows the filter bar lets through (in the model: no reload)."""
        self._search_timer.stop()
        view_filter = self.current_filter()
        self.model.set_filter(view_filter)
        self._update_count()
        self._show_history()

    def clear_filters(self) -> None:
        widgets = (self.search_edit, self.status_combo, self.kind_combo, self.trekker_combo, self.section_combo)
        widgets += (self.group_combo, self.meeting_combo, self.tag_combo, self.open_only, self.late_only)
        widgets += (self.quarter_only,)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (
            self.status_combo,
            self.kind_combo,
            self.trekker_combo,
            self.section_combo,
            self.group_combo,
            self.meeting_combo,
            self.tag_combo,
        ):
            combo.setCurrentIndex(0)
        for box in (self.open_only, self.late_only, self.quarter_only):
            box.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def show_late(self) -> None:
        """Show every late action (the overview's "alle te late acties")."""
        self.tabs.setCurrentIndex(0)
        self.clear_filters()
        self.late_only.setChecked(True)

    def show_filtered(
        self, *, kind: str | None = None, section_id: str | None = None, status: str | None = None, late: bool = False
    ) -> None:
        """Show one chart segment of the overview: a kind, an actielijn, a status or the late ones."""
        self.tabs.setCurrentIndex(0)
        self.clear_filters()
        for combo, value in ((self.kind_combo, kind), (self.section_combo, section_id), (self.status_combo, status)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
            combo.blockSignals(False)
        self.late_only.blockSignals(True)
        self.late_only.setChecked(late)
        self.late_only.blockSignals(False)
        self.apply_filter()

    def _update_count(self) -> None:
        if not self.loaded:
            self.count_label.setText(self.tr("Laden..."))
            return
        shown, total = self.model.rowCount(), self.model.all_count()
        text = plural(shown, self.tr("1 actie"), self.tr("%1 acties"))
        if shown != total:
            text = arg(self.tr("%1 van %2"), text, f"{total:n}".replace(",", "."))
        late = self.model.late_count()
        if late:
            text = arg(self.tr("%1, waarvan %2 te laat"), text, late)
        self.count_label.setText(text)

    # Loading.

    def load(self, database) -> None:
        from ...services.actions import first_view_ids, load_action_view, view_choices
        from ...services.offline import provisional_ids

        super().load(database)
        with database.read_session() as session:
            choices = view_choices(session)
            big = is_large(session)
            # In an offline copy: the action items numbered there, whose numbers may change on return.
            self.model.provisional = frozenset(i.hex for i in provisional_ids(session))
            first = None
            if big and self.model.all_count() == 0:
                # An empty page shows the top of the list at once; a reload keeps the old rows meanwhile.
                first = load_action_view(session, ids=first_view_ids(session, FIRST_ROWS))
        self._fill_choices(choices)
        self._generation += 1
        if self.tabs.currentIndex() == 1:
            self.local_status.load(database)
        else:
            self.local_status.stale = True
        if big:
            self.loaded = self.loaded and self.model.all_count() > 0
            if first:
                self._show_first_rows(first)
            self._update_count()
            if first and self.view.isVisible():
                # Painted before the worker starts: its loop would otherwise share the interpreter lock with
                # the paint's data() calls (measured: 150 ms instead of 20 ms until the first rows show).
                self.view.viewport().repaint()
            generation = self._generation

            def load_rows(_progress, _cancelled):
                with database.read_session() as session:  # the task's own session
                    return generation, load_action_view(session)

            # A failure (the database closed meanwhile) is logged by the task; the page stays as it was.
            start = partial(start_task, load_rows, name="load actions view", succeeded=self._rows_loaded)
            if first:
                QTimer.singleShot(0, start)  # after the pending paints of the page, for the same reason
            else:
                start()
            return
        with database.read_session() as session:
            rows = load_action_view(session)
        self._rows_loaded((self._generation, rows))

    def _show_first_rows(self, rows) -> None:
        """The first rows of the default order while the rest loads: the top of the list, as it will be."""
        self.model.set_all_rows(rows, today=self.today())
        self.model.set_filter(self.current_filter())
        self.first_rows_shown = True
        self.fit_columns_once(self.view, main_column=ActionViewModel.TEXT, max_width=170, min_main_width=340)

    def _rows_loaded(self, loaded: tuple[int, list]) -> None:
        """Show the rows of load number ``generation`` (rows of an older load are dropped)."""
        generation, rows = loaded
        if generation != self._generation or self.database is None:
            return
        selected = self.selected_action()
        self.model.set_all_rows(rows, today=self.today())
        self.model.set_filter(self.current_filter())
        self.loaded = True
        self.first_rows_shown = False
        self.fit_columns_once(self.view, main_column=ActionViewModel.TEXT, max_width=170, min_main_width=340)
        self._update_count()
        if selected is not None:
            self.select_action(selected.id)
        self._show_history()

    def _fill_choices(self, choices) -> None:
        def refill(combo: QComboBox, items) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for data, label in items:
                if data is None:
                    combo.insertSeparator(combo.count())
                else:
                    combo.addItem(label, data)
            position = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)

        trekkers = [(f"org:{i}", name) for i, name in choices.organisations]
        trekkers += [(None, "")] + [(f"person:{i}", name) for i, name in choices.people]
        refill(self.trekker_combo, trekkers)
        refill(self.section_combo, choices.sections)
        refill(self.group_combo, choices.working_groups)
        refill(self.meeting_combo, choices.meetings)
        refill(self.tag_combo, choices.tags)
        self.tag_row.setVisible(bool(choices.tags))
        # With several programmes in the database, the heading names the one shown (the current one).
        title = choices.programme_title
        self.title_label.setText(arg(self.tr("Acties: %1"), title) if title else self.tr("Acties"))

    def apply_changes(self, changes) -> None:
        """After an edit read only the rows it touched, when they are all known (shown or not); else
        everything, now when in view or when next shown."""
        if not self.affected_by(changes):
            return
        ids = {i.hex if isinstance(i, uuid.UUID) else str(i) for i in changes.ids}
        if self.loaded and ids and changes.actions and not changes.network and all(self.model.has_id(i) for i in ids):
            from ...services.actions import load_action_view

            with self.database.session() as session:
                fresh = load_action_view(session, ids=ids)
            self.model.replace_rows(fresh)
            self._update_count()
            self._show_history()
            if self.tabs.currentIndex() == 1:
                self.local_status.load(self.database)
            else:
                self.local_status.stale = True
            return
        super().apply_changes(changes)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.database is not None and self.local_status.stale:
            self.local_status.load(self.database)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._update_count()

    def clear(self) -> None:
        super().clear()
        self._generation += 1
        self.loaded = False
        self.first_rows_shown = False
        self.model.set_all_rows([])
        self.history.set_rows([])
        self.local_status.clear()
        self.count_label.clear()

    # Selection, history and status edits.

    def selected_action(self):
        index = self.view.selectionModel().currentIndex() if self.view.selectionModel() else None
        if index is None or not index.isValid():
            return None
        return self.model.row_at(index.row())

    def select_action(self, row_id: str) -> bool:
        row = self.model.row_of(row_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, ActionViewModel.TEXT))
        return True

    def _show_history(self) -> None:
        from ...services.action_view import ITEM

        row = self.selected_action()
        self.changes_button.setEnabled(row is not None and row.kind == ITEM and self.database is not None)
        self.edit_button.setEnabled(self.changes_button.isEnabled())
        self.edit_button.setToolTip(
            self.tr("Acties uit het programma wijzigt u op de pagina Programma")
            if row is not None and row.kind != ITEM
            else self.tr("Tekst, trekker, deadline of soort van dit actiepunt corrigeren")
        )
        if row is None or self.database is None:
            self.detail_title.setText(self.tr("<i>Kies een actie om de voortgang te zien.</i>"))
            self.detail_meta.clear()
            self.history.set_rows([])
            return
        from ...services.actions import action_history

        number = provisional_number(row.number) if row.id in self.model.provisional else row.number
        self.detail_title.setText(f"<b>{_escape(number)}</b> {_escape(' '.join(row.text.split()))}")
        parts = [
            arg(self.tr("Trekker: %1"), row.trekker or "-"),
            arg(self.tr("Deadline: %1"), row.deadline_display or "-"),
            arg(self.tr("Status: %1"), self.model.display(row, ActionViewModel.STATUS)),
        ]
        if row.times_postponed:
            parts.append(
                self.tr("1 keer uitgesteld")
                if row.times_postponed == 1
                else arg(self.tr("%1 keer uitgesteld"), row.times_postponed)
            )
        if row.kind == ITEM and row.origin_meeting_title:
            parts.append(arg(self.tr("Uit: %1"), self.model.display(row, ActionViewModel.MEETING)))
        self.detail_meta.setText("   ·   ".join(_escape(p) for p in parts))
        with self.database.session() as session:
            self.history.set_rows(action_history(session, row.kind, row.id))
        self.fit_columns_once(self.history_view, main_column=HistoryModel.DONE, max_width=200)

    def show_changes(self):
        """The change history (who, when, old -> new, why) of the selected action item, in a dialog."""
        from ...services.actions import ITEM
        from ..meeting.dialogs import show_record_history

        row = self.selected_action()
        if row is None or row.kind != ITEM or self.database is None:
            return None
        action_id = row.id if isinstance(row.id, uuid.UUID) else uuid.UUID(str(row.id))
        subject = arg(self.tr("Actie %1: %2"), row.number, " ".join(row.text.split())[:200])
        return show_record_history(self, self.database, "action_item", action_id, subject)

    def edit_selected(self) -> bool:
        """Correct the selected action item in a form, through the window's undo stack (not programme actions)."""
        from ...services.actions import ITEM
        from ..meeting.action_dialog import edit_action_item

        row = self.selected_action()
        window = self.window()
        if row is None or row.kind != ITEM or self.database is None or not hasattr(window, "undo_stack"):
            return False
        action_id = row.id if isinstance(row.id, uuid.UUID) else uuid.UUID(str(row.id))
        return edit_action_item(self, window, action_id)

    def _save_status(self, row, status: str) -> None:
        from ...models.enums import ActionStatus
        from ...services.actions import set_action_status, undo_action_status
        from ..undo import ServiceCommand, push

        window = self.window()
        if not hasattr(window, "undo_stack"):
            return
        label = self.tr("Doorgeschoven") if status == POSTPONE_CHOICE else enum_label(ActionStatus(status))
        text = arg(self.tr("Status van %1: %2"), row.number, label)
        today = self.today()
        push(
            window,
            ServiceCommand(
                window,
                text,
                # The status this row showed: another user's newer status is not silently overwritten.
                do=lambda s: set_action_status(s, row.kind, row.id, status, on=today, seen=_shown_status(row)),
                undo=undo_action_status,
            ),
        )


def _shown_status(row):
    """The status the row showed, or None (then nothing is compared) when it holds none."""
    value = getattr(row, "status", None)
    return getattr(value, "value", value) or None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
