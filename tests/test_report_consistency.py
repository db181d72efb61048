"""One rule for "Wat hebben we gedaan?" and "Wat moeten we nog doen?" (issue 22).

Done list: the actions with progress in the period, with its note. To-do list: the actions not afgerond at the
end of the period. An action is in both only when it had progress and is still open; its to-do point then says
the state at the end of the period, and no note quoted for it contradicts that state ("Uitgesteld ... Afgerond.").
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.models import ActionItem, ActionStatus, ProgrammeAction, ProgressUpdate
from ghnt_desktop.services.progress_report import _Notes, consistent_note, progress_report_document

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2026, 12, 3)
PERIODS = [
    (date(2026, 6, 1), date(2026, 12, 3)),
    (date(2025, 7, 1), date(2025, 12, 31)),
    (date(2026, 1, 1), date(2026, 6, 30)),
    (date(2020, 1, 1), date(2026, 12, 3)),
]


@pytest.mark.parametrize(
    "note, state, on_item, expected",
    [
        # What agrees with the state is quoted as written.
        ("Afgerond.", "done", False, "Afgerond."),
        ("Een eerste concept is opgesteld.", "done", False, "Een eerste concept is opgesteld."),
        ("Uitgesteld wegens capaciteit bij de trekker.", "running", False, "Uitgesteld wegens capaciteit bij de trekker."),
        ("Uitgesteld: eerst afstemmen.", "late", True, "Uitgesteld: eerst afstemmen."),
        ("Aangehouden tot de landelijke uitwerking bekend is.", "held", False,
         "Aangehouden tot de landelijke uitwerking bekend is."),
        ("Nog niet gestart; de trekker plant dit in.", "not_started", True, "Nog niet gestart; de trekker plant dit in."),
        ("Vervallen: het onderwerp gaat mee in het uitvoeringsplan.", "cancelled", False,
         "Vervallen: het onderwerp gaat mee in het uitvoeringsplan."),
        # A postponement or a hold of an action that is gereed at the end of the period is left out.
        ("Uitgesteld wegens capaciteit bij de trekker.", "done", True, ""),
        ("Aangehouden tot de landelijke uitwerking bekend is.", "done", False, ""),
        ("Nog niet gestart; de trekker plant dit in.", "done", True, ""),
        ("Uitgesteld: eerst afstemmen.", "cancelled", False, ""),
        # "Afgerond." of an open programme action is left out; on a linked actiepunt it is about the actiepunt.
        ("Afgerond.", "running", False, ""),
        ("Gereed.", "late", False, ""),
        ("Afgerond.", "running", True, "Een actiepunt hierbij is afgerond."),
        ("afgerond en gedeeld", "not_started", True, "Een actiepunt hierbij is afgerond."),
        ("Vervallen: dubbel.", "running", True, ""),
        # On hold and running are told apart: "Aangehouden" for a running action contradicts it.
        ("Aangehouden tot de zomer.", "running", False, ""),
        ("Nog niet gestart.", "held", False, ""),
        # The confidential mark stays in front of what is quoted.
        ("Vertrouwelijk: Afgerond.", "running", True, "Vertrouwelijk: Een actiepunt hierbij is afgerond."),
        ("", "done", False, ""),
    ],
)  # fmt: skip
def test_a_note_never_contradicts_the_state_at_the_end_of_the_period(note, state, on_item, expected):
    from ghnt_desktop.services.confidentiality import CONFIDENTIAL_MARK

    note = note.replace("Vertrouwelijk", CONFIDENTIAL_MARK)
    expected = expected.replace("Vertrouwelijk", CONFIDENTIAL_MARK)
    assert consistent_note(note, state, on_item) == expected


@pytest.mark.parametrize(
    "at_end, after, current, expected",
    [
        (ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS),
        (ActionStatus.DONE, None, ActionStatus.DONE, ActionStatus.DONE),
        (ActionStatus.ON_HOLD, ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD),
        # Nothing reported up to the end: the first later report tells; finished later means open then.
        (None, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS),
        (None, ActionStatus.CANCELLED, ActionStatus.CANCELLED, ActionStatus.IN_PROGRESS),
        (None, ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED),
        (None, ActionStatus.ON_HOLD, ActionStatus.DONE, ActionStatus.ON_HOLD),
        # Never reported: the status as it stands.
        (None, None, ActionStatus.DONE, ActionStatus.DONE),
        (None, None, ActionStatus.NOT_STARTED, ActionStatus.NOT_STARTED),
    ],
)
def test_the_status_at_the_end_of_the_period_is_not_the_latest_status(at_end, after, current, expected):
    assert _Notes(status_at_end=at_end, status_after=after).status(current) == expected


@pytest.fixture(scope="module")
def demo_path(demo_database):
    return demo_database(TODAY)


@pytest.mark.parametrize("period", PERIODS)
def test_done_and_todo_lists_follow_one_rule(demo_path, period):
    database = open_database(demo_path)
    try:
        with database.session() as session:
            data = progress_report_document(session, date_from=period[0], date_to=period[1], today=TODAY)
    finally:
        database.close()
    parts = [p for line in data.lines for p in line.parts]
    assert parts
    for part in parts:
        done, todo = set(a.id for a in part.done), set(a.id for a in part.todo)
        for action in part.actions:
            assert (action.id in todo) == (action.state not in ("done", "cancelled")), action.label
            if action.id in done:
                assert action.done_note or action.state in ("done", "cancelled"), action.label
            if action.id in done and action.id in todo:
                assert action.is_open and action.news
            for sentence in filter(None, (action.done_note + " " + action.todo_note).split(". ")):
                state = "held" if action.status == ActionStatus.ON_HOLD and action.is_open else action.state
                assert consistent_note(sentence, state, True) in (sentence, "Een actiepunt hierbij is afgerond."), (
                    action.label, sentence)  # fmt: skip
            if action.state == "done":
                assert "Uitgesteld" not in action.done_note and "Aangehouden" not in action.done_note
                assert not action.todo_note
            if action.is_open:
                assert not action.done_note.startswith("Afgerond"), action.label


def test_a_later_status_does_not_change_the_state_at_the_end_of_the_period(demo_path, tmp_path):
    import shutil

    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_path, copy)
    database = open_database(copy)
    try:
        with database.session() as session:
            action = session.scalar(
                select(ProgrammeAction).where(ProgrammeAction.status == ActionStatus.IN_PROGRESS)
                .order_by(ProgrammeAction.code).limit(1)
            )  # fmt: skip
            assert action is not None
            code = action.code
            session.add(ProgressUpdate(programme_action_id=action.id, date=date(2026, 6, 15), status="in_progress",
                                       done_text="Eerste gesprekken gevoerd.", todo_text="Plan schrijven."))
            # Finished after the period: the report of the period still has it open, with its to-do.
            session.add(ProgressUpdate(programme_action_id=action.id, date=date(2026, 11, 20), status="done",
                                       done_text="Afgerond."))
            action.status = ActionStatus.DONE
        with database.session() as session:
            data = progress_report_document(session, date_from=date(2026, 6, 1), date_to=date(2026, 9, 30),
                                            today=TODAY)  # fmt: skip
    finally:
        database.close()
    named = next(a for line in data.lines for p in line.parts for a in p.actions if a.code == code)
    assert named.state in ("running", "late")
    assert named.done_note == "Eerste gesprekken gevoerd." or "Eerste gesprekken gevoerd." in named.done_note
    assert "Afgerond" not in named.done_note
    assert "Plan schrijven." in named.todo_note
    assert named.state_words in ("loopt", "vertraagd")


def test_the_demo_writes_no_note_against_the_final_status(demo_path):
    """The generator: an actiepunt of a programme action that is gereed or vervallen is closed as well, so no
    postponement or hold of it stands next to the programme action's "Afgerond."."""
    database = open_database(demo_path)
    try:
        with database.session() as session:
            rows = session.execute(
                select(ProgrammeAction.code, ProgrammeAction.status, ActionItem.status)
                .join(ActionItem, ActionItem.programme_action_id == ProgrammeAction.id)
            ).all()
            held = session.execute(
                select(ProgrammeAction.code, ProgressUpdate.todo_text)
                .join(ProgressUpdate, ProgressUpdate.programme_action_id == ProgrammeAction.id)
                .where(ProgressUpdate.status == "on_hold")
            ).all()
    finally:
        database.close()
    assert rows, "the demo links actiepunten to programme actions"
    for code, programme_status, item_status in rows:
        if ActionStatus(programme_status).is_closed:
            assert ActionStatus(item_status).is_closed, code
    for code, todo in held:
        assert todo.startswith("Aangehouden"), code


@pytest.mark.parametrize(
    "count, late, postponed, sentence",
    [
        (2, 0, 1, "2 acties, waarvan 1 een of meer keren uitgesteld."),
        (2, 1, 1, "2 acties, waarvan 1 over de deadline en 1 een of meer keren uitgesteld."),
        (5, 0, 0, "5 acties, geen daarvan over de deadline."),
        (3, 2, 0, "3 acties, waarvan 2 over de deadline."),
        (1, 1, 1, "1 actie, over de deadline en een of meer keren uitgesteld."),
        (1, 0, 0, "1 actie, niet over de deadline."),
    ],
)
def test_the_actielijst_count_never_reads_out_a_nought(count, late, postponed, sentence):
    from ghnt_desktop.exports.docx_lists import _count_sentence

    assert _count_sentence(count, late, postponed) == sentence
