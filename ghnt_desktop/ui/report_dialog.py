"""Voortgangsrapportages: the saved reports on the left, the metadata and editable texts of one on the right.

A saved report supplies the kenmerk, versie, datum, contactpersoon, period and the texts of the Word
voortgangsrapportage, on three tabs: Gegevens; Teksten (inleiding, actieprogramma in het kort, leeswijzer,
overige activiteiten, conclusie, vooruitzicht, bronnen); and Actielijnen en ambities, where each actielijn
and ambition of the programme gets a short title (the default derived from the programme is shown as a
hint), a narrative, and can be left out. Opslaan goes through the main window's undo stack (``ui/undo.py``),
so creating, editing and deleting a report can be undone like any other edit.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services import ServiceError
from .a11y import accessible, labelled_row
from .editors.forms import DateEdit, TextEdit, changed_values, confirm
from .errors import show_error
from .i18n import arg

if TYPE_CHECKING:
    from ..services.progress_report import OutlineEntry
    from ..services.reports import ReportDetail

# Keys of the free texts in ``ReportDetail.texts`` (``services.reports``; repeated so that opening the dialog
# does not import the service layer's SQLAlchemy modules).
SUMMARY, READING_GUIDE, OTHER_ACTIVITIES = "summary", "reading_guide", "other_activities"
FIGURES_OMIT = "figures_omit"


def _part_key(kind: str, part_id: uuid.UUID, field: str) -> str:
    return f"{kind}:{part_id.hex}:{field}"  # as services.reports.part_key


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
        self._texts: dict[str, str] = {}  # short titles, narratives and choices per part, being edited
        self._outline: list[OutlineEntry] = []
        self._outline_programme: uuid.UUID | None = None

        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 760])
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
        self.resize(1000, 680)

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
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_details(), self.tr("&Gegevens"))
        self.tabs.addTab(self._build_texts(), self.tr("&Teksten"))
        self.tabs.addTab(self._build_parts(), self.tr("&Actielijnen en ambities"))
        return self.tabs

    def _scroll(self) -> tuple[QScrollArea, QWidget, QFormLayout]:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        area.setWidget(inner)
        return area, inner, form

    def _build_details(self) -> QWidget:
        area, inner, form = self._scroll()
        self.title_edit = QLineEdit(inner)
        self.title_edit.setMaxLength(300)
        form.addRow(self.tr("T&itel:"), self.title_edit)
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
        self.programme_combo.currentIndexChanged.connect(self._programme_changed)
        return area

    def _build_texts(self) -> QWidget:
        area, inner, form = self._scroll()
        hint = QLabel(
            self.tr(
                "Een leeg veld krijgt in het document een standaardtekst. Verwijs naar een bron met [1], [2], ...: "
                "de bron wordt dan een voetnoot."
            ),
            inner,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.introduction_edit = TextEdit(inner, lines=3)
        form.addRow(self.tr("&Inleiding:"), self.introduction_edit)
        self.summary_edit = TextEdit(inner, lines=3)
        form.addRow(self.tr("Actieprogramma in het &kort:"), self.summary_edit)
        self.reading_guide_edit = TextEdit(inner, lines=2)
        form.addRow(self.tr("&Leeswijzer:"), self.reading_guide_edit)
        self.other_activities_edit = TextEdit(inner, lines=3)
        self.other_activities_edit.setPlaceholderText(self.tr("Een onderwerp begint met een regel \"# Titel\""))
        form.addRow(self.tr("Ove&rige activiteiten:"), self.other_activities_edit)
        self.figures_omit_check = QCheckBox(
            self.tr("Geen hoo&fdstuk Cijfers en geen indicatoren per actielijn"), inner
        )
        self.figures_omit_check.setToolTip(
            self.tr("Zonder vinkje krijgt de rapportage een hoofdstuk Cijfers met de indicatoren van het programma")
        )
        self.figures_omit_check.toggled.connect(self._edited)
        form.addRow("", self.figures_omit_check)
        self.conclusion_edit = TextEdit(inner, lines=3)
        form.addRow(self.tr("C&onclusie:"), self.conclusion_edit)
        self.outlook_edit = TextEdit(inner, lines=3)
        form.addRow(self.tr("Voor&uitzicht:"), self.outlook_edit)
        self.sources_edit = TextEdit(inner, lines=3)
        self.sources_edit.setPlaceholderText(self.tr("Eén bron per regel; de eerste is [1]"))
        form.addRow(self.tr("&Bronnen:"), self.sources_edit)
        for text in (
            self.introduction_edit,
            self.summary_edit,
            self.reading_guide_edit,
            self.other_activities_edit,
            self.conclusion_edit,
            self.outlook_edit,
            self.sources_edit,
        ):
            text.textChanged.connect(self._edited)
        return area

    def _build_parts(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        self.part_tree = QTreeWidget(box)
        self.part_tree.setHeaderHidden(True)
        self.part_tree.setWordWrap(True)
        self.part_tree.setMinimumWidth(260)
        self.part_tree.currentItemChanged.connect(self._part_chosen)
        row.addWidget(self.part_tree, 4)

        editor = QWidget(box)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # the fields stay together at the top
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.part_full_text = QLabel(editor)
        self.part_full_text.setWordWrap(True)
        self.part_full_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.part_full_text.setStyleSheet("color: palette(placeholder-text);")
        self.part_full_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("In het programma:"), self.part_full_text)
        self.part_title_edit = QLineEdit(editor)
        self.part_title_edit.setMaxLength(200)
        form.addRow(self.tr("&Korte titel:"), self.part_title_edit)
        self.part_narrative_edit = TextEdit(editor, lines=8)
        self.part_narrative_edit.setPlaceholderText(
            self.tr("Wat speelde er, welke keuzes zijn gemaakt, wat valt op? Bronnen met [1], [2], ...")
        )
        form.addRow(self.tr("Toe&lichting:"), self.part_narrative_edit)
        self.part_omit_check = QCheckBox(self.tr("&Weglaten uit de rapportage"), editor)
        form.addRow("", self.part_omit_check)
        self.part_hint = QLabel(
            self.tr(
                "Een onderdeel zonder nieuws in de periode krijgt één regel met de stand van zijn acties, "
                "of laat u weg."
            ),
            editor,
        )
        self.part_hint.setWordWrap(True)
        form.addRow(self.part_hint)
        row.addWidget(editor, 7)
        self.part_title_edit.textChanged.connect(self._part_edited)
        self.part_narrative_edit.textChanged.connect(self._part_edited)
        self.part_omit_check.toggled.connect(self._part_edited)
        self._set_part_editor(None)
        return box

    # -- data -----------------------------------------------------------------------------------------

    @property
    def database(self):
        return self.window_.database

    def _load_programmes(self) -> None:
        from ..services.programme import list_programmes
        from ..services.programme_scope import current_programme_id

        with self.database.session() as session:
            current = current_programme_id(session)
            # The current programme first: a new report belongs to it (see _fill).
            programmes = sorted(list_programmes(session), key=lambda p: p.id != current)
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
        texts = dict(values.get("texts", {}))
        self.summary_edit.setText(texts.pop(SUMMARY, ""))
        self.reading_guide_edit.setText(texts.pop(READING_GUIDE, ""))
        self.other_activities_edit.setText(texts.pop(OTHER_ACTIVITIES, ""))
        self.figures_omit_check.setChecked(texts.pop(FIGURES_OMIT, "") == "1")
        self._texts = texts
        self._load_outline(self.programme_combo.currentData())
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
            "texts": self._collect_texts(),
        }

    def _collect_texts(self) -> dict[str, str]:
        texts = {key: value for key, value in self._texts.items() if value.strip()}
        for key, edit in (
            (SUMMARY, self.summary_edit),
            (READING_GUIDE, self.reading_guide_edit),
            (OTHER_ACTIVITIES, self.other_activities_edit),
        ):
            if edit.text().strip():
                texts[key] = edit.text()
        if self.figures_omit_check.isChecked():
            texts[FIGURES_OMIT] = "1"
        return texts

    # -- actielijnen en ambities ------------------------------------------------------------------------

    def _programme_changed(self, *_args) -> None:
        self._edited()
        if not self._loading:
            self._load_outline(self.programme_combo.currentData())

    def _load_outline(self, programme_id: uuid.UUID | None) -> None:
        """Fill the tree with the programme's actielijnen and ambitions (none without a programme)."""
        from ..services.progress_report import report_outline

        outline: list[OutlineEntry] = []
        if programme_id is not None:
            try:
                with self.database.session() as session:
                    outline = report_outline(session, programme_id)
            except ServiceError as exc:
                show_error(self, exc)
        self._outline = outline
        self._outline_programme = programme_id
        self.part_tree.blockSignals(True)  # rebuilding the tree is no choice of the user
        self.part_tree.clear()
        parent: QTreeWidgetItem | None = None
        for index, entry in enumerate(outline):
            item = QTreeWidgetItem()
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            if entry.level == 1 or parent is None:
                self.part_tree.addTopLevelItem(item)
                parent = item
            else:
                parent.addChild(item)
            self._label_item(item, entry)
        self.part_tree.expandAll()
        self.part_tree.blockSignals(False)
        self._set_part_editor(None)
        if self.part_tree.topLevelItemCount():
            self.part_tree.setCurrentItem(self.part_tree.topLevelItem(0))

    def _label_item(self, item: QTreeWidgetItem, entry: OutlineEntry) -> None:
        title = self._texts.get(_part_key(entry.kind, entry.id, "title")) or entry.default_title
        omitted = bool(self._texts.get(_part_key(entry.kind, entry.id, "omit")))
        item.setText(0, title)
        item.setToolTip(0, entry.full_text or entry.default_title)
        font = item.font(0)
        font.setStrikeOut(omitted)
        item.setFont(0, font)

    def current_entry(self) -> OutlineEntry | None:
        """The actielijn or ambition chosen in the tree."""
        item = self.part_tree.currentItem()
        if item is None:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        return self._outline[index] if isinstance(index, int) and 0 <= index < len(self._outline) else None

    def select_part(self, part_id: uuid.UUID) -> None:
        """Choose the actielijn or ambition ``part_id`` in the tree (for tests and links)."""
        for index, entry in enumerate(self._outline):
            if entry.id == part_id:
                for item in self._tree_items():
                    if item.data(0, Qt.ItemDataRole.UserRole) == index:
                        self.part_tree.setCurrentItem(item)
                        return

    def _tree_items(self) -> list[QTreeWidgetItem]:
        items = []
        for top in range(self.part_tree.topLevelItemCount()):
            item = self.part_tree.topLevelItem(top)
            items.append(item)
            items.extend(item.child(i) for i in range(item.childCount()))
        return items

    def _part_chosen(self, *_args) -> None:
        self._set_part_editor(self.current_entry())

    def _set_part_editor(self, entry: OutlineEntry | None) -> None:
        was_loading, self._loading = self._loading, True
        for widget in (self.part_title_edit, self.part_narrative_edit, self.part_omit_check):
            widget.setEnabled(entry is not None)
        if entry is None:
            self.part_full_text.setText(
                self.tr("Kies een actieprogramma op het tabblad Gegevens.") if not self._outline else ""
            )
            self.part_title_edit.clear()
            self.part_title_edit.setPlaceholderText("")
            self.part_narrative_edit.clear()
            self.part_omit_check.setChecked(False)
        else:
            count = entry.action_count
            actions = self.tr("1 actie") if count == 1 else arg(self.tr("%1 acties"), count)
            self.part_full_text.setText(f"{entry.full_text or entry.default_title}\n({actions})")
            self.part_title_edit.setPlaceholderText(entry.default_title)
            self.part_title_edit.setText(self._texts.get(_part_key(entry.kind, entry.id, "title"), ""))
            self.part_narrative_edit.setText(self._texts.get(_part_key(entry.kind, entry.id, "narrative"), ""))
            self.part_omit_check.setChecked(bool(self._texts.get(_part_key(entry.kind, entry.id, "omit"))))
        self._loading = was_loading

    def _part_edited(self, *_args) -> None:
        if self._loading:
            return
        entry = self.current_entry()
        if entry is None:
            return
        values = {
            "title": " ".join(self.part_title_edit.text().split()),
            "narrative": self.part_narrative_edit.text(),
            "omit": "1" if self.part_omit_check.isChecked() else "",
        }
        for field, value in values.items():
            key = _part_key(entry.kind, entry.id, field)
            if value.strip():
                self._texts[key] = value
            else:
                self._texts.pop(key, None)
        item = self.part_tree.currentItem()
        if item is not None:
            self._label_item(item, entry)
        self._edited()

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
        from ..services.versions import seen_in
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
                    self.window_, self.tr("Voortgangsrapportage wijzigen"), update_report, self.current_id, changed,
                    None if self._detail is None else seen_in(self._detail, changed),
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
