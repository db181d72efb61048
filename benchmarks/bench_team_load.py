"""A team at work on one database: simulated clients edit shared meetings through the app's services at once.

    .venv/bin/python benchmarks/bench_team_load.py [--clients 10] [--edits 1000] [--engine postgresql|sqlite]
                                                   [--no-restart] [--repeat 1] [--profile]

Each client is its own process with its own ``Database`` (engine, pool, connections), as ten desks running the
app would be. It makes ``--edits`` edits on two shared meetings, rotating through what a secretaris and the
partners do during and after an overleg, each in one write session through the services the UI calls:

* minutes text: appends a line to an agenda item's verslag, saving with ``seen`` = the text its screen showed
  (``minutes.set_minutes_text``; the screen is read just before, as a live update would have refreshed it);
* a besluit (``minutes.add_decision``) and an actiepunt (``minutes.add_action_item``), numbered by the service;
* a status of a shared action item with ``seen`` = the status shown (``actions.set_action_status``);
* attendance: a participant "vervangen door" a named substitute (``meetings.set_attendance``).

Every edit is a unique value. Each client writes one line per edit to its own file as soon as the service
answered: ``CONFIRMED`` (the write session committed), ``CONFLICT`` (``versions.ConflictError``: another user
changed the value after the screen showed it; the user is shown both values), ``UNSAVED`` (the app told the
user it was not saved, e.g. the server stayed away) or ``ERROR`` (anything else: must not happen). Afterwards
every confirmed edit must be in the database: the line in the verslag, the besluit and the actiepunt with the
number the client was given, the progress update with the status, the substitute's name in the attendance or
in its change log. Decision and action numbers must be unique.

By default the PostgreSQL server (a throwaway cluster, ``tests/postgres_server.py``) is restarted with
``pg_ctl restart -m fast`` when about 40 % of the edits are made: no confirmed edit may be lost, and what was not
saved must have been reported. Throughput (edits answered per second) is compared with one client alone making
``--edits`` edits on a fresh database in the same run, just before and just after the team (the machine's load
from other programs drifts; the team is compared with the mean of the two). ``--repeat`` runs the three again.

``--profile`` says where a write's time goes (Linux): per write session the wait for the one write lock, how long it
was held, the statements run while holding it, and how much of the holding the client process and its server
backend spent waiting for a free core (``/proc/<pid>/schedstat``), with how busy the whole machine was.

The same code runs small in the tests (``tests/test_team_load.py``: threads instead of processes).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

KINDS = ("minutes", "decision", "action", "status", "attendance")
ON = date(2026, 3, 12)
READ_ATTEMPTS = 40  # a screen refresh while the server restarts is tried again (the UI would show an error)


@dataclass(frozen=True)
class Shared:
    """The records all clients edit: agenda items, action items and attendance rows of two meetings."""

    items: tuple[str, ...]
    actions: tuple[str, ...]
    attendances: tuple[str, ...]


@dataclass(frozen=True)
class Target:
    """Where a client connects: a file, or a server URL with its password."""

    location: str
    password: str | None = None

    def open(self):
        from ghnt_desktop.db import open_database

        return open_database(self.location if "://" in self.location else Path(self.location), password=self.password)


def setup_shared(database, meetings: int = 2) -> Shared:
    """Two overleggen of one series with two content items, three action items and four participants each."""
    from dataclasses import replace

    from ghnt_desktop.models import MeetingKind, Organisation, OrganisationKind, Person
    from ghnt_desktop.services import agenda, minutes
    from ghnt_desktop.services import meetings as meeting_service

    items, actions, attendances = [], [], []
    with database.session() as session:
        organisation = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE)
        session.add(organisation)
        session.flush()
        people = [Person(name=f"Deelnemer {n}", organisation_id=organisation.id) for n in range(4)]
        session.add_all(people)
        session.flush()
        series = meeting_service.create_series(
            session, name="Afstemmingsoverleg", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG
        ).id
        for n in range(meetings):
            draft = meeting_service.propose_next_meeting(session, series, today=date(1990, 1, 1))
            day = date(ON.year, 3 + 3 * n, 12)
            meeting = meeting_service.create_meeting(
                session, replace(draft, date=day), content_items=("Voortgang scholing", "Casusoverleg")
            ).id
            content = [r.id for r in agenda.agenda_items(session, meeting) if r.standard_item is None]
            items += [i.hex for i in content]
            for k in range(3):
                actions.append(minutes.add_action_item(session, content[k % 2], f"Gedeelde actie {n}.{k}").id.hex)
            for person in people:
                attendances.append(meeting_service.add_attendee(session, meeting, person_id=person.id).id.hex)
    return Shared(tuple(items), tuple(actions), tuple(attendances))


def _read(database, unit: Callable[[Any], Any]) -> Any:
    """What the client's screen shows, read in a read session; tried again while the server restarts."""
    from ghnt_desktop.storage_errors import storage_reason

    for attempt in range(READ_ATTEMPTS):
        try:
            with database.read_session() as session:
                return unit(session)
        except Exception as exc:
            if attempt == READ_ATTEMPTS - 1 or (getattr(exc, "reason", None) or storage_reason(exc)) != "connection":
                raise
            time.sleep(0.25)
    raise AssertionError("unreachable")


def _schedstat(pid: object) -> tuple[float, float]:
    """(seconds run on a core, seconds waited for one) of process ``pid`` ("self"); zeros where Linux cannot say."""
    try:
        run, waited, _slices = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(run) / 1e9, int(waited) / 1e9


def _client_and_backend(backend: int) -> tuple[float, ...]:
    return (*_schedstat("self"), *(_schedstat(backend) if backend else (0.0, 0.0)))


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU time of the whole machine so far (``/proc/stat``); busy cores = d(busy) / d(total) * cores."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = fields[3] + fields[4]
    return float(sum(fields) - idle), float(sum(fields))


class LockProfile:
    """Where each write session of one client spends its time (``--profile``): waiting for the write lock (the
    ``pg_advisory_xact_lock`` or ``BEGIN IMMEDIATE`` statement), holding it (from the lock to the end of the commit),
    the statements run while holding it, and what the client process and its server backend did meanwhile."""

    def __init__(self, database) -> None:
        from sqlalchemy import event

        self.writes: list[dict[str, float]] = []
        self.current: dict[str, Any] | None = None
        event.listen(database.engine, "before_cursor_execute", self._before)
        event.listen(database.engine, "after_cursor_execute", self._after)

    def _before(self, connection, _cursor, _statement, _parameters, _context, _many) -> None:
        connection.info["bench_t0"] = time.perf_counter()

    def _after(self, connection, _cursor, statement, _parameters, _context, _many) -> None:
        now, write = time.perf_counter(), self.current
        if write is None:
            return
        if "pg_advisory_xact_lock" in statement or statement.startswith("BEGIN IMMEDIATE"):
            write["wait"] = now - connection.info.get("bench_t0", now)
            write["locked"] = now
            info = getattr(connection.connection.driver_connection, "info", None)  # psycopg: the backend's pid
            write["backend"] = getattr(info, "backend_pid", 0)
            write["sched0"] = _client_and_backend(write["backend"])
        elif "locked" in write:
            write["statements"] += 1

    def write(self, database, unit: Callable[[Any], Any]) -> Any:
        self.current = {"statements": 0}
        try:
            return database.write(unit)
        finally:
            write, self.current = self.current, None
            if "locked" in write:
                end = _client_and_backend(write["backend"])
                run, queued, backend_run, backend_queued = (b - a for a, b in zip(write["sched0"], end, strict=True))
                self.writes.append({
                    "wait": write["wait"], "hold": time.perf_counter() - write["locked"],
                    "statements": write["statements"], "run": run, "queued": queued,
                    "backend_run": backend_run, "backend_queued": backend_queued,
                })  # fmt: skip


def run_client(
    target: Target, shared: Shared, tag: str, edits: int, out: Path, start: Path, offset: int = 0, profile: bool = False
) -> None:
    """One client: ``edits`` edits, one line per answer in ``out`` (flushed at once, as a user sees it); with
    ``profile`` a last line ``PROFILE <json>`` (``LockProfile``)."""
    from ghnt_desktop.models import ActionItem, ActionStatus, AgendaItem, AttendanceStatus
    from ghnt_desktop.services import actions as action_service
    from ghnt_desktop.services import meetings as meeting_service
    from ghnt_desktop.services import minutes
    from ghnt_desktop.services.versions import ConflictError
    from ghnt_desktop.storage_errors import StorageRefusedError

    statuses = (ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.DONE)
    database = target.open()
    profiler = LockProfile(database) if profile else None
    write = database.write if profiler is None else (lambda unit: profiler.write(database, unit))
    try:
        with out.open("w", encoding="utf-8") as log:
            log.write("READY\n")
            log.flush()
            while not start.exists():
                time.sleep(0.005)
            for step in range(edits):
                kind = KINDS[(step + offset) % len(KINDS)]
                value = f"{tag}-{step:05d}"
                pick = step // len(KINDS) + offset
                extra = ""
                try:
                    if kind == "minutes":
                        item = uuid.UUID(shared.items[pick % len(shared.items)])
                        shown = _read(database, lambda s, item=item: s.get(AgendaItem, item).minutes_text)
                        write(
                            lambda s, item=item, shown=shown, value=value: minutes.set_minutes_text(
                                s, item, f"{shown}\n{value}".lstrip("\n"), seen={"text": shown}
                            )
                        )
                    elif kind == "decision":
                        item = uuid.UUID(shared.items[pick % len(shared.items)])
                        extra = write(
                            lambda s, item=item, value=value: minutes.add_decision(s, item, f"Besluit {value}").number
                        )
                    elif kind == "action":
                        item = uuid.UUID(shared.items[pick % len(shared.items)])
                        extra = write(
                            lambda s, item=item, value=value: (
                                minutes.add_action_item(s, item, f"Actie {value}", deadline=date(2027, 1, 15)).number
                            )
                        )
                    elif kind == "status":
                        action = uuid.UUID(shared.actions[pick % len(shared.actions)])
                        shown = _read(database, lambda s, action=action: s.get(ActionItem, action).status)
                        following = statuses.index(shown) + 1 if shown in statuses else 0
                        wanted = statuses[following % len(statuses)]
                        write(
                            lambda s, action=action, wanted=wanted, shown=shown, value=value: (
                                action_service.set_action_status(
                                    s, action_service.ITEM, action, wanted, on=ON, author=value, seen=shown
                                )
                            )
                        )
                        extra = wanted.value
                    else:
                        attendance = uuid.UUID(shared.attendances[pick % len(shared.attendances)])
                        write(
                            lambda s, attendance=attendance, value=value: meeting_service.set_attendance(
                                s, attendance, AttendanceStatus.SUBSTITUTED, substitute_name=f"Vervanger {value}"
                            )
                        )
                    line = f"CONFIRMED {kind} {value} {extra}".rstrip()
                except ConflictError:
                    line = f"CONFLICT {kind} {value}"
                except StorageRefusedError as exc:  # the user is told in Dutch that it was not saved
                    line = f"UNSAVED {kind} {value} {getattr(exc, 'reason', '')}".rstrip()
                except Exception as exc:  # noqa: BLE001 - every other answer is a failure to report
                    line = f"ERROR {kind} {value} {type(exc).__name__}: {str(exc)[:200]!r} {_where(exc)}"
                log.write(line + "\n")
                log.flush()
            if profiler is not None:
                log.write(f"PROFILE {json.dumps(profiler.writes)}\n")
    finally:
        database.close()


def _where(exc: BaseException) -> str:
    """Where an unexpected error came from: the innermost frames of the app and the error it followed."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "ghnt_desktop" in f.filename][-3:]
    before = exc.__context__
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames) + (
        f" (after {type(before).__name__}: {str(before)[:120]!r})" if before is not None else ""
    )


def _client_process(
    target: Target, shared: Shared, tag: str, edits: int, out: str, start: str, offset: int, profile: bool = False
) -> None:
    run_client(target, shared, tag, edits, Path(out), Path(start), offset, profile)


@dataclass
class LoadResult:
    clients: int
    edits: int
    seconds: float
    answers: Counter[str] = field(default_factory=Counter)  # CONFIRMED / CONFLICT / UNSAVED / ERROR
    conflicts_by_kind: Counter[str] = field(default_factory=Counter)
    lost: list[str] = field(default_factory=list)  # confirmed edits missing from the database
    duplicate_numbers: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unsaved: list[str] = field(default_factory=list)
    unanswered: int = 0  # edits a client never answered (it died)
    restart_seconds: float | None = None
    writes: list[dict[str, float]] = field(default_factory=list)  # ``LockProfile`` of every client (``profile``)
    machine_cores: float = 0.0  # how many of the machine's cores were busy on average during the run (all programs)

    @property
    def per_second(self) -> float:
        answered = sum(self.answers.values())
        return answered / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        restart = f"; server restarted ({self.restart_seconds:.1f} s)" if self.restart_seconds is not None else ""
        return (
            f"{self.clients} client(s) x {self.edits} edits in {self.seconds:.1f} s ({self.per_second:.0f} edits/s)"
            f"{restart}: confirmed {self.answers['CONFIRMED']}, conflicts {self.answers['CONFLICT']} "
            f"({', '.join(f'{k} {n}' for k, n in sorted(self.conflicts_by_kind.items())) or 'none'}), "
            f"not saved and reported {self.answers['UNSAVED']}, errors {self.answers['ERROR']}, "
            f"unanswered {self.unanswered}; lost {len(self.lost)}, duplicate numbers {len(self.duplicate_numbers)}"
        )

    def profile(self) -> str:
        """``LockProfile`` in one line: means per write session in ms, and the share of the run the lock was held."""
        if not self.writes:
            return f"machine busy {self.machine_cores:.2f} cores"

        def mean(key: str) -> float:
            return 1000 * sum(w[key] for w in self.writes) / len(self.writes)

        held = sum(w["hold"] for w in self.writes) / self.seconds if self.seconds else 0.0
        statements = sum(w["statements"] for w in self.writes) / len(self.writes)
        return (
            f"per write: lock wait {mean('wait'):.1f} ms, held {mean('hold'):.1f} ms ({statements:.1f} statements"
            f" + commit), meanwhile client ran {mean('run'):.1f} ms and waited {mean('queued'):.1f} ms for a core,"
            f" its server backend ran {mean('backend_run'):.1f} ms and waited {mean('backend_queued'):.1f} ms;"
            f" lock held {held:.0%} of the run; machine busy {self.machine_cores:.2f} cores"
        )


def check(database, lines: list[str]) -> tuple[list[str], list[str]]:
    """The confirmed edits among ``lines`` that the database lacks, and decision/action numbers given twice."""
    from sqlalchemy import select

    from ghnt_desktop.models import ActionItem, AgendaItem, Attendance, Decision, ProgressUpdate
    from ghnt_desktop.services.change_log import changes_after

    with database.read_session() as session:
        minutes_lines = set()
        for text in session.scalars(select(AgendaItem.minutes_text)):
            minutes_lines.update((text or "").split("\n"))
        decisions = dict(session.execute(select(Decision.text, Decision.number)).all())
        decision_numbers = list(session.scalars(select(Decision.number)))
        actions = dict(session.execute(select(ActionItem.text, ActionItem.number)).all())
        action_numbers = list(session.scalars(select(ActionItem.number)))
        progress = {
            (author, status.value if hasattr(status, "value") else str(status))
            for author, status in session.execute(select(ProgressUpdate.author, ProgressUpdate.status)).all()
        }
        substitutes = set(session.scalars(select(Attendance.substitute_name)))
        for change in changes_after(session, 0, tables=["attendance"]):
            substitutes.add(change.new_values.get("substitute_name"))
    lost = []
    for line in lines:
        parts = line.split(" ")
        if parts[0] != "CONFIRMED":
            continue
        kind, value, extra = parts[1], parts[2], (parts[3] if len(parts) > 3 else "")
        if kind == "minutes":
            found = value in minutes_lines
        elif kind == "decision":
            found = decisions.get(f"Besluit {value}") == extra
        elif kind == "action":
            found = actions.get(f"Actie {value}") == extra
        elif kind == "status":
            found = (value, extra) in progress
        else:
            found = f"Vervanger {value}" in substitutes
        if not found:
            lost.append(line)
    duplicates = [n for n, c in Counter(decision_numbers + action_numbers).items() if c > 1]
    return lost, duplicates


def run_load(
    target: Target,
    clients: int,
    edits: int,
    work: Path,
    *,
    processes: bool = True,
    restart: Callable[[], None] | None = None,
    restart_at: float = 0.4,
    profile: bool = False,
) -> LoadResult:
    """Set up the shared meetings on ``target``, run the clients together, restart the server once (``restart``)
    when ``restart_at`` of the edits are answered, and check every confirmed edit afterwards."""
    database = target.open()
    try:
        shared = setup_shared(database)
    finally:
        database.close()
    run = uuid.uuid4().hex[:6]
    start = work / f"start-{run}"
    outs = [work / f"client-{run}-{n}.out" for n in range(clients)]
    args = [(target, shared, f"c{n}{run}", edits, str(outs[n]), str(start), n, profile) for n in range(clients)]
    if processes:
        context = multiprocessing.get_context("spawn")
        workers: list[Any] = [context.Process(target=_client_process, args=a) for a in args]
    else:
        workers = [threading.Thread(target=_client_process, args=a) for a in args]
    for worker in workers:
        worker.start()

    def lines_of(path: Path) -> list[str]:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [  # only whole (flushed) lines
            line for line in text.split("\n")[:-1] if line != "READY" and not line.startswith("PROFILE ")
        ]

    def alive() -> bool:
        return any(w.is_alive() for w in workers)

    while alive() and not all(o.exists() and o.read_text(encoding="utf-8").startswith("READY") for o in outs):
        time.sleep(0.01)
    started, busy_before = time.perf_counter(), machine_busy()
    start.touch()
    restart_seconds = None
    if restart is not None:
        while alive() and sum(len(lines_of(o)) for o in outs) < restart_at * clients * edits:
            time.sleep(0.02)
        began = time.perf_counter()
        restart()
        restart_seconds = time.perf_counter() - began
    for worker in workers:
        worker.join()
    seconds, busy_after = time.perf_counter() - started, machine_busy()
    start.unlink(missing_ok=True)
    lines = [line for out in outs for line in lines_of(out)]
    writes = [
        write
        for out in outs
        for line in (out.read_text(encoding="utf-8").split("\n") if out.exists() else [])
        if line.startswith("PROFILE ")
        for write in json.loads(line[len("PROFILE ") :])
    ]
    for out in outs:
        out.unlink(missing_ok=True)
    result = LoadResult(clients, edits, seconds, restart_seconds=restart_seconds, writes=writes)
    if busy_after[1] > busy_before[1]:
        cores = os.cpu_count() or 1
        result.machine_cores = (busy_after[0] - busy_before[0]) / (busy_after[1] - busy_before[1]) * cores
    for line in lines:
        answer, kind = line.split(" ", 2)[:2]
        result.answers[answer] += 1
        if answer == "CONFLICT":
            result.conflicts_by_kind[kind] += 1
        elif answer == "ERROR":
            result.errors.append(line)
        elif answer == "UNSAVED":
            result.unsaved.append(line)
    result.unanswered = clients * edits - len(lines)
    database = target.open()
    try:
        result.lost, result.duplicate_numbers = check(database, lines)
    finally:
        database.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--edits", type=int, default=1000, help="edits per client")
    parser.add_argument("--engine", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--no-restart", action="store_true", help="do not restart the server during the run")
    parser.add_argument("--repeat", type=int, default=1, help="run alone, team, alone this many times")
    parser.add_argument("--profile", action="store_true", help="where the write sessions spend their time")
    parser.add_argument("--runs", type=int, default=None, help=argparse.SUPPRESS)  # run_all --quick: ignored
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ghnt-team-load-"))
    server = None
    try:
        if args.engine == "postgresql":
            from postgres_server import start_server

            server = start_server()

            def target() -> Target:
                return Target(server.fresh_database(), server.password)

        else:

            def target() -> Target:
                return Target(str(work / f"team-{uuid.uuid4().hex[:6]}.db"))

        restart = server.restart if server is not None and not args.no_restart else None
        ratios, bad = [], False
        for repeat in range(args.repeat):
            before = run_load(target(), 1, args.edits, work, profile=args.profile)
            team = run_load(target(), args.clients, args.edits, work, restart=restart, profile=args.profile)
            after = run_load(target(), 1, args.edits, work, profile=args.profile)
            alone_per_s = (before.per_second + after.per_second) / 2
            for name, result in (("alone", before), ("team", team), ("alone", after)):
                print(f"{name:6s} {result.summary()}", flush=True)
                if args.profile:
                    print(f"       {result.profile()}", flush=True)
            for line in (team.lost + team.errors + before.lost + before.errors + after.lost + after.errors)[:20]:
                print("  ", line)
            for line in team.unsaved[:10]:
                print("   reported as not saved:", line)
            ratio = team.per_second / alone_per_s if alone_per_s else 0.0
            ratios.append(ratio)
            print(
                f"run {repeat + 1}: throughput of {args.clients} clients against one client alone (mean of the runs "
                f"before and after): {ratio:.2f}x",
                flush=True,
            )
            print(
                json.dumps(
                    {
                        "engine": args.engine,
                        "team_per_s": round(team.per_second, 1),
                        "alone_per_s": round(alone_per_s, 1),
                        "ratio": round(ratio, 2),
                        "machine_busy_cores": round(team.machine_cores, 2),
                    }
                ),
                flush=True,
            )
            results = (before, team, after)
            bad = bad or any(r.lost or r.duplicate_numbers or r.errors or r.unanswered for r in results)
        if len(ratios) > 1:
            print(f"ratios {', '.join(f'{r:.2f}' for r in ratios)}; median {sorted(ratios)[len(ratios) // 2]:.2f}x")
        return 1 if bad else 0
    finally:
        if server is not None:
            server.remove()
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
