"""The Excel exchange with partners: gathering what the Excel documents show, and applying imports.

The actielijst travels as Excel: it is exported (``gather_actielijst``), filled in by a partner and
read back (``ghnt_desktop.imports.roundtrip``). Applying the partner's changes (``apply_roundtrip``)
writes a ``ProgressUpdate`` per action, counts a moved deadline as a postponement and closes finished
actions. A list a region kept by hand is read by ``ghnt_desktop.imports.existing_list`` and turned
into records here (``import_action_list``, ``import_programme_list``).

Everything runs in the caller's session: an import is one transaction, so an error leaves the
database as it was. Nothing here imports Qt.

Applying a change goes through ``services.minutes.record_progress``, the same use case a meeting uses,
so postponements and closing dates are counted in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AttendanceStatus,
    Organisation,
    Person,
    ProgressUpdate,
)
from . import Changes, NotFoundError, ValidationError
from .actions import ActionFilter, list_action_items
from .confidentiality import confidential_scope
from .minutes import record_progress

if TYPE_CHECKING:  # the export and import modules load openpyxl-related code only when used
    from ..exports.xlsx_actielijst import ActielijstData
    from ..exports.xlsx_meetings import BesluitenlijstData, PresentielijstData, RepresentationData
    from ..imports.existing_list import ListPreview
    from ..imports.roundtrip import RoundTripPreview
    from ..imports.workbook import WorkbookData

# ---------------------------------------------------------------------------------------------------
# Gathering the actielijst for export

MAX_PROGRESS_CHARS = 20_000  # what record_progress accepts for "wat is gedaan"


def find_organisation(session: Session, text: str) -> tuple[uuid.UUID, str]:
    """The organisation named ``text`` (name, abbreviation, alias or id), for ``--organisation``."""
    wanted = text.strip()
    if not wanted:
        raise ValidationError("Geef de naam van een organisatie.")
    try:
        org = session.get(Organisation, uuid.UUID(wanted))
        if org is not None:
            return org.id, org.name
    except ValueError:
        pass
    matcher = NameMatcher.from_session(session)
    found = matcher.organisation(wanted)
    if found is None:
        raise NotFoundError(f"Geen organisatie gevonden met de naam of afkorting {wanted!r}.")
    return found


def latest_progress_texts(session: Session, action_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The text of the most recent progress update of each action item ("wat is gedaan", else "wat moet nog"),
    among the updates that are not vertrouwelijk by the one rule of ``services.confidentiality``."""
    ids = list(action_ids)
    if not ids:
        return {}
    conditions = [ProgressUpdate.action_item_id.is_not(None)]
    hidden = confidential_scope(session).updates
    if hidden:
        conditions.append(ProgressUpdate.id.not_in(list(hidden)))
    ranked = (
        select(
            ProgressUpdate.action_item_id,
            ProgressUpdate.done_text,
            ProgressUpdate.todo_text,
            func.row_number()
            .over(
                partition_by=ProgressUpdate.action_item_id,
                order_by=(ProgressUpdate.date.desc(), ProgressUpdate.created_at.desc()),
            )
            .label("rank"),
        )
        .where(*conditions)
        .subquery()
    )
    query = select(ranked.c.action_item_id, ranked.c.done_text, ranked.c.todo_text).where(ranked.c.rank == 1)
    wanted = set(ids)
    texts: dict[uuid.UUID, str] = {}
    for action_id, done_text, todo_text in session.execute(query):
        if action_id in wanted:
            texts[action_id] = (done_text or todo_text or "").strip()
    return texts


def gather_actielijst(
    session: Session,
    *,
    organisation_id: uuid.UUID | None = None,
    include_closed: bool = False,
    series_id: uuid.UUID | None = None,
    today: date | None = None,
    title: str = "Actielijst",
) -> ActielijstData:
    """The data of the Excel actielijst: open actions (or all), one organisation's when asked.

    This workbook is the round-trip file partners fill in and send back, so vertrouwelijke actions (by the
    one rule) never go in; the number left out is counted so the export can say so.
    """
    from ..exports.xlsx_actielijst import ActielijstData

    base = ActionFilter(open_only=not include_closed, organisation_id=organisation_id, series_id=series_id)
    rows = list_action_items(session, base, sort="number")
    kept = [r for r in rows if not r.confidential]
    left_out = len(rows) - len(kept)
    rows = kept
    organisation = ""
    if organisation_id is not None:
        org = session.get(Organisation, organisation_id)
        organisation = org.name if org is not None else ""
    return ActielijstData(
        rows=tuple(rows),
        today=today or date.today(),
        exported_at=datetime.now(UTC),
        title=title,
        organisation=organisation,
        progress_texts=latest_progress_texts(session, (r.id for r in rows)),
        confidential_left_out=left_out,
    )


def gather_presentielijst(
    session: Session, meeting_id: uuid.UUID, *, include_confidential: bool = False
) -> PresentielijstData:
    """The presentielijst of one meeting: each attendee, and per organisation whether it was represented.

    A guest of a vertrouwelijk agenda item (by the one rule) is left out, and counted, unless
    ``include_confidential``; then the line is marked."""
    from ..exports.xlsx_meetings import (
        MARK_ABSENT,
        MARK_EXCUSED,
        MARK_ITEM,
        MARK_PRESENT,
        MARK_SUBSTITUTED,
        AttendanceLine,
        OrganisationPresence,
        PresentielijstData,
    )
    from .documents import meeting_header
    from .meetings import attendance_list

    header = meeting_header(session, meeting_id)
    scope = confidential_scope(session)
    lines = []
    left_out = 0
    per_org: dict[str, list[tuple[str, str]]] = {}
    for a in attendance_list(session, meeting_id):
        confidential = scope.agenda_item(a.agenda_item_id)
        if confidential and not include_confidential:
            left_out += 1
            continue
        status = a.status.label
        if a.agenda_item_id is not None and a.status in (AttendanceStatus.PRESENT, AttendanceStatus.INVITED):
            status = "Aanwezig voor agendapunt"
        lines.append(
            AttendanceLine(
                name=a.person_name,
                organisation=a.organisation_name,
                role=a.role.label,
                status=status,
                substitute=a.substitute_name if a.status is AttendanceStatus.SUBSTITUTED else "",
                agenda_item=a.agenda_item_number,
                confidential=confidential,
            )
        )
        if not a.organisation_name:
            continue
        if a.status is AttendanceStatus.PRESENT:
            mark = MARK_ITEM if a.agenda_item_id is not None else MARK_PRESENT
            who = a.person_name
        elif a.status is AttendanceStatus.SUBSTITUTED:
            mark, who = MARK_SUBSTITUTED, f"{a.substitute_name} (namens {a.person_name})".strip()
        elif a.status is AttendanceStatus.EXCUSED:
            mark, who = MARK_EXCUSED, ""
        elif a.status is AttendanceStatus.ABSENT:
            mark, who = MARK_ABSENT, ""
        else:
            mark, who = "", ""
        per_org.setdefault(a.organisation_name, []).append((mark, who))
    organisations = []
    for name in sorted(per_org, key=str.casefold):
        marks = [m for m, _w in per_org[name]]
        people = ", ".join(w for _m, w in per_org[name] if w)
        organisations.append(OrganisationPresence(name, _best_mark(marks), people))
    return PresentielijstData(
        title=header.title,
        meeting_date=header.date,
        time_text=header.time_text,
        location=header.location,
        chair=header.chair,
        secretary=header.secretary,
        lines=tuple(lines),
        organisations=tuple(organisations),
        confidential_left_out=left_out,
    )


def _best_mark(marks: list[str]) -> str:
    """The mark of an organisation with several people: represented beats afgemeld beats afwezig."""
    from ..exports.xlsx_meetings import MARK_ABSENT, MARK_EXCUSED, MARK_ITEM, MARK_PRESENT, MARK_SUBSTITUTED

    for mark in (MARK_PRESENT, MARK_SUBSTITUTED, MARK_ITEM, MARK_EXCUSED, MARK_ABSENT):
        if mark in marks:
            return mark
    return ""


def gather_representation(session: Session, year: int, *, series_id: uuid.UUID | None = None) -> RepresentationData:
    """Which organisation was represented at which meeting of ``year`` (of one series, or all).

    Cancelled meetings are left out; organisations appear when they were on at least one list.
    """
    from ..exports.xlsx_meetings import MeetingColumn, RepresentationData, RepresentationRow
    from ..models import Attendance, Meeting, MeetingSeries, MeetingState

    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title, func.coalesce(MeetingSeries.code, ""))
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .where(
            Meeting.date >= date(year, 1, 1),
            Meeting.date <= date(year, 12, 31),
            Meeting.state != MeetingState.CANCELLED,
            *([Meeting.series_id == series_id] if series_id is not None else []),
        )
        .order_by(Meeting.date, Meeting.start_time)
    ).all()
    index = {m[0]: i for i, m in enumerate(meetings)}
    person_org = aliased(Organisation)
    rows = (
        session.execute(
            select(
                Attendance.meeting_id,
                func.coalesce(Organisation.name, person_org.name),
                Attendance.status,
                Attendance.agenda_item_id,
            )
            .outerjoin(Organisation, Attendance.organisation_id == Organisation.id)
            .outerjoin(Person, Attendance.person_id == Person.id)
            .outerjoin(person_org, Person.organisation_id == person_org.id)
            .where(Attendance.meeting_id.in_(list(index)))
        ).all()
        if index
        else []
    )
    from ..exports.xlsx_meetings import MARK_ABSENT, MARK_EXCUSED, MARK_ITEM, MARK_PRESENT, MARK_SUBSTITUTED

    marks: dict[str, list[list[str]]] = {}
    scope = confidential_scope(session)
    for meeting_id, organisation, status, item_id in rows:
        if not organisation or scope.agenda_item(item_id):
            continue  # a guest of a vertrouwelijk item: that the organisation came says what was discussed
        per_meeting = marks.setdefault(organisation, [[] for _ in meetings])
        if status is AttendanceStatus.PRESENT:
            mark = MARK_ITEM if item_id is not None else MARK_PRESENT
        elif status is AttendanceStatus.SUBSTITUTED:
            mark = MARK_SUBSTITUTED
        elif status is AttendanceStatus.EXCUSED:
            mark = MARK_EXCUSED
        elif status is AttendanceStatus.ABSENT:
            mark = MARK_ABSENT
        else:
            continue
        per_meeting[index[meeting_id]].append(mark)
    series_name = ""
    if series_id is not None:
        series_name = session.scalar(select(MeetingSeries.name).where(MeetingSeries.id == series_id)) or ""
    columns = tuple(
        MeetingColumn(day, f"{code} {day:%d-%m}".strip() if code else f"{day:%d-%m}") for _id, day, _t, code in meetings
    )
    result = tuple(
        RepresentationRow(name, tuple(_best_mark(m) for m in marks[name])) for name in sorted(marks, key=str.casefold)
    )
    return RepresentationData(year=year, series_name=series_name, meetings=columns, rows=result)


def gather_besluitenlijst(
    session: Session,
    *,
    series_id: uuid.UUID | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    include_confidential: bool = False,
) -> BesluitenlijstData:
    """The besluitenlijst for Excel, from the same query as the Word besluitenlijst."""
    from ..exports.xlsx_meetings import BesluitenlijstData, DecisionLine
    from ..models import EscalationState
    from .documents import decision_list_document

    doc = decision_list_document(
        session,
        series_id=series_id,
        date_from=date_from,
        date_to=date_to,
        include_confidential=include_confidential,
    )
    lines = []
    for d in doc.decisions:
        escalation = ""
        if d.escalation is not EscalationState.NONE:
            escalation = d.escalation.label + (f": {d.escalated_to}" if d.escalated_to else "")
        lines.append(
            DecisionLine(
                d.number, d.meeting_date, d.meeting_title, d.text, escalation, d.outcome, d.outcome_date, d.confidential
            )
        )
    period = ""
    if date_from or date_to:
        period = f"Periode {date_from:%d-%m-%Y}" if date_from else "Periode"
        period += f" t/m {date_to:%d-%m-%Y}" if date_to else " tot heden"
    return BesluitenlijstData(
        title=doc.title or "Besluitenlijst",
        subtitle=period,
        decisions=tuple(lines),
        omitted_note=doc.omitted.describe(),
        confidential_left_out=doc.omitted.decisions,
        included_note=doc.omitted.describe_included(),
    )


# ---------------------------------------------------------------------------------------------------
# Matching names to organisations and people


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


@dataclass
class NameMatcher:
    """Finds organisations (by name, abbreviation or alias) and people (by name) for trekker texts."""

    organisations: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)
    people: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)

    @classmethod
    def from_session(cls, session: Session) -> NameMatcher:
        matcher = cls()
        rows = session.execute(
            select(Organisation.id, Organisation.name, Organisation.abbreviation, Organisation.aliases).where(
                Organisation.merged_into_id.is_(None)
            )
        )
        for org_id, name, abbreviation, aliases in rows:
            for label in [name, abbreviation or "", *(aliases or [])]:
                if label and _key(label) not in matcher.organisations:
                    matcher.organisations[_key(label)] = (org_id, name)
        for person_id, name in session.execute(select(Person.id, Person.name).where(Person.archived.is_(False))):
            matcher.people.setdefault(_key(name), (person_id, name))
        return matcher

    def organisation(self, text: str) -> tuple[uuid.UUID, str] | None:
        key = _key(text)
        found = self.organisations.get(key)
        if found is None and key.startswith("gemeente "):
            found = self.organisations.get(key.removeprefix("gemeente "))
        if found is None and not key.startswith("gemeente "):
            found = self.organisations.get("gemeente " + key)
        return found

    def person(self, text: str) -> tuple[uuid.UUID, str] | None:
        return self.people.get(_key(text))


# ---------------------------------------------------------------------------------------------------
# Round trip


def preview_roundtrip(session: Session, path: Path | str, *, reference: date | None = None) -> RoundTripPreview:
    """Read a returned actielijst and compare it with the database; writes nothing.

    Raises ``ImportFileError`` (Dutch message) for a file that is not a usable workbook or not an
    actielijst exported by this app.
    """
    from ..imports.workbook import read_workbook

    workbook = read_workbook(path)
    return preview_roundtrip_workbook(session, workbook, reference=reference)


def preview_roundtrip_workbook(
    session: Session, workbook: WorkbookData, *, reference: date | None = None
) -> RoundTripPreview:
    """``preview_roundtrip`` for a workbook already read (``imports.workbook.read_workbook``)."""
    from ..imports.roundtrip import build_preview, referenced_ids

    ids = referenced_ids(workbook)
    current = {r.id: r for r in list_action_items(session, ActionFilter(ids=frozenset(ids)))} if ids else {}
    progress = latest_progress_texts(session, current)
    return build_preview(workbook, current, progress, reference=reference)


@dataclass(frozen=True)
class ApplyResult:
    """What an import wrote."""

    applied: int
    skipped: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)


def apply_roundtrip(
    session: Session,
    preview: RoundTripPreview,
    *,
    selected: Iterable[uuid.UUID] | None = None,
    include_conflicts: bool = False,
    today: date | None = None,
) -> ApplyResult:
    """Apply the partner's changes of a round-trip preview (``imports.roundtrip.RoundTripPreview``).

    ``selected`` limits the rows applied (all changed rows when None); conflicts are applied only when
    chosen explicitly or ``include_conflicts``. A row whose action changed again after the preview was
    made is skipped with a message. Runs in the caller's transaction.
    """
    from ..imports.roundtrip import RowKind

    today = today or date.today()
    chosen = set(selected) if selected is not None else None
    author = f"Import {preview.file_name}"
    applied = 0
    skipped: list[str] = []
    ids: set[uuid.UUID] = set()
    current = {
        r.id: r
        for r in list_action_items(
            session, ActionFilter(ids=frozenset(r.action_id for r in preview.rows if r.action_id))
        )
    }
    for row in preview.rows:
        if row.kind not in (RowKind.CHANGED, RowKind.CONFLICT) or row.action_id is None:
            continue
        if chosen is not None and row.action_id not in chosen:
            continue
        if chosen is None and row.kind is RowKind.CONFLICT and not include_conflicts:
            skipped.append(f"{row.number}: conflict, niet toegepast")
            continue
        now = current.get(row.action_id)
        if now is None:
            skipped.append(f"{row.number}: bestaat niet meer in de database")
            continue
        if row.database_version and now.updated_at.isoformat() != row.database_version:
            skipped.append(f"{row.number}: is in de app gewijzigd nadat het voorbeeld werd gemaakt")
            continue
        deadline_args = {}
        if row.deadline_changed:
            deadline_args = {"new_deadline": row.new_deadline, "new_deadline_text": row.new_deadline_text[:200]}
        record_progress(
            session,
            row.action_id,
            status=row.new_status or now.status,
            done_text=(row.new_progress or "")[:MAX_PROGRESS_CHARS],
            on=today,
            author=author[:200],
            **deadline_args,
        )
        applied += 1
        ids.add(row.action_id)
    session.flush()
    return ApplyResult(applied=applied, skipped=tuple(skipped), changes=Changes(actions=bool(ids), ids=frozenset(ids)))


# ---------------------------------------------------------------------------------------------------
# Existing lists kept by hand


@dataclass(frozen=True)
class ListImportResult:
    """What importing an existing list created."""

    created: int
    trekkers_matched: int
    trekkers_unmatched: tuple[str, ...]
    programme_id: uuid.UUID | None = None
    changes: Changes = field(default_factory=Changes)


def _match_trekkers(
    matcher: NameMatcher, names: Iterable[str]
) -> tuple[list[tuple[uuid.UUID, str]], list[tuple[uuid.UUID, str]], list[str]]:
    """(organisation ids, person ids, unmatched names) for the trekkers of one row."""
    orgs: list[tuple[uuid.UUID, str]] = []
    people: list[tuple[uuid.UUID, str]] = []
    unmatched: list[str] = []
    for name in names:
        org = matcher.organisation(name)
        if org is not None:
            orgs.append(org)
            continue
        person = matcher.person(name)
        if person is not None:
            people.append(person)
        else:
            unmatched.append(name)
    return orgs, people, unmatched


def _unique_numbers(session: Session, prefix: str) -> Iterable[str]:
    existing = set(session.scalars(select(ActionItem.number)))
    counter = 1
    while True:
        number = f"{prefix}-{counter:03d}"
        counter += 1
        if number not in existing:
            yield number


def import_action_list(
    session: Session,
    preview: ListPreview,
    *,
    file_name: str,
    today: date | None = None,
    number_prefix: str = "IMP",
) -> ListImportResult:
    """Create action items from an existing list (``imports.existing_list.ListPreview``).

    Numbers are kept from the list, or generated (``IMP-001``) where a row has none. The first trekker
    found as an organisation or person becomes the trekker; the cell's text is kept as written in
    ``trekker_text`` so several trekkers stay visible. Toelichting becomes a first progress update.
    """
    today = today or date.today()
    matcher = NameMatcher.from_session(session)
    numbers = _unique_numbers(session, number_prefix)
    created = matched = 0
    unmatched: list[str] = []
    ids: set[uuid.UUID] = set()
    author = f"Import {file_name}"
    for item in preview.items:
        orgs, people, missing = _match_trekkers(matcher, item.trekkers)
        unmatched.extend(missing)
        matched += len(orgs) + len(people)
        status = item.status or ActionStatus.NOT_STARTED
        action = ActionItem(
            id=uuid.uuid4(),
            number=(item.number or next(numbers))[:40],
            kind=ActionKind.ACTIEPUNT,
            text=item.text,
            trekker_text=item.trekker_text[:300],
            trekker_organisation_id=orgs[0][0] if orgs and not people else None,
            trekker_person_id=people[0][0] if people else None,
            deadline=item.deadline_date,
            deadline_text=item.deadline_text[:200],
            status=status,
            closed_on=today if status.is_closed else None,
        )
        if people and orgs:
            # A person and an organisation: the person leads; the text keeps both.
            action.trekker_organisation_id = None
        session.add(action)
        if item.note:
            session.add(
                ProgressUpdate(
                    action_item_id=action.id,
                    date=today,
                    status=status,
                    done_text=item.note,
                    author=author[:200],
                )
            )
        ids.add(action.id)
        created += 1
    session.flush()
    return ListImportResult(
        created=created,
        trekkers_matched=matched,
        trekkers_unmatched=tuple(dict.fromkeys(unmatched)),
        changes=Changes(actions=True, ids=frozenset(ids)),
    )


def import_programme_list(
    session: Session,
    preview: ListPreview,
    *,
    title: str,
    region: str = "",
    file_name: str = "",
) -> ListImportResult:
    """Create a programme from an existing list: a section per section row, ambitions and actions.

    Rows without a section row above them go under a section "Algemeen"; without an ambition column
    each section gets one ambition carrying its actions. Trekkers become the action's own
    responsibilities (matched to organisations or people where the name is known).
    """
    from ..models import Ambition, Programme, ProgrammeAction, Responsibility, ResponsibilityRole, Section

    if not title.strip():
        raise ValidationError("Geef het programma een titel.")
    matcher = NameMatcher.from_session(session)
    programme = Programme(id=uuid.uuid4(), title=title.strip()[:300], region=region.strip()[:200])
    if file_name:
        programme.description = f"Geïmporteerd uit {file_name}"
    session.add(programme)
    sections: dict[str, Section] = {}
    ambitions: dict[tuple[str, str], Ambition] = {}
    created = matched = 0
    unmatched: list[str] = []
    for item in preview.items:
        section_title = item.section or "Algemeen"
        section = sections.get(section_title)
        if section is None:
            section = Section(programme=programme, title=section_title[:300], position=len(sections) + 1)
            sections[section_title] = section
            session.add(section)
        ambition_text = item.ambition or section_title
        ambition = ambitions.get((section_title, ambition_text))
        if ambition is None:
            position = sum(1 for key in ambitions if key[0] == section_title) + 1
            ambition = Ambition(section=section, text=ambition_text, position=position)
            ambitions[(section_title, ambition_text)] = ambition
            session.add(ambition)
        status = item.status or ActionStatus.NOT_STARTED
        action = ProgrammeAction(
            ambition=ambition,
            code=item.number[:20],
            text=item.text,
            position=len(ambition.actions) + 1,
            deadline_text=item.deadline_text[:200],
            deadline_start=item.deadline_start,
            deadline_end=item.deadline_end,
            status=status,
            notes=item.note,
            overrides_responsibility=bool(item.trekkers),
        )
        session.add(action)
        orgs, people, missing = _match_trekkers(matcher, item.trekkers)
        unmatched.extend(missing)
        matched += len(orgs) + len(people)
        for position, name in enumerate(item.trekkers, start=1):
            org = matcher.organisation(name)
            person = None if org else matcher.person(name)
            action.own_responsibilities.append(
                Responsibility(
                    role=ResponsibilityRole.TREKKER,
                    label=name[:300],
                    organisation_id=org[0] if org else None,
                    person_id=person[0] if person else None,
                    position=position,
                )
            )
        created += 1
    session.flush()
    return ListImportResult(
        created=created,
        trekkers_matched=matched,
        trekkers_unmatched=tuple(dict.fromkeys(unmatched)),
        programme_id=programme.id,
        changes=Changes(programme=True, ids=frozenset({programme.id})),
    )
