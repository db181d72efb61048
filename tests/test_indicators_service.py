"""Indicators: baseline, targets and measurements, comparisons, undo data, moved-since and the Cijfers chapter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ghnt_desktop.models import (
    IndicatorDirection,
    IndicatorLevel,
    IndicatorUnit,
    Measurement,
    Organisation,
    OrganisationKind,
    PeriodKind,
    Programme,
    Section,
)
from ghnt_desktop.services import NotFoundError, ValidationError
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.confidentiality import confidential_scope
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.services.meetings import Created, Edit, restore_removed

D = Decimal


@pytest.fixture
def data(session):
    programme = Programme(region="Gooi en Vechtstreek", title="Regiovisie")
    line1 = Section(programme=programme, title="Eerder en beter in beeld", code="1", position=1)
    line2 = Section(programme=programme, title="Stoppen en duurzaam oplossen", code="2", position=2)
    hilversum = Organisation(name="Gemeente Hilversum", kind=OrganisationKind.GEMEENTE)
    huizen = Organisation(name="Gemeente Huizen", kind=OrganisationKind.GEMEENTE)
    vt = Organisation(name="Veilig Thuis Gooi en Vechtstreek", kind=OrganisationKind.KETENPARTNER)
    session.add_all([programme, line1, line2, hilversum, huizen, vt])
    session.flush()
    meldingen = ind.create_indicator(
        session,
        name="Veilig Thuis meldingen",
        unit=IndicatorUnit.COUNT,
        direction=IndicatorDirection.HIGHER_IS_BETTER,
        source="Veilig Thuis Gooi en Vechtstreek",
        baseline_value="1.620",
        baseline_period=Period(2019),
        section_ids=[line1.id],
    ).id
    ind.set_target(session, meldingen, 2023, 2000)
    return {"line1": line1, "line2": line2, "hilversum": hilversum, "huizen": huizen, "vt": vt, "meldingen": meldingen}


def test_series_compares_with_previous_period_of_the_same_length_baseline_and_target(session, data):
    m = data["meldingen"]
    ind.set_measurement(session, m, Period(2020), value="1.700")
    ind.set_measurement(session, m, Period(2021), value=1800, provisional=True)
    ind.set_measurement(session, m, Period(2021, PeriodKind.HALF_YEAR, 1), value=950)
    ind.set_measurement(session, m, Period(2023), value="2.050")
    detail = ind.get_indicator(session, m)
    by_label = {p.value.period.label: p for p in detail.series}
    assert list(by_label) == ["2020", "2021 H1", "2021", "2023"]
    c2021 = by_label["2021"].comparison
    assert c2021.previous is not None and c2021.previous.period == Period(2020)  # not the half year
    assert c2021.change == D(100) and c2021.change_percent == D("5.9")
    assert c2021.change_from_baseline == D(180)
    # 2021 lies between the baseline (2019: 1620) and the 2023 target (2000): interpolated 1810, so not on track.
    assert c2021.target == D(1810) and c2021.target_interpolated and c2021.on_track is False
    assert by_label["2023"].comparison.on_track is True and not by_label["2023"].comparison.target_interpolated
    # A count per half year is never judged against a yearly target.
    assert by_label["2021 H1"].comparison.on_track is None and by_label["2021 H1"].comparison.previous is None
    row = ind.list_indicators(session)[0]
    assert row.latest is not None and row.latest.period == Period(2023)
    assert row.latest_text == "2.050 (2023)"


@pytest.mark.parametrize(
    ("direction", "value", "target", "expected"),
    [
        (IndicatorDirection.HIGHER_IS_BETTER, D(5), D(5), True),
        (IndicatorDirection.HIGHER_IS_BETTER, D("4.9"), D(5), False),
        (IndicatorDirection.LOWER_IS_BETTER, D(5), D(5), True),
        (IndicatorDirection.LOWER_IS_BETTER, D("5.1"), D(5), False),
        (IndicatorDirection.NEUTRAL, D(5), D(5), None),
        (IndicatorDirection.HIGHER_IS_BETTER, None, D(5), None),
        (IndicatorDirection.LOWER_IS_BETTER, D(5), None, None),
    ],
)
def test_on_track_respects_direction(direction, value, target, expected):
    assert ind.on_track(direction, value, target) is expected


def test_percentages_per_half_year_are_judged_and_changes_from_zero_have_no_percentage(session, data):
    share = ind.create_indicator(
        session, name="Aandeel direct overgedragen", unit=IndicatorUnit.PERCENTAGE,
        direction=IndicatorDirection.LOWER_IS_BETTER, baseline_value=0, baseline_period=Period(2019),
    ).id  # fmt: skip
    ind.set_target(session, share, 2020, "12,5")
    ind.set_measurement(session, share, Period(2020, PeriodKind.HALF_YEAR, 1), value="10")
    point = ind.get_indicator(session, share).series[0]
    assert point.comparison.on_track is True
    assert point.comparison.change_from_baseline == D(10) and point.comparison.change_from_baseline_percent is None


def test_set_measurement_returns_what_undo_needs(session, data):
    m = data["meldingen"]
    created = ind.set_measurement(session, m, Period(2020), value="1.700", note="eerste levering")
    assert isinstance(created, Created) and created.changes.indicators
    edit = ind.set_measurement(session, m, Period(2020), value="1.710", provisional=True)
    assert isinstance(edit, Edit) and edit.before["value"] == D(1700) and edit.before["note"] == "eerste levering"
    ind.set_measurement(session, **edit.before)  # undo the edit
    point = ind.get_indicator(session, m).series[0].value
    assert (point.value, point.provisional, point.note) == (D(1700), False, "eerste levering")
    removed = ind.clear_measurement(session, created.id)  # undo the creation
    assert ind.get_indicator(session, m).series == ()
    restore_removed(session, removed)
    assert ind.get_indicator(session, m).series[0].value.value == D(1700)


def test_unknown_value_and_per_municipality(session, data):
    m = data["meldingen"]
    ind.set_measurement(session, m, Period(2020), value=None, unknown=True)
    ind.set_measurement(session, m, Period(2020), value="400", organisation_id=data["hilversum"].id)
    ind.set_measurement(session, m, Period(2020), value="120", organisation_id=data["huizen"].id)
    detail = ind.get_indicator(session, m)
    assert detail.series[0].value.unknown and detail.series[0].value.value is None
    assert [s.name for s in detail.municipalities] == ["Gemeente Hilversum", "Gemeente Huizen"]
    assert ind.list_indicators(session)[0].municipality_count == 2
    assert ind.list_indicators(session)[0].latest_text == "onbekend (2020)"
    with pytest.raises(ValidationError, match="geen gemeente"):
        ind.set_measurement(session, m, Period(2020), value=1, organisation_id=data["vt"].id)


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "Vul een waarde"), ("", "Vul een waarde"), ("veel", "geen getal"), (12.5, "niet als float"),
     ("1" * 40, "te groot")],
)  # fmt: skip
def test_bad_values_are_refused_in_dutch(session, data, value, message):
    with pytest.raises(ValidationError, match=message):
        ind.set_measurement(session, data["meldingen"], Period(2020), value=value)
    assert session.scalar(select(func.count(Measurement.id))) == 0


def test_the_database_keeps_one_value_per_period_and_area(session, data):
    session.add(Measurement(indicator_id=data["meldingen"], year=2020, value=D(1)))
    session.flush()
    session.add(Measurement(indicator_id=data["meldingen"], year=2020, value=D(2)))
    with pytest.raises(Exception, match="UNIQUE"):
        session.flush()
    session.rollback()


def test_exact_decimals_survive_the_database(database, data, session):
    m = data["meldingen"]
    ind.set_measurement(session, m, Period(2020), value="0,1")
    ind.set_measurement(session, m, Period(2021), value="1234567890,123456")
    session.commit()
    with database.session() as other:
        values = [p.value.value for p in ind.get_indicator(other, m).series]
    assert values == [D("0.1"), D("1234567890.123456")]


def test_update_and_delete_indicator_undo(session, data):
    m = data["meldingen"]
    edit = ind.update_indicator(
        session, m, name="VT-meldingen", section_ids=[data["line2"].id], baseline_value="1.700", confidential=True
    )
    detail = ind.get_indicator(session, m)
    assert detail.name == "VT-meldingen" and [t for _, t in detail.sections] == ["2 Stoppen en duurzaam oplossen"]
    assert detail.baseline is not None and detail.baseline.value == D(1700) and detail.baseline.period == Period(2019)
    ind.update_indicator(session, m, **edit.before)
    detail = ind.get_indicator(session, m)
    assert (detail.name, detail.confidential, detail.baseline.value) == ("Veilig Thuis meldingen", False, D(1620))
    assert [t for _, t in detail.sections] == ["1 Eerder en beter in beeld"]
    ind.set_measurement(session, m, Period(2020), value=1700)
    removed = ind.delete_indicator(session, m)
    with pytest.raises(NotFoundError):
        ind.get_indicator(session, m)
    restore_removed(session, removed)
    detail = ind.get_indicator(session, m)
    assert len(detail.series) == 1 and len(detail.targets) == 1 and detail.sections


def test_duplicate_name_is_refused(session, data):
    with pytest.raises(ValidationError, match="bestaat al"):
        ind.create_indicator(session, name=" Veilig Thuis meldingen ")


def test_grouped_per_actielijn_with_unlinked_last(session, data):
    ind.create_indicator(session, name="Inwoners", section_ids=[])
    ind.create_indicator(session, name="Huisverboden", section_ids=[data["line2"].id, data["line1"].id])
    groups = ind.indicators_per_section(session)
    assert [(g.title, [r.name for r in g.indicators]) for g in groups] == [
        ("1 Eerder en beter in beeld", ["Veilig Thuis meldingen", "Huisverboden"]),
        ("2 Stoppen en duurzaam oplossen", ["Huisverboden"]),
        (ind.UNLINKED_TITLE, ["Inwoners"]),
    ]


def test_confidential_indicators_go_through_the_rule(session, data):
    secret = ind.create_indicator(session, name="Casussen MDA++", confidential=True).id
    ind.set_measurement(session, secret, Period(2020), value=12)
    assert confidential_scope(session).indicator(secret)
    chapter = ind.figures_chapter(session)
    assert chapter.left_out_confidential == 1
    assert "Casussen MDA++" not in [i.name for s in chapter.sections for i in s.indicators]
    with_it = ind.figures_chapter(session, include_confidential=True)
    assert [i.confidential for s in with_it.sections for i in s.indicators if i.name == "Casussen MDA++"] == [True]
    assert [r.name for r in ind.list_indicators(session, include_confidential=False)] == ["Veilig Thuis meldingen"]
    moved = ind.indicators_moved_since(session, date(2000, 1, 1))
    assert [r.name for r in moved.indicators] == [] and moved.left_out_confidential == 1


def test_moved_since_uses_received_and_saved_dates(session, data):
    m = data["meldingen"]
    ind.set_measurement(session, m, Period(2020), value=1700, received_on=date(2024, 3, 1))
    session.execute(
        Measurement.__table__.update().values(
            created_at=datetime(2024, 3, 1, tzinfo=UTC), updated_at=datetime(2024, 3, 1, tzinfo=UTC)
        )
    )
    assert ind.indicators_moved_since(session, date(2024, 4, 1)).indicators == ()
    ind.set_measurement(session, m, Period(2021), value=1800)  # saved now
    moved = ind.indicators_moved_since(session, datetime.now(UTC).date() - timedelta(days=1))
    assert [(r.name, r.periods, r.count) for r in moved.indicators] == [("Veilig Thuis meldingen", ("2021",), 1)]
    assert moved.indicators[0].latest_text == "1.800 (2021)"


def test_figures_chapter_texts(session, data):
    m = data["meldingen"]
    ind.set_measurement(session, m, Period(2020), value=1700)
    ind.set_measurement(session, m, Period(2023), value=2050, provisional=True)
    ind.set_measurement(session, m, Period(2023), value=300, organisation_id=data["huizen"].id, provisional=True)
    ind.update_indicator(session, m, source="CBS StatLine", source_id="84852NED")
    chapter = ind.figures_chapter(session, first_year=2020)
    [section] = chapter.sections
    [figure] = section.indicators
    assert section.title == "1 Eerder en beter in beeld"
    assert figure.baseline_text == "1.620 (2019)" and figure.source_text == "CBS StatLine, tabel 84852NED"
    assert [(line.period_label, line.value_text, line.change_text, line.baseline_change_text) for line in figure.lines] == [
        ("2020", "1.700", "", "+80 (+4,9%)"),  # the baseline is no measurement: no previous period
        ("2023", "2.050*", "+350 (+20,6%)", "+430 (+26,5%)"),  # the previous year measured, across the gap
    ]
    assert figure.lines[1].target_text == "≥ 2.000" and figure.lines[1].on_track_text == "op koers"
    assert figure.has_provisional and figure.municipalities[0].value_text == "300*"
    assert ind.figures_chapter(session, last_year=2019).sections[0].indicators[0].lines == ()


def test_level_and_unit_are_kept(session, data):
    created = ind.create_indicator(
        session, name="Doorlooptijd", unit=IndicatorUnit.DAYS, level=IndicatorLevel.VEILIG_THUIS_REGION
    )
    detail = ind.get_indicator(session, created.id)
    assert (detail.unit, detail.level, detail.direction) == (
        IndicatorUnit.DAYS, IndicatorLevel.VEILIG_THUIS_REGION, IndicatorDirection.NEUTRAL
    )


def test_merging_two_gemeenten_keeps_one_figure_per_period_and_undo_brings_both_back(session, data):
    from ghnt_desktop.services.network import merge_organisations, undo_merge_organisations

    m = data["meldingen"]
    duplicate = Organisation(name="Hilversum (gemeente)", kind=OrganisationKind.GEMEENTE)
    session.add(duplicate)
    session.flush()
    ind.set_measurement(session, m, Period(2020), value=400, organisation_id=data["hilversum"].id)
    ind.set_measurement(session, m, Period(2020), value=401, organisation_id=duplicate.id)
    ind.set_measurement(session, m, Period(2021), value=420, organisation_id=duplicate.id)
    removed = merge_organisations(session, data["hilversum"].id, duplicate.id)
    [series] = ind.get_indicator(session, m).municipalities
    assert [(p.value.period.label, p.value.value) for p in series.points] == [("2020", D(400)), ("2021", D(420))]
    undo_merge_organisations(session, removed)
    values = sorted((s.name, p.value.value) for s in ind.get_indicator(session, m).municipalities for p in s.points)
    assert values == [("Gemeente Hilversum", D(400)), ("Hilversum (gemeente)", D(401)), ("Hilversum (gemeente)", D(420))]


def test_period_range_and_order():
    from ghnt_desktop.services.figure_values import period_range

    halves = period_range(2020, 2021, PeriodKind.HALF_YEAR)
    assert [p.label for p in halves] == ["2020 H1", "2020 H2", "2021 H1", "2021 H2"]
    assert halves[0].previous() == Period(2019, PeriodKind.HALF_YEAR, 2)
    mixed = sorted([Period(2020), Period(2020, PeriodKind.HALF_YEAR, 2), Period(2020, PeriodKind.QUARTER, 1)],
                   key=lambda p: p.sort_key)  # fmt: skip
    assert [p.label for p in mixed] == ["2020 K1", "2020 H2", "2020"]
    with pytest.raises(ValueError):
        Period(2020, PeriodKind.QUARTER, 5)


def test_an_unreadable_stored_value_shows_as_unknown_and_check_names_it(database, session, data):
    import sqlite3

    from ghnt_desktop.health import bad_values

    ind.set_measurement(session, data["meldingen"], Period(2020), value=1700)
    session.commit()
    connection = sqlite3.connect(database.path)
    connection.execute("UPDATE measurement SET value = '1.700,0'")
    connection.commit()
    found = [b for b in bad_values(connection) if b.table == "measurement"]
    connection.close()
    assert [(b.column, b.value, b.shown_as) for b in found] == [("value", "1.700,0", "geen getal; getoond als leeg")]
    with database.session() as other:
        [row] = ind.list_indicators(other)
        assert row.latest is not None and row.latest.unknown and row.latest_text == "onbekend (2020)"


def test_a_database_before_indicators_is_migrated_and_downgrades_cleanly(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from ghnt_desktop.db import make_engine, open_database

    path = tmp_path / "oud.db"
    config = Config()
    config.set_main_option("script_location", str(Path(ind.__file__).parent.parent / "migrations"))
    engine = make_engine(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0007_search_dutch")
        connection.exec_driver_sql(
            "INSERT INTO organisation (id, name, kind, aliases, notes, archived, created_at, updated_at) VALUES "
            "('0123456789abcdef0123456789abcdef', 'Gemeente Huizen', 'gemeente', '[]', '', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    engine.dispose()
    database = open_database(path)  # migrates on a copy, keeps a backup beside it
    with database.session() as s:
        created = ind.create_indicator(s, name="Meldingen", baseline_value="1.620", baseline_period=Period(2019))
        [(gemeente_id, _name)] = ind.municipalities(s)
        ind.set_measurement(s, created.id, Period(2020), value="1.700", organisation_id=gemeente_id)
    database.close()
    assert list(tmp_path.glob("oud.voor-migratie-0007_search_dutch-*.db"))
    engine = make_engine(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007_search_dutch")
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert not tables & {"indicator", "indicator_target", "measurement", "indicator_section", "indicator_ambition"}
    assert "organisation" in tables


def test_deleting_an_actielijn_drops_the_links_and_undo_brings_them_back(session, data):
    from ghnt_desktop.models import Ambition
    from ghnt_desktop.services.programme import delete_ambition, delete_section

    ambition = Ambition(section_id=data["line2"].id, text="MDA++ in de hele regio", code="S4")
    session.add(ambition)
    session.flush()
    created = ind.create_indicator(session, name="Casussen MDA++", section_ids=[data["line2"].id],
                                   ambition_ids=[ambition.id]).id  # fmt: skip
    removed = delete_section(session, data["line2"].id)
    detail = ind.get_indicator(session, created)
    assert detail.sections == () and detail.ambitions == ()  # the indicator itself stays
    restore_removed(session, removed)
    session.expire_all()
    detail = ind.get_indicator(session, created)
    assert [t for _, t in detail.sections] == ["2 Stoppen en duurzaam oplossen"]
    assert [t for _, t in detail.ambitions] == ["S4 MDA++ in de hele regio"]
    removed = delete_ambition(session, ambition.id)
    session.expire_all()
    assert ind.get_indicator(session, created).ambitions == ()
    restore_removed(session, removed)
    session.expire_all()
    assert len(ind.get_indicator(session, created).ambitions) == 1


# --------------------------------------------------------------------------------------------------
# Streefwaarden as a whole set (the indicator dialog): create, replace, undo, refuse
# --------------------------------------------------------------------------------------------------


def test_targets_as_a_whole_set_with_undo_keeping_notes(session):
    created = ind.create_indicator(session, name="Set van streefwaarden", targets={2025: "1.500", 2027: 1800})
    ind.set_target(session, created.id, 2025, "1.500", note="afgesproken in het AO")

    def targets():
        return [(t.year, t.value, t.note) for t in ind.get_indicator(session, created.id).targets]

    assert targets() == [(2025, Decimal("1500"), "afgesproken in het AO"), (2027, Decimal("1800"), "")]
    edit = ind.update_indicator(session, created.id, targets={2025: "1.600", 2030: "12,5"})
    # A year kept keeps its note; a year left out goes; a new one comes.
    assert targets() == [(2025, Decimal("1600"), "afgesproken in het AO"), (2030, Decimal("12.5"), "")]
    ind.update_indicator(session, created.id, **edit.before)
    assert targets() == [(2025, Decimal("1500"), "afgesproken in het AO"), (2027, Decimal("1800"), "")]
    ind.update_indicator(session, created.id, targets={})
    assert targets() == []


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ({2025: "veel"}, "streefwaarde voor 2025"),
        ({2025: ""}, "vul een streefwaarde voor 2025 in"),
        ({1800: "10"}, "1900 en 2100"),
        ({2025: 1.5}, "niet als float"),
    ],
)
def test_bad_targets_are_refused_before_anything_changes(session, targets, message):
    created = ind.create_indicator(session, name="Streng", targets={2024: 10})
    with pytest.raises(ValidationError) as caught:
        ind.update_indicator(session, created.id, targets={2023: 5, **targets})
    assert message in str(caught.value).lower()
    assert [(t.year, t.value) for t in ind.get_indicator(session, created.id).targets] == [(2024, Decimal("10"))]
