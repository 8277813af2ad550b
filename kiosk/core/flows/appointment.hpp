#pragma once
// Appointment: book (item -> hall -> day -> free slot -> confirm -> slip)
// and cancel (by the slip's QR shown to the scanner, or by the confirmation
// code typed on a keypad -> confirm -> result). Booking needs the network:
// it is never queued, because a slot is only held once the platform says so.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/flows/halls.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

// How many working days ahead a citizen can book (Monday to Friday; the
// platform answers no slots on the days a hall is closed).
inline constexpr int kBookingDays = 5;

struct Slot {
  std::string slot_id, date, start;  // start "09:30"
  int capacity = 0, available = 0;
  bool operator==(const Slot&) const = default;
};

struct BookedAppointment {
  std::string appointment_id, confirmation_code, item_code, hall_code, date, start;
  bool operator==(const BookedAppointment&) const = default;
};

struct AppointmentState {
  std::string item_code;
  std::vector<Hall> halls;
  std::string hall_code;
  std::vector<std::string> days;  // "YYYY-MM-DD", the next working days
  std::string date;
  std::vector<Slot> slots;
  std::string slot_id;
  // The applicant's mobile number, typed on the confirm page: the platform
  // sends the reminder there (and needs it to book).
  std::string phone;
  std::optional<BookedAppointment> booked;
  std::string cancel_code;  // typed or from the slip's QR
  bool cancelled = false;
  // The one request in flight (halls, slots, booking or cancellation).
  LoadState request = LoadState::none;
  RequestId request_id = 0;
  std::string error_text_id;
  bool operator==(const AppointmentState&) const = default;
};

// The next `n` working days (Monday to Friday) after `today`, as YYYY-MM-DD.
std::vector<std::string> next_working_days(const WallClock& today, int n);

// --- events (touch intents) ---------------------------------------------------------
struct AppointmentStartBook {};    // "book" on the appointment menu
struct AppointmentStartCancel {};  // "cancel an appointment"
struct AppointmentHallChosen {
  std::string hall_code;
};
struct AppointmentDayChosen {
  std::string date;
};
struct AppointmentSlotChosen {
  std::string slot_id;
};
// The mobile number on the confirm page as typed so far (digits only, 11 at most).
struct AppointmentPhoneInput {
  std::string phone;
};
struct AppointmentConfirm {};
// The confirmation code as typed so far (digits only are kept).
struct AppointmentCodeInput {
  std::string code;
};
struct AppointmentCancelSubmit {};   // the typed code -> confirm page
struct AppointmentCancelConfirm {};  // "yes, cancel it"

// --- the app's answers -------------------------------------------------------------
struct SlotsLoaded {
  RequestId request;
  std::vector<Slot> slots;
};
struct AppointmentBooked {
  RequestId request;
  BookedAppointment appointment;
};
struct AppointmentCancelled {
  RequestId request;
};
// Any appointment request failed (slots, booking, cancellation). A booking
// refused because the slot filled meanwhile is "appointment.error.slot_full".
struct AppointmentFailed {
  RequestId request;
  std::string text_id;
};

}  // namespace core
