"""Offline capture: a copy returned more than once (the secretaris returns at the break, keeps minuting, returns again
at the end). Each return sends exactly what changed in the copy since the previous one, merged against what that
return agreed on; numbers the team gave are the copy's from then on; open conflicts are not listed twice; a return
with nothing new changes nothing. On a file and on the server.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, AgendaItem, ChangeLog, Decision
from ghnt_desktop.models.offline import OfflineBase, OfflineReturn
from ghnt_desktop.services import minutes
from ghnt_desktop.services.offline import (
    offline_copy_info,
    open_offline_conflicts,
    provisional_ids,
    resolve_offline_conflict,
    return_offline,
)
# The fixtures team and copy are in conftest.py.
from offline_helpers import NEXT_AO, PROJECTLEIDER, SECRETARIS, edit, give_back, take, team_database



def _open_actions(session, count: int = 2) -> list[uuid.UUID]:
    query = select(ActionItem.id).where(ActionItem.status == ActionStatus.IN_PROGRESS).order_by(ActionItem.number)
    return list(session.scalars(query))[:count]


def _items(session) -> list[uuid.UUID]:
    return list(session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == NEXT_AO).order_by(AgendaItem.position)))


def _set(model, record_id, **values):
    def change(s):
        record = s.get(model, record_id)
        for name, value in values.items():
            setattr(record, name, value)

    return change


def _log_top(database) -> int:
    with database.read_session() as s:
        return int(s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))))


def _copy_state(copy) -> tuple:
    """The copy's bookkeeping a return writes: its watermark, last return and base."""
    with copy.read_session() as s:
        info = offline_copy_info(s)
        bases = sorted((b.table_name, b.record_id, repr(sorted(b.row_values.items()))) for b in s.scalars(select(OfflineBase)))
        return info.returned_at, bases, _log_top(copy)


def test_a_second_return_sends_only_what_changed_since_the_first(team, copy):
    with copy.read_session() as s:
        first_action, second_action = _open_actions(s)
    edit(copy, SECRETARIS, _set(ActionItem, first_action, text="Voor de pauze"))
    first = give_back(copy, team)
    assert [(m.record_id, m.field) for m in first.merged] == [(str(first_action), "text")]
    # After the break: the projectleider corrects the same action's deadline at the office, the secretaris goes on.
    edit(team, PROJECTLEIDER, _set(ActionItem, first_action, deadline_text="eind januari"))
    edit(copy, SECRETARIS, _set(ActionItem, second_action, text="Na de pauze"))
    edit(copy, SECRETARIS, _set(ActionItem, first_action, status=ActionStatus.DONE))
    second = give_back(copy, team)
    assert not second.already_returned and not second.conflicts
    assert sorted((m.record_id, m.field) for m in second.merged) == sorted(
        [(str(second_action), "text"), (str(first_action), "status")]
    )  # the first text is not sent again
    with team.read_session() as s:
        first_row, second_row = s.get(ActionItem, first_action), s.get(ActionItem, second_action)
        assert (first_row.text, first_row.deadline_text, first_row.status) == (
            "Voor de pauze", "eind januari", ActionStatus.DONE)  # the team's deadline kept: not sent back stale
        assert second_row.text == "Na de pauze"
        [returned] = s.scalars(select(OfflineReturn))
        assert returned.summary["returns"] == 2


def test_a_return_with_nothing_new_changes_nothing_in_either_database(team, copy):
    with copy.read_session() as s:
        action = _open_actions(s, 1)[0]
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Eén keer"))
    give_back(copy, team)
    team_top, copy_before = _log_top(team), _copy_state(copy)
    for dry_run in (True, False):
        again = give_back(copy, team, dry_run=dry_run)
        assert again.already_returned and again.nothing_to_do
        assert "niet gewijzigd" in again.lines()[0]
    assert _log_top(team) == team_top and _copy_state(copy) == copy_before


def test_an_edit_undone_offline_after_a_return_sends_the_undo(team, copy):
    """The base is what the first return sent: going back to the value taken along is a change too."""
    with copy.read_session() as s:
        action = _open_actions(s, 1)[0]
        taken = s.get(ActionItem, action).text
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Tijdelijk"))
    give_back(copy, team)
    edit(copy, SECRETARIS, _set(ActionItem, action, text=taken))
    second = give_back(copy, team)
    assert [(m.field, m.value) for m in second.merged] == [("text", taken)]
    with team.read_session() as s:
        assert s.get(ActionItem, action).text == taken


def test_minutes_go_on_merging_by_lines_after_a_return(team, copy):
    with copy.read_session() as s:
        item = _items(s)[2]
    edit(copy, SECRETARIS, _set(AgendaItem, item, minutes_text="Punt 1 besproken.\nPunt 2 besproken.\nPunt 3 besproken.\n"))
    give_back(copy, team)
    # The office corrects the first line; offline a fourth line is added and the third reworded.
    edit(team, PROJECTLEIDER, _set(AgendaItem, item, minutes_text="Punt 1 besproken (gecorrigeerd).\nPunt 2 besproken.\nPunt 3 besproken.\n"))
    edit(copy, SECRETARIS, _set(AgendaItem, item, minutes_text="Punt 1 besproken.\nPunt 2 besproken.\nPunt 3 afgerond.\nPunt 4 besproken.\n"))
    second = give_back(copy, team)
    assert not second.conflicts and [m.line_merged for m in second.merged] == [True]
    with team.read_session() as s:
        assert s.get(AgendaItem, item).minutes_text == (
            "Punt 1 besproken (gecorrigeerd).\nPunt 2 besproken.\nPunt 3 afgerond.\nPunt 4 besproken.\n"
        )
    # Overlapping with the office's line this time: a conflict, the office's text stays.
    edit(team, PROJECTLEIDER, _set(AgendaItem, item, minutes_text="Punt 1 besproken (gecorrigeerd).\nPunt 2 op kantoor.\nPunt 3 afgerond.\nPunt 4 besproken.\n"))
    edit(copy, SECRETARIS, _set(AgendaItem, item, minutes_text="Punt 1 besproken.\nPunt 2 offline.\nPunt 3 afgerond.\nPunt 4 besproken.\n"))
    [conflict] = give_back(copy, team).conflicts
    assert (conflict.field, conflict.mine.splitlines()[1], conflict.theirs.splitlines()[1]) == (
        "minutes_text", "Punt 2 offline.", "Punt 2 op kantoor.")


def test_numbers_the_team_gave_are_the_copys_and_are_not_renumbered_again(team, copy):
    with copy.read_session() as s:
        items = _items(s)
    offline_first = [edit(copy, SECRETARIS, lambda s, n=n: minutes.add_decision(s, items[3], f"Offline besluit {n}"))
                     for n in range(2)]
    office = edit(team, PROJECTLEIDER, lambda s: minutes.add_decision(s, items[3], "Besluit op kantoor"))
    assert office.number == offline_first[0].number  # the clash
    first = give_back(copy, team)
    given = {r.record_id: r.new for r in first.renumberings}
    assert set(given) == {d.id for d in offline_first}
    with copy.read_session() as s:  # the copy shows the definitive numbers now, and they are no longer provisional
        assert {d.id: s.get(Decision, d.id).number for d in offline_first} == given
        assert provisional_ids(s) == set()
    # After the break: one more decision on each side; the office took the next number again.
    later = edit(copy, SECRETARIS, lambda s: minutes.add_decision(s, items[4], "Offline besluit na de pauze"))
    office_later = edit(team, PROJECTLEIDER, lambda s: minutes.add_decision(s, items[4], "Nog een besluit op kantoor"))
    assert later.number == office_later.number
    with copy.read_session() as s:
        assert provisional_ids(s) == {later.id}
    second = give_back(copy, team)
    assert [r.record_id for r in second.renumberings] == [later.id]  # only the new one
    assert [a.record_id for a in second.added] == [str(later.id)]
    with team.read_session() as s:
        numbers = [d.number for d in s.scalars(select(Decision).where(Decision.meeting_id == NEXT_AO))]
        assert len(numbers) == len(set(numbers)) == 5
        assert {d.id: s.get(Decision, d.id).number for d in offline_first} == given  # unchanged by the second return
    with copy.read_session() as s:
        assert s.get(Decision, later.id).number == second.renumberings[0].new


def test_records_added_after_a_return_are_added_and_deleted_ones_deleted(team, copy):
    with copy.read_session() as s:
        items = _items(s)
    early = edit(copy, SECRETARIS, lambda s: minutes.add_action_item(s, items[3], "Notitie rondsturen"))
    give_back(copy, team)
    late = edit(copy, SECRETARIS, lambda s: minutes.add_action_item(s, items[4], "Cijfers opvragen"))
    edit(copy, SECRETARIS, lambda s: minutes.delete_action_item(s, early.id))
    edit(copy, SECRETARIS, lambda s: s.delete(s.get(AgendaItem, items[6])))
    second = give_back(copy, team)
    assert [a.record_id for a in second.added] == [str(late.id)]
    assert sorted(d.record_id for d in second.deleted if d.table != "change_record") == sorted(
        [str(early.id), str(items[6])]
    )
    assert not second.conflicts
    with team.read_session() as s:
        assert s.get(ActionItem, late.id).text == "Cijfers opvragen"
        assert s.get(ActionItem, early.id) is None and s.get(AgendaItem, items[6]) is None


def test_an_open_conflict_is_not_listed_twice_and_an_edit_of_it_updates_it(team, copy):
    with copy.read_session() as s:
        action, other = _open_actions(s)
    edit(copy, SECRETARIS, _set(ActionItem, action, deadline_text="na de zomer"))
    edit(team, PROJECTLEIDER, _set(ActionItem, action, deadline_text="eind januari"))
    [first] = give_back(copy, team).conflicts
    edit(copy, SECRETARIS, _set(ActionItem, other, text="Iets anders"))
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Ook de tekst"))  # the same record, another field
    second = give_back(copy, team)
    assert not second.conflicts and {m.field for m in second.merged} == {"text"}
    with team.read_session() as s:
        assert [c.uid for c in open_offline_conflicts(s)] == [first.uid]
    edit(copy, SECRETARIS, _set(ActionItem, action, deadline_text="voor de zomer"))  # the conflicted field again
    [third] = give_back(copy, team).conflicts
    assert (third.uid, third.mine, third.theirs) == (first.uid, "voor de zomer", "eind januari")
    with team.session() as s:
        [stored] = open_offline_conflicts(s)
        assert stored.mine == "voor de zomer"
        resolve_offline_conflict(s, stored.id, "mine")
    with team.read_session() as s:
        assert s.get(ActionItem, action).deadline_text == "voor de zomer"


def test_a_conflict_decided_for_the_team_comes_back_as_a_new_one_when_edited_offline_again(team, copy):
    with copy.read_session() as s:
        action = _open_actions(s, 1)[0]
    edit(copy, SECRETARIS, _set(ActionItem, action, deadline_text="na de zomer"))
    edit(team, PROJECTLEIDER, _set(ActionItem, action, deadline_text="eind januari"))
    [first] = give_back(copy, team).conflicts
    with team.session() as s:
        resolve_offline_conflict(s, first.id, "theirs")
    edit(copy, SECRETARIS, _set(ActionItem, action, deadline_text="in het voorjaar"))
    [again] = give_back(copy, team).conflicts
    assert again.uid != first.uid and (again.mine, again.theirs) == ("in het voorjaar", "eind januari")
    with team.read_session() as s:
        assert [c.uid for c in open_offline_conflicts(s)] == [again.uid]


def test_a_second_return_stopped_between_the_commits_is_completed_with_the_numbers_and_the_new_edits(team, copy):
    with copy.read_session() as s:
        items, action = _items(s), _open_actions(s, 1)[0]
    give_back(copy, team)  # a first return of nothing: the copy goes on
    made = edit(copy, SECRETARIS, lambda s: minutes.add_decision(s, items[3], "Offline besluit"))
    office = edit(team, PROJECTLEIDER, lambda s: minutes.add_decision(s, items[3], "Besluit op kantoor"))
    assert made.number == office.number

    class Stopped(Exception):
        pass

    def stop() -> None:
        raise Stopped

    with team.session() as team_session, pytest.raises(Stopped), copy.session() as copy_session:
        copy_session.commit = stop  # the process dies right after the team's commit
        return_offline(copy_session, team_session)
    with team.read_session() as s:
        new_number = s.get(Decision, made.id).number
        log = _log_top(team)
    assert new_number != made.number
    with copy.read_session() as s:
        assert s.get(Decision, made.id).number == made.number  # the copy did not get it
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Na de onderbreking"))
    result = give_back(copy, team)
    assert result.completed and "stonden al in" in result.lines()[0]
    assert [(r.old, r.new) for r in result.renumberings] == [(made.number, new_number)]
    assert [(m.record_id, m.field) for m in result.merged] == [(str(action), "text")]  # only the new edit
    assert not result.added and not result.conflicts
    with copy.read_session() as s:
        assert s.get(Decision, made.id).number == new_number
    with team.read_session() as s:
        assert s.get(ActionItem, action).text == "Na de onderbreking"
        assert s.get(Decision, made.id).number == new_number
        changed = [c.table_name for c in s.scalars(select(ChangeLog).where(ChangeLog.id > log))]
        assert changed == ["action_item"]  # the decision was not written again
    assert give_back(copy, team).already_returned


def test_the_command_returns_a_returned_copy_again(demo_database, request, tmp_path, capsys):
    """``ghnt-desktop offline return`` on a copy returned before (into a shared file: the command's own path)."""
    from ghnt_desktop.cli import main

    with team_database("sqlite", demo_database, request) as team:
        _command_returns_again(team, take(team, tmp_path / "laptop.db"), main, capsys)


def _command_returns_again(team, copy, main, capsys) -> None:
    with copy.read_session() as s:
        action = _open_actions(s, 1)[0]
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Eerste keer"))
    copy.close()
    assert main(["offline", "return", str(copy.path)]) == 0
    copy = open_database(copy.path, create=False)
    edit(copy, SECRETARIS, _set(ActionItem, action, text="Tweede keer"))
    copy.close()
    assert main(["offline", "return", str(copy.path)]) == 0
    output = capsys.readouterr().out
    assert "Tweede keer" in output and "al teruggezet" not in output
    assert main(["offline", "return", str(copy.path)]) == 0
    assert "al teruggezet en sindsdien niet gewijzigd" in capsys.readouterr().out
    with team.read_session() as s:
        assert s.get(ActionItem, action).text == "Tweede keer"


def test_an_addition_the_team_refuses_is_one_conflict_however_often_it_is_returned(team, copy):
    """An actiepunt added offline under an agenda item the office deleted meanwhile: the team database refuses it
    (a conflict, nothing lost); edited offline and returned again, it is tried again and stays one conflict."""
    with copy.read_session() as s:
        item = _items(s)[5]
    made = edit(copy, SECRETARIS, lambda s: minutes.add_action_item(s, item, "Onder een verwijderd punt"))
    edit(team, PROJECTLEIDER, lambda s: s.delete(s.get(AgendaItem, item)))
    first = give_back(copy, team)
    [refused] = [c for c in first.conflicts if c.record_id == str(made.id)]
    assert refused.kind == "added" and not [a for a in first.added if a.record_id == str(made.id)]
    edit(copy, SECRETARIS, _set(ActionItem, made.id, text="Onder een verwijderd punt (aangevuld)"))
    second = give_back(copy, team)
    [again] = [c for c in second.conflicts if c.record_id == str(made.id)]
    assert again.uid == refused.uid
    with team.read_session() as s:
        assert s.get(ActionItem, made.id) is None
        [stored] = [c for c in open_offline_conflicts(s) if c.record_id == str(made.id)]
        assert stored.uid == refused.uid
