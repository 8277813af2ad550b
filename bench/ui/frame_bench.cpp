// CPU cost of one screen change: the UI draws a screen and the software
// rasteriser turns it into pixels. The home screen at 1920x1080 and
// 1080x1920; then every screen (kiosk/app/screen_states: the same states
// the flow screen tests check and `kiosk screenshots` draws) at 1920x1080 and in elderly portrait,
// registered one benchmark per screen (BM_Screen/<layout>/<name>).
#include "config/config.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/screen_states.hpp"
#include "tests/ui/ui_harness.hpp"

#include <benchmark/benchmark.h>

namespace {

core::Texts bundled_texts() {
  auto cfg = config::load(std::string(KIOSK_SOURCE_DIR) + "/config/defaults");
  return kiosk::app::texts_from(*cfg);
}

void frame_of(benchmark::State& st, const core::State& state, ImVec2 display) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  ui.frame(state, texts, display);  // the atlas holds every glyph from here on
  for (auto _ : st) {
    auto f = ui.renderer().draw(state, texts, display);
    ui.renderer().rasterise(static_cast<int>(display.x), static_cast<int>(display.y));
    benchmark::DoNotOptimize(f.complete);
  }
}

void frame(benchmark::State& st, ImVec2 display, bool elderly) {
  core::State state = core::initial_state(core::Settings{});
  state.elderly = elderly;
  frame_of(st, state, display);
}

// One benchmark per flow screen and layout, registered before main runs.
const bool kScreensRegistered = [] {
  struct Layout {
    const char* name;
    ImVec2 display;
    core::Lang lang;
    bool elderly;
  };
  for (const Layout& l :
       {Layout{"landscape_zh", ImVec2(1920, 1080), core::Lang::zh, false},
        Layout{"portrait_zh_elderly", ImVec2(1080, 1920), core::Lang::zh, true}}) {
    core::State base = core::initial_state(core::Settings{});
    base.lang = l.lang;
    base.elderly = l.elderly;
    for (auto& [name, state] : kiosk::app::screen_states(base)) {
      benchmark::RegisterBenchmark(("BM_Screen/" + std::string(l.name) + "/" + name).c_str(),
                                   [state = state, display = l.display](benchmark::State& st) {
                                     frame_of(st, state, display);
                                   })
          ->Unit(benchmark::kMillisecond)
          ->MinTime(0.2);
    }
  }
  return true;
}();

void BM_HomeFrameLandscape(benchmark::State& st) {
  frame(st, ImVec2(1920, 1080), false);
}
void BM_HomeFramePortrait(benchmark::State& st) {
  frame(st, ImVec2(1080, 1920), false);
}
void BM_HomeFramePortraitElderly(benchmark::State& st) {
  frame(st, ImVec2(1080, 1920), true);
}
BENCHMARK(BM_HomeFrameLandscape)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HomeFramePortrait)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HomeFramePortraitElderly)->Unit(benchmark::kMillisecond);

}  // namespace
