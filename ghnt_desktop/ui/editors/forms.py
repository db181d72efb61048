"""Small building blocks shared by the editors: record pickers with type-ahead, optional dates, confirmations.

Every visible string is Dutch and goes through Qt's translator. Widgets hold ids and plain values, never
ORM objects; the editors turn what they hold into keyword arguments for one service call.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...dutch_dates import short_date
from ...services import ValidationError
from ..widgets.scroll import scrolling


def tr(text: str) -> str:
    return QCoreApplication.translate("editors", text)


class RecordCombo(QComboBox):
    """An editable combo box over (label, id) choices with type-ahead on any part of the name.

    ``current_id()`` is the id of the choice whose label equals the text, else None; ``text()`` is what
    was typed, so a free text ("Projectleider GHNT") can be kept beside a record. With ``allow_none``
    the first entry is an empty choice.
    """

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = True, free_text: bool = False) -> None:
        super().__init__(parent)
        self.allow_none = allow_none
        self.free_text = free_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        if self.lineEdit() is not None and allow_none:
            self.lineEdit().setPlaceholderText(tr("(geen)"))

    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        """Replace the choices, keeping what is chosen when it is still there."""
        current_text, current_id = self.currentText(), self.current_id()
        self.blockSignals(True)
        self.clear()
        if self.allow_none:
            self.addItem("", None)
        for label, value in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        if current_id is not None:
            self.set_current_id(current_id)
        else:
            self.setEditText(current_text)

    def current_id(self) -> Any:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)  # case-insensitive exact match
        return self.itemData(index) if index >= 0 else None

    def set_current_id(self, value: Any, fallback_text: str = "") -> None:
        index = self.findData(value) if value is not None else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0 if self.allow_none and self.count() else -1)
            self.setEditText(fallback_text)

    def text(self) -> str:
        return self.currentText().strip()

    def check(self, label: str) -> Any:
        """The chosen id; a typed name that matches nothing is refused unless free text is allowed."""
        value = self.current_id()
        if value is None and self.text() and not self.free_text:
            raise ValidationError(
                arg_text(tr('%1: kies een naam uit de lijst ("%2" is onbekend).'), label, self.text())
            )
        if value is None and not self.text() and not self.allow_none:
            raise ValidationError(arg_text(tr("%1 mag niet leeg zijn."), label))
        return value


def arg_text(template: str, *values: object) -> str:
    from ..i18n import arg

    return arg(template, *values)


class DateEdit(QLineEdit):
    """A date typed as dd-mm-jjjj (also d-m-jjjj, jjjj-mm-dd), or left empty for "none"."""

    FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("dd-mm-jjjj"))
        self.setMaxLength(10)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00-00-00000") + 24)

    def set_date(self, value: date | None) -> None:
        self.setText(short_date(value))

    def date_value(self, label: str = "") -> date | None:
        """The date typed, None when empty; a Dutch ``ValidationError`` when it cannot be read."""
        text = self.text().strip()
        if not text:
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValidationError(arg_text(tr('%1: "%2" is geen datum (schrijf dd-mm-jjjj).'), label or tr("Datum"), text))


class TextEdit(QPlainTextEdit):
    """A multi-line text field sized for a few lines, with ``text()`` like a line edit."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        spacing = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(spacing * lines + 12)
        self.setMaximumHeight(spacing * (lines + 4) + 12)  # a form keeps its fields in view

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the line edit's name
        self.setPlainText(text)


def fill_enum_combo(combo: QComboBox, members: Sequence[Any]) -> None:
    """Fill a combo box with enum members shown by their (translated) Dutch label."""
    from ..i18n import enum_label

    combo.clear()
    for member in members:
        combo.addItem(enum_label(member), member)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str | None = None) -> bool:
    """Ask a yes/no question (the default is No, so Enter never deletes by accident)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes or tr("Ja"), QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(tr("Annuleren"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


class FormDialog(QDialog):
    """A dialog with a form and OK/Cancel; ``accept`` asks ``collect()`` and shows a ``ValidationError``."""

    accepted_values = Signal(dict)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.values: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(scrolling(self.form, self), 1)  # scrolls on a low screen (150% on 1366x768)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def collect(self) -> dict[str, Any]:
        """The values of the form as service keyword arguments; raises ``ValidationError``."""
        raise NotImplementedError

    @property
    def seen(self) -> dict[str, Any] | None:
        """What the form was opened with, for the fields being saved: the ``seen`` of the edit, so that a value
        another user saved meanwhile is not overwritten silently (``services.versions``). None for a new record."""
        from ...services.versions import seen_in

        detail = getattr(self, "detail", None)
        return None if detail is None else seen_in(detail, self.values)

    def accept(self) -> None:
        from ..errors import show_error

        try:
            self.values = self.collect()
        except ValidationError as exc:
            show_error(self, exc)
            return
        self.accepted_values.emit(self.values)
        super().accept()


def changed_values(before: Any, after: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``after`` whose value differs from the attribute of ``before`` (a detail dataclass)."""
    result = {}
    for key, value in after.items():
        old = getattr(before, key)
        if isinstance(old, tuple) and isinstance(value, list):
            value = tuple(value)
        if old != value:
            result[key] = value
    return result


def id_or_none(value: Any) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None


def make_toolbar(parent: QWidget, actions: Sequence[Any]) -> QToolBar:
    """A compact text-only toolbar over a table; ``None`` in ``actions`` is a separator."""
    toolbar = QToolBar(parent)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in actions:
        if action is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)
    return toolbar


def make_action(parent: QWidget, text: str, slot, shortcut: Any = None, *, view: QWidget | None = None) -> QAction:
    """An action with an optional shortcut that works while ``view`` (or its children) has focus."""
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if view is not None:
        view.addAction(action)
    return action
