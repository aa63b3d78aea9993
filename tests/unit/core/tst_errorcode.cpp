// The one table of error codes: what a client is told (the code and its HTTP status) comes
// from it, so its names must be unique, stable snake_case, and each API code a 4xx or 5xx.
#include "core/errorcode.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::core::ErrorCode;

class tst_ErrorCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreUniqueSnakeCaseAndFoundAgain()
    {
        const QRegularExpression snake(u"^[a-z]+(_[a-z]+)*$"_s);
        QSet<QString> seen;
        const QList<ErrorCode> codes = qx::core::allErrorCodes();
        QVERIFY(codes.size() > 60);
        for (const ErrorCode code : codes) {
            const QString name = qx::core::errorName(code);
            QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(qx::core::errorCodeNamed(name), std::optional(code));
            QVERIFY2(!qx::core::errorMeaning(code).isEmpty(), qPrintable(name));
            const int status = qx::core::httpStatusOf(code);
            QVERIFY2(status == 0 || (status >= 400 && status < 600), qPrintable(name));
        }
        QVERIFY(!qx::core::errorCodeNamed(u"price_out_of_band"_s)); // never a code
    }

    void theStatusesClientsRelyOn()
    {
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::PriceOffTick), 422);
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::NotFound), 404);
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::RateLimited), 429);
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::StorageUnavailable), 503);
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::InvalidToken), 401);
        QCOMPARE(qx::core::httpStatusOf(ErrorCode::StorageError), 0); // never shown as such
    }

    void anErrorFromAPeerKeepsACodeThisBuildDoesNotKnow()
    {
        // A newer server's code reaches an older client intact, and is known as unknown.
        const QJsonObject json { { u"error"_s,
                                   QJsonObject { { u"code"_s, u"venue_halted"_s },
                                                 { u"message"_s, u"Halted."_s } } } };
        const std::optional<qx::core::Error> error = qx::core::protocol::errorFromJson(json);
        QVERIFY(error);
        QCOMPARE(error->code, u"venue_halted"_s);
        QVERIFY(!error->known());
        const qx::core::Error made = qx::core::makeError(ErrorCode::BookMoved, u"Moved."_s);
        QCOMPARE(made.code, u"book_moved"_s);
        QVERIFY(made.is(ErrorCode::BookMoved) && !made.is(ErrorCode::NotOwner));
    }
};

QTEST_GUILESS_MAIN(tst_ErrorCode)
#include "tst_errorcode.moc"
