// A confirmation's or an invoice's words, laid out as documents lay them out (label and value
// on one line, two columns, a table with its header, a label over its value), read into the
// same fields whatever the layout and language: a field read from the wrong place would book
// or match the wrong deal.
#include "core/documents/contract.h"
#include "core/documents/extraction.h"

#include <QFile>

#include <QTest>

using namespace qx::core::documents;
using namespace Qt::StringLiterals;

namespace {

/// Sets text as a page would hold it: each cell's words at 300 dpi (12 pt: 40 px high, 20 px a
/// character, a space of 12 px), a cell starting at its column's x, rows 60 px apart.
class Page
{
public:
    explicit Page(int page = 1)
        : m_page(page)
    { }
    /// A row of cells, each at the x given.
    Page &row(std::initializer_list<std::pair<int, QString>> cells)
    {
        for (const auto &[x, text] : cells) {
            int left = x;
            for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
                const int width = int(word.size()) * 20;
                m_words.append(Word { word, QRect(left, m_y, width, 40), m_confidence, m_page });
                left += width + 12;
            }
        }
        m_y += 60;
        return *this;
    }
    Page &line(const QString &text) { return row({ { 150, text } }); }
    Page &gap()
    {
        m_y += 60;
        return *this;
    }
    Page &confidence(double value)
    {
        m_confidence = value;
        return *this;
    }
    QList<Word> words() const { return m_words; }

private:
    int m_page;
    int m_y = 150;
    double m_confidence = 0.97;
    QList<Word> m_words;
};

QString valueOf(const Extraction &extraction, const char *name)
{
    return valueOf(extraction.fields, name);
}

} // namespace

class tst_DocumentExtraction : public QObject
{
    Q_OBJECT

private:
    // The fields every confirmation layout below holds, as the system writes them.
    static void expectTheConfirmation(const Extraction &read)
    {
        QCOMPARE(toString(read.type), toString(DocumentType::Confirmation));
        QCOMPARE(valueOf(read, "trade_id"), u"QX-20261103-0042"_s);
        QCOMPARE(valueOf(read, "trade_date"), u"2026-11-03"_s);
        QCOMPARE(valueOf(read, "buyer"), u"Alpha Energie GmbH"_s);
        QCOMPARE(valueOf(read, "seller"), u"Nordlicht Trading AS"_s);
        QCOMPARE(valueOf(read, "commodity"), u"power"_s);
        QCOMPARE(valueOf(read, "delivery_point"), u"DE"_s);
        QCOMPARE(valueOf(read, "load_shape"), u"base"_s);
        QCOMPARE(valueOf(read, "delivery_start"), u"2027-01-01"_s);
        QCOMPARE(valueOf(read, "delivery_end"), u"2027-01-31"_s);
        QCOMPARE(valueOf(read, "quantity"), u"10"_s);
        QCOMPARE(valueOf(read, "quantity_unit"), u"MW"_s);
        QCOMPARE(valueOf(read, "price"), u"87.25"_s);
        QCOMPARE(valueOf(read, "currency"), u"EUR"_s);
        QCOMPARE(valueOf(read, "price_unit"), u"EUR/MWh"_s);
    }

private Q_SLOTS:
    void labelAndValueOnOneLine()
    {
        Page page;
        page.line(u"TRADE CONFIRMATION"_s)
            .gap()
            .line(u"Trade ID: QX-20261103-0042"_s)
            .line(u"Trade Date: 3 November 2026"_s)
            .line(u"Buyer: Alpha Energie GmbH"_s)
            .line(u"Seller: Nordlicht Trading AS"_s)
            .line(u"Commodity: Electricity"_s)
            .line(u"Delivery Point: TenneT DE"_s)
            .line(u"Load Shape: Baseload"_s)
            .line(u"Delivery Period: 01/01/2027 - 31/01/2027"_s)
            .line(u"Quantity: 10 MW"_s)
            .line(u"Price: 87.25 EUR/MWh"_s)
            .line(u"Total Volume: 7,440 MWh"_s)
            .gap()
            .line(u"The Buyer shall pay within 20 days of the invoice."_s);
        const Extraction read = extractFields(page.words());
        expectTheConfirmation(read);
        QCOMPARE(valueOf(read, "total_volume"), u"7440"_s);
        QCOMPARE(valueOf(read, "total_volume_unit"), u"MWh"_s);
        // Where each value was read, for the screen that outlines it.
        const Field price = read.fields.value(u"price"_s);
        QCOMPARE(price.page, 1);
        QVERIFY(price.box.left() > 150 && price.box.width() > 0);
        QCOMPARE(price.confidence, 0.97);
    }

    void twoColumnsInGermanWithDecimalCommas()
    {
        Page page;
        page.line(u"Geschäftsbestätigung"_s)
            .gap()
            .row({ { 150, u"Referenz"_s }, { 900, u"QX-20261103-0042"_s } })
            .row({ { 150, u"Handelstag"_s }, { 900, u"03.11.2026"_s } })
            .row({ { 150, u"Käufer"_s }, { 900, u"Alpha Energie GmbH"_s } })
            .row({ { 150, u"Verkäufer"_s }, { 900, u"Nordlicht Trading AS"_s } })
            .row({ { 150, u"Produkt"_s }, { 900, u"Strom Grundlast"_s } })
            .row({ { 150, u"Lieferort"_s }, { 900, u"Amprion"_s } })
            .row({ { 150, u"Lieferbeginn"_s }, { 900, u"01.01.2027"_s } })
            .row({ { 150, u"Lieferende"_s }, { 900, u"31.01.2027"_s } })
            .row({ { 150, u"Menge"_s }, { 900, u"10 MW"_s } })
            .row({ { 150, u"Preis"_s }, { 900, u"87,25 EUR/MWh"_s } })
            .row({ { 150, u"Gesamtmenge"_s }, { 900, u"7.440 MWh"_s } });
        const Extraction read = extractFields(page.words());
        expectTheConfirmation(read);
        QCOMPARE(valueOf(read, "total_volume"), u"7440"_s);
    }

    void aTableWithItsHeader()
    {
        Page page;
        page.line(u"Broker Recap"_s)
            .line(u"Broker: Tullett Prebon"_s)
            .line(u"Deal Ref: QX-20261103-0042"_s)
            .line(u"Deal Date: Nov 3, 2026"_s)
            .gap()
            .row({ { 150, u"Buyer"_s },
                   { 700, u"Seller"_s },
                   { 1300, u"Product"_s },
                   { 2100, u"Volume"_s },
                   { 2500, u"Price"_s } })
            .row({ { 150, u"Alpha Energie GmbH"_s },
                   { 700, u"Nordlicht Trading AS"_s },
                   { 1300, u"German Power Base Jan-27"_s },
                   { 2100, u"10 MW"_s },
                   { 2500, u"€87.25/MWh"_s } });
        const Extraction read = extractFields(page.words());
        expectTheConfirmation(read);
        QCOMPARE(valueOf(read, "broker"), u"Tullett Prebon"_s);
    }

    void aLabelOverItsValue()
    {
        Page page;
        page.line(u"Confirmation of trade"_s).gap();
        for (const auto &[label, value] :
             { std::pair(u"Trade Reference"_s, u"QX-20261103-0042"_s),
               std::pair(u"Trade Date"_s, u"11/03/2026"_s),
               std::pair(u"Buyer"_s, u"Alpha Energie GmbH"_s),
               std::pair(u"Seller"_s, u"Nordlicht Trading AS"_s),
               std::pair(u"Delivery Point"_s, u"Germany"_s), std::pair(u"Load"_s, u"Base"_s),
               std::pair(u"Start Date"_s, u"01/01/2027"_s),
               std::pair(u"End Date"_s, u"01/31/2027"_s),
               std::pair(u"Contract Quantity"_s, u"10 MW"_s),
               std::pair(u"Contract Price"_s, u"EUR 87.25 per MWh"_s) })
            page.line(label).line(value).gap();
        const Extraction read = extractFields(page.words());
        // 01/31/2027 says the document writes month first: 11/03/2026 is 3 November.
        expectTheConfirmation(read);
    }

    void anInvoiceInGerman()
    {
        Page page;
        page.line(u"Rechnung"_s)
            .gap()
            .row({ { 150, u"Rechnungsnummer:"_s }, { 900, u"RE-2026-1187"_s } })
            .row({ { 150, u"Rechnungsdatum:"_s }, { 900, u"05.02.2027"_s } })
            .row({ { 150, u"Fällig am:"_s }, { 900, u"19.02.2027"_s } })
            .row({ { 150, u"Rechnungssteller:"_s }, { 900, u"Nordlicht Trading AS"_s } })
            .row({ { 150, u"Rechnungsempfänger:"_s }, { 900, u"Alpha Energie GmbH"_s } })
            .row({ { 150, u"Abrechnungszeitraum:"_s }, { 900, u"01.01.2027 - 31.01.2027"_s } })
            .row({ { 150, u"Liefermenge:"_s }, { 900, u"7.440 MWh"_s } })
            .gap()
            .row({ { 150, u"Nettobetrag"_s }, { 1500, u"649.140,00 EUR"_s } })
            .row({ { 150, u"Umsatzsteuer 19 %"_s }, { 1500, u"123.336,60 EUR"_s } })
            .row({ { 150, u"Bruttobetrag"_s }, { 1500, u"772.476,60 EUR"_s } });
        const Extraction read = extractFields(page.words());
        QCOMPARE(toString(read.type), toString(DocumentType::Invoice));
        QCOMPARE(valueOf(read, "invoice_number"), u"RE-2026-1187"_s);
        QCOMPARE(valueOf(read, "invoice_date"), u"2027-02-05"_s);
        QCOMPARE(valueOf(read, "due_date"), u"2027-02-19"_s);
        QCOMPARE(valueOf(read, "issuer"), u"Nordlicht Trading AS"_s);
        QCOMPARE(valueOf(read, "recipient"), u"Alpha Energie GmbH"_s);
        QCOMPARE(valueOf(read, "period_start"), u"2027-01-01"_s);
        QCOMPARE(valueOf(read, "period_end"), u"2027-01-31"_s);
        QCOMPARE(valueOf(read, "quantity"), u"7440"_s);
        QCOMPARE(valueOf(read, "quantity_unit"), u"MWh"_s);
        QCOMPARE(valueOf(read, "net_amount"), u"649140.00"_s);
        QCOMPARE(valueOf(read, "vat_amount"), u"123336.60"_s);
        QCOMPARE(valueOf(read, "gross_amount"), u"772476.60"_s);
        QCOMPARE(valueOf(read, "currency"), u"EUR"_s);
    }

    void anInvoiceInEnglishWithTheLabelsOnTheRight()
    {
        Page page;
        page.line(u"Nordlicht Trading AS"_s)
            .row({ { 150, u"INVOICE"_s }, { 1400, u"Invoice No.: INV 88213"_s } })
            .row({ { 150, u"Bill To: Alpha Energie GmbH"_s }, { 1400, u"Date: 5 Feb 2027"_s } })
            .row({ { 1400, u"Due Date: 19 Feb 2027"_s } })
            .line(u"Billing period: January 2027"_s)
            .line(u"Quantity: 7,440 MWh"_s)
            .row({ { 150, u"Subtotal"_s }, { 1500, u"£ 549,140.00"_s } })
            .row({ { 150, u"VAT (20%)"_s }, { 1500, u"£ 109,828.00"_s } })
            .row({ { 150, u"Amount Due"_s }, { 1500, u"£ 658,968.00"_s } });
        const Extraction read = extractFields(page.words());
        QCOMPARE(toString(read.type), toString(DocumentType::Invoice));
        QCOMPARE(valueOf(read, "invoice_number"), u"88213"_s);
        QCOMPARE(valueOf(read, "recipient"), u"Alpha Energie GmbH"_s);
        QCOMPARE(valueOf(read, "invoice_date"), u"2027-02-05"_s);
        QCOMPARE(valueOf(read, "due_date"), u"2027-02-19"_s);
        QCOMPARE(valueOf(read, "period_start"), u"2027-01-01"_s);
        QCOMPARE(valueOf(read, "period_end"), u"2027-01-31"_s);
        QCOMPARE(valueOf(read, "net_amount"), u"549140.00"_s);
        QCOMPARE(valueOf(read, "vat_amount"), u"109828.00"_s);
        QCOMPARE(valueOf(read, "gross_amount"), u"658968.00"_s);
        QCOMPARE(valueOf(read, "currency"), u"GBP"_s);
    }

    void lowConfidenceWordsMakeALowConfidenceField()
    {
        Page page;
        page.line(u"Trade Confirmation"_s)
            .line(u"Buyer: Alpha Energie GmbH"_s)
            .confidence(0.41)
            .line(u"Price: 87.25 EUR/MWh"_s);
        const Extraction read = extractFields(page.words());
        QCOMPARE(read.fields.value(u"price"_s).confidence, 0.41);
        QCOMPARE(read.fields.value(u"buyer"_s).confidence, 0.97);
    }

    // The fields name the catalog's contract: the one deals on it are booked under.
    void theContractTheFieldsDescribe()
    {
        QFile file(QStringLiteral(QX_SOURCE_DIR "/resources/catalog/default-products.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto catalog = qx::core::ProductCatalog::fromJson(file.readAll());
        QVERIFY(catalog.ok());
        const auto symbol
            = [&catalog](const QString &commodity, const QString &hub, const QString &shape,
                         const QString &start, const QString &end) {
                  QMap<QString, Field> fields;
                  const auto put = [&fields](const char *name, const QString &value) {
                      if (!value.isEmpty())
                          fields.insert(QString::fromLatin1(name), Field { value, 1.0, 1, {} });
                  };
                  put("commodity", commodity);
                  put("delivery_point", hub);
                  put("load_shape", shape);
                  put("delivery_start", start);
                  put("delivery_end", end);
                  return resolveSymbol(fields, *catalog).value_or(u"none"_s);
              };
        QCOMPARE(symbol(u"power"_s, u"DE"_s, u"base"_s, u"2027-01-01"_s, u"2027-01-31"_s),
                 u"DE.BASE.M.2027-01"_s);
        QCOMPARE(symbol(u"power"_s, u"DE"_s, u"peak"_s, u"2027-02-01"_s, u"2027-02-28"_s),
                 u"DE.PEAK.M.2027-02"_s);
        QCOMPARE(symbol(u"power"_s, u"DE"_s, {}, u"2027-04-01"_s, u"2027-06-30"_s),
                 u"DE.BASE.Q.2027-Q2"_s);
        QCOMPARE(symbol(u"power"_s, u"DE"_s, u"base"_s, u"2028-01-01"_s, u"2028-12-31"_s),
                 u"DE.BASE.Y.2028"_s);
        QCOMPARE(symbol(u"natural_gas"_s, u"TTF"_s, {}, u"2027-10-01"_s, u"2028-03-31"_s),
                 u"TTF.S.2027-WIN"_s);
        QCOMPARE(symbol(u"emissions"_s, u"EUA"_s, {}, u"2027-12-01"_s, u"2027-12-31"_s),
                 u"EUA.DEC.2027"_s);
        QCOMPARE(symbol(u"crude_oil"_s, u"BRENT"_s, {}, u"2027-03-01"_s, u"2027-03-31"_s),
                 u"BRENT.M.2027-03"_s);
        // Nothing listed fits: no guess.
        QCOMPARE(symbol(u"power"_s, u"FR"_s, u"peak"_s, u"2027-01-01"_s, u"2027-01-31"_s),
                 u"none"_s);
        QCOMPARE(symbol(u"power"_s, u"DE"_s, u"base"_s, u"2027-01-05"_s, u"2027-01-31"_s),
                 u"none"_s);
        QCOMPARE(symbol(u"natural_gas"_s, u"DE"_s, {}, u"2027-01-01"_s, u"2027-01-31"_s),
                 u"none"_s);
        QCOMPARE(symbol({}, u"DE"_s, u"base"_s, u"2027-01-01"_s, u"2027-01-31"_s), u"none"_s);
    }

    void whatIsNeitherIsUnknownAndReadsNothing()
    {
        Page page;
        page.line(u"Minutes of the quarterly meeting"_s).line(u"Present: the whole desk"_s);
        const Extraction read = extractFields(page.words());
        QCOMPARE(toString(read.type), toString(DocumentType::Unknown));
        QVERIFY(read.fields.isEmpty());
        QVERIFY(extractFields({}).fields.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_DocumentExtraction)
#include "tst_documentextraction.moc"
