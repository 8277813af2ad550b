#pragma once
// Draws text with the kiosk's fonts and notes every character the atlas
// could not draw, so the app can extend the atlas and draw the frame again.
// A frame with no missing glyphs is "fully rendered".
#include "ui/fonts.hpp"
#include "ui/glyph_set.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

class Canvas {
 public:
  Canvas(ImDrawList& draw, const Fonts& fonts, const Theme& theme,
         std::array<GlyphSet, kFontRoleCount>& missing, std::vector<std::string>& drawn)
      : draw_(draw), fonts_(fonts), theme_(theme), missing_(missing), drawn_(drawn) {}

  ImVec2 measure(FontRole role, std::string_view text, float wrap_width = 0.f) const;
  // Draws `text` with its top-left at `pos`; returns its size.
  ImVec2 text(FontRole role, ImVec2 pos, ImU32 colour, std::string_view text,
              float wrap_width = 0.f);
  // Centred horizontally on `center_x`.
  ImVec2 text_centered(FontRole role, float center_x, float y, ImU32 colour, std::string_view text);

  // The largest role, from `preferred` down to `smallest`, at which `text`
  // fits in `max_width` (long English labels, elderly mode's bigger sizes).
  FontRole fit(FontRole preferred, std::string_view text, float max_width,
               FontRole smallest = FontRole::small) const;

  ImDrawList& draw() { return draw_; }
  const Theme& theme() const { return theme_; }
  const Fonts& fonts() const { return fonts_; }
  float u(float units) const { return units * theme_.unit; }

 private:
  void note_missing(FontRole role, std::string_view text);

  ImDrawList& draw_;
  const Fonts& fonts_;
  const Theme& theme_;
  std::array<GlyphSet, kFontRoleCount>& missing_;
  std::vector<std::string>& drawn_;
};

}  // namespace ui
