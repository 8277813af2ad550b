#include "kiosk/app/devices/printer_service.hpp"

#include "drivers/printer/printer.hpp"
#include "drivers/printer/receipt_template.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app::devices {
namespace {

core::DeviceState device_state(const kx::expected<printer::Status, printer::Error>& status) {
  if (!status) {
    return status.error().code == printer::ErrorCode::disconnected ||
                   status.error().code == printer::ErrorCode::io
               ? core::DeviceState::missing
               : core::DeviceState::fault;
  }
  if (status->paper_out) return core::DeviceState::no_paper;
  if (!status->ready()) return core::DeviceState::fault;
  if (status->paper_near_end) return core::DeviceState::paper_low;
  return core::DeviceState::ok;
}

}  // namespace

const char* print_error_text_id(int code) {
  switch (static_cast<printer::ErrorCode>(code)) {
    case printer::ErrorCode::paper_out:
      return "print.error.no_paper";
    case printer::ErrorCode::cover_open:
      return "print.error.cover_open";
    case printer::ErrorCode::disconnected:
    case printer::ErrorCode::io:
    case printer::ErrorCode::timeout:
    case printer::ErrorCode::offline:
      return "print.error.unavailable";
    default:
      return "print.error.failed";
  }
}

PrinterService::PrinterService(AppEvents& events, Options options)
    : events_(events), options_(std::move(options)), thread_([this] { run(); }) {}

PrinterService::~PrinterService() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PrinterService::print(core::PrintReceipt receipt) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(receipt));
  }
  wake_.notify_all();
}

void PrinterService::run() {
  auto templates = printer::TemplateSet::load(options_.templates);
  if (!templates) spdlog::error("receipt templates: {}", templates.error().detail);
  printer::PrinterOptions printer_options;
  // A citizen waits at the screen: a receipt that cannot come out within a
  // few seconds is reported (no paper, cover open), not held for minutes.
  printer_options.recovery_wait = std::chrono::seconds(3);
  printer::Printer device(printer::open_spec(options_.spec), printer_options);
  printer::ReceiptLayout layout;
  layout.width = options_.paper_mm == 58 ? printer::PaperWidth::mm58 : printer::PaperWidth::mm80;
  core::DeviceState shown = core::DeviceState::unknown;
  const auto show = [&](core::DeviceState s) {
    if (s == shown) return;
    shown = s;
    if (s == core::DeviceState::no_paper) spdlog::warn("printer: out of paper");
    events_.post(core::DeviceChanged{core::Device::printer, s});
  };
  unsigned job_number = 0;
  for (;;) {
    if (options_.share && !options_.share->use(PortShare::printer)) {
      // A technician's test has the printer: close it and wait; receipts
      // queued meanwhile print after the test.
      device.close();
      options_.share->let_go(PortShare::printer);
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; });
      if (stop_) return;
      continue;
    }
    show(device_state(device.status()));
    std::optional<core::PrintReceipt> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.status_interval, [this] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      if (jobs_.empty()) continue;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const printer::ReceiptTemplate* t = templates ? templates->find(job->template_id) : nullptr;
    if (t == nullptr) {
      spdlog::error("no receipt template '{}'", job->template_id);
      events_.post(core::PrintDone{false, "print.error.failed"});
      continue;
    }
    printer::ReceiptData data;
    for (auto& [name, value] : job->fields) data.fields[name] = value;
    for (auto& [name, items] : job->lists) data.lists[name] = items;
    if (!job->qr.empty()) data.fields.emplace("qr", job->qr);
    auto bytes = printer::render_receipt(*t, data, layout);
    // The filled receipt may hold personal data: wipe our copy now.
    for (auto& [name, value] : data.fields) value.assign(value.size(), '\0');
    for (auto& [name, value] : job->fields) value.assign(value.size(), '\0');
    for (auto& [name, items] : data.lists) items.clear();
    if (!bytes) {
      spdlog::error("receipt '{}' cannot be rendered: {}", job->template_id, bytes.error().detail);
      events_.post(core::PrintDone{false, "print.error.failed"});
      continue;
    }
    const std::string id = job->template_id + "-" + std::to_string(++job_number);
    printer::PrintResult result = device.print({id, std::move(*bytes)});
    if (!result.printed()) {
      // The citizen is offered the QR on screen instead; the receipt is
      // not printed later behind their back.
      device.discard_pending();
      const int code = result.error ? static_cast<int>(result.error->code)
                                    : static_cast<int>(printer::ErrorCode::not_ready);
      spdlog::warn("receipt {} not printed: {}", id,
                   result.error ? result.error->detail : std::string("not ready"));
      events_.post(core::PrintDone{false, print_error_text_id(code)});
    } else {
      spdlog::info("receipt {} printed ({})", id, printer::to_string(result.outcome));
      events_.post(core::PrintDone{true, {}});
    }
    show(device_state(result.final_status.paper_out
                          ? kx::expected<printer::Status, printer::Error>(result.final_status)
                          : device.status()));
  }
}

}  // namespace kiosk::app::devices
