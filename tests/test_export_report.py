"""The voortgangsrapportage (seed 004's structure) and the voortgangsoverzicht per actielijn, on the demo
database: heading order, no placeholder sentences, every named action exists, late actions with both
deadlines, the texts kept with a saved report, footnotes, vertrouwelijk notes, and the rendered pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.docx_footnotes import footnote_texts
from ghnt_desktop.exports.docx_report import (
    export_voortgang,
    export_voortgangsoverzicht,
    late_cells,
    overview_deadline,
)
from ghnt_desktop.exports.docx_template import written_problem
from ghnt_desktop.models import ActionItem, ProgrammeAction, ProgressUpdate
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.progress_report import (
    StatusCounts,
    default_short_title,
    progress_overview_document,
    progress_report_document,
    report_outline,
    state_sentence,
)
from ghnt_desktop.services.reports import (
    OTHER_ACTIVITIES,
    SUMMARY,
    create_report,
    get_report,
    part_key,
    update_report,
)

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2026, 12, 3)
# Periods that give different pictures: the last half year, a quiet early period, the whole programme.
PERIODS = [
    (date(2026, 6, 1), date(2026, 12, 3)),
    (date(2025, 7, 1), date(2025, 9, 30)),
    (date(2020, 1, 1), date(2026, 12, 3)),
]
ARTIFACTS = Path(__file__).parent / "artifacts"
HAVE_RENDERER = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
# What a report must never print: a placeholder where a sentence about the work should be.
PLACEHOLDERS = re.compile(
    r"geen voortgang gemeld|geen openstaande punten|niets gemeld|geen nieuws|nog in te vullen|\(leeg\)|n\.v\.t\.",
    re.IGNORECASE,
)
HEADING = re.compile(r"Heading (\d)")


@pytest.fixture(scope="module")
def demo_path(demo_database):
    return demo_database(TODAY)


@pytest.fixture
def database(demo_path, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    db = open_database(copy)
    yield db
    db.close()


def _headings(document) -> list[tuple[int, str]]:
    result = []
    for paragraph in document.paragraphs:
        match = HEADING.fullmatch(paragraph.style.name)
        if match:
            result.append((int(match.group(1)), paragraph.text))
    return result


def _reference_ids(document) -> list[int]:
    """The footnote ids in the order the body refers to them (reading order)."""
    return [int(r.get(qn("w:id"))) for r in document.element.body.iter(qn("w:footnoteReference"))]


def _body_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _export(database, tmp_path, name="voortgang.docx", **kwargs):
    with database.session() as session:
        data = progress_report_document(session, today=TODAY, **kwargs)
    out = tmp_path / name
    export_voortgang(data, out)
    return data, docx.Document(str(out)), out


# --------------------------------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("period", PERIODS, ids=["half-year", "quiet", "whole"])
def test_headings_go_one_level_down_at_a_time_in_the_template_styles(database, tmp_path, period):
    data, document, _ = _export(database, tmp_path, date_from=period[0], date_to=period[1])
    headings = _headings(document)
    assert headings[0] == (1, "Inleiding")
    previous = 1
    for level, text in headings:
        assert level <= previous + 1, f"jump from level {previous} to {level} at {text!r}"
        assert text.strip(), "an empty heading"
        previous = level
    level1 = [text for level, text in headings if level == 1]
    assert [t.split(" ", 1)[1] for t in level1[1:]][-1] == "Conclusie en vooruitblik"
    assert any(t.endswith("actielijnen") and "Terugkoppeling op de" in t for t in level1)
    level2 = [text for level, text in headings if level == 2]
    assert level2[:2] == ["Actieprogramma in het kort", "Leeswijzer"]
    # The chapters are numbered in order, and their sections under them.
    numbers = [t.split(" ", 1)[0] for t in level1[1:]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    # The heading paragraphs use the template's own heading styles (ids Heading1..4), not direct formatting.
    style_ids = {p.style.style_id for p in document.paragraphs if HEADING.fullmatch(p.style.name)}
    assert style_ids <= {"Heading1", "Heading2", "Heading3", "Heading4"}
    # The contents list the first two levels, and the cover carries the metadata block before it.
    assert 'TOC \\o "1-2"' in document.element.body.xml


@pytest.mark.parametrize("period", PERIODS, ids=["half-year", "quiet", "whole"])
def test_no_placeholder_sentences_and_every_part_says_something(database, tmp_path, period):
    data, document, _ = _export(database, tmp_path, date_from=period[0], date_to=period[1])
    text = _body_text(document)
    assert not PLACEHOLDERS.search(text), PLACEHOLDERS.search(text)
    # Under every heading of an ambition (level 3) comes text or a table (an actielijn's indicators) before the
    # next heading of the same level or up.
    blocks = list(document.iter_inner_content())
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.style.name != "Heading 3":
            continue
        following = []
        for other in blocks[index + 1 :]:
            if isinstance(other, Table):
                following.append("table")
                continue
            match = HEADING.fullmatch(other.style.name)
            if match and int(match.group(1)) <= 3:
                break
            if not match and other.text.strip():
                following.append(other.text)
        assert following, f"nothing under {block.text!r}"
    # A part without news is one line with the state of its actions.
    quiet = [p for line in data.lines for p in line.parts if not p.has_news]
    for part in quiet:
        assert state_sentence(part.counts) in text


def test_every_named_action_exists_with_its_code_and_short_title(database, tmp_path):
    data, document, _ = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    with database.session() as session:
        actions = {code: text for code, text in session.execute(select(ProgrammeAction.code, ProgrammeAction.text))}
    named = []
    for paragraph in document.paragraphs:
        if not re.match(r"^(•|\d+\.)\t", paragraph.text):
            continue
        bold = "".join(run.text for run in paragraph.runs if run.bold)
        if bold:
            named.append(bold)
    assert named, "no action is named in 'Wat hebben we gedaan?' or 'Wat moeten we nog doen?'"
    for label in named:
        code, _, title = label.partition(" ")
        assert code in actions, f"{label!r} names no action of the programme"
        default = default_short_title(actions[code], limit=80)
        assert title == default[:1].upper() + default[1:]  # a sub-action's text starts in lower case
        # A prefix by words of the text, or a cleaned clause of it (leading filler and [insertions] left out).
        written = {w.strip("[]().,:;‘’").casefold() for w in actions[code].split()}
        assert all(w.strip("[]().,:;‘’").casefold() in written for w in title.split()), label
    # "Wat hebben we gedaan?" names the actions whose note of the period it quotes.
    done = [a for line in data.lines for p in line.parts for a in p.done]
    text = _body_text(document)
    for action in done:
        assert action.label in text
        if action.done_note:
            assert action.done_note.rstrip(".") in text


def test_late_actions_show_their_original_and_current_deadline(database, tmp_path):
    # A postponement of an action item linked to a programme action: the history the report reads.
    with database.session() as session:
        action = session.scalar(
            select(ProgrammeAction).where(ProgrammeAction.deadline_text != "", ProgrammeAction.deadline_end < TODAY)
            .where(ProgrammeAction.status != "done").order_by(ProgrammeAction.code).limit(1)
        )  # fmt: skip
        assert action is not None, "the demo has an open action over its deadline"
        item = session.scalar(select(ActionItem).where(ActionItem.confidential.is_(False)).limit(1))
        item.programme_action_id = action.id
        session.add(  # the latest postponement of the period: the current deadline
            ProgressUpdate(action_item_id=item.id, date=date(2026, 12, 2), status="in_progress",
                           previous_deadline=action.deadline_end, new_deadline=date(2027, 3, 31),
                           new_deadline_text="maart 2027", postponed=True, done_text="Planning herzien.")
        )  # fmt: skip
        code, original = action.code, action.deadline_text
    data, document, _ = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    late = {a.code: a for a in data.late_actions}
    assert code in late and late[code].original_deadline == original and late[code].current_deadline == "maart 2027"
    assert all(a.original_deadline for a in late.values())
    text = _body_text(document)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Actie" and len(t.columns) == 5)
    rows = {row.cells[0].text.split(" ", 1)[0]: [c.text for c in row.cells] for row in table.rows[1:]}
    assert set(rows) == set(late)
    for action in late.values():
        assert rows[action.code][2:] == late_cells(action, data.period_to)
        # As planned, without the "klaar:" people write before it (tests/test_report_late_table.py has the cases).
        assert rows[action.code][2] == re.sub(r"^(klaar|gereed)\s*:\s*", "", action.original_deadline, flags=re.I)
        assert rows[action.code][3] == (action.current_deadline or "nog niet opnieuw vastgesteld")
    assert re.search(rf"{re.escape(code)} .*Oorspronkelijke termijn: .*huidige termijn: maart 2027\.", text)


def test_parts_left_out_and_texts_of_a_saved_report_are_used(database, tmp_path):
    with database.session() as session:
        outline = report_outline(session)
        ambition = next(e for e in outline if e.kind == "ambition" and e.action_count)
        position = outline.index(ambition)
        own_line = next(e for e in reversed(outline[:position]) if e.level == 1)
        line = next(e for e in outline if e.level == 1 and e != own_line)
        texts = {
            part_key("ambition", ambition.id, "title"): "Samenwerken rond veiligheid",
            part_key("ambition", ambition.id, "narrative"): "Het project Trauma is gestart [1].\n- fase 1\n- fase 2",
            part_key("section", line.id, "omit"): "1",
            SUMMARY: "Het programma kent drie actielijnen [2].",
            OTHER_ACTIVITIES: "Activiteiten vanuit het landelijk programma.\n# Complexe scheidingen\n"
            "Een uniform aanbod.\n#   Ervaringsdeskundigheid \nDe klankbordgroep is driemaal bijeen geweest.",
        }
        created = create_report(
            session, title="Eerste rapportage", reference="20.0001076", version="Definitief",
            report_date=date(2026, 12, 1), contact_person="Afke de Jong", contact_email="a.dejong@regio.nl",
            period_from=PERIODS[0][0], period_to=PERIODS[0][1],
            sources=["https://www.augeo.nl/nl-nl/handle-with-care", "https://www.zonmw.nl/onderzoek"], texts=texts,
        )  # fmt: skip
    data, document, out = _export(database, tmp_path, report_id=created.id)
    headings = [text for _level, text in _headings(document)]
    assert "Samenwerken rond veiligheid" in headings
    assert not any(h.endswith(f" {line.default_title}") for h in headings), "a part left out is still written"
    assert line.default_title in data.left_out
    text = _body_text(document)
    for expected in ("20.0001076", "Definitief", "01-12-2026", "Afke de Jong", "De klankbordgroep is driemaal"):
        assert expected in text
    # The overige activiteiten: the user's topics first, numbered in the chapter, then the other lines.
    other = next(h for h in headings if h.endswith(" Overige activiteiten"))
    number = other.split(" ", 1)[0]
    at = headings.index(other)
    assert headings[at + 1 : at + 3] == [f"{number}.1 Complexe scheidingen", f"{number}.2 Ervaringsdeskundigheid"]
    assert headings[at + 3].startswith(f"{number}.3 ")
    assert "# Complexe" not in text
    assert "Het project Trauma is gestart." in text and "[1]" not in text
    notes = footnote_texts(document)
    # One numbering in reading order: the inleiding's citation, the figures chapter's sources, then the actielijn's.
    values = list(notes.values())
    assert values[0] == "https://www.zonmw.nl/onderzoek" and values[-1] == "https://www.augeo.nl/nl-nl/handle-with-care"
    assert len(values) > 2 and all(n.startswith("Bron: ") for n in values[1:-1])
    assert _reference_ids(document) == sorted(notes), "footnotes are not numbered in reading order"
    # Every cited source is a footnote, so no source list is added at the end.
    assert "Bronnen" not in headings[-1]
    assert written_problem(out) == ""


# --------------------------------------------------------------------------------------------------
# The texts kept with a saved report
# --------------------------------------------------------------------------------------------------


def test_texts_round_trip_through_the_service_and_undo(database):
    with database.session() as session:
        outline = report_outline(session)
        ambition = next(e for e in outline if e.kind == "ambition")
        key = part_key("ambition", ambition.id, "narrative")
        created = create_report(session, title="R", texts={key: "  Eerste versie \n", SUMMARY: ""})
        detail = get_report(session, created.id)
        assert detail.texts == {key: "Eerste versie"}  # stripped; the empty summary is not kept
        title_key = part_key("ambition", ambition.id, "title")
        edit = update_report(session, created.id, texts={**detail.texts, title_key: "Kort"})
        assert edit.before == {"texts": {key: "Eerste versie"}}
        update_report(session, created.id, **edit.before)
        assert get_report(session, created.id).texts == {key: "Eerste versie"}
        # The values dict of a detail feeds update_report unchanged: nothing differs, nothing changes.
        assert update_report(session, created.id, **get_report(session, created.id).values()).before == {}


@pytest.mark.parametrize(
    "texts, error",
    [
        ({"narrative": "x"}, TypeError),  # not a key of the report
        ({f"ambition:{uuid.uuid4().hex}:kleur": "rood"}, TypeError),
        ({f"ambition:{uuid.uuid4().hex}:omit": "ja"}, TypeError),
        ({f"section:{uuid.uuid4().hex}:title": "x" * 201}, ValidationError),
        ({SUMMARY: "x" * 20_001}, ValidationError),
        ({SUMMARY: 5}, ValidationError),
    ],
)
def test_malformed_texts_are_refused(database, texts, error):
    with database.session() as session:
        with pytest.raises(error):
            create_report(session, title="R", texts=texts)


def test_a_short_title_is_one_line(database):
    with database.session() as session:
        ambition = next(e for e in report_outline(session) if e.kind == "ambition")
        key = part_key("ambition", ambition.id, "title")
        created = create_report(session, title="R", texts={key: "Twee\nregels   titel"})
        assert get_report(session, created.id).texts[key] == "Twee regels titel"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er is in elke gemeente een samenhangend preventiebeleid op drie niveaus (universele, selectieve en "
         "geïndiceerde) met aandacht voor de verschillende doelgroepen.",
         "Er is in elke gemeente een samenhangend preventiebeleid op drie niveaus"),
        ("De professional van relevante ketenpartners uit het onderwijs, de zorg-, justitieel-, ondersteunings-, en "
         "medisch domein en gemeenten:\no is in staat",
         "De professional van relevante ketenpartners uit het onderwijs"),
        ("Jongeren zijn minder tolerant ten opzichte van partnermishandeling dan in 2024.",
         "Jongeren zijn minder tolerant ten opzichte van partnermishandeling dan in 2024"),
        ("Verbeteren traumascreening en –behandeling", "Verbeteren traumascreening en –behandeling"),
        ("Het project ‘Handle with care’:\no Onderzoeken of", "Het project ‘Handle with care’"),
        ("", ""),
    ],
)  # fmt: skip
def test_default_short_titles_are_sound_headings(text, expected):
    assert default_short_title(text) == expected


def test_default_short_titles_never_end_mid_word_or_on_a_small_word():
    words = "Alle betrokken ketenpartners werken samen in de aanpak van huiselijk geweld en kindermishandeling".split()
    for length in range(1, len(words) + 1):
        text = " ".join(words[:length] * 3)
        title = default_short_title(text, limit=60)
        # Without a clause boundary the whole sentence is the title: never the words up to the limit.
        whole = all(w in ("de", "het", "een", "en", "om", "dat") for w in text[len(title) :].split())
        assert len(title) <= 60 or whole
        assert text.startswith(title)
        assert text[len(title) : len(title) + 1] in ("", " ", ",")
        assert title.rsplit(" ", 1)[-1] not in (("en", "de") if whole else ("de", "van", "en", "in"))


@pytest.mark.parametrize(
    "counts, sentence",
    [
        (StatusCounts(running=3, late=1), "3 acties lopen volgens planning en 1 is vertraagd."),
        (StatusCounts(done=1), "1 actie is gereed."),
        (StatusCounts(done=2, running=1, not_started=2, late=1, cancelled=1),
         "1 actie loopt volgens planning, 1 is vertraagd, 2 zijn nog niet gestart, 2 zijn gereed en 1 is vervallen."),
        (StatusCounts(), ""),
    ],
)  # fmt: skip
def test_the_state_line_reads_as_dutch(counts, sentence):
    assert state_sentence(counts) == sentence


# --------------------------------------------------------------------------------------------------
# Vertrouwelijk
# --------------------------------------------------------------------------------------------------


def test_confidential_notes_never_appear_unless_asked(database, tmp_path):
    secret = "Vertrouwelijke stand: casus in bespreking bij het ZVH"
    with database.session() as session:
        action = session.scalar(select(ProgrammeAction).where(ProgrammeAction.status != "done").limit(1))
        session.add(ProgressUpdate(programme_action_id=action.id, date=date(2026, 11, 1), status="in_progress",
                                   done_text=secret, todo_text=secret, confidential=True))  # fmt: skip
    data, document, _ = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    assert secret not in _body_text(document)
    assert data.omitted.updates >= 1
    with database.session() as session:
        overview = progress_overview_document(session, today=TODAY)
    assert all(secret not in a.latest_note for line in overview.lines for a in line.actions)
    data, document, _ = _export(
        database, tmp_path, "incl.docx", date_from=PERIODS[0][0], date_to=PERIODS[0][1], include_confidential=True
    )
    assert secret in _body_text(document)
    assert "VERTROUWELIJK" in document.sections[0].header._element.xml


# --------------------------------------------------------------------------------------------------
# Voortgangsoverzicht per actielijn
# --------------------------------------------------------------------------------------------------


def test_overview_lists_every_action_with_trekker_deadline_status_and_stand(database, tmp_path):
    with database.session() as session:
        data = progress_overview_document(session, today=TODAY)
        codes = set(session.scalars(select(ProgrammeAction.code)))
    out = tmp_path / "overzicht.docx"
    result = export_voortgangsoverzicht(data, out)
    document = docx.Document(str(out))
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Nr.", "Actie", "Trekker", "Deadline", "Status", "Stand van zaken"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on every page
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    listed = {r[0] for r in rows if r[0] != r[1]}  # actielijn rows span the table (one text in every cell)
    assert listed == codes and result.count == len(codes)
    # The page header names this document, not the voortgangsrapportage whose template it wears.
    running = document.sections[0].header._element.xml
    assert "Voortgangsoverzicht per actielijn" in running and "Voortgangsrapportage" not in running
    by_code = {a.code: a for line in data.lines for a in line.actions}
    for row in rows:
        action = by_code.get(row[0])
        if action is None:
            continue
        assert row[2] == ", ".join(action.trekkers)
        assert row[3] == overview_deadline(action)
        # The deadline as written comes first (without "klaar:").
        assert row[3].startswith(re.sub(r"^(klaar|gereed)\s*:\s*", "", action.deadline_text.strip(), flags=re.I))
        if action.postponed and action.current_deadline:
            assert row[3].endswith(action.current_deadline)
        assert row[5] == action.latest_note
    assert any(r[5] for r in rows), "no stand van zaken at all"
    assert any(a.postponed and a.current_deadline for a in by_code.values()), "the demo has a postponed action"
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


@pytest.mark.skipif(not HAVE_RENDERER, reason="LibreOffice/poppler not installed")
def test_command_line_writes_the_overview_as_pdf(demo_path, tmp_path, capsys):
    from ghnt_desktop.cli import main

    out = tmp_path / "overzicht.pdf"
    assert main(["export", "voortgangsoverzicht", "--db", str(demo_path), "--out", str(out)]) == 0, capsys.readouterr()
    assert out.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Voortgangsoverzicht per actielijn" in text and "Stand van zaken" in text


# --------------------------------------------------------------------------------------------------
# Rendered
# --------------------------------------------------------------------------------------------------


def _render(path: Path, tmp_path: Path) -> list[str]:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = path.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(exist_ok=True)
        for old in ARTIFACTS.glob(f"{path.stem}-*.png"):  # pages of an earlier, longer rendering
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(ARTIFACTS / path.stem)], check=True)
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.skipif(not HAVE_RENDERER, reason="LibreOffice/poppler not installed")
def test_rendered_report_has_a_full_cover_footnotes_and_no_near_empty_last_page(database, tmp_path):
    with database.session() as session:
        ambition = next(e for e in report_outline(session) if e.kind == "ambition")
        created = create_report(
            session, title="Voortgang Geweld hoort nergens thuis", reference="20.0001076", version="Definitief",
            report_date=date(2026, 12, 1), contact_person="Afke de Jong", contact_email="a.dejong@regio.nl",
            period_from=PERIODS[0][0], period_to=PERIODS[0][1], sources=["https://www.augeo.nl/handle-with-care"],
            texts={part_key("ambition", ambition.id, "narrative"): "Handle with Care is een werkwijze [1]."},
        )  # fmt: skip
    data, _document, out = _export(database, tmp_path, "voortgangsrapportage.docx", report_id=created.id)
    pages = _render(out, tmp_path)
    assert len(pages) >= 3
    cover = pages[0]
    for expected in ("Ons kenmerk", "20.0001076", "Definitief", "Afke de Jong", "Inhoud", "Conclusie en vooruitblik"):
        assert expected in cover, expected
    lines_on = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    # Header and footer take 2 lines; a near-empty page has hardly more.
    assert lines_on[0] >= 15 and lines_on[-1] >= 8, lines_on
    whole = "\n".join(pages)
    assert re.search(r"werkwijze\d+", whole.replace(" ", "")) and "https://www.augeo.nl/handle-with-care" in whole
    assert not PLACEHOLDERS.search(whole)



def test_the_privacy_guard_reads_the_progress_notes_and_narratives(database, tmp_path):
    from ghnt_desktop.exports.jobs import ExportRequest, run_export

    case = "Casus: cliënt Jansen, BSN 111222333, Dorpsstraat 8."
    with database.session() as session:
        action = session.scalar(select(ProgrammeAction).where(ProgrammeAction.status != "done").limit(1))
        session.add(ProgressUpdate(programme_action_id=action.id, date=date(2026, 11, 1), status="in_progress",
                                   done_text=case))  # fmt: skip
        ambition = next(e for e in report_outline(session) if e.kind == "ambition")
        report = create_report(session, title="R", period_from=PERIODS[0][0], period_to=PERIODS[0][1],
                               texts={part_key("ambition", ambition.id, "narrative"): "BSN 123456782 besproken."})
    for kind, extra in (("voortgang", {"report_id": report.id}), ("voortgangsoverzicht", {})):
        outcome = run_export(database, ExportRequest(kind=kind, out=tmp_path / f"{kind}.docx", today=TODAY, **extra))
        assert "111222333" in outcome.privacy, kind  # the progress note
        if kind == "voortgang":
            assert "123456782" in outcome.privacy  # the narrative


def test_a_programme_of_speerpunten_like_seed_004(tmp_path):
    """Seed 004: three actielijnen, six speerpunten, each a section with the national line of its actielijn.
    Each speerpunt is a part of its actielijn, with its own short title, narrative and actions."""
    from ghnt_desktop.models import Ambition, Programme, Section, SectionKind

    database = open_database(tmp_path / "gv.db")
    seed = {
        1: ("Eerder en beter in beeld", ["Verbeteren lokale infrastructuur en effectief samenwerken rondom (zicht op) "
                                         "veiligheid"]),
        2: ("Stoppen en duurzaam oplossen", ["Verbeteren traumascreening en –behandeling",
                                             "Verbeteren verbinding zorg & onderwijs", "Verbeteren pleger- aanpak"]),
        3: ("Specifieke groepen", ["Aanpak mensenhandel", "Aanpak ouderenmishandeling"]),
    }  # fmt: skip
    with database.session() as session:
        programme = Programme(region="Gooi en Vechtstreek", title="Regionaal actieprogramma GHNT", period_start=2019)
        session.add(programme)
        position = 0
        speerpunten = {}
        for line, (title, points) in seed.items():
            position += 1
            session.add(Section(programme=programme, title=title, kind=SectionKind.ACTIELIJN, national_line=line,
                                position=position))  # fmt: skip
            for point in points:
                position += 1
                section = Section(programme=programme, title=point, kind=SectionKind.SPEERPUNT, national_line=line,
                                  position=position)  # fmt: skip
                ambition = Ambition(section=section, text=point, position=0)
                ambition.actions.append(
                    ProgrammeAction(code=f"{line}.{position}", text=f"Werkgroep {point.lower()} formeren",
                                    deadline_text="klaar: januari 2020", deadline_end=date(2020, 1, 31),
                                    status="in_progress")
                )  # fmt: skip
                session.add(section)
                speerpunten[point] = section
        session.flush()
        programme_id = programme.id
        trauma = speerpunten["Verbeteren traumascreening en –behandeling"]
        outline = report_outline(session, programme_id)
        assert [e.default_title for e in outline if e.level == 1] == [t for t, _ in seed.values()]
        assert [e.default_title for e in outline if e.level == 2] == [p for _, ps in seed.values() for p in ps]
        report = create_report(
            session, title="1ste rapportage", programme_id=programme_id, period_from=date(2019, 7, 1),
            period_to=date(2020, 3, 30),
            texts={part_key("section", trauma.id, "title"): "Traumascreening",
                   part_key("section", trauma.id, "narrative"): "Het project Trauma is opgedeeld in drie fases."},
        )  # fmt: skip
        data = progress_report_document(session, report_id=report.id, today=date(2020, 3, 30))
    export_voortgang(data, tmp_path / "gv.docx")
    document = docx.Document(str(tmp_path / "gv.docx"))
    headings = _headings(document)
    assert (1, "1 Terugkoppeling op de 3 actielijnen") in headings
    assert [t for level, t in headings if level == 2][2:5] == [
        "1.1 Eerder en beter in beeld", "1.2 Stoppen en duurzaam oplossen", "1.3 Specifieke groepen"
    ]
    assert (3, "Traumascreening") in headings and (3, "Aanpak mensenhandel") in headings
    text = _body_text(document)
    assert "Het project Trauma is opgedeeld in drie fases." in text
    # Every action is over its deadline (januari 2020) and named with it in the vertraagde acties.
    assert len(data.late_actions) == 6 and all(a.original_deadline == "klaar: januari 2020" for a in data.late_actions)
    assert text.count("1 actie is vertraagd.") == 6
    database.close()


@pytest.mark.parametrize(
    "text, intro, topics",
    [
        ("", "", []),
        ("Alleen tekst\nover twee regels", "Alleen tekst\nover twee regels", []),
        ("# FMEK\nTekst", "", [("FMEK", "Tekst")]),
        ("Inleiding\n# A\n\n# B\nb1\nb2", "Inleiding", [("A", ""), ("B", "b1\nb2")]),
        ("#geen kop\n#\n# ", "#geen kop\n#\n#", []),  # "#" must be followed by a space and a title
        ("  #  Ruimte   rond  \ntekst #1", "", [("Ruimte rond", "tekst #1")]),
    ],
)
def test_overige_activiteiten_topics(text, intro, topics):
    from ghnt_desktop.exports.docx_report import split_topics

    assert split_topics(text) == (intro, topics)


# --------------------------------------------------------------------------------------------------
# The figures chapter "Cijfers"
# --------------------------------------------------------------------------------------------------


def _all_xml(path: Path) -> str:
    """Every XML part of the package (body, footnotes, headers, core properties), as one text."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode() for name in package.namelist() if name.endswith(".xml"))


def test_the_figures_chapter_comes_after_the_inleiding_and_each_actielijn_names_its_indicators(database, tmp_path):
    data, document, _ = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    assert data.figures is not None and not data.figures.empty
    headings = _headings(document)
    level1 = [text for level, text in headings if level == 1]
    assert level1[:3] == ["Inleiding", "1 Cijfers", "2 Terugkoppeling op de 3 actielijnen"]
    # The chapter's sections are numbered under it: 1.1 <actielijn>, 1.1.1 <indicator>.
    at = headings.index((1, "1 Cijfers"))
    assert headings[at + 1][0] == 2 and headings[at + 1][1].startswith("1.1 ")
    assert headings[at + 2][0] == 3 and headings[at + 2][1].startswith("1.1.1 ")
    assert "hoofdstuk Cijfers" in data.reading_guide
    # Per actielijn chapter its linked indicators as a table, under a heading one level below the actielijn.
    linked = [line for line in data.actielijnen if data.line_indicators.get(line.id)]
    assert linked
    assert [t for level, t in headings if t == "Indicatoren"] and all(
        level == 3 for level, t in headings if t == "Indicatoren"
    )
    body = _body_text(document)
    for line in linked:
        for row in data.line_indicators[line.id]:
            assert row.name in body
    # Figures numbered on from the inleiding's status chart, once each, in order.
    figures = [int(m.group(1)) for p in document.paragraphs if (m := re.match(r"Figuur (\d+)\.", p.text))]
    assert figures == list(range(1, len(figures) + 1)) and len(figures) > 2


def test_a_confidential_indicator_never_appears_and_is_counted(database, tmp_path):
    from ghnt_desktop.models import Indicator
    from ghnt_desktop.services import indicators as ind

    name = "Geheim cijfer over casussen in de regio"
    with database.session() as session:
        chapter = ind.figures_chapter(session)
        shown = next(i for s in chapter.sections for i in s.indicators if s.section_id is not None)
        ind.update_indicator(session, shown.id, name=name, source="Bron die niemand mag zien", confidential=True)
        others = session.scalar(select(Indicator).where(Indicator.id != shown.id, Indicator.confidential.is_(True)))
        assert others is None
    data, document, out = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    assert name not in _all_xml(out) and "niemand mag zien" not in _all_xml(out)
    assert all(name != r.name for rows in data.line_indicators.values() for r in rows)
    assert data.omitted.indicators == 1
    assert "1 indicator" in data.omitted.describe()
    assert "1 vertrouwelijke indicator is weggelaten." in _body_text(document)
    # Asked for, it is in, marked, and the warning names it.
    data, document, out = _export(database, tmp_path, "met.docx", date_from=PERIODS[0][0], date_to=PERIODS[0][1],
                                  include_confidential=True)  # fmt: skip
    assert name in _body_text(document)
    assert data.omitted.indicators == 0 and data.omitted.included_indicators == 1
    assert "1 indicator met hun cijfers" in data.omitted.describe_included()


def test_without_indicators_or_by_choice_there_is_no_empty_figures_chapter(database, tmp_path):
    from ghnt_desktop.services import indicators as ind

    data, document, _ = _export(database, tmp_path, date_from=PERIODS[0][0], date_to=PERIODS[0][1], figures=False)
    assert data.figures is None and not data.line_indicators
    assert not any("Cijfers" in t or t == "Indicatoren" for _level, t in _headings(document))
    assert "Cijfers" not in data.reading_guide
    with database.session() as session:
        for row in ind.list_indicators(session):
            ind.delete_indicator(session, row.id)
    data, document, _ = _export(database, tmp_path, "leeg.docx", date_from=PERIODS[0][0], date_to=PERIODS[0][1])
    headings = [t for _level, t in _headings(document)]
    assert data.figures is None and not any("Cijfers" in t or t == "Indicatoren" for t in headings)
    assert headings[headings.index("Leeswijzer") + 1] == "1 Terugkoppeling op de 3 actielijnen"
    assert data.omitted.indicators == 0 and "indicator" not in data.omitted.describe()
