// Technician status page: devices, network, outbox, versions, touch
// orientation and the last errors on one side; the actions (device tests,
// recalibration, volume and brightness, log export, provisioning) on the
// other; the result of the last action beneath the status.
#include "kiosk/core/keyboard.hpp"
#include "ui/screens/flow_screens.hpp"

#include <algorithm>
#include <array>

namespace ui {
namespace {

// `text` cut to one line of `width` ("…" marks the cut): a long log line
// must not push the page into the bottom bar.
std::string one_line(const Canvas& cv, FontRole role, std::string text, float width) {
  if (cv.measure(role, text).x <= width) return text;
  while (!text.empty() && cv.measure(role, text + "…").x > width) {
    core::pop_utf8(text);
  }
  return text + "…";
}

// Status lines in one column from y; returns the y below them.
float draw_status_lines(ScreenContext& ctx, float x0, float x1, float y) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  const core::TechInfo& info = s.technician.info;
  auto& cv = ctx.canvas;
  const float room = x1 - x0;
  const auto line = [&](const std::string& text, ImU32 colour) {
    y += cv.text(cv.fit(FontRole::body, text, room), ImVec2(x0, y), colour, text).y + ctx.u(6.f);
  };
  for (core::Device d : {core::Device::reader, core::Device::printer, core::Device::scanner}) {
    const char* name = d == core::Device::reader    ? "device.reader"
                       : d == core::Device::printer ? "device.printer"
                                                    : "device.scanner";
    const core::DeviceState state = s.device(d);
    line(ctx.primary(name) + "  " + ctx.primary(device_text_id(state)),
         state == core::DeviceState::ok ? t.ok : t.fault);
  }
  line(ctx.primary("technician.status.network") + "  " + ctx.primary(network_text_id(s.network)),
       s.network == core::LinkState::online ? t.ok : t.fault);
  line(with_number(ctx.primary("technician.status.outbox_waiting"), s.outbox_waiting) + "    " +
           with_number(ctx.primary("technician.status.outbox_failed"), s.outbox_dead),
       s.outbox_dead > 0 ? t.fault : t.text);
  const auto or_none = [&](const std::string& v) {
    return v.empty() ? ctx.primary("technician.status.none") : v;
  };
  line(ctx.primary("technician.status.config") + "  " + or_none(info.config_version), t.text);
  if (!info.config_refused.empty()) {
    line(ctx.primary("technician.status.config_refused") + "  " + info.config_refused, t.fault);
  }
  line(ctx.primary("technician.status.terminal") + "  " + or_none(info.terminal_id), t.text);
  line(ctx.primary("technician.status.app") + "  " + or_none(info.app_version), t.text);
  std::string touch =
      ctx.primary("technician.status.touch") + "  " +
      with_number(ctx.primary("technician.touch.rotation"), core::rotation_deg(info.touch));
  if (core::mirrored(info.touch)) touch += ctx.primary("technician.touch.mirrored");
  line(touch, t.text);
  line(ctx.primary("technician.status.errors"), t.subtext);
  if (info.last_errors.empty()) line(ctx.primary("technician.status.none"), t.subtext);
  // The newest few, a line each, cut to the column (the export has them whole).
  const std::size_t n = std::min<std::size_t>(info.last_errors.size(), ctx.portrait() ? 4 : 2);
  for (std::size_t i = info.last_errors.size() - n; i < info.last_errors.size(); ++i) {
    const std::string e = one_line(cv, FontRole::small, info.last_errors[i], room);
    y += cv.text(FontRole::small, ImVec2(x0, y), t.fault, e).y;
  }
  return y + ctx.u(12.f);
}

// What the last action came to (or that one is running).
void draw_action_result(ScreenContext& ctx, float x0, float x1, float y) {
  const Theme& t = ctx.theme();
  const core::TechnicianState& tech = ctx.state.technician;
  std::string text;
  ImU32 colour = t.subtext;
  if (tech.running) {
    // " — " while running, ": " with the result (scripts wait for the latter).
    text = ctx.primary(core::text_id(*tech.running)) + " — " + ctx.primary("technician.running");
  } else if (tech.last_action) {
    text = ctx.primary(core::text_id(*tech.last_action)) + ": " +
           ctx.primary(tech.last_ok ? "technician.result.ok" : "technician.result.failed");
    if (!tech.last_detail.empty()) text += "\n" + tech.last_detail;
    colour = tech.last_ok ? t.ok : t.fault;
  } else {
    return;
  }
  auto& cv = ctx.canvas;
  const float wrap = x1 - x0 - ctx.u(32.f);
  const float h = cv.measure(FontRole::body, text, wrap).y + ctx.u(24.f);
  cv.draw().AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), t.tile, t.rounding * 0.6f);
  cv.draw().AddRect(ImVec2(x0, y), ImVec2(x1, y + h), colour, t.rounding * 0.6f, 0, ctx.u(4.f));
  cv.text(FontRole::body, ImVec2(x0 + ctx.u(16.f), y + ctx.u(12.f)), colour, text, wrap);
}

// The action buttons, two columns, in [x0, x1] x [y0, y1].
void draw_actions(ScreenContext& ctx, float x0, float x1, float y0, float y1) {
  const Theme& t = ctx.theme();
  struct Action {
    const char* id;
    const char* text_id;
    core::Event event;
  };
  const std::array<Action, 8> actions{{
      {"tech.test.reader", "technician.test.reader", core::TechRun{core::TechAction::test_reader}},
      {"tech.test.printer", "technician.test.printer",
       core::TechRun{core::TechAction::test_printer}},
      {"tech.test.scanner", "technician.test.scanner",
       core::TechRun{core::TechAction::test_scanner}},
      {"tech.test.platform", "technician.test.platform",
       core::TechRun{core::TechAction::test_platform}},
      {"tech.calibrate", "technician.calibrate", core::TechOpenCalibration{}},
      {"tech.settings", "technician.settings", core::TechOpenSettings{}},
      {"tech.export", "technician.export_logs", core::TechRun{core::TechAction::export_logs}},
      {"tech.provision", "technician.provision.open", core::TechOpenProvision{}},
  }};
  const float gap = ctx.u(20.f);
  const float w = (x1 - x0 - gap) / 2.f;
  const float h = std::max(t.min_target, std::min(ctx.u(140.f), (y1 - y0 - 3 * gap) / 4.f));
  const bool busy = ctx.state.technician.running.has_value();
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const ImVec2 min(x0 + static_cast<float>(i % 2) * (w + gap),
                     y0 + static_cast<float>(i / 2) * (h + gap));
    // While a test runs the buttons stay (greyed); the core ignores taps.
    if (draw_button(ctx, actions[i].id, min, ImVec2(min.x + w, min.y + h), actions[i].text_id,
                    busy ? t.tile : t.button, busy ? t.subtext : t.button_text)) {
      ctx.events.push_back(actions[i].event);
    }
  }
}

}  // namespace

void draw_technician_status(ScreenContext& ctx, float top) {
  const float pad = page_pad(ctx);
  const float y = draw_page_title(ctx, top, "technician.status.title");
  const float bottom = bottom_bar_top(ctx) - ctx.u(24.f);
  if (ctx.portrait()) {
    const float below = draw_status_lines(ctx, pad, ctx.display.x - pad, y);
    const float actions_h = std::max(ctx.theme().min_target, ctx.u(120.f)) * 4 + ctx.u(60.f);
    draw_action_result(ctx, pad, ctx.display.x - pad, below);
    draw_actions(ctx, pad, ctx.display.x - pad, bottom - actions_h, bottom);
  } else {
    const float mid = ctx.display.x * 0.5f;
    const float below = draw_status_lines(ctx, pad, mid - pad, y);
    draw_action_result(ctx, pad, mid - pad, below);
    draw_actions(ctx, mid, ctx.display.x - pad, y, bottom);
  }
  if (bar_button(ctx, 0, 1, "tech.exit", "technician.exit")) {
    ctx.events.emplace_back(core::TechExit{});
  }
}

}  // namespace ui
