"""The PostgreSQL side of search: the same functions as ``services.search_sqlite``, over PostgreSQL's own text search.

One table, ``search_document``, holds per indexed record its kind code, id and text, and two ``tsvector``
columns PostgreSQL computes itself: ``words`` (the ``simple`` configuration: the words as written, for exact
words, prefixes, phrases, ranking and snippets) and ``forms`` (the ``dutch`` configuration: Snowball's Dutch
stems, so "vergaderingen" finds "vergadering"), each with a GIN index. Parts of words ("mishandeling" in
"kindermishandeling") are found with ``ILIKE`` on the text, which ``pg_trgm``'s trigram index makes fast when
the server has that extension (it ships with PostgreSQL; without it parts of words are still found, by a scan).

PostgreSQL's ``dutch`` configuration is the original Snowball Dutch stemmer, which leaves some plurals alone
("organisaties" stays "organisaties"); the app's own stemmer (``services.search.stem``, newer Snowball) maps
both forms to one stem. So that a search finds the same records on both engines, ``stems`` holds the app's
stems too, filled as on SQLite: the triggers mark a changed record ``pending`` and ``index_pending`` stems it
before the app's write session commits. The word-form tier asks both columns.

Triggers (PL/pgSQL) keep the table equal to the records on every write path, also writes from other programs:
unlike SQLite, stemming happens in the server, so nothing waits for the app's next write.

A match key is ``(kind code, record id)``; ``seq`` orders part-of-word matches newest first, as rowids do on
SQLite.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

Key = tuple[int, uuid.UUID]
SOURCE_KEY = "id"  # the column of a source table that ``source_of`` returns
TABLES = ("search_document",)
_SNIPPET = "StartSel=[, StopSel=], MaxWords=14, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=…"


def kind_of(key: Key) -> int:
    return key[0]


def source_of(key: Key) -> uuid.UUID:
    return key[1]


def _sql_text(expression: str) -> str:
    return f"COALESCE({expression}, '')"


def install(
    connection: Connection,
    sources: Sequence[tuple[int, str, str, str]],
    stems_of: Callable[[str], str],
) -> None:
    """(Re)create the table, its triggers and its content for ``sources``; safe to run again at any time."""
    uninstall(connection)
    connection.exec_driver_sql(
        "CREATE TABLE search_document ("
        " kind smallint NOT NULL, id uuid NOT NULL, seq bigserial, body text NOT NULL,"
        " words tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,"
        " forms tsvector GENERATED ALWAYS AS (to_tsvector('dutch', body)) STORED,"
        " stems tsvector, pending boolean NOT NULL DEFAULT true,"
        " PRIMARY KEY (kind, id))"
    )
    connection.exec_driver_sql("CREATE INDEX search_document_words ON search_document USING gin (words)")
    connection.exec_driver_sql("CREATE INDEX search_document_forms ON search_document USING gin (forms)")
    connection.exec_driver_sql("CREATE INDEX search_document_stems ON search_document USING gin (stems)")
    connection.exec_driver_sql("CREATE INDEX search_document_seq ON search_document (seq)")
    connection.exec_driver_sql("CREATE INDEX search_document_pending ON search_document (kind) WHERE pending")
    if _has_trigrams(connection):
        connection.exec_driver_sql(
            "CREATE INDEX search_document_parts ON search_document USING gin (body gin_trgm_ops)"
        )
    for code, table, _label, expression in sources:
        new, old = _sql_text(expression.format(r="NEW")), _sql_text(expression.format(r="OLD"))
        connection.exec_driver_sql(
            f"CREATE FUNCTION search_{table}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id IS DISTINCT FROM NEW.id) THEN "
            f"DELETE FROM search_document WHERE kind = {code} AND id = OLD.id; END IF; "
            f"IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND ({old} IS DISTINCT FROM {new} OR OLD.id <> NEW.id)) THEN "
            f"INSERT INTO search_document (kind, id, body) VALUES ({code}, NEW.id, {new}) "
            f"ON CONFLICT (kind, id) DO UPDATE SET body = EXCLUDED.body, seq = nextval('search_document_seq_seq'), "
            f"stems = NULL, pending = true; "
            f"END IF; RETURN NULL; END $$"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER search_{table}_sync AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION search_{table}_sync()"
        )
        connection.exec_driver_sql(
            f"INSERT INTO search_document (kind, id, body) SELECT {code}, id, "
            f"{_sql_text(expression.format(r=table))} FROM {table} ORDER BY created_at"
        )
    index_pending(connection, stems_of)


def _has_trigrams(connection: Connection) -> bool:
    """Whether ``pg_trgm`` is (or can be made) available; a database owner may create it (it is trusted)."""
    if connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return True
    if not connection.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first():
        return False
    savepoint = connection.begin_nested()
    try:
        connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # no right to create it here: parts of words are found by a scan
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def uninstall(connection: Connection) -> None:
    """Drop the table and every search trigger and function (also of kinds an earlier version indexed)."""
    functions = connection.exec_driver_sql(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname LIKE 'search\\_%%\\_sync'"
    )
    for (name,) in functions.all():
        connection.exec_driver_sql(f'DROP FUNCTION IF EXISTS "{name}"() CASCADE')  # and its trigger
    connection.exec_driver_sql("DROP TABLE IF EXISTS search_document")


def index_pending(connection: Connection, stems_of: Callable[[str], str]) -> int:
    """Give the records the triggers marked their stems by the app's stemmer; returns how many."""
    rows = connection.exec_driver_sql("SELECT kind, id, body FROM search_document WHERE pending").all()
    if rows:
        connection.execute(
            text(
                "UPDATE search_document SET stems = to_tsvector('simple', :stems), pending = false "
                "WHERE kind = :kind AND id = :id"
            ),
            [{"kind": row[0], "id": row[1], "stems": stems_of(row[2] or "")} for row in rows],
        )
    return len(rows)


def is_current(connection: Connection, sources: Sequence[tuple[int, str, str, str]]) -> bool:
    names = {row[0] for row in connection.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
    tables = {row[0] for row in connection.exec_driver_sql("SELECT tablename FROM pg_tables")}
    return "search_document" in tables and {f"search_{table}_sync" for _c, table, _l, _e in sources} <= names


# Queries: a term is one word or the words of a phrase; words come from services.search's tokenizer (letters,
# digits and underscores only), so quoting them for to_tsquery is enough.


def _lexeme(word: str) -> str:
    return "'" + word.casefold().replace("'", "''").replace("\\", "") + "'"


def _phrase(words: Sequence[str], suffix: str = "") -> str:
    return " <-> ".join(_lexeme(word) + suffix for word in words)


def exact_query(terms: Sequence[Sequence[str]]) -> str:
    """Every term as a whole word or an exact phrase (a ``tsquery`` of the ``simple`` configuration)."""
    return " & ".join(f"({_phrase(words)})" for words in terms)


def prefix_query(terms: Sequence[Sequence[str]]) -> str:
    """Every word as the start of a word ("meld" finds "meldcode"); phrases stay exact, one letter a whole word."""
    return " & ".join(
        f"({_lexeme(words[0])}:*)" if len(words) == 1 and len(words[0]) > 1 else f"({_phrase(words)})"
        for words in terms
    )


def forms_query(terms: Sequence[tuple[Sequence[str], Sequence[Sequence[str]]]]) -> str:
    """Every term as a Dutch word form: a JSON pair of ``tsquery`` texts, the words as typed (the server stems
    them with its ``dutch`` configuration, as it stemmed the text) and the app's stems of them (``stems``)."""
    dutch = " & ".join(f"({_phrase(words)})" for words, _forms in terms)
    ours = " & ".join(
        "(" + " | ".join(f"({_phrase(form)})" for form in forms) + ")" for _words, forms in terms if forms
    )
    return json.dumps([dutch, ours])


def parts_query(terms: Sequence[tuple[Sequence[str], Sequence[Sequence[str]]]]) -> str:
    """Every term anywhere inside a word, as written or as one of its stems: a JSON list (one entry per term)
    of the alternatives, for ``newest_parts``."""
    groups = []
    for words, forms in terms:
        written = " ".join(words)
        alternatives = [written] + [
            " ".join(form) for form in forms if " ".join(form) != written.casefold() and len(" ".join(form)) >= 3
        ]
        groups.append(alternatives)
    return json.dumps(groups)


def ranked_words(session: Session, query: str, limit: int) -> list[tuple[Key, str]]:
    """(key, snippet) of the best ``limit`` records whose words match ``query``."""
    rows = session.execute(
        text(
            "SELECT d.kind, d.id, ts_headline('simple', d.body, q, :options) FROM search_document d, "
            "to_tsquery('simple', :query) q WHERE d.words @@ q ORDER BY ts_rank(d.words, q) DESC, d.seq DESC "
            "LIMIT :limit"
        ),
        {"query": query, "limit": limit, "options": _SNIPPET},
    ).all()
    return [((int(row[0]), _uuid(row[1])), str(row[2] or "")) for row in rows]


def ranked_forms(session: Session, query: str, limit: int) -> list[Key]:
    """Keys of the best ``limit`` records whose Dutch word forms match ``query``."""
    dutch, ours = json.loads(query)
    rows = session.execute(
        text(
            "SELECT d.kind, d.id FROM search_document d, to_tsquery('dutch', :dutch) q, to_tsquery('simple', :ours) s "
            "WHERE d.forms @@ q OR d.stems @@ s "
            "ORDER BY greatest(ts_rank(d.forms, q), ts_rank(d.stems, s)) DESC, d.seq DESC LIMIT :limit"
        ),
        {"dutch": dutch, "ours": ours, "limit": limit},
    ).all()
    return [(int(row[0]), _uuid(row[1])) for row in rows]


_LIKE_SPECIAL = re.compile(r"([\\%_])")


def newest_parts(session: Session, query: str, limit: int) -> list[Key]:
    """Keys of records containing every term of ``query`` (from ``parts_query``) inside a word, newest first."""
    groups: list[list[str]] = json.loads(query)
    conditions = []
    parameters: dict[str, Any] = {"limit": limit}
    for number, alternatives in enumerate(groups):
        either = []
        for index, alternative in enumerate(alternatives):
            name = f"p{number}_{index}"
            parameters[name] = "%" + _LIKE_SPECIAL.sub(r"\\\1", alternative) + "%"
            either.append(f"d.body ILIKE :{name}")
        conditions.append("(" + " OR ".join(either) + ")")
    rows = session.execute(
        text(
            f"SELECT d.kind, d.id FROM search_document d WHERE {' AND '.join(conditions) or 'false'} "
            "ORDER BY d.seq DESC LIMIT :limit"
        ),
        parameters,
    ).all()
    return [(int(row[0]), _uuid(row[1])) for row in rows]


def bodies(session: Session, keys: Sequence[Key]) -> dict[Key, str]:
    """The indexed text of ``keys`` (for snippets of records found by word forms or parts)."""
    if not keys:
        return {}
    wanted = set(keys)
    rows = session.execute(
        text("SELECT kind, id, body FROM search_document WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": sorted({key[1] for key in keys})},
    )
    found = {(int(row[0]), _uuid(row[1])): str(row[2] or "") for row in rows}
    return {key: body for key, body in found.items() if key in wanted}


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
