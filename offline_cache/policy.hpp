#pragma once
// What the outbox may do with each kind of item. The cache knows kinds only
// as strings; the app names them. Defaults follow the issue: ratings and
// heartbeats may expire (heartbeats also coalesce: only the newest matters),
// pre-applications and appointments never expire.
#include "offline_cache/clock.hpp"

#include <map>
#include <optional>
#include <string>

namespace offline_cache {

struct KindPolicy {
  int priority = 0;           // higher is sent first
  std::optional<Millis> ttl;  // none: never expires
  bool coalesce = false;      // a new item replaces pending ones with the same coalesce key
};

struct Policies {
  std::map<std::string, KindPolicy, std::less<>> by_kind;
  KindPolicy fallback;  // kinds not listed: never expire, never coalesce

  const KindPolicy& of(std::string_view kind) const;
};

// pre_application, appointment, rating, heartbeat.
Policies default_policies();

}  // namespace offline_cache
