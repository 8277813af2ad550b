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
    : events_(events), options_(std::move(options)), thread_([this] { run(); }) {}

CardReaderService::~CardReaderService() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void CardReaderService::run() {
  idcard::StreamFactory factory = [port = options_.port]()
      -> kx::expected<std::unique_ptr<transport::ByteStream>, transport::Error> {
    auto s = transport::SerialPort::open(port);
    if (!s) return kx::unexpected(s.error());
    return std::unique_ptr<transport::ByteStream>(std::move(*s));
  };
  idcard::SessionOptions session_options;
  session_options.poll_interval = options_.poll_interval;
  idcard::ReaderSession session(factory, session_options);
  bool card_on_reader = false;
  core::DeviceState shown = core::DeviceState::unknown;
  const auto device_state = [&](core::DeviceState s) {
    if (s == shown) return;
    shown = s;
    events_.post(core::DeviceChanged{core::Device::reader, s});
  };
  for (;;) {
    std::optional<idcard::DeviceEvent> event = session.poll_once();
    if (event) {
      if (std::holds_alternative<idcard::ReaderConnected>(*event)) {
        device_state(core::DeviceState::ok);
      } else if (const auto* gone = std::get_if<idcard::ReaderDisconnected>(&*event)) {
        spdlog::warn("card reader disconnected: {}", gone->reason.detail);
        device_state(core::DeviceState::missing);
      } else if (const auto* bad = std::get_if<idcard::ReaderFaulty>(&*event)) {
        spdlog::warn("card reader fault: {}", bad->reason.detail);
        device_state(core::DeviceState::fault);
      } else if (auto* read = std::get_if<idcard::CardRead>(&*event)) {
        spdlog::info("card read: {} {}", idcard::to_string(read->card.type),
                     idcard::mask_id_number(read->card.id_number));
        events_.post(core::CardRead{citizen_from(read->card)});
        read->card.wipe();
        card_on_reader = true;
      } else if (const auto* failed = std::get_if<idcard::CardReadFailed>(&*event)) {
        spdlog::info("card read failed: {}", failed->reason.detail);
        events_.post(core::CardError{"identify.error.read"});
      }
    }
    // The driver reads a card once and then waits for it to leave.
    if (card_on_reader && !session.awaiting_removal()) {
      card_on_reader = false;
      events_.post(core::CardRemoved{});
    }
    std::unique_lock lock(mutex_);
    if (stop_cv_.wait_for(lock, options_.poll_interval, [this] { return stop_; })) return;
  }
}

}  // namespace kiosk::app::devices
