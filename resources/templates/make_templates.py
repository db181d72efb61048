"""Generate the default Dutch Word templates of GHNT Desktop, one per document kind.

Run from the repository root: ``.venv/bin/python resources/templates/make_templates.py``. The results
(``agenda.docx``, ``verslag.docx``, ...) are committed; users replace them with their organisation's
own ``.docx`` (styles, header and footer, logo) per document kind.

Each template: A4 (the programme table landscape), margins of 2 cm, Calibri 10 pt in Dutch (nl-NL),
Word's built-in heading styles (their ids stay ``Heading1``..., Word shows them as "Kop 1" in Dutch),
table text styles, a header line and "Pagina X van Y" in the footer.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

from ghnt_desktop.exports.docx_common import KIND_TITLES, W_NS, DocxWriter  # noqa: E402

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x59, 0x59, 0x59)


def _language(document) -> None:
    """Dutch spelling check and hyphenation for everything typed in the document."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "nl-NL")
    lang.set(qn("w:eastAsia"), "en-US")
    lang.set(qn("w:bidi"), "ar-SA")


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    writer = DocxWriter(document)
    for name in ("Tabeltekst", "Tabelkop", "toc 1", "toc 2", "toc 3", "Caption", "TOC Heading"):
        writer.style_id(name)
    for level, size in ((1, 15), (2, 12.5), (3, 11)):
        style = document.styles[f"Heading {level}"]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(14 - 3 * level)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    title = document.styles["Title"]
    title.font.name = "Calibri"
    title.font.size = Pt(20)
    title.font.color.rgb = ACCENT
    title.font.bold = True
    # python-docx's default Title has a bottom border that looks dated; a plain title reads better.
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    subtitle = document.styles["Subtitle"]
    subtitle.font.name = "Calibri"
    subtitle.font.size = Pt(13)
    subtitle.font.italic = False
    subtitle.font.color.rgb = GREY
    caption = document.styles["Caption"]
    caption.font.size = Pt(9)
    caption.font.italic = True
    caption.font.color.rgb = GREY
    table_text = document.styles["Tabeltekst"]
    table_text.font.size = Pt(9)
    table_text.paragraph_format.line_spacing = 1.0


def _page(document, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = Cm(2.2)
    section.bottom_margin = Cm(2.0)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)


def _header_footer(document, kind: str) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = ""
    run = header.add_run("Geweld hoort nergens thuis")
    run.font.size = Pt(8)
    run.font.color.rgb = GREY
    run.add_tab()
    run2 = header.add_run(KIND_TITLES[kind])
    run2.font.size = Pt(8)
    run2.font.color.rgb = GREY
    # The built-in Header style has Letter-size tab stops; one right tab at the margin replaces them.
    document.styles["Header"].paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(
        section.page_width - section.left_margin - section.right_margin, WD_TAB_ALIGNMENT.RIGHT
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fields = parse_xml(
        f'<w:p xmlns:w="{W_NS}"><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">Pagina </w:t></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
        '<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve"> van </w:t></w:r>'
        '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
        "</w:p>"
    )
    for element in list(fields):
        footer._p.append(element)


def make_template(kind: str, target: Path) -> None:
    document = Document()
    _language(document)
    _styles(document)
    _page(document, landscape=kind == "programma")
    _header_footer(document, kind)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = document.core_properties
    props.title = f"Sjabloon {KIND_TITLES[kind].lower()}"
    props.author = "GHNT Desktop"
    props.language = "nl-NL"
    props.comments = "Standaardsjabloon van GHNT Desktop; vervang het door de huisstijl van uw organisatie."
    document.save(target)


def main() -> None:
    for kind in KIND_TITLES:
        make_template(kind, HERE / f"{kind}.docx")
        print(f"{kind}.docx")


if __name__ == "__main__":
    main()
