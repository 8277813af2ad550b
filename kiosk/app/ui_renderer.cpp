#include "kiosk/app/ui_renderer.hpp"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>

namespace kiosk::app {
namespace {
constexpr std::uint32_t kBackground = IM_COL32(0xF2, 0xF5, 0xFA, 0xFF);
}

UiRenderer::UiRenderer(ui::Fonts fonts, std::function<void()> upload_atlas)
    : fonts_(std::move(fonts)), upload_atlas_(std::move(upload_atlas)) {}

void UiRenderer::rebuild_fonts(bool elderly) {
  const auto started = std::chrono::steady_clock::now();
  ImGuiIO& io = ImGui::GetIO();
  if (!fonts_.build(*io.Fonts, elderly)) spdlog::error("font atlas build failed");
  built_ = true;
  if (upload_atlas_) {
    upload_atlas_();
  } else {
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
    raster_.set_atlas(alpha, w, h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
  }
  // The pixels live on in the rasteriser or the texture; drop ImGui's copy.
  io.Fonts->ClearTexData();
  spdlog::debug("font atlas: {} glyphs in {} us", fonts_.glyph_count(),
                std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - started)
                    .count());
}

UiRenderer::Frame UiRenderer::draw(const core::State& state, const core::Texts& texts,
                                   ImVec2 display) {
  if (!built_ || state.elderly != fonts_.elderly()) {
    rebuild_fonts(state.elderly);
  }
  ImGui::GetIO().DisplaySize = display;
  ImGui::NewFrame();
  Frame frame;
  frame.ui = ui::draw_frame(state, texts, fonts_, display);
  ImGui::Render();
  bool grew = false;
  for (std::size_t role = 0; role < ui::kFontRoleCount; ++role) {
    grew |= fonts_.add_glyphs(static_cast<ui::FontRole>(role), frame.ui.missing_glyphs[role]);
  }
  // Glyphs the font itself lacks stay missing; drawing again would not help.
  if (grew || fonts_.probing()) {
    rebuild_fonts(state.elderly);
    frame.complete = false;
  }
  return frame;
}

void UiRenderer::rasterise(int width, int height) {
  if (raster_.width() != width || raster_.height() != height) {
    raster_.resize(width, height, kBackground);
  } else {
    raster_.clear(kBackground);
  }
  raster_.render(*ImGui::GetDrawData());
}

}  // namespace kiosk::app
