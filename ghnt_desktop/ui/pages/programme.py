"""Programma: the programme editor, a tree of sections, ambities and actions with a form beside it.

Every edit goes through the window's undo stack (``ui/undo.py``) as one service call: add, edit, move
up/down (Ctrl+Up/Ctrl+Down), delete (Del, after a question; refused with the reason when minutes, action
items or progress refer to it). The same actions are on the toolbar and in the context menu. After each
change the tree reloads and the record that was worked on stays selected.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..editors.forms import confirm
from ..editors.programme import ActionForm, AmbitionForm, ProgrammeDialog, SectionForm
from ..i18n import arg, plural
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.programme import ACTION, AMBITION, SECTION, Node, ProgrammeTreeModel
from ..widgets.columns import fold_columns
from .base import PaddedDelegate, Page


class ProgrammePage(Page):
    """The programme tree with add/move/delete and a detail form for the selected row."""

    key = "programme"
    watches = ("programme", "actions", "network")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Programma"), parent)
        self._pending_select: uuid.UUID | None = None

        self.programme_label = QLabel(self.tr("Programma:"), self)
        self.programme_combo = QComboBox(self)
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_label.setBuddy(self.programme_combo)
        self.programme_combo.setToolTip(
            self.tr(
                "Het gekozen programma is het huidige: Overzicht, Acties, het afstemmingsoverleg en de "
                "documenten tonen dit programma."
            )
        )
        # One menu button for the programme itself: the tree's toolbar keeps its room at 1366 px and less.
        self.more_button = QPushButton(self.tr("Programma"), self)
        more = QMenu(self.more_button)
        self.edit_programme_action = more.addAction(self.tr("Programma &bewerken..."))
        self.edit_programme_action.triggered.connect(self.edit_programme)
        self.new_programme_action = more.addAction(self.tr("&Nieuw programma..."))
        self.new_programme_action.triggered.connect(self.new_programme)
        more.addSeparator()
        self.tags_action = more.addAction(self.tr("&Labels (processtappen, doelgroepen)..."))
        self.tags_action.triggered.connect(self.edit_tags)
        self.carry_action = more.addAction(self.tr("Onafgeronde acties &meenemen uit een ander programma..."))
        self.carry_action.triggered.connect(self.carry_actions)
        self.more_button.setMenu(more)

        self.model = ProgrammeTreeModel(self)
        self.view = QTreeView(self)
        self.view.setAccessibleName(self.tr("Programma"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(PaddedDelegate(self.view))
        fold_columns(self.view)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.header().setStretchLastSection(False)
        # The form beside the tree shows who is responsible; the tree keeps the trekker, who must move.
        self.view.setColumnHidden(ProgrammeTreeModel.RESPONSIBLE, True)
        self.view.header().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.header().customContextMenuRequested.connect(self._header_menu)
        self.view.header().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self._create_actions()
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_section_action, self.new_ambition_action, self.new_action_action,
                       self.new_sub_action_action, None, self.move_up_action, self.move_down_action, None,
                       self.delete_action, None, self.history_action):  # fmt: skip
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        # One row: the tree's actions on the left, the programme chooser and its buttons on the right.
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.toolbar)
        top.addStretch(1)
        top.addWidget(self.programme_label)
        top.addWidget(self.programme_combo)
        top.addWidget(self.more_button)
        self.body().addLayout(top)

        self.empty_label = QLabel(
            self.tr("Deze database bevat nog geen programma. Kies Programma > Nieuw programma."), self
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        self.section_form = SectionForm(self)
        self.ambition_form = AmbitionForm(self)
        self.action_form = ActionForm(self)
        self.nothing_label = QLabel(self.tr("Kies links een onderdeel, ambitie of actie."), self)
        self.nothing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing_label.setEnabled(False)
        self.forms = QStackedWidget(self)
        self.forms.addWidget(self.nothing_label)
        for form in (self.section_form, self.ambition_form, self.action_form):
            self.forms.addWidget(form)
            form.save_requested.connect(self._save_form)
        self.action_form.tags.tags_chosen.connect(self._save_tags)
        self.forms.setMinimumWidth(380)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.forms)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([770, 450])
        self.body().addWidget(self.empty_label)
        self.body().addWidget(self.splitter, 1)

        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.programme_combo.currentIndexChanged.connect(self._programme_chosen)
        self._update_actions()

    def _create_actions(self) -> None:
        def make(text: str, slot, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
            action = QAction(text, self)
            action.triggered.connect(slot)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if tip:
                action.setToolTip(tip)
            self.view.addAction(action)
            return action

        self.new_section_action = make(self.tr("Nieuw onderdeel"), self.new_section)
        self.new_ambition_action = make(self.tr("Nieuwe ambitie"), self.new_ambition)
        self.new_action_action = make(self.tr("Nieuwe actie"), self.new_action, "Ins")
        self.new_sub_action_action = make(self.tr("Nieuwe subactie"), self.new_sub_action)
        self.move_up_action = make(self.tr("Omhoog"), lambda: self.move(-1), "Ctrl+Up", self.tr("Omhoog (Ctrl+↑)"))
        self.move_down_action = make(self.tr("Omlaag"), lambda: self.move(1), "Ctrl+Down", self.tr("Omlaag (Ctrl+↓)"))
        self.delete_action = make(
            self.tr("Verwijderen"), self.delete_current, QKeySequence.StandardKey.Delete, self.tr("Verwijderen (Del)")
        )
        self.history_action = make(
            self.tr("Geschiedenis..."), self.show_history, None,
            self.tr("Wie wat wanneer wijzigde aan dit onderdeel, deze ambitie of actie"),
        )  # fmt: skip

    def splitters(self):
        return {"editor": self.splitter}

    def views(self):
        return {"tree": self.view}

    # Loading.

    def load(self, database) -> None:
        from ...services.network import list_working_groups
        from ...services.programme import list_programmes, responsibility_choices
        from ...services.programme_scope import current_programme_id

        super().load(database)
        with database.read_session() as session:
            programmes = list_programmes(session)
            previous = current_programme_id(session)
            choices = responsibility_choices(session)
            groups = [(g.name, g.id) for g in list_working_groups(session) if not g.archived]
        self.ambition_form.responsibility.set_choices(choices)
        self.action_form.responsibility.set_choices(choices)
        self.action_form.set_working_groups(groups)
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        for summary in programmes:
            self.programme_combo.addItem(summary.display_name, summary.id)
        # Compared in Python: findData() compares the wrapped UUID objects by identity.
        index = next((n for n, summary in enumerate(programmes) if summary.id == previous), 0)
        self.programme_combo.setCurrentIndex(index if programmes else -1)
        self.programme_combo.blockSignals(False)
        several = len(programmes) > 1
        self.programme_label.setVisible(several)
        self.programme_combo.setVisible(several)
        self.edit_programme_action.setEnabled(bool(programmes))
        self.tags_action.setEnabled(bool(programmes))
        self.carry_action.setEnabled(several)
        self._load_tree()

    def _programme_chosen(self, _index: int) -> None:
        """The chosen programme becomes the current one for every page (stored in the database)."""
        from ...services.programme_scope import set_current_programme

        programme_id = self.programme_combo.currentData()
        window = self._window()
        if programme_id is None or self.database is None or window is None or self.database.read_only:
            self._load_tree()
            return
        try:
            changes = self.database.write(lambda s: set_current_programme(s, programme_id))
        except Exception as exc:  # noqa: BLE001 - a full disk, a busy or replaced file: say so, show the old choice
            from ..errors import show_error

            show_error(self, exc)
            self.load(self.database)
            return
        window.apply_changes(changes)  # this page reloads too

    def programme_index(self, programme_id: uuid.UUID) -> int:
        """The chooser's row of ``programme_id`` (-1 when absent)."""
        ids = [self.programme_combo.itemData(n) for n in range(self.programme_combo.count())]
        return ids.index(programme_id) if programme_id in ids else -1

    def current_programme_id(self) -> uuid.UUID | None:
        return self.programme_combo.currentData()

    def _load_tree(self) -> None:
        from ...services.programme import load_programme

        keep = self._pending_select or self.current_id()
        self._pending_select = None
        tree = None
        if self.database is not None and self.programme_combo.count():
            with self.database.read_session() as session:
                tree = load_programme(session, self.programme_combo.currentData())
        self.model.set_tree(tree)
        self.empty_label.setVisible(tree is None)
        self.splitter.setVisible(tree is not None)
        if tree is None:
            self.count_label.clear()
            self.forms.setCurrentWidget(self.nothing_label)
            self._update_actions()
            return
        self.view.expandAll()
        self._fit_tree()
        counts = self.model.counts()
        self.count_label.setText(
            plural(counts[AMBITION], self.tr("1 ambitie"), self.tr("%1 ambities"))
            + ", "
            + plural(counts[ACTION], self.tr("1 actie"), self.tr("%1 acties"))
        )
        self.title_label.setText(tree.programme.display_name)
        if not (keep is not None and self.select_id(keep)):
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._show_current()

    def _fit_tree(self) -> None:
        header = self.view.header()
        if id(self.view) in self._sized_views:
            return
        if not self.view.isVisible():
            self._pending_fits[id(self.view)] = self._fit_tree
            return
        self._pending_fits.pop(id(self.view), None)
        self._sized_views.add(id(self.view))
        metrics = header.fontMetrics()
        caps = {
            ProgrammeTreeModel.CODE: 140,
            ProgrammeTreeModel.RESPONSIBLE: 160,
            ProgrammeTreeModel.TREKKER: 150,
            ProgrammeTreeModel.DEADLINE: 130,
            ProgrammeTreeModel.STATUS: 160,
        }
        minimums = {}
        for column, cap in caps.items():
            self.view.resizeColumnToContents(column)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            minimums[column] = metrics.horizontalAdvance(title) + 28
            header.resizeSection(column, max(minimums[column], min(header.sectionSize(column) + 12, cap)))
        # The description takes the rest of the width (at least a readable 220 px). In a narrow view (a 1366 px
        # laptop with the editor open) the trekker and planning give up width first, so that code and status
        # (KEY_COLUMNS) stay whole and in view without scrolling sideways.
        shown = [c for c in caps if not self.view.isColumnHidden(c)]
        room = self.view.viewport().width() - sum(header.sectionSize(c) for c in shown) - 4
        for column in sorted(set(shown) - set(ProgrammeTreeModel.KEY_COLUMNS), key=header.sectionSize, reverse=True):
            if room >= 220:
                break
            spare = min(header.sectionSize(column) - minimums[column], 220 - room)
            if spare > 0:
                header.resizeSection(column, header.sectionSize(column) - spare)
                room += spare
        header.resizeSection(ProgrammeTreeModel.TEXT, max(160, room))

    def clear(self) -> None:
        super().clear()
        self.model.set_tree(None)
        self.programme_combo.clear()
        self.forms.setCurrentWidget(self.nothing_label)
        self.count_label.clear()
        self.title_label.setText(self.tr("Programma"))

    # Selection.

    def current_node(self) -> Node | None:
        index = self.view.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def show_history(self):
        """The change log of the chosen section, ambition or programme action (every edit, by whom, when)."""
        node = self.current_node()
        if node is None or self.database is None:
            return None
        from ..meeting.dialogs import show_record_history

        table = {SECTION: "section", AMBITION: "ambition", ACTION: "programme_action"}[node.kind]
        row = node.row
        subject = " ".join(
            str(part)
            for part in (getattr(row, "code", ""), getattr(row, "text", "") or getattr(row, "title", ""))
            if part
        )
        return show_record_history(self, self.database, table, row.id, subject[:200])

    def current_id(self) -> uuid.UUID | None:
        node = self.current_node()
        return node.row.id if node is not None else None

    def index_of(self, record_id: uuid.UUID) -> QModelIndex:
        """The tree index of the section, ambition or action with ``record_id`` (invalid when absent)."""
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if index.data(ROW_ROLE).id == record_id:
                    return index
                stack.append(index)
        return QModelIndex()

    def select_id(self, record_id: uuid.UUID) -> bool:
        index = self.index_of(record_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def has_unsaved_edits(self) -> bool:
        return bool(getattr(self.forms.currentWidget(), "dirty", False))

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        form = self.forms.currentWidget()
        if previous.isValid() and getattr(form, "dirty", False) and form.detail is not None:
            # Leaving a record with unsaved edits: save them (one undoable step), then go where the user went.
            target = current.data(ROW_ROLE).id if current.isValid() else None
            self._pending_select = target
            form.save()
            if self._pending_select is None:  # saved: the tree reloaded and selected the target
                return
            self._pending_select = None
            if form.dirty:  # refused (the message was shown): stay on the record, with the user's edits
                selection = self.view.selectionModel()
                with QSignalBlocker(selection):
                    selection.setCurrentIndex(previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.view.viewport().update()
                return
        self._show_current()

    def _show_current(self) -> None:
        from ...services import NotFoundError
        from ...services.programme import get_ambition, get_programme_action, get_section

        node = self.current_node()
        self._update_actions()
        if node is None or self.database is None:
            self.forms.setCurrentWidget(self.nothing_label)
            return
        getter, form = {
            SECTION: (get_section, self.section_form),
            AMBITION: (get_ambition, self.ambition_form),
            ACTION: (get_programme_action, self.action_form),
        }[node.kind]
        try:
            with self.database.read_session() as session:
                detail = getter(session, node.row.id)
                if node.kind == ACTION:
                    self._load_action_tags(session, node.row.id)
        except NotFoundError:
            self.forms.setCurrentWidget(self.nothing_label)
            return
        form.load(detail)
        self.forms.setCurrentWidget(form)

    def _load_action_tags(self, session, action_id: uuid.UUID) -> None:
        from ...services.programme_tags import action_tag_ids, list_tag_kinds

        programme_id = self.current_programme_id()
        kinds = list_tag_kinds(session, programme_id) if programme_id is not None else []
        groups = [(kind.name, [(tag.name, tag.id) for tag in kind.tags]) for kind in kinds]
        self.action_form.tags.set_tags(groups, action_tag_ids(session, action_id))

    def _save_tags(self, tag_ids: list) -> None:
        """The labels ticked on the action form: saved at once, one undoable step."""
        from ...services.programme_tags import set_action_tags
        from ..undo import edit_command

        window = self._window()
        detail = self.action_form.detail
        if window is None or detail is None:
            return
        self._pending_select = detail.id
        if self._push(edit_command(window, self.tr("Labels van de actie wijzigen"), set_action_tags, detail.id,
                                   tag_ids=list(tag_ids))):  # fmt: skip
            self.status_message.emit(self.tr("Opgeslagen."))
        self._pending_select = None

    def edit_tags(self) -> None:
        """Programma > Labels: the tag kinds and tags of the current programme."""
        from ..editors.tags import TagsDialog

        programme_id = self.current_programme_id()
        window = self._window()
        if programme_id is None or window is None:
            return
        TagsDialog(window, programme_id, self).exec()

    def carry_actions(self) -> None:
        """Programma > Onafgeronde acties meenemen: review another programme's unfinished actions, copy the chosen."""
        from ..programme_carry import CarryDialog

        programme_id = self.current_programme_id()
        window = self._window()
        if programme_id is None or window is None:
            return
        CarryDialog(window, programme_id, self).exec()

    def _focus_form(self) -> None:
        form = self.forms.currentWidget()
        field = {self.section_form: "title_edit", self.ambition_form: "text_edit", self.action_form: "text_edit"}
        widget = getattr(form, field.get(form, ""), None)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()

    def _update_actions(self) -> None:
        node = self.current_node()
        kind = node.kind if node is not None else None
        has_programme = self.programme_combo.count() > 0
        self.new_section_action.setEnabled(has_programme)
        self.new_ambition_action.setEnabled(kind is not None)
        self.new_action_action.setEnabled(kind in (AMBITION, ACTION))
        self.new_sub_action_action.setEnabled(kind == ACTION)
        self.move_up_action.setEnabled(node is not None and node.position > 0)
        self.move_down_action.setEnabled(node is not None and node.position < len(node.parent.children) - 1)
        self.delete_action.setEnabled(node is not None)
        self.history_action.setEnabled(node is not None and self.database is not None)

    def _header_menu(self, point) -> None:
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.view.setColumnHidden(c, not on))
        menu.popup(self.view.header().mapToGlobal(point))
        self._menu = menu

    def _context_menu(self, point) -> None:
        index = self.view.indexAt(point)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in (self.new_section_action, self.new_ambition_action, self.new_action_action,
                       self.new_sub_action_action, None, self.move_up_action, self.move_down_action, None,
                       self.delete_action, None, self.history_action):  # fmt: skip
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))
        self._menu = menu  # kept for tests and so it is not collected while shown

    # Edits, each one command on the window's undo stack.

    def _window(self):
        window = self.window()
        return window if hasattr(window, "undo_stack") else None

    def _push(self, command) -> bool:
        from ..undo import push

        return push(self._window(), command)

    def _save_form(self, values: dict, responsibility: dict | None) -> None:
        """Save a form as one undoable step in one transaction: its fields and, apart, its responsibility."""
        from ...services import Changes
        from ...services.meetings import Edit
        from ...services.programme import (
            set_responsibility,
            update_ambition,
            update_programme_action,
            update_section,
        )
        from ...services.versions import seen_in
        from ..undo import ServiceCommand

        form = self.sender()
        window = self._window()
        if window is None or form is None or form.detail is None:
            return
        record_id = form.detail.id
        if form is self.action_form and values and "deadline_text" in values:
            # A deadline without a year ("voor de zomer") is the next one from the day it is typed.
            today = getattr(window, "today", None)
            values = {**values, "today": today() if callable(today) else None}
        service = {self.section_form: update_section, self.ambition_form: update_ambition,
                   self.action_form: update_programme_action}[form]  # fmt: skip
        label = {self.section_form: self.tr("onderdeel"), self.ambition_form: self.tr("ambitie"),
                 self.action_form: self.tr("actie")}[form]  # fmt: skip

        # The values the form showed: another user's newer value of a changed field is not overwritten; undo and
        # redo expect what this command wrote last (as ``ui/undo.py``'s ``edit_steps``).
        seen = seen_in(form.detail, values) if values else None
        wrote: dict = {}

        def apply(session, fields: dict | None, who: dict | None, seen: dict | None, version: int | None) -> Edit:
            # Returns the previous values in the same shape, so undo and redo are this same function.
            changes = Changes(programme=True, ids=frozenset({record_id}))
            compare = {} if seen is None and version is None else {"seen": seen, "seen_version": version}
            edited = service(session, record_id, **fields, **compare) if fields else None
            before_who = set_responsibility(session, record_id, **who).before if who else None
            wrote.clear()
            wrote.update({k: v for k, v in (fields or {}).items() if k != "today"})
            before = {"fields": edited.before if edited else None, "who": before_who}
            return Edit(record_id, changes, before, edited.version if edited else None)

        command = ServiceCommand(
            window,
            arg(self.tr("%1 %2 wijzigen"), label, getattr(form.detail, "code", "")).replace("  ", " "),
            do=lambda s: apply(s, values or None, responsibility, seen, None),
            undo=lambda s, edit: apply(s, edit.before["fields"], edit.before["who"], dict(wrote), edit.version),
            redo=lambda s, undone: apply(s, undone.before["fields"], undone.before["who"], dict(wrote), undone.version),
        )
        previous = self._pending_select
        self._pending_select = previous or record_id  # where the tree goes back to after the reload
        if self._push(command):
            self._pending_select = None
            self.status_message.emit(self.tr("Opgeslagen."))
        else:
            self._pending_select = previous

    def _create(self, text: str, create, delete) -> None:
        from ..undo import create_command

        window = self._window()
        if window is None:
            return
        command = create_command(window, text, create, delete)
        if self._push(command):
            self.select_id(command.result.id)
            QTimer.singleShot(0, self._focus_form)

    def _section_node(self) -> Node | None:
        node = self.current_node()
        while node is not None and node.kind != SECTION:
            node = node.parent
        return node

    def new_section(self) -> None:
        from ...services.programme import create_section, delete_section

        programme_id = self.current_programme_id()
        if programme_id is None:
            return
        section = self._section_node()
        index = section.position + 1 if section is not None else None
        title = self.tr("Nieuw onderdeel")
        self._create(
            title,
            lambda s: create_section(s, programme_id, title=title, index=index),
            lambda s, record_id: delete_section(s, record_id),
        )

    def new_ambition(self) -> None:
        from ...services.programme import create_ambition, delete_ambition

        node = self.current_node()
        section = self._section_node()
        if section is None:
            return
        index = None
        if node is not None and node.kind == AMBITION:
            index = node.position + 1
        elif node is not None and node.kind == ACTION:
            ambition = node
            while ambition.kind != AMBITION:
                ambition = ambition.parent
            index = ambition.position + 1
        text = self.tr("Nieuwe ambitie")
        section_id = section.row.id
        self._create(
            text,
            lambda s: create_ambition(s, section_id, text=text, index=index),
            lambda s, record_id: delete_ambition(s, record_id),
        )

    def new_action(self, *, sub: bool = False) -> None:
        from ...services.programme import create_programme_action, delete_programme_action

        node = self.current_node()
        if node is None or node.kind not in (AMBITION, ACTION):
            return
        if node.kind == AMBITION:
            ambition_id, parent_id, index = node.row.id, None, None
        elif sub:
            ambition_id, parent_id, index = node.row.ambition_id, node.row.id, None
        else:
            ambition_id, parent_id, index = node.row.ambition_id, node.row.parent_id, node.position + 1
        text = self.tr("Nieuwe subactie") if sub else self.tr("Nieuwe actie")
        today = getattr(self._window(), "today", None)
        reference = today() if callable(today) else None
        self._create(
            text,
            lambda s: create_programme_action(
                s, ambition_id, text=text, parent_id=parent_id, index=index, today=reference
            ),
            lambda s, record_id: delete_programme_action(s, record_id),
        )

    def new_sub_action(self) -> None:
        self.new_action(sub=True)

    def move(self, offset: int) -> None:
        from ...services.programme import move_ambition, move_programme_action, move_section
        from ..undo import edit_values_command

        node = self.current_node()
        window = self._window()
        if node is None or window is None:
            return
        index = node.position + offset
        if not 0 <= index < len(node.parent.children):
            return
        service = {SECTION: move_section, AMBITION: move_ambition, ACTION: move_programme_action}[node.kind]
        text = self.tr("Omhoog verplaatsen") if offset < 0 else self.tr("Omlaag verplaatsen")
        self._pending_select = node.row.id
        self._push(edit_values_command(window, text, service, node.row.id, {"index": index}))
        self._pending_select = None
        self.view.setFocus()

    def delete_current(self) -> None:
        from ...services.programme import (
            delete_ambition,
            delete_programme_action,
            delete_section,
            describe_removal,
            first_words,
        )
        from ..undo import delete_command

        node = self.current_node()
        window = self._window()
        if node is None or window is None or self.database is None:
            return
        with self.database.session() as session:
            ambitions, actions, reasons = describe_removal(session, node.kind, node.row.id)
        service = {SECTION: delete_section, AMBITION: delete_ambition, ACTION: delete_programme_action}[node.kind]
        name = node.row.title if node.kind == SECTION else (node.row.code or first_words(node.row.text))
        record_id = node.row.id
        command = delete_command(window, arg(self.tr("%1 verwijderen"), name), lambda s: service(s, record_id))
        if reasons:
            self._push(command)  # refused by the service, which says why in Dutch
            return
        what = {SECTION: self.tr("het onderdeel"), AMBITION: self.tr("de ambitie"), ACTION: self.tr("de actie")}
        question = arg(self.tr("Wilt u %1 %2 verwijderen?"), what[node.kind], name)
        along = []
        if ambitions:
            along.append(plural(ambitions, self.tr("1 ambitie"), self.tr("%1 ambities")))
        if actions and node.kind != ACTION:
            along.append(plural(actions, self.tr("1 actie"), self.tr("%1 acties")))
        elif actions > 1:
            along.append(plural(actions - 1, self.tr("1 subactie"), self.tr("%1 subacties")))
        if along:
            question += " " + arg(self.tr("Daarmee gaan ook %1 weg."), " en ".join(along))
        question += " " + self.tr("U kunt dit ongedaan maken met Ctrl+Z.")
        if not confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Verwijderen")):
            return
        # Select a neighbour so the tree keeps its place after the reload.
        parent = node.parent
        neighbour = None
        if len(parent.children) > 1:
            neighbour = parent.children[node.position + 1 if node.position + 1 < len(parent.children) else -2]
        elif parent.row is not None:
            neighbour = parent
        self._pending_select = neighbour.row.id if neighbour is not None else None
        self._push(command)
        self._pending_select = None

    # The programme itself.

    def edit_programme(self) -> None:
        from ...services.programme import get_programme, update_programme
        from ..undo import edit_values_command

        programme_id = self.current_programme_id()
        window = self._window()
        if programme_id is None or window is None or self.database is None:
            return
        with self.database.session() as session:
            detail = get_programme(session, programme_id)
        dialog = ProgrammeDialog(self, detail)
        if dialog.exec() and dialog.values:
            self._push(
                edit_values_command(
                    window, self.tr("Programma wijzigen"), update_programme, programme_id, dialog.values, dialog.seen
                )
            )

    def new_programme(self) -> None:
        from ...services.programme import create_programme, delete_programme
        from ..undo import create_command

        window = self._window()
        if window is None:
            return
        dialog = ProgrammeDialog(self)
        if not dialog.exec():
            return
        values: dict[str, Any] = dict(dialog.values)
        command = create_command(
            window,
            self.tr("Nieuw programma"),
            lambda s: create_programme(s, **values),
            lambda s, record_id: delete_programme(s, record_id),
        )
        if self._push(command):
            index = self.programme_index(command.result.id)
            if index >= 0:
                self.programme_combo.setCurrentIndex(index)
