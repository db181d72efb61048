"""The few colours the tables use, chosen to stay readable on light and dark palettes.

Every text colour reaches WCAG 2.1 AA contrast (4.5:1) on the table's base and alternate row colours,
and a colour never carries meaning alone: late rows also say "te laat", the charts print their numbers
(``tests/test_ui_colours.py`` computes the ratios).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

LATE = QColor("#b3261e")  # late actions: a dark red that still reads on white
PRESENT = QColor("#1b6e2d")  # attendance: a dark green that reads on white and on the alternate row colour
AWAY = QColor("#9a3412")
WARNING = QColor("#9c5700")  # privacy and vertrouwelijk warnings
CHANGED = QColor("#0b5394")  # a value an import will change

#: The text colours above, by name (the contrast test walks them).
TEXT_COLOURS = {"late": LATE, "present": PRESENT, "away": AWAY, "warning": WARNING, "changed": CHANGED}

DARK_TEXT = QColor("#1a1a1a")
LIGHT_TEXT = QColor("#ffffff")
AA_CONTRAST = 4.5

#: How far muted text moves from the text colour towards the background: 0.4 keeps 5.7:1 on white
#: (Qt's placeholder colour, half-transparent text, gave about 4:1).
MUTED_MIX = 0.4


def muted() -> QColor:
    """Text that matters less (past, inherited, inactive): the text colour moved towards the base, still AA."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QColor("#666666")
    palette = app.palette()
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), MUTED_MIX)


def mix(a: QColor, b: QColor, towards_b: float) -> QColor:
    """``a`` moved ``towards_b`` (0..1) of the way to ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * towards_b),
        round(a.green() + (b.green() - a.green()) * towards_b),
        round(a.blue() + (b.blue() - a.blue()) * towards_b),
    )


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio (1 to 21) between two opaque colours."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: QColor) -> QColor:
    """Dark or white text, whichever contrasts more with ``background``."""
    if contrast_ratio(DARK_TEXT, background) >= contrast_ratio(LIGHT_TEXT, background):
        return DARK_TEXT
    return LIGHT_TEXT
