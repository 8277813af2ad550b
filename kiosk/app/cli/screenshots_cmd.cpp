// kiosk screenshots DIR: every screen in both languages, standard and
// elderly mode, both orientations (kiosk/app/screenshots.hpp).
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/app/screenshots.hpp"
#include "kiosk/cli/registry.hpp"

#include <iostream>
#include <memory>

namespace {

void install_screenshots(CLI::App& root, kiosk::cli::Context& ctx) {
  auto* cmd = root.add_subcommand(
      "screenshots", "Write every screen (zh/en, standard/elderly, portrait/landscape) as PNG");
  auto o = std::make_shared<kiosk::app::ScreenshotOptions>();
  o->font_path = kiosk::app::kDefaultFontPath;
  o->font_face = kiosk::app::kDefaultFontFace;
  auto config = std::make_shared<std::string>();
  cmd->add_option("DIR", o->out_dir, "Folder for the PNGs")->required();
  cmd->add_option("--config", *config, "Config folder (default: the bundled one)");
  cmd->add_option("--font", o->font_path, "CJK font file")->capture_default_str();
  cmd->callback([o, config, &ctx] {
    o->config_dir =
        config->empty() ? kiosk::app::bundled_config_dir() : std::filesystem::path(*config);
    auto written = kiosk::app::write_screenshots(*o);
    if (!written) {
      std::cerr << "截图失败。\nScreenshots failed.\n  (" << written.error() << ")\n";
      ctx.exit_code = 1;
      return;
    }
    for (const auto& f : *written) std::cout << f.string() << "\n";
    ctx.exit_code = 0;
  });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(35, install_screenshots);
