"""Excel exports: the actielijst's table, drop-down, late colour, hidden keys and safety; the other lists."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from ghnt_desktop.exports.xlsx_actielijst import COLUMNS, HEADERS, META_SHEET, write_actielijst_xlsx
from ghnt_desktop.exports.xlsx_common import MAX_CELL_CHARS, clean_text, sheet_title
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    Ambition,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    ProgressUpdate,
    Section,
)
from ghnt_desktop.services.importing import (
    gather_actielijst,
    gather_besluitenlijst,
    gather_presentielijst,
    gather_representation,
)

TODAY = date(2024, 6, 1)
NASTY = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 12345678",
    "-5 actie",
    "@SUM(A1:A3)",
    "#N/A",
    "Tekst met \x07bel en \x1b escape",
]


@pytest.fixture
def data(session):
    vt = Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER, abbreviation="VT")
    gem = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE)
    anna = Person(name="Anna de Vries", organisation=gem)
    programme = Programme(region="Groningen", title="Actieprogramma")
    line1 = Section(programme=programme, title="Eerder en beter in beeld", position=1)
    line2 = Section(programme=programme, title="Stoppen en duurzaam oplossen", position=2)
    pa1 = ProgrammeAction(ambition=Ambition(section=line1, text="Signaleren"), text="Meldcode", code="E1")
    pa2 = ProgrammeAction(ambition=Ambition(section=line2, text="MDA++"), text="Pilot", code="S1")
    series = MeetingSeries(name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    m1 = Meeting(series=series, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO 1", date=date(2024, 3, 1))
    session.add_all([vt, gem, anna, programme, series, m1])
    items = [
        ActionItem(
            number="AO-2024-1-A01",
            text="Notitie meldcode",
            trekker_person=anna,
            deadline=date(2024, 4, 1),
            status=ActionStatus.IN_PROGRESS,
            origin_meeting=m1,
            times_postponed=2,
            programme_action=pa1,
        ),
        ActionItem(
            number="AO-2024-1-A02",
            text="Pilot evalueren",
            trekker_organisation=vt,
            deadline=date(2030, 1, 15),
            origin_meeting=m1,
            programme_action=pa2,
        ),
        ActionItem(
            number="AO-2024-1-A03",
            text="Werkgroep ouderen",
            trekker_text="Projectleider GHNT",
            deadline_text="Q2 2024",
            deadline=date(2024, 6, 30),
            origin_meeting=m1,
        ),
        ActionItem(number="AO-2024-1-A04", text="Vertrouwelijk", trekker_organisation=vt, confidential=True),
        ActionItem(
            number="AO-2024-1-A05",
            text="Afgerond punt",
            trekker_organisation=gem,
            status=ActionStatus.DONE,
            deadline=date(2024, 1, 1),
        ),
    ]
    session.add_all(items)
    session.flush()
    session.add(
        ProgressUpdate(
            action_item_id=items[0].id,
            date=date(2024, 5, 1),
            status=ActionStatus.IN_PROGRESS,
            done_text="Concept klaar",
        )
    )
    session.flush()
    return {"vt": vt, "gem": gem, "items": items, "meeting": m1, "series": series, "anna": anna}


def _header_row(ws) -> int:
    for row in range(1, 15):
        if ws.cell(row, 1).value == HEADERS["number"]:
            return row
    raise AssertionError("no header row")


def _rows(ws) -> dict[str, dict[str, object]]:
    header = _header_row(ws)
    keys = [c.key for c in COLUMNS]
    out = {}
    for row in ws.iter_rows(min_row=header + 1, values_only=True):
        if row[0] is None or row[len(keys) - 2] is None:
            continue
        out[row[0]] = dict(zip(keys, row, strict=False))
    return out


def test_actielijst_table_and_formatting(session, data, tmp_path: Path):
    export = gather_actielijst(session, today=TODAY)
    progress_calls: list[tuple[int, int]] = []
    result = write_actielijst_xlsx(export, tmp_path / "a.xlsx", progress=lambda d, t: progress_calls.append((d, t)))
    assert progress_calls[0] == (0, 3) and progress_calls[-1] == (3, 3)
    assert result.rows == 3 and result.confidential_left_out == 1
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    ws = wb["Actielijst"]
    header = _header_row(ws)
    rows = _rows(ws)
    # Open actions only, confidential left out and counted in the title block.
    assert sorted(rows) == ["AO-2024-1-A01", "AO-2024-1-A02", "AO-2024-1-A03"]
    assert any("1 vertrouwelijke actie is weggelaten" in str(ws.cell(r, 1).value) for r in range(1, header))
    first = rows["AO-2024-1-A01"]
    assert first["trekker"] == "Anna de Vries (Gemeente Groningen)"
    assert first["deadline"] == datetime(2024, 4, 1)
    assert first["status"] == "Loopt"
    assert first["postponed"] == 2
    assert first["progress"] == "Concept klaar"
    assert first["section"] == "Eerder en beter in beeld"
    assert rows["AO-2024-1-A03"]["deadline"] == "Q2 2024"  # written period stays text
    assert rows["AO-2024-1-A03"]["deadline_date"] == datetime(2024, 6, 30)
    # Real Excel table over header and rows, frozen header, wrapped text, Dutch date format.
    (table,) = ws.tables.values()
    assert table.ref == f"A{header}:L{header + 3}"
    assert [c.name for c in table.tableColumns] == [c.header for c in COLUMNS]
    assert ws.freeze_panes == f"C{header + 1}"
    deadline_cell = ws.cell(header + 1, 4)
    assert deadline_cell.number_format == "dd-mm-yyyy"
    assert ws.cell(header + 1, 2).alignment.wrap_text
    assert ws.column_dimensions["B"].width == 55
    # Hidden key and version columns; the key is the action id.
    assert ws.column_dimensions["K"].hidden and ws.column_dimensions["L"].hidden
    ids = {str(i.id) for i in data["items"][:3]}
    assert {r["key"] for r in rows.values()} == ids
    # Status drop-down on the status column.
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert "Gereed" in validation.formula1 and "Loopt" in validation.formula1
    assert str(validation.sqref) == f"E{header + 1}:E{header + 3}"
    # Late actions by a conditional format with TODAY(), not a fixed colour.
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert any("TODAY()" in rule.formula[0] for rule in rules)
    assert ws.cell(header + 1, 1).fill.fgColor.rgb in (None, "00000000")
    # Hidden sheet with the exported values for the round trip.
    assert wb[META_SHEET].sheet_state == "hidden"


def test_actielijst_organisation_filter_and_closed(session, data, tmp_path: Path):
    export = gather_actielijst(session, organisation_id=data["gem"].id, include_closed=True, today=TODAY)
    write_actielijst_xlsx(export, tmp_path / "gem.xlsx")
    rows = _rows(openpyxl.load_workbook(tmp_path / "gem.xlsx")["Actielijst"])
    assert sorted(rows) == ["AO-2024-1-A01", "AO-2024-1-A05"]  # via person and via organisation
    # The workbook goes to the partner and comes back: a vertrouwelijke action (A04) never goes in.
    export = gather_actielijst(session, organisation_id=data["vt"].id, today=TODAY)
    write_actielijst_xlsx(export, tmp_path / "vt.xlsx")
    assert sorted(_rows(openpyxl.load_workbook(tmp_path / "vt.xlsx")["Actielijst"])) == ["AO-2024-1-A02"]
    assert export.confidential_left_out == 1


def test_sheet_per_actielijn(session, data, tmp_path: Path):
    export = gather_actielijst(session, today=TODAY)
    result = write_actielijst_xlsx(export, tmp_path / "s.xlsx", sheet_per_actielijn=True)
    assert result.sheets == ("Eerder en beter in beeld", "Stoppen en duurzaam oplossen", "Zonder actielijn")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    assert list(_rows(wb["Eerder en beter in beeld"])) == ["AO-2024-1-A01"]
    assert list(_rows(wb["Stoppen en duurzaam oplossen"])) == ["AO-2024-1-A02"]
    assert list(_rows(wb["Zonder actielijn"])) == ["AO-2024-1-A03"]
    names = [t.displayName for ws in wb.worksheets for t in ws.tables.values()]
    assert len(names) == len(set(names)) == 3


def test_formula_injection_and_illegal_characters(session, data, tmp_path: Path):
    for index, text in enumerate(NASTY):
        session.add(ActionItem(number=f"X-{index}", text=text, trekker_text=text, deadline_text=text))
    session.flush()
    export = gather_actielijst(session, today=TODAY)
    write_actielijst_xlsx(export, tmp_path / "nasty.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "nasty.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {ws.title}!{cell.coordinate}: {cell.value!r}"
                assert cell.data_type != "e"
    rows = _rows(wb["Actielijst"])
    for index, text in enumerate(NASTY):
        expected = clean_text(text)
        assert rows[f"X-{index}"]["text"] == expected
        assert rows[f"X-{index}"]["trekker"] == expected
    assert rows["X-5"]["text"] == "Tekst met \ufffdbel en \ufffd escape"
    # Text that looks like a formula carries Excel's quote prefix, so retyping keeps it text.
    header = _header_row(wb["Actielijst"])
    cells = {wb["Actielijst"].cell(r, 1).value: r for r in range(header + 1, header + 20)}
    assert wb["Actielijst"].cell(cells["X-0"], 2).quotePrefix
    assert not wb["Actielijst"].cell(cells["AO-2024-1-A01"], 2).quotePrefix


def test_clean_text_limits():
    assert clean_text("a\x00b\ud800c\uffff") == "a\ufffdb\ufffdc\ufffd"
    long = "x" * (MAX_CELL_CHARS + 10)
    assert len(clean_text(long)) == MAX_CELL_CHARS and clean_text(long).endswith("\u2026")
    used: set[str] = set()
    assert sheet_title("Actielijn 1: Eerder/beter [in] beeld?", used) == "Actielijn 1 Eerder beter in bee"
    assert sheet_title("Actielijn 1: Eerder/beter [in] beeld?", used) == "Actielijn 1 Eerder beter in (2)"
    assert sheet_title("", used) == "Blad"


def test_long_and_unicode_text(session, data, tmp_path: Path):
    text = "🙂 עברית العربية " + "lang " * 8000
    session.add(ActionItem(number="U-1", text=text, trekker_text="\u202eomgekeerd"))
    session.flush()
    write_actielijst_xlsx(gather_actielijst(session, today=TODAY), tmp_path / "u.xlsx")
    rows = _rows(openpyxl.load_workbook(tmp_path / "u.xlsx")["Actielijst"])
    assert rows["U-1"]["text"] == clean_text(text)
    assert len(rows["U-1"]["text"]) == MAX_CELL_CHARS


def test_presentielijst_and_year_overview(session, data, tmp_path: Path):
    from ghnt_desktop.exports.xlsx_meetings import write_presentielijst_xlsx

    m1, series = data["meeting"], data["series"]
    m2 = Meeting(series=series, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO 2", date=date(2024, 6, 1))
    bert = Person(name="Bert Bakker", organisation=data["vt"])
    session.add_all([m2, bert])
    session.flush()
    session.add_all(
        [
            Attendance(meeting_id=m1.id, person_id=data["anna"].id, organisation_id=data["gem"].id,
                       status=AttendanceStatus.PRESENT, role=AttendanceRole.CHAIR, position=0),
            Attendance(meeting_id=m1.id, person_id=bert.id, organisation_id=data["vt"].id,
                       status=AttendanceStatus.EXCUSED, position=1),
            Attendance(meeting_id=m2.id, person_id=bert.id, organisation_id=data["vt"].id,
                       status=AttendanceStatus.SUBSTITUTED, substitute_name="Carla Claassen", position=0),
            Attendance(meeting_id=m2.id, person_id=data["anna"].id, organisation_id=data["gem"].id,
                       status=AttendanceStatus.ABSENT, position=1),
        ]
    )  # fmt: skip
    session.flush()
    one = gather_presentielijst(session, m1.id)
    overview = gather_representation(session, 2024, series_id=series.id)
    result = write_presentielijst_xlsx(one, tmp_path / "p.xlsx", overview=overview)
    assert result.sheets == ("Presentielijst", "Vertegenwoordiging", "Vertegenwoordiging 2024")
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    values = [r for r in wb["Presentielijst"].iter_rows(values_only=True) if r[0] in ("Anna de Vries", "Bert Bakker")]
    assert [(r[0], r[1], r[2], r[3]) for r in values] == [
        ("Anna de Vries", "Gemeente Groningen", "Voorzitter", "Aanwezig"),
        ("Bert Bakker", "Veilig Thuis Groningen", "Lid", "Afgemeld"),
    ]
    presence = {r[0]: r[1] for r in wb["Vertegenwoordiging"].iter_rows(values_only=True) if r[0]}
    assert presence["Gemeente Groningen"] == "Aanwezig" and presence["Veilig Thuis Groningen"] == "Afgemeld"
    year = {r[0]: r[1:] for r in wb["Vertegenwoordiging 2024"].iter_rows(values_only=True) if r[0]}
    assert year["Organisatie"][:2] == ("AO 01-03", "AO 01-06")
    # Invited, represented and the share of the two: numbers, the share in a percent format (issue #22).
    assert year["Organisatie"][2:5] == ("Uitgenodigd", "Vertegenwoordigd", "Percentage")
    assert year["Gemeente Groningen"][:5] == ("Aanwezig", "Afwezig", 2, 1, 0.5)
    assert year["Veilig Thuis Groningen"][:5] == ("Afgemeld", "Vervangen", 2, 1, 0.5)
    sheet = wb["Vertegenwoordiging 2024"]
    share_cells = [row[5] for row in sheet.iter_rows(min_row=5) if row[0].value]
    assert share_cells and all(c.number_format == "0%" for c in share_cells)
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    # A meeting still to be held: its list is printed to sign at the door.
    assert "Handtekening" not in [c.value for c in next(wb["Presentielijst"].iter_rows(min_row=6, max_row=6))]


@pytest.mark.parametrize(
    ("months", "breaks"),
    [
        ([1, 4], []),  # two meetings: one page width
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [4, 7, 10]),  # a page per quarter
        ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 12, 12], [13]),
        ([m for m in range(1, 13) for _ in range(3)], [10, 19, 28]),
    ],
)
def test_a_wide_year_prints_a_page_per_quarter(months, breaks):
    from datetime import date

    from ghnt_desktop.exports.xlsx_meetings import MeetingColumn, period_pages

    meetings = [MeetingColumn(date(2026, m, 1 + i % 28), "X") for i, m in enumerate(months)]
    widths = [34.0, *([11.0] * len(meetings)), 12.0, 16.0, 12.0]
    found, scale = period_pages(meetings, widths)
    assert found == breaks
    assert 40 <= scale <= 100
    if breaks:  # the widest quarter fits the page at that scale
        edges = [1, *breaks, len(widths)]
        widest = max(widths[0] + sum(widths[a:b]) for a, b in zip(edges, edges[1:], strict=False))
        assert widest * scale / 100 <= 125 or scale == 40


def test_besluitenlijst(session, data, tmp_path: Path):
    from ghnt_desktop.exports.xlsx_meetings import write_besluitenlijst_xlsx

    m1, series = data["meeting"], data["series"]
    session.add_all(
        [
            Decision(meeting_id=m1.id, series_id=series.id, year=2024, sequence=1, number="AO-2024-1-01",
                     text="=1+1 is geen formule"),
            Decision(meeting_id=m1.id, series_id=series.id, year=2024, sequence=2, number="AO-2024-1-02",
                     text="Geheim besluit", confidential=True),
        ]
    )  # fmt: skip
    session.flush()
    decisions = gather_besluitenlijst(session, series_id=series.id)
    result = write_besluitenlijst_xlsx(decisions, tmp_path / "b.xlsx")
    assert result.rows == 1 and result.confidential_left_out == 1
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["Besluitenlijst"]
    rows = [r for r in ws.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("AO-")]
    assert rows == [("AO-2024-1-01", datetime(2024, 3, 1), "AO 1", "=1+1 is geen formule", None, None, None)]
    assert len(ws.tables) == 1
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_export_command(tmp_path: Path, data, database, session):
    from ghnt_desktop.cli import main

    session.commit()
    out = tmp_path / "cli.xlsx"
    code = main(["export", "actielijst", "--db", str(database.path), "--out", str(out), "--organisation", "VT"])
    assert code == 0
    assert sorted(_rows(openpyxl.load_workbook(out)["Actielijst"])) == ["AO-2024-1-A02"]
    assert main(["export", "actielijst", "--db", str(database.path), "--out", str(out), "--organisation", "Xyz"]) == 2
    assert main(["export", "presentielijst", "--db", str(database.path), "--out", str(out)]) == 2
    code = main(["export", "besluitenlijst", "--db", str(database.path), "--out", str(tmp_path / "b.xlsx")])
    assert code == 0 and (tmp_path / "b.xlsx").exists()


def _two_series_decisions(session, data):
    """Decisions of the afstemmingsoverleg and of a bestuurlijk overleg, in different months."""
    ao, m1 = data["series"], data["meeting"]
    bo = MeetingSeries(name="Bestuurlijk overleg", code="BO", kind=MeetingKind.BESTUURLIJK)
    m2 = Meeting(series=bo, kind=MeetingKind.BESTUURLIJK, title="BO 1", date=date(2024, 5, 20))
    m3 = Meeting(series=ao, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO 2", date=date(2024, 9, 12))
    session.add_all([bo, m2, m3])
    session.flush()
    session.add_all(
        [
            Decision(meeting_id=m1.id, series_id=ao.id, year=2024, sequence=1, number="AO-2024-1-01", text="Meldcode"),
            Decision(meeting_id=m2.id, series_id=bo.id, year=2024, sequence=1, number="BO-2024-1-01", text="Budget"),
            Decision(meeting_id=m3.id, series_id=ao.id, year=2024, sequence=2, number="AO-2024-2-01", text="Evaluatie"),
        ]
    )
    session.flush()
    return ao, bo


def _header_and_numbers(path: Path) -> tuple[list[str], list[str]]:
    ws = openpyxl.load_workbook(path)["Besluitenlijst"]
    values = [r[0] for r in ws.iter_rows(values_only=True) if r and r[0]]
    numbers = [str(v) for v in values if str(v)[:3] in ("AO-", "BO-")]
    return [str(v) for v in values[:3]], numbers


@pytest.mark.parametrize(
    ("kwargs", "numbers", "title", "period"),
    [
        # No series chosen: the afstemmingsoverleg's list, its period from its first to its last decision.
        ({}, ["AO-2024-1-01", "AO-2024-2-01"], "Besluitenlijst Afstemmingsoverleg", "01-03-2024 t/m 12-09-2024"),
        ({"series": "BO"}, ["BO-2024-1-01"], "Besluitenlijst Bestuurlijk overleg", "20-05-2024 t/m 20-05-2024"),
        ({"all_series": True}, ["AO-2024-1-01", "BO-2024-1-01", "AO-2024-2-01"], "Besluitenlijst alle overleggen",
         "01-03-2024 t/m 12-09-2024"),
        # A period asked for is the period named, also when the decisions fall inside it.
        ({"date_from": date(2024, 5, 1), "date_to": date(2024, 12, 31)}, ["AO-2024-2-01"],
         "Besluitenlijst Afstemmingsoverleg", "01-05-2024 t/m 31-12-2024"),
        ({"all_series": True, "date_from": date(2024, 5, 1)}, ["BO-2024-1-01", "AO-2024-2-01"],
         "Besluitenlijst alle overleggen", "01-05-2024 t/m 12-09-2024"),
    ],
)  # fmt: skip
def test_excel_besluitenlijst_is_of_one_series_unless_asked(session, data, tmp_path: Path, kwargs, numbers, title,
                                                             period):  # fmt: skip
    from ghnt_desktop.exports.xlsx_meetings import write_besluitenlijst_xlsx

    ao, bo = _two_series_decisions(session, data)
    kwargs = dict(kwargs)
    if kwargs.pop("series", None):
        kwargs["series_id"] = bo.id
    result = write_besluitenlijst_xlsx(gather_besluitenlijst(session, **kwargs), tmp_path / "b.xlsx")
    header, found = _header_and_numbers(tmp_path / "b.xlsx")
    assert found == numbers and result.rows == len(numbers)
    assert header[0] == title
    assert header[1] == f"Periode {period}"


def test_excel_besluitenlijst_command_and_dialog_request_all_series(tmp_path: Path, data, database, session):
    from ghnt_desktop.cli import main
    from ghnt_desktop.exports.jobs import ExportRequest, prepare_export

    _two_series_decisions(session, data)
    session.commit()
    out = tmp_path / "b.xlsx"
    assert main(["export", "besluitenlijst", "--db", str(database.path), "--out", str(out)]) == 0
    assert _header_and_numbers(out)[1] == ["AO-2024-1-01", "AO-2024-2-01"]
    assert main(["export", "besluitenlijst", "--db", str(database.path), "--out", str(out), "--all-series"]) == 0
    assert _header_and_numbers(out)[1] == ["AO-2024-1-01", "BO-2024-1-01", "AO-2024-2-01"]
    # The dialog's "Alle overlegreeksen" makes this request (tests/test_export_dialog checks the mapping).
    request = ExportRequest(kind="besluitenlijst", out=out, format="xlsx", all_series=True)
    assert len(prepare_export(session, request).data.decisions) == 3
