// A flow whose pages are not built yet: its name, "coming soon", and back.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

void draw_not_yet(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float w = ctx.display.x, h = ctx.display.y;
  const float pad = ctx.u(40.f);
  const float cx = w * 0.5f;
  float y = top + ctx.u(120.f);
  if (ctx.state.flow) {
    y += cv.text_centered(FontRole::title, cx, y, t.text,
                          ctx.primary(core::text_id(*ctx.state.flow)))
             .y;
  }
  cv.text_centered(FontRole::body, cx, y + ctx.u(24.f), t.subtext, ctx.primary("flow.not_yet"));
  const float button_h = std::max(t.min_target, ctx.u(112.f));
  const ImVec2 min(pad, h - pad - button_h);
  if (draw_button(ctx, "flow.back", min, ImVec2(min.x + (w - 2 * pad) / 3.f, min.y + button_h),
                  "action.back", t.button, t.button_text)) {
    ctx.events.emplace_back(core::TapBack{});
  }
}

}  // namespace ui
