#pragma once
// Take a number: item -> ticket with the people ahead and the estimated
// wait; a priority option; an appointment checked in by its QR code.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct IssuedTicket {
  std::string number;  // 排队号
  std::string item_code, window_group;
  std::vector<std::string> windows;
  int ahead = 0;
  int wait_minutes = 0;
  std::string issued_at;
  std::string appointment_id;  // set for a check-in
  bool operator==(const IssuedTicket&) const = default;
};

struct TicketState {
  std::string item_code;
  std::string priority = "normal";  // normal | elderly | disabled
  LoadState request = LoadState::none;
  RequestId request_id = 0;
  std::optional<IssuedTicket> ticket;
  std::string error_text_id;
  bool operator==(const TicketState&) const = default;
};

// --- events -------------------------------------------------------------------
struct TicketPriority {
  std::string priority;
};
struct TicketConfirm {};
struct TicketDone {};  // "done" on the ticket: on to the rating
// The app's answers to TakeTicket / CheckIn.
struct TicketIssued {
  RequestId request;
  IssuedTicket ticket;
};
struct TicketFailed {
  RequestId request;
  std::string text_id;
};

}  // namespace core
