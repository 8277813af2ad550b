#pragma once
// Why a config bundle was refused. Every refusal names one reason (for code,
// tests and the heartbeat flag) and a detail (for the log and the operator);
// the kiosk keeps running on the config it has.
#include <string>

namespace config::bundle {

enum class Reason {
  metadata_missing,       // no metadata.json in the bundle
  metadata_malformed,     // not JSON, or a field is missing or of the wrong type
  unsigned_metadata,      // no signature at all
  bad_signature,          // a signature does not verify and the threshold is not met
  below_threshold,        // valid signatures from too few distinct trusted keys
  expired,                // the targets metadata expired (also: a replayed stale bundle)
  root_expired,           // the trusted root itself expired
  rollback,               // version lower than the installed one
  root_rotation_invalid,  // a new root not signed by the old root and itself
  target_missing,         // a listed file is absent
  hash_mismatch,          // a file differs from its SHA-256 or length (mix-and-match)
  oversized,              // metadata, a file or the whole bundle exceeds its limit
  path_traversal,         // a target name escapes the bundle (.., /, symlink, ...)
  config_invalid,         // the files are authentic but config validation fails
  io_error,               // the kiosk could not read or write its own files
};

struct Refusal {
  Reason reason;
  std::string detail;  // English, precise: which file, key, version, limit
  std::string to_string() const;
};

// Stable snake_case name: logs, heartbeat flags, `kiosk config verify` output.
const char* to_string(Reason r);
// Short bilingual text for the technician screen.
const char* describe_zh(Reason r);
const char* describe_en(Reason r);

}  // namespace config::bundle
