#include "generator.h"

#include <QBuffer>
#include <QDate>
#include <QFont>
#include <QFontMetrics>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QStringList>

namespace qx::test::documents {

namespace {

using namespace Qt::StringLiterals;

// ---- Drawing ----

constexpr int kDpi = 300;
constexpr int kLeft = 200;
constexpr int kPageWidth = 2480; // A4 at 300 dpi
constexpr int kLineHeight = 75;

struct Pair
{
    QString label;
    QString value;
};

/// Lays text out on A4 pages of a PDF at 300 dpi.
class Sheet
{
public:
    Sheet()
        : m_buffer(&m_pdf)
    {
        m_buffer.open(QIODevice::WriteOnly);
        m_writer = std::make_unique<QPdfWriter>(&m_buffer);
        m_writer->setResolution(kDpi);
        m_writer->setPageSize(QPageSize(QPageSize::A4));
        m_writer->setPageMargins(QMarginsF(0, 0, 0, 0));
        m_painter.begin(m_writer.get());
        m_font = QFont(u"DejaVu Sans"_s);
        m_font.setPointSize(10);
        m_painter.setFont(m_font);
    }
    QByteArray finish()
    {
        m_painter.end();
        m_buffer.close();
        return m_pdf;
    }

    int width(const QString &text) const
    {
        return QFontMetrics(m_font, m_writer.get()).horizontalAdvance(text);
    }
    void title(const QString &text)
    {
        QFont bold = m_font;
        bold.setPointSize(15);
        bold.setBold(true);
        m_painter.setFont(bold);
        m_painter.drawText(QPointF(kLeft, m_y + 40), text);
        m_painter.setFont(m_font);
        m_y += 2 * kLineHeight;
    }
    void text(int x, const QString &text) { m_painter.drawText(QPointF(x, m_y + 40), text); }
    void newLine(int lines = 1) { m_y += lines * kLineHeight; }
    /// A paragraph wrapped at the page's width.
    void paragraph(const QString &text)
    {
        QString line;
        for (const QString &word : text.split(u' ')) {
            const QString longer = line.isEmpty() ? word : line + u' ' + word;
            if (width(longer) > kPageWidth - 2 * kLeft) {
                this->text(kLeft, line);
                newLine();
                line = word;
            } else {
                line = longer;
            }
        }
        if (!line.isEmpty()) {
            this->text(kLeft, line);
            newLine();
        }
        newLine();
    }

private:
    QByteArray m_pdf;
    QBuffer m_buffer;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    QFont m_font;
    int m_y = 200;
};

QString withColon(const QString &label)
{
    return label + u':';
}

void lay(Sheet &sheet, Layout layout, const QList<Pair> &pairs, QRandomGenerator &random)
{
    switch (layout) {
    case Layout::Inline:
        for (const Pair &pair : pairs) {
            sheet.text(kLeft, withColon(pair.label) + u' ' + pair.value);
            sheet.newLine();
        }
        return;
    case Layout::Letter:
    case Layout::TwoColumns: {
        const bool colon = layout == Layout::Letter || random.bounded(2) == 0;
        int labels = 0;
        for (const Pair &pair : pairs)
            labels = std::max(labels, sheet.width(withColon(pair.label)));
        const int valueX = kLeft + labels + 150 + int(random.bounded(300));
        for (const Pair &pair : pairs) {
            sheet.text(kLeft, colon ? withColon(pair.label) : pair.label);
            sheet.text(valueX, pair.value);
            sheet.newLine();
        }
        sheet.newLine();
        return;
    }
    case Layout::LabelAbove:
        for (const Pair &pair : pairs) {
            sheet.text(kLeft, pair.label);
            sheet.newLine();
            sheet.text(kLeft, pair.value);
            sheet.newLine(2);
        }
        return;
    case Layout::Grid: {
        const int right = kPageWidth / 2 + 50;
        for (qsizetype i = 0; i < pairs.size();) {
            const QString first = withColon(pairs[i].label) + u' ' + pairs[i].value;
            sheet.text(kLeft, first);
            if (i + 1 < pairs.size() && kLeft + sheet.width(first) + 150 < right) {
                sheet.text(right, withColon(pairs[i + 1].label) + u' ' + pairs[i + 1].value);
                i += 2;
            } else {
                i += 1;
            }
            sheet.newLine();
        }
        return;
    }
    case Layout::Table: {
        // As many columns to a row as fit, a header of labels over a row of values.
        constexpr int kGap = 120;
        for (qsizetype i = 0; i < pairs.size();) {
            QList<int> columns;
            int x = kLeft;
            qsizetype end = i;
            while (end < pairs.size()) {
                const int column
                    = std::max(sheet.width(pairs[end].label), sheet.width(pairs[end].value)) + kGap;
                if (end > i && x + column > kPageWidth - kLeft)
                    break;
                columns.append(x);
                x += column;
                ++end;
            }
            for (qsizetype c = i; c < end; ++c)
                sheet.text(columns[c - i], pairs[c].label);
            sheet.newLine();
            for (qsizetype c = i; c < end; ++c)
                sheet.text(columns[c - i], pairs[c].value);
            sheet.newLine(2);
            i = end;
        }
        return;
    }
    }
}

// ---- Wording ----

template<typename T>
const T &pick(QRandomGenerator &random, const QList<T> &choices)
{
    return choices[qsizetype(random.bounded(quint32(choices.size())))];
}

QString pick(QRandomGenerator &random, std::initializer_list<const char16_t *> choices)
{
    QStringList list;
    for (const char16_t *choice : choices)
        list.append(QString::fromUtf16(choice));
    return pick(random, list);
}

QLocale localeOf(Language language)
{
    return language == Language::German ? QLocale(QLocale::German, QLocale::Germany)
                                        : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString writtenDate(QRandomGenerator &random, QDate date, Language language)
{
    const QLocale locale = localeOf(language);
    if (language == Language::German) {
        return locale.toString(
            date, pick(random, { u"dd.MM.yyyy", u"d. MMMM yyyy", u"dd.MM.yyyy", u"d. MMM yyyy" }));
    }
    return locale.toString(
        date,
        pick(random,
             { u"d MMMM yyyy", u"d MMM yyyy", u"yyyy-MM-dd", u"dd-MMM-yyyy", u"MMMM d, yyyy" }));
}

/// A canonical decimal ("1234.5") as the language writes it, grouped or not.
QString writtenNumber(QRandomGenerator &random, const QString &canonical, Language language)
{
    const bool german = language == Language::German;
    QString integer = canonical.section(u'.', 0, 0);
    const QString fraction = canonical.section(u'.', 1);
    if (integer.size() > 3 && random.bounded(4) != 0) {
        const QChar group = german ? u'.' : u',';
        for (qsizetype at = integer.size() - 3; at > 0; at -= 3)
            integer.insert(at, group);
    }
    return fraction.isEmpty() ? integer : integer + (german ? u',' : u'.') + fraction;
}

QString amount(QRandomGenerator &random, int from, int to, int decimals)
{
    const int whole = from + int(random.bounded(to - from + 1));
    if (decimals == 0)
        return QString::number(whole);
    const int cents = int(random.bounded(100));
    return QStringLiteral("%1.%2").arg(whole).arg(cents, 2, 10, QLatin1Char('0'));
}

struct Product
{
    QString commodity;
    QString hub;
    QStringList hubNames;
    bool power;
    QString unit;
    QStringList unitNames;
    QString currency;
    QString priceUnit;
    QStringList priceUnitNames;
    int quantityFrom, quantityTo;
    int priceFrom, priceTo;
    bool december; ///< yearly contract delivering in December (EUA)
};

const QList<Product> &products()
{
    static const QList<Product> all {
        { u"power"_s,
          u"DE"_s,
          { u"Germany"_s, u"TenneT DE"_s, u"Amprion"_s, u"EPEX DE"_s, u"DE-LU"_s, u"50Hertz"_s },
          true,
          u"MW"_s,
          { u"MW"_s, u"MWh/h"_s },
          u"EUR"_s,
          u"EUR/MWh"_s,
          { u"EUR/MWh"_s, u"€/MWh"_s, u"EUR per MWh"_s },
          1,
          50,
          40,
          140,
          false },
        { u"power"_s,
          u"FR"_s,
          { u"France"_s, u"RTE"_s, u"EPEX FR"_s },
          true,
          u"MW"_s,
          { u"MW"_s },
          u"EUR"_s,
          u"EUR/MWh"_s,
          { u"EUR/MWh"_s, u"€/MWh"_s },
          1,
          30,
          40,
          140,
          false },
        { u"power"_s,
          u"NL"_s,
          { u"Netherlands"_s, u"TenneT NL"_s },
          true,
          u"MW"_s,
          { u"MW"_s },
          u"EUR"_s,
          u"EUR/MWh"_s,
          { u"EUR/MWh"_s },
          1,
          30,
          40,
          140,
          false },
        { u"natural_gas"_s,
          u"TTF"_s,
          { u"TTF"_s, u"Title Transfer Facility"_s, u"Dutch TTF"_s, u"TTF Hub"_s },
          false,
          u"MW"_s,
          { u"MW"_s, u"MWh/h"_s },
          u"EUR"_s,
          u"EUR/MWh"_s,
          { u"EUR/MWh"_s, u"€/MWh"_s },
          5,
          100,
          20,
          60,
          false },
        { u"natural_gas"_s,
          u"THE"_s,
          { u"Trading Hub Europe"_s, u"THE"_s },
          false,
          u"MW"_s,
          { u"MW"_s },
          u"EUR"_s,
          u"EUR/MWh"_s,
          { u"EUR/MWh"_s },
          5,
          100,
          20,
          60,
          false },
        { u"emissions"_s,
          u"EUA"_s,
          { u"EU Allowances"_s, u"EUA"_s, u"EU ETS"_s },
          false,
          u"tCO2"_s,
          { u"tCO2"_s, u"t CO2"_s, u"tonnes"_s },
          u"EUR"_s,
          u"EUR/t"_s,
          { u"EUR/t"_s, u"€/tCO2"_s, u"EUR per tonne"_s },
          1000,
          250000,
          60,
          110,
          true },
        { u"crude_oil"_s,
          u"BRENT"_s,
          { u"ICE Brent"_s, u"Brent"_s, u"North Sea Brent"_s },
          false,
          u"bbl"_s,
          { u"bbl"_s, u"barrels"_s },
          u"USD"_s,
          u"USD/bbl"_s,
          { u"USD/bbl"_s, u"$/bbl"_s, u"USD per barrel"_s },
          1000,
          500000,
          55,
          95,
          false },
        { u"natural_gas"_s,
          u"HH"_s,
          { u"Henry Hub"_s },
          false,
          u"MMBtu/d"_s,
          { u"MMBtu/d"_s, u"MMBtu/day"_s },
          u"USD"_s,
          u"USD/MMBtu"_s,
          { u"USD/MMBtu"_s, u"$/MMBtu"_s },
          1000,
          20000,
          2,
          6,
          false },
    };
    return all;
}

QString commodityWritten(QRandomGenerator &random, const QString &commodity, Language language)
{
    const bool german = language == Language::German;
    if (commodity == u"power")
        return german ? pick(random, { u"Strom", u"Power" })
                      : pick(random, { u"Power", u"Electricity" });
    if (commodity == u"natural_gas")
        return german ? pick(random, { u"Erdgas", u"Gas" })
                      : pick(random, { u"Natural Gas", u"Gas" });
    if (commodity == u"emissions") {
        return german ? pick(random, { u"Emissionszertifikate" })
                      : pick(random, { u"Emissions", u"EU Emission Allowances" });
    }
    return german ? pick(random, { u"Rohöl" }) : pick(random, { u"Crude Oil", u"Crude" });
}

const QStringList kParties { u"Alpha Energie GmbH"_s,
                             u"Nordlicht Trading AS"_s,
                             u"Rhein Power AG"_s,
                             u"Thames Gas Ltd"_s,
                             u"Baltic Carbon Markets AB"_s,
                             u"Gulf Crude Partners LLC"_s,
                             u"Compagnie Électrique du Sud SA"_s,
                             u"Hanse Energiehandel GmbH"_s };
const QStringList kBrokers { u"Tullett Prebon"_s, u"ICAP Energy"_s, u"Marex Spectron"_s,
                             u"TFS Green"_s, u"Griffin Markets"_s };

/// How the delivery period is written, and the dates it means.
struct Period
{
    QDate start;
    QDate end;
    QString written; ///< empty: written as two labelled dates instead
};

Period period(QRandomGenerator &random, const Product &product, Language language)
{
    const QLocale locale = localeOf(language);
    const bool german = language == Language::German;
    const int year = 2027 + int(random.bounded(2));
    const auto range = [&](QDate start, QDate end) -> QString {
        const QString first = writtenDate(random, start, language); // in this order: one seed,
        const QString last = writtenDate(random, end, language); // one document
        return first + u" - " + last;
    };
    if (product.december) {
        const QDate start(year, 12, 1);
        const QDate end(year, 12, 31);
        return { start, end,
                 pick(random,
                      QStringList { u"Dec-"_s + QString::number(year % 100),
                                    locale.monthName(12) + u' ' + QString::number(year),
                                    range(start, end) }) };
    }
    switch (product.power ? random.bounded(4) : random.bounded(2)) {
    case 0: { // a month
        const QDate start(year, 1 + int(random.bounded(12)), 1);
        const QDate end = start.addMonths(1).addDays(-1);
        const QString month = locale.monthName(start.month()) + u' ' + QString::number(year);
        const QString shortMonth = QLocale::c().monthName(start.month(), QLocale::ShortFormat)
            + u'-' + QString::number(year % 100);
        return { start, end,
                 pick(random,
                      QStringList { month, german ? month : shortMonth, range(start, end),
                                    QString() }) };
    }
    case 1: { // a quarter
        const int quarter = 1 + int(random.bounded(4));
        const QDate start(year, (quarter - 1) * 3 + 1, 1);
        const QDate end = start.addMonths(3).addDays(-1);
        return { start, end,
                 pick(random,
                      QStringList {
                          u"Q"_s + QString::number(quarter) + u' ' + QString::number(year),
                          u"Q"_s + QString::number(quarter) + u'-' + QString::number(year % 100),
                          range(start, end) }) };
    }
    case 2: { // a calendar year
        const QDate start(year, 1, 1);
        const QDate end(year, 12, 31);
        return { start, end,
                 pick(random,
                      QStringList { u"Cal-"_s + QString::number(year % 100),
                                    (german ? u"Kalenderjahr "_s : u"Calendar "_s)
                                        + QString::number(year),
                                    range(start, end) }) };
    }
    default: { // a season
        const bool summer = random.bounded(2) == 0;
        const QDate start = summer ? QDate(year, 4, 1) : QDate(year, 10, 1);
        const QDate end = summer ? QDate(year, 9, 30) : QDate(year + 1, 3, 31);
        const QString name = german ? (summer ? u"Sommer "_s : u"Winter "_s)
                                    : (summer ? u"Summer "_s : u"Winter "_s);
        return { start, end,
                 pick(random, QStringList { name + QString::number(year), range(start, end) }) };
    }
    }
}

QString label(QRandomGenerator &random, Language language,
              std::initializer_list<const char16_t *> english,
              std::initializer_list<const char16_t *> german)
{
    return pick(random, language == Language::German ? german : english);
}

QString seedText(Layout layout, Language language, const char *kind)
{
    return QStringLiteral("%1, %2, %3")
        .arg(QString::fromLatin1(kind), toString(layout), toString(language));
}

} // namespace

QString toString(Layout layout)
{
    switch (layout) {
    case Layout::Inline:
        return u"inline"_s;
    case Layout::TwoColumns:
        return u"two columns"_s;
    case Layout::Table:
        return u"table"_s;
    case Layout::LabelAbove:
        return u"label above"_s;
    case Layout::Grid:
        return u"grid"_s;
    case Layout::Letter:
        return u"letter"_s;
    }
    return {};
}

QString toString(Language language)
{
    return language == Language::German ? u"German"_s : u"English"_s;
}

Generated confirmation(QRandomGenerator &random, Layout layout, Language language)
{
    const bool german = language == Language::German;
    const Product &product = pick(random, products());
    QStringList parties = kParties;
    const QString buyer = parties.takeAt(qsizetype(random.bounded(quint32(parties.size()))));
    const QString seller = pick(random, parties);
    const QDate tradeDate = QDate(2026, 1, 5).addDays(random.bounded(330));
    const QString tradeId
        = pick(random,
               QStringList { u"QX-"_s + tradeDate.toString(u"yyyyMMdd") + u'-'
                                 + QString::number(random.bounded(1000, 9999)),
                             u"T"_s + QString::number(random.bounded(100000, 999999)),
                             u"BRK/"_s + QString::number(tradeDate.year()) + u'/'
                                 + QString::number(random.bounded(10000, 99999)) });
    const Period delivery = period(random, product, language);
    const QString quantity = amount(random, product.quantityFrom, product.quantityTo, 0);
    const QString price = amount(random, product.priceFrom, product.priceTo, 2);
    const bool withBroker = random.bounded(2) == 0;

    Generated generated;
    generated.description = seedText(layout, language, "confirmation");
    QMap<QString, QString> &expected = generated.expected;
    QList<Pair> pairs;
    const auto add = [&](const QString &labelText, const QString &value) {
        pairs.append({ labelText, value });
    };
    add(label(random, language, { u"Trade ID", u"Trade Reference", u"Deal No.", u"Deal Ref" },
              { u"Referenz", u"Geschäftsnummer", u"Abschlussnummer" }),
        tradeId);
    expected.insert(u"trade_id"_s, tradeId);
    add(label(random, language, { u"Trade Date", u"Deal Date", u"Transaction Date" },
              { u"Handelstag", u"Abschlussdatum", u"Handelsdatum" }),
        writtenDate(random, tradeDate, language));
    expected.insert(u"trade_date"_s, tradeDate.toString(Qt::ISODate));
    add(label(random, language, { u"Buyer" }, { u"Käufer" }), buyer);
    expected.insert(u"buyer"_s, buyer);
    add(label(random, language, { u"Seller" }, { u"Verkäufer" }), seller);
    expected.insert(u"seller"_s, seller);
    if (withBroker) {
        const QString broker = pick(random, kBrokers);
        add(label(random, language, { u"Broker", u"Executing Broker" }, { u"Makler", u"Broker" }),
            broker);
        expected.insert(u"broker"_s, broker);
    }
    add(label(random, language, { u"Commodity", u"Product" }, { u"Ware", u"Produkt" }),
        commodityWritten(random, product.commodity, language));
    expected.insert(u"commodity"_s, product.commodity);
    add(label(random, language, { u"Delivery Point", u"Hub", u"Delivery Location" },
              { u"Lieferort", u"Marktgebiet", u"Lieferpunkt" }),
        pick(random, product.hubNames));
    expected.insert(u"delivery_point"_s, product.hub);
    if (product.power) {
        const bool peak = random.bounded(3) == 0;
        add(label(random, language, { u"Load Shape", u"Load", u"Profile" },
                  { u"Lastprofil", u"Profil" }),
            peak ? (german ? pick(random, { u"Spitzenlast", u"Peak" })
                           : pick(random, { u"Peak", u"Peakload" }))
                 : (german ? pick(random, { u"Grundlast", u"Base" })
                           : pick(random, { u"Base", u"Baseload", u"Base Load" })));
        expected.insert(u"load_shape"_s, peak ? u"peak"_s : u"base"_s);
    }
    if (!delivery.written.isEmpty()) {
        add(label(random, language, { u"Delivery Period", u"Delivery", u"Contract Period" },
                  { u"Lieferzeitraum", u"Lieferperiode" }),
            delivery.written);
    } else {
        add(label(random, language, { u"Delivery Start", u"Start Date" }, { u"Lieferbeginn" }),
            writtenDate(random, delivery.start, language));
        add(label(random, language, { u"Delivery End", u"End Date" }, { u"Lieferende" }),
            writtenDate(random, delivery.end, language));
    }
    expected.insert(u"delivery_start"_s, delivery.start.toString(Qt::ISODate));
    expected.insert(u"delivery_end"_s, delivery.end.toString(Qt::ISODate));
    add(label(random, language, { u"Quantity", u"Contract Quantity", u"Volume" },
              { u"Menge", u"Vertragsmenge" }),
        writtenNumber(random, quantity, language) + u' ' + pick(random, product.unitNames));
    expected.insert(u"quantity"_s, quantity);
    expected.insert(u"quantity_unit"_s, product.unit);
    const QString priceUnitName = pick(random, product.priceUnitNames);
    const QString writtenPrice = writtenNumber(random, price, language);
    add(label(random, language, { u"Price", u"Contract Price", u"Fixed Price" },
              { u"Preis", u"Festpreis" }),
        random.bounded(3) == 0 && priceUnitName.startsWith(product.currency)
            ? QString(product.currency + u' ' + writtenPrice
                      + priceUnitName.mid(product.currency.size()))
            : QString(writtenPrice + u' ' + priceUnitName));
    expected.insert(u"price"_s, price);
    expected.insert(u"currency"_s, product.currency);
    expected.insert(u"price_unit"_s, product.priceUnit);

    // The order of the fields after the first two varies, as between senders.
    for (qsizetype i = pairs.size() - 1; i > 2; --i)
        pairs.swapItemsAt(i, 2 + qsizetype(random.bounded(quint32(i - 1))));

    Sheet sheet;
    sheet.title(label(random, language, { u"Trade Confirmation", u"Broker Recap", u"Confirmation" },
                      { u"Geschäftsbestätigung", u"Handelsbestätigung" }));
    if (layout == Layout::Letter) {
        sheet.paragraph(german ? u"Sehr geehrte Damen und Herren, wir bestätigen das folgende "
                                 u"zwischen den Parteien vereinbarte Geschäft:"_s
                               : u"Dear Sirs, we are pleased to confirm the following transaction "
                                 u"agreed between the parties named below:"_s);
    }
    lay(sheet, layout, pairs, random);
    sheet.newLine();
    sheet.paragraph(german ? u"Der Käufer zahlt innerhalb von 20 Tagen nach Rechnungsstellung. "
                             u"Es gelten die EFET-Rahmenbedingungen."_s
                           : u"The Buyer shall pay within 20 days of the invoice. This transaction "
                             u"is governed by the EFET General Agreement."_s);
    generated.pdf = sheet.finish();
    return generated;
}

Generated invoice(QRandomGenerator &random, Layout layout, Language language)
{
    const bool german = language == Language::German;
    QStringList parties = kParties;
    const QString issuer = parties.takeAt(qsizetype(random.bounded(quint32(parties.size()))));
    const QString recipient = pick(random, parties);
    const int year = 2027;
    const QDate periodStart(year, 1 + int(random.bounded(12)), 1);
    const QDate periodEnd = periodStart.addMonths(1).addDays(-1);
    const QDate invoiceDate = periodEnd.addDays(3 + int(random.bounded(10)));
    const QDate dueDate = invoiceDate.addDays(pick(random, QList<int> { 10, 14, 20, 30 }));
    const QString number
        = pick(random,
               QStringList { u"INV-"_s + QString::number(random.bounded(10000, 99999)),
                             u"RE-"_s + QString::number(year) + u'-'
                                 + QString::number(random.bounded(1000, 9999)),
                             QString::number(random.bounded(100000, 999999)) });
    const QString currency = random.bounded(3) == 0 ? u"GBP"_s : u"EUR"_s;
    const qint64 megawattHours = random.bounded(500, 60000);
    const qint64 centsPerMwh = random.bounded(4000, 14000);
    const qint64 net = megawattHours * centsPerMwh; // cents
    const int vatRate = currency == u"GBP" ? 20 : 19;
    const qint64 vat = (net * vatRate + 50) / 100;
    const auto money = [](qint64 cents) -> QString {
        return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
    };
    const auto written = [&](qint64 cents) -> QString {
        const QString number = writtenNumber(random, money(cents), language);
        const QString sign
            = currency == u"GBP" ? pick(random, { u"£", u"GBP" }) : pick(random, { u"€", u"EUR" });
        return random.bounded(2) == 0 ? sign + u' ' + number : number + u' ' + sign;
    };

    Generated generated;
    generated.description = seedText(layout, language, "invoice");
    QMap<QString, QString> &expected = generated.expected;
    QList<Pair> pairs;
    const auto add = [&](const QString &labelText, const QString &value) {
        pairs.append({ labelText, value });
    };
    add(label(random, language, { u"Invoice Number", u"Invoice No.", u"Invoice ID" },
              { u"Rechnungsnummer", u"Rechnung Nr." }),
        number);
    expected.insert(u"invoice_number"_s, number);
    add(label(random, language, { u"Invoice Date", u"Date" }, { u"Rechnungsdatum", u"Datum" }),
        writtenDate(random, invoiceDate, language));
    expected.insert(u"invoice_date"_s, invoiceDate.toString(Qt::ISODate));
    add(label(random, language, { u"Due Date", u"Payment Due" }, { u"Fällig am", u"Zahlbar bis" }),
        writtenDate(random, dueDate, language));
    expected.insert(u"due_date"_s, dueDate.toString(Qt::ISODate));
    add(label(random, language, { u"Supplier", u"Issuer" }, { u"Rechnungssteller", u"Lieferant" }),
        issuer);
    expected.insert(u"issuer"_s, issuer);
    add(label(random, language, { u"Bill To", u"Customer", u"Recipient" },
              { u"Rechnungsempfänger", u"Kunde" }),
        recipient);
    expected.insert(u"recipient"_s, recipient);
    const QLocale locale = localeOf(language);
    const QString periodLabel = label(random, language, { u"Billing Period", u"Supply Period" },
                                      { u"Abrechnungszeitraum", u"Lieferzeitraum" });
    QString periodText = locale.monthName(periodStart.month()) + u' ' + QString::number(year);
    if (random.bounded(2) == 0) {
        const QString first = writtenDate(random, periodStart, language);
        periodText = first + u" - " + writtenDate(random, periodEnd, language);
    }
    add(periodLabel, periodText);
    expected.insert(u"period_start"_s, periodStart.toString(Qt::ISODate));
    expected.insert(u"period_end"_s, periodEnd.toString(Qt::ISODate));
    add(label(random, language, { u"Quantity", u"Delivered Quantity" },
              { u"Liefermenge", u"Menge" }),
        writtenNumber(random, QString::number(megawattHours), language) + u" MWh");
    expected.insert(u"quantity"_s, QString::number(megawattHours));
    expected.insert(u"quantity_unit"_s, u"MWh"_s);
    // The amounts stay last, in this order, as on every invoice.
    QList<Pair> totals;
    totals.append({ label(random, language, { u"Net Amount", u"Subtotal" },
                          { u"Nettobetrag", u"Summe netto" }),
                    written(net) });
    totals.append({ (german ? u"Umsatzsteuer "_s : pick(random, { u"VAT ", u"Tax " }))
                        + QString::number(vatRate) + u" %",
                    written(vat) });
    totals.append({ label(random, language, { u"Total Amount", u"Amount Due", u"Total Due" },
                          { u"Bruttobetrag", u"Gesamtbetrag", u"Rechnungsbetrag" }),
                    written(net + vat) });
    expected.insert(u"net_amount"_s, money(net));
    expected.insert(u"vat_amount"_s, money(vat));
    expected.insert(u"gross_amount"_s, money(net + vat));
    expected.insert(u"currency"_s, currency);
    for (qsizetype i = pairs.size() - 1; i > 1; --i)
        pairs.swapItemsAt(i, 1 + qsizetype(random.bounded(quint32(i))));

    Sheet sheet;
    sheet.title(german ? u"Rechnung"_s : pick(random, { u"Invoice", u"INVOICE", u"Tax Invoice" }));
    if (layout == Layout::Letter) {
        sheet.paragraph(german ? u"Für die im Abrechnungszeitraum gelieferte Energie stellen wir "
                                 u"Ihnen in Rechnung:"_s
                               : u"For the energy delivered to you in the period below we invoice "
                                 u"you as follows:"_s);
    }
    lay(sheet, layout, pairs, random);
    sheet.newLine();
    lay(sheet,
        layout == Layout::Table || layout == Layout::LabelAbove ? Layout::TwoColumns : layout,
        totals, random);
    sheet.paragraph(german ? u"Bitte überweisen Sie den Betrag unter Angabe der Rechnungsnummer."_s
                           : u"Please pay the amount due quoting the invoice number."_s);
    generated.pdf = sheet.finish();
    return generated;
}

QString toString(Scan scan)
{
    switch (scan) {
    case Scan::Clean:
        return u"scan"_s;
    case Scan::TurnedAndNoisy:
        return u"turned, noisy, JPEG"_s;
    case Scan::Fax:
        return u"200-dpi fax"_s;
    }
    return {};
}

Scanned scanned(const QByteArray &pdf, Scan scan, QRandomGenerator &random)
{
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    const int dpi = scan == Scan::Fax ? 200 : 300;
    const QSize size(qRound(8.27 * dpi), qRound(11.69 * dpi));
    QImage page(size, QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        painter.drawImage(0, 0, document.render(0, size));
    }
    if (scan == Scan::TurnedAndNoisy) {
        const double degrees = (1.0 + random.bounded(2.0)) * (random.bounded(2) ? 1 : -1);
        QImage turned(size, QImage::Format_RGB32);
        turned.fill(Qt::white);
        QPainter painter(&turned);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.translate(size.width() / 2.0, size.height() / 2.0);
        painter.rotate(degrees);
        painter.translate(-size.width() / 2.0, -size.height() / 2.0);
        painter.drawImage(0, 0, page);
        painter.end();
        page = turned;
        // Speckles: one pixel in two hundred flipped to a random grey.
        for (int n = 0; n < size.width() * size.height() / 200; ++n) {
            const int grey = int(random.bounded(256));
            page.setPixel(int(random.bounded(size.width())), int(random.bounded(size.height())),
                          qRgb(grey, grey, grey));
        }
        QByteArray jpeg;
        QBuffer out(&jpeg);
        out.open(QIODevice::WriteOnly);
        page.save(&out, "JPEG", 55);
        page = QImage::fromData(jpeg, "JPEG");
    } else if (scan == Scan::Fax) {
        page = page.convertToFormat(QImage::Format_Mono, Qt::ThresholdDither);
    }
    return { page, dpi };
}

QByteArray linesPdf(const QStringList &lines, int pages)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    painter.setFont(QFont(u"DejaVu Sans"_s, 11));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        int y = 300;
        for (const QString &line : lines) {
            painter.drawText(250, y, line);
            y += 80;
        }
    }
    painter.end();
    return pdf;
}

QByteArray recapPdf(const Recap &recap, int pages)
{
    return linesPdf(
        { u"Spectron Energy Brokers"_s, u"TRADE CONFIRMATION"_s, u""_s,
          u"Trade ID: "_s + recap.tradeId,
          u"Trade Date: "_s + recap.tradeDate.toString(u"d MMM yyyy"_s), u"Buyer: "_s + recap.buyer,
          u"Seller: "_s + recap.seller, u"Commodity: Power"_s,
          u"Delivery Point: Germany (Amprion)"_s, u"Load Shape: Baseload"_s,
          u"Delivery Start: "_s + recap.start.toString(u"dd.MM.yyyy"_s),
          u"Delivery End: "_s + recap.end.toString(u"dd.MM.yyyy"_s),
          u"Quantity: "_s + recap.quantity + u" MW"_s, u"Price: "_s + recap.price + u" EUR/MWh"_s },
        pages);
}

} // namespace qx::test::documents
