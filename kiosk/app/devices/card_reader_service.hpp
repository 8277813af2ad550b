#pragma once
// The ID-card reader in the running kiosk: polls the reader through the
// idcard driver on a thread of its own and posts session-core events
// (DeviceChanged, CardRead, CardRemoved, CardError). Card data goes to the
// core only; logs see the card type and the masked number.
#include "drivers/idcard/session.hpp"
#include "kiosk/app/app_events.hpp"
#include "kiosk/app/devices/periodic_thread.hpp"
#include "kiosk/app/devices/port_share.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace kiosk::app::devices {

// The core's view of a card (Citizen) from the driver's record.
core::Citizen citizen_from(const idcard::CardRecord& card);

class CardReaderService {
 public:
  struct Options {
    std::string port;  // serial port or pty of the reader
    std::chrono::milliseconds poll_interval{300};
    // Shared with technician device tests: while one holds it the reader's
    // port is closed (port_share.hpp). Null: never shared.
    std::shared_ptr<PortShare> share;
  };
  CardReaderService(AppEvents& events, Options options);
  ~CardReaderService();
  CardReaderService(const CardReaderService&) = delete;
  CardReaderService& operator=(const CardReaderService&) = delete;

 private:
  void step();
  void show(core::DeviceState state);

  AppEvents& events_;
  std::unique_ptr<idcard::ReaderSession> session_;
  bool card_on_reader_ = false;
  idcard::StreamFactory factory_;
  idcard::SessionOptions session_options_;
  std::shared_ptr<PortShare> share_;
  core::DeviceState shown_ = core::DeviceState::unknown;
  std::unique_ptr<PeriodicThread> thread_;  // started last, stopped first
};

}  // namespace kiosk::app::devices
