#pragma once
// The running kiosk's heartbeat (issue #9): queued in the outbox at start,
// every interval, and at once when the config-refusal flag changes, so the
// fleet sees a refused bundle (`kiosk-admin fleet status`) even after an
// outage. Called from the UI loop, which owns the session state it reads;
// the enqueue is durable and the outbox's worker delivers it (heartbeats
// coalesce there: only the newest waits).
#include "kiosk/app/heartbeat_service.hpp"
#include "kiosk/core/session.hpp"

#include <filesystem>
#include <optional>

namespace kiosk::app {

class OutboxService;

struct HeartbeatSenderOptions {
  std::string app_version, config_version;
  // The signed-config store whose refusal.json is the flag; none: no flag.
  std::optional<std::filesystem::path> store;
  std::chrono::seconds interval = kDefaultHeartbeatInterval;
};

// What the session core knows of the devices, as the heartbeat names it.
HeartbeatSnapshot snapshot_of(const core::State& state, std::int64_t outbox_depth,
                              const HeartbeatSenderOptions& options);

class HeartbeatSender {
 public:
  using Clock = HeartbeatSchedule::Clock;
  explicit HeartbeatSender(HeartbeatSenderOptions options);

  // Queues a heartbeat when one is due. True when it did.
  bool tick(Clock::time_point now, const core::State& state, OutboxService& outbox);
  // When the loop must call again at the latest: the periodic one, or the
  // end of the wait for the devices before the first (their answers wake
  // the loop by themselves). The loop also wakes every minute, which is
  // when a new refusal flag is noticed.
  Clock::time_point next_due(Clock::time_point now) const {
    if (!sent_any_ && first_tick_) return *first_tick_ + kDeviceWait;
    return schedule_.next_due(now);
  }

 private:
  HeartbeatSenderOptions options_;
  HeartbeatSchedule schedule_;
  // The loop calls on every input; the flag file is read at most this often.
  static constexpr std::chrono::seconds kFlagCheck{15};
  // The first heartbeat waits (this long at most) for the device services'
  // first answers, so the fleet does not see "unknown" after every start.
  static constexpr std::chrono::seconds kDeviceWait{30};
  std::optional<Clock::time_point> last_check_, first_tick_;
  bool sent_any_ = false;
};

}  // namespace kiosk::app
