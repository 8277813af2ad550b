#include "config/bundle/repo.hpp"

#include "config/bundle/crypto.hpp"
#include "config/bundle/durable_file.hpp"
#include "config/bundle/read_limited.hpp"

#include <algorithm>
#include <chrono>

namespace config::bundle {
namespace fs = std::filesystem;

kx::expected<TargetsMeta, std::string> publish(const fs::path& bundle_dir, const fs::path& repo) {
  const Limits limits;
  auto text = read_limited(bundle_dir / "metadata.json", limits.max_metadata_bytes);
  if (!text) return kx::unexpected(text.error().to_string());
  auto meta = parse_targets(*text);
  if (!meta) return kx::unexpected(meta.error().to_string());
  std::error_code ec;
  fs::create_directories(repo / "targets", ec);
  fs::create_directories(repo / "root", ec);
  if (ec) return kx::unexpected("cannot create " + repo.string() + ": " + ec.message());
  for (const auto& [name, info] : meta->meta.targets) {
    if (!is_safe_target_name(name)) return kx::unexpected(name + " is not a safe file name");
    auto bytes = read_limited(bundle_dir / name, limits.max_target_bytes);
    if (!bytes) return kx::unexpected(bytes.error().to_string());
    if (bytes->size() != info.length || sha256_hex(*bytes) != info.sha256) {
      return kx::unexpected(name + " does not match metadata.json; sign the bundle again");
    }
    if (auto w = durable::replace_file(repo / repo_target_path(info), *bytes); !w) {
      return kx::unexpected(w.error());
    }
  }
  for (const auto& entry : fs::directory_iterator(bundle_dir / "root", ec)) {
    auto root = read_limited(entry.path(), limits.max_metadata_bytes);
    if (!root) return kx::unexpected(root.error().to_string());
    if (auto w = durable::replace_file(repo / "root" / entry.path().filename(), *root); !w) {
      return kx::unexpected(w.error());
    }
  }
  // Servers such as nginx derive the ETag from mtime and size; two
  // publishes in one second with equal sizes (signatures are fixed length)
  // would share an ETag and kiosks would miss the second. Move the time on.
  const auto file = repo / "metadata.json";
  auto stamp = fs::file_time_type::clock::now();
  if (fs::exists(file, ec))
    stamp = std::max(stamp, fs::last_write_time(file, ec) + std::chrono::seconds(1));
  if (auto w = durable::replace_file(file, *text); !w) return kx::unexpected(w.error());
  fs::last_write_time(file, stamp, ec);
  return meta->meta;
}

}  // namespace config::bundle
