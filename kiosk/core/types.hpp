#pragma once
// The small vocabulary every part of the session core shares: time, the
// flows and screens, device and network states, settings.
#include <chrono>
#include <string>

namespace core {

using Millis = std::chrono::milliseconds;  // monotonic time since app start

// The six entry points of the home screen.
enum class Flow { idcard, appointment, ticket, progress, guide, rating };
inline constexpr Flow kAllFlows[] = {Flow::idcard,   Flow::appointment, Flow::ticket,
                                     Flow::progress, Flow::guide,       Flow::rating};

// Every screen of a session, in the order a citizen meets them: the attract
// (home) screen, identification, then the pages of one flow; a transaction
// ends on its receipt page and then the rating screen.
enum class Screen {
  home,
  identify,
  guide_list,                  // flows/guide.hpp: browse and search
  guide_item,                  // one item's guide
  ticket_item,                 // flows/ticket.hpp: choose the item and priority
  ticket_issued,               // the ticket (the receipt of this flow)
  progress_query,              // flows/progress.hpp: type a case number
  progress_timeline,           // the case's stages
  progress_cases,              // the ID card holder's cases (progress by card)
  appointment_menu,            // flows/appointment.hpp: book or cancel
  appointment_hall,            // choose the hall (after the item, in guide_list)
  appointment_day,             // the next working days
  appointment_slot,            // the day's slots, full ones shown as full
  appointment_confirm,         // check and book
  appointment_booked,          // the slip (the receipt of this flow)
  appointment_cancel,          // type the confirmation code (or show the QR)
  appointment_cancel_confirm,  // "cancel this appointment?"
  appointment_cancelled,       // the result
  navigation,                  // flows/navigation.hpp: route to a window
  preapply_item,               // flows/preapply.hpp (ID-card services): choose the item
  preapply_form,               // the form, prefilled from the card
  preapply_materials,          // flows/materials.hpp: scan or e-licence per material
  preapply_delivery,           // pick-up or post
  preapply_review,             // everything, ID masked
  preapply_submitting,         // progress bar while the outbox delivers
  preapply_done,               // case number or local reference (the receipt)
  rating,                      // flows/rating.hpp
  // Technician mode (flows/technician.hpp), never during a citizen's session.
  technician_pin,        // PIN pad after the gesture or technician QR
  technician_status,     // device status and actions
  technician_settings,   // volume and brightness
  technician_calibrate,  // touch orientation
  technician_provision,  // enrol with the platform (flows/technician_provision.hpp)
};

enum class LinkState { unknown, online, offline };
enum class DeviceState { unknown, ok, missing, fault, paper_low, no_paper };
enum class Device { reader, printer, scanner };

// Local wall-clock time as shown to citizens; the app converts.
struct WallClock {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  int weekday = 4;  // 0 = Sunday
  bool operator==(const WallClock&) const = default;
};

struct Settings {
  Millis inactivity_limit{std::chrono::seconds(120)};
  Millis inactivity_warning{std::chrono::seconds(30)};     // shown this long before the limit
  std::string hall_name_zh;                                // printed on receipts
  std::string public_url = "https://zwfw.example.gov.cn";  // QR codes on receipts point here
  bool operator==(const Settings&) const = default;
};

// A request the core asked the app to make, numbered so that an answer to
// an abandoned request (the citizen went back, the session ended) is
// recognised and dropped.
using RequestId = unsigned long long;

}  // namespace core
