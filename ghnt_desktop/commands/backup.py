"""``ghnt-desktop backup`` and ``ghnt-desktop restore``: backups from the command line.

``backup --db PATH`` copies the database into ``backups/`` beside it now (also while the app has it
open: the online backup reads a consistent state) and prints where. ``backup --list`` lists the backups,
newest first and numbered, with their contents. ``restore BACKUP --db PATH`` puts a backup (a path or a
number from ``--list``) back, after copying the current file aside; it refuses while the app has the
database open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_db_argument, refuse_server, resolve_db


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="nu een reservekopie maken, of de reservekopieën tonen")
    add_db_argument(parser)
    parser.add_argument("--list", action="store_true", help="reservekopieën tonen, nieuwste eerst")
    parser.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help="een reservekopie terugzetten")
    restore.add_argument("backup", help="pad van de reservekopie, of het nummer dat 'backup --list' toont")
    add_db_argument(restore)
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from ..backup import list_backups, make_backup
    from ..db import DatabaseError

    path = resolve_db(args.db)
    if refuse_server(path, "Een reservekopie maken of bekijken"):
        return 2
    assert isinstance(path, Path)
    if args.list:
        backups = list_backups(path)
        if not backups:
            print(f"Er zijn geen reservekopieën van {path}.")
            return 0
        for number, backup in enumerate(backups, start=1):
            print(f"{number:>3}. {backup.label()}")
            print(f"     {backup.path}")
        return 0
    try:
        made = make_backup(path)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 1
    print(f"Reservekopie gemaakt: {made.path}")
    if made.summary:
        print(f"Inhoud: {made.summary.text()}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ..backup import list_backups, restore_backup
    from ..db import DatabaseError
    from ..filelock import acquire_for_command

    path = resolve_db(args.db)
    if refuse_server(path, "Een reservekopie terugzetten"):
        return 2
    assert isinstance(path, Path)
    chosen: Path
    if args.backup.isdigit():
        backups = list_backups(path, with_summary=False)
        index = int(args.backup)
        if not 1 <= index <= len(backups):
            print(f"Fout: er is geen reservekopie nummer {index} (zie 'ghnt-desktop backup --list').")
            return 2
        chosen = backups[index - 1].path
    else:
        chosen = Path(args.backup).expanduser()
    if not chosen.is_file():
        print(f"Fout: de reservekopie {chosen} bestaat niet.")
        return 2
    try:
        with acquire_for_command(path, "het terugzetten"):  # nobody may have the database open meanwhile
            result = restore_backup(chosen, path)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 1
    print(f"Reservekopie {result.restored_from.name} teruggezet in {path}.")
    print(f"Inhoud: {result.summary.text()}")
    if result.safety_copy:
        print(f"De vervangen database is bewaard als {result.safety_copy}.")
    return 0
