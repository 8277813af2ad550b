// The band across the top of every screen: hall name, clock, and the state
// of the network and each device (symbol + word, never colour alone).
#include "ui/icons.hpp"
#include "ui/screen_context.hpp"

#include <array>
#include <cstdio>

namespace ui {
namespace {

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

  // Status strip: network, reader, printer, scanner.
  const float strip_h = ctx.u(ctx.state.elderly ? 84.f : 68.f);
  d.AddRectFilled(ImVec2(0, band), ImVec2(w, band + strip_h), t.tile);
  d.AddRectFilled(ImVec2(0, band + strip_h - ctx.u(2.f)), ImVec2(w, band + strip_h), t.tile_border);
  const float icon_r = strip_h * 0.26f;
  const float cy = band + strip_h * 0.5f;
  float x = pad;
  const ImU32 net_colour = ctx.state.network == core::LinkState::online    ? t.ok
                           : ctx.state.network == core::LinkState::offline ? t.fault
                                                                           : t.subtext;
  draw_network_icon(d, ctx.state.network, ImVec2(x + icon_r, cy), icon_r, net_colour);
  x += icon_r * 2 + ctx.u(12.f);
  struct Item {
    core::Device device;
    const char* name_id;
  };
  constexpr std::array<Item, 3> items{{{core::Device::reader, "device.reader"},
                                       {core::Device::printer, "device.printer"},
                                       {core::Device::scanner, "device.scanner"}}};
  const auto& net_text = ctx.primary(network_text_id(ctx.state.network));
  const float gaps = 4 * (icon_r * 2 + ctx.u(12.f)) + 3 * ctx.u(36.f);
  const float room = w - 2 * pad - gaps;
  // Each device as "name state"; when that cannot fit even small (long
  // English words in elderly mode), a device that is fine drops its word,
  // then every device does: the ring's symbol still tells the state.
  std::array<std::string, 3> labels;
  FontRole role = FontRole::small;
  for (int detail = 2; detail >= 0; --detail) {
    std::string all = net_text;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const core::DeviceState s = ctx.state.device(items[i].device);
      const bool word = detail == 2 || (detail == 1 && s != core::DeviceState::ok);
      labels[i] = ctx.primary(items[i].name_id);
      if (word) labels[i] += " " + ctx.primary(device_text_id(s));
      all += labels[i];
    }
    role = cv.fit(FontRole::body, all, room);
    if (cv.measure(role, all).x <= room) break;
  }
  const float text_h = cv.measure(role, net_text).y;
  x += cv.text(role, ImVec2(x, cy - text_h * 0.5f), net_colour, net_text).x + ctx.u(36.f);

  for (std::size_t i = 0; i < items.size(); ++i) {
    const core::DeviceState s = ctx.state.device(items[i].device);
    const ImU32 col = device_colour(t, s);
    draw_state_mark(d, s, ImVec2(x + icon_r, cy), icon_r, col);
    x += icon_r * 2 + ctx.u(12.f);
    x += cv.text(role, ImVec2(x, cy - text_h * 0.5f), col, labels[i]).x + ctx.u(36.f);
  }
  return band + strip_h;
}

}  // namespace ui
