// `kiosk-admin keygen --out NAME`: an Ed25519 key pair for an operator:
// NAME.key (PKCS#8 PEM, mode 0600, never overwritten) and NAME.pub (hex).
#include "config/bundle/crypto.hpp"
#include "kiosk/cli/registry.hpp"
#include "tools/kiosk-admin/admin_io.hpp"

#include <iostream>
#include <memory>

namespace {

namespace cb = config::bundle;

void install_keygen(CLI::App& root, kiosk::cli::Context& ctx) {
  auto out = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand("keygen", "Create an operator key pair (NAME.key, NAME.pub)");
  cmd->add_option("--out", *out, "Path prefix of the two files")->required();
  cmd->callback([out, &ctx] {
    const std::string key_file = *out + ".key";
    if (std::filesystem::exists(key_file)) {
      std::cerr << key_file << " exists; refusing to overwrite a key\n";
      ctx.exit_code = 1;
      return;
    }
    auto pair = cb::generate_ed25519();
    if (!pair) {
      std::cerr << pair.error() << "\n";
      ctx.exit_code = 1;
      return;
    }
    const bool ok = kiosk_admin::write_text(key_file, pair->private_pem, 0600) &&
                    kiosk_admin::write_text(*out + ".pub", pair->public_hex + "\n");
    if (ok) std::cout << "key id " << cb::key_id(pair->public_hex) << "\n";
    ctx.exit_code = ok ? 0 : 1;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(10, install_keygen);
