// `kiosk selftest`'s device checks end to end: the real executable against
// the reader and printer simulators on ptys (kiosk-devsim, as `kiosk run
// --sim` starts them) and SANE's test backend; a device that is absent or
// silent fails the self-test, one that is not configured is skipped. The
// simulators answer in order, so nothing here waits by sleeping: the
// printer simulator writes the test page's PNG before it answers the
// printer's "job done" query.
#include "drivers/scanner/barcodes.hpp"
#include "drivers/scanner/codecs.hpp"
#include "kiosk/app/devices/sim_devices.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace {

namespace fs = std::filesystem;
namespace dev = kiosk::app::devices;
const std::string kKiosk = KIOSK_BINARY_DIR "/bin/kiosk";
const std::string kDevsim = KIOSK_BINARY_DIR "/bin/kiosk-devsim";
const std::string kConfig = KIOSK_SOURCE_DIR "/config/defaults";
// SANE's test backend, and the sanei_thread workaround by LD_PRELOAD (see
// tests/scanner/CMakeLists.txt), for the kiosk process only.
const std::vector<std::string> kSaneEnv = {
    "SANE_CONFIG_DIR=" KIOSK_SOURCE_DIR "/tests/scanner/sane.d",
    "LD_PRELOAD=" KIOSK_BINARY_DIR "/lib/libsane_cancel_shim.so"};

// A pty nobody answers on: a device that is there but silent.
struct SilentPty {
  int master = -1;
  std::string path;
  SilentPty() {
    master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master >= 0 && ::grantpt(master) == 0 && ::unlockpt(master) == 0) path = ::ptsname(master);
  }
  ~SilentPty() {
    if (master >= 0) ::close(master);
  }
  SilentPty(const SilentPty&) = delete;
  SilentPty& operator=(const SilentPty&) = delete;
};

class SelftestDevices : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("kiosk-selftest-dev-" + std::to_string(::getpid()));

  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir / "state/provision");
    std::ofstream(dir / "state/provision/state.json")
        << nlohmann::json{{"done", nlohmann::json::array()}, {"terminal_id", "T-SELF-07"}}.dump();
  }
  void TearDown() override { fs::remove_all(dir); }

  // Runs `kiosk selftest --check idcard_reader --check printer --check
  // scanner` with `extra` options; returns the exit code and the checks by name.
  std::pair<int, std::map<std::string, nlohmann::json>> selftest(
      const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {kKiosk,     "selftest", "--state", (dir / "state").string(),
                                     "--config", kConfig,    "--check", "idcard_reader",
                                     "--check",  "printer",  "--check", "scanner"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto r = test::run_process(argv, kSaneEnv);
    std::map<std::string, nlohmann::json> checks;
    const auto report = nlohmann::json::parse(r.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << r.out << r.err;
    if (!report.is_discarded()) {
      for (const auto& c : report["checks"]) checks[c["name"]] = c;
      EXPECT_EQ(report["ok"].get<bool>(), r.exit_code == 0) << r.out;
    }
    return {r.exit_code, checks};
  }
};

std::vector<std::uint8_t> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST_F(SelftestDevices, TheSimulatedReaderPrinterAndSaneScannerEachPass) {
  // 80 mm paper as the bundled config says.
  auto sim = dev::SimDevices::start(kDevsim, {"--width", "576"});
  ASSERT_TRUE(sim.has_value()) << sim.error();
  auto [code, checks] = selftest({"--reader", (*sim)->reader_port(), "--printer",
                                  (*sim)->printer_port().string(), "--scanner", "test:0"});
  EXPECT_EQ(code, 0);
  for (const char* name : {"idcard_reader", "printer", "scanner"}) {
    EXPECT_EQ(checks[name]["status"], "ok") << checks[name].dump();
  }
  EXPECT_NE(checks["idcard_reader"]["detail"].get<std::string>().find("SAM id"), std::string::npos);
  EXPECT_NE(checks["printer"]["detail"].get<std::string>().find("T-SELF-07"), std::string::npos);

  // The test page came out of the simulator, and its QR holds the terminal id.
  std::vector<fs::path> pngs;
  for (const auto& f : fs::directory_iterator((*sim)->receipts())) {
    if (f.path().extension() == ".png") pngs.push_back(f.path());
  }
  ASSERT_EQ(pngs.size(), 1u);
  const auto bytes = read_bytes(pngs[0]);
  auto image = scanner::decode_png(bytes);
  ASSERT_TRUE(image.has_value()) << image.error().detail;
  bool qr = false;
  for (const auto& code_read : scanner::read_barcodes(*image)) {
    if (code_read.format == "QRCode") {
      EXPECT_EQ(code_read.text, "kiosk-test:T-SELF-07");
      qr = true;
    }
  }
  EXPECT_TRUE(qr) << "no QR code on " << pngs[0];
}

// The QR codes on the one receipt the simulated printer put out.
std::vector<std::string> printed_qr_codes(const fs::path& receipts) {
  std::vector<fs::path> pngs;
  for (const auto& f : fs::directory_iterator(receipts)) {
    if (f.path().extension() == ".png") pngs.push_back(f.path());
  }
  EXPECT_EQ(pngs.size(), 1u);
  if (pngs.size() != 1) return {};
  auto image = scanner::decode_png(read_bytes(pngs[0]));
  EXPECT_TRUE(image.has_value());
  std::vector<std::string> out;
  if (!image) return out;
  for (const auto& code_read : scanner::read_barcodes(*image)) {
    if (code_read.format == "QRCode") out.push_back(code_read.text);
  }
  return out;
}

TEST_F(SelftestDevices, ProvisioningPrintsItsSlipOnTheReceiptPrinter) {
  auto sim = dev::SimDevices::start(kDevsim, {"--width", "576"});
  ASSERT_TRUE(sim.has_value()) << sim.error();
  // Provisioning got as far as its self-test; the slip is what is left.
  std::ofstream(dir / "state/provision/state.json") << nlohmann::json{
      {"done", {"certificate", "outbox_key", "root", "selftest"}},
      {"terminal_id", "T-SELF-07"},
      {"hall", "HALL-01"},
      {"platform_url", "https://127.0.0.1:1"}}.dump();
  const auto r =
      test::run_process({kKiosk, "provision", "--platform", "https://127.0.0.1:1", "--token",
                         "spent", "--hall", "HALL-01", "--terminal", "T-SELF-07", "--ca",
                         "/nonexistent", "--state", (dir / "state").string(), "--config", kConfig,
                         "--printer", (*sim)->printer_port().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("slip printed"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir / "state/provision/slip.txt"));
  const auto codes = printed_qr_codes((*sim)->receipts());
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0], "kiosk-terminal:T-SELF-07");
}

TEST_F(SelftestDevices, AppDevicesAreWhereTheConfigSaysTheKioskFindsThem) {
  auto sim = dev::SimDevices::start(kDevsim, {"--width", "576"});
  ASSERT_TRUE(sim.has_value()) << sim.error();
  // The hall's config names the reader and printer ports (here: the ptys).
  const auto config = dir / "config";
  fs::copy(kConfig, config, fs::copy_options::recursive);
  auto cfg = nlohmann::json::parse(std::ifstream(config / "config.json"));
  cfg["devices"]["reader"] = (*sim)->reader_port();
  cfg["devices"]["printer"] = (*sim)->printer_port().string();
  std::ofstream(config / "config.json") << cfg.dump(2);
  const auto r = test::run_process({kKiosk, "selftest", "--state", (dir / "state").string(),
                                    "--config", config.string(), "--app-devices", "--check",
                                    "idcard_reader", "--check", "printer"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto report = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << r.out;
  for (const auto& c : report["checks"]) EXPECT_EQ(c["status"], "ok") << c.dump();
}

TEST_F(SelftestDevices, ASilentOrMissingDeviceFailsTheSelftest) {
  SilentPty reader;
  SilentPty printer;
  ASSERT_FALSE(reader.path.empty());
  ASSERT_FALSE(printer.path.empty());
  auto [code, checks] =
      selftest({"--reader", reader.path, "--printer", printer.path, "--scanner", "nosuch:0"});
  EXPECT_EQ(code, 1);
  for (const char* name : {"idcard_reader", "printer", "scanner"}) {
    EXPECT_EQ(checks[name]["status"], "failed") << checks[name].dump();
  }
  EXPECT_NE(checks["idcard_reader"]["detail"].get<std::string>().find("no SAM status"),
            std::string::npos)
      << checks["idcard_reader"].dump();
  EXPECT_NE(checks["printer"]["detail"].get<std::string>().find("no status"), std::string::npos)
      << checks["printer"].dump();

  auto [missing_code, missing] = selftest({"--printer", (dir / "no-such-lp0").string()});
  EXPECT_EQ(missing_code, 1);
  EXPECT_EQ(missing["printer"]["status"], "failed") << missing["printer"].dump();
  EXPECT_EQ(missing["idcard_reader"]["status"], "skipped");
}

TEST_F(SelftestDevices, ADeviceThatIsNotConfiguredIsSkippedNotFailed) {
  auto [code, checks] = selftest({});
  EXPECT_EQ(code, 0);
  for (const char* name : {"idcard_reader", "printer", "scanner"}) {
    EXPECT_EQ(checks[name]["status"], "skipped") << checks[name].dump();
    EXPECT_NE(checks[name]["detail"].get<std::string>().find("not configured"), std::string::npos);
  }
}

}  // namespace
