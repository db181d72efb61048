"""A programme file (Word or Excel, told apart by its content) read and compared with the database.

``preview_programme`` is the one entry the wizard and ``import programma`` share: it reads the file into a
``ProgrammeDraft`` and matches every party and trekker with the matcher the other imports use
(``services.importing.NameMatcher``: name, alias, abbreviation, small misspelling). Nothing is written;
``services.programme_import.import_programme`` writes the preview's draft and choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ..models import ActionStatus
from ..services.importing import NameMatcher
from ..services.programme_import import PartyChoice, ProgrammeDraft, label_key, looks_like_organisation
from ..services.programme_scope import current_region, filled_programmes
from .existing_list import ListTable
from .programme_docx import check_docx_file, read_programme_docx
from .programme_xlsx import read_programme_xlsx


@dataclass
class ProgrammePreview:
    """The draft read from the file and what each name becomes; the wizard and the CLI show it."""

    draft: ProgrammeDraft
    parties: dict[str, PartyChoice] = field(default_factory=dict)  # by ``label_key``
    table: ListTable | None = None  # for an Excel file: the list found, with the column mapping used
    existing_programmes: int = 0  # programmes with ambitions: the import then comes in as Concept
    region: str = ""  # the database's region (``programme_scope.current_region``): the import's default region

    def choice(self, label: str) -> PartyChoice | None:
        return self.parties.get(label_key(label))

    def describe_party(self, label: str) -> str:
        choice = self.choice(label)
        return f"{label} = {choice.outcome}" if choice is not None and choice.outcome != label else label


def read_programme_file(
    path: Path | str,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    title: str = "",
    matcher: NameMatcher | None = None,
    reference: date | None = None,
    status_overrides: Mapping[str, ActionStatus] | None = None,
) -> tuple[ProgrammeDraft, ListTable | None]:
    """The draft of a Word or Excel programme file; no database needed.

    Raises ``imports.workbook.ImportFileError`` with a Dutch message for a file that cannot be used.
    """
    path = Path(path)
    known = matcher.known if matcher is not None else None
    if check_docx_file(path) == "docx":
        draft = read_programme_docx(path, known=known, reference=reference)
        if title.strip():
            draft.title = title.strip()
        return draft, None
    table, draft = read_programme_xlsx(
        path,
        sheet=sheet,
        mapping=mapping,
        title=title.strip(),
        known=known,
        reference=reference,
        status_overrides=status_overrides,
    )
    return draft, table


def match_parties(matcher: NameMatcher, draft: ProgrammeDraft) -> dict[str, PartyChoice]:
    """Every name of the draft with what it matched; unmatched organisation-like names are to be created, unless
    an existing one is proposed (then the user chooses: a likely duplicate is never made by default)."""
    choices: dict[str, PartyChoice] = {}
    for label in draft.labels():
        match = matcher.match(label)
        create = match.target_id is None and looks_like_organisation(label) and not match.candidates
        choices[label_key(label)] = PartyChoice(
            label, match.target_id, match.target_name, match.kind, match.how, create, match.candidates
        )
    return choices


def preview_programme(
    session: Session,
    path: Path | str,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    title: str = "",
    reference: date | None = None,
    status_overrides: Mapping[str, ActionStatus] | None = None,
) -> ProgrammePreview:
    """Read ``path`` and match its parties against the database; writes nothing."""
    matcher = NameMatcher.from_session(session)
    draft, table = read_programme_file(
        path,
        mapping=mapping,
        sheet=sheet,
        title=title,
        matcher=matcher,
        reference=reference,
        status_overrides=status_overrides,
    )
    return ProgrammePreview(
        draft,
        match_parties(matcher, draft),
        table,
        existing_programmes=filled_programmes(session),  # an empty new-region start does not count
        region=current_region(session),
    )


def preview_without_database(
    path: Path | str,
    *,
    mapping: Mapping[int, str] | None = None,
    sheet: str | None = None,
    title: str = "",
    reference: date | None = None,
    status_overrides: Mapping[str, ActionStatus] | None = None,
) -> ProgrammePreview:
    """The preview for a new database: nothing to match, organisation-like names are all new."""
    draft, table = read_programme_file(
        path, mapping=mapping, sheet=sheet, title=title, reference=reference, status_overrides=status_overrides
    )
    return ProgrammePreview(draft, match_parties(NameMatcher(), draft), table)


def rematch(session: Session, preview: ProgrammePreview) -> ProgrammePreview:
    """The preview again after the user renamed parties in the draft (new names matched, choices kept)."""
    fresh = match_parties(NameMatcher.from_session(session), preview.draft)
    for key, choice in fresh.items():
        old = preview.parties.get(key)
        if old is not None and choice.target_id is None:
            choice.create = old.create
    preview.parties = fresh
    return preview
