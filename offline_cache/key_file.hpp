#pragma once
// The outbox key lives in a root-only file (mode 0600, owned by the user the
// kiosk runs as, root in production) created once at provisioning. The path
// towards a TPM is in docs/offline-cache.md: the file would then hold a
// TPM-sealed blob, and load_key_file() would unseal it.
#include "base/expected.hpp"
#include "offline_cache/crypto.hpp"
#include "offline_cache/error.hpp"

#include <filesystem>

namespace offline_cache {

// Creates a fresh random key at `path` (mode 0600, parent made 0700 if
// missing), fsyncs file and folder. Never overwrites: key_exists instead,
// because replacing the key would make every queued item unreadable.
kx::expected<Key, Error> create_key_file(const std::filesystem::path& path);

// Reads the key; refuses files others can read or write (key_insecure), or
// owned by another user, or of the wrong size (key_invalid).
kx::expected<Key, Error> load_key_file(const std::filesystem::path& path);

}  // namespace offline_cache
