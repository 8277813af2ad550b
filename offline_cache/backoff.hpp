#pragma once
// Exponential backoff with full jitter (AWS architecture blog, "Exponential
// Backoff and Jitter"): the delay is uniform in [0, min(cap, base * 2^(n-1))],
// which spreads a fleet of kiosks coming back online instead of having them
// all retry in lock-step. A Retry-After from the platform is a floor.
#include "offline_cache/clock.hpp"

#include <optional>

namespace offline_cache {

struct BackoffPolicy {
  Millis base{1000};
  Millis cap{std::chrono::minutes{10}};
};

// attempt: how many attempts have failed so far (>= 1).
Millis backoff_delay(const BackoffPolicy& policy, int attempt, Rng& rng,
                     std::optional<Millis> retry_after = std::nullopt);

}  // namespace offline_cache
