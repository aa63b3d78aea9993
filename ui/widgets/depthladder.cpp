#include "ui/widgets/depthladder.h"

#include "ui/client/tradingservice.h"
#include "ui/widgets/depthmodel.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/markettable.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::widgets {

using core::protocol::Side;

DepthLadder::DepthLadder(client::TradingService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new DepthModel(service, this))
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
    m_view->setToolTip(tr("Click an offer to buy at its price, a bid to sell at it."));
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
    connect(service, &client::TradingService::tickerChanged, this, &DepthLadder::showTicker);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setSymbol(QString());
}

void DepthLadder::setSymbol(const QString &symbol)
{
    m_model->setSymbol(symbol);
    m_summary->setText(symbol.isEmpty() ? tr("No instrument") : symbol);
}

void DepthLadder::showTicker(const core::protocol::Ticker &ticker)
{
    if (ticker.symbol != m_model->symbol())
        return;
    const std::optional<core::Instrument> instrument = m_service->instrument(ticker.symbol);
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

QString DepthLadder::summaryText() const
{
    return m_summary->text();
}

} // namespace qx::widgets
