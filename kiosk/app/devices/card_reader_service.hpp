#pragma once
// The ID-card reader in the running kiosk: polls the reader through the
// idcard driver on a thread of its own and posts session-core events
// (DeviceChanged, CardRead, CardRemoved, CardError). Card data goes to the
// core only; logs see the card type and the masked number.
#include "kiosk/app/app_events.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace idcard {
struct CardRecord;
}

namespace kiosk::app::devices {

// The core's view of a card (Citizen) from the driver's record.
core::Citizen citizen_from(const idcard::CardRecord& card);

class CardReaderService {
 public:
  struct Options {
    std::string port;  // serial port or pty of the reader
    std::chrono::milliseconds poll_interval{300};
  };
  CardReaderService(AppEvents& events, Options options);
  ~CardReaderService();
  CardReaderService(const CardReaderService&) = delete;
  CardReaderService& operator=(const CardReaderService&) = delete;

 private:
  void run();

  AppEvents& events_;
  Options options_;
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace kiosk::app::devices
