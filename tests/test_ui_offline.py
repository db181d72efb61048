"""Offline capture through the GUI (issue 21): take the next afstemmingsoverleg along, minute it in the copy while
the projectleider edits one of its actions in the team database, put it back, decide the conflict.

The team database is a second SQLite file here (the shared file on a network drive); the screenshots of the banner,
the dry-run list and the conflict dialog go to ``tests/artifacts/offline/``.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ghnt_desktop.models import ActionItem, ActionStatus, AgendaItem, Decision, ProgressUpdate
from ghnt_desktop.ui.meeting.dialogs import CarryForwardDialog
from ghnt_desktop.ui.offline import (
    ReturnDialog,
    copy_description,
    offline_state,
    TakeOfflineDialog,
    meeting_options,
    result_items,
)
from ghnt_desktop.ui.offline_conflicts import OfflineConflictsDialog, is_long_text, marked_lines

TODAY = date(2020, 3, 2)
ARTIFACTS = Path(__file__).parent / "artifacts" / "offline"
SECRETARIS = "Anna de Vries (secretaris)"
PROJECTLEIDER = "Bram Jansen (projectleider)"


def click_button(box: QMessageBox, text: str) -> int:
    """Answer a message box by clicking the button whose text holds ``text`` (as the user would)."""
    for button in box.buttons():
        if text in button.text().replace("&", ""):
            button.click()
            return 0
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def settle(qtbot) -> None:
    """Let pending layouts happen before a screenshot."""
    qtbot.wait(50)


def take_next_ao_along(window, qtbot, monkeypatch, copy_path: Path) -> uuid.UUID:
    """Bestand > Overleg meenemen (offline): keep the proposed meeting, save to ``copy_path``, open the copy."""
    chosen: list[uuid.UUID] = []

    def fill_in(dialog: TakeOfflineDialog):
        assert dialog.one_meeting.isChecked()
        chosen.append(dialog.meeting_id())
        dialog.path.setText(str(copy_path))
        dialog.take_button.click()
        return dialog.result()

    monkeypatch.setattr(TakeOfflineDialog, "exec", fill_in)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: click_button(box, "Kopie openen"))
    window.take_offline_action.trigger()
    qtbot.waitUntil(lambda: window.database is not None and window.database.path == copy_path, timeout=30_000)
    monkeypatch.undo()
    return chosen[0]


@pytest.fixture
def team_window(qtbot, tmp_path, engine_name, demo_database, request):
    """The main window on the demo as the team database: a file, or the same demo on the test PostgreSQL server.

    Yields (window, team, password): ``team`` is a second connection to the team database (the projectleider's).
    """
    from offline_helpers import TODAY as TEAM_TODAY
    from offline_helpers import team_database

    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    window = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TEAM_TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with team_database(engine_name, demo_database, request) as team:
        password = None if team.is_file else request.getfixturevalue("postgres_server").password
        if team.is_file:
            assert window.open_database_file(team.path)
        else:
            assert window.open_server(team.address, password=password)
        yield window, team, password
        window._close_current()


@pytest.mark.parametrize(
    "engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_take_minute_offline_edit_meanwhile_return_and_decide(team_window, qtbot, monkeypatch, tmp_path):
    from offline_helpers import TODAY as TEAM_TODAY
    from offline_helpers import edit

    from ghnt_desktop.services.minutes import record_progress
    from ghnt_desktop.ui.server_dialog import ConnectDialog
    from ghnt_desktop.ui.user_name import set_current_user

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window, team, password = team_window

    def shot(name: str) -> str:
        return str(ARTIFACTS / (f"{name}.png" if team.is_file else f"{name}_postgresql.png"))

    set_current_user(SECRETARIS)  # the name the secretaris gave on first start (after the window read its settings)
    source_name = team.path.name if team.is_file else team.label
    options, proposed = meeting_options(window.database, TEAM_TODAY)
    ao = next(o for o in options if o.id == proposed)
    assert ao.is_afstemmingsoverleg and ao.day >= TEAM_TODAY

    # At the office, before the meeting: the open actions of the series are carried into it (as the secretaris does).
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(ao.id)
    page.meeting.tabs.setCurrentWidget(page.meeting.agenda)
    monkeypatch.setattr(CarryForwardDialog, "exec", lambda _dialog: 1)
    page.meeting.agenda.carry_button.click()
    monkeypatch.undo()

    # Meenemen: the proposed meeting is the next afstemmingsoverleg; the copy opens in the window.
    copy_path = tmp_path / "laptop" / "ao-offline.db"
    copy_path.parent.mkdir()
    assert take_next_ao_along(window, qtbot, monkeypatch, copy_path) == ao.id
    banner = window.offline_banner
    assert banner.isVisible()
    assert f"Offline kopie van {source_name}" in banner.label.text()
    assert "Afstemmingsoverleg" in banner.label.text() and "meegenomen" in banner.label.text()
    assert copy_description(offline_state(window.database).copy) in window.windowTitle()
    assert "voorlopig" in banner.label.text()  # numbers given offline may change on return
    assert not window.take_offline_action.isEnabled()  # no copy of a copy

    # Offline: minute the meeting in the copy (notes, a decision, an action) and postpone a carried action.
    window.show_page("meetings")
    page = window.page("meetings")
    assert page.select_meeting(ao.id)
    view = page.meeting
    view.tabs.setCurrentWidget(view.minutes)
    minutes = view.minutes
    review = minutes.review_model.rows()
    assert review, "the next afstemmingsoverleg of the demo reviews open actions"
    shared_action = review[0].id
    minutes.item_list.setCurrentRow(
        next(i for i, line in enumerate(view.data.agenda) if line.item.standard_item == "previous_minutes")
    )
    minutes.review_table.setCurrentIndex(minutes.review_model.index(0, 0))
    minutes.review_deadline.setText("december 2027")
    minutes.review_todo.setText("Wacht op de gemeenteraad")
    assert minutes.parts.currentWidget() is minutes.review_page
    minutes.review_button.click()

    item_row = next(i for i, line in enumerate(view.data.agenda) if line.item.standard_item == "announcements")
    minutes.item_list.setCurrentRow(item_row)
    item_id = minutes.current_item_id()
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Veilig Thuis meldt een nieuwe werkwijze per 1 april.")
    minutes.parts.setCurrentWidget(minutes.decisions_page)
    minutes.decision_edit.setFocus()
    qtbot.keyClicks(minutes.decision_edit, "Het overleg neemt de werkwijze van Veilig Thuis over.")
    qtbot.keyClick(minutes.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    minutes.parts.setCurrentWidget(minutes.actions_page)
    minutes.action_text.setFocus()
    qtbot.keyClicks(minutes.action_text, "Werkwijze delen met de gemeenten")
    minutes.trekker_edit.setFocus()
    qtbot.keyClicks(minutes.trekker_edit, "Veilig Thuis (Groningen)")
    minutes.deadline_edit.setFocus()
    qtbot.keyClicks(minutes.deadline_edit, "Q2 2027")
    qtbot.keyClick(minutes.action_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    minutes.item_list.setCurrentRow(0)  # leaving the item saves its notes
    with window.database.read_session() as session:
        offline_decisions = session.scalars(select(Decision.text).where(Decision.meeting_id == ao.id)).all()
        offline_actions = session.scalars(select(ActionItem.text).where(ActionItem.origin_meeting_id == ao.id)).all()
        assert session.get(AgendaItem, item_id).minutes_text.startswith("Veilig Thuis meldt")
    assert "Het overleg neemt de werkwijze van Veilig Thuis over." in offline_decisions
    assert "Werkwijze delen met de gemeenten" in offline_actions

    # Meanwhile at the office: the projectleider records progress on the same action with another new deadline
    # (the same field: a conflict) and another status (a field the copy left alone: merged by itself).
    office_status = ActionStatus.ON_HOLD if review[0].status is not ActionStatus.ON_HOLD else ActionStatus.IN_PROGRESS
    edit(
        team,
        PROJECTLEIDER,
        lambda s: record_progress(
            s,
            shared_action,
            status=office_status,
            todo_text="Bram belt de wethouder",
            new_deadline=date(2027, 6, 30),
            new_deadline_text="juni 2027",
            author=PROJECTLEIDER,
        ),
    )
    settle(qtbot)
    window.grab().save(shot("banner"))

    # Terugzetten: the dry run first, as a list; nothing changed yet. A team database asks its password (no
    # credential store here) in the connect dialog, filled in from where the copy came from.
    asked: list[str] = []

    def give_password(dialog):
        asked.append(dialog.address().url)
        dialog.password.setText(password)
        return 1

    monkeypatch.setattr("ghnt_desktop.credentials.stored_password", lambda _address: None)
    monkeypatch.setattr(ConnectDialog, "exec", give_password)
    banner.return_button.click()
    dialog = window.findChild(ReturnDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
    dry = dialog.result
    assert dry.dry_run and not dry.already_returned
    titles = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert any(t.startswith("Conflicten") for t in titles), titles
    assert any(t.startswith("Nieuw") for t in titles), titles
    assert dialog.return_button.isEnabled()
    settle(qtbot)
    dialog.grab().save(shot("dry_run"))
    assert asked == ([] if team.is_file else [team.address.url])
    with team.read_session() as session:
        assert session.scalar(select(Decision).where(Decision.meeting_id == ao.id)) is None

    # The return itself: merged, conflicts left to decide.
    dialog.return_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.result.dry_run, timeout=30_000)
    result = dialog.result
    assert result.conflicts and any(c.record_id.replace("-", "") == shared_action.hex for c in result.conflicts)
    assert dialog.conflicts_button.isVisible()
    assert "teruggezet" in banner.label.text()
    dialog.conflicts_button.click()
    conflicts = dialog.findChild(OfflineConflictsDialog)
    assert conflicts is not None and conflicts.conflicts
    deadline_row = next(i for i, c in enumerate(conflicts.conflicts) if c.field == "deadline")
    conflicts.list.setCurrentRow(deadline_row)
    conflict = conflicts.current()
    assert conflict.mine_by == SECRETARIS
    assert conflict.theirs_by == (PROJECTLEIDER if team.is_file else team.address.user)  # a server logs its login
    assert "31-12-2027" in conflicts.mine_value.toPlainText()
    assert "30-06-2027" in conflicts.theirs_value.toPlainText()
    settle(qtbot)
    conflicts.grab().save(shot("conflicts"))
    conflicts.mine_button.click()  # the secretaris' postponement stands
    left = len(conflicts.conflicts)
    conflicts.close()
    dialog.close()

    # Later, on the team database: the conflicts not yet decided are in the Bestand menu; deciding them empties it.
    assert "volgende keer terugzetten" in banner.label.text() and banner.source_button.isVisible()
    assert banner.return_button.isVisible()  # what is minuted after the return goes with the next one
    window.grab().save(shot("banner_returned"))
    banner.source_button.click()  # back to the team database (a server asks the password again)
    assert window.database.path == team.path if team.is_file else window.database.address == team.address
    assert not window.offline_banner.isVisible() and window.take_offline_action.isEnabled()
    action = window.offline_conflicts_action
    assert action.isVisible() == (left > 0)
    if left:
        assert f"({left})" in action.text()
        action.trigger()
        later = window.findChild(OfflineConflictsDialog)
        while later.conflicts:
            later.mine_button.click()  # the written deadline goes with the date chosen above
        assert not window.offline_conflicts_action.isVisible()
        later.close()

    # Everything is in the team database: minutes, the decision, the action, the progress, both edits of the action.
    with window.database.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text.startswith("Veilig Thuis meldt een nieuwe werkwijze")
        assert (
            "Het overleg neemt de werkwijze van Veilig Thuis over."
            in session.scalars(select(Decision.text).where(Decision.meeting_id == ao.id)).all()
        )
        made = session.scalars(select(ActionItem).where(ActionItem.origin_meeting_id == ao.id)).all()
        assert "Werkwijze delen met de gemeenten" in [a.text for a in made]
        shared = session.get(ActionItem, shared_action)
        assert shared.deadline == date(2027, 12, 31)  # mine, as decided
        assert shared.status is office_status  # theirs, merged by itself
        todo = set(
            session.scalars(select(ProgressUpdate.todo_text).where(ProgressUpdate.action_item_id == shared_action))
        )
        assert {"Wacht op de gemeenteraad", "Bram belt de wethouder"} <= todo  # both progress rows


# The pieces, without the engine.


@pytest.mark.parametrize(
    ("base", "side", "marks"),
    [
        ("a\nb\nc", "a\nb\nc", ["  a", "  b", "  c"]),
        ("a\nb\nc", "a\nB\nc", ["  a", "− b", "+ B", "  c"]),
        ("a\nb", "a\nb\nc", ["  a", "  b", "+ c"]),
        ("a\nb", "b", ["− a", "  b"]),
        ("", "nieuw", ["+ nieuw"]),
        (None, "x", ["+ x"]),
        ("<b>&", "<b>& meer", ["− <b>&", "+ <b>& meer"]),  # HTML in minutes stays text
    ],
)
def test_marked_lines_mark_each_changed_line_with_a_sign(base, side, marks):
    import html
    import re

    rows = re.findall(r"<div[^>]*>(.*?)</div>", marked_lines(base, side))
    shown = [html.unescape(re.sub(r"<[^>]+>", "", row)).replace("\xa0", " ") for row in rows]
    assert shown == marks


def test_marked_lines_of_nothing_say_empty():
    assert "(leeg)" in marked_lines("", "") and "(leeg)" in marked_lines(None, None)


@pytest.mark.parametrize(
    ("values", "long"),
    [(("kort", "ook kort"), False), (("een\ntwee",), True), (("x" * 121,), True), ((None, 3, "2021-06-30"), False)],
)
def test_long_texts_are_shown_as_lines(values, long):
    assert is_long_text(*values) is long


def _conflict(**changes):
    from datetime import UTC, datetime

    from ghnt_desktop.services.offline import OfflineConflict

    values = dict(
        id=1, uid=uuid.uuid4(), copy_id=uuid.uuid4(), kind="edit", table="action_item", record_id="x",
        record_label="Actiepunt AO-2020-1-A03", field="deadline", field_label="deadline", base="2020-06-30",
        mine="2021-12-31", theirs="2021-06-30", mine_by=SECRETARIS, mine_at=datetime(2020, 3, 12, 9, tzinfo=UTC),
        theirs_by=PROJECTLEIDER, theirs_at=datetime(2020, 3, 12, 8, tzinfo=UTC), confidential=False,
    )  # fmt: skip
    values.update(changes)
    return OfflineConflict(**values)


def test_the_result_list_groups_every_change_with_its_count():
    from ghnt_desktop.services.offline import MergedField, RecordChange, Renumbering, ReturnResult

    result = ReturnResult(
        "regio.db",
        "AO",
        merged=[MergedField("action_item", "b", "Actiepunt A02", "status", "status", "done")],
        added=[
            RecordChange("decision", "c", "Besluit AO-2020-1-01"),
            RecordChange("action_item", "d", "Actiepunt A05", confidential=True),
        ],
        conflicts=[_conflict()],
        renumberings=[Renumbering("actiepunt", "AO-2020-1-A05", "AO-2020-1-A06", uuid.uuid4())],
        dry_run=True,
    )
    groups = result_items(result, lambda field, value, _table: f"<{field}:{value}>")
    assert [title for title, _lines in groups] == [
        "Conflicten: u beslist (1)",
        "Samengevoegde wijzigingen (1)",
        "Nieuw (2)",
        "Hernummerd (1)",
    ]
    assert groups[0][1] == [
        "Actiepunt AO-2020-1-A03, deadline: offline <deadline:2021-12-31>, in de teamdatabase <deadline:2021-06-30>"
    ]
    assert groups[2][1] == ["Besluit AO-2020-1-01", "Actiepunt A05 (vertrouwelijk)"]
    assert groups[3][1] == ["actiepunt AO-2020-1-A05 wordt AO-2020-1-A06"]
    assert result_items(ReturnResult("regio.db", "AO"), str) == []


def test_take_dialog_refuses_an_existing_file_a_missing_folder_and_no_name(qtbot, tmp_path):
    options = []
    dialog = TakeOfflineDialog(options, None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.everything.isChecked() and not dialog.one_meeting.isEnabled()  # no meetings: the whole database
    (tmp_path / "bestaat.db").write_bytes(b"x")
    for text, message in (
        ("", "Kies een bestand"),
        (str(tmp_path / "bestaat.db"), "bestaat al"),
        (str(tmp_path / "weg" / "kopie.db"), "bestaat niet"),
    ):
        dialog.path.setText(text)
        dialog.take_button.click()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert message in dialog.problem.text()
    dialog.path.setText("kopie")  # relative, without suffix: in the folder, as .db
    assert dialog.target_path() == tmp_path / "kopie.db"
    dialog.take_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.meeting_id() is None


def test_the_next_afstemmingsoverleg_is_proposed(demo_window):
    window = demo_window(TODAY)
    options, proposed = meeting_options(window.database, TODAY)
    upcoming_ao = [o for o in options if o.is_afstemmingsoverleg and o.day >= TODAY]
    assert proposed == min(upcoming_ao, key=lambda o: o.day).id
    assert all(o.day >= date(2020, 1, 31) for o in options)  # a month back at most


def test_a_verslag_changed_on_both_sides_shows_its_lines_and_takes_a_typed_value(demo_window, qtbot, tmp_path):
    """The same lines of an agenda item's verslag changed offline and at the office: a conflict shown as marked lines
    per side, reached later from the Bestand menu of the team database, decided with a typed text."""
    from ghnt_desktop.db import open_database
    from ghnt_desktop.services.minutes import set_minutes_text
    from ghnt_desktop.services.offline import return_offline, take_offline

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = demo_window(TODAY)
    team = window.database
    _options, meeting_id = meeting_options(team, TODAY)
    with team.read_session() as session:
        item_id = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
        ).first()
    # Every write below is another user's (a second connection), so the open window shows them as they come.
    colleague = open_database(team.path)
    colleague.write(
        lambda s: set_minutes_text(s, item_id, "Opening door de voorzitter.\nVeilig Thuis meldt.\nSluiting.")
    )
    copy_path = tmp_path / "kopie.db"
    with team.read_session() as session:
        take_offline(session, copy_path, meeting_id, source_label=str(team.path), source_url=str(team.path))
    copy = open_database(copy_path)
    try:
        copy.write(
            lambda s: set_minutes_text(
                s, item_id, "Opening door de voorzitter.\nVeilig Thuis meldt per 1 april.\nSluiting."
            )
        )
        colleague.write(
            lambda s: set_minutes_text(
                s, item_id, "Opening door de voorzitter.\nVeilig Thuis meldt per 1 mei.\nSluiting."
            )
        )
        # The copy is returned from another computer: the open window learns of the conflict by its live updates.
        with copy.session() as copy_session, colleague.session() as team_session:
            result = return_offline(copy_session, team_session)
    finally:
        copy.close()
        colleague.close()
    assert [c.field for c in result.conflicts] == ["minutes_text"]

    qtbot.waitUntil(window.offline_conflicts_action.isVisible, timeout=10_000)
    assert window.offline_conflicts_action.isVisible() and "(1)" in window.offline_conflicts_action.text()
    window.offline_conflicts_action.trigger()
    dialog = window.findChild(OfflineConflictsDialog)
    assert dialog.current().field == "minutes_text"
    mine, theirs = dialog.mine_value.toPlainText(), dialog.theirs_value.toPlainText()
    assert "− Veilig Thuis meldt." in mine and "+ Veilig Thuis meldt per 1 april." in mine
    assert "+ Veilig Thuis meldt per 1 mei." in theirs and "1 april" not in theirs
    assert dialog.own_value.isVisible()
    settle(qtbot)
    dialog.grab().save(str(ARTIFACTS / "conflict_verslag.png"))
    typed = "Opening door de voorzitter.\nVeilig Thuis meldt per 1 april (besluit) en licht toe op 1 mei.\nSluiting."
    dialog.own_value.setPlainText(typed)
    dialog.own_button.click()
    assert dialog.conflicts == [] and "Alle conflicten zijn beslist." in dialog.heading.text()
    assert not window.offline_conflicts_action.isVisible()
    with team.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text == typed


def test_a_typed_value_the_field_cannot_hold_is_refused_and_the_conflict_stays(demo_window, qtbot, tmp_path, messages):
    from ghnt_desktop.db import open_database
    from ghnt_desktop.models import Meeting
    from ghnt_desktop.services.meetings import move_meeting
    from ghnt_desktop.services.offline import return_offline, take_offline

    window = demo_window(TODAY)
    team = window.database
    _options, meeting_id = meeting_options(team, TODAY)
    copy_path = tmp_path / "kopie.db"
    with team.read_session() as session:
        take_offline(session, copy_path, meeting_id, source_label=str(team.path), source_url=str(team.path))
    copy = open_database(copy_path)
    try:
        copy.write(lambda s: move_meeting(s, meeting_id, date(2020, 3, 19)))
        team.write(lambda s: move_meeting(s, meeting_id, date(2020, 3, 26)))
        with copy.session() as copy_session, team.session() as team_session:
            return_offline(copy_session, team_session)
    finally:
        copy.close()
    window.offline_changed()
    dialog = window.show_offline_conflicts()
    fields = [c.field for c in dialog.conflicts]
    dialog.list.setCurrentRow(fields.index("date"))
    assert dialog.own_value.toPlainText() == "19-03-2020"  # the offline value as the screens write it
    for bad in ("volgende week", "31-02-2020", ""):
        dialog.own_value.setPlainText(bad)
        dialog.own_button.click()
        assert "Typ een" in messages[-1]
        assert [c.field for c in dialog.conflicts] == fields  # nothing decided
    dialog.list.setCurrentRow(fields.index("date"))
    dialog.own_value.setPlainText("02-04-2020")
    dialog.own_button.click()
    assert "date" not in [c.field for c in dialog.conflicts]
    with team.read_session() as session:
        assert session.get(Meeting, meeting_id).date == date(2020, 4, 2)


def test_cancelling_the_take_leaves_no_copy_behind(demo_window, qtbot, monkeypatch, tmp_path):
    """Annuleren while the copy is written: the engine finishes its one go, then the file is removed again."""
    import threading

    from ghnt_desktop.services import offline

    window = demo_window(TODAY)
    real_take = offline.take_offline
    go = threading.Event()

    def waiting_take(*args, **kwargs):
        go.wait(10)
        return real_take(*args, **kwargs)

    monkeypatch.setattr(offline, "take_offline", waiting_take)
    copy_path = tmp_path / "kopie.db"

    def fill_in(dialog: TakeOfflineDialog):
        dialog.path.setText(str(copy_path))
        dialog.take_button.click()
        return dialog.result()

    monkeypatch.setattr(TakeOfflineDialog, "exec", fill_in)
    window.take_offline_action.trigger()
    task = window.offline_task
    task.cancel()
    go.set()
    qtbot.waitUntil(task.task.is_done, timeout=30_000)
    qtbot.waitUntil(lambda: "geannuleerd" in window.statusBar().currentMessage(), timeout=5_000)
    assert not copy_path.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kopie")] == []
    assert window.database.path != copy_path


def test_returning_to_a_shared_file_a_colleague_has_open(demo_window, qtbot, monkeypatch, tmp_path):
    """Teams without a server share a file on a network drive, and a colleague has it open in the app all day: the
    return queues behind their writes instead of being refused, and a second return changes nothing."""
    from ghnt_desktop.filelock import acquire
    from ghnt_desktop.services.minutes import set_minutes_text
    from ghnt_desktop.services.offline import take_offline

    window = demo_window(TODAY)
    team_path = window.database.path
    _options, meeting_id = meeting_options(window.database, TODAY)
    with window.database.read_session() as session:
        item_id = session.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
        ).first()
        take_offline(session, tmp_path / "kopie.db", meeting_id, source_label=str(team_path), source_url=str(team_path))
    assert window.open_database_file(tmp_path / "kopie.db")
    window.database.write(lambda s: set_minutes_text(s, item_id, "Offline genotuleerd."))
    colleague = acquire(team_path)  # the colleague's app holds the file's lock
    try:
        dialog = window.return_offline_copy()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=30_000)
        dialog.return_button.click()
        qtbot.waitUntil(lambda: not dialog.result.dry_run, timeout=30_000)
        assert not dialog.result.conflicts and "Teruggezet naar demo.db." in dialog.status.text()
        dialog.close()
        again = window.return_offline_copy()
        qtbot.waitUntil(lambda: again.result is not None, timeout=30_000)
        assert again.result.already_returned and not again.return_button.isEnabled()
        assert "al teruggezet" in again.status.text()
        again.close()
    finally:
        colleague.release()
    assert window.open_database_file(team_path)
    with window.database.read_session() as session:
        assert session.get(AgendaItem, item_id).minutes_text == "Offline genotuleerd."
