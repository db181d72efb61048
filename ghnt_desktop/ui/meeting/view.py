"""The meeting view: a header with the meeting's facts and its next step, and four tabs.

State moves concept -> gepland -> gehouden -> verslag vastgesteld (at a later meeting). A vastgesteld
verslag is shown read-only with a "Heropenen..." button that asks for a reason. Moving or cancelling a
meeting keeps its items; after either, the invitation (.ics) is saved again with the same UID and a
higher sequence, so Outlook updates or removes the appointment.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import clock_time
from ..errors import show_error
from ..i18n import arg, enum_label, format_date_with_weekday
from ..undo import edit_command, edit_values_command, push
from .agenda_tab import AgendaTab
from .attendance_tab import AttendanceTab
from .commands import (
    approve_command,
    carry_forward_command,
    delete_command,
    reopen_command,
)
from .data import MeetingData, load_meeting_data
from .decisions_tab import DecisionsTab
from .dialogs import (
    ApproveDialog,
    CarryForwardDialog,
    MeetingDetailsDialog,
    MoveDialog,
    ReopenDialog,
    ask_choice,
    show_record_history,
)
from .minutes_tab import MinutesTab

if TYPE_CHECKING:
    from ...db import Database
    from ..mainwindow import MainWindow

STATE_COLOURS = {
    "concept": "#5f6368",
    "planned": "#1a5fb4",
    "held": "#9a6700",
    "minutes_approved": "#1b6e2d",
    "cancelled": "#b3261e",
}


class MeetingView(QWidget):
    """One meeting: header, read-only banner, and the tabs Agenda, Aanwezigheid, Notuleren, Besluiten en acties."""

    #: The meeting was deleted (the page selects another).
    deleted = Signal()

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today
        self.database: Database | None = None
        self.meeting_id: uuid.UUID | None = None
        self.data: MeetingData | None = None

        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long title wraps onto a second line rather than widening the view beyond the window (or being cut).
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumWidth(120)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("stateBadge")
        self.facts_label = QLabel(self)
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.next_state_button = QPushButton(self)
        self.next_state_button.setDefault(False)
        self.ics_button = QPushButton(self.tr("Uitnodiging (.ics)..."), self)
        self.ics_button.setToolTip(
            self.tr("De uitnodiging als agendabestand opslaan (ook na verplaatsen of annuleren)")
        )
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("Overleg"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.more_button)
        self.details_action = menu.addAction(self.tr("&Gegevens wijzigen..."))
        self.details_action.setToolTip(self.tr("Titel, locatie, online link, voorzitter, notulist en notities"))
        self.move_action = menu.addAction(self.tr("Verplaatsen..."))
        self.cancel_action = menu.addAction(self.tr("Annuleren"))
        self.pack_action = menu.addAction(self.tr("Vergaderstukken &mailen..."))
        self.pack_action.setToolTip(
            self.tr(
                "Agenda, verslag van het vorige overleg en actielijst (PDF als LibreOffice er is) met de "
                "uitnodiging in een concept-e-mail aan de genodigden; vertrouwelijke onderdelen blijven eruit"
            )
        )
        menu.addSeparator()
        self.back_action = menu.addAction(self.tr("Status terugzetten"))
        self.history_action = menu.addAction(self.tr("Wijzigingsgeschiedenis..."))
        menu.addSeparator()
        self.delete_action = menu.addAction(self.tr("Overleg verwijderen"))
        self.more_button.setMenu(menu)

        self.banner = QFrame(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet(
            "QFrame#readOnlyBanner { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px; }"
            "QFrame#readOnlyBanner QLabel { color: #3d3000; }"
        )
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.reopen_button = QPushButton(self.tr("Heropenen..."), self.banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.reopen_button)
        self.banner.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.agenda = AgendaTab(self)
        self.attendance = AttendanceTab(self)
        self.minutes = MinutesTab(self)
        self.decisions = DecisionsTab(self)
        self.tabs.addTab(self.agenda, self.tr("&Agenda"))
        # Alt letters clear of the menu bar's (B, W, L, O, H) and of the page's own buttons.
        self.tabs.addTab(self.attendance, self.tr("Aanwe&zigheid"))
        self.tabs.addTab(self.minutes, self.tr("No&tuleren"))
        self.tabs.addTab(self.decisions, self.tr("Besluiten en a&cties"))

        self.empty_label = QLabel(self.tr("Kies een overleg in de lijst, of maak een nieuw overleg."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.state_label)
        header.addSpacing(12)
        for button in (self.next_state_button, self.ics_button):
            header.addWidget(button)
        header.addWidget(self.more_button)
        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(header)
        content.addWidget(self.facts_label)
        content.addWidget(self.banner)
        content.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.content, 1)
        self.content.hide()

        self.next_state_button.clicked.connect(self.next_state)
        self.details_action.triggered.connect(lambda: self.edit_details())
        self.move_action.triggered.connect(lambda: self.move_meeting())
        self.cancel_action.triggered.connect(lambda: self.cancel_or_restore())
        self.ics_button.clicked.connect(lambda: self.save_ics())
        self.pack_action.triggered.connect(lambda: self.mail_meeting_pack())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.back_action.triggered.connect(self.step_back)
        self.history_action.triggered.connect(self.show_history)
        self.delete_action.triggered.connect(self.delete_meeting)
        self.agenda.carry_button.clicked.connect(self.review_carry_forward)

    # Loading.

    def main_window(self) -> MainWindow:
        return self.window()  # type: ignore[return-value]

    def show_meeting(self, database: Database | None, meeting_id: uuid.UUID | None) -> None:
        """Show a meeting (None: nothing); reads it in one session."""
        from ...services import NotFoundError

        if self.meeting_id is not None and meeting_id != self.meeting_id:
            self.minutes.save_notes()
        self.database = database
        self.meeting_id = meeting_id
        if database is None or meeting_id is None:
            self.data = None
            self.content.hide()
            self.empty_label.show()
            return
        try:
            with database.read_session() as session:
                data = load_meeting_data(session, meeting_id, self.today())
        except NotFoundError:
            self.meeting_id = None
            self.data = None
            self.content.hide()
            self.empty_label.show()
            return
        self.data = data
        self.empty_label.hide()
        self.content.show()
        self._show_header(data)
        for tab in (self.agenda, self.attendance, self.minutes, self.decisions):
            tab.show_data(data)
        self.tabs.setTabText(1, arg(self.tr("Aanwe&zigheid (%1)"), len(data.attendance)))
        self.tabs.setTabText(
            3,
            arg(
                self.tr("Besluiten en a&cties (%1/%2)"), len(data.decisions), len(data.actions) + len(data.toezeggingen)
            ),
        )

    def reload(self) -> None:
        self.show_meeting(self.database, self.meeting_id)

    def _show_header(self, data: MeetingData) -> None:
        from ...models import MeetingState

        d = data.detail
        self.title_label.setText(d.title)  # type: ignore[attr-defined]
        self.title_label.setToolTip(d.title)  # type: ignore[attr-defined]
        state = d.state  # type: ignore[attr-defined]
        colour = STATE_COLOURS.get(state.value, "#5f6368")
        self.state_label.setText(enum_label(state))
        self.state_label.setStyleSheet(
            f"QLabel#stateBadge {{ color: white; background: {colour}; border-radius: 8px; padding: 2px 10px; }}"
        )
        when = format_date_with_weekday(d.date)  # type: ignore[attr-defined]
        if d.start_time:  # type: ignore[attr-defined]
            when += f", {clock_time(d.start_time)}"  # type: ignore[attr-defined]
            if d.end_time:  # type: ignore[attr-defined]
                when += f"–{clock_time(d.end_time)}"  # type: ignore[attr-defined]
        place = [when]
        if d.location:  # type: ignore[attr-defined]
            place.append(d.location)  # type: ignore[attr-defined]
        people = []
        if d.series_name:  # type: ignore[attr-defined]
            people.append(arg(self.tr("%1, overleg %2 van %3"), d.series_name, d.number_in_year, d.date.year))  # type: ignore[attr-defined]
        if d.chair_name:  # type: ignore[attr-defined]
            people.append(arg(self.tr("voorzitter %1"), d.chair_name))  # type: ignore[attr-defined]
        if d.secretary_name:  # type: ignore[attr-defined]
            people.append(arg(self.tr("notulist %1"), d.secretary_name))  # type: ignore[attr-defined]
        facts = " · ".join(place) + ("\n" + " · ".join(people) if people else "")
        self.facts_label.setText(facts)

        # With an Alt letter each (one is shown at a time): the cycle can be run from the keyboard.
        next_texts = {
            MeetingState.CONCEPT: self.tr("De&finitief plannen"),
            MeetingState.PLANNED: self.tr("Overleg &gehouden"),
            MeetingState.HELD: self.tr("Versla&g vaststellen..."),
        }
        self.next_state_button.setVisible(state in next_texts)
        self.next_state_button.setText(next_texts.get(state, ""))
        cancelled = state is MeetingState.CANCELLED
        self.cancel_action.setText(self.tr("Annulering opheffen") if cancelled else self.tr("Annuleren"))
        self.cancel_action.setEnabled(state in (MeetingState.CONCEPT, MeetingState.PLANNED, MeetingState.CANCELLED))
        self.move_action.setEnabled(not data.read_only)
        self.details_action.setEnabled(not data.read_only)
        self.back_action.setEnabled(state in (MeetingState.PLANNED, MeetingState.HELD))
        self.delete_action.setEnabled(not data.read_only)
        if data.read_only:
            text = self.tr(
                "Het verslag is vastgesteld en kan niet meer worden gewijzigd. Heropen het (met een reden) "
                "om het toch aan te passen; de reden wordt bewaard."
            )
            # "Vastgesteld op 11 juni 2020 in ...": Dutch like the documents, which print the same line.
            self.banner_label.setText(f"{data.approval}. {text}" if data.approval else text)
        elif cancelled:
            self.banner_label.setText(
                self.tr(
                    "Dit overleg is geannuleerd. Agenda en aanwezigheid zijn bewaard; sla de annulering als .ics op."
                )
            )
        self.banner.setVisible(data.read_only or cancelled)
        self.reopen_button.setVisible(data.read_only)

    # Commands.

    def _push(self, command) -> bool:
        return push(self.main_window(), command)

    def next_state(self) -> None:
        from ...models import MeetingState

        if self.data is None:
            return
        state = self.data.detail.state  # type: ignore[attr-defined]
        if state is MeetingState.HELD:
            self.approve()
            return
        target = {MeetingState.CONCEPT: MeetingState.PLANNED, MeetingState.PLANNED: MeetingState.HELD}.get(state)
        if target is None:
            return
        self.set_state(target)

    def closing_arguments(self, state) -> dict | None:
        """Ask what closing a meeting needs: confirming a date still to come, and what to do with attendees
        nobody marked. The extra arguments of ``set_meeting_state``; None when the user cancels."""
        from ...models import AttendanceStatus, MeetingState
        from ...services.meetings import UNMARKED_ABSENT, UNMARKED_KEEP

        if self.data is None:
            return None
        detail = self.data.detail
        today = self.today()
        values: dict = {"today": today}
        if state in (MeetingState.HELD, MeetingState.MINUTES_APPROVED) and detail.date > today:  # type: ignore[attr-defined]
            day = format_date_with_weekday(detail.date)  # type: ignore[attr-defined]
            if state is MeetingState.HELD:
                text = arg(
                    self.tr(
                        "Het overleg staat op %1; die dag is nog niet geweest.\n\nIs het overleg echt al "
                        "gehouden? Verplaats het anders eerst naar de dag waarop het werd gehouden."
                    ),
                    day,
                )
                choice = arg(self.tr("Ja, gehouden op %1"), day)
            else:
                text = arg(
                    self.tr(
                        "Het overleg staat op %1; die dag is nog niet geweest.\n\nIs het verslag echt al vastgesteld?"
                    ),
                    day,
                )
                choice = arg(self.tr("Ja, vaststellen (overleg van %1)"), day)
            if ask_choice(self, self.tr("Overleg in de toekomst"), text, [choice]) != 0:
                return None
            values["confirmed"] = True
        if state is MeetingState.HELD and detail.state is not MeetingState.MINUTES_APPROVED:  # type: ignore[attr-defined]
            unknown = [a for a in self.data.attendance if a.status is AttendanceStatus.INVITED]
            if unknown:
                names = ", ".join(a.person_name or a.organisation_name for a in unknown[:8])
                if len(unknown) > 8:
                    names += arg(self.tr(" en nog %1"), len(unknown) - 8)
                text = arg(
                    self.tr(
                        "Van %1 genodigden is niet vastgelegd of ze aanwezig waren: %2.\n\nWat wilt u met hen "
                        "doen? (Annuleren om eerst de aanwezigheid in te vullen.)"
                    ),
                    len(unknown),
                    names,
                )
                answer = ask_choice(
                    self,
                    self.tr("Aanwezigheid niet ingevuld"),
                    text,
                    [self.tr("Afwezig melden"), self.tr("Onbekend laten")],
                )
                if answer is None:
                    return None
                values["unmarked"] = UNMARKED_ABSENT if answer == 0 else UNMARKED_KEEP
        return values

    def set_state(self, state) -> bool:
        from ...services.meetings import set_meeting_state

        if self.meeting_id is None:
            return False
        extra = self.closing_arguments(state)
        if extra is None:
            return False
        self.minutes.save_notes()
        return self._push(
            edit_command(
                self.main_window(),
                arg(self.tr("Status: %1"), enum_label(state)),
                set_meeting_state,
                self.meeting_id,
                state=state,
                **extra,
            )
        )

    def step_back(self) -> None:
        from ...models import MeetingState

        if self.data is None:
            return
        back = {MeetingState.PLANNED: MeetingState.CONCEPT, MeetingState.HELD: MeetingState.PLANNED}
        target = back.get(self.data.detail.state)  # type: ignore[attr-defined]
        if target is not None:
            self.set_state(target)

    def approve(self, approved_in: uuid.UUID | None = None, *, ask: bool = True) -> bool:
        """Verslag vaststellen, normally in the next meeting of the series."""
        from ...models import MeetingState

        if self.data is None or self.meeting_id is None:
            return False
        extra = self.closing_arguments(MeetingState.MINUTES_APPROVED)
        if extra is None:
            return False
        if ask:
            dialog = ApproveDialog(self, list(self.data.later_meetings))
            if not dialog.exec():
                return False
            approved_in = dialog.approved_in()
        self.minutes.save_notes()
        return self._push(
            approve_command(
                self.main_window(),
                self.meeting_id,
                approved_in,
                confirmed=extra.get("confirmed", False),
            )
        )

    def reopen(self, reason: str | None = None) -> bool:
        if self.meeting_id is None:
            return False
        if reason is None:
            dialog = ReopenDialog(self)
            if not dialog.exec():
                return False
            reason = dialog.text()
        return self._push(reopen_command(self.main_window(), self.meeting_id, reason))

    def edit_details(self, values: dict | None = None) -> bool:
        """Gegevens wijzigen (title, location, link, chair, secretary, notes) through the undo stack.

        ``values`` (the changed fields) skips the dialog. A vastgesteld verslag is refused by the service with
        its Dutch message.
        """
        from ...services.meetings import update_meeting

        if self.data is None or self.meeting_id is None:
            return False
        if values is None:
            dialog = MeetingDetailsDialog(self, self.data.detail, list(self.data.people))
            if not dialog.exec():
                return False
            values = dialog.values()
        if not values:
            return False
        return self._push(
            edit_values_command(
                self.main_window(),
                self.tr("Gegevens van het overleg wijzigen"),
                update_meeting,
                self.meeting_id,
                values,
            )
        )

    def move_meeting(self, values=None) -> bool:
        from ...services.meetings import move_meeting

        if self.data is None or self.meeting_id is None:
            return False
        d = self.data.detail
        if values is None:
            dialog = MoveDialog(self, d.date, d.start_time, d.end_time)  # type: ignore[attr-defined]
            if not dialog.exec():
                return False
            values = dialog.values()
        new_date, start, end = values
        ok = self._push(
            edit_command(
                self.main_window(),
                self.tr("Overleg verplaatsen"),
                move_meeting,
                self.meeting_id,
                new_date=new_date,
                start_time=start,
                end_time=end,
            )
        )
        if ok:
            self.main_window().show_status(
                self.tr("Overleg verplaatst. Sla de bijgewerkte uitnodiging (.ics) op en verstuur die opnieuw.")
            )
        return ok

    def cancel_or_restore(self) -> bool:
        from ...models import MeetingState

        if self.data is None:
            return False
        if self.data.detail.state is MeetingState.CANCELLED:  # type: ignore[attr-defined]
            return self.set_state(MeetingState.CONCEPT)
        ok = self.set_state(MeetingState.CANCELLED)
        if ok:
            self.main_window().show_status(
                self.tr("Overleg geannuleerd. Sla de annulering (.ics) op en verstuur die aan de genodigden.")
            )
        return ok

    def delete_meeting(self) -> bool:
        from ...services.meetings import delete_meeting

        if self.meeting_id is None:
            return False
        meeting_id = self.meeting_id
        ok = self._push(
            delete_command(self.main_window(), self.tr("Overleg verwijderen"), lambda s: delete_meeting(s, meeting_id))
        )
        if ok:
            self.deleted.emit()
        return ok

    def _ask_save_path(self, title: str, prefix: str, file_filter: str, suffix: str) -> Path | None:
        """A file name for a document of this meeting ("<prefix><title> <date><suffix>"); None when cancelled."""
        d = self.data.detail  # type: ignore[union-attr]
        suggested = f"{prefix}{d.title} {d.date:%Y-%m-%d}{suffix}".replace("/", "-")  # type: ignore[attr-defined]
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return Path(name) if name else None

    def save_ics(self, path: Path | None = None) -> Path | None:
        """Save the invitation (a cancellation when the meeting is cancelled) as an .ics file."""
        from ...calendar_ics import invitation_data, write_ics

        if self.database is None or self.meeting_id is None or self.data is None:
            return None
        path = path or self._ask_save_path(self.tr("Uitnodiging opslaan"), "", self.tr("Agendabestand (*.ics)"), ".ics")
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            with self.database.session() as session:
                invitation = invitation_data(session, self.meeting_id)
            written = write_ics(invitation, path)
        except OSError as exc:
            show_error(self, OSError(arg(self.tr("Het bestand %1 kon niet worden geschreven: %2"), path, exc.strerror)))
            return None
        what = self.tr("Annulering") if invitation.cancelled else self.tr("Uitnodiging")
        message = arg(self.tr("%1 opgeslagen in %2 (versie %3)."), what, written, invitation.sequence)
        if invitation.left_out():
            message += " " + invitation.left_out()
        self.main_window().show_status(message)
        return written

    def mail_meeting_pack(self, path: Path | None = None, *, open_draft: bool = True):
        """Vergaderstukken mailen: save the e-mail draft with the meeting pack (``exports.meeting_pack``) in a
        worker with a progress dialog, then open it in the mail program to edit and send; returns the task."""
        from ...exports.meeting_pack import make_meeting_pack
        from ..worker import DialogTask

        if self.database is None or self.meeting_id is None or self.data is None:
            return None
        path = path or self._ask_save_path(
            self.tr("Vergaderstukken opslaan als e-mail"), "Vergaderstukken ", self.tr("E-mailbericht (*.eml)"), ".eml"
        )
        if path is None:
            return None
        if path.suffix.lower() != ".eml":
            path = path.with_name(path.name + ".eml")
        database, meeting_id, target = self.database, self.meeting_id, path

        def make(progress, cancelled):
            return make_meeting_pack(database, meeting_id, target, progress=progress, cancelled=cancelled)

        self.pack_task = DialogTask(
            self,
            make,
            name="vergaderstukken",
            label=self.tr("Vergaderstukken maken..."),
            title=self.tr("Vergaderstukken mailen"),
            succeeded=lambda outcome: self._pack_done(outcome, open_draft),
            cancelled=lambda: self.main_window().show_status(self.tr("Vergaderstukken afgebroken; niets opgeslagen.")),
        )
        return self.pack_task

    def _pack_done(self, outcome, open_draft: bool) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        message = arg(self.tr("Concept-e-mail met de vergaderstukken opgeslagen in %1."), outcome.path)
        if outcome.without_address:
            message += " " + arg(self.tr("Zonder e-mailadres: %1."), ", ".join(outcome.without_address))
        if outcome.left_out:
            message += " " + self.tr("Vertrouwelijke onderdelen zijn weggelaten (zie de e-mail).")
        if outcome.pdf_note:
            message += " " + self.tr("Zonder LibreOffice zijn de stukken Word-bestanden.")
        self.main_window().show_status(message)
        if open_draft:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.path)))

    def review_carry_forward(self) -> bool:
        """Show what would be carried forward; apply what the secretaris keeps checked."""
        from ...services.agenda import carry_forward_proposal

        if self.database is None or self.meeting_id is None:
            return False
        with self.database.session() as session:
            proposal = carry_forward_proposal(session, self.meeting_id)
        dialog = CarryForwardDialog(self, proposal)
        if not dialog.exec():
            return False
        return self.apply_carry_forward(dialog.chosen_actions(), dialog.chosen_programme_actions())

    def apply_carry_forward(self, action_ids, programme_ids) -> bool:
        if self.meeting_id is None or not (action_ids or programme_ids):
            return False
        return self._push(
            carry_forward_command(self.main_window(), self.meeting_id, list(action_ids), list(programme_ids))
        )

    def show_history(self) -> None:
        """The change history of this meeting (state changes, reopening with its reason, edited details)."""
        if self.database is None or self.meeting_id is None or self.data is None:
            return
        d = self.data.detail
        show_record_history(
            self,
            self.database,
            "meeting",
            self.meeting_id,
            f"{d.title} ({format_date_with_weekday(d.date)})",  # type: ignore[attr-defined]
        )
