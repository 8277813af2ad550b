// The digit pad shared by the pages where a citizen types a number (a case
// number, an appointment's confirmation code).
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {
namespace {

Span full(const ScreenContext& ctx, Span span) {
  if (span.right > span.left) return span;
  const float pad = page_pad(ctx);
  return {pad, ctx.display.x - pad};
}

}  // namespace

// 1-9, 0, delete, clear; 3 keys across on a portrait panel, 6 across on a
// landscape one.
std::optional<std::string> draw_digit_keypad(ScreenContext& ctx, float y, float bottom,
                                             const std::string& number, Span span) {
  const Theme& t = ctx.theme();
  const float gap = ctx.u(16.f);
  const Span x = full(ctx, span);
  const int cols = ctx.portrait() ? 3 : 6;
  const int rows = 12 / cols;
  const float w =
      std::min((x.right - x.left - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols),
               ctx.u(300.f));
  const float h =
      std::clamp((bottom - y - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows),
                 t.min_target, ctx.u(130.f));
  const float x0 =
      (x.left + x.right - static_cast<float>(cols) * w - static_cast<float>(cols - 1) * gap) * 0.5f;
  static const char* kPortrait[] = {"1", "2", "3", "4",   "5", "6",
                                    "7", "8", "9", "del", "0", "clear"};
  static const char* kLandscape[] = {"1", "2", "3", "4", "5", "del",
                                     "6", "7", "8", "9", "0", "clear"};
  const char* const* keys = ctx.portrait() ? kPortrait : kLandscape;
  std::optional<std::string> changed;
  for (int i = 0; i < 12; ++i) {
    const ImVec2 min(x0 + static_cast<float>(i % cols) * (w + gap),
                     y + static_cast<float>(i / cols) * (h + gap));
    const std::string key = keys[i];
    const bool digit = key.size() == 1;
    bool pressed = false;
    const ImVec2 max(min.x + w, min.y + h);
    const bool tapped = touch_target(ctx, "key." + key, min, max, &pressed);
    ctx.canvas.draw().AddRectFilled(min, max, pressed ? t.tile_pressed : t.tile, t.rounding * 0.6f);
    ctx.canvas.draw().AddRect(min, max, t.tile_border, t.rounding * 0.6f, 0, ctx.u(2.f));
    const std::string& label = digit ? key : ctx.primary("keypad." + key);
    const FontRole role = digit ? FontRole::title : FontRole::body;
    const float lh = ctx.canvas.measure(role, label).y;
    ctx.canvas.text_centered(role, (min.x + max.x) * 0.5f, min.y + (h - lh) * 0.5f, t.text, label);
    if (!tapped) continue;
    std::string next = number;
    if (digit) next += key;
    if (key == "del" && !next.empty()) next.pop_back();
    if (key == "clear") next.clear();
    changed = std::move(next);
  }
  return changed;
}

float draw_input_field(ScreenContext& ctx, float y, const std::string& value,
                       std::string_view placeholder_id, Span span) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const Span x = full(ctx, span);
  const float field_h = std::max(t.min_target, ctx.u(100.f));
  cv.draw().AddRectFilled(ImVec2(x.left, y), ImVec2(x.right, y + field_h), t.tile,
                          t.rounding * 0.6f);
  cv.draw().AddRect(ImVec2(x.left, y), ImVec2(x.right, y + field_h), t.tile_border,
                    t.rounding * 0.6f, 0, ctx.u(3.f));
  const bool empty = value.empty();
  const std::string& shown = empty ? ctx.primary(placeholder_id) : value;
  const float th = cv.measure(FontRole::heading, shown).y;
  cv.text_centered(FontRole::heading, (x.left + x.right) * 0.5f, y + (field_h - th) * 0.5f,
                   empty ? t.subtext : t.text, shown);
  return field_h;
}

}  // namespace ui
