"""``ghnt-desktop list KIND``: errors on stderr with a non-zero exit code, an empty list said in Dutch, records on
stdout only; and ``export jaaroverzicht`` without ``--year`` (the last complete year with meetings held).

The kinds come from the parser, so a new ``list`` kind is in the table without anyone adding it.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

import pytest

from ghnt_desktop import cli
from ghnt_desktop.cli import main
from ghnt_desktop.commands.listing import NOTHING_FOUND
from ghnt_desktop.models import Meeting, MeetingKind, MeetingState
from ghnt_desktop.services.year_overview import default_year


def _list_kinds() -> list[str]:
    parser = cli.build_parser()
    (top,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    (sub,) = [a for a in top.choices["list"]._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(sub.choices)


KINDS = _list_kinds()


def test_every_kind_has_a_dutch_nothing_found_line():
    assert set(KINDS) == set(NOTHING_FOUND)
    assert all(line.startswith("Geen ") and line.endswith(" gevonden.") for line in NOTHING_FOUND.values())


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("list")
    demo, empty = folder / "demo.db", folder / "empty.db"
    assert main(["demo", "--db", str(demo)]) == 0
    assert main(["new-region", "--db", str(empty), "--region", "Drenthe", "--title", "Regiovisie"]) == 0
    bad = folder / "bad.db"
    bad.write_bytes(b"geen database" * 100)
    return {"demo": demo, "empty": empty, "bad": bad, "missing": folder / "missing.db"}


# (database, json, exit code, stdout is records, stderr)
CASES = [
    ("missing", False, 2, False, "Fout: "),
    ("missing", True, 2, False, "Fout: "),
    ("bad", False, 2, False, "Fout: "),
    ("bad", True, 2, False, "Fout: "),
    ("empty", False, 0, False, "nothing"),
    ("empty", True, 0, True, ""),
    ("demo", False, 0, True, ""),
    ("demo", True, 0, True, ""),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("which", "as_json", "code", "records", "err"), CASES)
def test_list_streams_and_exit_codes(capsys, databases, kind, which, as_json, code, records, err):
    capsys.readouterr()
    argv = ["list", kind, "--db", str(databases[which])] + (["--json"] if as_json else [])
    assert main(argv) == code
    out, error = capsys.readouterr()
    if err == "nothing":
        assert error.strip() == NOTHING_FOUND[kind]
    elif err:
        assert error.startswith(err) and len(error.strip()) > len(err)
    else:
        assert error == ""
    if not records:
        assert out == ""
    elif as_json:
        rows = json.loads(out)
        assert isinstance(rows, list) and (rows if which == "demo" else rows == [])
    else:
        lines = out.splitlines()
        assert lines and all(len(line.split("\t")) >= 3 for line in lines)
        assert "Fout" not in out


def _meeting(session, day, state):
    session.add(Meeting(kind=MeetingKind.AFSTEMMINGSOVERLEG, title="Afstemmingsoverleg", date=day, state=state))


H, A, C, P = MeetingState.HELD, MeetingState.MINUTES_APPROVED, MeetingState.CANCELLED, MeetingState.PLANNED


@pytest.mark.parametrize(
    ("meetings", "today", "expected"),
    [
        ([], date(2026, 12, 3), None),
        ([(date(2026, 3, 1), H)], date(2026, 12, 3), None),  # this year is not complete
        ([(date(2025, 3, 1), H), (date(2026, 3, 1), H)], date(2026, 12, 3), 2025),
        ([(date(2025, 12, 31), A)], date(2026, 1, 1), 2025),
        ([(date(2024, 5, 1), H), (date(2025, 5, 1), C)], date(2026, 6, 1), 2024),  # cancelled is not held
        ([(date(2024, 5, 1), A), (date(2025, 5, 1), P)], date(2026, 6, 1), 2024),  # planned, never held
        ([(date(2023, 5, 1), H), (date(2027, 5, 1), H)], date(2026, 6, 1), 2023),  # a wrong future date
    ],
)
def test_default_year_is_the_last_complete_year_with_meetings_held(session, meetings, today, expected):
    for day, state in meetings:
        _meeting(session, day, state)
    session.flush()
    assert default_year(session, today) == expected


def test_export_jaaroverzicht_without_year_says_which_year(tmp_path, capsys, databases):
    out = tmp_path / "jaar.docx"
    assert main(["export", "jaaroverzicht", "--db", str(databases["demo"]), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    year = default_year_of(databases["demo"])
    assert f"het jaaroverzicht van {year}, het laatste volledige jaar" in printed and out.exists()
    assert main(["export", "jaaroverzicht", "--db", str(databases["empty"]), "--out", str(tmp_path / "e.docx")]) == 2
    assert "--year" in capsys.readouterr().out


def default_year_of(path):
    from ghnt_desktop.db import open_database

    database = open_database(path, read_only=True)
    try:
        with database.read_session() as session:
            year = default_year(session)
    finally:
        database.close()
    assert year is not None and year < date.today().year
    return year
