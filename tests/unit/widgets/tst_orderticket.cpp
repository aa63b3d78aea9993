#include "faketradingservice.h"
#include "ui/widgets/orderticket.h"
#include "ui/widgets/theme.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::core::protocol::Side;
using qx::test::FakeTradingService;
using qx::widgets::OrderTicket;

// Side is compared with QVERIFY: QCOMPARE would find qx::core::protocol::toString(Side) by
// argument-dependent lookup instead of QTest::toString.
class TestOrderTicket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsInstrumentsWithUnits();
    void previewsNotionalExactly();
    void previewsDailyGasNotional();
    void offersEveryOrderTypeWithItsFields();
    void flagsTextThatIsNotADecimal();
    void sendsWithEnterAndSwitchesSideWithF1F2();
    void showsTheServersRejectionInRed();
    void showsAcceptance();
    void escapeClears();
    void cannotSendWhileDisconnected();
    void hasAccessibleNames();
    void aPriceFromTheLadderLeavesOnlyTheQuantity();
    void announcesTheSelectedInstrument();
    void opensOnTheFrontMonthOrTheLastOne();
    void aClientOrderIdIsMadeOncePerSend();
    void followsTheTheme();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_ticket->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void enter(const QString &quantity, const QString &price)
    {
        child<QLineEdit>("quantityEdit")->clear();
        child<QLineEdit>("priceEdit")->clear();
        QTest::keyClicks(child<QLineEdit>("quantityEdit"), quantity);
        QTest::keyClicks(child<QLineEdit>("priceEdit"), price);
    }

    FakeTradingService *m_service = nullptr;
    OrderTicket *m_ticket = nullptr;
};

void TestOrderTicket::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestOrderTicket::init()
{
    m_service = new FakeTradingService;
    m_service->setInstruments({ FakeTradingService::power(), FakeTradingService::gas() });
    m_ticket = new OrderTicket(&m_service->session(), &m_service->orderEntry(),
                               &m_service->marketData());
    m_ticket->show();
    QVERIFY(QTest::qWaitForWindowActive(m_ticket));
}

void TestOrderTicket::cleanup()
{
    delete m_ticket;
    delete m_service;
}

void TestOrderTicket::listsInstrumentsWithUnits()
{
    auto *combo = child<QComboBox>("instrumentCombo");
    QCOMPARE(combo->count(), 2);
    QVERIFY(combo->itemText(0).contains(u"DE.BASE.M.2027-03"));
    QVERIFY(combo->itemText(0).contains(u"German power base load, Mar 27"));
    QVERIFY(m_ticket->selectInstrument(QStringLiteral("HH.M.2027-03")));
    QVERIFY(!m_ticket->selectInstrument(QStringLiteral("NOPE.X")));
    const QList<QLabel *> labels = m_ticket->findChildren<QLabel *>();
    const auto hasLabel = [&](QStringView text) {
        return std::any_of(labels.begin(), labels.end(),
                           [&](QLabel *label) { return label->text() == text; });
    };
    QVERIFY(hasLabel(u"MMBtu/d"));
    QVERIFY(hasLabel(u"USD/MMBtu"));
}

void TestOrderTicket::previewsNotionalExactly()
{
    enter(QStringLiteral("25"), QStringLiteral("42.50"));
    QCOMPARE(child<QLabel>("notionalLabel")->text(), u"25 MW × 42.50 EUR/MWh = 1,062.50 EUR/h");
    // Over March 2027 in Berlin: 31 days less the hour lost to summer time.
    QCOMPARE(child<QLabel>("contractLabel")->text(),
             u"25 MW × 743 h = 18,575 MWh · 789,437.50 EUR");
    // 0.1 + 0.2 style decimals must not drift as they would in binary floating point.
    enter(QStringLiteral("3"), QStringLiteral("0.1"));
    QCOMPARE(child<QLabel>("notionalLabel")->text(), u"3 MW × 0.10 EUR/MWh = 0.30 EUR/h");
    enter(QStringLiteral("1"), QStringLiteral("-5.37"));
    QCOMPARE(child<QLabel>("notionalLabel")->text(), u"1 MW × -5.37 EUR/MWh = -5.37 EUR/h");
}

void TestOrderTicket::previewsDailyGasNotional()
{
    QVERIFY(m_ticket->selectInstrument(QStringLiteral("HH.M.2027-03")));
    enter(QStringLiteral("10000"), QStringLiteral("3.125"));
    QCOMPARE(child<QLabel>("notionalLabel")->text(),
             u"10,000.0 MMBtu/d × 3.125 USD/MMBtu = 31,250.00 USD/d");
    QCOMPARE(child<QLabel>("contractLabel")->text(),
             u"10,000.0 MMBtu/d × 31 d = 310,000 MMBtu · 968,750.00 USD");
}

void TestOrderTicket::offersEveryOrderTypeWithItsFields()
{
    using qx::core::protocol::OrderType;
    using qx::core::protocol::TimeInForce;
    auto *type = child<QComboBox>("typeCombo");
    auto *timeInForce = child<QComboBox>("timeInForceCombo");
    auto *stop = child<QLineEdit>("stopEdit");
    auto *shown = child<QLineEdit>("displayEdit");
    auto *price = child<QLineEdit>("priceEdit");
    const auto choose = [&](const QString &text) {
        type->setCurrentIndex(type->findText(text));
        QCOMPARE(type->currentText(), text);
    };
    const auto choices = [&] {
        QStringList texts;
        for (int i = 0; i < timeInForce->count(); ++i)
            texts.append(timeInForce->itemText(i));
        return texts;
    };

    // A limit order rests until cancelled unless told otherwise.
    QVERIFY(!stop->isVisibleTo(m_ticket) && !shown->isVisibleTo(m_ticket));
    QCOMPARE(choices(), QStringList({ u"GTC"_s, u"Day"_s, u"GTD"_s, u"IOC"_s, u"FOK"_s }));
    enter(QStringLiteral("10"), QStringLiteral("42.50"));
    timeInForce->setCurrentIndex(1);
    QVERIFY(m_ticket->order()->timeInForce == TimeInForce::Day);
    // Good till a date: when, asked for only then, sent as UTC; not in the past.
    auto *expiry = child<QDateTimeEdit>("expiryEdit");
    QVERIFY(!expiry->isVisibleTo(m_ticket));
    timeInForce->setCurrentIndex(2);
    QVERIFY(expiry->isVisibleTo(m_ticket));
    const QDateTime until = QDateTime::currentDateTime().addDays(2);
    expiry->setDateTime(until);
    QVERIFY(m_ticket->order()->timeInForce == TimeInForce::GoodTillDate);
    QCOMPARE(m_ticket->order()->expiresAt.toSecsSinceEpoch() / 60,
             until.toUTC().toSecsSinceEpoch() / 60);
    expiry->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QCOMPARE(m_ticket->order().error().code, u"invalid_expiry"_s);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    timeInForce->setCurrentIndex(0);
    QVERIFY(!expiry->isVisibleTo(m_ticket));

    // Market: no price, fills now or never.
    choose(u"Market"_s);
    QVERIFY(!price->isVisibleTo(m_ticket));
    QCOMPARE(choices(), QStringList({ u"IOC"_s, u"FOK"_s }));
    QVERIFY(m_ticket->order()->type == OrderType::Market);
    QVERIFY(m_ticket->order()->timeInForce == TimeInForce::ImmediateOrCancel);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QLabel>("notionalLabel")->text().contains(u"book"));

    // Stop limit: both prices; without the stop, nothing to send.
    choose(u"Stop limit"_s);
    QVERIFY(stop->isVisibleTo(m_ticket) && price->isVisibleTo(m_ticket));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    stop->setText(u"41.00"_s);
    const auto stopLimit = m_ticket->order();
    QVERIFY(stopLimit->type == OrderType::StopLimit);
    QCOMPARE(*stopLimit->stopPrice, *qx::core::Price::parse(u"41"));
    QCOMPARE(stopLimit->price, *qx::core::Price::parse(u"42.5"));

    // Iceberg: a limit order showing a clip at a time.
    choose(u"Iceberg"_s);
    QVERIFY(shown->isVisibleTo(m_ticket) && !stop->isVisibleTo(m_ticket));
    QVERIFY(!m_ticket->order());
    shown->setText(u"2"_s);
    QVERIFY(m_ticket->order()->type == OrderType::Limit);
    QCOMPARE(*m_ticket->order()->displayQuantity, *qx::core::Quantity::parse(u"2"));
    QVERIFY(!m_ticket->order()->stopPrice);
    child<QPushButton>("sendButton")->click();
    QCOMPARE(m_service->placed.last().displayQuantity, m_ticket->order()->displayQuantity);
    choose(u"Limit"_s);
}

void TestOrderTicket::flagsTextThatIsNotADecimal()
{
    enter(QStringLiteral("25"), QStringLiteral("4e1"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QLabel>("notionalLabel")->text().contains(u"price"));
    enter(QStringLiteral("1,5"), QStringLiteral("40"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QVERIFY(child<QLabel>("notionalLabel")->text().contains(u"quantity"));
    enter(QStringLiteral("15"), QStringLiteral("40"));
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
}

void TestOrderTicket::sendsWithEnterAndSwitchesSideWithF1F2()
{
    enter(QStringLiteral("25"), QStringLiteral("42.5"));
    QTest::keyClick(child<QLineEdit>("priceEdit"), Qt::Key_F2);
    QVERIFY(m_ticket->side() == Side::Sell);
    QVERIFY(child<QPushButton>("sellButton")->isChecked());
    QTest::keyClick(child<QLineEdit>("priceEdit"), Qt::Key_Return);
    QCOMPARE(m_service->placed.size(), 1);
    const auto sent = m_service->placed.first();
    QCOMPARE(sent.symbol, u"DE.BASE.M.2027-03");
    QVERIFY(sent.side == Side::Sell);
    QCOMPARE(sent.quantity.toString(), u"25");
    QCOMPARE(sent.price.toString(), u"42.5");
    QVERIFY(!sent.clientOrderId.isEmpty());

    QTest::keyClick(child<QLineEdit>("quantityEdit"), Qt::Key_F1);
    QVERIFY(m_ticket->side() == Side::Buy);
    QTest::mouseClick(child<QPushButton>("sendButton"), Qt::LeftButton);
    QCOMPARE(m_service->placed.size(), 2);
    QVERIFY(m_service->placed.at(1).side == Side::Buy);
    // Each send is a new order: a fresh idempotency key.
    QVERIFY(m_service->placed.at(1).clientOrderId != sent.clientOrderId);
}

void TestOrderTicket::showsTheServersRejectionInRed()
{
    enter(QStringLiteral("25"), QStringLiteral("42.505"));
    m_ticket->send();
    QCOMPARE(m_service->placed.size(), 1);
    const QString message
        = QStringLiteral("The price 42.505 is not on the tick size 0.01 of DE.BASE.M.2027-03.");
    Q_EMIT m_service->orderEntry().orderRejected(m_service->placed.first().clientOrderId,
                                                 { qx::core::ErrorCode::PriceOffTick, message });
    auto *feedback = child<QLabel>("feedbackLabel");
    QVERIFY(feedback->text().contains(message));
    QVERIFY(feedback->styleSheet().contains(u"#c62828"));
    // Beside the field it is about, too: the price, red with the reason, focused to fix;
    // the quantity untouched. Typing a new price clears the mark.
    auto *price = child<QLineEdit>("priceEdit");
    QVERIFY(price->property("rejected").toBool());
    QVERIFY(price->styleSheet().contains(u"#c62828"));
    QCOMPARE(price->toolTip(), message);
    QVERIFY(price->hasFocus());
    QVERIFY(!child<QLineEdit>("quantityEdit")->property("rejected").toBool());
    QTest::keyClicks(price, QStringLiteral("42.50"));
    QVERIFY(!price->property("rejected").toBool());
    QVERIFY(price->styleSheet().isEmpty());

    // A limit the account breached marks the quantity.
    m_ticket->send();
    Q_EMIT m_service->orderEntry().orderRejected(
        m_service->placed.last().clientOrderId,
        { qx::core::ErrorCode::LimitMaxOrderQuantity, QStringLiteral("At most 20 MW per order.") });
    QVERIFY(child<QLineEdit>("quantityEdit")->property("rejected").toBool());
    QVERIFY(!price->property("rejected").toBool());

    // Somebody else's rejection is not this ticket's business.
    Q_EMIT m_service->orderEntry().orderRejected(
        QStringLiteral("other"),
        { qx::core::ErrorCode::InvalidRequest, QStringLiteral("unrelated") });
    QVERIFY(!feedback->text().contains(u"unrelated"));
}

void TestOrderTicket::showsAcceptance()
{
    enter(QStringLiteral("25"), QStringLiteral("42.5"));
    m_ticket->send();
    auto order
        = FakeTradingService::order(QStringLiteral("o-7"), QStringLiteral("DE.BASE.M.2027-03"),
                                    Side::Buy, QStringLiteral("25"), QStringLiteral("42.5"));
    order.clientOrderId = m_service->placed.first().clientOrderId;
    m_service->pushOrder(order);
    auto *feedback = child<QLabel>("feedbackLabel");
    QVERIFY2(feedback->text().contains(u"o-7"), qPrintable(feedback->text()));
    QVERIFY(feedback->text().contains(u"42.50"));
    QVERIFY(!feedback->styleSheet().contains(u"#c62828"));
}

void TestOrderTicket::escapeClears()
{
    enter(QStringLiteral("25"), QStringLiteral("42.5"));
    QTest::keyClick(child<QLineEdit>("priceEdit"), Qt::Key_Escape);
    QVERIFY(child<QLineEdit>("quantityEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>("priceEdit")->text().isEmpty());
    QVERIFY(child<QLabel>("notionalLabel")->text().isEmpty());
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
}

void TestOrderTicket::cannotSendWhileDisconnected()
{
    enter(QStringLiteral("25"), QStringLiteral("42.5"));
    m_service->setConnectionState(FakeTradingService::ConnectionState::Disconnected);
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QTest::keyClick(child<QLineEdit>("priceEdit"), Qt::Key_Return);
    QVERIFY(m_service->placed.isEmpty());
    m_service->setConnectionState(FakeTradingService::ConnectionState::Reconnecting);
    QVERIFY(child<QPushButton>("sendButton")->isEnabled());
}

void TestOrderTicket::hasAccessibleNames()
{
    for (const char *name : { "instrumentCombo", "buyButton", "sellButton", "quantityEdit",
                              "priceEdit", "sendButton", "clearButton" }) {
        QVERIFY2(!child<QWidget>(name)->accessibleName().isEmpty(), name);
    }
}

void TestOrderTicket::aPriceFromTheLadderLeavesOnlyTheQuantity()
{
    m_ticket->prefill(Side::Sell, QStringLiteral("42.10"));
    QVERIFY(m_ticket->side() == Side::Sell);
    QCOMPARE(child<QLineEdit>("priceEdit")->text(), u"42.10");
    QVERIFY(child<QLineEdit>("quantityEdit")->hasFocus());
    // Not an error: only what is still missing, and nothing to send yet.
    QCOMPARE(child<QLabel>("notionalLabel")->text(), u"Enter a quantity.");
    QVERIFY(!child<QLabel>("notionalLabel")->styleSheet().contains(u"#c62828"));
    QVERIFY(!child<QPushButton>("sendButton")->isEnabled());
    QTest::keyClicks(child<QLineEdit>("quantityEdit"), QStringLiteral("5"));
    QCOMPARE(child<QLabel>("notionalLabel")->text(), u"5 MW × 42.10 EUR/MWh = 210.50 EUR/h");
}

void TestOrderTicket::announcesTheSelectedInstrument()
{
    QSignalSpy changed(m_ticket, &OrderTicket::instrumentChanged);
    QVERIFY(m_ticket->selectInstrument(QStringLiteral("HH.M.2027-03")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), u"HH.M.2027-03");
    QCOMPARE(m_ticket->currentSymbol(), u"HH.M.2027-03");
    // A new instrument list that still holds the selection announces nothing.
    m_service->setInstruments(m_service->instruments());
    QCOMPARE(changed.size(), 1);
    // One without it moves the selection, and says so.
    m_service->setInstruments({ FakeTradingService::power() });
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_ticket->currentSymbol(), FakeTradingService::power().symbol);
}

void TestOrderTicket::opensOnTheFrontMonthOrTheLastOne()
{
    // Intraday hours lead the board, but the benchmark is the front month.
    qx::core::Instrument hour = FakeTradingService::power();
    hour.symbol = QStringLiteral("DE.H.2099-03-01T08");
    hour.delivery = qx::core::DeliveryPeriod::hour(QDate(2099, 3, 1), 8);
    FakeTradingService service;
    service.setInstruments({ hour, FakeTradingService::power(), FakeTradingService::gas() });
    OrderTicket fresh(&service.session(), &service.orderEntry(), &service.marketData());
    QCOMPARE(fresh.currentSymbol(), FakeTradingService::power().symbol);

    // The trader's instrument from last time wins, once the list holds it.
    FakeTradingService later;
    OrderTicket restored(&later.session(), &later.orderEntry(), &later.marketData());
    restored.setPreferredSymbol(FakeTradingService::gas().symbol);
    later.setInstruments({ hour, FakeTradingService::power(), FakeTradingService::gas() });
    QCOMPARE(restored.currentSymbol(), FakeTradingService::gas().symbol);
}

void TestOrderTicket::aClientOrderIdIsMadeOncePerSend()
{
    // Typing checks the order on every keystroke: no id (and no trip to the system's random
    // source) until it is sent.
    QTest::keyClicks(child<QLineEdit>("quantityEdit"), QStringLiteral("25"));
    QTest::keyClicks(child<QLineEdit>("priceEdit"), QStringLiteral("42.5"));
    QVERIFY(m_ticket->order().ok());
    QVERIFY(m_ticket->order()->clientOrderId.isEmpty());
    m_ticket->send();
    m_ticket->send();
    QCOMPARE(m_service->placed.size(), 2);
    QCOMPARE(m_service->placed.at(0).clientOrderId.size(), 16);
    QVERIFY(m_service->placed.at(0).clientOrderId != m_service->placed.at(1).clientOrderId);
}

void TestOrderTicket::followsTheTheme()
{
    using namespace qx::widgets;
    const auto buyStyle = [this] {
        return child<QPushButton>("buyButton")->styleSheet();
    };
    const auto feedbackStyle = [this] {
        return child<QLabel>("feedbackLabel")->styleSheet();
    };
    enter(QStringLiteral("25"), QStringLiteral("42.505"));
    m_ticket->send();
    Q_EMIT m_service->orderEntry().orderRejected(
        m_service->placed.first().clientOrderId,
        { qx::core::ErrorCode::PriceOffTick, QStringLiteral("Off.") });
    const QString lightBuy = theme::colour(theme::Tone::Buy).name();
    const QString lightLoss = theme::colour(theme::Tone::Loss).name();
    QVERIFY(buyStyle().contains(lightBuy));
    QVERIFY(feedbackStyle().contains(lightLoss));
    theme::apply(theme::Theme::Dark);
    // The side buttons, the answer and the marked field in the dark theme's shades.
    QTRY_VERIFY(buyStyle().contains(theme::colour(theme::Tone::Buy).name()));
    QVERIFY(theme::colour(theme::Tone::Buy).name() != lightBuy);
    QVERIFY(feedbackStyle().contains(theme::colour(theme::Tone::Loss).name()));
    QVERIFY(child<QLineEdit>("priceEdit")
                ->styleSheet()
                .contains(theme::colour(theme::Tone::Loss).name()));
    theme::apply(theme::Theme::Light);
    QTRY_VERIFY(buyStyle().contains(lightBuy));
}

QTEST_MAIN(TestOrderTicket)
#include "tst_orderticket.moc"
