// The script harness's own parser: mistakes in a script are reported with
// their line, before anything runs.
#include "kiosk/app/script.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Script, ParsesStepsAndSkipsComments) {
  auto steps = kiosk::app::parse_script(
      "# hi\n\ntap tile.entry.ticket\nwait-screen identify 2.5\nshot a b\n");
  ASSERT_TRUE(steps.has_value()) << steps.error();
  ASSERT_EQ(steps->size(), 3u);
  EXPECT_EQ((*steps)[0].verb, "tap");
  EXPECT_EQ((*steps)[0].arg, "tile.entry.ticket");
  EXPECT_EQ((*steps)[0].line, 3);
  EXPECT_EQ((*steps)[1].arg, "identify");
  EXPECT_DOUBLE_EQ((*steps)[1].seconds, 2.5);
  EXPECT_EQ((*steps)[2].arg, "a b");
}

TEST(Script, RejectsUnknownCommandsAndMissingArguments) {
  auto bad = kiosk::app::parse_script("tap x\nfly away\n");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().find("line 2"), std::string::npos);
  EXPECT_NE(bad.error().find("fly"), std::string::npos);
  auto empty = kiosk::app::parse_script("tap\n");
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().find("needs an argument"), std::string::npos);
  auto secs = kiosk::app::parse_script("wait-screen home soon\n");
  ASSERT_FALSE(secs.has_value());
}

TEST(Script, RunnerFailsOnAMissingTargetAndWrongScreen) {
  auto steps = kiosk::app::parse_script("expect-screen identify\n");
  kiosk::app::ScriptRunner runner(*steps, "/tmp");
  const auto state = core::initial_state(core::Settings{});
  ui::FrameResult frame;
  auto a = runner.next(state, frame, std::chrono::steady_clock::now());
  EXPECT_EQ(a.kind, kiosk::app::ScriptAction::fail);
  EXPECT_NE(a.error.find("on home"), std::string::npos);

  kiosk::app::ScriptRunner tapper(*kiosk::app::parse_script("tap nowhere\n"), "/tmp");
  a = tapper.next(state, frame, std::chrono::steady_clock::now());
  EXPECT_EQ(a.kind, kiosk::app::ScriptAction::fail);
  EXPECT_NE(a.error.find("nowhere"), std::string::npos);
}

TEST(Script, WaitGivesUpAtItsDeadline) {
  kiosk::app::ScriptRunner runner(*kiosk::app::parse_script("wait-screen identify 1\n"), "/tmp");
  const auto state = core::initial_state(core::Settings{});
  ui::FrameResult frame;
  const auto t0 = std::chrono::steady_clock::time_point{};
  EXPECT_EQ(runner.next(state, frame, t0).kind, kiosk::app::ScriptAction::wait);
  EXPECT_EQ(runner.next(state, frame, t0 + std::chrono::milliseconds(999)).kind,
            kiosk::app::ScriptAction::wait);
  EXPECT_EQ(runner.next(state, frame, t0 + std::chrono::seconds(1)).kind,
            kiosk::app::ScriptAction::fail);
}

TEST(Script, TapAimsAtTheTargetCentre) {
  kiosk::app::ScriptRunner runner(*kiosk::app::parse_script("tap b\n"), "/tmp");
  ui::FrameResult frame;
  frame.targets.push_back(ui::TouchTarget{"b", ImVec2(10, 20), ImVec2(30, 60)});
  auto a = runner.next(core::initial_state(core::Settings{}), frame, {});
  ASSERT_EQ(a.kind, kiosk::app::ScriptAction::tap);
  EXPECT_FLOAT_EQ(a.x, 20);
  EXPECT_FLOAT_EQ(a.y, 40);
  EXPECT_EQ(runner.next(core::initial_state(core::Settings{}), frame, {}).kind,
            kiosk::app::ScriptAction::done);
}

}  // namespace

namespace {

TEST(Script, DeviceCommandsAndTextsWithSpaces) {
  auto steps = kiosk::app::parse_script(
      "present-card 2\nremove-card\nshow-qr APPT 42\nprinter refill\n"
      "wait-text 3 份材料待发送 5\nwait-text Card reader OK\n");
  ASSERT_TRUE(steps.has_value()) << steps.error();
  ASSERT_EQ(steps->size(), 6u);
  EXPECT_EQ((*steps)[2].arg, "APPT 42");
  EXPECT_EQ((*steps)[4].arg, "3 份材料待发送");
  EXPECT_DOUBLE_EQ((*steps)[4].seconds, 5.0);
  EXPECT_EQ((*steps)[5].arg, "Card reader OK");
  EXPECT_DOUBLE_EQ((*steps)[5].seconds, 10.0);

  kiosk::app::ScriptRunner runner(*steps, "/tmp");
  const auto state = core::initial_state(core::Settings{});
  ui::FrameResult frame;
  auto a = runner.next(state, frame, std::chrono::steady_clock::now());
  EXPECT_EQ(a.kind, kiosk::app::ScriptAction::device);
  EXPECT_EQ(a.verb, "present-card");
  EXPECT_EQ(a.arg, "2");
  a = runner.next(state, frame, std::chrono::steady_clock::now());
  EXPECT_EQ(a.verb, "remove-card");
  a = runner.next(state, frame, std::chrono::steady_clock::now());
  EXPECT_EQ(a.verb, "show-qr");
  EXPECT_EQ(a.arg, "APPT 42");
}

TEST(Script, AfterRemoveCardTheNextStepWaitsUntilTheAppHasSeenItGo) {
  auto steps = kiosk::app::parse_script("remove-card\npresent-card 0\n");
  ASSERT_TRUE(steps.has_value()) << steps.error();
  kiosk::app::ScriptRunner runner(*steps, "/tmp");
  auto state = core::initial_state(core::Settings{});
  state.identify.card_present = true;
  ui::FrameResult frame;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(runner.next(state, frame, t0).verb, "remove-card");
  EXPECT_EQ(runner.next(state, frame, t0 + std::chrono::seconds(1)).kind,
            kiosk::app::ScriptAction::wait)
      << "the reader has not reported the card gone yet";
  state.identify.card_present = false;
  EXPECT_EQ(runner.next(state, frame, t0 + std::chrono::seconds(2)).verb, "present-card");
}

TEST(Script, ACardThatNeverGoesFailsTheScript) {
  auto steps = kiosk::app::parse_script("remove-card\n");
  ASSERT_TRUE(steps.has_value()) << steps.error();
  kiosk::app::ScriptRunner runner(*steps, "/tmp");
  auto state = core::initial_state(core::Settings{});
  state.identify.card_present = true;
  ui::FrameResult frame;
  const auto t0 = std::chrono::steady_clock::now();
  runner.next(state, frame, t0);
  EXPECT_EQ(runner.next(state, frame, t0 + std::chrono::seconds(11)).kind,
            kiosk::app::ScriptAction::fail);
}

TEST(Script, PresentCardNeedsACardNumber) {
  auto bad = kiosk::app::parse_script("present-card first\n");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().find("card number"), std::string::npos);
}

}  // namespace

namespace {

TEST(Script, TypeRefusesWhatTheKeyboardCannotType) {
  auto underscore = kiosk::app::parse_script("type T_0001\n");
  ASSERT_FALSE(underscore.has_value());
  EXPECT_NE(underscore.error().find("'_'"), std::string::npos);
  EXPECT_FALSE(kiosk::app::parse_script("type a,b\n").has_value());
  EXPECT_FALSE(kiosk::app::parse_script("type pinyin:Shen 身\n").has_value());
  auto ok = kiosk::app::parse_script("type sfz 12\n");
  ASSERT_TRUE(ok.has_value()) << ok.error();
  EXPECT_EQ((*ok)[0].strokes.size(), 6u);
  EXPECT_EQ((*ok)[0].strokes[3].target, "kbd.space");
}

TEST(Script, TypeWithoutAKeyboardOnScreenFails) {
  kiosk::app::ScriptRunner runner(*kiosk::app::parse_script("type a\n"), "/tmp");
  const auto a = runner.next(core::initial_state(core::Settings{}), ui::FrameResult{}, {});
  EXPECT_EQ(a.kind, kiosk::app::ScriptAction::fail);
  EXPECT_NE(a.error.find("no on-screen keyboard"), std::string::npos) << a.error;
}

TEST(Script, TypeSwitchesModeBeforeTheKey) {
  kiosk::app::ScriptRunner runner(*kiosk::app::parse_script("type 7\n"), "/tmp");
  ui::FrameResult letters;  // pinyin mode: letters and the switch to Latin
  for (const char* id : {"kbd.key.q", "kbd.mode.latin", "kbd.mode.digits"}) {
    letters.targets.push_back(ui::TouchTarget{id, ImVec2(0, 0), ImVec2(10, 10)});
  }
  letters.targets.back().min = ImVec2(100, 100);
  letters.targets.back().max = ImVec2(110, 110);
  const auto state = core::initial_state(core::Settings{});
  auto a = runner.next(state, letters, {});
  ASSERT_EQ(a.kind, kiosk::app::ScriptAction::tap);
  EXPECT_FLOAT_EQ(a.x, 105);  // kbd.mode.digits
  ui::FrameResult digits;
  digits.targets.push_back(ui::TouchTarget{"kbd.key.7", ImVec2(200, 200), ImVec2(210, 210)});
  digits.targets.push_back(ui::TouchTarget{"kbd.key.1", ImVec2(0, 0), ImVec2(10, 10)});
  a = runner.next(state, digits, {});
  ASSERT_EQ(a.kind, kiosk::app::ScriptAction::tap);
  EXPECT_FLOAT_EQ(a.x, 205);
  EXPECT_EQ(runner.next(state, digits, {}).kind, kiosk::app::ScriptAction::done);
}

}  // namespace
