// The durability promise under fire: three traders send crossing orders as fast as the server
// takes them while it is killed with SIGKILL at random moments, twenty times, and restarted.
// Afterwards every order that was acknowledged is there with at least what its
// acknowledgement said, nothing is duplicated or half-written (each order's fills add up to
// its trades, each trade has both sides), the book is exactly the open orders, and a book
// killed at rest comes back with the same state hash.
#include "testapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <map>
#include <numeric>

using namespace Qt::StringLiterals;
using qx::test::Reply;
using qx::test::TestServer;

namespace {

constexpr int kKills = 20;
constexpr int kInFlightPerTrader = 4;

struct Acknowledged
{
    QString orderId;
    qint64 filledUnits = 0; ///< in lots of 1 MW: what the acknowledgement said was filled
};

// Quantities and prices here are whole MW and positive cents, so integers compare them
// exactly.
qint64 cents(const QJsonValue &price)
{
    const QStringList parts = price.toString().split(u'.');
    return parts[0].toLongLong() * 100
        + (parts.size() > 1 ? parts[1].leftJustified(2, u'0').toLongLong() : 0);
}

qint64 lots(const QJsonValue &quantity)
{
    return quantity.toString().toLongLong();
}

/**
 * Keeps kInFlightPerTrader order entries in flight per trader against whatever URL the
 * server has now, and records each acknowledgement. Requests cut off by a kill are simply
 * not acknowledged: whether they were stored is for the checks to find out.
 */
class LoadDriver : public QObject
{
public:
    LoadDriver(TestServer &server, QString symbol, QStringList tokens)
        : m_server(server)
        , m_symbol(std::move(symbol))
        , m_tokens(std::move(tokens))
        , m_inFlight(m_tokens.size(), 0)
    {
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, &LoadDriver::fill);
    }

    void setRunning(bool running) { running ? m_timer.start() : m_timer.stop(); }
    int inFlight() const { return std::accumulate(m_inFlight.begin(), m_inFlight.end(), 0); }
    int sent() const { return m_sent; }
    void setTokens(const QStringList &tokens) { m_tokens = tokens; }

    /// By trader, then client order id.
    std::vector<std::map<QString, Acknowledged>> acknowledged { 3 };

private:
    void fill()
    {
        for (qsizetype trader = 0; trader < m_tokens.size(); ++trader) {
            while (m_inFlight[trader] < kInFlightPerTrader)
                send(trader);
        }
    }

    void send(qsizetype trader)
    {
        QRandomGenerator &random = m_random;
        const QString clientId = u"t%1-%2"_s.arg(trader).arg(++m_sent);
        const bool buy = random.bounded(2) == 0;
        // Around 50.00, buyers a little higher: most orders cross something.
        const int price = 5000 + int(random.bounded(7)) - 3 + (buy ? 1 : -1);
        const QJsonObject order = qx::test::limitOrder(
            clientId, m_symbol, buy ? "buy" : "sell", QString::number(1 + random.bounded(5)),
            u"%1.%2"_s.arg(price / 100).arg(price % 100, 2, 10, QLatin1Char('0')));
        QNetworkRequest request(m_server.url().resolved(QUrl(u"/api/v1/orders"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_tokens[trader].toLatin1());
        request.setTransferTimeout(5000);
        QNetworkReply *reply
            = m_network.post(request, QJsonDocument(order).toJson(QJsonDocument::Compact));
        ++m_inFlight[trader];
        connect(reply, &QNetworkReply::finished, this, [this, reply, trader, clientId] {
            reply->deleteLater();
            --m_inFlight[trader];
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 201 && status != 200)
                return; // cut off by a kill (or refused): not acknowledged
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            acknowledged[std::size_t(trader)][clientId]
                = { body.value(u"id").toString(), lots(body.value(u"filled_quantity")) };
        });
    }

    TestServer &m_server;
    QString m_symbol;
    QStringList m_tokens;
    std::vector<int> m_inFlight;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QRandomGenerator m_random { 20261130 };
    int m_sent = 0;
};

} // namespace

class tst_Crash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedOrdersAndTradesSurviveTwentyKills()
    {
        QTemporaryDir dir;
        TestServer server(dir.filePath(u"data"_s));
        QVERIFY2(server.start(), qPrintable(server.error()));
        const auto signIn = [&] {
            return QStringList { server.aliceToken(),
                                 server.login(u"bob"_s, u"bob's long passphrase"_s)
                                     .json.value(u"access_token")
                                     .toString(),
                                 server.login(u"carol"_s, u"carol's long passphrase"_s)
                                     .json.value(u"access_token")
                                     .toString() };
        };
        server.addTrader(u"bob"_s, u"bob's long passphrase"_s);
        server.addTrader(u"carol"_s, u"carol's long passphrase"_s);
        server.addUser(u"root"_s, u"root's long passphrase"_s, u"admin"_s);
        QString symbol;
        for (const qx::core::Instrument &instrument : server.tradableInstruments()) {
            if (instrument.symbol.startsWith(u"DE.BASE.M.")) {
                symbol = instrument.symbol;
                break;
            }
        }
        QVERIFY(!symbol.isEmpty());

        LoadDriver load(server, symbol, signIn());
        QRandomGenerator random(7);
        for (int kill = 0; kill < kKills; ++kill) {
            load.setRunning(true);
            QTest::qWait(int(150 + random.bounded(450)));
            server.kill(); // mid-flight: requests are being written and answered
            load.setRunning(false);
            QTRY_COMPARE_WITH_TIMEOUT(load.inFlight(), 0, 10000);
            QVERIFY2(server.start(), qPrintable(server.error()));
            load.setTokens(signIn());
        }
        qInfo() << "orders sent:" << load.sent() << "acknowledged:"
                << load.acknowledged[0].size() + load.acknowledged[1].size()
                + load.acknowledged[2].size();

        // Every acknowledged order is there, once, with at least what its ack said.
        const QStringList tokens = signIn();
        std::map<QString, QJsonObject> orders; // by order id, every trader's
        std::map<QString, qint64> tradedByOrder;
        std::map<QString, int> sidesByTrade;
        qsizetype stored = 0;
        for (qsizetype trader = 0; trader < tokens.size(); ++trader) {
            const QJsonArray list
                = server.listAll(u"/api/v1/orders"_s, u"orders"_s, tokens[trader]);
            std::map<QString, QJsonObject> byClientId;
            for (const QJsonValue &value : list) {
                const QJsonObject order = value.toObject();
                const QString clientId = order.value(u"client_order_id").toString();
                QVERIFY2(!byClientId.count(clientId), qPrintable(u"duplicate "_s + clientId));
                byClientId[clientId] = order;
                orders[order.value(u"id").toString()] = order;
            }
            stored += list.size();
            for (const auto &[clientId, ack] : load.acknowledged[std::size_t(trader)]) {
                const auto found = byClientId.find(clientId);
                QVERIFY2(found != byClientId.end(), qPrintable(u"lost "_s + clientId));
                QCOMPARE(found->second.value(u"id").toString(), ack.orderId);
                QVERIFY(lots(found->second.value(u"filled_quantity")) >= ack.filledUnits);
            }
            for (const QJsonValue &value :
                 server.listAll(u"/api/v1/trades"_s, u"trades"_s, tokens[trader])) {
                const QJsonObject trade = value.toObject();
                tradedByOrder[trade.value(u"order_id").toString()]
                    += lots(trade.value(u"quantity"));
                ++sidesByTrade[trade.value(u"id").toString()];
            }
        }
        qInfo() << "orders stored:" << stored << "trades:" << sidesByTrade.size();
        QVERIFY(!sidesByTrade.empty());

        // Nothing half-written: fills match trades, every trade has a buyer and a seller.
        std::map<std::pair<QString, qint64>, qint64> open; // (side, cents) -> lots
        for (const auto &[id, order] : orders) {
            const qint64 filled = lots(order.value(u"filled_quantity"));
            QCOMPARE(filled, tradedByOrder.count(id) ? tradedByOrder[id] : 0);
            const QString status = order.value(u"status").toString();
            if (status == u"open" || status == u"partially_filled") {
                open[{ order.value(u"side").toString(), cents(order.value(u"price")) }]
                    += lots(order.value(u"quantity")) - filled;
            }
        }
        for (const auto &[id, sides] : sidesByTrade)
            QVERIFY2(sides == 2, qPrintable(u"trade %1 has %2 sides"_s.arg(id).arg(sides)));

        // The book is exactly the open orders.
        const QJsonObject book
            = server
                  .request("GET", u"/api/v1/markets/"_s + symbol + u"/book?depth=100"_s, {},
                           tokens[0])
                  .json;
        std::map<std::pair<QString, qint64>, qint64> levels;
        for (const auto &[side, key] :
             { std::pair { u"buy"_s, u"bids"_s }, std::pair { u"sell"_s, u"asks"_s } }) {
            for (const QJsonValue &level : book.value(key).toArray()) {
                levels[{ side, cents(level.toObject().value(u"price")) }]
                    = lots(level.toObject().value(u"quantity"));
            }
        }
        QCOMPARE(levels, open);

        // At rest, a kill changes nothing at all: the same orders in the same queues.
        const auto fingerprint = [&] {
            return server
                .request("GET", u"/api/v1/admin/books/"_s + symbol + u"/hash"_s, {},
                         server.login(u"root"_s, u"root's long passphrase"_s)
                             .json.value(u"access_token")
                             .toString())
                .json;
        };
        const QJsonObject atRest = fingerprint();
        QVERIFY(!atRest.value(u"hash").toString().isEmpty());
        server.kill();
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(fingerprint(), atRest);
    }
};

QTEST_GUILESS_MAIN(tst_Crash)
#include "tst_crash.moc"
