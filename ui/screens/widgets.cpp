// Parts every flow screen shares.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

float page_pad(const ScreenContext& ctx) {
  return ctx.u(40.f);
}

float draw_page_title(ScreenContext& ctx, float top, std::string_view title_id) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float cx = ctx.display.x * 0.5f;
  float y = top + ctx.u(ctx.portrait() ? 36.f : 18.f);
  y += cv.text_centered(cv.fit(FontRole::title, ctx.primary(title_id), ctx.display.x * 0.9f), cx, y,
                        t.text, ctx.primary(title_id))
           .y;
  if (!ctx.state.elderly) {
    y +=
        cv.text_centered(FontRole::small, cx, y + ctx.u(2.f), t.subtext, ctx.secondary(title_id)).y;
  }
  return y + ctx.u(ctx.portrait() ? 28.f : 14.f);
}

float bottom_bar_top(const ScreenContext& ctx) {
  const float h = std::max(ctx.theme().min_target, ctx.u(ctx.state.elderly ? 130.f : 104.f));
  return ctx.display.y - page_pad(ctx) - h;
}

bool bar_button(ScreenContext& ctx, int index, int count, const std::string& id,
                std::string_view text_id, bool primary) {
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx), gap = ctx.u(24.f);
  const float w =
      (ctx.display.x - 2 * pad - static_cast<float>(count - 1) * gap) / static_cast<float>(count);
  const float y = bottom_bar_top(ctx);
  const ImVec2 min(pad + static_cast<float>(index) * (w + gap), y);
  const ImVec2 max(min.x + w, ctx.display.y - pad);
  return draw_button(ctx, id, min, max, text_id, primary ? t.accent[0] : t.button,
                     primary ? IM_COL32_WHITE : t.button_text);
}

bool draw_row(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
              std::string_view line1, std::string_view line2, bool selected) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  auto& d = cv.draw();
  bool pressed = false;
  const bool clicked = touch_target(ctx, id, min, max, &pressed);
  d.AddRectFilled(min, max, pressed ? t.tile_pressed : t.tile, t.rounding * 0.6f);
  d.AddRect(min, max, selected ? t.accent[0] : t.tile_border, t.rounding * 0.6f, 0,
            ctx.u(selected ? 5.f : 1.5f));
  const float x = min.x + ctx.u(24.f);
  const float room = max.x - x - ctx.u(24.f);
  const FontRole r1 = cv.fit(FontRole::heading, line1, room, FontRole::body);
  const float h1 = cv.measure(r1, line1).y;
  const bool second = !line2.empty() && !ctx.state.elderly;  // fewer words in elderly mode
  const float h2 = second ? cv.measure(FontRole::small, line2).y : 0.f;
  float y = (min.y + max.y - h1 - h2) * 0.5f;
  y += cv.text(r1, ImVec2(x, y), t.text, line1).y;
  if (second) cv.text(cv.fit(FontRole::small, line2, room), ImVec2(x, y), t.subtext, line2);
  return clicked;
}

float draw_message(ScreenContext& ctx, float y, std::string_view text, ImU32 colour) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  const float wrap = ctx.display.x - 4 * pad;
  const float h = cv.measure(FontRole::body, text, wrap).y + ctx.u(32.f);
  cv.draw().AddRectFilled(ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h), t.tile,
                          t.rounding * 0.6f);
  cv.draw().AddRect(ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h), colour, t.rounding * 0.6f,
                    0, ctx.u(4.f));
  cv.text(FontRole::body, ImVec2(2 * pad, y + ctx.u(16.f)), colour, text, wrap);
  return h;
}

int rows_that_fit(float y0, float y1, float row_h, float gap) {
  return std::max(1, static_cast<int>((y1 - y0 + gap) / (row_h + gap)));
}

float row_height(const ScreenContext& ctx) {
  return std::max(ctx.theme().min_target, ctx.u(ctx.state.elderly ? 150.f : 120.f));
}

const std::string& in_lang(const ScreenContext& ctx, const std::string& zh, const std::string& en) {
  return ctx.state.lang == core::Lang::zh || en.empty() ? zh : en;
}

const std::string& other_lang(const ScreenContext& ctx, const std::string& zh,
                              const std::string& en) {
  return ctx.state.lang == core::Lang::zh ? en : zh;
}

float draw_print_status(ScreenContext& ctx, float y) {
  const Theme& t = ctx.theme();
  switch (ctx.state.print) {
    case core::LoadState::none:
      return 0.f;
    case core::LoadState::loading:
      return draw_message(ctx, y, ctx.primary("print.printing"), t.subtext);
    case core::LoadState::ready:
      return draw_message(ctx, y, ctx.primary("print.done"), t.ok);
    case core::LoadState::failed:
      // No paper or a fault: the QR and number stay on screen to photograph.
      return draw_message(
          ctx, y,
          ctx.primary(ctx.state.print_error.empty() ? "print.failed" : ctx.state.print_error) +
              "\n" + ctx.primary("print.show_on_screen"),
          t.fault);
  }
  return 0.f;
}

}  // namespace ui
