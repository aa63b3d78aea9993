#pragma once

#include "core/protocol/messages.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace qx::models {
class InstrumentTableModel;
}

namespace qx::widgets {

/**
 * A blotter as the trader narrows it: rows whose text holds what they typed (symbol, ids,
 * status, any column, without case), of one side, still live (orders), from a day on.
 * Sorts like the proxies it replaces (on the source's SortRole). The source names its
 * columns: `time` and `side` (their SortRole and ExportRole), `numbers` (prices and
 * quantities), and `liveRole` if it has one.
 *
 * Typed text is looked for where it can be: words (a symbol, an id, "sell") in the columns
 * of words; a number (digits and separators only) there and in the numbers; a time ("14:05")
 * also in the time. So typing a symbol over 100,000 fills formats no price and no time.
 * A change of filter re-maps the rows in one layout change rather than announcing every run
 * of rows that leaves or comes back (which costs a view of 100,000 rows seconds).
 */
class BlotterFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    struct Columns
    {
        int time = 0;
        int side = 0;
        std::optional<int> liveRole;
        QList<int> numbers;
    };
    BlotterFilterModel(Columns columns, int sortRole, QObject *parent = nullptr);

    void setText(const QString &text);
    void setSide(std::optional<core::protocol::Side> side);
    void setLiveOnly(bool liveOnly);
    /// Only rows from the start of `day` (local time) on; an invalid date: any day.
    void setSince(const QDate &day);

    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Columns m_columns;
    /// The source as a blotter model, which searches its rows cheaply; else null.
    const models::InstrumentTableModel *m_table = nullptr;
    QString m_text;
    bool m_textIsNumber = false; ///< look in the numbers too
    bool m_textIsTime = false; ///< and in the time
    std::optional<core::protocol::Side> m_side;
    bool m_liveOnly = false;
    qint64 m_sinceMs = 0;
};

/**
 * The controls above a blotter that drive its BlotterFilterModel: a search field, the side,
 * the period (any time, today, the last seven days) and, for orders, "live only". Every
 * change applies at once.
 */
class BlotterFilterBar : public QWidget
{
    Q_OBJECT

public:
    BlotterFilterBar(BlotterFilterModel *filter, bool withLiveOnly, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *sideBox() const { return m_side; }
    QComboBox *periodBox() const { return m_period; }
    QCheckBox *liveOnlyBox() const { return m_liveOnly; } ///< nullptr without one

private:
    void applyPeriod();

    BlotterFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_side;
    QComboBox *m_period;
    QCheckBox *m_liveOnly = nullptr;
};

} // namespace qx::widgets
