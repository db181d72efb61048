"""``--db`` reaches every subcommand, written before or after it.

argparse lets a subparser's own default overwrite what the main parser read, so ``ghnt-desktop --db regio.db
demo`` once wrote the demo into the database in the user's folder and ``--db regio.db list meetings`` listed
that other database. The walk below covers every subcommand that has ``--db``, so a new one cannot bring it back.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from ghnt_desktop import cli


def _leaf_parsers(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaf_parsers(child, (*prefix, name))


def _minimal_argv(parser: argparse.ArgumentParser) -> list[str]:
    """Values for the required arguments of ``parser`` (other than --db), so that it parses."""
    argv: list[str] = []
    for action in parser._actions:
        if action.dest in {"db", "help"}:
            continue
        if action.option_strings and action.required:
            value = action.choices[0] if action.choices else "2026"
            argv += [action.option_strings[0], str(value)]
        elif not action.option_strings and action.nargs not in ("?", "*"):
            argv.append(str(action.choices[0]) if action.choices else "bestand.xlsx")
    return argv


LEAVES = [
    (path, leaf) for path, leaf in _leaf_parsers(cli.build_parser()) if any(a.dest == "db" for a in leaf._actions)
]


def test_the_walk_finds_the_database_commands() -> None:
    names = {" ".join(path) for path, _ in LEAVES}
    assert {"demo", "new-region", "list meetings", "export", "import programma", "check"} <= names


@pytest.mark.parametrize("path,leaf", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_db_given_before_or_after_the_subcommand_is_used(path, leaf, before: bool, tmp_path: Path) -> None:
    target = tmp_path / "regio.db"
    rest = _minimal_argv(leaf)
    argv = ["--db", str(target), *path, *rest] if before else [*path, *rest, "--db", str(target)]
    args = cli.build_parser().parse_args(argv)
    assert args.db == target


@pytest.mark.parametrize("path,leaf", LEAVES[:3], ids=[" ".join(p) for p, _ in LEAVES[:3]])
def test_without_db_the_default_database_is_meant(path, leaf) -> None:
    args = cli.build_parser().parse_args([*path, *_minimal_argv(leaf)])
    assert args.db is None  # resolve_db then takes the database in the user's folder


def test_demo_with_db_before_the_subcommand_writes_that_file(tmp_path: Path, monkeypatch) -> None:
    default = tmp_path / "gebruikersmap" / "ghnt.db"
    monkeypatch.setattr("ghnt_desktop.paths.default_database_path", lambda: default)
    target = tmp_path / "regio.db"
    assert cli.main(["--db", str(target), "demo"]) == 0
    assert target.exists() and target.stat().st_size > 0
    assert not default.exists()
