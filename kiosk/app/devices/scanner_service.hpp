#pragma once
// The document scanner's presence in the running kiosk: asks SANE which
// scanners it sees (local only), on a thread of its own, at start and then
// every `interval` (loading SANE's backends costs a few milliseconds: not
// a thing to do every second), and posts DeviceChanged for the scanner.
// Scanning itself is the scanner driver's (drivers/scanner), run by the
// flow that needs it.
#include "kiosk/app/app_events.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kiosk::app::devices {

class ScannerService {
 public:
  struct Options {
    std::chrono::milliseconds interval{30000};
  };
  ScannerService(AppEvents& events, Options options);
  ~ScannerService();
  ScannerService(const ScannerService&) = delete;
  ScannerService& operator=(const ScannerService&) = delete;

 private:
  void run();

  AppEvents& events_;
  Options options_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace kiosk::app::devices
