"""Shared machinery of the Word exports: template loading, fast XML-level paragraphs and tables,
header blocks, a table of contents field, page numbers, document properties and text sanitising.

Why XML strings: python-docx's ``table.cell(r, c)`` and ``table.rows[i]`` walk the whole table on every
call (quadratic: 200 rows took 22 s here). ``DocxWriter`` instead writes the WordprocessingML of many
rows as one string and lets lxml parse it in one call, which is the fastest way we measured to build
a big table (see ``benchmarks/bench_docx.py``). Everything else (properties, footers, pictures) goes
through python-docx's API.

Text from the database may hold anything a user can type: ``clean`` removes what XML 1.0 cannot carry
(control characters, lone surrogates) and keeps the rest (emoji, right-to-left scripts, long notes).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..dutch_dates import short_date
from ..services.documents import Omitted
from .docx_errors import W_NS, ExportError, TemplateError  # noqa: F401 (TemplateError: re-exported)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section

    from ..services.actions import ActionRow
    from .docx_widths import TableFont


Progress = Callable[[int, int], None] | None

_W_DECL = f'xmlns:w="{W_NS}"'
TWIPS_PER_CM = 566.929
EMU_PER_CM = 360000

DOCUMENT_KINDS = ("agenda", "verslag", "besluitenlijst", "actielijst", "programma", "voortgang", "voortgangsoverzicht")
KIND_TITLES = {
    "agenda": "Uitnodiging en agenda",
    "verslag": "Verslag",
    "besluitenlijst": "Besluitenlijst",
    "actielijst": "Actielijst",
    "programma": "Actieprogramma",
    "voortgang": "Voortgangsrapportage",
    "voortgangsoverzicht": "Voortgangsoverzicht per actielijn",
    "jaaroverzicht": "Jaaroverzicht",
}

CONFIDENTIAL_BANNER = "VERTROUWELIJK"
CONFIDENTIAL_LABEL = "Vertrouwelijk"  # beside an item, decision or action included on request
CONFIDENTIAL_COLOR = "C00000"

# Tables written by DocxWriter: grey borders, a light header row.
BORDER_COLOR = "A6A6A6"
HEADER_FILL = "DCE6F2"
SECTION_FILL = "B8CCE4"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and what it left out."""

    path: Path
    kind: str
    omitted: Omitted
    count: int = 0  # agenda items, rows or chapters written, for a status message


# --------------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------------

# XML 1.0 cannot carry C0 controls other than tab/newline/CR, lone surrogates, U+FFFE and U+FFFF.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Control characters and line breaks other than the tab: these need ``clean`` and splitting.
_HARD = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_TAB_BETWEEN = '</w:t><w:tab/><w:t xml:space="preserve">'
# Anything that needs more than copying into <w:t>: controls, breaks, tabs, markup characters.
_NEEDS_WORK = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029\ud800-\udfff\ufffe\uffff&<>]")


def clean(text: Any) -> str:
    """Text safe for WordprocessingML: line breaks normalised to ``\\n``, illegal characters dropped."""
    if text is None:
        return ""
    text = str(text)
    if not text:
        return ""
    return _ILLEGAL_XML.sub("", _BREAKS.sub("\n", text))


def one_line(text: Any) -> str:
    """Text for a title, heading or label: line breaks and runs of spaces become one space."""
    return " ".join(clean(text).split())


def lines(text: Any) -> list[str]:
    """Paragraphs of a note: cleaned, split on line breaks, blank lines dropped."""
    return [line for line in (part.strip() for part in clean(text).split("\n")) if line]


def deadline_text(action: ActionRow) -> str:
    """An action's deadline as lists print it: as written ("februari 2020", "Q2 2020", "na de zomer"); the date
    only where the text was a date, where there is no text, or where the date moved on since the text was
    written (a postponement that left the old text behind)."""
    return _deadline_shown(action.deadline, (action.deadline_text or "").strip())


@lru_cache(maxsize=65536)
def _deadline_shown(deadline: date | None, text: str) -> str:
    from ..deadlines import parse_deadline

    if deadline is None or not text:
        return text if deadline is None else short_date(deadline)
    parsed = parse_deadline(text, reference=deadline)
    if not parsed.has_period:
        return text  # words only: the date behind them is the app's reading, not what was agreed
    if parsed.end == deadline:
        return short_date(deadline) if parsed.start == parsed.end else text
    return short_date(deadline)


def clock(value: time | None) -> str:
    """``13.30``, the Dutch way of writing a time of day."""
    return f"{value.hour:02d}.{value.minute:02d}" if value else ""


# --------------------------------------------------------------------------------------------------
# XML snippets
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with character formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None  # "C00000"


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: runs (plain strings or ``Run``), an optional style name and a left indent."""

    runs: tuple[str | Run, ...]
    style: str | None = None
    indent_cm: float = 0.0
    hanging_cm: float = 0.0
    keep_next: bool = False

    @classmethod
    def of(cls, *runs: str | Run, style: str | None = None, indent_cm: float = 0.0, hanging_cm: float = 0.0) -> Para:
        return cls(tuple(runs), style=style, indent_cm=indent_cm, hanging_cm=hanging_cm)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell with more than text: several paragraphs, a fill, a vertical merge."""

    content: str | Para | Sequence[str | Para] = ""
    merge: str | None = None  # "restart" starts a vertical merge, "continue" carries it on
    fill: str | None = None
    span: int = 1


CONTINUE = Cell(merge="continue")


@dataclass(frozen=True, slots=True)
class SpanRow:
    """A heading row across the full width of a table (the actielijn above its ambitions)."""

    text: str
    fill: str = SECTION_FILL


_BULLET_LINE = re.compile(r"^\s*([o•\-–*▪·])\s+(.*)$")


def rich_lines(text: Any, *, italic: bool = False) -> list[Para]:
    """Paragraphs of a note, where lines written as a list ("o ...", "• ...", "- ...") get a hanging indent."""
    paras = []
    for line in lines(text):
        match = _BULLET_LINE.match(line)
        if match:
            symbol = "•" if match.group(1) in "•-–*▪·" else "o"
            paras.append(Para.of(Run(f"{symbol}\t{match.group(2)}", italic=italic), indent_cm=0.2, hanging_cm=0.5))
        else:
            paras.append(Para.of(Run(line, italic=italic)))
    return paras


def _text_xml(text: str) -> str:
    """Runs' inner text: tabs become ``<w:tab/>``, line breaks ``<w:br/>``."""
    if _NEEDS_WORK.search(text) is None:  # the common case, kept cheap: big tables call this per cell
        return f'<w:t xml:space="preserve">{text}</w:t>'
    if _HARD.search(text) is None:  # only markup characters and tabs: escape, tabs become <w:tab/>
        return '<w:t xml:space="preserve">' + escape(text).replace("\t", _TAB_BETWEEN) + "</w:t>"
    text = clean(text)
    if "\t" not in text and "\n" not in text:
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


def run_xml(run: str | Run) -> str:
    if isinstance(run, str):
        return f"<w:r>{_text_xml(run)}</w:r>"
    props = ""
    if run.bold:
        props += "<w:b/><w:bCs/>"
    if run.italic:
        props += "<w:i/><w:iCs/>"
    if run.color:
        props += f'<w:color w:val="{run.color}"/>'
    return f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}{_text_xml(run.text)}</w:r>"


_PPR_CACHE: dict[tuple[Any, ...], str] = {}


def _ppr(style_id: str | None, indent_cm: float = 0.0, hanging_cm: float = 0.0, keep_next: bool = False) -> str:
    key = (style_id, indent_cm, hanging_cm, keep_next)
    cached = _PPR_CACHE.get(key)
    if cached is None:
        cached = _PPR_CACHE[key] = _make_ppr(style_id, indent_cm, hanging_cm, keep_next)
    return cached


def _make_ppr(style_id: str | None, indent_cm: float, hanging_cm: float, keep_next: bool) -> str:
    parts = []
    if style_id:
        parts.append(f'<w:pStyle w:val="{style_id}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if indent_cm or hanging_cm:
        left = round((indent_cm + hanging_cm) * TWIPS_PER_CM)
        hang = f' w:hanging="{round(hanging_cm * TWIPS_PER_CM)}"' if hanging_cm else ""
        parts.append(f'<w:ind w:left="{left}"{hang}/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


_TBL = f"{{{W_NS}}}tbl"
_TR = f"{{{W_NS}}}tr"


def _fragment(xml: str) -> BaseOxmlElement:
    """Parse body-level WordprocessingML into python-docx's element classes."""
    from docx.oxml import parse_xml

    return parse_xml(f"<w:body {_W_DECL}>{xml}</w:body>")


# --------------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------------


def default_template(kind: str) -> Path | None:
    """The Dutch default template shipped in ``resources/templates/`` for ``kind``, if present."""
    from ..paths import resource

    path = resource("templates", f"{kind}.docx")
    return path if path.is_file() else None


def open_template(path: Path | str | None, kind: str) -> Document:
    """A python-docx Document on the user's template (or the shipped default) with an empty body.

    The template brings styles, margins, header and footer (logo) and numbering; its body text is
    dropped. ``exports.docx_template`` checks and cleans it first (macros and external links removed);
    a template that cannot be used raises ``TemplateError`` with a Dutch message saying what to do.
    """
    source = Path(path) if path is not None else default_template(kind)
    if source is None:
        import docx

        document = docx.Document()
        body = document.element.body
        for child in list(body):
            if child.tag != f"{{{W_NS}}}sectPr":
                body.remove(child)
        return document
    from .docx_template import open_clean

    return open_clean(source)


# --------------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------------

# Styles every export uses, created with sensible defaults when a user's template lacks them.
# name -> (style id, base style name, point size, bold, space after in pt, outline level)
_STYLE_DEFAULTS: dict[str, tuple[str, str | None, float | None, bool, float | None, int | None]] = {
    "Title": ("Title", "Normal", 20, True, 6, None),
    "Subtitle": ("Subtitle", "Normal", 13, False, 12, None),
    "Heading 1": ("Heading1", "Normal", 15, True, 6, 0),
    "Heading 2": ("Heading2", "Normal", 12.5, True, 4, 1),
    "Heading 3": ("Heading3", "Normal", 11, True, 3, 2),
    "Heading 4": ("Heading4", "Normal", 10, True, 2, 3),
    "Tabeltekst": ("Tabeltekst", "Normal", 9, False, 0, None),
    "Tabelkop": ("Tabelkop", "Tabeltekst", 9, True, 0, None),
    "toc 1": ("TOC1", "Normal", None, True, 3, None),
    "toc 2": ("TOC2", "Normal", None, False, 2, None),
    "toc 3": ("TOC3", "Normal", None, False, 2, None),
    "Caption": ("Caption", "Normal", 9, False, 6, None),
}


# Names a Dutch template (LibreOffice, older Word) gives the built-in styles the writer uses.
_DUTCH_STYLE_NAMES = {
    "Title": "Titel",
    "Subtitle": "Ondertitel",
    **{f"Heading {n}": f"Kop {n}" for n in range(1, 10)},
}

# The children of <w:settings> that the schema puts after <w:updateFields>.
_SETTINGS_AFTER_UPDATE_FIELDS = tuple(
    f"w:{name}"
    for name in (
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )  # fmt: skip
)
_PAGE_FIELD_XPATH = ".//w:instrText[contains(., 'PAGE')] | .//w:fldSimple[contains(@w:instr, 'PAGE')]"


_ROW_WHOLE = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"


def _move_tab_stops(section: Section, old_page_width: int, new_page_width: int) -> None:
    """Header and footer tab stops at the right margin (or the middle) of the page before it turned move to
    the right margin (or middle) after, so "Actielijst" stays in the corner of a landscape page."""
    left, right = section.left_margin, section.right_margin
    if left is None or right is None:
        return
    margins = left + right
    old, new = round((old_page_width - margins) / 635), round((new_page_width - margins) / 635)  # EMU -> twips
    moves = {old: new, old // 2: new // 2}
    tab = f"{{{W_NS}}}tab"
    pos = f"{{{W_NS}}}pos"
    for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
        if part.is_linked_to_previous:
            continue
        for stop in part._element.iter(tab):
            value = stop.get(pos)
            if value is None or not value.lstrip("-").isdigit():
                continue
            target = next((n for o, n in moves.items() if abs(int(value) - o) <= 20), None)
            if target is not None:
                stop.set(pos, str(target))


def _cell_words(value: object, out: list[tuple[str, bool]]) -> None:
    """The longest word of each text and run in a cell value (text, ``Para``, ``Run``, ``Cell`` or a list of
    them), with its boldness: the candidates for the widest word of a column."""
    if isinstance(value, str):
        if value:
            out.append((max(value.split(), key=len, default=""), False))
    elif isinstance(value, Run):
        if value.text:
            out.append((max(value.text.split(), key=len, default=""), value.bold))
    elif isinstance(value, Para):
        for run in value.runs:
            _cell_words(run, out)
    elif isinstance(value, Cell):
        _cell_words(value.content, out)
    elif isinstance(value, list | tuple):
        for part in value:
            _cell_words(part, out)


class DocxWriter:
    """Appends paragraphs, headings and tables to a document at the XML level, in order."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.body = document.element.body
        self._sect_pr = self.body.find(f"{{{W_NS}}}sectPr")
        self._style_ids: dict[str, str] = {}
        self.headings: list[tuple[int, str]] = []
        self._toc_anchor: BaseOxmlElement | None = None
        self._toc_levels = 3
        # Paragraph XML waiting to be parsed: many small paragraphs cost one parse, not one each.
        self._pending: list[str] = []
        self._table_font: TableFont | None = None  # of the table text style, read at the first table
        self._shared_widths: dict[tuple[int, tuple[int, ...]], list[int]] = {}
        # What the template left in the body (its final section): the writer's own XML carries no w:lang.
        self._template_body = list(self.body)
        self._styles_by_name: dict[str, str | None] | None = None

    # -- styles ---------------------------------------------------------------------------------
    def style_id(self, name: str) -> str:
        """The style id of the paragraph style ``name`` in this document, adding it when missing.

        Word keeps built-in names in English in styles.xml ("heading 1") whatever its display
        language, so a Dutch template that shows "Kop 1" is found under "Heading 1" too.
        """
        cached = self._style_ids.get(name)
        if cached is not None:
            return cached
        found = self._style_by_name(name)
        if found is not None:
            self._style_ids[name] = found
            return found
        styles = self.document.styles
        style_id: str  # python-docx leaves a style's id untyped
        try:
            style = styles[name]
            style_id = style.style_id
        except KeyError:
            style_id = self._template_style(name) or self._add_style(name)
        self._style_ids[name] = style_id
        return style_id

    def _style_by_name(self, name: str) -> str | None:
        """The id of the first style named ``name`` as python-docx's ``styles[name]`` finds it (Word's lower-case
        names of the built-in ones), from one pass over the styles: each ``styles[name]`` ran an XPath over the
        template's 169 styles (1-2 ms of a short document). None: not there, or a style without an id."""
        if self._styles_by_name is None:
            from docx.oxml.ns import qn

            by_name: dict[str, str | None] = {}
            name_tag, val, id_attr = qn("w:name"), qn("w:val"), qn("w:styleId")
            for element in self.document.styles.element.iterchildren(qn("w:style")):
                shown = element.find(name_tag)
                if shown is not None and shown.get(val) is not None:
                    by_name.setdefault(shown.get(val), element.get(id_attr))
            self._styles_by_name = by_name
        from docx.styles import BabelFish

        return self._styles_by_name.get(BabelFish.ui2internal(name))

    def _template_style(self, name: str) -> str | None:
        """The template's own style for a built-in one it names otherwise: a template made in a Dutch
        LibreOffice or saved from another program has "Kop 1" (id "Kop1") or only a style with outline level 0,
        not "Heading 1"; its fonts are the house style, so the headings use it instead of a plain stand-in."""
        from docx.oxml.ns import qn

        dutch = _DUTCH_STYLE_NAMES.get(name)
        level = int(name[-1]) - 1 if name.startswith("Heading ") and name[-1].isdigit() else None
        outlined = None
        for element in self.document.styles.element.findall(qn("w:style")):
            if element.get(qn("w:type")) != "paragraph":
                continue
            style_id = element.get(qn("w:styleId")) or ""
            name_element = element.find(qn("w:name"))
            shown = name_element.get(qn("w:val")) if name_element is not None else ""
            if dutch and ((shown or "").casefold() == dutch.casefold() or style_id == dutch.replace(" ", "")):
                return style_id
            if level is not None and outlined is None:
                outline = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
                if outline is not None and outline.get(qn("w:val")) == str(level):
                    outlined = style_id
        return outlined

    def set_language(self, language: str = "nl-NL") -> None:
        """Make ``language`` the language of the text, whatever the template says: in the document defaults,
        every style and the settings, so Word and LibreOffice check the spelling and hyphenate in Dutch.

        An East Asian or bidirectional language a style names is kept: it applies to other scripts."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        styles = self.document.styles.element
        doc_defaults = styles.find(qn("w:docDefaults"))
        if doc_defaults is None:
            doc_defaults = OxmlElement("w:docDefaults")
            styles.insert(0, doc_defaults)
        r_pr_default = doc_defaults.find(qn("w:rPrDefault"))
        if r_pr_default is None:
            r_pr_default = OxmlElement("w:rPrDefault")
            doc_defaults.insert(0, r_pr_default)
        r_pr = r_pr_default.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = OxmlElement("w:rPr")
            r_pr_default.append(r_pr)
        if r_pr.find(qn("w:lang")) is None:
            r_pr.append(OxmlElement("w:lang"))  # last but for eastAsianLayout/specVanish, which defaults lack
        for lang in styles.iter(qn("w:lang")):
            lang.set(qn("w:val"), language)
        for element in self._template_body:  # runs the template body set explicitly (not a walk of the whole body)
            for lang in element.iter(qn("w:lang")):
                lang.set(qn("w:val"), language)
        settings = self.document.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), language)

    def _add_style(self, name: str) -> str:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        defaults = _STYLE_DEFAULTS.get(name, (None, "Normal", None, False, None, None))
        style_id, base, size, bold, after, outline = defaults
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if style_id:
            style.element.set(qn("w:styleId"), style_id)
        if base:
            try:
                style.base_style = self.document.styles[base]
            except KeyError:
                pass
        style.quick_style = True
        if size:
            style.font.size = Pt(size)
        if bold:
            style.font.bold = True
        if after is not None:
            style.paragraph_format.space_after = Pt(after)
        if name.startswith("toc "):
            style.paragraph_format.left_indent = Cm(0.5 * (int(name[-1]) - 1))
        if outline is not None:
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12 - 3 * outline)
            ppr = style.element.get_or_add_pPr()
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(outline))
            ppr.append(level)
        if name in ("Tabeltekst", "Tabelkop"):
            style.paragraph_format.space_before = Pt(1)
            style.paragraph_format.space_after = Pt(1)
        added_id: str = style.style_id  # python-docx leaves a style's id untyped
        return added_id

    # -- geometry --------------------------------------------------------------------------------
    def set_landscape(self, landscape: bool = True) -> None:
        """Turn every section to landscape (or portrait), keeping the template's margins."""
        from docx.enum.section import WD_ORIENT

        for section in self.document.sections:
            width, height = section.page_width, section.page_height
            if width is None or height is None:
                continue
            is_landscape = width > height
            if is_landscape != landscape:
                section.page_width, section.page_height = height, width
                _move_tab_stops(section, width, height)
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def text_width_cm(self) -> float:
        """Width between the margins of the last section, in cm (A4 portrait with 2.5 cm margins if unset)."""
        section = self.document.sections[-1]
        page, left, right = section.page_width, section.left_margin, section.right_margin
        if page is None or left is None or right is None:
            return 16.0
        return max((page - left - right) / EMU_PER_CM, 5.0)

    # -- body ------------------------------------------------------------------------------------
    def append_xml(self, xml: str) -> list[BaseOxmlElement]:
        """Insert body-level XML (and anything queued) now; returns the new elements."""
        self._pending.append(xml)
        return self.flush()

    def queue_xml(self, xml: str) -> None:
        """Add body-level XML at the next ``flush`` (order is kept)."""
        self._pending.append(xml)

    def mark(self) -> BaseOxmlElement | None:
        """The last body element written so far (None: nothing yet), for ``keep_together``."""
        self.flush()
        before = [e for e in self.body if e.tag != f"{{{W_NS}}}sectPr"]
        return before[-1] if before else None

    def keep_together(self, after: BaseOxmlElement | None) -> None:
        """Keep everything written since ``after`` (from ``mark``; None: the start) on one page where it fits:
        every paragraph, also in tables, keeps with the next."""
        from docx.oxml import OxmlElement

        self.flush()
        body = list(self.body)
        start = body.index(after) + 1 if after is not None and after in body else 0
        paragraphs = [p for element in body[start:] for p in element.iter(f"{{{W_NS}}}p")]
        for paragraph in paragraphs[:-1]:
            ppr = paragraph.find(f"{{{W_NS}}}pPr")
            if ppr is None:
                ppr = OxmlElement("w:pPr")
                paragraph.insert(0, ppr)
            if ppr.find(f"{{{W_NS}}}keepNext") is not None:
                continue
            style = ppr.find(f"{{{W_NS}}}pStyle")
            ppr.insert(1 if style is not None else 0, OxmlElement("w:keepNext"))

    def flush(self) -> list[BaseOxmlElement]:
        """Parse the queued XML in one go and insert it before the final section properties."""
        if not self._pending:
            return []
        elements = list(_fragment("".join(self._pending)))
        self._pending.clear()
        anchor = self._sect_pr
        for element in elements:
            # A table moves into the document without its rows, which follow one by one: lxml moving one
            # big subtree between documents is slow (the programme table's 150 rows: 7 ms -> 1 ms).
            rows = [child for child in element if child.tag == _TR] if element.tag == _TBL else []
            for row in rows:
                element.remove(row)
            if anchor is not None:
                anchor.addprevious(element)
            else:
                self.body.append(element)
            element.extend(rows)
        return elements

    def para_xml(self, para: str | Para, default_style: str | None = None) -> str:
        if isinstance(para, str):
            style = self.style_id(default_style) if default_style else None
            return f"<w:p>{_ppr(style)}{run_xml(para) if para else ''}</w:p>"
        name = para.style or default_style
        style = self.style_id(name) if name else None
        runs = "".join([run_xml(r) for r in para.runs])
        return f"<w:p>{_ppr(style, para.indent_cm, para.hanging_cm, para.keep_next)}{runs}</w:p>"

    def paragraph(
        self, *runs: str | Run, style: str | None = None, indent_cm: float = 0.0, keep_next: bool = False
    ) -> None:
        """Add one paragraph of runs."""
        self.queue_xml(self.para_xml(Para(tuple(runs), style=style, indent_cm=indent_cm, keep_next=keep_next)))

    def _paragraph_element(self) -> BaseOxmlElement:
        """An empty paragraph added now, for python-docx calls that need the element."""
        return self.append_xml("<w:p/>")[-1]

    def paragraphs(self, texts: Iterable[str | Para], style: str | None = None) -> None:
        """Add many paragraphs in one parse."""
        xml = "".join(self.para_xml(t, style) for t in texts)
        if xml:
            self.queue_xml(xml)

    def note(self, text: str, *, style: str | None = None) -> None:
        """A free text (minutes, an introduction): one paragraph per line, list lines indented."""
        self.paragraphs(rich_lines(text), style=style)

    def heading(self, text: str, level: int = 1) -> None:
        """A heading in Word's built-in Heading N style, so the navigation pane and the TOC see it."""
        text = one_line(text)
        self.headings.append((level, text))
        self.queue_xml(f"<w:p>{_ppr(self.style_id(f'Heading {level}'))}{run_xml(text)}</w:p>")

    def title(self, text: str, subtitle: str = "") -> None:
        self.paragraph(one_line(text), style="Title")
        if subtitle:
            self.paragraph(one_line(subtitle), style="Subtitle")

    def page_break(self) -> None:
        self.queue_xml('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def bullets(self, texts: Iterable[str], *, symbol: str = "•", indent_cm: float = 0.3) -> None:
        """A list with a hanging symbol; independent of the template's numbering definitions."""
        self.paragraphs(Para.of(f"{symbol}\t{t}", indent_cm=indent_cm, hanging_cm=0.5) for t in texts)

    def numbered(self, texts: Iterable[str], *, indent_cm: float = 0.0) -> None:
        self.paragraphs(
            Para.of(f"{i}.\t{t}", indent_cm=indent_cm, hanging_cm=0.7) for i, t in enumerate(texts, start=1)
        )

    def picture(self, data: bytes, width_cm: float) -> None:
        from docx.shared import Cm
        from docx.text.paragraph import Paragraph

        element = self._paragraph_element()
        Paragraph(element, self.document._body).add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))

    # -- tables ----------------------------------------------------------------------------------
    def table(
        self,
        columns: Sequence[tuple[str, float]],
        rows: Iterable[Sequence[str | Para | Cell | Sequence[str | Para]] | SpanRow],
        *,
        header: bool = True,
        borders: bool = True,
        progress: Callable[[int], None] | None = None,
        chunk: int = 200,
        keep_rows_whole: bool | Callable[[Sequence[Any]], bool] = True,
        measure_rows: Sequence[Any] | None = None,
    ) -> int:
        """Add a table; returns the number of body rows written.

        ``columns`` are (header text, relative width); widths are scaled to the text width and a column is
        widened to its longest word (``docx_widths``). The header row repeats on every page; a row is never
        split across two pages unless ``keep_rows_whole`` (a flag, or a test per row) says it may be, for a
        row that can be taller than a page. Rows are written ``chunk`` at a time as one XML string, and
        ``progress(rows_done)`` is called after each chunk. ``measure_rows``: the rows the widths are measured
        on when several tables of a document should have the same columns (default: this table's rows).
        """
        total_weight = sum(w for _, w in columns) or 1.0
        width = self.text_width_cm()
        widths = [round(width * w / total_weight * TWIPS_PER_CM) for _, w in columns]
        cell_style = self.style_id("Tabeltekst")
        head_style = self.style_id("Tabelkop")
        rows = list(rows)
        if measure_rows is None:
            widths = self._word_safe_widths(columns if header else (), rows, widths, cell_style)
        else:  # measured once for all the tables that share them
            key = (id(measure_rows), tuple(widths))
            if self._shared_widths.get(key) is None:
                self._shared_widths = {key: self._word_safe_widths(columns, list(measure_rows), widths, cell_style)}
            widths = self._shared_widths[key]
        border = (
            "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            if borders
            else "".join(
                f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
        )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        head = ""
        if header:
            head_cells = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" '
                f'w:fill="{HEADER_FILL}"/></w:tcPr><w:p>{_ppr(head_style)}{run_xml(t)}</w:p></w:tc>'
                for (t, _), w in zip(columns, widths, strict=True)
            )
            head = f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head_cells}</w:tr>"
        tbl_open = (
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{border}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
            '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{head}'
        )
        full_width = sum(widths)
        plain_props = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in widths]
        count = 0
        buffer: list[str] = []
        tbl = None

        def flush() -> None:
            # A big table goes in as an empty table whose rows are added chunk by chunk: lxml moves
            # many small row subtrees fast, but one 1,000-row table subtree took 0.4 s (measured).
            nonlocal tbl
            if tbl is None:
                # A paragraph after a table keeps two tables in a row from merging into one.
                tbl = self.append_xml(tbl_open + "</w:tbl><w:p/>")[-2]
            if buffer:
                tbl.extend(list(_fragment(f"<w:tbl>{''.join(buffer)}</w:tbl>")[0]))
                buffer.clear()
            if progress is not None:
                progress(count)

        for row in rows:
            if isinstance(row, SpanRow):
                buffer.append(
                    f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{full_width}" w:type="dxa"/>'
                    f'<w:gridSpan w:val="{len(widths)}"/><w:shd w:val="clear" w:color="auto" w:fill="{row.fill}"/>'
                    f"</w:tcPr><w:p>{_ppr(head_style, keep_next=True)}{run_xml(row.text)}</w:p></w:tc></w:tr>"
                )
            else:
                whole = keep_rows_whole(row) if callable(keep_rows_whole) else keep_rows_whole
                buffer.append(self._row_xml(row, widths, plain_props, cell_style, _ROW_WHOLE if whole else "<w:tr>"))
            count += 1
            if len(buffer) >= chunk:
                flush()
        if tbl is None:
            # A small table waits in the queue with the paragraphs around it: one parse for all.
            self.queue_xml(f"{tbl_open}{''.join(buffer)}</w:tbl><w:p/>")
            if progress is not None:
                progress(count)
        else:
            flush()
        return count

    def _word_safe_widths(
        self, columns: Sequence[tuple[str, float]], rows: list[Any], widths: list[int], cell_style: str
    ) -> list[int]:
        """``widths`` with every column at least as wide as its longest word in the table font, and a column
        of short plain texts (numbers, dates, an empty column) no wider than they are: the room goes to the
        others."""
        from .docx_widths import content_widths, fit_widths, long_words, minimum_widths, table_font, word_threshold

        words: list[list[tuple[str, bool]]] = [[] for _ in widths]
        for (title, _), column_words in zip(columns, words, strict=False):
            column_words.extend((w, True) for w in title.split())
        # Per plain-text cell only its longest word (a 1,000-row list: 30 ms -> 6 ms); richer cells give all.
        plain: list[set[str]] = [set() for _ in widths]  # distinct plain texts: statuses and names repeat
        rich = [False] * len(widths)  # a column with richer cells: its natural width is unknown
        count = len(widths)
        for row in rows:
            if isinstance(row, SpanRow):
                continue
            column = 0
            for value in row:
                if type(value) is str:
                    if column < count:
                        plain[column].add(value)
                    column += 1
                    continue
                span = value.span if isinstance(value, Cell) else 1
                if column < count:
                    rich[column] = True
                    if span == 1:
                        _cell_words(value, words[column])
                column += span
        font = self._table_font
        if font is None:
            font = self._table_font = table_font(self.document, cell_style)
        texts: list[list[str] | None] = []
        for column, values in enumerate(plain):
            # Only words that could overflow half the column are measured (a 4,000-row list: 80 -> 15 ms).
            words[column].extend((w, False) for w in long_words(values, word_threshold(widths[column], font)))
            lines = [max(v.split("\n"), key=len) if "\n" in v else v for v in values if v]
            texts.append(None if rich[column] else lines)
        minimum = minimum_widths(words, font, sum(widths))
        narrowed: set[int] = set()
        if columns:
            widths, narrowed = content_widths(widths, minimum, texts, font)
        floor = [w if i in narrowed else max(m, w // 2) for i, (w, m) in enumerate(zip(widths, minimum, strict=True))]
        return fit_widths(widths, minimum, floor)

    def _row_xml(
        self,
        row: Sequence[Any],
        widths: list[int],
        plain_props: list[str],
        cell_style: str,
        row_opening: str = "<w:tr>",
    ) -> str:
        cells = []
        column = 0
        style = f'<w:p><w:pPr><w:pStyle w:val="{cell_style}"/></w:pPr>'
        for value in row:
            if isinstance(value, Cell):
                merge, fill, span, value = value.merge, value.fill, value.span, value.content
                w = sum(widths[column : column + span])
                props = f'<w:tcW w:w="{w}" w:type="dxa"/>'
                if span > 1:
                    props += f'<w:gridSpan w:val="{span}"/>'
                if merge == "restart":
                    props += '<w:vMerge w:val="restart"/>'
                elif merge == "continue":
                    props += "<w:vMerge/>"
                if fill:
                    props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
                opening = f"<w:tc><w:tcPr>{props}</w:tcPr>"
                column += span
            else:
                opening = plain_props[column]
                column += 1
            if isinstance(value, str):
                # The common case, kept short: one paragraph per line, in the table text style.
                if "\n" in value or "\r" in value:
                    paras = "".join(f"{style}{run_xml(line)}</w:p>" for line in clean(value).split("\n"))
                else:
                    paras = f"{style}{run_xml(value)}</w:p>"
            elif isinstance(value, Para):
                paras = self.para_xml(value, "Tabeltekst")
            else:
                paras = "".join([self.para_xml(p, "Tabeltekst") for p in value]) or "<w:p/>"
            cells.append(f"{opening}{paras}</w:tc>")
        return f"{row_opening}{''.join(cells)}</w:tr>"

    def key_values(self, pairs: Iterable[tuple[str, str | Sequence[str | Para]]], *, key_width: float = 1.0) -> None:
        """A header block: labels in bold on the left, values on the right, no borders."""
        rows = [(Para.of(Run(label, bold=True)), value) for label, value in pairs if value not in ("", None, (), [])]
        if rows:
            self.table([("", key_width), ("", 3.6 - key_width)], rows, header=False, borders=False)

    # -- table of contents -------------------------------------------------------------------------
    def toc_placeholder(self, levels: int = 3) -> None:
        """Mark where the table of contents goes; ``finish`` fills it from the headings of ``levels`` levels."""
        self._toc_anchor = self._paragraph_element()
        self._toc_levels = levels

    def _fill_toc(self) -> None:
        """A real TOC field (``TOC \\o "1-3" \\h \\z \\u``) whose cached result lists the headings.

        Word refreshes it on opening (``w:updateFields``) and adds page numbers; LibreOffice shows the
        cached entries.
        """
        anchor = self._toc_anchor
        if anchor is None:
            return
        entries = [(level, text) for level, text in self.headings if level <= self._toc_levels]
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{self._toc_levels}" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if not entries:
            entries = [(1, "Klik met de rechtermuisknop en kies 'Veld bijwerken' voor de inhoudsopgave.")]
        paras = []
        for i, (level, text) in enumerate(entries):
            style = self.style_id(f"toc {level}")
            prefix = begin if i == 0 else ""
            suffix = end if i == len(entries) - 1 else ""
            paras.append(f"<w:p>{_ppr(style)}{prefix}{run_xml(text)}{suffix}</w:p>")
        for element in _fragment("".join(paras)):
            anchor.addprevious(element)
        anchor.getparent().remove(anchor)
        self._update_fields_on_open()

    def _update_fields_on_open(self) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        settings = self.document.settings.element
        if settings.find(qn("w:updateFields")) is None:
            element = OxmlElement("w:updateFields")
            element.set(qn("w:val"), "true")
            # Word refuses a settings part whose children are out of schema order.
            settings.insert_element_before(element, *_SETTINGS_AFTER_UPDATE_FIELDS)

    # -- page numbers, properties, saving ----------------------------------------------------------
    def ensure_page_numbers(self) -> None:
        """Add "Pagina X van Y" to the footer of every section whose footer has no page field."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for index, section in enumerate(self.document.sections):
            footer = section.footer
            if footer.is_linked_to_previous:
                if index > 0:
                    continue  # shows the previous section's footer
            elif footer._element.xpath(_PAGE_FIELD_XPATH):
                continue
            paragraph = footer.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fields = _fragment(
                '<w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r>'
                '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                '<w:r><w:t xml:space="preserve"> van </w:t></w:r>'
                '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
            )[0]
            for element in list(fields):
                paragraph._p.append(element)

    def mark_confidential(self) -> None:
        """Put a "VERTROUWELIJK" banner at the top of every page: the header of every section.

        A document that includes confidential content on request must say so on each printed page, so
        a page that is copied or forwarded on its own still carries the mark.
        """
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import RGBColor

        even_pages = self.document.settings.odd_and_even_pages_header_footer
        for index, section in enumerate(self.document.sections):
            headers = [section.header]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
            if even_pages:
                headers.append(section.even_page_header)
            for header in headers:
                if header.is_linked_to_previous and index > 0:
                    continue  # shows the previous section's header, which has the banner
                paragraphs = header.paragraphs
                paragraph = paragraphs[0].insert_paragraph_before() if paragraphs else header.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(CONFIDENTIAL_BANNER)
                run.bold = True
                run.font.color.rgb = RGBColor.from_string(CONFIDENTIAL_COLOR)

    def set_properties(self, *, title: str, author: str, subject: str = "", keywords: str = "") -> None:
        """Document properties Word shows under File > Info; the template's own are replaced."""
        now = datetime.now().replace(microsecond=0)
        props = self.document.core_properties
        props.title = clean(title)[:255]
        props.author = clean(author)[:255] or "GHNT Desktop"
        props.last_modified_by = props.author
        props.subject = clean(subject)[:255]
        props.keywords = clean(keywords)[:255]
        props.comments = "Gemaakt met GHNT Desktop"
        props.category = "GHNT"
        props.language = "nl-NL"
        props.revision = 1
        props.created = now
        props.modified = now

    def finish(
        self,
        path: Path | str,
        *,
        title: str,
        author: str,
        subject: str = "",
        keywords: str = "",
        confidential: bool = False,
    ) -> Path:
        """Fill the TOC, add page numbers and properties, and save atomically to ``path``.

        ``confidential``: the document includes vertrouwelijk content; every page gets the banner and the
        properties say so.

        The file is written beside the target and moved over it, so a failure never leaves half a
        document; a file locked by Word gets a Dutch message.
        """
        self.flush()
        self._shrink_closing_spacer()
        self._fill_toc()
        self.ensure_page_numbers()
        self.set_language("nl-NL")
        if confidential:
            self.mark_confidential()
            title = f"{CONFIDENTIAL_BANNER}: {title}"
            keywords = f"{keywords}, vertrouwelijk" if keywords else "vertrouwelijk"
        self.set_properties(title=title, author=author, subject=subject, keywords=keywords)
        return save_document(self.document, path)


    def _shrink_closing_spacer(self) -> None:
        """A document that ends with a table ends with the empty paragraph every table is followed by; when the
        table filled its last page, that paragraph alone made a blank page (seen in a verslag ending with its
        actielijst). At a tenth of a point it fits below the table (at one point it still did not in 1 of 48
        positions rendered)."""
        content = [e for e in self.body if e.tag != f"{{{W_NS}}}sectPr"]
        if len(content) >= 2 and content[-2].tag == f"{{{W_NS}}}tbl" and content[-1].tag == f"{{{W_NS}}}p":
            spacer = content[-1]
            if len(spacer) == 0:
                spacer.append(
                    _fragment(
                        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/>'
                        '<w:rPr><w:sz w:val="1"/><w:szCs w:val="1"/></w:rPr></w:pPr>'
                    )[0]
                )


def save_document(document: Document, path: Path | str) -> Path:
    from .output import write_atomically

    def save_and_check(temp: Path) -> None:
        write_package(document, temp)
        _check_written(str(temp), Path(path).name)  # opened again before it replaces anything

    return write_atomically(
        path,
        save_and_check,
        error=ExportError,
        in_use="het bestand is alleen-lezen of nog geopend in Word. Sluit het bestand en probeer het opnieuw.",
    )


# Compressed parts by their bytes: the template's big parts (styles.xml with its 169 styles, 350 kB, and
# stylesWithEffects.xml, 440 kB) come out the same in every export on that template, and deflating them again was
# a third of saving a short document (agenda: 5 of 14 ms). The main document part is never kept: it is new each time.
_DEFLATED: dict[bytes, bytes] = {}
_DEFLATED_MAX = 24
_DEFLATE_FROM = 16 * 1024  # smaller parts deflate in less time than the lookup saves


class _Passthrough:
    """Stands in for zipfile's compressor when the part's deflated bytes are known: hands them over once."""

    def __init__(self, deflated: bytes) -> None:
        self._deflated = deflated

    def compress(self, data: bytes) -> bytes:
        deflated, self._deflated = self._deflated, b""
        return deflated

    def flush(self) -> bytes:
        return b""


class _PackageZip:
    """python-docx's zip writer (``PhysPkgWriter``), reusing the deflated bytes of a part already written once.

    zipfile computes the checksum and sizes from the bytes as always; only its deflating is skipped. The file is
    read back and every part's checksum verified before it replaces anything (``docx_template.written_problem``)."""

    def __init__(self, path: Path, main: str) -> None:
        import zipfile

        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self._main = main

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = pack_uri.membername
        if len(blob) < _DEFLATE_FROM or pack_uri == self._main:
            self._zip.writestr(name, blob)
            return
        import zlib

        deflated = _DEFLATED.get(blob)
        if deflated is None:
            # As zipfile deflates: raw deflate at the default level.
            compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            deflated = compressor.compress(blob) + compressor.flush()
            if len(_DEFLATED) >= _DEFLATED_MAX:
                _DEFLATED.pop(next(iter(_DEFLATED)))
            _DEFLATED[blob] = deflated
        import time as clock
        import zipfile

        # The entry as ``writestr`` makes it: the time of writing, rw------- for the owner.
        info = zipfile.ZipInfo(name, date_time=clock.localtime(clock.time())[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        info.file_size = len(blob)
        with self._zip.open(info, "w") as entry:
            if not hasattr(entry, "_compressor"):  # another zipfile than the one measured: deflate as usual
                entry.write(blob)
                return
            entry._compressor = _Passthrough(deflated)
            entry.write(blob)

    def close(self) -> None:
        self._zip.close()


def write_package(document: Document, path: Path) -> None:
    """Save ``document`` to ``path`` as ``document.save`` does (``OpcPackage.save``), through ``_PackageZip``."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _PackageZip(path, document.part.partname)
    try:
        PackageWriter._write_content_types_stream(writer, parts)  # type: ignore[no-untyped-call]
        PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
        PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]  # duck-typed PhysPkgWriter
    finally:
        writer.close()


def _check_written(path: str, target_name: str) -> None:
    """Open the saved file again before it replaces anything (``docx_template.check_written``)."""
    from .docx_template import check_written

    check_written(path, target_name)


class ProgressCounter:
    """Turns steps of work into ``progress(done, total)`` calls."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def step(self, amount: int = 1) -> None:
        self.done += amount
        self._report()

    def at(self, base: int) -> Callable[[int], None]:
        """A callback for ``DocxWriter.table`` that reports ``base + rows written``."""

        def report(rows: int) -> None:
            self.done = base + rows
            self._report()

        return report

    def finish(self) -> None:
        self.done = self.total
        self._report()
