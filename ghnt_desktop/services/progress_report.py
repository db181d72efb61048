"""What the voortgangsrapportage and the voortgangsoverzicht per actielijn say: read-only, plain data.

The report follows seed 004 (a real voortgangsrapportage): per actielijn and per ambition (or speerpunt) a
short title and a written narrative, "Wat hebben we gedaan?" as sentences tied to named actions (code and
short title with the progress note of the period), "Wat moeten we nog doen?" from the open actions, late
actions with their original and current deadline, and for a part without news one line with the state of
its actions. Short titles, narratives and which parts are left out are kept with the saved report
(``ProgressReport.texts``, keys from ``services.reports.part_key``); without a text the defaults here apply.

Progress notes that are vertrouwelijk by the one rule of ``services.confidentiality`` are left out unless
asked for, and counted in ``Omitted``.

The voortgangsoverzicht per actielijn (the stuk an afstemmingsoverleg agenda lists) is the same actions as
a table: trekker, deadline as written, status and the latest stand van zaken.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..dutch_dates import short_date
from ..models import ActionItem, ActionStatus, ProgressReport, ProgressUpdate, SectionKind
from . import NotFoundError, ValidationError
from .confidentiality import CONFIDENTIAL_MARK, confidential_scope
from .documents import Omitted, _setting, find_programme_id
from .indicators import FiguresChapter, IndicatorRow, figures_chapter, indicators_per_section
from .programme import AmbitionRow, ProgrammeActionRow, SectionRow, load_programme
from .reports import FIGURES_OMIT, OTHER_ACTIVITIES, READING_GUIDE, SUMMARY, part_key
from .short_titles import default_short_title
from .status_at import status_at

__all__ = [
    "NamedAction",
    "OutlineEntry",
    "OverviewDocument",
    "ProgressReportDocument",
    "ReportLine",
    "ReportPart",
    "StatusCounts",
    "default_short_title",
    "progress_overview_document",
    "progress_report_document",
    "report_outline",
    "state_sentence",
]

# --------------------------------------------------------------------------------------------------
# Short titles
# --------------------------------------------------------------------------------------------------

# Where a long ambition may be cut into a heading: before a parenthesis, a colon, a dash (strong), or after a
# clause (weak: only when no strong cut fits).
# --------------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCounts:
    """Programme actions by state at the end of the period: done, running, not started, late (and cancelled)."""

    done: int = 0
    running: int = 0
    not_started: int = 0
    late: int = 0
    cancelled: int = 0

    @property
    def total(self) -> int:
        return self.done + self.running + self.not_started + self.late + self.cancelled

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(
            self.done + other.done,
            self.running + other.running,
            self.not_started + other.not_started,
            self.late + other.late,
            self.cancelled + other.cancelled,
        )


def _sum(counts: Iterable[StatusCounts]) -> StatusCounts:
    total = StatusCounts()
    for c in counts:
        total = total + c
    return total


# (count attribute, singular verb phrase, plural verb phrase) in the order a sentence names them.
_STATE_PHRASES = (
    ("running", "loopt volgens planning", "lopen volgens planning"),
    ("late", "is vertraagd", "zijn vertraagd"),
    ("not_started", "is nog niet gestart", "zijn nog niet gestart"),
    ("done", "is gereed", "zijn gereed"),
    ("cancelled", "is vervallen", "zijn vervallen"),
)


def state_sentence(counts: StatusCounts) -> str:
    """The state of some actions in one Dutch line: "3 acties lopen volgens planning, 1 is vertraagd."."""
    parts: list[str] = []
    for key, one, many in _STATE_PHRASES:
        value = getattr(counts, key)
        if not value:
            continue
        noun = "" if parts else (" actie" if value == 1 else " acties")
        parts.append(f"{value}{noun} {one if value == 1 else many}")
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return text + "."


_STATE_WORDS = {"done": "gereed", "running": "loopt", "not_started": "nog niet gestart", "late": "vertraagd",
                "cancelled": "vervallen"}  # fmt: skip


@dataclass(frozen=True)
class NamedAction:
    """A programme action as the report names it, with what the period says about it."""

    id: uuid.UUID
    code: str
    short_title: str
    text: str
    trekkers: tuple[str, ...]
    deadline_text: str  # as written in the programme
    status: ActionStatus  # at the end of the period
    state: str  # "done", "running", "not_started", "late", "cancelled"
    done_note: str  # the latest "wat is gedaan" of the period ("" when none)
    todo_note: str  # the latest "wat moet nog" of the period
    latest_note: str  # the latest stand van zaken up to the end of the period (for the overview)
    news: bool  # something was reported in the period
    original_deadline: str  # for a late or postponed action: the deadline first planned
    current_deadline: str  # the deadline now, "" when none was set after the original passed
    postponed: bool
    # The deadline in force at the end of the period (the last day of a period written as text, the later
    # deadline of a postponement): "late" counts from it, and so does ``days_late``. None: no deadline known.
    deadline_end: date | None = None
    days_late: int = 0  # at the end of the period; 0 unless ``state`` is "late"

    @property
    def label(self) -> str:
        return f"{self.code} {self.short_title}".strip()

    @property
    def is_open(self) -> bool:
        return self.state not in ("done", "cancelled")

    @property
    def state_words(self) -> str:
        """The state at the end of the period as the report says it after the action's name."""
        if self.status == ActionStatus.ON_HOLD and self.state in ("running", "late"):
            return "aangehouden" if self.state == "running" else "aangehouden, vertraagd"
        return _STATE_WORDS[self.state]

    @property
    def deadline_moved(self) -> bool:
        """Late or postponed: the report names both deadlines."""
        return self.is_open and (self.state == "late" or self.postponed)


@dataclass(frozen=True)
class ReportPart:
    """An ambition, or a speerpunt with its ambitions: short title, narrative and its named actions."""

    kind: str  # "ambition" or "section" (a speerpunt nested in its actielijn)
    id: uuid.UUID
    title: str
    narrative: str
    actions: tuple[NamedAction, ...]

    @property
    def counts(self) -> StatusCounts:
        counts: dict[str, int] = defaultdict(int)
        for action in self.actions:
            counts[action.state] += 1
        return StatusCounts(**counts)

    @property
    def done(self) -> tuple[NamedAction, ...]:
        return tuple(a for a in self.actions if a.news)

    @property
    def todo(self) -> tuple[NamedAction, ...]:
        return tuple(a for a in self.actions if a.is_open)

    @property
    def has_news(self) -> bool:
        return bool(self.narrative or self.done)


@dataclass(frozen=True)
class ReportLine:
    """An actielijn (or another part of the programme, such as Visie) with its parts."""

    id: uuid.UUID
    title: str
    narrative: str
    is_actielijn: bool
    parts: tuple[ReportPart, ...]

    @property
    def counts(self) -> StatusCounts:
        return _sum(p.counts for p in self.parts)

    @property
    def actions(self) -> tuple[NamedAction, ...]:
        return tuple(a for p in self.parts for a in p.actions)


@dataclass(frozen=True)
class ProgressReportDocument:
    title: str
    subtitle: str
    region: str
    programme_title: str
    reference: str
    version: str
    report_date: date
    contact_person: str
    contact_email: str
    period_from: date
    period_to: date
    introduction: str
    summary: str  # Actieprogramma in het kort
    reading_guide: str  # Leeswijzer
    other_activities: str
    conclusion: str
    outlook: str
    sources: tuple[str, ...]
    lines: tuple[ReportLine, ...]
    omitted: Omitted
    saved_report_id: uuid.UUID | None = None
    left_out: tuple[str, ...] = field(default_factory=tuple)  # parts the user chose to leave out
    # The "Cijfers" chapter (None: no indicators, or left out by choice) and per actielijn its linked indicators.
    figures: FiguresChapter | None = None
    line_indicators: dict[uuid.UUID, tuple[IndicatorRow, ...]] = field(default_factory=dict)

    @property
    def actielijnen(self) -> tuple[ReportLine, ...]:
        return tuple(line for line in self.lines if line.is_actielijn)

    @property
    def other_lines(self) -> tuple[ReportLine, ...]:
        return tuple(line for line in self.lines if not line.is_actielijn)

    @property
    def counts(self) -> StatusCounts:
        return _sum(line.counts for line in self.lines)

    @property
    def late_actions(self) -> tuple[NamedAction, ...]:
        return tuple(a for line in self.lines for a in line.actions if a.deadline_moved)


# --------------------------------------------------------------------------------------------------
# The outline the dialog edits
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutlineEntry:
    """A part of the report the user can retitle, write about or leave out."""

    kind: str  # "section" or "ambition" (the key kind of ``services.reports.part_key``)
    id: uuid.UUID
    level: int  # 1: actielijn or other line, 2: ambition or speerpunt
    default_title: str
    full_text: str  # the ambition or section as written in the programme
    action_count: int


def _nested_speerpunten(sections: tuple[SectionRow, ...]) -> tuple[list[SectionRow], dict[uuid.UUID, list[SectionRow]]]:
    """The top lines of the report and, per actielijn, the speerpunten that share its national line."""
    owner = {s.national_line: s.id for s in sections if s.kind == SectionKind.ACTIELIJN and s.national_line}
    nested: dict[uuid.UUID, list[SectionRow]] = defaultdict(list)
    top = []
    for s in sections:
        if s.kind == SectionKind.SPEERPUNT and s.national_line in owner:
            nested[owner[s.national_line]].append(s)
        else:
            top.append(s)
    return top, nested


def _is_actielijn(section: SectionRow) -> bool:
    return section.kind in (SectionKind.ACTIELIJN, SectionKind.SPEERPUNT)


def report_outline(session: Session, programme_id: uuid.UUID | None = None) -> list[OutlineEntry]:
    """The actielijnen (and other lines) of the programme with their ambitions or speerpunten, in report
    order, each with the default short title the report uses when the user wrote none."""
    tree = load_programme(session, programme_id)
    if tree is None:
        return []
    top, nested = _nested_speerpunten(tree.sections)
    entries = []
    for section in top:
        children: list[OutlineEntry] = [
            OutlineEntry("ambition", a.id, 2, _ambition_title(a), a.text, len(a.actions)) for a in section.ambitions
        ]
        children += [
            OutlineEntry("section", s.id, 2, s.title, "", s.action_count) for s in nested.get(section.id, ())
        ]
        if not children:
            continue
        count = section.action_count + sum(s.action_count for s in nested.get(section.id, ()))
        entries.append(OutlineEntry("section", section.id, 1, section.title, "", count))
        entries.extend(children)
    return entries


def _ambition_title(ambition: AmbitionRow) -> str:
    return default_short_title(ambition.text)


# --------------------------------------------------------------------------------------------------
# Gathering
# --------------------------------------------------------------------------------------------------


def _classify(status: ActionStatus, deadline_end: date | None, on: date) -> str:
    if status == ActionStatus.DONE:
        return "done"
    if status == ActionStatus.CANCELLED:
        return "cancelled"
    if deadline_end is not None and deadline_end < on:
        return "late"
    if status in (ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD):
        return "running"
    return "not_started"


def _deadline_words(when: date | None, text: str) -> str:
    text = " ".join((text or "").split())
    return text or (short_date(when) if when is not None else "")


@dataclass
class _Notes:
    """What the progress rows of one programme action (and its action items) say, gathered in date order."""

    status_at_end: ActionStatus | None = None
    status_after: ActionStatus | None = None  # the first status reported after the period (when none before)
    # The latest note of the period per source (the action itself, or one of its action items): what the
    # programme action's own voortgang says and what a linked actiepunt says are both worth telling.
    # Each note with whether it was written on a linked action item (not on the programme action itself).
    done_by_source: dict[uuid.UUID, tuple[bool, str]] = field(default_factory=dict)
    todo_by_source: dict[uuid.UUID, tuple[bool, str]] = field(default_factory=dict)
    latest: tuple[bool, str] = (False, "")
    news: bool = False
    first_deadline: str = ""  # before the first postponement of a linked action item
    first_deadline_date: date | None = None
    last_deadline: str = ""
    last_deadline_date: date | None = None
    postponed: bool = False

    def status(self, current: ActionStatus) -> ActionStatus:
        """The status at the end of the period, by the one rule (``services.status_at``)."""
        return status_at(self.status_at_end, self.status_after, current)

    def done(self, state: str) -> str:
        return _join_notes(consistent_note(text, state, on_item) for on_item, text in self.done_by_source.values())

    def todo(self, state: str) -> str:
        return _join_notes(consistent_note(text, state, on_item) for on_item, text in self.todo_by_source.values())


# What a note says about the state of the work, by its opening words ("Afgerond.", "Uitgesteld: ...").
_NOTE_STATES = (
    (re.compile(r"^(afgerond|gereed|klaar|voltooid)\b", re.IGNORECASE), "done"),
    (re.compile(r"^vervallen\b", re.IGNORECASE), "cancelled"),
    (re.compile(r"^uitgesteld\b", re.IGNORECASE), "postponed"),  # the deadline moved, the work goes on
    (re.compile(r"^(aangehouden|on hold)\b", re.IGNORECASE), "held"),
    (re.compile(r"^nog niet (gestart|begonnen)\b", re.IGNORECASE), "not_started"),
)
# Which note states contradict the state of the action at the end of the period.
# "held" is an action on hold (running or late by its deadline).
_CONTRADICTS = {
    "done": {"cancelled", "postponed", "held", "not_started"},
    "cancelled": {"done", "postponed", "held", "not_started"},
    "running": {"done", "cancelled", "held", "not_started"},
    "late": {"done", "cancelled", "held", "not_started"},
    "held": {"done", "cancelled", "not_started"},
    "not_started": {"done", "cancelled", "held"},
}


def consistent_note(note: str, state: str, on_item: bool = False) -> str:
    """``note`` as the report may quote it for an action in ``state`` at the end of the period: "" when it says
    something else about the state ("Uitgesteld" for an action that is gereed, "Afgerond." for one still open),
    so a report never reads "Uitgesteld ... Afgerond.". A linked actiepunt that was finished is told as such:
    its "Afgerond." is about the actiepunt, not the programme action."""
    text = note.removeprefix(f"{CONFIDENTIAL_MARK}: ")
    said = next((kind for pattern, kind in _NOTE_STATES if pattern.match(text)), None)
    if said is None or said not in _CONTRADICTS.get(state, set()):
        return note
    if on_item and said == "done" and state in ("running", "late", "held", "not_started"):
        return note[: len(note) - len(text)] + "Een actiepunt hierbij is afgerond."
    return ""


def _join_notes(notes: Iterable[str]) -> str:
    """Notes as one text, each a sentence, in the order they were written, each once."""
    seen: list[str] = []
    for note in notes:
        text = note if not note or note[-1] in ".!?" else note + "."
        if text and text not in seen:
            seen.append(text)
    return " ".join(seen)


def _gather_notes(
    session: Session,
    action_ids: set[uuid.UUID],
    period_from: date,
    period_to: date,
    include_confidential: bool,
) -> tuple[dict[uuid.UUID, _Notes], int, int]:
    """Per programme action: the notes of the period, its status at the end and its deadline history, from its
    own progress rows and those of action items linked to it. Also (left out, included) confidential rows."""
    subject = func.coalesce(ProgressUpdate.programme_action_id, ActionItem.programme_action_id)
    scope = confidential_scope(session)
    rows = session.execute(
        select(
            subject,
            ProgressUpdate.programme_action_id,
            ProgressUpdate.action_item_id,
            ProgressUpdate.date,
            ProgressUpdate.status,
            ProgressUpdate.done_text,
            ProgressUpdate.todo_text,
            ProgressUpdate.id,
            ProgressUpdate.postponed,
            ProgressUpdate.previous_deadline,
            ProgressUpdate.new_deadline,
            ProgressUpdate.new_deadline_text,
        )
        .outerjoin(ActionItem, ProgressUpdate.action_item_id == ActionItem.id)
        .where(subject.is_not(None))
        .order_by(ProgressUpdate.date, ProgressUpdate.created_at)
    ).all()
    notes: dict[uuid.UUID, _Notes] = defaultdict(_Notes)
    omitted = included = 0
    for row in rows:
        (action_id, direct_id, item_id, when, status, done_text, todo_text, update_id, postponed, before, after,
         after_text) = row  # fmt: skip
        source = item_id or action_id
        if action_id not in action_ids:
            continue  # an action of another programme
        if when > period_to:
            # After the period: only what it tells about the status at the end of the period.
            later = notes[action_id]
            if direct_id is not None and later.status_at_end is None and later.status_after is None:
                later.status_after = status
            continue
        confidential = scope.update(update_id)
        in_period = when >= period_from
        note = notes[action_id]
        # The status and the deadlines are the action's own (public, shown in Overzicht and Acties); only the texts
        # of a vertrouwelijke note stay out. Skipping the whole row made a report show an action as running that a
        # vertrouwelijk recorded update had closed, and lose its postponement.
        if direct_id is not None:
            note.status_at_end = status  # the last status reported up to the end of the period
        if postponed:
            if not note.postponed:
                note.first_deadline_date, note.first_deadline = before, _deadline_words(before, "")
            note.postponed = True
            note.last_deadline_date, note.last_deadline = after, _deadline_words(after, after_text)
        if confidential and not include_confidential:
            omitted += in_period
            continue
        mark = f"{CONFIDENTIAL_MARK}: " if confidential else ""
        done = " ".join((done_text or "").split())
        todo = " ".join((todo_text or "").split())
        if done or todo:
            note.latest = (direct_id is None, mark + (done or todo))
        if not in_period:
            continue
        included += confidential
        note.news = note.news or bool(done) or (direct_id is not None and status == ActionStatus.DONE)
        # Moved to the end, so the sources keep the order of their latest notes.
        on_item = direct_id is None
        if done:
            note.done_by_source.pop(source, None)
            note.done_by_source[source] = (on_item, mark + done)
        if todo:
            note.todo_by_source.pop(source, None)
            note.todo_by_source[source] = (on_item, mark + todo)
    return notes, omitted, included


def _named(action: ProgrammeActionRow, note: _Notes | None, period_to: date) -> NamedAction:
    note = note or _Notes()
    status = note.status(action.status)
    # Late is measured against the deadline in force: a postponement (of a linked actiepunt) to a later date
    # moves it, so an action postponed to a date that has passed too is late, counted from that date.
    in_force = action.deadline_end
    moved_later = note.postponed and note.last_deadline_date is not None and (
        in_force is None or note.last_deadline_date > in_force
    )
    if moved_later:
        in_force = note.last_deadline_date
    state = _classify(status, in_force, period_to)
    # The state the notes must agree with: on hold is its own state for them.
    note_state = "held" if status == ActionStatus.ON_HOLD and state in ("running", "late") else state
    done_note = note.done(note_state)
    original = _deadline_words(None, action.deadline_text) or note.first_deadline
    current = ""
    if note.postponed and note.last_deadline and (moved_later or note.last_deadline_date is None):
        current = note.last_deadline
    elif state != "late":
        current = original
    return NamedAction(
        id=action.id,
        code=action.code,
        short_title=_capitalised(default_short_title(action.text, limit=80)),
        text=action.text,
        trekkers=action.responsibility.trekkers,
        deadline_text=action.deadline_text,
        status=status,
        state=state,
        done_note=done_note,
        # An action closed at the end of the period has nothing left to do.
        todo_note=note.todo(note_state) if state not in ("done", "cancelled") else "",
        latest_note=consistent_note(note.latest[1], note_state, note.latest[0]),
        # "Wat hebben we gedaan?" names an action for its note of the period, or for being closed in it.
        news=note.news and (bool(done_note) or state in ("done", "cancelled")),
        original_deadline=original,
        current_deadline=current,
        postponed=note.postponed and bool(original),
        deadline_end=in_force,
        days_late=(period_to - in_force).days if state == "late" and in_force is not None else 0,
    )


def _capitalised(title: str) -> str:
    """A sub-action written as the rest of its parent's sentence ("de visie voor te leggen") as a title."""
    return title[:1].upper() + title[1:]


def _period(
    report: ProgressReport | None, date_from: date | None, date_to: date | None, today: date
) -> tuple[date, date]:
    period_to = date_to or (report.period_to if report else None) or today
    period_from = date_from or (report.period_from if report else None) or (period_to - timedelta(days=182))
    if period_from > period_to:
        raise ValidationError("De periode klopt niet: de begindatum ligt na de einddatum.")
    return period_from, period_to


def _programme_phrase(title: str) -> str:
    """The programme as a sentence names it: its own title when that already says what it is."""
    title = " ".join(title.split())
    if "programma" in title.casefold():  # "Regionaal actieprogramma ...": a name, kept as written
        return f"het {title}"
    return f"het regionale actieprogramma {title}"


def _dutch_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


_NUMBER_WORDS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht"}


def _count_word(n: int) -> str:
    return _NUMBER_WORDS.get(n, str(n))


def progress_report_document(
    session: Session,
    *,
    report_id: uuid.UUID | None = None,
    programme_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    include_confidential: bool = False,
    today: date | None = None,
    figures: bool = True,
) -> ProgressReportDocument:
    """The voortgangsrapportage of a saved report (metadata, period and texts) or, without one, of the last
    six months with default texts. ``date_from``/``date_to`` given with a saved report override its period.

    With ``figures`` (and indicators to show, and the saved report not leaving them out: ``FIGURES_OMIT``) the
    report has a "Cijfers" chapter of the indicators of its programme and per actielijn its linked indicators;
    vertrouwelijke indicators are left out by the one rule unless ``include_confidential``, and counted in
    ``omitted``.
    """
    today = today or date.today()
    report = session.get(ProgressReport, report_id) if report_id is not None else None
    if report_id is not None and report is None:
        raise NotFoundError("Deze voortgangsrapportage bestaat niet (meer).")
    if report is not None and report.programme_id is not None and programme_id is None:
        programme_id = report.programme_id
    if programme_id is None:
        programme_id = find_programme_id(session)
    tree = load_programme(session, programme_id)
    if tree is None:
        raise NotFoundError("Dit actieprogramma bestaat niet (meer).")
    period_from, period_to = _period(report, date_from, date_to, today)
    texts: dict[str, str] = dict((report.texts if report else None) or {})

    action_ids = {a.id for s in tree.sections for amb in s.ambitions for a in amb.actions}
    notes, omitted, included = _gather_notes(session, action_ids, period_from, period_to, include_confidential)

    def text(kind: str, part_id: uuid.UUID, name: str) -> str:
        return texts.get(part_key(kind, part_id, name), "")

    def named(ambitions: Iterable[AmbitionRow]) -> tuple[NamedAction, ...]:
        return tuple(_named(a, notes.get(a.id), period_to) for amb in ambitions for a in amb.actions)

    top, nested = _nested_speerpunten(tree.sections)
    lines = []
    left_out = []
    for section in top:
        if text("section", section.id, "omit"):
            left_out.append(text("section", section.id, "title") or section.title)
            continue
        parts = []
        for ambition in section.ambitions:
            title = text("ambition", ambition.id, "title") or _ambition_title(ambition)
            if text("ambition", ambition.id, "omit"):
                left_out.append(title)
                continue
            parts.append(ReportPart("ambition", ambition.id, title, text("ambition", ambition.id, "narrative"),
                                    named([ambition])))  # fmt: skip
        for speerpunt in nested.get(section.id, ()):
            title = text("section", speerpunt.id, "title") or speerpunt.title
            if text("section", speerpunt.id, "omit"):
                left_out.append(title)
                continue
            parts.append(ReportPart("section", speerpunt.id, title, text("section", speerpunt.id, "narrative"),
                                    named(speerpunt.ambitions)))  # fmt: skip
        # A part with nothing to say and nothing to follow (no actions, no narrative) is not written.
        parts = [p for p in parts if p.actions or p.narrative]
        narrative = text("section", section.id, "narrative")
        if not parts and not narrative:
            continue
        title = text("section", section.id, "title") or section.title
        lines.append(ReportLine(section.id, title, narrative, _is_actielijn(section), tuple(parts)))

    programme = tree.programme
    period_text = f"{short_date(period_from)} tot en met {short_date(period_to)}"
    total = _sum(line.counts for line in lines)
    actielijnen = [line for line in lines if line.is_actielijn]
    default_intro = (
        f"Deze rapportage beschrijft de voortgang van {_programme_phrase(programme.title)} in de periode "
        f"{period_text}: wat we per actielijn hebben gedaan, wat we nog moeten doen en waar het programma "
        "achterloopt."
    )
    in_lines = sum(len(line.actions) for line in actielijnen)
    others = [line for line in lines if not line.is_actielijn and line.actions]
    summary_lines = [
        f"Het actieprogramma is opgebouwd langs {_count_word(len(actielijnen))} "
        f"{'actielijn' if len(actielijnen) == 1 else 'actielijnen'} met samen {in_lines} "
        f"{'actie' if in_lines == 1 else 'acties'}."
    ]
    if others:
        rest = total.total - in_lines
        summary_lines[0] += (
            f" Daarnaast {'staat er 1 actie' if rest == 1 else f'staan er {rest} acties'} bij "
            + _dutch_list([line.title for line in others])
            + "."
        )
    for line in actielijnen:
        part_count, action_count = len(line.parts), len(line.actions)
        summary_lines.append(
            f"- {line.title}: {part_count} {'ambitie' if part_count == 1 else 'ambities'}, "
            f"{action_count} {'actie' if action_count == 1 else 'acties'}"
        )
    default_summary = "\n".join(summary_lines)
    chapter, line_indicators, left_out_indicators = _figures(
        session,
        tree.programme.id,
        tree.programme.period_start,
        period_to,
        include_confidential,
        figures and not texts.get(FIGURES_OMIT),
    )
    figures_sentence = ""
    if chapter is not None:
        figures_sentence = (
            " Eerst laten we in het hoofdstuk Cijfers zien hoe de indicatoren van het programma zich ontwikkelen: "
            "per indicator de metingen, de verandering, de streefwaarde en of de indicator op koers ligt."
        )
    default_guide = (
        f"In deze voortgangsrapportage rapporteren we over de periode {period_text}.{figures_sentence} "
        f"{'Vervolgens' if chapter is not None else 'Na deze inleiding'} leest u "
        "per actielijn en per ambitie wat we hebben gedaan en wat we nog moeten doen. Daarna volgen de overige "
        "activiteiten. We sluiten af met een conclusie, een vooruitblik en de acties die vertraagd zijn."
    )
    included_indicators = (
        sum(1 for s in chapter.sections for i in s.indicators if i.confidential) if chapter is not None else 0
    )
    moved = [a for line in lines for a in line.actions if a.deadline_moved]
    postponed = sum(a.state != "late" for a in moved)
    default_conclusion = (
        f"Van de {total.total} acties in het programma zijn er {total.done} gereed, lopen er {total.running} "
        f"volgens planning, zijn er {total.not_started} nog niet gestart en zijn er {total.late} vertraagd."
    )
    if postponed:
        default_conclusion += (
            f" {'Eén andere actie is' if postponed == 1 else f'{postponed} andere acties zijn'} uitgesteld."
        )
    if moved:
        default_conclusion += (
            " De vertraagde en uitgestelde acties staan hieronder met hun oorspronkelijke en huidige termijn."
        )
    default_outlook = (
        "In de volgende periode richten we ons op de acties die nog niet zijn gestart of vertraagd zijn."
    )

    def free(key: str, default: str) -> str:
        return texts.get(key, "") or default

    region = programme.region or _setting(session, "region")
    return ProgressReportDocument(
        title=(report.title if report else "") or f"Voortgang {programme.title}",
        subtitle=f"Rapportage over {period_text}",
        region=region,
        programme_title=programme.title,
        reference=report.reference if report else "",
        version=(report.version if report else "") or "Concept",
        report_date=(report.report_date if report else None) or today,
        contact_person=report.contact_person if report else "",
        contact_email=report.contact_email if report else "",
        period_from=period_from,
        period_to=period_to,
        introduction=(report.introduction if report else "") or default_intro,
        summary=free(SUMMARY, default_summary),
        reading_guide=free(READING_GUIDE, default_guide),
        other_activities=free(OTHER_ACTIVITIES, ""),
        conclusion=(report.conclusion if report else "") or default_conclusion,
        outlook=(report.outlook if report else "") or default_outlook,
        sources=tuple(str(s) for s in ((report.sources if report else None) or ()) if str(s).strip()),
        lines=tuple(lines),
        omitted=Omitted(
            updates=omitted,
            indicators=left_out_indicators,
            included=included + included_indicators,
            included_indicators=included_indicators,
        ),
        saved_report_id=report.id if report else None,
        left_out=tuple(left_out),
        figures=chapter,
        line_indicators=line_indicators,
    )


TREND_YEARS = 5  # the least number of years the figures chapter shows


def _figures(
    session: Session,
    programme_id: uuid.UUID,
    programme_start: int | None,
    period_to: date,
    include_confidential: bool,
    wanted: bool,
) -> tuple[FiguresChapter | None, dict[uuid.UUID, tuple[IndicatorRow, ...]], int]:
    """The report's figures chapter (None when it would be empty or is not wanted), per section its linked
    indicators and how many vertrouwelijke indicators were left out (through the one rule).

    The chapter shows the years up to the end of the report's period, from the programme's start or, when that is
    later, from five years before: a trend needs the years before (seed 004 shows several years)."""
    if not wanted:
        return None, {}, 0
    first_year = period_to.year - (TREND_YEARS - 1)
    if programme_start is not None and programme_start < first_year:
        first_year = programme_start
    chapter = figures_chapter(
        session,
        include_confidential=include_confidential,
        first_year=first_year,
        last_year=period_to.year,
        programme_id=programme_id,
        up_to=period_to,
    )
    if chapter.empty:
        return None, {}, chapter.left_out_confidential
    per_section = {
        group.section_id: group.indicators
        for group in indicators_per_section(session, include_confidential=include_confidential, up_to=period_to)
        if group.section_id is not None
    }
    return chapter, per_section, chapter.left_out_confidential


# --------------------------------------------------------------------------------------------------
# Voortgangsoverzicht per actielijn
# --------------------------------------------------------------------------------------------------

STATE_LABELS = {
    "done": "Gereed",
    "running": "Loopt",
    "not_started": "Niet gestart",
    "late": "Vertraagd",
    "cancelled": "Vervallen",
}


@dataclass(frozen=True)
class OverviewDocument:
    """Per actielijn its actions with trekker, deadline as written, status and latest stand van zaken."""

    title: str
    programme_title: str
    region: str
    on: date
    lines: tuple[ReportLine, ...]
    omitted: Omitted


def progress_overview_document(
    session: Session,
    *,
    programme_id: uuid.UUID | None = None,
    include_confidential: bool = False,
    today: date | None = None,
) -> OverviewDocument:
    """The voortgangsoverzicht per actielijn as of ``today``: every action of the programme, the stand van
    zaken being its latest progress note that is not vertrouwelijk (unless asked)."""
    on = today or date.today()
    if programme_id is None:
        programme_id = find_programme_id(session)
    tree = load_programme(session, programme_id)
    if tree is None:
        raise NotFoundError("Dit actieprogramma bestaat niet (meer).")
    action_ids = {a.id for s in tree.sections for amb in s.ambitions for a in amb.actions}
    notes, omitted, included = _gather_notes(session, action_ids, date.min, on, include_confidential)
    top, nested = _nested_speerpunten(tree.sections)
    lines = []
    for section in top:
        ambitions = list(section.ambitions) + [a for s in nested.get(section.id, ()) for a in s.ambitions]
        actions = tuple(_named(a, notes.get(a.id), on) for amb in ambitions for a in amb.actions)
        if actions:
            part = ReportPart("section", section.id, section.title, "", actions)
            lines.append(ReportLine(section.id, section.title, "", _is_actielijn(section), (part,)))
    programme = tree.programme
    return OverviewDocument(
        title="Voortgangsoverzicht per actielijn",
        programme_title=programme.title,
        region=programme.region or _setting(session, "region"),
        on=on,
        lines=tuple(lines),
        omitted=Omitted(updates=omitted, included=included),
    )

