// Technician mode (flows/technician.hpp): entry by gesture or QR and PIN,
// the status page and its actions, settings, recalibration, exit.
#include "kiosk/core/flows/reduce.hpp"

#include <algorithm>

namespace core {

const char* text_id(TechAction action) {
  switch (action) {
    case TechAction::test_reader:
      return "technician.test.reader";
    case TechAction::test_printer:
      return "technician.test.printer";
    case TechAction::test_scanner:
      return "technician.test.scanner";
    case TechAction::test_platform:
      return "technician.test.platform";
    case TechAction::export_logs:
      return "technician.export_logs";
  }
  return "";
}

namespace flows {
namespace {

bool in_technician(const State& s) {
  return s.screen == Screen::technician_status || s.screen == Screen::technician_settings ||
         s.screen == Screen::technician_calibrate || s.screen == Screen::technician_provision;
}

// Entry only from the idle home screen: never over a citizen's session.
bool idle(const State& s) {
  return !session_active(s);
}

void ask_pin(State& s, std::string via, Effects& fx) {
  touch(s);
  s.technician = TechnicianState{};
  s.technician.via = std::move(via);
  s.screen = Screen::technician_pin;
  fx.emplace_back(TechLog{"entry requested by " + s.technician.via});
}

}  // namespace

bool technician_qr(State& s, const std::string& text, Effects& fx) {
  if (!text.starts_with(kTechQrPrefix)) return false;
  const std::string id = text.substr(kTechQrPrefix.size());
  if (!idle(s)) {
    fx.emplace_back(TechLog{"technician card " + id + " refused: a session is active"});
    return true;
  }
  ask_pin(s, "card " + id, fx);
  return true;
}

void apply(State& s, const TechCornerTap&, Effects& fx) {
  if (!idle(s)) return;
  TechnicianState& t = s.technician;
  if (t.corner_taps == 0 || s.now - t.first_corner_tap > kTechGestureWindow) {
    t.corner_taps = 0;
    t.first_corner_tap = s.now;
  }
  if (++t.corner_taps >= kTechGestureTaps) ask_pin(s, "gesture", fx);
}

void apply(State& s, const TechPinKey& e, Effects&) {
  TechnicianState& t = s.technician;
  if (s.screen != Screen::technician_pin || t.pin_check == LoadState::loading) return;
  touch(s);
  if (e.key == '<') {
    if (!t.pin.empty()) t.pin.pop_back();
  } else if (e.key >= '0' && e.key <= '9' && t.pin.size() < kTechPinMaxDigits) {
    t.pin.push_back(e.key);
  }
}

void apply(State& s, const TechPinSubmit&, Effects& fx) {
  TechnicianState& t = s.technician;
  if (s.screen != Screen::technician_pin || t.pin_check == LoadState::loading || t.pin.empty()) {
    return;
  }
  touch(s);
  t.pin_request = next_request(s);
  t.pin_check = LoadState::loading;
  t.pin_message_id.clear();
  fx.emplace_back(TechCheckPin{t.pin_request, std::move(t.pin), t.via});
  t.pin.clear();
}

void apply(State& s, const TechPinChecked& e, Effects& fx) {
  TechnicianState& t = s.technician;
  if (s.screen != Screen::technician_pin || e.request != t.pin_request) return;
  t.pin_check = LoadState::none;
  t.attempts_left = e.attempts_left;
  t.retry_in_s = e.retry_in_s;
  switch (e.result) {
    case TechPinResult::granted:
      t.pin_message_id.clear();
      s.screen = Screen::technician_status;
      fx.emplace_back(Speak{"technician.status.title", s.lang});
      return;
    case TechPinResult::wrong_pin:
      t.pin_message_id = "technician.pin.wrong";
      return;
    case TechPinResult::locked:
      t.pin_message_id = "technician.pin.locked";
      return;
    case TechPinResult::disabled:
      t.pin_message_id = "technician.pin.disabled";
      return;
  }
}

void apply(State& s, const TechInfoLoaded& e, Effects&) {
  if (!in_technician(s)) return;
  s.technician.info = e.info;
}

void apply(State& s, const TechRun& e, Effects& fx) {
  TechnicianState& t = s.technician;
  if (s.screen != Screen::technician_status || t.running) return;
  touch(s);
  t.running = e.action;
  t.last_action.reset();
  fx.emplace_back(TechRunAction{e.action});
}

void apply(State& s, const TechActionDone& e, Effects&) {
  TechnicianState& t = s.technician;
  if (!in_technician(s) || t.running != e.action) return;  // it outlived technician mode
  t.running.reset();
  t.last_action = e.action;
  t.last_ok = e.ok;
  t.last_detail = e.detail;
}

void apply(State& s, const TechOpenSettings&, Effects& fx) {
  if (s.screen != Screen::technician_status) return;
  touch(s);
  s.screen = Screen::technician_settings;
  fx.emplace_back(TechLog{"settings opened"});
}

void apply(State& s, const TechOpenCalibration&, Effects& fx) {
  if (s.screen != Screen::technician_status) return;
  touch(s);
  s.technician.calibration_taps.clear();
  s.technician.calibration_failed = false;
  s.screen = Screen::technician_calibrate;
  fx.emplace_back(TechLog{"touch recalibration started"});
}

void apply(State& s, const TechSetLevel& e, Effects& fx) {
  if (s.screen != Screen::technician_settings) return;
  touch(s);
  const int lowest = e.level == TechLevel::brightness ? 10 : 0;  // never a black panel
  const int percent = std::clamp(e.percent, lowest, 100);
  int& level =
      e.level == TechLevel::volume ? s.technician.info.volume : s.technician.info.brightness;
  if (level == percent) return;
  level = percent;
  fx.emplace_back(TechApplyLevel{e.level, percent});
}

void apply(State& s, const TechCalibrationTap& e, Effects& fx) {
  TechnicianState& t = s.technician;
  if (s.screen != Screen::technician_calibrate) return;
  touch(s);
  t.calibration_failed = false;
  t.calibration_taps.push_back(e.at);
  if (t.calibration_taps.size() < kCalibrationTargets.size()) return;
  const auto measured = calibrate(t.calibration_taps);
  t.calibration_taps.clear();
  if (!measured) {
    t.calibration_failed = true;
    fx.emplace_back(TechLog{"touch recalibration failed: touches fit no orientation"});
    return;
  }
  // The touches arrived through the mapping in use: the new one follows it.
  t.info.touch = compose(*measured, t.info.touch);
  fx.emplace_back(TechApplyTouch{t.info.touch});
  s.screen = Screen::technician_status;
}

void apply(State& s, const TechExit&, Effects& fx) {
  if (!in_technician(s) && s.screen != Screen::technician_pin) return;
  fx.emplace_back(TechLog{"exit"});
  end_session(s, fx);
}

// Back: from a sub-page to the status page; from the status page or the PIN
// pad out of technician mode.
bool technician_back(State& s, Effects& fx) {
  switch (s.screen) {
    case Screen::technician_settings:
    case Screen::technician_calibrate:
    case Screen::technician_provision:
      s.technician.calibration_taps.clear();
      s.screen = Screen::technician_status;
      return true;
    case Screen::technician_pin:
    case Screen::technician_status:
      apply(s, TechExit{}, fx);
      return true;
    default:
      return false;
  }
}

}  // namespace flows
}  // namespace core
