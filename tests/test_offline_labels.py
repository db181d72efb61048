"""Offline capture: every field and record a return names has a Dutch name a person recognises.

The return lists what it merged and every conflict by record and field. A raw column name ("deadline_text") or a
record without what it belongs to ("Voortgang", "Agendapunt 3" of which meeting?) leaves the user guessing. These
tests walk every table and every mergeable field, so a new table or column fails here until it is named.
"""

from __future__ import annotations

import uuid

import pytest
from offline_helpers import NEXT_AO, edit, give_back, take, team_database
from sqlalchemy import select

from ghnt_desktop.models import ActionItem, ActionStatus, AgendaItem, Attendance, Person
from ghnt_desktop.services import meetings, minutes
from ghnt_desktop.services.offline import (
    _BELONGS_TO,
    _OF,
    FIELD_LABELS,
    TABLE_LABELS,
    _data_tables,
    _field_label,
    _merge_fields,
    _own_name,
    _record_label,
)

TABLES = {table.name: table for table in _data_tables()}


def test_every_mergeable_field_of_every_table_has_a_dutch_label():
    missing = sorted(
        f"{table.name}.{name}" for table in TABLES.values() for name in _merge_fields(table) if name not in FIELD_LABELS
    )
    assert missing == [], f"give these fields a Dutch label in services.offline.FIELD_LABELS: {missing}"


def test_every_table_has_a_dutch_name():
    assert sorted(set(TABLES) - set(TABLE_LABELS)) == []


@pytest.mark.parametrize("name", sorted({n for t in TABLES.values() for n in _merge_fields(t)}))
def test_a_field_label_is_dutch_words_not_a_column_name(name):
    label = _field_label(name)
    assert "_" not in label and label != "" and label == label.strip()
    assert not label.endswith(" id")


def _fake_row(table, referenced_names: dict[str, str]) -> dict:
    """A row of ``table`` with every reference filled (to a record named after its table) and no name or text of
    its own: what the label says must then come from what the row refers to."""
    row: dict = {}
    for column in table.columns:
        targets = [fk.column.table.name for fk in column.foreign_keys]
        if targets and targets[0] != table.name:
            key = str(uuid.uuid4())
            referenced_names[key] = targets[0]
            row[column.name] = key
        else:
            row[column.name] = None
    return row


def _referenced_row(referenced_names: dict[str, str]):
    def referenced(table: str, key: str) -> dict:
        assert referenced_names[key] == table
        return {"name": f"<{table}>", "title": f"<{table}>", "number": f"<{table}>"}

    return referenced


# Tables whose records name themselves: by a number, title, name, code, key, or a date or year.
def _names_itself(table) -> bool:
    return any(name in table.c for name in ("number", "title", "name", "key", "code", "date", "year"))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_record_without_a_name_of_its_own_is_named_after_what_it_is_of_or_belongs_to(name):
    table = TABLES[name]
    if _names_itself(table):
        return
    assert name in _OF or name in _BELONGS_TO, (
        f"{name} has no name of its own: say in services.offline._OF or _BELONGS_TO what names it"
    )
    names: dict[str, str] = {}
    label = _record_label(name, _fake_row(table, names), _referenced_row(names))
    assert label != TABLE_LABELS[name] and "<" in label


@pytest.mark.parametrize("name", sorted(_BELONGS_TO))
def test_a_record_label_names_what_the_record_belongs_to(name):
    table = TABLES[name]
    names: dict[str, str] = {}
    row = _fake_row(table, names)
    parent = next(c for c in _BELONGS_TO[name] if c in table.c)
    target = next(iter(table.c[parent].foreign_keys)).column.table.name
    label = _record_label(name, row, _referenced_row(names))
    assert f" bij {TABLE_LABELS[target].lower()} <{target}>" in label, label
    # Without a way to read it (an old stored label), the record still names itself.
    assert _record_label(name, row).startswith(TABLE_LABELS[name])


@pytest.mark.parametrize(
    ("table", "row", "expected"),
    [
        ("action_item", {"number": "AO-2026-3-A02", "kind": "actie"}, "Actiepunt AO-2026-3-A02"),
        ("action_item", {"number": "AO-2026-3-T01", "kind": "toezegging"}, "Toezegging AO-2026-3-T01"),
        ("decision", {"number": "AO-2026-3-01", "text": "Besloten"}, "Besluit AO-2026-3-01"),
        ("decision", {"number": None, "text": "Het AO stemt in"}, "Besluit 'Het AO stemt in'"),
        ("agenda_item", {"number": "4", "title": "Voortgang"}, "Agendapunt 4 Voortgang"),
        ("progress_update", {"date": "2026-12-10"}, "Voortgang van 10-12-2026"),
        ("measurement", {"year": 2025}, "Meting 2025"),
        ("attendance", {"name": "Gast Jansen"}, "Aanwezigheid van Gast Jansen"),
        ("action_item", None, "Actiepunt"),
    ],
)
def test_records_named_by_their_own_fields(table, row, expected):
    assert _record_label(table, row) == expected


def test_a_date_or_year_that_is_no_date_is_shown_as_it_is():
    assert _own_name("progress_update", {"date": "eind 2026"}) == "eind 2026"


@pytest.fixture
def team(demo_database, request):
    with team_database("sqlite", demo_database, request) as database:
        yield database


def test_a_return_names_new_progress_attendance_and_agenda_items_with_what_they_belong_to(team, tmp_path):
    """Realistic: the secretaris records progress on an open action, adds a guest and minutes an agenda item."""
    copy = take(team, tmp_path / "laptop.db")
    try:

        def offline(session):
            action = session.scalars(
                select(ActionItem).where(ActionItem.status == ActionStatus.IN_PROGRESS).order_by(ActionItem.number)
            ).first()
            minutes.record_progress(
                session, action.id, status=ActionStatus.IN_PROGRESS, done_text="Werkafspraken gemaakt met de wijken",
                meeting_id=NEXT_AO,
            )  # fmt: skip
            listed = select(Attendance.person_id).where(
                Attendance.meeting_id == NEXT_AO, Attendance.person_id.is_not(None)
            )
            person = session.scalars(select(Person).where(Person.id.not_in(listed)).order_by(Person.name)).first()
            meetings.add_attendee(session, NEXT_AO, person_id=person.id)
            item = session.scalars(
                select(AgendaItem).where(AgendaItem.meeting_id == NEXT_AO).order_by(AgendaItem.position)
            ).all()[1]
            minutes.set_minutes_text(session, item.id, "Besproken: de planning.")
            return action.number, person.name, item.number

        number, person, item_number = edit(copy, "Sanne de Secretaris", offline)
        with team.read_session() as session:
            title = meetings.get_meeting(session, NEXT_AO).title
        result = give_back(copy, team, dry_run=True)
        labels = [a.record_label for a in result.added] + [m.record_label for m in result.merged]
        assert f"Voortgang van 10-12-2026 bij actiepunt {number}" in labels
        assert f"Aanwezigheid van {person} bij overleg {title}" in labels
        assert any(label.startswith(f"Agendapunt {item_number}") and label.endswith(f"bij overleg {title}")
                   for label in labels), labels  # fmt: skip
        lines = "\n".join(result.lines())
        assert f"Voortgang van 10-12-2026 bij actiepunt {number}: 'Werkafspraken gemaakt met de wijken'" in lines
        assert "verslagtekst = 'Besproken: de planning.'" in lines
        assert "_" not in "".join(m.field_label for m in result.merged)
    finally:
        copy.close()


def test_the_labels_read_each_referenced_record_once(team, tmp_path):
    """The labels of many records of one meeting read the meeting once (a return of 300 fields stays fast)."""
    from ghnt_desktop.services.offline import _Labels

    with team.read_session() as session:
        labels = _Labels(session)
        rows = [{"meeting_id": str(NEXT_AO), "number": str(n), "title": "Punt"} for n in range(50)]
        assert len({labels("agenda_item", row).split(" bij ")[1] for row in rows}) == 1
        assert list(labels.rows) == [("meeting", str(NEXT_AO))]


def test_every_field_label_is_translated_into_english(ui_language):
    """The app shows these names through ``ui.offline_conflicts.field_text``; each needs its English."""
    from ghnt_desktop.ui.offline_conflicts import field_text

    ui_language("en")
    untranslated = sorted(
        {label for label in FIELD_LABELS.values() if field_text(label) == label}
        - {"code", "status", "label", "indicator", "deadline", "online link"}
    )
    assert untranslated == []
    assert field_text("verslagtekst") == "minutes text"


@pytest.mark.parametrize(
    ("value", "table", "name", "expected"),
    [
        ("on_hold", "action_item", "status", "Aangehouden"),
        ("substituted", "attendance", "status", "Vervangen"),
        ("iets nieuws", "action_item", "status", "'iets nieuws'"),  # a value of a newer version: as stored
        ("2027-06-30", "action_item", "deadline", "30-06-2027"),
        ("juni 2027", "action_item", "deadline_text", "'juni 2027'"),
        (4, "action_item", "times_postponed", "4"),
        (True, "decision", "confidential", "ja"),
        (None, "decision", "text", "(leeg)"),
        ("Regel 1\nRegel 2", "agenda_item", "minutes_text", "'Regel 1 / Regel 2'"),
        ({"status": "present", "name": "Gast"}, "attendance", "", "status: Aanwezig; naam: 'Gast'"),
    ],
)
def test_values_are_printed_as_a_person_reads_them(value, table, name, expected):
    from ghnt_desktop.services.offline import _shown

    assert _shown(value, table, name) == expected
