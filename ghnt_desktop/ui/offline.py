"""Offline capture in the app (issue 21): take a meeting along, see that a copy is one, and put it back.

- **Bestand > Overleg meenemen (offline)...** (``TakeOfflineDialog``): one meeting (the next afstemmingsoverleg
  is proposed) or the whole database, and a new file for the copy; written off the GUI thread, then offered to
  open.
- An open offline copy says so in the window title and in a banner above every page (``OfflineBanner``), with
  **Terugzetten...** (``ReturnDialog``): it connects to the database the copy came from (a file, or the team
  database with the stored password or the connect dialog), shows a dry run as a list (merged, new, deleted,
  renumbered, conflicts) and then applies it.
- Conflicts stay in the team database until decided: ``ui.offline_conflicts``.

The engine is ``services.offline``; these widgets choose, show and call it, nothing more.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .a11y import accessible, labelled_row
from .errors import show_error
from .i18n import arg, format_date_with_weekday, plural
from .offline_conflicts import OfflineConflictsDialog, field_text, moment_text, readable

if TYPE_CHECKING:
    from ..db import Database
    from ..services.offline import OfflineCopyInfo, ReturnResult

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("offline", text)


def step_text(label: str) -> str:
    """A step of a take or return as the service reports it ("Schrijven: actiepunt") in the app's language."""
    return ": ".join(QCoreApplication.translate("offline_steps", part) for part in label.split(": "))


# What the window shows of an open database.


@dataclass(frozen=True)
class OfflineState:
    """Whether the open database is an offline copy (and of what), and how many offline conflicts wait in it."""

    copy: OfflineCopyInfo | None
    open_conflicts: int


def offline_state(database: Database) -> OfflineState:
    """Read once when a database is shown; a database without the tables (or rights to them) has neither."""
    from ..services.offline import offline_copy_info, open_offline_conflicts

    try:
        with database.read_session() as session:
            copy = offline_copy_info(session)
            conflicts = len(open_offline_conflicts(session)) if copy is None else 0
    except Exception as exc:  # noqa: BLE001 - a lezer without rights, an older server: no offline features
        log.info("No offline state for %s: %s", database.label, exc)
        return OfflineState(None, 0)
    return OfflineState(copy, conflicts)


def source_name(info: OfflineCopyInfo) -> str:
    """The source as the banner names it: a file by its name, a team database by its label."""
    from ..engines import is_server_url

    if is_server_url(info.source):
        return info.source_label
    return Path(info.source_label or info.source).name or info.source_label


def copy_description(info: OfflineCopyInfo) -> str:
    """ "Offline kopie van regio.db — Afstemmingsoverleg 2 2020, meegenomen 03-12-2026 09:41" """
    what = info.meeting_title or tr("de hele database")
    text = arg(tr("Offline kopie van %1 — %2, meegenomen %3"), source_name(info), what, moment_text(info.taken_at))
    if info.returned_at is not None:
        text += arg(tr("; teruggezet %1"), moment_text(info.returned_at))
    return text


class OfflineBanner(QFrame):
    """The strip above every page of an open offline copy: what it is a copy of, and Terugzetten...."""

    return_requested = Signal()
    #: The user goes back to the database the copy came from (offered once the copy was returned).
    source_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        # Dark text on a light amber: 4.5:1 and more; the words say it, the colour only draws the eye.
        self.setStyleSheet(
            "QFrame#offlineBanner { background: #fff4ce; border-bottom: 1px solid #c8a600; }"
            "QFrame#offlineBanner QLabel { color: #3d2f00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        # No Alt letter: the pages below use nearly every letter of the word; the keyboard reaches it through
        # Bestand > Offline werk terugzetten... (the same action).
        self.return_button = QPushButton(tr("Terugzetten..."), self)
        self.return_button.setToolTip(
            tr(
                "Uw wijzigingen in deze kopie samenvoegen met de database waar ze vandaan komt "
                "(Bestand > Offline werk terugzetten)"
            )
        )
        self.return_button.clicked.connect(self.return_requested.emit)
        layout.addWidget(self.return_button)
        # After a return: back to the database the copy came from (the copy can still be returned again).
        self.source_button = QPushButton(tr("Database openen"), self)
        self.source_button.setToolTip(tr("De database openen waar deze kopie vandaan komt"))
        self.source_button.clicked.connect(self.source_requested.emit)
        self.source_button.setVisible(False)
        layout.addWidget(self.source_button)
        self.returned = False
        self.setVisible(False)

    def show_copy(self, info: OfflineCopyInfo | None) -> None:
        if info is None:
            self.setVisible(False)
            return
        text = copy_description(info)
        self.returned = info.returned_at is not None
        if self.returned:  # a returned copy sends what changes after it with the next return
            text += ". " + tr("Wat u hier daarna wijzigt, gaat mee met de volgende keer terugzetten.")
        else:  # the engine renumbers a new besluit or actiepunt whose number the team used meanwhile
            text += ". " + tr("Nummers van nieuwe besluiten en actiepunten zijn voorlopig tot het terugzetten.")
        self.source_button.setVisible(self.returned)
        self.label.setText(text)
        self.label.setToolTip(info.source_label)
        self.setAccessibleName(text)
        self.return_button.setAccessibleDescription(text)
        self.setVisible(True)


# Meenemen.


@dataclass(frozen=True)
class MeetingOption:
    id: uuid.UUID
    label: str
    is_afstemmingsoverleg: bool
    day: date


def meeting_options(database: Database, today: date) -> tuple[list[MeetingOption], uuid.UUID | None]:
    """The meetings one can take along (not cancelled, from a month back), and the one to propose: the next
    afstemmingsoverleg from today, else the next meeting, else the latest."""
    from datetime import timedelta

    from ..models import MeetingKind, MeetingState
    from ..services.meetings import list_meetings

    with database.read_session() as session:
        rows = list_meetings(session)
    since = today - timedelta(days=31)
    options = [
        MeetingOption(
            row.id,
            f"{format_date_with_weekday(row.date)}  {row.title}",
            row.kind is MeetingKind.AFSTEMMINGSOVERLEG,
            row.date,
        )
        for row in rows
        if row.state is not MeetingState.CANCELLED and row.date >= since
    ]
    upcoming = [o for o in options if o.day >= today]
    proposed = next((o for o in upcoming if o.is_afstemmingsoverleg), upcoming[0] if upcoming else None)
    if proposed is None and options:
        proposed = options[-1]
    return options, proposed.id if proposed is not None else None


class TakeOfflineDialog(QDialog):
    """What to take along (a meeting or everything) and where to save the copy."""

    def __init__(
        self, options: list[MeetingOption], proposed: uuid.UUID | None, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Overleg meenemen (offline)"))
        self.folder = folder
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Maak een kopie op deze computer om zonder netwerk te werken, bijvoorbeeld om een overleg te "
                "notuleren. Open daarna de kopie; als u weer verbinding hebt, zet u uw werk terug met "
                "Terugzetten... Wat anderen intussen wijzigden blijft bewaard: wat u allebei wijzigde, legt de app "
                "u voor."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.one_meeting = QRadioButton(tr("Eén &overleg:"), self)
        self.meetings = QComboBox(self)
        accessible(self.meetings, tr("Overleg om mee te nemen"))
        for option in options:
            self.meetings.addItem(option.label, option.id)
        if proposed is not None:
            self.meetings.setCurrentIndex(self.meetings.findData(proposed))
        form.addRow(self.one_meeting, self.meetings)
        self.everything = QRadioButton(tr("De &hele database"), self)
        form.addRow(self.everything)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(tr("bijvoorbeeld overleg-offline.db"))
        browse = QPushButton(tr("&Bladeren..."), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        labelled_row(form, tr("Opslaan &als:"), row, self.path)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a61b1b;")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.take_button = buttons.addButton(tr("&Meenemen"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.one_meeting.toggled.connect(self._update)
        self.one_meeting.setChecked(bool(options))
        self.one_meeting.setEnabled(bool(options))
        self.everything.setChecked(not options)
        self.meetings.currentIndexChanged.connect(self._propose_name)
        self.everything.toggled.connect(self._propose_name)
        self._proposed_name = ""
        self._propose_name()
        self._update()
        self.resize(640, self.sizeHint().height())

    def meeting_id(self) -> uuid.UUID | None:
        return self.meetings.currentData() if self.one_meeting.isChecked() else None

    def target_path(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        return path if path.suffix else path.with_suffix(".db")

    def _update(self) -> None:
        self.meetings.setEnabled(self.one_meeting.isChecked())

    def _propose_name(self) -> None:
        """A file name after what is taken, unless the user typed one of their own."""
        import re

        if self.path.text().strip() and self.path.text() != self._proposed_name:
            return
        title = self.meetings.currentText().split("  ", 1)[-1] if self.one_meeting.isChecked() else tr("database")
        stem = re.sub(r"[^\w-]+", "-", title).strip("-").lower() or "overleg"
        self._proposed_name = str(self.folder / f"{stem}-offline.db")
        self.path.setText(self._proposed_name)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Offline kopie opslaan"),
            self.path.text() or str(self.folder),
            QCoreApplication.translate("MainWindow", "GHNT-database (*.db *.sqlite);;Alle bestanden (*)"),
        )
        if name:
            self.path.setText(name)

    def _accept(self) -> None:
        path = self.target_path()
        if path is None:
            self._refuse(tr("Kies een bestand voor de offline kopie."))
        elif path.exists():
            self._refuse(arg(tr("Het bestand %1 bestaat al; kies een nieuwe naam."), path.name))
        elif not path.parent.is_dir():
            self._refuse(arg(tr("De map %1 bestaat niet; kies een bestaande map."), path.parent))
        else:
            self.accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
        self.path.setFocus()


def take_offline_from(window: Any) -> None:
    """Bestand > Overleg meenemen (offline): ask what and where, write the copy in the background, offer to open."""
    from .worker import DialogTask

    database = window.database
    if database is None:
        return
    options, proposed = meeting_options(database, window.today())
    folder = database.path.parent if database.is_file else Path.home()
    dialog = TakeOfflineDialog(options, proposed, folder, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    path, meeting_id = dialog.target_path(), dialog.meeting_id()
    if path is None:
        return
    source_label = database.label
    source_url = str(database.path) if database.is_file else database.address.url

    step = StepLabel(tr("Offline kopie maken..."))

    def take(progress, cancelled):
        from ..db import side_file
        from ..services.offline import take_offline
        from .worker import check_cancelled

        def report(done: int, total: int, label: str) -> None:
            # Annuleren stops the take at its next step: it writes a part file and names it only at the end, so
            # nothing is left (the engine's last report comes before the rename).
            check_cancelled(cancelled)
            step.text = label
            progress(done, total)

        with database.read_session() as session:
            result = take_offline(
                session, path, meeting_id, source_label=source_label, source_url=source_url, progress=report
            )
        if cancelled():  # asked between the last report and the rename: the finished copy goes too
            for leftover in (path, side_file(path, "-wal"), side_file(path, "-shm")):
                leftover.unlink(missing_ok=True)
            check_cancelled(cancelled)
        return result

    window.offline_task = DialogTask(
        window,
        take,
        name="offline copy",
        label=tr("Offline kopie maken..."),
        title=tr("Overleg meenemen (offline)"),
        succeeded=lambda result: _taken(window, result),
        cancelled=lambda: window.show_status(tr("Meenemen geannuleerd; er is geen kopie achtergebleven.")),
        delay_ms=300,
    )
    window.offline_task.dialog.setMinimumWidth(420)  # the step's label changes; the dialog should not jump
    step.follow(window.offline_task)


class StepLabel(QObject):
    """The step a task in a pool thread is at ("Schrijven: actiepunt"), shown in its dialog with each progress
    signal (the worker's signal carries numbers only). The pool thread writes ``text``; the GUI thread reads it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self._dialog: Any = None

    def follow(self, task: Any) -> None:
        """Show the step in ``task``'s (a ``DialogTask``) dialog; kept alive by the task."""
        self.setParent(task)
        self._dialog = task.dialog
        task.task.signals.progress.connect(self._update)

    def _update(self, _done: int, _total: int) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(step_text(self.text))


def _taken(window: Any, result) -> None:
    window.activateWindow()  # back from the progress dialog: the window's shortcuts work again
    what = result.meeting_title or tr("de hele database")
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Overleg meenemen (offline)"))
    box.setText(arg(tr("De offline kopie van %1 is gemaakt: %2."), what, result.path))
    box.setInformativeText(
        tr(
            "Open de kopie om zonder netwerk te werken. De kopie zegt bovenaan van welke database ze is; met "
            "Terugzetten... zet u uw werk later terug."
        )
    )
    open_button = box.addButton(tr("Kopie &openen"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    if box.clickedButton() is open_button:
        window.open_database_file(result.path)
    else:
        window.show_status(arg(tr("Offline kopie gemaakt: %1"), result.path))


# Terugzetten.


def open_source(parent: QWidget, info: OfflineCopyInfo) -> Database | None:
    """Open the database the copy came from for writing; None when the user gave up (a message was shown).

    A shared file is opened beside the colleagues who have it open in the app (as ``ghnt-desktop offline return``
    does, without taking the app's lock): the return is one write transaction that queues behind theirs
    (``BEGIN IMMEDIATE``) and their windows show it within a second. A team database is opened with the password
    from the credential store, or else through the connect dialog (``ui.server_dialog``).
    """
    from ..db import DatabaseError
    from ..engines import ServerAddress, is_server_url

    if not is_server_url(info.source):
        from .. import storage_errors
        from ..db import open_database

        path = Path(info.source)
        if not path.exists():
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr("Terugzetten"))
            box.setText(arg(tr("De database %1 waar deze kopie van is, is niet gevonden."), path))
            box.setInformativeText(tr("Is de netwerkschijf verbonden? Of wijs het bestand aan als het verplaatst is."))
            choose = box.addButton(tr("Bestand &aanwijzen..."), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            name, _ = QFileDialog.getOpenFileName(
                parent,
                tr("Database van deze kopie"),
                str(path.parent),
                QCoreApplication.translate("MainWindow", "GHNT-database (*.db *.sqlite);;Alle bestanden (*)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            database = open_database(path, create=False)
        except DatabaseError as exc:
            show_error(parent, exc)
            return None
        storage_errors.install(database.engine)  # a full disk or a read-only share is named as such
        return database
    from ..credentials import remember_password, store_available, stored_password
    from ..opening import open_server
    from .server_dialog import ConnectDialog

    address = ServerAddress.parse(info.source)
    password = stored_password(address)
    problem = ""
    while True:
        if password is None:
            dialog = ConnectDialog(address, store_available=store_available(), problem=problem, parent=parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            address, password = dialog.address(), dialog.password.text()
            remember = dialog.remember.isChecked()
        else:
            remember = False
        try:
            opened = open_server(address, password=password or None)
        except DatabaseError as exc:
            problem, password = str(exc), None
            continue
        if remember and password:
            remember_password(address, password)
        return opened.database


GROUPS = (
    ("conflicts", QT_TRANSLATE_NOOP("offline", "Conflicten: u beslist")),
    ("merged", QT_TRANSLATE_NOOP("offline", "Samengevoegde wijzigingen")),
    ("added", QT_TRANSLATE_NOOP("offline", "Nieuw")),
    ("deleted", QT_TRANSLATE_NOOP("offline", "Verwijderd")),
    ("renumberings", QT_TRANSLATE_NOOP("offline", "Hernummerd")),
)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def result_items(result: ReturnResult, readable: Callable[[str, Any, str], str]) -> list[tuple[str, list[str]]]:
    """The groups of a (dry-run) result as the list shows them: a title with its count and one line a change.

    ``readable(field, value, table)`` writes a value as a person reads it (``offline_conflicts.readable``)."""
    titles = dict(GROUPS)

    def record_line(change: Any) -> str:
        # "Voortgang van 10-12-2026 bij actiepunt AO-2026-4-A02: Werkafspraken gemaakt": what was added, not only
        # its kind; the text of a vertrouwelijk record is not shown.
        summary = change.summary
        if not summary or change.confidential or summary in change.record_label:
            return change.record_label
        return f"{change.record_label}: {_short(summary, 60)}"

    def marked(text: str, change: Any) -> str:
        # On screen the user sees what they may see; vertrouwelijk content says so, as everywhere in the app.
        return text + " " + tr("(vertrouwelijk)") if getattr(change, "confidential", False) else text

    lines = {
        "conflicts": [
            marked(
                f"{c.record_label}, {field_text(c.field_label)}: "
                + arg(
                    tr("offline %1, in de teamdatabase %2"),
                    _short(readable(c.field, c.mine, c.table), 40),
                    _short(readable(c.field, c.theirs, c.table), 40),
                ),
                c,
            )
            for c in result.conflicts
        ],
        "merged": [
            marked(
                f"{m.record_label}, {field_text(m.field_label)}: {_short(readable(m.field, m.value, m.table))}"
                + (" " + tr("(regel voor regel samengevoegd)") if m.line_merged else ""),
                m,
            )
            for m in result.merged
        ],
        "added": [marked(record_line(r), r) for r in result.added],
        "deleted": [marked(record_line(r), r) for r in result.deleted],
        "renumberings": [arg(tr("%1 %2 wordt %3"), r.kind, r.old, r.new) for r in result.renumberings],
    }
    return [(f"{tr(titles[key])} ({len(lines[key])})", lines[key]) for key, _title in GROUPS if lines[key]]


class ReturnDialog(QDialog):
    """Terugzetten: the dry run as a list, then the return itself, then its result (and the conflicts)."""

    returned = Signal(object)  # the ReturnResult of the real return

    def __init__(self, copy_database: Database, info: OfflineCopyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Offline werk terugzetten"))
        self.copy_database = copy_database
        self.info = info
        self.team: Database | None = None  # the database the copy came from, once connected
        self.result: ReturnResult | None = None
        self.task = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(copy_description(info), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.status = QLabel(tr("Nog niet vergeleken."), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        accessible(self.busy, tr("Bezig"))
        layout.addWidget(self.busy)
        self.list = QTreeWidget(self)
        self.list.setHeaderHidden(True)
        self.list.setUniformRowHeights(True)
        accessible(self.list, tr("Wat het terugzetten doet"))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        self.compare_button = buttons.addButton(tr("Opnieuw &vergelijken"), QDialogButtonBox.ButtonRole.ActionRole)
        self.compare_button.clicked.connect(self.start_dry_run)
        self.conflicts_button = buttons.addButton(tr("&Conflicten oplossen..."), QDialogButtonBox.ButtonRole.ActionRole)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.conflicts_button.setVisible(False)
        self.return_button = buttons.addButton(tr("&Terugzetten"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.return_button.setEnabled(False)
        self.return_button.clicked.connect(self.start_return)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 560)

    # Connecting and running.

    def connect_source(self) -> bool:
        if self.team is None:
            self.team = open_source(self, self.info)
        return self.team is not None

    def start_dry_run(self) -> None:
        if self.connect_source():
            self._run(dry_run=True)

    def start_return(self) -> None:
        if self.connect_source():
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        from .worker import start_task

        copy, team = self.copy_database, self.team
        assert team is not None

        def run(progress, _cancelled):  # no Annuleren: a return is one transaction, over in seconds
            from ..services.offline import return_offline

            with copy.session() as copy_session, team.session() as team_session:
                return return_offline(
                    copy_session, team_session, dry_run=dry_run, progress=lambda done, total, _label: progress(done, total)
                )

        for button in (self.compare_button, self.return_button, self.conflicts_button):
            button.setEnabled(False)
        self.busy.setVisible(True)
        where = source_name(self.info)
        self.status.setText(
            arg(tr("Vergelijken met %1..."), where) if dry_run else arg(tr("Terugzetten naar %1..."), where)
        )
        self.busy.setRange(0, 0)  # busy until the first step is reported
        self.task = start_task(
            run, name="offline return", progress=self._progress, succeeded=self._done, failed=self._failed
        )

    def _progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        from .worker import report_failure

        self.busy.setVisible(False)
        self.compare_button.setEnabled(True)
        self.status.setText(tr("Dat lukte niet; er is niets gewijzigd."))
        report_failure(self, exc)

    def _done(self, result: ReturnResult) -> None:
        self.result = result
        self.busy.setVisible(False)
        self.compare_button.setEnabled(True)
        self.show_result(result)
        if not result.dry_run:
            self.returned.emit(result)

    def show_result(self, result: ReturnResult) -> None:
        where = source_name(self.info)
        conflicts = len(result.conflicts)
        if result.already_returned:
            text = arg(tr("Deze kopie is al teruggezet naar %1 en sindsdien niet gewijzigd; er is niets te doen."), where)
        elif result.dry_run and result.nothing_to_do:
            text = arg(tr("Er is niets te doen: de kopie en %1 verschillen niet sinds het meenemen."), where)
        elif result.dry_run:
            text = arg(
                tr(
                    "Dit gebeurt bij terugzetten naar %1 (er is nog niets gewijzigd). %2 "
                    "Klik op Terugzetten om het te doen."
                ),
                where,
                plural(
                    conflicts,
                    tr("1 conflict legt de app u daarna voor."),
                    tr("%1 conflicten legt de app u daarna voor."),
                )
                if conflicts
                else tr("Er zijn geen conflicten."),
            )
        else:
            text = arg(tr("Teruggezet naar %1."), where)
            if conflicts:
                text += " " + plural(
                    conflicts,
                    tr("1 conflict wacht op uw besluit; de rest is samengevoegd."),
                    tr("%1 conflicten wachten op uw besluit; de rest is samengevoegd."),
                )
        self.status.setText(text)
        self.list.clear()
        for title, lines in self._items(result):
            group = QTreeWidgetItem(self.list, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for line in lines:
                QTreeWidgetItem(group, [line]).setToolTip(0, line)  # a long line is cut at the right
            group.setExpanded(True)
        self.return_button.setEnabled(result.dry_run and not result.already_returned)
        self.conflicts_button.setVisible(not result.dry_run and conflicts > 0)
        self.conflicts_button.setEnabled(not result.dry_run and conflicts > 0)
        if result.dry_run:
            self.return_button.setDefault(True)
            self.return_button.setFocus()
        elif conflicts:
            self.conflicts_button.setDefault(True)
            self.conflicts_button.setFocus()
        else:
            self.close_button.setFocus()

    def _items(self, result: ReturnResult) -> list[tuple[str, list[str]]]:
        names: dict[str, str] = {}
        database = self.team or self.copy_database  # names of people and organisations, wherever they are
        with database.read_session() as session:
            return result_items(
                result, lambda field, value, table: readable(session, field, value, names, table=table)
            )

    def show_conflicts(self):
        if self.team is None:
            return None
        dialog = OfflineConflictsDialog(self.team, self)
        dialog.open()
        return dialog

    def done(self, code: int) -> None:  # noqa: D102 - closes the team database with the dialog
        if self.task is not None and not self.task.is_done():
            # A return in progress is not abandoned halfway by closing the window.
            self.status.setText(tr("Even geduld: de app is nog bezig. Sluit het venster als dit klaar is."))
            return
        for conflicts in self.findChildren(OfflineConflictsDialog):
            conflicts.close()  # they work on the team database, which closes with this dialog
        super().done(code)
        if self.team is not None:
            self.team.close()
            self.team = None


def open_return_dialog(window: Any):
    """The banner's Terugzetten...: the dialog opens, connects and shows the dry run."""
    from ..services.offline import offline_copy_info

    database = window.database
    if database is None:
        return None
    with database.read_session() as session:
        info = offline_copy_info(session)
    if info is None:
        return None
    dialog = ReturnDialog(database, info, window)
    dialog.returned.connect(lambda _result: window.offline_changed())
    dialog.open()
    dialog.start_dry_run()
    return dialog
