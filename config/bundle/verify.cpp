#include "config/bundle/verify.hpp"

#include "config/bundle/crypto.hpp"
#include "config/bundle/read_limited.hpp"

namespace config::bundle {
namespace fs = std::filesystem;

namespace {

kx::unexpected<Refusal> refuse(Reason r, std::string detail) {
  return kx::unexpected(Refusal{r, std::move(detail)});
}

// Rotation documents present in the bundle, from trusted.version + 1 on.
kx::expected<std::vector<std::string>, Refusal> read_root_chain(const fs::path& dir,
                                                                std::int64_t trusted_version,
                                                                const Limits& limits) {
  std::vector<std::string> chain;
  for (std::int64_t v = trusted_version + 1;; ++v) {
    const auto file = dir / "root" / (std::to_string(v) + ".json");
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) break;
    if (chain.size() >= limits.max_root_chain) {
      return refuse(Reason::oversized, "more than " + std::to_string(limits.max_root_chain) +
                                           " root rotations in one bundle");
    }
    auto text = read_limited(file, limits.max_metadata_bytes);
    if (!text) return kx::unexpected(text.error());
    chain.push_back(std::move(*text));
  }
  return chain;
}

kx::expected<std::string, Refusal> read_target(const fs::path& dir, const std::string& name,
                                               const TargetInfo& info, const Limits& limits) {
  if (!is_safe_target_name(name)) {
    return refuse(Reason::path_traversal,
                  "target name \"" + name + "\" is not a safe relative path");
  }
  if (name == "metadata.json" || name.starts_with("root/")) {
    return refuse(Reason::path_traversal, "target name \"" + name + "\" is reserved");
  }
  if (info.length > limits.max_target_bytes) {
    return refuse(Reason::oversized, name + " declares " + std::to_string(info.length) +
                                         " bytes, limit " +
                                         std::to_string(limits.max_target_bytes));
  }
  // No component may be a symlink: the bundle may not point outside itself.
  fs::path at = dir;
  for (const auto& part : fs::path(name)) {
    at /= part;
    std::error_code ec;
    const auto st = fs::symlink_status(at, ec);
    if (!fs::exists(st)) return refuse(Reason::target_missing, name + " is not in the bundle");
    if (fs::is_symlink(st)) return refuse(Reason::path_traversal, name + " is a symbolic link");
  }
  auto bytes = read_limited(at, info.length);
  if (!bytes) {
    if (bytes.error().reason == Reason::oversized) {
      return refuse(Reason::oversized,
                    name + " is longer than its signed length " + std::to_string(info.length));
    }
    return kx::unexpected(bytes.error());
  }
  if (bytes->size() != info.length) {
    return refuse(Reason::hash_mismatch, name + " is " + std::to_string(bytes->size()) +
                                             " bytes, signed length " +
                                             std::to_string(info.length));
  }
  if (sha256_hex(*bytes) != info.sha256) {
    return refuse(Reason::hash_mismatch, name + " does not match its signed SHA-256");
  }
  return bytes;
}

const std::string* find_file(const std::vector<VerifiedFile>& files, std::string_view name) {
  for (const auto& f : files) {
    if (f.name == name) return &f.bytes;
  }
  return nullptr;
}

}  // namespace

kx::expected<RootMeta, Refusal> rotate_root(const RootMeta& trusted,
                                            const std::vector<std::string>& documents) {
  RootMeta current = trusted;
  for (const auto& text : documents) {
    auto next = parse_root(text);
    if (!next) {
      return refuse(Reason::root_rotation_invalid,
                    "root v" + std::to_string(current.version + 1) + ": " + next.error().detail);
    }
    const std::string what = "root v" + std::to_string(next->meta.version);
    if (next->meta.version != current.version + 1) {
      return refuse(Reason::root_rotation_invalid,
                    what + " does not follow trusted root v" + std::to_string(current.version));
    }
    auto by_old = check_threshold(what + " (signed by the old root)", next->canonical,
                                  next->signatures, current.keys, current.root);
    if (!by_old) return refuse(Reason::root_rotation_invalid, by_old.error().detail);
    auto by_new = check_threshold(what + " (signed by itself)", next->canonical, next->signatures,
                                  next->meta.keys, next->meta.root);
    if (!by_new) return refuse(Reason::root_rotation_invalid, by_new.error().detail);
    current = next->meta;
  }
  return current;
}

kx::expected<TargetsMeta, Refusal> verify_metadata(std::string_view text, const RootMeta& root,
                                                   std::int64_t installed_version, Time now,
                                                   const Limits& limits) {
  if (root.expires <= now) {
    return refuse(Reason::root_expired, "trusted root v" + std::to_string(root.version) +
                                            " expired at " + format_time(root.expires));
  }
  if (text.size() > limits.max_metadata_bytes) {
    return refuse(Reason::oversized,
                  "metadata.json exceeds " + std::to_string(limits.max_metadata_bytes) + " bytes");
  }
  auto meta = parse_targets(text);
  if (!meta) return kx::unexpected(meta.error());
  auto signed_ok =
      check_threshold("metadata.json", meta->canonical, meta->signatures, root.keys, root.targets);
  if (!signed_ok) return kx::unexpected(signed_ok.error());
  const auto& m = meta->meta;
  if (m.version < installed_version) {
    return refuse(Reason::rollback, "version " + std::to_string(m.version) +
                                        " is older than installed version " +
                                        std::to_string(installed_version));
  }
  if (m.expires <= now) {
    return refuse(Reason::expired, "version " + std::to_string(m.version) + " expired at " +
                                       format_time(m.expires) + " (now " + format_time(now) + ")");
  }
  if (m.targets.size() > limits.max_targets) {
    return refuse(Reason::oversized, std::to_string(m.targets.size()) + " targets, limit " +
                                         std::to_string(limits.max_targets));
  }
  std::uint64_t total = 0;
  for (const auto& [name, info] : m.targets)
    total += std::min<std::uint64_t>(info.length, 1ULL << 40);
  if (total > limits.max_total_bytes) {
    return refuse(Reason::oversized, "targets total " + std::to_string(total) + " bytes, limit " +
                                         std::to_string(limits.max_total_bytes));
  }
  return m;
}

kx::expected<VerifiedBundle, Refusal> verify_bundle(const fs::path& dir, const Trust& trust,
                                                    Time now, const Limits& limits) {
  VerifiedBundle out;
  auto chain = read_root_chain(dir, trust.root.version, limits);
  if (!chain) return kx::unexpected(chain.error());
  auto root = rotate_root(trust.root, *chain);
  if (!root) return kx::unexpected(root.error());
  out.root = *root;
  out.root_chain = std::move(*chain);

  const auto meta_file = dir / "metadata.json";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(meta_file, ec))) {
    return refuse(Reason::metadata_missing, "no metadata.json in " + dir.string());
  }
  auto text = read_limited(meta_file, limits.max_metadata_bytes);
  if (!text) return kx::unexpected(text.error());
  auto targets = verify_metadata(*text, out.root, trust.installed_version, now, limits);
  if (!targets) return kx::unexpected(targets.error());
  out.targets = std::move(*targets);
  out.metadata_text = std::move(*text);

  for (const auto& [name, info] : out.targets.targets) {
    auto bytes = read_target(dir, name, info, limits);
    if (!bytes) return kx::unexpected(bytes.error());
    out.files.push_back({name, std::move(*bytes)});
  }
  const std::string* cfg = find_file(out.files, "config.json");
  const std::string* texts = find_file(out.files, "texts.json");
  if (cfg == nullptr || texts == nullptr) {
    return refuse(Reason::config_invalid, "the bundle must list config.json and texts.json");
  }
  auto parsed = config::parse(*cfg, *texts);
  if (!parsed) return refuse(Reason::config_invalid, parsed.error().to_string());
  out.config = std::move(*parsed);
  return out;
}

kx::expected<RootMeta, Refusal> load_trusted_root(const fs::path& file) {
  auto text = read_limited(file, Limits{}.max_metadata_bytes);
  if (!text) return kx::unexpected(text.error());
  auto root = parse_root(*text);
  if (!root) return kx::unexpected(root.error());
  return root->meta;
}

}  // namespace config::bundle
