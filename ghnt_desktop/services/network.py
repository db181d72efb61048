"""The network as lists show it: organisations, their people and the working groups.

Every list is one query over columns (no ORM entities), with counts done in SQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import Organisation, OrganisationKind, Person, Section, WorkingGroup, WorkingGroupMember


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation with the number of people recorded for it."""

    id: uuid.UUID
    name: str
    kind: OrganisationKind
    abbreviation: str
    people_count: int
    archived: bool


@dataclass(frozen=True)
class PersonRow:
    """A person of the network with the organisation, the period active and the successor."""

    id: uuid.UUID
    name: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    function: str
    email: str
    phone: str
    active_from: date | None
    active_until: date | None
    successor_id: uuid.UUID | None
    successor_name: str
    archived: bool

    def is_active(self, today: date) -> bool:
        """Active on ``today``: not archived and within the period (open ends count as active)."""
        if self.archived:
            return False
        if self.active_from is not None and self.active_from > today:
            return False
        return self.active_until is None or self.active_until >= today


@dataclass(frozen=True)
class WorkingGroupRow:
    """A werkgroep with its theme, actielijn, chair and current number of members."""

    id: uuid.UUID
    name: str
    theme: str
    section_title: str
    chair_name: str
    member_count: int
    archived: bool


def list_organisations(session: Session, *, include_archived: bool = True) -> list[OrganisationRow]:
    """Organisations by name (merged ones left out), with the number of people of each."""
    people = (
        select(Person.organisation_id, func.count(Person.id).label("n")).group_by(Person.organisation_id).subquery()
    )
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.kind,
            func.coalesce(Organisation.abbreviation, ""),
            func.coalesce(people.c.n, 0),
            Organisation.archived,
        )
        .outerjoin(people, people.c.organisation_id == Organisation.id)
        .where(Organisation.merged_into_id.is_(None))
        .order_by(func.lower(Organisation.name))
    )
    if not include_archived:
        query = query.where(Organisation.archived.is_(False))
    return [OrganisationRow(*row) for row in session.execute(query)]


def list_people(
    session: Session, *, organisation_id: uuid.UUID | None = None, include_archived: bool = True
) -> list[PersonRow]:
    """People by name, optionally of one organisation."""
    successor = aliased(Person)
    query = (
        select(
            Person.id,
            Person.name,
            Person.organisation_id,
            func.coalesce(Organisation.name, ""),
            Person.function,
            Person.email,
            Person.phone,
            Person.active_from,
            Person.active_until,
            Person.successor_id,
            func.coalesce(successor.name, ""),
            Person.archived,
        )
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .outerjoin(successor, Person.successor_id == successor.id)
        .order_by(func.lower(Person.name))
    )
    if organisation_id is not None:
        query = query.where(Person.organisation_id == organisation_id)
    if not include_archived:
        query = query.where(Person.archived.is_(False))
    return [PersonRow(*row) for row in session.execute(query)]


def list_working_groups(session: Session, *, today: date | None = None) -> list[WorkingGroupRow]:
    """Working groups by name; ``member_count`` counts memberships not ended before ``today``."""
    today = today or date.today()
    chair = aliased(Person)
    members = (
        select(WorkingGroupMember.working_group_id, func.count(WorkingGroupMember.id).label("n"))
        .where(
            or_(WorkingGroupMember.end.is_(None), WorkingGroupMember.end >= today),
            or_(WorkingGroupMember.start.is_(None), WorkingGroupMember.start <= today),
        )
        .group_by(WorkingGroupMember.working_group_id)
        .subquery()
    )
    query = (
        select(
            WorkingGroup.id,
            WorkingGroup.name,
            WorkingGroup.theme,
            func.coalesce(Section.title, ""),
            func.coalesce(chair.name, ""),
            func.coalesce(members.c.n, 0),
            WorkingGroup.archived,
        )
        .outerjoin(Section, WorkingGroup.section_id == Section.id)
        .outerjoin(chair, WorkingGroup.chair_id == chair.id)
        .outerjoin(members, members.c.working_group_id == WorkingGroup.id)
        .order_by(func.lower(WorkingGroup.name))
    )
    return [WorkingGroupRow(*row) for row in session.execute(query)]
