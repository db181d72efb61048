"""The programme services: the read tree, and editing sections, ambities, actions, responsibility and order."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select
from test_ui_sample_data import fill_sample

from ghnt_desktop.models import (
    ActionStatus,
    Ambition,
    Organisation,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    WorkingGroup,
)
from ghnt_desktop.services import Changes, RefusedError, ValidationError
from ghnt_desktop.services.meetings import Created, Edit, Removed, restore_removed
from ghnt_desktop.services.programme import (
    ResponsibilityEntry,
    ResponsibilityText,
    create_ambition,
    create_programme,
    create_programme_action,
    create_section,
    delete_ambition,
    delete_programme,
    delete_programme_action,
    delete_section,
    describe_removal,
    get_ambition,
    get_programme_action,
    list_programmes,
    load_programme,
    move_ambition,
    move_programme_action,
    move_section,
    set_responsibility,
    update_ambition,
    update_programme,
    update_programme_action,
    update_section,
)


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


# ---------------------------------------------------------------------------------------------------------------
# Editing


def action_by_code(session, code):
    return session.scalar(select(ProgrammeAction).where(ProgrammeAction.code == code))


def action_row(session, code):
    return next(a for s in load_programme(session).sections for am in s.ambitions for a in am.actions if a.code == code)


def codes_in_order(session, ambition_code):
    tree = load_programme(session)
    ambition = next(a for s in tree.sections for a in s.ambitions if a.code == ambition_code)
    return [a.code for a in ambition.actions]


def test_programme_create_and_edit_validate_in_dutch(session):
    created = create_programme(session, region="Drenthe", title="Regiovisie", period_start=2023, period_end=2026)
    assert isinstance(created, Created) and created.changes.programme
    with pytest.raises(ValidationError, match="eindjaar"):
        update_programme(session, created.id, period_end=2020)
    with pytest.raises(ValidationError, match="leeg"):
        update_programme(session, created.id, title="  ")
    edit = update_programme(session, created.id, title="Regiovisie GHNT 🌷", status=ProgrammeStatus.CONCEPT)
    assert session.get(Programme, created.id).title == "Regiovisie GHNT 🌷"
    update_programme(session, created.id, **edit.before)
    assert session.get(Programme, created.id).title == "Regiovisie"
    removed = delete_programme(session, created.id)
    assert session.get(Programme, created.id) is None
    restore_removed(session, removed)
    assert session.get(Programme, created.id).region == "Drenthe"


def test_section_and_ambition_create_edit_move(session):
    fill_sample(session)
    programme_id = session.scalar(select(Programme.id))
    created = create_section(
        session, programme_id, title="Eigen lijn: jeugd", code="J", kind=SectionKind.THEMA, index=1
    )
    titles = list(session.scalars(select(Section.title).order_by(Section.position)))
    assert titles[1] == "Eigen lijn: jeugd"
    assert sorted(session.scalars(select(Section.position))) == list(range(4))
    edit = move_section(session, created.id, 3)
    assert list(session.scalars(select(Section.title).order_by(Section.position)))[3] == "Eigen lijn: jeugd"
    move_section(session, created.id, **edit.before)
    assert list(session.scalars(select(Section.title).order_by(Section.position))) == titles
    with pytest.raises(ValidationError, match="verder"):
        move_section(session, created.id, 9)
    with pytest.raises(ValidationError, match="actielijn"):
        update_section(session, created.id, national_line=4)

    amb = create_ambition(session, created.id, text="Jongeren weten waar ze terecht kunnen", code="J1")
    second = create_ambition(session, created.id, text="Scholen signaleren", code="J2", index=0)
    assert [a.code for a in session.get(Section, created.id).ambitions] == ["J2", "J1"]
    edit = update_ambition(session, amb.id, text="Jongeren weten de weg", sub_points=["a", " ", "b"])
    assert get_ambition(session, amb.id).sub_points == ("a", "b")
    update_ambition(session, amb.id, **edit.before)
    assert get_ambition(session, amb.id).text == "Jongeren weten waar ze terecht kunnen"
    # Move an ambition to another section and back.
    line1 = session.scalar(select(Section).where(Section.code == "1"))
    edit = move_ambition(session, second.id, 0, section_id=line1.id)
    assert session.get(Ambition, second.id).section_id == line1.id
    assert [a.code for a in _ambitions(session, line1.id)] == ["J2", "E1"]
    move_ambition(session, second.id, **edit.before)
    assert [a.code for a in _ambitions(session, created.id)] == ["J2", "J1"]


def _ambitions(session, section_id):
    return list(session.scalars(select(Ambition).where(Ambition.section_id == section_id).order_by(Ambition.position)))


def test_action_deadline_is_kept_as_written_and_parsed(session):
    fill_sample(session)
    amb = session.scalar(select(Ambition).where(Ambition.code == "E1"))
    created = create_programme_action(session, amb.id, text="Aandachtsfunctionarissen trainen", code="E1-3",
                                      deadline_text="augustus-september 2019")  # fmt: skip
    detail = get_programme_action(session, created.id)
    assert detail.deadline_text == "augustus-september 2019"
    assert (detail.deadline_start, detail.deadline_end) == (date(2019, 8, 1), date(2019, 9, 30))
    assert codes_in_order(session, "E1")[-1] == "E1-3"
    edit = update_programme_action(session, created.id, deadline_text="voor de zomervakantie")
    assert get_programme_action(session, created.id).deadline_end is None  # no year: no period
    update_programme_action(session, created.id, **edit.before)
    assert get_programme_action(session, created.id).deadline_end == date(2019, 9, 30)
    edit = update_programme_action(session, created.id, status=ActionStatus.DONE, kind="")
    assert session.get(ProgrammeAction, created.id).kind == "actie"
    with pytest.raises(ValidationError):
        update_programme_action(session, created.id, nonsense=1)


def test_action_working_group_link(session):
    fill_sample(session)
    group = session.scalar(select(WorkingGroup).where(WorkingGroup.name == "Werkgroep Ouderen"))
    action = action_by_code(session, "E1-1")
    update_programme_action(session, action.id, working_group_id=group.id)
    row = next(
        a for s in load_programme(session).sections for am in s.ambitions for a in am.actions if a.code == "E1-1"
    )
    assert row.working_group_name == "Werkgroep Ouderen"
    with pytest.raises(Exception, match="werkgroep"):
        update_programme_action(session, action.id, working_group_id=uuid.uuid4())


def test_reorder_actions_keeps_subactions_under_their_parent(session):
    fill_sample(session)
    assert codes_in_order(session, "E1") == ["E1-1", "E1-2", "E1-2a"]
    e12 = action_by_code(session, "E1-2")
    edit = move_programme_action(session, e12.id, 0)
    assert codes_in_order(session, "E1") == ["E1-2", "E1-2a", "E1-1"]
    move_programme_action(session, e12.id, **edit.before)
    assert codes_in_order(session, "E1") == ["E1-1", "E1-2", "E1-2a"]
    with pytest.raises(ValidationError, match="verder"):
        move_programme_action(session, e12.id, 2)
    # A parent cannot go under its own sub-action.
    with pytest.raises(ValidationError, match="zichzelf"):
        move_programme_action(session, e12.id, 0, parent_id=action_by_code(session, "E1-2a").id)
    # To another ambition, with its sub-action, and back.
    s1 = session.scalar(select(Ambition).where(Ambition.code == "S1"))
    edit = move_programme_action(session, e12.id, 0, ambition_id=s1.id)
    assert codes_in_order(session, "S1") == ["E1-2", "E1-2a", "S1-1"]
    assert codes_in_order(session, "E1") == ["E1-1"]
    move_programme_action(session, e12.id, **edit.before)
    assert codes_in_order(session, "E1") == ["E1-1", "E1-2", "E1-2a"]
    assert action_by_code(session, "E1-2a").ambition_id == action_by_code(session, "E1-1").ambition_id


def test_responsibility_inherited_and_overridden(session):
    fill_sample(session)
    action = action_by_code(session, "E1-1")
    ggd = session.scalar(select(Organisation).where(Organisation.name == "GGD Groningen"))
    detail = get_programme_action(session, action.id).responsibility
    assert not detail.overrides and detail.own == ()
    assert [e.label for e in detail.in_force] == ["Alle gemeenten", "Veilig Thuis", "Gemeente Groningen"]

    entries = [
        ResponsibilityEntry(ResponsibilityRole.RESPONSIBLE, "Alle gemeenten"),
        ResponsibilityEntry(ResponsibilityRole.TREKKER, "", organisation_id=ggd.id),
        ResponsibilityEntry(ResponsibilityRole.TREKKER, "   "),  # an empty editor line is ignored
    ]
    edit = set_responsibility(session, action.id, entries=entries, overrides=True)
    assert isinstance(edit, Edit) and edit.changes.programme
    stored = session.scalars(
        select(Responsibility).where(Responsibility.programme_action_id == action.id).order_by(Responsibility.position)
    ).all()
    assert [(r.role, r.label, r.organisation_id) for r in stored] == [
        (ResponsibilityRole.RESPONSIBLE, "Alle gemeenten", None),
        (ResponsibilityRole.TREKKER, "GGD Groningen", ggd.id),
    ]
    row = next(
        a for s in load_programme(session).sections for am in s.ambitions for a in am.actions if a.code == "E1-1"
    )
    assert row.overrides_responsibility and row.responsibility.trekkers == ("GGD Groningen",)
    # The ambition's own responsibility is untouched.
    assert get_ambition(session, action.ambition_id).responsibility.own[-1].label == "Gemeente Groningen"
    set_responsibility(session, action.id, **edit.before)
    assert not session.get(ProgrammeAction, action.id).overrides_responsibility
    assert (
        session.scalar(select(func.count(Responsibility.id)).where(Responsibility.programme_action_id == action.id))
        == 0
    )

    # Editing the ambition changes what every non-overriding action shows.
    amb_edit = set_responsibility(
        session, action.ambition_id, entries=[ResponsibilityEntry(ResponsibilityRole.TREKKER, "Projectleider GHNT")]
    )
    tree = load_programme(session)
    actions = {a.code: a for s in tree.sections for am in s.ambitions for a in am.actions}
    assert actions["E1-1"].responsibility.trekkers == ("Projectleider GHNT",)
    assert actions["E1-2"].responsibility.trekkers == ("GGD Groningen",)  # overrides: its own
    set_responsibility(session, action.ambition_id, **amb_edit.before)
    assert get_ambition(session, action.ambition_id).responsibility.own[0].label == "Alle gemeenten"


def test_delete_refused_when_minutes_or_action_items_refer(session):
    fill_sample(session)
    referenced = action_by_code(session, "S1-1")  # an action item refers to it
    with pytest.raises(RefusedError, match="actiepunt"):
        delete_programme_action(session, referenced.id)
    with pytest.raises(RefusedError, match="kan niet worden verwijderd"):
        delete_ambition(session, referenced.ambition_id)
    line2 = session.scalar(select(Section).where(Section.code == "2"))
    with pytest.raises(RefusedError):
        delete_section(session, line2.id)
    assert session.get(ProgrammeAction, referenced.id) is not None
    assert describe_removal(session, "section", line2.id)[2]


def test_delete_unreferenced_subtree_and_restore(session):
    fill_sample(session)
    line1 = session.scalar(select(Section).where(Section.code == "1"))
    before_codes = codes_in_order(session, "E1")
    counts = describe_removal(session, "section", line1.id)
    assert counts[:2] == (1, 3) and counts[2] == []
    removed = delete_section(session, line1.id)
    assert isinstance(removed, Removed) and removed.changes == Changes(programme=True, ids=frozenset({line1.id}))
    assert session.get(Section, line1.id) is None
    assert session.scalar(select(func.count(ProgrammeAction.id))) == 2
    group = session.scalar(select(WorkingGroup).where(WorkingGroup.name == "Werkgroep Ouderen"))
    assert group.section_id is None
    restore_removed(session, removed)
    session.expire_all()
    assert codes_in_order(session, "E1") == before_codes
    assert session.get(WorkingGroup, group.id).section_id == line1.id
    assert get_programme_action(session, action_by_code(session, "E1-2").id).responsibility.own[0].organisation_id


def test_delete_action_takes_subactions_and_restores_order(session):
    fill_sample(session)
    e12 = action_by_code(session, "E1-2")
    removed = delete_programme_action(session, e12.id)
    assert codes_in_order(session, "E1") == ["E1-1"]
    restore_removed(session, removed)
    assert codes_in_order(session, "E1") == ["E1-1", "E1-2", "E1-2a"]
    assert session.get(ProgrammeAction, e12.id).overrides_responsibility
