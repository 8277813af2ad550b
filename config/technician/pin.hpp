#pragma once
// Technician-mode entry: the PIN is stored in config only as a salted
// PBKDF2-HMAC-SHA256 hash ("pbkdf2-sha256$<iterations>$<salt hex>$<hash
// hex>"), and repeated wrong PINs lock entry out for a while. The lockout is
// a pure function of its state, the check's result and the time, so the UI
// (technician screens) and tests drive it with an injected clock.
#include "base/expected.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace config::technician {

using Time = std::chrono::sys_seconds;

// Hashes `pin` with a fresh random salt (or `salt_hex` if given, for tests).
kx::expected<std::string, std::string> hash_pin(std::string_view pin, int iterations = 200000,
                                                std::string_view salt_hex = {});
// Constant-time comparison; false for a malformed stored hash.
bool pin_matches(std::string_view pin, std::string_view stored_hash);
// Shape check for config validation (no PIN needed).
bool is_pin_hash(std::string_view stored_hash);

struct LockoutPolicy {
  int max_attempts = 5;               // wrong PINs in a row before lockout
  std::chrono::seconds lockout{300};  // how long entry stays locked
};

struct LockoutState {
  int failures = 0;                  // wrong PINs in a row
  std::optional<Time> locked_until;  // entry refused before this time
};

enum class Entry { granted, wrong_pin, locked };

struct EntryDecision {
  Entry entry;
  LockoutState next;
  int attempts_left = 0;            // after a wrong PIN
  std::chrono::seconds retry_in{};  // when locked
};

// One PIN attempt at `now`: `correct` is pin_matches' answer. While locked,
// the attempt is refused without counting (and without checking the PIN).
EntryDecision attempt(const LockoutState& state, bool correct, Time now,
                      const LockoutPolicy& policy = {});

}  // namespace config::technician
