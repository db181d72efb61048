"""``ghnt-desktop offline take|return``: take a meeting (or the whole database) along in a file, merge it back."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from .common import add_db_argument, resolve_db


def _meeting_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is geen id van een overleg. De ids staan in 'ghnt-desktop list meetings --db ...'."
        ) from None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "offline", help="een overleg (of de hele database) meenemen in een bestand en later terugzetten"
    )
    commands = parser.add_subparsers(dest="offline_command", metavar="OPDRACHT", required=True)
    take = commands.add_parser("take", help="meenemen: een offline kopie maken van een overleg of de hele database")
    add_db_argument(take)
    take.add_argument("--meeting", type=_meeting_id, help="id van het overleg (zonder: de hele database)")
    take.add_argument("--to", type=Path, required=True, help="het nieuwe bestand voor de offline kopie (.db)")
    take.set_defaults(handler=run_take)
    back = commands.add_parser("return", help="terugzetten: de wijzigingen van een offline kopie samenvoegen")
    back.add_argument("copy", type=Path, help="de offline kopie (.db)")
    add_db_argument(back)
    back.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou gebeuren; niets wijzigen")
    back.add_argument(
        "--vertrouwelijk", action="store_true", help="ook de waarden van vertrouwelijke inhoud tonen (standaard verborgen)"
    )
    back.set_defaults(handler=run_return)


def progress_printer(stream=None) -> Callable[[int, int, str], None] | None:
    """A ``progress(done, total, label)`` that shows "  37 %  Schrijven: actiepunt" on one line of ``stream``
    (stderr), redrawn as it rises; None when that is no terminal (a log or a pipe gets only the result)."""
    out = stream if stream is not None else sys.stderr
    if not (hasattr(out, "isatty") and out.isatty()):
        return None
    shown = [""]

    def show(done: int, total: int, label: str) -> None:
        percent = 100 if done >= total else 100 * done // total
        line = f"{percent:4d} %  {label}"
        if line != shown[0]:
            out.write("\r" + line.ljust(len(shown[0])))
            shown[0] = line
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def _source_of(target: Path | str) -> str:
    """Where a copy returns to: the file's absolute path, or the URL as given (it never holds a password)."""
    return str(Path(target).expanduser().absolute()) if isinstance(target, Path) else target


def run_take(args: argparse.Namespace) -> int:
    from ..db import DatabaseError, open_database
    from ..services.offline import OfflineError, take_offline

    target = resolve_db(args.db)
    copy = args.to.expanduser().absolute()
    if copy.exists() and copy.stat().st_size > 0:
        print(f"Fout: het bestand {copy} bestaat al. Kies een nieuwe naam voor de offline kopie; er is niets gewijzigd.")
        return 2
    try:
        database = open_database(target, read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: de database is niet bereikbaar: {exc}")
        return 2
    try:
        with database.read_session() as session:
            result = take_offline(
                session, copy, args.meeting, source_label=database.label, source_url=_source_of(target),
                progress=progress_printer(),
            )
    except (OfflineError, DatabaseError) as exc:
        print(f"Fout: {exc}")
        return 2
    finally:
        database.close()
    print(f"Offline kopie gemaakt: {result.path}")
    print(f"Van: {result.meeting_title}, uit {database.label}; {result.total} records in {result.seconds:.1f} s.")
    for table, count in sorted(result.counts.items()):
        print(f"  {table:<30} {count:>7}")
    print(f"Terugzetten als u weer verbinding hebt: ghnt-desktop offline return {result.path}")
    return 0


def run_return(args: argparse.Namespace) -> int:
    from ..db import DatabaseError, open_database
    from ..services.offline import OfflineError, offline_copy_info, return_offline

    path = args.copy.expanduser().absolute()
    if not (path.is_file() and path.stat().st_size > 0):
        print(f"Fout: het bestand {path} bestaat niet of is leeg. Geef de offline kopie (.db) die u meenam.")
        return 2
    try:
        copy_db = open_database(path, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return 2
    try:
        with copy_db.read_session() as reading:
            info = offline_copy_info(reading)
        if info is None:
            print(
                f"Fout: {path.name} is geen offline kopie, dus er is niets terug te zetten. Geef het bestand dat met "
                "'ghnt-desktop offline take' is gemaakt."
            )
            return 2
        target = getattr(args, "db", None) or (info.source if "://" in info.source else Path(info.source))
        try:
            team_db = open_database(target, create=False)
        except DatabaseError as exc:
            print(
                f"Fout: de database om naar terug te zetten ({target}) is niet bereikbaar: {exc}\n"
                "De offline kopie blijft zoals hij is; probeer het opnieuw als er verbinding is (of geef --db)."
            )
            return 2
        try:
            with team_db.session() as team, copy_db.session() as copy:
                result = return_offline(copy, team, dry_run=args.dry_run, progress=progress_printer())
        except OfflineError as exc:
            print(f"Fout: {exc}")
            return 2
        finally:
            team_db.close()
    finally:
        copy_db.close()
    for line in result.lines(include_confidential=args.vertrouwelijk):
        print(line)
    return 0
