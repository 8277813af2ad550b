// `kiosk selftest`: a JSON report of the kiosk's own checks (keys,
// certificate, outbox key, pinned config root, the platform over mutual
// TLS); exit 1 if any failed. For technicians and monitoring.
#include "kiosk/app/cli/selftest_checks.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>
#include <memory>

namespace {

namespace kp = kiosk::provision;

struct SelftestArgs {
  std::string state_dir;
  bool sim = false;
};

void install_selftest(CLI::App& root, kiosk::cli::Context& ctx) {
  auto args = std::make_shared<SelftestArgs>();
  auto* cmd = root.add_subcommand("selftest", "Check keys, certificate and platform; JSON report");
  cmd->add_option("--state", args->state_dir, "State folder (default /var/lib/kiosk)");
  cmd->add_flag("--sim", args->sim, "Use the per-user simulation state folder");
  cmd->callback([args, &ctx] {
    kiosk::app::PathOverrides flags;
    if (!args->state_dir.empty()) flags.state_dir = args->state_dir;
    const kp::Files f{kiosk::app::resolve_paths(flags, args->sim).state_dir};
    const auto checks = kp::run_selftest(f, kp::load_progress(f));
    std::cout << kp::report_json(checks).dump(2) << "\n";
    ctx.exit_code = kp::passed(checks) ? 0 : 1;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(85, install_selftest);
