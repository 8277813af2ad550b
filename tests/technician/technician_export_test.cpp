// Log export to a USB stick (a temp folder standing in for its mount
// point): real files in, real files out, and none of a citizen's ID number,
// name, address or phone number reaches the stick — only their masks.
#include "kiosk/app/technician_log_export.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/kiosk-tech-export-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

std::string read_all(const fs::path& dir) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  return all;
}

TEST(TechnicianLogExport, PersonalDataNeverReachesTheStick) {
  TempDir logs, usb;
  write(
      logs.path / "kiosk.log",
      "[2026-11-28 10:00:01.123] [info] card read: name=王小明 id 650102199003071235\n"
      "[2026-11-28 10:00:02.000] [warn] platform echoed {\"name\": \"Wang Xiaoming\", "
      "\"phone\": \"13812345678\", \"address\": \"新疆乌鲁木齐市天山区解放南路 1 号\"}\n"
      "[2026-11-28 10:00:03.000] [info] 姓名：王小明 证件号 65010219900307123X 电话 13812345678\n");
  write(logs.path / "kiosk.1.log", "[2026-11-27 18:00:00.000] [info] outbox: 3 waiting\n");
  auto r = kiosk::app::export_logs(logs.path, usb.path, "T-0042", "20261128-100500");
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->files, 2);
  EXPECT_EQ(r->folder, usb.path / "kiosk-logs-T-0042-20261128-100500");
  const std::string out = read_all(usb.path);
  for (const char* secret : {"650102199003071235", "65010219900307123X", "王小明", "Xiaoming",
                             "13812345678", "解放南路"}) {
    EXPECT_EQ(out.find(secret), std::string::npos) << secret << " leaked:\n" << out;
  }
  EXPECT_NE(out.find("6501**********1235"), std::string::npos) << out;
  EXPECT_NE(out.find("138****5678"), std::string::npos) << out;
  EXPECT_NE(out.find("name=王**"), std::string::npos) << out;
  // What is not personal stays readable.
  EXPECT_NE(out.find("outbox: 3 waiting"), std::string::npos);
  EXPECT_NE(out.find("[2026-11-28 10:00:01.123]"), std::string::npos);
}

TEST(TechnicianLogExport, NoStickOrNoLogsIsAClearError) {
  TempDir logs;
  auto r = kiosk::app::export_logs(logs.path, logs.path / "absent", "T", "x");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("no USB stick"), std::string::npos);
}

TEST(TechnicianLogExport, FindsTheStickAmongTheMounts) {
  TempDir dir;
  write(dir.path / "mounts",
        "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/kiosk/NOT-MOUNTED vfat rw 0 0\n"
        "proc /proc proc rw 0 0\n");
  EXPECT_FALSE(kiosk::app::find_usb_stick(dir.path / "mounts"));  // not a folder here
  EXPECT_FALSE(kiosk::app::find_usb_stick(dir.path / "absent"));
}

TEST(TechnicianLogExport, MaskKeepsOrdinaryLines) {
  EXPECT_EQ(kiosk::app::mask_personal_data("username=ops filename=a.log 12345"),
            "username=ops filename=a.log 12345");
  EXPECT_EQ(kiosk::app::mask_personal_data("holder=\"Li Lei\" ok"), "holder=\"L* L**\" ok");
}

}  // namespace
