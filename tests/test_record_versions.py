"""Concurrent editing without silent loss, on SQLite and PostgreSQL (``BOTH_ENGINES``).

Two users are two sessions: A reads what the screen shows, B saves another value, A saves over it with
``seen=`` what A saw. The edit must be refused with both values (and who saved B's value), unless B saved the
same value or A explicitly keeps theirs (``versions.overriding``). Decision and action numbers stay unique when
two writers add at the same moment (two threads, two connections).
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import inspect, select
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop.db import set_recorded_user
from ghnt_desktop.models import ActionItem, ActionStatus, Decision
from ghnt_desktop.recorded_user import os_user
from ghnt_desktop.services import actions as action_service
from ghnt_desktop.services import agenda, minutes, programme
from ghnt_desktop.services.versions import ConflictError, overriding


@pytest.fixture
def item_id(database):
    with database.session() as session:
        world = build_world(session)
        meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Punt")
        return next(r for r in agenda.agenda_items(session, meeting) if r.standard_item is None).id


def test_every_entity_table_has_a_version_that_rises_with_each_update(database, item_id) -> None:
    with database.session() as session:
        columns = {c["name"]: c for c in inspect(session.connection()).get_columns("action_item")}
        assert "row_version" in columns and not columns["row_version"]["nullable"]
        created = minutes.add_action_item(session, item_id, "Offerte opvragen")
    with database.session() as session:
        assert session.get(ActionItem, created.id).row_version == 1
        minutes.update_action_item(session, created.id, text="Offerte opvragen bij twee bureaus")
        minutes.update_action_item(session, created.id, trekker_text="GGD")
    with database.session() as session:
        assert session.get(ActionItem, created.id).row_version == 3


# (field, value the user saw, value another user saved, value this user wants)
ACTION_EDITS = [
    ("text", "Offerte opvragen", "Offerte opvragen bij GGD", "Offerte opvragen bij Veilig Thuis"),
    ("trekker_text", "", "Gemeente Assen", "Veilig Thuis Drenthe"),
    ("deadline", None, date(2026, 6, 1), date(2026, 9, 1)),
]


@pytest.mark.parametrize(("field", "seen", "theirs", "mine"), ACTION_EDITS)
def test_saving_an_action_item_over_a_newer_value_is_refused_with_both_values(
    database, item_id, field, seen, theirs, mine
) -> None:
    with database.session() as session:
        action_id = minutes.add_action_item(session, item_id, "Offerte opvragen").id
    set_recorded_user(lambda: "Bram (secretaris)")  # who the change log names on SQLite (a server: the login)
    try:
        with database.session() as session:  # user B
            minutes.update_action_item(session, action_id, **{field: theirs})
    finally:
        set_recorded_user(os_user)
    bram = "Bram (secretaris)" if database.kind.is_file else database.engine.url.username
    with pytest.raises(ConflictError) as caught, database.session() as session:  # user A, from an old screen
        minutes.update_action_item(session, action_id, seen={field: seen}, **{field: mine})
    conflict = caught.value.conflict
    assert [(f.field, f.seen, f.mine, f.theirs) for f in conflict.fields] == [(field, seen, mine, theirs)]
    assert conflict.who == bram and conflict.when is not None
    assert bram in str(caught.value) and "niet opgeslagen" in str(caught.value)
    with database.session() as session:  # nothing of A's was saved
        assert getattr(session.get(ActionItem, action_id), field) == theirs
    with overriding(), database.session() as session:  # A chooses "mijn versie bewaren"
        minutes.update_action_item(session, action_id, seen={field: seen}, **{field: mine})
    with database.session() as session:
        assert getattr(session.get(ActionItem, action_id), field) == mine


def test_no_conflict_when_nobody_else_changed_the_field_or_saved_the_same_value(database, item_id) -> None:
    with database.session() as session:
        action_id = minutes.add_action_item(session, item_id, "Offerte opvragen").id
    with database.session() as session:  # B changes another field and A's wish exactly
        minutes.update_action_item(session, action_id, trekker_text="GGD")
        minutes.update_action_item(session, action_id, text="Offerte bij GGD")
    with database.session() as session:
        minutes.update_action_item(session, action_id, seen={"text": "Offerte opvragen"}, text="Offerte bij GGD")
        minutes.update_action_item(session, action_id, seen={"trekker_text": "GGD"}, trekker_text="Veilig Thuis")


def test_a_stale_version_is_refused_even_without_the_values_seen(database, item_id) -> None:
    with database.session() as session:
        action_id = minutes.add_action_item(session, item_id, "Offerte opvragen").id
        version = session.get(ActionItem, action_id).row_version
    with database.session() as session:
        minutes.update_action_item(session, action_id, text="Door B")
    with pytest.raises(ConflictError), database.session() as session:
        minutes.update_action_item(session, action_id, seen_version=version, text="Door A")


def test_minutes_text_decision_and_status_conflicts(database, item_id) -> None:
    with database.session() as session:
        minutes.set_minutes_text(session, item_id, "De voorzitter opent.")
        decision = minutes.add_decision(session, item_id, "Het AO stemt in met de aanpak.")
        action_id = minutes.add_action_item(session, item_id, "Offerte opvragen").id
    with database.session() as session:  # B
        minutes.set_minutes_text(session, item_id, "De voorzitter opent. Bram vult aan.")
        minutes.update_decision(session, decision.id, text="Het AO stemt in, met een voorbehoud.")
        action_service.set_action_status(session, "item", action_id, ActionStatus.DONE, author="Bram")
    refused = [
        lambda s: minutes.set_minutes_text(s, item_id, "De voorzitter opent. Anne vult aan.", seen={"text": "De voorzitter opent."}),
        lambda s: minutes.update_decision(s, decision.id, text="Anders", seen={"text": "Het AO stemt in met de aanpak."}),
        lambda s: action_service.set_action_status(s, "item", action_id, ActionStatus.ON_HOLD, seen=ActionStatus.NOT_STARTED),
    ]
    for edit in refused:
        with pytest.raises(ConflictError), database.session() as session:
            edit(session)
    with database.session() as session:
        assert session.get(ActionItem, action_id).status is ActionStatus.DONE
        assert session.get(Decision, decision.id).text == "Het AO stemt in, met een voorbehoud."
    with database.session() as session:  # seen the current status: accepted
        action_service.set_action_status(session, "item", action_id, ActionStatus.IN_PROGRESS, seen=ActionStatus.DONE)


def test_programme_action_conflict(database) -> None:
    with database.session() as session:
        p = programme.create_programme(session, region="Drenthe", title="Regiovisie", period_start=2023, period_end=2026)
        s = programme.create_section(session, p.id, title="Actielijn 1")
        a = programme.create_ambition(session, s.id, text="Ambitie")
        action = programme.create_programme_action(session, a.id, text="Scholing aandachtsfunctionarissen")
    with database.session() as session:
        programme.update_programme_action(session, action.id, text="Scholing voor alle aandachtsfunctionarissen")
    with pytest.raises(ConflictError) as caught, database.session() as session:
        programme.update_programme_action(
            session, action.id, text="Scholing 2027", seen={"text": "Scholing aandachtsfunctionarissen"}
        )
    assert caught.value.conflict.fields[0].theirs == "Scholing voor alle aandachtsfunctionarissen"


def test_numbers_stay_unique_when_two_writers_add_at_once(database, item_id) -> None:
    """Two threads (two connections) add decisions and action items under one agenda item at the same time."""
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(name: str) -> None:
        try:
            start.wait()
            for n in range(8):
                with database.session() as session:
                    minutes.add_decision(session, item_id, f"Besluit {name} {n}")
                with database.session() as session:
                    minutes.add_action_item(session, item_id, f"Actie {name} {n}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.session() as session:
        decisions = session.scalars(select(Decision.number)).all()
        action_numbers = session.scalars(select(ActionItem.number)).all()
    assert len(decisions) == len(set(decisions)) == 16
    assert len(action_numbers) == len(set(action_numbers)) == 16
