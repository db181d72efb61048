<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
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
            <translation>%1 (late)</translation>
        </message>
        <message>
            <source>Uit %1 van %2</source>
            <translation>From %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>ActionsPage</name>
        <message>
            <source>Acties</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Alle statussen</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Alleen open</source>
            <translation>Open only</translation>
        </message>
        <message>
            <source>Alleen te laat</source>
            <translation>Late only</translation>
        </message>
        <message>
            <source>Zoeken in actie, trekker en voortgang...</source>
            <translation>Search action, lead and progress...</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
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
            <source>%1, waarvan %2 te laat</source>
            <translation>%1, %2 of them late</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Bestand</source>
            <extracomment>The user chose to quit because no database could be opened.</extracomment>
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
            <source>&amp;Afsluiten</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
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
            <source>&lt;h3&gt;GHNT Desktop %1&lt;/h3&gt;&lt;p&gt;Programma, overleggen, verslagen en actielijsten van het regionale netwerk &lt;i&gt;Geweld hoort nergens thuis&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Licentie: EUPL-1.2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;GHNT Desktop %1&lt;/h3&gt;&lt;p&gt;Programme, meetings, minutes and action lists of the regional network &lt;i&gt;Geweld hoort nergens thuis&lt;/i&gt; (violence does not belong at home).&lt;/p&gt;&lt;p&gt;Licence: EUPL-1.2&lt;/p&gt;</translation>
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
            <source>Nieuwe database aangemaakt: %1</source>
            <translation>New database created: %1</translation>
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
        <name>MeetingsPage</name>
        <message>
            <source>Overleggen</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>1 overleg</source>
            <translation>1 meeting</translation>
        </message>
        <message>
            <source>%1 overleggen</source>
            <translation>%1 meetings</translation>
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
    </context>
    <context>
        <name>OrganisationsPage</name>
        <message>
            <source>Organisaties &amp; personen</source>
            <translation>Organisations &amp; people</translation>
        </message>
        <message>
            <source>Personen</source>
            <translation>People</translation>
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
    </context>
    <context>
        <name>PersonTableModel</name>
        <message>
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Functie</source>
            <translation>Function</translation>
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
        <name>ProgrammePage</name>
        <message>
            <source>Programma</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Programma:</source>
            <translation>Programme:</translation>
        </message>
        <message>
            <source>Deze database bevat nog geen programma.</source>
            <translation>This database holds no programme yet.</translation>
        </message>
        <message>
            <source>%1 ambities, %2 acties</source>
            <translation>%1 ambitions, %2 actions</translation>
        </message>
        <message>
            <source>Ambities: %1   Acties: %2</source>
            <translation>Ambitions: %1   Actions: %2</translation>
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
            <source>Verantwoordelijke partijen: %1</source>
            <translation>Responsible parties: %1</translation>
        </message>
        <message>
            <source>Trekker: %1</source>
            <translation>Lead: %1</translation>
        </message>
        <message>
            <source>(overgenomen van de ambitie)</source>
            <translation>(taken from the ambition)</translation>
        </message>
        <message>
            <source>Planning: %1</source>
            <translation>Timing: %1</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>Werkgroep: %1</source>
            <translation>Working group: %1</translation>
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
            <source>1 werkgroep</source>
            <translation>1 working group</translation>
        </message>
        <message>
            <source>%1 werkgroepen</source>
            <translation>%1 working groups</translation>
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
