"""Stukken kept with the meeting: a document of an agenda item stored in the database itself, or linked.

A stored stuk travels with the database: backups, a shared database and an offline copy carry it, and the
vergaderstukken include it. It is kept with its SHA-256 checksum (checked whenever it is read back) and is
at most ``MAX_STORED_BYTES``: every backup copies the whole database, so one large video would make every
backup and every opening of a shared database slow. A linked stuk stays where it is
(``AgendaItem.documents``); when it has moved or been deleted, ``linked_document_problem`` says so in Dutch.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AgendaItem, StoredDocument
from . import Changes, NotFoundError, ValidationError
from .confidentiality import confidential_scope
from .meetings import MEETING_CHANGES, Created, Removed, clean_text, ensure_editable, get_or_404, snapshot

MAX_STORED_BYTES = 25 * 1024 * 1024  # 25 MB: a thick PDF of stukken fits, a video does not
_MAX_TITLE = 300
_MAX_FILENAME = 255


@dataclass(frozen=True)
class StoredDocumentInfo:
    """A stored stuk as a list shows it (without its bytes)."""

    id: uuid.UUID
    agenda_item_id: uuid.UUID
    title: str
    filename: str
    media_type: str
    size: int
    sha256: str

    @property
    def size_text(self) -> str:
        return size_text(self.size)


@dataclass(frozen=True)
class StoredContent:
    """A stored stuk's bytes, checked against its checksum."""

    filename: str
    media_type: str
    content: bytes


def size_text(size: int) -> str:
    """``1,4 MB``, ``820 kB``: a size as a Dutch user reads it."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def _item(session: Session, agenda_item_id: uuid.UUID) -> AgendaItem:
    """The agenda item, refused when its meeting is read-only (verslag vastgesteld)."""
    item: AgendaItem = get_or_404(session, AgendaItem, agenda_item_id)
    ensure_editable(item.meeting)
    return item


def _safe_filename(name: str) -> str:
    """The file name as stored: no folders (a stored name is later written into a temporary folder)."""
    base = Path(str(name).replace("\\", "/")).name.strip().strip(".")
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"/\\|?*')
    return base[:_MAX_FILENAME] or "stuk"


def store_document(
    session: Session, agenda_item_id: uuid.UUID, *, filename: str, content: bytes, title: str = ""
) -> Created:
    """Keep ``content`` (the bytes of the file ``filename``) as a stuk of the agenda item, last in its list.

    Refused with a Dutch message when it is empty or larger than ``MAX_STORED_BYTES`` (link it instead), or when
    the meeting's verslag is vastgesteld (the record does not change)."""
    item = _item(session, agenda_item_id)
    name = _safe_filename(filename)
    if not content:
        raise ValidationError(f"Het bestand {name} is leeg; er is niets te bewaren.")
    if len(content) > MAX_STORED_BYTES:
        raise ValidationError(
            f"Het bestand {name} is {size_text(len(content))}; in de database passen stukken tot "
            f"{size_text(MAX_STORED_BYTES)}, zodat reservekopieën en een gedeelde database snel blijven. "
            "Koppel het bestand in plaats daarvan (zet het op een gedeelde schijf en kies 'Koppelen')."
        )
    shown = (
        clean_text(title, label="De titel", max_length=_MAX_TITLE) if title.strip() else Path(name).stem[:_MAX_TITLE]
    )
    position = session.scalar(
        select(func.coalesce(func.max(StoredDocument.position), -1)).where(StoredDocument.agenda_item_id == item.id)
    )
    record = StoredDocument(
        agenda_item_id=item.id,
        title=shown or name,
        filename=name,
        media_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=bytes(content),
        position=int(position if position is not None else -1) + 1,
    )
    session.add(record)
    session.flush()
    return Created(record.id, MEETING_CHANGES | Changes(ids=frozenset({item.meeting_id, item.id})))


def store_file(session: Session, agenda_item_id: uuid.UUID, path: Path | str, *, title: str = "") -> Created:
    """``store_document`` of a file on disk; a file that is missing or unreadable gets a Dutch message."""
    source = Path(path)
    try:
        size = source.stat().st_size
    except OSError:
        raise ValidationError(
            f"Het bestand {source} is niet gevonden. Kies het bestand opnieuw met 'Bestand kiezen...'."
        ) from None
    if size > MAX_STORED_BYTES:  # said before reading hundreds of megabytes into memory
        raise ValidationError(
            f"Het bestand {source.name} is {size_text(size)}; in de database passen stukken tot "
            f"{size_text(MAX_STORED_BYTES)}, zodat reservekopieën en een gedeelde database snel blijven. "
            "Koppel het bestand in plaats daarvan (zet het op een gedeelde schijf en kies 'Koppelen')."
        )
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"Het bestand {source.name} kan niet worden gelezen ({exc.strerror or exc}). Sluit het in het "
            "programma dat het open heeft, of kopieer het eerst naar uw eigen schijf."
        ) from None
    return store_document(session, agenda_item_id, filename=source.name, content=content, title=title)


def list_stored_documents(session: Session, agenda_item_ids: list[uuid.UUID]) -> list[StoredDocumentInfo]:
    """The stored stukken of the items, in item and list order, without loading their bytes."""
    if not agenda_item_ids:
        return []
    rows = session.execute(
        select(
            StoredDocument.id,
            StoredDocument.agenda_item_id,
            StoredDocument.title,
            StoredDocument.filename,
            StoredDocument.media_type,
            StoredDocument.size,
            StoredDocument.sha256,
        )
        .where(StoredDocument.agenda_item_id.in_(agenda_item_ids))
        .order_by(StoredDocument.agenda_item_id, StoredDocument.position)
    ).all()
    return [StoredDocumentInfo(*row) for row in rows]


def stored_content(session: Session, document_id: uuid.UUID) -> StoredContent:
    """A stored stuk's bytes; refused when they no longer match the checksum kept with them."""
    row = session.execute(
        select(StoredDocument.filename, StoredDocument.media_type, StoredDocument.content, StoredDocument.sha256).where(
            StoredDocument.id == document_id
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError("Dit stuk bestaat niet (meer).")
    filename, media_type, content, checksum = row
    if hashlib.sha256(content or b"").hexdigest() != checksum:
        raise ValidationError(
            f"Het bewaarde stuk {filename} is beschadigd: de inhoud klopt niet meer met de controlesom. Zet een "
            "reservekopie terug (Bestand > Reservekopie terugzetten) of voeg het stuk opnieuw toe."
        )
    return StoredContent(filename, media_type, bytes(content))


def remove_stored_document(session: Session, document_id: uuid.UUID) -> Removed:
    """Remove a stored stuk; undo with ``restore_removed`` (the bytes come back with it)."""
    record = session.get(StoredDocument, document_id)
    if record is None:
        raise NotFoundError("Dit stuk bestaat niet (meer).")
    item = _item(session, record.agenda_item_id)
    row = snapshot(record)
    session.delete(record)
    session.flush()
    return Removed(MEETING_CHANGES | Changes(ids=frozenset({item.meeting_id, item.id})), rows=(row,))


def stored_documents_for_pack(
    session: Session, meeting_id: uuid.UUID, *, include_confidential: bool = False
) -> tuple[list[tuple[str, StoredContent]], int]:
    """The stored stukken of a meeting for its vergaderstukken: ``[(agenda number, content)]`` in agenda
    order, and how many were left out because their agenda item is vertrouwelijk (the one rule)."""
    scope = confidential_scope(session)
    rows = session.execute(
        select(StoredDocument.id, AgendaItem.id, AgendaItem.number)
        .join(AgendaItem, StoredDocument.agenda_item_id == AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, StoredDocument.position)
    ).all()
    result, left_out = [], 0
    for document_id, item_id, number in rows:
        if scope.agenda_item(item_id) and not include_confidential:
            left_out += 1
            continue
        result.append((number or "", stored_content(session, document_id)))
    return result, left_out


def linked_document_problem(location: str) -> str:
    """A Dutch message when a linked stuk cannot be opened because its file moved or was deleted; empty when
    it is there or is a web link (which the browser opens)."""
    text = (location or "").strip()
    if not text:
        return "Bij dit stuk staat geen vindplaats. Verwijder het en voeg het opnieuw toe met een bestand of link."
    if "://" in text and not text.lower().startswith("file://"):
        return ""
    path = Path(text.removeprefix("file://"))
    try:
        if path.is_file():
            return ""
    except OSError:
        pass
    return (
        f"Het gekoppelde stuk staat niet meer op {path}: het is verplaatst, hernoemd of verwijderd (of de "
        "schijf is niet bereikbaar). Koppel het opnieuw vanaf de nieuwe plek, of bewaar het in de database "
        "zodat het niet meer zoek kan raken."
    )
