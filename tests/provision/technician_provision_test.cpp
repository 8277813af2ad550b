// Provisioning from the technician screen, end to end: the real kiosk
// (`kiosk run --headless`, no --sim, as on a new kiosk) with its devices on
// the reader and printer simulators (ptys) and SANE's test backend, enrols
// with the platform simulator over real HTTPS. A script does what the
// technician does: the hidden gesture, the PIN, "Provision", the token and
// terminal id typed on the on-screen keyboard, Start. Then the state holds
// every step, the key is private, the slip came out of the printer with the
// terminal's QR, the self-test's test page too (while the app's own reader
// and printer services held the same ports), the token was never logged, and
// the kiosk restarted once the technician left technician mode.
#include "drivers/scanner/barcodes.hpp"
#include "drivers/scanner/codecs.hpp"
#include "kiosk/app/devices/sim_devices.hpp"
#include "kiosk/platform/sim_process.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";
const std::string kAdmin = KIOSK_BINARY_DIR "/bin/kiosk-admin";
const std::string kDevsim = KIOSK_BINARY_DIR "/bin/kiosk-devsim";
const std::vector<std::string> kSaneEnv = {
    "SANE_CONFIG_DIR=" KIOSK_SOURCE_DIR "/tests/scanner/sane.d",
    "LD_PRELOAD=" KIOSK_BINARY_DIR "/lib/libsane_cancel_shim.so",
    "ASAN_OPTIONS=verify_asan_link_order=0"};
// PIN 246810 (tests/technician/make_config.cmake).
const char* kPinHash =
    "pbkdf2-sha256$10000$7465636868696e74657374636f6e6669$"
    "6b6adb6e86d404f634d3cf781661e2b113837f36e51c05e1be36d618669233a3";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> printed_qr_codes(const fs::path& receipts) {
  std::vector<std::string> out;
  for (const auto& f : fs::directory_iterator(receipts)) {
    if (f.path().extension() != ".png") continue;
    std::ifstream in(f.path(), std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    auto image = scanner::decode_png(bytes);
    if (!image) continue;
    for (const auto& code : scanner::read_barcodes(*image)) {
      if (code.format == "QRCode") out.push_back(code.text);
    }
  }
  return out;
}

std::string technician_script(const std::string& token) {
  std::string s = "expect-screen home\n";
  for (int i = 0; i < 5; ++i) s += "tap home.corner\n";
  s += "wait-screen technician_pin 5\n";
  for (char c : std::string("246810")) s += std::string("tap tech.key.") + c + "\n";
  s += "tap tech.key.ok\n"
       "wait-screen technician_status 10\n"
       "tap tech.provision\n"
       "wait-screen technician_provision 5\n"
       "type " +
       token +
       "\n"
       "tap technician.provision.terminal\n"
       "type T-0042\n"
       "shot provision-form\n"
       "tap tech.provision.start\n"
       "wait-text 开通完成 90\n"
       "shot provision-complete\n"
       "tap flow.back\n"
       "wait-screen technician_status 5\n"
       "tap tech.exit\n"
       "wait-screen home 5\n"
       // The kiosk restarts (exits 0) between sessions: this never comes.
       "wait-text no-restart-after-provisioning 20\n";
  return s;
}

TEST(TechnicianProvision, TheTechnicianScreenEnrolsTestsAndPrintsTheSlip) {
  const fs::path dir =
      fs::temp_directory_path() / ("kiosk-tech-provision-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto platform = kiosk::platform::SimProcess::start(
      {fs::path(KIOSK_BINARY_DIR) / "bin" / "platform-sim", dir / "sim", "", 7, 2});
  ASSERT_TRUE(platform) << platform.error();
  auto devices = kiosk::app::devices::SimDevices::start(kDevsim, {"--width", "576"});
  ASSERT_TRUE(devices.has_value()) << devices.error();
  for (const char* k : {"root", "ops"}) {
    ASSERT_EQ(test::run_process({kAdmin, "keygen", "--out", (dir / k).string()}).exit_code, 0);
  }
  const auto config = dir / "etc-kiosk";
  fs::copy(KIOSK_SOURCE_DIR "/config/defaults", config, fs::copy_options::recursive);
  fs::create_directories(config / "trust");
  auto root = test::run_process(
      {kAdmin, "root", "create", "--root-key", (dir / "root.pub").string(), "--targets-key",
       (dir / "ops.pub").string(), "--expires", "2099-01-01T00:00:00Z", "--sign",
       (dir / "root.key").string(), "--out", (config / "trust/root.json").string()});
  ASSERT_EQ(root.exit_code, 0) << root.err;
  fs::copy_file(platform->ca_file(), config / "trust/platform-ca.pem");
  // The image's config: where to enrol, the PIN, the devices; no terminal id yet.
  auto cfg = nlohmann::json::parse(read(config / "config.json"));
  cfg.erase("terminal_id");
  cfg["hall"]["id"] = "HALL-01";  // a hall the platform simulator knows
  cfg["technician"] = {{"pin_hash", kPinHash}, {"max_attempts", 3}, {"lockout_s", 60}};
  cfg["provisioning"] = {{"platform_url", platform->url()},
                         {"ca_file", "trust/platform-ca.pem"},
                         {"root_file", "trust/root.json"}};
  cfg["devices"]["reader"] = (*devices)->reader_port();
  cfg["devices"]["printer"] = (*devices)->printer_port().string();
  cfg["devices"]["scanner"] = "test:0";
  std::ofstream(config / "config.json") << cfg.dump(2);
  const std::string token = platform->enrolment_tokens().at(0);
  std::ofstream(dir / "provision.kiosk") << technician_script(token);

  const auto state = dir / "state";
  const auto r =
      test::run_process({kKiosk, "run", "--headless", "--state", state.string(), "--config",
                         config.string(), "--script", (dir / "provision.kiosk").string(),
                         "--screenshot-dir", (dir / "shots").string()},
                        kSaneEnv);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  const auto progress = nlohmann::json::parse(read(state / "provision/state.json"));
  EXPECT_EQ(progress["done"],
            nlohmann::json({"certificate", "outbox_key", "root", "selftest", "slip"}));
  const std::string terminal = progress["terminal_id"];
  EXPECT_FALSE(terminal.empty());
  EXPECT_EQ(fs::status(state / "keys/device-key.pem").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_TRUE(fs::exists(state / "config/trust/root.json"));
  // The self-test's page and the slip, each with its QR.
  const auto codes = printed_qr_codes((*devices)->receipts());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "kiosk-test:" + terminal), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "kiosk-terminal:" + terminal), codes.end());
  // The token enrolled this kiosk; it appears in no log.
  EXPECT_EQ((r.out + r.err).find(token), std::string::npos);
  EXPECT_NE((r.out + r.err).find("restarting as the new terminal"), std::string::npos) << r.err;
  const std::string log = read(state / "logs/kiosk.log");
  EXPECT_NE(log.find("provisioning complete"), std::string::npos) << log;
  EXPECT_EQ(log.find(token), std::string::npos);

  // The kiosk is now what `kiosk selftest` calls provisioned and reachable.
  auto self = test::run_process({kKiosk, "selftest", "--state", state.string(), "--check",
                                 "certificate", "--check", "platform"});
  EXPECT_EQ(self.exit_code, 0) << self.out << self.err;
  if (std::getenv("KIOSK_KEEP_TEST_DIR") == nullptr) fs::remove_all(dir);
}

}  // namespace
