"""Read-only data gathering for the Word documents: one frozen dataclass tree per document.

Each ``*_document`` function reads what a document needs in a few column queries and returns plain
data, so an export can run in a worker thread without a session. What is vertrouwelijk is decided by
the one rule of ``services.confidentiality`` (a record is confidential when it or anything it belongs to
is flagged); it is left out unless ``include_confidential`` is set. What was left out, and what
confidential content was included (so the document can carry a banner), is counted in ``Omitted``.

Action items always come from ``services.actions.list_action_items``, so every document agrees with
the actions view on trekker, actielijn and postponement count.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..dutch_dates import long_date, short_date
from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    AgendaPurpose,
    Ambition,
    AppSetting,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    CarriedAction,
    Decision,
    EscalationState,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    Person,
    Programme,
    ProgrammeAction,
    ProgressReport,
    ProgressUpdate,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    StoredDocument,
    agenda_item_programme_action,
)
from . import NotFoundError, ValidationError
from .actions import (
    ActionFilter,
    ActionRow,
    bracketed_organisation,
    latest_progress_texts,
    list_action_items,
)
from .confidentiality import ConfidentialScope, confidential_scope, neutral_escalation_title
from .meeting_record import approval_of, rows_as_of, rows_on
from .short_titles import default_short_title

NO_ORGANISATION = "Overig"

# --------------------------------------------------------------------------------------------------
# Shared pieces
# --------------------------------------------------------------------------------------------------


def _dutch_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


@dataclass(frozen=True)
class Omitted:
    """What a document leaves out because it is vertrouwelijk, per kind, and what it includes when asked."""

    agenda_items: int = 0
    decisions: int = 0
    actions: int = 0
    updates: int = 0
    toezeggingen: int = 0
    guests: int = 0
    documents: int = 0  # stukken of a confidential agenda item
    indicators: int = 0  # vertrouwelijke indicators (with all their figures)
    neutral_titles: int = 0  # escalated confidential decisions shown under a neutral title
    included: int = 0  # confidential records included on request (the document is then marked)
    included_indicators: int = 0  # of ``included``: vertrouwelijke indicators

    _KINDS = (
        ("agenda_items", "agendapunt", "agendapunten"),
        ("decisions", "besluit", "besluiten"),
        ("actions", "actie", "acties"),
        ("toezeggingen", "toezegging", "toezeggingen"),
        ("updates", "voortgangsnotitie", "voortgangsnotities"),
        ("guests", "gast", "gasten"),
        ("documents", "stuk", "stukken"),
        ("indicators", "indicator", "indicatoren"),
    )

    @property
    def total(self) -> int:
        return sum(int(getattr(self, name)) for name, _one, _many in self._KINDS) + self.neutral_titles

    def counts(self) -> dict[str, int]:
        """What was left out per kind (Dutch plural label -> count), only kinds with a count."""
        counts = {many: getattr(self, name) for name, _one, many in self._KINDS if getattr(self, name)}
        if self.neutral_titles:
            counts["neutrale titels"] = self.neutral_titles
        return counts

    def describe(self) -> str:
        """A Dutch sentence for the export dialog and the command line; empty when nothing was left out."""
        parts = []
        for name, one, many in self._KINDS:
            count = getattr(self, name)
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        sentences = []
        if parts:
            sentences.append(f"Weggelaten omdat ze vertrouwelijk zijn: {_dutch_list(parts)}.")
        if self.neutral_titles:
            single = self.neutral_titles == 1
            sentences.append(
                f"{self.neutral_titles} {'voorgelegd besluit staat' if single else 'voorgelegde besluiten staan'} "
                "alleen met een neutrale titel op de agenda, omdat ze vertrouwelijk zijn."
            )
        return " ".join(sentences)

    def describe_included(self) -> str:
        """The Dutch warning when confidential content was included; empty when none was."""
        if not self.included:
            return ""
        among = ""
        if self.included_indicators:
            count = self.included_indicators
            among = f" (waarvan {count} {'indicator' if count == 1 else 'indicatoren'} met hun cijfers)"
        return (
            f"Let op: dit document bevat {self.included} vertrouwelijke "
            f"{'onderdeel' if self.included == 1 else 'onderdelen'}{among}. Het is gemarkeerd als Vertrouwelijk; "
            "verspreid het alleen onder wie het mag lezen."
        )


@dataclass(frozen=True)
class MeetingHeader:
    """The header block of an agenda or verslag."""

    id: uuid.UUID
    title: str
    series_name: str
    series_code: str
    kind: MeetingKind
    date: date
    start_time: time | None
    end_time: time | None
    location: str
    online_link: str
    chair: str
    secretary: str
    state: MeetingState
    number_in_year: int

    @property
    def time_text(self) -> str:
        """``13.30 - 15.30 uur`` (or only the start)."""
        if self.start_time is None:
            return ""
        start = f"{self.start_time.hour:02d}.{self.start_time.minute:02d}"
        if self.end_time is None:
            return f"{start} uur"
        return f"{start} - {self.end_time.hour:02d}.{self.end_time.minute:02d} uur"


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda point with its clock times."""

    id: uuid.UUID
    number: str
    title: str
    purpose: AgendaPurpose
    inbrenger: str
    planned_minutes: int
    start: time | None
    end: time | None
    documents: tuple[str, ...]
    confidential: bool
    standard_item: str | None
    # The programme actions under review at this item ("C1-1 Projectleider brengt stand van zaken in kaart").
    programme_actions: tuple[str, ...] = ()

    @property
    def time_text(self) -> str:
        if self.start is None:
            return ""
        text = f"{self.start.hour:02d}.{self.start.minute:02d}"
        if self.end is not None:
            text += f"-{self.end.hour:02d}.{self.end.minute:02d}"
        return text


@dataclass(frozen=True)
class AgendaDocument:
    header: MeetingHeader
    items: tuple[AgendaEntry, ...]
    omitted: Omitted
    author: str
    invitees: tuple[OrganisationGroup, ...] = ()  # the members invited, per organisation
    regrets_to: str = ""  # "Ineke Wolters (i.wolters@groningen.nl)": who takes an afmelding


@dataclass(frozen=True)
class OrganisationGroup:
    """The people of one organisation under aanwezig, afgemeld or afwezig."""

    organisation: str
    people: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"{self.organisation}: {', '.join(self.people)}" if self.people else self.organisation


@dataclass(frozen=True)
class DecisionEntry:
    """A besluit as the verslag and the besluitenlijst print it."""

    id: uuid.UUID
    number: str
    meeting_date: date
    meeting_title: str
    series_name: str
    agenda_item_id: uuid.UUID | None
    text: str
    confidential: bool
    escalation: EscalationState
    escalated_to: str
    outcome: str
    outcome_date: date | None


@dataclass(frozen=True)
class ProgressLine:
    """The voortgang of one programme action as recorded at an agenda item."""

    code: str
    title: str
    status: ActionStatus
    text: str  # done and still to do, as recorded
    new_deadline: str


@dataclass(frozen=True)
class MinutesItem:
    entry: AgendaEntry
    notes: str
    guests: tuple[str, ...]
    decisions: tuple[DecisionEntry, ...]
    actions: tuple[ActionRow, ...]
    progress: tuple[ProgressLine, ...] = ()


@dataclass(frozen=True)
class MinutesDocument:
    header: MeetingHeader
    present: tuple[OrganisationGroup, ...]
    excused: tuple[OrganisationGroup, ...]
    absent: tuple[OrganisationGroup, ...]
    items: tuple[MinutesItem, ...]
    other_decisions: tuple[DecisionEntry, ...]  # recorded without an agenda item
    other_actions: tuple[ActionRow, ...]
    action_list: tuple[ActionRow, ...]  # the meeting's full actielijst
    today: date
    omitted: Omitted
    author: str
    approval: str = ""  # "Vastgesteld op 11 juni 2020 in Afstemmingsoverleg GHNT" for a vastgesteld verslag


@dataclass(frozen=True)
class DecisionListDocument:
    title: str
    series_name: str
    date_from: date | None
    date_to: date | None
    decisions: tuple[DecisionEntry, ...]
    omitted: Omitted
    author: str


@dataclass(frozen=True)
class ActionGroup:
    title: str
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class ActionListDocument:
    title: str
    subtitle: str
    group_by: str  # "actielijn", "trekker" or "overleg"
    groups: tuple[ActionGroup, ...]
    open_only: bool
    today: date
    omitted: Omitted
    author: str
    # Latest progress note per action that is not vertrouwelijk (services.actions.latest_progress_texts).
    progress_texts: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def action_count(self) -> int:
        return sum(len(g.actions) for g in self.groups)


@dataclass(frozen=True)
class ProgrammeActionLine:
    code: str
    text: str
    deadline_text: str
    level: int  # 0 for an action, 1 for a sub-action
    status: ActionStatus


@dataclass(frozen=True)
class ProgrammeRow:
    """A row of the programme table: an ambition (or its continuation) with actions of one responsibility."""

    ambition_id: uuid.UUID
    ambition_code: str
    ambition_text: str
    sub_points: tuple[str, ...]
    reference: str
    first_of_ambition: bool
    actions: tuple[ProgrammeActionLine, ...]
    responsible: tuple[str, ...]
    trekkers: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeSectionRows:
    title: str
    kind: SectionKind
    rows: tuple[ProgrammeRow, ...]


@dataclass(frozen=True)
class ProgrammeDocument:
    title: str
    region: str
    period: str
    sections: tuple[ProgrammeSectionRows, ...]
    action_count: int
    omitted: Omitted
    author: str


# --------------------------------------------------------------------------------------------------
# Look-ups used by the command line and the export dialog
# --------------------------------------------------------------------------------------------------


def _parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text).strip())
    except (ValueError, AttributeError):
        return None


def find_meeting_id(session: Session, text: str) -> uuid.UUID:
    """The id of the meeting ``text`` names (its id, or a unique start of it of at least 8 characters)."""
    text = (text or "").strip()
    wanted = _parse_uuid(text)
    if wanted is not None and session.get(Meeting, wanted) is not None:
        return wanted
    if wanted is None and len(text) >= 8:
        compact = text.replace("-", "").lower()
        matches = [i for i in session.scalars(select(Meeting.id)) if i.hex.startswith(compact)]
        if len(matches) == 1:
            return matches[0]
    raise NotFoundError(f"Er is geen overleg met id {text!r}. Zoek het id op met 'ghnt-desktop list meetings'.")


def find_series_id(session: Session, text: str) -> uuid.UUID:
    """The series ``text`` names: its id, code or name (case-insensitive)."""
    wanted = (text or "").strip()
    as_id = _parse_uuid(wanted)
    for series_id, name, code in session.execute(select(MeetingSeries.id, MeetingSeries.name, MeetingSeries.code)):
        if series_id == as_id or wanted.casefold() in (name.casefold(), (code or "").casefold()):
            return series_id
    raise NotFoundError(f"Er is geen overlegreeks {wanted!r} (zoek op naam, code of id).")


def find_organisation_id(session: Session, text: str) -> uuid.UUID:
    """The organisation ``text`` names: its id, name or abbreviation (case-insensitive)."""
    wanted = (text or "").strip()
    as_id = _parse_uuid(wanted)
    rows = session.execute(select(Organisation.id, Organisation.name, Organisation.abbreviation))
    for org_id, name, abbreviation in rows:
        if org_id == as_id or wanted.casefold() in (name.casefold(), (abbreviation or "").casefold()):
            return org_id
    raise NotFoundError(f"Er is geen organisatie {wanted!r}.")


def find_programme_id(session: Session, text: str | None = None) -> uuid.UUID:
    """The programme ``text`` names (id or title), else the current programme (``services.programme_scope``)."""
    rows = session.execute(
        select(Programme.id, Programme.title, Programme.status, Programme.period_start).order_by(
            Programme.period_start.desc().nulls_last(), Programme.created_at.desc()
        )
    ).all()
    if not rows:
        raise NotFoundError("Er is nog geen actieprogramma in deze database.")
    if text:
        as_id = _parse_uuid(text)
        for programme_id, title, _status, _start in rows:
            if programme_id == as_id or title.casefold() == text.strip().casefold():
                return programme_id
        raise NotFoundError(f"Er is geen actieprogramma {text!r}.")
    from .programme_scope import current_programme_id

    current = current_programme_id(session)  # the one chosen in the app, else the running one
    return current if current is not None else rows[0][0]


def find_report_id(session: Session, text: str) -> uuid.UUID:
    """The saved voortgangsrapportage ``text`` names: its id, title or kenmerk."""
    wanted = (text or "").strip()
    as_id = _parse_uuid(wanted)
    rows = session.execute(select(ProgressReport.id, ProgressReport.title, ProgressReport.reference))
    for report_id, title, reference in rows:
        if report_id == as_id or wanted.casefold() in (title.casefold(), (reference or "").casefold()):
            return report_id
    raise NotFoundError(f"Er is geen opgeslagen voortgangsrapportage {wanted!r}.")


TEMPLATE_SETTING = "word_template.{kind}"


def template_setting(session: Session, kind: str) -> Path | None:
    """The Word template the user chose for ``kind`` (kept with the data), or None for the default."""
    value = session.get(AppSetting, TEMPLATE_SETTING.format(kind=kind))
    return Path(value.value) if value is not None and value.value.strip() else None


def _setting(session: Session, key: str, default: str = "") -> str:
    value = session.get(AppSetting, key)
    return value.value if value is not None and value.value else default


# --------------------------------------------------------------------------------------------------
# Meetings: header, agenda, attendance
# --------------------------------------------------------------------------------------------------


def meeting_header(session: Session, meeting_id: uuid.UUID) -> MeetingHeader:
    """The header block of a meeting; ``NotFoundError`` when it does not exist."""
    chair = aliased(Person)
    secretary = aliased(Person)
    row = session.execute(
        select(
            Meeting.id,
            Meeting.title,
            func.coalesce(MeetingSeries.name, ""),
            func.coalesce(MeetingSeries.code, ""),
            Meeting.kind,
            Meeting.date,
            Meeting.start_time,
            Meeting.end_time,
            Meeting.location,
            Meeting.online_link,
            func.coalesce(chair.name, ""),
            func.coalesce(secretary.name, ""),
            Meeting.state,
            Meeting.number_in_year,
        )
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .outerjoin(chair, Meeting.chair_id == chair.id)
        .outerjoin(secretary, Meeting.secretary_id == secretary.id)
        .where(Meeting.id == meeting_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError("Dit overleg bestaat niet (meer).")
    values: Sequence[Any] = row  # 15 columns, made into the header positionally
    return MeetingHeader(*values)


def _add_minutes(start: time, minutes: int) -> time:
    moment = datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=max(minutes, 0))
    return moment.time() if moment.date() == date(2000, 1, 1) else time(23, 59)


def _document_titles(documents: Iterable[object] | None) -> tuple[str, ...]:
    titles = []
    for doc in documents or ():
        if isinstance(doc, dict):
            title = str(doc.get("title") or doc.get("location") or "").strip()
        else:
            title = str(doc).strip()
        if title:
            titles.append(title)
    return tuple(titles)


def _clock_times(
    session: Session, meeting_id: uuid.UUID, start: time | None, items: list[tuple[uuid.UUID, int]]
) -> dict[uuid.UUID, tuple[time | None, time | None]]:
    """Start and end of every item: from the agenda service when it is there, else computed the same way
    (meeting start plus the planned minutes of the items before)."""
    try:
        from .agenda import agenda_schedule
    except ImportError:
        pass
    else:
        schedule = agenda_schedule(session, meeting_id)
        return {item.id: (item.start, item.end) for item in schedule.items}
    times: dict[uuid.UUID, tuple[time | None, time | None]] = {}
    clock = start
    for item_id, minutes in items:
        end = _add_minutes(clock, minutes or 0) if clock is not None else None
        times[item_id] = (clock, end)
        clock = end
    return times


def _agenda_entries(
    session: Session, meeting_id: uuid.UUID, start: time | None, scope: ConfidentialScope
) -> list[AgendaEntry]:
    """Every agenda item (confidential ones too, so the clock times add up) with start and end times;
    ``confidential`` is the item's effective confidentiality under ``scope``."""
    rows = session.execute(
        select(
            AgendaItem.id,
            AgendaItem.number,
            AgendaItem.title,
            AgendaItem.purpose,
            AgendaItem.inbrenger,
            func.coalesce(Person.name, ""),
            AgendaItem.planned_minutes,
            AgendaItem.documents,
            AgendaItem.confidential,
            AgendaItem.standard_item,
        )
        .outerjoin(Person, AgendaItem.inbrenger_person_id == Person.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.number)
    ).all()
    times = _clock_times(session, meeting_id, start, [(row[0], row[6]) for row in rows])
    item_ids = [row[0] for row in rows]
    stored: dict[uuid.UUID, list[str]] = defaultdict(list)
    for item_id, stored_title in session.execute(
        select(StoredDocument.agenda_item_id, StoredDocument.title)
        .where(StoredDocument.agenda_item_id.in_(item_ids))
        .order_by(StoredDocument.position, StoredDocument.title)
    ):
        stored[item_id].append(stored_title)
    followed: dict[uuid.UUID, list[str]] = defaultdict(list)
    link = agenda_item_programme_action
    from .programme_scope import in_programme_order

    # In programme order, as the programme reads (sorting the lines put a programme without codes in
    # alphabetical order, its sub-actions away from their action).
    for item_id, code, text in session.execute(
        in_programme_order(
            select(link.c.agenda_item_id, ProgrammeAction.code, ProgrammeAction.text)
            .select_from(link)
            .join(ProgrammeAction, ProgrammeAction.id == link.c.programme_action_id)
            .where(link.c.agenda_item_id.in_(item_ids))
        )
    ):
        followed[item_id].append(f"{code} {default_short_title(text, 80)}".strip())
    seen_documents: set[str] = set()  # a stuk named at two items is listed once, at the first
    entries = []
    for index, (item_id, number, title, purpose, inbrenger, person, minutes, docs, confidential, std) in enumerate(
        rows, start=1
    ):
        item_start, item_end = times.get(item_id, (None, None))
        documents = []
        for document in (*_document_titles(docs), *stored.get(item_id, ())):
            if document.casefold() not in seen_documents:
                seen_documents.add(document.casefold())
                documents.append(document)
        entries.append(
            AgendaEntry(
                id=item_id,
                number=(number or "").strip() or str(index),
                title=title,
                purpose=purpose,
                inbrenger=inbrenger or person,
                planned_minutes=minutes or 0,
                start=item_start,
                end=item_end,
                documents=tuple(documents),
                confidential=bool(confidential) or scope.agenda_item(item_id),
                standard_item=std,
                programme_actions=tuple(followed.get(item_id, ())),
            )
        )
    return entries


def _neutral_entry(entry: AgendaEntry, decision_number: str) -> AgendaEntry:
    """An escalated confidential decision as a bestuurlijk overleg's agenda shows it: number, no text, no stukken."""
    return replace(
        entry,
        title=neutral_escalation_title(decision_number),
        documents=(),
        confidential=False,
        programme_actions=(),
    )


def _visible_entries(
    entries: list[AgendaEntry], scope: ConfidentialScope, include_confidential: bool
) -> tuple[list[AgendaEntry], set[uuid.UUID], set[uuid.UUID]]:
    """The entries a document shows, the ids of items left out, and the ids shown only under a neutral title."""
    if include_confidential:
        return entries, set(), set()
    shown, hidden, neutral = [], set(), set()
    for entry in entries:
        if not entry.confidential:
            shown.append(entry)
        elif entry.id in scope.escalation_items:
            shown.append(_neutral_entry(entry, scope.escalation_items[entry.id]))
            neutral.add(entry.id)
        else:
            hidden.add(entry.id)
    return shown, hidden, neutral


def agenda_document(session: Session, meeting_id: uuid.UUID, *, include_confidential: bool = False) -> AgendaDocument:
    """The uitnodiging en agenda of a meeting: header and numbered items with clock times."""
    header = meeting_header(session, meeting_id)
    scope = confidential_scope(session)
    entries = _agenda_entries(session, meeting_id, header.start_time, scope)
    kept, hidden, neutral = _visible_entries(entries, scope, include_confidential)
    by_id = {e.id: e for e in entries}
    return AgendaDocument(
        header=header,
        invitees=_invitee_groups(session, meeting_id),
        regrets_to=_regrets_to(session, meeting_id),
        items=tuple(kept),
        omitted=Omitted(
            agenda_items=len(hidden),
            neutral_titles=len(neutral),
            documents=sum(len(by_id[i].documents) for i in hidden | neutral),
            included=sum(1 for e in kept if e.confidential),
        ),
        author=header.secretary or _setting(session, "organisation", "GHNT Desktop"),
    )


def _invitee_groups(session: Session, meeting_id: uuid.UUID) -> tuple[OrganisationGroup, ...]:
    """Everyone invited to the meeting as a member (not the guests of one item), per organisation."""
    person_org = aliased(Organisation)
    rows = session.execute(
        select(
            func.coalesce(Person.name, Attendance.name, ""),
            func.coalesce(Organisation.name, person_org.name, ""),
            Attendance.role,
        )
        .outerjoin(Person, Attendance.person_id == Person.id)
        .outerjoin(Organisation, Attendance.organisation_id == Organisation.id)
        .outerjoin(person_org, Person.organisation_id == person_org.id)
        .where(Attendance.meeting_id == meeting_id, Attendance.agenda_item_id.is_(None))
        .order_by(Attendance.position, Person.name, Attendance.name)
    ).all()
    per_org: dict[str, list[str]] = defaultdict(list)
    role_note = {AttendanceRole.CHAIR: "voorzitter", AttendanceRole.SECRETARY: "notulist"}
    for name, organisation, role in rows:
        name = " ".join((name or "").split())
        people = per_org[" ".join((organisation or "").split()) or NO_ORGANISATION]
        note = role_note.get(role)
        shown = f"{name} ({note})" if name and note else name
        if shown and shown not in people:
            people.append(shown)
    names = sorted(per_org, key=lambda org: (org == NO_ORGANISATION, org.casefold()))
    return tuple(OrganisationGroup(org, tuple(per_org[org])) for org in names)


def _regrets_to(session: Session, meeting_id: uuid.UUID) -> str:
    """Who takes an afmelding: the secretaris (else the voorzitter), with the e-mail address when known."""
    secretary, chair = aliased(Person), aliased(Person)
    row = session.execute(
        select(secretary.name, secretary.email, chair.name, chair.email)
        .select_from(Meeting)
        .outerjoin(secretary, Meeting.secretary_id == secretary.id)
        .outerjoin(chair, Meeting.chair_id == chair.id)
        .where(Meeting.id == meeting_id)
    ).one_or_none()
    if row is None:
        return ""
    name, email = (row[0], row[1]) if row[0] else (row[2], row[3])
    name, email = (name or "").strip(), (email or "").strip()
    return f"{name} ({email})" if name and email else name or email


def _progress_lines(
    session: Session, meeting_id: uuid.UUID, scope: ConfidentialScope, include_confidential: bool
) -> tuple[dict[uuid.UUID, list[ProgressLine]], int]:
    """The voortgang of programme actions recorded at each agenda item of the meeting, and how many
    vertrouwelijke notes were left out."""
    rows = session.execute(
        select(
            ProgressUpdate.id,
            ProgressUpdate.agenda_item_id,
            ProgrammeAction.code,
            ProgrammeAction.text,
            ProgressUpdate.status,
            ProgressUpdate.done_text,
            ProgressUpdate.todo_text,
            ProgressUpdate.new_deadline_text,
            ProgressUpdate.new_deadline,
            ProgressUpdate.confidential,
        )
        .join(ProgrammeAction, ProgressUpdate.programme_action_id == ProgrammeAction.id)
        .join(AgendaItem, ProgressUpdate.agenda_item_id == AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(ProgressUpdate.date, ProgressUpdate.created_at)
    ).all()
    result: dict[uuid.UUID, list[ProgressLine]] = defaultdict(list)
    left_out = 0
    for update_id, item_id, code, text, status, done, todo, deadline_text, deadline, confidential in rows:
        if item_id is None:
            continue  # the join makes it an agenda item's; typed as optional by the column
        if (confidential or scope.update(update_id)) and not include_confidential:
            left_out += 1
            continue
        parts = [p.strip() for p in (done or "", f"Nog te doen: {todo.strip()}" if (todo or "").strip() else "") if p]
        new_deadline = (deadline_text or "").strip() or (short_date(deadline) if deadline else "")
        result[item_id].append(
            ProgressLine(code or "", default_short_title(text, 80), status, " ".join(parts), new_deadline)
        )
    for lines in result.values():
        lines.sort(key=lambda line: number_key(line.code))
    return result, left_out


def _refuse_minutes_before_the_meeting(session: Session, header: MeetingHeader) -> None:
    """A verslag of a meeting that has not been held would be an empty "Conceptverslag": say so instead."""
    if header.state not in (MeetingState.CONCEPT, MeetingState.PLANNED, MeetingState.CANCELLED):
        return
    if header.state is MeetingState.CANCELLED:
        raise ValidationError(
            f"Het overleg van {long_date(header.date)} is geannuleerd: er is geen verslag van te maken."
        )
    # Anything recorded for it (minutes typed during the meeting, a decision, an action, progress, actions carried
    # to it in the review) makes a verslag worth printing.
    checks = (
        select(AgendaItem.id).where(
            AgendaItem.meeting_id == header.id, func.length(func.trim(AgendaItem.minutes_text)) > 0
        ),
        select(Decision.id).where(Decision.meeting_id == header.id),
        select(ActionItem.id).where(ActionItem.origin_meeting_id == header.id),
        select(ProgressUpdate.id).where(ProgressUpdate.meeting_id == header.id),
        select(CarriedAction.meeting_id).where(CarriedAction.meeting_id == header.id),
    )
    recorded = any(session.execute(check.limit(1)).first() is not None for check in checks)
    if not recorded:
        raise ValidationError(
            f"Het overleg van {long_date(header.date)} is nog niet gehouden en er is nog niets vastgelegd: er is "
            "nog geen verslag. Maak het verslag na het overleg (Notuleren), of exporteer nu de agenda."
        )


def _attendance_groups(
    session: Session, meeting_id: uuid.UUID
) -> tuple[dict[AttendanceStatus, list[OrganisationGroup]], dict[uuid.UUID, list[str]]]:
    """Attendance per status grouped per organisation, and guests per agenda item."""
    person_org = aliased(Organisation)
    substitute = aliased(Person)
    rows = session.execute(
        select(
            Attendance.agenda_item_id,
            func.coalesce(Person.name, Attendance.name, ""),
            func.coalesce(Organisation.name, person_org.name, ""),
            Attendance.role,
            Attendance.status,
            func.coalesce(substitute.name, Attendance.substitute_name, ""),
            Attendance.person_id,
        )
        .outerjoin(Person, Attendance.person_id == Person.id)
        .outerjoin(Organisation, Attendance.organisation_id == Organisation.id)
        .outerjoin(person_org, Person.organisation_id == person_org.id)
        .outerjoin(substitute, Attendance.substitute_id == substitute.id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.position, Person.name, Attendance.name)
    ).all()
    grouped: dict[AttendanceStatus, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    guests: dict[uuid.UUID, list[str]] = defaultdict(list)
    role_note = {AttendanceRole.CHAIR: "voorzitter", AttendanceRole.SECRETARY: "notulist", AttendanceRole.GUEST: "gast"}
    for item_id, name, organisation, role, status, substitute_name, _person_id in rows:
        name = (name or "").strip()
        organisation = (organisation or "").strip()
        if item_id is not None:
            if status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTED, AttendanceStatus.INVITED):
                who = name or organisation
                shown = f"{who} ({bracketed_organisation(organisation)})" if name and organisation else who
                guests[item_id].append(shown)
            continue
        if status == AttendanceStatus.SUBSTITUTED:
            # The substitute sat at the table for this organisation; the member is shown as replaced.
            shown = f"{substitute_name} (namens {name})" if substitute_name and name else (substitute_name or name)
            grouped[AttendanceStatus.PRESENT][organisation or NO_ORGANISATION].append(shown)
            continue
        if status == AttendanceStatus.INVITED:
            continue  # not recorded: neither present nor absent
        note = role_note.get(role)
        shown = f"{name} ({note})" if name and note else name
        people = grouped[status][organisation or NO_ORGANISATION]
        if shown:
            people.append(shown)
    result = {}
    for status, per_org in grouped.items():
        names = sorted(per_org, key=lambda org: (org == NO_ORGANISATION, org.casefold()))
        result[status] = [OrganisationGroup(org, tuple(per_org[org])) for org in names]
    return result, guests


def _decisions(session: Session, scope: ConfidentialScope, *conditions: ColumnElement[bool]) -> list[DecisionEntry]:
    """Decisions matching ``conditions`` in meeting order; ``confidential`` is the effective flag under ``scope``."""
    escalated = aliased(Meeting)
    query = (
        select(
            Decision.id,
            Decision.number,
            Meeting.date,
            Meeting.title,
            func.coalesce(MeetingSeries.name, ""),
            Decision.agenda_item_id,
            Decision.text,
            Decision.confidential,
            Decision.escalation,
            escalated.title,
            escalated.date,
            Decision.outcome,
            Decision.outcome_date,
        )
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .outerjoin(MeetingSeries, Decision.series_id == MeetingSeries.id)
        .outerjoin(escalated, Decision.escalated_to_meeting_id == escalated.id)
        .where(*conditions)
        .order_by(Meeting.date, Decision.year, Decision.sequence, Decision.number)
    )
    entries = []
    for row in session.execute(query):
        to_title, to_date = row[9], row[10]
        escalated_to = _meeting_named(to_title or "", to_date)
        confidential = bool(row[7]) or scope.decision(row[0])
        entries.append(DecisionEntry(*row[:7], confidential, row[8], escalated_to, row[11] or "", row[12]))
    return entries


def _meeting_named(title: str, on: date | None) -> str:
    """A meeting by its title and date; the date once when the title already says it ("Bestuurlijk overleg OGOO
    26 oktober 2026", not "... 26 oktober 2026 (26-10-2026)")."""
    if not title or on is None or long_date(on, weekday=False) in title or short_date(on) in title:
        return title
    return f"{title} ({short_date(on)})"


def minutes_document(
    session: Session, meeting_id: uuid.UUID, *, include_confidential: bool = False, today: date | None = None
) -> MinutesDocument:
    """The verslag of a meeting: header, attendance per organisation, per item notes, decisions and
    actions, and the meeting's full actielijst."""
    header = meeting_header(session, meeting_id)
    _refuse_minutes_before_the_meeting(session, header)
    # Late means late at the meeting: the verslag reads the same whenever it is printed.
    today = today or header.date
    meeting_series_id = session.scalar(select(Meeting.series_id).where(Meeting.id == meeting_id))
    scope = confidential_scope(session)
    entries = _agenda_entries(session, meeting_id, header.start_time, scope)
    notes = {
        item_id: text
        for item_id, text in session.execute(
            select(AgendaItem.id, AgendaItem.minutes_text).where(AgendaItem.meeting_id == meeting_id)
        )
    }
    groups, guests = _attendance_groups(session, meeting_id)
    progress, omitted_progress = _progress_lines(session, meeting_id, scope, include_confidential)
    decisions = _decisions(session, scope, Decision.meeting_id == meeting_id)
    own_actions = list_action_items(session, ActionFilter(origin_meeting_id=meeting_id))
    action_item_of = {
        action_id: item_id
        for action_id, item_id in session.execute(
            select(ActionItem.id, ActionItem.origin_agenda_item_id).where(ActionItem.origin_meeting_id == meeting_id)
        )
    }
    shown, hidden_items, neutral_items = _visible_entries(entries, scope, include_confidential)
    omitted_decisions = 0
    omitted_action_ids: set[uuid.UUID] = set()
    decisions_by_item: dict[uuid.UUID | None, list[DecisionEntry]] = defaultdict(list)
    for decision in decisions:
        if decision.confidential and not include_confidential:
            omitted_decisions += 1
            continue
        decisions_by_item[decision.agenda_item_id].append(decision)
    actions_by_item: dict[uuid.UUID | None, list[ActionRow]] = defaultdict(list)
    for action in own_actions:
        if action.confidential and not include_confidential:
            omitted_action_ids.add(action.id)
            continue
        actions_by_item[action_item_of.get(action.id)].append(action)
    item_ids = {e.id for e in entries}
    # A confidential item's minutes, guests and stukken go with it; shown under a neutral title, only the title.
    covered = hidden_items | neutral_items
    items = tuple(
        MinutesItem(
            entry=e,
            notes="" if e.id in covered else notes.get(e.id, "") or "",
            guests=() if e.id in covered else tuple(guests.get(e.id, ())),
            decisions=tuple(decisions_by_item.get(e.id, ())),
            actions=tuple(actions_by_item.get(e.id, ())),
            progress=() if e.id in covered else tuple(progress.get(e.id, ())),
        )
        for e in shown
    )
    other_decisions = tuple(d for key, ds in decisions_by_item.items() if key not in item_ids for d in ds)
    other_actions = tuple(a for key, acts in actions_by_item.items() if key not in item_ids for a in acts)
    action_list = _meeting_action_list(session, meeting_id, meeting_series_id, header.date, own_actions)
    approval = approval_of(session, meeting_id)
    # A verslag is the record of its meeting, a concept as much as a vastgesteld one: the actions as they stood
    # at the meeting (the document says "Stand per" its date), not as later meetings left them. A concept
    # written a week later showed actions done since then as done at the meeting.
    action_list = rows_as_of(session, meeting_id, action_list)
    other_actions = tuple(rows_as_of(session, meeting_id, list(other_actions)))
    items = tuple(replace(i, actions=tuple(rows_as_of(session, meeting_id, list(i.actions)))) for i in items)
    kept_list = []
    for action in action_list:
        if action.confidential and not include_confidential:
            omitted_action_ids.add(action.id)
            continue
        kept_list.append(action)
    by_id = {e.id: e for e in entries}
    toezeggingen = {a.id for a in (*own_actions, *action_list) if a.kind is ActionKind.TOEZEGGING}
    kept_actions = {a.id: a for a in (*kept_list, *(a for acts in actions_by_item.values() for a in acts))}
    included = (
        sum(1 for e in shown if e.confidential)
        + sum(1 for ds in decisions_by_item.values() for d in ds if d.confidential)
        + sum(1 for a in kept_actions.values() if a.confidential)
    )
    return MinutesDocument(
        header=header,
        present=tuple(groups.get(AttendanceStatus.PRESENT, ())),
        excused=tuple(groups.get(AttendanceStatus.EXCUSED, ())),
        absent=tuple(groups.get(AttendanceStatus.ABSENT, ())),
        items=items,
        other_decisions=other_decisions,
        other_actions=other_actions,
        action_list=tuple(kept_list),
        today=today,
        omitted=Omitted(
            agenda_items=len(hidden_items),
            decisions=omitted_decisions,
            actions=len(omitted_action_ids - toezeggingen),
            toezeggingen=len(omitted_action_ids & toezeggingen),
            updates=omitted_progress,
            guests=sum(len(guests.get(i, ())) for i in covered),
            documents=sum(len(by_id[i].documents) for i in covered),
            neutral_titles=len(neutral_items),
            included=included,
        ),
        author=header.secretary or _setting(session, "organisation", "GHNT Desktop"),
        approval=approval.text if approval is not None else "",
    )


def _meeting_action_list(
    session: Session,
    meeting_id: uuid.UUID,
    series_id: uuid.UUID | None,
    meeting_date: date,
    own_actions: list[ActionRow],
) -> list[ActionRow]:
    """The actielijst printed with a verslag: this meeting's actions plus the actions carried to it in the
    carry-forward review or reviewed there (one left unticked in the review is not on it)."""
    from .agenda import linked_action_ids

    if series_id is None:
        return own_actions
    carried = list_action_items(session, ActionFilter(series_id=series_id, created_to=meeting_date))
    own_ids = {a.id for a in own_actions}
    linked = linked_action_ids(session, meeting_id)
    return [action for action in carried if action.id in own_ids or action.id in linked]


# --------------------------------------------------------------------------------------------------
# Lists: besluitenlijst and actielijst
# --------------------------------------------------------------------------------------------------


def decision_list_document(
    session: Session,
    *,
    series_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    include_confidential: bool = False,
    all_series: bool = False,
) -> DecisionListDocument:
    """Decisions of one series in a period, in meeting order; of every series only with ``all_series``.

    Without a series the list is that of the afstemmingsoverleg (else the series with the most decisions in
    the period): a besluitenlijst mixing the numbers of five overleggen is not what a secretaris sends. The
    title names the series and the period (the dates of the first and last decision when none was given).
    """
    conditions = []
    if series_id is None and not all_series:
        series_id = main_decision_series(session, date_from, date_to)
    if series_id is not None:
        conditions.append(or_(Decision.series_id == series_id, Meeting.series_id == series_id))
    if date_from is not None:
        conditions.append(Meeting.date >= date_from)
    if date_to is not None:
        conditions.append(Meeting.date <= date_to)
    decisions = _decisions(session, confidential_scope(session), *conditions)
    kept = [d for d in decisions if include_confidential or not d.confidential]
    series_name = ""
    if series_id is not None:
        series_name = session.scalar(select(MeetingSeries.name).where(MeetingSeries.id == series_id)) or ""
    elif all_series:
        series_name = "alle overleggen"
    if decisions and date_from is None:
        date_from = decisions[0].meeting_date
    if decisions and date_to is None:
        date_to = decisions[-1].meeting_date
    return DecisionListDocument(
        title=f"Besluitenlijst {series_name}".strip(),
        series_name=series_name,
        date_from=date_from,
        date_to=date_to,
        decisions=tuple(kept),
        omitted=Omitted(decisions=len(decisions) - len(kept), included=sum(1 for d in kept if d.confidential)),
        author=_setting(session, "organisation", "GHNT Desktop"),
    )


def main_decision_series(session: Session, date_from: date | None, date_to: date | None) -> uuid.UUID | None:
    """The series a besluitenlijst is of when none was chosen: the afstemmingsoverleg with decisions in the
    period, else the series with the most decisions there."""
    conditions: list[ColumnElement[bool]] = [Decision.series_id.is_not(None)]
    if date_from is not None:
        conditions.append(Meeting.date >= date_from)
    if date_to is not None:
        conditions.append(Meeting.date <= date_to)
    count = func.count(Decision.id)
    row = session.execute(
        select(Decision.series_id, count)
        .join(Meeting, Decision.meeting_id == Meeting.id)
        .join(MeetingSeries, Decision.series_id == MeetingSeries.id)
        .where(*conditions)
        .group_by(Decision.series_id, MeetingSeries.kind, MeetingSeries.name)
        .order_by((MeetingSeries.kind == MeetingKind.AFSTEMMINGSOVERLEG).desc(), count.desc(), MeetingSeries.name)
        .limit(1)
    ).first()
    return row[0] if row is not None else None


GROUP_BY = ("actielijn", "trekker", "overleg")
_DIGITS = re.compile(r"(\d+)")


def number_key(number: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that reads the numbers inside a number: 2 before 10, AO-2026-1-A2 before AO-2026-1-A10."""
    parts = _DIGITS.split(number or "")
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in parts)


def _existing_on(session: Session, rows: list[ActionRow], on: date) -> list[ActionRow]:
    """The actions that existed on day ``on``: made at a meeting up to then, or (made outside a meeting) saved
    up to then."""
    loose = [r.id for r in rows if r.origin_meeting_date is None]
    made: dict[uuid.UUID, datetime] = {}
    for start in range(0, len(loose), 500):  # SQLite limits the number of bound parameters
        chunk = loose[start : start + 500]
        query = select(ActionItem.id, ActionItem.created_at).where(ActionItem.id.in_(chunk))
        made.update(session.execute(query).tuples())

    def existed(row: ActionRow) -> bool:
        if row.origin_meeting_date is not None:
            return row.origin_meeting_date <= on
        return row.id not in made or made[row.id].date() <= on

    return [r for r in rows if existed(r)]


def action_list_document(
    session: Session,
    *,
    group_by: str = "actielijn",
    include_closed: bool = False,
    series_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    include_confidential: bool = False,
    today: date | None = None,
) -> ActionListDocument:
    """Open (or all) action items grouped per actielijn, trekker or meeting, with postponement counts.

    ``date_from``/``date_to`` select the meetings the actions came from. ``today`` is the day the list is the
    stand of ("stand per"): a day that has passed (the actielijst of an earlier meeting) gives the actions as
    they stood then, by the one rule for a status at a moment (``services.meeting_record.rows_on``), without
    the actions made after it.
    """

    if group_by not in GROUP_BY:
        raise ValidationError(f"Groeperen kan per {', '.join(GROUP_BY)}, niet per {group_by!r}.")
    today = today or date.today()
    # Today's stand is the actions' own columns; only a day that has passed reads the progress history.
    earlier = today < date.today()
    sort = {"actielijn": "section", "trekker": "trekker", "overleg": "meeting"}[group_by]
    rows = list_action_items(
        session,
        ActionFilter(
            open_only=not include_closed and not earlier,  # open then, not now: filtered below
            series_id=series_id,
            organisation_id=organisation_id,
            created_from=date_from,
            created_to=(today if date_to is None else min(date_to, today)) if earlier else date_to,
        ),
        sort=sort,
    )
    if earlier:
        rows = rows_on(session, today, _existing_on(session, rows, today))
        if not include_closed:
            rows = [r for r in rows if not r.status.is_closed]
    kept = [r for r in rows if include_confidential or not r.confidential]
    left_out = [r for r in rows if r.confidential and not include_confidential]
    groups: dict[str, list[ActionRow]] = {}
    for row in kept:
        if group_by == "actielijn":
            key = row.section_title or "Zonder actielijn"
        elif group_by == "trekker":
            key = row.trekker or "Zonder trekker"
        else:
            key = (
                f"{row.origin_meeting_title} ({short_date(row.origin_meeting_date)})"
                if row.origin_meeting_date
                else "Zonder overleg"
            )
        groups.setdefault(key, []).append(row)
    for actions in groups.values():
        actions.sort(key=lambda r: number_key(r.number))  # stable: the group's own order stays between equals
    # "Zonder ..." groups go last; the SQL sort already ordered the others.
    ordered = sorted(groups.items(), key=lambda kv: kv[0].startswith("Zonder "))
    scope = "Alle acties" if include_closed else "Openstaande acties"
    subtitle = f"{scope} per {group_by}, stand {short_date(today)}"
    series_name = ""
    if series_id is not None:
        series_name = session.scalar(select(MeetingSeries.name).where(MeetingSeries.id == series_id)) or ""
    return ActionListDocument(
        title=f"Actielijst {series_name}".strip(),
        subtitle=subtitle,
        group_by=group_by,
        groups=tuple(ActionGroup(title, tuple(actions)) for title, actions in ordered),
        progress_texts=latest_progress_texts(session, (r.id for r in kept), up_to=today if earlier else None),
        open_only=not include_closed,
        today=today,
        omitted=Omitted(
            actions=sum(1 for r in left_out if r.kind is not ActionKind.TOEZEGGING),
            toezeggingen=sum(1 for r in left_out if r.kind is ActionKind.TOEZEGGING),
            included=sum(1 for r in kept if r.confidential),
        ),
        author=_setting(session, "organisation", "GHNT Desktop"),
    )


# --------------------------------------------------------------------------------------------------
# Programme table
# --------------------------------------------------------------------------------------------------


def _responsibilities(
    session: Session,
) -> tuple[dict[uuid.UUID, tuple[list[str], list[str]]], dict[uuid.UUID, tuple[list[str], list[str]]]]:
    """Responsibility labels per ambition and per overriding action: {owner id: (responsible, trekkers)}."""
    per_ambition: dict[uuid.UUID, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    per_action: dict[uuid.UUID, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    rows = session.execute(
        select(
            Responsibility.ambition_id,
            Responsibility.programme_action_id,
            Responsibility.role,
            Responsibility.label,
            Organisation.name,
            Person.name,
        )
        .outerjoin(Organisation, Responsibility.organisation_id == Organisation.id)
        .outerjoin(Person, Responsibility.person_id == Person.id)
        .order_by(Responsibility.position)
    )
    for ambition_id, action_id, role, label, org_name, person_name in rows:
        text = (label or org_name or person_name or "").strip()
        if not text:
            continue
        owner = ambition_id if ambition_id is not None else action_id  # a responsibility belongs to one of them
        if owner is None:
            continue
        target = per_ambition[owner] if ambition_id is not None else per_action[owner]
        target[0 if role == ResponsibilityRole.RESPONSIBLE else 1].append(text)
    return per_ambition, per_action


_PARAGRAPH_NUMBER = re.compile(r"\d+(\.\d+)+")


def _squash(text: str) -> str:
    """``text`` compared loosely: case, spacing and bullet marks at line starts do not count."""
    return " ".join(re.sub(r"(?m)^\s*[o•\-–*▪·]\s+", " ", text or "").split()).casefold()


def _own_sub_points(text: str, points: Iterable[object] | None) -> tuple[str, ...]:
    """The sub-points the ambition text does not already say: an import that stored the ambition both as text
    and as its list of points printed every ambition twice, once as its own sub-point."""
    said = _squash(text)
    return tuple(str(p) for p in points or () if str(p).strip() and _squash(str(p)) not in said)


def _reference(reference: str, paragraph: str) -> str:
    """The "Zie paragraaf ..." line: as written in the source; made from the paragraph only when that is a
    paragraph number ("3.1"), never from a chapter code or a word ("H7", "Inleiding")."""
    if (reference or "").strip():
        return reference.strip()
    paragraph = (paragraph or "").strip()
    return f"Zie paragraaf {paragraph}" if _PARAGRAPH_NUMBER.fullmatch(paragraph) else ""


def programme_document(
    session: Session, programme_id: uuid.UUID | None = None, *, only_actions: Collection[uuid.UUID] | None = None
) -> ProgrammeDocument:
    """The programme table: per section its ambitions, actions and responsibilities.

    An ambition's actions share one row while they inherit its responsibility; an action that has its
    own responsibility starts a new row under the same (merged) ambition cell. ``only_actions`` keeps only
    those top-level actions (with their sub-actions) and the ambitions that have one of them: one group of
    the table grouped by label (``services.programme_tags.programme_document_by_tag``).
    """
    if programme_id is None:
        programme_id = find_programme_id(session)
    programme = session.execute(
        select(Programme.title, Programme.region, Programme.period_start, Programme.period_end).where(
            Programme.id == programme_id
        )
    ).one_or_none()
    if programme is None:
        raise NotFoundError("Dit actieprogramma bestaat niet (meer).")
    title, region, period_start, period_end = programme
    sections = session.execute(
        select(Section.id, Section.title, Section.kind)
        .where(Section.programme_id == programme_id)
        .order_by(Section.position, Section.title)
    ).all()
    ambitions = session.execute(
        select(
            Ambition.id,
            Ambition.section_id,
            Ambition.code,
            Ambition.text,
            Ambition.sub_points,
            Ambition.reference,
            Ambition.paragraph,
        )
        .join(Section, Ambition.section_id == Section.id)
        .where(Section.programme_id == programme_id)
        .order_by(Ambition.position, Ambition.code)
    ).all()
    actions = session.execute(
        select(
            ProgrammeAction.id,
            ProgrammeAction.ambition_id,
            ProgrammeAction.parent_id,
            ProgrammeAction.code,
            ProgrammeAction.text,
            ProgrammeAction.deadline_text,
            ProgrammeAction.status,
            ProgrammeAction.overrides_responsibility,
            ProgrammeAction.in_programme_table,
        )
        .join(Ambition, ProgrammeAction.ambition_id == Ambition.id)
        .join(Section, Ambition.section_id == Section.id)
        .where(Section.programme_id == programme_id)
        .order_by(ProgrammeAction.position, ProgrammeAction.code)
    ).all()
    # The table is the programme as adopted: actions from the body text or added later are left out, and so is
    # an ambition that has only such actions (one with no actions at all is still a row of the table).
    has_actions = {a.ambition_id for a in actions}
    actions = [a for a in actions if a.in_programme_table]
    has_table_actions = {a.ambition_id for a in actions}
    # A section all of whose ambitions were left out (seed 000's "Hoe nu verder": body text only) is no part of
    # the table either; a section still without ambitions (a programme being typed in) keeps its heading.
    sections_with_ambitions = {a.section_id for a in ambitions}
    ambitions = [a for a in ambitions if a.id in has_table_actions or a.id not in has_actions]
    sections_in_table = {a.section_id for a in ambitions}
    sections = [s for s in sections if s[0] in sections_in_table or s[0] not in sections_with_ambitions]
    per_ambition, per_action = _responsibilities(session)
    children: dict[uuid.UUID, list[Any]] = defaultdict(list)  # rows of ``actions``
    top_by_ambition: dict[uuid.UUID, list[Any]] = defaultdict(list)
    action_ids = {a.id for a in actions}
    for action in actions:
        if action.parent_id is not None and action.parent_id in action_ids:
            children[action.parent_id].append(action)
        elif only_actions is None or action.id in only_actions:
            top_by_ambition[action.ambition_id].append(action)
    ambitions_by_section: dict[uuid.UUID, list[Any]] = defaultdict(list)  # rows of ``ambitions``
    for ambition in ambitions:
        ambitions_by_section[ambition.section_id].append(ambition)

    def line(action: Any, level: int) -> ProgrammeActionLine:
        deadline = action.deadline_text or ""
        if deadline and _squash(deadline) in _squash(action.text):
            deadline = ""  # the text already says when: "(november 2019)" after "... in november 2019" repeats it
        return ProgrammeActionLine(action.code, action.text, deadline, level, action.status)

    result = []
    for section_id, section_title, kind in sections:
        rows: list[ProgrammeRow] = []
        for ambition in ambitions_by_section.get(section_id, ()):
            if only_actions is not None and ambition.id not in top_by_ambition:
                continue
            inherited = per_ambition.get(ambition.id, ([], []))
            reference = _reference(ambition.reference, ambition.paragraph)
            # Consecutive actions with the same responsibility share one row.
            chunks: list[tuple[tuple[tuple[str, ...], tuple[str, ...]], list[ProgrammeActionLine]]] = []
            for action in top_by_ambition.get(ambition.id, ()):
                own = per_action.get(action.id) if action.overrides_responsibility else None
                resp = own if own else inherited
                key = (tuple(resp[0]), tuple(resp[1]))
                lines_ = [line(action, 0)] + [line(child, 1) for child in children.get(action.id, ())]
                if chunks and chunks[-1][0] == key:
                    chunks[-1][1].extend(lines_)
                else:
                    chunks.append((key, lines_))
            if not chunks:
                chunks.append(((tuple(inherited[0]), tuple(inherited[1])), []))
            for index, ((responsible, trekkers), lines_) in enumerate(chunks):
                rows.append(
                    ProgrammeRow(
                        ambition_id=ambition.id,
                        ambition_code=ambition.code or "",
                        ambition_text=ambition.text,
                        sub_points=_own_sub_points(ambition.text, ambition.sub_points),
                        reference=reference,
                        first_of_ambition=index == 0,
                        actions=tuple(lines_),
                        responsible=responsible,
                        trekkers=trekkers,
                    )
                )
        result.append(ProgrammeSectionRows(section_title, kind, tuple(rows)))
    if period_start and period_end:
        period = f"{period_start}-{period_end}"
    else:
        period = str(period_start or period_end or "")
    return ProgrammeDocument(
        title=title,
        region=region,
        period=period,
        sections=tuple(result),
        action_count=len(actions),
        omitted=Omitted(),
        author=_setting(session, "organisation", region or "GHNT Desktop"),
    )
