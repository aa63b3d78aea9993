<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>QuantEnergx energy trading workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the server at &lt;url&gt; instead of starting the bundled local server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the light or dark &lt;theme&gt; (else the one chosen last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &lt;language&gt; en, de or fr (else the one chosen in the settings, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language takes en, de or fr.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::client::LocalServer</name>
    <message>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server could not initialise %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server could not set up its trader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server stopped before it was ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::client::RemoteTradingService</name>
    <message>
        <source>No session is remembered on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is remembered for this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::client::SignInController</name>
    <message>
        <source>The session will not be remembered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out here, but the server could not end your other sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: every session of yours has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming your session on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting local server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to the local server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your remembered session has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume your session: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app, or a recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is wrong, expired or used already. Try the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::client::TokenVault</name>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::CandleSeries</name>
    <message>
        <source>A trade must have a positive quantity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::Decimal</name>
    <message>
        <source>The number is too large to be represented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than %2 decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Division by zero.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::Instrument</name>
    <message>
        <source>Instrument %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the symbol is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hub or area is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delivery period is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time zone is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the currency is not ISO 4217.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tick size must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lot size must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only power has peak and off-peak loads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an hour or quarter-hour has no load shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delivery hour does not exist on that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity %1 is not a multiple of the lot size %2 %3 of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price %1 is not on the tick size %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::Position</name>
    <message>
        <source>A fill must have a positive quantity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::ProductCatalog</name>
    <message>
        <source>Invalid product catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instrument symbol.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::documents</name>
    <message>
        <source>The contract could not be read from the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither the buyer nor the seller is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trade date could not be read from the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing booked for %1 on %2 fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 booked deals or trades fit equally well: taking one would be a guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice&apos;s period could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither the issuer nor the recipient is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deals of this period are in different units or currencies; they are not added up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 is too large to add up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deals of this period are too large to add up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing booked with %1 delivers in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice counts %1, the deals %2: quantities not compared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::notifications::Templates</name>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %1 %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought %1 %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %1 of %2 %3 so far, at %4 on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought %1 of %2 %3 so far, at %4 on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order refused: %1 %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order expired: %1 %2 %3, %4 filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal booked: %1 %2 %3 at %4 with %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 limit %2 % used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 limit breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation %1 does not match the booked deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deal matches confirmation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1 read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in from a new address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in changed on your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage unavailable: orders are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book %1 is matched by another server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices from %1 are stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Digest: %n notification(s)</source>
        <translation>
            <numerusform>Digest: %n notification</numerusform>
            <numerusform>Digest: %n notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>[QuantEnergx] CRITICAL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[QuantEnergx] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuantEnergx CRITICAL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuantEnergx: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message from QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat now receives your QuantEnergx notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link is unknown, used or expired. Make a new one in QuantEnergx: Settings, Notifications.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::protocol</name>
    <message>
        <source>Field &quot;client_order_id&quot;: must be 1 to 64 printable ASCII characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON nests deeper than %1 levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no &quot;type&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to 100 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 100 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::core::protocol::DealCancel</name>
    <message>
        <source>must be at most 500 characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::DeliveryMonthsModel</name>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::DepthModel</name>
    <message numerus="yes">
        <source>%n order(s) at %1</source>
        <translation>
            <numerusform>%n order at %1</numerusform>
            <numerusform>%n orders at %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask qty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::DocumentsModel</name>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n page(s), sent by %2</source>
        <translation>
            <numerusform>%1, %n page, sent by %2</numerusform>
            <numerusform>%1, %n pages, sent by %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::MarketTradesModel</name>
    <message>
        <source>A buyer took the offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seller hit the bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::MarketWatchModel</name>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::NotificationsModel</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::OrdersModel</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partially filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a price: type digits and a point, such as 42.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a quantity: type digits and a point, such as 25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::PositionsModel</name>
    <message>
        <source>No trade in this market yet to mark the position to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrealised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::TradesModel</name>
    <message>
        <source>taker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your order crossed the spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your resting order was hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquidity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::displayformat</name>
    <message>
        <source>Wk %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WE %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter-hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::models::products</name>
    <message>
        <source>German power intraday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German power base load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German power peak load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French power base load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dutch power base load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>British power base load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nordic system price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTF natural gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THE natural gas (Germany)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NBP natural gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henry Hub natural gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brent crude oil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WTI crude oil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EU emission allowances</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::BlotterFilterBar</name>
    <message>
        <source>Filter: symbol, id, status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::CandleChart</name>
    <message>
        <source>Candle values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candles of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   O %2  H %3  L %4  C %5   Vol %6 %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wheel or + and − to zoom, drag or ← and → to pan, Home or a double-click for the latest candles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::CriticalAlert</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::DepthLadder</name>
    <message>
        <source>Last trade and volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an offer to buy at its price, a bid to sell at it. Drag your own quantity to another price to move those orders there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last %1 × %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trade yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentPageView</name>
    <message>
        <source>%1: %2
Confidence %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs from the deal or trade it was matched with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::DocumentsPanel</name>
    <message>
        <source>Trade id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gross amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send confirmations or invoices (PDF, PNG, JPEG, TIFF) to be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or drop PDFs and scans here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that the document is the deal or trade it matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book the confirmation as a new deal, with the fields as corrected here (each correction is audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the document as not ours or wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not accepted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal %1 booked: %2 %3 %4 at %5 with %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>Sending %n file…</numerusform>
            <numerusform>Sending %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>Send documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a document to see what was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read on page %1 with %2 % confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the document, %2 as booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure: check it against the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Expected from %n deal(s): %1 %2 for %3 %4</source>
        <translation>
            <numerusform>Expected from %n deal: %1 %2 for %3 %4</numerusform>
            <numerusform>Expected from %n deals: %1 %2 for %3 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity difference: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount difference: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3 %4 %5 at %6, traded %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice agrees with the deals of its period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break with %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 on the document, %3 as booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deal or trade of the firm matches: check the fields and book it as a deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deal of the invoice&apos;s period and counterparty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop confirmations and invoices here, or open them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading page %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not do this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::LoginDialog</name>
    <message>
        <source>S&amp;tay signed in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer (bundled server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a server on this computer, with its data in your user folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://trading.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the session in the system keychain, so that the next start needs no password. Session → Sign out forgets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://trading.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits, or a recovery code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::MainWindow</name>
    <message>
        <source>Order ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;all orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a live order&apos;s quantity or price to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time and sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moving %n order(s) to %1…</source>
        <translation>
            <numerusform>Moving %n order to %1…</numerusform>
            <numerusform>Moving %n orders to %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the selected order (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the session and forget it on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out &amp;everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End every session of yours, on every computer (a lost laptop, say)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every live order of yours (Ctrl+Shift+Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;orders to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;fills to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of order %1 rejected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled.</source>
        <translation>
            <numerusform>%n order cancelled.</numerusform>
            <numerusform>%n orders cancelled.</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1 not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of order %1 rejected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved layouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save layout as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout &quot;%1&quot; restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s) to %1…</source>
        <translation>
            <numerusform>Exporting %n row to %1…</numerusform>
            <numerusform>Exporting %n rows to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>UTC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;QuantEnergx %1&lt;/h3&gt;&lt;p&gt;An open energy trading workstation: power, natural gas, crude and emissions.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Server:&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Qt:&lt;/td&gt;&lt;td&gt;%3 (built with %4)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;TLS:&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Built:&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live orders to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n live order(s)?</source>
        <translation>
            <numerusform>Cancel the live order?</numerusform>
            <numerusform>Cancel all %n live orders?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling all orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling order %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::MarketWatch</name>
    <message>
        <source>&amp;Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the favourite contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark or unmark the selected contract as a favourite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::NotificationsPanel</name>
    <message>
        <source>Mark &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::widgets::OrderTicket</name>
    <message>
        <source>Buy (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 42.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iceberg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triggers at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the order (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear quantity and price (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is %2: %3 %4 %5 at %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity is not a decimal number such as 25 or 12.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price is not a decimal number such as 42.50 or -3.25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stop price is not a decimal number such as 41.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown quantity is not a decimal number such as 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the prices in the book when it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notional is too large to compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 × %3 %4 = %5 %6 · %7 %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTC: until cancelled; Day: until the end of the trading day; GTD: until the date and time given; IOC: what fills now, the rest cancelled; FOK: all now or nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 %2 %3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::PositionsPanel</name>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net position by delivery month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  realised %2  unrealised %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (some unmarked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No positions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language or number format rebuilds the window; the docks stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file with the certificate (or its authority&apos;s) that the selected server is trusted by, when it is not signed by a public authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in dialog offers the bundled local server first, then these. HTTPS servers are checked against the system&apos;s authorities and, if given, the server&apos;s own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::Workstation</name>
    <message>
        <source>Language and number format changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting local server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::csvexport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::language</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::markettable</name>
    <message>
        <source>Right-click to choose the columns; drag one to move it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qx::widgets::serverlist</name>
    <message>
        <source>Every server needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two servers are called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of &quot;%1&quot; is not an http:// or https:// address, such as https://trading.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (for &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
