"""``ghnt-desktop export KIND --db PATH --out FILE.xlsx``: the Excel lists from the command line.

KIND is ``actielijst`` (``--organisation`` for one partner's file, ``--all`` for closed actions too,
``--sheet-per-actielijn``), ``presentielijst`` (``--meeting`` for one meeting and/or ``--year`` for
the year overview, ``--series`` to limit it), ``besluitenlijst`` (``--from``, ``--to``, ``--series``; the
main series unless ``--all-series``) or ``indicatoren`` (every indicator, one sheet per level).
Confidential actions and decisions are left out unless ``--include-confidential``; the command says
how many. The names are looked up here; ``exports.jobs.run_export`` gathers and writes.
"""

from __future__ import annotations

import argparse


def xlsx_request(session, args: argparse.Namespace):
    """The ``ExportRequest`` of an Excel list named by the command line's arguments."""
    from ..exports.jobs import ExportRequest
    from ..services import ValidationError, importing
    from ..services import documents as docs

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("De periode klopt niet: --from ligt na --to.")
    series_id = docs.find_series_id(session, args.series) if args.series else None
    organisation_id = None
    if args.kind == "actielijst" and args.organisation:
        organisation_id, _name = importing.find_organisation(session, args.organisation)
    meeting_id = None
    if args.kind == "presentielijst":
        if not args.meeting and not args.year:
            raise ValidationError(
                "Geef met --meeting aan van welk overleg de presentielijst moet worden gemaakt, "
                "of met --year van welk jaar het overzicht van vertegenwoordiging."
            )
        if args.meeting:
            meeting_id = docs.find_meeting_id(session, args.meeting)
    return ExportRequest(
        kind=args.kind,
        out=args.out,
        format="xlsx",
        meeting_id=meeting_id,
        series_id=series_id,
        organisation_id=organisation_id,
        date_from=args.date_from,
        date_to=args.date_to,
        include_closed=bool(args.include_closed),
        include_confidential=bool(args.include_confidential),
        sheet_per_actielijn=bool(args.sheet_per_actielijn),
        all_series=bool(getattr(args, "all_series", False)),
        year=args.year if args.kind == "presentielijst" else None,
    )


def run_xlsx_export(args: argparse.Namespace) -> int:
    """Write the Excel list ``args.kind`` to ``args.out``; returns the exit code."""
    from .export_run import run_request

    return run_request(args, xlsx_request)
