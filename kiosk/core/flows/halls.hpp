#pragma once
// The city's halls with their windows on a floor map, and where this kiosk
// stands: what booking (choose a hall) and hall navigation (route to a
// window) both need. Public data, fetched from the platform per session.
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct HallWindow {
  std::string code, group;
  int floor = 1;
  double x_m = 0, y_m = 0;  // on the floor map, metres from its top-left corner
  bool operator==(const HallWindow&) const = default;
};

struct Hall {
  std::string code, name_zh, name_en, address_zh;
  double width_m = 0, depth_m = 0;            // the ground floor's map
  double entrance_x_m = 0, entrance_y_m = 0;  // where a visitor comes in
  std::vector<HallWindow> windows;
  bool operator==(const Hall&) const = default;
};

// Where this kiosk stands (from the platform's record of the terminal).
struct KioskSpot {
  std::string hall_code;
  int floor = 1;
  double x_m = 0, y_m = 0;
  bool operator==(const KioskSpot&) const = default;
};

const Hall* find_hall(const std::vector<Hall>& halls, const std::string& code);
const HallWindow* find_window(const Hall& hall, const std::string& code);

// --- effects -------------------------------------------------------------------
// Answered by HallsLoaded / HallsFailed.
struct FetchHalls {
  RequestId request;
  bool operator==(const FetchHalls&) const = default;
};
// Answered by SlotsLoaded / AppointmentFailed.
struct FetchSlots {
  RequestId request;
  std::string item_code, hall_code, date;
  bool operator==(const FetchSlots&) const = default;
};
// Answered by AppointmentBooked / AppointmentFailed. Carries the applicant
// from the card (sent to the platform only, never logged).
struct BookAppointment {
  RequestId request;
  std::string slot_id, id_number, name, phone;
  bool operator==(const BookAppointment&) const = default;
};
// By the confirmation code on the slip. Answered by AppointmentCancelled /
// AppointmentFailed.
struct CancelAppointment {
  RequestId request;
  std::string confirmation_code;
  bool operator==(const CancelAppointment&) const = default;
};

// --- answers -------------------------------------------------------------------
struct HallsLoaded {
  RequestId request;
  std::vector<Hall> halls;
  std::optional<KioskSpot> kiosk;
};
struct HallsFailed {
  RequestId request;
  std::string text_id;
};

}  // namespace core
