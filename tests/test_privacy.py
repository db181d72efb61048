"""The privacy guard warns on what looks like case data and stays quiet on what minutes normally hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ghnt_desktop.privacy import describe, elfproef, find_case_data

# (text, kinds that must be found)
POSITIVES = [
    ("BSN van de cliënt is 111222333.", {"bsn"}),
    ("bsn 1234.56.782 genoteerd", {"bsn"}),
    ("Nummer 123 456 782 doorgegeven aan VT", {"bsn"}),
    ("Het kind is geboren op 12-03-2015 en woont bij moeder.", {"geboortedatum"}),
    ("geb. 3 maart 2012", {"geboortedatum"}),
    ("Geboortedatum: 01/02/2009", {"geboortedatum"}),
    ("Melding over het gezin aan de Hoofdstraat 12.", {"adres"}),
    ("Woont aan de Kerklaan 3a in Veendam", {"adres"}),
    ("Adres: Vondelweg 114-2", {"adres"}),
    ("postcode 9711 AB", {"adres"}),
    ("Moeder Fatima is opnieuw in beeld bij Veilig Thuis.", {"naam"}),
    ("Cliënt Jansen heeft een huisverbod.", {"naam"}),
    ("Gesprek met mevrouw De Vries over de kinderen", {"naam"}),
    ("dhr. Bakker is de pleger", {"naam"}),
    ("Het slachtoffer Anna van Dijk is opgevangen.", {"naam"}),
    ("Zoon Mohammed (8) gaat niet naar school", {"naam"}),
    ("Vader Pieter, geb. 5-6-1980, Dorpsstraat 8", {"naam", "geboortedatum", "adres"}),
]

NEGATIVES = [
    "Het afstemmingsoverleg van 12-03-2026 besprak de voortgang.",
    "Besluit AO-2026-3-02: de werkgroep wordt opgericht.",
    "Bel Veilig Thuis op 0800-2000 of het secretariaat op 050-3674444.",
    "Telefoon gemeente: 14 050. Fax 050 367 4400.",
    "Actie AO-2020-2-A03 is doorgeschoven naar Q2 2021.",
    "De opvang van moeder en kind is uitgebreid met 12 plaatsen.",
    "Moeder Veilig Thuis-regio's: alle gemeenten doen mee.",
    "Kind in beeld: de aanpak is vastgesteld in het regionaal actieprogramma 2019-2022.",
    "Budget 2021: € 125.000 voor de aanpak kindermishandeling.",
    "De meldcode wordt in 2023 geëvalueerd; zie paragraaf 3.1, blz. 25.",
    "Ouder- en kindteams, jeugdzorg en de Raad voor de Kinderbescherming sluiten aan.",
    "Gezin De aanpak werkt.",
    "Vergadering op 9 juni 2022 van 13.30 tot 15.30 uur in het stadhuis.",
    "Kamer 2.14, Gebouw Noord, 4e verdieping.",
    "Het project kreeg 987654321 stemmen",  # nine digits that fail the elfproef
    "Kenmerk 2020/123456789-GHNT",
    "Het aantal meldingen steeg van 1.620 naar 1.804 (StatLine 84852NED).",
]


@pytest.mark.parametrize(("text", "kinds"), POSITIVES)
def test_case_data_is_found(text, kinds):
    found = {f.kind for f in find_case_data(text)}
    assert kinds <= found, (text, found)
    message = describe(find_case_data(text))
    assert "cliëntgegevens" in message and "vertrouwelijk" in message


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_minutes_raise_no_warning(text):
    assert find_case_data(text) == [], text


def test_elfproef():
    assert elfproef("111222333") and elfproef("123456782")
    assert not elfproef("123456789") and not elfproef("000000000") and not elfproef("12345678")


@given(st.text(max_size=300))
def test_never_raises(text):
    for finding in find_case_data(text):
        assert finding.text and finding.label


@given(st.integers(min_value=0, max_value=99_999_999))
def test_every_valid_bsn_is_found(eight):
    digits = f"{eight:08d}"
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    if last > 9 or digits + str(last) == "000000000":
        return
    bsn = digits + str(last)
    assert any(f.kind == "bsn" for f in find_case_data(f"Het BSN is {bsn} volgens het dossier."))


def test_exports_warn_on_case_data_and_stay_quiet_otherwise(demo_database, tmp_path):
    import shutil
    from datetime import date

    from sqlalchemy import select

    from ghnt_desktop.db import open_database
    from ghnt_desktop.exports.jobs import ExportRequest, run_export
    from ghnt_desktop.models import AgendaItem, Meeting, MeetingState
    from ghnt_desktop.services import ValidationError, minutes

    path = tmp_path / "demo.db"
    shutil.copy(demo_database(date(2020, 11, 1)), path)
    database = open_database(path)
    try:
        with database.session() as session:
            meeting_id, item_id = session.execute(
                select(Meeting.id, AgendaItem.id)
                .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                .where(Meeting.state == MeetingState.PLANNED, AgendaItem.confidential.is_(False))
                .limit(1)
            ).one()
        clean = run_export(database, ExportRequest("agenda", tmp_path / "a.docx", meeting_id=meeting_id))
        assert clean.privacy == ""  # the demo's own texts are what they should be
        # Nothing recorded yet for this planned meeting: no empty conceptverslag, a Dutch message instead (#22).
        with pytest.raises(ValidationError, match="nog niet gehouden"):
            run_export(database, ExportRequest("verslag", tmp_path / "v.docx", meeting_id=meeting_id))
        with database.session() as session:
            minutes.set_minutes_text(session, item_id, "Casus: cliënt Jansen, BSN 111222333, Dorpsstraat 8.")
        warned = run_export(database, ExportRequest("verslag", tmp_path / "v2.docx", meeting_id=meeting_id))
        assert "BSN" in warned.privacy and "Jansen" in warned.privacy and "Dorpsstraat 8" in warned.privacy
        assert warned.path.exists()  # a warning, never a block
    finally:
        database.close()
