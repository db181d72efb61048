"""Voortgangsrapportages: the saved reports on the left, the metadata and editable texts of one on the right.

A saved report supplies the kenmerk, versie, datum, contactpersoon, period and the texts (inleiding,
conclusie, vooruitzicht, bronnen) of the Word voortgangsrapportage. Opslaan goes through the main window's
undo stack (``ui/undo.py``), so creating, editing and deleting a report can be undone like any other edit.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..services import ServiceError
from .a11y import accessible, labelled_row
from .editors.forms import DateEdit, TextEdit, changed_values, confirm
from .errors import show_error
from .i18n import arg

if TYPE_CHECKING:
    from ..services.reports import ReportDetail


class ReportDialog(QDialog):
    """Create, edit and delete saved voortgangsrapportages of ``window``'s database."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)  # over the export dialog when opened from there
        self.window_ = window  # the MainWindow: database, undo_stack, apply_changes
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Voortgangsrapportages"))
        self.current_id: uuid.UUID | None = None
        self._detail: ReportDetail | None = None
        self._dirty = False
        self._loading = False

        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([240, 620])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        buttons.addWidget(self.status_label, 1)
        self.save_button = QPushButton(self.tr("&Opslaan"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.resize(900, 640)

        self._load_programmes()
        self.reload()
        if self.report_list.count():
            self.report_list.setCurrentRow(0)
        else:
            self.new_report()

    # -- layout ---------------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Opgeslagen rapportages:"), box))
        self.report_list = QListWidget(box)
        self.report_list.setAccessibleName(self.tr("Voortgangsrapportages"))
        self.report_list.setWordWrap(True)
        self.report_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_list.currentItemChanged.connect(self._item_chosen)
        column.addWidget(self.report_list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Nieuw"), box)
        self.new_button.clicked.connect(self.new_report)
        self.delete_button = QPushButton(self.tr("&Verwijderen"), box)
        self.delete_button.clicked.connect(self.delete_report)
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        column.addLayout(row)
        return box

    def _build_form(self) -> QWidget:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        self.title_edit = QLineEdit(inner)
        self.title_edit.setMaxLength(300)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        self.programme_combo = QComboBox(inner)
        form.addRow(self.tr("Actie&programma:"), self.programme_combo)
        self.reference_edit = QLineEdit(inner)
        self.reference_edit.setMaxLength(100)
        form.addRow(self.tr("&Kenmerk:"), self.reference_edit)
        self.version_edit = QLineEdit(inner)
        self.version_edit.setMaxLength(40)
        form.addRow(self.tr("Ver&sie:"), self.version_edit)
        self.report_date_edit = DateEdit(inner)
        form.addRow(self.tr("&Datum:"), self.report_date_edit)
        self.contact_person_edit = QLineEdit(inner)
        form.addRow(self.tr("&Contactpersoon:"), self.contact_person_edit)
        self.contact_email_edit = QLineEdit(inner)
        self.contact_email_edit.setPlaceholderText(self.tr("naam@organisatie.nl"))
        form.addRow(self.tr("&E-mail:"), self.contact_email_edit)

        period = QWidget(inner)
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        self.period_from_edit = DateEdit(period)
        self.period_to_edit = DateEdit(period)
        period_row.addWidget(self.period_from_edit)
        period_row.addWidget(QLabel(self.tr("tot en met"), period))
        period_row.addWidget(self.period_to_edit)
        period_row.addStretch(1)
        accessible(self.period_from_edit, self.tr("Periode van"))
        accessible(self.period_to_edit, self.tr("Periode tot en met"))
        labelled_row(form, self.tr("Pe&riode:"), period, self.period_from_edit)

        self.introduction_edit = TextEdit(inner, lines=4)
        form.addRow(self.tr("&Inleiding:"), self.introduction_edit)
        self.conclusion_edit = TextEdit(inner, lines=4)
        form.addRow(self.tr("Conc&lusie:"), self.conclusion_edit)
        self.outlook_edit = TextEdit(inner, lines=4)
        form.addRow(self.tr("Voor&uitzicht:"), self.outlook_edit)
        self.sources_edit = TextEdit(inner, lines=3)
        self.sources_edit.setPlaceholderText(self.tr("Eén bron per regel"))
        form.addRow(self.tr("&Bronnen:"), self.sources_edit)

        for edit in (
            self.title_edit,
            self.reference_edit,
            self.version_edit,
            self.report_date_edit,
            self.contact_person_edit,
            self.contact_email_edit,
            self.period_from_edit,
            self.period_to_edit,
        ):
            edit.textChanged.connect(self._edited)
        for text in (self.introduction_edit, self.conclusion_edit, self.outlook_edit, self.sources_edit):
            text.textChanged.connect(self._edited)
        self.programme_combo.currentIndexChanged.connect(self._edited)
        area.setWidget(inner)
        return area

    # -- data -----------------------------------------------------------------------------------------

    @property
    def database(self):
        return self.window_.database

    def _load_programmes(self) -> None:
        from ..services.programme import list_programmes

        with self.database.session() as session:
            programmes = list_programmes(session)
        self.programme_combo.blockSignals(True)  # filling the list is no edit
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("(geen)"), None)
        for programme in programmes:
            self.programme_combo.addItem(programme.display_name, programme.id)
        self.programme_combo.blockSignals(False)

    def reload(self) -> None:
        """Refill the list from the database, keeping the current report selected."""
        from ..services.reports import list_reports

        with self.database.session() as session:
            rows = list_reports(session)
        self._loading = True
        self.report_list.clear()
        for row in rows:
            label = row.label
            if row.report_date is not None:
                label = f"{label}\n{row.report_date:%d-%m-%Y}"
            item = QListWidgetItem(label)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.report_list.addItem(item)
            if row.id == self.current_id:
                self.report_list.setCurrentItem(item)
        self._loading = False
        self.delete_button.setEnabled(self.current_id is not None)

    def _item_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._loading or item is None:
            return
        report_id = item.data(Qt.ItemDataRole.UserRole)
        if report_id == self.current_id:
            return
        if not self._may_leave():
            self._select_in_list(self.current_id)
            return
        self.show_report(report_id)

    def _select_in_list(self, report_id: uuid.UUID | None) -> None:
        self._loading = True
        self.report_list.setCurrentRow(-1)
        for row in range(self.report_list.count()):
            if self.report_list.item(row).data(Qt.ItemDataRole.UserRole) == report_id:
                self.report_list.setCurrentRow(row)
        self._loading = False

    def show_report(self, report_id: uuid.UUID) -> None:
        """Fill the form with a saved report."""
        from ..services.reports import get_report

        try:
            with self.database.session() as session:
                detail = get_report(session, report_id)
        except ServiceError as exc:
            show_error(self, exc)
            self.reload()
            return
        self.current_id = report_id
        self._fill(detail)
        self._select_in_list(report_id)
        self.delete_button.setEnabled(True)

    def _fill(self, detail: ReportDetail | None) -> None:
        self._detail = detail
        self._loading = True
        values = detail.values() if detail is not None else {}
        self.title_edit.setText(values.get("title", ""))
        # findData compares wrapped Python objects by identity, so look the id up by value.
        programme_id = values.get("programme_id")
        ids = [self.programme_combo.itemData(i) for i in range(self.programme_combo.count())]
        index = ids.index(programme_id) if programme_id in ids else 0
        if detail is None:  # a new report belongs to the running programme (listed first)
            index = 1 if self.programme_combo.count() > 1 else 0
        self.programme_combo.setCurrentIndex(max(index, 0))
        self.reference_edit.setText(values.get("reference", ""))
        self.version_edit.setText(values.get("version", "1.0"))
        self.report_date_edit.set_date(values.get("report_date"))
        self.contact_person_edit.setText(values.get("contact_person", ""))
        self.contact_email_edit.setText(values.get("contact_email", ""))
        self.period_from_edit.set_date(values.get("period_from"))
        self.period_to_edit.set_date(values.get("period_to"))
        self.introduction_edit.setText(values.get("introduction", ""))
        self.conclusion_edit.setText(values.get("conclusion", ""))
        self.outlook_edit.setText(values.get("outlook", ""))
        self.sources_edit.setText("\n".join(values.get("sources", [])))
        self._loading = False
        self._set_dirty(False)

    def collect(self) -> dict[str, Any]:
        """The form as keyword arguments of ``create_report``/``update_report``; raises ``ValidationError``."""
        return {
            "title": self.title_edit.text(),
            "programme_id": self.programme_combo.currentData(),
            "reference": self.reference_edit.text(),
            "version": self.version_edit.text(),
            "report_date": self.report_date_edit.date_value(self.tr("Datum")),
            "contact_person": self.contact_person_edit.text(),
            "contact_email": self.contact_email_edit.text(),
            "period_from": self.period_from_edit.date_value(self.tr("Begin van de periode")),
            "period_to": self.period_to_edit.date_value(self.tr("Einde van de periode")),
            "introduction": self.introduction_edit.text(),
            "conclusion": self.conclusion_edit.text(),
            "outlook": self.outlook_edit.text(),
            "sources": [line for line in self.sources_edit.text().splitlines() if line.strip()],
        }

    # -- actions --------------------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        if dirty:
            self.status_label.setText(self.tr("Niet opgeslagen wijzigingen"))
        elif self.current_id is None:
            self.status_label.setText(self.tr("Nieuwe rapportage (nog niet opgeslagen)"))
        else:
            self.status_label.clear()

    def _may_leave(self) -> bool:
        """True when nothing is unsaved, or the user agrees to drop the changes."""
        if not self._dirty:
            return True
        return confirm(
            self,
            self.tr("Wijzigingen niet opgeslagen"),
            self.tr("De wijzigingen in deze rapportage zijn nog niet opgeslagen. Wilt u ze weggooien?"),
            yes=self.tr("Weggooien"),
        )

    @Slot()
    def new_report(self) -> None:
        """An empty form for a new report (saved by Opslaan)."""
        if not self._may_leave():
            return
        self.current_id = None
        self._select_in_list(None)
        self._fill(None)
        self.delete_button.setEnabled(False)
        self.title_edit.setFocus()

    @Slot()
    def save(self) -> bool:
        """Save the form through the undo stack; False when the input was refused."""
        from ..services.reports import create_report, delete_report, update_report
        from .undo import create_command, edit_values_command, push

        try:
            values = self.collect()
        except ServiceError as exc:
            show_error(self, exc)
            return False
        if self.current_id is None:
            command = create_command(
                self.window_,
                self.tr("Voortgangsrapportage aanmaken"),
                lambda s: create_report(s, **values),
                delete_report,
            )
            if not push(self.window_, command):
                return False
            self.current_id = command.result.id
        else:
            changed = changed_values(self._detail, values) if self._detail is not None else values
            if changed:
                command = edit_values_command(
                    self.window_, self.tr("Voortgangsrapportage wijzigen"), update_report, self.current_id, changed
                )
                if not push(self.window_, command):
                    return False
        self.reload()
        self.show_report(self.current_id)
        self.status_label.setText(self.tr("Opgeslagen"))
        return True

    @Slot()
    def delete_report(self) -> None:
        """Delete the shown report after asking (undo puts it back)."""
        from ..services.reports import delete_report
        from .undo import delete_command, push

        if self.current_id is None:
            return
        title = self.title_edit.text().strip() or self.tr("deze rapportage")
        if not confirm(
            self,
            self.tr("Rapportage verwijderen"),
            arg(self.tr('Rapportage "%1" verwijderen?'), title),
            yes=self.tr("Verwijderen"),
        ):
            return
        report_id = self.current_id
        command = delete_command(
            self.window_, self.tr("Voortgangsrapportage verwijderen"), lambda s: delete_report(s, report_id)
        )
        if not push(self.window_, command):
            return
        self._dirty = False
        self.current_id = None
        self.reload()
        if self.report_list.count():
            self.show_report(self.report_list.item(0).data(Qt.ItemDataRole.UserRole))
        else:
            self.new_report()

    def reject(self) -> None:  # Sluiten, Escape and the close box: Qt's closeEvent calls reject()
        if self._may_leave():
            self._dirty = False
            super().reject()


def open_report_dialog(
    window: QWidget, report_id: uuid.UUID | None = None, parent: QWidget | None = None
) -> uuid.UUID | None:
    """Show the dialog modally over ``parent`` (default ``window``, a ``MainWindow``, whose undo stack keeps
    the edits); returns the report shown when it closed."""
    if getattr(window, "database", None) is None:
        return None
    dialog = ReportDialog(window, parent)
    if report_id is not None:
        dialog.show_report(report_id)
    dialog.exec()
    chosen = dialog.current_id
    dialog.deleteLater()
    return chosen
