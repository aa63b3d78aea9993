#pragma once

#include "core/instrument.h"

#include <QAbstractTableModel>
#include <QHash>

namespace qx::client {
class MarketData;
class MarketSubscription;
class OrderEntry;
} // namespace qx::client

namespace qx::models {

/**
 * What the blotter models share: the user's orders and fills they follow (OrderEntry) and the
 * instruments by symbol (MarketData; for each row's tick and lot decimals), refreshed when
 * others are listed, every row
 * then repainted. Subclasses keep the rows.
 *
 * GUI thread only.
 */
class InstrumentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Each cell as a file keeps it (csvexport): exact decimals without grouping, times as
    /// ISO 8601 UTC, sides and states as the API names them.
    static constexpr int ExportRole = Qt::UserRole + 100;

    /// Whether the cell's text holds `text`, in any case: what the blotters' search asks of
    /// every row. This formats the cell; models look at their text fields as they are.
    virtual bool cellContains(int row, int column, const QString &text) const;
    /// Qt's, and "exportText" for ExportRole.
    QHash<int, QByteArray> roleNames() const override;

protected:
    InstrumentTableModel(client::MarketData *market, client::OrderEntry *orders,
                         QObject *parent = nullptr);

    client::OrderEntry *orderEntry() const { return m_orders; }
    client::MarketData *marketData() const { return m_market; }
    /// The listed instrument with that symbol, or nullptr.
    const core::Instrument *instrument(const QString &symbol) const;
    /// A price or quantity for a file: the instrument's decimals, no grouping, a point.
    static QString plain(core::Decimal value, const core::Instrument *instrument, bool price);

private:
    void refreshInstruments();

    client::MarketData *m_market;
    client::OrderEntry *m_orders;
    QHash<QString, core::Instrument> m_instruments;
};

} // namespace qx::models
