"""Offline capture as a stateful property: two or three laptops take the team database along, edit, delete and add
offline while the team database is edited too, and return in any order (hypothesis ``RuleBasedStateMachine``).

A model of the team database is kept beside the real one and predicts every return from the rule of the issue:
a field changed on one side takes that value, on both sides a conflict (minutes first merge by lines), a record
deleted on one side and edited on the other a conflict. After every step the real team database equals the model,
every offline edit is either in it or listed as a conflict with its value (none lost), action numbers are
unique; at the end every laptop returns, every conflict is decided, and a new copy of each laptop equals the team
database (all converge).

A laptop may also return and keep working (the break of a long meeting): its next return sends only what changed
since, against the rows it sent (the model's base for it becomes its state at the return). Right after every return
a second one must change nothing (idempotence). The team database is an SQLite file and, in a second run, a
database on the throwaway PostgreSQL server (fewer examples there: each step is a few round trips more).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import func, select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import (
    ActionItem, ActionStatus, AgendaItem, ChangeLog, Meeting, MeetingKind, MeetingSeries, MeetingState,
)  # fmt: skip
from ghnt_desktop.services.offline import (
    merge_lines, open_offline_conflicts, resolve_offline_conflict, return_offline, take_offline,
)  # fmt: skip

REPLICAS = ("laptop1", "laptop2", "laptop3")
ACTION_FIELDS = {
    "text": ("Notitie schrijven", "Partners uitnodigen", "Cijfers opvragen", "Evaluatie plannen"),
    "deadline_text": ("", "maart", "na de zomer", "Q4"),
    "status": tuple(s.value for s in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE)),
}
LINES = (
    "Opening en mededelingen.", "Vaststelling agenda.", "Verslag vorig overleg.", "Voortgang MDA++.",
    "Casus besproken.", "Cijfers Veilig Thuis.", "Werkgroep ouderen.", "Scheidingen.", "Rondvraag.", "Sluiting.",
)  # fmt: skip

def _seed(database) -> None:
    """A small team database: a series, a meeting, two agenda items with minutes, three actions."""
    with database.session() as s:
        series = MeetingSeries(name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
        s.add(series)
        s.flush()
        meeting = Meeting(series_id=series.id, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO december",
                          date=date(2026, 12, 10), number_in_year=4, state=MeetingState.HELD)
        s.add(meeting)
        s.flush()
        # Fixed ids (and those of added actions from a counter): hypothesis replays the same choices.
        for n in range(2):
            s.add(AgendaItem(id=uuid.UUID(int=100 + n), meeting_id=meeting.id, position=n, number=str(n + 1), title=f"Punt {n + 1}",
                             minutes_text="\n".join(LINES) + "\n"))
        for n in range(3):
            s.add(ActionItem(id=uuid.UUID(int=200 + n), number=f"AO-2026-4-A{n + 1:02d}", text=ACTION_FIELDS["text"][n],
                             origin_meeting_id=meeting.id, status=ActionStatus.NOT_STARTED))


class SqliteTeam:
    """Each example's team database: a copy of a seeded file, made once."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ghnt-replicas-"))
        self.template = self.folder / "team.db"
        database = open_database(self.template)
        _seed(database)
        database.close()

    def new(self, folder: Path):
        shutil.copyfile(self.template, folder / "team.db")
        return open_database(folder / "team.db")

    def source_url(self, database) -> str:
        return str(database.path)

    def drop(self, database) -> None:
        database.close()


class PostgresTeam:
    """Each example's team database: a new database on the test server, copied from a seeded one."""

    def __init__(self, server) -> None:
        self.server = server
        url = server.fresh_database()
        database = open_database(url, password=server.password)
        _seed(database)
        database.close()
        self.template = url.rsplit("/", 1)[1]

    def new(self, folder: Path):
        name = f"replicas_{uuid.uuid4().hex[:12]}"
        self.server.execute(f"CREATE DATABASE {name} TEMPLATE {self.template}")
        return open_database(self.server.url(name), password=self.server.password)

    def source_url(self, database) -> str:
        return str(database.path)

    def drop(self, database) -> None:
        database.close()
        self.server.drop_database(self.server.url(str(database.engine.url.database)))


def _snapshot(session) -> dict[tuple[str, str], dict[str, object]]:
    """The modelled state: every action item's fields and every agenda item's minutes."""
    state: dict[tuple[str, str], dict[str, object]] = {}
    for action in session.scalars(select(ActionItem)):
        state[("action_item", str(action.id))] = {
            "text": action.text, "deadline_text": action.deadline_text, "status": action.status.value,
        }  # fmt: skip
    for item in session.scalars(select(AgendaItem)):
        state[("agenda_item", str(item.id))] = {"minutes_text": item.minutes_text}
    return state


class Replicas(RuleBasedStateMachine):
    backend: SqliteTeam | PostgresTeam  # set by the test that runs the machine

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="ghnt-replicas-"))
        self.team = self.backend.new(self.folder)
        with self.team.read_session() as s:
            self.model = _snapshot(s)
            self.meeting_id = s.scalars(select(Meeting.id)).one()
        self.copies: dict[str, object] = {}  # replica -> open Database of its copy
        self.bases: dict[str, dict] = {}  # replica -> the model when it took its copy
        self.conflicts: dict[int, dict] = {}  # stored id -> what deciding "mine" does to the model
        self.taken = 0
        self.added = 0

    def teardown(self) -> None:
        for database in self.copies.values():
            database.close()
        self.backend.drop(self.team)
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- the two sides ------------------------------------------------------------------------------------------

    def _database(self, side: str):
        return self.team if side == "team" else self.copies[side]

    def _sides(self) -> list[str]:
        return ["team", *sorted(self.copies)]

    @initialize(laptops=st.integers(2, 3))
    def take_along(self, laptops: int) -> None:
        for replica in REPLICAS[:laptops]:
            self.take(replica)

    @rule(replica=st.sampled_from(REPLICAS))
    def take(self, replica: str) -> None:
        if replica in self.copies:
            return
        self.taken += 1
        path = self.folder / f"{replica}-{self.taken}.db"
        with self.team.read_session() as s:
            take_offline(s, path, None, source_label="team", source_url=self.backend.source_url(self.team))
        self.copies[replica] = open_database(path, create=False)
        self.bases[replica] = {k: dict(v) for k, v in self.model.items()}

    @rule(data=st.data(), field=st.sampled_from(sorted(ACTION_FIELDS)))
    def edit_action(self, data, field: str) -> None:
        self._edit_action(data, data.draw(st.sampled_from(self._sides())), field)

    def _edit_action(self, data, side: str, field: str, action_id: str | None = None) -> None:
        with self._database(side).session() as s:
            actions = sorted(str(a) for a in s.scalars(select(ActionItem.id)))
            if action_id is None and actions:
                action_id = data.draw(st.sampled_from(actions))
            if action_id not in actions:
                return
            value = data.draw(st.sampled_from(ACTION_FIELDS[field]))
            action = s.get(ActionItem, uuid.UUID(action_id))
            setattr(action, field, ActionStatus(value) if field == "status" else value)
        if side == "team":
            self.model[("action_item", action_id)][field] = value

    @rule(data=st.data())
    def edit_minutes(self, data) -> None:
        self._edit_minutes(data, data.draw(st.sampled_from(self._sides())))

    def _edit_minutes(self, data, side: str, item_id: str | None = None) -> None:
        with self._database(side).session() as s:
            items = sorted(s.scalars(select(AgendaItem)), key=lambda i: str(i.id))
            item = data.draw(st.sampled_from(items)) if item_id is None else s.get(AgendaItem, uuid.UUID(item_id))
            lines = item.minutes_text.splitlines()
            at = data.draw(st.integers(0, max(len(lines) - 1, 0)))
            how = data.draw(st.sampled_from(["replace", "replace", "insert", "delete"]))
            new = f"{data.draw(st.sampled_from(LINES))} ({side})"
            if how == "replace" and lines:
                lines[at] = new
            elif how == "delete" and lines:
                del lines[at]
            else:
                lines.insert(at, new)
            item.minutes_text = "\n".join(lines) + "\n"
            key = ("agenda_item", str(item.id))
            text = item.minutes_text
        if side == "team":
            self.model[key]["minutes_text"] = text

    @rule(data=st.data())
    def delete_action(self, data) -> None:
        self._delete_action(data, data.draw(st.sampled_from(self._sides())))

    def _delete_action(self, data, side: str, action_id: str | None = None) -> None:
        with self._database(side).session() as s:
            actions = sorted(str(a) for a in s.scalars(select(ActionItem.id)))
            if action_id is None and actions:
                action_id = data.draw(st.sampled_from(actions))
            if action_id not in actions:
                return
            s.delete(s.get(ActionItem, uuid.UUID(action_id)))
        if side == "team":
            del self.model[("action_item", action_id)]

    @precondition(lambda self: bool(self.copies))
    @rule(data=st.data())
    def both_sides(self, data) -> None:
        """A laptop and the team database change the same record: the cases a merge is about."""
        replica = data.draw(st.sampled_from(sorted(self.copies)))
        shared = sorted(k for k in self.bases[replica] if k in self.model)
        if not shared:
            return
        table, key = data.draw(st.sampled_from(shared))
        for side in (replica, "team"):
            if table == "agenda_item":
                self._edit_minutes(data, side, key)
            elif data.draw(st.integers(0, 5)) == 0:
                self._delete_action(data, side, key)
            else:
                self._edit_action(data, side, data.draw(st.sampled_from(sorted(ACTION_FIELDS))), key)

    @rule(data=st.data(), text=st.sampled_from(ACTION_FIELDS["text"]))
    def add_action(self, data, text: str) -> None:
        side = data.draw(st.sampled_from(self._sides()))
        with self._database(side).session() as s:
            numbers = [int(n.rsplit("A", 1)[1]) for n in s.scalars(select(ActionItem.number))]
            self.added += 1
            action = ActionItem(id=uuid.UUID(int=1000 + self.added), number=f"AO-2026-4-A{max(numbers, default=0) + 1:02d}", text=text,
                                origin_meeting_id=self.meeting_id, status=ActionStatus.NOT_STARTED)
            s.add(action)
            s.flush()
            key = ("action_item", str(action.id))
        if side == "team":
            self.model[key] = {"text": text, "deadline_text": "", "status": ActionStatus.NOT_STARTED.value}

    @precondition(lambda self: bool(self.copies))
    @rule(data=st.data(), keep=st.booleans())
    def give_back(self, data, keep: bool) -> None:
        """A laptop returns; with ``keep`` it goes on working in its copy and returns again later."""
        replica = data.draw(st.sampled_from(sorted(self.copies)))
        self._return(replica, keep=keep)

    def _return(self, replica: str, *, keep: bool = False) -> None:
        copy = self.copies[replica]
        base = self.bases[replica]
        with copy.read_session() as s:
            mine = _snapshot(s)
        expected, conflicts = self._predict(base, mine, self.model)
        with self.team.session() as team, copy.session() as c:
            result = return_offline(c, team)
        found = {(c.table, c.record_id, c.field, c.kind) for c in result.conflicts}
        assert found == set(conflicts), (found, set(conflicts))
        for conflict in result.conflicts:  # new ones, and open ones of an earlier return updated (same id)
            predicted = conflicts[(conflict.table, conflict.record_id, conflict.field, conflict.kind)]
            if conflict.kind == "edit":  # the offline value is listed: not lost
                assert (conflict.mine, conflict.theirs) == predicted["values"]
            self.conflicts[conflict.id] = predicted
        self.model = expected
        self._nothing_new(replica)
        if keep:  # what this return sent is the base of the next one
            self.bases[replica] = mine
        else:
            del self.copies[replica], self.bases[replica]
            copy.close()

    def _nothing_new(self, replica: str) -> None:
        """Returning again at once changes nothing, in the team database or in the copy."""
        copy = self.copies[replica]
        before = [self._log_top(self.team), self._log_top(copy)]
        with copy.read_session() as s:
            state = _snapshot(s)
        with self.team.session() as team, copy.session() as c:
            again = return_offline(c, team)
        assert again.nothing_to_do and not again.completed, again.lines()
        assert [self._log_top(self.team), self._log_top(copy)] == before
        with copy.read_session() as s:
            assert _snapshot(s) == state

    @staticmethod
    def _log_top(database) -> int:
        with database.read_session() as s:
            return int(s.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))))

    @staticmethod
    def _predict(base, mine, theirs):
        """The team database after a return, and the conflicts it lists, by the rule of the issue."""
        expected = {k: dict(v) for k, v in theirs.items()}
        conflicts: dict[tuple, dict] = {}
        for key in sorted(set(base) | set(mine)):
            b, m, t = base.get(key), mine.get(key), theirs.get(key)
            table, record = key
            if b is None:
                if m is not None and t is None:
                    expected[key] = dict(m)
                continue
            if m is None:
                if t is not None and t == b:
                    del expected[key]
                elif t is not None:
                    conflicts[(table, record, "", "deleted_mine")] = {"delete": key}
                continue
            changed = [f for f in m if m[f] != b[f]]
            if changed and t is None:
                conflicts[(table, record, "", "deleted_theirs")] = {"restore": (key, dict(m))}
                continue
            for f in changed:
                if t[f] == b[f]:
                    expected[key][f] = m[f]
                elif t[f] == m[f]:
                    continue
                elif f == "minutes_text" and merge_lines(b[f], m[f], t[f]) is not None:
                    expected[key][f] = merge_lines(b[f], m[f], t[f])
                else:
                    conflicts[(table, record, f, "edit")] = {"set": (key, f, m[f]), "values": (m[f], t[f])}
        return expected, conflicts

    @precondition(lambda self: bool(self.conflicts))
    @rule(data=st.data(), choice=st.sampled_from(["mine", "theirs"]))
    def decide(self, data, choice: str) -> None:
        conflict_id = data.draw(st.sampled_from(sorted(self.conflicts)))
        self._decide(conflict_id, choice)

    def _decide(self, conflict_id: int, choice: str) -> None:
        from ghnt_desktop.services.offline import OfflineError

        effect = self.conflicts.pop(conflict_id)
        try:
            with self.team.session() as team:
                resolve_offline_conflict(team, conflict_id, choice)
        except OfflineError:  # deciding for an edit of a record deleted meanwhile: refused, stays open
            assert choice == "mine" and "set" in effect and effect["set"][0] not in self.model
            with self.team.session() as team:
                resolve_offline_conflict(team, conflict_id, "theirs")
            return
        if choice == "theirs":
            return
        if "set" in effect:
            key, name, value = effect["set"]
            self.model[key][name] = value
        elif "delete" in effect:
            self.model.pop(effect["delete"], None)
        else:
            key, row = effect["restore"]
            self.model[key] = row

    @invariant()
    def team_is_as_predicted(self) -> None:
        with self.team.read_session() as s:
            assert _snapshot(s) == self.model
            numbers = list(s.scalars(select(ActionItem.number)))
            assert len(numbers) == len(set(numbers)), numbers  # offline numbers renumbered where they clashed
            assert {c.id for c in open_offline_conflicts(s)} == set(self.conflicts)

    def teardown_check(self) -> None:
        for replica in sorted(self.copies):
            self._return(replica)
        for conflict_id in sorted(self.conflicts):
            self._decide(conflict_id, "mine")
        self.team_is_as_predicted()
        self.take(REPLICAS[0])  # a laptop taking the result along holds the same as the team database
        with self.copies[REPLICAS[0]].read_session() as s:
            assert _snapshot(s) == self.model


class ConvergingReplicas(Replicas):
    def teardown(self) -> None:
        try:
            self.teardown_check()
        finally:
            super().teardown()


# Examples per engine: together about 30 s on a loaded 2-core machine (PostgreSQL's steps cost more round trips).
EXAMPLES = {"sqlite": 20, "postgresql": 6}


@pytest.mark.parametrize(
    "engine_name", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_replicas_converge(engine_name, request) -> None:
    if engine_name == "postgresql":
        ConvergingReplicas.backend = PostgresTeam(request.getfixturevalue("postgres_server"))
    else:
        ConvergingReplicas.backend = SqliteTeam()
    try:
        run_state_machine_as_test(
            ConvergingReplicas,
            settings=settings(
                max_examples=EXAMPLES[engine_name], stateful_step_count=15, deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )  # fmt: skip
    finally:
        if isinstance(ConvergingReplicas.backend, SqliteTeam):
            shutil.rmtree(ConvergingReplicas.backend.folder, ignore_errors=True)
