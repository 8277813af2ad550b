// Hall navigation: find the window on the hall's map and plan the walk.
#include "kiosk/core/flows/navigation.hpp"

#include "kiosk/core/flows/reduce.hpp"

#include <cmath>

namespace core {

Route plan_route(const Hall& hall, const std::optional<KioskSpot>& kiosk,
                 const HallWindow& window) {
  // From the kiosk when it stands in this hall, else from the entrance.
  const bool here = kiosk && kiosk->hall_code == hall.code;
  const MapPoint start =
      here ? MapPoint{kiosk->x_m, kiosk->y_m} : MapPoint{hall.entrance_x_m, hall.entrance_y_m};
  const int start_floor = here ? kiosk->floor : 1;
  // Along the central aisle, which every area of the floor opens onto.
  const double aisle = hall.depth_m > 0 ? hall.depth_m / 2 : (start.y_m + window.y_m) / 2;
  Route r;
  r.points = {start, {start.x_m, aisle}, {window.x_m, aisle}, {window.x_m, window.y_m}};
  double metres = 0;
  for (std::size_t i = 1; i < r.points.size(); ++i) {
    metres += std::abs(r.points[i].x_m - r.points[i - 1].x_m) +
              std::abs(r.points[i].y_m - r.points[i - 1].y_m);
  }
  r.metres = static_cast<int>(std::lround(metres));
  r.floor = window.floor;
  r.change_floor = window.floor != start_floor;
  return r;
}

std::string route_url(const Settings& settings, const std::string& hall_code,
                      const std::string& window_code) {
  return settings.public_url + "/nav?hall=" + hall_code + "&to=" + window_code;
}

namespace flows {
namespace {

NavigationState& nav(State& s) {
  return s.navigation;
}

bool answers_current(const State& s, RequestId request) {
  return s.navigation.request == LoadState::loading && s.navigation.request_id == request &&
         s.screen == Screen::navigation;
}

bool navigable_from(Screen screen) {
  return screen == Screen::guide_item || screen == Screen::ticket_issued ||
         screen == Screen::appointment_booked;
}

}  // namespace

void apply(State& s, const NavigateTo& e, Effects& fx) {
  if (!navigable_from(s.screen) || e.window_code.empty()) return;
  touch(s);
  nav(s) = NavigationState{};
  nav(s).back_to = s.screen;
  nav(s).window_code = e.window_code;
  nav(s).hall_code = e.hall_code;
  nav(s).request = LoadState::loading;
  nav(s).request_id = next_request(s);
  s.screen = Screen::navigation;
  s.print = LoadState::none;
  fx.emplace_back(FetchHalls{nav(s).request_id});
}

void apply(State& s, const NavigationPrint&, Effects& fx) {
  if (s.screen != Screen::navigation || !nav(s).hall || s.print == LoadState::loading) return;
  touch(s);
  s.print = LoadState::loading;
  s.print_error.clear();
  PrintReceipt r;
  r.template_id = "navigation";
  r.qr = route_url(s.settings, nav(s).hall->code, nav(s).target);
  r.fields = {{"destination", nav(s).target}, {"route_url", r.qr}};
  fx.emplace_back(std::move(r));
}

void apply(State& s, const HallsLoaded& e, Effects& fx) {
  if (booking_halls(s, e)) return;
  if (!answers_current(s, e.request)) return;
  nav(s).request = LoadState::ready;
  nav(s).kiosk = e.kiosk;
  const std::string hall_code =
      !nav(s).hall_code.empty() ? nav(s).hall_code : (e.kiosk ? e.kiosk->hall_code : "");
  const Hall* hall = find_hall(e.halls, hall_code);
  const HallWindow* window = hall ? find_window(*hall, nav(s).window_code) : nullptr;
  if (window == nullptr) {
    nav(s).request = LoadState::failed;
    nav(s).error_text_id = "navigation.error.unknown_window";
    fx.emplace_back(Speak{"navigation.error.unknown_window", s.lang});
    return;
  }
  nav(s).hall = *hall;
  nav(s).target = window->code;
  nav(s).route = plan_route(*hall, e.kiosk, *window);
  fx.emplace_back(Speak{"navigation.title", s.lang});
}

void apply(State& s, const HallsFailed& e, Effects&) {
  if (booking_halls_failed(s, e)) return;
  if (!answers_current(s, e.request)) return;
  nav(s).request = LoadState::failed;
  nav(s).error_text_id = e.text_id;
}

bool navigation_back(State& s) {
  if (s.screen != Screen::navigation) return false;
  s.screen = nav(s).back_to;
  nav(s) = NavigationState{};
  s.print = LoadState::none;
  return true;
}

}  // namespace flows
}  // namespace core
