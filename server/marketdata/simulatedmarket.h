#pragma once

#include "core/instrument.h"
#include "server/auth/authservice.h"
#include "server/storage/store.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <array>

namespace qx::server {

class OrderService;

/**
 * A live market to trade against, for the bundled local server and demonstrations: a market
 * maker quotes kLevels levels a side around a mean-reverting fair value in every instrument
 * (larger further out, as real books are), and a taker now and then crosses the spread. Activity is
 * spread as liquidity is on real venues: the front month of each product moves and trades most,
 * further tenors less, intraday hours and quarter-hours (hundreds of them) little each. Each
 * commodity has its own character — German power volatile with spikes, gas calmer, crude smooth,
 * allowances in between. Orders go through the OrderService like anyone's, so they are stored,
 * matched and broadcast the same way, and a trader's orders trade against them.
 *
 * A market that has never traded (a fresh data directory) first gets a day of history: the
 * same walk run minute by minute over the last `historyHours`, each trade a maker order the
 * taker fills at once, placed through the OrderService at the minute it happened (on a clock
 * of the market's own), so the orders, trades, candles, tickers and previous closes a client
 * reads are all consistent with each other.
 *
 * The fair value is kept in ticks; doubles only drive the random walk, and every order price
 * is a whole number of ticks. Seeded: the same seed gives the same sequence of decisions.
 *
 * Lives on the server's event-loop thread (it calls OrderService directly).
 */
class SimulatedMarket : public QObject
{
    Q_OBJECT

public:
    /// Price levels the maker quotes on each side.
    static constexpr int kLevels = 10;
    struct Options
    {
        quint64 seed = 1;
        int intervalMs = 250;
        /// How much history a market that has never traded gets at start; 0: none.
        int historyHours = 24;
    };

    SimulatedMarket(OrderService &orders, Store &store, Options options, QObject *parent = nullptr);

    /// Creates the simulated participants (once), who are notified of nothing: nobody reads
    /// their inbox. start() does it if not done; a server does it before it reads who wants
    /// notifications, so the participants' history is not written as theirs.
    Result<void> prepare();
    /// Prepares (if not done) and starts quoting.
    Result<void> start();
    /// One round: a few instruments move and are requoted; sometimes the taker trades.
    void step();

private:
    struct Character
    {
        double referencePrice; ///< in the instrument's currency per unit
        double dailyVolatility; ///< fraction of the price per day
        double meanReversion; ///< per day
        double jumpProbability; ///< per step
        qint64 quoteLots; ///< typical size
    };
    struct Quoted
    {
        core::Instrument instrument;
        Character character;
        double fairTicks = 0;
        double meanTicks = 0;
        quint64 next = 0;
        double weight = 1; ///< share of the steps, by liquidity
    };

    static Character characterOf(const core::Instrument &instrument);
    /// A market to quote or backfill: its character and the mean it reverts to on `today`.
    static Quoted quotedFor(const core::Instrument &instrument, QDate today);
    /// The day of history (see the class comment), when no market has traded yet.
    void backfill();
    /// One step of `market`'s walk over `days` (a fraction of a day), its jumps
    /// `jumpScale` times as likely as its character says per step.
    void walk(Quoted &market, double days, double jumpScale);
    /// One trade at `market`'s fair value: a maker order the taker fills at once.
    void tradeAtFair(Quoted &market);
    Result<Principal> participant(const QString &username);
    /// Starts quoting the instruments listed since, and not expired.
    void quoteNewInstruments();
    /// Weighs each market by its liquidity (period kind, and rank among its product's
    /// tenors): their total.
    static double reweigh(QList<Quoted> &markets);
    /// A market drawn by weight, or -1 when there is none.
    qsizetype pick();
    void requote(Quoted &market);
    void takeLiquidity(Quoted &market);

    OrderService &m_orders;
    Store &m_store;
    Options m_options;
    QRandomGenerator m_random;
    QList<Quoted> m_markets; ///< those still trading
    double m_totalWeight = 0;
    QSet<QString> m_quoted; ///< every symbol ever quoted
    /// The maker's order ids per symbol: the bids from the best out, then the asks.
    QHash<QString, std::array<QString, 2 * kLevels>> m_quotes;
    Principal m_maker;
    Principal m_taker;
    QTimer m_timer;
    quint64 m_orderCount = 0;
    QString m_runId; ///< in every client order id of this run
    QString nextClientOrderId();
};

} // namespace qx::server
