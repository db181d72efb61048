"""Bad input everywhere: any Unicode, control characters, very long texts and edge dates.

Property-based (hypothesis): text stored through the models is read back exactly; dates from year 1 to
9999 survive; the deadline and status parsers never raise on any text or reference date; the action
search finds an action by any piece of its own text, whatever characters it holds.

Lengths: SQLite does not enforce ``String(n)``; a text longer than the model's declared length is stored
whole (checked below), so length limits are the services' job (``clean_text(max_length=...)``).
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghnt_desktop.db import open_database
from ghnt_desktop.deadlines import parse_deadline, parse_status
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    ChangeRecord,
    Decision,
    Meeting,
    MeetingKind,
    Organisation,
    Person,
)

# Any text a str can hold except lone surrogates (Qt hands over UTF-16 that Python decodes; lone surrogates
# cannot come from a keyboard, a paste or a file and no UTF-8 store can keep them).
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
CONTROL = st.sampled_from(
    [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\u00ad"]
)
WORDS = st.sampled_from(["a", "é", "ß", "😀", "👩\u200d👧", "مرحبا", "שלום", " ", "\xa0", "%", "_", "\\"])
PASTED = st.lists(st.one_of(CONTROL, WORDS))
TEXTS = st.one_of(ANY_TEXT, PASTED.map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("unicode") / "unicode.db")
    with database.session() as session:
        meeting = Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2025, 3, 12))
        session.add(meeting)
        session.flush()
        item = AgendaItem(meeting_id=meeting.id, title="Punt")
        session.add(item)
        session.flush()
        ids = (meeting.id, item.id)
    yield database, ids
    database.close()


def _store_and_reload(database, make, read):
    with database.session() as session:
        record = make()
        session.add(record)
        session.flush()
        record_id = record.id
    with database.session() as session:  # a new session: values come from the file, not the identity map
        return read(session.get(type(record), record_id))


@SETTINGS
@given(text=TEXTS, other=TEXTS)
def test_any_text_is_stored_and_read_back_exactly(shared_db, text, other):
    database, (meeting_id, item_id) = shared_db
    seq = uuid.uuid4().int % 10**9
    assert _store_and_reload(
        database,
        lambda: Decision(meeting_id=meeting_id, year=2025, sequence=seq, number=f"AO-{seq}", text=text, outcome=other),
        lambda d: (d.text, d.outcome),
    ) == (text, other)
    assert _store_and_reload(
        database,
        lambda: ActionItem(number="A1", text=text, trekker_text=other, deadline_text=text),
        lambda a: (a.text, a.trekker_text, a.deadline_text),
    ) == (text, other, text)
    assert _store_and_reload(
        database,
        lambda: AgendaItem(meeting_id=meeting_id, title=text, minutes_text=other, documents=[{"title": text}]),
        lambda a: (a.title, a.minutes_text, a.documents),
    ) == (text, other, [{"title": text}])
    assert _store_and_reload(
        database,
        lambda: Person(name=text, function=other, email=text),
        lambda p: (p.name, p.function, p.email),
    ) == (text, other, text)
    assert _store_and_reload(
        database,
        lambda: Organisation(name=f"{uuid.uuid4()}{text}", aliases=[text, other], notes=other),
        lambda o: (o.name[36:], o.aliases, o.notes),
    ) == (text, [text, other], other)
    assert _store_and_reload(
        database,
        lambda: ChangeRecord(entity="decision", entity_id=uuid.uuid4(), old_value=text, new_value=other, reason=text),
        lambda c: (c.old_value, c.new_value, c.reason),
    ) == (text, other, text)


def test_very_long_texts_are_stored_whole(shared_db):
    database, (meeting_id, _item_id) = shared_db
    minutes = ("Het verslag van een lange vergadering, met émoji 👩‍👧 en עברית. " * 20_000)[:1_000_000]
    title = "T" * 100_000  # AgendaItem.title is String(500): SQLite keeps it all, the services must limit it
    got = _store_and_reload(
        database,
        lambda: AgendaItem(meeting_id=meeting_id, title=title, minutes_text=minutes),
        lambda a: (a.title, a.minutes_text),
    )
    assert got == (title, minutes)
    assert len(got[1]) == 1_000_000


@SETTINGS
@given(day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_date_from_year_1_to_9999_survives(shared_db, day):
    database, _ids = shared_db
    assert (
        _store_and_reload(
            database,
            lambda: Meeting(kind=MeetingKind.TACTISCH, title="x", date=day),
            lambda m: m.date,
        )
        == day
    )
    got = _store_and_reload(database, lambda: ActionItem(number="A", text="x", deadline=day), lambda a: a.deadline)
    assert got == day


@pytest.mark.parametrize("day", [date.min, date(1, 12, 31), date(9999, 1, 1), date.max])
def test_edge_dates_exactly(shared_db, day):
    database, _ids = shared_db
    got = _store_and_reload(database, lambda: ActionItem(number="A", text="x", closed_on=day), lambda a: a.closed_on)
    assert got == day


EDGE_DEADLINES = [
    "31-12-9999",
    "1-1-0001",
    "0001-01-01",
    "9999-12-31",
    "eind 9999",
    "Q4 9999",
    "december 2199",
    "32-13-2020",
    "29-02-2021",
    "na de zomervakantie",
    "voor de kerst",
    "eind december",
    "q4",
    "2019-2018",
    "",
    "\x00\x01\x02",
    "januari " + "9" * 5000,
]


@pytest.mark.parametrize("text", EDGE_DEADLINES)
@pytest.mark.parametrize("reference", [None, date.min, date(2020, 6, 1), date.max])
def test_parse_deadline_at_the_edges(text, reference):
    parsed = parse_deadline(text, reference=reference)
    assert parsed.text == text
    if parsed.start and parsed.end:
        assert parsed.start <= parsed.end


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, reference=st.one_of(st.none(), st.dates()))
def test_parse_deadline_never_raises_and_keeps_the_text(text, reference):
    parsed = parse_deadline(text, reference=reference)
    assert parsed.text == text
    for end in (parsed.start, parsed.end):
        assert end is None or isinstance(end, date)
    if parsed.start and parsed.end:
        assert parsed.start <= parsed.end


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(TEXTS, st.builds(lambda a, b: a + "Deadline: " + b + " 2020", TEXTS, TEXTS)))
def test_parse_deadline_of_texts_with_a_date_in_them(text):
    parsed = parse_deadline(text)
    assert parsed.text == text
    if parsed.start and parsed.end:
        assert parsed.start <= parsed.end


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_parse_status_never_raises(text):
    assert parse_status(text) is None or isinstance(parse_status(text), ActionStatus)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS.map(lambda t: t.replace("\x00", "")), start=st.integers(0, 400), length=st.integers(1, 40))
def test_action_search_finds_an_action_by_any_piece_of_its_text(shared_db, text, start, length):
    from ghnt_desktop.services.actions import ActionFilter, list_action_items

    database, _ids = shared_db
    marker = uuid.uuid4().hex
    full = f"{text}{marker}"
    start = min(start, len(full) - 1)
    piece = full[start : start + length]
    with database.session() as session:
        session.add(ActionItem(number=f"N-{marker}", text=full))
    with database.session() as session:
        hits = {r.number for r in list_action_items(session, ActionFilter(search=piece))}
    if piece.strip():
        assert f"N-{marker}" in hits


@pytest.mark.xfail(strict=True, reason="SQLite's LIKE stops at a NUL character: text after it is not searched")
def test_action_search_past_a_nul_character(shared_db):
    # Known limitation, reported: a pasted NUL hides the rest of the text from the search. Services that
    # clean input (meetings.clean_text) drop it; importers and other services must do the same.
    from ghnt_desktop.services.actions import ActionFilter, list_action_items

    database, _ids = shared_db
    with database.session() as session:
        session.add(ActionItem(number="NUL-1", text="Notulen\x00verzenden"))
    with database.session() as session:
        hits = {r.number for r in list_action_items(session, ActionFilter(search="verzenden"))}
    assert "NUL-1" in hits
