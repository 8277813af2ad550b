#pragma once
// What a technician sets on this kiosk — volume, brightness, the touch
// orientation — kept in <state>/technician/settings.json (config gives the
// defaults), and the seams that apply them: the panel's backlight through
// sysfs, the volume through an output that, on this hardware-less build,
// only records the level (there is no audio device here; speech reads the
// level from these settings).
#include "base/expected.hpp"
#include "kiosk/core/flows/technician_calibration.hpp"

#include <filesystem>
#include <string>

namespace kiosk::app {

struct TechSettings {
  int volume = 70;
  int brightness = 80;
  core::Orientation touch;
  bool operator==(const TechSettings&) const = default;
};

// Missing or unreadable file: `defaults` (a bad file is logged, never fatal).
TechSettings load_tech_settings(const std::filesystem::path& file, const TechSettings& defaults);
// Atomically (write, fsync, rename).
kx::expected<void, std::string> save_tech_settings(const std::filesystem::path& file,
                                                   const TechSettings& settings);

// The panel's backlight: writes brightness = max_brightness * percent / 100
// to every <root>/<device>/brightness (root is /sys/class/backlight; a temp
// folder in tests). No device under root is not an error on a dev machine:
// it returns false.
kx::expected<bool, std::string> set_backlight(const std::filesystem::path& root, int percent);

// The speech volume. Production wires the sound card's mixer here; this
// build has no audio device, so the only implementation records the level.
class VolumeOutput {
 public:
  virtual ~VolumeOutput() = default;
  virtual kx::expected<void, std::string> set(int percent) = 0;
};
class RecordedVolume : public VolumeOutput {
 public:
  kx::expected<void, std::string> set(int percent) override {
    level_ = percent;
    return {};
  }
  int level() const { return level_; }

 private:
  int level_ = -1;
};

}  // namespace kiosk::app
