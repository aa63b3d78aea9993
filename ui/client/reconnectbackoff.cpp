#include "ui/client/reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace qx::client {

ReconnectBackoff::Duration ReconnectBackoff::next()
{
    // Shift at most 20 times: beyond that the cap applies anyway and the shift would overflow.
    const int exponent = std::min(m_attempt, 20);
    ++m_attempt;
    const qint64 ceiling = std::min<qint64>(m_initial.count() << exponent, m_maximum.count());
    const qint64 half = ceiling / 2;
    return Duration(half + QRandomGenerator::global()->bounded(half + 1));
}

} // namespace qx::client
