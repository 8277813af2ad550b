#pragma once
// Subcommands register themselves, so a module adds `kiosk device idcard …`
// by adding one .cpp file to kiosk/app/cli/ (or `kiosk-devsim idcard` to
// tools/devsim/) without editing main(). The files are compiled straight
// into the executable, so the static registrars are never dropped.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::cli {

// Shared by every command of one executable run.
struct Context {
  int exit_code = 0;  // a command's callback sets this
};

using Installer = void (*)(CLI::App& root, Context& ctx);

struct Registration {
  int order;  // position in --help; lower first
  const char* name;
  Installer install;
};

inline std::vector<Registration>& registry() {
  static std::vector<Registration> r;
  return r;
}

struct Register {
  Register(int order, const char* name, Installer install) {
    registry().push_back({order, name, install});
  }
};

// Returns the subcommand `name` of `parent`, creating it on first use, so
// several files can add commands under one group (e.g. "device").
inline CLI::App& group(CLI::App& parent, const std::string& name, const std::string& description) {
  for (CLI::App* sub : parent.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return *sub;
  }
  CLI::App* created = parent.add_subcommand(name, description);
  created->require_subcommand(1);
  return *created;
}

// Installs every registered command group and runs the one named on the
// command line. Returns the process exit code.
inline int run(CLI::App& app, int argc, char** argv) {
  Context ctx;
  auto& regs = registry();
  std::stable_sort(regs.begin(), regs.end(),
                   [](const Registration& a, const Registration& b) { return a.order < b.order; });
  for (const auto& r : regs) r.install(app, ctx);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return ctx.exit_code;
}

}  // namespace kiosk::cli

#define KIOSK_CLI_CONCAT_(a, b) a##b
#define KIOSK_CLI_CONCAT(a, b) KIOSK_CLI_CONCAT_(a, b)
// KIOSK_REGISTER_COMMANDS(30, install_fn): call install_fn(root, ctx) at start-up.
#define KIOSK_REGISTER_COMMANDS(order, fn) \
  static const ::kiosk::cli::Register KIOSK_CLI_CONCAT(kiosk_cli_reg_, __LINE__)(order, #fn, fn)
