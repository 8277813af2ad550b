#pragma once
// The outbox's vocabulary: what goes in, what the store reports back.
#include "offline_cache/clock.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace offline_cache {

enum class ItemState : int { pending = 0, in_flight = 1, delivered = 2, dead_lettered = 3 };
const char* to_string(ItemState s);

struct Attachment {
  std::string name;  // e.g. "scan-1.jpg"; must not hold personal data (stored in the clear)
  std::vector<std::uint8_t> data;  // encrypted at rest
};

struct NewItem {
  std::string kind;                     // "pre_application", "rating", ...
  std::vector<std::uint8_t> payload;    // encrypted at rest
  std::vector<Attachment> attachments;  // encrypted at rest, same transaction
  std::optional<int> priority;          // default: the kind's policy
  std::string idempotency_key;          // empty: the cache makes a random one
  std::string order_group;              // non-empty: delivered strictly in enqueue order
  std::string coalesce_key;             // with a coalescing policy: replaces pending twins
  std::optional<TimePoint> expires_at;  // sooner than the policy's ttl (e.g. an appointment slot)
};

// Metadata only: never personal data, safe to list and log.
struct ItemInfo {
  std::int64_t id = 0;
  std::string kind;
  int priority = 0;
  std::string idempotency_key;
  std::string order_group;
  TimePoint created;
  int attempts = 0;
  TimePoint next_attempt;
  std::string last_error;
  ItemState state = ItemState::pending;
  std::optional<TimePoint> expires_at;
  std::optional<TimePoint> finished_at;  // delivered or dead-lettered
  std::int64_t stored_bytes = 0;         // ciphertext held for this item
};

struct ItemContent {
  std::vector<std::uint8_t> payload;
  std::vector<Attachment> attachments;
};

struct Stats {
  std::int64_t pending = 0;
  std::int64_t in_flight = 0;
  std::int64_t delivered = 0;
  std::int64_t dead_lettered = 0;
  std::optional<TimePoint> oldest_unsent_created;  // pending or in flight
  std::string last_error;                          // of the most recently failed attempt
  std::uint64_t used_bytes = 0;                    // ciphertext of items not yet acknowledged
  std::uint64_t quota_bytes = 0;
  bool full = false;  // less than one maximal submission of room left
  // Unsent (pending + in flight) per kind, e.g. so a citizen's "3 waiting"
  // counts submissions and not the kiosk's own heartbeats.
  std::map<std::string, std::int64_t> unsent_by_kind;
  std::int64_t depth() const { return pending + in_flight; }
};

}  // namespace offline_cache
