// Who is told what, when: events below a user's minimum or with no channel reach no one,
// critical ones at once whatever the quiet hours and digests, the rest after the quiet hours
// or with the next digest, both on the user's own clock, so that the nights the clocks change
// (23 and 25 hours) end the quiet hours at the same wall-clock time.
#include "core/notifications/policy.h"

#include <QSet>
#include <QTest>

using namespace qx::core::notifications;
using namespace Qt::StringLiterals;
using When = Decision::When;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toUTC();
}

QuietHours nights()
{
    return { QTime(22, 0), QTime(7, 0), kBerlin };
}

Preference byEmail()
{
    Preference preference;
    preference.channels = { Channel::Email, Channel::InApp };
    preference.zone = kBerlin;
    return preference;
}

} // namespace

class tst_NotificationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreStableAndDistinct()
    {
        QSet<QString> names;
        for (const EventType type : allEventTypes()) {
            const QString name = toString(type);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY(eventTypeFromString(name) == type);
        }
        QCOMPARE(names.size(), 16);
        QCOMPARE(toString(EventType::LimitBreach), u"limit.breach"_s);
        QVERIFY(!eventTypeFromString(u"order.cancelled"));
        QVERIFY(channelFromString(u"whatsapp") == Channel::WhatsApp);
        QVERIFY(!channelFromString(u"fax"));
        QVERIFY(severityFromString(u"critical") == Severity::Critical);
        QVERIFY(defaultSeverity(EventType::LimitBreach) == Severity::Critical);
        QVERIFY(defaultSeverity(EventType::LimitUtilisation) == Severity::Warning);
        QVERIFY(defaultSeverity(EventType::OrderFilled) == Severity::Info);
    }

    void theQuietHoursEndOnTheUsersClockTheNightsTheClocksChange()
    {
        // Spring forward (28 March 2027): a night of 8 hours, over at 07:00 CEST = 05:00 UTC.
        const QuietHours quiet = nights();
        QVERIFY(quiet.contains(utc("2027-03-27T21:30:00Z"))); // 22:30 CET
        QCOMPARE(quiet.endAfter(utc("2027-03-27T21:30:00Z")), utc("2027-03-28T05:00:00Z"));
        QVERIFY(quiet.contains(utc("2027-03-28T04:59:00Z"))); // 06:59 CEST
        QVERIFY(!quiet.contains(utc("2027-03-28T05:00:00Z")));
        // Fall back (31 October 2027): 10 hours, over at 07:00 CET = 06:00 UTC.
        QCOMPARE(quiet.endAfter(utc("2027-10-30T21:30:00Z")), utc("2027-10-31T06:00:00Z"));
        QVERIFY(quiet.contains(utc("2027-10-31T05:30:00Z"))); // 06:30 CET
        // After midnight, the same morning.
        QCOMPARE(quiet.endAfter(utc("2027-01-05T02:00:00Z")), utc("2027-01-05T06:00:00Z"));
        // Not quiet: the instant itself.
        QCOMPARE(quiet.endAfter(utc("2027-01-05T12:00:00Z")), utc("2027-01-05T12:00:00Z"));
        // Quiet hours that end in the hour the clocks skip end when the clock jumps past it.
        const QuietHours early { QTime(1, 0), QTime(2, 30), kBerlin };
        QVERIFY(early.contains(utc("2027-03-28T00:30:00Z"))); // 01:30 CET
        QCOMPARE(early.endAfter(utc("2027-03-28T00:30:00Z")), utc("2027-03-28T01:00:00Z"));
        // A lunch break: within a day.
        const QuietHours lunch { QTime(12, 0), QTime(13, 0), kBerlin };
        QVERIFY(lunch.contains(utc("2027-01-05T11:30:00Z")));
        QVERIFY(!lunch.contains(utc("2027-01-05T12:00:00Z")));
        QCOMPARE(lunch.endAfter(utc("2027-01-05T11:30:00Z")), utc("2027-01-05T12:00:00Z"));
    }

    void digestsComeOnTheHourOfTheUsersClock()
    {
        using namespace std::chrono_literals;
        QCOMPARE(nextDigest(60min, kBerlin, utc("2027-01-04T09:20:00Z")),
                 utc("2027-01-04T10:00:00Z")); // 11:00 CET
        QCOMPARE(nextDigest(60min, kBerlin, utc("2027-01-04T10:00:00Z")),
                 utc("2027-01-04T11:00:00Z")); // a boundary is not "after" itself
        // 02:00 does not exist on 28 March: the next digest is 03:00 CEST.
        QCOMPARE(nextDigest(60min, kBerlin, utc("2027-03-28T00:30:00Z")),
                 utc("2027-03-28T01:00:00Z"));
        // Every four hours: after 20:00 comes midnight, the next day.
        QCOMPARE(nextDigest(240min, kBerlin, utc("2027-01-04T20:30:00Z")),
                 utc("2027-01-04T23:00:00Z"));
    }

    void eachEventIsPlannedAsTheUserChose()
    {
        using namespace std::chrono_literals;
        Preference preference = byEmail();
        preference.minimum = Severity::Warning;
        const QDateTime now = utc("2027-01-04T13:00:00Z");
        // Below the minimum, or no channel: no one is told.
        QCOMPARE(decide(preference, Severity::Info, false, now).when, When::Never);
        QCOMPARE(decide(Preference {}, Severity::Critical, false, now).when, When::Never);
        // At once, on the channels chosen.
        Decision decision = decide(preference, Severity::Warning, false, now);
        QCOMPARE(decision.when, When::Now);
        QCOMPARE(decision.notBefore, now);
        QVERIFY(decision.channels == (QList<Channel> { Channel::Email, Channel::InApp }));

        // At night: after the quiet hours.
        preference.quiet = nights();
        decision = decide(preference, Severity::Warning, false, utc("2027-03-27T23:00:00Z"));
        QCOMPARE(decision.when, When::AfterQuietHours);
        QCOMPARE(decision.notBefore, utc("2027-03-28T05:00:00Z"));
        // A digest due in the quiet hours waits for their end.
        preference.digest = 240min;
        decision = decide(preference, Severity::Warning, false, utc("2027-01-04T20:30:00Z"));
        QCOMPARE(decision.when, When::InDigest);
        QCOMPARE(decision.notBefore, utc("2027-01-05T06:00:00Z"));
        // By day, with the next digest.
        decision = decide(preference, Severity::Warning, false, utc("2027-01-04T09:20:00Z"));
        QCOMPARE(decision.when, When::InDigest);
        QCOMPARE(decision.notBefore, utc("2027-01-04T11:00:00Z")); // 12:00 CET

        // Critical, by its severity or as an admin marked its type: at once, night or digest.
        decision = decide(preference, Severity::Critical, false, utc("2027-01-04T23:00:00Z"));
        QCOMPARE(decision.when, When::Now);
        QCOMPARE(decision.notBefore, utc("2027-01-04T23:00:00Z"));
        QCOMPARE(decide(preference, Severity::Warning, true, utc("2027-01-04T23:00:00Z")).when,
                 When::Now);
        // ... but never below the user's minimum severity: marking is about timing.
        preference.minimum = Severity::Critical;
        QCOMPARE(decide(preference, Severity::Warning, true, now).when, When::Never);
    }
};

QTEST_GUILESS_MAIN(tst_NotificationPolicy)
#include "tst_notificationpolicy.moc"
