#pragma once

#include <chrono>

namespace qx::client {

/**
 * Delays between reconnection attempts: exponential from `initial`, capped at `maximum`, with
 * "equal jitter" (half fixed, half random) so that many clients dropped by the same server
 * restart do not all come back in the same instant. Value type, any thread.
 */
class ReconnectBackoff
{
public:
    using Duration = std::chrono::milliseconds;

    explicit ReconnectBackoff(Duration initial = Duration(500), Duration maximum = Duration(30000))
        : m_initial(initial)
        , m_maximum(maximum)
    { }

    /// The wait before the next attempt; each call doubles the next one up to the cap.
    Duration next();
    /// After a connection that worked: start again from `initial`.
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    Duration m_initial;
    Duration m_maximum;
    int m_attempt = 0;
};

} // namespace qx::client
