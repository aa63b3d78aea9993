#include "core/protocol/deals.h"

#include "core/enumnames.h"
#include "core/protocol/objectreader.h"

#include <QCoreApplication>

#include <array>

namespace qx::core::protocol {

namespace {

constexpr std::array dealStatusNames { std::pair { DealStatus::Live, u"live" },
                                       std::pair { DealStatus::Cancelled, u"cancelled" } };

constexpr qsizetype kMaxName = 100;
constexpr qsizetype kMaxId = 64;
constexpr qsizetype kMaxReason = 500;

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::core::protocol", text);
}

// The terms shared by an entry and a stored deal, read and checked alike.
void readTerms(ObjectReader &reader, NewDeal &deal)
{
    deal.symbol = reader.string(QStringLiteral("symbol"));
    deal.side = reader.enumeration<Side>(QStringLiteral("side"), sideFromString,
                                         QStringLiteral("buy, sell"));
    deal.quantity = reader.decimal<Quantity>(QStringLiteral("quantity"));
    deal.price = reader.decimal<Price>(QStringLiteral("price"));
    deal.counterparty = reader.string(QStringLiteral("counterparty")).trimmed();
    deal.broker = reader.string(QStringLiteral("broker"), false).trimmed();
    const QString date = reader.string(QStringLiteral("trade_date"));
    deal.tradeDate = QDate::fromString(date, Qt::ISODate);
    if (!date.isEmpty() && (!deal.tradeDate.isValid() || date.size() != 10))
        reader.reject(QStringLiteral("trade_date"), tr("must be a date as YYYY-MM-DD"));
    deal.externalId = reader.string(QStringLiteral("external_id"), false).trimmed();
    deal.documentId = reader.string(QStringLiteral("document_id"), false);
    if (!deal.quantity.isPositive())
        reader.reject(QStringLiteral("quantity"), tr("must be above zero"));
    if (deal.symbol.size() > kMaxId)
        reader.reject(QStringLiteral("symbol"), tr("too long"));
    if (deal.counterparty.isEmpty() || deal.counterparty.size() > kMaxName)
        reader.reject(QStringLiteral("counterparty"), tr("must be 1 to 100 characters"));
    if (deal.broker.size() > kMaxName)
        reader.reject(QStringLiteral("broker"), tr("must be at most 100 characters"));
    if (deal.externalId.size() > kMaxId)
        reader.reject(QStringLiteral("external_id"), tr("must be at most 64 characters"));
    if (deal.documentId.size() > kMaxId)
        reader.reject(QStringLiteral("document_id"), tr("must be at most 64 characters"));
}

void writeTerms(QJsonObject &json, const NewDeal &deal)
{
    json.insert(QStringLiteral("symbol"), deal.symbol);
    json.insert(QStringLiteral("side"), toString(deal.side));
    json.insert(QStringLiteral("quantity"), deal.quantity.toString());
    json.insert(QStringLiteral("price"), deal.price.toString());
    json.insert(QStringLiteral("counterparty"), deal.counterparty);
    json.insert(QStringLiteral("trade_date"), deal.tradeDate.toString(Qt::ISODate));
    if (!deal.broker.isEmpty())
        json.insert(QStringLiteral("broker"), deal.broker);
    if (!deal.externalId.isEmpty())
        json.insert(QStringLiteral("external_id"), deal.externalId);
    if (!deal.documentId.isEmpty())
        json.insert(QStringLiteral("document_id"), deal.documentId);
}

} // namespace

QString toString(DealStatus status)
{
    return enumName(dealStatusNames, status);
}

std::optional<DealStatus> dealStatusFromString(QStringView text)
{
    return enumFromName(dealStatusNames, text);
}

Result<NewDeal> NewDeal::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NewDeal deal;
    readTerms(reader, deal);
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return deal;
}

QJsonObject NewDeal::toJson() const
{
    QJsonObject json;
    writeTerms(json, *this);
    return json;
}

Result<Deal> Deal::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Deal deal;
    deal.id = reader.string(QStringLiteral("id"));
    deal.username = reader.string(QStringLiteral("username"));
    readTerms(reader, deal.terms);
    deal.status = reader.enumeration<DealStatus>(QStringLiteral("status"), dealStatusFromString,
                                                 QStringLiteral("live, cancelled"));
    deal.bookedBy = reader.string(QStringLiteral("booked_by"));
    deal.bookedAt = fromWireTime(reader.string(QStringLiteral("booked_at")));
    deal.cancelledBy = reader.string(QStringLiteral("cancelled_by"), false);
    deal.cancelledAt = fromWireTime(reader.string(QStringLiteral("cancelled_at"), false));
    deal.cancelReason = reader.string(QStringLiteral("cancel_reason"), false);
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return deal;
}

QJsonObject Deal::toJson() const
{
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("username"), username },
                       { QStringLiteral("status"), toString(status) },
                       { QStringLiteral("booked_by"), bookedBy },
                       { QStringLiteral("booked_at"), toWireTime(bookedAt) } };
    writeTerms(json, terms);
    if (status == DealStatus::Cancelled) {
        json.insert(QStringLiteral("cancelled_by"), cancelledBy);
        json.insert(QStringLiteral("cancelled_at"), toWireTime(cancelledAt));
        json.insert(QStringLiteral("cancel_reason"), cancelReason);
    }
    return json;
}

Result<DealCancel> DealCancel::fromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    DealCancel cancel;
    cancel.reason = reader.string(QStringLiteral("reason")).trimmed();
    if (cancel.reason.size() > kMaxReason)
        reader.reject(QStringLiteral("reason"), tr("must be at most 500 characters"));
    if (Result<void> done = reader.finish(); !done)
        return done.error();
    return cancel;
}

QJsonObject DealCancel::toJson() const
{
    return { { QStringLiteral("reason"), reason } };
}

} // namespace qx::core::protocol
