#pragma once
// The static repository a fleet polls (any web server or CDN can serve it):
//
//   REPO/metadata.json         the newest signed targets metadata
//   REPO/root/<N>.json         every root since the first (for rotation)
//   REPO/targets/<sha256>      every file, named by its hash
//
// Files are content-addressed, so publishing writes all targets first and
// replaces metadata.json last (rename): a kiosk polling mid-publish sees the
// old metadata with its old targets, or the new with all of its targets.
#include "base/expected.hpp"
#include "config/bundle/metadata.hpp"

#include <filesystem>
#include <string>

namespace config::bundle {

// Copies a signed bundle folder into the repository. Refuses a bundle whose
// metadata is unreadable or whose files do not match it.
kx::expected<TargetsMeta, std::string> publish(const std::filesystem::path& bundle_dir,
                                               const std::filesystem::path& repo_dir);

inline std::string repo_target_path(const TargetInfo& t) {
  return "targets/" + t.sha256;
}
inline std::string repo_root_path(std::int64_t version) {
  return "root/" + std::to_string(version) + ".json";
}

}  // namespace config::bundle
