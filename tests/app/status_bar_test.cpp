// The status bar on every screen: network and outbox ("3 submissions
// waiting to be sent"), the printer's paper, and "call staff" — in both
// languages, both orientations and elderly mode. Set KIOSK_STATUS_BAR_PNG
// to a folder to also get the frames as PNGs to look at.
#include "config/config.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/png_writer.hpp"
#include "tests/ui/ui_harness.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace {

core::Texts bundled_texts() {
  auto cfg = config::load(std::string(KIOSK_SOURCE_DIR) + "/config/defaults");
  return kiosk::app::texts_from(*cfg);
}

struct Case {
  core::Lang lang;
  bool elderly;
  ImVec2 display;
  const char* name;
};

class StatusBar : public ::testing::TestWithParam<Case> {};

TEST_P(StatusBar, ShowsTheOutboxThePaperAndCallsStaff) {
  const Case& c = GetParam();
  test::UiHarness ui;
  const core::Texts texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  state.screen = core::Screen::identify;
  state.flow = core::Flow::ticket;
  state.lang = c.lang;
  state.elderly = c.elderly;
  state.network = core::LinkState::offline;
  state.outbox_waiting = 3;
  state.printer = core::DeviceState::no_paper;
  state.reader = core::DeviceState::ok;
  const ui::FrameResult frame = ui.frame(state, texts, c.display);

  const bool zh = c.lang == core::Lang::zh;
  EXPECT_TRUE(frame.shows_text(zh ? "3 份材料待发送" : "3 submissions waiting to be sent"));
  EXPECT_TRUE(frame.shows_text(zh ? "缺纸" : "Out of paper"));
  const ui::TouchTarget* staff = frame.target("header.staff");
  ASSERT_NE(staff, nullptr);
  EXPECT_LE(staff->max.x, c.display.x);
  EXPECT_GE(staff->max.y - staff->min.y, 40.f);
  const auto events = ui.tap(state, texts, c.display, staff->center());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<core::CallStaff>(events[0]));

  if (const char* dir = std::getenv("KIOSK_STATUS_BAR_PNG")) {
    ui.frame(state, texts, c.display);
    ui.renderer().rasterise(static_cast<int>(c.display.x), static_cast<int>(c.display.y));
    const auto& r = ui.renderer().raster();
    ASSERT_TRUE(kiosk::app::write_png_rgba(
                    std::string(dir) + "/" + c.name + ".png", r.width(), r.height(),
                    std::span(reinterpret_cast<const std::uint8_t*>(r.pixels().data()),
                              r.pixels().size() * 4))
                    .has_value());
  }
}

TEST(StatusBarHome, LeavesCallingStaffToTheHomeFooterAndHidesAnEmptyOutbox) {
  test::UiHarness ui;
  const core::Texts texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  const ui::FrameResult frame = ui.frame(state, texts, ImVec2(1080, 1920));
  EXPECT_EQ(frame.target("header.staff"), nullptr);
  EXPECT_NE(frame.target("footer.staff"), nullptr);
  EXPECT_FALSE(frame.shows_text("份材料待发送"));
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, StatusBar,
    ::testing::Values(Case{core::Lang::zh, false, ImVec2(1080, 1920), "zh_portrait"},
                      Case{core::Lang::en, false, ImVec2(1080, 1920), "en_portrait"},
                      Case{core::Lang::zh, true, ImVec2(1080, 1920), "zh_elderly"},
                      Case{core::Lang::en, true, ImVec2(1080, 1920), "en_elderly"},
                      Case{core::Lang::zh, false, ImVec2(1920, 1080), "zh_landscape"},
                      Case{core::Lang::en, true, ImVec2(1920, 1080), "en_elderly_landscape"}),
    [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

}  // namespace
