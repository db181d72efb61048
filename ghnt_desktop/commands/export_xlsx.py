"""``ghnt-desktop export KIND --db PATH --out FILE.xlsx``: the Excel lists from the command line.

KIND is ``actielijst`` (``--organisation`` for one partner's file, ``--all`` for closed actions too,
``--sheet-per-actielijn``), ``presentielijst`` (``--meeting`` for one meeting and/or ``--year`` for
the year overview, ``--series`` to limit it) or ``besluitenlijst`` (``--from``, ``--to``, ``--series``).
Confidential actions and decisions are left out unless ``--include-confidential``; the command says
how many. Every expected failure prints a Dutch message and returns exit code 2.
"""

from __future__ import annotations

import argparse

EXIT_OK = 0
EXIT_ERROR = 2


def _gather(session, args: argparse.Namespace):
    """The data of ``args.kind`` and the function that writes it."""
    from ..services import ValidationError, importing
    from ..services import documents as docs

    include = bool(args.include_confidential)
    series_id = docs.find_series_id(session, args.series) if args.series else None
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("De periode klopt niet: --from ligt na --to.")
    if args.kind == "actielijst":
        from ..exports.xlsx_actielijst import write_actielijst_xlsx

        organisation_id = None
        title = "Actielijst"
        if args.organisation:
            organisation_id, name = importing.find_organisation(session, args.organisation)
            title = f"Actielijst {name}"
        data = importing.gather_actielijst(
            session,
            organisation_id=organisation_id,
            include_closed=args.include_closed,
            include_confidential=include,
            series_id=series_id,
            title=title,
        )

        def write(path, progress=None):
            return write_actielijst_xlsx(data, path, sheet_per_actielijn=args.sheet_per_actielijn, progress=progress)

        return write
    if args.kind == "presentielijst":
        from ..exports.xlsx_meetings import write_presentielijst_xlsx

        if not args.meeting and not args.year:
            raise ValidationError(
                "Geef met --meeting aan van welk overleg de presentielijst moet worden gemaakt, "
                "of met --year van welk jaar het overzicht van vertegenwoordiging."
            )
        meeting = None
        if args.meeting:
            meeting = importing.gather_presentielijst(session, docs.find_meeting_id(session, args.meeting))
        overview = None
        if args.year:
            if not 1900 <= args.year <= 2200:
                raise ValidationError(f"Het jaar {args.year} is geen geldig jaar.")
            overview = importing.gather_representation(session, args.year, series_id=series_id)

        def write(path, progress=None):
            return write_presentielijst_xlsx(meeting, path, overview=overview, progress=progress)

        return write
    from ..exports.xlsx_meetings import write_besluitenlijst_xlsx

    decisions = importing.gather_besluitenlijst(
        session,
        series_id=series_id,
        date_from=args.date_from,
        date_to=args.date_to,
        include_confidential=include,
    )

    def write(path, progress=None):
        return write_besluitenlijst_xlsx(decisions, path, progress=progress)

    return write


def run_xlsx_export(args: argparse.Namespace) -> int:
    """Write the Excel list ``args.kind`` to ``args.out``; returns the exit code."""
    from ..cli import resolve_db
    from ..db import DatabaseError, open_database
    from ..exports.xlsx_common import XlsxExportError
    from ..services import ServiceError

    try:
        database = open_database(resolve_db(args.db), read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    try:
        with database.session() as session:
            write = _gather(session, args)
        result = write(args.out)
    except (ServiceError, XlsxExportError) as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    finally:
        database.close()
    print(f"Opgeslagen: {result.path} ({result.rows} regels; bladen: {', '.join(result.sheets)})")
    if result.confidential_left_out:
        print(f"{' '.join(result.notes)} Gebruik --include-confidential om ze op te nemen.")
    return EXIT_OK
