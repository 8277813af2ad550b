#include "kiosk/app/devices/devices.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app::devices {

Devices::Devices(AppEvents& events, DeviceOptions options)
    : events_(events), options_(std::move(options)), starter_([this] { start(); }) {}

Devices::~Devices() {
  starter_.join();
  std::lock_guard lock(mutex_);
  reader_.reset();
  printer_.reset();
  scanner_.reset();
  sim_.reset();  // after the services: they hold the simulators' ptys
}

void Devices::start() {
  std::unique_ptr<SimDevices> sim;
  if (options_.sim) {
    auto started = SimDevices::start();
    if (!started) {
      spdlog::error("device simulators: {}", started.error());
      events_.post(core::DeviceChanged{core::Device::reader, core::DeviceState::missing});
      events_.post(core::DeviceChanged{core::Device::printer, core::DeviceState::missing});
      std::lock_guard lock(mutex_);
      started_ = true;
      started_cv_.notify_all();
      return;
    }
    sim = std::move(*started);
    options_.reader_port = sim->reader_port();
    options_.printer_spec = sim->printer_port().string();
  }
  auto reader = std::make_unique<CardReaderService>(
      events_, CardReaderService::Options{options_.reader_port, std::chrono::milliseconds(300),
                                          options_.share});
  PrinterService::Options printer_options;
  printer_options.spec = options_.printer_spec;
  printer_options.templates = options_.receipt_templates;
  printer_options.paper_mm = options_.paper_mm;
  printer_options.share = options_.share;
  auto printer = std::make_unique<PrinterService>(events_, printer_options);
  auto scanner = std::make_unique<ScannerService>(events_, ScannerService::Options{});
  std::lock_guard lock(mutex_);
  scanner_ = std::move(scanner);
  sim_ = std::move(sim);
  reader_ = std::move(reader);
  printer_ = std::move(printer);
  started_ = true;
  started_cv_.notify_all();
}

bool Devices::take(const core::Effect& effect) {
  const auto* receipt = std::get_if<core::PrintReceipt>(&effect);
  if (receipt == nullptr) return false;
  std::lock_guard lock(mutex_);
  if (!printer_) {
    events_.post(core::PrintDone{false, "print.error.unavailable"});
  } else {
    printer_->print(*receipt);
  }
  return true;
}

SimDevices* Devices::sim(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  started_cv_.wait_for(lock, timeout, [this] { return started_; });
  return sim_.get();
}

}  // namespace kiosk::app::devices
