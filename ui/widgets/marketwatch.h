#pragma once

#include "core/protocol/messages.h"

#include <QSortFilterProxyModel>
#include <QWidget>

class QAction;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace qx::client {
class MarketData;
}

namespace qx::models {
class MarketWatchModel;
}

namespace qx::widgets {

/**
 * Narrows the market watch to contracts whose period, symbol or group title holds a text, and
 * optionally to the favourites; a group shows while any of its contracts does.
 */
class MarketWatchFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit MarketWatchFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    void setFavouritesOnly(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_favouritesOnly = false;
};

/**
 * The market watch dock: the curve board (MarketWatchModel) under a filter field and a
 * "Favourites" toggle. Selecting a contract (mouse or keyboard) picks it for the ticket and
 * every market dock (instrumentChosen); a double-click on a bid sells there and on an ask
 * buys there (priceChosen). Ctrl+D or the context menu marks a contract as a favourite; the
 * favourites are kept in QSettings. Intraday groups start folded.
 *
 * GUI thread only.
 */
class MarketWatch : public QWidget
{
    Q_OBJECT

public:
    explicit MarketWatch(client::MarketData *market, QWidget *parent = nullptr);

    models::MarketWatchModel *model() const { return m_model; }
    MarketWatchFilter *filter() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    QAction *favouriteAction() const { return m_favouriteAction; }
    /// Selects `symbol`'s row (without announcing it back).
    void setCurrentSymbol(const QString &symbol);
    QString currentSymbol() const;
    /// Wide enough for every column.
    QSize sizeHint() const override;

Q_SIGNALS:
    void instrumentChosen(const QString &symbol);
    void priceChosen(const QString &symbol, core::protocol::Side side, const QString &price);

private:
    /// Spans group titles over the row and unfolds every group but the intraday ones.
    void layOutGroups();
    void toggleFavourite();

    models::MarketWatchModel *m_model;
    MarketWatchFilter *m_filter;
    QLineEdit *m_filterEdit;
    QToolButton *m_favouritesOnly;
    QTreeView *m_view;
    QAction *m_favouriteAction;
    QString m_current;
};

} // namespace qx::widgets
