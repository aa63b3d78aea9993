#include "core/matching/orderbook.h"

#include <algorithm>
#include <limits>

namespace qx::core::matching {

namespace {

constexpr Ticks kNoLimitBuy = std::numeric_limits<Ticks>::max();
constexpr Ticks kNoLimitSell = std::numeric_limits<Ticks>::min();

constexpr bool isImmediate(TimeInForce timeInForce)
{
    return timeInForce == TimeInForce::ImmediateOrCancel || timeInForce == TimeInForce::FillOrKill;
}

constexpr bool expires(TimeInForce timeInForce)
{
    return timeInForce == TimeInForce::GoodTillDate || timeInForce == TimeInForce::Day;
}

// Bids ascend and asks descend so that the best level of either side is at the back.
constexpr bool before(Side side, Ticks a, Ticks b)
{
    return side == Side::Buy ? a < b : a > b;
}

// FNV-1a, 64 bit.
struct Hasher
{
    std::uint64_t value = 0xcbf29ce484222325ull;
    void add(std::uint64_t word)
    {
        for (int i = 0; i < 8; ++i) {
            value ^= (word >> (8 * i)) & 0xff;
            value *= 0x100000001b3ull;
        }
    }
};

} // namespace

OrderBook::OrderBook(Rules rules)
    : m_rules(rules)
{
    m_index.reserve(1024);
}

Event &OrderBook::emit(std::vector<Event> &events, EventType type, const Node &node, Reason reason)
{
    Event &event = events.emplace_back();
    event.sequence = ++m_sequence;
    event.type = type;
    event.reason = reason;
    event.side = node.side;
    event.account = node.account;
    event.orderId = node.id;
    event.price = node.price;
    event.quantity = node.quantity;
    event.remaining = node.remaining;
    return event;
}

void OrderBook::reject(std::vector<Event> &events, const OrderRequest &request, Reason reason)
{
    // A rejection changes nothing, so it does not advance the sequence: it carries the
    // sequence of the state it was judged against.
    Event &event = events.emplace_back();
    event.sequence = m_sequence;
    event.type = EventType::Rejected;
    event.reason = reason;
    event.side = request.side;
    event.account = request.account;
    event.orderId = request.id;
    event.price = request.price;
    event.quantity = request.quantity;
    event.remaining = 0;
}

std::optional<Reason> OrderBook::checkPrice(Ticks price) const
{
    const std::optional<Ticks> reference = m_lastTrade ? m_lastTrade : m_referencePrice;
    if (m_rules.priceBand > 0 && reference
        && (price > *reference + m_rules.priceBand || price < *reference - m_rules.priceBand)) {
        return Reason::PriceBand;
    }
    return std::nullopt;
}

void OrderBook::reserve(std::size_t orders)
{
    while (m_chunks.size() * kChunkSize < orders) {
        m_chunks.push_back(std::make_unique<Node[]>(kChunkSize));
        m_coldChunks.push_back(std::make_unique<Cold[]>(kChunkSize));
    }
    m_index.reserve(orders);
    m_free.reserve(orders);
}

std::uint32_t OrderBook::allocate()
{
    if (!m_free.empty()) {
        const std::uint32_t index = m_free.back();
        m_free.pop_back();
        return index;
    }
    if (m_allocated == m_chunks.size() * kChunkSize) {
        // Value-initialised, so the pages are touched here, once, rather than one page fault
        // per few orders later on the hot path.
        m_chunks.push_back(std::make_unique<Node[]>(kChunkSize));
        m_coldChunks.push_back(std::make_unique<Cold[]>(kChunkSize));
    }
    return m_allocated++;
}

void OrderBook::release(std::uint32_t node)
{
    m_index.erase(at(node).id);
    m_free.push_back(node);
}

OrderBook::Level *OrderBook::findLevel(Side side, Ticks price)
{
    std::vector<Level> &side_ = levels(side);
    const auto at = std::lower_bound(
        side_.begin(), side_.end(), price,
        [side](const Level &level, Ticks value) { return before(side, level.price, value); });
    return at != side_.end() && at->price == price ? &*at : nullptr;
}

OrderBook::Level &OrderBook::levelFor(Side side, Ticks price)
{
    std::vector<Level> &side_ = levels(side);
    // New orders usually join the touch or a level near it: look from the back first.
    if (side_.empty() || before(side, side_.back().price, price)) {
        side_.push_back(Level { price, 0, kNone, kNone, 0 });
        return side_.back();
    }
    const auto at = std::lower_bound(
        side_.begin(), side_.end(), price,
        [side](const Level &level, Ticks value) { return before(side, level.price, value); });
    if (at != side_.end() && at->price == price)
        return *at;
    return *side_.insert(at, Level { price, 0, kNone, kNone, 0 });
}

void OrderBook::append(std::uint32_t index)
{
    Node &node = at(index);
    Level &level = levelFor(node.side, node.price);
    node.prev = level.tail;
    node.next = kNone;
    if (level.tail != kNone)
        at(level.tail).next = index;
    else
        level.head = index;
    level.tail = index;
    ++level.count;
    level.quantity += node.visible;
    cold(index).priority = ++m_arrivals;
}

void OrderBook::unlink(std::uint32_t index)
{
    Node &node = at(index);
    Level *level = findLevel(node.side, node.price);
    if (node.prev != kNone)
        at(node.prev).next = node.next;
    else
        level->head = node.next;
    if (node.next != kNone)
        at(node.next).prev = node.prev;
    else
        level->tail = node.prev;
    --level->count;
    level->quantity -= node.visible;
    if (level->count == 0) {
        std::vector<Level> &side = levels(node.side);
        side.erase(side.begin() + (level - side.data()));
    }
}

void OrderBook::removeResting(std::uint32_t index)
{
    unlink(index);
    release(index);
}

void OrderBook::addStop(std::uint32_t index)
{
    const Node &node = at(index);
    std::vector<Stop> &list = stops(node.side);
    cold(index).priority = ++m_arrivals;
    const Stop stop { cold(index).stopPrice, cold(index).priority, index };
    // The next to trigger sits at the back: the lowest buy stop, the highest sell stop, and
    // among equal stops the earliest.
    const auto triggersLater = [side = node.side](const Stop &a, const Stop &b) {
        if (a.stopPrice != b.stopPrice)
            return side == Side::Buy ? a.stopPrice > b.stopPrice : a.stopPrice < b.stopPrice;
        return a.arrival > b.arrival;
    };
    list.insert(std::upper_bound(list.begin(), list.end(), stop, triggersLater), stop);
}

void OrderBook::removeStop(std::uint32_t index)
{
    std::vector<Stop> &list = stops(at(index).side);
    list.erase(std::find_if(list.begin(), list.end(),
                            [index](const Stop &stop) { return stop.node == index; }));
}

void OrderBook::submit(const OrderRequest &request, std::vector<Event> &events)
{
    if (request.quantity <= 0 || request.displayQuantity < 0
        || request.displayQuantity > request.quantity) {
        return reject(events, request, Reason::InvalidQuantity);
    }
    if (m_rules.maxOrderQuantity > 0 && request.quantity > m_rules.maxOrderQuantity)
        return reject(events, request, Reason::MaxOrderQuantity);
    if (m_index.contains(request.id))
        return reject(events, request, Reason::DuplicateOrderId);
    const bool hasLimit = request.kind == OrderKind::Limit || request.kind == OrderKind::StopLimit;
    if (hasLimit) {
        if (const std::optional<Reason> problem = checkPrice(request.price))
            return reject(events, request, *problem);
    }
    if (expires(request.timeInForce) && request.expiresAt <= 0)
        return reject(events, request, Reason::InvalidExpiry);

    const std::uint32_t index = allocate();
    Node &node = at(index);
    node.id = request.id;
    node.price = hasLimit ? request.price : 0;
    node.remaining = request.quantity;
    node.visible = request.displayQuantity > 0 ? request.displayQuantity : node.remaining;
    node.quantity = request.quantity;
    Cold &details = cold(index);
    details.stopPrice = request.stopPrice;
    details.display = request.displayQuantity;
    details.expiresAt = expires(request.timeInForce) ? request.expiresAt : 0;
    node.prev = node.next = kNone;
    node.account = request.account;
    node.side = request.side;
    node.kind = request.kind;
    // A market order never rests: whatever it cannot fill at once is cancelled.
    node.timeInForce = request.kind == OrderKind::Market && !isImmediate(request.timeInForce)
        ? TimeInForce::ImmediateOrCancel
        : request.timeInForce;
    node.selfTrade = request.selfTrade;
    node.pendingStop = false;
    m_index.emplace(request.id, index);
    emit(events, EventType::Accepted, node);
    if (details.expiresAt > 0)
        m_expiries.push(Expiry { details.expiresAt, node.id });

    if (request.kind == OrderKind::Stop || request.kind == OrderKind::StopLimit) {
        const bool reached = m_lastTrade
            && (node.side == Side::Buy ? *m_lastTrade >= details.stopPrice
                                       : *m_lastTrade <= details.stopPrice);
        if (!reached) {
            node.pendingStop = true;
            addStop(index);
            return;
        }
        node.kind = request.kind == OrderKind::Stop ? OrderKind::Market : OrderKind::Limit;
        if (node.kind == OrderKind::Market)
            node.timeInForce = TimeInForce::ImmediateOrCancel;
        emit(events, EventType::Triggered, node);
    }
    execute(index, events);
    triggerStops(events);
}

void OrderBook::restore(const OrderView &order)
{
    const std::uint32_t index = allocate();
    Node &node = at(index);
    node.id = order.id;
    node.price = order.price;
    node.remaining = order.remaining;
    node.visible = order.visible;
    node.quantity = order.quantity;
    node.prev = node.next = kNone;
    node.account = order.account;
    node.side = order.side;
    node.kind = order.kind;
    node.timeInForce = order.timeInForce;
    node.selfTrade = order.selfTrade;
    node.pendingStop = order.pendingStop;
    Cold &details = cold(index);
    details.stopPrice = order.stopPrice;
    details.display = order.displayQuantity;
    details.expiresAt = order.expiresAt;
    m_index.emplace(order.id, index);
    if (details.expiresAt > 0)
        m_expiries.push(Expiry { details.expiresAt, order.id });
    if (order.pendingStop) {
        addStop(index);
        return;
    }
    append(index);
}

void OrderBook::finish(std::uint32_t index, EventType type, Reason reason,
                       std::vector<Event> &events)
{
    emit(events, type, at(index), reason);
    release(index);
}

void OrderBook::execute(std::uint32_t index, std::vector<Event> &events)
{
    Node &node = at(index);
    Ticks limit = node.price;
    if (node.kind == OrderKind::Market) {
        // Within the band, if there is one: a market order must not sweep an empty book.
        const std::optional<Ticks> reference = m_lastTrade ? m_lastTrade : m_referencePrice;
        if (m_rules.priceBand > 0 && reference)
            limit = node.side == Side::Buy ? *reference + m_rules.priceBand
                                           : *reference - m_rules.priceBand;
        else
            limit = node.side == Side::Buy ? kNoLimitBuy : kNoLimitSell;
    }
    if (node.timeInForce == TimeInForce::FillOrKill && !canFillCompletely(node, limit))
        return finish(index, EventType::Cancelled, Reason::FillOrKillNotFillable, events);

    const bool selfTrade = node.side == Side::Buy ? match<Side::Buy>(index, limit, events)
                                                  : match<Side::Sell>(index, limit, events);
    Node &after = at(index);
    if (after.remaining == 0) {
        release(index);
        return;
    }
    if (selfTrade)
        return finish(index, EventType::Cancelled, Reason::SelfTrade, events);
    if (isImmediate(after.timeInForce)) {
        const Reason reason = after.kind == OrderKind::Market && after.remaining == after.quantity
            ? Reason::NoLiquidity
            : Reason::ImmediateOrCancel;
        return finish(index, EventType::Cancelled, reason, events);
    }
    if (const Lots display = cold(index).display; display > 0)
        after.visible = std::min(display, after.remaining);
    else
        after.visible = after.remaining;
    append(index);
}

template<Side TakerSide>
bool OrderBook::match(std::uint32_t takerIndex, Ticks limit, std::vector<Event> &events)
{
    constexpr Side MakerSide = opposite(TakerSide);
    std::vector<Level> &book = levels(MakerSide);
    while (at(takerIndex).remaining > 0 && !book.empty()) {
        Level &level = book.back();
        if (TakerSide == Side::Buy ? level.price > limit : level.price < limit)
            return false;
        // The maker is always the head of its level: everything before it has left.
        while (level.head != kNone && at(takerIndex).remaining > 0) {
            const std::uint32_t makerIndex = level.head;
            Node &taker = at(takerIndex);
            Node &maker = at(makerIndex);
            if (maker.account == taker.account && taker.selfTrade != SelfTradePrevention::Allow) {
                if (taker.selfTrade == SelfTradePrevention::CancelNewest)
                    return true;
                emit(events, EventType::Cancelled, maker, Reason::SelfTrade);
                popHead(level, makerIndex);
                continue;
            }
            const Lots traded = std::min(taker.remaining, maker.visible);
            taker.remaining -= traded;
            maker.remaining -= traded;
            maker.visible -= traded;
            level.quantity -= traded;
            m_lastTrade = level.price;

            Event &trade = events.emplace_back();
            trade.sequence = ++m_sequence;
            trade.type = EventType::Trade;
            trade.side = TakerSide;
            trade.account = taker.account;
            trade.orderId = taker.id;
            trade.price = level.price;
            trade.quantity = traded;
            trade.remaining = taker.remaining;
            trade.makerOrderId = maker.id;
            trade.makerAccount = maker.account;
            trade.makerRemaining = maker.remaining;

            if (maker.visible > 0)
                break; // the taker is done; the maker keeps its place
            if (maker.remaining == 0) {
                popHead(level, makerIndex);
                continue;
            }
            // Iceberg: a fresh clip joins the back of the queue.
            maker.visible = std::min(cold(makerIndex).display, maker.remaining);
            level.quantity += maker.visible;
            if (level.tail != makerIndex) {
                level.head = maker.next;
                at(maker.next).prev = kNone;
                maker.prev = level.tail;
                maker.next = kNone;
                at(level.tail).next = makerIndex;
                level.tail = makerIndex;
            }
            cold(makerIndex).priority = ++m_arrivals;
        }
        if (level.count > 0)
            return false;
        book.pop_back();
    }
    return false;
}

void OrderBook::popHead(Level &level, std::uint32_t index)
{
    const Node &node = at(index);
    level.head = node.next;
    if (node.next != kNone)
        at(node.next).prev = kNone;
    else
        level.tail = kNone;
    --level.count;
    level.quantity -= node.visible;
    release(index);
}

bool OrderBook::canFillCompletely(const Node &taker, Ticks limit) const
{
    Lots available = 0;
    const std::vector<Level> &book = levels(opposite(taker.side));
    for (auto level = book.rbegin(); level != book.rend(); ++level) {
        if (taker.side == Side::Buy ? level->price > limit : level->price < limit)
            break;
        for (std::uint32_t index = level->head; index != kNone; index = at(index).next) {
            const Node &maker = at(index);
            if (maker.account == taker.account && taker.selfTrade != SelfTradePrevention::Allow)
                continue;
            available += maker.remaining; // hidden iceberg quantity refills and trades too
            if (available >= taker.remaining)
                return true;
        }
    }
    return false;
}

void OrderBook::triggerStops(std::vector<Event> &events)
{
    // Trades by triggered stops can trigger further stops: loop until none is reached.
    for (;;) {
        if (!m_lastTrade)
            return;
        std::uint32_t index = kNone;
        if (!m_buyStops.empty() && *m_lastTrade >= m_buyStops.back().stopPrice) {
            index = m_buyStops.back().node;
            m_buyStops.pop_back();
        } else if (!m_sellStops.empty() && *m_lastTrade <= m_sellStops.back().stopPrice) {
            index = m_sellStops.back().node;
            m_sellStops.pop_back();
        } else {
            return;
        }
        Node &node = at(index);
        node.pendingStop = false;
        if (node.kind == OrderKind::Stop) {
            node.kind = OrderKind::Market;
            node.timeInForce = TimeInForce::ImmediateOrCancel;
        } else {
            node.kind = OrderKind::Limit;
        }
        emit(events, EventType::Triggered, node);
        execute(index, events);
    }
}

void OrderBook::cancel(OrderId id, std::vector<Event> &events)
{
    const auto found = m_index.find(id);
    if (found == m_index.end()) {
        OrderRequest unknown;
        unknown.id = id;
        return reject(events, unknown, Reason::UnknownOrder);
    }
    const std::uint32_t index = found->second;
    emit(events, EventType::Cancelled, at(index), Reason::UserRequest);
    if (at(index).pendingStop) {
        removeStop(index);
        release(index);
    } else {
        removeResting(index);
    }
}

void OrderBook::modify(OrderId id, Ticks price, Lots quantity, std::vector<Event> &events)
{
    const auto found = m_index.find(id);
    if (found == m_index.end()) {
        OrderRequest unknown;
        unknown.id = id;
        unknown.price = price;
        unknown.quantity = quantity;
        return reject(events, unknown, Reason::UnknownOrder);
    }
    const std::uint32_t index = found->second;
    Node &node = at(index);
    const auto refuse = [&](Reason reason) {
        Event &event = emit(events, EventType::Rejected, node, reason);
        event.sequence = --m_sequence; // a rejection does not advance it; see reject()
        event.price = price;
        event.quantity = quantity;
        event.remaining = node.remaining;
    };
    const Lots filled = node.quantity - node.remaining;
    if (quantity <= 0)
        return refuse(Reason::InvalidQuantity);
    if (quantity <= filled)
        return refuse(Reason::QuantityBelowFilled);
    if (m_rules.maxOrderQuantity > 0 && quantity > m_rules.maxOrderQuantity)
        return refuse(Reason::MaxOrderQuantity);
    if (node.kind == OrderKind::Market || (node.kind == OrderKind::Stop && price != node.price))
        return refuse(Reason::NotModifiable);
    if (price != node.price) {
        if (const std::optional<Reason> problem = checkPrice(price))
            return refuse(*problem);
    }
    const Lots remaining = quantity - filled;

    if (node.pendingStop) {
        node.price = price;
        node.quantity = quantity;
        node.remaining = remaining;
        emit(events, EventType::Modified, node);
        return;
    }
    if (price == node.price && remaining <= node.remaining) {
        // Reducing keeps the place in the queue.
        Level *level = findLevel(node.side, node.price);
        const Lots visible = std::min(node.visible, remaining);
        level->quantity -= node.visible - visible;
        node.visible = visible;
        node.remaining = remaining;
        node.quantity = quantity;
        emit(events, EventType::Modified, node);
        return;
    }
    // A new price or more quantity: out of the queue and in again as a new arrival, which
    // may trade at once if the new price crosses.
    unlink(index);
    Node &moved = at(index);
    moved.price = price;
    moved.quantity = quantity;
    moved.remaining = remaining;
    const Lots display = cold(index).display;
    moved.visible = display > 0 ? std::min(display, remaining) : remaining;
    emit(events, EventType::Modified, moved);
    execute(index, events);
    triggerStops(events);
}

void OrderBook::cancelAll(AccountId account, std::vector<Event> &events)
{
    std::vector<OrderId> ids;
    for (const auto &[id, index] : m_index) {
        if (at(index).account == account)
            ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end()); // oldest first, whatever the hash order
    for (OrderId id : ids)
        cancel(id, events);
}

void OrderBook::expire(Millis now, std::vector<Event> &events)
{
    while (!m_expiries.empty() && m_expiries.top().at <= now) {
        const Expiry due = m_expiries.top();
        m_expiries.pop();
        const auto found = m_index.find(due.id);
        if (found == m_index.end() || cold(found->second).expiresAt != due.at)
            continue; // gone already
        const std::uint32_t index = found->second;
        expireOrder(index,
                    at(index).timeInForce == TimeInForce::Day ? Reason::EndOfTrading : Reason::None,
                    events);
    }
}

void OrderBook::close(std::vector<Event> &events)
{
    std::vector<std::pair<OrderId, std::uint32_t>> all(m_index.begin(), m_index.end());
    std::sort(all.begin(), all.end()); // oldest first, whatever the hash order
    for (const auto &[id, index] : all)
        expireOrder(index, Reason::InstrumentClosed, events);
}

void OrderBook::expireOrder(std::uint32_t index, Reason reason, std::vector<Event> &events)
{
    emit(events, EventType::Expired, at(index), reason);
    if (at(index).pendingStop) {
        removeStop(index);
        release(index);
    } else {
        removeResting(index);
    }
}

std::optional<OrderBook::LevelView> OrderBook::best(Side side) const
{
    const std::vector<Level> &book = levels(side);
    if (book.empty())
        return std::nullopt;
    return LevelView { book.back().price, book.back().quantity, book.back().count };
}

std::vector<OrderBook::LevelView> OrderBook::depth(Side side, std::size_t maxLevels) const
{
    const std::vector<Level> &book = levels(side);
    std::vector<LevelView> view;
    view.reserve(std::min(maxLevels, book.size()));
    for (auto level = book.rbegin(); level != book.rend() && view.size() < maxLevels; ++level)
        view.push_back(LevelView { level->price, level->quantity, level->count });
    return view;
}

std::optional<OrderBook::OrderView> OrderBook::order(OrderId id) const
{
    const auto found = m_index.find(id);
    if (found == m_index.end())
        return std::nullopt;
    const Node &node = at(found->second);
    const Cold &details = cold(found->second);
    OrderView view;
    view.id = node.id;
    view.account = node.account;
    view.side = node.side;
    view.kind = node.kind;
    view.timeInForce = node.timeInForce;
    view.price = node.price;
    view.stopPrice = details.stopPrice;
    view.quantity = node.quantity;
    view.remaining = node.remaining;
    view.visible = node.visible;
    view.displayQuantity = details.display;
    view.expiresAt = details.expiresAt;
    view.priority = details.priority;
    view.selfTrade = node.selfTrade;
    view.pendingStop = node.pendingStop;
    return view;
}

std::vector<OrderBook::OrderView> OrderBook::orders() const
{
    std::vector<OrderView> all;
    all.reserve(m_index.size());
    for (const std::vector<Level> *book : { &m_bids, &m_asks }) {
        for (auto level = book->rbegin(); level != book->rend(); ++level) {
            for (std::uint32_t index = level->head; index != kNone; index = at(index).next)
                all.push_back(*order(at(index).id));
        }
    }
    for (const std::vector<Stop> *list : { &m_buyStops, &m_sellStops }) {
        for (auto stop = list->rbegin(); stop != list->rend(); ++stop)
            all.push_back(*order(at(stop->node).id));
    }
    return all;
}

std::uint64_t OrderBook::stateHash() const
{
    Hasher hasher;
    for (const OrderView &view : orders()) {
        hasher.add(view.id);
        hasher.add(view.account);
        hasher.add(std::uint64_t(view.side) | std::uint64_t(view.kind) << 8
                   | std::uint64_t(view.timeInForce) << 16 | std::uint64_t(view.pendingStop) << 24);
        hasher.add(std::uint64_t(view.price));
        hasher.add(std::uint64_t(view.stopPrice));
        hasher.add(std::uint64_t(view.quantity));
        hasher.add(std::uint64_t(view.remaining));
        hasher.add(std::uint64_t(view.visible));
        hasher.add(std::uint64_t(view.expiresAt));
    }
    hasher.add(std::uint64_t(m_lastTrade.value_or(0)));
    return hasher.value;
}

} // namespace qx::core::matching
