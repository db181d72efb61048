"""Walk every page, tab and dialog of the main window and check what a user sees and a screen reader hears.

Nothing here lists the app's pages or dialogs by hand: the pages come from ``mainwindow.PAGE_SPECS``, the
dialogs are found by triggering every menu action and clicking every button of every page and tab (and the
buttons inside each dialog found, one level deep) with ``exec``/``open`` and Qt's static message boxes,
input and file dialogs patched so nothing blocks. A dialog added later is checked as soon as a menu item
or button opens it.

Checks (each returns a list of Dutch-free, developer-facing problem strings):

- ``text_problems``: a literal "&" or an underlined space ("_") shown in a label, button, tab, group box or
  menu item;
- ``mnemonic_problems``: two visible controls of one window (menu bar included) with the same Alt letter;
- ``name_problems``: an interactive control whose accessible name (as Qt gives it to a screen reader:
  its own, its text, or its buddy label's) is empty;
- ``elision_problems``: a label or button narrower than its text, or a key column of a table (the model's
  ``KEY_COLUMNS``) whose text does not fit its cell or lies outside the view without scrolling sideways;
- ``tab_order_problems``: the Tab key moving against the reading order (up and not into a column to the
  right, or left on the same line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

MNEMONIC = re.compile(r"&(?!&)(.)")


def shown_mnemonic(text: str) -> str | None:
    """The Alt letter of a text Qt reads as a mnemonic ("&Datum" -> "d"), or None."""
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def strip_mnemonic(text: str) -> str:
    return MNEMONIC.sub(r"\1", text.replace("&&", "\0")).replace("\0", "&")


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())


def visible_widgets(root: QWidget) -> list[QWidget]:
    """``root`` and its descendants that are shown (hidden tabs, collapsed panels and closed menus left out)."""
    return [w for w in [root, *root.findChildren(QWidget)] if w.isVisibleTo(root) and w.isVisible()]


def _inside(widget: QWidget, kinds: tuple[type, ...], root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _internal(widget: QWidget, root: QWidget) -> bool:
    """A part Qt builds inside another control (a combo box's editor, a spin box's line edit, scroll bars)."""
    if isinstance(widget, (QScrollBar, QHeaderView, QMenu)):
        return True
    if widget.objectName().startswith("qt_") and not isinstance(widget, QTabBar):
        return True
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QTabBar):
        return True  # a tab bar's scroll arrows
    # A line edit's clear button and actions are parts of the line edit (Qt names them through it).
    kinds = (QComboBox, QAbstractSpinBox, QCalendarWidget, QAbstractItemView, QFileDialog, QLineEdit)
    return _inside(widget, kinds, root)


def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "title", "placeholderText", "accessibleName"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if text:
                break
    owner = widget.window()
    return f"{type(widget).__name__}({widget.objectName() or text!r}) in {owner.windowTitle() or type(owner).__name__}"


# Texts and mnemonics.


def _mnemonic_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Texts Qt shows with mnemonic handling: buttons, checkable group boxes, tab titles, buddy labels."""
    for widget in visible_widgets(root):
        if _internal(widget, root):
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            yield widget, widget.text()
        elif isinstance(widget, QToolButton) and widget.defaultAction() is None:
            yield widget, widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield widget, widget.tabText(i)
        elif isinstance(widget, QLabel) and widget.buddy() is not None and not _is_rich(widget):
            yield widget, widget.text()


def text_problems(root: QWidget) -> list[str]:
    problems = []
    for widget, text in _mnemonic_texts(root):
        if re.search(r"(?<!&)&(\s|$)", text.replace("&&", "")):
            problems.append(f'underlined space ("_") in {text!r}: {describe(widget)}')
    for widget in visible_widgets(root):
        buddy = widget.buddy() if isinstance(widget, QLabel) else None
        if buddy is not None and shown_mnemonic(widget.text()) and buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
            problems.append(f"Alt letter of {widget.text()!r} leads to a {type(buddy).__name__} that takes no focus")
        if isinstance(widget, QLabel) and widget.buddy() is None and not _is_rich(widget):
            if re.search(r"&\w", widget.text().replace("&&", "")):
                problems.append(f"literal '&' in label {widget.text()!r}: {describe(widget)}")
    if isinstance(root, QWidget) and hasattr(root, "menuBar"):
        for action in _menu_actions(root):
            if re.search(r"(?<!&)&(\s|$)", action.text().replace("&&", "")):
                problems.append(f'underlined space ("_") in menu item {action.text()!r}')
    return problems


def mnemonic_problems(root: QWidget) -> list[str]:
    """Duplicate Alt letters among the controls in view (and the menu bar's titles) of one window."""
    seen: dict[str, list[str]] = {}
    for widget, text in _mnemonic_texts(root):
        letter = shown_mnemonic(text)
        if letter and widget.isEnabled():
            seen.setdefault(letter, []).append(strip_mnemonic(text))
    menu_bar = root.menuBar() if hasattr(root, "menuBar") else None
    if menu_bar is not None:
        for action in menu_bar.actions():
            letter = shown_mnemonic(action.text())
            if letter:
                seen.setdefault(letter, []).append(strip_mnemonic(action.text()) + " (menu)")
    return [f"Alt+{letter.upper()} shared by {names}" for letter, names in seen.items() if len(names) > 1]


def _menu_actions(window) -> list:
    actions = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                actions.append(action)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    return actions


# Screen reader names.

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def name_problems(root: QWidget) -> list[str]:
    problems = []
    for widget in visible_widgets(root):
        if not isinstance(widget, INTERACTIVE) or _internal(widget, root):
            continue
        if isinstance(widget, QHeaderView):
            continue
        if not accessible_name(widget).strip():
            problems.append(f"no accessible name: {describe(widget)}")
    return problems


# Clipped text.


def _label_clipped(label: QLabel) -> bool:
    if label.wordWrap() or not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return False
    if _is_rich(label):
        return label.width() + 1 < label.minimumSizeHint().width()
    metrics = QFontMetrics(label.font())
    text = strip_mnemonic(label.text()) if label.buddy() is not None else label.text()
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return widest > label.contentsRect().width() - 2 * label.margin() - label.indent() * (label.indent() > 0) + 1


def _button_clipped(button: QAbstractButton) -> bool:
    if not button.text():
        return False
    metrics = QFontMetrics(button.font())
    needed = metrics.horizontalAdvance(strip_mnemonic(button.text()))
    if isinstance(button, (QCheckBox, QRadioButton)):
        return button.width() + 1 < button.minimumSizeHint().width()
    if isinstance(button, QPushButton) and button.menu() is not None:
        needed += 12
    return needed > button.width() - 6


def key_columns(view: QAbstractItemView) -> tuple[int, ...]:
    model = view.model()
    return tuple(getattr(model, "KEY_COLUMNS", ())) if model is not None else ()


def _column_problems(view: QTableView | QTreeView, column: int, rows: int = 40) -> list[str]:
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    model = view.model()
    if view.isColumnHidden(column) if isinstance(view, QTableView) else header.isSectionHidden(column):
        return []
    title = str(model.headerData(column, Qt.Orientation.Horizontal) or column)
    where = (
        f"column {title!r} of {type(model).__name__} in {view.window().windowTitle() or type(view.window()).__name__}"
    )
    start = header.sectionPosition(column)  # with the view scrolled fully left
    end = start + header.sectionSize(column)
    frozen = getattr(view, "frozen_columns", lambda: ())()
    if end > view.viewport().width() + 1 and column not in frozen:
        return [f"{where} ends at {end} px, beyond the view's {view.viewport().width()} px (scroll sideways)"]
    problems = []
    checked = 0

    def indexes(parent: QModelIndex) -> Iterator[QModelIndex]:
        for row in range(model.rowCount(parent)):
            index = model.index(row, column, parent)
            yield index
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                yield from indexes(first)

    for index in indexes(QModelIndex()):
        rect: QRect = view.visualRect(index)
        if rect.isEmpty() or rect.top() > view.viewport().height():
            continue
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        needed = QFontMetrics(font).horizontalAdvance(text) + 8  # the delegate's margins
        if needed > rect.width():
            problems.append(f"{where}: {text!r} needs {needed} px, has {rect.width()}")
            break
        checked += 1
        if checked >= rows:
            break
    return problems


def shown_text(view: QAbstractItemView, index: QModelIndex) -> str:
    """The text a cell shows: wrapped onto the lines its row height holds when the view wraps (the last
    of them elided when more follow), else on one line elided at the right; measured with the font metrics
    at the cell's width less the delegate's margins (the 8 px the key-column check allows too)."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    font = index.data(Qt.ItemDataRole.FontRole) or view.font()
    metrics = QFontMetrics(font)
    rect = view.visualRect(index)
    width = rect.width() - 8
    if not view.wordWrap():
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    layout = QtGui.QTextLayout(text, font)
    option = QtGui.QTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    height = 0.0
    cut = False
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if height + line.height() > rect.height():
            cut = True
            break
        height += line.height()
        starts.append(line.textStart())
    layout.endLayout()
    if not starts:
        return ""
    lines = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    if cut:  # the last line that fits shows the rest of the text elided
        lines[-1] = metrics.elidedText(lines[-1], Qt.TextElideMode.ElideRight, width)
    return " ".join(lines)


def elision_problems(root: QWidget) -> list[str]:
    problems = []
    for widget in visible_widgets(root):
        if _internal(widget, root):
            continue
        if isinstance(widget, QLabel) and _label_clipped(widget):
            problems.append(f"label cut: {widget.text()!r} ({widget.width()} px): {describe(widget)}")
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton) and _button_clipped(widget):
            problems.append(f"button cut: {widget.text()!r} ({widget.width()} px): {describe(widget)}")
        elif isinstance(widget, (QTableView, QTreeView)):
            for column in key_columns(widget):
                problems.extend(_column_problems(widget, column))
    return problems


# Tab order.


def tab_order_problems(dialog: QWidget) -> list[str]:
    """Each Tab step goes down, or right on the same line, or up into a column further right."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog and widget not in chain and len(chain) < 500:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is dialog
            and not _internal(widget, dialog)
            and not (isinstance(widget, QTabBar))
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    problems: list[str] = []

    def rect(w: QWidget) -> QRect:
        return QRect(w.mapTo(dialog, QPoint(0, 0)), w.size())

    if not chain:
        return problems
    rects = [rect(w) for w in chain]

    def steps(order: list[int]) -> list[str]:
        found = []
        for i, j in zip(order, order[1:], strict=False):
            a, b = rects[i], rects[j]
            same_line = b.top() < a.bottom() - 2 and a.top() < b.bottom() - 2
            went_up = b.bottom() <= a.top() + 2
            if same_line and b.right() <= a.left() + 2:
                found.append(f"Tab goes left: {describe(chain[i])} -> {describe(chain[j])}")
            elif went_up and not same_line and b.left() < a.right() - 2:
                found.append(f"Tab goes up: {describe(chain[i])} -> {describe(chain[j])}")
        return found

    # The chain is a circle: read it from wherever reading starts, the start that breaks it least.
    n = len(chain)
    problems = min((steps([(start + k) % n for k in range(n)]) for start in range(n)), key=len)
    return problems


# Discovering dialogs.


@dataclass
class Seen:
    """One window state that was checked: a page with a tab, or a dialog."""

    name: str
    problems: dict[str, list[str]] = field(default_factory=dict)


CHECKS: dict[str, Callable[[QWidget], list[str]]] = {
    "text": text_problems,
    "mnemonic": mnemonic_problems,
    "name": name_problems,
    "elided": elision_problems,
}


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


class Walker:
    """Opens every page, tab and reachable dialog of ``window`` and records the checks' findings."""

    #: Menu items not triggered: they quit, or open a database (the walk stays on the demo).
    SKIP_ACTIONS = ("Afsluiten", "Quit")
    #: Buttons not clicked: they start something long-running or leave the page's state for good.
    SKIP_BUTTONS = ("Afsluiten", "Quit")

    def __init__(self, window, monkeypatch, screenshots: Path | None = None) -> None:
        self.window = window
        self.monkeypatch = monkeypatch
        self.screenshots = screenshots
        self.seen: list[Seen] = []
        self.dialog_classes: set[str] = set()
        self.message_boxes: list[str] = []
        self._depth = 0
        self._current_source = ""
        if screenshots is not None:
            screenshots.mkdir(parents=True, exist_ok=True)
        self._patch()

    # Patching whatever would block.

    def _patch(self) -> None:
        mp = self.monkeypatch
        walker = self

        def fake_exec(dialog, *args, **kwargs):
            if isinstance(dialog, QMessageBox):
                walker.message_boxes.append(dialog.text())
                walker.check_dialog(dialog, dialog.windowTitle() or "message")
                return QMessageBox.StandardButton.Cancel
            if isinstance(dialog, QFileDialog):
                return QDialog.DialogCode.Rejected
            walker.check_dialog(dialog, type(dialog).__name__)
            return QDialog.DialogCode.Rejected

        mp.setattr(QDialog, "exec", fake_exec)
        mp.setattr(QDialog, "open", lambda dialog: fake_exec(dialog))
        mp.setattr(QMenu, "exec", lambda *a, **k: None)
        mp.setattr(QMenu, "popup", lambda *a, **k: None)
        for name in ("question", "warning", "information", "critical"):
            mp.setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
        mp.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
        for name in ("getText", "getItem", "getInt", "getMultiLineText"):
            mp.setattr(QInputDialog, name, staticmethod(lambda *a, **k: ("", False)))
        for name in ("getOpenFileName", "getSaveFileName"):
            mp.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
        mp.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))

    # Checking.

    def check(self, root: QWidget, name: str) -> Seen:
        settle()
        seen = Seen(name)
        for kind, check in CHECKS.items():
            found = check(root)
            if found:
                seen.problems[kind] = found
        if isinstance(root, QDialog):
            found = tab_order_problems(root)
            if found:
                seen.problems["tab order"] = found
        self.seen.append(seen)
        if self.screenshots is not None:
            safe = re.sub(r"[^\w.-]+", "_", name)[:80]
            root.grab().save(str(self.screenshots / f"{len(self.seen):03d}_{safe}.png"))
        return seen

    def check_dialog(self, dialog: QDialog, name: str) -> None:
        self.dialog_classes.add(type(dialog).__name__)
        dialog.show()
        settle()
        label = f"{name} (from {self._current_source})"
        for tab_state in list(self._tab_states(dialog)):
            if not shiboken6.isValid(dialog):
                return
            self.check(dialog, f"{label}{tab_state}")
        if self._depth == 0 and not isinstance(dialog, QMessageBox):
            self._depth += 1
            try:
                self._click_buttons(dialog, name)
            finally:
                self._depth -= 1
        if shiboken6.isValid(dialog):
            dialog.hide()

    def _tab_states(self, root: QWidget, done: frozenset[int] = frozenset()) -> Iterator[str]:
        """Show each tab of each visible tab widget in ``root`` in turn, tabs inside tabs too; yields a name
        for each state (Alt letters of a tab page count only while it is shown)."""
        tabs = [t for t in root.findChildren(QTabWidget) if t.isVisible() and id(t) not in done]
        if not tabs:
            yield ""
            return
        tab_widget = tabs[0]
        original = tab_widget.currentIndex()
        shown = False
        for index in range(tab_widget.count()):
            if not (tab_widget.isTabEnabled(index) and tab_widget.isTabVisible(index)):
                continue
            tab_widget.setCurrentIndex(index)
            settle()
            shown = True
            for inner in self._tab_states(root, done | {id(tab_widget)}):
                yield f" / {strip_mnemonic(tab_widget.tabText(index))}{inner}"
        if shiboken6.isValid(tab_widget):
            tab_widget.setCurrentIndex(original)
        if not shown:
            yield ""

    def _click_buttons(self, root: QWidget, source: str) -> None:
        buttons = [
            b
            for b in root.findChildren(QAbstractButton)
            if b.isVisible()
            and b.isEnabled()
            and b.window() is root.window()
            and not _internal(b, root)
            and not isinstance(b.parentWidget(), QDialogButtonBox)
            and not isinstance(b, (QCheckBox, QRadioButton))
            and not any(skip in b.text() for skip in self.SKIP_BUTTONS)
        ]
        for button in buttons:
            if not shiboken6.isValid(button) or not (button.isVisible() and button.isEnabled()):
                continue  # deleted or hidden by an earlier click
            self._current_source = f"{source} > {strip_mnemonic(button.text()) or button.toolTip()}"
            menu = button.menu() if isinstance(button, (QPushButton, QToolButton)) else None
            if menu is not None:
                for action in menu.actions():
                    if action.isEnabled() and not action.isSeparator() and action.menu() is None:
                        self._current_source = f"{source} > {strip_mnemonic(action.text())}"
                        action.trigger()
                        settle()
                        self._close_stray_windows()
                continue
            button.click()
            settle()
            self._close_stray_windows()

    def _close_stray_windows(self) -> None:
        """Modeless windows a click opened (``show()``): checked, then closed."""
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or isinstance(widget, QMenu):
                continue
            if widget.isWindow() and isinstance(widget, QDialog):
                self.dialog_classes.add(type(widget).__name__)
                self.check(widget, f"{type(widget).__name__} (from {self._current_source})")
                widget.close()
        settle()

    # The walk.

    def walk_pages(self, page_keys, click: bool = True) -> None:
        for key in page_keys:
            self.window.show_page(key)
            settle()
            page = self.window.page(key)
            for tab_state in self._tab_states(page):
                self._select_first_rows(page)  # record buttons (Wijzigen, Bewerken...) need a selection
                self.check(self.window, f"page {key}{tab_state}")
                if click:
                    self._click_buttons(page, f"{key}{tab_state}")
                    self.window.show_page(key)
                    settle()

    @staticmethod
    def _select_first_rows(root: QWidget) -> None:
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if view.isVisible() and model is not None and model.rowCount() and not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
        settle()

    def walk_meeting_states(self) -> None:
        """The Overleggen page once more for a meeting in each state (concept ... verslag vastgesteld,
        geannuleerd): each state shows other buttons and dialogs (vaststellen, heropenen)."""
        page = self.window.page("meetings")
        self.window.show_page("meetings")
        settle()
        chosen = {}
        for row in page.model.rows():
            chosen.setdefault(getattr(row, "state", None), row.id)
        for state, meeting_id in chosen.items():
            page.select_meeting(meeting_id)
            settle()
            name = getattr(state, "value", str(state))
            for tab_state in self._tab_states(page):
                self._select_first_rows(page)
                self.check(self.window, f"page meetings ({name}){tab_state}")
                self._click_buttons(page, f"meetings ({name}){tab_state}")
                self.window.show_page("meetings")
                if page.meeting.meeting_id != meeting_id:
                    page.select_meeting(meeting_id)
                settle()

    def walk_menus(self) -> None:
        for action in _menu_actions(self.window):
            text = strip_mnemonic(action.text())
            if not action.isEnabled() or action.isCheckable() or any(s in text for s in self.SKIP_ACTIONS):
                continue
            self._current_source = f"menu {text}"
            action.trigger()
            settle()
            self._close_stray_windows()

    def report(self, kinds: tuple[str, ...]) -> list[str]:
        lines = []
        for seen in self.seen:
            for kind in kinds:
                for problem in seen.problems.get(kind, ()):
                    line = f"[{kind}] {seen.name}: {problem}"
                    if line not in lines:
                        lines.append(line)
        return lines
