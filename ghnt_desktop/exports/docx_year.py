"""The jaaroverzicht for the bestuurlijk overleg in Word: the year's meetings held, representation per
organisation, decisions and escalations with their outcomes, and action items opened and closed.

Takes the plain data of ``services.year_overview`` and a path, like the other Word exports.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..dutch_dates import short_date
from ..models import EscalationState
from ..services.year_overview import YearOverviewDocument
from .docx_common import (
    CONFIDENTIAL_COLOR,
    CONFIDENTIAL_LABEL,
    DocxWriter,
    ExportResult,
    Para,
    Progress,
    ProgressCounter,
    Run,
    open_template,
)

MEETING_COLUMNS = [("Overleg", 6.0), ("Gehouden", 2.0), ("Data", 8.0)]
REPRESENTATION_COLUMNS = [("Organisatie", 8.0), ("Uitgenodigd", 2.6), ("Vertegenwoordigd", 3.0), ("Percentage", 2.4)]
DECISION_COLUMNS = [("Overleg", 6.0), ("Besluiten", 2.2), ("Voorgelegd aan bestuur", 3.4)]
ESCALATION_COLUMNS = [("Nr", 3.0), ("Besluit", 6.0), ("Voorgelegd aan", 3.4), ("Uitkomst", 4.6)]
ACTION_COLUMNS = [("Overleg", 6.0), ("Nieuw", 2.0), ("Afgerond", 2.2), ("Open eind jaar", 2.8)]


def _dates(days: tuple[date, ...]) -> str:
    return ", ".join(f"{d:%d-%m}" for d in days)


def _percent(share: float | None) -> str:
    return f"{round(100 * share)}%" if share is not None else "-"


def export_jaaroverzicht(
    data: YearOverviewDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the jaaroverzicht: a short summary, then one chapter per subject with its table."""
    counter = ProgressCounter(progress, 6)
    writer = DocxWriter(open_template(template, "jaaroverzicht"))
    region = f"regio {data.region}" if data.region else ""
    writer.title(f"Jaaroverzicht {data.year}", " · ".join(p for p in ("Voor het bestuurlijk overleg", region) if p))
    held = data.meetings_held
    decisions = sum(s.decisions for s in data.series)
    escalated = len(data.escalations)
    opened = sum(s.actions_opened for s in data.series)
    closed = sum(s.actions_closed for s in data.series)
    writer.paragraph(
        f"In {data.year} zijn {held} {'overleg' if held == 1 else 'overleggen'} gehouden in "
        f"{sum(1 for s in data.series if s.meeting_dates)} overlegreeksen. Er zijn {decisions} "
        f"{'besluit' if decisions == 1 else 'besluiten'} genomen, waarvan {escalated} voorgelegd aan het "
        f"bestuurlijk overleg; {opened} {'actie' if opened == 1 else 'acties'} zijn erbij gekomen en {closed} "
        "afgerond."
    )
    if data.omitted.total:
        writer.paragraph(Run(data.omitted.describe(), italic=True))
    counter.step()

    writer.heading("Overleggen", 1)
    rows = [
        [
            s.name,
            str(len(s.meeting_dates)),
            _dates(s.meeting_dates) + (f" ({s.cancelled} geannuleerd)" if s.cancelled else ""),
        ]
        for s in data.series
        if s.meeting_dates or s.cancelled
    ]
    if rows:
        writer.table(MEETING_COLUMNS, rows)
    else:
        writer.paragraph(f"In {data.year} is geen overleg gehouden.")
    counter.step()

    writer.heading("Vertegenwoordiging per organisatie", 1)
    if data.representation:
        writer.paragraph(
            "Per organisatie de gehouden overleggen waarvoor zij was uitgenodigd en hoe vaak zij vertegenwoordigd "
            "was (aanwezig, vervangen of voor een agendapunt); het percentage is vertegenwoordigd gedeeld door "
            "uitgenodigd."
        )
        writer.table(
            REPRESENTATION_COLUMNS,
            [[r.organisation, str(r.invited), str(r.represented), _percent(r.share)] for r in data.representation],
        )
    else:
        writer.paragraph("Er is geen aanwezigheid vastgelegd.")
    counter.step()

    writer.heading("Besluiten en escalaties", 1)
    decided = [s for s in data.series if s.decisions]
    if decided:
        writer.table(DECISION_COLUMNS, [[s.name, str(s.decisions), str(s.escalated)] for s in decided])
    else:
        writer.paragraph(f"In {data.year} zijn geen besluiten vastgelegd.")
    if data.escalations:
        writer.heading("Voorgelegd aan het bestuurlijk overleg", 2)
        rows_e = []
        for d in data.escalations:
            text: str | Para = (
                Para.of(Run(f"{CONFIDENTIAL_LABEL}: ", bold=True, color=CONFIDENTIAL_COLOR), d.text)
                if d.confidential
                else d.text
            )
            outcome: list[str | Para]
            if d.escalation is EscalationState.PROPOSED and not d.outcome:
                outcome = ["Nog geen uitkomst"]
            else:
                outcome = [d.outcome or d.escalation.label]
            if d.outcome_date:
                outcome.append(Para.of(Run(short_date(d.outcome_date), italic=True)))
            rows_e.append([d.number, text, d.escalated_to or "-", outcome])
        writer.table(ESCALATION_COLUMNS, rows_e)
    counter.step()

    writer.heading("Acties", 1)
    acted = [s for s in data.series if s.actions_opened or s.actions_closed or s.actions_open_at_end]
    if acted:
        writer.table(
            ACTION_COLUMNS,
            [[s.name, str(s.actions_opened), str(s.actions_closed), str(s.actions_open_at_end)] for s in acted],
        )
    else:
        writer.paragraph(f"In {data.year} zijn geen acties vastgelegd.")
    counter.step()
    written = writer.finish(
        path,
        title=f"Jaaroverzicht {data.year}",
        author=data.author,
        subject="Bestuurlijk overleg",
        keywords="jaaroverzicht, overleggen, besluiten, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "jaaroverzicht", data.omitted, held)
