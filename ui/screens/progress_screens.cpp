// Case progress: type the case number on a keypad (or show the receipt's QR
// on the identify screen), then the timeline of stages and what to do next.
#include "ui/screens/flow_screens.hpp"
#include "ui/screens/progress_cases.hpp"

#include <algorithm>

namespace ui {

void draw_progress_query(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  float y = draw_page_title(ctx, top, "progress.title");
  // The number as typed, in a field.
  y += draw_input_field(ctx, y, s.progress.case_number, "progress.placeholder") + ctx.u(16.f);
  if (!s.progress.error_text_id.empty()) {
    y += draw_message(ctx, y, ctx.primary(s.progress.error_text_id), t.fault) + ctx.u(16.f);
  } else if (!ctx.state.elderly) {
    y += cv.text_centered(FontRole::small, ctx.display.x * 0.5f, y, t.subtext,
                          ctx.primary("progress.hint"))
             .y +
         ctx.u(16.f);
  }
  y += draw_progress_by_card(ctx, y);
  if (auto next =
          draw_digit_keypad(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), s.progress.case_number)) {
    ctx.events.emplace_back(core::ProgressInput{std::move(*next)});
  }
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
