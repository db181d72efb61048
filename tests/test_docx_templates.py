"""Word house-style templates: a corpus of damaged, odd and hostile templates through the Word exports.

Every template of the corpus is a mutation of one valid house-style template (styles, numbering, a
header with the organisation's name and logo, a footer, body text, a picture and a comment that must
not reach an export): parts removed, garbage or truncated XML in each part, strange roots, bad and
external relationships, page sizes and margins that cannot be, macro-enabled and template content
types, fields that fetch local files, and files that are no Word template at all.

Each template is checked once (``template_problem``) and run through one Word export kind on the demo
database (the kinds in turn), the representative ones through all six. The rules: no traceback, a
refused template says in Dutch what is wrong and what to do and leaves an earlier file untouched, a
written document opens again and carries nothing of the template's outside links, macros or body.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import docx_template
from ghnt_desktop.exports.docx_common import DocxWriter, ExportError, TemplateError, default_template, open_template
from ghnt_desktop.exports.docx_template import template_problem
from ghnt_desktop.exports.jobs import EXPECTED_ERRORS, ExportRequest, run_export
from ghnt_desktop.models import Meeting

TODAY = date(2020, 11, 1)
KINDS = ("agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang")
MARKER = "HUISSTIJL GEMEENTE TESTDORP"
BODY_TEXT = "Voorbeeldtekst uit het sjabloon"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Every refusal names a next step the user can take.
NEXT_STEPS = ("laat het veld leeg", "Kies", "Open het", "Sla ", "Stel ", "Verwijder", "Vraag")
PREVIOUS = b"het vorige bestand"


def png(color: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 20), color).save(out, "PNG")
    return out.getvalue()


def build_base() -> dict[str, bytes]:
    """A valid house-style template as {part name: bytes}: the shipped agenda template with a marked
    header holding a logo, body text, a body picture and a comment."""
    document = docx.Document(default_template("agenda"))
    header = document.sections[0].header
    header.paragraphs[0].add_run(MARKER)
    header.paragraphs[0].add_run().add_picture(io.BytesIO(png("navy")), width=docx.shared.Cm(3))
    document.add_paragraph(BODY_TEXT)
    document.add_paragraph().add_run().add_picture(io.BytesIO(png("red")), width=docx.shared.Cm(3))
    commented = document.add_paragraph("Opmerking")
    document.add_comment(commented.runs, text="Interne opmerking over de huisstijl", author="Ontwerper")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


BASE = build_base()
BASE_PARTS = tuple(BASE)


def pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in parts.items():
            archive.writestr(name, payload)
    return out.getvalue()


def edited(parts: dict[str, bytes], name: str, old: str, new: str, count: int = 1) -> dict[str, bytes]:
    """A copy of ``parts`` with ``old`` replaced in part ``name``; the mutation must really happen."""
    text = parts[name].decode("utf-8")
    assert old in text, f"{old!r} not in {name}: the mutation would do nothing"
    return {**parts, name: text.replace(old, new, count).encode("utf-8")}


def with_rel(parts: dict[str, bytes], rels: str, rid: str, rel_type: str, target: str, external: bool = True):
    """``parts`` with one more relationship in the relationships part ``rels`` (created when missing)."""
    mode = ' TargetMode="External"' if external else ""
    entry = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/>'
    if rels not in parts:
        xmlns = "http://schemas.openxmlformats.org/package/2006/relationships"
        return {**parts, rels: f'<?xml version="1.0"?><Relationships xmlns="{xmlns}">{entry}</Relationships>'.encode()}
    return edited(parts, rels, "</Relationships>", entry + "</Relationships>")


def in_header(parts: dict[str, bytes], xml: str) -> dict[str, bytes]:
    """``parts`` with ``xml`` added as paragraph content at the end of the header's paragraph."""
    return edited(parts, "word/header1.xml", "</w:p></w:hdr>", xml + "</w:p></w:hdr>")


def in_settings(parts: dict[str, bytes], xml: str) -> dict[str, bytes]:
    text = parts["word/settings.xml"].decode()
    start = text.index(">", text.index("<w:settings")) + 1
    return {**parts, "word/settings.xml": (text[:start] + xml + text[start:]).encode()}


def set_content_type(parts: dict[str, bytes], part: str, content_type: str) -> dict[str, bytes]:
    text = parts["[Content_Types].xml"].decode()
    text, count = re.subn(rf'(PartName="/{re.escape(part)}" ContentType=")[^"]*', rf"\g<1>{content_type}", text)
    assert count == 1, part
    return {**parts, "[Content_Types].xml": text.encode()}


def add_override(parts: dict[str, bytes], part: str, content_type: str) -> dict[str, bytes]:
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    return edited(parts, "[Content_Types].xml", "</Types>", override + "</Types>")


def macro_enabled(parts: dict[str, bytes], main_type: str) -> dict[str, bytes]:
    parts = set_content_type(parts, "word/document.xml", main_type)
    parts = add_override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    parts = add_override(parts, "word/vbaData.xml", "application/vnd.ms-word.vbaData+xml")
    parts = {**parts, "word/vbaProject.bin": b'\xd0\xcf\x11\xe0 Attribute VB_Name = "AutoOpen"' * 20}
    parts["word/vbaData.xml"] = f'<?xml version="1.0"?><wne:vbaSuppData xmlns:wne="{W}"/>'.encode()
    parts = with_rel(parts, "word/_rels/document.xml.rels", "rId90",
                     "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin",
                     external=False)  # fmt: skip
    return with_rel(parts, "word/_rels/vbaProject.bin.rels", "rId1",
                    "http://schemas.microsoft.com/office/2006/relationships/wordVbaData", "vbaData.xml",
                    external=False)  # fmt: skip


def remove_styles(parts: dict[str, bytes], keep: Callable[[str], bool]) -> dict[str, bytes]:
    root = etree.fromstring(parts["word/styles.xml"])
    styles = root.findall(f"{{{W}}}style")
    gone = [style for style in styles if not keep(style.get(f"{{{W}}}styleId") or "")]
    assert gone
    for style in gone:
        root.remove(style)
    return {**parts, "word/styles.xml": etree.tostring(root, xml_declaration=True, encoding="UTF-8")}


def two_sections(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The header and footer belong to a first (cover) section; the last section inherits them."""
    text = parts["word/document.xml"].decode()
    refs = re.search(r"<w:headerReference[^>]*/><w:footerReference[^>]*/>", text)
    assert refs
    text = text.replace(refs.group(0), "")
    cover = f'<w:p><w:pPr><w:sectPr>{refs.group(0)}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>'
    text = text.replace("<w:body>", "<w:body>" + cover, 1)
    return {**parts, "word/document.xml": text.encode()}


def bad_crc(parts: dict[str, bytes]) -> bytes:
    data = bytearray(pack(parts))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle : middle + 8] = bytes(b ^ 0x5A for b in data[middle : middle + 8])
    return bytes(data)


def ole(*streams: str) -> bytes:
    """The start of a compound file (the old Office container) naming ``streams`` in its directory."""
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for name in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names + b"\0" * 512


def xlsx_bytes() -> bytes:
    import openpyxl

    out = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Actielijst"
    workbook.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    refused: str | None = None  # a word the Dutch refusal must contain; None: the export works
    header: bool = True  # an export keeps the template's marked header
    suffix: str = ".docx"


# Parts that carry the house style: damaged, they refuse the template. Anything else is dropped.
HOUSE_STYLE = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
               "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/theme/theme1.xml",
               "word/header1.xml", "word/_rels/header1.xml.rels", "word/footer1.xml"}  # fmt: skip
GARBAGE = b"<?xml version='1.0'?><w:hdr><w:p>kapot & onaf"


def part_cases() -> list[Case]:
    cases = []
    for part in BASE_PARTS:
        house = part in HOUSE_STYLE
        binary = part.endswith((".png", ".jpeg"))

        def removed(part=part):
            return pack({k: v for k, v in BASE.items() if k != part})

        def garbage(part=part):
            return pack({**BASE, part: GARBAGE})

        def truncated(part=part):
            return pack({**BASE, part: BASE[part][: len(BASE[part]) // 2]})

        def strange_root(part=part):
            return pack({**BASE, part: b"<?xml version='1.0'?><vreemd xmlns='urn:x'><iets/></vreemd>"})

        # Without document.xml.rels the header reference dangles; without the header's rels only the logo goes.
        removal_refused = house and part != "word/_rels/header1.xml.rels"
        broken = None if binary or not house else "beschadigd"
        if part == "[Content_Types].xml":
            broken = "geen geldig Word-document|beschadigd"
        cases += [
            Case(f"removed {part}", removed, ("geen geldig Word-document|beschadigd" if removal_refused else None),
                 header=part not in ("word/header1.xml",)),
            Case(f"garbage {part}", garbage, broken),
            Case(f"truncated {part}", truncated, broken),
            Case(f"strange root {part}", strange_root, broken),
        ]  # fmt: skip
    return cases


def case(name: str, build: Callable[[], bytes | dict], refused: str | None = None, **kw) -> Case:
    def make() -> bytes:
        result = build()
        return pack(result) if isinstance(result, dict) else result

    return Case(name, make, refused, **kw)


HYPERLINK = f"{RT}hyperlink"
IMAGE = f"{RT}image"
LINKED_PICTURE = (
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<wp:extent cx="100" cy="100"/><wp:docPr id="7" name="logo"/><a:graphic '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="7" '
    'name="logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip {attrs}/></pic:blipFill><pic:spPr/>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)


def other_cases() -> list[Case]:
    doc, doc_rels = "word/document.xml", "word/_rels/document.xml.rels"
    hdr_rels, settings_rels = "word/_rels/header1.xml.rels", "word/_rels/settings.xml.rels"
    sect = '<w:pgSz w:w="11906" w:h="16838"/>'
    margins = '<w:pgMar w:top="1247" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567"'
    attached = f'<w:attachedTemplate xmlns:r="{R}" r:id="rId90"/>'
    return [
        case("valid", lambda: BASE),
        # Files that are no Word template at all.
        case("empty file", lambda: b"", "leeg"),
        case("text renamed", lambda: b"Dit is de huisstijl.\n", "geen geldig Word-document"),
        case("pdf renamed", lambda: b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        case("rtf renamed", lambda: b"{\\rtf1\\ansi\\deff0 Huisstijl}", "RTF"),
        case("html renamed", lambda: b"<html><body>Huisstijl</body></html>", "geen geldig Word-document"),
        case("xlsx renamed", xlsx_bytes, "Excel"),
        case("encrypted docx", lambda: ole("EncryptionInfo", "EncryptedPackage"), "wachtwoord"),
        case("old doc", lambda: ole("WordDocument", "1Table"), "oud Word-bestand"),
        case("zip without parts list", lambda: pack({"word/document.xml": BASE[doc]}), "lijst met onderdelen"),
        case("zip of photos", lambda: pack({"foto.png": png("green")}), "geen geldig Word-document"),
        case("broken zip", lambda: pack(BASE)[:5000], "geen geldig Word-document|beschadigd"),
        case("bad crc in styles", lambda: bad_crc(BASE), "beschadigd"),
        case("too many parts", lambda: {**BASE, **{f"customXml/x{i}.xml": b"<a/>" for i in range(2100)}},
             "te veel onderdelen"),  # fmt: skip
        # Content types: templates and macro-enabled files are accepted, without their macros.
        case("dotx", lambda: set_content_type(BASE, doc, CT_MAIN.replace("document.main", "template.main")),
             suffix=".dotx"),  # fmt: skip
        case("docm", lambda: macro_enabled(BASE, "application/vnd.ms-word.document.macroEnabled.main+xml"),
             suffix=".docm"),  # fmt: skip
        case("dotm", lambda: macro_enabled(BASE, "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
             suffix=".dotm"),  # fmt: skip
        case("docm named docx", lambda: macro_enabled(BASE, "application/vnd.ms-word.document.macroEnabled.main+xml")),
        case("unknown main type", lambda: set_content_type(BASE, doc, "application/x-onbekend"),
             "geen geldig Word-document"),  # fmt: skip
        case("spreadsheet main type", lambda: set_content_type(
            BASE, doc, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"), "Excel"),
        case("header without content type", lambda: edited(
            BASE, "[Content_Types].xml",
            '<Override PartName="/word/header1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>', "")),
        case("styles with wrong content type", lambda: set_content_type(BASE, "word/styles.xml", "application/xml")),
        # External relationships: dropped with what points at them.
        case("attachedTemplate on a server", lambda: with_rel(in_settings(BASE, attached), settings_rels, "rId90",
             f"{RT}attachedTemplate", "file:///\\\\server\\sjablonen\\Normal.dotm")),
        case("attachedTemplate on the web", lambda: with_rel(in_settings(BASE, attached), settings_rels, "rId90",
             f"{RT}attachedTemplate", "https://intranet.example.org/sjablonen/huisstijl.dotm")),
        case("mail merge data source", lambda: with_rel(in_settings(
            BASE, f'<w:mailMerge xmlns:r="{R}"><w:mainDocumentType w:val="formLetters"/>'
            '<w:dataType w:val="native"/><w:dataSource r:id="rId91"/></w:mailMerge>'),
            settings_rels, "rId91", f"{RT}mailMergeSource", "file:///C:/Users/secretaris/adressen.xlsx")),
        case("header hyperlink to a local file", lambda: with_rel(in_header(
            BASE, '<w:hyperlink r:id="rId90"><w:r><w:t>intranet</w:t></w:r></w:hyperlink>'),
            hdr_rels, "rId90", HYPERLINK, "file:///C:/Users/secretaris/intranet.html")),
        case("header hyperlink to a share", lambda: with_rel(in_header(
            BASE, '<w:hyperlink r:id="rId90"><w:r><w:t>map</w:t></w:r></w:hyperlink>'),
            hdr_rels, "rId90", HYPERLINK, "\\\\server\\afdeling\\GHNT")),
        case("header hyperlink to the web", lambda: with_rel(in_header(
            BASE, '<w:hyperlink r:id="rId90"><w:r><w:t>website</w:t></w:r></w:hyperlink>'),
            hdr_rels, "rId90", HYPERLINK, "https://www.example.org/")),
        case("header linked picture", lambda: with_rel(in_header(
            BASE, LINKED_PICTURE.format(attrs='r:link="rId90"')), hdr_rels, "rId90", IMAGE,
            "file:///C:/Logo/logo.png")),
        case("header embedded and linked picture", lambda: with_rel(in_header(
            BASE, LINKED_PICTURE.format(attrs='r:embed="rId1" r:link="rId90"')), hdr_rels, "rId90", IMAGE,
            "http://www.example.org/logo.png")),
        case("header VML picture on a share", lambda: with_rel(in_header(
            BASE, '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:10pt;height:10pt">'
            '<v:imagedata r:id="rId90" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape>'
            "</w:pict></w:r>"), hdr_rels, "rId90", IMAGE, "\\\\server\\logo.png")),
        case("body hyperlink and subdocument", lambda: with_rel(with_rel(edited(
            BASE, doc, "<w:body>", '<w:body><w:p><w:hyperlink r:id="rId90"><w:r><w:t>x</w:t></w:r></w:hyperlink>'
            '</w:p><w:subDoc r:id="rId91"/>'), doc_rels, "rId90", HYPERLINK, "file:///C:/geheim.docx"),
            doc_rels, "rId91", f"{RT}subDocument", "file:///C:/hoofdstuk2.docx")),
        case("external thumbnail", lambda: with_rel(BASE, "_rels/.rels", "rId90",
             "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
             "http://www.example.org/thumb.jpeg")),
        case("internal rel with a URL", lambda: with_rel(in_header(
            BASE, '<w:hyperlink r:id="rId90"><w:r><w:t>x</w:t></w:r></w:hyperlink>'), hdr_rels, "rId90",
            HYPERLINK, "https://www.example.org/", external=False)),
        case("rel outside the package", lambda: with_rel(in_header(
            BASE, LINKED_PICTURE.format(attrs='r:embed="rId90"')), hdr_rels, "rId90", IMAGE,
            "../../../../etc/passwd", external=False)),
        case("relationship id twice", lambda: with_rel(BASE, hdr_rels, "rId1", IMAGE, "../customXml/item1.xml",
             external=False)),
        case("rel to the parts list", lambda: with_rel(BASE, doc_rels, "rId90", f"{RT}customXml",
             "../[Content_Types].xml", external=False)),
        case("rel to a relationships part", lambda: with_rel(BASE, doc_rels, "rId90", f"{RT}customXml",
             "_rels/document.xml.rels", external=False)),
        case("customXml with an external link", lambda: with_rel(BASE, "customXml/_rels/item1.xml.rels", "rId90",
             HYPERLINK, "file:///C:/data.xml")),
        # Dangling and missing relationships.
        case("header picture rel missing", lambda: edited(BASE, hdr_rels, 'Id="rId1"', 'Id="rId77"')),
        case("header reference unknown", lambda: edited(BASE, doc, 'w:type="default" r:id="rId9"',
             'w:type="default" r:id="rId99"'), "koptekst"),  # fmt: skip
        case("header rel to missing part", lambda: edited(BASE, doc_rels, 'Target="header1.xml"',
             'Target="header9.xml"'), "koptekst"),  # fmt: skip
        case("rel without target", lambda: edited(BASE, doc_rels, 'Target="header1.xml"', ""), "beschadigd"),
        case("styles rel to missing part", lambda: edited(BASE, doc_rels, 'Target="styles.xml"',
             'Target="stijlen.xml"'), "opmaakprofielen"),  # fmt: skip
        case("numbering rel to missing part", lambda: edited(BASE, doc_rels, 'Target="numbering.xml"',
             'Target="nummering.xml"'), "nummering"),  # fmt: skip
        case("strict open xml", lambda: edited(BASE, "_rels/.rels", f"{RT}officeDocument",
             "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"), "Strikt Open XML"),
        case("no officeDocument rel", lambda: edited(BASE, "_rels/.rels", "relationships/officeDocument",
             "relationships/iets"), "hoofdtekst"),  # fmt: skip
        # Fields that fetch files or run macros when Word updates them.
        case("INCLUDEPICTURE field", lambda: in_header(
            BASE, '<w:fldSimple w:instr=\' INCLUDEPICTURE "C:\\\\Logo\\\\logo.png" \\d \'><w:r><w:t>logo</w:t>'
            "</w:r></w:fldSimple>")),
        case("INCLUDETEXT complex field", lambda: in_header(
            BASE, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
            'INCLUDETEXT "\\\\\\\\server\\\\tekst.docx" </w:instrText></w:r><w:r><w:fldChar '
            'w:fldCharType="separate"/></w:r><w:r><w:t>tekst</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')),
        case("MACROBUTTON field", lambda: in_header(
            BASE, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MACROBUTTON AutoOpen Klik'
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')),
        # Page geometry.
        case("zero page size", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="0" w:h="0"/>'), "paginabreedte"),
        case("zero page height", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="11906" w:h="0"/>'), "paginahoogte"),
        case("negative page size", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="-11906" w:h="16838"/>'),
             "paginabreedte"),  # fmt: skip
        case("garbage page size", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="A4" w:h="staand"/>'),
             "geen getallen"),  # fmt: skip
        case("huge page size", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="9999999" w:h="16838"/>'),
             "paginabreedte"),  # fmt: skip
        case("nan page size", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="NaN" w:h="16838"/>'), "geen getallen"),
        case("page size without values", lambda: edited(BASE, doc, sect, "<w:pgSz/>")),
        case("no page size", lambda: edited(BASE, doc, sect, "")),
        case("page size in cm", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="21cm" w:h="29.7cm"/>')),
        case("page size with decimals", lambda: edited(BASE, doc, sect, '<w:pgSz w:w="11906.4" w:h="16838.0"/>')),
        case("huge side margins", lambda: edited(BASE, doc, margins, margins.replace('w:left="1134"',
             'w:left="11000"')), "marge"),  # fmt: skip
        case("huge top margin", lambda: edited(BASE, doc, margins, margins.replace('w:top="1247"',
             'w:top="16000"')), "marge"),  # fmt: skip
        case("negative left margin", lambda: edited(BASE, doc, margins, margins.replace('w:left="1134"',
             'w:left="-500"')), "negatief"),  # fmt: skip
        case("negative top margin", lambda: edited(BASE, doc, margins, margins.replace('w:top="1247"',
             'w:top="-1247"'))),  # fmt: skip
        case("garbage margins", lambda: edited(BASE, doc, margins, margins.replace('w:right="1134"',
             'w:right="ruim"')), "geen getallen"),  # fmt: skip
        case("header beyond the page", lambda: edited(BASE, doc, margins, margins.replace('w:header="567"',
             'w:header="99999"')), "kop- of voettekst"),  # fmt: skip
        case("no section", lambda: edited(BASE, doc, re.search(r"<w:sectPr.*</w:sectPr>",
             BASE[doc].decode()).group(0), ""), header=False),  # fmt: skip
        case("header in a cover section", lambda: two_sections(BASE)),
        case("no body", lambda: {**BASE, doc: re.sub(rb"<w:body>.*</w:body>", b"", BASE[doc], flags=re.S)},
             "hoofdtekst"),  # fmt: skip
        # Styles.
        case("no heading styles", lambda: remove_styles(BASE, lambda sid: not sid.startswith("Heading"))),
        case("only Normal", lambda: remove_styles(BASE, lambda sid: sid == "Normal")),
        case("no styles at all", lambda: remove_styles(BASE, lambda sid: False)),
        case("heading as character style", lambda: edited(BASE, "word/styles.xml",
             'w:type="paragraph" w:styleId="Heading1"', 'w:type="character" w:styleId="Heading1"')),
        case("style without id", lambda: edited(BASE, "word/styles.xml", 'w:styleId="Heading2"', "")),
        case("no numbering at all", lambda: edited({k: v for k, v in BASE.items() if k != "word/numbering.xml"},
             doc_rels, re.search(r'<Relationship Id="rId\d+" Type="[^"]*numbering" Target="numbering.xml"/>',
             BASE[doc_rels].decode()).group(0), "")),  # fmt: skip
    ]  # fmt: skip


CORPUS = part_cases() + other_cases()
# One of each way a usable template gets changed: as it is, macros removed, an external link removed, a
# picture removed, a field flattened, a section added, styles added, a header carried over.
REPRESENTATIVE = ("valid", "docm", "attachedTemplate on a server", "header linked picture",
                  "INCLUDETEXT complex field", "no section", "no heading styles",
                  "header in a cover section")  # fmt: skip


def test_corpus_is_big_and_meaningful():
    assert len(CORPUS) >= 100
    assert len({c.name for c in CORPUS}) == len(CORPUS)
    assert sum(c.refused is None for c in CORPUS) >= 30 and sum(c.refused is not None for c in CORPUS) >= 30
    assert set(REPRESENTATIVE) <= {c.name for c in CORPUS}


# --------------------------------------------------------------------------------------------------
# Running it
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture(scope="module")
def demo_db(demo_file: Path, tmp_path_factory):
    path = tmp_path_factory.mktemp("templates") / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path, read_only=True, create=False)
    yield database
    database.close()


@pytest.fixture(scope="module")
def meeting_id(demo_db):
    with demo_db.session() as session:
        return session.scalars(select(Meeting.id).where(Meeting.date <= TODAY).order_by(Meeting.date.desc())).first()


def request_for(kind: str, out: Path, template: Path, meeting_id) -> ExportRequest:
    meeting = meeting_id if kind in ("agenda", "verslag") else None
    return ExportRequest(kind, out, format="docx", meeting_id=meeting, template=template, today=TODAY)


def assert_dutch_with_next_step(message: str, template: Path) -> None:
    assert template.name in message, message
    assert any(step in message for step in NEXT_STEPS), message
    assert not re.search(r"Traceback|Error|Exception|\bNone\b|\bthe\b|\bfile\b", message), message


def assert_clean_output(path: Path, expect_header: bool) -> None:
    """The written document opens and holds nothing of the template's outside links, macros or body."""
    document = docx.Document(path)  # opens again
    assert document.paragraphs
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert not [n for n in names if "vba" in n.lower()], names
        types = archive.read("[Content_Types].xml").decode()
        assert f'PartName="/word/document.xml" ContentType="{CT_MAIN}"' in types
        assert "macroEnabled" not in types and "vbaProject" not in types
        for name in names:
            if name.endswith(".rels"):
                rels = archive.read(name).decode()
                assert "External" not in rels and "file:" not in rels and "example.org" not in rels, name
            elif name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8", "replace")
                for word in ("attachedTemplate", "INCLUDEPICTURE", "INCLUDETEXT", "MACROBUTTON", "mailMerge",
                             BODY_TEXT, "Interne opmerking"):  # fmt: skip
                    assert word not in xml, (name, word)
    for section in document.sections:  # every picture left in a header is a picture
        part = section.header.part
        for rid in section.header._element.xpath(".//a:blip/@r:embed"):
            assert part.rels[rid].reltype == IMAGE and part.rels[rid].target_part.content_type.startswith("image/")
    headers = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert (MARKER in headers) == expect_header, headers


@pytest.mark.parametrize("number", range(len(CORPUS)), ids=[c.name for c in CORPUS])
def test_template_corpus(number, demo_db, meeting_id, tmp_path):
    case_ = CORPUS[number]
    template = tmp_path / f"huisstijl{case_.suffix}"
    template.write_bytes(case_.build())
    problem = template_problem(template)  # checked once, as the dialog does when the template is picked
    kind = KINDS[number % len(KINDS)]
    out = tmp_path / "uit" / f"{kind}.docx"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    if case_.refused is not None:
        assert problem and re.search(case_.refused, problem), problem
        assert_dutch_with_next_step(problem, template)
        with pytest.raises(TemplateError) as raised:
            run_export(demo_db, request_for(kind, out, template, meeting_id))
        assert str(raised.value) == problem
        assert out.read_bytes() == PREVIOUS  # the earlier file is kept
    else:
        assert problem == "", problem
        outcome = run_export(demo_db, request_for(kind, out, template, meeting_id))
        assert outcome.path == out
        assert_clean_output(out, case_.header)
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary file left


@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_representative_templates_in_every_kind(name, demo_db, meeting_id, tmp_path):
    case_ = next(c for c in CORPUS if c.name == name)
    template = tmp_path / f"huisstijl{case_.suffix}"
    template.write_bytes(case_.build())
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        run_export(demo_db, request_for(kind, out, template, meeting_id))
        assert_clean_output(out, case_.header)


def test_command_line_says_opgeslagen_only_for_a_good_document(demo_db, tmp_path, capsys):
    from ghnt_desktop.cli import main

    for case_ in [c for c in CORPUS if c.name in ("valid", "garbage word/header1.xml", "zero page size",
                                                    "encrypted docx", "docm")]:  # fmt: skip
        template = tmp_path / f"huisstijl{case_.suffix}"
        template.write_bytes(case_.build())
        out = tmp_path / "actielijst.docx"
        out.unlink(missing_ok=True)
        args = ["export", "actielijst", "--db", str(demo_db.path), "--out", str(out), "--template", str(template)]
        code = main(args)
        printed = capsys.readouterr().out
        assert "Traceback" not in printed
        if case_.refused is None:
            assert code == 0 and "Opgeslagen" in printed, printed
            docx.Document(out)
        else:
            assert code == 2 and "Opgeslagen" not in printed and not out.exists(), printed
            assert printed.startswith("Fout: Het sjabloon huisstijl")


# --------------------------------------------------------------------------------------------------
# Limits and the check after saving
# --------------------------------------------------------------------------------------------------


def test_huge_template_is_refused_before_reading(tmp_path):
    template = tmp_path / "groot.docx"
    with template.open("wb") as handle:
        handle.write(pack(BASE))
        handle.truncate(docx_template.MAX_TEMPLATE_BYTES + 1)  # a sparse file: big on paper only
    problem = template_problem(template)
    assert "te groot (25 MB" in problem and "Verwijder grote afbeeldingen" in problem


def test_zip_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_template, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    template = tmp_path / "bom.docx"
    template.write_bytes(pack({**BASE, "customXml/vulling.xml": b"<a>" + b" " * 3 * 1024 * 1024 + b"</a>"}))
    assert len(template.read_bytes()) < 100_000
    assert "uitgepakt te groot" in template_problem(template)


def test_unreadable_and_missing_templates(tmp_path):
    assert "bestaat niet" in template_problem(tmp_path / "weg.docx")
    assert "is een map" in template_problem(tmp_path)


def test_a_document_that_does_not_open_again_is_not_saved(tmp_path):
    """A dangling reference in the written XML (what a damaged template could bring) is caught after
    saving: the export fails in Dutch, the earlier file stays and no temporary file is left."""
    out = tmp_path / "verslag.docx"
    out.write_bytes(PREVIOUS)
    writer = DocxWriter(open_template(None, "verslag"))
    writer.paragraph("Tekst")
    writer.append_xml(f'<w:p xmlns:r="{R}"><w:hyperlink r:id="rId999"><w:r><w:t>weg</w:t></w:r></w:hyperlink></w:p>')
    with pytest.raises(ExportError) as raised:
        writer.finish(out, title="Verslag", author="Test")
    message = str(raised.value)
    assert "verslag.docx is niet opgeslagen" in message and "laat het veld leeg" in message
    assert isinstance(raised.value, EXPECTED_ERRORS)
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda parts: {**parts, "word/styles.xml": b"<kapot"},
        lambda parts: {k: v for k, v in parts.items() if k != "word/header1.xml"},
        lambda parts: {k: v for k, v in parts.items() if k != "[Content_Types].xml"},
        lambda parts: edited(
            parts,
            "word/_rels/header1.xml.rels",
            'Target="media/image1.png"',
            'Target="file:///C:/logo.png" TargetMode="External"',
        ),  # fmt: skip
    ],
    ids=["garbage styles", "missing header", "no content types", "external relationship"],
)
def test_written_problem_finds_damage(damage, tmp_path):
    good = tmp_path / "goed.docx"
    good.write_bytes(pack(BASE))
    assert docx_template.written_problem(good) == ""
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(pack(damage(dict(BASE))))
    assert docx_template.written_problem(bad) != ""


def test_shipped_templates_need_no_cleaning():
    for kind in KINDS:
        path = default_template(kind)
        assert path is not None
        _cleaned, removed = docx_template._clean_package(docx_template._read_package(path.read_bytes(), path.name))
        assert removed == [], (kind, removed)
        assert template_problem(path) == ""


def test_a_template_changed_on_disk_is_checked_again(tmp_path):
    template = tmp_path / "huisstijl.docx"
    template.write_bytes(pack(BASE))
    assert template_problem(template) == ""
    assert template_problem(template) == ""  # from the cache of cleaned templates
    template.write_bytes(pack({**BASE, "word/styles.xml": GARBAGE}))
    assert "opmaakprofielen" in template_problem(template)


# --------------------------------------------------------------------------------------------------
# Random damage: whatever happens to a part, a Dutch refusal or a document that opens
# --------------------------------------------------------------------------------------------------

XML_PARTS = tuple(name for name in BASE_PARTS if name.endswith((".xml", ".rels")))


@st.composite
def damaged_templates(draw) -> bytes:
    parts = dict(BASE)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(XML_PARTS))
        data = bytearray(parts[name])
        operation = draw(st.sampled_from(["flip", "cut", "insert", "swap tags", "drop attribute"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "flip":
            data[at] = draw(st.integers(0, 255))
        elif operation == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif operation == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"<",
                        b">",
                        b"&",
                        b'"',
                        b"\x00",
                        b"<w:p>",
                        b"</w:hdr>",
                        b'r:id="rId404"',
                        b"\xff\xfe",
                        b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
                    ]
                )
            )
        elif operation == "swap tags":
            data = bytearray(bytes(data).replace(b"w:p>", b"w:tbl>", draw(st.integers(1, 5))))
        else:
            data = bytearray(re.sub(rb'\s[\w:]+="[^"]*"', b"", bytes(data), count=draw(st.integers(1, 20))))
        parts[name] = bytes(data)
    return pack(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=damaged_templates())
def test_random_damage_is_refused_in_dutch_or_gives_a_document_that_opens(data, tmp_path):
    template = tmp_path / "huisstijl.docx"
    template.write_bytes(data)
    out = tmp_path / "uit.docx"
    out.write_bytes(PREVIOUS)
    try:
        writer = DocxWriter(open_template(template, "besluitenlijst"))
        writer.title("Besluitenlijst")
        writer.heading("Overleg")
        writer.table([("Nr", 1), ("Besluit", 4)], [["1", "Vastgesteld"], ["2", "Aangenomen"]])
        writer.finish(out, title="Besluitenlijst", author="Test")
    except ExportError as exc:  # TemplateError included
        assert_dutch_with_next_step(str(exc), template if isinstance(exc, TemplateError) else out)
        assert out.read_bytes() == PREVIOUS
    else:
        assert docx_template.written_problem(out) == ""
        assert docx.Document(out).paragraphs
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"huisstijl.docx", "uit.docx"})


def _house_style(path, *, lang: str = "en-US", heading_name: str = "Kop 1", font: str = "Georgia"):
    """A house-style template made elsewhere: English language, a Dutch-named heading style in its own font."""
    import docx as _docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn as _qn

    document = _docx.Document()
    styles = document.styles
    for lang_element in styles.element.iter(_qn("w:lang")):
        lang_element.set(_qn("w:val"), lang)
    for builtin in ("Heading 1", "Heading 2", "Title", "Subtitle"):
        try:
            styles.element.remove(styles[builtin].element)
        except KeyError:
            pass
    heading = styles.add_style(heading_name, WD_STYLE_TYPE.PARAGRAPH)
    heading.element.set(_qn("w:styleId"), heading_name.replace(" ", ""))
    heading.font.name = font
    outline = OxmlElement("w:outlineLvl")
    outline.set(_qn("w:val"), "0")
    heading.element.get_or_add_pPr().append(outline)
    normal = styles["Normal"]
    normal.font.name = "Verdana"
    r_pr = normal.element.get_or_add_rPr()
    lang_element = OxmlElement("w:lang")
    lang_element.set(_qn("w:val"), lang)
    r_pr.append(lang_element)
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("lang", "heading_name"),
    [("en-US", "Kop 1"), ("de-DE", "Kop 1"), ("en-GB", "Überschrift 1"), ("fr-FR", "Kop 1")],
)
def test_house_style_is_dutch_and_keeps_its_heading_style(tmp_path, lang, heading_name):
    """Whatever language the template says, the document is nl-NL (defaults, styles, settings); the headings
    use the template's own heading style (named "Kop 1", or found by its outline level) and so its font."""
    import docx as _docx
    from docx.oxml.ns import qn as _qn

    from ghnt_desktop.exports.docx_common import DocxWriter, open_template

    template = _house_style(tmp_path / "huisstijl.docx", lang=lang, heading_name=heading_name)
    writer = DocxWriter(open_template(template, "agenda"))
    writer.title("Uitnodiging en agenda", "Afstemmingsoverleg")
    writer.heading("Agenda", 1)
    writer.paragraph("Tekst")
    out = writer.finish(tmp_path / "uit.docx", title="t", author="a")
    document = _docx.Document(out)
    styles = document.styles.element
    langs = [e.get(_qn("w:val")) for e in styles.iter(_qn("w:lang"))]
    assert langs and set(langs) == {"nl-NL"}
    default = styles.find(f"{_qn('w:docDefaults')}/{_qn('w:rPrDefault')}/{_qn('w:rPr')}/{_qn('w:lang')}")
    assert default is not None and default.get(_qn("w:val")) == "nl-NL"
    heading = next(p for p in document.paragraphs if p.text == "Agenda")
    assert heading.style.style_id == heading_name.replace(" ", "")
    assert heading.style.font.name == "Georgia"
    assert document.core_properties.language == "nl-NL"
