"""Saved voortgangsrapportages: create, edit with the values undo needs, delete and restore, validation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from ghnt_desktop.models import ProgressReport
from ghnt_desktop.services import NotFoundError, ValidationError
from ghnt_desktop.services.meetings import restore_removed
from ghnt_desktop.services.programme import create_programme
from ghnt_desktop.services.reports import create_report, delete_report, get_report, list_reports, update_report


def test_create_defaults_to_the_running_programme_and_cleans_the_texts(session):
    programme = create_programme(session, region="Regio Test", title="Programma 2023-2026")
    created = create_report(
        session,
        title="  Voortgang 2024 \x07",
        reference="GHNT/2024/017",
        report_date=date(2024, 12, 1),
        contact_email="projectleider@gemeente.nl",
        period_from=date(2024, 1, 1),
        period_to=date(2024, 12, 31),
        conclusion="Conclusie 🙂\nmet twee regels",
        sources=["Monitor 2024", "  ", " Jaarverslag Veilig Thuis "],
    )
    detail = get_report(session, created.id)
    assert detail.title == "Voortgang 2024"
    assert detail.programme_id == programme.id
    assert detail.version == "1.0"
    assert detail.conclusion == "Conclusie 🙂\nmet twee regels"
    assert detail.sources == ("Monitor 2024", "Jaarverslag Veilig Thuis")
    stored = session.get(ProgressReport, created.id)
    assert stored.reference == "GHNT/2024/017" and stored.period_to == date(2024, 12, 31)
    rows = list_reports(session)
    assert [(r.id, r.label) for r in rows] == [(created.id, "Voortgang 2024 (GHNT/2024/017)")]


def test_create_without_a_programme_keeps_none(session):
    created = create_report(session, title="Los rapport")
    assert get_report(session, created.id).programme_id is None


def test_list_is_newest_first_undated_last(session):
    old = create_report(session, title="Oud", report_date=date(2023, 6, 1)).id
    undated = create_report(session, title="Zonder datum").id
    new = create_report(session, title="Nieuw", report_date=date(2024, 6, 1)).id
    assert [r.id for r in list_reports(session)] == [new, old, undated]


def test_update_returns_the_previous_values_of_what_changed(session):
    created = create_report(session, title="Rapport", outlook="Oud vooruitzicht", sources=["A"])
    edit = update_report(session, created.id, title="Rapport", outlook="Nieuw vooruitzicht", sources=["A", "B"])
    assert edit.before == {"outlook": "Oud vooruitzicht", "sources": ["A"]}
    assert get_report(session, created.id).outlook == "Nieuw vooruitzicht"
    undone = update_report(session, created.id, **edit.before)
    assert undone.before == {"outlook": "Nieuw vooruitzicht", "sources": ["A", "B"]}
    detail = get_report(session, created.id)
    assert (detail.outlook, detail.sources) == ("Oud vooruitzicht", ("A",))


def test_delete_and_restore_keep_id_and_values(session):
    created = create_report(session, title="Weg", conclusion="Tekst", sources=["Bron"], report_date=date(2024, 1, 2))
    before = get_report(session, created.id)
    removed = delete_report(session, created.id)
    assert session.scalar(select(func.count(ProgressReport.id))) == 0
    with pytest.raises(NotFoundError):
        get_report(session, created.id)
    restore_removed(session, removed)
    assert get_report(session, created.id) == before


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "   "}, "De titel mag niet leeg zijn."),
        ({"title": "x", "contact_email": "geen adres"}, '"geen adres" is geen geldig e-mailadres'),
        ({"title": "x", "contact_email": "a@b"}, "geen geldig e-mailadres"),
        (
            {"title": "x", "period_from": date(2024, 5, 1), "period_to": date(2024, 4, 1)},
            "De periode begint (01-05-2024) na het einde (01-04-2024)",
        ),
        ({"title": "x" * 301}, "De titel is te lang (meer dan 300 tekens)."),
        ({"title": "x", "report_date": "1-1-2024"}, "De datum is geen datum."),
    ],
)
def test_create_refuses_bad_input_with_a_dutch_message(session, values, message):
    with pytest.raises(ValidationError) as caught:
        create_report(session, **values)
    assert message in str(caught.value)
    assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_update_checks_the_period_against_the_saved_values(session):
    created = create_report(session, title="R", period_from=date(2024, 1, 1), period_to=date(2024, 6, 30))
    with pytest.raises(ValidationError, match="na het einde"):
        update_report(session, created.id, period_from=date(2024, 7, 1))
    with pytest.raises(ValidationError, match="mag niet leeg zijn"):
        update_report(session, created.id, title="")
    assert get_report(session, created.id).period_from == date(2024, 1, 1)
    with pytest.raises(NotFoundError):
        update_report(session, created.id.__class__(int=1), title="x")
