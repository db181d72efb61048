"""Stukken stored with an agenda item; programme actions outside the adopted programme table

Revision ID: 0010_stored_documents
Revises: 0009_programme_tags
Create Date: 2026-12-03

``stored_document`` keeps a stuk (a PDF, a Word file) of an agenda item inside the database, with its SHA-256
checksum and size, so backups, a shared database and offline copies carry it. Linked stukken stay in
``agenda_item.documents``.

``programme_action.in_programme_table`` tells the actions of the programme table as adopted (true, also for
every action that existed before) from actions taken from the body text or added later, which the
programme table leaves out.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_stored_documents"
down_revision: str | None = "0009_programme_tags"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_document",
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"], ["agenda_item.id"],
            name=op.f("fk_stored_document_agenda_item_id_agenda_item"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_document")),
    )  # fmt: skip
    op.create_index(op.f("ix_stored_document_agenda_item_id"), "stored_document", ["agenda_item_id"], unique=False)
    with op.batch_alter_table("programme_action") as batch_op:
        batch_op.add_column(sa.Column("in_programme_table", sa.Boolean(), nullable=False, server_default="1"))


def downgrade() -> None:
    # SQLite drops a plain column in place (3.35+); a batch copy would drop programme_action, which other tables'
    # foreign keys refer to.
    op.execute("ALTER TABLE programme_action DROP COLUMN in_programme_table")
    op.drop_index(op.f("ix_stored_document_agenda_item_id"), table_name="stored_document")
    op.drop_table("stored_document")
