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
