"""Documents a bestuurder receives as they are (issue #22): the programme table like seed 000 and the tables of
the lists and meeting documents, checked in the Word XML and, where LibreOffice is installed, on the rendered
pages (pdftotext): each ambition once, no invented references, years that agree, rows that never split, header
rows that repeat, columns as wide as their longest word, numbers in natural order, deadlines as written and
the latest progress note that is not vertrouwelijk."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import zipfile
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.docx_common import deadline_text
from ghnt_desktop.exports.docx_lists import export_actielijst, export_besluitenlijst
from ghnt_desktop.exports.docx_meeting import export_agenda, export_verslag
from ghnt_desktop.exports.docx_programme import export_programma
from ghnt_desktop.exports.docx_widths import (
    TableFont,
    fit_widths,
    long_words,
    minimum_widths,
    table_font,
    word_threshold,
    word_width_twips,
)
from ghnt_desktop.models import Ambition, Decision, Meeting, ProgrammeAction
from ghnt_desktop.services import documents as docs
from ghnt_desktop.services.actions import latest_progress_texts

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _session(demo_database, today=TODAY, change=None):
    path = demo_database(today)
    if change is not None:
        with sqlite3.connect(path) as connection:
            change(connection)
    return open_database(path, read_only=True)


@pytest.fixture(scope="module")
def demo_db(demo_database):
    database = _session(demo_database)
    yield database
    database.close()


@pytest.fixture
def session(demo_db):
    with demo_db.session() as s:
        yield s


def _paragraph_texts(path) -> list[str]:
    """Every paragraph of the body in order, merged table cells counted once (python-docx repeats them)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    texts = []
    for p in root.iter(f"{W}p"):
        parts = []
        for node in p.iter(f"{W}t", f"{W}tab"):
            parts.append("\t" if node.tag == f"{W}tab" else node.text or "")
        texts.append("".join(parts))
    return texts


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _programme(session, tmp_path):
    data = docs.programme_document(session)
    out = tmp_path / "programma.docx"
    export_programma(data, out)
    return data, out, _paragraph_texts(out)


# -- programme table ---------------------------------------------------------------------------------------


def test_each_ambition_and_action_is_printed_once(session, tmp_path):
    data, _, paragraphs = _programme(session, tmp_path)
    body = _squash("\n".join(paragraphs))
    ambitions = (
        session.execute(select(Ambition.text).where(Ambition.actions.any(ProgrammeAction.in_programme_table)))
        .scalars()
        .all()
    )
    assert ambitions
    for text in ambitions:
        for line in (line for line in text.split("\n") if len(line.strip()) > 25):
            assert body.count(_squash(line.lstrip("o• "))) == 1, line
    for text in session.execute(select(ProgrammeAction.text).where(ProgrammeAction.in_programme_table)).scalars():
        assert body.count(_squash(text.split("\n")[0])) == 1, text


def test_no_rows_the_source_table_does_not_have(session, tmp_path):
    """Seed 000's summary table is the programme as adopted: the actions the extract took from the body text
    (X-01 ... X-24) are followed in the app but are no rows of the table, and neither is the ambition made up
    to hold them."""
    from ghnt_desktop.demo.programme import ACTIONS_FILE, load_json

    source = load_json(ACTIONS_FILE)  # the extract of seed 000 the demo is built from
    in_table = {r["id"] for r in source if r["bron"].startswith("samenvattingstabel")}
    body_only = {r["id"] for r in source} - in_table
    assert len(body_only) > 20
    data, _, paragraphs = _programme(session, tmp_path)
    printed = {line.code for s in data.sections for row in s.rows for line in row.actions}
    assert printed == in_table
    body = _squash("\n".join(paragraphs))
    for code, text in session.execute(select(ProgrammeAction.code, ProgrammeAction.text)):
        assert (_squash(text.split("\n")[0]) in body) == (code in in_table), code
    assert "acties uit de hoofdtekst" not in body
    assert data.action_count == len(in_table)


def test_a_reference_only_where_the_source_has_one(session, tmp_path):
    _, _, paragraphs = _programme(session, tmp_path)
    printed = [p for p in paragraphs if p.startswith("Zie ")]
    printed_ambitions = select(Ambition.reference, Ambition.paragraph).where(
        Ambition.actions.any(ProgrammeAction.in_programme_table)
    )
    written = [r for r, _ in session.execute(printed_ambitions) if r]
    paragraphs_only = [p for a, p in session.execute(printed_ambitions) if not a and p and p[0].isdigit()]
    assert sorted(printed) == sorted(written + [f"Zie paragraaf {p}" for p in paragraphs_only])
    assert not any(re.search(r"Zie paragraaf [^\d]", p) for p in printed)


def test_the_heading_is_not_repeated_as_the_first_sentence(session, tmp_path):
    _, out, _ = _programme(session, tmp_path)
    document = docx.Document(out)
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    for index, paragraph in enumerate(paragraphs[:-1]):
        if paragraph.style.name.startswith("Heading"):
            following = _squash(paragraphs[index + 1].text)
            assert not following.startswith(_squash(paragraph.text)), paragraph.text


@pytest.mark.parametrize("today", [TODAY, date(2026, 12, 2)])
def test_years_in_the_programme_agree_with_its_period(demo_database, tmp_path, today):
    """A demo moved to another year moves every year it mentions: no "in november 2019 (november 2025)"."""
    database = _session(demo_database, today)
    try:
        with database.session() as s:
            data, _, paragraphs = _programme(s, tmp_path)
    finally:
        database.close()
    first, last = (int(y) for y in data.period.split("-"))
    years = {int(y) for p in paragraphs for y in re.findall(r"\b(20\d\d)\b", p)}
    assert years and all(first - 1 <= y <= last for y in years), (data.period, sorted(years))
    for p in paragraphs:  # a deadline in brackets never repeats what the sentence already says
        m = re.search(r"(\w+ 20\d\d)\)$", p)
        assert not (m and p[: m.start()].count(m.group(1))), p


@pytest.mark.parametrize(
    ("text", "points", "kept"),
    [
        ("Er is inzicht.", ["Er is inzicht."], ()),
        ("A is waar\nB ook", ["A is waar", "B  ook"], ()),
        ("Kop:\no punt een\no punt twee", ["Kop:\no punt een\no punt twee"], ()),
        (
            "Het aanbod past.",
            ["Het aanbod past.", "Cliënten worden ambulant begeleid."],
            ("Cliënten worden ambulant begeleid.",),
        ),
        ("Tekst", ["", "  "], ()),
    ],
)
def test_sub_points_the_text_already_says_are_dropped(text, points, kept):
    assert docs._own_sub_points(text, points) == kept


@pytest.mark.parametrize(
    ("reference", "paragraph", "expected"),
    [
        ("Zie paragraaf 3.1, blz. 25", "3.1", "Zie paragraaf 3.1, blz. 25"),
        ("Zie hoofdstuk 1, blz. 17", "H1", "Zie hoofdstuk 1, blz. 17"),
        ("", "3.2", "Zie paragraaf 3.2"),
        ("", "H7", ""),
        ("", "Inleiding", ""),
        ("", "", ""),
        ("  ", "7", ""),
    ],
)
def test_reference_is_never_made_up(reference, paragraph, expected):
    assert docs._reference(reference, paragraph) == expected


# -- tables of the lists and meeting documents -------------------------------------------------------------


def _lists_and_meeting_documents(session, tmp_path):
    meeting = session.scalars(
        select(Meeting).join(Decision, Decision.meeting_id == Meeting.id).where(Meeting.date <= TODAY)
    ).first()
    outputs = {
        "actielijst": (export_actielijst, docs.action_list_document(session, today=TODAY)),
        "besluitenlijst": (export_besluitenlijst, docs.decision_list_document(session)),
        "agenda": (export_agenda, docs.agenda_document(session, meeting.id)),
        "verslag": (export_verslag, docs.minutes_document(session, meeting.id)),
    }
    paths = {}
    for name, (export, data) in outputs.items():
        paths[name] = tmp_path / f"{name}.docx"
        export(data, paths[name])
    return paths


def test_rows_never_split_and_header_rows_repeat(session, tmp_path):
    for name, path in _lists_and_meeting_documents(session, tmp_path).items():
        document = docx.Document(path)
        assert document.tables, name
        for table in document.tables:
            rows = table._tbl.tr_lst
            for row in rows:
                assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None, name
            first = rows[0].trPr
            header_cells = [c.text for c in table.rows[0].cells]
            if any(header_cells) and first.find(qn("w:tblHeader")) is not None:
                assert all(r.trPr.find(qn("w:tblHeader")) is None for r in rows[1:]), name
        data_tables = [t for t in document.tables if t._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None]
        assert data_tables, f"{name}: no table with a repeating header row"


def _grid(table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_columns_are_as_wide_as_their_longest_word_and_stay_on_the_page(session, tmp_path):
    paths = _lists_and_meeting_documents(session, tmp_path)
    for name in ("actielijst", "besluitenlijst"):
        document = docx.Document(paths[name])
        section = document.sections[0]
        text_width = round((section.page_width - section.left_margin - section.right_margin) / 635)
        font = table_font(document, "Tabeltekst")
        for table in document.tables:
            grid = _grid(table)
            assert sum(grid) <= text_width + 5, name
            for column, width in enumerate(grid):
                words = {
                    (w, bool(run.bold) or index == 0)
                    for index, row in enumerate(table.rows)
                    for paragraph in row.cells[column].paragraphs
                    for run in paragraph.runs
                    for w in run.text.split()
                }
                longest = max((word_width_twips(w, font, bold) for w, bold in words), default=0)
                assert width >= longest + 170, (name, column, width, longest)


def test_a_wide_house_font_widens_the_columns():
    word = "Aangehouden"
    verdana, arial = TableFont("Verdana", 9), TableFont("Arial", 9)
    assert word_width_twips(word, verdana) > word_width_twips(word, arial)
    assert word_width_twips(word, TableFont("", 9)) >= word_width_twips(word, verdana) * 0.95  # unknown: wide
    assert word_width_twips(word, TableFont("Verdana", 12)) > word_width_twips(word, verdana)


@pytest.mark.parametrize(
    ("proposed", "minimum"),
    [
        ([1000, 3000, 1000], [1500, 0, 0]),
        ([1000, 3000, 1000], [1500, 1400, 0]),
        ([1000, 3000, 1000], [1500, 2900, 1200]),
        ([1000, 1000], [3000, 3000]),
        ([500, 500, 500, 500], [0, 0, 0, 0]),
    ],
)
def test_fitted_widths_keep_the_table_width(proposed, minimum):
    fitted = fit_widths(proposed, minimum)
    assert sum(fitted) <= sum(proposed)
    floors = [max(m, p // 2) for p, m in zip(proposed, minimum, strict=True)]
    if sum(floors) <= sum(proposed):
        assert all(f >= m for f, m in zip(fitted, floors, strict=True))
    assert minimum_widths([[("x" * 500, False)]], TableFont("", 9), 1000) == [450]


def test_only_words_that_could_overflow_are_measured():
    font = TableFont("Verdana", 10)
    for width in (800, 1500, 3000, 6000):
        threshold = word_threshold(width, font)
        widest_short = "W" * (threshold - 1)
        assert word_width_twips(widest_short, font, True) * 1.06 + 170 <= width // 2 or threshold == 3
    assert long_words(["een heel lang woord: samenwerkingsafspraken", "kort"], 10) == {"samenwerkingsafspraken"}


def test_table_font_follows_the_styles(tmp_path):
    document = docx.Document()
    document.styles["Normal"].font.name = "Verdana"
    document.styles["Normal"].font.size = docx.shared.Pt(10)
    assert table_font(document, document.styles["Normal"].style_id) == TableFont("Verdana", 10)


def test_action_numbers_are_in_natural_order(demo_database, tmp_path):
    numbers = ["AO-2026-1-A10", "AO-2026-1-A2", "AO-2026-1-A1", "AO-2026-1-A9"]

    def renumber(connection):
        ids = [
            row[0]
            for row in connection.execute(
                "SELECT a.id FROM action_item a WHERE a.status NOT IN ('done', 'cancelled', 'DONE', 'CANCELLED') "
                "AND a.confidential = 0 AND a.trekker_person_id IS NOT NULL ORDER BY a.number"
            )
        ]
        person = connection.execute("SELECT trekker_person_id FROM action_item WHERE id = ?", (ids[0],)).fetchone()
        for action_id, number in zip(ids, numbers, strict=False):
            connection.execute(
                "UPDATE action_item SET number = ?, trekker_person_id = ?, trekker_organisation_id = NULL WHERE id = ?",
                (number, person[0], action_id),
            )

    database = _session(demo_database, change=renumber)
    try:
        with database.session() as s:
            data = docs.action_list_document(s, group_by="trekker", today=TODAY)
    finally:
        database.close()
    out = tmp_path / "acties.docx"
    export_actielijst(data, out)
    found = False
    for table in docx.Document(out).tables:
        column = [row.cells[0].text for row in table.rows[1:]]
        assert column == sorted(column, key=docs.number_key)
        found = found or set(numbers) <= set(column)
    assert found
    assert sorted(numbers, key=docs.number_key) == ["AO-2026-1-A1", "AO-2026-1-A2", "AO-2026-1-A9", "AO-2026-1-A10"]
    assert sorted(["10", "9", "1", "x", "2"], key=docs.number_key) == ["1", "2", "9", "10", "x"]


class _Action:
    def __init__(self, deadline, text):
        self.deadline, self.deadline_text = deadline, text


@pytest.mark.parametrize(
    ("deadline", "text", "shown"),
    [
        (date(2020, 2, 29), "februari 2020", "februari 2020"),
        (date(2020, 2, 29), "klaar: februari 2020", "klaar: februari 2020"),
        (date(2020, 6, 30), "Q2 2020", "Q2 2020"),
        (date(2020, 11, 15), "15-11-2020", "15-11-2020"),
        (date(2020, 11, 15), "", "15-11-2020"),
        (None, "na de zomer", "na de zomer"),
        (date(2020, 11, 12), "eerstvolgend afstemmingsoverleg", "eerstvolgend afstemmingsoverleg"),
        (date(2020, 6, 30), "februari 2020", "30-06-2020"),  # postponed: the old text is no longer the deadline
        (None, "", ""),
    ],
)
def test_deadline_as_written(deadline, text, shown):
    assert deadline_text(_Action(deadline, text)) == shown


def test_stand_van_zaken_is_the_latest_note_that_is_not_vertrouwelijk(demo_database, tmp_path):
    database = _session(demo_database)
    try:
        with database.session() as s:
            data = docs.action_list_document(s, today=TODAY)
            notes = latest_progress_texts(s, [a.id for g in data.groups for a in g.actions])
    finally:
        database.close()
    assert notes and data.progress_texts == notes
    hidden = next(iter(v for v in notes.values() if v))

    def hide(connection):
        connection.execute(
            "UPDATE progress_update SET confidential = 1 WHERE done_text = ? OR todo_text = ?", (hidden,) * 2
        )

    database = _session(demo_database, change=hide)
    try:
        with database.session() as s:
            data = docs.action_list_document(s, today=TODAY)
    finally:
        database.close()
    out = tmp_path / "acties.docx"
    export_actielijst(data, out)
    document = docx.Document(out)
    shown = {}
    for table in document.tables:
        assert table.rows[0].cells[-1].text == "Stand van zaken"
        for row in table.rows[1:]:
            shown[row.cells[0].text] = row.cells[-1].text
    by_number = {a.number: a for g in data.groups for a in g.actions}
    assert shown and all(shown[n] == data.progress_texts.get(a.id, "") for n, a in by_number.items())
    assert hidden not in shown.values()


# -- rendered pages ----------------------------------------------------------------------------------------


def _pdf_text(path, tmp_path) -> str:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = subprocess.run(
        ["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout


def _verdana_template(tmp_path):
    """A house style in Verdana 10: the template's Normal and table styles name it."""
    from ghnt_desktop.exports.docx_common import default_template

    document = docx.Document(str(default_template("actielijst")))
    for style in document.styles:
        if style.type == 1 and style.name in ("Normal", "Tabeltekst", "Tabelkop"):
            style.font.name = "Verdana"
            if style.name != "Normal":
                style.font.size = docx.shared.Pt(10)
    path = tmp_path / "huisstijl.docx"
    document.save(path)
    return path


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice/poppler not installed"
)
@pytest.mark.parametrize("house_style", [False, True])
def test_rendered_lists_break_no_word(session, tmp_path, house_style):
    template = _verdana_template(tmp_path) if house_style else None
    data = docs.action_list_document(session, today=TODAY)
    out = tmp_path / "acties.docx"
    export_actielijst(data, out, template=template)
    rendered = set(_pdf_text(out, tmp_path).split())
    document = docx.Document(out)
    words = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells[:1] + row.cells[3:6]:  # Nr, Deadline, Status, Uitgesteld: the narrow columns
                words |= {w for w in cell.text.split() if len(w) > 3}
    assert words
    missing = sorted(w for w in words if w not in rendered and not all(p in rendered for p in w.split("-")))
    assert not missing, missing


def test_the_tables_of_one_actielijst_share_their_columns(session, tmp_path):
    out = tmp_path / "acties.docx"
    export_actielijst(docs.action_list_document(session, today=TODAY), out)
    grids = {tuple(_grid(table)) for table in docx.Document(out).tables}
    assert len(grids) == 1


def test_a_column_of_short_texts_gives_its_room_to_the_others():
    from ghnt_desktop.exports.docx_widths import content_widths

    font = TableFont("Arial", 9)
    proposed = [2000, 2000, 2000]
    fitted, narrowed = content_widths(proposed, [300, 300, 300], [["1x", "-"], None, []], font)
    assert sum(fitted) == sum(proposed) and narrowed == {0, 2}
    assert fitted[0] < 1000 and fitted[2] == 300 and fitted[1] > 4000
    assert content_widths(proposed, [0, 0, 0], [None, None, None], font) == (proposed, set())


# -- meeting documents: agenda, verslag, besluitenlijst (issue #22) ------------------------------------------


def _meeting(session, *, held: bool):
    from ghnt_desktop.models import MeetingKind, MeetingState

    states = [MeetingState.HELD, MeetingState.MINUTES_APPROVED] if held else [MeetingState.PLANNED]
    return session.scalars(
        select(Meeting)
        .where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG, Meeting.state.in_(states))
        .order_by(Meeting.date.desc() if held else Meeting.date)
    ).first()


def test_agenda_says_the_date_once_names_invitees_and_lists_each_stuk_once(session, tmp_path):
    from ghnt_desktop.dutch_dates import long_date

    meeting = _meeting(session, held=False)
    data = docs.agenda_document(session, meeting.id)
    out = tmp_path / "agenda.docx"
    export_agenda(data, out)
    text = "\n".join(_paragraph_texts(out))
    assert text.count(long_date(meeting.date)) == 1
    assert text.count(f"{meeting.date.day} {long_date(meeting.date).split()[-2]} {meeting.date.year}") == 1
    assert "Genodigden" in text and "Afmelden bij" in text
    assert data.regrets_to and data.regrets_to in text
    assert sum(len(g.people) for g in data.invitees) >= 5
    for document in {d for item in data.items for d in item.documents}:
        assert text.count(f": {document}") == 1, document  # once, in the Stukken list under the table
    header = docx.Document(out).tables[-1].rows[0].cells
    assert "Stukken" not in [c.text for c in header]
    progress_items = [i for i in data.items if i.programme_actions]
    assert progress_items, "the Voortgang item lists the programme actions under review"
    for line in progress_items[0].programme_actions:
        assert line in text


def test_verslag_records_progress_per_programme_action(session, tmp_path):
    from ghnt_desktop.exports.docx_meeting import export_verslag as write

    meeting = _meeting(session, held=True)
    data = docs.minutes_document(session, meeting.id)
    lines = [p for item in data.items for p in item.progress]
    assert lines
    out = tmp_path / "verslag.docx"
    write(data, out)
    text = "\n".join(_paragraph_texts(out))
    assert "Voortgang per actie" in text
    for line in lines:
        assert line.code in text and line.status.label in text


def test_no_empty_conceptverslag_for_a_meeting_not_yet_held(session):
    from ghnt_desktop.services import ValidationError

    meeting = _meeting(session, held=False)
    with pytest.raises(ValidationError, match="nog niet gehouden.*agenda"):
        docs.minutes_document(session, meeting.id)


def test_besluitenlijst_is_of_one_series_named_with_its_period(session, tmp_path):
    data = docs.decision_list_document(session)
    assert data.decisions and len({d.number.split("-")[0] for d in data.decisions}) == 1
    assert data.series_name and data.title == f"Besluitenlijst {data.series_name}"
    assert data.date_from == data.decisions[0].meeting_date and data.date_to == data.decisions[-1].meeting_date
    out = tmp_path / "besluiten.docx"
    export_besluitenlijst(data, out)
    texts = _paragraph_texts(out)
    assert any(t.startswith("Besluitenlijst " + data.series_name) for t in texts[:3])
    assert any("tot en met" in t for t in texts[:4])
    everything = docs.decision_list_document(session, all_series=True)
    assert len({d.number.split("-")[0] for d in everything.decisions}) > 1
    assert everything.title == "Besluitenlijst alle overleggen"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Politie (eenheid Noord-Nederland)", "Politie, eenheid Noord-Nederland"),
        ("Veilig Thuis (Groningen)", "Veilig Thuis, Groningen"),
        ("Gemeente  Groningen ", "Gemeente Groningen"),
        ("GGZ / AFPN", "GGZ / AFPN"),
        ("Thuiszorg, ouderen(woon)voorzieningen", "Thuiszorg, ouderen(woon)voorzieningen"),
        ("(Groningen)", "(Groningen)"),
        ("A (b (c))", "A (b (c))"),
        ("", ""),
    ],
)
def test_organisation_names_in_brackets_never_nest(name, shown):
    from ghnt_desktop.services.actions import bracketed_organisation

    assert bracketed_organisation(name) == shown


def test_no_nested_brackets_in_the_meeting_documents(session, tmp_path):
    paths = _lists_and_meeting_documents(session, tmp_path)
    for name, path in paths.items():
        text = "\n".join(_paragraph_texts(path))
        assert not re.search(r"\([^()]*\([^()]*\)\)", text), name
