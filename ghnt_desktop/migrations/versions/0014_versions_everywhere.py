"""The change log keeps why a change was made: the one audit source

Revision ID: 0014_versions_everywhere
Revises: 0013_offline_sync
Create Date: 2026-12-03

The app wrote its own per-field history (``change_record``) beside the change log the triggers write; from this
version only the log is written. What the old history had that the log lacked is the reason (reopening a
vastgesteld verslag, merging organisations, a trekker's successor): the log gets a ``reason`` column, filled from what
the app sets for its transaction (``services.change_log.note_reason``). The triggers are installed again to write it.
Existing ``change_record`` rows stay and are still shown for changes from before the log.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_versions_everywhere"
down_revision: str | None = "0013_offline_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from ghnt_desktop.services.change_log import install_change_log

    op.add_column("change_log", sa.Column("reason", sa.Text(), nullable=True))
    install_change_log(op.get_bind())


def downgrade() -> None:
    from ghnt_desktop.services.change_log import install_change_log

    op.drop_column("change_log", "reason")
    install_change_log(op.get_bind())
