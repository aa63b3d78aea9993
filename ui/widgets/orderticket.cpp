#include "ui/widgets/orderticket.h"

#include "core/delivery.h"

#include "ui/client/tradingservice.h"
#include "ui/models/displayformat.h"
#include "ui/models/ordersmodel.h"
#include "ui/widgets/theme.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace qx::widgets {

namespace displayformat = models::displayformat;
using models::OrdersModel;

using core::protocol::Side;

namespace {

constexpr auto kSideStyle = u"QPushButton:checked { background-color: %1; color: white; "
                            u"font-weight: bold; border: 1px solid %1; padding: 4px; }";

} // namespace

OrderTicket::OrderTicket(client::Session *session, client::OrderEntry *orders,
                         client::MarketData *market, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_orders(orders)
    , m_market(market)
    , m_instrumentCombo(new QComboBox(this))
    , m_buyButton(new QPushButton(tr("Buy (F1)"), this))
    , m_sellButton(new QPushButton(tr("Sell (F2)"), this))
    , m_quantityEdit(new QLineEdit(this))
    , m_quantityUnitLabel(new QLabel(this))
    , m_priceEdit(new QLineEdit(this))
    , m_priceUnitLabel(new QLabel(this))
    , m_typeCombo(new QComboBox(this))
    , m_timeInForceCombo(new QComboBox(this))
    , m_stopEdit(new QLineEdit(this))
    , m_displayEdit(new QLineEdit(this))
    , m_expiryEdit(new QDateTimeEdit(this))
    , m_notionalLabel(new QLabel(this))
    , m_contractLabel(new QLabel(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_feedbackLabel(new QLabel(this))
{
    m_instrumentCombo->setObjectName(QStringLiteral("instrumentCombo"));
    m_instrumentCombo->setAccessibleName(tr("Instrument"));
    m_instrumentCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_instrumentCombo->setMinimumContentsLength(34);

    m_buyButton->setObjectName(QStringLiteral("buyButton"));
    m_buyButton->setAccessibleName(tr("Buy"));
    m_buyButton->setCheckable(true);
    m_sellButton->setObjectName(QStringLiteral("sellButton"));
    m_sellButton->setAccessibleName(tr("Sell"));
    m_sellButton->setCheckable(true);
    auto *sides = new QButtonGroup(this);
    sides->addButton(m_buyButton);
    sides->addButton(m_sellButton);
    m_buyButton->setChecked(true);
    applyTones();

    m_quantityEdit->setObjectName(QStringLiteral("quantityEdit"));
    m_quantityEdit->setAccessibleName(tr("Quantity"));
    m_quantityEdit->setPlaceholderText(tr("e.g. 25"));
    m_quantityEdit->setAlignment(Qt::AlignRight);
    m_priceEdit->setObjectName(QStringLiteral("priceEdit"));
    m_priceEdit->setAccessibleName(tr("Limit price"));
    m_priceEdit->setPlaceholderText(tr("e.g. 42.50"));
    m_priceEdit->setAlignment(Qt::AlignRight);
    m_typeCombo->setObjectName(QStringLiteral("typeCombo"));
    m_typeCombo->setAccessibleName(tr("Order type"));
    m_typeCombo->addItem(tr("Limit"), int(Kind::Limit));
    m_typeCombo->addItem(tr("Market"), int(Kind::Market));
    m_typeCombo->addItem(tr("Stop"), int(Kind::Stop));
    m_typeCombo->addItem(tr("Stop limit"), int(Kind::StopLimit));
    m_typeCombo->addItem(tr("Iceberg"), int(Kind::Iceberg));
    m_timeInForceCombo->setObjectName(QStringLiteral("timeInForceCombo"));
    m_timeInForceCombo->setAccessibleName(tr("Time in force"));
    m_stopEdit->setObjectName(QStringLiteral("stopEdit"));
    m_stopEdit->setAccessibleName(tr("Stop price"));
    m_stopEdit->setPlaceholderText(tr("triggers at"));
    m_stopEdit->setAlignment(Qt::AlignRight);
    m_displayEdit->setObjectName(QStringLiteral("displayEdit"));
    m_displayEdit->setAccessibleName(tr("Shown quantity"));
    m_displayEdit->setPlaceholderText(tr("shown at a time"));
    m_displayEdit->setAlignment(Qt::AlignRight);
    m_expiryEdit->setObjectName(QStringLiteral("expiryEdit"));
    m_expiryEdit->setAccessibleName(tr("Expires at"));
    m_expiryEdit->setCalendarPopup(true);
    m_expiryEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // Good till tomorrow evening, to start with.
    m_expiryEdit->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(18, 0)));
    m_quantityUnitLabel->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("USD/MMBtu")));
    m_priceUnitLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("USD/MMBtu")));

    m_notionalLabel->setObjectName(QStringLiteral("notionalLabel"));
    m_notionalLabel->setAccessibleName(tr("Notional"));
    m_notionalLabel->setWordWrap(true);
    m_notionalLabel->setTextFormat(Qt::PlainText);
    m_notionalLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contractLabel->setObjectName(QStringLiteral("contractLabel"));
    m_contractLabel->setAccessibleName(tr("Contract value"));
    m_contractLabel->setWordWrap(true);
    m_contractLabel->setTextFormat(Qt::PlainText);
    m_contractLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send order"));
    m_sendButton->setToolTip(tr("Send the order (Enter)"));
    m_sendButton->setDefault(true);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("clearButton"));
    clearButton->setAccessibleName(tr("Clear the ticket"));
    clearButton->setToolTip(tr("Clear quantity and price (Esc)"));

    m_feedbackLabel->setObjectName(QStringLiteral("feedbackLabel"));
    m_feedbackLabel->setAccessibleName(tr("Order feedback"));
    m_feedbackLabel->setWordWrap(true);
    // The server's message is shown as sent, never interpreted as markup.
    m_feedbackLabel->setTextFormat(Qt::PlainText);
    m_feedbackLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *sideRow = new QHBoxLayout;
    sideRow->addWidget(m_buyButton);
    sideRow->addWidget(m_sellButton);
    auto *quantityRow = new QHBoxLayout;
    quantityRow->addWidget(m_quantityEdit, 1);
    quantityRow->addWidget(m_quantityUnitLabel);
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(m_priceEdit, 1);
    priceRow->addWidget(m_priceUnitLabel);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(clearButton);
    buttonRow->addWidget(m_sendButton);

    // Labels of rows whose field is a layout need their buddy set by hand for the mnemonic.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *result = new QLabel(text, this);
        result->setBuddy(buddy);
        return result;
    };
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(label(tr("&Instrument"), m_instrumentCombo), m_instrumentCombo);
    form->addRow(tr("Side"), sideRow);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_typeCombo, 1);
    typeRow->addWidget(m_timeInForceCombo);
    form->addRow(label(tr("&Type"), m_typeCombo), typeRow);
    form->addRow(label(tr("&Quantity"), m_quantityEdit), quantityRow);
    form->addRow(label(tr("S&hown"), m_displayEdit), m_displayEdit);
    m_shownRow = form->rowCount() - 1;
    form->addRow(label(tr("&Price"), m_priceEdit), priceRow);
    m_priceRow = form->rowCount() - 1;
    form->addRow(label(tr("S&top"), m_stopEdit), m_stopEdit);
    m_stopRow = form->rowCount() - 1;
    form->addRow(label(tr("E&xpires"), m_expiryEdit), m_expiryEdit);
    m_expiryRow = form->rowCount() - 1;
    form->addRow(tr("Notional"), m_notionalLabel);
    form->addRow(tr("Contract"), m_contractLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    layout->addWidget(m_feedbackLabel);
    layout->addStretch(1);

    connect(m_buyButton, &QPushButton::clicked, this, [this] { setSide(Side::Buy); });
    connect(m_sellButton, &QPushButton::clicked, this, [this] { setSide(Side::Sell); });
    connect(m_instrumentCombo, &QComboBox::currentIndexChanged, this, &OrderTicket::updatePreview);
    connect(m_instrumentCombo, &QComboBox::currentIndexChanged, this,
            &OrderTicket::announceInstrument);
    connect(m_quantityEdit, &QLineEdit::textChanged, this, &OrderTicket::updatePreview);
    connect(m_priceEdit, &QLineEdit::textChanged, this, &OrderTicket::updatePreview);
    connect(m_stopEdit, &QLineEdit::textChanged, this, &OrderTicket::updatePreview);
    connect(m_displayEdit, &QLineEdit::textChanged, this, &OrderTicket::updatePreview);
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &OrderTicket::updateType);
    connect(m_timeInForceCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_form->setRowVisible(m_expiryRow,
                              m_timeInForceCombo->currentData().toInt()
                                  == int(core::protocol::TimeInForce::GoodTillDate));
        updatePreview();
    });
    connect(m_expiryEdit, &QDateTimeEdit::dateTimeChanged, this, &OrderTicket::updatePreview);
    updateType(); // a limit order, good till cancelled, to start with
    connect(m_sendButton, &QPushButton::clicked, this, &OrderTicket::send);
    connect(clearButton, &QPushButton::clicked, this, &OrderTicket::clear);

    // F1/F2 work wherever the focus is in the window, so a trader can hit them from the
    // blotter; Enter and Esc only inside the ticket, where they cannot surprise anyone.
    const auto addShortcut = [this](QKeySequence keys, Qt::ShortcutContext context, auto function) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(context);
        connect(shortcut, &QShortcut::activated, this, function);
    };
    addShortcut(QKeySequence(Qt::Key_F1), Qt::WindowShortcut, [this] {
        setSide(Side::Buy);
        m_quantityEdit->setFocus();
    });
    addShortcut(QKeySequence(Qt::Key_F2), Qt::WindowShortcut, [this] {
        setSide(Side::Sell);
        m_quantityEdit->setFocus();
    });
    addShortcut(QKeySequence(Qt::Key_Return), Qt::WidgetWithChildrenShortcut, [this] { send(); });
    addShortcut(QKeySequence(Qt::Key_Enter), Qt::WidgetWithChildrenShortcut, [this] { send(); });
    addShortcut(QKeySequence(Qt::Key_Escape), Qt::WidgetWithChildrenShortcut, [this] { clear(); });

    connect(market, &client::MarketData::instrumentsChanged, this, &OrderTicket::reloadInstruments);
    connect(session, &client::Session::connectionStateChanged, this,
            &OrderTicket::updateSendEnabled);
    connect(orders, &client::OrderEntry::orderRejected, this,
            [this](const QString &clientOrderId, const core::Error &error) {
                if (clientOrderId != m_pendingClientOrderId)
                    return;
                m_pendingClientOrderId.clear();
                showFeedback(tr("Rejected: %1").arg(error.message), true);
                m_feedbackLabel->setToolTip(error.code);
                markField(error);
            });
    connect(orders, &client::OrderEntry::orderChanged, this,
            [this](const core::protocol::Order &order) {
                if (order.clientOrderId != m_pendingClientOrderId)
                    return;
                m_pendingClientOrderId.clear();
                const std::optional<core::Instrument> instrument
                    = m_market->instrument(order.symbol);
                const core::Instrument *known = instrument ? &*instrument : nullptr;
                showFeedback(tr("Order %1 is %2: %3 %4 %5 at %6")
                                 .arg(order.id, OrdersModel::statusText(order.status),
                                      OrdersModel::sideText(order.side),
                                      displayformat::quantity(order.quantity, known), order.symbol,
                                      displayformat::price(order.price, known)),
                             false);
            });

    reloadInstruments();
}

void OrderTicket::reloadInstruments()
{
    const QString previous = m_instrumentCombo->currentData().toString();
    const QSignalBlocker blocker(m_instrumentCombo);
    m_instrumentCombo->clear();
    const QList<core::Instrument> instruments = m_market->instruments();
    const QDateTime now = m_market->clock().nowUtc();
    for (const core::Instrument &instrument : instruments) {
        if (instrument.isExpired(now))
            continue; // listed for the blotters' sake, no longer tradable
        m_instrumentCombo->addItem(instrument.symbol + u"  —  "
                                       + displayformat::description(instrument),
                                   instrument.symbol);
        m_instrumentCombo->setItemData(m_instrumentCombo->count() - 1,
                                       displayformat::description(instrument), Qt::ToolTipRole);
    }
    int index = m_instrumentCombo->findData(previous);
    if (index < 0)
        index = m_instrumentCombo->findData(m_preferredSymbol);
    if (index < 0) {
        // The benchmark a trader expects first: the front month, not the quarter-hour that
        // happens to lead the board.
        const auto front
            = std::find_if(instruments.cbegin(), instruments.cend(), [&](const auto &i) {
                  return !i.isExpired(now) && i.delivery.kind == core::DeliveryPeriod::Kind::Month;
              });
        index = front == instruments.cend() ? 0 : m_instrumentCombo->findData(front->symbol);
    }
    m_instrumentCombo->setCurrentIndex(std::max(index, 0));
    updatePreview();
    announceInstrument();
}

void OrderTicket::setPreferredSymbol(const QString &symbol)
{
    m_preferredSymbol = symbol;
    (void)selectInstrument(symbol); // if it is listed already
}

void OrderTicket::announceInstrument()
{
    const QString symbol = currentSymbol();
    if (symbol == m_announcedSymbol)
        return;
    m_announcedSymbol = symbol;
    Q_EMIT instrumentChanged(symbol);
}

QString OrderTicket::currentSymbol() const
{
    return m_instrumentCombo->currentData().toString();
}

void OrderTicket::prefill(Side side, const QString &price)
{
    setSide(side);
    m_priceEdit->setText(price);
    m_quantityEdit->setFocus();
    m_quantityEdit->selectAll();
}

bool OrderTicket::selectInstrument(const QString &symbol)
{
    const int index = m_instrumentCombo->findData(symbol);
    if (index < 0)
        return false;
    m_instrumentCombo->setCurrentIndex(index);
    return true;
}

std::optional<core::Instrument> OrderTicket::currentInstrument() const
{
    return m_market->instrument(currentSymbol());
}

void OrderTicket::setSide(Side side)
{
    m_side = side;
    (side == Side::Buy ? m_buyButton : m_sellButton)->setChecked(true);
    updatePreview();
}

core::Result<core::protocol::NewOrder> OrderTicket::order() const
{
    const std::optional<core::Instrument> instrument = currentInstrument();
    if (!instrument)
        return core::makeError(core::ErrorCode::NoInstrument, tr("Choose an instrument."));
    const core::Result<core::Quantity> quantity
        = core::Quantity::parse(m_quantityEdit->text().trimmed());
    if (!quantity) {
        return core::withMessage(quantity.error(),
                                 tr("The quantity is not a decimal number such as 25 or 12.5."));
    }
    core::protocol::NewOrder order;
    order.symbol = instrument->symbol;
    order.side = m_side;
    order.quantity = *quantity;
    order.timeInForce = core::protocol::TimeInForce(m_timeInForceCombo->currentData().toInt());
    if (order.timeInForce == core::protocol::TimeInForce::GoodTillDate) {
        order.expiresAt = m_expiryEdit->dateTime().toUTC();
        if (order.expiresAt <= m_market->clock().nowUtc()) {
            return core::makeError(core::ErrorCode::InvalidExpiry,
                                   tr("The expiry is in the past."));
        }
    }
    const Kind type = kind();
    order.type = type == Kind::Market ? core::protocol::OrderType::Market
        : type == Kind::Stop          ? core::protocol::OrderType::Stop
        : type == Kind::StopLimit     ? core::protocol::OrderType::StopLimit
                                      : core::protocol::OrderType::Limit;
    if (core::protocol::hasLimitPrice(order.type)) {
        const core::Result<core::Price> price = core::Price::parse(m_priceEdit->text().trimmed());
        if (!price) {
            return core::withMessage(
                price.error(), tr("The price is not a decimal number such as 42.50 or -3.25."));
        }
        order.price = *price;
    }
    if (core::protocol::hasStopPrice(order.type)) {
        const core::Result<core::Price> stop = core::Price::parse(m_stopEdit->text().trimmed());
        if (!stop) {
            return core::withMessage(stop.error(),
                                     tr("The stop price is not a decimal number such as 41.00."));
        }
        order.stopPrice = *stop;
    }
    if (type == Kind::Iceberg) {
        const core::Result<core::Quantity> shown
            = core::Quantity::parse(m_displayEdit->text().trimmed());
        if (!shown) {
            return core::withMessage(shown.error(),
                                     tr("The shown quantity is not a decimal number such as 5."));
        }
        order.displayQuantity = *shown;
    }
    return order;
}

void OrderTicket::updatePreview()
{
    const std::optional<core::Instrument> instrument = currentInstrument();
    m_quantityUnitLabel->setText(instrument ? displayformat::quantityUnit(*instrument) : QString());
    m_priceUnitLabel->setText(instrument ? displayformat::priceUnit(*instrument) : QString());
    if (instrument)
        m_instrumentCombo->setToolTip(displayformat::description(*instrument));

    const bool noQuantity = m_quantityEdit->text().trimmed().isEmpty();
    const bool priced = kind() != Kind::Market && kind() != Kind::Stop;
    const bool noPrice = priced && m_priceEdit->text().trimmed().isEmpty();
    const core::Result<core::protocol::NewOrder> entered = order();
    m_notionalLabel->setStyleSheet(QString());
    m_contractLabel->clear();
    if ((noQuantity && noPrice) || !instrument) {
        m_notionalLabel->setText(QString());
    } else if (noQuantity || noPrice) {
        // Half filled in (a price taken from the ladder, say): what is missing, not an error.
        m_notionalLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));
        m_notionalLabel->setText(noQuantity ? tr("Enter a quantity.") : tr("Enter a price."));
    } else if (!entered) {
        m_notionalLabel->setStyleSheet(theme::textStyle(theme::Tone::Loss));
        m_notionalLabel->setText(entered.error().message);
    } else if (!priced) {
        // No price of its own: it takes what the book offers when it runs.
        m_notionalLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));
        m_notionalLabel->setText(tr("At the prices in the book when it runs."));
    } else {
        const core::Result<core::Money> notional
            = core::notional(entered->price, entered->quantity);
        if (!notional) {
            m_notionalLabel->setText(tr("The notional is too large to compute."));
        } else {
            // Price × quantity, nothing more: for MW products that is money per hour of
            // delivery, not the contract's value over the whole period.
            m_notionalLabel->setText(
                tr("%1 %2 × %3 %4 = %5 %6%7")
                    .arg(displayformat::quantity(entered->quantity, &*instrument),
                         displayformat::quantityUnit(*instrument),
                         displayformat::price(entered->price, &*instrument),
                         displayformat::priceUnit(*instrument), displayformat::money(*notional),
                         instrument->currency, displayformat::notionalPeriod(*instrument)));
        }
        // A rate (MW, MMBtu/d) over the delivery period: the energy it comes to and the
        // contract's value, "25 MW × 743 h = 18,575 MWh · 789,437.50 EUR".
        const QString period = displayformat::notionalPeriod(*instrument);
        const core::Result<core::Quantity> energy
            = core::energyVolume(*instrument, entered->quantity);
        const core::Result<core::Money> value
            = core::contractValue(*instrument, entered->price, entered->quantity);
        if (!period.isEmpty() && energy && value) {
            m_contractLabel->setText(
                tr("%1 %2 × %3 %4 = %5 %6 · %7 %8")
                    .arg(displayformat::quantity(entered->quantity, &*instrument),
                         displayformat::quantityUnit(*instrument),
                         displayformat::decimal(core::volumeMultiplier(*instrument)), period.mid(1),
                         displayformat::decimal(energy->decimal()),
                         core::energyUnit(instrument->unit), displayformat::money(*value),
                         instrument->currency));
        }
    }
    updateSendEnabled();
}

OrderTicket::Kind OrderTicket::kind() const
{
    return Kind(m_typeCombo->currentData().toInt());
}

void OrderTicket::updateType()
{
    using core::protocol::TimeInForce;
    const Kind type = kind();
    const bool priced = type != Kind::Market && type != Kind::Stop;
    m_form->setRowVisible(m_priceRow, priced);
    m_form->setRowVisible(m_stopRow, type == Kind::Stop || type == Kind::StopLimit);
    m_form->setRowVisible(m_shownRow, type == Kind::Iceberg);
    // What the server allows: market and stop orders fill now or never; the others may rest.
    const QSignalBlocker blocker(m_timeInForceCombo);
    m_timeInForceCombo->clear();
    if (!priced) {
        m_timeInForceCombo->addItem(tr("IOC"), int(TimeInForce::ImmediateOrCancel));
        m_timeInForceCombo->addItem(tr("FOK"), int(TimeInForce::FillOrKill));
    } else {
        m_timeInForceCombo->addItem(tr("GTC"), int(TimeInForce::GoodTillCancel));
        m_timeInForceCombo->addItem(tr("Day"), int(TimeInForce::Day));
        m_timeInForceCombo->addItem(tr("GTD"), int(TimeInForce::GoodTillDate));
        m_timeInForceCombo->addItem(tr("IOC"), int(TimeInForce::ImmediateOrCancel));
        m_timeInForceCombo->addItem(tr("FOK"), int(TimeInForce::FillOrKill));
    }
    m_timeInForceCombo->setToolTip(tr("GTC: until cancelled; Day: until the end of the "
                                      "trading day; GTD: until the date and time given; IOC: "
                                      "what fills now, the rest cancelled; FOK: all now or "
                                      "nothing"));
    m_form->setRowVisible(m_expiryRow, false);
    updatePreview();
}

void OrderTicket::updateSendEnabled()
{
    const bool connected
        = m_session->connectionState() != client::Session::ConnectionState::Disconnected;
    m_sendButton->setEnabled(connected && order().ok());
}

void OrderTicket::send()
{
    if (!m_sendButton->isEnabled())
        return;
    core::Result<core::protocol::NewOrder> entered = order();
    if (!entered)
        return;
    entered->clientOrderId = client::OrderEntry::newClientOrderId();
    m_pendingClientOrderId = entered->clientOrderId;
    showFeedback(tr("Sending %1 %2 %3…")
                     .arg(OrdersModel::sideText(entered->side), entered->quantity.toString(),
                          entered->symbol),
                 false);
    m_orders->placeOrder(*entered);
}

void OrderTicket::clear()
{
    m_quantityEdit->clear();
    m_priceEdit->clear();
    m_stopEdit->clear();
    m_displayEdit->clear();
    m_pendingClientOrderId.clear();
    showFeedback(QString(), false);
    m_quantityEdit->setFocus();
}

QLineEdit *OrderTicket::fieldOf(const core::Error &error) const
{
    using core::ErrorCode;
    // The server's codes for what is wrong with one field of the order.
    static const QList<ErrorCode> quantityCodes {
        ErrorCode::QuantityNotPositive, ErrorCode::QuantityOffLot,
        ErrorCode::MaxOrderQuantity,    ErrorCode::LimitMaxOrderQuantity,
        ErrorCode::LimitMaxPosition,    ErrorCode::QuantityBelowFilled,
    };
    static const QList<ErrorCode> priceCodes { ErrorCode::PriceOffTick, ErrorCode::PriceBand };
    const std::optional<ErrorCode> code = error.known();
    if (!code)
        return nullptr;
    if (quantityCodes.contains(*code))
        return m_quantityEdit;
    if (priceCodes.contains(*code)) {
        // A stop order's only price is its stop.
        return kind() == Kind::Stop ? m_stopEdit : m_priceEdit;
    }
    return nullptr;
}

void OrderTicket::markField(const core::Error &error)
{
    QLineEdit *field = fieldOf(error);
    if (!field)
        return;
    // Red until the trader changes it; the reason on hover and for screen readers.
    field->setToolTip(error.message);
    field->setAccessibleDescription(error.message);
    field->setProperty("rejected", true);
    applyTones();
    field->setFocus();
    field->selectAll();
    connect(
        field, &QLineEdit::textEdited, this,
        [field] {
            field->setStyleSheet(QString());
            field->setToolTip(QString());
            field->setAccessibleDescription(QString());
            field->setProperty("rejected", false);
        },
        Qt::SingleShotConnection);
}

void OrderTicket::showFeedback(const QString &text, bool isError)
{
    m_feedbackIsError = isError;
    m_feedbackLabel->setText(text);
    m_feedbackLabel->setToolTip(QString());
    applyTones();
}

void OrderTicket::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTones();
        updatePreview();
    }
}

void OrderTicket::applyTones()
{
    m_buyButton->setStyleSheet(
        QString::fromUtf16(kSideStyle).arg(theme::colour(theme::Tone::Buy).name()));
    m_sellButton->setStyleSheet(
        QString::fromUtf16(kSideStyle).arg(theme::colour(theme::Tone::Sell).name()));
    m_feedbackLabel->setStyleSheet(m_feedbackIsError ? theme::textStyle(theme::Tone::Loss)
                                           + u" font-weight: bold;"
                                                     : QString());
    for (QLineEdit *field : { m_quantityEdit, m_priceEdit, m_stopEdit }) {
        field->setStyleSheet(field->property("rejected").toBool()
                                 ? u"QLineEdit { border: 2px solid "
                                     + theme::colour(theme::Tone::Loss).name() + u"; }"
                                 : QString());
    }
}

} // namespace qx::widgets
