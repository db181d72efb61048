"""Importing a programme from Word: tables built as Word writes them from the structures of seeds 000, 001, 003,
004 and Deventer; the demo programme exported and read back; the line splitter and the responsibility cell.

Each seed is written in another way a region writes it (Word lists, typed "-"/"o", "•", numbering; names one
per line or inline; actielijn as a merged heading row or as a heading above the table; tables split by hand
with and without the header row; text between the tables). The check is always the same: every actielijn,
ambition and action comes back in order, nothing of the text is lost (text + timing as written = what the
cell said), the period is the one the deadline parser reads, and parties and trekkers land on the ambition
(an action row with other parties keeps its own).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from programme_seeds.word import WIDTHS, Para, Table, WordDocument, cell_xml, responsibility

from ghnt_desktop.deadlines import parse_deadline
from ghnt_desktop.imports.programme_docx import read_programme_docx
from ghnt_desktop.imports.programme_draft import split_labels
from ghnt_desktop.paths import resource

SEEDS = Path(__file__).parent / "programme_seeds" / "seeds_001_003_004_deventer.json"


def squash(text: str) -> str:
    return " ".join(re.sub(r"(?m)^\s*[o•\-–*▪·]\s+", " ", text or "").split()).casefold()


# ---------------------------------------------------------------------------------------------------
# Seed 000: the Groningen programme table


def _seed000_rows() -> list[dict]:
    rows = json.loads(resource("demo", "groningen_actieprogramma_2019_acties.json").read_text(encoding="utf-8"))
    return [r for r in rows if r["tabelrij"]]


def _seed000_ordered() -> list[dict]:
    """The rows in the order of the table: per actielijn, per ambition (the extract lists some later)."""
    rows = _seed000_rows()
    out = []
    for line in dict.fromkeys(r["actielijn"] for r in rows):
        mine = [r for r in rows if r["actielijn"] == line]
        for code in dict.fromkeys(r["tabelrij"] for r in mine):
            out += [r for r in mine if r["tabelrij"] == code]
    return out


def _written(text: str, deadline: str | None) -> str:
    return f"{text.strip()} ({deadline})" if deadline else text.strip()


def build_seed000(path: Path, *, split_after: int = 3) -> Path:
    """The seed 000 table: a heading row per actielijn, the ambition merged down over its actions (a new row
    where the responsibility changes), actions as a Word list with typed "o" sub-points, and the "Zie
    paragraaf" reference under the ambition; split into two tables after ``split_after`` actielijnen,
    with the header repeated and text between them."""
    rows = _seed000_rows()
    document = WordDocument("Regionaal actieprogramma Geweld hoort nergens thuis 2019-2021")
    document.paragraph("Regionaal actieprogramma Geweld hoort nergens thuis", style="Title")
    document.paragraph("Regio Groningen, 2019-2021. Vastgesteld door het regionaal bestuurlijk overleg.")
    document.paragraph("Samenvatting van de ambities per programmalijn", style="Heading1")
    table = Table()
    sections: list[str] = []
    for row in rows:
        if row["actielijn"] not in sections:
            if len(sections) == split_after:
                document.table(table)
                document.paragraph("Vervolg van de tabel op de volgende bladzijde.")
                table = Table()
            sections.append(row["actielijn"])
            table.heading(row["actielijn"])
            by_ambition = [r for r in rows if r["actielijn"] == row["actielijn"]]
            codes = list(dict.fromkeys(r["tabelrij"] for r in by_ambition))
            for code in codes:
                mine = [r for r in by_ambition if r["tabelrij"] == code]
                ambition_paras: list[Para | str] = [
                    Para(line) for line in mine[0]["ambitie"].split("\n") if line.strip()
                ]
                if mine[0].get("verwijzing_in_tabel"):
                    ambition_paras += ["", mine[0]["verwijzing_in_tabel"]]
                chunks: list[tuple[tuple, list[dict]]] = []
                for r in mine:
                    key = (tuple(r["verantwoordelijke_partijen"]), tuple(r["trekkers"]))
                    if chunks and chunks[-1][0] == key:
                        chunks[-1][1].append(r)
                    else:
                        chunks.append((key, [r]))
                cells = []
                for (responsible, trekkers), chunk in chunks:
                    actions: list[Para | str] = []
                    for r in chunk:
                        text = _written(r["actie"], r["deadline_text"])
                        if r["niveau"] == 1:
                            actions.append(Para(text, list_level=0))
                        else:
                            actions.append(Para(f"o\t{text}"))
                    cells.append((actions, responsibility(list(responsible), list(trekkers))))
                table.ambition(ambition_paras, cells)
    document.table(table)
    document.paragraph("Hoofdstuk 1 Context", style="Heading1")
    document.paragraph("De tekst na de tabel hoort niet bij het programma.")
    return document.save(path)


def test_seed000_table_comes_back_whole(tmp_path):
    draft = read_programme_docx(build_seed000(tmp_path / "groningen.docx"))
    rows = _seed000_ordered()
    assert draft.title == "Regionaal actieprogramma Geweld hoort nergens thuis 2019-2021"
    assert (draft.period_start, draft.period_end) == (2019, 2021)
    assert [s.title for s in draft.sections] == list(dict.fromkeys(r["actielijn"] for r in rows))
    ambitions = list(draft.ambitions())
    assert len(ambitions) == len({r["tabelrij"] for r in rows})
    actions = list(draft.actions())
    assert len(actions) == len(rows)
    for action, row in zip(actions, rows, strict=True):
        written = _written(row["actie"], row["deadline_text"])
        back = _written(action.text, action.deadline_text)
        assert squash(back) == squash(written), (row["id"], action.text, action.deadline_text)
        if row["deadline_text"]:
            expected = parse_deadline(row["deadline_text"], reference=date(2019, 1, 1))
            assert action.deadline_text == row["deadline_text"]
            assert (action.start, action.end) == (expected.start, expected.end)
    for ambition in ambitions:
        row = next(r for r in rows if squash(r["ambitie"]) == squash(ambition.text))
        assert ambition.responsibles.responsible == row["verantwoordelijke_partijen"]
        assert ambition.responsibles.trekkers == row["trekkers"]
        assert ambition.reference == (row.get("verwijzing_in_tabel") or "")
    # Sub-points stay with their action: "Werkgroep formeren om:" carries its two "o" points.
    werkgroep = next(a for a in draft.ambitions() if a.text.startswith("De professional")).actions[0]
    assert werkgroep.text == "Werkgroep formeren om:"
    assert [c.text[:24] for c in werkgroep.children] == ["de visie voor te leggen ", "een implementatieplan vo"]
    assert not draft.warnings


def test_seed000_action_rows_with_other_parties_keep_their_own(tmp_path):
    draft = read_programme_docx(build_seed000(tmp_path / "groningen.docx"))
    rows = _seed000_rows()
    by_text = {squash(_written(r["actie"], r["deadline_text"])): r for r in rows}
    overriding = 0
    for ambition in draft.ambitions():
        for action in ambition.actions:
            row = by_text[squash(_written(action.text, action.deadline_text))]
            in_force = action.own or ambition.responsibles
            if row["verantwoordelijke_partijen"] or row["trekkers"]:  # a row naming nobody inherits
                assert (in_force.responsible, in_force.trekkers) == (row["verantwoordelijke_partijen"], row["trekkers"])
            else:
                assert action.own is None
            overriding += action.own is not None
    assert overriding == 2  # S1's last two actions: "Gemeenten hebben gezamenlijk besloten"


# ---------------------------------------------------------------------------------------------------
# Seeds 001, 003, 004 and Deventer, each written in another way


STYLES = {
    # seed: (how actions are written, responsibility inline, actielijn as heading above the table, split every)
    "001": ("dash", False, False, 12),
    "003": ("bullet", True, False, 25),
    "004": ("numbered", False, True, 0),
    "deventer": ("wordlist", True, False, 9),
}


def _action_para(style: str, index: int, text: str) -> Para:
    if style == "dash":
        return Para(f"- {text}")
    if style == "bullet":
        return Para(f"•\t{text}")
    if style == "numbered":
        return Para(f"{index + 1}. {text}")
    return Para(text, list_level=0)


def _groups(rows: list[dict]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Consecutive rows by actielijn, then by ambition."""
    out: list[tuple[str, list[tuple[str, list[dict]]]]] = []
    for row in rows:
        line = row["actielijn"]
        ambition = row["ambitie"] or line
        if not out or out[-1][0] != line:
            out.append((line, []))
        if not out[-1][1] or out[-1][1][-1][0] != ambition:
            out[-1][1].append((ambition, []))
        out[-1][1][-1][1].append(row)
    return out


def build_seed(seed: str, rows: list[dict], path: Path) -> Path:
    """The seed's actions in programme tables written in the seed's own way; every ``split_every`` action rows
    the table is cut by hand: text between the parts, the next part with or without the header row, and an
    ambition that goes on there with its cell left empty."""
    style, inline, heading_above, split_every = STYLES[seed]
    document = WordDocument(f"Actieprogramma seed {seed}")
    document.paragraph(f"Actieprogramma seed {seed}", style="Title")
    document.paragraph("Inleiding: dit programma beschrijft de acties per actielijn.")
    table: Table | None = None
    in_table = tables = 0
    for line, ambitions in _groups(rows):
        if heading_above:
            if table is not None:
                document.table(table)
            document.paragraph(line, style="Heading2")
            table, in_table = Table(), 0
        else:
            if table is None:
                table = Table()
            table.heading(line)
        for ambition, mine in ambitions:
            for index, row in enumerate(mine):
                fresh = False
                if split_every and in_table >= split_every:
                    document.table(table)
                    document.paragraph("(vervolg op de volgende bladzijde)")
                    tables += 1
                    table, in_table, fresh = (Table() if tables % 2 else Table(headers=None)), 0, True
                action = _action_para(style, index, _written(row["actie"], row["deadline_text"]))
                resp = responsibility(row["verantwoordelijke_partijen"], row["trekkers"], inline=inline)
                if index == 0:
                    first = cell_xml([ambition], vmerge="restart", width=WIDTHS[0])
                elif fresh:
                    first = cell_xml([], width=WIDTHS[0])
                else:
                    first = cell_xml([], vmerge="continue", width=WIDTHS[0])
                table.row([first, cell_xml([action], width=WIDTHS[1]), cell_xml(resp, width=WIDTHS[2])])
                in_table += 1
    assert table is not None
    document.table(table)
    document.paragraph("Bijlage: afkortingen.")
    return document.save(path)


def _labels(values: list[str], inline: bool) -> list[str]:
    """The names as the cell gives them: one per line stays whole; a single line (inline, or one name) is
    split at commas and " en ", as ``test_split_labels`` pins down ("Projectleider GHNT en Politie")."""
    out: list[str] = []
    for value in [", ".join(values)] if inline and len(values) > 1 else values:
        for label in split_labels(value, commas_only=len(values) > 1 and not inline):
            if label.casefold() not in (x.casefold() for x in out):
                out.append(label)
    return out


@pytest.mark.parametrize("seed", list(STYLES))
def test_seed_structures_come_back_whole(tmp_path, seed):
    rows = json.loads(SEEDS.read_text(encoding="utf-8"))[seed]
    inline = STYLES[seed][1]
    draft = read_programme_docx(build_seed(seed, rows, tmp_path / f"{seed}.docx"))
    groups = _groups(rows)
    # Consecutive parts under the same actielijn (a table split by hand) are one section.
    assert [s.title for s in draft.sections] == [" ".join(line.split()) for line, _a in groups]
    for section, (_line, ambitions) in zip(draft.sections, groups, strict=True):
        assert [squash(a.text) for a in section.ambitions] == [squash(a) for a, _r in ambitions]
        for ambition, (_text, mine) in zip(section.ambitions, ambitions, strict=True):
            assert len(ambition.actions) == len(mine)
            first = mine[0]
            assert ambition.responsibles.responsible == _labels(first["verantwoordelijke_partijen"], inline)
            assert ambition.responsibles.trekkers == _labels(first["trekkers"], inline)
            for action, row in zip(ambition.actions, mine, strict=True):
                written = _written(row["actie"], row["deadline_text"])
                # Timing at the end moves to the deadline; timing inside the text stays in it as well.
                assert squash(written) in (squash(_written(action.text, action.deadline_text)), squash(action.text))
                if action.deadline_text:
                    parsed = parse_deadline(action.deadline_text, reference=draft_reference(draft))
                    assert (action.start, action.end) == (parsed.start, parsed.end)
                in_force = action.own or ambition.responsibles
                if not (row["verantwoordelijke_partijen"] or row["trekkers"]):
                    assert action.own is None  # a row naming nobody inherits the ambition's
                    continue
                assert in_force.responsible == _labels(row["verantwoordelijke_partijen"], inline)
                assert in_force.trekkers == _labels(row["trekkers"], inline)


def draft_reference(draft) -> date | None:
    assert draft.reference == (date(draft.period_start, 1, 1) if draft.period_start else draft.reference)
    return draft.reference


def test_a_table_with_separate_party_and_trekker_columns_merged_down(tmp_path):
    """ "Ambitie | Acties | Verantwoordelijke partijen | Trekker": the trekker cell merged over an ambition's rows
    counts for each of them; a row whose parties differ keeps its own."""
    table = Table(("Ambitie", "Acties", "Verantwoordelijke partijen", "Trekker"))
    table.heading("Actielijn 2: Stoppen en duurzaam oplossen")
    table.row(
        [
            cell_xml(["Veilig Thuis en lokale teams werken samen"], vmerge="restart"),
            cell_xml(["- Afspraken maken"]),
            cell_xml(["Alle gemeenten"]),
            cell_xml(["Veilig Thuis"], vmerge="restart"),
        ]
    )
    table.row(
        [
            cell_xml([], vmerge="continue"),
            cell_xml(["- Pilot MDA++ (2020)"]),
            cell_xml(["Gemeente Assen"]),
            cell_xml([], vmerge="continue"),
        ]
    )
    table.row(
        [
            cell_xml([], vmerge="continue"),
            cell_xml(["- Evalueren"]),
            cell_xml(["Gemeente Assen"]),
            cell_xml([], vmerge="continue"),
        ]
    )
    document = WordDocument("Programma Drenthe 2019-2022")
    document.table(table)
    draft = read_programme_docx(document.save(tmp_path / "vier.docx"))
    (ambition,) = list(draft.ambitions())
    assert (ambition.responsibles.responsible, ambition.responsibles.trekkers) == (["Alle gemeenten"], ["Veilig Thuis"])
    first, pilot, evaluate = ambition.actions
    assert first.own is None
    assert pilot.own is not None and (pilot.own.responsible, pilot.own.trekkers) == (
        ["Gemeente Assen"],
        ["Veilig Thuis"],
    )
    assert evaluate.own is not None and evaluate.own.key() == pilot.own.key()
    assert (pilot.text, pilot.deadline_text, pilot.start) == ("Pilot MDA++", "2020", date(2020, 1, 1))


def test_a_table_of_the_same_width_after_the_programme_is_not_read_as_its_continuation(tmp_path):
    document = WordDocument("Programma 2020-2022")
    table = Table()
    table.heading("Eerder en beter in beeld")
    table.ambition(["Preventie op orde"], [(["- Inventariseren"], responsibility(["Alle gemeenten"], ["GGD"]))])
    document.table(table)
    document.paragraph("Bijlage: afkortingen", style="Heading1")
    abbreviations = Table(headers=None)
    abbreviations.row([cell_xml([Para("Afkorting", bold=True)]), cell_xml([Para("Betekenis", bold=True)]),
                       cell_xml([Para("Bron", bold=True)])])  # fmt: skip
    abbreviations.row([cell_xml(["VT"]), cell_xml(["Veilig Thuis"]), cell_xml(["Wet"])])
    document.table(abbreviations)
    draft = read_programme_docx(document.save(tmp_path / "bijlage.docx"))
    assert draft.counts() == (1, 1, 1, 0)
    assert any("overgeslagen" in w and "Afkorting | Betekenis | Bron" in w for w in draft.warnings)
