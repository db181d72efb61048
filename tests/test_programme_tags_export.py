"""The programme table grouped by a label kind (seed 003: actielijnen x processtappen), on the command line."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.models import ProgrammeAction
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.new_region import SEED_PROCESS_STEPS
from ghnt_desktop.services.programme_scope import current_programme_id
from ghnt_desktop.services.programme_tags import (
    create_tag_kind,
    list_tag_kinds,
    programme_document_by_tag,
    set_action_tags,
)

TODAY = date(2024, 6, 1)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def tagged_demo(demo_database):
    """The demo with seed 003's processtappen; every third top-level action gets one step, every seventh two."""
    path = demo_database(TODAY)
    database = open_database(path)
    with database.session() as session:
        programme = current_programme_id(session)
        create_tag_kind(session, programme, "Processtap", SEED_PROCESS_STEPS)
        steps = [t.id for t in list_tag_kinds(session, programme)[0].tags]
        actions = session.scalars(
            select(ProgrammeAction).where(ProgrammeAction.parent_id.is_(None)).order_by(ProgrammeAction.code)
        ).all()
        expected: dict[str, set[str]] = {}
        for n, action in enumerate(actions):
            chosen = []
            if n % 3 == 0:
                chosen.append(steps[n % len(steps)])
            if n % 7 == 0:
                chosen.append(steps[(n + 1) % len(steps)])
            set_action_tags(session, action.id, chosen)
            names = {SEED_PROCESS_STEPS[steps.index(t)] for t in chosen}
            if action.in_programme_table:  # the table prints the programme as adopted, grouped or not
                expected[action.text.split("\n")[0]] = names or {"Zonder processtap"}
    database.close()
    return path, expected


def test_grouped_by_processtap_each_action_is_under_each_of_its_steps(tagged_demo, tmp_path, capsys):
    path, expected = tagged_demo
    out = tmp_path / "programma.docx"
    assert main(["export", "programma", "--db", str(path), "--out", str(out), "--per-label", "processtap"]) == 0
    table = docx.Document(out).tables[0]
    group = None
    found: dict[str, set[str]] = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if len(set(cells)) == 1:  # a heading row spans the table
            group = cells[0].split(" – ")[0].removeprefix("Processtap: ")
            continue
        for text in expected:
            if text in cells[1]:
                found.setdefault(text, set()).add(group)
    assert found == expected
    headings = [c.cells[0].text for c in table.rows[1:] if len({x.text for x in c.cells}) == 1]
    assert headings[0].startswith("Processtap: Signaleren – ")
    assert headings[-1].startswith("Zonder processtap – ")
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        profile = (tmp_path / "lo-profile").as_uri()
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
             str(tmp_path), str(out)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        ARTIFACTS.mkdir(exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(tmp_path / "programma.pdf"),
             str(ARTIFACTS / "programma_per_processtap")],
            check=True, timeout=60,
        )  # fmt: skip


def test_an_unknown_label_kind_is_refused_with_the_kinds_there_are(tagged_demo, tmp_path, capsys):
    path, _ = tagged_demo
    out = tmp_path / "programma.docx"
    assert main(["export", "programma", "--db", str(path), "--out", str(out), "--per-label", "Doelgroep"]) != 0
    assert "Processtap" in capsys.readouterr().out
    assert not out.exists()
    database = open_database(path)
    try:
        with database.session() as session, pytest.raises(ValidationError, match="geen labels van de soort"):
            programme_document_by_tag(session, current_programme_id(session), "Doelgroep")
    finally:
        database.close()


def test_the_export_dialog_offers_the_label_kinds_of_the_programme(tagged_demo, qtbot, tmp_path):
    from ghnt_desktop.services.export_setup import export_choices
    from ghnt_desktop.ui.export_dialog import ExportDialog

    path, _ = tagged_demo
    database = open_database(path)
    try:
        with database.session() as session:
            choices = export_choices(session)
        dialog = ExportDialog(database, choices, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.set_kind("programma", "docx")
        assert dialog.tag_kind_combo.isVisibleTo(dialog)
        assert [dialog.tag_kind_combo.itemText(i) for i in range(dialog.tag_kind_combo.count())] == [
            "actielijn", "processtap"]  # fmt: skip
        dialog.tag_kind_combo.setCurrentIndex(1)
        dialog.file_edit.setText(str(tmp_path / "p.docx"))
        assert dialog.build_request().tag_kind == "Processtap"
        dialog.grab().save(str(ARTIFACTS / "export_dialog_per_label.png"))
        dialog.set_kind("actielijst", "docx")
        assert not dialog.tag_kind_combo.isVisibleTo(dialog)
        assert dialog.build_request().tag_kind == ""
    finally:
        database.close()


# --------------------------------------------------------------------------------------------------
# The voortgangsrapportage and the voortgangsoverzicht per label (services/report_tags.py)
# --------------------------------------------------------------------------------------------------


def _expected_groups(path: Path, *, actielijnen_only: bool) -> dict[str, set[str]]:
    """Per action the report names (its label "code short title"): the processtappen it carries."""
    from ghnt_desktop.services.programme_tags import action_tags_by_kind
    from ghnt_desktop.services.progress_report import progress_overview_document, progress_report_document

    database = open_database(path)
    try:
        with database.session() as session:
            programme = current_programme_id(session)
            tags = action_tags_by_kind(session, programme)
            if actielijnen_only:
                lines = progress_report_document(session, today=TODAY).actielijnen
            else:
                lines = progress_overview_document(session, today=TODAY).lines
            return {
                (a.label if actielijnen_only else a.code): set(tags.get(a.id, {}).get("Processtap", ()))
                or {"Zonder processtap"}
                for line in lines
                for a in line.actions
            }
    finally:
        database.close()


def _render(out: Path, tmp_path: Path, name: str, pages: tuple[int, int]) -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        return
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(pages[0]), "-l", str(pages[1]), str(out.with_suffix(".pdf")),
         str(ARTIFACTS / name)],
        check=True, timeout=60,
    )  # fmt: skip


def test_the_report_adds_a_chapter_per_processtap_after_the_actielijnen(tagged_demo, tmp_path):
    path, _ = tagged_demo
    expected = _expected_groups(path, actielijnen_only=True)
    assert any(len(v) == 2 for v in expected.values()) and any("Zonder processtap" in v for v in expected.values())
    out = tmp_path / "voortgang.docx"
    args = ["export", "voortgang", "--db", str(path), "--out", str(out), "--to", "2024-06-01"]
    assert main([*args, "--per-label", "processtap"]) == 0
    paragraphs = docx.Document(out).paragraphs
    chapters = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    index = next(i for i, text in enumerate(chapters) if text.endswith("Voortgang per processtap"))
    assert "Terugkoppeling" in chapters[index - 1]  # right after the actielijnen
    assert chapters[index].split()[0] == str(int(chapters[index - 1].split()[0]) + 1)  # numbered on
    found: dict[str, set[str]] = {}
    group = None
    in_chapter = False
    groups: list[str] = []
    for p in paragraphs:
        if p.style.name == "Heading 1":
            in_chapter = p.text == chapters[index]
        elif in_chapter and p.style.name == "Heading 2":
            group = p.text.split(" ", 1)[1]
            groups.append(group)
        elif in_chapter and group and p.text.startswith("•"):
            bold = "".join(r.text for r in p.runs if r.bold)
            found.setdefault(bold, set()).add(group)
    assert found == expected  # every action of the actielijnen under each of its labels, untagged under "Zonder"
    assert groups[0] == "Signaleren" and groups[-1] == "Zonder processtap"
    # Without the option the report is as before: no such chapter.
    plain = tmp_path / "plain.docx"
    assert main([*args[:5], str(plain), *args[6:]]) == 0
    assert not any("per processtap" in p.text for p in docx.Document(plain).paragraphs)
    _render(out, tmp_path, "voortgang_per_processtap", (5, 7))


def test_the_overview_is_grouped_by_processtap_instead_of_actielijn(tagged_demo, tmp_path):
    path, _ = tagged_demo
    expected = _expected_groups(path, actielijnen_only=False)
    out = tmp_path / "overzicht.docx"
    assert main(["export", "voortgangsoverzicht", "--db", str(path), "--out", str(out), "--per-label",
                 " PROCESSTAP "]) == 0  # fmt: skip
    document = docx.Document(out)
    assert any(p.text == "Voortgangsoverzicht per processtap" for p in document.paragraphs)
    found: dict[str, set[str]] = {}
    headings: list[str] = []
    for row in document.tables[0].rows[1:]:
        cells = [c.text for c in row.cells]
        if len(set(cells)) == 1:
            headings.append(cells[0])
            continue
        found.setdefault(cells[0], set()).add(headings[-1])
    assert found == expected
    assert headings[0] == "Signaleren" and headings[-1] == "Zonder processtap"
    _render(out, tmp_path, "voortgangsoverzicht_per_processtap", (1, 1))


@pytest.mark.parametrize("kind", ["voortgang", "voortgangsoverzicht"])
def test_an_unknown_label_kind_is_refused_for_the_report_too(tagged_demo, tmp_path, capsys, kind):
    path, _ = tagged_demo
    out = tmp_path / "v.docx"
    assert main(["export", kind, "--db", str(path), "--out", str(out), "--per-label", "Doelgroep"]) != 0
    assert "Soorten in dit programma: Processtap" in capsys.readouterr().out
    assert not out.exists()


def test_the_export_dialog_offers_the_label_chapter_for_the_report(tagged_demo, qtbot, tmp_path):
    from ghnt_desktop.services.export_setup import export_choices
    from ghnt_desktop.ui.export_dialog import ExportDialog

    path, _ = tagged_demo
    database = open_database(path)
    try:
        with database.session() as session:
            choices = export_choices(session)
        dialog = ExportDialog(database, choices, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.resize(1366 // 2, 700)
        dialog.show()
        for kind, first in (("voortgang", "(geen, alleen per actielijn)"), ("voortgangsoverzicht", "actielijn")):
            dialog.set_kind(kind, "docx")
            assert dialog.tag_kind_combo.isVisibleTo(dialog)
            assert dialog.tag_kind_combo.itemText(0) == first
            dialog.tag_kind_combo.setCurrentIndex(0)
            dialog.file_edit.setText(str(tmp_path / "v.docx"))
            assert dialog.build_request().tag_kind == ""
            dialog.tag_kind_combo.setCurrentIndex(1)
            assert dialog.build_request().tag_kind == "Processtap"
        dialog.set_kind("voortgang", "docx")
        dialog.grab().save(str(ARTIFACTS / "export_dialog_voortgang_per_label.png"))
        dialog.set_kind("programma", "docx")
        assert dialog.tag_kind_combo.itemText(0) == "actielijn"
    finally:
        database.close()
