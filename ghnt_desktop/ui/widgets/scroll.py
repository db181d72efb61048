"""A dialog's form that scrolls up and down when the screen is lower than the form.

At 150% scaling on a 1366x768 screen the screen is 512 logical pixels high: the indicator, new-meeting and
new-region dialogs need 475-531 px at least, so their lower fields and buttons fell off the screen.
:func:`scrolling` puts a form's layout in a :class:`FormScrollArea`: as big as the form where there is room
(the dialog looks as before, also when sized to its minimum), lower only where the screen is too low (the
form scrolls), never narrower than the form.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

#: The lowest a scrolling form may get (logical pixels): a few rows of fields still in view.
MIN_FORM_HEIGHT = 160
#: The share of the screen's height a form needs no scrolling in.
SCREEN_SHARE = 0.6


def available_height(widget: QWidget) -> int:
    """The height of the screen, less the task bar (logical pixels).

    The primary screen, not ``widget.screen()``: Qt asks for the size hints while a dialog is being
    destroyed too, and ``screen()`` then crashed (a laptop has one screen; on two it is the main one)."""
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().height() if screen is not None else 10_000


class FormScrollArea(QScrollArea):
    """A scroll area that asks for its form's full size and goes no narrower than the form."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        return body.sizeHint() if body is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        body = self.widget()
        if body is None:
            return super().minimumSizeHint()
        minimum = body.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        if body.hasHeightForWidth():  # wrapped labels: their lines at the width the form has now
            height = body.heightForWidth(max(self.viewport().width(), minimum.width()))
            minimum.setHeight(max(minimum.height(), height))
        # The whole form where the screen has room for it (a dialog sized to its minimum shows every field);
        # on a low screen no more than leaves room for the title bar, the buttons and the task bar.
        room = int(available_height(self) * SCREEN_SHARE)
        return QSize(minimum.width() + bar, min(minimum.height(), max(room, MIN_FORM_HEIGHT)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        body = self.widget()
        if body is not None and body.hasHeightForWidth() and event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the form's wrapped lines, and so its minimum height, follow the width


def scrolling(layout: QLayout, parent: QWidget) -> FormScrollArea:
    """``layout`` (a dialog's form, not yet on a widget) in a scroll area for the dialog's own layout."""
    area = FormScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not to the area around them
    body = QWidget(area)
    body.setObjectName("formBody")
    layout.setContentsMargins(0, 0, 0, 0)
    body.setLayout(layout)
    area.setWidget(body)
    return area
