#include "ui/models/marketwatchmodel.h"

#include "core/productcatalog.h"
#include "ui/client/tradingservice.h"
#include "ui/models/columnroles.h"
#include "ui/models/displayformat.h"

#include <QColor>
#include <QDateTime>

#include <algorithm>

namespace qx::models {

using core::protocol::Ticker;

namespace {

quint64 packed(int group, int row)
{
    return quint64(quint32(group)) << 32 | quint32(row);
}

std::pair<int, int> unpacked(quint64 key)
{
    return { int(key >> 32), int(key & 0xffffffffu) };
}

// The prices that flash, in flash-slot order: bid, ask, last.
std::array<std::optional<core::Price>, 3> flashPrices(const std::optional<Ticker> &ticker)
{
    if (!ticker)
        return {};
    return { ticker->bid ? std::optional(ticker->bid->price) : std::nullopt,
             ticker->ask ? std::optional(ticker->ask->price) : std::nullopt, ticker->last };
}

} // namespace

MarketWatchModel::MarketWatchModel(client::MarketData *market, QObject *parent)
    : QAbstractItemModel(parent)
    , m_market(market)
{
    m_clock.start();
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &MarketWatchModel::flush);
    connect(&m_expiryTimer, &QTimer::timeout, this, &MarketWatchModel::dropExpired);
    m_expiryTimer.start(kExpiryCheckMs);
    connect(market, &client::MarketData::instrumentsChanged, this, &MarketWatchModel::rebuild);
    rebuild();
}

MarketWatchModel::~MarketWatchModel() = default;

void MarketWatchModel::rebuild()
{
    QHash<QString, std::optional<Ticker>> known;
    for (const Group &group : std::as_const(m_groups)) {
        for (const Row &row : group.rows)
            known.insert(row.instrument.symbol, row.ticker);
    }
    QList<core::Instrument> listed = m_market->instruments();
    const QDateTime now = m_market->clock().nowUtc();
    listed.removeIf([&now](const core::Instrument &i) { return i.isExpired(now); });
    std::stable_sort(listed.begin(), listed.end(), core::boardOrderLess);

    beginResetModel();
    m_groups.clear();
    m_positions.clear();
    m_dirty.clear();
    m_flashing.clear();
    QHash<QString, int> groupOf; // product and delivery kind → group
    for (const core::Instrument &instrument : std::as_const(listed)) {
        const core::Result<core::SymbolParts> parts = core::parseSymbol(instrument.symbol);
        const QString product = parts ? parts->product : instrument.symbol;
        const QString key = product + u'|' + core::toString(instrument.delivery.kind);
        auto group = groupOf.constFind(key);
        if (group == groupOf.cend()) {
            m_groups.append(Group { displayformat::productName(instrument) + QStringLiteral(" · ")
                                        + displayformat::periodKindPlural(instrument.delivery.kind),
                                    instrument.delivery.isIntraday(),
                                    {} });
            group = groupOf.insert(key, int(m_groups.size()) - 1);
        }
        QList<Row> &rows = m_groups[*group].rows;
        m_positions.insert(instrument.symbol, { *group, int(rows.size()) });
        rows.append(Row { instrument,
                          displayformat::periodLabel(instrument.delivery),
                          known.value(instrument.symbol),
                          {},
                          {} });
    }
    endResetModel();
    // A ticker handle per row.
    const QList<QString> onBoard = m_positions.keys();
    m_tickers.follow(*m_market, QSet<QString>(onBoard.cbegin(), onBoard.cend()), this,
                     &MarketWatchModel::applyTicker);
}

void MarketWatchModel::dropExpired()
{
    const QDateTime now = m_market->clock().nowUtc();
    for (const Group &group : std::as_const(m_groups)) {
        for (const Row &row : group.rows) {
            if (row.instrument.isExpired(now))
                return rebuild();
        }
    }
}

QModelIndex MarketWatchModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kGroupId) : QModelIndex();
    if (parent.internalId() != kGroupId || parent.row() >= m_groups.size()
        || row >= m_groups[parent.row()].rows.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex MarketWatchModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId()), 0, kGroupId);
}

int MarketWatchModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroupId && parent.column() == 0)
        return int(m_groups[parent.row()].rows.size());
    return 0;
}

int MarketWatchModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MarketWatchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (const auto text = columnroles::columnData(index, role, ColumnCount))
        return *text;
    if (index.internalId() == kGroupId) {
        const Group &group = m_groups[index.row()];
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == Contract ? group.title : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case IntradayGroupRole:
            return group.intraday;
        case SymbolRole:
            return QString();
        default:
            return {};
        }
    }
    return instrumentData(m_groups[int(index.internalId())].rows[index.row()], index.column(),
                          role);
}

int MarketWatchModel::flashSlot(int column)
{
    switch (column) {
    case Bid:
        return 0;
    case Ask:
        return 1;
    case Last:
        return 2;
    default:
        return -1;
    }
}

QVariant MarketWatchModel::instrumentData(const Row &row, int column, int role) const
{
    const core::Instrument &instrument = row.instrument;
    const std::optional<Ticker> &ticker = row.ticker;
    const int slot = flashSlot(column);
    const int flash
        = slot >= 0 && m_clock.elapsed() < row.flashUntil[slot] ? row.flashDirection[slot] : 0;
    // Today's change from the previous close, when both are known.
    std::optional<core::Decimal> change;
    if (ticker && ticker->last && ticker->previousClose) {
        if (const auto difference
            = ticker->last->decimal().minus(ticker->previousClose->decimal())) {
            change = *difference;
        }
    }
    switch (role) {
    case SymbolRole:
        return instrument.symbol;
    case FavouriteRole:
        return m_favourites.contains(instrument.symbol);
    case FlashRole:
        return flash;
    case Qt::ToolTipRole:
        return QString(displayformat::description(instrument) + u'\n' + instrument.symbol);
    case Qt::TextAlignmentRole:
        return displayformat::alignment(column != Contract);
    case Qt::FontRole:
        return column == Contract ? QVariant() : QVariant(displayformat::numberFont());
    case Qt::BackgroundRole:
        if (flash > 0)
            return QBrush(QColor(46, 160, 67, 120));
        if (flash < 0)
            return QBrush(QColor(218, 54, 51, 120));
        return {};
    case Qt::ForegroundRole:
        if (column == Bid || column == BidQuantity)
            return displayformat::sideBrush(core::protocol::Side::Buy);
        if (column == Ask || column == AskQuantity)
            return displayformat::sideBrush(core::protocol::Side::Sell);
        if (column == Change && change && !change->isZero())
            return displayformat::pnlBrush(*change);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto price = [&instrument](const core::Price &value) {
        return displayformat::price(value, &instrument);
    };
    const auto quantity = [&instrument](const core::Quantity &value) {
        return displayformat::quantity(value, &instrument);
    };
    switch (column) {
    case Contract:
        return m_favourites.contains(instrument.symbol) ? QStringLiteral("★ ") + row.label
                                                        : row.label;
    case BidQuantity:
        return ticker && ticker->bid ? quantity(ticker->bid->quantity) : QString();
    case Bid:
        return ticker && ticker->bid ? price(ticker->bid->price) : QString();
    case Ask:
        return ticker && ticker->ask ? price(ticker->ask->price) : QString();
    case AskQuantity:
        return ticker && ticker->ask ? quantity(ticker->ask->quantity) : QString();
    case Last:
        return ticker && ticker->last ? price(*ticker->last) : QString();
    case Change:
        if (!change)
            return QString();
        // Signed, with the tick's decimals: "+0.25", "−1.10".
        return QString((change->isNegative() || change->isZero() ? QString() : QStringLiteral("+"))
                       + price(core::Price(*change)));
    case Volume:
        return ticker && !ticker->volume.isZero() ? quantity(ticker->volume) : QString();
    default:
        return {};
    }
}

QVariant MarketWatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return displayformat::alignment(section != Contract);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Contract:
        return tr("Contract");
    case BidQuantity:
        return tr("Bid size");
    case Bid:
        return tr("Bid");
    case Ask:
        return tr("Ask");
    case AskQuantity:
        return tr("Ask size");
    case Last:
        return tr("Last");
    case Change:
        return tr("Change");
    case Volume:
        return tr("Volume");
    default:
        return {};
    }
}

QHash<int, QByteArray> MarketWatchModel::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractItemModel::roleNames();
    roles.insert(SymbolRole, QByteArrayLiteral("symbol"));
    roles.insert(FavouriteRole, QByteArrayLiteral("favourite"));
    roles.insert(FlashRole, QByteArrayLiteral("flash"));
    roles.insert(IntradayGroupRole, QByteArrayLiteral("intradayGroup"));
    return columnroles::with(
        roles,
        { "contract", "bidQuantity", "bid", "ask", "askQuantity", "last", "change", "volume" });
}

QModelIndex MarketWatchModel::indexOf(const QString &symbol) const
{
    const auto found = m_positions.constFind(symbol);
    if (found == m_positions.cend())
        return {};
    return createIndex(found->second, 0, quintptr(found->first));
}

std::optional<Ticker> MarketWatchModel::ticker(const QString &symbol) const
{
    const auto found = m_positions.constFind(symbol);
    if (found == m_positions.cend())
        return std::nullopt;
    return m_groups[found->first].rows[found->second].ticker;
}

QStringList MarketWatchModel::favourites() const
{
    QStringList symbols(m_favourites.cbegin(), m_favourites.cend());
    symbols.sort();
    return symbols;
}

void MarketWatchModel::setFavourites(const QStringList &symbols)
{
    const QSet<QString> before = m_favourites;
    m_favourites = QSet<QString>(symbols.cbegin(), symbols.cend());
    if (before == m_favourites)
        return;
    for (const QString &symbol : before + m_favourites) {
        if (const auto found = m_positions.constFind(symbol); found != m_positions.cend())
            markDirty(found->first, found->second);
    }
    Q_EMIT favouritesChanged();
}

void MarketWatchModel::setFavourite(const QString &symbol, bool favourite)
{
    QStringList symbols = favourites();
    if (favourite == symbols.contains(symbol))
        return;
    if (favourite)
        symbols.append(symbol);
    else
        symbols.removeOne(symbol);
    setFavourites(symbols);
}

void MarketWatchModel::applyTicker(const Ticker &ticker)
{
    const auto found = m_positions.constFind(ticker.symbol);
    if (found == m_positions.cend())
        return;
    Row &row = m_groups[found->first].rows[found->second];
    const auto before = flashPrices(row.ticker);
    const auto after = flashPrices(ticker);
    const qint64 now = m_clock.elapsed();
    bool flashed = false;
    for (std::size_t slot = 0; slot < after.size(); ++slot) {
        if (!before[slot] || !after[slot] || *before[slot] == *after[slot])
            continue; // a price appearing or going is no move
        row.flashDirection[slot] = *after[slot] > *before[slot] ? 1 : -1;
        row.flashUntil[slot] = now + kFlashMs;
        flashed = true;
    }
    row.ticker = ticker;
    if (flashed)
        m_flashing.insert(packed(found->first, found->second));
    markDirty(found->first, found->second);
}

void MarketWatchModel::markDirty(int group, int row)
{
    m_dirty.insert(packed(group, row));
    if (!m_frameTimer.isActive())
        m_frameTimer.start(kFrameMs);
}

void MarketWatchModel::flush()
{
    const qint64 now = m_clock.elapsed();
    // Flashes over by now are painted out with this frame.
    qint64 nextExpiry = -1;
    for (auto it = m_flashing.begin(); it != m_flashing.end();) {
        const auto [group, row] = unpacked(*it);
        const auto &until = m_groups[group].rows[row].flashUntil;
        const qint64 last = *std::max_element(until.cbegin(), until.cend());
        if (last <= now) {
            m_dirty.insert(*it);
            it = m_flashing.erase(it);
        } else {
            nextExpiry = nextExpiry < 0 ? last : std::min(nextExpiry, last);
            ++it;
        }
    }
    const QSet<quint64> dirty = std::exchange(m_dirty, {});
    for (const quint64 key : dirty) {
        const auto [group, row] = unpacked(key);
        const QModelIndex parent = createIndex(group, 0, kGroupId);
        Q_EMIT dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
    }
    if (nextExpiry >= 0 && !m_frameTimer.isActive())
        m_frameTimer.start(int(std::max<qint64>(kFrameMs, nextExpiry - now)));
}

} // namespace qx::models
