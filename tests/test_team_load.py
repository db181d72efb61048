"""A team editing shared meetings at once loses nothing: the load test of ``benchmarks/bench_team_load.py``, small.

Clients (threads here, each with its own ``Database``: engine, pool and connections) edit the minutes, besluiten,
actiepunten, statuses and attendance of two shared meetings through the services the UI calls. Every confirmed
edit must be in the database afterwards, decision and action numbers unique, every refused edit a conflict
(never another error), on both engines; on PostgreSQL also when the server restarts in the middle of the run.
The benchmark runs 10 processes x 1,000 edits.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_team_load", REPO / "benchmarks" / "bench_team_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def target(request, tmp_path):
    if request.param == "sqlite":
        yield bench.Target(str(tmp_path / "team.db"))
        return
    server = request.getfixturevalue("postgres_server")
    url = server.fresh_database()
    yield bench.Target(url, server.password)
    server.drop_database(url)


def _assert_nothing_lost(result) -> None:
    assert result.lost == [], result.lost[:5]
    assert result.duplicate_numbers == []
    assert result.errors == [], result.errors[:5]
    assert result.unanswered == 0
    assert result.answers["CONFIRMED"] > 0


def test_four_clients_editing_shared_meetings_lose_nothing_and_number_uniquely(target, tmp_path) -> None:
    result = bench.run_load(target, 4, 50, tmp_path, processes=False)
    _assert_nothing_lost(result)
    # Every answer is a confirmation or a conflict (shown to the user with both values); nothing else.
    assert result.answers["CONFIRMED"] + result.answers["CONFLICT"] == 200
    assert set(result.conflicts_by_kind) <= {"minutes", "status"}  # the edits that carry what the screen showed


@pytest.mark.postgresql
def test_a_server_restart_in_the_middle_of_the_run_loses_no_confirmed_edit(postgres_server, tmp_path) -> None:
    url = postgres_server.fresh_database()
    try:
        result = bench.run_load(
            bench.Target(url, postgres_server.password), 3, 40, tmp_path, processes=False,
            restart=postgres_server.restart, restart_at=0.3,
        )  # fmt: skip
    finally:
        if postgres_server.pg_ctl("status", check=False).returncode != 0:
            postgres_server.start()
        postgres_server.drop_database(url)
    assert result.restart_seconds is not None
    _assert_nothing_lost(result)
    # What was not saved was said so to the user (the server stayed away longer than the retries), never silently.
    assert all(line.endswith(("connection", "uncertain")) for line in result.unsaved), result.unsaved
    assert result.answers["CONFIRMED"] + result.answers["CONFLICT"] + result.answers["UNSAVED"] == 120


def test_the_check_finds_a_lost_edit_and_a_duplicate_number(tmp_path) -> None:
    """The check itself can fail: a confirmed edit the database lacks, a number given twice."""
    from ghnt_desktop.models import ActionItem
    from ghnt_desktop.services import minutes

    target = bench.Target(str(tmp_path / "team.db"))
    database = target.open()
    try:
        shared = bench.setup_shared(database)
        item = uuid.UUID(shared.items[0])
        number = database.write(lambda s: minutes.add_decision(s, item, "Besluit x-00001").number)
        lines = [
            f"CONFIRMED decision x-00001 {number}",
            "CONFIRMED decision x-00002 AO-2026-1-09",  # never saved
            f"CONFIRMED decision x-00001 {number}X",  # saved with another number than the client was given
            "CONFIRMED minutes x-00003",
            "CONFIRMED status x-00004 in_progress",
            "CONFIRMED attendance x-00005",
            "CONFIRMED action x-00006 AO-2026-1-A01",
            "CONFLICT minutes x-00007",  # refused: nothing to find
        ]
        lost, duplicates = bench.check(database, lines)
        assert lost == lines[1:7]
        assert duplicates == []
        with database.session() as s:  # another program gives a second action item the same number
            first, second = s.query(ActionItem).limit(2).all()
            second.number = first.number
        assert bench.check(database, [])[1] == [first.number]
    finally:
        database.close()


@pytest.mark.parametrize("add", ["decision", "action"])
def test_an_add_that_starts_while_another_is_numbered_but_not_committed_gets_the_next_number(target, add) -> None:
    """The worst interleaving, forced: writer one has numbered its besluit (or actiepunt) and flushed it, but not
    committed; writer two, another client with its own connections, adds one on the same item right then. Writer two
    must wait for the write lock and number after writer one's commit; were the lock narrower than the numbering
    (taken later, or per record), it would read the same highest number and give it again (or fail on it)."""
    import threading

    from ghnt_desktop.services import minutes

    first, second = target.open(), target.open()
    numbered = threading.Event()
    answers: dict[str, object] = {}

    def add_one(session, text: str):
        service = minutes.add_decision if add == "decision" else minutes.add_action_item
        return service(session, item, text).number

    def second_writer() -> None:
        numbered.wait(10)
        try:
            answers["second"] = second.write(lambda s: add_one(s, "Tweede"))
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            answers["second"] = exc

    try:
        item = uuid.UUID(bench.setup_shared(first).items[0])
        thread = threading.Thread(target=second_writer)
        thread.start()
        with first.session() as session:
            answers["first"] = add_one(session, "Eerste")
            session.flush()
            numbered.set()
            thread.join(0.5)  # writer two runs now, as far as the lock lets it
            assert thread.is_alive(), "the second add did not wait for the first one's commit"
        thread.join(20)
    finally:
        first.close()
        second.close()
    assert isinstance(answers["second"], str), answers["second"]
    assert answers["first"] != answers["second"]
    assert sorted([answers["first"], answers["second"]]) == [answers["first"], answers["second"]]
