"""Postponements per meeting and carried actions without an empty progress row

Revision ID: 0003_meeting_record
Revises: 0002_search_index
Create Date: 2026-12-02

- ``progress_update.postponed``: the row counts as one postponement (at most one per meeting). Filled for
  existing rows from their deadlines (new later than previous).
- ``carried_action``: an action of an earlier meeting put on a meeting's actielijst. Filled from the review
  rows the carry-forward wrote before; those rows stay as they are (nothing recorded is removed).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_meeting_record"
down_revision: str | None = "0002_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("progress_update", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("postponed", sa.Boolean(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE progress_update SET postponed = TRUE "
        "WHERE previous_deadline IS NOT NULL AND new_deadline IS NOT NULL AND new_deadline > previous_deadline"
    )
    op.create_table(
        "carried_action",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("action_item_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_item.id"],
            name=op.f("fk_carried_action_action_item_id_action_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_carried_action_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_carried_action_meeting_id_meeting"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_action")),
        sa.UniqueConstraint("meeting_id", "action_item_id", name="uq_carried_action"),
    )
    with op.batch_alter_table("carried_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carried_action_action_item_id"), ["action_item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_carried_action_meeting_id"), ["meeting_id"], unique=False)
    # Every action reviewed at a meeting it was not made at was carried there.
    # Portable SQL (SQLite and PostgreSQL): ON CONFLICT DO NOTHING is SQLite's INSERT OR IGNORE for the unique pair;
    # the engine says how to make a new id.
    from ghnt_desktop.engines import engine_of

    new_id = engine_of(op.get_bind()).random_uuid_sql()
    op.execute(
        "INSERT INTO carried_action (id, meeting_id, action_item_id, agenda_item_id, created_at, updated_at) "
        f"SELECT {new_id}, u.meeting_id, u.action_item_id, "
        "(SELECT i.id FROM agenda_item i WHERE i.meeting_id = u.meeting_id AND i.standard_item = 'previous_minutes'"
        " LIMIT 1), u.created_at, u.updated_at "
        "FROM progress_update u JOIN action_item a ON a.id = u.action_item_id "
        "WHERE u.meeting_id IS NOT NULL AND (a.origin_meeting_id IS NULL OR a.origin_meeting_id != u.meeting_id) "
        "ON CONFLICT DO NOTHING"
    )


def downgrade() -> None:
    with op.batch_alter_table("carried_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carried_action_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_carried_action_action_item_id"))
    op.drop_table("carried_action")
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.drop_column("postponed")
