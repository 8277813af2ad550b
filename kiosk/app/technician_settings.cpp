#include "kiosk/app/technician_settings.hpp"

#include "config/bundle/durable_file.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::app {
namespace fs = std::filesystem;

TechSettings load_tech_settings(const fs::path& file, const TechSettings& defaults) {
  std::ifstream in(file);
  if (!in) return defaults;
  std::stringstream ss;
  ss << in.rdbuf();
  const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    spdlog::warn("technician settings {} unreadable; using config defaults", file.string());
    return defaults;
  }
  TechSettings s = defaults;
  const auto int_or = [&](const char* key, int fallback, int lo, int hi) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? std::clamp(it->get<int>(), lo, hi) : fallback;
  };
  s.volume = int_or("volume_percent", s.volume, 0, 100);
  s.brightness = int_or("brightness_percent", s.brightness, 10, 100);
  const int rotation = int_or("touch_rotation_deg", core::rotation_deg(s.touch), 0, 270);
  const auto mirrored = j.find("touch_mirrored");
  s.touch = core::make_orientation(rotation, mirrored != j.end() && mirrored->is_boolean()
                                                 ? mirrored->get<bool>()
                                                 : core::mirrored(s.touch));
  return s;
}

kx::expected<void, std::string> save_tech_settings(const fs::path& file, const TechSettings& s) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec)
    return kx::unexpected("cannot create " + file.parent_path().string() + ": " + ec.message());
  const nlohmann::json j = {{"volume_percent", s.volume},
                            {"brightness_percent", s.brightness},
                            {"touch_rotation_deg", core::rotation_deg(s.touch)},
                            {"touch_mirrored", core::mirrored(s.touch)}};
  return config::bundle::durable::replace_file(file, j.dump(2) + "\n");
}

kx::expected<bool, std::string> set_backlight(const fs::path& root, int percent) {
  std::error_code ec;
  bool any = false;
  for (const auto& dev : fs::directory_iterator(root, ec)) {
    std::ifstream max_in(dev.path() / "max_brightness");
    long max = 0;
    if (!(max_in >> max) || max <= 0) continue;
    std::ofstream out(dev.path() / "brightness");
    out << (max * std::clamp(percent, 0, 100) + 50) / 100 << "\n";
    out.flush();
    if (!out) return kx::unexpected("cannot write " + (dev.path() / "brightness").string());
    any = true;
  }
  return any;
}

}  // namespace kiosk::app
