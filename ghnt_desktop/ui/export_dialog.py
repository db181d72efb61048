"""Bestand > Document maken: every Word document and Excel list, made off the GUI thread.

The dialog asks only what the chosen kind needs (the meeting of an agenda or verslag; series, period
and organisation of a list; the programme and saved report of a voortgangsrapportage), the Word
template of the kind (kept in the database as ``word_template.<kind>``) and the file to write, with a
Dutch default name ("Verslag AO 2026-09-10.docx"). Vertrouwelijke onderdelen stay out unless the user
ticks the box.

"Maken" builds an ``exports.jobs.ExportRequest`` and runs ``run_export`` in a worker (``ui/worker.py``)
with its own session; a progress bar and "Annuleren" stay live. When the file is written the dialog
says where it is and what was left out, and offers to open it. Other parts of the window open it for
one meeting with ``open_export_dialog(window, kind="verslag", meeting_id=...)``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .a11y import labelled_row
from .errors import show_error
from .i18n import arg
from .worker import Task, report_failure, start_task

if TYPE_CHECKING:
    from ..db import Database
    from ..exports.jobs import ExportOutcome, ExportRequest
    from ..services.export_setup import ExportChoices


@dataclass(frozen=True)
class KindEntry:
    """One document the dialog can make."""

    kind: str
    format: str  # "docx" or "xlsx"
    label: str
    file_title: str  # the first word of the default file name
    description: str = ""


def kind_entries() -> tuple[KindEntry, ...]:
    """The documents in the order the kind picker lists them (labels translated)."""

    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ExportDialog", text)

    return (
        KindEntry(
            "agenda",
            "docx",
            tr("Uitnodiging en agenda"),
            tr("Agenda"),
            tr("De uitnodiging met de agendapunten, hun doel, inbrenger, tijden en stukken."),
        ),
        KindEntry(
            "verslag",
            "docx",
            tr("Verslag"),
            tr("Verslag"),
            tr("Het verslag met aanwezigen en afmeldingen, per agendapunt de bespreking, besluiten en acties."),
        ),
        KindEntry(
            "besluitenlijst",
            "docx",
            tr("Besluitenlijst"),
            tr("Besluitenlijst"),
            tr("Alle besluiten van een overlegreeks of periode, genummerd, met opschaling en uitkomst."),
        ),
        KindEntry(
            "actielijst",
            "docx",
            tr("Actielijst"),
            tr("Actielijst"),
            tr("De openstaande acties met trekker, deadline, status en hoe vaak ze zijn uitgesteld."),
        ),
        KindEntry(
            "programma",
            "docx",
            tr("Actieprogramma (programmatabel)"),
            tr("Actieprogramma"),
            tr("De tabel Ambities | Acties | Verantwoordelijkheid, per actielijn."),
        ),
        KindEntry(
            "voortgang",
            "docx",
            tr("Voortgangsrapportage"),
            tr("Voortgangsrapportage"),
            tr("Per actielijn wat er is gedaan en wat nog moet, met de stand van de acties, voor het bestuur."),
        ),
        KindEntry(
            "voortgangsoverzicht",
            "docx",
            tr("Voortgangsoverzicht per actielijn"),
            tr("Voortgangsoverzicht per actielijn"),
            tr("Het stuk bij het afstemmingsoverleg: per actielijn de acties met trekker, deadline, status en "
               "stand van zaken."),
        ),
        KindEntry(
            "jaaroverzicht",
            "docx",
            tr("Jaaroverzicht voor het bestuurlijk overleg"),
            tr("Jaaroverzicht"),
            tr("De overleggen van een jaar, vertegenwoordiging per organisatie, besluiten en escalaties met hun "
               "uitkomst, en de acties die erbij kwamen en zijn afgerond."),
        ),
        KindEntry(
            "actielijst",
            "xlsx",
            tr("Actielijst om in te vullen en terug te sturen"),
            tr("Actielijst"),
            tr("Partners vullen status, deadline en stand van zaken in; het teruggestuurde bestand leest u in."),
        ),
        KindEntry(
            "presentielijst",
            "xlsx",
            tr("Presentielijst"),
            tr("Presentielijst"),
            tr("Wie er was per persoon en per organisatie, en desgewenst het jaaroverzicht van vertegenwoordiging."),
        ),
        KindEntry(
            "besluitenlijst",
            "xlsx",
            tr("Besluitenlijst"),
            tr("Besluitenlijst"),
            tr("Alle besluiten als Excel-tabel, om te filteren en te sorteren."),
        ),
        KindEntry(
            "indicatoren",
            "xlsx",
            tr("Indicatoren en cijfers"),
            tr("Indicatoren"),
            tr("Een blad per niveau met per indicator de bron, nulmeting, streefwaarden en de cijfers als getallen; "
               "weer in te lezen met Cijfers importeren."),
        ),
    )


# Which fields each document needs: (format, kind) -> field names.
FIELDS: dict[tuple[str, str], frozenset[str]] = {
    ("docx", "agenda"): frozenset({"meeting", "confidential"}),
    ("docx", "verslag"): frozenset({"meeting", "confidential"}),
    ("docx", "besluitenlijst"): frozenset({"series", "period", "confidential"}),
    ("docx", "actielijst"): frozenset(
        {"series", "organisation", "period", "group_by", "include_closed", "confidential"}
    ),
    ("docx", "programma"): frozenset({"programme", "tag_kind"}),
    ("docx", "voortgang"): frozenset({"programme", "report", "period", "tag_kind", "confidential"}),
    ("docx", "voortgangsoverzicht"): frozenset({"programme", "tag_kind", "confidential"}),
    ("docx", "jaaroverzicht"): frozenset({"year", "confidential"}),
    # The Excel actielijst goes to partners and back: it never holds vertrouwelijke acties, so no choice.
    ("xlsx", "actielijst"): frozenset({"series", "organisation", "include_closed", "sheet_per_actielijn"}),
    ("xlsx", "presentielijst"): frozenset({"meeting", "year", "series", "confidential"}),
    ("xlsx", "besluitenlijst"): frozenset({"series", "period", "confidential"}),
    ("xlsx", "indicatoren"): frozenset({"confidential"}),
}

_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_last_folder: Path | None = None  # the folder of the last document made in this run of the app


def safe_file_name(name: str, limit: int = 120) -> str:
    """``name`` without characters Windows refuses in file names, spaces tidied, not too long."""
    cleaned = " ".join(_UNSAFE_FILE_CHARACTERS.sub(" ", name).split()).strip(" .")
    return cleaned[:limit].rstrip(" .") or "Document"


def default_folder() -> Path:
    """Where a document goes unless the user picks another folder: the last one used, else Documenten."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _find_data(combo: QComboBox, value: object) -> int:
    """The index of the item whose data equals ``value`` (``findData`` compares Python objects by identity)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """Choose a document, its contents, template and file; make it in the background."""

    #: An export ended (made, failed or cancelled) and the dialog shows the outcome.
    export_finished = Signal()

    def __init__(
        self,
        database: Database,
        choices: ExportChoices,
        parent: QWidget | None = None,
        *,
        kind: str | None = None,
        file_format: str = "docx",
        meeting_id: uuid.UUID | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.database = database
        self.choices = choices
        self.today = today or date.today()
        self.entries = kind_entries()
        self.task: Task | None = None
        self.outcome: ExportOutcome | None = None
        self._file_chosen = False  # once the user picked a file, kind or meeting changes keep it
        self._series_preselected = False  # the besluitenlijst starts on its main series once
        self._templates: dict[str, Path | None] = dict(choices.templates)
        self.setWindowTitle(self.tr("Document maken"))
        self.setMinimumWidth(640)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._build_kind_row())
        self.description_label = QLabel(self)
        self.description_label.setObjectName("descriptionLabel")
        self.description_label.setWordWrap(True)
        self.description_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.description_label)
        layout.addWidget(self._build_contents_box())
        layout.addWidget(self._build_file_box())
        layout.addWidget(self._build_result_area())
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())

        self._select_entry(kind, "docx" if file_format == "pdf" else file_format)
        if file_format == "pdf":
            self.output_combo.setCurrentIndex(max(self.output_combo.findData("pdf"), 0))
        self._select_meeting(meeting_id)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.output_combo.currentIndexChanged.connect(self._kind_changed)
        self.meeting_combo.currentIndexChanged.connect(self._contents_changed)
        self.series_combo.currentIndexChanged.connect(self._contents_changed)
        self.organisation_combo.currentIndexChanged.connect(self._contents_changed)
        self.year_check.toggled.connect(self._contents_changed)
        self.year_spin.valueChanged.connect(self._contents_changed)
        # Any other change makes the shown result stale.
        for check in (self.confidential_check, self.include_closed_check, self.sheet_check, self.period_check):
            check.toggled.connect(self._clear_result)
        for combo in (self.group_combo, self.programme_combo, self.report_combo):
            combo.currentIndexChanged.connect(self._clear_result)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._clear_result)
        self._kind_changed()

    # -- layout ---------------------------------------------------------------------------------------

    def _build_kind_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("&Soort document:"))
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        model = self.kind_combo.model()
        for fmt, header in (("docx", self.tr("Word-documenten")), ("xlsx", self.tr("Excel-lijsten"))):
            self.kind_combo.addItem(header)
            item = model.item(self.kind_combo.count() - 1)  # a heading, not a choice
            item.setEnabled(False)
            item.setFont(font)
            for entry in self.entries:
                if entry.format == fmt:
                    self.kind_combo.addItem("    " + entry.label, entry)
        label.setBuddy(self.kind_combo)
        self.format_label = QLabel(self)
        self.format_label.setObjectName("formatLabel")
        row.addWidget(label)
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.format_label)
        return row

    def _build_contents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Inhoud"), self)
        self.form = QFormLayout(box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.meeting_combo = QComboBox(self)
        self.meeting_combo.setObjectName("meetingCombo")
        self.meeting_combo.setMaxVisibleItems(20)
        self.meeting_combo.addItem(self.tr("(geen: alleen het jaaroverzicht)"), None)
        for meeting in self.choices.meetings:
            self.meeting_combo.addItem(meeting.label, meeting.id)
        self.form.addRow(self.tr("&Overleg:"), self.meeting_combo)

        self.series_combo = QComboBox(self)
        self.series_combo.addItem(self.tr("Alle overlegreeksen"), None)
        for series in self.choices.series:
            self.series_combo.addItem(series.label, series.id)
        self.form.addRow(self.tr("Overleg&reeks:"), self.series_combo)

        self.period_row = QWidget(self)
        period = QHBoxLayout(self.period_row)
        period.setContentsMargins(0, 0, 0, 0)
        self.period_check = QCheckBox(self.tr("van"), self)
        self.date_from = QDateEdit(_qdate(date(self.today.year, 1, 1)), self)
        self.date_to = QDateEdit(_qdate(self.today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.period_check.toggled.connect(self.date_from.setEnabled)
        self.period_check.toggled.connect(self.date_to.setEnabled)
        self.period_all = QLabel(self.tr("(leeg: alles)"), self)
        self.period_all.setEnabled(False)
        period.addWidget(self.period_check)
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("t/m"), self))
        period.addWidget(self.date_to)
        period.addWidget(self.period_all)
        period.addStretch(1)
        self.period_check.toggled.connect(lambda on: self.period_all.setVisible(not on))
        self.form.addRow(self.tr("&Periode:"), self.period_row)
        self.form.labelForField(self.period_row).setBuddy(self.period_check)  # a row takes no focus: its switch
        self.date_from.setAccessibleName(self.tr("Periode van"))
        self.date_to.setAccessibleName(self.tr("Periode tot en met"))

        self.organisation_combo = QComboBox(self)
        self.organisation_combo.setMaxVisibleItems(20)
        self.organisation_combo.addItem(self.tr("Alle organisaties"), None)
        for organisation in self.choices.organisations:
            self.organisation_combo.addItem(organisation.label, organisation.id)
        self.organisation_combo.setToolTip(
            self.tr("Alleen de acties van één partner, voor het bestand dat u hem stuurt")
        )
        self.form.addRow(self.tr("Acties &van:"), self.organisation_combo)

        self.group_combo = QComboBox(self)
        for value, text in (
            ("actielijn", self.tr("actielijn")),
            ("trekker", self.tr("trekker")),
            ("overleg", self.tr("overleg waarin de actie is afgesproken")),
        ):
            self.group_combo.addItem(text, value)
        self.form.addRow(self.tr("&Groeperen per:"), self.group_combo)

        self.programme_combo = QComboBox(self)
        for programme in self.choices.programmes:
            self.programme_combo.addItem(programme.label, programme.id)
        if not self.choices.programmes:
            self.programme_combo.addItem(self.tr("(nog geen actieprogramma)"), None)
        self.form.addRow(self.tr("Actie&programma:"), self.programme_combo)
        # The programme table per actielijn, or per label of one kind (seed 003: per processtap).
        self.tag_kind_combo = QComboBox(self)
        self.form.addRow(self.tr("Tabel &indelen per:"), self.tag_kind_combo)
        self.programme_combo.currentIndexChanged.connect(self._fill_tag_kinds)
        self._fill_tag_kinds()

        self.report_combo = QComboBox(self)
        self._fill_reports(self.choices.reports, None)
        self.report_edit_button = QPushButton(self.tr("Be&werken..."), self)
        self.report_edit_button.setToolTip(self.tr("Voortgangsrapportages maken en bewerken"))
        self.report_edit_button.clicked.connect(self.edit_reports)
        # Edits go through the main window's undo stack; without one (a bare dialog) there is nowhere to undo.
        self.report_edit_button.setEnabled(hasattr(self.parent(), "undo_stack"))
        self.report_row = QWidget(self)
        report_row = QHBoxLayout(self.report_row)
        report_row.setContentsMargins(0, 0, 0, 0)
        report_row.addWidget(self.report_combo, 1)
        report_row.addWidget(self.report_edit_button)
        self.form.addRow(self.tr("&Rapportage:"), self.report_row)
        self.form.labelForField(self.report_row).setBuddy(self.report_combo)

        self.year_row = QWidget(self)
        year = QHBoxLayout(self.year_row)
        year.setContentsMargins(0, 0, 0, 0)
        self.year_check = QCheckBox(self.tr("Jaaroverzicht van vertegenwoordiging over"), self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2200)
        self.year_spin.setValue(self.today.year)
        self.year_spin.setEnabled(False)
        self.year_check.toggled.connect(self.year_spin.setEnabled)
        year.addWidget(self.year_check)
        year.addWidget(self.year_spin)
        year.addStretch(1)
        self.form.addRow(self.tr("Jaar:"), self.year_row)
        self.year_spin.setAccessibleName(self.tr("Jaar"))

        self.include_closed_check = QCheckBox(self.tr("Ook afgeronde en vervallen acties"), self)
        self.form.addRow("", self.include_closed_check)
        self.sheet_check = QCheckBox(self.tr("Eén werkblad per actielijn"), self)
        self.form.addRow("", self.sheet_check)

        self.confidential_check = QCheckBox(self.tr("&Vertrouwelijke onderdelen opnemen"), self)
        self.confidential_check.setObjectName("confidentialCheck")
        self.confidential_check.setChecked(False)
        self.confidential_warning = QLabel(
            self.tr(
                "Het document bevat dan ook vertrouwelijke agendapunten, besluiten en acties. "
                "Deel het alleen met wie ze mag zien."
            ),
            self,
        )
        self.confidential_warning.setWordWrap(True)
        self.confidential_warning.setStyleSheet("color: #9c5700;")
        self.confidential_warning.setVisible(False)
        self.confidential_check.toggled.connect(self.confidential_warning.setVisible)
        confidential = QWidget(self)
        column = QVBoxLayout(confidential)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.confidential_check)
        column.addWidget(self.confidential_warning)
        self.confidential_row = confidential
        self.form.addRow("", confidential)
        return box

    def _build_file_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Opmaak en bestand"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.file_form = form

        self.template_row = QWidget(self)
        template = QHBoxLayout(self.template_row)
        template.setContentsMargins(0, 0, 0, 0)
        self.template_edit = QLineEdit(self)
        self.template_edit.setReadOnly(True)
        self.template_edit.setPlaceholderText(self.tr("Standaardopmaak"))
        self.template_edit.setAccessibleName(self.tr("Word-sjabloon"))
        self.template_button = QPushButton(self.tr("Kiezen..."), self)
        self.template_button.clicked.connect(self.choose_template)
        self.template_reset = QPushButton(self.tr("Standaard"), self)
        self.template_reset.setToolTip(self.tr("Weer de standaardopmaak gebruiken voor dit soort document"))
        self.template_reset.clicked.connect(self.reset_template)
        template.addWidget(self.template_edit, 1)
        template.addWidget(self.template_button)
        template.addWidget(self.template_reset)
        labelled_row(form, self.tr("&Word-sjabloon:"), self.template_row, self.template_button)

        # A Word kind can also be saved as PDF/A (for the archive), converted by LibreOffice when installed.
        from ..exports.pdf import MISSING_MESSAGE, find_libreoffice

        self.output_combo = QComboBox(self)
        self.output_combo.setObjectName("outputFormatCombo")
        self.output_combo.addItem(self.tr("Word-document (.docx)"), "docx")
        if find_libreoffice() is not None:
            self.output_combo.addItem(self.tr("PDF/A voor het archief (.pdf)"), "pdf")
        else:
            self.output_combo.addItem(self.tr("PDF/A voor het archief (.pdf) - LibreOffice niet gevonden"), "pdf")
            self.output_combo.setItemData(1, MISSING_MESSAGE, Qt.ItemDataRole.ToolTipRole)
        form.addRow(self.tr("Bestands&formaat:"), self.output_combo)

        self.file_row = QWidget(self)
        row = QHBoxLayout(self.file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.setAccessibleName(self.tr("Bestand"))
        self.file_edit.textEdited.connect(self._file_edited)
        self.browse_button = QPushButton(self.tr("&Bladeren..."), self)
        self.browse_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        labelled_row(form, self.tr("Opslaan &als:"), self.file_row, self.file_edit)  # Alt+A: the file name
        return box

    def _build_result_area(self) -> QWidget:
        area = QFrame(self)
        area.setObjectName("resultArea")
        area.setStyleSheet(
            "QFrame#resultArea { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }"
            "QFrame#resultArea QLabel { border: none; background: transparent; }"
        )
        area.setVisible(False)
        self.result_area = area
        layout = QVBoxLayout(area)
        layout.setContentsMargins(10, 8, 10, 8)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setVisible(False)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.result_label.setVisible(False)
        self.left_out_label = QLabel(self)
        self.left_out_label.setObjectName("leftOutLabel")
        self.left_out_label.setWordWrap(True)
        self.left_out_label.setStyleSheet("color: #9c5700;")
        self.left_out_label.setVisible(False)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.left_out_label)
        return area

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Openen"), self)
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton(self.tr("&Map openen"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.make_button = QPushButton(self.tr("&Maken"), self)
        self.make_button.setObjectName("makeButton")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.start_export)
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        for button in (self.open_button, self.folder_button):
            button.setVisible(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.make_button)
        row.addWidget(self.close_button)
        return row

    # -- state ----------------------------------------------------------------------------------------

    def entry(self) -> KindEntry:
        """The chosen document."""
        entry = self.kind_combo.currentData()
        return entry if isinstance(entry, KindEntry) else self.entries[0]

    def _select_entry(self, kind: str | None, file_format: str) -> None:
        wanted = None
        for index in range(self.kind_combo.count()):
            entry = self.kind_combo.itemData(index)
            if not isinstance(entry, KindEntry):
                continue
            if wanted is None:
                wanted = index  # the first real entry when nothing matches
            if entry.kind == kind and entry.format == file_format:
                wanted = index
                break
        self.kind_combo.setCurrentIndex(wanted or 0)

    def set_kind(self, kind: str, file_format: str = "docx") -> None:
        """Choose the document (tests, callers that know what they want); ``pdf``: a Word kind as PDF/A."""
        self._select_entry(kind, "docx" if file_format == "pdf" else file_format)
        if self.entry().format == "docx":
            self.output_combo.setCurrentIndex(max(self.output_combo.findData(file_format), 0))

    def _select_meeting(self, meeting_id: uuid.UUID | None) -> None:
        if meeting_id is None:
            meeting_id = self._default_meeting_id()
        index = _find_data(self.meeting_combo, meeting_id) if meeting_id is not None else -1
        self.meeting_combo.setCurrentIndex(index if index >= 0 else min(1, self.meeting_combo.count() - 1))

    def _default_meeting_id(self) -> uuid.UUID | None:
        """For an agenda the next meeting, otherwise the last one held."""
        meetings = self.choices.meetings  # newest first
        if not meetings:
            return None
        held = [m for m in meetings if m.date <= self.today]
        if self.entry().kind == "agenda":
            coming = [m for m in meetings if m.date >= self.today]
            if coming:
                return coming[-1].id
        return held[0].id if held else meetings[-1].id

    def select_meeting(self, meeting_id: uuid.UUID) -> None:
        """Pick the meeting of an agenda, verslag or presentielijst."""
        self._select_meeting(meeting_id)

    def output_format(self) -> str:
        """The file to make: ``xlsx`` for an Excel list; ``docx`` or ``pdf`` (PDF/A) for a Word kind."""
        entry = self.entry()
        if entry.format != "docx":
            return entry.format
        return self.output_combo.currentData() or "docx"

    def _fields(self) -> frozenset[str]:
        entry = self.entry()
        return FIELDS[(entry.format, entry.kind)]

    @Slot()
    def _kind_changed(self) -> None:
        fields = self._fields()
        entry = self.entry()
        rows = {
            "meeting": self.meeting_combo,
            "series": self.series_combo,
            "period": self.period_row,
            "organisation": self.organisation_combo,
            "group_by": self.group_combo,
            "programme": self.programme_combo,
            "tag_kind": self.tag_kind_combo,
            "report": self.report_row,
            "year": self.year_row,
            "include_closed": self.include_closed_check,
            "sheet_per_actielijn": self.sheet_check,
            "confidential": self.confidential_row,
        }
        self._label_tag_kind_row(entry.kind)
        for name, widget in rows.items():
            # The label kinds only when the programme has any.
            shown = name in fields and (name != "tag_kind" or self.tag_kind_combo.count() > 1)
            self.form.setRowVisible(widget, shown)
        if entry.kind == "besluitenlijst" and not self._series_preselected and self.series_combo.currentIndex() == 0:
            # One series unless asked: "Alle overlegreeksen" stays a choice, not the default.
            self._series_preselected = True
            index = _find_data(self.series_combo, self.choices.main_series_id)
            if index > 0:
                self.series_combo.setCurrentIndex(index)
        # The jaaroverzicht is always of a year; for the presentielijst the year overview is a choice.
        self.year_check.setVisible(entry.kind == "presentielijst")
        self.year_spin.setEnabled(entry.kind == "jaaroverzicht" or self.year_check.isChecked())
        # "(geen)" only makes sense for the presentielijst, whose year overview can stand alone.
        none_item = self.meeting_combo.model().item(0)
        none_item.setEnabled(entry.kind == "presentielijst")
        if entry.kind != "presentielijst" and self.meeting_combo.currentIndex() == 0:
            self._select_meeting(None)
        if entry.kind in ("agenda", "verslag") and self.meeting_combo.currentData() is None:
            self._select_meeting(None)
        self.file_form.setRowVisible(self.template_row, entry.format == "docx")
        self.file_form.setRowVisible(self.output_combo, entry.format == "docx")
        self.description_label.setText(entry.description)
        self.format_label.setText(
            {"docx": self.tr("Word (.docx)"), "pdf": self.tr("PDF/A (.pdf)")}.get(
                self.output_format(), self.tr("Excel (.xlsx)")
            )
        )
        self._show_template()
        self._contents_changed()

    def _fill_reports(self, reports, chosen: uuid.UUID | None) -> None:
        self.report_combo.blockSignals(True)
        self.report_combo.clear()
        self.report_combo.addItem(self.tr("Geen opgeslagen rapportage (standaardteksten)"), None)
        for report in reports:
            self.report_combo.addItem(report.label, report.id)
        self.report_combo.setCurrentIndex(max(_find_data(self.report_combo, chosen), 0))
        self.report_combo.blockSignals(False)

    @Slot()
    def edit_reports(self) -> None:
        """Open the voortgangsrapportages over the main window, then refill the picker keeping the choice."""
        from dataclasses import replace

        from ..services.export_setup import export_choices
        from .report_dialog import open_report_dialog

        chosen = self.report_combo.currentData()
        open_report_dialog(self.parent(), chosen, self)
        try:
            with self.database.session() as session:
                self.choices = replace(self.choices, reports=export_choices(session).reports)
        except Exception as exc:  # noqa: BLE001 - shown, the dialog stays usable
            report_failure(self, exc)
            return
        self._fill_reports(self.choices.reports, chosen)
        if self.report_combo.currentData() != chosen:
            self._clear_result()

    def _show_template(self) -> None:
        entry = self.entry()
        path = self._templates.get(entry.kind) if entry.format == "docx" else None
        self.template_edit.setText(str(path) if path else "")
        self.template_edit.setToolTip(str(path) if path else self.tr("De standaardopmaak van GHNT Desktop"))
        self.template_reset.setEnabled(path is not None)

    @Slot()
    def _contents_changed(self) -> None:
        self._clear_result()
        if not self._file_chosen:
            self.file_edit.setText(str(default_folder() / self.default_file_name()))

    def _file_edited(self, _text: str) -> None:
        self._file_chosen = True

    def default_file_name(self) -> str:
        """A Dutch name for the chosen document: ``Verslag AO 2026-09-10.docx``."""
        entry = self.entry()
        parts = [entry.file_title]
        meeting = self.choices.meeting(self.meeting_combo.currentData())
        if entry.kind in ("agenda", "verslag") or (entry.kind == "presentielijst" and meeting is not None):
            if meeting is not None:
                parts += [meeting.series_code or meeting.title, meeting.date.isoformat()]
        elif entry.kind == "presentielijst":
            parts += [self.tr("vertegenwoordiging"), str(self.year_spin.value())]
        elif entry.kind == "jaaroverzicht":
            parts.append(str(self.year_spin.value()))
        else:
            if entry.kind in ("actielijst", "besluitenlijst") and self.series_combo.currentData() is not None:
                parts.append(self.series_combo.currentText())
            if entry.kind == "actielijst" and self.organisation_combo.currentData() is not None:
                parts.append(self.organisation_combo.currentText().split(" (")[0])
            parts.append(self.today.isoformat())
        return safe_file_name(" ".join(parts)) + "." + self.output_format()

    def output_path(self) -> Path | None:
        """The file to write, with the suffix of the chosen format."""
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        suffix = "." + self.output_format()
        if path.suffix.lower() in (".docx", ".xlsx", ".pdf"):
            return path.with_suffix(suffix)  # switched between Word, PDF and Excel: swap the suffix
        if path.suffix.lower() != suffix:
            return path.with_name(path.name + suffix)
        return path

    # -- templates and files --------------------------------------------------------------------------

    @Slot()
    def choose_template(self) -> None:
        """Pick a Word template (.docx or .dotx) for the chosen kind and remember it in the database."""
        entry = self.entry()
        current = self._templates.get(entry.kind)
        start = str(current.parent) if current else str(default_folder())
        name, _ = QFileDialog.getOpenFileName(
            self,
            arg(self.tr("Word-sjabloon voor: %1"), entry.label),
            start,
            self.tr("Word-documenten en -sjablonen (*.docx *.dotx);;Alle bestanden (*)"),
        )
        if not name:
            return
        path = Path(name)
        problem = template_problem(path)
        if problem:
            show_error(self, ValueError(problem), self.tr("Sjabloon niet gebruikt"))
            return
        self._set_template(entry.kind, path)

    @Slot()
    def reset_template(self) -> None:
        """Back to the standard layout for the chosen kind."""
        self._set_template(self.entry().kind, None)

    def _set_template(self, kind: str, path: Path | None) -> None:
        self._templates[kind] = path
        if path is None:
            self._templates.pop(kind, None)
        self._show_template()
        if self.database.read_only:
            return  # kept for this dialog only: a read-only database cannot remember it
        from ..services.export_setup import save_template_setting

        try:
            with self.database.session() as session:
                save_template_setting(session, kind, path)
        except Exception as exc:  # noqa: BLE001 - a failed save must not lose the choice for this document
            report_failure(self, exc)

    @Slot()
    def choose_file(self) -> None:
        """Ask where to save, starting from the proposed name."""
        proposed = self.output_path() or default_folder() / self.default_file_name()
        filters = {
            "docx": self.tr("Word-document (*.docx)"),
            "pdf": self.tr("PDF-document (*.pdf)"),
        }.get(self.output_format(), self.tr("Excel-werkmap (*.xlsx)"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Document opslaan als"), str(proposed), filters)
        if not name:
            return
        self._file_chosen = True
        self.file_edit.setText(name)
        self.file_edit.setText(str(self.output_path()))

    # -- running --------------------------------------------------------------------------------------

    def _label_tag_kind_row(self, kind: str) -> None:
        """The report keeps its chapters per actielijn and adds one per label; the tables are grouped."""
        label = self.form.labelForField(self.tag_kind_combo)
        if kind == "voortgang":
            label.setText(self.tr("Ook hoofdstuk &per:"))
            self.tag_kind_combo.setItemText(0, self.tr("(geen, alleen per actielijn)"))
        else:
            label.setText(self.tr("Tabel &indelen per:"))
            self.tag_kind_combo.setItemText(0, self.tr("actielijn"))

    def _fill_tag_kinds(self) -> None:
        kinds = getattr(self.choices, "tag_kinds", {}).get(self.programme_combo.currentData(), ())
        self.tag_kind_combo.clear()
        self.tag_kind_combo.addItem(self.tr("actielijn"), "")
        for kind in kinds:
            self.tag_kind_combo.addItem(kind.lower(), kind)
        if hasattr(self, "form") and "tag_kind" in self._fields():
            self._label_tag_kind_row(self.entry().kind)
            self.form.setRowVisible(self.tag_kind_combo, self.tag_kind_combo.count() > 1)

    def build_request(self) -> ExportRequest:
        """The export the dialog's fields describe (``ValidationError`` for what is missing)."""
        from ..exports.jobs import ExportRequest
        from ..services import ValidationError

        entry = self.entry()
        fields = self._fields()
        out = self.output_path()
        if out is None:
            raise ValidationError(self.tr("Kies waar het document moet worden opgeslagen."))

        def pick(name: str, combo: QComboBox):
            return combo.currentData() if name in fields else None

        period = "period" in fields and self.period_check.isChecked()
        template = self._templates.get(entry.kind) if entry.format == "docx" else None
        return ExportRequest(
            kind=entry.kind,
            out=out,
            format=self.output_format(),
            meeting_id=pick("meeting", self.meeting_combo),
            series_id=pick("series", self.series_combo),
            all_series=entry.kind == "besluitenlijst" and pick("series", self.series_combo) is None,
            programme_id=pick("programme", self.programme_combo),
            report_id=pick("report", self.report_combo),
            organisation_id=pick("organisation", self.organisation_combo),
            date_from=_pydate(self.date_from.date()) if period else None,
            date_to=_pydate(self.date_to.date()) if period else None,
            group_by=self.group_combo.currentData() if "group_by" in fields else "actielijn",
            tag_kind=(self.tag_kind_combo.currentData() or "") if "tag_kind" in fields else "",
            include_closed="include_closed" in fields and self.include_closed_check.isChecked(),
            include_confidential="confidential" in fields and self.confidential_check.isChecked(),
            sheet_per_actielijn="sheet_per_actielijn" in fields and self.sheet_check.isChecked(),
            year=(
                self.year_spin.value()
                if "year" in fields and (entry.kind == "jaaroverzicht" or self.year_check.isChecked())
                else None
            ),
            template=template,
            today=self.today,
        )

    def is_running(self) -> bool:
        return self.task is not None and not self.task.is_done()

    @Slot()
    def start_export(self) -> Task | None:
        """Check the fields and make the document in a worker; returns the running task."""
        from ..exports.jobs import EXPECTED_ERRORS, run_export

        if self.is_running():
            return self.task
        self._clear_result()
        try:
            request = self.build_request()
            request.validate()
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return None
        if request.out.exists() and not self._confirm_overwrite(request.out):
            return None
        database = self.database
        self.task = start_task(
            lambda progress, cancelled: run_export(database, request, progress, cancelled),
            name=f"export {request.kind}",
            progress=self._progress,
            succeeded=self._succeeded,
            failed=self._failed,
            cancelled=self._cancelled,
        )
        self._set_running(True)
        return self.task

    def _confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Bestand bestaat al"),
            arg(self.tr("%1 bestaat al. Wilt u het vervangen?"), path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _set_running(self, running: bool) -> None:
        for widget in (self.kind_combo, self.make_button, self.browse_button, self.file_edit, self.output_combo):
            widget.setEnabled(not running)
        for index in range(self.form.rowCount()):
            field = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            if field is not None and field.widget() is not None:
                field.widget().setEnabled(not running)
        self.template_row.setEnabled(not running)
        self.close_button.setText(self.tr("Annuleren") if running else self.tr("Sluiten"))
        self.progress_bar.setVisible(running)
        self.result_area.setVisible(True)
        if running:
            self.progress_bar.setRange(0, 0)  # busy until the first report says how much there is
            self.result_label.setText(self.tr("Bezig met het maken van het document..."))
            self.result_label.setVisible(True)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    @Slot(object)
    def _succeeded(self, outcome: ExportOutcome) -> None:
        global _last_folder
        self._set_running(False)
        self.outcome = outcome
        _last_folder = outcome.path.parent
        count = ""
        if outcome.format == "xlsx" and outcome.count is not None:
            count = " " + arg(self.tr("(%1 regels)"), outcome.count)
        self.result_label.setText(arg(self.tr("Het document is gemaakt%2.\nOpgeslagen in: %1"), outcome.path, count))
        self.result_label.setVisible(True)
        notes = []
        if outcome.left_out:
            hint = self.tr("Vink 'Vertrouwelijke onderdelen opnemen' aan om ze op te nemen.")
            notes.append(outcome.left_out + (" " + hint if outcome.can_include else ""))
        if outcome.included:
            notes.append(outcome.included)
        if outcome.privacy:
            notes.append(outcome.privacy)
        self.left_out_label.setText("\n".join(notes))
        self.left_out_label.setVisible(bool(notes))
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)
        self.open_button.setFocus()
        self.export_finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.result_area.setVisible(False)
        report_failure(self, exc, self.tr("Document niet gemaakt"))
        self.export_finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._set_running(False)
        self.result_label.setText(self.tr("Afgebroken; er is geen bestand opgeslagen."))
        self.result_label.setVisible(True)
        self.export_finished.emit()

    @Slot()
    def _clear_result(self, *_args) -> None:
        if self.is_running():
            return
        self.outcome = None
        for widget in (self.result_area, self.result_label, self.left_out_label, self.open_button, self.folder_button):
            widget.setVisible(False)

    @Slot()
    def open_result(self) -> None:
        """Open the document just made in Word or Excel (the system's program for the file)."""
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.path)))

    @Slot()
    def open_folder(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.path.parent)))

    # -- closing --------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Sluiten; while an export runs it is Annuleren: the export stops and the dialog stays."""
        if self.is_running():
            assert self.task is not None
            self.task.cancel()
            self.result_label.setText(self.tr("Bezig met afbreken..."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.is_running():
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Enter in a field makes the document only through the default button, never twice.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.is_running():
            return
        super().keyPressEvent(event)


def template_problem(path: Path) -> str:
    """Why ``path`` cannot be a Word template, in Dutch; empty when an export can use it.

    The full check an export makes (``exports.docx_template.template_problem``), so a wrong pick is
    refused at once; the export still reports a template that breaks later.
    """
    from ..exports.docx_template import template_problem as problem_of

    return problem_of(path)


def open_export_dialog(
    window,
    *,
    kind: str | None = None,
    file_format: str = "docx",
    meeting_id: uuid.UUID | None = None,
) -> ExportDialog | None:
    """Open the export dialog over ``window`` (a ``MainWindow``), optionally for one kind and meeting.

    The dialog is window-modal and returns at once (``open()``); it deletes itself when closed.
    Returns None when no database is open.
    """
    from ..services.export_setup import export_choices

    database = getattr(window, "database", None)
    if database is None:
        return None
    try:
        with database.session() as session:
            choices = export_choices(session)
    except Exception as exc:  # noqa: BLE001 - shown, never a crash of the menu action
        report_failure(window, exc)
        return None
    today = window.today() if callable(getattr(window, "today", None)) else date.today()
    dialog = ExportDialog(
        database, choices, window, kind=kind, file_format=file_format, meeting_id=meeting_id, today=today
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
