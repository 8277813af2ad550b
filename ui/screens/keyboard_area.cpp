#include "ui/screens/keyboard_area.hpp"

#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

KeyboardArea keyboard_area(const ScreenContext& ctx, float y) {
  const float pad = page_pad(ctx), gap = ctx.u(24.f);
  const float bottom = bottom_bar_top(ctx) - gap;
  KeyboardArea a;
  if (ctx.portrait()) {
    // Five rows (candidates and four of keys) of at least a target each.
    const float kb_h = std::max(5 * ctx.theme().min_target + 4 * ctx.u(10.f), (bottom - y) * 0.5f);
    a.min = ImVec2(pad, bottom - kb_h);
    a.max = ImVec2(ctx.display.x - pad, bottom);
    a.rest_right = ctx.display.x - pad;
    a.rest_bottom = a.min.y - gap;
  } else {
    const float split = ctx.display.x * 0.42f;
    a.min = ImVec2(split + gap * 0.5f, y);
    a.max = ImVec2(ctx.display.x - pad, bottom);
    a.rest_right = split - gap * 0.5f;
    a.rest_bottom = bottom;
  }
  return a;
}

}  // namespace ui
