#include "kiosk/app/paths.hpp"

#include <cstdlib>

namespace kiosk::app {
namespace fs = std::filesystem;

namespace {

std::optional<fs::path> env_path(const char* name) {
  const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up only
  if (v == nullptr || *v == '\0') return std::nullopt;
  return fs::path(v);
}

fs::path per_user_state_dir() {
  if (auto xdg = env_path("XDG_STATE_HOME")) return *xdg / "kiosk-sim";
  if (auto home = env_path("HOME")) return *home / ".local" / "state" / "kiosk-sim";
  return fs::temp_directory_path() / "kiosk-sim";
}

}  // namespace

fs::path bundled_config_dir() {
  if (auto dir = env_path("KIOSK_BUNDLED_CONFIG_DIR")) return *dir;
  return fs::path(KIOSK_BUNDLED_CONFIG_DIR);
}

Paths resolve_paths(const PathOverrides& flags, bool sim) {
  Paths p;
  p.config_dir = flags.config_dir.value_or(
      env_path("KIOSK_CONFIG_DIR")
          .value_or(sim ? bundled_config_dir() : fs::path(kProductionConfigDir)));
  p.state_dir = flags.state_dir.value_or(
      env_path("KIOSK_STATE_DIR")
          .value_or(sim ? per_user_state_dir() : fs::path(kProductionStateDir)));
  return p;
}

}  // namespace kiosk::app
