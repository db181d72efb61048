"""The Excel exchange with partners: gathering what the Excel documents show, and applying imports.

The actielijst travels as Excel: it is exported (``gather_actielijst``), filled in by a partner and
read back (``ghnt_desktop.imports.roundtrip``). Applying the partner's changes (``apply_roundtrip``)
writes a ``ProgressUpdate`` per action, counts a moved deadline as a postponement and closes finished
actions. A list a region kept by hand is read by ``ghnt_desktop.imports.existing_list``, compared with
the database (``preview_action_list``: trekkers matched to organisations by name, alias, common
abbreviation or a small misspelling; a number that exists updates that action) and turned into
records here (``import_action_list``; a programme list goes through ``services.programme_import``).
``preview_file`` is the one entry
the wizard and ``import actielijst`` share.

Everything runs in the caller's session: an import is one transaction, so an error leaves the
database as it was. Nothing here imports Qt.

Applying a change goes through ``services.minutes.record_progress``, the same use case a meeting uses,
so postponements and closing dates are counted in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AttendanceStatus,
    MeetingState,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgressUpdate,
)
from . import Changes, NotFoundError, ServiceError, ValidationError
from .actions import ActionFilter, ActionRow, latest_progress_texts, list_action_items
from .change_log import note_reason
from .confidentiality import confidential_scope
from .minutes import record_progress
from .sheet_data import (
    MARK_ABSENT,
    MARK_EXCUSED,
    MARK_ITEM,
    MARK_PRESENT,
    MARK_SUBSTITUTED,
    ActielijstData,
    AttendanceLine,
    BesluitenlijstData,
    DecisionLine,
    MeetingColumn,
    OrganisationPresence,
    PresentielijstData,
    RepresentationData,
    RepresentationRow,
)

if TYPE_CHECKING:  # the export and import modules load openpyxl-related code only when used
    from ..imports.existing_list import ListItem, ListPreview, ListTable, TrekkerMatch
    from .name_match import Candidate, PreparedName
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
        to_be_held=header.state in (MeetingState.CONCEPT, MeetingState.PLANNED),
    )


def _best_mark(marks: list[str]) -> str:
    """The mark of an organisation with several people: represented beats afgemeld beats afwezig."""
    for mark in (MARK_PRESENT, MARK_SUBSTITUTED, MARK_ITEM, MARK_EXCUSED, MARK_ABSENT):
        if mark in marks:
            return mark
    return ""


def gather_representation(session: Session, year: int, *, series_id: uuid.UUID | None = None) -> RepresentationData:
    """Which organisation was represented at which meeting of ``year`` (of one series, or all).

    Cancelled meetings are left out; organisations appear when they were on at least one list.
    """
    from ..models import Attendance, Meeting, MeetingSeries

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
    all_series: bool = False,
) -> BesluitenlijstData:
    """The besluitenlijst for Excel, from the same query as the Word besluitenlijst: one series (the main one
    when none is given) unless ``all_series``, the series in the title and the period in the header."""
    from ..models import EscalationState
    from .documents import decision_list_document

    doc = decision_list_document(
        session,
        series_id=series_id,
        date_from=date_from,
        date_to=date_to,
        include_confidential=include_confidential,
        all_series=all_series,
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
    # The period as the Word list names it: the one asked for, else that of the first and last decision.
    period = ""
    if doc.date_from or doc.date_to:
        period = f"Periode {doc.date_from:%d-%m-%Y}" if doc.date_from else "Periode"
        period += f" t/m {doc.date_to:%d-%m-%Y}" if doc.date_to else " tot heden"
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


# Abbreviations and short names the network uses for organisations, expanded before matching. The
# organisation's own abbreviation and aliases (kept with it in the app) come first.
COMMON_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "vt": ("Veilig Thuis",),
    "rvdk": ("Raad voor de Kinderbescherming",),
    "rvk": ("Raad voor de Kinderbescherming",),
    "raad": ("Raad voor de Kinderbescherming",),
    "om": ("Openbaar Ministerie",),
    "zvh": ("Zorg- en Veiligheidshuis",),
    "zsh": ("Zorg- en Veiligheidshuis",),
    "vh": ("Zorg- en Veiligheidshuis", "Veiligheidshuis"),
    "cjg": ("Centrum voor Jeugd en Gezin",),
    "ggd": ("GGD",),
    "jgz": ("Jeugdgezondheidszorg",),
    "csg": ("Centrum Seksueel Geweld",),
    "shg": ("Steunpunt Huiselijk Geweld",),
    "vo": ("Vrouwenopvang",),
    "mo": ("Maatschappelijke Opvang",),
    "rn": ("Reclassering Nederland",),
    "3ro": ("Reclassering Nederland",),
    "reclassering": ("Reclassering Nederland",),
    "wsg": ("William Schrikker Groep",),
    "gi": ("Gecertificeerde Instelling",),
    "politie": ("Politie",),
    "ggz": ("GGZ",),
    "gemeenten": ("Alle gemeenten",),
    "alle gemeenten": ("Alle gemeenten",),
    "regiogemeenten": ("Alle gemeenten",),
}
FUZZY_THRESHOLD = 88.0  # rapidfuzz ratio (0-100) a misspelt name needs to be matched, shown for confirmation
FUZZY_MARGIN = 3.0  # a second organisation this close makes the match ambiguous: not matched


def _key(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.casefold().replace(".", " ").replace("-", " ").split())


@dataclass
class NameMatcher:
    """Finds organisations (name, abbreviation, alias, common abbreviation, small misspelling) and people.

    ``match`` returns a ``TrekkerMatch`` saying how the name was found, so the preview can show a
    misspelt or abbreviated name beside the organisation it became, for the user to confirm.
    """

    organisations: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)
    people: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)  # key -> "naam" / "alias" / "afkorting"
    # Every written form of each organisation (name, abbreviation, aliases) for the scored rules of
    # ``services.name_match``; the places (gemeenten, the programme's region) those rules know.
    labels: list[tuple[str, uuid.UUID, str]] = field(default_factory=list)
    places: frozenset[str] = field(default_factory=frozenset)
    region: frozenset[str] = field(default_factory=frozenset)  # the region's places: breaks a tie
    _prepared: list[tuple[PreparedName, uuid.UUID, str]] | None = None
    _seen: dict[str, list[Candidate]] = field(default_factory=dict)  # the split of a cell asks for a name often

    @classmethod
    def from_session(cls, session: Session) -> NameMatcher:
        from .name_match import place_key, places_from
        from .programme_scope import current_programme_id

        matcher = cls()
        gemeenten: list[str] = []
        rows = session.execute(
            select(
                Organisation.id, Organisation.name, Organisation.abbreviation, Organisation.aliases, Organisation.kind
            ).where(Organisation.merged_into_id.is_(None))
        )
        for org_id, name, abbreviation, aliases, kind in rows:
            labels = [(name, "naam"), (abbreviation or "", "afkorting"), *((a, "alias") for a in aliases or [])]
            for label, how in labels:
                key = _key(label)
                if key and key not in matcher.organisations:
                    matcher.organisations[key] = (org_id, name)
                    matcher.how[key] = how
                if label.strip():
                    matcher.labels.append((label, org_id, name))
            if kind is OrganisationKind.GEMEENTE:
                gemeenten += [name, *(aliases or [])]
        for person_id, name in session.execute(select(Person.id, Person.name).where(Person.archived.is_(False))):
            matcher.people.setdefault(_key(name), (person_id, name))
        programme_id = current_programme_id(session)
        region = session.scalar(select(Programme.region).where(Programme.id == programme_id)) if programme_id else ""
        matcher.places = places_from([*gemeenten, region or ""])
        matcher.region = frozenset({place_key(region)} if region and place_key(region) else ())
        return matcher

    def _exact(self, key: str) -> tuple[tuple[uuid.UUID, str], str] | None:
        found = self.organisations.get(key)
        if found is not None:
            return found, self.how.get(key, "naam")
        if key.startswith("gemeente "):
            found = self.organisations.get(key.removeprefix("gemeente "))
        elif key:
            found = self.organisations.get("gemeente " + key)
        return (found, "naam") if found is not None else None

    def _expanded(self, key: str) -> tuple[tuple[uuid.UUID, str], str] | None:
        for full in COMMON_ABBREVIATIONS.get(key, ()):
            found = self._exact(_key(full))
            if found is None:
                # "Veilig Thuis" for "Veilig Thuis Groningen": the only organisation whose name starts so.
                starts = {v for k, v in self.organisations.items() if k.startswith(_key(full) + " ")}
                if len(starts) == 1:
                    found = (starts.pop(), "afkorting")
            if found is not None:
                return found[0], "afkorting"
        return None

    def candidates(self, text: str) -> list[Candidate]:
        """The organisations and people ``text`` may be by the rules of ``services.name_match``, best first, each
        once, from ``PROPOSE_SCORE`` up."""
        from .name_match import PLACES, Candidate, person_score, prepare, prepared_score

        if text in self._seen:
            return self._seen[text]
        places = self.places or PLACES
        if self._prepared is None:
            # Each organisation's region (from its name) goes with its abbreviation and aliases: "GGD" of GGD
            # Groningen is never GGD Drenthe.
            own_place = {org_id: prepare(name, places).place for _label, org_id, name in self.labels}
            self._prepared = [(prepare(lb, places, place=own_place[o]), o, n) for lb, o, n in self.labels]
        written = prepare(text, places)
        best: dict[uuid.UUID, Candidate] = {}
        for prepared, org_id, name in self._prepared:
            scored = prepared_score(written, prepared, places)
            if scored.proposes and (org_id not in best or scored.score > best[org_id].score):
                best[org_id] = Candidate(org_id, name, "organisation", scored.score, scored.how)
        for person_id, name in self.people.values():
            scored = person_score(text, name)
            if scored.proposes and (person_id not in best or scored.score > best[person_id].score):
                best[person_id] = Candidate(person_id, name, "person", scored.score, scored.how)
        found = self._seen[text] = sorted(best.values(), key=lambda c: (-c.score, c.name.casefold()))
        return found

    def _chosen(self, found: list[Candidate]) -> Candidate | None:
        """The candidate to link: the best from ``LINK_SCORE`` when no other comes close (then the region's own,
        "Veilig Thuis" in Groningen being Veilig Thuis Groningen, or nobody: the user chooses)."""
        from .name_match import LINK_SCORE, place_key

        if not found or found[0].score < LINK_SCORE or found[0].kind != "organisation":
            return None
        close = [c for c in found if c.score >= found[0].score - FUZZY_MARGIN]
        if len(close) == 1:
            return close[0]
        own = [c for c in close if any(place_key(c.name).endswith(r) for r in self.region)]
        return own[0] if len(own) == 1 else None

    def match(self, text: str) -> TrekkerMatch:
        """The organisation or person ``text`` names, with how it was found (or nothing found); ``candidates``
        lists what it may be (linked or only proposed) for the preview."""
        from ..imports.existing_list import TrekkerMatch

        key = _key(text)
        if not key:
            return TrekkerMatch(text)
        for finder in (self._exact, self._expanded):
            found = finder(key)
            if found is not None:
                (org_id, name), how = found
                return TrekkerMatch(text, org_id, name, "organisation", how)
        person = self.people.get(key)
        if person is not None:
            return TrekkerMatch(text, person[0], person[1], "person", "naam")
        if len(key) < 2:
            return TrekkerMatch(text)
        candidates = self.candidates(text)
        chosen = self._chosen(candidates)
        if chosen is not None:
            how = chosen.how if chosen.how.startswith("lijkt op") else f"{chosen.how}, {chosen.score:.0f}%"
            return TrekkerMatch(text, chosen.target_id, chosen.name, chosen.kind, how, chosen.score, tuple(candidates))
        return TrekkerMatch(text, candidates=tuple(candidates))

    def known(self, text: str) -> bool:
        """True when ``text`` is one organisation or person (used to decide where a trekker cell splits)."""
        return self.match(text).target_id is not None

    def organisation(self, text: str) -> tuple[uuid.UUID, str] | None:
        """The organisation ``text`` names exactly (name, abbreviation, alias, common abbreviation)."""
        key = _key(text)
        found = self._exact(key) or self._expanded(key)
        return found[0] if found is not None else None

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
    selected_rows: Iterable[str] | None = None,
) -> ApplyResult:
    """Apply the partner's changes of a round-trip preview (``imports.roundtrip.RoundTripPreview``).

    ``selected`` limits the rows applied (all changed rows when None); conflicts are applied only when
    chosen explicitly or ``include_conflicts``. A row whose action changed again after the preview was
    made is skipped with a message. Runs in the caller's transaction.
    """
    from ..imports.roundtrip import RowKind

    today = today or date.today()
    chosen = set(selected) if selected is not None else None
    chosen_rows = set(selected_rows) if selected_rows is not None else None
    if chosen_rows is not None:
        chosen = {r.action_id for r in preview.rows if r.row_key in chosen_rows and r.action_id}
    applicable_rows: dict[uuid.UUID, int] = {}
    for r in preview.rows:
        if r.applicable and r.action_id is not None and (chosen_rows is None or r.row_key in chosen_rows):
            applicable_rows[r.action_id] = applicable_rows.get(r.action_id, 0) + 1
    done: set[uuid.UUID] = set()
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
        if chosen_rows is not None and row.row_key not in chosen_rows:
            continue
        if applicable_rows.get(row.action_id, 0) > 1:
            if row.action_id not in done:
                skipped.append(f"{row.number}: staat meer dan eens in het bestand met andere waarden; kies één regel")
                done.add(row.action_id)
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
        deadline_args: dict[str, Any] = {}
        if row.deadline_changed:
            deadline_args = {"new_deadline": row.new_deadline, "new_deadline_text": row.new_deadline_text[:200]}
        record_progress(
            session,
            row.action_id,
            status=row.new_status or now.status,
            done_text=row.new_progress or "",
            on=today,
            author=author[:200],
            **deadline_args,
        )
        if row.new_times_postponed is not None:
            action = session.get(ActionItem, row.action_id)
            if action is not None:
                if row.times_postponed_exact:
                    action.times_postponed = row.new_times_postponed
                else:
                    action.times_postponed = max(action.times_postponed, row.new_times_postponed)
        applied += 1
        ids.add(row.action_id)
    session.flush()
    return ApplyResult(applied=applied, skipped=tuple(skipped), changes=Changes(actions=bool(ids), ids=frozenset(ids)))


# ---------------------------------------------------------------------------------------------------
# Existing lists kept by hand


@dataclass(frozen=True)
class FilePreview:
    """A file read for import: a returned actielijst (``roundtrip``) or a hand-kept list (``table``).

    ``list_preview`` is None when no column for the action was recognised (the user picks it first).
    """

    workbook: WorkbookData
    roundtrip: RoundTripPreview | None = None
    table: ListTable | None = None
    list_preview: ListPreview | None = None


def preview_file(
    session: Session,
    path: Path | str,
    *,
    mode: str = "auto",
    sheet: str | None = None,
    reference: date | None = None,
    series_id: uuid.UUID | None = None,
    today: date | None = None,
) -> FilePreview:
    """Read ``path`` and make the preview the wizard and ``import actielijst`` show; writes nothing.

    ``mode`` is "auto" (a returned actielijst when the file has the hidden key column), "terug" or
    "lijst". Raises ``ImportFileError`` (Dutch, with what to do) for a file that cannot be used.
    """
    from ..imports.existing_list import read_list
    from ..imports.roundtrip import is_roundtrip_workbook
    from ..imports.workbook import read_workbook

    workbook = read_workbook(path)
    if mode == "terug" or (mode == "auto" and is_roundtrip_workbook(workbook)):
        return FilePreview(workbook, roundtrip=preview_roundtrip_workbook(session, workbook, reference=reference))
    table = read_list(workbook, sheet)
    preview = None  # without a column for the action the user picks it on the mapping page first
    if "text" in table.proposal.values():
        preview = preview_action_list(session, table, reference=reference, series_id=series_id, today=today)
    return FilePreview(workbook, table=table, list_preview=preview)


@dataclass(frozen=True)
class ListImportResult:
    """What importing an existing list created and updated."""

    created: int
    trekkers_matched: int
    trekkers_unmatched: tuple[str, ...]
    programme_id: uuid.UUID | None = None
    changes: Changes = field(default_factory=Changes)
    updated: int = 0
    refused: tuple[str, ...] = ()  # rows not imported, with the reason


def _match_trekkers(
    matcher: NameMatcher, names: Iterable[str]
) -> tuple[list[tuple[uuid.UUID, str]], list[tuple[uuid.UUID, str]], list[str]]:
    """(organisation ids, person ids, unmatched names) for the trekkers of one row."""
    orgs: list[tuple[uuid.UUID, str]] = []
    people: list[tuple[uuid.UUID, str]] = []
    unmatched: list[str] = []
    for name in names:
        found = matcher.match(name)
        if found.target_id is None:  # not found: kind ""
            unmatched.append(name)
        elif found.kind == "organisation":
            orgs.append((found.target_id, found.target_name))
        elif found.kind == "person":
            people.append((found.target_id, found.target_name))
        else:
            unmatched.append(name)
    return orgs, people, unmatched


def _unique_numbers(session: Session, prefix: str) -> Iterator[str]:
    existing = set(session.scalars(select(ActionItem.number)))
    counter = 1
    while True:
        number = f"{prefix}-{counter:03d}"
        counter += 1
        if number not in existing:
            yield number


@dataclass(frozen=True)
class _Trekker:
    person_id: uuid.UUID | None
    organisation_id: uuid.UUID | None
    text: str
    organisation_ids: tuple[uuid.UUID, ...] = ()  # every organisation a cell with several trekkers names


def _trekker_fields(item: ListItem) -> _Trekker:
    """The trekker of an action item from the matches of its row.

    One match is linked as the trekker. With several, the text names them all (matched names as the app
    spells them), so every list and document shows every trekker, and every matched organisation is linked
    (``ActionTrekker``), so filtering on any of them finds the action.
    """
    matched = [m for m in item.matches if m.target_id is not None]
    people = [m for m in matched if m.kind == "person"]
    orgs = [m for m in matched if m.kind == "organisation"]
    names = [m.target_name if m.target_id is not None else m.name for m in item.matches] or list(item.trekkers)
    if len(item.matches) == 1 and people:
        return _Trekker(people[0].target_id, None, item.trekker_text)
    if len(item.matches) == 1 and orgs:
        return _Trekker(None, orgs[0].target_id, item.trekker_text)
    if len(people) == 1 and len(orgs) == 1 and len(item.matches) == 2:
        return _Trekker(people[0].target_id, None, ", ".join(names))
    text = ", ".join(names) if len(names) > 1 else item.trekker_text
    organisation_ids = tuple(dict.fromkeys(m.target_id for m in orgs if m.target_id is not None))
    return _Trekker(None, None, text if len(text) <= 300 else item.trekker_text, organisation_ids)


def _series_meetings(session: Session, series_id: uuid.UUID) -> list[tuple[uuid.UUID, date]]:
    from ..models import Meeting

    return list(
        session.execute(select(Meeting.id, Meeting.date).where(Meeting.series_id == series_id).order_by(Meeting.date))
    )


def _origin_meeting(meetings: list[tuple[uuid.UUID, date]], day: date) -> uuid.UUID | None:
    """The meeting an imported action is recorded under: the one on ``day``, else the last one before it."""
    earlier = [m for m in meetings if m[1] <= day]
    return earlier[-1][0] if earlier else None


def _existing_by_number(session: Session, numbers: Iterable[str]) -> dict[str, list[ActionRow]]:
    wanted = {n.strip().casefold() for n in numbers if n.strip()}
    if not wanted:
        return {}
    ids = [
        action_id
        for action_id, number in session.execute(select(ActionItem.id, ActionItem.number))
        if number.strip().casefold() in wanted
    ]
    found: dict[str, list[ActionRow]] = {}
    for row in list_action_items(session, ActionFilter(ids=frozenset(ids))) if ids else []:
        found.setdefault(row.number.strip().casefold(), []).append(row)
    return found


def _item_changes(item: ListItem, row: ActionRow, progress: str, trekker: _Trekker) -> list[tuple[str, str, str]]:
    """(field, in the app, in the list) for each value the list would change on an existing action."""
    changes: list[tuple[str, str, str]] = []
    if " ".join(item.text.split()) != " ".join(row.text.split()):
        changes.append(("Actie", row.text, item.text))
    new_status = _status_for_existing(item, row.status)
    if new_status is not row.status:
        changes.append(("Status", row.status.label, new_status.label))
    if item.deadline_text or item.deadline_date:
        shown_new = item.deadline_text or (item.deadline_date.isoformat() if item.deadline_date else "")
        if item.deadline_date != row.deadline or (item.deadline_text and item.deadline_text != row.deadline_text):
            if item.deadline_date != row.deadline:
                old = row.deadline_text or (f"{row.deadline:%d-%m-%Y}" if row.deadline else "(geen)")
                changes.append(("Deadline", old, shown_new))
    if item.trekker_text and trekker.text != row.trekker and item.trekker_text != row.trekker:
        linked = {trekker.organisation_id, trekker.person_id} - {None}
        if not linked or linked != ({row.trekker_organisation_id, row.trekker_person_id} - {None}):
            changes.append(("Trekker", row.trekker or "(geen)", trekker.text or item.trekker_text))
    if item.note and item.note.strip() != progress.strip():
        changes.append(("Stand van zaken", progress or "(geen)", item.note))
    count = _postponements(item, row.times_postponed)
    if count != row.times_postponed:
        changes.append(("Keer uitgesteld", str(row.times_postponed), str(count)))
    if item.confidential is not None and item.confidential != row.confidential:
        changes.append(("Vertrouwelijk", "ja" if row.confidential else "nee", "ja" if item.confidential else "nee"))
    return changes


def _status_for_existing(item: ListItem, current: ActionStatus) -> ActionStatus:
    if item.status is None:
        return current
    if item.postponed and not item.status.is_closed:
        # "Doorgeschoven": the action stays open as it was (a closed one is opened again).
        return current if not current.is_closed else ActionStatus.IN_PROGRESS
    return item.status


def _postponements(item: ListItem, current: int) -> int:
    if item.times_postponed is not None:
        return item.times_postponed
    return current + 1 if item.postponed else current


def preview_action_list(
    session: Session,
    table: ListTable,
    mapping: dict[int, str] | None = None,
    *,
    status_overrides: dict[str, ActionStatus] | None = None,
    reference: date | None = None,
    series_id: uuid.UUID | None = None,
    today: date | None = None,
    match_existing: bool = True,
) -> ListPreview:
    """The preview of a hand-kept list against the database; writes nothing. The wizard and the CLI both call this.

    Trekker cells are split where the names are known and matched to organisations (aliases, common
    abbreviations, small misspellings, each match shown); a row whose number exists updates that action
    (``existing_id`` and ``changes`` per row); with ``series_id`` the actions are recorded under the
    series' last meeting (on or before the row's meeting date, else today) so they come up for review at
    the next overleg. Raises ``ValidationError`` when the series has no such meeting.
    """
    from dataclasses import replace

    from ..imports.existing_list import build_list_preview
    from ..models import MeetingSeries

    today = today or date.today()
    matcher = NameMatcher.from_session(session)
    preview = build_list_preview(
        table, mapping, status_overrides=status_overrides, reference=reference, known=matcher.known
    )
    series_name = ""
    warnings = list(preview.warnings)
    if series_id is not None:
        series = session.get(MeetingSeries, series_id)
        if series is None:
            raise NotFoundError(
                "Die overlegreeks bestaat niet (meer). Kies een andere reeks of importeer zonder reeks."
            )
        series_name = series.name
        meetings = _series_meetings(session, series_id)
        if _origin_meeting(meetings, today) is None and not any(
            i.meeting_date and _origin_meeting(meetings, i.meeting_date) for i in preview.items
        ):
            raise ValidationError(
                f"De reeks {series.name} heeft nog geen overleg op of vóór {today:%d-%m-%Y}, dus de acties kunnen niet "
                "aan een eerder overleg van de reeks worden gekoppeld. Leg eerst het vorige overleg vast "
                "(Overleggen > Nieuw overleg, met de datum waarop het was) of importeer zonder reeks."
            )
    # A programme list's codes ("1.2") are no action numbers: only an action list updates existing actions.
    existing = _existing_by_number(session, (i.number for i in preview.items)) if match_existing else {}
    progress = latest_progress_texts(session, [r.id for rows in existing.values() for r in rows])
    items = []
    for item in preview.items:
        matches = tuple(matcher.match(name) for name in item.trekkers)
        item = replace(item, matches=matches)
        rows = existing.get(item.number.strip().casefold(), []) if item.number else []
        if len(rows) > 1:
            item = replace(
                item,
                problems=(
                    *item.problems,
                    f"nummer {item.number} staat {len(rows)} keer in de app: pas het nummer in het bestand aan "
                    "(bijvoorbeeld naar het nummer dat de app toont) en lees het opnieuw in",
                ),
            )
        elif rows:
            row = rows[0]
            trekker = _trekker_fields(item)
            item = replace(
                item, existing_id=row.id, changes=tuple(_item_changes(item, row, progress.get(row.id, ""), trekker))
            )
            # The status the action will have ("Doorgeschoven" keeps it as it is), as the preview shows it.
            item = replace(item, status=_status_for_existing(item, row.status) if item.status else None)
        items.append(item)
    fuzzy = sum(1 for i in items for m in i.matches if m.fuzzy)
    if fuzzy:
        warnings.append(
            f"{fuzzy} trekker{'s zijn' if fuzzy != 1 else ' is'} herkend op een naam die erop lijkt (met %): "
            "controleer die in de kolom Trekker; pas zo nodig het bestand aan."
        )
    updates = sum(1 for i in items if i.existing_id is not None and i.importable)
    if updates:
        warnings.append(
            f"{updates} {'actie bestaat' if updates == 1 else 'acties bestaan'} al (zelfde nummer) en "
            f"{'wordt' if updates == 1 else 'worden'} bijgewerkt, niet opnieuw aangemaakt."
        )
    return replace(preview, items=tuple(items), warnings=tuple(warnings), series_id=series_id, series_name=series_name)


def import_action_list(
    session: Session,
    preview: ListPreview,
    *,
    file_name: str,
    today: date | None = None,
    number_prefix: str = "IMP",
) -> ListImportResult:
    """Create (or, for a number that exists, update) action items from ``preview_action_list``'s preview.

    Numbers are kept from the list, or generated (``IMP-001``) where a row has none. Trekkers are linked
    as ``_trekker_fields`` says; the toelichting becomes a progress update; "doorgeschoven" keeps the
    status open and counts a postponement. Rows with problems are not imported (listed in ``refused``).
    An existing action is updated through the same use cases as at a meeting (``record_progress``,
    ``update_action_item``). Runs in the caller's transaction.
    """
    from dataclasses import replace

    from .minutes import update_action_item

    today = today or date.today()
    if preview.items and not any(i.matches for i in preview.items) and any(i.trekkers for i in preview.items):
        # A preview made without the database (``build_list_preview``): match the trekkers now.
        from ..imports.existing_list import split_trekkers

        matcher = NameMatcher.from_session(session)
        items = []
        for item in preview.items:
            names = tuple(split_trekkers(item.trekker_text, matcher.known))
            items.append(replace(item, trekkers=names, matches=tuple(matcher.match(n) for n in names)))
        preview = replace(preview, items=tuple(items))
    numbers = _unique_numbers(session, number_prefix)
    meetings = _series_meetings(session, preview.series_id) if preview.series_id is not None else []
    created = updated = matched = 0
    unmatched: list[str] = []
    refused: list[str] = []
    ids: set[uuid.UUID] = set()
    author = f"Import {file_name}"[:200]
    note_reason(session, author)  # the change log names the user; the file the changes came from goes with them
    for item in preview.items:
        if not item.importable:
            refused.append(f"regel {item.row_number}: " + "; ".join(item.problems))
            continue
        matched += sum(1 for m in item.matches if m.target_id is not None)
        unmatched.extend(m.name for m in item.matches if m.target_id is None)
        trekker = _trekker_fields(item)
        note = item.note
        if item.parties:
            note = (note + "\n\n" if note else "") + f"Betrokken partijen: {item.parties}"
        if item.existing_id is not None:
            action = session.get(ActionItem, item.existing_id)
            if action is None:
                refused.append(f"regel {item.row_number}: actie {item.number} bestaat niet meer in de app")
                continue
            fields: dict[str, Any] = {}
            if " ".join(item.text.split()) != " ".join(action.text.split()):
                fields["text"] = item.text
            if item.trekker_text and any(label == "Trekker" for label, _o, _n in item.changes):
                fields.update(
                    trekker_person_id=trekker.person_id,
                    trekker_organisation_id=trekker.organisation_id,
                    trekker_text=trekker.text,
                    trekker_organisation_ids=trekker.organisation_ids,
                )
            if item.confidential is not None and item.confidential != action.confidential:
                fields["confidential"] = item.confidential
            try:
                if fields:
                    update_action_item(session, action.id, **fields)
            except ServiceError as exc:
                refused.append(f"regel {item.row_number}: actie {item.number} niet bijgewerkt: {exc}")
                continue
            status = _status_for_existing(item, action.status)
            deadline_args: dict[str, Any] = {}
            if item.deadline_date is not None and item.deadline_date != action.deadline:
                deadline_args = {"new_deadline": item.deadline_date, "new_deadline_text": item.deadline_text}
            postponed_by_deadline = False
            if status is not action.status or deadline_args or (note and note.strip()):
                result = record_progress(
                    session, action.id, status=status, done_text=note, on=today, author=author, **deadline_args
                )
                postponed_by_deadline = result.postponed
            if item.times_postponed is not None:
                action.times_postponed = item.times_postponed
            elif item.postponed and not postponed_by_deadline:
                action.times_postponed += 1  # "Doorgeschoven" without a later deadline still counts once
            updated += 1
            ids.add(action.id)
            continue
        status = item.status or ActionStatus.NOT_STARTED
        origin = None
        if meetings:
            origin = _origin_meeting(meetings, item.meeting_date or today) or _origin_meeting(meetings, today)
        action = ActionItem(
            id=uuid.uuid4(),
            number=item.number or next(numbers),
            kind=ActionKind.ACTIEPUNT,
            text=item.text,
            trekker_text=trekker.text,
            trekker_organisation_id=trekker.organisation_id,
            trekker_person_id=trekker.person_id,
            deadline=item.deadline_date,
            deadline_text=item.deadline_text,
            status=status,
            closed_on=today if status.is_closed else None,
            times_postponed=_postponements(item, 0),
            confidential=bool(item.confidential),
            origin_meeting_id=origin,
        )
        session.add(action)
        if trekker.organisation_ids:
            linked = (session.get(Organisation, o) for o in trekker.organisation_ids)
            action.trekker_organisations = [o for o in linked if o is not None]
        if note:
            session.add(
                ProgressUpdate(action_item_id=action.id, date=today, status=status, done_text=note, author=author)
            )
        ids.add(action.id)
        created += 1
    session.flush()
    note_reason(session, "")
    return ListImportResult(
        created=created,
        updated=updated,
        trekkers_matched=matched,
        trekkers_unmatched=tuple(dict.fromkeys(unmatched)),
        refused=tuple(refused),
        changes=Changes(actions=True, ids=frozenset(ids)),
    )
