// The operator-facing sections of config.json added for fleet config
// (issue 9): devices, elderly-mode defaults, maintenance windows and
// catalogue overrides. Each bad value names file, field and reason.
#include "config/config.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

const std::string kHall = R"("hall": {"id": "h1", "name": {"zh": "大厅", "en": "Hall"}})";

kx::expected<config::KioskConfig, config::ConfigError> parse(const std::string& extra) {
  return config::parse("{" + kHall + (extra.empty() ? "" : ", " + extra) + "}", "{}");
}

std::string error_of(const std::string& extra) {
  auto r = parse(extra);
  return r ? "accepted" : r.error().to_string();
}

TEST(ConfigSchema, DefaultsWhenSectionsAreAbsent) {
  auto c = parse("");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->devices.printer_paper_mm, 80);
  EXPECT_FALSE(c->elderly.on_by_default);
  EXPECT_TRUE(c->maintenance_windows.empty());
  EXPECT_TRUE(c->catalogue.empty());
}

TEST(ConfigSchema, ReadsEverySection) {
  auto c = parse(R"("devices": {"printer_paper_mm": 58, "scanner_dpi": 200, "volume_percent": 40,
                                "brightness_percent": 90, "touch_rotation_deg": 180},
                   "elderly": {"on_by_default": true, "text_scale_percent": 160, "speech": false,
                               "extra_time_s": 90},
                   "maintenance_windows": [{"weekdays": [1, 2, 3, 4, 5], "start": "23:30",
                                            "end": "01:00"}],
                   "catalogue": {"ITEM-42": {"hidden": true},
                                 "ITEM-7": {"order": 1, "name": {"zh": "社保", "en": "Social"}}})");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->devices.printer_paper_mm, 58);
  EXPECT_EQ(c->devices.touch_rotation_deg, 180);
  EXPECT_EQ(c->elderly.text_scale_percent, 160);
  EXPECT_FALSE(c->elderly.speech);
  ASSERT_EQ(c->maintenance_windows.size(), 1u);
  EXPECT_EQ(c->maintenance_windows[0].start_minute, 23 * 60 + 30);
  EXPECT_EQ(c->maintenance_windows[0].end_minute, 60);
  EXPECT_TRUE(c->catalogue.at("ITEM-42").hidden);
  EXPECT_EQ(c->catalogue.at("ITEM-7").name->en, "Social");
}

TEST(ConfigSchema, DeviceAddressesDefaultToTheKiosksPortsAndCanBeNamed) {
  auto c = parse("");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->devices.reader, "/dev/ttyUSB0");
  EXPECT_EQ(c->devices.printer, "/dev/usb/lp0");
  EXPECT_EQ(c->devices.scanner, "");  // the first scanner SANE finds
  c = parse(R"("devices": {"reader": "usb:0400:c35a", "printer": "/dev/ttyS1",
                           "scanner": "fujitsu:fi-7160:1234"})");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->devices.reader, "usb:0400:c35a");
  EXPECT_EQ(c->devices.printer, "/dev/ttyS1");
  EXPECT_EQ(c->devices.scanner, "fujitsu:fi-7160:1234");
  EXPECT_EQ(c->devices.printer_paper_mm, 80);  // untouched by the addresses
  EXPECT_EQ(error_of(R"("devices": {"reader": "COM3"})"),
            "config.json: /devices/reader: must be an absolute path or usb:VID:PID");
  EXPECT_EQ(error_of(R"("devices": {"printer": "usb:04b8:zz02"})"),
            "config.json: /devices/printer: must be an absolute path or usb:VID:PID");
  EXPECT_EQ(error_of(R"("devices": {"scanner": 7})"),
            "config.json: /devices/scanner: must be a string");
}

TEST(ConfigSchema, NamesFileFieldAndReason) {
  EXPECT_EQ(error_of(R"("devices": {"printer_paper_mm": 70})"),
            "config.json: /devices/printer_paper_mm: must be 58 or 80");
  EXPECT_EQ(error_of(R"("devices": {"touch_rotation_deg": 45})"),
            "config.json: /devices/touch_rotation_deg: must be 0, 90, 180 or 270");
  EXPECT_EQ(error_of(R"("elderly": {"speech": "yes"})"),
            "config.json: /elderly/speech: must be true or false");
  EXPECT_EQ(error_of(R"("elderly": {"text_scale_percent": 300})"),
            "config.json: /elderly/text_scale_percent: must be between 100 and 200");
  EXPECT_EQ(
      error_of(R"("maintenance_windows": [{"weekdays": [8], "start": "01:00", "end": "02:00"}])"),
      "config.json: /maintenance_windows/0/weekdays: must hold 1 (Monday) to 7 (Sunday)");
  EXPECT_EQ(
      error_of(R"("maintenance_windows": [{"weekdays": [1], "start": "25:00", "end": "02:00"}])"),
      "config.json: /maintenance_windows/0/start: must be a time \"HH:MM\"");
  EXPECT_EQ(
      error_of(R"("maintenance_windows": [{"weekdays": [1], "start": "02:00", "end": "02:00"}])"),
      "config.json: /maintenance_windows/0/end: must differ from start");
  EXPECT_EQ(error_of(R"("catalogue": {"X": {"name": {"zh": "", "en": "x"}}})"),
            "config.json: /catalogue/X/name/zh: must not be empty");
  EXPECT_EQ(error_of(R"("catalogue": [])"), "config.json: /catalogue: must be an object");
  EXPECT_EQ(
      error_of(R"("technician": {"pin_hash": "482916"})"),
      "config.json: /technician/pin_hash: must be a PIN hash from kiosk-admin, never the PIN");
  EXPECT_EQ(error_of(R"("technician": {"max_attempts": 50})"),
            "config.json: /technician/max_attempts: must be between 3 and 10");
}

TEST(ConfigSchema, ProvisioningNamesAnHttpsPlatformAndFilesInsideTheConfigFolder) {
  auto c = parse("");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->provisioning.platform_url, "");  // off unless the image says where
  c = parse(R"("provisioning": {"platform_url": "https://platform.example/api",
                                "ca_file": "trust/platform-ca.pem", "root_file": "root.json"})");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->provisioning.platform_url, "https://platform.example/api");
  EXPECT_EQ(c->provisioning.ca_file, "trust/platform-ca.pem");
  EXPECT_EQ(c->provisioning.root_file, "root.json");
  EXPECT_EQ(error_of(R"("provisioning": {"platform_url": "http://p", "ca_file": "ca.pem"})"),
            "config.json: /provisioning/platform_url: must be an https:// URL");
  EXPECT_EQ(error_of(R"("provisioning": {"platform_url": "https://p"})"),
            "config.json: /provisioning/ca_file: is required");
  const std::string prefix = R"("provisioning": {"platform_url": "https://p", "ca_file": ")";
  for (const char* bad : {"/etc/ssl/ca.pem", "../ca.pem", "trust/../../ca.pem", "a//b", "./"}) {
    EXPECT_EQ(error_of(prefix + bad + R"("})"),
              "config.json: /provisioning/ca_file: must name a file inside the config folder")
        << bad;
  }
  EXPECT_EQ(error_of(R"("provisioning": {"platform_url": "https://p", "ca_file": "ca.pem",
                                         "root_file": "../root.json"})"),
            "config.json: /provisioning/root_file: must name a file inside the config folder");
}

TEST(ConfigSchema, TheShippedDefaultsAreValid) {
  auto c = config::load(KIOSK_SOURCE_DIR "/config/defaults");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_FALSE(c->maintenance_windows.empty());
}

}  // namespace
