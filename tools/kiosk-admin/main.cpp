// kiosk-admin: what operators run on their own machine to sign config for
// the fleet (keys, roots, bundles, the static repository) and to see the
// fleet's heartbeats. Each command group registers itself from its own file.
#include "kiosk/cli/registry.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Kiosk fleet administration: keys, signed config bundles, fleet status",
               "kiosk-admin"};
  return kiosk::cli::run(app, argc, argv);
}
