// `kiosk provision --platform URL --token TOKEN --hall H --terminal T`:
// what a technician runs once on a new kiosk. Steps, each recorded in
// <state>/provision/state.json when done, so a second run skips what is
// done and an interrupted run resumes:
//   device_key + certificate  EC P-256 key (0600) → CSR + one-time token →
//                             platform → certificate and platform CA stored
//   outbox_key                the outbox's key file (offline_cache)
//   root                      the operators' root.json pinned (--root)
//   selftest                  `kiosk selftest`'s checks must pass (the devices
//                             named by --reader/--printer/--scanner or
//                             --app-devices are tested; the others skipped)
//   slip                      the provisioning slip (stdout + slip.txt)
// A token is spent by the platform when it answers; if the run dies between
// that answer and storing the certificate, a new token is needed.
#include "config/bundle/install.hpp"
#include "config/bundle/read_limited.hpp"
#include "kiosk/app/cli/selftest_checks.hpp"
#include "kiosk/app/cli/selftest_device_options.hpp"
#include "kiosk/app/cli/selftest_devices.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/provision_files.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/cli/registry.hpp"
#include "kiosk/platform/client.hpp"
#include "offline_cache/key_file.hpp"

#include <chrono>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>

namespace {

namespace kp = kiosk::provision;
namespace fs = std::filesystem;

struct ProvisionArgs {
  std::string platform, token, hall, terminal, ca, root, state_dir, config_dir;
  bool sim = false;
  kp::DeviceArgs devices;
};

using StepResult = kx::expected<void, std::string>;

StepResult enrol(const ProvisionArgs& a, const kp::Files& f, kp::Progress& p) {
  kp::FileKeyStore keys(f.device_key());
  auto csr = keys.new_key_csr(a.terminal.empty() ? "kiosk" : a.terminal);
  if (!csr) return kx::unexpected(csr.error());
  kiosk::platform::ClientConfig cfg;
  cfg.base_url = a.platform;
  cfg.ca_file = a.ca;
  auto client = kiosk::platform::PlatformClient::create(cfg);
  if (!client) return kx::unexpected("platform: " + client.error().detail);
  auto enrolled = (*client)->enrol({a.token, *csr, a.hall}, kiosk::platform::new_idempotency_key());
  if (!enrolled) {
    const auto& e = enrolled.error();
    if (e.problem_code == "enrolment_token_expired") {
      return kx::unexpected(
          "the enrolment token has expired; ask for a new one / 注册令牌已过期，请申请新的令牌");
    }
    if (e.problem_code == "enrolment_token_invalid") {
      return kx::unexpected(
          "the enrolment token is unknown, used or expired; ask for a new one / "
          "注册令牌无效、已使用或已过期，请申请新的令牌");
    }
    return kx::unexpected("enrolment failed: " + e.detail);
  }
  if (!a.terminal.empty() && enrolled->terminal_id != a.terminal) {
    std::cerr << "note: the platform assigned terminal id " << enrolled->terminal_id << "\n";
  }
  if (auto w = kp::write_secret(f.device_cert(), enrolled->certificate_pem, 0644); !w) return w;
  if (auto w = kp::write_secret(f.platform_ca(), enrolled->ca_certificate_pem, 0644); !w) return w;
  p.terminal_id = enrolled->terminal_id;
  p.hall = enrolled->hall_code.empty() ? a.hall : enrolled->hall_code;
  p.platform_url = a.platform;
  return {};
}

StepResult outbox_key(const kp::Files& f) {
  auto key = offline_cache::create_key_file(f.outbox_key());
  if (!key && key.error().code != offline_cache::ErrorCode::key_exists) {
    return kx::unexpected(offline_cache::describe(key.error()));
  }
  return {};
}

StepResult pin_root(const ProvisionArgs& a, const kp::Files& f) {
  if (a.root.empty()) return {};
  auto text = config::bundle::read_limited(a.root, config::bundle::Limits{}.max_metadata_bytes);
  if (!text) return kx::unexpected(text.error().to_string());
  auto pinned = config::bundle::pin_root(f.config_store(), *text);
  if (!pinned) return kx::unexpected(pinned.error().to_string());
  return {};
}

StepResult selftest(const kp::Files& f, const kp::Progress& p, const kp::DeviceAddresses& d) {
  const auto checks = kp::run_selftest(f, p, d);
  std::cout << kp::report_json(checks).dump(2) << "\n";
  if (!kp::passed(checks)) return kx::unexpected(std::string("the self-test failed (see above)"));
  return {};
}

// The slip on stdout and in slip.txt, and on the receipt printer when one is
// configured (the provision-slip template: terminal, hall, platform, time,
// and a QR of the terminal id for the technician's records).
StepResult slip(const kp::Files& f, const kp::Progress& p, const kp::DeviceAddresses& devices) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const std::string text =
      "==== 终端开通单 Provisioning slip ====\n"
      "终端 Terminal : " +
      p.terminal_id +
      "\n"
      "大厅 Hall     : " +
      p.hall +
      "\n"
      "平台 Platform : " +
      p.platform_url +
      "\n"
      "时间 Time     : " +
      when +
      "\n"
      "自检 Self-test: ok\n";
  std::cout << text;
  if (auto w = kp::write_secret(f.slip(), text, 0644); !w) return w;
  if (!devices.printer) {
    std::cout << "provision: slip not printed (no printer configured; --printer or "
                 "--app-devices)\n";
    return {};
  }
  auto printed = kp::print_template(devices, "provision-slip",
                                    {{"terminal_id", p.terminal_id},
                                     {"hall", p.hall},
                                     {"platform", p.platform_url},
                                     {"time", when},
                                     {"selftest", "ok"}});
  if (!printed) return kx::unexpected("the slip did not print: " + printed.error());
  std::cout << "provision: slip printed, " << *printed << "\n";
  return {};
}

int provision(const ProvisionArgs& a) {
  kiosk::app::PathOverrides flags;
  if (!a.state_dir.empty()) flags.state_dir = a.state_dir;
  if (!a.config_dir.empty()) flags.config_dir = a.config_dir;
  const auto paths = kiosk::app::resolve_paths(flags, a.sim);
  const kp::Files f{paths.state_dir};
  const kp::DeviceAddresses devices = kp::device_addresses(
      a.devices,
      kiosk::app::config_dir_in_use(paths.config_dir, kp::Files{paths.state_dir}.config_store()));
  kp::Progress p = kp::load_progress(f);
  struct Step {
    const char* name;
    std::function<StepResult()> run;
  };
  const std::vector<Step> steps = {
      {"certificate", [&] { return enrol(a, f, p); }},
      {"outbox_key", [&] { return outbox_key(f); }},
      {"root", [&] { return pin_root(a, f); }},
      {"selftest", [&] { return selftest(f, p, devices); }},
      {"slip", [&] { return slip(f, p, devices); }},
  };
  for (const auto& step : steps) {
    if (p.has(step.name)) {
      std::cout << "provision: " << step.name << " already done\n";
      continue;
    }
    if (auto r = step.run(); !r) {
      std::cerr << "provision: " << step.name << " failed: " << r.error()
                << "\n(run the same command again to resume / 重新运行同一命令即可继续)\n";
      return 1;
    }
    p.done.push_back(step.name);
    if (auto s = kp::save_progress(f, p); !s) {
      std::cerr << "provision: cannot record progress: " << s.error() << "\n";
      return 1;
    }
    std::cout << "provision: " << step.name << " done\n";
  }
  std::cout << "provision: complete, terminal " << p.terminal_id << "\n";
  return 0;
}

void install_provision(CLI::App& root, kiosk::cli::Context& ctx) {
  auto args = std::make_shared<ProvisionArgs>();
  auto* cmd = root.add_subcommand("provision", "Enrol this kiosk with the platform (once)");
  cmd->add_option("--platform", args->platform, "Platform base URL (https://…)")->required();
  cmd->add_option("--token", args->token, "One-time enrolment token")->required();
  cmd->add_option("--hall", args->hall, "Hall code")->required();
  cmd->add_option("--terminal", args->terminal, "Terminal id (the certificate's name)")->required();
  cmd->add_option("--ca", args->ca, "CA bundle the platform must verify against")->required();
  cmd->add_option("--root", args->root, "Operators' root.json to pin (kiosk-admin root create)");
  cmd->add_option("--state", args->state_dir, "State folder (default /var/lib/kiosk)");
  cmd->add_option("--config", args->config_dir,
                  "Config folder: paper width, test page (default /etc/kiosk)");
  cmd->add_flag("--sim", args->sim, "Use the per-user simulation state folder");
  kp::add_device_options(*cmd, args->devices);
  cmd->callback([args, &ctx] { ctx.exit_code = provision(*args); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(80, install_provision);
