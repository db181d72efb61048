"""``ghnt-desktop import actielijst|programma FILE.xlsx``: read Excel lists into the database.

``import actielijst`` reads a returned actielijst (exported by this app: it has a hidden key column)
and applies the partner's changes, or, for a list the region kept by hand, creates the actions (and
updates the ones whose number exists; ``--reeks`` attaches new ones to an overlegreeks). The
column mapping and the status mapping are proposed automatically and can be overridden
(``--column "Trekker=trekker"``, ``--status "Doorgeschoven=on_hold"``), so a script can import without
questions. ``--dry-run`` prints what would change and writes nothing. ``import programma`` creates a
programme (actielijnen, ambities, acties, responsibilities) from a Word programme table or an Excel list
(``services.programme_import``); a ``--db`` that does not exist yet becomes a new database with it.

An import is one transaction: on any error nothing is saved.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from .common import add_db_argument, exists, is_server, resolve_db

EXIT_OK = 0
EXIT_ERROR = 2


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"verwacht KOP=WAARDE, niet {text!r}")
    left, right = text.rsplit("=", 1)
    if not left.strip() or not right.strip():
        raise argparse.ArgumentTypeError(f"verwacht KOP=WAARDE, niet {text!r}")
    return left.strip(), right.strip()


def _add_list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="BESTAND", help="het bestand (.xlsx; bij programma ook .docx)")
    add_db_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou veranderen; niets opslaan")
    parser.add_argument("--sheet", help="het werkblad met de lijst (standaard: het blad met de duidelijkste kopregel)")
    parser.add_argument(
        "--column",
        action="append",
        type=_pair,
        default=[],
        metavar="KOP=VELD",
        help="kolomindeling aanpassen, bijvoorbeeld 'Wie=trekker' of 'F=ignore'; velden: number, text, trekker, "
        "deadline, status, note, section, ambition, meeting_date, parties, confidential, postponed, ignore "
        "(herhaalbaar)",
    )
    parser.add_argument(
        "--status",
        action="append",
        type=_pair,
        default=[],
        metavar="TEKST=STATUS",
        help="statusindeling aanpassen, bijvoorbeeld 'Doorgeschoven=on_hold'; statussen: "
        "not_started, in_progress, done, on_hold, cancelled of hun Nederlandse naam (herhaalbaar)",
    )
    parser.add_argument(
        "--reference-date",
        type=lambda t: __import__("datetime").date.fromisoformat(t),
        help="datum waarmee deadlines zonder jaar ('voor de zomer') worden gelezen (JJJJ-MM-DD)",
    )


def register(subparsers) -> None:
    parser = subparsers.add_parser("import", help="een Excel-lijst inlezen (teruggestuurde of bestaande actielijst)")
    what = parser.add_subparsers(dest="what", metavar="SOORT", required=True)
    actions = what.add_parser(
        "actielijst",
        help="een teruggestuurde actielijst verwerken, of een zelf bijgehouden actielijst inlezen",
        description="Een actielijst die met GHNT Desktop is gemaakt en door een partner is ingevuld, wordt "
        "vergeleken met de database; anders wordt het bestand als bestaande lijst ingelezen.",
    )
    _add_list_options(actions)
    actions.add_argument(
        "--mode",
        choices=["auto", "terug", "lijst"],
        default="auto",
        help="terug: teruggestuurde actielijst; lijst: bestaande lijst; auto (standaard): herkennen",
    )
    actions.add_argument(
        "--conflicts",
        choices=["overslaan", "overschrijven"],
        default="overslaan",
        help="acties die ook in de app zijn gewijzigd sinds de export: overslaan (standaard) of toch toepassen",
    )
    actions.add_argument("--only", help="teruggestuurde lijst: alleen deze actienummers toepassen (komma's ertussen)")
    actions.add_argument(
        "--reeks",
        metavar="NAAM",
        help="bestaande lijst: de acties koppelen aan deze overlegreeks (naam of code), zodat ze bij het volgende "
        "overleg terugkomen",
    )
    actions.set_defaults(handler=run_import_actions)
    programme = what.add_parser(
        "programma",
        help="een programma uit Word (de programmatabel) of Excel (een regel per actie) inlezen als nieuw programma",
        description="Leest de programmatabel van een Word-document (kolommen Ambities, Acties, Verantwoordelijkheid; "
        "een kopregel per actielijn) of een Excel-lijst met een regel per actie, toont eerst wat er wordt ingelezen "
        "en schrijft het dan in één keer. Een --db die nog niet bestaat wordt een nieuwe database met dit programma.",
    )
    _add_list_options(programme)
    programme.add_argument("--title", help="titel van het programma (standaard: de titel van het document)")
    programme.add_argument(
        "--region", help="regio van het programma (standaard: de regio van het huidige programma in de database)"
    )
    programme.set_defaults(handler=run_import_programme)
    figures = what.add_parser(
        "indicatoren",
        help="cijfers inlezen uit Excel (indicatoren onder elkaar, jaren naast elkaar) of een CSV-bestand van "
        "CBS StatLine",
        description="Leest indicatoren en hun waarden per periode (en per gemeente) in. Eerst wordt getoond wat er "
        "wordt toegevoegd of gewijzigd; nieuwe indicatoren worden aangemaakt. Werkt zonder internet.",
    )
    figures.add_argument("file", type=Path, metavar="BESTAND", help="het Excel-bestand (.xlsx) of CSV-bestand (.csv)")
    add_db_argument(figures)
    figures.add_argument("--dry-run", action="store_true", help="alleen tonen wat er zou veranderen; niets opslaan")
    figures.add_argument(
        "--ontvangen",
        metavar="DATUM",
        type=lambda t: __import__("datetime").date.fromisoformat(t),
        help="datum waarop de cijfers zijn ontvangen (JJJJ-MM-DD; standaard vandaag)",
    )
    figures.set_defaults(handler=run_import_indicators)


def _status_overrides(pairs: list[tuple[str, str]]) -> dict:
    from ..models import ActionStatus

    overrides = {}
    for text, wanted in pairs:
        try:
            overrides[text] = ActionStatus(wanted.strip().lower())
        except ValueError:
            try:
                overrides[text] = ActionStatus.from_label(wanted)
            except ValueError as exc:
                raise ValueError(
                    f"onbekende status {wanted!r}; kies uit: "
                    + ", ".join(f"{s.value} ({s.label})" for s in ActionStatus)
                ) from exc
    return overrides


def print_error(exc: BaseException) -> None:
    """The Dutch message of a refusal, with a library's own text only as a detail under it."""
    print(f"Fout: {exc}")
    detail = getattr(exc, "detail", "")
    if detail:
        print(f"  Details: {detail}")


class _Opened:
    """The database an import works on and, unless it only reads, the app's lock on it (released on close)."""

    def __init__(self, args: argparse.Namespace, *, read_only: bool) -> None:
        from .. import storage_errors
        from ..db import DatabaseError, open_database
        from ..filelock import acquire_for_command

        path = resolve_db(args.db)
        if read_only:
            self.lock = None
            self.database = open_database(path, read_only=True, create=False)
            return
        if is_server(path):  # the server serialises writers itself (engines.PostgresEngine); no lock file
            self.lock = None
            self.database = open_database(path, create=False)
            storage_errors.install(self.database.engine)
            return
        if not exists(path):
            raise DatabaseError(f"De database {path} bestaat niet.")
        self.lock = acquire_for_command(path, "het inlezen")  # the lock the app takes: never under an open app
        try:
            self.database = open_database(path, create=False)
        except BaseException:
            self.lock.release()
            raise
        storage_errors.install(self.database.engine)

    def session(self):
        return self.database.session()

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def _open(args: argparse.Namespace, *, read_only: bool) -> _Opened:
    return _Opened(args, read_only=read_only)


def run_import_actions(args: argparse.Namespace) -> int:
    from ..db import DatabaseError
    from ..imports.roundtrip import is_roundtrip_workbook
    from ..imports.workbook import ImportFileError, read_workbook
    from ..services import ServiceError

    try:
        workbook = read_workbook(args.file)
        roundtrip = args.mode == "terug" or (args.mode == "auto" and is_roundtrip_workbook(workbook))
        database = _open(args, read_only=args.dry_run)
    except (ImportFileError, DatabaseError) as exc:
        print_error(exc)
        return EXIT_ERROR
    try:
        if roundtrip:
            return _roundtrip(database, workbook, args)
        return _existing_list(database, workbook, args)
    except (ImportFileError, ServiceError, ValueError) as exc:
        print_error(exc)
        print("Er is niets opgeslagen.")
        return EXIT_ERROR
    finally:
        database.close()


def run_import_programme(args: argparse.Namespace) -> int:
    """``import programma FILE.docx|FILE.xlsx``: show the programme read from the file, then write it at once."""
    from ..db import DatabaseError, open_database
    from ..filelock import acquire_for_command
    from ..imports.programme_file import preview_programme, preview_without_database
    from ..imports.programme_xlsx import programme_overrides
    from ..imports.workbook import ImportFileError
    from ..services import ServiceError

    path = resolve_db(args.db)
    new_file = not exists(path)
    title = args.title or ""
    try:
        options = {
            "sheet": args.sheet,
            "title": title,
            "reference": args.reference_date,
            "status_overrides": _status_overrides(args.status),
        }
        if new_file:
            # No database yet: the preview matches against nothing; the file is made only when writing.
            preview = preview_without_database(args.file, **options)
            if preview.table is not None and args.column:
                mapping = programme_overrides(preview.table, dict(args.column))
                preview = preview_without_database(args.file, mapping=mapping, **options)
            database = None
        else:
            database = _open(args, read_only=args.dry_run)
    except (ImportFileError, DatabaseError, ValueError) as exc:
        print_error(exc)
        return EXIT_ERROR
    lock = None
    created: Path | None = None
    try:
        if database is not None:
            with database.session() as session:
                preview = preview_programme(session, args.file, **options)
                if preview.table is not None and args.column:
                    mapping = programme_overrides(preview.table, dict(args.column))
                    preview = preview_programme(session, args.file, mapping=mapping, **options)
        print_programme_preview(preview)
        if args.dry_run:
            print("\nProefdraai: er is niets opgeslagen.")
            return EXIT_OK
        if database is None:
            lock = acquire_for_command(path, "het inlezen")
            created = path
            database = open_database(path)
        from ..services.programme_import import import_programme

        with database.session() as session:
            result = import_programme(
                session,
                preview.draft,
                preview.parties,
                title=args.title,
                region=args.region if args.region is not None else preview.region,
                file_name=Path(args.file).name,
            )
        created = None
    except (ImportFileError, ServiceError, DatabaseError, ValueError) as exc:
        print_error(exc)
        print("Er is niets opgeslagen.")
        return EXIT_ERROR
    finally:
        if database is not None:
            database.close()
        if created is not None:  # a new database that did not get its programme is not left behind
            for leftover in (
                created,
                created.with_name(created.name + "-wal"),
                created.with_name(created.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        if lock is not None:
            lock.release()
    where = f"in de nieuwe database {path}" if new_file else f"in {path.name}"
    print(
        f"\nIngelezen {where}: programma {result.title!r} ({result.status.label}) met {result.sections} "
        f"actielijnen, {result.ambitions} ambities, {result.actions} acties en {result.sub_actions} subacties."
    )
    print(f"Partijen en trekkers gekoppeld aan een organisatie of persoon: {result.parties_linked}.")
    if result.organisations_created:
        print("Nieuwe organisaties: " + ", ".join(result.organisations_created))
    if result.labels_only:
        print("Als tekst bewaard (rol of groep): " + ", ".join(result.labels_only))
    return EXIT_OK


def _period(action) -> str:
    if action.start is None and action.end is None:
        return ""
    start = f"{action.start:%d-%m-%Y}" if action.start else "…"
    end = f"{action.end:%d-%m-%Y}" if action.end else ("doorlopend" if action.open_end else "…")
    return f" [{start} t/m {end}]"


def print_programme_preview(preview) -> None:
    """The tree the command line shows before writing: actielijn > ambitie > actie, with parties and periods."""
    draft = preview.draft
    kind = "Word-tabel" if draft.source == "docx" else "Excel-lijst"
    period = ""
    if draft.period_start:
        period = f", periode {draft.period_start}" + (f"-{draft.period_end}" if draft.period_end else "")
    print(f"Programma {draft.title!r} uit {draft.file_name} ({kind}{period})")
    if preview.table is not None:
        print(f"  Blad {preview.table.sheet!r}, kopregel op regel {preview.table.header_row}; kolommen:")
        from ..imports.programme_xlsx import PROGRAMME_FIELDS

        for index, field_name in preview.table.proposal.items():
            print(f"    {preview.table.column_label(index):<40} -> {PROGRAMME_FIELDS.get(field_name, field_name)}")
    sections, ambitions, actions, children = draft.counts()
    print(f"  {sections} actielijnen, {ambitions} ambities, {actions} acties, {children} subacties")
    if preview.existing_programmes:
        print(
            f"  De database heeft al {preview.existing_programmes} programma('s): dit programma komt erbij als Concept."
        )

    def parties(group, indent: str) -> None:
        if group.responsible:
            print(
                f"{indent}Verantwoordelijke partijen: "
                + "; ".join(preview.describe_party(x) for x in group.responsible)
            )
        if group.trekkers:
            print(f"{indent}Trekkers: " + "; ".join(preview.describe_party(x) for x in group.trekkers))

    for section in draft.sections:
        print(f"\n== {section.title}")
        for ambition in section.ambitions:
            code = f"{ambition.code} " if ambition.code else ""
            print(f"  Ambitie {code}{_short(ambition.text, 90)}")
            parties(ambition.responsibles, "      ")
            for warning in ambition.warnings:
                print(f"      ! {warning}")
            for action in ambition.actions:
                timing = f" ({action.deadline_text})" if action.deadline_text else ""
                print(f"    - {_short(action.text, 80)}{timing}{_period(action)}")
                if action.own is not None:
                    parties(action.own, "        eigen ")
                for child in action.children:
                    timing = f" ({child.deadline_text})" if child.deadline_text else ""
                    print(f"        o {_short(child.text, 74)}{timing}{_period(child)}")
                for warning in action.warnings:
                    print(f"        ! {warning}")
    choices = list(preview.parties.values())
    matched = [c for c in choices if c.target_id is not None]
    new = [c.label for c in choices if c.target_id is None and c.create]
    labels = [c.label for c in choices if c.target_id is None and not c.create]
    print(f"\nOrganisaties: {len(matched)} herkend, {len(new)} nieuw, {len(labels)} alleen als tekst.")
    for choice in matched:
        if choice.target_name.casefold() != choice.label.casefold():
            print(f"  {choice.label} = {choice.target_name} ({choice.how})")
    if new:
        print("  Nieuw: " + ", ".join(new))
    if labels:
        print("  Alleen als tekst: " + ", ".join(labels))
    proposed = [c for c in choices if c.target_id is None and c.candidates]
    for choice in proposed:
        print(f"  Voorstel voor {choice.label}: {choice.proposals} (niet gekoppeld: blijft als tekst bewaard; koppelen kan in de app bij Bestand > Programma importeren)")
    for warning in draft.warnings:
        print(f"Let op: {warning}")


def run_import_indicators(args: argparse.Namespace) -> int:
    from datetime import date

    from ..db import DatabaseError
    from ..imports.indicators import read_indicator_file
    from ..imports.workbook import ImportFileError
    from ..services import ServiceError
    from ..services.indicators import apply_figures, preview_figures

    try:
        incoming = read_indicator_file(args.file)
        database = _open(args, read_only=args.dry_run)
    except (ImportFileError, DatabaseError) as exc:
        print_error(exc)
        return EXIT_ERROR
    try:
        with database.session() as session:
            # Preview and apply in one write session: what is shown is what is saved.
            preview = preview_figures(session, incoming)
            print_figures_preview(preview)
            if args.dry_run:
                print("\nProefdraai: er is niets opgeslagen.")
                return EXIT_OK
            if preview.nothing_to_do:
                print("\nNiets te doen: alle cijfers staan al zo in de database.")
                return EXIT_OK
            result = apply_figures(session, preview, received_on=args.ontvangen or date.today())
    except (ServiceError, ValueError) as exc:
        print_error(exc)
        print("Er is niets opgeslagen.")
        return EXIT_ERROR
    finally:
        database.close()
    print(
        f"\nIngelezen: {result.created_indicators} nieuwe "
        f"{'indicator' if result.created_indicators == 1 else 'indicatoren'}, {result.added} "
        f"{'waarde' if result.added == 1 else 'waarden'} toegevoegd, {result.changed} gewijzigd."
    )
    return EXIT_OK


def print_figures_preview(preview) -> None:
    """What an import of figures adds and changes, as the command line shows it."""
    print(f"Cijfers uit {preview.file_name} ({preview.kind}): {preview.summary()}.")
    if preview.new_indicators:
        print("Nieuwe indicatoren:")
        for indicator in preview.new_indicators:
            details = [d for d in (indicator.unit.label if indicator.unit else "", indicator.source) if d]
            shown = f"  ({', '.join(details)})" if details else ""
            print(f"  + {_short(indicator.name, 80)}{shown}")
    for title, lines in (("Toegevoegd", preview.added), ("Gewijzigd", preview.changed)):
        if not lines:
            continue
        print(f"{title}:")
        for line in lines:
            area = f" {line.area or 'hele gebied'}"  # an empty area is the region's own total
            old = f"{line.old} -> " if line.old else ""
            print(f"  {_short(line.indicator, 50):<52} {line.period:<18}{area}: {old}{line.new}")
    for problem in preview.problems:
        print(f"  ! {problem}")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_roundtrip_preview(preview) -> None:
    """The side-by-side comparison the command line shows before applying."""
    from ..imports.roundtrip import RowKind

    when = f", geëxporteerd {preview.exported_at:%d-%m-%Y}" if preview.exported_at else ""
    who = f", organisatie {preview.organisation}" if preview.organisation else ""
    print(f"Teruggestuurde actielijst {preview.file_name}{when}{who}")
    counts = preview.counts()
    print("  " + ", ".join(f"{kind.label}: {counts[kind]}" for kind in RowKind))
    for warning in preview.warnings:
        print(f"  Let op: {warning}")
    for row in preview.rows:
        if row.kind is RowKind.UNCHANGED and not row.messages:
            continue
        where = f" ({row.sheet}, regel {row.row_number})" if row.row_number else ""
        print(f"\n{row.number or '(zonder nummer)'}  {row.kind.label.upper()}{where}  {_short(row.text, 60)}")
        for change in row.changes:
            print(
                f"    {change.label:<16} bestand: {_short(change.file_value, 40):<42} "
                f"database: {_short(change.database_value, 40)}"
            )
        for message in row.messages:
            print(f"    ! {message}")


def _roundtrip(database, workbook, args: argparse.Namespace) -> int:
    from ..imports.roundtrip import RowKind
    from ..services.importing import apply_roundtrip, preview_roundtrip_workbook

    with database.session() as session:
        preview = preview_roundtrip_workbook(session, workbook, reference=args.reference_date)
        print_roundtrip_preview(preview)
        if args.dry_run:
            print("\nProefdraai: er is niets opgeslagen.")
            return EXIT_OK
        selected = None
        if args.only:
            wanted = {n.strip() for n in args.only.split(",") if n.strip()}
            selected = [r.action_id for r in preview.rows if r.number in wanted and r.action_id]
            unknown = wanted - {r.number for r in preview.rows}
            if unknown:
                raise ValueError(
                    "Onbekende actienummers bij --only: " + ", ".join(sorted(unknown)) + ". Gebruik de nummers die "
                    "hierboven staan."
                )
        result = apply_roundtrip(
            session, preview, selected=selected, include_conflicts=args.conflicts == "overschrijven"
        )
    print(f"\nToegepast: {result.applied} {'actie' if result.applied == 1 else 'acties'}.")
    for line in result.skipped:
        print(f"  Overgeslagen: {line}")
    if preview.counts()[RowKind.CONFLICT] and args.conflicts == "overslaan":
        print(
            "Conflicten zijn niet toegepast; gebruik --conflicts overschrijven of --only NR om ze toch toe te passen."
        )
    return EXIT_OK


def print_list_preview(table, preview) -> None:
    """The mapping, status mapping and rows the command line shows for an existing list."""
    print(f"Bestaande lijst {preview.file_name}, blad {preview.sheet!r}, kopregel op regel {preview.header_row}")
    for line in table.title_lines[:3]:
        print(f"  Titel: {_short(line)}")
    print("Kolommen:")
    for column, field_label in preview.mapping:
        print(f"  {column:<40} -> {field_label}")
    unmapped = [table.column_label(i) for i, h in enumerate(table.headers) if h and i not in dict(table.proposal)]
    if unmapped:
        print("  Niet ingelezen: " + ", ".join(unmapped))
    if preview.statuses:
        print("Statussen:")
        for mapping in preview.statuses:
            target = mapping.status.label if mapping.status else "(niet herkend: Niet gestart)"
            if mapping.postponement:
                target += ", uitstel (blijft open, telt als uitgesteld)"
            print(f"  {mapping.text!r:<30} -> {target}  ({mapping.count}x)")
    if preview.sections:
        print("Actielijnen: " + "; ".join(_short(s, 50) for s in preview.sections))
    if preview.series_name:
        print(f"Reeks: {preview.series_name} (de acties komen terug bij het volgende overleg)")
    print(
        f"Acties: {len(preview.items)} (nieuw: {len(preview.importable) - len(preview.updates)}, "
        f"bestaat al: {len(preview.updates)}, niet ingelezen: {len(preview.refused)})"
    )
    for item in preview.items:
        period = ""
        if item.deadline_start or item.deadline_end:
            start = f"{item.deadline_start:%d-%m-%Y}" if item.deadline_start else "…"
            end = f"{item.deadline_end:%d-%m-%Y}" if item.deadline_end else "…"
            period = f" [{start} t/m {end}]"
        status = item.status.label if item.status else "Niet gestart"
        if item.postponed or item.times_postponed:
            status += f" (uitgesteld{f', {item.times_postponed}x' if item.times_postponed else ', +1'})"
        trekkers = "; ".join(m.describe() for m in item.matches) if item.matches else " / ".join(item.trekkers)
        state = "NIET INGELEZEN" if item.problems else "bestaat al: wordt bijgewerkt" if item.existing_id else "nieuw"
        print(
            f"  regel {item.row_number:>4}  {item.number or '-':<6} {_short(item.text, 50):<52} [{state}] "
            f"trekker: {trekkers or '-'}; deadline: {item.deadline_text or '-'}{period}; {status}"
        )
        for label, old, new in item.changes:
            print(f"             {label}: {_short(old, 40)} -> {_short(new, 40)}")
        for problem in item.problems:
            print(f"             ! niet ingelezen: {problem}")
        for warning in item.warnings:
            print(f"             ! {warning}")
    for line in preview.skipped:
        print(f"  {line}")
    for warning in preview.warnings:
        print(f"Let op: {warning}")


def _series_id(session, text: str | None):
    from sqlalchemy import func, select

    from ..models import MeetingSeries

    if not text:
        return None
    wanted = text.strip().casefold()
    found = session.scalars(
        select(MeetingSeries).where(
            (func.lower(MeetingSeries.name) == wanted) | (func.lower(MeetingSeries.code) == wanted)
        )
    ).all()
    if len(found) != 1:
        names = ", ".join(f"{s.name} ({s.code})" for s in session.scalars(select(MeetingSeries)))
        raise ValueError(f"Overlegreeks {text!r} niet gevonden. Kies een van: {names or '(geen reeksen)'}.")
    return found[0].id


def _existing_list(database, workbook, args: argparse.Namespace) -> int:
    from ..imports.existing_list import apply_overrides, read_list
    from ..services.importing import import_action_list, preview_action_list

    table = read_list(workbook, args.sheet)
    mapping = apply_overrides(table, dict(args.column)) if args.column else None
    if mapping is not None:
        table = replace(table, proposal=mapping)
    with database.session() as session:
        series_id = _series_id(session, getattr(args, "reeks", None))
        preview = preview_action_list(
            session,
            table,
            status_overrides=_status_overrides(args.status),
            reference=args.reference_date,
            series_id=series_id,
        )
    print_list_preview(table, preview)
    if args.dry_run:
        print("\nProefdraai: er is niets opgeslagen.")
        return EXIT_OK
    if not preview.importable:
        print("\nEr is niets ingelezen: geen regel kan worden ingelezen. Pas het bestand aan en probeer het opnieuw.")
        return EXIT_ERROR
    with database.session() as session:
        result = import_action_list(session, preview, file_name=workbook.name)
    print(
        f"\nIngelezen: {result.created} acties nieuw, {result.updated} bijgewerkt; "
        f"trekkers herkend: {result.trekkers_matched}."
    )
    for line in result.refused:
        print(f"  Niet ingelezen: {line}")
    if result.trekkers_unmatched:
        print("Niet herkende trekkers (als tekst bewaard): " + ", ".join(result.trekkers_unmatched))
    return EXIT_OK
