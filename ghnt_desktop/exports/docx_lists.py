"""Word lists over meetings: the besluitenlijst of a series and period, and the actielijst grouped per
actielijn, trekker or meeting with how often each action was postponed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..dutch_dates import long_date, short_date
from ..models import EscalationState
from ..services.documents import ActionListDocument, DecisionListDocument
from .docx_common import DocxWriter, ExportResult, Para, Progress, ProgressCounter, Run, deadline_text, open_template
from .docx_meeting import LATE_COLOR, action_text, decision_text

# The escalation state before the meeting it went to.
_ESCALATED_TO = {EscalationState.PROPOSED: "Ter besluitvorming voorgelegd aan", EscalationState.DECIDED: "Besloten in"}
DECISION_COLUMNS = [("Nr", 3.1), ("Datum", 2.0), ("Besluit", 6.1), ("Escalatie", 2.9), ("Uitkomst", 3.1)]
ACTION_COLUMNS = [
    ("Nr", 3.0),
    ("Actie", 5.6),
    ("Trekker", 3.1),
    ("Deadline", 2.0),
    ("Status", 2.0),
    ("Uitgesteld", 1.8),
    ("Stand van zaken", 5.0),
]


def period_text(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"{long_date(date_from, weekday=False)} tot en met {long_date(date_to, weekday=False)}"
    if date_from:
        return f"vanaf {long_date(date_from, weekday=False)}"
    if date_to:
        return f"tot en met {long_date(date_to, weekday=False)}"
    return ""


def export_besluitenlijst(
    data: DecisionListDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the besluitenlijst: number, date, decision, escalation and outcome of every decision."""
    counter = ProgressCounter(progress, len(data.decisions) + 1)
    writer = DocxWriter(open_template(template, "besluitenlijst"))
    period = period_text(data.date_from, data.date_to)
    writer.title(data.title, period)
    writer.heading("Besluiten", 1)
    if not data.decisions:
        writer.paragraph("Er zijn geen besluiten in deze periode.")
    rows = []
    for d in data.decisions:
        escalation: list[str | Para] = []
        if d.escalation != EscalationState.NONE:
            if d.escalated_to:  # the meeting's name says "Bestuurlijk overleg": the state leads into it
                escalation.append(_ESCALATED_TO.get(d.escalation, d.escalation.label))
                escalation.append(Para.of(Run(d.escalated_to, italic=True)))
            else:
                escalation.append(d.escalation.label)
        outcome: list[str | Para] = [d.outcome] if d.outcome else []
        if d.outcome_date:
            outcome.append(Para.of(Run(short_date(d.outcome_date), italic=True)))
        text: str | Para = Para.of(*decision_text(d)) if d.confidential else d.text
        rows.append([d.number, short_date(d.meeting_date), text, escalation or "", outcome or ""])
    if rows:
        writer.table(DECISION_COLUMNS, rows, progress=counter.at(0))
    written = writer.finish(
        path,
        title=f"{data.title} {period}".strip(),
        author=data.author,
        subject=data.series_name,
        keywords="besluitenlijst, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "besluitenlijst", data.omitted, len(data.decisions))


def _count_sentence(count: int, late: int, postponed: int) -> str:
    """"2 acties, waarvan 1 een of meer keren uitgesteld.": a count of nought is not read out ("waarvan 0")."""
    if count == 1:
        said = " en ".join(p for p, n in (("over de deadline", late), ("een of meer keren uitgesteld", postponed)) if n)
        return f"1 actie, {said}." if said else "1 actie, niet over de deadline."
    parts = [f"{late} over de deadline" if late else "", f"{postponed} een of meer keren uitgesteld" if postponed else ""]
    said = " en ".join(p for p in parts if p)
    return f"{count} acties, waarvan {said}." if said else f"{count} acties, geen daarvan over de deadline."


def export_actielijst(
    data: ActionListDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the actielijst: a heading and a table per group (actielijn, trekker or meeting)."""
    counter = ProgressCounter(progress, data.action_count + 1)
    writer = DocxWriter(open_template(template, "actielijst"))
    writer.set_landscape(True)  # seven columns, the stand van zaken among them: as wide as the Excel list
    writer.title(data.title, data.subtitle)
    late = sum(1 for g in data.groups for a in g.actions if a.is_overdue(data.today))
    postponed = sum(1 for g in data.groups for a in g.actions if a.times_postponed)
    if data.action_count:
        writer.paragraph(_count_sentence(data.action_count, late, postponed))
    if not data.groups:
        writer.paragraph("Er zijn geen acties die aan de keuze voldoen.")
    tables = []
    for group in data.groups:
        rows = []
        for a in group.actions:
            overdue = a.is_overdue(data.today)
            deadline: str | Para = deadline_text(a)
            if overdue:
                deadline = Para.of(Run(deadline_text(a), bold=True, color=LATE_COLOR))
            status = a.status.label + (", te laat" if overdue else "")
            times = f"{a.times_postponed}x" if a.times_postponed else "-"
            progress_note = data.progress_texts.get(a.id, "")
            rows.append([a.number, action_text(a), a.trekker, deadline, status, times, progress_note])
        tables.append((group.title, rows))
    every_row = [row for _, rows in tables for row in rows]  # one set of column widths for all the tables
    done = 0
    for title, rows in tables:
        writer.heading(title, 1)
        writer.table(ACTION_COLUMNS, rows, progress=counter.at(done), measure_rows=every_row)
        done += len(rows)
    written = writer.finish(
        path,
        title=f"{data.title} {short_date(data.today)}",
        author=data.author,
        keywords="actielijst, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "actielijst", data.omitted, data.action_count)
