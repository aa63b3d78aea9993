#pragma once

#include "core/decimal.h"
#include "core/protocol/messages.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

/**
 * Deals: bilateral (over-the-counter) trades booked by hand or from a broker's confirmation,
 * as REST (/api/v1/deals) and the stream's "deals" channel carry them. They count in the
 * holder's position like the book's fills, but never in a market's prices.
 */
namespace qx::core::protocol {

enum class DealStatus { Live, Cancelled };

QString toString(DealStatus status);
std::optional<DealStatus> dealStatusFromString(QStringView text);

/**
 * POST /api/v1/deals: a deal to book. Required: symbol (a catalog contract), side (the
 * booking user's), quantity (above zero, in the instrument's unit), price (in its currency per
 * unit; negative power prices are prices), counterparty and trade_date (YYYY-MM-DD).
 * Optional: broker, external_id (the trade's id at the counterparty or broker) and
 * document_id (the confirmation it was booked from).
 */
struct NewDeal
{
    QString symbol;
    Side side = Side::Buy;
    Quantity quantity;
    Price price;
    QString counterparty;
    QString broker;
    QDate tradeDate;
    QString externalId;
    QString documentId;

    static Result<NewDeal> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const NewDeal &) const = default;
};

/// A deal as the server holds it: what was booked, by whom and when, and whether (and why)
/// it was cancelled. A deal is never deleted.
struct Deal
{
    QString id;
    QString username; ///< whose position it is in
    NewDeal terms;
    DealStatus status = DealStatus::Live;
    QString bookedBy;
    QDateTime bookedAt;
    QString cancelledBy; ///< cancelled deals only
    QDateTime cancelledAt;
    QString cancelReason;

    static Result<Deal> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    bool operator==(const Deal &) const = default;
};

/// POST /api/v1/deals/{id}/cancel: why (required, at most 500 characters).
struct DealCancel
{
    QString reason;

    static Result<DealCancel> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

} // namespace qx::core::protocol
