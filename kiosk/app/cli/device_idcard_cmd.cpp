// kiosk device idcard read --port /dev/ttyX | --usb VID:PID [--timeout S] [--unmasked]
// Waits for a card, prints it as one JSON object on stdout and exits 0; on
// any failure prints the reason (Chinese and English) on stderr and exits
// non-zero. The ID number is masked unless --unmasked is given.
#include "drivers/idcard/mask.hpp"
#include "drivers/idcard/session.hpp"
#include "drivers/transport/serial.hpp"
#include "drivers/transport/usb_bulk.hpp"
#include "kiosk/cli/registry.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

namespace {

struct ReadOptions {
  std::string port;
  std::string usb;
  double timeout_s = 30;
  bool unmasked = false;
  bool fingerprint = false;
};

// Exit codes: 0 card read, 1 read failed / no card in time, 2 reader fault, 3 usage.
int fail(const idcard::Error& e, int code) {
  std::cerr << idcard::message_zh(e.code) << "\n"
            << idcard::message_en(e.code) << "\n"
            << "(" << idcard::to_string(e.code) << ": " << e.detail << ")\n";
  return code;
}

nlohmann::json to_json(const idcard::CardRecord& c, bool unmasked) {
  return {
      {"card_type", idcard::to_string(c.type)},
      {"name", c.name},
      {"name_en", c.name_en},
      {"sex", c.sex},
      {"nation", c.nation},
      {"birth", c.birth},
      {"address", c.address},
      {"appended_address", c.appended_address},
      {"id_number", unmasked ? c.id_number : idcard::mask_id_number(c.id_number)},
      {"issuer", c.issuer},
      {"valid_from", c.valid_from},
      {"valid_to", c.valid_to},
      {"long_term", c.long_term},
      {"expired", c.expired},
      {"photo_wlt_bytes", c.photo_wlt.size()},
  };
}

int read_card(const ReadOptions& o) {
  if (o.port.empty() == o.usb.empty()) {
    std::cerr << "请指定 --port 或 --usb 之一。\nGive exactly one of --port or --usb.\n";
    return 3;
  }
  idcard::StreamFactory factory;
  if (!o.port.empty()) {
    factory =
        [port =
             o.port]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
      auto s = transport::SerialPort::open(port);
      if (!s) return kx::unexpected(s.error());
      return std::unique_ptr<transport::ByteStream>(std::move(*s));
    };
  } else {
    auto id = transport::parse_usb_id(o.usb);
    if (!id) {
      std::cerr << "USB 设备号格式应为 VID:PID（如 0400:C35A）。\n" << id.error().detail << "\n";
      return 3;
    }
    factory =
        [id = *id]() -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
      auto s = transport::UsbBulkStream::open({.id = id});
      if (!s) return kx::unexpected(s.error());
      return std::unique_ptr<transport::ByteStream>(std::move(*s));
    };
  }

  idcard::SessionOptions so;
  so.reader.fingerprint = o.fingerprint;
  idcard::ReaderSession session(factory, so);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(o.timeout_s * 1000));
  bool prompted = false;
  while (std::chrono::steady_clock::now() < deadline) {
    auto ev = session.poll_once();
    if (ev) {
      if (auto* d = std::get_if<idcard::ReaderDisconnected>(&*ev)) return fail(d->reason, 2);
      if (auto* f = std::get_if<idcard::ReaderFaulty>(&*ev)) return fail(f->reason, 2);
      if (auto* r = std::get_if<idcard::CardReadFailed>(&*ev)) return fail(r->reason, 1);
      if (auto* c = std::get_if<idcard::CardRead>(&*ev)) {
        std::cout << to_json(c->card, o.unmasked).dump() << std::endl;
        c->card.wipe();
        return 0;
      }
      if (std::holds_alternative<idcard::ReaderConnected>(*ev) && !prompted) {
        std::cerr << "请将身份证放在阅读器上…\nPlease place the ID card on the reader…\n";
        prompted = true;
        continue;  // look for a card at once
      }
    }
    idcard::system_clock().sleep_for(so.poll_interval);
  }
  return fail(idcard::Error{idcard::ErrorCode::no_card, 0, "no card within the timeout"}, 1);
}

void install_device_idcard(CLI::App& root, kiosk::cli::Context& ctx) {
  CLI::App& device = kiosk::cli::group(root, "device", "Test and operate the kiosk's devices");
  CLI::App* idcard_cmd = device.add_subcommand("idcard", "Resident ID-card reader (GA 467)");
  idcard_cmd->require_subcommand(1);
  CLI::App* read = idcard_cmd->add_subcommand("read", "Wait for a card and print it as JSON");
  auto o = std::make_shared<ReadOptions>();
  read->add_option("--port", o->port, "Serial port of the reader (/dev/ttyUSB0, a pty, ...)");
  read->add_option("--usb", o->usb, "USB reader as VID:PID, e.g. 0400:C35A");
  read->add_option("--timeout", o->timeout_s, "Seconds to wait for a card")->capture_default_str();
  read->add_flag("--unmasked", o->unmasked, "Print the full ID number (technicians only)");
  read->add_flag("--fingerprint", o->fingerprint, "Also read the fingerprint block (30 10)");
  read->callback([o, &ctx] { ctx.exit_code = read_card(*o); });
}

}  // namespace

KIOSK_REGISTER_COMMANDS(40, install_device_idcard);
