#include "server/storage/storereaders.h"

namespace qx::server {

StoreReaders::StoreReaders(Opener open, int threads, QObject *parent)
    : QObject(parent)
    , m_open(std::move(open))
{
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setObjectName(QStringLiteral("store readers"));
}

StoreReaders::~StoreReaders()
{
    m_pool.waitForDone();
}

Result<std::unique_ptr<Store>> StoreReaders::take()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
            std::unique_ptr<Store> connection = std::move(m_free.back());
            m_free.pop_back();
            return connection;
        }
    }
    return m_open();
}

void StoreReaders::give(std::unique_ptr<Store> connection)
{
    std::lock_guard lock(m_mutex);
    m_free.push_back(std::move(connection));
}

} // namespace qx::server
