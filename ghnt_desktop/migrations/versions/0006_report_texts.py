"""The texts a voortgangsrapportage keeps per part

Revision ID: 0006_report_texts
Revises: 0005_action_trekker_organisation
Create Date: 2026-12-03

``progress_report.texts``: the texts of a saved report beyond inleiding, conclusie and vooruitblik, as one JSON
object of strings: the programme in brief, the leeswijzer, the other activities, and per actielijn and per
ambition a short title, a narrative and whether it is left out (keys in ``services.reports``). Existing
reports get an empty object: the export then writes its defaults, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_report_texts"
down_revision: str | None = "0005_action_trekker_organisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("texts", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.drop_column("texts")
