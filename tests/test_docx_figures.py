"""The "Cijfers" chapter (exports/docx_figures.py) with real footnotes (exports/docx_footnotes.py): built from the
indicator service's data into a document of its own, reopened with python-docx, and rendered by LibreOffice."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import zipfile
from decimal import Decimal

import pytest
from indicator_samples import LINE_1, add_sample_indicators

from ghnt_desktop.exports import pdf
from ghnt_desktop.exports.docx_common import DocxWriter, open_template
from ghnt_desktop.exports.docx_figures import add_actielijn_indicators, add_figures_chapter
from ghnt_desktop.exports.docx_footnotes import footnote_texts
from ghnt_desktop.models.enums import IndicatorUnit
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import Period


def build(tmp_path, chapter, template=None, **kwargs):
    import docx

    writer = DocxWriter(open_template(template, "voortgang"))
    writer.title("Voortgangsrapportage")
    figures = add_figures_chapter(writer, chapter, number="1", **kwargs)
    path = writer.finish(tmp_path / "cijfers.docx", title="Cijfers", author="test")
    return docx.Document(str(path)), path, figures


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def table_starting(document, first: str):
    return [t for t in document.tables if t.rows[0].cells[0].text == first]


@pytest.fixture
def sample(session):
    return add_sample_indicators(session)


@pytest.fixture
def chapter(session, sample):
    return ind.figures_chapter(session)


def test_chapter_per_actielijn_with_headings_figures_and_footnotes(tmp_path, session, chapter):
    document, path, figures = build(tmp_path, chapter)
    paragraphs = texts(document)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "1 Cijfers",
        f"1.1 1 {LINE_1}", "1.1.1 Meldingen bij Veilig Thuis", "1.1.2 Herhaald melden binnen een jaar",
        "1.2 Niet gekoppeld aan een actielijn", "1.2.1 Inwoners 18 jaar en ouder",
    ]  # fmt: skip
    # Inwoners has one measurement and no streefwaarde: its table, but no chart of a single dot.
    assert figures == 2
    assert [p for p in paragraphs if p.startswith("Figuur")] == [
        "Figuur 1. Meldingen bij Veilig Thuis",
        "Figuur 2. Herhaald melden binnen een jaar",
    ]
    # One real footnote per indicator with its source; the text refers to each one.
    assert list(footnote_texts(document).values()) == ["Bron: CBS StatLine, tabel 84852NED.", "Bron: CBS StatLine, tabel 85361NED.",
                                        "Bron: CBS."]  # fmt: skip
    with zipfile.ZipFile(path) as package:
        assert package.read("word/document.xml").decode().count("<w:footnoteReference") == 3
        assert "footnotes.xml" in package.read("word/_rels/document.xml.rels").decode()
        assert "footnotes+xml" in package.read("[Content_Types].xml").decode()
    descriptions = [d.get("descr") for d in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]  # fmt: skip
    assert (
        len(descriptions) == 2 and "2023: 1.880*" in descriptions[0] and "Streefwaarde 2025: 2.000" in descriptions[0]
    )
    assert "Cijfers met een * zijn voorlopig. Voorlopige cijfers kunnen nog wijzigen." in paragraphs
    # The other actielijn an indicator is linked to is named with it.
    assert (
        "Nulmeting: 24,5% (1e halfjaar 2019)   Streefwaarde: 18% in 2024   Ook bij: 2 Stoppen en duurzaam "
        "oplossen" in paragraphs
    )


def test_period_table_and_status_sentence(tmp_path, session, chapter):
    document, _, _ = build(tmp_path, chapter)
    first = table_starting(document, "Periode")[0]
    assert cells(first) == [
        ["Periode", "Waarde", "t.o.v. vorige periode", "t.o.v. nulmeting", "Streefwaarde", "Op koers", "Opmerking"],
        ["2019", "1.620", "", "0 (0,0%)", "", "", ""],
        ["2020", "1.710", "+90 (+5,6%)", "+90 (+5,6%)", "≥ 1.680 (tussenwaarde)", "op koers", ""],
        ["2021", "onbekend", "", "", "≥ 1.740 (tussenwaarde)", "", ""],
        ["2022", "1.790", "", "+170 (+10,5%)", "≥ 1.800", "niet op koers", ""],  # 2021 unknown: no change shown
        ["2023", "1.880*", "+90 (+5,0%)", "+260 (+16,0%)", "≥ 1.866,7 (tussenwaarde)", "op koers", "voorlopig"],
    ]
    assert ("De laatste meting is 1.880 (2023, voorlopig). De indicator ligt op koers: de tussenwaarde voor 2023 is "
            "≥ 1.866,7 (tussenwaarde). Streefwaarde voor 2025: 2.000.") in texts(document)  # fmt: skip
    municipal = table_starting(document, "Gemeente")[0]
    assert cells(municipal)[1:] == [["Gemeente Gooise Meren", "410*"], ["Gemeente Hilversum", "720*"],
                                    ["Gemeente Huizen", "onbekend"]]  # fmt: skip
    percentages = table_starting(document, "Periode")[1]
    assert [row[0] for row in cells(percentages)[1:]] == ["1e halfjaar 2019", "2e halfjaar 2019", "1e halfjaar 2020",
                                                          "2e halfjaar 2020", "1e halfjaar 2021"]  # fmt: skip
    assert cells(percentages)[3][6] == "coronajaar" and cells(percentages)[5][6] == "voorlopig"
    # A percentage moves in procentpunten: 24,5% -> 23,8% is -0,7 procentpunt, not "-0,7%" (a relative change).
    assert cells(percentages)[2][2:4] == ["-0,7 procentpunt", "-0,7 procentpunt"]
    assert cells(percentages)[3][2] == "+1,3 procentpunt"
    summary = table_starting(document, "Indicator")[0]
    assert cells(summary)[1] == ["Meldingen bij Veilig Thuis", "1.880* (2023, voorlopig)", "≥ 1.866,7 (tussenwaarde)",
                                 "op koers"]  # fmt: skip


def test_streefwaarden_after_the_last_measurement_come_with_the_chapter_data(tmp_path, chapter):
    """The chapter carries each indicator's targets: a later year's streefwaarde is in the text without any
    argument, and only because of the data (stripped of targets, it is not)."""
    document, _, _ = build(tmp_path, chapter)
    assert any("Streefwaarde voor 2025: 2.000." in p for p in texts(document))
    stripped = dataclasses.replace(chapter, sections=tuple(
        dataclasses.replace(s, indicators=tuple(dataclasses.replace(i, targets=()) for i in s.indicators))
        for s in chapter.sections))  # fmt: skip
    document, _, figures = build(tmp_path, stripped)
    assert figures == 2
    assert not any("Streefwaarde voor 2025" in p for p in texts(document))


def test_empty_chapter_and_left_out_confidential(tmp_path, session, sample):
    ind.update_indicator(session, sample["inwoners"], confidential=True)
    document, _, _ = build(tmp_path, ind.figures_chapter(session))
    assert "1 vertrouwelijke indicator is weggelaten." in texts(document)
    assert "Inwoners 18 jaar en ouder" not in str(texts(document))
    included, _, _ = build(tmp_path, ind.figures_chapter(session, include_confidential=True))
    assert "Vertrouwelijk" in texts(included)
    for indicator in (sample["meldingen"], sample["herhaald"], sample["inwoners"]):
        ind.delete_indicator(session, indicator)
    empty, _, figures = build(tmp_path, ind.figures_chapter(session))
    assert figures == 0 and "Er zijn (nog) geen indicatoren vastgelegd." in texts(empty)
    assert footnote_texts(empty) == {}


@pytest.mark.parametrize(
    "text",
    ['Bron met <xml> & "quotes"', "Regel\neen\ttwee", "\U0001f600 emoji en \u05e9\u05dc\u05d5\u05dd", "x" * 290],
)
def test_awkward_names_sources_and_definitions(tmp_path, session, sample, text):
    ind.update_indicator(session, sample["inwoners"], name=text.replace("\n", " ")[:300], source=text[:300],
                         definition=text)  # fmt: skip
    document, _, _ = build(tmp_path, ind.figures_chapter(session))
    assert len(footnote_texts(document)) == 3


def test_footnotes_continue_after_a_templates_own(tmp_path, session, chapter):
    """A house-style template that already has a footnotes part (with a note) keeps it; new notes follow it."""
    import docx

    from ghnt_desktop.exports.docx_footnotes import footnote_reference_xml

    base = docx.Document()
    writer = DocxWriter(base)
    writer.queue_xml(writer.para_xml("Tekst")[:-6] + footnote_reference_xml(writer.document, "Voetnoot van het sjabloon") + "</w:p>")
    writer.flush()
    template = tmp_path / "huisstijl.docx"
    base.save(str(template))
    reopened = docx.Document(str(template))  # python-docx holds the part as bytes now
    assert list(footnote_texts(reopened).values()) == ["Voetnoot van het sjabloon"]
    writer = DocxWriter(reopened)
    add_figures_chapter(writer, chapter)
    path = writer.finish(tmp_path / "uit.docx", title="t", author="a")
    assert list(footnote_texts(docx.Document(str(path))).values())[:2] == [
        "Voetnoot van het sjabloon",
        "Bron: CBS StatLine, tabel 84852NED.",
    ]


def test_actielijn_table_for_the_reports_own_chapters(tmp_path, session, sample):
    import docx

    writer = DocxWriter(open_template(None, "voortgang"))
    for group in ind.indicators_per_section(session, include_confidential=False):
        add_actielijn_indicators(writer, group.indicators, title=group.title)
    add_actielijn_indicators(writer, [], title="Specifieke groepen")
    document = docx.Document(str(writer.finish(tmp_path / "a.docx", title="t", author="a")))
    tables = [cells(t) for t in document.tables]
    assert tables[0][1] == ["Meldingen bij Veilig Thuis", "1.880* (2023), voorlopig", "1.866,7", "op koers"]
    assert [row[0] for row in tables[1][1:]] == ["Herhaald melden binnen een jaar"]  # linked to both lines
    assert "Geen indicatoren gekoppeld." in texts(document)


needs_libreoffice = pytest.mark.skipif(
    pdf.find_libreoffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice or poppler missing"
)


@needs_libreoffice
def test_libreoffice_renders_footnotes_and_charts(tmp_path, session, chapter):
    _, path, _ = build(tmp_path, chapter)
    out = pdf.convert_to_pdf(path, tmp_path / "cijfers.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bron: CBS StatLine, tabel 85361NED" in text
    assert "Figuur 2. Herhaald melden binnen een jaar" in text
    assert "1.880*" in text and "voorlopig" in text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("-0.7", IndicatorUnit.PERCENTAGE, "-0,7 procentpunt"),
        ("12.25", IndicatorUnit.PERCENTAGE, "+12,25 procentpunt"),
        ("0", IndicatorUnit.PERCENTAGE, "0 procentpunt"),
        ("1620", IndicatorUnit.COUNT, "+1.620"),
        ("-90", IndicatorUnit.COUNT, "-90"),
        ("0", IndicatorUnit.COUNT, "0"),
        ("-1200", IndicatorUnit.EUROS, "-€ 1.200"),
        ("3", IndicatorUnit.DAYS, "+3 dagen"),
    ],
)
def test_change_text_per_unit(value, unit, expected):
    assert ind.change_text(Decimal(value), unit) == expected


def test_the_chapter_of_a_programme_shows_its_own_and_unlinked_indicators(session, sample):
    """With several programmes, a report's chapter keeps the indicators linked to its actielijnen and the unlinked
    ones (the region's context); an indicator of another programme only is left out. A programme no indicator is
    linked to yet shows them all."""
    from ghnt_desktop.models import Programme, Section

    other = Programme(region="Gooi en Vechtstreek", title="Gemeentelijk plan")
    line = Section(programme=other, title="Eigen lijn", code="G", position=1)
    empty = Programme(region="Gooi en Vechtstreek", title="Volgende periode")
    session.add_all([other, line, empty])
    session.flush()
    theirs = ind.create_indicator(session, name="Alleen van het gemeentelijk plan", section_ids=[line.id]).id
    mine = sample["line1"].programme_id

    def names(programme_id):
        chapter = ind.figures_chapter(session, programme_id=programme_id)
        return {(s.title, i.name) for s in chapter.sections for i in s.indicators}

    assert names(mine) == {
        (f"1 {LINE_1}", "Meldingen bij Veilig Thuis"), (f"1 {LINE_1}", "Herhaald melden binnen een jaar"),
        (ind.UNLINKED_TITLE, "Inwoners 18 jaar en ouder"),
    }  # fmt: skip
    assert names(other.id) == {("G Eigen lijn", "Alleen van het gemeentelijk plan"),
                               (ind.UNLINKED_TITLE, "Inwoners 18 jaar en ouder")}  # fmt: skip
    assert {name for _title, name in names(empty.id)} == {
        "Meldingen bij Veilig Thuis", "Herhaald melden binnen een jaar", "Inwoners 18 jaar en ouder",
        "Alleen van het gemeentelijk plan",
    }  # fmt: skip
    # A vertrouwelijk indicator of another programme is not counted as left out of this one.
    ind.update_indicator(session, theirs, confidential=True)
    assert ind.figures_chapter(session, programme_id=mine).left_out_confidential == 0
    assert ind.figures_chapter(session, programme_id=other.id).left_out_confidential == 1


def test_an_indicator_measured_per_gemeente_only_says_so_in_the_summary(tmp_path, session, sample):
    only_local = ind.create_indicator(session, name="Huisverboden per gemeente", section_ids=[sample["line2"].id]).id
    ind.set_measurement(session, only_local, Period(2023), value="12", organisation_id=sample["gemeenten"][0].id)
    document, _, _ = build(tmp_path, ind.figures_chapter(session))
    rows = [row for table in table_starting(document, "Indicator") for row in cells(table)]
    assert ["Huisverboden per gemeente", "per gemeente (2023)", "", ""] in rows
