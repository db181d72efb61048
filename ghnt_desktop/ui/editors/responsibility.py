"""The responsibility editor: verantwoordelijke partijen and trekkers of an ambition or one action.

Each line is a name with type-ahead over the network's organisations and people; any other text is kept
as written, for a role ("Projectleider GHNT") or a group ("Alle gemeenten"). For an action the check box
"Afwijkende verantwoordelijkheid" says whether it overrides its ambition; when it does not, the inherited
lines are shown greyed and read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...models import ResponsibilityRole

if TYPE_CHECKING:
    from ...services.programme import ResponsibilityChoices, ResponsibilityDetail, ResponsibilityEntry
from .forms import RecordCombo, tr

ORGANISATION, PERSON = "organisation", "person"


class NameLine(QWidget):
    """One responsible party: a name combo with type-ahead and a remove button."""

    removed = Signal(object)
    edited = Signal()

    def __init__(self, choices: list[tuple[str, object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.combo = RecordCombo(self, allow_none=True, free_text=True)
        self.combo.set_choices(choices)
        self.combo.lineEdit().setPlaceholderText(tr("Organisatie, persoon of rol"))
        self.combo.editTextChanged.connect(lambda _text: self.edited.emit())
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(tr("Deze regel verwijderen"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.remove_button)

    _original: ResponsibilityEntry | None = None
    _shown = ""

    def set_entry(self, entry: ResponsibilityEntry) -> None:
        if entry.person_id is not None:
            self.combo.set_current_id((PERSON, entry.person_id), entry.label)
        elif entry.organisation_id is not None:
            self.combo.set_current_id((ORGANISATION, entry.organisation_id), entry.label)
        else:
            self.combo.setEditText(entry.label)
        if self.combo.currentText() != entry.label and entry.label:
            self.combo.setEditText(entry.label)  # the label as written wins over the record's current name
        self._original, self._shown = entry, self.combo.text()

    def entry(self, role: ResponsibilityRole) -> ResponsibilityEntry:
        from ...services.programme import ResponsibilityEntry

        text = self.combo.text()
        if self._original is not None and text == self._shown:
            return ResponsibilityEntry(
                role, self._original.label, self._original.organisation_id, self._original.person_id
            )
        chosen = self.combo.current_id()
        kind, record_id = chosen if chosen else (None, None)
        return ResponsibilityEntry(
            role,
            text,
            organisation_id=record_id if kind == ORGANISATION else None,
            person_id=record_id if kind == PERSON else None,
        )


class RoleList(QWidget):
    """The lines of one role with an "add" button below them."""

    edited = Signal()

    def __init__(self, role: ResponsibilityRole, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.choices: list[tuple[str, object]] = []
        self.lines: list[NameLine] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        self.add_button = QToolButton(self)
        self.add_button.setText(add_text)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self.add_line)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_entries(self, entries: list[ResponsibilityEntry]) -> None:
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        for entry in entries:
            self.add_line().set_entry(entry)

    def add_line(self) -> NameLine:
        line = NameLine(self.choices, self)
        line.removed.connect(self._remove)
        line.edited.connect(self.edited)
        self._layout.insertWidget(len(self.lines), line)
        self.lines.append(line)
        if self.sender() is self.add_button:
            line.combo.setFocus()
            self.edited.emit()
        return line

    def _remove(self, line: NameLine) -> None:
        self.lines.remove(line)
        line.deleteLater()
        self.edited.emit()

    def entries(self) -> list[ResponsibilityEntry]:
        return [line.entry(self.role) for line in self.lines if line.combo.text()]


class ResponsibilityEditor(QWidget):
    """Verantwoordelijke partijen and trekkers; for an action with the override check box."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, for_action: bool = False) -> None:
        super().__init__(parent)
        self.for_action = for_action
        self.detail: ResponsibilityDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.override_box = QCheckBox(tr("Afwijkende verantwoordelijkheid"), self)
        self.override_box.setToolTip(
            tr("Aan: deze actie heeft eigen verantwoordelijken. Uit: de actie neemt die van de ambitie over.")
        )
        self.override_box.setVisible(for_action)
        self.override_box.toggled.connect(self._override_toggled)
        layout.addWidget(self.override_box)
        self.inherited_note = QLabel(tr("Overgenomen van de ambitie:"), self)
        self.inherited_note.setEnabled(False)
        self.inherited_note.setVisible(False)
        layout.addWidget(self.inherited_note)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.responsible = RoleList(ResponsibilityRole.RESPONSIBLE, tr("+ Verantwoordelijke partij"), self)
        self.trekkers = RoleList(ResponsibilityRole.TREKKER, tr("+ Trekker"), self)
        for row, (text, widget) in enumerate(
            ((tr("Verantwoordelijke partijen:"), self.responsible), (tr("Trekkers:"), self.trekkers))
        ):
            label = QLabel(text, self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.responsible.edited.connect(self.edited)
        self.trekkers.edited.connect(self.edited)

    def set_choices(self, choices: ResponsibilityChoices) -> None:
        items: list[tuple[str, object]] = [(role, None) for role in choices.roles]
        items += [(name, (ORGANISATION, record_id)) for name, record_id in choices.organisations]
        items += [(name, (PERSON, record_id)) for name, record_id in choices.people]
        self.responsible.choices = items
        self.trekkers.choices = items

    def set_detail(self, detail: ResponsibilityDetail) -> None:
        self.detail = detail
        self.override_box.blockSignals(True)
        self.override_box.setChecked(detail.overrides)
        self.override_box.blockSignals(False)
        self._show(detail.in_force if self.for_action else detail.own, editable=detail.overrides or not self.for_action)

    def _show(self, entries, *, editable: bool) -> None:
        self.responsible.set_entries([e for e in entries if e.role is ResponsibilityRole.RESPONSIBLE])
        self.trekkers.set_entries([e for e in entries if e.role is ResponsibilityRole.TREKKER])
        # Inherited lines: greyed and read-only, so the user sees them without being able to change them here.
        self.responsible.setEnabled(editable)
        self.trekkers.setEnabled(editable)
        self.inherited_note.setVisible(self.for_action and not editable)

    def _override_toggled(self, checked: bool) -> None:
        if self.detail is None:
            return
        if checked:
            # Start from what was in force: the user usually changes one name of the ambition's list.
            start = self.detail.own if self.detail.own else self.detail.inherited
            self._show(start, editable=True)
        else:
            self._show(self.detail.inherited, editable=False)
        self.edited.emit()

    @property
    def overrides(self) -> bool:
        return self.override_box.isChecked()

    def entries(self) -> list[ResponsibilityEntry]:
        return self.responsible.entries() + self.trekkers.entries()

    def changed_arguments(self) -> dict | None:
        """Keyword arguments for ``set_responsibility`` when something changed, else None."""
        if self.detail is None:
            return None
        if self.for_action:
            if not self.overrides:
                return {"entries": (), "overrides": False} if self.detail.overrides else None
            entries = tuple(self.entries())
            if self.detail.overrides and entries == self.detail.own:
                return None
            return {"entries": entries, "overrides": True}
        entries = tuple(self.entries())
        return None if entries == self.detail.own else {"entries": entries}
