// `kiosk-admin root create`: the root of trust the kiosks pin: which keys
// may sign roots and targets, with thresholds. A rotation is the same
// command with --version N+1, signed by the old root keys and the new ones.
#include "config/bundle/crypto.hpp"
#include "config/bundle/sign.hpp"
#include "kiosk/cli/registry.hpp"
#include "tools/kiosk-admin/admin_io.hpp"

#include <iostream>
#include <memory>

namespace {

namespace cb = config::bundle;

struct RootArgs {
  std::vector<std::string> root_pubs, target_pubs, sign_keys;
  int root_threshold = 1, targets_threshold = 1;
  std::int64_t version = 1;
  std::string expires, out;
};

// Adds each public key file to the role; false if one is unreadable or bad.
bool add_keys(const std::vector<std::string>& files, cb::RootMeta& meta, cb::Role& role) {
  for (const auto& f : files) {
    auto text = kiosk_admin::read_text(f);
    if (!text) return false;
    const std::string pub = text->substr(0, text->find_first_of(" \r\n"));
    const std::string id = cb::key_id(pub);
    if (id.empty()) {
      std::cerr << f << " is not an Ed25519 public key (64 hex digits)\n";
      return false;
    }
    meta.keys[id] = pub;
    role.keyids.push_back(id);
  }
  return true;
}

int create_root(const RootArgs& a) {
  cb::RootMeta meta;
  meta.version = a.version;
  auto expires = cb::parse_time(a.expires);
  if (!expires) {
    std::cerr << "--expires: " << expires.error() << "\n";
    return 1;
  }
  meta.expires = *expires;
  if (!add_keys(a.root_pubs, meta, meta.root) || !add_keys(a.target_pubs, meta, meta.targets)) {
    return 1;
  }
  meta.root.threshold = a.root_threshold;
  meta.targets.threshold = a.targets_threshold;
  const std::string canonical = cb::canonical_root(meta);
  // Round-trip through the kiosk's own parser: what we write, kiosks accept.
  if (auto check = cb::parse_root(cb::envelope(canonical, {})); !check) {
    std::cerr << check.error().to_string() << "\n";
    return 1;
  }
  auto pems = kiosk_admin::read_keys(a.sign_keys);
  if (!pems) return 1;
  auto doc = cb::sign_document(canonical, *pems);
  if (!doc) {
    std::cerr << doc.error() << "\n";
    return 1;
  }
  return kiosk_admin::write_text(a.out, *doc) ? 0 : 1;
}

void install_root(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& group = kiosk::cli::group(root, "root", "Root of trust (pinned by kiosks)");
  auto args = std::make_shared<RootArgs>();
  auto* create = group.add_subcommand("create", "Write a signed root.json (also for rotation)");
  create->add_option("--root-key", args->root_pubs, "Public key file allowed to sign roots")
      ->required();
  create->add_option("--root-threshold", args->root_threshold)->capture_default_str();
  create->add_option("--targets-key", args->target_pubs, "Public key file allowed to sign config")
      ->required();
  create->add_option("--targets-threshold", args->targets_threshold)->capture_default_str();
  create->add_option("--version", args->version, "1, or the trusted version + 1 to rotate")
      ->capture_default_str();
  create->add_option("--expires", args->expires, "YYYY-MM-DDTHH:MM:SSZ")->required();
  create
      ->add_option("--sign", args->sign_keys,
                   "Private key files (a rotation needs old and new root keys)")
      ->required();
  create->add_option("--out", args->out, "Output file")->required();
  create->callback([args, &ctx] { ctx.exit_code = create_root(*args); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(20, install_root);
