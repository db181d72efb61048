"""Offline capture: taking a meeting along and merging it back field by field (on a file and on the server).

A table of realistic cases: the secretaris minutes the afstemmingsoverleg offline while the projectleider edits
the team database. Each case makes edits on both sides, returns the copy and checks what the team database holds,
what the result lists, and which conflicts were stored.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from ghnt_desktop.models import ActionItem, ActionStatus, AgendaItem, ChangeLog, Decision, Meeting
from ghnt_desktop.services import minutes
from ghnt_desktop.services.offline import (
    OfflineError,
    merge_lines,
    offline_copy_info,
    open_offline_conflicts,
    provisional_ids,
    resolve_offline_conflict,
    return_offline,
)
# The fixtures team and copy are in conftest.py.
from offline_helpers import NEXT_AO, PROJECTLEIDER, SECRETARIS, edit, give_back, take



def _open_action(session) -> uuid.UUID:
    """An open action item of an earlier meeting: taken along with the next AO."""
    query = select(ActionItem.id).where(ActionItem.status == ActionStatus.IN_PROGRESS).order_by(ActionItem.number)
    return session.scalars(query).first()


def _item(session, position: int = 2) -> AgendaItem:
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == NEXT_AO).order_by(AgendaItem.position))
    return list(items)[position]


def _who_sees(database):
    """On a server the login is recorded, not the name the app gives; on a file the name."""
    return database.is_file


def test_the_copy_says_what_it_is_a_copy_of_and_holds_what_the_meeting_needs(team, copy):
    with copy.read_session() as s:
        info = offline_copy_info(s)
        assert info is not None and info.meeting_id == NEXT_AO and not info.returned
        assert "10 december 2026" in info.meeting_title and info.source_label == team.label
        assert s.get(Meeting, NEXT_AO) is not None
        assert s.scalar(select(func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == NEXT_AO)) == 8
        in_copy = set(s.scalars(select(ActionItem.id)))
    with team.read_session() as s:
        assert offline_copy_info(s) is None
        series_id = s.get(Meeting, NEXT_AO).series_id
        series_open = set(s.scalars(
            select(ActionItem.id).join(Meeting, Meeting.id == ActionItem.origin_meeting_id).where(
                Meeting.series_id == series_id, ActionItem.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]))
        ))
        other_open = set(s.scalars(
            select(ActionItem.id).join(Meeting, Meeting.id == ActionItem.origin_meeting_id).where(
                Meeting.series_id != series_id, ActionItem.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]))
        ))
    assert series_open and series_open <= in_copy  # the open actions the afstemmingsoverleg follows up
    assert other_open and other_open <= in_copy  # and every werkgroep's: any may be updated in the meeting


def test_nothing_changed_nothing_to_do_and_a_dry_run_changes_nothing(team, copy):
    with team.read_session() as s:
        before = s.scalar(select(func.max(ChangeLog.id)))
    result = give_back(copy, team, dry_run=True)
    assert result.dry_run and result.nothing_to_do
    assert "niets te doen" in "\n".join(result.lines())
    with copy.read_session() as s:
        assert not offline_copy_info(s).returned  # a dry run does not mark the copy


def test_different_fields_merge_by_themselves(team, copy):
    with copy.read_session() as s:
        action_id = _open_action(s)
    edit(copy, SECRETARIS, lambda s: setattr(s.get(ActionItem, action_id), "text", "Offline aangescherpt"))
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(ActionItem, action_id), "deadline", date(2027, 2, 1)))
    result = give_back(copy, team)
    assert not result.conflicts
    assert [(m.table, m.field, m.value) for m in result.merged] == [("action_item", "text", "Offline aangescherpt")]
    with team.read_session() as s:
        action = s.get(ActionItem, action_id)
        assert (action.text, action.deadline) == ("Offline aangescherpt", date(2027, 2, 1))
        assert action.row_version >= 3  # both edits raised the version (the app's concurrent-edit check sees them)
    text = "\n".join(result.lines())
    assert "gewijzigd" in text and "Offline aangescherpt" in text


def test_the_same_field_on_both_sides_is_a_conflict_with_both_values_who_and_when(team, copy):
    with copy.read_session() as s:
        action_id = _open_action(s)
    edit(copy, SECRETARIS, lambda s: setattr(s.get(ActionItem, action_id), "deadline_text", "na de zomer"))
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(ActionItem, action_id), "deadline_text", "eind januari"))
    result = give_back(copy, team)
    assert not result.merged
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.field, conflict.mine, conflict.theirs) == (
        "edit", "deadline_text", "na de zomer", "eind januari")
    assert conflict.mine_at is not None and conflict.theirs_at is not None
    if _who_sees(team):
        assert (conflict.mine_by, conflict.theirs_by) == (SECRETARIS, PROJECTLEIDER)
    [line] = conflict.lines()
    assert "conflict" in line and "na de zomer" in line and "eind januari" in line and "deadline" in line
    with team.session() as s:
        assert s.get(ActionItem, action_id).deadline_text == "eind januari"  # nobody's work overwritten
        [stored] = open_offline_conflicts(s)
        assert stored.uid == conflict.uid and stored.id > 0
        resolve_offline_conflict(s, stored.id, "mine")
    with team.session() as s:
        assert s.get(ActionItem, action_id).deadline_text == "na de zomer"
        assert open_offline_conflicts(s) == []
        with pytest.raises(OfflineError, match="al besloten"):
            resolve_offline_conflict(s, stored.id, "theirs")


@pytest.mark.parametrize("choice, expected", [("theirs", "eind januari"), ("Voor 1 maart 2027", "Voor 1 maart 2027")])
def test_a_conflict_is_decided_for_the_team_or_with_a_typed_value(team, copy, choice, expected):
    with copy.read_session() as s:
        action_id = _open_action(s)
    edit(copy, SECRETARIS, lambda s: setattr(s.get(ActionItem, action_id), "deadline_text", "na de zomer"))
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(ActionItem, action_id), "deadline_text", "eind januari"))
    [conflict] = give_back(copy, team).conflicts
    with team.session() as s:
        resolve_offline_conflict(s, conflict.uid, choice)
    with team.read_session() as s:
        assert s.get(ActionItem, action_id).deadline_text == expected


def test_deleted_offline_and_edited_in_the_team_is_a_conflict_not_a_silent_delete(team, copy):
    with copy.read_session() as s:
        item_id = _item(s, 6).id
    edit(copy, SECRETARIS, lambda s: minutes_free_delete(s, item_id))
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(AgendaItem, item_id), "title", "Rondvraag en sluiting"))
    result = give_back(copy, team)
    [conflict] = result.conflicts
    assert conflict.kind == "deleted_mine" and conflict.theirs == {"title": "Rondvraag en sluiting"}
    assert "verwijderd" in conflict.lines()[0] and "conflict" in conflict.lines()[0]
    with team.session() as s:
        assert s.get(AgendaItem, item_id) is not None
        resolve_offline_conflict(s, conflict.id, "mine")
    with team.read_session() as s:
        assert s.get(AgendaItem, item_id) is None


def minutes_free_delete(session, item_id):
    session.delete(session.get(AgendaItem, item_id))


def test_edited_offline_and_deleted_in_the_team_is_a_conflict_and_mine_restores_it(team, copy):
    with copy.read_session() as s:
        item_id = _item(s, 6).id
    edit(copy, SECRETARIS, lambda s: setattr(s.get(AgendaItem, item_id), "minutes_text", "Geen vragen."))
    edit(team, PROJECTLEIDER, lambda s: minutes_free_delete(s, item_id))
    [conflict] = give_back(copy, team).conflicts
    assert conflict.kind == "deleted_theirs" and conflict.mine == {"minutes_text": "Geen vragen."}
    with team.session() as s:
        resolve_offline_conflict(s, conflict.id, "mine")
    with team.read_session() as s:
        assert s.get(AgendaItem, item_id).minutes_text == "Geen vragen."


def test_a_record_deleted_offline_and_untouched_in_the_team_is_deleted(team, copy):
    with copy.read_session() as s:
        item_id = _item(s, 6).id
    edit(copy, SECRETARIS, lambda s: minutes_free_delete(s, item_id))
    result = give_back(copy, team)
    assert [d.record_id for d in result.deleted] == [str(item_id)] and not result.conflicts
    with team.read_session() as s:
        assert s.get(AgendaItem, item_id) is None


def _held(session):
    session.get(Meeting, NEXT_AO).state = minutes.MeetingState.HELD if hasattr(minutes, "MeetingState") else None


def test_new_decisions_keep_their_ids_and_are_renumbered_when_the_team_used_their_numbers(team, copy):
    with copy.read_session() as s:
        items = [_item(s, 3).id, _item(s, 4).id]
    made = [edit(copy, SECRETARIS, lambda s, i=i: minutes.add_decision(s, i, f"Besluit offline {n}"))
            for n, i in enumerate(items, 1)]
    with copy.read_session() as s:
        assert provisional_ids(s) == {c.id for c in made}
    taken_number = made[0].number
    team_made = edit(team, PROJECTLEIDER, lambda s: minutes.add_decision(s, items[0], "Besluit op kantoor"))
    assert team_made.number == taken_number  # the clash: both gave the same number
    result = give_back(copy, team)
    assert [(r.kind, r.old) for r in result.renumberings] == [("besluit", made[0].number), ("besluit", made[1].number)]
    with team.read_session() as s:
        numbers = {d.id: d.number for d in s.scalars(select(Decision).where(Decision.meeting_id == NEXT_AO))}
    assert numbers[team_made.id] == taken_number  # the team's own number stays
    assert [numbers[c.id] for c in made] == [r.new for r in result.renumberings]
    assert len(set(numbers.values())) == len(numbers)
    assert "hernummerd" in "\n".join(result.lines())


def test_new_action_items_keep_their_numbers_when_nothing_clashes(team, copy):
    with copy.read_session() as s:
        item = _item(s, 3).id
    made = edit(copy, SECRETARIS, lambda s: minutes.add_action_item(s, item, "Notitie rondsturen"))
    result = give_back(copy, team)
    assert not result.renumberings and [a.record_id for a in result.added] == [str(made.id)]
    with team.read_session() as s:
        assert s.get(ActionItem, made.id).number == made.number


BASE_MINUTES = "\n".join(f"Regel {n}: besproken onderwerp {n}." for n in range(1, 9)) + "\n"


@pytest.mark.parametrize(
    "mine_line, theirs_line, merges",
    [(1, 7, True), (2, 5, True), (3, 3, False), (4, 5, False)],
    ids=["far-apart", "apart", "same-line", "adjacent-lines"],
)
def test_minutes_edited_on_both_sides_merge_by_lines_unless_the_changes_overlap(
    team, copy, mine_line, theirs_line, merges
):
    with copy.read_session() as s:
        item_id = _item(s, 2).id
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(AgendaItem, item_id), "minutes_text", BASE_MINUTES))
    # Taken again so the base holds the minutes (the copy of the fixture predates them).
    copy.close()
    fresh = take(team, copy.path.with_name("laptop2.db"))
    lines = BASE_MINUTES.splitlines(keepends=True)
    mine = list(lines)
    mine[mine_line - 1] = f"Regel {mine_line}: offline aangevuld door de secretaris.\n"
    theirs = list(lines)
    theirs[theirs_line - 1] = f"Regel {theirs_line}: op kantoor gecorrigeerd.\n"
    edit(fresh, SECRETARIS, lambda s: setattr(s.get(AgendaItem, item_id), "minutes_text", "".join(mine)))
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(AgendaItem, item_id), "minutes_text", "".join(theirs)))
    result = give_back(fresh, team)
    fresh.close()
    with team.read_session() as s:
        saved = s.get(AgendaItem, item_id).minutes_text
    if merges:
        assert not result.conflicts and result.merged[0].line_merged
        assert "offline aangevuld" in saved and "op kantoor gecorrigeerd" in saved
        assert len(saved.splitlines()) == 8
    else:
        assert [c.field for c in result.conflicts] == ["minutes_text"]
        assert saved == "".join(theirs)


@pytest.mark.parametrize(
    "base, mine, theirs, expected",
    [
        ("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n", "A\nb\nC\n"),
        ("a\nb\nc\n", "a\nb\nc\nd\n", "z\na\nb\nc\n", "z\na\nb\nc\nd\n"),
        ("a\nb\nc\n", "a\nc\n", "a\nb\nc\n", "a\nc\n"),
        ("a\nb\nc\n", "a\nX\nc\n", "a\nX\nc\n", "a\nX\nc\n"),  # the same change on both sides
        ("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n", None),
        ("", "eerste\n", "andere\n", None),
        ("a", "a\nb", "c", None),  # no final newline: the last line changed on both sides
    ],
)
def test_the_line_merge(base, mine, theirs, expected):
    assert merge_lines(base, mine, theirs) == expected
    if expected is not None:
        assert merge_lines(base, theirs, mine) == expected


def test_vertrouwelijk_content_keeps_its_flag_and_its_values_are_not_printed(team, copy):
    with copy.read_session() as s:
        item = _item(s, 3).id
    made = edit(copy, SECRETARIS, lambda s: minutes.add_decision(s, item, "Casus X wordt opgeschaald", confidential=True))
    result = give_back(copy, team)
    with team.read_session() as s:
        decision = s.get(Decision, made.id)
        assert decision.confidential and decision.text == "Casus X wordt opgeschaald"
    text = "\n".join(result.lines())
    assert "Casus X" not in text and "vertrouwelijk" in text
    assert "Casus X" in "\n".join(result.lines(include_confidential=True))


def test_returning_twice_changes_nothing(team, copy):
    with copy.read_session() as s:
        action_id = _open_action(s)
    edit(copy, SECRETARIS, lambda s: setattr(s.get(ActionItem, action_id), "text", "Eén keer"))
    first = give_back(copy, team)
    assert first.merged
    with team.read_session() as s:
        log_after_first = s.scalar(select(func.max(ChangeLog.id)))
    second = give_back(copy, team)
    assert second.already_returned and second.nothing_to_do
    assert "al teruggezet" in "\n".join(second.lines())
    with team.read_session() as s:
        assert s.scalar(select(func.max(ChangeLog.id))) == log_after_first


def test_a_normal_database_is_no_copy_to_return(team, tmp_path):
    with team.session() as t, team.session() as t2, pytest.raises(OfflineError, match="geen offline kopie"):
        return_offline(t, t2)


def test_a_return_stopped_between_the_two_commits_is_completed_by_the_next_run(team, copy):
    """The moment a kill rarely hits: the team database committed, the copy not yet marked."""
    with copy.read_session() as s:
        action_id = _open_action(s)
    edit(copy, SECRETARIS, lambda s: setattr(s.get(ActionItem, action_id), "text", "Tussen twee commits"))

    class Stopped(Exception):
        pass

    with team.session() as team_session, pytest.raises(Stopped):
        with copy.session() as copy_session:
            def stop() -> None:
                raise Stopped

            copy_session.commit = stop  # the process dies right after the team's commit
            return_offline(copy_session, team_session)
    with copy.read_session() as s:
        assert not offline_copy_info(s).returned
    with team.read_session() as s:
        assert s.get(ActionItem, action_id).text == "Tussen twee commits"
        log = s.scalar(select(func.max(ChangeLog.id)))
    result = give_back(copy, team)
    assert result.completed and result.nothing_to_do and "stonden al in" in result.lines()[0]
    with copy.read_session() as s:
        assert offline_copy_info(s).returned
    with team.read_session() as s:
        assert s.scalar(select(func.max(ChangeLog.id))) == log  # nothing applied twice
