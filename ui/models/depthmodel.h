#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace qx::client {
class TradingService;
}

namespace qx::models {

/**
 * The depth ladder of the watched market: offers above, best offer lowest, then bids, best bid
 * highest, one row per price level, as on an exchange's ladder. Beside each level the user's
 * own open quantity at that price, so they see where they stand in the book. Follows the
 * service's bookChanged (and orders, for the own quantities); a book of another symbol than
 * the one set is ignored, so a late update of the previous market never shows.
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

    explicit DepthModel(client::TradingService *service, QObject *parent = nullptr);

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
    void refreshOwn();
    Row rowAt(int row) const;
    QVariant display(const Row &row, int column) const;

    client::TradingService *m_service;
    QString m_symbol;
    std::optional<core::Instrument> m_instrument;
    core::protocol::BookSnapshot m_book;
    /// The user's open quantity per price (decimal units) on each side, in this market.
    QHash<qint64, core::Quantity> m_ownBids;
    QHash<qint64, core::Quantity> m_ownAsks;
};

} // namespace qx::models
