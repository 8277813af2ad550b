#pragma once
// How the app's technician mode reaches its surroundings (docs/technician.md).
#include "kiosk/app/devices/port_share.hpp"
#include "kiosk/app/provision_request.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace kiosk::app {

struct DeviceTestResult {
  bool ok = false;
  std::string detail;
};

struct TechnicianOptions {
  std::filesystem::path log_dir;        // the logs to export; "" = <state>/logs
  std::filesystem::path usb_dir;        // export here; "" = the first mounted USB stick
  std::filesystem::path backlight_dir;  // /sys/class/backlight in production; "" = none
  // One `kiosk selftest` check by name ("idcard_reader", "printer",
  // "scanner", "platform"), run off the UI thread. Unset: not available.
  std::function<DeviceTestResult(const std::string& check)> device_test;
  // Provisioning's steps (`kiosk provision`'s), run off the UI thread for
  // the technician screen. Unset: not available.
  std::function<ProvisionOutcome(const ProvisionRequest&, const ProvisionObserver&)> provision;
  // The config folder in use: config.json's provisioning files are named
  // relative to it. Set by the app.
  std::filesystem::path config_dir;
  // The app's reader and printer services let their devices go while a
  // device test or provisioning holds this (port_share.hpp). Set by the app.
  std::shared_ptr<devices::PortShare> device_ports;
};

}  // namespace kiosk::app
