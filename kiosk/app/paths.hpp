#pragma once
// Where the kiosk keeps things. Production: config in /etc/kiosk, state
// (outbox, keys, certificates) in /var/lib/kiosk, logs to the journal
// (stderr under systemd). `--sim` runs use a per-user folder so they need
// no root. Every path can be overridden per run by flag or environment.
#include <filesystem>
#include <optional>

namespace kiosk::app {

struct PathOverrides {
  std::optional<std::filesystem::path> config_dir;  // --config / KIOSK_CONFIG_DIR
  std::optional<std::filesystem::path> state_dir;   // --state  / KIOSK_STATE_DIR
};

struct Paths {
  std::filesystem::path config_dir;
  std::filesystem::path state_dir;
};

inline constexpr const char* kProductionConfigDir = "/etc/kiosk";
inline constexpr const char* kProductionStateDir = "/var/lib/kiosk";

// The config shipped with the build (config/defaults), used by --sim runs
// when no other config is named.
std::filesystem::path bundled_config_dir();

// Flag beats environment beats default.
Paths resolve_paths(const PathOverrides& flags, bool sim);

}  // namespace kiosk::app
