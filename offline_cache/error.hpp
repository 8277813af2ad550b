#pragma once
// Errors of the offline cache. Each code has a message a person can read in
// Chinese and English (the kiosk shows it; technicians read it in logs);
// `detail` adds technical context and never carries personal data.
#include <string>

namespace offline_cache {

enum class ErrorCode {
  io,                // the file system refused (permissions, missing folder, ...)
  disk_full,         // the disk (or the SQLite page limit) has no room left
  quota_full,        // the outbox reached its configured quota
  corrupt,           // the database failed its integrity check
  wrong_key,         // the key does not decrypt this outbox
  key_missing,       // no key file: the kiosk was not provisioned
  key_insecure,      // the key file is readable by others or has the wrong owner
  key_invalid,       // the key file has the wrong size or cannot be read
  key_exists,        // provisioning would overwrite an existing key
  decrypt_failed,    // one item's ciphertext failed authentication
  not_found,         // no such item
  invalid_argument,  // caller error (empty kind, bad state change, ...)
  busy,              // another process holds the outbox
  internal,          // SQLite or OpenSSL failed unexpectedly
};

struct Error {
  ErrorCode code;
  std::string detail;
};

const char* to_string(ErrorCode code);
// The person-facing texts for a code.
const char* message_zh(ErrorCode code);
const char* message_en(ErrorCode code);
// "中文 / English (detail)" for logs and the CLI.
std::string describe(const Error& e);

}  // namespace offline_cache
