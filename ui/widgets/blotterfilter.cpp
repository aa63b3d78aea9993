#include "ui/widgets/blotterfilter.h"

#include "ui/models/instrumenttablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLineEdit>

#include <algorithm>

namespace qx::widgets {

using models::InstrumentTableModel;

BlotterFilterModel::BlotterFilterModel(Columns columns, int sortRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_columns(columns)
{
    setSortRole(sortRole);
    setDynamicSortFilter(true);
}

void BlotterFilterModel::setSourceModel(QAbstractItemModel *source)
{
    m_table = qobject_cast<const InstrumentTableModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

void BlotterFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    m_textIsNumber = !m_text.isEmpty() && std::all_of(m_text.cbegin(), m_text.cend(), [](QChar c) {
        return c.isDigit() || c.isPunct() || c.isSpace();
    });
    m_textIsTime = m_textIsNumber && m_text.contains(u':');
    invalidate();
}

void BlotterFilterModel::setSide(std::optional<core::protocol::Side> side)
{
    m_side = side;
    invalidate();
}

void BlotterFilterModel::setLiveOnly(bool liveOnly)
{
    m_liveOnly = liveOnly;
    invalidate();
}

void BlotterFilterModel::setSince(const QDate &day)
{
    m_sinceMs = day.isValid() ? day.startOfDay().toMSecsSinceEpoch() : 0;
    invalidate();
}

bool BlotterFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const auto cell = [&](int column) {
        return source->index(sourceRow, column, sourceParent);
    };
    if (m_side
        && cell(m_columns.side).data(InstrumentTableModel::ExportRole).toString()
            != core::protocol::toString(*m_side))
        return false;
    if (m_liveOnly && m_columns.liveRole
        && !cell(m_columns.time).data(*m_columns.liveRole).toBool())
        return false;
    if (m_sinceMs > 0 && cell(m_columns.time).data(sortRole()).toLongLong() < m_sinceMs)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < source->columnCount(sourceParent); ++column) {
        if (column == m_columns.time ? !m_textIsTime
                                     : !m_textIsNumber && m_columns.numbers.contains(column))
            continue;
        if (m_table ? m_table->cellContains(sourceRow, column, m_text)
                    : cell(column).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

BlotterFilterBar::BlotterFilterBar(BlotterFilterModel *filter, bool withLiveOnly, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_search(new QLineEdit(this))
    , m_side(new QComboBox(this))
    , m_period(new QComboBox(this))
{
    m_search->setPlaceholderText(tr("Filter: symbol, id, status…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter"));
    m_side->addItem(tr("Both sides"));
    m_side->addItem(tr("Buy"));
    m_side->addItem(tr("Sell"));
    m_side->setAccessibleName(tr("Side"));
    m_period->addItem(tr("Any time"));
    m_period->addItem(tr("Today"));
    m_period->addItem(tr("Last 7 days"));
    m_period->setAccessibleName(tr("Period"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_side);
    layout->addWidget(m_period);
    if (withLiveOnly) {
        m_liveOnly = new QCheckBox(tr("&Live only"), this);
        layout->addWidget(m_liveOnly);
        connect(m_liveOnly, &QCheckBox::toggled, m_filter, &BlotterFilterModel::setLiveOnly);
    }
    connect(m_search, &QLineEdit::textChanged, m_filter, &BlotterFilterModel::setText);
    connect(m_side, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setSide(index == 1       ? std::optional(core::protocol::Side::Buy)
                              : index == 2 ? std::optional(core::protocol::Side::Sell)
                                           : std::nullopt);
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &BlotterFilterBar::applyPeriod);
}

void BlotterFilterBar::applyPeriod()
{
    const QDate today = QDate::currentDate();
    switch (m_period->currentIndex()) {
    case 1:
        return m_filter->setSince(today);
    case 2:
        return m_filter->setSince(today.addDays(-6));
    default:
        return m_filter->setSince({});
    }
}

} // namespace qx::widgets
