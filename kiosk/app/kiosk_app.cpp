#include "kiosk/app/kiosk_app.hpp"

#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/devices.hpp"
#include "kiosk/app/devices/script_actions.hpp"
#include "kiosk/app/event_wait.hpp"
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/heartbeat_sender.hpp"
#include "kiosk/app/network_monitor.hpp"
#include "kiosk/app/outbox_events.hpp"
#include "kiosk/app/platform_effects.hpp"
#include "kiosk/app/preapply_effects.hpp"
#include "kiosk/app/preapply_materials_effects.hpp"
#include "kiosk/app/provision_files.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/app/script.hpp"
#include "kiosk/app/technician_service.hpp"
#include "kiosk/app/version.hpp"
#include "kiosk/app/wall_clock.hpp"
#include "ui/ui.hpp"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <iostream>

namespace kiosk::app {
namespace {

// Printed for people (technicians at the console, operators in the journal).
int fail(const std::string& zh, const std::string& en, const std::string& detail) {
  std::cerr << zh << "\n" << en << "\n  (" << detail << ")\n";
  spdlog::error("{}: {}", en, detail);
  return 1;
}

class Session {
 public:
  Session(core::State state, core::Texts texts)
      : state_(std::move(state)), texts_(std::move(texts)) {}

  // Applies an event; true if the state changed (and so must be drawn).
  bool apply(const core::Event& event) {
    core::Step step = core::reduce(state_, event);
    for (const core::Effect& effect : step.effects) carry_out(effect);
    const bool changed = !(step.state == state_);
    state_ = std::move(step.state);
    return changed;
  }
  const core::State& state() const { return state_; }
  const core::Texts& texts() const { return texts_; }
  // A part of the app that carries out some effects (platform, devices,
  // outbox): it returns true for those it took.
  using Handler = std::function<bool(const core::Effect&)>;
  void add_handler(Handler handler) { handlers_.push_back(std::move(handler)); }

 private:
  void carry_out(const core::Effect& effect) {
    for (const Handler& handler : handlers_) {
      if (handler(effect)) return;
    }
    if (const auto* speak = std::get_if<core::Speak>(&effect)) {
      // Text ids only: personal data is never spoken (nor logged).
      spdlog::debug("speak {}", speak->text_id);
    } else if (std::holds_alternative<core::NotifyStaff>(effect)) {
      spdlog::info("citizen asked for staff");
    } else if (std::holds_alternative<core::WipeSession>(effect)) {
      spdlog::info("session ended; session data wiped");
    }
  }

  core::State state_;
  core::Texts texts_;
  std::vector<Handler> handlers_;
};

config::bundle::Time wall_seconds() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// The config this run uses: the signed-config store's current one when an
// operator's bundle is installed (an overdue switch rolled back first),
// else the config folder. A store config that does not load is given up at
// once, so a bad config can never keep the kiosk from starting.
struct LoadedConfig {
  RunningConfig running;
  kx::expected<config::KioskConfig, config::ConfigError> cfg;
};

LoadedConfig load_running_config(const Paths& paths, std::chrono::seconds grace) {
  const auto store = provision::Files{paths.state_dir}.config_store();
  for (int attempt = 0; attempt < 2; ++attempt) {
    RunningConfig running = choose_config(paths.config_dir, store, wall_seconds(), grace);
    if (!running.store) break;
    auto cfg = config::load(running.dir);
    if (cfg) return {std::move(running), std::move(cfg)};
    spdlog::error("config {} from the store does not load: {}", running.folder,
                  cfg.error().to_string());
    // Rolls back a pending switch now; a confirmed config that broke falls
    // through to the config folder.
    auto h = config::bundle::health_step(store, false, wall_seconds(), std::chrono::seconds{0});
    if (!h || h->action != config::bundle::HealthAction::roll_back) break;
  }
  // Watching the store still notices the next install; the folder that
  // failed is not restarted onto again.
  RunningConfig fallback{paths.config_dir, std::nullopt, config::bundle::current_folder(store),
                         store};
  auto cfg = config::load(fallback.dir);
  return {std::move(fallback), std::move(cfg)};
}

}  // namespace

core::Texts texts_from(const config::KioskConfig& cfg) {
  std::map<std::string, core::Text, std::less<>> by_id;
  for (const auto& [id, t] : cfg.texts) by_id.emplace(id, core::Text{t.zh, t.en});
  by_id.insert_or_assign("hall.name", core::Text{cfg.hall.name.zh, cfg.hall.name.en});
  return core::Texts(std::move(by_id));
}

core::Settings settings_from(const config::KioskConfig& cfg) {
  core::Settings s;
  s.inactivity_limit = std::chrono::seconds(cfg.timeouts.inactivity_s);
  s.inactivity_warning = std::chrono::seconds(cfg.timeouts.warning_s);
  s.hall_name_zh = cfg.hall.name.zh;
  return s;
}

int run_kiosk(const RunOptions& options) {
  const Paths paths = resolve_paths(options.paths, options.sim);
  LoadedConfig loaded = load_running_config(paths, options.health_grace);
  const RunningConfig& config_in_use = loaded.running;
  auto& cfg = loaded.cfg;
  if (!cfg) {
    return fail("配置文件有误，终端无法启动。请联系运维人员。",
                "The kiosk configuration is invalid; please contact the operator.",
                (config_in_use.dir / cfg.error().to_string()).string());
  }
  spdlog::info("config {} from {}, hall {}", cfg->version, config_in_use.dir.string(),
               cfg->hall.id);
  HealthReport health(config_in_use, options.health_settle, options.health_grace);
  health.starting(wall_seconds());
  // A provisioned kiosk reports to its fleet; a --sim run has no fleet.
  std::optional<HeartbeatSender> heartbeats;
  if (!options.sim) {
    // The flag is the store's, whether or not a bundle was ever installed:
    // a kiosk on its image config refuses bad bundles too.
    heartbeats.emplace(HeartbeatSenderOptions{kVersion, cfg->version, config_in_use.watch,
                                              options.heartbeat_interval});
  }

  auto font = FontFile::map(options.font_path);
  if (!font) return fail("找不到中文字体。", "The Chinese font is missing.", font.error());

  core::Texts texts = texts_from(*cfg);
  // Each font size starts empty (but for its fallback) and takes the glyphs
  // the first frame draws with it.
  ui::GlyphSet seed;
  seed.add_utf8(" ?");
  ui::Fonts fonts(ui::FontSource{font->data(), font->size(), options.font_face}, seed);

  ScreenOptions screen_options;
  screen_options.width = options.width.value_or(cfg->display.width);
  screen_options.height = options.height.value_or(cfg->display.height);
  screen_options.headless = options.headless;
  screen_options.fullscreen = options.fullscreen;
  screen_options.rasterizer = options.rasterizer;
  auto screen = Screen::open(screen_options, std::move(fonts));
  if (!screen) return fail("无法打开显示屏。", "Cannot open the display.", screen.error());

  std::optional<ScriptRunner> script;
  if (options.script) {
    auto steps = load_script(*options.script);
    if (!steps) return fail("测试脚本有误。", "The script is invalid.", steps.error());
    std::filesystem::create_directories(options.screenshot_dir);
    script.emplace(std::move(*steps), options.screenshot_dir);
  }

  // Before any thread: it sets SANE's environment.
  if (options.sim) devices::use_simulated_scanner(paths.state_dir);
  AppClock clock;
  EventWaiter waiter;
  AppEvents app_events(waiter);
  // Before the threads that log: it adds the log file and "last errors".
  TechnicianOptions technician_options = options.technician;
  technician_options.config_dir = config_in_use.dir;
  const auto device_ports = std::make_shared<devices::PortShare>();
  technician_options.device_ports = device_ports;
  TechnicianService technician(app_events, *cfg, paths.state_dir, std::move(technician_options));
  // Declared before the monitor, which tells it about the platform: the
  // monitor's thread ends first.
  PlatformEffects platform_effects(app_events, cfg->hall.id,
                                   CatalogueCache(paths.state_dir / "catalogue.json"));
  if (!options.sim) platform_effects.connect(std::nullopt);  // until provisioning brings one
  // Scans and e-licences of the pre-application's materials step.
  MaterialsEffects materials_effects(
      app_events,
      {.device = cfg->devices.scanner, .dpi = cfg->devices.scanner_dpi, .sim = options.sim});
  if (!options.sim) materials_effects.connect(std::nullopt);
  // The outbox (docs/offline-cache.md), before the monitor that connects it.
  std::unique_ptr<OutboxService> outbox;
  bool outbox_tried = false;
  std::unique_ptr<NetworkMonitor> network;
  std::unique_ptr<devices::Devices> device_services;
  core::State initial = core::initial_state(settings_from(*cfg));
  if (options.lang) initial.lang = *options.lang;
  initial.elderly = options.elderly;
  Session session(std::move(initial), std::move(texts));
  session.add_handler([&](const core::Effect& e) { return platform_effects.take(e); });
  session.add_handler([&](const core::Effect& e) { return materials_effects.take(e); });
  session.add_handler([&](const core::Effect& e) { return technician.take(e); });
  session.add_handler(
      [&](const core::Effect& e) { return outbox != nullptr && take_outbox_effect(*outbox, e); });
  // Scanned pages travel with the submission from the materials step's page store.
  const PageLookup scanned_page =
      [&](core::PageHandle handle) -> std::optional<kiosk::platform::Page> {
    auto jpeg = materials_effects.page_jpeg(handle);
    if (!jpeg) return std::nullopt;
    return kiosk::platform::Page{"image/jpeg", std::move(jpeg)};
  };
  session.add_handler([&](const core::Effect& e) {
    return take_preapply_effect(outbox.get(), app_events, scanned_page, e);
  });
  session.add_handler([&](const core::Effect& e) {
    return device_services != nullptr && device_services->take(e);
  });
  core::Millis into_minute{0};
  session.apply(core::Tick{clock.monotonic(), clock.wall(&into_minute)});

  // ImGui settles a touch over a couple of frames (press, release, result).
  constexpr int kFramesAfterInput = 2;
  int frames_owed = 1;
  bool running = true;
  while (running) {
    if (frames_owed > 0) {
      Screen::Frame frame = (*screen)->render(session.state(), session.texts());
      --frames_owed;
      for (const core::Event& e : frame.events) {
        if (session.apply(e)) frames_owed = std::max(frames_owed, kFramesAfterInput);
      }
      if (!frame.complete) {
        frames_owed = std::max(frames_owed, 1);
        continue;
      }
      // The platform (and, with --sim, its simulator) comes up after the
      // first frame, off this thread: start-up never waits for the network.
      if (!outbox_tried && !options.screenshot) {
        outbox_tried = true;
        outbox = start_outbox(paths.state_dir, options.sim, app_events);
      }
      health.first_frame(wall_seconds());
      if (!network && !options.screenshot) {
        NetworkMonitor::Options monitor_options;
        monitor_options.start_simulator = options.sim;
        if (!options.sim) {
          auto provisioned = provision::provisioned_client(provision::Files{paths.state_dir});
          if (provisioned) {
            monitor_options.platform = std::move(*provisioned);
          } else {
            spdlog::warn("platform: {}", provisioned.error());
          }
        }
        monitor_options.on_platform = [&](std::optional<platform::ClientConfig> c) {
          if (outbox && c) {
            if (auto r = outbox->connect(*c); !r) spdlog::error("outbox: {}", r.error());
          }
          materials_effects.connect(c);
          platform_effects.connect(std::move(c));
        };
        monitor_options.on_link_restored = [&] {
          if (outbox) outbox->network_returned();
        };
        network = std::make_unique<NetworkMonitor>(app_events, monitor_options);
      }
      // The devices come up after the first frame too, on their own threads.
      if (!device_services && !options.screenshot) {
        devices::DeviceOptions device_options;
        device_options.sim = options.sim;
        device_options.reader_port = cfg->devices.reader;
        device_options.printer_spec = cfg->devices.printer;
        device_options.receipt_templates = config_in_use.dir / "receipts";
        device_options.paper_mm = cfg->devices.printer_paper_mm;
        device_options.share = device_ports;
        device_services = std::make_unique<devices::Devices>(app_events, device_options);
      }
      if (options.screenshot && !script) {
        auto written = (*screen)->screenshot(*options.screenshot);
        if (!written) return fail("截图失败。", "Screenshot failed.", written.error());
        std::cout << options.screenshot->string() << "\n";
        return 0;
      }
      if (frames_owed > 0) continue;
    }

    // The screen has settled: a script, if any, takes its next step.
    bool script_waiting = false;
    if (script) {
      const ScriptAction action =
          script->next(session.state(), (*screen)->last_frame(), std::chrono::steady_clock::now());
      switch (action.kind) {
        case ScriptAction::tap:
          (*screen)->inject_tap(action.x, action.y);
          break;
        case ScriptAction::screenshot: {
          auto written = (*screen)->screenshot(action.file);
          if (!written) return fail("截图失败。", "Screenshot failed.", written.error());
          std::cout << action.file.string() << "\n";
          continue;
        }
        case ScriptAction::wait:
          script_waiting = true;
          break;
        case ScriptAction::done:
          return 0;
        case ScriptAction::fail:
          return fail("测试脚本未通过。", "The script failed.", action.error);
        case ScriptAction::device:
          if (action.verb == "insert-pages") {
            auto feeder = parse_sim_feeder(action.arg);
            if (!feeder) return fail("测试脚本未通过。", "The script failed.", feeder.error());
            materials_effects.insert_pages(std::move(*feeder));
          } else if (action.verb == "platform") {
            if (!network) {
              return fail("测试脚本未通过。", "The script failed.",
                          "platform: no embedded simulator (run with --sim)");
            }
            network->simulate_outage(action.arg == "down");
          } else if (auto done = script_device_action(action, device_services.get(), app_events);
                     !done) {
            return fail("测试脚本未通过。", "The script failed.", done.error());
          }
          // Some device actions change nothing on screen (pages in the
          // feeder): go on to the next step without waiting for input.
          script_waiting = true;
          break;
        case ScriptAction::none:
          break;
      }
    }

    // The kiosk's own duties between sessions: the health report after a
    // config switch, heartbeats, and a restart onto a config the agent
    // installed or after provisioning from the technician screen (systemd
    // starts the kiosk again; never during a session).
    health.tick(wall_seconds());
    if (heartbeats && outbox) {
      heartbeats->tick(std::chrono::steady_clock::now(), session.state(), *outbox);
    }
    if (!script && !core::session_active(session.state()) && health.config_switched()) {
      spdlog::info("config: {} is current now; restarting onto it",
                   config::bundle::current_folder(config_in_use.watch));
      return 0;
    }
    // Also under a script: provisioning is real, whoever typed the token.
    if (!core::session_active(session.state()) && technician.provisioned()) {
      spdlog::info("provisioning: complete; restarting as the new terminal");
      return 0;
    }

    // Sleep until input or the next timer (clock minute, inactivity warning,
    // the health report).
    const core::Millis wake = core::next_wakeup(session.state(), into_minute);
    auto wait = std::clamp<std::int64_t>((wake - clock.monotonic()).count(), 0, 60'000);
    if (heartbeats && outbox) {
      const auto steady = std::chrono::steady_clock::now();
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(
          heartbeats->next_due(steady) - steady);
      wait = std::clamp<std::int64_t>(until.count() + 1, 0, wait);
    }
    if (auto due = health.due()) {
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(
          *due + std::chrono::seconds{1} - std::chrono::system_clock::now());
      wait = std::clamp<std::int64_t>(until.count(), 0, wait);
    }
    if (script_waiting) wait = std::min<std::int64_t>(wait, 50);  // re-check the wait's deadline
    SDL_Event event;
    if (waiter.wait(event, static_cast<int>(wait))) {
      do {
        if (event.type == SDL_QUIT) running = false;
        (*screen)->process(
            technician.map_touch(event, screen_options.width, screen_options.height));
      } while (SDL_PollEvent(&event) != 0);
      frames_owed = kFramesAfterInput;
    }
    for (const core::Event& e : app_events.take()) {
      if (session.apply(e)) frames_owed = std::max(frames_owed, 1);
    }
    if (session.apply(core::Tick{clock.monotonic(), clock.wall(&into_minute)})) {
      frames_owed = std::max(frames_owed, 1);
    }
  }
  return 0;
}

}  // namespace kiosk::app
