"""A year of meetings relative to today: series, agendas, attendance, minutes, decisions and action items.

Each series meets in fixed months on an n-th weekday, so ``number_in_year`` is the meeting's place in
its year's schedule. Meetings of the past year are held (the last one of a series only held, the
earlier ones with approved minutes); meetings up to half a year ahead are planned (the next one) or
concept. Action items follow a lifecycle over the later meetings of their series: closed, cancelled,
postponed (with the old and new deadline in the history), on hold, or still open and maybe overdue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from random import Random

from ..deadlines import parse_deadline
from ..dutch_dates import long_date
from ..models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    AgendaPurpose,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    Decision,
    EscalationState,
    LocalStatus,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    ProgrammeAction,
    ProgressUpdate,
    SeriesInvitee,
    agenda_item_programme_action,
)
from ..numbering import action_number, decision_number
from ..services.agenda import PROGRESS_ITEM
from .ids import stable_id
from .network import NetworkData
from .programme import OrganisationIndex, ProgrammeData
from .texts import (
    ANNOUNCEMENTS,
    ANY_OTHER_BUSINESS,
    AO_TOPICS,
    BO_TOPICS,
    FUTURE_AO_TOPICS,
    GUEST_NAME,
    GUEST_ORGANISATION,
    JAARPLAN_ESCALATION,
    LOCAL_NOTES,
    MDA_ESCALATION,
    POSTPONE_REASONS,
    PROGRESS_DONE,
    PROGRESS_TODO,
    SERIES,
    STANDARD_ITEMS,
    TO_TOPICS,
    WG_ACTIONS,
    WG_TOPICS,
    WORKING_GROUPS,
    ActionTemplate,
    SeriesSpec,
    TextContext,
    Topic,
)

PAST_DAYS = 365
FUTURE_DAYS = 183
# AO sections discussed in turn, one per meeting (all programme actions come by over the year).
AO_SECTION_ROTATION = ("E", "S", "A", "R")
# Lifecycle of action items whose series met again since, and of those from the last meeting.
FATES_WITH_FOLLOW_UP = (
    "done",
    "postponed",
    "in_progress",
    "done",
    "cancelled",
    "postponed",
    "done",
    "on_hold",
    "in_progress",
    "done",
    "postponed",
    "not_started",
)
FATES_LAST_MEETING = ("not_started", "in_progress", "in_progress", "not_started", "done")


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60]


@dataclass
class SeriesPlan:
    """A series with its schedule: every scheduled date (also outside the window) and its meetings."""

    spec: SeriesSpec
    series: MeetingSeries
    schedule: list[tuple[date, int]]
    meetings: list[Meeting] = field(default_factory=list)
    working_group_code: str | None = None

    @property
    def past(self) -> list[Meeting]:
        return [m for m in self.meetings if m.state in (MeetingState.HELD, MeetingState.MINUTES_APPROVED)]

    @property
    def future(self) -> list[Meeting]:
        return [m for m in self.meetings if m.state in (MeetingState.PLANNED, MeetingState.CONCEPT)]

    def previous_date(self, day: date) -> date | None:
        earlier = [d for d, _ in self.schedule if d < day]
        return earlier[-1] if earlier else None

    def next_date(self, day: date) -> date | None:
        later = [d for d, _ in self.schedule if d > day]
        return later[0] if later else None


@dataclass
class ItemPlan:
    """An agenda item being built, with the topic it came from."""

    item: AgendaItem
    topic: Topic | None = None
    decision_text: str = ""


@dataclass
class MeetingData:
    """Everything the meeting builder made, in insert order."""

    series: list[MeetingSeries] = field(default_factory=list)
    invitees: list[SeriesInvitee] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    agenda_links: list[dict] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    updates: list[ProgressUpdate] = field(default_factory=list)
    local_statuses: list[LocalStatus] = field(default_factory=list)


class MeetingBuilder:
    """Builds the meetings of the demo; one instance per build, with the build's random generator."""

    def __init__(
        self,
        today: date,
        rng: Random,
        index: OrganisationIndex,
        programme: ProgrammeData,
        network: NetworkData,
    ) -> None:
        self.today = today
        self.rng = rng
        self.index = index
        self.programme = programme
        self.network = network
        self.data = MeetingData()
        self.plans: dict[str, SeriesPlan] = {}
        self.items: dict[object, list[ItemPlan]] = {}  # by meeting id
        self.fate_counters = {"follow": 0, "last": 0}
        self.update_counts: dict[object, int] = {}
        self.open_count = 0
        self.org_by_id = {org.id: org for org in index.by_name.values()}

    # -- helpers -------------------------------------------------------------------------------------------

    def person(self, key: str):
        return self.network.person[key]

    def org_label(self, organisation_id) -> str:
        org = self.org_by_id.get(organisation_id)
        return (org.abbreviation or org.name) if org else ""

    def text_context(self, plan: SeriesPlan, day: date) -> TextContext:
        previous = plan.previous_date(day)
        following = self.plans["AO"].next_date(day) if "AO" in self.plans else None
        return TextContext(
            year=day.year,
            next_year=day.year + 1,
            prev_date=long_date(previous, weekday=False) if previous else "het vorige overleg",
            next_date=long_date(following, weekday=False) if following else "",
        )

    # -- series and schedules ------------------------------------------------------------------------------

    def _series_specs(self) -> list[tuple[SeriesSpec, str | None]]:
        specs: list[tuple[SeriesSpec, str | None]] = [(spec, None) for spec in SERIES]
        for wg in WORKING_GROUPS:
            members = self.network.memberships[wg.code]
            # The first member in office today keeps the werkgroep's notes.
            secretary = next(
                m.person_key for m in self.network.members_on(wg.code, self.today) if m.role != "voorzitter"
            )
            specs.append(
                (
                    SeriesSpec(
                        code=wg.code,
                        name=wg.name,
                        kind=MeetingKind.WERKGROEP,
                        months=wg.months,
                        weekday=wg.weekday,
                        week=wg.week,
                        start=(9, 30),
                        end=(11, 0),
                        location=wg.location,
                        online_link="",
                        chair=wg.chair,
                        secretary=secretary,
                        invitees=tuple(m.person_key for m in members if m.end is None and m.role != "voorzitter"),
                        short_title=wg.name,
                    ),
                    wg.code,
                )
            )
        return specs

    def build_series(self) -> None:
        window_start = self.today - timedelta(days=PAST_DAYS)
        window_end = self.today + timedelta(days=FUTURE_DAYS)
        for spec, wg_code in self._series_specs():
            series = MeetingSeries(
                id=stable_id("meeting_series", spec.code),
                name=spec.name,
                code=spec.code,
                kind=spec.kind,
                meetings_per_year=len(spec.months),
                default_start=time(*spec.start),
                default_end=time(*spec.end),
                default_location=spec.location,
                default_online_link=spec.online_link,
                chair_id=self.person(spec.chair).id,
                secretary_id=self.person(spec.secretary).id,
                working_group_id=self.network.group_by_code[wg_code].id if wg_code else None,
            )
            self.data.series.append(series)
            for position, key in enumerate(dict.fromkeys((spec.chair, spec.secretary, *spec.invitees))):
                person = self.person(key)
                self.data.invitees.append(
                    SeriesInvitee(
                        id=stable_id("series_invitee", spec.code, position),
                        series_id=series.id,
                        person_id=person.id,
                        organisation_id=person.organisation_id,
                    )
                )
            schedule = [
                (nth_weekday(year, month, spec.weekday, spec.week), number)
                for year in range(window_start.year - 1, window_end.year + 2)
                for number, month in enumerate(spec.months, start=1)
            ]
            self.plans[spec.code] = SeriesPlan(spec, series, sorted(schedule), working_group_code=wg_code)
        self.plans["AO"].series.escalates_to_id = self.plans["BO"].series.id
        self.plans["TO"].series.escalates_to_id = self.plans["AO"].series.id

        for plan in self.plans.values():
            past = [(d, n) for d, n in plan.schedule if window_start <= d < self.today]
            future = [(d, n) for d, n in plan.schedule if self.today <= d <= window_end]
            if not future:  # every series shows its next meeting, even when it is further ahead
                future = [next((d, n) for d, n in plan.schedule if d >= self.today)]
            for i, (day, number) in enumerate(past):
                state = MeetingState.HELD if i == len(past) - 1 else MeetingState.MINUTES_APPROVED
                plan.meetings.append(self._meeting(plan, day, number, state))
            for i, (day, number) in enumerate(future):
                state = MeetingState.PLANNED if i == 0 else MeetingState.CONCEPT
                plan.meetings.append(self._meeting(plan, day, number, state))

    def _meeting(self, plan: SeriesPlan, day: date, number: int, state: MeetingState) -> Meeting:
        spec = plan.spec
        meeting_id = stable_id("meeting", spec.code, day.isoformat())
        chair = self.network.seat_holder(spec.chair, day)
        secretary = self.network.seat_holder(spec.secretary, day)
        meeting = Meeting(
            id=meeting_id,
            series_id=plan.series.id,
            kind=spec.kind,
            title=f"{spec.short_title} {long_date(day, weekday=False)}",
            date=day,
            number_in_year=number,
            start_time=time(*spec.start),
            end_time=time(*spec.end),
            location=spec.location,
            online_link=spec.online_link,
            chair_id=self.person(chair).id,
            secretary_id=self.person(secretary).id,
            state=state,
            working_group_id=plan.series.working_group_id,
            ics_uid=f"{meeting_id}@ghnt-desktop",
            ics_sequence=0,
        )
        self.data.meetings.append(meeting)
        return meeting

    # -- agendas -------------------------------------------------------------------------------------------

    def build_agendas(self) -> None:
        ao, bo = self.plans["AO"], self.plans["BO"]
        # Escalations: one decided at the last bestuurlijk overleg that followed an afstemmingsoverleg in
        # the window, one waiting for the next bestuurlijk overleg.
        self.decided: tuple[Meeting, Meeting] | None = None
        for bo_meeting in reversed(bo.past):
            before = [m for m in ao.past if m.date < bo_meeting.date]
            if before:
                self.decided = (before[-1], bo_meeting)
                break
        self.pending: tuple[Meeting, Meeting] | None = (ao.past[-1], bo.future[0]) if ao.past and bo.future else None

        for code, plan in self.plans.items():
            for i, meeting in enumerate(plan.meetings):
                topics = self._topics(code, plan, i, meeting)
                self._agenda(plan, meeting, topics)

    def _topics(self, code: str, plan: SeriesPlan, i: int, meeting: Meeting) -> list[Topic]:
        held = meeting in plan.past
        if code == "AO":
            topics = [self._progress_topic(AO_SECTION_ROTATION[i % len(AO_SECTION_ROTATION)])]
            if held:
                topics += [AO_TOPICS[j] for j in (2 * i, 2 * i + 1) if j < len(AO_TOPICS)]
            else:
                title, purpose, who = FUTURE_AO_TOPICS[(i - len(plan.past)) % len(FUTURE_AO_TOPICS)]
                topics.append(Topic(_slug(title), title, purpose, who, ""))
            if self.decided and meeting is self.decided[0]:
                topics.append(MDA_ESCALATION)
            if self.pending and meeting is self.pending[0]:
                topics.append(JAARPLAN_ESCALATION)
            topics.append(self._working_groups_topic())
            return topics
        if code == "TO":
            return [TO_TOPICS[0], TO_TOPICS[1 + i % (len(TO_TOPICS) - 1)]]
        if code == "BO":
            topics = []
            if self.decided and meeting is self.decided[1]:
                topics.append(self._escalation_topic(MDA_ESCALATION, self.decided[0], decided=True))
            if self.pending and meeting is self.pending[1]:
                topics.append(self._escalation_topic(JAARPLAN_ESCALATION, self.pending[0], decided=False))
            return topics + [BO_TOPICS[i % len(BO_TOPICS)]]
        wg = plan.working_group_code
        actions = tuple(
            a.code for a in self.programme.actions if a.working_group_id == self.network.group_by_code[wg].id
        )
        pool = WG_ACTIONS[wg]
        first = WG_TOPICS[0]
        own = Topic(
            first.key,
            first.title,
            first.purpose,
            first.inbrenger,
            first.minutes,
            first.decision,
            actions=(pool[i % len(pool)],),
            documents=first.documents,
            planned_minutes=first.planned_minutes,
            programme_actions=actions,
        )
        return [own, WG_TOPICS[1 + i % (len(WG_TOPICS) - 1)]]

    def _progress_topic(self, section_code: str) -> Topic:
        section = self.programme.section_by_code[section_code]
        actions = self.programme.actions_of_section(section_code)
        done = sum(a.status == ActionStatus.DONE for a in actions)
        running = sum(a.status == ActionStatus.IN_PROGRESS for a in actions)
        late = [a for a in actions if a.deadline_end and a.deadline_end < self.today and not a.status.is_closed]
        label = f"actielijn {section.title}" if section.national_line else section.title
        # Numbers in words a secretaris would write: "loopt er 1", "geen actie loopt achter".
        runs = f"loopt er {running}" if running == 1 else f"lopen er {running}"
        behind = (
            "geen actie loopt achter op de planning"
            if not late
            else ("1 actie loopt" if len(late) == 1 else f"{len(late)} acties lopen") + " achter op de planning"
        )
        minutes = (
            f"De projectleider licht de voortgang toe: van de {len(actions)} acties zijn er {done} afgerond en "
            f"{runs}; {behind}. De trekkers bespreken de knelpunten; waar nodig worden nieuwe afspraken gemaakt "
            "over planning en inzet."
        )
        action = ActionTemplate(
            f"Knelpunten bij de acties van {label} uitwerken met de trekkers en terugkoppelen",
            "projectleider",
            programme_action=(late or actions)[0].code,
        )
        return Topic(
            f"voortgang_{section_code}",
            f"Voortgang actieprogramma: {label}",
            AgendaPurpose.BESPREKING,
            "projectleider",
            minutes,
            actions=(action,),
            documents=(f"Voortgangsoverzicht {label}",),
            planned_minutes=30,
            programme_actions=tuple(a.code for a in actions),
        )

    def _working_groups_topic(self) -> Topic:
        names = ", ".join(wg.name for wg in WORKING_GROUPS)
        return Topic(
            "werkgroepen",
            "Terugkoppeling werkgroepen",
            AgendaPurpose.INFORMATIE,
            "projectleider",
            f"De voorzitters van de werkgroepen ({names}) geven een korte stand van zaken. Er zijn geen "
            "knelpunten die om een besluit van dit overleg vragen.",
            planned_minutes=15,
        )

    def _escalation_topic(self, topic: Topic, source: Meeting, *, decided: bool) -> Topic:
        """The bestuurlijk overleg's item for a decision escalated by the afstemmingsoverleg ``source``."""
        # Texts are filled as the afstemmingsoverleg wrote them, not with the bestuurlijk overleg's year.
        context = self.text_context(self.plans["AO"], source.date)
        title = context.fill(topic.title)
        return Topic(
            f"escalatie_{topic.key}",
            f"Voorstel afstemmingsoverleg {long_date(source.date, weekday=False)}: {title[0].lower()}{title[1:]}",
            AgendaPurpose.BESLUITVORMING,
            "wethouder_gr",
            "De voorzitter van het afstemmingsoverleg licht het voorstel toe. De bestuurders bespreken de "
            "verdeling van de kosten en de looptijd.",
            decision=context.fill(topic.escalation_outcome) if decided else "",
            documents=tuple(context.fill(d) for d in topic.documents),
        )

    def _agenda(self, plan: SeriesPlan, meeting: Meeting, topics: list[Topic]) -> None:
        held = meeting.state in (MeetingState.HELD, MeetingState.MINUTES_APPROVED)
        context = self.text_context(plan, meeting.date)
        entries: list[tuple[str | None, Topic | None]] = [("opening", None), ("previous_minutes", None)]
        entries.append(("announcements", None))
        entries += [(None, t) for t in topics]
        entries += [("any_other_business", None), ("closing", None)]
        plans: list[ItemPlan] = []
        for position, (standard, topic) in enumerate(entries):
            item_id = stable_id("agenda_item", meeting.id, position)
            if standard:
                title, purpose, minutes = STANDARD_ITEMS[standard]
                inbrenger_key = plan.spec.chair if standard != "previous_minutes" else plan.spec.secretary
                documents = self._standard_documents(plan, meeting, standard)
                confidential, decision_text, text = False, "", ""
                if held:
                    text = self._standard_minutes(plan, meeting, standard)
                if standard == "previous_minutes":
                    decision_text = f"Het verslag van het overleg van {context.prev_date} wordt vastgesteld."
            else:
                assert topic is not None
                title, purpose, minutes = context.fill(topic.title), topic.purpose, topic.planned_minutes
                inbrenger_key = self._resolve_key(plan, meeting, topic.inbrenger)
                documents = [self._document(plan, meeting, context.fill(d)) for d in topic.documents]
                confidential = topic.confidential
                text = context.fill(topic.minutes) if held else ""
                decision_text = context.fill(topic.decision) if topic.decision else ""
            inbrenger_key = self.network.seat_holder(inbrenger_key, meeting.date)
            inbrenger = self.person(inbrenger_key)
            item = AgendaItem(
                id=item_id,
                meeting_id=meeting.id,
                position=position,
                number=str(position + 1),
                title=title,
                purpose=purpose,
                standard_item=standard,
                inbrenger=inbrenger.name,
                inbrenger_person_id=inbrenger.id,
                planned_minutes=minutes,
                documents=documents,
                confidential=confidential,
                minutes_text=text,
            )
            self.data.agenda_items.append(item)
            plans.append(ItemPlan(item, topic, decision_text if held else ""))
            if topic:
                for code in dict.fromkeys(topic.programme_actions):
                    if code in self.programme.action_by_code:
                        self.data.agenda_links.append(
                            {"agenda_item_id": item.id, "programme_action_id": self.programme.action_by_code[code].id}
                        )
        # The first "Voortgang actieprogramma: ..." item is the meeting's progress item, so carrying actions
        # forward to a new meeting links programme actions there instead of adding a second one.
        progress = next((p for p in plans if p.topic and p.topic.key.startswith("voortgang_")), None)
        if progress is not None:
            progress.item.standard_item = PROGRESS_ITEM
        self.items[meeting.id] = plans

    def _resolve_key(self, plan: SeriesPlan, meeting: Meeting, key: str) -> str:
        """A person key; "chair" and "member" stand for the werkgroep's chair and one of its members."""
        if key == "chair":
            return plan.spec.chair
        if key == "member":
            members = [m for m in self.network.members_on(plan.spec.code, meeting.date) if m.role != "voorzitter"]
            return self.rng.choice(members).person_key
        return key

    def _document(self, plan: SeriesPlan, meeting: Meeting, title: str) -> dict:
        folder = f"{plan.spec.code.lower()}-{meeting.date.isoformat()}"
        return {"title": title, "location": f"https://samenwerken.example.nl/ghnt/{folder}/{_slug(title)}.pdf"}

    def _standard_documents(self, plan: SeriesPlan, meeting: Meeting, standard: str) -> list[dict]:
        if standard != "previous_minutes":
            return []
        previous = plan.previous_date(meeting.date)
        when = long_date(previous, weekday=False) if previous else "vorig overleg"
        return [
            self._document(plan, meeting, f"Verslag {plan.spec.short_title} {when}"),
            self._document(plan, meeting, f"Actielijst {plan.spec.short_title}"),
        ]

    def _standard_minutes(self, plan: SeriesPlan, meeting: Meeting, standard: str) -> str:
        if standard == "opening":
            return (
                "De voorzitter opent het overleg en heet de aanwezigen welkom. De agenda wordt ongewijzigd vastgesteld."
            )
        if standard == "previous_minutes":
            return (
                "Het verslag wordt ongewijzigd vastgesteld. De actielijst wordt doorgelopen: afgeronde acties worden "
                "afgevoerd, de stand van zaken van de openstaande acties is verwerkt in de bijgewerkte actielijst."
            )
        if standard == "announcements":
            return " ".join(self.rng.sample(ANNOUNCEMENTS, 2))
        if standard == "any_other_business":
            return self.rng.choice(ANY_OTHER_BUSINESS)
        end = meeting.end_time or time(17, 0)
        # The chair closes a little early, as minutes usually record.
        hour, minute = divmod(end.hour * 60 + end.minute - 5 - self.rng.randrange(0, 20, 5), 60)
        return f"De voorzitter dankt de aanwezigen voor hun inbreng en sluit het overleg om {hour}.{minute:02d} uur."

    # -- attendance ----------------------------------------------------------------------------------------

    def _roster(self, plan: SeriesPlan, meeting: Meeting) -> list[tuple[str, AttendanceRole]]:
        spec = plan.spec
        roster = [
            (self.network.seat_holder(spec.chair, meeting.date), AttendanceRole.CHAIR),
            (self.network.seat_holder(spec.secretary, meeting.date), AttendanceRole.SECRETARY),
        ]
        if plan.working_group_code:
            keys = [m.person_key for m in self.network.members_on(spec.code, meeting.date)]
        else:
            keys = [self.network.seat_holder(k, meeting.date) for k in spec.invitees]
        taken = {k for k, _ in roster}
        roster += [(k, AttendanceRole.MEMBER) for k in dict.fromkeys(keys) if k not in taken]
        return roster

    def build_attendance(self) -> None:
        lectoraat = self.index.by_name[GUEST_ORGANISATION]
        # One substitution and one absence that every demo shows, at the first and second held AO.
        ao_past = self.plans["AO"].past
        forced = {}
        if ao_past:
            forced[ao_past[0].id] = {"politie": AttendanceStatus.SUBSTITUTED}
        if len(ao_past) > 1:
            forced[ao_past[1].id] = {"verslaving": AttendanceStatus.ABSENT}
        for plan in self.plans.values():
            for meeting in plan.meetings:
                if meeting.state == MeetingState.CONCEPT:
                    continue
                held = meeting in plan.past
                roster = self._roster(plan, meeting)
                on_roster = {k for k, _ in roster}
                position = 0
                for key, role in roster:
                    status, substitute = self._attendance_status(meeting, key, role, held, on_roster, forced)
                    person = self.person(key)
                    self.data.attendance.append(
                        Attendance(
                            id=stable_id("attendance", meeting.id, position),
                            meeting_id=meeting.id,
                            person_id=person.id,
                            organisation_id=person.organisation_id,
                            role=role,
                            status=status,
                            substitute_id=self.person(substitute).id if substitute else None,
                            position=position,
                        )
                    )
                    position += 1
                for item_plan in self.items[meeting.id]:
                    if item_plan.topic and item_plan.topic.guest:
                        self.data.attendance.append(
                            Attendance(
                                id=stable_id("attendance", meeting.id, position),
                                meeting_id=meeting.id,
                                agenda_item_id=item_plan.item.id,
                                organisation_id=lectoraat.id,
                                name=GUEST_NAME,
                                role=AttendanceRole.GUEST,
                                status=AttendanceStatus.PRESENT if held else AttendanceStatus.INVITED,
                                position=position,
                            )
                        )
                        position += 1

    def _attendance_status(self, meeting, key, role, held, on_roster, forced):
        if not held:
            excused = role == AttendanceRole.MEMBER and self.rng.random() < 0.1
            return (AttendanceStatus.EXCUSED if excused else AttendanceStatus.INVITED), None
        if role != AttendanceRole.MEMBER:
            return AttendanceStatus.PRESENT, None
        status = forced.get(meeting.id, {}).get(key)
        if status is None:
            status = self.rng.choices(
                [
                    AttendanceStatus.PRESENT,
                    AttendanceStatus.EXCUSED,
                    AttendanceStatus.ABSENT,
                    AttendanceStatus.SUBSTITUTED,
                ],
                [76, 16, 3, 5],
            )[0]
        if status == AttendanceStatus.SUBSTITUTED:
            person = self.person(key)
            colleagues = [
                k
                for k, p in self.network.person.items()
                if p.organisation_id == person.organisation_id
                and k not in on_roster
                and not (p.active_until and p.active_until < meeting.date)
                and not (p.active_from and p.active_from > meeting.date)
            ]
            if not colleagues:
                return AttendanceStatus.EXCUSED, None
            return status, sorted(colleagues)[0]
        return status, None

    # -- decisions -----------------------------------------------------------------------------------------

    def build_decisions(self) -> None:
        for plan in self.plans.values():
            sequence: dict[int, int] = {}
            for meeting in plan.past:
                year = meeting.date.year
                for item_plan in self.items[meeting.id]:
                    if not item_plan.decision_text:
                        continue
                    sequence[year] = sequence.get(year, 0) + 1
                    number = decision_number(plan.spec.code, year, meeting.number_in_year, sequence[year])
                    decision = Decision(
                        id=stable_id("decision", number),
                        meeting_id=meeting.id,
                        agenda_item_id=item_plan.item.id,
                        series_id=plan.series.id,
                        year=year,
                        sequence=sequence[year],
                        number=number,
                        text=item_plan.decision_text,
                        confidential=item_plan.item.confidential,
                        escalation=EscalationState.NONE,
                    )
                    self._escalate(meeting, item_plan, decision)
                    self.data.decisions.append(decision)

    def _escalate(self, meeting: Meeting, item_plan: ItemPlan, decision: Decision) -> None:
        topic = item_plan.topic
        if topic is None or not topic.escalation_outcome:
            return
        target = None
        if topic is MDA_ESCALATION and self.decided and meeting is self.decided[0]:
            target, decision.escalation = self.decided[1], EscalationState.DECIDED
            decision.outcome = self.text_context(self.plans["AO"], meeting.date).fill(topic.escalation_outcome)
            decision.outcome_date = target.date
        elif topic is JAARPLAN_ESCALATION and self.pending and meeting is self.pending[0]:
            target, decision.escalation = self.pending[1], EscalationState.PROPOSED
        if target is None:
            return
        decision.escalated_to_meeting_id = target.id
        key = f"escalatie_{topic.key}"
        decision.escalation_agenda_item_id = next(
            p.item.id for p in self.items[target.id] if p.topic is not None and p.topic.key == key
        )

    # -- action items and progress ------------------------------------------------------------------------

    def build_action_items(self) -> None:
        for plan in self.plans.values():
            counters: dict[tuple[int, bool], int] = {}
            past = plan.past
            for index, meeting in enumerate(past):
                later = past[index + 1 :]
                context = self.text_context(plan, meeting.date)
                for item_plan in self.items[meeting.id]:
                    if item_plan.topic is None:
                        continue
                    for template in item_plan.topic.actions:
                        toezegging = template.kind == ActionKind.TOEZEGGING
                        key = (meeting.date.year, toezegging)
                        counters[key] = counters.get(key, 0) + 1
                        number = action_number(
                            plan.spec.code,
                            meeting.date.year,
                            meeting.number_in_year,
                            counters[key],
                            toezegging=toezegging,
                        )
                        self._action_item(plan, meeting, item_plan, template, number, later, context)

    def _trekker(self, plan: SeriesPlan, meeting: Meeting, trekker: str):
        """(person, organisation id, text) of a template's trekker."""
        if trekker.startswith("org:"):
            organisation = self.index.by_name[trekker[4:]]
            return None, organisation.id, organisation.name
        if trekker.startswith("text:"):
            return None, None, trekker[5:]
        key = self.network.seat_holder(self._resolve_key(plan, meeting, trekker), self.today)
        person = self.person(key)
        return person, person.organisation_id, ""

    def _next_fate(self, has_follow_up: bool) -> str:
        key = "follow" if has_follow_up else "last"
        fates = FATES_WITH_FOLLOW_UP if has_follow_up else FATES_LAST_MEETING
        fate = fates[self.fate_counters[key] % len(fates)]
        self.fate_counters[key] += 1
        return fate

    def _action_item(self, plan, meeting, item_plan, template: ActionTemplate, number, later, context) -> None:
        person, organisation_id, trekker_text = self._trekker(plan, meeting, template.trekker)
        deadline_text = context.fill(template.deadline_text) if template.deadline_text else ""
        if deadline_text:  # read as add_action_item reads it: the end of the period, from the meeting's date
            deadline = parse_deadline(deadline_text, reference=meeting.date).end
        else:
            deadline = meeting.date + timedelta(weeks=self.rng.choice((4, 6, 8, 10)))
        programme_action = self.programme.action_by_code.get(template.programme_action or "")
        action = ActionItem(
            id=stable_id("action_item", number),
            number=number,
            kind=template.kind,
            text=context.fill(template.text),
            trekker_person_id=person.id if person else None,
            trekker_organisation_id=organisation_id,
            trekker_text=trekker_text,
            deadline=deadline,
            deadline_text=deadline_text,
            status=ActionStatus.NOT_STARTED,
            origin_meeting_id=meeting.id,
            origin_agenda_item_id=item_plan.item.id,
            programme_action_id=programme_action.id if programme_action else None,
            working_group_id=plan.series.working_group_id,
            confidential=template.confidential,
        )
        self.data.action_items.append(action)
        fate = template.fate or self._next_fate(bool(later))
        if programme_action is not None and programme_action.status.is_closed and fate not in ("done", "cancelled"):
            # An actiepunt of a programme action that is gereed or vervallen is closed too: a postponement or a
            # hold on it would contradict the programme action's status in the voortgangsrapportage (issue 22).
            fate = "cancelled" if programme_action.status == ActionStatus.CANCELLED and later else "done"
        elif programme_action is not None and programme_action.status == ActionStatus.NOT_STARTED and fate != "cancelled":
            # Nor is work on it done while the programme action has not started.
            fate = "not_started"
        if fate == "postponed" and (deadline is None or deadline_text):  # a moved deadline would belie the text
            fate = "in_progress"
        author = person.name if person else trekker_text or self.org_label(organisation_id)
        self._lifecycle(action, fate, later, author)

    def _count_update(self, action: ActionItem) -> int:
        self.update_counts[action.id] = self.update_counts.get(action.id, 0) + 1
        return self.update_counts[action.id]

    def _update(
        self,
        action: ActionItem,
        meeting: Meeting | None,
        day: date,
        status: ActionStatus,
        author: str,
        done: str = "",
        todo: str = "",
        previous: date | None = None,
        new: date | None = None,
    ) -> None:
        agenda_item_id = None
        if meeting is not None:
            agenda_item_id = next(
                p.item.id for p in self.items[meeting.id] if p.item.standard_item == "previous_minutes"
            )
        self.data.updates.append(
            ProgressUpdate(
                id=stable_id("progress_update", action.id, self._count_update(action)),
                action_item_id=action.id,
                date=day,
                meeting_id=meeting.id if meeting else None,
                agenda_item_id=agenda_item_id,
                status=status,
                done_text=done,
                todo_text=todo,
                previous_deadline=previous,
                new_deadline=new,
                postponed=previous is not None and new is not None and new > previous,
                author=author,
                confidential=action.confidential,
            )
        )

    def _lifecycle(self, action: ActionItem, fate: str, later: list[Meeting], author: str) -> None:
        rng = self.rng
        done_text = lambda: rng.choice(PROGRESS_DONE)  # noqa: E731
        todo_text = lambda: rng.choice(PROGRESS_TODO)  # noqa: E731
        if fate == "done":
            if later:
                close_at = rng.randrange(min(2, len(later)))
                for meeting in later[:close_at]:
                    self._update(
                        action, meeting, meeting.date, ActionStatus.IN_PROGRESS, author, done_text(), todo_text()
                    )
                closing = later[close_at]
                self._update(action, closing, closing.date, ActionStatus.DONE, author, "Afgerond.")
                action.closed_on = closing.date
            else:
                origin_date = next(m.date for m in self.data.meetings if m.id == action.origin_meeting_id)
                action.closed_on = min(origin_date + timedelta(days=14), self.today)
                self._update(action, None, action.closed_on, ActionStatus.DONE, author, "Afgerond.")
            action.status = ActionStatus.DONE
        elif fate == "cancelled":
            meeting = later[0]
            self._update(
                action,
                meeting,
                meeting.date,
                ActionStatus.CANCELLED,
                author,
                "Vervallen: het onderwerp wordt meegenomen in het uitvoeringsplan.",
            )
            action.status, action.closed_on = ActionStatus.CANCELLED, meeting.date
        elif fate == "postponed":
            times = min(rng.randint(1, 3), len(later))
            current = action.deadline
            for j, meeting in enumerate(later):
                if j < times and current is not None:
                    new = max(meeting.date, current) + timedelta(weeks=rng.choice((6, 8, 10)))
                    self._update(
                        action,
                        meeting,
                        meeting.date,
                        ActionStatus.IN_PROGRESS,
                        author,
                        rng.choice(POSTPONE_REASONS),
                        todo_text(),
                        previous=current,
                        new=new,
                    )
                    current = new
                else:
                    self._update(
                        action, meeting, meeting.date, ActionStatus.IN_PROGRESS, author, done_text(), todo_text()
                    )
            action.deadline, action.times_postponed, action.status = current, times, ActionStatus.IN_PROGRESS
        elif fate == "on_hold":
            for meeting in later[:-1]:
                self._update(action, meeting, meeting.date, ActionStatus.IN_PROGRESS, author, done_text(), todo_text())
            last = later[-1]
            self._update(
                action,
                last,
                last.date,
                ActionStatus.ON_HOLD,
                author,
                "",
                "Aangehouden tot de landelijke uitwerking bekend is.",
            )
            action.status = ActionStatus.ON_HOLD
        elif fate == "in_progress":
            for meeting in later:
                self._update(action, meeting, meeting.date, ActionStatus.IN_PROGRESS, author, done_text(), todo_text())
            action.status = ActionStatus.IN_PROGRESS
        else:  # not started
            for meeting in later:
                self._update(
                    action,
                    meeting,
                    meeting.date,
                    ActionStatus.NOT_STARTED,
                    author,
                    "",
                    "Nog niet gestart; de trekker plant dit in.",
                )
            action.status = ActionStatus.NOT_STARTED
        # A written deadline ("voor de zomer") stays as written: late once its period has passed.
        late = action.deadline is not None and action.deadline < self.today and not action.deadline_text
        if fate in ("in_progress", "not_started") and late:
            # Open actions mostly carry a later deadline (a bigger task); every third one stays overdue.
            self.open_count += 1
            if self.open_count % 3:
                action.deadline = self.today + timedelta(weeks=rng.choice((2, 4, 6, 8)))

    def build_programme_progress(self) -> None:
        """Progress of programme actions as reported at the meetings that discussed them."""
        reports: dict[str, list[tuple[Meeting, AgendaItem]]] = {}
        for plan in self.plans.values():
            for meeting in plan.past:
                for item_plan in self.items[meeting.id]:
                    topic = item_plan.topic
                    if topic is None or not (topic.key.startswith("voortgang_") or topic.key == "stand_van_zaken"):
                        continue
                    for code in topic.programme_actions:
                        reports.setdefault(code, []).append((meeting, item_plan.item))
        for code, seen in reports.items():
            action = self.programme.action_by_code[code]
            if action.status in (ActionStatus.NOT_STARTED, ActionStatus.CANCELLED):
                continue
            if action.status == ActionStatus.DONE and action.deadline_end is not None:
                continue  # finished years ago, before the demo's year
            seen = sorted(seen, key=lambda pair: pair[0].date)[-3:]
            for j, (meeting, item) in enumerate(seen):
                last = j == len(seen) - 1
                status = action.status if last else ActionStatus.IN_PROGRESS
                todo = "" if status == ActionStatus.DONE else self.rng.choice(PROGRESS_TODO)
                if status == ActionStatus.ON_HOLD:  # the note says why, as the status does
                    todo = "Aangehouden tot de landelijke uitwerking bekend is."
                self.data.updates.append(
                    ProgressUpdate(
                        id=stable_id("progress_update", "programme", code, meeting.id),
                        programme_action_id=action.id,
                        date=meeting.date,
                        meeting_id=meeting.id,
                        agenda_item_id=item.id,
                        status=status,
                        done_text="Afgerond." if status == ActionStatus.DONE else self.rng.choice(PROGRESS_DONE),
                        todo_text=todo,
                        author=item.inbrenger,
                    )
                )

    def build_local_statuses(self, gemeenten: list[Organisation]) -> None:
        """Per municipality, the status of a few running actions carried by "Alle gemeenten"."""
        chosen: list[ProgrammeAction] = []
        for action in self.programme.actions:
            responsible, _ = self.programme.effective[action.code]
            if (
                any(label.casefold() == "alle gemeenten" for label in responsible)
                and action.parent_id is None
                and action.status == ActionStatus.IN_PROGRESS
                and action.kind in ("actie", "inspanningsverplichting")
            ):
                chosen.append(action)
        for action in chosen[:4]:
            for organisation in gemeenten:
                status = self.rng.choices(
                    [ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.ON_HOLD],
                    [3, 4, 2, 1],
                )[0]
                self.data.local_statuses.append(
                    LocalStatus(
                        id=stable_id("local_status", action.code, organisation.name),
                        programme_action_id=action.id,
                        organisation_id=organisation.id,
                        status=status,
                        note=self.rng.choice(LOCAL_NOTES[status.value]),
                    )
                )


__all__ = ["MeetingBuilder", "MeetingData", "agenda_item_programme_action"]
