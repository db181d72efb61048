"""Invented people and Dutch texts of the demo: agenda topics, minutes, decisions and action items.

Every person here is invented (names combined for the demo, e-mail on example.nl); organisations are
the real ones of the Groningen programme. Minutes speak about the network's work only, never about
clients or cases. Texts may use ``{year}``, ``{next_year}``, ``{prev_date}`` and ``{next_date}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import ActionKind, AgendaPurpose, MeetingKind

# Groningen municipalities beside the ones the programme names (the region after the 2019-2021
# mergers), so every municipality of the region can be invited and carry a local status.
EXTRA_GEMEENTEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Gemeente Eemsdelta", ("Eemsdelta",)),
    ("Gemeente Westerkwartier", ("Westerkwartier",)),
    ("Gemeente Oldambt", ("Oldambt",)),
    ("Gemeente Westerwolde", ("Westerwolde",)),
)
# Municipalities in the source that no longer exist, with the note the demo keeps for them.
FORMER_GEMEENTEN: dict[str, str] = {
    "Gemeente Delfzijl": "Per 1 januari 2021 opgegaan in de gemeente Eemsdelta.",
}


@dataclass(frozen=True)
class DemoPerson:
    """An invented professional: key used in this module, name, organisation (as in the data) and function."""

    key: str
    name: str
    organisation: str
    function: str
    # The key of the person who took over this seat; set on the one who left.
    successor: str | None = None


VT = "Veilig Thuis (Groningen)"
POLITIE = "Politie (eenheid Noord-Nederland)"
GRONINGEN = "Gemeente Groningen"

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson("wethouder_gr", "Marloes Dijkhuis", GRONINGEN, "wethouder Zorg en Welzijn (Wmo)"),
    DemoPerson("projectleider", "Ruben Hofstede", GRONINGEN, "projectleider Geweld hoort nergens thuis"),
    DemoPerson("secretaris", "Ineke Wolters", GRONINGEN, "secretaris GHNT, managementondersteuner"),
    DemoPerson("bm_gr", "Sanne Bosscher", GRONINGEN, "beleidsmedewerker huiselijk geweld en kindermishandeling"),
    DemoPerson("tl_gr", "Jeroen Kampstra", GRONINGEN, "teamleider Zorg en Veiligheid"),
    DemoPerson("comm_gr", "Noor Hazenberg", GRONINGEN, "communicatieadviseur"),
    DemoPerson("weth_veendam", "Anouk Meijerink", "Gemeente Veendam", "wethouder Jeugd en Onderwijs"),
    DemoPerson("bm_veendam", "Thijs Kloosterman", "Gemeente Veendam", "beleidsmedewerker jeugd (Veendam/Pekela)"),
    DemoPerson("bm_pekela", "Femke Oosterhuis", "Gemeente Pekela", "beleidsmedewerker Wmo en ouderen"),
    DemoPerson("weth_mg", "Gerrit Bolhuis", "Gemeente Midden-Groningen", "wethouder Sociaal Domein"),
    DemoPerson("bm_mg", "Lotte Scholtens", "Gemeente Midden-Groningen", "beleidsadviseur jeugd en veiligheid"),
    DemoPerson("bm_hogeland", "Wietske Venema", "Gemeente Het Hogeland", "beleidsmedewerker Wmo"),
    DemoPerson("bm_stadskanaal", "Bart Smidt", "Gemeente Stadskanaal", "beleidsmedewerker sociaal domein"),
    DemoPerson("bm_eemsdelta", "Karin Huizinga", "Gemeente Eemsdelta", "beleidsmedewerker jeugd"),
    DemoPerson("burg_wk", "Hendrik Zwiers", "Gemeente Westerkwartier", "burgemeester (openbare orde en veiligheid)"),
    DemoPerson("bm_wk", "Ilse de Groot", "Gemeente Westerkwartier", "adviseur openbare orde en veiligheid"),
    DemoPerson("bm_oldambt", "Jolanda Prins", "Gemeente Oldambt", "beleidsmedewerker Wmo"),
    DemoPerson("bm_westerwolde", "Mark Tuinstra", "Gemeente Westerwolde", "beleidsmedewerker jeugd en gezin"),
    # The Veilig Thuis seat changed hands: the demo shows a seat keeping its history.
    DemoPerson("vt_manager_oud", "Petra Hulshof", VT, "manager Veilig Thuis", successor="vt_manager"),
    DemoPerson("vt_manager", "Youssef el Idrissi", VT, "manager Veilig Thuis"),
    DemoPerson("vt_gedrag", "Esther Koopmans", VT, "gedragswetenschapper"),
    DemoPerson("jbn", "Hanneke Zuidema", "JB Noord", "regiomanager"),
    DemoPerson("politie", "Erik Boerema", POLITIE, "teamchef, portefeuillehouder huiselijk geweld"),
    DemoPerson("politie2", "Linda Wiersma", POLITIE, "senior medewerker zeden en huiselijk geweld"),
    DemoPerson(
        "egg",
        "Murat Yıldız",
        "Expertisecentrum EGG (Noordelijk Expertisecentrum, Politie Noord-Nederland)",
        "senior medewerker eergerelateerd geweld",
    ),
    DemoPerson("om", "Claudia van der Veen", "Openbaar Ministerie", "officier van justitie huiselijk geweld"),
    DemoPerson("kopland", "Maaike Reitsma", "Het Kopland", "manager vrouwenopvang"),
    DemoPerson("kopland2", "Fleur Dekker", "Het Kopland", "ambulant hulpverlener"),
    DemoPerson("ggz", "Dirk-Jan Kuipers", "GGZ / AFPN", "zorgmanager"),
    DemoPerson("ggd", "Annelies Mulder", "GGD Groningen", "jeugdarts, aandachtsfunctionaris kindermishandeling"),
    DemoPerson("avz", "Tom Hoogeveen", "Actiecentrum Veiligheid en Zorg", "procesregisseur"),
    DemoPerson("wij", "Sietske Bakker", "WIJ Groningen", "teamleider"),
    DemoPerson("wij2", "Rob Nijboer", "WIJ Groningen", "WIJ-werker, aandachtsfunctionaris"),
    DemoPerson("tinten", "Rianne Oost", "Tinten", "coördinator welzijn"),
    DemoPerson("reclassering", "Nicole Jansma", "Reclassering", "unitmanager"),
    DemoPerson("rvdk", "Gert-Jan Haan", "Raad voor de Kinderbescherming", "regiomanager"),
    DemoPerson("elker", "Marit Staal", "Elker", "manager behandeling"),
    DemoPerson("onderwijs", "Peter Groenveld", "Onderwijs (koepelorganisaties)", "coördinator samenwerkingsverband"),
    DemoPerson("rigg", "Yvonne de Boer", "RIGG", "contractmanager"),
    DemoPerson("verslaving", "Koen Siersema", "Verslavingszorg", "manager ambulante zorg"),
    DemoPerson("csg", "Iris Lammers", "Centrum voor Seksueel Geweld", "coördinator"),
    DemoPerson(
        "huisarts", "Wouter Brink", "Huisartsen en praktijkondersteuners", "huisarts, kaderarts huiselijk geweld"
    ),
    DemoPerson(
        "ouderen",
        "Gerda Vos",
        "Thuiszorg, maatschappelijk werk, ouderen(woon)voorzieningen, mantelzorg- en vrijwilligersorganisaties",
        "ouderenadviseur",
    ),
)

# A guest who joins one agenda item and is kept by name only (not as a person of the network).
GUEST_NAME = "Marijke Veldman"
GUEST_ORGANISATION = "Lectoraat Integrale Aanpak (Preventie) Kindermishandeling"


@dataclass(frozen=True)
class DemoWorkingGroup:
    """A werkgroep: its section (by code), the ambitions whose actions it carries, chair and members."""

    code: str  # series code of its overleg
    name: str
    section: str
    ambitions: tuple[str, ...]
    theme: str
    description: str
    chair: str
    members: tuple[str, ...]
    # (member who left, member who joined in that seat)
    change: tuple[str, str] | None = None
    months: tuple[int, ...] = (2, 5, 9, 11)
    weekday: int = 2  # Wednesday
    week: int = 1
    location: str = ""


WORKING_GROUPS: tuple[DemoWorkingGroup, ...] = (
    DemoWorkingGroup(
        "WGO",
        "Werkgroep Huiselijk geweld en ouderen",
        "A",
        ("A3",),
        "Ouderenmishandeling en financiële uitbuiting",
        "Verbindt de regionale route ouderenmishandeling met de lokale aanpak, verzamelt bestaande plannen "
        "en bereidt de publiekscampagne ouderenmishandeling voor.",
        "bm_pekela",
        ("bm_veendam", "vt_gedrag", "ouderen", "politie2", "bm_oldambt", "bm_stadskanaal"),
        change=("bm_stadskanaal", "bm_westerwolde"),
        months=(2, 5, 9, 11),
        weekday=2,
        week=1,
        location="Gemeentehuis Veendam",
    ),
    DemoWorkingGroup(
        "WGM",
        "Werkgroep MDA++",
        "S",
        ("S4",),
        "Multidisciplinaire aanpak van structureel en acuut onveilige huishoudens",
        "Borgt de MDA++-aanpak na de pilot: werkwijze, instroomcriteria, capaciteit en financiering.",
        "tl_gr",
        ("vt_manager_oud", "politie", "om", "jbn", "reclassering", "avz", "ggz"),
        change=("vt_manager_oud", "vt_manager"),
        months=(1, 3, 5, 6, 9, 11),
        weekday=2,
        week=3,
        location="Actiecentrum Veiligheid en Zorg, Groningen",
    ),
    DemoWorkingGroup(
        "WGS",
        "Werkgroep Complexe scheidingen",
        "A",
        ("A4",),
        "Samenhang en regie in de aanpak van complexe scheidingen",
        "Brengt het aanbod bij complexe scheidingen in kaart en werkt een regionale route uit.",
        "bm_mg",
        ("rvdk", "jbn", "wij2", "elker", "bm_eemsdelta"),
        months=(3, 6, 10),
        weekday=1,
        week=2,
        location="Gemeentehuis Midden-Groningen, Hoogezand",
    ),
    DemoWorkingGroup(
        "WGV",
        "Werkgroep Visie en deskundigheid",
        "V",
        ("V1",),
        "Visie, implementatieplan en deskundigheidsbevordering in de keten",
        "Legt de visie voor in de regio en stelt het implementatie-, opleidings- en borgingsplan op.",
        "wij",
        ("bm_gr", "ggd", "onderwijs", "huisarts", "bm_hogeland", "csg"),
        months=(1, 4, 9),
        weekday=3,
        week=2,
        location="WIJ Groningen, Groningen",
    ),
)


@dataclass(frozen=True)
class SeriesSpec:
    """A meeting series: schedule (months, n-th weekday), times, place, chair, secretary and invitees."""

    code: str
    name: str
    kind: MeetingKind
    months: tuple[int, ...]
    weekday: int
    week: int
    start: tuple[int, int]
    end: tuple[int, int]
    location: str
    online_link: str
    chair: str
    secretary: str
    invitees: tuple[str, ...]
    short_title: str


SERIES: tuple[SeriesSpec, ...] = (
    SeriesSpec(
        "BO",
        "Bestuurlijk overleg OGOO",
        MeetingKind.BESTUURLIJK,
        (4, 10),
        0,
        4,
        (16, 0),
        (17, 30),
        "Gemeentehuis Midden-Groningen, Hoogezand",
        "",
        "weth_mg",
        "secretaris",
        ("wethouder_gr", "weth_veendam", "burg_wk", "projectleider"),
        "Bestuurlijk overleg OGOO",
    ),
    SeriesSpec(
        "AO",
        "Afstemmingsoverleg GHNT regio Groningen",
        MeetingKind.AFSTEMMINGSOVERLEG,
        (3, 6, 9, 12),
        3,
        2,
        (13, 30),
        (15, 30),
        "Gemeentekantoor Groningen, vergaderzaal Martini",
        "https://vergaderen.example.nl/ghnt-afstemmingsoverleg",
        "wethouder_gr",
        "secretaris",
        (
            "projectleider",
            "weth_veendam",
            "burg_wk",
            "vt_manager",
            "jbn",
            "politie",
            "om",
            "kopland",
            "ggz",
            "ggd",
            "avz",
            "wij",
            "tinten",
            "reclassering",
            "rvdk",
            "elker",
            "onderwijs",
            "rigg",
            "verslaving",
        ),
        "Afstemmingsoverleg GHNT",
    ),
    SeriesSpec(
        "TO",
        "Tactisch overleg GHNT",
        MeetingKind.TACTISCH,
        (3, 6, 9, 12),
        1,
        1,
        (10, 0),
        (11, 30),
        "Online",
        "https://vergaderen.example.nl/ghnt-tactisch-overleg",
        "projectleider",
        "secretaris",
        (
            "bm_gr",
            "tl_gr",
            "bm_veendam",
            "bm_mg",
            "bm_hogeland",
            "bm_eemsdelta",
            "vt_manager",
            "politie2",
            "kopland",
            "wij",
            "jbn",
            "avz",
        ),
        "Tactisch overleg GHNT",
    ),
)


@dataclass(frozen=True)
class ActionTemplate:
    """An actiepunt or toezegging an agenda topic gives rise to."""

    text: str
    trekker: str  # person key, "org:<name>" or "text:<as written>"
    programme_action: str | None = None  # code of the programme action it serves
    kind: ActionKind = ActionKind.ACTIEPUNT
    confidential: bool = False
    deadline_text: str | None = None  # set: the deadline is only known as text
    fate: str | None = None  # a lifecycle the story needs ("in_progress"); else the builder's turn


@dataclass(frozen=True)
class Topic:
    """A content agenda item with its minutes and what it leads to."""

    key: str
    title: str
    purpose: AgendaPurpose
    inbrenger: str  # person key
    minutes: str
    decision: str = ""
    actions: tuple[ActionTemplate, ...] = ()
    documents: tuple[str, ...] = ()
    planned_minutes: int = 20
    confidential: bool = False
    guest: bool = False
    programme_actions: tuple[str, ...] = ()
    # Set on a decision that needs an administrative decision: escalated to the bestuurlijk overleg.
    escalation_outcome: str = ""


def _t(text: str, trekker: str, **kwargs) -> ActionTemplate:
    return ActionTemplate(text, trekker, **kwargs)


# Topics of the afstemmingsoverleg, two per meeting in this order (each once).
AO_TOPICS: tuple[Topic, ...] = (
    Topic(
        "lectoraat",
        "Presentatie lectoraat: monitoren van de effecten van het actieprogramma",
        AgendaPurpose.INFORMATIE,
        "projectleider",
        "Het lectoraat Integrale Aanpak Kindermishandeling licht de opzet van de monitor toe: een beperkte set "
        "indicatoren per actielijn, aansluitend bij de landelijke impactmonitor. De partners herkennen de "
        "behoefte aan cijfers per gemeente; de GGD wijst op de jeugdmonitor als bron. Afgesproken wordt dat de "
        "werkgroep Visie en deskundigheid de indicatoren voorbereidt.",
        actions=(
            _t("Voorstel voor een beperkte set indicatoren per actielijn voorbereiden", "wij", programme_action="X-19"),
        ),
        documents=("Presentatie monitor actieprogramma GHNT",),
        planned_minutes=30,
        guest=True,
        programme_actions=("X-19", "V1-2"),
    ),
    Topic(
        "kopland",
        "Capaciteit vrouwenopvang en doorstroom",
        AgendaPurpose.BESPREKING,
        "kopland",
        "Het Kopland schetst de bezetting van de opvang en de knelpunten in de doorstroom naar woonruimte. De "
        "lopende contractbespreking met de centrumgemeente wordt toegelicht. Afgesproken wordt de doorstroom "
        "met de woningcorporaties te agenderen. Dit punt blijft buiten het verslag dat breed wordt verspreid.",
        actions=(
            _t(
                "Gesprek organiseren met Het Kopland en de centrumgemeente over de capaciteit van de noodopvang",
                "wethouder_gr",
                confidential=True,
                programme_action="A1-2",
            ),
        ),
        documents=("Notitie capaciteit en doorstroom vrouwenopvang (vertrouwelijk)",),
        confidential=True,
        programme_actions=("A1-1", "A1-2"),
    ),
    Topic(
        "campagne",
        "Regionale publiekscampagne huiselijk geweld",
        AgendaPurpose.BESLUITVORMING,
        "comm_gr",
        "De communicatieadviseur presenteert het campagneplan: een gezamenlijke campagne in de Week tegen "
        "Kindermishandeling en een vervolg gericht op ouderen. Gemeenten kunnen lokaal aanhaken met eigen "
        "middelen. De partners vragen om heldere verwijzing naar Veilig Thuis in alle uitingen.",
        decision="Het afstemmingsoverleg stemt in met het campagneplan en de gezamenlijke inzet in de Week tegen "
        "Kindermishandeling.",
        actions=(
            _t(
                "Planning en middelen van de campagne afstemmen met de communicatieadviseurs van de gemeenten",
                "comm_gr",
                programme_action="E4-1",
                deadline_text="voor de zomer",
            ),
            _t(
                "Campagnemateriaal laten toetsen door ervaringsdeskundigen",
                "org:Veilig Thuis (Groningen)",
                programme_action="E4-1",
            ),
        ),
        documents=("Campagneplan huiselijk geweld regio Groningen",),
        programme_actions=("E4-1",),
    ),
    Topic(
        "samenwerkingsafspraken",
        "Samenwerkingsafspraken Veilig Thuis en lokale teams",
        AgendaPurpose.ADVISERING,
        "vt_manager",
        "Veilig Thuis licht het concept van de vernieuwde samenwerkingsafspraken toe: vaste contactpersonen, "
        "een warme overdracht binnen vijf werkdagen en gezamenlijke evaluatie per kwartaal. De lokale teams "
        "vragen aandacht voor de bereikbaarheid buiten kantoortijden. Het overleg adviseert positief met deze "
        "kanttekening.",
        decision="Het afstemmingsoverleg adviseert de gemeenten de samenwerkingsafspraken Veilig Thuis – lokale "
        "teams vast te stellen, met aanvulling over bereikbaarheid buiten kantoortijden.",
        actions=(
            _t(
                "Samenwerkingsafspraken aanvullen met afspraken over bereikbaarheid buiten kantoortijden",
                "vt_manager",
                programme_action="S1-4",
            ),
            _t(
                "Samenwerkingsafspraken voorleggen aan de colleges van de Groninger gemeenten",
                "text:Alle gemeenten",
                programme_action="S1-4",
            ),
        ),
        documents=("Concept samenwerkingsafspraken Veilig Thuis – lokale teams", "Advies tactisch overleg"),
        programme_actions=("S1-4", "S1-5"),
    ),
    Topic(
        "egg",
        "Aanpak eergerelateerd geweld: voorlichting aan professionals",
        AgendaPurpose.INFORMATIE,
        "egg",
        "Het Expertisecentrum EGG geeft een toelichting op de checklist en de route bij signalen van "
        "eergerelateerd geweld. Er is behoefte aan voorlichting voor wijkteams en onderwijs. De burgemeester "
        "zegt toe de aanpak in de driehoek te bespreken.",
        actions=(
            _t(
                "Voorlichtingsbijeenkomsten eergerelateerd geweld plannen voor wijkteams en onderwijs",
                "egg",
                programme_action="A2-5",
            ),
            _t(
                "Aanpak eergerelateerd geweld bespreken in de regionale driehoek en terugkoppelen",
                "burg_wk",
                kind=ActionKind.TOEZEGGING,
                programme_action="A2-5",
            ),
        ),
        documents=("Factsheet route eergerelateerd geweld",),
        programme_actions=("A2-3", "A2-5"),
    ),
    Topic(
        "wachttijden",
        "Wachttijden Veilig Thuis en versnelde triage",
        AgendaPurpose.BESPREKING,
        "vt_manager",
        "Veilig Thuis meldt dat de wachttijd voor onderzoeken is afgenomen, maar nog boven de norm ligt. De "
        "versnelde triage voor een deel van de meldingen wordt beproefd. De gemeenten vragen om een maandelijkse "
        "rapportage.",
        actions=(
            _t("Maandelijkse rapportage wachttijden aan de gemeenten sturen", "vt_manager", programme_action="X-03"),
        ),
        documents=("Kwartaalrapportage Veilig Thuis",),
        programme_actions=("S1-6", "X-03"),
    ),
    Topic(
        "sportclubs",
        "Meldcode in de sport: ervaringen met sportclubs",
        AgendaPurpose.INFORMATIE,
        "bm_gr",
        "De gemeente Groningen deelt de ervaringen met de aangepaste meldcode bij sportclubs. Trainers weten de "
        "route beter te vinden; kleine verenigingen zijn lastig te bereiken. Andere gemeenten willen aansluiten.",
        actions=(
            _t("Handreiking meldcode voor sportclubs delen met de andere gemeenten", "bm_gr", programme_action="E5-1"),
        ),
        documents=("Handreiking meldcode sportverenigingen",),
        programme_actions=("E5-1",),
    ),
)

# The topic whose decision awaits the next bestuurlijk overleg.
JAARPLAN_ESCALATION = Topic(
    "jaarplan",
    "Uitvoeringsplan {next_year}: prioriteiten per actielijn",
    AgendaPurpose.BESLUITVORMING,
    "projectleider",
    "De projectleider presenteert de voorgestelde prioriteiten voor {next_year}: borging MDA++, de "
    "samenwerkingsafspraken met Veilig Thuis en de aanpak van ouderenmishandeling. De partners onderschrijven "
    "de keuze. Voor de structurele financiering is een besluit van het bestuurlijk overleg nodig.",
    decision="Het afstemmingsoverleg stelt de prioriteiten van het uitvoeringsplan {next_year} vast en legt de "
    "structurele financiering voor aan het bestuurlijk overleg OGOO.",
    actions=(
        _t(
            "Uitvoeringsplan {next_year} uitwerken per actielijn met planning en trekkers",
            "projectleider",
            programme_action="X-17",
            fate="in_progress",
        ),
    ),
    documents=("Concept uitvoeringsplan {next_year}", "Financieel overzicht middelen GHNT"),
    planned_minutes=30,
    programme_actions=("X-17", "X-22"),
    escalation_outcome="pending",
)

# The topic escalated to the bestuurlijk overleg and decided there.
MDA_ESCALATION = Topic(
    "mda_borging",
    "Borging MDA++ na de pilotfase",
    AgendaPurpose.BESLUITVORMING,
    "tl_gr",
    "De werkgroep MDA++ presenteert de evaluatie van de pilot en het voorstel voor structurele borging. De "
    "partners zijn positief over de gezamenlijke regie. De verdeling van de kosten over de gemeenten vraagt om "
    "een bestuurlijk besluit.",
    decision="Het afstemmingsoverleg onderschrijft het voorstel tot structurele borging van MDA++ en legt de "
    "kostenverdeling ter besluitvorming voor aan het bestuurlijk overleg OGOO.",
    actions=(
        _t(
            "Voorstel kostenverdeling MDA++ uitwerken voor het bestuurlijk overleg",
            "tl_gr",
            programme_action="S4-2",
            fate="done",
        ),
        _t(
            "Besluit van het bestuurlijk overleg over MDA++ terugkoppelen aan het afstemmingsoverleg",
            "wethouder_gr",
            kind=ActionKind.TOEZEGGING,
            programme_action="S4-2",
            deadline_text="eerstvolgend afstemmingsoverleg",
            fate="in_progress",
        ),
    ),
    documents=("Evaluatie pilot MDA++", "Voorstel borging MDA++"),
    planned_minutes=30,
    programme_actions=("S4-1", "S4-2"),
    escalation_outcome="Het bestuurlijk overleg stemt in met structurele borging van MDA++ vanaf 1 januari "
    "{next_year}; de kosten worden verdeeld naar inwonertal.",
)

# Agenda topics of afstemmingsoverleggen still to come (no minutes yet).
FUTURE_AO_TOPICS: tuple[tuple[str, AgendaPurpose, str], ...] = (
    ("Evaluatie actieprogramma met ketenpartners en ervaringsdeskundigen", AgendaPurpose.BESPREKING, "projectleider"),
    ("Vergaderschema en jaarplanning {next_year}", AgendaPurpose.BESLUITVORMING, "secretaris"),
    ("Regiovisie huiselijk geweld en kindermishandeling: aanpak vernieuwing", AgendaPurpose.ADVISERING, "bm_gr"),
)

TO_TOPICS: tuple[Topic, ...] = (
    Topic(
        "voorbereiding_ao",
        "Voorbereiding afstemmingsoverleg {next_date}",
        AgendaPurpose.ADVISERING,
        "projectleider",
        "De concept-agenda van het afstemmingsoverleg wordt doorgenomen. De stukken worden uiterlijk een week "
        "van tevoren verstuurd. Het tactisch overleg adviseert het voortgangsoverzicht per actielijn toe te "
        "voegen.",
        documents=("Concept-agenda afstemmingsoverleg",),
        planned_minutes=25,
    ),
    Topic(
        "signalen",
        "Signalen uit de uitvoering",
        AgendaPurpose.BESPREKING,
        "wij",
        "De partners delen signalen: de lokale teams merken een toename van vragen over complexe scheidingen en "
        "de politie ziet meer herhaalde zorgmeldingen. Afgesproken wordt dit mee te nemen in de werkgroepen.",
        actions=(
            _t(
                "Herhaalde zorgmeldingen politie en meldingen Veilig Thuis naast elkaar leggen",
                "politie2",
                programme_action="S1-5",
            ),
        ),
        planned_minutes=30,
    ),
    Topic(
        "actielijst",
        "Voortgang actielijst en programma",
        AgendaPurpose.BESPREKING,
        "secretaris",
        "De openstaande acties worden doorgelopen. Een aantal acties is uitgesteld; de trekkers geven aan wat "
        "nodig is om ze af te ronden.",
        actions=(
            _t(
                "Overzicht uitgestelde acties met oorzaak en nieuwe termijn opstellen",
                "secretaris",
                deadline_text="Q1 {next_year}",
            ),
        ),
    ),
    Topic(
        "lokale_teams",
        "Kwaliteitskader lokale teams: stand van zaken implementatie",
        AgendaPurpose.BESPREKING,
        "bm_mg",
        "De gemeenten geven de stand van zaken van de implementatie van het kwaliteitskader voor lokale teams. "
        "De voortgang verschilt per gemeente; scholing over het werken met veiligheidsplannen is gewenst.",
        actions=(
            _t(
                "Scholingsbehoefte veiligheidsplannen inventariseren bij de lokale teams",
                "bm_mg",
                programme_action="X-18",
            ),
        ),
        programme_actions=("X-18", "S1-3"),
    ),
    Topic(
        "scholing",
        "Scholing meldcode en afwegingskader",
        AgendaPurpose.ADVISERING,
        "vt_gedrag",
        "Veilig Thuis stelt een gezamenlijk scholingsaanbod voor over de meldcode en het afwegingskader, gericht "
        "op lokale teams, huisartsen en onderwijs. Het tactisch overleg adviseert het aanbod regionaal te "
        "organiseren en de kosten te delen.",
        actions=(
            _t("Scholingsaanbod meldcode uitwerken met planning en kostenraming", "vt_gedrag", programme_action="E6-1"),
        ),
        programme_actions=("E6-1",),
    ),
)

BO_TOPICS: tuple[Topic, ...] = (
    Topic(
        "voortgangsrapportage",
        "Voortgangsrapportage GHNT",
        AgendaPurpose.INFORMATIE,
        "projectleider",
        "De projectleider licht de voortgangsrapportage toe. De bestuurders waarderen de voortgang op de "
        "samenwerking met Veilig Thuis en vragen om meer zicht op lokale cijfers.",
        actions=(
            _t("Lokale cijfers opnemen in de volgende voortgangsrapportage", "projectleider", programme_action="X-24"),
        ),
        documents=("Voortgangsrapportage GHNT {year}",),
        programme_actions=("C1-1", "X-24"),
    ),
    Topic(
        "middelen",
        "Middelen DUVO en GHNT: verdeling en verantwoording",
        AgendaPurpose.BESLUITVORMING,
        "wethouder_gr",
        "De centrumgemeente licht de inzet van de middelen toe. De bestuurders stemmen in met de verdeling en "
        "vragen de verantwoording te combineren met de voortgangsrapportage.",
        decision="Het bestuurlijk overleg stemt in met de voorgestelde verdeling van de middelen DUVO en GHNT.",
        documents=("Overzicht middelen DUVO en GHNT",),
    ),
)

# Topics of every werkgroep, in this order; the werkgroep's own programme actions are linked to the first.
WG_TOPICS: tuple[Topic, ...] = (
    Topic(
        "stand_van_zaken",
        "Stand van zaken acties werkgroep",
        AgendaPurpose.BESPREKING,
        "chair",
        "De leden lopen de acties van de werkgroep door. De meeste acties liggen op schema; voor de acties die "
        "achterlopen worden nieuwe afspraken gemaakt.",
        planned_minutes=40,
    ),
    Topic(
        "terugkoppeling",
        "Terugkoppeling naar het afstemmingsoverleg",
        AgendaPurpose.BESLUITVORMING,
        "chair",
        "De werkgroep bespreekt wat zij aan het afstemmingsoverleg voorlegt. De voorzitter verzorgt de terugkoppeling.",
        decision="De werkgroep legt de voortgang en het concept plan van aanpak voor aan het afstemmingsoverleg.",
        planned_minutes=15,
    ),
    Topic(
        "kennisdeling",
        "Kennisdeling: werkwijze in de gemeenten",
        AgendaPurpose.INFORMATIE,
        "member",
        "Een van de leden presenteert de werkwijze in de eigen organisatie. De werkgroep neemt de bruikbare "
        "onderdelen mee in het plan van aanpak.",
        planned_minutes=30,
    ),
)

# Action items of each werkgroep, one per meeting in this order ("chair"/"member": of that werkgroep).
WG_ACTIONS: dict[str, tuple[ActionTemplate, ...]] = {
    "WGO": (
        _t("Bestaande plannen ouderenmishandeling van de gemeenten verzamelen", "member", programme_action="A3-3"),
        _t(
            "Contact leggen met een ziekenhuis over signalering van ouderenmishandeling",
            "chair",
            programme_action="A3-4",
        ),
        _t(
            "Voorstel publiekscampagne ouderenmishandeling uitwerken",
            "member",
            programme_action="A3-6",
            deadline_text="voor de zomer",
        ),
        _t(
            "Afspraken maken met bankwezen en notariaat over signalen van financiële uitbuiting",
            "member",
            programme_action="A3-5",
        ),
        _t(
            "Aansluiting bij de regionale route ouderenmishandeling bespreken met Veilig Thuis",
            "chair",
            programme_action="A3-2",
        ),
    ),
    "WGM": (
        _t("Instroomcriteria MDA++ actualiseren na de evaluatie van de pilot", "member", programme_action="S4-1"),
        _t("Capaciteit per ketenpartner voor MDA++ in beeld brengen", "chair", programme_action="S4-2"),
        _t("Werkwijze MDA++ beschrijven in een regionaal werkproces", "member", programme_action="S4-1"),
        _t("Voorstel kostenverdeling MDA++ doorrekenen per gemeente", "chair", programme_action="S4-2"),
        _t(
            "Afspraken over informatiedeling in MDA++ laten toetsen door de privacyfunctionarissen",
            "member",
            programme_action="X-12",
        ),
        _t(
            "Evaluatiemoment MDA++ plannen met ketenpartners en ervaringsdeskundigen",
            "chair",
            deadline_text="Q2 {next_year}",
        ),
    ),
    "WGS": (
        _t("Aanbod bij complexe scheidingen per gemeente in kaart brengen", "member", programme_action="A4-1"),
        _t("Regionale route complexe scheidingen uitwerken", "chair", programme_action="A4-2"),
        _t("Ervaringen met ouderschapsbemiddeling ophalen bij de lokale teams", "member", programme_action="A4-1"),
        _t(
            "Afstemming met de Raad voor de Kinderbescherming over vroegtijdige signalering",
            "member",
            programme_action="A4-2",
        ),
    ),
    "WGV": (
        _t("Regiobijeenkomsten over de visie plannen met ervaringsdeskundigen", "chair", programme_action="V1-1.1"),
        _t("Opzet implementatieplan met opleidings- en borgingsplan schrijven", "member", programme_action="V1-1.2"),
        _t("Onderzoeksvraag afstemmen met het lectoraat", "member", programme_action="V1-2"),
        _t(
            "Scholingsbehoefte bij de ketenpartners inventariseren",
            "chair",
            programme_action="V1-1.2",
            deadline_text="Q2 {next_year}",
        ),
    ),
}

STANDARD_ITEMS: dict[str, tuple[str, AgendaPurpose, int]] = {
    "opening": ("Opening en vaststellen agenda", AgendaPurpose.BESLUITVORMING, 5),
    "previous_minutes": ("Verslag en actielijst vorig overleg", AgendaPurpose.BESLUITVORMING, 15),
    "announcements": ("Mededelingen", AgendaPurpose.INFORMATIE, 10),
    "any_other_business": ("Rondvraag", AgendaPurpose.INFORMATIE, 10),
    "closing": ("Sluiting", AgendaPurpose.INFORMATIE, 5),
}

ANNOUNCEMENTS: tuple[str, ...] = (
    "De projectleider meldt dat de landelijke projectenpool een nieuwe ronde opent; gemeenten met ideeën kunnen "
    "zich melden.",
    "Veilig Thuis meldt dat de nieuwe meldcodeversie in de regio is verspreid.",
    "De secretaris meldt dat de vergaderdata voor volgend jaar worden rondgestuurd.",
    "De politie meldt een wisseling van contactpersonen in het basisteam; de nieuwe lijst volgt.",
    "Het lectoraat nodigt de partners uit voor een kennisbijeenkomst over de aanpak van kindermishandeling.",
    "De GGD meldt dat de resultaten van de jeugdmonitor in het voorjaar beschikbaar komen.",
)

ANY_OTHER_BUSINESS: tuple[str, ...] = (
    "Er zijn geen vragen voor de rondvraag.",
    "Gevraagd wordt of de presentaties met het verslag worden meegestuurd. De secretaris zegt dit toe.",
    "De lokale teams vragen naar de bereikbaarheid van Veilig Thuis rond de feestdagen; dit wordt nagevraagd.",
    "Er wordt gevraagd het volgende overleg op locatie te houden. De voorzitter neemt dit mee.",
)

PROGRESS_DONE: tuple[str, ...] = (
    "Overleg gevoerd met de betrokken ketenpartners; de uitgangspunten zijn besproken.",
    "Een eerste concept is opgesteld en besproken in de werkgroep.",
    "De inventarisatie bij de gemeenten is afgerond.",
    "De afspraken zijn vastgelegd en gedeeld met de partners.",
    "Er is een bijeenkomst met professionals georganiseerd.",
    "De trekker heeft de stand van zaken schriftelijk toegelicht.",
)

PROGRESS_TODO: tuple[str, ...] = (
    "Definitieve versie vaststellen in het volgende overleg.",
    "Reacties van de gemeenten verwerken.",
    "Afstemmen met de bestuurlijk verantwoordelijken.",
    "Uitvoering plannen en capaciteit vrijmaken bij de partners.",
    "Evaluatie voorbereiden met ketenpartners en ervaringsdeskundigen.",
)

POSTPONE_REASONS: tuple[str, ...] = (
    "Uitgesteld: de benodigde gegevens zijn nog niet compleet.",
    "Uitgesteld wegens capaciteit bij de trekker.",
    "Uitgesteld: eerst afstemmen met de bestuurlijk verantwoordelijken.",
    "Uitgesteld in afwachting van de landelijke uitwerking.",
)

LOCAL_NOTES: dict[str, tuple[str, ...]] = {
    "done": ("Vastgesteld door het college.", "Afgerond en opgenomen in het lokale beleid."),
    "in_progress": ("In uitvoering; bespreking met het lokale team gepland.", "Concept ligt bij de wethouder."),
    "not_started": ("Nog niet gestart; gepland voor volgend jaar.", "Wacht op de regionale uitwerking."),
    "on_hold": ("Aangehouden wegens reorganisatie van het sociaal team.",),
}


@dataclass(frozen=True)
class TextContext:
    """Values filled into the texts of one meeting."""

    year: int
    next_year: int
    prev_date: str = ""
    next_date: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def fill(self, text: str) -> str:
        return text.format(
            year=self.year, next_year=self.next_year, prev_date=self.prev_date, next_date=self.next_date, **self.extra
        )
