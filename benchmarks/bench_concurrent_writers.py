"""Concurrent writers: several processes edit the same records through the services; nothing may be lost.

    .venv/bin/python benchmarks/bench_concurrent_writers.py [--processes 3] [--edits 400] [--dir PATH]

Each writer process opens the database (``db.open_database``, no file lock: as a second app on a share
whose lock could not be made, or ``ghnt-desktop import`` run by a script would) and makes ``--edits``
edits, each in one write session: two of three append a line to the minutes of the same agenda item
(read the text, ``minutes.set_minutes_text`` with the line added: a read-modify-write), the third adds a
besluit (``minutes.add_decision``: reads the highest number of the year, then inserts the next). After
each commit it prints ``CONFIRMED <kind> <value>``. Afterwards every confirmed minutes line must be in the
text and every confirmed besluit in the table, with unique numbers.

Before write sessions started with BEGIN IMMEDIATE, the read ran outside the transaction (Python's
sqlite3 begins one only at the first write), and with three writers about a third of the confirmed
minutes lines were overwritten by another writer's copy of the text.

Prints the overwritten (lost) edits (must be 0) and the throughput of the concurrent run against one
writer making all the edits alone, measured in the same run; exits 1 if anything was lost.

Measured on the 2-core development machine (shared with other work), 3 x 400: 1,200 confirmed edits,
0 overwritten, 0 duplicate numbers; 3 writers against one: 0.98x (281/s against 286/s; 0.33x to 1.08x
over four runs, depending on the load). The same benchmark on the code before BEGIN IMMEDIATE: 17 of
the first 410 confirmed edits overwritten, and two of the three writers stopped with a duplicate
besluit number (UNIQUE constraint failed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CONFIRMED = "CONFIRMED"


def _worker(db_path: Path, edits: int, tag: str, start_file: Path) -> int:
    from ghnt_desktop.db import open_database
    from ghnt_desktop.edit_driver import _setup
    from ghnt_desktop.models import AgendaItem
    from ghnt_desktop.services.minutes import add_decision, set_minutes_text

    database = open_database(db_path)
    try:
        item_id = database.write(lambda session: _setup(session)[2].id)
        print("READY", flush=True)
        while not start_file.exists():
            time.sleep(0.005)
        for step in range(edits):
            value = f"{tag}-{step:05d}"
            if step % 3 == 2:

                def decide(session, value=value):
                    return add_decision(session, item_id, f"Besluit {value}").number

                number = database.write(decide)
                print(f"{CONFIRMED} decision {value} {number}", flush=True)
            else:

                def append(session, value=value):
                    item = session.get(AgendaItem, item_id)
                    set_minutes_text(session, item_id, f"{item.minutes_text}\n{value}")

                database.write(append)
                print(f"{CONFIRMED} minutes {value}", flush=True)
    finally:
        database.close()
    return 0


@dataclass(frozen=True)
class WritersResult:
    processes: int
    confirmed: int
    overwritten: list[str]  # confirmed minutes lines or besluiten missing afterwards
    duplicate_numbers: list[str]
    failures: list[str]  # stderr of writers that did not exit 0
    seconds: float

    @property
    def per_second(self) -> float:
        return self.confirmed / self.seconds if self.seconds else 0.0


def check(db_path: Path, lines: list[str]) -> tuple[list[str], list[str]]:
    """The confirmed edits in ``lines`` that the database lacks, and besluit numbers given twice."""
    import sqlite3

    connection = sqlite3.connect(db_path)
    try:
        minutes = "\n".join(row[0] for row in connection.execute("SELECT minutes_text FROM agenda_item"))
        decisions = dict(connection.execute("SELECT text, number FROM decision").fetchall())
        numbers = [row[0] for row in connection.execute("SELECT number FROM decision")]
    finally:
        connection.close()
    present = set(minutes.split("\n"))
    missing = []
    for line in lines:
        parts = line.rstrip("\n").split(" ")
        if len(parts) < 3 or parts[0] != CONFIRMED:
            continue
        kind, value = parts[1], parts[2]
        if kind == "minutes" and value not in present:
            missing.append(f"verslagregel {value}")
        elif kind == "decision" and decisions.get(f"Besluit {value}") != (parts[3] if len(parts) > 3 else None):
            missing.append(f"besluit {value}")
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    return missing, duplicates


def run_writers(db_path: Path, processes: int, edits: int) -> WritersResult:
    """Start ``processes`` writers on ``db_path`` together, each making ``edits`` edits, and check the result."""
    from ghnt_desktop.db import open_database
    from ghnt_desktop.edit_driver import _setup

    database = open_database(db_path)  # the shared records exist before the writers start
    try:
        database.write(_setup)
    finally:
        database.close()
    start_file = db_path.with_name(f"start-{uuid.uuid4().hex[:8]}")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    children = []
    for n in range(processes):
        out = db_path.with_name(f"writer-{n}-{uuid.uuid4().hex[:6]}.out")
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--db", str(db_path),
                   "--edits", str(edits), "--tag", f"w{n}{uuid.uuid4().hex[:4]}", "--start-file", str(start_file)]
        handle = out.open("w", encoding="utf-8")
        children.append((subprocess.Popen(command, stdout=handle, stderr=subprocess.PIPE, env=env), out, handle))
    for _child, out, _handle in children:  # all writers are open before the clock starts
        while "READY" not in out.read_text(encoding="utf-8"):
            if _child.poll() is not None:
                break
            time.sleep(0.01)
    started = time.perf_counter()
    start_file.touch()
    failures = []
    lines: list[str] = []
    for child, out, handle in children:
        _, stderr = child.communicate()
        handle.close()
        if child.returncode != 0:
            failures.append(stderr.decode("utf-8", "replace")[-2000:])
        lines += out.read_text(encoding="utf-8").splitlines(keepends=True)
        out.unlink()
    seconds = time.perf_counter() - started
    start_file.unlink(missing_ok=True)
    confirmed = [line for line in lines if line.startswith(CONFIRMED) and line.endswith("\n")]
    missing, duplicates = check(db_path, confirmed)
    return WritersResult(processes, len(confirmed), missing, duplicates, failures, seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--edits", type=int, default=400, help="edits per process")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    parser.add_argument("--start-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args.db, args.edits, args.tag, args.start_file)
    from ghnt_desktop.db import open_database

    work = args.dir or Path(tempfile.mkdtemp(prefix="ghnt-writers-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    for label, processes, edits in (("alone", 1, args.processes * args.edits),
                                    ("concurrent", args.processes, args.edits)):
        db_path = work / f"{label}.db"
        open_database(db_path).close()
        results[label] = result = run_writers(db_path, processes, edits)
        print(f"{label:<11} {result.processes} process(es): {result.confirmed} confirmed edits in "
              f"{result.seconds:.1f} s ({result.per_second:.0f}/s); overwritten or lost: {len(result.overwritten)}; "
              f"duplicate besluit numbers: {len(result.duplicate_numbers)}; failed writers: {len(result.failures)}")
        for failure in result.failures:
            print(failure)
    ratio = results["concurrent"].per_second / results["alone"].per_second if results["alone"].per_second else 0
    print(f"throughput of {args.processes} writers against one writer: {ratio:.2f}x")
    bad = any(r.overwritten or r.duplicate_numbers or r.failures for r in results.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
