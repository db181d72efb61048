"""Search across everything people write: minutes, decisions, action items, progress notes, the programme.

An SQLite FTS5 index (``search_index``) is fed by triggers on the source tables, so every write path
(the app, imports, the demo, bulk inserts) keeps it current without code of ours remembering to. An
index row's rowid is ``source rowid * 8 + kind``: an update or delete finds its index row by rowid.

:func:`install_index` creates the triggers and fills the index; migration 0002 calls it, and so does
every later migration run (``db._migrate``), because SQLite migrations that copy a table drop its
triggers and renumber its rowids.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from . import RefusedError
from .confidentiality import ConfidentialScope, confidential_scope

# kind code, table, Dutch label, SQL expression of the indexed text over a row alias
SOURCES: tuple[tuple[int, str, str, str], ...] = (
    (1, "agenda_item", "Agendapunt", "{r}.number || ' ' || {r}.title || ' ' || {r}.minutes_text"),
    (2, "decision", "Besluit", "{r}.number || ' ' || {r}.text || ' ' || {r}.outcome"),
    (
        3,
        "action_item",
        "Actiepunt",
        "{r}.number || ' ' || {r}.text || ' ' || {r}.trekker_text || ' ' || {r}.deadline_text",
    ),
    (4, "progress_update", "Voortgang", "{r}.done_text || ' ' || {r}.todo_text"),
    (5, "programme_action", "Programma-actie", "{r}.code || ' ' || {r}.text || ' ' || {r}.deadline_text"),
)
KIND_BY_CODE = {code: table for code, table, _label, _expr in SOURCES}
PROGRESS_UPDATE = 4  # kind code of progress notes (services.actions searches them for the actions view)
LABELS = {table: label for _code, table, label, _expr in SOURCES}


def install_index(connection: Connection) -> None:
    """(Re)create the index, its triggers and its content; safe to run again at any time."""
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    connection.exec_driver_sql("DELETE FROM search_index")
    for code, table, _label, expression in SOURCES:
        new = expression.format(r="new")
        for event in ("insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
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


def uninstall_index(connection: Connection) -> None:
    for _code, table, _label, _expression in SOURCES:
        for event in ("insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    connection.exec_driver_sql("DROP TABLE IF EXISTS search_index")


_WORD = re.compile(r"\w+", re.UNICODE)
_SURROGATES = re.compile("[\ud800-\udfff]")
# Caps on what is typed (or pasted): a word repeated thousands of times or a pasted document must answer
# at once. Repeated words count once; beyond the caps the rest is ignored (the dialog's text stays).
MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
MAX_TERM_CHARS = 60


def query_terms(typed: str) -> list[str]:
    """The distinct words of ``typed`` (lone surrogates dropped), at most ``MAX_TERMS`` and ``MAX_TERM_CHARS`` long."""
    cleaned = typed[:MAX_QUERY_CHARS]
    if len(typed) > MAX_QUERY_CHARS and typed[MAX_QUERY_CHARS].isalnum():
        cleaned = cleaned.rsplit(None, 1)[0] if len(cleaned.split(None, 1)) > 1 else cleaned  # no cut-off word
    cleaned = _SURROGATES.sub(" ", cleaned)
    terms: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(cleaned):
        word = word[:MAX_TERM_CHARS]
        if word.casefold() not in seen:  # the index ignores case
            seen.add(word.casefold())
            terms.append(word)
            if len(terms) == MAX_TERMS:
                break
    return terms


def fts_query(typed: str) -> str:
    """The user's words as an FTS5 query: every word must occur, each as a prefix ("meld" finds "meldcode").

    A single character is matched as a whole word: as a prefix it matches most of the index, and ranking
    that takes a second on a region's ten years.
    """
    return " ".join(f'"{word}"*' if len(word) > 1 else f'"{word}"' for word in query_terms(typed))


@dataclass(frozen=True)
class SearchHit:
    """One record that matches: what it is, where it was said, and the matching words in context."""

    kind: str  # table name: agenda_item, decision, action_item, progress_update, programme_action
    id: uuid.UUID
    title: str  # number and short text
    snippet: str  # the text around the match, matches between [ and ]
    meeting_id: uuid.UUID | None
    meeting_date: date | None
    meeting_title: str
    confidential: bool = False  # effectively vertrouwelijk (services.confidentiality); only when asked for

    @property
    def kind_label(self) -> str:
        return LABELS[self.kind]


@dataclass(frozen=True)
class SearchResults:
    """The hits shown and how many vertrouwelijke hits were left out (the dialog says so)."""

    hits: list[SearchHit]
    confidential_left_out: int = 0


def _is_confidential(scope: ConfidentialScope, kind: str, record_id: uuid.UUID) -> bool:
    if kind == "agenda_item":
        return scope.agenda_item(record_id)
    if kind == "decision":
        return scope.decision(record_id)
    if kind == "action_item":
        return scope.action(record_id)
    if kind == "progress_update":
        return scope.update(record_id)
    return False  # the programme itself is public


# Per kind: SQL returning (rowid, id, title, meeting id, meeting date, meeting title) for given rowids.
_DETAILS = {
    "agenda_item": "SELECT s.rowid, s.id, s.number || '. ' || s.title, m.id, m.date, m.title FROM agenda_item s "
    "JOIN meeting m ON m.id = s.meeting_id",
    "decision": "SELECT s.rowid, s.id, s.number || ' ' || s.text, m.id, m.date, m.title FROM decision s "
    "JOIN meeting m ON m.id = s.meeting_id",
    "action_item": "SELECT s.rowid, s.id, s.number || ' ' || s.text, m.id, m.date, m.title FROM action_item s "
    "LEFT JOIN meeting m ON m.id = s.origin_meeting_id",
    "progress_update": "SELECT s.rowid, s.id, COALESCE(a.number || ' ' || a.text, p.code || ' ' || p.text, ''), "
    "m.id, COALESCE(m.date, s.date), m.title FROM progress_update s LEFT JOIN action_item a ON a.id = s.action_item_id "
    "LEFT JOIN programme_action p ON p.id = s.programme_action_id LEFT JOIN meeting m ON m.id = s.meeting_id",
    "programme_action": "SELECT s.rowid, s.id, s.code || ' ' || s.text, NULL, NULL, NULL FROM programme_action s",
}


def search(session: Session, typed: str, *, limit: int = 200, include_confidential: bool = False) -> list[SearchHit]:
    """The records whose text contains every word of ``typed`` (as a prefix), best matches first.

    Vertrouwelijk records (by the one rule) are left out unless ``include_confidential``; then they are marked.
    """
    return search_results(session, typed, limit=limit, include_confidential=include_confidential).hits


def search_results(
    session: Session, typed: str, *, limit: int = 200, include_confidential: bool = False
) -> SearchResults:
    """``search`` with the number of vertrouwelijke hits left out."""
    query = fts_query(typed)
    if not query:
        return SearchResults([])
    from ..storage_errors import StorageRefusedError

    try:
        matches = session.execute(
            text(
                "SELECT rowid, snippet(search_index, 0, '[', ']', '…', 14) FROM search_index "
                "WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
            ),
            {"query": query, "limit": limit},
        ).all()
    except (DatabaseError, StorageRefusedError) as exc:  # a damaged index: the records are fine, only search fails
        if isinstance(exc, StorageRefusedError) and exc.reason != "corrupt":
            raise
        raise RefusedError(
            "De zoekindex is beschadigd; de gegevens zelf zijn in orde. Sluit de app en bouw de zoekindex opnieuw op "
            "met 'ghnt-desktop check --herstel'."
        ) from exc
    by_kind: dict[str, list[int]] = {}
    for rowid, _snippet in matches:
        by_kind.setdefault(KIND_BY_CODE[rowid % 8], []).append(rowid // 8)
    details: dict[tuple[str, int], Sequence[Any]] = {}
    for kind, rowids in by_kind.items():
        placeholders = ", ".join(str(int(r)) for r in rowids)
        for found in session.execute(text(f"{_DETAILS[kind]} WHERE s.rowid IN ({placeholders})")):
            details[(kind, found[0])] = found
    scope = confidential_scope(session)
    hits = []
    left_out = 0
    for rowid, snippet in matches:
        kind = KIND_BY_CODE[rowid % 8]
        row = details.get((kind, rowid // 8))
        if row is None:  # the index is ahead of a row deleted in this session: skip
            continue
        confidential = _is_confidential(scope, kind, uuid.UUID(row[1]))
        if confidential and not include_confidential:
            left_out += 1
            continue
        hits.append(
            SearchHit(
                kind=kind,
                id=uuid.UUID(row[1]),
                title=" ".join((row[2] or "").split())[:200],
                snippet=" ".join(snippet.split()),
                meeting_id=uuid.UUID(row[3]) if row[3] else None,
                meeting_date=_date_or_none(row[4]),
                meeting_title=row[5] or "",
                confidential=confidential,
            )
        )
    return SearchResults(hits, left_out)


def _date_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):  # an unreadable stored date ('ghnt-desktop check' names it)
        return None
