#include "offline_cache/policy.hpp"

namespace offline_cache {

const KindPolicy& Policies::of(std::string_view kind) const {
  auto it = by_kind.find(kind);
  return it == by_kind.end() ? fallback : it->second;
}

Policies default_policies() {
  using std::chrono::hours;
  Policies p;
  // A citizen's application must reach the platform however long it takes.
  p.by_kind["pre_application"] = KindPolicy{.priority = 30, .ttl = std::nullopt, .coalesce = false};
  // An appointment is pointless after its slot; the app passes the slot as
  // the item's own expiry, the policy itself never drops it.
  p.by_kind["appointment"] = KindPolicy{.priority = 20, .ttl = std::nullopt, .coalesce = false};
  // Ratings stay useful for the weekly report for a while, not for ever.
  p.by_kind["rating"] = KindPolicy{.priority = 10, .ttl = hours{24 * 30}, .coalesce = false};
  // Only the newest heartbeat matters.
  p.by_kind["heartbeat"] = KindPolicy{.priority = 0, .ttl = hours{1}, .coalesce = true};
  return p;
}

}  // namespace offline_cache
