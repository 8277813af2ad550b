#pragma once
// Technician mode's device tests are `kiosk selftest`'s checks
// (selftest_checks.hpp), picked by name; the app runs them off its UI
// thread through TechnicianOptions::device_test.
#include "kiosk/app/technician_options.hpp"

#include <filesystem>
#include <string>

namespace kiosk::provision {

kiosk::app::DeviceTestResult run_device_check(const std::filesystem::path& state_dir,
                                              const std::string& name);

}  // namespace kiosk::provision
