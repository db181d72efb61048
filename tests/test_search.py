"""Search over minutes, decisions, actions, progress notes and the programme (FTS5 fed by triggers)."""

from __future__ import annotations

import sqlite3
from datetime import date

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from ghnt_desktop import db as dbmod
from ghnt_desktop.db import open_database
from ghnt_desktop.demo import build_demo
from ghnt_desktop.models import ActionItem, Decision
from ghnt_desktop.services.search import fts_query, search

TODAY = date(2026, 11, 22)


def test_query_words_are_prefixes_and_quotes_are_harmless():
    assert fts_query('meld "code" OR x*') == '"meld"* "code"* "OR"* "x"'  # one letter: a whole word
    assert fts_query("  ") == ""


def test_search_finds_each_kind_and_follows_edits(database):
    with database.session() as session:
        build_demo(session, TODAY)
    with database.session() as session:
        hits = search(session, "MDA")
        kinds = {h.kind for h in hits}
        assert {"programme_action"} <= kinds
        decision = session.query(Decision).first()
        word = "Zonnebloemoverleg"
        decision.text = f"Het overleg besluit tot een {word}."
    with database.session() as session:
        found = search(session, word.lower()[:8])  # prefix, other case
        assert [(h.kind, h.id) for h in found] == [("decision", decision.id)]
        assert "[" + word + "]" in found[0].snippet
        assert found[0].meeting_date is not None
        session.delete(session.get(Decision, decision.id))
    with database.session() as session:
        assert search(session, word) == []


def test_diacritics_and_every_word_must_match(database):
    with database.session() as session:
        session.add(ActionItem(number="X-1", text="Overleg met de coördinator huiselijk geweld"))
        session.add(ActionItem(number="X-2", text="Overleg met de wijkagent"))
    with database.session() as session:
        assert [h.title for h in search(session, "coordinator overleg")] == [
            "X-1 Overleg met de coördinator huiselijk geweld"
        ]
        assert len(search(session, "overleg")) == 2
        assert search(session, "") == []


def test_an_older_database_gets_the_index_when_migrated(tmp_path):
    path = tmp_path / "old.db"
    config = Config()
    config.set_main_option("script_location", str(dbmod.Path(dbmod.__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO action_item (id, number, kind, text, trekker_text, deadline_text, status, times_postponed, "
            "confidential, created_at, updated_at) VALUES ('0123456789abcdef0123456789abcdef', 'OUD-1', 'actiepunt', "
            "'Signaleringsprotocol kinderopvang', '', '', 'not_started', 0, 0, '2020-01-01', '2020-01-01')"
        )
    database = open_database(path)  # migrates, after a backup beside it
    with database.session() as session:
        assert [h.title for h in search(session, "signalering")] == ["OUD-1 Signaleringsprotocol kinderopvang"]
    database.close()
    assert any("voor-migratie" in p.name for p in tmp_path.iterdir())
