// The heartbeat's pure logic with an injected clock: what it carries, and when
// one is due (start, every interval, at once when the refusal flag changes).
#include "kiosk/app/heartbeat_service.hpp"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using config::bundle::Reason;
using config::bundle::Refusal;
using kiosk::app::HeartbeatSchedule;

TEST(HeartbeatBuilder, CarriesLiveStateWithoutFlag) {
  kiosk::app::HeartbeatSnapshot s;
  s.app_version = "1.4.0";
  s.config_version = "6";
  s.outbox_depth = 3;
  s.paper = "low";
  s.devices = {{"printer", "ok"}, {"reader", "fault"}};
  const auto h = kiosk::app::build_heartbeat(s);
  EXPECT_EQ(h.app_version, "1.4.0");
  EXPECT_EQ(h.config_version, "6");
  EXPECT_EQ(h.outbox_depth, 3u);
  EXPECT_EQ(h.paper, "low");
  EXPECT_EQ(h.devices.at("reader"), "fault");
  EXPECT_FALSE(h.config_refusal.has_value());
}

TEST(HeartbeatBuilder, RefusalBecomesTheFlagWithSnakeCaseReason) {
  kiosk::app::HeartbeatSnapshot s;
  s.refusal = Refusal{Reason::expired, "targets expired at 2026-01-01T00:00:00Z"};
  s.refused_version = "7";
  s.refusal_at = "2026-11-28T20:00:00Z";
  const auto h = kiosk::app::build_heartbeat(s);
  ASSERT_TRUE(h.config_refusal.has_value());
  EXPECT_EQ(h.config_refusal->reason, "expired");
  EXPECT_EQ(h.config_refusal->refused_version, "7");
  EXPECT_EQ(h.config_refusal->detail, "targets expired at 2026-01-01T00:00:00Z");
  EXPECT_EQ(h.config_refusal->at, "2026-11-28T20:00:00Z");
}

TEST(HeartbeatSchedule, DueAtStartThenEveryInterval) {
  const HeartbeatSchedule::Clock::time_point t0{};
  HeartbeatSchedule sched(300s);
  EXPECT_TRUE(sched.due(t0, ""));
  EXPECT_EQ(sched.next_due(t0), t0);
  sched.sent(t0, "");
  EXPECT_FALSE(sched.due(t0 + 299s, ""));
  EXPECT_EQ(sched.next_due(t0 + 10s), t0 + 300s);
  EXPECT_TRUE(sched.due(t0 + 300s, ""));
}

TEST(HeartbeatSchedule, DueAtOnceWhenTheFlagIsRaisedOrCleared) {
  const HeartbeatSchedule::Clock::time_point t0{};
  HeartbeatSchedule sched(300s);
  sched.sent(t0, "");
  const auto raised = kiosk::app::refusal_fingerprint(Refusal{Reason::rollback, "7 < 8"});
  EXPECT_TRUE(sched.due(t0 + 1s, raised));
  sched.sent(t0 + 1s, raised);
  EXPECT_FALSE(sched.due(t0 + 2s, raised));
  EXPECT_TRUE(sched.due(t0 + 2s, kiosk::app::refusal_fingerprint(std::nullopt)));  // cleared
}

TEST(HeartbeatSchedule, DefaultIntervalIsFiveMinutes) {
  EXPECT_EQ(HeartbeatSchedule{}.interval(), 300s);
}
