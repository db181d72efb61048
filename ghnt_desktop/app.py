"""Start-up of the GUI: application, translations, error handling, then the main window, then the database.

Only what the first paint needs is imported before the window shows: Qt and the main window's frame
(navigation, menus, status bar). The page the user left the app on is built right after that paint;
SQLAlchemy, the models and the services are imported when the database is opened, from the event loop;
docx, openpyxl and alembic only when a document is made or a database must be created or migrated.
tests/test_startup.py keeps the first paint free of them.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from .paths import APP_ID, ORGANISATION

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None):
    """The ``QApplication`` (reused when one exists, as in tests) with the app's names set."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_ID)
    # No applicationDisplayName: Qt would append it to every window title, which already starts with it.
    from . import __version__

    app.setApplicationVersion(__version__)
    icon = _app_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app


def _app_icon():
    from PySide6.QtGui import QIcon

    from .paths import resource

    path = resource("icons", "ghnt-desktop.svg")
    return QIcon(str(path)) if path.exists() else None


def run_gui(
    db_path: Path | None, language: str | None, *, settings=None, exec_loop: bool = True, smoke_test: bool = False
) -> int:
    """Run the app on ``db_path`` (default: the database in the user's data folder); returns the exit code.

    ``language`` ("nl" or "en") overrides the saved setting and is saved. Tests pass ``settings`` and
    ``exec_loop=False`` to get the window without entering the event loop. ``smoke_test`` quits as soon
    as the database is shown (the packaged build's smoke test): exit code 0 when it opened.
    """
    from PySide6.QtCore import QTimer

    from .paths import default_database_path, log_dir
    from .settings import Settings
    from .ui.errors import install_excepthook, setup_logging
    from .ui.i18n import install_translators, use_dutch_system_dates

    settings = settings or Settings()
    if language:
        settings.language = language
    use_dutch_system_dates(settings.language)  # before Qt reads the system locale
    app = create_application()
    app._ghnt_translators = install_translators(app, settings.language)  # type: ignore[attr-defined]
    # The hook is in place before any window; its log file is opened once the window has painted.
    hook = install_excepthook(None)
    if smoke_test:
        # Unattended (the packaged build's smoke test): an unexpected error must fail the run, not wait
        # for someone to close a dialog.
        import traceback

        def fail(exc_type, exc, tb) -> None:
            traceback.print_exception(exc_type, exc, tb)
            os._exit(1)

        sys.excepthook = fail

    from .ui.mainwindow import MainWindow

    window = MainWindow(settings)
    window.quit_requested.connect(lambda: app.exit(1))
    window.show()
    app.processEvents()  # the first paint, before anything that can wait (log file, database)
    _trace_startup()
    window.current_page()  # the page the user left the app on, built after the frame has painted
    try:
        hook.log_file = setup_logging(log_dir())
    except OSError:
        pass  # a read-only profile: the app still runs, errors still show their dialog
    log.info("GHNT Desktop started (language %s)", settings.language)
    app._ghnt_main_window = window  # type: ignore[attr-defined]  # kept alive with the app
    path = db_path if db_path is not None else default_database_path()

    # After the first paint: opening may migrate or create the demo database. An interactive first start
    # (the event loop runs, a real display) asks demo or new region first; tests, the smoke test and
    # offscreen runs (CI) keep making the demo without a question.
    ask = exec_loop and not smoke_test and os.environ.get("QT_QPA_PLATFORM", "") != "offscreen"

    def open_database() -> bool:
        opened = window.open_start_database(path, ask=ask)
        if os.environ.get("GHNT_STARTUP_TRACE"):
            print("ghnt-startup loaded", flush=True)
        return opened

    if smoke_test:

        def open_build_every_page_and_quit() -> None:
            opened = open_database()
            # Pages are built when first shown: build them all here, so a module missing from a
            # packaged build fails the smoke test instead of a user's first click.
            from .ui.mainwindow import PAGE_KEYS

            for key in PAGE_KEYS:
                window.show_page(key)
            # Qt's own buttons and dialogs speak the user's language: the packaged qtbase_nl.qm was found.
            if settings.language == "nl":
                from PySide6.QtWidgets import QDialogButtonBox

                box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
                cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
                if cancel != "Annuleren":
                    print(f"Qt's Dutch translation is missing: Cancel reads {cancel!r}", file=sys.stderr)
                    opened = False
            app.exit(0 if opened else 1)

        QTimer.singleShot(0, open_build_every_page_and_quit)
    elif exec_loop:

        def open_and_ask_name() -> None:
            # First start: history and progress rows record the name the user gives, not the login.
            if open_database() and not settings.value("user/name"):
                window.ask_user_name()

        QTimer.singleShot(0, open_and_ask_name)
    else:
        QTimer.singleShot(0, open_database)
    if not exec_loop:
        return 0
    return app.exec()


def _trace_startup() -> None:
    """With ``GHNT_STARTUP_TRACE`` set, print a line once the window has painted (benchmarks/bench_startup.py)."""
    if not os.environ.get("GHNT_STARTUP_TRACE"):
        return
    print("ghnt-startup shown", flush=True)
