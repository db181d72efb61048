"""The errors of the Word exports and the WordprocessingML namespace: what ``docx_template`` needs of them.

Below both ``docx_common`` (the writer, which loads templates through ``docx_template``) and ``docx_template``
(which checks and cleans a template), so neither has to import the other back. ``docx_common`` re-exports them.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class ExportError(Exception):
    """An export that cannot be written; ``str(exc)`` is a Dutch message for the user."""


class TemplateError(ExportError):
    """The chosen Word template cannot be used."""
