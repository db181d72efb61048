"""The programme editor on the demo database: edits through the form, undo/redo, responsibility, reorder, delete."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ghnt_desktop.models import ActionItem, Ambition, ProgrammeAction, Responsibility, ResponsibilityRole
from ghnt_desktop.services.programme import describe_removal
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def messages(monkeypatch):
    """Dutch messages shown to the user; no dialog blocks a test."""
    shown: list[str] = []
    monkeypatch.setattr("ghnt_desktop.ui.undo.show_error", lambda parent, exc: shown.append(str(exc)))
    monkeypatch.setattr("ghnt_desktop.ui.errors.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    return shown


@pytest.fixture
def answers(monkeypatch):
    """The answers to confirmation questions (True = yes), recorded with their question."""
    asked: list[str] = []
    state = {"answer": True}

    def confirm(parent, title, text, *, yes=None):
        asked.append(text)
        return state["answer"]

    monkeypatch.setattr("ghnt_desktop.ui.pages.programme.confirm", confirm)
    return asked, state


@pytest.fixture
def window(qtbot, tmp_path, demo_file, messages):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("programme")
    yield win
    if win.database is not None:
        win.database.close()


def scalar(window, query):
    with window.database.session() as session:
        return session.scalar(query)


def action_id(window, code):
    return scalar(window, select(ProgrammeAction.id).where(ProgrammeAction.code == code))


def select_code(page, code):
    assert page.select_id(action_id(page.window(), code))
    return page.current_node()


def test_edit_in_the_form_is_saved_undone_and_redone(window, qtbot):
    page = window.page("programme")
    select_code(page, "E1-2")
    form = page.action_form
    assert page.forms.currentWidget() is form
    old_text = form.text_edit.text()
    form.text_edit.setPlainText("Plan van aanpak 🚀 opstellen")
    form.deadline.setText("augustus-september 2019")
    assert form.save_button.isEnabled()
    assert "augustus 2019 – september 2019" in form.period_label.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = scalar(window, select(ProgrammeAction).where(ProgrammeAction.code == "E1-2"))
    assert stored.text == "Plan van aanpak 🚀 opstellen"
    assert (stored.deadline_text, stored.deadline_start, stored.deadline_end) == (
        "augustus-september 2019",
        date(2019, 8, 1),
        date(2019, 9, 30),
    )
    assert page.current_node().row.code == "E1-2"  # still selected after the reload
    assert page.current_node().row.deadline_text == "augustus-september 2019"
    assert not form.save_button.isEnabled()

    window.undo_action.trigger()
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-2")) == old_text
    assert page.action_form.text_edit.text() == old_text
    window.redo_action.trigger()
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-2")) == (
        "Plan van aanpak 🚀 opstellen"
    )


def test_invalid_input_gives_a_dutch_message_and_keeps_the_data(window, messages):
    page = window.page("programme")
    select_code(page, "E1-1")
    page.action_form.text_edit.setPlainText("   ")
    page.action_form.save()
    assert messages and "mag niet leeg zijn" in messages[0]
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-1")).strip()
    assert window.undo_stack.count() == 0 or not window.undo_stack.canUndo()


def own_responsibilities(window, record_id):
    with window.database.session() as session:
        return [
            (r.role, r.label, r.organisation_id)
            for r in session.scalars(
                select(Responsibility)
                .where(Responsibility.programme_action_id == record_id)
                .order_by(Responsibility.position)
            )
        ]


def test_inherited_and_overridden_responsibility_shown_and_stored(window):
    page = window.page("programme")
    node = select_code(page, "E1-1")
    editor = page.action_form.responsibility
    model = page.model
    # Inherited: the box is off, the lines show the ambition's names greyed (disabled), the tree mutes them.
    assert not editor.override_box.isChecked()
    assert not editor.trekkers.isEnabled() and editor.inherited_note.isVisible()
    inherited = [line.combo.text() for line in editor.trekkers.lines]
    assert inherited == list(node.row.responsibility.trekkers)
    index = page.view.currentIndex().siblingAtColumn(model.TREKKER)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None

    editor.override_box.setChecked(True)
    assert editor.trekkers.isEnabled()
    assert [line.combo.text() for line in editor.trekkers.lines] == inherited  # starts from what was in force
    editor.trekkers.lines[0].combo.setEditText("Veilig Thuis (Groningen)")  # an organisation of the network
    editor.trekkers.add_line().combo.setEditText("Projectleider GHNT")  # a role, kept as text
    page.action_form.save()
    record_id = action_id(window, "E1-1")
    stored = own_responsibilities(window, record_id)
    trekkers = [(label, org is not None) for role, label, org in stored if role is ResponsibilityRole.TREKKER]
    assert trekkers == [("Veilig Thuis (Groningen)", True), ("Projectleider GHNT", False)]
    assert scalar(window, select(ProgrammeAction.overrides_responsibility).where(ProgrammeAction.id == record_id))
    index = page.view.currentIndex().siblingAtColumn(model.TREKKER)
    assert index.data() == "Veilig Thuis (Groningen), Projectleider GHNT"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # its own: not muted
    assert page.action_form.responsibility.override_box.isChecked()

    # Back to inherited: the own lines go, the ambition's show greyed again.
    page.action_form.responsibility.override_box.setChecked(False)
    page.action_form.save()
    assert own_responsibilities(window, record_id) == []
    assert [line.combo.text() for line in page.action_form.responsibility.trekkers.lines] == inherited
    window.undo_action.trigger()
    assert len(own_responsibilities(window, record_id)) == len(stored)


def test_ambition_responsibility_is_inherited_by_its_actions(window):
    page = window.page("programme")
    ambition_id = scalar(window, select(Ambition.id).where(Ambition.code == "E1"))
    page.select_id(ambition_id)
    editor = page.ambition_form.responsibility
    assert page.forms.currentWidget() is page.ambition_form and editor.trekkers.isEnabled()
    editor.trekkers.lines[0].combo.setEditText("Gemeente Groningen")
    page.ambition_form.save()
    select_code(page, "E1-1")
    assert [line.combo.text() for line in page.action_form.responsibility.trekkers.lines][0] == "Gemeente Groningen"


def positions(window, ambition_code):
    with window.database.session() as session:
        ambition = session.scalar(select(Ambition).where(Ambition.code == ambition_code))
        return [a.code for a in sorted(ambition.actions, key=lambda a: a.position)]


def test_reorder_with_the_keyboard_and_undo(window, qtbot):
    page = window.page("programme")
    before = positions(window, "E7")
    select_code(page, before[0])
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    after = positions(window, "E7")
    assert after == [before[1], before[0], *before[2:]]
    assert page.current_node().row.code == before[0]  # the moved action stays selected
    assert [n.row.code for n in page.current_node().parent.children] == after
    page.move_up_action.trigger()
    assert positions(window, "E7") == before
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert positions(window, "E7") == before


def test_delete_refused_with_the_dutch_message(window, qtbot, messages, answers):
    asked, _state = answers
    code = scalar(
        window,
        select(ProgrammeAction.code).join(ActionItem, ActionItem.programme_action_id == ProgrammeAction.id).limit(1),
    )
    page = window.page("programme")
    select_code(page, code)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert asked == []  # refused at once: no question first
    assert messages and "kan niet worden verwijderd" in messages[0] and "actiepunt" in messages[0]
    assert action_id(window, code) is not None
    assert window.undo_stack.count() == 0


def test_delete_unreferenced_after_confirmation_and_undo(window, qtbot, answers):
    asked, state = answers
    page = window.page("programme")
    with window.database.session() as session:
        codes = session.scalars(select(ProgrammeAction.code).order_by(ProgrammeAction.code)).all()
        ids = {c: session.scalar(select(ProgrammeAction.id).where(ProgrammeAction.code == c)) for c in codes}
        # An action without sub-actions that nothing refers to.
        unreferenced = next(c for c in codes if describe_removal(session, "action", ids[c]) == (0, 1, []))
    total = scalar(window, select(func.count(ProgrammeAction.id)))
    select_code(page, unreferenced)
    state["answer"] = False
    page.delete_action.trigger()
    assert asked and action_id(window, unreferenced) is not None  # "Annuleren" keeps it
    state["answer"] = True
    page.delete_action.trigger()
    assert action_id(window, unreferenced) is None
    assert scalar(window, select(func.count(ProgrammeAction.id))) == total - 1
    assert page.model.counts()["action"] == total - 1
    window.undo_action.trigger()
    assert action_id(window, unreferenced) is not None
    assert page.model.counts()["action"] == total


def test_new_action_and_section_through_the_toolbar(window, qtbot):
    page = window.page("programme")
    select_code(page, "E1-1")
    total = page.model.counts()["action"]
    page.new_action_action.trigger()
    node = page.current_node()
    assert node.kind == "action" and node.row.text == "Nieuwe actie"
    assert page.model.counts()["action"] == total + 1
    siblings = [n.row.code for n in node.parent.children]
    assert siblings.index("") == siblings.index("E1-1") + 1  # right after the selected action
    page.action_form.text_edit.setPlainText("Aandachtsfunctionarissen trainen")
    page.action_form.code.setText("E1-9")
    page.action_form.deadline.setText("klaar: januari 2025")
    page.action_form.save()
    stored = scalar(window, select(ProgrammeAction).where(ProgrammeAction.code == "E1-9"))
    assert stored.deadline_end == date(2025, 1, 31)
    # A deadline without a year is the next one from the window's today (1 june 2024), in the label and saved.
    page.action_form.deadline.setText("na de zomervakantie")
    assert "september 2024" in page.action_form.period_label.text()
    page.action_form.save()
    stored = scalar(window, select(ProgrammeAction).where(ProgrammeAction.code == "E1-9"))
    assert (stored.deadline_start, stored.deadline_end) == (date(2024, 9, 1), date(2024, 9, 30))
    sections = len(page.model._root.children)
    page.new_section_action.trigger()
    assert len(page.model._root.children) == sections + 1
    assert page.current_node().kind == "section"
    window.undo_action.trigger()
    assert len(page.model._root.children) == sections


def test_context_menu_offers_the_same_actions(window):
    page = window.page("programme")
    select_code(page, "E1-1")
    rect = page.view.visualRect(page.view.currentIndex())
    page._context_menu(rect.center())
    texts = [a.text() for a in page._menu.actions() if not a.isSeparator()]
    page._menu.close()
    assert texts == ["Nieuw onderdeel", "Nieuwe ambitie", "Nieuwe actie", "Nieuwe subactie", "Omhoog", "Omlaag",
                     "Verwijderen", "Geschiedenis..."]  # fmt: skip


def test_tree_model_passes_the_model_tester_after_edits(window, qtmodeltester):
    page = window.page("programme")
    select_code(page, "E1-1")
    page.new_sub_action_action.trigger()
    qtmodeltester.check(page.model)


def test_screenshot_of_the_programme_editor(window, qtbot):
    page = window.page("programme")
    select_code(page, "E1-2")
    qtbot.wait(50)
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "programme_editor.png"))


def test_leaving_a_record_with_unsaved_edits_saves_them(window):
    page = window.page("programme")
    select_code(page, "E1-1")
    page.action_form.notes.setPlainText("Besproken in het tactisch overleg")
    assert page.action_form.dirty
    select_code(page, "E1-2")
    assert page.current_node().row.code == "E1-2"  # where the user went
    assert scalar(window, select(ProgrammeAction.notes).where(ProgrammeAction.code == "E1-1")) == (
        "Besproken in het tactisch overleg"
    )
    window.undo_action.trigger()
    assert scalar(window, select(ProgrammeAction.notes).where(ProgrammeAction.code == "E1-1")) == ""


def test_saving_the_form_over_another_users_newer_text_asks_first(window, qtbot, monkeypatch):
    """Another user (another connection) changed the action's text after the form showed it: no silent overwrite."""
    from ghnt_desktop.db import Database, make_engine
    from ghnt_desktop.services.programme import update_programme_action
    from ghnt_desktop.ui import conflict_dialog

    window.live_updates.stop()  # the form keeps showing the old text, as between two ticks
    page = window.page("programme")
    select_code(page, "E1-2")
    form = page.action_form
    shown = form.text_edit.text()
    record_id = action_id(window, "E1-2")
    other = Database(window.database.path, make_engine(window.database.path))
    with other.session() as session:
        update_programme_action(session, record_id, text="Tekst van Bram")
    other.close()
    asked = []
    monkeypatch.setattr(conflict_dialog, "ask_conflict", lambda _p, c: asked.append(c) or conflict_dialog.TAKE_THEIRS)
    form.text_edit.setPlainText("Tekst van Anne")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert [(f.seen, f.mine, f.theirs) for f in asked[0].fields] == [(shown, "Tekst van Anne", "Tekst van Bram")]
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-2")) == "Tekst van Bram"
    # A field nobody else changed saves without a question.
    select_code(page, "E1-2")
    page.action_form.text_edit.setPlainText("Tekst van Anne, na overleg")
    qtbot.mouseClick(page.action_form.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-2")) == "Tekst van Anne, na overleg"


def test_another_users_change_shows_live_and_keeps_unsaved_form_edits(window, qtbot):
    from ghnt_desktop.db import Database, make_engine
    from ghnt_desktop.services.programme import update_programme_action

    page = window.page("programme")
    select_code(page, "E1-2")
    page.action_form.text_edit.setPlainText("Half getypte tekst")  # not saved yet
    other_id = scalar(window, select(ProgrammeAction.id).where(ProgrammeAction.code != "E1-2").limit(1))
    other = Database(window.database.path, make_engine(window.database.path))
    with other.session() as session:
        update_programme_action(session, other_id, text="Door Bram gewijzigd")
    other.close()

    def shown_texts():
        found, stack = [], [page.model.index(r, 0) for r in range(page.model.rowCount())]
        while stack:
            index = stack.pop()
            found.extend(index.siblingAtColumn(c).data() for c in range(page.model.columnCount(index.parent())))
            stack.extend(page.model.index(r, 0, index) for r in range(page.model.rowCount(index)))
        return " ".join(str(t) for t in found)

    qtbot.wait(1500)  # three ticks: the change arrived, but a reload would wipe the form's unsaved edits
    assert page.action_form.text_edit.text() == "Half getypte tekst" and page.action_form.dirty
    assert "Door Bram gewijzigd" not in shown_texts()
    qtbot.mouseClick(page.action_form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Door Bram gewijzigd" in shown_texts(), timeout=2000)
    assert scalar(window, select(ProgrammeAction.text).where(ProgrammeAction.code == "E1-2")) == "Half getypte tekst"
