#pragma once
// Technician mode's device tests are `kiosk selftest`'s checks
// (selftest_checks.hpp), run one at a time by name; the app runs them off
// its UI thread through TechnicianOptions::device_test.
#include "kiosk/app/cli/selftest_devices.hpp"
#include "kiosk/app/technician_options.hpp"

#include <filesystem>
#include <string>

namespace kiosk::provision {

kiosk::app::DeviceTestResult run_device_check(const std::filesystem::path& state_dir,
                                              const DeviceAddresses& devices,
                                              const std::string& name);

}  // namespace kiosk::provision
