// The verifier on hostile metadata: a fixed trusted root (one generated key
// per run), the input as metadata.json. Nothing unsigned may ever pass.
#include "config/bundle/crypto.hpp"
#include "config/bundle/metadata.hpp"
#include "config/bundle/verify.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
namespace cb = config::bundle;

const cb::RootMeta& trusted_root() {
  static const cb::RootMeta root = [] {
    const auto key = *cb::generate_ed25519();
    cb::RootMeta r;
    r.version = 1;
    r.expires = *cb::parse_time("2099-01-01T00:00:00Z");
    const auto id = cb::key_id(key.public_hex);
    r.keys[id] = key.public_hex;
    r.root = {{id}, 1};
    r.targets = {{id}, 1};
    return r;
  }();
  return root;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto now = *cb::parse_time("2026-11-28T00:00:00Z");
  // The fuzzer cannot forge a signature by a key generated at start-up.
  if (cb::verify_metadata(text, trusted_root(), 0, now)) __builtin_trap();
  (void)cb::rotate_root(trusted_root(), {std::string(text)});
  return 0;
}
