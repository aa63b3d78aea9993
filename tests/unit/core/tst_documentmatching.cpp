// A confirmation held against the firm's deals and trades: the right one is matched, a
// difference is shown field by field, and two that fit equally are never matched to either
// (a false match would hide a break the back office must see).
#include "core/documents/matching.h"

#include <QTest>

using namespace qx::core::documents;
using qx::core::Decimal;
using namespace Qt::StringLiterals;

namespace {

Decimal dec(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

Candidate booked(const char *id, const char *side, const char *counterparty, const char *quantity,
                 const char *price, QDate date = QDate(2026, 11, 3))
{
    return Candidate { QString::fromLatin1(id),
                       u"deal"_s,
                       u"DE.BASE.M.2027-01"_s,
                       QString::fromLatin1(side),
                       QString::fromUtf8(counterparty),
                       date,
                       dec(quantity),
                       u"MW"_s,
                       dec(price) };
}

QMap<QString, Field> confirmation(const QString &buyer = u"ALPHA ENERGIE GMBH"_s)
{
    QMap<QString, Field> fields;
    const auto put = [&fields](const char *name, const QString &value) {
        fields.insert(QString::fromLatin1(name), Field { value, 0.95, 1, {} });
    };
    put("symbol", u"DE.BASE.M.2027-01"_s);
    put("trade_date", u"2026-11-03"_s);
    put("buyer", buyer);
    put("seller", u"Nordlicht Trading A/S"_s);
    put("quantity", u"10"_s);
    put("quantity_unit", u"MW"_s);
    put("price", u"87.25"_s);
    return fields;
}

const QString kFirm = u"Alpha Energie GmbH"_s;

QStringList idsOf(const MatchResult &result)
{
    QStringList ids;
    for (const Candidate &candidate : result.candidates)
        ids.append(candidate.id);
    return ids;
}

} // namespace

class tst_DocumentMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theOneThatFitsIsMatched()
    {
        const QList<Candidate> deals { booked("D1", "buy", "Nordlicht Trading AS", "10", "87.25"),
                                       booked("D2", "sell", "Nordlicht Trading AS", "10", "87.25"),
                                       booked("D3", "buy", "Other Power AG", "10", "87.25"),
                                       booked("D4", "buy", "Nordlicht Trading AS", "10", "87.25",
                                              QDate(2026, 11, 4)) };
        const MatchResult result = matchConfirmation(confirmation(), kFirm, deals);
        QCOMPARE(toString(result.state), u"matched"_s);
        QCOMPARE(idsOf(result), QStringList { u"D1"_s });
    }

    void aPriceOffIsABreakThatSaysSo()
    {
        const QList<Candidate> deals { booked("D1", "buy", "Nordlicht Trading AS", "10", "87.50") };
        const MatchResult result = matchConfirmation(confirmation(), kFirm, deals);
        QCOMPARE(toString(result.state), u"break"_s);
        QCOMPARE(idsOf(result), QStringList { u"D1"_s });
        QCOMPARE(result.differences.size(), 1);
        QCOMPARE(result.differences[0].field, u"price"_s);
        QCOMPARE(result.differences[0].document, u"87.25"_s);
        QCOMPARE(result.differences[0].booked, u"87.5"_s);
        // Within a tolerance it matches.
        const MatchResult tolerated
            = matchConfirmation(confirmation(), kFirm, deals, Tolerance { {}, dec("0.25") });
        QCOMPARE(toString(tolerated.state), u"matched"_s);
    }

    void aDateTypedWrongIsABreakNotAMiss()
    {
        const QList<Candidate> deals { booked("D1", "buy", "Nordlicht Trading AS", "12", "87.25",
                                              QDate(2026, 11, 2)) };
        const MatchResult result = matchConfirmation(confirmation(), kFirm, deals);
        QCOMPARE(toString(result.state), u"break"_s);
        QStringList fields;
        for (const Difference &difference : result.differences)
            fields.append(difference.field);
        QCOMPARE(fields, (QStringList { u"trade_date"_s, u"quantity"_s }));
    }

    void twoThatFitEquallyAreABreakNamingBoth()
    {
        const QList<Candidate> deals { booked("D1", "buy", "Nordlicht Trading AS", "10", "87.25"),
                                       booked("D2", "buy", "Nordlicht Trading AS", "10", "87.25") };
        const MatchResult result = matchConfirmation(confirmation(), kFirm, deals);
        QCOMPARE(toString(result.state), u"break"_s);
        QCOMPARE(idsOf(result), (QStringList { u"D1"_s, u"D2"_s }));
        QVERIFY(!result.reason.isEmpty());
        // Two equally close breaks are named together too.
        const QList<Candidate> off { booked("D1", "buy", "Nordlicht Trading AS", "11", "87.25"),
                                     booked("D2", "buy", "Nordlicht Trading AS", "9", "87.25") };
        QCOMPARE(idsOf(matchConfirmation(confirmation(), kFirm, off)),
                 (QStringList { u"D1"_s, u"D2"_s }));
    }

    void anExchangeTradeHasNoCounterpartyToCompare()
    {
        Candidate trade = booked("T7", "buy", "", "10", "87.25");
        trade.kind = u"trade"_s;
        const MatchResult result = matchConfirmation(confirmation(), kFirm, { trade });
        QCOMPARE(toString(result.state), u"matched"_s);
        QCOMPARE(result.candidates.front().kind, u"trade"_s);
    }

    void nothingCloseIsUnmatched()
    {
        const QList<Candidate> deals { booked("D2", "sell", "Nordlicht Trading AS", "10", "87.25"),
                                       booked("D3", "buy", "Other Power AG", "10", "87.25",
                                              QDate(2026, 10, 1)) };
        const MatchResult result = matchConfirmation(confirmation(), kFirm, deals);
        QCOMPARE(toString(result.state), u"unmatched"_s);
        QVERIFY(result.candidates.isEmpty());
        QVERIFY(!result.reason.isEmpty());
    }

    void withoutTheFirmOrTheContractNothingIsMatched()
    {
        const QList<Candidate> deals { booked("D1", "buy", "Nordlicht Trading AS", "10", "87.25") };
        const MatchResult stranger
            = matchConfirmation(confirmation(u"Somebody Else Ltd"_s), kFirm, deals);
        QCOMPARE(toString(stranger.state), u"unmatched"_s);
        QVERIFY(stranger.reason.contains(kFirm));
        QMap<QString, Field> unread = confirmation();
        unread.remove(u"symbol"_s);
        QCOMPARE(toString(matchConfirmation(unread, kFirm, deals).state), u"unmatched"_s);
    }

    void partiesAreTheSameHoweverWritten()
    {
        QVERIFY(sameParty(u"Alpha Energie GmbH"_s, u"ALPHA ENERGIE"_s));
        QVERIFY(sameParty(u"Nordlicht Trading A/S"_s, u"Nordlicht Trading AS"_s));
        QVERIFY(sameParty(u"Électricité du Sud SA"_s, u"Electricite du Sud"_s));
        QVERIFY(!sameParty(u"Alpha Energie GmbH"_s, u"Alpha Energy Ltd"_s));
        QVERIFY(!sameParty(u"GmbH"_s, u"AG"_s));
    }
};

QTEST_APPLESS_MAIN(tst_DocumentMatching)
#include "tst_documentmatching.moc"
