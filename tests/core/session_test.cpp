// The session core, driven without SDL: events in, state and effects out.
#include "kiosk/core/session.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace std::chrono_literals;
using core::Millis;

core::Settings settings() {
  core::Settings s;
  s.inactivity_limit = 120s;
  s.inactivity_warning = 30s;
  return s;
}

template <class E>
bool has_effect(const core::Step& step) {
  return std::any_of(step.effects.begin(), step.effects.end(),
                     [](const core::Effect& e) { return std::holds_alternative<E>(e); });
}

core::Step at(const core::State& s, Millis now) {
  return core::reduce(s, core::Tick{now, s.clock});
}

TEST(Session, StartsOnTheHomeScreenWithNoSession) {
  const auto s = core::initial_state(settings());
  EXPECT_EQ(s.screen, core::Screen::home);
  EXPECT_FALSE(s.flow.has_value());
  EXPECT_FALSE(core::session_active(s));
  EXPECT_EQ(s.lang, core::Lang::zh);  // Chinese first
}

TEST(Session, EveryEntryPointStartsIdentificationAndSpeaksThePrompt) {
  for (core::Flow flow : core::kAllFlows) {
    auto step = core::reduce(core::initial_state(settings()), core::TapEntry{flow});
    EXPECT_EQ(step.state.screen, core::Screen::identify);
    ASSERT_TRUE(step.state.flow.has_value());
    EXPECT_EQ(*step.state.flow, flow);
    ASSERT_TRUE(has_effect<core::Speak>(step));
    EXPECT_EQ(std::get<core::Speak>(step.effects.front()).text_id, "identify.title");
  }
}

TEST(Session, BackEndsTheSessionAndWipesIt) {
  auto s = core::reduce(core::initial_state(settings()), core::TapEntry{core::Flow::ticket}).state;
  auto step = core::reduce(s, core::TapBack{});
  EXPECT_EQ(step.state.screen, core::Screen::home);
  EXPECT_FALSE(step.state.flow.has_value());
  EXPECT_TRUE(has_effect<core::WipeSession>(step));
}

TEST(Session, BackOnHomeDoesNothing) {
  const auto s = core::initial_state(settings());
  auto step = core::reduce(s, core::TapBack{});
  EXPECT_EQ(step.state, s);
  EXPECT_TRUE(step.effects.empty());
}

TEST(Session, WarnsBeforeTheInactivityLimitThenEndsAndWipes) {
  auto s =
      core::reduce(core::initial_state(settings()), core::TapEntry{core::Flow::progress}).state;
  s = at(s, 89s).state;
  EXPECT_FALSE(core::inactivity_warning_shown(s));
  s = at(s, 90s).state;  // 30 s before the 120 s limit
  EXPECT_TRUE(core::inactivity_warning_shown(s));
  EXPECT_EQ(core::inactivity_seconds_left(s), 30);
  s = at(s, 119'001ms).state;
  EXPECT_EQ(core::inactivity_seconds_left(s), 1);
  auto step = at(s, 120s);
  EXPECT_EQ(step.state.screen, core::Screen::home);
  EXPECT_FALSE(step.state.flow.has_value());
  EXPECT_TRUE(has_effect<core::WipeSession>(step));
}

TEST(Session, OneTouchOnContinueExtendsTheSession) {
  auto s = core::reduce(core::initial_state(settings()), core::TapEntry{core::Flow::guide}).state;
  s = at(s, 100s).state;
  ASSERT_TRUE(core::inactivity_warning_shown(s));
  s = core::reduce(s, core::ExtendSession{}).state;
  EXPECT_FALSE(core::inactivity_warning_shown(s));
  s = at(s, 200s).state;  // 100 s after the touch: still inside the limit
  EXPECT_EQ(s.screen, core::Screen::identify);
  EXPECT_GE(core::inactivity_seconds_left(s), 20);  // WCAG 2.2.1: at least 20 s to react
}

TEST(Session, AnIdleHomeScreenNeverTimesOut) {
  auto s = core::initial_state(settings());
  auto step = at(s, 10h);
  EXPECT_FALSE(has_effect<core::WipeSession>(step));
  EXPECT_FALSE(core::inactivity_warning_shown(step.state));
}

TEST(Session, EndingASessionResetsLanguageAndElderlyModeButKeepsDeviceState) {
  auto s = core::initial_state(settings());
  s = core::reduce(s, core::DeviceChanged{core::Device::printer, core::DeviceState::paper_low})
          .state;
  s = core::reduce(s, core::NetworkChanged{core::LinkState::offline}).state;
  s = core::reduce(s, core::ToggleLanguage{}).state;
  s = core::reduce(s, core::ToggleElderly{}).state;
  s = core::reduce(s, core::TapEntry{core::Flow::rating}).state;
  EXPECT_EQ(s.lang, core::Lang::en);
  EXPECT_TRUE(s.elderly);
  s = core::reduce(s, core::TapBack{}).state;
  EXPECT_EQ(s.lang, core::Lang::zh);
  EXPECT_FALSE(s.elderly);
  EXPECT_EQ(s.printer, core::DeviceState::paper_low);
  EXPECT_EQ(s.network, core::LinkState::offline);
}

TEST(Session, CallingStaffNotifiesThemAndTellsTheCitizen) {
  auto step = core::reduce(core::initial_state(settings()), core::CallStaff{});
  EXPECT_TRUE(step.state.staff_called);
  EXPECT_TRUE(has_effect<core::NotifyStaff>(step));
  EXPECT_TRUE(has_effect<core::Speak>(step));
}

TEST(Session, DeviceAndNetworkChangesAreReflected) {
  auto s = core::initial_state(settings());
  s = core::reduce(s, core::DeviceChanged{core::Device::reader, core::DeviceState::ok}).state;
  s = core::reduce(s, core::DeviceChanged{core::Device::scanner, core::DeviceState::fault}).state;
  s = core::reduce(s, core::NetworkChanged{core::LinkState::online}).state;
  EXPECT_EQ(s.device(core::Device::reader), core::DeviceState::ok);
  EXPECT_EQ(s.device(core::Device::scanner), core::DeviceState::fault);
  EXPECT_EQ(s.device(core::Device::printer), core::DeviceState::unknown);
  EXPECT_EQ(s.network, core::LinkState::online);
}

TEST(Session, TimeNeverRunsBackwards) {
  auto s = at(core::initial_state(settings()), 50s).state;
  s = at(s, 10s).state;
  EXPECT_EQ(s.now, Millis{50'000});
}

TEST(Wakeup, IdleHomeWakesAtTheNextMinuteOnly) {
  auto s = at(core::initial_state(settings()), 1000s).state;
  EXPECT_EQ(core::next_wakeup(s, 15s), Millis{1000s + 45s});
}

TEST(Wakeup, ActiveSessionWakesForTheWarningThenEverySecond) {
  auto s = core::reduce(core::initial_state(settings()), core::TapEntry{core::Flow::ticket}).state;
  EXPECT_EQ(core::next_wakeup(s, 0s), Millis{60s});  // minute boundary comes first
  s = at(s, 80s).state;
  EXPECT_EQ(core::next_wakeup(s, 20s), Millis{90s});  // the warning
  s = at(s, 95s).state;
  EXPECT_EQ(core::next_wakeup(s, 35s), Millis{96s});  // countdown ticks
}

TEST(Texts, MissingIdsShowTheIdSoGapsAreVisible) {
  core::Texts texts({{"a", core::Text{"甲", "A"}}});
  EXPECT_EQ(texts.get("a").in(core::Lang::zh), "甲");
  EXPECT_EQ(texts.get("a").in(core::Lang::en), "A");
  EXPECT_EQ(texts.get("nope").in(core::Lang::zh), "nope");
}

}  // namespace
