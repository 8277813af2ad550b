#pragma once
// The checks of `kiosk selftest` (also the last step of provisioning):
// each is ok, failed or skipped, with a detail for technicians. The report
// is JSON for monitoring; any failed check makes the exit code non-zero.
#include "kiosk/app/cli/provision_files.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk::provision {

struct Check {
  std::string name;
  std::string status;  // "ok", "failed", "skipped"
  std::string detail;
};

std::vector<Check> run_selftest(const Files& files, const Progress& progress);
nlohmann::json report_json(const std::vector<Check>& checks);
bool passed(const std::vector<Check>& checks);

}  // namespace kiosk::provision
