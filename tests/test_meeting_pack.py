"""Vergaderstukken: the meeting pack as an e-mail draft (.eml), read back with the ``email`` package.

The demo's afstemmingsoverleg gets a vertrouwelijk agenda item (sentinels in its title, minutes, decision,
action and a guest with an e-mail address) both on the meeting and on the previous meeting of the series;
a public control sentinel shows the check can see text at all. Every attachment (PDF through pdftotext,
Word unzipped, the .ics) is searched for the sentinels; the addressees, subject, attachment names, types
and sizes and the X-Unsent header are checked, with and without LibreOffice.
"""

from __future__ import annotations

import email
import io
import shutil
import subprocess
import uuid
import zipfile
from datetime import date
from email import policy
from pathlib import Path

import pytest
from sqlalchemy import select

from ghnt_desktop.db import open_database
from ghnt_desktop.exports import pdf
from ghnt_desktop.exports.jobs import EXPECTED_ERRORS, ExportCancelled
from ghnt_desktop.exports.meeting_pack import make_meeting_pack
from ghnt_desktop.models import Attendance, Meeting, MeetingSeries, MeetingState, Person
from ghnt_desktop.services import agenda, meetings, minutes

pytest.importorskip("ghnt_desktop.demo")

TODAY = date(2020, 11, 1)
SECRET = {
    "title": "zqpacktitlexq",
    "minutes": "zqpackminutesxq",
    "decision": "zqpackdecisionxq",
    "action": "zqpackactionxq",
    "next": "zqpacknextitemxq",
}
CONTROL = "zqpackcontrolxq"
NO_ADDRESS = "Zonder Adres Jansen"


def _previous_and_next(session) -> tuple[uuid.UUID, uuid.UUID]:
    """A held meeting and the next planned meeting of the same series."""
    for series in session.scalars(select(MeetingSeries).order_by(MeetingSeries.name)):
        held = session.scalars(
            select(Meeting)
            .where(Meeting.series_id == series.id, Meeting.state == MeetingState.HELD)
            .order_by(Meeting.date.desc())
        ).first()
        if held is None:
            continue
        coming = session.scalars(
            select(Meeting)
            .where(Meeting.series_id == series.id, Meeting.date > held.date, Meeting.state == MeetingState.PLANNED)
            .order_by(Meeting.date)
        ).first()
        if coming is not None:
            return held.id, coming.id
    pytest.fail("the demo has a series with a held and a planned meeting")


@pytest.fixture(scope="module")
def prepared(demo_database, tmp_path_factory):
    path = demo_database(TODAY)
    database = open_database(path)
    with database.session() as session:
        previous, meeting = _previous_and_next(session)
        invited = set(session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting)))
        outsider = session.scalars(
            select(Person).where(Person.email != "", Person.id.not_in([p for p in invited if p])).order_by(Person.name)
        ).first()
        assert outsider is not None
        # The previous meeting: a vertrouwelijk item with minutes, a decision and an open action.
        item = agenda.add_agenda_item(session, previous, f"Casus {SECRET['title']}", confidential=True).id
        minutes.set_minutes_text(session, item, f"Besproken {SECRET['minutes']}")
        minutes.add_decision(session, item, f"Besluit {SECRET['decision']}")
        minutes.add_action_item(session, item, f"Actie {SECRET['action']}", trekker_text="Projectleider")
        public = agenda.add_agenda_item(session, previous, f"Openbaar {CONTROL}").id
        minutes.set_minutes_text(session, public, f"Openbare notulen {CONTROL}")
        # The meeting itself: a vertrouwelijk item with a guest who has an e-mail address.
        secret_item = agenda.add_agenda_item(session, meeting, f"Casus {SECRET['next']}", confidential=True).id
        agenda.add_guest(session, secret_item, person_id=outsider.id)
        meetings.add_attendee(session, meeting, name=NO_ADDRESS)
        outsider_email = outsider.email
    database.close()
    return path, meeting, previous, outsider_email


@pytest.fixture
def pack_db(prepared):
    path, meeting, previous, outsider_email = prepared
    database = open_database(path, read_only=True, create=False)
    yield database, meeting, previous, outsider_email
    database.close()


def _read(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def _attachment_text(part) -> str:
    data = part.get_payload(decode=True)
    name = part.get_filename()
    if name.endswith(".pdf"):
        with io.BytesIO(data) as _:
            pass
        result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return result.stdout.decode("utf-8", "replace")
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(
                archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml")
            )
    return data.decode("utf-8", "replace")


def _check_pack(path: Path, outcome, outsider_email: str, suffix: str, expected_type: str) -> None:
    message = _read(path)
    assert message["X-Unsent"] == "1"
    assert message["Subject"].startswith("Vergaderstukken ")
    addressees = [a.addr_spec for a in message["To"].addresses]
    if message["Cc"]:
        addressees += [a.addr_spec for a in message["Cc"].addresses]
    assert addressees and all("@" in a for a in addressees)
    assert sorted(addressees) == sorted(outcome.recipients)
    assert outsider_email not in addressees, "the guest of a vertrouwelijk item must not be addressed"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert NO_ADDRESS in body, "an invitee without e-mail is listed by name"
    assert "vertrouwelijk" in body.lower() and "agendapunt" in body
    parts = list(message.iter_attachments())
    names = [part.get_filename() for part in parts]
    assert [n.split(" ")[0] for n in names] == ["Agenda", "Verslag", "Actielijst", "Uitnodiging"]
    assert all(n.endswith(suffix) for n in names[:3]) and names[3].endswith(".ics")
    assert [part.get_content_type() for part in parts[:3]] == [expected_type] * 3
    assert parts[3].get_content_type() == "text/calendar"
    assert all(len(part.get_payload(decode=True)) > 0 for part in parts)
    assert parts[3].get_payload(decode=True).startswith(b"BEGIN:VCALENDAR")
    texts = {part.get_filename(): _attachment_text(part) for part in parts}
    assert CONTROL in texts[names[1]], "the control sentinel is visible: the check can see text"
    for name, text in texts.items():
        for word in SECRET.values():
            assert word not in text, f"{word} leaked into {name}"
    for word in SECRET.values():
        assert word not in body


@pytest.mark.skipif(pdf.find_libreoffice() is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_pack_as_pdf_addresses_the_invitees_and_leaves_confidential_out(pack_db, tmp_path):
    database, meeting, _previous, outsider_email = pack_db
    out = tmp_path / "stukken.eml"
    progress: list[tuple[int, int]] = []
    outcome = make_meeting_pack(database, meeting, out, progress=lambda d, t: progress.append((d, t)), today=TODAY)
    assert outcome.as_pdf and outcome.pdf_note == "" and outcome.pdf_seconds
    assert progress[-1][0] == progress[-1][1]
    _check_pack(out, outcome, outsider_email, ".pdf", "application/pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["stukken.eml"]


def test_pack_without_libreoffice_attaches_word_and_says_why(pack_db, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    database, meeting, _previous, outsider_email = pack_db
    out = tmp_path / "stukken.eml"
    outcome = make_meeting_pack(database, meeting, out, today=TODAY)
    assert not outcome.as_pdf and "Installeer LibreOffice" in outcome.pdf_note
    _check_pack(
        out, outcome, outsider_email, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "Installeer LibreOffice" in _read(out).get_body(preferencelist=("plain",)).get_content()
    # Demanding PDF without LibreOffice: the Dutch message and nothing written.
    again = tmp_path / "again.eml"
    with pytest.raises(pdf.LibreOfficeMissing):
        make_meeting_pack(database, meeting, again, pdf=True)
    assert not again.exists()


def test_pack_cancel_writes_nothing(pack_db, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)
    database, meeting, _previous, _email = pack_db
    out = tmp_path / "stukken.eml"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 4

    with pytest.raises(ExportCancelled):
        make_meeting_pack(database, meeting, out, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_pack_refuses_what_it_cannot_make(pack_db, tmp_path):
    database, meeting, _previous, _email = pack_db
    with pytest.raises(EXPECTED_ERRORS, match=".eml"):
        make_meeting_pack(database, meeting, tmp_path / "stukken.docx", pdf=False)
    with pytest.raises(EXPECTED_ERRORS, match="bestaat niet"):
        make_meeting_pack(database, uuid.uuid4(), tmp_path / "stukken.eml", pdf=False)
    assert list(tmp_path.iterdir()) == []
    disguised = tmp_path / "backup.eml"  # a database under a mail name is never overwritten
    shutil.copyfile(database.path, disguised)
    before = disguised.read_bytes()
    with pytest.raises(EXPECTED_ERRORS, match="database"):
        make_meeting_pack(database, meeting, disguised, pdf=False)
    assert disguised.read_bytes() == before


def test_command_line_writes_the_draft(prepared, tmp_path, monkeypatch, capsys):
    from ghnt_desktop.cli import main

    monkeypatch.setattr(pdf, "find_libreoffice", lambda: None)  # fast: Word attachments
    path, meeting, _previous, _email = prepared
    out = tmp_path / "stukken.eml"
    assert main(["export", "vergaderstukken", "--meeting", str(meeting), "--db", str(path), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Opgeslagen" in said and NO_ADDRESS in said and "Vertrouwelijk weggelaten" in said
    assert _read(out)["X-Unsent"] == "1"
    assert main(["export", "vergaderstukken", "--db", str(path), "--out", str(tmp_path / "x.eml")]) == 2
    assert "--meeting" in capsys.readouterr().out
    assert (
        main(["export", "agenda", "--meeting", str(meeting), "--db", str(path), "--out", str(tmp_path / "a.eml")]) == 2
    )
    assert (
        main(
            [
                "export",
                "vergaderstukken",
                "--meeting",
                str(meeting),
                "--db",
                str(path),
                "--out",
                str(tmp_path / "a.docx"),
            ]
        )
        == 2
    )
    assert not (tmp_path / "a.eml").exists() and not (tmp_path / "a.docx").exists()


def test_command_line_refuses_confidential_content_in_the_pack(prepared, tmp_path, capsys):
    from ghnt_desktop.cli import main

    path, meeting, _previous, _email = prepared
    out = tmp_path / "stukken.eml"
    args = ["export", "vergaderstukken", "--meeting", str(meeting), "--db", str(path), "--out", str(out)]
    assert main([*args, "--include-confidential"]) == 2
    assert "nooit vertrouwelijke" in capsys.readouterr().out
    assert not out.exists()
