"""The two choices kept only in the older history (``change_record``) until revision 0016 are columns now.

``meeting.approved_in_meeting_id`` (the later overleg a verslag was vastgesteld in) and
``decision.escalation_text_included`` (a vertrouwelijk decision put to the bestuurlijk overleg with its text or under
the neutral title): read from the columns, logged by the change log like every other change, shown per record with
who and when. Migration 0016 moves the older rows' values into the columns; those rows stay and are still shown.
On both engines (``BOTH_ENGINES``).
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select
from test_meetings_fixtures import World, build_world, new_meeting

from ghnt_desktop import db as db_module
from ghnt_desktop.models import ChangeLog, ChangeRecord, Decision, EscalationState, Meeting, MeetingState
from ghnt_desktop.models.types import DateTime
from ghnt_desktop.services import NotFoundError, RefusedError, ValidationError, agenda, meetings, minutes
from ghnt_desktop.services.change_log import field_history
from ghnt_desktop.services.meeting_record import approval_of

APPROVED_IN = "Vastgesteld in"
TEXT_CHOICE = "Tekst op agenda bestuurlijk overleg"


def _content_item(session, meeting_id: uuid.UUID) -> uuid.UUID:
    return next(r for r in agenda.agenda_items(session, meeting_id) if r.standard_item is None).id


def _held(session, meeting_id: uuid.UUID) -> None:
    meetings.set_meeting_state(session, meeting_id, MeetingState.PLANNED)
    meetings.set_meeting_state(session, meeting_id, MeetingState.HELD, unmarked=meetings.UNMARKED_KEEP)


def _history(session, table: str, record_id: uuid.UUID):
    from ghnt_desktop.ui.meeting.data import load_history_lines

    return load_history_lines(session, table, record_id)


# ---------------------------------------------------------------------------------------------------------------
# The services read and write the columns; the change log has them with who and when


def test_vaststellen_in_a_later_overleg_is_kept_on_the_meeting_and_logged(session, world: World) -> None:
    first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
    later = new_meeting(session, world.ao_series, date(2020, 6, 11), "Punt")
    _held(session, first)
    with pytest.raises(ValidationError, match="later overleg"):
        meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=first)
    with pytest.raises(NotFoundError):
        meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=uuid.uuid4())
    meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=later)
    assert session.get(Meeting, first).approved_in_meeting_id == later
    approval = approval_of(session, first)
    assert approval is not None and (approval.approved_on, approval.meeting_id) == (date(2020, 6, 11), later)
    [logged] = [c for c in field_history(session, "meeting", first) if c.field == "approved_in_meeting_id"]
    assert (logged.old, logged.new, logged.reason) == (None, str(later), "Vastgesteld in Afstemmingsoverleg GHNT "
                                                                         "van 11-06-2020")  # fmt: skip
    assert logged.changed_by  # this transaction's writer
    [line] = [line for line in _history(session, "meeting", first) if line.field == APPROVED_IN]
    assert line.new == "Afstemmingsoverleg GHNT (11-06-2020)" and line.who == logged.changed_by

    # The overleg it was vastgesteld in holds that record: it cannot be deleted.
    with pytest.raises(RefusedError, match="vaststelling"):
        meetings.delete_meeting(session, later)

    # Reopened: no longer vastgesteld in that overleg; undoing the reopening brings it back (``before``).
    reopened = meetings.reopen_minutes(session, first, "Correctie")
    assert session.get(Meeting, first).approved_in_meeting_id is None and approval_of(session, first) is None
    meetings.set_meeting_state(session, first, **reopened.before)
    assert session.get(Meeting, first).approved_in_meeting_id == later
    assert approval_of(session, first) == approval
    # Vastgesteld again without naming an overleg: the day it was recorded, not the overleg of before.
    meetings.reopen_minutes(session, first, "Nog een correctie")
    meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED)
    again = approval_of(session, first)
    assert again is not None and again.meeting_id is None and again.approved_on == date.today()
    assert not session.scalar(select(func.count()).select_from(ChangeRecord))  # nothing written to the older history


@pytest.mark.parametrize(
    ("confidential", "include", "stored", "neutral"),
    [
        (True, False, False, True),  # the recommended choice
        (True, True, True, False),  # the user chose to put the text on the agenda
        (False, False, None, False),  # not vertrouwelijk: nothing to choose
        (False, True, None, False),
    ],
)
def test_the_escalation_choice_is_the_decisions_column_and_survives_withdraw_and_undo(
    session, world: World, confidential, include, stored, neutral
) -> None:
    ao = new_meeting(session, world.ao_series, date(2020, 3, 12), "Financiering")
    decision = minutes.add_decision(
        session, _content_item(session, ao), "Extra opvangplaatsen voor het gezin Jansen", confidential=confidential
    )
    minutes.mark_for_decision(session, decision.id, include_confidential_text=include)
    assert session.get(Decision, decision.id).escalation_text_included is stored
    bo = new_meeting(session, world.bo_series, date(2020, 4, 2))
    titles = [r.title for r in agenda.agenda_items(session, bo)]
    neutral_title = f"Vertrouwelijk besluit {decision.number}, zie besloten stuk"
    assert (neutral_title in titles) is neutral and any("Jansen" in t for t in titles) is not neutral
    changes = [c for c in field_history(session, "decision", decision.id) if c.field == "escalation_text_included"]
    assert [(c.old, c.new) for c in changes] == ([(None, stored)] if stored is not None else [])

    withdrawn = minutes.withdraw_escalation(session, decision.id)
    assert withdrawn.before["include_confidential_text"] is bool(stored)
    minutes.mark_for_decision(session, decision.id, include_confidential_text=withdrawn.before["include_confidential_text"])
    again = session.get(Decision, decision.id)
    assert again.escalation is EscalationState.PROPOSED and again.escalation_text_included is stored
    # A decision made vertrouwelijk after it was put there without a choice: neutral from then on.
    if not confidential:
        minutes.update_decision(session, decision.id, confidential=True)
        assert meetings.escalation_title(session, session.get(Decision, decision.id)) == neutral_title


# ---------------------------------------------------------------------------------------------------------------
# Migration 0016 from a database at 0015 holding the older rows (both choices)

_metadata = sa.MetaData()
_record = sa.Table(
    "change_record", _metadata,
    sa.Column("id", sa.Uuid()), sa.Column("entity", sa.String()), sa.Column("entity_id", sa.Uuid()),
    sa.Column("field", sa.String()), sa.Column("old_value", sa.Text()), sa.Column("new_value", sa.Text()),
    sa.Column("changed_at", DateTime(timezone=True)), sa.Column("changed_by", sa.String()),
    sa.Column("reason", sa.Text()), sa.Column("created_at", DateTime(timezone=True)),
    sa.Column("updated_at", DateTime(timezone=True)),
)  # fmt: skip


def _alembic(database, action: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(db_module.__file__).parent / "migrations"))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def _old_record(connection, entity: str, entity_id: uuid.UUID, field: str, new: str, by: str, reason: str = ""):
    """A row as the app of revision 0015 wrote it (``history.record_change``)."""
    now = datetime.now(UTC)
    connection.execute(
        sa.insert(_record).values(
            id=uuid.uuid4(), entity=entity, entity_id=entity_id, field=field, old_value="" if entity == "decision"
            else None, new_value=new, changed_at=now, changed_by=by, reason=reason, created_at=now, updated_at=now,
        )
    )  # fmt: skip


def _raw_update(database, statement: str, **values) -> None:
    """A write of the app at 0015 (its ORM cannot run against the older schema): logged by that schema's triggers."""
    with database.engine.begin() as connection:
        query = sa.text(statement).bindparams(*(sa.bindparam(name, type_=sa.Uuid()) for name in values))
        connection.execute(query, values)


def test_migration_moves_the_older_choices_into_the_columns_and_the_history_still_shows_them(database) -> None:
    with database.session() as session:
        world = build_world(session)
        first, second, third, fourth = (
            new_meeting(session, world.ao_series, day, "Punt")
            for day in (date(2020, 3, 12), date(2020, 6, 11), date(2020, 9, 10), date(2020, 12, 10))
        )
        for meeting_id in (first, third):
            _held(session, meeting_id)
            meetings.set_meeting_state(session, meeting_id, MeetingState.MINUTES_APPROVED)  # logged at head
        _held(session, second)
        item = _content_item(session, second)
        texts = {
            "text": "Extra opvangplaatsen voor het gezin Jansen worden gefinancierd.",
            "neutral": "Casus Pietersen naar de taskforce.",
            "changed": "Budget voor de aanpak van de zaak De Boer.",
            "never": "Het AO vraagt het bestuur om een besluit over de regiovisie.",
        }
        decision = {
            key: minutes.add_decision(session, item, text, confidential=key != "never").id
            for key, text in texts.items()
        }
    _alembic(database, "downgrade", "0015_qa_fixes")

    # What the app of 0015 wrote: the approved_in records right after the state change, and per escalated
    # vertrouwelijk decision its choice (the latest one counts); then one verslag reopened and vastgesteld again
    # without naming an overleg.
    with database.engine.begin() as connection:
        _old_record(connection, "meeting", first, "approved_in", str(second), "Bram Jansen")
        _old_record(connection, "meeting", third, "approved_in", str(fourth), "Bram Jansen")
        for key, choice in (("text", "tekst opgenomen"), ("neutral", "neutrale titel"), ("changed", "tekst opgenomen")):
            _old_record(connection, "decision", decision[key], "escalation_text", choice, "Anna de Vries",
                        "vertrouwelijk besluit voorgelegd aan het bestuurlijk overleg")  # fmt: skip
    time.sleep(0.02)  # the later choice and the reopening are later (the log's times have milliseconds)
    with database.engine.begin() as connection:
        _old_record(connection, "decision", decision["changed"], "escalation_text", "neutrale titel", "Anna de Vries")
    for decision_id in decision.values():
        _raw_update(database, "UPDATE decision SET escalation = 'proposed' WHERE id = :id", id=decision_id)
    _raw_update(database, "UPDATE meeting SET state = 'held' WHERE id = :id", id=third)
    _raw_update(database, "UPDATE meeting SET state = 'minutes_approved' WHERE id = :id", id=third)
    with database.engine.connect() as connection:
        logged_before = connection.scalar(select(func.count()).select_from(ChangeLog))

    _alembic(database, "upgrade", "head")

    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLog)) == logged_before  # the fill is unlogged
        assert session.get(Meeting, first).approved_in_meeting_id == second
        assert session.get(Meeting, third).approved_in_meeting_id is None  # reopened since: not in that overleg
        assert session.get(Meeting, second).approved_in_meeting_id is None
        approval = approval_of(session, first)
        assert approval is not None and (approval.meeting_id, approval.approved_on) == (second, date(2020, 6, 11))
        later = approval_of(session, third)
        assert later is not None and later.meeting_id is None and later.approved_on == date.today()
        stored = {key: session.get(Decision, decision_id).escalation_text_included for key, decision_id in decision.items()}
        assert stored == {"text": True, "neutral": False, "changed": False, "never": None}
        # The pending escalations go on the next bestuurlijk overleg's agenda with the choices read from the columns.
        bo = new_meeting(session, world.bo_series, date(2020, 7, 2))
        titles = [r.title for r in agenda.agenda_items(session, bo)]
        assert any("Jansen" in t for t in titles)
        assert not any("Pietersen" in t or "De Boer" in t for t in titles)
        numbers = {key: session.get(Decision, decision_id).number for key, decision_id in decision.items()}
        for key in ("neutral", "changed"):
            assert f"Vertrouwelijk besluit {numbers[key]}, zie besloten stuk" in titles
        assert any("regiovisie" in t for t in titles)

        # The history per record still shows the older rows: the choice, who made it and when.
        [line] = [line for line in _history(session, "meeting", first) if line.field == APPROVED_IN]
        assert (line.old, line.new, line.who) == ("—", "Afstemmingsoverleg GHNT (11-06-2020)", "Bram Jansen")
        assert line.when
        lines = [line for line in _history(session, "decision", decision["changed"]) if line.field == TEXT_CHOICE]
        assert [(line.new, line.who) for line in lines] == [("ja", "Anna de Vries"), ("nee", "Anna de Vries")]
        [line] = [line for line in _history(session, "decision", decision["text"]) if line.field == TEXT_CHOICE]
        assert (line.new, line.reason) == ("ja", "vertrouwelijk besluit voorgelegd aan het bestuurlijk overleg")

        # From now on a choice is a logged change of the column, shown the same way.
        meetings.reopen_minutes(session, first, "Correctie")
        meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=fourth)
        shown = [(line.old, line.new) for line in _history(session, "meeting", first) if line.field == APPROVED_IN]
        assert shown == [
            ("—", "Afstemmingsoverleg GHNT (11-06-2020)"),  # the older row, as the user chose it then
            ("Afstemmingsoverleg GHNT (11-06-2020)", "—"),  # reopened (the column, logged)
            ("—", "Afstemmingsoverleg GHNT (10-12-2020)"),
        ]


def test_downgrade_keeps_a_choice_made_after_the_upgrade_as_an_older_row(database) -> None:
    with database.session() as session:
        world = build_world(session)
        first = new_meeting(session, world.ao_series, date(2020, 3, 12), "Punt")
        second = new_meeting(session, world.ao_series, date(2020, 6, 11), "Punt")
        _held(session, first)
        meetings.set_meeting_state(session, first, MeetingState.MINUTES_APPROVED, approved_in_meeting_id=second)
        decision = minutes.add_decision(session, _content_item(session, second), "Casus Jansen", confidential=True).id
        minutes.mark_for_decision(session, decision, include_confidential_text=True)
    _alembic(database, "downgrade", "0015_qa_fixes")
    with database.engine.connect() as connection:
        rows = connection.execute(select(_record.c.entity_id, _record.c.field, _record.c.new_value)).all()
        columns = {c["name"] for c in sa.inspect(connection).get_columns("meeting")}
    assert sorted(rows, key=lambda row: row.field) == [
        (first, "approved_in", str(second)),
        (decision, "escalation_text", "tekst opgenomen"),
    ]
    assert "approved_in_meeting_id" not in columns
    _alembic(database, "upgrade", "head")
    with database.session() as session:
        assert session.get(Meeting, first).approved_in_meeting_id == second
        assert session.get(Decision, decision).escalation_text_included is True


@pytest.fixture
def world(session) -> World:
    return build_world(session)
