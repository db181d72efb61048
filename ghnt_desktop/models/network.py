"""Organisations, people and working groups of the network."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Entity
from .enums import OrganisationKind
from .types import Date, enum_type


class Organisation(Entity):
    """A municipality, ketenpartner or other body that takes part in the network."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[OrganisationKind] = mapped_column(enum_type(OrganisationKind), default=OrganisationKind.OTHER)
    abbreviation: Mapped[str | None] = mapped_column(String(40))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when two records turned out to be the same organisation; the merged one stays for history.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))

    people: Mapped[list[Person]] = relationship(back_populates="organisation", foreign_keys="Person.organisation_id")


class Person(Entity):
    """A professional in the network (invented in demo data: never client data)."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    function: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    active_from: Mapped[date | None] = mapped_column(Date)
    active_until: Mapped[date | None] = mapped_column(Date)
    # The person who took over this seat, so a seat keeps its history when staff change.
    successor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    organisation: Mapped[Organisation | None] = relationship(back_populates="people", foreign_keys=[organisation_id])
    successor: Mapped[Person | None] = relationship(remote_side="Person.id", foreign_keys=[successor_id])


class WorkingGroup(Entity):
    """A werkgroep formed around a theme of the programme."""

    __tablename__ = "working_group"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    section_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"))
    theme: Mapped[str] = mapped_column(String(300), default="")
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    members: Mapped[list[WorkingGroupMember]] = relationship(
        back_populates="working_group", cascade="all, delete-orphan", order_by="WorkingGroupMember.start"
    )
    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])


class WorkingGroupMember(Entity):
    """Membership of a person (for an organisation) in a working group over a period."""

    __tablename__ = "working_group_member"

    working_group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("working_group.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(100), default="lid")
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)

    working_group: Mapped[WorkingGroup] = relationship(back_populates="members")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
