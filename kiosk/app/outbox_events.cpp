#include "kiosk/app/outbox_events.hpp"

#include "kiosk/app/outbox_sender.hpp"

#include <spdlog/spdlog.h>

#include <limits>

namespace kiosk::app {

namespace oc = offline_cache;

namespace {

int clamp_int(std::int64_t v) {
  return static_cast<int>(std::min<std::int64_t>(v, std::numeric_limits<int>::max()));
}

}  // namespace

core::OutboxChanged to_core_event(const oc::OutboxStatus& status) {
  // The status bar tells citizens about their submissions and ratings; the
  // kiosk's own heartbeats wait in the same queue but are not theirs.
  std::int64_t waiting = status.depth;
  if (auto hb = status.unsent_by_kind.find(std::string(kOutboxHeartbeat));
      hb != status.unsent_by_kind.end()) {
    waiting -= hb->second;
  }
  return {clamp_int(std::max<std::int64_t>(waiting, 0)), clamp_int(status.dead_lettered),
          status.accepting()};
}

std::unique_ptr<OutboxService> start_outbox(const std::filesystem::path& state_dir, bool sim,
                                            AppEvents& events) {
  OutboxServiceOptions options;
  options.state_dir = state_dir;
  options.create_missing_key = sim;
  options.on_case_number = [&events](std::string_view key, const std::string& case_number) {
    events.post(core::PreApplyDelivered{std::string(key), case_number});
  };
  auto service = OutboxService::open(
      options, [&events](const oc::OutboxStatus& s) { events.post(to_core_event(s)); });
  if (!service) {
    // describe(): "中文 / English (detail)"; the detail names paths, never data.
    spdlog::error(
        "发件箱无法打开，暂停受理需缓存的业务 / the outbox cannot open, submissions "
        "are paused: {}",
        oc::describe(service.error()));
    events.post(core::OutboxChanged{0, 0, false});
    return nullptr;
  }
  return std::move(*service);
}

bool take_outbox_effect(OutboxService& outbox, const core::Effect& effect) {
  const auto* rating = std::get_if<core::EnqueueRating>(&effect);
  if (rating == nullptr) return false;
  kiosk::platform::RatingRequest r;
  r.level = rating->level;
  r.overall = rating->overall;
  r.efficiency = rating->efficiency;
  r.service = rating->service;
  r.attitude = rating->attitude;
  r.comment = rating->comment;
  r.case_number = rating->case_number;
  r.ticket_number = rating->ticket_number;
  r.pre_application_key = rating->submission_key;
  if (auto id = outbox.enqueue(outbox_item(r)); !id) {
    // The status already says full; the rating is the citizen's opinion,
    // not a submission: log (without its text) and go on.
    spdlog::warn("rating not queued: {}", oc::describe(id.error()));
  }
  return true;
}

}  // namespace kiosk::app
