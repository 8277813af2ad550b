#pragma once
// Installs verified bundles into a config store, atomically, keeping the
// last known good config:
//
//   STORE/versions/<v>-<id>/   one complete config per folder (+ metadata.json)
//   STORE/current   -> versions/…   what the kiosk loads (config::load)
//   STORE/last-good -> versions/…   the config confirmed healthy last
//   STORE/trust/root.json          the pinned root (rotated by bundles)
//   STORE/health-pending.json      a switch waiting for a healthy report
//   STORE/rolled-back.json         the last version given up on (not retried)
//   STORE/refusal.json             the last refused bundle (heartbeat flag)
//
// Apply: write the new folder under a staging name, fsync files and
// folders, rename it into place, write the marker, then switch `current` by
// renaming a fresh symlink over it. A kill at any point leaves `current`
// naming either the old folder or the new one, each complete.
#include "base/expected.hpp"
#include "config/bundle/health.hpp"
#include "config/bundle/verify.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace config::bundle {

struct StoreState {
  std::string current;    // version folder name, "" if none
  std::string last_good;  // "" if none
  std::int64_t installed_version = 0;
  std::int64_t rolled_back_version = 0;
  std::optional<PendingSwitch> pending;
};

kx::expected<StoreState, Refusal> read_store(const std::filesystem::path& store);

// The trust the verifier needs: the pinned root and the installed version.
kx::expected<Trust, Refusal> load_trust(const std::filesystem::path& store);

// Pins `root_json` as the trusted root (provisioning); refuses to replace an
// existing pin (rotation goes through signed bundles).
kx::expected<void, Refusal> pin_root(const std::filesystem::path& store,
                                     std::string_view root_json);

// Test seam: called after each durable step, so a test can kill the process
// exactly there. Production passes nothing.
using StepHook = std::function<void(std::string_view step)>;

enum class ApplyOutcome { installed, already_installed };

kx::expected<ApplyOutcome, Refusal> apply(const std::filesystem::path& store,
                                          const VerifiedBundle& bundle, Time now,
                                          const StepHook& hook = {});

// Removes what an interrupted apply left behind (staging folders, temporary
// links). Safe at any time; apply calls it first.
void clean_interrupted(const std::filesystem::path& store);

// The heartbeat flag: the last refusal (reason, detail, time) in
// STORE/refusal.json, for the heartbeat and technicians; a successful apply
// clears it. Best effort: a full disk must not hide the refusal's log line.
// `refused_version` is the bundle's version when it could be read (0 when not).
void record_refusal(const std::filesystem::path& store, const Refusal& refusal, Time now,
                    std::int64_t refused_version = 0);
std::optional<Refusal> last_refusal(const std::filesystem::path& store);

// The whole flag as recorded, for the heartbeat: when, and which version.
struct RecordedRefusal {
  Refusal refusal;
  std::string at;                    // RFC 3339 UTC, as recorded
  std::int64_t refused_version = 0;  // 0 when the bundle's version was not known
};
std::optional<RecordedRefusal> last_refusal_record(const std::filesystem::path& store);

// The version folder STORE/current names ("" when none): the app compares it
// with the one it loaded to notice a switch while it runs.
std::string current_folder(const std::filesystem::path& store);
// Where the version folder `folder` (e.g. current_folder's) lives in the store.
std::filesystem::path version_dir(const std::filesystem::path& store, std::string_view folder);

// The app started on `folder`: if that is the pending switch and no start
// was recorded yet, record `now` as its start (the grace counts from it).
// True when it recorded.
kx::expected<bool, Refusal> mark_started(const std::filesystem::path& store,
                                         std::string_view folder, Time now);

// What to do with a switch no app has started on yet (no started_at):
// `judge` it from the switch time (operators' `kiosk config health`), or
// `wait` for the app to try it (the app at start and the agent: a kiosk busy
// with a citizen restarts onto a new config only between sessions).
enum class Untried { judge, wait };

// Runs decide_health on the store and carries the decision out.
kx::expected<HealthDecision, Refusal> health_step(const std::filesystem::path& store,
                                                  bool reported_healthy, Time now,
                                                  std::chrono::seconds grace,
                                                  Untried untried = Untried::judge);

}  // namespace config::bundle
