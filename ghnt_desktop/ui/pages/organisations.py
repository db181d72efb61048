"""Organisaties & personen: the organisations, and the people of the selected one, with their editing.

Organisations: new, edit (double-click or Enter), archive/restore, merge a duplicate into the selected one
(with a preview of what moves), delete (Del; only when nothing refers to it, otherwise archiving is
offered). People: new, edit, "vertrekt" (last day and successor, who takes over the seats), archive,
delete on the same terms. Every change is one command on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ..editors.forms import confirm, make_action, make_toolbar
from ..editors.network import LeaveDialog, MergeDialog, OrganisationDialog, PersonDialog
from ..i18n import arg
from ..itemmodels.base import ROW_ROLE
from ..itemmodels.network import OrganisationTableModel, PersonTableModel
from .base import Page, make_table_view, selected_row


class OrganisationsPage(Page):
    """Organisations with kind and number of people; below, the people of the selected organisation."""

    key = "organisations"
    watches = ("network",)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(self.tr("Organisaties & personen"), parent)
        self.today = today
        self.organisations = OrganisationTableModel(self)
        self.people = PersonTableModel(self)
        self.organisation_view = make_table_view(
            self.organisations, self, stretch_last=False, name=self.tr("Organisaties")
        )
        self.organisation_view.horizontalHeader().setSortIndicator(
            OrganisationTableModel.NAME, Qt.SortOrder.AscendingOrder
        )
        self.people_view = make_table_view(self.people, self, name=self.tr("Personen"))
        self.people_view.horizontalHeader().setSortIndicator(PersonTableModel.NAME, Qt.SortOrder.AscendingOrder)

        view = self.organisation_view
        self.new_organisation_action = make_action(self, self.tr("Nieuwe organisatie..."), self.new_organisation)
        self.edit_organisation_action = make_action(
            self, self.tr("Bewerken..."), self.edit_organisation, "Return", view=view
        )
        self.archive_organisation_action = make_action(self, self.tr("Archiveren"), self.toggle_archive_organisation)
        self.merge_action = make_action(self, self.tr("Samenvoegen..."), self.merge_organisation)
        self.delete_organisation_action = make_action(
            self, self.tr("Verwijderen"), self.delete_organisation, QKeySequence.StandardKey.Delete, view=view
        )
        self.organisation_history_action = make_action(
            self, self.tr("Geschiedenis..."), lambda: self.show_history("organisation")
        )
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.setSpacing(2)
        upper_layout.addWidget(
            make_toolbar(
                self,
                [
                    self.new_organisation_action,
                    self.edit_organisation_action,
                    None,
                    self.archive_organisation_action,
                    self.merge_action,
                    None,
                    self.delete_organisation_action,
                    self.organisation_history_action,
                ],
            )  # fmt: skip
        )
        upper_layout.addWidget(self.organisation_view, 1)

        people = self.people_view
        self.new_person_action = make_action(self, self.tr("Nieuwe persoon..."), self.new_person)
        self.edit_person_action = make_action(self, self.tr("Bewerken..."), self.edit_person, "Return", view=people)
        self.leave_action = make_action(self, self.tr("Vertrek en opvolger..."), self.person_leaves)
        self.archive_person_action = make_action(self, self.tr("Archiveren"), self.toggle_archive_person)
        self.delete_person_action = make_action(
            self, self.tr("Verwijderen"), self.delete_person, QKeySequence.StandardKey.Delete, view=people
        )
        self.person_history_action = make_action(self, self.tr("Geschiedenis..."), lambda: self.show_history("person"))

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.setSpacing(2)
        people_header = QHBoxLayout()
        self.people_label = QLabel(self.tr("Personen"))
        bold = QFont(self.people_label.font())
        bold.setBold(True)
        self.people_label.setFont(bold)
        people_header.addWidget(self.people_label)
        people_header.addStretch(1)
        people_header.addWidget(
            make_toolbar(
                self,
                [
                    self.new_person_action,
                    self.edit_person_action,
                    self.leave_action,
                    None,
                    self.archive_person_action,
                    self.delete_person_action,
                    self.person_history_action,
                ],
            )  # fmt: skip
        )
        lower_layout.addLayout(people_header)
        lower_layout.addWidget(self.people_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.body().addWidget(self.splitter, 1)
        self.organisation_view.selectionModel().selectionChanged.connect(self._organisation_changed)
        self.people_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.organisation_view.doubleClicked.connect(lambda _index: self.edit_organisation())
        self.people_view.doubleClicked.connect(lambda _index: self.edit_person())
        self._update_actions()

    def splitters(self):
        return {"main": self.splitter}

    def views(self):
        return {"organisations": self.organisation_view, "people": self.people_view}

    def load(self, database) -> None:
        from ...services.network import list_organisations

        super().load(database)
        previous = self.selected_organisation()
        previous_person = self.selected_person()
        wanted = getattr(self, "_select_after_load", None) or (previous.id if previous is not None else None)
        self._select_after_load = None
        with database.read_session() as session:
            rows = list_organisations(session)
        self.organisations.set_rows(rows)
        self.fit_columns_once(self.organisation_view, main_column=OrganisationTableModel.NAME)
        n = len(rows)
        self.count_label.setText(self.tr("1 organisatie") if n == 1 else arg(self.tr("%1 organisaties"), n))
        row = self.organisations.row_of(lambda r: r.id == wanted)
        self.organisation_view.selectRow(max(row, 0))
        self.organisation_view.scrollTo(self.organisations.index(max(row, 0), 0))
        if not rows:
            self._show_people(None)
        elif previous_person is not None:
            self.select_person(previous_person.id)
        self._update_actions()

    def clear(self) -> None:
        super().clear()
        self.organisations.set_rows([])
        self.people.set_rows([])
        self.count_label.clear()

    def show_history(self, table: str):
        """The change log of the chosen organisation or person: every edit, by whom and when."""
        row = self.selected_organisation() if table == "organisation" else self.selected_person()
        if row is None or self.database is None:
            return None
        from ..meeting.dialogs import show_record_history

        return show_record_history(self, self.database, table, row.id, row.name)

    def selected_organisation(self):
        return selected_row(self.organisation_view, ROW_ROLE)

    def selected_person(self):
        return selected_row(self.people_view, ROW_ROLE)

    def select_organisation(self, organisation_id) -> bool:
        row = self.organisations.row_of(lambda r: r.id == organisation_id)
        if row >= 0:
            self.organisation_view.selectRow(row)
            self.organisation_view.scrollTo(self.organisations.index(row, 0))
        return row >= 0

    def select_person(self, person_id) -> bool:
        row = self.people.row_of(lambda r: r.id == person_id)
        if row >= 0:
            self.people_view.selectRow(row)
        return row >= 0

    def _organisation_changed(self, *_args) -> None:
        self._show_people(self.selected_organisation())
        self._update_actions()

    def _show_people(self, organisation) -> None:
        from ...services.network import list_people

        if organisation is None or self.database is None:
            self.people.set_rows([])
            self.people_label.setText(self.tr("Personen"))
            return
        with self.database.read_session() as session:
            rows = list_people(session, organisation_id=organisation.id)
        self.people.today = self.today()
        self.people.set_rows(rows)
        self.fit_columns_once(self.people_view)
        self.people_label.setText(arg(self.tr("Personen van %1 (%2)"), organisation.name, len(rows)))

    def _update_actions(self, *_args) -> None:
        organisation = self.selected_organisation()
        person = self.selected_person()
        has_database = self.database is not None
        for action in (self.new_organisation_action,):
            action.setEnabled(has_database)
        for action in (self.edit_organisation_action, self.archive_organisation_action, self.merge_action,
                       self.delete_organisation_action, self.new_person_action,
                       self.organisation_history_action):  # fmt: skip
            action.setEnabled(organisation is not None)
        self.archive_organisation_action.setText(
            self.tr("Terughalen") if organisation is not None and organisation.archived else self.tr("Archiveren")
        )
        for action in (self.edit_person_action, self.leave_action, self.archive_person_action,
                       self.delete_person_action, self.person_history_action):  # fmt: skip
            action.setEnabled(person is not None)
        self.archive_person_action.setText(
            self.tr("Terughalen") if person is not None and person.archived else self.tr("Archiveren")
        )

    # Helpers.

    def _window(self):
        window = self.window()
        return window if hasattr(window, "undo_stack") else None

    def _push(self, command) -> bool:
        from ..undo import push

        return push(self._window(), command)

    def _choices(self):
        from ...services.network import list_organisations, list_people

        with self.database.session() as session:
            organisations = [(r.name, r.id) for r in list_organisations(session, include_archived=False)]
            people = [(r.name, r.id) for r in list_people(session, include_archived=False)]
        return organisations, people

    # Organisations.

    def new_organisation(self) -> None:
        from ...services.network import create_organisation, delete_organisation
        from ..undo import create_command

        window = self._window()
        if window is None:
            return
        dialog = OrganisationDialog(self)
        if not dialog.exec():
            return
        values = dict(dialog.values)
        command = create_command(
            window,
            self.tr("Nieuwe organisatie"),
            lambda s: create_organisation(s, **values),
            lambda s, record_id: delete_organisation(s, record_id),
        )
        if self._push(command):
            self.select_organisation(command.result.id)

    def edit_organisation(self) -> None:
        from ...services.network import get_organisation, update_organisation
        from ..undo import edit_values_command

        organisation = self.selected_organisation()
        window = self._window()
        if organisation is None or window is None:
            return
        with self.database.session() as session:
            detail = get_organisation(session, organisation.id)
        dialog = OrganisationDialog(self, detail)
        if dialog.exec() and dialog.values:
            self._select_after_load = organisation.id
            self._push(
                edit_values_command(
                    window, self.tr("Organisatie wijzigen"), update_organisation, organisation.id, dialog.values,
                    dialog.seen,
                )  # fmt: skip
            )

    def toggle_archive_organisation(self) -> None:
        from ...services.network import update_organisation
        from ..undo import edit_values_command

        organisation = self.selected_organisation()
        window = self._window()
        if organisation is None or window is None:
            return
        text = self.tr("Organisatie terughalen") if organisation.archived else self.tr("Organisatie archiveren")
        self._select_after_load = organisation.id
        self._push(
            edit_values_command(
                window, text, update_organisation, organisation.id, {"archived": not organisation.archived},
                {"archived": organisation.archived},
            )
        )

    def merge_organisation(self) -> None:
        from ...services.network import merge_organisations, merge_preview, undo_merge_organisations
        from ..undo import ServiceCommand

        keep = self.selected_organisation()
        window = self._window()
        if keep is None or window is None:
            return
        organisations, _people = self._choices()
        database = self.database

        def preview(duplicate_id):
            with database.session() as session:
                return merge_preview(session, keep.id, duplicate_id)

        dialog = MergeDialog(self, keep, organisations, preview)
        if not dialog.exec():
            return
        duplicate_id = dialog.values["duplicate_id"]
        command = ServiceCommand(
            window,
            arg(self.tr("Samenvoegen met %1"), keep.name),
            do=lambda s: merge_organisations(s, keep.id, duplicate_id),
            undo=lambda s, removed: undo_merge_organisations(s, removed),
        )
        self._select_after_load = keep.id
        if self._push(command):
            self.status_message.emit(arg(self.tr("Samengevoegd met %1."), keep.name))

    def delete_organisation(self) -> None:
        from ...services.network import delete_organisation, describe_references, organisation_references
        from ..undo import delete_command

        organisation = self.selected_organisation()
        window = self._window()
        if organisation is None or window is None:
            return
        with self.database.session() as session:
            references = organisation_references(session, organisation.id)
        if references:
            if organisation.archived:
                self._push(delete_command(window, "", lambda s: delete_organisation(s, organisation.id)))
                return  # refused, with the reason
            question = arg(
                self.tr("%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.\n\n"
                        "Wilt u de organisatie archiveren? Verslagen en lijsten blijven dan kloppen."),
                organisation.name,
                describe_references(references),
            )  # fmt: skip
            if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Archiveren")):
                self.toggle_archive_organisation()
            return
        question = arg(self.tr("Wilt u %1 verwijderen? U kunt dit ongedaan maken met Ctrl+Z."), organisation.name)
        if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Verwijderen")):
            self._push(
                delete_command(
                    window,
                    arg(self.tr("%1 verwijderen"), organisation.name),
                    lambda s: delete_organisation(s, organisation.id),
                )  # fmt: skip
            )

    # People.

    def new_person(self) -> None:
        from ...services.network import create_person, delete_person
        from ..undo import create_command

        organisation = self.selected_organisation()
        window = self._window()
        if window is None:
            return
        organisations, people = self._choices()
        dialog = PersonDialog(self, organisations, people, organisation_id=organisation.id if organisation else None)
        if not dialog.exec():
            return
        values = dict(dialog.values)
        command = create_command(
            window,
            self.tr("Nieuwe persoon"),
            lambda s: create_person(s, **values),
            lambda s, record_id: delete_person(s, record_id),
        )
        if self._push(command):
            if values.get("organisation_id"):
                self.select_organisation(values["organisation_id"])
            self.select_person(command.result.id)

    def edit_person(self) -> None:
        from ...services.network import get_person, update_person
        from ..undo import edit_values_command

        person = self.selected_person()
        window = self._window()
        if person is None or window is None:
            return
        with self.database.session() as session:
            detail = get_person(session, person.id)
        organisations, people = self._choices()
        dialog = PersonDialog(self, organisations, people, detail)
        if dialog.exec() and dialog.values:
            self._push(
                edit_values_command(
                    window, self.tr("Persoon wijzigen"), update_person, person.id, dialog.values, dialog.seen
                )
            )

    def person_leaves(self) -> None:
        from ...services.network import person_leaves, undo_person_leaves
        from ..undo import ServiceCommand

        person = self.selected_person()
        window = self._window()
        if person is None or window is None:
            return
        _organisations, people = self._choices()
        dialog = LeaveDialog(self, person, people, self.today())
        if not dialog.exec():
            return
        values = dict(dialog.values)
        command = ServiceCommand(
            window,
            arg(self.tr("Vertrek van %1"), person.name),
            do=lambda s: person_leaves(s, person.id, **values),
            undo=lambda s, edit: undo_person_leaves(s, edit),
        )
        if self._push(command):
            self.select_person(person.id)
            self.status_message.emit(arg(self.tr("Vertrek van %1 vastgelegd."), person.name))
            self.review_trekker_takeover(person.id)

    def review_trekker_takeover(self, person_id) -> bool:
        """After someone left with a successor: review which open actions the successor takes over as trekker."""
        from ...services.network import get_person, take_over_trekker, trekker_takeover_proposal, undo_take_over_trekker
        from ..editors.network import TakeoverDialog
        from ..undo import ServiceCommand

        window = self._window()
        if window is None or self.database is None:
            return False
        with self.database.session() as session:
            person = get_person(session, person_id)
            if person.successor_id is None:
                return False
            successor = get_person(session, person.successor_id)
            actions = trekker_takeover_proposal(session, person_id)
        if not actions:
            return False
        dialog = TakeoverDialog(self, person.name, successor.name, actions)
        if not dialog.exec():
            return False
        chosen = dialog.chosen()
        if not chosen:
            return False
        command = ServiceCommand(
            window,
            arg(self.tr("Trekkerschap van %1 naar %2"), person.name, successor.name),
            do=lambda s: take_over_trekker(s, person_id, successor.id, chosen),
            undo=lambda s, edit: undo_take_over_trekker(s, edit),
        )
        return self._push(command)

    def toggle_archive_person(self) -> None:
        from ...services.network import update_person
        from ..undo import edit_values_command

        person = self.selected_person()
        window = self._window()
        if person is None or window is None:
            return
        text = self.tr("Persoon terughalen") if person.archived else self.tr("Persoon archiveren")
        self._push(edit_values_command(
            window, text, update_person, person.id, {"archived": not person.archived}, {"archived": person.archived}
        ))  # fmt: skip

    def delete_person(self) -> None:
        from ...services.network import delete_person, describe_references, person_references
        from ..undo import delete_command

        person = self.selected_person()
        window = self._window()
        if person is None or window is None:
            return
        with self.database.session() as session:
            references = person_references(session, person.id)
        if references:
            question = arg(
                self.tr("%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.\n\n"
                        "Wilt u de persoon archiveren? Gebruik Vertrek en opvolger als iemand weggaat."),
                person.name,
                describe_references(references),
            )  # fmt: skip
            if not person.archived and confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Archiveren")):
                self.toggle_archive_person()
            elif person.archived:
                self._push(delete_command(window, "", lambda s: delete_person(s, person.id)))
            return
        question = arg(self.tr("Wilt u %1 verwijderen? U kunt dit ongedaan maken met Ctrl+Z."), person.name)
        if confirm(self, self.tr("Verwijderen"), question, yes=self.tr("Verwijderen")):
            self._push(
                delete_command(
                    window, arg(self.tr("%1 verwijderen"), person.name), lambda s: delete_person(s, person.id)
                )  # fmt: skip
            )
