#pragma once
// After a switch to a new config the kiosk must report healthy within a
// grace period, or the previous config comes back by itself. This is the
// decision alone: pure, with the clock as a parameter, so tests drive it
// with an injected time; install.hpp carries it out on the files.
#include <chrono>
#include <optional>
#include <string>

namespace config::bundle {

// The marker written just before a switch (health-pending.json).
struct PendingSwitch {
  std::string to;    // version folder switched to
  std::string from;  // version folder to go back to ("" on a first install)
  std::chrono::sys_seconds switched_at{};
  // When the app first started on `to` (mark_started). The grace counts
  // from here when set: a kiosk busy with a citizen restarts onto a new
  // config only between sessions, and a switch must not be judged before
  // the app has tried it. Before that, it counts from the switch.
  std::optional<std::chrono::sys_seconds> started_at;
};

// The grace the app and the agent agree on when nobody names another.
inline constexpr std::chrono::seconds kDefaultHealthGrace{120};

enum class HealthAction {
  nothing,    // no switch pending
  wait,       // pending, deadline not reached: ask again at `deadline`
  confirm,    // healthy reported: the new config becomes the last known good
  roll_back,  // deadline passed without a healthy report: go back to `from`
};

struct HealthDecision {
  HealthAction action = HealthAction::nothing;
  std::chrono::sys_seconds deadline{};
};

HealthDecision decide_health(const std::optional<PendingSwitch>& pending, bool reported_healthy,
                             std::chrono::sys_seconds now, std::chrono::seconds grace);

}  // namespace config::bundle
