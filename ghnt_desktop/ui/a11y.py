"""Small helpers that keep controls reachable by keyboard and named for a screen reader.

Qt gives a control the text of its buddy label as accessible name, so a form row's label names its field.
A row whose field is a layout (a date with two times, a path with a browse button) has no buddy: the
label would show its "&" literally and the fields would be nameless. ``labelled_row`` gives such a row a
real label with a buddy; ``name`` sets what a screen reader says for a control no label names.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def accessible(widget: QWidget, accessible_name: str, description: str = "") -> QWidget:
    """Set what a screen reader says for ``widget`` (and, when the name is not enough, a description)."""
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def labelled_row(form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget) -> QLabel:
    """Add a form row whose label (with its Alt letter) leads to ``buddy`` inside ``field``."""
    label = QLabel(text, form.parentWidget())
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


def plain(text: str) -> str:
    """``text`` without its Alt-letter marks ("&Datum:" -> "Datum"), for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()
