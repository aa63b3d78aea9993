#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <optional>

namespace qx::client {
class MarketData;
class MarketSubscription;
class OrderEntry;
} // namespace qx::client

namespace qx::models {

/**
 * The depth ladder of the watched market: offers above, best offer lowest, then bids, best bid
 * highest, one row per price level, as on an exchange's ladder. Beside each level the user's
 * own open quantity at that price, so they see where they stand in the book. Follows the
 * service's bookChanged (and orders, for the own quantities: an order event changes its own
 * contribution alone, whatever the number of orders); a book of another symbol than the one
 * set is ignored, so a late update of the previous market never shows.
 *
 * GUI thread only.
 */
class DepthModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MyBid, BidQuantity, Price, AskQuantity, MyAsk, ColumnCount };
    enum Role {
        PriceRole = Qt::UserRole + 1, ///< the level's price as a decimal string
        SideRole, ///< the resting side of the row: core::protocol::Side as int
        OrdersRole, ///< how many orders rest at the level
    };

    DepthModel(client::MarketData *market, client::OrderEntry *orders, QObject *parent = nullptr);
    ~DepthModel() override;

    /// The market to show; clears the ladder until its first book arrives.
    void setSymbol(const QString &symbol);
    QString symbol() const { return m_symbol; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, "levelPrice", "levelSide", "levelOrders", and one per column: "myBid",
    /// "bidQuantity", "price", "askQuantity", "myAsk".
    QHash<int, QByteArray> roleNames() const override;

    /// The row of the best bid (the first bid row), or -1 when there are no bids.
    int bestBidRow() const { return m_book.bids.isEmpty() ? -1 : int(m_book.asks.size()); }

private:
    struct Row
    {
        core::protocol::Side side;
        const core::protocol::BookLevel *level;
    };
    void setBook(const core::protocol::BookSnapshot &book);
    /// The own quantities from `orders` (every order of the user).
    void resetOwn(const QList<core::protocol::Order> &orders);
    /// One order's contribution replaced by what it is now; false for another market's.
    bool changeOwn(const core::protocol::Order &order);
    /// A live limit order's open quantity at its price.
    struct Own
    {
        core::protocol::Side side;
        qint64 price; ///< decimal units
        core::Quantity open;
    };
    /// Adds (`sign` 1) or takes away (-1) `own` at its level.
    void addOwn(const Own &own, int sign);
    Row rowAt(int row) const;
    QVariant display(const Row &row, int column) const;

    client::MarketData *m_market;
    client::OrderEntry *m_orders;
    std::unique_ptr<client::MarketSubscription> m_subscription; ///< the book of m_symbol
    QString m_symbol;
    std::optional<core::Instrument> m_instrument;
    core::protocol::BookSnapshot m_book;
    /// The user's open quantity per price (decimal units) on each side, in this market.
    QHash<qint64, core::Quantity> m_ownBids;
    QHash<qint64, core::Quantity> m_ownAsks;
    /// What each of the user's live limit orders in this market adds to them, by order id.
    QHash<QString, Own> m_own;
};

} // namespace qx::models
