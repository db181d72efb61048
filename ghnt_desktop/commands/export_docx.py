"""``ghnt-desktop export KIND --db PATH --out FILE.docx|.pdf``: the Word documents (or their PDF/A).

Turns the arguments into an ``exports.jobs.ExportRequest``: the meeting, series, organisation,
programme and saved report the user named are looked up here (``services.documents.find_*``); the
data is gathered and the document written by ``exports.jobs.run_export`` (see ``commands/export.py``).
``--template`` wins over the template chosen for this kind in the app.
"""

from __future__ import annotations

import argparse
from datetime import date


def docx_request(session, args: argparse.Namespace):
    """The ``ExportRequest`` of a Word document named by the command line's arguments."""
    from ..exports.jobs import ExportRequest
    from ..services import ValidationError
    from ..services import documents as docs

    kind = args.kind
    meeting_id = None
    if kind in ("agenda", "verslag"):
        if not args.meeting:
            document = {"agenda": "de agenda", "verslag": "het verslag"}[kind]  # Dutch: het verslag
            raise ValidationError(f"Geef met --meeting aan van welk overleg {document} moet worden gemaakt.")
        meeting_id = docs.find_meeting_id(session, args.meeting)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("De periode klopt niet: --from ligt na --to.")
    series_id = docs.find_series_id(session, args.series) if args.series else None
    organisation_id = None
    if kind == "actielijst" and args.organisation:
        organisation_id = docs.find_organisation_id(session, args.organisation)
    programme_id = None
    if kind == "programma" or (kind in ("voortgang", "voortgangsoverzicht") and args.programme):
        programme_id = docs.find_programme_id(session, args.programme)
    report_id = docs.find_report_id(session, args.report) if kind == "voortgang" and args.report else None
    year = args.year
    if kind == "jaaroverzicht" and not year:
        from ..services.year_overview import default_year

        year = default_year(session)
        if year is None:
            raise ValidationError(
                "Er is nog geen volledig jaar met gehouden overleggen. Kies het jaar met --year (bijvoorbeeld --year "
                f"{date.today().year})."
            )
        print(f"Geen --year gegeven: het jaaroverzicht van {year}, het laatste volledige jaar met gehouden overleggen.")
    return ExportRequest(
        kind=kind,
        out=args.out,
        format="pdf" if args.out.suffix.lower() == ".pdf" else "docx",  # pdf: the Word document as PDF/A
        meeting_id=meeting_id,
        series_id=series_id,
        programme_id=programme_id,
        report_id=report_id,
        organisation_id=organisation_id,
        date_from=args.date_from,
        date_to=args.date_to,
        group_by=args.group_by,
        tag_kind=getattr(args, "per_label", None) or "",
        include_closed=bool(args.include_closed),
        all_series=bool(getattr(args, "all_series", False)),
        year=year,
        include_confidential=bool(args.include_confidential),
        template=args.template,
    )


def run_docx_export(args: argparse.Namespace) -> int:
    """Write the Word document ``args.kind`` to ``args.out``; returns the exit code."""
    from .export_run import run_request

    return run_request(args, docx_request)
