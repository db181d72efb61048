"""Waiting for a team database's server that went away, without freezing the window.

``Database.write`` tries an edit again when the connection was lost before the commit (nothing of it was saved).
On the window's thread the wait between attempts used to be ``time.sleep``: up to 10 s of a window that neither
paints nor answers. ``ReconnectWaiter`` (installed by the main window as ``Database.reconnect_waiter``) waits in a
local event loop instead, with a small modal status: "Verbinding verbroken — opnieuw verbinden..." and the buttons
"Nu opnieuw proberen" and "Stoppen". The modal status keeps the user from starting a second edit in the middle of the
first. After the automatic attempts it keeps waiting for the user's choice: retry as often as the user wants,
or stop, after which the edit's own message says it was not saved (what was typed stays on the screen). A
confirmed edit is never lost either way: only an edit whose transaction did not commit is tried again, and a
commit whose answer was lost is asked of the server (``Database._transaction_outcome``) through this same wait.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import arg

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Reconnect", text)


class ReconnectDialog(QDialog):
    """The status while the server is away; ``retry`` and ``stop`` end the current wait."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Verbinding verbroken"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        self.retry_button = QPushButton(tr("Nu &opnieuw proberen"), self)
        self.stop_button = QPushButton(tr("&Stoppen"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retry_button.setDefault(True)

    def reject(self) -> None:  # Escape or the close button: stop waiting, as "Stoppen"
        self.stop_button.click()


class ReconnectWaiter:
    """``Database.reconnect_waiter`` for the main window (see the module's text)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.dialog: ReconnectDialog | None = None
        self.waits = 0  # how often it waited (tests)

    def __call__(self, seconds: float, attempt: int, attempts: int) -> bool:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            if attempt > attempts:  # another thread has no one to ask: give up after the automatic attempts
                return False
            time.sleep(seconds)
            return True
        self.waits += 1
        dialog = self._dialog()
        automatic = attempt <= attempts
        if automatic:
            text = arg(tr("Verbinding verbroken — opnieuw verbinden... (poging %1 van %2)"), attempt, attempts)
            dialog.message.setText(text + "\n" + tr("Uw wijziging wordt opgeslagen zodra de server terug is."))
        else:
            text = tr("Verbinding verbroken — de teamdatabase antwoordt nog niet.")
            dialog.message.setText(
                text + "\n" + tr("Uw wijziging is nog niet opgeslagen. Probeer het opnieuw zodra de server terug is, "
                                 "of stop: wat u invulde blijft op het scherm staan.")
            )  # fmt: skip
        self.window.statusBar().showMessage(text)
        loop = QEventLoop()
        chosen = {"go": True}

        def stop() -> None:
            chosen["go"] = False
            loop.quit()

        dialog.retry_button.clicked.connect(loop.quit)
        dialog.stop_button.clicked.connect(stop)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        if automatic:
            timer.start(int(seconds * 1000))
        dialog.show()
        try:
            loop.exec()
        finally:
            timer.stop()
            dialog.retry_button.clicked.disconnect(loop.quit)
            dialog.stop_button.clicked.disconnect(stop)
            dialog.hide()
            self.window.statusBar().clearMessage()
        return chosen["go"]

    def _dialog(self) -> ReconnectDialog:
        if self.dialog is None:
            self.dialog = ReconnectDialog(self.window)
        return self.dialog
