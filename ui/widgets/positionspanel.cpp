#include "ui/widgets/positionspanel.h"

#include "ui/models/displayformat.h"
#include "ui/models/positionsmodel.h"
#include "ui/widgets/markettable.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace qx::widgets {

namespace displayformat = models::displayformat;
using models::DeliveryMonthsModel;
using models::PositionsModel;

namespace {

QString signedMoney(core::Money money)
{
    return money.isNegative() || money.isZero() ? displayformat::money(money)
                                                : u'+' + displayformat::money(money);
}

} // namespace

PositionsPanel::PositionsPanel(client::MarketData *market, client::OrderEntry *orders,
                               QWidget *parent)
    : QWidget(parent)
    , m_model(new PositionsModel(market, orders, this))
    , m_positions(new QTableView(this))
    , m_months(new QTableView(this))
    , m_totals(new QLabel(this))
{
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    sorted->setSortRole(PositionsModel::SortRole);
    sorted->setDynamicSortFilter(true);
    m_positions->setObjectName(QStringLiteral("positionsView"));
    m_positions->setAccessibleName(tr("Positions"));
    m_positions->setModel(sorted);
    m_positions->setSortingEnabled(true);
    m_positions->sortByColumn(PositionsModel::Contract, Qt::AscendingOrder);
    setUpBlotterTable(m_positions);
    const QFontMetrics metrics = fontMetrics();
    m_positions->setColumnWidth(PositionsModel::Contract,
                                metrics.horizontalAdvance(QStringLiteral("DE.BASE.M.0000-00"))
                                    + 16);
    QHeaderView *header = m_positions->horizontalHeader();
    fitColumn(header, PositionsModel::Net, u"-00,000 MMBtu/d");
    fitColumn(header, PositionsModel::Energy, u"-000,000 MWh");
    for (const int column : { PositionsModel::AveragePrice, PositionsModel::Mark })
        fitColumn(header, column, u"00,000.0000");
    for (const int column : { PositionsModel::Unrealised, PositionsModel::Realised })
        fitColumn(header, column, u"-000,000.00");

    m_months->setObjectName(QStringLiteral("deliveryMonthsView"));
    m_months->setAccessibleName(tr("Net position by delivery month"));
    m_months->setModel(new DeliveryMonthsModel(m_model, this));
    setUpBlotterTable(m_months);

    m_totals->setObjectName(QStringLiteral("pnlTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setFont(displayformat::numberFont());
    connect(m_model, &PositionsModel::positionsChanged, this, &PositionsPanel::updateTotals);
    connect(m_model, &PositionsModel::marksChanged, this, &PositionsPanel::updateTotals);
    updateTotals();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    leftLayout->addWidget(m_positions, 1);
    leftLayout->addWidget(m_totals);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_months);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void PositionsPanel::updateTotals()
{
    QStringList parts;
    for (const PositionsModel::Total &total : m_model->totals()) {
        // An unrealised total missing a position's mark says so rather than look complete.
        parts.append(tr("%1  realised %2  unrealised %3%4")
                         .arg(total.currency, signedMoney(total.realised),
                              signedMoney(total.unrealised),
                              total.unrealisedComplete ? QString() : tr(" (some unmarked)")));
    }
    m_totals->setText(parts.isEmpty() ? tr("No positions") : parts.join(QStringLiteral("   |   ")));
}

QString PositionsPanel::totalsText() const
{
    return m_totals->text();
}

} // namespace qx::widgets
