#include "ui/screens/preapply_parts.hpp"

#include <algorithm>

namespace ui {

Split split_for_keyboard(const ScreenContext& ctx, float y) {
  const float pad = page_pad(ctx), gap = ctx.u(24.f);
  const float bottom = bottom_bar_top(ctx) - gap;
  Split s;
  s.fields = ImVec2(pad, y);
  if (ctx.portrait()) {
    // Five rows of keys (candidates and four rows) of at least a target each.
    const float t = ctx.theme().min_target;
    const float kb_h = std::max(5 * t + 4 * ctx.u(10.f), (bottom - y) * 0.48f);
    s.fields_right = ctx.display.x - pad;
    s.fields_bottom = bottom - kb_h - gap;
    s.keyboard_min = ImVec2(pad, bottom - kb_h);
    s.keyboard_max = ImVec2(ctx.display.x - pad, bottom);
  } else {
    const float mid = ctx.display.x * 0.42f;
    s.fields_right = mid - gap * 0.5f;
    s.fields_bottom = bottom;
    s.keyboard_min = ImVec2(mid + gap * 0.5f, y);
    s.keyboard_max = ImVec2(ctx.display.x - pad, bottom);
  }
  return s;
}

float draw_fixed_line(ScreenContext& ctx, float y, const Split& split, std::string_view label_id,
                      const std::string& value) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const std::string line = ctx.primary(label_id) + "  " + value;
  const FontRole role = cv.fit(FontRole::body, line, split.fields_right - split.fields.x);
  return cv.text(role, ImVec2(split.fields.x, y), t.subtext, line).y + ctx.u(10.f);
}

FieldRow draw_text_field(ScreenContext& ctx, float y, const Split& split, const char* label_id,
                         const core::KeyboardState& kb, bool focused) {
  const float h = std::max(ctx.theme().min_target, ctx.u(ctx.state.elderly ? 130.f : 110.f));
  const std::string typed = core::typed(kb);
  const std::string& label = ctx.primary(label_id);
  const std::string line1 =
      label + "  " + (typed.empty() ? ctx.primary("preapply.field.empty") : typed);
  const bool tapped =
      draw_row(ctx, label_id, ImVec2(split.fields.x, y), ImVec2(split.fields_right, y + h), line1,
               ctx.secondary(label_id), focused);
  return {h + ctx.u(12.f), tapped};
}

float draw_field_row(ScreenContext& ctx, float y, const Split& split, core::PreApplyField field,
                     const core::KeyboardState& kb, bool focused) {
  // The touch id is the field's text id: "preapply.field.phone", ...
  const FieldRow row = draw_text_field(ctx, y, split, core::text_id(field), kb, focused);
  if (row.tapped) ctx.events.emplace_back(core::PreApplyFocus{field});
  return row.height;
}

}  // namespace ui
