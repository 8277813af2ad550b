#pragma once
// What the delivery worker needs from the network: one call that hands one
// item to the platform under its idempotency key. The app implements it
// with the platform client (kiosk/app/outbox_sender.*); the cache knows
// nothing of the platform's protocol or the kiosk's types.
#include "offline_cache/clock.hpp"
#include "offline_cache/item.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace offline_cache {

struct Delivery {
  std::int64_t id;
  std::string_view kind;
  std::string_view idempotency_key;  // the platform records each key once
  int attempt;                       // 1 for the first try
  const ItemContent& content;
};

enum class SendStatus {
  delivered,    // the platform acknowledged (also: "already have this key")
  retry,        // the platform answered but failed for now (5xx, 429, 503, reset mid-upload)
  unreachable,  // no answer: network down, timeout, TLS failure -> the kiosk is offline
  rejected,     // permanent (409 conflict, 422 invalid): dead-letter with the reason
};

struct SendResult {
  SendStatus status = SendStatus::retry;
  std::string reason;                 // for the operator; never personal data
  std::optional<Millis> retry_after;  // the platform's Retry-After, honoured as a minimum

  static SendResult ok() { return {SendStatus::delivered, {}, {}}; }
  static SendResult again(std::string why, std::optional<Millis> after = std::nullopt) {
    return {SendStatus::retry, std::move(why), after};
  }
  static SendResult offline(std::string why) {
    return {SendStatus::unreachable, std::move(why), {}};
  }
  static SendResult reject(std::string why) { return {SendStatus::rejected, std::move(why), {}}; }
};

class Sender {
 public:
  virtual ~Sender() = default;
  // Must not throw; every failure is a SendResult.
  virtual SendResult send(const Delivery& delivery) = 0;
};

}  // namespace offline_cache
