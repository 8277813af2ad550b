#pragma once
// The kiosk's configuration: what an operator changes (hall, texts, display,
// timeouts). Loaded from a folder (/etc/kiosk in production) holding
// config.json and texts.json. Validation names the file, the field and the
// reason, so an operator can fix a bad bundle without reading code.
#include "base/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace config {

struct Bilingual {
  std::string zh;
  std::string en;
};

struct Hall {
  std::string id;
  Bilingual name;
};

struct Display {
  int width = 1080;  // portrait panel by default
  int height = 1920;
};

struct Timeouts {
  int inactivity_s = 120;  // whole-session inactivity limit
  int warning_s = 30;      // warn this long before the limit (WCAG 2.2.1: >= 20 s)
};

// Device settings an operator may change; the device's own protocol
// details stay in the driver.
struct Devices {
  int printer_paper_mm = 80;    // 58 or 80
  int scanner_dpi = 300;        // 150..600
  int volume_percent = 70;      // 0..100
  int brightness_percent = 80;  // 10..100
  int touch_rotation_deg = 0;   // 0, 90, 180, 270 (technician recalibration)
  // Where the kiosk finds its devices (`kiosk run`, `kiosk selftest
  // --app-devices`, the technician's device tests).
  std::string reader = "/dev/ttyUSB0";   // serial port or usb:VID:PID
  std::string printer = "/dev/usb/lp0";  // /dev/usb/lpN, a serial port, or usb:VID:PID
  std::string scanner;                   // a SANE device name; "" = the first SANE finds
};

// What elderly mode (适老化模式) starts with in this hall.
struct ElderlyDefaults {
  bool on_by_default = false;
  int text_scale_percent = 140;  // 100..200
  bool speech = true;            // read screens aloud
  int extra_time_s = 60;         // added to the inactivity limit, 0..600
};

// The kiosk shows "under maintenance" and applies config only inside these.
struct MaintenanceWindow {
  std::vector<int> weekdays;  // 1 = Monday … 7 = Sunday
  int start_minute = 0;       // minutes after local midnight, from "HH:MM"
  int end_minute = 0;         // exclusive; may be < start (window past midnight)
};

// Per-hall changes to the platform's service catalogue (事项目录).
struct CatalogueOverride {
  bool hidden = false;
  std::optional<Bilingual> name;  // replaces the platform's name
  int order = 0;                  // lower first; 0 keeps the platform's order
};

// Technician-mode entry (config/technician/pin.hpp checks PINs against it).
struct Technician {
  std::string pin_hash;  // "pbkdf2-sha256$…"; "" = technician mode disabled
  int max_attempts = 5;  // wrong PINs in a row before lockout, 3..10
  int lockout_s = 300;   // 60..3600
};

// Where a technician's provisioning from the kiosk's own screen enrols: the
// image carries the platform's address and trust anchors, so the technician
// types only the one-time token (and confirms hall and terminal). Files are
// named relative to the config folder.
struct Provisioning {
  std::string platform_url;  // https://…; "" = provisioning from the screen is off
  std::string ca_file;       // the CA the platform's certificate must chain to
  std::string root_file;     // the operators' root.json to pin; "" = none
};

struct KioskConfig {
  int schema = 1;
  std::string version;  // operator's config version, shown to technicians
  Hall hall;
  std::string terminal_id;
  Display display;
  Timeouts timeouts;
  Devices devices;
  ElderlyDefaults elderly;
  std::vector<MaintenanceWindow> maintenance_windows;
  std::map<std::string, CatalogueOverride> catalogue;  // by item code
  Technician technician;
  Provisioning provisioning;
  std::map<std::string, Bilingual> texts;  // every string a screen shows, by id
};

struct ConfigError {
  std::string file;    // e.g. "config.json"
  std::string field;   // JSON pointer, e.g. "/timeouts/warning_s"
  std::string reason;  // English, for operators and logs
  std::string to_string() const { return file + ": " + field + ": " + reason; }
};

// Reads and validates <dir>/config.json and <dir>/texts.json.
kx::expected<KioskConfig, ConfigError> load(const std::filesystem::path& dir);

// Parses and validates from memory (the bundle verifier and tests use this).
kx::expected<KioskConfig, ConfigError> parse(std::string_view config_json,
                                             std::string_view texts_json);

}  // namespace config
