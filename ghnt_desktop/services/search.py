"""Search across everything people write: minutes, decisions, actions, progress, the programme, the network and
the indicators (name, code, definition and source; migration 0015 added them to the index).

The search understands Dutch. Every typed word must occur, and a record matches in the best of four ways,
which is also the order of the results:

1. exactly: the words as whole words, a "quoted phrase" as that phrase;
2. as the start of a word ("meld" finds "meldcode"), which is what a user sees while typing;
3. as another form of the word: both sides are reduced to their stem by the Snowball Dutch stemmer, so
   "meldcodes" finds "meldcode" and "vergaderingen" finds "vergadering";
4. as a part of a longer word, from three letters on: "mishandeling" finds "kindermishandeling".

Within a way, the best matches (bm25) come first; parts of words, which carry no useful rank, newest first.
The index is fed on every write path (triggers, see ``services.search_sqlite``, which holds all the
engine's SQL); :func:`install_index` builds it and migrations 0002 and 0007 and every later migration run
(``db._migrate``) call it, because SQLite migrations that copy a table drop its triggers and renumber rows.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from ..engines import engine_of
from . import RefusedError, search_postgres, search_sqlite
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
    (6, "ambition", "Ambitie", "{r}.code || ' ' || {r}.text"),
    (
        7,
        "person",
        "Persoon",
        "{r}.name || ' ' || COALESCE({r}.function, '') || ' ' || COALESCE({r}.email, '')",
    ),
    (
        8,
        "organisation",
        "Organisatie",
        "{r}.name || ' ' || COALESCE({r}.abbreviation, '') || ' ' || COALESCE({r}.notes, '')",
    ),
    (
        9,
        "indicator",
        "Indicator",
        "{r}.code || ' ' || {r}.name || ' ' || {r}.definition || ' ' || {r}.source || ' ' || {r}.source_id",
    ),
)
KIND_BY_CODE = {code: table for code, table, _label, _expr in SOURCES}
LABELS = {table: label for _code, table, label, _expr in SOURCES}


def _engine(bind: Connection | Session) -> Any:
    """The search module of the database's engine: ``search_sqlite`` (FTS5) or ``search_postgres`` (tsvector)."""
    return search_postgres if engine_of(bind).name == "postgresql" else search_sqlite


def _sources(connection: Connection) -> tuple[tuple[int, str, str, str], ...]:
    """The ``SOURCES`` whose table exists: an early migration (0007) builds the index before later ones add tables
    (the indicator, 0008); the migration that indexes a new kind (0015) builds it again."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    return tuple(source for source in SOURCES if source[1] in tables)


def install_index(connection: Connection) -> None:
    """(Re)create the index, its triggers and its content; safe to run again at any time."""
    _engine(connection).install(connection, _sources(connection), stems_of)


def index_is_current(connection: Connection) -> bool:
    """Whether the index and all its triggers are in place (``db._migrate`` rebuilds it otherwise)."""
    return bool(_engine(connection).is_current(connection, _sources(connection)))


def uninstall_index(connection: Connection) -> None:
    _engine(connection).uninstall(connection)


def index_pending(connection: Connection) -> int:
    """Give the records written since the last call their word forms (run before a write session commits)."""
    return int(_engine(connection).index_pending(connection, stems_of))


_WORD = re.compile(r"\w+", re.UNICODE)
_SURROGATES = re.compile("[\ud800-\udfff]")
_QUOTES = str.maketrans({quote: '"' for quote in "\u201c\u201d\u201e\u00ab\u00bb"})  # typographic quotes
# Caps on what is typed (or pasted): a word repeated thousands of times or a pasted document must answer
# at once. Repeated words count once; beyond the caps the rest is ignored (the dialog's text stays).
MAX_QUERY_CHARS = 1000
MAX_TERMS = 12
MAX_TERM_CHARS = 60
MIN_PART_CHARS = 3  # the trigram index finds parts of words from three characters on

_stem_lock = threading.Lock()
_stemmer: Any = None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of ``word`` (lower case); a word longer than ``MAX_TERM_CHARS`` stays as it is."""
    global _stemmer
    lowered = word.casefold()
    if len(lowered) > MAX_TERM_CHARS or not lowered.isalpha():
        return lowered  # numbers, codes ("AO-2026-3-02" gives "2026") and pasted garbage: as written
    with _stem_lock:  # a Snowball stemmer keeps its state in the object: one word at a time
        if _stemmer is None:
            # Only the Dutch module: importing the package loads thirty languages.
            from snowballstemmer.dutch_stemmer import DutchStemmer  # type: ignore[import-untyped]

            _stemmer = DutchStemmer()
        return str(_stemmer.stemWord(lowered)) or lowered


_LENGTHENED = re.compile(r"(aa|ee|oo|uu)([^aeiouy]+)$")


def word_forms(word: str) -> tuple[str, ...]:
    """The stem of ``word`` and, for a plural whose open syllable the stemmer lengthened, the singular's stem.

    Snowball's Dutch stemmer gives "verslagen" the stem "verslaag" (and "dagen" "daag") but "verslag" stays
    "verslag": a search for "verslagen" also asks for "verslag".
    """
    stemmed = stem(word)
    lengthened = _LENGTHENED.search(stemmed)
    if lengthened and stemmed not in word.casefold():
        short = stemmed[: lengthened.start()] + lengthened.group(1)[0] + lengthened.group(2)
        if word.casefold().startswith(short):
            return (stemmed, short)
    return (stemmed,)


def stems_of(body: str) -> str:
    """The stems of every word of ``body``, in order (what ``search_forms`` indexes)."""
    return " ".join(stem(word) for word in _WORD.findall(body))


@dataclass(frozen=True)
class Term:
    """One thing every hit must contain: a word, or the words of a "quoted phrase"."""

    words: tuple[str, ...]

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(word) for word in self.words)

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        """The stems to look for: of a word, its stem and, when the stemmer lengthened a vowel, the short one."""
        if len(self.words) > 1:
            return (self.stems,)
        return tuple((form,) for form in word_forms(self.words[0]))

    @property
    def length(self) -> int:
        return len(" ".join(self.words))


def _cleaned(typed: str) -> str:
    cleaned = typed[:MAX_QUERY_CHARS]
    if len(typed) > MAX_QUERY_CHARS and typed[MAX_QUERY_CHARS].isalnum():
        cleaned = cleaned.rsplit(None, 1)[0] if len(cleaned.split(None, 1)) > 1 else cleaned  # no cut-off word
    return _SURROGATES.sub(" ", cleaned).translate(_QUOTES)


def query_parts(typed: str) -> list[Term]:
    """The terms of ``typed``: words, and the text between double quotes as a phrase (an unclosed quote is
    ignored). Repeated terms count once; at most ``MAX_TERMS`` words of ``MAX_TERM_CHARS`` characters.
    Everything else (operators, brackets, stars, emoji) is only a separator."""
    terms: list[Term] = []
    seen: set[tuple[str, ...]] = set()
    budget = MAX_TERMS
    segments = _cleaned(typed).split('"')
    if len(segments) % 2 == 0:  # an unclosed quote (still typing the phrase): its words count one by one
        segments[-2:] = [" ".join(segments[-2:])]
    for position, segment in enumerate(segments):
        words = [word[:MAX_TERM_CHARS] for word in _WORD.findall(segment)]
        quoted = position % 2 == 1 and len(words) > 1
        groups = [words[:budget]] if quoted else [[word] for word in words]
        for group in groups:
            if budget <= 0 or not group:
                break
            key = tuple(word.casefold() for word in group)
            if key in seen:  # the index ignores case
                continue
            seen.add(key)
            terms.append(Term(tuple(group)))
            budget -= len(group)
    return terms


def query_terms(typed: str) -> list[str]:
    """The distinct words of ``typed`` (lone surrogates dropped), at most ``MAX_TERMS`` and ``MAX_TERM_CHARS`` long."""
    words: list[str] = []
    seen: set[str] = set()
    for term in query_parts(typed):
        for word in term.words:
            if word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
    return words


def fts_query(typed: str) -> str:
    """The second way of matching as an FTS5 query: every word as a prefix, phrases exact.

    A single character is matched as a whole word: as a prefix it matches most of the index, and ranking
    that takes a second on a region's ten years.
    """
    return search_sqlite.prefix_query([term.words for term in query_parts(typed)])


@dataclass(frozen=True)
class SearchHit:
    """One record that matches: what it is, where it was said, and the matching words in context."""

    kind: str  # table name: agenda_item, decision, action_item, progress_update, programme_action, ambition, ...
    id: uuid.UUID
    title: str  # number and short text
    snippet: str  # the text around the match, matches between [ and ]
    meeting_id: uuid.UUID | None
    meeting_date: date | None
    meeting_title: str
    confidential: bool = False  # effectively vertrouwelijk (services.confidentiality); only when asked for
    organisation_id: uuid.UUID | None = None  # a person's organisation (the page lists people per organisation)

    @property
    def kind_label(self) -> str:
        return LABELS[self.kind]


@dataclass(frozen=True)
class SearchResults:
    """The hits shown and how many vertrouwelijke hits were left out (the dialog says so)."""

    hits: list[SearchHit]
    confidential_left_out: int = 0


_CAN_BE_CONFIDENTIAL = frozenset({"agenda_item", "decision", "action_item", "progress_update", "indicator"})


def _is_confidential(scope: ConfidentialScope, kind: str, record_id: uuid.UUID) -> bool:
    if kind == "agenda_item":
        return scope.agenda_item(record_id)
    if kind == "decision":
        return scope.decision(record_id)
    if kind == "action_item":
        return scope.action(record_id)
    if kind == "progress_update":
        return scope.update(record_id)
    if kind == "indicator":
        return scope.indicator(record_id)
    return False  # the programme and the network are public


# Per kind: SQL returning (source key, id, title, meeting id, meeting date, meeting title, organisation id) for
# given source keys (portable SQL: only the index is engine-specific; ``{key}`` is its source key column).
_DETAILS = {
    "agenda_item": "SELECT s.{key}, s.id, s.number || '. ' || s.title, m.id, m.date, m.title FROM agenda_item s "
    "JOIN meeting m ON m.id = s.meeting_id",
    "decision": "SELECT s.{key}, s.id, s.number || ' ' || s.text, m.id, m.date, m.title FROM decision s "
    "JOIN meeting m ON m.id = s.meeting_id",
    "action_item": "SELECT s.{key}, s.id, s.number || ' ' || s.text, m.id, m.date, m.title FROM action_item s "
    "LEFT JOIN meeting m ON m.id = s.origin_meeting_id",
    "progress_update": "SELECT s.{key}, s.id, COALESCE(a.number || ' ' || a.text, p.code || ' ' || p.text, ''), "
    "m.id, COALESCE(m.date, s.date), m.title FROM progress_update s LEFT JOIN action_item a ON a.id = s.action_item_id "
    "LEFT JOIN programme_action p ON p.id = s.programme_action_id LEFT JOIN meeting m ON m.id = s.meeting_id",
    "programme_action": "SELECT s.{key}, s.id, s.code || ' ' || s.text, NULL, NULL, NULL FROM programme_action s",
    "ambition": "SELECT s.{key}, s.id, TRIM(s.code || ' ' || s.text), NULL, NULL, NULL FROM ambition s",
    "person": "SELECT s.{key}, s.id, s.name || COALESCE(', ' || NULLIF(s.function, ''), '') "
    "|| COALESCE(' (' || o.name || ')', ''), NULL, NULL, NULL, s.organisation_id FROM person s "
    "LEFT JOIN organisation o ON o.id = s.organisation_id",
    "organisation": "SELECT s.{key}, s.id, s.name || COALESCE(' (' || NULLIF(s.abbreviation, '') || ')', ''), "
    "NULL, NULL, NULL FROM organisation s",
    "indicator": "SELECT s.{key}, s.id, s.name || COALESCE(' (' || NULLIF(s.code, '') || ')', ''), NULL, NULL, NULL "
    "FROM indicator s",
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
    terms = query_parts(typed)
    if not terms:
        return SearchResults([])
    from ..storage_errors import StorageRefusedError

    try:
        matches = _matches(session, terms, limit)
    # A damaged index: the records are fine, only search fails. SQLite's FTS5 reads the index's structure record
    # (the list of its segments) when it opens the index and allocates an array per level sized by the segment
    # count written there: a damaged record can claim two billion segments, and then SQLite refuses the
    # allocation (SQLITE_NOMEM, which Python raises as MemoryError, not as a DatabaseError). Nothing else in
    # this query can ask for that much: the query is a few words and the result is limited.
    except (DatabaseError, StorageRefusedError, MemoryError) as exc:
        if isinstance(exc, StorageRefusedError) and exc.reason != "corrupt":
            raise
        raise RefusedError(
            "De zoekindex is beschadigd; de gegevens zelf zijn in orde. Sluit de app en bouw de zoekindex opnieuw op "
            "met 'ghnt-desktop check --herstel'."
        ) from exc
    index = _engine(session)
    by_kind: dict[str, list[Any]] = {}
    for key in matches:
        by_kind.setdefault(KIND_BY_CODE[index.kind_of(key)], []).append(index.source_of(key))
    details: dict[tuple[str, Any], Sequence[Any]] = {}
    for kind, sources in by_kind.items():
        query = text(f"{_DETAILS[kind].format(key=index.SOURCE_KEY)} WHERE s.{index.SOURCE_KEY} IN :keys")
        for found in session.execute(query.bindparams(bindparam("keys", expanding=True)), {"keys": sources}):
            details[(kind, found[0])] = found
    without_snippet = [key for key, snippet in matches.items() if snippet is None]
    texts = index.bodies(session, without_snippet)
    # The rule costs about 15 ms on ten years of meetings: only asked when a hit can be vertrouwelijk.
    scope = confidential_scope(session) if any(kind in _CAN_BE_CONFIDENTIAL for kind in by_kind) else None
    hits = []
    left_out = 0
    for key, snippet in matches.items():
        kind = KIND_BY_CODE[index.kind_of(key)]
        row = details.get((kind, index.source_of(key)))
        if row is None:  # the index is ahead of a row deleted in this session: skip
            continue
        confidential = scope is not None and _is_confidential(scope, kind, _uuid(row[1]))
        if confidential and not include_confidential:
            left_out += 1
            continue
        if snippet is None:
            snippet = make_snippet(texts.get(key, ""), terms)
        hits.append(
            SearchHit(
                kind=kind,
                id=_uuid(row[1]),
                title=" ".join((row[2] or "").split())[:200],
                snippet=" ".join(snippet.split()),
                meeting_id=_uuid(row[3]) if row[3] else None,
                meeting_date=_date_or_none(row[4]),
                meeting_title=row[5] or "",
                confidential=confidential,
                organisation_id=_uuid(row[6]) if len(row) > 6 and row[6] else None,
            )
        )
    return SearchResults(hits, left_out)


def _matches(session: Session, terms: list[Term], limit: int) -> dict[Any, str | None]:
    """Index keys (the engine's: see ``_engine``) of the best ``limit`` records, best first, with the engine's
    snippet where it made one.

    The four ways are tried in turn and stop once ``limit`` records are found: a common word fills the
    list with exact matches and the slower ways are never asked.
    """
    index = _engine(session)
    found: dict[Any, str | None] = {}

    def add(rowids: Sequence[tuple[Any, str | None]]) -> None:
        for rowid, snippet in rowids:
            if len(found) == limit:
                break
            found.setdefault(rowid, snippet)

    words = [term.words for term in terms]
    add(index.ranked_words(session, index.exact_query(words), limit))
    prefix = index.prefix_query(words)
    if len(found) < limit and prefix != index.exact_query(words):
        add(index.ranked_words(session, prefix, limit + len(found)))
    if len(found) < limit:
        forms = index.forms_query([(term.words, term.forms) for term in terms])
        add([(rowid, None) for rowid in index.ranked_forms(session, forms, limit + len(found))])
    long_terms = [term for term in terms if term.length >= MIN_PART_CHARS]
    if len(found) < limit and long_terms:
        parts = index.parts_query([(term.words, term.forms) for term in long_terms])
        short = [term.words[0].casefold() for term in terms if term.length < MIN_PART_CHARS]
        if not short:
            add([(rowid, None) for rowid in index.newest_parts(session, parts, limit + len(found))])
        else:
            # Words under three letters have no trigrams: the newest candidates are checked for them here
            # (asking the word index for "de"* would list most of the database).
            candidates = index.newest_parts(session, parts, PARTS_CHECKED)
            texts = index.bodies(session, [rowid for rowid in candidates if rowid not in found])
            # As in the other ways: a two-letter word starts a word, a single letter is a whole word.
            ends = {True: "", False: r"\b"}
            starts = [re.compile(r"\b" + re.escape(word) + ends[len(word) > 1], re.IGNORECASE) for word in short]
            add(
                [
                    (rowid, None)
                    for rowid in candidates
                    if rowid in texts and all(start.search(texts[rowid]) for start in starts)
                ]
            )
    return found


PARTS_CHECKED = 2000  # candidates checked for one- and two-letter words when matching parts of words


_CONTEXT_BEFORE, _CONTEXT_AFTER = 5, 9  # words around the first match, as FTS5's snippet shows 14


def make_snippet(body: str, terms: Sequence[Term]) -> str:
    """``body`` around its first matching word, matching words between [ and ] (records found by word form or
    word part, which FTS5's own snippet cannot mark)."""
    spans = [(match.start(), match.end(), match.group()) for match in _WORD.finditer(body)]
    words = {word.casefold() for term in terms for word in term.words}
    stems = {form for term in terms for forms in term.forms for form in forms}
    parts = {word for word in words if len(word) >= MIN_PART_CHARS} | {s for s in stems if len(s) >= MIN_PART_CHARS}

    def matches(token: str) -> bool:
        folded = token.casefold()
        return (
            any(folded.startswith(word) for word in words)
            or stem(token) in stems
            or any(part in folded for part in parts)
        )

    if not spans:
        return body[:200]
    # Only up to the first match and around it: minutes can run to thousands of words.
    first = next((index for index, (_start, _end, token) in enumerate(spans) if matches(token)), 0)
    low, high = max(0, first - _CONTEXT_BEFORE), min(len(spans), first + _CONTEXT_AFTER)
    marked = {index: matches(spans[index][2]) for index in range(low, high)}
    pieces = ["…" if low > 0 else ""]
    for index in range(low, high):
        start, end, token = spans[index]
        if index > low:
            pieces.append(body[spans[index - 1][1] : start])
        pieces.append(f"[{token}]" if marked[index] else token)
    pieces.append("…" if high < len(spans) else "")
    return "".join(pieces)


def _uuid(value: Any) -> uuid.UUID:
    """A UUID from raw SQL: SQLite returns its 32 hex digits, PostgreSQL a ``uuid.UUID``."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _date_or_none(value: Any) -> date | None:
    if isinstance(value, date):  # PostgreSQL returns dates; SQLite their ISO text
        return value
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):  # an unreadable stored date ('ghnt-desktop check' names it)
        return None
