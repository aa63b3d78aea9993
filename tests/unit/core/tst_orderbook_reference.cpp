// Property test: order streams of the reference generator (tests/bench/reference, the same
// generator the benchmark uses), replayed through the engine, must give exactly the reference
// book's outcome — fills, traded quantity, resting orders and price levels — for many seeds and
// every profile; and each stream replayed twice must give the same book.
#include "core/matching/orderbook.h"
#include "reference/orderflow.h"

#include <QTest>

using namespace qx::core::matching;

class tst_OrderBookReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheReference_data()
    {
        QTest::addColumn<double>("cancelPct");
        QTest::addColumn<double>("aggressivePct");
        QTest::addColumn<qulonglong>("targetResting");
        QTest::addColumn<bool>("alternating");
        for (qulonglong seed = 1; seed <= 6; ++seed) {
            QTest::addRow("steady seed %llu", seed) << 10.0 << 30.0 << 1000ull << false;
            QTest::addRow("deep seed %llu", seed) << 10.0 << 45.0 << 0ull << false;
            QTest::addRow("cancel-heavy seed %llu", seed) << 40.0 << 20.0 << 200ull << false;
        }
        QTest::addRow("alternating") << 0.0 << 0.0 << 0ull << true;
    }
    void matchesTheReference()
    {
        QFETCH(double, cancelPct);
        QFETCH(double, aggressivePct);
        QFETCH(qulonglong, targetResting);
        QFETCH(bool, alternating);
        wl::Params params;
        params.ops = 60'000;
        params.cancel_pct = cancelPct;
        params.aggr_pct = aggressivePct;
        params.target_resting = targetResting;
        params.alternating = alternating;
        params.seed = qHash(QByteArray(QTest::currentDataTag()));
        wl::RefStats expected;
        const std::vector<wl::Op> ops = wl::generate(params, expected);

        const auto replay
            = [&ops](std::uint64_t &fills, std::uint64_t &traded, std::uint64_t &cancelRejects) {
                  OrderBook book;
                  std::vector<Event> events;
                  for (const wl::Op &op : ops) {
                      events.clear();
                      if (op.type == wl::NEW) {
                          OrderRequest request;
                          request.id = op.id;
                          request.side = op.is_buy ? Side::Buy : Side::Sell;
                          request.price = op.price;
                          request.quantity = op.qty;
                          request.selfTrade = SelfTradePrevention::Allow;
                          book.submit(request, events);
                      } else {
                          book.cancel(op.id, events);
                      }
                      for (const Event &event : events) {
                          if (event.type == EventType::Trade) {
                              ++fills;
                              traded += std::uint64_t(event.quantity);
                          } else if (event.type == EventType::Rejected) {
                              ++cancelRejects;
                          }
                      }
                  }
                  return book;
              };
        std::uint64_t fills = 0, traded = 0, rejects = 0;
        const OrderBook book = replay(fills, traded, rejects);
        QCOMPARE(fills, expected.trades);
        QCOMPARE(traded, expected.traded_qty);
        QCOMPARE(rejects, std::uint64_t(0));
        QCOMPARE(std::uint64_t(book.orderCount()), expected.final_resting);
        QCOMPARE(std::uint64_t(book.levelCount()), expected.final_levels);

        std::uint64_t again = 0, againTraded = 0, againRejects = 0;
        QCOMPARE(replay(again, againTraded, againRejects).stateHash(), book.stateHash());
    }
};

QTEST_GUILESS_MAIN(tst_OrderBookReference)
#include "tst_orderbook_reference.moc"
