"""The network services: lists, editing, archiving, merging organisations, successors and memberships."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from sqlalchemy import func, or_, select
from test_ui_sample_data import TODAY, fill_sample

from ghnt_desktop.db import open_database
from ghnt_desktop.models import (
    ActionItem,
    Attendance,
    LocalStatus,
    Organisation,
    OrganisationKind,
    Person,
    Responsibility,
    WorkingGroup,
    WorkingGroupMember,
)
from ghnt_desktop.services import RefusedError, ValidationError
from ghnt_desktop.services.meetings import Created, Edit, Removed, restore_removed
from ghnt_desktop.services.change_log import field_history
from ghnt_desktop.services.network import (
    add_member,
    create_organisation,
    create_person,
    create_working_group,
    delete_organisation,
    delete_person,
    delete_working_group,
    list_members,
    list_organisations,
    list_people,
    list_working_groups,
    merge_organisations,
    merge_preview,
    organisation_references,
    person_leaves,
    remove_member,
    undo_merge_organisations,
    undo_person_leaves,
    update_member,
    update_organisation,
    update_person,
    update_working_group,
)

DEMO_TODAY = date(2024, 6, 1)


def test_organisations_with_people_counts(session):
    fill_sample(session)
    rows = list_organisations(session)
    assert len(rows) == session.scalar(select(func.count(Organisation.id)))
    counts = {r.name: r.people_count for r in rows}
    for name, count in counts.items():
        org_id = session.scalar(select(Organisation.id).where(Organisation.name == name))
        assert count == session.scalar(select(func.count(Person.id)).where(Person.organisation_id == org_id))
    assert counts["Gemeente Groningen"] == 3
    assert [r.name for r in rows] == sorted(counts, key=str.lower)


def test_merged_organisations_are_left_out(session):
    fill_sample(session)
    gem = session.scalar(select(Organisation).where(Organisation.name == "Gemeente Groningen"))
    session.add(Organisation(name="Gem. Groningen", merged_into_id=gem.id))
    session.flush()
    assert "Gem. Groningen" not in [r.name for r in list_organisations(session)]


def test_people_of_one_organisation_with_successor(session):
    fill_sample(session)
    gem = session.scalar(select(Organisation).where(Organisation.name == "Gemeente Groningen"))
    rows = {r.name: r for r in list_people(session, organisation_id=gem.id)}
    assert set(rows) == {"Anna de Vries", "Bram Smit", "Carla Bakker"}
    assert rows["Bram Smit"].successor_name == "Carla Bakker"
    assert not rows["Bram Smit"].is_active(TODAY)
    assert rows["Carla Bakker"].is_active(TODAY)
    assert not rows["Carla Bakker"].is_active(date(2023, 1, 1))
    assert len(list_people(session)) == session.scalar(select(func.count(Person.id)))


def test_working_groups_count_current_members(session):
    fill_sample(session)
    rows = {r.name: r for r in list_working_groups(session, today=TODAY)}
    assert rows["Werkgroep Ouderen"].member_count == 2  # Bram left at the end of 2023
    assert rows["Werkgroep Ouderen"].chair_name == "Anna de Vries"
    assert rows["Werkgroep Ouderen"].section_title == "Eerder en beter in beeld"
    assert rows["Werkgroep MDA++"].member_count == 1
    earlier = {r.name: r for r in list_working_groups(session, today=date(2023, 6, 1))}
    assert earlier["Werkgroep Ouderen"].member_count == 3


# ---------------------------------------------------------------------------------------------------------------
# Editing


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(DEMO_TODAY)


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


def org(session, name):
    return session.scalar(select(Organisation).where(Organisation.name == name))


def person(session, name):
    return session.scalar(select(Person).where(Person.name == name))


def test_organisation_create_edit_archive_and_delete(session):
    fill_sample(session)
    created = create_organisation(session, name="  Stichting Kompaan 🌷 ", kind=OrganisationKind.ZORG,
                                  aliases=["Kompaan", "kompaan", "Stichting Kompaan 🌷"])  # fmt: skip
    assert isinstance(created, Created) and created.changes.network
    record = session.get(Organisation, created.id)
    assert record.name == "Stichting Kompaan 🌷" and record.aliases == ["Kompaan"]
    with pytest.raises(ValidationError, match="bestaat al"):
        create_organisation(session, name="gemeente groningen")
    with pytest.raises(ValidationError, match="leeg"):
        update_organisation(session, created.id, name=" ")
    edit = update_organisation(session, created.id, archived=True, abbreviation="SK")
    assert isinstance(edit, Edit) and record.archived
    update_organisation(session, created.id, **edit.before)
    assert not record.archived and record.abbreviation is None
    removed = delete_organisation(session, created.id)
    assert session.get(Organisation, created.id) is None
    restore_removed(session, removed)
    assert session.get(Organisation, created.id).name == "Stichting Kompaan 🌷"


def test_delete_refused_when_minutes_refer(session):
    fill_sample(session)
    vt = org(session, "Veilig Thuis Groningen")
    with pytest.raises(RefusedError, match="Archiveer") as refused:
        delete_organisation(session, vt.id)
    assert "actiepunten (trekker)" in str(refused.value)
    assert {r.label for r in organisation_references(session, vt.id)} >= {"personen", "actiepunten (trekker)"}
    with pytest.raises(RefusedError, match="kan niet worden verwijderd"):
        delete_person(session, person(session, "Anna de Vries").id)
    assert session.get(Organisation, vt.id) is not None
    with pytest.raises(RefusedError, match="actiepunten"):
        delete_working_group(
            session, session.scalar(select(WorkingGroup.id).where(WorkingGroup.name == "Werkgroep Ouderen"))
        )


def test_person_create_edit_and_validation(session):
    fill_sample(session)
    gem = org(session, "Gemeente Groningen")
    created = create_person(session, name="Fleur Visser", organisation_id=gem.id, email="fleur@example.nl")
    with pytest.raises(ValidationError, match="e-mailadres"):
        update_person(session, created.id, email="geen adres")
    with pytest.raises(ValidationError, match="einddatum"):
        update_person(session, created.id, active_from=date(2024, 1, 1), active_until=date(2023, 1, 1))
    edit = update_person(session, created.id, function="Beleidsadviseur", archived=True)
    update_person(session, created.id, **edit.before)
    assert session.get(Person, created.id).function == "" and not session.get(Person, created.id).archived
    removed = delete_person(session, created.id)
    restore_removed(session, removed)
    assert session.get(Person, created.id).email == "fleur@example.nl"


def test_person_leaves_with_a_new_successor_taking_the_seats(session):
    fill_sample(session)
    anna = person(session, "Anna de Vries")
    group = session.scalar(select(WorkingGroup).where(WorkingGroup.name == "Werkgroep Ouderen"))
    until = date(2024, 6, 30)
    edit = person_leaves(session, anna.id, until=until, new_successor_name="Gerrit Dijkstra")
    successor = person(session, "Gerrit Dijkstra")
    assert anna.active_until == until and anna.successor_id == successor.id
    assert successor.organisation_id == anna.organisation_id and successor.function == "Projectleider GHNT"
    assert successor.active_from == date(2024, 7, 1)
    rows = {(m.person_name, m.start, m.end) for m in list_members(session, group.id)}
    assert ("Anna de Vries", date(2020, 1, 1), until) in rows
    assert ("Gerrit Dijkstra", date(2024, 7, 1), None) in rows
    assert group.chair_id == successor.id
    assert {r.name: r for r in list_working_groups(session, today=date(2024, 8, 1))}[
        "Werkgroep Ouderen"
    ].chair_name == ("Gerrit Dijkstra")

    undo_person_leaves(session, edit)
    session.expire_all()
    assert person(session, "Gerrit Dijkstra") is None
    anna = person(session, "Anna de Vries")
    assert anna.active_until is None and anna.successor_id is None
    assert session.get(WorkingGroup, group.id).chair_id == anna.id
    assert [(m.person_name, m.end) for m in list_members(session, group.id) if m.person_name == "Anna de Vries"] == [
        ("Anna de Vries", None)
    ]


def test_person_leaves_with_an_existing_successor_and_memberships_kept(session):
    fill_sample(session)
    dirk = person(session, "Dirk Mulder")
    eva = person(session, "Eva 🌷 Jansen")
    person_leaves(session, dirk.id, until=date(2024, 5, 31), successor_id=eva.id, move_memberships=False)
    assert dirk.successor_id == eva.id
    members = session.scalars(select(WorkingGroupMember).where(WorkingGroupMember.person_id == dirk.id)).all()
    assert all(m.end is None for m in members)
    with pytest.raises(ValidationError, match="eigen opvolger"):
        person_leaves(session, dirk.id, until=date(2024, 5, 31), successor_id=dirk.id)


def test_working_group_and_memberships_with_period(session):
    fill_sample(session)
    created = create_working_group(session, name="Werkgroep Jeugd", theme="Kindermishandeling")
    with pytest.raises(ValidationError, match="bestaat al"):
        create_working_group(session, name="werkgroep jeugd")
    carla = person(session, "Carla Bakker")
    member = add_member(session, created.id, person_id=carla.id, role="voorzitter", start=date(2024, 2, 1))
    stored = session.get(WorkingGroupMember, member.id)
    assert stored.organisation_id == carla.organisation_id  # taken from the person
    with pytest.raises(ValidationError, match="einddatum"):
        update_member(session, member.id, end=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="persoon of een organisatie"):
        add_member(session, created.id)
    edit = update_member(session, member.id, end=date(2024, 5, 31))
    rows = {r.name: r for r in list_working_groups(session, today=TODAY)}
    assert rows["Werkgroep Jeugd"].member_count == 0  # ended before TODAY
    update_member(session, member.id, **edit.before)
    assert {r.name: r for r in list_working_groups(session, today=TODAY)}["Werkgroep Jeugd"].member_count == 1
    removed = remove_member(session, member.id)
    restore_removed(session, removed)
    assert list_members(session, created.id)[0].role == "voorzitter"
    archived = update_working_group(session, created.id, archived=True)
    assert session.get(WorkingGroup, created.id).archived
    update_working_group(session, created.id, **archived.before)
    removed = delete_working_group(session, created.id)  # only its own members refer to it
    assert session.get(WorkingGroup, created.id) is None
    restore_removed(session, removed)
    assert len(list_members(session, created.id)) == 1


def _pointing_at(session, organisation_id):
    return {
        "attendance": session.scalar(
            select(func.count(Attendance.id)).where(Attendance.organisation_id == organisation_id)
        ),
        "action_item": session.scalar(
            select(func.count(ActionItem.id)).where(ActionItem.trekker_organisation_id == organisation_id)
        ),
        "responsibility": session.scalar(
            select(func.count(Responsibility.id)).where(Responsibility.organisation_id == organisation_id)
        ),
        "person": session.scalar(select(func.count(Person.id)).where(Person.organisation_id == organisation_id)),
        "local_status": session.scalar(
            select(func.count(LocalStatus.id)).where(LocalStatus.organisation_id == organisation_id)
        ),
    }


def test_merge_repoints_everything_in_one_go_and_undoes(demo):
    with demo.session() as session:
        keep = create_organisation(session, name="Veilig Thuis Groningen (VTG)", kind=OrganisationKind.KETENPARTNER)
        duplicate = org(session, "Veilig Thuis (Groningen)")
        before_dup = _pointing_at(session, duplicate.id)
        assert before_dup["attendance"] and before_dup["action_item"] and before_dup["responsibility"]
        preview = merge_preview(session, keep.id, duplicate.id)
        assert dict(preview.moves)["aanwezigheid bij overleggen"] == before_dup["attendance"]
        assert "Veilig Thuis (Groningen)" in preview.aliases_after
        result = merge_organisations(session, keep.id, duplicate.id)
        assert isinstance(result, Removed) and result.changes.network and result.changes.meetings
    with demo.session() as session:
        assert _pointing_at(session, duplicate.id) == dict.fromkeys(before_dup, 0)
        assert _pointing_at(session, keep.id) == before_dup
        merged = session.get(Organisation, duplicate.id)
        assert merged.archived and merged.merged_into_id == keep.id
        assert "Veilig Thuis (Groningen)" in session.get(Organisation, keep.id).aliases
        assert "Veilig Thuis (Groningen)" not in [r.name for r in list_organisations(session)]
        history = [(h.field, h.new, h.reason) for h in field_history(session, "organisation", duplicate.id)]
        assert any(f == "merged_into_id" and new == str(keep.id) and "samengevoegd met" in why for f, new, why in history)
        with pytest.raises(ValidationError, match="al samengevoegd"):
            merge_organisations(session, keep.id, duplicate.id)
    with demo.session() as session:
        undo_merge_organisations(session, result)
    with demo.session() as session:
        assert _pointing_at(session, duplicate.id) == before_dup
        assert _pointing_at(session, keep.id) == dict.fromkeys(before_dup, 0)
        restored = session.get(Organisation, duplicate.id)
        assert not restored.archived and restored.merged_into_id is None
        assert session.get(Organisation, keep.id).aliases == []


def test_merge_of_two_gemeenten_keeps_one_status_per_action(demo):
    with demo.session() as session:
        keep, duplicate = org(session, "Gemeente Pekela"), org(session, "Gemeente Veendam")
        before_keep = _pointing_at(session, keep.id)
        before_dup = _pointing_at(session, duplicate.id)
        preview = merge_preview(session, keep.id, duplicate.id)
        result = merge_organisations(session, keep.id, duplicate.id)
        after = _pointing_at(session, keep.id)
        assert after["attendance"] == before_keep["attendance"] + before_dup["attendance"]
        assert after["local_status"] == before_keep["local_status"] + before_dup["local_status"] - preview.conflicts
        duplicates = session.execute(
            select(LocalStatus.programme_action_id, func.count())
            .where(LocalStatus.organisation_id == keep.id, or_(LocalStatus.programme_action_id.is_not(None)))
            .group_by(LocalStatus.programme_action_id)
            .having(func.count() > 1)
        ).all()
        assert duplicates == []
        undo_merge_organisations(session, result)
        assert _pointing_at(session, duplicate.id) == before_dup
        assert _pointing_at(session, keep.id) == before_keep


def test_merge_refuses_the_same_record(session):
    fill_sample(session)
    gem = org(session, "Gemeente Groningen")
    with pytest.raises(ValidationError, match="twee verschillende"):
        merge_organisations(session, gem.id, gem.id)
