"""Zoeken in the window: Dutch word forms and parts of words, and hits of the programme and the network open their page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.models import Ambition, Organisation, Person
from ghnt_desktop.ui.itemmodels.base import ROW_ROLE

TODAY = date(2026, 11, 22)
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def window(demo_window):
    return demo_window(TODAY)


def hits_for(qtbot, window, text):
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.count_label.clear()
    dialog.field.setText(text)
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=5000)
    return dialog, [dialog.model.index(r, 0).data(ROW_ROLE) for r in range(dialog.model.rowCount())]


def test_a_person_opens_in_organisaties_with_the_person_selected(qtbot, window):
    with window.database.read_session() as session:
        person = session.scalars(select(Person).where(Person.organisation_id.is_not(None)).order_by(Person.name)).first()
        surname = person.name.split()[-1]
    dialog, hits = hits_for(qtbot, window, surname)
    hit = next(h for h in hits if h.kind == "person" and h.id == person.id)
    assert dialog.model.index(hits.index(hit), dialog.model.KIND).data() == "Persoon"
    dialog.open_hit(hit)
    page = window.current_page()
    assert page.key == "organisations"
    assert page.selected_organisation().id == person.organisation_id
    assert page.selected_person().id == person.id


def test_an_organisation_and_an_ambition_open_where_they_live(qtbot, window):
    with window.database.read_session() as session:
        organisation = session.scalars(select(Organisation).order_by(Organisation.name)).first()
        ambition = session.scalars(select(Ambition).order_by(Ambition.code)).first()
        ambition_word = max(ambition.text.split(), key=len).strip(".,:;()")
    dialog, hits = hits_for(qtbot, window, organisation.name)
    dialog.open_hit(next(h for h in hits if h.kind == "organisation" and h.id == organisation.id))
    assert window.current_page().key == "organisations"
    assert window.current_page().selected_organisation().id == organisation.id
    dialog, hits = hits_for(qtbot, window, ambition_word)
    dialog.open_hit(next(h for h in hits if h.kind == "ambition" and h.id == ambition.id))
    assert window.current_page().key == "programme"
    assert window.current_page().view.currentIndex().data(ROW_ROLE).id == ambition.id


def test_word_forms_and_parts_of_words_are_found_and_marked(qtbot, window):
    dialog, hits = hits_for(qtbot, window, "mishandeling")
    assert hits and any("mishandeling" in h.snippet and "[" in h.snippet for h in hits)
    dialog.resize(1366, 560)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "search_dutch.png"))
    _dialog, plural = hits_for(qtbot, window, "meldcodes")
    _dialog, singular = hits_for(qtbot, window, "meldcode")
    assert {h.id for h in singular} <= {h.id for h in plural}
