// `kiosk run`: the citizen-facing kiosk.
#include "kiosk/app/cli/provision_steps.hpp"
#include "kiosk/app/cli/selftest_device_options.hpp"
#include "kiosk/app/cli/technician_device_test.hpp"
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/provision_files.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/cli/registry.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>

namespace {

struct RunArgs {
  kiosk::app::RunOptions options;
  std::string config_dir, state_dir, screenshot, script, screenshot_dir, size, lang, rasterizer,
      log_level = "info", usb_dir, log_dir, backlight_dir;
  int health_settle_s = static_cast<int>(options.health_settle.count());
  int health_grace_s = static_cast<int>(options.health_grace.count());
  int heartbeat_s = static_cast<int>(options.heartbeat_interval.count());
};

void install_run(CLI::App& root, kiosk::cli::Context& ctx) {
  auto args = std::make_shared<RunArgs>();
  auto& o = args->options;
  o.font_path = kiosk::app::kDefaultFontPath;
  o.font_face = kiosk::app::kDefaultFontFace;
  auto* cmd = root.add_subcommand("run", "Run the kiosk (citizen UI)");
  cmd->add_option("--config", args->config_dir,
                  "Config folder (default /etc/kiosk; --sim: bundled)");
  cmd->add_option("--state", args->state_dir,
                  "State folder (default /var/lib/kiosk; --sim: per user)");
  cmd->add_flag("--sim", o.sim, "Simulated devices and a local platform; needs no root");
  cmd->add_flag("--headless", o.headless, "Render without a display");
  cmd->add_flag("--fullscreen", o.fullscreen, "Fill the panel (production)");
  cmd->add_option("--rasterizer", args->rasterizer, "soft (default) or sdl (GPU panels)")
      ->check(CLI::IsMember({"soft", "sdl"}));
  cmd->add_option("--screenshot", args->screenshot,
                  "Write the first fully rendered frame as PNG, then exit");
  cmd->add_option("--script", args->script,
                  "Run a UI script (tap, expect-text, shot, ...) then exit");
  cmd->add_option("--screenshot-dir", args->screenshot_dir, "Where a script's screenshots go");
  cmd->add_option("--size", args->size, "Panel size WxH, e.g. 1920x1080 (default from config)");
  cmd->add_option("--lang", args->lang, "Start language: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_flag("--elderly", o.elderly, "Start in elderly mode (larger text and targets)");
  cmd->add_option("--font", o.font_path, "CJK font file")->capture_default_str();
  cmd->add_option("--font-face", o.font_face, "Face index in a font collection")
      ->capture_default_str();
  cmd->add_option("--log-level", args->log_level, "trace|debug|info|warn|error")
      ->capture_default_str();
  cmd->add_option("--usb-dir", args->usb_dir,
                  "Technician log export target (default: the mounted USB stick)");
  cmd->add_option("--log-dir", args->log_dir, "Log files, for the export (default STATE/logs)");
  cmd->add_option("--backlight-dir", args->backlight_dir,
                  "Backlight devices (default /sys/class/backlight; --sim: none)");
  auto* health_settle = cmd->add_option(
      "--health-settle", args->health_settle_s,
      "After a config switch: seconds of running after the first frame before healthy is reported");
  health_settle->capture_default_str();
  cmd->add_option("--health-grace", args->health_grace_s,
                  "Seconds a switch may stay unconfirmed before it is rolled back (as the agent)")
      ->capture_default_str();
  cmd->add_option("--heartbeat-interval", args->heartbeat_s,
                  "Seconds between heartbeats of a provisioned kiosk")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->callback([args, &ctx] {
    auto& opt = args->options;
    spdlog::set_level(spdlog::level::from_str(args->log_level));
    if (!args->config_dir.empty()) opt.paths.config_dir = args->config_dir;
    opt.health_settle = std::chrono::seconds(std::max(args->health_settle_s, 0));
    opt.health_grace = std::chrono::seconds(std::max(args->health_grace_s, 0));
    opt.heartbeat_interval = std::chrono::seconds(args->heartbeat_s);
    if (!args->state_dir.empty()) opt.paths.state_dir = args->state_dir;
    if (args->rasterizer == "sdl") opt.rasterizer = kiosk::app::Rasterizer::sdl;
    if (!args->screenshot.empty()) opt.screenshot = args->screenshot;
    if (!args->script.empty()) opt.script = args->script;
    if (!args->screenshot_dir.empty()) opt.screenshot_dir = args->screenshot_dir;
    opt.technician.usb_dir = args->usb_dir;
    opt.technician.log_dir = args->log_dir;
    // A simulated kiosk on a laptop must not dim the laptop's own panel.
    opt.technician.backlight_dir = !args->backlight_dir.empty() ? args->backlight_dir
                                   : opt.sim                    ? std::string()
                                             : std::string("/sys/class/backlight");
    const auto paths = kiosk::app::resolve_paths(opt.paths, opt.sim);
    // The device tests open the devices where the app finds them. With
    // --sim those are the simulators the app itself started and holds.
    kiosk::provision::DeviceAddresses devices;
    if (opt.sim) {
      devices.not_configured =
          "--sim: the simulated devices are the running app's; test them with `kiosk selftest "
          "--reader/--printer/--scanner`";
    } else {
      devices = kiosk::provision::app_device_addresses(kiosk::app::config_dir_in_use(
          paths.config_dir, kiosk::provision::Files{paths.state_dir}.config_store()));
    }
    opt.technician.device_test = [state_dir = paths.state_dir, devices](const std::string& check) {
      return kiosk::provision::run_device_check(state_dir, devices, check);
    };
    // Provisioning from the technician screen: the steps of `kiosk provision`.
    opt.technician.provision = [state_dir = paths.state_dir, devices](
                                   const kiosk::app::ProvisionRequest& request,
                                   const kiosk::app::ProvisionObserver& observe) {
      return kiosk::provision::run_provisioning(request, kiosk::provision::Files{state_dir},
                                                devices, observe);
    };
    if (!args->lang.empty()) opt.lang = (args->lang == "en") ? core::Lang::en : core::Lang::zh;
    if (!args->size.empty()) {
      int w = 0, h = 0;
      if (std::sscanf(args->size.c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 320) {
        std::cerr << "尺寸格式应为 宽x高，例如 1920x1080\n--size must be WxH, e.g. 1920x1080\n";
        ctx.exit_code = 2;
        return;
      }
      opt.width = w;
      opt.height = h;
    }
    ctx.exit_code = kiosk::app::run_kiosk(opt);
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(10, install_run);
