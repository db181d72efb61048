"""Declarative base, UUID keys and timestamps shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from typing import Any

from sqlalchemy import Integer, MetaData, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from .types import DateTime

# Named constraints keep Alembic's batch migrations on SQLite deterministic.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time in UTC (naive datetimes are never stored)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Base class of every ORM model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __repr__(self) -> str:
        label = getattr(self, "name", None) or getattr(self, "title", None) or getattr(self, "number", None)
        return f"<{type(self).__name__} {getattr(self, 'id', None)}{f' {label!r}' if label else ''}>"


class Entity(Base):
    """Abstract base with a UUID primary key (records merge between copies) and timestamps."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    # Optimistic concurrency on a team database: every ORM UPDATE of a record raises its version and says
    # ``WHERE row_version = <the version read>``, so a write based on an outdated read fails (StaleDataError)
    # instead of silently overwriting; the services compare the version (or the values) the user saw
    # (``services.versions``). On every table, not only the often-edited ones: one rule, and the cost is
    # one integer per row and one extra condition per UPDATE.
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}
