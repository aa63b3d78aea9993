<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
        <source>The server did not answer within %1 seconds.</source>
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
        <source>Instrument %1: %2</source>
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
    <message>
        <source>an hour or quarter-hour has no load shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delivery hour does not exist on that day.</source>
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
    <name>qx::core::protocol</name>
    <message>
        <source>Field &quot;client_order_id&quot;: must be 1 to 64 printable ASCII characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is not a JSON object.</source>
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
        <source>Click an offer to buy at its price, a bid to sell at it.</source>
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
    <name>qx::widgets::DepthModel</name>
    <message numerus="yes">
        <source>%n order(s) at %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <name>qx::widgets::LoginDialog</name>
    <message>
        <source>&amp;Use the bundled local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the bundled local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a server on this computer, with its data in your user folder.</source>
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
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
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
        <source>QuantEnergx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orders</source>
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
</context>
<context>
    <name>qx::widgets::MarketTradesModel</name>
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
        <source>Notional</source>
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
        <source>&amp;Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price</source>
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
        <source>The price is not a decimal number such as 42.50 or -3.25.</source>
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
        <source>Sending %1 %2 %3…</source>
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
</context>
<context>
    <name>qx::widgets::OrdersModel</name>
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
    <name>qx::widgets::Workstation</name>
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
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
