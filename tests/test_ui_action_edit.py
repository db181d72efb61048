"""Correcting an action item after it was recorded, on the demo database: text, trekker and deadline from the
meeting's Besluiten en acties tab, from the Notuleren tab and from the Acties page, through the undo stack; each
change lands in the database and in the change log (a deadline correction is no postponement); undo and redo;
the refusal on a vastgesteld verslag with the service's Dutch message."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from change_history import Logged, logged_changes
from sqlalchemy import func, select
from test_ui_meeting_cycle import TODAY

from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    Meeting,
    MeetingState,
    Organisation,
    Person,
    ProgrammeAction,
)
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.meeting import action_dialog
from ghnt_desktop.ui.meeting.commands import current_user

ARTIFACTS = Path(__file__).parent / "artifacts"
ACTION_FIELDS = (
    "text",
    "kind",
    "trekker_person_id",
    "trekker_organisation_id",
    "trekker_text",
    "deadline",
    "deadline_text",
    "programme_action_id",
    "confidential",
    "times_postponed",
)


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("meetings")
    yield win
    if win.database is not None:
        win.database.close()


def stored(window, action_id) -> dict:
    with window.database.session() as session:
        action = session.get(ActionItem, action_id)
        return {name: getattr(action, name) for name in ACTION_FIELDS}


def changes_of(window, action_id) -> list[Logged]:
    with window.database.session() as session:
        return logged_changes(session, "action_item", action_id)


def meeting_with_actions(window, state: MeetingState) -> Meeting:
    """The latest meeting in ``state`` at which at least one action item was made."""
    with window.database.session() as session:
        made_here = select(func.count(ActionItem.id)).where(ActionItem.origin_meeting_id == Meeting.id)
        return session.scalar(
            select(Meeting)
            .where(Meeting.state == state, made_here.scalar_subquery() > 0)
            .order_by(Meeting.date.desc())
            .limit(1)
        )


def an_organisation(window, not_id) -> tuple:
    with window.database.session() as session:
        org = session.scalar(
            select(Organisation)
            .where(Organisation.id != not_id, Organisation.archived.is_(False))
            .order_by(Organisation.name)
            .limit(1)
        )
        return org.id, org.name


def show_decisions_tab(window, meeting_id):
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    view = page.meeting
    view.tabs.setCurrentWidget(view.decisions)
    return view


def select_in(tab, view, model, action_id) -> None:
    row = model.row_of(lambda r: r.id == action_id)
    assert row >= 0
    view.setCurrentIndex(model.index(row, 0))


def test_action_item_corrected_from_the_besluiten_en_acties_tab(window, qtbot, monkeypatch):
    meeting = meeting_with_actions(window, MeetingState.HELD)
    with window.database.session() as session:
        action = session.scalar(
            select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id).order_by(ActionItem.number).limit(1)
        )
        action_id, number, meeting_year = action.id, action.number, meeting.date.year
    original = stored(window, action_id)
    records_before = changes_of(window, action_id)
    org_id, org_name = an_organisation(window, original["trekker_organisation_id"])
    new_text = "Protocol opstellen en delen met alle gemeenten 🙂 ‏عربي"
    deadline_text = f"Q2 {meeting_year + 1}"
    opened = []

    def fill(dialog):
        opened.append(dialog)
        assert dialog.text_edit.text() == original["text"]  # the form starts from what is stored
        dialog.text_edit.setText(new_text)
        dialog.trekker_edit.clear()
        qtbot.keyClicks(dialog.trekker_edit, org_name)  # type-ahead over people and organisations
        assert dialog.resolve_trekker() == (action_dialog.ORGANISATION, org_id)
        dialog.deadline_edit.clear()
        qtbot.keyClicks(dialog.deadline_edit, deadline_text)
        assert dialog.deadline_label.text() == f"= 01-04-{meeting_year + 1} t/m 30-06-{meeting_year + 1}"
        ARTIFACTS.mkdir(exist_ok=True)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(ARTIFACTS / "action_edit_dialog.png"))
        dialog.hide()
        return 1

    monkeypatch.setattr(action_dialog.ActionItemDialog, "exec", fill)
    view = show_decisions_tab(window, meeting.id)
    tab = view.decisions
    select_in(tab, tab.actions, tab.actions_model, action_id)
    assert tab.edit_action_button.isEnabled()
    tab.edit_action_button.click()
    assert opened and number in opened[0].windowTitle()

    expected = dict(
        original,
        text=new_text,
        trekker_person_id=None,
        trekker_organisation_id=org_id,
        trekker_text="",
        deadline=date(meeting_year + 1, 6, 30),
        deadline_text=deadline_text,
    )
    assert stored(window, action_id) == expected
    assert expected["times_postponed"] == original["times_postponed"]  # a correction, not a postponement
    records = changes_of(window, action_id)
    new_records = records[len(records_before) :]
    by_field = {r.field: r for r in new_records}
    wanted_fields = {"text", "trekker_organisation_id", "deadline", "deadline_text"}
    if original["trekker_person_id"] is not None:
        wanted_fields.add("trekker_person_id")
    assert set(by_field) == wanted_fields
    assert (by_field["text"].old_value, by_field["text"].new_value) == (original["text"], new_text)
    assert by_field["deadline"].new_value == date(meeting_year + 1, 6, 30).isoformat()
    assert by_field["trekker_organisation_id"].new_value == str(org_id)
    assert {r.changed_by for r in new_records} == {current_user()}
    # The tab shows the corrected row.
    shown = tab.actions_model.rows()[tab.actions_model.row_of(lambda r: r.id == action_id)]
    assert shown.text == new_text and org_name in shown.trekker

    window.undo_stack.undo()
    assert stored(window, action_id) == original
    undone = changes_of(window, action_id)[len(records) :]
    assert {r.field for r in undone} == wanted_fields  # the way back is in the history too
    assert {r.changed_by for r in undone} == {current_user()}
    window.undo_stack.redo()
    assert stored(window, action_id) == expected
    shown = tab.actions_model.rows()[tab.actions_model.row_of(lambda r: r.id == action_id)]
    assert shown.text == new_text


def test_kind_confidential_and_programme_link_from_the_notuleren_tab(window, qtbot, monkeypatch):
    meeting = meeting_with_actions(window, MeetingState.HELD)
    with window.database.session() as session:
        action = session.scalar(
            select(ActionItem)
            .where(ActionItem.origin_meeting_id == meeting.id, ActionItem.kind == ActionKind.ACTIEPUNT)
            .order_by(ActionItem.number)
            .limit(1)
        )
        action_id, item_id = action.id, action.origin_agenda_item_id
        programme = session.scalar(
            select(ProgrammeAction)
            .where(ProgrammeAction.id != action.programme_action_id)
            .order_by(ProgrammeAction.code)
            .limit(1)
        )
        programme_id = programme.id
    original = stored(window, action_id)

    def fill(dialog):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ActionKind.TOEZEGGING))
        dialog.confidential_check.setChecked(not original["confidential"])
        index = action_dialog.find_data(dialog.programme_combo, programme_id)
        assert index > 0
        dialog.programme_combo.setCurrentIndex(index)
        return 1

    monkeypatch.setattr(action_dialog.ActionItemDialog, "exec", fill)
    page = window.page("meetings")
    assert page.select_meeting(meeting.id)
    view = page.meeting
    minutes = view.minutes
    view.tabs.setCurrentWidget(minutes)
    minutes.go_to(item_id)
    minutes.parts.setCurrentWidget(minutes.actions_page)
    select_in(minutes, minutes.actions_table, minutes.actions_model, action_id)
    assert minutes.edit_action_button.isEnabled()
    assert minutes.edit_action()
    assert stored(window, action_id) == dict(
        original,
        kind=ActionKind.TOEZEGGING,
        confidential=not original["confidential"],
        programme_action_id=programme_id,
    )
    assert {r.field for r in changes_of(window, action_id)} >= {"kind", "confidential", "programme_action_id"}
    # Now a toezegging: the Besluiten en acties tab lists it there.
    assert view.decisions.toezeggingen_model.row_of(lambda r: r.id == action_id) >= 0
    assert view.decisions.actions_model.row_of(lambda r: r.id == action_id) < 0
    window.undo_stack.undo()
    assert stored(window, action_id) == original


def test_nothing_changed_pushes_nothing(window, monkeypatch):
    meeting = meeting_with_actions(window, MeetingState.HELD)
    view = show_decisions_tab(window, meeting.id)
    tab = view.decisions
    tab.actions.setCurrentIndex(tab.actions_model.index(0, 0))
    action_id = tab._decision(tab.actions).id
    before = changes_of(window, action_id)
    monkeypatch.setattr(action_dialog.ActionItemDialog, "exec", lambda dialog: 1)
    count = window.undo_stack.count()
    assert not tab.edit_action(tab.actions)
    assert window.undo_stack.count() == count
    assert len(changes_of(window, action_id)) == len(before)


def test_action_item_corrected_from_the_acties_page(window, qtbot, monkeypatch):
    from ghnt_desktop.services.action_view import ITEM

    meeting = meeting_with_actions(window, MeetingState.HELD)
    with window.database.session() as session:
        action = session.scalar(
            select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id).order_by(ActionItem.number).limit(1)
        )
        action_id = action.id
        person = session.scalar(
            select(Person)
            .where(Person.id != action.trekker_person_id, Person.archived.is_(False))
            .order_by(Person.name)
            .limit(1)
        )
        person_id, person_name = person.id, person.name
        # A name shared with another person would be ambiguous; the demo's names are unique.
        assert session.scalar(select(func.count(Person.id)).where(Person.name == person_name)) == 1
    original = stored(window, action_id)
    records_before = changes_of(window, action_id)

    def fill(dialog):
        dialog.text_edit.setText("Werkafspraken met Veilig Thuis vastleggen")
        dialog.trekker_edit.clear()
        qtbot.keyClicks(dialog.trekker_edit, person_name)
        dialog.deadline_edit.setText("15-09-2020")
        return 1

    monkeypatch.setattr(action_dialog.ActionItemDialog, "exec", fill)
    window.show_page("actions")
    page = window.page("actions")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("item"))
    qtbot.waitUntil(lambda: page.model.row_of(action_id.hex) >= 0, timeout=3000)
    assert page.select_action(action_id.hex)
    assert page.edit_button.isEnabled()
    page.edit_button.click()
    expected = dict(
        original,
        text="Werkafspraken met Veilig Thuis vastleggen",
        trekker_person_id=person_id,
        trekker_organisation_id=None,
        trekker_text="",
        deadline=date(2020, 9, 15),
        deadline_text="15-09-2020",
    )
    assert stored(window, action_id) == expected
    new_records = changes_of(window, action_id)[len(records_before) :]
    assert {"text", "trekker_person_id", "deadline"} <= {r.field for r in new_records}
    assert {r.changed_by for r in new_records} == {current_user()}
    row = page.model.rows()[page.model.row_of(action_id.hex)]
    assert row.text == "Werkafspraken met Veilig Thuis vastleggen" and person_name in row.trekker

    window.undo_stack.undo()
    assert stored(window, action_id) == original
    row = page.model.rows()[page.model.row_of(action_id.hex)]
    assert row.text == original["text"]
    window.undo_stack.redo()
    assert stored(window, action_id) == expected

    # Programme actions are edited in the Programma page: no Wijzigen here.
    page.kind_combo.setCurrentIndex(0)
    programme_row = next(r for r in page.model.rows() if r.kind != ITEM)
    assert page.select_action(programme_row.id)
    assert not page.edit_button.isEnabled()
    assert not page.edit_selected()


def test_correction_refused_on_a_vastgesteld_verslag(window, monkeypatch, messages):
    meeting = meeting_with_actions(window, MeetingState.MINUTES_APPROVED)
    opened = []
    monkeypatch.setattr(action_dialog.ActionItemDialog, "exec", lambda dialog: opened.append(dialog) or 1)
    view = show_decisions_tab(window, meeting.id)
    tab = view.decisions
    model, table = (
        (tab.actions_model, tab.actions) if tab.actions_model.rowCount() else (tab.toezeggingen_model, tab.toezeggingen)
    )
    table.setCurrentIndex(model.index(0, 0))
    action_id = model.rows()[0].id
    original, records = stored(window, action_id), changes_of(window, action_id)
    count = window.undo_stack.count()
    assert not tab.edit_action(table)
    assert not opened  # refused before the form opens
    assert messages and "is vastgesteld en kan niet meer worden gewijzigd" in messages[-1]
    assert stored(window, action_id) == original
    assert len(changes_of(window, action_id)) == len(records)
    assert window.undo_stack.count() == count
