#pragma once
// The app's real clocks, turned into what the core understands. Only the
// app reads clocks; the core gets time in Tick events.
#include "kiosk/core/session.hpp"

#include <chrono>

namespace kiosk::app {

class AppClock {
 public:
  AppClock() : start_(std::chrono::steady_clock::now()) {}
  core::Millis monotonic() const {
    return std::chrono::duration_cast<core::Millis>(std::chrono::steady_clock::now() - start_);
  }
  // Local wall-clock time, and how far into the current minute it is.
  core::WallClock wall(core::Millis* into_minute = nullptr) const;

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace kiosk::app
