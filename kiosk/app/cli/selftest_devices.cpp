#include "kiosk/app/cli/selftest_devices.hpp"

#include "drivers/idcard/reader.hpp"
#include "drivers/printer/printer.hpp"
#include "drivers/printer/receipt_template.hpp"
#include "drivers/scanner/scanner.hpp"
#include "drivers/transport/serial.hpp"
#include "drivers/transport/usb_bulk.hpp"
#include "kiosk/app/cli/selftest_timeout.hpp"

#include <ctime>
#include <memory>

namespace kiosk::provision {
namespace {

using namespace std::chrono_literals;

Check ok(const char* name, std::string detail) {
  return {name, "ok", std::move(detail)};
}
Check failed(const char* name, std::string detail) {
  return {name, "failed", std::move(detail)};
}
Check skipped(const char* name, const DeviceAddresses& a) {
  return {name, "skipped", a.not_configured};
}

// ---- ID-card reader: SAM status, then the SAM id ---------------------------

kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> open_reader(
    const std::string& address) {
  if (address.starts_with("usb:")) {
    auto id = transport::parse_usb_id(address.substr(4));
    if (!id) return kx::unexpected(id.error());
    auto s = transport::UsbBulkStream::open({.id = *id});
    if (!s) return kx::unexpected(s.error());
    return std::unique_ptr<transport::ByteStream>(std::move(*s));
  }
  auto s = transport::SerialPort::open(address);
  if (!s) return kx::unexpected(s.error());
  return std::unique_ptr<transport::ByteStream>(std::move(*s));
}

std::string describe(const idcard::Error& e) {
  return std::string(idcard::to_string(e.code)) + ": " + e.detail;
}

Check reader_check(const std::string& address) {
  constexpr const char* kName = "idcard_reader";
  auto stream = open_reader(address);
  if (!stream) {
    return failed(kName, "cannot open " + address + ": " +
                             transport::to_string(stream.error().code) + ": " +
                             stream.error().detail);
  }
  idcard::Reader reader(**stream);
  // As the app connects: a SAM that fails its status check gets one reset.
  auto status = reader.sam_status();
  if (!status && status.error().code != idcard::ErrorCode::disconnected) {
    if (reader.reset_sam()) status = reader.sam_status();
  }
  if (!status) {
    return failed(kName, "no SAM status from " + address + ": " + describe(status.error()));
  }
  auto id = reader.sam_id();
  if (!id) return failed(kName, "SAM status ok, no SAM id: " + describe(id.error()));
  return ok(kName, "SAM status ok, SAM id " + *id + " on " + reader.describe());
}

// ---- Printer: status, then the real test page ------------------------------

std::string describe(const printer::Error& e) {
  return std::string(printer::to_string(e.code)) + ": " + e.detail;
}

std::string now_text() {
  char buf[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

}  // namespace

// Renders template `id` with its sample fields overridden by `fields` and
// prints it; the printer must be ready. Returns how it came out.
kx::expected<std::string, std::string> print_template(
    const DeviceAddresses& a, const std::string& id,
    const std::map<std::string, std::string>& fields) {
  if (!a.printer) return kx::unexpected(std::string("no printer configured"));
  auto set = printer::TemplateSet::load(a.receipt_templates);
  if (!set) return kx::unexpected("receipt templates: " + describe(set.error()));
  const printer::ReceiptTemplate* page = set->find(id);
  if (page == nullptr) {
    return kx::unexpected("no " + id + " template in " + a.receipt_templates.string());
  }
  printer::ReceiptData data = page->sample;
  for (const auto& [k, v] : fields) data.fields[k] = v;
  printer::ReceiptLayout layout;
  layout.width = a.paper_mm == 58 ? printer::PaperWidth::mm58 : printer::PaperWidth::mm80;
  auto bytes = printer::render_receipt(*page, data, layout);
  if (!bytes) return kx::unexpected(id + ": " + describe(bytes.error()));

  printer::PrinterOptions options;
  options.job_timeout = 30s;
  options.recovery_wait = 0s;  // a fault fails at once; the technician fixes it and runs again
  printer::Printer p(printer::open_spec(*a.printer), options);
  auto status = p.status();
  if (!status) {
    return kx::unexpected("no status from " + *a.printer + ": " + describe(status.error()));
  }
  if (!status->ready()) {
    std::string why;
    for (auto e : printer::events_of(*status))
      why += std::string(why.empty() ? "" : ", ") + printer::to_string(e);
    return kx::unexpected("not ready: " + (why.empty() ? std::string("unknown") : why));
  }
  const auto result = p.print({"kiosk-" + id, std::move(*bytes)});
  if (!result.printed()) {
    return kx::unexpected("the " + id + " did not print: " +
                          (result.error ? describe(*result.error) : std::string("unknown")));
  }
  const std::string how = std::string(printer::to_string(result.outcome)) + " on " + p.describe();
  if (result.outcome == printer::Outcome::printed_not_cut) return kx::unexpected(how);
  return how;
}

namespace {

Check printer_check(const DeviceAddresses& a, const std::string& terminal_id) {
  constexpr const char* kName = "printer";
  auto printed =
      print_template(a, "test-page", {{"terminal_id", terminal_id}, {"time", now_text()}});
  if (!printed) return failed(kName, printed.error());
  return ok(kName, "test page for " + terminal_id + " " + *printed);
}

// ---- Scanner: one page ------------------------------------------------------

std::string describe(const scanner::Error& e) {
  return std::string(scanner::to_string(e.code)) + ": " + e.detail;
}

Check scanner_check(const std::string& device, std::chrono::seconds limit) {
  constexpr const char* kName = "scanner";
  scanner::SourceSpec spec;
  spec.kind = scanner::SourceKind::sane;
  spec.device = device;
  spec.settings.dpi = 150;  // enough to see the scanner works, quick on any device
  scanner::ScanSession session(spec);
  const int id = session.start({.pages = 1, .pipeline = {}});
  const auto deadline = std::chrono::steady_clock::now() + limit;
  std::string opened;
  while (std::chrono::steady_clock::now() < deadline) {
    auto ev = session.wait(std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()));
    if (!ev) break;
    if (const auto* o = std::get_if<scanner::OpenedEvent>(&*ev)) {
      opened = o->description;
    } else if (const auto* d = std::get_if<scanner::JobDoneEvent>(&*ev); d && d->job == id) {
      const std::string name = device.empty() ? std::string("the first SANE scanner") : device;
      if (d->error) return failed(kName, name + ": " + describe(*d->error));
      if (d->pages < 1) return failed(kName, name + ": no page came out");
      return ok(kName, "1 page scanned on " + (opened.empty() ? name : opened));
    }
  }
  session.cancel();  // the destructor waits for at most one device read
  return failed(kName, "no page within " + std::to_string(limit.count()) + " s");
}

}  // namespace

Check check_reader(const DeviceAddresses& a, const DeviceLimits& limits) {
  if (!a.reader) return skipped("idcard_reader", a);
  return within("idcard_reader", limits.reader,
                [address = *a.reader] { return reader_check(address); });
}

Check check_printer(const DeviceAddresses& a, const std::string& terminal_id,
                    const DeviceLimits& limits) {
  if (!a.printer) return skipped("printer", a);
  return within("printer", limits.printer,
                [a, terminal_id] { return printer_check(a, terminal_id); });
}

Check check_scanner(const DeviceAddresses& a, const DeviceLimits& limits) {
  if (!a.scanner) return skipped("scanner", a);
  // The scan gives up a little before the hard limit, so it can cancel cleanly.
  const auto scan_limit = limits.scanner - std::min(limits.scanner / 4, std::chrono::seconds(10));
  return within("scanner", limits.scanner,
                [device = *a.scanner, scan_limit] { return scanner_check(device, scan_limit); });
}

}  // namespace kiosk::provision
