// The real `kiosk` executable, headless: the README's screenshot command
// works, the PNG shows the home screen, and faults a person can meet are
// told in Chinese and English.
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
const std::string kKiosk = std::string(KIOSK_BINARY_DIR) + "/bin/kiosk";

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  std::array<std::uint8_t, 3> at(int x, int y) const {
    const auto* p = &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                           static_cast<std::size_t>(x)) *
                          4];
    return {p[0], p[1], p[2]};
  }
};

Image read_png(const fs::path& path) {
  Image img;
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, path.c_str())) return img;
  png.format = PNG_FORMAT_RGBA;
  img.rgba.resize(PNG_IMAGE_SIZE(png));
  if (png_image_finish_read(&png, nullptr, img.rgba.data(), 0, nullptr)) {
    img.width = static_cast<int>(png.width);
    img.height = static_cast<int>(png.height);
  }
  return img;
}

fs::path temp_dir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("kiosk-test-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(RunHeadless, WritesTheHomeScreenInPortraitAndLandscape) {
  const fs::path dir = temp_dir("shot");
  for (auto [size, w, h] :
       {std::tuple{"1080x1920", 1080, 1920}, std::tuple{"1920x1080", 1920, 1080}}) {
    const fs::path png = dir / (std::string(size) + ".png");
    auto r = test::run_process({kKiosk, "run", "--sim", "--headless", "--size", size, "--state",
                                (dir / "state").string(), "--screenshot", png.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(png.string()), std::string::npos);  // says where it wrote
    const Image img = read_png(png);
    ASSERT_EQ(img.width, w);
    ASSERT_EQ(img.height, h);
    // The header band is government blue; the body is the light background.
    EXPECT_EQ(img.at(w / 2, 10), (std::array<std::uint8_t, 3>{0x0A, 0x3D, 0x7A}));
    // Text was drawn in the header: white pixels in the hall-name area.
    int white = 0;
    for (int y = 20; y < 140; ++y) {
      for (int x = 40; x < 400; ++x)
        white += img.at(x, y) == std::array<std::uint8_t, 3>{255, 255, 255};
    }
    EXPECT_GT(white, 500);
  }
  fs::remove_all(dir);
}

TEST(RunHeadless, ABrokenConfigIsRefusedInChineseAndEnglish) {
  const fs::path dir = temp_dir("badcfg");
  std::ofstream(dir / "config.json") << R"({"schema": 1, "hall": {"id": "h"}})";
  std::ofstream(dir / "texts.json") << "{}";
  auto r = test::run_process({kKiosk, "run", "--headless", "--config", dir.string(), "--state",
                              (dir / "state").string(), "--screenshot", (dir / "x.png").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("配置文件有误"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("configuration is invalid"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/hall/name"), std::string::npos) << r.err;  // field named
  EXPECT_FALSE(fs::exists(dir / "x.png"));
  fs::remove_all(dir);
}

TEST(RunHeadless, AMissingFontIsReported) {
  const fs::path dir = temp_dir("nofont");
  auto r = test::run_process({kKiosk, "run", "--sim", "--headless", "--font", "/nonexistent.ttc",
                              "--state", dir.string(), "--screenshot", (dir / "x.png").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("中文字体"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("font"), std::string::npos) << r.err;
  fs::remove_all(dir);
}

TEST(RunHeadless, BadSizeIsRejected) {
  auto r = test::run_process({kKiosk, "run", "--sim", "--headless", "--size", "huge"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("WxH"), std::string::npos);
}

TEST(Version, PrintsTheVersion) {
  auto r = test::run_process({kKiosk, "version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("kiosk ", 0), 0u) << r.out;
}

}  // namespace
