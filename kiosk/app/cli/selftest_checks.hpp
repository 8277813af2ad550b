#pragma once
// The checks of `kiosk selftest` (also the last step of provisioning):
// each is ok, failed or skipped, with a detail for technicians. The report
// is JSON for monitoring; any failed check makes the exit code non-zero.
#include "kiosk/app/provision_files.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kiosk::provision {

struct DeviceAddresses;  // selftest_devices.hpp

struct Check {
  std::string name;
  std::string status;  // "ok", "failed", "skipped"
  std::string detail;
};

// Every check, in report order: device_key, certificate, outbox_key,
// config_trust, platform, idcard_reader, printer, scanner.
std::vector<Check> run_selftest(const Files& files, const Progress& progress,
                                const DeviceAddresses& devices);
// One check by name (technician mode's device tests); nullopt: no such check.
std::optional<Check> run_check(const std::string& name, const Files& files,
                               const Progress& progress, const DeviceAddresses& devices);
const std::vector<std::string>& check_names();
nlohmann::json report_json(const std::vector<Check>& checks);
bool passed(const std::vector<Check>& checks);

}  // namespace kiosk::provision
