"""The demo database: the Groningen action programme and a living year of meetings around it.

Built from the JSON in ``resources/demo`` (programme table and organisations of the Groningen
actieprogramma) and from code (invented people, working groups, meetings, minutes and actions),
dated relative to ``today``. The same ``today`` always gives the same content: a fixed random seed
and ids derived from stable names. First start of the app and ``ghnt-desktop demo`` call
:func:`create_demo_database`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..models import (
    AppSetting,
    Meeting,
    Organisation,
    Programme,
    agenda_item_programme_action,
    indicator_section,
)
from ..services import RefusedError
from .indicators import build_indicators
from .meetings import MeetingBuilder
from .network import build_network
from .programme import build_organisations, build_programme

DEMO_SEED = 20191121  # fixed: the demo must be reproducible


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds: Dutch labels with counts, and the date it was built around."""

    today: date
    programme_title: str
    counts: dict[str, int]


def build_demo(session: Session, today: date) -> DemoSummary:
    """Add the demo to an empty database in ``session`` (the caller commits).

    Raises ``RefusedError`` when the database already holds a programme, organisations or meetings:
    the demo is never mixed with real data.
    """
    if any(session.scalar(select(model.id).limit(1)) is not None for model in (Programme, Organisation, Meeting)):
        raise RefusedError("Deze database bevat al gegevens; een demo wordt alleen in een lege database gemaakt.")
    rng = random.Random(DEMO_SEED)
    organisations, index = build_organisations()
    programme = build_programme(index, today, rng)
    network = build_network(index, programme, today)
    meetings = MeetingBuilder(today, rng, index, programme, network)
    meetings.build_series()
    meetings.build_agendas()
    meetings.build_attendance()
    meetings.build_decisions()
    meetings.build_action_items()
    meetings.build_programme_progress()
    meetings.build_local_statuses(index.gemeenten)
    data = meetings.data
    figures = build_indicators(today, programme.sections, {o.name: o for o in index.gemeenten})

    # Flushed in dependency order: SQLite checks foreign keys row by row, and several of them
    # (decision -> series, person -> successor) have no ORM relationship to order them by.
    stages = [
        organisations,
        [programme.programme],
        programme.sections,
        programme.ambitions,
        network.people,
        network.groups,
        network.members,
        programme.actions,
        programme.responsibilities,
        data.series,
        data.invitees,
        data.meetings,
        data.agenda_items,
        data.attendance,
        data.decisions,
        data.action_items,
        data.updates,
        data.local_statuses,
        figures.indicators,
        figures.targets,
        figures.measurements,
        [
            AppSetting(key="region", value="Groningen"),
            AppSetting(key="demo.today", value=today.isoformat()),
        ],
    ]
    for stage in stages:
        session.add_all(stage)
        session.flush()
        if stage is data.agenda_items and data.agenda_links:
            session.execute(insert(agenda_item_programme_action), data.agenda_links)
        if stage is figures.indicators and figures.section_links:
            session.execute(insert(indicator_section), figures.section_links)

    counts = {
        "Programma's": 1,
        "Onderdelen": len(programme.sections),
        "Ambities": len(programme.ambitions),
        "Acties programma": len(programme.actions),
        "Verantwoordelijken": len(programme.responsibilities),
        "Organisaties": len(organisations),
        "Personen": len(network.people),
        "Werkgroepen": len(network.groups),
        "Overlegreeksen": len(data.series),
        "Overleggen": len(data.meetings),
        "Agendapunten": len(data.agenda_items),
        "Aanwezigheid": len(data.attendance),
        "Besluiten": len(data.decisions),
        "Actiepunten": len(data.action_items),
        "Voortgangsmeldingen": len(data.updates),
        "Lokale statussen": len(data.local_statuses),
        "Indicatoren": len(figures.indicators),
        "Cijfers": len(figures.measurements),
    }
    return DemoSummary(today=today, programme_title=programme.programme.title, counts=counts)


def create_demo_database(path: Path, today: date | None = None) -> DemoSummary:
    """Create (or open an empty) database at ``path`` and build the demo in one transaction."""
    from ..db import open_database

    database = open_database(path)
    try:
        with database.session() as session:
            return build_demo(session, today or date.today())
    finally:
        database.close()
