#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace qx::client {
class MarketData;
class MarketSubscription;
} // namespace qx::client

namespace qx::models {

/**
 * Time and sales of the watched market: its trades, newest on top, with the side that took
 * liquidity (a buyer lifting the offer shows as Buy). Keeps the latest kMaxRows. Follows the
 * service's marketTradesReset and marketTradeAdded for the symbol set, nothing else.
 *
 * GUI thread only.
 */
class MarketTradesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Price, Quantity, Aggressor, ColumnCount };
    static constexpr int kMaxRows = 200;

    explicit MarketTradesModel(client::MarketData *market, QObject *parent = nullptr);
    ~MarketTradesModel() override;

    void setSymbol(const QString &symbol);
    QString symbol() const { return m_symbol; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /// Qt's, and one per column: "time", "price", "quantity", "aggressor".
    QHash<int, QByteArray> roleNames() const override;

private:
    void reset(const QString &symbol, const QList<core::protocol::MarketTrade> &trades);
    void add(const core::protocol::MarketTrade &trade);

    client::MarketData *m_market;
    std::unique_ptr<client::MarketSubscription> m_subscription; ///< time and sales of m_symbol
    QString m_symbol;
    std::optional<core::Instrument> m_instrument;
    QList<core::protocol::MarketTrade> m_trades; ///< newest first
};

} // namespace qx::models
