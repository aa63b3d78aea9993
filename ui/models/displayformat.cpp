#include "ui/models/displayformat.h"

#include "core/productcatalog.h"
#include "ui/models/tone.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace qx::models::displayformat {

namespace {
std::optional<QLocale> &chosenNumberLocale()
{
    static std::optional<QLocale> chosen; // GUI thread only, like everything that formats
    return chosen;
}
} // namespace

QLocale numberLocale()
{
    return chosenNumberLocale().value_or(QLocale());
}

void setNumberLocale(const QString &name)
{
    chosenNumberLocale() = name.isEmpty() ? std::nullopt : std::optional(QLocale(name));
}

QString decimal(core::Decimal value, int minDecimals, const QLocale &locale)
{
    QString text = value.toString(minDecimals);
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    const QString fraction = point < 0 ? QString() : text.mid(point + 1);

    QString grouped;
    const bool group = !(locale.numberOptions() & QLocale::OmitGroupSeparator);
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (group && i > 0 && (whole.size() - i) % 3 == 0)
            grouped += locale.groupSeparator();
        grouped += whole.at(i);
    }
    QString result = negative ? locale.negativeSign() + grouped : grouped;
    if (!fraction.isEmpty())
        result += locale.decimalPoint() + fraction;
    return result;
}

QString price(core::Price price, const core::Instrument *instrument, const QLocale &locale)
{
    const int decimals = instrument ? instrument->tickSize.decimal().decimals() : 0;
    return decimal(price.decimal(), decimals, locale);
}

QString quantity(core::Quantity quantity, const core::Instrument *instrument, const QLocale &locale)
{
    const int decimals = instrument ? instrument->lotSize.decimal().decimals() : 0;
    return decimal(quantity.decimal(), decimals, locale);
}

QString money(core::Money money, const QLocale &locale)
{
    return decimal(money.decimal(), 2, locale);
}

QString quantityUnit(const core::Instrument &instrument)
{
    return core::toString(instrument.unit);
}

QString priceUnit(const core::Instrument &instrument)
{
    switch (instrument.unit) {
    case core::QuantityUnit::Megawatt:
        return instrument.currency + u"/MWh";
    case core::QuantityUnit::MMBtuPerDay:
        return instrument.currency + u"/MMBtu";
    case core::QuantityUnit::Barrel:
        return instrument.currency + u"/bbl";
    case core::QuantityUnit::TonneCO2:
        return instrument.currency + u"/t";
    }
    return instrument.currency;
}

QString notionalPeriod(const core::Instrument &instrument)
{
    switch (instrument.unit) {
    case core::QuantityUnit::Megawatt:
        return QStringLiteral("/h");
    case core::QuantityUnit::MMBtuPerDay:
        return QStringLiteral("/d");
    case core::QuantityUnit::Barrel:
    case core::QuantityUnit::TonneCO2:
        return QString();
    }
    return QString();
}

QVariant alignment(bool isNumber)
{
    return QVariant::fromValue(isNumber ? Qt::AlignRight | Qt::AlignVCenter
                                        : Qt::AlignLeft | Qt::AlignVCenter);
}

QFont numberFont()
{
    QFont font;
    font.setStyleHint(QFont::Monospace);
    font.setFamily(QStringLiteral("monospace"));
    return font;
}

QBrush sideBrush(core::protocol::Side side)
{
    return QBrush(toneColour(side == core::protocol::Side::Buy ? Tone::Buy : Tone::Sell));
}

QVariant pnlBrush(core::Decimal amount)
{
    if (amount.isZero())
        return {};
    return QBrush(toneColour(amount.isNegative() ? Tone::Loss : Tone::Gain));
}

QString periodLabel(const core::DeliveryPeriod &period, const QLocale &locale)
{
    using Kind = core::DeliveryPeriod::Kind;
    const QString year = period.start.toString(u"yy");
    const auto localised = [](const char *text) {
        return QCoreApplication::translate("qx::models::displayformat", text);
    };
    switch (period.kind) {
    case Kind::QuarterHour:
    case Kind::Hour: {
        QString text = locale.toString(period.start, u"ddd dd MMM ")
            + QStringLiteral("%1:%2")
                  .arg(period.startMinute / 60, 2, 10, QLatin1Char('0'))
                  .arg(period.startMinute % 60, 2, 10, QLatin1Char('0'));
        // The exchanges' name for the second pass of the hour the autumn change repeats.
        if (period.repeated)
            text += QStringLiteral(" B");
        return text;
    }
    case Kind::Day:
        return locale.toString(period.start, u"ddd dd MMM");
    case Kind::Weekend:
    case Kind::Week: {
        int isoYear = 0;
        const int week = period.start.weekNumber(&isoYear);
        return (period.kind == Kind::Week
                    ? localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Wk %1 %2"))
                    : localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "WE %1 %2")))
            .arg(week, 2, 10, QLatin1Char('0'))
            .arg(isoYear % 100, 2, 10, QLatin1Char('0'));
    }
    case Kind::Month:
        return locale.monthName(period.start.month(), QLocale::ShortFormat) + u' ' + year;
    case Kind::Quarter:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Q%1 %2"))
            .arg((period.start.month() - 1) / 3 + 1)
            .arg(year);
    case Kind::Season:
        return (period.start.month() == 4
                    ? localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Sum %1"))
                    : localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Win %1")))
            .arg(year);
    case Kind::Year:
        // A calendar year; a contract delivering in one month of it (EUA December) is named by
        // that month.
        if (period.start.month() != 1 || period.end != period.start.addYears(1))
            return locale.monthName(period.start.month(), QLocale::ShortFormat) + u' ' + year;
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Cal %1")).arg(year);
    }
    return period.code();
}

QString productName(const core::Instrument &instrument)
{
    // The catalog is data and speaks English; the names of its default products, which every
    // server lists, are translated here by product code (the symbol up to its period).
    static const QHash<QString, const char *> names {
        { QStringLiteral("DE"),
          QT_TRANSLATE_NOOP("qx::models::products", "German power intraday") },
        { QStringLiteral("DE.BASE"),
          QT_TRANSLATE_NOOP("qx::models::products", "German power base load") },
        { QStringLiteral("DE.PEAK"),
          QT_TRANSLATE_NOOP("qx::models::products", "German power peak load") },
        { QStringLiteral("FR.BASE"),
          QT_TRANSLATE_NOOP("qx::models::products", "French power base load") },
        { QStringLiteral("NL.BASE"),
          QT_TRANSLATE_NOOP("qx::models::products", "Dutch power base load") },
        { QStringLiteral("GB.BASE"),
          QT_TRANSLATE_NOOP("qx::models::products", "British power base load") },
        { QStringLiteral("NORDIC.SYS"),
          QT_TRANSLATE_NOOP("qx::models::products", "Nordic system price") },
        { QStringLiteral("TTF"), QT_TRANSLATE_NOOP("qx::models::products", "TTF natural gas") },
        { QStringLiteral("THE"),
          QT_TRANSLATE_NOOP("qx::models::products", "THE natural gas (Germany)") },
        { QStringLiteral("NBP"), QT_TRANSLATE_NOOP("qx::models::products", "NBP natural gas") },
        { QStringLiteral("HH"),
          QT_TRANSLATE_NOOP("qx::models::products", "Henry Hub natural gas") },
        { QStringLiteral("BRENT"), QT_TRANSLATE_NOOP("qx::models::products", "Brent crude oil") },
        { QStringLiteral("WTI"), QT_TRANSLATE_NOOP("qx::models::products", "WTI crude oil") },
        { QStringLiteral("EUA"),
          QT_TRANSLATE_NOOP("qx::models::products", "EU emission allowances") },
    };
    const core::Result<core::SymbolParts> parts = core::parseSymbol(instrument.symbol);
    if (parts) {
        if (const auto known = names.constFind(parts->product); known != names.cend())
            return QCoreApplication::translate("qx::models::products", *known);
    }
    return instrument.description.section(QStringLiteral(", "), 0, 0);
}

QString description(const core::Instrument &instrument)
{
    return productName(instrument) + QStringLiteral(", ") + periodLabel(instrument.delivery);
}

QString periodKindPlural(core::DeliveryPeriod::Kind kind)
{
    using Kind = core::DeliveryPeriod::Kind;
    const auto localised = [](const char *text) {
        return QCoreApplication::translate("qx::models::displayformat", text);
    };
    switch (kind) {
    case Kind::QuarterHour:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Quarter-hours"));
    case Kind::Hour:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Hours"));
    case Kind::Day:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Days"));
    case Kind::Weekend:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Weekends"));
    case Kind::Week:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Weeks"));
    case Kind::Month:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Months"));
    case Kind::Quarter:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Quarters"));
    case Kind::Season:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Seasons"));
    case Kind::Year:
        return localised(QT_TRANSLATE_NOOP("qx::models::displayformat", "Years"));
    }
    return {};
}

} // namespace qx::models::displayformat
