#include "kiosk/app/heartbeat_sender.hpp"

#include "config/bundle/install.hpp"
#include "kiosk/app/outbox_sender.hpp"
#include "kiosk/app/outbox_service.hpp"

#include <spdlog/spdlog.h>

#include <random>

namespace kiosk::app {

namespace {

std::string device_word(core::DeviceState s) {
  switch (s) {
    case core::DeviceState::ok:
    case core::DeviceState::paper_low:
    case core::DeviceState::no_paper:  // the printer itself answers
      return "ok";
    case core::DeviceState::missing:
      return "absent";
    case core::DeviceState::fault:
      return "fault";
    case core::DeviceState::unknown:
      break;
  }
  return "unknown";
}

std::string paper_word(core::DeviceState printer) {
  if (printer == core::DeviceState::no_paper) return "out";
  if (printer == core::DeviceState::paper_low) return "low";
  return "ok";
}

// Heartbeats coalesce in the outbox, so the key only has to be unique.
std::string new_key() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return "hb-" + std::to_string(rng());
}

}  // namespace

HeartbeatSnapshot snapshot_of(const core::State& state, std::int64_t outbox_depth,
                              const HeartbeatSenderOptions& options) {
  HeartbeatSnapshot s;
  s.app_version = options.app_version;
  s.config_version = options.config_version;
  s.outbox_depth = static_cast<std::uint64_t>(std::max<std::int64_t>(outbox_depth, 0));
  s.paper = paper_word(state.printer);
  s.devices = {{"idcard_reader", device_word(state.reader)},
               {"printer", device_word(state.printer)},
               {"scanner", device_word(state.scanner)}};
  if (options.store) {
    if (auto rec = config::bundle::last_refusal_record(*options.store)) {
      s.refusal = rec->refusal;
      s.refusal_at = rec->at;
      if (rec->refused_version > 0) s.refused_version = std::to_string(rec->refused_version);
    }
  }
  return s;
}

HeartbeatSender::HeartbeatSender(HeartbeatSenderOptions options)
    : options_(std::move(options)), schedule_(options_.interval) {}

bool HeartbeatSender::tick(Clock::time_point now, const core::State& state, OutboxService& outbox) {
  if (!first_tick_) first_tick_ = now;
  const auto known = [](core::DeviceState d) { return d != core::DeviceState::unknown; };
  if (!sent_any_ && now - *first_tick_ < kDeviceWait &&
      !(known(state.reader) && known(state.printer) && known(state.scanner))) {
    return false;
  }
  if (last_check_ && now - *last_check_ < kFlagCheck && now < schedule_.next_due(now)) {
    return false;
  }
  last_check_ = now;
  const HeartbeatSnapshot snap = snapshot_of(state, outbox.status().depth, options_);
  const std::string flag = refusal_fingerprint(snap.refusal);
  if (!schedule_.due(now, flag)) return false;
  auto queued = outbox.enqueue(outbox_item(build_heartbeat(snap), new_key()));
  if (!queued) {
    // Tried again at the next interval; a full outbox must not spin here.
    spdlog::warn("heartbeat not queued: {}", offline_cache::describe(queued.error()));
  } else if (snap.refusal) {
    spdlog::info("heartbeat queued with the config refusal flag: {}",
                 config::bundle::to_string(snap.refusal->reason));
  }
  schedule_.sent(now, flag);
  sent_any_ = true;
  return queued.has_value();
}

}  // namespace kiosk::app
