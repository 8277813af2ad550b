#include "kiosk/app/wall_clock.hpp"

#include <ctime>

namespace kiosk::app {

core::WallClock AppClock::wall(core::Millis* into_minute) const {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  if (into_minute != nullptr) {
    const auto ms = std::chrono::duration_cast<core::Millis>(now.time_since_epoch()).count() % 1000;
    *into_minute = core::Millis{tm.tm_sec * 1000 + ms};
  }
  return core::WallClock{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                         tm.tm_hour,        tm.tm_min,     tm.tm_wday};
}

}  // namespace kiosk::app
