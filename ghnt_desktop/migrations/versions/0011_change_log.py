"""The change log: every insert, update and delete of the app's tables, written by triggers

Revision ID: 0011_change_log
Revises: 0010_stored_documents
Create Date: 2026-12-03

``change_log`` holds one row per changed record (table, key, the changed fields old and new as JSON, who, when,
the transaction), written by triggers on both engines (``services.change_log``), so a write by another program
on the server is logged too, and offline capture can ask for the changes after a log id. ``change_context`` is
where the app tells SQLite's triggers who is writing; it is empty outside a transaction. ``team_login`` ties a
login of a team database to a person (``server user add``), for the partner role's "own actions".
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_change_log"
down_revision: str | None = "0010_stored_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("operation", sa.String(length=1), nullable=False),
        sa.Column("old_values", sa.JSON(), nullable=True),
        sa.Column("new_values", sa.JSON(), nullable=True),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_index("ix_change_log_record", "change_log", ["table_name", "record_id"], unique=False)
    op.create_table(
        "change_context",
        sa.Column("key", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_change_context")),
    )
    op.create_table(
        "team_login",
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_team_login_person_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_team_login")),
    )
    from ghnt_desktop.services.change_log import install_change_log

    install_change_log(op.get_bind())


def downgrade() -> None:
    from ghnt_desktop.services.change_log import uninstall_change_log

    uninstall_change_log(op.get_bind())
    op.drop_table("team_login")
    op.drop_table("change_context")
    op.drop_index("ix_change_log_record", table_name="change_log")
    op.drop_table("change_log")
