#pragma once
// The document scanner's presence in the running kiosk: asks SANE which
// scanners it sees (local only), on a thread of its own, at start and then
// every `interval` (loading SANE's backends costs a few milliseconds: not
// a thing to do every second), and posts DeviceChanged for the scanner.
// Scanning itself is the scanner driver's (drivers/scanner), run by the
// flow that needs it.
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/periodic_thread.hpp"

#include <chrono>

namespace kiosk::app::devices {

class ScannerService {
 public:
  struct Options {
    std::chrono::milliseconds interval{30000};
  };
  ScannerService(AppEvents& events, Options options);

 private:
  void step();

  AppEvents& events_;
  core::DeviceState shown_ = core::DeviceState::unknown;
  PeriodicThread thread_;  // last: stops first
};

}  // namespace kiosk::app::devices
