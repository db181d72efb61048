"""The demo database: built from the Groningen JSON, dated relative to today, reproducible, and via the CLI."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import DateTime, Uuid, func, select

from ghnt_desktop.cli import main
from ghnt_desktop.db import open_database
from ghnt_desktop.deadlines import parse_deadline
from ghnt_desktop.demo import build_demo, create_demo_database
from ghnt_desktop.demo.programme import shift_years, year_shift
from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    Ambition,
    Attendance,
    AttendanceStatus,
    Base,
    Decision,
    EscalationState,
    LocalStatus,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    OrganisationKind,
    Person,
    ProgrammeAction,
    ProgressUpdate,
    Responsibility,
    Section,
    SectionKind,
    WorkingGroup,
    WorkingGroupMember,
)
from ghnt_desktop.numbering import decision_number
from ghnt_desktop.paths import resource
from ghnt_desktop.services import RefusedError

TODAY = date(2026, 11, 22)
SHIFT = year_shift(TODAY)


def _rows() -> list[dict]:
    return json.loads(resource("demo", "groningen_actieprogramma_2019_acties.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demo database for the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = create_demo_database(path, TODAY)
    database = open_database(path)
    yield database, summary
    database.close()


@pytest.fixture
def s(demo):
    database, _ = demo
    with database.session() as session:
        yield session
        session.rollback()


def test_programme_matches_the_source(s):
    rows = _rows()
    actions = {a.code: a for a in s.scalars(select(ProgrammeAction))}
    assert len(rows) == 76
    assert set(actions) == {r["id"] for r in rows}
    assert s.scalar(select(func.count(Section.id))) == len({r["actielijn"] for r in rows})
    assert s.scalar(select(func.count(Ambition.id))) == len({(r["actielijn"], r["tabelrij"]) for r in rows})

    sections = s.scalars(select(Section).order_by(Section.position)).all()
    assert [x.title for x in sections] == list(dict.fromkeys(r["actielijn"] for r in rows))
    kinds = {x.title: (x.kind, x.national_line) for x in sections}
    assert kinds["Visie"] == (SectionKind.VISIE, None)
    assert kinds["Context"] == (SectionKind.CONTEXT, None)
    assert kinds["Eerder en beter in beeld"] == (SectionKind.ACTIELIJN, 1)
    assert kinds["Aandacht voor specifieke groepen"] == (SectionKind.ACTIELIJN, 3)
    assert kinds["Hoe nu verder"][0] == SectionKind.OTHER
    assert next(k for t, k in kinds.items() if t.startswith("Rol van de gemeenten"))[0] == SectionKind.GOVERNANCE

    for row in rows:
        action = actions[row["id"]]
        assert action.kind == row["soort"]
        assert action.deadline_text == shift_years(row["deadline_text"], SHIFT)
        parent = actions[row["parent_id"]] if row["parent_id"] else None
        assert action.parent_id == (parent.id if parent else None)
    # "november 2019 – november 2020": first and last day of the months; "2019-2021": whole years; all moved
    # by SHIFT years so that the programme runs around TODAY.
    assert (actions["E7-3"].deadline_start, actions["E7-3"].deadline_end) == (
        date(2019 + SHIFT, 11, 1),
        date(2020 + SHIFT, 11, 30),
    )
    assert (actions["S2-1.2"].deadline_start, actions["S2-1.2"].deadline_end) == (
        date(2019 + SHIFT, 1, 1),
        date(2021 + SHIFT, 12, 31),
    )
    # "klaar: januari 2020" is read as the app reads it: the month it falls due in.
    assert (actions["E1-1"].deadline_start, actions["E1-1"].deadline_end) == (
        date(2020 + SHIFT, 1, 1),
        date(2020 + SHIFT, 1, 31),
    )
    assert actions["E1-1"].deadline_text == f"klaar: januari {2020 + SHIFT}"
    # Every action with a written deadline has the period the app reads from it, and it agrees with the
    # extract's months; so an open action past its end shows as late.
    for row in rows:
        action = actions[row["id"]]
        if not action.deadline_text:
            continue
        parsed = parse_deadline(action.deadline_text, reference=TODAY)
        assert parsed.has_period and (action.deadline_start, action.deadline_end) == (parsed.start, parsed.end)
        assert action.deadline_end.isoformat().startswith(shift_years(row["deadline_eind"], SHIFT))
        if row["deadline_start"]:
            assert action.deadline_start.isoformat().startswith(shift_years(row["deadline_start"], SHIFT))

    a1 = s.scalar(select(Ambition).where(Ambition.code == "A1"))
    source = next(r for r in rows if r["tabelrij"] == "A1")
    assert a1.sub_points == source["ambities_lijst"] and len(a1.sub_points) == 2
    assert a1.reference == source["verwijzing_in_tabel"] and a1.paragraph == "5.1"


def test_responsibility_is_inherited_or_overridden(s):
    rows = _rows()
    first_of_ambition: dict[tuple, dict] = {}
    for row in rows:
        first_of_ambition.setdefault((row["actielijn"], row["tabelrij"]), row)

    def norm(values):
        return [v.casefold() for v in values]

    expected = {
        r["id"]
        for r in rows
        if (r["verantwoordelijke_partijen"] or r["trekkers"])
        and (
            norm(r["verantwoordelijke_partijen"])
            != norm(first_of_ambition[(r["actielijn"], r["tabelrij"])]["verantwoordelijke_partijen"])
            or norm(r["trekkers"]) != norm(first_of_ambition[(r["actielijn"], r["tabelrij"])]["trekkers"])
        )
    }
    actions = {a.code: a for a in s.scalars(select(ProgrammeAction))}
    assert {code for code, a in actions.items() if a.overrides_responsibility} == expected
    assert {"X-04", "X-17"} <= expected

    # Inherited: S1-2 shows its ambition's parties and trekkers, in order.
    s1_2 = actions["S1-2"]
    assert not s1_2.overrides_responsibility and not s1_2.own_responsibilities
    assert [(r.role.value, r.label) for r in s1_2.responsibilities] == [
        ("responsible", "alle gemeenten"),
        ("trekker", "Veilig Thuis"),
        ("trekker", "gemeenten"),
        ("trekker", "projectleider GHNT"),
    ]
    # Overridden: X-04 has its own.
    assert [(r.role.value, r.label) for r in actions["X-04"].responsibilities] == [("responsible", "Gemeenten")]

    labels = {(r.label, r.organisation.name if r.organisation else None) for r in s.scalars(select(Responsibility))}
    assert ("gemeente Groningen", "Gemeente Groningen") in labels
    assert ("Veilig Thuis", "Veilig Thuis (Groningen)") in labels
    assert ("Wij Groningen", "WIJ Groningen") in labels
    assert ("Projectleider GHNT", None) in labels
    assert ("Alle gemeenten", None) in labels
    # Names two municipalities: kept as a label, not linked to one of them.
    assert ("Gemeenten Veendam/Pekela", None) in labels


def test_organisations_people_and_working_groups(s):
    gemeenten = s.scalars(
        select(Organisation).where(Organisation.kind == OrganisationKind.GEMEENTE, Organisation.archived.is_(False))
    ).all()
    assert len({g.name for g in gemeenten if g.name.startswith("Gemeente ")}) >= 10
    groningen = s.scalar(select(Organisation).where(Organisation.name == "Gemeente Groningen"))
    assert "centrumgemeente Groningen" in groningen.aliases
    assert s.scalar(select(Organisation.abbreviation).where(Organisation.name == "Openbaar Ministerie")) == "OM"

    people = s.scalars(select(Person)).all()
    assert 35 <= len(people) <= 50
    assert all(p.email.endswith("@example.nl") and p.organisation_id and p.function for p in people)
    assert len({p.email for p in people}) == len(people)
    left = [p for p in people if p.successor_id]
    assert len(left) == 1 and left[0].active_until is not None and left[0].active_until < TODAY
    assert left[0].successor.active_from > left[0].active_until
    assert any("wethouder" in p.function for p in people) and any("secretaris" in p.function for p in people)

    groups = s.scalars(select(WorkingGroup)).all()
    assert 3 <= len(groups) <= 4 and all(g.section_id and g.chair_id for g in groups)
    ended = s.scalars(select(WorkingGroupMember).where(WorkingGroupMember.end.is_not(None))).all()
    assert ended, "a seat changed during the year"
    linked = s.scalar(select(func.count(ProgrammeAction.id)).where(ProgrammeAction.working_group_id.is_not(None)))
    assert linked >= 5


def test_series_and_meetings_relative_to_today(s):
    series = {x.code: x for x in s.scalars(select(MeetingSeries))}
    assert {"AO", "BO", "TO"} <= set(series) and sum(code.startswith("WG") for code in series) >= 3
    ao, bo = series["AO"], series["BO"]
    assert ao.escalates_to_id == bo.id and ao.meetings_per_year == 4 and bo.meetings_per_year == 2
    assert "wethouder" in ao.chair.function and ao.chair.organisation.name == "Gemeente Groningen"
    assert len(ao.invitees) >= 15

    for x in series.values():
        meetings = x.meetings
        past = [m for m in meetings if m.date < TODAY]
        future = [m for m in meetings if m.date >= TODAY]
        assert past and future, x.code
        assert [m.state for m in past] == [MeetingState.MINUTES_APPROVED] * (len(past) - 1) + [MeetingState.HELD]
        assert future[0].state == MeetingState.PLANNED
        assert all(m.state == MeetingState.CONCEPT for m in future[1:])
        numbers = [(m.date.year, m.number_in_year) for m in meetings]
        assert len(numbers) == len(set(numbers)), x.code
    assert min(m.date for m in ao.meetings) >= date(2025, 11, 22)


def test_agendas_minutes_attendance(s):
    standard = ["opening", "previous_minutes", "announcements"]
    for meeting in s.scalars(select(Meeting)):
        items = meeting.agenda_items
        assert [i.standard_item for i in items[:3]] == standard
        assert [i.standard_item for i in items[-2:]] == ["any_other_business", "closing"]
        assert any(i.standard_item is None for i in items)
        assert [i.number for i in items] == [str(n) for n in range(1, len(items) + 1)]
        held = meeting.state in (MeetingState.HELD, MeetingState.MINUTES_APPROVED)
        if held:
            assert all(i.minutes_text for i in items), meeting.title
            statuses = {a.status for a in meeting.attendance}
            assert AttendanceStatus.PRESENT in statuses and AttendanceStatus.INVITED not in statuses
            assert s.scalar(select(func.count(Decision.id)).where(Decision.meeting_id == meeting.id)) >= 1
        else:
            assert not any(i.minutes_text for i in items)
            assert s.scalar(select(func.count(Decision.id)).where(Decision.meeting_id == meeting.id)) == 0
            if meeting.state == MeetingState.CONCEPT:
                assert not meeting.attendance

    statuses = Counter(a.status for a in s.scalars(select(Attendance)))
    for status in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.EXCUSED,
        AttendanceStatus.ABSENT,
        AttendanceStatus.SUBSTITUTED,
        AttendanceStatus.INVITED,
    ):
        assert statuses[status] >= 1, status
    substituted = s.scalar(select(Attendance).where(Attendance.status == AttendanceStatus.SUBSTITUTED).limit(1))
    assert substituted.substitute_id is not None
    guests = s.scalars(select(Attendance).where(Attendance.agenda_item_id.is_not(None))).all()
    assert guests and all(g.name and g.person_id is None for g in guests)

    items = s.scalars(select(AgendaItem)).all()
    assert sum(i.confidential for i in items) == 1
    assert any(i.programme_actions for i in items)
    assert any(d["title"] and d["location"] for i in items for d in i.documents)
    assert any(i.title == "Voortgang actieprogramma: actielijn Eerder en beter in beeld" for i in items)


def test_decision_numbers_and_escalations(s):
    decisions = s.scalars(select(Decision)).all()
    numbers = [d.number for d in decisions]
    assert len(numbers) == len(set(numbers))
    keys = [(d.series_id, d.year, d.sequence) for d in decisions]
    assert len(keys) == len(set(keys))
    for d in decisions:
        assert re.fullmatch(r"[A-Z]{2,3}-\d{4}-\d-\d{2}", d.number), d.number
        series = s.get(MeetingSeries, d.series_id)
        assert d.number == decision_number(series.code, d.year, d.meeting.number_in_year, d.sequence)
        assert d.year == d.meeting.date.year and d.meeting.date < TODAY

    by_state = {d.escalation: d for d in decisions if d.escalation != EscalationState.NONE}
    decided, proposed = by_state[EscalationState.DECIDED], by_state[EscalationState.PROPOSED]
    assert decided.outcome and decided.outcome_date == decided.escalated_to_meeting.date < TODAY
    assert decided.escalated_to_meeting.kind.value == "bestuurlijk_overleg"
    assert decided.escalation_agenda_item.meeting_id == decided.escalated_to_meeting_id
    assert proposed.escalated_to_meeting.date >= TODAY and not proposed.outcome
    assert proposed.escalation_agenda_item.meeting_id == proposed.escalated_to_meeting_id


def test_action_items_cover_the_lifecycle(s):
    actions = s.scalars(select(ActionItem)).all()
    assert {a.status for a in actions} == set(ActionStatus)
    overdue = [a for a in actions if a.deadline and a.deadline < TODAY and not a.status.is_closed]
    assert len(overdue) >= 3
    postponed = [a for a in actions if a.times_postponed]
    assert len(postponed) >= 3 and max(a.times_postponed for a in postponed) <= 3
    for action in postponed:
        moves = [u for u in action.updates if u.previous_deadline and u.new_deadline]
        assert len(moves) == action.times_postponed
        assert moves[-1].new_deadline == action.deadline
        assert all(u.new_deadline > u.previous_deadline for u in moves)
    assert sum(a.kind == ActionKind.TOEZEGGING for a in actions) == 2
    # A deadline written as text ("voor de zomer", "Q2 2027") has the date the app reads from it at the
    # meeting where it was agreed, so an open one shows as late once that period has passed.
    written = [a for a in actions if a.deadline_text]
    assert written
    for action in written:
        parsed = parse_deadline(action.deadline_text, reference=action.origin_meeting.date)
        assert action.deadline == parsed.end, action.deadline_text
    assert any(a.deadline is not None for a in written)
    assert all(re.fullmatch(r"[A-Z]{2,3}-\d{4}-\d-[AT]\d{2}", a.number) for a in actions)
    assert len({a.number for a in actions}) == len(actions)
    assert sum(a.confidential for a in actions) == 1
    assert any(a.deadline is None and a.deadline_text for a in actions)
    assert any(a.programme_action_id for a in actions) and any(a.working_group_id for a in actions)
    assert all(a.trekker_person_id or a.trekker_organisation_id or a.trekker_text for a in actions)
    assert all(a.closed_on and a.closed_on <= TODAY for a in actions if a.status.is_closed)
    assert all(a.updates[-1].status == a.status for a in actions if a.updates)


def test_programme_progress_and_local_status(s):
    statuses = Counter(s.scalars(select(ProgrammeAction.status)))
    assert statuses[ActionStatus.DONE] and statuses[ActionStatus.IN_PROGRESS] and statuses[ActionStatus.NOT_STARTED]
    late = s.scalars(
        select(ProgrammeAction).where(
            ProgrammeAction.deadline_end < TODAY, ProgrammeAction.status.not_in([ActionStatus.DONE])
        )
    ).all()
    assert late
    updates = s.scalars(select(ProgressUpdate).where(ProgressUpdate.programme_action_id.is_not(None))).all()
    assert updates and all(u.meeting_id and u.done_text for u in updates)

    local = s.scalars(select(LocalStatus)).all()
    assert local
    for action_id in {x.programme_action_id for x in local}:
        action = s.get(ProgrammeAction, action_id)
        assert any(r.label.casefold() == "alle gemeenten" for r in action.responsibilities)
        gemeenten = {x.organisation.kind for x in local if x.programme_action_id == action_id}
        assert gemeenten == {OrganisationKind.GEMEENTE}
        assert sum(x.programme_action_id == action_id for x in local) >= 10


def _content(path: Path) -> dict[str, list]:
    """Every table's rows without ids and timestamps, sorted."""
    database = open_database(path)
    result = {}
    try:
        with database.engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                if table.name == "change_log":  # when, by whom and in which transaction the demo was made
                    continue
                columns = [c for c in table.columns if not isinstance(getattr(c.type, 'impl', c.type), Uuid | DateTime)]
                if not columns:  # a link table of ids only: compare how many links
                    result[table.name] = [connection.execute(select(func.count()).select_from(table)).scalar()]
                    continue
                rows = connection.execute(select(*columns)).all()
                result[table.name] = sorted(repr(tuple(row)) for row in rows)
    finally:
        database.close()
    return result


def test_reproducible_for_the_same_day(tmp_path):
    first, second, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    create_demo_database(first, TODAY)
    create_demo_database(second, TODAY)
    create_demo_database(other, date(2025, 3, 1))
    content = _content(first)
    assert content["meeting"] and content["action_item"]
    assert content == _content(second)
    assert content["meeting"] != _content(other)["meeting"]


@pytest.mark.parametrize("today", [date(2025, 1, 1), date(2024, 7, 15), date(2027, 4, 27)])
def test_any_day_gives_a_complete_demo(tmp_path, today):
    database = open_database(tmp_path / "demo.db")
    try:
        with database.session() as session:
            summary = build_demo(session, today)
            actions = session.scalars(select(ActionItem)).all()
            assert {a.status for a in actions} == set(ActionStatus)
            escalations = set(session.scalars(select(Decision.escalation)))
            assert {EscalationState.DECIDED, EscalationState.PROPOSED} <= escalations
            for series in session.scalars(select(MeetingSeries)):
                states = [m.state for m in series.meetings]
                assert states.count(MeetingState.HELD) == 1 and states.count(MeetingState.PLANNED) == 1
    finally:
        database.close()
    assert summary.today == today and summary.counts["Acties programma"] == 76


def test_refuses_a_database_with_data(demo):
    database, _ = demo
    with pytest.raises(RefusedError), database.session() as session:
        build_demo(session, TODAY)


def test_summary_counts_match_the_database(demo, s):
    _, summary = demo
    assert summary.counts["Acties programma"] == s.scalar(select(func.count(ProgrammeAction.id)))
    assert summary.counts["Overleggen"] == s.scalar(select(func.count(Meeting.id)))
    assert summary.counts["Besluiten"] == s.scalar(select(func.count(Decision.id)))
    assert summary.counts["Actiepunten"] == s.scalar(select(func.count(ActionItem.id)))


def test_cli_demo_then_list_and_check(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Demodatabase aangemaakt" in out and "Acties programma" in out

    assert main(["demo", "--db", str(path)]) == 2  # exists: refused without --force
    capsys.readouterr()

    assert main(["list", "meetings", "--db", str(path), "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    today = date.today()
    assert len(meetings) >= 20
    assert {m["state"] for m in meetings} >= {"held", "minutes_approved", "planned", "concept"}
    assert any(m["series"] == "Afstemmingsoverleg GHNT regio Groningen" for m in meetings)
    assert all(date.fromisoformat(m["date"]) < today for m in meetings if m["state"] in ("held", "minutes_approved"))

    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Integriteit:\s+ok", out) and re.search(r"Verwijzingen:\s+ok", out)


def test_afstemmingsoverleg_progress_item_is_the_standard_one(tmp_path):
    # Carrying actions forward must find the meeting's progress item instead of adding a second one.
    from ghnt_desktop.services.agenda import PROGRESS_ITEM

    database = open_database(tmp_path / "demo.db")
    with database.session() as session:
        build_demo(session, TODAY)
    with database.session() as session:
        meetings = session.scalars(select(Meeting).where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG)).all()
        for meeting in meetings:
            progress = [i for i in meeting.agenda_items if i.standard_item == PROGRESS_ITEM]
            titles = [i.title for i in meeting.agenda_items if i.title.startswith("Voortgang actieprogramma")]
            assert len(progress) == (1 if titles else 0)
    database.close()
