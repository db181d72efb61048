"""The two choices kept only in the older history become columns of their records

Revision ID: 0016_choice_columns
Revises: 0015_qa_fixes
Create Date: 2026-12-03

Two user choices were written only as ``change_record`` rows and read back from there as data:

- ``meeting.approved_in_meeting_id``: the later overleg a verslag was vastgesteld in (``approved_in`` records);
- ``decision.escalation_text_included``: whether a vertrouwelijk decision went to the bestuurlijk overleg with its
  text (True) or under the neutral title (False) (``escalation_text`` records, "tekst opgenomen"/"neutrale titel").

As columns they are logged by the change log's triggers like every other change. Existing values are moved in as
the app read them: a decision gets its latest choice; a meeting whose verslag is vastgesteld now gets the overleg
recorded with its latest vaststellen (none when it was reopened or vastgesteld again without one since). That fill
is not logged (the triggers are off meanwhile): who chose and when stays in the ``change_record`` rows, which stay
and are still shown in the history. Downgrading writes a ``change_record`` row for a value that is only in a column
(chosen after this upgrade), then drops the columns.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0016_choice_columns"
down_revision: str | None = "0015_qa_fixes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_INCLUDED = "tekst opgenomen"  # the older record's value of an included text; the other was "neutrale titel"
APPROVED = "minutes_approved"


def _tables() -> tuple[sa.Table, sa.Table, sa.Table, sa.Table]:
    """The tables as this migration knows them (frozen here, apart from the models), with the app's own types:
    stored times and UUIDs are read the same way from SQLite and PostgreSQL."""
    from ghnt_desktop.models.types import DateTime

    metadata = sa.MetaData()
    record = sa.Table(
        "change_record", metadata,
        sa.Column("id", sa.Uuid()), sa.Column("entity", sa.String()), sa.Column("entity_id", sa.Uuid()),
        sa.Column("field", sa.String()), sa.Column("old_value", sa.Text()), sa.Column("new_value", sa.Text()),
        sa.Column("changed_at", DateTime(timezone=True)), sa.Column("changed_by", sa.String()),
        sa.Column("reason", sa.Text()), sa.Column("created_at", DateTime(timezone=True)),
        sa.Column("updated_at", DateTime(timezone=True)),
    )  # fmt: skip
    log = sa.Table(
        "change_log", metadata,
        sa.Column("id", sa.Integer()), sa.Column("table_name", sa.String()), sa.Column("record_id", sa.String()),
        sa.Column("old_values", sa.JSON()), sa.Column("new_values", sa.JSON()),
        sa.Column("changed_at", DateTime(timezone=True)),
    )  # fmt: skip
    meeting = sa.Table(
        "meeting", metadata,
        sa.Column("id", sa.Uuid()), sa.Column("state", sa.String()), sa.Column("approved_in_meeting_id", sa.Uuid()),
    )  # fmt: skip
    decision = sa.Table(
        "decision", metadata, sa.Column("id", sa.Uuid()), sa.Column("escalation_text_included", sa.Boolean())
    )
    return record, log, meeting, decision


def _utc(moment: datetime) -> datetime:
    """A time in UTC without zone: SQLite gives naive UTC times, PostgreSQL aware ones."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo is not None else moment


def _approved_in(connection: sa.Connection) -> dict[uuid.UUID, uuid.UUID]:
    """Per meeting vastgesteld now: the overleg recorded with its latest vaststellen, read as the app read it
    (``meeting_record.approval_of`` before this revision): the state changes of the change log and of the older
    history (those after the log's first entry of the meeting are in the log), then the ``approved_in`` records;
    a state change sorts before its own ``approved_in`` record."""
    record, log, meeting, _decision = _tables()
    approved_now = set(connection.scalars(sa.select(meeting.c.id).where(meeting.c.state == APPROVED)))
    # (when, field, old, new, from the log)
    events: dict[uuid.UUID, list[tuple[datetime, str, Any, Any, bool]]] = {}
    for entity_id, field, old, new, when in connection.execute(
        sa.select(record.c.entity_id, record.c.field, record.c.old_value, record.c.new_value, record.c.changed_at)
        .where(record.c.entity == "meeting", record.c.field.in_(("state", "approved_in")))
        .order_by(record.c.changed_at, record.c.created_at)
    ):
        if entity_id in approved_now:
            events.setdefault(entity_id, []).append((_utc(when), field, old, new, False))
    first_logged: dict[uuid.UUID, datetime] = {}
    for record_id, old_values, new_values, when in connection.execute(
        sa.select(log.c.record_id, log.c.old_values, log.c.new_values, log.c.changed_at)
        .where(log.c.table_name == "meeting")
        .order_by(log.c.id)
    ):
        try:
            meeting_id = uuid.UUID(record_id)
        except ValueError:
            continue
        if meeting_id not in approved_now:
            continue
        first_logged.setdefault(meeting_id, _utc(when))
        new_values, old_values = new_values or {}, old_values or {}
        if "state" in new_values:
            events.setdefault(meeting_id, []).append(
                (_utc(when), "state", old_values.get("state"), new_values["state"], True)
            )
    result = {}
    for meeting_id, found in events.items():
        since = first_logged.get(meeting_id)
        found = [e for e in found if e[4] or e[1] != "state" or since is None or e[0] < since]
        found.sort(key=lambda event: (event[0], event[1] != "state"))
        approved, approved_in = False, None
        for _when, field, old, new, _logged in found:
            if field == "state":
                if new == APPROVED:
                    approved, approved_in = True, None
                elif old == APPROVED:
                    approved, approved_in = False, None
            elif approved and new:
                try:
                    approved_in = uuid.UUID(new)
                except ValueError:
                    continue
        if approved and approved_in is not None:
            result[meeting_id] = approved_in
    existing = set(connection.scalars(sa.select(meeting.c.id)))
    return {key: value for key, value in result.items() if value in existing}  # a deleted overleg: not recorded


def _escalation_choices(connection: sa.Connection) -> dict[uuid.UUID, bool]:
    """Per decision its latest recorded choice (as ``meetings.escalation_text_included`` read it)."""
    record, _log, _meeting, decision = _tables()
    existing = set(connection.scalars(sa.select(decision.c.id)))
    choices: dict[uuid.UUID, bool] = {}
    for entity_id, new in connection.execute(
        sa.select(record.c.entity_id, record.c.new_value)
        .where(record.c.entity == "decision", record.c.field == "escalation_text")
        .order_by(record.c.changed_at, record.c.created_at)
    ):
        if entity_id in existing:
            choices[entity_id] = new == TEXT_INCLUDED
    return choices


def upgrade() -> None:
    from ghnt_desktop.engines import engine_of
    from ghnt_desktop.services.change_log import install_change_log, uninstall_change_log

    connection = op.get_bind()
    _record, _log, meeting, decision = _tables()
    # SQLite adds a column with an inline REFERENCES (it cannot add a constraint to a table without copying it);
    # PostgreSQL adds the named constraint, as the models name it.
    op.add_column(
        "meeting",
        sa.Column(
            "approved_in_meeting_id",
            sa.Uuid(),
            sa.ForeignKey("meeting.id", name=op.f("fk_meeting_approved_in_meeting_id_meeting"), ondelete="RESTRICT"),
            nullable=True,
        ),
        inline_references=engine_of(connection).is_file,
    )
    op.add_column("decision", sa.Column("escalation_text_included", sa.Boolean(), nullable=True))
    uninstall_change_log(connection)  # the fill is no new choice: who chose and when are in change_record
    for meeting_id, approved_in in _approved_in(connection).items():
        connection.execute(
            sa.update(meeting).where(meeting.c.id == meeting_id).values(approved_in_meeting_id=approved_in)
        )
    for decision_id, included in _escalation_choices(connection).items():
        connection.execute(
            sa.update(decision).where(decision.c.id == decision_id).values(escalation_text_included=included)
        )
    install_change_log(connection)  # the triggers know the new columns


def downgrade() -> None:
    from ghnt_desktop.services.change_log import install_change_log, uninstall_change_log

    connection = op.get_bind()
    record, _log, meeting, decision = _tables()
    # A choice made after the upgrade is only in its column: kept as the older record the app then reads.
    latest_approved_in = {
        meeting_id: value
        for meeting_id, value in connection.execute(
            sa.select(record.c.entity_id, record.c.new_value)
            .where(record.c.entity == "meeting", record.c.field == "approved_in")
            .order_by(record.c.changed_at, record.c.created_at)
        )
    }
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for meeting_id, approved_in in connection.execute(
        sa.select(meeting.c.id, meeting.c.approved_in_meeting_id).where(
            meeting.c.state == APPROVED, meeting.c.approved_in_meeting_id.is_not(None)
        )
    ):
        if latest_approved_in.get(meeting_id) != str(approved_in):
            rows.append({"entity": "meeting", "entity_id": meeting_id, "field": "approved_in", "new": str(approved_in)})
    choices = _escalation_choices(connection)
    for decision_id, included in connection.execute(
        sa.select(decision.c.id, decision.c.escalation_text_included).where(
            decision.c.escalation_text_included.is_not(None)
        )
    ):
        if choices.get(decision_id) != included:
            value = TEXT_INCLUDED if included else "neutrale titel"
            rows.append({"entity": "decision", "entity_id": decision_id, "field": "escalation_text", "new": value})
    for row in rows:
        connection.execute(
            sa.insert(record).values(
                id=uuid.uuid4(), entity=row["entity"], entity_id=row["entity_id"], field=row["field"],
                old_value=None, new_value=row["new"], changed_at=now, changed_by="", reason="",
                created_at=now, updated_at=now,
            )
        )  # fmt: skip
    uninstall_change_log(connection)  # SQLite refuses to drop a column its triggers name
    op.drop_column("decision", "escalation_text_included")
    op.drop_column("meeting", "approved_in_meeting_id")
    install_change_log(connection)
