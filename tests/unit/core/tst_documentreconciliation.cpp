// An invoice held against the deals of its period and counterparty: the energy they deliver in
// the period (hours on the market's clock) and its value at the booked prices, and what the
// invoice differs by. A wrong expected figure would send the back office chasing a difference
// that is not there, or let one through.
#include "core/documents/reconciliation.h"

#include <QTest>

using namespace qx::core;
using namespace qx::core::documents;
using namespace Qt::StringLiterals;

namespace {

Decimal dec(const char *text)
{
    return *Decimal::parse(QString::fromLatin1(text));
}

Delivered power(const char *id, const char *side, const char *counterparty, DeliveryPeriod period,
                const char *megawatts, const char *price)
{
    Instrument instrument;
    instrument.symbol = u"DE.BASE."_s + period.code();
    instrument.commodity = Commodity::Power;
    instrument.area = u"DE"_s;
    instrument.load = LoadShape::Base;
    instrument.delivery = period;
    instrument.timeZone = "Europe/Berlin";
    instrument.unit = QuantityUnit::Megawatt;
    instrument.currency = u"EUR"_s;
    Candidate booked { QString::fromLatin1(id),
                       u"deal"_s,
                       instrument.symbol,
                       QString::fromLatin1(side),
                       QString::fromLatin1(counterparty),
                       QDate(2026, 11, 3),
                       dec(megawatts),
                       u"MW"_s,
                       dec(price) };
    return Delivered { booked, instrument };
}

QMap<QString, Field> invoice(const char *quantity, const char *net)
{
    QMap<QString, Field> fields;
    const auto put = [&fields](const char *name, const QString &value) {
        fields.insert(QString::fromLatin1(name), Field { value, 0.95, 1, {} });
    };
    put("issuer", u"Nordlicht Trading AS"_s);
    put("recipient", u"Alpha Energie GmbH"_s);
    put("period_start", u"2027-01-01"_s);
    put("period_end", u"2027-01-31"_s);
    put("quantity", QString::fromLatin1(quantity));
    put("quantity_unit", u"MWh"_s);
    put("net_amount", QString::fromLatin1(net));
    put("currency", u"EUR"_s);
    return fields;
}

const QList<Delivered> kBooked {
    // January: 744 h; 10 MW at 87.25 is 7,440 MWh and 649,140.00 EUR.
    power("D1", "buy", "Nordlicht Trading AS", DeliveryPeriod::month(2027, 1), "10", "87.25"),
    // A first quarter: its January part, 5 MW over 744 h at 80.00: 3,720 MWh, 297,600.00 EUR.
    power("D2", "buy", "Nordlicht Trading AS", DeliveryPeriod::quarter(2027, 1), "5", "80"),
    // Sold back to them in January: 2 MW at 90.00, 1,488 MWh and 133,920.00 EUR, netted.
    power("D3", "sell", "NORDLICHT TRADING A/S", DeliveryPeriod::month(2027, 1), "2", "90"),
    // Another counterparty, and another month: not on this invoice.
    power("D4", "buy", "Other Power AG", DeliveryPeriod::month(2027, 1), "7", "85"),
    power("D5", "buy", "Nordlicht Trading AS", DeliveryPeriod::month(2027, 2), "10", "88"),
};

} // namespace

class tst_DocumentReconciliation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anInvoiceThatAgrees()
    {
        const Reconciliation result
            = reconcileInvoice(invoice("9672", "812820.00"), u"Alpha Energie GmbH"_s, kBooked);
        QVERIFY2(result.reason.isEmpty(), qPrintable(result.reason));
        QCOMPARE(result.counted, (QStringList { u"D1"_s, u"D2"_s, u"D3"_s }));
        QCOMPARE(result.expectedQuantity, dec("9672"));
        QCOMPARE(result.unit, u"MWh"_s);
        QCOMPARE(result.expectedAmount, dec("812820"));
        QCOMPARE(result.currency, u"EUR"_s);
        QCOMPARE(result.quantityDifference, std::optional(Decimal()));
        QCOMPARE(result.amountDifference, std::optional(Decimal()));
    }

    void anInvoiceThatForgotTheQuarter()
    {
        const Reconciliation result
            = reconcileInvoice(invoice("5952", "515220.00"), u"Alpha Energie GmbH"_s, kBooked);
        QCOMPARE(result.quantityDifference, std::optional(dec("-3720")));
        QCOMPARE(result.amountDifference, std::optional(dec("-297600")));
    }

    void theClockChangeCounts()
    {
        // March 2027 in Germany has 743 hours: 1 MW is 743 MWh.
        const QList<Delivered> march { power("D9", "buy", "Nordlicht Trading AS",
                                             DeliveryPeriod::month(2027, 3), "1", "50") };
        QMap<QString, Field> fields = invoice("743", "37150");
        fields[u"period_start"_s].value = u"2027-03-01"_s;
        fields[u"period_end"_s].value = u"2027-03-31"_s;
        const Reconciliation result = reconcileInvoice(fields, u"Alpha Energie GmbH"_s, march);
        QCOMPARE(result.expectedQuantity, dec("743"));
        QCOMPARE(result.amountDifference, std::optional(Decimal()));
    }

    void whatCannotBeReconciledSaysWhy()
    {
        const Reconciliation stranger
            = reconcileInvoice(invoice("1", "1"), u"Somebody Else Ltd"_s, kBooked);
        QVERIFY(stranger.counted.isEmpty());
        QVERIFY(stranger.reason.contains(u"Somebody Else Ltd"_s));
        QMap<QString, Field> noPeriod = invoice("1", "1");
        noPeriod.remove(u"period_end"_s);
        QVERIFY(!reconcileInvoice(noPeriod, u"Alpha Energie GmbH"_s, kBooked).reason.isEmpty());
        QMap<QString, Field> therms = invoice("1", "1");
        therms[u"quantity_unit"_s].value = u"therm"_s;
        const Reconciliation units = reconcileInvoice(therms, u"Alpha Energie GmbH"_s, kBooked);
        QVERIFY(!units.quantityDifference.has_value());
        QVERIFY(units.amountDifference.has_value());
    }
};

QTEST_APPLESS_MAIN(tst_DocumentReconciliation)
#include "tst_documentreconciliation.moc"
