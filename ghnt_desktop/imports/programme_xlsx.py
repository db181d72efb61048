"""A programme kept in Excel, one row per action, read into a ``ProgrammeDraft``.

The header row and the column mapping come from ``imports.existing_list`` (the same recognition and the
same overrides as a hand-kept actielijst: ``--column KOP=VELD`` or the wizard's combo boxes). For a
programme the fields mean: ``section`` the actielijn, ``ambition`` the ambitie (rows with the same one
share it), ``text`` the actie (lines after the first, "o" sub-points, become its sub-actions),
``parties`` the verantwoordelijke partijen and ``trekker`` the trekkers; a cell that says
"Verantwoordelijke partijen: ... Trekker: ..." is read as in a Word table. Responsibility goes on the
ambition (from its first row); a later row that names other parties keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..models.enums import ActionStatus
from .existing_list import ListItem, ListTable, apply_overrides, build_list_preview, normalise_header, read_list
from .programme_draft import (
    _ROLE_HEAD,
    DraftAction,
    DraftAmbition,
    DraftSection,
    ProgrammeDraft,
    Responsibles,
    read_responsibles,
    read_timing,
    title_period,
)
from .programme_lines import split_items
from .workbook import ImportFileError, read_workbook

# What each field means in a programme list (the names the mapping shows); the fields are those of
# ``existing_list.FIELDS``.
PROGRAMME_FIELDS: dict[str, str] = {
    "section": "Actielijn",
    "ambition": "Ambitie",
    "text": "Actie",
    "parties": "Verantwoordelijke partijen",
    "trekker": "Trekker(s)",
    "deadline": "Planning",
    "status": "Status",
    "number": "Nr. (niet gebruikt)",
    "note": "Toelichting (in de notities)",
    "ignore": "(niet inlezen)",
}


def programme_mapping(table: ListTable) -> dict[int, str]:
    """The proposed mapping for a programme: a "Verantwoordelijke partijen" column beside a "Trekker" column
    holds the parties (the action list would take only one of them as trekker)."""
    mapping = dict(table.proposal)
    headers = [normalise_header(h) for h in table.headers]
    trekker = [i for i, h in enumerate(headers) if h.startswith("trekker")]
    responsible = [i for i, h in enumerate(headers) if h.startswith("verantwoordelijk") or h == "eigenaar"]
    if trekker and responsible and "parties" not in mapping.values():
        mapping = {i: f for i, f in mapping.items() if f != "trekker"}
        mapping[trekker[0]] = "trekker"
        mapping[responsible[0]] = "parties"
    return dict(sorted(mapping.items()))


def _responsibles(item: ListItem, trekker_is_responsible: bool, known: Callable[[str], bool] | None) -> Responsibles:
    result = Responsibles()
    if item.parties:
        parts = read_responsibles(item.parties.split("\n"), default_role="responsible", known=known)
        result.responsible += parts.responsible
        result.trekkers += parts.trekkers
    if item.trekker_text and not _ROLE_HEAD.search(item.trekker_text):
        # A plain trekker cell is split as the action list splits it ("Gemeenten Veendam/Pekela" gives both
        # municipalities, "Politie; OM" two names), so both imports link the same organisations.
        target = result.responsible if trekker_is_responsible else result.trekkers
        target += [x for x in item.trekkers if x not in target]
    elif item.trekker_text:
        default = "responsible" if trekker_is_responsible else "trekker"
        parts = read_responsibles(item.trekker_text.split("\n"), default_role=default, known=known)
        result.responsible += [x for x in parts.responsible if x not in result.responsible]
        result.trekkers += [x for x in parts.trekkers if x not in result.trekkers]
    return result


def draft_from_table(
    table: ListTable,
    mapping: Mapping[int, str] | None = None,
    *,
    title: str = "",
    known: Callable[[str], bool] | None = None,
    reference: date | None = None,
    status_overrides: Mapping[str, ActionStatus] | None = None,
) -> ProgrammeDraft:
    """The draft of a programme list read with ``mapping`` (column index -> field; the proposal when None)."""
    mapping = dict(programme_mapping(table) if mapping is None else mapping)
    first, last = title_period(title or " ".join(table.title_lines))
    if reference is None and first is not None:
        reference = date(first, 1, 1)
    preview = build_list_preview(table, mapping, reference=reference, known=known, status_overrides=status_overrides)
    trekker_column = next((i for i, f in mapping.items() if f == "trekker"), None)
    trekker_is_responsible = trekker_column is not None and normalise_header(
        table.headers[trekker_column] if trekker_column < len(table.headers) else ""
    ).startswith(("verantwoordelijk", "eigenaar"))
    has_deadline = "deadline" in mapping.values()
    draft = ProgrammeDraft(
        table.file_name,
        "xlsx",
        title or (table.title_lines[0] if table.title_lines else table.file_name.rsplit(".", 1)[0]),
        period_start=first,
        period_end=last,
        reference=preview.reference,
    )
    draft.warnings += list(preview.warnings) + list(preview.skipped)
    sections: dict[str, DraftSection] = {}
    ambitions: dict[tuple[str, str], DraftAmbition] = {}
    for item in preview.items:
        origin = f"regel {item.row_number}"
        section_title = item.section or "Algemeen"
        section = sections.get(section_title.casefold())
        if section is None:
            section = DraftSection(section_title, origin=origin)
            sections[section_title.casefold()] = section
            draft.sections.append(section)
        ambition_text = item.ambition or section_title
        responsibles = _responsibles(item, trekker_is_responsible, known)
        key = (section_title.casefold(), " ".join(ambition_text.split()).casefold())
        ambition = ambitions.get(key)
        own = None
        if ambition is None:
            ambition = DraftAmbition(ambition_text, responsibles=responsibles, origin=origin)
            ambitions[key] = ambition
            section.ambitions.append(ambition)
        elif responsibles and responsibles.key() != ambition.responsibles.key():
            own = responsibles
        items = split_items(item.text.split("\n"))
        if not items:
            continue
        if has_deadline:
            action = DraftAction(items[0].text, item.deadline_text, item.deadline_start, item.deadline_end)
        else:
            action = read_timing(items[0].text, reference)
        action.status = item.status
        action.note = item.note
        action.code = item.number
        action.own = own
        action.origin = origin
        action.warnings += list(item.warnings) + list(item.problems)
        action.include = not item.problems
        for sub in items[1:]:
            child = read_timing(sub.text, reference)
            child.origin = origin
            action.children.append(child)
        ambition.actions.append(action)
    if not draft.sections:
        raise ImportFileError(
            f"In {table.file_name} staan onder de kopregel (regel {table.header_row}) geen acties.",
            "Controleer welke kolom de actie bevat (Acties) en lees het bestand opnieuw in.",
        )
    return draft


def read_programme_xlsx(
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: Mapping[int, str] | None = None,
    title: str = "",
    known: Callable[[str], bool] | None = None,
    reference: date | None = None,
    status_overrides: Mapping[str, ActionStatus] | None = None,
) -> tuple[ListTable, ProgrammeDraft]:
    """The list found in the workbook and its draft; ``ImportFileError`` (Dutch) for a file that cannot be used."""
    table = read_list(read_workbook(path), sheet)
    draft = draft_from_table(
        table, mapping, title=title, known=known, reference=reference, status_overrides=status_overrides
    )
    # The table carries the mapping used, so the preview shows it and overrides start from it.
    return replace(table, proposal=dict(programme_mapping(table) if mapping is None else mapping)), draft


def programme_overrides(table: ListTable, overrides: Mapping[str, str]) -> dict[int, str]:
    """The programme's proposed mapping with the user's corrections (``--column KOP=VELD``)."""
    return apply_overrides(replace(table, proposal=programme_mapping(table)), overrides)
