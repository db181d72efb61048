"""What the Notuleren tab and the action dialog both say about a typed text: as stored, and the period it names.

Below both ``minutes_tab`` (which opens the action dialog) and ``action_dialog``, so neither imports the other back.
The messages keep the ``MinutesTab`` translation context they were written under.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...dutch_dates import short_date
from ..i18n import arg


def cleaned(text: str) -> str:
    """The text as the service stores it, to compare with the stored one (no length check here)."""
    from ...services.meetings import clean_text

    return clean_text(text, label="")


def period_text(text: str, reference) -> tuple[str, bool]:
    """The period a deadline text names, for the label beside the field; (text, understood)."""
    from ...deadlines import parse_deadline

    if not text.strip():
        return "", True
    parsed = parse_deadline(text, reference=reference)
    if parsed.end is None:
        return QCoreApplication.translate(
            "MinutesTab", "geen datum herkend; de tekst wordt bewaard zoals getypt"
        ), False
    if parsed.start == parsed.end or parsed.start is None:
        return arg(QCoreApplication.translate("MinutesTab", "= %1"), short_date(parsed.end)), True
    return arg(
        QCoreApplication.translate("MinutesTab", "= %1 t/m %2"), short_date(parsed.start), short_date(parsed.end)
    ), True
