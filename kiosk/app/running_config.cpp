#include "kiosk/app/running_config.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {
namespace fs = std::filesystem;
namespace cb = config::bundle;

RunningConfig choose_config(const fs::path& config_dir, const fs::path& store, cb::Time now,
                            std::chrono::seconds grace) {
  if (cb::current_folder(store).empty()) return {config_dir, std::nullopt, "", store};
  if (auto h = cb::health_step(store, false, now, grace, cb::Untried::wait); !h) {
    spdlog::error("config store {}: {}", store.string(), h.error().to_string());
  } else if (h->action == cb::HealthAction::roll_back) {
    spdlog::warn("config: the switch was not confirmed healthy within {} s; rolled back",
                 grace.count());
  }
  const std::string folder = cb::current_folder(store);
  if (folder.empty()) return {config_dir, std::nullopt, "", store};
  // The version folder itself, not the link: a switch while the app runs
  // must not change what it reads (receipt templates) under its feet.
  return {cb::version_dir(store, folder), store, folder, store};
}

fs::path config_dir_in_use(const fs::path& config_dir, const fs::path& store) {
  const std::string folder = cb::current_folder(store);
  if (folder.empty()) return config_dir;
  return cb::version_dir(store, folder);
}

HealthReport::HealthReport(RunningConfig running, std::chrono::seconds settle,
                           std::chrono::seconds grace)
    : running_(std::move(running)), settle_(settle), grace_(grace) {}

void HealthReport::starting(cb::Time now) {
  if (!running_.store) return;
  if (auto m = cb::mark_started(*running_.store, running_.folder, now); !m) {
    spdlog::error("config: cannot record the start on {}: {}", running_.folder,
                  m.error().to_string());
  } else if (*m) {
    spdlog::info("config: started on the new config {}; healthy report due within {} s",
                 running_.folder, grace_.count());
  }
}

void HealthReport::first_frame(cb::Time now) {
  if (!first_frame_) first_frame_ = now;
}

std::optional<cb::Time> HealthReport::due() const {
  if (reported_ || !running_.store || !first_frame_) return std::nullopt;
  return *first_frame_ + settle_;
}

bool HealthReport::tick(cb::Time now) {
  const auto when = due();
  if (!when || now < *when) return false;
  reported_ = true;
  // Only the config this process loaded may be confirmed: a switch the
  // agent made since is judged by the next start.
  if (cb::current_folder(*running_.store) != running_.folder) return false;
  auto h = cb::health_step(*running_.store, true, now, grace_);
  if (!h) {
    spdlog::error("config: healthy report failed: {}", h.error().to_string());
    return false;
  }
  if (h->action == cb::HealthAction::confirm) {
    spdlog::info("config: {} confirmed healthy; it is the last known good now", running_.folder);
    return true;
  }
  return false;
}

bool HealthReport::config_switched() const {
  if (running_.watch.empty()) return false;
  const std::string now_current = cb::current_folder(running_.watch);
  return !now_current.empty() && now_current != running_.folder;
}

}  // namespace kiosk::app
