// The band across the top of every screen: hall name, clock, and the state
// of the network and each device (symbol + word, never colour alone).
#include "ui/icons.hpp"
#include "ui/screen_context.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace ui {

const char* device_text_id(core::DeviceState s) {
  switch (s) {
    case core::DeviceState::ok:
      return "status.device.ok";
    case core::DeviceState::fault:
      return "status.device.fault";
    case core::DeviceState::missing:
      return "status.device.missing";
    case core::DeviceState::paper_low:
      return "status.device.paper_low";
    case core::DeviceState::no_paper:
      return "status.device.no_paper";
    case core::DeviceState::unknown:
      return "status.device.unknown";
  }
  return "status.device.unknown";
}

const char* network_text_id(core::LinkState s) {
  switch (s) {
    case core::LinkState::online:
      return "status.network.online";
    case core::LinkState::offline:
      return "status.network.offline";
    case core::LinkState::unknown:
      return "status.network.unknown";
  }
  return "status.network.unknown";
}

namespace {

ImU32 device_colour(const Theme& t, core::DeviceState s) {
  switch (s) {
    case core::DeviceState::ok:
      return t.ok;
    case core::DeviceState::paper_low:
      return t.warn;
    case core::DeviceState::fault:
    case core::DeviceState::missing:
    case core::DeviceState::no_paper:
      return t.fault;
    case core::DeviceState::unknown:
      return t.subtext;
  }
  return t.subtext;
}

std::string date_line(const ScreenContext& ctx) {
  const auto& c = ctx.state.clock;
  char buf[64];
  const std::string& weekday = ctx.primary("weekday." + std::to_string(c.weekday));
  if (ctx.state.lang == core::Lang::zh) {
    std::snprintf(buf, sizeof buf, "%d年%d月%d日 ", c.year, c.month, c.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d ", c.year, c.month, c.day);
  }
  return buf + weekday;
}

}  // namespace

float draw_header(ScreenContext& ctx) {
  const Theme& t = ctx.theme();
  auto& d = ctx.canvas.draw();
  auto& cv = ctx.canvas;
  const float w = ctx.display.x;
  const float band = ctx.u(ctx.state.elderly ? 190.f : 160.f);
  const float pad = ctx.u(40.f);
  d.AddRectFilled(ImVec2(0, 0), ImVec2(w, band), t.header);

  // Hall name, from config.
  const auto& hall_primary = ctx.primary("hall.name");
  const auto& hall_secondary = ctx.secondary("hall.name");
  const FontRole name_role = cv.fit(FontRole::title, hall_primary, w * 0.62f);
  const float name_h = cv.measure(name_role, hall_primary).y;
  const float sub_h = cv.measure(FontRole::small, hall_secondary).y;
  float y = (band - name_h - sub_h - ctx.u(6.f)) * 0.5f;
  cv.text(name_role, ImVec2(pad, y), t.header_text, hall_primary);
  cv.text(FontRole::small, ImVec2(pad, y + name_h + ctx.u(6.f)), t.header_subtext, hall_secondary);

  // Clock (minutes: the app wakes once a minute, not every frame).
  char hhmm[8];
  std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", ctx.state.clock.hour, ctx.state.clock.minute);
  const std::string date = date_line(ctx);
  const ImVec2 clock_size = cv.measure(FontRole::huge, hhmm);
  const ImVec2 date_size = cv.measure(FontRole::small, date);
  const float block_h = clock_size.y + date_size.y;
  y = (band - block_h) * 0.5f;
  cv.text(FontRole::huge, ImVec2(w - pad - clock_size.x, y), t.header_text, hhmm);
  cv.text(FontRole::small, ImVec2(w - pad - date_size.x, y + clock_size.y), t.header_subtext, date);

  // Status strip: network, outbox, reader, printer, scanner, call staff.
  const float row_h = ctx.u(ctx.state.elderly ? 84.f : 68.f);
  const float icon_r = row_h * 0.26f;
  const float gap = ctx.u(36.f), icon_w = icon_r * 2 + ctx.u(12.f);
  const ImU32 net_colour = ctx.state.network == core::LinkState::online    ? t.ok
                           : ctx.state.network == core::LinkState::offline ? t.fault
                                                                           : t.subtext;
  struct Item {
    core::Device device;
    const char* name_id;
  };
  constexpr std::array<Item, 3> items{{{core::Device::reader, "device.reader"},
                                       {core::Device::printer, "device.printer"},
                                       {core::Device::scanner, "device.scanner"}}};
  const auto& net_text = ctx.primary(network_text_id(ctx.state.network));
  // Outbox: what waits to be sent while the network is away, and what
  // staff must look at ("3 submissions waiting to be sent").
  std::string outbox_text;
  ImU32 outbox_colour = t.warn;
  if (ctx.state.outbox_dead > 0) {
    outbox_text = with_number(ctx.primary("status.outbox.dead"), ctx.state.outbox_dead);
    outbox_colour = t.fault;
  } else if (ctx.state.outbox_waiting > 0) {
    outbox_text = with_number(ctx.primary("status.outbox.waiting"), ctx.state.outbox_waiting);
  }
  // "Call staff" on every screen but home, whose footer has a bigger one.
  const bool staff_button = ctx.state.screen != core::Screen::home;
  const std::string& staff_label = ctx.primary("action.call_staff");
  const float staff_w =
      staff_button
          ? std::max(t.min_target * 2.f, cv.measure(FontRole::body, staff_label).x + ctx.u(48.f)) +
                gap
          : 0.f;

  // Each device as "name state"; when that cannot fit even small (long
  // English words in elderly mode), a device that is fine drops its word,
  // then every device that does not need staff: the ring's symbol still
  // tells the state. If the network, the outbox and the devices do not fit
  // one row, the devices take a second row.
  std::array<std::string, 3> labels;
  const auto fit_devices = [&](const std::string& lead, float room, FontRole& role) {
    for (int detail = 2; detail >= 0; --detail) {
      std::string all = lead;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const core::DeviceState s = ctx.state.device(items[i].device);
        const bool needs_staff = s == core::DeviceState::no_paper ||
                                 s == core::DeviceState::fault || s == core::DeviceState::missing;
        const bool word = detail == 2 || (detail == 1 && s != core::DeviceState::ok) || needs_staff;
        labels[i] = ctx.primary(items[i].name_id);
        if (word) labels[i] += " " + ctx.primary(device_text_id(s));
        all += labels[i];
      }
      role = cv.fit(FontRole::body, all, room);
      if (cv.measure(role, all).x <= room) return true;
    }
    return false;
  };
  const float lead_gaps = icon_w + gap + (outbox_text.empty() ? 0.f : gap);
  FontRole role = FontRole::small;
  const bool one_row = fit_devices(net_text + outbox_text,
                                   w - 2 * pad - staff_w - lead_gaps - 3 * (icon_w + gap), role);
  FontRole device_role = role;
  if (!one_row) {
    fit_devices("", w - 2 * pad - staff_w - 3 * (icon_w + gap), device_role);
    role = cv.fit(FontRole::body, net_text + outbox_text, w - 2 * pad - staff_w - lead_gaps);
  }
  const float strip_h = one_row ? row_h : 2 * row_h;
  d.AddRectFilled(ImVec2(0, band), ImVec2(w, band + strip_h), t.tile);
  d.AddRectFilled(ImVec2(0, band + strip_h - ctx.u(2.f)), ImVec2(w, band + strip_h), t.tile_border);

  if (staff_button) {
    const ImVec2 bmin(w - pad - (staff_w - gap), band + ctx.u(6.f));
    const ImVec2 bmax(w - pad, band + strip_h - ctx.u(8.f));
    bool pressed = false;
    if (touch_target(ctx, "header.staff", bmin, bmax, &pressed)) {
      ctx.events.emplace_back(core::CallStaff{});
    }
    d.AddRectFilled(bmin, bmax, pressed ? t.tile_pressed : t.staff_button, t.rounding * 0.5f);
    const FontRole staff_role = cv.fit(FontRole::body, staff_label, bmax.x - bmin.x - ctx.u(16.f));
    const float label_h = cv.measure(staff_role, staff_label).y;
    cv.text_centered(staff_role, (bmin.x + bmax.x) * 0.5f, (bmin.y + bmax.y - label_h) * 0.5f,
                     t.staff_text, staff_label);
  }

  float x = pad;
  float cy = band + row_h * 0.5f;
  draw_network_icon(d, ctx.state.network, ImVec2(x + icon_r, cy), icon_r, net_colour);
  x += icon_w;
  const float text_h = cv.measure(role, net_text).y;
  x += cv.text(role, ImVec2(x, cy - text_h * 0.5f), net_colour, net_text).x + gap;
  if (!outbox_text.empty()) {
    x += cv.text(role, ImVec2(x, cy - text_h * 0.5f), outbox_colour, outbox_text).x + gap;
  }
  if (!one_row) {
    x = pad;
    cy += row_h;
  }
  const float device_text_h = cv.measure(device_role, labels[0]).y;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const core::DeviceState s = ctx.state.device(items[i].device);
    const ImU32 col = device_colour(t, s);
    draw_state_mark(d, s, ImVec2(x + icon_r, cy), icon_r, col);
    x += icon_w;
    x += cv.text(device_role, ImVec2(x, cy - device_text_h * 0.5f), col, labels[i]).x + gap;
  }
  return band + strip_h;
}

}  // namespace ui
