"""Test data for the meeting services, built with the ORM models (organisations from the seeds, invented people).

Imported by the other ``test_meetings_*`` files; it holds no tests itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy.orm import Session

from ghnt_desktop.models import (
    ActionStatus,
    Ambition,
    MeetingKind,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    Section,
)
from ghnt_desktop.services import meetings


@dataclass
class World:
    """Ids of the records a meeting test works with."""

    org: dict[str, uuid.UUID]
    person: dict[str, uuid.UUID]
    programme_actions: dict[str, uuid.UUID]
    ao_series: uuid.UUID
    bo_series: uuid.UUID


def build_world(session: Session) -> World:
    orgs = {
        "groningen": Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE),
        "vt": Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER),
        "politie": Organisation(name="Politie Noord-Nederland", kind=OrganisationKind.POLITIE_JUSTITIE),
        "ggd": Organisation(name="GGD Groningen", kind=OrganisationKind.ZORG),
        "veendam": Organisation(name="Gemeente Veendam", kind=OrganisationKind.GEMEENTE),
    }
    session.add_all(orgs.values())
    session.flush()
    people = {
        "anna": Person(name="Anna de Vries", organisation_id=orgs["groningen"].id, email="a.devries@example.nl"),
        "bram": Person(name="Bram Jansen", organisation_id=orgs["groningen"].id, email="b.jansen@example.nl"),
        "carla": Person(name="Carla Smit", organisation_id=orgs["vt"].id, email="c.smit@example.nl"),
        "daan": Person(name="Daan Bakker", organisation_id=orgs["politie"].id),  # no e-mail known
        "eva": Person(name="Eva Mulder", organisation_id=orgs["ggd"].id, email="e.mulder@example.nl"),
        "fleur": Person(name="Fleur Visser", organisation_id=orgs["veendam"].id, email="f.visser@example.nl"),
        "gijs": Person(name="Gijs Bos", organisation_id=orgs["politie"].id),
    }
    session.add_all(people.values())
    programme = Programme(region="Groningen", title="Regionaal actieprogramma GHNT", period_start=2019, period_end=2021)
    session.add(programme)
    session.flush()
    section = Section(programme_id=programme.id, title="Eerder en beter in beeld", national_line=1)
    session.add(section)
    session.flush()
    ambition = Ambition(section_id=section.id, code="1.1", text="Signalen eerder herkennen")
    session.add(ambition)
    session.flush()
    actions = {
        "1.1.1": ProgrammeAction(ambition_id=ambition.id, code="1.1.1", text="Werkgroep formeren", position=0),
        "1.1.2": ProgrammeAction(
            ambition_id=ambition.id,
            code="1.1.2",
            text="Scholing aandachtsfunctionarissen",
            position=1,
            status=ActionStatus.IN_PROGRESS,
        ),
        "1.1.3": ProgrammeAction(
            ambition_id=ambition.id, code="1.1.3", text="Kaart sociale kaart", position=2, status=ActionStatus.DONE
        ),
    }
    session.add_all(actions.values())
    session.flush()
    bo = meetings.create_series(
        session, name="Bestuurlijk OGOO", code="BO", kind=MeetingKind.BESTUURLIJK, meetings_per_year=4
    ).id
    ao = meetings.create_series(
        session,
        name="Afstemmingsoverleg GHNT",
        code="AO",
        kind=MeetingKind.AFSTEMMINGSOVERLEG,
        meetings_per_year=4,
        default_start=time(13, 30),
        default_end=time(15, 30),
        default_location="Stadhuis Groningen",
        chair_id=people["anna"].id,
        secretary_id=people["bram"].id,
        escalates_to_id=bo,
        invitee_person_ids=[people["carla"].id, people["daan"].id, people["eva"].id, people["fleur"].id],
    ).id
    return World(
        org={k: v.id for k, v in orgs.items()},
        person={k: v.id for k, v in people.items()},
        programme_actions={k: v.id for k, v in actions.items()},
        ao_series=ao,
        bo_series=bo,
    )


def new_meeting(session: Session, series_id: uuid.UUID, on: date, *content: str) -> uuid.UUID:
    """Create a meeting of a series on a date with the series' defaults."""
    from dataclasses import replace

    draft = meetings.propose_next_meeting(session, series_id, today=date(1990, 1, 1))
    return meetings.create_meeting(session, replace(draft, date=on), content_items=content).id
