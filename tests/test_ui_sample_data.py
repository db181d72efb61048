"""A small demo-like database for the GUI and read-service tests, and checks that it is what they expect.

Real organisation names from the seeds, invented people. Dates are relative to ``TODAY`` so late actions
and the next meeting are predictable; ``TODAY`` is passed to the code under test, never read from the clock.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from ghnt_desktop.db import Database, open_database
from ghnt_desktop.models import (
    ActionItem,
    ActionKind,
    ActionStatus,
    Ambition,
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingState,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
    ProgrammeAction,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    WorkingGroup,
    WorkingGroupMember,
)

TODAY = date(2024, 6, 1)


def fill_sample(session) -> None:
    """Add a programme, network, meetings and action items to an empty database."""
    gem = Organisation(name="Gemeente Groningen", kind=OrganisationKind.GEMEENTE, abbreviation="GG")
    vt = Organisation(name="Veilig Thuis Groningen", kind=OrganisationKind.KETENPARTNER, abbreviation="VT")
    pol = Organisation(name="Politie Noord-Nederland", kind=OrganisationKind.POLITIE_JUSTITIE)
    ggd = Organisation(name="GGD Groningen", kind=OrganisationKind.ZORG)
    anna = Person(name="Anna de Vries", organisation=gem, function="Projectleider GHNT", email="anna@example.nl")
    bram = Person(
        name="Bram Smit",
        organisation=gem,
        function="Beleidsmedewerker",
        email="bram@example.nl",
        active_from=date(2020, 1, 1),
        active_until=date(2023, 12, 31),
    )
    carla = Person(name="Carla Bakker", organisation=gem, function="Beleidsmedewerker", active_from=date(2024, 1, 1))
    bram.successor = carla
    dirk = Person(name="Dirk Mulder", organisation=vt, function="Manager", email="dirk@example.nl")
    eva = Person(name="Eva 🌷 Jansen", organisation=pol, function="Teamchef ‫שלום‬")

    programme = Programme(region="Groningen", title="Actieprogramma GHNT", period_start=2019, period_end=2022)
    visie = Section(programme=programme, title="Visie", kind=SectionKind.VISIE, position=0, code="V")
    line1 = Section(programme=programme, title="Eerder en beter in beeld", position=1, code="1", national_line=1)
    line2 = Section(programme=programme, title="Stoppen en duurzaam oplossen", position=2, code="2", national_line=2)
    amb_v = Ambition(section=visie, code="V1", text="Een gedeelde visie op huiselijk geweld", position=0)
    amb_1 = Ambition(
        section=line1,
        code="E1",
        text="Professionals signaleren eerder\nen bespreken het met het gezin",
        position=0,
        reference="Zie paragraaf 3.1, blz. 25",
    )
    amb_2 = Ambition(section=line2, code="S1", text="MDA++ in de hele regio", position=0)
    for ambition, responsible, trekker in (
        (amb_v, ["Alle gemeenten"], ["Projectleider GHNT"]),
        (amb_1, ["Alle gemeenten", "Veilig Thuis"], ["Gemeente Groningen"]),
        (amb_2, ["Veilig Thuis", "Politie"], ["Veilig Thuis"]),
    ):
        for i, label in enumerate(responsible):
            ambition.responsibilities.append(
                Responsibility(role=ResponsibilityRole.RESPONSIBLE, label=label, position=i)
            )
        for i, label in enumerate(trekker):
            ambition.responsibilities.append(
                Responsibility(role=ResponsibilityRole.TREKKER, label=label, position=10 + i)
            )
    a_v1 = ProgrammeAction(ambition=amb_v, code="V1-1", text="Visie vaststellen", deadline_text="klaar: januari 2020")
    a_11 = ProgrammeAction(
        ambition=amb_1,
        code="E1-1",
        text="Training meldcode voor alle professionals",
        deadline_text="2019-2021",
        deadline_start=date(2019, 1, 1),
        deadline_end=date(2021, 12, 31),
        status=ActionStatus.IN_PROGRESS,
        position=0,
    )
    a_12 = ProgrammeAction(
        ambition=amb_1,
        code="E1-2",
        text="Werkgroep formeren voor ouderen",
        deadline_text="voor de zomervakantie",
        position=1,
        overrides_responsibility=True,
    )
    a_12.own_responsibilities.append(
        Responsibility(role=ResponsibilityRole.TREKKER, label="", organisation=ggd, position=0)
    )
    a_121 = ProgrammeAction(ambition=amb_1, parent=a_12, code="E1-2a", text="Leden werven", position=2)
    a_21 = ProgrammeAction(ambition=amb_2, code="S1-1", text="Pilot MDA++ evalueren", status=ActionStatus.DONE)

    wg1 = WorkingGroup(name="Werkgroep Ouderen", theme="Ouderenmishandeling", chair=anna)
    wg2 = WorkingGroup(name="Werkgroep MDA++", theme="Multidisciplinaire aanpak", chair=dirk)
    wg1.members.extend(
        [
            WorkingGroupMember(person=anna, organisation=gem, start=date(2020, 1, 1)),
            WorkingGroupMember(person=dirk, organisation=vt, start=date(2020, 1, 1)),
            WorkingGroupMember(person=bram, organisation=gem, start=date(2020, 1, 1), end=date(2023, 12, 31)),
        ]
    )
    wg2.members.append(WorkingGroupMember(person=dirk, organisation=vt))

    series = MeetingSeries(name="Afstemmingsoverleg GHNT", code="AO", kind=MeetingKind.AFSTEMMINGSOVERLEG)
    tact = MeetingSeries(name="Tactisch overleg", code="TO", kind=MeetingKind.TACTISCH)
    meetings = []
    for n, (offset, state) in enumerate(
        [(-120, MeetingState.MINUTES_APPROVED), (-30, MeetingState.HELD), (14, MeetingState.PLANNED), (100, None)],
        start=1,
    ):
        meetings.append(
            Meeting(
                series=series,
                kind=MeetingKind.AFSTEMMINGSOVERLEG,
                title=f"Afstemmingsoverleg {n}",
                date=TODAY + timedelta(days=offset),
                number_in_year=n,
                start_time=time(13, 30),
                state=state or MeetingState.CONCEPT,
            )
        )
    meetings.append(
        Meeting(series=tact, kind=MeetingKind.TACTISCH, title="Tactisch overleg juni", date=TODAY + timedelta(days=7))
    )
    m1, m2 = meetings[0], meetings[1]
    items = [
        ActionItem(
            number="AO-2024-1-A01",
            text="Notitie meldcode opstellen",
            trekker_person=anna,
            deadline=TODAY - timedelta(days=20),
            status=ActionStatus.IN_PROGRESS,
            origin_meeting=m1,
            times_postponed=2,
        ),
        ActionItem(
            number="AO-2024-1-A02",
            text="Evaluatie pilot MDA++",
            trekker_organisation=vt,
            deadline=TODAY - timedelta(days=40),
            status=ActionStatus.DONE,
            origin_meeting=m1,
            programme_action=a_21,
        ),
        ActionItem(
            number="AO-2024-2-A01",
            text="Werkgroep ouderen formeren",
            trekker_text="Projectleider GHNT",
            deadline_text="Q3 2024",
            origin_meeting=m2,
            kind=ActionKind.TOEZEGGING,
            working_group=wg1,
        ),
        ActionItem(
            number="AO-2024-2-A02",
            text="Cijfers Veilig Thuis 📊 aanleveren " + "heel lang " * 30,
            trekker_organisation=vt,
            deadline=TODAY + timedelta(days=30),
            origin_meeting=m2,
        ),
        ActionItem(
            number="AO-2024-2-A03",
            text="Gesprek met politie over huisverboden",
            trekker_person=eva,
            deadline=TODAY - timedelta(days=1),
            status=ActionStatus.NOT_STARTED,
            origin_meeting=m2,
            times_postponed=1,
        ),
    ]
    session.add_all([gem, vt, pol, ggd, anna, bram, carla, dirk, eva, programme, wg1, wg2, series, tact])
    session.add_all(meetings + items + [a_v1, a_11, a_12, a_121])
    session.flush()
    wg1.section_id = line1.id  # the model has no relationship for it
    session.flush()


def build_sample_database(path: Path) -> Database:
    """Create a database at ``path`` holding the sample data; the caller closes it."""
    database = open_database(path)
    with database.session() as session:
        fill_sample(session)
    return database


def sample_window(qtbot, folder: Path, *, show: bool = False):
    """A main window on a new sample database in ``folder`` (its settings file there too), opened."""
    from ghnt_desktop.settings import Settings
    from ghnt_desktop.ui.mainwindow import MainWindow

    path = folder / "regio.db"
    build_sample_database(path).close()
    window = MainWindow(Settings.at_path(folder / "settings.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    if show:
        window.show()
    assert window.open_database_file(path)
    return window


def test_sample_database_has_what_the_ui_tests_need(tmp_path):
    from sqlalchemy import func, select

    database = build_sample_database(tmp_path / "sample.db")
    with database.session() as session:
        assert session.scalar(select(func.count(ActionItem.id))) == 5
        assert session.scalar(select(func.count(Meeting.id))) == 5
        assert session.scalar(select(func.count(ProgrammeAction.id))) == 5
    database.close()
