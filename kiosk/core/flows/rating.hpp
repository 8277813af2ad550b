#pragma once
// Rating (好差评): after each transaction; five levels, the indicators, an
// optional comment; can be skipped. Sent through the outbox.
#include "kiosk/core/keyboard.hpp"

#include <string>

namespace core {

enum class Indicator { efficiency, service, attitude };
inline constexpr Indicator kAllIndicators[] = {Indicator::efficiency, Indicator::service,
                                               Indicator::attitude};

struct RatingState {
  // Exactly one of these names what is rated (the platform's rule); a
  // pre-application still in the outbox is named by its idempotency key.
  std::string case_number;
  std::string ticket_number;
  std::string submission_key;
  int level = 0;  // 0 = not chosen yet; 1 very dissatisfied .. 5 very satisfied
  int efficiency = 0, service = 0, attitude = 0;  // 0 = same as the level
  std::string comment;  // as sent: the keyboard's text once the citizen stops typing
  KeyboardState keyboard{KeyboardMode::pinyin, {}, {}, 200};
  bool typing = false;  // the comment's keyboard is open
  bool operator==(const RatingState&) const = default;
};

const char* text_id(Indicator indicator);  // "rating.indicator.efficiency", ...

// --- events -------------------------------------------------------------------
struct RateLevel {
  int level;
};
struct RateIndicator {
  Indicator indicator;
  int level;
};
struct RateComment {
  std::string text;
};
// The comment field tapped (true) or the keyboard put away (false).
struct RateTyping {
  bool on;
};
// A key of the on-screen keyboard, for the comment.
struct RateKey {
  Key key;
};
struct RateSubmit {};
struct RateSkip {};

}  // namespace core
