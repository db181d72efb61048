"""No silent overwrite in the GUI: an editor's save and an undo over another user's newer change show the conflict.

Another user is another connection to the same file (as a second app on a team database). The conflict dialog is
answered by a stand-in that records what it was shown; the real dialog is built once to check its text.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from sqlalchemy import select

from ghnt_desktop.db import Database, make_engine
from ghnt_desktop.models import ActionStatus, AttendanceStatus, Person
from ghnt_desktop.services import RefusedError
from ghnt_desktop.services.network import update_person
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui import conflict_dialog
from ghnt_desktop.ui.editors.network import PersonDialog
from ghnt_desktop.ui.mainwindow import MainWindow

TODAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def window(qtbot, tmp_path, demo_file, monkeypatch):
    monkeypatch.setattr("ghnt_desktop.ui.undo.show_error", lambda parent, exc: pytest.fail(str(exc)))
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.live_updates.stop()  # the screens keep what they showed, as between two ticks
    win.show_page("organisations")
    yield win
    if win.database is not None:
        win.database.close()


def as_other_user(window, person_id, **values) -> None:
    other = Database(window.database.path, make_engine(window.database.path))
    with other.session() as session:
        update_person(session, person_id, **values)
    other.close()


def function_of(window, person_id) -> str:
    with window.database.session() as session:
        return session.scalar(select(Person.function).where(Person.id == person_id))


def first_person(page):
    page.organisation_view.selectRow(0)
    page.people_view.selectRow(0)
    person = page.selected_person()
    assert person is not None
    return person


@pytest.fixture
def answer(monkeypatch):
    """``answer.choice`` is what the user picks; ``answer.asked`` the conflicts shown."""

    class Answer:
        choice = conflict_dialog.TAKE_THEIRS
        asked: list = []

    Answer.asked = []
    monkeypatch.setattr(
        conflict_dialog, "ask_conflict", lambda _parent, conflict: Answer.asked.append(conflict) or Answer.choice
    )
    return Answer


def test_person_dialog_saved_over_another_users_change_asks_and_keeps_theirs(window, monkeypatch, answer):
    page = window.page("organisations")
    person = first_person(page)
    before = function_of(window, person.id)

    def exec_(dialog):  # while the dialog is open, another user changes the function
        as_other_user(window, person.id, function="Teamleider (door Bram)")
        dialog.function.setText("Beleidsadviseur (door Anne)")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", exec_)
    page.edit_person()
    (conflict,) = answer.asked
    assert [(f.field, f.seen, f.mine, f.theirs) for f in conflict.fields] == [
        ("function", before, "Beleidsadviseur (door Anne)", "Teamleider (door Bram)")
    ]
    assert function_of(window, person.id) == "Teamleider (door Bram)"
    assert not window.undo_stack.canUndo()  # nothing of Anne's was done, so nothing to undo

    answer.choice = conflict_dialog.KEEP_MINE  # the same again, and Anne keeps hers
    page.edit_person()
    assert function_of(window, person.id) == "Beleidsadviseur (door Anne)"
    assert window.undo_stack.canUndo()


def test_the_conflict_dialog_shows_both_values_and_defaults_to_the_saved_one(window, monkeypatch, qtbot):
    from ghnt_desktop.services.versions import ConflictError

    page = window.page("organisations")
    person = first_person(page)
    with window.database.session() as session:
        seen = {"function": session.get(Person, person.id).function}
    as_other_user(window, person.id, function="Teamleider")
    with pytest.raises(ConflictError) as caught, window.database.session() as session:
        update_person(session, person.id, function="Coördinator", seen=seen)
    box, choices = conflict_dialog.build_conflict_dialog(window, caught.value.conflict)
    qtbot.addWidget(box)
    text = box.informativeText()
    assert "Teamleider" in text and "Coördinator" in text and "Functie" in text
    assert choices[box.defaultButton()] == conflict_dialog.TAKE_THEIRS


@pytest.mark.parametrize("choice", [conflict_dialog.TAKE_THEIRS, conflict_dialog.KEEP_MINE])
def test_undo_over_another_users_later_change_shows_the_conflict(window, monkeypatch, answer, choice):
    page = window.page("organisations")
    person = first_person(page)
    before = function_of(window, person.id)
    monkeypatch.setattr(PersonDialog, "exec", lambda d: (d.function.setText("Projectleider"), d.accept(), 1)[-1])
    page.edit_person()
    assert function_of(window, person.id) == "Projectleider" and answer.asked == []
    as_other_user(window, person.id, function="Projectleider GHNT (door Bram)")

    answer.choice = choice
    window.undo_stack.undo()
    (conflict,) = answer.asked
    assert [(f.field, f.mine, f.theirs) for f in conflict.fields] == [
        ("function", before, "Projectleider GHNT (door Bram)")
    ]
    if choice == conflict_dialog.TAKE_THEIRS:  # Bram's value stays, and the step cannot be undone any more
        assert function_of(window, person.id) == "Projectleider GHNT (door Bram)"
        assert window.undo_stack.count() == 0
    else:  # Anne undoes knowingly over Bram's value; redo puts back what that undo replaced, without a question
        assert function_of(window, person.id) == before
        window.undo_stack.redo()
        assert function_of(window, person.id) == "Projectleider GHNT (door Bram)" and len(answer.asked) == 1


def test_undo_and_redo_without_another_user_ask_nothing(window, monkeypatch, answer):
    page = window.page("organisations")
    person = first_person(page)
    before = function_of(window, person.id)
    monkeypatch.setattr(PersonDialog, "exec", lambda d: (d.function.setText("  Secretaris  "), d.accept(), 1)[-1])
    page.edit_person()
    as_other_user(window, person.id, phone="050 123 45 67")  # another field: no conflict with this step
    for _ in range(2):
        window.undo_stack.undo()
        assert function_of(window, person.id) == before
        window.undo_stack.redo()
        assert function_of(window, person.id) == "Secretaris"
    assert answer.asked == []


def test_history_per_record_comes_from_the_change_log_with_user_time_and_fields(window):
    """Minutes text, agenda, attendance, programme, people and progress: the history view of each shows who changed
    which field when, read from the change log (nothing is written to the older ``change_record`` any more)."""
    from sqlalchemy import func

    from ghnt_desktop.models import ActionItem, AgendaItem, Attendance, ChangeRecord, ProgrammeAction
    from ghnt_desktop.services import actions, agenda, meetings, minutes, programme
    from ghnt_desktop.ui.meeting.data import load_history_lines
    from ghnt_desktop.ui.user_name import current_user

    with window.database.session() as session:
        records_before = session.scalar(select(func.count(ChangeRecord.id)))
        item = session.scalar(select(AgendaItem).where(AgendaItem.standard_item.is_(None)).limit(1))
        attendance = session.scalar(select(Attendance).where(Attendance.meeting_id == item.meeting_id).limit(1))
        action = session.scalar(select(ProgrammeAction).limit(1))
        item_action = session.scalar(select(ActionItem).where(ActionItem.closed_on.is_(None)).limit(1))
        person = session.scalar(select(Person).limit(1))
        ids = (item.id, attendance.id, action.id, item_action.id, person.id)
    edits = [
        ("agenda_item", ids[0], lambda s: agenda.update_agenda_item(s, ids[0], title="Casuïstiek en aanpak"), "Titel"),
        ("agenda_item", ids[0], lambda s: minutes.set_minutes_text(s, ids[0], "Het AO bespreekt de casus."), "Verslagtekst"),
        ("attendance", ids[1], lambda s: meetings.set_attendance(s, ids[1], AttendanceStatus.EXCUSED), "Status"),
        ("programme_action", ids[2], lambda s: programme.update_programme_action(s, ids[2], notes="Na overleg"),
         "Notities"),
        ("person", ids[4], lambda s: update_person(s, ids[4], function="Coördinator zorg en veiligheid"), "Functie"),
        ("action_item", ids[3], lambda s: actions.set_action_status(s, "item", ids[3], ActionStatus.DONE), "Status"),
    ]  # fmt: skip
    for table, record_id, change, label in edits:
        try:
            window.database.write(change)
        except RefusedError:  # a vastgesteld verslag: reopen first, as a user would
            with window.database.session() as session:
                meeting_id = session.get(AgendaItem, ids[0]).meeting_id
                meetings.reopen_minutes(session, meeting_id, "Aanvulling")
            window.database.write(change)
        with window.database.session() as session:
            lines = load_history_lines(session, table, record_id)
        assert lines, table
        last = lines[-1]
        assert last.who == current_user() and last.when and last.new not in ("", "—"), (table, last)
        assert label in [line.field for line in lines[-3:]], (table, lines[-3:])  # the write's fields, named in Dutch
    with window.database.session() as session:
        assert session.scalar(select(func.count(ChangeRecord.id))) == records_before  # nothing written there
