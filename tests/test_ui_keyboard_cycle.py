"""The whole afstemmingsoverleg cycle by keyboard alone: key events only, no clicks, no method calls.

New meeting (Ctrl+Shift+N), the carried actions accepted, an agenda item added (Alt+V), planned (Alt+F),
attendance marked (Alt+Z, A/F/W), every agenda item minuted (Alt+T, Alt+V for the verslag, Alt+I for a
decision, Ctrl+Tab to the actiepunten, Alt+E for an action, PgDown to the next item) with the carried actions'
progress recorded (Ctrl+Enter), held (Alt+G), approved (Alt+G) and the verslag exported (Ctrl+E).
A modal dialog is answered the same way: a timer started before the key that opens it types into it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from ghnt_desktop.models import ActionItem, AgendaItem, Attendance, Decision, Meeting, MeetingState, ProgressUpdate

TODAY = date(2020, 3, 2)
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus() -> QWidget:
    """The widget keys go to. When a dialog closes, a window manager activates the window below it again;
    offscreen has no window manager, so this does what it would."""
    top = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "MainWindow"
    )
    if not top.isActiveWindow():
        top.activateWindow()
        QApplication.processEvents()
    return QApplication.focusWidget() or top


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to whatever has the focus (shortcuts and Alt letters included)."""
    QTest.keyClick(focus(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focus(), text)


class Modals:
    """Answers the next modal dialogs by keyboard, in order; each answer runs inside the dialog's own loop."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.errors: list[str] = []

    def expect(self, kind: type, answer) -> None:
        tries = [0]

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind) and dialog.isVisible() and not dialog.isActiveWindow():
                dialog.activateWindow()  # what the window manager does for a new dialog (offscreen has none)
            if isinstance(dialog, kind) and dialog.isVisible() and dialog.isActiveWindow():
                self.seen.append(type(dialog).__name__)
                try:
                    answer(dialog)
                except Exception as exc:  # reported after the loop; the dialog is closed by keyboard
                    self.errors.append(f"{kind.__name__}: {type(exc).__name__}: {exc}")
                    QTest.keyClick(dialog, Qt.Key.Key_Escape)
                return
            tries[0] += 1
            if tries[0] < 1000:
                QTimer.singleShot(5, poll)
            else:
                self.errors.append(f"{kind.__name__} never opened")

        QTimer.singleShot(0, poll)


def tab_to(label: str, limit: int = 40) -> None:
    """Tab until the focus is on the button whose text starts with ``label`` (as a user tabs to OK)."""
    for _ in range(limit):
        widget = focus()
        if hasattr(widget, "text") and callable(widget.text) and widget.text().replace("&", "").startswith(label):
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"no button {label!r} in the tab order")


def count(window, model, *where) -> int:
    with window.database.session() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_the_afstemmingsoverleg_cycle_by_keyboard_alone(demo_window, qtbot, tmp_path):
    from ghnt_desktop.ui.meeting.dialogs import ApproveDialog, CarryForwardDialog, NewMeetingDialog, TextDialog

    window = demo_window(TODAY)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigation.setFocus()
    modals = Modals()

    # Overleggen (Ctrl+3), a new meeting of the afstemmingsoverleg series.
    press(Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: window.current_page().key == "meetings")
    page = window.page("meetings")
    view = page.meeting

    def new_meeting(dialog: NewMeetingDialog) -> None:
        QTest.keyClick(focus(), Qt.Key.Key_R, ALT)  # Reeks:
        assert focus() is dialog.series_combo
        type_text("Afstemmingsoverleg")  # type-ahead picks the series
        assert "Afstemmingsoverleg" in dialog.series_combo.currentText()
        press(Qt.Key.Key_Return)  # the default button: Overleg aanmaken

    modals.expect(NewMeetingDialog, new_meeting)
    modals.expect(CarryForwardDialog, lambda dialog: press(Qt.Key.Key_Return))  # keep every carried action
    press(Qt.Key.Key_N, CTRL | SHIFT)
    assert not modals.errors, modals.errors
    assert modals.seen == ["NewMeetingDialog", "CarryForwardDialog"]
    meeting_id = view.meeting_id
    with window.database.session() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.state is MeetingState.CONCEPT and meeting.series.code == "AO"
    items_before = count(window, AgendaItem, AgendaItem.meeting_id == meeting_id)

    # The agenda: Alt+A shows it, Alt+V adds an item (title typed, then Tab to OK and Space).
    press(Qt.Key.Key_A, ALT)
    assert view.tabs.currentWidget() is view.agenda

    def item_title(dialog: TextDialog) -> None:
        type_text("Regionale werkagenda 2021")
        tab_to("Toevoegen")
        press(Qt.Key.Key_Space)

    modals.expect(TextDialog, item_title)
    press(Qt.Key.Key_V, ALT)  # a button's Alt letter clicks it after a short flash: wait for the result
    qtbot.waitUntil(lambda: "TextDialog" in modals.seen and not QApplication.activeModalWidget())
    assert not modals.errors, modals.errors
    assert count(window, AgendaItem, AgendaItem.meeting_id == meeting_id) == items_before + 1

    # Planned: Alt+F ("Definitief plannen").
    press(Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: view.data.detail.state is MeetingState.PLANNED)

    # Attendance: Alt+Z, into the list, then A (aanwezig), F (afgemeld) and W (afwezig) down the list.
    press(Qt.Key.Key_Z, ALT)
    assert view.tabs.currentWidget() is view.attendance
    for _ in range(30):  # Tab into the list
        if focus() is view.attendance.table:
            break
        press(Qt.Key.Key_Tab)
    assert focus() is view.attendance.table
    rows = view.attendance.model.rowCount()
    assert rows >= 3
    keys = [Qt.Key.Key_A] * (rows - 2) + [Qt.Key.Key_F, Qt.Key.Key_W]
    for key in keys:
        press(key)
    with window.database.session() as session:
        statuses = [
            a.status.value for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))
        ]
    assert sorted(statuses) == sorted(["present"] * (rows - 2) + ["excused", "absent"])

    # Minutes, item by item: Alt+T, Alt+V the verslag; a decision (Alt+I, Ctrl+Enter) and an action
    # (Ctrl+Tab to the actiepunten, Alt+E, Alt+K trekker, Alt+D deadline, Ctrl+Enter); the carried actions'
    # progress at "Verslag en actielijst vorig overleg" (Alt+D gedaan, Ctrl+Enter, on to the next).
    press(Qt.Key.Key_T, ALT)
    minutes = view.minutes
    assert view.tabs.currentWidget() is minutes
    agenda = [(line.item.id, line.item.title) for line in view.data.agenda]
    ordinary = 0
    for item_id, title in agenda:
        qtbot.waitUntil(lambda item_id=item_id: minutes.current_item_id() == item_id)
        press(Qt.Key.Key_V, ALT)  # Verslag
        assert focus() is minutes.notes
        type_text(f"Besproken: {title}.")
        if minutes.parts.currentWidget() is minutes.review_page:
            for _ in range(minutes.review_model.rowCount()):
                press(Qt.Key.Key_D, ALT)  # Gedaan
                assert focus() is minutes.review_done
                type_text(" Besproken in het overleg.")
                press(Qt.Key.Key_Return, CTRL)
        elif minutes.parts.currentWidget() is minutes.programme_page:
            for _ in range(minutes.programme_model.rowCount()):
                press(Qt.Key.Key_D, ALT)
                type_text(" Stand besproken.")
                press(Qt.Key.Key_Return, CTRL)
        else:
            ordinary += 1
            press(Qt.Key.Key_I, ALT)  # Nieuw besluit
            assert focus() is minutes.decision_edit
            type_text(f"Besluit bij {title}")
            press(Qt.Key.Key_Return, CTRL)
            qtbot.waitUntil(lambda: minutes.decision_edit.toPlainText() == "")
            press(Qt.Key.Key_Tab, CTRL)  # the next part: Actiepunten
            assert minutes.parts.currentWidget() is minutes.actions_page
            press(Qt.Key.Key_E, ALT)
            assert focus() is minutes.action_text
            type_text(f"Uitwerken: {title}")
            press(Qt.Key.Key_K, ALT)
            type_text("Projectleider GHNT")
            press(Qt.Key.Key_D, ALT)
            type_text("15-06-2020")
            press(Qt.Key.Key_Return, CTRL)
            qtbot.waitUntil(lambda: minutes.action_text.text() == "")
        press(Qt.Key.Key_PageDown)  # the next agenda item

    # Held: Alt+G; the date still lies ahead of "today" in the demo, which the app asks to confirm.
    modals.expect(QMessageBox, lambda box: (tab_to("Ja, gehouden op"), press(Qt.Key.Key_Space)))
    press(Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: view.data.detail.state is MeetingState.HELD)
    assert not modals.errors, modals.errors

    # Approved: Alt+G again ("Verslag vaststellen..."), confirmed, and the dialog's default button.
    modals.expect(QMessageBox, lambda box: (tab_to("Ja, vaststellen"), press(Qt.Key.Key_Space)))
    modals.expect(ApproveDialog, lambda dialog: press(Qt.Key.Key_Return))
    press(Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: view.data.detail.state is MeetingState.MINUTES_APPROVED)
    assert not modals.errors, modals.errors

    with window.database.session() as session:
        items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
        assert all(item.minutes_text.startswith("Besproken: ") for item in items)
        decisions = session.scalars(
            select(Decision)
            .join(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .where(AgendaItem.meeting_id == meeting_id)
        ).all()
        actions = session.scalars(select(ActionItem).where(ActionItem.origin_meeting_id == meeting_id)).all()
        progress = session.scalars(select(ProgressUpdate).where(ProgressUpdate.meeting_id == meeting_id)).all()
    assert len(decisions) == ordinary and len(actions) == ordinary and ordinary >= 3
    assert progress, "the carried actions' progress was recorded"

    # Exported: Ctrl+E, the verslag of this meeting; Alt+A to the file name, Alt+M makes it.
    target = tmp_path / "verslag.docx"
    press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: type(QApplication.activeModalWidget()).__name__ == "ExportDialog")
    press(Qt.Key.Key_A, ALT)  # Opslaan als
    assert focus() is QApplication.activeModalWidget().file_edit, "Alt+A must lead to the file name"
    press(Qt.Key.Key_A, CTRL)
    type_text(str(target))
    dialog = QApplication.activeModalWidget()
    assert focus() is dialog.file_edit and dialog.file_edit.text() == str(target)
    press(Qt.Key.Key_M, ALT)  # Maken
    # Done means the dialog shows its result: the file exists a moment earlier, while the export still checks it,
    # and Escape then cancels the export (and keeps the dialog) instead of closing it.
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert target.exists()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    import docx

    qtbot.waitUntil(lambda: target.stat().st_size > 0)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    for table in docx.Document(str(target)).tables:
        text += "\n".join(cell.text for row in table.rows for cell in row.cells)
    assert "Besluit bij" in text and "Uitwerken:" in text
