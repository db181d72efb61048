"""The main window: navigation on the left, one page per section, Dutch menus and a status bar.

The window paints before any database is opened (``open_start_database`` runs from the event loop).
Opening a database never writes to a file that ``open_database`` refuses; a missing file at start-up
becomes the demo database. A page is added by creating it in ``_create_pages``: navigation, the
stacked widget, the Beeld menu and saved state follow from that list.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Not ``Qt``: PySide builds the enums of the Qt namespace on its first use, 12 ms measured here, so the
# methods that need it import it after the first paint.
from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import APP_NAME
from .errors import show_error
from .i18n import arg
from .user_name import current_user, set_current_user

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ..db import Database
    from ..engines import ServerAddress
    from ..opening import OpenedDatabase
    from ..settings import Settings
    from .pages.base import Page

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 15_000

#: Below this width or height (logical pixels) the window switches to its narrow layout: 150% scaling on a
#: 1366x768 laptop (910x512) is narrow, on a 1920x1080 one (1280x720) and 1366x768 unscaled are not.
NARROW_WIDTH = 1100
NARROW_HEIGHT = 600

#: The pages in navigation order: key, module under ui/pages, class, and the title as the class translates it.
#: A page is built (module imported, widgets made, data loaded) the first time it is shown or asked for:
#: start-up builds only the page the user left the app on, after the window has painted (measured: window
#: shown 209 -> ~130 ms when pages became lazy, 150 -> 106 ms when the first one waited for the paint).
PAGE_SPECS: tuple[tuple[str, str, str, str], ...] = (
    ("overview", "overview", "OverviewPage", "Overzicht"),
    ("programme", "programme", "ProgrammePage", "Programma"),
    ("meetings", "meetings", "MeetingsPage", "Overleggen"),
    ("actions", "actions", "ActionsPage", "Acties"),
    ("indicators", "indicators", "IndicatorsPage", "Indicatoren"),
    ("working_groups", "working_groups", "WorkingGroupsPage", "Werkgroepen"),
    ("organisations", "organisations", "OrganisationsPage", "Organisaties & personen"),
)
PAGE_KEYS = tuple(spec[0] for spec in PAGE_SPECS)
HEARTBEAT_MS = 5 * 60 * 1000  # filelock.HEARTBEAT_INTERVAL, without importing it at start-up


class MainWindow(QMainWindow):
    """The application window: owns the open ``Database`` and the pages that show it."""

    #: The user chose to quit because no database could be opened.
    quit_requested = Signal()

    def __init__(self, settings: Settings, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.settings = settings
        self.today = today
        set_current_user(settings.value("user/name"))
        from ..recorded_user import set_recorded_user

        set_recorded_user(current_user)  # the change log on SQLite names the user the app knows
        self.database: Database | None = None
        self.opened: OpenedDatabase | None = None  # the database with its lock (None while read-only)
        # One undo stack for the window: every edit is saved at once and can be undone (ui/undo.py).
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(640, 420))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Onderdelen"))
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setSpacing(1)
        self.navigation.setUniformItemSizes(True)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { padding-top: 8px; } QListWidget#navigation::item { padding-left: 10px; }"
        )
        self.stack = QStackedWidget(self)
        self._built: dict[str, Page] = {}
        titles = self.page_titles()
        for title in titles:
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when it is built
        widest = max(self.navigation.fontMetrics().horizontalAdvance(title) for title in titles)
        self.navigation.setMinimumWidth(widest + 48)

        # No arguments: QSplitter(parent) is told from QSplitter(Qt.Orientation) by building the Qt enums.
        self.splitter = QSplitter()  # horizontal; setCentralWidget below takes ownership
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([widest + 56, 1000])
        # Above the pages, the banner of an open offline copy (ui/offline.py): made the first time a copy is shown,
        # so nothing of it is built or imported before the first paint.
        central = QWidget(self)
        self.central_column = QVBoxLayout(central)
        self.central_column.setContentsMargins(0, 0, 0, 0)
        self.central_column.setSpacing(0)
        self.central_column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.offline_banner = None
        # A narrow window (150% scaling on a 1366x768 screen leaves 910x512) hides the list on the left: the
        # pages are chosen in a list in the menu bar's corner instead, which takes no room of its own.
        self.narrow = False
        self.page_chooser = QComboBox(self)
        self.page_chooser.setAccessibleName(self.tr("Onderdelen"))
        self.page_chooser.setToolTip(arg(self.tr("Onderdeel kiezen (ook Ctrl+1 tot en met Ctrl+%1)"), len(titles)))
        self.page_chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for title in titles:
            self.page_chooser.addItem(title)
        self.page_chooser.activated.connect(self.navigation.setCurrentRow)
        self.page_chooser.hide()

        self.database_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_label)
        self._create_menus()
        self._restore_state()
        # Keep the lock fresh so other instances see this one is alive, and back up a day-long session.
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_MS)
        self.heartbeat_timer.timeout.connect(self._heartbeat)
        self.automatic_backup = None  # the running or last automatic backup task (start_automatic_backup)

    @staticmethod
    def page_titles() -> list[str]:
        """The pages' titles in navigation order, translated as each page translates its own."""
        return [QCoreApplication.translate(cls, title) for _key, _module, cls, title in PAGE_SPECS]

    @property
    def pages(self) -> list[Page]:
        """The pages built so far, in navigation order."""
        return [self._built[key] for key in PAGE_KEYS if key in self._built]

    def _build_page(self, key: str) -> Page:
        import importlib

        index = PAGE_KEYS.index(key)
        _key, module_name, class_name, _title = PAGE_SPECS[index]
        page_class = getattr(importlib.import_module(f".pages.{module_name}", __package__), class_name)
        page = page_class(self) if key == "programme" else page_class(self, today=self.today)
        current = self.stack.currentIndex()
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        self._built[key] = page
        page.status_message.connect(self.show_status)
        page.restore_state(self.settings)
        page.set_narrow(self.narrow)
        if self.database is not None:
            page.load(self.database)
        return page

    # Menus.

    def _create_menus(self) -> None:
        # setShortcuts, not setShortcut: PySide tells setShortcut's overloads apart by building the Qt
        # enums (12 ms before the first paint); a standard key also gets all of the platform's bindings.
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.open_action = file_menu.addAction(self.tr("Database &openen..."))
        self.open_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        self.new_action = file_menu.addAction(self.tr("&Nieuwe database..."))
        self.new_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.choose_new_database)
        self.connect_action = file_menu.addAction(self.tr("Verbinden met team&database..."))
        self.connect_action.triggered.connect(lambda: self.connect_team_database())
        self.scale_action = file_menu.addAction(self.tr("&Proefdatabase op schaal maken..."))
        self.scale_action.triggered.connect(lambda: self.make_scale_database())
        file_menu.addSeparator()
        self.take_offline_action = file_menu.addAction(self.tr("Overleg meenemen (o&ffline)..."))
        self.take_offline_action.triggered.connect(lambda: self.take_offline())
        self.return_offline_action = file_menu.addAction(self.tr("Offline &werk terugzetten..."))
        self.return_offline_action.triggered.connect(lambda: self.return_offline_copy())
        self.return_offline_action.setVisible(False)  # in an offline copy (offline_changed)
        self.offline_conflicts_action = file_menu.addAction(self.tr("&Conflicten van offline werk"))
        self.offline_conflicts_action.triggered.connect(lambda: self.show_offline_conflicts())
        self.offline_conflicts_action.setVisible(False)  # while there are any (offline_changed)
        file_menu.addSeparator()
        self.export_action = file_menu.addAction(self.tr("Document &maken..."))
        self.export_action.setShortcuts([QKeySequence(self.tr("Ctrl+E"))])
        self.export_action.triggered.connect(self.make_document)
        self.import_actions_action = file_menu.addAction(self.tr("Actielijst &importeren (Excel)..."))
        self.import_actions_action.triggered.connect(self.import_action_list)
        self.import_programme_action = file_menu.addAction(self.tr("Pro&gramma importeren (Word of Excel)..."))
        self.import_programme_action.triggered.connect(lambda: self.import_programme())
        self.reports_action = file_menu.addAction(self.tr("&Voortgangsrapportages..."))
        self.reports_action.triggered.connect(self.edit_reports)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Reservekopie maken"))
        self.backup_action.triggered.connect(self.make_backup)
        self.restore_action = file_menu.addAction(self.tr("Reservekopie &terugzetten..."))
        self.restore_action.triggered.connect(self.restore_backup)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Afsluiten"))
        self.quit_action.setShortcuts([QKeySequence(self.tr("Ctrl+Q"))])
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        # The menu says what it will undo: "Ongedaan maken: aanwezigheid ..." (the command's own text).
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Ongedaan maken:"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Opnieuw:"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.search_action = edit_menu.addAction(self.tr("&Zoeken..."))
        self.search_action.setShortcuts([QKeySequence.StandardKey.Find, QKeySequence(self.tr("Ctrl+K"))])
        self.search_action.triggered.connect(self.open_search)
        self.user_name_action = edit_menu.addAction(self.tr("Uw &naam in de geschiedenis..."))
        self.user_name_action.triggered.connect(self.ask_user_name)

        view_menu = self.menuBar().addMenu(self.tr("Bee&ld"))
        self.page_actions: list[QAction] = []
        group = QActionGroup(self)
        for number, (key, title) in enumerate(zip(PAGE_KEYS, self.page_titles(), strict=True), start=1):
            action = view_menu.addAction(title.replace("&", "&&"))  # "Organisaties & personen", no mnemonic
            action.setCheckable(True)
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _checked=False, key=key: self.show_page(key))
            group.addAction(action)
            self.page_actions.append(action)
        view_menu.addSeparator()
        self.refresh_action = view_menu.addAction(self.tr("&Vernieuwen"))
        self.refresh_action.setShortcuts(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        language_menu = view_menu.addMenu(self.tr("&Taal"))
        language_group = QActionGroup(self)
        for code, name in (("nl", "Nederlands"), ("en", "English")):  # each language in its own words
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _checked=False, code=code: self._choose_language(code))
            language_group.addAction(action)

        meeting_menu = self.menuBar().addMenu(self.tr("&Overleg"))
        self.new_meeting_action = meeting_menu.addAction(self.tr("&Nieuw overleg..."))
        self.new_meeting_action.setShortcuts([QKeySequence(self.tr("Ctrl+Shift+N"))])
        self.new_meeting_action.triggered.connect(
            lambda: (self.show_page("meetings"), self.page("meetings").new_meeting())
        )
        self.save_ics_action = meeting_menu.addAction(self.tr("Uitnodiging als .&ics opslaan..."))
        self.save_ics_action.triggered.connect(lambda: self.page("meetings").meeting.save_ics())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = help_menu.addAction(self.tr("&Handleiding"))
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.help_action.setToolTip(self.tr("De handleiding bij het scherm dat u ziet (F1)"))
        self.help_action.triggered.connect(lambda: self.show_help())
        self.help_dialog = None
        self.about_action = help_menu.addAction(self.tr("&Over GHNT Desktop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _choose_language(self, code: str) -> None:
        if code == self.settings.language:
            return
        self.settings.language = code
        self.show_status(self.tr("De nieuwe taal wordt gebruikt na het opnieuw starten van GHNT Desktop."))

    def show_help(self, screen: str | None = None) -> None:
        """Open the user guide at the page of ``screen`` (a page key or "search"; default: the page in view)."""
        from .help_dialog import HELP_PAGES, INDEX, HelpDialog

        if screen is None:
            screen = PAGE_KEYS[max(self.stack.currentIndex(), 0)]
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show_page(HELP_PAGES.get(screen, INDEX))
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def show_about(self) -> None:
        """Help > Over: version, the open database and the versions of the libraries underneath."""
        QMessageBox.about(self, self.tr("Over GHNT Desktop"), self.about_text())

    def about_text(self) -> str:
        import sqlite3
        import sys
        from importlib.metadata import PackageNotFoundError, version

        import PySide6
        from PySide6.QtCore import qVersion

        def package(name: str) -> str:
            try:
                return version(name)
            except PackageNotFoundError:  # frozen builds may lack the metadata
                return "?"

        database = str(self.database.path) if self.database is not None else self.tr("(geen database geopend)")
        libraries = [
            f"Python {sys.version.split()[0]}",
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"SQLAlchemy {package('SQLAlchemy')}, Alembic {package('alembic')}, SQLite {sqlite3.sqlite_version}",
            f"python-docx {package('python-docx')}, openpyxl {package('openpyxl')}",
        ]
        return arg(
            self.tr(
                "<h3>GHNT Desktop %1</h3><p>Programma, overleggen, verslagen en actielijsten van het "
                "regionale netwerk <i>Geweld hoort nergens thuis</i>.</p>"
                "<p><b>Database:</b> %2</p><p><b>Onderdelen:</b><br>%3</p><p>Licentie: EUPL-1.2</p>"
            ),
            __version__,
            database,
            "<br>".join(libraries),
        )

    # Pages.

    def page(self, key: str) -> Page:
        """The page ``key``, up to date: built (and loaded) now if it was not yet, reloaded if stale."""
        page = self._built.get(key)
        if page is None:
            return self._build_page(key)
        if page.stale and self.database is not None:
            page.load(self.database)
        return page

    def current_page(self) -> Page:
        return self.page(PAGE_KEYS[max(self.stack.currentIndex(), 0)])

    def current_place(self) -> tuple[str, object] | None:
        """Where the user is: the page in view and what it shows (``Page.location``), for undo to return to."""
        key = PAGE_KEYS[max(self.stack.currentIndex(), 0)]
        page = self._built.get(key)
        return (key, page.location()) if page is not None else None

    def show_place(self, place: tuple[str, object]) -> None:
        """Show a place ``current_place`` gave: the page, then the record on it."""
        key, location = place
        if key not in PAGE_KEYS:
            return
        self.show_page(key)
        if location is not None:
            self.page(key).show_location(location)

    def show_page(self, key: str) -> None:
        if key in PAGE_KEYS:
            self.navigation.setCurrentRow(PAGE_KEYS.index(key))

    def _page_chosen(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS):
            self.page(PAGE_KEYS[row])
            self.stack.setCurrentIndex(row)
            self.page_actions[row].setChecked(True)
            self.page_chooser.setCurrentIndex(row)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    # Databases.

    def open_start_database(self, path: Path | str, *, ask: bool = False) -> bool:
        """Open ``path`` at start-up: a missing file becomes the demo database; refusal offers another file.

        With ``ask`` (an interactive first start, not the tests, the smoke test or an offscreen run) a missing
        file first offers the choice between the demo and a new region of the user's own. A ``postgresql://``
        URL (``--db``) connects to that team database; without a stored password the connect dialog asks for it.
        """
        from ..engines import ServerAddress, is_server_url

        if is_server_url(path):
            from ..credentials import stored_password

            address = ServerAddress.parse(str(path))
            if stored_password(address) is None and not os.environ.get("PGPASSWORD"):
                return self.connect_team_database(address, at_start=True)
            return self.open_server(address, at_start=True)
        path = Path(path).expanduser().absolute()
        if not (path.exists() and path.stat().st_size > 0):
            if ask:
                return self._first_start(path)
            return self._create_demo(path)
        return self.open_database_file(path, at_start=True)

    def _first_start(self, path: Path) -> bool:
        """No database yet: the demo, a new region (its form; Annuleren comes back here) or another file."""
        from .new_region import NewRegionDialog, StartChoiceDialog

        while True:
            choice = StartChoiceDialog(self)
            choice.exec()
            if choice.choice == StartChoiceDialog.NEW_REGION:
                dialog = NewRegionDialog(self)
                if dialog.exec() and dialog.spec is not None:
                    return self.create_region_database(path, dialog.spec, at_start=True)
                continue
            if choice.choice == StartChoiceDialog.OPEN and self.choose_database(at_start=True):
                return True
            if choice.choice == StartChoiceDialog.DEMO:
                return self._create_demo(path)

    def create_region_database(self, path: Path, spec, *, at_start: bool = False) -> bool:
        """Create the database ``path`` for the new region ``spec`` (a checked ``NewRegion``) and show it."""
        from ..services.new_region import create_region

        if not self.open_database_file(path, at_start=at_start, create=True) or self.database is None:
            return False
        try:
            summary = self.database.write(lambda session: create_region(session, spec))
        except Exception as exc:  # noqa: BLE001 - shown to the user; the new file stays, empty and valid
            show_error(self, exc)
            return True
        self.refresh()
        self.show_status(
            arg(
                self.tr("Nieuwe regio %1 aangemaakt in %2: %3 actielijnen, %4 gemeenten, %5 ketenpartners."),
                spec.region,
                path,
                summary.sections,
                summary.municipalities,
                summary.partners,
            )
        )
        return True

    def _create_demo(self, path: Path) -> bool:
        _set_wait_cursor()
        try:
            try:
                from ..demo import create_demo_database
            except ImportError:
                create_demo_database = None
            if create_demo_database is not None:
                create_demo_database(path)
                message = arg(self.tr("Er was nog geen database: een demodatabase is aangemaakt in %1."), path)
            else:
                message = arg(self.tr("Er was nog geen database: een lege database is aangemaakt in %1."), path)
        except Exception as exc:
            from ..db import DatabaseError

            QGuiApplication.restoreOverrideCursor()
            if isinstance(exc, DatabaseError):
                return self._refused(exc, at_start=True)
            raise
        QGuiApplication.restoreOverrideCursor()
        opened = self.open_database_file(path, at_start=True)
        if opened:
            self.show_status(message)
        return opened

    def ask_user_name(self) -> bool:
        """Ask the name that history and progress rows record (kept in the settings); False when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self,
            self.tr("Uw naam"),
            self.tr(
                "Onder welke naam legt de app uw wijzigingen en voortgang vast?\n"
                "Bijvoorbeeld: Anna de Vries (secretaris)."
            ),
            text=self.settings.value("user/name"),
        )
        name = " ".join(name.split())
        if not ok or not name:
            return False
        self.settings.set_value("user/name", name)
        set_current_user(name)
        return True

    def open_database_file(self, path: Path, *, at_start: bool = False, create: bool = False) -> bool:
        """Open ``path`` for editing (lock, migration, daily backup) and show it in every page.

        Another instance holding the file (or a read-only file or folder) leads to the offer to open it
        read-only; any other ``DatabaseError`` to the offer to open another file or restore a backup.
        """
        from ..db import DatabaseError
        from ..filelock import DatabaseInUseError, LockUnavailableError
        from ..opening import open_for_editing, open_read_only

        path = Path(path).expanduser().absolute()
        _set_wait_cursor()
        try:
            try:
                opened = open_for_editing(path, create=create, backup=False)  # backup: after showing it
            except (DatabaseInUseError, LockUnavailableError) as exc:
                QGuiApplication.restoreOverrideCursor()
                if not self._ask_read_only(exc):
                    if at_start and self.database is None:
                        return self.choose_database(at_start=True) or self._quit_at_start()
                    return False
                _set_wait_cursor()
                opened = open_read_only(path)
        except DatabaseError as exc:
            QGuiApplication.restoreOverrideCursor()
            log.warning("Database %s refused: %s", path, exc)
            return self._refused(exc, at_start=at_start, path=path)
        try:
            self.set_opened(opened)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.start_automatic_backup()
        return True

    # Team databases.

    def _last_server(self) -> ServerAddress | None:
        from ..engines import ServerAddress

        try:
            return (
                ServerAddress.parse(self.settings.value("database/last_server"))
                if self.settings.value("database/last_server")
                else None
            )
        except ValueError:
            return None

    def connect_team_database(
        self, address: ServerAddress | None = None, *, problem: str = "", at_start: bool = False
    ) -> bool:
        """Bestand > Verbinden met teamdatabase: ask the address and password, then connect."""
        from PySide6.QtWidgets import QDialog

        from ..credentials import remember_password, store_available
        from .server_dialog import ConnectDialog

        dialog = ConnectDialog(
            address or self._last_server(), store_available=store_available(), problem=problem, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            if at_start and self.database is None:
                return self.choose_database(at_start=True) or self._quit_at_start()
            return False
        chosen, password = dialog.address(), dialog.password.text()
        if not self.open_server(chosen, password=password or None, at_start=at_start):
            return False
        if password and dialog.remember.isChecked() and not remember_password(chosen, password):
            self.show_status(self.tr("Het wachtwoord kon niet in de wachtwoordkluis worden bewaard."))
        return True

    def open_server(self, address: ServerAddress, *, password: str | None = None, at_start: bool = False) -> bool:
        """Connect to the team database at ``address`` and show it; a failure offers to retry or open a file."""
        from ..db import DatabaseError, ServerUnavailableError
        from ..opening import open_server

        _set_wait_cursor()
        try:
            opened = open_server(address, password=password)
        except DatabaseError as exc:
            QGuiApplication.restoreOverrideCursor()
            log.warning("Team database %s refused: %s", address.url, exc)
            return self._server_refused(exc, address, at_start=at_start, retry=isinstance(exc, ServerUnavailableError))
        try:
            self.settings.set_value("database/last_server", address.url)
            self.set_opened(opened)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _server_refused(self, exc: Exception, address: ServerAddress, *, at_start: bool, retry: bool) -> bool:
        """The Dutch message of a failed connection, with the choice to retry or open a local file."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Teamdatabase niet bereikbaar"))
        box.setText(str(exc))
        box.setInformativeText(self.tr("Wilt u het opnieuw proberen, of een databasebestand op deze computer openen?"))
        again = box.addButton(self.tr("Opnieuw proberen..."), QMessageBox.ButtonRole.AcceptRole) if retry else None
        local = box.addButton(self.tr("Lokaal bestand openen..."), QMessageBox.ButtonRole.ActionRole)
        if at_start and self.database is None:
            stop = box.addButton(self.tr("Afsluiten"), QMessageBox.ButtonRole.RejectRole)
        else:
            stop = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(again or local)
        box.setEscapeButton(stop)
        box.exec()
        if again is not None and box.clickedButton() is again:
            return self.connect_team_database(address, problem=str(exc), at_start=at_start)
        if box.clickedButton() is local and self.choose_database(at_start=at_start):
            return True
        if self.database is None and at_start:
            self.quit_application()
        return False

    def _quit_at_start(self) -> bool:
        self.quit_application()
        return False

    def _ask_read_only(self, exc: Exception) -> bool:
        """Another instance has the file (or it cannot be written): open it read-only?"""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Database is in gebruik"))
        box.setText(str(exc))
        box.setInformativeText(
            self.tr("U kunt de database alleen-lezen openen: bekijken en documenten maken kan, wijzigen niet.")
        )
        read_only = box.addButton(self.tr("Alleen-lezen openen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        return box.clickedButton() is read_only

    def _refused(self, exc: Exception, *, at_start: bool, path: Path | None = None) -> bool:
        """The Dutch message of a refused database, with the choice to open another file or quit/cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Database kan niet worden geopend"))
        box.setText(str(exc))
        box.setInformativeText(self.tr("Het bestand is niet gewijzigd. Wilt u een ander bestand openen?"))
        other = box.addButton(self.tr("Ander bestand openen..."), QMessageBox.ButtonRole.AcceptRole)
        restore = None
        if path is not None and path.exists() and self._has_backups(path):
            restore = box.addButton(self.tr("Reservekopie terugzetten..."), QMessageBox.ButtonRole.ActionRole)
        if at_start and self.database is None:
            stop = box.addButton(self.tr("Afsluiten"), QMessageBox.ButtonRole.RejectRole)
        else:
            stop = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(other)
        box.setEscapeButton(stop)
        box.exec()
        if restore is not None and box.clickedButton() is restore and path is not None:
            if self._restore_into(path):
                return self.open_database_file(path, at_start=at_start)
            return self._refused(exc, at_start=at_start, path=path)
        if box.clickedButton() is other:
            if self.choose_database(at_start=at_start):
                return True
            if self.database is not None:
                return False
        if self.database is None and at_start:
            self.quit_application()
        return False

    def quit_application(self) -> None:
        """Close the window and ask the application to stop (``run_gui`` ends the event loop)."""
        self.close()
        self.quit_requested.emit()

    def database_filter(self) -> str:
        return self.tr("GHNT-database (*.db *.sqlite);;Alle bestanden (*)")

    def choose_database(self, *, at_start: bool = False) -> bool:
        """Ask for an existing database file and open it."""
        start = str(self.database.path.parent) if self.database is not None and self.database.is_file else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Database openen"), start, self.database_filter())
        if not name:
            return False
        return self.open_database_file(Path(name), at_start=at_start)

    def _ask_new_database_path(self, title: str) -> Path | None:
        """A new file name for a database from the save dialog; None when cancelled or the file exists."""
        start = str(self.database.path.parent) if self.database is not None and self.database.is_file else ""
        name, _ = QFileDialog.getSaveFileName(self, title, start, self.database_filter())
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".db")
        if path.exists() and path.stat().st_size > 0:
            # Never overwrite: the save dialog's own question is about replacing, which we do not do.
            show_error(
                self,
                ValueError(arg(self.tr("Het bestand %1 bestaat al; kies een nieuwe naam."), path.name)),
            )
            return None
        return path

    def choose_new_database(self) -> bool:
        """Bestand > Nieuwe database: the new region's answers, then a new file name; the region is made there."""
        from .new_region import NewRegionDialog

        dialog = NewRegionDialog(self)
        if not dialog.exec() or dialog.spec is None:
            return False
        path = self._ask_new_database_path(self.tr("Nieuwe database"))
        if path is None:
            return False
        return self.create_region_database(path, dialog.spec)

    def set_opened(self, opened: OpenedDatabase) -> None:
        """Show an opened database (with its lock, or read-only) in every page."""
        self.set_database(opened.database)
        self.opened = opened
        if opened.read_only:
            self.heartbeat_timer.stop()
            self.setWindowTitle(f"{APP_NAME} - {self._database_name(opened.database)} " + self.tr("(alleen-lezen)"))
        elif opened.lock is not None:
            self.heartbeat_timer.start()

    def set_database(self, database: Database) -> None:
        """Show ``database`` in every page (closing the one shown before, and releasing its lock)."""
        self._close_current()
        self.undo_stack.clear()  # commands hold ids of the database that was open
        self.database = database
        if not database.is_file:  # a server that goes away is waited for without freezing the window
            from .reconnect import ReconnectWaiter

            database.reconnect_waiter = ReconnectWaiter(self)
        self.setWindowTitle(f"{APP_NAME} - {self._database_name(database)}")
        if database.is_file:
            self.settings.set_value("database/last_path", str(database.path))
            self.setWindowFilePath(str(database.path))
            where = str(database.path)
        else:
            self.setWindowFilePath("")
            assert database.address is not None
            where = arg(self.tr("Teamdatabase %1 als %2"), database.label, database.address.user)
        # Backups, restoring and a test database on scale are things of a file; a server has its administrator.
        for action in (self.backup_action, self.restore_action, self.scale_action):
            action.setEnabled(database.is_file)
        from PySide6.QtCore import Qt  # after the first paint (see the imports above)

        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setText(where)
        self.database_label.setToolTip(str(database.path) if database.is_file else database.address.url)
        self.refresh()
        if not database.read_only or database.is_file:  # a read-only file still shows the writer's changes
            from .live_updates import LiveUpdates

            self.live_updates = LiveUpdates(database, self._others_changed, self)
            self.live_updates.start()
        self.offline_changed(reload=False)

    # Offline copies (ui/offline.py, ui/offline_conflicts.py).

    def offline_changed(self, *, reload: bool = True) -> None:
        """Show whether the open database is an offline copy (title, banner) and its offline conflicts (menu)."""
        from .offline import copy_description, offline_state

        if self.database is None:
            return
        state = offline_state(self.database)
        if state.copy is not None and self.offline_banner is None:
            from .offline import OfflineBanner

            self.offline_banner = OfflineBanner(self.centralWidget())
            self.offline_banner.return_requested.connect(lambda: self.return_offline_copy())
            self.offline_banner.source_requested.connect(lambda: self.open_offline_source())
            self.central_column.insertWidget(0, self.offline_banner)
        if self.offline_banner is not None:
            self.offline_banner.show_copy(state.copy)
        if state.copy is not None:
            self.setWindowTitle(f"{APP_NAME} - {copy_description(state.copy)}")
            self.database_label.setText(self.tr("Offline kopie:") + f" {self.database.path}")
        self.offline_conflicts_action.setText(arg(self.tr("&Conflicten van offline werk (%1)"), state.open_conflicts))
        self.offline_conflicts_action.setVisible(state.open_conflicts > 0)
        self.take_offline_action.setEnabled(state.copy is None)  # a copy of a copy would return to the copy
        self.return_offline_action.setVisible(state.copy is not None)
        if reload:
            self.refresh()  # a return renumbers and marks the copy; a decided conflict changes a record

    def take_offline(self) -> None:
        """Bestand > Overleg meenemen (offline): a meeting or the whole database into a copy to work on offline."""
        from .offline import take_offline_from

        take_offline_from(self)

    def return_offline_copy(self):
        """The banner's Terugzetten...: the dry run, then the return, of the open offline copy."""
        from .offline import open_return_dialog

        return open_return_dialog(self)

    def open_offline_source(self) -> bool:
        """The banner of a returned copy: open the database it came from (a file, or the team database)."""
        from ..engines import ServerAddress, is_server_url
        from .offline import offline_state

        copy = offline_state(self.database).copy if self.database is not None else None
        if copy is None:
            return False
        if is_server_url(copy.source):
            address = ServerAddress.parse(copy.source)
            from ..credentials import stored_password

            if stored_password(address) is None and not os.environ.get("PGPASSWORD"):
                return self.connect_team_database(address)
            return self.open_server(address)  # as at start-up: the stored password
        return self.open_database_file(Path(copy.source))

    def show_offline_conflicts(self):
        """Bestand > Conflicten van offline werk: decide what both sides changed."""
        from .offline_conflicts import open_conflicts_dialog

        return open_conflicts_dialog(self)

    def _others_changed(self) -> bool:
        """Another user's change arrived: reload, unless the page in view holds unsaved edits (then later)."""
        from PySide6.QtWidgets import QAbstractItemView, QApplication

        page = self._built.get(PAGE_KEYS[max(self.stack.currentIndex(), 0)])
        if page is not None and page.has_unsaved_edits():
            return False
        # A cell being edited in a table (a status, an agenda title): reloading the model would close its editor.
        widget = QApplication.focusWidget()
        while widget is not None:
            if isinstance(widget, QAbstractItemView) and widget.state() == QAbstractItemView.State.EditingState:
                return False
            widget = widget.parentWidget()
        self.refresh()
        self.offline_changed(reload=False)  # a colleague's return may have left conflicts to decide
        return True

    def _database_name(self, database: Database) -> str:
        """The database in the title: the file's name, or "ghnt op server:5432 (teamdatabase)"."""
        if database.is_file:
            return database.path.name
        return f"{database.label} " + self.tr("(teamdatabase)")

    def _close_current(self) -> None:
        if getattr(self, "live_updates", None) is not None:
            self.live_updates.stop()
            self.live_updates = None
        if self.database is not None:
            for page in self.pages:
                page.clear()
        if self.opened is not None:
            self.opened.close()  # closes the database, then releases the lock
        elif self.database is not None:
            self.database.close()
        self.opened = None
        self.database = None
        self.heartbeat_timer.stop()

    def _heartbeat(self) -> None:
        """Refresh the lock; once a day (at most) a backup for sessions that run past midnight."""
        from ..filelock import LockLostError

        if self.opened is None or self.opened.lock is None:
            return
        try:
            self.opened.lock.refresh()
        except LockLostError as exc:
            self.heartbeat_timer.stop()
            show_error(self, exc)
            return
        self.start_automatic_backup()

    # Backups.

    def start_automatic_backup(self) -> None:
        """The automatic backup of the open database when none was made today, in a worker task.

        On a ten-year database, copying and checking the file took 0.6 s, which the window must not wait
        for; the copy is a consistent snapshot while edits go on. Cheap when not due (a folder listing).
        A failure shows in the status bar: the database stays open.
        """
        from ..backup import backup_on_open
        from .worker import start_task

        if self.opened is None or self.opened.lock is None:
            return  # read-only (another instance makes the backups) or a team database (its administrator does)
        if self.automatic_backup is not None and not self.automatic_backup.is_done():
            return
        path = self.opened.database.path
        self.automatic_backup = start_task(
            lambda _progress, _cancelled: backup_on_open(path),
            name="automatic backup",
            failed=self._automatic_backup_failed,
        )

    def _automatic_backup_failed(self, exc: BaseException) -> None:
        from ..backup import BackupError

        if isinstance(exc, BackupError):  # anything else is logged by the task
            self.show_status(str(exc))

    @staticmethod
    def _has_backups(path: Path) -> bool:
        from ..backup import list_backups

        return bool(list_backups(path, with_summary=False))

    def make_backup(self) -> None:
        """Bestand > Reservekopie maken: a copy of the open database now, beside it in backups/.

        Runs off the GUI thread (a big database takes seconds) with a progress dialog that appears when
        the copy takes longer than half a second and can cancel it.
        """
        from ..backup import make_backup as backup_now
        from .worker import DialogTask, check_cancelled

        if self.database is None:
            return
        path = self.database.path

        def copy(progress, cancelled):
            def report(done: int, total: int) -> None:
                check_cancelled(cancelled)
                progress(done, total)

            return backup_now(path, progress=report)

        self.backup_task = DialogTask(
            self,
            copy,
            name="backup",
            label=self.tr("Reservekopie maken..."),
            title=self.tr("Reservekopie"),
            succeeded=self._backup_done,
            cancelled=self._backup_cancelled,
        )

    def _backup_done(self, info) -> None:
        self.show_status(arg(self.tr("Reservekopie gemaakt: %1"), info.path))

    def _backup_cancelled(self) -> None:
        self.show_status(self.tr("Reservekopie geannuleerd."))

    def make_scale_database(self, size=None) -> None:
        """Bestand > Proefdatabase op schaal maken: ten years of a region (about 100,000 action items).

        For trying the app, or a report of a problem, at the size a region reaches: generated off the GUI
        thread with a progress dialog that can cancel it (nothing is left behind then), and opened when
        the user wants. ``size`` (a ``scale.ScaleSize``) is for tests.
        """
        from .worker import DialogTask, check_cancelled

        path = self._ask_new_database_path(self.tr("Proefdatabase op schaal opslaan"))
        if path is None:
            return

        def build(progress, cancelled):
            from ..scale import ScaleSize, create_scale_database

            def report(done: int, total: int, _step: str) -> None:
                check_cancelled(cancelled)
                progress(done, total)

            return path, create_scale_database(path, size=size or ScaleSize(), progress=report)

        self.scale_task = DialogTask(
            self,
            build,
            name="scale database",
            label=self.tr("Proefdatabase maken: tien jaar overleggen, besluiten en actiepunten..."),
            title=self.tr("Proefdatabase op schaal"),
            succeeded=self._scale_done,
            cancelled=self._scale_cancelled,
            delay_ms=300,
        )

    def _scale_done(self, result) -> None:
        path, counts = result
        answer = QMessageBox.question(
            self,
            self.tr("Proefdatabase op schaal"),
            arg(
                self.tr("De proefdatabase %1 is gemaakt: %2 overleggen en %3 actiepunten. Nu openen?"),
                path.name,
                f"{counts['meeting']:,}".replace(",", "."),
                f"{counts['action_item']:,}".replace(",", "."),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_database_file(path)
        else:
            self.show_status(arg(self.tr("Proefdatabase gemaakt: %1"), path))

    def _scale_cancelled(self) -> None:
        self.show_status(self.tr("Proefdatabase geannuleerd; er is geen bestand achtergebleven."))

    def restore_backup(self) -> None:
        """Bestand > Reservekopie terugzetten: replace the open database by a backup (undo cleared)."""
        from ..db import DatabaseError
        from .backup_dialog import RestoreBackupDialog

        if self.opened is None or self.opened.read_only:
            show_error(self, DatabaseError(self.tr("Een alleen-lezen geopende database kan niet worden teruggezet.")))
            return
        dialog = RestoreBackupDialog(self.opened.database.path, self)
        if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        for page in self.pages:
            page.clear()
        self.undo_stack.clear()
        try:
            result = self.opened.restore(dialog.chosen())
        except DatabaseError as exc:
            show_error(self, exc)
            result = None
        self.database = self.opened.database
        self.refresh()
        if result is not None:
            self.show_status(
                arg(self.tr("Reservekopie teruggezet; het vorige bestand staat in %1."), result.safety_copy or "-")
            )

    def _restore_into(self, path: Path) -> bool:
        """Replace a database that cannot be opened by a chosen backup; True when restored."""
        from ..backup import restore_backup
        from ..db import DatabaseError
        from .backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(path, self)
        if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        try:
            restore_backup(dialog.chosen(), path)
        except DatabaseError as exc:
            show_error(self, exc)
            return False
        return True

    # Documents (ui/export_dialog.py, ui/import_wizard.py).

    def make_document(self):
        """Bestand > Document maken: the export dialog, for the meeting selected on the meetings page."""
        from .export_dialog import open_export_dialog

        meeting_id = None
        if self.current_page().key == "meetings":
            selected = getattr(self.current_page(), "selected_meeting", lambda: None)()
            meeting_id = getattr(selected, "id", None)
        return open_export_dialog(self, kind="verslag" if meeting_id else None, meeting_id=meeting_id)

    def import_action_list(self):
        """Bestand > Actielijst importeren: a returned actielijst or a list kept by hand."""
        from .import_wizard import open_import_wizard

        return open_import_wizard(self)

    def import_programme(self, path=None):
        """Bestand > Programma importeren: a programme from its Word table or an Excel list, after a preview."""
        from .programme_import_wizard import open_programme_import_wizard

        return open_programme_import_wizard(self, path)

    def edit_reports(self):
        """Bestand > Voortgangsrapportages: create and edit the saved reports (metadata and texts)."""
        from .report_dialog import open_report_dialog

        return open_report_dialog(self)

    # Search.

    def open_search(self) -> None:
        """Bewerken > Zoeken: the search window (one per main window, kept between uses)."""
        from .search_dialog import SearchDialog

        if getattr(self, "search_dialog", None) is None:
            self.search_dialog = SearchDialog(self)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()
        self.search_dialog.field.setFocus()
        self.search_dialog.field.selectAll()

    def show_record(self, kind: str, record_id, meeting_id=None, organisation_id=None) -> bool:
        """Show a record where it lives: action items and programme actions in Acties, ambities in Programma,
        organisations and people (by their ``organisation_id``) in Organisaties & personen, indicators in
        Indicatoren, the rest in its meeting."""
        if kind == "indicator":
            self.show_page("indicators")
            return self.page("indicators").select_indicator(record_id)
        if kind == "ambition":
            self.show_page("programme")
            return self.page("programme").select_id(record_id)
        if kind in ("organisation", "person"):
            self.show_page("organisations")
            page = self.page("organisations")
            if kind == "organisation":
                return page.select_organisation(record_id)
            return (
                organisation_id is not None
                and page.select_organisation(organisation_id)
                and page.select_person(record_id)
            )
        if kind in ("action_item", "programme_action"):
            page = self.page("actions")
            self.show_page("actions")
            if page.select_action(record_id.hex):
                return True
            page.clear_filters()
            if page.select_action(record_id.hex):
                return True
        if meeting_id is not None:
            self.show_page("meetings")
            return self.page("meetings").select_meeting(meeting_id)
        return False

    def apply_changes(self, changes) -> None:
        """Tell every page what a service changed; each decides whether it must reload."""
        if self.database is None:
            return
        for page in self.pages:
            page.apply_changes(changes)

    def refresh(self) -> None:
        """Reload the page in view from the database; the others when they are next shown or asked for."""
        if self.database is None:
            return
        key = PAGE_KEYS[max(self.stack.currentIndex(), 0)]
        if key in self._built:
            self._built[key].load(self.database)
        else:
            self._build_page(key)  # which loads it
        for page in self.pages:
            if page.key != key:
                page.stale = True  # on a ten-year database reloading every page took 0.5 s

    # State kept between runs.

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            if available is not None and available.width() > 0:
                self.resize(min(1400, int(available.width() * 0.9)), min(880, int(available.height() * 0.9)))
            else:
                self.resize(1280, 800)
        state = self.settings.value("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        # The page the user left the app on is chosen here and built by ``current_page``: after the first
        # paint at start-up (app.run_gui), or when a database is shown, whichever comes first.
        last = self.settings.last_page
        start = PAGE_KEYS.index(last) if last in PAGE_KEYS else 0
        self.navigation.setCurrentRow(start)
        self.stack.setCurrentIndex(start)
        self.page_actions[start].setChecked(True)
        self.navigation.currentRowChanged.connect(self._page_chosen)
        # The main splitter is restored when the window is first shown: before that it has no width to share.
        self._splitter_restored = False

    def save_state(self) -> None:
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/state", self.saveState())
        # QSplitter saves the sizes last asked for, not the ones its layout gave: make them the same first.
        self.splitter.setSizes(self.splitter.sizes())
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.last_page = self.current_page().key
        for page in self.pages:
            page.save_state(self.settings)
        self.settings.sync()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            state = self.settings.splitter_state("main")
            if not state.isEmpty():
                self.splitter.restoreState(state)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.set_narrow(self.width() < NARROW_WIDTH or self.height() < NARROW_HEIGHT)

    def set_narrow(self, narrow: bool) -> None:
        """Switch between the normal layout and the narrow one (see ``NARROW_WIDTH``); each page follows."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.navigation.setVisible(not narrow)
        if narrow:
            self.menuBar().setCornerWidget(self.page_chooser)  # top right
        self.page_chooser.setVisible(narrow)
        self.menuBar().adjustSize()
        for page in self.pages:
            page.set_narrow(narrow)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_state()
        self._close_current()
        super().closeEvent(event)


def _set_wait_cursor() -> None:
    from PySide6.QtCore import Qt  # after the first paint (see the imports above)

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
