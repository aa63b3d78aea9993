#pragma once

#include "core/instrument.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace qx::client {
class MarketData;
class OrderEntry;
class Session;
} // namespace qx::client

namespace qx::widgets {

/**
 * Order entry: instrument, side, type (limit, market, stop, stop-limit, iceberg), time in
 * force, quantity and the prices the type needs, with the notional previewed exactly and
 * the server's answer (accepted, or the rejection reason in red) shown under the ticket.
 * Keys: F1 buy, F2 sell (anywhere in the window), Enter send, Esc clear (inside the ticket).
 * Input is only checked for being a decimal number: the server is the one authority on the
 * price and quantity grid, and its message is shown as it is.
 *
 * GUI thread only.
 */
class OrderTicket : public QWidget
{
    Q_OBJECT

public:
    OrderTicket(client::Session *session, client::OrderEntry *orders, client::MarketData *market,
                QWidget *parent = nullptr);

    void setSide(core::protocol::Side side);
    core::protocol::Side side() const { return m_side; }
    /// Selects an instrument by symbol; false if the service does not list it.
    bool selectInstrument(const QString &symbol);
    /// The symbol of the instrument selected, or empty.
    QString currentSymbol() const;
    /// What to select when the list (re)loads with nothing selected yet: the instrument the
    /// trader last had (kept by the window between runs). Without one, or when it is no
    /// longer listed, the front month of the first product on the board.
    void setPreferredSymbol(const QString &symbol);
    /// Takes a price from the market (a click on the depth ladder): side and price set, the
    /// quantity left as it was and focused.
    void prefill(core::protocol::Side side, const QString &price);
    /// Sends the order as entered, if it is complete.
    void send();
    /// Empties quantity, price and the last answer.
    void clear();

    /// The order the fields describe, or why there is none. Its client order id is left
    /// empty: send() gives each order sent a fresh one (its idempotency key).
    core::Result<core::protocol::NewOrder> order() const;

Q_SIGNALS:
    /// Another instrument is selected (by the user, or because the list changed).
    void instrumentChanged(const QString &symbol);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The desk's colours on the side buttons, the answer and marked fields, for the palette
    /// in use (again when the theme changes).
    void applyTones();
    void reloadInstruments();
    void announceInstrument();
    void updatePreview();
    void updateSendEnabled();
    /// The type's fields shown (price, stop price, clip) and its times in force offered.
    void updateType();
    enum class Kind { Limit, Market, Stop, StopLimit, Iceberg };
    Kind kind() const;
    void showFeedback(const QString &text, bool isError);
    /// The field a rejection of the server is about (quantity, price, stop price), if any.
    QLineEdit *fieldOf(const core::Error &error) const;
    /// Marks that field in red with the reason, until the trader edits it.
    void markField(const core::Error &error);
    std::optional<core::Instrument> currentInstrument() const;

    client::Session *m_session;
    client::OrderEntry *m_orders;
    client::MarketData *m_market;
    core::protocol::Side m_side = core::protocol::Side::Buy;
    QString m_pendingClientOrderId;
    QString m_announcedSymbol;
    QString m_preferredSymbol;

    QComboBox *m_instrumentCombo;
    QPushButton *m_buyButton;
    QPushButton *m_sellButton;
    QLineEdit *m_quantityEdit;
    QLabel *m_quantityUnitLabel;
    QLineEdit *m_priceEdit;
    QLabel *m_priceUnitLabel;
    QComboBox *m_typeCombo;
    QComboBox *m_timeInForceCombo;
    QLineEdit *m_stopEdit;
    QLineEdit *m_displayEdit;
    QDateTimeEdit *m_expiryEdit; ///< good till date: when it expires (local time)
    QFormLayout *m_form = nullptr;
    int m_priceRow = 0; ///< rows of m_form that only some order types have
    int m_stopRow = 0;
    int m_shownRow = 0;
    int m_expiryRow = 0;
    QLabel *m_notionalLabel;
    QLabel *m_contractLabel; ///< the energy delivered over the period, and what it is worth
    QPushButton *m_sendButton;
    QLabel *m_feedbackLabel;
    bool m_feedbackIsError = false;
};

} // namespace qx::widgets
