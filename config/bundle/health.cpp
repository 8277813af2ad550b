#include "config/bundle/health.hpp"

namespace config::bundle {

HealthDecision decide_health(const std::optional<PendingSwitch>& pending, bool reported_healthy,
                             std::chrono::sys_seconds now, std::chrono::seconds grace) {
  if (!pending) return {HealthAction::nothing, {}};
  const auto deadline = pending->started_at.value_or(pending->switched_at) + grace;
  if (reported_healthy) return {HealthAction::confirm, deadline};
  // A clock that went backwards only delays the decision; it never rolls
  // back early, and a later clock still reaches the deadline.
  if (now < deadline) return {HealthAction::wait, deadline};
  return {HealthAction::roll_back, deadline};
}

}  // namespace config::bundle
