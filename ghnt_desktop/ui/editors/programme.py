"""Editors of the programme: the programme dialog and the detail forms beside the programme tree.

A form shows one section, ambition or action (the detail dataclasses of ``services.programme``) and,
on "Opslaan", emits only what changed: field values for the update service and, apart, the arguments
for ``set_responsibility``. The page turns those into commands on the window's undo stack.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...deadlines import parse_deadline
from ...models import ActionStatus, ProgrammeStatus, SectionKind
from ...services import ValidationError
from ..a11y import accessible, labelled_row
from .forms import FormDialog, RecordCombo, TextEdit, changed_values, fill_enum_combo, select_data, tr
from .responsibility import ResponsibilityEditor
from .tags import TagPicker

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")  # fmt: skip


def format_month(value: date | None) -> str:
    return f"{tr(MONTHS[value.month - 1])} {value.year}" if value else ""


def format_parsed_period(start: date | None, end: date | None) -> str:
    """The period read from a deadline text, as the form shows it under the text."""
    if start is None and end is None:
        return tr("geen periode herkend")
    if start and end and (start.year, start.month) == (end.year, end.month):
        return format_month(start)
    if start and end:
        return f"{format_month(start)} – {format_month(end)}"
    return f"{tr('vanaf')} {format_month(start)}" if start else f"{tr('tot en met')} {format_month(end)}"


class YearSpin(QSpinBox):
    """A year, or none (shown as "-")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(1899, 2199)
        self.setSpecialValueText("-")
        self.setValue(1899)

    def year(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_year(self, value: int | None) -> None:
        self.setValue(value if value is not None else self.minimum())


class ProgrammeDialog(FormDialog):
    """Create or edit a programme: region, title, period, status and description."""

    def __init__(self, parent: QWidget | None = None, detail=None) -> None:
        super().__init__(tr("Programma bewerken") if detail else tr("Nieuw programma"), parent)
        self.detail = detail
        self.region = QLineEdit(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMinimumWidth(380)
        self.start = YearSpin(self)
        self.end = YearSpin(self)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(tr("t/m"), self))
        period.addWidget(self.end)
        period.addStretch(1)
        self.status = QComboBox(self)
        fill_enum_combo(self.status, list(ProgrammeStatus))
        self.description = TextEdit(self, lines=4)
        self.form.addRow(tr("&Regio:"), self.region)
        self.form.addRow(tr("&Titel:"), self.title_edit)
        labelled_row(self.form, tr("&Looptijd:"), period, self.start)
        accessible(self.start, tr("Eerste jaar"))
        accessible(self.end, tr("Laatste jaar"))
        self.form.addRow(tr("&Status:"), self.status)
        self.form.addRow(tr("Toel&ichting:"), self.description)
        if detail is not None:
            self.region.setText(detail.region)
            self.title_edit.setText(detail.title)
            self.start.set_year(detail.period_start)
            self.end.set_year(detail.period_end)
            select_data(self.status, detail.status)
            self.description.setText(detail.description)
        else:
            self.start.set_year(date.today().year)
            select_data(self.status, ProgrammeStatus.CONCEPT)

    def collect(self) -> dict[str, Any]:
        values = {
            "region": self.region.text(),
            "title": self.title_edit.text(),
            "period_start": self.start.year(),
            "period_end": self.end.year(),
            "status": self.status.currentData(),
            "description": self.description.text(),
        }
        if not values["title"].strip():
            raise ValidationError(tr("De titel van het programma mag niet leeg zijn."))
        return changed_values(self.detail, values) if self.detail is not None else values


class DetailForm(QWidget):
    """Base of the forms beside the tree: a heading, a form, and Opslaan/Herstellen that follow edits."""

    save_requested = Signal(dict, object)  # field values, responsibility arguments (or None)

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: Any = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(heading, self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(scroll)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 4, 6, 4)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addStretch(1)  # spare height below the fields, not between them
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(tr("&Herstellen"), self)
        self.revert_button.setToolTip(tr("De wijzigingen in dit formulier vergeten"))
        self.save_button = QPushButton(tr("&Opslaan"), self)
        self.save_button.setDefault(True)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self._set_dirty(False)

    def watch(self, *widgets: QWidget) -> None:
        """Enable Opslaan/Herstellen when any of ``widgets`` changes."""
        for widget in widgets:
            for signal in ("textChanged", "currentIndexChanged", "editTextChanged", "valueChanged", "edited"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(self._edited)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    @property
    def dirty(self) -> bool:
        return self.save_button.isEnabled()

    def load(self, detail: Any) -> None:
        self._loading = True
        try:
            self.detail = detail
            self.fill(detail)
        finally:
            self._loading = False
        self._set_dirty(False)

    def revert(self) -> None:
        if self.detail is not None:
            self.load(self.detail)

    def save(self) -> None:
        from ..errors import show_error

        if self.detail is None:
            return
        try:
            values = changed_values(self.detail, self.collect())
            responsibility = self.responsibility_arguments()
        except ValidationError as exc:
            show_error(self, exc)
            return
        if not values and responsibility is None:
            self._set_dirty(False)
            return
        self.save_requested.emit(values, responsibility)

    # The subclass's part.

    def fill(self, detail: Any) -> None:
        raise NotImplementedError

    def collect(self) -> dict[str, Any]:
        raise NotImplementedError

    def responsibility_arguments(self) -> dict | None:
        return None


class SectionForm(DetailForm):
    """An actielijn, speerpunt or the region's own line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Onderdeel"), parent)
        self.title_edit = QLineEdit(self)
        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.code.setMaximumWidth(120)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, list(SectionKind))
        self.national_line = QComboBox(self)
        self.national_line.addItem(tr("(geen)"), None)
        for number, name in ((1, "Eerder en beter in beeld"), (2, "Stoppen en duurzaam oplossen"),
                             (3, "Aandacht voor specifieke groepen")):  # fmt: skip
            self.national_line.addItem(f"{number}. {tr(name)}", number)
        self.description = TextEdit(self, lines=5)
        self.form.addRow(tr("&Titel:"), self.title_edit)
        self.form.addRow(tr("&Code:"), self.code)
        self.form.addRow(tr("&Soort:"), self.kind)
        self.form.addRow(tr("Landelijke &actielijn:"), self.national_line)
        self.form.addRow(tr("Toel&ichting:"), self.description)
        self.watch(self.title_edit, self.code, self.kind, self.national_line, self.description)

    def fill(self, detail) -> None:
        self.heading.setText(tr("Onderdeel") + (f" {detail.code}" if detail.code else ""))
        self.title_edit.setText(detail.title)
        self.code.setText(detail.code)
        select_data(self.kind, detail.kind)
        select_data(self.national_line, detail.national_line)
        self.description.setText(detail.description)

    def collect(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "code": self.code.text(),
            "kind": self.kind.currentData(),
            "national_line": self.national_line.currentData(),
            "description": self.description.text(),
        }


class AmbitionForm(DetailForm):
    """An ambitie with its paragraph reference and its responsibility (inherited by its actions)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Ambitie"), parent)
        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.code.setMaximumWidth(120)
        self.text_edit = TextEdit(self, lines=4)
        self.sub_points = TextEdit(self, lines=3)
        self.sub_points.setPlaceholderText(tr("Eén subpunt per regel"))
        self.paragraph = QLineEdit(self)
        self.paragraph.setMaximumWidth(120)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(tr("Zie paragraaf 3.1, blz. 25"))
        self.responsibility = ResponsibilityEditor(self)
        self.form.addRow(tr("&Code:"), self.code)
        self.form.addRow(tr("&Ambitie:"), self.text_edit)
        self.form.addRow(tr("S&ubpunten:"), self.sub_points)
        self.form.addRow(tr("&Paragraaf:"), self.paragraph)
        self.form.addRow(tr("&Verwijzing:"), self.reference)
        self.form.addRow(self.responsibility)
        self.watch(self.code, self.text_edit, self.sub_points, self.paragraph, self.reference, self.responsibility)

    def fill(self, detail) -> None:
        self.heading.setText(tr("Ambitie") + (f" {detail.code}" if detail.code else ""))
        self.code.setText(detail.code)
        self.text_edit.setText(detail.text)
        self.sub_points.setText("\n".join(detail.sub_points))
        self.paragraph.setText(detail.paragraph)
        self.reference.setText(detail.reference)
        self.responsibility.set_detail(detail.responsibility)

    def collect(self) -> dict[str, Any]:
        return {
            "code": self.code.text(),
            "text": self.text_edit.text(),
            "sub_points": tuple(line.strip() for line in self.sub_points.text().splitlines() if line.strip()),
            "paragraph": self.paragraph.text(),
            "reference": self.reference.text(),
        }

    def responsibility_arguments(self) -> dict | None:
        return self.responsibility.changed_arguments()


class ActionForm(DetailForm):
    """A programme action: text, planning as written (and the period read from it), status, werkgroep."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Actie"), parent)
        self.code = QLineEdit(self)
        self.code.setMaxLength(20)
        self.code.setMaximumWidth(120)
        self.text_edit = TextEdit(self, lines=4)
        self.kind = QLineEdit(self)
        self.kind.setPlaceholderText(tr("actie"))
        self.kind.setMaximumWidth(220)
        self.deadline = QLineEdit(self)
        self.deadline.setPlaceholderText(tr("bijvoorbeeld: klaar: januari 2020, 2019-2021, voor de zomervakantie"))
        self.period_label = QLabel(self)
        self.period_label.setEnabled(False)
        self.period_label.setWordWrap(True)
        planning = QVBoxLayout()
        planning.setContentsMargins(0, 0, 0, 0)
        planning.setSpacing(2)
        planning.addWidget(self.deadline)
        planning.addWidget(self.period_label)
        self.status = QComboBox(self)
        fill_enum_combo(self.status, list(ActionStatus))
        self.working_group = RecordCombo(self, allow_none=True)
        self.notes = TextEdit(self, lines=3)
        self.in_table = QCheckBox(tr("In de programmatabel (het programma zoals vastgesteld)"), self)
        self.in_table.setToolTip(
            tr("Uitvinken voor een actie uit de hoofdtekst of een actie die later is toegevoegd: die wordt "
               "gevolgd, maar de programmatabel in Word laat haar weg.")
        )  # fmt: skip
        self.responsibility = ResponsibilityEditor(self, for_action=True)
        self.form.addRow(tr("&Code:"), self.code)
        self.form.addRow(tr("&Actie:"), self.text_edit)
        self.form.addRow(tr("Soo&rt:"), self.kind)
        planning_label = QLabel(tr("&Planning:"), self)
        planning_label.setBuddy(self.deadline)
        self.form.addRow(planning_label, planning)
        self.form.addRow(tr("&Status:"), self.status)
        self.form.addRow(tr("&Werkgroep:"), self.working_group)
        # Saved at once when ticked (one undoable step), apart from Opslaan: see ProgrammePage._save_tags.
        self.tags = TagPicker(self)
        self.form.addRow(tr("La&bels:"), self.tags)
        self.form.addRow(tr("&Notities:"), self.notes)
        self.form.addRow("", self.in_table)
        self.form.addRow(self.responsibility)
        self.deadline.textChanged.connect(self._show_period)
        self.in_table.toggled.connect(self._edited)
        self.watch(self.code, self.text_edit, self.kind, self.deadline, self.status, self.working_group, self.notes,
                   self.responsibility)  # fmt: skip

    def set_working_groups(self, groups: list[tuple[str, Any]]) -> None:
        self.working_group.set_choices(groups)

    def _show_period(self, text: str) -> None:
        # Read as the save will read it: a text without a year ("voor de zomer") from today.
        today = getattr(self.window(), "today", None)
        parsed = parse_deadline(text, reference=today() if callable(today) else date.today())
        self.period_label.setText(
            tr("Periode: ") + format_parsed_period(parsed.start, parsed.end) if text.strip() else ""
        )

    def fill(self, detail) -> None:
        self.heading.setText(tr("Actie") + (f" {detail.code}" if detail.code else ""))
        self.code.setText(detail.code)
        self.text_edit.setText(detail.text)
        self.kind.setText(detail.kind)
        self.deadline.setText(detail.deadline_text)
        if detail.deadline_text.strip():
            self.period_label.setText(
                tr("Periode: ") + format_parsed_period(detail.deadline_start, detail.deadline_end)
            )
        select_data(self.status, detail.status)
        self.working_group.set_current_id(detail.working_group_id)
        self.notes.setText(detail.notes)
        self.in_table.setChecked(detail.in_programme_table)
        self.responsibility.set_detail(detail.responsibility)

    def collect(self) -> dict[str, Any]:
        values = {
            "in_programme_table": self.in_table.isChecked(),
            "code": self.code.text(),
            "text": self.text_edit.text(),
            "kind": self.kind.text().strip() or "actie",
            "deadline_text": self.deadline.text(),
            "status": self.status.currentData(),
            "working_group_id": self.working_group.check(tr("Werkgroep")),
            "notes": self.notes.text(),
        }
        return values

    def responsibility_arguments(self) -> dict | None:
        return self.responsibility.changed_arguments()
