#include "kiosk/app/cli/technician_device_test.hpp"

#include "kiosk/app/cli/selftest_checks.hpp"

namespace kiosk::provision {

kiosk::app::DeviceTestResult run_device_check(const std::filesystem::path& state_dir,
                                              const DeviceAddresses& devices,
                                              const std::string& name) {
  const Files files{state_dir};
  const auto check = run_check(name, files, load_progress(files), devices);
  if (!check) return {false, "no such check: " + name};
  const bool ok = check->status == "ok";
  return {ok, ok ? check->detail : check->status + ": " + check->detail};
}

}  // namespace kiosk::provision
