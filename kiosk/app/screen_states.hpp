#pragma once
// A sample state for every screen a citizen meets (home, identify, guides,
// ticket, rating, progress, pre-application with its materials step,
// appointment, navigation), each reached through the core as a citizen
// would, with made-up data: what `kiosk screenshots` draws, what the flow
// screen tests check in every layout, and what the per-screen frame
// benchmark times. Like Dear ImGui's demo, it is living documentation: a
// new screen gets a state here.
#include "kiosk/core/session.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::app {

// (name, state) from `base` (its settings, language and elderly mode); the
// wall clock is fixed so pictures do not change from run to run.
std::vector<std::pair<std::string, core::State>> screen_states(core::State base);

}  // namespace kiosk::app
