// kiosk-devsim: simulators of the kiosk's devices that speak the real wire
// protocols over a pty. Each device registers its subcommand from its own
// file in this folder (see kiosk/cli/registry.hpp).
#include "kiosk/cli/registry.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Simulated kiosk devices (ID-card reader, receipt printer)", "kiosk-devsim"};
  return kiosk::cli::run(app, argc, argv);
}
