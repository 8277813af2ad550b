#pragma once
// What the reader session reports. These are the driver's own types;
// kiosk/app turns them into session-core events.
#include "drivers/idcard/card.hpp"
#include "drivers/idcard/error.hpp"

#include <string>
#include <variant>

namespace idcard {

struct ReaderConnected {
  std::string device;  // "serial:/dev/ttyUSB0"
  std::string sam_id;  // "05.01-20101010-0012345678-1234567890"
};
struct ReaderDisconnected {
  std::string device;
  Error reason;
};
struct ReaderFaulty {
  std::string device;
  Error reason;
};
struct CardRead {
  CardRecord card;
};
struct CardReadFailed {
  Error reason;  // message_zh/en(reason.code) is what the person is told
};

using DeviceEvent =
    std::variant<ReaderConnected, ReaderDisconnected, ReaderFaulty, CardRead, CardReadFailed>;

}  // namespace idcard
