#pragma once
// The kiosk's devices, wired to the session core: the card reader and the
// receipt printer services, and with --sim their simulators. Started off
// the UI thread after the first frame, so start-up never waits for a
// device; until a device answers the status bar says "checking".
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/card_reader_service.hpp"
#include "kiosk/app/devices/printer_service.hpp"
#include "kiosk/app/devices/scanner_service.hpp"
#include "kiosk/app/devices/sim_devices.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::app::devices {

struct DeviceOptions {
  bool sim = false;  // start kiosk-devsim and use its ptys
  std::string reader_port = "/dev/ttyUSB0";
  std::string printer_spec = "/dev/usb/lp0";
  std::filesystem::path receipt_templates;
  int paper_mm = 80;
  // Shared with technician device tests (port_share.hpp).
  std::shared_ptr<PortShare> share;
};

class Devices {
 public:
  Devices(AppEvents& events, DeviceOptions options);
  ~Devices();
  Devices(const Devices&) = delete;
  Devices& operator=(const Devices&) = delete;

  // Carries out the effects that concern devices (PrintReceipt); false for
  // any other effect.
  bool take(const core::Effect& effect);

  // The simulators (--sim only), waiting up to `timeout` for them to
  // start; null without --sim, or if they did not start.
  SimDevices* sim(std::chrono::milliseconds timeout);

 private:
  void start();

  AppEvents& events_;
  DeviceOptions options_;
  std::mutex mutex_;
  std::condition_variable started_cv_;
  bool started_ = false;
  std::unique_ptr<SimDevices> sim_;
  std::unique_ptr<CardReaderService> reader_;
  std::unique_ptr<PrinterService> printer_;
  std::unique_ptr<ScannerService> scanner_;
  std::thread starter_;
};

}  // namespace kiosk::app::devices
