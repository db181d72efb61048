"""Figures in and out: Dutch numbers and periods, Excel as people keep it, StatLine CSV, malformed files,
the Excel export and the round trip export -> import that must change nothing."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from import_corpus.malformed import build_corpus
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from ghnt_desktop.exports.xlsx_indicators import number_format, write_indicators_xlsx
from ghnt_desktop.imports.indicators import read_indicator_file
from ghnt_desktop.imports.workbook import ImportFileError
from ghnt_desktop.models import (
    IndicatorDirection,
    IndicatorLevel,
    IndicatorUnit,
    Measurement,
    Organisation,
    OrganisationKind,
    PeriodKind,
)
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import (
    NumberError,
    Period,
    format_number,
    parse_cell,
    parse_number,
    parse_period,
)

D = Decimal
NOT_DUTCH = re.compile(
    r"\b(?:the|is not|not a|error|invalid|index|out of range|traceback|exception|none|keyerror|valueerror|"
    r"badzipfile|file is|cannot|unexpected|expected|failed|no such|object)\b",
    re.IGNORECASE,
)
NEXT_STEP = re.compile(r"\b(?:open|kies|sla|vraag|kopieer|verwijder|controleer|zet|lees|download|pas)\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------------------------
# Numbers and periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.620", D(1620)), ("12,5", D("12.5")), ("12.5", D("12.5")), ("1.620,5", D("1620.5")),
        ("1,620.5", D("1620.5")), ("€ 1.200,50", D("1200.50")), ("12,5%", D("12.5")), ("-3", D(-3)),
        ("\u22123,5", D("-3.5")), ("1 620", D(1620)), ("1\u00a0620", D(1620)), ("12.345.678", D(12345678)),
        ("0,25", D("0.25")), (" 7 ", D(7)), (12.5, D("12.5")), (1620, D(1620)), (0.1, D("0.1")),
    ],
)  # fmt: skip
def test_dutch_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1e3", "12,5,6", "ca. 1600", "--3", "1.62", True, None, "inf"])
def test_not_numbers_are_refused_in_dutch(text):
    if text == "1.62":
        assert parse_number(text) == D("1.62")  # a point not followed by three digits is a decimal point
        return
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert not NOT_DUTCH.search(str(caught.value))


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15, places=4))
def test_dutch_format_and_parse_round_trip(value):
    text = format_number(value)
    assert parse_number(text) == value, text
    assert parse_number(format_number(value, thousands=False)) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12))
def test_whole_numbers_written_with_thousand_points_read_back(value):
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", (Period(2019), False)), ("2021*", (Period(2021), True)), ("2022**", (Period(2022), True)),
        ("2020 H1", (Period(2020, PeriodKind.HALF_YEAR, 1), False)),
        ("1e halfjaar 2020", (Period(2020, PeriodKind.HALF_YEAR, 1), False)),
        ("tweede helft 2020", (Period(2020, PeriodKind.HALF_YEAR, 2), False)),
        ("2019 3e kwartaal", (Period(2019, PeriodKind.QUARTER, 3), False)),
        ("Q4 2019", (Period(2019, PeriodKind.QUARTER, 4), False)),
        ("2019KW02", (Period(2019, PeriodKind.QUARTER, 2), False)),
        ("2019HJ02", (Period(2019, PeriodKind.HALF_YEAR, 2), False)),
        ("2019JJ00", (Period(2019), False)), (2019, (Period(2019), False)), (2019.0, (Period(2019), False)),
        ("Perioden", None), ("1620", None), ("2019-2021", None), (1620, None), ("2019 H3", None),
    ],
)  # fmt: skip
def test_periods(text, expected):
    assert parse_period(text) == expected


def test_cells_with_statline_marks():
    assert parse_cell("1.620*") == parse_cell("1.620 (voorlopig)")
    assert parse_cell("1.620*").provisional and parse_cell("1.620*").value == D(1620)
    assert parse_cell(".").unknown and parse_cell("x").unknown and parse_cell("n.b.").unknown
    assert parse_cell("-").value == D(0)
    assert parse_cell("").empty and parse_cell(None).empty
    assert parse_cell("volgt").problem


# ---------------------------------------------------------------------------------------------------------------
# Files as people keep them


def messy_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cijfers GHNT"
    ws.append(["Monitor Geweld hoort nergens thuis - Gooi en Vechtstreek"])
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["Indicator", "Eenheid", "Bron", "Gemeente", 2019, "2020", "2021*", "2022"])
    ws.append(["Actielijn 1: Eerder en beter in beeld"])
    ws.append(["Veilig Thuis meldingen", "aantal", "Veilig Thuis Gooi en Vechtstreek", None, "1.620", 1712, "1.805"])
    ws.append([None, None, None, "Hilversum", 610, "n.b.", 650, None])
    ws.append([None, None, None, "Gemeente Huizen", 201, 215, "ca. 230", None])
    ws.append(["Aandeel huisverboden binnen 24 uur", "%", "Politie", None, "12,5", 13.1, None, "14,0"])
    ws.append(["Doorlooptijd onderzoek", "dagen", "Veilig Thuis", None, 73, "68", ".", None])
    ws.append([])
    ws.append(["Bron: Veilig Thuis Gooi en Vechtstreek, jaarverslagen"])
    halves = wb.create_sheet("Halfjaar")
    halves.append(["Indicator", "2022", None, "2023", None])
    halves.merge_cells("B1:C1")
    halves.merge_cells("D1:E1")
    halves.append([None, "H1", "H2", "1e helft", "2e helft"])
    halves.append(["Meldingen Veilig Thuis per halfjaar", 810, "845", 900, None])
    wb.save(path)
    return path


STATLINE = """\ufeff"Veilig Thuis; meldingen en adviezen, regio";;;
"Tabel 84852NED";;;
"Regio's";"Perioden";"Meldingen (aantal)";"Adviezen (aantal)"
"Gooi en Vechtstreek";"2019";"1620";"1622"
"Gooi en Vechtstreek";"2020";"1.712";"1.700"
"Gooi en Vechtstreek";"2021*";"1805";"."
"Nederland";"2019";"126000";"113000"
"Nederland";"2020";"127500";"120000"
"Nederland";"2021*";"128000";"x"
"Bron: CBS";;;
"© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-06-2022";;;
"""


def test_messy_excel_is_read_cell_by_cell(tmp_path):
    incoming = read_indicator_file(messy_workbook(tmp_path / "cijfers.xlsx"))
    values = {(v.indicator, v.period.label, v.area): v for v in incoming.values}
    meldingen = values[("Veilig Thuis meldingen", "2019", "")]
    assert meldingen.value == D(1620) and not meldingen.provisional
    assert values[("Veilig Thuis meldingen", "2021", "")].provisional  # "2021*" in the header
    assert values[("Veilig Thuis meldingen", "2020", "Hilversum")].unknown  # "n.b."
    assert values[("Veilig Thuis meldingen", "2019", "Gemeente Huizen")].municipality
    assert values[("Aandeel huisverboden binnen 24 uur", "2019", "")].value == D("12.5")
    assert values[("Aandeel huisverboden binnen 24 uur", "2022", "")].value == D("14.0")
    assert ("Aandeel huisverboden binnen 24 uur", "2021", "") not in values  # an empty year is no value
    # The year merged over its halves counts for both; the title and section rows are no indicators.
    assert values[("Meldingen Veilig Thuis per halfjaar", "2022 H2", "")].value == D(845)
    assert values[("Meldingen Veilig Thuis per halfjaar", "2023 H1", "")].value == D(900)
    names = [i.name for i in incoming.indicators]
    assert "Actielijn 1: Eerder en beter in beeld" not in names and len(names) == 4
    units = {i.name: i.unit for i in incoming.indicators}
    assert units["Aandeel huisverboden binnen 24 uur"] is IndicatorUnit.PERCENTAGE
    assert units["Doorlooptijd onderzoek"] is IndicatorUnit.DAYS
    [problem] = incoming.problems
    assert "regel 7" in problem and "ca. 230" in problem and "Niet ingelezen" in problem


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_statline_csv_with_title_and_footnote_rows(tmp_path, encoding):
    path = tmp_path / "84852NED.csv"
    path.write_bytes(STATLINE.encode(encoding, errors="ignore").replace("\ufeff".encode(encoding, errors="ignore"), b""))
    incoming = read_indicator_file(path)
    assert incoming.kind == "CBS StatLine (CSV)"
    assert {i.name for i in incoming.indicators} == {"Meldingen", "Adviezen"}
    assert all(i.source == "CBS StatLine" and i.source_id == "84852NED" for i in incoming.indicators)
    values = {(v.indicator, v.period.label, v.area): v for v in incoming.values}
    assert len(values) == 12 and incoming.problems == ()
    assert values[("Meldingen", "2020", "Gooi en Vechtstreek")].value == D(1712)
    assert values[("Meldingen", "2021", "Nederland")].provisional
    assert values[("Adviezen", "2021", "Gooi en Vechtstreek")].unknown


# StatLine's classic download: topic rows ("Onderwerpen", most specific last), a unit row starting "Perioden", the
# copyright line at the end; and a table with a dimension that is not an area.
STATLINE_TOPICS = """"Bevolking; kerncijfers"
"Onderwerpen";"Bevolking naar leeftijd, aantallen";"Bevolking naar leeftijd, aantallen";"Bevolking naar leeftijd, relatief"
"Onderwerpen";"Jonger dan 20 jaar";"20 tot 40 jaar";"Jonger dan 20 jaar"
"Perioden";"aantal";"aantal";"%"
"2010";"3928334";"4192772";"23,7"
"2020*";"3800000";".";"21,8"
"© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"
"""
STATLINE_DIMENSION = """"Schoolverlaters zonder startkwalificatie"
"Geslacht";"Perioden";"% van de schoolverlaters"
"Mannen";"2015";"12,1"
"Vrouwen";"2015";"9,8"
"Mannen";"2016";"11,7"
"Centraal Bureau voor de Statistiek"
"""


def test_statline_topic_rows_name_the_columns_and_the_unit_row_gives_the_unit(tmp_path):
    path = tmp_path / "kerncijfers.csv"
    path.write_text(STATLINE_TOPICS, encoding="utf-8")
    incoming = read_indicator_file(path)
    assert incoming.kind == "CBS StatLine (CSV)"
    assert [(i.name, i.unit) for i in incoming.indicators] == [
        ("Bevolking naar leeftijd, aantallen – Jonger dan 20 jaar", IndicatorUnit.COUNT),
        ("20 tot 40 jaar", IndicatorUnit.COUNT),
        ("Bevolking naar leeftijd, relatief – Jonger dan 20 jaar", IndicatorUnit.PERCENTAGE),
    ]
    values = {(v.indicator, v.period.label): v for v in incoming.values}
    assert values[("20 tot 40 jaar", "2020")].unknown and values[("20 tot 40 jaar", "2020")].provisional
    assert values[("Bevolking naar leeftijd, relatief – Jonger dan 20 jaar", "2010")].value == D("23.7")


def test_statline_dimension_that_is_no_area_names_the_indicators(tmp_path):
    path = tmp_path / "schoolverlaters.csv"
    path.write_text(STATLINE_DIMENSION, encoding="cp1252")
    incoming = read_indicator_file(path)
    assert {i.name for i in incoming.indicators} == {
        "% van de schoolverlaters – Mannen", "% van de schoolverlaters – Vrouwen"
    }
    assert all(i.unit is IndicatorUnit.PERCENTAGE and i.source == "CBS StatLine" for i in incoming.indicators)
    assert all(v.area == "" for v in incoming.values) and len(incoming.values) == 3


def test_statline_with_periods_across_and_comma_separator(tmp_path):
    path = tmp_path / "tabel.csv"
    path.write_text(
        '"Onderwerpen","2019","2020","2021*"\n"Huisverboden (aantal)","45","52","."\n"Bron: CBS, 85361NED"\n',
        encoding="utf-8",
    )
    incoming = read_indicator_file(path)
    assert [(v.period.label, v.value, v.unknown) for v in incoming.values] == [
        ("2019", D(45), False), ("2020", D(52), False), ("2021", None, True)
    ]  # fmt: skip


@pytest.fixture
def gooi(session):
    for name in ("Gemeente Hilversum", "Gemeente Huizen"):
        session.add(Organisation(name=name, kind=OrganisationKind.GEMEENTE))
    session.flush()
    return session


def test_import_preview_then_apply_then_nothing_left(tmp_path, gooi):
    session = gooi
    incoming = read_indicator_file(messy_workbook(tmp_path / "cijfers.xlsx"))
    preview = ind.preview_figures(session, incoming)
    assert len(preview.new_indicators) == 4 and not preview.changed
    assert any(c.area == "Gemeente Hilversum" for c in preview.added)
    assert preview.summary().startswith("4 nieuwe indicatoren, 17 waarden toegevoegd, 0 gewijzigd")
    assert session.scalar(select(func.count(Measurement.id))) == 0  # a preview writes nothing
    result = ind.apply_figures(session, preview, received_on=date(2024, 3, 1))
    assert (result.created_indicators, result.added, result.changed) == (4, 17, 0)
    again = ind.preview_figures(session, read_indicator_file(tmp_path / "cijfers.xlsx"))
    assert again.nothing_to_do and again.unchanged == 17
    # A new delivery: one figure corrected, one no longer voorlopig.
    wb = load_workbook(tmp_path / "cijfers.xlsx")
    wb["Cijfers GHNT"]["E5"] = 1625
    wb["Cijfers GHNT"]["G3"] = "2021"
    wb.save(tmp_path / "cijfers.xlsx")
    changed = ind.preview_figures(session, read_indicator_file(tmp_path / "cijfers.xlsx"))
    assert {(c.indicator, c.period, c.area, c.old, c.new) for c in changed.changed} == {
        ("Veilig Thuis meldingen", "2019", "", "1.620", "1.625"),
        ("Veilig Thuis meldingen", "2021", "", "1.805*", "1.805"),
        ("Veilig Thuis meldingen", "2021", "Gemeente Hilversum", "650*", "650"),
        ("Doorlooptijd onderzoek", "2021", "", "onbekend", "onbekend"),  # no longer voorlopig
    }
    assert not changed.added


def test_unknown_gemeente_is_reported_not_guessed(tmp_path, session):
    incoming = read_indicator_file(messy_workbook(tmp_path / "cijfers.xlsx"))
    preview = ind.preview_figures(session, incoming)
    assert any("Gemeente 'Hilversum' staat niet bij de organisaties" in p for p in preview.problems)
    assert not any(c.area for c in preview.added)


def test_statline_region_and_country_become_two_indicators(tmp_path, session):
    path = tmp_path / "vt.csv"
    path.write_text(STATLINE, encoding="utf-8")
    preview = ind.preview_figures(session, read_indicator_file(path))
    names = {i.name: i.level for i in preview.new_indicators}
    assert names == {
        "Meldingen (Gooi en Vechtstreek)": None, "Meldingen (Nederland)": IndicatorLevel.NATIONAL,
        "Adviezen (Gooi en Vechtstreek)": None, "Adviezen (Nederland)": IndicatorLevel.NATIONAL,
    }  # fmt: skip


@pytest.mark.parametrize("country", ["Nederland", " nederland ", "Totaal Nederland", "LANDELIJK"])
def test_the_country_is_never_the_regions_own_figure(tmp_path, session, country):
    """A file with gemeenten (or nothing) beside the country: the country's 126.000 is a national indicator, not
    the whole area's value, also when it is the only area that is no gemeente."""
    path = tmp_path / "vt.csv"
    rows = [line for line in STATLINE.splitlines() if not line.startswith('"Gooi')]
    path.write_text("\n".join(rows).replace('"Nederland"', f'"{country}"') + "\n", encoding="utf-8")
    preview = ind.preview_figures(session, read_indicator_file(path))
    levels = {i.name: i.level for i in preview.new_indicators}
    assert levels == {f"Meldingen ({country.strip()})": IndicatorLevel.NATIONAL,
                      f"Adviezen ({country.strip()})": IndicatorLevel.NATIONAL}  # fmt: skip
    assert not any(c.indicator in ("Meldingen", "Adviezen") for c in preview.added)


# ---------------------------------------------------------------------------------------------------------------
# Malformed files


def _refusal(path: Path) -> ImportFileError:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ImportFileError) as caught:
        read_indicator_file(path)
    exc = caught.value
    assert exc.problem and exc.action, path.name
    assert not NOT_DUTCH.search(str(exc)), str(exc)
    assert NEXT_STEP.search(exc.action), exc.action
    if before is not None:
        assert path.read_bytes() == before
    return exc


def _docx_bytes() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("leeg.xlsx", b"", "leeg"),
        ("leeg.csv", b"", "leeg"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
        ("verslag.xlsx", None, "Word-document"),
        ("rommel.xlsx", bytes(range(256)) * 40, "geen Excel-werkmap"),
        ("rommel.csv", bytes(range(256)) * 40, "geen tekstbestand"),
        ("scan.csv", b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF"),
        ("pagina.csv", b"<!DOCTYPE html><html><body>Niet gevonden</body></html>", "webpagina"),
        ("zonder_perioden.csv", b'"Naam";"Waarde"\n"Meldingen";"12"\n', "geen kolom of rij met perioden"),
        ("quotes.csv", b'"Perioden";"Meldingen"\n"2019;"12\n"2020";"1\x00"\n', ""),
        ("plaatje.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "geen tekstbestand"),
    ],
)  # fmt: skip
def test_malformed_files_are_refused_in_dutch(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(_docx_bytes() if content is None else content)
    exc = _refusal(path)
    assert words.casefold() in str(exc).casefold()


def test_a_folder_and_a_missing_file_are_refused(tmp_path):
    _refusal(tmp_path)
    with pytest.raises(ImportFileError, match="bestaat niet"):
        read_indicator_file(tmp_path / "weg.xlsx")


def test_workbook_without_periods_is_refused(tmp_path):
    wb = Workbook()
    wb.active.append(["Actiepunt", "Trekker"])
    wb.active.append(["Werkgroep formeren", "Veilig Thuis"])
    wb.save(tmp_path / "acties.xlsx")
    assert "perioden" in str(_refusal(tmp_path / "acties.xlsx"))


def test_the_malformed_workbook_corpus_never_raises_anything_else(tmp_path):
    for case in build_corpus(tmp_path / "corpus"):
        digest = hashlib.sha256(case.path.read_bytes()).hexdigest() if case.path.is_file() else ""
        try:
            read_indicator_file(case.path)
        except ImportFileError as exc:
            assert exc.problem and exc.action and not NOT_DUTCH.search(str(exc)), (case.name, str(exc))
        if digest:
            assert hashlib.sha256(case.path.read_bytes()).hexdigest() == digest, case.name


# ---------------------------------------------------------------------------------------------------------------
# Export and the round trip


@pytest.fixture
def figures(gooi):
    session = gooi
    hilversum = session.scalar(select(Organisation.id).where(Organisation.name == "Gemeente Hilversum"))
    meldingen = ind.create_indicator(
        session, name="Veilig Thuis meldingen", code="VT-M", unit=IndicatorUnit.COUNT, unit_label="meldingen",
        direction=IndicatorDirection.HIGHER_IS_BETTER, source="CBS StatLine", source_id="84852NED",
        baseline_value=1620, baseline_period=Period(2019), definition="Meldingen bij Veilig Thuis, hele regio.",
    ).id  # fmt: skip
    ind.set_measurement(session, meldingen, Period(2020), value="1.712")
    ind.set_measurement(session, meldingen, Period(2021), value=1805, provisional=True)
    ind.set_measurement(session, meldingen, Period(2022, PeriodKind.HALF_YEAR, 1), value=950)
    ind.set_measurement(session, meldingen, Period(2020), value=610, organisation_id=hilversum)
    ind.set_measurement(session, meldingen, Period(2021), value=None, unknown=True, organisation_id=hilversum)
    ind.set_target(session, meldingen, 2023, 2000)
    share = ind.create_indicator(
        session, name="Aandeel direct overgedragen", unit=IndicatorUnit.PERCENTAGE,
        direction=IndicatorDirection.HIGHER_IS_BETTER, level=IndicatorLevel.VEILIG_THUIS_REGION,
    ).id  # fmt: skip
    ind.set_measurement(session, share, Period(2021), value="72,25")
    costs = ind.create_indicator(session, name="Kosten MDA++", unit=IndicatorUnit.EUROS, level=IndicatorLevel.REGION)
    ind.set_measurement(session, costs.id, Period(2021), value="120.000,50")
    ind.create_indicator(session, name="Wachttijd hulp na melding", code="AL2-3", unit=IndicatorUnit.DAYS,
                         direction=IndicatorDirection.LOWER_IS_BETTER)  # fmt: skip  (no figures yet)
    secret = ind.create_indicator(session, name="Casussen vertrouwelijk", confidential=True).id
    ind.set_measurement(session, secret, Period(2021), value=3)
    return session


def test_export_has_real_numbers_formats_source_and_voorlopig(tmp_path, figures):
    data = ind.export_data(figures)
    result = write_indicators_xlsx(data, tmp_path / "indicatoren.xlsx")
    assert result.sheets == ("Regio", "Veilig Thuis-regio") and result.confidential_left_out == 1
    wb = load_workbook(tmp_path / "indicatoren.xlsx")
    ws = wb["Regio"]
    rows = list(ws.iter_rows(values_only=True))
    header_index = next(i for i, r in enumerate(rows) if r[0] == "Indicator")
    header = rows[header_index]
    assert "Casussen vertrouwelijk" not in [r[0] for r in rows]
    assert any("vertrouwelijke indicator is weggelaten" in str(r[0]) for r in rows[:header_index])
    column = {h: i for i, h in enumerate(header)}
    assert [column[p] for p in ("2020", "2021", "2022 H1", "2023")] == sorted(column[p] for p in ("2020", "2021", "2022 H1", "2023"))
    first = header_index + 2  # 1-based row of the first data row
    cell = ws.cell(first, column["2021"] + 1)
    assert cell.value == 1805 and isinstance(cell.value, int) and cell.number_format == '#,##0"*"'
    assert ws.cell(first, column["2020"] + 1).number_format == "#,##0"
    assert rows[header_index + 1][column["Voorlopig"]] == "2021"
    assert rows[header_index + 1][column["Bron"]] == "CBS StatLine"
    assert rows[header_index + 1][column["Tabel"]] == "84852NED"
    gemeente = rows[header_index + 2]
    assert gemeente[column["Gemeente"]] == "Gemeente Hilversum" and gemeente[column["2021"]] == "."
    assert gemeente[column["Bron"]] == "CBS StatLine"  # the source on every row
    target = rows[header_index + 3]
    assert target[column["Soort"]] == "Streefwaarde" and target[column["2023"]] == 2000
    euro_row = next(r for r in rows if r[0] == "Kosten MDA++")
    assert euro_row[column["2021"]] == pytest.approx(120000.5)
    assert number_format(IndicatorUnit.EUROS, 2) == '"€ "#,##0.00'
    share = [c for row in wb["Veilig Thuis-regio"].iter_rows() for c in row if c.value == 72.25]
    assert [c.number_format for c in share] == ['#,##0.00"%"']


def test_round_trip_export_then_import_changes_nothing(tmp_path, figures):
    session = figures
    write_indicators_xlsx(ind.export_data(session, include_confidential=True), tmp_path / "terug.xlsx")
    preview = ind.preview_figures(session, read_indicator_file(tmp_path / "terug.xlsx"))
    assert preview.nothing_to_do, (preview.added, preview.changed, preview.new_indicators)
    assert preview.problems == ()
    assert preview.unchanged == 9  # 7 measurements + 1 target of the four indicators, plus the secret one


def test_round_trip_into_an_empty_database_gives_the_same_figures(tmp_path, figures, database):
    session = figures
    write_indicators_xlsx(ind.export_data(session, include_confidential=True), tmp_path / "uit.xlsx")
    def described(rows):
        return {(r.name, r.code, r.latest_text, r.unit, r.unit_label, r.direction, r.level, r.source, r.source_id)
                for r in rows if not r.confidential}  # fmt: skip

    before = described(ind.list_indicators(session))
    assert ("Wachttijd hulp na melding", "AL2-3", "") == next(b for b in before if b[0].startswith("Wachttijd"))[:3]
    from ghnt_desktop.db import open_database

    other = open_database(tmp_path / "leeg.db")
    with other.session() as fresh:
        for name in ("Gemeente Hilversum", "Gemeente Huizen"):
            fresh.add(Organisation(name=name, kind=OrganisationKind.GEMEENTE))
        fresh.flush()
        preview = ind.preview_figures(fresh, read_indicator_file(tmp_path / "uit.xlsx"))
        ind.apply_figures(fresh, preview, received_on=date(2024, 1, 1))
        after = described(ind.list_indicators(fresh))
        secret = ind.find_indicator(fresh, "Casussen vertrouwelijk")
        detail = ind.get_indicator(fresh, ind.find_indicator(fresh, "VT-M"))
        assert secret is not None and ind.get_indicator(fresh, secret).confidential  # the flag travels along
    other.close()
    assert after == before
    assert detail.baseline == ind.Baseline(D(1620), Period(2019))
    assert [t.value for t in detail.targets] == [D(2000)]
    assert [m.points[1].value.unknown for m in detail.municipalities] == [True]


def test_statline_open_data_download_with_codes_and_an_id_column(tmp_path):
    path = tmp_path / "84852NED_TypedDataSet.csv"
    path.write_text(
        '"ID";"RegioS";"Perioden";"Meldingen_1"\n"0";"GM0402";"2019JJ00";"610"\n"1";"GM0402";"2020HJ01";"  325"\n',
        encoding="utf-8",
    )
    incoming = read_indicator_file(path)
    assert [i.name for i in incoming.indicators] == ["Meldingen_1"] and incoming.indicators[0].source_id == "84852NED"
    assert [(v.period.label, v.value, v.area) for v in incoming.values] == [
        ("2019", D(610), "GM0402"), ("2020 H1", D(325), "GM0402")
    ]  # fmt: skip


def test_numbering_nulmeting_and_streefwaarde_columns_of_a_monitor(tmp_path, session):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nr.", "Omschrijving", "Eenheid", "Nulmeting (2017)", 2018, 2019, "Streefwaarde 2022"])
    ws.append(["1.1", "Professionals die de meldcode toepassen", "%", "41", "45,5", "52", "75"])
    ws.append(["1.2", "Huisverboden", "Aantal (huisverboden)", 45, 52, "", ""])
    wb.save(tmp_path / "monitor.xlsx")
    incoming = read_indicator_file(tmp_path / "monitor.xlsx")
    meta = {i.name: i for i in incoming.indicators}
    assert set(meta) == {"Professionals die de meldcode toepassen", "Huisverboden"}  # not the numbers
    assert meta["Huisverboden"].code == "1.2" and meta["Huisverboden"].unit_label == "huisverboden"
    assert meta["Professionals die de meldcode toepassen"].baseline_value == D(41)
    assert meta["Professionals die de meldcode toepassen"].baseline_period == Period(2017)
    targets = [(v.indicator, v.period.year, v.value) for v in incoming.values if v.target]
    assert targets == [("Professionals die de meldcode toepassen", 2022, D(75))]
    preview = ind.preview_figures(session, incoming)
    ind.apply_figures(session, preview, received_on=date(2024, 1, 1))
    detail = ind.get_indicator(session, ind.find_indicator(session, "1.1"))
    assert [(t.year, t.value) for t in detail.targets] == [(2022, D(75))]
    # 2019 lies on the line from the nulmeting (41 in 2017) to the target (75 in 2022).
    last = detail.series[-1].comparison
    assert (last.target, last.target_interpolated, last.on_track) == (D("54.6"), True, None)  # no direction given


TOKENS = st.sampled_from(
    ["2019", "2020*", "2021 H1", "1e kwartaal 2022", "1.620", "12,5", ".", "x", "-", "", "Gemeente Huizen", "Perioden",
     "Regio's", "Onderwerpen", "aantal", "%", "Meldingen (aantal)", "© CBS", "Bron: CBS", "ca. 12", "84852NED", "1,2,3",
     "Indicator", "Streefwaarde 2025", "Nulmeting 2018", "=SUM(A1)", "\u00a0", "Gemeente"]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(TOKENS, min_size=1, max_size=6), min_size=1, max_size=12), st.sampled_from([";", ",", "\t"]))
def test_any_csv_of_realistic_cells_is_read_or_refused_in_dutch(tmp_path_factory, rows, separator):
    path = tmp_path_factory.mktemp("fuzz") / "cijfers.csv"
    path.write_text("\n".join(separator.join(f'"{c}"' for c in row) for row in rows), encoding="utf-8")
    try:
        incoming = read_indicator_file(path)
    except ImportFileError as exc:
        assert exc.problem and exc.action and not NOT_DUTCH.search(str(exc))
        return
    for value in incoming.values:
        assert value.indicator and (value.value is not None or value.unknown)
        assert len(value.indicator) <= 300
    assert all(not NOT_DUTCH.search(p) for p in incoming.problems)
