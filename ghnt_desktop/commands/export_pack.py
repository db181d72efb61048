"""``ghnt-desktop export vergaderstukken --meeting ID --db PATH --out FILE.eml``: the meeting pack as an e-mail draft.

The agenda, the verslag of the previous meeting of the series and the actielijst (PDF/A when LibreOffice is
installed, else Word), with the meeting's .ics, attached to a draft to the invitees (``exports.meeting_pack``).
Vertrouwelijke onderdelen are always left out; the command says what. Nothing is sent.
"""

from __future__ import annotations

import argparse

from .common import resolve_db
from .export_run import EXIT_ERROR, EXIT_OK


def run_pack_export(args: argparse.Namespace) -> int:
    """Write the e-mail draft with the vergaderstukken of ``args.meeting`` to ``args.out``; the exit code."""
    from ..db import DatabaseError, open_database
    from ..exports.jobs import EXPECTED_ERRORS
    from ..exports.meeting_pack import make_meeting_pack
    from ..services import ValidationError
    from ..services import documents as docs

    if getattr(args, "include_confidential", False):
        print(
            "Fout: vergaderstukken gaan naar alle genodigden en bevatten nooit vertrouwelijke onderdelen; "
            "laat --include-confidential weg."
        )
        return EXIT_ERROR
    try:
        database = open_database(resolve_db(args.db), read_only=True, create=False)
    except DatabaseError as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    try:
        if not args.meeting:
            raise ValidationError("Geef met --meeting aan van welk overleg de vergaderstukken moeten worden gemaakt.")
        with database.read_session() as session:
            meeting_id = docs.find_meeting_id(session, args.meeting)
        outcome = make_meeting_pack(database, meeting_id, args.out)
    except EXPECTED_ERRORS as exc:
        print(f"Fout: {exc}")
        return EXIT_ERROR
    finally:
        database.close()
    print(f"Opgeslagen: {outcome.path} (concept-e-mail; open het in uw e-mailprogramma om te versturen)")
    print(f"Aan: {', '.join(outcome.recipients) or '(niemand met een e-mailadres)'}")
    print("Bijlagen: " + ", ".join(attachment.filename for attachment in outcome.attachments))
    if outcome.without_address:
        print("Zonder e-mailadres (stuur hun de stukken apart): " + ", ".join(outcome.without_address))
    for line in outcome.left_out:
        print(f"Vertrouwelijk weggelaten: {line}")
    if outcome.pdf_note:
        print(f"Let op: {outcome.pdf_note}")
    return EXIT_OK
