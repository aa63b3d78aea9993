#include "core/documents/normalise.h"

#include "core/decimal.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <span>

namespace qx::core::documents {

namespace {

// ---- Names ----

struct Name
{
    const char *folded; ///< as foldForMatching() writes it
    const char *code;
};

/// The code of the longest name in `names` found in `folded` as whole words.
std::optional<QString> longestName(const QString &folded, std::span<const Name> names)
{
    const QString padded = u' ' + folded + u' ';
    const Name *best = nullptr;
    qsizetype bestLength = 0;
    for (const Name &name : names) {
        const QString needle = u' ' + QString::fromUtf8(name.folded) + u' ';
        if (needle.size() > bestLength && padded.contains(needle)) {
            best = &name;
            bestLength = needle.size();
        }
    }
    if (!best)
        return std::nullopt;
    return QString::fromUtf8(best->code);
}

// Delivery points and hubs, by the names brokers, exchanges and grid operators use.
constexpr Name kHubs[] = {
    { "de", "DE" },
    { "germany", "DE" },
    { "german", "DE" },
    { "deutschland", "DE" },
    { "de lu", "DE" },
    { "germany luxembourg", "DE" },
    { "amprion", "DE" },
    { "tennet de", "DE" },
    { "tennet germany", "DE" },
    { "tennet tso gmbh", "DE" },
    { "50hertz", "DE" },
    { "50 hertz", "DE" },
    { "transnetbw", "DE" },
    { "epex de", "DE" },
    { "epex spot de", "DE" },
    { "eex de", "DE" },
    { "phelix", "DE" },
    { "phelix de", "DE" },
    { "fr", "FR" },
    { "france", "FR" },
    { "french", "FR" },
    { "frankreich", "FR" },
    { "rte", "FR" },
    { "epex fr", "FR" },
    { "epex spot fr", "FR" },
    { "nl", "NL" },
    { "netherlands", "NL" },
    { "the netherlands", "NL" },
    { "niederlande", "NL" },
    { "holland", "NL" },
    { "dutch power", "NL" },
    { "tennet nl", "NL" },
    { "epex nl", "NL" },
    { "apx nl", "NL" },
    { "gb", "GB" },
    { "uk", "GB" },
    { "great britain", "GB" },
    { "united kingdom", "GB" },
    { "britain", "GB" },
    { "grossbritannien", "GB" },
    { "uk power", "GB" },
    { "n2ex", "GB" },
    { "epex gb", "GB" },
    { "nordic", "NORDIC" },
    { "nordics", "NORDIC" },
    { "nord pool", "NORDIC" },
    { "nordpool", "NORDIC" },
    { "nordic system", "NORDIC" },
    { "nordic system price", "NORDIC" },
    { "system price", "NORDIC" },
    { "skandinavien", "NORDIC" },
    { "ttf", "TTF" },
    { "title transfer facility", "TTF" },
    { "dutch ttf", "TTF" },
    { "ttf hub", "TTF" },
    { "trading hub europe", "THE" },
    { "the hub", "THE" },
    { "the market area", "THE" },
    { "marktgebiet the", "THE" },
    { "ncg", "THE" },
    { "netconnect germany", "THE" },
    { "gaspool", "THE" },
    { "nbp", "NBP" },
    { "national balancing point", "NBP" },
    { "uk nbp", "NBP" },
    { "hh", "HH" },
    { "henry hub", "HH" },
    { "henry", "HH" },
    { "nymex henry hub", "HH" },
    { "brent", "BRENT" },
    { "ice brent", "BRENT" },
    { "brent crude", "BRENT" },
    { "dated brent", "BRENT" },
    { "north sea brent", "BRENT" },
    { "wti", "WTI" },
    { "west texas intermediate", "WTI" },
    { "nymex wti", "WTI" },
    { "wti cushing", "WTI" },
    { "cushing", "WTI" },
    { "eua", "EUA" },
    { "euas", "EUA" },
    { "eu allowances", "EUA" },
    { "eu allowance", "EUA" },
    { "european union allowances", "EUA" },
    { "eu emission allowances", "EUA" },
    { "eu ets", "EUA" },
    { "emissionsberechtigungen", "EUA" },
};

constexpr Name kCommodities[] = {
    { "power", "power" },
    { "electricity", "power" },
    { "electric power", "power" },
    { "elec", "power" },
    { "strom", "power" },
    { "elektrizitat", "power" },
    { "electricite", "power" },
    { "gas", "natural_gas" },
    { "natural gas", "natural_gas" },
    { "nat gas", "natural_gas" },
    { "erdgas", "natural_gas" },
    { "gaz", "natural_gas" },
    { "gaz naturel", "natural_gas" },
    { "crude", "crude_oil" },
    { "crude oil", "crude_oil" },
    { "oil", "crude_oil" },
    { "rohol", "crude_oil" },
    { "petrole brut", "crude_oil" },
    { "emissions", "emissions" },
    { "emission allowances", "emissions" },
    { "emissionszertifikate", "emissions" },
    { "carbon", "emissions" },
    { "co2", "emissions" },
    { "eua", "emissions" },
    { "euas", "emissions" },
    { "eu allowances", "emissions" },
    { "allowances", "emissions" },
};

constexpr Name kLoadShapes[] = {
    { "base", "base" },
    { "baseload", "base" },
    { "base load", "base" },
    { "grundlast", "base" },
    { "band", "base" },
    { "peak", "peak" },
    { "peakload", "peak" },
    { "peak load", "peak" },
    { "spitzenlast", "peak" },
    { "pointe", "peak" },
    { "off peak", "offpeak" },
    { "offpeak", "offpeak" },
    { "off peak load", "offpeak" },
    { "schwachlast", "offpeak" },
    { "offpeak load", "offpeak" },
};

constexpr Name kQuantityUnits[] = {
    { "mw", "MW" },
    { "megawatt", "MW" },
    { "megawatts", "MW" },
    { "mwh h", "MW" },
    { "mwh", "MWh" },
    { "megawatt hour", "MWh" },
    { "megawatt hours", "MWh" },
    { "megawattstunden", "MWh" },
    { "mmbtu d", "MMBtu/d" },
    { "mmbtu day", "MMBtu/d" },
    { "mmbtu per day", "MMBtu/d" },
    { "mmbtus day", "MMBtu/d" },
    { "mmbtu", "MMBtu" },
    { "mmbtus", "MMBtu" },
    { "therm d", "therm/d" },
    { "therms d", "therm/d" },
    { "therm day", "therm/d" },
    { "therms day", "therm/d" },
    { "therms per day", "therm/d" },
    { "th d", "therm/d" },
    { "thm d", "therm/d" },
    { "therm", "therm" },
    { "therms", "therm" },
    { "bbl", "bbl" },
    { "bbls", "bbl" },
    { "barrel", "bbl" },
    { "barrels", "bbl" },
    { "barrel per day", "bbl/d" },
    { "barrels per day", "bbl/d" },
    { "bbl d", "bbl/d" },
    { "tco2", "tCO2" },
    { "t co2", "tCO2" },
    { "tco2e", "tCO2" },
    { "tonnes co2", "tCO2" },
    { "tonnes", "tCO2" },
    { "tonne", "tCO2" },
    { "tons", "tCO2" },
    { "t", "tCO2" },
    { "allowances", "tCO2" },
    { "euas", "tCO2" },
    { "zertifikate", "tCO2" },
};

constexpr Name kCurrencies[] = {
    { "eur", "EUR" },   { "euro", "EUR" },   { "euros", "EUR" },    { "usd", "USD" },
    { "us", "USD" },    { "dollar", "USD" }, { "dollars", "USD" },  { "gbp", "GBP" },
    { "pound", "GBP" }, { "pounds", "GBP" }, { "sterling", "GBP" }, { "p", "GBp" },
    { "pence", "GBp" }, { "gbx", "GBp" },    { "penny", "GBp" },
};

/// The physical unit a price is quoted per, canonical.
constexpr Name kPerUnits[] = {
    { "mwh", "MWh" },      { "megawatt hour", "MWh" },
    { "mmbtu", "MMBtu" },  { "therm", "therm" },
    { "therms", "therm" }, { "th", "therm" },
    { "thm", "therm" },    { "bbl", "bbl" },
    { "barrel", "bbl" },   { "barrels", "bbl" },
    { "t", "t" },          { "tonne", "t" },
    { "tonnes", "t" },     { "ton", "t" },
    { "t co2", "t" },      { "tco2", "t" },
    { "tco2e", "t" },      { "eua", "t" },
    { "allowance", "t" },
};

/// Currency signs and the letters folding would lose, as words.
QString spellSigns(QStringView text)
{
    QString spelled;
    spelled.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u'€')
            spelled += u" eur ";
        else if (c == u'$')
            spelled += u" usd ";
        else if (c == u'£')
            spelled += u" gbp ";
        else if (c == u'/')
            spelled += u" per ";
        else
            spelled += c;
    }
    return spelled;
}

// ---- Dates ----

struct MonthName
{
    const char *folded;
    int month;
};

// Full names in English, German (with Jänner) and French; abbreviations are their prefixes.
constexpr MonthName kMonths[] = {
    { "january", 1 },   { "januar", 1 },    { "janner", 1 },    { "janvier", 1 },
    { "february", 2 },  { "februar", 2 },   { "feber", 2 },     { "fevrier", 2 },
    { "march", 3 },     { "marz", 3 },      { "maerz", 3 },     { "mars", 3 },
    { "mrz", 3 },       { "april", 4 },     { "avril", 4 },     { "may", 5 },
    { "mai", 5 },       { "june", 6 },      { "juni", 6 },      { "juin", 6 },
    { "july", 7 },      { "juli", 7 },      { "juillet", 7 },   { "august", 8 },
    { "aout", 8 },      { "september", 9 }, { "septembre", 9 }, { "october", 10 },
    { "oktober", 10 },  { "octobre", 10 },  { "november", 11 }, { "novembre", 11 },
    { "december", 12 }, { "dezember", 12 }, { "decembre", 12 },
};

/// The month a word names, in full or abbreviated to at least three letters; nothing when the
/// word is no month or an abbreviation of two.
std::optional<int> monthOf(QStringView word)
{
    const QString folded = foldForMatching(word).remove(u' ');
    if (folded.size() < 3)
        return std::nullopt;
    std::optional<int> month;
    for (const MonthName &name : kMonths) {
        if (!QLatin1String(name.folded).startsWith(folded))
            continue;
        if (month && *month != name.month)
            return std::nullopt;
        month = name.month;
    }
    return month;
}

int fullYear(int year, qsizetype digits)
{
    return digits == 2 ? 2000 + year : year;
}

std::optional<QDate> dateOf(int year, int month, int day)
{
    const QDate date(year, month, day);
    return date.isValid() && year >= 1900 && year <= 2199 ? std::optional(date) : std::nullopt;
}

// The patterns, unanchored; parseDate anchors them.
const QString kDay = QStringLiteral(R"((\d{1,2})(?:st|nd|rd|th)?\.?)");
const QString kYear = QStringLiteral(R"((\d{4}|\d{2}))");
const QString kWord = QStringLiteral(R"((\p{L}{3,10})\.?)");

enum class Shape { Iso, Dotted, Numeric, DayWordYear, WordDayYear };
struct Pattern
{
    Shape shape;
    QRegularExpression expression;
};

const std::array<Pattern, 5> &patterns()
{
    static const std::array<Pattern, 5> all {
        Pattern { Shape::Iso,
                  QRegularExpression(QStringLiteral(R"((\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))")) },
        Pattern { Shape::Dotted,
                  QRegularExpression(QStringLiteral(R"((\d{1,2})\.\s?(\d{1,2})\.\s?)") + kYear) },
        Pattern { Shape::Numeric,
                  QRegularExpression(QStringLiteral(R"((\d{1,2})([/-])(\d{1,2})\2)") + kYear) },
        Pattern { Shape::DayWordYear,
                  QRegularExpression(kDay + QStringLiteral(R"([\s/-]*)") + kWord
                                     + QStringLiteral(R"([\s/,-]*)") + kYear) },
        Pattern { Shape::WordDayYear,
                  QRegularExpression(kWord + QStringLiteral(R"(\s*)") + kDay
                                     + QStringLiteral(R"((?:,\s*|\s+))") + kYear) },
    };
    return all;
}

std::optional<QDate> dateFrom(Shape shape, const QRegularExpressionMatch &match, DateOrder order)
{
    const auto number = [&match](int group) {
        return match.captured(group).toInt();
    };
    const auto year = [&match](int group) {
        return fullYear(match.captured(group).toInt(), match.capturedLength(group));
    };
    switch (shape) {
    case Shape::Iso:
        return dateOf(number(1), number(2), number(3));
    case Shape::Dotted:
        return dateOf(year(3), number(2), number(1));
    case Shape::Numeric: {
        const int first = number(1);
        const int second = number(3);
        const bool dayFirst = first > 12 || (second <= 12 && order == DateOrder::DayFirst);
        return dayFirst ? dateOf(year(4), second, first) : dateOf(year(4), first, second);
    }
    case Shape::DayWordYear:
        if (const std::optional<int> month = monthOf(match.captured(2)))
            return dateOf(year(3), *month, number(1));
        return std::nullopt;
    case Shape::WordDayYear:
        if (const std::optional<int> month = monthOf(match.captured(1)))
            return dateOf(year(3), *month, number(2));
        return std::nullopt;
    }
    return std::nullopt;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber();
}

// ---- Numbers ----

bool isGroupSpace(QChar c)
{
    return c == u' ' || c == u'\u00A0' || c == u'\u202F' || c == u'\u2009' || c == u'\'';
}

/// The integer part's groups: the first of 1-3 digits, every other of exactly 3.
bool groupedWell(QStringView digits, QChar separator)
{
    const QList<QStringView> groups = digits.split(separator);
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const qsizetype size = groups[i].size();
        if (size == 0 || size > 3 || (i > 0 && size != 3))
            return false;
    }
    return true;
}

bool allDigits(QStringView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

/// The number left once signs, codes and spaces are off, or nothing.
struct Bare
{
    QString digits; ///< digits and the marks . and , only
    bool negative = false;
};

std::optional<Bare> bareNumber(QStringView text)
{
    QString rest = text.trimmed().toString();
    Bare bare;
    if (rest.startsWith(u'(') && rest.endsWith(u')')) {
        bare.negative = true;
        rest = rest.mid(1, rest.size() - 2).trimmed();
    }
    // Currency codes and signs around the number.
    static const QRegularExpression currency(
        QStringLiteral(
            R"(^(?:EUR|USD|GBP|GBp|GBX|US\$|€|\$|£)\s*|\s*(?:EUR|USD|GBP|GBp|GBX|€|\$|£|p)$)"),
        QRegularExpression::CaseInsensitiveOption);
    rest.remove(currency);
    rest = rest.trimmed();
    if (rest.startsWith(u'-') || rest.startsWith(u'\u2212')) {
        bare.negative = !bare.negative;
        rest.remove(0, 1);
    } else if (rest.startsWith(u'+')) {
        rest.remove(0, 1);
    }
    rest = rest.trimmed();
    if (rest.isEmpty() || !rest.front().isDigit() || !rest.back().isDigit())
        return std::nullopt;
    // Spaces and apostrophes group thousands only between groups of three.
    QString compact;
    compact.reserve(rest.size());
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest[i];
        if (isGroupSpace(c)) {
            qsizetype digitsAfter = 0;
            while (i + 1 + digitsAfter < rest.size() && rest[i + 1 + digitsAfter].isDigit())
                ++digitsAfter;
            if (digitsAfter != 3)
                return std::nullopt;
            continue;
        }
        if (!c.isDigit() && c != u'.' && c != u',')
            return std::nullopt;
        compact += c;
    }
    bare.digits = compact;
    return bare;
}

} // namespace

QString foldForMatching(QStringView text)
{
    const QString decomposed = text.toString()
                                   .replace(u'ß', QStringLiteral("ss"))
                                   .normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool space = true; // no leading space
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            folded += c.toLower();
            space = false;
        } else if (!space) {
            folded += u' ';
            space = true;
        }
    }
    if (folded.endsWith(u' '))
        folded.chop(1);
    return folded;
}

std::optional<QDate> parseDate(QStringView text, DateOrder order)
{
    QStringView trimmed = text.trimmed();
    while (trimmed.endsWith(u',') || (trimmed.endsWith(u'.') && !trimmed.endsWith(u"..")))
        trimmed.chop(1);
    const QString whole = trimmed.toString();
    for (const Pattern &pattern : patterns()) {
        const QRegularExpressionMatch match
            = pattern.expression.match(whole, 0, QRegularExpression::NormalMatch,
                                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (match.hasMatch() && match.capturedLength(0) == whole.size())
            return dateFrom(pattern.shape, match, order);
    }
    return std::nullopt;
}

std::optional<DateMatch> findDate(QStringView text, DateOrder order)
{
    const QString whole = text.toString();
    std::optional<DateMatch> best;
    for (const Pattern &pattern : patterns()) {
        QRegularExpressionMatchIterator matches = pattern.expression.globalMatch(whole);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const qsizetype start = match.capturedStart(0);
            const qsizetype end = match.capturedEnd(0);
            // Whole words only: not the tail of a longer number or word.
            if ((start > 0 && isWordCharacter(whole[start - 1]))
                || (end < whole.size() && whole[end].isDigit()))
                continue;
            const std::optional<QDate> date = dateFrom(pattern.shape, match, order);
            if (!date)
                continue;
            if (!best || start < best->start
                || (start == best->start && match.capturedLength(0) > best->length))
                best = DateMatch { *date, start, match.capturedLength(0) };
            break; // the first of this shape is enough
        }
    }
    return best;
}

DateOrder inferDateOrder(const QStringList &texts, DateOrder fallback)
{
    static const QRegularExpression numeric(
        QStringLiteral(R"((?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?!\d))"));
    int dayFirst = 0;
    int monthFirst = 0;
    for (const QString &text : texts) {
        QRegularExpressionMatchIterator matches = numeric.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const int first = match.captured(1).toInt();
            const int second = match.captured(2).toInt();
            if (first > 12 && first <= 31 && second >= 1 && second <= 12)
                ++dayFirst;
            else if (second > 12 && second <= 31 && first >= 1 && first <= 12)
                ++monthFirst;
        }
    }
    if (dayFirst == monthFirst)
        return fallback;
    return dayFirst > monthFirst ? DateOrder::DayFirst : DateOrder::MonthFirst;
}

std::optional<QString> parseDecimal(QStringView text, DecimalMark mark)
{
    const std::optional<Bare> bare = bareNumber(text);
    if (!bare)
        return std::nullopt;
    const QString &digits = bare->digits;
    const qsizetype points = digits.count(u'.');
    const qsizetype commas = digits.count(u',');
    QChar decimal; // null: no decimals
    QChar group;
    if (points > 0 && commas > 0) {
        decimal = digits.lastIndexOf(u'.') > digits.lastIndexOf(u',') ? u'.' : u',';
        group = decimal == u'.' ? u',' : u'.';
        if (digits.count(decimal) != 1)
            return std::nullopt;
    } else if (points + commas > 1) {
        group = points > 0 ? u'.' : u',';
    } else if (points + commas == 1) {
        const QChar only = points > 0 ? u'.' : u',';
        const qsizetype at = digits.indexOf(only);
        const bool looksGrouped
            = digits.size() - at - 1 == 3 && at >= 1 && at <= 3 && digits.front() != u'0';
        const QChar documentMark = mark == DecimalMark::Point ? u'.' : u',';
        if (looksGrouped && only != documentMark)
            group = only;
        else
            decimal = only;
    }
    QStringView integer = digits;
    QStringView fraction;
    if (!decimal.isNull()) {
        const qsizetype at = digits.indexOf(decimal);
        integer = QStringView(digits).left(at);
        fraction = QStringView(digits).mid(at + 1);
        if (integer.isEmpty() || !allDigits(fraction))
            return std::nullopt;
    }
    if (!group.isNull() && integer.contains(group) && !groupedWell(integer, group))
        return std::nullopt;
    QString plain = integer.toString();
    if (!group.isNull())
        plain.remove(group);
    if (!allDigits(plain))
        return std::nullopt;
    if (!fraction.isEmpty())
        plain += u'.' + fraction.toString();
    if (bare->negative)
        plain.prepend(u'-');
    const Result<Decimal> value = Decimal::parse(plain);
    if (!value)
        return std::nullopt;
    return value->toString(int(fraction.size()));
}

DecimalMark inferDecimalMark(const QStringList &texts, DecimalMark fallback)
{
    // Numbers with both marks say which is last; a single mark followed by one, two or four
    // or more digits is a decimal mark (a group has three).
    static const QRegularExpression number(QStringLiteral(R"((?<![\d.,])\d[\d.,]*\d(?![\d]))"));
    int point = 0;
    int comma = 0;
    for (const QString &text : texts) {
        QRegularExpressionMatchIterator matches = number.globalMatch(text);
        while (matches.hasNext()) {
            const QString found = matches.next().captured(0);
            const qsizetype lastPoint = found.lastIndexOf(u'.');
            const qsizetype lastComma = found.lastIndexOf(u',');
            if (lastPoint >= 0 && lastComma >= 0) {
                ++(lastPoint > lastComma ? point : comma);
                continue;
            }
            const qsizetype at = std::max(lastPoint, lastComma);
            if (at < 0 || found.count(found[at]) != 1)
                continue;
            const qsizetype after = found.size() - at - 1;
            // Dates (03.11.2026) have two points; 1.5 or 45,10 have one.
            if (after != 3)
                ++(lastPoint >= 0 ? point : comma);
        }
    }
    if (point == comma)
        return fallback;
    return point > comma ? DecimalMark::Point : DecimalMark::Comma;
}

std::optional<QString> hubCode(QStringView text)
{
    if (std::optional<QString> named = longestName(foldForMatching(text), kHubs))
        return named;
    // "THE" alone is the German gas market area only in capitals: the English article is
    // everywhere (and "The Netherlands" was found above).
    static const QRegularExpression theHub(QStringLiteral(R"((?<!\p{L})THE(?!\p{L}))"));
    if (text.toString().contains(theHub))
        return QStringLiteral("THE");
    return std::nullopt;
}

std::optional<QString> commodityCode(QStringView text)
{
    return longestName(foldForMatching(text), kCommodities);
}

std::optional<QString> loadShapeCode(QStringView text)
{
    return longestName(foldForMatching(text), kLoadShapes);
}

std::optional<QString> quantityUnit(QStringView text)
{
    // "MWh/h", "therms per day", "MWh pro Tag": the slash and "per" go, "Tag" is a day.
    QString folded = u' ' + foldForMatching(text.toString().replace(u'/', u' ')) + u' ';
    for (const char *per : { " per ", " pro " })
        folded.replace(QLatin1String(per), QStringLiteral(" "));
    folded.replace(QStringLiteral(" tag "), QStringLiteral(" day "));
    return longestName(folded.trimmed(), kQuantityUnits);
}

std::optional<QString> currencyCode(QStringView text)
{
    // Pence before folding: "GBp" and "GBP" differ only in case.
    const QString trimmed = text.trimmed().toString();
    if (trimmed == u"GBp" || trimmed == u"GBX" || trimmed == u"GBx")
        return QStringLiteral("GBp");
    return longestName(foldForMatching(spellSigns(text)), kCurrencies);
}

std::optional<PriceUnit> priceUnit(QStringView text)
{
    // A currency, then "per" (a slash, "per", "pro", "par", "je") and a unit.
    const QString trimmed = text.trimmed().toString();
    QString spelled = spellSigns(trimmed);
    const bool pence = trimmed.startsWith(u"GBp") || trimmed.startsWith(u"GBX");
    QString folded = foldForMatching(spelled);
    for (const char *per : { " pro ", " par ", " je " })
        folded.replace(QLatin1String(per), QStringLiteral(" per "));
    const qsizetype at = folded.indexOf(QStringLiteral(" per "));
    if (at < 0)
        return std::nullopt;
    const QString before = folded.left(at);
    const QString after = folded.mid(at + 5);
    std::optional<QString> currency = longestName(before, kCurrencies);
    const std::optional<QString> per = longestName(after, kPerUnits);
    if (!currency || !per)
        return std::nullopt;
    if (pence)
        currency = QStringLiteral("GBp");
    if (*currency == u"GBp")
        return PriceUnit { QStringLiteral("GBP"), u"GBp/" + *per };
    return PriceUnit { *currency, *currency + u'/' + *per };
}

} // namespace qx::core::documents
