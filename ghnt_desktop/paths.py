"""Where the app finds its resources and keeps the user's data, the same way in development and frozen."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "GHNT Desktop"
APP_ID = "ghnt-desktop"
ORGANISATION = "GHNT"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_resources"  # installed wheel (see pyproject force-include)


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder (created on demand)."""
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False, ensure_exists=True)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_ID, appauthor=False, ensure_exists=True)


def default_database_path() -> Path:
    return data_dir() / "ghnt.db"
