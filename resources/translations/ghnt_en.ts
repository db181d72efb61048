<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
    <context>
        <name>ActionItemDialog</name>
        <message>
            <source>Actie %1 wijzigen</source>
            <translation>Edit action %1</translation>
        </message>
        <message>
            <source>naam of organisatie</source>
            <translation>name or organisation</translation>
        </message>
        <message>
            <source>15-04-2027, Q2 2027, voor de zomer...</source>
            <translation>15-04-2027, Q2 2027, voor de zomer...</translation>
        </message>
        <message>
            <source>Vertrouwelijk (niet in stukken die rondgaan)</source>
            <translation>Confidential (not in documents that circulate)</translation>
        </message>
        <message>
            <source>— geen actie uit het programma —</source>
            <translation>— no programme action —</translation>
        </message>
        <message>
            <source>Een deadline die hier wordt gecorrigeerd telt niet als uitstel. Uitstel legt u vast bij de voortgang. Elke wijziging komt in de wijzigingsgeschiedenis.</source>
            <translation>A deadline corrected here does not count as a postponement; record postponements with the progress. Every change goes into the change history.</translation>
        </message>
        <message>
            <source>&amp;Actie:</source>
            <translation>&amp;Action:</translation>
        </message>
        <message>
            <source>&amp;Trekker:</source>
            <translation>&amp;Lead:</translation>
        </message>
        <message>
            <source>&amp;Deadline:</source>
            <translation>&amp;Deadline:</translation>
        </message>
        <message>
            <source>&amp;Soort:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Programma:</source>
            <translation>&amp;Programme:</translation>
        </message>
        <message>
            <source>geen trekker</source>
            <translation>no lead</translation>
        </message>
        <message>
            <source>= persoon uit het netwerk</source>
            <translation>= person from the network</translation>
        </message>
        <message>
            <source>= organisatie</source>
            <translation>= organisation</translation>
        </message>
        <message>
            <source>= vrije tekst (geen persoon of organisatie met deze naam)</source>
            <translation>= free text (no person or organisation by this name)</translation>
        </message>
    </context>
    <context>
        <name>ActionItemTableModel</name>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Uitgesteld</source>
            <translation>Postponed</translation>
        </message>
        <message>
            <source>Herkomst</source>
            <translation>Origin</translation>
        </message>
        <message>
            <source>nieuw</source>
            <translation>new</translation>
        </message>
        <message>
            <source>Gedaan: </source>
            <translation>Done: </translation>
        </message>
        <message>
            <source>Nog te doen: </source>
            <translation>Still to do: </translation>
        </message>
    </context>
    <context>
        <name>ActionTableModel</name>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Uitgesteld</source>
            <translation>Postponed</translation>
        </message>
        <message>
            <source>Actielijn</source>
            <translation>Action line</translation>
        </message>
        <message>
            <source>%1 (te laat)</source>
            <extracomment>The user chose another status in the Status column: (row, new ActionStatus value).</extracomment>
            <translation>%1 (late)</translation>
        </message>
        <message>
            <source>Uit %1 van %2</source>
            <translation>From %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>ActionViewModel</name>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Uitgesteld</source>
            <translation>Postponed</translation>
        </message>
        <message>
            <source>Actielijn</source>
            <translation>Action line</translation>
        </message>
        <message>
            <source>Werkgroep</source>
            <translation>Working group</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Programma</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Dubbelklik om de status te wijzigen</source>
            <translation>Double-click to change the status</translation>
        </message>
        <message>
            <source>%1  (vertrouwelijk)</source>
            <translation>%1  (confidential)</translation>
        </message>
    </context>
    <context>
        <name>ActionsPage</name>
        <message>
            <source>Acties: %1</source>
            <translation>Actions: %1</translation>
        </message>
        <message>
            <source>Alle labels</source>
            <translation>All labels</translation>
        </message>
        <message>
            <source>La&amp;bel:</source>
            <translation>La&amp;bel:</translation>
        </message>
        <message>
            <source>Acties</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Alle acties</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>Per gemeente</source>
            <translation>Per municipality</translation>
        </message>
        <message>
            <source>&amp;Geschiedenis...</source>
            <translation>&amp;History...</translation>
        </message>
        <message>
            <source>Wie heeft dit actiepunt wanneer gewijzigd (Ctrl+H)</source>
            <translation>Who changed this action item and when (Ctrl+H)</translation>
        </message>
        <message>
            <source>&amp;Wijzigen...</source>
            <translation>&amp;Edit...</translation>
        </message>
        <message>
            <source>Tekst, trekker, deadline of soort van dit actiepunt corrigeren</source>
            <translation>Correct the text, lead, deadline or kind of this action item</translation>
        </message>
        <message>
            <source>Zoeken in nummer, actie, trekker en voortgang...</source>
            <translation>Search number, action, lead and progress...</translation>
        </message>
        <message>
            <source>Alle statussen</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Actiepunten en programma</source>
            <translation>Action points and programme</translation>
        </message>
        <message>
            <source>Alleen actiepunten en toezeggingen</source>
            <translation>Action points and commitments only</translation>
        </message>
        <message>
            <source>Alleen acties uit het programma</source>
            <translation>Programme actions only</translation>
        </message>
        <message>
            <source>Alle trekkers</source>
            <translation>All leads</translation>
        </message>
        <message>
            <source>Alle actielijnen</source>
            <translation>All action lines</translation>
        </message>
        <message>
            <source>Alle werkgroepen</source>
            <translation>All working groups</translation>
        </message>
        <message>
            <source>Alle overleggen</source>
            <translation>All meetings</translation>
        </message>
        <message>
            <source>Alleen open</source>
            <translation>Open only</translation>
        </message>
        <message>
            <source>Te laat</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>Deadline dit kwartaal</source>
            <translation>Deadline this quarter</translation>
        </message>
        <message>
            <source>Filters wissen</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>Acties uit het programma wijzigt u op de pagina Programma</source>
            <translation>Programme actions are edited on the Programme page</translation>
        </message>
        <message>
            <source>&lt;i&gt;Kies een actie om de voortgang te zien.&lt;/i&gt;</source>
            <translation>&lt;i&gt;Choose an action to see its progress.&lt;/i&gt;</translation>
        </message>
        <message>
            <source>Trekker: %1</source>
            <translation>Lead: %1</translation>
        </message>
        <message>
            <source>Deadline: %1</source>
            <translation>Deadline: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>1 keer uitgesteld</source>
            <translation>postponed once</translation>
        </message>
        <message>
            <source>%1 keer uitgesteld</source>
            <translation>postponed %1 times</translation>
        </message>
        <message>
            <source>Uit: %1</source>
            <translation>From: %1</translation>
        </message>
        <message>
            <source>Actie %1: %2</source>
            <translation>Action %1: %2</translation>
        </message>
        <message>
            <source>Status van %1: %2</source>
            <translation>Status of %1: %2</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Trekker:</source>
            <translation>Lead:</translation>
        </message>
        <message>
            <source>Actielijn:</source>
            <translation>Action line:</translation>
        </message>
        <message>
            <source>Werkgroep:</source>
            <translation>Working group:</translation>
        </message>
        <message>
            <source>Overleg:</source>
            <translation>Meeting:</translation>
        </message>
        <message>
            <source>Laden...</source>
            <translation>Loading...</translation>
        </message>
        <message>
            <source>1 actie</source>
            <translation>1 action</translation>
        </message>
        <message>
            <source>%1 acties</source>
            <translation>%1 actions</translation>
        </message>
        <message>
            <source>%1 van %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>%1, waarvan %2 te laat</source>
            <translation>%1, %2 of them late</translation>
        </message>
        <message>
            <source>Voortgang van de gekozen actie</source>
            <translation>Progress of the chosen action</translation>
        </message>
        <message>
            <source>Zoeken in acties</source>
            <translation>Search in actions</translation>
        </message>
        <message>
            <source>Doorgeschoven</source>
            <translation>Deferred</translation>
        </message>
    </context>
    <context>
        <name>AgendaTab</name>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Omhoog</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Alt+Omhoog</source>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>Omlaag</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>Alt+Omlaag</source>
            <translation>Alt+Down</translation>
        </message>
        <message>
            <source>Actielijst vorig overleg...</source>
            <translation>Action list of previous meeting...</translation>
        </message>
        <message>
            <source>Openstaande actiepunten van eerdere overleggen en de acties uit het programma beoordelen</source>
            <translation>Review open action points of earlier meetings and the programme actions</translation>
        </message>
        <message>
            <source>Agendapunt</source>
            <translation>Agenda item</translation>
        </message>
        <message>
            <source> min.</source>
            <translation> min.</translation>
        </message>
        <message>
            <source>Vertrouwelijk</source>
            <translation>Confidential</translation>
        </message>
        <message>
            <source>Het punt blijft buiten stukken die rondgaan</source>
            <translation>The item is left out of documents that are circulated</translation>
        </message>
        <message>
            <source>Gast toevoegen...</source>
            <translation>Add guest...</translation>
        </message>
        <message>
            <source>&amp;Doel:</source>
            <translation>Purp&amp;ose:</translation>
        </message>
        <message>
            <source>&amp;Inbrenger:</source>
            <translation>P&amp;resenter:</translation>
        </message>
        <message>
            <source>D&amp;uur:</source>
            <translation>D&amp;uration:</translation>
        </message>
        <message>
            <source>Stukken:</source>
            <translation>Papers:</translation>
        </message>
        <message>
            <source>Gasten:</source>
            <translation>Guests:</translation>
        </message>
        <message>
            <source>Programma:</source>
            <translation>Programme:</translation>
        </message>
        <message>
            <source>Totaal %1 min.</source>
            <extracomment>Below this width the item's editor moves under the agenda (a 1366x768 laptop with a wide meetings list).</extracomment>
            <translation>Total %1 min.</translation>
        </message>
        <message>
            <source>gepland einde %1</source>
            <translation>planned end %1</translation>
        </message>
        <message>
            <source>(na de eindtijd %1)</source>
            <translation>(after the end time %1)</translation>
        </message>
        <message>
            <source>Actielijst vorig overleg (%1 open)...</source>
            <translation>Action list of previous meeting (%1 open)...</translation>
        </message>
        <message>
            <source>Agendapunt %1</source>
            <translation>Agenda item %1</translation>
        </message>
        <message>
            <source> en nog %1</source>
            <translation> and %1 more</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Onderwerp wijzigen</source>
            <translation>Change subject</translation>
        </message>
        <message>
            <source>Inbrenger wijzigen</source>
            <translation>Change presenter</translation>
        </message>
        <message>
            <source>Doel wijzigen</source>
            <translation>Change purpose</translation>
        </message>
        <message>
            <source>Tijd wijzigen</source>
            <translation>Change time</translation>
        </message>
        <message>
            <source>Vertrouwelijk wijzigen</source>
            <translation>Change confidentiality</translation>
        </message>
        <message>
            <source>Agendapunt toevoegen</source>
            <translation>Add agenda item</translation>
        </message>
        <message>
            <source>Onderwerp:</source>
            <translation>Subject:</translation>
        </message>
        <message>
            <source>Toevoegen</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Agendapunt verwijderen</source>
            <translation>Delete agenda item</translation>
        </message>
        <message>
            <source>Agendapunt verplaatsen</source>
            <translation>Move agenda item</translation>
        </message>
        <message>
            <source>Stuk toevoegen</source>
            <translation>Add paper</translation>
        </message>
        <message>
            <source>Stuk verwijderen</source>
            <translation>Remove paper</translation>
        </message>
        <message>
            <source>Gast voor één agendapunt</source>
            <translation>Guest for one agenda item</translation>
        </message>
        <message>
            <source>Naam:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Gast toevoegen</source>
            <translation>Add guest</translation>
        </message>
        <message>
            <source>Gast verwijderen</source>
            <translation>Remove guest</translation>
        </message>
        <message>
            <source>Toevoegen...</source>
            <translation>Add...</translation>
        </message>
        <message>
            <source>Een stuk koppelen of in de database bewaren</source>
            <translation>Link a document or keep it in the database</translation>
        </message>
        <message>
            <source>Openen</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>%1 (bewaard, %2)</source>
            <translation>%1 (stored, %2)</translation>
        </message>
        <message>
            <source>%1, controlesom SHA-256 %2</source>
            <translation>%1, SHA-256 checksum %2</translation>
        </message>
        <message>
            <source>Het bestand %1 is %2; in de database passen stukken tot %3, zodat reservekopieën en een gedeelde database snel blijven. Koppel het bestand in plaats daarvan.</source>
            <translation>The file %1 is %2; the database keeps documents up to %3, so that backups and a shared database stay fast. Link the file instead.</translation>
        </message>
        <message>
            <source>Het bestand %1 kan niet worden gelezen. Kies het opnieuw.</source>
            <translation>The file %1 cannot be read. Choose it again.</translation>
        </message>
        <message>
            <source>Stuk bewaren</source>
            <translation>Store document</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Punt toe&amp;voegen...</source>
            <translation>Add &amp;item...</translation>
        </message>
        <message>
            <source>Stukken</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Gasten</source>
            <translation>Guests</translation>
        </message>
        <message>
            <source>Onderw&amp;erp:</source>
            <translation>Su&amp;bject:</translation>
        </message>
    </context>
    <context>
        <name>AgendaTableModel</name>
        <message>
            <source>Nr.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Tijd</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Doel</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Inbrenger</source>
            <translation>Presenter</translation>
        </message>
        <message>
            <source>Min.</source>
            <translation>Min.</translation>
        </message>
        <message>
            <source>Stukken</source>
            <translation>Papers</translation>
        </message>
        <message>
            <source>vertrouwelijk</source>
            <extracomment>(item id, new 0-based index): a row was dropped at another place.</extracomment>
            <translation>confidential</translation>
        </message>
        <message>
            <source>gast: </source>
            <translation>guest: </translation>
        </message>
        <message>
            <source> (bewaard in de database)</source>
            <translation> (stored in the database)</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>Verslag vaststellen</source>
            <translation>Approve minutes</translation>
        </message>
        <message>
            <source>Overleg van %1</source>
            <translation>Meeting of %1</translation>
        </message>
        <message>
            <source>(niet vastleggen in welk overleg)</source>
            <translation>(do not record in which meeting)</translation>
        </message>
        <message>
            <source>Vastgesteld in:</source>
            <translation>Approved in:</translation>
        </message>
        <message>
            <source>Een vastgesteld verslag kan niet meer worden gewijzigd, tenzij het met een reden wordt heropend.</source>
            <translation>Approved minutes can no longer be changed, unless they are reopened with a reason.</translation>
        </message>
        <message>
            <source>Vaststellen</source>
            <translation>Approve</translation>
        </message>
    </context>
    <context>
        <name>AttendanceTab</name>
        <message>
            <source>Aanwezig (A)</source>
            <translation>Present (A)</translation>
        </message>
        <message>
            <source>Afgemeld (F)</source>
            <translation>Sent apologies (F)</translation>
        </message>
        <message>
            <source>Afwezig (W)</source>
            <translation>Absent (W)</translation>
        </message>
        <message>
            <source>Vervangen door... (V)</source>
            <translation>Substituted by... (V)</translation>
        </message>
        <message>
            <source>Deelnemer toevoegen...</source>
            <translation>Add participant...</translation>
        </message>
        <message>
            <source>Gast toevoegen...</source>
            <translation>Add guest...</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Sneltoetsen in de lijst: A aanwezig, F afgemeld, W afwezig, V vervangen door, U terug naar uitgenodigd. Na elke toets gaat de cursor naar de volgende regel.</source>
            <translation>Shortcut keys in the list: A present, F sent apologies, W absent, V substituted by, U back to invited. After each key the cursor moves to the next line.</translation>
        </message>
        <message>
            <source>%1 aanwezig</source>
            <translation>%1 present</translation>
        </message>
        <message>
            <source>%1 afgemeld</source>
            <translation>%1 sent apologies</translation>
        </message>
        <message>
            <source>%1 afwezig</source>
            <translation>%1 absent</translation>
        </message>
        <message>
            <source>%1 nog niet gemarkeerd</source>
            <translation>%1 not yet marked</translation>
        </message>
        <message>
            <source>%1 organisaties vertegenwoordigd</source>
            <translation>%1 organisations represented</translation>
        </message>
        <message>
            <source>Vervangen door</source>
            <translation>Substituted by</translation>
        </message>
        <message>
            <source>%1 wordt vervangen door:</source>
            <translation>%1 is substituted by:</translation>
        </message>
        <message>
            <source>Gast toevoegen</source>
            <translation>Add guest</translation>
        </message>
        <message>
            <source>Deelnemer toevoegen</source>
            <translation>Add participant</translation>
        </message>
        <message>
            <source>Naam:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Van de presentielijst halen</source>
            <translation>Remove from the attendance list</translation>
        </message>
        <message>
            <source>Aanwezigheid</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>1 organisatie vertegenwoordigd</source>
            <translation>1 organisation represented</translation>
        </message>
        <message>
            <source>aanwezigheid %1: %2</source>
            <translation>attendance %1: %2</translation>
        </message>
    </context>
    <context>
        <name>AttendanceTableModel</name>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Vervangen door</source>
            <translation>Substituted by</translation>
        </message>
        <message>
            <source>Alleen bij punt</source>
            <translation>Only for item</translation>
        </message>
    </context>
    <context>
        <name>CarryDialog</name>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Onafgeronde acties meenemen</source>
            <translation>Carry over unfinished actions</translation>
        </message>
        <message>
            <source>&amp;Uit programma:</source>
            <translation>&amp;From programme:</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Planning</source>
            <translation>Timing</translation>
        </message>
        <message>
            <source>&amp;Alles aanvinken</source>
            <translation>Tick &amp;all</translation>
        </message>
        <message>
            <source>&amp;Niets aanvinken</source>
            <translation>Tick &amp;none</translation>
        </message>
        <message>
            <source>Staat al in het huidige programma</source>
            <translation>Already in the current programme</translation>
        </message>
        <message>
            <source>al meegenomen</source>
            <translation>already carried over</translation>
        </message>
        <message>
            <source>%1 van %2 onafgeronde acties aangevinkt</source>
            <translation>%1 of %2 unfinished actions ticked</translation>
        </message>
        <message>
            <source>%1 acties &amp;meenemen</source>
            <translation>Carry &amp;over %1 actions</translation>
        </message>
        <message>
            <source>%1 acties meenemen</source>
            <translation>Carry over %1 actions</translation>
        </message>
        <message>
            <source>%1 acties meegenomen in het huidige programma (Ctrl+Z maakt dit ongedaan).</source>
            <translation>%1 actions carried over into the current programme (Ctrl+Z undoes this).</translation>
        </message>
        <message>
            <source>De aangevinkte acties worden gekopieerd naar &lt;b&gt;%1&lt;/b&gt;, onder dezelfde actielijn en ambitie, met hun status, planning, werkgroep, trekkers en labels. Het oude programma blijft zoals het was.</source>
            <translation>The ticked actions are copied into &lt;b&gt;%1&lt;/b&gt;, under the same action line and ambition, with their status, timing, working group, leads and labels. The old programme stays as it was.</translation>
        </message>
    </context>
    <context>
        <name>CarryForwardDialog</name>
        <message>
            <source>Actielijst vorig overleg en voortgang</source>
            <translation>Action list of previous meeting and progress</translation>
        </message>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Uitgesteld</source>
            <translation>Postponed</translation>
        </message>
        <message>
            <source>Staat al op de actielijst van dit overleg</source>
            <translation>Already on the action list of this meeting</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Actie uit het programma</source>
            <translation>Programme action</translation>
        </message>
        <message>
            <source>Er staan geen actiepunten van eerdere overleggen van deze reeks open.</source>
            <translation>There are no open action points from earlier meetings of this series.</translation>
        </message>
        <message>
            <source>Controleer wat op de agenda komt. Aangevinkte actiepunten komen op de actielijst bij 'Verslag en actielijst vorig overleg'; aangevinkte acties uit het programma bij 'Voortgang actieprogramma'.</source>
            <translation>Check what goes on the agenda. Ticked action points go on the action list under 'Verslag en actielijst vorig overleg' (minutes and action list of the previous meeting); ticked programme actions under 'Voortgang actieprogramma' (progress of the action programme).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Openstaande actiepunten&lt;/b&gt; (%1)</source>
            <translation>&lt;b&gt;Open action points&lt;/b&gt; (%1)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Acties uit het programma&lt;/b&gt; (%1)</source>
            <translation>&lt;b&gt;Programme actions&lt;/b&gt; (%1)</translation>
        </message>
        <message>
            <source>Op de agenda zetten</source>
            <translation>Put on the agenda</translation>
        </message>
    </context>
    <context>
        <name>ChangeModel</name>
        <message>
            <source>hele gebied</source>
            <translation>whole area</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Verbinden met teamdatabase</source>
            <translation>Connect to team database</translation>
        </message>
        <message>
            <source>Een teamdatabase staat op een PostgreSQL-server, zodat het hele team met dezelfde gegevens werkt. De beheerder van de server geeft u het adres, uw gebruikersnaam en uw wachtwoord.</source>
            <translation>A team database is kept on a PostgreSQL server, so that the whole team works with the same data. The server's administrator gives you the address, your user name and your password.</translation>
        </message>
        <message>
            <source>Versleuteld als de server dat kan (standaard)</source>
            <translation>Encrypted when the server supports it (default)</translation>
        </message>
        <message>
            <source>Altijd versleuteld</source>
            <translation>Always encrypted</translation>
        </message>
        <message>
            <source>Altijd versleuteld en het certificaat van de server controleren</source>
            <translation>Always encrypted, and check the server's certificate</translation>
        </message>
        <message>
            <source>Niet versleuteld (alleen binnen een vertrouwd netwerk)</source>
            <translation>Not encrypted (only within a trusted network)</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>&amp;Poort:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;Database:</translation>
        </message>
        <message>
            <source>&amp;Gebruiker:</source>
            <translation>&amp;User:</translation>
        </message>
        <message>
            <source>&amp;Beveiliging (TLS):</source>
            <translation>Se&amp;curity (TLS):</translation>
        </message>
        <message>
            <source>&amp;Wachtwoord:</source>
            <translation>Pass&amp;word:</translation>
        </message>
        <message>
            <source>Wachtwoord &amp;onthouden in de wachtwoordkluis van dit systeem</source>
            <translation>&amp;Remember the password in this system's password store</translation>
        </message>
        <message>
            <source>Deze computer heeft geen wachtwoordkluis die de app kan gebruiken. Het wachtwoord wordt nergens bewaard: de app vraagt het elke keer dat u verbindt.</source>
            <translation>This computer has no password store the app can use. The password is not kept anywhere: the app asks for it every time you connect.</translation>
        </message>
        <message>
            <source>&amp;Verbinden</source>
            <translation>C&amp;onnect</translation>
        </message>
    </context>
    <context>
        <name>DecisionTableModel</name>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Punt</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Besluit</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Bestuurlijk overleg</source>
            <translation>Administrative meeting</translation>
        </message>
        <message>
            <source>Uitkomst</source>
            <translation>Outcome</translation>
        </message>
    </context>
    <context>
        <name>DecisionsTab</name>
        <message>
            <source>Wijzigen...</source>
            <translation>Edit...</translation>
        </message>
        <message>
            <source>Ter besluitvorming voorleggen</source>
            <translation>Submit for decision</translation>
        </message>
        <message>
            <source>Voorleggen intrekken</source>
            <translation>Withdraw submission</translation>
        </message>
        <message>
            <source>Uitkomst vastleggen...</source>
            <translation>Record outcome...</translation>
        </message>
        <message>
            <source>Wie heeft dit besluit wanneer gewijzigd</source>
            <translation>Who changed this decision and when</translation>
        </message>
        <message>
            <source>Tekst, trekker, deadline of soort van dit actiepunt corrigeren</source>
            <translation>Correct the text, lead, deadline or kind of this action item</translation>
        </message>
        <message>
            <source>Tekst, trekker, deadline of soort van deze toezegging corrigeren</source>
            <translation>Correct the text, lead, deadline or kind of this commitment</translation>
        </message>
        <message>
            <source>Geschiedenis...</source>
            <translation>History...</translation>
        </message>
        <message>
            <source>Wie heeft dit actiepunt wanneer gewijzigd</source>
            <translation>Who changed this action item and when</translation>
        </message>
        <message>
            <source>Wie heeft deze toezegging wanneer gewijzigd</source>
            <translation>Who changed this commitment and when</translation>
        </message>
        <message>
            <source>Besluitenlijst</source>
            <translation>Decision list</translation>
        </message>
        <message>
            <source>Voorgelegd aan dit overleg</source>
            <translation>Submitted to this meeting</translation>
        </message>
        <message>
            <source>Actielijst</source>
            <translation>Action list</translation>
        </message>
        <message>
            <source>Toezeggingen</source>
            <translation>Commitments</translation>
        </message>
        <message>
            <source>Besluitenlijst (%1)</source>
            <translation>Decision list (%1)</translation>
        </message>
        <message>
            <source>Voorgelegd aan dit overleg (%1)</source>
            <translation>Submitted to this meeting (%1)</translation>
        </message>
        <message>
            <source>Actielijst (%1)</source>
            <translation>Action list (%1)</translation>
        </message>
        <message>
            <source>Toezeggingen (%1)</source>
            <translation>Commitments (%1)</translation>
        </message>
        <message>
            <source>Besluit %1</source>
            <translation>Decision %1</translation>
        </message>
        <message>
            <source>Tekst van het besluit:</source>
            <translation>Text of the decision:</translation>
        </message>
        <message>
            <source>Besluit wijzigen</source>
            <translation>Edit decision</translation>
        </message>
        <message>
            <source>Actie %1</source>
            <translation>Action %1</translation>
        </message>
        <message>
            <source>Uitkomst bestuurlijk overleg</source>
            <translation>Outcome of administrative meeting</translation>
        </message>
        <message>
            <source>Besluiten</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>Geëscaleerde besluiten</source>
            <translation>Escalated decisions</translation>
        </message>
        <message>
            <source>Actiepunten</source>
            <translation>Action items</translation>
        </message>
        <message>
            <source>Geschi&amp;edenis...</source>
            <translation>Hist&amp;ory...</translation>
        </message>
    </context>
    <context>
        <name>DialogTask</name>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>Stuk toevoegen</source>
            <translation>Add paper</translation>
        </message>
        <message>
            <source>pad naar een bestand of https://...</source>
            <translation>path to a file or https://...</translation>
        </message>
        <message>
            <source>Bestand kiezen...</source>
            <translation>Choose file...</translation>
        </message>
        <message>
            <source>&amp;Titel:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>&amp;Vindplaats:</source>
            <translation>&amp;Location:</translation>
        </message>
        <message>
            <source>Toevoegen</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Stuk kiezen</source>
            <translation>Choose paper</translation>
        </message>
        <message>
            <source>In de database bewaren</source>
            <translation>Keep in the database</translation>
        </message>
        <message>
            <source>Het bestand gaat mee in reservekopieën, een gedeelde database en de vergaderstukken, en kan niet meer zoekraken. Tot %1 per stuk; koppel grotere bestanden.</source>
            <translation>The file travels with backups, a shared database and the meeting pack, and cannot get lost. Up to %1 per document; link larger files.</translation>
        </message>
    </context>
    <context>
        <name>EntryGridModel</name>
        <message>
            <source>Indicator</source>
            <extracomment>(GridRow, gemeente id or None, CellValue, PeriodValue there now or None): a typed value to save. (index, typed text, Dutch message): a text that is no figure; nothing was saved.</extracomment>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Hele gebied</source>
            <translation>Whole area</translation>
        </message>
        <message>
            <source>De waarde voor de regio als geheel</source>
            <translation>The value for the region as a whole</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Tabel &amp;indelen per:</source>
            <translation>Arrange table &amp;by:</translation>
        </message>
        <message>
            <source>Document maken</source>
            <extracomment>An export ended (made, failed or cancelled) and the dialog shows the outcome.</extracomment>
            <translation>Create document</translation>
        </message>
        <message>
            <source>&amp;Soort document:</source>
            <translation>&amp;Kind of document:</translation>
        </message>
        <message>
            <source>Word-documenten</source>
            <translation>Word documents</translation>
        </message>
        <message>
            <source>Excel-lijsten</source>
            <translation>Excel lists</translation>
        </message>
        <message>
            <source>Inhoud</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>(geen: alleen het jaaroverzicht)</source>
            <translation>(none: only the annual overview)</translation>
        </message>
        <message>
            <source>&amp;Overleg:</source>
            <translation>&amp;Meeting:</translation>
        </message>
        <message>
            <source>Alle overlegreeksen</source>
            <translation>All meeting series</translation>
        </message>
        <message>
            <source>Overleg&amp;reeks:</source>
            <translation>Meeting se&amp;ries:</translation>
        </message>
        <message>
            <source>van</source>
            <translation>from</translation>
        </message>
        <message>
            <source>(leeg: alles)</source>
            <translation>(empty: everything)</translation>
        </message>
        <message>
            <source>t/m</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;Periode:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>Alle organisaties</source>
            <translation>All organisations</translation>
        </message>
        <message>
            <source>Alleen de acties van één partner, voor het bestand dat u hem stuurt</source>
            <translation>Only the actions of one partner, for the file you send them</translation>
        </message>
        <message>
            <source>Acties &amp;van:</source>
            <translation>Actions &amp;of:</translation>
        </message>
        <message>
            <source>actielijn</source>
            <translation>action line</translation>
        </message>
        <message>
            <source>trekker</source>
            <translation>lead</translation>
        </message>
        <message>
            <source>overleg waarin de actie is afgesproken</source>
            <translation>meeting in which the action was agreed</translation>
        </message>
        <message>
            <source>&amp;Groeperen per:</source>
            <translation>&amp;Group by:</translation>
        </message>
        <message>
            <source>(nog geen actieprogramma)</source>
            <translation>(no action programme yet)</translation>
        </message>
        <message>
            <source>Actie&amp;programma:</source>
            <translation>Action &amp;programme:</translation>
        </message>
        <message>
            <source>Geen opgeslagen rapportage (standaardteksten)</source>
            <translation>No saved report (default texts)</translation>
        </message>
        <message>
            <source>&amp;Rapportage:</source>
            <translation>Re&amp;port:</translation>
        </message>
        <message>
            <source>Be&amp;werken...</source>
            <translation>&amp;Edit...</translation>
        </message>
        <message>
            <source>Voortgangsrapportages maken en bewerken</source>
            <translation>Create and edit progress reports</translation>
        </message>
        <message>
            <source>Jaaroverzicht van vertegenwoordiging over</source>
            <translation>Annual overview of representation for</translation>
        </message>
        <message>
            <source>Jaar:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Ook afgeronde en vervallen acties</source>
            <translation>Also finished and dropped actions</translation>
        </message>
        <message>
            <source>Eén werkblad per actielijn</source>
            <translation>One worksheet per action line</translation>
        </message>
        <message>
            <source>&amp;Vertrouwelijke onderdelen opnemen</source>
            <translation>&amp;Include confidential parts</translation>
        </message>
        <message>
            <source>Het document bevat dan ook vertrouwelijke agendapunten, besluiten en acties. Deel het alleen met wie ze mag zien.</source>
            <translation>The document then also contains confidential agenda items, decisions and actions. Only share it with those allowed to see them.</translation>
        </message>
        <message>
            <source>Opmaak en bestand</source>
            <translation>Layout and file</translation>
        </message>
        <message>
            <source>Standaardopmaak</source>
            <translation>Default layout</translation>
        </message>
        <message>
            <source>Kiezen...</source>
            <translation>Choose...</translation>
        </message>
        <message>
            <source>Standaard</source>
            <translation>Default</translation>
        </message>
        <message>
            <source>Weer de standaardopmaak gebruiken voor dit soort document</source>
            <translation>Use the default layout again for this kind of document</translation>
        </message>
        <message>
            <source>&amp;Word-sjabloon:</source>
            <translation>&amp;Word template:</translation>
        </message>
        <message>
            <source>&amp;Bladeren...</source>
            <translation>&amp;Browse...</translation>
        </message>
        <message>
            <source>Opslaan &amp;als:</source>
            <translation>Save &amp;as:</translation>
        </message>
        <message>
            <source>&amp;Openen</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>&amp;Map openen</source>
            <translation>Open &amp;folder</translation>
        </message>
        <message>
            <source>&amp;Maken</source>
            <translation>&amp;Create</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Word (.docx)</source>
            <translation>Word (.docx)</translation>
        </message>
        <message>
            <source>Excel (.xlsx)</source>
            <translation>Excel (.xlsx)</translation>
        </message>
        <message>
            <source>De standaardopmaak van GHNT Desktop</source>
            <translation>The default layout of GHNT Desktop</translation>
        </message>
        <message>
            <source>vertegenwoordiging</source>
            <translation>representation</translation>
        </message>
        <message>
            <source>Word-sjabloon voor: %1</source>
            <translation>Word template for: %1</translation>
        </message>
        <message>
            <source>Word-documenten en -sjablonen (*.docx *.dotx);;Alle bestanden (*)</source>
            <translation>Word documents and templates (*.docx *.dotx);;All files (*)</translation>
        </message>
        <message>
            <source>Sjabloon niet gebruikt</source>
            <translation>Template not used</translation>
        </message>
        <message>
            <source>Word-document (*.docx)</source>
            <translation>Word document (*.docx)</translation>
        </message>
        <message>
            <source>Excel-werkmap (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Document opslaan als</source>
            <translation>Save document as</translation>
        </message>
        <message>
            <source>Ook hoofdstuk &amp;per:</source>
            <translation>Also a chapter &amp;per:</translation>
        </message>
        <message>
            <source>(geen, alleen per actielijn)</source>
            <translation>(none, only per action line)</translation>
        </message>
        <message>
            <source>Kies waar het document moet worden opgeslagen.</source>
            <translation>Choose where the document should be saved.</translation>
        </message>
        <message>
            <source>Bestand bestaat al</source>
            <translation>File already exists</translation>
        </message>
        <message>
            <source>%1 bestaat al. Wilt u het vervangen?</source>
            <translation>%1 already exists. Do you want to replace it?</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Bezig met het maken van het document...</source>
            <translation>Creating the document...</translation>
        </message>
        <message>
            <source>(%1 regels)</source>
            <translation>(%1 rows)</translation>
        </message>
        <message>
            <source>Het document is gemaakt%2.
Opgeslagen in: %1</source>
            <translation>The document has been created%2.
Saved in: %1</translation>
        </message>
        <message>
            <source>Vink 'Vertrouwelijke onderdelen opnemen' aan om ze op te nemen.</source>
            <translation>Tick 'Include confidential parts' to include them.</translation>
        </message>
        <message>
            <source>Document niet gemaakt</source>
            <translation>Document not created</translation>
        </message>
        <message>
            <source>Afgebroken; er is geen bestand opgeslagen.</source>
            <translation>Cancelled; no file was saved.</translation>
        </message>
        <message>
            <source>Bezig met afbreken...</source>
            <translation>Cancelling...</translation>
        </message>
        <message>
            <source>Uitnodiging en agenda</source>
            <translation>Invitation and agenda</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>De uitnodiging met de agendapunten, hun doel, inbrenger, tijden en stukken.</source>
            <translation>The invitation with the agenda items, their purpose, presenter, times and papers.</translation>
        </message>
        <message>
            <source>Verslag</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Het verslag met aanwezigen en afmeldingen, per agendapunt de bespreking, besluiten en acties.</source>
            <translation>The minutes with those present and apologies, and per agenda item the discussion, decisions and actions.</translation>
        </message>
        <message>
            <source>Besluitenlijst</source>
            <translation>Decision list</translation>
        </message>
        <message>
            <source>Alle besluiten van een overlegreeks of periode, genummerd, met opschaling en uitkomst.</source>
            <translation>All decisions of a meeting series or period, numbered, with escalation and outcome.</translation>
        </message>
        <message>
            <source>Actielijst</source>
            <translation>Action list</translation>
        </message>
        <message>
            <source>De openstaande acties met trekker, deadline, status en hoe vaak ze zijn uitgesteld.</source>
            <translation>The open actions with lead, deadline, status and how often they were postponed.</translation>
        </message>
        <message>
            <source>Actieprogramma (programmatabel)</source>
            <translation>Action programme (programme table)</translation>
        </message>
        <message>
            <source>Actieprogramma</source>
            <translation>Action programme</translation>
        </message>
        <message>
            <source>De tabel Ambities | Acties | Verantwoordelijkheid, per actielijn.</source>
            <translation>The table Ambitions | Actions | Responsibility, per action line.</translation>
        </message>
        <message>
            <source>Voortgangsrapportage</source>
            <translation>Progress report</translation>
        </message>
        <message>
            <source>Per actielijn wat er is gedaan en wat nog moet, met de stand van de acties, voor het bestuur.</source>
            <translation>Per action line what has been done and what remains, with the state of the actions, for the administrators.</translation>
        </message>
        <message>
            <source>Voortgangsoverzicht per actielijn</source>
            <translation>Progress overview per action line</translation>
        </message>
        <message>
            <source>Het stuk bij het afstemmingsoverleg: per actielijn de acties met trekker, deadline, status en stand van zaken.</source>
            <translation>The paper for the coordination meeting: per action line the actions with lead, deadline, status and state of affairs.</translation>
        </message>
        <message>
            <source>Actielijst om in te vullen en terug te sturen</source>
            <translation>Action list to fill in and return</translation>
        </message>
        <message>
            <source>Partners vullen status, deadline en stand van zaken in; het teruggestuurde bestand leest u in.</source>
            <translation>Partners fill in status, deadline and progress; you import the returned file.</translation>
        </message>
        <message>
            <source>Presentielijst</source>
            <translation>Attendance list</translation>
        </message>
        <message>
            <source>Wie er was per persoon en per organisatie, en desgewenst het jaaroverzicht van vertegenwoordiging.</source>
            <translation>Who was there per person and per organisation, and optionally the annual overview of representation.</translation>
        </message>
        <message>
            <source>Alle besluiten als Excel-tabel, om te filteren en te sorteren.</source>
            <translation>All decisions as an Excel table, to filter and sort.</translation>
        </message>
        <message>
            <source>Jaaroverzicht voor het bestuurlijk overleg</source>
            <translation>Annual overview for the administrative meeting</translation>
        </message>
        <message>
            <source>Jaaroverzicht</source>
            <translation>Annual overview</translation>
        </message>
        <message>
            <source>De overleggen van een jaar, vertegenwoordiging per organisatie, besluiten en escalaties met hun uitkomst, en de acties die erbij kwamen en zijn afgerond.</source>
            <translation>A year's meetings, representation per organisation, decisions and escalations with their outcome, and the actions opened and closed.</translation>
        </message>
        <message>
            <source>Periode van</source>
            <translation>Period from</translation>
        </message>
        <message>
            <source>Periode tot en met</source>
            <translation>Period up to and including</translation>
        </message>
        <message>
            <source>Jaar</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Word-sjabloon</source>
            <translation>Word template</translation>
        </message>
        <message>
            <source>Word-document (.docx)</source>
            <translation>Word document (.docx)</translation>
        </message>
        <message>
            <source>PDF/A voor het archief (.pdf)</source>
            <translation>PDF/A for the archive (.pdf)</translation>
        </message>
        <message>
            <source>PDF/A voor het archief (.pdf) - LibreOffice niet gevonden</source>
            <translation>PDF/A for the archive (.pdf) - LibreOffice not found</translation>
        </message>
        <message>
            <source>Bestands&amp;formaat:</source>
            <translation>File &amp;format:</translation>
        </message>
        <message>
            <source>Bestand</source>
            <translation>File</translation>
        </message>
        <message>
            <source>PDF/A (.pdf)</source>
            <translation>PDF/A (.pdf)</translation>
        </message>
        <message>
            <source>PDF-document (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <source>Indicatoren en cijfers</source>
            <translation>Indicators and figures</translation>
        </message>
        <message>
            <source>Indicatoren</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Een blad per niveau met per indicator de bron, nulmeting, streefwaarden en de cijfers als getallen; weer in te lezen met Cijfers importeren.</source>
            <translation>A sheet per level with per indicator the source, baseline, targets and the figures as numbers; can be read back with Import figures.</translation>
        </message>
    </context>
    <context>
        <name>FiguresPreviewDialog</name>
        <message>
            <source>Cijfers importeren: voorbeeld</source>
            <translation>Import figures: preview</translation>
        </message>
        <message>
            <source>%1 (%2): %3.</source>
            <translation>%1 (%2): %3.</translation>
        </message>
        <message>
            <source>Nieuwe indicatoren</source>
            <translation>New indicators</translation>
        </message>
        <message>
            <source>Nieuwe indicatoren (%1)</source>
            <translation>New indicators (%1)</translation>
        </message>
        <message>
            <source>Toegevoegde cijfers</source>
            <translation>Added figures</translation>
        </message>
        <message>
            <source>Toegevoegd (%1)</source>
            <translation>Added (%1)</translation>
        </message>
        <message>
            <source>Gewijzigde cijfers</source>
            <translation>Changed figures</translation>
        </message>
        <message>
            <source>Gewijzigd (%1)</source>
            <translation>Changed (%1)</translation>
        </message>
        <message>
            <source>Niet ingelezen</source>
            <translation>Not read</translation>
        </message>
        <message>
            <source>Niet ingelezen (%1)</source>
            <translation>Not read (%1)</translation>
        </message>
        <message>
            <source>Inlezen</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Er is niets in te lezen: alles staat er al zo.</source>
            <translation>There is nothing to import: everything is already there.</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>Handleiding GHNT Desktop</source>
            <extracomment>The page of each screen (main window page keys, and the search dialog).</extracomment>
            <translation>GHNT Desktop user guide</translation>
        </message>
        <message>
            <source>◀ Terug</source>
            <translation>◀ Back</translation>
        </message>
        <message>
            <source>Vooruit ▶</source>
            <translation>Forward ▶</translation>
        </message>
        <message>
            <source>Inhoud</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>Handleiding</source>
            <translation>User guide</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>Aangemaakt</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Verwijderd</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Tekst</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Deadline (tekst)</source>
            <translation>Deadline (text)</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Vertrouwelijk</source>
            <translation>Confidential</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Trekker (organisatie)</source>
            <translation>Lead (organisation)</translation>
        </message>
        <message>
            <source>Trekker (tekst)</source>
            <translation>Lead (text)</translation>
        </message>
        <message>
            <source>Actie uit het programma</source>
            <translation>Programme action</translation>
        </message>
        <message>
            <source>Voorleggen</source>
            <translation>Escalation</translation>
        </message>
        <message>
            <source>Uitkomst</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Datum uitkomst</source>
            <translation>Outcome date</translation>
        </message>
        <message>
            <source>Titel</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Locatie</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Online link</source>
            <translation>Online link</translation>
        </message>
        <message>
            <source>Voorzitter</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>Notulist</source>
            <translation>Minute taker</translation>
        </message>
        <message>
            <source>Notities</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Verslagtekst</source>
            <translation>Minutes text</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Functie</source>
            <translation>Job title</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Persoon</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Gearchiveerd</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>Volgorde</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Wat is gedaan</source>
            <translation>What has been done</translation>
        </message>
        <message>
            <source>Wat moet nog</source>
            <translation>What remains</translation>
        </message>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Begintijd</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Duur (minuten)</source>
            <translation>Duration (minutes)</translation>
        </message>
        <message>
            <source>Versie uitnodiging</source>
            <translation>Invitation version</translation>
        </message>
        <message>
            <source>Afgesloten op</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <source>Keren uitgesteld</source>
            <translation>Times postponed</translation>
        </message>
        <message>
            <source>Doel</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Inbrenger</source>
            <translation>Presenter</translation>
        </message>
        <message>
            <source>Geplande tijd</source>
            <translation>Planned time</translation>
        </message>
        <message>
            <source>Stukken</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Vervanger</source>
            <translation>Substitute</translation>
        </message>
        <message>
            <source>Vervanger (naam)</source>
            <translation>Substitute (name)</translation>
        </message>
        <message>
            <source>Samengevoegd met</source>
            <translation>Merged into</translation>
        </message>
        <message>
            <source>Vastgesteld in</source>
            <translation>Approved in</translation>
        </message>
        <message>
            <source>Tekst op agenda bestuurlijk overleg</source>
            <translation>Text on the administrative meeting's agenda</translation>
        </message>
        <message>
            <source>Geagendeerd in</source>
            <translation>Placed on the agenda of</translation>
        </message>
        <message>
            <source>Agendapunt bestuurlijk overleg</source>
            <translation>Administrative meeting agenda item</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>Wijzigingsgeschiedenis</source>
            <translation>Change history</translation>
        </message>
        <message>
            <source>Wijzigingsgeschiedenis: %1</source>
            <translation>Change history: %1</translation>
        </message>
        <message>
            <source>Wanneer</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Wie</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Veld</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Oud</source>
            <translation>Old</translation>
        </message>
        <message>
            <source>Nieuw</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Er zijn nog geen wijzigingen vastgelegd.</source>
            <translation>No changes have been recorded yet.</translation>
        </message>
        <message>
            <source>Reden</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Wijzigingen</source>
            <translation>Changes</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Wat is gedaan</source>
            <translation>What has been done</translation>
        </message>
        <message>
            <source>Wat moet nog</source>
            <translation>What remains</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Door</source>
            <translation>By</translation>
        </message>
        <message>
            <source>buiten een overleg</source>
            <translation>outside a meeting</translation>
        </message>
        <message>
            <source>uitgesteld: %1 naar %2</source>
            <translation>postponed: %1 to %2</translation>
        </message>
        <message>
            <source>doorgeschoven (%1)</source>
            <translation>deferred (%1)</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Actielijst importeren</source>
            <extracomment>A step that ran in the background (reading, a preview, applying) ended and its page is shown.</extracomment>
            <translation>Import action list</translation>
        </message>
        <message>
            <source>&lt; &amp;Terug</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>&amp;Volgende &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Alles aanvinken</source>
            <translation>Tick all</translation>
        </message>
        <message>
            <source>Niets aanvinken</source>
            <translation>Untick all</translation>
        </message>
        <message>
            <source>Ongewijzigde acties tonen</source>
            <translation>Show unchanged actions</translation>
        </message>
        <message>
            <source>&lt;span style='background:#fde7c8'&gt;&amp;nbsp;Conflict&amp;nbsp;&lt;/span&gt; ook in de app gewijzigd sinds de export: alleen toegepast als u het aanvinkt. &lt;span style='background:#eeeeee'&gt;&amp;nbsp;Onbekend&amp;nbsp;&lt;/span&gt; niet in de database of niet in het bestand: wordt niet toegepast.</source>
            <translation>&lt;span style='background:#fde7c8'&gt;&amp;nbsp;Conflict&amp;nbsp;&lt;/span&gt; also changed in the app since the export: only applied if you tick it. &lt;span style='background:#eeeeee'&gt;&amp;nbsp;Unknown&amp;nbsp;&lt;/span&gt; not in the database or not in the file: not applied.</translation>
        </message>
        <message>
            <source>Wijzigingen uit het bestand</source>
            <translation>Changes from the file</translation>
        </message>
        <message>
            <source>&amp;Werkblad:</source>
            <translation>&amp;Worksheet:</translation>
        </message>
        <message>
            <source>Kolommen van het bestand</source>
            <translation>Columns of the file</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Kop in het bestand</source>
            <translation>Header in the file</translation>
        </message>
        <message>
            <source>Voorbeeld</source>
            <translation>Example</translation>
        </message>
        <message>
            <source>Inlezen als</source>
            <translation>Import as</translation>
        </message>
        <message>
            <source>Statussen in het bestand</source>
            <translation>Statuses in the file</translation>
        </message>
        <message>
            <source>Status in de lijst</source>
            <translation>Status in the list</translation>
        </message>
        <message>
            <source>Aantal acties</source>
            <translation>Number of actions</translation>
        </message>
        <message>
            <source>Wordt in de app</source>
            <translation>Becomes in the app</translation>
        </message>
        <message>
            <source>Acties uit het bestand</source>
            <translation>Actions from the file</translation>
        </message>
        <message>
            <source>Bestand lezen</source>
            <translation>Reading file</translation>
        </message>
        <message>
            <source>%1 wordt gelezen...</source>
            <translation>Reading %1...</translation>
        </message>
        <message>
            <source>Teruggestuurde actielijst</source>
            <translation>Returned action list</translation>
        </message>
        <message>
            <source>Links staat wat nu in de app staat, rechts wat de partner heeft ingevuld. Vink aan wat u wilt overnemen; de rest blijft zoals het is.</source>
            <translation>On the left is what the app holds now, on the right what the partner filled in. Tick what you want to take over; the rest stays as it is.</translation>
        </message>
        <message>
            <source>Stap 1 van 3: kolommen</source>
            <translation>Step 1 of 3: columns</translation>
        </message>
        <message>
            <source>%1 is geen actielijst uit GHNT Desktop en wordt ingelezen als bestaande lijst. Controleer per kolom wat erin staat; de kolom Actiepunt is nodig.</source>
            <translation>%1 is not an action list from GHNT Desktop and is imported as an existing list. Check what each column holds; the Action point column is required.</translation>
        </message>
        <message>
            <source>Stap 2 van 3: statussen</source>
            <translation>Step 2 of 3: statuses</translation>
        </message>
        <message>
            <source>Zo worden de statussen uit de lijst vertaald naar de statussen van de app. Pas aan waar nodig.</source>
            <translation>This is how the statuses in the list are translated to the statuses of the app. Adjust where needed.</translation>
        </message>
        <message>
            <source>Stap 3 van 3: controleren</source>
            <translation>Step 3 of 3: check</translation>
        </message>
        <message>
            <source>Klaar</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>&amp;Importeren (%1)</source>
            <translation>&amp;Import (%1)</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>&amp;Toepassen (%1)</source>
            <translation>&amp;Apply (%1)</translation>
        </message>
        <message>
            <source>%1 kan niet worden ingelezen.

%2</source>
            <translation>%1 cannot be imported.

%2</translation>
        </message>
        <message>
            <source>Importeren lukte niet</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <source>Het lezen is afgebroken.</source>
            <translation>Reading was cancelled.</translation>
        </message>
        <message>
            <source>Bestand lezen...</source>
            <translation>Reading file...</translation>
        </message>
        <message>
            <source>geëxporteerd op %1</source>
            <translation>exported on %1</translation>
        </message>
        <message>
            <source>acties van %1</source>
            <translation>actions of %1</translation>
        </message>
        <message>
            <source>Toepassen...</source>
            <translation>Applying...</translation>
        </message>
        <message>
            <source>%1 van %2 aangevinkte acties zijn bijgewerkt uit %3.</source>
            <translation>%1 of %2 ticked actions were updated from %3.</translation>
        </message>
        <message>
            <source>Niet toegepast:</source>
            <translation>Not applied:</translation>
        </message>
        <message>
            <source>Kopregel gevonden op regel %1 van blad %2.</source>
            <translation>Header row found on row %1 of sheet %2.</translation>
        </message>
        <message>
            <source>Titel: %1</source>
            <translation>Title: %1</translation>
        </message>
        <message>
            <source>Kolom %1 en kolom %2 zijn allebei '%3'. Kies voor een van beide iets anders.</source>
            <translation>Column %1 and column %2 are both '%3'. Choose something else for one of them.</translation>
        </message>
        <message>
            <source>Kies de kolom met de actie (Actiepunt): zonder die kolom valt er niets in te lezen.</source>
            <translation>Choose the column with the action (Action point): without that column there is nothing to import.</translation>
        </message>
        <message>
            <source>Kolommen kloppen nog niet</source>
            <translation>Columns are not right yet</translation>
        </message>
        <message>
            <source>Lijst lezen...</source>
            <translation>Reading list...</translation>
        </message>
        <message>
            <source>(niet herkend: wordt %1)</source>
            <translation>(not recognised: becomes %1)</translation>
        </message>
        <message>
            <source>%1 verschillende statussen gevonden in de kolom Status.</source>
            <translation>%1 different statuses found in the Status column.</translation>
        </message>
        <message>
            <source>De lijst heeft geen statuskolom (of die is leeg): alle acties worden '%1'.</source>
            <translation>The list has no status column (or it is empty): all actions become '%1'.</translation>
        </message>
        <message>
            <source>%1 acties uit %2, blad %3.</source>
            <translation>%1 actions from %2, sheet %3.</translation>
        </message>
        <message>
            <source>Actielijnen in de lijst: %1.</source>
            <translation>Action lines in the list: %1.</translation>
        </message>
        <message>
            <source>... en nog %1 overgeslagen regels.</source>
            <translation>... and %1 more skipped rows.</translation>
        </message>
        <message>
            <source>Importeren...</source>
            <translation>Importing...</translation>
        </message>
        <message>
            <source>Trekkers herkend als organisatie of persoon: %1.</source>
            <translation>Leads recognised as organisation or person: %1.</translation>
        </message>
        <message>
            <source>Niet herkend (als tekst bewaard): %1.</source>
            <translation>Not recognised (kept as text): %1.</translation>
        </message>
        <message>
            <source>De acties komen terug bij het volgende overleg van deze reeks (ze worden vastgelegd onder het laatste overleg van de reeks).</source>
            <translation>The actions come back at the next meeting of this series (they are recorded under the last meeting of the series).</translation>
        </message>
        <message>
            <source>&amp;Koppelen aan reeks:</source>
            <translation>&amp;Link to series:</translation>
        </message>
        <message>
            <source>Deze acties worden aangemaakt, of bijgewerkt als hun nummer al bestaat (kolom Wordt). Controleer de herkende trekkers. Er wordt pas iets opgeslagen als u op Importeren klikt.</source>
            <translation>These actions are created, or updated when their number exists (column Becomes). Check the recognised leads. Nothing is saved until you click Import.</translation>
        </message>
        <message>
            <source>Details: %1</source>
            <translation>Details: %1</translation>
        </message>
        <message>
            <source>(geen reeks)</source>
            <translation>(no series)</translation>
        </message>
        <message>
            <source>%1 (uitstel: blijft open, telt één keer uitgesteld)</source>
            <translation>%1 (postponed: stays open, counts as postponed once)</translation>
        </message>
        <message>
            <source>%1 acties ingelezen uit %2, %3 bijgewerkt.</source>
            <translation>%1 actions read from %2, %3 updated.</translation>
        </message>
    </context>
    <context>
        <name>IndicatorModels</name>
        <message>
            <source>op koers</source>
            <translation>on track</translation>
        </message>
        <message>
            <source>niet op koers</source>
            <translation>off track</translation>
        </message>
        <message>
            <source>geen meting</source>
            <translation>no measurement</translation>
        </message>
        <message>
            <source>Tussenwaarde op de lijn van de nulmeting naar de volgende streefwaarde.</source>
            <translation>Interim value on the line from the baseline to the next target.</translation>
        </message>
        <message>
            <source>De laatste meting is voorlopig.</source>
            <translation>The latest measurement is provisional.</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>voorlopig</source>
            <translation>provisional</translation>
        </message>
        <message>
            <source>onbekend of geheim</source>
            <translation>unknown or confidential</translation>
        </message>
        <message>
            <source>%1 (%2): %3 Typ een getal zoals 1.620 of 12,5; een * erachter voor voorlopig, een punt (.) voor onbekend. Leeg maken wist de waarde.</source>
            <translation>%1 (%2): %3 Type a number such as 1.620 or 12,5; a * after it for provisional, a full stop (.) for unknown. Emptying the cell clears the value.</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsPage</name>
        <message>
            <source>Indicatoren</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>Actielijn:</source>
            <translation>Action line:</translation>
        </message>
        <message>
            <source>Cijfers importeren...</source>
            <translation>Import figures...</translation>
        </message>
        <message>
            <source>Cijfers inlezen uit Excel of uit een CSV-bestand van CBS StatLine, na een voorbeeld</source>
            <translation>Read figures from Excel or from a CBS StatLine CSV file, after a preview</translation>
        </message>
        <message>
            <source>Indicatoren per actielijn</source>
            <translation>Indicators per action line</translation>
        </message>
        <message>
            <source>Grafiek van de metingen</source>
            <translation>Chart of the measurements</translation>
        </message>
        <message>
            <source>Overzicht</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Typ een waarde in een cel en druk op Enter: 1.620 of 12,5. Zet er een * achter als het cijfer voorlopig is, typ een punt (.) als het onbekend is; Delete wist. Alles wordt meteen opgeslagen (Ctrl+Z maakt ongedaan).</source>
            <translation>Type a value in a cell and press Enter: 1.620 or 12,5 (Dutch notation). Add a * when the figure is provisional, type a full stop (.) when it is unknown; Delete clears. Everything is saved at once (Ctrl+Z undoes).</translation>
        </message>
        <message>
            <source>Invoer van cijfers per periode en gemeente</source>
            <translation>Entry of figures per period and municipality</translation>
        </message>
        <message>
            <source>Periode toevoegen bij de gekozen indicator:</source>
            <translation>Add a period to the chosen indicator:</translation>
        </message>
        <message>
            <source>bijv. 2024 H1 of 2024 K3</source>
            <translation>e.g. 2024 H1 or 2024 K3</translation>
        </message>
        <message>
            <source>Periode toevoegen</source>
            <translation>Add period</translation>
        </message>
        <message>
            <source>Toevoegen</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Invoer</source>
            <translation>Entry</translation>
        </message>
        <message>
            <source>Alle actielijnen</source>
            <translation>All action lines</translation>
        </message>
        <message>
            <source>%1 indicatoren</source>
            <translation>%1 indicators</translation>
        </message>
        <message>
            <source>Nog geen indicatoren. Importeer cijfers uit Excel of StatLine.</source>
            <translation>No indicators yet. Import figures from Excel or StatLine.</translation>
        </message>
        <message>
            <source>Eenheid: %1 · %2 · Niveau: %3</source>
            <translation>Unit: %1 · %2 · Level: %3</translation>
        </message>
        <message>
            <source>Bron: %1</source>
            <translation>Source: %1</translation>
        </message>
        <message>
            <source>Nulmeting: %1%2</source>
            <translation>Baseline: %1%2</translation>
        </message>
        <message>
            <source>Streefwaarde: %1</source>
            <translation>Target: %1</translation>
        </message>
        <message>
            <source>Actielijn: %1</source>
            <translation>Action line: %1</translation>
        </message>
        <message>
            <source>Er is nog geen meting voor het hele gebied.</source>
            <translation>There is no measurement for the whole area yet.</translation>
        </message>
        <message>
            <source>Laatste meting: %1 (%2).</source>
            <translation>Latest measurement: %1 (%2).</translation>
        </message>
        <message>
            <source>Dit cijfer is voorlopig.</source>
            <translation>This figure is provisional.</translation>
        </message>
        <message>
            <source>Ten opzichte van de streefwaarde: %1.</source>
            <translation>Against the target: %1.</translation>
        </message>
        <message>
            <source>%1 gewist</source>
            <translation>%1 cleared</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>hele gebied</source>
            <translation>whole area</translation>
        </message>
        <message>
            <source>%1 waarden gewist</source>
            <translation>%1 values cleared</translation>
        </message>
        <message>
            <source>Dat is geen periode. Typ een jaar (2024), halfjaar (2024 H1) of kwartaal (2024 K3).</source>
            <translation>That is not a period. Type a year (2024), half year (2024 H1) or quarter (2024 K3).</translation>
        </message>
        <message>
            <source>Cijfers importeren</source>
            <translation>Import figures</translation>
        </message>
        <message>
            <source>Excel of CSV (*.xlsx *.xlsm *.csv *.txt);;Alle bestanden (*)</source>
            <translation>Excel or CSV (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>Ingelezen: %1 nieuwe indicatoren, %2 waarden toegevoegd, %3 gewijzigd.</source>
            <translation>Imported: %1 new indicators, %2 values added, %3 changed.</translation>
        </message>
        <message>
            <source>Nieuwe indicator...</source>
            <translation>New indicator...</translation>
        </message>
        <message>
            <source>Bewerken...</source>
            <translation>Edit...</translation>
        </message>
        <message>
            <source>De gekozen indicator bewerken (ook dubbelklikken)</source>
            <translation>Edit the chosen indicator (or double-click)</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Exporteren naar Excel...</source>
            <translation>Export to Excel...</translation>
        </message>
        <message>
            <source>Alle indicatoren en cijfers in een Excel-bestand, een blad per niveau</source>
            <translation>All indicators and figures in an Excel file, a sheet per level</translation>
        </message>
        <message>
            <source>Indicator %1 toegevoegd</source>
            <translation>Indicator %1 added</translation>
        </message>
        <message>
            <source>Indicator %1 bewerkt</source>
            <translation>Indicator %1 edited</translation>
        </message>
        <message>
            <source>Indicator %1 verwijderd</source>
            <translation>Indicator %1 deleted</translation>
        </message>
        <message>
            <source>Indicator verwijderen</source>
            <translation>Delete indicator</translation>
        </message>
        <message>
            <source>Indicator '%1' verwijderen, met de nulmeting, %2 streefwaarden en %3 cijfers? Ongedaan maken (Ctrl+Z) zet alles terug.</source>
            <translation>Delete indicator '%1' with its baseline, %2 targets and %3 figures? Undo (Ctrl+Z) puts everything back.</translation>
        </message>
    </context>
    <context>
        <name>LateModel</name>
        <message>
            <source>Nummer</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Te laat</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>%1 d</source>
            <translation>%1 d</translation>
        </message>
    </context>
    <context>
        <name>ListItemModel</name>
        <message>
            <source>Regel</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Nr.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Actielijn</source>
            <translation>Action line</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Let op</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Wordt</source>
            <translation>Becomes</translation>
        </message>
        <message>
            <source>niet ingelezen</source>
            <translation>not read</translation>
        </message>
        <message>
            <source>bestaat al: wordt bijgewerkt</source>
            <translation>exists: will be updated</translation>
        </message>
        <message>
            <source>nieuw</source>
            <translation>new</translation>
        </message>
        <message>
            <source>(%1x uitgesteld)</source>
            <translation>(postponed %1x)</translation>
        </message>
        <message>
            <source>(uitgesteld +1)</source>
            <translation>(postponed +1)</translation>
        </message>
    </context>
    <context>
        <name>LocalStatusModel</name>
        <message>
            <source>Actie</source>
            <extracomment>A cell was given another status: (MatrixAction, MatrixOrganisation, status value or "" to clear).</extracomment>
            <translation>Action</translation>
        </message>
        <message>
            <source>Gereed</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>%1

Status in de regio: %2</source>
            <translation>%1

Status in the region: %2</translation>
        </message>
        <message>
            <source>%1: nog niets gemeld</source>
            <translation>%1: nothing reported yet</translation>
        </message>
    </context>
    <context>
        <name>LocalStatusWidget</name>
        <message>
            <source>Acties die "Alle gemeenten" dragen, met de stand per gemeente en partner. Dubbelklik op een cel om de status te wijzigen.</source>
            <translation>Actions carried by "all municipalities", with the state per municipality and partner. Double-click a cell to change the status.</translation>
        </message>
        <message>
            <source>Alleen gemeenten</source>
            <translation>Municipalities only</translation>
        </message>
        <message>
            <source>niet gemeld</source>
            <translation>not reported</translation>
        </message>
        <message>
            <source>%1 bij %2: %3</source>
            <translation>%1 at %2: %3</translation>
        </message>
        <message>
            <source>Stand per gemeente</source>
            <translation>Status per municipality</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Onderdeel kiezen (ook Ctrl+1 tot en met Ctrl+%1)</source>
            <translation>Choose a section (also Ctrl+1 to Ctrl+%1)</translation>
        </message>
        <message>
            <source>Verbinden met team&amp;database...</source>
            <translation>&amp;Connect to team database...</translation>
        </message>
        <message>
            <source>Het wachtwoord kon niet in de wachtwoordkluis worden bewaard.</source>
            <translation>The password could not be kept in the system's password store.</translation>
        </message>
        <message>
            <source>Teamdatabase niet bereikbaar</source>
            <translation>Team database not reachable</translation>
        </message>
        <message>
            <source>Wilt u het opnieuw proberen, of een databasebestand op deze computer openen?</source>
            <translation>Do you want to try again, or open a database file on this computer?</translation>
        </message>
        <message>
            <source>Opnieuw proberen...</source>
            <translation>Try again...</translation>
        </message>
        <message>
            <source>Lokaal bestand openen...</source>
            <translation>Open local file...</translation>
        </message>
        <message>
            <source>Teamdatabase %1 als %2</source>
            <translation>Team database %1 as %2</translation>
        </message>
        <message>
            <source>(teamdatabase)</source>
            <translation>(team database)</translation>
        </message>
        <message>
            <source>&amp;Handleiding</source>
            <translation>&amp;User guide</translation>
        </message>
        <message>
            <source>De handleiding bij het scherm dat u ziet (F1)</source>
            <translation>The user guide for the screen you are on (F1)</translation>
        </message>
        <message>
            <source>Nieuwe regio %1 aangemaakt in %2: %3 actielijnen, %4 gemeenten, %5 ketenpartners.</source>
            <translation>New region %1 created in %2: %3 action lines, %4 municipalities, %5 partners.</translation>
        </message>
        <message>
            <source>&amp;Bestand</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Database &amp;openen...</source>
            <translation>&amp;Open database...</translation>
        </message>
        <message>
            <source>&amp;Nieuwe database...</source>
            <translation>&amp;New database...</translation>
        </message>
        <message>
            <source>&amp;Proefdatabase op schaal maken...</source>
            <translation>Create &amp;test database at scale...</translation>
        </message>
        <message>
            <source>Overleg meenemen (o&amp;ffline)...</source>
            <translation>Take meeting along o&amp;ffline...</translation>
        </message>
        <message>
            <source>Offline &amp;werk terugzetten...</source>
            <translation>Return offline &amp;work...</translation>
        </message>
        <message>
            <source>&amp;Conflicten van offline werk</source>
            <translation>Offline conflict&amp;s</translation>
        </message>
        <message>
            <source>Document &amp;maken...</source>
            <translation>Create &amp;document...</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Actielijst &amp;importeren (Excel)...</source>
            <translation>&amp;Import action list (Excel)...</translation>
        </message>
        <message>
            <source>Pro&amp;gramma importeren (Word of Excel)...</source>
            <translation>Import pro&amp;gramme (Word or Excel)...</translation>
        </message>
        <message>
            <source>&amp;Voortgangsrapportages...</source>
            <translation>&amp;Progress reports...</translation>
        </message>
        <message>
            <source>&amp;Reservekopie maken</source>
            <translation>Make &amp;backup</translation>
        </message>
        <message>
            <source>Reservekopie &amp;terugzetten...</source>
            <translation>&amp;Restore backup...</translation>
        </message>
        <message>
            <source>&amp;Afsluiten</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>Be&amp;werken</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Zoeken...</source>
            <translation>&amp;Search...</translation>
        </message>
        <message>
            <source>Ctrl+K</source>
            <translation>Ctrl+K</translation>
        </message>
        <message>
            <source>Bee&amp;ld</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Vernieuwen</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>&amp;Taal</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Overleg</source>
            <translation>&amp;Meeting</translation>
        </message>
        <message>
            <source>&amp;Nieuw overleg...</source>
            <translation>&amp;New meeting...</translation>
        </message>
        <message>
            <source>Ctrl+Shift+N</source>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <source>Uitnodiging als .&amp;ics opslaan...</source>
            <translation>Save invitation as .&amp;ics...</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Over GHNT Desktop</source>
            <translation>&amp;About GHNT Desktop</translation>
        </message>
        <message>
            <source>De nieuwe taal wordt gebruikt na het opnieuw starten van GHNT Desktop.</source>
            <translation>The new language is used after GHNT Desktop is restarted.</translation>
        </message>
        <message>
            <source>Over GHNT Desktop</source>
            <translation>About GHNT Desktop</translation>
        </message>
        <message>
            <source>(geen database geopend)</source>
            <translation>(no database open)</translation>
        </message>
        <message>
            <source>&lt;h3&gt;GHNT Desktop %1&lt;/h3&gt;&lt;p&gt;Programma, overleggen, verslagen en actielijsten van het regionale netwerk &lt;i&gt;Geweld hoort nergens thuis&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Onderdelen:&lt;/b&gt;&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Licentie: EUPL-1.2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;GHNT Desktop %1&lt;/h3&gt;&lt;p&gt;Programme, meetings, minutes and action lists of the regional network &lt;i&gt;Geweld hoort nergens thuis&lt;/i&gt; (violence does not belong at home).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Components:&lt;/b&gt;&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Licence: EUPL-1.2&lt;/p&gt;</translation>
        </message>
        <message>
            <source>(alleen-lezen)</source>
            <translation>(read-only)</translation>
        </message>
        <message>
            <source>Offline kopie:</source>
            <translation>Offline copy:</translation>
        </message>
        <message>
            <source>&amp;Conflicten van offline werk (%1)</source>
            <translation>Offline conflict&amp;s (%1)</translation>
        </message>
        <message>
            <source>Reservekopie maken...</source>
            <translation>Making backup...</translation>
        </message>
        <message>
            <source>Reservekopie</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>Proefdatabase op schaal opslaan</source>
            <translation>Save test database at scale</translation>
        </message>
        <message>
            <source>Proefdatabase maken: tien jaar overleggen, besluiten en actiepunten...</source>
            <translation>Creating test database: ten years of meetings, decisions and action items...</translation>
        </message>
        <message>
            <source>Proefdatabase op schaal</source>
            <translation>Test database at scale</translation>
        </message>
        <message>
            <source>De proefdatabase %1 is gemaakt: %2 overleggen en %3 actiepunten. Nu openen?</source>
            <translation>The test database %1 has been created: %2 meetings and %3 action items. Open it now?</translation>
        </message>
        <message>
            <source>Proefdatabase gemaakt: %1</source>
            <translation>Test database created: %1</translation>
        </message>
        <message>
            <source>Proefdatabase geannuleerd; er is geen bestand achtergebleven.</source>
            <translation>Test database cancelled; no file was left behind.</translation>
        </message>
        <message>
            <source>Reservekopie gemaakt: %1</source>
            <translation>Backup made: %1</translation>
        </message>
        <message>
            <source>Reservekopie geannuleerd.</source>
            <translation>Backup cancelled.</translation>
        </message>
        <message>
            <source>Een alleen-lezen geopende database kan niet worden teruggezet.</source>
            <translation>A database opened read-only cannot be restored.</translation>
        </message>
        <message>
            <source>Reservekopie teruggezet; het vorige bestand staat in %1.</source>
            <translation>Backup restored; the previous file is in %1.</translation>
        </message>
        <message>
            <source>Er was nog geen database: een demodatabase is aangemaakt in %1.</source>
            <translation>There was no database yet: a demo database was created in %1.</translation>
        </message>
        <message>
            <source>Er was nog geen database: een lege database is aangemaakt in %1.</source>
            <translation>There was no database yet: an empty database was created in %1.</translation>
        </message>
        <message>
            <source>Database is in gebruik</source>
            <translation>Database is in use</translation>
        </message>
        <message>
            <source>U kunt de database alleen-lezen openen: bekijken en documenten maken kan, wijzigen niet.</source>
            <translation>You can open the database read-only: you can view it and create documents, but not make changes.</translation>
        </message>
        <message>
            <source>Alleen-lezen openen</source>
            <translation>Open read-only</translation>
        </message>
        <message>
            <source>Database kan niet worden geopend</source>
            <translation>Database cannot be opened</translation>
        </message>
        <message>
            <source>Het bestand is niet gewijzigd. Wilt u een ander bestand openen?</source>
            <translation>The file was not changed. Do you want to open another file?</translation>
        </message>
        <message>
            <source>Ander bestand openen...</source>
            <translation>Open another file...</translation>
        </message>
        <message>
            <source>Reservekopie terugzetten...</source>
            <translation>Restore backup...</translation>
        </message>
        <message>
            <source>Afsluiten</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>GHNT-database (*.db *.sqlite);;Alle bestanden (*)</source>
            <translation>GHNT database (*.db *.sqlite);;All files (*)</translation>
        </message>
        <message>
            <source>Database openen</source>
            <translation>Open database</translation>
        </message>
        <message>
            <source>Nieuwe database</source>
            <translation>New database</translation>
        </message>
        <message>
            <source>Het bestand %1 bestaat al; kies een nieuwe naam.</source>
            <translation>The file %1 already exists; choose a new name.</translation>
        </message>
        <message>
            <source>Deze database is alleen-lezen geopend: importeren kan niet. Open hem om te bewerken.</source>
            <translation>This database is open read-only: importing is not possible. Open it for editing.</translation>
        </message>
        <message>
            <source>Actielijst importeren</source>
            <translation>Import action list</translation>
        </message>
        <message>
            <source>Excel-werkmap (*.xlsx *.xlsm);;Alle bestanden (*)</source>
            <translation>Excel workbook (*.xlsx *.xlsm);;All files (*)</translation>
        </message>
        <message>
            <source>Actielijst vorig overleg overnemen</source>
            <translation>Carry forward action list of previous meeting</translation>
        </message>
        <message>
            <source>Verslag vaststellen</source>
            <translation>Approve minutes</translation>
        </message>
        <message>
            <source>Verslag heropenen</source>
            <translation>Reopen minutes</translation>
        </message>
        <message>
            <source>Ter besluitvorming voorleggen</source>
            <translation>Submit for decision</translation>
        </message>
        <message>
            <source>Voorleggen intrekken</source>
            <translation>Withdraw submission</translation>
        </message>
        <message>
            <source>Uw &amp;naam in de geschiedenis...</source>
            <translation>Your &amp;name in the history...</translation>
        </message>
        <message>
            <source>Uw naam</source>
            <translation>Your name</translation>
        </message>
        <message>
            <source>Onder welke naam legt de app uw wijzigingen en voortgang vast?
Bijvoorbeeld: Anna de Vries (secretaris).</source>
            <translation>Under which name does the app record your changes and progress?
For example: Anna de Vries (secretary).</translation>
        </message>
        <message>
            <source>Onderdelen</source>
            <extracomment>Below this width or height (logical pixels) the window switches to its narrow layout: 150% scaling on a 1366x768 laptop (910x512) is narrow, on a 1920x1080 one (1280x720) and 1366x768 unscaled are not. The pages in navigation order: key, module under ui/pages, class, and the title as the class translates it. A page is built (module imported, widgets made, data loaded) the first time it is shown or asked for: start-up builds only the page the user left the app on, after the window has painted (measured: window shown 209 -&gt; ~130 ms when pages became lazy, 150 -&gt; 106 ms when the first one waited for the paint). The user chose to quit because no database could be opened.</extracomment>
            <translation>Sections</translation>
        </message>
        <message>
            <source>&amp;Ongedaan maken:</source>
            <translation>&amp;Undo:</translation>
        </message>
        <message>
            <source>&amp;Opnieuw:</source>
            <translation>&amp;Redo:</translation>
        </message>
        <message>
            <source>Vertrouwelijk besluit voorleggen</source>
            <translation>Submit confidential decision</translation>
        </message>
        <message>
            <source>Besluit %1 is vertrouwelijk. Op de agenda van het bestuurlijk overleg komt dan alleen 'Vertrouwelijk besluit %1, zie besloten stuk'; de tekst gaat als besloten stuk mee. Wilt u de tekst toch op de agenda zetten?</source>
            <translation>Decision %1 is confidential. The agenda of the administrative meeting then only says 'Confidential decision %1, see closed document'; the text goes along as a closed document. Put the text on the agenda anyway?</translation>
        </message>
        <message>
            <source>Neutrale titel (aanbevolen)</source>
            <translation>Neutral title (recommended)</translation>
        </message>
        <message>
            <source>Tekst op de agenda zetten</source>
            <translation>Put the text on the agenda</translation>
        </message>
        <message>
            <source>Programma importeren</source>
            <translation>Import programme</translation>
        </message>
        <message>
            <source>Word-document of Excel-werkmap (*.docx *.xlsx *.xlsm);;Alle bestanden (*)</source>
            <translation>Word document or Excel workbook (*.docx *.xlsx *.xlsm);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>MeetingDetailsDialog</name>
        <message>
            <source>Gegevens van het overleg</source>
            <translation>Meeting details</translation>
        </message>
        <message>
            <source>&amp;Titel:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>&amp;Locatie:</source>
            <translation>&amp;Location:</translation>
        </message>
        <message>
            <source>&amp;Voorzitter:</source>
            <translation>&amp;Chair:</translation>
        </message>
        <message>
            <source>&amp;Notulist:</source>
            <translation>&amp;Minute taker:</translation>
        </message>
        <message>
            <source>N&amp;otities:</source>
            <translation>N&amp;otes:</translation>
        </message>
        <message>
            <source>Datum en tijd wijzigt u met Verplaatsen; daarna de uitnodiging (.ics) opnieuw sturen.</source>
            <translation>Change the date and time with Move, then send the invitation (.ics) again.</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Een overleg heeft een titel nodig.</source>
            <translation>A meeting needs a title.</translation>
        </message>
        <message>
            <source>voorzitter</source>
            <translation>chair</translation>
        </message>
        <message>
            <source>notulist</source>
            <translation>minute taker</translation>
        </message>
        <message>
            <source>Kies de %1 uit de lijst (of laat het veld leeg).</source>
            <translation>Choose the %1 from the list (or leave the field empty).</translation>
        </message>
        <message>
            <source>Online l&amp;ink:</source>
            <translation>Online l&amp;ink:</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialogs</name>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>MeetingTableModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tijd</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Reeks</source>
            <translation>Series</translation>
        </message>
        <message>
            <source>Titel</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Locatie</source>
            <translation>Location</translation>
        </message>
    </context>
    <context>
        <name>MeetingView</name>
        <message>
            <source>Uitnodiging (.ics)...</source>
            <extracomment>The meeting was deleted (the page selects another).</extracomment>
            <translation>Invitation (.ics)...</translation>
        </message>
        <message>
            <source>De uitnodiging als agendabestand opslaan (ook na verplaatsen of annuleren)</source>
            <translation>Save the invitation as a calendar file (also after rescheduling or cancelling)</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>&amp;Gegevens wijzigen...</source>
            <translation>Edit &amp;details...</translation>
        </message>
        <message>
            <source>Titel, locatie, online link, voorzitter, notulist en notities</source>
            <translation>Title, location, online link, chair, minute taker and notes</translation>
        </message>
        <message>
            <source>Verplaatsen...</source>
            <translation>Reschedule...</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Status terugzetten</source>
            <translation>Revert status</translation>
        </message>
        <message>
            <source>Wijzigingsgeschiedenis...</source>
            <translation>Change history...</translation>
        </message>
        <message>
            <source>Overleg verwijderen</source>
            <translation>Delete meeting</translation>
        </message>
        <message>
            <source>Heropenen...</source>
            <translation>Reopen...</translation>
        </message>
        <message>
            <source>&amp;Agenda</source>
            <translation>&amp;Agenda</translation>
        </message>
        <message>
            <source>Kies een overleg in de lijst, of maak een nieuw overleg.</source>
            <translation>Choose a meeting in the list, or create a new meeting.</translation>
        </message>
        <message>
            <source>%1, overleg %2 van %3</source>
            <translation>%1, meeting %2 of %3</translation>
        </message>
        <message>
            <source>voorzitter %1</source>
            <translation>chair %1</translation>
        </message>
        <message>
            <source>notulist %1</source>
            <translation>minute taker %1</translation>
        </message>
        <message>
            <source>Annulering opheffen</source>
            <translation>Undo cancellation</translation>
        </message>
        <message>
            <source>Het verslag is vastgesteld en kan niet meer worden gewijzigd. Heropen het (met een reden) om het toch aan te passen; de reden wordt bewaard.</source>
            <translation>The minutes have been approved and can no longer be changed. Reopen them (with a reason) to change them after all; the reason is kept.</translation>
        </message>
        <message>
            <source>Dit overleg is geannuleerd. Agenda en aanwezigheid zijn bewaard; sla de annulering als .ics op.</source>
            <translation>This meeting has been cancelled. Agenda and attendance are kept; save the cancellation as .ics.</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>Gegevens van het overleg wijzigen</source>
            <translation>Edit the meeting details</translation>
        </message>
        <message>
            <source>Overleg verplaatsen</source>
            <translation>Reschedule meeting</translation>
        </message>
        <message>
            <source>Overleg verplaatst. Sla de bijgewerkte uitnodiging (.ics) op en verstuur die opnieuw.</source>
            <translation>Meeting rescheduled. Save the updated invitation (.ics) and send it again.</translation>
        </message>
        <message>
            <source>Overleg geannuleerd. Sla de annulering (.ics) op en verstuur die aan de genodigden.</source>
            <translation>Meeting cancelled. Save the cancellation (.ics) and send it to the invitees.</translation>
        </message>
        <message>
            <source>Uitnodiging opslaan</source>
            <translation>Save invitation</translation>
        </message>
        <message>
            <source>Agendabestand (*.ics)</source>
            <translation>Calendar file (*.ics)</translation>
        </message>
        <message>
            <source>Het bestand %1 kon niet worden geschreven: %2</source>
            <translation>The file %1 could not be written: %2</translation>
        </message>
        <message>
            <source>Annulering</source>
            <translation>Cancellation</translation>
        </message>
        <message>
            <source>Uitnodiging</source>
            <translation>Invitation</translation>
        </message>
        <message>
            <source>%1 opgeslagen in %2 (versie %3).</source>
            <translation>%1 saved in %2 (version %3).</translation>
        </message>
        <message>
            <source>Vergaderstukken &amp;mailen...</source>
            <translation>&amp;Mail meeting documents...</translation>
        </message>
        <message>
            <source>Agenda, verslag van het vorige overleg en actielijst (PDF als LibreOffice er is) met de uitnodiging in een concept-e-mail aan de genodigden; vertrouwelijke onderdelen blijven eruit</source>
            <translation>Agenda, minutes of the previous meeting and action list (PDF when LibreOffice is there) with the invitation in a draft e-mail to the invitees; confidential parts are left out</translation>
        </message>
        <message>
            <source>Aanwe&amp;zigheid</source>
            <translation>Atten&amp;dance</translation>
        </message>
        <message>
            <source>No&amp;tuleren</source>
            <translation>Minu&amp;tes</translation>
        </message>
        <message>
            <source>Besluiten en a&amp;cties</source>
            <translation>Decisions and a&amp;ctions</translation>
        </message>
        <message>
            <source>Aanwe&amp;zigheid (%1)</source>
            <translation>Atten&amp;dance (%1)</translation>
        </message>
        <message>
            <source>Besluiten en a&amp;cties (%1/%2)</source>
            <translation>Decisions and a&amp;ctions (%1/%2)</translation>
        </message>
        <message>
            <source>De&amp;finitief plannen</source>
            <translation>Finalise p&amp;lanning</translation>
        </message>
        <message>
            <source>Overleg &amp;gehouden</source>
            <translation>Meetin&amp;g held</translation>
        </message>
        <message>
            <source>Versla&amp;g vaststellen...</source>
            <translation>Approve mi&amp;nutes...</translation>
        </message>
        <message>
            <source>Het overleg staat op %1; die dag is nog niet geweest.

Is het overleg echt al gehouden? Verplaats het anders eerst naar de dag waarop het werd gehouden.</source>
            <translation>The meeting is on %1; that day has not come yet.

Has the meeting really been held? Otherwise move it first to the day it was held.</translation>
        </message>
        <message>
            <source>Ja, gehouden op %1</source>
            <translation>Yes, held on %1</translation>
        </message>
        <message>
            <source>Het overleg staat op %1; die dag is nog niet geweest.

Is het verslag echt al vastgesteld?</source>
            <translation>The meeting is on %1; that day has not come yet.

Have the minutes really been approved?</translation>
        </message>
        <message>
            <source>Ja, vaststellen (overleg van %1)</source>
            <translation>Yes, approve (meeting of %1)</translation>
        </message>
        <message>
            <source>Overleg in de toekomst</source>
            <translation>Meeting in the future</translation>
        </message>
        <message>
            <source> en nog %1</source>
            <translation> and %1 more</translation>
        </message>
        <message>
            <source>Van %1 genodigden is niet vastgelegd of ze aanwezig waren: %2.

Wat wilt u met hen doen? (Annuleren om eerst de aanwezigheid in te vullen.)</source>
            <translation>For %1 invitees it was not recorded whether they attended: %2.

What do you want to do with them? (Cancel to fill in the attendance first.)</translation>
        </message>
        <message>
            <source>Aanwezigheid niet ingevuld</source>
            <translation>Attendance not filled in</translation>
        </message>
        <message>
            <source>Afwezig melden</source>
            <translation>Mark absent</translation>
        </message>
        <message>
            <source>Onbekend laten</source>
            <translation>Leave unknown</translation>
        </message>
        <message>
            <source>Vergaderstukken opslaan als e-mail</source>
            <translation>Save meeting documents as e-mail</translation>
        </message>
        <message>
            <source>E-mailbericht (*.eml)</source>
            <translation>E-mail message (*.eml)</translation>
        </message>
        <message>
            <source>Vergaderstukken maken...</source>
            <translation>Making meeting documents...</translation>
        </message>
        <message>
            <source>Vergaderstukken mailen</source>
            <translation>Mail meeting documents</translation>
        </message>
        <message>
            <source>Vergaderstukken afgebroken; niets opgeslagen.</source>
            <translation>Meeting documents cancelled; nothing saved.</translation>
        </message>
        <message>
            <source>Concept-e-mail met de vergaderstukken opgeslagen in %1.</source>
            <translation>Draft e-mail with the meeting documents saved in %1.</translation>
        </message>
        <message>
            <source>Zonder e-mailadres: %1.</source>
            <translation>Without e-mail address: %1.</translation>
        </message>
        <message>
            <source>Vertrouwelijke onderdelen zijn weggelaten (zie de e-mail).</source>
            <translation>Confidential parts were left out (see the e-mail).</translation>
        </message>
        <message>
            <source>Zonder LibreOffice zijn de stukken Word-bestanden.</source>
            <translation>Without LibreOffice the documents are Word files.</translation>
        </message>
    </context>
    <context>
        <name>MeetingsPage</name>
        <message>
            <source>Overleggen</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Alle soorten</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>Alle reeksen</source>
            <translation>All series</translation>
        </message>
        <message>
            <source>Alle datums</source>
            <translation>All dates</translation>
        </message>
        <message>
            <source>Komende</source>
            <translation>Upcoming</translation>
        </message>
        <message>
            <source>Eerdere</source>
            <translation>Past</translation>
        </message>
        <message>
            <source>&amp;Nieuw overleg...</source>
            <translation>Ne&amp;w meeting...</translation>
        </message>
        <message>
            <source>&amp;Soort:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Reeks:</source>
            <translation>&amp;Series:</translation>
        </message>
        <message>
            <source>&amp;Periode:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>1 overleg</source>
            <translation>1 meeting</translation>
        </message>
        <message>
            <source>%1 overleggen</source>
            <translation>%1 meetings</translation>
        </message>
        <message>
            <source>Nieuw overleg</source>
            <translation>New meeting</translation>
        </message>
        <message>
            <source>Nieuwe overlegreeks</source>
            <translation>New meeting series</translation>
        </message>
    </context>
    <context>
        <name>MemberTableModel</name>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
    </context>
    <context>
        <name>MinutesTab</name>
        <message>
            <source>geen datum herkend; de tekst wordt bewaard zoals getypt</source>
            <translation>no date recognised; the text is kept as typed</translation>
        </message>
        <message>
            <source>= %1</source>
            <translation>= %1</translation>
        </message>
        <message>
            <source>= %1 t/m %2</source>
            <translation>= %1 to %2</translation>
        </message>
        <message>
            <source>◀ Vorige</source>
            <translation>◀ Previous</translation>
        </message>
        <message>
            <source>Vorig agendapunt (Alt+Links of PgUp)</source>
            <translation>Previous agenda item (Alt+Left or PgUp)</translation>
        </message>
        <message>
            <source>Volgende ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>Volgend agendapunt (Alt+Rechts of PgDn)</source>
            <translation>Next agenda item (Alt+Right or PgDn)</translation>
        </message>
        <message>
            <source>Geschiedenis...</source>
            <translation>History...</translation>
        </message>
        <message>
            <source>Wie wat wanneer wijzigde aan dit agendapunt en zijn verslag</source>
            <translation>Who changed what and when in this agenda item and its minutes</translation>
        </message>
        <message>
            <source>Verslag van dit agendapunt: wat is besproken (geen cliëntgegevens)</source>
            <translation>Minutes of this agenda item: what was discussed (no client data)</translation>
        </message>
        <message>
            <source>&amp;Verslag</source>
            <translation>Minutes te&amp;xt</translation>
        </message>
        <message>
            <source>Tekst van het besluit; Ctrl+Enter legt het vast</source>
            <translation>Text of the decision; Ctrl+Enter records it</translation>
        </message>
        <message>
            <source>Vertrouwelijk</source>
            <translation>Confidential</translation>
        </message>
        <message>
            <source>Besluit toevoegen (Ctrl+Enter)</source>
            <translation>Add decision (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Ter besluitvorming voorleggen</source>
            <translation>Submit for decision</translation>
        </message>
        <message>
            <source>Het gekozen besluit aan het bestuurlijk overleg voorleggen</source>
            <translation>Submit the chosen decision to the administrative meeting</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Wat moet er gebeuren?</source>
            <translation>What needs to be done?</translation>
        </message>
        <message>
            <source>naam of organisatie</source>
            <translation>name or organisation</translation>
        </message>
        <message>
            <source>15-04-2020, Q2 2020, voor de zomer...</source>
            <translation>15-04-2020, Q2 2020, voor de zomer...</translation>
        </message>
        <message>
            <source>Toezegging (aan of door het bestuur)</source>
            <translation>Commitment (to or by the administrators)</translation>
        </message>
        <message>
            <source>Actie toevoegen (Ctrl+Enter)</source>
            <translation>Add action (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Wijzigen...</source>
            <translation>Edit...</translation>
        </message>
        <message>
            <source>Tekst, trekker, deadline of soort van de gekozen actie corrigeren</source>
            <translation>Correct the text, lead, deadline or kind of the selected action</translation>
        </message>
        <message>
            <source>&amp;Deadline:</source>
            <translation>Deadl&amp;ine:</translation>
        </message>
        <message>
            <source>Wat is gedaan?</source>
            <translation>What has been done?</translation>
        </message>
        <message>
            <source>Wat moet nog?</source>
            <translation>What remains to be done?</translation>
        </message>
        <message>
            <source>Voortgang vastleggen (Ctrl+Enter)</source>
            <translation>Record progress (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Deadline:</source>
            <translation>Deadline:</translation>
        </message>
        <message>
            <source>Een latere deadline telt als uitstel.</source>
            <translation>A later deadline counts as a postponement.</translation>
        </message>
        <message>
            <source>Na vastleggen volgt de volgende actie.</source>
            <translation>After saving, the next action follows.</translation>
        </message>
        <message>
            <source>Besluiten</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>Actiepunten</source>
            <translation>Action points</translation>
        </message>
        <message>
            <source>Actielijst vorig overleg</source>
            <translation>Action list of previous meeting</translation>
        </message>
        <message>
            <source>Voortgang actieprogramma</source>
            <translation>Programme progress</translation>
        </message>
        <message>
            <source>— geen actie uit het programma —</source>
            <translation>— no programme action —</translation>
        </message>
        <message>
            <source>Actielijst vorig overleg (%1)</source>
            <translation>Action list of previous meeting (%1)</translation>
        </message>
        <message>
            <source>inbrenger %1</source>
            <translation>presenter %1</translation>
        </message>
        <message>
            <source>vertrouwelijk</source>
            <translation>confidential</translation>
        </message>
        <message>
            <source>gast: %1</source>
            <translation>guest: %1</translation>
        </message>
        <message>
            <source>Besluiten (%1)</source>
            <translation>Decisions (%1)</translation>
        </message>
        <message>
            <source>Actiepunten (%1)</source>
            <translation>Action points (%1)</translation>
        </message>
        <message>
            <source>Wordt opgeslagen...</source>
            <translation>Saving...</translation>
        </message>
        <message>
            <source>Opgeslagen</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>Verslag agendapunt %1</source>
            <translation>Minutes of agenda item %1</translation>
        </message>
        <message>
            <source>Opgeslagen om %1</source>
            <translation>Saved at %1</translation>
        </message>
        <message>
            <source>Besluit toevoegen</source>
            <translation>Add decision</translation>
        </message>
        <message>
            <source>Besluit %1 vastgelegd.</source>
            <translation>Decision %1 recorded.</translation>
        </message>
        <message>
            <source>Besluit verwijderen</source>
            <translation>Delete decision</translation>
        </message>
        <message>
            <source>Actie toevoegen</source>
            <translation>Add action</translation>
        </message>
        <message>
            <source>Actie %1 vastgelegd.</source>
            <translation>Action %1 recorded.</translation>
        </message>
        <message>
            <source>Actie verwijderen</source>
            <translation>Delete action</translation>
        </message>
        <message>
            <source>Voortgang %1</source>
            <translation>Progress %1</translation>
        </message>
        <message>
            <source>Deadline van %1 verschoven: telt als uitstel.</source>
            <translation>Deadline of %1 moved: counts as a postponement.</translation>
        </message>
        <message>
            <source>Voortgang actieprogramma (%1)</source>
            <translation>Programme progress (%1)</translation>
        </message>
        <message>
            <source>Agendapunten</source>
            <translation>Agenda items</translation>
        </message>
        <message>
            <source>Verslag van dit agendapunt</source>
            <translation>Minutes of this agenda item</translation>
        </message>
        <message>
            <source>Geen cliëntgegevens</source>
            <translation>No client data</translation>
        </message>
        <message>
            <source>Besluiten bij dit agendapunt</source>
            <extracomment>Typed but not yet recorded decisions, actions and progress, kept per record (``drafts.py``).</extracomment>
            <translation>Decisions of this agenda item</translation>
        </message>
        <message>
            <source>Nieuw besluit</source>
            <translation>New decision</translation>
        </message>
        <message>
            <source>Ctrl+Enter legt het besluit vast</source>
            <translation>Ctrl+Enter records the decision</translation>
        </message>
        <message>
            <source>Nieuw beslu&amp;it:</source>
            <translation>New dec&amp;ision:</translation>
        </message>
        <message>
            <source>Actiepunten bij dit agendapunt</source>
            <translation>Action items of this agenda item</translation>
        </message>
        <message>
            <source>Nieuw actiepunt: wat moet er gebeuren</source>
            <translation>New action item: what needs to be done</translation>
        </message>
        <message>
            <source>Acties uit eerdere overleggen</source>
            <translation>Actions from earlier meetings</translation>
        </message>
        <message>
            <source>Doorgeschoven</source>
            <translation>Deferred</translation>
        </message>
        <message>
            <source>Uitgesteld naar later: de actie blijft open en telt als uitstel</source>
            <translation>Deferred: the action stays open and counts as postponed</translation>
        </message>
        <message>
            <source>Wat is gedaan</source>
            <translation>What has been done</translation>
        </message>
        <message>
            <source>Wat moet nog</source>
            <translation>What remains to be done</translation>
        </message>
        <message>
            <source>Markeer punt als vertrouweli&amp;jk</source>
            <translation>Mar&amp;k item as confidential</translation>
        </message>
        <message>
            <source>Acti&amp;e:</source>
            <translation>Acti&amp;on:</translation>
        </message>
        <message>
            <source>Tre&amp;kker:</source>
            <translation>&amp;Lead:</translation>
        </message>
        <message>
            <source>Progra&amp;mma:</source>
            <translation>P&amp;rogramme:</translation>
        </message>
        <message>
            <source>Stat&amp;us:</source>
            <translation>Stat&amp;us:</translation>
        </message>
        <message>
            <source>Ge&amp;daan:</source>
            <translation>D&amp;one:</translation>
        </message>
        <message>
            <source>Nog t&amp;e doen:</source>
            <translation>St&amp;ill to do:</translation>
        </message>
        <message>
            <source>Acties uit het programma</source>
            <translation>Actions from the programme</translation>
        </message>
        <message>
            <source>Agendapunt %1 vertrouwelijk</source>
            <translation>Agenda item %1 confidential</translation>
        </message>
        <message>
            <source>besluit of actiepunt bij agendapunt %1</source>
            <translation>decision or action item at agenda item %1</translation>
        </message>
        <message>
            <source>Nog niet vastgelegd besluit of actiepunt bij punt %1 teruggezet.</source>
            <translation>Unrecorded decision or action item at item %1 put back.</translation>
        </message>
        <message>
            <source>voortgang van %1</source>
            <translation>progress of %1</translation>
        </message>
        <message>
            <source>Nog niet vastgelegde voortgang van %1 teruggezet.</source>
            <translation>Unrecorded progress of %1 put back.</translation>
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <source>Overleg verplaatsen</source>
            <translation>Reschedule meeting</translation>
        </message>
        <message>
            <source>Nieuwe &amp;datum:</source>
            <translation>New &amp;date:</translation>
        </message>
        <message>
            <source>&amp;Begintijd:</source>
            <translation>&amp;Start time:</translation>
        </message>
        <message>
            <source>&amp;Eindtijd:</source>
            <translation>&amp;End time:</translation>
        </message>
        <message>
            <source>Agenda, aanwezigheid en meegenomen actiepunten blijven bij het overleg. Sla daarna de bijgewerkte uitnodiging (.ics) op en verstuur die opnieuw.</source>
            <translation>Agenda, attendance and carried-forward action points stay with the meeting. Then save the updated invitation (.ics) and send it again.</translation>
        </message>
        <message>
            <source>Verplaatsen</source>
            <translation>Reschedule</translation>
        </message>
    </context>
    <context>
        <name>NewMeetingDialog</name>
        <message>
            <source>Nieuw overleg</source>
            <translation>New meeting</translation>
        </message>
        <message>
            <source>Los overleg (geen reeks)</source>
            <translation>Single meeting (no series)</translation>
        </message>
        <message>
            <source>Nieuwe overlegreeks...</source>
            <translation>New meeting series...</translation>
        </message>
        <message>
            <source>Leden uitnodigen</source>
            <translation>Invite members</translation>
        </message>
        <message>
            <source>&amp;Reeks:</source>
            <translation>&amp;Series:</translation>
        </message>
        <message>
            <source>&amp;Soort:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Titel:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>van</source>
            <translation>from</translation>
        </message>
        <message>
            <source>tot</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;Datum:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>&amp;Locatie:</source>
            <translation>&amp;Location:</translation>
        </message>
        <message>
            <source>&amp;Voorzitter:</source>
            <translation>&amp;Chair:</translation>
        </message>
        <message>
            <source>&amp;Notulist:</source>
            <translation>&amp;Minute taker:</translation>
        </message>
        <message>
            <source>&amp;Uitgenodigden:</source>
            <translation>In&amp;vitees:</translation>
        </message>
        <message>
            <source>Uit &amp;werkgroep:</source>
            <translation>From &amp;working group:</translation>
        </message>
        <message>
            <source>Overleg aanmaken</source>
            <translation>Create meeting</translation>
        </message>
        <message>
            <source>Een los overleg hoort bij geen reeks; besluiten krijgen nummers OV-.</source>
            <translation>A single meeting belongs to no series; decisions get numbers OV-.</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Voorgestelde datum volgens het ritme van de reeks: %1.</source>
            <translation>Suggested date following the rhythm of the series: %1.</translation>
        </message>
        <message>
            <source>Begintijd</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Eindtijd</source>
            <translation>End time</translation>
        </message>
        <message>
            <source>&amp;Online link:</source>
            <translation>&amp;Online link:</translation>
        </message>
    </context>
    <context>
        <name>NewRegionDialog</name>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>t/m</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;Regio:</source>
            <translation>&amp;Region:</translation>
        </message>
        <message>
            <source>&amp;Looptijd:</source>
            <translation>Peri&amp;od:</translation>
        </message>
        <message>
            <source>Welkom bij GHNT Desktop</source>
            <translation>Welcome to GHNT Desktop</translation>
        </message>
        <message>
            <source>&amp;Demo bekijken</source>
            <translation>View the &amp;demo</translation>
        </message>
        <message>
            <source>&amp;Nieuwe regio...</source>
            <translation>&amp;New region...</translation>
        </message>
        <message>
            <source>Bestaande database &amp;openen...</source>
            <translation>&amp;Open an existing database...</translation>
        </message>
        <message>
            <source>Nieuwe regio</source>
            <translation>New region</translation>
        </message>
        <message>
            <source>bijvoorbeeld Zuid-Holland Zuid</source>
            <translation>for example Zuid-Holland Zuid</translation>
        </message>
        <message>
            <source>bijvoorbeeld Regionaal actieprogramma GHNT</source>
            <translation>for example Regional action programme GHNT</translation>
        </message>
        <message>
            <source>De drie landelijke actielijnen</source>
            <translation>The three national action lines</translation>
        </message>
        <message>
            <source>Eigen actielijnen (één per regel):</source>
            <translation>Own action lines (one per line):</translation>
        </message>
        <message>
            <source> x per jaar</source>
            <translation> x per year</translation>
        </message>
        <message>
            <source>Processtappen en doelgroepen als labels (aan te passen in het programma)</source>
            <translation>Process steps and target groups as labels (editable in the programme)</translation>
        </message>
        <message>
            <source>&amp;Programma:</source>
            <translation>&amp;Programme:</translation>
        </message>
        <message>
            <source>Actielijnen:</source>
            <translation>Action lines:</translation>
        </message>
        <message>
            <source>&amp;Afstemmingsoverleg:</source>
            <translation>&amp;Coordination meeting:</translation>
        </message>
        <message>
            <source>&amp;Bestuurlijk overleg:</source>
            <translation>&amp;Board meeting:</translation>
        </message>
        <message>
            <source>&amp;Gemeenten van de regio</source>
            <translation>&amp;Municipalities of the region</translation>
        </message>
        <message>
            <source>Eén gemeente per regel, of geplakt uit Word of Excel:
Alblasserdam
Dordrecht
Gorinchem
...</source>
            <translation>One municipality per line, or pasted from Word or Excel:
Alblasserdam
Dordrecht
Gorinchem
...</translation>
        </message>
        <message>
            <source>%1 gemeenten gelezen</source>
            <translation>%1 municipalities read</translation>
        </message>
        <message>
            <source>Belangrijkste &amp;ketenpartners</source>
            <translation>Main par&amp;tners</translation>
        </message>
        <message>
            <source>Eén organisatie per regel:
Veilig Thuis
Politie
Openbaar Ministerie
GGD
...</source>
            <translation>One organisation per line:
Veilig Thuis
Politie
Openbaar Ministerie
GGD
...</translation>
        </message>
        <message>
            <source>%1 ketenpartners gelezen</source>
            <translation>%1 partners read</translation>
        </message>
        <message>
            <source>Regio aan&amp;maken</source>
            <translation>Cre&amp;ate region</translation>
        </message>
        <message>
            <source>(regio)</source>
            <translation>(region)</translation>
        </message>
        <message>
            <source>Afstemmingsoverleg GHNT %1</source>
            <translation>Afstemmingsoverleg GHNT %1</translation>
        </message>
        <message>
            <source>Bestuurlijk overleg GHNT %1</source>
            <translation>Bestuurlijk overleg GHNT %1</translation>
        </message>
        <message>
            <source>Vul de eigen actielijnen in, één per regel, of kies de landelijke drie.</source>
            <translation>Fill in the own action lines, one per line, or choose the national three.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Hoe wilt u beginnen?&lt;/b&gt;&lt;br&gt;&lt;br&gt;Met de demo ziet u hoe de app werkt: het actieprogramma van de regio Groningen met een jaar overleggen, besluiten en acties (verzonnen mensen).&lt;br&gt;&lt;br&gt;Met een nieuwe regio begint u met een lege database voor uw eigen programma: u vult de naam van de regio, het programma, de gemeenten en de ketenpartners in.</source>
            <translation>&lt;b&gt;How would you like to start?&lt;/b&gt;&lt;br&gt;&lt;br&gt;The demo shows how the app works: the action programme of the Groningen region with a year of meetings, decisions and actions (invented people).&lt;br&gt;&lt;br&gt;With a new region you start with an empty database for your own programme: you fill in the name of the region, the programme, the municipalities and the partners.</translation>
        </message>
        <message>
            <source>Looptijd tot en met</source>
            <translation>Runs until</translation>
        </message>
        <message>
            <source>Eigen actielijnen, één per regel</source>
            <translation>Own action lines, one per line</translation>
        </message>
        <message>
            <source>Afstemmingsoverleggen per jaar</source>
            <translation>Coordination meetings per year</translation>
        </message>
        <message>
            <source>Bestuurlijke overleggen per jaar</source>
            <translation>Board meetings per year</translation>
        </message>
        <message>
            <source>1 gemeente gelezen</source>
            <translation>1 municipality read</translation>
        </message>
        <message>
            <source>1 ketenpartner gelezen</source>
            <translation>1 partner read</translation>
        </message>
    </context>
    <context>
        <name>NewSeriesDialog</name>
        <message>
            <source>Nieuwe overlegreeks</source>
            <translation>New meeting series</translation>
        </message>
        <message>
            <source>bijvoorbeeld AO</source>
            <translation>for example AO</translation>
        </message>
        <message>
            <source>&amp;Naam:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <source>&amp;Soort:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>Overleggen per &amp;jaar:</source>
            <translation>Meetings per &amp;year:</translation>
        </message>
        <message>
            <source>tot</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;Tijd:</source>
            <translation>&amp;Time:</translation>
        </message>
        <message>
            <source>Begintijd</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>Eindtijd</source>
            <translation>End time</translation>
        </message>
        <message>
            <source>&amp;Locatie:</source>
            <translation>&amp;Location:</translation>
        </message>
        <message>
            <source>&amp;Voorzitter:</source>
            <translation>C&amp;hair:</translation>
        </message>
        <message>
            <source>N&amp;otulist:</source>
            <translation>&amp;Minute taker:</translation>
        </message>
        <message>
            <source>&amp;Escaleert naar:</source>
            <translation>&amp;Escalates to:</translation>
        </message>
        <message>
            <source>Reeks aanmaken</source>
            <translation>Create series</translation>
        </message>
    </context>
    <context>
        <name>OrganisationTableModel</name>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Afkorting</source>
            <translation>Abbreviation</translation>
        </message>
        <message>
            <source>Personen</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Gearchiveerd</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>Ook bekend als: %1</source>
            <translation>Also known as: %1</translation>
        </message>
    </context>
    <context>
        <name>OrganisationsPage</name>
        <message>
            <source>Organisaties &amp; personen</source>
            <translation>Organisations &amp; people</translation>
        </message>
        <message>
            <source>Nieuwe organisatie...</source>
            <translation>New organisation...</translation>
        </message>
        <message>
            <source>Bewerken...</source>
            <translation>Edit...</translation>
        </message>
        <message>
            <source>Archiveren</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>Samenvoegen...</source>
            <translation>Merge...</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Nieuwe persoon...</source>
            <translation>New person...</translation>
        </message>
        <message>
            <source>Vertrek en opvolger...</source>
            <translation>Departure and successor...</translation>
        </message>
        <message>
            <source>Personen</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Geschiedenis...</source>
            <translation>History...</translation>
        </message>
        <message>
            <source>1 organisatie</source>
            <translation>1 organisation</translation>
        </message>
        <message>
            <source>%1 organisaties</source>
            <translation>%1 organisations</translation>
        </message>
        <message>
            <source>Personen van %1 (%2)</source>
            <translation>People of %1 (%2)</translation>
        </message>
        <message>
            <source>Terughalen</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Nieuwe organisatie</source>
            <translation>New organisation</translation>
        </message>
        <message>
            <source>Organisatie wijzigen</source>
            <translation>Change organisation</translation>
        </message>
        <message>
            <source>Organisatie terughalen</source>
            <translation>Restore organisation</translation>
        </message>
        <message>
            <source>Organisatie archiveren</source>
            <translation>Archive organisation</translation>
        </message>
        <message>
            <source>Samenvoegen met %1</source>
            <translation>Merge with %1</translation>
        </message>
        <message>
            <source>Samengevoegd met %1.</source>
            <translation>Merged with %1.</translation>
        </message>
        <message>
            <source>%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.

Wilt u de organisatie archiveren? Verslagen en lijsten blijven dan kloppen.</source>
            <translation>%1 cannot be deleted: it is referred to from %2.

Do you want to archive the organisation? Minutes and lists then stay correct.</translation>
        </message>
        <message>
            <source>Wilt u %1 verwijderen? U kunt dit ongedaan maken met Ctrl+Z.</source>
            <translation>Do you want to delete %1? You can undo this with Ctrl+Z.</translation>
        </message>
        <message>
            <source>%1 verwijderen</source>
            <translation>Delete %1</translation>
        </message>
        <message>
            <source>Nieuwe persoon</source>
            <translation>New person</translation>
        </message>
        <message>
            <source>Persoon wijzigen</source>
            <translation>Change person</translation>
        </message>
        <message>
            <source>Vertrek van %1</source>
            <translation>Departure of %1</translation>
        </message>
        <message>
            <source>Vertrek van %1 vastgelegd.</source>
            <translation>Departure of %1 recorded.</translation>
        </message>
        <message>
            <source>Persoon terughalen</source>
            <translation>Restore person</translation>
        </message>
        <message>
            <source>Persoon archiveren</source>
            <translation>Archive person</translation>
        </message>
        <message>
            <source>%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.

Wilt u de persoon archiveren? Gebruik Vertrek en opvolger als iemand weggaat.</source>
            <translation>%1 cannot be deleted: it is referred to from %2.

Do you want to archive the person? Use Departure and successor when someone leaves.</translation>
        </message>
        <message>
            <source>Organisaties</source>
            <translation>Organisations</translation>
        </message>
        <message>
            <source>Trekkerschap van %1 naar %2</source>
            <translation>Leadership from %1 to %2</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <source>Uitkomst bestuurlijk overleg</source>
            <translation>Outcome of administrative meeting</translation>
        </message>
        <message>
            <source>Voorgelegd besluit: %1</source>
            <translation>Submitted decision: %1</translation>
        </message>
        <message>
            <source>Vastleggen</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>&amp;Datum besluit:</source>
            <translation>Decision &amp;date:</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <source>Overzicht: %1</source>
            <translation>Overview: %1</translation>
        </message>
        <message>
            <source>Gereed</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Loopt</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Niet gestart</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Aangehouden</source>
            <translation>On hold</translation>
        </message>
        <message>
            <source>Te laat</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>Overzicht</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Acties uit het programma per actielijn</source>
            <translation>Programme actions per action line</translation>
        </message>
        <message>
            <source>Actiepunten en toezeggingen per actielijn</source>
            <translation>Action points and commitments per action line</translation>
        </message>
        <message>
            <source>Alle te late acties tonen</source>
            <translation>Show all late actions</translation>
        </message>
        <message>
            <source>Volgende overleggen</source>
            <translation>Next meetings</translation>
        </message>
        <message>
            <source>Sinds het laatste afstemmingsoverleg</source>
            <translation>Since the last coordination meeting</translation>
        </message>
        <message>
            <source>Zonder actielijn</source>
            <translation>Without action line</translation>
        </message>
        <message>
            <source>Nog geen acties.</source>
            <translation>No actions yet.</translation>
        </message>
        <message>
            <source>Te laat (%1)</source>
            <translation>Late (%1)</translation>
        </message>
        <message>
            <source>Te laat (%1, de %2 oudste getoond)</source>
            <translation>Late (%1, the %2 oldest shown)</translation>
        </message>
        <message>
            <source>Stand op %1</source>
            <translation>Status as of %1</translation>
        </message>
        <message>
            <source>Er is nog geen afstemmingsoverleg gehouden.</source>
            <translation>No coordination meeting has been held yet.</translation>
        </message>
        <message>
            <source>Sinds het afstemmingsoverleg van %1</source>
            <translation>Since the coordination meeting of %1</translation>
        </message>
        <message>
            <source>%1 nieuwe actiepunten</source>
            <translation>%1 new action points</translation>
        </message>
        <message>
            <source>%1 afgerond</source>
            <translation>%1 finished</translation>
        </message>
        <message>
            <source>%1 besluiten</source>
            <translation>%1 decisions</translation>
        </message>
        <message>
            <source>%1 voortgangsmeldingen</source>
            <translation>%1 progress updates</translation>
        </message>
        <message>
            <source>%1 wijzigingen</source>
            <translation>%1 changes</translation>
        </message>
        <message>
            <source>Besluit</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Afgerond</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>Nieuw</source>
            <translation>New</translation>
        </message>
        <message>
            <source>%1 indicatoren bijgewerkt</source>
            <translation>%1 indicators updated</translation>
        </message>
        <message>
            <source>geen meting</source>
            <translation>no measurement</translation>
        </message>
        <message>
            <source>Cijfer  %1: %2</source>
            <translation>Figure  %1: %2</translation>
        </message>
        <message>
            <source>%1
Nieuwe of gewijzigde cijfers over: %2</source>
            <translation>%1
New or changed figures for: %2</translation>
        </message>
        <message>
            <source>Te late acties</source>
            <translation>Late actions</translation>
        </message>
        <message>
            <source>Wijzigingen sinds het vorige afstemmingsoverleg</source>
            <translation>Changes since the previous coordination meeting</translation>
        </message>
        <message>
            <source>1 nieuw actiepunt</source>
            <translation>1 new action item</translation>
        </message>
        <message>
            <source>1 besluit</source>
            <translation>1 decision</translation>
        </message>
        <message>
            <source>1 voortgangsmelding</source>
            <translation>1 progress report</translation>
        </message>
        <message>
            <source>1 wijziging</source>
            <translation>1 change</translation>
        </message>
    </context>
    <context>
        <name>PersonLineEdit</name>
        <message>
            <source>naam; leeg laten voor niemand</source>
            <translation>name; leave empty for nobody</translation>
        </message>
    </context>
    <context>
        <name>PersonNameDialog</name>
        <message>
            <source>Organisatie:</source>
            <translation>Organisation:</translation>
        </message>
    </context>
    <context>
        <name>PersonTableModel</name>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Functie</source>
            <translation>Job title</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Telefoon</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Opvolger</source>
            <translation>Successor</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeImportWizard</name>
        <message>
            <source>Programma importeren</source>
            <translation>Import programme</translation>
        </message>
        <message>
            <source>&lt; &amp;Terug</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>&amp;Volgende &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>&amp;Importeren</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Sl&amp;uiten</source>
            <translation>Cl&amp;ose</translation>
        </message>
        <message>
            <source>Kolom in het bestand</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>Wordt</source>
            <translation>Becomes</translation>
        </message>
        <message>
            <source>Kolommen van het bestand</source>
            <translation>Columns of the file</translation>
        </message>
        <message>
            <source>Opnieuw &amp;lezen met deze kolommen</source>
            <translation>&amp;Read again with these columns</translation>
        </message>
        <message>
            <source>&amp;Titel van het programma:</source>
            <translation>Programme &amp;title:</translation>
        </message>
        <message>
            <source>&amp;Regio:</source>
            <translation>&amp;Region:</translation>
        </message>
        <message>
            <source>Programma zoals het wordt ingelezen</source>
            <translation>Programme as it will be imported</translation>
        </message>
        <message>
            <source>Dubbelklik op een tekst of op de partijen van een ambitie om ze te verbeteren (namen met ; ertussen); vink uit wat niet mee moet. Er wordt pas iets opgeslagen bij Importeren.</source>
            <translation>Double-click a text or the parties of an ambition to correct them (names separated by ;); untick what should be left out. Nothing is saved until Import.</translation>
        </message>
        <message>
            <source>Elke verantwoordelijke partij en trekker uit het bestand, met de organisatie of persoon in de app waaraan hij wordt gekoppeld. Een naam zonder koppeling wordt een nieuwe organisatie als dat is aangevinkt, anders blijft hij als tekst bewaard (een rol of groep zoals 'Projectleider GHNT'). Lijkt een naam op een organisatie of persoon in de app, dan staat die er als voorstel met de score: hij wordt pas gekoppeld als u hem kiest.</source>
            <translation>Every responsible party and lead from the file, with the organisation or person in the app it is linked to. A name without a link becomes a new organisation when ticked, otherwise it is kept as text (a role or group such as 'Projectleider GHNT'). When a name looks like an organisation or person in the app, that one is proposed with its score: it is linked only when you choose it.</translation>
        </message>
        <message>
            <source>Naam in het bestand</source>
            <translation>Name in the file</translation>
        </message>
        <message>
            <source>Nieuwe organisatie</source>
            <translation>New organisation</translation>
        </message>
        <message>
            <source>Partijen in het bestand</source>
            <translation>Parties in the file</translation>
        </message>
        <message>
            <source>De database heeft al een programma; dit programma komt erbij met de status Concept.</source>
            <translation>The database already has a programme; this programme is added with the status Draft.</translation>
        </message>
        <message>
            <source>Word-tabel</source>
            <translation>Word table</translation>
        </message>
        <message>
            <source>Excel-lijst</source>
            <translation>Excel list</translation>
        </message>
        <message>
            <source>Uit %1 (%2): %3 actielijnen, %4 ambities, %5 acties en %6 subacties worden ingelezen.</source>
            <translation>From %1 (%2): %3 action lines, %4 ambitions, %5 actions and %6 sub-actions will be imported.</translation>
        </message>
        <message>
            <source>Blad %1, kopregel op regel %2. Kies per kolom wat erin staat en lees opnieuw.</source>
            <translation>Sheet %1, header on row %2. Choose what each column holds and read again.</translation>
        </message>
        <message>
            <source>Koppeling van %1</source>
            <translation>Link of %1</translation>
        </message>
        <message>
            <source> (niet koppelen)</source>
            <translation> (do not link)</translation>
        </message>
        <message>
            <source>voorstel: %1</source>
            <translation>proposal: %1</translation>
        </message>
        <message>
            <source>nieuwe organisatie</source>
            <translation>new organisation</translation>
        </message>
        <message>
            <source>als tekst bewaard (rol of groep)</source>
            <translation>kept as text (role or group)</translation>
        </message>
        <message>
            <source>&amp;Annuleren</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Kies welke kolom de actie bevat (Actie); zonder die kolom valt er niets in te lezen.</source>
            <translation>Choose which column holds the action (Actie); without it there is nothing to import.</translation>
        </message>
        <message>
            <source>Programma importeren uit %1</source>
            <translation>Import programme from %1</translation>
        </message>
        <message>
            <source>Programma %1 is ingelezen (%2): %3 actielijnen, %4 ambities, %5 acties en %6 subacties.</source>
            <translation>Programme %1 was imported (%2): %3 action lines, %4 ambitions, %5 actions and %6 sub-actions.</translation>
        </message>
        <message>
            <source>Partijen en trekkers gekoppeld aan een organisatie of persoon: %1.</source>
            <translation>Parties and leads linked to an organisation or person: %1.</translation>
        </message>
        <message>
            <source>Nieuwe organisaties: %1.</source>
            <translation>New organisations: %1.</translation>
        </message>
        <message>
            <source>Als tekst bewaard (rol of groep): %1.</source>
            <translation>Kept as text (role or group): %1.</translation>
        </message>
        <message>
            <source>Bewerken &gt; Ongedaan maken haalt het ingelezen programma weer weg.</source>
            <translation>Edit &gt; Undo removes the imported programme again.</translation>
        </message>
    </context>
    <context>
        <name>ProgrammePage</name>
        <message>
            <source>Programma &amp;bewerken...</source>
            <translation>&amp;Edit programme...</translation>
        </message>
        <message>
            <source>&amp;Nieuw programma...</source>
            <translation>&amp;New programme...</translation>
        </message>
        <message>
            <source>Deze database bevat nog geen programma. Kies Programma &gt; Nieuw programma.</source>
            <translation>This database has no programme yet. Choose Programme &gt; New programme.</translation>
        </message>
        <message>
            <source>&amp;Labels (processtappen, doelgroepen)...</source>
            <translation>&amp;Labels (process steps, target groups)...</translation>
        </message>
        <message>
            <source>Onafgeronde acties &amp;meenemen uit een ander programma...</source>
            <translation>Carry &amp;over unfinished actions from another programme...</translation>
        </message>
        <message>
            <source>Labels van de actie wijzigen</source>
            <translation>Change the action's labels</translation>
        </message>
        <message>
            <source>Het gekozen programma is het huidige: Overzicht, Acties, het afstemmingsoverleg en de documenten tonen dit programma.</source>
            <translation>The chosen programme is the current one: Overview, Actions, the coordination meeting and the documents show this programme.</translation>
        </message>
        <message>
            <source>Programma</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Programma:</source>
            <translation>Programme:</translation>
        </message>
        <message>
            <source>Kies links een onderdeel, ambitie of actie.</source>
            <translation>Choose a section, ambition or action on the left.</translation>
        </message>
        <message>
            <source>Nieuw onderdeel</source>
            <translation>New section</translation>
        </message>
        <message>
            <source>Nieuwe ambitie</source>
            <translation>New ambition</translation>
        </message>
        <message>
            <source>Nieuwe actie</source>
            <translation>New action</translation>
        </message>
        <message>
            <source>Nieuwe subactie</source>
            <translation>New sub-action</translation>
        </message>
        <message>
            <source>Omhoog</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Omhoog (Ctrl+↑)</source>
            <translation>Up (Ctrl+↑)</translation>
        </message>
        <message>
            <source>Omlaag</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>Omlaag (Ctrl+↓)</source>
            <translation>Down (Ctrl+↓)</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Verwijderen (Del)</source>
            <translation>Delete (Del)</translation>
        </message>
        <message>
            <source>Geschiedenis...</source>
            <translation>History...</translation>
        </message>
        <message>
            <source>Wie wat wanneer wijzigde aan dit onderdeel, deze ambitie of actie</source>
            <translation>Who changed what and when in this section, ambition or action</translation>
        </message>
        <message>
            <source>onderdeel</source>
            <translation>section</translation>
        </message>
        <message>
            <source>ambitie</source>
            <translation>ambition</translation>
        </message>
        <message>
            <source>actie</source>
            <translation>action</translation>
        </message>
        <message>
            <source>%1 %2 wijzigen</source>
            <translation>Change %1 %2</translation>
        </message>
        <message>
            <source>Opgeslagen.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Omhoog verplaatsen</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Omlaag verplaatsen</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>%1 verwijderen</source>
            <translation>Delete %1</translation>
        </message>
        <message>
            <source>het onderdeel</source>
            <translation>the section</translation>
        </message>
        <message>
            <source>de ambitie</source>
            <translation>the ambition</translation>
        </message>
        <message>
            <source>de actie</source>
            <translation>the action</translation>
        </message>
        <message>
            <source>Wilt u %1 %2 verwijderen?</source>
            <translation>Do you want to delete %1 %2?</translation>
        </message>
        <message>
            <source>Daarmee gaan ook %1 weg.</source>
            <translation>This also removes %1.</translation>
        </message>
        <message>
            <source>U kunt dit ongedaan maken met Ctrl+Z.</source>
            <translation>You can undo this with Ctrl+Z.</translation>
        </message>
        <message>
            <source>Programma wijzigen</source>
            <translation>Change programme</translation>
        </message>
        <message>
            <source>Nieuw programma</source>
            <translation>New programme</translation>
        </message>
        <message>
            <source>1 ambitie</source>
            <translation>1 ambition</translation>
        </message>
        <message>
            <source>%1 ambities</source>
            <translation>%1 ambitions</translation>
        </message>
        <message>
            <source>1 actie</source>
            <translation>1 action</translation>
        </message>
        <message>
            <source>%1 acties</source>
            <translation>%1 actions</translation>
        </message>
        <message>
            <source>1 subactie</source>
            <translation>1 sub-action</translation>
        </message>
        <message>
            <source>%1 subacties</source>
            <translation>%1 sub-actions</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeProgressModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Actie uit het programma</source>
            <translation>Programme action</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Gedaan</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Nog te doen</source>
            <translation>Still to do</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeTreeModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Omschrijving</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Verantwoordelijke partijen</source>
            <translation>Responsible parties</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Planning</source>
            <translation>Timing</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>1 actie</source>
            <translation>1 action</translation>
        </message>
        <message>
            <source>%1 acties</source>
            <translation>%1 actions</translation>
        </message>
        <message>
            <source>Actielijn / ambitie / actie</source>
            <translation>Action line / ambition / action</translation>
        </message>
        <message>
            <source>Trekkers</source>
            <translation>Leads</translation>
        </message>
        <message>
            <source>Planning (zoals geschreven)</source>
            <translation>Timing (as written)</translation>
        </message>
        <message>
            <source>Periode</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Let op</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>Reconnect</name>
        <message>
            <source>Verbinding verbroken</source>
            <translation>Connection lost</translation>
        </message>
        <message>
            <source>Nu &amp;opnieuw proberen</source>
            <translation>&amp;Retry now</translation>
        </message>
        <message>
            <source>&amp;Stoppen</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <source>Verbinding verbroken — opnieuw verbinden... (poging %1 van %2)</source>
            <translation>Connection lost — reconnecting... (attempt %1 of %2)</translation>
        </message>
        <message>
            <source>Uw wijziging wordt opgeslagen zodra de server terug is.</source>
            <translation>Your change will be saved as soon as the server is back.</translation>
        </message>
        <message>
            <source>Verbinding verbroken — de teamdatabase antwoordt nog niet.</source>
            <translation>Connection lost — the team database is not answering yet.</translation>
        </message>
        <message>
            <source>Uw wijziging is nog niet opgeslagen. Probeer het opnieuw zodra de server terug is, of stop: wat u invulde blijft op het scherm staan.</source>
            <translation>Your change has not been saved yet. Try again once the server is back, or stop: what you entered stays on the screen.</translation>
        </message>
    </context>
    <context>
        <name>ReopenDialog</name>
        <message>
            <source>Verslag heropenen</source>
            <translation>Reopen minutes</translation>
        </message>
        <message>
            <source>Het verslag is vastgesteld. Waarom moet het worden heropend? De reden wordt bewaard in de wijzigingsgeschiedenis.</source>
            <translation>The minutes have been approved. Why do they need to be reopened? The reason is kept in the change history.</translation>
        </message>
        <message>
            <source>Heropenen</source>
            <translation>Reopen</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Voortgangsrapportages</source>
            <translation>Progress reports</translation>
        </message>
        <message>
            <source>&amp;Gegevens</source>
            <translation>&amp;Details</translation>
        </message>
        <message>
            <source>&amp;Teksten</source>
            <translation>Te&amp;xts</translation>
        </message>
        <message>
            <source>&amp;Actielijnen en ambities</source>
            <translation>&amp;Action lines and ambitions</translation>
        </message>
        <message>
            <source>Een leeg veld krijgt in het document een standaardtekst. Verwijs naar een bron met [1], [2], ...: de bron wordt dan een voetnoot.</source>
            <translation>An empty field gets a standard text in the document. Refer to a source with [1], [2], ...: the source then becomes a footnote.</translation>
        </message>
        <message>
            <source>Actieprogramma in het &amp;kort:</source>
            <translation>Action programme in &amp;brief:</translation>
        </message>
        <message>
            <source>&amp;Leeswijzer:</source>
            <translation>&amp;Reading guide:</translation>
        </message>
        <message>
            <source>Ove&amp;rige activiteiten:</source>
            <translation>Othe&amp;r activities:</translation>
        </message>
        <message>
            <source>Een onderwerp begint met een regel "# Titel"</source>
            <translation>A topic starts with a line "# Title"</translation>
        </message>
        <message>
            <source>In het programma:</source>
            <translation>In the programme:</translation>
        </message>
        <message>
            <source>&amp;Korte titel:</source>
            <translation>S&amp;hort title:</translation>
        </message>
        <message>
            <source>Wat speelde er, welke keuzes zijn gemaakt, wat valt op? Bronnen met [1], [2], ...</source>
            <translation>What happened, which choices were made, what stands out? Sources with [1], [2], ...</translation>
        </message>
        <message>
            <source>Toe&amp;lichting:</source>
            <translation>&amp;Narrative:</translation>
        </message>
        <message>
            <source>&amp;Weglaten uit de rapportage</source>
            <translation>&amp;Leave out of the report</translation>
        </message>
        <message>
            <source>Een onderdeel zonder nieuws in de periode krijgt één regel met de stand van zijn acties, of laat u weg.</source>
            <translation>A part without news in the period gets one line with the state of its actions, or you leave it out.</translation>
        </message>
        <message>
            <source>Kies een actieprogramma op het tabblad Gegevens.</source>
            <translation>Choose an action programme on the Details tab.</translation>
        </message>
        <message>
            <source>1 actie</source>
            <translation>1 action</translation>
        </message>
        <message>
            <source>%1 acties</source>
            <translation>%1 actions</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Opgeslagen rapportages:</source>
            <translation>Saved reports:</translation>
        </message>
        <message>
            <source>&amp;Nieuw</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>&amp;Verwijderen</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>T&amp;itel:</source>
            <translation>T&amp;itle:</translation>
        </message>
        <message>
            <source>Actie&amp;programma:</source>
            <translation>Action &amp;programme:</translation>
        </message>
        <message>
            <source>&amp;Kenmerk:</source>
            <translation>&amp;Reference:</translation>
        </message>
        <message>
            <source>Ver&amp;sie:</source>
            <translation>&amp;Version:</translation>
        </message>
        <message>
            <source>&amp;Datum:</source>
            <translation>Da&amp;te:</translation>
        </message>
        <message>
            <source>&amp;Contactpersoon:</source>
            <translation>&amp;Contact person:</translation>
        </message>
        <message>
            <source>naam@organisatie.nl</source>
            <translation>name@organisation.nl</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>tot en met</source>
            <translation>up to and including</translation>
        </message>
        <message>
            <source>Pe&amp;riode:</source>
            <translation>Peri&amp;od:</translation>
        </message>
        <message>
            <source>&amp;Inleiding:</source>
            <translation>&amp;Introduction:</translation>
        </message>
        <message>
            <source>C&amp;onclusie:</source>
            <translation>C&amp;onclusion:</translation>
        </message>
        <message>
            <source>Voor&amp;uitzicht:</source>
            <translation>O&amp;utlook:</translation>
        </message>
        <message>
            <source>Eén bron per regel; de eerste is [1]</source>
            <translation>One source per line; the first is [1]</translation>
        </message>
        <message>
            <source>&amp;Bronnen:</source>
            <translation>&amp;Sources:</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Begin van de periode</source>
            <translation>Start of the period</translation>
        </message>
        <message>
            <source>Einde van de periode</source>
            <translation>End of the period</translation>
        </message>
        <message>
            <source>Niet opgeslagen wijzigingen</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Nieuwe rapportage (nog niet opgeslagen)</source>
            <translation>New report (not saved yet)</translation>
        </message>
        <message>
            <source>Wijzigingen niet opgeslagen</source>
            <translation>Changes not saved</translation>
        </message>
        <message>
            <source>De wijzigingen in deze rapportage zijn nog niet opgeslagen. Wilt u ze weggooien?</source>
            <translation>The changes to this report have not been saved yet. Do you want to discard them?</translation>
        </message>
        <message>
            <source>Weggooien</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Voortgangsrapportage aanmaken</source>
            <translation>Create progress report</translation>
        </message>
        <message>
            <source>Voortgangsrapportage wijzigen</source>
            <translation>Edit progress report</translation>
        </message>
        <message>
            <source>Opgeslagen</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>deze rapportage</source>
            <translation>this report</translation>
        </message>
        <message>
            <source>Rapportage verwijderen</source>
            <translation>Delete report</translation>
        </message>
        <message>
            <source>Rapportage "%1" verwijderen?</source>
            <translation>Delete report "%1"?</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Voortgangsrapportage verwijderen</source>
            <translation>Delete progress report</translation>
        </message>
        <message>
            <source>Periode van</source>
            <translation>Period from</translation>
        </message>
        <message>
            <source>Periode tot en met</source>
            <translation>Period up to and including</translation>
        </message>
        <message>
            <source>Geen hoo&amp;fdstuk Cijfers en geen indicatoren per actielijn</source>
            <translation>No &amp;figures chapter and no indicators per action line</translation>
        </message>
        <message>
            <source>Zonder vinkje krijgt de rapportage een hoofdstuk Cijfers met de indicatoren van het programma</source>
            <translation>Unticked, the report gets a chapter Figures with the programme's indicators</translation>
        </message>
    </context>
    <context>
        <name>RestoreBackupDialog</name>
        <message>
            <source>Reservekopie terugzetten</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <source>Kies de reservekopie die %1 moet vervangen. Het huidige bestand wordt eerst apart bewaard in %2, zodat ook deze stap terug te draaien is.</source>
            <translation>Choose the backup that should replace %1. The current file is first kept separately in %2, so that this step can be undone as well.</translation>
        </message>
        <message>
            <source>Er zijn nog geen reservekopieën van deze database.</source>
            <translation>There are no backups of this database yet.</translation>
        </message>
        <message>
            <source>Terugzetten</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Reservekopieën</source>
            <translation>Backups</translation>
        </message>
    </context>
    <context>
        <name>RoundTripModel</name>
        <message>
            <source>Nr.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Beoordeling</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>Status in app</source>
            <translation>Status in app</translation>
        </message>
        <message>
            <source>Status in bestand</source>
            <translation>Status in file</translation>
        </message>
        <message>
            <source>Deadline in app</source>
            <translation>Deadline in app</translation>
        </message>
        <message>
            <source>Deadline in bestand</source>
            <translation>Deadline in file</translation>
        </message>
        <message>
            <source>Stand van zaken in app</source>
            <translation>Progress in app</translation>
        </message>
        <message>
            <source>Stand van zaken in bestand</source>
            <translation>Progress in file</translation>
        </message>
        <message>
            <source>Opmerkingen</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>%1x uitgesteld</source>
            <translation>postponed %1x</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>Zoeken</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Zoek in verslagen, besluiten, acties, programma, organisaties, personen; "woorden samen" als zinsdeel</source>
            <translation>Search minutes, decisions, actions, programme, organisations, people; "words together" as a phrase</translation>
        </message>
        <message>
            <source>Niets gevonden.</source>
            <translation>Nothing found.</translation>
        </message>
        <message>
            <source>%1 resultaten (de beste 200)</source>
            <translation>%1 results (the best 200)</translation>
        </message>
        <message>
            <source>%1 resultaten</source>
            <translation>%1 results</translation>
        </message>
        <message>
            <source>Ook &amp;vertrouwelijke inhoud tonen</source>
            <translation>Also show &amp;confidential content</translation>
        </message>
        <message>
            <source>Vertrouwelijke agendapunten, besluiten, acties en voortgang worden anders niet getoond</source>
            <translation>Otherwise confidential agenda items, decisions, actions and progress are not shown</translation>
        </message>
        <message>
            <source>Zoekresultaten</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>1 resultaat</source>
            <translation>1 result</translation>
        </message>
        <message>
            <source>(%1 vertrouwelijk, niet getoond: vink Ook vertrouwelijke inhoud tonen aan)</source>
            <translation>(%1 confidential, not shown: tick Also show confidential content)</translation>
        </message>
    </context>
    <context>
        <name>SearchResultModel</name>
        <message>
            <source>Agendapunt</source>
            <translation>Agenda item</translation>
        </message>
        <message>
            <source>Besluit</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Actiepunt</source>
            <translation>Action point</translation>
        </message>
        <message>
            <source>Voortgang</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Programma-actie</source>
            <translation>Programme action</translation>
        </message>
        <message>
            <source>Ambitie</source>
            <translation>Ambition</translation>
        </message>
        <message>
            <source>Persoon</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Soort</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Onderwerp</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Gevonden tekst</source>
            <translation>Text found</translation>
        </message>
    </context>
    <context>
        <name>StatusDelegate</name>
        <message>
            <source>Niet gemeld</source>
            <translation>Not reported</translation>
        </message>
        <message>
            <source>Doorgeschoven</source>
            <translation>Deferred</translation>
        </message>
        <message>
            <source>Uitgesteld naar later: de actie blijft open en telt als uitstel</source>
            <translation>Deferred: the action stays open and counts as postponed</translation>
        </message>
    </context>
    <context>
        <name>UpcomingModel</name>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tijd</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Overleg</source>
            <translation>Meeting</translation>
        </message>
    </context>
    <context>
        <name>WorkingGroupTableModel</name>
        <message>
            <source>Werkgroep</source>
            <translation>Working group</translation>
        </message>
        <message>
            <source>Thema</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Actielijn</source>
            <translation>Action line</translation>
        </message>
        <message>
            <source>Voorzitter</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>Leden</source>
            <translation>Members</translation>
        </message>
    </context>
    <context>
        <name>WorkingGroupsPage</name>
        <message>
            <source>Werkgroepen</source>
            <translation>Working groups</translation>
        </message>
        <message>
            <source>Nieuwe werkgroep...</source>
            <translation>New working group...</translation>
        </message>
        <message>
            <source>Bewerken...</source>
            <translation>Edit...</translation>
        </message>
        <message>
            <source>Archiveren</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Lid toevoegen...</source>
            <translation>Add member...</translation>
        </message>
        <message>
            <source>Lidmaatschap beëindigen</source>
            <translation>End membership</translation>
        </message>
        <message>
            <source>Leden</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>1 werkgroep</source>
            <translation>1 working group</translation>
        </message>
        <message>
            <source>%1 werkgroepen</source>
            <translation>%1 working groups</translation>
        </message>
        <message>
            <source>Leden van %1 (%2 nu, %3 in totaal)</source>
            <translation>Members of %1 (%2 now, %3 in total)</translation>
        </message>
        <message>
            <source>Terughalen</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Nieuwe werkgroep</source>
            <translation>New working group</translation>
        </message>
        <message>
            <source>Werkgroep wijzigen</source>
            <translation>Change working group</translation>
        </message>
        <message>
            <source>Werkgroep terughalen</source>
            <translation>Restore working group</translation>
        </message>
        <message>
            <source>Werkgroep archiveren</source>
            <translation>Archive working group</translation>
        </message>
        <message>
            <source>%1 kan niet worden verwijderd: er wordt naar verwezen vanuit %2.

Wilt u de werkgroep archiveren?</source>
            <translation>%1 cannot be deleted: it is referred to from %2.

Do you want to archive the working group?</translation>
        </message>
        <message>
            <source>%1 verwijderen</source>
            <translation>Delete %1</translation>
        </message>
        <message>
            <source>Wilt u %1 met alle lidmaatschappen verwijderen? U kunt dit ongedaan maken met Ctrl+Z.</source>
            <translation>Do you want to delete %1 with all its memberships? You can undo this with Ctrl+Z.</translation>
        </message>
        <message>
            <source>Lid toevoegen aan %1</source>
            <translation>Add member to %1</translation>
        </message>
        <message>
            <source>Lidmaatschap wijzigen</source>
            <translation>Change membership</translation>
        </message>
        <message>
            <source>Wilt u het lidmaatschap van %1 verwijderen? Gebruik Lidmaatschap beëindigen als iemand stopt; dan blijft zichtbaar wie er lid was.</source>
            <translation>Do you want to delete the membership of %1? Use End membership when someone stops; then it remains visible who was a member.</translation>
        </message>
        <message>
            <source>Lidmaatschap van %1 verwijderen</source>
            <translation>Delete membership of %1</translation>
        </message>
    </context>
    <context>
        <name>conflict</name>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nee</source>
            <translation>No</translation>
        </message>
        <message>
            <source>een andere keuze uit de lijst</source>
            <translation>another choice from the list</translation>
        </message>
        <message>
            <source>Intussen gewijzigd</source>
            <translation>Changed meanwhile</translation>
        </message>
        <message>
            <source>iemand anders</source>
            <translation>someone else</translation>
        </message>
        <message>
            <source>intussen gewijzigd door</source>
            <translation>changed meanwhile by</translation>
        </message>
        <message>
            <source>Opgeslagen:</source>
            <translation>Saved:</translation>
        </message>
        <message>
            <source>Uw waarde:</source>
            <translation>Your value:</translation>
        </message>
        <message>
            <source>Uw wijziging is nog niet opgeslagen.</source>
            <translation>Your change has not been saved yet.</translation>
        </message>
        <message>
            <source>Mijn versie bewaren</source>
            <translation>Keep my version</translation>
        </message>
        <message>
            <source>Opgeslagen versie overnemen</source>
            <translation>Take the saved version</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>Actie %1 wijzigen</source>
            <translation>Edit action %1</translation>
        </message>
    </context>
    <context>
        <name>editors</name>
        <message>
            <source>La&amp;bels:</source>
            <translation>La&amp;bels:</translation>
        </message>
        <message>
            <source>(geen labels; zie Programma &gt; Labels)</source>
            <translation>(no labels; see Programme &gt; Labels)</translation>
        </message>
        <message>
            <source>Labels van het programma</source>
            <translation>Labels of the programme</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Acties</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Nieuwe &amp;soort...</source>
            <translation>New &amp;kind...</translation>
        </message>
        <message>
            <source>Nieuw &amp;label...</source>
            <translation>New &amp;label...</translation>
        </message>
        <message>
            <source>&amp;Verwijderen</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Nieuwe soort label</source>
            <translation>New kind of label</translation>
        </message>
        <message>
            <source>Naam (bijvoorbeeld Processtap of Doelgroep):</source>
            <translation>Name (for example Process step or Target group):</translation>
        </message>
        <message>
            <source>Labels van deze soort</source>
            <translation>Labels of this kind</translation>
        </message>
        <message>
            <source>De labels, één per regel (u kunt ze ook later toevoegen):</source>
            <translation>The labels, one per line (you can also add them later):</translation>
        </message>
        <message>
            <source>Soort label toevoegen</source>
            <translation>Add kind of label</translation>
        </message>
        <message>
            <source>Nieuw label</source>
            <translation>New label</translation>
        </message>
        <message>
            <source>Label bij %1:</source>
            <translation>Label of %1:</translation>
        </message>
        <message>
            <source>Label toevoegen</source>
            <translation>Add label</translation>
        </message>
        <message>
            <source>Soort label verwijderen</source>
            <translation>Delete kind of label</translation>
        </message>
        <message>
            <source>%1 en alle labels ervan verwijderen? Acties verliezen die labels.</source>
            <translation>Delete %1 and all its labels? Actions lose those labels.</translation>
        </message>
        <message>
            <source>Label verwijderen</source>
            <translation>Delete label</translation>
        </message>
        <message>
            <source>Labels geven acties een indeling naast de actielijnen, zoals processtappen (signaleren, melden, ...) en doelgroepen. In Acties kunt u erop filteren; het programmadocument kan erop groeperen.</source>
            <translation>Labels arrange actions beside the action lines, such as process steps (detecting, reporting, ...) and target groups. Actions can be filtered on them; the programme document can be grouped by them.</translation>
        </message>
        <message>
            <source>Datum</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Organisatie</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Opvolger</source>
            <translation>Successor</translation>
        </message>
        <message>
            <source>Voorzitter</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>Ambitie</source>
            <translation>Ambition</translation>
        </message>
        <message>
            <source>Actie</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Werkgroep</source>
            <translation>Working group</translation>
        </message>
        <message>
            <source>(geen)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>%1: kies een naam uit de lijst ("%2" is onbekend).</source>
            <translation>%1: choose a name from the list ("%2" is unknown).</translation>
        </message>
        <message>
            <source>%1 mag niet leeg zijn.</source>
            <translation>%1 cannot be empty.</translation>
        </message>
        <message>
            <source>dd-mm-jjjj</source>
            <translation>dd-mm-yyyy</translation>
        </message>
        <message>
            <source>%1: "%2" is geen datum (schrijf dd-mm-jjjj).</source>
            <translation>%1: "%2" is not a date (write dd-mm-yyyy).</translation>
        </message>
        <message>
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Organisatie bewerken</source>
            <translation>Edit organisation</translation>
        </message>
        <message>
            <source>Nieuwe organisatie</source>
            <translation>New organisation</translation>
        </message>
        <message>
            <source>Andere schrijfwijzen, één per regel</source>
            <translation>Other spellings, one per line</translation>
        </message>
        <message>
            <source>&amp;Naam:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Soort:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Afkorting:</source>
            <translation>&amp;Abbreviation:</translation>
        </message>
        <message>
            <source>N&amp;otities:</source>
            <translation>N&amp;otes:</translation>
        </message>
        <message>
            <source>De naam van de organisatie mag niet leeg zijn.</source>
            <translation>The name of the organisation cannot be empty.</translation>
        </message>
        <message>
            <source>Persoon bewerken</source>
            <translation>Edit person</translation>
        </message>
        <message>
            <source>Nieuwe persoon</source>
            <translation>New person</translation>
        </message>
        <message>
            <source>&amp;Organisatie:</source>
            <translation>&amp;Organisation:</translation>
        </message>
        <message>
            <source>&amp;Functie:</source>
            <translation>&amp;Job title:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>Actief &amp;vanaf:</source>
            <translation>Active &amp;from:</translation>
        </message>
        <message>
            <source>Actief &amp;tot en met:</source>
            <translation>Active &amp;until:</translation>
        </message>
        <message>
            <source>O&amp;pvolger:</source>
            <translation>&amp;Successor:</translation>
        </message>
        <message>
            <source>Actief vanaf</source>
            <translation>Active from</translation>
        </message>
        <message>
            <source>Actief tot en met</source>
            <translation>Active until</translation>
        </message>
        <message>
            <source>%1 vertrekt</source>
            <translation>%1 is leaving</translation>
        </message>
        <message>
            <source>Bestaande persoon:</source>
            <translation>Existing person:</translation>
        </message>
        <message>
            <source>Nieuwe persoon:</source>
            <translation>New person:</translation>
        </message>
        <message>
            <source>Nog geen opvolger</source>
            <translation>No successor yet</translation>
        </message>
        <message>
            <source>Naam van de opvolger</source>
            <translation>Name of the successor</translation>
        </message>
        <message>
            <source>Laatste &amp;werkdag:</source>
            <translation>Last &amp;working day:</translation>
        </message>
        <message>
            <source>Opvolger:</source>
            <translation>Successor:</translation>
        </message>
        <message>
            <source>Vertrek vastleggen</source>
            <translation>Record departure</translation>
        </message>
        <message>
            <source>Laatste werkdag</source>
            <translation>Last working day</translation>
        </message>
        <message>
            <source>Geef de laatste werkdag.</source>
            <translation>Enter the last working day.</translation>
        </message>
        <message>
            <source>Kies de opvolger uit de lijst, of kies Nieuwe persoon.</source>
            <translation>Choose the successor from the list, or choose New person.</translation>
        </message>
        <message>
            <source>Geef de naam van de opvolger, of kies Nog geen opvolger.</source>
            <translation>Enter the name of the successor, or choose No successor yet.</translation>
        </message>
        <message>
            <source>Organisaties samenvoegen</source>
            <translation>Merge organisations</translation>
        </message>
        <message>
            <source>Typ een deel van de naam</source>
            <translation>Type part of the name</translation>
        </message>
        <message>
            <source>Behouden:</source>
            <translation>Keep:</translation>
        </message>
        <message>
            <source>&amp;Dubbele registratie:</source>
            <translation>&amp;Duplicate record:</translation>
        </message>
        <message>
            <source>Wat verhuist:</source>
            <translation>What moves:</translation>
        </message>
        <message>
            <source>Samenvoegen</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>Kies de organisatie die dezelfde is als deze en moet verdwijnen.</source>
            <translation>Choose the organisation that is the same as this one and should disappear.</translation>
        </message>
        <message>
            <source>Alles van %1 gaat naar %2:</source>
            <translation>Everything of %1 moves to %2:</translation>
        </message>
        <message>
            <source>Andere namen daarna: %1. %2 wordt gearchiveerd en blijft in de geschiedenis bestaan.</source>
            <translation>Other names afterwards: %1. %2 is archived and remains in the history.</translation>
        </message>
        <message>
            <source>Dubbele registratie</source>
            <translation>Duplicate record</translation>
        </message>
        <message>
            <source>Kies de dubbele registratie.</source>
            <translation>Choose the duplicate record.</translation>
        </message>
        <message>
            <source>Werkgroep bewerken</source>
            <translation>Edit working group</translation>
        </message>
        <message>
            <source>Nieuwe werkgroep</source>
            <translation>New working group</translation>
        </message>
        <message>
            <source>&amp;Thema:</source>
            <translation>&amp;Theme:</translation>
        </message>
        <message>
            <source>&amp;Actielijn:</source>
            <translation>&amp;Action line:</translation>
        </message>
        <message>
            <source>&amp;Voorzitter:</source>
            <translation>&amp;Chair:</translation>
        </message>
        <message>
            <source>&amp;Omschrijving:</source>
            <translation>&amp;Description:</translation>
        </message>
        <message>
            <source>De naam van de werkgroep mag niet leeg zijn.</source>
            <translation>The name of the working group cannot be empty.</translation>
        </message>
        <message>
            <source>Lidmaatschap bewerken</source>
            <translation>Edit membership</translation>
        </message>
        <message>
            <source>Lid toevoegen</source>
            <translation>Add member</translation>
        </message>
        <message>
            <source>(die van de persoon)</source>
            <translation>(the person's own)</translation>
        </message>
        <message>
            <source>&amp;Persoon:</source>
            <translation>&amp;Person:</translation>
        </message>
        <message>
            <source>&amp;Rol:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>&amp;Vanaf:</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <source>&amp;Tot en met:</source>
            <translation>&amp;Until:</translation>
        </message>
        <message>
            <source>Persoon</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Vanaf</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Tot en met</source>
            <translation>Until</translation>
        </message>
        <message>
            <source>Kies een persoon of een organisatie.</source>
            <translation>Choose a person or an organisation.</translation>
        </message>
        <message>
            <source>geen periode herkend</source>
            <translation>no period recognised</translation>
        </message>
        <message>
            <source>Programma bewerken</source>
            <translation>Edit programme</translation>
        </message>
        <message>
            <source>Nieuw programma</source>
            <translation>New programme</translation>
        </message>
        <message>
            <source>t/m</source>
            <translation>to</translation>
        </message>
        <message>
            <source>&amp;Regio:</source>
            <translation>&amp;Region:</translation>
        </message>
        <message>
            <source>&amp;Titel:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>&amp;Looptijd:</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <source>De titel van het programma mag niet leeg zijn.</source>
            <translation>The title of the programme cannot be empty.</translation>
        </message>
        <message>
            <source>&amp;Herstellen</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>De wijzigingen in dit formulier vergeten</source>
            <translation>Discard the changes in this form</translation>
        </message>
        <message>
            <source>&amp;Opslaan</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Onderdeel</source>
            <translation>Section</translation>
        </message>
        <message>
            <source>&amp;Code:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <source>Eén subpunt per regel</source>
            <translation>One sub-item per line</translation>
        </message>
        <message>
            <source>Zie paragraaf 3.1, blz. 25</source>
            <translation>See section 3.1, p. 25</translation>
        </message>
        <message>
            <source>&amp;Ambitie:</source>
            <translation>&amp;Ambition:</translation>
        </message>
        <message>
            <source>S&amp;ubpunten:</source>
            <translation>S&amp;ub-items:</translation>
        </message>
        <message>
            <source>&amp;Paragraaf:</source>
            <translation>&amp;Paragraph:</translation>
        </message>
        <message>
            <source>&amp;Verwijzing:</source>
            <translation>&amp;Reference:</translation>
        </message>
        <message>
            <source>actie</source>
            <translation>action</translation>
        </message>
        <message>
            <source>bijvoorbeeld: klaar: januari 2020, 2019-2021, voor de zomervakantie</source>
            <translation>for example: klaar: januari 2020, 2019-2021, voor de zomervakantie</translation>
        </message>
        <message>
            <source>&amp;Actie:</source>
            <translation>&amp;Action:</translation>
        </message>
        <message>
            <source>Soo&amp;rt:</source>
            <translation>Ki&amp;nd:</translation>
        </message>
        <message>
            <source>&amp;Planning:</source>
            <translation>&amp;Timing:</translation>
        </message>
        <message>
            <source>&amp;Werkgroep:</source>
            <translation>&amp;Working group:</translation>
        </message>
        <message>
            <source>&amp;Notities:</source>
            <translation>&amp;Notes:</translation>
        </message>
        <message>
            <source>Periode: </source>
            <translation>Period: </translation>
        </message>
        <message>
            <source>Organisatie, persoon of rol</source>
            <translation>Organisation, person or role</translation>
        </message>
        <message>
            <source>Deze regel verwijderen</source>
            <translation>Remove this line</translation>
        </message>
        <message>
            <source>Afwijkende verantwoordelijkheid</source>
            <translation>Own responsibility</translation>
        </message>
        <message>
            <source>Aan: deze actie heeft eigen verantwoordelijken. Uit: de actie neemt die van de ambitie over.</source>
            <translation>On: this action has its own responsible parties. Off: the action takes over those of the ambition.</translation>
        </message>
        <message>
            <source>Overgenomen van de ambitie:</source>
            <translation>Taken over from the ambition:</translation>
        </message>
        <message>
            <source>+ Verantwoordelijke partij</source>
            <translation>+ Responsible party</translation>
        </message>
        <message>
            <source>+ Trekker</source>
            <translation>+ Lead</translation>
        </message>
        <message>
            <source>Verantwoordelijke partijen:</source>
            <translation>Responsible parties:</translation>
        </message>
        <message>
            <source>Trekkers:</source>
            <translation>Leads:</translation>
        </message>
        <message>
            <source>In de programmatabel (het programma zoals vastgesteld)</source>
            <translation>In the programme table (the programme as adopted)</translation>
        </message>
        <message>
            <source>Uitvinken voor een actie uit de hoofdtekst of een actie die later is toegevoegd: die wordt gevolgd, maar de programmatabel in Word laat haar weg.</source>
            <translation>Untick for an action from the body text or one added later: it is followed, but the programme table in Word leaves it out.</translation>
        </message>
        <message>
            <source>An&amp;dere namen:</source>
            <translation>Other na&amp;mes:</translation>
        </message>
        <message>
            <source>Te&amp;lefoon:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>Trekkerschap overdragen</source>
            <translation>Transfer leadership</translation>
        </message>
        <message>
            <source>%1 is trekker van %2 openstaande acties. Vink aan welke %3 overneemt; de rest houdt %1 als trekker tot u het later wijzigt.</source>
            <translation>%1 leads %2 open actions. Tick the ones %3 takes over; the rest keep %1 as lead until you change it later.</translation>
        </message>
        <message>
            <source>Overdragen</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <source>Niet nu</source>
            <translation>Not now</translation>
        </message>
        <message>
            <source>Werkgroeplidmaatschappen, voorzitterschappen en uitnodigingen voor overleggen overdragen</source>
            <translation>Transfer working group memberships, chairs and meeting invitations</translation>
        </message>
        <message>
            <source>Eerste jaar</source>
            <translation>First year</translation>
        </message>
        <message>
            <source>Laatste jaar</source>
            <translation>Last year</translation>
        </message>
        <message>
            <source>Toel&amp;ichting:</source>
            <translation>Explanat&amp;ion:</translation>
        </message>
        <message>
            <source>Landelijke &amp;actielijn:</source>
            <translation>National &amp;action line:</translation>
        </message>
        <message>
            <source>1 status per gemeente bestaat al bij %2; die blijft, de dubbele vervalt.</source>
            <translation>1 status per municipality already exists at %2; it stays, the duplicate goes.</translation>
        </message>
        <message>
            <source>%1 statussen per gemeente bestaan al bij %2; die blijven, de dubbele vervallen.</source>
            <translation>%1 statuses per municipality already exist at %2; they stay, the duplicates go.</translation>
        </message>
        <message>
            <source>Naam van de nieuwe opvolger</source>
            <translation>Name of the new successor</translation>
        </message>
        <message>
            <source>Bestaande persoon als opvolger</source>
            <translation>Existing person as successor</translation>
        </message>
        <message>
            <source>Labels per soort, met het aantal acties</source>
            <translation>Labels per kind, with the number of actions</translation>
        </message>
        <message>
            <source>Nieuwe indicator</source>
            <translation>New indicator</translation>
        </message>
        <message>
            <source>Indicator bewerken</source>
            <translation>Edit indicator</translation>
        </message>
        <message>
            <source>bijv. meldingen, huishoudens</source>
            <translation>e.g. reports, households</translation>
        </message>
        <message>
            <source>bijv. Veilig Thuis, politie, CBS StatLine</source>
            <translation>e.g. Veilig Thuis, police, CBS StatLine</translation>
        </message>
        <message>
            <source>bijv. 84852NED</source>
            <translation>e.g. 84852NED</translation>
        </message>
        <message>
            <source>Vertrouwelijk (blijft uit documenten en exports, tenzij gevraagd)</source>
            <translation>Confidential (kept out of documents and exports unless asked)</translation>
        </message>
        <message>
            <source>bijv. 1.620 of 12,5</source>
            <translation>e.g. 1.620 or 12,5</translation>
        </message>
        <message>
            <source>bijv. 2019 of 2019 H1</source>
            <translation>e.g. 2019 or 2019 H1</translation>
        </message>
        <message>
            <source>jaar: waarde; bijv. 2026: 2.100; 2028: 2.340</source>
            <translation>year: value; e.g. 2026: 2.100; 2028: 2.340</translation>
        </message>
        <message>
            <source>&amp;Definitie:</source>
            <translation>&amp;Definition:</translation>
        </message>
        <message>
            <source>&amp;Eenheid:</source>
            <translation>&amp;Unit:</translation>
        </message>
        <message>
            <source>Eenheid in woorden:</source>
            <translation>Unit in words:</translation>
        </message>
        <message>
            <source>&amp;Richting:</source>
            <translation>Di&amp;rection:</translation>
        </message>
        <message>
            <source>&amp;Bron:</source>
            <translation>&amp;Source:</translation>
        </message>
        <message>
            <source>&amp;Tabel (CBS):</source>
            <translation>&amp;Table (CBS):</translation>
        </message>
        <message>
            <source>Ni&amp;veau:</source>
            <translation>Le&amp;vel:</translation>
        </message>
        <message>
            <source>&amp;Actielijnen:</source>
            <translation>&amp;Action lines:</translation>
        </message>
        <message>
            <source>A&amp;mbities:</source>
            <translation>A&amp;mbitions:</translation>
        </message>
        <message>
            <source>N&amp;ulmeting (waarde, periode):</source>
            <translation>Baseline (value, &amp;period):</translation>
        </message>
        <message>
            <source>&amp;Streefwaarden:</source>
            <translation>Tar&amp;gets:</translation>
        </message>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Definitie</source>
            <translation>Definition</translation>
        </message>
        <message>
            <source>Nulmeting</source>
            <translation>Baseline</translation>
        </message>
        <message>
            <source>Periode van de nulmeting</source>
            <translation>Period of the baseline</translation>
        </message>
        <message>
            <source>Streefwaarden per jaar</source>
            <translation>Targets per year</translation>
        </message>
        <message>
            <source>Actielijnen</source>
            <translation>Action lines</translation>
        </message>
        <message>
            <source>Ambities</source>
            <translation>Ambitions</translation>
        </message>
        <message>
            <source>Vul de naam van de indicator in.</source>
            <translation>Fill in the name of the indicator.</translation>
        </message>
        <message>
            <source>De periode van de nulmeting is niet te lezen. Typ een jaar (2019), halfjaar (2019 H1) of kwartaal (2019 K3).</source>
            <translation>The period of the baseline cannot be read. Type a year (2019), half year (2019 H1) or quarter (2019 K3).</translation>
        </message>
        <message>
            <source>Vul de waarde van de nulmeting in, of laat de periode leeg.</source>
            <translation>Fill in the value of the baseline, or leave the period empty.</translation>
        </message>
        <message>
            <source>Streefwaarden: '%1' is niet te lezen. Typ per jaar 'jaar: waarde', bijvoorbeeld 2026: 2.100; 2028: 2.340.</source>
            <translation>Targets: '%1' cannot be read. Type 'year: value' per year, for example 2026: 2.100; 2028: 2.340.</translation>
        </message>
        <message>
            <source>Streefwaarden: het jaar %1 staat er twee keer in.</source>
            <translation>Targets: the year %1 is in there twice.</translation>
        </message>
        <message>
            <source>&amp;Naam wijzigen...</source>
            <translation>Re&amp;name...</translation>
        </message>
        <message>
            <source>Soort label hernoemen</source>
            <translation>Rename kind of label</translation>
        </message>
        <message>
            <source>Label hernoemen</source>
            <translation>Rename label</translation>
        </message>
        <message>
            <source>Nieuwe naam voor %1:</source>
            <translation>New name for %1:</translation>
        </message>
    </context>
    <context>
        <name>enums</name>
        <message>
            <source>Concept</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Lopend</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Afgerond</source>
            <translation>Finished</translation>
        </message>
        <message>
            <source>Actielijn</source>
            <translation>Action line</translation>
        </message>
        <message>
            <source>Speerpunt</source>
            <translation>Spearhead</translation>
        </message>
        <message>
            <source>Thema</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Visie</source>
            <translation>Vision</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Context</translation>
        </message>
        <message>
            <source>Sturing en afstemming</source>
            <translation>Governance</translation>
        </message>
        <message>
            <source>Overig overleg</source>
            <translation>Other meeting</translation>
        </message>
        <message>
            <source>Niet gestart</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Loopt</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Gereed</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Aangehouden</source>
            <translation>On hold</translation>
        </message>
        <message>
            <source>Geannuleerd</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Verantwoordelijke partij</source>
            <translation>Responsible party</translation>
        </message>
        <message>
            <source>Trekker</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>Gemeente</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>Ketenpartner</source>
            <translation>Chain partner</translation>
        </message>
        <message>
            <source>Politie/justitie</source>
            <translation>Police/justice</translation>
        </message>
        <message>
            <source>Zorg</source>
            <translation>Care</translation>
        </message>
        <message>
            <source>Onderwijs</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Bestuur</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Afstemmingsoverleg</source>
            <translation>Coordination meeting</translation>
        </message>
        <message>
            <source>Tactisch overleg</source>
            <translation>Tactical meeting</translation>
        </message>
        <message>
            <source>Bestuurlijk overleg</source>
            <translation>Administrative meeting</translation>
        </message>
        <message>
            <source>Werkgroep</source>
            <translation>Working group</translation>
        </message>
        <message>
            <source>Klankbordgroep</source>
            <translation>Sounding board</translation>
        </message>
        <message>
            <source>Gepland</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Gehouden</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>Verslag vastgesteld</source>
            <translation>Minutes approved</translation>
        </message>
        <message>
            <source>Ter informatie</source>
            <translation>For information</translation>
        </message>
        <message>
            <source>Ter bespreking</source>
            <translation>For discussion</translation>
        </message>
        <message>
            <source>Ter advisering</source>
            <translation>For advice</translation>
        </message>
        <message>
            <source>Ter besluitvorming</source>
            <translation>For decision</translation>
        </message>
        <message>
            <source>Uitgenodigd</source>
            <translation>Invited</translation>
        </message>
        <message>
            <source>Aanwezig</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>Afgemeld</source>
            <translation>Sent apologies</translation>
        </message>
        <message>
            <source>Afwezig</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>Vervangen</source>
            <translation>Substituted</translation>
        </message>
        <message>
            <source>Lid</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Voorzitter</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>Notulist</source>
            <translation>Minute taker</translation>
        </message>
        <message>
            <source>Gast</source>
            <translation>Guest</translation>
        </message>
        <message>
            <source>Actiepunt</source>
            <translation>Action point</translation>
        </message>
        <message>
            <source>Toezegging</source>
            <translation>Commitment</translation>
        </message>
        <message>
            <source>Niet geëscaleerd</source>
            <translation>Not escalated</translation>
        </message>
        <message>
            <source>Ter besluitvorming bestuurlijk overleg</source>
            <translation>For decision by administrative meeting</translation>
        </message>
        <message>
            <source>Besloten in bestuurlijk overleg</source>
            <translation>Decided in administrative meeting</translation>
        </message>
        <message>
            <source>Overig</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Vervallen</source>
            <translation>Dropped</translation>
        </message>
        <message>
            <source>Aantal</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Percentage</source>
            <translation>Percentage</translation>
        </message>
        <message>
            <source>Dagen</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Euro</source>
            <translation>Euros</translation>
        </message>
        <message>
            <source>Hoger is beter</source>
            <translation>Higher is better</translation>
        </message>
        <message>
            <source>Lager is beter</source>
            <translation>Lower is better</translation>
        </message>
        <message>
            <source>Geen richting (contextcijfer)</source>
            <translation>No direction (context figure)</translation>
        </message>
        <message>
            <source>Regio</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Veilig Thuis-regio</source>
            <translation>Veilig Thuis region</translation>
        </message>
        <message>
            <source>Nederland</source>
            <translation>Netherlands</translation>
        </message>
        <message>
            <source>Jaar</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Halfjaar</source>
            <translation>Half year</translation>
        </message>
        <message>
            <source>Kwartaal</source>
            <translation>Quarter</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Onverwachte fout</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>Er ging iets onverwachts mis. Wat u al had opgeslagen is bewaard; u kunt verder werken, maar controleer het laatste dat u deed.</source>
            <translation>Something unexpected went wrong. What you had already saved is kept; you can continue, but check the last thing you did.</translation>
        </message>
        <message>
            <source>De details staan in het logbestand:
%1
Stuur dit bestand mee als u de fout meldt.</source>
            <translation>The details are in the log file:
%1
Please attach this file when you report the error.</translation>
        </message>
        <message>
            <source>Dat lukte niet</source>
            <translation>That did not work</translation>
        </message>
    </context>
    <context>
        <name>offline</name>
        <message>
            <source>Conflicten: u beslist</source>
            <translation>Conflicts: you decide</translation>
        </message>
        <message>
            <source>Samengevoegde wijzigingen</source>
            <translation>Merged changes</translation>
        </message>
        <message>
            <source>Nieuw</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Verwijderd</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Hernummerd</source>
            <translation>Renumbered</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>de hele database</source>
            <translation>the whole database</translation>
        </message>
        <message>
            <source>Offline kopie van %1 — %2, meegenomen %3</source>
            <translation>Offline copy of %1 — %2, taken along %3</translation>
        </message>
        <message>
            <source>; teruggezet %1</source>
            <translation>; returned %1</translation>
        </message>
        <message>
            <source>Terugzetten...</source>
            <translation>Return...</translation>
        </message>
        <message>
            <source>Uw wijzigingen in deze kopie samenvoegen met de database waar ze vandaan komt (Bestand &gt; Offline werk terugzetten)</source>
            <translation>Merge your changes in this copy into the database it came from (File &gt; Return offline work)</translation>
        </message>
        <message>
            <source>Overleg meenemen (offline)</source>
            <translation>Take meeting along (offline)</translation>
        </message>
        <message>
            <source>Maak een kopie op deze computer om zonder netwerk te werken, bijvoorbeeld om een overleg te notuleren. Open daarna de kopie; als u weer verbinding hebt, zet u uw werk terug met Terugzetten... Wat anderen intussen wijzigden blijft bewaard: wat u allebei wijzigde, legt de app u voor.</source>
            <translation>Make a copy on this computer to work without a network, for example to take the minutes of a meeting. Then open the copy; when you are connected again, put your work back with Return... What others changed meanwhile is kept: what you both changed, the app asks you about.</translation>
        </message>
        <message>
            <source>Eén &amp;overleg:</source>
            <translation>One &amp;meeting:</translation>
        </message>
        <message>
            <source>Overleg om mee te nemen</source>
            <translation>Meeting to take along</translation>
        </message>
        <message>
            <source>De &amp;hele database</source>
            <translation>The &amp;whole database</translation>
        </message>
        <message>
            <source>bijvoorbeeld overleg-offline.db</source>
            <translation>for example meeting-offline.db</translation>
        </message>
        <message>
            <source>&amp;Bladeren...</source>
            <translation>&amp;Browse...</translation>
        </message>
        <message>
            <source>Opslaan &amp;als:</source>
            <translation>Save &amp;as:</translation>
        </message>
        <message>
            <source>&amp;Meenemen</source>
            <translation>&amp;Take along</translation>
        </message>
        <message>
            <source>database</source>
            <translation>database</translation>
        </message>
        <message>
            <source>Offline kopie opslaan</source>
            <translation>Save offline copy</translation>
        </message>
        <message>
            <source>Kies een bestand voor de offline kopie.</source>
            <translation>Choose a file for the offline copy.</translation>
        </message>
        <message>
            <source>Het bestand %1 bestaat al; kies een nieuwe naam.</source>
            <translation>The file %1 already exists; choose a new name.</translation>
        </message>
        <message>
            <source>De map %1 bestaat niet; kies een bestaande map.</source>
            <translation>The folder %1 does not exist; choose an existing folder.</translation>
        </message>
        <message>
            <source>Offline kopie maken...</source>
            <translation>Making offline copy...</translation>
        </message>
        <message>
            <source>De offline kopie van %1 is gemaakt: %2.</source>
            <translation>The offline copy of %1 has been made: %2.</translation>
        </message>
        <message>
            <source>Open de kopie om zonder netwerk te werken. De kopie zegt bovenaan van welke database ze is; met Terugzetten... zet u uw werk later terug.</source>
            <translation>Open the copy to work without a network. The copy says at the top which database it comes from; with Return... you put your work back later.</translation>
        </message>
        <message>
            <source>Kopie &amp;openen</source>
            <translation>Open &amp;copy</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Later</translation>
        </message>
        <message>
            <source>Offline kopie gemaakt: %1</source>
            <translation>Offline copy made: %1</translation>
        </message>
        <message>
            <source>Terugzetten</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>De database %1 waar deze kopie van is, is niet gevonden.</source>
            <translation>The database %1 this copy comes from was not found.</translation>
        </message>
        <message>
            <source>Is de netwerkschijf verbonden? Of wijs het bestand aan als het verplaatst is.</source>
            <translation>Is the network drive connected? Or point to the file if it was moved.</translation>
        </message>
        <message>
            <source>Bestand &amp;aanwijzen...</source>
            <translation>&amp;Locate file...</translation>
        </message>
        <message>
            <source>Database van deze kopie</source>
            <translation>Database of this copy</translation>
        </message>
        <message>
            <source>offline %1, in de teamdatabase %2</source>
            <translation>offline %1, in the team database %2</translation>
        </message>
        <message>
            <source>(regel voor regel samengevoegd)</source>
            <translation>(merged line by line)</translation>
        </message>
        <message>
            <source>%1 %2 wordt %3</source>
            <translation>%1 %2 becomes %3</translation>
        </message>
        <message>
            <source>Offline werk terugzetten</source>
            <translation>Return offline work</translation>
        </message>
        <message>
            <source>Nog niet vergeleken.</source>
            <translation>Not compared yet.</translation>
        </message>
        <message>
            <source>Bezig</source>
            <translation>Busy</translation>
        </message>
        <message>
            <source>Wat het terugzetten doet</source>
            <translation>What returning does</translation>
        </message>
        <message>
            <source>Opnieuw &amp;vergelijken</source>
            <translation>Compare &amp;again</translation>
        </message>
        <message>
            <source>&amp;Conflicten oplossen...</source>
            <translation>Resolve &amp;conflicts...</translation>
        </message>
        <message>
            <source>&amp;Terugzetten</source>
            <translation>&amp;Return</translation>
        </message>
        <message>
            <source>Vergelijken met %1...</source>
            <translation>Comparing with %1...</translation>
        </message>
        <message>
            <source>Terugzetten naar %1...</source>
            <translation>Returning to %1...</translation>
        </message>
        <message>
            <source>Dat lukte niet; er is niets gewijzigd.</source>
            <translation>That did not work; nothing was changed.</translation>
        </message>
        <message>
            <source>Er is niets te doen: de kopie en %1 verschillen niet sinds het meenemen.</source>
            <translation>Nothing to do: the copy and %1 have not changed since the copy was taken.</translation>
        </message>
        <message>
            <source>Dit gebeurt bij terugzetten naar %1 (er is nog niets gewijzigd). %2 Klik op Terugzetten om het te doen.</source>
            <translation>This is what returning to %1 does (nothing has been changed yet). %2 Click Return to do it.</translation>
        </message>
        <message>
            <source>1 conflict legt de app u daarna voor.</source>
            <translation>The app then asks you about 1 conflict.</translation>
        </message>
        <message>
            <source>%1 conflicten legt de app u daarna voor.</source>
            <translation>The app then asks you about %1 conflicts.</translation>
        </message>
        <message>
            <source>Er zijn geen conflicten.</source>
            <translation>There are no conflicts.</translation>
        </message>
        <message>
            <source>Teruggezet naar %1.</source>
            <translation>Returned to %1.</translation>
        </message>
        <message>
            <source>1 conflict wacht op uw besluit; de rest is samengevoegd.</source>
            <translation>1 conflict waits for your decision; the rest has been merged.</translation>
        </message>
        <message>
            <source>%1 conflicten wachten op uw besluit; de rest is samengevoegd.</source>
            <translation>%1 conflicts wait for your decision; the rest has been merged.</translation>
        </message>
        <message>
            <source>Conflicten van offline werk</source>
            <extracomment>Fields whose value is chosen from a list (an id or a status): decided by one side, never typed.</extracomment>
            <translation>Conflicts from offline work</translation>
        </message>
        <message>
            <source>Deze velden zijn zowel offline als in de teamdatabase gewijzigd. Kies per conflict welke waarde blijft, of typ een eigen waarde. Wat u nog niet beslist, blijft hier staan; de rest van het werk is al samengevoegd.</source>
            <translation>These fields were changed both offline and in the team database. Choose for each conflict which value stays, or type your own. What you do not decide yet stays here; the rest of the work has already been merged.</translation>
        </message>
        <message>
            <source>Conflicten</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Offline (uw kopie)</source>
            <translation>Offline (your copy)</translation>
        </message>
        <message>
            <source>Teamdatabase</source>
            <translation>Team database</translation>
        </message>
        <message>
            <source>Offline waarde</source>
            <translation>Offline value</translation>
        </message>
        <message>
            <source>Waarde in de teamdatabase</source>
            <translation>Value in the team database</translation>
        </message>
        <message>
            <source>&amp;Eigen waarde:</source>
            <translation>&amp;Own value:</translation>
        </message>
        <message>
            <source>Eigen waarde &amp;gebruiken</source>
            <translation>&amp;Use own value</translation>
        </message>
        <message>
            <source>Alle conflicten zijn beslist.</source>
            <translation>All conflicts have been decided.</translation>
        </message>
        <message>
            <source>Offline verwijderd; in de teamdatabase intussen gewijzigd.</source>
            <translation>Deleted offline; changed in the team database meanwhile.</translation>
        </message>
        <message>
            <source>Offline gewijzigd; in de teamdatabase intussen verwijderd.</source>
            <translation>Changed offline; deleted in the team database meanwhile.</translation>
        </message>
        <message>
            <source>Zowel offline als in de teamdatabase gewijzigd.</source>
            <translation>Changed both offline and in the team database.</translation>
        </message>
        <message>
            <source>Bij meenemen:</source>
            <translation>When taken along:</translation>
        </message>
        <message>
            <source>zie de gemarkeerde regels</source>
            <translation>see the marked lines</translation>
        </message>
        <message>
            <source>Gewijzigd</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>%1 door %2 op %3</source>
            <translation>%1 by %2 on %3</translation>
        </message>
        <message>
            <source>%1 door %2</source>
            <translation>%1 by %2</translation>
        </message>
        <message>
            <source>Verwijderen (&amp;offline keuze)</source>
            <translation>&amp;Delete (offline choice)</translation>
        </message>
        <message>
            <source>&amp;Bewaren met de wijziging van de teamdatabase</source>
            <translation>&amp;Keep with the team database's change</translation>
        </message>
        <message>
            <source>Terugzetten met &amp;mijn wijziging</source>
            <translation>Restore with &amp;my change</translation>
        </message>
        <message>
            <source>Verwijderd &amp;laten (teamdatabase)</source>
            <translation>&amp;Leave deleted (team database)</translation>
        </message>
        <message>
            <source>&amp;Mijn waarde (offline) houden</source>
            <translation>Keep &amp;my value (offline)</translation>
        </message>
        <message>
            <source>Waarde van de &amp;teamdatabase houden</source>
            <translation>Keep the &amp;team database's value</translation>
        </message>
        <message>
            <source>nog 1 te beslissen</source>
            <translation>1 left to decide</translation>
        </message>
        <message>
            <source>nog %1 te beslissen</source>
            <translation>%1 left to decide</translation>
        </message>
        <message>
            <source>Typ een waarde, of kies een van beide waarden hierboven.</source>
            <translation>Type a value, or choose one of the two values above.</translation>
        </message>
        <message>
            <source>Meenemen geannuleerd; er is geen kopie achtergebleven.</source>
            <translation>Taking along cancelled; no copy was left behind.</translation>
        </message>
        <message>
            <source>(vertrouwelijk)</source>
            <translation>(confidential)</translation>
        </message>
        <message>
            <source>Even geduld: de app is nog bezig. Sluit het venster als dit klaar is.</source>
            <translation>Please wait: the app is still busy. Close the window when it is done.</translation>
        </message>
        <message>
            <source>Database openen</source>
            <translation>Open database</translation>
        </message>
        <message>
            <source>Nummers van nieuwe besluiten en actiepunten zijn voorlopig tot het terugzetten.</source>
            <translation>Numbers of new decisions and action points are provisional until the copy is returned.</translation>
        </message>
        <message>
            <source>De database openen waar deze kopie vandaan komt</source>
            <translation>Open the database this copy came from</translation>
        </message>
        <message>
            <source>Wat u hier daarna wijzigt, gaat mee met de volgende keer terugzetten.</source>
            <translation>What you change here after that goes with the next return.</translation>
        </message>
        <message>
            <source>Deze kopie is al teruggezet naar %1 en sindsdien niet gewijzigd; er is niets te doen.</source>
            <translation>This copy was already returned to %1 and has not changed since; there is nothing to do.</translation>
        </message>
        <message>
            <source>%1 (voorlopig)</source>
            <translation>%1 (provisional)</translation>
        </message>
        <message>
            <source>Voorlopig nummer: wordt bij terugzetten definitief</source>
            <translation>Provisional number: becomes final when the copy is put back</translation>
        </message>
    </context>
    <context>
        <name>offline_fields</name>
        <message>
            <source>(hele record)</source>
            <translation>(whole record)</translation>
        </message>
        <message>
            <source>afkorting</source>
            <translation>abbreviation</translation>
        </message>
        <message>
            <source>actiepunt</source>
            <translation>action item</translation>
        </message>
        <message>
            <source>actief vanaf</source>
            <translation>active from</translation>
        </message>
        <message>
            <source>actief tot</source>
            <translation>active until</translation>
        </message>
        <message>
            <source>agendapunt</source>
            <translation>agenda item</translation>
        </message>
        <message>
            <source>andere namen</source>
            <translation>other names</translation>
        </message>
        <message>
            <source>ambitie</source>
            <translation>ambition</translation>
        </message>
        <message>
            <source>gearchiveerd</source>
            <translation>archived</translation>
        </message>
        <message>
            <source>auteur</source>
            <translation>author</translation>
        </message>
        <message>
            <source>soort nulmeting</source>
            <translation>baseline kind</translation>
        </message>
        <message>
            <source>deel van de periode van de nulmeting</source>
            <translation>baseline part of period</translation>
        </message>
        <message>
            <source>nulmeting</source>
            <translation>baseline</translation>
        </message>
        <message>
            <source>jaar van de nulmeting</source>
            <translation>baseline year</translation>
        </message>
        <message>
            <source>voorzitter</source>
            <translation>chair</translation>
        </message>
        <message>
            <source>afgerond op</source>
            <translation>closed on</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>conclusie</source>
            <translation>conclusion</translation>
        </message>
        <message>
            <source>vertrouwelijk</source>
            <translation>confidential</translation>
        </message>
        <message>
            <source>e-mail van de contactpersoon</source>
            <translation>contact person's email</translation>
        </message>
        <message>
            <source>contactpersoon</source>
            <translation>contact person</translation>
        </message>
        <message>
            <source>datum</source>
            <translation>date</translation>
        </message>
        <message>
            <source>deadline</source>
            <translation>deadline</translation>
        </message>
        <message>
            <source>deadline (einde)</source>
            <translation>deadline (end)</translation>
        </message>
        <message>
            <source>deadline (begin)</source>
            <translation>deadline (start)</translation>
        </message>
        <message>
            <source>deadline (zoals geschreven)</source>
            <translation>deadline (as written)</translation>
        </message>
        <message>
            <source>gebruikelijke eindtijd</source>
            <translation>usual end time</translation>
        </message>
        <message>
            <source>gebruikelijke locatie</source>
            <translation>usual location</translation>
        </message>
        <message>
            <source>gebruikelijke online link</source>
            <translation>usual online link</translation>
        </message>
        <message>
            <source>gebruikelijke begintijd</source>
            <translation>usual start time</translation>
        </message>
        <message>
            <source>definitie</source>
            <translation>definition</translation>
        </message>
        <message>
            <source>omschrijving</source>
            <translation>description</translation>
        </message>
        <message>
            <source>richting</source>
            <translation>direction</translation>
        </message>
        <message>
            <source>stukken</source>
            <translation>documents</translation>
        </message>
        <message>
            <source>wat is gedaan</source>
            <translation>what was done</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>email</translation>
        </message>
        <message>
            <source>tot</source>
            <translation>until</translation>
        </message>
        <message>
            <source>eindtijd</source>
            <translation>end time</translation>
        </message>
        <message>
            <source>voorgelegd aan overleg</source>
            <translation>put to meeting</translation>
        </message>
        <message>
            <source>escaleert naar</source>
            <translation>escalates to</translation>
        </message>
        <message>
            <source>escalatie</source>
            <translation>escalation</translation>
        </message>
        <message>
            <source>voorgelegd als agendapunt</source>
            <translation>put as agenda item</translation>
        </message>
        <message>
            <source>bestandsnaam</source>
            <translation>file name</translation>
        </message>
        <message>
            <source>functie</source>
            <translation>position</translation>
        </message>
        <message>
            <source>versie van de uitnodiging</source>
            <translation>invitation version</translation>
        </message>
        <message>
            <source>kenmerk van de uitnodiging</source>
            <translation>invitation reference</translation>
        </message>
        <message>
            <source>in de programmatabel</source>
            <translation>in the programme table</translation>
        </message>
        <message>
            <source>inbrenger</source>
            <translation>presenter</translation>
        </message>
        <message>
            <source>inbrenger (persoon)</source>
            <translation>presenter (person)</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>indicator</translation>
        </message>
        <message>
            <source>inleiding</source>
            <translation>introduction</translation>
        </message>
        <message>
            <source>instelling</source>
            <translation>setting</translation>
        </message>
        <message>
            <source>soort</source>
            <translation>kind</translation>
        </message>
        <message>
            <source>soort label</source>
            <translation>label kind</translation>
        </message>
        <message>
            <source>aanduiding</source>
            <translation>designation</translation>
        </message>
        <message>
            <source>niveau</source>
            <translation>level</translation>
        </message>
        <message>
            <source>locatie</source>
            <translation>location</translation>
        </message>
        <message>
            <source>bestandssoort</source>
            <translation>file type</translation>
        </message>
        <message>
            <source>overleg</source>
            <translation>meeting</translation>
        </message>
        <message>
            <source>overleggen per jaar</source>
            <translation>meetings per year</translation>
        </message>
        <message>
            <source>samengevoegd met</source>
            <translation>merged into</translation>
        </message>
        <message>
            <source>verslagtekst</source>
            <translation>minutes text</translation>
        </message>
        <message>
            <source>naam</source>
            <translation>name</translation>
        </message>
        <message>
            <source>landelijke actielijn</source>
            <translation>national action line</translation>
        </message>
        <message>
            <source>nieuwe deadline</source>
            <translation>new deadline</translation>
        </message>
        <message>
            <source>nieuwe deadline (zoals geschreven)</source>
            <translation>new deadline (as written)</translation>
        </message>
        <message>
            <source>toelichting</source>
            <translation>note</translation>
        </message>
        <message>
            <source>notities</source>
            <translation>notes</translation>
        </message>
        <message>
            <source>nummer</source>
            <translation>number</translation>
        </message>
        <message>
            <source>nummer in het jaar</source>
            <translation>number in the year</translation>
        </message>
        <message>
            <source>online link</source>
            <translation>online link</translation>
        </message>
        <message>
            <source>organisatie</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>afgesproken bij agendapunt</source>
            <translation>agreed at agenda item</translation>
        </message>
        <message>
            <source>afgesproken in overleg</source>
            <translation>agreed at meeting</translation>
        </message>
        <message>
            <source>uitkomst</source>
            <translation>outcome</translation>
        </message>
        <message>
            <source>datum van de uitkomst</source>
            <translation>outcome date</translation>
        </message>
        <message>
            <source>vooruitblik</source>
            <translation>outlook</translation>
        </message>
        <message>
            <source>eigen verantwoordelijken</source>
            <translation>own responsible parties</translation>
        </message>
        <message>
            <source>paragraaf</source>
            <translation>paragraph</translation>
        </message>
        <message>
            <source>hoort bij programma-actie</source>
            <translation>part of programme action</translation>
        </message>
        <message>
            <source>einde van de periode</source>
            <translation>end of period</translation>
        </message>
        <message>
            <source>periode vanaf</source>
            <translation>period from</translation>
        </message>
        <message>
            <source>soort periode</source>
            <translation>period kind</translation>
        </message>
        <message>
            <source>deel van de periode</source>
            <translation>part of period</translation>
        </message>
        <message>
            <source>begin van de periode</source>
            <translation>start of period</translation>
        </message>
        <message>
            <source>periode tot</source>
            <translation>period until</translation>
        </message>
        <message>
            <source>persoon</source>
            <translation>person</translation>
        </message>
        <message>
            <source>telefoon</source>
            <translation>phone</translation>
        </message>
        <message>
            <source>geplande minuten</source>
            <translation>planned minutes</translation>
        </message>
        <message>
            <source>volgorde</source>
            <translation>order</translation>
        </message>
        <message>
            <source>uitgesteld</source>
            <translation>postponed</translation>
        </message>
        <message>
            <source>vorige deadline</source>
            <translation>previous deadline</translation>
        </message>
        <message>
            <source>programma-actie</source>
            <translation>programme action</translation>
        </message>
        <message>
            <source>programma</source>
            <translation>programme</translation>
        </message>
        <message>
            <source>voorlopig</source>
            <translation>provisional</translation>
        </message>
        <message>
            <source>doel</source>
            <translation>purpose</translation>
        </message>
        <message>
            <source>ontvangen op</source>
            <translation>received on</translation>
        </message>
        <message>
            <source>kenmerk</source>
            <translation>reference</translation>
        </message>
        <message>
            <source>regio</source>
            <translation>region</translation>
        </message>
        <message>
            <source>datum van de rapportage</source>
            <translation>report date</translation>
        </message>
        <message>
            <source>rol</source>
            <translation>role</translation>
        </message>
        <message>
            <source>secretaris</source>
            <translation>secretary</translation>
        </message>
        <message>
            <source>actielijn</source>
            <translation>action line</translation>
        </message>
        <message>
            <source>volgnummer</source>
            <translation>sequence number</translation>
        </message>
        <message>
            <source>overlegreeks</source>
            <translation>meeting series</translation>
        </message>
        <message>
            <source>inhoud van het stuk</source>
            <translation>document content</translation>
        </message>
        <message>
            <source>grootte</source>
            <translation>size</translation>
        </message>
        <message>
            <source>bron</source>
            <translation>source</translation>
        </message>
        <message>
            <source>kenmerk bij de bron</source>
            <translation>source reference</translation>
        </message>
        <message>
            <source>bronnen</source>
            <translation>sources</translation>
        </message>
        <message>
            <source>vast agendapunt</source>
            <translation>standard agenda item</translation>
        </message>
        <message>
            <source>vanaf</source>
            <translation>from</translation>
        </message>
        <message>
            <source>begintijd</source>
            <translation>start time</translation>
        </message>
        <message>
            <source>status van het overleg</source>
            <translation>meeting status</translation>
        </message>
        <message>
            <source>status</source>
            <translation>status</translation>
        </message>
        <message>
            <source>subpunten</source>
            <translation>sub-points</translation>
        </message>
        <message>
            <source>vervanger</source>
            <translation>substitute</translation>
        </message>
        <message>
            <source>vervanger (naam)</source>
            <translation>substitute (name)</translation>
        </message>
        <message>
            <source>opvolger</source>
            <translation>successor</translation>
        </message>
        <message>
            <source>label</source>
            <translation>label</translation>
        </message>
        <message>
            <source>tekst</source>
            <translation>text</translation>
        </message>
        <message>
            <source>teksten</source>
            <translation>texts</translation>
        </message>
        <message>
            <source>thema</source>
            <translation>theme</translation>
        </message>
        <message>
            <source>keren doorgeschoven</source>
            <translation>times postponed</translation>
        </message>
        <message>
            <source>titel</source>
            <translation>title</translation>
        </message>
        <message>
            <source>wat moet nog</source>
            <translation>still to do</translation>
        </message>
        <message>
            <source>trekker (organisatie)</source>
            <translation>lead (organisation)</translation>
        </message>
        <message>
            <source>trekker (persoon)</source>
            <translation>lead (person)</translation>
        </message>
        <message>
            <source>trekker</source>
            <translation>lead</translation>
        </message>
        <message>
            <source>eenheid</source>
            <translation>unit</translation>
        </message>
        <message>
            <source>eenheid (zoals getoond)</source>
            <translation>unit (as shown)</translation>
        </message>
        <message>
            <source>onbekend</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>waarde</source>
            <translation>value</translation>
        </message>
        <message>
            <source>versie</source>
            <translation>version</translation>
        </message>
        <message>
            <source>werkgroep</source>
            <translation>working group</translation>
        </message>
        <message>
            <source>jaar</source>
            <translation>year</translation>
        </message>
        <message>
            <source>vastgesteld in overleg</source>
            <translation>approved in meeting</translation>
        </message>
        <message>
            <source>tekst op agenda bestuurlijk overleg</source>
            <translation>text on the administrative meeting's agenda</translation>
        </message>
    </context>
    <context>
        <name>offline_steps</name>
        <message>
            <source>Meenemen voorbereiden</source>
            <translation>Preparing the copy</translation>
        </message>
        <message>
            <source>Lezen</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>Verwijzingen aanvullen</source>
            <translation>Completing references</translation>
        </message>
        <message>
            <source>Kopie schrijven</source>
            <translation>Writing the copy</translation>
        </message>
        <message>
            <source>Schrijven</source>
            <translation>Writing</translation>
        </message>
        <message>
            <source>Zoekindex maken</source>
            <translation>Building the search index</translation>
        </message>
        <message>
            <source>Klaar</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Wijzigingen van de kopie lezen</source>
            <translation>Reading the copy's changes</translation>
        </message>
        <message>
            <source>Vergelijken met de teamdatabase</source>
            <translation>Comparing with the team database</translation>
        </message>
        <message>
            <source>Samenvoegen</source>
            <translation>Merging</translation>
        </message>
        <message>
            <source>Vastleggen</source>
            <translation>Saving</translation>
        </message>
        <message>
            <source>actiepunt</source>
            <translation>action item</translation>
        </message>
        <message>
            <source>trekkende organisatie</source>
            <translation>leading organisation</translation>
        </message>
        <message>
            <source>agendapunt</source>
            <translation>agenda item</translation>
        </message>
        <message>
            <source>programma-actie</source>
            <translation>programme action</translation>
        </message>
        <message>
            <source>ambitie</source>
            <translation>ambition</translation>
        </message>
        <message>
            <source>instelling</source>
            <translation>setting</translation>
        </message>
        <message>
            <source>aanwezigheid</source>
            <translation>attendance</translation>
        </message>
        <message>
            <source>meegenomen actiepunt</source>
            <translation>carried-over action item</translation>
        </message>
        <message>
            <source>besluit</source>
            <translation>decision</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>indicator</translation>
        </message>
        <message>
            <source>actielijn</source>
            <translation>action line</translation>
        </message>
        <message>
            <source>streefwaarde</source>
            <translation>target value</translation>
        </message>
        <message>
            <source>lokale status</source>
            <translation>local status</translation>
        </message>
        <message>
            <source>meting</source>
            <translation>measurement</translation>
        </message>
        <message>
            <source>overleg</source>
            <translation>meeting</translation>
        </message>
        <message>
            <source>overlegreeks</source>
            <translation>meeting series</translation>
        </message>
        <message>
            <source>organisatie</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>persoon</source>
            <translation>person</translation>
        </message>
        <message>
            <source>programma</source>
            <translation>programme</translation>
        </message>
        <message>
            <source>label</source>
            <translation>label</translation>
        </message>
        <message>
            <source>voortgangsrapportage</source>
            <translation>progress report</translation>
        </message>
        <message>
            <source>voortgang</source>
            <translation>progress</translation>
        </message>
        <message>
            <source>verantwoordelijkheid</source>
            <translation>responsibility</translation>
        </message>
        <message>
            <source>genodigde</source>
            <translation>invitee</translation>
        </message>
        <message>
            <source>stuk</source>
            <translation>document</translation>
        </message>
        <message>
            <source>soort label</source>
            <translation>label kind</translation>
        </message>
        <message>
            <source>werkgroep</source>
            <translation>working group</translation>
        </message>
        <message>
            <source>werkgroeplid</source>
            <translation>working group member</translation>
        </message>
    </context>
    <context>
        <name>periods</name>
        <message>
            <source>vanaf %1</source>
            <translation>from %1</translation>
        </message>
        <message>
            <source>tot %1</source>
            <translation>until %1</translation>
        </message>
    </context>
    <context>
        <name>weekdays</name>
        <message>
            <source>ma</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>di</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>wo</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>do</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>vr</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>za</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>zo</source>
            <translation>Sun</translation>
        </message>
    </context>
</TS>
