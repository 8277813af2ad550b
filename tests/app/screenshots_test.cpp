// `kiosk screenshots DIR` writes every screen in both languages, standard
// and elderly mode, both orientations, as real PNG files.
#include "kiosk/app/screenshots.hpp"
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/screen_states.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace {

TEST(Screenshots, EveryScreenInBothLanguagesModesAndOrientations) {
  const auto dir = std::filesystem::path(testing::TempDir()) / "kiosk-screenshots";
  std::filesystem::remove_all(dir);
  kiosk::app::ScreenshotOptions o;
  o.out_dir = dir;
  o.config_dir = KIOSK_SOURCE_DIR "/config/defaults";
  o.font_path = kiosk::app::kDefaultFontPath;
  o.font_face = kiosk::app::kDefaultFontFace;
  auto written = kiosk::app::write_screenshots(o);
  ASSERT_TRUE(written.has_value()) << written.error();
  const auto states = kiosk::app::screen_states(core::initial_state(core::Settings{}));
  EXPECT_GT(states.size(), 40u);
  EXPECT_EQ(written->size(), states.size() * 2 * 2 * 2);
  std::set<std::string> names;
  for (const auto& f : *written) {
    names.insert(f.filename().string());
    std::ifstream in(f, std::ios::binary);
    char magic[8] = {};
    in.read(magic, 8);
    EXPECT_EQ(std::string(magic + 1, 3), "PNG") << f;
    EXPECT_GT(std::filesystem::file_size(f), 10'000u) << f;  // a drawn screen, not a blank
  }
  EXPECT_TRUE(names.contains("home-zh-elderly-portrait.png"));
  EXPECT_TRUE(names.contains("rating-en-standard-landscape.png"));
  EXPECT_TRUE(names.contains("materials_jammed-en-standard-landscape.png"));
  EXPECT_TRUE(names.contains("appointment_confirm-zh-elderly-portrait.png"));
  EXPECT_TRUE(names.contains("preapply_pending-zh-standard-portrait.png"));
  std::filesystem::remove_all(dir);
}

}  // namespace
