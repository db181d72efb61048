"""The shared action-item query: filters, sorting, trekker display and late actions."""

from __future__ import annotations

from datetime import date

import pytest

from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    Ambition,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    ProgressUpdate,
    Section,
)
from ghnt_desktop.services.actions import ActionFilter, list_action_items

TODAY = date(2024, 6, 1)


@pytest.fixture
def data(session):
    vt = Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER)
    gem = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE)
    anna = Person(name="Anna de Vries", organisation=gem)
    programme = Programme(region="Groningen", title="Actieprogramma")
    line1 = Section(programme=programme, title="Eerder en beter in beeld", position=1)
    line2 = Section(programme=programme, title="Stoppen en duurzaam oplossen", position=2)
    amb = Ambition(section=line2, text="MDA++", code="S4")
    pa = ProgrammeAction(ambition=amb, text="Pilot MDA++", code="S4-1")
    Ambition(section=line1, text="Signaleren")
    series = MeetingSeries(name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    m1 = Meeting(series=series, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO 1", date=date(2024, 3, 1))
    m2 = Meeting(series=series, kind=MeetingKind.AFSTEMMINGSOVERLEG, title="AO 2", date=date(2024, 5, 1))
    late = ActionItem(
        number="AO-2024-1-A01",
        text="Notitie meldcode",
        trekker_person=anna,
        deadline=date(2024, 4, 1),
        status=ActionStatus.IN_PROGRESS,
        origin_meeting=m1,
        times_postponed=2,
    )
    done = ActionItem(
        number="AO-2024-1-A02",
        text="Evaluatie pilot",
        trekker_organisation=vt,
        deadline=date(2024, 3, 15),
        status=ActionStatus.DONE,
        origin_meeting=m1,
        programme_action=pa,
    )
    text_only = ActionItem(
        number="AO-2024-2-A01",
        text="Werkgroep ouderen formeren",
        trekker_text="Projectleider GHNT",
        deadline_text="Q3 2024",
        origin_meeting=m2,
        kind=ActionKind.TOEZEGGING,
    )
    secret = ActionItem(
        number="AO-2024-2-A02",
        text="Vertrouwelijk punt",
        trekker_organisation=vt,
        deadline=date(2024, 9, 1),
        origin_meeting=m2,
        confidential=True,
    )
    session.add_all([vt, gem, anna, programme, series, m1, m2, late, done, text_only, secret])
    session.flush()
    session.add(
        ProgressUpdate(
            action_item_id=late.id,
            date=date(2024, 5, 1),
            status=ActionStatus.IN_PROGRESS,
            done_text="Concept besproken met ketenpartners",
            todo_text="Vaststellen",
        )
    )
    session.flush()
    return {"vt": vt, "gem": gem, "anna": anna, "line2": line2, "m1": m1, "series": series}


def numbers(rows):
    return [r.number for r in rows]


def test_all_rows_with_trekker_display(session, data):
    rows = {r.number: r for r in list_action_items(session)}
    assert len(rows) == 4
    assert rows["AO-2024-1-A01"].trekker == "Anna de Vries (Gemeente Groningen)"
    assert rows["AO-2024-1-A02"].trekker == "Veilig Thuis Groningen"
    assert rows["AO-2024-2-A01"].trekker == "Projectleider GHNT"
    assert rows["AO-2024-1-A02"].section_title == "Stoppen en duurzaam oplossen"
    assert rows["AO-2024-1-A02"].programme_action_code == "S4-1"
    assert rows["AO-2024-2-A01"].deadline_display == "Q3 2024"
    assert rows["AO-2024-1-A01"].deadline_display == "01-04-2024"
    assert rows["AO-2024-1-A01"].series_name == "Afstemmingsoverleg"


def test_filters(session, data):
    assert numbers(list_action_items(session, ActionFilter(open_only=True))) == [
        "AO-2024-1-A01",
        "AO-2024-2-A01",
        "AO-2024-2-A02",
    ]
    assert numbers(list_action_items(session, ActionFilter(overdue_on=TODAY))) == ["AO-2024-1-A01"]
    assert numbers(list_action_items(session, ActionFilter(organisation_id=data["gem"].id))) == ["AO-2024-1-A01"]
    assert numbers(
        list_action_items(session, ActionFilter(trekker_organisation_id=data["vt"].id, include_confidential=False))
    ) == ["AO-2024-1-A02"]
    assert numbers(list_action_items(session, ActionFilter(section_id=data["line2"].id))) == ["AO-2024-1-A02"]
    assert numbers(
        list_action_items(
            session, ActionFilter(origin_meeting_id=data["m1"].id, statuses=frozenset({ActionStatus.DONE}))
        )
    ) == ["AO-2024-1-A02"]
    assert numbers(list_action_items(session, ActionFilter(kind=ActionKind.TOEZEGGING))) == ["AO-2024-2-A01"]
    assert numbers(list_action_items(session, ActionFilter(due_from=date(2024, 4, 1), due_to=date(2024, 12, 31)))) == [
        "AO-2024-1-A01",
        "AO-2024-2-A02",
    ]


def test_search_reaches_progress_notes_and_escapes_wildcards(session, data):
    assert numbers(list_action_items(session, ActionFilter(search="ketenpartners"))) == ["AO-2024-1-A01"]
    assert numbers(list_action_items(session, ActionFilter(search="PILOT"))) == ["AO-2024-1-A02"]
    assert numbers(list_action_items(session, ActionFilter(search="projectleider"))) == ["AO-2024-2-A01"]
    assert list_action_items(session, ActionFilter(search="%")) == []


def test_sorting(session, data):
    by_deadline = numbers(list_action_items(session, sort="deadline"))
    assert by_deadline == ["AO-2024-1-A02", "AO-2024-1-A01", "AO-2024-2-A02", "AO-2024-2-A01"]
    assert numbers(list_action_items(session, sort="postponed", descending=True))[0] == "AO-2024-1-A01"
    assert numbers(list_action_items(session, sort="trekker"))[0] == "AO-2024-1-A01"  # "Anna ..." first
    with pytest.raises(ValueError):
        list_action_items(session, sort="nonsense")


def test_is_overdue(session, data):
    rows = {r.number: r for r in list_action_items(session)}
    assert rows["AO-2024-1-A01"].is_overdue(TODAY)
    assert not rows["AO-2024-1-A02"].is_overdue(TODAY)  # done
    assert not rows["AO-2024-2-A01"].is_overdue(TODAY)  # no date
