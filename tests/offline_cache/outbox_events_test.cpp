// Unit: the glue between the outbox service and the session core
// (kiosk/app/outbox_events): a rating effect lands in a real outbox and the
// core hears the new depth; an outbox that cannot open (not provisioned)
// tells the core to stop accepting submissions. No platform is needed:
// delivery waits for connect(), which these tests never call.
#include "kiosk/app/outbox_events.hpp"
#include "kiosk/app/event_wait.hpp"
#include "tests/offline_cache/test_support.hpp"

#include <gtest/gtest.h>

namespace {

using kiosk::app::AppEvents;
using kiosk::app::EventWaiter;

std::optional<core::OutboxChanged> last_outbox_event(AppEvents& events) {
  std::optional<core::OutboxChanged> last;
  for (const auto& e : events.take())
    if (const auto* o = std::get_if<core::OutboxChanged>(&e)) last = *o;
  return last;
}

TEST(OfflineCacheOutboxEvents, ARatingEffectIsQueuedAndTheCoreHearsTheDepth) {
  offline_cache::testing::TempDir state;
  EventWaiter waiter;
  AppEvents events(waiter);
  auto outbox = kiosk::app::start_outbox(state.path(), /*sim=*/true, events);
  ASSERT_TRUE(outbox);
  auto opened = last_outbox_event(events);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->waiting, 0);
  EXPECT_TRUE(opened->accepting);

  core::EnqueueRating rating;
  rating.level = 4;
  rating.ticket_number = "A001";
  EXPECT_TRUE(kiosk::app::take_outbox_effect(*outbox, rating));
  EXPECT_FALSE(kiosk::app::take_outbox_effect(*outbox, core::Effect{core::NotifyStaff{}}));
  auto queued = last_outbox_event(events);
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->waiting, 1);
  EXPECT_EQ(queued->dead, 0);
  EXPECT_TRUE(queued->accepting);
}

TEST(OfflineCacheOutboxEvents, AnOutboxThatCannotOpenStopsSubmissions) {
  offline_cache::testing::TempDir state;  // no key: not provisioned
  EventWaiter waiter;
  AppEvents events(waiter);
  EXPECT_EQ(kiosk::app::start_outbox(state.path(), /*sim=*/false, events), nullptr);
  auto e = last_outbox_event(events);
  ASSERT_TRUE(e);
  EXPECT_FALSE(e->accepting);
}

TEST(OfflineCacheOutboxEvents, FullMeansNotAccepting) {
  offline_cache::OutboxStatus s;
  s.depth = 7;
  s.dead_lettered = 2;
  s.full = true;
  const auto e = kiosk::app::to_core_event(s);
  EXPECT_EQ(e.waiting, 7);
  EXPECT_EQ(e.dead, 2);
  EXPECT_FALSE(e.accepting);
}

}  // namespace
