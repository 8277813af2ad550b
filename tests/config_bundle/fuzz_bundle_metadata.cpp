// Bundle metadata arrives from the network: the parsers of root.json and
// metadata.json must refuse anything malformed with a reason, never crash.
// The input is split at the first NUL into a root and a targets document.
#include "config/bundle/metadata.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace cb = config::bundle;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const auto cut = all.find('\0');
  const auto root_text = all.substr(0, cut);
  const auto targets_text = cut == std::string_view::npos ? all : all.substr(cut + 1);
  if (auto root = cb::parse_root(root_text)) {
    // Invariants the verifier relies on.
    for (const auto* role : {&root->meta.root, &root->meta.targets}) {
      if (role->threshold < 1 || role->threshold > static_cast<int>(role->keyids.size())) {
        __builtin_trap();
      }
    }
  } else if (root.error().detail.empty()) {
    __builtin_trap();
  }
  if (auto targets = cb::parse_targets(targets_text)) {
    for (const auto& [name, info] : targets->meta.targets) {
      if (info.sha256.size() != 64) __builtin_trap();
    }
    (void)cb::canonical_targets(targets->meta);
  }
  (void)cb::parse_time(all.substr(0, 20));
  (void)cb::is_safe_target_name(all.substr(0, 140));
  return 0;
}
