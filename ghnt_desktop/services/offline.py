"""Offline capture (issue 21): take a meeting (or the whole database) along in an SQLite file, merge it back.

**Meenemen** (``take_offline``) writes a new SQLite file, made by the migrations, with what a meeting needs: its
series, the meeting with its agenda, attendance, minutes, decisions and action items, people and organisations,
open actions and the programme, plus every row those refer to (so the copy's foreign keys all hold). The copy
remembers what it is a copy of (``offline_copy``: the source without password, the meeting, when, and the
source's ``last_change_id``) and a snapshot of every taken row (``offline_base``): the base of the merge.

**Terugzetten** (``return_offline``) is a per-field three-way merge of base (taken), mine (the copy now) and theirs
(the team database now). Only records the copy's change log names after the take are looked at (a return sends
only what changed). Per field: changed on one side only -> that value; changed on both sides to different values
-> a conflict (long texts first try a line merge, which succeeds when the changed lines do not overlap); a record
deleted on one side and edited on the other -> a conflict, never a silent delete. New records keep their UUIDs;
decision and action numbers given offline are provisional and renumbered when the team meanwhile used them.

Conflicts are stored in the database returned to (``offline_conflict``, also for a shared SQLite file), so the app
shows them later (``open_offline_conflicts``, ``resolve_offline_conflict``); nothing else waits on them.

Atomic: all team writes are one transaction (the caller's write session, BEGIN IMMEDIATE on SQLite), which also
records the return (``offline_return``); only after it committed is the copy marked returned. A run stopped in
between finds its own ``offline_return`` and only marks the copy; returning a returned copy changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session

from . import ServiceError


class OfflineError(ServiceError):
    """Taking or returning a copy cannot be done; the Dutch message says why and what to do."""


@dataclass(frozen=True)
class TakeResult:
    """What ``take_offline`` wrote."""

    path: Path
    copy_id: uuid.UUID
    meeting_id: uuid.UUID | None
    meeting_title: str
    counts: dict[str, int]  # table -> rows taken
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class OfflineCopyInfo:
    """What an offline copy is a copy of (``offline_copy_info``)."""

    copy_id: uuid.UUID
    source_label: str  # how to name the source: a path or "ghnt op server:5432"
    source: str  # where to return to: a path or a postgresql:// URL without password
    meeting_id: uuid.UUID | None  # None: the whole database
    meeting_title: str
    taken_at: datetime
    taken_by: str
    returned_at: datetime | None
    source_change_id: int

    @property
    def returned(self) -> bool:
        return self.returned_at is not None


@dataclass(frozen=True)
class OfflineConflict:
    """One field changed on both sides, or a record deleted on one side and edited on the other.

    ``kind``: "edit" (both changed ``field``), "deleted_mine" (deleted offline, edited in the team database) or
    "deleted_theirs" (edited offline, deleted in the team database); for the last two ``field`` is the edited field
    and the deleted side's value is None.
    """

    id: int
    uid: uuid.UUID
    copy_id: uuid.UUID
    kind: str
    table: str
    record_id: str
    record_label: str  # Dutch: "Actiepunt AO-2026-3-A02", "Agendapunt 4 Voortgang"
    field: str
    field_label: str  # Dutch: "tekst", "status", "verslag"
    base: Any
    mine: Any
    theirs: Any
    mine_by: str
    mine_at: datetime | None
    theirs_by: str
    theirs_at: datetime | None
    confidential: bool
    created_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution: str = ""

    def lines(self) -> list[str]:
        """The Dutch text of this conflict: the word "conflict", the field, both values, who and when."""
        return _conflict_lines(self)


@dataclass(frozen=True)
class MergedField:
    """A field the return wrote into the team database."""

    table: str
    record_id: str
    record_label: str
    field: str
    field_label: str
    value: Any
    line_merged: bool = False  # a long text merged line by line with the team's own changes
    confidential: bool = False


@dataclass(frozen=True)
class RecordChange:
    """A record added to or deleted from the team database by a return."""

    table: str
    record_id: str
    record_label: str
    confidential: bool = False


@dataclass(frozen=True)
class Renumbering:
    """A decision or action number given offline that the team database meanwhile used: the new number."""

    kind: str  # "besluit", "actiepunt" or "toezegging"
    old: str
    new: str
    record_id: uuid.UUID


@dataclass(frozen=True)
class ReturnResult:
    """What a return merged (or, with ``dry_run``, would merge)."""

    source_label: str
    meeting_title: str
    merged: list[MergedField] = field(default_factory=list)
    added: list[RecordChange] = field(default_factory=list)
    deleted: list[RecordChange] = field(default_factory=list)
    conflicts: list[OfflineConflict] = field(default_factory=list)
    renumberings: list[Renumbering] = field(default_factory=list)
    dry_run: bool = False
    already_returned: bool = False  # the copy was returned before: nothing done
    completed: bool = False  # an earlier run committed the merge but stopped before marking the copy
    seconds: float = 0.0

    @property
    def nothing_to_do(self) -> bool:
        return not (self.merged or self.added or self.deleted or self.conflicts or self.renumberings)

    def lines(self) -> list[str]:
        """The Dutch text the command line prints (and the app may show)."""
        return _result_lines(self)


def take_offline(
    source: Session,
    target_path: Path,
    meeting_id: uuid.UUID | None = None,
    *,
    source_label: str,
    source_url: str | None = None,
) -> TakeResult:
    """Write a new offline copy at ``target_path`` (which must not exist) of ``meeting_id``'s needs, or of the
    whole database when it is None. ``source_url`` is where ``return_offline`` returns to (a path, or a URL
    without password); it defaults to ``source_label``. Reads ``source`` only. Raises ``OfflineError``."""
    raise NotImplementedError


def offline_copy_info(session: Session) -> OfflineCopyInfo | None:
    """What this database is an offline copy of; None for a normal database."""
    raise NotImplementedError


def provisional_ids(session: Session) -> set[uuid.UUID]:
    """Decisions and action items added in this offline copy since it was taken: their numbers are provisional
    (renumbered on return when the team database used them meanwhile). Empty for a normal database."""
    raise NotImplementedError


def return_offline(copy: Session, team: Session, *, dry_run: bool = False) -> ReturnResult:
    """Merge the offline copy into the team database (see the module's text). Commits ``team`` and then ``copy``
    itself (in that order: the copy is marked returned only after the team committed); with ``dry_run`` both are
    rolled back and nothing changes. Raises ``OfflineError`` for a database that is no offline copy."""
    raise NotImplementedError


def open_offline_conflicts(team: Session) -> list[OfflineConflict]:
    """The conflicts of earlier returns nobody decided yet, oldest first."""
    raise NotImplementedError


def resolve_offline_conflict(
    team: Session, conflict_id: uuid.UUID | int, choice: Literal["mine", "theirs"] | str
) -> None:
    """Decide a conflict: "mine" writes the offline value (or deletes / restores the record), "theirs" keeps the
    team database's; any other text is a value the user typed for the field. Raises ``OfflineError`` for an
    unknown or already decided conflict, ``ValidationError`` for a typed value the field cannot hold."""
    raise NotImplementedError


def _conflict_lines(conflict: OfflineConflict) -> list[str]:
    raise NotImplementedError


def _result_lines(result: ReturnResult) -> list[str]:
    raise NotImplementedError


__all__: Sequence[str] = (
    "MergedField",
    "OfflineConflict",
    "OfflineCopyInfo",
    "OfflineError",
    "RecordChange",
    "Renumbering",
    "ReturnResult",
    "TakeResult",
    "offline_copy_info",
    "open_offline_conflicts",
    "provisional_ids",
    "resolve_offline_conflict",
    "return_offline",
    "take_offline",
)
