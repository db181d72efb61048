"""Names written in a programme table against the organisations and people in the app (QA: "Veilig Thuis" in a
Word table was proposed as a new organisation although "Veilig Thuis Groningen" existed).

Tables of realistic pairs through ``services.name_match`` (the score and its reason), the matcher over a database
(linked, only proposed, or nothing), the programme preview (a proposal is never merged or duplicated by default),
and a property: two regional organisations of different regions are never linked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghnt_desktop.models import Organisation, OrganisationKind, Person, Programme
from ghnt_desktop.services.importing import NameMatcher
from ghnt_desktop.services.name_match import (
    LINK_SCORE,
    PLACES,
    PROPOSE_SCORE,
    organisation_score,
    person_score,
    places_from,
)

LINK, PROPOSE, NONE = "link", "propose", "none"


def _verdict(score: float) -> str:
    return LINK if score >= LINK_SCORE else PROPOSE if score >= PROPOSE_SCORE else NONE


PLACES_HERE = places_from(["Gemeente Essen", "Gemeente Veendam", "Gemeente Veendan", "Gemeente Midden-Groningen"])

ORGANISATION_PAIRS = [
    # written, existing, verdict, reason starts with
    ("Veilig Thuis", "Veilig Thuis Groningen", LINK, "zonder regio"),
    ("Veilig Thuis", "Veilig Thuis (Groningen)", LINK, "zonder regio"),
    ("veilig thuis", "Veilig Thuis Gooi en Vechtstreek", LINK, "zonder regio"),
    ("VT", "Veilig Thuis Groningen", LINK, "zonder regio"),
    ("VT Groningen", "Veilig Thuis Groningen", LINK, "afkorting"),
    ("GGD", "GGD Drenthe", LINK, "zonder regio"),
    ("Politie", "Politie (eenheid Noord-Nederland)", LINK, "zonder regio"),
    ("Gem. Assen", "Gemeente Assen", LINK, "afkorting"),
    ("Assen", "Gemeente Assen", LINK, "naam"),
    ("gemeente Midden-Groningen", "Midden-Groningen", LINK, "naam"),
    ("Gemeente Súdwest-Fryslân", "Gemeente Sudwest Fryslan", LINK, ""),
    ("Gemeente Groningn", "Gemeente Groningen", LINK, "lijkt op"),
    ("Veilig Thuis Groningn", "Veilig Thuis Groningen", LINK, "lijkt op"),
    ("Openbaar Minsterie", "Openbaar Ministerie", LINK, "lijkt op"),
    ("Veilg Thuis", "Veilig Thuis Groningen", PROPOSE, "lijkt op"),  # misspelt and without region
    ("Gemeente Veendam", "Gemeente Veendan", NONE, ""),  # two places one letter apart
    ("Veilig Thuis Drenthe", "Veilig Thuis Groningen", NONE, ""),
    ("VT Drenthe", "Veilig Thuis Groningen", NONE, ""),
    ("Veilig Thuis Drenthe", "Veilig Thuis (Groningen)", NONE, ""),
    ("GGD Drenthe", "GGD Groningen", NONE, ""),
    ("GGD Groningen", "GGZ Groningen", NONE, ""),
    ("Gemeente Assen", "Gemeente Essen", NONE, ""),
    ("Groningen", "GGD Groningen", NONE, ""),
    ("Groningen", "Veilig Thuis Groningen", NONE, ""),
    ("Veilig Thuis", "Kenniscentrum Veilig Thuis", NONE, ""),
    ("Politie", "Openbaar Ministerie", NONE, ""),
    ("Wij Groningen", "Gemeente Groningen", NONE, ""),
    ("", "Gemeente Groningen", NONE, ""),
]


@pytest.mark.parametrize(("written", "existing", "verdict", "how"), ORGANISATION_PAIRS)
def test_organisation_pairs(written, existing, verdict, how):
    scored = organisation_score(written, existing, PLACES_HERE)
    assert _verdict(scored.score) == verdict, scored
    assert scored.how.startswith(how)
    if verdict != NONE:
        assert scored.how  # the preview always says why


PERSON_PAIRS = [
    ("Jan de Vries", "Jan de Vries", LINK),
    ("jan  de vries", "Jan de Vries", LINK),
    ("J. de Vries", "Jan de Vries", PROPOSE),
    ("J.P. de Vries", "Jan de Vries", PROPOSE),
    ("Jan de Vris", "Jan de Vries", PROPOSE),  # a person is never linked on a guess
    ("Anna Bakker", "Anne Bakker", PROPOSE),
    ("K. de Vries", "Jan de Vries", NONE),
    ("Piet Jansen", "Jan Pieters", NONE),
    ("Jan de Vries", "Jan de Boer", NONE),
]


@pytest.mark.parametrize(("written", "existing", "verdict"), PERSON_PAIRS)
def test_person_pairs(written, existing, verdict):
    assert _verdict(person_score(written, existing).score) == verdict


REGIONAL = ["Veilig Thuis", "GGD", "Politie", "Reclassering", "Jeugdbescherming", "Vrouwenopvang"]
SINGLE_PLACES = sorted(p for p in PLACES if " " not in p and len(p) > 5)


@settings(max_examples=200, deadline=None)
@given(base=st.sampled_from(REGIONAL), places=st.lists(st.sampled_from(SINGLE_PLACES), min_size=2, max_size=2, unique=True))
def test_the_same_organisation_of_two_regions_is_never_linked(base, places):
    a, b = (f"{base} {p.title()}" for p in places)
    assert organisation_score(a, b).score < PROPOSE_SCORE
    assert organisation_score(f"{base} ({places[0].title()})", b).score < PROPOSE_SCORE


# -- the matcher over a database -----------------------------------------------------------------------------------


@pytest.fixture
def network(session):
    session.add_all(
        [
            Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER),
            Organisation(name="Kenniscentrum Veilig Thuis", kind=OrganisationKind.KETENPARTNER),
            Organisation(name="GGD Groningen", kind=OrganisationKind.ZORG),
            Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE),
            Organisation(name="Gemeente Pekela", kind=OrganisationKind.GEMEENTE),
            Organisation(name="Openbaar Ministerie", kind=OrganisationKind.POLITIE_JUSTITIE),
            Person(name="Jan de Vries"),
        ]
    )
    session.flush()


MATCHER_CASES = [
    # written, linked to, proposed (names, best first)
    ("Veilig Thuis", "Veilig Thuis Groningen", []),
    ("VT", "Veilig Thuis Groningen", []),
    ("GGD", "GGD Groningen", []),
    ("Gem. Pekela", "Gemeente Pekela", []),
    ("Pekela", "Gemeente Pekela", []),
    ("Veilig Thuis Drenthe", None, []),
    ("GGD Drenthe", None, []),
    ("Veilg Thuis", None, ["Veilig Thuis Groningen"]),
    ("J. de Vries", None, ["Jan de Vries"]),
    ("Wij Groningen", None, []),
    ("Stichting Drentse Sport", None, []),
]


@pytest.mark.parametrize(("written", "linked", "proposed"), MATCHER_CASES)
def test_matcher_links_or_proposes(session, network, written, linked, proposed):
    match = NameMatcher.from_session(session).match(written)
    assert match.target_name == (linked or "")
    if linked is None:
        assert [c.name for c in match.candidates][: len(proposed)] == proposed
        assert all(c.score < LINK_SCORE or c.kind == "person" for c in match.candidates)


def test_two_regions_in_the_app_make_the_short_name_a_choice_unless_the_programme_is_in_one(session, network):
    session.add(Organisation(name="Veilig Thuis Drenthe", kind=OrganisationKind.KETENPARTNER))
    session.flush()
    match = NameMatcher.from_session(session).match("Veilig Thuis")
    assert match.target_id is None  # two are as likely: the user chooses
    assert {c.name for c in match.candidates} == {"Veilig Thuis Groningen", "Veilig Thuis Drenthe"}
    session.add(Programme(region="Drenthe", title="Actieprogramma"))
    session.flush()
    assert NameMatcher.from_session(session).match("Veilig Thuis").target_name == "Veilig Thuis Drenthe"


def test_the_programme_preview_proposes_and_never_creates_a_likely_duplicate(session, network, tmp_path):
    from programme_seeds.word import Table, WordDocument, responsibility

    from ghnt_desktop.imports.programme_file import preview_programme

    document = WordDocument("Actieprogramma Groningen")
    table = Table()
    table.heading("Eerder en beter in beeld")
    table.ambition(
        ["Meldingen komen eerder binnen."],
        [(["- Werkafspraken maken (2025)"],
          responsibility(["Veilig Thuis", "Veilg Thuis"], ["Veilig Thuis Drenthe", "Projectleider GHNT"]))],
    )  # fmt: skip
    document.table(table)
    preview = preview_programme(session, document.save(tmp_path / "groningen.docx"))
    choices = {c.label: c for c in preview.parties.values()}
    assert choices["Veilig Thuis"].target_name == "Veilig Thuis Groningen"
    assert "zonder regio" in choices["Veilig Thuis"].outcome
    proposal = choices["Veilg Thuis"]
    assert proposal.target_id is None and not proposal.create  # not merged, not duplicated: the user chooses
    assert "voorstel: Veilig Thuis Groningen (lijkt op, " in proposal.outcome
    proposal.choose(proposal.candidates[0])
    assert proposal.target_name == "Veilig Thuis Groningen" and not proposal.create
    proposal.choose(None)
    assert proposal.target_id is None
    assert choices["Veilig Thuis Drenthe"].create and not choices["Veilig Thuis Drenthe"].candidates
    assert not choices["Projectleider GHNT"].create


def test_the_wizard_lets_the_user_take_a_proposal(demo_window, tmp_path, qtbot, messages):
    """The parties page shows a proposal with its score; choosing it links the name, nothing new is made."""
    import os
    from datetime import date
    from pathlib import Path

    from programme_seeds.word import Table, WordDocument, responsibility
    from sqlalchemy import func, select

    from ghnt_desktop.models import Responsibility

    window = demo_window(date(2026, 3, 2))
    document = WordDocument("Actieprogramma Drenthe")
    table = Table()
    table.heading("Eerder en beter in beeld")
    table.ambition(
        ["Meldingen komen eerder binnen."],
        [(["- Werkafspraken maken (2025)"], responsibility(["Verslavingzorg Noord"], ["Veilig Thuis Drenthe"]))],
    )
    document.table(table)
    with window.database.read_session() as session:
        before = session.scalar(select(func.count(Organisation.id)))
    wizard = window.import_programme(document.save(tmp_path / "drenthe.docx"))
    wizard.go_next()
    assert wizard.stack.currentIndex() == wizard.PAGE_PARTIES
    combo = wizard.link_combos["verslavingzorg noord"]
    assert combo.currentIndex() == 0 and combo.itemText(1) == "voorstel: Verslavingszorg (lijkt op, 89%)"
    assert not wizard.create_boxes["verslavingzorg noord"].isChecked()  # no duplicate by default
    assert wizard.create_boxes["veilig thuis drenthe"].isChecked()  # another region: new
    assert "veilig thuis drenthe" not in wizard.link_combos
    combo.setCurrentIndex(1)
    assert not wizard.create_boxes["verslavingzorg noord"].isEnabled()
    if os.environ.get("GHNT_SCREENSHOTS"):
        wizard.resize(1366, 768)
        wizard.grab().save(str(Path(os.environ["GHNT_SCREENSHOTS"]) / "programma_importeren_voorstel.png"))
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_DONE, messages
    with window.database.read_session() as session:
        verslavingszorg = session.scalar(select(Organisation.id).where(Organisation.name == "Verslavingszorg"))
        assert verslavingszorg in session.scalars(select(Responsibility.organisation_id)).all()
        assert session.scalar(select(func.count(Organisation.id))) == before + 1  # Veilig Thuis Drenthe only
