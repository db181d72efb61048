"""Word exports on hand-made data: vertrouwelijk items left out and counted, any text a user can type,
house-style templates (good, broken, .dotx) and the XML-level table writer."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date, time
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sqlalchemy import select

from ghnt_desktop.exports.docx_common import (
    DocxWriter,
    ExportError,
    TemplateError,
    clean,
    default_template,
    open_template,
    save_document,
)
from ghnt_desktop.exports.docx_lists import export_actielijst, export_besluitenlijst
from ghnt_desktop.exports.docx_meeting import export_agenda, export_verslag
from ghnt_desktop.exports.docx_programme import export_programma
from ghnt_desktop.exports.docx_report import export_voortgang, status_chart_png
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaPurpose,
    Ambition,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    EscalationState,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    Person,
    Programme,
    ProgrammeAction,
    ProgressReport,
    ProgressUpdate,
    Responsibility,
    ResponsibilityRole,
    Section,
)
from ghnt_desktop.services import documents as docs
from ghnt_desktop.services.progress_report import StatusCounts, progress_report_document

NASTY = "Nul\x00byte\x01 bel\x07 vt\x0b ff\x0c 🙂👩🏽‍⚖️ محمد العلي שלום\ttab\r\nregel"
LONG = ("Een heel lange notitie over de aanpak. " * 3000).strip()


@pytest.fixture
def meeting(session):
    """An afstemmingsoverleg with a confidential item, decision, action and progress note, and odd text."""
    gem = Organisation(name="Gemeente Groningen")
    vt = Organisation(name="Veilig Thuis Groningen")
    chair = Person(name="Anna de Vries", organisation=gem)
    member = Person(name="محمد العلي 🙂", organisation=vt)
    away = Person(name="Piet Jansen", organisation=vt)
    series = MeetingSeries(name="Afstemmingsoverleg GHNT", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    m = Meeting(
        series=series,
        kind=MeetingKind.AFSTEMMINGSOVERLEG,
        title="Afstemmingsoverleg " + NASTY,
        date=date(2024, 3, 12),
        start_time=time(13, 30),
        end_time=time(15, 0),
        location="",
        chair=chair,
        state=MeetingState.HELD,
    )
    open_item = AgendaItem(
        meeting=m, position=1, number="1", title="Opening", purpose=AgendaPurpose.INFORMATIE, planned_minutes=5
    )
    odd_item = AgendaItem(
        meeting=m,
        position=2,
        number="2",
        title=NASTY,
        purpose=AgendaPurpose.BESPREKING,
        planned_minutes=40,
        minutes_text=LONG + "\n" + NASTY,
        documents=[{"title": NASTY}, "notitie.pdf", {}],
        inbrenger="",
    )
    secret_item = AgendaItem(
        meeting=m,
        position=3,
        number="3",
        title="Casus X (geheim)",
        confidential=True,
        planned_minutes=15,
        minutes_text="Geheime bespreking",
    )
    programme = Programme(region="Groningen", title="Actieprogramma " + NASTY, period_start=2019, period_end=2021)
    line = Section(programme=programme, title="Eerder en beter in beeld", position=1, national_line=1)
    empty_line = Section(programme=programme, title="", position=2)
    ambition = Ambition(
        section=line,
        code="E1",
        text="Er is een samenhangend preventiebeleid.\no per gemeente\no met doelgroepen",
        reference="Zie paragraaf 3.1, blz. 25",
        sub_points=["Universeel", NASTY],
    )
    Ambition(section=empty_line, text="")
    pa1 = ProgrammeAction(ambition=ambition, text="Inventariseren " + NASTY, deadline_text="klaar: januari 2020")
    pa2 = ProgrammeAction(
        ambition=ambition,
        text="Eigen trekker",
        position=2,
        overrides_responsibility=True,
        deadline_end=date(2020, 1, 31),
    )
    ProgrammeAction(ambition=ambition, parent=pa1, text="Deelactie", position=1)
    session.add_all([gem, vt, chair, member, away, series, m, open_item, odd_item, secret_item, programme])
    session.flush()
    session.add_all(
        [
            Responsibility(ambition=ambition, role=ResponsibilityRole.RESPONSIBLE, label="Alle gemeenten"),
            Responsibility(ambition=ambition, role=ResponsibilityRole.TREKKER, label="Projectleider GHNT"),
            Responsibility(programme_action=pa2, role=ResponsibilityRole.TREKKER, label="Veilig Thuis"),
            Attendance(meeting=m, person=chair, role=AttendanceRole.CHAIR, status=AttendanceStatus.PRESENT),
            Attendance(meeting=m, person=member, status=AttendanceStatus.PRESENT),
            Attendance(meeting=m, person=away, status=AttendanceStatus.EXCUSED),
            Attendance(meeting=m, name="Gast " + NASTY, agenda_item=odd_item, status=AttendanceStatus.PRESENT),
            Decision(
                meeting=m, agenda_item=odd_item, series_id=series.id, year=2024, sequence=1, number="AO-2024-1-01",
                text="Besluit " + NASTY, escalation=EscalationState.PROPOSED,
            ),
            Decision(
                meeting=m, agenda_item=odd_item, series_id=series.id, year=2024, sequence=2, number="AO-2024-1-02",
                text="Geheim besluit", confidential=True,
            ),
            Decision(
                meeting=m, agenda_item=secret_item, series_id=series.id, year=2024, sequence=3, number="AO-2024-1-03",
                text="Besluit over casus",
            ),
            ActionItem(
                number="AO-2024-1-A01", text="Actie " + NASTY, origin_meeting=m, origin_agenda_item=odd_item,
                trekker_text="", deadline=date(2024, 1, 1), times_postponed=3, status=ActionStatus.IN_PROGRESS,
                programme_action=pa1,
            ),
            ActionItem(
                number="AO-2024-1-A02", text="Geheime actie", origin_meeting=m, origin_agenda_item=odd_item,
                confidential=True,
            ),
            ActionItem(
                number="AO-2024-1-A03", text="Actie bij casus", origin_meeting=m, origin_agenda_item=secret_item
            ),
            ProgressUpdate(
                programme_action=pa1, date=date(2024, 2, 1), status=ActionStatus.IN_PROGRESS,
                done_text="Gedaan " + NASTY, todo_text="Nog te doen",
            ),
            ProgressUpdate(
                programme_action=pa2, date=date(2024, 2, 2), status=ActionStatus.IN_PROGRESS,
                done_text="Vertrouwelijke voortgang", confidential=True,
            ),
        ]
    )  # fmt: skip
    session.flush()
    return m


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_confidential_is_left_out_and_counted(session, meeting, tmp_path):
    data = docs.minutes_document(session, meeting.id)
    result = export_verslag(data, tmp_path / "v.docx")
    text = _all_text(docx.Document(tmp_path / "v.docx"))
    for secret in ("Casus X", "Geheime bespreking", "Geheim besluit", "Besluit over casus", "Geheime actie",
                   "Actie bij casus"):  # fmt: skip
        assert secret not in text
    assert (result.omitted.agenda_items, result.omitted.decisions, result.omitted.actions) == (1, 2, 2)
    assert result.omitted.describe() == "Weggelaten omdat ze vertrouwelijk zijn: 1 agendapunt, 2 besluiten en 2 acties."

    data = docs.minutes_document(session, meeting.id, include_confidential=True)
    result = export_verslag(data, tmp_path / "v2.docx")
    text = _all_text(docx.Document(tmp_path / "v2.docx"))
    assert "Casus X (geheim)" in text and "Geheim besluit" in text and "Geheime actie" in text
    assert result.omitted.total == 0


def test_agenda_hides_confidential_items_but_keeps_the_clock(session, meeting, tmp_path):
    result = export_agenda(docs.agenda_document(session, meeting.id), tmp_path / "a.docx")
    rows = [[c.text for c in r.cells] for r in docx.Document(tmp_path / "a.docx").tables[1].rows]
    assert [r[0] for r in rows[1:]] == ["1", "2"]
    assert [r[1] for r in rows[1:]] == ["13.30-13.35", "13.35-14.15"]
    assert result.omitted.agenda_items == 1


def test_any_text_exports_in_every_document(session, meeting, tmp_path):
    report = ProgressReport(
        title="Rapport " + NASTY, reference="20.0001", contact_person=NASTY, contact_email="a@b.nl",
        introduction=NASTY, conclusion="", outlook=LONG, sources=["https://example.org/bron", NASTY],
        period_from=date(2024, 1, 1), period_to=date(2024, 6, 30),
    )  # fmt: skip
    session.add(report)
    session.flush()
    outputs = {
        "agenda": export_agenda(docs.agenda_document(session, meeting.id), tmp_path / "agenda.docx"),
        "verslag": export_verslag(docs.minutes_document(session, meeting.id), tmp_path / "verslag.docx"),
        "besluitenlijst": export_besluitenlijst(docs.decision_list_document(session), tmp_path / "b.docx"),
        "actielijst": export_actielijst(
            docs.action_list_document(session, group_by="trekker", include_closed=True), tmp_path / "al.docx"
        ),
        "programma": export_programma(docs.programme_document(session), tmp_path / "p.docx"),
        "voortgang": export_voortgang(
            progress_report_document(session, report_id=report.id), tmp_path / "voortgang.docx"
        ),
    }
    for kind, result in outputs.items():
        text = _all_text(docx.Document(result.path))
        assert "🙂" in text, kind
        assert "\x00" not in text and "\x01" not in text and "\x07" not in text, kind
    verslag = _all_text(docx.Document(outputs["verslag"].path))
    assert LONG in verslag
    assert "محمد العلي" in verslag
    assert outputs["voortgang"].omitted.updates == 1
    voortgang = docx.Document(outputs["voortgang"].path)
    assert voortgang.core_properties.title.startswith("Rapport Nulbyte")


def test_clean_keeps_what_xml_can_carry():
    assert clean("a\x00b\x1fc\ud800d") == "abcd"
    assert clean("x\r\ny\rz\x0bw") == "x\ny\nz\nw"
    assert clean("🙂 שלום\t") == "🙂 שלום\t"
    assert clean(None) == ""


def test_programme_rows_inherit_and_override_responsibility(session, meeting, tmp_path):
    data = docs.programme_document(session)
    export_programma(data, tmp_path / "p.docx")
    table = docx.Document(tmp_path / "p.docx").tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[1] == ["Eerder en beter in beeld"] * 3
    first, second = rows[2], rows[3]
    assert first[0].startswith("E1 Er is een samenhangend") and "Zie paragraaf 3.1, blz. 25" in first[0]
    assert "o\tper gemeente" in first[0] and "o\tUniverseel" in first[0]
    assert "(klaar: januari 2020)" in first[1] and "o\tDeelactie" in first[1]
    assert first[2] == "Verantwoordelijke partijen:\nAlle gemeenten\n\nTrekker:\nProjectleider GHNT"
    assert "Eigen trekker" in second[1] and second[2].endswith("Trekker:\nVeilig Thuis")
    # The ambition cell is merged over both rows.
    second_tc = table.rows[3]._tr.tc_lst[0]
    assert second_tc.tcPr.find(qn("w:vMerge")) is not None and second == [first[0], *second[1:]]


def test_user_template_keeps_header_and_drops_body(session, meeting, tmp_path):
    house = docx.Document()
    house.sections[0].header.paragraphs[0].text = "Gemeente Testdorp - huisstijl"
    house.add_paragraph("Voorbeeldtekst die niet in de export mag staan")
    house.save(tmp_path / "huisstijl.docx")
    export_agenda(docs.agenda_document(session, meeting.id), tmp_path / "a.docx", template=tmp_path / "huisstijl.docx")
    result = docx.Document(tmp_path / "a.docx")
    assert result.sections[0].header.paragraphs[0].text == "Gemeente Testdorp - huisstijl"
    assert "Voorbeeldtekst" not in _all_text(result)
    assert "PAGE" in result.sections[0].footer._element.xml  # added: the template had no page numbers


def test_dotx_template_opens(tmp_path):
    source = default_template("verslag")
    assert source is not None
    dotx = tmp_path / "huisstijl.dotx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, data)
    document = open_template(dotx, "verslag")
    assert document.styles["Heading 1"].style_id == "Heading1"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken zip", b"<xml/>"])
def test_bad_templates_get_a_clear_message(tmp_path, content):
    path = tmp_path / "kapot.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match="kapot.docx is geen geldig Word-document"):
        open_template(path, "agenda")
    with pytest.raises(TemplateError, match="bestaat niet"):
        open_template(tmp_path / "weg.docx", "agenda")


def test_default_templates_have_dutch_styles_and_page_numbers():
    for kind in ("agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang"):
        path = default_template(kind)
        assert path is not None, kind
        document = docx.Document(path)
        assert document.styles["Heading 1"].style_id == "Heading1"
        assert "PAGE" in document.sections[0].footer._element.xml
        landscape = document.sections[0].page_width > document.sections[0].page_height
        assert landscape == (kind == "programma")
        assert 'w:val="nl-NL"' in document.styles.element.xml


def test_writer_table_rows_and_progress(tmp_path):
    writer = DocxWriter(open_template(None, "actielijst"))
    seen = []
    rows = [[f"A{i}", f"tekst {i}\nregel 2", ""] for i in range(450)]
    count = writer.table([("Nr", 1), ("Tekst", 3), ("Leeg", 1)], rows, progress=seen.append, chunk=200)
    save_document(writer.document, tmp_path / "t.docx")
    table = docx.Document(tmp_path / "t.docx").tables[0]
    assert count == 450 and len(table.rows) == 451
    assert seen == [200, 400, 450]
    assert table.rows[450].cells[0].text == "A449"
    assert table.rows[450].cells[1].text == "tekst 449\nregel 2"


def test_saving_to_a_locked_place_gives_a_dutch_message(tmp_path):
    target = tmp_path / "map-is-bestand"
    target.write_text("")
    with pytest.raises(ExportError, match="niet beschrijfbaar|kan niet worden opgeslagen"):
        save_document(docx.Document(), target / "x.docx")


def test_status_chart_is_a_png():
    data = status_chart_png([("Eerder en beter in beeld", StatusCounts(3, 2, 1, 1)), ("Leeg", StatusCounts())])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice not installed")
def test_libreoffice_renders_the_verslag(session, meeting, tmp_path):
    export_verslag(docs.minutes_document(session, meeting.id), tmp_path / "v.docx")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["libreoffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(tmp_path / "v.docx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pdf = Path(tmp_path / "v.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2


def test_programme_table_prints_the_programme_as_adopted(session, meeting, tmp_path):
    """An action added later (or taken from the body text) is followed but is no row of the programme table; an
    ambition with only such actions is left out, one with no actions at all stays (a programme being typed in)."""
    from ghnt_desktop.services import programme as prog

    def codes() -> set[str]:
        data = docs.programme_document(session)
        return {line.text for s in data.sections for row in s.rows for line in row.actions}

    ambition = session.scalars(select(Ambition).where(Ambition.code == "E1")).one()
    before = codes()
    added = prog.create_programme_action(session, ambition.id, text="Later toegevoegd", in_programme_table=False)
    assert codes() == before
    assert not prog.get_programme_action(session, added.id).in_programme_table
    edit = prog.update_programme_action(session, added.id, in_programme_table=True)
    assert codes() == before | {"Later toegevoegd"}
    prog.update_programme_action(session, added.id, **edit.before)
    assert codes() == before

    section = ambition.section
    only_later = prog.create_ambition(session, section.id, text="Ambitie met alleen latere acties")
    prog.create_programme_action(session, only_later.id, text="Nog een latere", in_programme_table=False)
    empty = prog.create_ambition(session, section.id, text="Ambitie zonder acties")
    texts = {row.ambition_text for s in docs.programme_document(session).sections for row in s.rows}
    assert "Ambitie zonder acties" in texts and "Ambitie met alleen latere acties" not in texts
    assert empty.id
    export_programma(docs.programme_document(session), tmp_path / "p.docx")
    assert "Nog een latere" not in _all_text(docx.Document(tmp_path / "p.docx"))
