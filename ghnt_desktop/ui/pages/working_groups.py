"""Werkgroepen: the working groups with their theme, actielijn and chair, and below, the members.

Groups: new, edit (double-click or Enter), archive/restore, delete (only when no meeting, series or action
refers to it; otherwise archiving is offered). Members: add, edit, end today (the membership stays in the
history), remove a line recorded by mistake. Every change is one command on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ..editors.forms import confirm, make_action, make_toolbar
from ..editors.network import MemberDialog, WorkingGroupDialog
from ..i18n import arg
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.network import MemberTableModel, WorkingGroupTableModel
from .base import Page, make_table_view, selected_row


class WorkingGroupsPage(Page):
    """The working groups of the network and the members of the selected one."""

    key = "working_groups"
    watches = ("network", "programme")

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Werkgroepen"), parent)
        self.today = today
        self.model = WorkingGroupTableModel(self)
        self.view = make_table_view(self.model, self, stretch_last=False, name=self.tr("Werkgroepen"))
        self.view.horizontalHeader().setSortIndicator(WorkingGroupTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.members = MemberTableModel(self)
        self.member_view = make_table_view(self.members, self, name=self.tr("Leden"))
        self.member_view.horizontalHeader().setSortIndicator(MemberTableModel.NAME, Qt.SortOrder.AscendingOrder)

        self.new_group_action = make_action(self, self.tr("Nieuwe werkgroep..."), self.new_group)
        self.edit_group_action = make_action(self, self.tr("Bewerken..."), self.edit_group, "Return", view=self.view)
        self.archive_group_action = make_action(self, self.tr("Archiveren"), self.toggle_archive)
        self.delete_group_action = make_action(
            self, self.tr("Verwijderen"), self.delete_group, QKeySequence.StandardKey.Delete, view=self.view
        )
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(2)
        upper_layout.addWidget(
            make_toolbar(
                self,
                [
                    self.new_group_action,
                    self.edit_group_action,
                    None,
                    self.archive_group_action,
                    self.delete_group_action,
                ],
            )  # fmt: skip
        )
        upper_layout.addWidget(self.view, 1)

        members = self.member_view
        self.add_member_action = make_action(self, self.tr("Lid toevoegen..."), self.add_member)
        self.edit_member_action = make_action(self, self.tr("Bewerken..."), self.edit_member, "Return", view=members)
        self.end_member_action = make_action(self, self.tr("Lidmaatschap beëindigen"), self.end_member)
        self.remove_member_action = make_action(
            self, self.tr("Verwijderen"), self.remove_member, QKeySequence.StandardKey.Delete, view=members
        )
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.setSpacing(2)
        header = QHBoxLayout()
        self.members_label = QLabel(self.tr("Leden"), self)
        bold = QFont(self.members_label.font())
        bold.setBold(True)
        self.members_label.setFont(bold)
        header.addWidget(self.members_label)
        header.addStretch(1)
        header.addWidget(
            make_toolbar(
                self,
                [self.add_member_action, self.edit_member_action, self.end_member_action, self.remove_member_action],
            )  # fmt: skip
        )
        lower_layout.addLayout(header)
        lower_layout.addWidget(self.member_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.body().addWidget(self.splitter, 1)
        self.view.selectionModel().selectionChanged.connect(self._group_changed)
        self.member_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.doubleClicked.connect(lambda _index: self.edit_group())
        self.member_view.doubleClicked.connect(lambda _index: self.edit_member())
        self._select_after_load = None
        self._update_actions()

    def splitters(self):
        return {"members": self.splitter}

    def views(self):
        return {"table": self.view, "members": self.member_view}

    def load(self, database) -> None:
        from ...services.network import list_working_groups

        super().load(database)
        previous = self.selected_group()
        previous_member = self.selected_member()
        wanted = self._select_after_load or (previous.id if previous is not None else None)
        self._select_after_load = None
        with database.read_session() as session:
            rows = list_working_groups(session, today=self.today())
        self.model.set_rows(rows)
        self.fit_columns_once(self.view, main_column=WorkingGroupTableModel.THEME)
        n = len(rows)
        self.count_label.setText(self.tr("1 werkgroep") if n == 1 else arg(self.tr("%1 werkgroepen"), n))
        row = self.model.row_of(lambda r: r.id == wanted)
        if rows:
            self.view.selectRow(max(row, 0))
        else:
            self._show_members(None)
        if previous_member is not None:
            self.select_member(previous_member.id)
        self._update_actions()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.members.set_rows([])
        self.count_label.clear()

    def selected_group(self):
        return selected_row(self.view, ROW_ROLE)

    def selected_member(self):
        return selected_row(self.member_view, ROW_ROLE)

    def select_group(self, group_id) -> bool:
        row = self.model.row_of(lambda r: r.id == group_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def select_member(self, member_id) -> bool:
        row = self.members.row_of(lambda r: r.id == member_id)
        if row >= 0:
            self.member_view.selectRow(row)
        return row >= 0

    def _group_changed(self, *_args) -> None:
        self._show_members(self.selected_group())
        self._update_actions()

    def _show_members(self, group) -> None:
        from ...services.network import list_members

        if group is None or self.database is None:
            self.members.set_rows([])
            self.members_label.setText(self.tr("Leden"))
            return
        with self.database.session() as session:
            rows = list_members(session, group.id)
        today = self.today()
        self.members.today = today
        self.members.set_rows(rows)
        self.fit_columns_once(self.member_view, main_column=MemberTableModel.NAME)
        current = sum(1 for r in rows if r.is_current(today))
        self.members_label.setText(arg(self.tr("Leden van %1 (%2 nu, %3 in totaal)"), group.name, current, len(rows)))

    def _update_actions(self, *_args) -> None:
        group = self.selected_group()
        member = self.selected_member()
        self.new_group_action.setEnabled(self.database is not None)
        for action in (self.edit_group_action, self.archive_group_action, self.delete_group_action,
                       self.add_member_action):  # fmt: skip
            action.setEnabled(group is not None)
        self.archive_group_action.setText(
            self.tr("Terughalen") if group is not None and group.archived else self.tr("Archiveren")
        )
        for action in (self.edit_member_action, self.end_member_action, self.remove_member_action):
            action.setEnabled(member is not None)
        if member is not None:
            self.end_member_action.setEnabled(member.end is None or member.end >= self.today())

    # Helpers.

    def _window(self):
        window = self.window()
        return window if hasattr(window, "undo_stack") else None

    def _push(self, command) -> bool:
        from ..undo import push

        return push(self._window(), command)

    def _choices(self):
        from ...services.network import list_organisations, list_people
        from ...services.programme import list_programmes, load_programme

        with self.database.session() as session:
            organisations = [(r.name, r.id) for r in list_organisations(session, include_archived=False)]
            people = [(r.name, r.id) for r in list_people(session, include_archived=False)]
            sections = []
            if list_programmes(session):
                tree = load_programme(session)  # the current programme's sections
                sections = [(s.title, s.id) for s in tree.sections] if tree else []
        return organisations, people, sections

    # Groups.

    def new_group(self) -> None:
        from ...services.network import create_working_group, delete_working_group
        from ..undo import create_command

        window = self._window()
        if window is None:
            return
        _organisations, people, sections = self._choices()
        dialog = WorkingGroupDialog(self, sections, people)
        if not dialog.exec():
            return
        values = dict(dialog.values)
        command = create_command(
            window,
            self.tr("Nieuwe werkgroep"),
            lambda s: create_working_group(s, **values),
            lambda s, record_id: delete_working_group(s, record_id),
        )
        if self._push(command):
            self.select_group(command.result.id)

    def edit_group(self) -> None:
        from ...services.network import get_working_group, update_working_group
        from ..undo import edit_values_command

        group = self.selected_group()
        window = self._window()
        if group is None or window is None:
            return
        with self.database.session() as session:
            detail = get_working_group(session, group.id)
        _organisations, people, sections = self._choices()
        dialog = WorkingGroupDialog(self, sections, people, detail)
        if dialog.exec() and dialog.values:
            self._select_after_load = group.id
            self._push(
                edit_values_command(
                    window, self.tr("Werkgroep wijzigen"), update_working_group, group.id, dialog.values, dialog.seen
                )
            )

    def toggle_archive(self) -> None:
        from ...services.network import update_working_group
        from ..undo import edit_values_command

        group = self.selected_group()
        window = self._window()
        if group is None or window is None:
            return
        text = self.tr("Werkgroep terughalen") if group.archived else self.tr("Werkgroep archiveren")
        self._select_after_load = group.id
        self._push(edit_values_command(
            window, text, update_working_group, group.id, {"archived": not group.archived}, {"archived": group.archived}
        ))  # fmt: skip

    def delete_group(self) -> None:
        from ...services.network import delete_working_group, describe_references, working_group_references
        from ..undo import delete_command

        group = self.selected_group()
        window = self._window()
        if group is None or window is None:
            return
        with self.database.session() as session:
            references = working_group_references(session, group.id)
        if references and not group.archived:
            question = arg(
                self.tr("%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.\n\n"
                        "Wilt u de werkgroep archiveren?"),
                group.name,
                describe_references(references),
            )  # fmt: skip
            if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Archiveren")):
                self.toggle_archive()
            return
        command = delete_command(
            window, arg(self.tr("%1 verwijderen"), group.name), lambda s: delete_working_group(s, group.id)
        )
        if references:
            self._push(command)  # refused, with the reason
            return
        question = arg(
            self.tr("Wilt u %1 met alle lidmaatschappen verwijderen? U kunt dit ongedaan maken met Ctrl+Z."),
            group.name,
        )
        if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Verwijderen")):
            self._push(command)

    # Members.

    def add_member(self) -> None:
        from ...services.network import add_member, remove_member
        from ..undo import create_command

        group = self.selected_group()
        window = self._window()
        if group is None or window is None:
            return
        organisations, people, _sections = self._choices()
        dialog = MemberDialog(self, people, organisations, today=self.today())
        if not dialog.exec():
            return
        values = dict(dialog.values)
        command = create_command(
            window,
            arg(self.tr("Lid toevoegen aan %1"), group.name),
            lambda s: add_member(s, group.id, **values),
            lambda s, record_id: remove_member(s, record_id),
        )
        self._select_after_load = group.id
        if self._push(command):
            self.select_member(command.result.id)

    def edit_member(self) -> None:
        from ...services.network import update_member
        from ..undo import edit_values_command

        member = self.selected_member()
        window = self._window()
        if member is None or window is None:
            return
        organisations, people, _sections = self._choices()
        dialog = MemberDialog(self, people, organisations, member)
        if dialog.exec() and dialog.values:
            self._select_after_load = member.working_group_id
            self._push(
                edit_values_command(
                    window, self.tr("Lidmaatschap wijzigen"), update_member, member.id, dialog.values, dialog.seen
                )
            )

    def end_member(self) -> None:
        from ...services.network import update_member
        from ..undo import edit_values_command

        member = self.selected_member()
        window = self._window()
        if member is None or window is None:
            return
        self._select_after_load = member.working_group_id
        self._push(
            edit_values_command(
                window, self.tr("Lidmaatschap beëindigen"), update_member, member.id, {"end": self.today()},
                {"end": member.end},
            )
        )

    def remove_member(self) -> None:
        from ...services.network import remove_member
        from ..undo import delete_command

        member = self.selected_member()
        window = self._window()
        if member is None or window is None:
            return
        name = member.person_name or member.organisation_name
        question = arg(
            self.tr("Wilt u het lidmaatschap van %1 verwijderen? Gebruik Lidmaatschap beëindigen als iemand stopt; "
                    "dan blijft zichtbaar wie er lid was."),
            name,
        )  # fmt: skip
        if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Verwijderen")):
            self._select_after_load = member.working_group_id
            self._push(
                delete_command(
                    window, arg(self.tr("Lidmaatschap van %1 verwijderen"), name), lambda s: remove_member(s, member.id)
                )  # fmt: skip
            )
