#include "core/documents/extraction.h"

#include "core/documents/normalise.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <span>

namespace qx::core::documents {

namespace {

// ---- Layout: words into lines, lines into segments ----

struct Segment
{
    int page = 0;
    int line = 0; ///< index of its line in reading order
    QRect box;
    QList<Word> words;
    QString text;
};

using Lines = QList<QList<Segment>>;

int medianHeight(const QList<Word> &words)
{
    QList<int> heights;
    heights.reserve(words.size());
    for (const Word &word : words) {
        if (word.box.height() > 0)
            heights.append(word.box.height());
    }
    if (heights.isEmpty())
        return 1;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    return std::max(1, heights[heights.size() / 2]);
}

/// The words' text, a space between each two.
QString textOf(const QList<Word> &words)
{
    QStringList texts;
    texts.reserve(words.size());
    for (const Word &word : words)
        texts.append(word.text);
    return texts.join(u' ');
}

Segment segmentOf(const QList<Word> &words, int line)
{
    Segment segment;
    segment.line = line;
    segment.page = words.front().page;
    segment.words = words;
    for (const Word &word : words)
        segment.box = segment.box.isNull() ? word.box : segment.box.united(word.box);
    segment.text = textOf(words);
    return segment;
}

/// Reading order: by page, then lines top to bottom; a line is the words whose vertical
/// centres lie within half a word's height of its own, left to right, cut into segments
/// where the gap between two words is wider than a column gap.
Lines layOut(QList<Word> words, int height)
{
    words.removeIf([](const Word &word) { return word.text.trimmed().isEmpty(); });
    std::stable_sort(words.begin(), words.end(), [](const Word &a, const Word &b) {
        return a.page != b.page ? a.page < b.page : a.box.center().y() < b.box.center().y();
    });
    QList<QList<Word>> rows;
    double rowCentre = 0;
    for (const Word &word : std::as_const(words)) {
        const double centre = word.box.center().y();
        if (rows.isEmpty() || rows.last().front().page != word.page
            || std::abs(centre - rowCentre) > height / 2.0) {
            rows.append({ word });
            rowCentre = centre;
            continue;
        }
        rows.last().append(word);
        rowCentre += (centre - rowCentre) / double(rows.last().size());
    }
    const int columnGap = height * 6 / 5;
    Lines lines;
    for (QList<Word> &row : rows) {
        std::stable_sort(row.begin(), row.end(),
                         [](const Word &a, const Word &b) { return a.box.left() < b.box.left(); });
        QList<Segment> segments;
        QList<Word> current;
        for (const Word &word : std::as_const(row)) {
            if (!current.isEmpty() && word.box.left() - current.last().box.right() > columnGap) {
                segments.append(segmentOf(current, int(lines.size())));
                current.clear();
            }
            current.append(word);
        }
        segments.append(segmentOf(current, int(lines.size())));
        lines.append(segments);
    }
    return lines;
}

// ---- Labels ----

enum class Target {
    TradeId,
    TradeDate,
    Buyer,
    Seller,
    Broker,
    Commodity,
    DeliveryPoint,
    DeliveryPeriod,
    DeliveryStart,
    DeliveryEnd,
    LoadShape,
    Quantity,
    Price,
    TotalVolume,
    InvoiceNumber,
    Issuer,
    Recipient,
    InvoiceDate,
    DueDate,
    BillingPeriod,
    Net,
    Vat,
    Gross,
};

struct Label
{
    const char *folded;
    Target target;
};

// As foldForMatching() writes them. English and German, the wordings of brokers, exchanges
// and utilities; a longer label wins over a shorter one it begins with.
constexpr Label kConfirmationLabels[] = {
    { "trade id", Target::TradeId },
    { "trade ref", Target::TradeId },
    { "trade reference", Target::TradeId },
    { "trade no", Target::TradeId },
    { "trade number", Target::TradeId },
    { "deal id", Target::TradeId },
    { "deal ref", Target::TradeId },
    { "deal reference", Target::TradeId },
    { "deal no", Target::TradeId },
    { "deal number", Target::TradeId },
    { "transaction id", Target::TradeId },
    { "transaction reference", Target::TradeId },
    { "confirmation no", Target::TradeId },
    { "confirmation number", Target::TradeId },
    { "reference", Target::TradeId },
    { "our reference", Target::TradeId },
    { "ref", Target::TradeId },
    { "geschaftsnummer", Target::TradeId },
    { "handelsnummer", Target::TradeId },
    { "abschlussnummer", Target::TradeId },
    { "referenz", Target::TradeId },
    { "referenznummer", Target::TradeId },
    { "trade date", Target::TradeDate },
    { "deal date", Target::TradeDate },
    { "transaction date", Target::TradeDate },
    { "date of trade", Target::TradeDate },
    { "execution date", Target::TradeDate },
    { "handelstag", Target::TradeDate },
    { "handelsdatum", Target::TradeDate },
    { "abschlussdatum", Target::TradeDate },
    { "abschlusstag", Target::TradeDate },
    { "geschaftsdatum", Target::TradeDate },
    { "datum des abschlusses", Target::TradeDate },
    { "buyer", Target::Buyer },
    { "purchaser", Target::Buyer },
    { "kaufer", Target::Buyer },
    { "kauferin", Target::Buyer },
    { "seller", Target::Seller },
    { "verkaufer", Target::Seller },
    { "verkauferin", Target::Seller },
    { "broker", Target::Broker },
    { "brokered by", Target::Broker },
    { "executing broker", Target::Broker },
    { "makler", Target::Broker },
    { "vermittler", Target::Broker },
    { "commodity", Target::Commodity },
    { "product", Target::Commodity },
    { "contract", Target::Commodity },
    { "instrument", Target::Commodity },
    { "ware", Target::Commodity },
    { "produkt", Target::Commodity },
    { "rohstoff", Target::Commodity },
    { "energietrager", Target::Commodity },
    { "delivery point", Target::DeliveryPoint },
    { "delivery location", Target::DeliveryPoint },
    { "delivery area", Target::DeliveryPoint },
    { "delivery hub", Target::DeliveryPoint },
    { "hub", Target::DeliveryPoint },
    { "market area", Target::DeliveryPoint },
    { "bidding zone", Target::DeliveryPoint },
    { "location", Target::DeliveryPoint },
    { "lieferort", Target::DeliveryPoint },
    { "lieferpunkt", Target::DeliveryPoint },
    { "marktgebiet", Target::DeliveryPoint },
    { "liefergebiet", Target::DeliveryPoint },
    { "regelzone", Target::DeliveryPoint },
    { "delivery period", Target::DeliveryPeriod },
    { "delivery", Target::DeliveryPeriod },
    { "contract period", Target::DeliveryPeriod },
    { "period", Target::DeliveryPeriod },
    { "term", Target::DeliveryPeriod },
    { "tenor", Target::DeliveryPeriod },
    { "lieferzeitraum", Target::DeliveryPeriod },
    { "lieferperiode", Target::DeliveryPeriod },
    { "zeitraum", Target::DeliveryPeriod },
    { "laufzeit", Target::DeliveryPeriod },
    { "delivery start", Target::DeliveryStart },
    { "delivery start date", Target::DeliveryStart },
    { "start of delivery", Target::DeliveryStart },
    { "start date", Target::DeliveryStart },
    { "delivery from", Target::DeliveryStart },
    { "from", Target::DeliveryStart },
    { "lieferbeginn", Target::DeliveryStart },
    { "beginn", Target::DeliveryStart },
    { "von", Target::DeliveryStart },
    { "delivery end", Target::DeliveryEnd },
    { "delivery end date", Target::DeliveryEnd },
    { "end of delivery", Target::DeliveryEnd },
    { "end date", Target::DeliveryEnd },
    { "delivery to", Target::DeliveryEnd },
    { "to", Target::DeliveryEnd },
    { "until", Target::DeliveryEnd },
    { "lieferende", Target::DeliveryEnd },
    { "ende", Target::DeliveryEnd },
    { "bis", Target::DeliveryEnd },
    { "load shape", Target::LoadShape },
    { "load profile", Target::LoadShape },
    { "load", Target::LoadShape },
    { "shape", Target::LoadShape },
    { "profile", Target::LoadShape },
    { "lastprofil", Target::LoadShape },
    { "profil", Target::LoadShape },
    { "lastgang", Target::LoadShape },
    { "quantity", Target::Quantity },
    { "contract quantity", Target::Quantity },
    { "contract volume", Target::Quantity },
    { "volume", Target::Quantity },
    { "capacity", Target::Quantity },
    { "hourly quantity", Target::Quantity },
    { "daily quantity", Target::Quantity },
    { "menge", Target::Quantity },
    { "vertragsmenge", Target::Quantity },
    { "leistung", Target::Quantity },
    { "liefermenge", Target::Quantity },
    { "price", Target::Price },
    { "contract price", Target::Price },
    { "fixed price", Target::Price },
    { "deal price", Target::Price },
    { "trade price", Target::Price },
    { "preis", Target::Price },
    { "vertragspreis", Target::Price },
    { "festpreis", Target::Price },
    { "total volume", Target::TotalVolume },
    { "total quantity", Target::TotalVolume },
    { "total contract quantity", Target::TotalVolume },
    { "total energy", Target::TotalVolume },
    { "gesamtvolumen", Target::TotalVolume },
    { "gesamtmenge", Target::TotalVolume },
    { "gesamtliefermenge", Target::TotalVolume },
};

constexpr Label kInvoiceLabels[] = {
    { "invoice number", Target::InvoiceNumber },
    { "invoice no", Target::InvoiceNumber },
    { "invoice id", Target::InvoiceNumber },
    { "invoice ref", Target::InvoiceNumber },
    { "invoice reference", Target::InvoiceNumber },
    { "invoice", Target::InvoiceNumber },
    { "rechnungsnummer", Target::InvoiceNumber },
    { "rechnung nr", Target::InvoiceNumber },
    { "rechnungs nr", Target::InvoiceNumber },
    { "rechnung", Target::InvoiceNumber },
    { "issuer", Target::Issuer },
    { "issued by", Target::Issuer },
    { "supplier", Target::Issuer },
    { "seller", Target::Issuer },
    { "from", Target::Issuer },
    { "rechnungssteller", Target::Issuer },
    { "lieferant", Target::Issuer },
    { "absender", Target::Issuer },
    { "recipient", Target::Recipient },
    { "bill to", Target::Recipient },
    { "billed to", Target::Recipient },
    { "invoice to", Target::Recipient },
    { "customer", Target::Recipient },
    { "buyer", Target::Recipient },
    { "to", Target::Recipient },
    { "rechnungsempfanger", Target::Recipient },
    { "empfanger", Target::Recipient },
    { "kunde", Target::Recipient },
    { "invoice date", Target::InvoiceDate },
    { "date of invoice", Target::InvoiceDate },
    { "issue date", Target::InvoiceDate },
    { "date", Target::InvoiceDate },
    { "rechnungsdatum", Target::InvoiceDate },
    { "datum", Target::InvoiceDate },
    { "due date", Target::DueDate },
    { "payment due", Target::DueDate },
    { "payment due date", Target::DueDate },
    { "payable by", Target::DueDate },
    { "due", Target::DueDate },
    { "fallig am", Target::DueDate },
    { "falligkeit", Target::DueDate },
    { "falligkeitsdatum", Target::DueDate },
    { "zahlbar bis", Target::DueDate },
    { "zahlungsziel", Target::DueDate },
    { "billing period", Target::BillingPeriod },
    { "invoice period", Target::BillingPeriod },
    { "supply period", Target::BillingPeriod },
    { "delivery period", Target::BillingPeriod },
    { "period", Target::BillingPeriod },
    { "abrechnungszeitraum", Target::BillingPeriod },
    { "leistungszeitraum", Target::BillingPeriod },
    { "lieferzeitraum", Target::BillingPeriod },
    { "zeitraum", Target::BillingPeriod },
    { "quantity", Target::Quantity },
    { "volume", Target::Quantity },
    { "energy", Target::Quantity },
    { "delivered quantity", Target::Quantity },
    { "total quantity", Target::Quantity },
    { "menge", Target::Quantity },
    { "liefermenge", Target::Quantity },
    { "gesamtmenge", Target::Quantity },
    { "net amount", Target::Net },
    { "net", Target::Net },
    { "net total", Target::Net },
    { "subtotal", Target::Net },
    { "amount excl vat", Target::Net },
    { "total excl vat", Target::Net },
    { "nettobetrag", Target::Net },
    { "netto", Target::Net },
    { "summe netto", Target::Net },
    { "gesamtbetrag netto", Target::Net },
    { "vat", Target::Vat },
    { "vat amount", Target::Vat },
    { "tax", Target::Vat },
    { "sales tax", Target::Vat },
    { "mwst", Target::Vat },
    { "ust", Target::Vat },
    { "umsatzsteuer", Target::Vat },
    { "mehrwertsteuer", Target::Vat },
    { "gross amount", Target::Gross },
    { "gross", Target::Gross },
    { "total", Target::Gross },
    { "total amount", Target::Gross },
    { "total due", Target::Gross },
    { "amount due", Target::Gross },
    { "invoice total", Target::Gross },
    { "total incl vat", Target::Gross },
    { "bruttobetrag", Target::Gross },
    { "brutto", Target::Gross },
    { "gesamtbetrag", Target::Gross },
    { "rechnungsbetrag", Target::Gross },
    { "zu zahlen", Target::Gross },
    { "zahlbetrag", Target::Gross },
};

/// Targets whose value is free text: their label must stand as a label (a colon after it,
/// or alone in its segment), or a sentence beginning with "Buyer shall..." would name one.
bool freeText(Target target)
{
    switch (target) {
    case Target::TradeId:
    case Target::Buyer:
    case Target::Seller:
    case Target::Broker:
    case Target::InvoiceNumber:
    case Target::Issuer:
    case Target::Recipient:
        return true;
    default:
        return false;
    }
}

struct LabelMatch
{
    Target target;
    qsizetype words = 0; ///< the segment's words the label takes
    bool colon = false; ///< written with a colon after it
};

/// The longest label a segment begins with.
std::optional<LabelMatch> labelOf(const Segment &segment, std::span<const Label> labels)
{
    // The segment's words as folded tokens, each with the word it came from.
    QStringList tokens;
    QList<qsizetype> wordOfToken;
    for (qsizetype i = 0; i < segment.words.size() && tokens.size() < 6; ++i) {
        const QString folded = foldForMatching(segment.words[i].text);
        for (const QString &token : folded.split(u' ', Qt::SkipEmptyParts)) {
            tokens.append(token);
            wordOfToken.append(i);
        }
    }
    std::optional<LabelMatch> best;
    qsizetype bestTokens = 0;
    for (const Label &label : labels) {
        const QStringList wanted = QString::fromUtf8(label.folded).split(u' ');
        if (wanted.size() > tokens.size() || wanted.size() <= bestTokens)
            continue;
        if (!std::equal(wanted.cbegin(), wanted.cend(), tokens.cbegin()))
            continue;
        const qsizetype lastWord = wordOfToken[wanted.size() - 1];
        // A label ends with its word: "Datum" is a label, "Datumsangabe" is not, and the next
        // token must come from the next word (not "Trade-Date-Time").
        if (wanted.size() < tokens.size() && wordOfToken[wanted.size()] == lastWord)
            continue;
        LabelMatch match { label.target, lastWord + 1, false };
        const QString &ending = segment.words[lastWord].text;
        match.colon = ending.endsWith(u':') || ending.endsWith(u"：")
            || (lastWord + 1 < segment.words.size() && segment.words[lastWord + 1].text == u":");
        if (match.colon && lastWord + 1 < segment.words.size()
            && segment.words[lastWord + 1].text == u":")
            ++match.words;
        best = match;
        bestTokens = wanted.size();
    }
    return best;
}

// ---- Values ----

struct Reading
{
    DateOrder dates = DateOrder::DayFirst;
    DecimalMark decimals = DecimalMark::Point;
};

/// Where a value was read: its text and words.
struct Source
{
    QString text;
    QList<Word> words;
};

Source sourceOf(const QList<Word> &words)
{
    return Source { textOf(words), words };
}

struct Found
{
    QString name;
    QString value;
};

/// The numbers of a text as written, each with where it is, percentages left out.
struct NumberAt
{
    QString value;
    qsizetype start = 0;
    qsizetype end = 0;
};

QList<NumberAt> numbersIn(const QString &text, DecimalMark mark)
{
    static const QRegularExpression number(QStringLiteral(
        R"((?<![\d.,\p{L}])[(\-−+]?(?:\d{1,3}(?:[ \x{00A0}\x{202F}'.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\)?(?![\d\p{L}]))"));
    QList<NumberAt> numbers;
    QRegularExpressionMatchIterator matches = number.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString rest = text.mid(match.capturedEnd(0)).trimmed();
        if (rest.startsWith(u'%'))
            continue;
        const std::optional<QString> value = parseDecimal(match.captured(0), mark);
        if (value)
            numbers.append({ *value, match.capturedStart(0), match.capturedEnd(0) });
    }
    return numbers;
}

/// An amount's currency: an amount in pence (GBp) is a sterling amount, GBP.
QString poundsForPence(const QString &currency)
{
    return currency == u"GBp" ? QStringLiteral("GBP") : currency;
}

/// A delivery or billing period: two dates, or a month, quarter, season or year as traders
/// write them (January 2027, Jan-27, Q1 2027, Cal-27, Summer 2027).
std::optional<std::pair<QDate, QDate>> periodIn(const QString &text, DateOrder order)
{
    if (const std::optional<DateMatch> first = findDate(text, order)) {
        const QString after = text.mid(first->start + first->length);
        if (const std::optional<DateMatch> second = findDate(after, order);
            second && second->date >= first->date)
            return std::pair(first->date, second->date);
        return std::nullopt;
    }
    const QString folded = foldForMatching(text);
    const auto year = [](const QString &digits) {
        const int value = digits.toInt();
        return digits.size() == 2 ? 2000 + value : value;
    };
    static const QRegularExpression quarter(
        QStringLiteral(R"((?:^| )q([1-4]) ?(\d{4}|\d{2})(?: |$))"));
    if (const QRegularExpressionMatch match = quarter.match(folded); match.hasMatch()) {
        const QDate start(year(match.captured(2)), (match.captured(1).toInt() - 1) * 3 + 1, 1);
        return std::pair(start, start.addMonths(3).addDays(-1));
    }
    static const QRegularExpression calendar(QStringLiteral(
        R"((?:^| )(?:cal|calendar|year|yr|kalenderjahr|jahr|y) ?(\d{4}|\d{2})(?: |$))"));
    if (const QRegularExpressionMatch match = calendar.match(folded); match.hasMatch()) {
        const int y = year(match.captured(1));
        return std::pair(QDate(y, 1, 1), QDate(y, 12, 31));
    }
    static const QRegularExpression season(
        QStringLiteral(R"((?:^| )(sum|summer|sommer|win|winter) ?(\d{4}|\d{2})(?: |$))"));
    if (const QRegularExpressionMatch match = season.match(folded); match.hasMatch()) {
        const int y = year(match.captured(2));
        if (match.captured(1).startsWith(u's'))
            return std::pair(QDate(y, 4, 1), QDate(y, 9, 30));
        return std::pair(QDate(y, 10, 1), QDate(y + 1, 3, 31));
    }
    // A month and a year: the month's name is checked by reading "1 <month> <year>".
    static const QRegularExpression month(
        QStringLiteral(R"((?:^| )(\p{L}{3,10}) ?(\d{4}|\d{2})(?: |$))"));
    QRegularExpressionMatchIterator months = month.globalMatch(folded);
    while (months.hasNext()) {
        const QRegularExpressionMatch match = months.next();
        if (const std::optional<QDate> first
            = parseDate(QString(u"1 " + match.captured(1) + u' ' + match.captured(2)))) {
            return std::pair(*first, first->addMonths(1).addDays(-1));
        }
    }
    return std::nullopt;
}

QString identifierIn(const QString &text)
{
    const QStringList tokens = text.split(u' ', Qt::SkipEmptyParts);
    const auto clean = [](QString token) {
        while (!token.isEmpty() && !token.back().isLetterOrNumber())
            token.chop(1);
        while (!token.isEmpty() && !token.front().isLetterOrNumber())
            token.remove(0, 1);
        return token;
    };
    // An identifier has a digit: a line of prose under a title is not one.
    for (const QString &token : tokens) {
        const QString cleaned = clean(token);
        if (std::any_of(cleaned.cbegin(), cleaned.cend(), [](QChar c) { return c.isDigit(); }))
            return cleaned;
    }
    return {};
}

QString partyIn(QString text)
{
    text = text.trimmed();
    while (!text.isEmpty() && (text.front() == u':' || text.front() == u'-'))
        text = text.mid(1).trimmed();
    return text;
}

/// What a value says for its target, by field name; nothing when it does not read as one.
QList<Found> read(Target target, const QString &text, const Reading &reading)
{
    const auto date = [&](const char *name) -> QList<Found> {
        if (const std::optional<DateMatch> found = findDate(text, reading.dates))
            return { { QString::fromLatin1(name), found->date.toString(Qt::ISODate) } };
        return {};
    };
    const auto period = [&](const char *start, const char *end) -> QList<Found> {
        if (const auto found = periodIn(text, reading.dates)) {
            return { { QString::fromLatin1(start), found->first.toString(Qt::ISODate) },
                     { QString::fromLatin1(end), found->second.toString(Qt::ISODate) } };
        }
        return {};
    };
    // One field, when the value reads (an empty text is none).
    const auto one = [&](const char *name, const std::optional<QString> &value) -> QList<Found> {
        if (!value || value->isEmpty())
            return {};
        return { { QString::fromLatin1(name), *value } };
    };
    const auto amount = [&](const char *name, bool last) -> QList<Found> {
        const QList<NumberAt> numbers = numbersIn(text, reading.decimals);
        if (numbers.isEmpty())
            return {};
        const NumberAt &number = last ? numbers.last() : numbers.first();
        QList<Found> found { { QString::fromLatin1(name), number.value } };
        QString rest = text;
        rest.remove(number.start, number.end - number.start);
        if (const std::optional<QString> currency = currencyCode(rest))
            found.append({ QStringLiteral("currency"), poundsForPence(*currency) });
        return found;
    };
    const auto quantity = [&](const char *name, const char *unitName) -> QList<Found> {
        const QList<NumberAt> numbers = numbersIn(text, reading.decimals);
        if (numbers.isEmpty())
            return {};
        QList<Found> found { { QString::fromLatin1(name), numbers.first().value } };
        if (const std::optional<QString> unit = quantityUnit(text.mid(numbers.first().end)))
            found.append({ QString::fromLatin1(unitName), *unit });
        return found;
    };
    switch (target) {
    case Target::TradeId:
        return one("trade_id", identifierIn(text));
    case Target::InvoiceNumber:
        return one("invoice_number", identifierIn(text));
    case Target::TradeDate:
        return date("trade_date");
    case Target::InvoiceDate:
        return date("invoice_date");
    case Target::DueDate:
        return date("due_date");
    case Target::DeliveryStart:
        return date("delivery_start");
    case Target::DeliveryEnd:
        return date("delivery_end");
    case Target::DeliveryPeriod:
        return period("delivery_start", "delivery_end");
    case Target::BillingPeriod:
        return period("period_start", "period_end");
    case Target::Buyer:
        return one("buyer", partyIn(text));
    case Target::Seller:
        return one("seller", partyIn(text));
    case Target::Broker:
        return one("broker", partyIn(text));
    case Target::Issuer:
        return one("issuer", partyIn(text));
    case Target::Recipient:
        return one("recipient", partyIn(text));
    case Target::Commodity:
        return one("commodity", commodityCode(text));
    case Target::DeliveryPoint:
        return one("delivery_point", hubCode(text));
    case Target::LoadShape:
        return one("load_shape", loadShapeCode(text));
    case Target::Quantity:
        return quantity("quantity", "quantity_unit");
    case Target::TotalVolume:
        return quantity("total_volume", "total_volume_unit");
    case Target::Price: {
        const QList<NumberAt> numbers = numbersIn(text, reading.decimals);
        if (numbers.isEmpty())
            return {};
        QList<Found> found { { QStringLiteral("price"), numbers.first().value } };
        QString rest = text;
        rest.remove(numbers.first().start, numbers.first().end - numbers.first().start);
        if (const std::optional<PriceUnit> unit = priceUnit(rest)) {
            found.append({ QStringLiteral("currency"), unit->currency });
            found.append({ QStringLiteral("price_unit"), unit->unit });
        } else if (const std::optional<QString> currency = currencyCode(rest)) {
            found.append({ QStringLiteral("currency"), poundsForPence(*currency) });
        }
        return found;
    }
    case Target::Net:
        return amount("net_amount", true);
    case Target::Vat:
        return amount("vat_amount", true);
    case Target::Gross:
        return amount("gross_amount", true);
    }
    return {};
}

/// What a product or contract description also says, beside its commodity: hub, shape and
/// period ("German Power Base Month Jan-27").
QList<Found> alsoSaid(const QString &text, const Reading &reading)
{
    QList<Found> found;
    if (const std::optional<QString> hub = hubCode(text))
        found.append({ QStringLiteral("delivery_point"), *hub });
    if (const std::optional<QString> shape = loadShapeCode(text))
        found.append({ QStringLiteral("load_shape"), *shape });
    if (const auto period = periodIn(text, reading.dates)) {
        found.append({ QStringLiteral("delivery_start"), period->first.toString(Qt::ISODate) });
        found.append({ QStringLiteral("delivery_end"), period->second.toString(Qt::ISODate) });
    }
    return found;
}

Field fieldOf(const QString &value, const QList<Word> &words)
{
    Field field;
    field.value = value;
    field.confidence = 1.0;
    for (const Word &word : words) {
        field.confidence = std::min(field.confidence, word.confidence);
        field.box = field.box.isNull() ? word.box : field.box.united(word.box);
        field.page = field.page == 0 ? word.page : field.page;
    }
    return field;
}

/// The segment under `label`, within a few lines: the first whose columns overlap its own.
const Segment *segmentBelow(const Lines &lines, const Segment &label, int height)
{
    for (qsizetype line = label.line + 1; line < lines.size(); ++line) {
        const QList<Segment> &segments = lines[line];
        if (segments.isEmpty() || segments.front().page != label.page)
            return nullptr;
        if (segments.front().box.top() - label.box.bottom() > 3 * height)
            return nullptr;
        for (const Segment &segment : segments) {
            if (segment.box.left() <= label.box.right() && segment.box.right() >= label.box.left())
                return &segment;
        }
    }
    return nullptr;
}

struct Scored
{
    const char *folded;
    int weight;
};
constexpr Scored kInvoiceWords[] = {
    { "invoice", 3 },        { "rechnung", 3 },
    { "facture", 3 },        { "vat", 1 },
    { "mwst", 1 },           { "ust", 1 },
    { "umsatzsteuer", 1 },   { "amount due", 2 },
    { "due date", 2 },       { "zahlungsziel", 2 },
    { "bill to", 2 },        { "net amount", 1 },
    { "gross amount", 1 },   { "rechnungsnummer", 2 },
    { "invoice number", 2 },
};
constexpr Scored kConfirmationWords[] = {
    { "confirmation", 3 },
    { "recap", 3 },
    { "bestatigung", 3 },
    { "geschaftsbestatigung", 3 },
    { "trade confirmation", 2 },
    { "buyer", 1 },
    { "seller", 1 },
    { "kaufer", 1 },
    { "verkaufer", 1 },
    { "delivery point", 1 },
    { "lieferort", 1 },
    { "trade date", 2 },
    { "handelstag", 2 },
    { "abschlussdatum", 2 },
    { "broker", 1 },
};

int score(const QString &padded, std::span<const Scored> words)
{
    int total = 0;
    for (const Scored &word : words) {
        if (padded.contains(u' ' + QString::fromUtf8(word.folded) + u' '))
            total += word.weight;
    }
    return total;
}

std::optional<QString> commodityOfHub(const QString &hub)
{
    static const QHash<QString, QString> commodities {
        { QStringLiteral("DE"), QStringLiteral("power") },
        { QStringLiteral("FR"), QStringLiteral("power") },
        { QStringLiteral("NL"), QStringLiteral("power") },
        { QStringLiteral("GB"), QStringLiteral("power") },
        { QStringLiteral("NORDIC"), QStringLiteral("power") },
        { QStringLiteral("TTF"), QStringLiteral("natural_gas") },
        { QStringLiteral("THE"), QStringLiteral("natural_gas") },
        { QStringLiteral("NBP"), QStringLiteral("natural_gas") },
        { QStringLiteral("HH"), QStringLiteral("natural_gas") },
        { QStringLiteral("BRENT"), QStringLiteral("crude_oil") },
        { QStringLiteral("WTI"), QStringLiteral("crude_oil") },
        { QStringLiteral("EUA"), QStringLiteral("emissions") },
    };
    const auto found = commodities.constFind(hub);
    return found == commodities.cend() ? std::nullopt : std::optional(*found);
}

constexpr const char *kGermanWords[] = {
    "preis",       "menge",          "kaufer",          "verkaufer",      "rechnung",
    "datum",       "lieferzeitraum", "handelstag",      "lieferort",      "betrag",
    "netto",       "brutto",         "rechnungsnummer", "rechnungsdatum", "umsatzsteuer",
    "liefermenge", "nettobetrag",    "bruttobetrag",    "gesamtmenge",    "lieferbeginn",
};

} // namespace

QString toString(DocumentType type)
{
    switch (type) {
    case DocumentType::Confirmation:
        return QStringLiteral("confirmation");
    case DocumentType::Invoice:
        return QStringLiteral("invoice");
    case DocumentType::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace {

/// The document's words folded for matching, a space at each end.
QString paddedText(const QList<Word> &words)
{
    return u' ' + foldForMatching(textOf(words)) + u' ';
}

DocumentType typeOf(const QString &padded)
{
    const int invoice = score(padded, kInvoiceWords);
    const int confirmation = score(padded, kConfirmationWords);
    if (invoice == confirmation)
        return DocumentType::Unknown;
    return invoice > confirmation ? DocumentType::Invoice : DocumentType::Confirmation;
}

} // namespace

QString valueOf(const QMap<QString, Field> &fields, const char *name)
{
    return fields.value(QString::fromLatin1(name)).value;
}

DocumentType recogniseType(const QList<Word> &words)
{
    return typeOf(paddedText(words));
}

Extraction extractFields(const QList<Word> &words)
{
    Extraction extraction;
    const QString padded = paddedText(words); // the type and the language, from one folding
    extraction.type = typeOf(padded);
    if (extraction.type == DocumentType::Unknown || words.isEmpty())
        return extraction;
    const int height = medianHeight(words);
    const Lines lines = layOut(words, height);

    // How the document writes dates and numbers, from all of it; German documents default to
    // decimal commas.
    QStringList texts;
    for (const QList<Segment> &line : lines) {
        for (const Segment &segment : line)
            texts.append(segment.text);
    }
    int german = 0;
    for (const char *word : kGermanWords)
        german += padded.contains(u' ' + QLatin1String(word) + u' ') ? 1 : 0;
    Reading reading;
    reading.dates = inferDateOrder(texts, DateOrder::DayFirst);
    reading.decimals
        = inferDecimalMark(texts, german >= 2 ? DecimalMark::Comma : DecimalMark::Point);

    const std::span<const Label> labels = extraction.type == DocumentType::Invoice
        ? std::span<const Label>(kInvoiceLabels)
        : std::span<const Label>(kConfirmationLabels);
    QMap<QString, Field> inferred; // said in passing (a product's hub): only where no label says
    for (const QList<Segment> &line : lines) {
        for (qsizetype s = 0; s < line.size(); ++s) {
            const Segment &segment = line[s];
            const std::optional<LabelMatch> label = labelOf(segment, labels);
            if (!label)
                continue;
            const bool alone = label->words >= segment.words.size();
            if (freeText(label->target) && !label->colon && !alone)
                continue;
            // The value: the rest of the segment, else the next segment of the line unless it
            // is a label itself, else the segment under the label; the first that reads as
            // one ("VAT 19 %" has its amount in the next column).
            QList<Source> sources;
            if (!alone)
                sources.append(sourceOf(segment.words.mid(label->words)));
            if (s + 1 < line.size() && !labelOf(line[s + 1], labels))
                sources.append(sourceOf(line[s + 1].words));
            if (const Segment *below = segmentBelow(lines, segment, height);
                below && !labelOf(*below, labels))
                sources.append(sourceOf(below->words));
            std::optional<Source> source;
            QList<Found> found;
            for (const Source &candidate : std::as_const(sources)) {
                found = read(label->target, candidate.text, reading);
                if (!found.isEmpty()) {
                    source = candidate;
                    break;
                }
            }
            if (!source)
                continue;
            for (const Found &value : std::as_const(found)) {
                if (!extraction.fields.contains(value.name))
                    extraction.fields.insert(value.name, fieldOf(value.value, source->words));
            }
            if (label->target == Target::Commodity) {
                for (const Found &value : alsoSaid(source->text, reading)) {
                    if (!inferred.contains(value.name))
                        inferred.insert(value.name, fieldOf(value.value, source->words));
                }
            }
        }
    }
    for (auto field = inferred.cbegin(); field != inferred.cend(); ++field) {
        if (!extraction.fields.contains(field.key()))
            extraction.fields.insert(field.key(), *field);
    }
    // A hub names its commodity when no label did.
    const auto hub = extraction.fields.constFind(QStringLiteral("delivery_point"));
    if (!extraction.fields.contains(QStringLiteral("commodity"))
        && hub != extraction.fields.cend()) {
        if (const std::optional<QString> commodity = commodityOfHub(hub->value)) {
            Field field = *hub;
            field.value = *commodity;
            extraction.fields.insert(QStringLiteral("commodity"), field);
        }
    }
    return extraction;
}

} // namespace qx::core::documents
