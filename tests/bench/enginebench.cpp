// qx-bench-engine: replays an order stream (the CSV of reference/orderflow.cpp) through the
// real matching engine and prints one JSON line with the outcome and the speed.
//
//   qx-bench-engine --replay FILE.csv [--throughput-only]
//
// The file is read and parsed before the clock starts. Events are produced and consumed as in
// the server (every event is looked at and tallied; positions are off). Throughput comes from a
// replay with no clock reads inside the loop; the latency percentiles from a second replay on a
// fresh book that reads the clock around each operation.
#include "core/matching/orderbook.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace qx::core::matching;

struct Op
{
    bool isNew;
    Side side;
    OrderId id;
    Ticks price;
    Lots quantity;
};

struct Outcome
{
    std::uint64_t fills = 0;
    std::uint64_t tradedQuantity = 0;
    std::uint64_t cancelRejects = 0;
    std::uint64_t rejects = 0;
    std::uint64_t events = 0;
    std::size_t resting = 0;
};

bool parse(const std::string &path, std::vector<Op> &ops)
{
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file)
        return false;
    std::string text(std::size_t(file.tellg()), '\0');
    file.seekg(0);
    if (!file.read(text.data(), std::streamsize(text.size())))
        return false;
    const char *at = text.data();
    const char *end = at + text.size();
    at = static_cast<const char *>(std::memchr(at, '\n', std::size_t(end - at))); // header
    if (!at)
        return false;
    ++at;
    const auto number = [&](auto &value) {
        const auto [next, error] = std::from_chars(at, end, value);
        at = next + 1; // skip the separator
        return error == std::errc();
    };
    while (at < end) {
        Op op {};
        if (end - at < 4 || (at[0] != 'N' && at[0] != 'C'))
            return false;
        op.isNew = at[0] == 'N';
        at += 2;
        if (!number(op.id))
            return false;
        op.side = *at == 'B' ? Side::Buy : Side::Sell;
        at += 2;
        if (!number(op.price) || !number(op.quantity))
            return false;
        ops.push_back(op);
    }
    return true;
}

// What the server's event consumer does first: look at each event and route it. Here the
// routes only tally what the reference counts.
inline void consume(const std::vector<Event> &events, Outcome &outcome)
{
    for (const Event &event : events) {
        ++outcome.events;
        switch (event.type) {
        case EventType::Trade:
            ++outcome.fills;
            outcome.tradedQuantity += std::uint64_t(event.quantity);
            break;
        case EventType::Rejected:
            ++outcome.rejects;
            if (event.reason == Reason::UnknownOrder)
                ++outcome.cancelRejects;
            break;
        default:
            break;
        }
    }
}

inline void apply(OrderBook &book, const Op &op, std::vector<Event> &events)
{
    if (op.isNew) {
        OrderRequest request;
        request.id = op.id;
        request.side = op.side;
        request.price = op.price;
        request.quantity = op.quantity;
        request.selfTrade = SelfTradePrevention::Allow; // one account, as in the reference
        book.submit(request, events);
    } else {
        book.cancel(op.id, events);
    }
}

} // namespace

int main(int argc, char **argv)
{
    std::string path;
    bool throughputOnly = false; // for profiling the measured loop alone
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--replay") && i + 1 < argc) {
            path = argv[++i];
        } else if (!std::strcmp(argv[i], "--throughput-only")) {
            throughputOnly = true;
        } else {
            std::fprintf(stderr, "usage: qx-bench-engine --replay FILE.csv [--throughput-only]\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "qx-bench-engine: --replay FILE.csv is required\n");
        return 2;
    }
    std::vector<Op> ops;
    ops.reserve(1 << 20);
    if (!parse(path, ops)) {
        std::fprintf(stderr, "qx-bench-engine: cannot read %s as an order stream\n", path.c_str());
        return 1;
    }

    using Clock = std::chrono::steady_clock;
    std::vector<Event> events;
    events.reserve(256);

    // Pools sized for a million live orders, as the server sizes its books at start-up.
    constexpr std::size_t kCapacity = 1 << 20;
    Outcome outcome;
    OrderBook book;
    book.reserve(kCapacity);
    const auto started = Clock::now();
    for (const Op &op : ops) {
        events.clear();
        apply(book, op, events);
        consume(events, outcome);
    }
    const auto elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    outcome.resting = book.orderCount();
    if (throughputOnly) {
        std::printf("{\"ops\":%zu,\"fills\":%llu,\"ops_per_sec\":%.0f}\n", ops.size(),
                    (unsigned long long)outcome.fills, double(ops.size()) / elapsed);
        return 0;
    }

    std::vector<std::uint32_t> latencies;
    latencies.reserve(ops.size());
    Outcome again;
    OrderBook timed;
    timed.reserve(kCapacity);
    for (const Op &op : ops) {
        events.clear();
        const auto before = Clock::now();
        apply(timed, op, events);
        consume(events, again);
        latencies.push_back(std::uint32_t(
            std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - before).count()));
    }
    const auto percentile = [&](double p) {
        auto at = latencies.begin() + std::ptrdiff_t(p * double(latencies.size() - 1));
        std::nth_element(latencies.begin(), at, latencies.end());
        return *at;
    };
    const std::uint32_t p50 = percentile(0.50);
    const std::uint32_t p99 = percentile(0.99);
    const std::uint32_t p999 = percentile(0.999);
    const bool deterministic = again.fills == outcome.fills
        && again.tradedQuantity == outcome.tradedQuantity && timed.stateHash() == book.stateHash();

    std::printf("{\"ops\":%zu,\"fills\":%llu,\"traded_qty\":%llu,\"resting_final\":%zu,"
                "\"cancel_rejects\":%llu,\"ops_per_sec\":%.0f,\"p50_ns\":%u,\"p99_ns\":%u,"
                "\"p999_ns\":%u,\"deterministic\":%s}\n",
                ops.size(), (unsigned long long)outcome.fills,
                (unsigned long long)outcome.tradedQuantity, outcome.resting,
                (unsigned long long)outcome.cancelRejects, double(ops.size()) / elapsed, p50, p99,
                p999, deterministic ? "true" : "false");
    return deterministic ? 0 : 1;
}
