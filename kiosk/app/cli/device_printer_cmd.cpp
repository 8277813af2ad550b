// kiosk device printer status | test-page | print-sample KIND --out FILE.bin
// For field technicians: check the receipt printer, print a test page, or
// write the exact bytes a receipt would send (to render with
// `kiosk-devsim printer render`).
#include "drivers/printer/printer.hpp"
#include "drivers/printer/receipt_template.hpp"
#include "kiosk/app/paths.hpp"
#include "kiosk/cli/registry.hpp"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

namespace {

struct PrinterCliOptions {
  std::string device;
  std::string templates;
  std::string kind;
  std::string out;
  std::string terminal_id;
  int width = 384;
  bool raster_qr_only = false;
};

std::string default_device() {
  const char* env = std::getenv("KIOSK_PRINTER_DEVICE");  // NOLINT(concurrency-mt-unsafe)
  return env && *env ? env : "/dev/usb/lp0";
}

std::filesystem::path templates_dir(const PrinterCliOptions& o) {
  if (!o.templates.empty()) return o.templates;
  return kiosk::app::bundled_config_dir() / "receipts";
}

printer::ReceiptLayout layout_of(const PrinterCliOptions& o) {
  printer::ReceiptLayout l;
  l.width = o.width == 576 ? printer::PaperWidth::mm80 : printer::PaperWidth::mm58;
  l.qr.native_supported = !o.raster_qr_only;
  return l;
}

void print_error(const printer::Error& e) {
  const auto m = printer::message(e.code);
  std::cerr << m.zh << "\n"
            << m.en << "\n(" << printer::to_string(e.code) << ": " << e.detail << ")\n";
}

kx::expected<std::vector<std::uint8_t>, printer::Error> build(const PrinterCliOptions& o,
                                                              const std::string& kind,
                                                              bool live_fields) {
  auto set = printer::TemplateSet::load(templates_dir(o));
  if (!set) return kx::unexpected(set.error());
  const printer::ReceiptTemplate* t = set->find(kind);
  if (!t) {
    return kx::unexpected(
        printer::Error{printer::ErrorCode::template_missing, "no template " + kind});
  }
  printer::ReceiptData data = t->sample;
  if (live_fields) {
    if (!o.terminal_id.empty()) data.fields["terminal_id"] = o.terminal_id;
    char buf[32];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    data.fields["time"] = buf;
  }
  return printer::render_receipt(*t, data, layout_of(o));
}

int cmd_status(const PrinterCliOptions& o) {
  printer::Printer p(printer::open_spec(o.device));
  auto s = p.status();
  if (!s) {
    print_error(s.error());
    return 1;
  }
  std::cout << "device: " << p.describe() << "\n";
  auto events = printer::events_of(*s);
  if (events.empty()) std::cout << "打印机就绪 / Printer ready\n";
  for (auto e : events) {
    const auto m = printer::message(e);
    std::cout << printer::to_string(e) << ": " << m.zh << " / " << m.en << "\n";
  }
  return s->ready() ? 0 : 1;
}

int cmd_test_page(const PrinterCliOptions& o) {
  auto bytes = build(o, "test-page", true);
  if (!bytes) {
    print_error(bytes.error());
    return 1;
  }
  printer::Printer p(printer::open_spec(o.device));
  auto r = p.print({"test-page", std::move(*bytes)});
  for (auto e : r.events) {
    const auto m = printer::message(e);
    std::cout << printer::to_string(e) << ": " << m.zh << " / " << m.en << "\n";
  }
  std::cout << "result: " << printer::to_string(r.outcome) << " (attempts " << r.attempts << ")\n";
  if (r.error) print_error(*r.error);
  return r.printed() ? 0 : 1;
}

int cmd_print_sample(const PrinterCliOptions& o) {
  auto bytes = build(o, o.kind, false);
  if (!bytes) {
    print_error(bytes.error());
    return 1;
  }
  std::ofstream out(o.out, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes->data()),
            static_cast<std::streamsize>(bytes->size()));
  if (!out) {
    std::cerr << "无法写入 / cannot write " << o.out << "\n";
    return 1;
  }
  std::cout << o.out << ": " << bytes->size() << " bytes\n";
  return 0;
}

void install_device_printer(CLI::App& root, kiosk::cli::Context& ctx) {
  auto& device = kiosk::cli::group(root, "device", "Check and test the kiosk's devices");
  auto* cmd = device.add_subcommand("printer", "Receipt printer (ESC/POS)");
  cmd->require_subcommand(1);
  auto o = std::make_shared<PrinterCliOptions>();
  o->device = default_device();
  auto common = [o](CLI::App* c) {
    c->add_option("--templates", o->templates, "receipt template folder");
    c->add_option("--width", o->width, "paper width in dots: 384 (58 mm) or 576 (80 mm)")
        ->check(CLI::IsMember({384, 576}));
    c->add_flag("--raster-qr", o->raster_qr_only, "printer has no native QR: draw QR as an image");
  };

  auto* status = cmd->add_subcommand("status", "Ask the printer for its status (DLE EOT 1-4)");
  status->add_option("--device", o->device,
                     "printer: /dev/usb/lpN, a pty, or usb:VID:PID (default $KIOSK_PRINTER_DEVICE "
                     "or /dev/usb/lp0)");
  status->callback([o, &ctx] { ctx.exit_code = cmd_status(*o); });

  auto* test = cmd->add_subcommand("test-page", "Print the test page");
  test->add_option("--device", o->device, "printer device");
  test->add_option("--terminal-id", o->terminal_id, "terminal id printed on the page");
  common(test);
  test->callback([o, &ctx] { ctx.exit_code = cmd_test_page(*o); });

  auto* sample =
      cmd->add_subcommand("print-sample", "Write a sample receipt's exact bytes to a file");
  sample->add_option("KIND", o->kind, "preapplication, appointment, ticket, navigation, test-page")
      ->required()
      ->check(
          CLI::IsMember({"preapplication", "appointment", "ticket", "navigation", "test-page"}));
  sample->add_option("--out", o->out, "file to write the ESC/POS bytes to")->required();
  common(sample);
  sample->callback([o, &ctx] { ctx.exit_code = cmd_print_sample(*o); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(40, install_device_printer);
