"""Search understands Dutch: word forms, parts of compounds, phrases, the programme's ambities and the network.

A small region's texts (realistic wording) are searched with a table of queries, each with the records it
must find and those it must not; properties check that any stored word is found by itself and by its
plural, that odd input never errors, and that vertrouwelijk records stay hidden whichever way they match.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghnt_desktop.models import (
    ActionItem,
    AgendaItem,
    Ambition,
    Decision,
    Meeting,
    MeetingKind,
    Organisation,
    Person,
    Programme,
    Section,
)
from ghnt_desktop.services.search import query_parts, query_terms, search, search_results

TEXTS = {
    "meldcode": ("agenda_item", "Werkafspraken meldcode", "De meldcode is besproken met de huisartsen."),
    "kindermishandeling": ("decision", "Het plan tegen kindermishandeling wordt vastgesteld.", ""),
    "ouderen": ("action_item", "Voorlichting over ouderenmishandeling op scholen", ""),
    "vergadering": ("agenda_item", "Planning", "De volgende vergadering is in maart in het gemeentehuis."),
    "verslagen": ("action_item", "Alle verslagen van de werkgroep archiveren", ""),
    "huiselijk": ("decision", "Monitor huiselijk geweld wordt jaarlijks opgesteld.", ""),
    "geweld_huiselijk": ("decision", "Geweld in afhankelijkheidsrelaties: huiselijke kring eerst.", ""),
    "wijkteams": ("action_item", "Training voor de wijkteams over signalen", ""),
}
AMBITION = "Iedere professional werkt met de verbeterde meldcode en kent de afwegingskaders."
PERSON = ("Fatima el Amrani", "aandachtsfunctionaris", "f.elamrani@veiligthuis.example")
ORGANISATION = ("Veilig Thuis Rivierenland", "VTR", "Advies- en meldpunt huiselijk geweld en kindermishandeling")


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    """A database with one record per text, an ambitie, a person and an organisation; name -> record id."""
    from ghnt_desktop.db import open_database

    database = open_database(tmp_path_factory.mktemp("dutch") / "region.db")
    ids = {}
    with database.session() as session:
        meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 3, 2))
        session.add(meeting)
        session.flush()
        for sequence, (name, (kind, text, minutes)) in enumerate(TEXTS.items(), start=1):
            if kind == "agenda_item":
                record = AgendaItem(meeting_id=meeting.id, number=str(sequence), title=text, minutes_text=minutes)
            elif kind == "decision":
                number = f"AO-2026-1-{sequence:02}"
                record = Decision(meeting_id=meeting.id, year=2026, sequence=sequence, number=number, text=text)
            else:
                record = ActionItem(number=f"A-{sequence}", text=text)
            session.add(record)
            session.flush()
            ids[name] = record.id
        programme = Programme(region="Rivierenland", title="Regionaal actieprogramma")
        session.add(programme)
        session.flush()
        section = Section(programme_id=programme.id, title="Actielijn 1")
        session.add(section)
        session.flush()
        ambition = Ambition(section_id=section.id, code="1.2", text=AMBITION)
        organisation = Organisation(name=ORGANISATION[0], abbreviation=ORGANISATION[1], notes=ORGANISATION[2])
        session.add_all([ambition, organisation])
        session.flush()
        person = Person(name=PERSON[0], function=PERSON[1], email=PERSON[2], organisation_id=organisation.id)
        session.add(person)
        session.flush()
        ids.update(ambition=ambition.id, organisation=organisation.id, person=person.id)
    yield database, ids
    database.close()


def found(database, typed: str) -> list:
    with database.read_session() as session:
        return [hit.id for hit in search(session, typed)]


# typed, names that must be found, names that must not
CASES = [
    ("meldcode", ["meldcode", "ambition"], ["kindermishandeling"]),
    ("meldcodes", ["meldcode", "ambition"], ["vergadering"]),  # plural -> singular (word form)
    ("vergaderingen", ["vergadering"], ["meldcode"]),
    ("vergadering", ["vergadering"], ["verslagen"]),
    ("mishandeling", ["kindermishandeling", "ouderen", "organisation"], ["meldcode", "huiselijk"]),  # compounds
    ("kindermishandeling", ["kindermishandeling", "organisation"], ["ouderen"]),
    ("verslag", ["verslagen"], ["vergadering"]),  # the start of a word
    ("verslagen", ["verslagen"], []),
    ("wijkteam", ["wijkteams"], []),
    ("signaal", [], []),  # signalen: the stemmer's vowel rule, see word_forms (covered by "signalen" below)
    ("signalen", ["wijkteams"], []),
    ("huisarts", ["meldcode"], []),
    ('"huiselijk geweld"', ["huiselijk", "organisation"], ["geweld_huiselijk"]),  # a phrase, in order
    ("huiselijk geweld", ["huiselijk", "geweld_huiselijk", "organisation"], ["meldcode"]),  # both words, any order
    ("gemeentehuis", ["vergadering"], []),
    ("gemeente", ["vergadering"], []),  # part of a compound
    ("aandachtsfunctionarissen", ["person"], []),  # a person by the plural of their function
    ("Amrani", ["person"], []),
    ("rivierenland", ["organisation"], ["person"]),
    ("VTR", ["organisation"], []),
    ("afwegingskader", ["ambition"], []),
    ("meldcode huisartsen", ["meldcode"], ["ambition"]),
    ("zzzgeenresultaat", [], ["meldcode"]),
    ("ouderenmishandeling scholen", ["ouderen"], ["kindermishandeling"]),
]


@pytest.mark.parametrize(("typed", "hits", "non_hits"), CASES, ids=[case[0] for case in CASES])
def test_realistic_dutch_queries(region, typed, hits, non_hits):
    database, ids = region
    result = found(database, typed)
    for name in hits:
        assert ids[name] in result, f"{typed!r} should find {name}"
    for name in non_hits:
        assert ids[name] not in result, f"{typed!r} should not find {name}"


def test_exact_matches_rank_before_word_forms_and_parts(region):
    database, ids = region
    with database.session() as session:
        session.add(ActionItem(number="R-1", text="Overzicht van alle meldcodes"))
        session.add(ActionItem(number="R-2", text="Nieuwe meldcodeapp uitproberen"))
    result = found(database, "meldcodes")
    with database.read_session() as session:
        titles = [hit.title for hit in search(session, "meldcodes")]
    assert titles[0] == "R-1 Overzicht van alle meldcodes"  # the word as typed first
    assert titles.index("R-2 Nieuwe meldcodeapp uitproberen") > titles.index("1. Werkafspraken meldcode")
    assert ids["meldcode"] in result


def test_hits_of_each_kind_say_where_they_live(region):
    database, ids = region
    with database.read_session() as session:
        person = search(session, "aandachtsfunctionaris")[0]
        organisation = next(hit for hit in search(session, "VTR") if hit.kind == "organisation")
        ambition = next(hit for hit in search(session, "afwegingskaders") if hit.kind == "ambition")
    assert (person.kind, person.id, person.organisation_id) == ("person", ids["person"], ids["organisation"])
    assert person.title == "Fatima el Amrani, aandachtsfunctionaris (Veilig Thuis Rivierenland)"
    assert (organisation.kind_label, organisation.title) == ("Organisatie", "Veilig Thuis Rivierenland (VTR)")
    assert ambition.title.startswith("1.2 Iedere professional") and ambition.kind_label == "Ambitie"
    assert "[afwegingskaders]" in ambition.snippet


def test_snippets_mark_word_forms_and_parts(region):
    database, _ids = region
    with database.read_session() as session:
        assert "[kindermishandeling]" in search(session, "mishandeling")[0].snippet
        vergadering = search(session, "vergaderingen")[0]
        assert "[vergadering]" in vergadering.snippet


DUTCH_PLURALS = [
    ("meldcode", "meldcodes"),
    ("vergadering", "vergaderingen"),
    ("ambitie", "ambities"),
    ("organisatie", "organisaties"),
    ("gemeente", "gemeenten"),
    ("besluit", "besluiten"),
    ("trekker", "trekkers"),
    ("werkgroep", "werkgroepen"),
    ("afspraak", "afspraken"),
    ("verslag", "verslagen"),
    ("overleg", "overleggen"),
    ("school", "scholen"),
    ("huisarts", "huisartsen"),
    ("signaal", "signalen"),
    ("slachtoffer", "slachtoffers"),
    ("training", "trainingen"),
    ("rapportage", "rapportages"),
    ("jongere", "jongeren"),
    ("agendapunt", "agendapunten"),
    ("brief", "brieven"),
    ("huis", "huizen"),
    ("beleidsplan", "beleidsplannen"),
    ("interventie", "interventies"),
    ("dag", "dagen"),
]
FILLER = st.lists(st.sampled_from(["de", "het", "overleg", "regio", "in", "maart", "besproken", "2026"]), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=st.sampled_from(DUTCH_PLURALS), before=FILLER, after=FILLER, stored_plural=st.booleans())
def test_any_stored_word_is_found_by_itself_and_by_its_plural(database, pair, before, after, stored_plural):
    singular, plural = pair
    word = plural if stored_plural else singular
    text = " ".join([*before, word, *after])
    with database.session() as session:
        record = ActionItem(number="P-1", text=text)
        session.add(record)
    try:
        for typed in (word, singular, plural, word.upper()):
            assert record.id in found(database, typed), f"{typed!r} should find {text!r}"
    finally:
        with database.session() as session:
            session.delete(session.get(ActionItem, record.id))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëï", min_size=1, max_size=25))
def test_any_stored_word_is_found_by_itself(database, word):
    with database.session() as session:
        record = ActionItem(number="W-1", text=f"Afspraak: {word} volgt")
        session.add(record)
    try:
        assert record.id in found(database, word)
    finally:
        with database.session() as session:
            session.delete(session.get(ActionItem, record.id))


ODD = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\"“”„*()^:+-{}ANDORNTEAR \\'", max_size=80),
    st.lists(st.sampled_from(['"', "meld", "NOT", "OR", "(", "*", "🙂", "👩‍👧", "\u200b", "x" * 200]), max_size=50).map(
        " ".join
    ),
)


@settings(max_examples=150, deadline=None)
@given(typed=ODD)
def test_odd_input_never_errors(region, typed):
    database, _ids = region
    with database.read_session() as session:
        results = search_results(session, typed)
    assert len(results.hits) <= 200
    assert len(query_parts(typed)) <= 12


@pytest.mark.parametrize(
    "typed",
    ['"meldcode', 'meldcode"', '""', '"""', "meldcode AND OR NOT", "-meldcode", "meld*", "(meldcode", "🙂 meldcode 🙂",
     "meldcode " * 500, "m" * 5000, "NEAR(meldcode huisartsen)", "col:meldcode", "^meldcode", "'s-Hertogenbosch"],
)  # fmt: skip
def test_odd_input_still_finds_what_it_names(region, typed):
    database, ids = region
    result = found(database, typed)
    if [word.casefold() for word in query_terms(typed)] == ["meldcode"]:  # operators are words like any other
        assert ids["meldcode"] in result


def test_vertrouwelijk_stays_hidden_whichever_way_it_matches(database):
    with database.session() as session:
        meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 3, 2))
        session.add(meeting)
        session.flush()
        minutes = "Zorg over kindermishandeling in gezin X; meldcodes gevolgd."
        item = AgendaItem(meeting_id=meeting.id, number="4", title="Casus", minutes_text=minutes, confidential=True)
        session.add(item)
    for typed in ("kindermishandeling", "mishandeling", "meldcode", "meldcodes", '"gezin X"', "gezin"):
        with database.read_session() as session:
            hidden = search_results(session, typed)
            shown = search_results(session, typed, include_confidential=True)
        assert hidden.hits == [] and hidden.confidential_left_out == 1, typed
        assert [(hit.id, hit.confidential) for hit in shown.hits] == [(item.id, True)], typed


def test_index_follows_every_write_path(database, tmp_path):
    path = database.path
    with database.session() as session:
        action = ActionItem(number="S-1", text="Bijeenkomst over vergaderingen plannen")
        session.add(action)
    assert action.id in found(database, "vergadering")  # word form: stemmed before the commit
    with database.session() as session:
        session.get(ActionItem, action.id).text = "Bijeenkomst over kindermishandeling plannen"
    assert action.id not in found(database, "vergadering")
    assert action.id in found(database, "mishandeling")
    # Another program (no stemmer) writes: found as written and by part at once, by word form after the app's next
    # write.
    other_program_writes(database, "UPDATE action_item SET text = 'Alle meldcodes bijwerken' WHERE number = 'S-1'")
    assert action.id in found(database, "meldcodes")
    assert action.id not in found(database, "mishandeling")
    with database.session() as session:
        session.add(ActionItem(number="S-2", text="iets anders"))
    with database.read_session() as session:
        assert pending_count(session.connection()) == 0
    assert action.id in found(database, "meldcode")
    with database.session() as session:
        session.delete(session.get(ActionItem, action.id))
    assert action.id not in found(database, "meldcodes") and action.id not in found(database, "bijwerken")
    if not database.is_file:
        return
    from ghnt_desktop.health import search_index_problem

    checked = sqlite3.connect(path)
    try:
        assert search_index_problem(checked) is None
    finally:
        checked.close()


def other_program_writes(database, statement: str) -> None:
    """``statement`` written by another program: the sqlite3 module, or psycopg on the server."""
    if database.is_file:
        raw = sqlite3.connect(database.path)
        raw.execute(statement)
        raw.commit()
        raw.close()
        return
    with database.engine.connect() as connection:  # a plain connection: none of the app's write hooks
        connection.exec_driver_sql(statement)
        connection.commit()


def pending_count(connection) -> int:
    if connection.dialect.name == "sqlite":
        return connection.exec_driver_sql("SELECT COUNT(*) FROM search_pending").scalar()
    return connection.exec_driver_sql("SELECT COUNT(*) FROM search_document WHERE pending").scalar()


def index_writes(connection) -> int:
    """A number that grows with every write to the index."""
    if connection.dialect.name == "sqlite":
        return connection.exec_driver_sql("SELECT COUNT(*) FROM search_index_data").scalar()
    return connection.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM search_document").scalar()


def test_a_status_change_leaves_the_index_alone(database):
    with database.session() as session:
        action = ActionItem(number="T-1", text="Meldcode evalueren")
        session.add(action)
    with database.session() as session:
        connection = session.connection()
        before = index_writes(connection)
        from ghnt_desktop.models import ActionStatus

        session.get(ActionItem, action.id).status = list(ActionStatus)[-1]
        session.flush()
        assert pending_count(connection) == 0
        assert index_writes(connection) == before


def test_a_database_of_0005_is_migrated_to_the_dutch_index(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from ghnt_desktop import db as dbmod
    from ghnt_desktop.db import open_database

    path = tmp_path / "old.db"
    config = Config()
    config.set_main_option("script_location", str(dbmod.Path(dbmod.__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "0005_action_trekker_organisation")  # the index as 0002 made it
        connection.exec_driver_sql(
            "INSERT INTO organisation (id, name, kind, aliases, notes, archived, created_at, updated_at) VALUES "
            "('00000000000000000000000000000001', 'Jeugdbescherming Gelderland', 'other', '[]', '', 0, "
            "'2026-01-01', '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO action_item (id, number, kind, text, trekker_text, deadline_text, status, times_postponed, "
            "confidential, created_at, updated_at) VALUES ('00000000000000000000000000000002', 'A-1', 'actiepunt', "
            "'Alle vergaderingen evalueren', '', '', 'not_started', 0, 0, '2026-01-01', '2026-01-01')"
        )
        assert connection.exec_driver_sql("SELECT rowid FROM search_index").scalar() == 8 + 3  # old: rowid * 8 + kind
        tables = connection.exec_driver_sql("SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'search%'")
        assert "search_parts" not in tables.scalar()
    engine.dispose()
    database = open_database(path)
    try:
        with database.read_session() as session:
            assert [hit.kind for hit in search(session, "vergadering")] == ["action_item"]
            assert [hit.kind for hit in search(session, "jeugdbescherming")] == ["organisation"]
            assert [hit.kind for hit in search(session, "bescherming")] == ["organisation"]
    finally:
        database.close()


@pytest.mark.parametrize(
    ("body", "typed", "expected"),
    [
        ("woord " * 3000 + "over kindermishandeling gesproken", "mishandeling",
         "…woord woord woord woord over [kindermishandeling] gesproken"),
        ("De vergaderingen in maart", "vergadering", "De [vergaderingen] in maart"),
        ("Alle verslagen archiveren", "verslag", "Alle [verslagen] archiveren"),
        ("", "meldcode", ""),
        ("!!! ???", "meldcode", "!!! ???"),
    ],
)  # fmt: skip
def test_snippets_of_word_forms_and_parts(body, typed, expected):
    from ghnt_desktop.services.search import make_snippet

    assert make_snippet(body, query_parts(typed)) == expected
