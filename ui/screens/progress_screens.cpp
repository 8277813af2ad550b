// Case progress: type the case number on a keypad (or show the receipt's QR
// on the identify screen), then the timeline of stages and what to do next.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {
namespace {

// A digit pad: 1-9, 0, delete, clear; 3 keys across on a portrait panel,
// 6 across on a landscape one. Case numbers are digits.
void draw_keypad(ScreenContext& ctx, float y, float bottom) {
  const Theme& t = ctx.theme();
  const std::string& number = ctx.state.progress.case_number;
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  const int cols = ctx.portrait() ? 3 : 6;
  const int rows = 12 / cols;
  const float w = std::min(
      (ctx.display.x - 2 * pad - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols),
      ctx.u(300.f));
  const float h =
      std::clamp((bottom - y - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows),
                 t.min_target, ctx.u(130.f));
  const float x0 =
      (ctx.display.x - static_cast<float>(cols) * w - static_cast<float>(cols - 1) * gap) * 0.5f;
  static const char* kPortrait[] = {"1", "2", "3", "4",   "5", "6",
                                    "7", "8", "9", "del", "0", "clear"};
  static const char* kLandscape[] = {"1", "2", "3", "4", "5", "del",
                                     "6", "7", "8", "9", "0", "clear"};
  const char* const* keys = ctx.portrait() ? kPortrait : kLandscape;
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
    ctx.events.emplace_back(core::ProgressInput{next});
  }
}

}  // namespace

void draw_progress_query(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "progress.title");
  // The number as typed, in a field.
  const float field_h = std::max(t.min_target, ctx.u(100.f));
  cv.draw().AddRectFilled(ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + field_h), t.tile,
                          t.rounding * 0.6f);
  cv.draw().AddRect(ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + field_h), t.tile_border,
                    t.rounding * 0.6f, 0, ctx.u(3.f));
  const bool empty = s.progress.case_number.empty();
  const std::string& shown = empty ? ctx.primary("progress.placeholder") : s.progress.case_number;
  const float th = cv.measure(FontRole::heading, shown).y;
  cv.text_centered(FontRole::heading, ctx.display.x * 0.5f, y + (field_h - th) * 0.5f,
                   empty ? t.subtext : t.text, shown);
  y += field_h + ctx.u(16.f);
  if (!s.progress.error_text_id.empty()) {
    y += draw_message(ctx, y, ctx.primary(s.progress.error_text_id), t.fault) + ctx.u(16.f);
  } else if (!ctx.state.elderly) {
    y += cv.text_centered(FontRole::small, ctx.display.x * 0.5f, y, t.subtext,
                          ctx.primary("progress.hint"))
             .y +
         ctx.u(16.f);
  }
  draw_keypad(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f));
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "progress.query", "progress.query", true)) {
    ctx.events.emplace_back(core::ProgressQuery{});
  }
}

void draw_progress_timeline(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  auto& d = cv.draw();
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "progress.timeline.title");
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "flow.finish", "action.finish", true)) {
    ctx.events.emplace_back(core::TapFinish{});
  }
  if (!s.progress.result) {
    draw_message(ctx, y, ctx.primary("progress.loading"), t.subtext);
    return;
  }
  const core::CaseProgress& c = *s.progress.result;
  y += cv.text_centered(FontRole::heading, ctx.display.x * 0.5f, y, t.text,
                        ctx.primary("progress.case_number") + c.case_number)
           .y +
       ctx.u(24.f);
  // What to do next comes first: it is what the citizen came for.
  y += draw_message(ctx, y, ctx.primary(core::next_step_text_id(c)), t.accent[0]) + ctx.u(24.f);
  const float bottom = bottom_bar_top(ctx) - ctx.u(16.f);
  const float dot = ctx.u(14.f), x_line = pad + ctx.u(30.f), x_text = x_line + ctx.u(40.f);
  const float wrap = ctx.display.x - x_text - pad;
  for (std::size_t i = 0; i < c.stages.size(); ++i) {
    const core::CaseStage& st = c.stages[i];
    const bool last = i + 1 == c.stages.size();
    const std::string& name = ctx.primary(core::stage_text_id(st.stage));
    const float h = cv.measure(FontRole::heading, name).y;
    if (y + h > bottom) break;
    d.AddCircleFilled(ImVec2(x_line, y + h * 0.5f), dot, last ? t.accent[0] : t.ok);
    if (!last) {
      d.AddLine(ImVec2(x_line, y + h * 0.5f), ImVec2(x_line, y + h * 2.2f), t.tile_border,
                ctx.u(4.f));
    }
    y += cv.text(FontRole::heading, ImVec2(x_text, y), t.text, name).y;
    y += cv.text(FontRole::small, ImVec2(x_text, y), t.subtext, st.at.substr(0, 16)).y;
    for (const auto& [zh, en] : st.reasons) {
      y += cv.text(FontRole::body, ImVec2(x_text, y), t.fault, in_lang(ctx, zh, en), wrap).y;
    }
    y += ctx.u(18.f);
  }
}

}  // namespace ui
