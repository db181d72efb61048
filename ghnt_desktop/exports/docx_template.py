"""Word house-style templates: checked and cleaned before an export builds on one, and the written
document checked before the export reports success.

A template is the organisation's own .docx (or .dotx, .docm, .dotm): its styles, margins, header and
footer (logo) and numbering become those of every export. ``load_template`` reads it and

1. refuses, with a Dutch message that says what is wrong and what to do, what cannot be a Word
   template: a missing, empty, huge or unreadable file, a password-protected (encrypted) file, an old
   .doc, a PDF or RTF or Excel file renamed to .docx, a broken zip, a damaged part that carries the
   house style (document, styles, numbering, settings, theme, a header or footer), a relationship to a
   part that is not there, or a page size or margins that cannot be right (zero, garbage, larger than
   Word allows, margins wider than the page);
2. cleans what must never reach an export: macros (vbaProject and friends, so a .docm template gives a
   plain .docx), external relationships (an attachedTemplate on a server, linked pictures, hyperlinks to
   file:// or web addresses, mail-merge data sources) together with the elements that point at them,
   and damaged parts that carry nothing of the house style (thumbnail, app properties, custom XML,
   web settings, the font table), which are dropped;
3. opens what is left with python-docx and fills in what a valid template may lack (a section).

``check_written`` reads a saved document again (every part, every relationship, every XML part parsed)
so a broken result is never reported as saved.
"""

from __future__ import annotations

import hashlib
import io
import logging
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from lxml import etree

from .docx_errors import W_NS, ExportError, TemplateError

if TYPE_CHECKING:
    from docx.document import Document

# An lxml element: lxml ships no type information (see [tool.mypy] in pyproject.toml).
XmlElement = Any

# Limits: a house-style template is a few hundred kB; a logo makes it a few MB at most.
MAX_TEMPLATE_BYTES = 25 * 1024 * 1024
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_PARTS = 2000

# Word accepts pages from 0.1 to 22 inch; below 5 cm an export's tables have no room.
TWIPS_PER_INCH = 1440
MIN_PAGE_TWIPS = round(5 / 2.54 * TWIPS_PER_INCH)
MAX_PAGE_TWIPS = 22 * TWIPS_PER_INCH
MIN_TEXT_TWIPS = round(3 / 2.54 * TWIPS_PER_INCH)  # at least 3 cm between the margins
A4_TWIPS = (11906, 16838)
DEFAULT_MARGIN_TWIPS = 1418  # 2.5 cm

NEXT_STEP = "Kies een andere huisstijl of laat het veld leeg voor de standaardopmaak."
RESAVE = (
    "Open het sjabloon in Word en sla het opnieuw op als .docx, of kies een andere huisstijl of laat het veld "
    "leeg voor de standaardopmaak."
)

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

CT_DOCUMENT = _CT + "document.main+xml"
# "Strict Open XML" (a choice in Word's Save As) names everything differently; python-docx cannot read it.
STRICT_PREFIX = "http://purl.oclc.org/ooxml/"
MAIN_CONTENT_TYPES = {
    CT_DOCUMENT: "docx",
    _CT + "template.main+xml": "dotx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
}
OTHER_OFFICE = {
    "spreadsheetml": "een Excel-bestand",
    "ms-excel": "een Excel-bestand",
    "presentationml": "een PowerPoint-presentatie",
    "ms-powerpoint": "een PowerPoint-presentatie",
}
# Parts that only macro-enabled documents have; never copied into an export.
MACRO_CONTENT_TYPES = {
    "application/vnd.ms-office.vbaproject",
    "application/vnd.ms-word.vbadata+xml",
    "application/vnd.ms-word.keymapcustomizations+xml",
    "application/vnd.ms-word.attachedtoolbars",
    "application/vnd.ms-office.activex+xml",
    "application/vnd.ms-office.activex",
}

# The parts that carry the house style, by relationship type: damaged ones refuse the template (with
# the Dutch name shown), anything else damaged is dropped. The content type each must have, and its root.
_W = f"{{{W_NS}}}"
ESSENTIAL = {
    _RT + "officeDocument": ("de hoofdtekst", CT_DOCUMENT, _W + "document"),
    _RT + "styles": ("de opmaakprofielen", _CT + "styles+xml", _W + "styles"),
    _RT + "numbering": ("de nummering", _CT + "numbering+xml", _W + "numbering"),
    _RT + "settings": ("de documentinstellingen", _CT + "settings+xml", _W + "settings"),
    _RT + "header": ("een koptekst", _CT + "header+xml", _W + "hdr"),
    _RT + "footer": ("een voettekst", _CT + "footer+xml", _W + "ftr"),
    _RT + "footnotes": ("de voetnoten", _CT + "footnotes+xml", _W + "footnotes"),
    _RT + "endnotes": ("de eindnoten", _CT + "endnotes+xml", _W + "endnotes"),
    _RT + "theme": ("het thema", "application/vnd.openxmlformats-officedocument.theme+xml", f"{{{A_NS}}}theme"),
}
# Parts outside the house style that python-docx reads: one with a strange root is dropped like a damaged one.
_READ_ROOTS = {
    content_type.lower(): root
    for content_type, root in {
    "application/vnd.openxmlformats-package.core-properties+xml":
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties",
    _CT + "comments+xml": _W + "comments",
    _CT + "fontTable+xml": _W + "fonts",
    _CT + "webSettings+xml": _W + "webSettings",
    "application/vnd.ms-word.stylesWithEffects+xml": _W + "styles",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}datastoreItem",
    }.items()
}  # fmt: skip
# Elements that mean nothing without the relationship they point at: removed with it.
_DROP_WITH_REL = {_W + "attachedTemplate", _W + "subDoc", _W + "altChunk", _W + "headerReference",
                  _W + "footerReference", _W + "control"}  # fmt: skip
_MAIL_MERGE_PARTS = {_W + "dataSource", _W + "headerSource", _W + "recipientData"}
_HYPERLINKS = {_W + "hyperlink", f"{{{A_NS}}}hlinkClick", f"{{{A_NS}}}hlinkHover", f"{{{A_NS}}}hlinkMouseOver"}
_PICTURE_HOLDERS = {_W + "drawing", _W + "pict", _W + "object"}
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} kB"


# --------------------------------------------------------------------------------------------------
# The package: parts, content types, relationships
# --------------------------------------------------------------------------------------------------


@dataclass
class _Rel:
    rid: str
    type: str
    target: str  # the part name it points at (internal) or the raw target (external)
    external: bool


@dataclass
class _Package:
    """An OPC package read into memory: part name (no leading slash) -> bytes."""

    parts: dict[str, bytes]
    defaults: dict[str, str] = field(default_factory=dict)  # extension (lower case) -> content type
    overrides: dict[str, str] = field(default_factory=dict)  # part name (lower case) -> content type
    names: dict[str, str] = field(default_factory=dict)  # part name (lower case) -> part name

    def content_type(self, name: str) -> str:
        override = self.overrides.get(name.lower())
        if override is not None:
            return override
        return self.defaults.get(_extension(name), "")

    def find(self, name: str) -> str | None:
        """The stored name of part ``name`` (OPC part names are case-insensitive)."""
        return self.names.get(name.lower())


def _extension(name: str) -> str:
    """The extension a content-type Default matches: ``rels`` for ``_rels/.rels`` too."""
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def _rels_name(source: str) -> str:
    """The relationships part of ``source`` ("" is the package itself)."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _source_of(rels_name: str) -> str | None:
    folder, base = posixpath.split(rels_name)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _parse(data: bytes) -> XmlElement:
    """An XML part's root; raises ``etree.XMLSyntaxError`` (or ValueError) when it is not XML."""
    return etree.fromstring(data, _XML_PARSER)


def _is_xml_part(name: str, content_type: str) -> bool:
    return name.endswith((".xml", ".rels")) or content_type.endswith("xml")


def _read_rels(package: _Package, source: str, data: bytes) -> list[_Rel]:
    root = _parse(data)
    if root.tag != f"{{{PR_NS}}}Relationships":
        raise ValueError("no Relationships root")
    rels = []
    base = posixpath.dirname(source)
    for element in root:
        if element.tag != f"{{{PR_NS}}}Relationship":
            continue
        rid, rel_type, target = element.get("Id"), element.get("Type"), element.get("Target")
        if not rid or not rel_type or target is None:
            raise ValueError("relationship without Id, Type or Target")
        external = (element.get("TargetMode") or "").lower() == "external"
        if not external:
            # Some writers put an absolute URL in an internal relationship: external all the same.
            if "://" in target or target.lower().startswith(("file:", "mailto:", "\\\\")):
                external = True
            else:
                path = unquote(target.split("#", 1)[0])
                target = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
        rels.append(_Rel(rid, rel_type, target, external))
    return rels


def _read_package(data: bytes, what: str) -> _Package:
    """Unpack ``data``; raises ``_Problem`` for anything that is not a readable OPC package."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _Problem("not_zip") from exc
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_PARTS:
            raise _Problem("too_many", f"{len(infos)} onderdelen")
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            raise _Problem("too_big_unpacked", _mb(unpacked))
        if any(info.flag_bits & 0x1 for info in infos):
            raise _Problem("encrypted")
        parts: dict[str, bytes] = {}
        for info in infos:
            try:
                payload = archive.read(info)
            except Exception as exc:  # noqa: BLE001 - a bad CRC, zlib.error, an unknown compression: all damage
                raise _Problem("damaged_zip", info.filename) from exc
            parts[info.filename.lstrip("/")] = payload
    package = _Package(parts)
    package.names = {name.lower(): name for name in parts}
    types = parts.get("[Content_Types].xml")
    if types is None:
        raise _Problem("no_content_types", what)
    try:
        root = _parse(types)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _Problem("damaged", "de lijst met onderdelen ([Content_Types].xml) is geen geldige XML") from exc
    _read_content_types(package, root)
    return package


def _read_content_types(package: _Package, root: XmlElement) -> None:
    """The Defaults (by extension) and Overrides (by part) of ``[Content_Types].xml`` into ``package``."""
    for element in root:
        if element.tag == f"{{{CT_NS}}}Default" and element.get("Extension") and element.get("ContentType"):
            package.defaults[element.get("Extension").lower()] = element.get("ContentType")
        elif element.tag == f"{{{CT_NS}}}Override" and element.get("PartName") and element.get("ContentType"):
            package.overrides[unquote(element.get("PartName")).lstrip("/").lower()] = element.get("ContentType")


class _Problem(Exception):
    """Why a package cannot be used: a code and a detail, turned into Dutch by ``_message``."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def _template_message(name: str, problem: _Problem) -> str:
    detail = problem.detail
    messages = {
        "not_zip": f"Het sjabloon {name} is geen geldig Word-document (.docx of .dotx). {NEXT_STEP}",
        "no_content_types": f"Het sjabloon {name} is geen geldig Word-document (.docx of .dotx): het is wel een "
        f"zip-bestand, maar er ontbreekt de lijst met onderdelen. {NEXT_STEP}",
        "no_document": f"Het sjabloon {name} is geen geldig Word-document (.docx of .dotx): de hoofdtekst "
        f"ontbreekt. {NEXT_STEP}",
        "other_office": f"Het sjabloon {name} is {detail}, geen Word-document. Kies een Word-bestand (.docx of .dotx) "
        "of laat het veld leeg voor de standaardopmaak.",
        "encrypted": f"Het sjabloon {name} is beveiligd met een wachtwoord (versleuteld) en kan daardoor niet als "
        "huisstijl dienen. Sla in Word een kopie op zonder wachtwoord en kies die, of laat het veld leeg voor "
        "de standaardopmaak.",
        "too_many": f"Het sjabloon {name} bestaat uit te veel onderdelen ({detail}) voor een huisstijl. {NEXT_STEP}",
        "too_big_unpacked": f"Het sjabloon {name} is uitgepakt te groot ({detail}; een huisstijl is meestal kleiner "
        f"dan 5 MB). Verwijder grote afbeeldingen uit het sjabloon. {NEXT_STEP}",
        "damaged_zip": f"Het sjabloon {name} is beschadigd: het onderdeel {detail} kan niet worden uitgepakt. {RESAVE}",
        "damaged": f"Het sjabloon {name} is beschadigd: {detail}. {RESAVE}",
        "strict": f"Het sjabloon {name} is opgeslagen als 'Strikt Open XML-document'. Open het in Word en sla het "
        "op als gewoon Word-document (.docx) of Word-sjabloon (.dotx), of laat het veld leeg voor de standaardopmaak.",
        "page": f"Het sjabloon {name} heeft een ongeldige pagina-instelling: {detail}. Stel in Word bij "
        f"Indeling een geldig papierformaat (bijvoorbeeld A4) en marges in en sla het sjabloon op, of laat het "
        "veld leeg voor de standaardopmaak.",
    }
    return messages.get(problem.code, f"Het sjabloon {name} kan niet worden gebruikt ({detail}). {NEXT_STEP}")


# --------------------------------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _sniff(name: str, data: bytes) -> None:
    """Refuse at once what is clearly no Word template, by its first bytes."""
    if not data:
        raise TemplateError(
            f"Het sjabloon {name} is geen geldig Word-document: het bestand is leeg (0 bytes). Kies het "
            "sjabloon opnieuw, of laat het veld leeg voor de standaardopmaak."
        )
    if data.startswith(_OLE_MAGIC):
        # An Office file in the old compound format: an encrypted .docx, or a Word 97-2003 .doc.
        if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
            raise TemplateError(_template_message(name, _Problem("encrypted")))
        if _utf16("WordDocument") in data:
            raise TemplateError(
                f"Het sjabloon {name} is een oud Word-bestand (.doc, Word 97-2003). Open het in Word en sla "
                "het op als Word-document (.docx) of Word-sjabloon (.dotx), of laat het veld leeg voor de "
                "standaardopmaak."
            )
        if _utf16("Workbook") in data or _utf16("PowerPoint Document") in data:
            kind = "een Excel-bestand" if _utf16("Workbook") in data else "een PowerPoint-presentatie"
            raise TemplateError(_template_message(name, _Problem("other_office", kind)))
        raise TemplateError(_template_message(name, _Problem("not_zip")))
    head = data[:16].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        raise TemplateError(
            f"Het sjabloon {name} is een PDF-bestand, geen Word-document. Kies het Word-bestand (.docx of "
            ".dotx) van de huisstijl, of laat het veld leeg voor de standaardopmaak."
        )
    if head.startswith(b"{\\rtf"):
        raise TemplateError(
            f"Het sjabloon {name} is een RTF-bestand, geen Word-document. Open het in Word en sla het op als "
            ".docx of .dotx, of laat het veld leeg voor de standaardopmaak."
        )
    if not data.startswith(b"PK"):
        raise TemplateError(_template_message(name, _Problem("not_zip")))


def _read_file(source: Path) -> bytes:
    name = source.name
    try:
        if not source.exists():
            raise TemplateError(
                f"Het sjabloon {name} bestaat niet (gezocht in {source.parent}). Kies het sjabloon opnieuw "
                "of laat het veld leeg voor de standaardopmaak."
            )
        if not source.is_file():
            raise TemplateError(f"Het sjabloon {name} is een map, geen Word-bestand. {NEXT_STEP}")
        size = source.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"Het sjabloon {name} is te groot ({_mb(size)}; een huisstijl is meestal kleiner dan 5 MB). "
                f"Verwijder grote afbeeldingen uit het sjabloon. {NEXT_STEP}"
            )
        return source.read_bytes()
    except TemplateError:
        raise
    except PermissionError as exc:
        raise TemplateError(
            f"Het sjabloon {name} kan niet worden gelezen: geen toegang ({exc.strerror or exc}). Vraag toegang "
            f"tot het bestand of kopieer het naar een eigen map. {NEXT_STEP}"
        ) from exc
    except OSError as exc:
        raise TemplateError(
            f"Het sjabloon {name} kan niet worden gelezen: {exc.strerror or exc}. Controleer of de schijf of "
            f"netwerkmap bereikbaar is. {NEXT_STEP}"
        ) from exc


# --------------------------------------------------------------------------------------------------
# Cleaning the package
# --------------------------------------------------------------------------------------------------


def _drop_references(root: XmlElement, dropped: set[str]) -> None:
    """Remove from a part's XML what points at a relationship that was dropped."""
    hits = [
        (element, attr)
        for element in _WITH_R_ATTRIBUTES(root)
        for attr, value in element.attrib.items()
        if value in dropped and attr.startswith(f"{{{R_NS}}}")
    ]
    for element, attr in hits:
        parent = element.getparent()
        if parent is None and element is not root:
            continue  # already removed (a mail merge holds two references)
        tag = element.tag
        if tag in _DROP_WITH_REL:
            if parent is not None:
                parent.remove(element)
            continue
        if tag in _MAIL_MERGE_PARTS:
            merge = element.getparent()
            while merge is not None and merge.tag != _W + "mailMerge":
                merge = merge.getparent()
            target = merge if merge is not None else element
            if target.getparent() is not None:
                target.getparent().remove(target)
            continue
        if tag in _HYPERLINKS or attr == f"{{{R_NS}}}link":
            element.attrib.pop(attr, None)
            if tag == f"{{{A_NS}}}blip" and f"{{{R_NS}}}embed" not in element.attrib:
                _remove_picture(element)
            continue
        if not _remove_picture(element):
            element.attrib.pop(attr, None)


def _remove_picture(element: XmlElement) -> bool:
    """Remove the drawing, VML picture or object around ``element``; False when there is none."""
    holder = element
    while holder is not None and holder.tag not in _PICTURE_HOLDERS:
        holder = holder.getparent()
    if holder is None or holder.getparent() is None:
        return False
    holder.getparent().remove(holder)
    return True


# Fields that fetch a file or address, or run a macro, when Word updates them (exports ask Word to
# update fields on opening, for the table of contents): flattened to the text they showed.
_OUTSIDE_FIELDS = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE",
                   "HYPERLINK", "MACROBUTTON", "AUTOTEXTLIST"}  # fmt: skip


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _neutralise_fields(root: XmlElement) -> bool:
    """Flatten fields that reach outside the document into their shown text; True when any was."""
    changed = False
    for simple in list(root.iter(_W + "fldSimple")):
        if _field_name(simple.get(_W + "instr", "")) in _OUTSIDE_FIELDS and simple.getparent() is not None:
            parent, index = simple.getparent(), simple.getparent().index(simple)
            for offset, child in enumerate(list(simple)):
                parent.insert(index + offset, child)
            parent.remove(simple)
            changed = True
    stack: list[dict[str, Any]] = []
    doomed = []
    for element in root.iter(_W + "fldChar", _W + "instrText"):
        if element.tag == _W + "instrText":
            if stack and stack[-1]["separate"] is None:
                stack[-1]["instr"].append(element)
            continue
        kind = element.get(_W + "fldCharType")
        if kind == "begin":
            stack.append({"begin": element, "instr": [], "separate": None})
        elif kind == "separate" and stack:
            stack[-1]["separate"] = element
        elif kind == "end" and stack:
            field_ = stack.pop()
            text = "".join(node.text or "" for node in field_["instr"])
            if _field_name(text) in _OUTSIDE_FIELDS:
                doomed += [field_["begin"], *field_["instr"], element]
                if field_["separate"] is not None:
                    doomed.append(field_["separate"])
    for element in doomed:
        if element.getparent() is not None:
            element.getparent().remove(element)
    return changed or bool(doomed)


# ``//@r:*`` is the fastest way we measured to find them (19 ms in a 4 MB document.xml; parsing it: 49 ms).
_R_ATTRIBUTES = etree.XPath("//@r:*", namespaces={"r": R_NS})
_WITH_R_ATTRIBUTES = etree.XPath("//*[@r:*]", namespaces={"r": R_NS})


def _referenced_ids(root: XmlElement) -> set[str]:
    """Every relationship id the XML of a part refers to (``r:id``, ``r:embed``, ``r:link`` ...)."""
    return {str(value) for value in _R_ATTRIBUTES(root)}


# Digests of XML parts that parsed when a template was cleaned: python-docx copies such parts into the
# document unchanged, so the check after saving need not parse them again (the 438 kB stylesWithEffects
# of the shipped templates cost 4 ms per export). Bounded; cleared when full.
_GOOD_XML: set[bytes] = set()
_GOOD_XML_MAX = 512


def _remember_good(payload: bytes) -> None:
    if len(_GOOD_XML) >= _GOOD_XML_MAX:
        _GOOD_XML.clear()
    _GOOD_XML.add(hashlib.blake2b(payload, digest_size=16).digest())


# Parts other than the main document that passed the check after saving, by digest and the relationship ids they
# could refer to: the template's styles.xml comes out the same in every export on it once its language is set
# (not as the template had it, so not in ``_GOOD_XML``), and parsing its 350 kB again was a third of the check.
_GOOD_WRITTEN: set[tuple[bytes, frozenset[str]]] = set()


def _serialise(root: XmlElement) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _clean_package(package: _Package) -> tuple[bytes, list[str]]:
    """The template as a clean .docx: macros, external links and damaged non-house-style parts removed.

    Raises ``_Problem`` for damage to what carries the house style. Returns the new package and what
    was removed (for the log and the tests).
    """
    parts = package.parts
    removed: list[str] = []
    package_rels_name = "_rels/.rels"
    if package_rels_name not in parts:
        raise _Problem("damaged", "de verwijzing naar de hoofdtekst (_rels/.rels) ontbreekt")
    try:
        package_rels = _read_rels(package, "", parts[package_rels_name])
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _Problem("damaged", "de verwijzing naar de hoofdtekst (_rels/.rels) is geen geldige XML") from exc
    main_rel = next((r for r in package_rels if r.type.endswith("/officeDocument") and not r.external), None)
    if main_rel is not None and main_rel.type.startswith(STRICT_PREFIX):
        raise _Problem("strict")
    if main_rel is None or main_rel.type != _RT + "officeDocument":
        raise _Problem("no_document")
    main = package.find(main_rel.target)
    if main is None:
        raise _Problem("no_document")
    main_type = package.content_type(main).lower()
    kind = next((v for k, v in MAIN_CONTENT_TYPES.items() if k.lower() == main_type), None)
    if kind is None:
        other = next((text for key, text in OTHER_OFFICE.items() if key in main_type), None)
        if other:
            raise _Problem("other_office", other)
        raise _Problem("not_zip")

    # Macro parts go, whatever points at them.
    for name in list(parts):
        if package.content_type(name).lower() in MACRO_CONTENT_TYPES or name.lower().endswith("vbaproject.bin"):
            del parts[name]
            removed.append(f"macro {name}")

    # Relationships of every part, and which parts they make essential.
    rels_of: dict[str, list[_Rel]] = {"": package_rels}
    essential: dict[str, tuple[str, str, str]] = {main: ESSENTIAL[_RT + "officeDocument"]}
    broken_rels: set[str] = set()
    for name in list(parts):
        source = _source_of(name)
        if source is None or name == package_rels_name:
            continue
        if source not in parts and package.find(source) is None:
            del parts[name]  # relationships of a part that is not there
            continue
        try:
            rels_of[package.find(source) or source] = _read_rels(package, source, parts[name])
        except (etree.XMLSyntaxError, ValueError):
            broken_rels.add(package.find(source) or source)
    for rel in rels_of.get(main, []):
        info = ESSENTIAL.get(rel.type)
        if info is None or rel.external:
            continue
        target = package.find(rel.target)
        if target is None or target not in parts:
            raise _Problem("damaged", f"het onderdeel {rel.target} ({info[0]}) ontbreekt")
        essential[target] = info
    for source in broken_rels:
        if source in essential:
            raise _Problem(
                "damaged", f"de verwijzingen van het onderdeel {source} ({essential[source][0]}) zijn geen geldige XML"
            )
        del parts[source]
        parts.pop(_rels_name(source), None)
        removed.append(f"damaged relationships {source}")

    # XML parts that do not parse: fatal when they carry the house style, else dropped.
    roots: dict[str, XmlElement] = {}
    for name in list(parts):
        if name == "[Content_Types].xml" or _source_of(name) is not None:
            continue
        if name not in essential and not _is_xml_part(name, package.content_type(name)):
            continue
        try:
            roots[name] = _parse(parts[name])
        except (etree.XMLSyntaxError, ValueError) as exc:
            if name in essential:
                raise _Problem("damaged", f"het onderdeel {name} ({essential[name][0]}) is geen geldige XML") from exc
            del parts[name]
            removed.append(f"damaged part {name}")
            continue
        expected_root = _READ_ROOTS.get(package.content_type(name).lower())
        if name not in essential and expected_root is not None and roots[name].tag != expected_root:
            del parts[name], roots[name]
            removed.append(f"strange part {name}")
    for name, (label, content_type, root_tag) in essential.items():
        if name not in parts:
            raise _Problem("damaged", f"het onderdeel {name} ({label}) ontbreekt")
        if roots[name].tag != root_tag:
            raise _Problem("damaged", f"het onderdeel {name} ({label}) heeft niet de inhoud die Word verwacht")
        if package.content_type(name).lower() != content_type.lower() and name != main:
            package.overrides[name.lower()] = content_type  # the right type for a well-formed part

    # Relationships: external ones go, and so do those to parts that are not (or no longer) there.
    rels_xml: dict[str, bytes] = {}
    external_ids: dict[str, set[str]] = {}
    for source, rels in rels_of.items():
        if source and source not in parts:
            continue
        kept, ids = [], set()
        for rel in rels:
            if rel.rid in ids:
                removed.append(f"second relationship {rel.rid} in {source or 'the package'}")
                continue  # Word refuses a relationship id given twice; python-docx would keep the last
            ids.add(rel.rid)
            if rel.external:
                external_ids.setdefault(source, set()).add(rel.rid)
                removed.append(f"external {rel.type.rsplit('/', 1)[-1]} {rel.target}")
                continue
            target = package.find(rel.target)
            if target == "[Content_Types].xml" or (target is not None and _source_of(target) is not None):
                target = None  # the package's own bookkeeping is no part: python-docx would write it twice
            if target is None or target not in parts:
                if source in essential and rel.type in (_RT + "header", _RT + "footer"):
                    raise _Problem("damaged", f"het onderdeel {rel.target} ({ESSENTIAL[rel.type][0]}) ontbreekt")
                removed.append(f"dangling {rel.type.rsplit('/', 1)[-1]} {rel.target}")
                continue
            rel.target = target
            kept.append(rel)
        rels_of[source] = kept
        rels_xml[_rels_name(source) if source else package_rels_name] = _rels_bytes(source, kept)
    if not any(r.type.endswith("/officeDocument") for r in rels_of[""]):
        raise _Problem("no_document")

    # Every reference left must resolve, or Word refuses the document: what points at a relationship
    # that went (or never was) goes too, except a header or footer of the house style.
    for source, root in roots.items():
        if source not in parts:
            continue
        changed = _neutralise_fields(root)
        unresolved = _referenced_ids(root) - {rel.rid for rel in rels_of.get(source, [])}
        if unresolved:
            outside = external_ids.get(source, set())
            for ref in root.iter(_W + "headerReference", _W + "footerReference"):
                rid = ref.get(f"{{{R_NS}}}id")
                if rid in unresolved and rid not in outside:
                    kind_of = "koptekst" if ref.tag == _W + "headerReference" else "voettekst"
                    raise _Problem("damaged", f"een {kind_of} ontbreekt (verwijzing {rid} in {source})")
            _drop_references(root, unresolved)
            removed.append(f"references to removed relationships in {source}")
            changed = True
        if changed:
            parts[source] = _serialise(root)
        _remember_good(parts[source])
    for name in list(parts):
        if _source_of(name) is not None:
            del parts[name]
    parts.update(rels_xml)
    for source in rels_of:
        if source and source not in parts:
            parts.pop(_rels_name(source), None)
    package.overrides[main.lower()] = CT_DOCUMENT
    if kind in ("docm", "dotm"):
        removed.append(f"macro-enabled main part ({kind})")
    parts["[Content_Types].xml"] = _content_types_bytes(package, parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # in memory only: no time on compressing
        archive.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, payload in parts.items():
            archive.writestr(name, payload)
    return out.getvalue(), removed


def _rels_bytes(source: str, rels: list[_Rel]) -> bytes:
    root = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})
    base = posixpath.dirname(source)
    for rel in rels:
        target = posixpath.relpath(rel.target, base or ".") if base else rel.target
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id=rel.rid, Type=rel.type, Target=target)
    return _serialise(root)


def _content_types_bytes(package: _Package, parts: dict[str, bytes]) -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    present = {_extension(name) for name in parts}
    defaults = {ext: ct for ext, ct in package.defaults.items() if ct.lower() not in MACRO_CONTENT_TYPES}
    defaults.setdefault("rels", "application/vnd.openxmlformats-package.relationships+xml")
    defaults.setdefault("xml", "application/xml")
    for ext, content_type in defaults.items():
        if ext in present or ext in ("rels", "xml"):
            etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=ext, ContentType=content_type)
    lower = {name.lower(): name for name in parts}
    for name, content_type in package.overrides.items():
        if name in lower and content_type.lower() not in MACRO_CONTENT_TYPES:
            etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + lower[name], ContentType=content_type)
    for name in parts:  # a part without any content type would make Word refuse the file
        if name != "[Content_Types].xml" and not _has_type(root, name):
            etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + name,
                             ContentType="application/octet-stream")  # fmt: skip
    return _serialise(root)


def _has_type(root: XmlElement, name: str) -> bool:
    ext = _extension(name)
    for element in root:
        if element.get("Extension", "").lower() == ext and ext:
            return True
        if element.get("PartName", "").lstrip("/").lower() == name.lower():
            return True
    return False


# --------------------------------------------------------------------------------------------------
# The opened document
# --------------------------------------------------------------------------------------------------


def _twips(sect_pr: XmlElement, child: str, attr: str) -> int | None:
    """An attribute of ``<w:pgSz>`` / ``<w:pgMar>`` in whole twips, written back as such (python-docx
    reads nothing else); None when absent; ValueError when it is no measure."""
    element = sect_pr.find(f"{_W}{child}")
    if element is None or element.get(f"{_W}{attr}") is None:
        return None
    text = element.get(f"{_W}{attr}").strip().lower()
    factor = 1.0
    for unit, unit_factor in (("mm", 1440 / 25.4), ("cm", 1440 / 2.54), ("in", 1440), ("pt", 20), ("pc", 240)):
        if text.endswith(unit):
            text, factor = text[: -len(unit)], unit_factor
            break
    number = float(text)  # ValueError for garbage
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    value = round(number * factor)
    element.set(f"{_W}{attr}", str(value))
    return value


def _check_geometry(document: Document) -> None:
    """Give the document a usable page: a missing section or size becomes A4, nonsense refuses the template."""
    from docx.oxml import parse_xml

    body = document.element.body
    sect_pr = body.find(f"{_W}sectPr")
    if sect_pr is None:
        sect_pr = parse_xml(
            f'<w:sectPr xmlns:w="{W_NS}"><w:pgSz w:w="{A4_TWIPS[0]}" w:h="{A4_TWIPS[1]}"/>'
            f'<w:pgMar w:top="{DEFAULT_MARGIN_TWIPS}" w:right="{DEFAULT_MARGIN_TWIPS}" '
            f'w:bottom="{DEFAULT_MARGIN_TWIPS}" w:left="{DEFAULT_MARGIN_TWIPS}" w:header="709" w:footer="709" '
            'w:gutter="0"/></w:sectPr>'
        )
        body.append(sect_pr)
    try:
        width, height = _twips(sect_pr, "pgSz", "w"), _twips(sect_pr, "pgSz", "h")
        sides = ("top", "bottom", "left", "right", "header", "footer", "gutter")
        margins = {side: _twips(sect_pr, "pgMar", side) for side in sides}
    except (ValueError, OverflowError) as exc:
        raise _Problem("page", "de paginagrootte of de marges zijn geen getallen") from exc
    if width is None or height is None:
        size = sect_pr.find(f"{_W}pgSz")
        if size is None:
            size = parse_xml(f'<w:pgSz xmlns:w="{W_NS}"/>')
            _insert_page_size(sect_pr, size)
        width = width if width is not None else A4_TWIPS[0]
        height = height if height is not None else A4_TWIPS[1]
        size.set(f"{_W}w", str(width))
        size.set(f"{_W}h", str(height))
    for label, value in (("breedte", width), ("hoogte", height)):
        if not MIN_PAGE_TWIPS <= value <= MAX_PAGE_TWIPS:
            shown = f"{value / 567:.1f}".replace(".", ",")
            raise _Problem("page", f"de pagina{label} is {shown} cm (Word staat 5 tot 55,9 cm toe)")
    left, right, gutter = margins["left"] or 0, margins["right"] or 0, margins["gutter"] or 0
    top, bottom = abs(margins["top"] or 0), abs(margins["bottom"] or 0)
    if min(left, right, gutter) < 0:
        raise _Problem("page", "een linker- of rechtermarge is negatief")
    if width - left - right - gutter < MIN_TEXT_TWIPS:
        raise _Problem("page", "de linker- en rechtermarge laten minder dan 3 cm over voor de tekst")
    if height - top - bottom < MIN_TEXT_TWIPS:
        raise _Problem("page", "de boven- en ondermarge laten minder dan 3 cm over voor de tekst")
    for key in ("header", "footer"):
        distance = margins[key]
        if distance is not None and not 0 <= distance < height:
            raise _Problem("page", "de afstand van de kop- of voettekst tot de rand valt buiten de pagina")


def _keep_last_body_section(document: Document) -> None:
    """Drop the template's body text, keeping its final section with the headers it showed.

    A section that inherits its header or footer from an earlier one (a cover page section first) would
    lose it with the earlier section: the last reference of each kind is carried over.
    """
    body = document.element.body
    final = body.find(f"{_W}sectPr")
    inherited: dict[tuple[str, str], object] = {}
    for sect_pr in body.iterfind(f"{_W}p/{_W}pPr/{_W}sectPr"):
        for ref in sect_pr:
            if ref.tag in (_W + "headerReference", _W + "footerReference"):
                inherited[(ref.tag, ref.get(_W + "type", "default"))] = ref
    for child in list(body):
        if child is not final:
            body.remove(child)
    own = {(ref.tag, ref.get(_W + "type", "default")) for ref in final
           if ref.tag in (_W + "headerReference", _W + "footerReference")}  # fmt: skip
    missing = [ref for key, ref in inherited.items() if key not in own]
    for ref in reversed(missing):
        final.insert(0, ref)
    # Word wants headers before footers at the start of <w:sectPr>.
    refs = [ref for ref in final if ref.tag in (_W + "headerReference", _W + "footerReference")]
    for ref in refs:
        final.remove(ref)
    for index, ref in enumerate(sorted(refs, key=lambda r: r.tag != _W + "headerReference")):
        final.insert(index, ref)


_SECT_PR_BEFORE_PG_SZ = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type")


def _insert_page_size(sect_pr: XmlElement, size: XmlElement) -> None:
    index = 0
    for i, child in enumerate(sect_pr):
        if isinstance(child.tag, str) and child.tag.removeprefix(_W) in _SECT_PR_BEFORE_PG_SZ:
            index = i + 1
    sect_pr.insert(index, size)


def _check_parts(document: Document) -> None:
    """Touch, through python-docx, everything an export uses; a failure names the part."""
    try:
        if document.styles.element.tag != _W + "styles":
            raise ValueError("styles root")
    except Exception as exc:  # noqa: BLE001 - any failure means the styles cannot be used
        raise _Problem("damaged", "de opmaakprofielen kunnen niet worden gelezen") from exc
    try:
        _ = document.settings.element
    except Exception as exc:  # noqa: BLE001
        raise _Problem("damaged", "de documentinstellingen kunnen niet worden gelezen") from exc
    try:
        for section in document.sections:
            for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                         section.even_page_header, section.even_page_footer):  # fmt: skip
                if not part.is_linked_to_previous and part._element.tag not in (_W + "hdr", _W + "ftr"):
                    raise ValueError("header or footer root")
    except Exception as exc:  # noqa: BLE001
        raise _Problem("damaged", "een kop- of voettekst kan niet worden gelezen") from exc


def _drop_unused_body_parts(document: Document) -> None:
    """The template's body is dropped; so are the pictures, links and comments only it used."""
    part = document.part
    xml = part._element.xml
    droppable = ("/image", "/hyperlink", "/oleObject", "/package", "/chart", "/diagramData", "/diagramLayout",
                 "/diagramQuickStyle", "/diagramColors", "/comments", "/commentsExtended", "/commentsIds",
                 "/commentsExtensible", "/people", "/control")  # fmt: skip
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(droppable) and f'"{rid}"' not in xml:
            part.rels.pop(rid)


# Cleaned templates by (path, size, modification time): a second export on the same template skips
# reading and cleaning it (verslag on the demo: 42 ms -> 8 ms for the template). Only good ones are kept.
_CLEANED: dict[tuple[str, int, int], bytes] = {}
_CLEANED_MAX = 8


def _cache_key(source: Path) -> tuple[str, int, int] | None:
    try:
        stat = source.stat()
    except OSError:
        return None
    return (str(source.absolute()), stat.st_size, stat.st_mtime_ns)


def open_clean(source: Path) -> Document:
    """A python-docx Document on the template at ``source``, checked and cleaned, with an empty body
    (its final section kept); raises ``TemplateError`` with a Dutch message."""
    import docx

    name = source.name
    key = _cache_key(source)
    cleaned = _CLEANED.get(key) if key is not None else None
    try:
        if cleaned is None:
            data = _read_file(source)
            _sniff(name, data)
            cleaned, removed = _clean_package(_read_package(data, name))
            if removed:
                logging.getLogger(__name__).info("Template %s cleaned: %s", name, "; ".join(removed))
        try:
            document = docx.Document(io.BytesIO(cleaned))
        except Exception as exc:  # noqa: BLE001 - whatever python-docx trips over, the user sees one message
            raise _Problem("damaged", "Word-onderdelen kunnen niet worden gelezen") from exc
        if document.element.body is None:
            raise _Problem("damaged", "de hoofdtekst heeft geen inhoud (w:body ontbreekt)")
        _check_geometry(document)
        _keep_last_body_section(document)
        _check_parts(document)
    except _Problem as problem:
        raise TemplateError(_template_message(name, problem)) from problem
    _drop_unused_body_parts(document)
    if key is not None and key not in _CLEANED:
        if len(_CLEANED) >= _CLEANED_MAX:
            _CLEANED.pop(next(iter(_CLEANED)))
        _CLEANED[key] = cleaned
    return document


def template_problem(path: Path | str) -> str:
    """Why ``path`` cannot be a Word template, in Dutch; empty when an export can use it."""
    try:
        open_clean(Path(path))
    except TemplateError as exc:
        return str(exc)
    return ""


# --------------------------------------------------------------------------------------------------
# The written document
# --------------------------------------------------------------------------------------------------


_SECTIONS = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": W_NS})


class _NoTree:
    """A parser target that keeps nothing: lxml checks the XML without building a tree (the 6 MB document.xml
    of the scale actielijst: 100-150 ms with a tree, 30 ms without)."""

    def close(self) -> None:
        return None


_NO_TREE_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False}
_NAME = rb"[A-Za-z_][\w.\-]*"
_START_TAG = re.compile(rb"<(" + _NAME + rb")(?::(" + _NAME + rb"))?(\s[^>]*)?>")
_XMLNS = re.compile(rb"xmlns:(" + _NAME + rb")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _prefixes(data: bytes, namespace: str) -> set[bytes]:
    """Every prefix ``data`` binds to ``namespace`` anywhere (a superset of those in scope at any point)."""
    wanted = namespace.encode()
    return {
        m.group(1) for m in _XMLNS.finditer(data) if (m.group(2) if m.group(2) is not None else m.group(3)) == wanted
    }


def _values_in(data: bytes, prefixes: set[bytes]) -> list[tuple[bytes, bytes]]:
    """(local name, raw value) of every attribute written with one of ``prefixes``, and perhaps of some text that
    looks like one: a superset, as an attribute always follows white space."""
    found = []
    for prefix in prefixes:
        pattern = re.escape(prefix + b":") + rb"(" + _NAME + rb")\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
        for m in re.finditer(pattern, data):
            if m.start() and data[m.start() - 1 : m.start()] in b" \t\r\n":
                found.append((m.group(1), m.group(2) if m.group(2) is not None else m.group(3)))
    return found


def _fine_without_tree(data: bytes, rel_ids: set[str], main: bool) -> bool:
    """True when the XML part ``data`` is well-formed, every relationship id it may refer to is in ``rel_ids``
    and (``main``) it is a w:document whose page sizes and margins read; False when this cannot be shown so
    cheaply, and the part is then parsed into a tree and checked exactly (``written_problem``)."""
    parser = etree.XMLParser(target=_NoTree(), **_NO_TREE_OPTIONS)
    try:
        etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return False
    if len(parser.error_log):  # a warning too (a namespace that is no URI): lxml refuses some when it builds a tree
        return False
    for _name, value in _values_in(data, _prefixes(data, R_NS)):
        if value.decode("utf-8", "replace") not in rel_ids:  # or an escaped id: decided on the tree
            return False
    if not main:
        return True
    w_prefixes = _prefixes(data, W_NS)
    root = _START_TAG.search(data, data.find(b"<", data.find(b"?>") + 1 if data.startswith(b"<?") else 0))
    if root is None or root.group(2) != b"document" or root.group(1) not in w_prefixes or len(w_prefixes) != 1:
        return False
    from docx.oxml.simpletypes import ST_TwipsMeasure

    # The page size and margins are in <w:pgSz> and <w:pgMar> of the sections: every w:w, w:h, w:left and w:right
    # in a section (a column's w:w too) must read as python-docx reads them.
    (prefix,) = w_prefixes
    opening, closing = b"<" + prefix + b":sectPr", b"</" + prefix + b":sectPr>"
    at = data.find(opening)
    while at != -1:
        end = data.find(b">", at)
        if end == -1:
            return False
        if data[end - 1 : end] != b"/":  # not an empty <w:sectPr/>
            end = data.find(closing, at)
            if end == -1:
                return False
        try:
            for name, value in _values_in(data[at:end], w_prefixes):
                if name in (b"w", b"h", b"left", b"right"):
                    ST_TwipsMeasure.from_xml(value.decode())
        except (ValueError, TypeError, UnicodeDecodeError):
            return False
        at = data.find(opening, end)
    return True


def written_problem(path: Path | str) -> str:
    """What is wrong with a saved .docx (English, for the log); empty when it opens again.

    Read as Word and python-docx read it, without building python-docx objects (a full reopen cost 10 ms
    of a 25 ms agenda): the zip directory and every part's checksum (each part is read), no part twice, a
    content type for every part reached, the package's relationships to a Word document (not a template,
    not macro-enabled), every internal relationship's target present and none pointing outside the file,
    every XML part parsed by lxml (those copied unchanged from a cleaned template were parsed then) with
    every reference in it resolving, and the page size and margins readable.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            names = [info.filename for info in infos]
            if len(set(names)) != len(names):
                return "a part is in the zip twice"
            parts = {info.filename.lstrip("/"): archive.read(info) for info in infos}  # CRC checked here
    except Exception as exc:  # noqa: BLE001 - a truncated zip, a bad CRC, zlib.error: the reason goes to the log
        return f"zip: {type(exc).__name__}: {exc}"
    package = _Package(parts, names={name.lower(): name for name in parts})
    types = parts.get("[Content_Types].xml")
    if types is None:
        return "no [Content_Types].xml"
    try:
        types_root = _parse(types)
    except (etree.XMLSyntaxError, ValueError) as exc:
        return f"[Content_Types].xml is not XML: {exc}"
    for element in types_root:  # python-docx (and Word) refuse an entry without its attributes
        if element.tag == f"{{{CT_NS}}}Default" and not (element.get("Extension") and element.get("ContentType")):
            return "[Content_Types].xml has a Default without Extension or ContentType"
        if element.tag == f"{{{CT_NS}}}Override" and not (element.get("PartName") and element.get("ContentType")):
            return "[Content_Types].xml has an Override without PartName or ContentType"
    _read_content_types(package, types_root)
    roots: dict[str, XmlElement] = {}
    queue, seen, main = [""], {""}, None
    while queue:
        source = queue.pop()
        rels_name = _rels_name(source) if source else "_rels/.rels"
        rels: list[_Rel] = []
        if rels_name in parts:
            try:
                rels = _read_rels(package, source, parts[rels_name])
            except (etree.XMLSyntaxError, ValueError) as exc:
                return f"{rels_name} is not valid: {exc}"
        elif not source:
            return "no _rels/.rels"
        for rel in rels:
            if rel.external:
                return f"{source or 'the package'} has an external relationship to {rel.target}"
            if rel.target not in parts:  # python-docx reads a target by its exact name
                return f"{source or 'the package'} refers to a missing part {rel.target}"
            if not source and rel.type == _RT + "officeDocument":
                main = rel.target
            if rel.target not in seen:
                seen.add(rel.target)
                queue.append(rel.target)
        if not source:
            continue
        content_type = package.content_type(source)
        if not content_type:
            return f"{source} has no content type"
        if not content_type.endswith("xml"):
            continue  # a picture
        rel_ids = {rel.rid for rel in rels}
        written: tuple[bytes, frozenset[str]] | None = None
        if source != main:
            digest = hashlib.blake2b(parts[source], digest_size=16).digest()
            if digest in _GOOD_XML:
                continue  # parsed, references checked, when the template was cleaned
            written = (digest, frozenset(rel_ids))
            if written in _GOOD_WRITTEN:
                continue  # checked the same way after an earlier save
        if not _fine_without_tree(parts[source], rel_ids, source == main):
            try:
                root = roots[source] = _parse(parts[source])
            except (etree.XMLSyntaxError, ValueError) as exc:
                return f"{source} is not XML: {exc}"
            missing = _referenced_ids(root) - rel_ids
            if missing:
                return f"{source} refers to missing relationships {sorted(missing)}"
        if written is not None:
            if len(_GOOD_WRITTEN) >= _GOOD_XML_MAX:
                _GOOD_WRITTEN.clear()
            _GOOD_WRITTEN.add(written)
    if main is None:
        return "no main document part"
    if package.content_type(main) != CT_DOCUMENT:
        return f"the main part is {package.content_type(main)}"
    document = roots.get(main)
    if document is None:
        return ""  # shown to be a w:document with readable pages without a tree
    if document.tag != _W + "document":
        return "the main part is no w:document"
    from docx.oxml.simpletypes import ST_TwipsMeasure

    try:
        for sect_pr in _SECTIONS(document):  # the sections python-docx's ``document.sections`` gives
            for child, attrs in (("pgSz", ("w", "h")), ("pgMar", ("left", "right"))):
                element = sect_pr.find(_W + child)
                for attr in attrs:
                    value = element.get(_W + attr) if element is not None else None
                    if value is not None:
                        ST_TwipsMeasure.from_xml(value)
    except (ValueError, TypeError) as exc:
        return f"page geometry: {exc}"
    return ""


def check_written(path: Path | str, target_name: str) -> None:
    """Raise ``ExportError`` (Dutch) when the document just saved at ``path`` does not open again."""
    problem = written_problem(path)
    if problem:
        logging.getLogger(__name__).error("Written document %s does not open again: %s", target_name, problem)
        raise ExportError(
            f"{target_name} is niet opgeslagen: het gemaakte document bleek bij controle onleesbaar. Dat komt "
            "meestal door het Word-sjabloon (de huisstijl): kies een andere huisstijl of laat het veld leeg voor "
            "de standaardopmaak en maak het document opnieuw. Een eerder bestand met deze naam is niet gewijzigd."
        )
