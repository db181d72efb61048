"""Indicators are found by Zoeken (QA: they were not in the search index) and open on the Indicatoren page.

A table of queries (a word of the name, its start, another word form, part of a compound, the code, a word of the
definition, the source's table id, words that are not there), edits and deletion followed by the index, the one
rule for vertrouwelijke indicators, an older database migrated, and the search dialog opening the hit.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from ghnt_desktop import db as dbmod
from ghnt_desktop.db import open_database
from ghnt_desktop.models import Indicator, IndicatorUnit
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.search import search, search_results


@pytest.fixture
def indicators(database):
    with database.session() as session:
        meldingen = ind.create_indicator(
            session,
            name="Meldingen bij Veilig Thuis",
            code="VT-MELD",
            definition="Aantal meldingen van huiselijk geweld en kindermishandeling per jaar",
            unit=IndicatorUnit.COUNT,
            source="CBS StatLine",
            source_id="84852NED",
        ).id
        herhaal = ind.create_indicator(
            session,
            name="Herhaald slachtofferschap",
            code="HERH",
            definition="Aandeel gezinnen met een nieuw signaal binnen een jaar",
            unit=IndicatorUnit.PERCENTAGE,
            confidential=True,
        ).id
    return {"meldingen": meldingen, "herhaal": herhaal}


QUERIES = [
    ("Veilig Thuis meldingen", "meldingen"),  # words of the name, in another order
    ("meldinge", "meldingen"),  # the start of a word
    ("melding", "meldingen"),  # another form (and the start)
    ("mishandeling", "meldingen"),  # part of "kindermishandeling"
    ("VT-MELD", "meldingen"),
    ("84852NED", "meldingen"),
    ("statline", "meldingen"),
    ('"huiselijk geweld"', "meldingen"),
    ("slachtofferschap", "herhaal"),
    ("gezinnen", "herhaal"),
    ("sportclubs", None),
    ('"geweld huiselijk"', None),
]


@pytest.mark.parametrize(("typed", "expected"), QUERIES)
def test_indicators_are_found(database, indicators, typed, expected):
    with database.session() as session:
        hits = [h for h in search(session, typed, include_confidential=True) if h.kind == "indicator"]
    assert [h.id for h in hits] == ([indicators[expected]] if expected else [])
    if expected == "meldingen":
        assert hits[0].title == "Meldingen bij Veilig Thuis (VT-MELD)" and hits[0].kind_label == "Indicator"
        assert hits[0].meeting_id is None and not hits[0].confidential


def test_the_index_follows_renames_and_deletes(database, indicators):
    with database.session() as session:
        ind.update_indicator(session, indicators["meldingen"], name="Adviezen en meldingen Veilig Thuis")
    with database.session() as session:
        assert [h.id for h in search(session, "adviezen") if h.kind == "indicator"] == [indicators["meldingen"]]
        ind.delete_indicator(session, indicators["meldingen"])
    with database.session() as session:
        assert [h for h in search(session, "adviezen") if h.kind == "indicator"] == []


def test_a_vertrouwelijke_indicator_is_left_out_unless_asked(database, indicators):
    with database.session() as session:
        results = search_results(session, "slachtofferschap")
        assert [h for h in results.hits if h.kind == "indicator"] == []
        assert results.confidential_left_out == 1
        shown = search_results(session, "slachtofferschap", include_confidential=True)
        assert [(h.id, h.confidential) for h in shown.hits] == [(indicators["herhaal"], True)]


def test_an_indicator_of_an_older_database_is_found_after_migrating(tmp_path):
    path = tmp_path / "old.db"
    config = Config()
    config.set_main_option("script_location", str(dbmod.Path(dbmod.__file__).parent / "migrations"))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0012_record_versions")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO indicator (id, name, code, definition, unit, unit_label, direction, source, source_id, level, "
            "confidential, notes, position, baseline_kind, baseline_part, created_at, updated_at, row_version) VALUES "
            "('0123456789abcdef0123456789abcdef', 'Wachttijd Veilig Thuis', 'WACHT', 'Dagen tot het eerste gesprek', "
            "'days', '', 'lower_is_better', '', '', 'region', 0, '', 0, 'year', 0, '2020-01-01', '2020-01-01', 1)"
        )
    database = open_database(path)  # migrates, after a backup beside it
    try:
        with database.session() as session:
            assert [h.title for h in search(session, "wachttijd")] == ["Wachttijd Veilig Thuis (WACHT)"]
    finally:
        database.close()


def test_the_search_dialog_opens_the_indicator(qtbot, tmp_path, demo_database):
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.itemmodels.base import ROW_ROLE
    from ghnt_desktop.ui.mainwindow import MainWindow

    today = date(2026, 11, 22)
    path = tmp_path / "demo.db"
    shutil.copy(demo_database(today), path)
    window = MainWindow(Settings.at_path(tmp_path / "s.ini"), today=lambda: today)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_database_file(path)
    with window.database.read_session() as session:
        chosen = session.query(Indicator).order_by(Indicator.name).all()[-1]
        indicator_id, name = chosen.id, chosen.name
    page = window.page("indicators")
    page.section_filter.setCurrentIndex(page.section_filter.count() - 1)  # a filter that may hide it
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.field.setText(name)
    qtbot.waitUntil(lambda: dialog.count_label.text() != "", timeout=3000)
    hits = [dialog.model.index(r, 0).data(ROW_ROLE) for r in range(dialog.model.rowCount())]
    hit = next(h for h in hits if h.kind == "indicator")
    assert hit.id == indicator_id
    dialog.open_hit(hit)
    assert window.current_page().key == "indicators"
    assert page.detail is not None and page.detail.id == indicator_id
