"""Change history, saved reports and settings that travel with the data."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Entity, utcnow
from .types import Date, DateTime


class ChangeRecord(Entity):
    """Who changed which field of which record when, and why (reopening a vastgesteld verslag asks a reason)."""

    __tablename__ = "change_record"

    entity: Mapped[str] = mapped_column(String(60), index=True)  # table name
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


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
