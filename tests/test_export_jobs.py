"""The export jobs layer without Qt: every kind through ``run_export``, progress, cancel, left-out counts,
validation, the Word template kept per kind, and the dialog's choices."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import select, update

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import jobs
from ghnt_desktop.exports.jobs import EXPECTED_ERRORS, ExportCancelled, ExportRequest, run_export
from ghnt_desktop.models import Decision, Meeting, MeetingKind
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services import documents as docs
from ghnt_desktop.services.export_setup import export_choices, save_template_setting
from ghnt_desktop.services.progress_report import progress_report_document

demo = pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path):
    """A writable copy of the demo database per test."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


def held_meeting_with_decisions(database) -> Meeting:
    with database.session() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG, Meeting.date <= TODAY)
            .order_by(Meeting.date.desc())
        ).all()
        for meeting in meetings:
            if session.scalar(select(Decision.id).where(Decision.meeting_id == meeting.id).limit(1)):
                return meeting
    pytest.skip("demo holds no afstemmingsoverleg with decisions")


def docx_title(path: Path) -> str:
    """The text of the document's Title paragraph."""
    document = docx.Document(path)
    return next(p.text for p in document.paragraphs if p.style.name == "Title")


def test_kinds_agree_with_the_command_line():
    from ghnt_desktop.commands import export

    assert export.DOCX_KINDS == jobs.DOCX_KINDS
    assert export.XLSX_KINDS == jobs.XLSX_KINDS


def test_every_word_kind_has_its_title(demo_db, tmp_path):
    meeting = held_meeting_with_decisions(demo_db)
    with demo_db.session() as session:
        expected = {
            "agenda": "Uitnodiging en agenda",
            "verslag": "verslag",  # "Verslag" or "Conceptverslag", by the meeting's state
            "besluitenlijst": "Besluitenlijst",
            "actielijst": docs.action_list_document(session).title,
            "programma": docs.programme_document(session, docs.find_programme_id(session)).title,
            "voortgang": progress_report_document(session, today=TODAY).title,
            "voortgangsoverzicht": "Voortgangsoverzicht per actielijn",
        }
    for kind, title in expected.items():
        calls: list[tuple[int, int]] = []
        request = ExportRequest(
            kind=kind,
            out=tmp_path / f"{kind}.docx",
            meeting_id=meeting.id if kind in ("agenda", "verslag") else None,
            today=TODAY,
        )
        outcome = run_export(demo_db, request, progress=lambda d, t, calls=calls: calls.append((d, t)))
        assert outcome.path == tmp_path / f"{kind}.docx" and outcome.format == "docx"
        assert title.casefold() in docx_title(outcome.path).casefold(), kind
        assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] > 0, kind


def test_every_excel_kind_reopens(demo_db, tmp_path):
    meeting = held_meeting_with_decisions(demo_db)
    requests = {
        "actielijst": ExportRequest("actielijst", tmp_path / "a.xlsx", sheet_per_actielijn=True, today=TODAY),
        "presentielijst": ExportRequest("presentielijst", tmp_path / "p.xlsx", meeting_id=meeting.id, year=2020),
        "besluitenlijst": ExportRequest("besluitenlijst", tmp_path / "b.xlsx"),
    }
    with demo_db.session() as session:
        open_actions = len(docs.action_list_document(session).groups)
        assert open_actions
        decision_count = session.scalar(select(Decision.id).limit(1)) is not None
    for kind, request in requests.items():
        outcome = run_export(demo_db, request)
        workbook = openpyxl.load_workbook(outcome.path)
        assert outcome.format == "xlsx" and outcome.sheets
        assert list(outcome.sheets) == [s for s in workbook.sheetnames if s in outcome.sheets]
        if kind == "presentielijst":
            assert workbook.properties.title == f"Presentielijst {meeting.title}"
            assert "Vertegenwoordiging" in workbook.sheetnames
        elif kind == "besluitenlijst":
            assert workbook.properties.title.startswith("Besluitenlijst") and decision_count
            # Decision numbers ("AO-2020-3-01"); the header's "Periode 01-03-2020 t/m ..." is not one.
            assert outcome.count == sum(
                1
                for row in workbook["Besluitenlijst"].iter_rows(values_only=True)
                if row[0] and "-" in str(row[0]) and not str(row[0]).startswith("Periode")
            )
        else:
            assert workbook.properties.title == "Actielijst"
            assert len(outcome.sheets) > 1  # one sheet per actielijn


def test_confidential_decisions_are_left_out_and_said(demo_db, tmp_path):
    meeting = held_meeting_with_decisions(demo_db)
    with demo_db.session() as session:
        ids = session.scalars(select(Decision.id).where(Decision.meeting_id == meeting.id).limit(2)).all()
        session.execute(update(Decision).where(Decision.id.in_(ids)).values(confidential=True))
    outcome = run_export(demo_db, ExportRequest("verslag", tmp_path / "v.docx", meeting_id=meeting.id))
    assert outcome.left_out_count == len(ids)
    assert f"{len(ids)} besluit" in outcome.left_out and "vertrouwelijk" in outcome.left_out
    text = "\n".join(p.text for p in docx.Document(outcome.path).paragraphs)
    included = run_export(
        demo_db, ExportRequest("verslag", tmp_path / "v2.docx", meeting_id=meeting.id, include_confidential=True)
    )
    assert included.left_out == "" and included.left_out_count == 0
    assert len("\n".join(p.text for p in docx.Document(included.path).paragraphs)) > len(text)
    excel = run_export(demo_db, ExportRequest("besluitenlijst", tmp_path / "b.xlsx"))
    # Decisions the bestuurlijk overleg took on an escalated confidential decision are confidential too.
    assert excel.left_out_count >= len(ids) and "vertrouwelijk" in excel.left_out


def test_cancel_leaves_no_file(demo_db, tmp_path):
    out = tmp_path / "actielijst.docx"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after gathering: stops at the first progress report

    with pytest.raises(ExportCancelled):
        run_export(demo_db, ExportRequest("actielijst", out, include_closed=True), cancelled=cancelled)
    assert not out.exists()
    assert not list(tmp_path.glob("*.docx"))  # no temporary file left either
    with pytest.raises(ExportCancelled):
        run_export(demo_db, ExportRequest("actielijst", tmp_path / "a.xlsx"), cancelled=lambda: True)
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize(
    ("request_args", "message"),
    [
        ({"kind": "verslag", "out": Path("x.docx")}, "Kies het overleg"),
        ({"kind": "presentielijst", "out": Path("x.docx")}, "bestaat niet als Word"),
        ({"kind": "actielijst", "out": Path("x.odt")}, "eindigen op .docx"),
        ({"kind": "presentielijst", "out": Path("x.pdf")}, "bestaat niet als PDF"),
        ({"kind": "presentielijst", "out": Path("x.xlsx")}, "presentielijst"),
        ({"kind": "presentielijst", "out": Path("x.xlsx"), "year": 20}, "geen geldig jaar"),
        (
            {
                "kind": "besluitenlijst",
                "out": Path("x.docx"),
                "date_from": date(2021, 1, 1),
                "date_to": date(2020, 1, 1),
            },
            "periode",
        ),
        ({"kind": "actielijst", "out": Path("x.docx"), "group_by": "kleur"}, "Groeperen"),
    ],
)
def test_requests_that_cannot_be_made(demo_db, tmp_path, request_args, message):
    request = ExportRequest(**{**request_args, "out": tmp_path / request_args["out"]})
    with pytest.raises(ValidationError, match=message):
        run_export(demo_db, request)
    assert not list(tmp_path.iterdir()) or all(
        p.suffix == ".db" or p.name.startswith("demo") for p in tmp_path.iterdir()
    )


def test_format_from_suffix_or_explicit(tmp_path):
    assert ExportRequest("actielijst", tmp_path / "a.XLSX").file_format == "xlsx"
    assert ExportRequest("actielijst", tmp_path / "a", format="docx").file_format == "docx"


def test_template_setting_is_used_and_reset(demo_db, tmp_path):
    bad = tmp_path / "huisstijl.docx"
    bad.write_text("geen Word")
    with demo_db.session() as session:
        save_template_setting(session, "actielijst", bad)
    with demo_db.session() as session:
        assert docs.template_setting(session, "actielijst") == bad
        assert export_choices(session).templates == {"actielijst": bad}
    out = tmp_path / "a.docx"
    with pytest.raises(EXPECTED_ERRORS) as caught:
        run_export(demo_db, ExportRequest("actielijst", out))
    assert "huisstijl.docx" in str(caught.value) and "geen geldig Word-document" in str(caught.value)
    assert not out.exists()
    # The request's own template wins over the saved one.
    good = tmp_path / "eigen.docx"
    docx.Document().save(good)
    assert run_export(demo_db, ExportRequest("actielijst", out, template=good)).path.exists()
    with demo_db.session() as session:
        save_template_setting(session, "actielijst", None)
    with demo_db.session() as session:
        assert docs.template_setting(session, "actielijst") is None
    assert run_export(demo_db, ExportRequest("actielijst", tmp_path / "b.docx")).path.exists()
    with demo_db.session() as session, pytest.raises(ValidationError):
        save_template_setting(session, "presentielijst", good)


def test_choices_list_what_the_pickers_need(demo_db):
    with demo_db.session() as session:
        choices = export_choices(session)
        meeting_count = len(session.scalars(select(Meeting.id)).all())
    assert len(choices.meetings) == meeting_count
    dates = [m.date for m in choices.meetings]
    assert dates == sorted(dates, reverse=True)
    assert choices.series and choices.organisations and choices.programmes
    first = choices.meetings[0]
    assert choices.meeting(first.id) is first and first.label.startswith(f"{first.date:%d-%m-%Y}")
