#include "ui/client/tradingservice.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using qx::client::OrderEntry;

class tst_TradingService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientOrderIdsAreShortUniqueAndValid()
    {
        // Short enough for the blotter, unambiguous to read out, accepted by the protocol
        // (1-64 printable ASCII), and never repeated: a repeat would replay an old order.
        static const QRegularExpression crockford(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{16}$"));
        QSet<QString> seen;
        for (int i = 0; i < 20'000; ++i) {
            const QString id = OrderEntry::newClientOrderId();
            QVERIFY2(crockford.match(id).hasMatch(), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 20'000);
    }
};

QTEST_GUILESS_MAIN(tst_TradingService)
#include "tst_tradingservice.moc"
