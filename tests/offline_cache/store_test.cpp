#include "offline_cache/store.hpp"

#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>

using namespace offline_cache;
using namespace offline_cache::testing;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

struct OfflineCacheStore : ::testing::Test {
  TempDir dir;
  FakeClock clock;
  Key key = test_key();
  std::filesystem::path db = dir / "outbox.db";

  std::unique_ptr<Store> open(StoreOptions options = {}, Mode mode = Mode::owner) {
    auto s = Store::open(db, key, std::move(options), clock, mode);
    EXPECT_TRUE(s) << describe(s.error());
    return s ? std::move(*s) : nullptr;
  }
};

std::int64_t must(kx::expected<std::int64_t, Error> r) {
  EXPECT_TRUE(r) << describe(r.error());
  return r ? *r : -1;
}

}  // namespace

TEST_F(OfflineCacheStore, EnqueueClaimDeliverDeletesThePayload) {
  auto store = open();
  NewItem n = item("pre_application", "form");
  n.attachments.push_back({"scan-1.jpg", bytes("JPEGDATA")});
  const auto id = must(store->enqueue(n));

  auto claimed = store->claim_next();
  ASSERT_TRUE(claimed && *claimed);
  EXPECT_EQ((*claimed)->id, id);
  EXPECT_EQ((*claimed)->state, ItemState::in_flight);
  EXPECT_EQ((*claimed)->attempts, 1);
  EXPECT_EQ((*claimed)->idempotency_key.rfind("ob-", 0), 0u);
  auto content = store->read_content(id);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->payload, bytes("form"));
  ASSERT_EQ(content->attachments.size(), 1u);
  EXPECT_EQ(content->attachments[0].name, "scan-1.jpg");
  EXPECT_EQ(content->attachments[0].data, bytes("JPEGDATA"));

  ASSERT_TRUE(store->mark_delivered(id));
  auto info = store->get(id);
  ASSERT_TRUE(info && *info);
  EXPECT_EQ((*info)->state, ItemState::delivered);
  EXPECT_EQ((*info)->stored_bytes, 0);
  EXPECT_FALSE(store->read_content(id)) << "personal data must be gone after the ack";
  auto problems = store->check_consistency(true);
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty());
}

TEST_F(OfflineCacheStore, SameIdempotencyKeyIsQueuedOnce) {
  auto store = open();
  const auto a = must(store->enqueue(item("rating", "5", "key-1")));
  const auto b = must(store->enqueue(item("rating", "4", "key-1")));
  EXPECT_EQ(a, b);
  auto stats = store->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending, 1);
  auto content = store->read_content(a);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->payload, bytes("5"));
}

TEST_F(OfflineCacheStore, HigherPriorityFirstThenOldest) {
  auto store = open();
  const auto hb = must(store->enqueue(item("heartbeat", "h")));
  const auto rating = must(store->enqueue(item("rating", "r")));
  const auto app1 = must(store->enqueue(item("pre_application", "a1")));
  const auto app2 = must(store->enqueue(item("pre_application", "a2")));
  std::vector<std::int64_t> order;
  while (true) {
    auto c = store->claim_next();
    ASSERT_TRUE(c);
    if (!*c) break;
    order.push_back((*c)->id);
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{app1, app2, rating, hb}));
}

TEST_F(OfflineCacheStore, OrderGroupWaitsForItsPredecessor) {
  auto store = open();
  NewItem first = item("pre_application", "first");
  first.order_group = "session-42";
  NewItem second = item("rating", "second");
  second.order_group = "session-42";
  second.priority = 100;  // would jump the queue without the group
  const auto a = must(store->enqueue(first));
  const auto b = must(store->enqueue(second));

  auto c1 = store->claim_next();
  ASSERT_TRUE(c1 && *c1);
  EXPECT_EQ((*c1)->id, a);
  auto c2 = store->claim_next();
  ASSERT_TRUE(c2);
  EXPECT_FALSE(*c2) << "the rating must wait while the application is unsent";
  ASSERT_TRUE(store->mark_retry(a, clock.now() + minutes{5}, "503"));
  auto due = store->next_due();
  ASSERT_TRUE(due && *due);
  EXPECT_EQ(**due, clock.now() + minutes{5}) << "the blocked rating is not 'due'";
  clock.advance(minutes{5});
  auto c3 = store->claim_next();
  ASSERT_TRUE(c3 && *c3);
  EXPECT_EQ((*c3)->id, a);
  ASSERT_TRUE(store->mark_delivered(a));
  auto c4 = store->claim_next();
  ASSERT_TRUE(c4 && *c4);
  EXPECT_EQ((*c4)->id, b);
}

TEST_F(OfflineCacheStore, HeartbeatsCoalesceApplicationsDoNot) {
  auto store = open();
  for (int i = 0; i < 3; ++i) {
    NewItem hb = item("heartbeat", "beat " + std::to_string(i));
    hb.coalesce_key = "health";
    must(store->enqueue(hb));
    NewItem app = item("pre_application", "app");
    app.coalesce_key = "same";  // ignored: the policy does not coalesce
    must(store->enqueue(app));
  }
  auto pending = store->list(ItemState::pending, 100);
  ASSERT_TRUE(pending);
  int heartbeats = 0;
  int apps = 0;
  for (const auto& i : *pending) (i.kind == "heartbeat" ? heartbeats : apps)++;
  EXPECT_EQ(heartbeats, 1);
  EXPECT_EQ(apps, 3);
  const auto hb = std::find_if(pending->begin(), pending->end(),
                               [](const ItemInfo& i) { return i.kind == "heartbeat"; });
  auto content = store->read_content(hb->id);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->payload, bytes("beat 2"));
}

TEST_F(OfflineCacheStore, RatingsAndHeartbeatsExpirePreApplicationsNever) {
  auto store = open();
  const auto hb = must(store->enqueue(item("heartbeat", "h")));
  const auto rating = must(store->enqueue(item("rating", "r")));
  const auto app = must(store->enqueue(item("pre_application", "a")));
  NewItem appt = item("appointment", "slot");
  appt.expires_at = clock.now() + hours{3};
  const auto appointment = must(store->enqueue(appt));

  clock.advance(hours{2});
  auto n = store->expire_due();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  auto info = store->get(hb);
  ASSERT_TRUE(info && *info);
  EXPECT_EQ((*info)->state, ItemState::dead_lettered);
  EXPECT_NE((*info)->last_error.find("expired"), std::string::npos);

  clock.advance(hours{24 * 365});
  ASSERT_TRUE(store->expire_due());
  EXPECT_EQ((*store->get(rating))->state, ItemState::dead_lettered);
  EXPECT_EQ((*store->get(appointment))->state, ItemState::dead_lettered);
  EXPECT_EQ((*store->get(app))->state, ItemState::pending) << "pre-applications never expire";
}

TEST_F(OfflineCacheStore, QuotaRefusesNewItemsAndNeverEvictsUnsentOnes) {
  StoreOptions opt;
  opt.quota_bytes = 10'000;
  opt.reserve_bytes = 3'000;
  auto store = open(opt);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(must(store->enqueue(item("pre_application", std::string(2'000, 'x')))));
  }
  auto stats = store->stats();
  ASSERT_TRUE(stats);
  EXPECT_FALSE(stats->full);
  ids.push_back(must(store->enqueue(item("pre_application", std::string(2'000, 'x')))));
  stats = store->stats();
  ASSERT_TRUE(stats);
  EXPECT_TRUE(stats->full) << "less than the reserve left: stop offering submissions";

  auto refused = store->enqueue(item("pre_application", std::string(2'000, 'y')));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::quota_full);
  EXPECT_NE(describe(refused.error()).find("离线缓存已满"), std::string::npos);
  for (auto id : ids) EXPECT_TRUE(store->read_content(id)) << "item " << id << " evicted";

  // The ack frees the space.
  auto c = store->claim_next();
  ASSERT_TRUE(c && *c);
  ASSERT_TRUE(store->mark_delivered((*c)->id));
  EXPECT_TRUE(store->enqueue(item("pre_application", std::string(2'000, 'y'))));
}

TEST_F(OfflineCacheStore, RetentionForgetsAckedRowsAndOldDeadLetters) {
  StoreOptions opt;
  opt.delivered_retention = hours{24};
  opt.dead_letter_retention = hours{48};
  auto store = open(opt);
  const auto delivered = must(store->enqueue(item("pre_application", "a")));
  const auto dead = must(store->enqueue(item("pre_application", "b")));
  const auto waiting = must(store->enqueue(item("pre_application", "c")));
  ASSERT_TRUE(store->mark_delivered(delivered));
  ASSERT_TRUE(store->mark_dead(dead, "422 invalid"));
  clock.advance(hours{25});
  ASSERT_TRUE(store->purge_retained());
  EXPECT_FALSE(*store->get(delivered));
  EXPECT_TRUE(*store->get(dead));
  clock.advance(hours{24});
  ASSERT_TRUE(store->purge_retained());
  EXPECT_FALSE(*store->get(dead));
  EXPECT_TRUE(*store->get(waiting)) << "unsent items are never purged";
  clock.advance(hours{24 * 365});
  ASSERT_TRUE(store->purge_retained());
  EXPECT_TRUE(*store->get(waiting));
}

TEST_F(OfflineCacheStore, InFlightItemsResumeAfterACrashWithTheSameKey) {
  std::string idem;
  {
    auto store = open();
    must(store->enqueue(item("pre_application", "a", "idem-1")));
    auto c = store->claim_next();
    ASSERT_TRUE(c && *c);
    idem = (*c)->idempotency_key;
    // The process dies here: no outcome recorded.
  }
  {
    auto observer = open({}, Mode::observer);
    auto list = observer->list(ItemState::in_flight, 10);
    ASSERT_TRUE(list);
    EXPECT_EQ(list->size(), 1u) << "observers leave in-flight items alone";
  }
  auto store = open();
  auto c = store->claim_next();
  ASSERT_TRUE(c && *c);
  EXPECT_EQ((*c)->idempotency_key, idem);
  EXPECT_EQ((*c)->attempts, 2);
}

TEST_F(OfflineCacheStore, OnlyOneOwnerAtATime) {
  auto owner = open();
  auto second = Store::open(db, key, {}, clock, Mode::owner);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::busy);
  auto observer = Store::open(db, key, {}, clock, Mode::observer);
  EXPECT_TRUE(observer);
}

TEST_F(OfflineCacheStore, OperatorRetryBringsADeadLetterBack) {
  auto store = open();
  const auto id = must(store->enqueue(item("pre_application", "a")));
  auto c = store->claim_next();
  ASSERT_TRUE(c && *c);
  ASSERT_TRUE(store->mark_dead(id, "422 missing field"));
  auto stats = store->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->dead_lettered, 1);
  EXPECT_EQ(stats->last_error, "422 missing field");
  ASSERT_TRUE(store->retry_now(id));
  EXPECT_EQ((*store->get(id))->state, ItemState::pending);
  auto again = store->claim_next();
  ASSERT_TRUE(again && *again);
  EXPECT_EQ((*again)->id, id);
  auto not_now = store->retry_now(id);
  ASSERT_FALSE(not_now) << "an item in flight cannot be retried";
  EXPECT_FALSE(store->retry_now(9999));
}

TEST_F(OfflineCacheStore, ReasonsAreMaskedBeforeTheyAreStored) {
  auto store = open();
  const auto id = must(store->enqueue(item("pre_application", "a")));
  ASSERT_TRUE(store->mark_dead(id, "422: id 65010219900307123X already applied"));
  EXPECT_EQ((*store->get(id))->last_error, "422: id 6501**********123X already applied");
}
