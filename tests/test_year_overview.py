"""The jaaroverzicht for the bestuurlijk overleg (issue #22): the year's meetings held, representation per
organisation, decisions and escalations with their outcomes, actions opened and closed; checked against the
database, in the Word XML, on the rendered pages (LibreOffice, when installed) and from the command line."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import date

import docx
import pytest
from sqlalchemy import func, select

from ghnt_desktop.cli import main as cli_main
from ghnt_desktop.db import open_database
from ghnt_desktop.exports.docx_year import export_jaaroverzicht
from ghnt_desktop.models import ActionItem, Decision, EscalationState, Meeting, MeetingState
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.year_overview import year_overview_document

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2026, 12, 3)
YEAR = 2026


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def session(demo_file):
    database = open_database(demo_file, read_only=True)
    with database.session() as s:
        yield s
    database.close()


def test_counts_agree_with_the_database(session):
    data = year_overview_document(session, YEAR, today=TODAY)
    first, last = date(YEAR, 1, 1), date(YEAR, 12, 31)
    held = session.scalar(
        select(func.count())
        .select_from(Meeting)
        .where(
            Meeting.date.between(first, last),
            Meeting.state.in_([MeetingState.HELD, MeetingState.MINUTES_APPROVED]),
        )
    )
    assert data.meetings_held == held > 5
    decisions = session.execute(
        select(Decision.number, Decision.escalation)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .where(Meeting.date.between(first, last))
    ).all()
    assert sum(s.decisions for s in data.series) + data.omitted.decisions == len(decisions)
    escalated = {n for n, e in decisions if e != EscalationState.NONE}
    assert {d.number for d in data.escalations} <= escalated and data.escalations
    assert all(d.outcome or d.escalation is EscalationState.PROPOSED for d in data.escalations)
    closed = session.scalar(
        select(func.count()).select_from(ActionItem).where(ActionItem.closed_on.between(first, last))
    )
    assert sum(s.actions_closed for s in data.series) <= closed
    for row in data.representation:
        assert 0 <= row.represented <= row.invited and row.invited <= data.meetings_held
    # The bestuurlijk overleg and the afstemmingsoverleg come first: the bestuurder reads them first.
    assert [s.name.split()[0] for s in data.series[:2]] == ["Bestuurlijk", "Afstemmingsoverleg"]


@pytest.mark.parametrize("year", [0, 1899, 2201])
def test_a_year_that_is_not_a_year_is_refused(session, year):
    with pytest.raises(ValidationError, match="geen geldig jaar"):
        year_overview_document(session, year)


def test_an_empty_year_says_so(session, tmp_path):
    data = year_overview_document(session, 2001, today=TODAY)
    assert data.meetings_held == 0 and not data.representation and not data.escalations
    out = tmp_path / "leeg.docx"
    export_jaaroverzicht(data, out)
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "In 2001 is geen overleg gehouden." in text and "geen besluiten" in text


def test_a_confidential_escalation_is_left_out_unless_asked(demo_database, tmp_path):
    path = demo_database(TODAY)
    database = open_database(path, read_only=True)
    with database.session() as s:
        number = year_overview_document(s, YEAR, today=TODAY).escalations[0].number
    database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE decision SET confidential = 1 WHERE number = ?", (number,))
    database = open_database(path, read_only=True)
    try:
        with database.session() as s:
            hidden = year_overview_document(s, YEAR, today=TODAY)
            shown = year_overview_document(s, YEAR, today=TODAY, include_confidential=True)
    finally:
        database.close()
    assert number not in {d.number for d in hidden.escalations} and hidden.omitted.decisions >= 1
    assert "Weggelaten omdat ze vertrouwelijk zijn" in hidden.omitted.describe()
    assert number in {d.number for d in shown.escalations} and shown.omitted.included >= 1
    export_jaaroverzicht(hidden, tmp_path / "zonder.docx")
    export_jaaroverzicht(shown, tmp_path / "met.docx")
    without = docx.Document(tmp_path / "zonder.docx")
    assert number not in "\n".join(c.text for t in without.tables for r in t.rows for c in r.cells)
    assert "VERTROUWELIJK" in docx.Document(tmp_path / "met.docx").sections[0].header.paragraphs[0].text


def test_the_document_has_its_chapters_and_tables(session, tmp_path):
    data = year_overview_document(session, YEAR, today=TODAY)
    out = tmp_path / "jaaroverzicht.docx"
    result = export_jaaroverzicht(data, out)
    assert result.kind == "jaaroverzicht" and result.count == data.meetings_held
    document = docx.Document(out)
    headings = [(p.style.style_id, p.text) for p in document.paragraphs if p.style.style_id.startswith("Heading")]
    assert [t for _s, t in headings] == [
        "Overleggen",
        "Vertegenwoordiging per organisatie",
        "Besluiten en escalaties",
        "Voorgelegd aan het bestuurlijk overleg",
        "Acties",
    ]
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in document.tables]
    assert tables[0][0] == ["Overleg", "Gehouden", "Data"]
    assert sum(int(r[1]) for r in tables[0][1:]) == data.meetings_held
    assert tables[1][0] == ["Organisatie", "Uitgenodigd", "Vertegenwoordigd", "Percentage"]
    for row in tables[1][1:]:
        assert row[3] == f"{round(100 * int(row[2]) / int(row[1]))}%"
    assert document.core_properties.language == "nl-NL"


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_rendered_pages_read_as_the_data(session, tmp_path):
    data = year_overview_document(session, YEAR, today=TODAY)
    out = tmp_path / "jaaroverzicht.docx"
    export_jaaroverzicht(data, out)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "jaaroverzicht.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert f"Jaaroverzicht {YEAR}" in text and "Pagina 1 van" in text
    for escalation in data.escalations:
        assert escalation.number in text
    assert text.count(data.series[0].name) >= 2  # in the meetings table and the decisions or actions table


def test_command_line(demo_file, tmp_path, capsys):
    out = tmp_path / "jaar.docx"
    # Without --year: the last complete year with meetings held, named in the output (tests/test_cli_list.py).
    assert cli_main(["export", "jaaroverzicht", "--db", str(demo_file), "--out", str(out)]) == 0
    assert "Geen --year gegeven: het jaaroverzicht van" in capsys.readouterr().out and out.exists()
    out.unlink()
    assert cli_main(["export", "jaaroverzicht", "--year", str(YEAR), "--db", str(demo_file), "--out", str(out)]) == 0
    assert out.exists() and "Opgeslagen" in capsys.readouterr().out
    assert cli_main(["export", "jaaroverzicht", "--year", "99999", "--db", str(demo_file), "--out", str(out)]) == 2
    assert "geen geldig jaar" in capsys.readouterr().out
