"""Postponements per meeting, "doorgeschoven" as progress, carrying forward without empty progress rows."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from test_meetings_fixtures import World, build_world, new_meeting

from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AttendanceStatus,
    CarriedAction,
    Meeting,
    MeetingState,
    ProgressUpdate,
)
from ghnt_desktop.services import RefusedError, ValidationError, actions, agenda, documents, meeting_record, minutes


@pytest.fixture
def world(session) -> World:
    return build_world(session)


def _content_item(session, meeting_id):
    return next(r for r in agenda.agenda_items(session, meeting_id) if r.standard_item is None)


BASE_DEADLINE = date(2020, 4, 30)
MEETING_DATES = (date(2020, 6, 11), date(2020, 9, 10), date(2020, 12, 10), date(2021, 3, 11))


@pytest.fixture
def series_meetings(session, world: World):
    """The meeting that makes actions, then four later meetings of the series."""
    origin = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    later = [new_meeting(session, world.ao_series, day) for day in MEETING_DATES]
    return origin, later


# One edit at a meeting: a deadline shift in days from the base (None: no new deadline), "doorgeschoven" or not,
# and an open or closing status.
edit = st.tuples(
    st.one_of(st.none(), st.integers(min_value=-60, max_value=400)),
    st.booleans(),
    st.sampled_from([ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.DONE, ActionStatus.ON_HOLD]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.lists(edit, max_size=5), min_size=1, max_size=4), undo_all=st.booleans())
def test_one_postponement_per_meeting_however_often_corrected(session, series_meetings, plan, undo_all) -> None:
    origin, later = series_meetings
    action_id = minutes.add_action_item(
        session, _content_item(session, origin).id, "Protocol", deadline=BASE_DEADLINE
    ).id
    deadline = BASE_DEADLINE  # the model: the action's deadline and the postponements it should count
    expected = 0
    done = []
    current = ActionStatus.NOT_STARTED
    at_meeting = {}  # meeting -> (status, deadline, postponements) as they stood there
    for meeting_id, edits in zip(later, plan, strict=False):
        before_meeting = deadline
        counted = False
        for shift, postpone, status in edits:
            if postpone and status.is_closed:
                with pytest.raises(ValidationError):
                    minutes.record_progress(session, action_id, status=status, postpone=True, meeting_id=meeting_id)
                continue
            new = BASE_DEADLINE + timedelta(days=shift) if shift is not None else None
            kwargs = {"new_deadline": new} if new is not None else {}
            result = minutes.record_progress(
                session, action_id, status=status, postpone=postpone, meeting_id=meeting_id, **kwargs
            )
            done.append(result)
            deadline = new if new is not None else deadline
            counted = postpone or deadline > before_meeting
            current = status
            assert result.postponed == counted
        expected += counted
        at_meeting[meeting_id] = (current, deadline, expected)
        rows = session.scalars(
            select(ProgressUpdate).where(
                ProgressUpdate.meeting_id == meeting_id, ProgressUpdate.action_item_id == action_id
            )
        ).all()
        assert len(rows) <= 1  # one row per action per meeting
        if rows:
            # The deadline before the meeting is kept, however often it was corrected there.
            assert rows[0].previous_deadline == before_meeting
            assert rows[0].new_deadline == deadline
            assert rows[0].postponed == counted
    stored = session.get(ActionItem, action_id)
    assert stored.deadline == deadline
    assert stored.times_postponed == expected
    counted_rows = session.scalar(
        select(func.count()).where(ProgressUpdate.action_item_id == action_id, ProgressUpdate.postponed.is_(True))
    )
    assert counted_rows == expected  # the count agrees with the history
    assert sum(row.postponed for row in actions.action_history(session, "item", action_id)) == expected
    # The record of each meeting: the action as it stood there, whatever came later.
    for meeting_id, (status, due, count) in at_meeting.items():
        state = meeting_record.actions_as_of(session, meeting_id, [action_id])[action_id]
        assert (state.status, state.deadline, state.times_postponed) == (status, due, count)
    if undo_all:
        for result in reversed(done):
            minutes.undo_progress(session, result.before)
        stored = session.get(ActionItem, action_id)
        assert (stored.times_postponed, stored.deadline, stored.status) == (0, BASE_DEADLINE, ActionStatus.NOT_STARTED)
        assert minutes.progress_history(session, action_id) == []


def test_correcting_a_postponement_at_the_same_meeting(session, series_meetings) -> None:
    origin, (m1, m2, *_) = series_meetings
    action_id = minutes.add_action_item(
        session, _content_item(session, origin).id, "Scholing", deadline=BASE_DEADLINE
    ).id
    minutes.record_progress(
        session, action_id, status=ActionStatus.IN_PROGRESS, new_deadline=date(2020, 9, 30), meeting_id=m1
    )
    minutes.record_progress(
        session, action_id, status=ActionStatus.IN_PROGRESS, new_deadline=date(2020, 10, 31), meeting_id=m1
    )
    history = minutes.progress_history(session, action_id)
    assert [(r.previous_deadline, r.new_deadline) for r in history] == [(BASE_DEADLINE, date(2020, 10, 31))]
    assert session.get(ActionItem, action_id).times_postponed == 1
    # Corrected back to the old deadline at the same meeting: no postponement after all.
    minutes.record_progress(
        session, action_id, status=ActionStatus.IN_PROGRESS, new_deadline=BASE_DEADLINE, meeting_id=m1
    )
    assert session.get(ActionItem, action_id).times_postponed == 0
    # The next meeting postpones again: a second postponement, from the deadline that meeting started with.
    minutes.record_progress(
        session, action_id, status=ActionStatus.IN_PROGRESS, new_deadline=date(2020, 12, 31), meeting_id=m2
    )
    assert session.get(ActionItem, action_id).times_postponed == 1
    assert minutes.progress_history(session, action_id)[-1].previous_deadline == BASE_DEADLINE


# ---------------------------------------------------------------------------------------------------------------
# "Doorgeschoven" chosen or typed as progress


@pytest.mark.parametrize(
    ("typed", "current", "status", "postpone"),
    [
        ("Doorgeschoven", ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS, True),
        ("doorgeschoven naar Q3", ActionStatus.NOT_STARTED, ActionStatus.NOT_STARTED, True),
        ("  UITGESTELD ", ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS, True),
        ("Verplaatst", ActionStatus.ON_HOLD, ActionStatus.ON_HOLD, True),
        ("verschoven naar volgend overleg", ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS, True),
        ("uitgesteld", ActionStatus.DONE, ActionStatus.IN_PROGRESS, True),  # reopened: a postponed action is open
        (minutes.POSTPONE_CHOICE, ActionStatus.NOT_STARTED, ActionStatus.NOT_STARTED, True),
        ("Aangehouden", ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD, False),
        ("on hold", ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD, False),
        ("Gereed", ActionStatus.IN_PROGRESS, ActionStatus.DONE, False),
        ("in_progress", ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, False),
        ("loopt nog", ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, False),
        (ActionStatus.CANCELLED, ActionStatus.NOT_STARTED, ActionStatus.CANCELLED, False),
    ],
)
def test_progress_choice(typed, current, status, postpone) -> None:
    assert minutes.progress_choice(typed, current) == minutes.ProgressChoice(status, postpone)


@pytest.mark.parametrize("typed", ["", "   ", "xyz", "misschien"])
def test_progress_choice_unknown_text_says_what_to_choose(typed) -> None:
    with pytest.raises(ValidationError, match="Doorgeschoven"):
        minutes.progress_choice(typed, ActionStatus.IN_PROGRESS)


@pytest.mark.parametrize("typed", ["Doorgeschoven", "uitgesteld", "verplaatst"])
def test_status_typed_as_doorgeschoven_postpones(session, series_meetings, typed) -> None:
    origin, _ = series_meetings
    action_id = minutes.add_action_item(session, _content_item(session, origin).id, "Folder", deadline=BASE_DEADLINE).id
    change = actions.set_action_status(session, "item", action_id, typed, on=date(2020, 5, 1))
    stored = session.get(ActionItem, action_id)
    assert (stored.status, stored.times_postponed, stored.deadline) == (ActionStatus.NOT_STARTED, 1, BASE_DEADLINE)
    assert [r.postponed for r in actions.action_history(session, "item", action_id)] == [True]
    actions.undo_action_status(session, change)
    assert session.get(ActionItem, action_id).times_postponed == 0


def test_doorgeschoven_is_for_action_items_only(session, world: World) -> None:
    with pytest.raises(ValidationError, match="Alleen een actiepunt"):
        actions.set_action_status(session, "programme", world.programme_actions["1.1.2"], "doorgeschoven")


# ---------------------------------------------------------------------------------------------------------------
# Carrying forward


def test_carry_forward_links_without_progress_rows(session, series_meetings) -> None:
    origin, (m1, *_) = series_meetings
    item = _content_item(session, origin).id
    ticked = minutes.add_action_item(session, item, "Scholing inkopen", deadline=BASE_DEADLINE).id
    unticked = minutes.add_action_item(session, item, "Folder maken", deadline=BASE_DEADLINE).id
    result = agenda.apply_carry_forward(session, m1, [ticked])
    assert session.scalar(select(func.count()).select_from(ProgressUpdate)) == 0  # nothing recorded yet
    assert session.scalar(select(func.count()).where(CarriedAction.meeting_id == m1)) == 1
    proposal = {a.id: a.linked for a in agenda.carry_forward_proposal(session, m1).actions}
    assert proposal == {ticked: True, unticked: False}
    assert agenda.carry_forward_open_count(session, m1) == 1
    assert [r.id for r in minutes.action_list(session, m1).actions] == [ticked]
    assert minutes.progress_history(session, ticked) == []
    # The verslag's actielijst holds the ticked action, not the unticked one.
    listed = {a.id for a in documents.minutes_document(session, m1).action_list}
    assert ticked in listed and unticked not in listed
    # Once progress is recorded the link cannot be undone silently.
    recorded = minutes.record_progress(
        session, ticked, status=ActionStatus.IN_PROGRESS, done_text="Offerte", meeting_id=m1
    )
    with pytest.raises(RefusedError):
        agenda.unapply_carry_forward(session, m1, result)
    minutes.undo_progress(session, recorded.before)
    agenda.unapply_carry_forward(session, m1, result)
    assert minutes.action_list(session, m1).actions == ()
    assert session.scalar(select(func.count()).select_from(CarriedAction)) == 0


def test_carried_action_of_a_later_meeting_reaches_the_next(session, series_meetings) -> None:
    """An action carried to m1 but not discussed there is still open for m2 (carried links count as discussed)."""
    origin, (m1, m2, *_) = series_meetings
    action = minutes.add_action_item(session, _content_item(session, origin).id, "Scholing", deadline=BASE_DEADLINE).id
    agenda.apply_carry_forward(session, m1, [action])
    assert action in {a.id for a in agenda.carry_forward_proposal(session, m2).actions}


def test_deleting_carried_action_and_meeting_restores_links(session, series_meetings) -> None:
    from ghnt_desktop.services import meetings

    origin, (m1, *_) = series_meetings
    action = minutes.add_action_item(session, _content_item(session, origin).id, "Scholing", deadline=BASE_DEADLINE).id
    agenda.apply_carry_forward(session, m1, [action])
    removed = meetings.delete_meeting(session, m1)
    assert session.scalar(select(func.count()).select_from(CarriedAction)) == 0
    meetings.restore_removed(session, removed)
    assert [r.id for r in minutes.action_list(session, m1).actions] == [action]


def test_migration_links_reviewed_actions_and_counts_postponements(tmp_path) -> None:
    """An older database: review rows become carry-forward links, later deadlines become counted postponements."""
    import sqlite3

    from alembic import command
    from alembic.config import Config

    import ghnt_desktop.db as db_module
    from ghnt_desktop.demo import create_demo_database

    path = tmp_path / "oud.db"
    create_demo_database(path, today=date(2020, 3, 2))
    with sqlite3.connect(path) as connection:
        carried_before = set(connection.execute("SELECT meeting_id, action_item_id FROM carried_action"))
        postponed_before = connection.execute("SELECT count(*) FROM progress_update WHERE postponed").fetchone()[0]
    engine = db_module.make_engine(path)
    config = Config()
    config.set_main_option("script_location", str(Path(db_module.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002_search_index")
    engine.dispose()
    database = db_module.open_database(path)  # migrates back to head, with a backup beside it
    database.close()
    with sqlite3.connect(path) as connection:
        carried = set(connection.execute("SELECT meeting_id, action_item_id FROM carried_action"))
        postponed = connection.execute("SELECT count(*) FROM progress_update WHERE postponed").fetchone()[0]
        reviewed_elsewhere = set(
            connection.execute(
                "SELECT u.meeting_id, u.action_item_id FROM progress_update u JOIN action_item a "
                "ON a.id = u.action_item_id WHERE u.meeting_id IS NOT NULL AND a.origin_meeting_id != u.meeting_id"
            )
        )
    assert postponed == postponed_before > 0
    assert carried == reviewed_elsewhere and reviewed_elsewhere
    assert carried_before <= carried


# ---------------------------------------------------------------------------------------------------------------
# Closing a meeting: a date still to come, attendees nobody marked


def _planned(session, world: World, day: date):
    from ghnt_desktop.services import meetings

    meeting_id = new_meeting(session, world.ao_series, day, "Punt")
    meetings.set_meeting_state(session, meeting_id, MeetingState.PLANNED)
    return meeting_id


@pytest.mark.parametrize(
    ("meeting_day", "today", "must_confirm"),
    [
        (date(2026, 6, 11), date(2026, 6, 10), True),  # tomorrow
        (date(2027, 1, 1), date(2026, 12, 31), True),  # over the year end
        (date(2026, 6, 11), date(2026, 6, 11), False),  # today: held this afternoon
        (date(2026, 6, 11), date(2026, 6, 12), False),
        (date(2020, 2, 29), date(2026, 6, 12), False),
    ],
)
def test_future_meeting_is_held_only_when_confirmed(session, world, meeting_day, today, must_confirm) -> None:
    from ghnt_desktop.services import meetings

    meeting_id = _planned(session, world, meeting_day)
    keep = {"unmarked": meetings.UNMARKED_KEEP, "today": today}
    if must_confirm:
        with pytest.raises(meetings.FutureMeetingError) as refused:
            meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, **keep)
        assert f"{meeting_day:%d-%m-%Y}" in str(refused.value) and refused.value.meeting_date == meeting_day
        assert session.get(Meeting, meeting_id).state is MeetingState.PLANNED
    edit = meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, confirmed=must_confirm, **keep)
    assert session.get(Meeting, meeting_id).state is MeetingState.HELD
    # Vaststellen asks the same; the undo of a step back needs no second confirmation.
    if must_confirm:
        with pytest.raises(meetings.FutureMeetingError, match="vastgesteld"):
            meetings.set_meeting_state(session, meeting_id, MeetingState.MINUTES_APPROVED, today=today)
    back = meetings.set_meeting_state(session, meeting_id, **edit.before)
    assert session.get(Meeting, meeting_id).state is MeetingState.PLANNED
    meetings.set_meeting_state(session, meeting_id, today=today, **back.before)
    assert session.get(Meeting, meeting_id).state is MeetingState.HELD


def test_closing_asks_about_unmarked_attendees(session, world) -> None:
    from ghnt_desktop.services import meetings

    meeting_id = _planned(session, world, date(2020, 6, 11))
    rows = meetings.attendance_list(session, meeting_id)
    meetings.set_attendance(session, rows[0].id, AttendanceStatus.PRESENT)
    with pytest.raises(meetings.UnmarkedAttendeesError) as refused:
        meetings.set_meeting_state(session, meeting_id, MeetingState.HELD)
    assert len(refused.value.names) == len(rows) - 1 and rows[1].person_name in str(refused.value)
    with pytest.raises(ValidationError):
        meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, unmarked="weet niet")
    edit = meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, unmarked=meetings.UNMARKED_ABSENT)
    statuses = [r.status for r in meetings.attendance_list(session, meeting_id)]
    assert statuses == [AttendanceStatus.PRESENT] + [AttendanceStatus.ABSENT] * (len(rows) - 1)
    # Undo puts them back to unknown; redo marks them afwezig again.
    undone = meetings.set_meeting_state(session, meeting_id, **edit.before)
    assert [r.status for r in meetings.attendance_list(session, meeting_id)][1:] == [AttendanceStatus.INVITED] * (
        len(rows) - 1
    )
    meetings.set_meeting_state(session, meeting_id, **undone.before)
    assert [r.status for r in meetings.attendance_list(session, meeting_id)][1:] == [AttendanceStatus.ABSENT] * (
        len(rows) - 1
    )


def test_closing_keeps_unmarked_attendees_unknown_when_asked(session, world) -> None:
    from ghnt_desktop.services import meetings

    meeting_id = _planned(session, world, date(2020, 6, 11))
    meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP)
    assert {r.status for r in meetings.attendance_list(session, meeting_id)} == {AttendanceStatus.INVITED}


# ---------------------------------------------------------------------------------------------------------------
# The record of a vastgesteld verslag


def test_vastgesteld_verslag_shows_actions_as_they_were_at_the_meeting(session, series_meetings, tmp_path) -> None:
    from docx import Document

    from ghnt_desktop.exports.docx_meeting import export_verslag
    from ghnt_desktop.services import meeting_record, meetings

    origin, (m1, m2, m3, _m4) = series_meetings
    item = _content_item(session, origin).id
    first = minutes.add_action_item(session, item, "Scholing inkopen", deadline=BASE_DEADLINE).id
    second = minutes.add_action_item(session, item, "Folder maken", deadline=BASE_DEADLINE).id
    agenda.apply_carry_forward(session, m1, [first, second])
    minutes.record_progress(
        session, first, status=ActionStatus.IN_PROGRESS, new_deadline=date(2020, 9, 30), meeting_id=m1
    )  # second: carried to m1, nothing recorded there
    for meeting_id in (origin, m1):
        meetings.set_meeting_state(session, meeting_id, MeetingState.PLANNED)
        meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP)
    meetings.set_meeting_state(session, m1, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=m2)
    # Later meetings change both actions.
    minutes.record_progress(
        session, first, status=ActionStatus.IN_PROGRESS, new_deadline=date(2021, 3, 31), meeting_id=m2
    )
    minutes.record_progress(session, first, status=ActionStatus.DONE, meeting_id=m3)
    minutes.record_progress(
        session, second, status=ActionStatus.CANCELLED, new_deadline=date(2020, 12, 31), meeting_id=m3
    )
    assert session.get(ActionItem, first).times_postponed == 2

    document = documents.minutes_document(session, m1)
    listed = {a.id: a for a in document.action_list}
    assert (listed[first].status, listed[first].deadline, listed[first].times_postponed) == (
        ActionStatus.IN_PROGRESS,
        date(2020, 9, 30),
        1,
    )
    assert listed[first].closed_on is None
    assert (listed[second].status, listed[second].deadline, listed[second].times_postponed) == (
        ActionStatus.NOT_STARTED,
        BASE_DEADLINE,
        0,
    )
    m2_meeting = session.get(Meeting, m2)
    assert document.approval == f"Vastgesteld op 10 september 2020 in {m2_meeting.title}"
    approval = meeting_record.approval_of(session, m1)
    assert approval is not None and approval.meeting_id == m2
    # Exported again: the record, with the line saying when and where it was vastgesteld.
    path = tmp_path / "verslag.docx"
    export_verslag(document, path)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert f"Vastgesteld op 10 september 2020 in {m2_meeting.title}" in text
    cells = [c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells]
    assert any("Loopt (1x uitgesteld)" in c for c in cells) and not any("Gereed" in c for c in cells)
    # Reopened, it is a concept again, and still the record of its meeting: the state at the meeting, not the
    # one later meetings left (a concept verslag written a week later showed actions done since as done then).
    meetings.reopen_minutes(session, m1, "Correctie")
    assert meeting_record.approval_of(session, m1) is None
    assert documents.minutes_document(session, m1).approval == ""
    concept = {a.id: a.status for a in documents.minutes_document(session, m1).action_list}
    assert concept == {first: ActionStatus.IN_PROGRESS, second: ActionStatus.NOT_STARTED}


def test_approval_without_a_later_meeting_uses_the_day_it_was_recorded(session, series_meetings) -> None:
    from ghnt_desktop.services import meeting_record, meetings

    _origin, (m1, *_) = series_meetings
    meetings.set_meeting_state(session, m1, MeetingState.PLANNED)
    meetings.set_meeting_state(session, m1, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP)
    assert meeting_record.approval_of(session, m1) is None
    meetings.set_meeting_state(session, m1, MeetingState.MINUTES_APPROVED)
    approval = meeting_record.approval_of(session, m1)
    assert approval is not None and approval.meeting_title == "" and approval.text.startswith("Vastgesteld op ")
    assert " in " not in approval.text


# ---------------------------------------------------------------------------------------------------------------
# Someone leaves: the successor takes over


def test_successor_takes_over_invitations_and_after_review_the_trekker_role(session, world, series_meetings) -> None:
    from ghnt_desktop.models import MeetingSeries, Person, SeriesInvitee
    from ghnt_desktop.services import network
    from ghnt_desktop.services.change_log import field_history

    origin, _later = series_meetings
    carla = world.person["carla"]
    item = _content_item(session, origin).id
    open_ids = [
        minutes.add_action_item(session, item, f"Actie {i}", trekker_person_id=carla, deadline=BASE_DEADLINE).id
        for i in range(3)
    ]
    closed = minutes.add_action_item(session, item, "Klaar", trekker_person_id=carla).id
    minutes.record_progress(session, closed, status=ActionStatus.DONE, on=date(2020, 4, 1))
    # Eva is already invited too: her existing invitation stays single.
    eva = world.person["eva"]

    edit = network.person_leaves(session, carla, until=date(2020, 6, 30), new_successor_name="Noor de Boer")
    noor = session.scalar(select(Person).where(Person.name == "Noor de Boer"))
    invited = set(session.scalars(select(SeriesInvitee.person_id).where(SeriesInvitee.series_id == world.ao_series)))
    assert noor.id in invited and carla not in invited and eva in invited
    # The trekker role waits for review: all open actions are proposed, the closed one not.
    proposal = network.trekker_takeover_proposal(session, carla)
    assert [p.id for p in proposal] == open_ids
    assert {session.get(ActionItem, a).trekker_person_id for a in open_ids} == {carla}
    moved = network.take_over_trekker(session, carla, noor.id, open_ids[:2])
    assert [session.get(ActionItem, a).trekker_person_id for a in open_ids] == [noor.id, noor.id, carla]
    assert session.get(ActionItem, closed).trekker_person_id == carla
    changes = [c for c in field_history(session, "action_item", open_ids[0]) if c.field == "trekker_person_id"]
    assert changes and changes[-1].reason == "Opvolger van Carla Smit"
    with pytest.raises(ValidationError):
        network.take_over_trekker(session, carla, noor.id, [closed])
    network.undo_take_over_trekker(session, moved)
    assert {session.get(ActionItem, a).trekker_person_id for a in open_ids} == {carla}
    network.undo_person_leaves(session, edit)
    invited = set(session.scalars(select(SeriesInvitee.person_id).where(SeriesInvitee.series_id == world.ao_series)))
    assert carla in invited and session.scalar(select(Person).where(Person.name == "Noor de Boer")) is None
    assert session.get(MeetingSeries, world.ao_series).chair_id == world.person["anna"]


def test_existing_successor_already_invited_is_not_invited_twice(session, world) -> None:
    from ghnt_desktop.models import SeriesInvitee
    from ghnt_desktop.services import network

    carla, eva = world.person["carla"], world.person["eva"]
    edit = network.person_leaves(session, carla, until=date(2020, 6, 30), successor_id=eva)
    rows = session.scalars(select(SeriesInvitee.person_id).where(SeriesInvitee.series_id == world.ao_series)).all()
    assert rows.count(eva) == 1 and carla not in rows
    network.undo_person_leaves(session, edit)
    rows = session.scalars(select(SeriesInvitee.person_id).where(SeriesInvitee.series_id == world.ao_series)).all()
    assert rows.count(eva) == 1 and rows.count(carla) == 1


def test_chair_who_leaves_passes_the_series_chair_on(session, world) -> None:
    from ghnt_desktop.models import MeetingSeries
    from ghnt_desktop.services import network

    anna, bram = world.person["anna"], world.person["bram"]
    edit = network.person_leaves(session, anna, until=date(2020, 6, 30), successor_id=bram)
    series = session.get(MeetingSeries, world.ao_series)
    assert (series.chair_id, series.secretary_id) == (bram, bram)
    network.undo_person_leaves(session, edit)
    assert (series.chair_id, series.secretary_id) == (anna, bram)


def test_change_of_function_or_organisation_keeps_its_history(session, world) -> None:
    from ghnt_desktop.services import network
    from ghnt_desktop.services.change_log import field_history

    carla = world.person["carla"]
    network.update_person(session, carla, function="Teamleider", organisation_id=world.org["ggd"])
    network.update_person(session, carla, function="Manager")
    changes = [(c.field, c.old, c.new) for c in field_history(session, "person", carla)]
    assert ("function", "", "Teamleider") in changes and ("function", "Teamleider", "Manager") in changes
    assert any(f == "organisation_id" and new == str(world.org["ggd"]) for f, _old, new in changes)
