// Technician sub-pages: volume and brightness (a bar with lower/higher
// buttons, steps of 10 %), and touch recalibration (a cross in each corner
// in turn; the whole page between header and bottom bar takes the touch).
#include "ui/screens/flow_screens.hpp"

#include <algorithm>
#include <cstdio>

namespace ui {
namespace {

constexpr int kStep = 10;

// One level: its name and value, a bar, and the two buttons; returns the
// y below it.
float draw_level(ScreenContext& ctx, float y, core::TechLevel level, int percent) {
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  const bool volume = level == core::TechLevel::volume;
  const std::string key = volume ? "volume" : "brightness";
  char value[16];
  std::snprintf(value, sizeof value, "  %d%%", percent);
  y += cv.text(FontRole::heading, ImVec2(pad, y), t.text,
               ctx.primary(volume ? "technician.volume" : "technician.brightness") + value)
           .y +
       ctx.u(12.f);
  const float h = std::max(t.min_target, ctx.u(110.f));
  const float button_w = std::max(t.min_target * 2.f, ctx.u(220.f));
  const float gap = ctx.u(24.f);
  const ImVec2 down_min(pad, y);
  if (draw_button(ctx, "tech." + key + ".down", down_min,
                  ImVec2(down_min.x + button_w, down_min.y + h), "technician.level.down", t.button,
                  t.button_text)) {
    ctx.events.emplace_back(core::TechSetLevel{level, percent - kStep});
  }
  const ImVec2 up_min(ctx.display.x - pad - button_w, y);
  if (draw_button(ctx, "tech." + key + ".up", up_min, ImVec2(up_min.x + button_w, up_min.y + h),
                  "technician.level.up", t.button, t.button_text)) {
    ctx.events.emplace_back(core::TechSetLevel{level, percent + kStep});
  }
  // The bar shows the level; the buttons set it (a bar too thin to hit
  // reliably with a finger is not a target).
  const float bx0 = pad + button_w + gap, bx1 = up_min.x - gap;
  const float by0 = y + h * 0.35f, by1 = y + h * 0.65f;
  auto& d = cv.draw();
  d.AddRectFilled(ImVec2(bx0, by0), ImVec2(bx1, by1), t.tile, t.rounding * 0.3f);
  d.AddRectFilled(ImVec2(bx0, by0),
                  ImVec2(bx0 + (bx1 - bx0) * static_cast<float>(percent) / 100.f, by1), t.accent[0],
                  t.rounding * 0.3f);
  d.AddRect(ImVec2(bx0, by0), ImVec2(bx1, by1), t.tile_border, t.rounding * 0.3f, 0, ctx.u(2.f));
  return y + h + ctx.u(48.f);
}

}  // namespace

void draw_technician_settings(ScreenContext& ctx, float top) {
  const core::TechInfo& info = ctx.state.technician.info;
  float y = draw_page_title(ctx, top, "technician.settings");
  y = draw_level(ctx, y, core::TechLevel::volume, info.volume);
  draw_level(ctx, y, core::TechLevel::brightness, info.brightness);
  if (bar_button(ctx, 0, 1, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
}

void draw_technician_calibrate(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::TechnicianState& tech = ctx.state.technician;
  auto& cv = ctx.canvas;
  const float bottom = bottom_bar_top(ctx) - ctx.u(24.f);
  // The touch area first, so the page's touches reach it wherever they land.
  if (touch_target(ctx, "tech.calibrate.area", ImVec2(0, top), ImVec2(ctx.display.x, bottom))) {
    const ImVec2 at = ImGui::GetIO().MousePos;
    ctx.events.emplace_back(
        core::TechCalibrationTap{core::Point{at.x / ctx.display.x, at.y / ctx.display.y}});
  }
  const std::size_t next =
      std::min(tech.calibration_taps.size(), core::kCalibrationTargets.size() - 1);
  const core::Point target = core::kCalibrationTargets[next];
  const ImVec2 c(target.x * ctx.display.x, target.y * ctx.display.y);
  const float r = ctx.u(44.f);
  auto& d = cv.draw();
  d.AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), t.fault, ctx.u(5.f));
  d.AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), t.fault, ctx.u(5.f));
  d.AddCircle(c, r * 0.6f, t.fault, 0, ctx.u(3.f));
  // The instructions sit in the middle, clear of the four crosses.
  const float cx = ctx.display.x * 0.5f;
  float y = ctx.display.y * 0.5f - ctx.u(60.f);
  const std::string hint =
      with_number(ctx.primary("technician.calibrate.hint"), static_cast<int>(next) + 1);
  y += cv.text_centered(cv.fit(FontRole::heading, hint, ctx.display.x * 0.6f), cx, y, t.text, hint)
           .y;
  if (tech.calibration_failed) {
    const std::string& failed = ctx.primary("technician.calibrate.failed");
    cv.text(FontRole::body, ImVec2(ctx.display.x * 0.22f, y + ctx.u(16.f)), t.fault, failed,
            ctx.display.x * 0.56f);
  }
  if (bar_button(ctx, 0, 1, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
}

}  // namespace ui
