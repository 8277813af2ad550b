// The kiosk executable: every subcommand lives in kiosk/app/cli/*.cpp and
// registers itself (see kiosk/cli/registry.hpp).
#include "kiosk/cli/registry.hpp"

int main(int argc, char** argv) {
  CLI::App app{"政务服务自助终端 · Government self-service kiosk", "kiosk"};
  return kiosk::cli::run(app, argc, argv);
}
