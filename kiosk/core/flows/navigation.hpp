#pragma once
// Hall navigation: the floor map with the route from the kiosk to a window,
// a QR code that opens the same route on a phone, and a printed slip.
// Entered from an item's guide (its window), from a ticket or a booked
// appointment ("how to get there"); back returns to where it came from.
#include "kiosk/core/catalogue.hpp"
#include "kiosk/core/flows/halls.hpp"
#include "kiosk/core/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace core {

struct MapPoint {
  double x_m = 0, y_m = 0;
  bool operator==(const MapPoint&) const = default;
};

// The walk on the map: from the start along the central aisle to the
// window. `floor` is the window's floor; `change_floor` when it is not the
// start's (the lift is then at the start of the aisle).
struct Route {
  std::vector<MapPoint> points;
  int metres = 0;
  int floor = 1;
  bool change_floor = false;
  bool operator==(const Route&) const = default;
};

Route plan_route(const Hall& hall, const std::optional<KioskSpot>& kiosk, const HallWindow& window);

struct NavigationState {
  std::string hall_code;    // empty: the kiosk's own hall
  std::string window_code;  // or a window group ("B"): its first window
  Screen back_to = Screen::home;
  std::optional<Hall> hall;
  std::optional<KioskSpot> kiosk;
  std::string target;  // the window found
  Route route;
  LoadState request = LoadState::none;
  RequestId request_id = 0;
  std::string error_text_id;
  bool operator==(const NavigationState&) const = default;
};

// The URL of the route for a phone (the QR code on screen and on the slip).
std::string route_url(const Settings& settings, const std::string& hall_code,
                      const std::string& window_code);

// --- events -------------------------------------------------------------------
// "How to get there": a window code or group; hall_code empty = this hall.
struct NavigateTo {
  std::string window_code;
  std::string hall_code;
};
struct NavigationPrint {};

}  // namespace core
