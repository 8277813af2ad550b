// `kiosk-admin pin-hash`: reads a technician PIN from stdin and prints the
// hash to put in config.json as technician.pin_hash. The PIN itself never
// goes into config, a bundle, or the command line (shell history).
#include "config/technician/pin.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>
#include <string>

namespace {

void install_pin(CLI::App& root, kiosk::cli::Context& ctx) {
  auto* cmd = root.add_subcommand("pin-hash", "Hash a technician PIN read from stdin");
  cmd->callback([&ctx] {
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    auto hash = config::technician::hash_pin(pin);
    if (!hash) {
      std::cerr << hash.error() << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << *hash << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(50, install_pin);
