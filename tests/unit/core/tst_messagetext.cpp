// A notification's text as the channels take it: SMS in GSM-7 or UCS-2, one message or the
// parts of a longer one, never split inside a character; Telegram HTML escaped and cut to the
// Bot API's limit without cutting an entity or a character in half.
#include "core/notifications/messagetext.h"

#include <QTest>

using namespace qx::core::notifications;
using namespace Qt::StringLiterals;

class tst_MessageText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gsm7CountsSeptets()
    {
        QCOMPARE(gsm7Septets(u"Filled 10 MW DE base Jan-27 @ 84.50 EUR"), 39);
        QCOMPARE(gsm7Septets(u"Limit 80 % used — check"), -1); // the dash is not GSM-7
        QCOMPARE(gsm7Septets(u"Preis: 84,50 €"), 15); // € is in the extension table: two
        QVERIFY(isGsm7(u"Lieferung ab 01.01.2027, Käufer: Müller & Söhne"));
        QVERIFY(!isGsm7(u"Prix: 84,50 € — accepté"));
    }

    void aShortSmsIsOneAndALongOneIsSplitIntoParts()
    {
        const QString exactly160(160, u'a');
        QCOMPARE(smsParts(exactly160), QStringList { exactly160 });
        // 161 septets: two parts of at most 153.
        const QString longer(161, u'a');
        QStringList parts = smsParts(longer);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).size(), 153);
        QCOMPARE(parts.join(QString()), longer);
        // A euro sign (escape + septet) that would straddle two parts goes whole to the next.
        const QString euros = QString(152, u'a') + u"€" + QString(10, u'b');
        parts = smsParts(euros);
        QCOMPARE(parts.at(0), QString(152, u'a'));
        QVERIFY(parts.at(1).startsWith(u"€"));
        QCOMPARE(parts.join(QString()), euros);
        // 160 characters of which one is € take 161 septets: two parts.
        QCOMPARE(smsParts(QString(159, u'a') + u"€").size(), 2);
        // UCS-2: 70 to a message, 67 to a part; an emoji (a surrogate pair) is never split.
        const QString greek70 = QString(69, u'a') + u"—";
        QCOMPARE(smsParts(greek70).size(), 1);
        const QString emoji = QString(66, u'a') + u"⚡" + u"\U0001F525" + QString(5, u'b');
        parts = smsParts(emoji);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0), QString(66, u'a') + u"⚡");
        QVERIFY(parts.at(1).startsWith(u"\U0001F525"));
        for (const QString &part : parts)
            QVERIFY(part.size() <= 67);
    }

    void telegramTextIsEscapedAndCutWhole()
    {
        QCOMPARE(telegramEscape(u"Break: <price> 84.75 & \"84.5\""),
                 u"Break: &lt;price&gt; 84.75 &amp; &quot;84.5&quot;"_s);
        QCOMPARE(telegramMessage(u"a < b"_s), u"a &lt; b"_s);
        // Cut before escaping: the message keeps 4,096 characters and ends with the ellipsis,
        // an ampersand at the cut still whole.
        const QString longText = QString(4094, u'x') + u"&&&&";
        const QString cut = telegramMessage(longText);
        QVERIFY(cut.endsWith(u"&amp;…"));
        QCOMPARE(QString(cut).replace(u"&amp;"_s, u"&"_s).size(), kTelegramMaxCharacters);
        // A surrogate pair at the cut is dropped whole, not halved.
        const QString emoji = QString(4094, u'x') + u"\U0001F525" + u"tail";
        const QString safe = telegramMessage(emoji);
        QVERIFY(!safe.at(safe.size() - 2).isHighSurrogate());
        QVERIFY(safe.size() <= kTelegramMaxCharacters);
    }
};

QTEST_GUILESS_MAIN(tst_MessageText)
#include "tst_messagetext.moc"
