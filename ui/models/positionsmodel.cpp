#include "ui/models/positionsmodel.h"

#include "core/delivery.h"
#include "ui/client/tradingservice.h"
#include "ui/models/columnroles.h"
#include "ui/models/displayformat.h"

#include <QColor>
#include <QMap>

#include <algorithm>

namespace qx::models {

using core::protocol::Trade;

namespace {

bool isNumberColumn(int column)
{
    return column != PositionsModel::Contract && column != PositionsModel::Currency;
}

} // namespace

PositionsModel::PositionsModel(client::MarketData *market, client::OrderEntry *orders,
                               QObject *parent)
    : InstrumentTableModel(market, orders, parent)
{
    connect(orders, &client::OrderEntry::tradesReset, this, &PositionsModel::reset);
    connect(orders, &client::OrderEntry::tradeAdded, this, &PositionsModel::add);
    // A deal booked or cancelled moves its contract's lots: every position is built anew.
    connect(orders, &client::OrderEntry::dealsReset, this,
            [this] { reset(orderEntry()->trades()); });
    // The volume multipliers come with the instruments: replay once they are known.
    connect(market, &client::MarketData::instrumentsChanged, this,
            [this] { reset(orderEntry()->trades()); });
    reset(orders->trades());
}

PositionsModel::~PositionsModel() = default;

void PositionsModel::followMarks()
{
    const QList<QString> held = m_rowOf.keys();
    m_marks.follow(*marketData(), QSet<QString>(held.cbegin(), held.cend()), this,
                   &PositionsModel::mark);
}

int PositionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PositionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool PositionsModel::apply(const QString &symbol, core::protocol::Side side,
                           const core::Price &price, const core::Quantity &quantity,
                           const QDateTime &time)
{
    const core::Instrument *instrument = this->instrument(symbol);
    if (!instrument)
        return false; // not listed (yet): replayed when the instruments come
    auto found = m_rowOf.constFind(symbol);
    if (found == m_rowOf.cend()) {
        found = m_rowOf.insert(symbol, int(m_rows.size()));
        m_rows.append(Row { symbol, core::Position::forInstrument(*instrument), {}, {} });
    }
    Row &row = m_rows[*found];
    if (!row.newest.isValid() || time > row.newest)
        row.newest = time;
    return row.position
        .apply(side == core::protocol::Side::Buy ? core::matching::Side::Buy
                                                 : core::matching::Side::Sell,
               price, quantity)
        .ok();
}

bool PositionsModel::apply(const Trade &trade)
{
    return apply(trade.symbol, trade.side, trade.price, trade.quantity, trade.time);
}

void PositionsModel::applyInOrder(const QList<Trade> &oldestFirst, const QSet<QString> &wanted)
{
    // As the server's position book has them: each deal before the first fill after its
    // booking, the rest after the last fill.
    QList<core::protocol::Deal> deals = orderEntry()->deals();
    deals.removeIf([&wanted](const core::protocol::Deal &deal) {
        return !wanted.isEmpty() && !wanted.contains(deal.terms.symbol);
    });
    std::stable_sort(deals.begin(), deals.end(),
                     [](const core::protocol::Deal &a, const core::protocol::Deal &b) {
                         return a.bookedAt < b.bookedAt;
                     });
    auto deal = deals.cbegin();
    const auto applyDeal = [this](const core::protocol::Deal &deal) {
        apply(deal.terms.symbol, deal.terms.side, deal.terms.price, deal.terms.quantity,
              deal.bookedAt);
    };
    for (const Trade &trade : oldestFirst) {
        if (!wanted.isEmpty() && !wanted.contains(trade.symbol))
            continue;
        for (; deal != deals.cend() && deal->bookedAt < trade.time; ++deal)
            applyDeal(*deal);
        apply(trade);
    }
    for (; deal != deals.cend(); ++deal)
        applyDeal(*deal);
}

void PositionsModel::reset(const QList<Trade> &newestFirst)
{
    QHash<QString, core::Price> marks;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.mark)
            marks.insert(row.symbol, *row.mark);
    }
    m_announce.cancel();
    m_replay.clear();
    m_firstTouched = m_lastTouched = -1;
    m_positionsTouched = m_marksTouched = false;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    applyInOrder(QList<Trade>(newestFirst.crbegin(), newestFirst.crend()));
    for (Row &row : m_rows) {
        if (const auto mark = marks.constFind(row.symbol); mark != marks.cend())
            row.mark = *mark;
    }
    followMarks();
    endResetModel();
    Q_EMIT positionsChanged();
}

void PositionsModel::add(const Trade &trade)
{
    if (!instrument(trade.symbol))
        return; // not listed (yet): replayed when the instruments come
    if (const auto found = m_rowOf.constFind(trade.symbol);
        found != m_rowOf.cend() && trade.time < m_rows[*found].newest) {
        // First in, first out is by time: this contract is replayed with the frame.
        m_replay.insert(trade.symbol);
        m_positionsTouched = true;
        m_announce.request();
        return;
    }
    const bool isNew = !m_rowOf.contains(trade.symbol);
    if (isNew)
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    const bool applied = apply(trade);
    if (isNew) {
        endInsertRows();
        followMarks();
    } else if (applied)
        touch(m_rowOf.value(trade.symbol));
    m_positionsTouched = true;
    m_announce.request();
}

void PositionsModel::mark(const core::protocol::Ticker &ticker)
{
    const auto found = m_rowOf.constFind(ticker.symbol);
    if (found == m_rowOf.cend() || !ticker.last || m_rows[*found].mark == ticker.last)
        return;
    m_rows[*found].mark = ticker.last;
    touch(*found);
    m_marksTouched = true;
    m_announce.request();
}

void PositionsModel::touch(int row)
{
    m_firstTouched = m_firstTouched < 0 ? row : std::min(m_firstTouched, row);
    m_lastTouched = std::max(m_lastTouched, row);
}

void PositionsModel::replay()
{
    if (m_replay.isEmpty())
        return;
    // Their fills in time order (the service's list is newest first; a fill it was given
    // out of order may sit anywhere in it).
    QList<Trade> fills;
    const QList<Trade> all = orderEntry()->trades();
    for (auto trade = all.crbegin(); trade != all.crend(); ++trade) {
        if (m_replay.contains(trade->symbol))
            fills.append(*trade);
    }
    std::stable_sort(fills.begin(), fills.end(),
                     [](const Trade &a, const Trade &b) { return a.time < b.time; });
    for (const QString &symbol : std::as_const(m_replay)) {
        const int row = m_rowOf.value(symbol);
        m_rows[row].position = core::Position::forInstrument(*instrument(symbol));
        m_rows[row].newest = QDateTime();
        touch(row);
    }
    applyInOrder(fills, m_replay);
    m_replay.clear();
}

void PositionsModel::announce()
{
    replay();
    if (m_firstTouched >= 0)
        Q_EMIT dataChanged(index(m_firstTouched, 0), index(m_lastTouched, ColumnCount - 1));
    m_firstTouched = m_lastTouched = -1;
    if (std::exchange(m_positionsTouched, false)) {
        m_marksTouched = false;
        Q_EMIT positionsChanged();
    } else if (std::exchange(m_marksTouched, false)) {
        Q_EMIT marksChanged();
    }
}

std::optional<core::Money> PositionsModel::unrealised(const Row &row) const
{
    if (row.position.isFlat())
        return core::Money();
    if (!row.mark)
        return std::nullopt;
    const core::Result<core::Money> value = row.position.unrealised(*row.mark);
    return value ? std::optional(*value) : std::nullopt;
}

QVariant PositionsModel::display(const Row &row, int column) const
{
    const core::Instrument *instrument = this->instrument(row.symbol);
    if (!instrument)
        return column == Contract ? QVariant(row.symbol) : QVariant();
    const core::Position &position = row.position;
    switch (column) {
    case Contract:
        return row.symbol;
    case Net:
        return QString(displayformat::quantity(position.net(), instrument) + u' '
                       + displayformat::quantityUnit(*instrument));
    case Energy: {
        const core::Result<core::Quantity> energy = position.energyVolume();
        return energy ? QString(displayformat::decimal(energy->decimal()) + u' '
                                + core::energyUnit(instrument->unit))
                      : QString();
    }
    case AveragePrice: {
        // Two decimals finer than the tick is what a trader compares; the exact value, which
        // may run to eight, is the tooltip's and the export's.
        const std::optional<core::Price> average = position.averageOpenPrice();
        if (!average)
            return QString();
        const int decimals = instrument->tickSize.decimal().decimals() + 2;
        const core::Result<core::Price> shown = average->rounded(decimals);
        const core::Price value = shown ? *shown : *average;
        return displayformat::decimal(value.decimal(), decimals - 2);
    }
    case Mark:
        return row.mark ? displayformat::price(*row.mark, instrument) : QString();
    case Unrealised: {
        const std::optional<core::Money> money = unrealised(row);
        return money ? displayformat::money(*money) : QString();
    }
    case Realised:
        return displayformat::money(position.realised());
    case Currency:
        return instrument->currency;
    }
    return {};
}

QVariant PositionsModel::sortKey(const Row &row, int column) const
{
    const auto units = [](core::Decimal value) {
        return qlonglong(value.units());
    };
    switch (column) {
    case Net:
        return units(row.position.net().decimal());
    case Energy:
        return units(row.position.energyVolume().value_or(core::Quantity()).decimal());
    case AveragePrice:
        return units(row.position.averageOpenPrice().value_or(core::Price()).decimal());
    case Mark:
        return units(row.mark.value_or(core::Price()).decimal());
    case Unrealised:
        return units(unrealised(row).value_or(core::Money()).decimal());
    case Realised:
        return units(row.position.realised().decimal());
    default:
        return display(row, column);
    }
}

QVariant PositionsModel::exportValue(const Row &row, int column) const
{
    const core::Instrument *instrument = this->instrument(row.symbol);
    switch (column) {
    case Net:
        return plain(row.position.net().decimal(), instrument, false);
    case Energy:
        return row.position.energyVolume().value_or(core::Quantity()).toString();
    case AveragePrice: {
        const auto average = row.position.averageOpenPrice();
        return average ? plain(average->decimal(), instrument, true) : QString();
    }
    case Mark:
        return row.mark ? plain(row.mark->decimal(), instrument, true) : QString();
    case Unrealised: {
        const auto money = unrealised(row);
        return money ? money->decimal().toString(2) : QString();
    }
    case Realised:
        return row.position.realised().decimal().toString(2);
    default:
        return display(row, column);
    }
}

QVariant PositionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::TextAlignmentRole:
        return displayformat::alignment(isNumberColumn(column));
    case Qt::FontRole:
        return isNumberColumn(column) ? QVariant(displayformat::numberFont()) : QVariant();
    case Qt::ForegroundRole:
        if (column == Realised)
            return displayformat::pnlBrush(row.position.realised().decimal());
        if (column == Unrealised)
            return displayformat::pnlBrush(unrealised(row).value_or(core::Money()).decimal());
        if (column == Net && !row.position.isFlat()) {
            return displayformat::sideBrush(row.position.net().isNegative()
                                                ? core::protocol::Side::Sell
                                                : core::protocol::Side::Buy);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Contract) {
            const core::Instrument *instrument = this->instrument(row.symbol);
            return instrument ? displayformat::description(*instrument) : QString();
        }
        if (column == Unrealised && !unrealised(row))
            return tr("No trade in this market yet to mark the position to");
        if (column == AveragePrice) {
            const std::optional<core::Price> average = row.position.averageOpenPrice();
            return average ? tr("Exactly %1").arg(displayformat::decimal(average->decimal()))
                           : QString();
        }
        return {};
    case SortRole:
        return sortKey(row, column);
    case ExportRole:
        return exportValue(row, column);
    default:
        return {};
    }
}

QHash<int, QByteArray> PositionsModel::roleNames() const
{
    QHash<int, QByteArray> roles = InstrumentTableModel::roleNames();
    roles.insert(SortRole, QByteArrayLiteral("sortKey"));
    return columnroles::with(roles,
                             { "contract", "net", "energy", "averagePrice", "mark", "unrealised",
                               "realised", "currency" });
}

QVariant PositionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(isNumberColumn(section));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Contract:
        return tr("Contract");
    case Net:
        return tr("Net");
    case Energy:
        return tr("Energy");
    case AveragePrice:
        return tr("Avg price");
    case Mark:
        return tr("Mark");
    case Unrealised:
        return tr("Unrealised");
    case Realised:
        return tr("Realised");
    case Currency:
        return tr("Currency");
    }
    return {};
}

QList<PositionsModel::Total> PositionsModel::totals() const
{
    QMap<QString, Total> byCurrency;
    for (const Row &row : m_rows) {
        const core::Instrument *instrument = this->instrument(row.symbol);
        if (!instrument)
            continue;
        Total &total = byCurrency[instrument->currency];
        total.currency = instrument->currency;
        total.realised = total.realised.plus(row.position.realised()).value_or(total.realised);
        if (const std::optional<core::Money> open = unrealised(row))
            total.unrealised = total.unrealised.plus(*open).value_or(total.unrealised);
        else
            total.unrealisedComplete = false;
    }
    return byCurrency.values();
}

QList<PositionsModel::MonthExposure> PositionsModel::byDeliveryMonth() const
{
    // Keyed by market and month start, so the map's order is the table's.
    QMap<std::pair<QString, QDate>, MonthExposure> months;
    for (const Row &row : m_rows) {
        const core::Instrument *instrument = this->instrument(row.symbol);
        if (!instrument || row.position.isFlat())
            continue;
        const core::Result<QList<core::MonthExposure>> exposure
            = core::exposureByMonth(*instrument, row.position.net());
        if (!exposure)
            continue;
        QString market = instrument->area;
        if (instrument->commodity == core::Commodity::Power)
            market += u' ' + core::toString(instrument->load);
        for (const core::MonthExposure &month : *exposure) {
            MonthExposure &entry = months[{ market, month.month.start }];
            if (entry.market.isEmpty()) {
                entry.market = market;
                entry.month = month.month;
                entry.hours = month.hours;
                entry.quantityUnit = displayformat::quantityUnit(*instrument);
                entry.energyUnit = core::energyUnit(instrument->unit);
            }
            entry.quantity = entry.quantity.plus(month.quantity).value_or(entry.quantity);
            entry.energy = entry.energy.plus(month.energy).value_or(entry.energy);
        }
    }
    return months.values();
}

DeliveryMonthsModel::DeliveryMonthsModel(PositionsModel *positions, QObject *parent)
    : QAbstractTableModel(parent)
    , m_positions(positions)
    , m_rows(positions->byDeliveryMonth())
{
    connect(positions, &PositionsModel::positionsChanged, this, [this] {
        beginResetModel();
        m_rows = m_positions->byDeliveryMonth();
        endResetModel();
    });
}

int DeliveryMonthsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryMonthsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryMonthsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    const PositionsModel::MonthExposure &row = m_rows.at(index.row());
    const bool number = index.column() >= Hours;
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(number);
    if (role == Qt::FontRole)
        return number ? QVariant(displayformat::numberFont()) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Market:
        return row.market;
    case Month:
        return QLocale().toString(row.month.start, u"MMM yyyy");
    case Hours:
        return row.hours > 0 ? displayformat::numberLocale().toString(row.hours) : QString();
    case Net:
        return QString(displayformat::decimal(row.quantity.decimal()) + u' ' + row.quantityUnit);
    case Energy:
        return QString(displayformat::decimal(row.energy.decimal()) + u' ' + row.energyUnit);
    }
    return {};
}

QHash<int, QByteArray> DeliveryMonthsModel::roleNames() const
{
    return columnroles::with(QAbstractTableModel::roleNames(),
                             { "market", "month", "hours", "net", "energy" });
}

QVariant DeliveryMonthsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(section >= Hours);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Market:
        return tr("Market");
    case Month:
        return tr("Delivery month");
    case Hours:
        return tr("Hours");
    case Net:
        return tr("Net");
    case Energy:
        return tr("Energy");
    }
    return {};
}

} // namespace qx::models
