// `kiosk-admin config …`: validate a config folder, sign it into a bundle,
// publish the bundle into the static repository kiosks poll.
#include "config/bundle/repo.hpp"
#include "config/bundle/sign.hpp"
#include "config/config.hpp"
#include "kiosk/cli/registry.hpp"
#include "tools/kiosk-admin/admin_io.hpp"

#include <iostream>
#include <memory>

namespace {

namespace cb = config::bundle;
namespace fs = std::filesystem;

struct ConfigArgs {
  std::string dir, expires, repo;
  std::vector<std::string> keys, roots;
  std::int64_t version = 0;
};

// The same validation the kiosk runs, plus the file rules of bundles.
bool validate(const fs::path& dir) {
  auto cfg = config::load(dir);
  if (!cfg) {
    std::cerr << cfg.error().to_string() << "\n";
    return false;
  }
  auto targets = cb::describe_targets(dir, 1, cb::Time{});
  if (!targets) {
    std::cerr << targets.error() << "\n";
    return false;
  }
  return true;
}

// Copies root documents (rotations) into DIR/root/<version>.json.
bool include_roots(const fs::path& dir, const std::vector<std::string>& roots) {
  for (const auto& file : roots) {
    auto text = kiosk_admin::read_text(file);
    if (!text) return false;
    auto root = cb::parse_root(*text);
    if (!root) {
      std::cerr << file << ": " << root.error().to_string() << "\n";
      return false;
    }
    fs::create_directories(dir / "root");
    if (!kiosk_admin::write_text(dir / cb::repo_root_path(root->meta.version), *text)) return false;
  }
  return true;
}

int sign(const ConfigArgs& a) {
  if (!validate(a.dir) || !include_roots(a.dir, a.roots)) return 1;
  auto expires = cb::parse_time(a.expires);
  if (!expires) {
    std::cerr << "--expires: " << expires.error() << "\n";
    return 1;
  }
  auto meta = cb::describe_targets(a.dir, a.version, *expires);
  auto pems = kiosk_admin::read_keys(a.keys);
  if (!meta || !pems) return 1;
  auto doc = cb::sign_document(cb::canonical_targets(*meta), *pems);
  if (!doc) {
    std::cerr << doc.error() << "\n";
    return 1;
  }
  if (!kiosk_admin::write_text(fs::path(a.dir) / "metadata.json", *doc)) return 1;
  std::cout << "signed version " << a.version << ": " << meta->targets.size() << " files, "
            << pems->size() << " signatures\n";
  return 0;
}

void install_config(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group = kiosk::cli::group(root, "config", "Validate, sign and publish config bundles");
  auto args = std::make_shared<ConfigArgs>();

  auto* validate_cmd =
      group.add_subcommand("validate", "Check a config folder (file, field, reason)");
  validate_cmd->add_option("DIR", args->dir, "Folder with config.json, texts.json, …")->required();
  validate_cmd->callback([args, &ctx] {
    ctx.exit_code = validate(args->dir) ? 0 : 1;
    if (ctx.exit_code == 0) std::cout << "ok\n";
  });

  auto* sign_cmd = group.add_subcommand("sign", "Write DIR/metadata.json signed by the keys");
  sign_cmd->add_option("DIR", args->dir, "Config folder")->required();
  sign_cmd->add_option("--key", args->keys, "Private key file; repeat for a threshold")->required();
  sign_cmd->add_option("--version", args->version, "Config version, higher than the last")
      ->required()
      ->check(CLI::PositiveNumber);
  sign_cmd->add_option("--expires", args->expires, "YYYY-MM-DDTHH:MM:SSZ")->required();
  sign_cmd->add_option("--root", args->roots, "New root.json to carry (key rotation)");
  sign_cmd->callback([args, &ctx] { ctx.exit_code = sign(*args); });

  auto* publish_cmd = group.add_subcommand("publish", "Copy a signed bundle into a repository");
  publish_cmd->add_option("DIR", args->dir, "Signed bundle folder")->required();
  publish_cmd->add_option("--to", args->repo, "Repository folder (served over HTTPS)")->required();
  publish_cmd->callback([args, &ctx] {
    auto meta = cb::publish(args->dir, args->repo);
    if (!meta) std::cerr << meta.error() << "\n";
    if (meta) std::cout << "published version " << meta->version << " to " << args->repo << "\n";
    ctx.exit_code = meta ? 0 : 1;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(30, install_config);
