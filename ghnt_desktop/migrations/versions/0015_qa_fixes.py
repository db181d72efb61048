"""Indicators in search: their name, code, definition and source in the search index

Revision ID: 0015_qa_fixes
Revises: 0014_versions_everywhere
Create Date: 2026-12-03

Rebuilds the search index of ``services.search`` with its ninth kind of record, the indicator (no table changes).
Downgrading rebuilds it without the indicators.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_qa_fixes"
down_revision: str | None = "0014_versions_everywhere"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from ghnt_desktop.services.search import install_index

    install_index(op.get_bind())


def downgrade() -> None:
    from ghnt_desktop.services import search

    connection = op.get_bind()
    without = tuple(source for source in search.SOURCES if source[1] != "indicator")
    search._engine(connection).install(connection, without, search.stems_of)
