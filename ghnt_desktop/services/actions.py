"""Action items as lists show and documents print them: one query, filtered and sorted in SQL.

Rows are built from column tuples, not ORM entities, so 100,000 action items load in a fraction of
the time (measured here: 0.4 s against 2 s). The same rows feed the actions view, the Word actielijst
and the Excel actielijst, so every list agrees on trekker, actielijn and postponement count.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from ..dutch_dates import short_date
from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ActionTrekker,
    Ambition,
    Meeting,
    MeetingSeries,
    Organisation,
    Person,
    ProgrammeAction,
    ProgressUpdate,
    Section,
    WorkingGroup,
)
from . import Changes, NotFoundError, ValidationError
from .confidentiality import confidential_scope
from .programme_scope import filter_scope, foreign_hex_ids, heading_title, programme_action_condition
from .programme_scope import resolve as resolve_programme
from .versions import check_seen

if TYPE_CHECKING:
    from .minutes import ProgressBefore

CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)


@dataclass(frozen=True)
class ActionRow:
    """One action item with everything a list needs, resolved to display text."""

    id: uuid.UUID
    number: str
    kind: ActionKind
    text: str
    trekker: str
    trekker_person_id: uuid.UUID | None
    trekker_organisation_id: uuid.UUID | None
    deadline: date | None
    deadline_text: str
    status: ActionStatus
    times_postponed: int
    confidential: bool
    origin_meeting_id: uuid.UUID | None
    origin_meeting_date: date | None
    origin_meeting_title: str
    series_id: uuid.UUID | None
    series_name: str
    section_id: uuid.UUID | None
    section_title: str
    section_position: int | None
    programme_action_id: uuid.UUID | None
    programme_action_code: str
    working_group_id: uuid.UUID | None
    working_group_name: str
    closed_on: date | None
    updated_at: datetime

    def is_overdue(self, today: date) -> bool:
        """Late: a deadline date in the past and the action not closed."""
        return self.deadline is not None and self.deadline < today and self.status not in CLOSED_STATUSES

    @property
    def deadline_display(self) -> str:
        """The deadline as Dutch documents write it: the date, else the text as written."""
        if self.deadline is not None:
            return short_date(self.deadline)
        return self.deadline_text


@dataclass(frozen=True)
class ActionFilter:
    """Which action items to list; empty fields do not filter."""

    statuses: frozenset[ActionStatus] = frozenset()
    open_only: bool = False
    kind: ActionKind | None = None
    trekker_organisation_id: uuid.UUID | None = None
    trekker_person_id: uuid.UUID | None = None
    # One organisation's actions: trekker organisation, or trekker person working there (partner files).
    organisation_id: uuid.UUID | None = None
    section_id: uuid.UUID | None = None
    working_group_id: uuid.UUID | None = None
    origin_meeting_id: uuid.UUID | None = None
    series_id: uuid.UUID | None = None
    overdue_on: date | None = None  # only actions late on this date
    due_from: date | None = None
    due_to: date | None = None
    created_from: date | None = None
    created_to: date | None = None
    search: str = ""  # in action text, trekker text and progress notes
    include_confidential: bool = True
    ids: frozenset[uuid.UUID] = field(default_factory=frozenset)


SORT_KEYS = ("number", "text", "trekker", "deadline", "status", "postponed", "meeting", "section")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _linked_to(organisation_id: uuid.UUID) -> Select[uuid.UUID]:
    """The action items a trekker cell linked to this organisation among others (``ActionTrekker``)."""
    return select(ActionTrekker.action_item_id).where(ActionTrekker.organisation_id == organisation_id)


def list_action_items(
    session: Session, action_filter: ActionFilter | None = None, *, sort: str = "number", descending: bool = False
) -> list[ActionRow]:
    """Action items matching ``action_filter``, sorted in SQL by one of ``SORT_KEYS``."""
    f = action_filter or ActionFilter()
    trekker_person = aliased(Person)
    trekker_org = aliased(Organisation)
    person_org = aliased(Organisation)
    action_section = aliased(Section)
    group_section = aliased(Section)
    section_id = func.coalesce(action_section.id, group_section.id)
    section_title = func.coalesce(action_section.title, group_section.title, "")
    section_position = func.coalesce(action_section.position, group_section.position)
    trekker_name = func.coalesce(trekker_person.name, "")
    org_name = func.coalesce(trekker_org.name, person_org.name, "")
    trekker = func.trim(
        func.coalesce(
            func.nullif(
                case(
                    (trekker_name != "", trekker_name + case((org_name != "", " (" + org_name + ")"), else_="")),
                    else_=org_name,
                ),
                "",
            ),
            ActionItem.trekker_text,
        )
    )
    query = (
        select(
            ActionItem.id,
            ActionItem.number,
            ActionItem.kind,
            ActionItem.text,
            trekker,
            ActionItem.trekker_person_id,
            ActionItem.trekker_organisation_id,
            ActionItem.deadline,
            ActionItem.deadline_text,
            ActionItem.status,
            ActionItem.times_postponed,
            ActionItem.confidential,
            ActionItem.origin_meeting_id,
            Meeting.date,
            func.coalesce(Meeting.title, ""),
            Meeting.series_id,
            func.coalesce(MeetingSeries.name, ""),
            section_id,
            section_title,
            section_position,
            ActionItem.programme_action_id,
            func.coalesce(ProgrammeAction.code, ""),
            ActionItem.working_group_id,
            func.coalesce(WorkingGroup.name, ""),
            ActionItem.closed_on,
            ActionItem.updated_at,
        )
        .outerjoin(trekker_person, ActionItem.trekker_person_id == trekker_person.id)
        .outerjoin(trekker_org, ActionItem.trekker_organisation_id == trekker_org.id)
        .outerjoin(person_org, trekker_person.organisation_id == person_org.id)
        .outerjoin(Meeting, ActionItem.origin_meeting_id == Meeting.id)
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .outerjoin(ProgrammeAction, ActionItem.programme_action_id == ProgrammeAction.id)
        .outerjoin(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .outerjoin(action_section, Ambition.section_id == action_section.id)
        .outerjoin(WorkingGroup, ActionItem.working_group_id == WorkingGroup.id)
        .outerjoin(group_section, WorkingGroup.section_id == group_section.id)
    )
    conditions: list[ColumnElement[bool]] = []
    if f.statuses:
        conditions.append(ActionItem.status.in_(f.statuses))
    if f.open_only:
        conditions.append(ActionItem.status.not_in(CLOSED_STATUSES))
    if f.kind is not None:
        conditions.append(ActionItem.kind == f.kind)
    if f.trekker_organisation_id is not None:
        conditions.append(
            or_(
                ActionItem.trekker_organisation_id == f.trekker_organisation_id,
                ActionItem.id.in_(_linked_to(f.trekker_organisation_id)),
            )
        )
    if f.trekker_person_id is not None:
        conditions.append(ActionItem.trekker_person_id == f.trekker_person_id)
    if f.organisation_id is not None:
        conditions.append(
            or_(
                ActionItem.trekker_organisation_id == f.organisation_id,
                trekker_person.organisation_id == f.organisation_id,
                ActionItem.id.in_(_linked_to(f.organisation_id)),
            )
        )
    if f.section_id is not None:
        conditions.append(section_id == f.section_id)
    if f.working_group_id is not None:
        conditions.append(ActionItem.working_group_id == f.working_group_id)
    if f.origin_meeting_id is not None:
        conditions.append(ActionItem.origin_meeting_id == f.origin_meeting_id)
    if f.series_id is not None:
        conditions.append(Meeting.series_id == f.series_id)
    if f.overdue_on is not None:
        conditions.append(and_(ActionItem.deadline < f.overdue_on, ActionItem.status.not_in(CLOSED_STATUSES)))
    if f.due_from is not None:
        conditions.append(ActionItem.deadline >= f.due_from)
    if f.due_to is not None:
        conditions.append(ActionItem.deadline <= f.due_to)
    if f.created_from is not None:
        conditions.append(Meeting.date >= f.created_from)
    if f.created_to is not None:
        conditions.append(Meeting.date <= f.created_to)
    if f.ids:
        conditions.append(ActionItem.id.in_(f.ids))
    if f.search.strip():
        pattern = f"%{_escape_like(f.search.strip())}%"
        in_notes = exists().where(
            ProgressUpdate.action_item_id == ActionItem.id,
            or_(
                ProgressUpdate.done_text.ilike(pattern, escape="\\"),
                ProgressUpdate.todo_text.ilike(pattern, escape="\\"),
            ),
        )
        conditions.append(
            or_(
                ActionItem.text.ilike(pattern, escape="\\"),
                ActionItem.number.ilike(pattern, escape="\\"),
                trekker.ilike(pattern, escape="\\"),
                in_notes,
            )
        )
    if conditions:
        query = query.where(*conditions)
    order_columns: dict[str, list[ColumnElement[Any] | InstrumentedAttribute[Any]]] = {
        "number": [Meeting.date, ActionItem.number],
        "text": [func.lower(ActionItem.text)],
        "trekker": [func.lower(trekker)],
        # Actions with only a written deadline ("Q2 2020") sort after dated ones.
        "deadline": [ActionItem.deadline.is_(None), ActionItem.deadline],
        "status": [ActionItem.status],
        "postponed": [ActionItem.times_postponed],
        "meeting": [Meeting.date],
        "section": [section_position.is_(None), section_position],
    }
    if sort not in order_columns:
        raise ValueError(f"unknown sort key {sort!r}")
    columns = order_columns[sort]
    query = query.order_by(*[c.desc() if descending else c for c in columns], ActionItem.number)
    # Vertrouwelijk is the one rule of services.confidentiality (flagged, or recorded under a confidential
    # agenda item), never the action's own flag alone.
    hidden = confidential_scope(session).action_items
    rows = []
    result: Iterable[Sequence[Any]] = session.execute(query)  # 26 columns, made into rows positionally
    for row in result:
        confidential = row[0] in hidden
        if confidential and not f.include_confidential:
            continue
        trekker_shown = _unnested(row[4]) if row[4] and row[4].endswith("))") else row[4]
        rows.append(ActionRow(*(*row[:4], trekker_shown, *row[5:11], confidential, *row[12:])))
    return rows


_NESTED = re.compile(r"\(([^()]+) \(([^()]+)\)\)$")


def _unnested(trekker: str) -> str:
    """``Erik Boerema (Politie (eenheid Noord-Nederland))`` as documents print it: ``(Politie, eenheid ...)``."""
    return _NESTED.sub(lambda m: f"({m.group(1).strip()}, {m.group(2).strip()})", trekker)


def latest_progress_texts(
    session: Session, action_ids: Iterable[uuid.UUID], *, up_to: date | None = None
) -> dict[uuid.UUID, str]:
    """The text of the most recent progress update of each action item ("wat is gedaan", else "wat moet nog"),
    among the updates that are not vertrouwelijk by the one rule of ``services.confidentiality``; with ``up_to``
    the most recent one dated up to that day (an actielijst "stand per" a day that has passed)."""
    ids = list(action_ids)
    if not ids:
        return {}
    conditions: list[ColumnElement[bool]] = [ProgressUpdate.action_item_id.is_not(None)]
    if up_to is not None:
        conditions.append(ProgressUpdate.date <= up_to)
    hidden = confidential_scope(session).updates
    if hidden:
        conditions.append(ProgressUpdate.id.not_in(list(hidden)))
    ranked = (
        select(
            ProgressUpdate.action_item_id,
            ProgressUpdate.done_text,
            ProgressUpdate.todo_text,
            func.row_number()
            .over(
                partition_by=ProgressUpdate.action_item_id,
                order_by=(ProgressUpdate.date.desc(), ProgressUpdate.created_at.desc()),
            )
            .label("rank"),
        )
        .where(*conditions)
        .subquery()
    )
    query = select(ranked.c.action_item_id, ranked.c.done_text, ranked.c.todo_text).where(ranked.c.rank == 1)
    wanted = set(ids)
    texts: dict[uuid.UUID, str] = {}
    for action_id, done_text, todo_text in session.execute(query):
        if action_id in wanted:
            texts[action_id] = (done_text or todo_text or "").strip()
    return texts


# ---------------------------------------------------------------------------------------------------------------
# The actions view: every action item and programme action as a plain tuple, filtered and sorted in Python.
#
# ``list_action_items`` above builds dataclasses with converted dates and UUIDs: right for documents, too slow
# for an interactive list of 100,000 rows (measured on the scale database: 4-6 s to load, 1-7 s per filter or
# sort). The view loads every row once as a tuple in ``ViewRow``'s field order (display-ready strings and ids
# as stored, 32 hex digits), then filters and sorts that list in Python (tens of milliseconds), the search in
# progress notes included.

from .action_view import (  # noqa: E402, F401 - the in-memory half of the view, re-exported
    CLOSED_VALUES,
    ITEM,
    PROGRAMME,
    ROW_KINDS,
    STATUS_ORDER,
    VIEW_SORT_KEYS,
    F,
    ViewFilter,
    ViewRow,
    filter_view,
    quarter_of,
    sort_view,
)


def _iso_display(iso: str | None) -> str:
    return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}" if iso else ""


def bracketed_organisation(name: str) -> str:
    """An organisation's name to put in brackets after a person: its own brackets become a comma, so a document
    says "Erik Boerema (Politie, eenheid Noord-Nederland)", never "(Politie (eenheid Noord-Nederland))"."""
    text = " ".join((name or "").split())
    if "(" in text and text.endswith(")"):
        head, _, inner = text[:-1].partition("(")
        if head.strip() and inner.strip() and "(" not in inner and ")" not in inner:
            return f"{head.strip()}, {inner.strip()}"
    return text


def _trekker_display(person: str, organisation: str, written: str) -> str:
    if person:
        return f"{person} ({bracketed_organisation(organisation)})" if organisation else person
    return organisation or (written or "").strip()


def _hex_ids(ids: Iterable[uuid.UUID | str]) -> list[str]:
    return [i.hex if isinstance(i, uuid.UUID) else str(i) for i in ids]


class _Plain:
    """The driver connection under ``session``, to read big tables plainly through its cursor.

    Rows come as SQLite stores them (ids as 32 hex digits, dates as ISO text, flags as 0/1) on both engines:
    on SQLite that is its own cursor, untouched (the fast path this view was measured on); on PostgreSQL the
    driver's values are turned into the same plain forms. Queries use ``?`` placeholders and ``in_ids`` for
    a list of ids, the only spelling that differs.
    """

    def __init__(self, session: Session) -> None:
        self.connection: Any = session.connection().connection.driver_connection
        self.sqlite = isinstance(self.connection, sqlite3.Connection)

    def in_ids(self, column: str) -> str:
        return f"{column} IN (SELECT value FROM json_each(?))" if self.sqlite else f"{column} = ANY(%s::uuid[])"

    def ids(self, hex_ids: list[str]) -> Any:
        return json.dumps(hex_ids) if self.sqlite else hex_ids

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> Iterable[tuple[Any, ...]]:
        if self.sqlite:
            return cast(Iterable[tuple[Any, ...]], self.connection.execute(sql, parameters))
        cursor = self.connection.cursor()
        cursor.execute(sql.replace("?", "%s"), parameters)
        return (tuple(_plain(value) for value in row) for row in cursor)


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date | datetime):
        return value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()
    return value


def first_view_ids(session: Session, count: int, programme_id: uuid.UUID | None = None) -> list[str]:
    """Ids (hex) of the first ``count`` rows of the actions view in its default order (``number_key``).

    Programme actions come first (their key starts with 0000-00-00), then action items by meeting date and
    number: LIMIT queries on indexes, so a page can show its first screenful before the whole list is read. Only the
    rows of ``programme_id`` (default: the current programme; ``services.programme_scope``).
    """
    programme_id = resolve_programme(session, programme_id)
    ids = [
        a.hex
        for a in session.scalars(
            select(ProgrammeAction.id)
            .where(programme_action_condition(programme_id))
            .order_by(ProgrammeAction.code)
            .limit(count)
        )
    ]
    if len(ids) < count:
        ids += _first_item_ids(session, count - len(ids), programme_id)
    return ids


def _first_item_ids(session: Session, count: int, programme_id: uuid.UUID | None) -> list[str]:
    """Ids (hex) of the first ``count`` action items in the view's default order: by meeting date, then number;
    items without a meeting last.

    The earliest meeting dates are taken a growing number at a time, so both engines walk the indexes on the
    meeting date and on the item's meeting and sort only those meetings' items. Sorting all items by one computed
    key (the first version) read and sorted every row: with 100,000 items 50 ms on SQLite, 180 ms on PostgreSQL.
    """
    connection = _Plain(session)
    scoped, params, ids = "", cast(tuple[Any, ...], ()), cast(list[str], [])
    if filter_scope(session, programme_id) is not None:
        # A few hundred ids at most: which items belong to another programme is read once.
        _, foreign = foreign_hex_ids(session, programme_id)
        scoped, params = f" AND NOT {connection.in_ids('a.id')}", (connection.ids(sorted(foreign)),)
    dates = 16
    while True:
        earliest = [
            r[0] for r in connection.execute("SELECT DISTINCT date FROM meeting ORDER BY date LIMIT ?", (dates,))
        ]
        if not earliest:
            break
        ids = [
            r[0]
            for r in connection.execute(
                "SELECT a.id FROM meeting m JOIN action_item a ON a.origin_meeting_id = m.id WHERE m.date <= ?"
                + scoped
                + " ORDER BY m.date, a.number LIMIT ?",
                (earliest[-1], *params, count),
            )
        ]
        if len(ids) == count or len(earliest) < dates:
            break
        dates *= 8
    if len(ids) < count:  # every meeting's items are in: then those of no meeting (or of one without a date)
        ids += [
            r[0]
            for r in connection.execute(
                "SELECT a.id FROM action_item a LEFT JOIN meeting m ON m.id = a.origin_meeting_id "
                "WHERE m.date IS NULL" + scoped + " ORDER BY a.number LIMIT ?",
                (*params, count - len(ids)),
            )
        ]
    return ids


def load_action_view(
    session: Session, *, ids: Iterable[uuid.UUID | str] | None = None, programme_id: uuid.UUID | None = None
) -> list[tuple[Any, ...]]:
    """Every action item and programme action (or only those with ``ids``) as rows of the view, in no set order.

    Only the rows of ``programme_id`` (default: the current programme) and the action items of no programme
    (``services.programme_scope``): a second programme in the database does not mix into the list.

    Each row is a plain tuple in ``ViewRow``'s field order (``ViewRow._make(row)`` gives the named version):
    the garbage collector stops tracking a plain tuple of strings and numbers after its first collection, but
    never a named tuple, and each full collection visited every field of every row (measured with the scale
    database open: a full collection 121 ms with named tuples, 48 ms with plain ones; a full collection holds
    the interpreter lock, so the window cannot paint meanwhile).

    The small tables (people, organisations, meetings, sections, working groups) are read into dicts and
    the big one plainly through the driver's cursor: measured faster than SQL joins here, and no per-row work
    by SQLAlchemy. Values that repeat (status, kind, dates, ids, trekkers) are shared between rows rather than
    one string per row: about a third less memory for 100,000 rows.
    """
    wanted = _hex_ids(ids) if ids is not None else None
    connection = _Plain(session)
    programme_id = resolve_programme(session, programme_id)
    foreign_actions, foreign_items = foreign_hex_ids(session, filter_scope(session, programme_id))
    action_tags: dict[str, tuple[str, ...]] = {}
    for action_id, tag_id in connection.execute("SELECT programme_action_id, tag_id FROM programme_action_tag"):
        action_tags[action_id] = (*action_tags.get(action_id, ()), tag_id)
    people = {r[0]: (r[1], r[2]) for r in connection.execute("SELECT id, name, organisation_id FROM person")}
    organisations = {r[0]: r[1] for r in connection.execute("SELECT id, name FROM organisation")}
    meetings = {r[0]: (r[1], r[2]) for r in connection.execute("SELECT id, date, title FROM meeting")}
    sections = {r[0]: (r[1], r[2]) for r in connection.execute("SELECT id, title, position FROM section")}
    groups = {r[0]: (r[1], r[2]) for r in connection.execute("SELECT id, name, section_id FROM working_group")}
    ambition_section: dict[str, str | None] = {
        r[0]: r[1] for r in connection.execute("SELECT id, section_id FROM ambition")
    }
    programme_actions = list(
        connection.execute(
            "SELECT id, ambition_id, parent_id, code, text, kind, deadline_text, deadline_end, status, "
            "working_group_id, overrides_responsibility FROM programme_action"
        )
    )
    action_section = {r[0]: ambition_section.get(r[1]) for r in programme_actions}
    no_section = (None, "", None)
    no_group = ("", None)
    no_person = ("", None)

    # Progress notes per action, casefolded, so the search box finds them in memory like the action's text.
    # Each action's notes are popped into its row's haystack, so they are not all held twice at the end
    # (measured: peak memory with the Acties page on the scale database 262 -> 225 MB).
    notes_query = "SELECT coalesce(action_item_id, programme_action_id), done_text, todo_text FROM progress_update"
    notes_result = (
        connection.execute(notes_query)
        if wanted is None
        else connection.execute(
            # Two indexed lookups (a coalesce() would scan every progress update).
            f"{notes_query} WHERE {connection.in_ids('action_item_id')} OR {connection.in_ids('programme_action_id')}",
            (connection.ids(wanted), connection.ids(wanted)),
        )
    )
    notes: dict[str, list[str]] = {}
    for owner, done, todo in notes_result:
        notes.setdefault(owner, []).append(f"{done}\x1f{todo}".casefold())
    no_notes: list[str] = []

    rows: list[tuple[Any, ...]] = []
    append = rows.append
    query = (
        "SELECT id, number, kind, text, trekker_person_id, trekker_organisation_id, trekker_text, deadline, "
        "deadline_text, status, times_postponed, origin_meeting_id, programme_action_id, working_group_id, "
        "confidential FROM action_item"
    )
    if wanted is None:
        result = connection.execute(query)  # streamed: the raw rows are never all in memory next to the view's
    else:
        result = connection.execute(f"{query} WHERE {connection.in_ids('id')}", (connection.ids(wanted),))
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    hidden = confidential_scope(session).hex_action_items()
    # Actions whose trekker cell named several organisations: each of them filters to the action.
    linked: dict[str, tuple[str, ...]] = {}
    links = connection.execute("SELECT action_item_id, organisation_id FROM action_trekker_organisation")
    for action_id, organisation_id in links:
        linked[action_id] = (*linked.get(action_id, ()), organisation_id)
    # (person, organisation, written) -> (trekker, trekker_key, person ids, organisation ids)
    trekkers: dict[tuple[str | None, str | None, str | None], tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {}
    displays: dict[str, str] = {}  # ISO deadline -> dd-mm-yyyy
    for (
        id_,
        number,
        item_kind,
        text_,
        person_id,
        organisation_id,
        written,
        deadline,
        deadline_text,
        status,
        postponed,
        meeting_id,
        pa_id,
        group_id,
        confidential,
    ) in result:
        if foreign_items and id_ in foreign_items:
            continue
        who = trekkers.get((person_id, organisation_id, written))
        if who is None:
            person_name, person_org = people.get(person_id, no_person) if person_id else no_person
            org_name = organisations.get(organisation_id) or organisations.get(person_org) or ""
            trekker = _trekker_display(person_name, org_name, written)
            who = trekkers[(person_id, organisation_id, written)] = (
                trekker,
                trekker.casefold(),
                (person_id,) if person_id else (),
                tuple(o for o in (organisation_id, person_org) if o),
            )
        trekker, trekker_key, person_ids, org_ids = who
        if linked:
            org_ids = org_ids + linked.get(id_, ())
        if deadline:
            deadline_display = displays.get(deadline)
            if deadline_display is None:
                deadline = share(deadline, deadline)
                deadline_display = displays[deadline] = _iso_display(deadline)
            else:
                deadline = share(deadline, deadline)
        else:
            deadline_display = deadline_text
        group_name, group_section = groups.get(group_id, no_group) if group_id else no_group
        section_key = (action_section.get(pa_id) if pa_id else None) or group_section
        section_id, section_title, section_position = (
            (section_key, *sections[section_key]) if section_key in sections else no_section
        )
        meeting_date, meeting_title = meetings.get(meeting_id, (None, "")) if meeting_id else (None, "")
        text_key = text_.casefold()
        append(
            (
                ITEM,
                id_,
                number,
                text_,
                trekker,
                deadline,
                deadline_display,
                share(deadline_text, deadline_text),
                share(status, status),
                postponed,
                section_id,
                section_title,
                section_position,
                share(group_id, group_id),
                group_name,
                share(meeting_id, meeting_id),
                meeting_date,
                meeting_title,
                person_ids,
                org_ids,
                bool(confidential) or id_ in hidden,
                share(item_kind, item_kind),
                f"{meeting_date or '9999-99-99'} {number}",
                text_key,
                trekker_key,
                "\x1f".join((number.casefold(), text_key, trekker_key, *notes.pop(id_, no_notes))),
                (),
            )
        )

    # Programme actions: the trekkers in force (the action's own when it overrides, else its ambition's).
    owners: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for owner, label, organisation_id, person_id in connection.execute(
        "SELECT coalesce(ambition_id, programme_action_id), label, organisation_id, person_id "
        "FROM responsibility WHERE role = 'trekker' ORDER BY position"
    ):
        owners.setdefault(owner, []).append((label, organisation_id, person_id))
    for (
        pa_id,
        ambition_id,
        _parent,
        code,
        text_,
        pa_kind,
        deadline_text,
        deadline,
        status,
        group_id,
        overrides,
    ) in programme_actions:
        if (wanted is not None and pa_id not in wanted) or pa_id in foreign_actions:
            continue
        responsible = owners.get(pa_id if overrides else ambition_id, [])
        labels = []
        for label, organisation_id, person_id in responsible:
            shown = (label or "").strip() or organisations.get(organisation_id) or people.get(person_id, no_person)[0]
            if shown:
                labels.append(shown)
        trekker = ", ".join(labels)
        person_ids = tuple(p for _, _, p in responsible if p)
        org_ids = tuple(o for _, o, _ in responsible if o) + tuple(
            people[p][1] for p in person_ids if p in people and people[p][1]
        )
        group_name, _ = groups.get(group_id, no_group) if group_id else no_group
        section_key = action_section.get(pa_id)
        section_id, section_title, section_position = (
            (section_key, *sections[section_key]) if section_key in sections else no_section
        )
        text_key = text_.casefold()
        trekker_key = trekker.casefold()
        append(
            (
                PROGRAMME,
                pa_id,
                code,
                text_,
                trekker,
                deadline,
                deadline_text or _iso_display(deadline),
                deadline_text,
                status,
                0,
                section_id,
                section_title,
                section_position,
                group_id,
                group_name,
                None,
                None,
                "",
                person_ids,
                org_ids,
                False,
                pa_kind,
                f"0000-00-00 {code}",  # the programme first, in the order of its codes
                text_key,
                trekker_key,
                "\x1f".join((code.casefold(), text_key, trekker_key, *notes.pop(pa_id, no_notes))),
                action_tags.get(pa_id, ()),
            )
        )
    return rows


@dataclass(frozen=True)
class StatusChange:
    """What ``set_action_status`` saved; ``undo_action_status`` puts it back."""

    kind: str
    id: uuid.UUID
    status: ActionStatus
    previous_status: ActionStatus
    update_id: uuid.UUID
    changes: Changes
    before: ProgressBefore | None = None  # an action item's (a programme action has none)


def set_action_status(
    session: Session,
    kind: str,
    action_id: uuid.UUID | str,
    status: ActionStatus | str,
    *,
    on: date | None = None,
    author: str = "",
    seen: ActionStatus | str | None = None,
) -> StatusChange:
    """Give an action item or programme action a new status, written as a progress update dated ``on``.

    The progress history keeps the change (never overwritten); closing an action item sets its closing date.
    A status typed or chosen as "Doorgeschoven" (``minutes.progress_choice``) postpones an action item: it
    stays open and its postponement count goes up. ``seen`` is the status the user saw: when another user set
    a different one meanwhile, ``versions.ConflictError`` refuses the change.
    """
    from .minutes import progress_choice, record_programme_progress, record_progress

    action_id = action_id if isinstance(action_id, uuid.UUID) else uuid.UUID(str(action_id))
    postpone = False
    try:
        status = ActionStatus(status)
    except ValueError:  # not a status value: a label or a word typed as progress ("doorgeschoven")
        item = session.get(ActionItem, action_id) if kind == ITEM else None
        choice = progress_choice(str(status), item.status if item is not None else ActionStatus.IN_PROGRESS)
        status, postpone = choice.status, choice.postpone
        if postpone and kind != ITEM:
            raise ValidationError(
                "Alleen een actiepunt kan worden doorgeschoven; geef de actie een nieuwe status."
            ) from None
    when = on or date.today()
    if seen is not None:
        record = session.get(ActionItem, action_id) if kind == ITEM else session.get(ProgrammeAction, action_id)
        if record is not None:
            label = f"Actiepunt {record.number}" if isinstance(record, ActionItem) else f"Actie {record.code}".strip()
            check_seen(
                session, record, entity=record.__tablename__, label=label, mine={"status": status},
                current={"status": record.status}, seen={"status": ActionStatus(seen)}, labels={"status": "Status"},
                changed_by=_last_progress_by(session, record),
            )  # fmt: skip
    if kind == ITEM:
        result = record_progress(session, action_id, status=status, postpone=postpone, on=when, author=author)
        return StatusChange(
            ITEM,
            action_id,
            status,
            result.before.status,
            result.update_id,
            result.changes | Changes(actions=True, ids=frozenset({action_id})),
            result.before,
        )
    if kind == PROGRAMME:
        action = session.get(ProgrammeAction, action_id)
        if action is None:
            raise NotFoundError("De actie uit het programma bestaat niet (meer).")
        previous = action.status
        created = record_programme_progress(session, action_id, status=status, on=when, author=author)
        return StatusChange(
            PROGRAMME,
            action_id,
            status,
            previous,
            created.id,
            created.changes | Changes(actions=True, programme=True, ids=frozenset({action_id})),
        )
    raise ValidationError(f"Onbekende soort actie: {kind}.")


def _last_progress_by(session: Session, record: ActionItem | ProgrammeAction) -> tuple[str, datetime | None]:
    """Who wrote the latest progress update of an action, and when: who set the status it has now."""
    column = ProgressUpdate.action_item_id if isinstance(record, ActionItem) else ProgressUpdate.programme_action_id
    latest = session.scalars(
        select(ProgressUpdate).where(column == record.id).order_by(ProgressUpdate.created_at.desc()).limit(1)
    ).first()
    return (latest.author, latest.created_at) if latest is not None else ("", record.updated_at)


def undo_action_status(session: Session, change: StatusChange) -> Changes:
    """Remove the progress update ``set_action_status`` wrote and restore the previous status."""
    from .minutes import undo_programme_progress, undo_progress

    if change.kind == ITEM:
        assert change.before is not None  # set_action_status keeps it for an action item
        undo_progress(session, change.before)
    else:
        undo_programme_progress(session, change.update_id, change.previous_status)
    return Changes(actions=True, meetings=True, programme=change.kind == PROGRAMME, ids=frozenset({change.id}))


@dataclass(frozen=True)
class HistoryRow:
    """One progress update of an action, with the meeting it came from and whether it postponed the deadline."""

    id: uuid.UUID
    date: dt.date
    meeting_id: uuid.UUID | None
    meeting_title: str
    meeting_date: dt.date | None
    status: ActionStatus
    done_text: str
    todo_text: str
    previous_deadline: dt.date | None
    new_deadline: dt.date | None
    new_deadline_text: str
    author: str
    confidential: bool
    postponed: bool  # counted as one postponement (a later deadline, or doorgeschoven)


def action_history(session: Session, kind: str, action_id: uuid.UUID | str) -> list[HistoryRow]:
    """Every progress update of one action item or programme action, oldest first."""
    action_id = action_id if isinstance(action_id, uuid.UUID) else uuid.UUID(str(action_id))
    column = ProgressUpdate.action_item_id if kind == ITEM else ProgressUpdate.programme_action_id
    query = (
        select(
            ProgressUpdate.id,
            ProgressUpdate.date,
            ProgressUpdate.meeting_id,
            func.coalesce(Meeting.title, ""),
            Meeting.date,
            ProgressUpdate.status,
            ProgressUpdate.done_text,
            ProgressUpdate.todo_text,
            ProgressUpdate.previous_deadline,
            ProgressUpdate.new_deadline,
            ProgressUpdate.new_deadline_text,
            ProgressUpdate.author,
            ProgressUpdate.confidential,
            ProgressUpdate.postponed,
        )
        .outerjoin(Meeting, ProgressUpdate.meeting_id == Meeting.id)
        .where(column == action_id)
        .order_by(ProgressUpdate.date, ProgressUpdate.created_at)
    )
    hidden = confidential_scope(session).updates
    result: Iterable[Sequence[Any]] = session.execute(query)  # 14 columns, made into rows positionally
    return [HistoryRow(*(*row[:12], row[0] in hidden, row[13])) for row in result]


@dataclass(frozen=True)
class ViewChoices:
    """What the filter bar of the actions view offers: (hex id, label) pairs in the order to show them."""

    organisations: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, str], ...]
    working_groups: tuple[tuple[str, str], ...]
    meetings: tuple[tuple[str, str], ...]  # meetings that action items come from, newest first
    tags: tuple[tuple[str, str], ...] = ()  # "Processtap: Signaleren", of the programme shown
    programme_title: str = ""  # the programme shown, when the database has several


def view_choices(session: Session, programme_id: uuid.UUID | None = None) -> ViewChoices:
    """The organisations, people, actielijnen, working groups, meetings and tags the actions view can filter on.

    Actielijnen and tags are those of ``programme_id`` (default: the current programme).
    """
    programme_id = resolve_programme(session, programme_id)
    where_programme = "WHERE p.id = :programme" if programme_id is not None else ""
    programme_param = {"programme": programme_id.hex} if programme_id is not None else {}

    plain = _Plain(session)  # hex ids and ISO dates on both engines

    def pairs(sql: str) -> tuple[tuple[str, str], ...]:
        return tuple((r[0], r[1]) for r in plain.execute(sql))

    meetings = tuple(
        (r[0], f"{_iso_display(r[1])} {r[2]}")
        for r in plain.execute(
            # EXISTS: one index probe per meeting; IN (SELECT DISTINCT ...) read all action items (PostgreSQL: 65 ms).
            "SELECT id, date, title FROM meeting m WHERE EXISTS (SELECT 1 FROM action_item a "
            "WHERE a.origin_meeting_id = m.id) ORDER BY date DESC"
        )
    )
    return ViewChoices(
        organisations=pairs(
            "SELECT id, name FROM organisation WHERE NOT archived AND merged_into_id IS NULL ORDER BY name"
        ),
        people=pairs("SELECT id, name FROM person WHERE NOT archived ORDER BY name"),
        sections=tuple(
            (r[0], r[1])
            for r in session.execute(
                text(
                    "SELECT s.id, s.title FROM section s JOIN programme p ON p.id = s.programme_id "
                    f"{where_programme} ORDER BY p.period_start DESC, s.position, s.title"
                ),
                programme_param,
            )
        ),
        working_groups=pairs("SELECT id, name FROM working_group WHERE NOT archived ORDER BY name"),
        meetings=meetings,
        tags=tuple(
            (r[0], f"{r[1]}: {r[2]}")
            for r in session.execute(
                text(
                    "SELECT t.id, k.name, t.name FROM tag t JOIN tag_kind k ON k.id = t.kind_id "
                    f"JOIN programme p ON p.id = k.programme_id {where_programme} "
                    "ORDER BY k.position, k.name, t.position, t.name"
                ),
                programme_param,
            )
        ),
        programme_title=heading_title(session, programme_id),
    )
