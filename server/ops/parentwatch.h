#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace qx::server {

/**
 * Ends a bundled server with the program that started it, whatever ends that program: a clean
 * exit, a crash or kill -9. Two signs, since either alone can miss:
 *
 * - end of file on standard input, the pipe the parent started it with (every copy of the
 *   write end is closed once the parent is gone): parentGone() is emitted, for a clean stop;
 * - on Linux, PR_SET_PDEATHSIG: the kernel sends SIGTERM when the parent dies, even if a
 *   grandchild still holds the pipe open.
 *
 * Lives on the main thread; the notifier only wakes it when standard input has something.
 */
class ParentWatch : public QObject
{
    Q_OBJECT

public:
    explicit ParentWatch(QObject *parent = nullptr);

    /// Starts watching; false if standard input cannot be watched (the kernel's signal still
    /// applies on Linux).
    bool start();

Q_SIGNALS:
    void parentGone();

private:
    void onInput();

    std::unique_ptr<QSocketNotifier> m_input;
};

} // namespace qx::server
