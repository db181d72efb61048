"""Importing a list a region kept by hand: header finding, mapping, sections, deadlines, statuses, trekkers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from ghnt_desktop.imports.existing_list import (
    apply_overrides,
    build_list_preview,
    propose_mapping,
    read_list,
    split_trekkers,
)
from ghnt_desktop.imports.workbook import ImportFileError, read_workbook
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    ProgressUpdate,
    Section,
)
from ghnt_desktop.services.importing import import_action_list

REFERENCE = date(2020, 1, 15)


def make_list(path: Path, *, headers=None, extra=None) -> Path:
    """A list as a region keeps it: title block, merged cells, section rows, Dutch headers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Acties 2020"
    ws["A1"] = "Actielijst GHNT regio Groningen"
    ws.merge_cells("A1:F1")
    ws["A2"] = "Bijgewerkt na het afstemmingsoverleg van 12 februari 2020"
    ws.append([])
    ws.append(headers or ["Nr.", "Actiepunt", "Trekker(s)", "Deadline", "Status", "Toelichting / stand van zaken"])
    ws.append(["Actielijn 1: Eerder en beter in beeld"])
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=6)
    ws.append([1, "Werkgroep formeren", "Gemeenten Veendam/Pekela", "15-03-2020", "Gereed", "Werkgroep is gestart"])
    ws.append([2, "Scholing meldcode", "Veilig Thuis en GGD", datetime(2020, 4, 1), "Loopt", None])
    ws.append([3, "Pilot MDA++", "Projectleider GHNT", "Q2 2020", "Doorgeschoven", None])
    ws.append(["Actielijn 2: Stoppen en duurzaam oplossen"])
    ws.merge_cells(start_row=9, start_column=1, end_row=9, end_column=6)
    ws.append([4, "Aanpak huiselijk geweld", "Politie; OM", "2e kwartaal 2020", "afgerond", None])
    ws.append([5, "Evaluatie", None, "voor de zomer", "Vervallen", None])
    ws.merge_cells("C10:C11")  # one trekker for two rows, merged down
    ws.append([6, "Expertteam", "Anna de Vries", "aug-sep 2019", "nog even kijken", None])
    ws.append([7, "Visie", "Zorg (GGZ, verslavingszorg)", "2019-2021", None, None])
    ws.append([None, None, None, None, None, None])
    ws.append([8, "Netwerk", "Gemeente Groningen & Veilig Thuis", 43905, "in uitvoering", None])
    ws.append([9, "Kaart", "VT", "maart 2020", "", ""])
    ws.append([10, None, "Politie", None, None, None])  # a number without an action
    for row in extra or []:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def people(session):
    groningen = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE)
    vt = Organisation(name="Veilig Thuis Groningen", abbreviation="VT", aliases=["Veilig Thuis"])
    session.add_all(
        [
            groningen,
            vt,
            Organisation(name="Politie Noord-Nederland", aliases=["Politie"]),
            Organisation(name="Gemeente Veendam", kind=OrganisationKind.GEMEENTE),
            Person(name="Anna de Vries", organisation=groningen),
        ]
    )
    session.flush()
    return {"groningen": groningen, "vt": vt}


def test_read_list_finds_header_sections_and_fields(tmp_path: Path):
    table = read_list(read_workbook(make_list(tmp_path / "lijst.xlsx")))
    assert table.sheet == "Acties 2020" and table.header_row == 4
    assert table.title_lines[0] == "Actielijst GHNT regio Groningen"
    assert table.proposal == {0: "number", 1: "text", 2: "trekker", 3: "deadline", 4: "status", 5: "note"}
    preview = build_list_preview(table)
    assert preview.reference == REFERENCE.replace(day=12, month=2)  # from the title block
    items = {i.number: i for i in preview.items}
    assert sorted(items, key=int) == [str(n) for n in range(1, 10)]
    assert preview.sections == ("Actielijn 1: Eerder en beter in beeld", "Actielijn 2: Stoppen en duurzaam oplossen")
    assert items["3"].section == "Actielijn 1: Eerder en beter in beeld"
    assert items["4"].section == "Actielijn 2: Stoppen en duurzaam oplossen"
    assert len(preview.skipped) == 1 and preview.skipped[0].startswith("regel 17: geen actie ingevuld")
    # Deadlines kept as written and parsed where possible.
    assert (items["1"].deadline_text, items["1"].deadline_date) == ("15-03-2020", date(2020, 3, 15))
    assert (items["2"].deadline_text, items["2"].deadline_date) == ("01-04-2020", date(2020, 4, 1))
    assert (items["3"].deadline_start, items["3"].deadline_end) == (date(2020, 4, 1), date(2020, 6, 30))
    assert items["4"].deadline_end == date(2020, 6, 30)
    assert (items["5"].deadline_text, items["5"].deadline_end) == ("voor de zomer", date(2020, 6, 30))
    assert (items["6"].deadline_start, items["6"].deadline_end) == (date(2019, 8, 1), date(2019, 9, 30))
    assert (items["7"].deadline_start, items["7"].deadline_end) == (date(2019, 1, 1), date(2021, 12, 31))
    assert items["8"].deadline_date == date(2020, 3, 15)  # an Excel serial number
    assert items["9"].deadline_end == date(2020, 3, 31)
    # Statuses mapped from free text, with counts; the unknown one is shown.
    statuses = {m.text: m.status for m in preview.statuses}
    assert statuses == {
        "Gereed": ActionStatus.DONE,
        "Loopt": ActionStatus.IN_PROGRESS,
        "Doorgeschoven": ActionStatus.IN_PROGRESS,  # a postponement stays open, not "aangehouden"
        "afgerond": ActionStatus.DONE,
        "Vervallen": ActionStatus.CANCELLED,
        "nog even kijken": None,
        "in uitvoering": ActionStatus.IN_PROGRESS,
    }
    assert "nog even kijken" in preview.warnings[0]
    # Trekkers split; the merged-down trekker cell repeats for both rows.
    assert items["1"].trekkers == ("Gemeente Veendam", "Gemeente Pekela")
    assert items["2"].trekkers == ("Veilig Thuis en GGD",)  # " en " splits only between known names
    assert items["3"].postponed and items["3"].times_postponed is None
    assert items["4"].trekkers == items["5"].trekkers == ("Politie", "OM")
    assert items["7"].trekkers == ("Zorg (GGZ, verslavingszorg)",)
    assert items["1"].note == "Werkgroep is gestart"


@pytest.mark.parametrize(
    "headers",
    [
        ["Nr", "Actie", "Wie", "Wanneer", "Stand", "Opmerkingen"],
        ["nummer", "Omschrijving actie", "Verantwoordelijke", "Datum gereed", "Status:", "Voortgang"],
        ["#", "Actiepunten", "Trekkers", "Planning", "STATUS", "Toelichting"],
    ],
)
def test_header_spellings(tmp_path: Path, headers):
    table = read_list(read_workbook(make_list(tmp_path / "l.xlsx", headers=headers)))
    expected = {1: "text", 2: "trekker", 3: "deadline", 4: "status", 5: "note"}
    assert {k: v for k, v in table.proposal.items() if k} == expected


def test_mapping_and_status_overrides(tmp_path: Path):
    table = read_list(read_workbook(make_list(tmp_path / "l.xlsx")))
    mapping = apply_overrides(table, {"Toelichting / stand van zaken": "ignore", "E": "note", "Nr.": "nummer"})
    assert mapping == {0: "number", 1: "text", 2: "trekker", 3: "deadline", 4: "note"}
    with pytest.raises(ValueError, match="Kolom .* niet gevonden. Gebruik"):
        apply_overrides(table, {"Bestaat niet": "trekker"})
    with pytest.raises(ValueError, match="Onbekend veld .* Kies uit"):
        apply_overrides(table, {"Status": "kleur"})
    preview = build_list_preview(
        table, status_overrides={"NOG EVEN KIJKEN": ActionStatus.ON_HOLD, "doorgeschoven": ActionStatus.IN_PROGRESS}
    )
    statuses = {m.text: (m.status, m.overridden) for m in preview.statuses}
    assert statuses["nog even kijken"] == (ActionStatus.ON_HOLD, True)
    assert statuses["Doorgeschoven"] == (ActionStatus.IN_PROGRESS, True)
    assert not preview.warnings


def test_split_trekkers():
    assert split_trekkers("Politie / OM, Veilig Thuis; GGD & Reclassering en JB Noord") == [
        "Politie", "OM", "Veilig Thuis", "GGD", "Reclassering en JB Noord",
    ]  # fmt: skip
    known = {"reclassering", "jb noord", "centrum voor jeugd en gezin"}.__contains__
    assert split_trekkers("GGD & Reclassering en JB Noord", lambda t: known(t.casefold())) == [
        "GGD", "Reclassering", "JB Noord",
    ]  # fmt: skip
    assert split_trekkers("Centrum voor Jeugd en Gezin", lambda t: known(t.casefold())) == [
        "Centrum voor Jeugd en Gezin"
    ]
    assert split_trekkers("Gemeenten Veendam en Pekela") == ["Gemeente Veendam", "Gemeente Pekela"]
    assert split_trekkers("Zorg- en Veiligheidshuis") == ["Zorg- en Veiligheidshuis"]
    assert split_trekkers("VT en/of politie") == ["VT en/of politie"]
    assert split_trekkers("Gemeenten Veendam/Pekela/Oldambt") == [
        "Gemeente Veendam", "Gemeente Pekela", "Gemeente Oldambt",
    ]  # fmt: skip
    assert split_trekkers("Zorg (GGZ, verslavingszorg) / Politie e.a.") == ["Zorg (GGZ, verslavingszorg)", "Politie"]
    assert split_trekkers("Eenzaamheid en ouderen") == ["Eenzaamheid en ouderen"]  # not two names
    assert split_trekkers("") == [] and split_trekkers(None) == []


def test_import_action_list(session, people, tmp_path: Path):
    table = read_list(read_workbook(make_list(tmp_path / "l.xlsx")))
    result = import_action_list(session, build_list_preview(table), file_name="l.xlsx", today=date(2020, 3, 1))
    assert result.created == 9
    items = {i.number: i for i in session.scalars(select(ActionItem))}
    # "Veilig Thuis en GGD" split because "Veilig Thuis" is known; two trekkers: both named, none linked.
    assert items["2"].trekker_organisation_id is None
    assert items["2"].trekker_text == "Veilig Thuis Groningen, GGD"
    assert items["9"].trekker_organisation_id == people["vt"].id  # "VT", its abbreviation
    assert items["6"].trekker_person_id is not None and items["6"].trekker_organisation_id is None
    assert items["8"].trekker_organisation_id is None  # "Gemeente Groningen & Veilig Thuis": both named
    assert items["8"].trekker_text == "Gemeente Groningen, Veilig Thuis Groningen"
    assert items["1"].trekker_text == "Gemeente Veendam, Gemeente Pekela"  # matched name, unmatched as written
    assert (items["3"].status, items["3"].deadline, items["3"].deadline_text) == (
        ActionStatus.IN_PROGRESS,
        date(2020, 6, 30),
        "Q2 2020",
    )
    assert items["3"].times_postponed == 1  # "Doorgeschoven" counts one postponement
    assert items["4"].status is ActionStatus.DONE and items["4"].closed_on == date(2020, 3, 1)
    assert items["6"].status is ActionStatus.NOT_STARTED
    notes = session.scalars(select(ProgressUpdate.done_text)).all()
    assert notes == ["Werkgroep is gestart"]
    assert "GGD" in result.trekkers_unmatched and "Gemeente Pekela" in result.trekkers_unmatched


def test_import_programme_list(session, people, tmp_path: Path):
    """A hand-kept programme list (section rows, no ambition column) through the programme import."""
    from ghnt_desktop.imports.programme_file import preview_programme
    from ghnt_desktop.services.programme_import import import_programme

    path = make_list(tmp_path / "p.xlsx", headers=["Code", "Acties", "Trekker", "Planning", "Status", "Notitie"])
    preview = preview_programme(session, path)
    result = import_programme(session, preview.draft, preview.parties, title="Regiovisie 2020-2023", region="Groningen")
    programme = session.get(Programme, result.programme_id)
    sections = session.scalars(select(Section).where(Section.programme_id == programme.id).order_by(Section.position))
    assert [s.title for s in sections] == [
        "Actielijn 1: Eerder en beter in beeld",
        "Actielijn 2: Stoppen en duurzaam oplossen",
    ]
    actions = {a.code: a for a in session.scalars(select(ProgrammeAction))}
    assert len(actions) == 9
    assert (actions["3"].deadline_text, actions["3"].deadline_start, actions["3"].deadline_end) == (
        "Q2 2020",
        date(2020, 4, 1),
        date(2020, 6, 30),
    )
    # The trekkers in force: the first row's on the ambition, a row with others its own.
    assert [r.label for r in actions["1"].responsibilities] == ["Gemeente Veendam", "Gemeente Pekela"]
    assert actions["1"].overrides_responsibility is False
    politie = next(r for r in actions["4"].responsibilities if r.label == "Politie")
    assert politie.organisation_id is not None


def test_import_command(tmp_path: Path, people, database, session, capsys):
    from ghnt_desktop.cli import main

    session.commit()
    path = make_list(tmp_path / "l.xlsx")
    args = ["import", "actielijst", str(path), "--db", str(database.path)]
    assert main([*args, "--dry-run", "--status", "nog even kijken=on_hold"]) == 0
    out = capsys.readouterr().out
    assert "Proefdraai" in out and "'nog even kijken'" in out and "Aangehouden" in out
    with database.session() as s:
        assert s.scalar(select(func.count(ActionItem.id))) == 0
    assert main([*args, "--status", "nog even kijken=Kleur"]) == 2
    assert "onbekende status" in capsys.readouterr().out
    assert main([*args, "--column", "Toelichting / stand van zaken=ignore", "--status", "nog even kijken=on_hold"]) == 0
    with database.session() as s:
        assert s.scalar(select(func.count(ActionItem.id))) == 9
        assert s.scalar(select(func.count(ProgressUpdate.id))) == 0  # the note column was ignored
        status = s.scalar(select(ActionItem.status).where(ActionItem.number == "6"))
    assert status is ActionStatus.ON_HOLD


def test_no_header_message(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.active.append(["Iets", "Anders"])
    wb.active.append(["a", "b"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ImportFileError, match="geen kopregel"):
        read_list(read_workbook(tmp_path / "x.xlsx"))


@pytest.mark.parametrize(
    ("text", "field"),
    [("meeting_date", "meeting_date"), ("Datum overleg", "meeting_date"), ("parties", "parties"),
     ("Vertrouwelijk", "confidential"), ("keer uitgesteld", "postponed"), ("Trekker", "trekker")],
)  # fmt: skip
def test_field_names_for_overrides(text, field):
    from ghnt_desktop.imports.existing_list import field_name

    assert field_name(text) == field


def test_propose_mapping_gives_each_field_once():
    assert propose_mapping(("Actie", "Actiepunt", "Trekker", "Verantwoordelijke")) == {0: "text", 2: "trekker"}
