#include "kiosk/app/devices/scanner_service.hpp"

#include "drivers/scanner/sane_frontend.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app::devices {

ScannerService::ScannerService(AppEvents& events, Options options)
    : events_(events), thread_(options.interval, [this] { step(); }) {}

void ScannerService::step() {
  auto found = scanner::list_devices();
  core::DeviceState now = core::DeviceState::missing;
  if (!found) {
    spdlog::warn("scanner: {}", found.error().detail);
    now = core::DeviceState::fault;
  } else if (!found->empty()) {
    now = core::DeviceState::ok;
  }
  if (now == shown_) return;
  shown_ = now;
  if (found && !found->empty()) spdlog::info("scanner: {}", found->front().name);
  events_.post(core::DeviceChanged{core::Device::scanner, now});
}

}  // namespace kiosk::app::devices
