"""Taking a meeting along (issue 21): what the copy holds, that it is a sound database of the app, that its base
is exactly what a return compares with, and how the take reports progress and stops (on a file and on the server).
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, ChangeLog, Meeting
from ghnt_desktop.models.offline import OfflineBase
from ghnt_desktop.services.offline import (
    OfflineError,
    _data_tables,
    _normal_row,
    _record_key,
    _tables,
    offline_copy_info,
    take_offline,
)
# The fixtures team and copy are in conftest.py.
from offline_helpers import NEXT_AO, PROJECTLEIDER, SECRETARIS, edit, give_back

CLOSED = [ActionStatus.DONE, ActionStatus.CANCELLED]


def _other_series_open_action(session):
    """An open action item of another series than the next AO's (a werkgroep's): taken along since every open
    action is."""
    series_id = session.get(Meeting, NEXT_AO).series_id
    query = (
        select(ActionItem.id)
        .join(Meeting, Meeting.id == ActionItem.origin_meeting_id)
        .where(Meeting.series_id != series_id, ActionItem.status.not_in(CLOSED))
        .order_by(ActionItem.number)
    )
    return session.scalars(query).first()


def test_every_open_action_is_taken_and_a_closed_one_only_when_a_taken_row_refers_to_it(team, copy):
    with team.read_session() as s:
        open_ids = set(s.scalars(select(ActionItem.id).where(ActionItem.status.not_in(CLOSED))))
        closed = set(s.scalars(select(ActionItem.id).where(ActionItem.status.in_(CLOSED))))
    with copy.read_session() as s:
        in_copy = set(s.scalars(select(ActionItem.id)))
        own = set(s.scalars(select(ActionItem.id).where(ActionItem.origin_meeting_id == NEXT_AO)))
        referred = set()
        for table in _data_tables():
            for fk in table.foreign_keys:
                if fk.column.table.name == "action_item":
                    referred |= set(s.scalars(select(fk.parent).where(fk.parent.is_not(None))))
    assert open_ids and open_ids <= in_copy
    assert closed - in_copy  # not the history of ten years
    assert closed & in_copy <= own | referred


def test_the_copy_is_a_sound_database_of_the_app_with_an_empty_log_and_a_search_index(team, copy, tmp_path):
    from ghnt_desktop.services.search import index_is_current, search

    path = copy.path
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        triggers = {n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        indexed = raw.execute("SELECT COUNT(*) FROM search_index").fetchone()[0]
        taken = sum(raw.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("action_item", "agenda_item", "person"))
        assert indexed >= taken  # every taken action, agenda item, person...
        assert raw.execute("SELECT COUNT(*) FROM search_forms").fetchone()[0] == indexed  # with its word forms
        assert raw.execute("SELECT COUNT(*) FROM search_pending").fetchone()[0] == 0
    with sqlite3.connect(_empty()) as raw:  # the triggers of a database the migrations made
        assert triggers == {n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    with copy.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == 0  # copying is no change
        assert index_is_current(s.connection())
        action_id = _other_series_open_action(s)
        action = s.get(ActionItem, action_id)
        words = action.text.split()
        hits = search(s, max(words, key=len), include_confidential=True)
        assert action_id in {h.id for h in hits}
    assert not list(tmp_path.glob("*.deel*"))


def _empty():
    from ghnt_desktop.services.offline import _empty_database

    return _empty_database()


def test_the_base_holds_every_taken_row_exactly_as_a_return_reads_it(team, copy):
    """The base is made from the stored values without loading them; a return compares it with the rows it loads.
    Any difference (a UUID's form, a time's, a flag) would be sent as a change nobody made."""
    with copy.read_session() as s:
        bases = {(b.table_name, b.record_id): b.row_values for b in s.scalars(select(OfflineBase))}
        loaded = {}
        for table in _data_tables():
            for row in s.execute(select(table)).mappings():
                loaded[(table.name, _record_key(table, row))] = _normal_row(table, row)
    assert bases.keys() == loaded.keys()
    assert {name for name, _key in bases} >= {"meeting", "agenda_item", "action_item", "person", "organisation"}
    assert [key for key in bases if bases[key] != loaded[key]] == []


def test_returning_an_untouched_copy_sends_nothing_and_twice_changes_nothing(team, copy):
    with team.read_session() as s:
        before = s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0)))
    first = give_back(copy, team)
    assert first.nothing_to_do and not first.already_returned
    second = give_back(copy, team)
    # A return with nothing new writes nothing, in either database (a copy can be returned again later).
    assert second.nothing_to_do and not second.already_returned
    with team.read_session() as s:
        assert s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) == before


def test_an_edit_to_an_action_of_another_series_merges_back(team, copy):
    with copy.read_session() as s:
        action_id = _other_series_open_action(s)
    assert action_id is not None

    def offline(s):
        action = s.get(ActionItem, action_id)
        action.text = "Besproken onder Voortgang: aangescherpt"
        action.status = ActionStatus.ON_HOLD

    edit(copy, SECRETARIS, offline)
    edit(team, PROJECTLEIDER, lambda s: setattr(s.get(ActionItem, action_id), "deadline_text", "eind maart"))
    result = give_back(copy, team)
    assert not result.conflicts
    assert {(m.record_id, m.field) for m in result.merged} == {(str(action_id), "text"), (str(action_id), "status")}
    with team.read_session() as s:
        action = s.get(ActionItem, action_id)
        assert (action.text, action.status, action.deadline_text) == (
            "Besproken onder Voortgang: aangescherpt", ActionStatus.ON_HOLD, "eind maart"
        )


def test_progress_rises_to_its_total_and_names_each_step(team, tmp_path):
    calls = []
    with team.read_session() as s:
        result = take_offline(
            s, tmp_path / "kopie.db", NEXT_AO, source_label=team.label, progress=lambda *a: calls.append(a)
        )
    done = [c[0] for c in calls]
    totals = {c[1] for c in calls}
    assert len(totals) == 1 and done == sorted(done) and done[0] == 0 and done[-1] == totals.pop()
    assert all(isinstance(label, str) and label for _d, _t, label in calls)
    assert any("actiepunt" in label for _d, _t, label in calls)  # the big table is named while it is written
    assert result.path.is_file()


class Stop(Exception):
    pass


@pytest.mark.parametrize("at", [0, 30, 50, 60, 85, 100])
def test_a_take_stopped_at_any_step_leaves_no_file(team, tmp_path, at):
    """A cancel raises from the progress callback: whatever step it was, neither the copy nor its part file stays."""

    def progress(done, total, _label):
        if done >= at:
            raise Stop

    with team.read_session() as s, pytest.raises(Stop):
        take_offline(s, tmp_path / "kopie.db", NEXT_AO, source_label=team.label, progress=progress)
    assert list(tmp_path.iterdir()) == []
    with team.read_session() as s:  # and a take afterwards succeeds
        take_offline(s, tmp_path / "kopie.db", NEXT_AO, source_label=team.label)
    assert [p.name for p in tmp_path.iterdir()] == ["kopie.db"]


def test_a_left_part_file_is_replaced_and_an_existing_copy_refused(team, tmp_path):
    target = tmp_path / "kopie.db"
    (tmp_path / "kopie.db.deel").write_bytes(b"half")
    with team.read_session() as s:
        take_offline(s, target, NEXT_AO, source_label=team.label)
    assert not (tmp_path / "kopie.db.deel").exists()
    with open_database(target, create=False).read_session() as s:
        assert offline_copy_info(s).meeting_id == NEXT_AO
    with team.read_session() as s, pytest.raises(OfflineError, match="bestaat al"):
        take_offline(s, target, NEXT_AO, source_label=team.label)


def test_the_whole_database_is_taken_row_for_row(team, tmp_path):
    with team.read_session() as s:
        take_offline(s, tmp_path / "alles.db", None, source_label=team.label)
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) for t in _data_tables()}
    copy = open_database(tmp_path / "alles.db", create=False)
    try:
        with copy.read_session() as s:
            assert offline_copy_info(s).meeting_id is None
            assert {t.name: s.scalar(select(func.count()).select_from(t)) for t in _data_tables()} == counts
    finally:
        copy.close()
    assert _tables()  # the plain tables the take writes with


def test_every_taken_column_has_a_normal_form_in_sql():
    """The base is made in SQL per column type: a column of a type it does not know (a new Numeric, say) must fail
    here, not give a base that differs from the row and so a change nobody made."""
    from ghnt_desktop.services.offline import _base_sql

    for table in _data_tables():
        assert table.name in _base_sql(table)


def test_a_return_reports_its_steps_up_to_the_total(team, copy):
    from ghnt_desktop.services.offline import return_offline

    for dry_run in (True, False):
        calls = []
        with team.session() as team_session, copy.session() as copy_session:
            return_offline(copy_session, team_session, dry_run=dry_run, progress=lambda *a: calls.append(a))
        done = [c[0] for c in calls]
        assert done == sorted(done) and done[0] == 0 and done[-1] == calls[-1][1] and len(calls) >= 3


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.text, self.tty = "", tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    "steps, shown",
    [
        ([(0, 100, "Meenemen voorbereiden"), (55, 100, "Schrijven: actiepunt"), (100, 100, "Klaar")],
         ["   0 %  Meenemen voorbereiden", "  55 %  Schrijven: actiepunt", " 100 %  Klaar"]),
        ([(0, 4, "Lezen"), (0, 4, "Lezen"), (2, 4, "Samenvoegen"), (4, 4, "Klaar")],  # a repeat is not drawn again
         ["   0 %  Lezen", "  50 %  Samenvoegen", " 100 %  Klaar"]),
        ([(0, 0, "Klaar")], [" 100 %  Klaar"]),  # nothing to do: no division by zero
    ],
)
def test_the_command_line_redraws_one_progress_line_on_a_terminal(steps, shown):
    from ghnt_desktop.commands.offline import progress_printer

    terminal = _Terminal(tty=True)
    show = progress_printer(terminal)
    for step in steps:
        show(*step)
    assert terminal.text.endswith("\n") and terminal.text.count("\n") == 1
    assert [part.rstrip() for part in terminal.text.rstrip("\n").split("\r")[1:]] == shown
    assert progress_printer(_Terminal(tty=False)) is None  # a log or a pipe gets only the result
