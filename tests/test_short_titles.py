"""Short titles of actions and ambitions: a meaningful phrase of the text, never cut mid-thought (issue 22).

The texts are real action texts of the demo programme (seed 000, Groningen 2019) and of the structured extracts
in /work/shared/data (Deventer, the landelijke actieplannen, Groningen 2023); each expected title was read as a
heading a bestuurder would accept.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghnt_desktop.services.short_titles import default_short_title

CASES = [
    # Leading filler and framing leads are dropped; what follows starts the title.
    ("Werkgroep formeren om:", "Werkgroep formeren"),
    ("Werkgroep formeren om: de visie voor te leggen in de regio.", "De visie voor te leggen in de regio"),
    ("Het is de bedoeling hier [landelijk programma: elk jaar 3 miljoen voor projecten in de regio’s] aanspraak op "
     "te maken voor de uitvoering van een deel van de acties en ambities uit dit plan wanneer dit niet regulier "
     "gefinancierd kan worden.",
     "Aanspraak op te maken voor de uitvoering van een deel van de acties en ambities uit dit plan wanneer dit niet "
     "regulier gefinancierd kan worden"),
    ("Het is de bedoeling dat gemeenten de regie nemen.", "Gemeenten de regie nemen"),
    ("Verder willen we onderzoeken of een versnelde triage bij een deel van de meldingen huiselijk geweld en "
     "kindermishandeling mogelijk is.",
     "Onderzoeken of een versnelde triage bij een deel van de meldingen huiselijk geweld en kindermishandeling "
     "mogelijk is"),
    ("Tenslotte stellen we voor om het bestuurlijk overleg Veilig Thuis 4x per jaar te organiseren voorafgaand aan "
     "het afstemmingsoverleg GHNT.",
     "Het bestuurlijk overleg Veilig Thuis 4x per jaar te organiseren voorafgaand aan het afstemmingsoverleg GHNT"),
    ("Indien er een geïnteresseerde gemeente is: plan van aanpak maken met politie, leerplicht, scholen en de "
     "desbetreffende gemeente",
     "Plan van aanpak maken met politie, leerplicht, scholen en de desbetreffende gemeente"),
    ("In afwachting van de resultaten van de VNG-werkgroep: onderzoeken of de beschreven knelpunten ook in "
     "Groningen spelen.", "Onderzoeken of de beschreven knelpunten ook in Groningen spelen"),
    ("Vanuit versterkingsgelden ondermijning: inzet van een projectleider voor Keurmerk Veilige Buitengebied voor de "
     "elf IJssellandse gemeenten.",
     "Inzet van een projectleider voor Keurmerk Veilige Buitengebied voor de elf IJssellandse gemeenten"),
    # A list after "om:" is summed up by the lead, not by its first item.
    ("Ontwikkelen van een online aanpak om: spanningen via sociale media eerder te signaleren; confrontaties te "
     "voorkomen; digitale weerbaarheid van jongeren te bevorderen.", "Ontwikkelen van een online aanpak"),
    ("Implementeren en monitoren WvGGZ met specifieke aandacht voor: rol van de burgemeester bij het opleggen van een "
     "crisismaatregel; opvangen en doorleiden meldingen; gegevensdeling.",
     "Implementeren en monitoren WvGGZ met specifieke aandacht"),
    # An editor's insertion is read into the sentence, or dropped where it only explains a word.
    ("Het [regionale actieprogramma] wordt na ambtelijk overleg ter besluitvorming geagendeerd op een gecombineerd "
     "bestuurlijk OOGO/DB PG&Z in november 2025.",
     "Het regionale actieprogramma wordt na ambtelijk overleg ter besluitvorming geagendeerd op een gecombineerd "
     "bestuurlijk OOGO/DB PG&Z in november 2025"),
    ("[Gemeenten hebben gezamenlijk besloten dat] er meer ingezet moet worden op de samenwerking tussen ICM en de "
     "lokale teams. Dit dient ook tot uitdrukking te komen in de opdracht aan lokale teams;",
     "Gemeenten hebben gezamenlijk besloten dat er meer ingezet moet worden op de samenwerking tussen ICM en de "
     "lokale teams"),
    # Abbreviations do not end the sentence.
    ("Aansluiten bij de ambities van het netwerk Zorg en Straf i.h.k.v. Veiligheid Voorop.",
     "Aansluiten bij de ambities van het netwerk Zorg en Straf i.h.k.v. Veiligheid Voorop"),
    ("De planning voor 2025 is helder, de komende maanden zal de planning voor 2026 e.v. gemaakt worden.",
     "De planning voor 2025 is helder, de komende maanden zal de planning voor 2026 e.v. gemaakt worden"),
    ("Time-out: Wet tijdelijk huisverbod (max. 28 dagen) of een time-out voorziening op vrijwillige basis om directe "
     "veiligheid te waarborgen en escalatie te voorkomen.", "Time-out: Wet tijdelijk huisverbod"),
    # Short sentences stay whole, also when they end on a verb or an article-like word.
    ("Onderzoeken of er in de regio een pilot mogelijk is", "Onderzoeken of er in de regio een pilot mogelijk is"),
    ("Werkgroep oprichten.", "Werkgroep oprichten"),
    ("Het project ‘Handle with care’:", "Het project ‘Handle with care’"),
    ("Pilot in Veendam/Pekela:", "Pilot in Veendam/Pekela"),
    ("Er bestaat een vloeiende, effectieve samenwerking tussen Veilig Thuis en het lokale veld door middel van:\n"
     "o samenwerkingsafspraken,\no een gedeelde visie,",
     "Er bestaat een vloeiende, effectieve samenwerking tussen Veilig Thuis en het lokale veld"),
    ("Publiekscampagne voor burgers (initiatief gemeente Groningen loopt al).",
     "Publiekscampagne voor burgers (initiatief gemeente Groningen loopt al)"),
    # Long sentences are cut at a clause boundary that leaves a whole phrase.
    ("Er wordt, samen met gemeenten, een plan van aanpak geformuleerd waarin beschreven staat hoe een inhoudelijke en "
     "procesmatig effectieve samenwerking tussen Veilig Thuis en het lokale veld er uit ziet.",
     "Er wordt, samen met gemeenten, een plan van aanpak geformuleerd"),
    ("Veilig Thuis en gemeenten maken opnieuw samenwerkingsafspraken, waarbij naast de bovenstaande thema’s ook de "
     "overdracht en de rolverdeling meegenomen worden.",
     "Veilig Thuis en gemeenten maken opnieuw samenwerkingsafspraken"),
    ("Dit actieplan zal jaarlijks geëvalueerd worden, samen met de belangrijkste ketenpartners en "
     "ervaringsdeskundigen.", "Dit actieplan zal jaarlijks geëvalueerd worden"),
    ("Ontwikkeling van MDA++ (multidisciplinaire aanpak van ernstige, structurele casuïstiek huiselijk geweld).",
     "Ontwikkeling van MDA++"),
    ("Hulp en begeleiding bij (complexe) echtscheidingen, zodat de risico's op escalatie minder worden en kinderen "
     "minder schade ondervinden.", "Hulp en begeleiding bij (complexe) echtscheidingen"),
    # No sound cut: the whole sentence, never the words up to the limit.
    ("Het lectoraat Integrale Aanpak (Preventie) Kindermishandeling betrekken in onderzoek naar de effecten van de "
     "implementatie.",
     "Het lectoraat Integrale Aanpak (Preventie) Kindermishandeling betrekken in onderzoek naar de effecten van de "
     "implementatie"),
    ("Meer zicht krijgen op (criminele) familiestructuren en subculturen en onderzoeken hoe deze te verstoren; met "
     "behulp van de sentimentenmonitor.",
     "Meer zicht krijgen op (criminele) familiestructuren en subculturen en onderzoeken hoe deze te verstoren"),
    ("Vrouwen kunnen hun huisdier(en) meenemen naar de Vrouwenopvang of er wordt (met ondersteuning van Stichting "
     "Mendoo) een veilige opvang georganiseerd.",
     "Vrouwen kunnen hun huisdier(en) meenemen naar de Vrouwenopvang of er wordt (met ondersteuning van Stichting "
     "Mendoo) een veilige opvang georganiseerd"),
    ("In het vervolgtraject, binnen het uitvoeringsplan, zal de stand van zaken hiervan [Groningse initiatieven en "
     "programma’s] in kaart worden gebracht.",
     "In het vervolgtraject, binnen het uitvoeringsplan, zal de stand van zaken hiervan in kaart worden gebracht"),
    ("Bij de politie heeft elk basisteam een operationeel expert jeugd, gezin en eergerelateerd geweld. Agenten "
     "overleggen in voorkomende gevallen met de OE JGE van het team.",
     "Bij de politie heeft elk basisteam een operationeel expert jeugd, gezin en eergerelateerd geweld"),
    ("We gaan samen met WIJ Groningen (en Veilig Thuis) inzetten op doorontwikkeling van de aanpak ter versterking "
     "van de effectiviteit.",
     "We gaan samen met WIJ Groningen (en Veilig Thuis) inzetten op doorontwikkeling van de aanpak ter versterking "
     "van de effectiviteit"),
    ("", ""),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", CASES)
def test_short_titles_of_real_action_texts(text, expected):
    title = default_short_title(text, limit=80)
    assert title == expected
    if text:
        assert _is_a_cleaned_clause(title, text)
        assert _sound_ending(title)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Words folded for comparison, each with whether it stands inside an editor's [insertion]."""
    tokens, depth = [], 0
    for raw in text.split():
        opened = raw.count("[")
        word = re.sub(r"[\[\]().,:;!?‘’“”\"']", "", raw).casefold()
        if word:
            tokens.append((word, depth + opened > 0))
        depth += opened - raw.count("]")
    return tokens


def _is_a_cleaned_clause(title: str, text: str) -> bool:
    """The title's words occur in the text in order, with only leading words or [insertions] left out between."""
    wanted = [w for w, _ in _tokens(title)]
    source = _tokens(text)
    for start in range(len(source)):
        i, j = start, 0
        while i < len(source) and j < len(wanted):
            if source[i][0] == wanted[j]:
                j += 1
            elif not source[i][1] or j == 0:
                break
            i += 1
        if j == len(wanted):
            return True
    return False


def _sound_ending(title: str) -> bool:
    last = title.rsplit(" ", 1)[-1].casefold()
    return bool(title) and not title.endswith(":") and last not in ("om", "dat", "en")


CONTENT = ["Werkgroep", "formeren", "Gemeenten", "organiseren", "samenwerking", "Veilig", "Thuis", "aanpak", "lokale",
           "teams", "pilot", "MDA++", "regio", "plan", "ketenpartners", "onderzoeken", "huiselijk", "geweld"]
SMALL = ["om", "dat", "en", "de", "het", "van", "in", "op", "met", "voor", "is", "wordt", "zij"]
PUNCTUATION = ["", ",", ":", ";", "."]


@st.composite
def action_texts(draw: st.DrawFn) -> str:
    words = [draw(st.sampled_from(CONTENT))]
    for _ in range(draw(st.integers(0, 40))):
        word = draw(st.sampled_from(CONTENT + SMALL))
        words.append(word + draw(st.sampled_from(PUNCTUATION)))
    prefix = draw(st.sampled_from(["", "Het is de bedoeling dat ", "Werkgroep formeren om: ", "[Gemeenten besluiten dat] "]))
    return prefix + " ".join(words)


@settings(max_examples=400, deadline=None)
@given(action_texts(), st.integers(20, 120))
def test_a_short_title_is_never_empty_nor_dangling_and_comes_from_the_text(text, limit):
    title = default_short_title(text, limit=limit)
    assert title.strip()
    assert _sound_ending(title), title
    assert _is_a_cleaned_clause(title, text), (title, text)
