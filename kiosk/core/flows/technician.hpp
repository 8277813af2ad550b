#pragma once
// Technician mode (运维模式): entered by a hidden gesture on the idle home
// screen (five taps in its top-left corner within five seconds) or a
// technician QR ("KIOSK-TECH:<id>"), then a PIN. The PIN is checked by the
// app against the hash in config, with the lockout of
// config/technician (the core never sees the hash). Inside: device status,
// device tests, touch recalibration, volume and brightness, log export.
// Never during a citizen's session; it ends by "exit" or the inactivity
// timeout like any session, and nothing typed survives it.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/flows/technician_calibration.hpp"
#include "kiosk/core/flows/technician_provision.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

inline constexpr int kTechGestureTaps = 5;
inline constexpr Millis kTechGestureWindow{5000};
inline constexpr std::size_t kTechPinMaxDigits = 12;
inline constexpr std::string_view kTechQrPrefix = "KIOSK-TECH:";

enum class TechAction { test_reader, test_printer, test_scanner, test_platform, export_logs };
inline constexpr TechAction kTechTests[] = {TechAction::test_reader, TechAction::test_printer,
                                            TechAction::test_scanner, TechAction::test_platform};
enum class TechLevel { volume, brightness };
enum class TechPinResult { granted, wrong_pin, locked, disabled };

// What only the app knows, shown on the status page.
struct TechInfo {
  std::string config_version;
  std::string terminal_id;
  std::string app_version;
  std::vector<std::string> last_errors;  // newest last, already masked
  // The last config bundle the kiosk refused ("expired (v7): targets
  // expired …", English, for technicians); empty when none.
  std::string config_refused;
  int volume = 70;      // percent
  int brightness = 80;  // percent
  Orientation touch;    // the touch mapping in use
  // Provisioning (technician_provision.hpp): where this image enrols ("" =
  // provisioning from the screen is off), the hall in config, and the steps
  // already done on this kiosk.
  std::string provision_platform;
  std::string hall_id;
  std::vector<std::string> provision_done;
  bool operator==(const TechInfo&) const = default;
};

struct TechnicianState {
  // The hidden gesture on the home screen.
  int corner_taps = 0;
  Millis first_corner_tap{0};
  // PIN entry.
  std::string via;  // "gesture" or "card <id>", for the log
  std::string pin;  // digits typed so far; never logged, wiped on submit
  LoadState pin_check = LoadState::none;
  RequestId pin_request = 0;
  std::string pin_message_id;  // "technician.pin.wrong", ...
  int attempts_left = 0;
  int retry_in_s = 0;
  // Inside.
  TechInfo info;
  std::optional<TechAction> running;  // a test or export under way
  std::optional<TechAction> last_action;
  bool last_ok = false;
  std::string last_detail;  // the check's own words (English, for technicians)
  // Touch recalibration: where each target was tapped, in order.
  std::vector<Point> calibration_taps;
  bool calibration_failed = false;
  TechProvisionState provision;
  bool operator==(const TechnicianState&) const = default;
};

const char* text_id(TechAction action);  // "technician.test.reader", ...

// --- events --------------------------------------------------------------------
struct TechCornerTap {};  // the hidden corner of the home screen
struct TechPinKey {
  char key;  // '0'..'9', or '<' to delete the last digit
};
struct TechPinSubmit {};
struct TechPinChecked {  // the app's answer to TechCheckPin
  RequestId request;
  TechPinResult result;
  int attempts_left = 0;  // after a wrong PIN
  int retry_in_s = 0;     // while locked
};
struct TechInfoLoaded {
  TechInfo info;
};
struct TechRun {
  TechAction action;
};
struct TechActionDone {
  TechAction action;
  bool ok;
  std::string detail;
};
struct TechOpenSettings {};
struct TechOpenCalibration {};
struct TechSetLevel {
  TechLevel level;
  int percent;
};
struct TechCalibrationTap {
  Point at;  // normalised to the display, as the touch arrived
};
struct TechExit {};

// --- effects (kiosk/app/technician_service) --------------------------------------
// Check a PIN against config (answered by TechPinChecked; then TechInfoLoaded
// when granted). The only place the PIN leaves the state; never logged.
struct TechCheckPin {
  RequestId request;
  std::string pin;
  std::string via;
  bool operator==(const TechCheckPin&) const = default;
};
// Run a device test or the log export off the UI thread (answered by
// TechActionDone).
struct TechRunAction {
  TechAction action;
  bool operator==(const TechRunAction&) const = default;
};
// Apply and persist a setting.
struct TechApplyLevel {
  TechLevel level;
  int percent;
  bool operator==(const TechApplyLevel&) const = default;
};
struct TechApplyTouch {
  Orientation touch;
  bool operator==(const TechApplyTouch&) const = default;
};
// Something to log that has no effect of its own (an entry refused, exit).
struct TechLog {
  std::string what;
  bool operator==(const TechLog&) const = default;
};

}  // namespace core
