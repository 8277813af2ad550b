#pragma once
// `kiosk run --sim`'s devices: the ID-card reader and the receipt printer
// simulators (kiosk-devsim) on ptys, as the device tests run them, so the
// real drivers talk to them over the real wire protocols. Cards are put on
// and taken off through the reader simulator's stdin (script commands
// present-card / remove-card); receipts land as PNGs in `folder()/receipts`.
#include "base/expected.hpp"
#include "kiosk/app/devices/child_process.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::app::devices {

class SimDevices {
 public:
  // `binary` is kiosk-devsim; empty: the one next to this executable
  // (or $KIOSK_DEVSIM). `printer_args` go to the printer simulator (e.g.
  // --fault paper-out --after-lines 0, for demos and tests).
  static kx::expected<std::unique_ptr<SimDevices>, std::string> start(
      std::filesystem::path binary = {}, const std::vector<std::string>& printer_args = {});
  ~SimDevices();
  SimDevices(const SimDevices&) = delete;
  SimDevices& operator=(const SimDevices&) = delete;

  const std::string& reader_port() const { return reader_port_; }
  // A symlink that follows the printer's pty across simulated power cycles.
  std::filesystem::path printer_port() const { return folder_ / "printer.pty"; }
  std::filesystem::path receipts() const { return folder_ / "receipts"; }

  // Card N (0-based, tools/devsim/idcard/cards.json) on the reader; waits
  // for the simulator to confirm.
  kx::expected<void, std::string> present_card(int n);
  kx::expected<void, std::string> remove_card();
  // An operator action on the printer: refill, open-cover, close-cover, ...
  kx::expected<void, std::string> printer_action(const std::string& action);

 private:
  SimDevices() = default;
  kx::expected<void, std::string> reader_command(const std::string& command,
                                                 const std::string& ack);

  std::filesystem::path folder_;
  std::mutex mutex_;
  std::unique_ptr<ChildProcess> reader_;
  std::unique_ptr<ChildProcess> printer_;
  std::string reader_port_;
};

std::filesystem::path default_devsim_binary();

// Points SANE at its "test" backend (a simulated scanner) through a config
// folder under `state_dir`, unless SANE_CONFIG_DIR is already set. Sets the
// environment: call before the app starts any thread.
void use_simulated_scanner(const std::filesystem::path& state_dir);

}  // namespace kiosk::app::devices
