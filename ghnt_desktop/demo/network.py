"""Invented people of the demo and the working groups they sit in, over periods."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import Person, WorkingGroup, WorkingGroupMember
from .ids import stable_id
from .programme import OrganisationIndex, ProgrammeData
from .texts import PEOPLE, WORKING_GROUPS, DemoPerson, DemoWorkingGroup

# The Veilig Thuis manager left this many days before today; the successor started the day after.
LEFT_DAYS_AGO = 150
# A werkgroep seat that changed without anyone leaving their organisation changed this long ago.
SEAT_CHANGE_DAYS_AGO = 200


def email_for(name: str) -> str:
    """``m.dijkhuis@example.nl`` from "Marloes Dijkhuis" (surname prefixes joined, accents dropped)."""
    first, *rest = name.split(" ")
    ascii_name = unicodedata.normalize("NFKD", "".join(rest).replace("ı", "i")).encode("ascii", "ignore").decode()
    return f"{first[0].lower()}.{ascii_name.lower().replace('-', '')}@example.nl"


@dataclass
class Membership:
    person_key: str
    role: str
    start: date
    end: date | None


@dataclass
class NetworkData:
    """People by key, werkgroepen by code and who sat where when."""

    people: list[Person]
    person: dict[str, Person]
    spec: dict[str, DemoPerson]
    predecessor: dict[str, str]
    groups: list[WorkingGroup]
    group_by_code: dict[str, WorkingGroup]
    group_spec: dict[str, DemoWorkingGroup]
    memberships: dict[str, list[Membership]]
    members: list[WorkingGroupMember] = field(default_factory=list)

    def seat_holder(self, key: str, on: date) -> str:
        """Who held ``key``'s seat on a date: the predecessor before the successor started."""
        person = self.person[key]
        while key in self.predecessor and person.active_from and on < person.active_from:
            key = self.predecessor[key]
            person = self.person[key]
        return key

    def members_on(self, code: str, on: date) -> list[Membership]:
        return [m for m in self.memberships[code] if m.start <= on and (m.end is None or on <= m.end)]


def build_network(index: OrganisationIndex, programme: ProgrammeData, today: date) -> NetworkData:
    """People, werkgroepen and memberships; links the werkgroepen's programme actions to them."""
    left_on = today - timedelta(days=LEFT_DAYS_AGO)
    spec = {p.key: p for p in PEOPLE}
    predecessor = {p.successor: p.key for p in PEOPLE if p.successor}
    people: list[Person] = []
    person: dict[str, Person] = {}
    # Successors first: the one who left refers to them.
    for p in sorted(PEOPLE, key=lambda p: p.successor is not None):
        record = Person(
            id=stable_id("person", p.key),
            name=p.name,
            organisation_id=index.by_name[p.organisation].id,
            function=p.function,
            email=email_for(p.name),
        )
        if p.successor:
            record.active_until = left_on
            record.successor_id = person[p.successor].id
            record.archived = True
        if p.key in predecessor:
            record.active_from = left_on + timedelta(days=1)
        people.append(record)
        person[p.key] = record

    started = date(today.year - 2, today.month, 1)
    groups: list[WorkingGroup] = []
    members: list[WorkingGroupMember] = []
    memberships: dict[str, list[Membership]] = {}
    for wg in WORKING_GROUPS:
        group = WorkingGroup(
            id=stable_id("working_group", wg.code),
            name=wg.name,
            section_id=programme.section_by_code[wg.section].id,
            theme=wg.theme,
            chair_id=person[wg.chair].id,
            description=wg.description,
        )
        groups.append(group)
        seats = [Membership(wg.chair, "voorzitter", started, None)]
        seats += [Membership(key, "lid", started, None) for key in wg.members]
        if wg.change:
            gone, joined = wg.change
            changed_on = person[gone].active_until or today - timedelta(days=SEAT_CHANGE_DAYS_AGO)
            for seat in seats:
                if seat.person_key == gone:
                    seat.end = changed_on
            seats.append(Membership(joined, "lid", changed_on + timedelta(days=1), None))
        memberships[wg.code] = seats
        for position, seat in enumerate(seats):
            members.append(
                WorkingGroupMember(
                    id=stable_id("working_group_member", wg.code, position),
                    working_group_id=group.id,
                    person_id=person[seat.person_key].id,
                    organisation_id=person[seat.person_key].organisation_id,
                    role=seat.role,
                    start=seat.start,
                    end=seat.end,
                )
            )
        ambition_ids = {programme.ambition_by_code[code].id for code in wg.ambitions}
        for action in programme.actions:
            if action.ambition_id in ambition_ids:
                action.working_group_id = group.id

    return NetworkData(
        people=people,
        person=person,
        spec=spec,
        predecessor=predecessor,
        groups=groups,
        group_by_code={wg.code: g for wg, g in zip(WORKING_GROUPS, groups, strict=True)},
        group_spec={wg.code: wg for wg in WORKING_GROUPS},
        memberships=memberships,
        members=members,
    )
