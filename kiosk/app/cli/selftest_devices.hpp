#pragma once
// The device checks of `kiosk selftest`: the ID-card reader answers SAM
// status (and gives its SAM id), the printer prints the real test page with
// the terminal id and its QR, the scanner scans one page. A device without
// an address is skipped with the reason; one that does not answer fails
// with what went wrong. Every check ends within its limit, whatever the
// device does.
#include "base/expected.hpp"
#include "kiosk/app/cli/selftest_checks.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace kiosk::provision {

struct DeviceAddresses {
  // Each: the device's address, or nullopt when it is not configured.
  std::optional<std::string> reader;              // a serial port (tty, pty) or usb:VID:PID
  std::optional<std::string> printer;             // /dev/usb/lpN, a pty, or usb:VID:PID
  std::optional<std::string> scanner;             // a SANE device name; "" = the first SANE finds
  std::string not_configured = "not configured";  // the skip reason
  std::filesystem::path receipt_templates;        // holds test-page.json
  int paper_mm = 80;                              // 58 or 80
};

// Prints receipt template `id` (e.g. "test-page", "provision-slip") with
// `fields` over its sample on the configured printer: how it came out, or
// why not.
kx::expected<std::string, std::string> print_template(
    const DeviceAddresses& a, const std::string& id,
    const std::map<std::string, std::string>& fields);

struct DeviceLimits {
  std::chrono::seconds reader{15};
  std::chrono::seconds printer{45};
  std::chrono::seconds scanner{60};
};

Check check_reader(const DeviceAddresses& a, const DeviceLimits& limits = {});
Check check_printer(const DeviceAddresses& a, const std::string& terminal_id,
                    const DeviceLimits& limits = {});
Check check_scanner(const DeviceAddresses& a, const DeviceLimits& limits = {});

}  // namespace kiosk::provision
