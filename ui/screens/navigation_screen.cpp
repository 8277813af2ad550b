// Hall navigation: the floor map with its windows, the kiosk ("you are
// here") and the route to the chosen window as a path; a QR code with the
// same route for a phone; print a slip.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {
namespace {

// Map metres to the screen rectangle [min, max], keeping the aspect.
struct MapView {
  ImVec2 origin;
  float scale = 1.f;
  ImVec2 at(double x_m, double y_m) const {
    return ImVec2(origin.x + static_cast<float>(x_m) * scale,
                  origin.y + static_cast<float>(y_m) * scale);
  }
};

MapView fit_map(const core::Hall& hall, ImVec2 min, ImVec2 max) {
  double w = hall.width_m, h = hall.depth_m;
  for (const core::HallWindow& win : hall.windows) {
    w = std::max(w, win.x_m + 1);
    h = std::max(h, win.y_m + 1);
  }
  w = std::max(w, 1.0);
  h = std::max(h, 1.0);
  const float scale =
      std::min((max.x - min.x) / static_cast<float>(w), (max.y - min.y) / static_cast<float>(h));
  const ImVec2 origin(min.x + ((max.x - min.x) - static_cast<float>(w) * scale) * 0.5f,
                      min.y + ((max.y - min.y) - static_cast<float>(h) * scale) * 0.5f);
  return {origin, scale};
}

void draw_map(ScreenContext& ctx, const core::NavigationState& n, ImVec2 min, ImVec2 max) {
  const Theme& t = ctx.theme();
  auto& d = ctx.canvas.draw();
  const core::Hall& hall = *n.hall;
  const MapView v = fit_map(hall, min, max);
  d.AddRectFilled(v.at(0, 0), v.at(hall.width_m, hall.depth_m), t.tile, t.rounding * 0.3f);
  d.AddRect(v.at(0, 0), v.at(hall.width_m, hall.depth_m), t.tile_border, t.rounding * 0.3f, 0,
            ctx.u(3.f));
  // The windows of the route's floor, the target highlighted.
  const float box = std::max(ctx.u(14.f), v.scale * 1.2f);
  for (const core::HallWindow& w : hall.windows) {
    if (w.floor != n.route.floor) continue;
    const ImVec2 c = v.at(w.x_m, w.y_m);
    const bool target = w.code == n.target;
    d.AddRectFilled(ImVec2(c.x - box, c.y - box), ImVec2(c.x + box, c.y + box),
                    target ? t.accent[0] : t.button, ctx.u(4.f));
    if (target || !ctx.state.elderly) {
      ctx.canvas.text(target ? FontRole::heading : FontRole::small,
                      ImVec2(c.x + box + ctx.u(4.f), c.y - box), target ? t.accent[0] : t.subtext,
                      w.code);
    }
  }
  // The route, then where it starts ("you are here").
  for (std::size_t i = 1; i < n.route.points.size(); ++i) {
    const auto& a = n.route.points[i - 1];
    const auto& b = n.route.points[i];
    d.AddLine(v.at(a.x_m, a.y_m), v.at(b.x_m, b.y_m), t.accent[0], ctx.u(8.f));
  }
  if (!n.route.points.empty()) {
    const ImVec2 here = v.at(n.route.points.front().x_m, n.route.points.front().y_m);
    d.AddCircleFilled(here, ctx.u(18.f), t.ok);
    ctx.canvas.text(FontRole::body, ImVec2(here.x + ctx.u(24.f), here.y - ctx.u(18.f)), t.ok,
                    ctx.primary("navigation.here"));
  }
}

}  // namespace

void draw_navigation(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const core::NavigationState& n = s.navigation;
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "navigation.title");
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (!n.hall) {
    draw_message(ctx, y,
                 ctx.primary(n.error_text_id.empty() ? "navigation.loading" : n.error_text_id),
                 n.error_text_id.empty() ? t.subtext : t.fault);
    return;
  }
  if (bar_button(ctx, 1, 2, "navigation.print", "navigation.print", true)) {
    ctx.events.emplace_back(core::NavigationPrint{});
  }
  std::string where = ctx.primary("navigation.to") + n.target + "  " +
                      with_number(ctx.primary("navigation.metres"), n.route.metres);
  if (n.route.change_floor) {
    where += "  " + with_number(ctx.primary("navigation.floor"), n.route.floor);
  }
  y += cv.text_centered(cv.fit(FontRole::heading, where, ctx.display.x - 2 * pad),
                        ctx.display.x * 0.5f, y, t.text, where)
           .y +
       ctx.u(16.f);
  const float bottom = bottom_bar_top(ctx) - ctx.u(24.f);
  const std::string url = core::route_url(s.settings, n.hall->code, n.target);
  // Portrait: the map above the QR; landscape: side by side.
  const float qr_side = std::min(ctx.u(ctx.portrait() ? 300.f : 340.f),
                                 ctx.portrait() ? (bottom - y) * 0.35f : bottom - y - ctx.u(80.f));
  const float status_h = s.print == core::LoadState::none ? 0.f : ctx.u(110.f);
  if (ctx.portrait()) {
    const float map_bottom = bottom - qr_side - ctx.u(24.f) - status_h;
    draw_map(ctx, n, ImVec2(pad, y), ImVec2(ctx.display.x - pad, map_bottom));
    float qy = map_bottom + ctx.u(24.f);
    draw_qr(ctx, ImVec2(pad, qy), qr_side, url);
    cv.text(FontRole::body, ImVec2(pad + qr_side + ctx.u(24.f), qy), t.subtext,
            ctx.primary("navigation.scan"), ctx.display.x - 3 * pad - qr_side);
    if (status_h > 0) draw_print_status(ctx, qy + qr_side + ctx.u(12.f));
  } else {
    const float map_right = ctx.display.x - pad - qr_side - ctx.u(32.f);
    draw_map(ctx, n, ImVec2(pad, y), ImVec2(map_right, bottom));
    const float qx = map_right + ctx.u(32.f);
    draw_qr(ctx, ImVec2(qx, y), qr_side, url);
    cv.text(FontRole::body, ImVec2(qx, y + qr_side + ctx.u(12.f)), t.subtext,
            ctx.primary("navigation.scan"), qr_side);
    if (status_h > 0) draw_print_status(ctx, bottom - status_h);
  }
}

}  // namespace ui
