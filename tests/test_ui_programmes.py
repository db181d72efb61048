"""Several programmes in the window: the chooser on Programma makes one current for every page; labels on an
action filter Acties; unfinished actions are carried into the next programme after review, and undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ghnt_desktop.models import ProgrammeAction
from ghnt_desktop.services.programme import create_programme, create_section
from ghnt_desktop.services.programme_scope import current_programme_id
from ghnt_desktop.services.programme_tags import create_tag_kind, list_tag_kinds
from ghnt_desktop.ui.programme_carry import CarryDialog

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


def add_next_programme(window) -> tuple:
    def add(session):
        first = current_programme_id(session)
        new = create_programme(session, region="Groningen", title="Actieprogramma GHNT 2024-2027",
                               period_start=2024, period_end=2027).id  # fmt: skip
        create_section(session, new, title="Eerder en beter in beeld")
        return first, new

    first, new = window.database.write(add)
    window.refresh()
    return first, new


def test_the_chooser_makes_a_programme_current_for_every_page(demo_window, qtbot):
    window = demo_window(TODAY)
    first, new = add_next_programme(window)
    window.show_page("programme")
    page = window.page("programme")
    assert page.programme_combo.isVisible() and page.programme_combo.currentData() == first
    window.show_page("actions")
    actions = window.page("actions")
    qtbot.waitUntil(lambda: actions.loaded)
    programme_rows_before = sum(1 for r in actions.model._all if r[0] == "programme") if hasattr(
        actions.model, "_all") else None  # fmt: skip
    count_before = actions.model.all_count()
    window.show_page("programme")
    page.programme_combo.setCurrentIndex(page.programme_index(new))
    with window.database.session() as session:
        assert current_programme_id(session) == new
    assert page.model.counts()  # the new programme's tree is shown
    window.show_page("actions")
    qtbot.waitUntil(lambda: actions.loaded)
    # The new programme has no actions: only the action items of no programme are left.
    assert actions.model.all_count() < count_before
    assert actions.title_label.text() == "Acties: Actieprogramma GHNT 2024-2027"
    window.show_page("overview")
    overview = window.page("overview")
    window.grab().save(str(ARTIFACTS / "programmes_overview_next_programme.png"))
    del programme_rows_before, overview
    # Back to the first: everything as it was.
    window.show_page("programme")
    page.programme_combo.setCurrentIndex(page.programme_index(first))
    window.show_page("actions")
    qtbot.waitUntil(lambda: actions.loaded)
    assert actions.model.all_count() == count_before


def test_labels_on_an_action_filter_acties(demo_window, qtbot):
    window = demo_window(TODAY)
    with window.database.session() as session:
        programme = current_programme_id(session)
    window.database.write(lambda s: create_tag_kind(s, programme, "Processtap", ["Signaleren", "Melden"]))
    window.refresh()
    window.show_page("programme")
    page = window.page("programme")
    page.load(window.database)
    with window.database.session() as session:
        action_id = session.scalar(select(ProgrammeAction.id).order_by(ProgrammeAction.code).limit(1))
        signaleren = list_tag_kinds(session, programme)[0].tags[0].id
    assert page.select_id(action_id)
    picker = page.action_form.tags
    assert picker.isEnabled()
    menu_actions = [a for a in picker.menu().actions() if a.isCheckable()]
    assert [a.text() for a in menu_actions] == ["Signaleren", "Melden"]
    menu_actions[0].setChecked(True)  # saved at once
    assert page.action_form.tags.text() == "Signaleren"
    window.grab().save(str(ARTIFACTS / "programmes_action_labels.png"))
    window.show_page("actions")
    actions = window.page("actions")
    qtbot.waitUntil(lambda: actions.loaded)
    assert actions.tag_row.isVisible()
    actions.tag_combo.setCurrentIndex(actions.tag_combo.findData(signaleren.hex))
    assert actions.model.rowCount() == 1
    window.grab().save(str(ARTIFACTS / "programmes_actions_label_filter.png"))
    # Undo takes the label off again.
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: actions.loaded)
    # The edited row stays in view until the filter is applied again (as after a status edit).
    assert actions.model.row_at(0).tag_ids == ()
    actions.apply_filter()
    assert actions.model.rowCount() == 0


def test_carry_unfinished_actions_into_the_next_programme_and_undo(demo_window, qtbot):
    window = demo_window(TODAY)
    first, new = add_next_programme(window)
    with window.database.session() as session:
        before = session.scalar(select(func.count()).select_from(ProgrammeAction))
    dialog = CarryDialog(window, new, window)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    assert dialog.source.currentData() == first
    offered = len(dialog.chosen())
    assert offered > 10  # the demo's unfinished actions, all ticked
    dialog.grab().save(str(ARTIFACTS / "programmes_carry_dialog.png"))
    dialog._tick_all(False)
    items = dialog._items()
    items[0].setCheckState(0, Qt.CheckState.Checked)
    items[1].setCheckState(0, Qt.CheckState.Checked)
    assert "2 acties" in dialog.buttons.button(dialog.buttons.StandardButton.Ok).text()
    dialog.accept()
    assert dialog.result_ is not None and dialog.result_.carried >= 2
    with window.database.session() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeAction)) == before + dialog.result_.carried
    again = CarryDialog(window, new, window)
    qtbot.addWidget(again)
    assert len(again.chosen()) == offered - 2  # the two are marked as already there
    window.undo_stack.undo()
    with window.database.session() as session:
        assert session.scalar(select(func.count()).select_from(ProgrammeAction)) == before


def test_the_labels_dialog_adds_a_kind_from_a_pasted_list_and_undo_removes_it(demo_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ghnt_desktop.ui.editors.tags import TagsDialog

    window = demo_window(TODAY)
    with window.database.session() as session:
        programme = current_programme_id(session)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Doelgroep", True)))
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("• Ouderen\n• Kinderen in kwetsbare opvoedsituaties\n• Ouderen\n", True)),
    )
    dialog = TagsDialog(window, programme, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_kind()
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == "Doelgroep"
    assert [top.child(i).text(0) for i in range(top.childCount())] == [
        "Ouderen",
        "Kinderen in kwetsbare opvoedsituaties",
    ]
    dialog.tree.setCurrentItem(top.child(0))
    dialog.remove()
    assert dialog.tree.topLevelItem(0).childCount() == 1
    dialog.grab().save(str(ARTIFACTS / "programmes_labels_dialog.png"))
    window.undo_stack.undo()  # the label is back
    dialog.reload()
    assert dialog.tree.topLevelItem(0).childCount() == 2
    window.undo_stack.undo()  # the kind is gone
    window.undo_stack.redo()  # and back, with its labels
    dialog.reload()
    assert dialog.tree.topLevelItem(0).childCount() == 2
