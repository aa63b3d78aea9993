#include "server/ops/parentwatch.h"

#include <cerrno>
#include <csignal>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace qx::server {

ParentWatch::ParentWatch(QObject *parent)
    : QObject(parent)
{ }

bool ParentWatch::start()
{
#ifdef Q_OS_LINUX
    const pid_t parent = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    // The parent may have died before the line above: then this process was handed to
    // another and the signal will never come.
    if (::getppid() != parent) {
        QMetaObject::invokeMethod(this, &ParentWatch::parentGone, Qt::QueuedConnection);
        return true;
    }
#endif
    m_input = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    if (!m_input->isValid())
        return false;
    connect(m_input.get(), &QSocketNotifier::activated, this, &ParentWatch::onInput);
    return true;
}

void ParentWatch::onInput()
{
    // Nothing is expected on the pipe: what comes is read and dropped; end of file (or an
    // error) means the parent has gone.
    char buffer[256];
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got > 0 || (got < 0 && (errno == EINTR || errno == EAGAIN)))
        return;
    m_input->setEnabled(false);
    Q_EMIT parentGone();
}

} // namespace qx::server
