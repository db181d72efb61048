"""Word documents of one meeting: the uitnodiging en agenda and the verslag (minutes).

Both take the frozen data of ``services.documents`` and a path; see ``exports/__init__.py`` for the
progress callback and the result object.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..dutch_dates import long_date, short_date
from ..models import ActionKind, MeetingState
from ..services.actions import ActionRow
from ..services.documents import AgendaDocument, DecisionEntry, MeetingHeader, MinutesDocument, OrganisationGroup
from .docx_common import (
    CONFIDENTIAL_COLOR,
    CONFIDENTIAL_LABEL,
    DocxWriter,
    ExportResult,
    Para,
    Progress,
    ProgressCounter,
    Run,
    deadline_text,
    one_line,
    open_template,
)

# The stukken are listed once, under the table ("Bij punt 2: ..."), not in a column of their own as well.
AGENDA_COLUMNS = [("Nr", 0.7), ("Tijd", 2.2), ("Onderwerp", 8.0), ("Doel", 2.9), ("Inbrenger", 3.2)]
PROGRESS_COLUMNS = [("Actie", 5.2), ("Status", 2.4), ("Voortgang", 7.4), ("Planning", 2.0)]
ITEM_ACTION_COLUMNS = [("Nr", 3.0), ("Actie", 7.4), ("Trekker", 3.6), ("Deadline", 2.0)]
ACTION_LIST_COLUMNS = [("Nr", 3.0), ("Actie", 6.0), ("Trekker", 3.2), ("Deadline", 2.0), ("Status", 2.6)]
LATE_COLOR = "C00000"


def header_pairs(header: MeetingHeader, *, with_secretary: bool) -> list[tuple[str, str]]:
    """The header block every meeting document starts with."""
    pairs = [
        ("Overleg", header.series_name or header.kind.label),
        ("Datum", long_date(header.date)),
        ("Tijd", header.time_text),
        ("Locatie", header.location),
        ("Online", header.online_link),
        ("Voorzitter", header.chair),
    ]
    if with_secretary:
        pairs.append(("Notulist", header.secretary))
    return pairs


def export_agenda(
    data: AgendaDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the uitnodiging en agenda: header block and the numbered agenda with clock times and stukken."""
    counter = ProgressCounter(progress, len(data.items) + 2)
    writer = DocxWriter(open_template(template, "agenda"))
    header = data.header
    # The date stands once, in the header block: not in the subtitle nor again in the invitation sentence.
    name = header.series_name or header.kind.label
    writer.title("Uitnodiging en agenda", name)
    pairs: list[tuple[str, str | Sequence[str | Para]]] = [
        pair for pair in header_pairs(header, with_secretary=False) if pair[0] != "Overleg"  # the subtitle says it
    ]
    if data.invitees:
        pairs.append(("Genodigden", _group_paras(data.invitees)))
    if data.regrets_to:
        pairs.append(("Afmelden bij", data.regrets_to))
    writer.key_values(pairs)
    writer.paragraph(f"Hierbij nodigen wij u uit voor het {_lower_first(name)}.")
    counter.step()
    writer.heading("Agenda", 1)
    rows = []
    for item in data.items:
        subject: list[str | Para] = [Para.of(Run(item.title, bold=True))]
        if item.confidential:
            subject.append(Para.of(Run(CONFIDENTIAL_LABEL, bold=True, color=CONFIDENTIAL_COLOR)))
        if item.programme_actions:
            subject.append(Para.of(Run("Acties uit het programma:", italic=True)))
            subject.extend(Para.of(f"•\t{line}", hanging_cm=0.4) for line in item.programme_actions)
        rows.append([item.number, item.time_text, subject, item.purpose.label, item.inbrenger])
    # An item with a long list of programme actions (the Voortgang item: 20 and more) may run on to the next page;
    # kept whole it left most of the first page empty.
    writer.table(AGENDA_COLUMNS, rows, progress=counter.at(1), keep_rows_whole=_short_agenda_row)
    documents = [(item.number, doc) for item in data.items for doc in item.documents]
    if documents:
        writer.heading("Stukken", 2)
        writer.bullets(f"Bij punt {number}: {doc}" for number, doc in documents)
    written = writer.finish(
        path,
        title=f"Agenda {header.title} {short_date(header.date)}",
        author=data.author,
        subject=header.series_name or header.kind.label,
        keywords="agenda, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "agenda", data.omitted, len(data.items))


# Paragraphs in an agenda item's subject up to which its row is never split across pages.
_WHOLE_AGENDA_ROW_PARAGRAPHS = 10


def _short_agenda_row(row: Sequence[object]) -> bool:
    subject = row[2]
    return not isinstance(subject, list) or len(subject) <= _WHOLE_AGENDA_ROW_PARAGRAPHS


def _lower_first(name: str) -> str:
    """``Afstemmingsoverleg GHNT`` after "het": a capital that only starts the name goes (not in "GHNT")."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _group_paras(groups: tuple[OrganisationGroup, ...]) -> list[str | Para]:
    return [
        Para.of(Run(f"{g.organisation}: ", bold=True), ", ".join(g.people)) if g.people else g.organisation
        for g in groups
    ]


def stand_per_meeting(day: date) -> str:
    """The line above the actielijst of a verslag: the day its statuses are of."""
    return f"Stand per {long_date(day, weekday=False)}, de datum van dit overleg; latere voortgang staat hier niet in."


def action_status_text(action: ActionRow, today: date) -> str:
    """Status as the actielijst prints it: label, late, and how often the deadline moved."""
    text = action.status.label
    if action.is_overdue(today):
        text += ", te laat"
    if action.times_postponed:
        text += f" ({action.times_postponed}x uitgesteld)"
    return text


def action_text(action: ActionRow) -> str | Para:
    """The action as a list prints it: toezeggingen named, a confidential one (included on request) marked."""
    text = f"Toezegging: {action.text}" if action.kind == ActionKind.TOEZEGGING else action.text
    if action.confidential:
        return Para.of(Run(f"{CONFIDENTIAL_LABEL}: ", bold=True, color=CONFIDENTIAL_COLOR), text)
    return text


def _action_list_rows(actions: tuple[ActionRow, ...], today: date) -> list[list[str | Para]]:
    rows = []
    for a in actions:
        deadline: str | Para = deadline_text(a)
        if a.is_overdue(today):
            deadline = Para.of(Run(deadline_text(a), bold=True, color=LATE_COLOR))
        rows.append([a.number, action_text(a), a.trekker, deadline, action_status_text(a, today)])
    return rows


def export_verslag(
    data: MinutesDocument, path: Path | str, *, template: Path | str | None = None, progress: Progress = None
) -> ExportResult:
    """Write the verslag: header block with attendance per organisation, per agenda item the notes,
    decisions and action items, then the meeting's full actielijst."""
    counter = ProgressCounter(progress, len(data.items) + len(data.action_list) + 2)
    writer = DocxWriter(open_template(template, "verslag"))
    header = data.header
    approved = header.state == MeetingState.MINUTES_APPROVED
    # A title that is the series and the date ("Tactisch overleg GHNT 1 december 2026") said both twice with the
    # header block below it: then the series is the subtitle and the date stands once, in the block.
    name = header.series_name or header.kind.label
    plain_title = header.title.strip().casefold().startswith(name.strip().casefold())
    writer.title("Verslag" if approved else "Conceptverslag", name if plain_title else header.title)
    if data.approval:
        writer.paragraph(Run(data.approval, italic=True))
    pairs: list[tuple[str, str | Sequence[str | Para]]] = [
        pair for pair in header_pairs(header, with_secretary=True) if not (plain_title and pair[0] == "Overleg")
    ]
    pairs += [
        ("Aanwezig", _group_paras(data.present)),
        ("Afgemeld", _group_paras(data.excused)),
        ("Afwezig", _group_paras(data.absent)),
    ]
    writer.key_values(pairs)
    counter.step()

    writer.heading("Besproken punten", 1)
    for item in data.items:
        entry = item.entry
        writer.heading(f"{entry.number}. {entry.title}", 2)
        meta = [entry.purpose.label]
        if entry.inbrenger:
            meta.append(f"inbrenger: {entry.inbrenger}")
        runs: list[str | Run] = [Run(one_line(" · ".join(meta)), italic=True)]
        if entry.confidential:
            runs.append(Run(f" · {CONFIDENTIAL_LABEL}", bold=True, color=CONFIDENTIAL_COLOR))
        writer.paragraph(*runs)
        if item.guests:
            writer.paragraph(Run("Te gast: ", bold=True), one_line(", ".join(item.guests)))
        writer.note(item.notes)
        if item.progress:
            writer.paragraph(Run("Voortgang per actie", bold=True), keep_next=True)
            writer.table(
                PROGRESS_COLUMNS,
                [
                    [
                        Para.of(Run(p.code, bold=True), f" {p.title}") if p.code else p.title,
                        p.status.label,
                        p.text or "-",
                        p.new_deadline,
                    ]
                    for p in item.progress
                ],
            )
        _decisions_and_actions(writer, item.decisions, item.actions)
        counter.step()
    if data.other_decisions or data.other_actions:
        writer.heading("Overige besluiten en acties", 2)
        _decisions_and_actions(writer, data.other_decisions, data.other_actions)

    writer.heading("Actielijst", 1)
    # The verslag is the record of the meeting: its actions stand as they were then (services.meeting_record).
    writer.paragraph(Run(stand_per_meeting(header.date), italic=True), keep_next=bool(data.action_list))
    if data.action_list:
        base = counter.done
        writer.table(ACTION_LIST_COLUMNS, _action_list_rows(data.action_list, data.today), progress=counter.at(base))
    else:
        writer.paragraph("Er staan geen acties open.")
    written = writer.finish(
        path,
        title=f"Verslag {header.title} {short_date(header.date)}",
        author=data.author,
        subject=header.series_name or header.kind.label,
        keywords="verslag, besluiten, actielijst, GHNT",
        confidential=bool(data.omitted.included),
    )
    counter.finish()
    return ExportResult(written, "verslag", data.omitted, len(data.items))


def decision_text(decision: DecisionEntry) -> tuple[str | Run, ...]:
    """A decision's text as runs, a confidential one (included on request) marked."""
    if decision.confidential:
        return (Run(f"{CONFIDENTIAL_LABEL}: ", bold=True, color=CONFIDENTIAL_COLOR), decision.text)
    return (decision.text,)


def _decisions_and_actions(
    writer: DocxWriter, decisions: Sequence[DecisionEntry], actions: Sequence[ActionRow]
) -> None:
    if decisions:
        # A number wider than the usual indent (one given offline: "AO-2026-4-08 (voorlopig)") widens it, or the
        # tab has no room left and the text runs into the number (about 0.22 cm a bold character).
        hanging = max(2.8, 0.22 * max(len(d.number) for d in decisions))
        writer.paragraph(Run("Besluiten", bold=True), keep_next=True)
        writer.paragraphs(
            Para.of(Run(d.number or "Besluit", bold=True), "\t", *decision_text(d), indent_cm=0.0, hanging_cm=hanging)
            for d in decisions
        )
    if actions:
        writer.paragraph(Run("Actiepunten", bold=True), keep_next=True)
        writer.table(
            ITEM_ACTION_COLUMNS,
            [[a.number, action_text(a), a.trekker, deadline_text(a)] for a in actions],
        )
