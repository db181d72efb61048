"""Importing lists people already keep (#16): updates by number, sections, trekkers, postponements, series.

The lists are built from the action texts and organisations extracted from real programme documents
(``/work/shared/data``) where available, else from a small built-in table of the same shape.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from ghnt_desktop.imports.existing_list import postponement_count, read_list, split_trekkers
from ghnt_desktop.imports.workbook import read_workbook
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Organisation,
    ProgressUpdate,
)
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.importing import NameMatcher, import_action_list, preview_action_list, preview_file

DATA = Path("/work/shared/data")
TODAY = date(2026, 3, 1)
HEADERS = ["Nr.", "Actiepunt", "Trekker", "Deadline", "Status", "Toelichting", "Betrokken partijen", "Vertrouwelijk"]


def _texts(count: int) -> list[str]:
    path = DATA / "seeds_001_003_004_acties.json"
    if path.exists():
        texts = [" ".join(a["actie"].split())[:300] for a in json.loads(path.read_text(encoding="utf-8"))]
        texts = list(dict.fromkeys(t for t in texts if len(t) > 20))
        if len(texts) >= count:
            return texts[:count]
    return [f"Actie {i}: scholing meldcode voor professionals in de regio" for i in range(count)]


ORGANISATIONS = [
    ("Veilig Thuis Groningen", "VT", ["Veilig Thuis"]),
    ("Raad voor de Kinderbescherming", None, []),
    ("Openbaar Ministerie", None, []),
    ("Politie Noord-Nederland", None, ["Politie"]),
    ("Gemeente Groningen", None, ["Groningen"]),
    ("Gemeente Veendam", None, []),
    ("Centrum voor Jeugd en Gezin", "CJG", []),
    ("GGD Groningen", "GGD", []),
    ("Alle gemeenten", None, []),
]


@pytest.fixture
def network(session):
    orgs = {}
    for name, abbreviation, aliases in ORGANISATIONS:
        org = Organisation(name=name, abbreviation=abbreviation, aliases=aliases)
        session.add(org)
        orgs[name] = org
    session.flush()
    return orgs


def _save(path: Path, rows: list[list], *, title: str = "Actielijst GHNT, bijgewerkt 12 februari 2026") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append([])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# -- trekkers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Gemeenten Groningen en Veendam", ["Gemeente Groningen", "Gemeente Veendam"]),
        ("VT, gemeenten, projectleider", ["VT", "gemeenten", "projectleider"]),
        ("VT/RvdK", ["VT", "RvdK"]),
        ("Veilig Thuis en Raad voor de Kinderbescherming", ["Veilig Thuis", "Raad voor de Kinderbescherming"]),
        ("Centrum voor Jeugd en Gezin", ["Centrum voor Jeugd en Gezin"]),
        ("Zorg- en Veiligheidshuis", ["Zorg- en Veiligheidshuis"]),
        ("Politie (wijkagent, jeugd en zeden)", ["Politie (wijkagent, jeugd en zeden)"]),
        ("Onderwijs en zorg", ["Onderwijs en zorg"]),
        ("OM;\nPolitie", ["OM", "Politie"]),
        ("Raad v/d Kinderbescherming", ["Raad v/d Kinderbescherming"]),
    ],
)
def test_split_only_on_real_separators(session, network, cell, expected):
    matcher = NameMatcher.from_session(session)
    parts = split_trekkers(cell, matcher.known)
    assert parts == expected
    # Never mangled: every character of the names comes from the cell (apart from the plural "Gemeenten").
    for part in parts:
        assert part.replace("Gemeente ", "") in cell.replace("Gemeenten ", "")


NAMES = [name for name, _a, _b in ORGANISATIONS] + ["projectleider", "Onderwijs", "Jeugd en Gezin", "v/d Raad"]
SEPARATORS = [", ", "; ", " / ", " & ", " en ", "\n", " + "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=4),
    separators=st.lists(st.sampled_from(SEPARATORS), min_size=3, max_size=3),
)
def test_splitting_never_mangles_or_loses_text(session, network, names, separators):
    """Whatever the cell, the parts are pieces of it and together they keep every word of it."""
    cell = names[0] + "".join(sep + name for sep, name in zip(separators, names[1:], strict=False))
    parts = split_trekkers(cell, NameMatcher.from_session(session).known)
    assert parts
    for part in parts:
        assert part in cell
    words = {w for w in cell.replace("/", " ").split() if w.isalpha() and w.casefold() != "en"}
    kept = {w for part in parts for w in part.replace("/", " ").split()}
    assert words <= kept


@pytest.mark.parametrize(
    ("name", "target", "fuzzy"),
    [
        ("VT", "Veilig Thuis Groningen", False),
        ("Veilig Thuis", "Veilig Thuis Groningen", False),
        ("RvdK", "Raad voor de Kinderbescherming", False),
        ("Raad", "Raad voor de Kinderbescherming", False),
        ("OM", "Openbaar Ministerie", False),
        ("gemeenten", "Alle gemeenten", False),
        ("CJG", "Centrum voor Jeugd en Gezin", False),
        ("Veilg Thuis Groningen", "Veilig Thuis Groningen", True),
        ("Raad voor de Kinderbeschermng", "Raad voor de Kinderbescherming", True),
        ("Openbaar Minsterie", "Openbaar Ministerie", True),
        ("Gemeente Groningn", "Gemeente Groningen", True),
        ("projectleider", None, False),
        ("Bibliotheek", None, False),
    ],
)
def test_names_matched_with_aliases_abbreviations_and_misspellings(session, network, name, target, fuzzy):
    match = NameMatcher.from_session(session).match(name)
    assert match.target_name == (target or "")
    assert match.fuzzy is fuzzy
    if fuzzy:
        assert "lijkt op" in match.describe() and target in match.describe()


def test_two_lookalike_organisations_are_not_guessed(session, network):
    session.add(Organisation(name="Gemeente Veendan"))  # one letter from Gemeente Veendam
    session.flush()
    assert NameMatcher.from_session(session).match("Gemeente Veenda").target_id is None


# -- postponements --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [("2x uitgesteld", 2), ("3 keer doorgeschoven", 3), ("uitgesteld (2x)", 2), ("Doorgeschoven", None), ("", None)],
)
def test_postponement_count(text, count):
    assert postponement_count(text) == count


def test_postponed_status_stays_open_and_counts(session, network, tmp_path):
    texts = _texts(5)
    path = _save(
        tmp_path / "l.xlsx",
        [
            [1, texts[0], "VT", "Q2 2026", "Doorgeschoven", ""],
            [2, texts[1], "VT", "Q2 2026", "uitgesteld", "2x uitgesteld, nu na de zomer"],
            [3, texts[2], "VT", "Q2 2026", "Verplaatst naar Q3", ""],
            [4, texts[3], "VT", "Q2 2026", "Aangehouden", ""],
            [5, texts[4], "VT", "Q2 2026", "Gereed", ""],
        ],
    )
    preview = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    got = {a.number: (a.status, a.times_postponed) for a in session.scalars(select(ActionItem))}
    assert got == {
        "1": (ActionStatus.IN_PROGRESS, 1),
        "2": (ActionStatus.IN_PROGRESS, 2),
        "3": (ActionStatus.IN_PROGRESS, 1),
        "4": (ActionStatus.ON_HOLD, 0),
        "5": (ActionStatus.DONE, 0),
    }


# -- updates by number ----------------------------------------------------------------------------------


def test_existing_numbers_update_instead_of_duplicating(session, network, tmp_path):
    texts = _texts(4)
    session.add_all(
        [
            ActionItem(
                number="AO-2026-1-01", text=texts[0], status=ActionStatus.NOT_STARTED, deadline=date(2026, 3, 31)
            ),
            ActionItem(number="AO-2026-1-02", text=texts[1], status=ActionStatus.IN_PROGRESS, times_postponed=1),
        ]
    )
    session.flush()
    path = _save(
        tmp_path / "l.xlsx",
        [
            ["AO-2026-1-01", texts[0], "VT", "30-06-2026", "Loopt", "Eerste bijeenkomst gehouden"],
            ["AO-2026-1-02", texts[1], "RvdK", None, "Doorgeschoven", None],
            ["AO-2026-1-03", texts[2], "Politie", "Q4 2026", "Niet gestart", None],
            [None, texts[3], "OM", None, None, None],
        ],
    )
    preview = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    rows = {i.number: i for i in preview.items}
    assert rows["AO-2026-1-01"].existing_id is not None and rows["AO-2026-1-03"].existing_id is None
    changes = {label: (old, new) for label, old, new in rows["AO-2026-1-01"].changes}
    assert changes["Status"] == ("Niet gestart", "Loopt")
    assert changes["Deadline"][1] == "30-06-2026"
    assert changes["Stand van zaken"][1] == "Eerste bijeenkomst gehouden"
    assert dict((c[0], c[2]) for c in rows["AO-2026-1-02"].changes)["Keer uitgesteld"] == "2"
    assert any("bijgewerkt" in w for w in preview.warnings)

    result = import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    assert (result.created, result.updated) == (2, 2)
    assert session.scalar(select(func.count(ActionItem.id))) == 4  # no duplicates
    first = session.scalars(select(ActionItem).where(ActionItem.number == "AO-2026-1-01")).one()
    assert (first.status, first.deadline) == (ActionStatus.IN_PROGRESS, date(2026, 6, 30))
    assert first.times_postponed == 1  # the later deadline counts as a postponement
    assert first.trekker_organisation_id == network["Veilig Thuis Groningen"].id
    # The change log says which file each change came from (the user is the one who imported it).
    from ghnt_desktop.services.change_log import field_history

    logged = [c for c in field_history(session, "action_item", first.id) if c.field == "trekker_organisation_id"]
    assert [c.reason for c in logged] == ["Import l.xlsx"]
    second = session.scalars(select(ActionItem).where(ActionItem.number == "AO-2026-1-02")).one()
    assert (second.status, second.times_postponed) == (ActionStatus.IN_PROGRESS, 2)
    notes = session.scalars(select(ProgressUpdate.done_text).where(ProgressUpdate.action_item_id == first.id)).all()
    assert notes == ["Eerste bijeenkomst gehouden"]
    # Importing the same list again changes nothing more.
    again = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    assert [i.changes for i in again.items if i.existing_id and i.number == "AO-2026-1-01"] == [()]


def test_number_twice_in_the_list_is_refused_not_one_wins(session, network, tmp_path):
    texts = _texts(3)
    path = _save(
        tmp_path / "l.xlsx",
        [[7, texts[0], "VT", None, "Loopt"], [7, texts[1], "OM", None, "Gereed"], [8, texts[2], "OM", None, None]],
    )
    preview = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    refused = [i for i in preview.items if i.problems]
    assert [i.row_number for i in refused] == [4, 5]
    assert all("eigen nummer" in i.problems[0] for i in refused)
    result = import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    assert result.created == 1 and len(result.refused) == 2


def test_long_values_are_refused_not_cut(session, network, tmp_path):
    texts = _texts(2)
    path = _save(tmp_path / "l.xlsx", [[1, texts[0], "VT " * 120, None], ["X" * 41, texts[1], "OM", None]])
    preview = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    assert all(i.problems for i in preview.items)
    assert "300" in preview.items[0].problems[0] and "korter" in preview.items[0].problems[0]
    result = import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    assert result.created == 0 and session.scalar(select(func.count(ActionItem.id))) == 0


# -- sections, columns, several trekkers ----------------------------------------------------------------


def test_sections_legends_footers_and_extra_columns(session, network, tmp_path):
    texts = _texts(4)
    path = _save(
        tmp_path / "l.xlsx",
        [
            ["Actielijn 1: Eerder en beter in beeld"],
            [1, texts[0], "Gemeenten Groningen en Veendam", "Q2 2026", "Loopt", None, "GGD, CJG", "ja"],
            [2, texts[1], "VT, gemeenten, projectleider", "2026", "Loopt", None, None, "nee"],
            ["Actielijn 2: Stoppen en duurzaam oplossen"],
            [3, texts[2], "Veilg Thuis Groningen", "Q3 2026", "Niet gestart"],
            [4, texts[3], "RvdK / OM", "Q4 2026", "Niet gestart"],
            [],
            ["Legenda: G = gereed, L = loopt"],
            ["Bijgewerkt door de projectleider"],
            ["Versie 3"],
        ],
    )
    table = read_list(read_workbook(path))
    assert table.proposal[6] == "parties" and table.proposal[7] == "confidential"  # mapped cleanly by default
    preview = preview_action_list(session, table, today=TODAY)
    assert preview.sections == ("Actielijn 1: Eerder en beter in beeld", "Actielijn 2: Stoppen en duurzaam oplossen")
    items = {i.number: i for i in preview.items}
    assert items["4"].section == "Actielijn 2: Stoppen en duurzaam oplossen"
    assert sum("legenda" in s or "geen acties eronder" in s for s in preview.skipped) == 3
    assert [m.target_name for m in items["2"].matches] == ["Veilig Thuis Groningen", "Alle gemeenten", ""]
    assert items["3"].matches[0].fuzzy  # shown for confirmation
    assert any("erop lijkt" in w for w in preview.warnings)

    import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    actions = {a.number: a for a in session.scalars(select(ActionItem))}
    assert actions["1"].trekker_text == "Gemeente Groningen, Gemeente Veendam"
    assert actions["1"].confidential and not actions["2"].confidential
    assert actions["2"].trekker_text == "Veilig Thuis Groningen, Alle gemeenten, projectleider"
    assert actions["3"].trekker_organisation_id == network["Veilig Thuis Groningen"].id
    note = session.scalar(select(ProgressUpdate.done_text).where(ProgressUpdate.action_item_id == actions["1"].id))
    assert note == "Betrokken partijen: GGD, CJG"
    # Lists and documents (they read list_action_items) show every trekker of the cell.
    from ghnt_desktop.services.actions import list_action_items

    shown = {r.number: r.trekker for r in list_action_items(session)}
    assert shown["1"] == "Gemeente Groningen, Gemeente Veendam"
    assert shown["4"] == "Raad voor de Kinderbescherming, Openbaar Ministerie"
    assert shown["3"] == "Veilig Thuis Groningen"
    # Every organisation a cell names is linked: filtering on any of them finds the action, in lists and in the
    # actions view, and a later single trekker replaces the links (undo puts them back).
    from ghnt_desktop.services.actions import ActionFilter, load_action_view
    from ghnt_desktop.services.minutes import update_action_item

    for name in ("Gemeente Groningen", "Gemeente Veendam"):
        found = {r.number for r in list_action_items(session, ActionFilter(organisation_id=network[name].id))}
        assert "1" in found, name
        by_trekker = ActionFilter(trekker_organisation_id=network[name].id)
        assert "1" in {r.number for r in list_action_items(session, by_trekker)}, name
    view = {row[2]: row for row in load_action_view(session) if row[0] == "item"}
    assert {network["Gemeente Groningen"].id.hex, network["Gemeente Veendam"].id.hex} <= set(view["1"][19])
    assert {o.name for o in actions["4"].trekker_organisations} == {
        "Raad voor de Kinderbescherming",
        "Openbaar Ministerie",
    }
    edit = update_action_item(session, actions["1"].id, trekker_organisation_id=network["Gemeente Veendam"].id)
    assert actions["1"].trekker_organisations == []
    update_action_item(session, actions["1"].id, **edit.before)
    assert {o.name for o in actions["1"].trekker_organisations} == {"Gemeente Groningen", "Gemeente Veendam"}


# -- series ---------------------------------------------------------------------------------------------


def test_actions_attached_to_a_series_come_up_at_the_next_meeting(session, network, tmp_path):
    from ghnt_desktop.services.agenda import carry_forward_proposal

    series = MeetingSeries(name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    session.add(series)
    session.flush()
    held = Meeting(series_id=series.id, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 2, 12))
    upcoming = Meeting(series_id=series.id, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2026, 5, 14))
    session.add_all([held, upcoming])
    session.flush()
    texts = _texts(2)
    path = _save(tmp_path / "l.xlsx", [[1, texts[0], "VT", "Q2 2026", "Loopt"], [2, texts[1], "OM", None, "Gereed"]])
    preview = preview_action_list(session, read_list(read_workbook(path)), series_id=series.id, today=TODAY)
    assert preview.series_name == "Afstemmingsoverleg"
    import_action_list(session, preview, file_name="l.xlsx", today=TODAY)
    carried = carry_forward_proposal(session, upcoming.id).actions
    assert [a.number for a in carried] == ["1"]  # the open one comes up; the finished one does not

    empty = MeetingSeries(name="Werkgroep", code="WG", kind=MeetingKind.WERKGROEP)
    session.add(empty)
    session.flush()
    with pytest.raises(ValidationError, match="Leg eerst het vorige overleg vast"):
        preview_action_list(session, read_list(read_workbook(path)), series_id=empty.id, today=TODAY)


def test_command_line_shows_updates_and_attaches_to_series(tmp_path, network, database, session, capsys):
    from ghnt_desktop.cli import main

    series = MeetingSeries(name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    session.add(series)
    session.flush()
    session.add(Meeting(series_id=series.id, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO", date=date(2020, 1, 9)))
    session.add(ActionItem(number="5", text="Bestaande actie", status=ActionStatus.NOT_STARTED))
    session.commit()
    path = _save(tmp_path / "l.xlsx", [[5, "Bestaande actie", "VT", None, "Gereed"], [6, "Nieuwe actie", "OM"]])
    args = ["import", "actielijst", str(path), "--db", str(database.path), "--reeks", "AO"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "bestaat al: wordt bijgewerkt" in out and "Status: Niet gestart -> Gereed" in out
    assert "Reeks: Afstemmingsoverleg" in out
    assert main(args) == 0
    assert "1 acties nieuw, 1 bijgewerkt" in capsys.readouterr().out
    with database.session() as s:
        assert s.scalar(select(func.count(ActionItem.id))) == 2
        assert s.scalar(select(ActionItem.status).where(ActionItem.number == "5")) is ActionStatus.DONE
        assert s.scalar(select(ActionItem.origin_meeting_id).where(ActionItem.number == "6")) is not None
    assert main([*args[:-1], "Bestaat niet", "--dry-run"]) == 2
    assert "niet gevonden" in capsys.readouterr().out


def test_preview_file_is_what_the_wizard_and_cli_share(session, network, tmp_path):
    path = _save(tmp_path / "l.xlsx", [[1, "Iets doen", "VT"]])
    found = preview_file(session, path, today=TODAY)
    assert found.roundtrip is None and found.list_preview is not None
    assert found.list_preview.items[0].matches[0].target_name == "Veilig Thuis Groningen"


@pytest.mark.skipif(not (DATA / "seeds_001_003_004_organisaties.json").exists(), reason="shared data not present")
def test_trekker_cells_of_real_programmes_link_every_organisation(session, tmp_path):
    """The trekkers of the actions in real programmes, written in one cell as people do, find their organisations."""
    organisations = json.loads((DATA / "seeds_001_003_004_organisaties.json").read_text(encoding="utf-8"))
    actions = json.loads((DATA / "seeds_001_003_004_acties.json").read_text(encoding="utf-8"))
    names = set()
    for org in organisations:
        if org["naam"] not in names:
            names.add(org["naam"])
            session.add(Organisation(name=org["naam"], aliases=[a for a in org.get("aliassen") or [] if a]))
    session.flush()
    separators = [", ", "; ", " / ", "\n", " en "]
    rows, expected = [], {}
    for index, action in enumerate(a for a in actions if a["trekkers"]):
        trekkers = list(dict.fromkeys(action["trekkers"]))
        separator = separators[index % len(separators)]
        cell = separator.join(trekkers)
        number = f"R{index + 1}"
        rows.append([number, " ".join(action["actie"].split())[:500], cell, action.get("deadline_text") or ""])
        expected[number] = trekkers
    path = _save(tmp_path / "echt.xlsx", rows)
    preview = preview_action_list(session, read_list(read_workbook(path)), today=TODAY)
    assert len(preview.items) == len(rows)
    for item in preview.items:
        wanted = expected[item.number]
        assert [m.name for m in item.matches] == wanted, item.trekker_text  # split where the names are
        for match, name in zip(item.matches, wanted, strict=True):
            assert match.target_name == (name if name in names else ""), name
