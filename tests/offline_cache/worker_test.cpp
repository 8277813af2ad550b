#include "offline_cache/worker.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace offline_cache;
using namespace offline_cache::testing;
using std::chrono::seconds;

namespace {

struct OfflineCacheWorker : ::testing::Test {
  TempDir dir;
  FakeClock clock;
  ScriptedRng rng{1.0};  // jitter at its upper bound, so delays are exact
  RecordingSender sender;
  std::vector<OutboxStatus> events;
  std::unique_ptr<Store> store;
  std::unique_ptr<DeliveryWorker> worker;

  void SetUp() override {
    auto s = Store::open(dir / "outbox.db", test_key(), {}, clock);
    ASSERT_TRUE(s) << describe(s.error());
    store = std::move(*s);
    WorkerOptions opt;
    opt.backoff = BackoffPolicy{Millis{1000}, Millis{60'000}};
    worker = std::make_unique<DeliveryWorker>(
        *store, sender, rng, opt, [this](const OutboxStatus& e) { events.push_back(e); });
  }
  std::int64_t enqueue(std::string kind = "pre_application", std::string idem = {}) {
    auto r = store->enqueue(item(std::move(kind), "payload", std::move(idem)));
    EXPECT_TRUE(r);
    return *r;
  }
  ItemInfo info(std::int64_t id) { return **store->get(id); }
};

}  // namespace

TEST(OfflineCacheBackoff, FullJitterDoublesUpToTheCap) {
  ScriptedRng rng{0.5};
  const BackoffPolicy p{Millis{1000}, Millis{10'000}};
  EXPECT_EQ(backoff_delay(p, 1, rng), Millis{500});
  EXPECT_EQ(backoff_delay(p, 2, rng), Millis{1000});
  EXPECT_EQ(backoff_delay(p, 3, rng), Millis{2000});
  EXPECT_EQ(backoff_delay(p, 5, rng), Millis{5000});     // 16 s capped at 10 s
  EXPECT_EQ(backoff_delay(p, 1000, rng), Millis{5000});  // no overflow
  EXPECT_EQ(rng.uppers, (std::vector<std::uint64_t>{1000, 2000, 4000, 10000, 10000}));
  ScriptedRng zero{0.0};
  EXPECT_EQ(backoff_delay(p, 3, zero), Millis{0}) << "full jitter reaches zero";
  EXPECT_EQ(backoff_delay(p, 3, zero, Millis{30'000}), Millis{30'000}) << "Retry-After is a floor";
}

TEST_F(OfflineCacheWorker, DeliversWithTheIdempotencyKeyAndContent) {
  const auto id = enqueue("pre_application", "idem-abc");
  auto n = worker->run_due();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  ASSERT_EQ(sender.sent.size(), 1u);
  EXPECT_EQ(sender.sent[0].idempotency_key, "idem-abc");
  EXPECT_EQ(sender.sent[0].content.payload, bytes("payload"));
  EXPECT_EQ(sender.sent[0].attempt, 1);
  EXPECT_EQ(info(id).state, ItemState::delivered);
  EXPECT_EQ(worker->connectivity(), Connectivity::online);
}

TEST_F(OfflineCacheWorker, TransientFailuresBackOffExponentially) {
  const auto id = enqueue();
  sender.fallback = SendResult::again("500 internal error");
  for (int attempt = 1; attempt <= 4; ++attempt) {
    ASSERT_TRUE(worker->run_due());
    const auto i = info(id);
    EXPECT_EQ(i.state, ItemState::pending);
    EXPECT_EQ(i.attempts, attempt);
    EXPECT_EQ(i.last_error, "500 internal error");
    const Millis expected{1000 << (attempt - 1)};
    EXPECT_EQ(i.next_attempt, clock.now() + expected) << "attempt " << attempt;
    auto early = worker->run_due();
    ASSERT_TRUE(early);
    EXPECT_EQ(*early, 0) << "nothing is sent before the backoff ends";
    clock.advance(expected);
  }
  sender.fallback = SendResult::ok();
  ASSERT_TRUE(worker->run_due());
  EXPECT_EQ(info(id).state, ItemState::delivered);
  EXPECT_EQ(sender.sent.size(), 5u);
}

// Full jitter can draw a zero delay, making a failed item due again at
// once. A pass still tries each item once: before this, run_due() resent
// the same item for as long as the platform kept failing (on an injected
// clock that never moves: forever), which hung the first outage test.
TEST_F(OfflineCacheWorker, APassTriesEachItemOnceEvenWithZeroJitter) {
  ScriptedRng zero{0.0};
  DeliveryWorker w(*store, sender, zero);
  const auto a = enqueue();
  const auto b = enqueue();
  sender.fallback = SendResult::again("HTTP 503 unavailable (outage)");
  auto n = w.run_due();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(sender.sent.size(), 2u);
  EXPECT_EQ(info(a).next_attempt, clock.now()) << "due again at once, for the next pass";
  EXPECT_EQ(info(b).attempts, 1);
  sender.fallback = SendResult::ok();
  EXPECT_EQ(w.run_due().value_or(-1), 2);
  EXPECT_EQ(info(a).state, ItemState::delivered);
  EXPECT_EQ(info(b).state, ItemState::delivered);
}

TEST_F(OfflineCacheWorker, RetryAfterIsHonoured) {
  const auto id = enqueue();
  sender.script.push_back(SendResult::again("503 busy", Millis{120'000}));
  ASSERT_TRUE(worker->run_due());
  EXPECT_EQ(info(id).next_attempt, clock.now() + Millis{120'000});
  clock.advance(Millis{119'999});
  EXPECT_EQ(*worker->run_due(), 0);
  clock.advance(Millis{1});
  EXPECT_EQ(*worker->run_due(), 1);
  EXPECT_EQ(info(id).state, ItemState::delivered);
}

TEST_F(OfflineCacheWorker, PermanentRejectionsAreDeadLetteredWithTheReason) {
  const auto rejected = enqueue();
  const auto fine = enqueue();
  sender.script.push_back(SendResult::reject("422 field 'address' missing"));
  ASSERT_TRUE(worker->run_due());
  EXPECT_EQ(info(rejected).state, ItemState::dead_lettered);
  EXPECT_EQ(info(rejected).last_error, "rejected by platform: 422 field 'address' missing");
  EXPECT_EQ(info(fine).state, ItemState::delivered);
  auto st = worker->status();
  ASSERT_TRUE(st);
  EXPECT_EQ(st->dead_lettered, 1);
  EXPECT_EQ(st->depth, 0);
}

TEST_F(OfflineCacheWorker, UnreachableMeansOfflineAndStopsThePass) {
  enqueue();
  enqueue();
  clock.advance(seconds{30});
  sender.fallback = SendResult::offline("connect: network unreachable");
  auto n = worker->run_due();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1) << "no point trying the second item while offline";
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().connectivity, Connectivity::offline);
  EXPECT_EQ(events.back().depth, 2);
  ASSERT_TRUE(events.back().oldest_age);
  EXPECT_EQ(*events.back().oldest_age, Millis{30'000});

  sender.fallback = SendResult::ok();
  clock.advance(seconds{10});
  ASSERT_TRUE(worker->run_due());
  EXPECT_EQ(events.back().connectivity, Connectivity::online);
  EXPECT_EQ(events.back().depth, 0);
  EXPECT_FALSE(events.back().oldest_age);
}

TEST_F(OfflineCacheWorker, AnItemThatNoLongerDecryptsIsDeadLetteredNotDropped) {
  const auto id = enqueue();
  store.reset();
  // Reopen with another key would fail outright (key check), so alter the
  // stored ciphertext itself, as a bad disk sector would.
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "outbox.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "UPDATE parts SET sealed = zeroblob(length(sealed)) WHERE item_id = 1",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
  }
  auto s = Store::open(dir / "outbox.db", test_key(), {}, clock);
  ASSERT_TRUE(s);
  store = std::move(*s);
  DeliveryWorker w{*store, sender, rng};
  ASSERT_TRUE(w.run_due());
  EXPECT_TRUE(sender.sent.empty());
  EXPECT_EQ(info(id).state, ItemState::dead_lettered);
  EXPECT_NE(info(id).last_error.find("decrypt_failed"), std::string::npos);
}

TEST_F(OfflineCacheWorker, MaintenanceExpiresAndPublishes) {
  enqueue("heartbeat");
  clock.advance(std::chrono::hours{2});
  ASSERT_TRUE(worker->maintain());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().depth, 0);
  EXPECT_EQ(events.back().dead_lettered, 1);
  EXPECT_TRUE(sender.sent.empty());
}
