// Identification: lay the ID card on the reader, or show a slip's QR code to
// the scanner, or (for guides and progress) go on without identifying. A
// refused card or code says why.
#include "ui/icons.hpp"
#include "ui/screen_context.hpp"
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

void draw_identify(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  auto& d = cv.draw();
  const float w = ctx.display.x, h = ctx.display.y;
  const float cx = w * 0.5f;

  float y = top + ctx.u(ctx.portrait() ? 80.f : 30.f);
  if (ctx.state.flow) {
    const std::string chosen =
        ctx.primary("flow.coming") + ctx.primary(core::text_id(*ctx.state.flow));
    y += cv.text_centered(FontRole::body, cx, y, t.subtext, chosen).y + ctx.u(24.f);
  }
  y += cv.text_centered(FontRole::title, cx, y, t.text, ctx.primary("identify.title")).y;
  y += cv.text_centered(FontRole::body, cx, y + ctx.u(6.f), t.subtext,
                        ctx.secondary("identify.title"))
           .y;
  y += ctx.u(60.f);

  // A card over the reader, as a picture of what to do.
  const float r = std::min(w, h) * (ctx.portrait() ? 0.16f : 0.09f);
  d.AddRectFilled(ImVec2(cx - r * 1.6f, y + r * 1.2f), ImVec2(cx + r * 1.6f, y + r * 2.3f),
                  t.tile_border, t.rounding);
  d.AddCircleFilled(ImVec2(cx, y + r), r, t.accent[0]);
  draw_flow_icon(d, core::Flow::idcard, ImVec2(cx, y + r), r * 0.62f, IM_COL32_WHITE);
  y += r * 2.6f;
  y += cv.text_centered(FontRole::body, cx, y, t.text, ctx.primary("identify.hint")).y;
  y += ctx.u(20.f);
  y += cv.text_centered(FontRole::body, cx, y, t.text,
                        ctx.primary(ctx.state.flow == core::Flow::rating ? "identify.qr.rating"
                                                                         : "identify.qr"))
           .y;
  y += ctx.u(24.f);
  if (!ctx.state.identify.error_text_id.empty()) {
    draw_message(ctx, y, ctx.primary(ctx.state.identify.error_text_id), t.fault);
  } else if (ctx.state.reader == core::DeviceState::missing ||
             ctx.state.reader == core::DeviceState::fault) {
    draw_message(ctx, y, ctx.primary("identify.reader_missing"), t.warn);
  }
  const bool anonymous = ctx.state.flow && core::anonymous_allowed(*ctx.state.flow);
  if (bar_button(ctx, 0, anonymous ? 2 : 3, "identify.back", "action.back")) {
    ctx.events.emplace_back(core::TapBack{});
  }
  if (anonymous && bar_button(ctx, 1, 2, "identify.anonymous", "identify.anonymous", true)) {
    ctx.events.emplace_back(core::IdentifyAnonymous{});
  }
}

void draw_inactivity_warning(ScreenContext& ctx) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  auto& d = cv.draw();
  const float w = ctx.display.x, h = ctx.display.y;
  d.AddRectFilled(ImVec2(0, 0), ImVec2(w, h), IM_COL32(0, 0, 0, 0x90));
  const float bw = std::min(w, h) * 0.8f, bh = bw * 0.6f;
  const ImVec2 min((w - bw) * 0.5f, (h - bh) * 0.5f), max(min.x + bw, min.y + bh);
  d.AddRectFilled(min, max, t.tile, t.rounding);
  const float cx = w * 0.5f;
  float y = min.y + ctx.u(40.f);
  y += cv.text_centered(FontRole::title, cx, y, t.text, ctx.primary("session.warning.title")).y;
  const int left = core::inactivity_seconds_left(ctx.state);
  y += ctx.u(20.f);
  y += cv.text_centered(FontRole::body, cx, y, t.text,
                        with_number(ctx.primary("session.warning.body"), left))
           .y;
  const float button_h = std::max(t.min_target, ctx.u(112.f));
  const ImVec2 bmin(min.x + ctx.u(60.f), max.y - ctx.u(40.f) - button_h);
  if (draw_button(ctx, "warning.continue", bmin, ImVec2(max.x - ctx.u(60.f), bmin.y + button_h),
                  "action.continue", t.button, t.button_text)) {
    ctx.events.emplace_back(core::ExtendSession{});
  }
}

}  // namespace ui
