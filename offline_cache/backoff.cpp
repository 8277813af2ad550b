#include "offline_cache/backoff.hpp"

#include <algorithm>

namespace offline_cache {

Millis backoff_delay(const BackoffPolicy& policy, int attempt, Rng& rng,
                     std::optional<Millis> retry_after) {
  const std::int64_t cap = std::max<std::int64_t>(policy.cap.count(), 0);
  std::int64_t ceiling = std::max<std::int64_t>(policy.base.count(), 0);
  // Double without overflowing: stop as soon as the cap is reached.
  for (int i = 1; i < attempt && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  Millis delay{static_cast<std::int64_t>(rng.uniform(static_cast<std::uint64_t>(ceiling)))};
  if (retry_after && *retry_after > delay) delay = *retry_after;
  return delay;
}

}  // namespace offline_cache
