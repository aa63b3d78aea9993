// SqlStore, cluster (ClusterStore): book owners with their epochs, shared settings.

#include "server/storage/sqlstore.h"

#include "server/storage/sqlstore_p.h"

namespace qx::server {

namespace protocol = core::protocol;
using namespace sqlstore;

Result<std::int64_t> SqlStore::saveBookOwner(const BookOwner &owner)
{
    return returnedInteger(m_database->query(
        "INSERT INTO book_owners (symbol, instance, url, since_ms, epoch) VALUES ($1, $2, $3, $4, "
        "1) "
        "ON CONFLICT (symbol) DO UPDATE SET instance = excluded.instance, url = excluded.url, "
        "since_ms = excluded.since_ms, epoch = book_owners.epoch + 1 RETURNING epoch",
        owner.symbol, owner.instance, owner.url, m_clock->nowMs()));
}

Result<QString> SqlStore::agreeClusterSetting(const QString &name, const QString &proposed)
{
    if (Result<void> claimed = m_database->run("INSERT INTO cluster_settings (name, value) "
                                               "VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                                               name, proposed);
        !claimed) {
        return claimed.error();
    }
    Result<std::optional<QString>> value = findOne<QString>(
        m_database->query("SELECT value FROM cluster_settings WHERE name = $1", name),
        [](const SqlRows &row) { return row.text(0); });
    if (!value)
        return value.error();
    return value->value_or(proposed);
}

Result<void> SqlStore::setClusterSetting(const QString &name, const QString &value)
{
    return m_database->run("INSERT INTO cluster_settings (name, value) VALUES ($1, $2) "
                           "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                           name, value);
}

Result<QList<Store::BookOwner>> SqlStore::bookOwners()
{
    return collect<BookOwner>(
        m_database->query("SELECT symbol, instance, url, epoch FROM book_owners"),
        [](const SqlRows &row) {
            return BookOwner { row.text(0), row.text(1), row.text(2), row.int64(3) };
        });
}

} // namespace qx::server
