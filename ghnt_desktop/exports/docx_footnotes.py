"""Real Word footnotes (``word/footnotes.xml``), which python-docx has no API for.

Two ways in, sharing one footnotes part per document:

- ``add_footnote(paragraph, text)``: for code that holds a python-docx ``Paragraph`` (the figures chapter);
  appends the footnote mark at the end of the paragraph and returns the footnote's number.
- ``footnote_reference_xml(document, text)``: for code that writes paragraph XML as strings
  (``DocxWriter.queue_xml``); registers the footnote and returns the ``<w:r>`` of its mark to put where the
  text cites the source.

The part is created on first use (with the separator footnotes Word itself writes, ids -1 and 0, and the
``w:footnotePr`` in the settings that points at them), or extended when the user's template already has
one; a template's part python-docx loaded as a plain blob is parsed, extended and written back. The
"footnote text" and "footnote reference" styles are taken from the template, or added when it lacks them,
so footnotes follow the house style. Footnote texts are plain text: a source URL is not made a hyperlink,
because a hyperlink needs an external relationship, which the written-document check refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from .docx_errors import W_NS

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

__all__ = ["add_footnote", "footnote_count", "footnote_reference_xml", "footnote_texts"]

_W = f"{{{W_NS}}}"
_PARTNAME = "/word/footnotes.xml"
_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

# What Word writes in a new document's footnotes part: the separator line above the footnotes, and the
# longer one above footnotes continued from the previous page.
_EMPTY_PART = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)

# (style name as Word stores it, style id, type): looked up by name, because a Dutch template keeps the
# English built-in names in styles.xml whatever ids it uses.
_TEXT_STYLE = ("footnote text", "FootnoteText", "paragraph")
_REFERENCE_STYLE = ("footnote reference", "FootnoteReference", "character")

# The children of <w:settings> that the schema puts after <w:footnotePr>.
_SETTINGS_AFTER_FOOTNOTE_PR = tuple(
    f"w:{name}"
    for name in (
        "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
        "decimalSymbol", "listSeparator",
    )  # fmt: skip
)


def _clean(text: str) -> str:
    from .docx_common import clean, one_line

    return one_line(clean(text))


def _style_id(document: Document, spec: tuple[str, str, str]) -> str:
    """The id of the footnote style ``spec`` in ``document``, added with Word's look when missing."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Pt

    name, style_id, kind = spec
    styles_element = document.styles.element
    for style in styles_element.findall(qn("w:style")):
        if style.get(qn("w:type")) != kind:
            continue
        name_element = style.find(qn("w:name"))
        if name_element is not None and (name_element.get(qn("w:val")) or "").casefold() == name:
            found: str = style.get(qn("w:styleId")) or style_id
            return found
    style_type = WD_STYLE_TYPE.PARAGRAPH if kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
    added = document.styles.add_style(name, style_type)
    added.element.set(qn("w:styleId"), style_id)
    added.hidden = False
    if kind == "paragraph":
        try:
            added.base_style = document.styles["Normal"]
        except KeyError:
            pass
        added.font.size = Pt(8)
        added.paragraph_format.space_after = Pt(0)
        added.paragraph_format.space_before = Pt(0)
    else:
        added.font.superscript = True
    return style_id


def _settings_point_at_separators(document: Document) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    element = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    settings.insert_element_before(element, *_SETTINGS_AFTER_FOOTNOTE_PR)


class _Footnotes:
    """The footnotes part's root element, and how to keep the part in step after changing it."""

    def __init__(self, document: Document) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        self._blob_part: Any = None
        main = document.part
        part = next((rel.target_part for rel in main.rels.values() if rel.reltype == _RELTYPE and not rel.is_external),
                    None)  # fmt: skip
        if part is None:
            root = parse_xml(_EMPTY_PART)
            part = XmlPart(PackURI(_PARTNAME), _CONTENT_TYPE, root, main.package)
            main.relate_to(part, _RELTYPE)
            _settings_point_at_separators(document)
        if isinstance(part, XmlPart):
            self.root: BaseOxmlElement = part.element
        else:  # a template's part that python-docx loaded as bytes: changed as XML, written back as bytes
            self.root = parse_xml(part.blob)
            self._blob_part = part

    def ids(self) -> list[int]:
        result = []
        for note in self.root.findall(f"{_W}footnote"):
            try:
                result.append(int(note.get(f"{_W}id") or 0))
            except ValueError:
                continue
        return result

    def append(self, xml: str) -> None:
        from docx.oxml import parse_xml
        from lxml import etree

        self.root.append(parse_xml(xml))
        if self._blob_part is not None:
            self._blob_part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _register(document: Document, text: str) -> int:
    """Add a footnote holding ``text`` to the document's footnotes part; returns its id."""
    footnotes = _Footnotes(document)
    note_id = max([0, *footnotes.ids()]) + 1
    text_style = _style_id(document, _TEXT_STYLE)
    reference_style = _style_id(document, _REFERENCE_STYLE)
    footnotes.append(
        f'<w:footnote xmlns:w="{W_NS}" w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{reference_style}"/><w:vertAlign w:val="superscript"/></w:rPr>'
        "<w:footnoteRef/></w:r>"
        f'<w:r><w:t xml:space="preserve"> {escape(_clean(text))}</w:t></w:r></w:p></w:footnote>'
    )
    return note_id


def footnote_reference_xml(document: Document, text: str) -> str:
    """Register a footnote with ``text`` and return the ``<w:r>`` of its mark (prefix-free, for a writer that
    builds paragraph XML with the ``w`` namespace declared around it)."""
    note_id = _register(document, text)
    style = _style_id(document, _REFERENCE_STYLE)
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{style}"/><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def add_footnote(paragraph: Paragraph, text: str) -> int:
    """Put a footnote with ``text`` (a source, a remark) at the end of ``paragraph``; returns its id, which
    is also the number Word and LibreOffice show while footnotes are added in reading order."""
    from docx.oxml import parse_xml

    document: Document = paragraph.part.document  # type: ignore[attr-defined]  # a body paragraph: DocumentPart
    run = parse_xml(f'<w:body xmlns:w="{W_NS}">{footnote_reference_xml(document, text)}</w:body>')[0]
    paragraph._p.append(run)
    note_id = int(run.find(f"{_W}footnoteReference").get(f"{_W}id"))
    return note_id


def footnote_texts(document: Document) -> dict[int, str]:
    """The text of each real footnote (not the separators) by id: for tests and checks."""
    footnotes = _Footnotes(document) if _has_part(document) else None
    if footnotes is None:
        return {}
    result = {}
    for note in footnotes.root.findall(f"{_W}footnote"):
        if note.get(f"{_W}type") not in (None, "normal"):
            continue
        text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
        result[int(note.get(f"{_W}id") or 0)] = text
    return result


def footnote_count(document: Document) -> int:
    return len(footnote_texts(document))


def _has_part(document: Document) -> bool:
    return any(rel.reltype == _RELTYPE and not rel.is_external for rel in document.part.rels.values())
