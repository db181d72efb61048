"""Documents the network lives on, written from plain data: Word (``docx_*``) and Excel (``xlsx_*``).

Exports import no Qt and never touch the database: a service gathers the data into frozen dataclasses
(``ghnt_desktop.services.documents`` for the Word documents), the export writes them to a path.

Progress: every export function takes a keyword argument ``progress``, a callable
``progress(done: int, total: int) -> None`` or ``None``. It is called with ``(0, total)`` first and
``(total, total)`` when the file is saved; ``total`` is a count of work units (rows, items) and may
differ between documents. A dialog that runs the export in a ``QRunnable`` forwards the call as a
signal; the command line passes nothing. A callback (rather than a generator) lets each export
return its result object directly.

Result: every Word export returns an ``ExportResult`` (see ``docx_common``) that names the file and
says what was left out because it is vertrouwelijk (counts of agenda items, decisions, actions and
progress notes), so the export dialog can tell the user.
"""
