"""Tag kinds and tags per programme, linked many-to-many with programme actions

Revision ID: 0009_programme_tags
Revises: 0008_indicators
Create Date: 2026-12-03

A region tags its actions by dimensions beyond the tree of actielijnen (seed 003: processtappen and
doelgroepen). ``tag_kind`` and ``tag`` belong to one programme; ``programme_action_tag`` links actions to tags.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_programme_tags"
down_revision: str | None = "0008_indicators"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tag_kind",
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_tag_kind_programme_id_programme"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_kind")),
        sa.UniqueConstraint("programme_id", "name", name="uq_tag_kind_programme_name"),
    )  # fmt: skip
    op.create_index(op.f("ix_tag_kind_programme_id"), "tag_kind", ["programme_id"], unique=False)
    op.create_table(
        "tag",
        sa.Column("kind_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["kind_id"], ["tag_kind.id"], name=op.f("fk_tag_kind_id_tag_kind"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("kind_id", "name", name="uq_tag_kind_name"),
    )  # fmt: skip
    op.create_index(op.f("ix_tag_kind_id"), "tag", ["kind_id"], unique=False)
    op.create_table(
        "programme_action_tag",
        sa.Column("programme_action_id", sa.Uuid(), nullable=False),
        sa.Column("tag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_action_id"], ["programme_action.id"],
            name=op.f("fk_programme_action_tag_programme_action_id_programme_action"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_programme_action_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("programme_action_id", "tag_id", name=op.f("pk_programme_action_tag")),
    )  # fmt: skip
    op.create_index(op.f("ix_programme_action_tag_tag_id"), "programme_action_tag", ["tag_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_programme_action_tag_tag_id"), table_name="programme_action_tag")
    op.drop_table("programme_action_tag")
    op.drop_index(op.f("ix_tag_kind_id"), table_name="tag")
    op.drop_table("tag")
    op.drop_index(op.f("ix_tag_kind_programme_id"), table_name="tag_kind")
    op.drop_table("tag_kind")
