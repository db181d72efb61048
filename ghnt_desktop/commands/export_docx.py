"""``ghnt-desktop export KIND --db PATH --out FILE.docx``: the Word documents from the command line.

Gathers the data with ``services.documents`` in one read-only session, then writes the document with
the matching ``exports.docx_*`` function. Every expected failure (unknown meeting, bad template, file
locked by Word) prints a Dutch message and returns a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 2


def _template(session, args: argparse.Namespace) -> Path | None:
    """``--template`` wins; else the template the user chose for this kind in the app; else the default."""
    if args.template is not None:
        return args.template
    from ..services.documents import template_setting

    return template_setting(session, args.kind)


def _gather(session, args: argparse.Namespace):
    """The data of the document ``args.kind`` and the export function that writes it."""
    from ..services import ValidationError
    from ..services import documents as docs

    include = bool(args.include_confidential)
    kind = args.kind
    series_id = docs.find_series_id(session, args.series) if args.series else None
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("De periode klopt niet: --from ligt na --to.")
    if kind in ("agenda", "verslag"):
        if not args.meeting:
            raise ValidationError(f"Geef met --meeting aan van welk overleg de {kind} moet worden gemaakt.")
        meeting_id = docs.find_meeting_id(session, args.meeting)
        if kind == "agenda":
            from ..exports.docx_meeting import export_agenda

            return docs.agenda_document(session, meeting_id, include_confidential=include), export_agenda
        from ..exports.docx_meeting import export_verslag

        return docs.minutes_document(session, meeting_id, include_confidential=include), export_verslag
    if kind == "besluitenlijst":
        from ..exports.docx_lists import export_besluitenlijst

        data = docs.decision_list_document(
            session,
            series_id=series_id,
            date_from=args.date_from,
            date_to=args.date_to,
            include_confidential=include,
        )
        return data, export_besluitenlijst
    if kind == "actielijst":
        from ..exports.docx_lists import export_actielijst

        organisation_id = docs.find_organisation_id(session, args.organisation) if args.organisation else None
        data = docs.action_list_document(
            session,
            group_by=args.group_by,
            include_closed=args.include_closed,
            series_id=series_id,
            organisation_id=organisation_id,
            date_from=args.date_from,
            date_to=args.date_to,
            include_confidential=include,
        )
        return data, export_actielijst
    programme_id = docs.find_programme_id(session, getattr(args, "programme", None))
    if kind == "programma":
        from ..exports.docx_programme import export_programma

        return docs.programme_document(session, programme_id), export_programma
    from ..exports.docx_report import export_voortgang

    report_id = docs.find_report_id(session, args.report) if args.report else None
    data = docs.progress_report_document(
        session,
        report_id=report_id,
        programme_id=None if report_id and not getattr(args, "programme", None) else programme_id,
        date_from=args.date_from,
        date_to=args.date_to,
        include_confidential=include,
    )
    return data, export_voortgang


def run_docx_export(args: argparse.Namespace) -> int:
    """Write the Word document ``args.kind`` to ``args.out``; returns the exit code."""
    from ..cli import resolve_db
    from ..db import DatabaseError, open_database
    from ..exports.docx_common import ExportError
    from ..services import ServiceError

    try:
        database = open_database(resolve_db(args.db), read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    try:
        with database.session() as session:
            data, export = _gather(session, args)
            template = _template(session, args)
        result = export(data, args.out, template=template)
    except (ServiceError, ExportError) as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    finally:
        database.close()
    print(f"Opgeslagen: {result.path}")
    omitted = result.omitted.describe()
    if omitted:
        print(f"{omitted} Gebruik --include-confidential om ze op te nemen.")
    return EXIT_OK
