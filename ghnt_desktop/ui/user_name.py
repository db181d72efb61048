"""The name history and progress rows are recorded under: the one the user set, else the operating-system login.

Kept apart from the meeting commands so the main window can set it at start without importing them.
"""

from __future__ import annotations

_user_name = ""


def set_current_user(name: str) -> None:
    """The name the user gave (Bewerken > Uw naam in de geschiedenis); the main window sets it from the settings."""
    global _user_name
    _user_name = " ".join(name.split())[:200]


def current_user() -> str:
    """The name changes are recorded under: the name the user set, else the operating system's user name."""
    if _user_name:
        return _user_name
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is no reason to refuse an edit
        return ""
