#pragma once
// The running kiosk: owns the session state, feeds it events from the screen
// and the clock, carries out its effects, and draws only when something
// changed (input, a timer, a device event), so an idle kiosk sleeps.
#include "base/expected.hpp"
#include "config/config.hpp"
#include "kiosk/app/heartbeat_service.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/running_config.hpp"
#include "kiosk/app/screen.hpp"
#include "kiosk/app/technician_options.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/texts.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::app {

struct RunOptions {
  PathOverrides paths;
  bool sim = false;
  bool headless = false;
  bool fullscreen = false;
  Rasterizer rasterizer = Rasterizer::soft;
  std::optional<std::filesystem::path> screenshot;  // write the first complete frame, then exit
  std::optional<std::filesystem::path> script;  // run a script (kiosk/app/script.hpp), then exit
  std::filesystem::path screenshot_dir = ".";   // where a script's shots go
  std::optional<int> width, height;             // override the configured panel size
  std::optional<core::Lang> lang;
  bool elderly = false;
  std::filesystem::path font_path;
  int font_face = 0;
  TechnicianOptions technician;  // technician mode (docs/technician.md)
  // After a config switch: healthy is reported this long after the first
  // frame, and the switch is rolled back when no report came within the
  // grace (docs/config.md).
  std::chrono::seconds health_settle = kDefaultHealthSettle;
  std::chrono::seconds health_grace = config::bundle::kDefaultHealthGrace;
  std::chrono::seconds heartbeat_interval = kDefaultHeartbeatInterval;
};

// Config texts plus the hall name, as the UI looks them up.
core::Texts texts_from(const config::KioskConfig& cfg);
core::Settings settings_from(const config::KioskConfig& cfg);

// Runs until quit (or, with a screenshot, until it is written). Returns the
// process exit code; errors are printed in Chinese and English.
int run_kiosk(const RunOptions& options);

}  // namespace kiosk::app
