"""Offline capture (issue 21): take a meeting (or the whole database) along in an SQLite file, merge it back.

**Meenemen** (``take_offline``) writes a new SQLite file, made by the migrations, with what a meeting needs: its
series, the meeting with its agenda, attendance, minutes, decisions and action items, the year's decisions of the
series (so numbering goes on), the series' open actions (what its meetings follow up; not the open actions of every
werkgroep: on a ten-year database those are 30,000 rows), people and organisations, working groups and the
programme, plus every row those refer to (so the copy's foreign keys all hold). The copy
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

A copy can be returned more than once (at the break and again at the end of the meeting): each return sends only
what the copy's change log holds after the previous return (``offline_copy.copy_change_id``, the watermark), merged
against the base that return agreed on (the copy's rows as sent, with the numbers the team gave), so edits are
never sent twice and numbers never renumbered twice; a conflict still open from an earlier return is updated, not
listed again. A return with nothing new writes nothing.

Atomic: all team writes are one transaction (the caller's write session, BEGIN IMMEDIATE on SQLite), which also
records the return (``offline_return``, with the copy's watermark and the numbers it gave); only after it committed
is the copy marked returned (new base, numbers, watermark). A run stopped in between is found by the next one
(the team's watermark is ahead of the copy's): it gives the copy the stored numbers and merges as usual, finding
what was sent already there.
"""

from __future__ import annotations

import uuid
import difflib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from time import perf_counter
from typing import Any, Literal, TypeVar

from sqlalchemy import Date as SqlDate
from sqlalchemy import DateTime as SqlDateTime
from sqlalchemy import Text as SqlText
from sqlalchemy import Time as SqlTime
from sqlalchemy import Uuid as SqlUuid
from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from ..models.enums import ActionStatus
from ..models.offline import OfflineBase, OfflineConflictRecord, OfflineCopy, OfflineReturn
from ..recorded_user import recorded_user
from . import ServiceError, ValidationError
from .change_log import NOT_LOGGED, LoggedChange, changes_after, last_change_id, record_log
from .change_log import PREFIX as CHANGE_LOG_PREFIX


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

    def lines(self, include_confidential: bool = False) -> list[str]:
        """The Dutch text of this conflict: the word "conflict", the field, both values, who and when (the values
        of vertrouwelijk content only with ``include_confidential``)."""
        return _conflict_lines(self, include_confidential)


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
    summary: str = ""  # the start of its text, when it has one


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

    def lines(self, include_confidential: bool = False) -> list[str]:
        """The Dutch text the command line prints (and the app may show); the values of vertrouwelijk content
        only with ``include_confidential``."""
        return _result_lines(self, include_confidential)


# Columns never merged field by field: the key, bookkeeping every edit changes, and a stored stuk's bytes (its
# ``sha256`` is merged and brings the bytes along).
_NOT_MERGED = frozenset({"id", "created_at", "updated_at", "row_version", "content"})
_BYTES = "content"
# Tables a meeting's copy takes whole: the network and the programme are small and referred to everywhere.
_WHOLE_TABLES = (
    "organisation", "person", "working_group", "working_group_member", "programme", "section", "ambition",
    "programme_action", "responsibility", "tag_kind", "tag", "programme_action_tag", "app_setting",
)  # fmt: skip
# Not taken along: a server's logins, and what only the team database keeps.
_NEVER_TAKEN = frozenset({"team_login"})

TABLE_LABELS = {
    "action_item": "Actiepunt",
    "action_trekker_organisation": "Trekkende organisatie",
    "agenda_item": "Agendapunt",
    "agenda_item_programme_action": "Programma-actie",
    "ambition": "Ambitie",
    "app_setting": "Instelling",
    "attendance": "Aanwezigheid",
    "carried_action": "Meegenomen actiepunt",
    "decision": "Besluit",
    "indicator": "Indicator",
    "indicator_ambition": "Ambitie",
    "indicator_section": "Actielijn",
    "indicator_target": "Streefwaarde",
    "local_status": "Lokale status",
    "measurement": "Meting",
    "meeting": "Overleg",
    "meeting_series": "Overlegreeks",
    "organisation": "Organisatie",
    "person": "Persoon",
    "programme": "Programma",
    "programme_action": "Programma-actie",
    "programme_action_tag": "Label",
    "progress_report": "Voortgangsrapportage",
    "progress_update": "Voortgang",
    "responsibility": "Verantwoordelijkheid",
    "section": "Actielijn",
    "series_invitee": "Genodigde",
    "stored_document": "Stuk",
    "tag": "Label",
    "tag_kind": "Soort label",
    "working_group": "Werkgroep",
    "working_group_member": "Werkgroeplid",
}
# The Dutch name of every field a return can merge (``_merge_fields`` of every table; a test walks them all), written
# to stand inside a sentence ("Typ een geheel getal voor volgorde"). The app translates them (context
# ``offline_fields``, added by ``resources/translations/update_translations.py``).
FIELD_LABELS = {
    "": "(hele record)",
    "abbreviation": "afkorting",
    "action_item_id": "actiepunt",
    "active_from": "actief vanaf",
    "active_until": "actief tot",
    "agenda_item_id": "agendapunt",
    "approved_in_meeting_id": "vastgesteld in overleg",
    "aliases": "andere namen",
    "ambition_id": "ambitie",
    "archived": "gearchiveerd",
    "author": "auteur",
    "baseline_kind": "soort nulmeting",
    "baseline_part": "deel van de periode van de nulmeting",
    "baseline_value": "nulmeting",
    "baseline_year": "jaar van de nulmeting",
    "chair_id": "voorzitter",
    "closed_on": "afgerond op",
    "code": "code",
    "conclusion": "conclusie",
    "confidential": "vertrouwelijk",
    "contact_email": "e-mail van de contactpersoon",
    "contact_person": "contactpersoon",
    "date": "datum",
    "deadline": "deadline",
    "deadline_end": "deadline (einde)",
    "deadline_start": "deadline (begin)",
    "deadline_text": "deadline (zoals geschreven)",
    "default_end": "gebruikelijke eindtijd",
    "default_location": "gebruikelijke locatie",
    "default_online_link": "gebruikelijke online link",
    "default_start": "gebruikelijke begintijd",
    "definition": "definitie",
    "description": "omschrijving",
    "direction": "richting",
    "documents": "stukken",
    "done_text": "wat is gedaan",
    "email": "e-mail",
    "end": "tot",
    "end_time": "eindtijd",
    "escalated_to_meeting_id": "voorgelegd aan overleg",
    "escalates_to_id": "escaleert naar",
    "escalation": "escalatie",
    "escalation_agenda_item_id": "voorgelegd als agendapunt",
    "escalation_text_included": "tekst op agenda bestuurlijk overleg",
    "filename": "bestandsnaam",
    "function": "functie",
    "ics_sequence": "versie van de uitnodiging",
    "ics_uid": "kenmerk van de uitnodiging",
    "in_programme_table": "in de programmatabel",
    "inbrenger": "inbrenger",
    "inbrenger_person_id": "inbrenger (persoon)",
    "indicator_id": "indicator",
    "introduction": "inleiding",
    "key": "instelling",
    "kind": "soort",
    "kind_id": "soort label",
    "label": "aanduiding",
    "level": "niveau",
    "location": "locatie",
    "media_type": "bestandssoort",
    "meeting_id": "overleg",
    "meetings_per_year": "overleggen per jaar",
    "merged_into_id": "samengevoegd met",
    "minutes_text": "verslagtekst",
    "name": "naam",
    "national_line": "landelijke actielijn",
    "new_deadline": "nieuwe deadline",
    "new_deadline_text": "nieuwe deadline (zoals geschreven)",
    "note": "toelichting",
    "notes": "notities",
    "number": "nummer",
    "number_in_year": "nummer in het jaar",
    "online_link": "online link",
    "organisation_id": "organisatie",
    "origin_agenda_item_id": "afgesproken bij agendapunt",
    "origin_meeting_id": "afgesproken in overleg",
    "outcome": "uitkomst",
    "outcome_date": "datum van de uitkomst",
    "outlook": "vooruitblik",
    "overrides_responsibility": "eigen verantwoordelijken",
    "paragraph": "paragraaf",
    "parent_id": "hoort bij programma-actie",
    "period_end": "einde van de periode",
    "period_from": "periode vanaf",
    "period_kind": "soort periode",
    "period_part": "deel van de periode",
    "period_start": "begin van de periode",
    "period_to": "periode tot",
    "person_id": "persoon",
    "phone": "telefoon",
    "planned_minutes": "geplande minuten",
    "position": "volgorde",
    "postponed": "uitgesteld",
    "previous_deadline": "vorige deadline",
    "programme_action_id": "programma-actie",
    "programme_id": "programma",
    "provisional": "voorlopig",
    "purpose": "doel",
    "received_on": "ontvangen op",
    "reference": "kenmerk",
    "region": "regio",
    "report_date": "datum van de rapportage",
    "role": "rol",
    "secretary_id": "secretaris",
    "section_id": "actielijn",
    "sequence": "volgnummer",
    "series_id": "overlegreeks",
    "sha256": "inhoud van het stuk",
    "size": "grootte",
    "source": "bron",
    "source_id": "kenmerk bij de bron",
    "sources": "bronnen",
    "standard_item": "vast agendapunt",
    "start": "vanaf",
    "start_time": "begintijd",
    "state": "status van het overleg",
    "status": "status",
    "sub_points": "subpunten",
    "substitute_id": "vervanger",
    "substitute_name": "vervanger (naam)",
    "successor_id": "opvolger",
    "tag_id": "label",
    "text": "tekst",
    "texts": "teksten",
    "theme": "thema",
    "times_postponed": "keren doorgeschoven",
    "title": "titel",
    "todo_text": "wat moet nog",
    "trekker_organisation_id": "trekker (organisatie)",
    "trekker_person_id": "trekker (persoon)",
    "trekker_text": "trekker",
    "unit": "eenheid",
    "unit_label": "eenheid (zoals getoond)",
    "unknown": "onbekend",
    "value": "waarde",
    "version": "versie",
    "working_group_id": "werkgroep",
    "year": "jaar",
}


# ---------------------------------------------------------------------------------------------------------------
# Tables and values


_TABLES: dict[str, Any] = {}


def _tables() -> dict[str, Any]:
    """The plain model tables (``server_transfer.plain_tables``: stored values as they are), by name, in the
    order of their foreign keys."""
    if not _TABLES:
        from ..server_transfer import plain_tables

        _TABLES.update((table.name, table) for table in plain_tables())
    return _TABLES


def _data_tables() -> list[Any]:
    return [t for name, t in _tables().items() if name not in NOT_LOGGED and name not in _NEVER_TAKEN]


def _key_columns(table: Any) -> list[Any]:
    return list(table.primary_key.columns)


def _normal(value: Any) -> Any:
    """A stored value as JSON holds it and both engines compare it: UUIDs dashed, times in UTC ISO text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _python(column: Any, value: Any) -> Any:
    """A normal value back as the column stores it."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, SqlUuid):
            return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        if isinstance(kind, SqlDateTime):
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        if isinstance(kind, SqlDate):
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if isinstance(kind, SqlTime):
            return value if isinstance(value, time) else time.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError(f"'{value}' is geen geldige waarde voor {FIELD_LABELS.get(column.name, column.name)}.") from exc
    return value


def _record_key(table: Any, row: Mapping[str, Any] | Any) -> str:
    """The key as the change log writes it: the UUID with dashes, or the parts of a composite key joined by "/"."""
    return "/".join(str(_normal(row[c.name])) for c in _key_columns(table))


def _key_condition(table: Any, key: str) -> Any:
    columns = _key_columns(table)
    parts = key.split("/") if len(columns) > 1 else [key]
    return and_(*(c == _python(c, part) for c, part in zip(columns, parts, strict=True)))


def _normal_row(table: Any, row: Mapping[str, Any] | Any) -> dict[str, Any]:
    return {c.name: _normal(row[c.name]) for c in table.columns if c.name != _BYTES}


def _fetch(session: Session, table: Any, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The rows of ``table`` with these keys (normal values, without a stuk's bytes), by key."""
    wanted = set(keys)
    if not wanted:
        return {}
    columns = [c for c in table.columns if c.name != _BYTES]
    first = _key_columns(table)[0]
    firsts = sorted({key.split("/")[0] for key in wanted})
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(firsts), 500):
        chunk = [_python(first, part) for part in firsts[start : start + 500]]
        for row in session.execute(select(*columns).where(first.in_(chunk))).mappings():
            key = _record_key(table, row)
            if key in wanted:
                found[key] = _normal_row(table, row)
    return found


def _merge_fields(table: Any) -> list[str]:
    return [c.name for c in table.columns if c.name not in _NOT_MERGED]


def _is_long_text(table: Any, name: str) -> bool:
    return isinstance(table.c[name].type, SqlText)


# ---------------------------------------------------------------------------------------------------------------
# Meenemen


def _open_copy_error(path: Path, exc: Exception) -> OfflineError:
    return OfflineError(f"De offline kopie {path} kan niet worden gemaakt: {exc}. Kies een andere map of naam.")


Progress = Callable[[int, int, str], object]
"""``progress(done, total, label)``: how far a take or return is (``done`` rises to ``total``; ``label`` is Dutch,
for a progress dialog). It may raise (a cancel) as long as the take has not written its file: nothing is left."""

# A take reports in hundredths: reading 0-45, completing the references 45-55, writing 55-85, the search index
# 85-100 (it takes about as long as writing the rows).
_TAKE_STEPS = 100
_READ_WEIGHTS = {"action_item": 20, "action_trekker_organisation": 3, "decision": 2}
_RETURN_STEPS = 4  # a return reports its steps: read, compare, merge, commit
_CHUNK = 5000  # keys in one IN (...) list, rows in one executemany (SQLite allows 32,766 variables)


def _no_progress(_done: int, _total: int, _label: str) -> None:
    return None


# Rows of a take are held as the copy stores them (SQLite's stored values: a UUID as 32 hex digits, a time as
# text): read that way from an SQLite source (no conversion at all), converted once from PostgreSQL. Writing them
# into the copy is then a plain executemany, and the base of the merge is made from the same values.
_Rows = dict[tuple[Any, ...], tuple[Any, ...]]  # key (stored values of the primary key) -> stored row


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


class _Reader:
    """Reads rows of the source as the copy stores them, and turns stored keys back into query parameters."""

    def __init__(self, source: Session) -> None:
        self.connection = source.connection()
        self.raw = self.connection.dialect.name == "sqlite"
        self.copy_dialect = _sqlite_dialect()
        self._to_stored: dict[str, list[Any]] = {}

    def read(self, table: Any, condition: Any = None) -> list[tuple[Any, ...]]:
        from sqlalchemy import type_coerce
        from sqlalchemy.types import NullType

        if self.raw:  # the stored values themselves: no type conversion either way
            query = select(*(type_coerce(c, NullType()).label(c.name) for c in table.columns))
        else:
            query = select(*table.columns)
        if condition is not None:
            query = query.where(condition)
        rows = self.connection.execute(query).all()
        if self.raw:
            return [tuple(row) for row in rows]
        convert = self._to_stored.get(table.name)
        if convert is None:
            convert = self._to_stored[table.name] = [
                c.type._cached_bind_processor(self.copy_dialect) for c in table.columns
            ]
        return [tuple(v if p is None or v is None else p(v) for p, v in zip(convert, row, strict=True)) for row in rows]

    def matching(self, column: Any, stored: Iterable[Any]) -> Iterable[Any]:
        """Conditions ``column IN (...)`` for stored values, in chunks."""
        from sqlalchemy import type_coerce
        from sqlalchemy.types import NullType

        values = sorted(stored, key=str)
        if self.raw:
            target = type_coerce(column, NullType())
        else:
            back = column.type._cached_result_processor(self.copy_dialect, None)
            values = [back(v) if back is not None else v for v in values]
            target = column
        for start in range(0, len(values), _CHUNK):
            yield target.in_(values[start : start + _CHUNK])


def _base_sql(table: Any) -> str:
    """The statement that writes the base of every row of ``table`` in the copy: its key and its values as JSON,
    normal values (``_normal`` of the value loaded) made from what SQLite stores, in SQL (a tenth of the time the
    same in Python takes on ten thousands of rows). ``tests/test_offline_take.py`` compares every base with the row
    loaded, and that every column's type is one this knows."""
    values = ", ".join(f"'{c.name}', {_normal_sql(c)}" for c in table.columns if c.name != _BYTES)
    key = " || '/' || ".join(f"CAST({_normal_sql(c)} AS TEXT)" for c in _key_columns(table))
    return (
        f"INSERT INTO offline_base (table_name, record_id, row_values) "
        f"SELECT '{table.name}', {key}, json_object({values}) FROM \"{table.name}\""
    )


def _normal_sql(column: Any) -> str:
    """SQL for a column's normal value from its stored one (see ``_base_sql``)."""
    from sqlalchemy import JSON, BigInteger, Boolean, Integer, String

    x = f'"{column.name}"'
    kind = column.type
    if isinstance(kind, SqlUuid):  # 32 hex digits -> the dashed form
        pieces = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
        parts = "||'-'||".join(f"substr({x},{start},{length})" for start, length in pieces)
        return f"lower({parts})"
    if isinstance(kind, Boolean):
        return f"json(CASE WHEN {x} IS NULL THEN 'null' WHEN {x} THEN 'true' ELSE 'false' END)"
    if isinstance(kind, SqlDateTime):  # "2026-01-01 09:30:00.000000" -> "2026-01-01T09:30:00" (isoformat)
        return (
            f"CASE WHEN {x} IS NULL THEN NULL WHEN length({x}) = 10 THEN {x} || 'T00:00:00' "
            f"WHEN length({x}) = 19 OR substr({x}, 20) = '.000000' THEN replace(substr({x}, 1, 19), ' ', 'T') "
            f"ELSE replace({x}, ' ', 'T') END"
        )
    if isinstance(kind, SqlTime):  # "13:30:00.000000" -> "13:30:00"
        return (
            f"CASE WHEN {x} IS NULL THEN NULL WHEN length({x}) = 8 OR substr({x}, 9) = '.000000' "
            f"THEN substr({x}, 1, 8) ELSE {x} END"
        )
    if isinstance(kind, JSON):
        return f"json({x})"
    if type(kind) in (String, SqlText, Integer, BigInteger, SqlDate):  # stored as they load (a date as ISO text)
        return x
    raise TypeError(f"offline: no normal form for {column.table.name}.{column.name} ({kind!r})")


def _stored_rows(table: Any, rows: Iterable[tuple[Any, ...]]) -> _Rows:
    index = [list(table.columns).index(c) for c in _key_columns(table)]
    return {tuple(row[i] for i in index): row for row in rows}


def _meeting_rows(
    reader: _Reader, meeting_id: uuid.UUID, progress: Progress
) -> tuple[dict[str, _Rows], str]:
    """(stored rows per table, title) of what a meeting needs, before adding what those rows refer to."""
    t = _tables()
    meetings = t["meeting"]
    found = reader.read(meetings, meetings.c.id == meeting_id)
    if not found:
        raise OfflineError(
            f"Het overleg {meeting_id} bestaat niet in deze database. De ids staan in 'ghnt-desktop list meetings'."
        )
    meeting = dict(zip([c.name for c in meetings.columns], found[0], strict=True))
    day = str(meeting["date"])  # stored as ISO text: "2026-12-10"
    series_id = _python(meetings.c.series_id, meeting["series_id"]) if meeting["series_id"] is not None else None
    actions, items, decisions = t["action_item"], t["agenda_item"], t["decision"]
    closed = [ActionStatus.DONE.value, ActionStatus.CANCELLED.value]
    # The meeting's own agenda items, and the action items it needs: its own, and every open action (the secretaris
    # may update any of them in the meeting, such as the programme's actions discussed under "Voortgang").
    item_ids = select(items.c.id).where(items.c.meeting_id == meeting_id).scalar_subquery()
    taken_actions = or_(actions.c.origin_meeting_id == meeting_id, actions.c.status.not_in(closed))
    own_actions = select(actions.c.id).where(actions.c.origin_meeting_id == meeting_id).scalar_subquery()
    queries: list[tuple[str, Any, str]] = [(name, None, "Netwerk en programma lezen") for name in _WHOLE_TABLES]
    queries += [
        ("meeting", meetings.c.id == meeting_id, "Overleg en agenda lezen"),
        ("agenda_item", items.c.meeting_id == meeting_id, "Overleg en agenda lezen"),
        ("stored_document", t["stored_document"].c.agenda_item_id.in_(item_ids), "Stukken lezen"),
        ("agenda_item_programme_action", t["agenda_item_programme_action"].c.agenda_item_id.in_(item_ids),
         "Overleg en agenda lezen"),
        ("attendance", t["attendance"].c.meeting_id == meeting_id, "Overleg en agenda lezen"),
        ("carried_action", t["carried_action"].c.meeting_id == meeting_id, "Overleg en agenda lezen"),
        ("action_item", taken_actions, "Open acties lezen"),
        ("action_trekker_organisation",
         t["action_trekker_organisation"].c.action_item_id.in_(select(actions.c.id).where(taken_actions)),
         "Open acties lezen"),
        ("progress_update", or_(t["progress_update"].c.meeting_id == meeting_id,
                                t["progress_update"].c.action_item_id.in_(own_actions)), "Voortgang lezen"),
    ]  # fmt: skip
    if series_id is not None:  # the series, and the year's decisions of the series: numbering offline goes on from them
        queries += [
            ("meeting_series", t["meeting_series"].c.id == series_id, "Overlegreeks lezen"),
            ("series_invitee", t["series_invitee"].c.series_id == series_id, "Overlegreeks lezen"),
            ("decision", or_(decisions.c.meeting_id == meeting_id,
                             and_(decisions.c.series_id == series_id, decisions.c.year == int(day[:4]))),
             "Besluiten lezen"),
        ]  # fmt: skip
    else:
        queries.append(("decision", decisions.c.meeting_id == meeting_id, "Besluiten lezen"))
    chosen: dict[str, _Rows] = {}
    # The open actions are most of the reading (tens of thousands of rows): the bar gives them most of its part.
    weights = [_READ_WEIGHTS.get(name, 1) for name, _condition, _label in queries]
    for number, (name, condition, label) in enumerate(queries):
        progress(45 * sum(weights[:number]) // sum(weights), _TAKE_STEPS, label)
        chosen.setdefault(name, {}).update(_stored_rows(t[name], reader.read(t[name], condition)))
    title = f"{meeting['title']} ({day})"
    return chosen, title


def _close_references(reader: _Reader, chosen: dict[str, _Rows], progress: Progress) -> None:
    """Add every row a chosen row refers to (and so on), so that the copy's foreign keys hold. A row that refers to
    one the source does not give (on a server: a vertrouwelijk row this login may not read) is left out, and so is
    what refers to it in turn: the copy holds what the user may read, and its foreign keys hold."""
    t = _tables()
    references: dict[str, list[tuple[int, str, Any]]] = {}
    present: dict[tuple[str, str], set[Any]] = {}  # (table, column) -> the stored values its chosen rows hold

    def refs(name: str) -> list[tuple[int, str, Any]]:
        """(index of the referring column, referred table, referred column) of each foreign key of ``name``."""
        if name not in references:
            columns = list(t[name].columns)
            references[name] = [
                (columns.index(fk.parent), fk.column.table.name, fk.column)
                for fk in t[name].foreign_keys
                if fk.column.table.name in t and fk.column.table.name not in NOT_LOGGED | _NEVER_TAKEN
            ]
        return references[name]

    def held(table: str, column: Any) -> set[Any]:
        found = present.get((table, column.name))
        if found is None:
            index = list(t[table].columns).index(column)
            found = present[(table, column.name)] = {row[index] for row in chosen.get(table, {}).values()}
        return found

    unreadable: set[tuple[str, str, Any]] = set()  # (table, column, value) the source did not give
    pending = {name: list(rows.values()) for name, rows in chosen.items()}
    rounds = 0
    while pending:
        progress(45 + min(rounds, 9), _TAKE_STEPS, "Verwijzingen aanvullen")
        rounds += 1
        wanted: dict[tuple[str, Any], set[Any]] = {}
        for name, rows in pending.items():
            for index, parent, column in refs(name):
                missing = {row[index] for row in rows} - held(parent, column)
                missing = {v for v in missing if v is not None and (parent, column.name, v) not in unreadable}
                if missing:
                    wanted.setdefault((parent, column), set()).update(missing)
        pending = {}
        for (parent, column), keys in wanted.items():
            found: list[tuple[Any, ...]] = []
            for condition in reader.matching(column, keys):
                found.extend(reader.read(t[parent], condition))
            taken = chosen.setdefault(parent, {})
            new = [row for key, row in _stored_rows(t[parent], found).items() if taken.setdefault(key, row) is row]
            for cached in [k for k in present if k[0] == parent]:
                del present[cached]
            unreadable.update((parent, column.name, v) for v in keys - held(parent, column))
            if new:
                pending.setdefault(parent, []).extend(new)
    if not unreadable:
        return
    # Leave out what refers to a row the source did not give, until nothing does.
    dropped = True
    while dropped:
        dropped = False
        present.clear()
        for name, table_rows in chosen.items():
            for index, parent, column in refs(name):
                there = held(parent, column)
                for key in [k for k, row in table_rows.items() if row[index] is not None and row[index] not in there]:
                    del table_rows[key]
                    dropped = True


def take_offline(
    source: Session,
    target_path: Path,
    meeting_id: uuid.UUID | None = None,
    *,
    source_label: str,
    source_url: str | None = None,
    progress: Progress | None = None,
) -> TakeResult:
    """Write a new offline copy at ``target_path`` (which must not exist) of ``meeting_id``'s needs, or of the
    whole database when it is None. ``source_url`` is where ``return_offline`` returns to (a path, or a URL
    without password); it defaults to ``source_label``. Reads ``source`` only; what it reads is what this login may
    read (on a server the roles leave out vertrouwelijk rows). ``progress(done, total, label)`` is called on the way
    (the last call, ``done == total``, comes before the file gets its name). Raises ``OfflineError``.

    The copy is written to ``NAME.deel`` with plain inserts, without the change log's triggers (a fresh file: copying
    is no change), without a journal and without waiting for the disk per step; then the triggers are put back, the
    foreign keys checked, the file made WAL again and synced, and only then renamed to ``target_path``. A take that
    stops or fails leaves no copy (the next take removes a left ``.deel``)."""
    report = progress or _no_progress
    started = perf_counter()
    target = Path(target_path).expanduser().absolute()
    if target.exists() and target.stat().st_size > 0:
        raise OfflineError(
            f"Het bestand {target} bestaat al. Kies een nieuwe naam voor de offline kopie; er is niets gewijzigd."
        )
    if offline_copy_info(source) is not None:
        raise OfflineError(
            "Deze database is zelf een offline kopie. Neem mee uit de teamdatabase (of het gedeelde bestand) zelf."
        )
    report(0, _TAKE_STEPS, "Meenemen voorbereiden")
    change_id = last_change_id(source)  # first: what changes later is merged as "theirs" on return
    reader = _Reader(source)
    chosen: dict[str, _Rows]
    if meeting_id is None:
        tables = _data_tables()
        chosen = {}
        for number, table in enumerate(tables):
            report(45 * number // len(tables), _TAKE_STEPS, _step_label("Lezen", table.name))
            chosen[table.name] = _stored_rows(table, reader.read(table))
        title = "de hele database"
    else:
        chosen, title = _meeting_rows(reader, meeting_id, report)
    # Also for the whole database: on a server a row may refer to one this login may not read.
    _close_references(reader, chosen, report)
    report(55, _TAKE_STEPS, "Kopie schrijven")
    partial = target.with_name(target.name + ".deel")
    leftovers = (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    copy_id = uuid.uuid4()
    try:
        shutil.copyfile(_empty_database(), partial)
    except OSError as exc:
        raise _open_copy_error(target, exc) from exc
    counts = {name: len(rows) for name, rows in chosen.items() if rows}
    copy_row = _stored_values(_tables_of_models()["offline_copy"], {
        "copy_id": copy_id, "source_label": source_label[:300],
        "source": source_url if source_url is not None else source_label, "meeting_id": meeting_id,
        "meeting_title": title[:500], "taken_at": datetime.now(UTC), "taken_by": recorded_user()[:200],
        "source_change_id": change_id, "returned_at": None,
    })  # fmt: skip
    try:
        _write_copy(partial, chosen, copy_row, report)
        report(_TAKE_STEPS, _TAKE_STEPS, "Klaar")
        os.replace(partial, target)
    except BaseException as exc:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        if isinstance(exc, OSError | sqlite3.Error):
            raise _open_copy_error(target, exc) from exc
        raise
    return TakeResult(
        path=target,
        copy_id=copy_id,
        meeting_id=meeting_id,
        meeting_title=title,
        counts=counts,
        seconds=perf_counter() - started,
    )


#: The steps a take or return reports (``progress``), alone or as "Schrijven: actiepunt" with a table's label in
#: lower case; the app translates both parts (context ``offline_steps``, see ``update_translations.py``).
STEP_TEXTS = (
    "Meenemen voorbereiden", "Lezen", "Verwijzingen aanvullen", "Kopie schrijven", "Schrijven", "Zoekindex maken",
    "Klaar", "Wijzigingen van de kopie lezen", "Vergelijken met de teamdatabase", "Samenvoegen", "Vastleggen",
)  # fmt: skip


def step_parts() -> list[str]:
    """Every text a step label is made of: the steps and the tables' labels as ``_step_label`` writes them."""
    return list(dict.fromkeys([*STEP_TEXTS, *(label.lower() for label in TABLE_LABELS.values())]))


def _step_label(text: str, table: str) -> str:
    """ "Schrijven: actiepunt": what a take is doing, for its progress dialog."""
    return f"{text}: {TABLE_LABELS.get(table, table).lower()}"


def _stored_values(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as SQLite stores them in ``table`` (what SQLAlchemy would write)."""
    dialect = _sqlite_dialect()
    stored = {}
    for name, value in values.items():
        process = table.c[name].type._cached_bind_processor(dialect)
        stored[name] = process(value) if process is not None and value is not None else value
    return stored


def _write_copy(path: Path, chosen: dict[str, _Rows], copy_row: dict[str, Any], report: Progress) -> None:
    """Write the chosen rows, their base and the ``offline_copy`` row into the new file at ``path`` (a copy of the
    empty database), in one transaction; then check its foreign keys, make it WAL and sync it to disk."""
    total = sum(len(rows) for rows in chosen.values()) or 1
    done = 0
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # A fresh file nobody else opens, removed if anything fails: no journal, no waiting for the disk (synced
        # once at the end). Foreign keys are checked once at the end, not per row (rows referring to rows of their
        # own table need no second pass then).
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("PRAGMA cache_size=-65536")
        connection.execute("BEGIN")
        # Copying is no change: the change log's triggers are left out while the rows go in, and put back after.
        # The search index's triggers too: filling it in one statement per table afterwards is several times faster
        # than row by row (``install_index`` below).
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        logged = [sql for name, sql in triggers if name.startswith(CHANGE_LOG_PREFIX)]
        # Indexes are built once from the rows (sorted) instead of kept up to date row by row: the ten-year
        # database's open actions carry eleven of them. (A key's or unique constraint's own index stays.)
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in _data_tables():
            rows = chosen.get(table.name)
            if not rows:
                continue
            if table.name not in present:
                raise OfflineError(f"De lege database mist de tabel {table.name}; werk de app bij en probeer opnieuw.")
            names = [c.name for c in table.columns]
            quoted = ", ".join(f'"{n}"' for n in names)
            insert = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
            values = list(rows.values())
            for start in range(0, len(values), _CHUNK):
                chunk = values[start : start + _CHUNK]
                connection.executemany(insert, chunk)
                done += len(chunk)
                report(55 + 30 * done // total, _TAKE_STEPS, _step_label("Schrijven", table.name))
            connection.execute(_base_sql(table))
        for _name, sql in indexes:
            connection.execute(sql)
        connection.execute("DELETE FROM change_log")  # what the migrations logged in the empty database, if anything
        for sql in logged:
            connection.execute(sql)
        # The copy's own log starts here: a return sends what was logged after this id.
        copy_row = {**copy_row, "copy_change_id": connection.execute(
            "SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0]}  # fmt: skip
        names = list(copy_row)
        connection.execute(
            f"INSERT INTO offline_copy ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [copy_row[n] for n in names],
        )
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table_name, _rowid, parent, _fk = broken[0]
            raise OfflineError(
                f"De offline kopie zou verwijzen naar gegevens die ontbreken ({len(broken)}x, o.a. {table_name} -> "
                f"{parent}); er is geen kopie gemaakt. Laat de database controleren en probeer het opnieuw."
            )
        connection.execute("COMMIT")
    finally:
        connection.close()
    report(85, _TAKE_STEPS, "Zoekindex maken")
    _index_copy(path)
    with open(path, "rb+") as written:  # written without syncing: once now, before the file gets its name
        os.fsync(written.fileno())


def _index_copy(path: Path) -> None:
    """Build the copy's search index (tables, triggers, word forms) from its rows, as the migrations do, and make the
    file WAL like every database of the app (kept in the file)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from .search import install_index

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA synchronous=OFF")
            install_index(connection)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    finally:
        engine.dispose()


_EMPTY: dict[str, Path] = {}


def _empty_database() -> Path:
    """A new, empty database made by the migrations, once per process (running them takes seconds; a copy of the
    result milliseconds)."""
    from ..db import open_database
    from ..migrations import HEAD

    made = _EMPTY.get(HEAD)
    if made is None or not made.is_file():
        folder = Path(tempfile.mkdtemp(prefix="ghnt-offline-"))
        made = folder / "leeg.db"
        open_database(made).close()
        _EMPTY[HEAD] = made
    return made


def _tables_of_models() -> dict[str, Any]:
    from ..models import Base

    return {name: Base.metadata.tables[name] for name in ("offline_copy", "offline_base", "offline_return", "offline_conflict")}


def offline_copy_info(session: Session) -> OfflineCopyInfo | None:
    """What this database is an offline copy of; None for a normal database."""
    row = session.scalars(select(OfflineCopy)).first()
    if row is None:
        return None
    return OfflineCopyInfo(
        copy_id=row.copy_id,
        source_label=row.source_label,
        source=row.source,
        meeting_id=row.meeting_id,
        meeting_title=row.meeting_title,
        taken_at=row.taken_at,
        taken_by=row.taken_by,
        returned_at=row.returned_at,
        source_change_id=row.source_change_id,
    )


def provisional_ids(session: Session) -> set[uuid.UUID]:
    """Decisions and action items added in this offline copy since it was taken or last returned: their numbers are
    provisional (renumbered on return when the team database used them meanwhile). Empty for a normal database."""
    row = session.scalars(select(OfflineCopy)).first()
    if row is None:
        return set()
    added = {
        (change.table, change.record_id)
        for change in changes_after(session, row.copy_change_id, tables=["decision", "action_item"])
        if change.operation == "I"
    }
    found: set[uuid.UUID] = set()
    for table in ("decision", "action_item"):
        keys = {key for name, key in added if name == table}
        found |= {uuid.UUID(key) for key in _fetch(session, _tables()[table], keys)}
    return found


#: Written after a provisional number wherever it is printed: a document made from an offline copy must not present
#: a number that may change on return as final.
PROVISIONAL_MARK = "(voorlopig)"
_Data = TypeVar("_Data")


def mark_provisional(data: _Data, session: Session, write: Callable[[str], str] | None = None) -> _Data:
    """``data`` (a document's dataclasses, as ``services.documents`` and ``services.sheet_data`` build them) with
    every provisional decision and action number (``provisional_ids``) followed by "(voorlopig)"; ``data`` itself
    for a normal database. Walks the dataclasses, tuples and lists: every list of a document that prints a number
    is marked, also one added later. A record with an ``id`` is matched by it, a line without one (the Excel
    besluitenlijst) by its number. ``write(number)`` writes a marked number another way (the app: in its language).
    """
    ids = provisional_ids(session)
    if not ids:
        return data
    numbers = {
        str(number)
        for name in ("decision", "action_item")
        for number in session.scalars(select(_tables()[name].c.number).where(_tables()[name].c.id.in_(ids)))
        if number
    }

    def marked(value: Any) -> Any:
        if isinstance(value, tuple | list):
            return type(value)(marked(v) for v in value)
        if not is_dataclass(value) or isinstance(value, type):
            return value
        changes = {f.name: marked(getattr(value, f.name)) for f in fields(value) if f.init and f.name != "number"}
        number = getattr(value, "number", None)
        if isinstance(number, str) and number and not number.endswith(PROVISIONAL_MARK):
            record_id = getattr(value, "id", None)
            if (record_id in ids) if isinstance(record_id, uuid.UUID) else (number in numbers):
                changes["number"] = write(number) if write is not None else f"{number} {PROVISIONAL_MARK}"
        same = all(changes[name] is getattr(value, name) for name in changes)
        return value if same else replace(value, **changes)

    result: _Data = marked(data)
    return result


# ---------------------------------------------------------------------------------------------------------------
# Terugzetten


def merge_lines(base: str, mine: str, theirs: str) -> str | None:
    """Three-way merge of a long text by lines: both sides' changes when they touch different lines (with at least
    one unchanged line between them), None when they overlap. The same change on both sides is taken once."""
    lines = base.splitlines(keepends=True)
    ours = _hunks(lines, mine.splitlines(keepends=True))
    others = _hunks(lines, theirs.splitlines(keepends=True))
    for hunk in ours:
        for other in others:
            if hunk != other and max(hunk[0], other[0]) <= min(hunk[1], other[1]):
                return None
    merged: list[str] = []
    position = 0
    for start, end, replacement in sorted(set(ours) | set(others)):
        merged.extend(lines[position:start])
        merged.extend(replacement)
        position = end
    merged.extend(lines[position:])
    return "".join(merged)


def _hunks(base: list[str], other: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, tuple(other[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


# Records that say little by themselves are named after whom or what they are of (``_OF``: an attendance after its
# person) and what they belong to (``_BELONGS_TO``: an agenda item after its meeting, a progress update after its
# action); the first of the columns with a value counts. A test checks every table without a name of its own.
_OF: dict[str, tuple[str, ...]] = {
    "action_trekker_organisation": ("organisation_id",),
    "agenda_item_programme_action": ("programme_action_id",),
    "attendance": ("person_id", "organisation_id"),
    "carried_action": ("action_item_id",),
    "indicator_ambition": ("ambition_id",),
    "indicator_section": ("section_id",),
    "local_status": ("organisation_id",),
    "programme_action_tag": ("tag_id",),
    "responsibility": ("organisation_id", "person_id"),
    "series_invitee": ("person_id", "organisation_id"),
    "working_group_member": ("person_id", "organisation_id"),
}
_BELONGS_TO: dict[str, tuple[str, ...]] = {
    "action_trekker_organisation": ("action_item_id",),
    "agenda_item": ("meeting_id",),
    "agenda_item_programme_action": ("agenda_item_id",),
    "attendance": ("meeting_id",),
    "carried_action": ("meeting_id",),
    "indicator_ambition": ("indicator_id",),
    "indicator_section": ("indicator_id",),
    "indicator_target": ("indicator_id",),
    "local_status": ("action_item_id", "programme_action_id"),
    "measurement": ("indicator_id",),
    "programme_action_tag": ("programme_action_id",),
    "progress_update": ("action_item_id", "programme_action_id"),
    "responsibility": ("programme_action_id", "ambition_id"),
    "series_invitee": ("series_id",),
    "stored_document": ("agenda_item_id",),
    "working_group_member": ("working_group_id",),
}
# Named "Aanwezigheid van Jan Jansen" and "Voortgang van 10-12-2026", not "Aanwezigheid Jan Jansen".
_OF_WORD = {"attendance": "van ", "local_status": "van ", "progress_update": "van ", "responsibility": "van "}
Referenced = Callable[[str, str], Mapping[str, Any] | None]


def _kind(table: str, row: Mapping[str, Any] | None) -> str:
    if table == "action_item" and row is not None and row.get("kind") == "toezegging":
        return "Toezegging"
    return TABLE_LABELS.get(table, table)


def _own_name(table: str, row: Mapping[str, Any]) -> str:
    """What names a record by its own fields: its number, title, name; a progress update its date."""
    if table == "agenda_item":
        return f"{row.get('number') or ''} {row.get('title') or ''}".replace("  ", " ").strip()
    for name in ("number", "title", "name", "key", "code"):
        if row.get(name):
            return str(row[name])
    for name in ("date", "year"):
        if row.get(name):
            moment = str(row[name])
            try:
                return f"{date.fromisoformat(moment[:10]):%d-%m-%Y}"
            except ValueError:
                return moment
    return ""


def _referenced_label(
    table: str, name: str, row: Mapping[str, Any], referenced: Referenced | None, with_kind: bool = True
) -> str:
    """The record that ``row``'s column ``name`` refers to, as "actiepunt AO-2026-3-A02" (lower case: inside a
    label; without ``with_kind`` only "AO-2026-3-A02"); "" when it has none or it cannot be read."""
    key = row.get(name)
    if not key or referenced is None:
        return ""
    column = _tables()[table].c[name]
    target = next(iter(column.foreign_keys)).column.table.name
    found = referenced(target, str(key))
    if found is None:
        return ""
    kind = _kind(target, found)
    return f"{kind[:1].lower()}{kind[1:]} {_own_name(target, found)}".strip() if with_kind else _own_name(target, found)


def _record_label(table: str, row: Mapping[str, Any] | None, referenced: Referenced | None = None) -> str:
    """ "Actiepunt AO-2026-3-A02", "Agendapunt 4 Voortgang bij overleg Afstemmingsoverleg 3", "Voortgang van
    12-03-2026 bij actiepunt AO-2026-3-A02", "Aanwezigheid van Jan Jansen bij overleg ..."; ``referenced(table,
    key)`` reads a record referred to (without it, a record is named by its own fields only)."""
    kind = _kind(table, row)
    if row is None:
        return kind
    own = _own_name(table, row)
    if not own and table in _OF:
        own = next(filter(None, (_referenced_label(table, c, row, referenced, False) for c in _OF[table])), "")
    if own and table in _OF_WORD:
        own = f"{_OF_WORD[table]}{own}"
    if not own:
        text = str(row.get("text") or row.get("note") or "").strip().replace("\n", " ")
        own = f"'{text[:50]}{'...' if len(text) > 50 else ''}'" if text else ""
    label = f"{kind} {own}".strip()
    belongs = next(filter(None, (_referenced_label(table, c, row, referenced) for c in _BELONGS_TO.get(table, ()))), "")
    return f"{label} bij {belongs}" if belongs else label


class _Labels:
    """``_record_label`` reading what a record refers to from these databases (the copy first: what was added
    offline is there; then the team database), each referenced record once."""

    def __init__(self, *sessions: Session) -> None:
        self.sessions = sessions
        self.rows: dict[tuple[str, str], dict[str, Any] | None] = {}

    def row(self, table: str, key: str) -> dict[str, Any] | None:
        if (table, key) not in self.rows:
            found = None
            for session in self.sessions:
                found = _fetch(session, _tables()[table], [key]).get(key)
                if found is not None:
                    break
            self.rows[(table, key)] = found
        return self.rows[(table, key)]

    def __call__(self, table: str, row: Mapping[str, Any] | None) -> str:
        return _record_label(table, row, self.row)


def _summary(row: Mapping[str, Any]) -> str:
    text = str(row.get("text") or row.get("done_text") or row.get("todo_text") or row.get("note") or "").strip()
    return text[:120]


def _field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " "))


@dataclass
class _Record:
    table: str
    key: str
    base: dict[str, Any] | None
    mine: dict[str, Any] | None
    theirs: dict[str, Any] | None
    changes: list[LoggedChange]


@dataclass
class _Plan:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table -> mine rows, in key order
    updates: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    deletes: list[tuple[str, str]] = field(default_factory=list)
    merged: list[MergedField] = field(default_factory=list)
    added: list[RecordChange] = field(default_factory=list)
    deleted: list[RecordChange] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # values of OfflineConflictRecord
    renumberings: list[Renumbering] = field(default_factory=list)
    refused_inserts: set[tuple[str, str]] = field(default_factory=set)  # not in the team database: no base


def _who_when(changes: Sequence[LoggedChange], name: str) -> tuple[str, datetime | None]:
    """Who changed field ``name`` last in ``changes`` (a delete counts for every field)."""
    for change in reversed(changes):
        if change.operation == "D" or name in change.new_values or not name:
            return change.changed_by, change.changed_at
    if changes:
        return changes[-1].changed_by, changes[-1].changed_at
    return "", None


def _is_confidential(*rows: Mapping[str, Any] | None) -> bool:
    return any(bool(row and row.get("confidential")) for row in rows)


def _plan(copy: Session, team: Session, info: OfflineCopy, records: list[_Record]) -> _Plan:
    plan = _Plan()
    t = _tables()
    theirs_logs: dict[tuple[str, str], list[LoggedChange]] = {}
    label = _Labels(copy, team)

    def theirs_log(record: _Record) -> list[LoggedChange]:
        index = (record.table, record.key)
        if index not in theirs_logs:
            theirs_logs[index] = [
                c for c in record_log(team, record.table, record.key) if c.id > info.source_change_id
            ]
        return theirs_logs[index]

    def conflict(record: _Record, kind: str, name: str, base: Any, mine: Any, theirs: Any) -> None:
        mine_by, mine_at = _who_when(record.changes, name)
        theirs_by, theirs_at = _who_when(theirs_log(record), name)
        label_row = record.mine or record.theirs or record.base
        plan.conflicts.append(
            {
                "uid": uuid.uuid5(info.copy_id, f"{record.table}/{record.key}/{name}/{kind}"),
                "copy_id": info.copy_id,
                "kind": kind,
                "table_name": record.table,
                "record_id": record.key,
                "record_label": label(record.table, label_row)[:500],
                "field": name,
                "base_value": base,
                "mine_value": mine,
                "theirs_value": theirs,
                "mine_row": record.mine if kind in ("deleted_theirs", "added") else None,
                "mine_by": mine_by[:200],
                "mine_at": mine_at,
                "theirs_by": theirs_by[:200],
                "theirs_at": theirs_at,
                "confidential": _is_confidential(record.base, record.mine, record.theirs),
                "created_at": datetime.now(UTC),
                "resolved_by": "",
                "resolution": "",
            }
        )

    for record in records:
        table = t[record.table]
        fields = _merge_fields(table)
        base, mine, theirs = record.base, record.mine, record.theirs
        if base is None:
            if mine is None:
                continue  # added and deleted again offline
            if theirs is None:
                plan.inserts.setdefault(record.table, []).append(mine)
                continue
            base = {}  # there already (a record taken twice, or an earlier run): only the differences count
        if mine is None:
            if theirs is None:
                continue  # deleted on both sides
            edited = {f: theirs.get(f) for f in fields if theirs.get(f) != base.get(f)}
            if edited:
                conflict(record, "deleted_mine", "", None, None, edited)
            else:
                plan.deletes.append((record.table, record.key))
                plan.deleted.append(RecordChange(record.table, record.key, label(record.table, base),
                                                 _is_confidential(base), _summary(base)))
            continue
        changed = [f for f in fields if mine.get(f) != base.get(f)]
        if theirs is None:
            if changed:
                conflict(record, "deleted_theirs", "", None, {f: mine.get(f) for f in changed}, None)
            continue
        values: dict[str, Any] = {}
        for name in changed:
            was, ours, other = base.get(name), mine.get(name), theirs.get(name)
            if other == was:
                values[name] = ours
                line_merged = False
            elif other == ours:
                continue
            elif _is_long_text(table, name) and isinstance(was, str) and isinstance(ours, str) and isinstance(other, str):
                merged = merge_lines(was, ours, other)
                if merged is None:
                    conflict(record, "edit", name, was, ours, other)
                    continue
                values[name] = merged
                line_merged = True
            else:
                conflict(record, "edit", name, was, ours, other)
                continue
            plan.merged.append(
                MergedField(record.table, record.key, label(record.table, {**theirs, **values}), name,
                            _field_label(name), values[name], line_merged, _is_confidential(mine, theirs))
            )
        if values:
            if "sha256" in values:
                values[_BYTES] = None  # filled from the copy when applied
            plan.updates[(record.table, record.key)] = values
    _renumber(team, plan)
    for name, rows in plan.inserts.items():
        plan.added.extend(RecordChange(name, _record_key(t[name], row), label(name, row),
                                       _is_confidential(row), _summary(row)) for row in rows)
    return plan


_DECISION_NUMBER = re.compile(r"^(?P<head>.*-)(?P<sequence>\d+)$")
_ACTION_NUMBER = re.compile(r"^(?P<code>.*)-(?P<year>\d{4})-(?P<meeting>\d+)-(?P<letter>[AT])(?P<sequence>\d+)$")


def _renumber(team: Session, plan: _Plan) -> None:
    """Give offline decisions and action items the next free numbers where the team used theirs meanwhile.

    Numbers given offline are provisional: a group (a series and year; for action items a series code, year and
    letter) whose numbers clash with one of the team database is numbered on after the team's highest, in the
    order it was given offline; a group without a clash keeps its numbers.
    """
    t = _tables()
    decisions = t["decision"]
    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for row in plan.inserts.get("decision", []):
        groups.setdefault((row.get("series_id"), row.get("year")), []).append(row)
    for (series_id, year), rows in groups.items():
        same = decisions.c.series_id == _python(decisions.c.series_id, series_id) if series_id else decisions.c.series_id.is_(None)
        used = set(team.scalars(select(decisions.c.sequence).where(same, decisions.c.year == year)))
        if not any(row.get("sequence") in used for row in rows):
            continue
        following = max(used, default=0)
        for row in sorted(rows, key=lambda r: (r.get("sequence") or 0)):
            following += 1
            old = str(row.get("number") or "")
            match = _DECISION_NUMBER.match(old)
            new = f"{match.group('head')}{following:02d}" if match else old
            row["sequence"], row["number"] = following, new
            plan.renumberings.append(Renumbering("besluit", old, new, uuid.UUID(row["id"])))
    actions = t["action_item"]
    action_groups: dict[tuple[str, str, str], list[tuple[dict[str, Any], re.Match[str]]]] = {}
    for row in plan.inserts.get("action_item", []):
        match = _ACTION_NUMBER.match(str(row.get("number") or ""))
        if match:
            action_groups.setdefault((match["code"], match["year"], match["letter"]), []).append((row, match))
    for (code, year, letter), members in action_groups.items():
        used_numbers = set(team.scalars(select(actions.c.number).where(actions.c.number.like(f"{code}-{year}-%"))))
        used = {
            int(m["sequence"])
            for m in (_ACTION_NUMBER.match(n or "") for n in used_numbers)
            if m and m["code"] == code and m["year"] == year and m["letter"] == letter
        }
        if not any(int(m["sequence"]) in used or row["number"] in used_numbers for row, m in members):
            continue
        following = max(used, default=0)
        for row, match in sorted(members, key=lambda member: int(member[1]["sequence"])):
            following += 1
            old = str(row["number"])
            new = f"{code}-{year}-{match['meeting']}-{letter}{following:02d}"
            row["number"] = new
            kind = "toezegging" if letter == "T" else "actiepunt"
            plan.renumberings.append(Renumbering(kind, old, new, uuid.UUID(row["id"])))


def _insert_row(team: Session, table: Any, row: Mapping[str, Any], content: bytes | None = None) -> None:
    values = {c.name: _python(c, row.get(c.name)) for c in table.columns if c.name != _BYTES}
    if _BYTES in table.c:
        values[_BYTES] = content
    team.execute(table.insert().values(values))


def _all_or_each(team: Session, items: Sequence[Any], write: Any, refuse: Any) -> None:
    """``write(items)`` in one savepoint; when the team database refuses it (a reference to a record it deleted
    meanwhile, a record it still uses), each item in its own savepoint, and ``refuse(item)`` for those it refuses.
    One savepoint for all: a savepoint per record would index the search text at every one."""
    from sqlalchemy.exc import IntegrityError

    if not items:
        return
    try:
        with team.begin_nested():
            write(items)
        return
    except IntegrityError:
        pass
    for item in items:
        try:
            with team.begin_nested():
                write([item])
        except IntegrityError:
            refuse(item)


def _apply(copy: Session, team: Session, plan: _Plan) -> None:
    """Write the plan into the team database (inside the caller's transaction): inserts parents first, then the
    updates (grouped into one statement per table and set of fields), then deletes children first."""
    t = _tables()
    now = datetime.now(UTC)
    for table in _data_tables():
        rows = plan.inserts.get(table.name, [])
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == table.name]

        def insert(rows: Sequence[dict[str, Any]], table: Any = table, own: list[str] = own) -> None:
            for row in rows:
                content = _content(copy, table, row) if _BYTES in table.c else None
                _insert_row(team, table, {**row, **dict.fromkeys(own)}, content)
            for row in rows:  # references within the table, now that every row is there
                if any(row.get(c) is not None for c in own):
                    team.execute(
                        update(table).where(_key_condition(table, _record_key(table, row)))
                        .values({c: _python(table.c[c], row.get(c)) for c in own})
                    )

        def refuse_insert(row: dict[str, Any], table: Any = table) -> None:
            plan.refused_inserts.add((table.name, str(row["id"])))
            plan.added = [a for a in plan.added if not (a.table == table.name and a.record_id == row["id"])]
            plan.conflicts.append(_refused_insert(table.name, row))

        _all_or_each(team, rows, insert, refuse_insert)

    def write_updates(items: Sequence[tuple[tuple[str, str], dict[str, Any]]]) -> None:
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for (name, key), values in items:
            table = t[name]
            written = {n: _python(table.c[n], v) for n, v in values.items() if n != _BYTES}
            if _BYTES in values:
                written[_BYTES] = _content(copy, table, {"id": key})
            if len(_key_columns(table)) != 1:  # a link table has no fields of its own to update
                continue
            bound = {f"v_{n}": v for n, v in written.items()}  # a column's own name is SQLAlchemy's
            bound["v__key"] = _python(_key_columns(table)[0], key)
            groups.setdefault((name, tuple(sorted(written))), []).append(bound)
        for (name, names), parameters in groups.items():
            table = t[name]
            setting: dict[str, Any] = {n: bindparam(f"v_{n}") for n in names}
            if "updated_at" in table.c:
                setting["updated_at"] = now
            if "row_version" in table.c:
                setting["row_version"] = table.c.row_version + 1
            statement = update(table).where(_key_columns(table)[0] == bindparam("v__key")).values(setting)
            team.connection().execute(statement, parameters)

    def refuse_update(item: tuple[tuple[str, str], dict[str, Any]]) -> None:
        (name, key), values = item
        plan.merged = [m for m in plan.merged if not (m.table == name and m.record_id == key)]
        plan.conflicts.append(_refused_update(name, key, values))

    _all_or_each(team, list(plan.updates.items()), write_updates, refuse_update)

    def delete_rows(keys: Sequence[tuple[str, str]]) -> None:
        for name, key in keys:
            team.execute(t[name].delete().where(_key_condition(t[name], key)))

    def refuse_delete(item: tuple[str, str]) -> None:
        name, key = item
        plan.deleted = [d for d in plan.deleted if not (d.table == name and d.record_id == key)]
        plan.conflicts.append(_refused_delete(name, key))

    _all_or_each(team, list(reversed(_delete_order(plan.deletes))), delete_rows, refuse_delete)


def _delete_order(deletes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Parents before children (deleted in reverse)."""
    order = {name: index for index, name in enumerate(_tables())}
    return sorted(deletes, key=lambda item: order.get(item[0], 0))


def _content(copy: Session, table: Any, row: Mapping[str, Any]) -> bytes | None:
    value = copy.scalar(select(table.c[_BYTES]).where(_key_condition(table, str(row["id"]))))
    return bytes(value) if value is not None else None


def _bare_conflict(name: str, key: str, kind: str, label_row: Mapping[str, Any] | None, **values: Any) -> dict[str, Any]:
    return {
        "uid": uuid.uuid4(), "kind": kind, "table_name": name, "record_id": key,
        "record_label": _record_label(name, label_row)[:500], "field": "", "base_value": None, "mine_value": None,
        "theirs_value": None, "mine_row": None, "mine_by": "", "mine_at": None, "theirs_by": "", "theirs_at": None,
        "confidential": _is_confidential(label_row), "created_at": datetime.now(UTC), "resolved_by": "",
        "resolution": "", **values,
    }  # fmt: skip


def _refused_insert(name: str, row: dict[str, Any]) -> dict[str, Any]:
    return _bare_conflict(
        name, str(row["id"]), "added", row, mine_row=row, mine_value="toegevoegd",
        theirs_value="verwijst naar iets dat in de teamdatabase is verwijderd",
    )  # fmt: skip


def _refused_update(name: str, key: str, values: dict[str, Any]) -> dict[str, Any]:
    shown = {n: v for n, v in values.items() if n != _BYTES}
    return _bare_conflict(
        name, key, "edit", None, field=", ".join(shown)[:60], mine_value=shown,
        theirs_value="verwijst naar iets dat in de teamdatabase is verwijderd",
    )  # fmt: skip


def _refused_delete(name: str, key: str) -> dict[str, Any]:
    return _bare_conflict(
        name, key, "deleted_mine", None, mine_value=None, theirs_value="wordt in de teamdatabase nog gebruikt"
    )


def _records(copy: Session, team: Session, info: OfflineCopy) -> list[_Record]:
    """Every record the copy changed since it was taken or last returned, with its base, mine and theirs rows."""
    t = _tables()
    wanted = {table.name for table in _data_tables()}
    touched: dict[tuple[str, str], list[LoggedChange]] = {}
    for change in changes_after(copy, info.copy_change_id):
        if change.table in wanted:
            touched.setdefault((change.table, change.record_id), []).append(change)
    by_table: dict[str, set[str]] = {}
    for name, key in touched:
        by_table.setdefault(name, set()).add(key)
    bases: dict[tuple[str, str], dict[str, Any]] = {}
    mine: dict[tuple[str, str], dict[str, Any]] = {}
    theirs: dict[tuple[str, str], dict[str, Any]] = {}
    for name, keys in by_table.items():
        ordered = sorted(keys)
        for start in range(0, len(ordered), 500):
            query = select(OfflineBase).where(
                OfflineBase.table_name == name, OfflineBase.record_id.in_(ordered[start : start + 500])
            )
            bases.update(((name, b.record_id), dict(b.row_values)) for b in copy.scalars(query))
        mine.update(((name, k), row) for k, row in _fetch(copy, t[name], keys).items())
        theirs.update(((name, k), row) for k, row in _fetch(team, t[name], keys).items())
    order = {name: index for index, name in enumerate(t)}
    return [
        _Record(name, key, bases.get((name, key)), mine.get((name, key)), theirs.get((name, key)), changes)
        for (name, key), changes in sorted(touched.items(), key=lambda item: (order.get(item[0][0], 0), item[1][0].id))
    ]


def _stored(record: OfflineConflictRecord) -> OfflineConflict:
    return OfflineConflict(
        id=record.id, uid=record.uid, copy_id=record.copy_id, kind=record.kind, table=record.table_name,
        record_id=record.record_id, record_label=record.record_label, field=record.field,
        field_label=_field_label(record.field), base=record.base_value, mine=record.mine_value,
        theirs=record.theirs_value, mine_by=record.mine_by, mine_at=record.mine_at, theirs_by=record.theirs_by,
        theirs_at=record.theirs_at, confidential=record.confidential, created_at=record.created_at,
        resolved_at=record.resolved_at, resolution=record.resolution,
    )  # fmt: skip


def return_offline(
    copy: Session, team: Session, *, dry_run: bool = False, progress: Progress | None = None
) -> ReturnResult:
    """Merge the offline copy into the team database (see the module's text). Commits ``team`` and then ``copy``
    itself (in that order: the copy is marked returned only after the team committed); with ``dry_run`` both are
    rolled back and nothing changes. Raises ``OfflineError`` for a database that is no offline copy.

    A copy can be returned again (the secretaris returns at the break and again at the end): each return sends
    what changed in the copy since the last one, against the base that return agreed on; a return with nothing new
    writes nothing.
    ``progress(done, total, label)`` is told each step (the last, ``done == total``, once it is done)."""
    started = perf_counter()
    report = progress or _no_progress
    report(0, _RETURN_STEPS, "Wijzigingen van de kopie lezen")
    info = copy.scalars(select(OfflineCopy)).first()
    if info is None:
        raise OfflineError(
            "Dit bestand is geen offline kopie, dus er is niets terug te zetten. Kies het bestand dat met "
            "Meenemen (ghnt-desktop offline take) is gemaakt."
        )
    own = team.scalars(select(OfflineCopy)).first()
    if own is not None and own.copy_id == info.copy_id:
        raise OfflineError("De kopie kan niet in zichzelf worden teruggezet. Kies de teamdatabase of het gedeelde bestand.")
    title, label = info.meeting_title, info.source_label
    earlier = team.get(OfflineReturn, info.copy_id)
    # The team committed a return the copy never marked (the run stopped between the two commits): its numbers go
    # into the copy first, then the merge runs as usual, which finds the rest already there (theirs equals mine).
    interrupted = earlier is not None and earlier.copy_change_id > info.copy_change_id
    redone: list[Renumbering] = []
    carried: list[dict[str, Any]] = []  # kept with this return too: should it stop as well, the next run needs them
    if interrupted:
        assert earlier is not None
        carried = _stored_renumberings(earlier.summary)
        redone = _renumber_copy(copy, carried)
    records = _records(copy, team, info)
    report(1, _RETURN_STEPS, "Vergelijken met de teamdatabase")
    if not records and not interrupted:  # nothing new since the take or the last return: nothing is written
        copy.rollback()
        team.rollback()
        report(_RETURN_STEPS, _RETURN_STEPS, "Klaar")
        return ReturnResult(
            label, title, dry_run=dry_run, already_returned=info.returned_at is not None,
            seconds=perf_counter() - started,
        )  # fmt: skip
    plan = _plan(copy, team, info, records)
    report(2, _RETURN_STEPS, "Samenvoegen")
    if not dry_run:
        _apply(copy, team, plan)
    conflicts = _confidential_marked(copy, team, plan)
    report(3, _RETURN_STEPS, "Vastleggen")
    if dry_run:
        team.rollback()
        copy.rollback()
        report(_RETURN_STEPS, _RETURN_STEPS, "Klaar")
        return _result(label, title, plan, conflicts, dry_run=True, started=started, completed=interrupted)
    stored = _store_conflicts(team, info.copy_id, plan.conflicts)
    returned_at = datetime.now(UTC)
    returns = (earlier.summary.get("returns", 1) if earlier is not None else 0) + 1
    given = carried + _renumbering_rows(plan)
    summary: dict[str, Any] = {
        "merged": len(plan.merged), "added": len(plan.added), "deleted": len(plan.deleted),
        "conflicts": len(plan.conflicts), "renumbered": len(plan.renumberings), "returns": returns,
        # what the copy must take over should this run stop before the copy is marked (see ``interrupted``)
        "renumberings": given,
    }  # fmt: skip
    watermark = last_change_id(copy)  # every change of the copy up to here is in this return
    if earlier is None:
        earlier = OfflineReturn(copy_id=info.copy_id)
        team.add(earlier)
    earlier.source_label, earlier.meeting_title = label[:300], title[:500]
    earlier.returned_at, earlier.returned_by = returned_at, recorded_user()[:200]
    earlier.copy_change_id, earlier.summary = watermark, summary
    team.flush()
    conflicts = [_stored(record) for record in stored]
    team.commit()
    # The copy: what this return agreed on becomes the base of the next one, and the numbers the team gave are
    # the copy's too, so the next return neither sends these changes again nor renumbers them again.
    _renumber_copy(copy, given)
    _agree(copy, plan, records)
    info.copy_change_id = last_change_id(copy)  # after the copy's own writes above: they are not sent again
    info.returned_at = returned_at
    copy.commit()
    plan.renumberings = redone + plan.renumberings
    report(_RETURN_STEPS, _RETURN_STEPS, "Klaar")
    return _result(label, title, plan, conflicts, dry_run=False, started=started, completed=interrupted)


def _renumbering_rows(plan: _Plan) -> list[dict[str, Any]]:
    """The numbers a return gave (table, id, number and for a decision its sequence), as JSON holds them."""
    rows = []
    for renumbered in plan.renumberings:
        name = "decision" if renumbered.kind == "besluit" else "action_item"
        row = next(r for r in plan.inserts.get(name, []) if r["id"] == str(renumbered.record_id))
        rows.append({"table": name, "id": row["id"], "old": renumbered.old, "number": row["number"],
                     "sequence": row.get("sequence") if name == "decision" else None})  # fmt: skip
    return rows


def _stored_renumberings(summary: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    rows = (summary or {}).get("renumberings") or []
    return [row for row in rows if isinstance(row, dict) and row.get("table") in ("decision", "action_item")]


def _renumber_copy(copy: Session, rows: Sequence[Mapping[str, Any]]) -> list[Renumbering]:
    """Give the copy's records the numbers the team database gave them (those still in the copy and not yet so).

    Decisions are numbered unique per series and year: the renumbered ones first step aside to negative sequences,
    so that one taking the number another still holds does not clash (3 -> 6 while 6 -> 7)."""
    t = _tables()
    done: list[Renumbering] = []
    pending = []
    for row in rows:
        table = t[row["table"]]
        key = table.c.id == _python(table.c.id, row["id"])
        current = copy.execute(select(table.c.number).where(key)).scalar()
        if current is None or current == row["number"]:
            continue
        pending.append((table, key, row))
        match = _ACTION_NUMBER.match(str(row["number"]))
        kind = "besluit" if row["table"] == "decision" else ("toezegging" if match and match["letter"] == "T" else "actiepunt")
        done.append(Renumbering(kind, str(current), row["number"], uuid.UUID(str(row["id"]))))
    for step, (table, key, row) in enumerate(pending):
        if row["table"] == "decision":
            copy.execute(update(table).where(key).values(sequence=-1 - step))
    for table, key, row in pending:
        values = {"number": row["number"]}
        if row["table"] == "decision" and row.get("sequence") is not None:
            values["sequence"] = row["sequence"]
        copy.execute(update(table).where(key).values(values))
    return done


def _agree(copy: Session, plan: _Plan, records: Sequence[_Record]) -> None:
    """After a return, each record it looked at gets the copy's row as its new base (as renumbered): changed on the
    copy's side since are the changes of the next return. A field the team changed meanwhile still differs from
    this base in the team database, so a later offline edit of it is a conflict, as it should be. A record deleted
    offline, or added offline and refused by the team, has no base."""
    by_table: dict[str, list[_Record]] = {}
    for record in records:
        by_table.setdefault(record.table, []).append(record)
    for name, members in by_table.items():
        keys = sorted(record.key for record in members)
        for start in range(0, len(keys), 500):
            copy.execute(
                delete(OfflineBase).where(OfflineBase.table_name == name, OfflineBase.record_id.in_(keys[start : start + 500]))
            )
        rows = [
            {"table_name": name, "record_id": record.key, "row_values": record.mine}
            for record in members
            if record.mine is not None and (name, record.key) not in plan.refused_inserts
        ]
        if rows:
            copy.execute(_tables_of_models()["offline_base"].insert(), rows)


def _store_conflicts(team: Session, copy_id: uuid.UUID, planned: Sequence[dict[str, Any]]) -> list[OfflineConflictRecord]:
    """Store the plan's conflicts; gives those that are new or whose values changed. A conflict of an earlier return
    of this copy that is still open (the same record, field and kind) is updated with the new values instead of
    listed twice; one with the same values is left as it is. New ones get a uid made from what they are about (a
    return run again after a stop stores the same ones)."""
    existing = list(team.scalars(select(OfflineConflictRecord).where(OfflineConflictRecord.copy_id == copy_id)))
    still_open = {(c.table_name, c.record_id, c.field, c.kind): c for c in existing if c.resolved_at is None}
    uids = {c.uid for c in existing}
    stored: list[OfflineConflictRecord] = []
    for values in planned:
        values = {**values, "copy_id": copy_id}
        same = still_open.get((values["table_name"], values["record_id"], values["field"], values["kind"]))
        if same is not None:
            if (same.mine_value, same.theirs_value, same.mine_row) == (
                values["mine_value"], values["theirs_value"], values["mine_row"]
            ):
                continue
            for name in ("base_value", "mine_value", "theirs_value", "mine_row", "mine_by", "mine_at", "theirs_by",
                         "theirs_at", "confidential", "record_label"):  # fmt: skip
                setattr(same, name, values[name])
            stored.append(same)
            continue
        about = f"{values['table_name']}/{values['record_id']}/{values['field']}/{values['kind']}"
        uid, attempt = uuid.uuid5(copy_id, about), 1
        while uid in uids:  # the same kind of conflict again after the earlier one was decided
            uid, attempt = uuid.uuid5(copy_id, f"{about}/{attempt}"), attempt + 1
        uids.add(uid)
        values["uid"] = uid
        record = OfflineConflictRecord(**values)
        team.add(record)
        stored.append(record)
    return stored


def _confidential_marked(copy: Session, team: Session, plan: _Plan) -> list[OfflineConflict]:
    """Mark what the plan lists vertrouwelijk where the one rule (``services.confidentiality``) says so, on either
    side (a record is vertrouwelijk when it or what it belongs to is flagged, offline or in the team database);
    gives the planned conflicts (not yet stored)."""
    from dataclasses import replace

    from .confidentiality import confidential_scope

    checks = {"agenda_item": "agenda_item", "decision": "decision", "action_item": "action",
              "progress_update": "update", "attendance": "guest", "indicator": "indicator"}  # fmt: skip
    needed = (
        any(v["table_name"] in checks for v in plan.conflicts)
        or any(m.table in checks for m in plan.merged)
        or any(r.table in checks for r in plan.added + plan.deleted)
    )
    if needed:
        scopes = [confidential_scope(copy), confidential_scope(team)]

        def hidden(name: str, key: str) -> bool:
            check = checks.get(name)
            if check is None:
                return False
            try:
                record_id = uuid.UUID(key)
            except ValueError:
                return False
            return any(getattr(scope, check)(record_id) for scope in scopes)

        for values in plan.conflicts:
            values["confidential"] = values["confidential"] or hidden(values["table_name"], values["record_id"])
        plan.merged = [m if m.confidential or not hidden(m.table, m.record_id) else replace(m, confidential=True)
                       for m in plan.merged]  # fmt: skip
        plan.added = [r if r.confidential or not hidden(r.table, r.record_id) else replace(r, confidential=True)
                      for r in plan.added]  # fmt: skip
        plan.deleted = [r if r.confidential or not hidden(r.table, r.record_id) else replace(r, confidential=True)
                        for r in plan.deleted]  # fmt: skip
    return [
        _stored(OfflineConflictRecord(id=0, **{**values, "created_at": values.get("created_at")}))
        for values in plan.conflicts
    ]


def _result(
    label: str, title: str, plan: _Plan, conflicts: list[OfflineConflict], *, dry_run: bool, started: float,
    completed: bool = False,
) -> ReturnResult:
    return ReturnResult(
        source_label=label, meeting_title=title, merged=plan.merged, added=plan.added, deleted=plan.deleted,
        conflicts=conflicts, renumberings=plan.renumberings, dry_run=dry_run, completed=completed,
        seconds=perf_counter() - started,
    )  # fmt: skip


def open_offline_conflicts(team: Session) -> list[OfflineConflict]:
    """The conflicts of earlier returns nobody decided yet, oldest first."""
    query = select(OfflineConflictRecord).where(OfflineConflictRecord.resolved_at.is_(None))
    return [_stored(record) for record in team.scalars(query.order_by(OfflineConflictRecord.id))]


def _typed(column: Any, text: str) -> Any:
    """A value the user typed for ``column``, as a normal value; ``ValidationError`` when it cannot hold it."""
    from sqlalchemy import Boolean, Integer, String

    label = _field_label(column.name)
    kind = column.type
    value = text.strip()
    if isinstance(kind, Boolean):
        if value.lower() in ("ja", "j", "true", "1", "waar"):
            return True
        if value.lower() in ("nee", "n", "false", "0", "onwaar"):
            return False
        raise ValidationError(f"Typ 'ja' of 'nee' voor {label}.")
    if isinstance(kind, Integer):
        try:
            return int(value)
        except ValueError:
            raise ValidationError(f"Typ een geheel getal voor {label}.") from None
    if isinstance(kind, SqlDate | SqlDateTime):
        for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
            try:
                return datetime.strptime(value, pattern).date().isoformat()
            except ValueError:
                continue
        raise ValidationError(f"Typ een datum als 31-12-2026 voor {label}.")
    if isinstance(kind, SqlUuid):
        raise ValidationError(f"Voor {label} kunt u alleen kiezen tussen de twee waarden, niet zelf typen.")
    if isinstance(kind, String) and kind.length and len(text) > kind.length:
        raise ValidationError(f"{label.capitalize()} mag hoogstens {kind.length} tekens lang zijn.")
    return text


def resolve_offline_conflict(
    team: Session, conflict_id: uuid.UUID | int, choice: Literal["mine", "theirs"] | str
) -> None:
    """Decide a conflict: "mine" writes the offline value (or deletes / restores the record), "theirs" keeps the
    team database's; any other text is a value the user typed for the field. Raises ``OfflineError`` for an
    unknown or already decided conflict, ``ValidationError`` for a typed value the field cannot hold."""
    from sqlalchemy.exc import IntegrityError

    column = OfflineConflictRecord.uid if isinstance(conflict_id, uuid.UUID) else OfflineConflictRecord.id
    record = team.scalars(select(OfflineConflictRecord).where(column == conflict_id)).first()
    if record is None:
        raise OfflineError(f"Conflict {conflict_id} bestaat niet. Vernieuw de lijst met conflicten.")
    if record.resolved_at is not None:
        raise OfflineError(f"Over conflict {conflict_id} ({record.record_label}) is al besloten.")
    table = _tables().get(record.table_name)
    if table is None:
        raise OfflineError(f"Conflict {conflict_id} gaat over een onbekende tabel {record.table_name}.")
    where = _key_condition(table, record.record_id)
    exists = team.execute(select(*_key_columns(table)).where(where)).first() is not None
    now = datetime.now(UTC)
    typed = choice not in ("mine", "theirs")
    if typed and record.kind != "edit":
        raise ValidationError("Kies bij een verwijderd of niet toegevoegd record de offline of de teamversie.")
    if record.kind == "edit" and choice != "theirs":
        if not exists:
            raise OfflineError(f"{record.record_label} is intussen verwijderd; kies de teamversie.")
        if typed:
            values = {record.field: _typed(table.c[record.field], choice)}
        elif isinstance(record.mine_value, dict) and record.field not in table.c:
            values = dict(record.mine_value)  # an update refused as a whole
        else:
            values = {record.field: record.mine_value}
        written: dict[str, Any] = {n: _python(table.c[n], v) for n, v in values.items() if n in table.c}
        if "updated_at" in table.c:
            written["updated_at"] = now
        if "row_version" in table.c:
            written["row_version"] = table.c.row_version + 1
        try:
            with team.begin_nested():
                team.execute(update(table).where(where).values(written))
        except IntegrityError:
            raise OfflineError(
                f"De offline waarde van {record.record_label} verwijst naar iets dat niet meer bestaat; kies de "
                "teamversie of typ een andere waarde."
            ) from None
    elif record.kind == "deleted_mine" and choice == "mine" and exists:
        try:
            with team.begin_nested():
                team.execute(table.delete().where(where))
        except IntegrityError:
            raise OfflineError(
                f"{record.record_label} wordt in de teamdatabase nog gebruikt en kan niet worden verwijderd; kies de "
                "teamversie."
            ) from None
    elif record.kind in ("deleted_theirs", "added") and choice == "mine" and record.mine_row is not None:
        try:
            with team.begin_nested():
                if exists:
                    changed = {n: _python(table.c[n], v) for n, v in record.mine_row.items()
                               if n in table.c and n not in _NOT_MERGED}  # fmt: skip
                    team.execute(update(table).where(where).values(changed))
                else:  # restored: its number may have been given to another record meanwhile
                    restored = dict(record.mine_row)
                    _renumber(team, _Plan(inserts={record.table_name: [restored]}))
                    _insert_row(team, table, restored)
        except IntegrityError:
            raise OfflineError(
                f"{record.record_label} verwijst naar iets dat in de teamdatabase is verwijderd en kan niet worden "
                "teruggezet; kies de teamversie."
            ) from None
    record.resolved_at = now
    record.resolved_by = recorded_user()[:200]
    record.resolution = "typed" if typed else choice
    team.flush()


# ---------------------------------------------------------------------------------------------------------------
# Text


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _shown(value: Any, table: str = "", name: str = "") -> str:
    """A value as the return prints it: "(leeg)", ja/nee, a date as 31-12-2027, a choice of ``table``'s field
    ``name`` by its Dutch label ("Loopt", not "in_progress"), a number bare, a text quoted."""
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        return "; ".join(f"{_field_label(k)}: {_shown(v, table, k)}" for k, v in value.items())
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return f"{date.fromisoformat(value):%d-%m-%Y}"
        except ValueError:
            pass
    from ..models import Base

    model_table = Base.metadata.tables.get(table)
    column = model_table.c.get(name) if model_table is not None and name else None
    enum_cls = getattr(column.type, "enum_cls", None) if column is not None else None  # a TolerantEnum's members
    if enum_cls is not None:
        try:
            return str(enum_cls(value).label)
        except ValueError:
            pass
    text = str(value).replace("\n", " / ")
    return f"'{text[:200]}{'...' if len(text) > 200 else ''}'"


def _moment(who: str, when: datetime | None) -> str:
    parts = [f"door {who}" if who else "door onbekend"]
    if when is not None:
        local = when.astimezone() if when.tzinfo is not None else when
        parts.append(f"op {local:%d-%m-%Y %H:%M}")
    return " ".join(parts)


HIDDEN = "(vertrouwelijk, niet getoond)"


def _conflict_lines(conflict: OfflineConflict, include_confidential: bool = False) -> list[str]:
    hide = conflict.confidential and not include_confidential

    def value(v: Any) -> str:
        return HIDDEN if hide else _shown(v, conflict.table, conflict.field)

    head = f"conflict   {conflict.record_label}"
    mine_side = f"offline {_moment(conflict.mine_by, conflict.mine_at)}"
    theirs_side = f"teamdatabase {_moment(conflict.theirs_by, conflict.theirs_at)}"
    if conflict.kind == "deleted_mine":
        body = f"offline verwijderd ({mine_side}), in de teamdatabase gewijzigd: {value(conflict.theirs)} ({theirs_side})"
    elif conflict.kind == "deleted_theirs":
        body = f"offline gewijzigd: {value(conflict.mine)} ({mine_side}), in de teamdatabase verwijderd ({theirs_side})"
    elif conflict.kind == "added":
        body = f"offline toegevoegd ({mine_side}), maar het {value(conflict.theirs)}"
    else:
        body = (
            f"{conflict.field_label}: offline {value(conflict.mine)} ({_moment(conflict.mine_by, conflict.mine_at)}); "
            f"teamdatabase {value(conflict.theirs)} ({_moment(conflict.theirs_by, conflict.theirs_at)})"
        )
    return [f"{head}: {body}"]


def _result_lines(result: ReturnResult, include_confidential: bool = False) -> list[str]:
    if result.already_returned:
        return [
            f"Deze offline kopie ({result.meeting_title}) is al teruggezet en sindsdien niet gewijzigd; er is niets "
            "te doen."
        ]
    lines = []
    if result.completed:
        lines.append(
            f"De wijzigingen van deze offline kopie ({result.meeting_title}) stonden al in {result.source_label} "
            "(een eerdere terugzetting werd onderbroken na het opslaan); de kopie is nu als teruggezet gemarkeerd."
            if not result.dry_run else
            f"Een eerdere terugzetting van deze offline kopie ({result.meeting_title}) werd onderbroken na het "
            f"opslaan in {result.source_label}; terugzetten maakt haar af."
        )  # fmt: skip
        if result.nothing_to_do:
            return lines
    lines.append(
        ("Proef (er is niets gewijzigd): " if result.dry_run else "")
        + f"terugzetten van {result.meeting_title} naar {result.source_label}"
    )
    if result.nothing_to_do:
        lines.append("Er is offline niets gewijzigd; er is niets te doen.")
        return lines
    lines.append(
        f"{len(result.merged)} veld(en) samengevoegd, {len(result.added)} record(s) toegevoegd, "
        f"{len(result.deleted)} verwijderd, {len(result.renumberings)} hernummerd, {len(result.conflicts)} conflict(en)."
    )
    for merged in result.merged:
        hide = merged.confidential and not include_confidential
        shown = HIDDEN if hide else _shown(merged.value, merged.table, merged.field)
        how = " (regels samengevoegd met de wijzigingen in de teamdatabase)" if merged.line_merged else ""
        lines.append(f"gewijzigd  {merged.record_label}: {merged.field_label} = {shown}{how}")
    for word, records in (("nieuw     ", result.added), ("verwijderd", result.deleted)):
        for record in records:
            if record.confidential and not include_confidential:
                lines.append(f"{word} {TABLE_LABELS.get(record.table, record.table)} {HIDDEN}")
            else:
                summary = f": {_shown(record.summary)}" if record.summary and record.summary not in record.record_label else ""
                flag = " (vertrouwelijk)" if record.confidential else ""
                lines.append(f"{word} {record.record_label}{flag}{summary}")
    for renumbered in result.renumberings:
        lines.append(f"hernummerd {renumbered.kind} {renumbered.old} -> {renumbered.new} (het nummer was intussen in de teamdatabase gebruikt)")
    for conflict in result.conflicts:
        lines.extend(_conflict_lines(conflict, include_confidential))
    if result.conflicts:
        lines.append(
            "De conflicten staan in de teamdatabase; kies per conflict in de app welke waarde blijft. De rest is "
            + ("niet " if result.dry_run else "")
            + "opgeslagen."
        )
    return lines

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
    "mark_provisional",
    "merge_lines",
    "open_offline_conflicts",
    "provisional_ids",
    "resolve_offline_conflict",
    "return_offline",
    "take_offline",
)
