"""Real Word footnotes (``exports/docx_footnotes.py``): the part, its numbering, templates that already have
one, hostile texts, and LibreOffice showing them at the foot of the page."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from ghnt_desktop.exports.docx_common import open_template
from ghnt_desktop.exports.docx_errors import W_NS
from ghnt_desktop.exports.docx_footnotes import add_footnote, footnote_reference_xml, footnote_texts
from ghnt_desktop.exports.docx_template import written_problem

W = f"{{{W_NS}}}"


def _references(document) -> list[int]:
    return [int(r.get(f"{W}id")) for r in document.element.body.iter(f"{W}footnoteReference")]


def test_footnotes_are_numbered_in_order_and_survive_saving(tmp_path):
    document = open_template(None, "voortgang")
    ids = [add_footnote(document.add_paragraph(f"Zin {n}"), f"https://example.org/{n}") for n in range(3)]
    assert ids == [1, 2, 3]
    out = tmp_path / "noten.docx"
    document.save(out)
    assert written_problem(out) == ""
    reopened = docx.Document(out)
    assert footnote_texts(reopened) == {1: "https://example.org/0", 2: "https://example.org/1", 3: "https://example.org/2"}
    assert _references(reopened) == [1, 2, 3]
    with zipfile.ZipFile(out) as archive:
        types = archive.read("[Content_Types].xml").decode()
        settings_xml = archive.read("word/settings.xml")
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    # Word's separators are in the part and the settings point at them.
    assert etree.fromstring(settings_xml).find(f"{W}footnotePr") is not None


def test_a_template_that_has_footnotes_keeps_them_and_numbering_goes_on(tmp_path):
    first = open_template(None, "voortgang")
    add_footnote(first.add_paragraph("Een"), "bron een")
    template = tmp_path / "huisstijl.docx"
    first.save(template)
    # Reopened, python-docx holds the part as bytes: the helper must extend those and write them back.
    document = docx.Document(template)
    assert add_footnote(document.add_paragraph("Twee"), "bron twee") == 2
    out = tmp_path / "uit.docx"
    document.save(out)
    assert footnote_texts(docx.Document(out)) == {1: "bron een", 2: "bron twee"}
    assert written_problem(out) == ""


def test_the_xml_path_gives_a_run_that_points_at_the_note(tmp_path):
    document = open_template(None, "voortgang")
    run = footnote_reference_xml(document, "Bron")
    assert 'w:footnoteReference w:id="1"' in run
    assert footnote_texts(document) == {1: "Bron"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200))
def test_any_text_a_user_types_gives_a_valid_part(tmp_path, text):
    document = open_template(None, "voortgang")
    add_footnote(document.add_paragraph("Zin"), text)
    out = tmp_path / "h.docx"
    document.save(out)
    assert written_problem(out) == ""
    texts = footnote_texts(docx.Document(out))
    assert list(texts) == [1]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_libreoffice_shows_the_footnote_at_the_foot_of_the_page(tmp_path):
    document = open_template(None, "voortgang")
    add_footnote(document.add_paragraph("Handle with Care is een werkwijze."), "https://www.augeo.nl/handle-with-care")
    out = tmp_path / "noot.docx"
    document.save(out)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
    ).stdout
    body, found, _ = text.partition("https://www.augeo.nl/handle-with-care")
    assert found, "the footnote text is not on the page"
    assert "werkwijze.1" in body.replace(" ", "")  # the mark right after the sentence, before the note
