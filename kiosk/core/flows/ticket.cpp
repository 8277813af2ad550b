// Take a number, and check an appointment in by its QR code. The ticket
// screen is the flow's receipt: it prints itself, and "done" leads to the
// rating.
#include "kiosk/core/flows/reduce.hpp"

namespace core::flows {
namespace {

bool valid_priority(const std::string& p) {
  return p == "normal" || p == "elderly" || p == "disabled";
}

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string issued_time(const WallClock& c) {
  return std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day) + " " +
         two_digits(c.hour) + ":" + two_digits(c.minute);
}

PrintReceipt ticket_receipt(const State& s, const IssuedTicket& t) {
  PrintReceipt r;
  r.template_id = "ticket";
  r.qr = qr_url(s.settings.public_url, QrCode::Kind::ticket, t.number);
  r.fields = {{"hall", s.settings.hall_name_zh},
              {"number", t.number},
              {"window_group", t.window_group},
              {"ahead", std::to_string(t.ahead)},
              {"wait", std::to_string(t.wait_minutes)},
              {"time", t.issued_at.empty() ? issued_time(s.clock) : t.issued_at},
              {"queue_url", r.qr}};
  return r;
}

bool answers_current(const State& s, RequestId request) {
  return s.ticket.request == LoadState::loading && s.ticket.request_id == request;
}

}  // namespace

void check_in(State& s, Effects& fx, const std::string& confirmation_code) {
  s.ticket = TicketState{};
  s.ticket.request = LoadState::loading;
  s.ticket.request_id = next_request(s);
  s.screen = Screen::ticket_issued;
  fx.emplace_back(CheckIn{s.ticket.request_id, confirmation_code});
}

void apply(State& s, const TicketPriority& e, Effects&) {
  if (s.screen != Screen::ticket_item || !valid_priority(e.priority)) return;
  touch(s);
  s.ticket.priority = e.priority;
}

void apply(State& s, const TicketConfirm&, Effects& fx) {
  if (s.screen != Screen::ticket_item || s.ticket.request == LoadState::loading) return;
  touch(s);
  s.ticket.request = LoadState::loading;
  s.ticket.request_id = next_request(s);
  s.ticket.error_text_id.clear();
  s.screen = Screen::ticket_issued;
  fx.emplace_back(TakeTicket{s.ticket.request_id, s.ticket.item_code, s.ticket.priority});
}

void apply(State& s, const TicketDone&, Effects& fx) {
  if (s.screen != Screen::ticket_issued) return;
  touch(s);
  if (s.ticket.ticket) {
    start_rating(s, fx, {}, s.ticket.ticket->number);
    return;
  }
  if (s.ticket.request == LoadState::loading) return;  // wait for the answer
  // It failed: back to the item, to try again or choose another.
  s.screen = s.ticket.item_code.empty() ? Screen::identify : Screen::ticket_item;
  s.ticket.request = LoadState::none;
}

void apply(State& s, const TicketIssued& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  s.ticket.request = LoadState::ready;
  s.ticket.ticket = e.ticket;
  s.print = LoadState::loading;
  s.print_error.clear();
  fx.emplace_back(ticket_receipt(s, e.ticket));
  fx.emplace_back(Speak{"ticket.issued", s.lang});
}

void apply(State& s, const TicketFailed& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  s.ticket.request = LoadState::failed;
  s.ticket.error_text_id = e.text_id;
  fx.emplace_back(Speak{e.text_id, s.lang});
}

}  // namespace core::flows
