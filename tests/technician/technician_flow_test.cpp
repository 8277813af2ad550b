// Technician mode in the core: the hidden gesture on the injected clock,
// the technician QR, PIN entry and the app's answers (wrong, locked,
// disabled, granted), actions, settings, exit and the inactivity timeout;
// entry is refused during a citizen's session, and the PIN never stays in
// the state.
#include "tests/technician/core_driver.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using test::Driver;

TEST(TechnicianGesture, FiveCornerTapsWithinFiveSecondsAskForThePin) {
  Driver d;
  d.at(10s).taps(4);
  EXPECT_EQ(d.s.screen, core::Screen::home);
  d.at(14'900ms).taps(1);
  EXPECT_EQ(d.s.screen, core::Screen::technician_pin);
  ASSERT_NE(d.effect<core::TechLog>(), nullptr);
  EXPECT_EQ(d.effect<core::TechLog>()->what, "entry requested by gesture");
  EXPECT_EQ(d.s.technician.via, "gesture");
}

TEST(TechnicianGesture, SlowTapsStartTheCountAgain) {
  Driver d;
  d.at(10s).taps(4).at(15'100ms).taps(1);
  EXPECT_EQ(d.s.screen, core::Screen::home);
  EXPECT_EQ(d.s.technician.corner_taps, 1);  // a new window began
  d.taps(3);
  EXPECT_EQ(d.s.screen, core::Screen::home);
  d.taps(1);
  EXPECT_EQ(d.s.screen, core::Screen::technician_pin);
}

TEST(TechnicianGesture, RefusedDuringACitizenSession) {
  Driver d;
  d.at(1s)(core::TapEntry{core::Flow::guide});
  d.taps(10);
  EXPECT_EQ(d.s.screen, core::Screen::identify);
  d(core::QrScanned{"KIOSK-TECH:T042"});
  EXPECT_EQ(d.s.screen, core::Screen::identify);
  ASSERT_NE(d.effect<core::TechLog>(), nullptr);
  EXPECT_NE(d.effect<core::TechLog>()->what.find("refused"), std::string::npos);
  EXPECT_TRUE(d.s.identify.error_text_id.empty());  // not a citizen's unknown code
}

TEST(TechnicianQr, TheTechnicianCardOnTheIdleKioskAsksForThePin) {
  Driver d;
  d.at(1s)(core::QrScanned{"KIOSK-TECH:T042"});
  EXPECT_EQ(d.s.screen, core::Screen::technician_pin);
  EXPECT_EQ(d.s.technician.via, "card T042");
}

TEST(TechnicianPin, DigitsAreSentOnceAndNotKept) {
  Driver d;
  d.at(1s).taps(5).type("1234567<8");
  EXPECT_EQ(d.s.technician.pin, "1234568");
  d(core::TechPinSubmit{});
  const auto* check = d.effect<core::TechCheckPin>();
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->pin, "1234568");
  EXPECT_EQ(check->via, "gesture");
  EXPECT_TRUE(d.s.technician.pin.empty());
  EXPECT_EQ(d.s.technician.pin_check, core::LoadState::loading);
  // Keys wait for the answer.
  d.type("9");
  EXPECT_TRUE(d.s.technician.pin.empty());
}

TEST(TechnicianPin, AnEmptyPinIsNotSent) {
  Driver d;
  d.at(1s).taps(5)(core::TechPinSubmit{});
  EXPECT_EQ(d.effect<core::TechCheckPin>(), nullptr);
}

TEST(TechnicianPin, WrongThenLockedThenGranted) {
  Driver d;
  d.at(1s).taps(5).type("111111")(core::TechPinSubmit{});
  auto req = d.s.technician.pin_request;
  d(core::TechPinChecked{req, core::TechPinResult::wrong_pin, 2, 0});
  EXPECT_EQ(d.s.screen, core::Screen::technician_pin);
  EXPECT_EQ(d.s.technician.pin_message_id, "technician.pin.wrong");
  EXPECT_EQ(d.s.technician.attempts_left, 2);

  d.type("222222")(core::TechPinSubmit{});
  req = d.s.technician.pin_request;
  d(core::TechPinChecked{req, core::TechPinResult::locked, 0, 300});
  EXPECT_EQ(d.s.technician.pin_message_id, "technician.pin.locked");
  EXPECT_EQ(d.s.technician.retry_in_s, 300);

  d.type("246810")(core::TechPinSubmit{});
  req = d.s.technician.pin_request;
  // An answer to an earlier request is dropped.
  d(core::TechPinChecked{req - 1, core::TechPinResult::granted, 0, 0});
  EXPECT_EQ(d.s.screen, core::Screen::technician_pin);
  d(core::TechPinChecked{req, core::TechPinResult::granted, 0, 0});
  EXPECT_EQ(d.s.screen, core::Screen::technician_status);
  EXPECT_TRUE(d.s.technician.pin_message_id.empty());
}

TEST(TechnicianPin, NoPinConfiguredSaysSo) {
  Driver d;
  d.at(1s).taps(5).type("123456")(core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::disabled, 0, 0});
  EXPECT_EQ(d.s.technician.pin_message_id, "technician.pin.disabled");
}

Driver inside() {
  Driver d;
  d.at(1s).taps(5).type("246810")(core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::granted, 0, 0});
  core::TechInfo info;
  info.config_version = "v7";
  info.volume = 70;
  info.brightness = 80;
  d(core::TechInfoLoaded{info});
  return d;
}

TEST(TechnicianStatus, ATestRunsOnceAndItsResultIsShown) {
  Driver d = inside();
  EXPECT_EQ(d.s.technician.info.config_version, "v7");
  d(core::TechRun{core::TechAction::test_printer});
  ASSERT_NE(d.effect<core::TechRunAction>(), nullptr);
  EXPECT_EQ(d.effect<core::TechRunAction>()->action, core::TechAction::test_printer);
  // A second action waits for the first.
  d(core::TechRun{core::TechAction::test_reader});
  EXPECT_EQ(d.effect<core::TechRunAction>(), nullptr);
  d(core::TechActionDone{core::TechAction::test_printer, true, "test page printed"});
  EXPECT_FALSE(d.s.technician.running);
  EXPECT_EQ(d.s.technician.last_action, core::TechAction::test_printer);
  EXPECT_TRUE(d.s.technician.last_ok);
  EXPECT_EQ(d.s.technician.last_detail, "test page printed");
}

TEST(TechnicianStatus, AResultAfterExitIsDropped) {
  Driver d = inside();
  d(core::TechRun{core::TechAction::export_logs})(core::TechExit{});
  EXPECT_EQ(d.s.screen, core::Screen::home);
  EXPECT_NE(d.effect<core::WipeSession>(), nullptr);
  d(core::TechActionDone{core::TechAction::export_logs, true, "done"});
  EXPECT_EQ(d.s.screen, core::Screen::home);
  EXPECT_FALSE(d.s.technician.last_action);
}

TEST(TechnicianSettings, LevelsMoveInBoundsAndAreApplied) {
  Driver d = inside();
  d(core::TechOpenSettings{});
  EXPECT_EQ(d.s.screen, core::Screen::technician_settings);
  d(core::TechSetLevel{core::TechLevel::volume, 80});
  ASSERT_NE(d.effect<core::TechApplyLevel>(), nullptr);
  EXPECT_EQ(*d.effect<core::TechApplyLevel>(), (core::TechApplyLevel{core::TechLevel::volume, 80}));
  d(core::TechSetLevel{core::TechLevel::brightness, 0});  // never a black panel
  EXPECT_EQ(d.s.technician.info.brightness, 10);
  d(core::TechSetLevel{core::TechLevel::volume, 130});
  EXPECT_EQ(d.s.technician.info.volume, 100);
  d(core::TapBack{});
  EXPECT_EQ(d.s.screen, core::Screen::technician_status);
}

TEST(TechnicianCalibration, FourTouchesOfARotatedPanelSetTheMapping) {
  Driver d = inside();
  d(core::TechOpenCalibration{});
  EXPECT_EQ(d.s.screen, core::Screen::technician_calibrate);
  // A panel mounted upside down reports each touch at the opposite point.
  for (const core::Point& t : core::kCalibrationTargets) {
    d(core::TechCalibrationTap{core::Point{1 - t.x, 1 - t.y}});
  }
  ASSERT_NE(d.effect<core::TechApplyTouch>(), nullptr);
  EXPECT_EQ(core::rotation_deg(d.effect<core::TechApplyTouch>()->touch), 180);
  EXPECT_EQ(d.s.screen, core::Screen::technician_status);
}

TEST(TechnicianCalibration, ScatteredTouchesFailAndCanBeRetried) {
  Driver d = inside();
  d(core::TechOpenCalibration{});
  for (int i = 0; i < 4; ++i) d(core::TechCalibrationTap{core::Point{0.5f, 0.5f}});
  EXPECT_TRUE(d.s.technician.calibration_failed);
  EXPECT_EQ(d.effect<core::TechApplyTouch>(), nullptr);
  EXPECT_EQ(d.s.screen, core::Screen::technician_calibrate);
  EXPECT_TRUE(d.s.technician.calibration_taps.empty());
}

TEST(TechnicianExit, BackFromStatusOrTheTimeoutEndsIt) {
  Driver d = inside();
  d(core::TapBack{});
  EXPECT_EQ(d.s.screen, core::Screen::home);
  EXPECT_EQ(d.s.technician, core::TechnicianState{});

  Driver t = inside();
  t.at(1s + t.s.settings.inactivity_limit + 1ms);
  EXPECT_EQ(t.s.screen, core::Screen::home);
  EXPECT_NE(t.effect<core::WipeSession>(), nullptr);
}

}  // namespace
