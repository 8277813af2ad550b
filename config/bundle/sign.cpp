#include "config/bundle/sign.hpp"

#include "config/bundle/crypto.hpp"
#include "config/bundle/read_limited.hpp"

namespace config::bundle {
namespace fs = std::filesystem;

kx::expected<TargetsMeta, std::string> describe_targets(const fs::path& dir, std::int64_t version,
                                                        Time expires) {
  TargetsMeta meta;
  meta.version = version;
  meta.expires = expires;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return kx::unexpected("cannot list " + dir.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return kx::unexpected("cannot list " + dir.string() + ": " + ec.message());
    const auto rel = fs::relative(it->path(), dir).generic_string();
    if (rel == "metadata.json" || rel == "root" || rel.starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink()) return kx::unexpected(rel + " is a symbolic link");
    if (it->is_directory()) continue;
    if (!is_safe_target_name(rel)) return kx::unexpected(rel + " is not a safe file name");
    auto bytes = read_limited(it->path(), Limits{}.max_target_bytes);
    if (!bytes) return kx::unexpected(bytes.error().detail);
    meta.targets[rel] = TargetInfo{bytes->size(), sha256_hex(*bytes)};
  }
  return meta;
}

kx::expected<std::string, std::string> sign_document(std::string_view canonical,
                                                     const std::vector<std::string>& private_pems) {
  std::vector<Signature> sigs;
  for (const auto& pem : private_pems) {
    auto key = load_private_pem(pem);
    if (!key) return kx::unexpected(key.error());
    auto sig = sign_hex(pem, canonical);
    if (!sig) return kx::unexpected(sig.error());
    sigs.push_back({key_id(key->public_hex), *sig});
  }
  return envelope(canonical, sigs);
}

}  // namespace config::bundle
