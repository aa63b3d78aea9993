#include "core/clock.h"

namespace qx::core {

namespace {

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace

QDateTime Clock::nowUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace qx::core
