#include "server/ops/servinglock.h"

#include "server/ops/datadirectory.h"
#include "server/storage/sqlstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace qx::server {

namespace {

// The advisory lock key of "a server matches this database": a fixed number ("QXNSERVE"), which
// the books' keys (FNV-1a of their symbols) do not meet in practice.
constexpr std::int64_t kServingKey = std::int64_t(0x51584e53'45525645); // "QXNSERVE"

QString tr(const char *text)
{
    return QCoreApplication::translate("qx::server::ServingLock", text);
}

// The process id and address a holder wrote, as the refusal says it ("process 1234, at
// http://127.0.0.1:8787"); empty when unreadable.
QString holderOf(const QString &directory)
{
    QFile file(ServingLock::lockFilePath(directory));
    QString holder;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray pid = file.readAll().trimmed();
        if (!pid.isEmpty())
            holder = tr(" (process %1)").arg(QString::fromLatin1(pid));
    }
    return holder;
}

core::Error inUse(const QString &directory)
{
    return core::makeError(core::ErrorCode::InUse,
                           tr("The data directory %1 is in use by another server%2: stop it "
                              "first, or give another --data-dir.")
                               .arg(QDir::toNativeSeparators(directory), holderOf(directory)));
}

// Opens (creating) and tries to lock the lock file: the descriptor, or -1 with errno.
int tryLock(const QString &directory)
{
    const QByteArray path = QFile::encodeName(ServingLock::lockFilePath(directory));
    const int descriptor = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return -1;
    if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
        const int why = errno;
        ::close(descriptor);
        errno = why;
        return -1;
    }
    return descriptor;
}

} // namespace

QString ServingLock::lockFilePath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("server.lock"));
}

core::Result<void> ServingLock::checkFree(const QString &directory)
{
    const int descriptor = tryLock(directory);
    if (descriptor < 0) {
        if (errno == EWOULDBLOCK)
            return inUse(directory);
        return {}; // no directory (yet), say: nobody serves it
    }
    ::close(descriptor);
    return {};
}

core::Result<std::unique_ptr<ServingLock>> ServingLock::acquire(const DataDirectory &directory,
                                                                Mode mode)
{
    if (core::Result<void> initialised = directory.checkInitialised(); !initialised)
        return initialised.error();
    std::unique_ptr<ServingLock> lock(new ServingLock);
    lock->m_descriptor = tryLock(directory.path());
    if (lock->m_descriptor < 0) {
        if (errno == EWOULDBLOCK)
            return inUse(directory.path());
        return core::makeError(
            core::ErrorCode::IoError,
            tr("Cannot lock %1: %2")
                .arg(lockFilePath(directory.path()), QString::fromLocal8Bit(std::strerror(errno))));
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(lock->m_descriptor, 0) != 0
        || ::pwrite(lock->m_descriptor, pid.constData(), std::size_t(pid.size()), 0) < 0) {
        qWarning().noquote() << "cannot write the process id into"
                             << lockFilePath(directory.path());
    }

    const core::Result<std::pair<SqlDatabase::Dialect, QString>> url
        = SqlStore::parseUrl(directory.databaseUrl());
    if (!url || url->first != SqlDatabase::Dialect::Postgresql)
        return lock; // SQLite: the file lives in (or is reached through) this directory alone
    core::Result<std::unique_ptr<SqlStore>> session
        = directory.openSqlStore(SqlStore::Migration::Leave);
    if (!session)
        return session.error();
    core::Result<std::unique_ptr<SqlRows>> taken = (*session)->database().query(
        mode == Mode::Alone ? "SELECT pg_try_advisory_lock($1)::int"
                            : "SELECT pg_try_advisory_lock_shared($1)::int",
        kServingKey);
    if (!taken)
        return taken.error();
    core::Result<bool> row = (*taken)->next();
    if (!row)
        return row.error();
    if (!*row || (*taken)->int64(0) != 1) {
        return core::makeError(
            core::ErrorCode::InUse,
            mode == Mode::Alone
                ? tr("The database is in use by another server: one server per database, or "
                     "start every server with --cluster.")
                : tr("The database is in use by a server that is not a cluster member: stop "
                     "it first."));
    }
    lock->m_databaseSession = std::move(session).value();
    return lock;
}

ServingLock::~ServingLock()
{
    m_databaseSession.reset(); // its session ends, and the advisory lock with it
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

} // namespace qx::server
