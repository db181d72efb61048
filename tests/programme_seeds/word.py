"""Word documents with programme tables, written the way Word writes them, for the programme-import tests.

Tables are raw WordprocessingML: a heading row is one ``w:tc`` with ``w:gridSpan`` over the table, the
ambition cell is ``w:vMerge restart`` on its first row and an empty ``w:vMerge`` cell below it, every cell
holds several ``w:p`` (Word lists as ``w:numPr`` with a level, or typed "-" / "o" markers), line breaks
are ``w:br``, the header row repeats (``w:tblHeader``). ``Para`` says how one paragraph is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HEADERS = ("Ambities", "Acties", "Verantwoordelijkheid")
WIDTHS = (2900, 4100, 2000)  # twips: fits a portrait A4 page


@dataclass(frozen=True)
class Para:
    text: str
    list_level: int | None = None  # a Word list paragraph (w:numPr), no marker in the text
    bold: bool = False
    style: str = ""


def _runs(text: str, bold: bool) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if piece:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def paragraph_xml(para: Para | str) -> str:
    if isinstance(para, str):
        para = Para(para)
    ppr = ""
    if para.list_level is not None or para.style:
        style = f'<w:pStyle w:val="{para.style}"/>' if para.style else ""
        numpr = (
            f'<w:numPr><w:ilvl w:val="{para.list_level}"/><w:numId w:val="1"/></w:numPr>'
            if para.list_level is not None
            else ""
        )
        ppr = f"<w:pPr>{style}{numpr}</w:pPr>"
    return f"<w:p>{ppr}{_runs(para.text, para.bold)}</w:p>"


def cell_xml(paras: list[Para | str], *, span: int = 1, vmerge: str | None = None, width: int = 3000) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = "".join(paragraph_xml(p) for p in paras) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


class Table:
    """One ``w:tbl``; rows are added in order."""

    def __init__(self, headers: tuple[str, ...] | None = HEADERS, *, repeat_header: bool = True) -> None:
        self.columns = len(headers) if headers else 3
        self.rows: list[str] = []
        if headers:
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if repeat_header else ""
            cells = "".join(cell_xml([Para(h, bold=True)], width=WIDTHS[i % 3]) for i, h in enumerate(headers))
            self.rows.append(f"<w:tr>{trpr}{cells}</w:tr>")

    def heading(self, title: str) -> None:
        self.rows.append(f"<w:tr>{cell_xml([Para(title, bold=True)], span=self.columns, width=sum(WIDTHS))}</w:tr>")

    def row(self, cells: list[str]) -> None:
        self.rows.append(f"<w:tr>{''.join(cells)}</w:tr>")

    def ambition(
        self,
        ambition: list[Para | str],
        rows: list[tuple[list[Para | str], list[Para | str]]],
        *,
        continued: bool = False,
    ) -> None:
        """An ambition cell merged down over ``rows`` (actions cell, responsibility cell) of its actions."""
        for index, (actions, responsibility) in enumerate(rows):
            if index == 0 and not continued:
                first = cell_xml(ambition, vmerge="restart", width=WIDTHS[0])
            else:
                first = cell_xml([], vmerge="continue", width=WIDTHS[0])
            self.row([first, cell_xml(actions, width=WIDTHS[1]), cell_xml(responsibility, width=WIDTHS[2])])

    def xml(self) -> str:
        grid = "".join(f'<w:gridCol w:w="{WIDTHS[i % 3]}"/>' for i in range(self.columns))
        return (
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(self.rows)}</w:tbl>"
        )


class WordDocument:
    """Blocks (paragraphs and tables) of a body, saved as a real .docx through python-docx."""

    def __init__(self, title: str = "") -> None:
        self.blocks: list[str] = []
        self.title = title

    def paragraph(self, text: str, style: str = "") -> None:
        self.blocks.append(paragraph_xml(Para(text, style=style)))

    def table(self, table: Table) -> None:
        self.blocks.append(table.xml())

    def save(self, path: Path) -> Path:
        import docx
        from docx.oxml import parse_xml

        document = docx.Document()
        body = document.element.body
        sect = body[-1]  # w:sectPr stays last
        namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        for block in self.blocks:
            element = parse_xml(_with_namespace(block, namespace))
            sect.addprevious(element)
        document.core_properties.title = self.title
        document.save(str(path))
        return path


def _with_namespace(block: str, namespace: str) -> str:
    end = block.index(">")
    if block[end - 1] == "/":
        end -= 1
    return block[:end] + f" {namespace}" + block[end:]


def responsibility(responsible: list[str], trekkers: list[str], *, inline: bool = False) -> list[Para | str]:
    """A responsibility cell as seed 000 writes it: headings in bold, names one per line (or inline)."""
    head = "Trekkers:" if len(trekkers) != 1 else "Trekker:"
    if inline:
        return [
            f"Verantwoordelijke partijen: {', '.join(responsible) or '-'}",
            f"{head} {', '.join(trekkers) or '-'}",
        ]
    paras: list[Para | str] = [Para("Verantwoordelijke partijen:", bold=True), *(responsible or ["-"]), ""]
    paras += [Para(head, bold=True), *(trekkers or ["-"])]
    return paras
