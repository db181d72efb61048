"""A debounce with a maximum wait, for every editor that saves by itself while the user types.

``poke()`` on every change: the action runs ``delay_ms`` after the last change, but never later than
``max_wait_ms`` after the first change that is not saved yet, so a typist who never pauses still has the
text saved every ``max_wait_ms`` (a plain restart-on-every-keystroke timer would save nothing until a pause).
``flush()`` runs the pending action now (on focus-out, before undo, before switching items).

Needs only a ``QCoreApplication`` (no widgets), so ``edit_driver``'s typist uses the same class as the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

# Autosaved text: saved half a second after typing stops, and at the latest AUTOSAVE_MAX_WAIT_MS after the
# oldest unsaved keystroke. The maximum wait leaves room for the write itself (a commit with fsync, a few ms
# to a few hundred on a slow disk), so a keystroke is on disk within 1 s.
AUTOSAVE_DELAY_MS = 500
AUTOSAVE_MAX_WAIT_MS = 750
AUTOSAVE_PROMISE_MS = 1000  # what the power-cut check holds the app to


class Debouncer(QObject):
    """Runs ``action`` once a burst of ``poke()`` calls settles, or when the burst gets ``max_wait_ms`` old."""

    def __init__(
        self,
        action: Callable[[], object],
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        max_wait_ms: int | None = AUTOSAVE_MAX_WAIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if max_wait_ms is not None and max_wait_ms < delay_ms:
            raise ValueError("max_wait_ms must be at least delay_ms")
        self._action = action
        self._dirty = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(delay_ms)
        self._delay.timeout.connect(self.flush)
        self._max_wait: QTimer | None = None
        if max_wait_ms is not None:
            self._max_wait = QTimer(self)
            self._max_wait.setSingleShot(True)
            self._max_wait.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% late
            self._max_wait.setInterval(max_wait_ms)
            self._max_wait.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """True while a change waits for the action."""
        return self._dirty

    def poke(self) -> None:
        """A change: (re)start the short wait; the long wait runs from the first unsaved change on."""
        self._dirty = True
        self._delay.start()
        if self._max_wait is not None and not self._max_wait.isActive():
            self._max_wait.start()

    def cancel(self) -> None:
        """Forget the pending change (it was saved another way, or the text was replaced, not edited)."""
        self._dirty = False
        self._delay.stop()
        if self._max_wait is not None:
            self._max_wait.stop()

    def flush(self) -> None:
        """Run the action now if a change is pending; both waits start over with the next change."""
        if self._dirty:
            self.cancel()
            self._action()
