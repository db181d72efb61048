"""Dialogs of the meeting view: new meeting (from a series, a new series or single), new series,
carry-forward review, meeting details, move, reason for reopening, vaststellen, escalation outcome, substitute, guest,
document and change history.

Dialogs gather input and return plain values; the caller runs the service through the undo stack.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import short_date
from ..a11y import accessible, labelled_row
from ..i18n import arg, enum_label, format_date_with_weekday
from ..widgets.scroll import scrolling
from .data import PersonChoice, load_history_lines

if TYPE_CHECKING:
    from ...services.agenda import CarryForwardProposal
    from ...services.meetings import MeetingDraft

SINGLE = "single"
NEW_SERIES = "new"


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def qtime(value: time | None, default: time) -> QTime:
    value = value or default
    return QTime(value.hour, value.minute)


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def time_edit(parent: QWidget, value: time | None, default: time) -> QTimeEdit:
    edit = QTimeEdit(qtime(value, default), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def find_data(combo: QComboBox, value) -> int:
    """The index of the item whose data equals ``value`` (-1 if none).

    ``QComboBox.findData`` compares Python objects such as UUIDs by identity, not by value.
    """
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def person_combo(parent: QWidget, people: list[PersonChoice], selected: uuid.UUID | None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for person in people:
        combo.addItem(person.label, person.id)
    index = find_data(combo, selected) if selected is not None else 0
    combo.setCurrentIndex(max(0, index))
    return combo


def buttons(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NewMeetingDialog(QDialog):
    """A new meeting: the next one of a series (date by its rhythm, defaults copied), or a single meeting.

    ``propose(series_id)`` is called to fill the form from the series; choosing "Nieuwe overlegreeks..."
    calls ``new_series()``, which returns the id of the series it created (or None).
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        series: list[tuple[uuid.UUID, str]],
        people: list[PersonChoice],
        working_groups: list[tuple[uuid.UUID, str]],
        propose,
        new_series,
        group_members,
        today: date,
        series_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        from ...models import MeetingKind

        self.setWindowTitle(self.tr("Nieuw overleg"))
        self._propose = propose
        self._new_series = new_series
        self._group_members = group_members
        self._today = today
        self._organisation_ids: tuple[uuid.UUID, ...] = ()
        self._previous_series_index = 0
        self.people = people

        self.series_combo = QComboBox(self)
        for sid, name in series:
            self.series_combo.addItem(name, sid)
        self.series_combo.addItem(self.tr("Los overleg (geen reeks)"), SINGLE)
        self.series_combo.addItem(self.tr("Nieuwe overlegreeks..."), NEW_SERIES)
        self.kind_combo = QComboBox(self)
        for kind in MeetingKind:
            self.kind_combo.addItem(enum_label(kind), kind)
        self.title_edit = QLineEdit(self)
        self.date_edit = date_edit(self, today)
        self.weekday_label = QLabel(self)
        self.start_edit = time_edit(self, None, time(13, 30))
        self.end_edit = time_edit(self, None, time(15, 30))
        self.location_edit = QLineEdit(self)
        self.link_edit = QLineEdit(self)
        self.chair_combo = person_combo(self, people, None)
        self.secretary_combo = person_combo(self, people, None)
        self.invitees = QListWidget(self)
        self.invitees.setMinimumHeight(180)
        for person in people:
            item = QListWidgetItem(person.label, self.invitees)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.group_combo = QComboBox(self)
        for gid, name in working_groups:
            self.group_combo.addItem(name, gid)
        self.copy_group = QPushButton(self.tr("Leden uitnodigen"), self)
        self.copy_group.setEnabled(bool(working_groups))
        self.copy_group.clicked.connect(self._copy_group)
        self.rhythm_label = QLabel(self)
        self.rhythm_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Reeks:"), self.series_combo)
        form.addRow("", self.rhythm_label)
        form.addRow(self.tr("&Soort:"), self.kind_combo)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.weekday_label)
        when.addSpacing(12)
        when.addWidget(QLabel(self.tr("van"), self))
        when.addWidget(self.start_edit)
        when.addWidget(QLabel(self.tr("tot"), self))
        when.addWidget(self.end_edit)
        when.addStretch(1)
        labelled_row(form, self.tr("&Datum:"), when, self.date_edit)
        accessible(self.start_edit, self.tr("Begintijd"))
        accessible(self.end_edit, self.tr("Eindtijd"))
        form.addRow(self.tr("&Locatie:"), self.location_edit)
        form.addRow(self.tr("&Online link:"), self.link_edit)
        form.addRow(self.tr("&Voorzitter:"), self.chair_combo)
        form.addRow(self.tr("&Notulist:"), self.secretary_combo)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_combo, 1)
        group_row.addWidget(self.copy_group)
        form.addRow(self.tr("&Uitgenodigden:"), self.invitees)
        labelled_row(form, self.tr("Uit &werkgroep:"), group_row, self.group_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form, self), 1)  # scrolls on a low screen (150% on 1366x768)
        layout.addWidget(buttons(self, self.tr("Overleg aanmaken")))
        self.resize(620, 640)

        self.date_edit.dateChanged.connect(self._show_weekday)
        self.series_combo.currentIndexChanged.connect(self._series_chosen)
        if series_id is not None and find_data(self.series_combo, series_id) >= 0:
            self.series_combo.setCurrentIndex(find_data(self.series_combo, series_id))
        self._series_chosen(self.series_combo.currentIndex())

    def _show_weekday(self, _value=None) -> None:
        self.weekday_label.setText(format_date_with_weekday(pydate(self.date_edit.date())).split(" ")[0])

    def _series_chosen(self, index: int) -> None:
        data = self.series_combo.itemData(index)
        if data is None:
            return
        if data == NEW_SERIES:
            created = self._new_series()
            if created is None:
                self.series_combo.setCurrentIndex(self._previous_series_index)
                return
            name, sid = created
            self.series_combo.blockSignals(True)
            self.series_combo.insertItem(self.series_combo.count() - 2, name, sid)
            self.series_combo.setCurrentIndex(find_data(self.series_combo, sid))
            self.series_combo.blockSignals(False)
            data = sid
        self._previous_series_index = self.series_combo.currentIndex()
        single = data == SINGLE
        self.kind_combo.setEnabled(single)
        if single:
            self.rhythm_label.setText(self.tr("Een los overleg hoort bij geen reeks; besluiten krijgen nummers OV-."))
            if not self.title_edit.text():
                self.title_edit.setText(self.tr("Overleg"))
            self._show_weekday()
            return
        self.fill(self._propose(data))

    def fill(self, draft: MeetingDraft) -> None:
        """Show a proposed meeting in the form."""
        self.kind_combo.setCurrentIndex(max(0, find_data(self.kind_combo, draft.kind)))
        self.title_edit.setText(draft.title)
        self.date_edit.setDate(qdate(draft.date))
        self.start_edit.setTime(qtime(draft.start_time, time(13, 30)))
        self.end_edit.setTime(qtime(draft.end_time, time(15, 30)))
        self.location_edit.setText(draft.location)
        self.link_edit.setText(draft.online_link)
        self.chair_combo.setCurrentIndex(max(0, find_data(self.chair_combo, draft.chair_id)))
        self.secretary_combo.setCurrentIndex(max(0, find_data(self.secretary_combo, draft.secretary_id)))
        wanted = set(draft.invitee_person_ids)
        for row in range(self.invitees.count()):
            item = self.invitees.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._organisation_ids = draft.invitee_organisation_ids
        self.rhythm_label.setText(
            arg(self.tr("Voorgestelde datum volgens het ritme van de reeks: %1."), format_date_with_weekday(draft.date))
        )
        self._show_weekday()

    def _copy_group(self) -> None:
        group_id = self.group_combo.currentData()
        if group_id is None:
            return
        members = set(self._group_members(group_id, pydate(self.date_edit.date())))
        for row in range(self.invitees.count()):
            item = self.invitees.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in members:
                item.setCheckState(Qt.CheckState.Checked)

    def checked_people(self) -> tuple[uuid.UUID, ...]:
        return tuple(
            self.invitees.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.invitees.count())
            if self.invitees.item(row).checkState() == Qt.CheckState.Checked
        )

    def draft(self) -> MeetingDraft:
        """The meeting as the form describes it."""
        from ...services.meetings import MeetingDraft

        data = self.series_combo.currentData()
        series_id = None if data in (SINGLE, NEW_SERIES) else data
        draft = MeetingDraft(
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text(),
            date=pydate(self.date_edit.date()),
            series_id=series_id,
        )
        return replace(
            draft,
            start_time=pytime(self.start_edit.time()),
            end_time=pytime(self.end_edit.time()),
            location=self.location_edit.text(),
            online_link=self.link_edit.text(),
            chair_id=self.chair_combo.currentData(),
            secretary_id=self.secretary_combo.currentData(),
            invitee_person_ids=self.checked_people(),
            invitee_organisation_ids=self._organisation_ids if series_id is not None else (),
        )


class NewSeriesDialog(QDialog):
    """A new recurring overleg: name, code for numbers, kind, rhythm, defaults and where it escalates to."""

    def __init__(
        self, parent: QWidget | None, *, people: list[PersonChoice], series: list[tuple[uuid.UUID, str]]
    ) -> None:
        super().__init__(parent)
        from ...models import MeetingKind

        self.setWindowTitle(self.tr("Nieuwe overlegreeks"))
        self.name_edit = QLineEdit(self)
        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(12)
        self.code_edit.setPlaceholderText(self.tr("bijvoorbeeld AO"))
        self.kind_combo = QComboBox(self)
        for kind in MeetingKind:
            self.kind_combo.addItem(enum_label(kind), kind)
        self.per_year = QSpinBox(self)
        self.per_year.setRange(1, 52)
        self.per_year.setValue(4)
        self.start_edit = time_edit(self, None, time(13, 30))
        self.end_edit = time_edit(self, None, time(15, 30))
        self.location_edit = QLineEdit(self)
        self.chair_combo = person_combo(self, people, None)
        self.secretary_combo = person_combo(self, people, None)
        self.escalates_combo = QComboBox(self)
        self.escalates_combo.addItem("—", None)
        for sid, name in series:
            self.escalates_combo.addItem(name, sid)
        form = QFormLayout()
        form.addRow(self.tr("&Naam:"), self.name_edit)
        form.addRow(self.tr("&Code:"), self.code_edit)
        form.addRow(self.tr("&Soort:"), self.kind_combo)
        form.addRow(self.tr("Overleggen per &jaar:"), self.per_year)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(self.tr("tot"), self))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        # A row of two fields: the label leads to the start time, each field says which time it is.
        labelled_row(form, self.tr("&Tijd:"), times, self.start_edit)
        accessible(self.start_edit, self.tr("Begintijd"))
        accessible(self.end_edit, self.tr("Eindtijd"))
        form.addRow(self.tr("&Locatie:"), self.location_edit)
        form.addRow(self.tr("&Voorzitter:"), self.chair_combo)
        form.addRow(self.tr("N&otulist:"), self.secretary_combo)  # Alt+N is Naam here
        form.addRow(self.tr("&Escaleert naar:"), self.escalates_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons(self, self.tr("Reeks aanmaken")))
        self.resize(520, 0)

    def values(self) -> dict:
        """Keyword arguments for ``services.meetings.create_series``."""
        return {
            "name": self.name_edit.text(),
            "code": self.code_edit.text(),
            "kind": self.kind_combo.currentData(),
            "meetings_per_year": self.per_year.value(),
            "default_start": pytime(self.start_edit.time()),
            "default_end": pytime(self.end_edit.time()),
            "default_location": self.location_edit.text(),
            "chair_id": self.chair_combo.currentData(),
            "secretary_id": self.secretary_combo.currentData(),
            "escalates_to_id": self.escalates_combo.currentData(),
        }


def _checkable_tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setAccessibleName(headers[1] if len(headers) > 1 else headers[0])
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.header().setStretchLastSection(False)
    return tree


class CarryForwardDialog(QDialog):
    """Review before applying: open actions of earlier meetings for the actielijst vorig overleg, and the
    programme actions the overleg follows for the voortgang item. Everything not yet linked is checked."""

    def __init__(self, parent: QWidget | None, proposal: CarryForwardProposal) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Actielijst vorig overleg en voortgang"))
        self.actions = _checkable_tree(
            self,
            [
                self.tr("Nummer"),
                self.tr("Actie"),
                self.tr("Trekker"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Uitgesteld"),
            ],
        )
        for action in proposal.actions:
            deadline = action.deadline_text or short_date(action.deadline)
            item = QTreeWidgetItem(
                [
                    action.number,
                    action.text.strip().splitlines()[0] if action.text.strip() else "",
                    action.trekker,
                    deadline,
                    enum_label(action.status),
                    str(action.times_postponed) if action.times_postponed else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, action.id)
            item.setToolTip(1, action.text)
            item.setCheckState(0, Qt.CheckState.Checked)
            if action.linked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(0, self.tr("Staat al op de actielijst van dit overleg"))
            self.actions.addTopLevelItem(item)
        self.programme = _checkable_tree(self, [self.tr("Code"), self.tr("Actie uit het programma"), self.tr("Status")])
        for action in proposal.programme_actions:
            item = QTreeWidgetItem([action.code, action.text, enum_label(action.status)])
            item.setData(0, Qt.ItemDataRole.UserRole, action.id)
            item.setToolTip(1, action.text)
            item.setCheckState(0, Qt.CheckState.Checked)
            if action.linked:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.programme.addTopLevelItem(item)
        for tree, main in ((self.actions, 1), (self.programme, 1)):
            header = tree.header()
            for column in range(tree.columnCount()):
                header.setSectionResizeMode(
                    column,
                    QHeaderView.ResizeMode.Stretch if column == main else QHeaderView.ResizeMode.ResizeToContents,
                )

        self.none_label = QLabel(self.tr("Er staan geen actiepunten van eerdere overleggen van deze reeks open."), self)
        self.none_label.setVisible(not proposal.actions)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Controleer wat op de agenda komt. Aangevinkte actiepunten komen op de actielijst bij "
                "'Verslag en actielijst vorig overleg'; aangevinkte acties uit het programma bij "
                "'Voortgang actieprogramma'."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(arg(self.tr("<b>Openstaande actiepunten</b> (%1)"), len(proposal.actions)), self))
        layout.addWidget(self.none_label)
        layout.addWidget(self.actions, 3)
        layout.addWidget(
            QLabel(arg(self.tr("<b>Acties uit het programma</b> (%1)"), len(proposal.programme_actions)), self)
        )
        layout.addWidget(self.programme, 2)
        layout.addWidget(buttons(self, self.tr("Op de agenda zetten")))
        self.resize(960, 640)

    @staticmethod
    def _checked(tree: QTreeWidget) -> list[uuid.UUID]:
        chosen = []
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            if item.checkState(0) == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                chosen.append(item.data(0, Qt.ItemDataRole.UserRole))
        return chosen

    def chosen_actions(self) -> list[uuid.UUID]:
        return self._checked(self.actions)

    def chosen_programme_actions(self) -> list[uuid.UUID]:
        return self._checked(self.programme)


class MoveDialog(QDialog):
    """Another date and time for a meeting."""

    def __init__(self, parent: QWidget | None, day: date, start: time | None, end: time | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Overleg verplaatsen"))
        self.date_edit = date_edit(self, day)
        self.start_edit = time_edit(self, start, time(13, 30))
        self.end_edit = time_edit(self, end, time(15, 30))
        form = QFormLayout()
        form.addRow(self.tr("Nieuwe &datum:"), self.date_edit)
        form.addRow(self.tr("&Begintijd:"), self.start_edit)
        form.addRow(self.tr("&Eindtijd:"), self.end_edit)
        note = QLabel(
            self.tr(
                "Agenda, aanwezigheid en meegenomen actiepunten blijven bij het overleg. Sla daarna de "
                "bijgewerkte uitnodiging (.ics) op en verstuur die opnieuw."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons(self, self.tr("Verplaatsen")))
        self.resize(440, 0)

    def values(self) -> tuple[date, time, time]:
        return pydate(self.date_edit.date()), pytime(self.start_edit.time()), pytime(self.end_edit.time())


class PersonLineEdit(QLineEdit):
    """A person typed with type-ahead over the network ("Naam (Organisatie)"); empty means nobody.

    A name that matches no one, or more than one person, leaves :meth:`person_id` at ``UNKNOWN``.
    """

    UNKNOWN = "unknown"

    def __init__(self, parent: QWidget | None, people: list[PersonChoice], selected: uuid.UUID | None) -> None:
        super().__init__(parent)
        self._by_label = {p.label.casefold(): p.id for p in people}
        by_name: dict[str, list[uuid.UUID]] = {}
        for person in people:
            by_name.setdefault(person.name.casefold(), []).append(person.id)
        self._by_name = {name: ids[0] for name, ids in by_name.items() if len(ids) == 1}
        completer = QCompleter([p.label for p in people], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setPlaceholderText(self.tr("naam; leeg laten voor niemand"))
        self.setText(next((p.label for p in people if p.id == selected), ""))

    def person_id(self):
        """The chosen person's id, None for nobody, or ``UNKNOWN``."""
        text = self.text().strip().casefold()
        if not text:
            return None
        return self._by_label.get(text) or self._by_name.get(text) or self.UNKNOWN


class MeetingDetailsDialog(QDialog):
    """Gegevens van een overleg wijzigen: title, location, online link, chair, secretary and notes.

    Date and times go through "Verplaatsen..." (the invitation and carried actions follow); :meth:`values`
    returns only the fields that changed, as ``services.meetings.update_meeting`` takes them.
    """

    def __init__(self, parent: QWidget | None, detail, people: list[PersonChoice]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gegevens van het overleg"))
        self.detail = detail
        self.title_edit = QLineEdit(detail.title, self)
        self.location_edit = QLineEdit(detail.location, self)
        self.link_edit = QLineEdit(detail.online_link, self)
        self.link_edit.setPlaceholderText("https://...")
        # The current chair or secretary may have left the network since: still offered, so nothing changes.
        known = {p.id for p in people}
        extra = [
            PersonChoice(pid, name, None, "")
            for pid, name in ((detail.chair_id, detail.chair_name), (detail.secretary_id, detail.secretary_name))
            if pid is not None and pid not in known
        ]
        everyone = [*people, *extra]
        self.chair_edit = PersonLineEdit(self, everyone, detail.chair_id)
        self.secretary_edit = PersonLineEdit(self, everyone, detail.secretary_id)
        self.notes_edit = QPlainTextEdit(detail.notes, self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(110)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Titel:"), self.title_edit)
        form.addRow(self.tr("&Locatie:"), self.location_edit)
        form.addRow(self.tr("Online l&ink:"), self.link_edit)
        form.addRow(self.tr("&Voorzitter:"), self.chair_edit)
        form.addRow(self.tr("&Notulist:"), self.secretary_edit)
        form.addRow(self.tr("N&otities:"), self.notes_edit)
        note = QLabel(self.tr("Datum en tijd wijzigt u met Verplaatsen; daarna de uitnodiging (.ics) opnieuw sturen."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.box = buttons(self, self.tr("Opslaan"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.box)
        for edit in (self.title_edit, self.chair_edit, self.secretary_edit):
            edit.textChanged.connect(self._check)
        self._check()
        self.resize(560, 0)

    def _check(self) -> None:
        problems = []
        if not self.title_edit.text().strip():
            problems.append(self.tr("Een overleg heeft een titel nodig."))
        for label, edit in ((self.tr("voorzitter"), self.chair_edit), (self.tr("notulist"), self.secretary_edit)):
            if edit.person_id() == PersonLineEdit.UNKNOWN:
                problems.append(arg(self.tr("Kies de %1 uit de lijst (of laat het veld leeg)."), label))
        self.problem_label.setText(" ".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def values(self) -> dict:
        """The changed fields (keyword arguments of ``update_meeting``); empty when nothing changed."""
        d = self.detail
        current = {
            "title": self.title_edit.text(),
            "location": self.location_edit.text(),
            "online_link": self.link_edit.text(),
            "chair_id": self.chair_edit.person_id(),
            "secretary_id": self.secretary_edit.person_id(),
            "notes": self.notes_edit.toPlainText(),
        }
        stored = {
            "title": d.title,
            "location": d.location,
            "online_link": d.online_link,
            "chair_id": d.chair_id,
            "secretary_id": d.secretary_id,
            "notes": d.notes,
        }
        changed = {}
        for key, value in current.items():
            if value == PersonLineEdit.UNKNOWN:
                continue
            same = value.strip() == stored[key] if isinstance(value, str) else value == stored[key]
            if not same:
                changed[key] = value
        return changed


class TextDialog(QDialog):
    """A multi-line text that must not be empty (a reason, a decision, an outcome)."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, text: str = "", *, ok_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)
        self.label.setBuddy(self.edit)  # the question names the field for a screen reader
        self.box = buttons(self, ok_text)
        self.extra = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addLayout(self.extra)
        layout.addWidget(self.box)
        self.edit.textChanged.connect(self._check)
        self._check()
        self.resize(520, 260)

    def _check(self) -> None:
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.edit.toPlainText().strip()))

    def text(self) -> str:
        return self.edit.toPlainText()


class ReopenDialog(TextDialog):
    """Reopening a vastgesteld verslag asks why; the reason goes into the change history."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            self.tr("Verslag heropenen"),
            self.tr(
                "Het verslag is vastgesteld. Waarom moet het worden heropend? De reden wordt bewaard in de "
                "wijzigingsgeschiedenis."
            ),
            ok_text=self.tr("Heropenen"),
        )


class OutcomeDialog(TextDialog):
    """What the bestuurlijk overleg decided on an escalated decision, and when."""

    def __init__(self, parent: QWidget | None, decision_text: str, outcome: str, on: date) -> None:
        super().__init__(
            parent,
            self.tr("Uitkomst bestuurlijk overleg"),
            arg(self.tr("Voorgelegd besluit: %1"), decision_text.strip()[:400]),
            outcome,
            ok_text=self.tr("Vastleggen"),
        )
        self.date_edit = date_edit(self, on)
        row = QHBoxLayout()
        date_label = QLabel(self.tr("&Datum besluit:"), self)
        date_label.setBuddy(self.date_edit)
        row.addWidget(date_label)
        row.addWidget(self.date_edit)
        row.addStretch(1)
        self.extra.addLayout(row)
        # The date sits between the text and the buttons, so Tab visits it there.
        QWidget.setTabOrder(self.edit, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.box)

    def outcome_date(self) -> date:
        return pydate(self.date_edit.date())


def ask_choice(parent: QWidget | None, title: str, text: str, choices: list[str]) -> int | None:
    """Ask a question with one button per choice and Annuleren; the index of the choice, None when cancelled.

    One function, so a test can answer it (``monkeypatch.setattr(view_module, "ask_choice", ...)``).
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    added = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    cancel = box.addButton(QCoreApplication.translate("MeetingDialogs", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return added.index(clicked) if clicked in added else None


class ApproveDialog(QDialog):
    """Vaststellen: in which later meeting of the series the verslag was vastgesteld."""

    def __init__(self, parent: QWidget | None, later: list[tuple[uuid.UUID, date]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verslag vaststellen"))
        self.combo = QComboBox(self)
        for mid, day in later:
            self.combo.addItem(arg(self.tr("Overleg van %1"), format_date_with_weekday(day)), mid)
        self.combo.addItem(self.tr("(niet vastleggen in welk overleg)"), None)
        form = QFormLayout()
        form.addRow(self.tr("Vastgesteld in:"), self.combo)
        note = QLabel(
            self.tr("Een vastgesteld verslag kan niet meer worden gewijzigd, tenzij het met een reden wordt heropend."),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons(self, self.tr("Vaststellen")))
        self.resize(460, 0)

    def approved_in(self) -> uuid.UUID | None:
        return self.combo.currentData()


class PersonNameDialog(QDialog):
    """A person picked by name with type-ahead over the network, or a name typed freely (a guest)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        people: list[PersonChoice],
        *,
        with_organisation: list[tuple[uuid.UUID, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.people = {p.name.casefold(): p for p in people}
        self.edit = QLineEdit(self)
        completer = QCompleter([p.name for p in people], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        form = QFormLayout()
        form.addRow(label, self.edit)
        self.organisation_combo: QComboBox | None = None
        if with_organisation is not None:
            self.organisation_combo = QComboBox(self)
            self.organisation_combo.addItem("—", None)
            for oid, name in with_organisation:
                self.organisation_combo.addItem(name, oid)
            form.addRow(self.tr("Organisatie:"), self.organisation_combo)
        self.box = buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.box)
        self.edit.textChanged.connect(
            lambda text: self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.resize(460, 0)

    def person(self) -> PersonChoice | None:
        return self.people.get(self.edit.text().strip().casefold())

    def name(self) -> str:
        return self.edit.text().strip()

    def organisation_id(self) -> uuid.UUID | None:
        return self.organisation_combo.currentData() if self.organisation_combo is not None else None


class DocumentDialog(QDialog):
    """A stuk for an agenda item: a title and a file or a link."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stuk toevoegen"))
        self.title_edit = QLineEdit(self)
        self.location_edit = QLineEdit(self)
        self.location_edit.setPlaceholderText(self.tr("pad naar een bestand of https://..."))
        browse = QPushButton(self.tr("Bestand kiezen..."), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.location_edit, 1)
        row.addWidget(browse)
        from ...services.stored_documents import MAX_STORED_BYTES, size_text

        self.store_check = QCheckBox(self.tr("In de database bewaren"), self)
        self.store_check.setToolTip(
            arg(
                self.tr("Het bestand gaat mee in reservekopieën, een gedeelde database en de vergaderstukken, "
                        "en kan niet meer zoekraken. Tot %1 per stuk; koppel grotere bestanden."),
                size_text(MAX_STORED_BYTES),
            )
        )  # fmt: skip
        self.store_check.setEnabled(False)
        self.location_edit.textChanged.connect(self._location_changed)
        form = QFormLayout()
        form.addRow(self.tr("&Titel:"), self.title_edit)
        labelled_row(form, self.tr("&Vindplaats:"), row, self.location_edit)
        form.addRow("", self.store_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons(self, self.tr("Toevoegen")))
        self.resize(560, 0)

    def _location_changed(self, text: str) -> None:
        # Only a file on this computer can be stored; a web link stays a link.
        from pathlib import Path

        local = bool(text.strip()) and "://" not in text and Path(text.strip()).is_file()
        self.store_check.setEnabled(local)
        if not local:
            self.store_check.setChecked(False)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Stuk kiezen"))
        if name:
            self.location_edit.setText(name)
            if not self.title_edit.text().strip():
                from pathlib import Path

                self.title_edit.setText(Path(name).stem)

    def values(self) -> tuple[str, str]:
        return self.title_edit.text(), self.location_edit.text()

    def store(self) -> bool:
        """Keep the file in the database instead of linking it."""
        return self.store_check.isEnabled() and self.store_check.isChecked()


class HistoryDialog(QDialog):
    """The change history of one record (a meeting, a decision, an action item): when, who, which field,
    old -> new and why, oldest first. One dialog for every record, so a dispute about what was agreed can be
    settled from the same view wherever it starts."""

    MAX_CELL = 1200  # characters of a value shown in the cell; the whole value is in the tooltip

    def __init__(self, parent: QWidget | None, lines: list, subject: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(
            arg(self.tr("Wijzigingsgeschiedenis: %1"), subject) if subject else self.tr("Wijzigingsgeschiedenis")
        )
        self.subject_label = QLabel(subject, self)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.subject_label.font()
        font.setBold(True)
        self.subject_label.setFont(font)
        self.subject_label.setVisible(bool(subject))
        headers = [
            self.tr("Wanneer"),
            self.tr("Wie"),
            self.tr("Veld"),
            self.tr("Oud"),
            self.tr("Nieuw"),
            self.tr("Reden"),
        ]
        # A table, not a tree: its rows grow to wrapped texts, and a changed decision text is read whole.
        table = QTableWidget(len(lines), len(headers), self)
        table.setAccessibleName(self.tr("Wijzigingen"))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        for row, line in enumerate(lines):
            values = (line.when, line.who, line.field, self._short(line.old), self._short(line.new), line.reason)
            tips = ("", "", "", line.old, line.new, line.reason)
            for column, (value, tip) in enumerate(zip(values, tips, strict=True)):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if tip:
                    cell.setToolTip(tip)
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch if column in (3, 4) else QHeaderView.ResizeMode.ResizeToContents,
            )
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        self.table = table
        self.empty_label = QLabel(self.tr("Er zijn nog geen wijzigingen vastgelegd."), self)
        self.empty_label.setVisible(not lines)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addWidget(table, 1)
        layout.addWidget(self.empty_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(1000, 460)

    @classmethod
    def _short(cls, value: str) -> str:
        return value if len(value) <= cls.MAX_CELL else value[: cls.MAX_CELL - 1] + "…"

    def rows(self) -> list[list[str]]:
        """What the dialog shows, cell by cell (for tests and for copying)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]


def show_record_history(parent: QWidget, database, entity: str, entity_id: uuid.UUID, subject: str) -> HistoryDialog:
    """Read the change history of one record (``entity`` is its table name) and show it in a dialog."""
    with database.session() as session:
        lines = load_history_lines(session, entity, entity_id)
    dialog = HistoryDialog(parent, lines, subject)
    dialog.exec()
    return dialog
