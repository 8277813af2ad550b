// The home (attract) screen: welcome, six large entry points, and the
// footer with elderly mode, language and "call staff".
#include "ui/icons.hpp"
#include "ui/screen_context.hpp"

#include <algorithm>
#include <iterator>

namespace ui {
namespace {

void draw_tile(ScreenContext& ctx, int index, core::Flow flow, ImVec2 min, ImVec2 max) {
  const Theme& t = ctx.theme();
  auto& d = ctx.canvas.draw();
  auto& cv = ctx.canvas;
  bool pressed = false;
  const std::string id = std::string("tile.") + core::text_id(flow);
  if (touch_target(ctx, id, min, max, &pressed)) ctx.events.emplace_back(core::TapEntry{flow});

  const float sh = ctx.u(6.f);
  d.AddRectFilled(ImVec2(min.x + sh, min.y + sh), ImVec2(max.x + sh, max.y + sh), t.shadow,
                  t.rounding);
  d.AddRectFilled(min, max, pressed ? t.tile_pressed : t.tile, t.rounding);
  d.AddRect(min, max, t.tile_border, t.rounding, 0, ctx.u(ctx.state.elderly ? 3.f : 1.5f));

  const float w = max.x - min.x, h = max.y - min.y;
  const float cx = min.x + w * 0.5f;
  const auto& label = ctx.primary(core::text_id(flow));
  const auto& label2 = ctx.secondary(core::text_id(flow));
  const auto& hint = ctx.primary(core::hint_text_id(flow));
  const FontRole label_role = cv.fit(FontRole::title, label, w - ctx.u(24.f), FontRole::body);
  const float label_h = cv.measure(label_role, label).y;
  const float label2_h = cv.measure(FontRole::body, label2).y;
  const float hint_h = ctx.state.elderly ? 0.f : cv.measure(FontRole::small, hint).y;
  const float r = std::min(w, h) * 0.17f;
  const float gap = ctx.u(14.f);
  const float block = 2 * r + gap + label_h + label2_h + (hint_h > 0 ? gap * 0.5f + hint_h : 0);
  if (block <= h - 2 * gap) {
    // Stacked: the pictogram above the labels.
    float y = min.y + (h - block) * 0.5f;
    d.AddCircleFilled(ImVec2(cx, y + r), r, t.accent[index % 6]);
    draw_flow_icon(d, flow, ImVec2(cx, y + r), r * 0.62f, IM_COL32_WHITE);
    y += 2 * r + gap;
    y += cv.text_centered(label_role, cx, y, t.text, label).y;
    y += cv.text_centered(FontRole::body, cx, y, t.subtext, label2).y;
    // Elderly mode shows fewer words per tile.
    if (hint_h > 0) cv.text_centered(FontRole::small, cx, y + gap * 0.5f, t.subtext, hint);
    return;
  }
  // Short tiles (square or small panels): the pictogram left of the labels.
  const float rs = std::min(h * 0.32f, w * 0.16f);
  const float disc_x = min.x + gap + rs;
  d.AddCircleFilled(ImVec2(disc_x, min.y + h * 0.5f), rs, t.accent[index % 6]);
  draw_flow_icon(d, flow, ImVec2(disc_x, min.y + h * 0.5f), rs * 0.62f, IM_COL32_WHITE);
  const float tx = disc_x + rs + gap;
  const float room = max.x - tx - gap;
  const FontRole side_role = cv.fit(label_role, label, room);
  const float lh = cv.measure(side_role, label).y;
  float y = min.y + (h - lh - label2_h) * 0.5f;
  y += cv.text(side_role, ImVec2(tx, y), t.text, label).y;
  cv.text(cv.fit(FontRole::body, label2, room), ImVec2(tx, y), t.subtext, label2);
}

}  // namespace

void draw_home(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float w = ctx.display.x, h = ctx.display.y;
  const float pad = ctx.u(40.f);
  const float cx = w * 0.5f;

  // The hidden technician gesture: five taps here within five seconds
  // (kiosk/core/flows/technician.hpp). Nothing is drawn; it sits over the
  // hall name in the header, away from every citizen's target.
  if (touch_target(ctx, "home.corner", ImVec2(0, 0), ImVec2(t.min_target, t.min_target))) {
    ctx.events.emplace_back(core::TechCornerTap{});
  }

  // Welcome.
  float y = top + ctx.u(ctx.portrait() ? 48.f : 26.f);
  y += cv.text_centered(FontRole::title, cx, y, t.text, ctx.primary("home.welcome")).y;
  y +=
      cv.text_centered(FontRole::body, cx, y + ctx.u(4.f), t.subtext, ctx.secondary("home.welcome"))
          .y;
  y += ctx.u(ctx.portrait() ? 36.f : 18.f);

  // Footer: elderly mode | language | call staff.
  const float footer_h = std::max(t.min_target, ctx.u(ctx.state.elderly ? 130.f : 112.f));
  const float footer_top = h - pad - footer_h;
  const float gap = ctx.u(24.f);
  const float unit_w = (w - 2 * pad - 2 * gap) / 4.f;  // staff button is twice as wide
  const ImVec2 f0(pad, footer_top);
  if (draw_button(ctx, "footer.elderly", f0, ImVec2(f0.x + unit_w, f0.y + footer_h),
                  ctx.state.elderly ? "action.standard_mode" : "action.elderly_mode", t.button,
                  t.button_text)) {
    ctx.events.emplace_back(core::ToggleElderly{});
  }
  const ImVec2 f1(f0.x + unit_w + gap, footer_top);
  if (draw_button(ctx, "footer.language", f1, ImVec2(f1.x + unit_w, f1.y + footer_h),
                  "action.language", t.button, t.button_text)) {
    ctx.events.emplace_back(core::ToggleLanguage{});
  }
  const ImVec2 f2(f1.x + unit_w + gap, footer_top);
  if (draw_button(ctx, "footer.staff", f2, ImVec2(w - pad, f2.y + footer_h), "action.call_staff",
                  t.staff_button, t.staff_text)) {
    ctx.events.emplace_back(core::CallStaff{});
  }

  // "At most one trip" line, or the staff confirmation once called.
  const char* banner_id = ctx.state.staff_called ? "staff.called" : "home.one_trip";
  const float banner_h = cv.measure(FontRole::body, ctx.primary(banner_id)).y;
  const float banner_y = footer_top - gap - banner_h;
  cv.text_centered(FontRole::body, cx, banner_y,
                   ctx.state.staff_called ? t.staff_button : t.subtext, ctx.primary(banner_id));

  // Six entry tiles: 2x3 on a portrait panel, 3x2 on a landscape one.
  const int cols = ctx.portrait() ? 2 : 3;
  const int rows = static_cast<int>(std::size(core::kAllFlows)) / cols;
  const float grid_top = y;
  const float grid_bottom = banner_y - gap;
  const float tile_w =
      (w - 2 * pad - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
  const float tile_h =
      (grid_bottom - grid_top - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
  int i = 0;
  for (core::Flow flow : core::kAllFlows) {
    const int col = i % cols, row = i / cols;
    const ImVec2 min(pad + static_cast<float>(col) * (tile_w + gap),
                     grid_top + static_cast<float>(row) * (tile_h + gap));
    draw_tile(ctx, i, flow, min, ImVec2(min.x + tile_w, min.y + tile_h));
    ++i;
  }
}

}  // namespace ui
