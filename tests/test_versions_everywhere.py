"""Every editable kind refuses to save over a newer version (``services.versions.versioned``), on both engines.

Per kind, one table row: user A opens the record (reads what the screen shows, through the same reader the editor
uses), user B saves another value, A saves from the old screen -> ``ConflictError`` with the value A saw, A's
own and B's, named by who saved B's (the change log's user); nothing of A's is saved; keeping A's value
(``overriding``) saves it. The same row also checks the class of false alarm: A saving from an up-to-date screen
(nobody else wrote) is never refused, so a reader whose form differs from the service's would show here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from test_meetings_fixtures import build_world, new_meeting

from ghnt_desktop.db import set_recorded_user
from ghnt_desktop.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    IndicatorTarget,
    Measurement,
)
from ghnt_desktop.recorded_user import os_user
from ghnt_desktop.services import agenda, indicators, meetings, minutes, network, programme, reports
from ghnt_desktop.services.change_log import record_log
from ghnt_desktop.services.figure_values import Period
from ghnt_desktop.services.versions import ConflictError, overriding, seen_in


@dataclass(frozen=True)
class Kind:
    name: str
    make: Callable[[Any, Any], uuid.UUID]  # (session, world) -> the record's id
    read: Callable[[Any, uuid.UUID], Any]  # what the editor fills its screen from
    save: Callable[..., Any]  # (session, id, value, **seen) -> the edit
    field: str
    theirs: Any
    mine: Any
    table: str = ""


def _meeting_item(session, world) -> uuid.UUID:
    meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Casusoverleg")
    return next(r for r in agenda.agenda_items(session, meeting) if r.standard_item is None).id


def _attendance(session, world) -> uuid.UUID:
    meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Punt")
    return meetings.attendance_of(session, meeting)[0].id


def _indicator(session, _world) -> uuid.UUID:
    return indicators.create_indicator(session, name="Meldingen Veilig Thuis", code="VT-1").id


def _figure(session, world) -> uuid.UUID:
    indicator_id = _indicator(session, world)
    indicators.set_measurement(session, indicator_id, Period(2024), value=Decimal(1200))
    return indicator_id


def _target(session, world) -> uuid.UUID:
    indicator_id = _indicator(session, world)
    indicators.set_target(session, indicator_id, 2026, Decimal(1000))
    return indicator_id


def _measurement_of(session, indicator_id):
    return session.scalar(select(Measurement).where(Measurement.indicator_id == indicator_id))


def _target_of(session, indicator_id):
    return session.scalar(select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id))


def _section(session, world) -> uuid.UUID:
    return programme.create_section(session, programme.list_programmes(session)[0].id, title="Aanpak").id


KINDS = [
    Kind("agendapunt", _meeting_item, lambda s, i: s.get(AgendaItem, i),
         lambda s, i, v, **kw: agenda.update_agenda_item(s, i, title=v, **kw), "title",
         "Casusoverleg (verplaatst)", "Casusoverleg met Veilig Thuis", "agenda_item"),
    Kind("aanwezigheid", _attendance, lambda s, i: s.get(Attendance, i),
         lambda s, i, v, **kw: meetings.set_attendance(s, i, v, **kw), "status",
         AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT, "attendance"),
    Kind("verslagtekst", _meeting_item, lambda s, i: {"text": s.get(AgendaItem, i).minutes_text},
         lambda s, i, v, **kw: minutes.set_minutes_text(s, i, v, **kw), "text",
         "Veilig Thuis licht de cijfers toe.", "De voorzitter opent.", "agenda_item"),
    Kind("programma", lambda s, w: programme.list_programmes(s)[0].id, programme.get_programme,
         lambda s, i, v, **kw: programme.update_programme(s, i, title=v, **kw), "title",
         "Actieprogramma 2026-2028", "Regionaal actieprogramma 2026", "programme"),
    Kind("actielijn", _section, programme.get_section,
         lambda s, i, v, **kw: programme.update_section(s, i, title=v, **kw), "title",
         "Aanpak en nazorg", "Aanpak en herstel", "section"),
    Kind("ambitie", lambda s, w: programme.create_ambition(s, _section(s, w), text="Signalen eerder zien").id,
         programme.get_ambition, lambda s, i, v, **kw: programme.update_ambition(s, i, text=v, **kw), "text",
         "Signalen eerder herkennen", "Signalen eerder bespreken", "ambition"),
    Kind("programma-actie", lambda s, w: w.programme_actions["1.1.1"], programme.get_programme_action,
         lambda s, i, v, **kw: programme.update_programme_action(s, i, text=v, **kw), "text",
         "Werkgroep samenstellen", "Werkgroep oprichten", "programme_action"),
    Kind("persoon", lambda s, w: w.person["carla"], network.get_person,
         lambda s, i, v, **kw: network.update_person(s, i, function=v, **kw), "function",
         "Teamleider", "Gedragswetenschapper", "person"),
    Kind("organisatie", lambda s, w: w.org["vt"], network.get_organisation,
         lambda s, i, v, **kw: network.update_organisation(s, i, abbreviation=v, **kw), "abbreviation",
         "VTG", "VT Groningen", "organisation"),
    Kind("werkgroep", lambda s, w: network.create_working_group(s, name="Werkgroep ouderen").id,
         network.get_working_group, lambda s, i, v, **kw: network.update_working_group(s, i, theme=v, **kw), "theme",
         "Ouderenmishandeling", "Financiële uitbuiting", "working_group"),
    Kind("indicator", _indicator, indicators.get_indicator,
         lambda s, i, v, **kw: indicators.update_indicator(s, i, definition=v, **kw), "definition",
         "Aantal meldingen per jaar", "Aantal meldingen en adviezen", "indicator"),
    Kind("cijfer", _figure, _measurement_of,
         lambda s, i, v, **kw: indicators.set_measurement(s, i, Period(2024), value=v, **kw), "value",
         Decimal(1250), Decimal(1300), "measurement"),
    Kind("streefwaarde", _target, _target_of,
         lambda s, i, v, **kw: indicators.set_target(s, i, 2026, v, **kw), "value",
         Decimal(900), Decimal(950), "indicator_target"),
    Kind("rapportage", lambda s, w: reports.create_report(s, title="Voortgang 2026").id, reports.get_report,
         lambda s, i, v, **kw: reports.update_report(s, i, introduction=v, **kw), "introduction",
         "Inleiding door Bram.", "Inleiding door Anne.", "progress_report"),
    Kind("rapportageteksten", lambda s, w: reports.create_report(s, title="Voortgang 2027").id, reports.get_report,
         lambda s, i, v, **kw: reports.update_report(s, i, texts=v, **kw), "texts",
         {reports.SUMMARY: "Door Bram."}, {reports.SUMMARY: "Door Anne."}, "progress_report"),
    Kind("besluit", lambda s, w: minutes.add_decision(s, _meeting_item(s, w), "Het AO stemt in.").id,
         lambda s, i: _decision(s, i),
         lambda s, i, v, **kw: minutes.update_decision(s, i, text=v, **kw), "text",
         "Het AO stemt in, met voorbehoud.", "Het AO stemt niet in.", "decision"),
    Kind("actiepunt", lambda s, w: minutes.add_action_item(s, _meeting_item(s, w), "Offerte opvragen").id,
         lambda s, i: _action(s, i), lambda s, i, v, **kw: minutes.update_action_item(s, i, trekker_text=v, **kw),
         "trekker_text", "GGD Groningen", "Veilig Thuis Groningen", "action_item"),
]


def _decision(session, decision_id):
    from ghnt_desktop.models import Decision

    return session.get(Decision, decision_id)


def _action(session, action_id):
    from ghnt_desktop.models import ActionItem

    return session.get(ActionItem, action_id)


def _shown(kind: Kind, session, record_id) -> dict[str, Any]:
    shown = kind.read(session, record_id)
    if isinstance(shown, dict):
        return dict(shown)
    seen = seen_in(shown, [kind.field])
    assert seen, f"{kind.name}: the screen's reader has no {kind.field}"
    return seen


@pytest.fixture
def world_id(database):
    with database.session() as session:
        world = build_world(session)
        programme.create_programme(session, region="Groningen", title="Actieprogramma 2026", period_start=2026)
        return world


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_saving_over_a_newer_version_is_refused_with_both_values(database, world_id, kind: Kind) -> None:
    with database.session() as session:
        record_id = kind.make(session, world_id)
    with database.session() as session:  # A opens the editor
        seen = _shown(kind, session, record_id)
    set_recorded_user(lambda: "Bram Jansen")
    try:
        with database.session() as session:  # B saves first
            kind.save(session, record_id, kind.theirs)
    finally:
        set_recorded_user(os_user)
    with pytest.raises(ConflictError) as caught, database.session() as session:  # A saves from the old screen
        kind.save(session, record_id, kind.mine, seen=seen)
    conflict = caught.value.conflict
    (field,) = conflict.fields
    assert (field.field, field.mine, field.theirs) == (kind.field, kind.mine, kind.theirs)
    assert field.seen == seen[kind.field] and field.label != ""
    assert conflict.record and conflict.when is not None
    message = str(caught.value)
    assert "niet opgeslagen" in message and conflict.record in message
    with database.session() as session:
        log = record_log(session, conflict.entity, conflict.id)
        assert conflict.who == log[-1].changed_by != ""  # who saved B's value, from the change log
        if database.kind.is_file:
            assert conflict.who == "Bram Jansen"
        assert _shown(kind, session, record_id)[kind.field] == kind.theirs  # A's value was not saved
    with overriding(), database.session() as session:  # A: "mijn versie bewaren"
        kind.save(session, record_id, kind.mine, seen=seen)
    with database.session() as session:
        assert _shown(kind, session, record_id)[kind.field] == kind.mine


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_no_conflict_from_an_up_to_date_screen_or_the_same_value(database, world_id, kind: Kind) -> None:
    with database.session() as session:
        record_id = kind.make(session, world_id)
    with database.session() as session:
        seen = _shown(kind, session, record_id)
    with database.session() as session:  # nobody else wrote: saved
        edit = kind.save(session, record_id, kind.theirs, seen=seen)
    assert edit.version is not None  # what an undo passes on
    with database.session() as session:  # B saved exactly what A wants: no conflict either
        kind.save(session, record_id, kind.mine)
    with database.session() as session:
        edit = kind.save(session, record_id, kind.mine, seen={kind.field: kind.theirs})
    with database.session() as session:  # the version A read, unchanged since: no conflict whatever A saw
        kind.save(session, record_id, kind.theirs, seen={kind.field: "iets anders"}, seen_version=edit.version)


def test_every_edit_service_of_one_record_is_versioned() -> None:
    """The editors' services (``ui/undo.py`` passes ``seen`` only to these): a new one must be versioned too."""
    from ghnt_desktop.services.versions import is_versioned

    services = [
        programme.update_programme, agenda.update_agenda_item, meetings.set_attendance, minutes.set_minutes_text, minutes.update_decision,
        minutes.update_action_item, programme.update_section, programme.update_ambition,
        programme.update_programme_action, network.update_person, network.update_organisation,
        network.update_working_group, network.update_member, indicators.update_indicator,
        indicators.set_measurement, indicators.set_target, reports.update_report,
    ]  # fmt: skip
    assert [s.__name__ for s in services if not is_versioned(s)] == []
