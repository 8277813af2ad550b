// CPU cost of one screen change: the UI draws the home screen and the
// software rasteriser turns it into pixels, at 1920x1080 and 1080x1920.
#include "config/config.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "tests/ui/ui_harness.hpp"

#include <benchmark/benchmark.h>

namespace {

core::Texts bundled_texts() {
  auto cfg = config::load(std::string(KIOSK_SOURCE_DIR) + "/config/defaults");
  return kiosk::app::texts_from(*cfg);
}

void frame(benchmark::State& st, ImVec2 display, bool elderly) {
  test::UiHarness ui;
  const auto texts = bundled_texts();
  core::State state = core::initial_state(core::Settings{});
  state.elderly = elderly;
  ui.frame(state, texts, display);  // the atlas holds every glyph from here on
  for (auto _ : st) {
    auto f = ui.renderer().draw(state, texts, display);
    ui.renderer().rasterise(static_cast<int>(display.x), static_cast<int>(display.y));
    benchmark::DoNotOptimize(f.complete);
  }
}

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
