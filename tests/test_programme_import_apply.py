"""Programme import end to end: the demo programme exported to Word and read back gives the same tree; the
preview matches parties to organisations; writing is all-or-nothing and can be taken back; malformed files
get a Dutch message; the command line; the line splitter and the responsibility cell as properties."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from programme_seeds.word import Table, WordDocument
from sqlalchemy import func, select

from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.imports.programme_docx import read_programme_docx
from ghnt_desktop.imports.programme_draft import read_responsibles, read_timing, split_labels
from ghnt_desktop.imports.programme_file import preview_programme
from ghnt_desktop.imports.programme_lines import CellParagraph, Item, split_items
from ghnt_desktop.imports.workbook import ImportFileError
from ghnt_desktop.models import Organisation, Programme, ProgrammeAction, ProgrammeStatus, Responsibility
from ghnt_desktop.services.documents import find_programme_id, programme_document
from ghnt_desktop.services.programme_import import import_programme, looks_like_organisation, remove_imported_programme

TODAY = date(2026, 3, 2)


def squash(text: str) -> str:
    return " ".join(re.sub(r"(?m)^\s*[o•\-–*▪·]\s+", " ", text or "").split()).casefold()


def tree(document) -> list:
    """What the programme table shows, compared loosely only in spacing and list marks."""
    out = []
    for section in document.sections:
        rows = []
        for row in section.rows:
            ambition = squash("\n".join([row.ambition_text, *row.sub_points]))
            actions = [(squash(a.text), a.deadline_text, a.level) for a in row.actions]
            rows.append((row.ambition_code, ambition, row.reference, actions, row.responsible, row.trekkers))
        out.append((section.title, rows))
    return out


def periods(session, programme_id, *, written_only: bool = True) -> dict:
    """Action text -> (start, end) of the period read, for the actions with a deadline as written (or all)."""
    from ghnt_desktop.models import Ambition, Section

    rows = session.execute(
        select(
            ProgrammeAction.text,
            ProgrammeAction.deadline_text,
            ProgrammeAction.deadline_start,
            ProgrammeAction.deadline_end,
        )
        .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .join(Section, Ambition.section_id == Section.id)
        .where(Section.programme_id == programme_id, ProgrammeAction.in_programme_table)  # what the table prints
    ).all()
    return {squash(t): (s, e) for t, d, s, e in rows if d or not written_only}


@pytest.fixture
def exported(demo_database, tmp_path):
    """The demo programme as the app exports it to Word, with the demo's tree and periods."""
    from ghnt_desktop.exports.docx_programme import export_programma

    database = open_database(demo_database(TODAY))
    try:
        with database.read_session() as session:
            programme_id = find_programme_id(session)
            document = programme_document(session, programme_id)
            expected = (tree(document), periods(session, programme_id), document.title)
        path = tmp_path / "programma.docx"
        export_programma(document, path)
    finally:
        database.close()
    return path, expected


def test_the_demo_programme_exported_and_read_back_is_the_same_tree(exported, database):
    path, (expected_tree, expected_periods, title) = exported
    with database.session() as session:
        preview = preview_programme(session, path)
        result = import_programme(session, preview.draft, preview.parties)
    with database.read_session() as session:
        document = programme_document(session, result.programme_id)
        assert document.title == title
        assert tree(document) == expected_tree
        # Every period the demo read from a deadline comes back (the export leaves out a deadline the text
        # already says; the import reads it from the text then).
        back = periods(session, result.programme_id, written_only=False)
        assert expected_periods and {t: back[t] for t in expected_periods} == expected_periods
        programme = session.get(Programme, result.programme_id)
        assert (programme.period_start, programme.period_end) == (2025, 2027)
        assert programme.status is ProgrammeStatus.ACTIVE  # the first programme of the database
    assert result.sub_actions == 7 and result.actions == 45  # the demo's 69 less the 24 from the body text (X-01..X-24)


def test_reading_back_into_the_demo_links_its_organisations_and_adds_a_concept_programme(exported, demo_database):
    path, (expected_tree, _periods, _title) = exported
    database = open_database(demo_database(TODAY))
    try:
        with database.session() as session:
            organisations = session.scalar(select(func.count(Organisation.id)))
            preview = preview_programme(session, path)
            # Known names are linked as the other imports link them (alias, abbreviation).
            assert preview.choice("Politie").target_name.startswith("Politie")
            assert preview.choice("Projectleider GHNT").create is False
            result = import_programme(
                session, preview.draft, preview.parties, title="Regionaal programma, tweede lezing"
            )
        with database.read_session() as session:
            assert session.scalar(select(func.count(Organisation.id))) == organisations + len(
                result.organisations_created
            )
            assert result.status is ProgrammeStatus.CONCEPT  # the demo's own programme stays the running one
            assert find_programme_id(session) != result.programme_id
            assert tree(programme_document(session, result.programme_id)) == expected_tree
            linked = session.scalar(
                select(func.count(Responsibility.id)).where(Responsibility.organisation_id.is_not(None))
            )
            assert linked > 0
    finally:
        database.close()


def test_an_import_is_all_or_nothing_and_can_be_taken_back(exported, database):
    path, _expected = exported
    with database.session() as session:
        preview = preview_programme(session, path)
    preview.draft.sections[0].ambitions[0].actions[0].text = None  # type: ignore[assignment]  # fails in the write
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):  # text NOT NULL: the write fails half-way
        with database.session() as session:
            import_programme(session, preview.draft, preview.parties)
    with database.read_session() as session:
        assert session.scalar(select(func.count(Programme.id))) == 0
        assert session.scalar(select(func.count(Organisation.id))) == 0
    preview.draft.sections[0].ambitions[0].actions[0].text = "Werkgroep formeren om:"
    with database.session() as session:
        result = import_programme(session, preview.draft, preview.parties)
    assert result.organisations_created
    with database.session() as session:
        remove_imported_programme(session, result.programme_id, result.organisations_created)
    with database.read_session() as session:
        assert session.scalar(select(func.count(Programme.id))) == 0
        assert session.scalar(select(func.count(ProgrammeAction.id))) == 0
        assert session.scalar(select(func.count(Organisation.id))) == 0


def test_unticked_parts_and_corrected_names_are_what_is_written(exported, database):
    path, _expected = exported
    with database.session() as session:
        preview = preview_programme(session, path)
        draft = preview.draft
        draft.sections[0].include = False  # Visie
        context = draft.sections[1].ambitions[0]
        kept = len(context.actions) - 1
        context.actions[-1].include = False
        context.responsibles.trekkers = ["Projectleider Geweld hoort nergens thuis"]
        # An action whose sub-points the user removed comes in without them.
        pruned = next(a for sec in draft.sections[2:] for amb in sec.ambitions for a in amb.actions if a.children)
        pruned.children = []
        result = import_programme(session, preview.draft, preview.parties)
    with database.read_session() as session:
        document = programme_document(session, result.programme_id)
        assert [s.title for s in document.sections][0] == "Context"
        row = document.sections[0].rows[0]
        assert len(row.actions) == kept and row.trekkers == ("Projectleider Geweld hoort nergens thuis",)
        lines = [line for section in document.sections for row in section.rows for line in row.actions]
        assert squash(pruned.text) in [squash(line.text) for line in lines]
        assert len(lines) == result.actions + result.sub_actions


# ---------------------------------------------------------------------------------------------------
# Malformed programme files: a Dutch message that says what to do, nothing written


def _docx_without_table(path: Path) -> Path:
    document = WordDocument("Notitie")
    document.paragraph("Een notitie zonder tabel.")
    return document.save(path)


def _docx_other_table(path: Path) -> Path:
    document = WordDocument("Besluitenlijst")
    table = Table(("Nr", "Besluit", "Datum"))
    table.row([_cell("1"), _cell("Akkoord met het plan"), _cell("12-03-2020")])
    document.table(table)
    return document.save(path)


def _cell(text: str) -> str:
    from programme_seeds.word import cell_xml

    return cell_xml([text])


def _docx_nested(path: Path) -> Path:
    """The programme table inside a one-cell layout table, and a table inside an actions cell."""
    inner = Table()
    inner.heading("Eerder en beter in beeld")
    nested = Table(("Wat", "Wanneer")).xml()
    inner.row(
        [
            _cell("Er is preventiebeleid"),
            f"<w:tc><w:p><w:r><w:t>- Inventariseren</w:t></w:r></w:p>{nested}<w:p/></w:tc>",
            _cell("Trekker: GGD"),
        ]
    )
    document = WordDocument("Programma")
    document.blocks.append(
        f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{inner.xml()}<w:p/></w:tc></w:tr></w:tbl>"
    )
    return document.save(path)


def _empty_table(path: Path) -> Path:
    document = WordDocument("Programma")
    document.table(Table())
    return document.save(path)


def _encrypted(path: Path) -> Path:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500
    path.write_bytes(ole)
    return path


def _old_doc(path: Path) -> Path:
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le") + b"\x00" * 99
    )
    return path


def _renamed_text(path: Path) -> Path:
    path.write_text("Ambities;Acties;Verantwoordelijkheid\nA;B;C\n", encoding="utf-8")
    return path


def _garbage(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 20)
    return path


def _truncated(path: Path) -> Path:
    full = _docx_other_table(path.with_name("full.docx")).read_bytes()
    path.write_bytes(full[: len(full) // 2])
    return path


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def _broken_xml(path: Path) -> Path:
    source = _docx_other_table(path.with_name("ok.docx"))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 3]
            dst.writestr(info, data)
    return path


MALFORMED = {
    "geen tabel": (_docx_without_table, "bevat geen tabel"),
    "andere kolommen": (_docx_other_table, "geen programmatabel (gevonden kolomkoppen: Nr | Besluit | Datum)"),
    "lege tabel": (_empty_table, "is leeg"),
    "leeg bestand": (lambda p: (p.write_bytes(b""), p)[1], "is leeg (0 bytes)"),
    "oud .doc": (_old_doc, "oud Word-document (.doc)"),
    "wachtwoord": (_encrypted, "met een wachtwoord beveiligd"),
    "tekst met .docx": (_renamed_text, "geen Word-document"),
    "rommel": (_garbage, "geen Word-document"),
    "half gedownload": (_truncated, "beschadigd"),
    "zip zonder document": (_zip_without_document, "het deel met de tekst ontbreekt"),
    "kapotte xml": (_broken_xml, "beschadigd"),
    "bestaat niet": (lambda p: p, "bestaat niet"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_file_gets_a_dutch_message_and_nothing_is_written(tmp_path, case, capsys):
    make, expected = MALFORMED[case]
    path = make(tmp_path / ("programma.doc" if case == "oud .doc" else "programma.docx"))
    with pytest.raises(ImportFileError) as caught:
        read_programme_docx(path)
    message = str(caught.value)
    assert expected in message
    assert caught.value.action  # what to do next
    assert "Traceback" not in message and "Error" not in caught.value.problem
    db = tmp_path / "nieuw.db"
    assert main(["import", "programma", str(path), "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("Fout: ") and expected in out
    assert not db.exists()  # a new database is made only for a programme that was read


def test_a_nested_table_is_read_with_a_warning(tmp_path):
    draft = read_programme_docx(_docx_nested(tmp_path / "genest.docx"))
    assert [s.title for s in draft.sections] == ["Eerder en beter in beeld"]
    assert draft.sections[0].ambitions[0].responsibles.trekkers == ["GGD"]
    assert any("in een andere tabel" in w for w in draft.warnings)
    assert any("tabel in een cel" in w for w in draft.warnings)


# ---------------------------------------------------------------------------------------------------
# Command line


def test_import_programma_makes_a_new_database_with_the_title_of_the_document(exported, tmp_path, capsys):
    path, (expected_tree, _periods, title) = exported
    db = tmp_path / "nieuwe-regio.db"
    assert main(["import", "programma", str(path), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Proefdraai: er is niets opgeslagen." in out and "== Eerder en beter in beeld" in out
    assert "(klaar: januari 2026) [01-01-2026 t/m 31-01-2026]" in out
    assert not db.exists()
    assert main(["import", "programma", str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Ingelezen in de nieuwe database" in out and "Nieuwe organisaties: Wij Groningen" in out
    database = open_database(db)
    try:
        with database.read_session() as session:
            programme_id = find_programme_id(session)
            assert session.get(Programme, programme_id).title == title
            assert tree(programme_document(session, programme_id)) == expected_tree
    finally:
        database.close()


def test_import_programma_from_excel_with_a_column_override(database, tmp_path, capsys):
    import openpyxl

    database.close()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Actieprogramma Noord 2021-2024"])
    sheet.append([])
    sheet.append(["Lijn", "Doel", "Acties", "Trekker", "Verantwoordelijke partijen", "Planning", "Opmerking"])
    sheet.append(
        [
            "Eerder in beeld",
            "Preventie op orde",
            "Inventariseren\no aanbod scholen\no aanbod sport",
            "GGD",
            "Alle gemeenten",
            "Q2 2021",
            "loopt",
        ]
    )
    sheet.append(["Eerder in beeld", "Preventie op orde", "Plan van aanpak", "GGD", "Alle gemeenten", "eind 2021"])
    sheet.append(["Stoppen", "Samenwerking VT", "Afspraken maken", "Veilig Thuis", "Gemeente Assen", "2022"])
    path = tmp_path / "programma.xlsx"
    workbook.save(path)
    code = main(
        [
            "import",
            "programma",
            str(path),
            "--db",
            str(database.path),
            "--column",
            "Lijn=section",
            "--column",
            "Opmerking=ignore",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert (
        "Programma 'Actieprogramma Noord 2021-2024'" in out
        and "2 actielijnen, 2 ambities, 3 acties, 2 subacties" in out
    )
    db = open_database(database.path)
    try:
        with db.read_session() as session:
            document = programme_document(session, find_programme_id(session))
            first = document.sections[0].rows[0]
            assert first.ambition_text == "Preventie op orde"
            assert (first.responsible, first.trekkers) == (("Alle gemeenten",), ("GGD",))
            assert [(a.text, a.level) for a in first.actions][:3] == [
                ("Inventariseren", 0),
                ("aanbod scholen", 1),
                ("aanbod sport", 1),
            ]
            programme = session.get(Programme, find_programme_id(session))
            assert (programme.period_start, programme.period_end) == (2021, 2024)
            notes = session.scalars(select(ProgrammeAction.notes)).all()
            assert not any("loopt" in n for n in notes)  # the column set to "ignore" is not read
    finally:
        db.close()


# ---------------------------------------------------------------------------------------------------
# The line splitter and the responsibility cell

MARKS = {
    0: ["- ", "-\t", "– ", "• ", "•\t", "* ", "▪ ", "{n}. ", "{n}) "],
    1: ["o ", "o\t", "◦ ", "○ ", "{a}. ", "{a}) "],
}
words = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ éë’'(),:"), min_size=1, max_size=30)
item_text = words.filter(
    lambda t: t.strip() and not re.match(r"^\s*([-–—•*·▪►■➢✓o◦○▫‣□]|\(?\d|\(?[a-z][.)])(\s|$)", t.strip())
)


@st.composite
def cells(draw):
    count = draw(st.integers(1, 8))
    items = []
    for index in range(count):
        level = 0 if index == 0 else draw(st.integers(0, 1))
        items.append(Item(level, " ".join(draw(item_text).split())))
    return items


@given(items=cells(), style=st.integers(0, 100), word_lists=st.booleans())
@settings(max_examples=300, deadline=None)
def test_split_items_gives_back_what_was_written(items, style, word_lists):
    """Whatever marks a region uses per level (typed or as Word's own list), the items come back."""
    paragraphs = []
    for number, item in enumerate(items, start=1):
        if word_lists:
            paragraphs.append(CellParagraph(item.text, list_level=item.level))
            continue
        marks = MARKS[item.level]
        mark = marks[style % len(marks)].format(n=number, a="abcdefghij"[number % 10])
        paragraphs.append(CellParagraph(mark + item.text))
    assert split_items(paragraphs) == items


@given(items=cells())
@settings(max_examples=100, deadline=None)
def test_a_paragraph_without_a_mark_continues_the_item_above(items):
    paragraphs = [CellParagraph(f"{'-' if i.level == 0 else 'o'} {i.text}") for i in items]
    paragraphs.insert(1, CellParagraph("een tweede alinea"))
    result = split_items(paragraphs)
    assert result[0].text == f"{items[0].text}\neen tweede alinea"
    assert result[1:] == items[1:]


def test_split_items_edge_cases():
    assert split_items(["Werkgroep formeren om:", "o de visie", "o een plan"]) == [
        Item(0, "Werkgroep formeren om:"),
        Item(1, "de visie"),
        Item(1, "een plan"),
    ]
    assert split_items(["o alleen", "o sub-punten"]) == [Item(0, "alleen"), Item(0, "sub-punten")]
    assert split_items(["Eerste actie", "Tweede actie"]) == [Item(0, "Eerste actie"), Item(0, "Tweede actie")]
    assert split_items(["-20% meldingen", "onderzoek naar"]) == [Item(0, "-20% meldingen"), Item(0, "onderzoek naar")]
    assert split_items(["", "  ", "-"]) == [Item(0, "-")]


@pytest.mark.parametrize(
    ("line", "labels"),
    [
        ("Gemeenten en Wij Groningen", ["Gemeenten", "Wij Groningen"]),
        ("Projectleider GHNT en Politie", ["Projectleider GHNT", "Politie"]),
        ("projectleider GHNT en gemeenten Veendam en Pekela", ["projectleider GHNT", "gemeenten Veendam en Pekela"]),
        ("Veilig Thuis, gemeenten en de projectleider GHNT", ["Veilig Thuis", "gemeenten", "de projectleider GHNT"]),
        ("Gemeenten Veendam/Pekela, Projectleider GHNT", ["Gemeenten Veendam/Pekela", "Projectleider GHNT"]),
        ("Centrum voor Jeugd en Gezin", ["Centrum voor Jeugd en Gezin"]),
        ("Zorg- en Veiligheidshuis Groningen", ["Zorg- en Veiligheidshuis Groningen"]),
        ("Veilig Thuis Gooi en Vechtstreek", ["Veilig Thuis Gooi en Vechtstreek"]),
        ("onderwijs (PO, VO, MBO); GGD", ["onderwijs (PO, VO, MBO)", "GGD"]),
        ("-", []),
        ("(geen trekker vermeld)", []),
        ("n.v.t.", []),
    ],
)
def test_split_labels(line, labels):
    assert split_labels(line) == labels


@pytest.mark.parametrize(
    ("lines", "responsible", "trekkers"),
    [
        (["Verantwoordelijke partijen:", "Alle gemeenten", "", "Trekkers:", "Gemeenten", "Wij Groningen"],
         ["Alle gemeenten"], ["Gemeenten", "Wij Groningen"]),
        (["Verantwoordelijke", "partijen:", "Alle gemeenten", "Trekker: Projectleider", "GHNT"],
         ["Alle gemeenten"], ["Projectleider", "GHNT"]),
        (["Verantwoordelijke partijen: alle gemeenten en politie", "(geen trekker vermeld)"],
         ["alle gemeenten", "politie"], []),
        (["Trekker(s): GGD, Veilig Thuis"], [], ["GGD", "Veilig Thuis"]),
        (["Gemeente Assen"], ["Gemeente Assen"], []),
        (["Verantwoordelijke partijen: -", "Trekker: -"], [], []),
    ],
)  # fmt: skip
def test_read_responsibles(lines, responsible, trekkers):
    result = read_responsibles(lines)
    assert (result.responsible, result.trekkers) == (responsible, trekkers)


@pytest.mark.parametrize(
    ("text", "action_text", "deadline", "start", "end"),
    [
        ("Inventariseren (klaar: januari 2020).", "Inventariseren", "klaar: januari 2020", date(2020, 1, 1),
         date(2020, 1, 31)),
        ("Pilot volgen (2019-2021)", "Pilot volgen", "2019-2021", date(2019, 1, 1), date(2021, 12, 31)),
        ("Campagne (initiatief gemeente Groningen loopt al).", "Campagne (initiatief gemeente Groningen loopt al).",
         "", None, None),
        ("Uitvoering van de pilot in juni-december 2019", "Uitvoering van de pilot in juni-december 2019", "",
         date(2019, 6, 1), date(2019, 12, 31)),
        ("Evalueren (jaarlijks)", "Evalueren (jaarlijks)", "", None, None),
        ("Visie (2023) voorleggen aan het bestuur", "Visie (2023) voorleggen aan het bestuur", "2023",
         date(2023, 1, 1), date(2023, 12, 31)),
    ],
)  # fmt: skip
def test_read_timing_keeps_the_text_as_written(text, action_text, deadline, start, end):
    action = read_timing(text, date(2019, 1, 1))
    assert (action.text, action.deadline_text, action.start, action.end) == (action_text, deadline, start, end)


@pytest.mark.parametrize(
    ("label", "organisation"),
    [("Wij Groningen", True), ("gemeente Groningen", True), ("GGD", True), ("Projectleider GHNT", False),
     ("alle gemeenten", False), ("Gemeenten Veendam/Pekela", False), ("ketenpartners", False), ("wij gaan", False)],
)  # fmt: skip
def test_which_names_become_organisations(label, organisation):
    assert looks_like_organisation(label) is organisation
