#include "kiosk/app/devices/scanner_service.hpp"

#include "drivers/scanner/sane_frontend.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app::devices {

ScannerService::ScannerService(AppEvents& events, Options options)
    : events_(events), options_(options), thread_([this] { run(); }) {}

ScannerService::~ScannerService() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void ScannerService::run() {
  core::DeviceState shown = core::DeviceState::unknown;
  for (;;) {
    auto found = scanner::list_devices();
    core::DeviceState now = core::DeviceState::missing;
    if (!found) {
      spdlog::warn("scanner: {}", found.error().detail);
      now = core::DeviceState::fault;
    } else if (!found->empty()) {
      now = core::DeviceState::ok;
    }
    if (now != shown) {
      shown = now;
      if (found && !found->empty()) spdlog::info("scanner: {}", found->front().name);
      events_.post(core::DeviceChanged{core::Device::scanner, now});
    }
    std::unique_lock lock(mutex_);
    if (stop_cv_.wait_for(lock, options_.interval, [this] { return stop_; })) return;
  }
}

}  // namespace kiosk::app::devices
