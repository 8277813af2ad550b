#pragma once
// `kiosk screenshots DIR`: every screen, in Chinese and English, standard
// and elderly mode, portrait and landscape, as PNGs anyone can look at —
// drawn by the real UI and the software rasteriser, no display needed. The
// screens are kiosk/app/screen_states' samples (a ticket issued, a case's
// timeline, pages scanned, a scanner jam, ...), each reached through the
// core. Files are named STATE-LANG-MODE-ORIENTATION.png
// (home-zh-elderly-portrait.png, materials_jammed-en-standard-landscape.png).
#include "base/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::app {

struct ScreenshotOptions {
  std::filesystem::path out_dir;
  std::filesystem::path config_dir;
  std::filesystem::path font_path;
  int font_face = 2;
};

// Returns the files written.
kx::expected<std::vector<std::filesystem::path>, std::string> write_screenshots(
    const ScreenshotOptions& options);

}  // namespace kiosk::app
