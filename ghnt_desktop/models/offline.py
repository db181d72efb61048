"""Offline capture (issue 21): what an offline copy remembers of its source, and the conflicts of a return.

``offline_copy`` (one row, only in a copy) says what the file is a copy of; ``offline_base`` holds every taken row
as it was when taken or last returned (the "base" of the three-way merge). ``offline_return`` (in the team
database) records each copy that was merged back and up to which of its changes, so a return after a crash
finishes marking the copy. ``offline_conflict`` (in the team database) keeps the fields both sides changed until
someone decides. None of these tables is in the
change log (``services.change_log.NOT_LOGGED``): they are bookkeeping of the sync, not the team's data.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow
from .types import DateTime


class OfflineCopy(Base):
    """What this offline copy is a copy of (one row; absent in a normal database)."""

    __tablename__ = "offline_copy"

    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    source_label: Mapped[str] = mapped_column(String(300), default="")  # shown: "ghnt op server:5432" or a path
    source: Mapped[str] = mapped_column(Text, default="")  # where to return to: a path or a URL without password
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # None: the whole database was taken
    meeting_title: Mapped[str] = mapped_column(String(500), default="")
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    taken_by: Mapped[str] = mapped_column(String(200), default="")
    source_change_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    # The watermark: the copy's changes up to this change log id are in the team database (the take, then each return)
    copy_change_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the last return


class OfflineBase(Base):
    """A taken row as it was when taken (values as ``change_log.normal_value`` gives them)."""

    __tablename__ = "offline_base"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    row_values: Mapped[dict[str, Any]] = mapped_column(JSON)


class OfflineReturn(Base):
    """A copy merged back into this (team) database: written in the same transaction as the merge."""

    __tablename__ = "offline_return"

    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    source_label: Mapped[str] = mapped_column(String(300), default="")
    meeting_title: Mapped[str] = mapped_column(String(500), default="")
    returned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    returned_by: Mapped[str] = mapped_column(String(200), default="")
    copy_change_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OfflineConflictRecord(Base):
    """One field changed on both sides (or a record deleted on one side and edited on the other)."""

    __tablename__ = "offline_conflict"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    uid: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    copy_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="edit")  # edit, deleted_mine, deleted_theirs
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(200))
    record_label: Mapped[str] = mapped_column(String(500), default="")
    field: Mapped[str] = mapped_column(String(60), default="")
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_row: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # to restore a record deleted there
    mine_by: Mapped[str] = mapped_column(String(200), default="")
    mine_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    theirs_by: Mapped[str] = mapped_column(String(200), default="")
    theirs_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    confidential: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # mine, theirs, typed

    __table_args__ = (Index("ix_offline_conflict_open", "resolved_at"),)
