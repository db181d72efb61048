"""Change history, saved reports and settings that travel with the data."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Entity, utcnow
from .types import Date, DateTime


class ChangeRecord(Entity):
    """Who changed which field of which record when, and why: the history the app wrote itself before the change
    log (``ChangeLog``) existed. Only read now (``services.history``); nothing writes it any more."""

    __tablename__ = "change_record"

    entity: Mapped[str] = mapped_column(String(60), index=True)  # table name
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class ChangeLog(Base):
    """One insert, update or delete of a record of the app's tables, written by the database's own triggers.

    Triggers (``services.change_log``) catch every write, also by another program on the server. ``id`` grows with
    every change, so a copy taken along (issue 21) can ask for "the changes after log id N" and replay them in order.
    ``old_values``/``new_values`` hold only the fields that changed (an insert: every field in ``new_values``; a
    delete: every field in ``old_values``). ``batch`` is the transaction: the changes of one edit share it.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(1))  # I(nsert), U(pdate), D(elete)
    old_values: Mapped[dict[str, object] | None] = mapped_column(JSON)
    new_values: Mapped[dict[str, object] | None] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    batch: Mapped[str | None] = mapped_column(String(64))
    # Why, when the app asked (reopening a vastgesteld verslag, merging organisations): ``change_log.note_reason``.
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_change_log_record", "table_name", "record_id"),)


class ChangeContext(Base):
    """Who is writing and in which batch, for SQLite's triggers (they cannot ask the app).

    The app writes its rows at the first write of a transaction and deletes them before the commit, so they are
    never seen outside it; a write by another program finds none and is logged without a user.
    """

    __tablename__ = "change_context"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), default="")


class TeamLogin(Base):
    """A login of the team database and the person it is (``server user add``): a partner's "own actions" are
    those whose trekker is this person or the person's organisation. Only PostgreSQL uses it."""

    __tablename__ = "team_login"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(20), default="")


class ProgressReport(Entity):
    """A voortgangsrapportage: its metadata and the editable texts kept with it."""

    __tablename__ = "progress_report"

    programme_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    reference: Mapped[str] = mapped_column(String(100), default="")  # kenmerk
    version: Mapped[str] = mapped_column(String(40), default="1.0")
    report_date: Mapped[date | None] = mapped_column(Date)
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    introduction: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    outlook: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Short titles, narratives and choices per actielijn and ambition, and the other free texts, by key
    # (``services.reports`` names the keys).
    texts: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")


class AppSetting(Base):
    """A setting that travels with the database (region name, numbering formats)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<AppSetting {self.key}={self.value!r}>"
