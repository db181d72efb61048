"""Stukken kept in the database: storing and reading back a stuk against the plainest way to do the same.

Run: ``.venv/bin/python benchmarks/bench_stored_documents.py [--runs 5]`` (not part of the test run).

* Store: ``services.stored_documents.store_document`` in a write session of the app (``BEGIN IMMEDIATE``, the
  checksum, the ORM insert, the commit with ``synchronous=FULL``) against one ``INSERT`` of the same bytes with
  sqlite3 in a transaction on a copy of the same database (same journal mode and synchronous setting).
* Read: ``stored_content`` (a read session, the select and the checksum check) against one ``SELECT`` of the blob
  with sqlite3 and the same SHA-256 check.
* Pack: the vergaderstukken of a meeting with two stored stukken against the same meeting without them, to show
  what the stukken add to the e-mail draft (Word documents, no PDF step).

Sizes 100 kB, 5 MB and 25 MB (the limit). Medians of interleaved runs; target: within 1.5x of the baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET = 1.5


def median_pair(ours: Callable[[], object], base: Callable[[], object], runs: int) -> tuple[float, float]:
    ours(), base()  # warm-up
    times: dict[str, list[float]] = {"ours": [], "base": []}
    for _ in range(runs):
        for name, run in (("ours", ours), ("base", base)):
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    return statistics.median(times["ours"]), statistics.median(times["base"])


def report(label: str, mine: float, base: float) -> float:
    ratio = mine / base
    print(f"  {label:<38} {mine * 1000:8.1f} ms  baseline {base * 1000:8.1f} ms  {ratio:5.2f}x  "
          f"{'met' if ratio <= TARGET else 'MISSED'}")  # fmt: skip
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from sqlalchemy import select

    from ghnt_desktop.db import open_database
    from ghnt_desktop.demo import create_demo_database
    from ghnt_desktop.exports.meeting_pack import make_meeting_pack
    from ghnt_desktop.models import AgendaItem, Meeting, MeetingState
    from ghnt_desktop.services.stored_documents import remove_stored_document, store_document, stored_content

    today = date(2026, 12, 3)
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ours_path, base_path = tmp / "ours.db", tmp / "base.db"
        create_demo_database(ours_path, today=today)
        shutil.copy(ours_path, base_path)
        database = open_database(ours_path)
        with database.session() as session:
            meeting = session.scalars(
                select(Meeting).where(Meeting.state == MeetingState.PLANNED).order_by(Meeting.date)
            ).first()
            item_id = next(i.id for i in meeting.agenda_items if i.standard_item is None)
            meeting_id = meeting.id
        base = sqlite3.connect(base_path, isolation_level=None)
        base.execute("PRAGMA journal_mode=WAL")
        base.execute("PRAGMA synchronous=FULL")
        print(f"Stored stukken, median of {args.runs} interleaved runs (target: within {TARGET}x of plain sqlite3)")
        for size in (100 * 1024, 5 * 1024 * 1024, 25 * 1024 * 1024):
            content = os.urandom(size)
            stored: list[uuid.UUID] = []

            def ours_store(content=content, stored=stored) -> None:
                with database.session() as session:
                    stored.append(store_document(session, item_id, filename="stuk.pdf", content=content).id)

            def base_store(content=content) -> None:
                base.execute("BEGIN IMMEDIATE")
                base.execute(
                    "INSERT INTO stored_document (id, agenda_item_id, title, filename, media_type, size, sha256, "
                    "content, position, created_at, updated_at) VALUES (?, ?, 'stuk', 'stuk.pdf', 'application/pdf', "
                    "?, ?, ?, 0, '2026-12-03 00:00:00', '2026-12-03 00:00:00')",
                    (uuid.uuid4().hex, item_id.hex, len(content), hashlib.sha256(content).hexdigest(), content),
                )
                base.execute("COMMIT")

            mine, plain = median_pair(ours_store, base_store, args.runs)
            ratios.append(report(f"store {size // 1024:,} kB", mine, plain))
            last = stored[-1]
            base_id = base.execute("SELECT id FROM stored_document ORDER BY rowid DESC LIMIT 1").fetchone()[0]

            def ours_read(last=last) -> None:
                with database.read_session() as session:
                    stored_content(session, last)

            def base_read(base_id=base_id) -> None:
                content, checksum = base.execute(
                    "SELECT content, sha256 FROM stored_document WHERE id = ?", (base_id,)
                ).fetchone()
                # The same check as ours: a stuk is never handed out unchecked.
                assert hashlib.sha256(content).hexdigest() == checksum

            mine, plain = median_pair(ours_read, base_read, args.runs)
            ratios.append(report(f"read back {size // 1024:,} kB", mine, plain))
            with database.session() as session:
                for document_id in stored[:-2] if size < 25 * 1024 * 1024 else stored:
                    remove_stored_document(session, document_id)
        with database.session() as session:
            count = len(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all())

        def with_stukken() -> None:
            make_meeting_pack(database, meeting_id, tmp / "met.eml", pdf=False, today=today)

        with database.session() as session:
            leftover = [
                d.id for i in session.get(Meeting, meeting_id).agenda_items for d in i.stored_documents
            ]  # the last two stukken of 100 kB and of 5 MB kept above
        mine = statistics.median(_times(with_stukken, args.runs))
        with database.session() as session:
            for document_id in leftover:
                remove_stored_document(session, document_id)
        plain = statistics.median(_times(with_stukken, args.runs))
        print(
            f"  vergaderstukken ({count} items) with {len(leftover)} stored stukken: {mine * 1000:.0f} ms, "
            f"without: {plain * 1000:.0f} ms ({mine / plain:.2f}x; the stukken are copied into the e-mail)"
        )
        base.close()
        database.close()
    missed = sum(r > TARGET for r in ratios)
    print(f"  {len(ratios) - missed} of {len(ratios)} within {TARGET}x")
    return 0


def _times(run: Callable[[], object], runs: int) -> list[float]:
    run()
    result = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        result.append(time.perf_counter() - started)
    return result


if __name__ == "__main__":
    sys.exit(main())
