#include "kiosk/app/technician_recent_errors.hpp"

#include "kiosk/app/technician_log_export.hpp"

#include <spdlog/fmt/chrono.h>

namespace kiosk::app {

std::vector<std::string> RecentErrors::lines() {
  std::lock_guard lock(mutex_);
  return {lines_.begin(), lines_.end()};
}

void RecentErrors::sink_it_(const spdlog::details::log_msg& msg) {
  if (msg.level < spdlog::level::warn) return;
  const std::string text(msg.payload.data(), msg.payload.size());
  const auto time = std::chrono::time_point_cast<std::chrono::seconds>(msg.time);
  lines_.push_back(
      fmt::format("{:%H:%M:%S} ", fmt::localtime(std::chrono::system_clock::to_time_t(time))) +
      mask_personal_data(text));
  while (lines_.size() > keep_) lines_.pop_front();
}

}  // namespace kiosk::app
