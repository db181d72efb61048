"""A new region: lists pasted the way people paste them, and an empty but ready database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from ghnt_desktop.models import (
    ActionItem,
    Ambition,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    Section,
    SeriesInvitee,
)
from ghnt_desktop.services import RefusedError, ValidationError
from ghnt_desktop.services.new_region import (
    NATIONAL_LINES,
    SEED_PROCESS_STEPS,
    NewRegion,
    create_region,
    parse_list,
    partner_kind,
)
from ghnt_desktop.services.overview import load_overview
from ghnt_desktop.services.programme_scope import current_programme_id
from ghnt_desktop.services.programme_tags import list_tag_kinds

ZHZ = ["Alblasserdam", "Dordrecht", "Gorinchem", "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Molenlanden",
       "Papendrecht", "Sliedrecht", "Zwijndrecht"]  # fmt: skip


@pytest.mark.parametrize(
    "pasted",
    [
        "\n".join(ZHZ),
        "\r\n".join(ZHZ) + "\r\n",
        "\n".join(f"- {n}" for n in ZHZ),
        "\n".join(f"• {n}" for n in ZHZ),
        "\n".join(f"\t·\t{n}" for n in ZHZ),
        "\n".join(f"{i}. {n}" for i, n in enumerate(ZHZ, 1)),
        "\n".join(f"{i}) {n};" for i, n in enumerate(ZHZ, 1)),
        "\n\n  ".join(ZHZ) + "\n\n",
        ", ".join(ZHZ),
        ", ".join(ZHZ[:-1]) + " en " + ZHZ[-1],
        "; ".join(ZHZ),
        "\t".join(ZHZ),  # a row copied from Excel
        "\n".join(ZHZ + ["dordrecht ", "DORDRECHT"]),  # duplicates once
        "\n".join(f"o {n}" for n in ZHZ),  # Word's second-level bullet
    ],
)
def test_pasted_lists_give_the_names(pasted):
    assert parse_list(pasted) == ZHZ


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("", []),
        ("\n \n\t", []),
        ("- \n•\n", []),
        ("Gemeente Groningen, afdeling OOV\nVeilig Thuis Groningen", ["Gemeente Groningen, afdeling OOV",
                                                                       "Veilig Thuis Groningen"]),
        ("Veilig Thuis", ["Veilig Thuis"]),
        ("Raad voor de Kinderbescherming", ["Raad voor de Kinderbescherming"]),
        ("'s-Hertogenbosch\n's-Gravenhage", ["'s-Hertogenbosch", "'s-Gravenhage"]),
        ("GGD Groningen en GGZ", ["GGD Groningen en GGZ"]),  # no comma: "en" is part of the name
    ],
)  # fmt: skip
def test_pasted_lists_edge_cases(pasted, expected):
    assert parse_list(pasted) == expected


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=20))
def test_parse_list_never_fails_and_gives_clean_unique_names(lines):
    names = parse_list("\n".join(lines))
    assert len({n.casefold() for n in names}) == len(names)
    assert all(n == " ".join(n.split()) and n for n in names)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Politie Eenheid Noord-Nederland", OrganisationKind.POLITIE_JUSTITIE),
        ("OM", OrganisationKind.POLITIE_JUSTITIE),
        ("Reclassering Nederland", OrganisationKind.POLITIE_JUSTITIE),
        ("GGD Zuid-Holland Zuid", OrganisationKind.ZORG),
        ("Samenwerkingsverband passend onderwijs", OrganisationKind.ONDERWIJS),
        ("Veilig Thuis ZHZ", OrganisationKind.KETENPARTNER),
        ("Omroep", OrganisationKind.KETENPARTNER),  # "om" inside a word is not the OM
    ],
)
def test_partner_kinds(name, kind):
    assert partner_kind(name) is kind


def region(**changes) -> NewRegion:
    values = dict(
        region="Zuid-Holland Zuid",
        programme_title="Regiovisie huiselijk geweld en kindermishandeling",
        period_start=2020,
        period_end=2023,
        municipalities=tuple(ZHZ),
        partners=("Veilig Thuis ZHZ", "Politie", "GGD Zuid-Holland Zuid"),
        tag_kinds=(("Processtap", SEED_PROCESS_STEPS),),
    )
    values.update(changes)
    return NewRegion(**values)


def test_a_new_region_is_an_empty_ready_database(session):
    summary = create_region(session, region())
    assert current_programme_id(session) == summary.programme_id
    programme = session.get(Programme, summary.programme_id)
    assert (programme.region, programme.period_start, programme.period_end) == ("Zuid-Holland Zuid", 2020, 2023)
    sections = session.scalars(select(Section).order_by(Section.position)).all()
    assert [(s.title, s.national_line) for s in sections] == [(t, n) for n, t in enumerate(NATIONAL_LINES, 1)]
    municipalities = session.scalars(select(Organisation).where(Organisation.kind == OrganisationKind.GEMEENTE)).all()
    assert sorted(o.name for o in municipalities) == sorted(f"Gemeente {n}" for n in ZHZ)
    assert all(o.aliases for o in municipalities)  # "Dordrecht" still finds Gemeente Dordrecht
    series = {s.kind: s for s in session.scalars(select(MeetingSeries))}
    ao, bo = series[MeetingKind.AFSTEMMINGSOVERLEG], series[MeetingKind.BESTUURLIJK]
    assert ao.escalates_to_id == bo.id and ao.code == "AO" and bo.code == "BO"
    assert ao.name == "Afstemmingsoverleg GHNT Zuid-Holland Zuid"
    invited = session.scalar(select(func.count()).where(SeriesInvitee.series_id == ao.id))
    assert invited == len(ZHZ) + 3
    assert [t.name for t in list_tag_kinds(session, summary.programme_id)[0].tags] == list(SEED_PROCESS_STEPS)
    # Empty: nothing of the demo.
    for model in (Ambition, ProgrammeAction, ActionItem, Meeting, Person):
        assert session.scalar(select(func.count()).select_from(model)) == 0, model
    # Ready: the overview opens on it.
    overview = load_overview(session, programme.created_at.date())
    assert overview.late_total == 0 and overview.programme == ()


def test_own_actielijnen_have_no_national_number(session):
    create_region(session, region(actielijnen=("Visie", "Eerder in beeld", "Nazorg", "Ouderen")))
    assert [(s.title, s.national_line) for s in session.scalars(select(Section).order_by(Section.position))] == [
        ("Visie", None), ("Eerder in beeld", None), ("Nazorg", None), ("Ouderen", None)]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"region": "  "}, "naam van de regio"),
        ({"programme_title": ""}, "titel van het programma"),
        ({"period_start": 2024, "period_end": 2020}, "eindjaar"),
        ({"period_start": 24}, "jaartal"),
        ({"municipalities": ("Dordrecht",), "partners": ("Gemeente Dordrecht",)}, "zowel bij de gemeenten"),
        ({"municipalities": tuple(f"Gemeente {n}" for n in range(300))}, "meer dan 200"),
        ({"partners": ("x" * 500,)}, "langer dan 200"),
        ({"ao_name": "Overleg", "bo_name": "overleg"}, "dezelfde naam"),
    ],
)
def test_bad_answers_are_refused_in_dutch_and_nothing_is_saved(session, changes, message):
    with pytest.raises(ValidationError, match=message):
        create_region(session, region(**changes))
    assert session.scalar(select(func.count()).select_from(Programme)) == 0


def test_a_region_is_not_mixed_into_a_database_with_data(session):
    create_region(session, region())
    with pytest.raises(RefusedError, match="lege database"):
        create_region(session, region(region="Andere regio"))


def test_command_line_new_region_reads_lists_from_files(tmp_path, capsys):
    from ghnt_desktop.cli import main
    from ghnt_desktop.db import open_database

    (tmp_path / "gemeenten.txt").write_text("\ufeff" + "\n".join(f"- {n}" for n in ZHZ), encoding="utf-8")
    (tmp_path / "partners.txt").write_text("1. Veilig Thuis ZHZ\n2. Politie\n", encoding="utf-8")
    db = tmp_path / "zhz.db"
    args = ["new-region", "--db", str(db), "--region", "Zuid-Holland Zuid", "--title", "Regiovisie", "--from",
            "2020", "--to", "2023", "--gemeenten", str(tmp_path / "gemeenten.txt"), "--ketenpartners",
            str(tmp_path / "partners.txt"), "--labels"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Gemeenten            9" in out and "Ketenpartners        2" in out
    database = open_database(db)
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Organisation)) == 11
            assert session.scalar(select(func.count()).select_from(ProgrammeAction)) == 0
    finally:
        database.close()
    assert main(args) == 2  # never over an existing file
    assert "bestaat al" in capsys.readouterr().out
    other = [*args[:2], str(tmp_path / "other.db"), *args[3:]]
    other[other.index("--to") + 1] = "2019"
    assert main(other) == 2
    assert "eindjaar" in capsys.readouterr().out
    assert not (tmp_path / "other.db").exists()
    missing = [*args[:2], str(tmp_path / "third.db"), *args[3:]]
    missing[missing.index("--gemeenten") + 1] = str(tmp_path / "nope.txt")
    assert main(missing) == 2
    assert "kan niet worden gelezen" in capsys.readouterr().out
