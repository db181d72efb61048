"""Power cut: the app is killed (SIGKILL) at random moments; every edit it had confirmed must survive.

The app runs as a separate process (``ghnt_desktop.edit_driver``, which opens the database like the GUI
and edits through the ORM), is killed while opening or while editing, and the database is reopened the
way the app does. ``benchmarks/power_cut.py`` runs the same loop 200 times; this is the short version.

What SIGKILL does and does not prove: it stops the process between any two instructions, so it shows
that an edit is confirmed only after its transaction committed and that a crash never leaves a
half-written database or a lock that blocks the next start. It does not drop the operating system's
write cache, so it cannot show that a commit reached the disk; that rests on ``synchronous=FULL`` in WAL
mode (SQLite fsyncs the WAL at every commit), which ``test_app_connections_sync_every_commit`` pins.

The check can fail: ``test_check_detects_an_edit_confirmed_before_commit`` runs the driver with a
deliberate fault (it says CONFIRMED before committing) and shows the same check reports the lost edit.

A typist who never pauses (``edit_driver --typist``, the app's own autosave debounce) is killed too: no
character typed more than a second before the kill may be lost. With the old debounce (no maximum wait)
the same check reports the loss.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time

import pytest

from ghnt_desktop.edit_driver import (
    FAULT_CONFIRM_BEFORE_COMMIT,
    FAULT_NO_MAX_WAIT,
    kill_at_random,
    kill_typist,
    parse_confirmed,
    reopen_and_check,
    spawn,
)
from ghnt_desktop.filelock import lock_path
from ghnt_desktop.opening import open_for_editing

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 5


def test_confirmed_edits_survive_random_kills(tmp_path):
    db_path = tmp_path / "notulen.db"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    confirmed = []
    for run in range(KILLS):
        killed = kill_at_random(db_path, tmp_path / f"run{run}.out", rng, opening_share=0.2 if run else 0.0)
        assert killed.returncode == -signal.SIGKILL, f"run {run} ended by itself (seed {seed})"
        confirmed += killed.confirmed
        # Every edit confirmed so far, in this run and all before it, must still be there.
        check = reopen_and_check(db_path, confirmed)
        assert check.lost == [], f"lost after run {run} (seed {seed}): {check.lost[:3]}"
        assert check.integrity == "ok", f"seed {seed}"
    assert len(confirmed) > 0, f"no run got to confirm an edit (seed {seed})"
    assert len({c.id for c in confirmed}) > 2  # decisions, action items and minutes lines were all made


def test_killed_run_leaves_a_stale_lock_that_the_next_start_takes_over(tmp_path):
    db_path = tmp_path / "notulen.db"
    rng = random.Random(7)
    killed = kill_at_random(db_path, tmp_path / "run.out", rng, opening_share=0.0)
    assert killed.phase == "editing"
    assert lock_path(db_path).exists()  # SIGKILL gives no chance to clean up
    check = reopen_and_check(db_path, killed.confirmed)
    assert check.took_over_lock
    assert check.lost == []
    assert not lock_path(db_path).exists()  # released by the reopening run


def test_check_detects_an_edit_confirmed_before_commit(tmp_path):
    db_path = tmp_path / "notulen.db"
    out = tmp_path / "broken.out"
    process = spawn(db_path, out, fault=FAULT_CONFIRM_BEFORE_COMMIT)
    try:
        for _ in range(4000):  # the faulty driver says CONFIRMED, then waits 1 s before committing
            if "CONFIRMED" in out.read_text(encoding="utf-8"):
                break
            if process.poll() is not None:
                break
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    with out.open(encoding="utf-8", newline="") as handle:
        confirmed = parse_confirmed(handle)
    assert confirmed
    check = reopen_and_check(db_path, confirmed)
    assert confirmed[-1] in check.lost


def test_app_connections_sync_every_commit(tmp_path):
    opened = open_for_editing(tmp_path / "notulen.db")
    try:
        with opened.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        opened.close()


def test_typist_who_never_pauses_loses_nothing_older_than_a_second(tmp_path):
    db_path = tmp_path / "notulen.db"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    for run in range(2):
        typist = kill_typist(db_path, tmp_path / f"typist{run}.out", rng, min_s=1.5, max_s=3.0)
        assert typist.typed > 30, f"the typist hardly typed (seed {seed})"
        assert typist.saves >= 1  # saved while typing on, without a pause
        assert typist.old_lost == 0, f"run {run}: {typist} (seed {seed})"


def test_typist_check_detects_the_debounce_without_a_maximum_wait(tmp_path):
    typist = kill_typist(
        tmp_path / "notulen.db",
        tmp_path / "typist.out",
        random.Random(3),
        min_s=2.0,
        max_s=2.0,
        fault=FAULT_NO_MAX_WAIT,
    )
    assert typist.saves == 0 and typist.old_lost > 0
