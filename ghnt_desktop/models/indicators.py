"""Indicators of the programme: what is measured, its baseline, targets per year and measurements per period.

Values are ``Decimal`` stored as text (``DecimalText``): figures arrive as written in Dutch ("12,5", "1.620")
and go back out to Excel and into the voortgangsrapportage, so 12,5 must stay 12,5 and never become
12.499999999999998; SQLite has no exact decimal column (SQLAlchemy's ``Numeric`` goes through a float there).
Text in canonical form ("12.5", "1620") keeps the value exact on SQLite and PostgreSQL alike. Nothing sums or
sorts values in SQL, so nothing is lost by not storing a number type.

A period is (year, kind, part): part 0 for a year, 1-2 for a half year, 1-4 for a quarter.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Entity
from .enums import IndicatorDirection, IndicatorLevel, IndicatorUnit, PeriodKind
from .network import Organisation
from .programme import Ambition, Section
from .types import Date, DecimalText, enum_type

indicator_section = Table(
    "indicator_section",
    Base.metadata,
    Column("indicator_id", ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
    Column("section_id", ForeignKey("section.id", ondelete="CASCADE"), primary_key=True),
)

indicator_ambition = Table(
    "indicator_ambition",
    Base.metadata,
    Column("indicator_id", ForeignKey("indicator.id", ondelete="CASCADE"), primary_key=True),
    Column("ambition_id", ForeignKey("ambition.id", ondelete="CASCADE"), primary_key=True),
)

# Part of a period per kind: a year has part 0, a half year 1-2, a quarter 1-4.
_PERIOD_CHECK = (
    "(period_kind = 'year' AND period_part = 0) OR (period_kind = 'half_year' AND period_part BETWEEN 1 AND 2)"
    " OR (period_kind = 'quarter' AND period_part BETWEEN 1 AND 4)"
)


class Indicator(Entity):
    """A figure the programme follows: what it is, how it is counted, where it comes from and which way is good."""

    __tablename__ = "indicator"

    name: Mapped[str] = mapped_column(String(300), unique=True)
    code: Mapped[str] = mapped_column(String(40), default="")  # the region's own short id: "VT-MELD"
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[IndicatorUnit] = mapped_column(enum_type(IndicatorUnit), default=IndicatorUnit.COUNT)
    unit_label: Mapped[str] = mapped_column(String(100), default="")  # as the source says it: "meldingen"
    direction: Mapped[IndicatorDirection] = mapped_column(
        enum_type(IndicatorDirection), default=IndicatorDirection.NEUTRAL
    )
    source: Mapped[str] = mapped_column(String(300), default="")  # "CBS StatLine", "Veilig Thuis Gooi en Vechtstreek"
    source_id: Mapped[str] = mapped_column(String(100), default="")  # "84852NED"
    level: Mapped[IndicatorLevel] = mapped_column(enum_type(IndicatorLevel), default=IndicatorLevel.REGION)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    baseline_value: Mapped[Decimal | None] = mapped_column(DecimalText())
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    baseline_kind: Mapped[PeriodKind] = mapped_column(enum_type(PeriodKind), default=PeriodKind.YEAR)
    baseline_part: Mapped[int] = mapped_column(Integer, default=0)

    sections: Mapped[list[Section]] = relationship(secondary=indicator_section, order_by="Section.position")
    ambitions: Mapped[list[Ambition]] = relationship(secondary=indicator_ambition, order_by="Ambition.position")
    targets: Mapped[list[IndicatorTarget]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorTarget.year"
    )
    measurements: Mapped[list[Measurement]] = relationship(back_populates="indicator", cascade="all, delete-orphan")


class IndicatorTarget(Entity):
    """The streefwaarde of an indicator for one year."""

    __tablename__ = "indicator_target"
    __table_args__ = (UniqueConstraint("indicator_id", "year", name="uq_indicator_target_year"),)

    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(DecimalText())
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship(back_populates="targets")


class Measurement(Entity):
    """A value of an indicator for one period, for the whole area or for one gemeente."""

    __tablename__ = "measurement"
    __table_args__ = (
        CheckConstraint(_PERIOD_CHECK, name="period"),
        # One value per indicator, period and gemeente; NULL gemeente (the whole area) needs its own index because
        # NULLs never collide in a unique index.
        Index(
            "uq_measurement_area",
            "indicator_id", "year", "period_kind", "period_part",
            unique=True,
            sqlite_where=text("organisation_id IS NULL"),
            postgresql_where=text("organisation_id IS NULL"),
        ),
        Index(
            "uq_measurement_municipality",
            "indicator_id", "organisation_id", "year", "period_kind", "period_part",
            unique=True,
            sqlite_where=text("organisation_id IS NOT NULL"),
            postgresql_where=text("organisation_id IS NOT NULL"),
        ),
    )  # fmt: skip

    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    period_kind: Mapped[PeriodKind] = mapped_column(enum_type(PeriodKind), default=PeriodKind.YEAR)
    period_part: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[Decimal | None] = mapped_column(DecimalText())  # None when unknown
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)  # voorlopig (StatLine "*")
    unknown: Mapped[bool] = mapped_column(Boolean, default=False)  # onbekend of geheim (StatLine ".")
    note: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date | None] = mapped_column(Date)

    indicator: Mapped[Indicator] = relationship(back_populates="measurements")
    organisation: Mapped[Organisation | None] = relationship()
