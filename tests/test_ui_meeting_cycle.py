"""The whole afstemmingsoverleg cycle driven through the GUI as a user would, on the demo database.

Create the next afstemmingsoverleg of the demo series, check the carried actions, mark attendance, minute
two items with a decision and two actions, close, create the following meeting and see exactly the
still-open actions there. Edge cases: an empty series, a cancelled meeting, an action closed between
meetings, a meeting moved to an earlier date.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CarriedAction,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingState,
)
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow
from ghnt_desktop.ui.meeting.dialogs import (
    CarryForwardDialog,
    NewMeetingDialog,
    PersonNameDialog,
    TextDialog,
    find_data,
)

TODAY = date(2020, 3, 2)
ARTIFACTS = Path(__file__).parent / "artifacts"
CLOSED = (ActionStatus.DONE, ActionStatus.CANCELLED)


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


def series_id(window, code: str):
    with window.database.session() as session:
        return session.scalar(select(MeetingSeries.id).where(MeetingSeries.code == code))


def open_action_ids_before(window, series, day: date) -> set:
    """Open action items made at earlier meetings of the series, read straight from the tables."""
    with window.database.session() as session:
        query = (
            select(ActionItem.id)
            .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
            .where(Meeting.series_id == series, Meeting.date < day, ActionItem.status.not_in(CLOSED))
        )
        return set(session.scalars(query))


def carried_ids(window, meeting_id) -> set:
    with window.database.session() as session:
        query = select(CarriedAction.action_item_id).where(CarriedAction.meeting_id == meeting_id)
        return set(session.scalars(query))


def create_through_dialog(window, monkeypatch, series, *, keep_all=True, seen=None):
    """Click "Nieuw overleg...", pick the series, accept the proposal and the carry-forward review."""
    page = window.page("meetings")

    def accept_new(dialog):
        dialog.series_combo.setCurrentIndex(find_data(dialog.series_combo, series))
        return 1

    def review(dialog):
        if seen is not None:
            seen.append(
                {
                    dialog.actions.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                    for i in range(dialog.actions.topLevelItemCount())
                }
            )
        if not keep_all:
            for i in range(dialog.programme.topLevelItemCount()):
                dialog.programme.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
        return 1

    monkeypatch.setattr(NewMeetingDialog, "exec", accept_new)
    monkeypatch.setattr(CarryForwardDialog, "exec", review)
    page.new_button.click()
    return page.meeting.meeting_id


def test_whole_cycle_of_the_afstemmingsoverleg(window, qtbot, monkeypatch):
    page = window.page("meetings")
    view = page.meeting
    ao = series_id(window, "AO")
    with window.database.session() as session:
        last_date = max(session.scalars(select(Meeting.date).where(Meeting.series_id == ao)))

    ARTIFACTS.mkdir(exist_ok=True)

    # Prepare: the next meeting of the series, with every still-open action carried after review.
    offered: list[set] = []
    first = create_through_dialog(window, monkeypatch, ao, seen=offered)
    with window.database.session() as session:
        meeting = session.get(Meeting, first)
        assert meeting.series_id == ao and meeting.state is MeetingState.CONCEPT
        assert meeting.date > last_date
        assert meeting.date - last_date < timedelta(days=100)  # four times a year
        titles = [
            i.title
            for i in session.scalars(
                select(AgendaItem).where(AgendaItem.meeting_id == first).order_by(AgendaItem.position)
            )
        ]
    assert titles[:3] == ["Opening en vaststellen agenda", "Verslag en actielijst vorig overleg", "Mededelingen"]
    assert titles[-2:] == ["Rondvraag", "Sluiting"]
    assert "Voortgang actieprogramma" in titles  # the programme actions the overleg follows
    expected_open = open_action_ids_before(window, ao, meeting.date)
    assert expected_open, "the demo has open actions in the afstemmingsoverleg"
    assert offered == [expected_open]
    assert carried_ids(window, first) == expected_open
    assert {r.id for r in view.minutes.review_model.rows()} == expected_open
    assert view.title_label.text() == meeting.title

    # A content item through the agenda editor: it goes before Rondvraag, numbers follow.
    def title_dialog(dialog):
        dialog.edit.setPlainText("Regionale werkagenda 2021")
        return 1

    monkeypatch.setattr(TextDialog, "exec", title_dialog)
    view.tabs.setCurrentWidget(view.agenda)
    view.agenda.table.selectRow(0)
    view.agenda.add_button.click()
    numbers = [(line.item.number, line.item.title) for line in view.data.agenda]
    assert numbers[-3][1] == "Regionale werkagenda 2021"
    assert [n for n, _t in numbers] == [str(i) for i in range(1, len(numbers) + 1)]
    window.grab().save(str(ARTIFACTS / "meeting_agenda.png"))

    # Gepland.
    view.next_state_button.click()
    with window.database.session() as session:
        assert session.get(Meeting, first).state is MeetingState.PLANNED

    # Attendance with the keyboard: A, A, F, then V with a substitute, W.
    view.tabs.setCurrentWidget(view.attendance)
    table = view.attendance.table
    table.setFocus()
    table.setCurrentIndex(view.attendance.model.index(0, 0))
    for key in (Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_F):
        qtbot.keyClick(table, key)

    def substitute(dialog):
        dialog.edit.setText("Invalkracht Jansen")
        return 1

    monkeypatch.setattr(PersonNameDialog, "exec", substitute)
    qtbot.keyClick(table, Qt.Key.Key_V)
    qtbot.keyClick(table, Qt.Key.Key_W)
    rows = view.attendance.model.rows()
    with window.database.session() as session:
        stored = {a.id: a for a in session.scalars(select(Attendance).where(Attendance.meeting_id == first))}
    assert [stored[r.id].status for r in rows[:5]] == [
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.SUBSTITUTED,
        AttendanceStatus.ABSENT,
    ]
    assert stored[rows[3].id].substitute_name == "Invalkracht Jansen"
    represented = {rows[i].organisation_name for i in (0, 1, 3) if rows[i].organisation_name}
    assert set(view.data.organisations_represented) == represented
    assert f"{len(represented)} organisaties vertegenwoordigd" in view.attendance.summary.text()
    view.attendance.table.setCurrentIndex(view.attendance.model.index(0, 0))
    window.grab().save(str(ARTIFACTS / "meeting_attendance.png"))

    # Minute-taking, one item at a time with the keyboard.
    view.tabs.setCurrentWidget(view.minutes)
    minutes = view.minutes
    minutes.notes.setFocus()
    assert minutes.current_item().standard_item == "opening"
    qtbot.keyClick(minutes.notes, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert minutes.current_item().standard_item == "previous_minutes"

    # Review of the carried actions: one closed, one postponed.
    closed_row, postponed_row = minutes.review_model.rows()[0], None
    minutes.review_table.setCurrentIndex(minutes.review_model.index(0, 0))
    minutes.review_status.setCurrentIndex(find_data(minutes.review_status, ActionStatus.DONE))
    minutes.review_done.setText("Afgerond en gedeeld met de partners")
    minutes.review_done.setFocus()

    qtbot.keyClick(minutes.review_done, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    later = [r for r in minutes.review_model.rows() if r.deadline is not None and r.id != closed_row.id]
    if later:
        postponed_row = later[0]
        minutes.review_table.setCurrentIndex(
            minutes.review_model.index(minutes.review_model.row_of(lambda r: r.id == postponed_row.id), 0)
        )
        minutes.review_deadline.setText("december 2021")
        minutes.review_todo.setText("Wacht op de gemeenteraad")
        qtbot.keyClick(minutes.review_todo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Item "Mededelingen": notes, a decision and an action with a trekker from the attendees.
    qtbot.keyClick(minutes.notes, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert minutes.current_item().standard_item == "announcements"
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "De voorzitter meldt dat Veilig Thuis een nieuwe directeur heeft.")
    qtbot.waitUntil(
        lambda: stored_minutes(window, minutes.current_item_id()).startswith("De voorzitter meldt"), timeout=3000
    )
    minutes.parts.setCurrentWidget(minutes.decisions_page)
    minutes.decision_edit.setFocus()

    qtbot.keyClicks(minutes.decision_edit, "De agenda wordt vastgesteld met de mededeling van Veilig Thuis.")
    minutes.decision_edit.setFocus()

    qtbot.keyClick(minutes.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    minutes.parts.setCurrentWidget(minutes.actions_page)
    trekker = rows[0].person_name
    minutes.action_text.setFocus()

    qtbot.keyClicks(minutes.action_text, "Kennismaking met de nieuwe directeur plannen")
    minutes.trekker_edit.setFocus()

    qtbot.keyClicks(minutes.trekker_edit, trekker)
    minutes.deadline_edit.setFocus()

    qtbot.keyClicks(minutes.deadline_edit, "Q4 2020")
    assert "01-10-2020 t/m 31-12-2020" in minutes.deadline_label.text()
    minutes.action_text.setFocus()

    qtbot.keyClick(minutes.action_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # A content item: a decision and an action for an organisation.
    content_row = next(i for i, line in enumerate(view.data.agenda) if line.item.standard_item is None)
    minutes.item_list.setCurrentRow(content_row)
    minutes.notes.setFocus()
    qtbot.keyClicks(minutes.notes, "Besproken is de aanpak van de regionale werkagenda.")
    minutes.parts.setCurrentWidget(minutes.decisions_page)
    minutes.decision_edit.setFocus()

    qtbot.keyClicks(minutes.decision_edit, "Het overleg stemt in met de werkagenda 2021.")
    minutes.decision_edit.setFocus()

    qtbot.keyClick(minutes.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    minutes.parts.setCurrentWidget(minutes.actions_page)
    minutes.action_text.setFocus()

    qtbot.keyClicks(minutes.action_text, "Werkagenda 2021 uitwerken")
    minutes.trekker_edit.setFocus()

    qtbot.keyClicks(minutes.trekker_edit, "Veilig Thuis (Groningen)")
    minutes.deadline_edit.setFocus()

    qtbot.keyClicks(minutes.deadline_edit, "15-01-2021")
    minutes.trekker_edit.setFocus()

    qtbot.keyClick(minutes.trekker_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.grab().save(str(ARTIFACTS / "meeting_minutes.png"))

    with window.database.session() as session:
        meeting = session.get(Meeting, first)
        decisions = session.scalars(
            select(Decision).where(Decision.meeting_id == first).order_by(Decision.sequence)
        ).all()
        made = session.scalars(
            select(ActionItem).where(ActionItem.origin_meeting_id == first).order_by(ActionItem.number)
        ).all()
        notes = stored_minutes(window, view.data.agenda[content_row].item.id)
        closed = session.get(ActionItem, closed_row.id)
        assert closed.status is ActionStatus.DONE and closed.closed_on == meeting.date
        if postponed_row is not None:
            postponed = session.get(ActionItem, postponed_row.id)
            assert postponed.times_postponed == postponed_row.times_postponed + 1
            assert postponed.deadline == date(2021, 12, 31)
    assert notes == "Besproken is de aanpak van de regionale werkagenda."  # saved when the item was left
    year, number = meeting.date.year, meeting.number_in_year
    assert [d.number for d in decisions] == [d.number for d in decisions]
    assert all(d.number.startswith(f"AO-{year}-{number}-") for d in decisions) and len(decisions) == 2
    assert len(made) == 2
    by_text = {a.text: a for a in made}
    assert by_text["Kennismaking met de nieuwe directeur plannen"].trekker_person_id == rows[0].person_id
    assert by_text["Kennismaking met de nieuwe directeur plannen"].deadline == date(2020, 12, 31)
    assert by_text["Werkagenda 2021 uitwerken"].trekker_organisation_id is not None
    assert by_text["Werkagenda 2021 uitwerken"].deadline == date(2021, 1, 15)

    # Close: gehouden. The meeting's date is still to come (the window's today is earlier): confirm it, and mark
    # the attendees nobody marked afwezig.
    asked = []
    monkeypatch.setattr(
        "ghnt_desktop.ui.meeting.view.ask_choice", lambda _parent, title, _text, _choices: asked.append(title) or 0
    )
    view.next_state_button.click()
    assert asked == ["Overleg in de toekomst", "Aanwezigheid niet ingevuld"]
    with window.database.session() as session:
        assert session.get(Meeting, first).state is MeetingState.HELD

    # The following meeting carries exactly the still-open actions.
    offered.clear()
    second = create_through_dialog(window, monkeypatch, ao, seen=offered)
    assert second != first
    still_open = (expected_open - {closed_row.id}) | {a.id for a in made}
    assert offered == [still_open]
    assert carried_ids(window, second) == still_open
    assert {r.id for r in view.minutes.review_model.rows()} == still_open
    assert open_action_ids_before(window, ao, date(2100, 1, 1)) >= still_open

    # Vaststellen of the first verslag in the second meeting: read-only with a reopen button.
    page.select_meeting(first)
    monkeypatch.setattr("ghnt_desktop.ui.meeting.dialogs.ApproveDialog.exec", lambda self: 1)
    view.next_state_button.click()
    with window.database.session() as session:
        assert session.get(Meeting, first).state is MeetingState.MINUTES_APPROVED
    assert view.banner.isVisible() and view.reopen_button.isVisible()
    assert view.banner_label.text().startswith("Vastgesteld op ")  # when and in which overleg
    assert view.minutes.notes.isReadOnly()


def stored_minutes(window, item_id) -> str:
    with window.database.session() as session:
        return session.scalar(select(AgendaItem.minutes_text).where(AgendaItem.id == item_id)) or ""
