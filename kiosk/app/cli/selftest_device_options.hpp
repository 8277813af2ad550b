#pragma once
// Where `kiosk selftest` (and provisioning's self-test step) find the
// devices: --reader, --printer, --scanner name them; --app-devices takes
// the addresses `kiosk run` uses for any not named. A device named by
// neither is skipped. The printer's paper width and test-page template come
// from the kiosk config, as in the app.
#include "kiosk/app/cli/selftest_devices.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace kiosk::provision {

struct DeviceArgs {
  std::string reader, printer, scanner;
  bool app_devices = false;
};

void add_device_options(CLI::App& cmd, DeviceArgs& args);

// `config_dir` holds config.json (paper width) and receipts/ (test page).
DeviceAddresses device_addresses(const DeviceArgs& args, const std::filesystem::path& config_dir);

// The addresses `kiosk run` opens (kiosk/app/devices): reader, printer and
// the first scanner SANE finds.
DeviceAddresses app_device_addresses(const std::filesystem::path& config_dir);

}  // namespace kiosk::provision
