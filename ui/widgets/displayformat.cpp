#include "ui/widgets/displayformat.h"

#include <QColor>

namespace qx::widgets::displayformat {

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
    return QBrush(side == core::protocol::Side::Buy ? QColor(0x15, 0x65, 0xc0)
                                                    : QColor(0xc6, 0x28, 0x28));
}

} // namespace qx::widgets::displayformat
