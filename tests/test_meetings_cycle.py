"""The whole meeting cycle through the services: prepare, carry forward, run, minute, close, next meeting.

Edge cases of the cycle: an empty series, a cancelled meeting, an action closed between meetings and a
meeting moved to an earlier date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select
from test_meetings_fixtures import World, build_world, new_meeting

from ghnt_desktop.models import (
    ActionStatus,
    AgendaItem,
    AttendanceRole,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    MeetingState,
    ProgressUpdate,
)
from ghnt_desktop.services import RefusedError, agenda, meetings, minutes
from ghnt_desktop.services.change_log import field_history


@pytest.fixture
def world(session) -> World:
    return build_world(session)


def _item(session, meeting_id, key=None, title=None):
    for row in agenda.agenda_items(session, meeting_id):
        if (key is not None and row.standard_item == key) or (title is not None and row.title == title):
            return row
    raise AssertionError(f"no agenda item {key or title}")


def _run_meeting(session, meeting_id):
    for state in (MeetingState.PLANNED, MeetingState.HELD):
        meetings.set_meeting_state(session, meeting_id, state, unmarked=meetings.UNMARKED_KEEP)


def test_whole_cycle(session, world: World) -> None:
    # The first afstemmingsoverleg of 2020 with two content items.
    first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Voortgang werkgroep", "Knelpunten")
    _run_meeting(session, first)
    item4 = _item(session, first, title="Voortgang werkgroep")
    item5 = _item(session, first, title="Knelpunten")
    minutes.set_minutes_text(session, item4.id, "De werkgroep is gestart.")
    decision = minutes.add_decision(session, item4.id, "De werkgroep krijgt een budget.")
    a1 = minutes.add_action_item(
        session,
        item4.id,
        "Plan van aanpak opstellen",
        trekker_person_id=world.person["carla"],
        deadline_text="mei 2020",
    )
    a2 = minutes.add_action_item(
        session, item5.id, "Knelpunt privacy uitzoeken", trekker_organisation_id=world.org["politie"]
    )
    a3 = minutes.add_action_item(session, item5.id, "Folder verspreiden", trekker_text="Projectleider GHNT")
    minutes.record_progress(session, a3.id, status=ActionStatus.DONE, meeting_id=first)

    # The next one proposed from the rhythm (4 per year: three months later, same weekday) and defaults.
    draft = meetings.propose_next_meeting(session, world.ao_series, today=date(2020, 3, 13))
    assert draft.date.weekday() == date(2020, 3, 12).weekday()
    assert abs((draft.date - date(2020, 6, 12)).days) <= 3
    assert (draft.start_time, draft.end_time, draft.location) == (time(13, 30), time(15, 30), "Stadhuis Groningen")
    assert draft.chair_id == world.person["anna"] and draft.secretary_id == world.person["bram"]
    second = meetings.create_meeting(session, draft, content_items=["Jaarplan 2021"]).id
    assert session.get(Meeting, second).number_in_year == 2
    attendance = meetings.attendance_list(session, second)
    assert {a.person_name for a in attendance} == {
        "Anna de Vries", "Bram Jansen", "Carla Smit", "Daan Bakker", "Eva Mulder", "Fleur Visser"
    }  # fmt: skip
    assert all(a.status is AttendanceStatus.INVITED for a in attendance)
    assert {a.role for a in attendance if a.person_name == "Anna de Vries"} == {AttendanceRole.CHAIR}

    # Carried actions: exactly the two still open, reviewed before they are applied.
    proposal = agenda.carry_forward_proposal(session, second)
    assert {a.id for a in proposal.actions} == {a1.id, a2.id}
    assert not any(a.linked for a in proposal.actions)
    assert {p.code for p in proposal.programme_actions} == {"1.1.1", "1.1.2"}  # 1.1.3 is done
    applied = agenda.apply_carry_forward(
        session, second, [a.id for a in proposal.actions], [p.id for p in proposal.programme_actions]
    )
    assert set(applied.action_ids) == {a1.id, a2.id}
    listing = minutes.action_list(session, second)
    assert {r.id for r in listing.actions} == {a1.id, a2.id}
    voortgang = _item(session, second, key=agenda.PROGRESS_ITEM)
    assert [r.title for r in agenda.agenda_items(session, second)][-4:] == [
        "Jaarplan 2021", "Voortgang actieprogramma", "Rondvraag", "Sluiting"
    ]  # fmt: skip
    assert {code for _id, code, _text in agenda.programme_actions_of_item(session, voortgang.id)} == {"1.1.1", "1.1.2"}
    assert all(a.linked for a in agenda.carry_forward_proposal(session, second).actions)

    # Run it: attendance with a substitute and an excuse.
    _run_meeting(session, second)
    rows = {a.person_name: a.id for a in meetings.attendance_list(session, second)}
    for name in ("Anna de Vries", "Bram Jansen", "Carla Smit"):
        meetings.set_attendance(session, rows[name], AttendanceStatus.PRESENT)
    meetings.set_attendance(session, rows["Eva Mulder"], AttendanceStatus.EXCUSED)
    meetings.set_attendance(
        session, rows["Daan Bakker"], AttendanceStatus.SUBSTITUTED, substitute_id=world.person["gijs"]
    )
    meetings.set_attendance(session, rows["Fleur Visser"], AttendanceStatus.ABSENT)
    assert meetings.organisations_represented(session, second) == [
        "Gemeente Groningen", "Politie Noord-Nederland", "Veilig Thuis Groningen"
    ]  # fmt: skip

    # Minute two items: a decision and two actions; progress on the carried ones.
    jaarplan = _item(session, second, title="Jaarplan 2021")
    previous = _item(session, second, key="previous_minutes")
    minutes.set_minutes_text(session, previous.id, "Het verslag wordt ongewijzigd vastgesteld.")
    minutes.set_minutes_text(session, jaarplan.id, "Het jaarplan wordt besproken.")
    d2 = minutes.add_decision(session, jaarplan.id, "Het jaarplan 2021 wordt vastgesteld.")
    b1 = minutes.add_action_item(session, jaarplan.id, "Jaarplan rondsturen", trekker_person_id=world.person["bram"])
    b2 = minutes.add_action_item(
        session,
        jaarplan.id,
        "Begroting aanvullen",
        trekker_organisation_id=world.org["groningen"],
        deadline_text="Q3 2020",
    )
    minutes.record_progress(session, a1.id, status=ActionStatus.DONE, done_text="Plan is klaar", meeting_id=second)
    minutes.record_progress(
        session, a2.id, status=ActionStatus.IN_PROGRESS, todo_text="Advies FG afwachten", meeting_id=second
    )
    assert decision.number == "AO-2020-1-01" and d2.number == "AO-2020-2-02"
    assert [r.number for r in minutes.action_list(session, second).actions] == [
        "AO-2020-1-A01", "AO-2020-1-A02", "AO-2020-2-A04", "AO-2020-2-A05"
    ]  # fmt: skip

    # Close: the first meeting's minutes are approved at the second.
    meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=second)
    meetings.set_meeting_state(session, second, MeetingState.MINUTES_APPROVED)
    assert session.get(Meeting, first).state is MeetingState.MINUTES_APPROVED
    assert any("Vastgesteld in" in c.reason for c in field_history(session, "meeting", first))

    # The following meeting sees exactly the still-open actions: a2 (carried again), b1 and b2.
    third = new_meeting(session, world.ao_series, date(2020, 9, 10))
    proposal = agenda.carry_forward_proposal(session, third)
    assert {a.id for a in proposal.actions} == {a2.id, b1.id, b2.id}
    carried_a2 = next(a for a in proposal.actions if a.id == a2.id)
    assert carried_a2.origin_meeting_date == date(2020, 3, 12)
    assert session.get(Meeting, third).number_in_year == 3


def test_empty_series(session, world: World) -> None:
    draft = meetings.propose_next_meeting(session, world.bo_series, today=date(2020, 1, 6))
    assert draft.date == date(2020, 2, 3)
    assert draft.kind is MeetingKind.BESTUURLIJK and draft.invitee_person_ids == ()
    meeting_id = meetings.create_meeting(session, draft).id
    proposal = agenda.carry_forward_proposal(session, meeting_id)
    assert proposal.actions == () and proposal.programme_actions == ()
    assert meetings.attendance_list(session, meeting_id) == []
    assert [r.standard_item for r in agenda.agenda_items(session, meeting_id)] == [
        "opening", "previous_minutes", "announcements", "any_other_business", "closing"
    ]  # fmt: skip
    with pytest.raises(RefusedError):
        meetings.set_meeting_state(session, meeting_id, MeetingState.HELD)  # concept -> gehouden skips a step


def test_cancelled_meeting_keeps_items_and_the_rhythm_goes_on(session, world: World) -> None:
    first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Jaarplan")
    item = _item(session, first, title="Jaarplan")
    action = minutes.add_action_item(session, item.id, "Jaarplan schrijven")
    second = new_meeting(session, world.ao_series, date(2020, 6, 11), "Evaluatie")
    sequence = session.get(Meeting, second).ics_sequence
    before = meetings.cancel_meeting(session, second)
    cancelled = session.get(Meeting, second)
    assert cancelled.state is MeetingState.CANCELLED and cancelled.ics_sequence == sequence + 1
    assert [r.title for r in agenda.agenda_items(session, second)][3] == "Evaluatie"
    assert len(meetings.attendance_list(session, second)) == 6
    # The next meeting follows the cancelled one and still sees the open action of the first.
    draft = meetings.propose_next_meeting(session, world.ao_series, today=date(2020, 6, 12))
    assert draft.date > date(2020, 9, 1)
    third = meetings.create_meeting(session, draft).id
    assert session.get(Meeting, third).number_in_year == 2  # the cancelled one does not count
    assert [a.id for a in agenda.carry_forward_proposal(session, third).actions] == [action.id]
    # Reinstating is the undo of cancelling and renumbers again.
    meetings.set_meeting_state(session, second, **before.before)
    assert session.get(Meeting, second).state is MeetingState.CONCEPT
    assert session.get(Meeting, third).number_in_year == 3


def test_action_closed_between_meetings_is_not_carried(session, world: World) -> None:
    first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Scholing")
    item = _item(session, first, title="Scholing")
    closed = minutes.add_action_item(session, item.id, "Scholing inkopen")
    still_open = minutes.add_action_item(session, item.id, "Deelnemers werven")
    result = minutes.record_progress(
        session, closed.id, status=ActionStatus.DONE, done_text="Ingekocht", on=date(2020, 4, 20)
    )
    assert result.before.update_values is None
    row = minutes.progress_history(session, closed.id)[0]
    assert (row.date, row.meeting_id, row.status) == (date(2020, 4, 20), None, ActionStatus.DONE)
    second = new_meeting(session, world.ao_series, date(2020, 6, 11))
    assert [a.id for a in agenda.carry_forward_proposal(session, second).actions] == [still_open.id]
    with pytest.raises(Exception, match="eerdere overleggen"):
        agenda.apply_carry_forward(session, second, [closed.id])
    # Undoing the closing brings it back on the proposal.
    minutes.undo_progress(session, result.before)
    assert {a.id for a in agenda.carry_forward_proposal(session, second).actions} == {closed.id, still_open.id}
    assert minutes.progress_history(session, closed.id) == []


def test_meeting_moved_to_an_earlier_date(session, world: World) -> None:
    first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Scholing")
    action = minutes.add_action_item(session, _item(session, first, title="Scholing").id, "Scholing inkopen")
    second = new_meeting(session, world.ao_series, date(2020, 6, 11))
    agenda.apply_carry_forward(session, second, [action.id])
    assert session.scalar(select(ProgressUpdate).where(ProgressUpdate.meeting_id == second)) is None  # no empty row
    minutes.record_progress(session, action.id, status=ActionStatus.IN_PROGRESS, meeting_id=second)
    update = session.scalar(select(ProgressUpdate).where(ProgressUpdate.meeting_id == second))
    assert update.date == date(2020, 6, 11)

    # Moved a little earlier: still after the first meeting, the carried action follows the new date.
    edit = meetings.move_meeting(session, second, date(2020, 5, 28), start_time=time(10, 0))
    assert edit.before["new_date"] == date(2020, 6, 11)
    assert session.get(ProgressUpdate, update.id).date == date(2020, 5, 28)
    assert session.get(Meeting, second).start_time == time(10, 0)
    # Moved before the first meeting: it cannot carry that meeting's action, and the numbers swap.
    meetings.move_meeting(session, second, date(2020, 2, 13))
    assert session.get(ProgressUpdate, update.id) is None  # an empty review row goes with the link
    assert action.id not in {a.id for a in minutes.action_list(session, second).actions}
    assert agenda.carry_forward_proposal(session, second).actions == ()
    assert (session.get(Meeting, second).number_in_year, session.get(Meeting, first).number_in_year) == (1, 2)
    assert session.get(Meeting, second).ics_sequence == 2
    # Undo of the first move's shape: moving back restores the order.
    meetings.move_meeting(session, second, **edit.before)
    assert session.get(Meeting, second).date == date(2020, 6, 11)
    assert session.get(Meeting, second).number_in_year == 2


def test_delete_meeting_only_without_records(session, world: World) -> None:
    concept = new_meeting(session, world.ao_series, date(2020, 3, 12))
    removed = meetings.delete_meeting(session, concept)
    assert session.get(Meeting, concept) is None
    assert session.scalar(select(func.count(AgendaItem.id)).where(AgendaItem.meeting_id == concept)) == 0
    meetings.restore_removed(session, removed)
    assert len(agenda.agenda_items(session, concept)) == 5
    assert len(meetings.attendance_list(session, concept)) == 6

    row = meetings.attendance_list(session, concept)[0]
    meetings.set_attendance(session, row.id, AttendanceStatus.PRESENT)
    with pytest.raises(RefusedError, match="aanwezigheid"):
        meetings.delete_meeting(session, concept)
    meetings.set_attendance(session, row.id, AttendanceStatus.INVITED)
    minutes.set_minutes_text(session, _item(session, concept, key="opening").id, "Welkom")
    with pytest.raises(RefusedError, match="verslagtekst"):
        meetings.delete_meeting(session, concept)


def test_single_meeting_without_series(session, world: World) -> None:
    draft = meetings.MeetingDraft(
        kind=MeetingKind.OTHER, title="Netwerkbijeenkomst 🙂 \u202ertl", date=date(2020, 11, 18), start_time=time(9, 0)
    )
    meeting_id = meetings.create_meeting(session, replace(draft, invitee_person_ids=(world.person["eva"],))).id
    item = agenda.add_agenda_item(session, meeting_id, "Presentatie").id
    decision = minutes.add_decision(session, item, "Vervolg organiseren")
    assert decision.number == "OV-2020-1-01"
    assert len(meetings.attendance_list(session, meeting_id)) == 1
