"""The PDF step on its own: Word export time against LibreOffice's PDF/A conversion, per document.

Run: ``.venv/bin/python benchmarks/bench_pdf.py [--runs 3] [--scale]`` (not part of the test run).

For a verslag (the last meeting held) and the open actielijst, each run times

* ``word``: ``run_export`` to .docx (gathering and writing, as the user waits for it);
* ``pdf``: ``run_export`` to .pdf, split in its Word part and ``pdf_seconds`` (LibreOffice's conversion,
  a fresh private profile each time, as in the app);

and the vergaderstukken (three documents converted in one LibreOffice run, with the e-mail draft).
Medians of interleaved runs; the ratio is conversion time / Word time in the same run. The demo database
by default, ``--scale`` the three-year scale database (``scale_db.py``). Skips without LibreOffice.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from ghnt_desktop.db import open_database  # noqa: E402
from ghnt_desktop.exports.jobs import ExportRequest, run_export  # noqa: E402
from ghnt_desktop.exports.meeting_pack import make_meeting_pack  # noqa: E402
from ghnt_desktop.exports.pdf import find_libreoffice  # noqa: E402

TODAY = date(2020, 11, 1)


def _database(scale: bool, folder: Path) -> Path:
    if scale:
        from scale_db import scale_database

        return scale_database(years=3)
    from ghnt_desktop.demo import create_demo_database

    path = folder / "demo.db"
    create_demo_database(path, today=TODAY)
    return path


def _meetings(database):
    from sqlalchemy import select

    from ghnt_desktop.models import Meeting, MeetingState

    with database.read_session() as session:
        held = session.scalars(
            select(Meeting.id).where(Meeting.state == MeetingState.HELD).order_by(Meeting.date.desc())
        ).first()
        planned = session.scalars(
            select(Meeting.id)
            .where(Meeting.state == MeetingState.PLANNED, Meeting.series_id.is_not(None))
            .order_by(Meeting.date)
        ).first()
    return held, planned


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", action="store_true")
    args = parser.parse_args(argv)
    program = find_libreoffice()
    if program is None:
        print("LibreOffice not installed: nothing to measure.")
        return 0
    print(f"LibreOffice: {program}")
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        database = open_database(_database(args.scale, work), read_only=True, create=False)
        held, planned = _meetings(database)
        kinds = {"verslag": {"meeting_id": held}, "actielijst": {}}
        times: dict[str, list[float]] = {}
        for run in range(args.runs):
            for kind, extra in kinds.items():
                started = time.perf_counter()
                run_export(database, ExportRequest(kind=kind, out=work / f"{kind}-{run}.docx", today=TODAY, **extra))
                times.setdefault(f"{kind} word", []).append(time.perf_counter() - started)
                started = time.perf_counter()
                outcome = run_export(
                    database, ExportRequest(kind=kind, out=work / f"{kind}-{run}.pdf", today=TODAY, **extra)
                )
                total = time.perf_counter() - started
                assert outcome.pdf_seconds is not None
                times.setdefault(f"{kind} pdf total", []).append(total)
                times.setdefault(f"{kind} pdf conversion", []).append(outcome.pdf_seconds)
            if planned is not None:
                for as_pdf in (False, True):
                    started = time.perf_counter()
                    pack = make_meeting_pack(database, planned, work / f"pack-{run}-{as_pdf}.eml", pdf=as_pdf)
                    label = "vergaderstukken " + ("pdf" if as_pdf else "word")
                    times.setdefault(label, []).append(time.perf_counter() - started)
                    if pack.pdf_seconds is not None:
                        times.setdefault("vergaderstukken pdf conversion (3 docs)", []).append(pack.pdf_seconds)
        database.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    width = max(map(len, medians))
    for name, value in medians.items():
        print(f"{name:<{width}}  {value * 1000:8.0f} ms")
    for kind in kinds:
        ratio = medians[f"{kind} pdf conversion"] / medians[f"{kind} word"]
        print(f"{kind}: PDF conversion / Word export = {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
