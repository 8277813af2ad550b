#pragma once
// The heartbeat's pure logic (issue #9): the Heartbeat built from a snapshot of
// live state, and when the next one is due. No I/O and no clock of its own, so
// both are unit-tested with an injected time; the app wiring feeds them.
#include "config/bundle/refusal.hpp"
#include "kiosk/platform/types.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kiosk::app {

// Without a suitable config setting the app sends one heartbeat every 5 min
// (plus one at start and one promptly when the refusal flag changes).
inline constexpr std::chrono::seconds kDefaultHeartbeatInterval{5 * 60};

struct HeartbeatSnapshot {
  std::string app_version, config_version;
  std::uint64_t outbox_depth = 0;
  std::string paper = "ok";                    // ok | low | out
  std::map<std::string, std::string> devices;  // name -> ok | fault | absent
  // STORE/refusal.json when the app knows its config store; nullopt otherwise.
  std::optional<config::bundle::Refusal> refusal;
  std::string refused_version;  // empty when unknown
  std::string refusal_at;       // RFC 3339 UTC; empty when unknown
};

platform::Heartbeat build_heartbeat(const HeartbeatSnapshot& s);

// A short identity of the flag: a new, changed or cleared refusal makes a
// heartbeat due at once.
std::string refusal_fingerprint(const std::optional<config::bundle::Refusal>& r);

class HeartbeatSchedule {
 public:
  using Clock = std::chrono::steady_clock;
  explicit HeartbeatSchedule(std::chrono::seconds interval = kDefaultHeartbeatInterval);

  // Due when none was sent yet, when the interval has passed since the last
  // one, or when the refusal flag differs from the one last sent.
  bool due(Clock::time_point now, const std::string& fingerprint) const;
  void sent(Clock::time_point now, const std::string& fingerprint);
  // When the periodic one is due (for the event loop's timed wait); now if none was sent.
  Clock::time_point next_due(Clock::time_point now) const;
  std::chrono::seconds interval() const { return interval_; }

 private:
  std::chrono::seconds interval_;
  std::optional<Clock::time_point> last_;
  std::string last_fingerprint_;
};

}  // namespace kiosk::app
