"""Another user's change shows in the open window within 2 s, and an edit over it asks whose value stays.

On both engines (``BOTH_ENGINES``): the window has ``database`` open; a second ``Database`` on the same file or
server database is the other user (another process on SQLite, another desk on PostgreSQL).
"""

from __future__ import annotations

from datetime import date

import pytest
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop.db import Database, make_engine
from ghnt_desktop.engines import POSTGRESQL
from ghnt_desktop.models import ActionItem, ActionStatus
from ghnt_desktop.services import agenda, minutes
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui import conflict_dialog
from ghnt_desktop.ui.mainwindow import PAGE_SPECS, MainWindow


def _other_user(database: Database) -> Database:
    if database.is_file:
        return Database(database.path, make_engine(database.path))
    engine = POSTGRESQL.create_engine(database.address, password=database.engine.url.password)
    return Database(database.path, engine, address=database.address)


@pytest.fixture
def window_and_other(qtbot, tmp_path, database):
    with database.session() as session:
        world = build_world(session)
        meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Punt")
        item_id = next(r for r in agenda.agenda_items(session, meeting) if r.standard_item is None).id
        minutes.add_action_item(session, item_id, "Offerte opvragen")
    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.set_database(database)
    window.show_page("actions")
    page = window.page("actions")
    qtbot.waitUntil(lambda: any(r.text == "Offerte opvragen" for r in page.model.rows()), timeout=5000)
    other = _other_user(database)
    yield window, page, other, item_id
    other.close()
    window._close_current()


def _texts(page) -> set[str]:
    return {r.text for r in page.model.rows()}


def test_another_users_new_action_item_shows_within_two_seconds(qtbot, window_and_other) -> None:
    window, page, other, item_id = window_and_other
    with other.session() as session:
        minutes.add_action_item(session, item_id, "Scholingsplan naar de werkgroep sturen")
    qtbot.waitUntil(lambda: "Scholingsplan naar de werkgroep sturen" in _texts(page), timeout=2000)
    # And a change of an existing one (the text), the same way.
    with other.session() as session:
        action_id = session.query(ActionItem.id).filter(ActionItem.text == "Offerte opvragen").scalar()
        minutes.update_action_item(session, action_id, text="Offerte opvragen bij twee bureaus")
    qtbot.waitUntil(lambda: "Offerte opvragen bij twee bureaus" in _texts(page), timeout=2000)


@pytest.mark.parametrize(("choice", "kept"), [(conflict_dialog.TAKE_THEIRS, "done"), (conflict_dialog.KEEP_MINE, "on_hold")])
def test_a_status_edit_over_another_users_newer_status_asks_and_saves_the_choice(
    qtbot, window_and_other, monkeypatch, choice, kept
) -> None:
    window, page, other, _item_id = window_and_other
    window.live_updates.stop()  # the window keeps showing the old status, as between two ticks
    row = next(r for r in page.model.rows() if r.text == "Offerte opvragen")
    with other.session() as session:
        from ghnt_desktop.services.actions import set_action_status

        set_action_status(session, row.kind, row.id, ActionStatus.DONE, author="Bram")
    asked = []

    def answer(_parent, conflict):
        asked.append(conflict)
        return choice

    monkeypatch.setattr(conflict_dialog, "ask_conflict", answer)
    page._save_status(row, "on_hold")
    assert len(asked) == 1
    field = asked[0].fields[0]
    assert (field.theirs, field.mine) == (ActionStatus.DONE, ActionStatus.ON_HOLD) and asked[0].who == "Bram"
    with other.session() as session:
        assert session.get(ActionItem, asked[0].id).status.value == kept
    qtbot.waitUntil(lambda: next(r for r in page.model.rows() if r.id == row.id).status == kept, timeout=2000)


def test_the_conflict_dialog_shows_both_values_in_dutch(qtbot) -> None:
    import uuid
    from datetime import datetime

    from ghnt_desktop.services.versions import Conflict, FieldConflict

    conflict = Conflict(
        "action_item", uuid.uuid4(), "Actiepunt AO-2026-1-A01",
        (FieldConflict("text", "Omschrijving", "Offerte", "Offerte bij VT", "Offerte bij GGD"),),
        "Bram", datetime(2026, 3, 12, 14, 5), 3,
    )  # fmt: skip
    box, choices = conflict_dialog.build_conflict_dialog(None, conflict)
    qtbot.addWidget(box)
    text = box.text() + box.informativeText()
    assert "Bram" in text and "Offerte bij GGD" in text and "Offerte bij VT" in text and "12-03-2026 14:05" in text
    assert sorted(choices.values()) == [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS]


# ---------------------------------------------------------------------------------------------------------------
# The notuleren tab (SQLite; the service half runs on both engines in test_record_versions.py)


@pytest.fixture
def minutes_at_item(demo_window):
    from sqlalchemy import select
    from test_ui_meeting_cycle import TODAY

    from ghnt_desktop.models import AgendaItem, Meeting, MeetingState

    window = demo_window(TODAY)
    window.show_page("meetings")
    with window.database.session() as session:
        meeting, item_id = session.execute(
            select(Meeting, AgendaItem.id)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(Meeting.state.in_((MeetingState.PLANNED, MeetingState.HELD)), AgendaItem.confidential.is_(False))
            .order_by(Meeting.date.desc(), AgendaItem.position.desc())
            .limit(1)
        ).one()
    page = window.page("meetings")
    assert page.select_meeting(meeting.id)
    tab = page.meeting.minutes
    page.meeting.tabs.setCurrentWidget(tab)
    tab.go_to(item_id)
    other = _other_user(window.database)
    yield window, tab, item_id, other
    other.close()


def _stored_minutes(database, item_id) -> str:
    from ghnt_desktop.models import AgendaItem

    with database.read_session() as session:
        return session.get(AgendaItem, item_id).minutes_text


@pytest.mark.parametrize("choice", [conflict_dialog.TAKE_THEIRS, conflict_dialog.KEEP_MINE])
def test_minutes_typed_over_another_users_newer_text_ask_whose_text_stays(
    qtbot, minutes_at_item, monkeypatch, choice
) -> None:
    window, tab, item_id, other = minutes_at_item
    tab.notes.setFocus()
    tab.notes.selectAll()
    qtbot.keyClicks(tab.notes, "Anne: de werkgroep bespreekt de aanpak.")
    tab.save_notes()
    qtbot.keyClicks(tab.notes, " Vervolg in juni.")
    tab.save_notes()  # two saves of one's own text: no conflict with oneself
    assert _stored_minutes(window.database, item_id) == "Anne: de werkgroep bespreekt de aanpak. Vervolg in juni."
    window.live_updates.stop()  # between two ticks: the tab has not seen Bram's text yet
    with other.session() as session:
        minutes.set_minutes_text(session, item_id, "Bram: de voorzitter vat samen.")
    asked = []
    monkeypatch.setattr(conflict_dialog, "ask_conflict", lambda _p, c: asked.append(c) or choice)
    qtbot.keyClicks(tab.notes, " Actie voor Anne.")
    tab.save_notes()
    assert len(asked) == 1 and asked[0].fields[0].theirs == "Bram: de voorzitter vat samen."
    mine = "Anne: de werkgroep bespreekt de aanpak. Vervolg in juni. Actie voor Anne."
    expected = mine if choice == conflict_dialog.KEEP_MINE else "Bram: de voorzitter vat samen."
    assert _stored_minutes(window.database, item_id) == expected
    assert tab.notes.toPlainText() == expected  # taking theirs shows theirs


def test_a_live_refresh_keeps_what_is_being_typed(qtbot, minutes_at_item) -> None:
    window, tab, item_id, other = minutes_at_item
    tab.notes.setFocus()
    tab.notes.selectAll()
    qtbot.keyClicks(tab.notes, "Nog niet opgeslagen tekst")
    with other.session() as session:  # another user records a decision under this item meanwhile
        minutes.add_decision(session, item_id, "Het AO stemt in met het scholingsplan.")
    qtbot.waitUntil(
        lambda: any("scholingsplan" in tab.decisions.item(i).text() for i in range(tab.decisions.count())),
        timeout=2000,
    )
    assert tab.notes.toPlainText() == "Nog niet opgeslagen tekst"
    tab.save_notes()
    assert _stored_minutes(window.database, item_id) == "Nog niet opgeslagen tekst"


def test_conflict_dialog_screenshot(qtbot) -> None:
    """The dialog as the user sees it (tests/artifacts/conflict_dialog.png)."""
    import uuid
    from datetime import datetime
    from pathlib import Path

    from ghnt_desktop.services.versions import Conflict, FieldConflict

    conflict = Conflict(
        "action_item", uuid.uuid4(), "Actiepunt AO-2026-2-A04",
        (FieldConflict("deadline", "Deadline", date(2026, 5, 1), date(2026, 9, 1), date(2026, 6, 15)),
         FieldConflict("trekker_text", "Trekker", "", "Veilig Thuis Drenthe", "GGD Drenthe")),
        "Bram de Vries", datetime(2026, 3, 12, 14, 5), 4,
    )  # fmt: skip
    box, _choices = conflict_dialog.build_conflict_dialog(None, conflict)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    artifacts = Path(__file__).resolve().parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    box.grab().save(str(artifacts / "conflict_dialog.png"))


def test_a_cell_being_edited_is_not_closed_by_a_live_refresh(qtbot, window_and_other) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    window, page, other, item_id = window_and_other
    view = page.view
    row = next(n for n, r in enumerate(page.model.rows()) if r.text == "Offerte opvragen")
    status_column = next(
        c for c in range(page.model.columnCount())
        if page.model.flags(page.model.index(row, c)) & page.model.flags(page.model.index(row, c)).ItemIsEditable
    )  # fmt: skip
    view.setFocus()
    view.setCurrentIndex(page.model.index(row, status_column))
    view.edit(page.model.index(row, status_column))
    assert view.state() == QAbstractItemView.State.EditingState
    with other.session() as session:
        minutes.add_action_item(session, item_id, "Intussen door Bram")
    qtbot.wait(1200)  # two ticks: the change arrived while the cell was being edited
    assert view.state() == QAbstractItemView.State.EditingState and "Intussen door Bram" not in _texts(page)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the user leaves the cell
    assert view.state() != QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: "Intussen door Bram" in _texts(page), timeout=2000)


@pytest.mark.parametrize("key", [spec[0] for spec in PAGE_SPECS])
def test_a_page_reloads_while_another_user_holds_the_write_lock(window_and_other, key) -> None:
    """A page's reload after another user's change only reads: it does not queue for the one write lock (on a team
    database every open window reloads after every change; were the reloads write sessions, the writers would queue
    behind them). The other user holds the lock while the page loads: a page that asked for it would wait 2 x 5 s
    and then say the database is busy."""
    from ghnt_desktop.ui.pages.local_status import LocalStatusWidget

    window, _actions, other, _item_id = window_and_other
    page = window.page(key)
    with other.session() as session:  # the write lock is taken when the session starts
        session.connection()
        page.load(window.database)
        for local in page.findChildren(LocalStatusWidget):  # the Acties page's second tab
            local.load(window.database)
