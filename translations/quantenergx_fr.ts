<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <source>QuantEnergx energy trading workstation.</source>
        <translation>Poste de trading d&apos;énergie QuantEnergx.</translation>
    </message>
    <message>
        <source>Sign in to the server at &lt;url&gt; instead of starting the bundled local server.</source>
        <translation>Se connecter au serveur à l&apos;adresse &lt;url&gt; au lieu de démarrer le serveur local intégré.</translation>
    </message>
    <message>
        <source>Use the light or dark &lt;theme&gt; (else the one chosen last).</source>
        <translation>Utiliser le thème &lt;theme&gt; clair ou sombre (sinon le dernier choisi).</translation>
    </message>
    <message>
        <source>Use the &lt;language&gt; en, de or fr (else the one chosen in the settings, else the system&apos;s).</source>
        <translation>Utiliser la langue &lt;language&gt; en, de ou fr (sinon celle choisie dans les paramètres, sinon celle du système).</translation>
    </message>
    <message>
        <source>--language takes en, de or fr.</source>
        <translation>--language attend en, de ou fr.</translation>
    </message>
</context>
<context>
    <name>qx::client::LocalServer</name>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The local server could not initialise %1: %2</source>
        <translation>Le serveur local n&apos;a pas pu initialiser %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The local server could not set up its trader: %1</source>
        <translation>Le serveur local n&apos;a pas pu configurer le compte du trader&#xa0;: %1</translation>
    </message>
    <message>
        <source>The local server stopped before it was ready: %1</source>
        <translation>Le serveur local s&apos;est arrêté avant d&apos;être prêt&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>qx::client::RemoteTradingService</name>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>Le serveur n&apos;a pas répondu dans un délai de %1 secondes.</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Impossible de joindre le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a JSON object.</source>
        <translation>La réponse du serveur n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>No session is remembered on this computer.</source>
        <translation>Aucune session n&apos;est mémorisée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No session is remembered for this user.</source>
        <translation>Aucune session n&apos;est mémorisée pour cet utilisateur.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1</source>
        <translation>Le certificat TLS du serveur n&apos;est pas approuvé : %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>qx::client::SignInController</name>
    <message>
        <source>The session will not be remembered: %1</source>
        <translation>La session ne sera pas mémorisée : %1</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not end your other sessions: %1</source>
        <translation>Déconnecté ici, mais le serveur n&apos;a pas pu mettre fin à vos autres sessions : %1</translation>
    </message>
    <message>
        <source>Signed out: every session of yours has ended.</source>
        <translation>Déconnecté : toutes vos sessions ont pris fin.</translation>
    </message>
    <message>
        <source>Resuming your session on %1…</source>
        <translation>Reprise de votre session sur %1…</translation>
    </message>
    <message>
        <source>Starting local server…</source>
        <translation>Démarrage du serveur local…</translation>
    </message>
    <message>
        <source>Signing in to the local server…</source>
        <translation>Connexion au serveur local…</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation>Le serveur local s&apos;est arrêté de manière inattendue.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>Déconnexion partout…</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <source>Your remembered session has ended. Sign in again.</source>
        <translation>Votre session mémorisée a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Could not resume your session: %1</source>
        <translation>Impossible de reprendre votre session : %1</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app, or a recovery code.</source>
        <translation>Saisissez le code à 6 chiffres de votre application d&apos;authentification, ou un code de récupération.</translation>
    </message>
    <message>
        <source>That code is wrong, expired or used already. Try the current one.</source>
        <translation>Ce code est faux, expiré ou déjà utilisé. Essayez le code actuel.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Échec de la connexion&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>qx::client::TokenVault</name>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>Le trousseau du système est inutilisable : %1</translation>
    </message>
</context>
<context>
    <name>qx::core::CandleSeries</name>
    <message>
        <source>A trade must have a positive quantity.</source>
        <translation>Une transaction doit avoir une quantité positive.</translation>
    </message>
</context>
<context>
    <name>qx::core::Decimal</name>
    <message>
        <source>The number is too large to be represented.</source>
        <translation>Le nombre est trop grand pour être représenté.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre décimal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than %2 decimal places.</source>
        <translation>«&#xa0;%1&#xa0;» a plus de %2 décimales.</translation>
    </message>
    <message>
        <source>Division by zero.</source>
        <translation>Division par zéro.</translation>
    </message>
</context>
<context>
    <name>qx::core::Instrument</name>
    <message>
        <source>the symbol is malformed.</source>
        <translation>le symbole est mal formé.</translation>
    </message>
    <message>
        <source>the hub or area is missing.</source>
        <translation>le hub ou la zone de marché manque.</translation>
    </message>
    <message>
        <source>the delivery period is invalid.</source>
        <translation>la période de livraison est invalide.</translation>
    </message>
    <message>
        <source>the time zone is unknown.</source>
        <translation>le fuseau horaire est inconnu.</translation>
    </message>
    <message>
        <source>the currency is not ISO 4217.</source>
        <translation>la devise n&apos;est pas conforme à ISO 4217.</translation>
    </message>
    <message>
        <source>the tick size must be positive.</source>
        <translation>le pas de cotation doit être positif.</translation>
    </message>
    <message>
        <source>the lot size must be positive.</source>
        <translation>la taille de lot doit être positive.</translation>
    </message>
    <message>
        <source>only power has peak and off-peak loads.</source>
        <translation>seule l&apos;électricité a des profils de pointe et hors pointe.</translation>
    </message>
    <message>
        <source>Instrument %1: %2</source>
        <translation>Instrument %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation>La quantité doit être supérieure à zéro.</translation>
    </message>
    <message>
        <source>The quantity %1 is not a multiple of the lot size %2 %3 of %4.</source>
        <translation>La quantité %1 n&apos;est pas un multiple de la taille de lot %2 %3 de %4.</translation>
    </message>
    <message>
        <source>The price %1 is not on the tick size %2 of %3.</source>
        <translation>Le prix %1 ne respecte pas le pas de cotation %2 de %3.</translation>
    </message>
    <message>
        <source>an hour or quarter-hour has no load shape.</source>
        <translation>une heure ou un quart d&apos;heure n&apos;a pas de profil de charge.</translation>
    </message>
    <message>
        <source>the delivery hour does not exist on that day.</source>
        <translation>l&apos;heure de livraison n&apos;existe pas ce jour-là.</translation>
    </message>
</context>
<context>
    <name>qx::core::Position</name>
    <message>
        <source>A fill must have a positive quantity.</source>
        <translation>Une exécution doit avoir une quantité positive.</translation>
    </message>
</context>
<context>
    <name>qx::core::ProductCatalog</name>
    <message>
        <source>Invalid product catalog: %1</source>
        <translation>Catalogue de produits invalide&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instrument symbol.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un symbole d&apos;instrument.</translation>
    </message>
</context>
<context>
    <name>qx::core::documents</name>
    <message>
        <source>The contract could not be read from the document.</source>
        <translation>Le contrat n&apos;a pas pu être lu dans le document.</translation>
    </message>
    <message>
        <source>Neither the buyer nor the seller is %1.</source>
        <translation>Ni l&apos;acheteur ni le vendeur n&apos;est %1.</translation>
    </message>
    <message>
        <source>The trade date could not be read from the document.</source>
        <translation>La date de transaction n&apos;a pas pu être lue dans le document.</translation>
    </message>
    <message>
        <source>Nothing booked for %1 on %2 fits.</source>
        <translation>Rien de ce qui est enregistré pour %1 le %2 ne correspond.</translation>
    </message>
    <message>
        <source>%1 booked deals or trades fit equally well: taking one would be a guess.</source>
        <translation>%1 affaires ou transactions enregistrées correspondent aussi bien : en choisir une serait deviner.</translation>
    </message>
    <message>
        <source>The invoice&apos;s period could not be read.</source>
        <translation>La période de la facture n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>Neither the issuer nor the recipient is %1.</source>
        <translation>Ni l&apos;émetteur ni le destinataire n&apos;est %1.</translation>
    </message>
    <message>
        <source>The deals of this period are in different units or currencies; they are not added up.</source>
        <translation>Les affaires de cette période sont dans des unités ou des devises différentes ; elles ne sont pas additionnées.</translation>
    </message>
    <message>
        <source>Deal %1 is too large to add up.</source>
        <translation>L&apos;affaire %1 est trop grande pour être additionnée.</translation>
    </message>
    <message>
        <source>The deals of this period are too large to add up.</source>
        <translation>Les affaires de cette période sont trop grandes pour être additionnées.</translation>
    </message>
    <message>
        <source>Nothing booked with %1 delivers in this period.</source>
        <translation>Rien de ce qui est enregistré avec %1 ne livre dans cette période.</translation>
    </message>
    <message>
        <source>The invoice counts %1, the deals %2: quantities not compared.</source>
        <translation>La facture compte en %1, les affaires en %2 : quantités non comparées.</translation>
    </message>
</context>
<context>
    <name>qx::core::notifications::Templates</name>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Exécuté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Average price</source>
        <translation>Prix moyen</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Contrepartie</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Used (%)</source>
        <translation>Utilisée (%)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux de prix</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Client order id</source>
        <translation>Identifiant client de l’ordre</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>vente</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>achat</translation>
    </message>
    <message>
        <source>Sold %1 %2 at %3</source>
        <translation>Vente de %1 %2 à %3</translation>
    </message>
    <message>
        <source>Bought %1 %2 at %3</source>
        <translation>Achat de %1 %2 à %3</translation>
    </message>
    <message>
        <source>Sold %1 of %2 %3 so far, at %4 on average</source>
        <translation>Vente de %1 sur %2 %3 jusqu’ici, à %4 en moyenne</translation>
    </message>
    <message>
        <source>Bought %1 of %2 %3 so far, at %4 on average</source>
        <translation>Achat de %1 sur %2 %3 jusqu’ici, à %4 en moyenne</translation>
    </message>
    <message>
        <source>Order refused: %1 %2 %3</source>
        <translation>Ordre refusé : %1 %2 %3</translation>
    </message>
    <message>
        <source>Order expired: %1 %2 %3, %4 filled</source>
        <translation>Ordre expiré : %1 %2 %3, %4 exécuté</translation>
    </message>
    <message>
        <source>Deal booked: %1 %2 %3 at %4 with %5</source>
        <translation>Transaction enregistrée : %1 %2 %3 à %4 avec %5</translation>
    </message>
    <message>
        <source>%1 limit %2 % used</source>
        <translation>Limite %1 utilisée à %2 %</translation>
    </message>
    <message>
        <source>%1 limit breached</source>
        <translation>Limite %1 dépassée</translation>
    </message>
    <message>
        <source>Confirmation %1 does not match the booked deal</source>
        <translation>La confirmation %1 ne correspond pas à la transaction enregistrée</translation>
    </message>
    <message>
        <source>No deal matches confirmation %1</source>
        <translation>Aucune transaction ne correspond à la confirmation %1</translation>
    </message>
    <message>
        <source>Document %1 read</source>
        <translation>Document %1 lu</translation>
    </message>
    <message>
        <source>Document %1 could not be read</source>
        <translation>Le document %1 n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Sign-in from a new address: %1</source>
        <translation>Connexion depuis une nouvelle adresse : %1</translation>
    </message>
    <message>
        <source>Two-step sign-in changed on your account</source>
        <translation>La connexion en deux étapes de votre compte a changé</translation>
    </message>
    <message>
        <source>Storage unavailable: orders are refused</source>
        <translation>Stockage indisponible : les ordres sont refusés</translation>
    </message>
    <message>
        <source>Book %1 is matched by another server now</source>
        <translation>Le carnet %1 est désormais tenu par un autre serveur</translation>
    </message>
    <message>
        <source>Prices from %1 are stale</source>
        <translation>Les prix de %1 ne sont plus à jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message numerus="yes">
        <source>Digest: %n notification(s)</source>
        <translation>
            <numerusform>Résumé : %n notification</numerusform>
            <numerusform>Résumé : %n notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>[QuantEnergx] CRITICAL: %1</source>
        <translation>[QuantEnergx] CRITIQUE : %1</translation>
    </message>
    <message>
        <source>[QuantEnergx] %1</source>
        <translation>[QuantEnergx] %1</translation>
    </message>
    <message>
        <source>QuantEnergx CRITICAL: %1</source>
        <translation>QuantEnergx CRITIQUE : %1</translation>
    </message>
    <message>
        <source>QuantEnergx: %1</source>
        <translation>QuantEnergx : %1</translation>
    </message>
    <message>
        <source>Test message from QuantEnergx</source>
        <translation>Message de test de QuantEnergx</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Envoyé par</translation>
    </message>
    <message>
        <source>This chat now receives your QuantEnergx notifications.</source>
        <translation>Cette discussion reçoit désormais vos notifications QuantEnergx.</translation>
    </message>
    <message>
        <source>This link is unknown, used or expired. Make a new one in QuantEnergx: Settings, Notifications.</source>
        <translation>Ce lien est inconnu, déjà utilisé ou expiré. Créez-en un nouveau dans QuantEnergx : Paramètres, Notifications.</translation>
    </message>
</context>
<context>
    <name>qx::core::protocol</name>
    <message>
        <source>Field &quot;client_order_id&quot;: must be 1 to 64 printable ASCII characters.</source>
        <translation>Champ «&#xa0;client_order_id&#xa0;»&#xa0;: doit comporter de 1 à 64 caractères ASCII imprimables.</translation>
    </message>
    <message>
        <source>The message has no &quot;type&quot;.</source>
        <translation>Le message n&apos;a pas de champ «&#xa0;type&#xa0;».</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: %2</source>
        <translation>Champ «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation>Champ inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The JSON nests deeper than %1 levels.</source>
        <translation>Le JSON est imbriqué sur plus de %1 niveaux.</translation>
    </message>
    <message>
        <source>The text is not a JSON object.</source>
        <translation>Le texte n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD</source>
        <translation>doit être une date AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation>doit être supérieur à zéro</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>trop long</translation>
    </message>
    <message>
        <source>must be 1 to 100 characters</source>
        <translation>doit compter de 1 à 100 caractères</translation>
    </message>
    <message>
        <source>must be at most 100 characters</source>
        <translation>doit compter au plus 100 caractères</translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation>doit compter au plus 64 caractères</translation>
    </message>
</context>
<context>
    <name>qx::core::protocol::DealCancel</name>
    <message>
        <source>must be at most 500 characters</source>
        <translation>doit compter au plus 500 caractères</translation>
    </message>
</context>
<context>
    <name>qx::models::DeliveryMonthsModel</name>
    <message>
        <source>Market</source>
        <translation>Marché</translation>
    </message>
    <message>
        <source>Delivery month</source>
        <translation>Mois de livraison</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
</context>
<context>
    <name>qx::models::DepthModel</name>
    <message numerus="yes">
        <source>%n order(s) at %1</source>
        <translation>
            <numerusform>%n ordre à %1</numerusform>
            <numerusform>%n ordres à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mes ordres</translation>
    </message>
    <message>
        <source>Bid qty</source>
        <translation>Qté achat</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Ask qty</source>
        <translation>Qté vente</translation>
    </message>
</context>
<context>
    <name>qx::models::DocumentsModel</name>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Non reconnu</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Rapproché</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>Sans correspondance</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <source>Sending %1 %</source>
        <translation>Envoi %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n page(s), sent by %2</source>
        <translation>
            <numerusform>%1, %n page, envoyé par %2</numerusform>
            <numerusform>%1, %n pages, envoyé par %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
</context>
<context>
    <name>qx::models::MarketTradesModel</name>
    <message>
        <source>A buyer took the offer</source>
        <translation>Un acheteur a pris l&apos;offre de vente</translation>
    </message>
    <message>
        <source>A seller hit the bid</source>
        <translation>Un vendeur a pris l&apos;offre d&apos;achat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Taker</source>
        <translation>Preneur</translation>
    </message>
</context>
<context>
    <name>qx::models::MarketWatchModel</name>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Bid size</source>
        <translation>Qté achat</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Ask size</source>
        <translation>Qté vente</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
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
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
</context>
<context>
    <name>qx::models::OrdersModel</name>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>partially filled</source>
        <translation>partiellement exécuté</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>exécuté</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID ordre</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Exécuté</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Prix moyen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price: type digits and a point, such as 42.50.</source>
        <translation>« %1 » n&apos;est pas un prix : tapez des chiffres et un point, par exemple 42.50.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity: type digits and a point, such as 25.</source>
        <translation>« %1 » n&apos;est pas une quantité : tapez des chiffres et un point, par exemple 25.</translation>
    </message>
</context>
<context>
    <name>qx::models::PositionsModel</name>
    <message>
        <source>No trade in this market yet to mark the position to</source>
        <translation>Aucune transaction sur ce marché pour valoriser la position</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Énergie</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Prix moyen</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Valorisation</translation>
    </message>
    <message>
        <source>Unrealised</source>
        <translation>Latent</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Exactly %1</source>
        <translation>Exactement %1</translation>
    </message>
</context>
<context>
    <name>qx::models::TradesModel</name>
    <message>
        <source>taker</source>
        <translation>preneur</translation>
    </message>
    <message>
        <source>maker</source>
        <translation>apporteur</translation>
    </message>
    <message>
        <source>Your order crossed the spread</source>
        <translation>Votre ordre a franchi le spread</translation>
    </message>
    <message>
        <source>Your resting order was hit</source>
        <translation>Votre ordre en carnet a été exécuté</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Trade ID</source>
        <translation>ID transaction</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation>Liquidité</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>ID ordre</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
</context>
<context>
    <name>qx::models::displayformat</name>
    <message>
        <source>Wk %1 %2</source>
        <translation>Sem %1 %2</translation>
    </message>
    <message>
        <source>WE %1 %2</source>
        <translation>WE %1 %2</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>Sum %1</source>
        <translation>Été %1</translation>
    </message>
    <message>
        <source>Win %1</source>
        <translation>Hiv %1</translation>
    </message>
    <message>
        <source>Cal %1</source>
        <translation>Cal %1</translation>
    </message>
    <message>
        <source>Quarter-hours</source>
        <translation>Quarts d’heure</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Week-ends</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>Trimestres</translation>
    </message>
    <message>
        <source>Seasons</source>
        <translation>Saisons</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Années</translation>
    </message>
</context>
<context>
    <name>qx::models::products</name>
    <message>
        <source>German power intraday</source>
        <translation>Électricité Allemagne intraday</translation>
    </message>
    <message>
        <source>German power base load</source>
        <translation>Électricité Allemagne base</translation>
    </message>
    <message>
        <source>German power peak load</source>
        <translation>Électricité Allemagne pointe</translation>
    </message>
    <message>
        <source>French power base load</source>
        <translation>Électricité France base</translation>
    </message>
    <message>
        <source>Dutch power base load</source>
        <translation>Électricité Pays-Bas base</translation>
    </message>
    <message>
        <source>British power base load</source>
        <translation>Électricité Grande-Bretagne base</translation>
    </message>
    <message>
        <source>Nordic system price</source>
        <translation>Prix système nordique</translation>
    </message>
    <message>
        <source>TTF natural gas</source>
        <translation>Gaz naturel TTF</translation>
    </message>
    <message>
        <source>THE natural gas (Germany)</source>
        <translation>Gaz naturel THE (Allemagne)</translation>
    </message>
    <message>
        <source>NBP natural gas</source>
        <translation>Gaz naturel NBP</translation>
    </message>
    <message>
        <source>Henry Hub natural gas</source>
        <translation>Gaz naturel Henry Hub</translation>
    </message>
    <message>
        <source>Brent crude oil</source>
        <translation>Pétrole brut Brent</translation>
    </message>
    <message>
        <source>WTI crude oil</source>
        <translation>Pétrole brut WTI</translation>
    </message>
    <message>
        <source>EU emission allowances</source>
        <translation>Quotas d&apos;émission de l&apos;UE</translation>
    </message>
</context>
<context>
    <name>qx::widgets::BlotterFilterBar</name>
    <message>
        <source>Filter: symbol, id, status…</source>
        <translation>Filtrer&#xa0;: symbole, ID, statut…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Achat et vente</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>&amp;Live only</source>
        <translation>&amp;Actifs uniquement</translation>
    </message>
</context>
<context>
    <name>qx::widgets::CandleChart</name>
    <message>
        <source>Candle values</source>
        <translation>Valeurs de la bougie</translation>
    </message>
    <message>
        <source>Candles of %1</source>
        <translation>Bougies de %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Graphique des prix</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Aucun instrument</translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation>Aucune transaction sur cette période pour l&apos;instant.</translation>
    </message>
    <message>
        <source>%1   O %2  H %3  L %4  C %5   Vol %6 %7</source>
        <translation>%1   O %2  H %3  B %4  C %5   Vol %6 %7</translation>
    </message>
    <message>
        <source>Wheel or + and − to zoom, drag or ← and → to pan, Home or a double-click for the latest candles</source>
        <translation>Molette ou + et − pour zoomer, glisser ou ← et → pour décaler, Origine ou double-clic pour les dernières bougies</translation>
    </message>
</context>
<context>
    <name>qx::widgets::CriticalAlert</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acquitter</translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation>Critique : %1</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DepthLadder</name>
    <message>
        <source>Last trade and volume</source>
        <translation>Dernière transaction et volume</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Aucun instrument</translation>
    </message>
    <message>
        <source>Last %1 × %2 %3</source>
        <translation>Dernier %1 × %2 %3</translation>
    </message>
    <message>
        <source>No trade yet</source>
        <translation>Aucune transaction pour l&apos;instant</translation>
    </message>
    <message>
        <source>Volume %1 %2</source>
        <translation>Volume %1 %2</translation>
    </message>
    <message>
        <source>Spread %1</source>
        <translation>Spread %1</translation>
    </message>
    <message>
        <source>Click an offer to buy at its price, a bid to sell at it. Drag your own quantity to another price to move those orders there.</source>
        <translation>Cliquer sur une offre pour acheter à son prix, sur une demande pour y vendre. Faire glisser sa propre quantité vers un autre prix y déplace ces ordres.</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentPageView</name>
    <message>
        <source>%1: %2
Confidence %3 %</source>
        <translation>%1 : %2
Confiance %3 %</translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation>Incertain : à vérifier sur la page</translation>
    </message>
    <message>
        <source>Differs from the deal or trade it was matched with</source>
        <translation>Diffère du deal ou de la transaction rapprochés</translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentsPanel</name>
    <message>
        <source>Trade id</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Trade date</source>
        <translation>Date de transaction</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Courtier</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Delivery point</source>
        <translation>Point de livraison</translation>
    </message>
    <message>
        <source>Delivery from</source>
        <translation>Livraison du</translation>
    </message>
    <message>
        <source>Delivery to</source>
        <translation>Livraison au</translation>
    </message>
    <message>
        <source>Load shape</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Quantity unit</source>
        <translation>Unité de quantité</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Price unit</source>
        <translation>Unité de prix</translation>
    </message>
    <message>
        <source>Total volume</source>
        <translation>Volume total</translation>
    </message>
    <message>
        <source>Volume unit</source>
        <translation>Unité de volume</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Contrepartie</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Numéro de facture</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Date de facture</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Période au</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Gross amount</source>
        <translation>Montant TTC</translation>
    </message>
    <message>
        <source>&amp;Accept match</source>
        <translation>&amp;Accepter le rapprochement</translation>
    </message>
    <message>
        <source>&amp;Book deal</source>
        <translation>&amp;Enregistrer le deal</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Send confirmations or invoices (PDF, PNG, JPEG, TIFF) to be read</source>
        <translation>Envoyer des confirmations ou factures (PDF, PNG, JPEG, TIFF) à lire</translation>
    </message>
    <message>
        <source>or drop PDFs and scans here</source>
        <translation>ou déposez ici PDF et scans</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Confirm that the document is the deal or trade it matched</source>
        <translation>Confirmer que le document correspond au deal ou à la transaction rapprochés</translation>
    </message>
    <message>
        <source>Book the confirmation as a new deal, with the fields as corrected here (each correction is audited)</source>
        <translation>Enregistrer la confirmation comme nouveau deal, avec les champs corrigés ici (chaque correction est journalisée)</translation>
    </message>
    <message>
        <source>Mark the document as not ours or wrong</source>
        <translation>Marquer le document comme étranger ou erroné</translation>
    </message>
    <message>
        <source>%1 sent.</source>
        <translation>%1 envoyé.</translation>
    </message>
    <message>
        <source>%1 was not accepted: %2</source>
        <translation>%1 n&apos;a pas été accepté : %2</translation>
    </message>
    <message>
        <source>Deal %1 booked: %2 %3 %4 at %5 with %6.</source>
        <translation>Deal %1 enregistré : %2 %3 %4 à %5 avec %6.</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>acheté</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>vendu</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>Envoi de %n fichier…</numerusform>
            <numerusform>Envoi de %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Send documents</source>
        <translation>Envoyer des documents</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Select a document to see what was read.</source>
        <translation>Sélectionnez un document pour voir ce qui a été lu.</translation>
    </message>
    <message>
        <source>This document could not be read: %1</source>
        <translation>Ce document n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Being read…</source>
        <translation>Lecture en cours…</translation>
    </message>
    <message>
        <source>Read on page %1 with %2 % confidence</source>
        <translation>Lu en page %1 avec %2 % de confiance</translation>
    </message>
    <message>
        <source>Not found on the document</source>
        <translation>Absent du document</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>%1 on the document, %2 as booked</source>
        <translation>%1 sur le document, %2 enregistré</translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation>Incertain : à vérifier sur la page</translation>
    </message>
    <message numerus="yes">
        <source>Expected from %n deal(s): %1 %2 for %3 %4</source>
        <translation>
            <numerusform>Attendu de %n deal : %1 %2 pour %3 %4</numerusform>
            <numerusform>Attendu de %n deals : %1 %2 pour %3 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity difference: %1 %2</source>
        <translation>Écart de quantité : %1 %2</translation>
    </message>
    <message>
        <source>Amount difference: %1 %2</source>
        <translation>Écart de montant : %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3 %4 %5 at %6, traded %7)</source>
        <translation>%1 %2 (%3 %4 %5 à %6, négocié le %7)</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>deal</translation>
    </message>
    <message>
        <source>trade</source>
        <translation>transaction</translation>
    </message>
    <message>
        <source>Matches %1.</source>
        <translation>Correspond à %1.</translation>
    </message>
    <message>
        <source>The invoice agrees with the deals of its period.</source>
        <translation>La facture concorde avec les deals de sa période.</translation>
    </message>
    <message>
        <source>Break with %1:</source>
        <translation>Écart avec %1 :</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>%1: %2 on the document, %3 as booked</source>
        <translation>%1 : %2 sur le document, %3 enregistré</translation>
    </message>
    <message>
        <source>No deal or trade of the firm matches: check the fields and book it as a deal.</source>
        <translation>Aucun deal ni transaction de la société ne correspond : vérifiez les champs et enregistrez-le comme deal.</translation>
    </message>
    <message>
        <source>No deal of the invoice&apos;s period and counterparty.</source>
        <translation>Aucun deal sur la période et avec la contrepartie de la facture.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Drop confirmations and invoices here, or open them.</source>
        <translation>Déposez ici confirmations et factures, ou ouvrez-les.</translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation>Chargement de la page %1…</translation>
    </message>
    <message>
        <source>Your account may not do this (%1).</source>
        <translation>Votre compte n&apos;y est pas autorisé (%1).</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>achat</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>vente</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>Page as read</source>
        <translation>Page telle que lue</translation>
    </message>
    <message>
        <source>Fields read</source>
        <translation>Champs lus</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Rapprochement</translation>
    </message>
</context>
<context>
    <name>qx::widgets::LoginDialog</name>
    <message>
        <source>Sign in to QuantEnergx</source>
        <translation>Connexion à QuantEnergx</translation>
    </message>
    <message>
        <source>Start a server on this computer, with its data in your user folder.</source>
        <translation>Démarre un serveur sur cet ordinateur, avec ses données dans votre dossier utilisateur.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>https://trading.example.com</source>
        <translation>https://trading.example.com</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://trading.example.com.</source>
        <translation>Saisissez l&apos;adresse du serveur, par exemple https://trading.example.com.</translation>
    </message>
    <message>
        <source>S&amp;tay signed in on this computer</source>
        <translation>&amp;Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>This computer (bundled server)</source>
        <translation>Cet ordinateur (serveur intégré)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <source>Keep the session in the system keychain, so that the next start needs no password. Session → Sign out forgets it.</source>
        <translation>Garder la session dans le trousseau du système, pour que le prochain démarrage ne demande pas de mot de passe. Session → Se déconnecter l&apos;oublie.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Another server…</source>
        <translation>Autre serveur…</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Code de l&apos;application d&apos;authentification</translation>
    </message>
    <message>
        <source>6 digits, or a recovery code</source>
        <translation>6 chiffres, ou un code de récupération</translation>
    </message>
</context>
<context>
    <name>qx::widgets::MainWindow</name>
    <message>
        <source>Order ticket</source>
        <translation>Ticket d&apos;ordre</translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation>&amp;Annuler l&apos;ordre</translation>
    </message>
    <message>
        <source>QuantEnergx</source>
        <translation>QuantEnergx</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordres</translation>
    </message>
    <message>
        <source>Cancel the selected order (Delete)</source>
        <translation>Annuler l&apos;ordre sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Ordres</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Cancel of order %1 rejected: %2</source>
        <translation>Annulation de l&apos;ordre %1 rejetée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Order %1 cancelled.</source>
        <translation>Ordre %1 annulé.</translation>
    </message>
    <message>
        <source>Cancelling order %1…</source>
        <translation>Annulation de l&apos;ordre %1…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion en cours…</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Profondeur</translation>
    </message>
    <message>
        <source>Time and sales</source>
        <translation>Transactions du marché</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Export &amp;orders to CSV…</source>
        <translation>Exporter les &amp;ordres en CSV…</translation>
    </message>
    <message>
        <source>Export &amp;fills to CSV…</source>
        <translation>Exporter les &amp;exécutions en CSV…</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n ligne exportée vers %1</numerusform>
            <numerusform>%n lignes exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>UTC %1</source>
        <translation>UTC %1</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Tableau de marché</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation>&amp;Dispositions</translation>
    </message>
    <message>
        <source>No saved layouts</source>
        <translation>Aucune disposition enregistrée</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Save layout as…</source>
        <translation>&amp;Enregistrer la disposition sous…</translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation>Enregistrer la disposition</translation>
    </message>
    <message>
        <source>Layout name:</source>
        <translation>Nom de la disposition :</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Rétablir la disposition</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; saved.</source>
        <translation>Disposition « %1 » enregistrée.</translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; restored.</source>
        <translation>Disposition « %1 » rétablie.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Close the session and forget it on this computer</source>
        <translation>Fermer la session et l&apos;oublier sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation>Se déconnecter &amp;partout</translation>
    </message>
    <message>
        <source>End every session of yours, on every computer (a lost laptop, say)</source>
        <translation>Mettre fin à toutes vos sessions, sur tous les ordinateurs (un portable perdu, par exemple)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>O&amp;utils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About QuantEnergx</source>
        <translation>À &amp;propos de QuantEnergx</translation>
    </message>
    <message>
        <source>About QuantEnergx</source>
        <translation>À propos de QuantEnergx</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s) to %1…</source>
        <translation>
            <numerusform>Export de %n ligne vers %1…</numerusform>
            <numerusform>Export de %n lignes vers %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantEnergx %1&lt;/h3&gt;&lt;p&gt;An open energy trading workstation: power, natural gas, crude and emissions.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Server:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%3 (built with %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;TLS:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Built:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;QuantEnergx %1&lt;/h3&gt;&lt;p&gt;Un poste de trading d&apos;énergie ouvert : électricité, gaz naturel, pétrole brut et émissions.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Serveur :&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt :&lt;/td&gt;&lt;td&gt;%3 (compilé avec %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;TLS :&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Compilé le :&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Cancel &amp;all orders</source>
        <translation>Annuler &amp;tous les ordres</translation>
    </message>
    <message>
        <source>Double-click a live order&apos;s quantity or price to change it</source>
        <translation>Double-cliquer sur la quantité ou le prix d&apos;un ordre actif pour le modifier</translation>
    </message>
    <message numerus="yes">
        <source>Moving %n order(s) to %1…</source>
        <translation>
            <numerusform>Déplacement de %n ordre vers %1…</numerusform>
            <numerusform>Déplacement de %n ordres vers %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel every live order of yours (Ctrl+Shift+Delete)</source>
        <translation>Annuler tous vos ordres actifs (Ctrl+Maj+Suppr)</translation>
    </message>
    <message>
        <source>Cancel all rejected: %1</source>
        <translation>Annulation de tous les ordres refusée : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled.</source>
        <translation>
            <numerusform>%n ordre annulé.</numerusform>
            <numerusform>%n ordres annulés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 not changed: %2</source>
        <translation>Ordre %1 non modifié : %2</translation>
    </message>
    <message>
        <source>Change of order %1 rejected: %2</source>
        <translation>Modification de l&apos;ordre %1 refusée : %2</translation>
    </message>
    <message>
        <source>No live orders to cancel.</source>
        <translation>Aucun ordre actif à annuler.</translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation>Annuler tous les ordres</translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n live order(s)?</source>
        <translation>
            <numerusform>Annuler l&apos;ordre actif ?</numerusform>
            <numerusform>Annuler les %n ordres actifs ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling all orders…</source>
        <translation>Annulation de tous les ordres…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Show the notifications</source>
        <translation>Afficher les notifications</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lue</numerusform>
            <numerusform>%n non lues</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>Notifications (%1)</translation>
    </message>
</context>
<context>
    <name>qx::widgets::MarketWatch</name>
    <message>
        <source>&amp;Favourite</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <source>Filter contracts</source>
        <translation>Filtrer les contrats</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favoris</translation>
    </message>
    <message>
        <source>Show only the favourite contracts</source>
        <translation>N’afficher que les contrats favoris</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Tableau de marché</translation>
    </message>
    <message>
        <source>Mark or unmark the selected contract as a favourite</source>
        <translation>Marquer ou démarquer le contrat choisi comme favori</translation>
    </message>
</context>
<context>
    <name>qx::widgets::NotificationsPanel</name>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation>Tout marquer comme l&amp;u</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>All read</source>
        <translation>Tout est lu</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n non lue</numerusform>
            <numerusform>%n non lues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::widgets::OrderTicket</name>
    <message>
        <source>Buy (F1)</source>
        <translation>Achat (F1)</translation>
    </message>
    <message>
        <source>Sell (F2)</source>
        <translation>Vente (F2)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>e.g. 25</source>
        <translation>ex. 25</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>Prix limite</translation>
    </message>
    <message>
        <source>e.g. 42.50</source>
        <translation>ex. 42.50</translation>
    </message>
    <message>
        <source>Notional</source>
        <translation>Notionnel</translation>
    </message>
    <message>
        <source>Send order</source>
        <translation>Envoyer l&apos;ordre</translation>
    </message>
    <message>
        <source>Send the order (Enter)</source>
        <translation>Envoyer l&apos;ordre (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the ticket</source>
        <translation>Effacer le ticket</translation>
    </message>
    <message>
        <source>Clear quantity and price (Esc)</source>
        <translation>Effacer la quantité et le prix (Esc)</translation>
    </message>
    <message>
        <source>Order feedback</source>
        <translation>Suivi de l&apos;ordre</translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation>&amp;Instrument</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Prix</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejeté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Order %1 is %2: %3 %4 %5 at %6</source>
        <translation>L&apos;ordre %1 est %2&#xa0;: %3 %4 %5 à %6</translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation>Choisissez un instrument.</translation>
    </message>
    <message>
        <source>The quantity is not a decimal number such as 25 or 12.5.</source>
        <translation>La quantité n&apos;est pas un nombre décimal tel que 25 ou 12.5.</translation>
    </message>
    <message>
        <source>The price is not a decimal number such as 42.50 or -3.25.</source>
        <translation>Le prix n&apos;est pas un nombre décimal tel que 42.50 ou -3.25.</translation>
    </message>
    <message>
        <source>The notional is too large to compute.</source>
        <translation>Le notionnel est trop élevé pour être calculé.</translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6%7</source>
        <translation>%1 %2 × %3 %4 = %5 %6%7</translation>
    </message>
    <message>
        <source>Sending %1 %2 %3…</source>
        <translation>Envoi&#xa0;: %1 %2 %3…</translation>
    </message>
    <message>
        <source>Enter a quantity.</source>
        <translation>Saisissez une quantité.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>Saisissez un prix.</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>Valeur du contrat</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6 · %7 %8</source>
        <translation>%1 %2 × %3 %4 = %5 %6 · %7 %8</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>Type d&apos;ordre</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Au marché</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop limit</source>
        <translation>Stop limite</translation>
    </message>
    <message>
        <source>Iceberg</source>
        <translation>Iceberg</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Stop price</source>
        <translation>Prix de déclenchement</translation>
    </message>
    <message>
        <source>triggers at</source>
        <translation>se déclenche à</translation>
    </message>
    <message>
        <source>Shown quantity</source>
        <translation>Quantité affichée</translation>
    </message>
    <message>
        <source>shown at a time</source>
        <translation>affichée à la fois</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>S&amp;hown</source>
        <translation>A&amp;ffichée</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>The stop price is not a decimal number such as 41.00.</source>
        <translation>Le prix de déclenchement n&apos;est pas un nombre décimal comme 41.00.</translation>
    </message>
    <message>
        <source>The shown quantity is not a decimal number such as 5.</source>
        <translation>La quantité affichée n&apos;est pas un nombre décimal comme 5.</translation>
    </message>
    <message>
        <source>At the prices in the book when it runs.</source>
        <translation>Aux prix du carnet au moment de l&apos;exécution.</translation>
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
        <translation>Jour</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>&amp;Échéance</translation>
    </message>
    <message>
        <source>The expiry is in the past.</source>
        <translation>L&apos;échéance est dans le passé.</translation>
    </message>
    <message>
        <source>GTD</source>
        <translation>GTD</translation>
    </message>
    <message>
        <source>GTC: until cancelled; Day: until the end of the trading day; GTD: until the date and time given; IOC: what fills now, the rest cancelled; FOK: all now or nothing</source>
        <translation>GTC : jusqu&apos;à annulation ; Jour : jusqu&apos;à la fin de la séance ; GTD : jusqu&apos;à la date et l&apos;heure indiquées ; IOC : exécuté tout de suite, le reste annulé ; FOK : tout tout de suite ou rien</translation>
    </message>
</context>
<context>
    <name>qx::widgets::PositionsPanel</name>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Net position by delivery month</source>
        <translation>Position nette par mois de livraison</translation>
    </message>
    <message>
        <source>%1  realised %2  unrealised %3%4</source>
        <translation>%1  réalisé %2  latent %3%4</translation>
    </message>
    <message>
        <source> (some unmarked)</source>
        <translation> (en partie non valorisé)</translation>
    </message>
    <message>
        <source>No positions</source>
        <translation>Aucune position</translation>
    </message>
</context>
<context>
    <name>qx::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Serveurs</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>Format des nombres</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Nombres</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>A new language or number format rebuilds the window; the docks stay where they are.</source>
        <translation>Une nouvelle langue ou un nouveau format des nombres reconstruit la fenêtre ; les panneaux restent où ils sont.</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Trusted certificate (PEM)</source>
        <translation>Certificat approuvé (PEM)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Nouveau serveur</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Certificate…</source>
        <translation>&amp;Certificat…</translation>
    </message>
    <message>
        <source>A PEM file with the certificate (or its authority&apos;s) that the selected server is trusted by, when it is not signed by a public authority</source>
        <translation>Un fichier PEM avec le certificat (ou celui de son autorité) auquel le serveur choisi doit son approbation, quand il n&apos;est pas signé par une autorité publique</translation>
    </message>
    <message>
        <source>The sign-in dialog offers the bundled local server first, then these. HTTPS servers are checked against the system&apos;s authorities and, if given, the server&apos;s own certificate.</source>
        <translation>La connexion propose d&apos;abord le serveur local intégré, puis ceux-ci. Les serveurs HTTPS sont vérifiés auprès des autorités du système et, s&apos;il est indiqué, du certificat propre au serveur.</translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation>Certificat approuvé</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>qx::widgets::Workstation</name>
    <message>
        <source>Starting local server…</source>
        <translation>Démarrage du serveur local…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Language and number format changed.</source>
        <translation>Langue et format des nombres modifiés.</translation>
    </message>
</context>
<context>
    <name>qx::widgets::csvexport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>qx::widgets::language</name>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>As the language</source>
        <translation>Comme la langue</translation>
    </message>
</context>
<context>
    <name>qx::widgets::markettable</name>
    <message>
        <source>Right-click to choose the columns; drag one to move it</source>
        <translation>Clic droit pour choisir les colonnes ; faire glisser une colonne la déplace</translation>
    </message>
</context>
<context>
    <name>qx::widgets::serverlist</name>
    <message>
        <source>Every server needs a name.</source>
        <translation>Chaque serveur doit avoir un nom.</translation>
    </message>
    <message>
        <source>Two servers are called &quot;%1&quot;.</source>
        <translation>Deux serveurs s&apos;appellent « %1 ».</translation>
    </message>
    <message>
        <source>The address of &quot;%1&quot; is not an http:// or https:// address, such as https://trading.example.com.</source>
        <translation>L&apos;adresse de « %1 » n&apos;est pas une adresse http:// ou https://, comme https://trading.example.com.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (for &quot;%2&quot;).</source>
        <translation>%1 ne contient aucun certificat PEM (pour « %2 »).</translation>
    </message>
</context>
</TS>
