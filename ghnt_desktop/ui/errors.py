"""Errors the user must see: the log file, the handler of unexpected exceptions and ``show_error``.

``install_excepthook`` runs before the main window exists: any exception that reaches the event loop is
logged with its traceback and shown in a dialog with the details and the log file's path, and the app
keeps running. Expected failures (a ``ServiceError`` or ``DatabaseError`` with a Dutch message) go
through ``show_error`` and are not logged as crashes.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .i18n import arg

log = logging.getLogger(__name__)

LOG_FILE_NAME = "ghnt-desktop.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def setup_logging(directory: Path) -> Path:
    """Log to a rotating file in ``directory`` (and keep warnings on stderr); returns the file's path."""
    from logging.handlers import RotatingFileHandler  # here, not at start-up: it pulls in socket and pickle

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and getattr(handler, "_ghnt", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler._ghnt = True  # type: ignore[attr-defined]  # so a second call replaces it instead of doubling
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _active_parent() -> QWidget | None:
    app = QApplication.instance()
    return app.activeWindow() if isinstance(app, QApplication) else None


def build_crash_dialog(details: str, log_file: Path | None, parent: QWidget | None = None) -> QMessageBox:
    """The dialog for an unexpected error: a short Dutch text, the log path and the traceback as details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "Onverwachte fout"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Er ging iets onverwachts mis. Wat u al had opgeslagen is bewaard; u kunt verder werken, "
            "maar controleer het laatste dat u deed.",
        )
    )
    if log_file is not None:
        box.setInformativeText(
            arg(
                QCoreApplication.translate(
                    "errors", "De details staan in het logbestand:\n%1\nStuur dit bestand mee als u de fout meldt."
                ),
                log_file,
            )
        )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class ExceptHook:
    """``sys.excepthook`` that logs and shows a dialog without ending the app."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._showing = False
        self.previous: Callable | None = None

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error:\n%s", details)
        if self._showing or QApplication.instance() is None:
            # An error while the dialog is up (or without Qt) is only logged, never a cascade of dialogs.
            sys.stderr.write(details)
            return
        self._showing = True
        try:
            build_crash_dialog(details, self.log_file, _active_parent()).exec()
        finally:
            self._showing = False


def install_excepthook(log_file: Path | None) -> ExceptHook:
    """Install the handler of unexpected exceptions; returns it (tests uninstall with ``hook.previous``)."""
    hook = ExceptHook(log_file)
    hook.previous = sys.excepthook
    sys.excepthook = hook
    return hook


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show an expected failure (its message is Dutch and meant for the user) in a warning box."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "Dat lukte niet"))
    box.setText(str(exc) or type(exc).__name__)
    detail = getattr(exc, "detail", "")
    if isinstance(detail, str) and detail:
        box.setDetailedText(detail)  # a library's own text, under the Dutch message (imports)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
