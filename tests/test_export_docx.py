"""Word exports against the demo database: each document is reopened with python-docx and its headings,
tables and cell values are compared with what the database holds (queried here, independently)."""

from __future__ import annotations

import uuid
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.docx_common import HEADER_FILL
from ghnt_desktop.exports.docx_lists import export_actielijst, export_besluitenlijst
from ghnt_desktop.exports.docx_meeting import export_agenda, export_verslag
from ghnt_desktop.exports.docx_programme import export_programma
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Ambition,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingKind,
    Person,
    ProgrammeAction,
    Section,
)
from ghnt_desktop.services import documents as docs

demo = pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
PERIOD = (date(2020, 1, 1), date(2020, 10, 31))


@pytest.fixture(scope="module")
def demo_db(demo_database):
    database = open_database(demo_database(TODAY), read_only=True)
    yield database
    database.close()


@pytest.fixture
def demo_session(demo_db):
    with demo_db.session() as session:
        yield session


def _meeting_with_minutes(session) -> Meeting:
    """The latest held afstemmingsoverleg that has decisions and present attendees."""
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG, Meeting.date <= TODAY)
        .order_by(Meeting.date.desc())
    ).all()
    for meeting in meetings:
        has_decisions = session.scalar(select(Decision.id).where(Decision.meeting_id == meeting.id).limit(1))
        if has_decisions and meeting.attendance:
            return meeting
    pytest.skip("demo holds no afstemmingsoverleg with decisions")


def _headings(document, level: int | None = None) -> list[str]:
    wanted = {f"Heading {level}"} if level else {f"Heading {n}" for n in range(1, 5)}
    return [p.text for p in document.paragraphs if p.style.name in wanted]


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _assert_header_row_repeats(table) -> None:
    first = table.rows[0]._tr
    assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    fill = first.tc_lst[0].tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fill == HEADER_FILL


def _assert_common(document, title_part: str) -> None:
    """Properties, page numbers and a Dutch footer on every document."""
    assert title_part in document.core_properties.title
    assert document.core_properties.author
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_agenda_matches_the_meeting(demo_session, tmp_path):
    meeting = _meeting_with_minutes(demo_session)
    data = docs.agenda_document(demo_session, meeting.id)
    out = tmp_path / "agenda.docx"
    calls = []
    result = export_agenda(data, out, progress=lambda done, total: calls.append((done, total)))
    document = docx.Document(out)

    assert document.paragraphs[0].text == "Uitnodiging en agenda"
    assert "Agenda" in _headings(document, 1)
    header = dict((row[0], row[1]) for row in _rows(document.tables[0]))
    assert header["Voorzitter"] == meeting.chair.name
    assert meeting.location and header["Locatie"] == meeting.location
    agenda = document.tables[1]
    _assert_header_row_repeats(agenda)
    items = [i for i in meeting.agenda_items if not i.confidential]
    rows = _rows(agenda)[1:]
    assert [r[0] for r in rows] == [i.number for i in items]
    assert [r[2].split("\n")[0] for r in rows] == [i.title for i in items]
    assert [r[3] for r in rows] == [i.purpose.label for i in items]
    assert rows[0][1].startswith(meeting.start_time.strftime("%H.%M"))
    # Clock times run on: each item starts where the previous one ended.
    for previous, current in zip(rows, rows[1:], strict=False):
        assert previous[1].split("-")[1] == current[1].split("-")[0]
    _assert_common(document, "Agenda")
    assert result.omitted.agenda_items == sum(1 for i in meeting.agenda_items if i.confidential)
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)


def test_verslag_matches_the_meeting(demo_session, tmp_path):
    meeting = _meeting_with_minutes(demo_session)
    data = docs.minutes_document(demo_session, meeting.id)
    out = tmp_path / "verslag.docx"
    export_verslag(data, out)
    document = docx.Document(out)

    items = [i for i in meeting.agenda_items if not i.confidential]
    assert _headings(document, 2)[: len(items)] == [f"{i.number}. {i.title}" for i in items]
    assert _headings(document, 1) == ["Besproken punten", "Actielijst"]

    header = dict((row[0], row[1]) for row in _rows(document.tables[0]))
    present = [
        a for a in meeting.attendance if a.status == AttendanceStatus.PRESENT and a.agenda_item_id is None and a.person
    ]
    assert present
    for attendance in present:
        organisation = attendance.organisation or attendance.person.organisation
        line = next(line for line in header["Aanwezig"].split("\n") if line.startswith(organisation.name + ":"))
        assert attendance.person.name in line
    excused = [a for a in meeting.attendance if a.status == AttendanceStatus.EXCUSED and a.person]
    for attendance in excused:
        assert attendance.person.name in header["Afgemeld"]

    body_text = "\n".join(p.text for p in document.paragraphs)
    decisions = demo_session.scalars(select(Decision).where(Decision.meeting_id == meeting.id)).all()
    for decision in decisions:
        if decision.confidential:
            assert decision.text not in body_text
        else:
            assert f"{decision.number}\t{decision.text}" in body_text

    action_table = document.tables[-1]
    _assert_header_row_repeats(action_table)
    assert _rows(action_table)[0] == ["Nr", "Actie", "Trekker", "Deadline", "Status"]
    numbers = [r[0] for r in _rows(action_table)[1:]]
    own = demo_session.scalars(select(ActionItem).where(ActionItem.origin_meeting_id == meeting.id)).all()
    for action in own:
        assert (action.number in numbers) != action.confidential
    from ghnt_desktop.services.meeting_record import actions_as_of

    for row in _rows(action_table)[1:]:
        action = demo_session.scalar(select(ActionItem).where(ActionItem.number == row[0]))
        assert row[1].endswith(action.text)
        then = actions_as_of(demo_session, meeting.id, [action.id])[action.id]  # the verslag is of its meeting
        assert row[4].startswith(then.status.label)
        if then.times_postponed:
            assert f"({then.times_postponed}x uitgesteld)" in row[4]
    _assert_common(document, "Verslag")


def test_besluitenlijst_lists_the_period(demo_session, tmp_path):
    data = docs.decision_list_document(demo_session, date_from=PERIOD[0], date_to=PERIOD[1], all_series=True)
    out = tmp_path / "besluiten.docx"
    result = export_besluitenlijst(data, out)
    document = docx.Document(out)

    expected = demo_session.execute(
        select(Decision.number, Meeting.date, Decision.text, Decision.confidential, AgendaItem.confidential)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .outerjoin(AgendaItem, Decision.agenda_item_id == AgendaItem.id)
        .where(Meeting.date >= PERIOD[0], Meeting.date <= PERIOD[1])
    ).all()
    visible = [row for row in expected if not row[3] and not row[4]]
    table = document.tables[0]
    _assert_header_row_repeats(table)
    rows = _rows(table)
    assert rows[0] == ["Nr", "Datum", "Besluit", "Escalatie", "Uitkomst"]
    assert sorted(r[0] for r in rows[1:]) == sorted(r[0] for r in visible)
    by_number = {r[0]: r for r in visible}
    for row in rows[1:]:
        assert row[1] == by_number[row[0]][1].strftime("%d-%m-%Y")
        assert row[2] == by_number[row[0]][2]
    assert result.omitted.decisions == len(expected) - len(visible)
    escalated = demo_session.scalars(select(Decision).where(Decision.escalation != "none")).all()
    for decision in escalated:
        if decision.number in by_number:
            row = next(r for r in rows if r[0] == decision.number)
            # With the meeting it went to, the state is worded to lead into the meeting's name (which says
            # "bestuurlijk overleg" itself).
            worded = {"proposed": "Ter besluitvorming voorgelegd aan", "decided": "Besloten in"}
            first = worded[decision.escalation.value] if decision.escalated_to_meeting_id else None
            assert row[3].split("\n")[0] == (first or decision.escalation.label)
    _assert_common(document, "Besluitenlijst")


def test_actielijst_groups_per_actielijn(demo_session, tmp_path):
    data = docs.action_list_document(demo_session, group_by="actielijn", today=TODAY)
    out = tmp_path / "acties.docx"
    export_actielijst(data, out)
    document = docx.Document(out)

    open_actions = demo_session.scalars(
        select(ActionItem).where(
            ActionItem.status.not_in([ActionStatus.DONE, ActionStatus.CANCELLED]), ActionItem.confidential.is_(False)
        )
    ).all()
    headings = _headings(document, 1)
    assert len(headings) == len(document.tables) == len(data.groups)
    rows = [row for table in document.tables for row in _rows(table)[1:]]
    assert sorted(r[0] for r in rows) == sorted(a.number for a in open_actions)
    by_number = {a.number: a for a in open_actions}
    for row in rows:
        action = by_number[row[0]]
        assert row[5] == (f"{action.times_postponed}x" if action.times_postponed else "-")
    # Every action sits under the heading of its actielijn.
    for heading, table in zip(headings, document.tables, strict=True):
        for row in _rows(table)[1:]:
            action = by_number[row[0]]
            section = None
            if action.programme_action is not None:
                section = action.programme_action.ambition.section.title
            elif action.working_group is not None and action.working_group.section_id:
                section = demo_session.get(Section, action.working_group.section_id).title
            assert heading == (section or "Zonder actielijn")
    _assert_common(document, "Actielijst")


def test_programme_table_like_seed_000(demo_session, tmp_path):
    data = docs.programme_document(demo_session)
    out = tmp_path / "programma.docx"
    export_programma(data, out)
    document = docx.Document(out)

    section = document.sections[0]
    assert section.page_width > section.page_height
    table = document.tables[0]
    _assert_header_row_repeats(table)
    rows = _rows(table)
    assert rows[0] == ["Ambities", "Acties", "Verantwoordelijkheid"]
    section_titles = demo_session.scalars(
        select(Section.title)
        .where(Section.ambitions.any(Ambition.actions.any(ProgrammeAction.in_programme_table)))
        .order_by(Section.position)
    ).all()
    span_rows = [r[0] for r in rows[1:] if len(set(r)) == 1]
    assert span_rows == list(section_titles)
    actions_text = "\n".join(r[1] for r in rows[1:])
    for text in demo_session.scalars(select(ProgrammeAction.text).where(ProgrammeAction.in_programme_table)):
        assert text.split("\n")[0] in actions_text
    responsibility = [r[2] for r in rows[1:] if len(set(r)) > 1]
    assert all(cell.startswith("Verantwoordelijke partijen:") for cell in responsibility)
    assert all("Trekker" in cell for cell in responsibility)
    ambition = demo_session.scalars(select(Ambition).where(Ambition.reference != "")).first()
    assert any(ambition.reference in r[0] for r in rows)
    _assert_common(document, data.title)


# The voortgangsrapportage and the voortgangsoverzicht: tests/test_export_report.py.


def test_meeting_lookup_by_short_id(demo_session):
    meeting = _meeting_with_minutes(demo_session)
    assert docs.find_meeting_id(demo_session, meeting.id.hex[:10]) == meeting.id
    with pytest.raises(docs.NotFoundError):
        docs.find_meeting_id(demo_session, str(uuid.uuid4()))


def test_cli_exports_every_kind(demo_db, tmp_path, capsys):
    from ghnt_desktop.cli import main

    with demo_db.session() as session:
        meeting_id = str(_meeting_with_minutes(session).id)
        person = session.scalar(select(Person.name).limit(1))
    assert person
    for kind in ("agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang", "voortgangsoverzicht"):
        out = tmp_path / f"{kind}.docx"
        args = ["export", kind, "--db", str(demo_db.path), "--out", str(out)]
        if kind in ("agenda", "verslag"):
            args += ["--meeting", meeting_id]
        else:
            args += ["--from", "2020-01-01", "--to", "2020-10-31"]
        assert main(args) == 0, capsys.readouterr().out
        assert docx.Document(out).paragraphs
    assert "Opgeslagen" in capsys.readouterr().out


def test_cli_errors_are_dutch_and_clean(demo_db, tmp_path, capsys):
    from ghnt_desktop.cli import main

    out = tmp_path / "x.docx"
    assert main(["export", "verslag", "--db", str(demo_db.path), "--meeting", "nope", "--out", str(out)]) == 2
    assert "Fout: Er is geen overleg" in capsys.readouterr().out
    assert main(["export", "verslag", "--db", str(demo_db.path), "--out", str(out)]) == 2
    assert "--meeting" in capsys.readouterr().out
    bad = tmp_path / "huisstijl.docx"
    bad.write_text("dit is geen Word-bestand")
    args = ["export", "actielijst", "--db", str(demo_db.path), "--out", str(out), "--template", str(bad)]
    assert main(args) == 2
    message = capsys.readouterr().out
    assert "huisstijl.docx" in message and "geen geldig Word-document" in message
    assert main(["export", "actielijst", "--db", str(tmp_path / "missing.db"), "--out", str(out)]) == 2
    assert "Fout:" in capsys.readouterr().out
    assert not out.exists()


def test_verslag_says_the_series_and_the_date_once(demo_session, tmp_path):
    """A meeting titled by its series and date: the series is the subtitle, the date stands only in the block."""
    from dataclasses import replace

    from ghnt_desktop.dutch_dates import long_date

    meeting = _meeting_with_minutes(demo_session)
    data = docs.minutes_document(demo_session, meeting.id)
    for title, subtitle, overleg_row in (
        (f"{data.header.series_name} 1 december 2026", data.header.series_name, False),
        ("Extra overleg over de meldcode", "Extra overleg over de meldcode", True),
    ):
        out = tmp_path / "verslag.docx"
        export_verslag(replace(data, header=replace(data.header, title=title)), out)
        document = docx.Document(out)
        assert document.paragraphs[1].text == subtitle
        header = dict((row[0], row[1]) for row in _rows(document.tables[0]))
        assert ("Overleg" in header) == overleg_row
        assert header["Datum"] == long_date(meeting.date)


def test_agenda_row_with_a_long_action_list_may_split(demo_session, tmp_path):
    """An agenda item listing many programme actions may run on to the next page (kept whole it left the first
    page nearly empty); short items never split."""
    from dataclasses import replace

    meeting = _meeting_with_minutes(demo_session)
    data = docs.agenda_document(demo_session, meeting.id)
    long_item = replace(data.items[0], programme_actions=tuple(f"S1-{n} Actie {n}" for n in range(25)))
    out = tmp_path / "agenda.docx"
    items = (long_item, *data.items[1:])
    export_agenda(replace(data, items=items), out)
    rows = docx.Document(out).tables[1].rows[1:]
    whole = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows]
    lines = [
        1 + item.confidential + (len(item.programme_actions) + 1 if item.programme_actions else 0) for item in items
    ]
    assert whole == [n <= 10 for n in lines] and whole[0] is False and whole.count(True) >= len(rows) - 2


@pytest.mark.parametrize(
    ("title", "on", "shown"),
    [
        ("Bestuurlijk overleg OGOO 26 oktober 2026", date(2026, 10, 26), "Bestuurlijk overleg OGOO 26 oktober 2026"),
        ("Bestuurlijk overleg OGOO 26-10-2026", date(2026, 10, 26), "Bestuurlijk overleg OGOO 26-10-2026"),
        ("Bestuurlijk overleg OGOO", date(2026, 10, 26), "Bestuurlijk overleg OGOO (26-10-2026)"),
        ("Bestuurlijk overleg OGOO 6 oktober 2026", date(2026, 10, 26), "Bestuurlijk overleg OGOO 6 oktober 2026 (26-10-2026)"),  # noqa: E501
        ("Bestuurlijk overleg OGOO", None, "Bestuurlijk overleg OGOO"),
        ("", date(2026, 10, 26), ""),
    ],
)
def test_a_meeting_escalated_to_is_named_with_its_date_once(title, on, shown):
    assert docs._meeting_named(title, on) == shown
