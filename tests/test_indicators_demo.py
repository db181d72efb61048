"""The demo's indicators: the seeds' real nulmetingen, invented later values labelled as such, reproducible;
and the command line over them (list, import, export) in the style of ``test_cli.py``."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.demo.indicators import DEMO_NOTE
from ghnt_desktop.models import Indicator, IndicatorLevel, Measurement, Meeting
from ghnt_desktop.services import indicators as ind
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.services.overview import last_held_afstemmingsoverleg

TODAY = date(2026, 11, 22)


@pytest.fixture
def demo(demo_database):
    database = open_database(demo_database(TODAY))
    yield database
    database.close()


def test_demo_indicators_keep_the_seeds_figures_as_nulmeting(demo):
    with demo.session() as s:
        rows = {r.name: r for r in ind.list_indicators(s)}
        gooi = rows["Veilig Thuis meldingen (Gooi en Vechtstreek)"]
        assert gooi.baseline == ind.Baseline(Decimal(1620), Period(2019))  # seed 004
        assert gooi.level is IndicatorLevel.VEILIG_THUIS_REGION and gooi.source == "Veilig Thuis Gooi en Vechtstreek"
        zhz = rows["Veilig Thuis meldingen totaal (Zuid-Holland Zuid)"]
        assert zhz.baseline == ind.Baseline(Decimal(3317), Period(2018))  # seed 003
        groningen = rows["Unieke 'Groningse' casussen waarover Veilig Thuis een melding ontving"]
        assert groningen.latest is not None and groningen.latest.organisation_name == "Gemeente Groningen"
        budget = ind.get_indicator(s, rows["Budget implementatie meldcode"].id)
        # A real series from the source (EUR mln per year) is kept, in euros, and nothing is invented after it.
        assert [(p.value.period.year, p.value.value) for p in budget.series] == [
            (2018, 1_000_000), (2019, 2_000_000), (2020, 2_000_000), (2021, 2_000_000)
        ]  # fmt: skip
        assert all(DEMO_NOTE not in p.value.note for p in budget.series)


def test_invented_values_are_labelled_and_the_latest_is_voorlopig(demo):
    with demo.session() as s:
        detail = ind.get_indicator(s, ind.find_indicator(s, "Veilig Thuis meldingen (Gooi en Vechtstreek)"))
        years = [p.value.period.year for p in detail.series]
        assert years == list(range(2019, 2026))
        assert "brondocument" in detail.series[0].value.note and DEMO_NOTE not in detail.series[0].value.note
        assert all(p.value.note == DEMO_NOTE for p in detail.series[1:])
        assert [p.value.provisional for p in detail.series] == [False] * 6 + [True]
        assert detail.targets and all("demo" in t.note.casefold() for t in detail.targets)
        # Plausible: every invented year within 10% of the year before.
        values = [p.value.value for p in detail.series]
        assert all(abs(b - a) <= a * Decimal("0.1") for a, b in zip(values, values[1:], strict=False))
        national = [r for r in ind.list_indicators(s) if r.level is IndicatorLevel.NATIONAL]
        assert national and all(
            DEMO_NOTE not in p.value.note for r in national for p in ind.get_indicator(s, r.id).series
        )


def test_demo_figures_show_in_the_overzicht_and_the_chapter(demo):
    with demo.session() as s:
        last = last_held_afstemmingsoverleg(s, TODAY)
        assert last is not None
        moved = ind.indicators_moved_since(s, last[1])
        assert len(moved.indicators) >= 10 and all(m.latest is not None and m.latest.provisional for m in moved.indicators)
        chapter = ind.figures_chapter(s)
        titles = [section.title for section in chapter.sections]
        assert "Eerder en beter in beeld" in " ".join(titles) and titles[-1] == ind.UNLINKED_TITLE
        assert chapter.left_out_confidential == 0


def test_the_demo_indicators_are_reproducible(demo_database, tmp_path):
    from ghnt_desktop.demo import create_demo_database

    def content(path):
        database = open_database(path)
        with database.session() as s:
            rows = sorted(
                (str(m.indicator_id), m.year, m.period_kind.value, m.period_part, str(m.value), m.note, m.provisional)
                for m in s.scalars(select(Measurement))
            )
        database.close()
        return rows

    create_demo_database(tmp_path / "again.db", TODAY)
    assert content(demo_database(TODAY)) == content(tmp_path / "again.db")


# ---------------------------------------------------------------------------------------------------------------
# The command line


def test_list_indicators_text_and_json(demo_database, capsys):
    path = demo_database(TODAY)
    assert main(["list", "indicators", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(line for line in lines if "Veilig Thuis meldingen (Gooi en Vechtstreek)" in line)
    assert line.split("\t")[2].endswith("* (2025)") and line.split("\t")[3] == "Veilig Thuis Gooi en Vechtstreek"
    assert main(["list", "indicators", "--db", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(lines)
    gooi = next(d for d in data if d["name"] == "Veilig Thuis meldingen (Gooi en Vechtstreek)")
    assert gooi["baseline"] == {"value": "1620", "period": "2019"}
    assert gooi["latest"]["period"] == "2025" and gooi["latest"]["provisional"] is True


def test_export_then_import_dry_run_and_real(demo_database, tmp_path, capsys):
    path = demo_database(TODAY)
    out = tmp_path / "indicatoren.xlsx"
    assert main(["export", "indicatoren", "--db", str(path), "--out", str(out)]) == 0
    assert "Opgeslagen" in capsys.readouterr().out and out.exists()
    before = path.read_bytes()
    assert main(["import", "indicatoren", str(out), "--db", str(path), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "0 waarden toegevoegd, 0 gewijzigd" in text and "Proefdraai: er is niets opgeslagen." in text
    assert path.read_bytes() == before
    csv = tmp_path / "statline.csv"
    csv.write_text(
        '"Tabel 84852NED"\n"Perioden";"Nieuwe meldingen (aantal)"\n"2023";"12"\n"2024*";"15"\n"Bron: CBS"\n',
        encoding="utf-8",
    )
    assert main(["import", "indicatoren", str(csv), "--db", str(path), "--dry-run"]) == 0
    assert "1 nieuwe indicator, 2 waarden toegevoegd" in capsys.readouterr().out
    assert main(["import", "indicatoren", str(csv), "--db", str(path), "--ontvangen", "2026-11-20"]) == 0
    text = capsys.readouterr().out
    assert "Ingelezen: 1 nieuwe indicator, 2 waarden toegevoegd, 0 gewijzigd." in text
    assert "2024               hele gebied: 15*" in text  # the region's own figure is named, not ": 15*"
    database = open_database(path)
    with database.session() as s:
        indicator = s.scalar(select(Indicator).where(Indicator.name == "Nieuwe meldingen"))
        assert indicator is not None and indicator.source_id == "84852NED"
        received = set(s.scalars(select(Measurement.received_on).where(Measurement.indicator_id == indicator.id)))
        assert received == {date(2026, 11, 20)}
        assert s.scalar(select(func.count(Meeting.id)))  # the rest of the demo is there
    database.close()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("leeg.csv", b"", "is leeg"), ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls")],
)
def test_import_refuses_a_bad_file_with_a_dutch_message(demo_database, tmp_path, capsys, name, content, message):
    path = demo_database(TODAY)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["import", "indicatoren", str(bad), "--db", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("Fout:") and message in out and "Traceback" not in out
