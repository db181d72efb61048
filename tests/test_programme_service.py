"""The programme read service: one tree, inherited and overriding responsibility, order as written."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from test_ui_sample_data import fill_sample

from ghnt_desktop.models import Ambition, Programme, ProgrammeAction, ProgrammeStatus, Section
from ghnt_desktop.services.programme import ResponsibilityText, list_programmes, load_programme


def test_empty_database_has_no_programme(session):
    assert list_programmes(session) == []
    assert load_programme(session) is None


def test_tree_matches_the_database(session):
    fill_sample(session)
    tree = load_programme(session)
    assert tree is not None
    assert [s.title for s in tree.sections] == list(session.scalars(select(Section.title).order_by(Section.position)))
    assert tree.action_count == session.scalar(select(func.count(ProgrammeAction.id)))
    assert sum(len(s.ambitions) for s in tree.sections) == session.scalar(select(func.count(Ambition.id)))
    assert tree.programme.display_name == "Actieprogramma GHNT 2019-2022 (Groningen)"


def test_actions_inherit_or_override_responsibility(session):
    fill_sample(session)
    tree = load_programme(session)
    actions = {a.code: a for s in tree.sections for amb in s.ambitions for a in amb.actions}
    inherited = actions["E1-1"].responsibility
    assert inherited.responsible == ("Alle gemeenten", "Veilig Thuis")
    assert inherited.trekkers == ("Gemeente Groningen",)
    assert inherited.lines() == [
        "Verantwoordelijke partijen: Alle gemeenten, Veilig Thuis",
        "Trekker: Gemeente Groningen",
    ]
    # E1-2 overrides with an organisation and no label: the organisation's name is shown.
    assert actions["E1-2"].responsibility == ResponsibilityText(responsible=(), trekkers=("GGD Groningen",))
    assert actions["E1-2a"].parent_id == actions["E1-2"].id
    assert actions["E1-1"].deadline_text == "2019-2021"
    assert [a.code for a in next(s for s in tree.sections if s.code == "1").ambitions[0].actions] == [
        "E1-1",
        "E1-2",
        "E1-2a",
    ]


def test_running_programme_comes_first_and_can_be_chosen(session):
    fill_sample(session)
    old = Programme(region="Groningen", title="Oud programma", period_start=2015, status=ProgrammeStatus.CLOSED)
    session.add(old)
    session.flush()
    programmes = list_programmes(session)
    assert programmes[0].title == "Actieprogramma GHNT"
    tree = load_programme(session, old.id)
    assert tree.programme.title == "Oud programma" and tree.sections == ()
    assert load_programme(session, uuid.uuid4()) is None  # an id that does not exist
