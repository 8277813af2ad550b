#pragma once
// The operator's side of bundles (kiosk-admin and the tests use it): list
// a config folder as targets, and sign documents with one or more keys.
#include "base/expected.hpp"
#include "config/bundle/metadata.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace config::bundle {

// Every regular file under `dir` becomes a target, except metadata.json and
// root/ (bundle metadata) and hidden files. Refuses symlinks and unsafe names.
kx::expected<TargetsMeta, std::string> describe_targets(const std::filesystem::path& dir,
                                                        std::int64_t version, Time expires);

// The full document: `canonical` with one signature per private key (PEM).
kx::expected<std::string, std::string> sign_document(std::string_view canonical,
                                                     const std::vector<std::string>& private_pems);

}  // namespace config::bundle
