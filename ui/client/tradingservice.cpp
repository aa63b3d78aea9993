#include "ui/client/tradingservice.h"

#include <QUuid>

namespace qx::client {

std::optional<core::Instrument> TradingService::instrument(const QString &symbol) const
{
    const QList<core::Instrument> all = instruments();
    for (const core::Instrument &candidate : all) {
        if (candidate.symbol == symbol)
            return candidate;
    }
    return std::nullopt;
}

QString TradingService::newClientOrderId()
{
    // A UUID is unique without coordination, so a resent order can reuse it as its
    // idempotency key and the server answers the first result instead of trading twice.
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace qx::client
