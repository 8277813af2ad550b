// The technician screens through the real UI code and the bundled texts, in
// the five layouts (portrait/landscape, zh/en, elderly): fully rendered, no
// text id left untranslated, every target on screen, apart from the others
// and at least the minimum size; the main buttons give their core events.
// The hidden corner of the home screen gives the gesture's taps.
#include "tests/ui/ui_harness.hpp"
#include "tests/ui/ui_layouts.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>

namespace {

using test::Layout;

struct Driver {
  core::State s;
  Driver& operator()(const core::Event& e) {
    s = core::reduce(s, e).state;
    return *this;
  }
};

std::map<std::string, core::State> screens(const Layout& l) {
  core::State base = core::initial_state(core::Settings{});
  base.clock = core::WallClock{2026, 11, 28, 10, 5, 6};
  base.lang = l.lang;
  base.elderly = l.elderly;
  base.outbox_waiting = 3;
  base.outbox_dead = 1;
  std::map<std::string, core::State> out;
  Driver d{base};
  for (int i = 0; i < core::kTechGestureTaps; ++i) d(core::TechCornerTap{});
  d(core::TechPinKey{'1'})(core::TechPinKey{'2'});
  out.emplace("pin", d.s);
  d(core::TechPinKey{'3'})(core::TechPinKey{'4'})(core::TechPinKey{'5'})(core::TechPinKey{'6'})(
      core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::wrong_pin, 2, 0});
  out.emplace("pin_wrong", d.s);
  d(core::TechPinKey{'1'})(core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::locked, 0, 287});
  out.emplace("pin_locked", d.s);
  d(core::TechPinKey{'2'})(core::TechPinSubmit{});
  d(core::TechPinChecked{d.s.technician.pin_request, core::TechPinResult::granted, 0, 0});
  core::TechInfo info;
  info.config_version = "2026.11-3 (bundle v12)";
  info.terminal_id = "T-650100-0042";
  info.app_version = "0.1.0";
  info.last_errors = {"09:58:01 printer: paper low", "10:01:12 platform: timeout after 10 s",
                      "10:02:40 outbox: delivery failed (HTTP 503), retry in 60 s"};
  info.touch = core::make_orientation(90, true);
  info.config_refused = "expired (v13): targets expired at 2026-11-30T00:00:00Z";
  info.provision_platform = "https://platform.gov.example/kiosk";
  info.hall_id = "HALL-650100";
  d(core::TechInfoLoaded{info});
  out.emplace("status", d.s);
  d(core::TechRun{core::TechAction::test_printer});
  out.emplace("status_running", d.s);
  d(core::TechActionDone{core::TechAction::test_printer, false,
                         "printer: no paper (the test page was not printed)"});
  out.emplace("status_result", d.s);
  Driver settings = d;
  settings(core::TechOpenSettings{})(core::TechSetLevel{core::TechLevel::volume, 40});
  out.emplace("settings", settings.s);
  Driver calibrate = d;
  calibrate(core::TechOpenCalibration{})(core::TechCalibrationTap{core::Point{0.5f, 0.5f}});
  out.emplace("calibrate", calibrate.s);
  for (int i = 0; i < 3; ++i) calibrate(core::TechCalibrationTap{core::Point{0.5f, 0.5f}});
  out.emplace("calibrate_failed", calibrate.s);
  // Provisioning: the form, a run, its failure, a complete one.
  Driver provision = d;
  provision(core::TechOpenProvision{});
  for (const char c : std::string("k7q-x2")) {
    provision(core::TechProvisionKey{core::Key{core::Key::character, std::string(1, c), {}}});
  }
  out.emplace("provision", provision.s);
  Driver empty = d;
  empty(core::TechOpenProvision{})(core::TechProvisionStart{});
  out.emplace("provision_need_token", empty.s);
  provision(core::TechProvisionStart{})(core::TechProvisionStep{"certificate", true});
  provision(core::TechProvisionStep{"outbox_key", true})(core::TechProvisionStep{"root", true});
  provision(core::TechProvisionStep{"selftest", false});
  out.emplace("provision_running", provision.s);
  Driver failed = provision;
  failed(core::TechProvisionDone{
      false,
      "selftest",
      "the self-test failed / 自检未通过: printer: no paper (the test page was not printed)",
      {}});
  out.emplace("provision_failed", failed.s);
  provision(core::TechProvisionStep{"selftest", true})(core::TechProvisionStep{"slip", true});
  provision(core::TechProvisionDone{true, {}, {}, "T-650100-0042"});
  out.emplace("provision_complete", provision.s);
  return out;
}

bool overlap(const ui::TouchTarget& a, const ui::TouchTarget& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

class TechnicianScreens : public ::testing::TestWithParam<Layout> {};

TEST_P(TechnicianScreens, RenderCompletelyWithConfiguredTextsAndFairTargets) {
  test::UiHarness ui;
  const auto texts = test::bundled_texts();
  const Layout l = GetParam();
  const float unit = std::min(l.display.x, l.display.y) / 1080.f;
  const float min_target = (l.elderly ? 96.f : 72.f) * unit;
  const std::regex text_id(R"(^[a-z_]+(\.[a-z_0-9]+)+$)");
  for (const auto& [name, state] : screens(l)) {
    SCOPED_TRACE(name);
    const auto frame = ui.frame(state, texts, l.display);
    EXPECT_TRUE(frame.complete());
    for (const std::string& t : frame.texts) {
      EXPECT_FALSE(std::regex_match(t, text_id)) << "untranslated text id " << t;
      EXPECT_EQ(t.find("{n}"), std::string::npos) << t;
    }
    for (std::size_t i = 0; i < frame.targets.size(); ++i) {
      const auto& a = frame.targets[i];
      if (a.id.starts_with("header.")) continue;  // the status bar's own
      SCOPED_TRACE(a.id);
      EXPECT_GE(a.min.x, 0);
      EXPECT_GE(a.min.y, 0);
      EXPECT_LE(a.max.x, l.display.x);
      EXPECT_LE(a.max.y, l.display.y);
      EXPECT_GE(a.max.x - a.min.x, min_target);
      EXPECT_GE(a.max.y - a.min.y, min_target);
      for (std::size_t j = i + 1; j < frame.targets.size(); ++j) {
        EXPECT_FALSE(overlap(a, frame.targets[j])) << a.id << " / " << frame.targets[j].id;
      }
    }
  }
}

TEST_P(TechnicianScreens, ShowWhatTheTechnicianNeeds) {
  test::UiHarness ui;
  const auto texts = test::bundled_texts();
  const Layout l = GetParam();
  auto by_name = screens(l);
  // The PIN shows as dots only; the answer says how many tries are left.
  auto frame = ui.frame(by_name["pin"], texts, l.display);
  EXPECT_FALSE(frame.shows_text("12"));
  frame = ui.frame(by_name["pin_wrong"], texts, l.display);
  EXPECT_TRUE(frame.shows_text(l.lang == core::Lang::zh ? "还可尝试 2 次" : "2 attempts left"));
  frame = ui.frame(by_name["pin_locked"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("287"));
  frame = ui.frame(by_name["status"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("2026.11-3 (bundle v12)"));
  EXPECT_TRUE(frame.shows_text("T-650100-0042"));
  EXPECT_TRUE(frame.shows_text("0.1.0"));
  EXPECT_TRUE(frame.shows_text("outbox: delivery failed"));
  EXPECT_TRUE(frame.shows_text("expired (v13)"));  // the refused bundle, for the technician
  EXPECT_TRUE(frame.shows_text(l.lang == core::Lang::zh ? "待发送：3" : "Waiting to send: 3"));
  EXPECT_TRUE(frame.shows_text(l.lang == core::Lang::zh ? "旋转 90°" : "Rotated 90°"));
  // A long log line stays one line, cut with "…" (the export has it whole).
  core::State long_error = by_name["status"];
  long_error.technician.info.last_errors.push_back(
      "10:03:00 card reader disconnected: not_found: open /dev/ttyUSB0: No such file or "
      "directory; retrying every 300 ms until the reader answers again");
  frame = ui.frame(long_error, texts, l.display);
  EXPECT_TRUE(frame.shows_text("10:03:00 card reader"));
  EXPECT_TRUE(frame.shows_text("…"));
  EXPECT_FALSE(frame.shows_text("until the reader answers again"));
  frame = ui.frame(by_name["status_result"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("printer: no paper"));
  frame = ui.frame(by_name["settings"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("40%"));
  // Provisioning: the platform from config, the codes as typed (upper case),
  // the steps, and what came of the run.
  const bool zh = l.lang == core::Lang::zh;
  frame = ui.frame(by_name["provision"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("https://platform.gov.example/kiosk"));
  EXPECT_TRUE(frame.shows_text("K7Q-X2"));
  EXPECT_TRUE(frame.shows_text("HALL-650100"));
  EXPECT_TRUE(frame.shows_text("T-650100-0042"));
  EXPECT_NE(frame.target("kbd.caps.on"), nullptr);
  frame = ui.frame(by_name["provision_need_token"], texts, l.display);
  EXPECT_TRUE(frame.shows_text(zh ? "请输入注册令牌" : "Type the enrolment token"));
  frame = ui.frame(by_name["provision_running"], texts, l.display);
  EXPECT_EQ(frame.target("kbd.key.q"), nullptr);  // the steps in the keyboard's place
  EXPECT_EQ(frame.target("tech.provision.start"), nullptr);
  EXPECT_TRUE(frame.shows_text(zh ? "设备自检  —  进行中…" : "Self-test  —  running…"));
  EXPECT_TRUE(frame.shows_text(zh ? "运维根密钥  —  已完成" : "Operators' root keys  —  done"));
  frame = ui.frame(by_name["provision_failed"], texts, l.display);
  EXPECT_TRUE(frame.shows_text("printer: no paper"));
  EXPECT_NE(frame.target("tech.provision.start"), nullptr);  // try again
  frame = ui.frame(by_name["provision_complete"], texts, l.display);
  EXPECT_TRUE(frame.shows_text(zh ? "开通完成" : "Provisioned as terminal"));
  EXPECT_TRUE(frame.shows_text(zh ? "已完成 5/5 步" : "5 of 5 steps done"));
}

template <class E>
bool tapping_gives(test::UiHarness& ui, const core::State& s, const core::Texts& texts,
                   ImVec2 display, const std::string& id) {
  const auto frame = ui.frame(s, texts, display);
  const auto* target = frame.target(id);
  if (target == nullptr) return false;
  const auto events = ui.tap(s, texts, display, target->center());
  return events.size() == 1 && std::holds_alternative<E>(events[0]);
}

TEST_P(TechnicianScreens, ButtonsGiveTheirEvents) {
  test::UiHarness ui;
  const auto texts = test::bundled_texts();
  const Layout l = GetParam();
  auto by_name = screens(l);
  core::State home = core::initial_state(core::Settings{});
  home.lang = l.lang;
  home.elderly = l.elderly;
  EXPECT_TRUE(tapping_gives<core::TechCornerTap>(ui, home, texts, l.display, "home.corner"));
  EXPECT_TRUE(tapping_gives<core::TechPinKey>(ui, by_name["pin"], texts, l.display, "tech.key.7"));
  EXPECT_TRUE(
      tapping_gives<core::TechPinKey>(ui, by_name["pin"], texts, l.display, "tech.key.delete"));
  EXPECT_TRUE(
      tapping_gives<core::TechPinSubmit>(ui, by_name["pin"], texts, l.display, "tech.key.ok"));
  EXPECT_TRUE(tapping_gives<core::TapBack>(ui, by_name["pin"], texts, l.display, "flow.back"));
  EXPECT_TRUE(
      tapping_gives<core::TechRun>(ui, by_name["status"], texts, l.display, "tech.test.printer"));
  EXPECT_TRUE(tapping_gives<core::TechRun>(ui, by_name["status"], texts, l.display, "tech.export"));
  EXPECT_TRUE(tapping_gives<core::TechOpenSettings>(ui, by_name["status"], texts, l.display,
                                                    "tech.settings"));
  EXPECT_TRUE(tapping_gives<core::TechOpenCalibration>(ui, by_name["status"], texts, l.display,
                                                       "tech.calibrate"));
  EXPECT_TRUE(tapping_gives<core::TechExit>(ui, by_name["status"], texts, l.display, "tech.exit"));
  EXPECT_TRUE(tapping_gives<core::TechSetLevel>(ui, by_name["settings"], texts, l.display,
                                                "tech.volume.up"));
  EXPECT_TRUE(tapping_gives<core::TechOpenProvision>(ui, by_name["status"], texts, l.display,
                                                     "tech.provision"));
  EXPECT_TRUE(tapping_gives<core::TechProvisionKey>(ui, by_name["provision"], texts, l.display,
                                                    "kbd.key.a"));
  EXPECT_TRUE(tapping_gives<core::TechProvisionFocus>(ui, by_name["provision"], texts, l.display,
                                                      "technician.provision.hall"));
  EXPECT_TRUE(tapping_gives<core::TechProvisionStart>(ui, by_name["provision"], texts, l.display,
                                                      "tech.provision.start"));
  EXPECT_TRUE(tapping_gives<core::TechSetLevel>(ui, by_name["settings"], texts, l.display,
                                                "tech.brightness.down"));
  // A calibration touch reports where it landed, normalised.
  const auto frame = ui.frame(by_name["calibrate"], texts, l.display);
  ASSERT_NE(frame.target("tech.calibrate.area"), nullptr);
  const ImVec2 at(l.display.x * 0.85f, l.display.y * 0.35f);
  const auto events = ui.tap(by_name["calibrate"], texts, l.display, at);
  ASSERT_EQ(events.size(), 1u);
  const auto* tap = std::get_if<core::TechCalibrationTap>(&events[0]);
  ASSERT_NE(tap, nullptr);
  EXPECT_NEAR(tap->at.x, 0.85f, 0.01f);
  EXPECT_NEAR(tap->at.y, 0.35f, 0.01f);
}

INSTANTIATE_TEST_SUITE_P(Layouts, TechnicianScreens, ::testing::ValuesIn(test::kLayouts),
                         [](const auto& param_info) {
                           return test::layout_name(param_info.param);
                         });

}  // namespace
