"""Alembic environment: runs on the connection the app hands over (see ghnt_desktop.db)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ghnt_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # called from the alembic command line while developing
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _include_object(obj, name, type_, reflected, compare_to) -> bool:
    # The full-text index (search_index, search_parts, search_forms, search_pending) and FTS5's shadow tables
    # are made by services.search, not by the models.
    return not (type_ == "table" and name.startswith("search_"))


def _run(connection) -> None:
    # render_as_batch: SQLite can only change a table by copying it.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
