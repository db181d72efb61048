"""Slow work off the GUI thread: a ``QRunnable`` on a ``QThreadPool`` that reports by signals.

Use it for anything that may take more than a blink (exports, imports, backups, the scale generator),
so the window keeps painting and the user can cancel::

    task = start_task(
        lambda progress, cancelled: run_export(database, request, progress, cancelled),
        progress=self.on_progress,    # (done, total), at most every 50 ms
        succeeded=self.on_done,       # the function's return value
        failed=self.on_failed,        # the exception (see report_failure)
        cancelled=self.on_cancelled,  # the user cancelled and the function stopped
    )
    ...
    task.cancel()                     # from a Cancel button

(or ``task = Task(function)``, connect to ``task.signals``, then ``task.start()``: connect first, since
a quick function may emit before a later ``connect`` runs, and that signal would be lost). Work started
from the main window without a dialog of its own (a backup, the scale database) uses ``DialogTask``,
which adds a progress dialog with Annuleren.

The function runs in a pool thread and gets two callables: ``progress(done, total)`` to report and
``cancelled()`` to ask whether to stop. It must open its own database session (``database.session()``
in the function), never use one of the GUI thread's, and return plain data. It stops on cancel by
raising (for example ``exports.jobs.ExportCancelled``, or :func:`check_cancelled`): any exception raised
after ``cancel()`` was asked counts as a cancel, not a failure.

Exactly one of ``succeeded``, ``failed`` or ``cancelled`` is emitted, then ``finished``. The signals
object lives in the GUI thread, so connected slots run in the GUI thread (queued), whatever thread
emits. A started task is kept alive by this module until it finished, so a caller may drop its
reference. ``report_failure(parent, exc)`` shows an expected failure (a Dutch message) through
``show_error`` and hands anything else to ``sys.excepthook`` (log file and crash dialog).
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from .. import collection
from .errors import show_error

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
TaskFunction = Callable[[ProgressFn, CancelledFn], Any]

PROGRESS_INTERVAL_S = 0.05  # a progress bar needs no more than 20 updates a second


class Cancelled(Exception):
    """Raised by :func:`check_cancelled` inside a task function when the user cancelled."""


def check_cancelled(cancelled: CancelledFn) -> None:
    """Raise ``Cancelled`` when ``cancelled()`` says so (call it between steps of a task function)."""
    if cancelled():
        raise Cancelled


class TaskSignals(QObject):
    """What a task reports; created in the GUI thread so slots run there."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable):
    """One run of a function in a pool thread, with progress, cancel and a result by signal."""

    def __init__(self, function: TaskFunction, *, name: str = "") -> None:
        super().__init__()
        # Python keeps the object (see _running): Qt must not delete it under us.
        self.setAutoDelete(False)
        self.function = function
        self.name = name or getattr(function, "__name__", "task")
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._last_progress = 0.0
        self.result: Any = None
        self.error: BaseException | None = None

    # -- asked from the GUI thread ----------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the function to stop at its next check; ``cancelled`` follows when it did."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        """Queue the task on the pool; connect to ``signals`` first, or quick results are missed."""
        _running.add(self)
        thread_pool().start(self)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function returned (tests, closing the app); True when it did."""
        return self._done.wait(timeout)

    # -- in the pool thread -------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or done == 0 or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:  # noqa: D102 - QRunnable's entry point
        outcome: str
        _hold_full_collections()
        try:
            self.result = self.function(self._progress, self._cancel.is_set)
            outcome = "succeeded"
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI, never kill the thread
            self.error = exc
            outcome = "cancelled" if self._cancel.is_set() else "failed"
            if outcome == "failed" and not _expected(exc):
                log.error("Task %s failed", self.name, exc_info=exc)
        finally:
            _release_full_collections()
            self._done.set()
        try:
            if outcome == "succeeded":
                self.signals.succeeded.emit(self.result)
            elif outcome == "cancelled":
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(self.error)
            self.signals.finished.emit()
        except RuntimeError:
            # The application quit while the task ran and Qt deleted the signals object: nobody is left
            # to tell (seen when a window closed during the load of a 100,000-row actions view).
            log.info("Task %s ended after its receivers were gone", self.name)
        _running.discard(self)  # the running frame still holds self: safe to let go here


# Full collections are held back while any task runs: see ``collection.py``.
NO_FULL_COLLECTION = collection.NO_FULL_COLLECTION
_hold_full_collections = collection.hold_full_collections
_release_full_collections = collection.release_full_collections


# Started tasks, kept alive until they finished (a QRunnable dropped by Python while running crashes).
_running: set[Task] = set()


def thread_pool() -> QThreadPool:
    """The pool tasks run on (Qt's global pool)."""
    return QThreadPool.globalInstance()


def start_task(
    function: TaskFunction,
    *,
    name: str = "",
    progress: Callable[[int, int], Any] | None = None,
    succeeded: Callable[[Any], Any] | None = None,
    failed: Callable[[BaseException], Any] | None = None,
    cancelled: Callable[[], Any] | None = None,
    finished: Callable[[], Any] | None = None,
) -> Task:
    """Run ``function(progress, cancelled)`` in a pool thread; returns the running task.

    The receivers are connected before the task starts: a quick function can finish (and emit) before
    this call returns, and a signal emitted before a connection exists is lost. Pass bound methods of
    QObjects living in the GUI thread (a signal holds no strong reference to a local function).
    """
    task = Task(function, name=name)
    for signal, receiver in (
        (task.signals.progress, progress),
        (task.signals.succeeded, succeeded),
        (task.signals.failed, failed),
        (task.signals.cancelled, cancelled),
        (task.signals.finished, finished),
    ):
        if receiver is not None:
            signal.connect(receiver)
    task.start()
    return task


class DialogTask(QObject):
    """A task shown in a progress dialog that appears when the work lasts longer than ``delay_ms``.

    The dialog's Annuleren cancels the task; a failure is shown by ``report_failure``; ``succeeded``
    gets the result and ``cancelled`` is called after a cancel, both after the dialog has closed. Its
    parent widget keeps it alive (for work started from a window, not from a dialog of its own).
    """

    def __init__(
        self,
        parent: QWidget,
        function: TaskFunction,
        *,
        name: str,
        label: str,
        title: str,
        succeeded: Callable[[Any], Any],
        cancelled: Callable[[], Any],
        delay_ms: int = 500,
    ) -> None:
        from PySide6.QtWidgets import QProgressDialog

        super().__init__(parent)
        self._parent = parent
        self._on_success = succeeded
        self._on_cancel = cancelled
        self.dialog = QProgressDialog(label, self.tr("Annuleren"), 0, 100, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(delay_ms)
        self.task = start_task(
            function,
            name=name,
            progress=self._progress,
            succeeded=self._succeeded,
            failed=self._failed,
            cancelled=self._cancelled,
        )
        self.dialog.canceled.connect(self.task.cancel)

    def cancel(self) -> None:
        """What Annuleren does."""
        self.task.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self.task.wait(timeout)

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    def _succeeded(self, result: Any) -> None:
        self.dialog.reset()
        self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.reset()
        report_failure(self._parent, exc)

    def _cancelled(self) -> None:
        self.dialog.reset()
        self._on_cancel()


def expected_errors() -> tuple[type[BaseException], ...]:
    """Errors that carry a Dutch message for the user (shown as they are, not logged as crashes)."""
    from ..backup import BackupError
    from ..db import DatabaseError
    from ..exports.docx_common import ExportError
    from ..exports.xlsx_common import XlsxExportError
    from ..imports.workbook import ImportFileError
    from ..services import ServiceError

    return (ServiceError, DatabaseError, ExportError, XlsxExportError, ImportFileError, BackupError, Cancelled)


def _expected(exc: BaseException) -> bool:
    try:
        return isinstance(exc, expected_errors())
    except ImportError:  # pragma: no cover - a partial install must still report the error
        return False


def report_failure(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show a task's failure: a Dutch message through ``show_error``, anything else as a crash report."""
    if _expected(exc) or isinstance(exc, ValueError):
        show_error(parent, exc, title)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)
