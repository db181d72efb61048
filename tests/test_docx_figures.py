"""The "Cijfers" chapter (exports/docx_figures.py) with real footnotes (exports/docx_footnotes.py): built into a
document of its own, reopened with python-docx, and rendered by LibreOffice where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal

import pytest

from ghnt_desktop.exports import pdf
from ghnt_desktop.exports.docx_common import DocxWriter, open_template
from ghnt_desktop.exports.docx_figures import (
    FiguresChapter,
    IndicatorFigures,
    PeriodFigure,
    add_actielijn_indicators,
    add_figures_chapter,
    chart_data,
    period_rows,
    track_status,
)
from ghnt_desktop.exports.docx_footnotes import footnote_texts

D = Decimal
LINE_1 = "Eerder en beter in beeld"
LINE_2 = "Stoppen en duurzaam oplossen"


def year(y: int, value: str | None, provisional: bool = False, note: str = "") -> PeriodFigure:
    return PeriodFigure(str(y), y, None if value is None else D(value), provisional, note)


MELDINGEN = IndicatorFigures(
    name="Meldingen bij Veilig Thuis Gooi en Vechtstreek",
    unit="count",
    unit_label="meldingen",
    definition="Het aantal meldingen van huiselijk geweld en kindermishandeling dat Veilig Thuis ontving.",
    direction="higher",
    level="Veilig Thuis-regio",
    source="CBS StatLine, Veilig Thuis",
    source_id="84852NED",
    baseline=D(1620),
    baseline_period="2019",
    baseline_year=2019,
    targets=((2022, D(1800)), (2024, D(1950))),
    periods=(year(2019, "1620"), year(2020, "1710"), year(2021, None), year(2022, "1790"),
             year(2023, "1880", provisional=True)),  # fmt: skip
    municipalities=(("Hilversum", D(720), True), ("Gooise Meren", D(410), True), ("Huizen", D(300), True),
                    ("Wijdemeren", None, False)),  # fmt: skip
    municipality_period="2023",
    actielijnen=(LINE_1,),
)
HERHAALD = IndicatorFigures(
    name="Herhaald melden binnen een jaar",
    unit="percentage",
    definition="Aandeel van de meldingen over een gezin dat binnen twaalf maanden opnieuw gemeld wordt.",
    direction="lower",
    level="Regio",
    source="CBS StatLine",
    source_id="85361NED",
    baseline=D("24.5"),
    baseline_period="2019 H1",
    baseline_year=2019,
    targets=((2024, D(18)),),
    periods=(
        PeriodFigure("2019 H1", 2019, D("24.5")),
        PeriodFigure("2019 H2", 2019, D("23.8")),
        PeriodFigure("2020 H1", 2020, D("25.1"), note="coronajaar"),
        PeriodFigure("2020 H2", 2020, None),
        PeriodFigure("2021 H1", 2021, D("23.25"), provisional=True),
    ),
    actielijnen=(LINE_1, LINE_2),
)
INWONERS = IndicatorFigures(name="Inwoners 18 jaar en ouder", source="CBS", periods=(year(2022, "212345"),))


def chapter(**changes) -> FiguresChapter:
    base = {"indicators": (MELDINGEN, HERHAALD, INWONERS), "actielijnen": (LINE_1, LINE_2, "Specifieke groepen")}
    base.update(changes)
    return FiguresChapter(**base)


def build(tmp_path, data: FiguresChapter, template=None, **kwargs):
    import docx

    writer = DocxWriter(open_template(template, "voortgang"))
    writer.title("Voortgangsrapportage")
    figures = add_figures_chapter(writer, data, number="1", **kwargs)
    path = writer.finish(tmp_path / "cijfers.docx", title="Cijfers", author="test")
    return docx.Document(str(path)), path, figures


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_chapter_headings_tables_and_footnotes(tmp_path):
    document, path, figures = build(tmp_path, chapter())
    paragraphs = texts(document)
    for heading in ("1 Cijfers", "1.1 Meldingen bij Veilig Thuis Gooi en Vechtstreek",
                    "1.2 Herhaald melden binnen een jaar", "1.3 Inwoners 18 jaar en ouder",
                    "1.4 Indicatoren per actielijn"):  # fmt: skip
        assert heading in paragraphs
    assert figures == 3
    assert [p for p in paragraphs if p.startswith("Figuur")] == [
        "Figuur 1. Meldingen bij Veilig Thuis Gooi en Vechtstreek",
        "Figuur 2. Herhaald melden binnen een jaar",
        "Figuur 3. Inwoners 18 jaar en ouder",
    ]
    # One real footnote per indicator, with its source and table id; the text refers to each.
    assert footnote_texts(document) == [
        "Bron: CBS StatLine, Veilig Thuis, tabel 84852NED (niveau: veilig thuis-regio).",
        "Bron: CBS StatLine, tabel 85361NED (niveau: regio).",
        "Bron: CBS.",
    ]
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
        assert body.count("<w:footnoteReference") == 3
        assert "footnotes.xml" in package.read("word/_rels/document.xml.rels").decode()
        assert "footnotes+xml" in package.read("[Content_Types].xml").decode()
    # Pictures with alternative text that gives the numbers.
    descriptions = [d.get("descr") for d in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]  # fmt: skip
    assert len(descriptions) == 3 and "2023: 1.880*" in descriptions[0]


def test_period_table_changes_targets_and_voorlopig(tmp_path):
    document, _, _ = build(tmp_path, chapter(indicators=(MELDINGEN,)))
    period_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Periode")
    assert cells(period_table) == [
        ["Periode", "Waarde", "t.o.v. vorige periode", "t.o.v. nulmeting", "Streefwaarde", "Opmerking"],
        ["2019", "1.620", "", "0", "", ""],
        ["2020", "1.710", "+90", "+90 (+5,6%)", "", ""],
        ["2021", "onbekend", "", "", "", ""],
        ["2022", "1.790", "+80", "+170 (+10,5%)", "1.800", ""],  # against the last known value
        ["2023", "1.880*", "+90", "+260 (+16%)", "", "voorlopig"],
    ]
    paragraphs = texts(document)
    # The streefwaarde ahead counts (2024), not the one passed (2022), which is where the path starts: 1.875 in 2023.
    assert "De meting van 2023 is voorlopig. Met 1.880 in 2023 (voorlopig) ligt de indicator op koers naar de " \
        "streefwaarde voor 2024 (1.950)." in paragraphs
    municipal = next(t for t in document.tables if t.rows[0].cells[0].text == "Gemeente")
    assert cells(municipal)[1:] == [["Hilversum", "720*"], ["Gooise Meren", "410*"], ["Huizen", "300*"],
                                    ["Wijdemeren", "onbekend"]]  # fmt: skip


def test_percentages_change_in_points():
    rows = period_rows(HERHAALD)
    assert [r[0] for r in rows] == ["2019 H1", "2019 H2", "2020 H1", "2020 H2", "2021 H1"]
    assert rows[1][2:4] == ["\u22120,7 procentpunt", "\u22120,7 procentpunt"]
    assert rows[2][5] == "coronajaar"
    assert rows[4][3] == "\u22121,25 procentpunt" and rows[4][5] == "voorlopig"


@pytest.mark.parametrize(
    ("periods", "targets", "direction", "label", "on_track"),
    [
        ((year(2019, "100"), year(2021, "120")), ((2023, D(140)),), "higher", "op koers", True),  # halfway: 120
        ((year(2019, "100"), year(2021, "110")), ((2023, D(140)),), "higher", "niet op koers", False),
        ((year(2019, "100"), year(2023, "150")), ((2023, D(140)),), "higher", "streefwaarde gehaald", True),
        ((year(2019, "100"), year(2021, "80")), ((2023, D(60)),), "lower", "op koers", True),
        ((year(2019, "100"), year(2021, "95")), ((2023, D(60)),), "lower", "niet op koers", False),
        ((year(2019, "100"), year(2025, "120")), ((2023, D(140)),), "higher", "niet gehaald", False),
        ((year(2019, "100"),), (), "higher", "geen streefwaarde", None),
        ((year(2019, "100"),), ((2023, D(140)),), "neutral", "geen streefwaarde", None),
        ((year(2019, None),), ((2023, D(140)),), "higher", "nog geen meting", None),
        # A passed milestone starts the path: 2021 at 130 then 2025 at 150, so 2023 should be near 140.
        ((year(2019, "100"), year(2023, "139")), ((2021, D(130)), (2025, D(150))), "higher", "niet op koers", False),
        ((year(2019, "100"), year(2023, "141")), ((2021, D(130)), (2025, D(150))), "higher", "op koers", True),
        ((), ((2023, D(140)),), "higher", "nog geen meting", None),
    ],
)
def test_track_status(periods, targets, direction, label, on_track):
    indicator = IndicatorFigures(name="x", periods=periods, targets=targets, direction=direction,
                                 baseline=D(100), baseline_year=2019)  # fmt: skip
    status = track_status(indicator)
    assert (status.label, status.on_track) == (label, on_track)


def test_chart_gets_later_target_years_on_its_axis():
    data = chart_data(MELDINGEN)
    assert list(data.periods) == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert data.targets == {"2022": 1800.0, "2024": 1950.0}
    assert data.values["2021"].value is None and data.values["2023"].provisional
    half_yearly = chart_data(HERHAALD)
    assert list(half_yearly.periods)[-1] == "2024" and half_yearly.targets == {"2024": 18.0}


def test_empty_chapter_and_left_out_confidential(tmp_path):
    document, _, figures = build(tmp_path, FiguresChapter(indicators=(), left_out=2))
    assert figures == 0
    assert "Er zijn (nog) geen indicatoren vastgelegd." in texts(document)
    assert "2 vertrouwelijke indicatoren zijn weggelaten." in texts(document)
    assert footnote_texts(document) == []


def test_confidential_indicator_included_is_marked(tmp_path):
    from dataclasses import replace

    document, _, _ = build(tmp_path, chapter(indicators=(replace(INWONERS, confidential=True),)))
    assert "Vertrouwelijk" in texts(document)


@pytest.mark.parametrize(
    "text",
    ["Bron met <xml> & \"quotes\"", "Regel\neen\x00twee\x1f", "\U0001f600 emoji en \u05e9\u05dc\u05d5\u05dd", "x" * 3000],
)
def test_awkward_sources_and_names(tmp_path, text):
    from dataclasses import replace

    indicator = replace(MELDINGEN, name=text, source=text, source_id=text[:20], definition=text)
    document, _, _ = build(tmp_path, chapter(indicators=(indicator,)))
    assert len(footnote_texts(document)) == 1


def test_footnotes_continue_after_a_templates_own(tmp_path):
    """A house-style template that already has a footnotes part (with a note of its own) keeps it, and the new notes
    get ids after it."""
    import docx

    from ghnt_desktop.exports.docx_footnotes import add_footnote, footnotes_part

    base = docx.Document()
    writer = DocxWriter(base)
    writer.queue_xml(writer.para_xml("Tekst")[:-6] + add_footnote(writer, "Eerste voetnoot van het sjabloon") + "</w:p>")
    writer.flush()
    template = tmp_path / "huisstijl.docx"
    base.save(str(template))
    # Reopened, python-docx holds the part as bytes; the chapter makes it editable and adds to it.
    reopened = docx.Document(str(template))
    assert footnote_texts(reopened) == ["Eerste voetnoot van het sjabloon"]
    writer = DocxWriter(reopened)
    add_actielijn_indicators(writer, [MELDINGEN], title=LINE_1)
    add_figures_chapter(writer, chapter(indicators=(INWONERS,)))
    assert footnotes_part(reopened) is footnotes_part(reopened)
    path = writer.finish(tmp_path / "uit.docx", title="t", author="a")
    assert footnote_texts(docx.Document(str(path))) == ["Eerste voetnoot van het sjabloon", "Bron: CBS."]


needs_libreoffice = pytest.mark.skipif(
    pdf.find_libreoffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler missing"
)


@needs_libreoffice
def test_libreoffice_renders_footnotes_at_the_foot_of_the_page(tmp_path):
    _, path, _ = build(tmp_path, chapter())
    out = pdf.convert_to_pdf(path, tmp_path / "cijfers.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bron: CBS StatLine, tabel 85361NED" in text
    assert "Figuur 2. Herhaald melden binnen een jaar" in text
    assert "1.880*" in text and "voorlopig" in text
