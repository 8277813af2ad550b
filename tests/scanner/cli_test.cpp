// `kiosk device scanner ...` end to end against the SANE test backend: the
// real executable, run as a technician would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace {

// The SANE test backend's reader-thread deadlock workaround
// (sanei_thread_workaround.cpp) goes into the kiosk process by LD_PRELOAD,
// set here on the command: ctest's ENVIRONMENT property of a discovered
// test keeps only its first variable.
const std::string kKiosk = "ASAN_OPTIONS=verify_asan_link_order=0 LD_PRELOAD=" KIOSK_BINARY_DIR
                           "/lib/libsane_cancel_shim.so " KIOSK_BINARY_DIR "/bin/kiosk";

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

CliRun run(const std::string& args) {
  CliRun r;
  const std::string cmd = kKiosk + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::filesystem::path out_dir() {
  auto p = std::filesystem::temp_directory_path() /
           ("scanner_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(p);
  return p;
}

TEST(ScannerCli, ListShowsTestDevices) {
  const CliRun r = run("device scanner list");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("test:0"), std::string::npos);
  EXPECT_NE(r.output.find("test:1"), std::string::npos);
}

TEST(ScannerCli, AdfScanWritesPagesAndReport) {
  const auto out = out_dir();
  const CliRun r = run(
      "device scanner scan --device test:0 --source adf --pages 3 --dpi 100 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* f : {"page-001.jpg", "page-002.jpg", "page-003.jpg", "report.json"})
    EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
  EXPECT_FALSE(std::filesystem::exists(out / "page-004.jpg"));
  const auto report = nlohmann::json::parse(std::ifstream(out / "report.json"));
  EXPECT_EQ(report["outcome"], "completed");
  ASSERT_EQ(report["pages"].size(), 3u);
  EXPECT_EQ(report["pages"][0]["verdict"], "ok");
  EXPECT_EQ(report["pages"][0]["dpi"], 100);
  EXPECT_EQ(report["scan_dpi"], 100);
  std::filesystem::remove_all(out);
}

TEST(ScannerCli, JamExitsNonZeroWithBilingualReason) {
  const auto out = out_dir();
  const CliRun r =
      run("device scanner scan --device test:0 --source adf --pages 2 --dpi 75 "
          "--option read-return-value=SANE_STATUS_JAMMED --out " +
          out.string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("卡纸"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Paper jam"), std::string::npos) << r.output;
  const auto report = nlohmann::json::parse(std::ifstream(out / "report.json"));
  EXPECT_EQ(report["outcome"], "failed");
  EXPECT_EQ(report["error"]["code"], "jammed");
  std::filesystem::remove_all(out);
}

TEST(ScannerCli, UnknownDeviceExitsTwo) {
  const auto out = out_dir();
  const CliRun r = run("device scanner scan --device nosuch:9 --out " + out.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("未找到扫描仪"), std::string::npos) << r.output;
  std::filesystem::remove_all(out);
}

TEST(ScannerCli, PdfHoldsAllPages) {
  const auto out = out_dir();
  const CliRun r =
      run("device scanner scan --device test:1 --pages 2 --dpi 75 --pdf --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::ifstream f(out / "scan.pdf", std::ios::binary);
  const std::string pdf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  EXPECT_EQ(pdf.rfind("%PDF-1.4", 0), 0u);
  EXPECT_NE(pdf.find("/Count 2"), std::string::npos);
  std::filesystem::remove_all(out);
}

}  // namespace
