"""A version on every record, for concurrent editing on a team database

Revision ID: 0012_record_versions
Revises: 0011_change_log
Create Date: 2026-12-03

``row_version`` (1 for every existing row) is SQLAlchemy's ``version_id_col`` of every ``Entity`` table: each
ORM update raises it, and a service refuses to save over a version newer than the one the user saw
(``services.versions``). ``ALTER TABLE ... ADD COLUMN ... NOT NULL DEFAULT 1`` works in place on both SQLite and
PostgreSQL (no table copy).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_record_versions"
down_revision: str | None = "0011_change_log"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table of an ``Entity`` model at this revision (frozen here: later models add their own column).
TABLES = (
    "action_item", "action_trekker_organisation", "agenda_item", "ambition", "attendance", "carried_action",
    "change_record", "decision", "indicator", "indicator_target", "local_status", "measurement", "meeting",
    "meeting_series", "organisation", "person", "programme", "programme_action", "progress_report",
    "progress_update", "responsibility", "section", "series_invitee", "stored_document", "tag", "tag_kind",
    "working_group", "working_group_member",
)  # fmt: skip


def upgrade() -> None:
    from ghnt_desktop.services.change_log import install_change_log

    for table in TABLES:
        op.add_column(table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))
    install_change_log(op.get_bind())  # the triggers know every table's columns (row_version itself is not logged)


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy would drop and recreate tables others refer to.
    from ghnt_desktop.services.change_log import install_change_log

    for table in TABLES:
        op.drop_column(table, "row_version")
    install_change_log(op.get_bind())
