#include "kiosk/app/devices/card_reader_service.hpp"

#include "drivers/idcard/mask.hpp"
#include "drivers/idcard/session.hpp"
#include "drivers/transport/serial.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app::devices {

core::Citizen citizen_from(const idcard::CardRecord& card) {
  core::Citizen c;
  c.name = card.name.empty() ? card.name_en : card.name;
  c.id_number = card.id_number;
  switch (card.type) {
    case idcard::CardType::resident:
      c.card_type = "resident";
      break;
    case idcard::CardType::hk_mo_tw_permit:
      c.card_type = "hk_macau_taiwan_residence";
      break;
    case idcard::CardType::foreign_permanent_2017:
      c.card_type = "old_foreign_permanent";
      break;
    case idcard::CardType::foreign_permanent_2023:
      c.card_type = "foreign_permanent";
      break;
  }
  c.address = card.address + card.appended_address;
  c.valid_until = card.valid_to;
  return c;
}

CardReaderService::CardReaderService(AppEvents& events, Options options)
    : events_(events), share_(std::move(options.share)) {
  factory_ = [port = options.port]()
      -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
    auto s = transport::SerialPort::open(port);
    if (!s) return kx::unexpected(s.error());
    return std::unique_ptr<transport::ByteStream>(std::move(*s));
  };
  session_options_.poll_interval = options.poll_interval;
  session_ = std::make_unique<idcard::ReaderSession>(factory_, session_options_);
  thread_ = std::make_unique<PeriodicThread>(options.poll_interval, [this] { step(); });
}

CardReaderService::~CardReaderService() {
  thread_.reset();  // before the session it polls
}

void CardReaderService::show(core::DeviceState state) {
  if (state == shown_) return;
  shown_ = state;
  events_.post(core::DeviceChanged{core::Device::reader, state});
}

void CardReaderService::step() {
  if (share_ && !share_->use(PortShare::reader)) {
    // A technician's test has the port: close it (the status bar keeps
    // the last state; the test says how the reader is).
    session_.reset();
    share_->let_go(PortShare::reader);
    return;
  }
  if (!session_) session_ = std::make_unique<idcard::ReaderSession>(factory_, session_options_);
  std::optional<idcard::DeviceEvent> event = session_->poll_once();
  if (event) {
    if (std::holds_alternative<idcard::ReaderConnected>(*event)) {
      show(core::DeviceState::ok);
    } else if (const auto* gone = std::get_if<idcard::ReaderDisconnected>(&*event)) {
      spdlog::warn("card reader disconnected: {}", gone->reason.detail);
      show(core::DeviceState::missing);
    } else if (const auto* bad = std::get_if<idcard::ReaderFaulty>(&*event)) {
      spdlog::warn("card reader fault: {}", bad->reason.detail);
      show(core::DeviceState::fault);
    } else if (auto* read = std::get_if<idcard::CardRead>(&*event)) {
      spdlog::info("card read: {} {}", idcard::to_string(read->card.type),
                   idcard::mask_id_number(read->card.id_number));
      events_.post(core::CardRead{citizen_from(read->card)});
      read->card.wipe();
      card_on_reader_ = true;
    } else if (const auto* failed = std::get_if<idcard::CardReadFailed>(&*event)) {
      spdlog::info("card read failed: {}", failed->reason.detail);
      events_.post(core::CardError{"identify.error.read"});
    }
  }
  // The driver reads a card once and then waits for it to leave.
  if (card_on_reader_ && !session_->awaiting_removal()) {
    card_on_reader_ = false;
    events_.post(core::CardRemoved{});
  }
}

}  // namespace kiosk::app::devices
