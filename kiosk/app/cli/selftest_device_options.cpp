#include "kiosk/app/cli/selftest_device_options.hpp"

#include "config/config.hpp"
#include "kiosk/app/devices/devices.hpp"

namespace kiosk::provision {
namespace {

constexpr const char* kAnyScanner = "any";

DeviceAddresses with_config(DeviceAddresses a, const std::filesystem::path& config_dir) {
  a.receipt_templates = config_dir / "receipts";
  if (auto cfg = config::load(config_dir)) a.paper_mm = cfg->devices.printer_paper_mm;
  return a;
}

}  // namespace

void add_device_options(CLI::App& cmd, DeviceArgs& args) {
  cmd.add_option("--reader", args.reader,
                 "ID-card reader to test: serial port (/dev/ttyUSB0, a pty) or usb:VID:PID");
  cmd.add_option("--printer", args.printer,
                 "Receipt printer to test: /dev/usb/lpN, a pty, or usb:VID:PID");
  cmd.add_option("--scanner", args.scanner,
                 "Scanner to test: a SANE device name, or 'any' for the first SANE finds");
  cmd.add_flag("--app-devices", args.app_devices,
               "Test the devices where `kiosk run` finds them (for those not named above)");
}

DeviceAddresses app_device_addresses(const std::filesystem::path& config_dir) {
  // Where `kiosk run` opens them: config.json's devices (their defaults
  // when the config cannot be read, as the app would not start on it).
  const auto cfg = config::load(config_dir);
  const config::Devices devices = cfg ? cfg->devices : config::Devices{};
  DeviceAddresses a;
  a.reader = devices.reader;
  a.printer = devices.printer;
  a.scanner = devices.scanner;
  return with_config(std::move(a), config_dir);
}

DeviceAddresses device_addresses(const DeviceArgs& args, const std::filesystem::path& config_dir) {
  DeviceAddresses a = args.app_devices ? app_device_addresses(config_dir)
                                       : with_config(DeviceAddresses{}, config_dir);
  a.not_configured = "not configured: name it with --reader/--printer/--scanner, or --app-devices";
  if (!args.reader.empty()) a.reader = args.reader;
  if (!args.printer.empty()) a.printer = args.printer;
  if (!args.scanner.empty()) a.scanner = args.scanner == kAnyScanner ? "" : args.scanner;
  return a;
}

}  // namespace kiosk::provision
