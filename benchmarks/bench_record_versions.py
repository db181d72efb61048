"""What a version on every record costs: ORM edits of action items with and without ``version_id_col``.

    .venv/bin/python benchmarks/bench_record_versions.py [--edits 2000] [--dir PATH]

Every ``Entity`` carries ``row_version`` (SQLAlchemy's ``version_id_col``): each ORM UPDATE adds
``row_version = row_version + 1`` and ``AND row_version = ?`` and checks the row count. The same table is also
mapped by a plain class without versioning (a second registry, same ``Table``); both make ``--edits`` text edits
of one action item, each in its own write session (``Database.session``: BEGIN IMMEDIATE, commit), alternating
in rounds in one run so the machine's load affects both alike. Prints both rates and their ratio.

Measured on the shared 2-core development machine, 1,000 edits each: versioned 130/s, without 133/s, 0.98x
(the commit's fsync dominates; the extra condition and integer do not show). So the version is on every
``Entity`` table (one rule) rather than on a chosen few.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=2000)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    from sqlalchemy.orm import registry
    from test_meetings_fixtures import build_world, new_meeting

    from ghnt_desktop.db import open_database
    from ghnt_desktop.models import ActionItem
    from ghnt_desktop.services import agenda, minutes

    class PlainActionItem:  # the same table, no version_id_col
        pass

    registry().map_imperatively(PlainActionItem, ActionItem.__table__)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bench-versions-"))
    database = open_database(folder / "versions.db")
    with database.session() as session:
        world = build_world(session)
        meeting = new_meeting(session, world.ao_series, date(2026, 3, 12), "Punt")
        item_id = next(r for r in agenda.agenda_items(session, meeting) if r.standard_item is None).id
        action_id = minutes.add_action_item(session, item_id, "Offerte opvragen").id
    spent = {ActionItem: 0.0, PlainActionItem: 0.0}
    rounds = 10
    for round_number in range(rounds):
        for model in (ActionItem, PlainActionItem) if round_number % 2 else (PlainActionItem, ActionItem):
            start = time.perf_counter()
            for n in range(args.edits // rounds):
                with database.session() as session:
                    record = session.get(model, action_id)
                    record.text = f"Offerte opvragen {round_number}-{n}"  # type: ignore[attr-defined]
            spent[model] += time.perf_counter() - start
    database.close()
    versioned, plain = args.edits / spent[ActionItem], args.edits / spent[PlainActionItem]
    print(f"{args.edits} edits each: versioned {versioned:.0f}/s, without version {plain:.0f}/s, "
          f"ratio {versioned / plain:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
