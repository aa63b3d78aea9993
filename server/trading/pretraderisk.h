#pragma once

#include "core/decimal.h"
#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/result.h"
#include "server/auth/authservice.h"
#include "server/storage/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace qx::server {

/**
 * The checks an order meets before the book: the trader's limits in the order's product
 * (order quantity, order value, position, credit exposure) and the credit line of the
 * counterparty they trade for. It keeps what admins set (limits, credit lines, who trades for
 * whom) as of one configuration version; OrderService reads newer ones off its thread and
 * hands them over (apply()).
 *
 * Arithmetic that overflows is an error (internal, logged), and the order is refused: a limit
 * is never passed because a sum could not be made.
 *
 * Single thread: the one that owns the books.
 */
class PreTradeRisk
{
    Q_DECLARE_TR_FUNCTIONS(qx::server::PreTradeRisk)

public:
    /// What admins set that every order is checked against, cached: a read per order would
    /// cost a database round trip on the trading thread.
    struct Settings
    {
        qint64 version = -1;
        QHash<qint64, QHash<QString, RiskLimits>> limits; ///< user → product → limits
        QHash<QString, QHash<QString, core::Money>> creditLines; ///< counterparty → currency
        QHash<QString, QList<std::int64_t>> members; ///< counterparty → its users
    };

    /// The market an order is for, as the checks see it.
    struct Market
    {
        const core::Instrument &instrument;
        const QString &product; ///< limits are set per product
        /// price × quantity × delivered hours: what `quantity` at `price` is worth.
        std::function<Result<core::Money>(core::Price, core::Quantity)> value;
    };

    /// Which markets an exposure counts: by instrument and product.
    using MarketFilter = std::function<bool(const core::Instrument &, const QString &product)>;

    /// What is open and held, as the service that owns the books knows it.
    class Holdings
    {
    public:
        virtual ~Holdings() = default;
        /// `user`'s open quantity to buy and to sell in `symbol`, but order `replacing`.
        virtual Result<std::pair<core::Quantity, core::Quantity>> openQuantities(
            qint64 user, const QString &symbol, qint64 replacing) const = 0;
        virtual core::Quantity netPosition(qint64 user, const QString &symbol) const = 0;
        /// What `users` have at risk in the markets `accept` takes: open orders (but
        /// `replacing`) at their prices and positions at the last trade, in absolute value;
        /// with `dealsWith`, also the deals booked with that counterparty (however its name
        /// is written) at the last trade.
        virtual Result<core::Money> exposure(const QList<std::int64_t> &users,
                                             const MarketFilter &accept, qint64 replacing,
                                             const QString &dealsWith = {}) const = 0;
    };

    /// The settings in `store` if its configuration version is not `known`. Pure: a store
    /// reader runs it.
    static Result<std::optional<Settings>> read(Store &store, qint64 known);
    /// Puts `settings` in force if they are newer than those in force; whether they were.
    bool apply(Settings settings);
    /// Forgets the settings (storage is read again from scratch).
    void reset() { m_settings = Settings(); }
    qint64 version() const { return m_settings.version; }

    /// The trader's limits and their counterparty's credit line against an order on `market`
    /// for `quantity` of which `remaining` would stay open at `price` (nullopt: no price to
    /// value it at), replacing the open quantity of order `replacing` if it is one already.
    Result<void> check(const Principal &principal, const Market &market, const Holdings &holdings,
                       core::protocol::Side side, std::optional<core::Price> price,
                       core::Quantity quantity, core::Quantity remaining,
                       qint64 replacing = 0) const;

    /// The error for a sum or product that does not fit: logged, with what it was about.
    static core::Error overflow(const QString &what);

private:
    Result<void> checkUserLimits(const Principal &principal, const Market &market,
                                 const Holdings &holdings, core::protocol::Side side,
                                 std::optional<core::Price> price, core::Quantity quantity,
                                 core::Quantity remaining, core::Money orderValue,
                                 qint64 replacing) const;
    Result<void> checkCreditLine(const Principal &principal, const Market &market,
                                 const Holdings &holdings, core::Money orderValue,
                                 qint64 replacing) const;

    Settings m_settings;
};

} // namespace qx::server
