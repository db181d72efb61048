"""Undo commands of the meeting view beyond ``ui/undo.py``'s ``edit_command`` and ``create_command``.

- :func:`delete_command`: a delete service returning ``Removed``; undo puts the rows back with
  ``restore_removed``, redo deletes again.
- :class:`TextCommand`: a text field saved while the user types; consecutive saves of the same field in
  one burst (until the field loses focus) merge into one undo step.
- :func:`progress_command`, :func:`carry_forward_command`, :func:`approve_command`, :func:`reopen_command`:
  services whose inverse is another service.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..i18n import arg
from ..undo import ServiceCommand, edit_steps
from ..user_name import current_user  # noqa: F401 - the tabs take it from here (the author of a progress note)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from ..mainwindow import MainWindow

TEXT_COMMAND_ID = 7301


def delete_command(window: MainWindow, text: str, delete: Callable[[Session], Any]) -> ServiceCommand:
    """A delete: undo restores the removed rows (same ids and numbers), redo deletes again."""
    from ...services.meetings import restore_removed

    return ServiceCommand(window, text, do=delete, undo=lambda s, removed: restore_removed(s, removed))


class TextCommand(ServiceCommand):
    """Save one text field (``service(session, record_id, **{field: text})`` returning an ``Edit``).

    Saves of the same field and burst merge: one undo puts back the text from before the burst.
    """

    def __init__(
        self,
        window: MainWindow,
        text: str,
        service: Callable[..., Any],
        record_id: uuid.UUID,
        field: str,
        value: str,
        burst: int,
        seen: str | None = None,
    ) -> None:
        self.service = service
        self.record_id = record_id
        self.field = field
        self.value = value
        self.burst = burst
        # ``seen``: the stored text the typing started from; another user's newer text is not overwritten.
        do, undo, redo = edit_steps(
            service, record_id, lambda: {field: self.value}, None if seen is None else {field: seen}
        )
        super().__init__(window, text, do=do, undo=undo, redo=redo)

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TextCommand) or other.failed:
            return False
        if (other.service, other.record_id, other.field, other.burst) != (
            self.service,
            self.record_id,
            self.field,
            self.burst,
        ):
            return False
        # Other's first run saved its value already; this command keeps the older ``before``.
        self.value = other.value
        return True


def progress_command(window: MainWindow, text: str, record: Callable[[Session], Any]) -> ServiceCommand:
    """``record_progress``: undo with ``undo_progress`` (status, deadline and postponements come back)."""
    from ...services.minutes import undo_progress

    return ServiceCommand(window, text, do=record, undo=lambda s, result: undo_progress(s, result.before))


def programme_progress_command(window: MainWindow, text: str, record: Callable[[Session], Any]) -> ServiceCommand:
    """``record_programme_progress_at_item``: undo with ``undo_programme_progress_at_item`` (row and status back)."""
    from ...services.minutes import undo_programme_progress_at_item

    return ServiceCommand(window, text, do=record, undo=lambda s, result: undo_programme_progress_at_item(s, result))


def carry_forward_command(
    window: MainWindow, meeting_id: uuid.UUID, action_ids: list[uuid.UUID], programme_ids: list[uuid.UUID]
) -> ServiceCommand:
    """Link the reviewed actions and programme actions; undo unlinks exactly what was linked."""
    from ...services.agenda import apply_carry_forward, unapply_carry_forward

    return ServiceCommand(
        window,
        window.tr("Actielijst vorig overleg overnemen"),
        do=lambda s: apply_carry_forward(s, meeting_id, action_ids, programme_ids),
        undo=lambda s, result: unapply_carry_forward(s, meeting_id, result),
    )


def approve_command(
    window: MainWindow, meeting_id: uuid.UUID, approved_in: uuid.UUID | None, *, confirmed: bool = False
) -> ServiceCommand:
    """Verslag vaststellen; undo reopens it with a reason that says so (kept in the history).

    ``confirmed``: the user confirmed vaststellen of a meeting whose date is still to come."""
    from ...models import MeetingState
    from ...services.meetings import reopen_minutes, set_meeting_state

    return ServiceCommand(
        window,
        window.tr("Verslag vaststellen"),
        do=lambda s: set_meeting_state(
            s, meeting_id, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=approved_in, confirmed=confirmed
        ),
        undo=lambda s, _edit: reopen_minutes(s, meeting_id, "Vaststellen ongedaan gemaakt"),
    )


def reopen_command(window: MainWindow, meeting_id: uuid.UUID, reason: str) -> ServiceCommand:
    """Reopen a vastgesteld verslag with a reason; undo stelt it vast again, in the overleg named before."""
    from ...services.meetings import reopen_minutes, set_meeting_state

    return ServiceCommand(
        window,
        window.tr("Verslag heropenen"),
        do=lambda s: reopen_minutes(s, meeting_id, reason),
        # ``before``: vastgesteld (confirmed then, whatever its date) and the overleg it was vastgesteld in.
        undo=lambda s, edit: set_meeting_state(s, meeting_id, **edit.before),
    )


def escalate_command(
    window: MainWindow, decision_id: uuid.UUID, *, include_confidential_text: bool = False
) -> ServiceCommand:
    """Put a decision ter besluitvorming to the bestuurlijk overleg; undo withdraws it."""
    from ...services.minutes import mark_for_decision, withdraw_escalation

    include = include_confidential_text
    return ServiceCommand(
        window,
        window.tr("Ter besluitvorming voorleggen"),
        do=lambda s: mark_for_decision(s, decision_id, include_confidential_text=include),
        undo=lambda s, _edit: withdraw_escalation(s, decision_id),
    )


def escalation_command(parent: QWidget, window: MainWindow, decision) -> ServiceCommand | None:
    """The command that escalates ``decision`` (a row with ``id``, ``number`` and the effective ``confidential``).

    A vertrouwelijk decision goes to the bestuurlijk overleg under a neutral title unless the user chooses to put
    its text on that agenda (the choice is kept on the decision and logged); None when the user cancelled.
    """
    include = False
    if decision.confidential:
        from .dialogs import ask_choice

        choice = ask_choice(
            parent,
            window.tr("Vertrouwelijk besluit voorleggen"),
            arg(
                window.tr(
                    "Besluit %1 is vertrouwelijk. Op de agenda van het bestuurlijk overleg komt dan alleen "
                    "'Vertrouwelijk besluit %1, zie besloten stuk'; de tekst gaat als besloten stuk mee. "
                    "Wilt u de tekst toch op de agenda zetten?"
                ),
                decision.number,
            ),
            [window.tr("Neutrale titel (aanbevolen)"), window.tr("Tekst op de agenda zetten")],
        )
        if choice is None:
            return None
        include = choice == 1
    return escalate_command(window, decision.id, include_confidential_text=include)


def withdraw_command(window: MainWindow, decision_id: uuid.UUID) -> ServiceCommand:
    """Withdraw an escalation; undo puts the decision ter besluitvorming again, with the choice made then."""
    from ...services.minutes import mark_for_decision, withdraw_escalation

    return ServiceCommand(
        window,
        window.tr("Voorleggen intrekken"),
        do=lambda s: withdraw_escalation(s, decision_id),
        undo=lambda s, edit: mark_for_decision(
            s, decision_id, include_confidential_text=edit.before["include_confidential_text"]
        ),
    )
