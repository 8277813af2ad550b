#include "kiosk/app/technician_service.hpp"

#include "config/bundle/install.hpp"
#include "config/technician/lockout_file.hpp"
#include "kiosk/app/provision_files.hpp"
#include "kiosk/app/technician_log_export.hpp"
#include "kiosk/app/version.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace fs = std::filesystem;
namespace {

const char* check_name(core::TechAction action) {
  switch (action) {
    case core::TechAction::test_reader:
      return "idcard_reader";
    case core::TechAction::test_printer:
      return "printer";
    case core::TechAction::test_scanner:
      return "scanner";
    case core::TechAction::test_platform:
      return "platform";
    case core::TechAction::export_logs:
      return "export_logs";
  }
  return "";
}

// Provisioning records the terminal id when config does not carry one.
std::string provisioned_terminal(const fs::path& state_dir) {
  std::ifstream in(state_dir / "provision" / "state.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return {};
  return j.value("terminal_id", "");
}

std::string export_stamp() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

}  // namespace

TechnicianService::TechnicianService(AppEvents& events, const config::KioskConfig& cfg,
                                     fs::path state_dir, TechnicianOptions options,
                                     std::unique_ptr<VolumeOutput> volume)
    : events_(events),
      pin_hash_(cfg.technician.pin_hash),
      policy_{cfg.technician.max_attempts, std::chrono::seconds(cfg.technician.lockout_s)},
      config_version_(cfg.version),
      terminal_id_(cfg.terminal_id),
      hall_id_(cfg.hall.id),
      provisioning_(cfg.provisioning),
      state_dir_(std::move(state_dir)),
      options_(std::move(options)),
      volume_(std::move(volume)) {
  if (options_.log_dir.empty()) options_.log_dir = state_dir_ / "logs";
  if (terminal_id_.empty()) terminal_id_ = provisioned_terminal(state_dir_);
  if (auto trust = config::bundle::load_trust(state_dir_ / "config")) {
    config_version_ += " (bundle v" + std::to_string(trust->installed_version) + ")";
  }
  TechSettings defaults;
  defaults.volume = cfg.devices.volume_percent;
  defaults.brightness = cfg.devices.brightness_percent;
  defaults.touch = core::make_orientation(cfg.devices.touch_rotation_deg, false);
  settings_ = load_tech_settings(state_dir_ / "technician" / "settings.json", defaults);
  lockout_ = config::technician::load_lockout(
      lockout_file(),
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()),
      policy_);
  apply_level(core::TechLevel::volume, settings_.volume);
  apply_level(core::TechLevel::brightness, settings_.brightness);

  // The status page's "last errors", and log files for the export (the
  // journal keeps stderr; a USB export needs files).
  recent_errors_ = std::make_shared<RecentErrors>();
  spdlog::default_logger()->sinks().push_back(recent_errors_);
  std::error_code ec;
  fs::create_directories(options_.log_dir, ec);
  try {
    log_file_ = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        (options_.log_dir / "kiosk.log").string(), 4 << 20, 3);
    spdlog::default_logger()->sinks().push_back(log_file_);
  } catch (const spdlog::spdlog_ex& e) {
    spdlog::warn("technician: no log file in {}: {}", options_.log_dir.string(), e.what());
  }
  worker_ = std::thread([this] { worker_loop(); });
}

TechnicianService::~TechnicianService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  auto& sinks = spdlog::default_logger()->sinks();
  std::erase_if(sinks, [&](const auto& s) { return s == recent_errors_ || s == log_file_; });
}

void TechnicianService::run_on_worker(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
}

void TechnicianService::worker_loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

bool TechnicianService::take(const core::Effect& effect) {
  if (const auto* e = std::get_if<core::TechCheckPin>(&effect)) {
    // PBKDF2 takes a noticeable moment: off the UI thread.
    run_on_worker(
        [this, request = e->request, pin = e->pin, via = e->via] { check_pin(request, pin, via); });
    return true;
  }
  if (const auto* e = std::get_if<core::TechRunAction>(&effect)) {
    spdlog::info("technician: {} started", check_name(e->action));
    run_on_worker([this, action = e->action] { run_action(action); });
    return true;
  }
  if (const auto* e = std::get_if<core::TechProvision>(&effect)) {
    run_on_worker([this, request = *e] { provision(request); });
    return true;
  }
  if (const auto* e = std::get_if<core::TechApplyLevel>(&effect)) {
    apply_level(e->level, e->percent);
    save();
    return true;
  }
  if (const auto* e = std::get_if<core::TechApplyTouch>(&effect)) {
    {
      std::lock_guard lock(settings_mutex_);
      settings_.touch = e->touch;
    }
    spdlog::info("technician: touch orientation set to {} degrees{}", core::rotation_deg(e->touch),
                 core::mirrored(e->touch) ? ", mirrored" : "");
    save();
    return true;
  }
  if (const auto* e = std::get_if<core::TechLog>(&effect)) {
    spdlog::info("technician: {}", e->what);
    return true;
  }
  return false;
}

void TechnicianService::check_pin(core::RequestId request, const std::string& pin,
                                  const std::string& via) {
  namespace tech = config::technician;
  core::TechPinChecked answer{request, core::TechPinResult::disabled, 0, 0};
  if (pin_hash_.empty()) {
    spdlog::warn("technician: entry attempt ({}) refused: no PIN configured", via);
    events_.post(answer);
    return;
  }
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  // While locked the PIN is not even checked.
  const bool locked = lockout_.locked_until && now < *lockout_.locked_until;
  const tech::EntryDecision d =
      tech::attempt(lockout_, !locked && tech::pin_matches(pin, pin_hash_), now, policy_);
  if (d.next.failures != lockout_.failures || d.next.locked_until != lockout_.locked_until) {
    // Kept across restarts: switching off and on must not reset the count.
    if (!tech::save_lockout(lockout_file(), d.next)) {
      spdlog::warn("technician: the lockout state could not be saved to {}",
                   lockout_file().string());
    }
  }
  lockout_ = d.next;
  switch (d.entry) {
    case tech::Entry::granted:
      answer.result = core::TechPinResult::granted;
      spdlog::info("technician: entry granted ({})", via);
      break;
    case tech::Entry::wrong_pin:
      answer.result = core::TechPinResult::wrong_pin;
      answer.attempts_left = d.attempts_left;
      spdlog::warn("technician: wrong PIN ({}), {} attempts left", via, d.attempts_left);
      break;
    case tech::Entry::locked:
      answer.result = core::TechPinResult::locked;
      answer.retry_in_s = static_cast<int>(d.retry_in.count());
      spdlog::warn("technician: entry locked ({}), {} s left", via, d.retry_in.count());
      break;
  }
  events_.post(answer);
  if (d.entry == tech::Entry::granted) events_.post(core::TechInfoLoaded{info()});
}

core::TechInfo TechnicianService::info() {
  core::TechInfo i;
  i.config_version = config_version_;
  i.terminal_id = terminal_id_;
  i.app_version = kVersion;
  i.last_errors = recent_errors_->lines();
  // Read now, not at start: the config agent may refuse a bundle while the kiosk runs.
  if (auto r = config::bundle::last_refusal_record(state_dir_ / "config")) {
    i.config_refused = config::bundle::to_string(r->refusal.reason);
    if (r->refused_version > 0)
      i.config_refused += " (v" + std::to_string(r->refused_version) + ")";
    if (!r->refusal.detail.empty()) i.config_refused += ": " + r->refusal.detail;
  }
  i.provision_platform = provisioning_.platform_url;
  i.hall_id = hall_id_;
  i.provision_done = kiosk::provision::load_progress(kiosk::provision::Files{state_dir_}).done;
  std::lock_guard lock(settings_mutex_);  // the UI thread changes them
  i.volume = settings_.volume;
  i.brightness = settings_.brightness;
  i.touch = settings_.touch;
  return i;
}

void TechnicianService::run_action(core::TechAction action) {
  core::TechActionDone done{action, false, {}};
  if (action == core::TechAction::export_logs) {
    std::optional<fs::path> usb =
        options_.usb_dir.empty() ? find_usb_stick() : std::optional<fs::path>(options_.usb_dir);
    if (!usb) {
      done.detail = "未找到U盘 / No USB stick found";
    } else if (auto r = export_logs(options_.log_dir, *usb, terminal_id_, export_stamp()); !r) {
      done.detail = "导出失败 / Export failed: " + r.error();
    } else {
      done.ok = true;
      done.detail = std::to_string(r->files) + " → " + r->folder.string();
    }
  } else if (!options_.device_test) {
    done.detail = "device tests are not available in this build";
  } else {
    const auto quiet = quiet_devices();
    const DeviceTestResult r = options_.device_test(check_name(action));
    done.ok = r.ok;
    done.detail = r.detail;
  }
  // Device details are the checks' own; masked all the same.
  done.detail = mask_personal_data(done.detail);
  if (done.ok) {
    spdlog::info("technician: {} passed: {}", check_name(action), done.detail);
  } else {
    spdlog::warn("technician: {} failed: {}", check_name(action), done.detail);
  }
  events_.post(done);
}

std::optional<devices::PortShare::Hold> TechnicianService::quiet_devices() {
  if (!options_.device_ports) return std::nullopt;
  // The reader steps every 300 ms, the printer checks every 250 ms while held.
  return options_.device_ports->hold(std::chrono::seconds(5));
}

void TechnicianService::provision(const core::TechProvision& e) {
  core::TechProvisionDone done;
  done.failed_step = "certificate";
  if (!options_.provision) {
    done.detail = "本版本不支持在屏幕上开通 / provisioning is not available in this build";
  } else if (provisioning_.platform_url.empty()) {
    done.detail = "配置未指定平台地址 / config names no platform (provisioning.platform_url)";
  } else {
    ProvisionRequest request{provisioning_.platform_url,
                             e.token,
                             e.hall,
                             e.terminal,
                             (options_.config_dir / provisioning_.ca_file).string(),
                             provisioning_.root_file.empty()
                                 ? std::string()
                                 : (options_.config_dir / provisioning_.root_file).string()};
    // The token is never logged: it enrols a device until the platform spends it.
    spdlog::info("technician: provisioning started (platform {}, hall {}, terminal {})",
                 request.platform_url, e.hall, e.terminal);
    const auto quiet = quiet_devices();
    const ProvisionOutcome outcome = options_.provision(request, [&](const ProvisionNote& n) {
      switch (n.kind) {
        case ProvisionNote::started:
          events_.post(core::TechProvisionStep{n.step, false});
          break;
        case ProvisionNote::skipped:
        case ProvisionNote::done:
          spdlog::info("technician: provisioning: {} {}", n.step,
                       n.kind == ProvisionNote::done ? "done" : "already done");
          events_.post(core::TechProvisionStep{n.step, true});
          break;
        case ProvisionNote::output:
          spdlog::info("technician: provisioning: {}: {}", n.step, mask_personal_data(n.text));
          break;
        case ProvisionNote::failed:
          break;  // logged with the outcome
      }
    });
    done.ok = outcome.ok;
    done.failed_step = outcome.failed_step;
    done.detail = mask_personal_data(outcome.reason);
    done.terminal_id = outcome.terminal_id;
  }
  if (done.ok) {
    spdlog::info("technician: provisioning complete, terminal {}", done.terminal_id);
    if (terminal_id_.empty()) terminal_id_ = done.terminal_id;
    provisioned_ = true;
  } else {
    spdlog::warn("technician: provisioning failed at {}: {}", done.failed_step, done.detail);
  }
  events_.post(done);
}

void TechnicianService::apply_level(core::TechLevel level, int percent) {
  {
    std::lock_guard lock(settings_mutex_);
    (level == core::TechLevel::volume ? settings_.volume : settings_.brightness) = percent;
  }
  if (level == core::TechLevel::volume) {
    if (auto r = volume_->set(percent); !r) spdlog::warn("technician: volume: {}", r.error());
    spdlog::info("technician: volume {}%", percent);
    return;
  }
  if (options_.backlight_dir.empty()) return;
  auto r = set_backlight(options_.backlight_dir, percent);
  if (!r) {
    spdlog::warn("technician: brightness: {}", r.error());
  } else {
    spdlog::info("technician: brightness {}%{}", percent, *r ? "" : " (no backlight device)");
  }
}

void TechnicianService::save() {
  if (auto r = save_tech_settings(state_dir_ / "technician" / "settings.json", settings_); !r) {
    spdlog::error("technician: settings not saved: {}", r.error());
  }
}

SDL_Event TechnicianService::map_touch(SDL_Event event, int width, int height) const {
  if (settings_.touch == core::Orientation{} || width <= 0 || height <= 0) return event;
  const auto map = [&](Sint32& x, Sint32& y) {
    const core::Point p = core::map_point(
        settings_.touch, core::Point{(static_cast<float>(x) + 0.5f) / static_cast<float>(width),
                                     (static_cast<float>(y) + 0.5f) / static_cast<float>(height)});
    x = std::clamp(static_cast<Sint32>(p.x * static_cast<float>(width)), 0, width - 1);
    y = std::clamp(static_cast<Sint32>(p.y * static_cast<float>(height)), 0, height - 1);
  };
  switch (event.type) {
    case SDL_MOUSEMOTION:
      map(event.motion.x, event.motion.y);
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      map(event.button.x, event.button.y);
      break;
    default:
      break;
  }
  return event;
}

}  // namespace kiosk::app
