// qx-bench-gateway: order entry through the real quantenergx-server process over loopback,
// against bare Qt servers doing as little as a gateway can. Prints one JSON line per case, then
// a summary with ratios and goals; it asserts nothing about time (a benchmark, not a test).
//
//   qx-bench-gateway [--connections N] [--seconds S] [--warmup S] [--only sqlite|postgresql]
//                    [--reads both|lists|verify]
//
// Cases, each on a new server and a new database (SQLite, then a PostgreSQL 15 the benchmark
// starts itself), the simulated market off:
//   - REST: POST /api/v1/orders on N keep-alive connections (libcurl's multi interface, one
//     easy handle and connection per client, all clients on one thread);
//   - stream: {"type":"order.new"} on N WebSocket connections to /api/v1/stream, answered by
//     order.ack (or order.reject) once the order is stored (QWebSocket, all on one thread);
// each alone, and under read load: two more clients (alice and bob) each listing their orders
// and trades in turn (GET /api/v1/orders?limit=1000, GET /api/v1/trades?limit=1000) and an
// admin verifying the audit chains (GET /api/v1/admin/audit/verify), without pause (--reads
// lists or verify: only those, to tell which costs what).
// Baselines, with the same client code and connection count: a bare QHttpServer answering the
// same POST by parsing its JSON body and answering a small JSON object, and a bare
// QWebSocketServer echoing each message, each in a child process (this program run with
// --bare-http PORT or --bare-ws PORT).
//
// Every client is closed-loop: one order outstanding per connection, the next sent when the
// answer came. The orders alternate by connection: even connections are alice buying, odd
// ones bob selling, one lot each at one fixed price of one tradable instrument, so about every
// other order trades (two users: one user's crossing orders would be cancelled by self-trade
// prevention). Each has a new client_order_id. Acknowledged orders (2xx, order.ack) are
// counted over S seconds after a warm-up; refusals are counted apart, by error code. The
// server runs without the per-account request limit (--max-requests-per-minute 0) and with the
// stream's message rate at its maximum (--stream-rate 100000), so neither is measured; no
// risk limits are set.
#include "testapi.h"
#include "testservices.h"

#include "core/protocol/messages.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <functional>
#include <map>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
namespace protocol = qx::core::protocol;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    int connections = 4;
    double seconds = 5;
    double warmup = 1;
    QStringList databases { u"sqlite"_s, u"postgresql"_s };
    bool listReads = true; ///< the read load lists orders and trades
    bool verifyReads = true; ///< and verifies the audit
};

/// What a client's request came to.
enum class Outcome { Acknowledged, Refused, Failed };

/// Kinds of request, for the tallies.
enum Kind { OrderEntry = 0, OrdersPage = 1, TradesPage = 2, AuditVerify = 3 };

/// One answer (or failure) as a client saw it.
struct Completion
{
    Clock::time_point at;
    qint64 latencyNs = 0;
    int kind = OrderEntry;
    Outcome outcome = Outcome::Acknowledged;
    QByteArray code; ///< a refusal's error code, or what failed
    qint64 bytes = 0; ///< of the answer's body
    QByteArray answer; ///< the body, when the request asked to keep it (at most 4 KiB)
};

struct Window
{
    Clock::time_point start;
    Clock::time_point end;

    bool contains(Clock::time_point at) const { return at >= start && at < end; }
    double seconds() const { return std::chrono::duration<double>(end - start).count(); }
};

qint64 nanoseconds(Clock::duration duration)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count();
}

/// The error code of an answer {"error":{"code"}} or {"type":"...","error":{"code"}}.
QByteArray errorCodeOf(const QJsonObject &answer)
{
    const QString code = answer.value(u"error").toObject().value(u"code").toString();
    return code.isEmpty() ? QByteArrayLiteral("unknown") : code.toUtf8();
}

/// The next request of a closed loop.
struct Request
{
    int kind = OrderEntry;
    QByteArray path; ///< with its query
    QByteArray body; ///< JSON to POST; empty: GET
    bool keepAnswer = false;
};

/// A closed loop: one connection, one request outstanding, the next sent when its answer came.
struct HttpLoop
{
    QByteArray authorization; ///< the header's value, or empty
    std::function<Request(qint64 n)> next;
};

/**
 * Closed-loop HTTP clients on libcurl's multi interface, every one on the thread that calls
 * run(): an easy handle per loop, reused for each of its requests, over keep-alive
 * connections from the multi handle's pool, at most one per loop to the host. curl parses
 * the HTTP; bodies are only kept for refusals and for requests that ask.
 */
class HttpLoad
{
public:
    HttpLoad(QByteArray baseUrl, std::vector<HttpLoop> loops)
        : m_base(std::move(baseUrl))
        , m_multi(curl_multi_init())
    {
        curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(loops.size()));
        curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(loops.size()));
        for (HttpLoop &loop : loops) {
            auto slot = std::make_unique<Slot>();
            slot->loop = std::move(loop);
            slot->easy = curl_easy_init();
            slot->headers = curl_slist_append(slot->headers, "Content-Type: application/json");
            slot->headers = curl_slist_append(slot->headers, "Expect:");
            if (!slot->loop.authorization.isEmpty()) {
                slot->authorizationHeader = "Authorization: " + slot->loop.authorization;
                slot->headers
                    = curl_slist_append(slot->headers, slot->authorizationHeader.constData());
            }
            CURL *easy = slot->easy;
            curl_easy_setopt(easy, CURLOPT_HTTPHEADER, slot->headers);
            curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
            curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &HttpLoad::collect);
            curl_easy_setopt(easy, CURLOPT_WRITEDATA, slot.get());
            curl_easy_setopt(easy, CURLOPT_PRIVATE, slot.get());
            curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
            curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
            curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 120'000L);
            m_slots.push_back(std::move(slot));
        }
    }

    ~HttpLoad()
    {
        for (const std::unique_ptr<Slot> &slot : m_slots) {
            if (slot->added)
                curl_multi_remove_handle(m_multi, slot->easy);
            curl_easy_cleanup(slot->easy);
            curl_slist_free_all(slot->headers);
        }
        curl_multi_cleanup(m_multi);
    }

    HttpLoad(const HttpLoad &) = delete;
    HttpLoad &operator=(const HttpLoad &) = delete;

    /// Runs every loop until `until`, or until `*stop`; what is outstanding then is dropped.
    void run(Clock::time_point until, const std::atomic<bool> *stop)
    {
        const auto stopping = [&](Clock::time_point now) {
            return now >= until || (stop && stop->load(std::memory_order_relaxed));
        };
        for (const std::unique_ptr<Slot> &slot : m_slots)
            send(*slot);
        while (!stopping(Clock::now())) {
            int running = 0;
            curl_multi_perform(m_multi, &running);
            int left = 0;
            while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                // The message is gone once its handle is removed: copy it first.
                CURL *easy = message->easy_handle;
                const CURLcode result = message->data.result;
                const Clock::time_point now = Clock::now();
                char *pointer = nullptr;
                curl_easy_getinfo(easy, CURLINFO_PRIVATE, &pointer);
                Slot *slot = reinterpret_cast<Slot *>(pointer);
                long status = 0;
                curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
                long opened = 0;
                curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &opened);
                curl_multi_remove_handle(m_multi, easy);
                slot->added = false;
                connectionsOpened += opened;
                Completion done;
                done.at = now;
                done.latencyNs = nanoseconds(now - slot->sent);
                done.kind = slot->kind;
                done.bytes = slot->bytes;
                if (result != CURLE_OK) {
                    done.outcome = Outcome::Failed;
                    done.code = curl_easy_strerror(result);
                } else if (status < 200 || status > 299) {
                    done.outcome = Outcome::Refused;
                    done.code = errorCodeOf(QJsonDocument::fromJson(slot->answer).object());
                } else if (slot->keepAnswer) {
                    done.answer = slot->answer;
                }
                completions.push_back(std::move(done));
                if (!stopping(now))
                    send(*slot);
            }
            curl_multi_poll(m_multi, nullptr, 0, 20, nullptr);
        }
    }

    std::vector<Completion> completions;
    long connectionsOpened = 0; ///< over the run: as many as loops when keep-alive held

private:
    struct Slot
    {
        HttpLoop loop;
        CURL *easy = nullptr;
        curl_slist *headers = nullptr;
        QByteArray authorizationHeader;
        QByteArray url;
        QByteArray body;
        QByteArray answer; ///< the first 4 KiB
        qint64 bytes = 0;
        Clock::time_point sent;
        int kind = OrderEntry;
        bool keepAnswer = false;
        bool added = false;
        qint64 count = 0;
    };

    static size_t collect(char *data, size_t size, size_t count, void *opaque)
    {
        auto *slot = static_cast<Slot *>(opaque);
        const qsizetype length = qsizetype(size * count);
        slot->bytes += length;
        const qsizetype room = 4096 - slot->answer.size();
        if (room > 0)
            slot->answer.append(data, std::min(room, length));
        return size * count;
    }

    void send(Slot &slot)
    {
        Request request = slot.loop.next(slot.count++);
        slot.kind = request.kind;
        slot.keepAnswer = request.keepAnswer;
        slot.url = m_base + request.path;
        slot.body = std::move(request.body);
        slot.answer.clear();
        slot.bytes = 0;
        curl_easy_setopt(slot.easy, CURLOPT_URL, slot.url.constData());
        if (slot.body.isEmpty()) {
            curl_easy_setopt(slot.easy, CURLOPT_HTTPGET, 1L);
        } else {
            curl_easy_setopt(slot.easy, CURLOPT_POSTFIELDS, slot.body.constData());
            curl_easy_setopt(slot.easy, CURLOPT_POSTFIELDSIZE, long(slot.body.size()));
        }
        slot.sent = Clock::now();
        curl_multi_add_handle(m_multi, slot.easy);
        slot.added = true;
    }

    QByteArray m_base;
    CURLM *m_multi = nullptr;
    std::vector<std::unique_ptr<Slot>> m_slots;
};

/**
 * Closed-loop WebSocket clients, all on the calling thread, whose event loop this runs: one
 * socket per token, authenticated with it first (an empty token: none, for the echo), then
 * one message outstanding, the next sent when the answer to the last came. An answer is
 * order.ack (acknowledged), order.reject or error (refused), or the message echoed back.
 * Returns when `until` has passed; what is outstanding then is dropped.
 */
std::vector<Completion> runStreamLoad(const QUrl &url, const std::vector<QString> &tokens,
                                      const std::function<QByteArray(int, qint64)> &message,
                                      Clock::time_point until)
{
    struct Connection
    {
        std::unique_ptr<QWebSocket> socket;
        bool ready = false;
        bool done = false;
        Clock::time_point sent;
        qint64 count = 0;
    };
    std::vector<Completion> completions;
    std::vector<Connection> connections(tokens.size());
    QEventLoop loop;
    std::size_t finished = 0;
    const auto finish = [&](Connection &connection) {
        if (std::exchange(connection.done, true))
            return;
        if (++finished == connections.size())
            loop.quit();
    };
    const auto sendNext = [&](int index) {
        Connection &connection = connections[std::size_t(index)];
        if (Clock::now() >= until)
            return finish(connection);
        const QByteArray text = message(index, connection.count++);
        connection.sent = Clock::now();
        connection.socket->sendTextMessage(QString::fromUtf8(text));
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const int index = int(i);
        Connection &connection = connections[i];
        connection.socket = std::make_unique<QWebSocket>();
        QWebSocket *socket = connection.socket.get();
        QObject::connect(socket, &QWebSocket::connected, socket, [&, index, socket] {
            const QString &token = tokens[std::size_t(index)];
            if (token.isEmpty()) {
                connections[std::size_t(index)].ready = true;
                return sendNext(index);
            }
            socket->sendTextMessage(
                QString::fromUtf8(protocol::StreamMessage::auth(token).serialize()));
        });
        QObject::connect(
            socket, &QWebSocket::textMessageReceived, socket, [&, index](const QString &text) {
                const Clock::time_point now = Clock::now();
                Connection &self = connections[std::size_t(index)];
                if (self.done)
                    return;
                const QJsonObject answer = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = answer.value(u"type").toString();
                if (!self.ready) {
                    if (type != protocol::stream::kAuthOk) {
                        Completion failed;
                        failed.at = now;
                        failed.outcome = Outcome::Failed;
                        failed.code = "auth: " + errorCodeOf(answer);
                        completions.push_back(failed);
                        return finish(self);
                    }
                    self.ready = true;
                    return sendNext(index);
                }
                Completion done;
                done.at = now;
                done.latencyNs = nanoseconds(now - self.sent);
                done.bytes = text.size();
                if (type == protocol::stream::kOrderAck || type == protocol::stream::kOrderNew) {
                    done.outcome = Outcome::Acknowledged;
                } else if (type == protocol::stream::kOrderReject
                           || type == protocol::stream::kError) {
                    done.outcome = Outcome::Refused;
                    done.code = errorCodeOf(answer);
                } else {
                    return; // not an answer to the order (nothing is subscribed)
                }
                completions.push_back(std::move(done));
                sendNext(index);
            });
        QObject::connect(socket, &QWebSocket::disconnected, socket, [&, index, socket] {
            Connection &self = connections[std::size_t(index)];
            if (self.done)
                return;
            Completion failed;
            failed.at = Clock::now();
            failed.outcome = Outcome::Failed;
            failed.code = "closed: " + socket->closeReason().toUtf8();
            completions.push_back(failed);
            finish(self);
        });
        socket->open(url);
    }
    // However the server behaves, the loop ends shortly after `until`.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(int(std::max<qint64>(0, nanoseconds(until - Clock::now()) / 1'000'000) + 2000));
    loop.exec();
    for (Connection &connection : connections) {
        connection.socket->disconnect();
        connection.socket->abort();
    }
    return completions;
}

/// CPU time of the processes that matter, and of the whole machine, from /proc.
struct CpuSample
{
    double seconds[3] {}; ///< the server, this program, the PostgreSQL server
    qint64 machineBusy = 0; ///< ticks
    qint64 machineTotal = 0;
};

/// The fields of /proc/PID/stat after the command name: [0] state (the 3rd field), [1] the
/// parent's pid, [11] utime, [12] stime, [13] cutime, [14] cstime (of children waited for).
QList<QByteArray> statFields(const QString &pid)
{
    QFile file(u"/proc/"_s + pid + u"/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() >= 15 ? fields : QList<QByteArray>();
}

double ticksToSeconds(qint64 ticks)
{
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

double processCpuSeconds(const QString &pid)
{
    const QList<QByteArray> fields = statFields(pid);
    return fields.isEmpty() ? 0 : ticksToSeconds(fields[11].toLongLong() + fields[12].toLongLong());
}

/// A process and its children (PostgreSQL's postmaster and its backends), those that ended
/// included.
double treeCpuSeconds(qint64 root)
{
    if (root <= 0)
        return 0;
    const QByteArray rootText = QByteArray::number(root);
    qint64 ticks = 0;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!entry.front().isDigit())
            continue;
        const QList<QByteArray> fields = statFields(entry);
        if (fields.isEmpty())
            continue;
        if (entry.toUtf8() == rootText) {
            ticks += fields[11].toLongLong() + fields[12].toLongLong() + fields[13].toLongLong()
                + fields[14].toLongLong();
        } else if (fields[1] == rootText) {
            ticks += fields[11].toLongLong() + fields[12].toLongLong();
        }
    }
    return ticksToSeconds(ticks);
}

/// The PostgreSQL server listening on `port`: its postmaster, found by its command line.
qint64 postmasterOf(quint16 port)
{
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(u"/proc/"_s + entry + u"/cmdline"_s);
        if (!entry.front().isDigit() || !file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> arguments = file.readAll().split('\0');
        const qsizetype option = arguments.indexOf("-p");
        if (arguments.value(0).endsWith("/postgres") && option > 0
            && arguments.value(option + 1) == QByteArray::number(port)) {
            return entry.toLongLong();
        }
    }
    return 0;
}

CpuSample sampleCpu(qint64 serverPid, qint64 databasePid)
{
    CpuSample sample;
    sample.seconds[0] = processCpuSeconds(QString::number(serverPid));
    sample.seconds[1] = processCpuSeconds(u"self"_s);
    sample.seconds[2] = treeCpuSeconds(databasePid);
    QFile file(u"/proc/stat"_s);
    if (file.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
            const qint64 ticks = fields[i].toLongLong();
            sample.machineTotal += ticks;
            if (i != 4 && i != 5) // idle, iowait
                sample.machineBusy += ticks;
        }
    }
    return sample;
}

/// Where the clients go and as whom.
struct Target
{
    QString label; ///< e.g. "sqlite"
    QByteArray httpBase; ///< http://127.0.0.1:PORT
    QUrl streamUrl; ///< ws://127.0.0.1:PORT/api/v1/stream
    bool bare = false; ///< a baseline: no sign-in on the stream
    QString symbol;
    QString price;
    QString quantity;
    QString aliceToken;
    QString bobToken;
    QString adminToken;
    qint64 pid = 0; ///< of the serving process
    qint64 databasePid = 0; ///< PostgreSQL's postmaster, if on PostgreSQL
};

/// What one case measured.
struct CaseResult
{
    QString label;
    QString transport; ///< rest, stream
    bool underLoad = false;
    Window window;
    std::vector<Completion> orders;
    std::vector<Completion> reads;
    long connectionsOpened = 0;
    CpuSample cpu[2];

    // Figures over the window.
    qint64 acknowledged = 0;
    qint64 refused = 0;
    qint64 failed = 0;
    std::map<QByteArray, qint64> refusals;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double rate() const { return double(acknowledged) / window.seconds(); }
};

/// CPU cores used over a case's window.
struct CpuUse
{
    double server = 0;
    double bench = 0;
    double database = 0;
    double machine = 0; ///< every core in use, by anyone
    double others() const { return std::max(0.0, machine - server - bench - database); }
};

CpuUse cpuUse(const CaseResult &result)
{
    const double span = result.window.seconds();
    CpuUse use;
    use.server = (result.cpu[1].seconds[0] - result.cpu[0].seconds[0]) / span;
    use.bench = (result.cpu[1].seconds[1] - result.cpu[0].seconds[1]) / span;
    use.database = (result.cpu[1].seconds[2] - result.cpu[0].seconds[2]) / span;
    const qint64 total = result.cpu[1].machineTotal - result.cpu[0].machineTotal;
    if (total > 0) {
        use.machine = double(result.cpu[1].machineBusy - result.cpu[0].machineBusy) / double(total)
            * double(sysconf(_SC_NPROCESSORS_ONLN));
    }
    return use;
}

double percentileMs(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    const std::size_t at
        = std::min(values.size() - 1, std::size_t(fraction * double(values.size())));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
    return double(values[at]) / 1e6;
}

void summarise(CaseResult &result)
{
    std::vector<qint64> latencies;
    for (const Completion &done : result.orders) {
        if (!result.window.contains(done.at))
            continue;
        if (done.outcome == Outcome::Acknowledged) {
            ++result.acknowledged;
            latencies.push_back(done.latencyNs);
        } else {
            ++(done.outcome == Outcome::Refused ? result.refused : result.failed);
            ++result.refusals[done.code];
        }
    }
    result.p50Ms = percentileMs(latencies, 0.50);
    result.p99Ms = percentileMs(latencies, 0.99);
    result.maxMs = latencies.empty() ? 0 : double(*std::ranges::max_element(latencies)) / 1e6;
}

/// The order every client sends, as JSON: even connections buy (alice), odd ones sell (bob).
QJsonObject orderOf(const Target &target, int caseNumber, int connection, qint64 n)
{
    return qx::test::limitOrder(u"gw%1-%2-%3"_s.arg(caseNumber).arg(connection).arg(n),
                                target.symbol, connection % 2 == 0 ? "buy" : "sell",
                                target.quantity, target.price);
}

/// Runs one case: the reading clients first when `underLoad`, the order clients for the
/// warm-up and the window, then both stopped. The calling (main) thread keeps its event loop
/// running meanwhile (the test server's output is read there).
CaseResult runCase(const Target &target, const QString &transport, bool underLoad,
                   const Options &options, int caseNumber)
{
    CaseResult result;
    result.label = target.label;
    result.transport = transport;
    result.underLoad = underLoad;

    std::atomic<bool> stopReads { false };
    std::unique_ptr<HttpLoad> reads;
    std::unique_ptr<QThread> readThread;
    if (underLoad) {
        // alice and bob each list their orders and their trades in turn; the admin verifies.
        const auto lister = [](int first) {
            return [first](qint64 n) {
                const bool orders = (n + first) % 2 == 0;
                return Request { orders ? OrdersPage : TradesPage,
                                 orders ? QByteArrayLiteral("/api/v1/orders?limit=1000")
                                        : QByteArrayLiteral("/api/v1/trades?limit=1000"),
                                 {},
                                 false };
            };
        };
        std::vector<HttpLoop> loops;
        if (options.listReads) {
            loops.push_back({ "Bearer " + target.aliceToken.toUtf8(), lister(0) });
            loops.push_back({ "Bearer " + target.bobToken.toUtf8(), lister(1) });
        }
        if (options.verifyReads)
            loops.push_back({ "Bearer " + target.adminToken.toUtf8(), [](qint64) {
                                 return Request { AuditVerify,
                                                  QByteArrayLiteral("/api/v1/admin/audit/verify"),
                                                  {},
                                                  true };
                             } });
        reads = std::make_unique<HttpLoad>(target.httpBase, std::move(loops));
        readThread.reset(
            QThread::create([&] { reads->run(Clock::time_point::max(), &stopReads); }));
        readThread->start();
    }

    const Clock::time_point begin = Clock::now();
    const auto seconds = [](double value) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(value));
    };
    result.window.start = begin + seconds(options.warmup);
    result.window.end = result.window.start + seconds(options.seconds);
    const Clock::time_point until = result.window.end;
    std::unique_ptr<QThread> orderThread;
    if (transport == u"rest") {
        orderThread.reset(QThread::create([&] {
            std::vector<HttpLoop> loops;
            for (int i = 0; i < options.connections; ++i) {
                const QString &token = i % 2 == 0 ? target.aliceToken : target.bobToken;
                loops.push_back(
                    { "Bearer " + token.toUtf8(), [&target, caseNumber, i](qint64 n) {
                         return Request { OrderEntry, QByteArrayLiteral("/api/v1/orders"),
                                          QJsonDocument(orderOf(target, caseNumber, i, n))
                                              .toJson(QJsonDocument::Compact),
                                          false };
                     } });
            }
            HttpLoad load(target.httpBase, std::move(loops));
            load.run(until, nullptr);
            result.orders = std::move(load.completions);
            result.connectionsOpened = load.connectionsOpened;
        }));
    } else {
        orderThread.reset(QThread::create([&] {
            std::vector<QString> tokens;
            for (int i = 0; i < options.connections; ++i)
                tokens.push_back(target.bare      ? QString()
                                     : i % 2 == 0 ? target.aliceToken
                                                  : target.bobToken);
            result.orders = runStreamLoad(
                target.streamUrl, tokens,
                [&target, caseNumber](int connection, qint64 n) {
                    return protocol::StreamMessage::of(
                               protocol::stream::kOrderNew,
                               { { u"order"_s, orderOf(target, caseNumber, connection, n) } })
                        .serialize();
                },
                until);
            result.connectionsOpened = options.connections;
        }));
    }
    // CPU at the window's edges, on this thread's timers.
    int pending = 3; // the order clients and the two samples
    QEventLoop wait;
    const auto oneDone = [&] {
        if (--pending == 0)
            wait.quit();
    };
    QObject::connect(orderThread.get(), &QThread::finished, &wait, oneDone);
    orderThread->start();
    for (int edge = 0; edge < 2; ++edge) {
        const Clock::time_point at = edge == 0 ? result.window.start : result.window.end;
        QTimer::singleShot(std::chrono::milliseconds(
                               std::max<qint64>(0, nanoseconds(at - Clock::now()) / 1'000'000)),
                           Qt::PreciseTimer, &wait, [&, edge] {
                               result.cpu[edge] = sampleCpu(target.pid, target.databasePid);
                               oneDone();
                           });
    }
    wait.exec();
    orderThread->wait();

    if (readThread) {
        stopReads = true;
        readThread->wait();
        result.reads = std::move(reads->completions);
    }
    summarise(result);
    return result;
}

QString formatRefusals(const CaseResult &result)
{
    QStringList parts;
    for (const auto &[code, count] : result.refusals)
        parts.append(u"\"%1\":%2"_s.arg(QString::fromUtf8(code).replace(u'"', u'\'')).arg(count));
    return u"{"_s + parts.join(u',') + u"}"_s;
}

/// The reads during a case under load, over its window.
struct ReadFigures
{
    qint64 pages[3] {}; ///< by kind: orders, trades, verifications
    double p50Ms[3] {};
    double p99Ms[3] {};
    double maxMs[3] {};
    qint64 refused = 0;
    qint64 notIntact = 0;
    double megabytes = 0;
};

ReadFigures readFigures(const CaseResult &result)
{
    ReadFigures figures;
    std::vector<qint64> latencies[3];
    for (const Completion &done : result.reads) {
        if (!result.window.contains(done.at))
            continue;
        if (done.outcome != Outcome::Acknowledged) {
            ++figures.refused;
            continue;
        }
        const int kind = done.kind - OrdersPage;
        ++figures.pages[kind];
        latencies[kind].push_back(done.latencyNs);
        figures.megabytes += double(done.bytes) / 1e6;
        if (done.kind == AuditVerify
            && !QJsonDocument::fromJson(done.answer).object().value(u"intact").toBool())
            ++figures.notIntact;
    }
    for (int kind = 0; kind < 3; ++kind) {
        figures.p50Ms[kind] = percentileMs(latencies[kind], 0.50);
        figures.p99Ms[kind] = percentileMs(latencies[kind], 0.99);
        figures.maxMs[kind] = latencies[kind].empty()
            ? 0
            : double(*std::ranges::max_element(latencies[kind])) / 1e6;
    }
    return figures;
}

void printCase(const CaseResult &result, int connections)
{
    const double span = result.window.seconds();
    const CpuUse cpu = cpuUse(result);
    QString reads;
    if (result.underLoad) {
        const ReadFigures figures = readFigures(result);
        reads = u",\"reads\":{\"orders_pages_per_sec\":%1,\"trades_pages_per_sec\":%2,"
                u"\"page_p50_ms\":%3,\"page_p99_ms\":%4,\"verifications\":%5,"
                u"\"verify_p50_ms\":%6,\"verify_max_ms\":%7,\"verify_not_intact\":%8,"
                u"\"refused\":%9,\"mb_per_sec\":%10}"_s
                    .arg(double(figures.pages[0]) / span, 0, 'f', 1)
                    .arg(double(figures.pages[1]) / span, 0, 'f', 1)
                    .arg(std::max(figures.p50Ms[0], figures.p50Ms[1]), 0, 'f', 2)
                    .arg(std::max(figures.p99Ms[0], figures.p99Ms[1]), 0, 'f', 2)
                    .arg(figures.pages[2])
                    .arg(figures.p50Ms[2], 0, 'f', 1)
                    .arg(figures.maxMs[2], 0, 'f', 1)
                    .arg(figures.notIntact)
                    .arg(figures.refused)
                    .arg(figures.megabytes / span, 0, 'f', 1);
    }
    std::printf(
        "{\"target\":\"%s\",\"transport\":\"%s\",\"condition\":\"%s\","
        "\"connections\":%d,\"seconds\":%.1f,\"acked\":%lld,\"acked_per_sec\":%.0f,"
        "\"ack_p50_ms\":%.2f,\"ack_p99_ms\":%.2f,\"ack_max_ms\":%.2f,\"refused\":%lld,"
        "\"failed\":%lld,\"refusals\":%s,\"connections_opened\":%ld,"
        "\"server_cpu_cores\":%.2f,\"server_cpu_us_per_ack\":%.0f,"
        "\"database_cpu_cores\":%.2f,\"bench_cpu_cores\":%.2f,"
        "\"other_cpu_cores\":%.2f%s}\n",
        qPrintable(result.label), qPrintable(result.transport),
        result.underLoad ? "under_reads" : "alone", connections, span,
        static_cast<long long>(result.acknowledged), result.rate(), result.p50Ms, result.p99Ms,
        result.maxMs, static_cast<long long>(result.refused), static_cast<long long>(result.failed),
        qPrintable(formatRefusals(result)), result.connectionsOpened, cpu.server,
        result.acknowledged > 0 ? cpu.server * span * 1e6 / double(result.acknowledged) : 0.0,
        cpu.database, cpu.bench, cpu.others(), qPrintable(reads));
    std::fflush(stdout);
}

/// A bare server: this program again, in --bare-http or --bare-ws mode, on a free port.
struct Child
{
    std::unique_ptr<QProcess> process;
    quint16 port = 0;

    ~Child()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
            process->waitForFinished(3000);
        }
    }
};

std::unique_ptr<Child> startChild(const QString &mode)
{
    auto child = std::make_unique<Child>();
    child->process = std::make_unique<QProcess>();
    child->process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child->process->start(QCoreApplication::applicationFilePath(), { mode, u"0"_s });
    QByteArray line;
    while (!line.contains('\n') && child->process->waitForReadyRead(10'000))
        line += child->process->readAllStandardOutput();
    // "listening PORT"
    child->port = quint16(line.trimmed().split(' ').value(1).toUInt());
    if (child->port == 0)
        return nullptr;
    return child;
}

/// --bare-http: POST /api/v1/orders parses its JSON body and answers a small JSON object.
int serveBareHttp(quint16 port)
{
    QHttpServer server;
    server.route(u"/api/v1/orders"_s, QHttpServerRequest::Method::Post,
                 [](const QHttpServerRequest &request) {
                     const QJsonObject order = QJsonDocument::fromJson(request.body()).object();
                     return QHttpServerResponse(
                         QJsonObject { { u"id"_s, u"1"_s },
                                       { u"client_order_id"_s, order.value(u"client_order_id") },
                                       { u"status"_s, u"open"_s } },
                         QHttpServerResponse::StatusCode::Created);
                 });
    const quint16 bound = server.listen(QHostAddress::LocalHost, port);
    if (bound == 0)
        return 1;
    std::printf("listening %u\n", unsigned(bound));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

/// --bare-ws: every text message is sent back as it came.
int serveBareWebSocket(quint16 port)
{
    QWebSocketServer server(u"qx-bench-gateway"_s, QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, port))
        return 1;
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [socket](const QString &text) { socket->sendTextMessage(text); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    std::printf("listening %u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

/// A quantenergx-server on a new data directory (and database), with alice signed in, bob
/// trading against her and an admin to verify the audit.
struct RealServer
{
    QTemporaryDir directory;
    std::unique_ptr<qx::test::TestServer> server;
    Target target;
};

std::unique_ptr<RealServer> startRealServer(const QString &label, QString *error)
{
    auto real = std::make_unique<RealServer>();
    real->server = std::make_unique<qx::test::TestServer>(
        real->directory.path(),
        QStringList { u"--max-requests-per-minute"_s, u"0"_s, u"--stream-rate"_s, u"100000"_s });
    if (!real->server->start()) {
        *error = real->server->error() + u"\n"_s + real->server->log();
        return nullptr;
    }
    Target &target = real->target;
    target.label = label;
    target.httpBase = real->server->url().toString(QUrl::StripTrailingSlash).toUtf8();
    target.streamUrl = real->server->url();
    target.streamUrl.setScheme(u"ws"_s);
    target.streamUrl.setPath(u"/api/v1/stream"_s);
    target.aliceToken = real->server->aliceToken();
    target.bobToken = real->server->addTrader(u"bob"_s, u"gateway-bench-bob-7291"_s);
    target.adminToken
        = real->server->addUser(u"auditor"_s, u"gateway-bench-audit-7291"_s, u"admin"_s);
    if (target.bobToken.isEmpty() || target.adminToken.isEmpty()) {
        *error = u"cannot add bob or the admin"_s;
        return nullptr;
    }
    // A monthly base-load contract if one trades (it trades all day), else the first listed.
    const QList<qx::core::Instrument> tradable = real->server->tradableInstruments();
    const qx::core::Instrument *chosen = tradable.isEmpty() ? nullptr : &tradable.first();
    for (const qx::core::Instrument &instrument : tradable) {
        if (instrument.symbol.startsWith(u"DE.BASE.M.")) {
            chosen = &instrument;
            break;
        }
    }
    if (!chosen) {
        *error = u"no tradable instrument"_s;
        return nullptr;
    }
    target.symbol = chosen->symbol;
    target.quantity = chosen->lotSize.toString();
    // 50 (EUR/MWh) if on the tick, else a thousand ticks.
    qx::core::Price price = *qx::core::Price::parse(u"50");
    if (!chosen->checkOrder(price, chosen->lotSize))
        price = qx::core::Price(
            qx::core::Decimal::fromUnits(chosen->tickSize.decimal().units() * 1000));
    target.price = price.toString(2);
    QFile lock(QDir(real->directory.path()).filePath(u"server.lock"_s));
    if (lock.open(QIODevice::ReadOnly))
        target.pid = lock.readAll().trimmed().toLongLong();
    return real;
}

QString goal(bool met)
{
    return met ? u"met"_s : u"NOT met"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() == 3 && arguments[1] == u"--bare-http") {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // ends with the benchmark, however it ends
        return serveBareHttp(quint16(arguments[2].toUInt()));
    }
    if (arguments.size() == 3 && arguments[1] == u"--bare-ws") {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        return serveBareWebSocket(quint16(arguments[2].toUInt()));
    }
    Options options;
    bool valid = arguments.size() % 2 == 1;
    for (qsizetype i = 1; valid && i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments[i];
        const QString &value = arguments[i + 1];
        if (name == u"--connections") {
            options.connections = value.toInt(&valid);
        } else if (name == u"--seconds") {
            options.seconds = value.toDouble(&valid);
        } else if (name == u"--warmup") {
            options.warmup = value.toDouble(&valid);
        } else if (name == u"--only" && (value == u"sqlite" || value == u"postgresql")) {
            options.databases = { value };
        } else if (name == u"--reads"
                   && (value == u"both" || value == u"lists" || value == u"verify")) {
            options.listReads = value != u"verify";
            options.verifyReads = value != u"lists";
        } else {
            valid = false;
        }
    }
    if (!valid || options.connections < 1 || options.connections > 64 || options.seconds <= 0
        || options.warmup < 0) {
        std::fprintf(stderr,
                     "usage: qx-bench-gateway [--connections N] [--seconds S] [--warmup S] "
                     "[--only sqlite|postgresql] [--reads both|lists|verify]\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // The benchmark chooses the database of each server itself.
    qunsetenv("QX_TEST_DATABASE");
    qunsetenv("QX_DATABASE");
    std::fprintf(stderr, "qx-bench-gateway: %d connections, %.1f s per case after %.1f s warm-up\n",
                 options.connections, options.seconds, options.warmup);

    int caseNumber = 0;
    int failures = 0;
    std::vector<CaseResult> results;

    // Baselines: the same clients against bare Qt servers in child processes.
    CaseResult barePost, bareEcho;
    for (const QString &mode : { u"--bare-http"_s, u"--bare-ws"_s }) {
        std::unique_ptr<Child> child = startChild(mode);
        if (!child) {
            std::fprintf(stderr, "qx-bench-gateway: %s did not start\n", qPrintable(mode));
            return 1;
        }
        Target target;
        target.bare = true;
        target.label = mode == u"--bare-http" ? u"bare_qhttpserver"_s : u"bare_qwebsocketserver"_s;
        target.httpBase = "http://127.0.0.1:" + QByteArray::number(child->port);
        target.streamUrl = QUrl(u"ws://127.0.0.1:%1/"_s.arg(child->port));
        target.symbol = u"DE.BASE.M.BENCH"_s;
        target.price = u"50.00"_s;
        target.quantity = u"1"_s;
        target.aliceToken = target.bobToken = u"unused"_s;
        target.pid = child->process->processId();
        CaseResult result = runCase(target, mode == u"--bare-http" ? u"rest"_s : u"stream"_s, false,
                                    options, ++caseNumber);
        printCase(result, options.connections);
        (mode == u"--bare-http" ? barePost : bareEcho) = std::move(result);
    }

    std::unique_ptr<qx::test::PostgresServer> postgres;
    for (const QString &database : std::as_const(options.databases)) {
        if (database == u"postgresql" && !postgres) {
            postgres = std::make_unique<qx::test::PostgresServer>();
            if (!postgres->start()) {
                std::fprintf(stderr, "qx-bench-gateway: %s\n", qPrintable(postgres->error()));
                ++failures;
                continue;
            }
            // A fresh cluster makes every new 16 MB WAL segment by writing it full of zeros
            // first (commits of 15-25 ms every few seconds, see qx-bench-store); a server that
            // has run a while recycles them. Write ~100 MB of WAL and checkpoint, so the
            // cases recycle too.
            if (!postgres->psql(u"postgres"_s,
                                u"CREATE TABLE wal_warmup AS SELECT g, repeat('x', 200) AS pad "
                                u"FROM generate_series(1, 400000) AS g"_s)
                || !postgres->psql(u"postgres"_s, u"DROP TABLE wal_warmup"_s)
                || !postgres->psql(u"postgres"_s, u"CHECKPOINT"_s)) {
                std::fprintf(stderr, "qx-bench-gateway: WAL warm-up: %s\n",
                             qPrintable(postgres->error()));
            }
        }
        for (const QString &transport : { u"rest"_s, u"stream"_s }) {
            for (const bool underLoad : { false, true }) {
                ++caseNumber;
                if (database == u"postgresql") {
                    const QString url = postgres->createDatabase(u"gateway%1"_s.arg(caseNumber));
                    postgres->psql(u"postgres"_s, u"CHECKPOINT"_s);
                    qputenv("QX_DATABASE", url.toUtf8());
                } else {
                    qunsetenv("QX_DATABASE");
                }
                QString error;
                std::unique_ptr<RealServer> real = startRealServer(database, &error);
                if (!real) {
                    std::fprintf(stderr, "qx-bench-gateway: %s: %s\n", qPrintable(database),
                                 qPrintable(error));
                    ++failures;
                    continue;
                }
                if (postgres && database == u"postgresql")
                    real->target.databasePid = postmasterOf(postgres->port());
                CaseResult result
                    = runCase(real->target, transport, underLoad, options, caseNumber);
                printCase(result, options.connections);
                results.push_back(std::move(result));
            }
        }
    }
    qunsetenv("QX_DATABASE");

    // The summary: figures, ratios and goals.
    std::printf("\n%-12s %-7s %-12s %9s %7s %7s %7s %7s %7s %7s %6s %6s\n", "target", "via",
                "condition", "acked/s", "p50 ms", "p99 ms", "refused", "failed", "server", "us/ack",
                "db", "others");
    const auto row = [](const CaseResult &result) {
        const CpuUse cpu = cpuUse(result);
        std::printf("%-12s %-7s %-12s %9.0f %7.2f %7.2f %7lld %7lld %7.2f %7.0f %6.2f %6.2f\n",
                    qPrintable(result.label.left(12)), qPrintable(result.transport),
                    result.underLoad ? "under reads" : "alone", result.rate(), result.p50Ms,
                    result.p99Ms, static_cast<long long>(result.refused),
                    static_cast<long long>(result.failed), cpu.server,
                    result.acknowledged > 0
                        ? cpu.server * result.window.seconds() * 1e6 / double(result.acknowledged)
                        : 0.0,
                    cpu.database, cpu.others());
    };
    row(barePost);
    row(bareEcho);
    for (const CaseResult &result : results)
        row(result);
    std::printf("(CPU cores over the window, of %ld: server, the serving process; us/ack, its CPU "
                "time per acknowledged order; db, PostgreSQL's processes; others, what else ran "
                "on the machine besides this benchmark, whose clients are not counted)\n",
                sysconf(_SC_NPROCESSORS_ONLN));
    for (const CaseResult &result : results) {
        if (!result.underLoad)
            continue;
        const ReadFigures figures = readFigures(result);
        const double span = result.window.seconds();
        std::printf("reads during %s %s: %.1f order pages/s, %.1f trade pages/s (p50 %.1f ms, "
                    "p99 %.1f ms), %.1f audit verifications/s (p50 %.1f ms, max %.1f ms)\n",
                    qPrintable(result.label), qPrintable(result.transport),
                    double(figures.pages[0]) / span, double(figures.pages[1]) / span,
                    std::max(figures.p50Ms[0], figures.p50Ms[1]),
                    std::max(figures.p99Ms[0], figures.p99Ms[1]), double(figures.pages[2]) / span,
                    figures.p50Ms[2], figures.maxMs[2]);
    }
    std::printf("\n");
    for (const QString &database : std::as_const(options.databases)) {
        const auto find = [&](const QString &transport, bool underLoad) -> const CaseResult * {
            for (const CaseResult &result : results) {
                if (result.label == database && result.transport == transport
                    && result.underLoad == underLoad)
                    return &result;
            }
            return nullptr;
        };
        const CaseResult *restAlone = find(u"rest"_s, false);
        const CaseResult *restLoad = find(u"rest"_s, true);
        const CaseResult *streamAlone = find(u"stream"_s, false);
        const CaseResult *streamLoad = find(u"stream"_s, true);
        const QByteArray nameText = database.toUtf8();
        const char *name = nameText.constData();
        if (restAlone && barePost.rate() > 0) {
            const double ratio = restAlone->rate() / barePost.rate();
            std::printf("%-10s REST / bare POST (orders/s)        %5.2f   goal >= 0.5: %s\n", name,
                        ratio, qPrintable(goal(ratio >= 0.5)));
        }
        if (streamAlone && bareEcho.rate() > 0) {
            const double ratio = streamAlone->rate() / bareEcho.rate();
            std::printf("%-10s stream / bare echo (orders/s)      %5.2f   goal >= 0.7: %s\n", name,
                        ratio, qPrintable(goal(ratio >= 0.7)));
        }
        if (restAlone && restLoad && restAlone->p99Ms > 0) {
            const double ratio = restLoad->p99Ms / restAlone->p99Ms;
            std::printf("%-10s REST p99 under reads / alone       %5.2f   goal <= 1.2: %s\n", name,
                        ratio, qPrintable(goal(ratio <= 1.2)));
        }
        if (streamAlone && streamLoad && streamAlone->p99Ms > 0) {
            const double ratio = streamLoad->p99Ms / streamAlone->p99Ms;
            std::printf("%-10s stream p99 under reads / alone     %5.2f   goal <= 1.2: %s\n", name,
                        ratio, qPrintable(goal(ratio <= 1.2)));
        }
    }
    std::fflush(stdout);
    curl_global_cleanup();
    return failures;
}
