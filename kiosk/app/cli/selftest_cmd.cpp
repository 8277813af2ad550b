// `kiosk selftest`: a JSON report of the kiosk's own checks (keys,
// certificate, outbox key, pinned config root, the platform over mutual
// TLS) and of its devices (reader SAM status, printer test page, scanner
// one page; each skipped unless named, see selftest_device_options.hpp);
// exit 1 if any failed. --check NAME runs only the named checks. For
// technicians and monitoring.
#include "kiosk/app/cli/selftest_checks.hpp"
#include "kiosk/app/cli/selftest_device_options.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace kp = kiosk::provision;

struct SelftestArgs {
  std::string state_dir;
  std::string config_dir;
  bool sim = false;
  kp::DeviceArgs devices;
  std::vector<std::string> only;
};

void install_selftest(CLI::App& root, kiosk::cli::Context& ctx) {
  auto args = std::make_shared<SelftestArgs>();
  auto* cmd =
      root.add_subcommand("selftest", "Check keys, certificate, platform and devices; JSON report");
  cmd->add_option("--state", args->state_dir, "State folder (default /var/lib/kiosk)");
  cmd->add_option("--config", args->config_dir,
                  "Config folder: paper width, test page (default /etc/kiosk)");
  cmd->add_flag("--sim", args->sim, "Use the per-user simulation state folder");
  kp::add_device_options(*cmd, args->devices);
  cmd->add_option(
         "--check", args->only,
         "Run only this check (repeatable): " +
             [] {
               std::string names;
               for (const auto& n : kp::check_names()) names += (names.empty() ? "" : ", ") + n;
               return names;
             }())
      ->check(CLI::IsMember(kp::check_names()));
  cmd->callback([args, &ctx] {
    kiosk::app::PathOverrides flags;
    if (!args->state_dir.empty()) flags.state_dir = args->state_dir;
    if (!args->config_dir.empty()) flags.config_dir = args->config_dir;
    const auto paths = kiosk::app::resolve_paths(flags, args->sim);
    const kp::Files f{paths.state_dir};
    const auto progress = kp::load_progress(f);
    const auto devices = kp::device_addresses(
        args->devices,
        kiosk::app::config_dir_in_use(paths.config_dir, kp::Files{paths.state_dir}.config_store()));
    std::vector<kp::Check> checks;
    if (args->only.empty()) {
      checks = kp::run_selftest(f, progress, devices);
    } else {
      for (const auto& name : args->only)
        checks.push_back(*kp::run_check(name, f, progress, devices));
    }
    std::cout << kp::report_json(checks).dump(2) << "\n";
    ctx.exit_code = kp::passed(checks) ? 0 : 1;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(85, install_selftest);
