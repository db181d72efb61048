"""The regional action programme: sections, ambities, programme actions and responsibilities."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity
from .enums import ActionStatus, ProgrammeStatus, ResponsibilityRole, SectionKind
from .network import Organisation, Person, WorkingGroup
from .types import Date, enum_type


class Programme(Entity):
    """A regional actieprogramma or regiovisie for a period."""

    __tablename__ = "programme"

    region: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ProgrammeStatus] = mapped_column(enum_type(ProgrammeStatus), default=ProgrammeStatus.ACTIVE)
    description: Mapped[str] = mapped_column(Text, default="")

    sections: Mapped[list[Section]] = relationship(back_populates="programme", order_by="Section.position")
    tag_kinds: Mapped[list[TagKind]] = relationship(
        back_populates="programme", order_by="TagKind.position", cascade="all, delete-orphan"
    )


class Section(Entity):
    """An ordered part of a programme: a national actielijn, a region's own line, a speerpunt, "Visie"..."""

    __tablename__ = "section"

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[SectionKind] = mapped_column(enum_type(SectionKind), default=SectionKind.ACTIELIJN)
    national_line: Mapped[int | None] = mapped_column(Integer)  # 1-3 for the national actielijnen
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(back_populates="sections")
    ambitions: Mapped[list[Ambition]] = relationship(back_populates="section", order_by="Ambition.position")


class Ambition(Entity):
    """An ambitie of a section, with its paragraph reference; responsibility is written per ambition."""

    __tablename__ = "ambition"

    section_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("section.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text)
    sub_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    paragraph: Mapped[str] = mapped_column(String(20), default="")  # "3.1"
    reference: Mapped[str] = mapped_column(String(200), default="")  # "Zie paragraaf 3.1, blz. 25"
    position: Mapped[int] = mapped_column(Integer, default=0)

    section: Mapped[Section] = relationship(back_populates="ambitions")
    actions: Mapped[list[ProgrammeAction]] = relationship(
        back_populates="ambition", order_by="ProgrammeAction.position"
    )
    responsibilities: Mapped[list[Responsibility]] = relationship(
        back_populates="ambition",
        order_by="Responsibility.position",
        cascade="all, delete-orphan",
        foreign_keys="Responsibility.ambition_id",
    )


class ProgrammeAction(Entity):
    """An actie of the programme; inherits its ambition's responsibility unless it overrides it."""

    __tablename__ = "programme_action"

    ambition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ambition.id", ondelete="RESTRICT"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("programme_action.id", ondelete="RESTRICT"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(60), default="actie")  # as the source calls it
    position: Mapped[int] = mapped_column(Integer, default=0)
    overrides_responsibility: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_text: Mapped[str] = mapped_column(String(200), default="")  # as written
    deadline_start: Mapped[date | None] = mapped_column(Date)  # first day of the parsed start month
    deadline_end: Mapped[date | None] = mapped_column(Date, index=True)  # last day of the parsed end month
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.NOT_STARTED, index=True
    )
    working_group_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("working_group.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # True for an action of the programme table as adopted; false for one taken from the body text or added
    # later, which the programme table leaves out (it still counts everywhere else).
    in_programme_table: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")

    ambition: Mapped[Ambition] = relationship(back_populates="actions")
    parent: Mapped[ProgrammeAction | None] = relationship(remote_side="ProgrammeAction.id", back_populates="children")
    children: Mapped[list[ProgrammeAction]] = relationship(back_populates="parent", order_by="ProgrammeAction.position")
    working_group: Mapped[WorkingGroup | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="programme_action_tag", order_by="Tag.position")
    own_responsibilities: Mapped[list[Responsibility]] = relationship(
        back_populates="programme_action",
        order_by="Responsibility.position",
        cascade="all, delete-orphan",
        foreign_keys="Responsibility.programme_action_id",
    )

    @property
    def responsibilities(self) -> list[Responsibility]:
        """The responsibility in force: the action's own when it overrides, else its ambition's."""
        return self.own_responsibilities if self.overrides_responsibility else self.ambition.responsibilities


class Responsibility(Entity):
    """A verantwoordelijke partij or trekker of an ambition or of one action that overrides it.

    ``label`` keeps the text as written ("Alle gemeenten", "Projectleider GHNT"); organisation or person
    is filled where the label names one, so a role like "Projectleider GHNT" needs neither.
    """

    __tablename__ = "responsibility"
    __table_args__ = (
        CheckConstraint(
            "(ambition_id IS NULL) != (programme_action_id IS NULL)", name="one_owner"
        ),
    )

    ambition_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ambition.id", ondelete="CASCADE"), index=True)
    programme_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("programme_action.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ResponsibilityRole] = mapped_column(enum_type(ResponsibilityRole))
    label: Mapped[str] = mapped_column(String(300))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    ambition: Mapped[Ambition | None] = relationship(back_populates="responsibilities", foreign_keys=[ambition_id])
    programme_action: Mapped[ProgrammeAction | None] = relationship(
        back_populates="own_responsibilities", foreign_keys=[programme_action_id]
    )
    organisation: Mapped[Organisation | None] = relationship()
    person: Mapped[Person | None] = relationship()


# Dimensions beyond the tree (seed 003: processtappen and doelgroepen): kinds of tags a programme defines,
# their tags, and which actions carry which tag. Tags belong to one programme, so a next period's
# programme can keep, rename or drop them without touching the old one.
programme_action_tag = Table(
    "programme_action_tag",
    Base.metadata,
    Column("programme_action_id", ForeignKey("programme_action.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class TagKind(Entity):
    """A dimension the region tags its actions by: "Processtap", "Doelgroep"."""

    __tablename__ = "tag_kind"
    __table_args__ = (UniqueConstraint("programme_id", "name", name="uq_tag_kind_programme_name"),)

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship(back_populates="tag_kinds")
    tags: Mapped[list[Tag]] = relationship(
        back_populates="kind", order_by="Tag.position", cascade="all, delete-orphan"
    )


class Tag(Entity):
    """One value of a tag kind: "Signaleren", "Ouderen"."""

    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("kind_id", "name", name="uq_tag_kind_name"),)

    kind_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tag_kind.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    kind: Mapped[TagKind] = relationship(back_populates="tags")
