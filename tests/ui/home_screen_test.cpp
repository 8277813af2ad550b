// The home screen, driven by synthetic touches through the real UI code:
// every entry point and footer button produces the right core event, in
// both orientations, both languages and elderly mode.
#include "tests/ui/ui_harness.hpp"
#include "tests/ui/ui_layouts.hpp"

#include <gtest/gtest.h>

namespace {

using test::bundled_texts;
using test::Layout;

class HomeScreen : public ::testing::TestWithParam<Layout> {};

TEST_P(HomeScreen, EveryTileStartsItsFlow) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  state.lang = GetParam().lang;
  state.elderly = GetParam().elderly;
  const ImVec2 display = GetParam().display;
  const auto frame = ui.frame(state, texts, display);
  for (core::Flow flow : core::kAllFlows) {
    const auto* target = frame.target(std::string("tile.") + core::text_id(flow));
    ASSERT_NE(target, nullptr) << core::text_id(flow);
    // On screen, and at least a comfortable touch target.
    EXPECT_GE(target->min.x, 0);
    EXPECT_LE(target->max.x, display.x);
    EXPECT_LE(target->max.y, display.y);
    EXPECT_GE(target->max.x - target->min.x, 200);
    EXPECT_GE(target->max.y - target->min.y, 150);
    const auto events = ui.tap(state, texts, display, target->center());
    ASSERT_EQ(events.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<core::TapEntry>(events[0]));
    EXPECT_EQ(std::get<core::TapEntry>(events[0]).flow, flow);
  }
}

TEST_P(HomeScreen, FooterButtonsToggleModesAndCallStaff) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  state.lang = GetParam().lang;
  state.elderly = GetParam().elderly;
  const ImVec2 display = GetParam().display;
  const auto frame = ui.frame(state, texts, display);
  auto tap = [&](const char* id) {
    const auto* t = frame.target(id);
    EXPECT_NE(t, nullptr) << id;
    if (t == nullptr) return std::vector<core::Event>{};
    // Elderly mode: targets of at least 60x60 dp (we use 96 px at 1080).
    if (GetParam().elderly) {
      EXPECT_GE(t->max.x - t->min.x, 96);
      EXPECT_GE(t->max.y - t->min.y, 96);
    }
    return ui.tap(state, texts, display, t->center());
  };
  auto e = tap("footer.elderly");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::ToggleElderly>(e[0]));
  e = tap("footer.language");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::ToggleLanguage>(e[0]));
  e = tap("footer.staff");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::CallStaff>(e[0]));
}

TEST_P(HomeScreen, ATouchOutsideEveryTargetDoesNothing) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  const ImVec2 display = GetParam().display;
  ui.frame(state, texts, display);
  EXPECT_TRUE(ui.tap(state, texts, display, ImVec2(display.x * 0.5f, 40)).empty());  // header
}

INSTANTIATE_TEST_SUITE_P(Layouts, HomeScreen, ::testing::ValuesIn(test::kLayouts),
                         [](const auto& param_info) {
                           return test::layout_name(param_info.param);
                         });

TEST(IdentifyScreen, BackReturnsAndTheWarningOffersContinue) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  core::State state =
      core::reduce(core::initial_state(core::Settings{}), core::TapEntry{core::Flow::ticket}).state;
  const ImVec2 display(1080, 1920);
  auto frame = ui.frame(state, texts, display);
  ASSERT_NE(frame.target("identify.back"), nullptr);
  EXPECT_EQ(frame.target("tile.entry.ticket"), nullptr);  // home is not drawn
  EXPECT_EQ(frame.target("warning.continue"), nullptr);
  auto e = ui.tap(state, texts, display, frame.target("identify.back")->center());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::TapBack>(e[0]));

  state = core::reduce(state, core::Tick{std::chrono::seconds(100), state.clock}).state;
  frame = ui.frame(state, texts, display);
  ASSERT_NE(frame.target("warning.continue"), nullptr);
  e = ui.tap(state, texts, display, frame.target("warning.continue")->center());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::ExtendSession>(e[0]));
}

}  // namespace
