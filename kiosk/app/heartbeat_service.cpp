#include "kiosk/app/heartbeat_service.hpp"

#include <algorithm>

namespace kiosk::app {

platform::Heartbeat build_heartbeat(const HeartbeatSnapshot& s) {
  platform::Heartbeat h;
  h.app_version = s.app_version;
  h.config_version = s.config_version;
  h.outbox_depth = s.outbox_depth;
  h.paper = s.paper;
  h.devices = s.devices;
  if (s.refusal) {
    h.config_refusal = platform::ConfigRefusal{config::bundle::to_string(s.refusal->reason),
                                               s.refused_version, s.refusal->detail, s.refusal_at};
  }
  return h;
}

std::string refusal_fingerprint(const std::optional<config::bundle::Refusal>& r) {
  return r ? r->to_string() : std::string{};
}

HeartbeatSchedule::HeartbeatSchedule(std::chrono::seconds interval)
    : interval_(std::max(interval, std::chrono::seconds{1})) {}

bool HeartbeatSchedule::due(Clock::time_point now, const std::string& fingerprint) const {
  if (!last_) return true;
  if (fingerprint != last_fingerprint_) return true;
  return now - *last_ >= interval_;
}

void HeartbeatSchedule::sent(Clock::time_point now, const std::string& fingerprint) {
  last_ = now;
  last_fingerprint_ = fingerprint;
}

HeartbeatSchedule::Clock::time_point HeartbeatSchedule::next_due(Clock::time_point now) const {
  return last_ ? *last_ + interval_ : now;
}

}  // namespace kiosk::app
