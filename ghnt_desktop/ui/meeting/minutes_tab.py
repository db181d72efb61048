"""Notuleren tab: the minute-taking view of the secretaris, one agenda item at a time, keyboard first.

- Alt+Left/Alt+Right (and PgUp/PgDn outside the text) move between agenda items.
- The verslag text is saved 500 ms after typing stops, at the latest 0.75 s after the oldest unsaved
  keystroke while typing on without a pause (``ui.debounce``), and when the field is left; one burst of
  typing is one undo step (``commands.TextCommand``), so at most the last second is lost when the laptop dies.
- Ctrl+Enter adds a besluit, an actiepunt or toezegging, or records progress, in the part that has focus.
- Under an item with programme actions (the "Voortgang actieprogramma" item) the part "Voortgang
  actieprogramma" takes status, wat is gedaan and wat moet nog per action, one row per action per item.
- The trekker is typed with completion over the attendees and the organisations; the deadline is a date
  or a text such as "Q2 2020", and the period read from it is shown at once.
- An action item recorded here is corrected with "Wijzigen..." or a double-click (``action_dialog``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import clock_time, short_date
from ...models.enums import POSTPONE_CHOICE
from ..a11y import accessible
from ..debounce import Debouncer
from ..i18n import arg, enum_label
from ..itemmodels.base import ROW_ROLE, RowTableModel, provisional_tip
from ..itemmodels.minutes import ActionItemTableModel
from ..pages.base import make_table_view
from .base import MeetingTab
from .commands import (
    TextCommand,
    current_user,
    delete_command,
    escalation_command,
    programme_progress_command,
    progress_command,
)
from .data import MeetingData
from .dialogs import find_data
from .drafts import Drafts
from .fields import cleaned, period_text


def fit_with_stretch(view, model, stretch_column: int, max_width: int = 220) -> None:
    """Columns as wide as their contents (at least their header, at most ``max_width``); one column takes the rest."""
    from PySide6.QtWidgets import QHeaderView

    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    minimums: dict[int, int] = {}
    for column in range(model.columnCount()):
        if column == stretch_column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.resizeColumnToContents(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        minimum = header.fontMetrics().horizontalAdvance(title) + 28
        # Numbers, deadlines and statuses (KEY_COLUMNS) are read whole: no cap for them.
        cap = header.sectionSize(column) + 12 if column in getattr(model, "KEY_COLUMNS", ()) else max_width
        header.resizeSection(column, max(minimum, min(header.sectionSize(column) + 12, cap)))
        minimums[column] = minimum
    # In a narrow view the other columns give up width (down to their header) before the key columns are
    # pushed out of sight; the stretching column keeps a readable 160 px.
    deficit = sum(header.sectionSize(c) for c in minimums) + 160 - view.viewport().width()
    keep = set(getattr(model, "KEY_COLUMNS", ()))
    for column in sorted(set(minimums) - keep, key=header.sectionSize, reverse=True):
        if deficit <= 0:
            break
        spare = min(header.sectionSize(column) - minimums[column], deficit)
        if spare > 0:
            header.resizeSection(column, header.sectionSize(column) - spare)
            deficit -= spare


def _ctrl_enter(widget: QWidget, slot) -> None:
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)


class ProgrammeProgressModel(RowTableModel):
    """The programme actions under the voortgang item: code, action, status, gedaan, nog te doen."""

    CODE, TEXT, STATUS, DONE, TODO = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProgrammeProgressModel", "Code"),
        QT_TRANSLATE_NOOP("ProgrammeProgressModel", "Actie uit het programma"),
        QT_TRANSLATE_NOOP("ProgrammeProgressModel", "Status"),
        QT_TRANSLATE_NOOP("ProgrammeProgressModel", "Gedaan"),
        QT_TRANSLATE_NOOP("ProgrammeProgressModel", "Nog te doen"),
    )

    def display(self, row, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.TEXT:
            return " ".join(row.text.split())
        if column == self.STATUS:
            return enum_label(row.status)
        if column == self.DONE:
            return " ".join(row.done_text.split())
        if column == self.TODO:
            return " ".join(row.todo_text.split())
        return ""

    def tooltip(self, row, column: int) -> str | None:
        return {self.TEXT: row.text, self.DONE: row.done_text, self.TODO: row.todo_text}.get(column) or None


class NotesEdit(QPlainTextEdit):
    """The verslag text of one item; says when it loses focus, and flushes before the window's undo."""

    focus_lost = Signal()
    before_undo = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            # Leave Ctrl+Z to the window's undo stack, after saving what was typed.
            self.before_undo.emit()
            event.ignore()
            return False
        return super().event(event)


class MinutesTab(MeetingTab):
    """One agenda item at a time: verslag, besluiten, actiepunten and the review of the actielijst."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ...models import ActionStatus

        self.item_list = QListWidget(self)
        self.item_list.setAccessibleName(self.tr("Agendapunten"))
        self.item_list.setMinimumWidth(180)
        self.item_list.setMaximumWidth(300)
        self.item_list.setSpacing(2)
        self.item_list.setWordWrap(False)
        self.item_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles elide

        self.previous_button = QPushButton(self.tr("◀ Vorige"), self)
        self.previous_button.setToolTip(self.tr("Vorig agendapunt (Alt+Links of PgUp)"))
        self.next_button = QPushButton(self.tr("Volgende ▶"), self)
        self.next_button.setToolTip(self.tr("Volgend agendapunt (Alt+Rechts of PgDn)"))
        self.item_title = QLabel(self)
        font = self.item_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.item_title.setFont(font)
        self.item_title.setWordWrap(True)
        self.item_meta = QLabel(self)
        self.item_meta.setStyleSheet("color: palette(placeholder-text);")
        self.item_meta.setWordWrap(True)  # a narrow window: on two lines rather than cut
        self.item_history_button = QPushButton(self.tr("Geschiedenis..."), self)
        self.item_history_button.setToolTip(self.tr("Wie wat wanneer wijzigde aan dit agendapunt en zijn verslag"))

        self.notes = NotesEdit(self)
        self.notes.setUndoRedoEnabled(False)  # Ctrl+Z is the window's undo: every save is a step there
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Verslag van dit agendapunt: wat is besproken (geen cliëntgegevens)"))
        accessible(self.notes, self.tr("Verslag van dit agendapunt"), self.tr("Geen cliëntgegevens"))
        self.notes_label = QLabel(self.tr("&Verslag"), self)
        self.notes_label.setBuddy(self.notes)
        self.saved_label = QLabel(self)
        self.saved_label.setStyleSheet("color: palette(placeholder-text);")
        self._autosave = Debouncer(self.save_notes, parent=self)
        self._notes_item: uuid.UUID | None = None
        #: Typed but not yet recorded decisions, actions and progress, kept per record (``drafts.py``).
        self.drafts = Drafts()
        self._burst = 0
        self._showing = False

        # Besluiten.
        self.decisions = QListWidget(self)
        self.decisions.setAccessibleName(self.tr("Besluiten bij dit agendapunt"))
        self.decisions.setWordWrap(True)
        self.decision_edit = QPlainTextEdit(self)
        self.decision_edit.setTabChangesFocus(True)
        self.decision_edit.setPlaceholderText(self.tr("Tekst van het besluit; Ctrl+Enter legt het vast"))
        accessible(self.decision_edit, self.tr("Nieuw besluit"), self.tr("Ctrl+Enter legt het besluit vast"))
        self.decision_edit.setMaximumHeight(72)
        self.decision_confidential = QCheckBox(self.tr("Vertrouwelijk"), self)
        self.add_decision_button = QPushButton(self.tr("Besluit toevoegen (Ctrl+Enter)"), self)
        self.escalate_button = QPushButton(self.tr("Ter besluitvorming voorleggen"), self)
        self.escalate_button.setToolTip(self.tr("Het gekozen besluit aan het bestuurlijk overleg voorleggen"))
        self.delete_decision_button = QPushButton(self.tr("Verwijderen"), self)
        decisions_page = QWidget(self)
        decision_layout = QVBoxLayout(decisions_page)
        decision_layout.addWidget(self.decisions, 1)
        # What acts on the chosen decision sits under the list; the new decision's switch and button under
        # its entry (one row of four was cut at 150%).
        chosen = QHBoxLayout()
        chosen.addStretch(1)
        chosen.addWidget(self.escalate_button)
        chosen.addWidget(self.delete_decision_button)
        decision_layout.addLayout(chosen)
        decision_label = QLabel(self.tr("Nieuw beslu&it:"), self)  # Alt+I: straight to the new decision
        decision_label.setBuddy(self.decision_edit)
        decision_layout.addWidget(decision_label)
        decision_layout.addWidget(self.decision_edit)
        row = QHBoxLayout()
        row.addWidget(self.decision_confidential)
        row.addStretch(1)
        row.addWidget(self.add_decision_button)
        decision_layout.addLayout(row)
        _ctrl_enter(decisions_page, self.add_decision)

        # Actiepunten and toezeggingen made under this item.
        self.actions_model = ActionItemTableModel(self)
        self.actions_table = make_table_view(
            self.actions_model, self, sortable=False, name=self.tr("Actiepunten bij dit agendapunt")
        )
        self.actions_table.setColumnHidden(ActionItemTableModel.ORIGIN, True)  # all made here
        self.action_text = QLineEdit(self)
        self.action_text.setPlaceholderText(self.tr("Wat moet er gebeuren?"))
        accessible(self.action_text, self.tr("Nieuw actiepunt: wat moet er gebeuren"))
        self.trekker_edit = QLineEdit(self)
        self.trekker_edit.setPlaceholderText(self.tr("naam of organisatie"))
        self.trekker_completer = QCompleter([], self.trekker_edit)
        self.trekker_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.trekker_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.trekker_edit.setCompleter(self.trekker_completer)
        self.deadline_edit = QLineEdit(self)
        self.deadline_edit.setPlaceholderText(self.tr("15-04-2020, Q2 2020, voor de zomer..."))
        self.deadline_label = QLabel(self)
        self.programme_combo = QComboBox(self)
        self.programme_combo.setMinimumContentsLength(24)
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.toezegging_check = QCheckBox(self.tr("Toezegging (aan of door het bestuur)"), self)
        self.action_confidential = QCheckBox(self.tr("Vertrouwelijk"), self)
        self.add_action_button = QPushButton(self.tr("Actie toevoegen (Ctrl+Enter)"), self)
        self.delete_action_button = QPushButton(self.tr("Verwijderen"), self)
        self.edit_action_button = QPushButton(self.tr("Wijzigen..."), self)
        self.edit_action_button.setToolTip(self.tr("Tekst, trekker, deadline of soort van de gekozen actie corrigeren"))
        actions_page = QWidget(self)
        action_layout = QVBoxLayout(actions_page)
        action_layout.addWidget(self.actions_table, 1)
        form = QFormLayout()
        form.addRow(self.tr("Acti&e:"), self.action_text)
        trekker_row = QHBoxLayout()
        trekker_row.addWidget(self.trekker_edit, 1)
        trekker_row.addWidget(QLabel(self.tr("&Deadline:"), self))
        trekker_row.itemAt(1).widget().setBuddy(self.deadline_edit)
        trekker_row.addWidget(self.deadline_edit, 1)
        trekker_label = QLabel(self.tr("Tre&kker:"), self)
        trekker_label.setBuddy(self.trekker_edit)
        form.addRow(trekker_label, trekker_row)
        form.addRow("", self.deadline_label)
        form.addRow(self.tr("Progra&mma:"), self.programme_combo)
        action_layout.addLayout(form)
        # The two switches on their own line: beside the three buttons they were cut at 1366x768.
        switches = QHBoxLayout()
        switches.addWidget(self.toezegging_check)
        switches.addWidget(self.action_confidential)
        switches.addStretch(1)
        action_layout.addLayout(switches)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_action_button)
        row.addWidget(self.delete_action_button)
        row.addWidget(self.add_action_button)
        action_layout.addLayout(row)
        _ctrl_enter(actions_page, self.add_action)

        # Review of the carried actions (actielijst vorig overleg).
        self.review_model = ActionItemTableModel(self)
        self.review_table = make_table_view(
            self.review_model, self, sortable=False, name=self.tr("Acties uit eerdere overleggen")
        )
        self.review_status = QComboBox(self)
        for status in ActionStatus:
            self.review_status.addItem(enum_label(status), status)
        self.review_status.addItem(self.tr("Doorgeschoven"), POSTPONE_CHOICE)  # open, and counts as uitstel
        self.review_status.setItemData(
            self.review_status.count() - 1,
            self.tr("Uitgesteld naar later: de actie blijft open en telt als uitstel"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.review_done = QLineEdit(self)
        self.review_done.setPlaceholderText(self.tr("Wat is gedaan?"))
        accessible(self.review_done, self.tr("Wat is gedaan"))
        self.review_todo = QLineEdit(self)
        self.review_todo.setPlaceholderText(self.tr("Wat moet nog?"))
        accessible(self.review_todo, self.tr("Wat moet nog"))
        self.review_deadline = QLineEdit(self)
        self.review_deadline_label = QLabel(self)
        self.review_button = QPushButton(self.tr("Voortgang vastleggen (Ctrl+Enter)"), self)
        review_page = QWidget(self)
        review_layout = QVBoxLayout(review_page)
        review_layout.addWidget(self.review_table, 1)
        review_form = QFormLayout()
        status_row = QHBoxLayout()
        status_row.addWidget(self.review_status)
        status_row.addWidget(QLabel(self.tr("Deadline:"), self))
        status_row.itemAt(1).widget().setBuddy(self.review_deadline)
        status_row.addWidget(self.review_deadline, 1)
        status_row.addWidget(self.review_deadline_label)
        status_label = QLabel(self.tr("Stat&us:"), self)
        status_label.setBuddy(self.review_status)
        review_form.addRow(status_label, status_row)
        review_form.addRow(self.tr("Ge&daan:"), self.review_done)
        review_form.addRow(self.tr("Nog t&e doen:"), self.review_todo)
        review_layout.addLayout(review_form)
        row = QHBoxLayout()
        self.review_hint = QLabel(self.tr("Een latere deadline telt als uitstel."), self)
        self.review_hint.setStyleSheet("color: palette(placeholder-text);")
        self.review_hint.setWordWrap(True)  # wraps in a narrow view instead of widening it
        row.addWidget(self.review_hint)
        row.addStretch(1)
        row.addWidget(self.review_button)
        review_layout.addLayout(row)
        _ctrl_enter(review_page, self.record_review)

        # Voortgang of the programme actions linked to this item (the "Voortgang actieprogramma" item).
        self.programme_model = ProgrammeProgressModel(self)
        self.programme_table = make_table_view(
            self.programme_model, self, sortable=False, name=self.tr("Acties uit het programma")
        )
        self.programme_status = QComboBox(self)
        for status in ActionStatus:
            self.programme_status.addItem(enum_label(status), status)
        self.programme_done = QLineEdit(self)
        self.programme_done.setPlaceholderText(self.tr("Wat is gedaan?"))
        accessible(self.programme_done, self.tr("Wat is gedaan"))
        self.programme_todo = QLineEdit(self)
        self.programme_todo.setPlaceholderText(self.tr("Wat moet nog?"))
        accessible(self.programme_todo, self.tr("Wat moet nog"))
        self.programme_button = QPushButton(self.tr("Voortgang vastleggen (Ctrl+Enter)"), self)
        programme_page = QWidget(self)
        programme_layout = QVBoxLayout(programme_page)
        programme_layout.addWidget(self.programme_table, 1)
        programme_form = QFormLayout()
        programme_status_label = QLabel(self.tr("Stat&us:"), self)
        programme_status_label.setBuddy(self.programme_status)
        status_row = QHBoxLayout()
        status_row.addWidget(self.programme_status)
        status_row.addStretch(1)
        programme_form.addRow(programme_status_label, status_row)
        programme_form.addRow(self.tr("Ge&daan:"), self.programme_done)
        programme_form.addRow(self.tr("Nog t&e doen:"), self.programme_todo)
        programme_layout.addLayout(programme_form)
        row = QHBoxLayout()
        self.programme_hint = QLabel(self.tr("Na vastleggen volgt de volgende actie."), self)
        self.programme_hint.setStyleSheet("color: palette(placeholder-text);")
        self.programme_hint.setWordWrap(True)
        row.addWidget(self.programme_hint)
        row.addStretch(1)
        row.addWidget(self.programme_button)
        programme_layout.addLayout(row)
        _ctrl_enter(programme_page, self.record_programme_progress)

        self.parts = QTabWidget(self)
        self.parts.addTab(decisions_page, self.tr("Besluiten"))
        self.parts.addTab(actions_page, self.tr("Actiepunten"))
        self.parts.addTab(review_page, self.tr("Actielijst vorig overleg"))
        self.parts.addTab(programme_page, self.tr("Voortgang actieprogramma"))
        self.decisions_page, self.actions_page, self.review_page = decisions_page, actions_page, review_page
        self.programme_page = programme_page

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.item_title)
        titles.addWidget(self.item_meta)
        header.addLayout(titles, 1)
        header.addWidget(self.next_button)
        right_layout.addLayout(header)
        notes_box = QWidget(self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        label_row = QHBoxLayout()
        label_row.addWidget(self.notes_label)
        label_row.addStretch(1)
        label_row.addWidget(self.saved_label)
        label_row.addWidget(self.item_history_button)
        notes_layout.addLayout(label_row)
        notes_layout.addWidget(self.notes, 1)
        # The privacy guard: a warning (never a block) when the text looks like case data.
        self.privacy_label = QLabel(self)
        self.privacy_label.setObjectName("privacyWarning")
        self.privacy_label.setWordWrap(True)
        self.privacy_label.setStyleSheet("color: #9c5700;")
        self.privacy_button = QPushButton(self.tr("Markeer punt als vertrouweli&jk"), self)
        self.privacy_button.clicked.connect(self.mark_item_confidential)
        privacy_row = QHBoxLayout()
        privacy_row.addWidget(self.privacy_label, 1)
        privacy_row.addWidget(self.privacy_button)
        notes_layout.addLayout(privacy_row)
        self.privacy_label.setVisible(False)
        self.privacy_button.setVisible(False)
        self.inner = QSplitter(Qt.Orientation.Vertical, self)
        self.inner.addWidget(notes_box)
        self.inner.addWidget(self.parts)
        self.inner.setStretchFactor(0, 2)
        self.inner.setStretchFactor(1, 3)
        self.inner.setChildrenCollapsible(False)
        right_layout.addWidget(self.inner, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.splitter)

        self.item_list.currentRowChanged.connect(self._item_chosen)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.item_history_button.clicked.connect(self.show_item_history)
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1), ("PgUp", -1), ("PgDown", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self.notes.textChanged.connect(self._notes_changed)
        self.notes.focus_lost.connect(self._end_burst)
        self.notes.before_undo.connect(self.save_notes)
        self.add_decision_button.clicked.connect(self.add_decision)
        self.delete_decision_button.clicked.connect(self.delete_decision)
        self.escalate_button.clicked.connect(self.escalate_decision)
        self.add_action_button.clicked.connect(self.add_action)
        self.delete_action_button.clicked.connect(self.delete_action)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.actions_table.doubleClicked.connect(lambda _i: self.edit_action())
        self.review_button.clicked.connect(self.record_review)
        self.deadline_edit.textChanged.connect(lambda text: self._show_period(text, self.deadline_label))
        self.review_deadline.textChanged.connect(lambda text: self._show_period(text, self.review_deadline_label))
        self.review_table.selectionModel().currentRowChanged.connect(lambda _c, previous: self._fill_review(previous))
        self.programme_button.clicked.connect(self.record_programme_progress)
        self.programme_table.selectionModel().currentRowChanged.connect(
            lambda _c, previous: self._fill_programme(previous)
        )
        self.decisions.currentRowChanged.connect(lambda *_: self._update_buttons())
        self.actions_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

    # Showing.

    def show_data(self, data: MeetingData) -> None:
        keep = self.current_item_id()
        if self.data is not None and self.data.detail.id != data.detail.id:  # type: ignore[attr-defined]
            self.save_notes()
            keep = None
        super().show_data(data)
        self._showing = True
        self.item_list.clear()
        for line in data.agenda:
            entry = QListWidgetItem(f"{line.item.number}.  {line.item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, line.item.id)
            entry.setToolTip(line.item.title)
            self.item_list.addItem(entry)
        row = next((i for i, line in enumerate(data.agenda) if line.item.id == keep), 0)
        if data.agenda:
            self.item_list.setCurrentRow(row)  # a reload, not a change of item: the typing burst goes on
        self._showing = False
        if data.agenda:
            self._show_item()
        attendee_names = {r.person_name for r in data.attendance if r.person_name and r.person_id is not None}
        attendee_names |= {r.substitute_name for r in data.attendance if r.substitute_name}
        organisations = {name for _id, name in data.organisations}
        self.trekker_completer.model().setStringList(  # type: ignore[attr-defined]
            sorted(attendee_names | organisations, key=str.casefold)
        )
        current_programme = self.programme_combo.currentData()
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("— geen actie uit het programma —"), None)
        for pid, code, text in data.programme_choices:
            self.programme_combo.addItem(f"{code} {text}", pid)
            self.programme_combo.setItemData(
                self.programme_combo.count() - 1, f"{code} {text}", Qt.ItemDataRole.ToolTipRole
            )
        self.programme_combo.setCurrentIndex(max(0, find_data(self.programme_combo, current_programme)))
        self.actions_model.reference = data.detail.date  # type: ignore[attr-defined]
        self.review_model.reference = data.detail.date  # type: ignore[attr-defined]
        current_review = self._review_row()
        self._stash_review(current_review)  # a reload refills the form: what was typed is put back after it
        self._stash_programme(self._programme_row())
        carried = [r for r in (*data.actions, *data.toezeggingen) if not r.new_at_meeting]
        self.review_model.provisional = data.provisional
        self.review_model.set_rows(carried)
        row = self.review_model.row_of(lambda r: r.id == current_review.id) if current_review else -1
        if row < 0 and carried:
            row = 0
        if row >= 0:
            self.review_table.setCurrentIndex(self.review_model.index(row, 0))
        self._fit(self.review_table, self.review_model)
        self.parts.setTabText(2, arg(self.tr("Actielijst vorig overleg (%1)"), len(carried)))
        self._set_editable(not data.read_only)

    @staticmethod
    def _fit(view, model) -> None:
        fit_with_stretch(view, model, model.TEXT, max_width=150)

    def _set_editable(self, editable: bool) -> None:
        self.notes.setReadOnly(not editable)
        for widget in (
            self.decision_edit,
            self.decision_confidential,
            self.add_decision_button,
            self.action_text,
            self.trekker_edit,
            self.deadline_edit,
            self.programme_combo,
            self.toezegging_check,
            self.action_confidential,
            self.add_action_button,
            self.review_status,
            self.review_done,
            self.review_todo,
            self.review_deadline,
            self.review_button,
            self.programme_status,
            self.programme_done,
            self.programme_todo,
            self.programme_button,
        ):
            widget.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self.read_only
        decision = self._decision()
        self.delete_decision_button.setEnabled(editable and decision is not None)
        self.escalate_button.setEnabled(
            editable
            and decision is not None
            and self.data is not None
            and self.data.can_escalate
            and decision.escalation.value == "none"
        )
        self.delete_action_button.setEnabled(editable and self._action() is not None)
        # A vastgesteld verslag refuses the correction with the service's message, which says how to reopen.
        self.edit_action_button.setEnabled(self._action() is not None)

    def current_item_id(self) -> uuid.UUID | None:
        entry = self.item_list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    def current_item(self):
        return self.data.item(self.current_item_id()) if self.data is not None else None

    def show_item_history(self):
        """The change log of this agenda item: title, flags and its verslag text, every edit with who and when."""
        item = self.current_item()
        database = self.main_window().database
        if item is None or database is None:
            return None
        from .dialogs import show_record_history

        return show_record_history(self, database, "agenda_item", item.id, f"{item.number} {item.title}".strip())

    def step(self, delta: int) -> None:
        """Go to the previous or next agenda item."""
        row = self.item_list.currentRow() + delta
        if 0 <= row < self.item_list.count():
            self.item_list.setCurrentRow(row)

    def go_to(self, item_id: uuid.UUID) -> None:
        for row in range(self.item_list.count()):
            if self.item_list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.item_list.setCurrentRow(row)

    def _item_chosen(self, _row: int) -> None:
        if self._showing:
            return
        self.save_notes()
        self._burst += 1
        self._show_item()

    def _show_item(self) -> None:
        item = self.current_item()
        data = self.data
        if item is None or data is None:
            return
        line = next(line for line in data.agenda if line.item.id == item.id)
        self.item_title.setText(f"{item.number}.  {item.title}")
        meta = [enum_label(item.purpose)]
        if item.inbrenger:
            meta.append(arg(self.tr("inbrenger %1"), item.inbrenger))
        if line.start and line.end:
            meta.append(f"{clock_time(line.start)}–{clock_time(line.end)}")
        if item.confidential:
            meta.append(self.tr("vertrouwelijk"))
        if line.guests:
            meta.append(arg(self.tr("gast: %1"), ", ".join(line.guests)))
        self.item_meta.setText(" · ".join(meta))
        self.check_privacy()
        row = self.item_list.currentRow()
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.item_list.count() - 1)
        # The notes: keep what is being typed; replace only when the stored text really differs.
        same_item = self._notes_item == item.id
        if not same_item:
            self._switch_entry_drafts(self._notes_item, item)
        if not same_item or (not self._autosave.pending and cleaned(self.notes.toPlainText()) != item.minutes_text):
            if same_item:
                self._burst += 1  # the text changed underneath (undo, redo): new typing is a new step
            position = self.notes.textCursor().position() if same_item else 0
            self.notes.blockSignals(True)
            self.notes.setPlainText(item.minutes_text)
            self.notes.blockSignals(False)
            self._notes_base = item.minutes_text  # what the typing starts from (see ``save_notes``)
            cursor = self.notes.textCursor()
            cursor.setPosition(min(position, len(self.notes.toPlainText())))
            self.notes.setTextCursor(cursor)
            if not same_item:
                self.saved_label.setText("")
        self._notes_item = item.id
        self._notes_item_number = item.number
        # Decisions under this item.
        current_decision = self._decision()
        self.decisions.clear()
        for decision in data.decisions:
            if decision.agenda_item_id == item.id:
                number = self.number_text(decision.id, decision.number)
                text = f"{number}   {decision.text}"
                if decision.escalation.value != "none":
                    text += f"   [{enum_label(decision.escalation)}]"
                entry = QListWidgetItem(text)
                if decision.id in data.provisional:
                    entry.setToolTip(provisional_tip())
                entry.setData(Qt.ItemDataRole.UserRole, decision)
                self.decisions.addItem(entry)
                if current_decision is not None and decision.id == current_decision.id:
                    self.decisions.setCurrentItem(entry)
        decisions_here = self.decisions.count()
        actions_here = [r for r in (*data.actions, *data.toezeggingen) if r.origin_agenda_item_id == item.id]
        self.actions_model.provisional = data.provisional
        self.actions_model.set_rows(actions_here)
        self._fit(self.actions_table, self.actions_model)
        self.parts.setTabText(0, arg(self.tr("Besluiten (%1)"), decisions_here))
        self.parts.setTabText(1, arg(self.tr("Actiepunten (%1)"), len(actions_here)))
        self._show_programme(item, same_item)
        if not same_item and item.standard_item == "previous_minutes" and self.review_model.rowCount():
            self.parts.setCurrentWidget(self.review_page)
        elif not same_item and self.programme_model.rowCount():
            self.parts.setCurrentWidget(self.programme_page)  # the voortgang item: its actions come first
        elif not same_item:
            # Every other item starts on its decisions, so Alt+I (Nieuw besluit) always reaches the entry.
            self.parts.setCurrentWidget(self.decisions_page)
        self._update_buttons()

    # Verslag text.

    def _notes_changed(self) -> None:
        if self.read_only or self._notes_item is None:
            return
        self.saved_label.setText(self.tr("Wordt opgeslagen..."))
        self._autosave.poke()

    def _end_burst(self) -> None:
        self.save_notes()
        self._burst += 1

    def save_notes(self) -> None:
        """Save the verslag text now if it differs from what is stored (the debounce and focus-out call this)."""
        self._autosave.cancel()
        item_id = self._notes_item
        if item_id is None or self.data is None or self.read_only:
            return
        item = self.data.item(item_id)
        text = self.notes.toPlainText()
        if item is None or cleaned(text) == item.minutes_text:
            if self.saved_label.text():
                self.saved_label.setText(self.tr("Opgeslagen"))
            return
        from ...services.minutes import set_minutes_text

        command = TextCommand(
            self.main_window(),
            arg(self.tr("Verslag agendapunt %1"), item.number),
            set_minutes_text,
            item_id,
            "text",
            text,
            self._burst,
            seen=getattr(self, "_notes_base", item.minutes_text),
        )
        if self.run(command):
            self._notes_base = cleaned(text)
            self.saved_label.setText(arg(self.tr("Opgeslagen om %1"), datetime.now().strftime("%H:%M:%S")))
            self.check_privacy()

    def check_privacy(self) -> None:
        """Warn when the saved verslag text looks like case data; offer to mark the item vertrouwelijk."""
        from ...privacy import describe, find_case_data

        item = self.current_item()
        warning = describe(find_case_data(self.notes.toPlainText())) if item is not None else ""
        self.privacy_label.setText(warning)
        self.privacy_label.setVisible(bool(warning))
        self.privacy_button.setVisible(bool(warning) and item is not None and not item.confidential)

    def mark_item_confidential(self) -> None:
        from ...services.agenda import update_agenda_item

        item = self.current_item()
        if item is None or self.read_only:
            return
        self.save_notes()
        label = arg(self.tr("Agendapunt %1 vertrouwelijk"), item.number)
        if self.edit(label, update_agenda_item, item.id, seen={"confidential": item.confidential}, confidential=True):
            self.privacy_button.setVisible(False)

    # Decisions.

    def _entry_fields(self) -> dict:
        return {
            "decision": self.decision_edit,
            "action": self.action_text,
            "trekker": self.trekker_edit,
            "deadline": self.deadline_edit,
        }

    def _switch_entry_drafts(self, previous_id: uuid.UUID | None, item) -> None:
        """Another agenda item: keep the unrecorded decision and action typed for the previous one (they
        return with it) and show those of ``item``, so nothing typed lands under the wrong item or is lost."""
        if previous_id is not None and not self.read_only:
            label = arg(self.tr("besluit of actiepunt bij agendapunt %1"), getattr(self, "_notes_item_number", ""))
            self.drafts.stash("entry", previous_id, self._entry_fields(), {}, label)
        if self.drafts.restore("entry", item.id, self._entry_fields(), {}):
            self.main_window().show_status(
                arg(self.tr("Nog niet vastgelegd besluit of actiepunt bij punt %1 teruggezet."), item.number)
            )

    def keep_drafts(self) -> list[str]:
        """Keep what is typed in the forms now (the window closes): returns what waits to be recorded."""
        if not self.read_only:
            if self._notes_item is not None:
                label = arg(self.tr("besluit of actiepunt bij agendapunt %1"), getattr(self, "_notes_item_number", ""))
                self.drafts.stash("entry", self._notes_item, self._entry_fields(), {}, label)
            self._stash_review(self._review_row())
            self._stash_programme(self._programme_row())
        return self.drafts.pending()

    def _decision(self):
        entry = self.decisions.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    def add_decision(self) -> bool:
        item = self.current_item()
        text = self.decision_edit.toPlainText()
        if item is None or self.read_only or not text.strip():
            return False
        from ...services.minutes import add_decision, delete_decision

        item_id, confidential = item.id, self.decision_confidential.isChecked()
        command = self.create(
            self.tr("Besluit toevoegen"),
            lambda s: add_decision(s, item_id, text, confidential=confidential),
            lambda s, decision_id: delete_decision(s, decision_id),
        )
        if command is None:
            return False
        self.decision_edit.clear()
        self.decision_confidential.setChecked(False)
        self.decision_edit.setFocus()
        number = self.number_text(command.result.id, command.result.number)
        self.main_window().show_status(arg(self.tr("Besluit %1 vastgelegd."), number))
        return True

    def delete_decision(self) -> None:
        decision = self._decision()
        if decision is None or self.read_only:
            return
        from ...services.minutes import delete_decision

        decision_id = decision.id
        self.run(
            delete_command(
                self.main_window(), self.tr("Besluit verwijderen"), lambda s: delete_decision(s, decision_id)
            )
        )

    def escalate_decision(self) -> None:
        decision = self._decision()
        if decision is None or self.read_only:
            return
        command = escalation_command(self, self.main_window(), decision)
        if command is not None:
            self.run(command)

    # Action items.

    def _action(self):
        index = self.actions_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_period(self, text: str, label: QLabel) -> None:
        reference = self.data.detail.date if self.data is not None else None  # type: ignore[attr-defined]
        message, understood = period_text(text, reference)
        label.setText(message)
        label.setStyleSheet("" if understood else "color: #b3261e;")

    def resolve_trekker(self, text: str) -> dict:
        """The trekker as the service takes it: a known person, a known organisation, or free text."""
        text = text.strip()
        if not text or self.data is None:
            return {}
        wanted = text.casefold()
        for person in self.data.people:
            if person.name.casefold() == wanted:
                return {"trekker_person_id": person.id}
        for row in self.data.attendance:
            if row.person_id is not None and row.person_name.casefold() == wanted:
                return {"trekker_person_id": row.person_id}
        for organisation_id, name in self.data.organisations:
            if name.casefold() == wanted:
                return {"trekker_organisation_id": organisation_id}
        return {"trekker_text": text}

    def add_action(self) -> bool:
        item = self.current_item()
        text = self.action_text.text()
        if item is None or self.read_only or not text.strip():
            return False
        from ...models import ActionKind
        from ...services.minutes import add_action_item, delete_action_item

        values = dict(
            kind=ActionKind.TOEZEGGING if self.toezegging_check.isChecked() else ActionKind.ACTIEPUNT,
            deadline_text=self.deadline_edit.text(),
            programme_action_id=self.programme_combo.currentData(),
            confidential=self.action_confidential.isChecked(),
            **self.resolve_trekker(self.trekker_edit.text()),
        )
        item_id = item.id
        command = self.create(
            self.tr("Actie toevoegen"),
            lambda s: add_action_item(s, item_id, text, **values),
            lambda s, action_id: delete_action_item(s, action_id),
        )
        if command is None:
            return False
        for widget in (self.action_text, self.trekker_edit, self.deadline_edit):
            widget.clear()
        self.toezegging_check.setChecked(False)
        self.action_confidential.setChecked(False)
        self.programme_combo.setCurrentIndex(0)
        self.action_text.setFocus()
        number = self.number_text(command.result.id, command.result.number)
        self.main_window().show_status(arg(self.tr("Actie %1 vastgelegd."), number))
        return True

    def edit_action(self) -> bool:
        """Correct the selected action item or toezegging in a form (through the undo stack)."""
        from .action_dialog import edit_action_item

        action = self._action()
        if action is None:
            return False
        return edit_action_item(self, self.main_window(), action.id)

    def delete_action(self) -> None:
        action = self._action()
        if action is None or self.read_only:
            return
        from ...services.minutes import delete_action_item

        action_id = action.id
        self.run(
            delete_command(self.main_window(), self.tr("Actie verwijderen"), lambda s: delete_action_item(s, action_id))
        )

    # Review of carried actions.

    def _review_row(self):
        index = self.review_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _review_fields(self) -> dict:
        return {"done": self.review_done, "todo": self.review_todo, "deadline": self.review_deadline}

    @staticmethod
    def _review_stored(row) -> dict[str, str]:
        return {"done": row.done_text, "todo": row.todo_text, "deadline": row.deadline_text or short_date(row.deadline)}

    def _stash_review(self, row) -> None:
        if row is not None and not self.read_only:
            label = arg(self.tr("voortgang van %1"), row.number)
            self.drafts.stash("review", row.id, self._review_fields(), self._review_stored(row), label)

    def _fill_review(self, previous=None) -> None:
        if previous is not None and previous.isValid():
            self._stash_review(previous.data(ROW_ROLE))  # moving on keeps what was typed for that action
        row = self._review_row()
        if row is None:
            return
        self.review_status.setCurrentIndex(max(0, find_data(self.review_status, row.status)))
        if self.drafts.restore("review", row.id, self._review_fields(), self._review_stored(row)):
            self.main_window().show_status(
                arg(self.tr("Nog niet vastgelegde voortgang van %1 teruggezet."), row.number)
            )

    def record_review(self) -> bool:
        row = self._review_row()
        if row is None or self.read_only or self.data is None:
            return False
        from ...services.minutes import progress_choice, record_progress

        deadline = self.review_deadline.text().strip()
        choice = progress_choice(self.review_status.currentData(), row.status)
        values: dict = dict(
            status=choice.status,
            postpone=choice.postpone,
            done_text=self.review_done.text(),
            todo_text=self.review_todo.text(),
            meeting_id=self.data.detail.id,  # type: ignore[attr-defined]
            author=current_user(),
        )
        if deadline and deadline not in (row.deadline_text, short_date(row.deadline)):
            values["new_deadline_text"] = deadline
        action_id = row.id
        command = progress_command(
            self.main_window(),
            arg(self.tr("Voortgang %1"), row.number),
            lambda s: record_progress(s, action_id, **values),
        )
        self.drafts.drop("review", action_id)  # recorded: nothing waits any more (also when the form refills)
        if not self.run(command):
            return False
        if command.result.postponed:
            self.main_window().show_status(arg(self.tr("Deadline van %1 verschoven: telt als uitstel."), row.number))
        # On to the next action under review.
        position = self.review_model.row_of(lambda r: r.id == action_id)
        if 0 <= position + 1 < self.review_model.rowCount():
            self.review_table.setCurrentIndex(self.review_model.index(position + 1, 0))
        self.review_status.setFocus()
        return True

    # Voortgang of programme actions.

    def _programme_row(self):
        index = self.programme_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_programme(self, item, same_item: bool) -> None:
        rows = list(self.data.programme_progress.get(item.id, ())) if self.data is not None else []
        current = self._programme_row() if same_item else None
        self.programme_model.set_rows(rows)
        position = (
            self.programme_model.row_of(lambda r: r.programme_action_id == current.programme_action_id)
            if (current is not None)
            else -1
        )
        if position < 0 and rows:
            position = 0
        if position >= 0:
            self.programme_table.setCurrentIndex(self.programme_model.index(position, 0))
            self._fill_programme()
        self._fit(self.programme_table, self.programme_model)
        index = self.parts.indexOf(self.programme_page)
        self.parts.setTabVisible(index, bool(rows))
        self.parts.setTabText(index, arg(self.tr("Voortgang actieprogramma (%1)"), len(rows)))

    def _programme_fields(self) -> dict:
        return {"done": self.programme_done, "todo": self.programme_todo}

    def _stash_programme(self, row) -> None:
        if row is not None and not self.read_only:
            label = arg(self.tr("voortgang van %1"), row.code)
            stored = {"done": row.done_text, "todo": row.todo_text}
            self.drafts.stash("programme", row.programme_action_id, self._programme_fields(), stored, label)

    def _fill_programme(self, previous=None) -> None:
        if previous is not None and previous.isValid():
            self._stash_programme(previous.data(ROW_ROLE))
        row = self._programme_row()
        if row is None:
            return
        self.programme_status.setCurrentIndex(max(0, find_data(self.programme_status, row.status)))
        stored = {"done": row.done_text, "todo": row.todo_text}
        if self.drafts.restore("programme", row.programme_action_id, self._programme_fields(), stored):
            self.main_window().show_status(arg(self.tr("Nog niet vastgelegde voortgang van %1 teruggezet."), row.code))

    def record_programme_progress(self) -> bool:
        """Record status, wat is gedaan and wat moet nog of the selected programme action; then on to the next."""
        row = self._programme_row()
        item = self.current_item()
        if row is None or item is None or self.read_only:
            return False
        from ...services.minutes import record_programme_progress_at_item

        values = dict(
            status=self.programme_status.currentData(),
            done_text=self.programme_done.text(),
            todo_text=self.programme_todo.text(),
            author=current_user(),
        )
        item_id, action_id = item.id, row.programme_action_id
        command = programme_progress_command(
            self.main_window(),
            arg(self.tr("Voortgang %1"), row.code),
            lambda s: record_programme_progress_at_item(s, item_id, action_id, **values),
        )
        self.drafts.drop("programme", action_id)
        if not self.run(command):
            return False
        position = self.programme_model.row_of(lambda r: r.programme_action_id == action_id)
        if 0 <= position + 1 < self.programme_model.rowCount():
            self.programme_table.setCurrentIndex(self.programme_model.index(position + 1, 0))
        self.programme_status.setFocus()
        return True
