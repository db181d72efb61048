"""Aanwezigheid tab: the presentielijst marked with the keyboard (A, F, W, V), guests, and the organisations
that took part.

Marking a row moves to the next one, so the secretaris goes down the list with one key per person.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import arg, enum_label, plural
from ..itemmodels.attendance import AttendanceTableModel
from ..itemmodels.base import ROW_ROLE
from ..pages.base import make_table_view
from .base import MeetingTab
from .commands import delete_command
from .data import MeetingData
from .dialogs import PersonNameDialog


class AttendanceTab(MeetingTab):
    """The presentielijst."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ...models import AttendanceStatus

        self.model = AttendanceTableModel(self)
        self.table = make_table_view(self.model, self, sortable=False, name=self.tr("Aanwezigheid"))
        self.table.installEventFilter(self)
        self.keys = {
            Qt.Key.Key_A: AttendanceStatus.PRESENT,
            Qt.Key.Key_F: AttendanceStatus.EXCUSED,
            Qt.Key.Key_W: AttendanceStatus.ABSENT,
            Qt.Key.Key_U: AttendanceStatus.INVITED,
        }
        self.present_button = QPushButton(self.tr("Aanwezig (A)"), self)
        self.excused_button = QPushButton(self.tr("Afgemeld (F)"), self)
        self.absent_button = QPushButton(self.tr("Afwezig (W)"), self)
        self.substitute_button = QPushButton(self.tr("Vervangen door... (V)"), self)
        self.add_button = QPushButton(self.tr("Deelnemer toevoegen..."), self)
        self.guest_button = QPushButton(self.tr("Gast toevoegen..."), self)
        self.remove_button = QPushButton(self.tr("Verwijderen"), self)
        self.present_button.clicked.connect(lambda: self.mark(AttendanceStatus.PRESENT))
        self.excused_button.clicked.connect(lambda: self.mark(AttendanceStatus.EXCUSED))
        self.absent_button.clicked.connect(lambda: self.mark(AttendanceStatus.ABSENT))
        self.substitute_button.clicked.connect(self.substitute)
        self.add_button.clicked.connect(lambda: self.add_person(guest=False))
        self.guest_button.clicked.connect(lambda: self.add_person(guest=True))
        self.remove_button.clicked.connect(self.remove)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(
            self.tr(
                "Sneltoetsen in de lijst: A aanwezig, F afgemeld, W afwezig, V vervangen door, "
                "U terug naar uitgenodigd. Na elke toets gaat de cursor naar de volgende regel."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)  # read whole in a narrow window
        hint.setStyleSheet("color: palette(placeholder-text);")
        # Marking on the left, adding and removing on the right; a grid gives each button its full text
        # also at 150% (seven buttons on one line were cut there).
        buttons = QHBoxLayout()
        marks = QGridLayout()
        for index, button in enumerate(
            (self.present_button, self.excused_button, self.absent_button, self.substitute_button)
        ):
            marks.addWidget(button, index // 2, index % 2)
        people = QGridLayout()
        for index, button in enumerate((self.add_button, self.guest_button, self.remove_button)):
            people.addWidget(button, index // 2, index % 2)
        buttons.addLayout(marks)
        buttons.addStretch(1)
        buttons.addLayout(people)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._sized = False

    def show_data(self, data: MeetingData) -> None:
        current = self.selected()
        super().show_data(data)
        self.model.set_rows(list(data.attendance))
        if not self._sized and self.model.rowCount():
            self._sized = True
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            for column in range(self.model.columnCount()):
                header.resizeSection(column, min(header.sectionSize(column) + 24, 320))
        row = self.model.row_of(lambda r: r.id == current.id) if current is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        for widget in (
            self.present_button,
            self.excused_button,
            self.absent_button,
            self.substitute_button,
            self.add_button,
            self.guest_button,
            self.remove_button,
        ):
            widget.setEnabled(not data.read_only)
        self.summary.setText(self.summary_text(data))

    def summary_text(self, data: MeetingData) -> str:
        counts: dict[str, int] = {}
        for row in data.attendance:
            counts[row.status.value] = counts.get(row.status.value, 0) + 1
        present = counts.get("present", 0) + counts.get("substituted", 0)
        parts = [
            arg(self.tr("%1 aanwezig"), present),
            arg(self.tr("%1 afgemeld"), counts.get("excused", 0)),
            arg(self.tr("%1 afwezig"), counts.get("absent", 0)),
        ]
        if counts.get("invited"):
            parts.append(arg(self.tr("%1 nog niet gemarkeerd"), counts["invited"]))
        organisations = data.organisations_represented
        text = "<b>" + ", ".join(parts) + "</b>"
        text += " · " + plural(
            len(organisations), self.tr("1 organisatie vertegenwoordigd"), self.tr("%1 organisaties vertegenwoordigd")
        )
        if organisations:
            text += ": " + ", ".join(organisations)
        return text

    def selected(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                key = Qt.Key(event.key())
                if key in self.keys:
                    self.mark(self.keys[key])
                    return True
                if key == Qt.Key.Key_V:
                    self.substitute()
                    return True
        return super().eventFilter(watched, event)

    def mark(self, status, *, substitute_id=None, substitute_name: str = "") -> bool:
        """Mark the current row and move on to the next one."""
        row = self.selected()
        if row is None or self.read_only:
            return False
        from ...services.meetings import set_attendance

        position = self.table.currentIndex().row()
        ok = self.edit(
            arg(self.tr("aanwezigheid %1: %2"), row.person_name or row.organisation_name, enum_label(status)),
            set_attendance,
            row.id,
            seen={"status": row.status},
            status=status,
            substitute_id=substitute_id,
            substitute_name=substitute_name,
        )
        if ok and position + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(position + 1, 0))
        return ok

    def substitute(self) -> None:
        row = self.selected()
        if row is None or self.read_only or self.data is None:
            return
        from ...models import AttendanceStatus

        dialog = PersonNameDialog(
            self,
            self.tr("Vervangen door"),
            arg(self.tr("%1 wordt vervangen door:"), row.person_name or row.organisation_name),
            list(self.data.people),
        )
        if not dialog.exec():
            return
        person = dialog.person()
        self.mark(
            AttendanceStatus.SUBSTITUTED,
            substitute_id=person.id if person else None,
            substitute_name="" if person else dialog.name(),
        )

    def add_person(self, *, guest: bool) -> None:
        if self.meeting_id is None or self.read_only or self.data is None:
            return
        dialog = PersonNameDialog(
            self,
            self.tr("Gast toevoegen") if guest else self.tr("Deelnemer toevoegen"),
            self.tr("Naam:"),
            list(self.data.people),
            with_organisation=list(self.data.organisations),
        )
        if not dialog.exec():
            return
        person = dialog.person()
        self.add_attendee_values(
            person_id=person.id if person else None,
            name="" if person else dialog.name(),
            organisation_id=dialog.organisation_id(),
            guest=guest,
        )

    def add_attendee_values(self, *, person_id=None, name: str = "", organisation_id=None, guest=False) -> bool:
        from ...models import AttendanceRole
        from ...services.meetings import add_attendee, remove_attendee

        meeting_id = self.meeting_id
        role = AttendanceRole.GUEST if guest else AttendanceRole.MEMBER
        command = self.create(
            self.tr("Gast toevoegen") if guest else self.tr("Deelnemer toevoegen"),
            lambda s: add_attendee(
                s, meeting_id, person_id=person_id, organisation_id=organisation_id, name=name, role=role
            ),
            remove_attendee,
        )
        return command is not None

    def remove(self) -> None:
        row = self.selected()
        if row is None or self.read_only:
            return
        from ...services.meetings import remove_attendee

        attendance_id = row.id
        self.run(
            delete_command(
                self.main_window(), self.tr("Van de presentielijst halen"), lambda s: remove_attendee(s, attendance_id)
            )
        )
