// How a notification's delivery goes: its status only moves forward, whatever order and
// however often the providers report it; retries wait exponentially longer with full jitter
// and never less than the provider asked for (Retry-After as seconds or as a date); a
// provider that keeps failing is rested and probed before it is used again.
#include "core/notifications/delivery.h"

#include <QRandomGenerator>
#include <QTest>

using namespace qx::core::notifications;
using namespace std::chrono_literals;
using Status = DeliveryStatus;

class tst_NotificationDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theStatusNeverGoesBackwards()
    {
        // A webhook's "delivered" overtaken by "read", then a late "sent": read stays.
        Status status = Status::Sent;
        for (const Status reported : { Status::Read, Status::Delivered, Status::Sent })
            status = advance(status, reported);
        QVERIFY(status == Status::Read);
        // Accepted, then failed (WhatsApp's 131047 after acceptance): failed, for good.
        status = advance(Status::Sent, Status::Failed);
        QVERIFY(status == Status::Failed);
        QVERIFY(advance(status, Status::Delivered) == Status::Failed);
        // A failure reported after delivery does not undo it.
        QVERIFY(advance(Status::Delivered, Status::Failed) == Status::Delivered);
        // The same report twice changes nothing.
        QVERIFY(advance(advance(Status::Queued, Status::Sent), Status::Sent) == Status::Sent);
        QVERIFY(deliveryStatusFromString(u"delivered") == Status::Delivered);
        QVERIFY(!deliveryStatusFromString(u"accepted"));
    }

    void retriesWaitLongerWithFullJitterAndAsLongAsAsked()
    {
        QRandomGenerator random(42);
        qint64 longest[6] = {};
        for (int round = 0; round < 2000; ++round) {
            for (int attempt = 1; attempt <= 6; ++attempt) {
                const qint64 wait = retryDelay(attempt, 1000ms, 20000ms, random).count();
                QVERIFY(wait >= 0);
                QVERIFY(wait <= std::min<qint64>(1000 << (attempt - 1), 20000));
                longest[attempt - 1] = std::max(longest[attempt - 1], wait);
            }
        }
        // Spread over the whole range (full jitter), growing until the cap.
        QVERIFY(longest[0] > 900 && longest[0] <= 1000);
        QVERIFY(longest[3] > 7000 && longest[3] <= 8000);
        QVERIFY(longest[5] > 18000 && longest[5] <= 20000);
        // Never sooner than the provider asked; a huge attempt number does not overflow.
        QVERIFY(retryDelay(1, 1000ms, 20000ms, random, 30000ms) == 30000ms);
        QVERIFY(retryDelay(200, 1000ms, 20000ms, random) <= 20000ms);
    }

    void retryAfterIsReadAsSecondsOrADate()
    {
        const QDateTime now(QDate(2026, 10, 21), QTime(7, 27, 30), Qt::UTC);
        QVERIFY(parseRetryAfter(u"120", now) == 120s);
        QVERIFY(parseRetryAfter(u" 0 ", now) == 0s);
        QVERIFY(parseRetryAfter(u"Wed, 21 Oct 2026 07:28:00 GMT", now) == 30s);
        QVERIFY(parseRetryAfter(u"Wed, 21 Oct 2026 07:00:00 GMT", now) == 0s); // past
        QVERIFY(!parseRetryAfter(u"soon", now));
        QVERIFY(!parseRetryAfter(u"-5", now));
    }

    void aFailingProviderIsRestedAndProbed()
    {
        CircuitBreaker breaker(3, 10000ms, 60000ms);
        QVERIFY(breaker.allow(0));
        breaker.failed(0);
        breaker.failed(1);
        QVERIFY(breaker.state() == CircuitBreaker::State::Closed); // two in a row: not yet
        breaker.failed(2);
        QVERIFY(breaker.state() == CircuitBreaker::State::Open);
        QVERIFY(!breaker.allow(5000)); // resting: the queue waits
        QVERIFY(breaker.allow(10002)); // one probe
        QVERIFY(!breaker.allow(10003)); // and only one
        breaker.failed(10100); // the probe failed: rest twice as long
        QCOMPARE(breaker.reopensAt(), 10100 + 20000);
        QVERIFY(!breaker.allow(20000));
        QVERIFY(breaker.allow(30100));
        breaker.succeeded(); // back
        QVERIFY(breaker.state() == CircuitBreaker::State::Closed);
        QVERIFY(breaker.allow(30101));
        // A success between failures starts the count again.
        breaker.failed(40000);
        breaker.failed(40001);
        breaker.succeeded();
        breaker.failed(40002);
        QVERIFY(breaker.state() == CircuitBreaker::State::Closed);
        // And the rest is back to its first length.
        breaker.failed(40003);
        breaker.failed(40004);
        QCOMPARE(breaker.reopensAt(), 40004 + 10000);
    }
};

QTEST_GUILESS_MAIN(tst_NotificationDelivery)
#include "tst_notificationdelivery.moc"
