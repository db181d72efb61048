"""Decisions, action items, progress, escalation, the read-only vastgesteld verslag and undo of every edit."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select
from test_meetings_fixtures import World, build_world, new_meeting

from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaPurpose,
    AttendanceStatus,
    Decision,
    EscalationState,
    Meeting,
    MeetingState,
    ProgressUpdate,
)
from ghnt_desktop.services import NotFoundError, RefusedError, ValidationError, agenda, meetings, minutes
from ghnt_desktop.services.change_log import field_history


@pytest.fixture
def world(session) -> World:
    return build_world(session)


def _content_item(session, meeting_id):
    return next(r for r in agenda.agenda_items(session, meeting_id) if r.standard_item is None)


def _approve(session, meeting_id):
    for state in (MeetingState.PLANNED, MeetingState.HELD, MeetingState.MINUTES_APPROVED):
        meetings.set_meeting_state(session, meeting_id, state, unmarked=meetings.UNMARKED_KEEP)


# ---------------------------------------------------------------------------------------------------------------
# Numbering


def test_decision_and_action_numbers_across_meetings_and_years(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    m2 = new_meeting(session, world.ao_series, date(2020, 6, 11), "Punt")
    m3 = new_meeting(session, world.ao_series, date(2021, 3, 11), "Punt")
    bo = new_meeting(session, world.bo_series, date(2020, 6, 25), "Punt")
    i1, i2, i3, ib = (_content_item(session, m).id for m in (m1, m2, m3, bo))
    numbers = [
        minutes.add_decision(session, i1, "Eerste").number,
        minutes.add_decision(session, i1, "Tweede").number,
        minutes.add_decision(session, i2, "Derde").number,
        minutes.add_decision(session, ib, "Bestuurlijk").number,
        minutes.add_decision(session, i3, "Nieuw jaar").number,
    ]
    assert numbers == ["AO-2020-1-01", "AO-2020-1-02", "AO-2020-2-03", "BO-2020-1-01", "AO-2021-1-01"]
    stored = session.scalars(select(Decision.number).order_by(Decision.year, Decision.sequence)).all()
    assert sorted(stored) == sorted(numbers)
    assert [r.number for r in minutes.decision_list(session, series_id=world.ao_series, year=2020)] == [
        "AO-2020-1-01", "AO-2020-1-02", "AO-2020-2-03"
    ]  # fmt: skip

    actions = [
        minutes.add_action_item(session, i1, "Actie").number,
        minutes.add_action_item(session, i1, "Toezegging", kind=ActionKind.TOEZEGGING).number,
        minutes.add_action_item(session, i2, "Actie").number,
        minutes.add_action_item(session, i3, "Actie").number,
    ]
    assert actions == ["AO-2020-1-A01", "AO-2020-1-T01", "AO-2020-2-A02", "AO-2021-1-A01"]
    listing = minutes.action_list(session, m1)
    assert [r.number for r in listing.actions] == ["AO-2020-1-A01"]
    assert [r.number for r in listing.toezeggingen] == ["AO-2020-1-T01"]

    # Deleting and restoring a decision keeps its number; a new one after a deleted last number reuses nothing
    # that still exists.
    third = session.scalar(select(Decision).where(Decision.number == "AO-2020-2-03"))
    removed = minutes.delete_decision(session, third.id)
    assert minutes.add_decision(session, i2, "Vervanger").number == "AO-2020-2-03"
    with pytest.raises(Exception):  # noqa: B017 - the unique number refuses a second 03 in the database
        with session.begin_nested():
            meetings.restore_removed(session, removed)


def test_action_deadline_from_text_or_date(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    item = _content_item(session, m1).id
    by_text = minutes.add_action_item(session, item, "A", deadline_text="voor de zomer")
    by_date = minutes.add_action_item(session, item, "B", deadline=date(2020, 5, 1))
    unreadable = minutes.add_action_item(session, item, "C", deadline_text="doorlopend")
    assert session.get(ActionItem, by_text.id).deadline == date(2020, 6, 30)  # year from the meeting
    assert session.get(ActionItem, by_text.id).deadline_text == "voor de zomer"
    assert session.get(ActionItem, by_date.id).deadline == date(2020, 5, 1)
    assert session.get(ActionItem, unreadable.id).deadline is None


# ---------------------------------------------------------------------------------------------------------------
# Progress and postponement


def test_postponement_counting(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    action = minutes.add_action_item(session, _content_item(session, m1).id, "Protocol", deadline_text="april 2020")
    assert session.get(ActionItem, action.id).deadline == date(2020, 4, 30)
    m2 = new_meeting(session, world.ao_series, date(2020, 6, 11))
    agenda.apply_carry_forward(session, m2, [action.id])

    first = minutes.record_progress(
        session,
        action.id,
        status=ActionStatus.IN_PROGRESS,
        done_text="Concept klaar",
        todo_text="Afstemmen met partners",
        new_deadline_text="september 2020",
        meeting_id=m2,
    )
    stored = session.get(ActionItem, action.id)
    assert first.postponed and stored.times_postponed == 1
    assert stored.deadline == date(2020, 9, 30) and stored.deadline_text == "september 2020"
    update = session.get(ProgressUpdate, first.update_id)
    assert (update.previous_deadline, update.new_deadline) == (date(2020, 4, 30), date(2020, 9, 30))
    assert update.meeting_id == m2 and update.date == date(2020, 6, 11)
    assert first.before.update_values is None  # carrying forward wrote no empty row; this is the first
    assert update.agenda_item_id == next(
        r.id for r in agenda.agenda_items(session, m2) if r.standard_item == "previous_minutes"
    )  # recorded under the item the action was carried to
    assert len(minutes.progress_history(session, action.id)) == 1

    second = minutes.record_progress(session, action.id, status=ActionStatus.ON_HOLD, new_deadline=date(2020, 12, 1))
    assert second.postponed and session.get(ActionItem, action.id).times_postponed == 2
    earlier = minutes.record_progress(
        session, action.id, status=ActionStatus.IN_PROGRESS, new_deadline=date(2020, 11, 1)
    )
    assert not earlier.postponed and session.get(ActionItem, action.id).times_postponed == 2
    same = minutes.record_progress(session, action.id, status=ActionStatus.IN_PROGRESS)
    assert not same.postponed and session.get(ActionItem, action.id).deadline == date(2020, 11, 1)

    closing = minutes.record_progress(session, action.id, status=ActionStatus.DONE, on=date(2020, 11, 20))
    assert session.get(ActionItem, action.id).closed_on == date(2020, 11, 20)
    minutes.undo_progress(session, closing.before)
    assert session.get(ActionItem, action.id).closed_on is None
    for result in (same, earlier, second, first):
        minutes.undo_progress(session, result.before)
    restored = session.get(ActionItem, action.id)
    assert (restored.times_postponed, restored.deadline, restored.status) == (
        0,
        date(2020, 4, 30),
        ActionStatus.NOT_STARTED,
    )
    assert session.get(ProgressUpdate, first.update_id) is None  # no empty row left behind
    assert action.id in {r.id for r in minutes.action_list(session, m2).actions}  # still carried to m2


# ---------------------------------------------------------------------------------------------------------------
# Read-only after approval


def test_read_only_after_approval_and_reopen_with_reason(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    item = _content_item(session, m1).id
    decision = minutes.add_decision(session, item, "Besluit")
    action = minutes.add_action_item(session, item, "Actie")
    attendee = meetings.attendance_list(session, m1)[0].id
    _approve(session, m1)

    edits = [
        lambda: agenda.add_agenda_item(session, m1, "Nieuw"),
        lambda: agenda.update_agenda_item(session, item, title="Anders"),
        lambda: agenda.move_agenda_item(session, item, 0),
        lambda: agenda.remove_agenda_item(session, item),
        lambda: agenda.add_document(session, item, "Notitie", "notitie.docx"),
        lambda: agenda.add_guest(session, item, name="Gast"),
        lambda: minutes.set_minutes_text(session, item, "Anders"),
        lambda: minutes.add_decision(session, item, "Nog een"),
        lambda: minutes.update_decision(session, decision.id, text="Anders"),
        lambda: minutes.delete_decision(session, decision.id),
        lambda: minutes.add_action_item(session, item, "Nog een"),
        lambda: minutes.update_action_item(session, action.id, text="Anders"),
        lambda: minutes.delete_action_item(session, action.id),
        lambda: minutes.record_progress(session, action.id, status=ActionStatus.DONE, meeting_id=m1),
        lambda: meetings.set_attendance(session, attendee, AttendanceStatus.PRESENT),
        lambda: meetings.add_attendee(session, m1, name="Iemand"),
        lambda: meetings.remove_attendee(session, attendee),
        lambda: meetings.update_meeting(session, m1, location="Elders"),
        lambda: meetings.move_meeting(session, m1, date(2020, 3, 19)),
        lambda: meetings.delete_meeting(session, m1),
        lambda: meetings.set_meeting_state(session, m1, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP),
    ]
    for edit in edits:
        with pytest.raises(RefusedError, match="vastgesteld"):
            edit()
    assert session.get(Decision, decision.id).text == "Besluit"
    # Progress on the action at a later meeting is still possible: it is not an edit of this verslag.
    minutes.record_progress(session, action.id, status=ActionStatus.IN_PROGRESS, on=date(2020, 4, 1))

    for reason in ("", "   "):
        with pytest.raises(ValidationError, match="reden"):
            meetings.reopen_minutes(session, m1, reason)
    meetings.reopen_minutes(session, m1, "Typfout in besluit 1")
    assert session.get(Meeting, m1).state is MeetingState.HELD
    records = [c for c in field_history(session, "meeting", m1) if c.reason == "Typfout in besluit 1"]
    assert len(records) == 1
    assert (records[0].old, records[0].new, records[0].changed_by) == (
        "minutes_approved",
        "held",
        field_history(session, "meeting", m1)[0].changed_by,  # the writer of this transaction, as logged
    )
    edit = minutes.update_decision(session, decision.id, text="Besluit (gecorrigeerd)")
    changes = [c for c in field_history(session, "decision", decision.id) if c.field == "text"]
    assert [(c.old, c.new) for c in changes][-1] == ("Besluit", "Besluit (gecorrigeerd)")
    minutes.update_decision(session, decision.id, **edit.before)
    assert session.get(Decision, decision.id).text == "Besluit"
    with pytest.raises(RefusedError, match="Alleen een vastgesteld verslag"):
        meetings.reopen_minutes(session, m1, "nogmaals")


def test_state_jumps_are_refused_in_dutch(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12))
    for wrong in (MeetingState.HELD, MeetingState.MINUTES_APPROVED):
        with pytest.raises(RefusedError, match="kan niet naar"):
            meetings.set_meeting_state(session, m1, wrong)
    edit = meetings.set_meeting_state(session, m1, MeetingState.PLANNED)
    meetings.set_meeting_state(session, m1, **edit.before)  # undo
    assert session.get(Meeting, m1).state is MeetingState.CONCEPT
    later = new_meeting(session, world.ao_series, date(2020, 6, 11))
    meetings.set_meeting_state(session, m1, MeetingState.PLANNED)
    meetings.set_meeting_state(session, m1, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP)
    with pytest.raises(ValidationError, match="later overleg"):
        meetings.set_meeting_state(session, m1, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=m1)
    meetings.set_meeting_state(session, m1, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=later)
    assert session.get(Meeting, m1).state is MeetingState.MINUTES_APPROVED


# ---------------------------------------------------------------------------------------------------------------
# Escalation


def test_escalation_to_the_next_bestuurlijk_overleg_and_outcome_back(session, world: World) -> None:
    ao = new_meeting(session, world.ao_series, date(2020, 3, 12), "Financiering")
    item = _content_item(session, ao).id
    decision = minutes.add_decision(session, item, "Voorstel: structurele financiering vrouwenopvang")
    other = minutes.add_decision(session, item, "Blijft in het netwerk")
    edit = minutes.mark_for_decision(session, decision.id)
    assert edit.before["escalation"] is EscalationState.NONE
    stored = session.get(Decision, decision.id)
    assert stored.escalation is EscalationState.PROPOSED and stored.escalated_to_meeting_id is None
    with pytest.raises(RefusedError):
        minutes.mark_for_decision(session, decision.id)

    # No bestuurlijk overleg yet: the next one created picks it up, as an item ter besluitvorming.
    bo = new_meeting(session, world.bo_series, date(2020, 4, 2))
    stored = session.get(Decision, decision.id)
    assert stored.escalated_to_meeting_id == bo
    bo_item = next(r for r in agenda.agenda_items(session, bo) if r.id == stored.escalation_agenda_item_id)
    assert bo_item.purpose is AgendaPurpose.BESLUITVORMING
    assert "structurele financiering" in bo_item.title and "AO-2020-1-01" in bo_item.title
    assert [r.standard_item for r in agenda.agenda_items(session, bo)][-2:] == ["any_other_business", "closing"]
    assert session.get(Decision, other.id).escalated_to_meeting_id is None
    # A second bestuurlijk overleg does not get it again.
    bo2 = new_meeting(session, world.bo_series, date(2020, 7, 2))
    assert len(agenda.agenda_items(session, bo2)) == 5

    # The original verslag is vastgesteld; the outcome still comes back on the original decision.
    _approve(session, ao)
    outcome = minutes.record_escalation_outcome(
        session, decision.id, "Akkoord, dekking uit de decentralisatie-uitkering", None
    )
    stored = session.get(Decision, decision.id)
    assert stored.escalation is EscalationState.DECIDED
    assert stored.outcome.startswith("Akkoord") and stored.outcome_date == date(2020, 4, 2)
    row = next(r for r in minutes.decision_list(session, meeting_id=ao) if r.id == decision.id)
    assert (row.escalation, row.escalated_to_meeting_date) == (EscalationState.DECIDED, date(2020, 4, 2))
    fields = {c.field for c in field_history(session, "decision", decision.id)}
    assert {"escalation", "outcome", "outcome_date"} <= fields
    minutes.record_escalation_outcome(session, decision.id, **outcome.before)
    assert session.get(Decision, decision.id).escalation is EscalationState.PROPOSED
    with pytest.raises(RefusedError):
        minutes.record_escalation_outcome(session, other.id, "x", date(2020, 4, 2))


def test_escalation_placed_at_once_and_withdrawn(session, world: World) -> None:
    bo = new_meeting(session, world.bo_series, date(2020, 4, 2))
    ao = new_meeting(session, world.ao_series, date(2020, 3, 12), "Financiering")
    decision = minutes.add_decision(session, _content_item(session, ao).id, "Voorstel", confidential=True)
    minutes.mark_for_decision(session, decision.id)
    stored = session.get(Decision, decision.id)
    assert stored.escalated_to_meeting_id == bo
    titles = [r.title for r in agenda.agenda_items(session, bo)]
    assert f"Vertrouwelijk besluit {decision.number}, zie besloten stuk" in titles
    assert not any("Voorstel" in t for t in titles)
    minutes.withdraw_escalation(session, decision.id)
    assert len(agenda.agenda_items(session, bo)) == 5
    assert session.get(Decision, decision.id).escalation is EscalationState.NONE
    single = meetings.create_meeting(
        session, meetings.MeetingDraft(kind=meetings.MeetingKind.OTHER, title="Los", date=date(2020, 5, 5))
    ).id
    loose = minutes.add_decision(session, agenda.agenda_items(session, single)[0].id, "Los besluit")
    with pytest.raises(ValidationError, match="bestuurlijk overleg"):
        minutes.mark_for_decision(session, loose.id)


# ---------------------------------------------------------------------------------------------------------------
# Agenda, attendance and undo


def test_agenda_editing_numbering_schedule_and_undo(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12))
    created = agenda.add_agenda_item(
        session,
        m1,
        "Jaarplan",
        purpose=AgendaPurpose.BESLUITVORMING,
        inbrenger="Projectleider GHNT",
        planned_minutes=30,
        documents=[("Jaarplan 2021", "jaarplan.docx")],
    )
    assert created.number == "4"
    numbers = [(r.number, r.title) for r in agenda.agenda_items(session, m1)]
    assert numbers[3:] == [("4", "Jaarplan"), ("5", "Rondvraag"), ("6", "Sluiting")]

    schedule = agenda.agenda_schedule(session, m1)
    starts = {s.title: (s.start, s.end) for s in schedule.items}
    assert starts["Jaarplan"] == (time(13, 55), time(14, 25))
    assert schedule.planned_end == time(14, 40) and schedule.total_minutes == 70 and not schedule.overruns
    edit = agenda.update_agenda_item(session, created.id, planned_minutes=120, confidential=True)
    assert agenda.agenda_schedule(session, m1).overruns
    agenda.update_agenda_item(session, created.id, **edit.before)
    row = next(r for r in agenda.agenda_items(session, m1) if r.id == created.id)
    assert (row.planned_minutes, row.confidential) == (30, False)

    doc = agenda.add_document(session, created.id, "Begroting", "https://example.nl/begroting.xlsx")
    assert len(next(r for r in agenda.agenda_items(session, m1) if r.id == created.id).documents) == 2
    agenda.update_agenda_item(session, created.id, **doc.before)
    assert next(r for r in agenda.agenda_items(session, m1) if r.id == created.id).documents == (
        ("Jaarplan 2021", "jaarplan.docx"),
    )

    moved = agenda.move_agenda_item(session, created.id, 0)
    assert [r.title for r in agenda.agenda_items(session, m1)][:2] == ["Jaarplan", "Opening en vaststellen agenda"]
    assert [r.number for r in agenda.agenda_items(session, m1)] == ["1", "2", "3", "4", "5", "6"]
    agenda.move_agenda_item(session, created.id, **moved.before)
    assert agenda.agenda_items(session, m1)[3].title == "Jaarplan"

    guest = agenda.add_guest(session, created.id, person_id=world.person["gijs"])
    rows = meetings.attendance_list(session, m1)
    assert rows[-1].id == guest.id and rows[-1].agenda_item_number == "4"
    removed = agenda.remove_agenda_item(session, created.id)
    assert [r.number for r in agenda.agenda_items(session, m1)] == ["1", "2", "3", "4", "5"]
    assert all(r.id != guest.id for r in meetings.attendance_list(session, m1))
    meetings.restore_removed(session, removed)
    assert agenda.agenda_items(session, m1)[3].title == "Jaarplan"
    assert meetings.attendance_list(session, m1)[-1].id == guest.id

    text = minutes.set_minutes_text(session, created.id, "Besproken.\x00\x07 ✓")
    assert agenda.agenda_items(session, m1)[3].minutes_text == "Besproken. ✓"
    with pytest.raises(RefusedError, match="verslagtekst"):
        agenda.remove_agenda_item(session, created.id)
    minutes.set_minutes_text(session, created.id, **text.before)
    assert agenda.agenda_items(session, m1)[3].minutes_text == ""
    with pytest.raises(ValidationError):
        agenda.add_agenda_item(session, m1, "   ")
    with pytest.raises(ValidationError):
        agenda.update_agenda_item(session, created.id, planned_minutes=-5)
    with pytest.raises(NotFoundError):
        agenda.update_agenda_item(session, meetings.uuid.uuid4(), title="x")


def test_attendance_substitute_and_undo(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12))
    rows = {r.person_name: r.id for r in meetings.attendance_list(session, m1)}
    with pytest.raises(ValidationError, match="vervangen"):
        meetings.set_attendance(session, rows["Daan Bakker"], AttendanceStatus.SUBSTITUTED)
    edit = meetings.set_attendance(
        session, rows["Daan Bakker"], AttendanceStatus.SUBSTITUTED, substitute_name="H. de Boer"
    )
    row = next(r for r in meetings.attendance_list(session, m1) if r.id == rows["Daan Bakker"])
    assert (row.status, row.substitute_name) == (AttendanceStatus.SUBSTITUTED, "H. de Boer")
    assert meetings.organisations_represented(session, m1) == ["Politie Noord-Nederland"]
    meetings.set_attendance(session, rows["Daan Bakker"], **edit.before)
    assert meetings.organisations_represented(session, m1) == []
    with pytest.raises(ValidationError, match="al op de presentielijst"):
        meetings.add_attendee(session, m1, person_id=world.person["carla"])
    extra = meetings.add_attendee(session, m1, organisation_id=world.org["ggd"], status=AttendanceStatus.PRESENT)
    assert meetings.organisations_represented(session, m1) == ["GGD Groningen"]
    removed = meetings.remove_attendee(session, extra.id)
    assert meetings.organisations_represented(session, m1) == []
    meetings.restore_removed(session, removed)
    assert meetings.organisations_represented(session, m1) == ["GGD Groningen"]


def test_action_item_edits_are_recorded_and_undoable(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    item = _content_item(session, m1).id
    action = minutes.add_action_item(session, item, "Protocol opstellen", trekker_text="Veilig Thuis")
    edit = minutes.update_action_item(
        session,
        action.id,
        text="Protocol opstellen en delen",
        trekker_person_id=world.person["carla"],
        deadline_text="Q2 2020",
    )
    stored = session.get(ActionItem, action.id)
    assert stored.deadline == date(2020, 6, 30) and stored.times_postponed == 0  # a correction, no postponement
    fields = {c.field for c in field_history(session, "action_item", action.id)}
    assert {"text", "trekker_person_id", "deadline", "deadline_text"} <= fields
    minutes.update_action_item(session, action.id, **edit.before)
    stored = session.get(ActionItem, action.id)
    assert (stored.text, stored.trekker_person_id, stored.deadline) == ("Protocol opstellen", None, None)
    removed = minutes.delete_action_item(session, action.id)
    assert session.get(ActionItem, action.id) is None
    meetings.restore_removed(session, removed)
    assert session.get(ActionItem, action.id).number == "AO-2020-1-A01"
    assert session.scalar(select(ActionItem.number).where(ActionItem.id == action.id)) == "AO-2020-1-A01"


def test_meeting_detail_edits_are_recorded_with_the_user(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    old = session.get(Meeting, m1)
    old_title, old_location = old.title, old.location
    assert old.chair_id != world.person["eva"]
    edit = meetings.update_meeting(
        session,
        m1,
        title="Afstemmingsoverleg maart",
        location="Stadhuis, zaal 3",
        chair_id=world.person["eva"],
        notes=old.notes,  # unchanged: no record
    )
    changes = field_history(session, "meeting", m1)
    by_field = {c.field: c for c in changes}
    assert set(by_field) - {"ics_sequence"} == {"title", "location", "chair_id"}  # a new location: a new invitation
    assert (by_field["title"].old, by_field["title"].new) == (old_title, "Afstemmingsoverleg maart")
    assert by_field["location"].new == "Stadhuis, zaal 3"
    assert by_field["chair_id"].new == str(world.person["eva"])
    assert len({c.changed_by for c in changes}) == 1 and changes[0].changed_by  # this transaction's writer
    # Undo is an edit too: it is recorded, and the stored values come back.
    meetings.update_meeting(session, m1, **edit.before)
    stored = session.get(Meeting, m1)
    assert (stored.title, stored.location) == (old_title, old_location)
    undone = field_history(session, "meeting", m1)[len(changes):]
    assert {c.field for c in undone} - {"ics_sequence"} == {"title", "location", "chair_id"}
    assert next(c for c in undone if c.field == "title").new == old_title


def test_carry_forward_undo(session, world: World) -> None:
    m1 = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    action = minutes.add_action_item(session, _content_item(session, m1).id, "Actie")
    m2 = new_meeting(session, world.ao_series, date(2020, 6, 11))
    result = agenda.apply_carry_forward(session, m2, [action.id], [world.programme_actions["1.1.1"]])
    assert result.created_progress_item_id is not None
    again = agenda.apply_carry_forward(session, m2, [action.id], [world.programme_actions["1.1.1"]])
    assert again.action_ids == () and again.programme_action_ids == ()  # nothing linked twice
    agenda.unapply_carry_forward(session, m2, result)
    assert len(agenda.agenda_items(session, m2)) == 5
    assert minutes.action_list(session, m2).actions == ()
    assert not any(a.linked for a in agenda.carry_forward_proposal(session, m2).actions)
