#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <deque>

namespace qx::server {

/**
 * A channel's pacing: at most one message per `perRecipient` to one address, and at most
 * `perSecond` in all (0: no limit), waiting on the calling dispatcher's thread until a message
 * keeps to both. Telegram asks for one a second per chat and 30 a second in all; the other
 * providers' rates are settings.
 */
class Pacer
{
public:
    Pacer(std::chrono::milliseconds perRecipient, int perSecond)
        : m_perRecipient(perRecipient)
        , m_perSecond(perSecond)
    { }

    /// Waits until a message to `recipient` keeps to both rates, and counts it.
    void wait(const QString &recipient);

private:
    using Clock = std::chrono::steady_clock;
    std::chrono::milliseconds m_perRecipient;
    int m_perSecond;
    QHash<QString, Clock::time_point> m_lastByRecipient;
    std::deque<Clock::time_point> m_lastSecond;
};

} // namespace qx::server
