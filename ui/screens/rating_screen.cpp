// Rating (好差评): five levels, the three indicators, an optional comment
// typed on the on-screen keyboard, skip or send.
#include "ui/keyboard.hpp"
#include "ui/screens/flow_screens.hpp"
#include "ui/screens/keyboard_area.hpp"

#include <algorithm>

namespace ui {
namespace {

// Five buttons 1..5 from `x0` to the page's right margin; `chosen` is
// highlighted. Returns the level tapped, or 0.
int draw_scale(ScreenContext& ctx, const std::string& id, float x0, float y, float h, int chosen,
               bool words) {
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx), gap = ctx.u(12.f);
  const float w = (ctx.display.x - pad - x0 - 4 * gap) / 5.f;
  int tapped = 0;
  for (int level = 1; level <= 5; ++level) {
    const ImVec2 min(x0 + static_cast<float>(level - 1) * (w + gap), y);
    const bool on = level <= chosen;
    const std::string text_id =
        words ? "rating.level." + std::to_string(level) : "rating.star." + std::to_string(level);
    if (draw_button(ctx, id + "." + std::to_string(level), min, ImVec2(min.x + w, y + h), text_id,
                    on ? t.warn : t.button, on ? t.text : t.button_text)) {
      tapped = level;
    }
  }
  return tapped;
}

// The comment field: what was typed, or an invitation; a tap opens (or
// puts away) the keyboard.
void draw_comment(ScreenContext& ctx, float y, float right) {
  const core::RatingState& r = ctx.state.rating;
  const std::string typed = r.keyboard.text + r.keyboard.composing;
  const std::string& line1 = typed.empty() ? ctx.primary("rating.comment.placeholder") : typed;
  const std::string& line2 = typed.empty() ? ctx.secondary("rating.comment.placeholder")
                                           : ctx.primary("rating.comment.label");
  const float h = std::max(ctx.theme().min_target, ctx.u(ctx.state.elderly ? 130.f : 110.f));
  if (draw_row(ctx, "rating.comment", ImVec2(page_pad(ctx), y), ImVec2(right, y + h), line1, line2,
               r.typing)) {
    ctx.events.emplace_back(core::RateTyping{!r.typing});
  }
}

}  // namespace

void draw_rating(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "rating.title");
  const float big = std::max(t.min_target, ctx.u(ctx.state.elderly ? 170.f : 150.f));
  if (int level = draw_scale(ctx, "rating.level", pad, y, big, s.rating.level, true)) {
    ctx.events.emplace_back(core::RateLevel{level});
  }
  y += big + ctx.u(36.f);
  if (s.rating.typing) {
    // The keyboard takes the indicators' place while the citizen types.
    const KeyboardArea area = keyboard_area(ctx, y);
    draw_comment(ctx, y, area.rest_right);
    if (auto key = draw_keyboard(ctx, s.rating.keyboard, area.min, area.max)) {
      ctx.events.emplace_back(core::RateKey{std::move(*key)});
    }
  }
  // The indicators refine the overall level; elderly mode keeps to the five
  // big buttons (fewer items per screen).
  if (!s.rating.typing && !ctx.state.elderly && s.rating.level > 0) {
    const float small = std::max(t.min_target, ctx.u(84.f));
    // A landscape panel is short: each indicator's name goes beside its
    // scale rather than above it, so the comment still fits above the bar.
    const bool beside = !ctx.portrait();
    const float scale_x = beside ? pad + ctx.display.x * 0.2f : pad;
    for (core::Indicator ind : core::kAllIndicators) {
      const std::string& name = ctx.primary(core::text_id(ind));
      if (beside) {
        const FontRole role = cv.fit(FontRole::body, name, scale_x - pad - ctx.u(16.f));
        const float text_h = cv.measure(role, name).y;
        cv.text(role, ImVec2(pad, y + (small - text_h) * 0.5f), t.text, name);
      } else {
        y += cv.text(FontRole::body, ImVec2(pad, y), t.text, name).y + ctx.u(8.f);
      }
      const int value = ind == core::Indicator::efficiency ? s.rating.efficiency
                        : ind == core::Indicator::service  ? s.rating.service
                                                           : s.rating.attitude;
      if (int level = draw_scale(ctx, core::text_id(ind), scale_x, y, small,
                                 value == 0 ? s.rating.level : value, false)) {
        ctx.events.emplace_back(core::RateIndicator{ind, level});
      }
      y += small + ctx.u(beside ? 16.f : 24.f);
    }
  }
  if (!s.rating.typing) draw_comment(ctx, y, ctx.display.x - pad);
  if (bar_button(ctx, 0, 2, "rating.skip", "rating.skip"))
    ctx.events.emplace_back(core::RateSkip{});
  if (s.rating.level > 0 && bar_button(ctx, 1, 2, "rating.submit", "rating.submit", true)) {
    ctx.events.emplace_back(core::RateSubmit{});
  }
}

}  // namespace ui
