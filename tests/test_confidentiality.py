"""Vertrouwelijk means vertrouwelijk: nothing under a confidential item leaves the app unless asked for.

Distinct sentinel words go into every kind of record under a vertrouwelijk agenda item, in both orders (flag
first, content first). Every Word, Excel and calendar output and the search are made; every part of every
file is unzipped and read. Without inclusion no sentinel may appear anywhere; with inclusion each sentinel
appears and every file that holds one is marked Vertrouwelijk. A control sentinel under a public item shows
that the scan does find what is there. A property test checks the rule over random trees of items,
decisions, escalations, actions and progress against an independent oracle.
"""

from __future__ import annotations

import re
import shutil
import uuid
import zipfile
from contextlib import redirect_stdout
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ghnt_desktop.calendar_ics import build_ics, invitation_data
from ghnt_desktop.db import open_database
from ghnt_desktop.exports.jobs import ExportRequest, run_export
from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingKind,
    MeetingSeries,
    ProgrammeAction,
    ProgressUpdate,
)
from ghnt_desktop.services import ValidationError, agenda, meetings, minutes
from ghnt_desktop.services.confidentiality import confidential_scope
from ghnt_desktop.services.search import search, search_results

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
ORDERS = ("flag_first", "content_first")
KINDS = (
    "itemtitle",
    "document",
    "guest",
    "minutes",
    "decision",
    "action",
    "toezegging",
    "progressdone",
    "progresstodo",
    "programmeprogress",
    "bominutes",
    "bodecision",
    "outcome",
)


def sentinel(kind: str, order: str) -> str:
    """A word found nowhere else: letters only, so tokenizers and XML keep it in one piece."""
    return f"zq{kind}{order.replace('_', '')}xq"


CONTROL = "zqpubliccontrolxq"


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


def _series(session) -> tuple[MeetingSeries, uuid.UUID]:
    ao = session.scalar(
        select(MeetingSeries).where(MeetingSeries.escalates_to_id.is_not(None)).order_by(MeetingSeries.name)
    )
    assert ao is not None, "the demo has an afstemmingsoverleg that escalates to a bestuurlijk overleg"
    return ao, ao.escalates_to_id


def _meeting(session, series_id: uuid.UUID, day: date, title: str) -> uuid.UUID:
    draft = meetings.MeetingDraft(kind=MeetingKind.OTHER, title=title, date=day, series_id=series_id)
    return meetings.create_meeting(session, draft).id


def _fill(session, order: str, offset: int) -> dict[str, uuid.UUID]:
    """One AO meeting with a vertrouwelijk item full of sentinel content, escalated to a BO meeting."""
    s = {kind: sentinel(kind, order) for kind in KINDS}
    ao_series, bo_series = _series(session)
    ao = _meeting(session, ao_series.id, TODAY + timedelta(days=offset), f"AO {order}")
    bo = _meeting(session, bo_series, TODAY + timedelta(days=offset + 7), f"BO {order}")
    flag_first = order == "flag_first"
    item = agenda.add_agenda_item(session, ao, f"Casusbespreking {s['itemtitle']}", confidential=flag_first).id
    public = agenda.add_agenda_item(session, ao, f"Openbaar punt {CONTROL}").id
    minutes.set_minutes_text(session, public, f"Openbare notulen {CONTROL}")
    agenda.add_document(session, item, f"Stuk {s['document']}")
    agenda.add_guest(session, item, name=f"Gast {s['guest']}")
    minutes.set_minutes_text(session, item, f"Besproken: {s['minutes']}")
    # Each order its own programme action: the report keeps only the latest "nog te doen" per action.
    programme_action = session.scalar(
        select(ProgrammeAction.id).order_by(ProgrammeAction.code).offset(ORDERS.index(order)).limit(1)
    )
    decision = minutes.add_decision(session, item, f"Besluit {s['decision']}").id
    action = minutes.add_action_item(
        session, item, f"Actie {s['action']}", trekker_text="Projectleider", programme_action_id=programme_action
    ).id
    minutes.add_action_item(session, item, f"Toezegging {s['toezegging']}", kind=ActionKind.TOEZEGGING)
    minutes.record_progress(
        session,
        action,
        status=ActionStatus.IN_PROGRESS,
        done_text=f"Gedaan {s['progressdone']}",
        todo_text=f"Nog te doen {s['progresstodo']}",
        meeting_id=ao,
        agenda_item_id=item,
        on=TODAY + timedelta(days=offset),
    )
    item_record = session.get(AgendaItem, item)
    item_record.programme_actions.append(session.get(ProgrammeAction, programme_action))
    session.flush()
    minutes.record_programme_progress_at_item(
        session, item, programme_action, status=ActionStatus.IN_PROGRESS, done_text=f"Stand {s['programmeprogress']}"
    )
    minutes.mark_for_decision(session, decision)
    escalation_item = session.get(Decision, decision).escalation_agenda_item_id
    assert escalation_item is not None, "placed on the bestuurlijk overleg's agenda at once"
    minutes.set_minutes_text(session, escalation_item, f"Bestuurlijk besproken {s['bominutes']}")
    minutes.add_decision(session, escalation_item, f"Bestuurlijk besluit {s['bodecision']}")
    minutes.record_escalation_outcome(session, decision, f"Akkoord {s['outcome']}", TODAY + timedelta(days=offset + 7))
    if not flag_first:
        agenda.update_agenda_item(session, item, confidential=True)
    session.flush()
    return {"ao": ao, "bo": bo, "item": item, "decision": decision, "action": action}


@pytest.fixture(scope="module")
def filled(demo_file: Path, tmp_path_factory) -> tuple[Path, dict[str, dict[str, uuid.UUID]]]:
    path = tmp_path_factory.mktemp("confidential") / "demo.db"
    shutil.copy(demo_file, path)
    database = open_database(path)
    ids = {}
    with database.session() as session:
        for offset, order in ((40, "flag_first"), (80, "content_first")):
            ids[order] = _fill(session, order, offset)
    database.close()
    return path, ids


def _requests(out: Path, ids: dict[str, dict[str, uuid.UUID]], include: bool) -> list[ExportRequest]:
    period = {"date_from": TODAY - timedelta(days=400), "date_to": TODAY + timedelta(days=400)}
    requests = [
        ExportRequest("besluitenlijst", out / "besluitenlijst.docx", include_confidential=include, **period),
        ExportRequest("actielijst", out / "actielijst.docx", include_closed=True, include_confidential=include),
        ExportRequest("programma", out / "programma.docx", include_confidential=include),
        ExportRequest("voortgang", out / "voortgang.docx", include_confidential=include, today=TODAY, **period),
        ExportRequest("actielijst", out / "actielijst.xlsx", include_closed=True, include_confidential=include),
        ExportRequest("besluitenlijst", out / "besluitenlijst.xlsx", include_confidential=include, **period),
    ]
    for order, meeting in ids.items():
        for key in ("ao", "bo"):
            m = meeting[key]
            requests += [
                ExportRequest("agenda", out / f"agenda-{order}-{key}.docx", meeting_id=m, include_confidential=include),
                ExportRequest(
                    "verslag", out / f"verslag-{order}-{key}.docx", meeting_id=m, include_confidential=include
                ),
                ExportRequest(
                    "presentielijst",
                    out / f"presentielijst-{order}-{key}.xlsx",
                    meeting_id=m,
                    year=(TODAY + timedelta(days=40)).year,
                    include_confidential=include,
                ),
            ]
    return requests


def _text_of(path: Path) -> dict[str, str]:
    """Every part of a file as text (a zip's parts unzipped; an .ics unfolded)."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}
    return {path.name: data.decode("utf-8", "replace").replace("\r\n ", "")}


def _all_sentinels() -> list[str]:
    return [sentinel(kind, order) for order in ORDERS for kind in KINDS]


def _found(parts: dict[str, str]) -> set[str]:
    text = "\n".join(parts.values()).casefold()
    return {word for word in (*_all_sentinels(), CONTROL) if word in text}


def _make_outputs(database, out: Path, ids, include: bool) -> list[Path]:
    out.mkdir()
    paths = []
    for request in _requests(out, ids, include):
        outcome = run_export(database, request)
        paths.append(outcome.path)
    with database.session() as session:
        for order, meeting in ids.items():
            for key in ("ao", "bo"):
                ics = out / f"uitnodiging-{order}-{key}.ics"
                ics.write_bytes(build_ics(invitation_data(session, meeting[key])))
                paths.append(ics)
    return paths


def test_nothing_confidential_leaves_without_asking(filled, tmp_path):
    path, ids = filled
    database = open_database(path, read_only=True, create=False)
    try:
        paths = _make_outputs(database, tmp_path / "out", ids, include=False)
        leaks = {p.name: sorted(_found(_text_of(p)) - {CONTROL}) for p in paths}
        assert {name: found for name, found in leaks.items() if found} == {}
        # The scan finds what is there: the public item's words are in the agenda and the verslag.
        assert any(CONTROL in _found(_text_of(p)) for p in paths if p.name.startswith("agenda"))
        assert any(CONTROL in _found(_text_of(p)) for p in paths if p.name.startswith("verslag"))
        # The bestuurlijk overleg's agenda names the decision neutrally, by its number only.
        with database.session() as session:
            for order, meeting in ids.items():
                number = session.get(Decision, meeting["decision"]).number
                bo_agenda = "".join(_text_of(tmp_path / "out" / f"agenda-{order}-bo.docx").values())
                assert f"Vertrouwelijk besluit {number}, zie besloten stuk" in bo_agenda
            for word in _all_sentinels():
                assert search(session, word) == []
                if not word.startswith(("zqdocument", "zqguest")):  # stukken and guests are not indexed
                    assert search_results(session, word).confidential_left_out >= 1, word
            # The invitation says what it held back.
            said = invitation_data(session, ids["flag_first"]["ao"]).left_out()
            assert "1 vertrouwelijk agendapunt staat er zonder titel in" in said and "1 gast" in said
    finally:
        database.close()


def test_included_content_is_there_and_marked(filled, tmp_path):
    path, ids = filled
    database = open_database(path, read_only=True, create=False)
    try:
        paths = _make_outputs(database, tmp_path / "out", ids, include=True)
        seen: set[str] = set()
        for p in paths:
            parts = _text_of(p)
            found = _found(parts) - {CONTROL}
            seen |= found
            if not found:
                continue
            if p.suffix == ".docx":
                headers = "".join(text for name, text in parts.items() if name.startswith("word/header"))
                assert "VERTROUWELIJK" in headers, f"{p.name} holds confidential content without the banner"
            elif p.suffix == ".xlsx":
                assert "Vertrouwelijk" in "".join(parts.values()), f"{p.name} is not marked"
            else:
                pytest.fail(f"{p.name} carries confidential content, which it never may")
        assert seen == set(_all_sentinels())
        # The partner workbook never holds a confidential row, even when asked.
        assert not _found(_text_of(tmp_path / "out" / "actielijst.xlsx")) - {CONTROL}
        with database.session() as session:
            for word in _all_sentinels():
                hits = search(session, word, include_confidential=True)
                assert all(hit.confidential for hit in hits)
    finally:
        database.close()


def test_the_command_line_leaves_out_and_says(filled, tmp_path):
    from ghnt_desktop.cli import main

    path, ids = filled
    out = tmp_path / "verslag.docx"
    printed = StringIO()
    with redirect_stdout(printed):
        code = main(
            ["export", "verslag", "--db", str(path), "--meeting", str(ids["content_first"]["ao"]), "--out", str(out)]
        )
    assert code == 0
    said = printed.getvalue()
    assert (
        "Weggelaten omdat ze vertrouwelijk zijn" in said and "agendapunt" in said and "--include-confidential" in said
    )
    assert not _found(_text_of(out)) - {CONTROL}
    printed = StringIO()
    with redirect_stdout(printed):
        main(
            [
                "export",
                "verslag",
                "--db",
                str(path),
                "--meeting",
                str(ids["content_first"]["ao"]),
                "--out",
                str(out),
                "--include-confidential",
            ]
        )
    assert "vertrouwelijke onderdelen" in printed.getvalue()
    assert sentinel("minutes", "content_first") in _found(_text_of(out))


def test_unflagging_under_a_confidential_item_is_refused(filled, tmp_path):
    path, ids = filled
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    database = open_database(copy)
    try:
        with database.session() as session:
            meeting = ids["flag_first"]
            item = meeting["item"]
            decision = minutes.add_decision(session, item, "Nog een besluit", confidential=True).id
            with pytest.raises(ValidationError, match="vertrouwelijk"):
                minutes.update_decision(session, decision, confidential=False)
            action = minutes.add_action_item(session, item, "Nog een actie", confidential=True).id
            with pytest.raises(ValidationError, match="vertrouwelijk"):
                minutes.update_action_item(session, action, confidential=False)
            # Unflagging the item itself uncovers what is not flagged on its own, and nothing else.
            agenda.update_agenda_item(session, item, confidential=False)
            scope = confidential_scope(session)
            assert scope.decision(decision) and scope.action(action)
            assert not scope.action(meeting["action"]) and not scope.decision(meeting["decision"])
    finally:
        database.close()


# ---------------------------------------------------------------------------------------------------------------
# The rule over random trees, against an independent oracle


tree = st.fixed_dictionaries(
    {
        "items": st.lists(st.booleans(), min_size=1, max_size=5),  # flag per item
        # (item index, flag, index of the item it escalates to or None)
        "decisions": st.lists(st.tuples(st.integers(0, 4), st.booleans(), st.none() | st.integers(0, 4)), max_size=6),
        "actions": st.lists(st.tuples(st.none() | st.integers(0, 4), st.booleans()), max_size=6),
        # (action index or None, item index or None, flag)
        "updates": st.lists(
            st.tuples(st.none() | st.integers(0, 5), st.none() | st.integers(0, 4), st.booleans()), max_size=8
        ),
    }
)


def _oracle(t: dict) -> tuple[set[int], set[int], set[int], set[int]]:
    """Confidential item, decision, action and update indexes, by the rule as the issue states it."""
    n = len(t["items"])
    decisions = [(i % n, flag, None if to is None else to % n) for i, flag, to in t["decisions"]]
    items = {i for i, flag in enumerate(t["items"]) if flag}
    changed = True
    while changed:  # escalations can chain: repeat until nothing changes
        changed = False
        for item, flag, to in decisions:
            if (flag or item in items) and to is not None and to not in items:
                items.add(to)
                changed = True
    conf_decisions = {k for k, (item, flag, _to) in enumerate(decisions) if flag or item in items}
    actions = [(None if i is None else i % n, flag) for i, flag in t["actions"]]
    conf_actions = {k for k, (item, flag) in enumerate(actions) if flag or (item is not None and item in items)}
    conf_updates = set()
    for k, (action, item, flag) in enumerate(t["updates"]):
        action = None if action is None or not actions else action % len(actions)
        item = None if item is None else item % n
        if action is None and item is None:
            continue
        if flag or (action is not None and action in conf_actions) or (item is not None and item in items):
            conf_updates.add(k)
    return items, conf_decisions, conf_actions, conf_updates


@pytest.fixture(scope="module")
def rule_database(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("rule") / "rule.db")
    yield database
    database.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(t=tree)
def test_the_rule_matches_the_oracle(rule_database, t):
    with rule_database.session() as session:
        meeting = Meeting(kind=MeetingKind.OTHER, title="Regel", date=TODAY)
        session.add(meeting)
        session.flush()
        items = [AgendaItem(meeting_id=meeting.id, title=f"Punt {i}", confidential=f) for i, f in enumerate(t["items"])]
        session.add_all(items)
        session.flush()
        n = len(items)
        decisions = []
        for k, (i, flag, to) in enumerate(t["decisions"]):
            decisions.append(
                Decision(
                    meeting_id=meeting.id,
                    agenda_item_id=items[i % n].id,
                    year=2020,
                    sequence=k,
                    number=f"R-{uuid.uuid4().hex[:8]}",
                    text="Besluit",
                    confidential=flag,
                    escalation_agenda_item_id=None if to is None else items[to % n].id,
                )
            )
        actions = [
            ActionItem(
                number=f"A-{k}",
                text="Actie",
                origin_meeting_id=meeting.id,
                origin_agenda_item_id=None if i is None else items[i % n].id,
                confidential=flag,
            )
            for k, (i, flag) in enumerate(t["actions"])
        ]
        session.add_all(decisions + actions)
        session.flush()
        updates: dict[int, ProgressUpdate] = {}
        for k, (a, i, flag) in enumerate(t["updates"]):
            action = None if a is None or not actions else actions[a % len(actions)]
            item = None if i is None else items[i % n]
            if action is None and item is None:
                continue
            programme_action = session.scalar(select(ProgrammeAction.id).limit(1))
            if action is None and programme_action is None:
                # a progress row needs a subject: make one programme action once
                from ghnt_desktop.models import Ambition, Programme, Section, SectionKind

                programme = Programme(title="P", region="R")
                session.add(programme)
                session.flush()
                section = Section(programme_id=programme.id, title="S", kind=SectionKind.ACTIELIJN)
                session.add(section)
                session.flush()
                ambition = Ambition(section_id=section.id, text="A")
                session.add(ambition)
                session.flush()
                pa = ProgrammeAction(ambition_id=ambition.id, code="1", text="PA")
                session.add(pa)
                session.flush()
                programme_action = pa.id
            updates[k] = ProgressUpdate(
                action_item_id=action.id if action is not None else None,
                programme_action_id=None if action is not None else programme_action,
                agenda_item_id=item.id if item is not None else None,
                date=TODAY,
                status=ActionStatus.IN_PROGRESS,
                confidential=flag,
            )
        session.add_all(updates.values())
        session.flush()
        scope = confidential_scope(session)
        want_items, want_decisions, want_actions, want_updates = _oracle(t)
        assert {k for k, item in enumerate(items) if scope.agenda_item(item.id)} == want_items
        assert {k for k, d in enumerate(decisions) if scope.decision(d.id)} == want_decisions
        assert {k for k, a in enumerate(actions) if scope.action(a.id)} == want_actions
        assert {k for k, u in updates.items() if scope.update(u.id)} == want_updates
        session.rollback()


def test_search_hides_and_counts(filled):
    path, ids = filled
    database = open_database(path, read_only=True, create=False)
    try:
        with database.session() as session:
            word = sentinel("minutes", "flag_first")
            assert search_results(session, word).confidential_left_out == 1
            assert [hit.confidential for hit in search(session, word, include_confidential=True)] == [True]
            assert search(session, CONTROL)  # public content is found as before
    finally:
        database.close()


def test_no_output_decides_for_itself():
    """Outputs ask the rule: no module outside the rule reads a record's own flag to decide what to show."""
    root = Path(__file__).resolve().parent.parent / "ghnt_desktop"
    own_flag = re.compile(r"\b(?:ActionItem|Decision|ProgressUpdate)\.confidential\b")
    offenders = []
    for folder in ("exports", "services"):
        for path in (root / folder).glob("*.py"):
            if path.name == "confidentiality.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if own_flag.search(line) and "select(" not in line and "is_(False)" in line:
                    offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice/poppler not installed"
)
def test_every_rendered_page_carries_the_banner(filled, tmp_path):
    """Rendered as a reader sees it (LibreOffice to PDF): every page of an included verslag says VERTROUWELIJK,
    and the version without inclusion says it nowhere and shows none of the confidential words."""
    import subprocess

    path, ids = filled
    database = open_database(path, read_only=True, create=False)
    try:
        for include in (True, False):
            out = tmp_path / f"verslag-{include}.docx"
            request = ExportRequest("verslag", out, meeting_id=ids["flag_first"]["ao"], include_confidential=include)
            run_export(database, request)
            subprocess.run(
                ["libreoffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                 "pdf", "--outdir", str(tmp_path), str(out)],
                check=True, capture_output=True, timeout=180,
            )  # fmt: skip
            text = subprocess.run(
                ["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
            ).stdout
            pages = [page for page in text.split("\f") if page.strip()]
            assert pages
            if include:
                assert all("VERTROUWELIJK" in page for page in pages)
                assert sentinel("minutes", "flag_first") in text
            else:
                assert "VERTROUWELIJK" not in text and "zq" not in text.replace(CONTROL, "")
    finally:
        database.close()
