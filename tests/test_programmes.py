"""Several programmes in one database: a second one changes no figure of the first; carrying actions over; tags.

The property: whatever second programme is added to the demo (a municipal plan, the next period's programme,
with late and finished actions, working groups, action items and progress of its own), every figure the app
shows for the first one stays the same: the overview's counts, late list and changes, the Acties list, the
afstemmingsoverleg's follow-up, the voortgangsrapportage and the programme table.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import (
    ActionItem,
    ActionStatus,
    AppSetting,
    Meeting,
    MeetingKind,
    Programme,
    ProgrammeAction,
    ProgrammeStatus,
    ProgressUpdate,
)
from ghnt_desktop.services import ValidationError
from ghnt_desktop.services.action_view import ViewFilter, filter_view
from ghnt_desktop.services.actions import first_view_ids, load_action_view, view_choices
from ghnt_desktop.services.agenda import carry_forward_proposal
from ghnt_desktop.services.documents import programme_document
from ghnt_desktop.services.progress_report import progress_report_document
from ghnt_desktop.services.local_status import local_status_matrix
from ghnt_desktop.services.network import create_working_group
from ghnt_desktop.services.overview import load_overview
from ghnt_desktop.services.programme import (
    create_ambition,
    create_programme,
    create_programme_action,
    create_section,
    update_programme_action,
)
from ghnt_desktop.services.programme_carry import carry_actions, carry_candidates, undo_carry
from ghnt_desktop.services.programme_scope import current_programme_id, set_current_programme
from ghnt_desktop.services.programme_tags import (
    action_tag_ids,
    add_tag,
    create_tag_kind,
    delete_tag,
    list_tag_kinds,
    restore_tag,
    set_action_tags,
)

TODAY = date(2024, 6, 1)


def figures(session) -> dict:
    """Everything the app shows of the current programme, as comparable plain values."""
    overview = load_overview(session, TODAY)
    rows = load_action_view(session)
    next_ao = session.scalar(
        select(Meeting.id)
        .where(Meeting.kind == MeetingKind.AFSTEMMINGSOVERLEG, Meeting.date > TODAY)
        .order_by(Meeting.date)
        .limit(1)
    )
    proposal = carry_forward_proposal(session, next_ao)
    report = progress_report_document(session, date_from=TODAY - timedelta(days=365), date_to=TODAY, today=TODAY)
    table = programme_document(session)
    choices = view_choices(session)
    return {
        "chart": overview.programme,
        "items_chart": overview.action_items,
        "late": (overview.late, overview.late_total),
        "changes": overview.changes,
        "rows": sorted(rows),
        "first_ids": first_view_ids(session, 60),
        "ao_actions": sorted(a.id for a in proposal.actions),
        "ao_programme": sorted(p.id for p in proposal.programme_actions),
        "report_counts": report.counts if hasattr(report, "counts") else None,
        "report": repr(report),
        "table": repr(table),
        "sections_choice": choices.sections,
        "matrix": repr(local_status_matrix(session)),  # Acties > Per gemeente
    }


def add_second_programme(session, shape: dict) -> uuid.UUID:
    """A second programme shaped by ``shape``: sections, actions with statuses and deadlines, items, progress."""
    programme_id = create_programme(
        session,
        region=shape["region"],
        title=shape["title"],
        period_start=shape["start"],
        period_end=shape["start"] + 3,
        status=shape["status"],
    ).id
    for s_index in range(shape["sections"]):
        section_id = create_section(session, programme_id, title=f"Lijn {s_index + 1} van het tweede plan").id
        group_id = create_working_group(session, name=f"Werkgroep tweede plan {shape['title']} {s_index}",
                                        section_id=section_id).id  # fmt: skip
        ambition_id = create_ambition(session, section_id, text=f"Ambitie {s_index}").id
        for a_index, (status, days) in enumerate(shape["actions"]):
            action_id = create_programme_action(
                session, ambition_id, text=f"Actie {s_index}.{a_index}", code=f"T{s_index}.{a_index}"
            ).id
            update_programme_action(
                session,
                action_id,
                status=status,
                deadline_text="",
                deadline_start=None,
                deadline_end=TODAY + timedelta(days=days),
                working_group_id=group_id,
            )
            session.add(
                ActionItem(
                    number=f"TP-{s_index}-{a_index}",
                    text=f"Actiepunt bij actie {s_index}.{a_index}",
                    deadline=TODAY + timedelta(days=days),
                    status=status,
                    programme_action_id=action_id,
                    working_group_id=group_id,
                )
            )
            session.add(
                ActionItem(
                    number=f"TW-{s_index}-{a_index}",
                    text="Actiepunt van de werkgroep van het tweede plan",
                    deadline=TODAY - timedelta(days=days),
                    status=ActionStatus.IN_PROGRESS,
                    working_group_id=group_id,
                )
            )
            session.add(
                ProgressUpdate(
                    programme_action_id=action_id,
                    date=TODAY - timedelta(days=10),
                    status=status,
                    done_text="Voortgang van het tweede plan",
                    todo_text="Nog te doen in het tweede plan",
                )
            )
    session.flush()
    return programme_id


shapes = st.fixed_dictionaries(
    {
        "region": st.sampled_from(["Groningen", "Gemeente Groningen", "Zuid-Holland Zuid"]),
        "title": st.sampled_from(["Actieplan gemeente Groningen", "Regionaal actieprogramma 2024-2027"]),
        "start": st.integers(2015, 2030),  # older and newer than the demo's period
        "status": st.sampled_from(list(ProgrammeStatus)),
        "sections": st.integers(1, 3),
        "actions": st.lists(
            st.tuples(st.sampled_from(list(ActionStatus)), st.integers(-400, 400)), min_size=1, max_size=4
        ),
    }
)


@pytest.fixture(scope="module")
def demo_file(demo_database):
    return demo_database(TODAY)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=shapes)
def test_a_second_programme_changes_no_figure_of_the_first(tmp_path_factory, demo_file, shape):
    import shutil

    path = tmp_path_factory.mktemp("second") / "demo.db"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    try:
        with database.session() as session:
            first = current_programme_id(session)
            before = figures(session)
            second = add_second_programme(session, shape)
            assert current_programme_id(session) == first  # adding a programme does not switch to it
            after = figures(session)
            # Not vacuous: the second programme is there, and shown when it is chosen.
            set_current_programme(session, second)
            theirs = figures(session)
            set_current_programme(session, first)
            again = figures(session)
    finally:
        database.close()
    assert before == after
    assert again == before
    assert theirs["chart"] != before["chart"]
    assert {r[1] for r in theirs["rows"] if r[0] == "programme"}.isdisjoint(
        {r[1] for r in before["rows"] if r[0] == "programme"}
    )
    # The AO follows the second programme's open actions only when it is current.
    open_count = sum(1 for s, _ in shape["actions"] if s not in ("done", "cancelled")) * shape["sections"]
    assert len(set(theirs["ao_programme"]) - set(before["ao_programme"])) == open_count


def test_without_a_stored_choice_the_running_programme_is_current(database):
    with database.session() as session:
        assert current_programme_id(session) is None
        old = create_programme(session, region="R", title="Oud", period_start=2019, period_end=2022,
                               status=ProgrammeStatus.CLOSED).id  # fmt: skip
        assert current_programme_id(session) == old  # the only one, though closed
        running = create_programme(session, region="R", title="Lopend", period_start=2023).id
        assert current_programme_id(session) == old  # pinned when the second was added
        session.delete(session.get(AppSetting, "programme.current"))
        session.flush()
        assert current_programme_id(session) == running
        set_current_programme(session, old)
        assert current_programme_id(session) == old
        # A stored id of a deleted or garbled programme falls back to the running one.
        session.get(AppSetting, "programme.current").value = "niet-een-id"
        assert current_programme_id(session) == running


# Carrying unfinished actions into the next period's programme


def _small_programme(session, title: str, start: int) -> tuple[uuid.UUID, list[uuid.UUID]]:
    programme_id = create_programme(session, region="Regio", title=title, period_start=start).id
    section_id = create_section(session, programme_id, title="Eerder en beter in beeld").id
    ambition_id = create_ambition(session, section_id, text="Professionals signaleren eerder").id
    actions = []
    for n, status in enumerate([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DONE,
                                ActionStatus.ON_HOLD, ActionStatus.CANCELLED]):  # fmt: skip
        action_id = create_programme_action(session, ambition_id, text=f"Actie {n}", code=f"1.{n}",
                                            deadline_text="december 2023").id  # fmt: skip
        update_programme_action(session, action_id, status=status)
        actions.append(action_id)
    return programme_id, actions


def test_carry_forward_copies_the_chosen_unfinished_actions_and_undo_removes_them(database):
    with database.session() as session:
        old, actions = _small_programme(session, "Actieprogramma 2020-2023", 2020)
        kind = create_tag_kind(session, old, "Processtap", ["Signaleren", "Melden"]).id
        signaleren = list_tag_kinds(session, old)[0].tags[0].id
        set_action_tag = set_action_tags(session, actions[1], [signaleren])
        assert set_action_tag.before == {"tag_ids": ()}
        child = create_programme_action(session, session.get(ProgrammeAction, actions[1]).ambition_id,
                                        text="Subactie", parent_id=actions[1]).id  # fmt: skip
        new = create_programme(session, region="Regio", title="Actieprogramma 2024-2027", period_start=2024).id
        candidates = carry_candidates(session, old, new)
        # Done and cancelled actions are not offered; sub-actions go with their action.
        assert [c.code for c in candidates] == ["1.0", "1.1", "1.3"]
        result = carry_actions(session, old, new, [actions[1], actions[3]])
        assert result.carried == 3  # two actions and the open sub-action
        assert len(result.sections) == len(result.ambitions) == 1
        copied = session.scalars(select(ProgrammeAction).where(ProgrammeAction.id.in_(result.actions))).all()
        by_text = {a.text: a for a in copied}
        assert by_text["Actie 1"].status is ActionStatus.IN_PROGRESS
        assert by_text["Actie 1"].deadline_text == "december 2023"
        assert "Overgenomen uit Actieprogramma 2020-2023 (1.1)" in by_text["Actie 1"].notes
        assert by_text["Subactie"].parent_id == by_text["Actie 1"].id
        carried_tags = action_tag_ids(session, by_text["Actie 1"].id)
        assert len(carried_tags) == 1 and carried_tags[0] != signaleren  # the new programme's own tag
        assert [k.name for k in list_tag_kinds(session, new)] == ["Processtap"]
        # The old programme is the record of its period: unchanged.
        assert session.get(ProgrammeAction, actions[1]).ambition.section.programme_id == old
        # Offered again, they are marked as already there and skipped.
        assert {c.code: c.already_carried for c in carry_candidates(session, old, new)} == {
            "1.0": False, "1.1": True, "1.3": True}  # fmt: skip
        again = carry_actions(session, old, new, [actions[1], actions[0]])
        assert again.skipped == ("1.1",) and again.carried == 1
        undo_carry(session, again)
        undo_carry(session, result)
        assert session.scalars(select(ProgrammeAction.id).where(ProgrammeAction.id.in_(result.actions))).all() == []
        assert list_tag_kinds(session, new) == []
        assert kind in {k.id for k in list_tag_kinds(session, old)}
        assert carry_candidates(session, old, new)[1].already_carried is False
        del child


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        ([], "ten minste één"),
        (["done"], r"niet \(meer\) een onafgeronde"),
        (["unknown"], r"niet \(meer\) een onafgeronde"),
    ],
)
def test_carry_forward_refuses_what_it_cannot_carry(database, chosen, message):
    with database.session() as session:
        old, actions = _small_programme(session, "Oud", 2020)
        new = create_programme(session, region="Regio", title="Nieuw", period_start=2024).id
        ids = [actions[2] if c == "done" else uuid.uuid4() for c in chosen]
        with pytest.raises(ValidationError, match=message):
            carry_actions(session, old, new, ids)
        with pytest.raises(ValidationError, match="ander programma"):
            carry_actions(session, old, old, actions[:1])


# Tags


def test_tags_filter_the_actions_view_and_stay_within_their_programme(database):
    with database.session() as session:
        first, actions = _small_programme(session, "Eerste", 2020)
        second, other_actions = _small_programme(session, "Tweede", 2024)
        create_tag_kind(session, first, "Processtap", ["Signaleren", "Melden"])
        create_tag_kind(session, first, "Doelgroep", ["Ouderen"])
        with pytest.raises(ValidationError, match="al een soort"):
            create_tag_kind(session, first, " processtap ")
        kinds = {k.name: k for k in list_tag_kinds(session, first)}
        signaleren, melden = (t.id for t in kinds["Processtap"].tags)
        ouderen = kinds["Doelgroep"].tags[0].id
        with pytest.raises(ValidationError, match="staat al"):
            add_tag(session, kinds["Doelgroep"].id, "OUDEREN")
        set_action_tags(session, actions[0], [signaleren, ouderen])
        set_action_tags(session, actions[1], [melden])
        with pytest.raises(ValidationError, match="hoort niet bij dit programma"):
            set_action_tags(session, other_actions[0], [signaleren])
        set_current_programme(session, first)
        rows = load_action_view(session)
        shown = {r[1] for r in filter_view(rows, ViewFilter(tag_id=signaleren.hex), TODAY)}
        assert shown == {actions[0].hex}
        assert {r[1] for r in filter_view(rows, ViewFilter(tag_id=ouderen.hex), TODAY)} == {actions[0].hex}
        assert {r[1] for r in filter_view(rows, ViewFilter(tag_id=uuid.uuid4().hex), TODAY)} == set()
        assert [label for _, label in view_choices(session).tags] == [
            "Processtap: Signaleren", "Processtap: Melden", "Doelgroep: Ouderen"]  # fmt: skip
        # Deleting a tag takes it off its actions; restoring puts both back.
        removed = delete_tag(session, signaleren)
        assert action_tag_ids(session, actions[0]) == (ouderen,)
        restore_tag(session, removed)
        assert set(action_tag_ids(session, actions[0])) == {signaleren, ouderen}
        set_current_programme(session, second)
        assert view_choices(session).tags == ()
        assert not any(r[1] == actions[0].hex for r in load_action_view(session))


def test_demo_programme_is_not_closed_by_the_scope(demo_file):
    """The demo has one programme: every programme action and action item is in its Acties list."""
    database = open_database(demo_file)
    try:
        with database.session() as session:
            rows = load_action_view(session)
            assert sum(1 for r in rows if r[0] == "programme") == session.query(ProgrammeAction).count()
            assert sum(1 for r in rows if r[0] == "item") == session.query(ActionItem).count()
            assert session.query(Programme).count() == 1
    finally:
        database.close()


def test_deleting_and_restoring_an_action_keeps_its_labels(database):
    from ghnt_desktop.services.meetings import restore_removed
    from ghnt_desktop.services.programme import delete_ambition, delete_programme_action, delete_section

    with database.session() as session:
        programme, actions = _small_programme(session, "Eerste", 2020)
        create_tag_kind(session, programme, "Doelgroep", ["Ouderen", "Jeugd"])
        ouderen, jeugd = (t.id for t in list_tag_kinds(session, programme)[0].tags)
        set_action_tags(session, actions[0], [ouderen, jeugd])
        set_action_tags(session, actions[1], [jeugd])
        action = session.get(ProgrammeAction, actions[0])
        ambition_id, section_id = action.ambition_id, action.ambition.section_id
        for delete, record_id in ((delete_programme_action, actions[0]), (delete_ambition, ambition_id),
                                  (delete_section, section_id)):  # fmt: skip
            removed = delete(session, record_id)
            assert session.get(ProgrammeAction, actions[0]) is None
            restore_removed(session, removed)
            session.expire_all()
            assert set(action_tag_ids(session, actions[0])) == {ouderen, jeugd}
            assert action_tag_ids(session, actions[1]) == (jeugd,)


def test_deleting_an_empty_programme_with_labels_is_undone_with_its_labels(database):
    from ghnt_desktop.services.meetings import restore_removed
    from ghnt_desktop.services.programme import delete_programme

    with database.session() as session:
        programme = create_programme(session, region="R", title="Leeg plan").id
        create_tag_kind(session, programme, "Doelgroep", ["Ouderen", "Jeugd"])
        removed = delete_programme(session, programme)
        assert list_tag_kinds(session, programme) == []
        restore_removed(session, removed)
        assert [t.name for t in list_tag_kinds(session, programme)[0].tags] == ["Ouderen", "Jeugd"]
