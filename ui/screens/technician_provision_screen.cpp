// Technician provisioning page (开通终端): the platform this image enrols
// with, the token, hall and terminal fields typed on the on-screen keyboard,
// and while a run goes on (or after it) the steps in place of the keyboard,
// each done / running / failed / to do, with the outcome beneath.
#include "ui/keyboard.hpp"
#include "ui/screens/preapply_parts.hpp"

#include <algorithm>

namespace ui {
namespace {

// The steps in [min, max]: one line each, then what the run came to.
void draw_steps(ScreenContext& ctx, ImVec2 min, ImVec2 max) {
  const Theme& t = ctx.theme();
  const core::TechProvisionState& p = ctx.state.technician.provision;
  auto& cv = ctx.canvas;
  const float room = max.x - min.x;
  float y = min.y;
  for (const std::string_view step : core::kProvisionSteps) {
    const bool done = p.has_done(step);
    const bool running = p.current == step;
    const bool failed = !p.failed_step.empty() && p.failed_step == step;
    const char* state = done      ? "technician.provision.state.done"
                        : running ? "technician.provision.state.running"
                        : failed  ? "technician.provision.state.failed"
                                  : "technician.provision.state.pending";
    const ImU32 colour = done ? t.ok : running ? t.accent[0] : failed ? t.fault : t.subtext;
    const std::string line =
        ctx.primary(core::provision_step_text_id(step)) + "  —  " + ctx.primary(state);
    y += cv.text(cv.fit(FontRole::heading, line, room, FontRole::body), ImVec2(min.x, y), colour,
                 line)
             .y +
         ctx.u(14.f);
  }
  std::string outcome;
  ImU32 colour = t.fault;
  if (p.complete) {
    outcome = ctx.primary("technician.provision.complete") + "  " + p.terminal_id + "\n" +
              ctx.primary("technician.provision.restart");
    colour = t.ok;
  } else if (!p.failed_step.empty()) {
    outcome = ctx.primary("technician.provision.failed") + " " +
              ctx.primary(core::provision_step_text_id(p.failed_step));
    if (!p.detail.empty()) outcome += "\n" + p.detail;
  } else {
    return;
  }
  y += ctx.u(12.f);
  const float wrap = room - ctx.u(32.f);
  const float h = std::min(cv.measure(FontRole::body, outcome, wrap).y + ctx.u(24.f), max.y - y);
  cv.draw().AddRectFilled(ImVec2(min.x, y), ImVec2(max.x, y + h), t.tile, t.rounding * 0.6f);
  cv.draw().AddRect(ImVec2(min.x, y), ImVec2(max.x, y + h), colour, t.rounding * 0.6f, 0,
                    ctx.u(4.f));
  cv.text(FontRole::body, ImVec2(min.x + ctx.u(16.f), y + ctx.u(12.f)), colour, outcome, wrap);
}

}  // namespace

void draw_technician_provision(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::TechnicianState& tech = ctx.state.technician;
  const core::TechProvisionState& p = tech.provision;
  float y = draw_page_title(ctx, top, "technician.provision.title");
  const Split split = split_for_keyboard(ctx, y);
  float fy = split.fields.y;
  const std::string& platform = tech.info.provision_platform;
  fy += draw_fixed_line(ctx, fy, split, "technician.provision.platform",
                        platform.empty() ? ctx.primary("technician.status.none") : platform);
  for (const core::ProvisionField f :
       {core::ProvisionField::token, core::ProvisionField::hall, core::ProvisionField::terminal}) {
    const FieldRow row =
        draw_text_field(ctx, fy, split, core::text_id(f), p.field(f), !p.running && p.focus == f);
    if (row.tapped) ctx.events.emplace_back(core::TechProvisionFocus{f});
    fy += row.height;
  }
  // Why Start did nothing, in place of the progress line (the column has
  // no room for both in elderly mode).
  if (!p.message_id.empty()) {
    draw_message(ctx, fy, ctx.primary(p.message_id), t.fault);
  } else {
    const std::string done = with_number(ctx.primary("technician.provision.steps_done"),
                                         static_cast<int>(p.done.size()));
    draw_fixed_line(ctx, fy, split, "technician.provision.progress", done);
  }
  // The keyboard while the form is being filled; the steps once a run has
  // started, until the technician touches a field again.
  const bool show_steps = p.running || p.complete || !p.failed_step.empty();
  if (show_steps) {
    draw_steps(ctx, split.keyboard_min, split.keyboard_max);
  } else if (auto key =
                 draw_keyboard(ctx, p.field(p.focus), split.keyboard_min, split.keyboard_max)) {
    ctx.events.emplace_back(core::TechProvisionKey{std::move(*key)});
  }
  const bool can_start = !p.running && !p.complete;
  if (bar_button(ctx, 0, can_start ? 2 : 1, "flow.back", "action.back")) {
    ctx.events.emplace_back(core::TapBack{});
  }
  if (can_start &&
      bar_button(ctx, 1, 2, "tech.provision.start", "technician.provision.start", true)) {
    ctx.events.emplace_back(core::TechProvisionStart{});
  }
}

}  // namespace ui
