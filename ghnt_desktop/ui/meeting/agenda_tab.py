"""Agenda tab: the items in order with their clock times, and an editor for the selected item.

Items are added, removed and reordered (drag and drop, Alt+Up/Alt+Down, buttons); numbers and clock
times follow from the services after every change. The editor saves each field when it is left.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import clock_time
from ..i18n import arg, enum_label
from ..itemmodels.agenda import AgendaTableModel
from ..itemmodels.base import ROW_ROLE
from ..pages.base import make_table_view
from ..widgets.flow import FlowLayout
from .base import MeetingTab
from .commands import delete_command
from .data import MeetingData
from .dialogs import DocumentDialog, PersonNameDialog, TextDialog, find_data


class AgendaTab(MeetingTab):
    """The agenda editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ...models import AgendaPurpose

        self.model = AgendaTableModel(self)
        self.model.move_requested.connect(self.move_item)
        self.table = make_table_view(self.model, self, sortable=False, stretch_last=False, name=self.tr("Agenda"))
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)

        self.add_button = QPushButton(self.tr("Punt toe&voegen..."), self)
        self.remove_button = QPushButton(self.tr("Verwijderen"), self)
        self.up_button = QPushButton(self.tr("Omhoog"), self)
        self.up_button.setToolTip(self.tr("Alt+Omhoog"))
        self.down_button = QPushButton(self.tr("Omlaag"), self)
        self.down_button.setToolTip(self.tr("Alt+Omlaag"))
        self.carry_button = QPushButton(self.tr("Actielijst vorig overleg..."), self)
        self.carry_button.setToolTip(
            self.tr("Openstaande actiepunten van eerdere overleggen en de acties uit het programma beoordelen")
        )
        self.end_label = QLabel(self)
        self.end_label.setObjectName("plannedEnd")

        buttons = FlowLayout()  # wraps onto a second line in a narrow window instead of cutting the texts
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.carry_button):
            buttons.addWidget(button)
        self.end_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.end_label)
        left_layout.addLayout(buttons)

        # The editor of the selected item.
        self.editor = QGroupBox(self.tr("Agendapunt"), self)
        self.title_edit = QLineEdit(self.editor)
        self.purpose_combo = QComboBox(self.editor)
        for purpose in AgendaPurpose:
            self.purpose_combo.addItem(enum_label(purpose), purpose)
        self.inbrenger_edit = QLineEdit(self.editor)
        self.inbrenger_completer = QCompleter([], self.inbrenger_edit)
        self.inbrenger_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.inbrenger_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.inbrenger_edit.setCompleter(self.inbrenger_completer)
        self.minutes_spin = QSpinBox(self.editor)
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSuffix(self.tr(" min."))
        self.confidential_check = QCheckBox(self.tr("Vertrouwelijk"), self.editor)
        self.confidential_check.setToolTip(self.tr("Het punt blijft buiten stukken die rondgaan"))
        self.documents = QListWidget(self.editor)
        self.documents.setAccessibleName(self.tr("Stukken"))
        self.documents.setMaximumHeight(110)
        self.add_document_button = QPushButton(self.tr("Toevoegen..."), self.editor)
        self.add_document_button.setToolTip(self.tr("Een stuk koppelen of in de database bewaren"))
        self.open_document_button = QPushButton(self.tr("Openen"), self.editor)
        self.remove_document_button = QPushButton(self.tr("Verwijderen"), self.editor)
        self.guests = QListWidget(self.editor)
        self.guests.setAccessibleName(self.tr("Gasten"))
        self.guests.setMaximumHeight(80)
        self.add_guest_button = QPushButton(self.tr("Gast toevoegen..."), self.editor)
        self.remove_guest_button = QPushButton(self.tr("Verwijderen"), self.editor)
        self.programme_label = QLabel(self.editor)
        self.programme_label.setWordWrap(True)
        editor_layout = QVBoxLayout(self.editor)
        form = QFormLayout()
        editor_layout.addLayout(form)
        editor_layout.addStretch(1)
        form.addRow(self.tr("Onderw&erp:"), self.title_edit)
        form.addRow(self.tr("&Doel:"), self.purpose_combo)
        form.addRow(self.tr("&Inbrenger:"), self.inbrenger_edit)
        form.addRow(self.tr("D&uur:"), self.minutes_spin)
        form.addRow("", self.confidential_check)
        form.addRow(self.tr("Stukken:"), self.documents)
        doc_buttons = QHBoxLayout()
        doc_buttons.addWidget(self.add_document_button)
        doc_buttons.addWidget(self.open_document_button)
        doc_buttons.addWidget(self.remove_document_button)
        doc_buttons.addStretch(1)
        form.addRow("", doc_buttons)
        form.addRow(self.tr("Gasten:"), self.guests)
        guest_buttons = QHBoxLayout()
        guest_buttons.addWidget(self.add_guest_button)
        guest_buttons.addWidget(self.remove_guest_button)
        guest_buttons.addStretch(1)
        form.addRow("", guest_buttons)
        form.addRow(self.tr("Programma:"), self.programme_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self._arrange(wide=True)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.title_edit.editingFinished.connect(lambda: self._save_field("title", self.title_edit.text()))
        self.inbrenger_edit.editingFinished.connect(lambda: self._save_field("inbrenger", self.inbrenger_edit.text()))
        self.purpose_combo.activated.connect(lambda _i: self._save_field("purpose", self.purpose_combo.currentData()))
        self.minutes_spin.editingFinished.connect(
            lambda: self._save_field("planned_minutes", self.minutes_spin.value())
        )
        self.confidential_check.toggled.connect(lambda on: self._save_field("confidential", on))
        self.add_document_button.clicked.connect(self.add_document)
        self.open_document_button.clicked.connect(self.open_document)
        self.documents.itemActivated.connect(lambda _entry: self.open_document())
        self.remove_document_button.clicked.connect(self.remove_document)
        self.add_guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_selected(step))
        for keys, slot in (("Insert", self.add_item), ("Delete", self.remove_item)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # Showing.

    #: Below this width the item's editor moves under the agenda (a 1366x768 laptop with a wide meetings list).
    SIDE_BY_SIDE_WIDTH = 900

    def _arrange(self, *, wide: bool) -> None:
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        self.editor.setMinimumWidth(300 if wide else 0)
        self.editor.setMaximumWidth(360 if wide else 16777215)
        if not wide:
            self.splitter.setSizes([3, 2])  # scaled to the height: the agenda keeps the larger part

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = event.size().width() >= self.SIDE_BY_SIDE_WIDTH
        if wide != (self.splitter.orientation() == Qt.Orientation.Horizontal):
            self._arrange(wide=wide)

    def show_data(self, data: MeetingData) -> None:
        current = self.selected_id()
        super().show_data(data)
        self.model.read_only = data.read_only
        self.model.set_rows(list(data.agenda))
        self._fit()
        row = self.model.row_of(lambda r: r.id == current) if current else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self.inbrenger_completer.model().setStringList(  # type: ignore[attr-defined]
            sorted({p.name for p in data.people} | {name for _id, name in data.organisations}, key=str.casefold)
        )
        end = clock_time(data.planned_end)
        text = arg(self.tr("Totaal %1 min."), data.total_minutes)
        if end:
            text += " · " + arg(self.tr("gepland einde %1"), end)
        if data.overruns:
            meeting_end = clock_time(data.detail.end_time)  # type: ignore[attr-defined]
            text += " " + arg(self.tr("(na de eindtijd %1)"), meeting_end)
            self.end_label.setStyleSheet("color: #b3261e;")
        else:
            self.end_label.setStyleSheet("")
        self.end_label.setText(text)
        self.carry_button.setText(
            arg(self.tr("Actielijst vorig overleg (%1 open)..."), data.carry_open)
            if data.carry_open
            else self.tr("Actielijst vorig overleg...")
        )
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button, self.carry_button):
            widget.setEnabled(not data.read_only)
        self._show_item()

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        from PySide6.QtWidgets import QHeaderView

        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == self.model.TITLE else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
            if column != self.model.TITLE:
                self.table.resizeColumnToContents(column)
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                minimum = header.fontMetrics().horizontalAdvance(title) + 24
                header.resizeSection(column, max(minimum, min(header.sectionSize(column) + 12, 220)))

    def selected_line(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_id(self) -> uuid.UUID | None:
        line = self.selected_line()
        return line.id if line is not None else None

    def select_item(self, item_id: uuid.UUID) -> None:
        row = self.model.row_of(lambda r: r.id == item_id)
        if row >= 0:
            self.table.selectRow(row)

    def _show_item(self) -> None:
        line = self.selected_line()
        editable = line is not None and not self.read_only
        for widget in (
            self.title_edit,
            self.purpose_combo,
            self.inbrenger_edit,
            self.minutes_spin,
            self.confidential_check,
            self.add_document_button,
            self.remove_document_button,
            self.add_guest_button,
            self.remove_guest_button,
        ):
            widget.setEnabled(editable)
        self.title_edit.setReadOnly(not editable)
        if line is None:
            self.editor.setTitle(self.tr("Agendapunt"))
            return
        item = line.item
        self.editor.setTitle(arg(self.tr("Agendapunt %1"), item.number))
        for widget in (self.purpose_combo, self.confidential_check):
            widget.blockSignals(True)
        if not self.title_edit.hasFocus() or self.title_edit.text().strip() == item.title:
            self.title_edit.setText(item.title)
            self.title_edit.setCursorPosition(0)
        self.purpose_combo.setCurrentIndex(max(0, find_data(self.purpose_combo, item.purpose)))
        if not self.inbrenger_edit.hasFocus():
            self.inbrenger_edit.setText(item.inbrenger)
        self.minutes_spin.setValue(item.planned_minutes)
        self.confidential_check.setChecked(item.confidential)
        for widget in (self.purpose_combo, self.confidential_check):
            widget.blockSignals(False)
        self.documents.clear()
        for index, (title, location) in enumerate(item.documents):
            entry = QListWidgetItem(f"{title} — {location}" if location and location != title else title)
            entry.setToolTip(location)
            entry.setData(Qt.ItemDataRole.UserRole, ("link", index))
            self.documents.addItem(entry)
        for info in self.data.stored_documents.get(item.id, ()) if self.data is not None else ():
            entry = QListWidgetItem(arg(self.tr("%1 (bewaard, %2)"), info.title, info.size_text))
            entry.setToolTip(arg(self.tr("%1, controlesom SHA-256 %2"), info.filename, info.sha256[:16] + "…"))
            entry.setData(Qt.ItemDataRole.UserRole, ("stored", info.id))
            self.documents.addItem(entry)
        self.guests.clear()
        assert self.data is not None
        for row in self.data.attendance:
            if row.agenda_item_id == item.id:
                entry = QListWidgetItem(
                    f"{row.person_name} ({row.organisation_name})" if row.organisation_name else row.person_name
                )
                entry.setData(Qt.ItemDataRole.UserRole, row.id)
                self.guests.addItem(entry)
        linked = self.data.item_programme.get(item.id, ())
        self.programme_label.setText(
            "; ".join(f"{code} {text}" for _id, code, text in linked[:6])
            + (arg(self.tr(" en nog %1"), len(linked) - 6) if len(linked) > 6 else "")
            if linked
            else self.tr("—")
        )

    # Editing.

    def _save_field(self, field: str, value) -> None:
        line = self.selected_line()
        if line is None or self.read_only:
            return
        from ...services.agenda import update_agenda_item

        current = getattr(line.item, field)
        if (value.strip() if isinstance(value, str) else value) == current:
            return
        labels = {
            "title": self.tr("Onderwerp wijzigen"),
            "inbrenger": self.tr("Inbrenger wijzigen"),
            "purpose": self.tr("Doel wijzigen"),
            "planned_minutes": self.tr("Tijd wijzigen"),
            "confidential": self.tr("Vertrouwelijk wijzigen"),
        }
        if not self.edit(labels[field], update_agenda_item, line.id, seen={field: current}, **{field: value}):
            self._show_item()  # refused: show what is stored

    def add_item(self) -> None:
        if self.meeting_id is None or self.read_only:
            return
        dialog = TextDialog(self, self.tr("Agendapunt toevoegen"), self.tr("Onderwerp:"), ok_text=self.tr("Toevoegen"))
        dialog.edit.setTabChangesFocus(True)
        if not dialog.exec():
            return
        self.add_item_titled(dialog.text())

    def add_item_titled(self, title: str) -> uuid.UUID | None:
        """Add a content item before Rondvraag (or after the selected content item)."""
        from ...services.agenda import add_agenda_item, remove_agenda_item

        meeting_id = self.meeting_id
        line = self.selected_line()
        index = None  # before Rondvraag, unless a content item is selected: then after it
        if line is not None and line.item.standard_item in (None, "progress"):
            index = line.item.position + 1
        command = self.create(
            self.tr("Agendapunt toevoegen"),
            lambda s: add_agenda_item(s, meeting_id, title, index=index),
            remove_agenda_item,
        )
        if command is None:
            return None
        self.select_item(command.result.id)
        return command.result.id

    def remove_item(self) -> None:
        line = self.selected_line()
        if line is None or self.read_only:
            return
        from ...services.agenda import remove_agenda_item

        item_id = line.id
        self.run(
            delete_command(
                self.main_window(), self.tr("Agendapunt verwijderen"), lambda s: remove_agenda_item(s, item_id)
            )
        )

    def move_selected(self, step: int) -> None:
        line = self.selected_line()
        if line is None:
            return
        self.move_item(line.id, line.item.position + step)

    def move_item(self, item_id: uuid.UUID, new_index: int) -> None:
        if self.read_only or not (0 <= new_index < self.model.rowCount()):
            return
        from ...services.agenda import move_agenda_item

        if self.edit(self.tr("Agendapunt verplaatsen"), move_agenda_item, item_id, new_index=new_index):
            self.select_item(item_id)
            self.table.setFocus()

    def add_document(self) -> None:
        line = self.selected_line()
        if line is None or self.read_only:
            return
        dialog = DocumentDialog(self)
        if not dialog.exec():
            return
        if dialog.store():
            title, location = dialog.values()
            self.store_document_file(title, location)
        else:
            self.add_document_values(*dialog.values())

    def store_document_file(self, title: str, location: str) -> bool:
        """Keep the file in the database with the selected item (one undo step); a Dutch message when it is too
        large, missing or unreadable (nothing is stored then)."""
        from pathlib import Path

        from ...services import ValidationError
        from ...services.stored_documents import MAX_STORED_BYTES, remove_stored_document, store_document
        from ..errors import show_error

        line = self.selected_line()
        if line is None or self.read_only:
            return False
        path = Path(location.strip())
        try:
            size = path.stat().st_size
            if size > MAX_STORED_BYTES:  # refused with its size, without reading hundreds of megabytes
                raise _TooLarge(size)
            content = path.read_bytes()
        except _TooLarge as too_large:
            from ...services.stored_documents import size_text

            show_error(
                self,
                ValidationError(
                    arg(
                        self.tr("Het bestand %1 is %2; in de database passen stukken tot %3, zodat reservekopieën "
                                "en een gedeelde database snel blijven. Koppel het bestand in plaats daarvan."),
                        path.name, size_text(too_large.size), size_text(MAX_STORED_BYTES),
                    )
                ),
            )  # fmt: skip
            return False
        except OSError:
            show_error(
                self,
                ValidationError(arg(self.tr("Het bestand %1 kan niet worden gelezen. Kies het opnieuw."), str(path))),
            )
            return False
        item_id = line.id
        command = self.create(
            self.tr("Stuk bewaren"),
            lambda s: store_document(s, item_id, filename=path.name, content=content, title=title),
            remove_stored_document,
        )
        return command is not None

    def selected_document(self) -> tuple[str, object] | None:
        entry = self.documents.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    def open_document(self) -> bool:
        """Open the selected stuk in its own program: a stored one from a temporary copy, a linked one where it
        is (a Dutch message when it has moved or was deleted)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ...services import ValidationError
        from ..errors import show_error

        line = self.selected_line()
        chosen = self.selected_document()
        if line is None or chosen is None:
            return False
        kind, key = chosen
        if kind == "link":
            from ...services.stored_documents import linked_document_problem

            location = line.item.documents[int(key)][1].strip()  # type: ignore[call-overload]
            problem = linked_document_problem(location)
            if problem:
                show_error(self, ValidationError(problem))
                return False
            url = QUrl(location) if "://" in location else QUrl.fromLocalFile(location)
            return bool(QDesktopServices.openUrl(url))
        path = self.write_stored_copy(key)  # type: ignore[arg-type]
        return path is not None and bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def write_stored_copy(self, document_id: uuid.UUID):
        """Write a stored stuk to a private temporary folder (removed when the app closes); None after a message."""
        import tempfile
        from pathlib import Path

        from ...services import ServiceError
        from ...services.stored_documents import stored_content
        from ..errors import show_error

        window = self.main_window()
        try:
            with window.database.read_session() as session:
                content = stored_content(session, document_id)
        except ServiceError as exc:
            show_error(self, exc)
            return None
        folder = getattr(window, "_stukken_folder", None)
        if folder is None:
            folder = tempfile.TemporaryDirectory(prefix="ghnt-stukken-")
            window._stukken_folder = folder  # type: ignore[attr-defined]  # kept (and removed) with the window
        target = Path(folder.name) / uuid.uuid4().hex[:8] / content.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.content)
        return target

    def add_document_values(self, title: str, location: str) -> bool:
        from ...services.agenda import update_agenda_item

        line = self.selected_line()
        shown = [{"title": t, "location": loc} for t, loc in line.item.documents]
        documents = [*shown, {"title": title, "location": location}]
        return self.edit(
            self.tr("Stuk toevoegen"), update_agenda_item, line.id, seen={"documents": shown}, documents=documents
        )

    def remove_document(self) -> None:
        line = self.selected_line()
        chosen = self.selected_document()
        if line is None or chosen is None or self.read_only:
            return
        kind, key = chosen
        if kind == "stored":
            from ...services.stored_documents import remove_stored_document
            from .commands import delete_command

            document_id = key
            self.run(
                delete_command(
                    self.main_window(), self.tr("Stuk verwijderen"), lambda s: remove_stored_document(s, document_id)
                )
            )
            return
        from ...services.agenda import update_agenda_item

        row = int(key)  # type: ignore[call-overload]
        shown = [{"title": t, "location": loc} for t, loc in line.item.documents]
        documents = [doc for i, doc in enumerate(shown) if i != row]
        self.edit(self.tr("Stuk verwijderen"), update_agenda_item, line.id, seen={"documents": shown}, documents=documents)

    def add_guest(self) -> None:
        line = self.selected_line()
        if line is None or self.read_only or self.data is None:
            return
        dialog = PersonNameDialog(
            self,
            self.tr("Gast voor één agendapunt"),
            self.tr("Naam:"),
            list(self.data.people),
            with_organisation=list(self.data.organisations),
        )
        if not dialog.exec():
            return
        person = dialog.person()
        self.add_guest_values(
            person_id=person.id if person else None,
            name="" if person else dialog.name(),
            organisation_id=dialog.organisation_id(),
        )

    def add_guest_values(self, *, person_id=None, name: str = "", organisation_id=None) -> bool:
        from ...services.agenda import add_guest
        from ...services.meetings import remove_attendee

        line = self.selected_line()
        item_id = line.id
        command = self.create(
            self.tr("Gast toevoegen"),
            lambda s: add_guest(s, item_id, person_id=person_id, organisation_id=organisation_id, name=name),
            remove_attendee,
        )
        return command is not None

    def remove_guest(self) -> None:
        entry = self.guests.currentItem()
        if entry is None or self.read_only:
            return
        from ...services.meetings import remove_attendee

        attendance_id = entry.data(Qt.ItemDataRole.UserRole)
        self.run(
            delete_command(self.main_window(), self.tr("Gast verwijderen"), lambda s: remove_attendee(s, attendance_id))
        )


class _TooLarge(Exception):
    """A file over the limit for stored stukken (its size, for the message)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
