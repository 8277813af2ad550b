#include "kiosk/app/cli/technician_device_test.hpp"

#include "kiosk/app/cli/selftest_checks.hpp"

#include <algorithm>

namespace kiosk::provision {

kiosk::app::DeviceTestResult run_device_check(const std::filesystem::path& state_dir,
                                              const std::string& name) {
  const Files files{state_dir};
  const auto checks = run_selftest(files, load_progress(files));
  const auto it =
      std::find_if(checks.begin(), checks.end(), [&](const Check& c) { return c.name == name; });
  if (it == checks.end()) return {false, "no such check: " + name};
  return {it->status == "ok", it->status == "ok" ? it->detail : it->status + ": " + it->detail};
}

}  // namespace kiosk::provision
