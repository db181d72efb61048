"""The few colours the tables use, chosen to stay readable on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

LATE = QColor("#b3261e")  # late actions: a dark red that still reads on white


def muted() -> QColor:
    """Text that matters less (past, inherited, inactive): the palette's placeholder colour."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette().color(QPalette.ColorRole.PlaceholderText)
    return QColor("#777777")
