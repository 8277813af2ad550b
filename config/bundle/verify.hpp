#pragma once
// Verifies a config bundle against what the kiosk trusts, in TUF order:
//   1. root rotation: root/<v+1>.json, root/<v+2>.json … each signed by a
//      threshold of the previous root's root keys and of its own;
//   2. the (possibly new) root must not have expired;
//   3. metadata.json: size, shape, a threshold of targets signatures, version
//      not lower than the installed one (rollback), not expired (freeze);
//   4. every target: a safe name, within limits, exactly its signed length
//      and SHA-256 (mix-and-match);
//   5. config.json + texts.json pass config validation.
// Pure apart from reading the bundle folder; the clock is a parameter.
//
// Bundle folder:  metadata.json · root/<N>.json (optional) · the targets by
// name (config.json, texts.json, receipts/ticket.json, …). See docs/config.md.
#include "base/expected.hpp"
#include "config/bundle/metadata.hpp"
#include "config/config.hpp"

#include <filesystem>

namespace config::bundle {

struct Trust {
  RootMeta root;                       // pinned at provisioning, rotated by bundles
  std::int64_t installed_version = 0;  // targets version in use (0 = none yet)
};

struct VerifiedFile {
  std::string name;   // target name, a safe relative path
  std::string bytes;  // exactly what was hashed: install writes these bytes
};

struct VerifiedBundle {
  TargetsMeta targets;
  std::string metadata_text;
  RootMeta root;                        // the root after any rotation
  std::vector<std::string> root_chain;  // accepted new root documents, in order
  std::vector<VerifiedFile> files;
  KioskConfig config;
};

// Accepts the rotation chain `documents` (root v+1, v+2, …) onto `trusted`.
kx::expected<RootMeta, Refusal> rotate_root(const RootMeta& trusted,
                                            const std::vector<std::string>& documents);

// Steps 2–3 on metadata text alone (the agent runs this before downloading).
kx::expected<TargetsMeta, Refusal> verify_metadata(std::string_view metadata_text,
                                                   const RootMeta& root,
                                                   std::int64_t installed_version, Time now,
                                                   const Limits& limits = {});

kx::expected<VerifiedBundle, Refusal> verify_bundle(const std::filesystem::path& dir,
                                                    const Trust& trust, Time now,
                                                    const Limits& limits = {});

// Reads a root document the kiosk already trusts (no signature check: it
// was checked when it was pinned or rotated in).
kx::expected<RootMeta, Refusal> load_trusted_root(const std::filesystem::path& file);

}  // namespace config::bundle
