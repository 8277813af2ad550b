#pragma once
// Events from the kiosk's surroundings: devices, network, outbox, clock.
// Card and QR events are in flows/identify.hpp.
#include "kiosk/core/types.hpp"

#include <string>

namespace core {

struct Tick {
  Millis now;
  WallClock clock;
};
struct NetworkChanged {
  LinkState state;
};
struct DeviceChanged {
  Device device;
  DeviceState state;
};
// The answer to a PrintReceipt; `text_id` says what went wrong when !ok
// (e.g. "print.error.no_paper").
struct PrintDone {
  bool ok = true;
  std::string text_id;
};
// Posted by the outbox service whenever its queue changes.
struct OutboxChanged {
  int waiting = 0;
  int dead = 0;
  bool accepting = true;
};

}  // namespace core
