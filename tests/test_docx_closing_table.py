"""A document that ends with a table never ends with a blank page.

Every table is followed by an empty paragraph (two tables in a row would otherwise merge). When the table ends at
the foot of its last page, that paragraph alone used to make one more page with nothing but the header and the
footer on it (a verslag ending with its actielijst). Tables of every length around a page turn are rendered.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ghnt_desktop.exports.docx_common import W_NS, DocxWriter, open_template

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice")

# One-line rows (about 12 pt each) pushed down by 0-27 pt: every position of the table's end around the foot of the
# first page, 2 rows (24 pt) apart. Before the fix 14 of 32 such documents ended with a blank page.
ROWS = (47, 49, 51, 53)
SHIFTS = range(0, 30, 3)


def _document(rows: int, path, shift_pt: int = 0) -> None:
    writer = DocxWriter(open_template(None, "verslag"))
    if shift_pt:
        writer.queue_xml(
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{shift_pt * 20}" w:lineRule="exact"/></w:pPr></w:p>'
        )
    writer.heading("Actielijst")
    writer.table([("Nr", 1.0), ("Actie", 4.0), ("Status", 1.0)],
                 [(f"A{i:02}", f"Rij {i} van de actielijst", "Loopt") for i in range(1, rows + 1)])  # fmt: skip
    writer.finish(path, title="Actielijst", author="Test")


def test_the_closing_spacer_is_one_point_high(tmp_path) -> None:
    import docx

    _document(5, tmp_path / "kort.docx")
    body = docx.Document(str(tmp_path / "kort.docx")).element.body
    content = [e for e in body if e.tag != f"{{{W_NS}}}sectPr"]
    assert content[-2].tag == f"{{{W_NS}}}tbl"
    spacing = content[-1].find(f"{{{W_NS}}}pPr/{{{W_NS}}}spacing")
    assert spacing is not None and spacing.get(f"{{{W_NS}}}lineRule") == "exact"
    assert int(spacing.get(f"{{{W_NS}}}line")) <= 2


def test_no_table_length_leaves_a_blank_last_page(tmp_path) -> None:
    cases = [(n, shift) for n in ROWS for shift in SHIFTS]
    paths = [tmp_path / f"tabel-{n}-{shift}.docx" for n, shift in cases]
    for (n, shift), path in zip(cases, paths, strict=True):
        _document(n, path, shift)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), *map(str, paths)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    page_counts = set()
    for (n, shift), path in zip(cases, paths, strict=True):
        text = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"],
                              check=True, capture_output=True, text=True).stdout  # fmt: skip
        pages = [p for p in text.split("\f") if p.strip()]
        page_counts.add(len(pages))
        assert f"Rij {n} van de actielijst" in pages[-1], f"{n} rows {shift} pt down: a blank last page"
    assert page_counts == {1, 2}, "the rows must cross a page turn for this test to mean anything"
