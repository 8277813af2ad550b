#pragma once
#include "tools/platform-sim/sim_app.hpp"

namespace platform_sim {
// Runs until killed. Prints "READY https://HOST:PORT" on stdout once it accepts
// connections. Returns a process exit code.
int run_server(const Options& opt);
}  // namespace platform_sim
