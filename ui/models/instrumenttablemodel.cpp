#include "ui/models/instrumenttablemodel.h"

#include "ui/client/tradingservice.h"
#include "ui/models/displayformat.h"

namespace qx::models {

InstrumentTableModel::InstrumentTableModel(client::MarketData *market, client::OrderEntry *orders,
                                           QObject *parent)
    : QAbstractTableModel(parent)
    , m_market(market)
    , m_orders(orders)
{
    refreshInstruments();
    connect(market, &client::MarketData::instrumentsChanged, this, [this] {
        refreshInstruments();
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
}

void InstrumentTableModel::refreshInstruments()
{
    m_instruments.clear();
    const QList<core::Instrument> instruments = m_market->instruments();
    for (const core::Instrument &instrument : instruments)
        m_instruments.insert(instrument.symbol, instrument);
}

QString InstrumentTableModel::plain(core::Decimal value, const core::Instrument *instrument,
                                    bool price)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::OmitGroupSeparator);
    return price ? displayformat::price(core::Price(value), instrument, c)
                 : displayformat::quantity(core::Quantity(value), instrument, c);
}

bool InstrumentTableModel::cellContains(int row, int column, const QString &text) const
{
    return index(row, column).data().toString().contains(text, Qt::CaseInsensitive);
}

QHash<int, QByteArray> InstrumentTableModel::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractTableModel::roleNames();
    roles.insert(ExportRole, QByteArrayLiteral("exportText"));
    return roles;
}

const core::Instrument *InstrumentTableModel::instrument(const QString &symbol) const
{
    const auto found = m_instruments.constFind(symbol);
    return found == m_instruments.cend() ? nullptr : &*found;
}

} // namespace qx::models
