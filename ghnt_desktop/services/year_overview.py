"""The jaaroverzicht for the bestuurlijk overleg: what the network's overleggen did in one year.

Plain data for ``exports/docx_year.py``: the meetings held per series, representation per organisation at
those meetings, the decisions per series with every escalation and its outcome, and the action items opened
and closed. Vertrouwelijk content is left out (and counted) by the one rule of ``services.confidentiality``
unless asked: a confidential decision is not listed, a confidential action is not counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import EscalationState, Meeting, MeetingSeries, MeetingState, Programme, ProgrammeStatus
from . import ValidationError
from .actions import CLOSED_STATUSES, ActionFilter, list_action_items
from .documents import DecisionEntry, Omitted, _setting, decision_list_document
from .importing import gather_representation
from .sheet_data import REPRESENTED_MARKS

NO_SERIES = "Losse overleggen"  # meetings and actions outside any series


@dataclass(frozen=True)
class SeriesYear:
    """One series in the year: its meetings held, decisions taken and action items opened and closed."""

    name: str
    meeting_dates: tuple[date, ...]
    cancelled: int
    decisions: int
    escalated: int
    actions_opened: int
    actions_closed: int
    actions_open_at_end: int


@dataclass(frozen=True)
class Representation:
    """An organisation at the year's meetings held: invited (on the list), represented, and the share."""

    organisation: str
    invited: int
    represented: int

    @property
    def share(self) -> float | None:
        return self.represented / self.invited if self.invited else None


@dataclass(frozen=True)
class YearOverviewDocument:
    year: int
    region: str
    series: tuple[SeriesYear, ...]
    representation: tuple[Representation, ...]
    escalations: tuple[DecisionEntry, ...]  # decisions put to a bestuurlijk overleg, with their outcome
    omitted: Omitted
    author: str

    @property
    def meetings_held(self) -> int:
        return sum(len(s.meeting_dates) for s in self.series)

    @property
    def count(self) -> int:
        return self.meetings_held


def default_year(session: Session, today: date | None = None) -> int | None:
    """The last complete year (before ``today``'s) in which a meeting was held: what a jaaroverzicht asked for
    without a year is about. None when no meeting was held before this year."""
    this_year = (today or date.today()).year
    last = session.scalar(
        select(func.max(Meeting.date)).where(
            Meeting.state.in_((MeetingState.HELD, MeetingState.MINUTES_APPROVED)), Meeting.date < date(this_year, 1, 1)
        )
    )
    return last.year if last is not None else None


def year_overview_document(
    session: Session, year: int, *, include_confidential: bool = False, today: date | None = None
) -> YearOverviewDocument:
    """The jaaroverzicht of ``year``. Meetings count as held when gehouden or with a vastgesteld verslag;
    ``today`` (for the open actions of a year not yet over) defaults to the real date."""
    if not 1900 <= year <= 2200:
        raise ValidationError(f"Het jaar {year} is geen geldig jaar.")
    first, last = date(year, 1, 1), date(year, 12, 31)
    end = min(last, today or date.today())
    held_states = (MeetingState.HELD, MeetingState.MINUTES_APPROVED)
    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.state, func.coalesce(MeetingSeries.name, NO_SERIES))
        .outerjoin(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .where(Meeting.date >= first, Meeting.date <= last)
        .order_by(Meeting.date, Meeting.start_time)
    ).all()
    dates: dict[str, list[date]] = defaultdict(list)
    cancelled: Counter[str] = Counter()
    for _id, day, state, series in meetings:
        if state in held_states:
            dates[series].append(day)
        elif state is MeetingState.CANCELLED:
            cancelled[series] += 1

    decisions = decision_list_document(
        session, date_from=first, date_to=last, include_confidential=include_confidential, all_series=True
    )
    decided: Counter[str] = Counter()
    escalated: Counter[str] = Counter()
    for decision in decisions.decisions:
        decided[decision.series_name or NO_SERIES] += 1
        if decision.escalation is not EscalationState.NONE:
            escalated[decision.series_name or NO_SERIES] += 1
    escalations = tuple(d for d in decisions.decisions if d.escalation is not EscalationState.NONE)

    # Action items of the year's meetings and those closed in the year, counted per series of origin.
    actions = list_action_items(session, ActionFilter(created_to=last))
    left_out_actions = 0
    opened: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    open_at_end: Counter[str] = Counter()
    for action in actions:
        if action.confidential and not include_confidential:
            if action.origin_meeting_date is not None and action.origin_meeting_date >= first:
                left_out_actions += 1
            continue
        series = action.series_name or NO_SERIES
        if action.origin_meeting_date is not None and first <= action.origin_meeting_date <= last:
            opened[series] += 1
        if action.closed_on is not None and first <= action.closed_on <= last:
            closed[series] += 1
        still_open = action.status not in CLOSED_STATUSES or (action.closed_on is not None and action.closed_on > end)
        if still_open and (action.origin_meeting_date is None or action.origin_meeting_date <= end):
            open_at_end[series] += 1

    names = set(dates) | set(cancelled) | set(decided) | set(opened) | set(closed)
    order = {name: i for i, name in enumerate(_series_order(session))}
    series_years = tuple(
        SeriesYear(
            name=name,
            meeting_dates=tuple(dates.get(name, ())),
            cancelled=cancelled[name],
            decisions=decided[name],
            escalated=escalated[name],
            actions_opened=opened[name],
            actions_closed=closed[name],
            actions_open_at_end=open_at_end[name],
        )
        for name in sorted(names, key=lambda n: (order.get(n, len(order)), n.casefold()))
    )
    return YearOverviewDocument(
        year=year,
        region=session.scalar(
            select(Programme.region).order_by((Programme.status == ProgrammeStatus.ACTIVE).desc()).limit(1)
        )
        or "",
        series=series_years,
        representation=_representation(session, year, {d for ds in dates.values() for d in ds}),
        escalations=escalations,
        omitted=Omitted(
            decisions=decisions.omitted.decisions,
            actions=left_out_actions,
            included=decisions.omitted.included,
        ),
        author=_setting(session, "organisation", "GHNT Desktop"),
    )


def _series_order(session: Session) -> list[str]:
    """Series in the order a bestuurder reads them: the bestuurlijk overleg and afstemmingsoverleg first."""
    rows = session.execute(select(MeetingSeries.name, MeetingSeries.kind).order_by(MeetingSeries.name)).all()
    rank = {"bestuurlijk_overleg": 0, "afstemmingsoverleg": 1, "tactisch_overleg": 2}
    return [name for name, kind in sorted(rows, key=lambda r: (rank.get(r[1].value, 3), r[0].casefold()))]


def _representation(session: Session, year: int, held: set[date]) -> tuple[Representation, ...]:
    """Per organisation, at the meetings held: on the list (a mark) and represented; one denominator for both.

    The rule for guests of vertrouwelijke items is ``gather_representation``'s (they are not counted)."""
    data = gather_representation(session, year)
    columns = [i for i, m in enumerate(data.meetings) if m.date in held]
    result = []
    for row in data.rows:
        marks = [row.marks[i] for i in columns if row.marks[i]]
        if marks:
            result.append(Representation(row.organisation, len(marks), sum(1 for m in marks if m in REPRESENTED_MARKS)))
    return tuple(result)
