"""Dialogs of the network: organisations, people (and who succeeds them), working groups and memberships.

Each dialog gathers the keyword arguments of one service call in ``values``; for an existing record only
the fields that changed, so undo restores exactly those.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...models import OrganisationKind
from ...services import ServiceError, ValidationError
from ..i18n import arg, plural
from .forms import DateEdit, FormDialog, RecordCombo, TextEdit, changed_values, fill_enum_combo, select_data, tr

Choices = list[tuple[str, Any]]


class OrganisationDialog(FormDialog):
    """Create or edit an organisation: name, kind, abbreviation, other names and notes."""

    def __init__(self, parent: QWidget | None = None, detail=None) -> None:
        super().__init__(tr("Organisatie bewerken") if detail else tr("Nieuwe organisatie"), parent)
        self.detail = detail
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(360)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, list(OrganisationKind))
        self.abbreviation = QLineEdit(self)
        self.abbreviation.setMaxLength(40)
        self.aliases = TextEdit(self, lines=3)
        self.aliases.setPlaceholderText(tr("Andere schrijfwijzen, één per regel"))
        self.notes = TextEdit(self, lines=3)
        self.form.addRow(tr("&Naam:"), self.name)
        self.form.addRow(tr("&Soort:"), self.kind)
        self.form.addRow(tr("&Afkorting:"), self.abbreviation)
        self.form.addRow(tr("An&dere namen:"), self.aliases)
        self.form.addRow(tr("N&otities:"), self.notes)
        if detail is not None:
            self.name.setText(detail.name)
            select_data(self.kind, detail.kind)
            self.abbreviation.setText(detail.abbreviation)
            self.aliases.setText("\n".join(detail.aliases))
            self.notes.setText(detail.notes)
        else:
            select_data(self.kind, OrganisationKind.OTHER)

    def collect(self) -> dict[str, Any]:
        values = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "abbreviation": self.abbreviation.text().strip(),
            "aliases": tuple(line.strip() for line in self.aliases.text().splitlines() if line.strip()),
            "notes": self.notes.text(),
        }
        if not values["name"].strip():
            raise ValidationError(tr("De naam van de organisatie mag niet leeg zijn."))
        return changed_values(self.detail, values) if self.detail is not None else values


class PersonDialog(FormDialog):
    """Create or edit a person: name, organisation, function, contact, active period and successor."""

    def __init__(self, parent: QWidget | None, organisations: Choices, people: Choices, detail=None,
                 organisation_id=None) -> None:  # fmt: skip
        super().__init__(tr("Persoon bewerken") if detail else tr("Nieuwe persoon"), parent)
        self.detail = detail
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(340)
        self.organisation = RecordCombo(self)
        self.organisation.set_choices(organisations)
        self.function = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.active_from = DateEdit(self)
        self.active_until = DateEdit(self)
        self.successor = RecordCombo(self)
        self.successor.set_choices([c for c in people if detail is None or c[1] != detail.id])
        self.form.addRow(tr("&Naam:"), self.name)
        self.form.addRow(tr("&Organisatie:"), self.organisation)
        self.form.addRow(tr("&Functie:"), self.function)
        self.form.addRow(tr("&E-mail:"), self.email)
        self.form.addRow(tr("Te&lefoon:"), self.phone)
        self.form.addRow(tr("Actief &vanaf:"), self.active_from)
        self.form.addRow(tr("Actief &tot en met:"), self.active_until)
        self.form.addRow(tr("O&pvolger:"), self.successor)
        if detail is not None:
            self.name.setText(detail.name)
            self.organisation.set_current_id(detail.organisation_id)
            self.function.setText(detail.function)
            self.email.setText(detail.email)
            self.phone.setText(detail.phone)
            self.active_from.set_date(detail.active_from)
            self.active_until.set_date(detail.active_until)
            self.successor.set_current_id(detail.successor_id)
        else:
            self.organisation.set_current_id(organisation_id)
            self.form.labelForField(self.successor).hide()
            self.successor.hide()

    def collect(self) -> dict[str, Any]:
        values = {
            "name": self.name.text(),
            "organisation_id": self.organisation.check(tr("Organisatie")),
            "function": self.function.text(),
            "email": self.email.text().strip(),
            "phone": self.phone.text(),
            "active_from": self.active_from.date_value(tr("Actief vanaf")),
            "active_until": self.active_until.date_value(tr("Actief tot en met")),
        }
        if self.detail is None:
            return values
        values["successor_id"] = self.successor.check(tr("Opvolger"))
        return changed_values(self.detail, values)


class TakeoverDialog(QDialog):
    """After someone left: which of their open actions the successor takes over as trekker (all ticked)."""

    def __init__(self, parent: QWidget | None, person_name: str, successor_name: str, actions) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Trekkerschap overdragen"))
        intro = QLabel(
            arg(
                tr("%1 is trekker van %2 openstaande acties. Vink aan welke %3 overneemt; de rest houdt %1 als "
                   "trekker tot u het later wijzigt."),
                person_name,
                len(actions),
                successor_name,
            ),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Acties"))
        for action in actions:
            deadline = action.deadline_text or (f"{action.deadline:%d-%m-%Y}" if action.deadline else "")
            label = f"{action.number}  {' '.join(action.text.split())[:120]}"
            item = QListWidgetItem(f"{label}  ({deadline})" if deadline else label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Overdragen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Niet nu"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def chosen(self) -> list:
        """Ids of the ticked actions."""
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class LeaveDialog(FormDialog):
    """Someone leaves: the last day, who takes over (someone known or a new person) and the seats."""

    def __init__(self, parent: QWidget | None, person, people: Choices, today: date) -> None:
        super().__init__(arg(tr("%1 vertrekt"), person.name), parent)
        self.person = person
        self.until = DateEdit(self)
        self.until.set_date(person.active_until or today)
        self.existing_button = QRadioButton(tr("Bestaande persoon:"), self)
        self.new_button = QRadioButton(tr("Nieuwe persoon:"), self)
        self.none_button = QRadioButton(tr("Nog geen opvolger"), self)
        group = QButtonGroup(self)
        for button in (self.existing_button, self.new_button, self.none_button):
            group.addButton(button)
        self.successor = RecordCombo(self)
        self.successor.set_choices([c for c in people if c[1] != person.id])
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(tr("Naam van de opvolger"))
        self.new_name.setAccessibleName(tr("Naam van de nieuwe opvolger"))
        self.successor.setAccessibleName(tr("Bestaande persoon als opvolger"))
        self.new_function = QLineEdit(person.function, self)
        grid = QGridLayout()
        grid.addWidget(self.existing_button, 0, 0)
        grid.addWidget(self.successor, 0, 1)
        grid.addWidget(self.new_button, 1, 0)
        grid.addWidget(self.new_name, 1, 1)
        function_label = QLabel(tr("&Functie:"), self)
        function_label.setBuddy(self.new_function)
        grid.addWidget(function_label, 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.new_function, 2, 1)
        grid.addWidget(self.none_button, 3, 0, 1, 2)
        self.move_memberships = QCheckBox(
            tr("Werkgroeplidmaatschappen, voorzitterschappen en uitnodigingen voor overleggen overdragen"), self
        )
        self.move_memberships.setChecked(True)
        self.form.addRow(tr("Laatste &werkdag:"), self.until)
        self.form.addRow(tr("Opvolger:"), grid)
        # Tab row by row: each choice, then its field.
        chain = (self.existing_button, self.successor, self.new_button, self.new_name, self.new_function)
        for before, after in zip(chain, (*chain[1:], self.none_button), strict=True):
            QWidget.setTabOrder(before, after)
        self.form.addRow("", self.move_memberships)
        self.new_button.setChecked(True)
        self.successor.editTextChanged.connect(lambda _t: self.existing_button.setChecked(True))
        self.new_name.textEdited.connect(lambda _t: self.new_button.setChecked(True))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Vertrek vastleggen"))

    def collect(self) -> dict[str, Any]:
        until = self.until.date_value(tr("Laatste werkdag"))
        if until is None:
            raise ValidationError(tr("Geef de laatste werkdag."))
        values: dict[str, Any] = {"until": until, "move_memberships": self.move_memberships.isChecked()}
        if self.existing_button.isChecked():
            values["successor_id"] = self.successor.check(tr("Opvolger"))
            if values["successor_id"] is None:
                raise ValidationError(tr("Kies de opvolger uit de lijst, of kies Nieuwe persoon."))
        elif self.new_button.isChecked():
            if not self.new_name.text().strip():
                raise ValidationError(tr("Geef de naam van de opvolger, of kies Nog geen opvolger."))
            values["new_successor_name"] = self.new_name.text()
            values["new_successor_function"] = self.new_function.text()
        return values

    @staticmethod
    def successor_start(until: date) -> date:
        return until + timedelta(days=1)


class MergeDialog(FormDialog):
    """Merge a duplicate into the kept organisation, with a preview of everything that moves."""

    def __init__(self, parent: QWidget | None, keep, organisations: Choices,
                 preview: Callable[[Any], Any]) -> None:  # fmt: skip
        super().__init__(tr("Organisaties samenvoegen"), parent)
        self.keep = keep
        self._preview = preview
        keep_label = QLabel(f"<b>{_escape(keep.name)}</b>", self)
        self.duplicate = RecordCombo(self)
        self.duplicate.set_choices([c for c in organisations if c[1] != keep.id])
        self.duplicate.lineEdit().setPlaceholderText(tr("Typ een deel van de naam"))
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.RichText)
        self.preview_label.setMinimumWidth(420)
        self.preview_label.setMinimumHeight(150)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.form.addRow(tr("Behouden:"), keep_label)
        self.form.addRow(tr("&Dubbele registratie:"), self.duplicate)
        self.form.addRow(tr("Wat verhuist:"), self.preview_label)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Samenvoegen"))
        self.duplicate.currentIndexChanged.connect(self._update_preview)
        self.duplicate.editTextChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self, *_args) -> None:
        duplicate_id = self.duplicate.current_id()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if duplicate_id is None:
            self.preview_label.setText(tr("Kies de organisatie die dezelfde is als deze en moet verdwijnen."))
            ok.setEnabled(False)
            return
        try:
            preview = self._preview(duplicate_id)
        except ServiceError as exc:
            self.preview_label.setText(_escape(str(exc)))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        lines = [f"<li>{_escape(label)}: {count}</li>" for label, count in preview.moves]
        if not lines:
            lines = [f"<li>{_escape(tr('niets: er wordt nergens naar de dubbele registratie verwezen'))}</li>"]
        parts = [
            "<p>" + _escape(arg(tr("Alles van %1 gaat naar %2:"), preview.duplicate_name, preview.keep_name)) + "</p>",
            "<ul style='margin-top:0'>" + "".join(lines) + "</ul>",
        ]
        if preview.conflicts:
            parts.append(
                "<p>"
                + _escape(
                    arg(
                        plural(
                            preview.conflicts,
                            tr("1 status per gemeente bestaat al bij %2; die blijft, de dubbele vervalt."),
                            tr("%1 statussen per gemeente bestaan al bij %2; die blijven, de dubbele vervallen."),
                        ),
                        preview.conflicts,
                        preview.keep_name,
                    )
                )  # fmt: skip
                + "</p>"
            )
        parts.append(
            "<p>"
            + _escape(
                arg(
                    tr("Andere namen daarna: %1. %2 wordt gearchiveerd en blijft in de geschiedenis bestaan."),
                    ", ".join(preview.aliases_after) or "-",
                    preview.duplicate_name,
                )
            )  # fmt: skip
            + "</p>"
        )
        self.preview_label.setText("".join(parts))

    def collect(self) -> dict[str, Any]:
        duplicate_id = self.duplicate.check(tr("Dubbele registratie"))
        if duplicate_id is None:
            raise ValidationError(tr("Kies de dubbele registratie."))
        return {"duplicate_id": duplicate_id}


class WorkingGroupDialog(FormDialog):
    """Create or edit a werkgroep: name, theme, actielijn, chair and description."""

    def __init__(self, parent: QWidget | None, sections: Choices, people: Choices, detail=None) -> None:
        super().__init__(tr("Werkgroep bewerken") if detail else tr("Nieuwe werkgroep"), parent)
        self.detail = detail
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(360)
        self.theme = QLineEdit(self)
        self.section = QComboBox(self)
        self.section.addItem(tr("(geen)"), None)
        for label, value in sections:
            self.section.addItem(label, value)
        self.chair = RecordCombo(self)
        self.chair.set_choices(people)
        self.description = TextEdit(self, lines=3)
        self.form.addRow(tr("&Naam:"), self.name)
        self.form.addRow(tr("&Thema:"), self.theme)
        self.form.addRow(tr("&Actielijn:"), self.section)
        self.form.addRow(tr("&Voorzitter:"), self.chair)
        self.form.addRow(tr("&Omschrijving:"), self.description)
        if detail is not None:
            self.name.setText(detail.name)
            self.theme.setText(detail.theme)
            select_data(self.section, detail.section_id)
            self.chair.set_current_id(detail.chair_id)
            self.description.setText(detail.description)

    def collect(self) -> dict[str, Any]:
        values = {
            "name": self.name.text(),
            "theme": self.theme.text(),
            "section_id": self.section.currentData(),
            "chair_id": self.chair.check(tr("Voorzitter")),
            "description": self.description.text(),
        }
        if not values["name"].strip():
            raise ValidationError(tr("De naam van de werkgroep mag niet leeg zijn."))
        return changed_values(self.detail, values) if self.detail is not None else values


ROLES = ("lid", "voorzitter", "secretaris", "adviseur", "ervaringsdeskundige")


class MemberDialog(FormDialog):
    """A membership: person and/or organisation, role and period."""

    def __init__(self, parent: QWidget | None, people: Choices, organisations: Choices, detail=None,
                 today: date | None = None) -> None:  # fmt: skip
        super().__init__(tr("Lidmaatschap bewerken") if detail else tr("Lid toevoegen"), parent)
        self.detail = detail
        self.person = RecordCombo(self)
        self.person.set_choices(people)
        self.organisation = RecordCombo(self)
        self.organisation.set_choices(organisations)
        self.organisation.lineEdit().setPlaceholderText(tr("(die van de persoon)"))
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItems([tr(r) for r in ROLES])
        self.start = DateEdit(self)
        self.end = DateEdit(self)
        self.form.addRow(tr("&Persoon:"), self.person)
        self.form.addRow(tr("&Organisatie:"), self.organisation)
        self.form.addRow(tr("&Rol:"), self.role)
        self.form.addRow(tr("&Vanaf:"), self.start)
        self.form.addRow(tr("&Tot en met:"), self.end)
        if detail is not None:
            self.person.set_current_id(detail.person_id)
            self.organisation.set_current_id(detail.organisation_id)
            self.role.setCurrentText(detail.role)
            self.start.set_date(detail.start)
            self.end.set_date(detail.end)
        else:
            self.start.set_date(today)

    def collect(self) -> dict[str, Any]:
        values = {
            "person_id": self.person.check(tr("Persoon")),
            "organisation_id": self.organisation.check(tr("Organisatie")),
            "role": self.role.currentText().strip() or "lid",
            "start": self.start.date_value(tr("Vanaf")),
            "end": self.end.date_value(tr("Tot en met")),
        }
        if values["person_id"] is None and values["organisation_id"] is None:
            raise ValidationError(tr("Kies een persoon of een organisatie."))
        if self.detail is None:
            return values
        return changed_values(self.detail, values)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
