"""Where the change log on SQLite gets the user's name from (the main window hands it ``ui.user_name.current_user``).

A module of its own, without imports, so the main window can set it before the database library is loaded.
"""

from __future__ import annotations

from collections.abc import Callable


def os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is no reason to refuse an edit
        return ""


_source: Callable[[], str] = os_user


def set_recorded_user(source: Callable[[], str]) -> None:
    """Where the change log on SQLite gets the user's name from; a server logs its login instead."""
    global _source
    _source = source


def recorded_user() -> str:
    return _source()
