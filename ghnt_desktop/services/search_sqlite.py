"""The SQLite side of search: FTS5 tables, the triggers that feed them and the queries, all in this one module.

``services.search`` decides what a typed query means (words, phrases, Dutch word forms) and how results
rank; this module only turns that into SQLite. ``services.search_postgres`` has the same functions
over ``tsvector`` and ``pg_trgm``; ``services.search`` picks one per engine.

Three FTS5 tables share one rowid per indexed record, ``source rowid * SLOTS + kind code``:

- ``search_index`` (unicode61, diacritics folded): the text as written; exact words, prefixes, phrases,
  ranking (bm25) and snippets. Fed by triggers.
- ``search_parts`` (trigram, contentless): any part of a word of three letters or more, so "mishandeling"
  finds "kindermishandeling". Fed by triggers; a contentless table is told what to forget by the old text,
  which the trigger computes from the old row (the index always holds exactly the current text).
- ``search_forms`` (unicode61): the Dutch stems of the text ("vergaderingen" -> "vergader"). SQLite cannot
  stem in SQL without a function every connection would have to register (and a connection without it,
  such as the sqlite3 shell or a test, could then not write at all). So the triggers only note the record
  in ``search_pending`` and ``index_pending`` stems it in Python before the app's write session commits
  (``db.Database``). A record written by another program stays findable as written and in parts of words
  meanwhile, and gets its stems at the app's next write.

Triggers fire only when the indexed text changes (a status edit does not re-index an action).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

SLOTS = 16  # rowid = source rowid * SLOTS + kind code: room for 15 kinds
SOURCE_KEY = "rowid"  # the column of a source table that ``source_of`` returns


def kind_of(key: int) -> int:
    return key % SLOTS


def source_of(key: int) -> int:
    return key // SLOTS


TABLES = ("search_index", "search_parts", "search_forms")  # the FTS5 tables (each has its shadow tables)
_WORDS_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"


def _sql_text(expression: str) -> str:
    """``expression`` (a concatenation) as a text that is never NULL, so every record is indexed."""
    return f"COALESCE({expression}, '')"


def install(
    connection: Connection,
    sources: Sequence[tuple[int, str, str, str]],
    stems_of: Callable[[str], str],
) -> None:
    """(Re)create the tables, triggers and content for ``sources``; safe to run again at any time."""
    uninstall(connection)
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE search_index USING fts5(body, {_WORDS_TOKENIZER})")
    connection.exec_driver_sql("CREATE VIRTUAL TABLE search_parts USING fts5(body, tokenize = 'trigram', content = '')")
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE search_forms USING fts5(stems, {_WORDS_TOKENIZER})")
    connection.exec_driver_sql("CREATE TABLE search_pending (rowid INTEGER PRIMARY KEY)")
    for code, table, _label, expression in sources:
        new, old = _sql_text(expression.format(r="new")), _sql_text(expression.format(r="old"))
        new_id, old_id = f"new.rowid * {SLOTS} + {code}", f"old.rowid * {SLOTS} + {code}"
        add = (
            f"INSERT INTO search_index(rowid, body) VALUES ({new_id}, {new}); "
            f"INSERT INTO search_parts(rowid, body) VALUES ({new_id}, {new}); "
            f"INSERT OR IGNORE INTO search_pending(rowid) VALUES ({new_id}); "
        )
        remove = (
            f"DELETE FROM search_index WHERE rowid = {old_id}; "
            f"INSERT INTO search_parts(search_parts, rowid, body) VALUES ('delete', {old_id}, {old}); "
            f"DELETE FROM search_forms WHERE rowid = {old_id}; "
            f"DELETE FROM search_pending WHERE rowid = {old_id}; "
        )
        connection.exec_driver_sql(f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {add}END")
        connection.exec_driver_sql(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} "
            f"WHEN {old} IS NOT {new} OR old.rowid IS NOT new.rowid BEGIN {remove}{add}END"
        )
        connection.exec_driver_sql(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {remove}END")
        body = _sql_text(expression.format(r=table))
        for target in ("search_index", "search_parts"):
            connection.exec_driver_sql(
                f"INSERT INTO {target}(rowid, body) SELECT rowid * {SLOTS} + {code}, {body} FROM {table}"
            )
    # Read fully first: the inserts write to the database being read.
    _fill_forms(connection, connection.exec_driver_sql("SELECT rowid, body FROM search_index").all(), stems_of)


def uninstall(connection: Connection) -> None:
    """Drop the index tables and every search trigger (also those of kinds an earlier version indexed)."""
    triggers = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
    )
    for (name,) in triggers.all():
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    for table in (*TABLES, "search_pending"):
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def _fill_forms(connection: Connection, rows: Sequence[Sequence[Any]], stems_of: Callable[[str], str]) -> None:
    # The DB-API cursor directly: SQLAlchemy's per-row parameter handling took a third of a ten-year rebuild.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(
            "INSERT INTO search_forms(rowid, stems) VALUES (?, ?)",
            ((rowid, stems_of(body or "")) for rowid, body in rows),
        )
    finally:
        cursor.close()


def index_pending(connection: Connection, stems_of: Callable[[str], str]) -> int:
    """Stem the records the triggers noted since the last call; returns how many."""
    rows = connection.exec_driver_sql(
        "SELECT p.rowid, i.body FROM search_pending p JOIN search_index i ON i.rowid = p.rowid"
    ).all()
    if not rows:
        connection.exec_driver_sql("DELETE FROM search_pending")  # rows whose record went meanwhile
        return 0
    ids = ", ".join(str(int(row[0])) for row in rows)
    connection.exec_driver_sql(f"DELETE FROM search_forms WHERE rowid IN ({ids})")
    _fill_forms(connection, rows, stems_of)
    connection.exec_driver_sql("DELETE FROM search_pending")
    return len(rows)


def is_current(connection: Connection, sources: Sequence[tuple[int, str, str, str]]) -> bool:
    """Whether the tables and every trigger of ``sources`` are there (a migration that copied a table dropped its
    triggers and renumbered its rows; then the index must be built again)."""
    names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    triggers = {f"search_{table}_{event}" for _c, table, _l, _e in sources for event in ("insert", "update", "delete")}
    return {*TABLES, "search_pending", *triggers} <= names


# The query language of each tier (FTS5 MATCH syntax). A term is one word or the words of a phrase; the
# words come from services.search's tokenizer (letters and digits only), so quoting them is enough.


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def exact_query(terms: Sequence[Sequence[str]]) -> str:
    """Every term as a whole word or an exact phrase."""
    return " ".join(_quoted(words) for words in terms)


def prefix_query(terms: Sequence[Sequence[str]]) -> str:
    """Every word as the start of a word ("meld" finds "meldcode"); phrases stay exact, one letter a whole word."""
    return " ".join(
        _quoted(words) + "*" if len(words) == 1 and len(words[0]) > 1 else _quoted(words) for words in terms
    )


def any_of_query(terms: Sequence[Sequence[Sequence[str]]]) -> str:
    """Every term as one of its alternatives (each a word or an exact phrase)."""
    return " AND ".join(
        "(" + " OR ".join(_quoted(words) for words in alternatives) + ")" for alternatives in terms if alternatives
    )


def forms_query(terms: Sequence[tuple[Sequence[str], Sequence[Sequence[str]]]]) -> str:
    """Every term as one of its Dutch stems (``search_forms`` holds the stems ``services.search`` made)."""
    return any_of_query([forms for _words, forms in terms])


def parts_query(terms: Sequence[tuple[Sequence[str], Sequence[Sequence[str]]]]) -> str:
    """Every term anywhere inside a word: as written or as one of its stems (of three letters or more)."""
    parts = []
    for words, forms in terms:
        written = " ".join(words)
        alternatives = [written] + [
            " ".join(form) for form in forms if " ".join(form) != written.casefold() and len(" ".join(form)) >= 3
        ]
        parts.append("(" + " OR ".join(_quoted([alternative]) for alternative in alternatives) + ")")
    return " AND ".join(parts)  # FTS5 has no implicit AND before a bracket


def ranked_words(session: Session, query: str, limit: int) -> list[tuple[int, str]]:
    """(rowid, snippet) of the best ``limit`` records of ``search_index`` for ``query``."""
    rows = session.execute(
        text(
            "SELECT rowid, snippet(search_index, 0, '[', ']', '…', 14) FROM search_index "
            "WHERE search_index MATCH :query ORDER BY rank LIMIT :limit"
        ),
        {"query": query, "limit": limit},
    ).all()
    return [(int(row[0]), str(row[1] or "")) for row in rows]


def ranked_forms(session: Session, query: str, limit: int) -> list[int]:
    """Rowids of the best ``limit`` records whose stems match ``query``."""
    rows = session.execute(
        text("SELECT rowid FROM search_forms WHERE search_forms MATCH :query ORDER BY rank LIMIT :limit"),
        {"query": query, "limit": limit},
    ).all()
    return [int(row[0]) for row in rows]


def newest_parts(session: Session, query: str, limit: int) -> list[int]:
    """Rowids of records containing every part in ``query``, newest first.

    Trigram matches carry no useful rank; FTS5 walks its rowids backwards and stops at ``limit``.
    """
    rows = session.execute(
        text("SELECT rowid FROM search_parts WHERE search_parts MATCH :query ORDER BY rowid DESC LIMIT :limit"),
        {"query": query, "limit": limit},
    ).all()
    return [int(row[0]) for row in rows]


def bodies(session: Session, rowids: Sequence[int]) -> dict[int, str]:
    """The indexed text of ``rowids`` (for snippets of records found by stems or parts)."""
    if not rowids:
        return {}
    ids = ", ".join(str(int(r)) for r in rowids)
    return {
        int(row[0]): str(row[1] or "")
        for row in session.execute(text(f"SELECT rowid, body FROM search_index WHERE rowid IN ({ids})"))
    }
