"""Stukken kept with the meeting (issue #22): stored in the database with a checksum and an explained size limit,
or linked; opened from the app; in the vergaderstukken and the backups; a moved or deleted linked stuk gets a
clear Dutch message; vertrouwelijk by the one rule."""

from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from sqlalchemy import select, text
from test_ui_meeting_cycle import TODAY

from ghnt_desktop.db import open_database
from ghnt_desktop.exports.meeting_pack import make_meeting_pack
from ghnt_desktop.models import AgendaItem, Meeting, MeetingState, StoredDocument
from ghnt_desktop.services import NotFoundError, RefusedError, ValidationError
from ghnt_desktop.services import documents as docs
from ghnt_desktop.services import stored_documents as sd
from ghnt_desktop.services.meetings import restore_removed
from ghnt_desktop.settings import Settings
from ghnt_desktop.ui.mainwindow import MainWindow

ARTIFACTS = Path(__file__).parent / "artifacts"
PDF = b"%PDF-1.4\n% een stuk\n" + bytes(range(256)) * 40


@pytest.fixture(scope="module")
def demo_file(demo_database) -> Path:
    return demo_database(TODAY)


@pytest.fixture
def db(tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    database = open_database(path)
    yield database
    database.close()


def _planned_item(session, *, confidential: bool = False) -> AgendaItem:
    meeting = session.scalars(
        select(Meeting)
        .where(Meeting.state == MeetingState.PLANNED, Meeting.series_id.is_not(None))
        .order_by(Meeting.date)
    ).first()
    items = [i for i in meeting.agenda_items if i.standard_item is None]
    item = items[0]
    item.confidential = confidential
    return item


def test_store_read_back_and_remove_with_undo(db):
    with db.session() as s:
        item = _planned_item(s)
        created = sd.store_document(s, item.id, filename="Notitie MDA++.pdf", content=PDF, title="Notitie MDA++")
        item_id = item.id
    with db.session() as s:
        [info] = sd.list_stored_documents(s, [item_id])
        assert (info.title, info.filename, info.media_type, info.size) == (
            "Notitie MDA++",
            "Notitie MDA++.pdf",
            "application/pdf",
            len(PDF),
        )
        assert sd.stored_content(s, created.id).content == PDF
        removed = sd.remove_stored_document(s, created.id)
        assert sd.list_stored_documents(s, [item_id]) == []
        restore_removed(s, removed)
        assert sd.stored_content(s, created.id).content == PDF  # the bytes came back with the undo


@pytest.mark.parametrize(
    ("filename", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\Mijn stuk.docx", "Mijn stuk.docx"),
        ("con:?*.pdf", "con.pdf"),
        ("", "stuk"),
        ("...", "stuk"),
    ],
)
def test_a_stored_name_never_leaves_its_folder(db, filename, stored):
    with db.session() as s:
        created = sd.store_document(s, _planned_item(s).id, filename=filename, content=b"inhoud")
        assert sd.stored_content(s, created.id).filename == stored


def test_the_size_limit_is_explained(db, tmp_path):
    with db.session() as s:
        item = _planned_item(s)
        with pytest.raises(ValidationError, match=r"25,0 MB.*Koppel het bestand"):
            sd.store_document(s, item.id, filename="video.mp4", content=b"\0" * (sd.MAX_STORED_BYTES + 1))
        with pytest.raises(ValidationError, match="leeg"):
            sd.store_document(s, item.id, filename="leeg.pdf", content=b"")
        big = tmp_path / "groot.mp4"
        with big.open("wb") as f:
            f.truncate(sd.MAX_STORED_BYTES + 10)
        with pytest.raises(ValidationError, match=r"groot\.mp4 is 25,0 MB"):
            sd.store_file(s, item.id, big)
        with pytest.raises(ValidationError, match="niet gevonden"):
            sd.store_file(s, item.id, tmp_path / "weg.pdf")
        exact = sd.store_document(s, item.id, filename="net.pdf", content=b"\1" * sd.MAX_STORED_BYTES)
        assert sd.stored_content(s, exact.id).content[:1] == b"\1"


def test_damaged_bytes_are_not_handed_out(db):
    with db.session() as s:
        created = sd.store_document(s, _planned_item(s).id, filename="a.pdf", content=PDF)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE stored_document SET content = :c"), {"c": b"anders"})
    with db.session() as s:
        with pytest.raises(ValidationError, match="beschadigd.*controlesom"):
            sd.stored_content(s, created.id)
        with pytest.raises(NotFoundError):
            sd.stored_content(s, created.id.__class__(int=1))


@settings(max_examples=30, deadline=None)
@given(content=st.binary(min_size=1, max_size=2000), title=st.text(max_size=40))
def test_any_bytes_come_back_as_stored(demo_file, tmp_path_factory, content, title):
    path = tmp_path_factory.mktemp("h") / "h.db"
    shutil.copy(demo_file, path)
    database = open_database(path)
    try:
        with database.session() as s:
            try:
                created = sd.store_document(s, _planned_item(s).id, filename="x.bin", content=content, title=title)
            except ValidationError:
                return  # a title that is not text (control characters only are cleaned, not refused)
            got = sd.stored_content(s, created.id)
            assert got.content == content
    finally:
        database.close()


def test_a_moved_linked_stuk_gets_a_dutch_message(tmp_path):
    there = tmp_path / "stuk.pdf"
    there.write_bytes(PDF)
    assert sd.linked_document_problem(str(there)) == ""
    assert sd.linked_document_problem("https://intranet.example.nl/stuk.pdf") == ""
    message = sd.linked_document_problem(str(tmp_path / "verplaatst.pdf"))
    assert "verplaatst, hernoemd of verwijderd" in message and "bewaar het in de database" in message
    assert "geen vindplaats" in sd.linked_document_problem("  ")
    assert sd.linked_document_problem(f"file://{there}") == ""


def test_stored_stukken_are_in_the_pack_and_the_agenda_but_not_when_confidential(db, tmp_path):
    with db.session() as s:
        item = _planned_item(s)
        meeting_id = item.meeting_id
        sd.store_document(s, item.id, filename="Notitie.pdf", content=PDF, title="Notitie MDA++")
        secret = [i for i in item.meeting.agenda_items if i.standard_item is None][1]
        secret.confidential = True
        sd.store_document(s, secret.id, filename="Geheim.pdf", content=b"%PDF geheim", title="Geheim stuk")
    with db.session() as s:
        agenda = docs.agenda_document(s, meeting_id)
        titles = [d for i in agenda.items for d in i.documents]
        assert "Notitie MDA++" in titles and "Geheim stuk" not in titles
    outcome = make_meeting_pack(db, meeting_id, tmp_path / "stukken.eml", pdf=False, today=TODAY)
    message = email.message_from_bytes((tmp_path / "stukken.eml").read_bytes(), policy=policy.default)
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attached["Notitie.pdf"] == PDF
    assert "Geheim.pdf" not in attached
    assert any("1 stuk bij vertrouwelijke agendapunten" in line for line in outcome.left_out)


def test_backups_carry_stored_stukken(db, tmp_path):
    from ghnt_desktop.backup import make_backup

    with db.session() as s:
        created = sd.store_document(s, _planned_item(s).id, filename="a.pdf", content=PDF)
    backup = make_backup(db.path)
    copy = open_database(Path(backup.path) if hasattr(backup, "path") else Path(backup), read_only=True)
    try:
        with copy.session() as s:
            assert sd.stored_content(s, created.id).content == PDF
    finally:
        copy.close()


def test_a_vastgesteld_verslag_takes_no_new_stukken(db):
    with db.session() as s:
        meeting = s.scalars(select(Meeting).where(Meeting.state == MeetingState.MINUTES_APPROVED)).first()
        with pytest.raises(RefusedError, match="vastgesteld"):
            sd.store_document(s, meeting.agenda_items[0].id, filename="a.pdf", content=PDF)


# -- the agenda tab ------------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, demo_file):
    path = tmp_path / "regio.db"
    shutil.copy(demo_file, path)
    win = MainWindow(Settings.at_path(tmp_path / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_database_file(path)
    win.show_page("meetings")
    yield win
    if win.database is not None:
        win.database.close()


def test_agenda_tab_stores_opens_and_removes_a_stuk(window, qtbot, tmp_path, monkeypatch, messages):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    with window.database.session() as s:
        item = _planned_item(s)
        meeting_id, item_id = item.meeting_id, item.id
    page = window.page("meetings")
    assert page.select_meeting(meeting_id)
    view = page.meeting
    view.tabs.setCurrentWidget(view.agenda)
    view.agenda.select_item(item_id)
    source = tmp_path / "Notitie MDA++.pdf"
    source.write_bytes(PDF)

    assert view.agenda.store_document_file("Notitie MDA++", str(source))
    source.unlink()  # stored: the original may go
    texts = [view.agenda.documents.item(i).text() for i in range(view.agenda.documents.count())]
    stored_row = next(i for i, t in enumerate(texts) if "(bewaard, " in t)
    view.agenda.documents.setCurrentRow(stored_row)
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "agenda_stored_stuk.png"))
    assert view.agenda.open_document()
    assert Path(opened[-1]).read_bytes() == PDF and Path(opened[-1]).name == "Notitie MDA++.pdf"

    # A linked stuk whose file was moved: a Dutch message, nothing opened.
    gone = tmp_path / "weg.docx"
    assert view.agenda.add_document_values("Oude notitie", str(gone))
    view.agenda.select_item(item_id)
    link_row = next(
        i
        for i in range(view.agenda.documents.count())
        if view.agenda.documents.item(i).text().startswith("Oude notitie")
    )
    view.agenda.documents.setCurrentRow(link_row)
    count = len(opened)
    assert not view.agenda.open_document()
    assert len(opened) == count and messages and "verplaatst" in messages[-1]

    # Removing the stored stuk is one undo step; undo brings the bytes back.
    texts = [view.agenda.documents.item(i).text() for i in range(view.agenda.documents.count())]
    view.agenda.documents.setCurrentRow(next(i for i, t in enumerate(texts) if "(bewaard, " in t))
    view.agenda.remove_document()
    with window.database.session() as s:
        assert s.scalars(select(StoredDocument).where(StoredDocument.agenda_item_id == item_id)).all() == []
    window.undo_stack.undo()
    with window.database.session() as s:
        [back] = sd.list_stored_documents(s, [item_id])
        assert sd.stored_content(s, back.id).content == PDF


def test_the_dialog_offers_storing_only_for_a_file_here(qtbot, tmp_path):
    from ghnt_desktop.ui.meeting.dialogs import DocumentDialog

    dialog = DocumentDialog(None)
    qtbot.addWidget(dialog)
    file = tmp_path / "stuk.pdf"
    file.write_bytes(PDF)
    dialog.location_edit.setText(str(file))
    assert dialog.store_check.isEnabled()
    dialog.store_check.setChecked(True)
    assert dialog.store()
    dialog.location_edit.setText("https://intranet.example.nl/stuk.pdf")
    assert not dialog.store_check.isEnabled() and not dialog.store()
    assert "25,0 MB" in dialog.store_check.toolTip()
    assert Qt  # keyboard: the check box is reachable by Tab like the other fields
