#pragma once
// What the app passes on to the session core: how much is waiting, how old
// the oldest item is, whether the platform answered last time, and whether
// the outbox is too full to accept another submission.
#include "offline_cache/clock.hpp"
#include "offline_cache/item.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace offline_cache {

enum class Connectivity { unknown, online, offline };
const char* to_string(Connectivity c);

struct OutboxStatus {
  std::int64_t depth = 0;                              // pending + in flight
  std::map<std::string, std::int64_t> unsent_by_kind;  // the depth per kind
  std::optional<Millis> oldest_age;                    // of the oldest unsent item
  Connectivity connectivity = Connectivity::unknown;
  bool full = false;  // stop offering submissions that need the outbox
  std::int64_t dead_lettered = 0;
  std::string last_error;

  // Whether the kiosk may offer submissions that need the outbox.
  bool accepting() const { return !full; }
  bool operator==(const OutboxStatus&) const = default;
};

using StatusListener = std::function<void(const OutboxStatus&)>;

OutboxStatus make_status(const Stats& stats, TimePoint now, Connectivity connectivity);

}  // namespace offline_cache
