#pragma once
// How the app's technician mode reaches its surroundings (docs/technician.md).
#include <filesystem>
#include <functional>
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
};

}  // namespace kiosk::app
