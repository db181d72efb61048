"""Offline capture: what a copy is a copy of, the base of its three-way merge, returns and their conflicts

Revision ID: 0013_offline_sync
Revises: 0012_record_versions
Create Date: 2026-12-03

``offline_copy`` and ``offline_base`` are only filled in an offline copy (``services.offline.take_offline``);
``offline_return`` and ``offline_conflict`` in the database a copy returns to. None of them is in the change log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_offline_sync"
down_revision: str | None = "0012_record_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "offline_copy",
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("source_label", sa.String(length=300), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("meeting_title", sa.String(length=500), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_by", sa.String(length=200), nullable=False),
        sa.Column("source_change_id", _ID, nullable=False),
        sa.Column("copy_change_id", _ID, nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("copy_id", name=op.f("pk_offline_copy")),
    )
    op.create_table(
        "offline_base",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("row_values", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name=op.f("pk_offline_base")),
    )
    op.create_table(
        "offline_return",
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("source_label", sa.String(length=300), nullable=False),
        sa.Column("meeting_title", sa.String(length=500), nullable=False),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("returned_by", sa.String(length=200), nullable=False),
        sa.Column("copy_change_id", _ID, nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("copy_id", name=op.f("pk_offline_return")),
    )
    op.create_table(
        "offline_conflict",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("copy_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("record_label", sa.String(length=500), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("mine_value", sa.JSON(), nullable=True),
        sa.Column("theirs_value", sa.JSON(), nullable=True),
        sa.Column("mine_row", sa.JSON(), nullable=True),
        sa.Column("mine_by", sa.String(length=200), nullable=False),
        sa.Column("mine_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("theirs_by", sa.String(length=200), nullable=False),
        sa.Column("theirs_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_conflict")),
        sa.UniqueConstraint("uid", name=op.f("uq_offline_conflict_uid")),
    )
    op.create_index("ix_offline_conflict_copy_id", "offline_conflict", ["copy_id"], unique=False)
    op.create_index("ix_offline_conflict_open", "offline_conflict", ["resolved_at"], unique=False)
    from ghnt_desktop.services.change_log import install_change_log

    install_change_log(op.get_bind())  # unchanged tables; run so the triggers match the tables present


def downgrade() -> None:
    op.drop_index("ix_offline_conflict_open", table_name="offline_conflict")
    op.drop_index("ix_offline_conflict_copy_id", table_name="offline_conflict")
    op.drop_table("offline_conflict")
    op.drop_table("offline_return")
    op.drop_table("offline_base")
    op.drop_table("offline_copy")
