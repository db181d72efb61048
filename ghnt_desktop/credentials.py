"""The password of a team database, kept in the operating system's credential store through ``keyring``.

Never in the settings file or on the command line. Stored under the service ``ghnt-desktop`` and the
address without password (``user@host:port/database``). Without a usable keyring backend (a server without
a desktop session, a Linux without Secret Service) nothing is stored: the app asks for the password each time
and says why (``store_available``).
"""

from __future__ import annotations

import logging

from .engines import ServerAddress

log = logging.getLogger(__name__)

SERVICE = "ghnt-desktop"


def account(address: ServerAddress) -> str:
    return f"{address.user}@{address.host}:{address.port}/{address.database}"


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # keyring missing or broken: no store
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def store_available() -> bool:
    """Whether this computer has a credential store the password can be kept in."""
    return _keyring() is not None


def stored_password(address: ServerAddress) -> str | None:
    store = _keyring()
    if store is None:
        return None
    try:
        return store.get_password(SERVICE, account(address))
    except Exception as exc:  # a locked or broken store: ask instead
        log.warning("Reading the credential store failed: %s", exc)
        return None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Keep ``password`` in the credential store; False when there is none (then the app asks next time)."""
    store = _keyring()
    if store is None:
        return False
    try:
        store.set_password(SERVICE, account(address), password)
    except Exception as exc:
        log.warning("Writing the credential store failed: %s", exc)
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    store = _keyring()
    if store is None:
        return
    try:
        store.delete_password(SERVICE, account(address))
    except Exception:  # nothing stored
        pass
