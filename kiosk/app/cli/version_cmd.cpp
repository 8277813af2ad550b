#include "kiosk/app/version.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>

namespace {

void install_version(CLI::App& root, kiosk::cli::Context& ctx) {
  auto* cmd = root.add_subcommand("version", "Print the kiosk version");
  cmd->callback([&ctx] {
    std::cout << "kiosk " << kiosk::app::kVersion << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(900, install_version);
