#pragma once
// One UI frame, without SDL: runs the UI for a state inside an ImGui frame,
// grows the font atlas when a frame met new characters, and rasterises the
// result. The caller owns the ImGui context and feeds its input (SDL in the
// app, synthetic touches in tests).
#include "kiosk/app/soft_raster.hpp"
#include "kiosk/core/session.hpp"
#include "ui/fonts.hpp"
#include "ui/ui.hpp"

#include <functional>

namespace kiosk::app {

class UiRenderer {
 public:
  // `upload_atlas` is called after every atlas build; without one the
  // atlas goes to the software rasteriser.
  explicit UiRenderer(ui::Fonts fonts, std::function<void()> upload_atlas = {});

  void rebuild_fonts(bool elderly);

  struct Frame {
    ui::FrameResult ui;
    // False when the frame met glyphs the atlas lacked: the atlas has been
    // extended, nothing was rasterised, and the frame must be drawn again.
    bool complete = true;
  };
  // Between the caller's input updates and presenting: NewFrame ... Render.
  Frame draw(const core::State& state, const core::Texts& texts, ImVec2 display);

  // Rasterises the last frame's draw data into raster().
  void rasterise(int width, int height);
  const SoftRaster& raster() const { return raster_; }
  const ui::Fonts& fonts() const { return fonts_; }

 private:
  ui::Fonts fonts_;
  std::function<void()> upload_atlas_;
  SoftRaster raster_;
  bool built_ = false;
};

}  // namespace kiosk::app
