"""Undo and redo: one ``QUndoStack`` per main window, commands that call one service each.

A command keeps ids and before/after values, never ORM objects (Orange canvas's habit). Services
already answer with what undoing needs (``ghnt_desktop.services.meetings``: an ``Edit`` carries the
previous values, a ``Created`` the new id, a ``Removed`` a snapshot). A :class:`ServiceCommand` is built
from three small functions, each run in its own session (so every step is saved at once):

- ``do(session)``: the first run, returns a result;
- ``undo(session, result)``: reverses it, returns an undo result;
- ``redo(session, undo_result)``: runs it again after an undo (default: ``do`` again).

Ready-made pairs: :func:`edit_command` for "call the same service with the previous values" and
:func:`create_command` for "delete what was created, restore the same rows on redo".

Edits by another user are never overwritten silently (``services.versions``): the first run passes the values the
form showed (``seen``), and every undo and redo of an edit passes the values this command itself wrote last and
the record's version after that (:func:`edit_steps`, the one place that does it). When someone else changed the
record since, the step is refused, the conflict dialog shows both values, and the user keeps theirs (the step runs
again, overriding) or takes the saved one (the command leaves the stack, the window reloads).

A service error on the first run shows the Dutch message and leaves nothing on the stack; the
window's ``apply_changes`` gets the ``Changes`` of every step so pages refresh.

A command remembers where it was made (the page and, through ``Page.location``, the meeting, tab and
agenda item). Undoing or redoing it later first shows that place, so a change is never reverted out of sight
of the user who asked for it (Ctrl+Z on the Acties page undoing an attendance mark shows the attendance).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from .errors import show_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .mainwindow import MainWindow

log = logging.getLogger(__name__)


def _all_changes():
    """Every kind changed: what a refused edit reloads, since the user took the other user's values."""
    from ..services import Changes

    return Changes(programme=True, meetings=True, actions=True, network=True, indicators=True)


def changes_of(result: Any):
    """The ``Changes`` a service result carries (a ``Changes`` itself, or an object with ``.changes``)."""
    from ..services import Changes

    if isinstance(result, Changes):
        return result
    return getattr(result, "changes", None) or Changes()


class ServiceCommand(QUndoCommand):
    """One undoable user action: a service call with its inverse."""

    def __init__(
        self,
        window: MainWindow,
        text: str,
        do: Callable[[Session], Any],
        undo: Callable[[Session, Any], Any],
        redo: Callable[[Session, Any], Any] | None = None,
    ) -> None:
        super().__init__(text)
        self.window = window
        self._do = do
        self._undo = undo
        self._redo = redo
        self._result: Any = None
        self._undo_result: Any = None
        self._done_once = False
        self.failed = False
        self.place = window.current_place() if hasattr(window, "current_place") else None

    def _run(self, step: Callable[[Session], Any]) -> Any:
        database = self.window.database
        if database is None:
            raise RuntimeError("no database open")
        return database.write(step)  # one write transaction, retried as a whole while the file is busy

    def _run_resolving(self, step: Callable[[Session], Any]) -> Any:
        """Run ``step``; when another user saved the same field meanwhile, ask whose value stays."""
        from ..services.versions import ConflictError, overriding
        from .conflict_dialog import KEEP_MINE, ask_conflict

        try:
            return self._run(step)
        except ConflictError as exc:
            if ask_conflict(self.window, exc.conflict) != KEEP_MINE:
                raise
            with overriding():
                return self._run(step)

    def _show_place(self) -> None:
        if self.place is not None and hasattr(self.window, "show_place"):
            self.window.show_place(self.place)

    def redo(self) -> None:  # Qt calls redo() on push: the first run
        from ..services import ServiceError

        if self._done_once:
            self._show_place()
        try:
            if not self._done_once or self._redo is None:
                self._result = self._run_resolving(self._do)
            else:
                self._result = self._run_resolving(lambda s: self._redo(s, self._undo_result))
        except ServiceError as exc:
            self.failed = True
            if getattr(exc, "conflict", None) is not None:  # another user saved first; they chose theirs
                self.setObsolete(True)
                self.window.apply_changes(_all_changes())
                return
            # An obsolete command is dropped by the stack right after push (Qt >= 5.9).
            self.setObsolete(True)
            show_error(self.window, exc)
            return
        self._done_once = True
        self.window.apply_changes(changes_of(self._result))

    def undo(self) -> None:
        from ..services import ServiceError

        self._show_place()
        try:
            self._undo_result = self._run_resolving(lambda s: self._undo(s, self._result))
        except ServiceError as exc:
            if getattr(exc, "conflict", None) is not None:  # they kept the other user's value: nothing to undo
                self.setObsolete(True)  # the stack drops an obsolete command after undo()
                self.window.apply_changes(_all_changes())
                return
            show_error(self.window, exc)
            return
        self.window.apply_changes(changes_of(self._undo_result))

    @property
    def result(self) -> Any:
        return self._result


def edit_steps(
    service: Callable[..., Any],
    record_id,
    values: dict[str, Any] | Callable[[], dict[str, Any]],
    seen: dict[str, Any] | None = None,
) -> tuple[Callable[[Session], Any], Callable[[Session, Any], Any], Callable[[Session, Any], Any]]:
    """do, undo and redo of an edit through ``service(session, record_id, **values)`` returning an ``Edit``.

    Undo calls the same service with the previous values, redo with the values undo replaced. For a service made
    with ``versions.versioned`` each step says what it expects to find: the first run what the form showed
    (``seen``), an undo or redo what this command wrote last and the version after it; so a step over another
    user's newer change is refused (``ConflictError``) instead of overwriting it. ``values`` may be a function
    (a text command's value grows while the user types).
    """
    from ..services.versions import is_versioned

    guarded = is_versioned(service)
    current = values if callable(values) else (lambda: values)
    wrote: dict[str, Any] = {}

    def call(session: Session, given: dict[str, Any], expected: dict[str, Any] | None, version: int | None) -> Any:
        kwargs: dict[str, Any] = {}
        if guarded and (expected is not None or version is not None):
            kwargs.update(seen=expected, seen_version=version)
        result = service(session, record_id, **given, **kwargs)
        wrote.clear()
        wrote.update(given)
        return result

    def do(session: Session) -> Any:
        return call(session, dict(current()), seen, None)

    def undo(session: Session, edit: Any) -> Any:  # the values are what do and redo wrote (a merged text's last)
        return call(session, dict(edit.before), dict(current()), getattr(edit, "version", None))

    def redo(session: Session, undone: Any) -> Any:
        return call(session, dict(undone.before), dict(wrote), getattr(undone, "version", None))

    return do, undo, redo


def edit_command(
    window: MainWindow, text: str, service: Callable[..., Any], record_id, *, seen: dict[str, Any] | None = None,
    **values: Any,
) -> ServiceCommand:
    """An edit through ``service(session, record_id, **values)`` returning an ``Edit`` with ``before``.

    Undo calls the same service with the previous values; redo with the values undo replaced; each step is
    refused over another user's newer change (:func:`edit_steps`).
    """
    do, undo, redo = edit_steps(service, record_id, values, seen)
    return ServiceCommand(window, text, do=do, undo=undo, redo=redo)


def create_command(
    window: MainWindow, text: str, create: Callable[[Session], Any], delete: Callable[[Session, Any], Any]
) -> ServiceCommand:
    """A creation: undo deletes the new record (by ``result.id``); redo restores the same rows and ids."""
    from ..services.meetings import restore_removed

    command: ServiceCommand

    def redo_again(session: Session, removed: Any) -> Any:
        restore_removed(session, removed)
        return command.result  # the same id as the first run

    command = ServiceCommand(window, text, do=create, undo=lambda s, created: delete(s, created.id), redo=redo_again)
    return command


def push(window: MainWindow, command: ServiceCommand) -> bool:
    """Push ``command`` (which runs it); False when the service refused."""
    window.undo_stack.push(command)
    return not command.failed


def delete_command(
    window: MainWindow,
    text: str,
    delete: Callable[[Session], Any],
    restore: Callable[[Session, Any], Any] | None = None,
) -> ServiceCommand:
    """A deletion returning a ``Removed`` snapshot: undo puts the same rows back (``restore_removed`` unless
    ``restore`` is given); redo deletes again. A refused delete shows its Dutch message and is not stacked."""
    from ..services.meetings import restore_removed

    put_back = restore or restore_removed
    return ServiceCommand(window, text, do=delete, undo=lambda s, removed: put_back(s, removed))


def edit_values_command(
    window: MainWindow,
    text: str,
    service: Callable[..., Any],
    record_id,
    values: dict[str, Any],
    seen: dict[str, Any] | None = None,
) -> ServiceCommand:
    """Like :func:`edit_command`, with the values as a dict (so a field may be called ``text``); ``seen``: the
    values the form showed (a dialog's ``FormDialog.seen``)."""
    do, undo, redo = edit_steps(service, record_id, dict(values), seen)
    return ServiceCommand(window, text, do=do, undo=undo, redo=redo)
