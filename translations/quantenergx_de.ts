<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>QuantEnergx energy trading workstation.</source>
        <translation>QuantEnergx-Arbeitsplatz für den Energiehandel.</translation>
    </message>
    <message>
        <source>Sign in to the server at &lt;url&gt; instead of starting the bundled local server.</source>
        <translation>Am Server unter &lt;url&gt; anmelden, statt den mitgelieferten lokalen Server zu starten.</translation>
    </message>
    <message>
        <source>Use the light or dark &lt;theme&gt; (else the one chosen last).</source>
        <translation>Das helle oder dunkle Design &lt;theme&gt; verwenden (sonst das zuletzt gewählte).</translation>
    </message>
    <message>
        <source>Use the &lt;language&gt; en, de or fr (else the one chosen in the settings, else the system&apos;s).</source>
        <translation>Die Sprache &lt;language&gt; verwenden: en, de oder fr (sonst die in den Einstellungen gewählte, sonst die des Systems).</translation>
    </message>
    <message>
        <source>--language takes en, de or fr.</source>
        <translation>--language erwartet en, de oder fr.</translation>
    </message>
</context>
<context>
    <name>qx::client::LocalServer</name>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The local server could not initialise %1: %2</source>
        <translation>Der lokale Server konnte %1 nicht initialisieren: %2</translation>
    </message>
    <message>
        <source>The local server could not set up its trader: %1</source>
        <translation>Der lokale Server konnte das Händlerkonto nicht einrichten: %1</translation>
    </message>
    <message>
        <source>The local server stopped before it was ready: %1</source>
        <translation>Der lokale Server wurde beendet, bevor er bereit war: %1</translation>
    </message>
</context>
<context>
    <name>qx::client::RemoteTradingService</name>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>Der Server hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Server nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server antwortete mit HTTP-Status %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a JSON object.</source>
        <translation>Die Antwort des Servers ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>No session is remembered on this computer.</source>
        <translation>Auf diesem Computer ist keine Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>No session is remembered for this user.</source>
        <translation>Für diesen Benutzer ist keine Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1</source>
        <translation>Dem TLS-Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kann %1 nicht lesen: %2</translation>
    </message>
</context>
<context>
    <name>qx::client::SignInController</name>
    <message>
        <source>The session will not be remembered: %1</source>
        <translation>Die Sitzung wird nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not end your other sessions: %1</source>
        <translation>Hier abgemeldet, aber der Server konnte Ihre anderen Sitzungen nicht beenden: %1</translation>
    </message>
    <message>
        <source>Signed out: every session of yours has ended.</source>
        <translation>Abgemeldet: Alle Ihre Sitzungen sind beendet.</translation>
    </message>
    <message>
        <source>Resuming your session on %1…</source>
        <translation>Ihre Sitzung auf %1 wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Starting local server…</source>
        <translation>Lokaler Server wird gestartet…</translation>
    </message>
    <message>
        <source>Signing in to the local server…</source>
        <translation>Anmeldung am lokalen Server…</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation>Der lokale Server wurde unerwartet beendet.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>Überall abmelden…</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>Your remembered session has ended. Sign in again.</source>
        <translation>Ihre gespeicherte Sitzung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Could not resume your session: %1</source>
        <translation>Ihre Sitzung konnte nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app, or a recovery code.</source>
        <translation>Geben Sie den 6-stelligen Code Ihrer Authenticator-App ein oder einen Wiederherstellungscode.</translation>
    </message>
    <message>
        <source>That code is wrong, expired or used already. Try the current one.</source>
        <translation>Dieser Code ist falsch, abgelaufen oder schon verwendet. Versuchen Sie den aktuellen.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>qx::client::TokenVault</name>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>Der Schlüsselbund des Systems ist nicht nutzbar: %1</translation>
    </message>
</context>
<context>
    <name>qx::core::CandleSeries</name>
    <message>
        <source>A trade must have a positive quantity.</source>
        <translation>Ein Abschluss muss eine positive Menge haben.</translation>
    </message>
</context>
<context>
    <name>qx::core::Decimal</name>
    <message>
        <source>The number is too large to be represented.</source>
        <translation>Die Zahl ist zu groß, um dargestellt zu werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number.</source>
        <translation>„%1“ ist keine Dezimalzahl.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than %2 decimal places.</source>
        <translation>„%1“ hat mehr als %2 Nachkommastellen.</translation>
    </message>
    <message>
        <source>Division by zero.</source>
        <translation>Division durch null.</translation>
    </message>
</context>
<context>
    <name>qx::core::Instrument</name>
    <message>
        <source>the symbol is malformed.</source>
        <translation>das Symbol ist fehlerhaft.</translation>
    </message>
    <message>
        <source>the hub or area is missing.</source>
        <translation>Hub oder Marktgebiet fehlt.</translation>
    </message>
    <message>
        <source>the delivery period is invalid.</source>
        <translation>der Lieferzeitraum ist ungültig.</translation>
    </message>
    <message>
        <source>the time zone is unknown.</source>
        <translation>die Zeitzone ist unbekannt.</translation>
    </message>
    <message>
        <source>the currency is not ISO 4217.</source>
        <translation>die Währung entspricht nicht ISO 4217.</translation>
    </message>
    <message>
        <source>the tick size must be positive.</source>
        <translation>die Tickgröße muss positiv sein.</translation>
    </message>
    <message>
        <source>the lot size must be positive.</source>
        <translation>die Lotgröße muss positiv sein.</translation>
    </message>
    <message>
        <source>only power has peak and off-peak loads.</source>
        <translation>nur Strom hat Peak- und Off-Peak-Profile.</translation>
    </message>
    <message>
        <source>Instrument %1: %2</source>
        <translation>Instrument %1: %2</translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation>Die Menge muss größer als null sein.</translation>
    </message>
    <message>
        <source>The quantity %1 is not a multiple of the lot size %2 %3 of %4.</source>
        <translation>Die Menge %1 ist kein Vielfaches der Lotgröße %2 %3 von %4.</translation>
    </message>
    <message>
        <source>The price %1 is not on the tick size %2 of %3.</source>
        <translation>Der Preis %1 passt nicht zur Tickgröße %2 von %3.</translation>
    </message>
    <message>
        <source>an hour or quarter-hour has no load shape.</source>
        <translation>eine Stunde oder Viertelstunde hat kein Lastprofil.</translation>
    </message>
    <message>
        <source>the delivery hour does not exist on that day.</source>
        <translation>die Lieferstunde existiert an diesem Tag nicht.</translation>
    </message>
</context>
<context>
    <name>qx::core::Position</name>
    <message>
        <source>A fill must have a positive quantity.</source>
        <translation>Eine Ausführung muss eine positive Menge haben.</translation>
    </message>
</context>
<context>
    <name>qx::core::ProductCatalog</name>
    <message>
        <source>Invalid product catalog: %1</source>
        <translation>Ungültiger Produktkatalog: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instrument symbol.</source>
        <translation>„%1“ ist kein Instrumentsymbol.</translation>
    </message>
</context>
<context>
    <name>qx::core::documents</name>
    <message>
        <source>The contract could not be read from the document.</source>
        <translation>Der Kontrakt konnte aus dem Dokument nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Neither the buyer nor the seller is %1.</source>
        <translation>Weder Käufer noch Verkäufer ist %1.</translation>
    </message>
    <message>
        <source>The trade date could not be read from the document.</source>
        <translation>Der Handelstag konnte aus dem Dokument nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Nothing booked for %1 on %2 fits.</source>
        <translation>Nichts Gebuchtes für %1 am %2 passt.</translation>
    </message>
    <message>
        <source>%1 booked deals or trades fit equally well: taking one would be a guess.</source>
        <translation>%1 gebuchte Geschäfte oder Trades passen gleich gut: einen zu wählen wäre geraten.</translation>
    </message>
    <message>
        <source>The invoice&apos;s period could not be read.</source>
        <translation>Der Abrechnungszeitraum der Rechnung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Neither the issuer nor the recipient is %1.</source>
        <translation>Weder Rechnungssteller noch Rechnungsempfänger ist %1.</translation>
    </message>
    <message>
        <source>The deals of this period are in different units or currencies; they are not added up.</source>
        <translation>Die Geschäfte dieses Zeitraums lauten auf verschiedene Einheiten oder Währungen; sie werden nicht addiert.</translation>
    </message>
    <message>
        <source>Deal %1 is too large to add up.</source>
        <translation>Geschäft %1 ist zu groß zum Addieren.</translation>
    </message>
    <message>
        <source>The deals of this period are too large to add up.</source>
        <translation>Die Geschäfte dieses Zeitraums sind zu groß zum Addieren.</translation>
    </message>
    <message>
        <source>Nothing booked with %1 delivers in this period.</source>
        <translation>Nichts mit %1 Gebuchtes liefert in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>The invoice counts %1, the deals %2: quantities not compared.</source>
        <translation>Die Rechnung zählt in %1, die Geschäfte in %2: Mengen nicht verglichen.</translation>
    </message>
</context>
<context>
    <name>qx::core::notifications::Templates</name>
    <message>
        <source>Contract</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Average price</source>
        <translation>Durchschnittspreis</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Used (%)</source>
        <translation>Ausgelastet (%)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Preisquelle</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Client order id</source>
        <translation>Client-Order-ID</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sold %1 %2 at %3</source>
        <translation>%1 %2 verkauft zu %3</translation>
    </message>
    <message>
        <source>Bought %1 %2 at %3</source>
        <translation>%1 %2 gekauft zu %3</translation>
    </message>
    <message>
        <source>Sold %1 of %2 %3 so far, at %4 on average</source>
        <translation>Bisher %1 von %2 %3 verkauft, im Schnitt zu %4</translation>
    </message>
    <message>
        <source>Bought %1 of %2 %3 so far, at %4 on average</source>
        <translation>Bisher %1 von %2 %3 gekauft, im Schnitt zu %4</translation>
    </message>
    <message>
        <source>Order refused: %1 %2 %3</source>
        <translation>Order abgelehnt: %1 %2 %3</translation>
    </message>
    <message>
        <source>Order expired: %1 %2 %3, %4 filled</source>
        <translation>Order abgelaufen: %1 %2 %3, %4 ausgeführt</translation>
    </message>
    <message>
        <source>Deal booked: %1 %2 %3 at %4 with %5</source>
        <translation>Deal gebucht: %1 %2 %3 zu %4 mit %5</translation>
    </message>
    <message>
        <source>%1 limit %2 % used</source>
        <translation>Limit %1 zu %2 % ausgelastet</translation>
    </message>
    <message>
        <source>%1 limit breached</source>
        <translation>Limit %1 überschritten</translation>
    </message>
    <message>
        <source>Confirmation %1 does not match the booked deal</source>
        <translation>Bestätigung %1 weicht vom gebuchten Deal ab</translation>
    </message>
    <message>
        <source>No deal matches confirmation %1</source>
        <translation>Kein Deal passt zur Bestätigung %1</translation>
    </message>
    <message>
        <source>Document %1 read</source>
        <translation>Dokument %1 gelesen</translation>
    </message>
    <message>
        <source>Document %1 could not be read</source>
        <translation>Dokument %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Sign-in from a new address: %1</source>
        <translation>Anmeldung von einer neuen Adresse: %1</translation>
    </message>
    <message>
        <source>Two-step sign-in changed on your account</source>
        <translation>Die Zwei-Faktor-Anmeldung Ihres Kontos wurde geändert</translation>
    </message>
    <message>
        <source>Storage unavailable: orders are refused</source>
        <translation>Speicher nicht verfügbar: Orders werden abgelehnt</translation>
    </message>
    <message>
        <source>Book %1 is matched by another server now</source>
        <translation>Das Buch %1 wird jetzt von einem anderen Server geführt</translation>
    </message>
    <message>
        <source>Prices from %1 are stale</source>
        <translation>Preise von %1 sind veraltet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message numerus="yes">
        <source>Digest: %n notification(s)</source>
        <translation>
            <numerusform>Zusammenfassung: %n Benachrichtigung</numerusform>
            <numerusform>Zusammenfassung: %n Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>[QuantEnergx] CRITICAL: %1</source>
        <translation>[QuantEnergx] KRITISCH: %1</translation>
    </message>
    <message>
        <source>[QuantEnergx] %1</source>
        <translation>[QuantEnergx] %1</translation>
    </message>
    <message>
        <source>QuantEnergx CRITICAL: %1</source>
        <translation>QuantEnergx KRITISCH: %1</translation>
    </message>
    <message>
        <source>QuantEnergx: %1</source>
        <translation>QuantEnergx: %1</translation>
    </message>
    <message>
        <source>Test message from QuantEnergx</source>
        <translation>Testnachricht von QuantEnergx</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Gesendet von</translation>
    </message>
    <message>
        <source>This chat now receives your QuantEnergx notifications.</source>
        <translation>Dieser Chat erhält jetzt Ihre QuantEnergx-Benachrichtigungen.</translation>
    </message>
    <message>
        <source>This link is unknown, used or expired. Make a new one in QuantEnergx: Settings, Notifications.</source>
        <translation>Dieser Link ist unbekannt, benutzt oder abgelaufen. Erstellen Sie einen neuen in QuantEnergx: Einstellungen, Benachrichtigungen.</translation>
    </message>
</context>
<context>
    <name>qx::core::protocol</name>
    <message>
        <source>Field &quot;client_order_id&quot;: must be 1 to 64 printable ASCII characters.</source>
        <translation>Feld „client_order_id“: muss aus 1 bis 64 druckbaren ASCII-Zeichen bestehen.</translation>
    </message>
    <message>
        <source>The message has no &quot;type&quot;.</source>
        <translation>Der Nachricht fehlt das Feld „type“.</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Unbekanntes Feld „%1“.</translation>
    </message>
    <message>
        <source>The JSON nests deeper than %1 levels.</source>
        <translation>Das JSON ist tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>The text is not a JSON object.</source>
        <translation>Der Text ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD</source>
        <translation>muss ein Datum als JJJJ-MM-TT sein</translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation>muss größer als null sein</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <source>must be 1 to 100 characters</source>
        <translation>muss 1 bis 100 Zeichen lang sein</translation>
    </message>
    <message>
        <source>must be at most 100 characters</source>
        <translation>darf höchstens 100 Zeichen lang sein</translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation>darf höchstens 64 Zeichen lang sein</translation>
    </message>
</context>
<context>
    <name>qx::core::protocol::DealCancel</name>
    <message>
        <source>must be at most 500 characters</source>
        <translation>darf höchstens 500 Zeichen lang sein</translation>
    </message>
</context>
<context>
    <name>qx::models::DeliveryMonthsModel</name>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Delivery month</source>
        <translation>Liefermonat</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
</context>
<context>
    <name>qx::models::DepthModel</name>
    <message numerus="yes">
        <source>%n order(s) at %1</source>
        <translation>
            <numerusform>%n Order zu %1</numerusform>
            <numerusform>%n Orders zu %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Bid qty</source>
        <translation>Menge Geld</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Ask qty</source>
        <translation>Menge Brief</translation>
    </message>
</context>
<context>
    <name>qx::models::DocumentsModel</name>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Nicht erkannt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Ohne Treffer</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>gebucht</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <source>Sending %1 %</source>
        <translation>Wird gesendet: %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n page(s), sent by %2</source>
        <translation>
            <numerusform>%1, %n Seite, gesendet von %2</numerusform>
            <numerusform>%1, %n Seiten, gesendet von %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
</context>
<context>
    <name>qx::models::MarketTradesModel</name>
    <message>
        <source>A buyer took the offer</source>
        <translation>Ein Käufer hat aus dem Brief gekauft</translation>
    </message>
    <message>
        <source>A seller hit the bid</source>
        <translation>Ein Verkäufer hat ins Geld verkauft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Taker</source>
        <translation>Taker</translation>
    </message>
</context>
<context>
    <name>qx::models::MarketWatchModel</name>
    <message>
        <source>Contract</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <source>Bid size</source>
        <translation>Geld Menge</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Ask size</source>
        <translation>Brief Menge</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
</context>
<context>
    <name>qx::models::NotificationsModel</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
</context>
<context>
    <name>qx::models::OrdersModel</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>partially filled</source>
        <translation>teilweise ausgeführt</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Order-ID</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Ø-Preis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price: type digits and a point, such as 42.50.</source>
        <translation>„%1“ ist kein Preis: Ziffern und einen Punkt eingeben, etwa 42.50.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity: type digits and a point, such as 25.</source>
        <translation>„%1“ ist keine Menge: Ziffern und einen Punkt eingeben, etwa 25.</translation>
    </message>
</context>
<context>
    <name>qx::models::PositionsModel</name>
    <message>
        <source>No trade in this market yet to mark the position to</source>
        <translation>Noch kein Handel in diesem Markt, zu dem die Position bewertet werden kann</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Ø Preis</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Unrealised</source>
        <translation>Unrealisiert</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>Realisiert</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Exactly %1</source>
        <translation>Genau %1</translation>
    </message>
</context>
<context>
    <name>qx::models::TradesModel</name>
    <message>
        <source>taker</source>
        <translation>Taker</translation>
    </message>
    <message>
        <source>maker</source>
        <translation>Maker</translation>
    </message>
    <message>
        <source>Your order crossed the spread</source>
        <translation>Ihre Order hat den Spread überschritten</translation>
    </message>
    <message>
        <source>Your resting order was hit</source>
        <translation>Ihre im Buch liegende Order wurde ausgeführt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Trade ID</source>
        <translation>Trade-ID</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidität</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Order-ID</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
</context>
<context>
    <name>qx::models::displayformat</name>
    <message>
        <source>Wk %1 %2</source>
        <translation>KW %1 %2</translation>
    </message>
    <message>
        <source>WE %1 %2</source>
        <translation>WE %1 %2</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>Q%1 %2</translation>
    </message>
    <message>
        <source>Sum %1</source>
        <translation>Som %1</translation>
    </message>
    <message>
        <source>Win %1</source>
        <translation>Win %1</translation>
    </message>
    <message>
        <source>Cal %1</source>
        <translation>Cal %1</translation>
    </message>
    <message>
        <source>Quarter-hours</source>
        <translation>Viertelstunden</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Wochenenden</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>Quartale</translation>
    </message>
    <message>
        <source>Seasons</source>
        <translation>Saisons</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
</context>
<context>
    <name>qx::models::products</name>
    <message>
        <source>German power intraday</source>
        <translation>Strom Deutschland Intraday</translation>
    </message>
    <message>
        <source>German power base load</source>
        <translation>Strom Deutschland Base</translation>
    </message>
    <message>
        <source>German power peak load</source>
        <translation>Strom Deutschland Peak</translation>
    </message>
    <message>
        <source>French power base load</source>
        <translation>Strom Frankreich Base</translation>
    </message>
    <message>
        <source>Dutch power base load</source>
        <translation>Strom Niederlande Base</translation>
    </message>
    <message>
        <source>British power base load</source>
        <translation>Strom Großbritannien Base</translation>
    </message>
    <message>
        <source>Nordic system price</source>
        <translation>Nordischer Systempreis</translation>
    </message>
    <message>
        <source>TTF natural gas</source>
        <translation>Erdgas TTF</translation>
    </message>
    <message>
        <source>THE natural gas (Germany)</source>
        <translation>Erdgas THE (Deutschland)</translation>
    </message>
    <message>
        <source>NBP natural gas</source>
        <translation>Erdgas NBP</translation>
    </message>
    <message>
        <source>Henry Hub natural gas</source>
        <translation>Erdgas Henry Hub</translation>
    </message>
    <message>
        <source>Brent crude oil</source>
        <translation>Rohöl Brent</translation>
    </message>
    <message>
        <source>WTI crude oil</source>
        <translation>Rohöl WTI</translation>
    </message>
    <message>
        <source>EU emission allowances</source>
        <translation>EU-Emissionszertifikate</translation>
    </message>
</context>
<context>
    <name>qx::widgets::BlotterFilterBar</name>
    <message>
        <source>Filter: symbol, id, status…</source>
        <translation>Filter: Symbol, ID, Status…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Kauf und Verkauf</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Live only</source>
        <translation>Nur &amp;aktive</translation>
    </message>
</context>
<context>
    <name>qx::widgets::CandleChart</name>
    <message>
        <source>Candle values</source>
        <translation>Kerzenwerte</translation>
    </message>
    <message>
        <source>Candles of %1</source>
        <translation>Kerzen für %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Preischart</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Kein Instrument</translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation>In diesem Zeitraum noch keine Abschlüsse.</translation>
    </message>
    <message>
        <source>%1   O %2  H %3  L %4  C %5   Vol %6 %7</source>
        <translation>%1   E %2  H %3  T %4  S %5   Vol %6 %7</translation>
    </message>
    <message>
        <source>Wheel or + and − to zoom, drag or ← and → to pan, Home or a double-click for the latest candles</source>
        <translation>Mausrad oder + und − zoomen, Ziehen oder ← und → verschieben, Pos1 oder Doppelklick zeigt die neuesten Kerzen</translation>
    </message>
</context>
<context>
    <name>qx::widgets::CriticalAlert</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>Kritisch: %1</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DepthLadder</name>
    <message>
        <source>Last trade and volume</source>
        <translation>Letzter Abschluss und Volumen</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Markttiefe</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Kein Instrument</translation>
    </message>
    <message>
        <source>Last %1 × %2 %3</source>
        <translation>Letzter %1 × %2 %3</translation>
    </message>
    <message>
        <source>No trade yet</source>
        <translation>Noch kein Abschluss</translation>
    </message>
    <message>
        <source>Volume %1 %2</source>
        <translation>Volumen %1 %2</translation>
    </message>
    <message>
        <source>Spread %1</source>
        <translation>Spread %1</translation>
    </message>
    <message>
        <source>Click an offer to buy at its price, a bid to sell at it. Drag your own quantity to another price to move those orders there.</source>
        <translation>Ein Angebot anklicken, um zu seinem Preis zu kaufen, ein Gebot, um dazu zu verkaufen. Die eigene Menge auf einen anderen Preis ziehen, um diese Orders dorthin zu verschieben.</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentPageView</name>
    <message>
        <source>%1: %2
Confidence %3 %</source>
        <translation>%1: %2
Sicherheit %3 %</translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation>Unsicher: bitte mit der Seite vergleichen</translation>
    </message>
    <message>
        <source>Differs from the deal or trade it was matched with</source>
        <translation>Weicht vom abgeglichenen Deal oder Trade ab</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentsPanel</name>
    <message>
        <source>Trade id</source>
        <translation>Trade-ID</translation>
    </message>
    <message>
        <source>Trade date</source>
        <translation>Handelstag</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkäufer</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Makler</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Ware</translation>
    </message>
    <message>
        <source>Delivery point</source>
        <translation>Lieferort</translation>
    </message>
    <message>
        <source>Delivery from</source>
        <translation>Lieferung ab</translation>
    </message>
    <message>
        <source>Delivery to</source>
        <translation>Lieferung bis</translation>
    </message>
    <message>
        <source>Load shape</source>
        <translation>Lastprofil</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Quantity unit</source>
        <translation>Mengeneinheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Price unit</source>
        <translation>Preiseinheit</translation>
    </message>
    <message>
        <source>Total volume</source>
        <translation>Gesamtvolumen</translation>
    </message>
    <message>
        <source>Volume unit</source>
        <translation>Volumeneinheit</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Gegenpartei</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Rechnungsnummer</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Rechnungsdatum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Zeitraum ab</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Zeitraum bis</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Nettobetrag</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>USt.</translation>
    </message>
    <message>
        <source>Gross amount</source>
        <translation>Bruttobetrag</translation>
    </message>
    <message>
        <source>&amp;Accept match</source>
        <translation>Abgleich &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Book deal</source>
        <translation>Deal &amp;buchen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Send confirmations or invoices (PDF, PNG, JPEG, TIFF) to be read</source>
        <translation>Bestätigungen oder Rechnungen (PDF, PNG, JPEG, TIFF) zum Lesen senden</translation>
    </message>
    <message>
        <source>or drop PDFs and scans here</source>
        <translation>oder PDFs und Scans hier ablegen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Confirm that the document is the deal or trade it matched</source>
        <translation>Bestätigen, dass das Dokument der abgeglichene Deal oder Trade ist</translation>
    </message>
    <message>
        <source>Book the confirmation as a new deal, with the fields as corrected here (each correction is audited)</source>
        <translation>Die Bestätigung als neuen Deal buchen, mit den hier korrigierten Feldern (jede Korrektur wird protokolliert)</translation>
    </message>
    <message>
        <source>Mark the document as not ours or wrong</source>
        <translation>Das Dokument als fremd oder falsch markieren</translation>
    </message>
    <message>
        <source>%1 sent.</source>
        <translation>%1 gesendet.</translation>
    </message>
    <message>
        <source>%1 was not accepted: %2</source>
        <translation>%1 wurde nicht angenommen: %2</translation>
    </message>
    <message>
        <source>Deal %1 booked: %2 %3 %4 at %5 with %6.</source>
        <translation>Deal %1 gebucht: %2 %3 %4 zu %5 mit %6.</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>gekauft</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gesendet…</numerusform>
            <numerusform>%n Dateien werden gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Send documents</source>
        <translation>Dokumente senden</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Dokumente (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Select a document to see what was read.</source>
        <translation>Ein Dokument auswählen, um das Gelesene zu sehen.</translation>
    </message>
    <message>
        <source>This document could not be read: %1</source>
        <translation>Dieses Dokument konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Being read…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Read on page %1 with %2 % confidence</source>
        <translation>Auf Seite %1 mit %2 % Sicherheit gelesen</translation>
    </message>
    <message>
        <source>Not found on the document</source>
        <translation>Nicht im Dokument gefunden</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>%1 on the document, %2 as booked</source>
        <translation>%1 im Dokument, %2 gebucht</translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation>Unsicher: bitte mit der Seite vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>Expected from %n deal(s): %1 %2 for %3 %4</source>
        <translation>
            <numerusform>Erwartet aus %n Deal: %1 %2 für %3 %4</numerusform>
            <numerusform>Erwartet aus %n Deals: %1 %2 für %3 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity difference: %1 %2</source>
        <translation>Mengendifferenz: %1 %2</translation>
    </message>
    <message>
        <source>Amount difference: %1 %2</source>
        <translation>Betragsdifferenz: %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3 %4 %5 at %6, traded %7)</source>
        <translation>%1 %2 (%3 %4 %5 zu %6, gehandelt %7)</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>trade</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>Matches %1.</source>
        <translation>Stimmt mit %1 überein.</translation>
    </message>
    <message>
        <source>The invoice agrees with the deals of its period.</source>
        <translation>Die Rechnung stimmt mit den Deals ihres Zeitraums überein.</translation>
    </message>
    <message>
        <source>Break with %1:</source>
        <translation>Abweichung von %1:</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1: %2 on the document, %3 as booked</source>
        <translation>%1: %2 im Dokument, %3 gebucht</translation>
    </message>
    <message>
        <source>No deal or trade of the firm matches: check the fields and book it as a deal.</source>
        <translation>Kein Deal oder Trade der Firma passt: Felder prüfen und als Deal buchen.</translation>
    </message>
    <message>
        <source>No deal of the invoice&apos;s period and counterparty.</source>
        <translation>Kein Deal im Zeitraum und mit der Gegenpartei der Rechnung.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Drop confirmations and invoices here, or open them.</source>
        <translation>Bestätigungen und Rechnungen hier ablegen oder öffnen.</translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation>Seite %1 wird geladen…</translation>
    </message>
    <message>
        <source>Your account may not do this (%1).</source>
        <translation>Ihr Konto darf das nicht (%1).</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Page as read</source>
        <translation>Seite wie gelesen</translation>
    </message>
    <message>
        <source>Fields read</source>
        <translation>Gelesene Felder</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Abgleich</translation>
    </message>
</context>
<context>
    <name>qx::widgets::LoginDialog</name>
    <message>
        <source>Sign in to QuantEnergx</source>
        <translation>Bei QuantEnergx anmelden</translation>
    </message>
    <message>
        <source>Start a server on this computer, with its data in your user folder.</source>
        <translation>Startet einen Server auf diesem Computer; seine Daten liegen in Ihrem Benutzerordner.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://trading.example.com</source>
        <translation>https://trading.example.com</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://trading.example.com.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://trading.example.com.</translation>
    </message>
    <message>
        <source>S&amp;tay signed in on this computer</source>
        <translation>An&amp;gemeldet bleiben auf diesem Computer</translation>
    </message>
    <message>
        <source>This computer (bundled server)</source>
        <translation>Dieser Computer (mitgelieferter Server)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Angemeldet bleiben auf diesem Computer</translation>
    </message>
    <message>
        <source>Keep the session in the system keychain, so that the next start needs no password. Session → Sign out forgets it.</source>
        <translation>Die Sitzung im Schlüsselbund des Systems aufbewahren, damit der nächste Start kein Passwort braucht. Sitzung → Abmelden vergisst sie.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Another server…</source>
        <translation>Anderer Server…</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Code der Authenticator-App</translation>
    </message>
    <message>
        <source>6 digits, or a recovery code</source>
        <translation>6 Ziffern oder ein Wiederherstellungscode</translation>
    </message>
</context>
<context>
    <name>qx::widgets::MainWindow</name>
    <message>
        <source>Order ticket</source>
        <translation>Orderticket</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>Order &amp;stornieren</translation>
    </message>
    <message>
        <source>QuantEnergx</source>
        <translation>QuantEnergx</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Cancel the selected order (Delete)</source>
        <translation>Ausgewählte Order stornieren (Entf)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cancel of order %1 rejected: %2</source>
        <translation>Stornierung der Order %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Order %1 cancelled.</source>
        <translation>Order %1 storniert.</translation>
    </message>
    <message>
        <source>Cancelling order %1…</source>
        <translation>Order %1 wird storniert…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindungsaufbau…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Erneuter Verbindungsaufbau…</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Markttiefe</translation>
    </message>
    <message>
        <source>Time and sales</source>
        <translation>Marktumsätze</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Export &amp;orders to CSV…</source>
        <translation>&amp;Orders als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;fills to CSV…</source>
        <translation>&amp;Ausführungen als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>UTC %1</source>
        <translation>UTC %1</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Marktübersicht</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>&amp;Layouts</translation>
    </message>
    <message>
        <source>No saved layouts</source>
        <translation>Keine gespeicherten Layouts</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Save layout as…</source>
        <translation>Layout &amp;speichern unter…</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>Layout speichern</translation>
    </message>
    <message>
        <source>Layout name:</source>
        <translation>Name des Layouts:</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; saved.</source>
        <translation>Layout „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; restored.</source>
        <translation>Layout „%1“ wiederhergestellt.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Close the session and forget it on this computer</source>
        <translation>Die Sitzung schließen und auf diesem Computer vergessen</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation>&amp;Überall abmelden</translation>
    </message>
    <message>
        <source>End every session of yours, on every computer (a lost laptop, say)</source>
        <translation>Alle Ihre Sitzungen auf allen Computern beenden (etwa bei einem verlorenen Laptop)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About QuantEnergx</source>
        <translation>&amp;Über QuantEnergx</translation>
    </message>
    <message>
        <source>About QuantEnergx</source>
        <translation>Über QuantEnergx</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s) to %1…</source>
        <translation>
            <numerusform>Exportiere %n Zeile nach %1…</numerusform>
            <numerusform>Exportiere %n Zeilen nach %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantEnergx %1&lt;/h3&gt;&lt;p&gt;An open energy trading workstation: power, natural gas, crude and emissions.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Server:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%3 (built with %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;TLS:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Built:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;QuantEnergx %1&lt;/h3&gt;&lt;p&gt;Ein offener Arbeitsplatz für den Energiehandel: Strom, Erdgas, Rohöl und Emissionen.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Server:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%3 (gebaut mit %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;TLS:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gebaut:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Cancel &amp;all orders</source>
        <translation>A&amp;lle Orders stornieren</translation>
    </message>
    <message>
        <source>Double-click a live order&apos;s quantity or price to change it</source>
        <translation>Doppelklick auf Menge oder Preis einer aktiven Order ändert sie</translation>
    </message>
    <message numerus="yes">
        <source>Moving %n order(s) to %1…</source>
        <translation>
            <numerusform>Verschiebe %n Order auf %1…</numerusform>
            <numerusform>Verschiebe %n Orders auf %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel every live order of yours (Ctrl+Shift+Delete)</source>
        <translation>Alle Ihre aktiven Orders stornieren (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <source>Cancel all rejected: %1</source>
        <translation>Alle stornieren abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled.</source>
        <translation>
            <numerusform>%n Order storniert.</numerusform>
            <numerusform>%n Orders storniert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 not changed: %2</source>
        <translation>Order %1 nicht geändert: %2</translation>
    </message>
    <message>
        <source>Change of order %1 rejected: %2</source>
        <translation>Änderung der Order %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>No live orders to cancel.</source>
        <translation>Keine aktiven Orders zu stornieren.</translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation>Alle Orders stornieren</translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n live order(s)?</source>
        <translation>
            <numerusform>Die aktive Order stornieren?</numerusform>
            <numerusform>Alle %n aktiven Orders stornieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling all orders…</source>
        <translation>Alle Orders werden storniert…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show the notifications</source>
        <translation>Benachrichtigungen zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>Benachrichtigungen (%1)</translation>
    </message>
</context>
<context>
    <name>qx::widgets::MarketWatch</name>
    <message>
        <source>&amp;Favourite</source>
        <translation>&amp;Favorit</translation>
    </message>
    <message>
        <source>Filter contracts</source>
        <translation>Kontrakte filtern</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favoriten</translation>
    </message>
    <message>
        <source>Show only the favourite contracts</source>
        <translation>Nur die Favoriten zeigen</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Marktübersicht</translation>
    </message>
    <message>
        <source>Mark or unmark the selected contract as a favourite</source>
        <translation>Gewählten Kontrakt als Favorit markieren oder die Markierung aufheben</translation>
    </message>
</context>
<context>
    <name>qx::widgets::NotificationsPanel</name>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation>&amp;Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>All read</source>
        <translation>Alle gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::widgets::OrderTicket</name>
    <message>
        <source>Buy (F1)</source>
        <translation>Kauf (F1)</translation>
    </message>
    <message>
        <source>Sell (F2)</source>
        <translation>Verkauf (F2)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>e.g. 25</source>
        <translation>z. B. 25</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>Limitpreis</translation>
    </message>
    <message>
        <source>e.g. 42.50</source>
        <translation>z. B. 42.50</translation>
    </message>
    <message>
        <source>Notional</source>
        <translation>Nominalwert</translation>
    </message>
    <message>
        <source>Send order</source>
        <translation>Order senden</translation>
    </message>
    <message>
        <source>Send the order (Enter)</source>
        <translation>Order senden (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the ticket</source>
        <translation>Ticket leeren</translation>
    </message>
    <message>
        <source>Clear quantity and price (Esc)</source>
        <translation>Menge und Preis löschen (Esc)</translation>
    </message>
    <message>
        <source>Order feedback</source>
        <translation>Rückmeldung zur Order</translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation>&amp;Instrument</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Preis</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Order %1 is %2: %3 %4 %5 at %6</source>
        <translation>Order %1 ist %2: %3 %4 %5 zu %6</translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation>Wählen Sie ein Instrument.</translation>
    </message>
    <message>
        <source>The quantity is not a decimal number such as 25 or 12.5.</source>
        <translation>Die Menge ist keine Dezimalzahl wie 25 oder 12.5.</translation>
    </message>
    <message>
        <source>The price is not a decimal number such as 42.50 or -3.25.</source>
        <translation>Der Preis ist keine Dezimalzahl wie 42.50 oder -3.25.</translation>
    </message>
    <message>
        <source>The notional is too large to compute.</source>
        <translation>Der Nominalwert ist zu groß, um berechnet zu werden.</translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6%7</source>
        <translation>%1 %2 × %3 %4 = %5 %6%7</translation>
    </message>
    <message>
        <source>Sending %1 %2 %3…</source>
        <translation>%1 %2 %3 wird gesendet…</translation>
    </message>
    <message>
        <source>Enter a quantity.</source>
        <translation>Geben Sie eine Menge ein.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>Geben Sie einen Preis ein.</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Kontraktwert</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Kontrakt</translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6 · %7 %8</source>
        <translation>%1 %2 × %3 %4 = %5 %6 · %7 %8</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>Ordertyp</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Market</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop limit</source>
        <translation>Stop-Limit</translation>
    </message>
    <message>
        <source>Iceberg</source>
        <translation>Iceberg</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Stop price</source>
        <translation>Stopppreis</translation>
    </message>
    <message>
        <source>triggers at</source>
        <translation>löst aus bei</translation>
    </message>
    <message>
        <source>Shown quantity</source>
        <translation>Sichtbare Menge</translation>
    </message>
    <message>
        <source>shown at a time</source>
        <translation>jeweils sichtbar</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>S&amp;hown</source>
        <translation>Sic&amp;htbar</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>The stop price is not a decimal number such as 41.00.</source>
        <translation>Der Stopppreis ist keine Dezimalzahl wie 41.00.</translation>
    </message>
    <message>
        <source>The shown quantity is not a decimal number such as 5.</source>
        <translation>Die sichtbare Menge ist keine Dezimalzahl wie 5.</translation>
    </message>
    <message>
        <source>At the prices in the book when it runs.</source>
        <translation>Zu den Preisen im Orderbuch bei Ausführung.</translation>
    </message>
    <message>
        <source>IOC</source>
        <translation>IOC</translation>
    </message>
    <message>
        <source>FOK</source>
        <translation>FOK</translation>
    </message>
    <message>
        <source>GTC</source>
        <translation>GTC</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>&amp;Ablauf</translation>
    </message>
    <message>
        <source>The expiry is in the past.</source>
        <translation>Der Ablauf liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>GTD</source>
        <translation>GTD</translation>
    </message>
    <message>
        <source>GTC: until cancelled; Day: until the end of the trading day; GTD: until the date and time given; IOC: what fills now, the rest cancelled; FOK: all now or nothing</source>
        <translation>GTC: bis zur Stornierung; Tag: bis Handelsschluss; GTD: bis zum angegebenen Zeitpunkt; IOC: sofort ausführen, den Rest stornieren; FOK: alles sofort oder nichts</translation>
    </message>
</context>
<context>
    <name>qx::widgets::PositionsPanel</name>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Net position by delivery month</source>
        <translation>Nettoposition nach Liefermonat</translation>
    </message>
    <message>
        <source>%1  realised %2  unrealised %3%4</source>
        <translation>%1  realisiert %2  unrealisiert %3%4</translation>
    </message>
    <message>
        <source> (some unmarked)</source>
        <translation> (teils unbewertet)</translation>
    </message>
    <message>
        <source>No positions</source>
        <translation>Keine Positionen</translation>
    </message>
</context>
<context>
    <name>qx::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>Zahlenformat</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Zahlen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>A new language or number format rebuilds the window; the docks stay where they are.</source>
        <translation>Eine neue Sprache oder ein neues Zahlenformat baut das Fenster neu auf; die Docks bleiben, wo sie sind.</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Trusted certificate (PEM)</source>
        <translation>Vertrautes Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Neuer Server</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Certificate…</source>
        <translation>&amp;Zertifikat…</translation>
    </message>
    <message>
        <source>A PEM file with the certificate (or its authority&apos;s) that the selected server is trusted by, when it is not signed by a public authority</source>
        <translation>Eine PEM-Datei mit dem Zertifikat (oder dem seiner Zertifizierungsstelle), dem beim gewählten Server vertraut wird, wenn es nicht von einer öffentlichen Stelle signiert ist</translation>
    </message>
    <message>
        <source>The sign-in dialog offers the bundled local server first, then these. HTTPS servers are checked against the system&apos;s authorities and, if given, the server&apos;s own certificate.</source>
        <translation>Die Anmeldung bietet zuerst den mitgelieferten lokalen Server an, dann diese. HTTPS-Server werden gegen die Zertifizierungsstellen des Systems geprüft und, falls angegeben, gegen das eigene Zertifikat des Servers.</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Vertrautes Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>qx::widgets::Workstation</name>
    <message>
        <source>Starting local server…</source>
        <translation>Lokaler Server wird gestartet…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Language and number format changed.</source>
        <translation>Sprache und Zahlenformat geändert.</translation>
    </message>
</context>
<context>
    <name>qx::widgets::csvexport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>qx::widgets::language</name>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>As the language</source>
        <translation>Wie die Sprache</translation>
    </message>
</context>
<context>
    <name>qx::widgets::markettable</name>
    <message>
        <source>Right-click to choose the columns; drag one to move it</source>
        <translation>Rechtsklick wählt die Spalten; eine Spalte ziehen verschiebt sie</translation>
    </message>
</context>
<context>
    <name>qx::widgets::serverlist</name>
    <message>
        <source>Every server needs a name.</source>
        <translation>Jeder Server braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two servers are called &quot;%1&quot;.</source>
        <translation>Zwei Server heißen „%1“.</translation>
    </message>
    <message>
        <source>The address of &quot;%1&quot; is not an http:// or https:// address, such as https://trading.example.com.</source>
        <translation>Die Adresse von „%1“ ist keine http://- oder https://-Adresse wie https://trading.example.com.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (for &quot;%2&quot;).</source>
        <translation>%1 enthält kein PEM-Zertifikat (für „%2“).</translation>
    </message>
</context>
</TS>
