// `kiosk provision --platform URL --token TOKEN --hall H --terminal T`:
// what a technician runs once on a new kiosk (or does from the technician
// screen). The steps, their record and how a run resumes:
// kiosk/app/cli/provision_steps.hpp. The devices tested are those named by
// --reader/--printer/--scanner or --app-devices; the others are skipped.
#include "kiosk/app/cli/provision_steps.hpp"
#include "kiosk/app/cli/selftest_device_options.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>
#include <memory>

namespace {

namespace kp = kiosk::provision;

struct ProvisionArgs {
  kiosk::app::ProvisionRequest request;
  std::string state_dir, config_dir;
  bool sim = false;
  kp::DeviceArgs devices;
};

int provision(const ProvisionArgs& a) {
  kiosk::app::PathOverrides flags;
  if (!a.state_dir.empty()) flags.state_dir = a.state_dir;
  if (!a.config_dir.empty()) flags.config_dir = a.config_dir;
  const auto paths = kiosk::app::resolve_paths(flags, a.sim);
  const kp::Files f{paths.state_dir};
  const kp::DeviceAddresses devices = kp::device_addresses(
      a.devices, kiosk::app::config_dir_in_use(paths.config_dir, f.config_store()));
  using Note = kiosk::app::ProvisionNote;
  const auto outcome = kp::run_provisioning(a.request, f, devices, [](const Note& n) {
    switch (n.kind) {
      case Note::skipped:
        std::cout << "provision: " << n.step << " already done\n";
        break;
      case Note::started:
        break;
      case Note::done:
        std::cout << "provision: " << n.step << " done\n";
        break;
      case Note::output:
        std::cout << n.text << (n.text.ends_with('\n') ? "" : "\n");
        break;
      case Note::failed:
        std::cerr << "provision: " << n.step << " failed: " << n.text
                  << "\n(run the same command again to resume / 重新运行同一命令即可继续)\n";
        break;
    }
  });
  if (!outcome.ok) return 1;
  std::cout << "provision: complete, terminal " << outcome.terminal_id << "\n";
  return 0;
}

void install_provision(CLI::App& root, kiosk::cli::Context& ctx) {
  auto args = std::make_shared<ProvisionArgs>();
  auto* cmd = root.add_subcommand("provision", "Enrol this kiosk with the platform (once)");
  auto& req = args->request;
  cmd->add_option("--platform", req.platform_url, "Platform base URL (https://…)")->required();
  cmd->add_option("--token", req.token, "One-time enrolment token")->required();
  cmd->add_option("--hall", req.hall, "Hall code")->required();
  cmd->add_option("--terminal", req.terminal, "Terminal id (the certificate's name)")->required();
  cmd->add_option("--ca", req.ca_file, "CA bundle the platform must verify against")->required();
  cmd->add_option("--root", req.root_file, "Operators' root.json to pin (kiosk-admin root create)");
  cmd->add_option("--state", args->state_dir, "State folder (default /var/lib/kiosk)");
  cmd->add_option("--config", args->config_dir,
                  "Config folder: paper width, test page (default /etc/kiosk)");
  cmd->add_flag("--sim", args->sim, "Use the per-user simulation state folder");
  kp::add_device_options(*cmd, args->devices);
  cmd->callback([args, &ctx] { ctx.exit_code = provision(*args); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(80, install_provision);
