"""Search that understands Dutch: word forms, parts of words, ambities, people and organisations

Revision ID: 0010_search_dutch
Revises: 0005_action_trekker_organisation
Create Date: 2026-12-03

Rebuilds the search index of ``services.search`` (see ``services.search_sqlite``): the text as written
(``search_index``), its Dutch stems (``search_forms``, with ``search_pending``) and its trigrams
(``search_parts``), for three more kinds of record. The index rowid becomes ``source rowid * 16 + kind``.
Downgrading puts back the index of 0002.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_search_dutch"
down_revision: str | None = "0005_action_trekker_organisation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The index of 0002 to 0005, as it was: five kinds, rowid = source rowid * 8 + kind.
_OLD_SOURCES = (
    (1, "agenda_item", "{r}.number || ' ' || {r}.title || ' ' || {r}.minutes_text"),
    (2, "decision", "{r}.number || ' ' || {r}.text || ' ' || {r}.outcome"),
    (3, "action_item", "{r}.number || ' ' || {r}.text || ' ' || {r}.trekker_text || ' ' || {r}.deadline_text"),
    (4, "progress_update", "{r}.done_text || ' ' || {r}.todo_text"),
    (5, "programme_action", "{r}.code || ' ' || {r}.text || ' ' || {r}.deadline_text"),
)


def upgrade() -> None:
    from ghnt_desktop.services.search import install_index

    install_index(op.get_bind())


def downgrade() -> None:
    from ghnt_desktop.services.search import uninstall_index

    connection = op.get_bind()
    uninstall_index(connection)
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for code, table, expression in _OLD_SOURCES:
        new = expression.format(r="new")
        connection.exec_driver_sql(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index(rowid, body) VALUES (new.rowid * 8 + {code}, {new}); END"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.rowid * 8 + {code}; "
            f"INSERT INTO search_index(rowid, body) VALUES (new.rowid * 8 + {code}, {new}); END"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = old.rowid * 8 + {code}; END"
        )
        connection.exec_driver_sql(
            f"INSERT INTO search_index(rowid, body) SELECT rowid * 8 + {code}, {expression.format(r=table)} "
            f"FROM {table}"
        )
