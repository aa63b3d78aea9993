// What a notification says to a person: in their language (English, German, French from the
// compiled translations), on their clock, decimals exact with their decimal sign; an email in
// plain text and HTML, escaped; an SMS in one part for a fill; Telegram HTML escaped and
// within the Bot API's limit however long a digest grows.
#include "core/notifications/messagetext.h"
#include "core/notifications/templates.h"

#include <QRegularExpression>
#include <QTest>

using namespace qx::core::notifications;
using namespace Qt::StringLiterals;

class tst_NotificationTemplates : public QObject
{
    Q_OBJECT

    const QDateTime m_at { QDate(2026, 12, 7), QTime(12, 10), QTimeZone::utc() };
    const QTimeZone m_berlin { "Europe/Berlin" };

    Content fill(const QString &side = u"buy"_s) const
    {
        return { EventType::OrderFilled,
                 Severity::Info,
                 { { u"order_id"_s, u"4711"_s },
                   { u"client_order_id"_s, u"desk-1"_s },
                   { u"symbol"_s, u"DE.BASE.M.2027-03"_s },
                   { u"side"_s, side },
                   { u"quantity"_s, u"5"_s },
                   { u"filled_quantity"_s, u"5"_s },
                   { u"price"_s, u"-81.5"_s },
                   { u"average_price"_s, u"-81.25"_s } },
                 m_at };
    }
    static QString detail(const Text &text, const QString &label)
    {
        for (const auto &[name, value] : text.details) {
            if (name == label)
                return value;
        }
        return {};
    }

private Q_SLOTS:
    void aFillIsWrittenInTheReadersLanguageAndClock_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("priceLabel");
        QTest::addColumn<QString>("averagePrice");
        QTest::newRow("en") << u"en"_s << u"Bought 5 DE.BASE.M.2027-03 at -81.25"_s
                            << u"Average price"_s << u"-81.25"_s;
        QTest::newRow("de") << u"de"_s << u"5 DE.BASE.M.2027-03 gekauft zu -81,25"_s
                            << u"Durchschnittspreis"_s << u"-81,25"_s;
        QTest::newRow("fr") << u"fr"_s << u"Achat de 5 DE.BASE.M.2027-03 à -81,25"_s
                            << u"Prix moyen"_s << u"-81,25"_s;
    }
    void aFillIsWrittenInTheReadersLanguageAndClock()
    {
        QFETCH(QString, language);
        QFETCH(QString, title);
        QFETCH(QString, priceLabel);
        QFETCH(QString, averagePrice);
        const Templates templates = templatesFor(language, m_berlin);
        const Text text = templates.text(fill());
        QCOMPARE(text.title, title);
        QCOMPARE(detail(text, priceLabel), averagePrice);
        // The time on the reader's clock (12:10 UTC is 13:10 in Berlin in winter).
        QVERIFY2(text.details.last().second.startsWith(u"2026-12-07 13:10"),
                 qPrintable(text.details.last().second));
    }

    void everyEventTypeHasATitleInEveryLanguage()
    {
        for (const QString &language : { u"en"_s, u"de"_s, u"fr"_s }) {
            const Templates templates = templatesFor(language, QTimeZone::utc());
            QSet<QString> titles;
            for (EventType type : allEventTypes()) {
                Content content = fill();
                content.type = type;
                const QString title = templates.text(content).title;
                static const QRegularExpression placeholder(u"%[0-9n]"_s);
                QVERIFY2(!title.isEmpty() && !title.contains(placeholder), qPrintable(title));
                titles.insert(title);
            }
            QCOMPARE(titles.size(), allEventTypes().size());
        }
        // German and French are not English.
        QVERIFY(templatesFor(u"de"_s, QTimeZone::utc()).text(fill(u"sell"_s)).title
                != templatesFor(u"en"_s, QTimeZone::utc()).text(fill(u"sell"_s)).title);
    }

    void anEmailIsPlainAndEscapedHtml()
    {
        const Templates templates = templatesFor(u"en"_s, m_berlin);
        Content rejected = fill();
        rejected.type = EventType::OrderRejected;
        rejected.severity = Severity::Warning;
        rejected.facts.insert(u"reason"_s, u"price <80> & band"_s);
        const Text text = templates.text(rejected);
        QCOMPARE(templates.subject(text, Severity::Warning),
                 u"[QuantEnergx] Order refused: buy 5 DE.BASE.M.2027-03"_s);
        QVERIFY(templates.subject(text, Severity::Critical).contains(u"CRITICAL"));
        QVERIFY(templates.plain(text).contains(u"Reason: price <80> & band\n"));
        const QString html = templates.html(text);
        QVERIFY(html.contains(u"price &lt;80&gt; &amp; band"));
        QVERIFY(!html.contains(u"<80>"));
    }

    void aFillsSmsFitsOneMessage()
    {
        for (const QString &language : { u"en"_s, u"de"_s, u"fr"_s }) {
            const Templates templates = templatesFor(language, m_berlin);
            const QString sms = templates.sms(templates.text(fill()), Severity::Info, m_at);
            QCOMPARE(smsParts(sms).size(), 1);
            QVERIFY(sms.startsWith(u"QuantEnergx"));
        }
    }

    void aTelegramMessageIsEscapedAndWithinTheLimit()
    {
        const Templates templates = templatesFor(u"en"_s, QTimeZone::utc());
        Content odd = fill();
        odd.facts.insert(u"client_order_id"_s, u"<b>x</b>&"_s);
        const QString message = templates.telegram(templates.text(odd));
        QVERIFY(message.startsWith(u"<b>Bought"));
        QVERIFY(message.contains(u"&lt;b&gt;x&lt;/b&gt;&amp;"));
        QList<Content> many(400, fill());
        const QString digest = templates.telegram(templates.digest(many));
        QVERIFY(digest.size() <= kTelegramMaxCharacters);
        QVERIFY(digest.endsWith(u"…"));
        QVERIFY(digest.startsWith(u"<b>Digest: 400 notifications</b>"));
        QCOMPARE(templatesFor(u"de"_s, QTimeZone::utc()).digest({ fill() }).title,
                 u"Zusammenfassung: 1 Benachrichtigung"_s);
    }
};

QTEST_GUILESS_MAIN(tst_NotificationTemplates)
#include "tst_notificationtemplates.moc"
