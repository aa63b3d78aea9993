#pragma once

#include "server/storage/records.h"

namespace qx::server {

/**
 * The cluster's shared records: who matches which book (with its fencing epoch) and the
 * settings every server must agree on.
 * Part of Store (store.h); a service that needs only this takes a ClusterStore &.
 */
class ClusterStore
{
public:
    virtual ~ClusterStore() = default;

    /// Who matches which book when several servers share the database.
    struct BookOwner
    {
        QString symbol;
        QString instance;
        QString url;
        std::int64_t epoch = 0; ///< raised by every takeover
    };
    /// Records `owner` as the book's owner and raises its epoch, which it returns: the
    /// owner's fence for its writes (TradingWrite::fences).
    virtual Result<std::int64_t> saveBookOwner(const BookOwner &owner) = 0;
    virtual Result<QList<BookOwner>> bookOwners() = 0;
    /// The cluster's value of setting `name`: `proposed`, stored, when it had none.
    virtual Result<QString> agreeClusterSetting(const QString &name, const QString &proposed) = 0;
};

} // namespace qx::server
