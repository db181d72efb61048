"""Helpers for tests of the change log's user: who a write is logged as, on both engines."""

from __future__ import annotations

import contextlib


@contextlib.contextmanager
def acting_as(name: str):
    """Writes in this block are logged as ``name`` on SQLite (the app's user); a server logs its login instead."""
    from ghnt_desktop.db import set_recorded_user
    from ghnt_desktop.recorded_user import os_user

    set_recorded_user(lambda: name)
    try:
        yield
    finally:
        set_recorded_user(os_user)


def logged_user(session, name: str) -> str:
    """Who the change log names for a write made ``acting_as(name)``: ``name``, or on a server the login."""
    bind = session.get_bind()
    return name if bind.dialect.name == "sqlite" else bind.url.username


class Logged:
    """One field change from the change log, under the names the older ``ChangeRecord`` had (the tests' helpers)."""

    def __init__(self, change) -> None:
        self.field = change.field
        self.old_value = None if change.old is None else str(change.old)
        self.new_value = None if change.new is None else str(change.new)
        self.changed_by = change.changed_by
        self.reason = change.reason


def logged_changes(session, table: str, record_id) -> list[Logged]:
    """The field changes of one record, oldest first, from the change log (the one audit source)."""
    from ghnt_desktop.services.change_log import field_history

    return [Logged(change) for change in field_history(session, table, record_id)]
