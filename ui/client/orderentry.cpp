#include "ui/client/orderentry.h"

#include <QRandomGenerator>

namespace qx::client {

QString OrderEntry::newClientOrderId()
{
    // 80 random bits are unique without coordination, so a resent order can reuse the id as
    // its idempotency key and the server answers with the first result instead of trading
    // twice. Crockford's base32 (no I, L, O, U) keeps it short enough for the blotter and
    // unambiguous when read out to a broker.
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString id(16, Qt::Uninitialized);
    for (int half = 0; half < 2; ++half) {
        const quint64 bits = QRandomGenerator::system()->generate64(); // 40 of them are used
        for (int i = 0; i < 8; ++i)
            id[half * 8 + i] = QLatin1Char(kAlphabet[(bits >> (5 * i)) & 31]);
    }
    return id;
}

} // namespace qx::client
