"""Search input of any shape gives a bounded, well-formed FTS5 query (the timing is in benchmarks/).

Whatever is typed or pasted (a word repeated thousands of times, a document, lone surrogates, FTS5
syntax), the query has at most ``MAX_TERMS`` distinct terms of at most ``MAX_TERM_CHARS`` characters,
every term quoted, and SQLite accepts it.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from index_damage import DAMAGE, damage_search_index

from ghnt_desktop.models import Decision, Meeting, MeetingKind
from ghnt_desktop.services import RefusedError
from ghnt_desktop.services.search import MAX_TERM_CHARS, MAX_TERMS, fts_query, query_terms, search

NASTY = st.one_of(
    st.text(max_size=3000),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=50),
    st.text(alphabet='"*()^:+-{}ANDORNTEAR ', max_size=400),
    st.lists(st.sampled_from(["meld", "code", "NEAR", "AND", '"', "*", "x" * 500]), max_size=3000).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(NASTY)
def test_query_is_capped_quoted_and_accepted_by_fts5(typed):
    terms = query_terms(typed)
    assert len(terms) <= MAX_TERMS
    assert all(0 < len(term) <= MAX_TERM_CHARS for term in terms)
    assert len({term.casefold() for term in terms}) == len(terms)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for term in terms for ch in term)
    query = fts_query(typed)
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    connection.execute("INSERT INTO t VALUES ('meldcode overleg')")
    if query:
        connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()  # no syntax error
    connection.close()


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("meldcode " * 5000, ["meldcode"]),
        (" ".join(f"w{n}" for n in range(5000)), [f"w{n}" for n in range(MAX_TERMS)]),
        ("x" * 100_000, ["x" * MAX_TERM_CHARS]),
        ("\ud800meld\udfffcode", ["meld", "code"]),
        ("Meldcode MELDCODE meldcode", ["Meldcode"]),
        ("a" * 995 + " meldcode", ["a" * MAX_TERM_CHARS]),  # the word cut at the length cap is left out
    ],
)
def test_pathological_inputs_are_cut_to_the_caps(typed, terms):
    assert query_terms(typed) == terms


def test_search_with_pathological_input_still_finds(session):
    from datetime import date

    meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 1, 1))
    session.add(meeting)
    session.flush()
    session.add(Decision(meeting_id=meeting.id, year=2026, sequence=1, number="AO-2026-1-01", text="Meldcode beter"))
    session.flush()
    assert [hit.kind for hit in search(session, "meldcode " * 5000)] == ["decision"]
    assert [hit.kind for hit in search(session, '"meld* (\ud800 bet')] == ["decision"]


@pytest.fixture(scope="module")
def indexed_file(tmp_path_factory):
    """A database with 59 indexed decisions (several index pages), closed; tests damage copies of it."""
    from datetime import date

    from ghnt_desktop.db import open_database

    path = tmp_path_factory.mktemp("indexed") / "ghnt.db"
    database = open_database(path)
    with database.session() as session:
        meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 1, 1))
        session.add(meeting)
        session.flush()
        for n in range(1, 60):
            body = f"Besluit {n} over de meldcode " + "verslag " * 50
            session.add(Decision(meeting_id=meeting.id, year=2026, sequence=n, number=f"AO-2026-1-{n:02d}", text=body))
    database.close()
    return path


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damaged_index_refuses_with_the_repair(tmp_path, indexed_file, damage):
    import shutil

    from ghnt_desktop.db import open_database

    path = tmp_path / "ghnt.db"
    shutil.copyfile(indexed_file, path)
    damage_search_index(path, damage)
    database = open_database(path, read_only=True)
    try:
        with pytest.raises(RefusedError, match="check --herstel"):
            with database.session() as session:
                search(session, "meldcode")
    finally:
        database.close()


def test_the_undamaged_copy_finds_every_decision(tmp_path, indexed_file):
    """The damage cases above start from an index that works: without damage the search finds all 59."""
    import shutil

    from ghnt_desktop.db import open_database

    path = tmp_path / "ghnt.db"
    shutil.copyfile(indexed_file, path)
    database = open_database(path, read_only=True)
    try:
        with database.session() as session:
            assert len(search(session, "meldcode")) == 59
    finally:
        database.close()


def test_search_window_says_how_to_repair_a_damaged_index(qtbot, tmp_path, demo_database):
    from datetime import date

    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    path = demo_database(date(2026, 3, 1))
    damage_search_index(path, "pages zeroed")
    window = MainWindow(Settings.at_path(tmp_path / "s.ini"), today=lambda: date(2026, 3, 1))
    qtbot.addWidget(window)
    assert window.open_database_file(path)
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.field.setText("meldcode")
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=3000)
    assert "zoekindex is beschadigd" in dialog.count_label.text() and "--herstel" in dialog.count_label.text()
    assert dialog.model.rowCount() == 0
