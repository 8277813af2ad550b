#pragma once
// The receipt printer in the running kiosk: on a thread of its own it
// watches the printer's status (paper near end, out of paper, cover open,
// gone) and posts DeviceChanged; it carries out the core's PrintReceipt
// with the receipt templates and the printer driver and answers PrintDone,
// with the reason a citizen is told when the receipt did not come out.
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/port_share.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::app::devices {

class PrinterService {
 public:
  struct Options {
    std::string spec;                 // device path, pty or usb:VID:PID
    std::filesystem::path templates;  // config/defaults/receipts
    int paper_mm = 80;                // 58 or 80
    std::chrono::milliseconds status_interval{2000};
    // Shared with technician device tests (port_share.hpp). Null: never.
    std::shared_ptr<PortShare> share;
  };
  PrinterService(AppEvents& events, Options options);
  ~PrinterService();
  PrinterService(const PrinterService&) = delete;
  PrinterService& operator=(const PrinterService&) = delete;

  // Queues a receipt; PrintDone follows through the app events.
  void print(core::PrintReceipt receipt);

 private:
  void run();

  AppEvents& events_;
  Options options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::deque<core::PrintReceipt> jobs_;
  std::thread thread_;
};

// What the citizen is told when a receipt did not come out
// ("print.error.no_paper", ...), from the driver's error code.
const char* print_error_text_id(int printer_error_code);

}  // namespace kiosk::app::devices
