#include "ui/client/tradingservice.h"

#include <QRandomGenerator>

namespace qx::client {

QUrl canonicalServerUrl(const QUrl &url)
{
    QUrl canonical = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (canonical.path() == u"/")
        canonical.setPath({});
    return canonical;
}

TradingService::TradingService(QObject *parent)
    : QObject(parent)
{
    connect(this, &TradingService::instrumentsChanged, this,
            [this] { m_instrumentIndexStale = true; });
}

std::optional<core::Instrument> TradingService::instrument(const QString &symbol) const
{
    if (m_instrumentIndexStale) {
        m_instrumentIndex.clear();
        const QList<core::Instrument> all = instruments();
        m_instrumentIndex.reserve(all.size());
        for (const core::Instrument &candidate : all) {
            if (!m_instrumentIndex.contains(candidate.symbol)) // the first listed, as before
                m_instrumentIndex.insert(candidate.symbol, candidate);
        }
        m_instrumentIndexStale = false;
    }
    const auto found = m_instrumentIndex.constFind(symbol);
    return found == m_instrumentIndex.cend() ? std::nullopt : std::optional(*found);
}

QString TradingService::newClientOrderId()
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
