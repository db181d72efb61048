"""The change log on both engines: every write of the app's tables, once, with only the changed fields, who, when
and the transaction; also a write that does not come through the app; ``changes_after`` for offline sync."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop.db import set_recorded_user
from ghnt_desktop.models import AttendanceStatus, Organisation, OrganisationKind, Person
from ghnt_desktop.services import agenda, meetings, minutes
from ghnt_desktop.services.change_log import (
    changes_after,
    field_changes,
    last_change_id,
    record_log,
)


@pytest.fixture(autouse=True)
def app_user():
    set_recorded_user(lambda: "Bram Jansen")
    yield
    from ghnt_desktop.recorded_user import os_user

    set_recorded_user(os_user)


def expected_user(database) -> str:
    """On a server the login, on SQLite the name the user gave the app."""
    return "postgres" if not database.is_file else "Bram Jansen"


def _world(database):
    with database.session() as s:
        world = build_world(s)
        meeting_id = new_meeting(s, world.ao_series, date(2026, 3, 12), "Voortgang scholing")
        item = next(r for r in agenda.agenda_items(s, meeting_id) if r.standard_item is None)
    return world, meeting_id, item.id


def test_every_kind_of_record_is_logged_once_with_the_changed_fields_only(database) -> None:
    world, meeting_id, item_id = _world(database)
    with database.read_session() as s:
        start = last_change_id(s)
    # Minutes text, a decision, an action item, progress, attendance-free meeting notes, a person: each its own edit.
    with database.session() as s:
        minutes.set_minutes_text(s, item_id, "Scholing loopt; 40 aandachtsfunctionarissen getraind.")
    with database.session() as s:
        decision = minutes.add_decision(s, item_id, "Het AO stemt in met de planning.")
    with database.session() as s:
        minutes.update_decision(s, decision.id, text="Het AO stemt in met de aangepaste planning.")
    with database.session() as s:
        person = s.get(Person, world.person["carla"])
        person.function = "Teamleider"
    with database.session() as s:
        meetings.update_meeting(s, meeting_id, location="Gemeentehuis Veendam")
    with database.session() as s:
        attendee = meetings.attendance_list(s, meeting_id)[0]
        meetings.set_attendance(s, attendee.id, AttendanceStatus.EXCUSED)
    with database.read_session() as s:
        changes = changes_after(s, start)
        minute_log = record_log(s, "agenda_item", item_id)
        decision_log = record_log(s, "decision", decision.id)
        person_log = record_log(s, "person", world.person["carla"])
        meeting_log = record_log(s, "meeting", meeting_id)
        attendance_log = record_log(s, "attendance", attendee.id)
    assert [c.id for c in changes] == sorted(c.id for c in changes)
    assert ("agenda_item", "U") in {(c.table, c.operation) for c in changes}
    minutes_change = [c for c in minute_log if c.operation == "U"][-1]
    assert minutes_change.new_values == {"minutes_text": "Scholing loopt; 40 aandachtsfunctionarissen getraind."}
    assert minutes_change.old_values == {"minutes_text": ""}
    assert [c.operation for c in decision_log] == ["I", "U"]
    assert decision_log[0].new_values["text"] == "Het AO stemt in met de planning."
    assert decision_log[0].new_values["confidential"] is False  # a boolean from both engines
    assert decision_log[1].new_values == {"text": "Het AO stemt in met de aangepaste planning."}
    assert [(c.operation, c.new_values) for c in person_log][-1] == ("U", {"function": "Teamleider"})
    # One edit may flush twice (the calendar sequence follows the place): the batch tells they belong together.
    last_edit = {k: v for c in meeting_log if c.batch == meeting_log[-1].batch for k, v in c.new_values.items()}
    assert last_edit["location"] == "Gemeentehuis Veendam"
    assert attendance_log[-1].operation == "U" and "status" in attendance_log[-1].new_values
    assert {c.changed_by for c in changes} == {expected_user(database)}
    # The older per-field history is not logged a second time.
    assert "change_record" not in {c.table for c in changes}


def test_an_edit_that_changes_nothing_logs_nothing_and_one_transaction_is_one_batch(database) -> None:
    with database.session() as s:
        a = Organisation(name="Gemeente Pekela", kind=OrganisationKind.GEMEENTE)
        b = Organisation(name="Gemeente Oldambt", kind=OrganisationKind.GEMEENTE)
        s.add_all([a, b])
    with database.read_session() as s:
        mark = last_change_id(s)
    with database.session() as s:
        s.get(Organisation, a.id).name = "Gemeente Pekela"  # the same value
        s.execute(text("UPDATE organisation SET notes = notes"))
    with database.read_session() as s:
        assert changes_after(s, mark) == []
    with database.session() as s:
        s.get(Organisation, a.id).notes = "Aangesloten 2026"
        s.get(Organisation, b.id).abbreviation = "OLD"
    with database.session() as s:
        s.delete(s.get(Organisation, b.id))
    with database.read_session() as s:
        changes = changes_after(s, mark)
        context = s.execute(text("SELECT count(*) FROM change_context")).scalar()
    assert [c.operation for c in changes] == ["U", "U", "D"]
    assert changes[0].batch == changes[1].batch != changes[2].batch
    assert changes[2].old_values["name"] == "Gemeente Oldambt" and changes[2].new_values == {}
    assert changes[2].record_id == str(b.id)
    assert context == 0  # the writer's name never stays behind for another program's write


def test_a_rolled_back_edit_leaves_no_entry(database) -> None:
    with database.read_session() as s:
        mark = last_change_id(s)
    with pytest.raises(RuntimeError), database.session() as s:
        s.add(Organisation(name="Gemeente Midden-Groningen"))
        s.flush()
        raise RuntimeError("afgebroken")
    with database.read_session() as s:
        assert changes_after(s, mark) == []
        assert s.execute(text("SELECT count(*) FROM change_context")).scalar() == 0


def test_a_write_by_another_program_is_logged_too(database, request) -> None:
    with database.session() as s:
        org = Organisation(name="GGD Groningen")
        s.add(org)
    if database.is_file:
        import sqlite3

        with sqlite3.connect(database.path) as raw:
            raw.execute("UPDATE organisation SET notes = 'via sqlite3' WHERE name = 'GGD Groningen'")
        who = ""  # another program cannot tell SQLite's triggers who it is
    else:
        import psycopg

        server = request.getfixturevalue("postgres_server")
        with psycopg.connect(database.address.url, password=server.password) as raw:
            raw.execute("UPDATE organisation SET notes = 'via psql' WHERE name = 'GGD Groningen'")
        who = "postgres"
    with database.read_session() as s:
        last = record_log(s, "organisation", org.id)[-1]
    assert last.operation == "U" and set(last.new_values) == {"notes"}
    assert last.changed_by == who


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["notes", "abbreviation", "archived", "aliases"]),
            st.one_of(st.text(max_size=20).filter(lambda t: "\x00" not in t), st.booleans(), st.none()),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_replaying_the_log_after_any_id_gives_the_record_as_it_is(database, edits) -> None:
    """What offline sync relies on: a copy at log id N plus ``changes_after(N)`` in order is the record now."""
    name = f"Org {uuid.uuid4().hex[:8]}"
    with database.session() as s:
        org = Organisation(name=name, notes="begin")
        s.add(org)
    with database.read_session() as s:
        mark = last_change_id(s)
        copy = dict(record_log(s, "organisation", org.id)[-1].new_values)
    for field, value in edits:
        if field == "archived":
            value = bool(value)
        elif field == "aliases":
            value = [value] if isinstance(value, str) else []
        elif field == "notes":
            value = value if isinstance(value, str) else ""
        elif not isinstance(value, str):
            value = None
        with database.session() as s:
            setattr(s.get(Organisation, org.id), field, value)
    with database.read_session() as s:
        for change in changes_after(s, mark, tables=["organisation"]):
            if change.record_id == str(org.id):
                for field, _old, new in field_changes(change):
                    assert copy[field] == _old  # each change starts from what the previous one left
                    copy[field] = new
        now = s.get(Organisation, org.id)
        assert (copy["notes"], copy["abbreviation"], copy["archived"], copy["aliases"]) == (
            now.notes,
            now.abbreviation,
            now.archived,
            now.aliases,
        )


def test_every_table_and_column_of_the_models_is_logged(database) -> None:
    """A later migration that adds a table or column (or rebuilds a table on SQLite, which drops its triggers) must
    end with ``install_change_log``; this fails until it does."""
    from ghnt_desktop.models import Base
    from ghnt_desktop.services.change_log import NOT_LOGGED, SKIPPED_COLUMNS

    with database.read_session() as s:
        connection = s.connection()
        if database.is_file:
            triggers = dict(
                connection.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_log_%'"
                ).all()
            )
        else:
            triggers = {
                name: ""
                for (name,) in connection.exec_driver_sql(
                    "SELECT tgname FROM pg_trigger WHERE starts_with(tgname, 'change_log_') AND NOT tgisinternal"
                )
            }
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_LOGGED:
            continue
        if not database.is_file:
            assert f"change_log_{table.name}" in triggers, table.name
            continue
        update = triggers.get(f"change_log_{table.name}_update", "")
        assert f"change_log_{table.name}_insert" in triggers and f"change_log_{table.name}_delete" in triggers
        for column in table.columns:
            if column.name not in SKIPPED_COLUMNS:
                assert f'NEW."{column.name}"' in update, f"{table.name}.{column.name} is not logged"
