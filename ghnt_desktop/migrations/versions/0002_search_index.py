"""Full-text search index over minutes, decisions, actions, progress notes and the programme

Revision ID: 0002_search_index
Revises: 0001_initial
Create Date: 2026-11-22

An FTS5 table fed by triggers (see ``ghnt_desktop.services.search``).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search_index"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from ghnt_desktop.services.search import install_index

    install_index(op.get_bind())


def downgrade() -> None:
    from ghnt_desktop.services.search import uninstall_index

    uninstall_index(op.get_bind())
