"""Deadline texts as secretaries and programme documents write them, each with the period it names.

Every row is read with one fixed reference date (the date the text was written: a meeting date or an import
date), so phrases without a year ("voor de zomer", "januari", "week 12") have one right answer: the next such
period from that date. Rows come from the seed documents, the JSON extracts in /work/shared/data and the
ways action lists write timing; the properties below test the classes of text, not only these rows.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghnt_desktop.deadlines import (
    MONTHS,
    ParsedDeadline,
    _parse,
    _scan,
    is_postponement,
    parse_deadline,
    parse_status,
    postponement_count,
)
from ghnt_desktop.models import ActionStatus

REF = date(2024, 5, 15)  # a wednesday in ISO week 20, after the spring holidays, before the summer
OPEN = "open"  # the end marker of a row whose work runs on (open_end, no end)


def day(y: int, m: int, d: int) -> tuple[date, date]:
    return date(y, m, d), date(y, m, d)


def months(y: int, m1: int, m2: int | None = None, y2: int | None = None) -> tuple[date, date]:
    y2, m2 = y2 or y, m2 or m1
    return date(y, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


def quarter(y: int, q: int) -> tuple[date, date]:
    return months(y, 3 * q - 2, 3 * q)


def year(y1: int, y2: int | None = None) -> tuple[date, date]:
    return date(y1, 1, 1), date(y2 or y1, 12, 31)


def days(a: date, b: date) -> tuple[date, date]:
    return a, b


def week(y: int, w: int) -> tuple[date, date]:
    monday = date.fromisocalendar(y, w, 1)
    return monday, monday + timedelta(days=6)


def from_(start: date) -> tuple[date, str]:
    return start, OPEN


NONE = (None, None)

TABLE: list[tuple[str, tuple]] = [
    # Dates, every way a day is written.
    ("15-03-2020", day(2020, 3, 15)),
    ("15-3-2020", day(2020, 3, 15)),
    ("1-4-2020", day(2020, 4, 1)),
    ("01/04/2020", day(2020, 4, 1)),
    ("15.03.2020", day(2020, 3, 15)),
    ("15-3-21", day(2021, 3, 15)),
    ("2020-03-15", day(2020, 3, 15)),
    ("15 maart 2020", day(2020, 3, 15)),
    ("15 mrt 2020", day(2020, 3, 15)),
    ("15 mrt. 2020", day(2020, 3, 15)),
    ("1 juli 2021", day(2021, 7, 1)),
    ("uiterlijk 1 juli 2021", day(2021, 7, 1)),
    ("vóór 1 september 2022", day(2022, 9, 1)),
    ("deadline: 30-06-2023", day(2023, 6, 30)),
    ("29-02-2024", day(2024, 2, 29)),
    ("week van 18 november 2019 (startbijeenkomst)", day(2019, 11, 18)),
    ("startbijeenkomst gepland op 30 maart (2020) – geannuleerd, wordt opnieuw gepland", day(2020, 3, 30)),
    ("Gereed op 12 februari 2020", day(2020, 2, 12)),
    # A day without a year: the next one from the reference (15 may 2024 itself still counts).
    ("uiterlijk 1 juli", day(2024, 7, 1)),
    ("1 maart", day(2025, 3, 1)),
    ("15 mei", day(2024, 5, 15)),
    ("14 mei", day(2025, 5, 14)),
    ("voor 1 oktober", day(2024, 10, 1)),
    ("15-3", day(2025, 3, 15)),
    ("1/7", day(2024, 7, 1)),
    ("voor 1/7", day(2024, 7, 1)),
    ("20-5", day(2024, 5, 20)),
    ("15-3 t/m 30-4", days(date(2025, 3, 15), date(2025, 4, 30))),
    ("do 23 mei", day(2024, 5, 23)),
    # Months.
    ("maart 2020", months(2020, 3)),
    ("mrt 2020", months(2020, 3)),
    ("Februari 2020", months(2020, 2)),
    ("februari 2023", months(2023, 2)),
    ("april (2020)", months(2020, 4)),
    ("sept. 2023", months(2023, 9)),
    ("sep 2023", months(2023, 9)),
    ("okt 2022", months(2022, 10)),
    ("dec. 2021", months(2021, 12)),
    ("klaar: januari 2020", months(2020, 1)),
    ("klaar: december 2019", months(2019, 12)),
    ("gereed in juni 2024", months(2024, 6)),
    ("2de bijeenkomst (rol van Veilig Thuis) gepland in maart (2020)", months(2020, 3)),
    ("regionaal actieplan vastgesteld maart 2023", months(2023, 3)),
    ("2020-03", months(2020, 3)),
    ("2020-11", months(2020, 11)),
    # Two-digit years: an apostrophe, or a spreadsheet's month format.
    ("juni '24", months(2024, 6)),
    ("maart '22", months(2022, 3)),
    ("sept. '23", months(2023, 9)),
    ("jan ’25", months(2025, 1)),
    ("mrt-21", months(2021, 3)),
    ("jan-22", months(2022, 1)),
    ("najaar '23", months(2023, 9, 11)),
    # Ranges of months.
    ("aug-sep 2019", months(2019, 8, 9)),
    ("augustus-september 2019", months(2019, 8, 9)),
    ("juni-december 2019", months(2019, 6, 12)),
    ("januari-maart 2020", months(2020, 1, 3)),
    ("november 2019 – november 2020", months(2019, 11, 11, 2020)),
    ("december 2018 – juli 2019", months(2018, 12, 7, 2019)),
    ("april 2019 – december 2019", months(2019, 4, 12)),
    ("nov-feb 2021", months(2020, 11, 2, 2021)),
    ("november 2020 - februari", months(2020, 11, 2, 2021)),
    ("mei/juni 2024", months(2024, 5, 6)),
    ("juni en juli 2024", months(2024, 6, 7)),
    ("15 maart t/m 30 april 2020", days(date(2020, 3, 15), date(2020, 4, 30))),
    ("aug-sep", months(2024, 8, 9)),
    ("nov-feb", months(2024, 11, 2, 2025)),
    # Quarters, year last and year first.
    ("Q1 2021", quarter(2021, 1)),
    ("Q2 2020", quarter(2020, 2)),
    ("q3 2022", quarter(2022, 3)),
    ("Q4-2023", quarter(2023, 4)),
    ("Q4/2023", quarter(2023, 4)),
    ("Q1 '21", quarter(2021, 1)),
    ("Q3 '24", quarter(2024, 3)),
    ("Q1'25", quarter(2025, 1)),
    ("2024-Q4", quarter(2024, 4)),
    ("2021 Q2", quarter(2021, 2)),
    ("2024Q1", quarter(2024, 1)),
    ("2023/Q3", quarter(2023, 3)),
    ("2e kwartaal 2020", quarter(2020, 2)),
    ("2de kwartaal 2021", quarter(2021, 2)),
    ("tweede kwartaal 2020", quarter(2020, 2)),
    ("eerste kwartaal 2018", quarter(2018, 1)),
    ("laatste kwartaal 2022", quarter(2022, 4)),
    ("4e kwartaal van 2023", quarter(2023, 4)),
    ("kwartaal 3 2021", quarter(2021, 3)),
    ("1e kw 2022", quarter(2022, 1)),
    ("kw1 2023", quarter(2023, 1)),
    ("KW 2 2023", quarter(2023, 2)),
    ("Q1/Q2 2021", months(2021, 1, 6)),
    ("Q4 2021 - Q1 2022", months(2021, 10, 3, 2022)),
    ("Fase 0: 1e kwartaal 2018", quarter(2018, 1)),
    ("Fase 1: 2e kwartaal 2018 t/m eind 2018", months(2018, 4, 12)),
    ("Q3", quarter(2024, 3)),
    ("Q2", quarter(2024, 2)),
    ("Q1", quarter(2025, 1)),
    ("Q3 volgend jaar", quarter(2025, 3)),
    ("dit kwartaal", quarter(2024, 2)),
    ("volgend kwartaal", quarter(2024, 3)),
    ("Q3 2019", quarter(2019, 3)),  # a written year wins over the reference
    # A part of a quarter: its first, middle or last month.
    ("eind Q2", months(2024, 6)),
    ("eind Q2 2025", months(2025, 6)),
    ("begin 3e kwartaal 2024", months(2024, 7)),
    ("medio Q4", months(2024, 11)),
    ("eind van het 2e kwartaal 2021", months(2021, 6)),
    # Halves.
    ("2022-H1", months(2022, 1, 6)),
    ("2022 H2", months(2022, 7, 12)),
    ("H1 2022", months(2022, 1, 6)),
    ("H2-2023", months(2023, 7, 12)),
    ("2de helft van 2019", months(2019, 7, 12)),
    ("eerste helft 2021", months(2021, 1, 6)),
    ("tweede halfjaar 2022", months(2022, 7, 12)),
    ("1e helft 2020", months(2020, 1, 6)),
    # Years and ranges of years.
    ("2020", year(2020)),
    ("in 2023", year(2023)),
    ("staat gepland in 2021", year(2021)),
    ("regionaal plan van aanpak wordt in 2023 ontwikkeld", year(2023)),
    ("2019-2021", year(2019, 2021)),
    ("2019 - 2022", year(2019, 2022)),
    ("2019/2020", year(2019, 2020)),
    ("2020-21", year(2020, 2021)),
    ("2023-'24", year(2023, 2024)),
    ("2019 t/m 2021", year(2019, 2021)),
    ("2019 tot en met 2022", year(2019, 2022)),
    ("Nieuwe actie in actieplan 2023-2026", year(2023, 2026)),
    # The Deventer and national programme's "periode" column, as written.
    ("2020-2023 (looptijd meerjarenbeleidsplan; geen actie-specifieke planning)", year(2020, 2023)),
    ("2018-2021 (programmaperiode; fase 2 uitvoering 2019-2021)", year(2018, 2021)),
    ("2019 - eerste kwartaal 2020 (rapportage aan college Q1 2020 volgens MJBP r. 831-833)", months(2019, 1, 3, 2020)),
    ("wetsvoorstel 2018; overig 2018-2021", year(2018, 2021)),
    ("uiterlijk eind mei 2018", days(date(2018, 5, 21), date(2018, 5, 31))),
    ("resultaten verkenning najaar 2018", months(2018, 9, 11)),
    ("rapportage eerste kwartaal 2020", quarter(2020, 1)),
    ("jaarlijks, 2020-2023", year(2020, 2023)),
    ("geld zorgcoördinatie 2018 en 2019", year(2018, 2019)),
    ("eind 2019 duidelijkheid over landelijk beleid verwacht", months(2019, 10, 12)),
    ("Het implementatieproject is eind 2018 afgerond", months(2018, 10, 12)),
    ("Voor de zomer 2018 Kernteam gereed", months(2018, 6)),
    # Parts of a year.
    ("begin 2021", months(2021, 1, 3)),
    ("eind 2020", months(2020, 10, 12)),
    ("uiterlijk eind 2020", months(2020, 10, 12)),
    ("medio 2022", months(2022, 6, 7)),
    ("halverwege 2021", months(2021, 6, 7)),
    ("half 2023", months(2023, 6, 7)),
    ("midden 2023", months(2023, 6, 7)),
    ("eind van 2022", months(2022, 10, 12)),
    ("Eind 2019", months(2019, 10, 12)),
    ("eind 2018 en begin 2019", months(2018, 10, 3, 2019)),
    ("pilot gestart in 2018; begin 2020 geëvalueerd", days(date(2018, 1, 1), date(2020, 3, 31))),
    ("eind dit jaar (2023) start regionaal actieprogramma", months(2023, 10, 12)),
    ("eind dit jaar", months(2024, 10, 12)),
    ("eind van het jaar", months(2024, 10, 12)),
    ("aan het eind van het jaar is deze werkwijze in alle wijken ingevoerd", months(2024, 10, 12)),
    ("begin volgend jaar", months(2025, 1, 3)),
    ("medio volgend jaar", months(2025, 6, 7)),
    ("halverwege het jaar", months(2024, 6, 7)),
    ("dit jaar", year(2024)),
    ("volgend jaar", year(2025)),
    ("krijgt mogelijk komend jaar een vervolg", year(2025)),
    # Parts of a month: thirds.
    ("begin maart 2020", days(date(2020, 3, 1), date(2020, 3, 10))),
    ("medio mei 2024", days(date(2024, 5, 11), date(2024, 5, 20))),
    ("eind maart 2020", days(date(2020, 3, 21), date(2020, 3, 31))),
    ("eind februari 2024", days(date(2024, 2, 21), date(2024, 2, 29))),
    ("half juni 2022", days(date(2022, 6, 11), date(2022, 6, 20))),
    ("uiterlijk eind april 2021", days(date(2021, 4, 21), date(2021, 4, 30))),
    ("medio mei", days(date(2024, 5, 11), date(2024, 5, 20))),
    ("eind juni", days(date(2024, 6, 21), date(2024, 6, 30))),
    ("begin januari", days(date(2025, 1, 1), date(2025, 1, 10))),
    ("eind van april", days(date(2025, 4, 21), date(2025, 4, 30))),
    ("begin mei", days(date(2025, 5, 1), date(2025, 5, 10))),
    # Seasons.
    ("najaar 2020", months(2020, 9, 11)),
    ("voorjaar 2021", months(2021, 3, 5)),
    ("zomer 2022", months(2022, 6, 8)),
    ("herfst 2023", months(2023, 9, 11)),
    ("lente 2024", months(2024, 3, 5)),
    ("In het voorjaar van 2020 worden de afspraken vastgesteld", months(2020, 3, 5)),
    ("komend najaar", months(2024, 9, 11)),
    ("dit najaar", months(2024, 9, 11)),
    ("volgend voorjaar", months(2025, 3, 5)),
    ("komende zomer", months(2024, 6, 8)),
    ("in het voorjaar", months(2024, 3, 5)),
    ("De Dynamische Leeragenda wordt in het voorjaar besproken en vastgesteld", months(2024, 3, 5)),
    ("najaar", months(2024, 9, 11)),
    # Holidays.
    ("voor de zomer 2020", months(2020, 6)),
    ("voor de zomer(vakantie) 2020", months(2020, 7)),
    ("voor de zomervakantie 2021", months(2021, 7)),
    ("Voor de zomer 2018", months(2018, 6)),
    ("na de zomervakantie 2021", months(2021, 9)),
    ("voor de zomer", months(2024, 6)),
    ("voor de zomervakantie", months(2024, 7)),
    ("voor de zomer vakantie", months(2024, 7)),
    ("na de zomervakantie", months(2024, 9)),
    ("na de zomer", months(2024, 9)),
    ("voor de kerst", months(2024, 12)),
    ("voor de kerstvakantie", months(2024, 12)),
    ("voor de herfstvakantie", months(2024, 10)),
    ("na de herfstvakantie", months(2024, 11)),
    ("voor de meivakantie", months(2025, 4)),
    ("voor de voorjaarsvakantie", months(2025, 2)),
    (
        "Verwachting is dat we voor de zomervakantie voorbereidingen treffen om na de zomervakantie te kunnen "
        "starten met de implementatie in Huizen.",
        months(2024, 7, 9),
    ),
    # Months without a year: the next one that has not ended.
    ("januari", months(2025, 1)),
    ("mei", months(2024, 5)),
    ("april", months(2025, 4)),
    ("december", months(2024, 12)),
    ("klaar: september", months(2024, 9)),
    ("maart volgend jaar", months(2025, 3)),
    ("deze maand", months(2024, 5)),
    ("volgende maand", months(2024, 6)),
    ("eind volgende maand", days(date(2024, 6, 21), date(2024, 6, 30))),
    # ISO weeks.
    ("week 12 2021", week(2021, 12)),
    ("wk 12 2021", week(2021, 12)),
    ("wk12-2021", week(2021, 12)),
    ("2021-W12", week(2021, 12)),
    ("week 53 2020", week(2020, 53)),
    ("week 12", week(2025, 12)),
    ("wk 25", week(2024, 25)),
    ("week 20", week(2024, 20)),
    ("deze week", week(2024, 20)),
    ("volgende week", week(2024, 21)),
    # Spans from the reference date.
    ("binnen twee weken", days(REF, date(2024, 5, 29))),
    ("binnen 2 weken", days(REF, date(2024, 5, 29))),
    ("binnen een maand", days(REF, date(2024, 6, 15))),
    ("binnen 10 dagen", days(REF, date(2024, 5, 25))),
    ("over drie maanden", days(REF, date(2024, 8, 15))),
    # School years: 1 august to 31 july.
    ("schooljaar 2023-2024", months(2023, 8, 7, 2024)),
    ("schooljaar 2024/2025", months(2024, 8, 7, 2025)),
    ("schooljaar 24/25", months(2024, 8, 7, 2025)),
    ("schooljaar 2023-'24", months(2023, 8, 7, 2024)),
    ("in het schooljaar 2022-2023", months(2022, 8, 7, 2023)),
    ("dit schooljaar", months(2023, 8, 7, 2024)),
    ("volgend schooljaar", months(2024, 8, 7, 2025)),
    ("het komende schooljaar", months(2024, 8, 7, 2025)),
    # Open ends: the start is known, the work runs on.
    ("vanaf 2019", from_(date(2019, 1, 1))),
    ("sinds 2022", from_(date(2022, 1, 1))),
    ("vanaf 2016", from_(date(2016, 1, 1))),
    ("vanaf september 2024", from_(date(2024, 9, 1))),
    ("per 1 januari 2025", from_(date(2025, 1, 1))),
    ("m.i.v. 1 januari 2025", from_(date(2025, 1, 1))),
    ("april 2019 – eind programma", from_(date(2019, 4, 1))),
    ("juli 2021 – eind programma", from_(date(2021, 7, 1))),
    ("april 2019 - einde looptijd", from_(date(2019, 4, 1))),
    ("2019 - doorlopend", from_(date(2019, 1, 1))),
    ("vanaf Q3", from_(date(2024, 7, 1))),
    ("vanaf Q3 2021", from_(date(2021, 7, 1))),
    ("gestart in 2018", from_(date(2018, 1, 1))),
    ("in de jaren na 2016", from_(date(2017, 1, 1))),
    ("doorlopend", (None, OPEN)),
    ("continu", (None, OPEN)),
    ("Doorlopend", (None, OPEN)),
    ("veiligheidsagenda 2019 en verder", from_(date(2019, 1, 1))),
    ("2019 - heden", from_(date(2019, 1, 1))),
    ("2019 e.v.", from_(date(2019, 1, 1))),
    ("vanaf 1 januari 2020 (inwerkingtreding WvGGZ)", from_(date(2020, 1, 1))),
    ("start najaar 2018 (planning r. 3702)", from_(date(2018, 9, 1))),
    ("pilot sinds medio 2019; maandelijks gemonitord", from_(date(2019, 6, 1))),
    # Open starts: only the end is known.
    ("tot de zomer", (None, date(2024, 6, 30))),
    ("tot de zomervakantie 2021", (None, date(2021, 7, 31))),
    ("tot en met de zomer", (None, date(2024, 8, 31))),
    ("loopt tot 2021", (None, date(2021, 12, 31))),
    ("tot eind 2021", (None, date(2021, 12, 31))),
    ("t/m juni 2022", (None, date(2022, 6, 30))),
    ("tot en met Q3 2023", (None, date(2023, 9, 30))),
    # No period: kept as text, with a message.
    ("", NONE),
    ("jaarlijks", NONE),
    ("per kwartaal", NONE),
    ("ondersteuningsbureau: één jaar", NONE),
    ("jaarlijks (Week tegen Kindermishandeling)", NONE),
    ("het hele jaar rond", NONE),
    ("Deze actie wordt jaarlijks herhaald.", NONE),
    ("Afgesproken is dat de klankbordgroep vier keer per jaar bij elkaar komt.", NONE),
    ("2-jarige pilot", NONE),
    ("norm: binnen 48 uur na politiemelding", NONE),
    ("norm: direct / uiterlijk binnen 24 uur", NONE),
    ("op korte termijn concreet voorstel aan de centrumgemeenten in VNG-verband", NONE),
    ("een aantal maanden na vertrek", NONE),
    ("max. anderhalf jaar na overdracht", NONE),
    ("binnen twee weken na ontvangst", NONE),
    ("de afgelopen jaren", NONE),
    ("eerstvolgend afstemmingsoverleg", NONE),
    ("z.s.m.", NONE),
    ("n.t.b.", NONE),
    ("nader te bepalen", NONE),
    ("in overleg", NONE),
    ("binnen 1-2 weken na de melding", NONE),
    ("3/4 van de gemeenten", NONE),
    ("1-2 x per jaar", NONE),
    ("volgende vergadering", NONE),
    ("per direct", NONE),
    ("31-02-2020", NONE),
    ("30-02-2021", NONE),
    ("32-01-2020", NONE),
    ("29-02-2021", NONE),
    ("week 54 2021", NONE),
    ("schooljaar 2023-2025", NONE),
]


def _expected(text: str, period: tuple) -> ParsedDeadline:
    start, end = period
    open_end = end == OPEN
    return ParsedDeadline(text, start, None if open_end else end, open_end=open_end)


@pytest.mark.parametrize(("text", "period"), TABLE, ids=[t[:40] for t, _ in TABLE])
def test_the_table(text: str, period: tuple) -> None:
    parsed = parse_deadline(text, reference=REF)
    expected = _expected(text, period)
    assert (parsed.start, parsed.end, parsed.open_end) == (expected.start, expected.end, expected.open_end)
    assert parsed.text == text
    understood = parsed.has_period or parsed.open_end or not text
    # A text read as no period says why and what to write; one that was understood has no message.
    assert bool(parsed.message) != understood
    if parsed.message:
        assert parsed.message.startswith(("Geen", "‘")) and "bewaard" in parsed.message


def test_the_table_is_large_and_varied() -> None:
    assert len(TABLE) >= 150
    assert len({t for t, _ in TABLE}) == len(TABLE), "a row is in the table twice"


def test_without_a_reference_a_yearless_text_has_no_period_and_says_so() -> None:
    for text in ("voor de zomer", "januari", "week 12", "eind dit jaar", "komend najaar", "binnen twee weken"):
        parsed = parse_deadline(text)
        assert not parsed.has_period, text
        assert "geen jaar" in parsed.message and "bijvoorbeeld" in parsed.message, text


def test_the_date_a_text_was_written_decides_which_summer() -> None:
    # Written before, during and after the summer: always the next one that has not passed.
    assert parse_deadline("voor de zomer", reference=date(2024, 6, 30)).start == date(2024, 6, 1)
    assert parse_deadline("voor de zomer", reference=date(2024, 7, 1)).start == date(2025, 6, 1)
    assert parse_deadline("na de zomervakantie", reference=date(2024, 10, 1)).start == date(2025, 9, 1)
    assert parse_deadline("komend najaar", reference=date(2024, 9, 15)).start == date(2025, 9, 1)
    assert parse_deadline("januari", reference=date(2024, 12, 20)).start == date(2025, 1, 1)
    assert parse_deadline("eind dit jaar", reference=date(2024, 12, 20)).end == date(2024, 12, 31)


# --- Properties -------------------------------------------------------------------------------------------

REFERENCES = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
YEARS = st.integers(min_value=1950, max_value=2150)
# Phrases about a period to come; the next such period never ends before the date they were written.
FORWARD = [
    "januari", "maart", "mei", "sept.", "december", "voor de zomer", "voor de zomervakantie", "na de zomer",
    "na de zomervakantie", "voor de kerst", "eind dit jaar", "begin volgend jaar", "eind van het jaar",
    "medio volgend jaar", "halverwege het jaar", "komend najaar", "volgend voorjaar", "najaar",
    "Q1", "Q3", "2e kwartaal", "dit kwartaal", "volgend kwartaal", "week 12", "wk 30", "deze week",
    "volgende week", "deze maand", "volgende maand", "eind volgende maand", "medio mei", "begin maart",
    "uiterlijk 1 juli", "1 maart", "binnen twee weken", "binnen 3 maanden", "dit jaar", "volgend jaar",
    "dit schooljaar", "volgend schooljaar", "aug-sep", "nov-feb", "vanaf Q3", "week 53",
]  # fmt: skip
STRICTLY_LATER = ["komend najaar", "volgend voorjaar", "begin volgend jaar", "volgend jaar", "volgende week"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(FORWARD), REFERENCES)
def test_relative_phrases_never_end_before_the_reference(text: str, reference: date) -> None:
    parsed = parse_deadline(text, reference=reference)
    if text == "week 53":  # not every year has one; when read, still the next one
        assert parsed.start is None or parsed.end >= reference
        return
    assert parsed.start is not None, (text, reference)
    assert parsed.end is None or parsed.end >= reference, (text, reference, parsed)
    if text in STRICTLY_LATER:
        assert parsed.start > reference, (text, reference, parsed)
    # ... and it is the NEXT one: it begins within a year ("volgend jaar": within two years).
    limit = timedelta(days=2 * 366 if re.search(r"volgend (school)?jaar", text) else 366)
    assert parsed.start <= reference + limit, (text, reference, parsed)


_MONTH_NAMES = sorted(MONTHS)
DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_MONTH_NAMES),
    YEARS,
    st.sampled_from(["{m} {y}", "{M} {y}", "{m}. {y}", "{m} ({y})", "{m} '{yy}", "klaar: {m} {y}", "{m} van {y}"]),
    st.one_of(st.none(), REFERENCES),
)
def test_any_month_and_year_round_trips(name: str, y: int, form: str, reference: date | None) -> None:
    if "'" in form and not 2000 <= y <= 2099:
        y = 2000 + y % 100
    text = form.format(m=name, M=name.upper(), y=y, yy=f"{y % 100:02d}")
    parsed = parse_deadline(text, reference=reference)
    month = MONTHS[name]
    assert (parsed.start, parsed.end) == months(y, month), text


@settings(max_examples=300, deadline=None)
@given(
    YEARS,
    st.integers(min_value=1, max_value=4),
    st.sampled_from(["Q{q} {y}", "{y}-Q{q}", "{y} Q{q}", "q{q}-{y}", "{q}e kwartaal {y}", "kw{q} {y}", "Q{q} '{yy}"]),
    st.one_of(st.none(), REFERENCES),
)
def test_any_quarter_round_trips(y: int, q: int, form: str, reference: date | None) -> None:
    if "'" in form and not 2000 <= y <= 2099:
        y = 2000 + y % 100
    text = form.format(q=q, y=y, yy=f"{y % 100:02d}")
    assert (parse_deadline(text, reference=reference).start, parse_deadline(text).end) == quarter(y, q), text


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_any_day_round_trips_and_any_iso_week_contains_it(d: date) -> None:
    dutch = DUTCH_MONTHS[d.month - 1]
    written = [f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day}-{d.month}-{d.year}", d.isoformat()]
    for text in [*written, f"{d.day} {dutch} {d.year}", f"uiterlijk {d.day}/{d.month}/{d.year}"]:
        assert (parse_deadline(text).start, parse_deadline(text).end) == (d, d), text
    iso_year, iso_week, _ = d.isocalendar()
    parsed = parse_deadline(f"week {iso_week} {iso_year}")
    assert parsed.start is not None and parsed.start <= d <= parsed.end and parsed.start.weekday() == 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([t for t, p in TABLE if re.search(r"(19|20)\d\d", t)]), REFERENCES)
def test_a_written_year_makes_the_reference_irrelevant(text: str, reference: date) -> None:
    # Rows that write their year give the same period whatever day they were read on ...
    expected = parse_deadline(text, reference=REF)
    assert (parse_deadline(text, reference=reference).start, parse_deadline(text, reference=reference).end) == (
        expected.start,
        expected.end,
    ), text


_FRAGMENTS = st.sampled_from(
    ["15", "-", "3", "2020", "'21", "maart", "mrt", "Q", "q4", "kwartaal", "2e", "H1", "voor de zomer", "na de",
     "zomervakantie", "eind", "begin", "medio", "halverwege", " ", "(", ")", "9999", "0", "31", "53", "aug", "helft",
     "vanaf", "tot", "t/m", "1899", "2199", "2200", "/", "week", "wk", "schooljaar", "dit", "volgend", "komend",
     "jaar", "maand", "binnen", "twee", "weken", "doorlopend", "eind programma", "najaar", "na", "'", "’", "."]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=80),
        st.lists(_FRAGMENTS, max_size=12).map("".join),
        st.lists(_FRAGMENTS, max_size=12).map(" ".join),
    ),
    st.one_of(st.none(), REFERENCES),
)
def test_any_text_parses_without_raising_into_an_ordered_period(text: str, reference: date | None) -> None:
    parsed = _parse(text, reference)  # the parser itself, not the safety net of parse_deadline
    assert parsed.text == text
    if parsed.start is not None and parsed.end is not None:
        assert parsed.start <= parsed.end, (text, reference, parsed)
    if parsed.open_end:
        assert parsed.end is None
    assert parse_deadline(text, reference=reference) == parsed


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(_FRAGMENTS, max_size=12).map(" ".join), st.sampled_from([t for t, _ in TABLE])))
def test_scanning_only_where_a_period_can_begin_finds_what_a_full_scan_finds(text: str) -> None:
    # _scan tries the joined regex only at candidate positions (for speed); a full scan must find no more.
    from ghnt_desktop.deadlines import _SCANNER, _normalise

    normalised = _normalise(text)
    full = [m.span() for m in _SCANNER.finditer(normalised)]
    fast = [(p.begin, p.finish) for p in _scan(normalised, REF)]
    assert set(fast) <= set(full)
    # Every full-scan match the fast scan skipped made no piece either.
    from ghnt_desktop.deadlines import _SCAN_META, _piece

    for m in _SCANNER.finditer(normalised):
        if m.span() in fast:
            continue
        kind, names = _SCAN_META[int(m.lastgroup[1:])]
        assert _piece(kind, {n: m.group(f) for n, f in names}, *m.span(), REF) is None, (text, m.group())


# --- Postponements -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Uitgesteld", 1),
        ("Doorgeschoven", 1),
        ("verplaatst naar Q3", 1),
        ("Doorgeschoven naar na de zomer", 1),
        ("uitgesteld (corona)", 1),
        ("uitstel tot mei", 1),
        ("2x uitgesteld", 2),
        ("2 x uitgesteld", 2),
        ("3× doorgeschoven", 3),
        ("twee keer doorgeschoven", 2),
        ("drie keer verplaatst", 3),
        ("tweemaal uitgesteld", 2),
        ("uitgesteld (2x)", 2),
        ("doorgeschoven: 3 keer", 3),
        ("voor de derde keer uitgesteld", 3),
        ("3e keer uitgesteld", 3),
        ("opnieuw uitgesteld", 2),
        ("nogmaals doorgeschoven, nu naar Q1", 2),
        ("Loopt; 2x uitgesteld wegens capaciteit", 2),
        ("Gereed, was eerder doorgeschoven", 1),
        ("niet uitgesteld", None),
        ("Gereed", None),
        ("in uitvoering", None),
        ("Aangehouden", None),
        ("", None),
    ],
)
def test_postponement_count(text: str, count: int | None) -> None:
    assert postponement_count(text) == count
    assert is_postponement(text) == (count is not None)


@pytest.mark.parametrize(
    "word", ["doorgeschoven", "uitgesteld", "verplaatst", "Doorgeschoven naar Q3", "2x uitgesteld"]
)
def test_a_postponement_keeps_the_action_open(word: str) -> None:
    status = parse_status(word)
    assert status is ActionStatus.IN_PROGRESS and not status.is_closed


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=20),
    st.sampled_from(["{n}x {w}", "{n} keer {w}", "{w} ({n}x)", "{w}: {n} keer", "Loopt, {n}x {w}"]),
    st.sampled_from(["uitgesteld", "doorgeschoven", "verplaatst"]),
)
def test_any_written_count_is_read(n: int, form: str, word: str) -> None:
    assert postponement_count(form.format(n=n, w=word)) == n


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_postponement_count_never_raises(text: str) -> None:
    count = postponement_count(text)
    assert count is None or 0 < count < 100
