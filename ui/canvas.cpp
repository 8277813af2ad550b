#include "ui/canvas.hpp"

namespace ui {

void Canvas::note_missing(FontRole role, std::string_view text) {
  const ImFont* font = fonts_.font(role);
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp < 0x20 || cp > 0xFFFF) continue;
    if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) == nullptr) {
      missing_[static_cast<std::size_t>(role)].add(cp);
    }
  }
}

ImVec2 Canvas::measure(FontRole role, std::string_view text, float wrap_width) const {
  const ImFont* font = fonts_.font(role);
  return font->CalcTextSizeA(fonts_.size(role), FLT_MAX, wrap_width, text.data(),
                             text.data() + text.size());
}

FontRole Canvas::fit(FontRole preferred, std::string_view text, float max_width,
                     FontRole smallest) const {
  auto role = static_cast<int>(preferred);
  while (role > static_cast<int>(smallest) &&
         measure(static_cast<FontRole>(role), text).x > max_width) {
    --role;
  }
  return static_cast<FontRole>(role);
}

ImVec2 Canvas::text(FontRole role, ImVec2 pos, ImU32 colour, std::string_view text,
                    float wrap_width) {
  note_missing(role, text);
  drawn_.emplace_back(text);
  draw_.AddText(fonts_.font(role), fonts_.size(role), pos, colour, text.data(),
                text.data() + text.size(), wrap_width);
  return measure(role, text, wrap_width);
}

ImVec2 Canvas::text_centered(FontRole role, float center_x, float y, ImU32 colour,
                             std::string_view str) {
  const ImVec2 size = measure(role, str);
  return text(role, ImVec2(center_x - size.x * 0.5f, y), colour, str);
}

}  // namespace ui
