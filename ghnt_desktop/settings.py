"""UI state kept between runs (window geometry, last page, splitters, language) behind one small wrapper.

Every key is declared once in ``DEFAULTS`` with its default and so its type; reading an undeclared key is
a programming error. Settings that travel with the data (region name, numbering) live in the database
(``AppSetting``), not here. Tests pass their own ``QSettings`` file so the user's settings stay untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from .paths import APP_ID, ORGANISATION

LANGUAGES = ("nl", "en")

DEFAULTS: dict[str, Any] = {
    "language": "nl",
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "window/last_page": "overview",
    "database/last_path": "",
    # The team database last connected to, as a URL without password (the password is in the OS credential store).
    "database/last_server": "",
    # The name history and progress rows are recorded under: the user's own, not the operating-system login.
    "user/name": "",
    # The Overleggen page's filters, as the user left them (kind and period values, series id; "" for all).
    "filters/meetings/kind": "",
    "filters/meetings/series": "",
    "filters/meetings/period": "all",
    # Decisions, actions and progress typed in the minutes but not yet recorded (ui/meeting/drafts.py, JSON).
    "drafts/minutes": "",
}

# Splitter positions and table header states (column widths) are saved per name under these prefixes.
SPLITTER_PREFIX = "splitters/"
HEADER_PREFIX = "headers/"
BYTES_PREFIXES = (SPLITTER_PREFIX, HEADER_PREFIX)


class Settings:
    """Typed access to the app's ``QSettings``."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings if qsettings is not None else QSettings(ORGANISATION, APP_ID)

    @classmethod
    def at_path(cls, path: Path) -> Settings:
        """Settings in an INI file at ``path`` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def qsettings(self) -> QSettings:
        return self._qs

    def value(self, key: str) -> Any:
        """The saved value of a declared key, converted to the default's type, or the default."""
        if key in DEFAULTS:
            default = DEFAULTS[key]
        elif key.startswith(BYTES_PREFIXES):
            default = QByteArray()
        else:
            raise KeyError(f"undeclared setting {key!r}")
        raw = self._qs.value(key, None)
        if raw is None:
            return QByteArray(default) if isinstance(default, QByteArray) else default
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray()
        if isinstance(default, bool):
            return raw in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(raw)
            except (TypeError, ValueError):
                return default
        return str(raw)

    def set_value(self, key: str, value: Any) -> None:
        if key not in DEFAULTS and not key.startswith(BYTES_PREFIXES):
            raise KeyError(f"undeclared setting {key!r}")
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    # Named accessors for what the app reads most.

    @property
    def language(self) -> str:
        language = self.value("language")
        return language if language in LANGUAGES else DEFAULTS["language"]

    @language.setter
    def language(self, language: str) -> None:
        self.set_value("language", language if language in LANGUAGES else DEFAULTS["language"])

    @property
    def last_page(self) -> str:
        return self.value("window/last_page")

    @last_page.setter
    def last_page(self, key: str) -> None:
        self.set_value("window/last_page", key)

    def splitter_state(self, name: str) -> QByteArray:
        return self.value(SPLITTER_PREFIX + name)

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.set_value(SPLITTER_PREFIX + name, state)

    def header_state(self, name: str) -> QByteArray:
        return self.value(HEADER_PREFIX + name)

    def set_header_state(self, name: str, state: QByteArray) -> None:
        self.set_value(HEADER_PREFIX + name, state)
