"""The programme table of a Word document (.docx), as regions write it, read into a ``ProgrammeDraft``.

The layout is that of the Groningen actieprogramma (seed 000) and of the app's own programme export:
columns "Ambities | Acties | Verantwoordelijkheid"; a row with one cell merged across the table
(``w:gridSpan``) names the actielijn; the ambition cell is merged down over the rows of its actions
(``w:vMerge``); actions are "-" or "•" lines (typed, or a Word list) with "o" sub-points; timing stands in
the text ("(klaar: januari 2020)"); the last cell says "Verantwoordelijke partijen:" and "Trekker(s):".
Several tables, a table split by hand over pages (the second part with or without the header row), text
and headings around them are all normal. Cells are read from the XML grid, so merged cells are seen as
Word stores them, whatever python-docx makes of them.

A file that cannot be used raises ``ImportFileError`` with a Dutch message and what to do. No Qt, no
database: ``services.programme_import`` matches the parties to organisations and writes the draft.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .programme_draft import (
    DraftAction,
    DraftAmbition,
    DraftSection,
    ProgrammeDraft,
    Responsibles,
    read_responsibles,
    read_timing,
    title_period,
)
from .programme_lines import CellParagraph, Item, marker_level, split_items
from .workbook import MAX_FILE_BYTES, MAX_PACK_RATIO, MAX_UNPACKED_BYTES, OLE_SIGNATURE, ImportFileError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAVE_AS_DOCX = "Open het in Word (of LibreOffice) en kies Opslaan als > Word-document (.docx); lees dat bestand dan in."
HEADER_ROWS_SEARCHED = 3

# Column headings, normalised (lower case, no accents or punctuation).
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "ambition": (
        "ambitie", "ambities", "ambitie s", "doel", "doelen", "doelstelling", "doelstellingen", "beoogd resultaat",
        "resultaat", "wat willen we bereiken", "ambitie doel",
    ),
    "actions": (
        "actie", "acties", "actie s", "activiteit", "activiteiten", "maatregel", "maatregelen", "wat gaan we doen",
        "actiepunten", "inzet",
    ),
    "responsibility": (
        "verantwoordelijkheid", "verantwoordelijk", "verantwoordelijke", "verantwoordelijken",
        "verantwoordelijke partij", "verantwoordelijke partijen", "wie", "wie is verantwoordelijk", "eigenaar",
    ),
    # A column of its own for the trekkers, beside "Verantwoordelijke partijen" or instead of it.
    "trekker": ("trekker", "trekkers", "trekker s", "trekker en partners", "wie trekt", "penvoerder"),
    "timing": ("planning", "wanneer", "termijn", "deadline", "tijdpad", "periode", "gereed", "klaar"),
}  # fmt: skip
LABELS = {"ambition": "Ambities", "actions": "Acties", "responsibility": "Verantwoordelijkheid"}


def normalise(text: str) -> str:
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", value).split())


def column_role(text: str) -> str | None:
    key = normalise(text)
    for role, words in COLUMN_WORDS.items():
        if key in words:
            return role
    return None


# ---------------------------------------------------------------------------------------------------
# The Word XML, cell by cell


@dataclass
class _Cell:
    start: int  # first grid column
    span: int
    vmerge: str | None  # "restart", "continue" or None
    paragraphs: list[CellParagraph]
    nested: int = 0  # tables inside the cell (their text is read as paragraphs of the cell)
    bold_start: str = ""  # the text of the bold runs that open the cell (an ambition's code: "E1")

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs).strip()


def _local(element: Any) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


_LIST_STYLE = re.compile(r"^(?:listbullet|listnumber|lijstopsommingsteken|lijstnummering)(\d?)$", re.IGNORECASE)


def _paragraph(p: Any) -> tuple[CellParagraph, str, bool]:
    """(paragraph, style id, starts bold) of a ``w:p``: tabs and line breaks kept, Word's list level read."""
    parts: list[str] = []
    for node in p.iter():
        name = _local(node)
        if name == "t" and node.text:
            parts.append(node.text)
        elif name == "tab" and _local(node.getparent()) == "r":
            parts.append("\t")
        elif name in ("br", "cr") and node.get(f"{W}type") in (None, "textWrapping"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
    level: int | None = None
    style = ""
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        style_el = ppr.find(f"{W}pStyle")
        style = style_el.get(f"{W}val", "") if style_el is not None else ""
        numpr = ppr.find(f"{W}numPr")
        if numpr is not None:
            num_id = numpr.find(f"{W}numId")
            if num_id is None or num_id.get(f"{W}val") != "0":
                ilvl = numpr.find(f"{W}ilvl")
                try:
                    level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
                except ValueError:
                    level = 0
        if level is None:
            match = _LIST_STYLE.match(style)
            if match:
                level = int(match.group(1)) - 1 if match.group(1) else 0
    first_run = next((r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()), None)
    bold = False
    if first_run is not None:
        rpr = first_run.find(f"{W}rPr")
        b = rpr.find(f"{W}b") if rpr is not None else None
        bold = b is not None and b.get(f"{W}val", "true") not in ("0", "false")
    return (
        CellParagraph("".join(parts).replace("\u00a0", " "), max(0, level) if level is not None else None),
        style,
        bold,
    )


def _bold_start(p: Any) -> str:
    """The text of the bold runs a paragraph opens with (the export writes an ambition's code so)."""
    text = ""
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        b = rpr.find(f"{W}b") if rpr is not None else None
        run_text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if b is None or b.get(f"{W}val", "true") in ("0", "false"):
            if run_text.strip():
                break
            continue
        text += run_text
    return text.strip()


def _cell(tc: Any, start: int) -> _Cell:
    tcpr = tc.find(f"{W}tcPr")
    span = 1
    vmerge: str | None = None
    if tcpr is not None:
        grid_span = tcpr.find(f"{W}gridSpan")
        if grid_span is not None:
            try:
                span = max(1, int(grid_span.get(f"{W}val", "1")))
            except ValueError:
                span = 1
        merge = tcpr.find(f"{W}vMerge")
        if merge is not None:
            vmerge = merge.get(f"{W}val") or "continue"
    paragraphs: list[CellParagraph] = []
    nested = 0
    bold = ""
    for block in _blocks(tc):
        if _local(block) == "p":
            paragraph, _style, _bold = _paragraph(block)
            if not paragraphs and not bold and paragraph.text.strip():
                bold = _bold_start(block)
            paragraphs.append(paragraph)
        elif _local(block) == "tbl":
            nested += 1
            for p in block.iter(f"{W}p"):
                paragraphs.append(_paragraph(p)[0])
    return _Cell(start, span, vmerge, paragraphs, nested, bold)


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of a body or cell in order, looking inside content controls (``w:sdt``)."""
    for child in parent:
        name = _local(child)
        if name in ("p", "tbl"):
            yield child
        elif name == "sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif name in ("customXml", "smartTag"):
            yield from _blocks(child)


def _rows(tbl: Any) -> list[tuple[list[_Cell], bool]]:
    """(cells, is a repeated header row) per ``w:tr``; cells know their grid column (gridBefore counted)."""
    rows = []
    for tr in tbl.iter(f"{W}tr"):
        if tr.getparent() is not tbl and _local(tr.getparent()) != "sdtContent":
            continue  # a row of a nested table
        column = 0
        header = False
        trpr = tr.find(f"{W}trPr")
        if trpr is not None:
            before = trpr.find(f"{W}gridBefore")
            if before is not None:
                try:
                    column = int(before.get(f"{W}val", "0"))
                except ValueError:
                    column = 0
            header = trpr.find(f"{W}tblHeader") is not None
        cells = []
        for tc in tr.iter(f"{W}tc"):
            if tc.getparent() is not tr and _local(tc.getparent()) not in ("sdtContent", "customXml"):
                continue
            cell = _cell(tc, column)
            cells.append(cell)
            column += cell.span
        rows.append((cells, header))
    return rows


# ---------------------------------------------------------------------------------------------------
# Recognising the programme table


def _header_roles(cells: list[_Cell]) -> dict[str, int] | None:
    """role -> first grid column, when ``cells`` is a header row with at least an actions column and
    an ambition or responsibility column."""
    roles: dict[str, int] = {}
    for cell in cells:
        role = column_role(cell.text)
        if role is not None and role not in roles:
            roles[role] = cell.start
    if "actions" in roles and ("ambition" in roles or "responsibility" in roles or "trekker" in roles):
        return roles
    return None


def _own_header(cells: list[_Cell]) -> bool:
    """True when a row reads as the header of some other table: several cells, each all bold (a table of
    abbreviations after the programme has the programme's width but is no part of it)."""
    filled = [c for c in cells if c.text]
    return len(filled) >= 2 and all(c.bold_start == " ".join(c.text.split()) for c in filled)


def _cell_at(cells: list[_Cell], column: int | None) -> _Cell | None:
    if column is None:
        return None
    return next((c for c in cells if c.start <= column < c.start + c.span), None)


@dataclass
class _Reader:
    file_name: str
    reference: date | None
    known: Callable[[str], bool] | None
    draft: ProgrammeDraft
    section: DraftSection | None = None
    ambition: DraftAmbition | None = None
    pending_heading: str = ""
    roles: dict[str, int] | None = None
    columns: int = 0
    # The names last read per responsibility column: a cell merged down over the next rows repeats them.
    last_names: dict[str, Responsibles] = field(default_factory=dict)
    tables_used: int = 0
    headers_seen: list[str] = field(default_factory=list)

    # -- sections -------------------------------------------------------------------------------------

    def start_section(self, title: str, origin: str) -> None:
        title = " ".join(title.split())
        existing = next((s for s in self.draft.sections if s.title.casefold() == title.casefold()), None)
        if existing is not None and existing is self.draft.sections[-1]:
            self.section = existing  # the same heading repeated over a split table
        else:
            self.section = DraftSection(title, origin=origin)
            self.draft.sections.append(self.section)
        self.ambition = None
        self.pending_heading = ""

    def ensure_section(self, origin: str) -> DraftSection:
        if self.pending_heading:
            self.start_section(self.pending_heading, origin)
        if self.section is None:
            self.start_section("Algemeen", origin)
            self.draft.warnings.append(
                f"Boven de eerste rij ({origin}) staat geen actielijn: de ambities staan onder 'Algemeen'. Geef de "
                "actielijn zo nodig een naam in het voorbeeld."
            )
        assert self.section is not None
        return self.section

    # -- tables ---------------------------------------------------------------------------------------

    def table(self, tbl: Any, number: int) -> None:
        rows = _rows(tbl)
        if not rows:
            return
        width = max((c.start + c.span for cells, _h in rows for c in cells), default=0)
        start = 0
        roles = None
        for index, (cells, _header) in enumerate(rows[:HEADER_ROWS_SEARCHED]):
            roles = _header_roles(cells)
            if roles is not None:
                start = index + 1
                break
        if roles is None:
            if self.roles is not None and width == self.columns and not _own_header(rows[0][0]):
                roles = self.roles  # the rest of the table on a next page, without its header row
            else:
                headers = " | ".join(c.text.replace("\n", " ") for c in rows[0][0] if c.text)
                self.headers_seen.append(headers or "(lege eerste rij)")
                self._nested_programme(tbl, number)
                return
        self.roles, self.columns = roles, width
        self.tables_used += 1
        for index, (cells, header) in enumerate(rows[start:], start=start + 1):
            origin = f"tabel {number}, rij {index}"
            if header or _header_roles(cells) is not None:
                continue  # the header repeated on every page
            self.row(cells, origin)

    def _nested_programme(self, tbl: Any, number: int) -> None:
        """A layout table around the programme table: read the tables inside its cells."""
        inner = [t for t in tbl.iter(f"{W}tbl") if t is not tbl]
        for sub in inner:
            if any(anc is not tbl for anc in sub.iterancestors(f"{W}tbl") if anc is not tbl and anc in inner):
                continue
            before = self.tables_used
            self.table(sub, number)
            if self.tables_used > before:
                self.draft.warnings.append(
                    f"Tabel {number} staat in een andere tabel (een tabel in een cel); de binnenste tabel is "
                    "ingelezen. Controleer in het voorbeeld of alles is meegekomen."
                )

    def row(self, cells: list[_Cell], origin: str) -> None:
        filled = [c for c in cells if c.text]
        if not filled:
            return
        texts = {normalise(c.text) for c in filled}
        if len(texts) == 1 and (len(cells) == 1 or filled[0].span > 1 or len(filled) > 1):
            self.start_section(filled[0].text.split("\n")[0], origin)
            return
        assert self.roles is not None
        ambition_cell = _cell_at(cells, self.roles.get("ambition"))
        actions_cell = _cell_at(cells, self.roles.get("actions"))
        responsibility_cell = _cell_at(cells, self.roles.get("responsibility"))
        trekker_cell = _cell_at(cells, self.roles.get("trekker"))
        timing_cell = _cell_at(cells, self.roles.get("timing"))
        for cell in (ambition_cell, actions_cell, responsibility_cell, trekker_cell, timing_cell):
            if cell is not None and cell.nested:
                self.draft.warnings.append(
                    f"In {origin} staat een tabel in een cel; de tekst ervan is als gewone regels ingelezen. "
                    "Controleer die rij in het voorbeeld."
                )
        section = self.ensure_section(origin)
        new_ambition = ambition_cell is not None and ambition_cell.vmerge != "continue" and bool(ambition_cell.text)
        responsibles = self._responsibles(
            (("responsible", responsibility_cell), ("trekker", trekker_cell)), new_ambition
        )
        if new_ambition or self.ambition is None or self.ambition not in section.ambitions:
            self.ambition = self._ambition(ambition_cell, section, origin)
            self.ambition.responsibles = responsibles or Responsibles()
            section.ambitions.append(self.ambition)
            own = None
        else:
            own = responsibles if responsibles and responsibles.key() != self.ambition.responsibles.key() else None
        timing = timing_cell.text if timing_cell is not None and timing_cell.vmerge != "continue" else ""
        if actions_cell is None or actions_cell.vmerge == "continue":
            return
        for action in self._actions(split_items(actions_cell.paragraphs), origin, timing):
            action.own = own
            self.ambition.actions.append(action)

    def _responsibles(self, cells: tuple[tuple[str, _Cell | None], ...], new_ambition: bool) -> Responsibles | None:
        """The parties and trekkers a row names (None when it names nobody); a cell merged down from the row
        above (``vMerge``) names what that row named."""
        result = Responsibles()
        for role, cell in cells:
            if cell is None:
                continue
            if cell.vmerge == "continue" and not new_ambition:
                names = self.last_names.get(role, Responsibles())
            else:
                names = read_responsibles([p.text for p in cell.paragraphs], default_role=role, known=self.known)
                self.last_names[role] = names
            result.responsible += [x for x in names.responsible if x not in result.responsible]
            result.trekkers += [x for x in names.trekkers if x not in result.trekkers]
        return result or None

    def _ambition(self, cell: _Cell | None, section: DraftSection, origin: str) -> DraftAmbition:
        if cell is None or not cell.text:
            ambition = DraftAmbition(section.title, origin=origin)
            ambition.warnings.append("geen ambitie ingevuld: de actielijn is als ambitie genomen")
            return ambition
        reference = paragraph = ""
        lines: list[CellParagraph] = []
        for p in cell.paragraphs:
            text = p.text.strip()
            match = _REFERENCE.match(text)
            if match:
                reference = text
                paragraph = match.group("paragraph") or (f"H{match.group('chapter')}" if match.group("chapter") else "")
            elif text:
                lines.append(p)
        if len(lines) == 1:
            # "• Er is inzicht ...": one ambition, no list; a number ("1. Intensiveren ...") is part of it.
            text = re.sub(r"^[-–—•*·▪]\s+", "", lines[0].text.strip())
        else:
            # Several paragraphs: kept line by line as written, list marks as "•" and "o".
            text = "\n".join(_bullet_line(p) for p in lines)
        code = ""
        if cell.bold_start and _CODE.fullmatch(cell.bold_start) and text.startswith(cell.bold_start):
            code = cell.bold_start
            text = text[len(code) :].lstrip()
        return DraftAmbition(text or section.title, code=code, reference=reference, paragraph=paragraph, origin=origin)

    def _actions(self, items: list[Item], origin: str, timing: str) -> list[DraftAction]:
        actions: list[DraftAction] = []
        for item in items:
            action = read_timing(item.text, self.reference)
            action.origin = origin
            if timing and not action.deadline_text and item.level == 0:
                parsed = read_timing(f"x ({timing})", self.reference)
                action.deadline_text, action.start, action.end, action.open_end = (
                    timing,
                    parsed.start,
                    parsed.end,
                    parsed.open_end,
                )
            if item.level == 0 or not actions:
                actions.append(action)
            else:
                actions[-1].children.append(action)
        return actions


_REFERENCE = re.compile(
    r"^\(?zie\s+(?:ook\s+)?(?:paragraaf\s+(?P<paragraph>\d+(?:\.\d+)*)|hoofdstuk\s+(?P<chapter>\d+)|bijlage|pagina|blz)",
    re.IGNORECASE,
)
_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}(?:\.\d{1,3})?")


def _bullet_line(p: CellParagraph) -> str:
    level, rest = marker_level(p.text.strip())
    if level is None and p.list_level is not None:
        level, rest = p.list_level, p.text.strip()
    if level is None:
        return p.text.strip()
    return f"{'•' if level == 0 else 'o'} {rest}"


# ---------------------------------------------------------------------------------------------------
# The file


def check_docx_file(path: Path) -> str:
    """ "docx" or "xlsx" for a file that can be read as such; else ``ImportFileError`` saying what it is."""
    name = path.name
    if not path.exists():
        raise ImportFileError(f"Het bestand {name} bestaat niet.", "Kies het bestand opnieuw (is het verplaatst?).")
    if not path.is_file():
        raise ImportFileError(f"{name} is geen bestand maar een map.", "Kies het Word- of Excel-bestand in deze map.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(
            f"Het bestand {name} is leeg (0 bytes).",
            "Vraag het bestand opnieuw op of sla het in Word opnieuw op; een leeg bestand is vaak niet goed "
            "gedownload of opgeslagen.",
        )
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen ({size // (1024 * 1024)} MB; het maximum is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB).",
            "Kopieer alleen de programmatabel naar een nieuw document en lees dat in.",
        )
    with path.open("rb") as handle:
        start = handle.read(4096)
    if start.startswith(OLE_SIGNATURE):
        with path.open("rb") as handle:
            content = handle.read(4 * 1024 * 1024)
        if "EncryptedPackage".encode("utf-16-le") in content:
            raise ImportFileError(
                f"Het bestand {name} is met een wachtwoord beveiligd.",
                "Open het in Word, verwijder het wachtwoord (Bestand > Info > Document beveiligen > Versleutelen met "
                "wachtwoord) en sla het opnieuw op; lees dat bestand dan in.",
            )
        if "WordDocument".encode("utf-16-le") in content:
            raise ImportFileError(f"Het bestand {name} is een oud Word-document (.doc).", SAVE_AS_DOCX)
        raise ImportFileError(
            f"Het bestand {name} is een ouder Office-bestand (.doc of .xls), geen Word-document (.docx).", SAVE_AS_DOCX
        )
    if not zipfile.is_zipfile(path):
        if start.startswith(b"{\\rtf"):
            problem = f"Het bestand {name} is een RTF-document, geen Word-document (.docx)."
        elif start.startswith(b"%PDF"):
            problem = f"Het bestand {name} is een PDF-bestand; daar kan de tabel niet betrouwbaar uit worden gelezen."
            raise ImportFileError(problem, "Vraag het Word-bestand van het programma op en lees dat in.")
        elif start.startswith(b"PK"):
            raise ImportFileError(
                f"Het bestand {name} is beschadigd: het document is niet volledig (onvolledig gedownload of "
                "opgeslagen).",
                "Vraag het bestand opnieuw op, of open het in Word en sla het opnieuw op.",
            )
        elif start.lstrip().lower().startswith((b"<html", b"<!doctype")):
            problem = f"Het bestand {name} is een webpagina, geen Word-document (.docx)."
        else:
            problem = (
                f"Het bestand {name} is geen Word-document (.docx) of Excel-werkmap (.xlsx), of het is beschadigd."
            )
        raise ImportFileError(problem, SAVE_AS_DOCX)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos)
    except Exception as exc:  # noqa: BLE001 - zipfile raises many kinds for damaged archives
        raise ImportFileError(
            f"Het bestand {name} is beschadigd (onvolledig gedownload of opgeslagen) en kan niet worden gelezen.",
            "Vraag het bestand opnieuw op, of open het in Word en sla het opnieuw op.",
            f"{type(exc).__name__}: {exc}",
        ) from exc
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked > MAX_PACK_RATIO * max(packed, 1)):
        raise ImportFileError(
            f"Het bestand {name} is te groot om in te lezen (uitgepakt {unpacked // (1024 * 1024)} MB).",
            "Kopieer alleen de programmatabel naar een nieuw document en lees dat in. Komt het bestand van buiten, "
            "vertrouw het dan niet.",
        )
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        raise ImportFileError(
            f"Het bestand {name} is een PowerPoint-presentatie, geen Word-document.",
            "Kies het Word-document of de Excel-werkmap met het programma.",
        )
    raise ImportFileError(
        f"Het bestand {name} is geen Word-document (.docx): het deel met de tekst ontbreekt.", SAVE_AS_DOCX
    )


def _document_title(document: Any, paragraphs: list[tuple[str, str]], fallback: str) -> str:
    core = (document.core_properties.title or "").strip()
    core = re.sub(r"^Microsoft Word\s*-\s*", "", core).removesuffix(".docx").strip()
    if core:
        return core[:300]
    for style, text in paragraphs:
        if normalise(style) in ("title", "titel") and text.strip():
            return " ".join(text.split())[:300]
    for style, text in paragraphs:
        if _is_heading(style) and text.strip():
            return " ".join(text.split())[:300]
    return fallback


def _is_heading(style: str) -> bool:
    key = normalise(style).replace(" ", "")
    return key.startswith(("heading", "kop")) and key[-1:].isdigit()


def read_programme_docx(
    path: Path | str, *, known: Callable[[str], bool] | None = None, reference: date | None = None
) -> ProgrammeDraft:
    """Read the programme tables of a Word document; raises ``ImportFileError`` (Dutch) when there are none.

    ``known`` tells whether a name is one organisation (so "Centrum voor Jeugd en Gezin" is not split);
    ``reference`` the date timing without a year is read against (default: 1 January of the first year the
    title names, else the document's creation date).
    """
    path = Path(path)
    kind = check_docx_file(path)
    if kind != "docx":
        raise ImportFileError(
            f"Het bestand {path.name} is een Excel-werkmap, geen Word-document.", "Lees het in als Excel-bestand."
        )
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds for damaged files
        raise ImportFileError(
            f"Het bestand {path.name} kan niet als Word-document worden gelezen: een deel ervan ontbreekt of is "
            "beschadigd.",
            "Open het in Word en sla het opnieuw op als Word-document (.docx); lukt openen niet, vraag het bestand "
            "dan opnieuw op.",
            f"{type(exc).__name__}: {exc}",
        ) from exc
    body = document.element.body
    blocks = list(_blocks(body))
    paragraphs = [(_paragraph(b)[1], _paragraph(b)[0].text) for b in blocks if _local(b) == "p"]
    title = _document_title(document, paragraphs, path.stem)
    first, last = title_period(title)
    if first is None:
        # "Regio Groningen · 2019-2021" under the title: the period from the text above the first table.
        for block in blocks:
            if _local(block) == "tbl":
                break
            first, last = title_period(_paragraph(block)[0].text)
            if first is not None:
                break
    if reference is None:
        if first is not None:
            reference = date(first, 1, 1)
        else:
            created = document.core_properties.created
            reference = created.date() if isinstance(created, datetime) else None
    draft = ProgrammeDraft(path.name, "docx", title, period_start=first, period_end=last, reference=reference)
    reader = _Reader(path.name, reference, known, draft)
    tables = 0
    for block in blocks:
        if _local(block) == "p":
            cell, style, _bold = _paragraph(block)
            if _is_heading(style) and cell.text.strip() and cell.text.strip() != title:
                reader.pending_heading = cell.text.strip()
            continue
        tables += 1
        reader.table(block, tables)
    if tables == 0:
        raise ImportFileError(
            f"Het document {path.name} bevat geen tabel.",
            "Het programma wordt gelezen uit een tabel met de kolommen Ambities, Acties en Verantwoordelijkheid. "
            "Zet het programma in zo'n tabel (of in een Excel-werkmap met een regel per actie) en lees het opnieuw in.",
        )
    if reader.tables_used == 0:
        seen = "; ".join(reader.headers_seen[:4])
        raise ImportFileError(
            f"Het document {path.name} bevat {tables} {'tabel' if tables == 1 else 'tabellen'}, maar geen "
            "programmatabel "
            f"(gevonden kolomkoppen: {seen}).",
            "Geef de tabel een kopregel met de kolommen Ambities, Acties en Verantwoordelijkheid (Acties is nodig, "
            "met Ambities of Verantwoordelijkheid) en lees het document opnieuw in.",
        )
    draft.sections = [s for s in draft.sections if s.ambitions]
    if not any(True for _ in draft.actions()) and not any(True for _ in draft.ambitions()):
        raise ImportFileError(
            f"De programmatabel in {path.name} is leeg: er staan geen ambities of acties in.",
            "Vul de tabel en lees het document opnieuw in.",
        )
    skipped = len(reader.headers_seen)
    if skipped:
        draft.warnings.append(
            f"{skipped} {'tabel is' if skipped == 1 else 'tabellen zijn'} overgeslagen: geen programmatabel "
            f"(kolomkoppen: {'; '.join(reader.headers_seen[:3])})."
        )
    return draft
