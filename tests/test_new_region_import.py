"""A new region, then its programme from Word: the imported programme is the one the pages show.

``new-region`` makes an empty programme (actielijnen only) so that the app is ready; the region's real programme
comes next from its Word table. That import used to come in as Concept beside the empty one, and Programma,
Acties and Overzicht went on showing the empty programme. Only a programme with ambitions counts as one the user
works in: the table covers an empty start, a filled programme (then the import is Concept and the current one
stays) and taking the import back.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_new_region import region
from test_programme_import import build_seed000

from ghnt_desktop.imports.programme_file import preview_programme
from ghnt_desktop.models import Programme, ProgrammeStatus
from ghnt_desktop.services.new_region import create_region
from ghnt_desktop.services.overview import load_overview
from ghnt_desktop.services.programme_import import import_programme, remove_imported_programme
from ghnt_desktop.services.programme_scope import current_programme_id, filled_programmes


@pytest.fixture
def seed000(tmp_path: Path) -> Path:
    return build_seed000(tmp_path / "groningen.docx")


def _import(session, path: Path):
    preview = preview_programme(session, path)
    return preview, import_programme(session, preview.draft, preview.parties)


def test_the_first_real_programme_of_a_new_region_becomes_current_and_running(database, seed000):
    with database.session() as session:
        create_region(session, region())
        empty = current_programme_id(session)
        assert filled_programmes(session) == 0
    with database.session() as session:
        preview, result = _import(session, seed000)
        assert preview.existing_programmes == 0  # the preview says no "komt erbij als Concept"
    with database.read_session() as session:
        assert result.status == ProgrammeStatus.ACTIVE
        assert current_programme_id(session) == result.programme_id != empty
        overview = load_overview(session, date(2026, 6, 1))
        assert sum(s.total for s in overview.programme) > 0  # the Overzicht shows the imported actions


def test_a_second_import_is_concept_and_the_current_programme_stays(database, seed000):
    with database.session() as session:
        create_region(session, region())
    with database.session() as session:
        _, first = _import(session, seed000)
    with database.session() as session:
        preview, second = _import(session, seed000)
        assert preview.existing_programmes == 1
    with database.read_session() as session:
        assert second.status == ProgrammeStatus.CONCEPT
        assert current_programme_id(session) == first.programme_id
        assert session.scalar(select(func.count(Programme.id))) == 3


def test_taking_the_first_import_back_shows_the_empty_start_again(database, seed000):
    with database.session() as session:
        create_region(session, region())
        empty = current_programme_id(session)
    with database.session() as session:
        _, result = _import(session, seed000)
    with database.session() as session:
        remove_imported_programme(session, result.programme_id)
    with database.read_session() as session:
        assert current_programme_id(session) == empty


@pytest.mark.parametrize(
    "title,start,end,expected",
    [
        ("Regionaal actieprogramma GHNT 2019-2021", 2019, 2021, "Regionaal actieprogramma GHNT 2019-2021"),
        ("Regionaal actieprogramma GHNT", 2019, 2021, "Regionaal actieprogramma GHNT 2019-2021"),
        ("Actieprogramma 2025-2027", 2019, 2021, "Actieprogramma 2025-2027 2019-2021"),
        ("Uitvoeringsplan 2026", 2026, None, "Uitvoeringsplan 2026"),
        ("Uitvoeringsplan", 2026, None, "Uitvoeringsplan 2026"),
        ("Uitvoeringsplan", None, None, "Uitvoeringsplan"),
    ],
)
def test_a_title_that_says_its_period_is_not_followed_by_it_again(title, start, end, expected):
    from ghnt_desktop.models import ProgrammeStatus as Status
    from ghnt_desktop.services.programme import ProgrammeSummary
    from ghnt_desktop.services.programme_scope import titled_with_period

    assert titled_with_period(title, start, end) == expected
    # The chooser's name (Programma page, export and report dialogs) is the same text.
    summary = ProgrammeSummary(uuid.uuid4(), "", title, start, end, Status.ACTIVE)
    assert summary.display_name == expected


def test_the_afstemmingsoverleg_reviews_an_imported_programme_in_programme_order(database, seed000):
    """Seed 000's actions have no code: the agenda proposal and the picker follow the programme as it reads."""
    from ghnt_desktop.models import MeetingKind, MeetingSeries
    from ghnt_desktop.services.agenda import apply_carry_forward, carry_forward_proposal, programme_action_choices
    from ghnt_desktop.services.documents import agenda_document
    from ghnt_desktop.services.meetings import create_meeting, propose_next_meeting
    from ghnt_desktop.services.programme import load_programme
    from ghnt_desktop.services.short_titles import default_short_title

    with database.session() as session:
        create_region(session, region())
    with database.session() as session:
        _import(session, seed000)
    with database.session() as session:
        series_id = session.scalar(select(MeetingSeries.id).where(MeetingSeries.kind == MeetingKind.AFSTEMMINGSOVERLEG))
        meeting = create_meeting(session, propose_next_meeting(session, series_id, today=date(2026, 3, 1)))
    with database.read_session() as session:
        tree = load_programme(session)
        in_tree = [a.id for s in tree.sections for amb in s.ambitions for a in amb.actions]
        proposed = [a.id for a in carry_forward_proposal(session, meeting.id).programme_actions]
        assert proposed == [i for i in in_tree if i in set(proposed)] and len(proposed) > 50
        picked = [row[0] for row in programme_action_choices(session)]
        assert picked == [i for i in in_tree if i in set(picked)]
    with database.session() as session:
        apply_carry_forward(session, meeting.id, (), proposed)
    with database.read_session() as session:
        # The agenda document lists them in the same order (it once sorted them alphabetically).
        texts = {
            a.id: default_short_title(a.text, 80) for s in tree.sections for amb in s.ambitions for a in amb.actions
        }
        listed = [line for item in agenda_document(session, meeting.id).items for line in item.programme_actions]
        assert listed == [texts[i] for i in proposed]


@pytest.mark.parametrize(
    "title,kind",
    [
        ("Visie", "visie"),
        ("Context", "context"),
        ("Eerder en beter in beeld", "actielijn"),
        ("Stoppen en duurzaam oplossen", "actielijn"),
        ("Aandacht voor specifieke groepen", "actielijn"),
        ("Rol van de gemeenten: aansturing en afstemming", "governance"),
        ("Regionale regie en aansturing", "governance"),
        ("Governance", "governance"),
        ("Hoe nu verder", "other"),
        ("Overige activiteiten", "other"),
        ("Huiselijk geweld en ouderen", "actielijn"),
        ("Preventie en vroegsignalering", "actielijn"),
        ("Regie op herstel na geweld", "actielijn"),  # a region's own line; "regie" alone is no governance
    ],
)
def test_an_imported_part_is_an_actielijn_only_when_its_title_says_so(title, kind):
    from ghnt_desktop.services.programme_import import section_kind

    assert section_kind(title).value == kind


def test_seed000_has_three_actielijnen_after_import(database, seed000):
    from ghnt_desktop.models import Section, SectionKind

    with database.session() as session:
        _, result = _import(session, seed000)
    with database.read_session() as session:
        kinds = dict(
            session.execute(
                select(Section.title, Section.kind).where(Section.programme_id == result.programme_id)
            ).all()
        )
        assert sum(k is SectionKind.ACTIELIJN for k in kinds.values()) == 3  # "Het programma bevat 3 actielijnen"
        assert kinds["Rol van de gemeenten: aansturing en afstemming"] is SectionKind.GOVERNANCE
