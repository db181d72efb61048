"""The network read service: organisations with people counts, people with successors, working groups."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from test_ui_sample_data import TODAY, fill_sample

from ghnt_desktop.models import Organisation, Person
from ghnt_desktop.services.network import list_organisations, list_people, list_working_groups


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
