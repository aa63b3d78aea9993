#include "ui/widgets/depthladder.h"

#include "ui/client/tradingservice.h"
#include "ui/models/depthmodel.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/markettable.h"

#include <QApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::widgets {

namespace displayformat = models::displayformat;
using models::DepthModel;

using core::protocol::Side;

DepthLadder::DepthLadder(client::MarketData *market, client::OrderEntry *orders, QWidget *parent)
    : QWidget(parent)
    , m_market(market)
    , m_orders(orders)
    , m_model(new DepthModel(market, orders, this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
{
    m_summary->setObjectName(QStringLiteral("depthSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Last trade and volume"));

    m_view->setObjectName(QStringLiteral("depthView"));
    m_view->setAccessibleName(tr("Depth"));
    setUpMarketTable(m_view, m_model, u"00,000.00");
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setToolTip(tr("Click an offer to buy at its price, a bid to sell at it. Drag your "
                          "own quantity to another price to move those orders there."));
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const auto resting = Side(index.data(DepthModel::SideRole).toInt());
        // Trading against the level: lifting an offer is a buy, hitting a bid a sell.
        Q_EMIT priceChosen(resting == Side::Sell ? Side::Buy : Side::Sell,
                           index.data(DepthModel::PriceRole).toString());
    });
    // Keep the touch in view as levels come and go.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (const int best = m_model->bestBidRow(); best >= 0)
            m_view->scrollTo(m_model->index(best, DepthModel::Price),
                             QAbstractItemView::PositionAtCenter);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setSymbol(QString());
}

DepthLadder::~DepthLadder() = default;

void DepthLadder::setSymbol(const QString &symbol)
{
    if (symbol != m_model->symbol() || !m_ticker) {
        m_ticker.reset();
        if (!symbol.isEmpty()) {
            m_ticker = m_market->subscribe(symbol, client::MarketSubscription::Stream::Ticker);
            connect(m_ticker.get(), &client::MarketSubscription::tickerChanged, this,
                    &DepthLadder::showTicker);
        }
    }
    m_model->setSymbol(symbol);
    m_summary->setText(symbol.isEmpty() ? tr("No instrument") : symbol);
}

void DepthLadder::showTicker(const core::protocol::Ticker &ticker)
{
    if (ticker.symbol != m_model->symbol())
        return;
    const std::optional<core::Instrument> instrument = m_market->instrument(ticker.symbol);
    const core::Instrument *known = instrument ? &*instrument : nullptr;
    const QString unit = known ? displayformat::quantityUnit(*known) : QString();
    QStringList parts { ticker.symbol };
    if (ticker.last) {
        parts.append(tr("Last %1 × %2 %3")
                         .arg(displayformat::price(*ticker.last, known),
                              displayformat::quantity(ticker.lastQuantity, known), unit));
    } else {
        parts.append(tr("No trade yet"));
    }
    parts.append(tr("Volume %1 %2").arg(displayformat::quantity(ticker.volume, known), unit));
    if (ticker.bid && ticker.ask) {
        const core::Price spread(ticker.ask->price.decimal()
                                     .minus(ticker.bid->price.decimal())
                                     .value_or(core::Decimal()));
        parts.append(tr("Spread %1").arg(displayformat::price(spread, known)));
    }
    m_summary->setText(parts.join(QStringLiteral("   ")));
}

bool DepthLadder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    const auto position = [event] {
        return static_cast<QMouseEvent *>(event)->position().toPoint();
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        m_drag.reset();
        if (static_cast<QMouseEvent *>(event)->button() != Qt::LeftButton)
            break;
        const QModelIndex index = m_view->indexAt(position());
        const bool own = index.column() == DepthModel::MyBid || index.column() == DepthModel::MyAsk;
        if (own && !index.data().toString().isEmpty()) {
            m_drag = Drag { index.column() == DepthModel::MyBid ? Side::Buy : Side::Sell,
                            index.data(DepthModel::PriceRole).toString(), position(), false };
        }
        break;
    }
    case QEvent::MouseMove:
        if (m_drag && !m_drag->moving
            && (position() - m_drag->start).manhattanLength()
                >= QApplication::startDragDistance()) {
            m_drag->moving = true;
            m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        }
        break;
    case QEvent::MouseButtonRelease: {
        if (!m_drag || !m_drag->moving) {
            m_drag.reset();
            break;
        }
        const Drag drag = *std::exchange(m_drag, std::nullopt);
        m_view->viewport()->unsetCursor();
        const QString target = m_view->indexAt(position()).data(DepthModel::PriceRole).toString();
        if (!target.isEmpty() && target != drag.price) {
            if (const int moved = moveOwnOrders(drag.side, drag.price, target); moved > 0)
                Q_EMIT ordersMoved(moved, target);
        }
        return true; // a drag, not a click on the level it ended on
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

int DepthLadder::moveOwnOrders(Side side, const QString &from, const QString &to)
{
    const core::Result<core::Price> source = core::Price::parse(from);
    const core::Result<core::Price> target = core::Price::parse(to);
    if (!source || !target)
        return 0;
    core::protocol::OrderModify change;
    change.price = *target;
    int moved = 0;
    for (const core::protocol::Order &order : m_orders->orders()) {
        if (order.symbol == m_model->symbol() && order.side == side
            && core::protocol::isLive(order.status) && core::protocol::hasLimitPrice(order.type)
            && order.price == *source) {
            m_orders->modifyOrder(order.id, change);
            ++moved;
        }
    }
    return moved;
}

QString DepthLadder::summaryText() const
{
    return m_summary->text();
}

} // namespace qx::widgets
