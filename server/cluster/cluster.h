#pragma once

#include "core/result.h"
#include "server/storage/store.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace qx::server {

class OrderService;
class RedisClient;
class SqlStore;

/**
 * This server's part in a cluster of servers on one PostgreSQL database (and one Redis):
 *
 * - Books: each instrument's book is matched by exactly one server, the one holding its
 *   PostgreSQL advisory lock (taken on a connection of the cluster's own, so the lock goes
 *   when the server dies). Every second the cluster tries to take the books nobody holds —
 *   those of the products it prefers (--own-books) at once, the others after kGraceMs, so a
 *   dead owner's books are taken over by the survivors — and records itself as their owner
 *   with its URL in book_owners, where the others look up where to forward orders. If its
 *   lock connection was lost it lets every book go (another server may hold them now).
 * - Fencing: recording itself raises the book's epoch, and every write on the book carries
 *   the epoch its server took it at (TradingWrite::fences). A server that lost a book before
 *   it noticed (stalled, or its lock connection dropped between two polls) has its writes
 *   refused (book_moved), so nothing is acknowledged on a book two servers match.
 * - Events, through Redis pub/sub: what this server stores (order changes, trades) and its
 *   books' depth and ticker go to the others, which hand them to their own stream clients,
 *   follow the trades in positions and candles, and cache the books for their subscribers;
 *   each book's last depth and ticker also stay in Redis (qx:market:SYMBOL) for servers
 *   that start later.
 *   Without Redis, orders are still forwarded but clients only see what their server does.
 *   Redis down changes nothing else: events are lost until it is back, then each server
 *   catches up from storage (catchUp()).
 *
 * What other servers' events mean for this server's stream clients is signalled
 * (remoteMarket, remoteOrderEvent, eventsMissed); the server connects them to its
 * StreamGateway, so the cluster sits below the API, not beside it.
 *
 * Lives on the server's main thread, beside the OrderService it drives. The lock session's
 * statements run on a thread of their own (lockStep()), so matching never waits for the
 * database's round trips; only taking a book over (reading it from storage) runs here.
 */
class Cluster : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString databaseUrl; ///< postgresql://... (the cluster's own connection)
        RedisClient *redis = nullptr; ///< started by the caller; none: no event fan-out
        QStringList preferredProducts; ///< symbol prefixes taken first; empty: all
        QString signingKeyId; ///< must be the cluster's: tokens are checked on every server
    };
    static constexpr int kPollMs = 1000;
    static constexpr qint64 kGraceMs = 3000;
    /// Own books' depth and ticker go out at most this often each, this many levels deep
    /// (as the stream shows them to clients).
    static constexpr int kCoalesceMs = 50;
    static constexpr int kBookDepth = 10;

    static core::Result<std::unique_ptr<Cluster>> create(const Options &options,
                                                         OrderService &orders);
    ~Cluster() override;

    /// Starts taking books, once this server can be reached at `url` (where it listens).
    void start(const QUrl &url);
    QString instanceId() const { return m_instanceId; }
    /// A random secret every server of the cluster shares (kept in the database): marks the
    /// requests one forwards to another as coming from the cluster, not from a client.
    QByteArray forwardSecret() const { return m_forwardSecret; }
    /// Where the book of `symbol` is matched, when that is another server.
    std::optional<QUrl> ownerOf(const QString &symbol) const;
    /// Every other server that owns a book.
    QList<QUrl> otherOwners() const;

Q_SIGNALS:
    /// Another server's book `symbol` as it published it: depth and ticker.
    void remoteMarket(const QString &symbol, const QJsonObject &book, const QJsonObject &ticker);
    /// An order change another server stored, for its user's stream.
    void remoteOrderEvent(const QString &type, const core::protocol::Order &order, qint64 userId);
    /// Events from other servers were lost (Redis was away): clients should read again.
    void eventsMissed(const QString &reason);

private:
    /// What a lock step is asked: the books this server does not match (by lock key).
    struct LockRequest
    {
        QHash<std::int64_t, QString> free;
        qint64 nowMs = 0;
    };
    /// What it found: the lock session changed (every book must go), books taken with their
    /// fencing epochs, the other servers' books, or a problem.
    struct LockOutcome
    {
        bool sessionChanged = false;
        QList<BookFence> taken;
        std::optional<QHash<QString, QUrl>> owners;
        QString problem;
    };

    Cluster(const Options &options, OrderService &orders);
    /// Every kPollMs: a lock step on the lock thread, its outcome applied back here.
    void poll();
    LockRequest lockRequest() const;
    /// On the lock session (m_locks), on the lock thread: checks the session, tries the free
    /// books' locks, records the ones taken, reads who owns the rest. Touches only the
    /// members marked "lock thread".
    LockOutcome lockStep(const LockRequest &request);
    void apply(const LockOutcome &outcome);
    /// Lets every book go: the locks are gone (or cannot be proven held).
    void releaseAll();
    void publish(const QJsonObject &event);
    void onMessage(const QByteArray &payload);
    void flushMarkets();
    /// A "market" event (another server's book depth and ticker) to this server's clients.
    void showRemoteMarket(const QJsonObject &event);
    /// After (re)connecting to Redis: what came through it meanwhile is lost, so trades are
    /// read from storage, this server's books published again and its stream clients sent to
    /// reconnect and read theirs again.
    void catchUp();

    Options m_options;
    OrderService &m_orders;
    std::unique_ptr<SqlStore> m_locks; ///< the lock session, and book_owners (lock thread)
    RedisClient *m_redis = nullptr;
    QByteArray m_forwardSecret;
    QString m_instanceId;
    QUrl m_url;
    std::optional<std::int64_t>
        m_lockSession; ///< backend pid the locks were taken on (lock thread)
    QHash<QString, qint64> m_freeSince; ///< books seen without owner, since when, ms (lock thread)
    QHash<QString, QUrl> m_owners; ///< other servers' books
    QSet<QString> m_dirtyMarkets; ///< own books changed since the last flush
    bool m_redisConnectedBefore = false;
    QTimer m_pollTimer;
    QTimer m_flushTimer;
    bool m_polling = false; ///< a lock step is under way
    QThreadPool m_lockThread; ///< one thread; last, so that it stops first
};

} // namespace qx::server
