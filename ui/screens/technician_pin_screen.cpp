// Technician PIN pad: the digits typed show as dots, never as digits; the
// answer (wrong PIN with the attempts left, locked with the seconds left,
// PIN not configured) shows above the pad.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>
#include <array>

namespace ui {
namespace {

// The PIN so far as dots, then the check's answer; returns the y below.
float draw_pin_feedback(ScreenContext& ctx, float x0, float x1, float y) {
  const Theme& t = ctx.theme();
  const core::TechnicianState& tech = ctx.state.technician;
  auto& cv = ctx.canvas;
  const float cx = (x0 + x1) * 0.5f;
  const float r = ctx.u(16.f), step = ctx.u(52.f);
  const std::size_t shown = std::max<std::size_t>(tech.pin.size(), 4);
  float dx = cx - step * static_cast<float>(shown - 1) * 0.5f;
  for (std::size_t i = 0; i < shown; ++i, dx += step) {
    if (i < tech.pin.size()) {
      cv.draw().AddCircleFilled(ImVec2(dx, y + r), r, t.text);
    } else {
      cv.draw().AddCircle(ImVec2(dx, y + r), r, t.tile_border, 0, ctx.u(3.f));
    }
  }
  y += 2 * r + ctx.u(28.f);
  std::string message;
  ImU32 colour = t.fault;
  if (tech.pin_check == core::LoadState::loading) {
    message = ctx.primary("technician.pin.checking");
    colour = t.subtext;
  } else if (tech.pin_message_id == "technician.pin.wrong") {
    message = with_number(ctx.primary(tech.pin_message_id), tech.attempts_left);
  } else if (tech.pin_message_id == "technician.pin.locked") {
    message = with_number(ctx.primary(tech.pin_message_id), tech.retry_in_s);
  } else if (!tech.pin_message_id.empty()) {
    message = ctx.primary(tech.pin_message_id);
  }
  if (!message.empty()) {
    const float wrap = x1 - x0;
    cv.text(FontRole::body, ImVec2(x0, y), colour, message, wrap);
    y += cv.measure(FontRole::body, message, wrap).y;
  }
  return y + ctx.u(24.f);
}

// 1-9, delete, 0, OK in four rows between y0 and y1.
void draw_keypad(ScreenContext& ctx, float x0, float x1, float y0, float y1) {
  const Theme& t = ctx.theme();
  const float gap = ctx.u(20.f);
  const float w = (x1 - x0 - 2 * gap) / 3.f;
  const float h = std::max(t.min_target, std::min(ctx.u(150.f), (y1 - y0 - 3 * gap) / 4.f));
  constexpr std::array<char, 12> keys = {'1', '2', '3', '4', '5', '6',
                                         '7', '8', '9', '<', '0', '='};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const float x = x0 + static_cast<float>(i % 3) * (w + gap);
    const float y = y0 + static_cast<float>(i / 3) * (h + gap);
    const ImVec2 min(x, y), max(x + w, y + h);
    const char k = keys[i];
    if (k == '<' || k == '=') {
      const bool ok = k == '=';
      if (draw_button(ctx, ok ? "tech.key.ok" : "tech.key.delete", min, max,
                      ok ? "technician.key.ok" : "technician.key.delete",
                      ok ? t.accent[0] : t.button, ok ? IM_COL32_WHITE : t.button_text)) {
        if (ok) {
          ctx.events.emplace_back(core::TechPinSubmit{});
        } else {
          ctx.events.emplace_back(core::TechPinKey{'<'});
        }
      }
      continue;
    }
    bool pressed = false;
    if (touch_target(ctx, std::string("tech.key.") + k, min, max, &pressed)) {
      ctx.events.emplace_back(core::TechPinKey{k});
    }
    auto& d = ctx.canvas.draw();
    d.AddRectFilled(min, max, pressed ? t.tile_pressed : t.tile, t.rounding * 0.6f);
    d.AddRect(min, max, t.tile_border, t.rounding * 0.6f, 0, ctx.u(1.5f));
    const std::string label(1, k);
    const float lh = ctx.canvas.measure(FontRole::title, label).y;
    ctx.canvas.text_centered(FontRole::title, (min.x + max.x) * 0.5f, (min.y + max.y - lh) * 0.5f,
                             t.text, label);
  }
}

}  // namespace

void draw_technician_pin(ScreenContext& ctx, float top) {
  const float pad = page_pad(ctx);
  const float y = draw_page_title(ctx, top, "technician.pin.title");
  const float bottom = bottom_bar_top(ctx) - ctx.u(24.f);
  if (ctx.portrait()) {
    const float x0 = ctx.display.x * 0.15f, x1 = ctx.display.x * 0.85f;
    const float below = draw_pin_feedback(ctx, pad, ctx.display.x - pad, y);
    draw_keypad(ctx, x0, x1, below, bottom);
  } else {
    // Landscape: the dots and messages left, the pad right.
    const float mid = ctx.display.x * 0.5f;
    draw_pin_feedback(ctx, pad, mid - pad, y + ctx.u(40.f));
    draw_keypad(ctx, mid, ctx.display.x - pad, y, bottom);
  }
  if (bar_button(ctx, 0, 1, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
}

}  // namespace ui
