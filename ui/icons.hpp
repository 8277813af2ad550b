#pragma once
// Vector icons drawn with ImGui primitives: no image files to load, sharp at
// every size, and they follow elderly-mode scaling for free.
#include "kiosk/core/session.hpp"

#include <imgui.h>

namespace ui {

// A white pictogram of `flow` inside a disc of radius r (the disc is the caller's).
void draw_flow_icon(ImDrawList& d, core::Flow flow, ImVec2 c, float r, ImU32 fg);

// Wi-Fi-like arcs; a cross over them when offline, a dot when unknown.
void draw_network_icon(ImDrawList& d, core::LinkState state, ImVec2 c, float r, ImU32 fg);

// A tick, a cross, an exclamation mark or a question mark in a ring, so a
// device state is told by shape as well as colour.
void draw_state_mark(ImDrawList& d, core::DeviceState state, ImVec2 c, float r, ImU32 fg);

}  // namespace ui
