"""Every trekker organisation of an action item

Revision ID: 0005_action_trekker_organisation
Revises: 0004_confidential_indexes
Create Date: 2026-12-02

``action_trekker_organisation`` links an action item to each organisation its trekker cell names, so filtering on an
organisation finds an action it shares with others. Existing single links stay in ``trekker_organisation_id``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_action_trekker_organisation"
down_revision: str | None = "0004_confidential_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "action_trekker_organisation",
        sa.Column("action_item_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_item_id"], ["action_item.id"],
            name=op.f("fk_action_trekker_organisation_action_item_id_action_item"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"],
            name=op.f("fk_action_trekker_organisation_organisation_id_organisation"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_trekker_organisation")),
        sa.UniqueConstraint("action_item_id", "organisation_id", name="uq_action_trekker_organisation"),
    )  # fmt: skip
    for column in ("action_item_id", "organisation_id"):
        op.create_index(
            op.f(f"ix_action_trekker_organisation_{column}"), "action_trekker_organisation", [column], unique=False
        )


def downgrade() -> None:
    for column in ("action_item_id", "organisation_id"):
        op.drop_index(op.f(f"ix_action_trekker_organisation_{column}"), table_name="action_trekker_organisation")
    op.drop_table("action_trekker_organisation")
