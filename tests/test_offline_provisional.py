"""Offline capture: a decision or action number given in an offline copy is provisional wherever it is printed.

The secretaris minutes the afstemmingsoverleg offline and sends the concept verslag from the laptop. A number
given there may change on return (when the team used it meanwhile), so a document made from the copy says
"(voorlopig)" after it; numbers that were already there, and documents of a normal database, stay as they are.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass

import docx
import openpyxl
import pytest
from offline_helpers import NEXT_AO, TODAY, edit, give_back, take, team_database
from sqlalchemy import select

from ghnt_desktop.exports.jobs import ExportRequest, run_export
from ghnt_desktop.models import AgendaItem
from ghnt_desktop.services import minutes
from ghnt_desktop.services.offline import PROVISIONAL_MARK, mark_provisional, provisional_ids


@pytest.fixture
def team(demo_database, request):
    with team_database("sqlite", demo_database, request) as database:
        yield database


@pytest.fixture
def minuted(team, tmp_path):
    """A copy of the next AO with a decision and an action item added offline: (copy, decision, action)."""
    copy = take(team, tmp_path / "laptop.db")

    def offline(session):
        items = session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == NEXT_AO).order_by(AgendaItem.position)
        ).all()
        decision = minutes.add_decision(session, items[2].id, "Het AO stemt in met de werkwijze huiselijk geweld.")
        action = minutes.add_action_item(session, items[2].id, "Werkwijze rondsturen aan de gemeenten")
        return decision, action

    decision, action = edit(copy, "Sanne de Secretaris", offline)
    yield copy, decision, action
    copy.close()


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_verslag_of_an_offline_copy_marks_only_the_numbers_given_offline(minuted, team, tmp_path):
    copy, decision, action = minuted
    out = tmp_path / "verslag.docx"
    run_export(copy, ExportRequest("verslag", out, meeting_id=NEXT_AO, today=TODAY))
    text = _docx_text(out)
    assert f"{decision.number} {PROVISIONAL_MARK}" in text
    assert f"{action.number} {PROVISIONAL_MARK}" in text
    assert text.count(PROVISIONAL_MARK) == text.count(f"{decision.number} {PROVISIONAL_MARK}") + text.count(
        f"{action.number} {PROVISIONAL_MARK}"
    )  # nothing else is marked: the numbers taken along are final
    # Returned, the same verslag from the team database has final numbers.
    give_back(copy, team)
    team_out = tmp_path / "team-verslag.docx"
    run_export(team, ExportRequest("verslag", team_out, meeting_id=NEXT_AO, today=TODAY))
    assert PROVISIONAL_MARK not in _docx_text(team_out)


@pytest.mark.parametrize(
    "kind, suffix",
    [("besluitenlijst", "docx"), ("besluitenlijst", "xlsx"), ("actielijst", "docx"), ("actielijst", "xlsx")],
)
def test_the_lists_of_an_offline_copy_mark_the_numbers_given_offline(minuted, tmp_path, kind, suffix):
    copy, decision, action = minuted
    out = tmp_path / f"{kind}.{suffix}"
    run_export(copy, ExportRequest(kind, out, today=TODAY, date_from=TODAY.replace(month=1, day=1)))
    if suffix == "docx":
        text = _docx_text(out)
    else:
        book = openpyxl.load_workbook(out)
        text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    number = decision.number if kind == "besluitenlijst" else action.number
    assert f"{number} {PROVISIONAL_MARK}" in text


@dataclass(frozen=True)
class _Line:
    number: str
    text: str


@dataclass(frozen=True)
class _Row:
    id: uuid.UUID
    number: str


@dataclass(frozen=True)
class _Document:
    rows: tuple[_Row, ...]
    lines: list[_Line]
    nested: tuple[tuple[_Row, ...], ...]
    title: str


def test_mark_provisional_walks_every_list_and_marks_once(minuted):
    copy, decision, action = minuted
    other = _Row(uuid.uuid4(), "AO-2026-3-A01")
    document = _Document(
        rows=(_Row(action.id, action.number), other),
        lines=[_Line(decision.number, "x"), _Line("AO-2020-1-01", "y"), _Line("", "z")],
        nested=((_Row(decision.id, decision.number),),),
        title=decision.number,
    )
    with copy.read_session() as session:
        marked = mark_provisional(document, session)
        assert mark_provisional(marked, session) == marked  # marked once, however often asked
    assert marked.rows == (_Row(action.id, f"{action.number} {PROVISIONAL_MARK}"), other)
    assert marked.rows[1] is other  # an untouched row stays the same object
    assert [line.number for line in marked.lines] == [f"{decision.number} {PROVISIONAL_MARK}", "AO-2020-1-01", ""]
    assert marked.nested[0][0].number.endswith(PROVISIONAL_MARK)
    assert marked.title == decision.number  # only a record's number field, not any text holding it


def test_a_normal_database_marks_nothing(team):
    document = _Document(rows=(_Row(uuid.uuid4(), "AO-2026-4-01"),), lines=[], nested=(), title="")
    with team.read_session() as session:
        assert provisional_ids(session) == set()
        assert mark_provisional(document, session) is document


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None, reason="no LibreOffice")
def test_the_rendered_verslag_shows_the_provisional_numbers(minuted, tmp_path):
    """Rendered and kept as a picture under tests/artifacts/ to look at: the number column keeps its words."""
    from pathlib import Path

    copy, decision, _action = minuted
    out = tmp_path / "verslag.docx"
    run_export(copy, ExportRequest("verslag", out, meeting_id=NEXT_AO, today=TODAY))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert PROVISIONAL_MARK in text and "(voor-" not in text
    # The decision's text keeps its distance from the wider number (the indent widens with it).
    assert re.search(rf"{re.escape(decision.number)} \(voorlopig\)\s+Het AO stemt in", text), text
    artifacts = Path(__file__).parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(out.with_suffix(".pdf")), str(artifacts / "offline-provisional-verslag")],
        check=True,
    )
