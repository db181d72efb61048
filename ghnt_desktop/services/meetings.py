"""Meetings: listing (more use cases follow in this module)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Meeting, MeetingKind, MeetingSeries, MeetingState


@dataclass(frozen=True)
class MeetingRow:
    """One meeting as lists show it."""

    id: uuid.UUID
    date: date
    start_time: time | None
    kind: MeetingKind
    series_name: str
    title: str
    state: MeetingState
    location: str


def list_meetings(
    session: Session, *, kind: MeetingKind | None = None, series_id: uuid.UUID | None = None
) -> list[MeetingRow]:
    """All meetings, oldest first, optionally of one kind or series."""
    query = (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.start_time,
            Meeting.kind,
            MeetingSeries.name,
            Meeting.title,
            Meeting.state,
            Meeting.location,
        )
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .order_by(Meeting.date, Meeting.start_time, Meeting.title)
    )
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    if series_id is not None:
        query = query.where(Meeting.series_id == series_id)
    return [
        MeetingRow(
            id=row[0],
            date=row[1],
            start_time=row[2],
            kind=row[3],
            series_name=row[4] or "",
            title=row[5],
            state=row[6],
            location=row[7],
        )
        for row in session.execute(query)
    ]
