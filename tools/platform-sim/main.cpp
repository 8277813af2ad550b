// platform-sim: a faithful stand-in for the city's government-service
// platform, for development, demos and tests. See docs/platform-api.md.
#include "tools/platform-sim/server.hpp"

#include <CLI/CLI.hpp>

#include <csignal>

int main(int argc, char** argv) {
  CLI::App cli{"政务服务平台模拟器 · Government-service platform simulator", "platform-sim"};
  platform_sim::Options opt;
  std::string listen = "127.0.0.1:0";
  std::string state;
  cli.add_option("--listen", listen, "HOST:PORT to serve HTTPS on (port 0 picks a free one)");
  cli.add_option("--state", state, "Folder for the CA, tokens and the SQLite state")->required();
  cli.add_option("--faults", opt.faults,
                 "Fault spec, e.g. \"latency=50;5xx=0.1\" (see faults.hpp)");
  cli.add_option("--seed", opt.seed, "Seed for fault decisions");
  cli.add_option("--tokens", opt.tokens, "How many unused enrolment tokens to keep ready")
      ->check(CLI::Range(1, 10000));
  cli.add_option("--threads", opt.threads, "Worker threads (one per open connection)")
      ->check(CLI::Range(4, 2000));
  cli.add_flag("--log-requests", opt.log_requests, "Log method, path and status to stderr");
  CLI11_PARSE(cli, argc, argv);
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "platform-sim: --listen wants HOST:PORT\n");
    return 2;
  }
  opt.host = listen.substr(0, colon);
  try {
    opt.port = std::stoi(listen.substr(colon + 1));
  } catch (...) {
    std::fprintf(stderr, "platform-sim: bad port in --listen\n");
    return 2;
  }
  opt.state_dir = state;
  std::signal(SIGPIPE, SIG_IGN);
  return platform_sim::run_server(opt);
}
