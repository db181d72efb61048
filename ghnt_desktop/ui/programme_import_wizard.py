"""Bestand > Programma importeren: a region's programme from its Word table or an Excel list, checked first.

Steps: for an Excel file the column mapping (a combo box per column, read again on "Opnieuw lezen");
the preview as a tree (actielijn > ambitie > actie > sub-punt) where every text and the parties can be
corrected in place and any row unticked; the organisations (each name with what it matched, and for a
name that matched nothing whether it becomes a new organisation); then "Importeren" writes it in one
transaction as an undoable step (Bewerken > Ongedaan maken takes the programme back out).

The file is read by ``imports.programme_file.preview_programme`` and written by
``services.programme_import.import_programme``; this module only shows and edits their plain data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .a11y import accessible
from .errors import show_error
from .i18n import arg
from .import_wizard import choose_import_file

if TYPE_CHECKING:
    from ..imports.programme_file import ProgrammePreview

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def _period(action: Any) -> str:
    if action.start is None and action.end is None:
        return ""
    start = f"{action.start:%d-%m-%Y}" if action.start else "…"
    end = f"{action.end:%d-%m-%Y}" if action.end else ("doorlopend" if action.open_end else "…")
    return f"{start} t/m {end}"


def _names(values: list[str]) -> str:
    return "; ".join(values)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ";").split(";") if part.strip()]


class ProgrammeTreeModel(QStandardItemModel):
    """The draft as a tree; edits and ticks go straight into the draft's objects."""

    TEXT, RESPONSIBLE, TREKKERS, DEADLINE, PERIOD, NOTES = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Actielijn / ambitie / actie"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Verantwoordelijke partijen"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Trekkers"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Planning (zoals geschreven)"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Periode"),
        QT_TRANSLATE_NOOP("ProgrammeTreeModel", "Let op"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filling = False
        self.parties_edited = False
        self.itemChanged.connect(self._changed)

    def set_draft(self, draft) -> None:
        from PySide6.QtCore import QCoreApplication

        self._filling = True
        self.clear()
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ProgrammeTreeModel", h) for h in self.HEADERS])
        for section in draft.sections:
            row = self._row(section, "section", section.title)
            self.appendRow(row)
            for ambition in section.ambitions:
                label = f"{ambition.code} {ambition.text}".strip()
                amb_row = self._row(ambition, "ambition", label, parties=ambition.responsibles,
                                    notes="; ".join(ambition.warnings))  # fmt: skip
                row[0].appendRow(amb_row)
                for action in ambition.actions:
                    act_row = self._row(action, "action", action.text, parties=action.own, action=action)
                    amb_row[0].appendRow(act_row)
                    for child in action.children:
                        act_row[0].appendRow(self._row(child, "action", child.text, action=child))
        self._filling = False

    def _row(self, obj, kind: str, text: str, *, parties=None, action=None, notes: str = "") -> list[QStandardItem]:
        first = QStandardItem(text)
        first.setCheckable(True)
        first.setCheckState(Qt.CheckState.Checked if obj.include else Qt.CheckState.Unchecked)
        first.setData(obj, OBJECT_ROLE)
        first.setData(kind, KIND_ROLE)
        first.setToolTip(f"{text}\n\n{obj.origin}" if getattr(obj, "origin", "") else text)
        items = [first] + [QStandardItem("") for _ in range(5)]
        for item in items[1:]:
            item.setData(obj, OBJECT_ROLE)
            item.setData(kind, KIND_ROLE)
            item.setEditable(False)
        if kind == "ambition" or (kind == "action" and parties is not None):
            items[self.RESPONSIBLE].setText(_names(parties.responsible))
            items[self.TREKKERS].setText(_names(parties.trekkers))
            items[self.RESPONSIBLE].setEditable(kind == "ambition")
            items[self.TREKKERS].setEditable(kind == "ambition")
        if action is not None:
            items[self.DEADLINE].setText(action.deadline_text)
            items[self.PERIOD].setText(_period(action))
            notes = "; ".join(action.warnings)
        if kind == "section":
            font = first.font()
            font.setBold(True)
            first.setFont(font)
        items[self.NOTES].setText(notes)
        return items

    def _changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        obj = item.data(OBJECT_ROLE)
        kind = item.data(KIND_ROLE)
        if obj is None:
            return
        column = item.column()
        if column == self.TEXT:
            obj.include = item.checkState() == Qt.CheckState.Checked
            text = item.text().strip()
            if kind == "section":
                obj.title = text or obj.title
            elif kind == "ambition":
                if obj.code and text.startswith(obj.code + " "):
                    text = text[len(obj.code) + 1 :]
                obj.text = text or obj.text
            else:
                obj.text = text or obj.text
        elif column == self.RESPONSIBLE and kind == "ambition":
            obj.responsibles.responsible = _split(item.text())
            self.parties_edited = True
        elif column == self.TREKKERS and kind == "ambition":
            obj.responsibles.trekkers = _split(item.text())
            self.parties_edited = True


class ProgrammeImportWizard(QDialog):
    """The steps of a programme import over one file; ``preview`` holds what will be written."""

    PAGE_COLUMNS, PAGE_TREE, PAGE_PARTIES, PAGE_DONE = range(4)

    def __init__(self, window, path: Path, preview: ProgrammePreview) -> None:
        super().__init__(window)
        self.window_ = window
        self.database = window.database
        self.path = path
        self.preview = preview
        self.result: Any = None
        self.setWindowTitle(self.tr("Programma importeren"))
        self.resize(1200, 680)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._columns_page())
        self.stack.addWidget(self._tree_page())
        self.stack.addWidget(self._parties_page())
        self.stack.addWidget(self._done_page())
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("< &Terug"), self)
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Volgende >"), self)
        self.next_button.clicked.connect(self.go_next)
        self.import_button = QPushButton(self.tr("&Importeren"), self)
        self.import_button.clicked.connect(self.apply)
        self.close_button = QPushButton(self.tr("Sl&uiten"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._fill()
        self.show_page(self.PAGE_COLUMNS if preview.table is not None else self.PAGE_TREE)

    # -- pages ----------------------------------------------------------------------------------------

    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.columns_label = QLabel(page)
        self.columns_label.setWordWrap(True)
        layout.addWidget(self.columns_label)
        self.columns_table = QTableWidget(0, 2, page)
        self.columns_table.setHorizontalHeaderLabels([self.tr("Kolom in het bestand"), self.tr("Wordt")])
        self.columns_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.columns_table.verticalHeader().setVisible(False)
        accessible(self.columns_table, self.tr("Kolommen van het bestand"))
        layout.addWidget(self.columns_table, 1)
        reread = QPushButton(self.tr("Opnieuw &lezen met deze kolommen"), page)
        reread.clicked.connect(self.reread)
        layout.addWidget(reread, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _tree_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.title_edit = QLineEdit(page)
        self.region_edit = QLineEdit(page)
        form.addRow(self.tr("&Titel van het programma:"), self.title_edit)
        form.addRow(self.tr("&Regio:"), self.region_edit)
        layout.addLayout(form)
        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tree_model = ProgrammeTreeModel(self)
        self.tree = QTreeView(page)
        self.tree.setModel(self.tree_model)
        accessible(self.tree, self.tr("Programma zoals het wordt ingelezen"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        layout.addWidget(self.tree, 1)
        hint = QLabel(
            self.tr(
                "Dubbelklik op een tekst of op de partijen van een ambitie om ze te verbeteren (namen met ; "
                "ertussen); vink uit wat niet mee moet. Er wordt pas iets opgeslagen bij Importeren."
            ),
            page,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.warnings_label = QLabel(page)
        self.warnings_label.setWordWrap(True)
        layout.addWidget(self.warnings_label)
        self.tree_model.itemChanged.connect(lambda _item: self._update_summary())
        return page

    def _parties_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(
            self.tr(
                "Elke verantwoordelijke partij en trekker uit het bestand, met de organisatie of persoon in de app "
                "waaraan hij wordt gekoppeld. Een naam zonder koppeling wordt een nieuwe organisatie als dat is "
                "aangevinkt, anders blijft hij als tekst bewaard (een rol of groep zoals 'Projectleider GHNT'). "
                "Lijkt een naam op een organisatie of persoon in de app, dan staat die er als voorstel met de score: "
                "hij wordt pas gekoppeld als u hem kiest."
            ),
            page,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.parties_table = QTableWidget(0, 3, page)
        self.parties_table.setHorizontalHeaderLabels(
            [self.tr("Naam in het bestand"), self.tr("Wordt"), self.tr("Nieuwe organisatie")]
        )
        self.parties_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        accessible(self.parties_table, self.tr("Partijen in het bestand"))
        self.parties_table.verticalHeader().setVisible(False)
        self.parties_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.parties_table, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.done_label = QLabel(page)
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # -- filling --------------------------------------------------------------------------------------

    def _fill(self) -> None:
        preview = self.preview
        draft = preview.draft
        self.title_edit.setText(draft.title)
        if not self.region_edit.text():  # a reread keeps what the user typed
            self.region_edit.setText(preview.region)
        self.tree_model.set_draft(draft)
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((430, 170, 170, 150, 175)):
            self.tree.setColumnWidth(column, width)
        notes = list(draft.warnings)
        if preview.existing_programmes:
            notes.append(self.tr("De database heeft al een programma; dit programma komt erbij met de status Concept."))
        self.warnings_label.setText("\n".join(f"• {n}" for n in notes))
        self.warnings_label.setVisible(bool(notes))
        self._update_summary()
        self._fill_columns()
        self._fill_parties()

    def _update_summary(self) -> None:
        sections, ambitions, actions, children = self.preview.draft.counts()
        kind = self.tr("Word-tabel") if self.preview.draft.source == "docx" else self.tr("Excel-lijst")
        self.summary_label.setText(
            arg(
                self.tr("Uit %1 (%2): %3 actielijnen, %4 ambities, %5 acties en %6 subacties worden ingelezen."),
                self.preview.draft.file_name, kind, sections, ambitions, actions, children,
            )
        )  # fmt: skip

    def _fill_columns(self) -> None:
        table = self.preview.table
        if table is None:
            return
        from ..imports.programme_xlsx import PROGRAMME_FIELDS

        self.columns_label.setText(
            arg(
                self.tr("Blad %1, kopregel op regel %2. Kies per kolom wat erin staat en lees opnieuw."),
                table.sheet, table.header_row,
            )
        )  # fmt: skip
        self.columns_table.setRowCount(0)
        self.column_combos: list[QComboBox] = []
        for index, header in enumerate(table.headers):
            if not header:
                continue
            row = self.columns_table.rowCount()
            self.columns_table.insertRow(row)
            item = QTableWidgetItem(table.column_label(index))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.columns_table.setItem(row, 0, item)
            combo = QComboBox(self.columns_table)
            for field_name, label in PROGRAMME_FIELDS.items():
                combo.addItem(label, field_name)
            combo.setCurrentIndex(max(0, combo.findData(table.proposal.get(index, "ignore"))))
            self.columns_table.setCellWidget(row, 1, combo)
            self.column_combos.append(combo)

    def _fill_parties(self) -> None:
        self.parties_table.setRowCount(0)
        self.create_boxes: dict[str, QCheckBox] = {}
        self.link_combos: dict[str, QComboBox] = {}
        for key, choice in self.preview.parties.items():
            row = self.parties_table.rowCount()
            self.parties_table.insertRow(row)
            self.parties_table.setItem(row, 0, QTableWidgetItem(choice.label))
            matched = choice.target_id is not None
            self.parties_table.setItem(row, 1, QTableWidgetItem(self._outcome(choice)))
            box = QCheckBox(self.parties_table)
            box.setChecked(choice.create)
            box.setEnabled(not matched)
            box.toggled.connect(lambda checked, c=choice, r=row, k=key: self._set_create(c, r, checked, k))
            self.parties_table.setCellWidget(row, 2, box)
            self.create_boxes[key] = box
            if choice.candidates:
                # What the name may be, with score and reason: a proposal below the link score is linked only when
                # the user picks it here; a linked one can be undone the same way.
                combo = QComboBox(self.parties_table)
                accessible(combo, arg(self.tr("Koppeling van %1"), choice.label))
                combo.addItem(self._unmatched(choice.create) + self.tr(" (niet koppelen)"), None)
                for candidate in choice.candidates[:5]:
                    combo.addItem(arg(self.tr("voorstel: %1"), candidate.text), candidate)
                combo.setCurrentIndex(
                    next((i for i in range(1, combo.count()) if combo.itemData(i).target_id == choice.target_id), 0)
                )
                combo.currentIndexChanged.connect(lambda _i, c=choice, r=row, k=key: self._choose(c, r, k))
                self.parties_table.setCellWidget(row, 1, combo)
                self.link_combos[key] = combo

    def _outcome(self, choice) -> str:
        if choice.target_id is None:
            return self._unmatched(choice.create)
        return choice.target_name + (f" ({choice.how})" if choice.how not in ("", "naam") else "")

    def _unmatched(self, create: bool) -> str:
        return self.tr("nieuwe organisatie") if create else self.tr("als tekst bewaard (rol of groep)")

    def _set_create(self, choice, row: int, checked: bool, key: str) -> None:
        choice.create = checked
        self.parties_table.item(row, 1).setText(self._unmatched(checked))
        combo = self.link_combos.get(key)
        if combo is not None:
            combo.setItemText(0, self._unmatched(checked) + self.tr(" (niet koppelen)"))

    def _choose(self, choice, row: int, key: str) -> None:
        choice.choose(self.link_combos[key].currentData())
        box = self.create_boxes[key]
        box.blockSignals(True)
        box.setChecked(choice.create)
        box.setEnabled(choice.target_id is None)
        box.blockSignals(False)
        self.parties_table.item(row, 1).setText(self._outcome(choice))

    # -- navigation -----------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        first = self.PAGE_COLUMNS if self.preview.table is not None else self.PAGE_TREE
        self.back_button.setVisible(first < page < self.PAGE_DONE)
        self.next_button.setVisible(page < self.PAGE_PARTIES)
        self.import_button.setVisible(page == self.PAGE_PARTIES)
        self.close_button.setText(self.tr("Sl&uiten") if page == self.PAGE_DONE else self.tr("&Annuleren"))

    def go_next(self) -> None:
        page = self.stack.currentIndex()
        if page == self.PAGE_COLUMNS:
            if not self.reread():
                return
        if page == self.PAGE_TREE and self.tree_model.parties_edited:
            self._rematch()
        self.show_page(page + 1)

    def go_back(self) -> None:
        self.show_page(self.stack.currentIndex() - 1)

    def _mapping(self) -> dict[int, str]:
        mapping = {}
        for row, combo in enumerate(self.column_combos):
            index = self.columns_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            if combo.currentData() != "ignore":
                mapping[int(index)] = str(combo.currentData())
        return mapping

    def reread(self) -> bool:
        """Read the Excel file again with the chosen columns; False (and the message shown) when it fails."""
        from ..imports.programme_file import preview_programme
        from ..imports.workbook import ImportFileError

        mapping = self._mapping()
        if "text" not in mapping.values():
            show_error(
                self,
                ValueError(
                    self.tr("Kies welke kolom de actie bevat (Actie); zonder die kolom valt er niets in te lezen.")
                ),
            )
            return False
        try:
            with self.database.read_session() as session:
                self.preview = preview_programme(
                    session, self.path, mapping=mapping, sheet=self.preview.table.sheet if self.preview.table else None
                )
        except (ImportFileError, ValueError) as exc:
            show_error(self, exc)
            return False
        self._fill()
        return True

    def _rematch(self) -> None:
        from ..imports.programme_file import rematch

        with self.database.read_session() as session:
            self.preview = rematch(session, self.preview)
        self.tree_model.parties_edited = False
        self._fill_parties()

    # -- writing --------------------------------------------------------------------------------------

    def apply(self):
        """Write the ticked parts in one transaction, as one undoable step of the window."""
        from ..services.programme_import import import_programme, remove_imported_programme
        from .undo import ServiceCommand, push

        draft, parties = self.preview.draft, self.preview.parties
        title, region, file_name = self.title_edit.text(), self.region_edit.text(), self.path.name
        command = ServiceCommand(
            self.window_,
            arg(self.tr("Programma importeren uit %1"), file_name),
            do=lambda s: import_programme(s, draft, parties, title=title, region=region, file_name=file_name),
            undo=lambda s, r: remove_imported_programme(s, r.programme_id, r.organisations_created),
        )
        if not push(self.window_, command):
            return None
        self.result = result = command.result
        lines = [
            arg(
                self.tr("Programma %1 is ingelezen (%2): %3 actielijnen, %4 ambities, %5 acties en %6 subacties."),
                result.title, result.status.label, result.sections, result.ambitions, result.actions,
                result.sub_actions,
            ),
            arg(self.tr("Partijen en trekkers gekoppeld aan een organisatie of persoon: %1."), result.parties_linked),
        ]  # fmt: skip
        if result.organisations_created:
            lines.append(arg(self.tr("Nieuwe organisaties: %1."), ", ".join(result.organisations_created)))
        if result.labels_only:
            lines.append(arg(self.tr("Als tekst bewaard (rol of groep): %1."), ", ".join(result.labels_only)))
        lines.append("")
        lines.append(self.tr("Bewerken > Ongedaan maken haalt het ingelezen programma weer weg."))
        self.done_label.setText("\n".join(lines))
        self.show_page(self.PAGE_DONE)
        return result


def open_programme_import_wizard(window, path: Path | str | None = None) -> ProgrammeImportWizard | None:
    """Ask for a Word or Excel file (unless ``path``), read it and open the wizard over ``window``.

    Returns None when no database is open, it is read-only, no file was chosen or the file cannot be used
    (its Dutch message is shown).
    """
    path = choose_import_file(
        window,
        path,
        window.tr("Programma importeren"),
        window.tr("Word-document of Excel-werkmap (*.docx *.xlsx *.xlsm);;Alle bestanden (*)"),
    )
    if path is None:
        return None
    database = window.database
    from ..imports.programme_file import preview_programme
    from ..imports.workbook import ImportFileError

    # Read on the GUI thread: a region's programme (a few hundred actions) takes well under a second
    # (the demo's 69 actions 0.2 s, 3,000 actions 1 s); the wait cursor says it is busy.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with database.read_session() as session:
            preview = preview_programme(session, path)
    except ImportFileError as exc:
        failure: ImportFileError | None = exc
    else:
        failure = None
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        show_error(window, failure)
        return None
    wizard = ProgrammeImportWizard(window, Path(path), preview)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
