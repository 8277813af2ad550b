#pragma once
// Drives the real UI (ui::draw_frame through UiRenderer) with synthetic
// touches and the real Noto Sans CJK font, without SDL or a display.
#include "kiosk/app/font_file.hpp"
#include "kiosk/app/ui_renderer.hpp"

#include <imgui.h>

#include <optional>
#include <stdexcept>

namespace test {

class UiHarness {
 public:
  UiHarness()
      : font_(map_font()),
        renderer_(ui::Fonts(
            ui::FontSource{font_.data(), font_.size(), kiosk::app::kDefaultFontFace}, seed())) {
    ctx_ = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().DeltaTime = 1.f / 60.f;
  }
  ~UiHarness() { ImGui::DestroyContext(ctx_); }
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  // Draws until the frame is complete (the atlas holds every glyph it
  // needs); returns that frame. `builds` counts the atlas builds it took.
  ui::FrameResult frame(const core::State& state, const core::Texts& texts, ImVec2 display,
                        int* builds = nullptr) {
    for (int i = 0; i < 4; ++i) {
      auto f = renderer_.draw(state, texts, display);
      if (f.complete) {
        if (builds != nullptr) *builds = i;
        return f.ui;
      }
    }
    throw std::runtime_error("frame never completed");
  }

  // A finger down on `at` for one frame and up on the next; returns the
  // events the UI produced.
  std::vector<core::Event> tap(const core::State& state, const core::Texts& texts, ImVec2 display,
                               ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame(state, texts, display);
    io.MouseDown[0] = false;
    auto events = frame(state, texts, display).events;
    io.MousePos = ImVec2(-1, -1);
    frame(state, texts, display);
    return events;
  }

  kiosk::app::UiRenderer& renderer() { return renderer_; }

 private:
  static kiosk::app::FontFile map_font() {
    auto f = kiosk::app::FontFile::map(kiosk::app::kDefaultFontPath);
    if (!f) throw std::runtime_error(f.error());
    return std::move(*f);
  }
  static ui::GlyphSet seed() {
    ui::GlyphSet g;
    g.add_utf8(" ?");
    return g;
  }

  kiosk::app::FontFile font_;
  kiosk::app::UiRenderer renderer_;
  ImGuiContext* ctx_ = nullptr;
};

}  // namespace test
