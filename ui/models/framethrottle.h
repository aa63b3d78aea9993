#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace qx::models {

/**
 * Runs an action at most once per frame: at once when it has not run within the last frame
 * (a lone fill shows without delay), otherwise once at the end of the frame, with the burst's
 * final state. What a model does with each event stays cheap and immediate; what is costly in
 * proportion to the model's size (inserting into a sorted proxy of 100,000 rows, recomputing
 * totals, rebuilding a summary) goes through one of these, so that a storm of events costs
 * one such step per frame rather than one per event.
 *
 * GUI thread only.
 */
class FrameThrottle : public QObject
{
    Q_OBJECT

public:
    /// One frame at 60 Hz.
    static constexpr int kFrameMs = 16;

    explicit FrameThrottle(std::function<void()> action, QObject *parent = nullptr);

    /// The action is due: now, or at the end of this frame (of the next one when asked by the
    /// action itself: work it leaves for later, a slice at a time).
    void request();
    /// Runs a pending action now (tests, and before a reset that replaces its work).
    void flush();
    /// Drops a pending action (its work was replaced).
    void cancel() { m_pending = false; }

private:
    void onFrame();

    void run();

    std::function<void()> m_action;
    QTimer m_frame;
    bool m_pending = false;
    bool m_running = false;
};

} // namespace qx::models
