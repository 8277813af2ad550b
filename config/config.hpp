#pragma once
// The kiosk's configuration: what an operator changes (hall, texts, display,
// timeouts). Loaded from a folder (/etc/kiosk in production) holding
// config.json and texts.json. Validation names the file, the field and the
// reason, so an operator can fix a bad bundle without reading code.
#include "base/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

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

struct KioskConfig {
  int schema = 1;
  std::string version;  // operator's config version, shown to technicians
  Hall hall;
  std::string terminal_id;
  Display display;
  Timeouts timeouts;
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
