// End to end through the executables a technician uses:
// `kiosk device printer print-sample|status|test-page` and
// `kiosk-devsim printer render` / the pty printer.
#include "drivers/printer/receipt_template.hpp"
#include "qr_decode.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

namespace fs = std::filesystem;

const std::string kBin = std::string(KIOSK_BINARY_DIR) + "/bin/";

struct Run {
  int exit_code;
  std::string out;
};

Run run(const std::string& cmd) {
  Run r{-1, {}};
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[1024];
  while (std::fgets(buf, sizeof buf, p)) r.out += buf;
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class PrinterCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("printer-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(PrinterCli, PrintSampleWritesTheExactBytesAndTheyRenderToADecodableReceipt) {
  auto set = printer::TemplateSet::load(fs::path(KIOSK_SOURCE_DIR) / "config/defaults/receipts");
  ASSERT_TRUE(set);
  for (const char* kind : {"preapplication", "appointment", "ticket", "navigation", "test-page"}) {
    const fs::path bin = dir_ / (std::string(kind) + ".bin");
    const fs::path png = dir_ / (std::string(kind) + ".png");
    auto made = run(kBin + "kiosk device printer print-sample " + kind + " --out " + bin.string());
    ASSERT_EQ(made.exit_code, 0) << made.out;

    const auto* t = set->find(kind);
    auto want = printer::render_receipt(*t, t->sample, {});
    ASSERT_TRUE(want);
    std::ifstream in(bin, std::ios::binary);
    const std::vector<std::uint8_t> got((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(got, *want) << kind;

    auto drawn = run(kBin + "kiosk-devsim printer render " + bin.string() + " " + png.string());
    ASSERT_EQ(drawn.exit_code, 0) << drawn.out;
    std::string qr;
    for (const auto& b : t->blocks) {
      if (b.kind == printer::Block::Kind::qr) qr = *printer::fill_placeholders(b.text, t->sample);
    }
    auto zbar = printer_test::zbar_decode(png.string());
    EXPECT_TRUE(std::find(zbar.begin(), zbar.end(), "QR-Code:" + qr) != zbar.end()) << kind;
  }
}

TEST_F(PrinterCli, UnknownKindIsRefused) {
  auto r = run(kBin + "kiosk device printer print-sample receipt-of-doom --out " +
               (dir_ / "x.bin").string());
  EXPECT_NE(r.exit_code, 0);
}

TEST_F(PrinterCli, StatusAndTestPageAgainstTheVirtualPrinter) {
  const fs::path link = dir_ / "lp0";
  printer_test::SimProcess sim(
      {kBin + "kiosk-devsim", "printer", "--out-dir", dir_.string(), "--link", link.string()});
  ASSERT_TRUE(sim.line());
  auto status = run(kBin + "kiosk device printer status --device " + link.string());
  EXPECT_EQ(status.exit_code, 0) << status.out;
  EXPECT_NE(status.out.find("Printer ready"), std::string::npos) << status.out;
  auto page = run(kBin + "kiosk device printer test-page --terminal-id KIOSK-TEST-9 --device " +
                  link.string());
  EXPECT_EQ(page.exit_code, 0) << page.out;
  auto printed = sim.wait_for("receipt ");
  ASSERT_TRUE(printed);
  auto zbar = printer_test::zbar_decode(printed->substr(8));
  EXPECT_TRUE(std::find(zbar.begin(), zbar.end(), "QR-Code:kiosk-test:KIOSK-TEST-9") != zbar.end());
}

TEST_F(PrinterCli, StatusReportsCoverOpenInBothLanguages) {
  const fs::path link = dir_ / "lp0";
  printer_test::SimProcess sim({kBin + "kiosk-devsim", "printer", "--fault", "cover-open",
                                "--out-dir", dir_.string(), "--link", link.string()});
  ASSERT_TRUE(sim.line());
  auto status = run(kBin + "kiosk device printer status --device " + link.string());
  EXPECT_EQ(status.exit_code, 1);
  EXPECT_NE(status.out.find("cover_open"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("打印机上盖未关闭"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("The printer cover is open"), std::string::npos) << status.out;
}

}  // namespace
