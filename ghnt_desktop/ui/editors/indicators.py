"""The dialog that creates or edits an indicator: name, definition, unit, direction, source and table, level, the
actielijnen and ambities it measures, vertrouwelijk, the nulmeting and the streefwaarden per year.

The dialog gathers and checks input only; the Indicatoren page saves it through the window's undo stack with one
service call (``services.indicators.create_indicator`` / ``update_indicator``, targets included), so one Ctrl+Z
undoes the whole edit.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ...services import ValidationError
from ..a11y import labelled_row
from .forms import FormDialog, TextEdit, fill_enum_combo, select_data, tr

# "2026: 2.100", "2028 = 2340", "2030 12,5" - one per line or separated by ";".
_TARGET = re.compile(r"^\s*(\d{4})\s*[:=]?\s*(.+?)\s*$")


def parse_targets(text: str) -> dict[int, str]:
    """The streefwaarden typed as "jaar: waarde" pairs (per line or separated by ";") -> year -> value text.

    The values are checked by the service (Dutch numbers); this only splits the text and names what it cannot
    read."""
    targets: dict[int, str] = {}
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        match = _TARGET.match(part)
        if match is None:
            raise ValidationError(
                tr("Streefwaarden: '%1' is niet te lezen. Typ per jaar 'jaar: waarde', bijvoorbeeld 2026: 2.100; "
                   "2028: 2.340.").replace("%1", part.strip())  # fmt: skip
            )
        year = int(match.group(1))
        if year in targets:
            raise ValidationError(tr("Streefwaarden: het jaar %1 staat er twee keer in.").replace("%1", str(year)))
        targets[year] = match.group(2)
    return targets


def targets_text(targets: Any) -> str:
    """The targets of an ``IndicatorDetail`` as the field shows them: "2026: 2.100; 2028: 2.340"."""
    from ...services.figure_values import format_number

    return "; ".join(f"{t.year}: {format_number(t.value)}" for t in targets if t.value is not None)


class CheckList(QListWidget):
    """Choices with a check box each (actielijnen, ambities); Space ticks the current one."""

    def __init__(self, parent: QWidget | None = None, *, rows: int = 5) -> None:
        super().__init__(parent)
        self.setMaximumHeight(self.fontMetrics().height() * rows + 12)

    def set_choices(self, choices: list[tuple[uuid.UUID, str]], checked: set[uuid.UUID]) -> None:
        self.clear()
        for choice_id, text in choices:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, choice_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice_id in checked else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[uuid.UUID]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]


class IndicatorDialog(FormDialog):
    """New indicator (``detail`` None) or edit of an ``IndicatorDetail``. ``sections``/``ambitions``: the choices,
    (id, shown title) of the current programme; links to others the indicator already has are kept as choices."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        sections: list[tuple[uuid.UUID, str]],
        ambitions: list[tuple[uuid.UUID, str]],
        detail: Any = None,
    ) -> None:
        from ...models.enums import IndicatorDirection, IndicatorLevel, IndicatorUnit

        super().__init__(tr("Nieuwe indicator") if detail is None else tr("Indicator bewerken"), parent)
        self.setObjectName("indicatorDialog")
        self.detail = detail
        self.name = QLineEdit(self)
        self.definition = TextEdit(self, lines=3)
        self.unit = QComboBox(self)
        fill_enum_combo(self.unit, list(IndicatorUnit))
        self.unit_label = QLineEdit(self)
        self.unit_label.setPlaceholderText(tr("bijv. meldingen, huishoudens"))
        self.direction = QComboBox(self)
        fill_enum_combo(self.direction, list(IndicatorDirection))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(tr("bijv. Veilig Thuis, politie, CBS StatLine"))
        self.source_id = QLineEdit(self)
        self.source_id.setPlaceholderText(tr("bijv. 84852NED"))
        self.level = QComboBox(self)
        fill_enum_combo(self.level, list(IndicatorLevel))
        self.sections = CheckList(self, rows=4)
        self.ambitions = CheckList(self, rows=5)
        self.confidential = QCheckBox(tr("Vertrouwelijk (blijft uit documenten en exports, tenzij gevraagd)"), self)
        self.baseline_value = QLineEdit(self)
        self.baseline_value.setPlaceholderText(tr("bijv. 1.620 of 12,5"))
        self.baseline_period = QLineEdit(self)
        self.baseline_period.setPlaceholderText(tr("bijv. 2019 of 2019 H1"))
        baseline = QWidget(self)
        baseline_layout = QHBoxLayout(baseline)
        baseline_layout.setContentsMargins(0, 0, 0, 0)
        baseline_layout.addWidget(self.baseline_value, 2)
        baseline_layout.addWidget(self.baseline_period, 1)
        self.targets = QLineEdit(self)
        self.targets.setPlaceholderText(tr("jaar: waarde; bijv. 2026: 2.100; 2028: 2.340"))

        self.form.addRow(tr("&Naam:"), self.name)
        self.form.addRow(tr("&Definitie:"), self.definition)
        self.form.addRow(tr("&Eenheid:"), self.unit)
        self.form.addRow(tr("Eenheid in woorden:"), self.unit_label)
        self.form.addRow(tr("&Richting:"), self.direction)
        self.form.addRow(tr("&Bron:"), self.source)
        self.form.addRow(tr("&Tabel (CBS):"), self.source_id)
        self.form.addRow(tr("Ni&veau:"), self.level)
        self.form.addRow(tr("&Actielijnen:"), self.sections)
        self.form.addRow(tr("A&mbities:"), self.ambitions)
        self.form.addRow("", self.confidential)
        labelled_row(self.form, tr("N&ulmeting (waarde, periode):"), baseline, self.baseline_value)
        self.form.addRow(tr("&Streefwaarden:"), self.targets)
        for label, field in ((tr("Naam"), self.name), (tr("Definitie"), self.definition),
                             (tr("Nulmeting"), self.baseline_value), (tr("Periode van de nulmeting"),
                                                                     self.baseline_period),
                             (tr("Streefwaarden per jaar"), self.targets), (tr("Actielijnen"), self.sections),
                             (tr("Ambities"), self.ambitions)):  # fmt: skip
            field.setAccessibleName(label)

        section_choices = list(sections)
        ambition_choices = list(ambitions)
        if detail is not None:
            section_choices += [s for s in detail.sections if s[0] not in {c[0] for c in sections}]
            ambition_choices += [a for a in detail.ambitions if a[0] not in {c[0] for c in ambitions}]
        linked_sections = {s[0] for s in detail.sections} if detail is not None else set()
        linked_ambitions = {a[0] for a in detail.ambitions} if detail is not None else set()
        self.sections.set_choices(section_choices, linked_sections)
        self.ambitions.set_choices(ambition_choices, linked_ambitions)
        if detail is not None:
            self._fill(detail)
        else:
            select_data(self.direction, IndicatorDirection.NEUTRAL)  # as the service: no direction until chosen
        self.resize(620, self.sizeHint().height())

    def _fill(self, detail: Any) -> None:
        from ...services.figure_values import format_number

        self.name.setText(detail.name)
        self.definition.setText(detail.definition)
        select_data(self.unit, detail.unit)
        self.unit_label.setText(detail.unit_label)
        select_data(self.direction, detail.direction)
        self.source.setText(detail.source)
        self.source_id.setText(detail.source_id)
        select_data(self.level, detail.level)
        self.confidential.setChecked(detail.confidential)
        if detail.baseline is not None:
            self.baseline_value.setText(format_number(detail.baseline.value))
            if detail.baseline.period is not None:
                self.baseline_period.setText(detail.baseline.period.label)
        self.targets.setText(targets_text(detail.targets))

    def collect(self) -> dict[str, Any]:
        """The service's keyword arguments; the whole set (an edit passes only what changed, see ``changes``)."""
        from ...services.figure_values import parse_period

        name = " ".join(self.name.text().split())
        if not name:
            self.name.setFocus()
            raise ValidationError(tr("Vul de naam van de indicator in."))
        period = None
        period_text = self.baseline_period.text().strip()
        if period_text:
            parsed = parse_period(period_text)
            if parsed is None:
                self.baseline_period.setFocus()
                raise ValidationError(
                    tr("De periode van de nulmeting is niet te lezen. Typ een jaar (2019), halfjaar (2019 H1) of "
                       "kwartaal (2019 K3).")  # fmt: skip
                )
            period = parsed[0]
        value = self.baseline_value.text().strip()
        if period is not None and not value:
            self.baseline_value.setFocus()
            raise ValidationError(tr("Vul de waarde van de nulmeting in, of laat de periode leeg."))
        try:
            targets = parse_targets(self.targets.text())
        except ValidationError:
            self.targets.setFocus()
            raise
        return {
            "name": name,
            "definition": self.definition.text().strip(),
            "unit": self.unit.currentData(),
            "unit_label": self.unit_label.text().strip(),
            "direction": self.direction.currentData(),
            "source": self.source.text().strip(),
            "source_id": self.source_id.text().strip(),
            "level": self.level.currentData(),
            "section_ids": self.sections.checked_ids(),
            "ambition_ids": self.ambitions.checked_ids(),
            "confidential": self.confidential.isChecked(),
            "baseline_value": value or None,
            "baseline_period": period,
            "targets": targets,
        }

    def changes(self) -> dict[str, Any]:
        """For an edit: only the values that differ from the indicator as it was (all for a new one)."""
        values = dict(self.values)
        detail = self.detail
        if detail is None:
            return values
        from ...services.figure_values import format_number

        same = {
            "name": detail.name, "definition": detail.definition, "unit": detail.unit,
            "unit_label": detail.unit_label, "direction": detail.direction, "source": detail.source,
            "source_id": detail.source_id, "level": detail.level, "confidential": detail.confidential,
            "section_ids": [s[0] for s in detail.sections], "ambition_ids": [a[0] for a in detail.ambitions],
        }  # fmt: skip
        result = {k: v for k, v in values.items() if k in same and v != same[k]}
        if set(result.get("section_ids", same["section_ids"])) == set(same["section_ids"]):
            result.pop("section_ids", None)
        if set(result.get("ambition_ids", same["ambition_ids"])) == set(same["ambition_ids"]):
            result.pop("ambition_ids", None)
        old_value = format_number(detail.baseline.value) if detail.baseline is not None else None
        old_period = detail.baseline.period if detail.baseline is not None else None
        if values["baseline_value"] != old_value or values["baseline_period"] != old_period:
            result["baseline_value"] = values["baseline_value"]
            result["baseline_period"] = values["baseline_period"]
        if self.targets.text().strip() != targets_text(detail.targets):
            result["targets"] = values["targets"]
        return result
