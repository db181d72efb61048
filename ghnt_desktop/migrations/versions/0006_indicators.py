"""Indicators: baseline, targets per year and measurements per period and gemeente

Revision ID: 0006_indicators
Revises: 0005_action_trekker_organisation
Create Date: 2026-12-03

``indicator`` holds what is measured (unit, direction, source, level, vertrouwelijk) and its baseline;
``indicator_target`` a streefwaarde per year; ``measurement`` a value per period (year, half year, quarter) for the
whole area or one gemeente, with the voorlopig and onbekend marks StatLine uses. Values are exact decimals stored as
text (see ``models/indicators.py``). ``indicator_section`` and ``indicator_ambition`` link an indicator to the
actielijnen and ambities it measures.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_indicators"
down_revision: str | None = "0005_action_trekker_organisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERIOD_CHECK = (
    "(period_kind = 'year' AND period_part = 0) OR (period_kind = 'half_year' AND period_part BETWEEN 1 AND 2)"
    " OR (period_kind = 'quarter' AND period_part BETWEEN 1 AND 4)"
)


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "indicator",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("unit_label", sa.String(length=100), nullable=False),
        sa.Column("direction", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("baseline_value", sa.String(length=40), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("baseline_kind", sa.String(length=32), nullable=False),
        sa.Column("baseline_part", sa.Integer(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("name", name=op.f("uq_indicator_name")),
    )
    op.create_table(
        "indicator_target",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"],
            name=op.f("fk_indicator_target_indicator_id_indicator"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_target")),
        sa.UniqueConstraint("indicator_id", "year", name="uq_indicator_target_year"),
    )  # fmt: skip
    op.create_index(op.f("ix_indicator_target_indicator_id"), "indicator_target", ["indicator_id"], unique=False)
    op.create_table(
        "measurement",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_kind", sa.String(length=32), nullable=False),
        sa.Column("period_part", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=True),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("unknown", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        *_stamps(),
        sa.CheckConstraint(PERIOD_CHECK, name=op.f("ck_measurement_period")),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"],
            name=op.f("fk_measurement_indicator_id_indicator"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"],
            name=op.f("fk_measurement_organisation_id_organisation"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
    )  # fmt: skip
    op.create_index(op.f("ix_measurement_indicator_id"), "measurement", ["indicator_id"], unique=False)
    op.create_index(op.f("ix_measurement_organisation_id"), "measurement", ["organisation_id"], unique=False)
    # NULLs never collide in a unique index: the whole-area values get their own partial index.
    op.create_index(
        "uq_measurement_area", "measurement", ["indicator_id", "year", "period_kind", "period_part"], unique=True,
        sqlite_where=sa.text("organisation_id IS NULL"), postgresql_where=sa.text("organisation_id IS NULL"),
    )  # fmt: skip
    op.create_index(
        "uq_measurement_municipality", "measurement",
        ["indicator_id", "organisation_id", "year", "period_kind", "period_part"], unique=True,
        sqlite_where=sa.text("organisation_id IS NOT NULL"), postgresql_where=sa.text("organisation_id IS NOT NULL"),
    )  # fmt: skip
    for table, other in (("indicator_section", "section"), ("indicator_ambition", "ambition")):
        op.create_table(
            table,
            sa.Column("indicator_id", sa.Uuid(), nullable=False),
            sa.Column(f"{other}_id", sa.Uuid(), nullable=False),
            sa.ForeignKeyConstraint(
                ["indicator_id"], ["indicator.id"], name=op.f(f"fk_{table}_indicator_id_indicator"), ondelete="CASCADE"
            ),
            sa.ForeignKeyConstraint(
                [f"{other}_id"], [f"{other}.id"], name=op.f(f"fk_{table}_{other}_id_{other}"), ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint("indicator_id", f"{other}_id", name=op.f(f"pk_{table}")),
        )


def downgrade() -> None:
    op.drop_table("indicator_ambition")
    op.drop_table("indicator_section")
    op.drop_index("uq_measurement_municipality", table_name="measurement")
    op.drop_index("uq_measurement_area", table_name="measurement")
    op.drop_index(op.f("ix_measurement_organisation_id"), table_name="measurement")
    op.drop_index(op.f("ix_measurement_indicator_id"), table_name="measurement")
    op.drop_table("measurement")
    op.drop_index(op.f("ix_indicator_target_indicator_id"), table_name="indicator_target")
    op.drop_table("indicator_target")
    op.drop_table("indicator")
