// Appointment booking and cancellation. One request at a time: each step
// that asks the platform numbers its request, and an answer to any other
// (the citizen went back, chose another day) is dropped.
#include "kiosk/core/flows/appointment.hpp"

#include "kiosk/core/flows/reduce.hpp"
#include "kiosk/core/qr.hpp"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[(m - 1) % 12];
}

std::string two(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

}  // namespace

std::vector<std::string> next_working_days(const WallClock& today, int n) {
  std::vector<std::string> out;
  int y = today.year, m = today.month, d = today.day, wd = today.weekday;
  while (static_cast<int>(out.size()) < n) {
    wd = (wd + 1) % 7;
    if (++d > days_in_month(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
    if (wd != 0 && wd != 6) out.push_back(std::to_string(y) + "-" + two(m) + "-" + two(d));
  }
  return out;
}

const Hall* find_hall(const std::vector<Hall>& halls, const std::string& code) {
  const auto it = std::ranges::find(halls, code, &Hall::code);
  return it == halls.end() ? nullptr : &*it;
}

const HallWindow* find_window(const Hall& hall, const std::string& code) {
  // A window code ("B-12"), else the first window of a group ("B").
  auto it = std::ranges::find(hall.windows, code, &HallWindow::code);
  if (it == hall.windows.end()) it = std::ranges::find(hall.windows, code, &HallWindow::group);
  return it == hall.windows.end() ? nullptr : &*it;
}

namespace flows {
namespace {

AppointmentState& appt(State& s) {
  return s.appointment;
}

// Ask the platform; the page shows "loading" until the answer.
RequestId start_request(State& s) {
  appt(s).request = LoadState::loading;
  appt(s).request_id = next_request(s);
  appt(s).error_text_id.clear();
  return appt(s).request_id;
}

bool answers_current(const State& s, RequestId request) {
  return s.appointment.request == LoadState::loading && s.appointment.request_id == request;
}

// Booking and cancelling change a record on the platform: never queued.
bool refuse_offline(State& s, Effects& fx) {
  if (s.network != LinkState::offline) return false;
  appt(s).error_text_id = "appointment.error.offline";
  fx.emplace_back(Speak{"appointment.error.offline", s.lang});
  return true;
}

void fetch_slots(State& s, Effects& fx) {
  appt(s).slots.clear();
  appt(s).slot_id.clear();
  const RequestId id = start_request(s);
  fx.emplace_back(FetchSlots{id, appt(s).item_code, appt(s).hall_code, appt(s).date});
}

// The halls that handle the item (by its window group); all of them if the
// data names no group, so a citizen is never left without a choice.
std::vector<Hall> halls_for_item(const State& s, std::vector<Hall> halls) {
  const GuideItem* item = find_item(s.catalogue, s.appointment.item_code);
  if (item == nullptr || item->window_group.empty()) return halls;
  std::vector<Hall> out;
  for (Hall& h : halls) {
    if (std::ranges::any_of(h.windows,
                            [&](const HallWindow& w) { return w.group == item->window_group; })) {
      out.push_back(std::move(h));
    }
  }
  return out.empty() ? halls : out;
}

PrintReceipt appointment_receipt(const State& s, const BookedAppointment& a) {
  PrintReceipt r;
  r.template_id = "appointment";
  r.qr = qr_url(s.settings.public_url, QrCode::Kind::appointment, a.confirmation_code);
  const Hall* hall = find_hall(s.appointment.halls, a.hall_code);
  const GuideItem* item = find_item(s.catalogue, a.item_code);
  r.fields = {{"hall", hall ? hall->name_zh : a.hall_code},
              {"window", item ? item->window_group : std::string{}},
              {"time", a.date + " " + a.start},
              {"item", item ? item->name_zh : a.item_code},
              {"applicant", s.identity.citizen ? s.identity.citizen->name : std::string{}},
              {"confirmation_code", a.confirmation_code},
              {"appointment_url", r.qr}};
  return r;
}

// What a number pad may hold: the digits of `typed`, at most `max` of them.
std::string leading_digits(const std::string& typed, std::size_t max) {
  std::string digits;
  for (char c : typed) {
    if (std::isdigit(static_cast<unsigned char>(c)) && digits.size() < max) digits += c;
  }
  return digits;
}

void to_cancel_confirm(State& s, std::string code) {
  appt(s).cancel_code = std::move(code);
  appt(s).cancelled = false;
  appt(s).request = LoadState::none;
  appt(s).error_text_id.clear();
  s.screen = Screen::appointment_cancel_confirm;
}

}  // namespace

void start_booking(State& s, Effects& fx, const std::string& item_code) {
  s.appointment = AppointmentState{};
  appt(s).item_code = item_code;
  s.screen = Screen::appointment_hall;
  const GuideItem* item = find_item(s.catalogue, item_code);
  if (item != nullptr && !item->appointment) {
    appt(s).error_text_id = "appointment.error.no_appointments";
    return;
  }
  fx.emplace_back(FetchHalls{start_request(s)});
}

void apply(State& s, const AppointmentStartBook&, Effects& fx) {
  if (s.screen != Screen::appointment_menu) return;
  touch(s);
  if (refuse_offline(s, fx)) return;
  start_guide(s, fx);
}

void apply(State& s, const AppointmentStartCancel&, Effects&) {
  if (s.screen != Screen::appointment_menu) return;
  touch(s);
  s.appointment = AppointmentState{};
  s.screen = Screen::appointment_cancel;
}

void apply(State& s, const AppointmentHallChosen& e, Effects&) {
  if (s.screen != Screen::appointment_hall || !find_hall(appt(s).halls, e.hall_code)) return;
  touch(s);
  appt(s).hall_code = e.hall_code;
  appt(s).days = next_working_days(s.clock, kBookingDays);
  appt(s).date.clear();
  s.screen = Screen::appointment_day;
}

void apply(State& s, const AppointmentDayChosen& e, Effects& fx) {
  if (s.screen != Screen::appointment_day ||
      std::ranges::find(appt(s).days, e.date) == appt(s).days.end()) {
    return;
  }
  touch(s);
  appt(s).date = e.date;
  s.screen = Screen::appointment_slot;
  fetch_slots(s, fx);
}

void apply(State& s, const AppointmentSlotChosen& e, Effects&) {
  if (s.screen != Screen::appointment_slot) return;
  const auto slot = std::ranges::find(appt(s).slots, e.slot_id, &Slot::slot_id);
  if (slot == appt(s).slots.end() || slot->available <= 0) return;  // full: shown, not chosen
  touch(s);
  appt(s).slot_id = e.slot_id;
  appt(s).error_text_id.clear();
  s.screen = Screen::appointment_confirm;
}

void apply(State& s, const AppointmentConfirm&, Effects& fx) {
  if (s.screen != Screen::appointment_confirm || appt(s).request == LoadState::loading) return;
  touch(s);
  // The booking is in the card holder's name: an identity from a QR code
  // or browsing anonymously cannot book.
  if (!s.identity.citizen) {
    appt(s).error_text_id = "appointment.error.needs_card";
    return;
  }
  if (!valid_mobile_phone(appt(s).phone)) {
    appt(s).error_text_id = "appointment.error.phone";
    fx.emplace_back(Speak{appt(s).error_text_id, s.lang});
    return;
  }
  if (refuse_offline(s, fx)) return;
  const RequestId id = start_request(s);
  fx.emplace_back(BookAppointment{id, appt(s).slot_id, s.identity.citizen->id_number,
                                  s.identity.citizen->name, appt(s).phone});
}

void apply(State& s, const AppointmentPhoneInput& e, Effects&) {
  if (s.screen != Screen::appointment_confirm || appt(s).request == LoadState::loading) return;
  touch(s);
  appt(s).phone = leading_digits(e.phone, 11);
  appt(s).error_text_id.clear();
}

void apply(State& s, const AppointmentCodeInput& e, Effects&) {
  if (s.screen != Screen::appointment_cancel) return;
  touch(s);
  appt(s).cancel_code = leading_digits(e.code, 6);
  appt(s).error_text_id.clear();
}

void apply(State& s, const AppointmentCancelSubmit&, Effects&) {
  if (s.screen != Screen::appointment_cancel) return;
  touch(s);
  // Confirmation codes are six digits (platform API, Appointment).
  if (appt(s).cancel_code.size() != 6) {
    appt(s).error_text_id = "appointment.error.bad_code";
    return;
  }
  to_cancel_confirm(s, appt(s).cancel_code);
}

void apply(State& s, const AppointmentCancelConfirm&, Effects& fx) {
  if (s.screen != Screen::appointment_cancel_confirm || appt(s).request == LoadState::loading) {
    return;
  }
  touch(s);
  if (refuse_offline(s, fx)) return;
  const RequestId id = start_request(s);
  s.screen = Screen::appointment_cancelled;
  fx.emplace_back(CancelAppointment{id, appt(s).cancel_code});
}

void apply(State& s, const SlotsLoaded& e, Effects&) {
  if (!answers_current(s, e.request) || s.screen != Screen::appointment_slot) return;
  appt(s).request = LoadState::ready;
  appt(s).slots = e.slots;
  if (e.slots.empty()) appt(s).error_text_id = "appointment.no_slots";
}

void apply(State& s, const AppointmentBooked& e, Effects& fx) {
  if (!answers_current(s, e.request) || s.screen != Screen::appointment_confirm) return;
  appt(s).request = LoadState::ready;
  appt(s).booked = e.appointment;
  s.screen = Screen::appointment_booked;
  s.print = LoadState::loading;
  s.print_error.clear();
  fx.emplace_back(appointment_receipt(s, e.appointment));
  fx.emplace_back(Speak{"appointment.booked", s.lang});
}

void apply(State& s, const AppointmentCancelled& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  appt(s).request = LoadState::ready;
  appt(s).cancelled = true;
  fx.emplace_back(Speak{"appointment.cancelled", s.lang});
}

void apply(State& s, const AppointmentFailed& e, Effects& fx) {
  if (!answers_current(s, e.request)) return;
  appt(s).request = LoadState::failed;
  fx.emplace_back(Speak{e.text_id, s.lang});
  if (e.text_id == "appointment.error.slot_full" && s.screen == Screen::appointment_confirm) {
    // Taken meanwhile: back to the day's slots, freshly counted.
    s.screen = Screen::appointment_slot;
    fetch_slots(s, fx);
  }
  appt(s).error_text_id = e.text_id;
}

// HallsLoaded for a booking; navigation has its own (navigation.cpp).
bool booking_halls(State& s, const HallsLoaded& e) {
  if (!answers_current(s, e.request) || s.screen != Screen::appointment_hall) return false;
  appt(s).request = LoadState::ready;
  appt(s).halls = halls_for_item(s, e.halls);
  return true;
}

bool booking_halls_failed(State& s, const HallsFailed& e) {
  if (!answers_current(s, e.request)) return false;
  appt(s).request = LoadState::failed;
  appt(s).error_text_id = e.text_id;
  return true;
}

bool appointment_qr(State& s, const std::string& text, Effects& fx) {
  const bool on_menu =
      s.screen == Screen::appointment_menu || s.screen == Screen::appointment_cancel;
  const bool identifying_for_it = s.screen == Screen::identify && s.flow == Flow::appointment;
  if (!on_menu && !identifying_for_it) return false;
  const QrCode code = parse_qr(text);
  if (code.kind != QrCode::Kind::appointment) return false;
  touch(s);
  if (identifying_for_it) {
    // The slip itself identifies its holder for cancelling it.
    s.identity = Identity{IdMethod::qr, std::nullopt, code};
    s.identify.error_text_id.clear();
    s.appointment = AppointmentState{};
  }
  to_cancel_confirm(s, code.value);
  fx.emplace_back(Speak{"appointment.cancel.title", s.lang});
  return true;
}

bool appointment_back(State& s, Effects& fx) {
  switch (s.screen) {
    case Screen::guide_list:
      if (s.flow != Flow::appointment) return false;
      s.screen = Screen::appointment_menu;
      return true;
    case Screen::appointment_hall:
      start_guide(s, fx);
      return true;
    case Screen::appointment_day:
      s.screen = Screen::appointment_hall;
      return true;
    case Screen::appointment_slot:
      appt(s).request = LoadState::none;  // drop the slots' answer
      appt(s).error_text_id.clear();
      s.screen = Screen::appointment_day;
      return true;
    case Screen::appointment_confirm:
      if (appt(s).request == LoadState::loading) return true;  // wait for the answer
      appt(s).error_text_id.clear();
      s.screen = Screen::appointment_slot;
      return true;
    case Screen::appointment_cancel:
    case Screen::appointment_cancelled:
      s.appointment = AppointmentState{};
      s.screen = Screen::appointment_menu;
      return true;
    case Screen::appointment_cancel_confirm:
      appt(s).error_text_id.clear();
      s.screen = Screen::appointment_cancel;
      return true;
    case Screen::appointment_booked:
      end_session(s, fx);
      return true;
    default:
      return false;
  }
}

}  // namespace flows
}  // namespace core
