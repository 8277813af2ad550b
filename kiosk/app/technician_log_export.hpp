#pragma once
// Technician log export: copies the kiosk's log files to a USB stick with
// personal data masked on the way (ID numbers, phone numbers, labelled
// names and addresses), into a folder of its own. Logs are meant to be
// masked at the source already; this is the second line of defence for a
// file that leaves the kiosk.
#include "base/expected.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::app {

// One log line with personal data masked: runs of 11+ digits (an 18-digit
// ID number like 650102199003071235 -> 6501**********1235, a mobile number
// 13812345678 -> 138****5678, other long numbers keep 2+2), and the value
// after a name or address label (name=, "name":, 姓名：, address=, 住址：…).
std::string mask_personal_data(std::string_view line);

struct LogExport {
  std::filesystem::path folder;  // on the stick
  int files = 0;
  long long bytes = 0;
};

// Copies every regular file in `log_dir` (not recursing; at most 64 MiB in
// all) to `<usb_root>/kiosk-logs-<terminal>-<stamp>/`, masked. Errors say
// what went wrong in English (the screen adds Chinese).
kx::expected<LogExport, std::string> export_logs(const std::filesystem::path& log_dir,
                                                 const std::filesystem::path& usb_root,
                                                 std::string_view terminal_id,
                                                 std::string_view stamp);

// The first removable medium mounted under /media or /run/media, read from
// a mounts table (/proc/mounts format).
std::optional<std::filesystem::path> find_usb_stick(
    const std::filesystem::path& mounts = "/proc/mounts");

}  // namespace kiosk::app
