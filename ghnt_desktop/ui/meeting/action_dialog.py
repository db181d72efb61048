"""Correct an actiepunt or toezegging after it was recorded: text, trekker, deadline, kind, vertrouwelijk and the
link to a programme action.

The change goes through ``services.minutes.update_action_item`` on the window's undo stack
(``undo.edit_values_command``); the change log records who changed what, on do, undo and redo alike. A
deadline corrected here is a correction, not a postponement (postponing is recording progress with a later
deadline). An action item of a meeting whose verslag is vastgesteld is refused with the service's message
before the form opens.

Entry points: the Besluiten en acties and Notuleren tabs of the meeting view and the Acties page all call
:func:`edit_action_item`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLabel, QLineEdit, QWidget

from ...dutch_dates import short_date
from ..editors.forms import FormDialog, TextEdit, fill_enum_combo, select_data
from ..i18n import arg
from .dialogs import find_data
from .fields import cleaned, period_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..mainwindow import MainWindow

PERSON, ORGANISATION, FREE_TEXT = "person", "organisation", "text"


@dataclass(frozen=True)
class ActionEdit:
    """An action item as the correction form starts from it, and the choices its pickers offer."""

    id: uuid.UUID
    number: str
    kind: Any  # ActionKind
    text: str
    trekker_person_id: uuid.UUID | None
    trekker_organisation_id: uuid.UUID | None
    trekker_text: str
    trekker_shown: str  # what the trekker field starts with
    deadline: date | None
    deadline_text: str
    programme_action_id: uuid.UUID | None
    confidential: bool
    reference: date  # deadline texts are read relative to the meeting the action was made at
    people: tuple[tuple[uuid.UUID, str], ...]  # (id, name)
    organisations: tuple[tuple[uuid.UUID, str], ...]
    programme_choices: tuple[tuple[uuid.UUID, str, str], ...]  # (id, code, text)

    @property
    def deadline_shown(self) -> str:
        return self.deadline_text or short_date(self.deadline)


def load_action_edit(session: Session, action_id: uuid.UUID, today: date) -> ActionEdit:
    """Read one action item for the form; refuses (``RefusedError``) when its verslag is vastgesteld.

    Raises ``NotFoundError`` when it is gone.
    """
    from ...models import ActionItem, Organisation, Person, ProgrammeAction
    from ...services.agenda import programme_action_choices
    from ...services.meetings import ensure_editable, get_or_404
    from ...services.network import list_organisations, list_people

    action = get_or_404(session, ActionItem, action_id)
    meeting = action.origin_meeting
    if meeting is not None:
        ensure_editable(meeting)  # the service's own message, before anything is typed in vain
    people = [(p.id, p.name) for p in list_people(session, include_archived=False)]
    organisations = [(o.id, o.name) for o in list_organisations(session, include_archived=False)]
    programme = list(programme_action_choices(session))
    # What is chosen now stays choosable, even when it was archived or closed since.
    if action.trekker_person_id is not None and all(pid != action.trekker_person_id for pid, _ in people):
        person = session.get(Person, action.trekker_person_id)
        if person is not None:
            people.append((person.id, person.name))
    if action.trekker_organisation_id is not None and all(
        oid != action.trekker_organisation_id for oid, _ in organisations
    ):
        organisation = session.get(Organisation, action.trekker_organisation_id)
        if organisation is not None:
            organisations.append((organisation.id, organisation.name))
    if action.programme_action_id is not None and all(pid != action.programme_action_id for pid, _c, _t in programme):
        linked = session.get(ProgrammeAction, action.programme_action_id)
        if linked is not None:
            programme.append((linked.id, linked.code, linked.text))
    # The field shows one trekker; a person wins, then the free text, then the organisation.
    if action.trekker_person is not None:
        shown = action.trekker_person.name
    elif action.trekker_text:
        shown = action.trekker_text
    elif action.trekker_organisation is not None:
        shown = action.trekker_organisation.name
    else:
        shown = ""
    return ActionEdit(
        id=action.id,
        number=action.number,
        kind=action.kind,
        text=action.text,
        trekker_person_id=action.trekker_person_id,
        trekker_organisation_id=action.trekker_organisation_id,
        trekker_text=action.trekker_text,
        trekker_shown=shown,
        deadline=action.deadline,
        deadline_text=action.deadline_text,
        programme_action_id=action.programme_action_id,
        confidential=action.confidential,
        reference=meeting.date if meeting is not None else today,
        people=tuple(people),
        organisations=tuple(organisations),
        programme_choices=tuple(programme),
    )


class ActionItemDialog(FormDialog):
    """The correction form of one action item; :meth:`collect` returns only what changed, as
    ``update_action_item`` takes it."""

    def __init__(self, parent: QWidget | None, edit: ActionEdit) -> None:
        # ``self.tr`` needs the C++ object, which exists only after the base class is set up.
        super().__init__(arg(QCoreApplication.translate("ActionItemDialog", "Actie %1 wijzigen"), edit.number), parent)
        from ...models import ActionKind

        self.edit = edit
        self.text_edit = TextEdit(self, lines=4)
        self.text_edit.setText(edit.text)
        # Wrapped, never scrolled sideways (mixed-direction text made Qt offer a horizontal scroll bar).
        self.text_edit.setLineWrapMode(TextEdit.LineWrapMode.WidgetWidth)
        self.text_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.trekker_edit = QLineEdit(edit.trekker_shown, self)
        self.trekker_edit.setPlaceholderText(self.tr("naam of organisatie"))
        names = {name for _id, name in edit.people} | {name for _id, name in edit.organisations}
        completer = QCompleter(sorted(names, key=str.casefold), self.trekker_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.trekker_edit.setCompleter(completer)
        self.trekker_label = QLabel(self)
        self.trekker_label.setStyleSheet("color: palette(placeholder-text);")
        self.deadline_edit = QLineEdit(edit.deadline_shown, self)
        self.deadline_edit.setPlaceholderText(self.tr("15-04-2027, Q2 2027, voor de zomer..."))
        self.deadline_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, list(ActionKind))
        select_data(self.kind_combo, edit.kind)
        self.confidential_check = QCheckBox(self.tr("Vertrouwelijk (niet in stukken die rondgaan)"), self)
        self.confidential_check.setChecked(edit.confidential)
        self.programme_combo = QComboBox(self)
        self.programme_combo.setMinimumContentsLength(30)
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.programme_combo.addItem(self.tr("— geen actie uit het programma —"), None)
        for pid, code, text in edit.programme_choices:
            label = f"{code} {text}"
            self.programme_combo.addItem(label, pid)
            self.programme_combo.setItemData(self.programme_combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.programme_combo.setCurrentIndex(max(0, find_data(self.programme_combo, edit.programme_action_id)))
        note = QLabel(
            self.tr(
                "Een deadline die hier wordt gecorrigeerd telt niet als uitstel. Uitstel legt u vast bij de "
                "voortgang. Elke wijziging komt in de wijzigingsgeschiedenis."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")

        self.form.addRow(self.tr("&Actie:"), self.text_edit)
        self.form.addRow(self.tr("&Trekker:"), self.trekker_edit)
        self.form.addRow("", self.trekker_label)
        self.form.addRow(self.tr("&Deadline:"), self.deadline_edit)
        self.form.addRow("", self.deadline_label)
        self.form.addRow(self.tr("&Soort:"), self.kind_combo)
        self.form.addRow(self.tr("&Programma:"), self.programme_combo)
        self.form.addRow("", self.confidential_check)
        # Tab in the order of the form (the check box was made before the programme choice).
        QWidget.setTabOrder(self.kind_combo, self.programme_combo)
        QWidget.setTabOrder(self.programme_combo, self.confidential_check)
        self.form.addRow(note)

        self.text_edit.textChanged.connect(self._check)
        self.trekker_edit.textChanged.connect(self._show_trekker)
        self.deadline_edit.textChanged.connect(self._show_period)
        self._show_trekker()
        self._show_period()
        self._check()
        self.resize(640, 0)

    def _check(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text_edit.text().strip()))

    def resolve_trekker(self) -> tuple[str, Any]:
        """What the trekker field names: (PERSON, id), (ORGANISATION, id), (FREE_TEXT, text); empty is free text."""
        text = self.trekker_edit.text().strip()
        wanted = text.casefold()
        if wanted:
            for pid, name in self.edit.people:
                if name.casefold() == wanted:
                    return PERSON, pid
            for oid, name in self.edit.organisations:
                if name.casefold() == wanted:
                    return ORGANISATION, oid
        return FREE_TEXT, text

    def _show_trekker(self) -> None:
        kind, _value = self.resolve_trekker()
        if not self.trekker_edit.text().strip():
            message = self.tr("geen trekker")
        else:
            message = {
                PERSON: self.tr("= persoon uit het netwerk"),
                ORGANISATION: self.tr("= organisatie"),
                FREE_TEXT: self.tr("= vrije tekst (geen persoon of organisatie met deze naam)"),
            }[kind]
        self.trekker_label.setText(message)

    def _show_period(self) -> None:
        message, understood = period_text(self.deadline_edit.text(), self.edit.reference)
        self.deadline_label.setText(message)
        self.deadline_label.setStyleSheet("" if understood else "color: #b3261e;")

    def kind(self):
        """The chosen ActionKind (Qt hands a ``str`` enum back as a plain string)."""
        from ...models import ActionKind

        return ActionKind(self.kind_combo.currentData())

    def collect(self) -> dict[str, Any]:
        """The changed fields as keyword arguments of ``update_action_item``; empty when nothing changed."""
        e = self.edit
        changed: dict[str, Any] = {}
        text = self.text_edit.text()
        if cleaned(text) != e.text:
            changed["text"] = text
        if self.trekker_edit.text().strip() != e.trekker_shown.strip():
            # A new trekker replaces the old one whole: one of person, organisation or text.
            kind, value = self.resolve_trekker()
            wanted = {
                "trekker_person_id": value if kind == PERSON else None,
                "trekker_organisation_id": value if kind == ORGANISATION else None,
                "trekker_text": value if kind == FREE_TEXT else "",
            }
            current = {
                "trekker_person_id": e.trekker_person_id,
                "trekker_organisation_id": e.trekker_organisation_id,
                "trekker_text": e.trekker_text,
            }
            changed.update({key: v for key, v in wanted.items() if v != current[key]})
        if self.deadline_edit.text().strip() != e.deadline_shown.strip():
            # Only the text: the service reads the date from it relative to the meeting the action was made at.
            changed["deadline_text"] = self.deadline_edit.text()
        kind = self.kind()
        if kind != e.kind:
            changed["kind"] = kind
        if self.confidential_check.isChecked() != e.confidential:
            changed["confidential"] = self.confidential_check.isChecked()
        if self.programme_combo.currentData() != e.programme_action_id:
            changed["programme_action_id"] = self.programme_combo.currentData()
        return changed


def edit_action_item(parent: QWidget, window: MainWindow, action_id: uuid.UUID) -> bool:
    """Open the correction form of one action item and save what changed through the undo stack.

    A vastgesteld verslag (or an action deleted meanwhile) shows the service's Dutch message. False when
    nothing was saved.
    """
    from ...services import ServiceError
    from ...services.minutes import update_action_item
    from ..errors import show_error
    from ..undo import edit_values_command, push

    database = window.database
    if database is None:
        return False
    try:
        with database.session() as session:
            edit = load_action_edit(session, action_id, window.today())
    except ServiceError as exc:
        show_error(parent, exc)
        return False
    dialog = ActionItemDialog(parent, edit)
    if not dialog.exec():
        return False
    values = dialog.collect()
    if not values:
        return False
    # The values the form started from: another user's newer value of a changed field is not overwritten.
    seen = {key: getattr(edit, key) for key in values if key in ActionEdit.__dataclass_fields__}
    command = edit_values_command(
        window, arg(dialog.tr("Actie %1 wijzigen"), edit.number), update_action_item, action_id, values, seen=seen
    )
    return push(window, command)
