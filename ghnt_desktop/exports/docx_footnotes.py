"""Real Word footnotes (voetnoten) for the documents the DocxWriter builds.

python-docx has no footnote API, so this works at the package level: the footnotes part
(``word/footnotes.xml``, related to the main document part) is taken from the template when it has one, or
added with the two separator notes Word expects; a note is a ``<w:footnote w:id="n">`` in that part, and the text
refers to it with a run holding ``<w:footnoteReference w:id="n"/>``. Word and LibreOffice number the notes
themselves, in the order of the references, and put each at the foot of the page where it is referred to.

A template's own footnotes part is loaded by python-docx as an opaque part (bytes): it is replaced by an XML part
with the same name and content, so notes can be added to it; ids continue after the highest one it holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .docx_common import clean
from .docx_errors import W_NS

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import XmlPart

    from .docx_common import DocxWriter

RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_TEXT_STYLE = "footnote text"  # Word's built-in name; the Dutch UI shows "Voetnoottekst"

_EMPTY_PART = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
_FOOTNOTE = f"{{{W_NS}}}footnote"
_ID = f"{{{W_NS}}}id"
# The reference mark is superscript by direct formatting: a template without Word's "footnote reference"
# character style still shows a raised number.
_SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def footnotes_part(document: Document) -> XmlPart:
    """The document's footnotes part as an XML part, added (or made editable) on first use."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    main = document.part
    for rel in main.rels.values():
        if rel.reltype != RT_FOOTNOTES or rel.is_external:
            continue
        target = rel.target_part
        if isinstance(target, XmlPart):
            return target
        # The template's part, loaded as bytes: the same part name and content, now as XML.
        editable = XmlPart(target.partname, target.content_type, parse_xml(target.blob), target.package)
        for child_rel in target.rels.values():  # a footnote may hold a hyperlink or a picture
            editable.rels.add_relationship(
                child_rel.reltype,
                child_rel.target_ref if child_rel.is_external else child_rel.target_part,
                child_rel.rId,
                child_rel.is_external,
            )
        rel._target = editable
        return editable
    part = XmlPart(PackURI("/word/footnotes.xml"), CT_FOOTNOTES, parse_xml(_EMPTY_PART), main.package)
    main.relate_to(part, RT_FOOTNOTES)
    return part


def _footnote_style_id(writer: DocxWriter) -> str:
    """The id of the footnote text style, added (9 pt, no space after) when the template lacks it."""
    styles = writer.document.styles
    try:
        style_id: str = styles[FOOTNOTE_TEXT_STYLE].style_id
        return style_id
    except KeyError:
        pass
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = styles.add_style(FOOTNOTE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), "FootnoteText")
    try:
        style.base_style = styles["Normal"]
    except KeyError:
        pass
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return "FootnoteText"


def add_footnote(writer: DocxWriter, text: str) -> str:
    """Add a footnote with ``text`` and return the run XML that refers to it, to put at the end of a paragraph
    written with ``writer`` (``writer.para_xml(...)`` with the run inserted before ``</w:p>``)."""
    from docx.oxml import parse_xml

    from .docx_common import run_xml

    root: Any = footnotes_part(writer.document).element
    ids = [int(value) for value in (note.get(_ID) or "" for note in root if note.tag == _FOOTNOTE) if _is_int(value)]
    note_id = max([0, *ids]) + 1
    style = _footnote_style_id(writer)
    note = (
        f'<w:footnote xmlns:w="{W_NS}" w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        f"<w:r>{_SUPERSCRIPT}<w:footnoteRef/></w:r>{run_xml(' ' + ' '.join(clean(text).split()))}</w:p></w:footnote>"
    )
    root.append(parse_xml(note))
    return f'<w:r>{_SUPERSCRIPT}<w:footnoteReference w:id="{note_id}"/></w:r>'


def footnote_texts(document: Document) -> list[str]:
    """The texts of the document's own footnotes (separators left out), in id order: for tests and checks."""
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == RT_FOOTNOTES and not rel.is_external:
            target = rel.target_part
            root: Any = target.element if isinstance(target, XmlPart) else parse_xml(target.blob)
            notes = sorted(
                (int(n.get(_ID)), "".join(t.text or "" for t in n.iter(f"{{{W_NS}}}t")).strip())
                for n in root
                if n.tag == _FOOTNOTE and n.get(f"{{{W_NS}}}type") is None and _is_int(n.get(_ID) or "")
            )
            return [text for _, text in notes]
    return []


def _is_int(value: str) -> bool:
    return value.lstrip("-").isdigit()
