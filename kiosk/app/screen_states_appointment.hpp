#pragma once
// The appointment and hall navigation pages, each reached through the core
// as a citizen would (part of screen_states.hpp).
#include "kiosk/core/session.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::app {

// Walks a state through the core, event by event, as a citizen would.
struct StateWalk {
  core::State s;
  StateWalk& operator()(const core::Event& e) {
    s = core::reduce(s, e).state;
    return *this;
  }
};

// Appends (name, state) for every appointment and navigation page:
// appointment_menu, _hall, _day, _slot (with full slots), _slot_full (taken
// meanwhile), _confirm, _booked (no paper: QR on screen), _cancel (a bad
// code), _cancel_confirm, _cancelled, _cancel_failed, navigation (route
// drawn), navigation_loading.
void appointment_screens(const core::State& base,
                         std::vector<std::pair<std::string, core::State>>& out);

}  // namespace kiosk::app
