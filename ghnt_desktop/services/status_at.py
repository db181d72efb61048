"""The one rule for the status an action had at a moment that has passed: the end of a report's period, a meeting.

The progress rows (``ProgressUpdate``) are the history of an action's status; they are never overwritten by a
later meeting. The voortgangsrapportage asks this rule for the status at the end of its period, the verslag and
the actielijst of a meeting for the status at that meeting (``services.meeting_record``), so the same history
reads the same everywhere.
"""

from __future__ import annotations

from ..models import ActionStatus


def status_at(
    reported: ActionStatus | None,
    reported_later: ActionStatus | None,
    current: ActionStatus,
    *,
    known_before: ActionStatus | None = None,
) -> ActionStatus:
    """The status at a moment: the last one reported up to then (``reported``).

    Without one, the status the action had just before the first later report, when that is known
    (``known_before``: the change log kept it); else that first later report (``reported_later``) tells what it
    was: an action finished or cancelled later was still open then, so "Loopt". Without any report, the status
    never changed: the action's status as it stands (``current``).
    """
    if reported is not None:
        return reported
    if reported_later is None:
        return current
    if known_before is not None:
        return known_before
    return ActionStatus.IN_PROGRESS if reported_later.is_closed else reported_later
