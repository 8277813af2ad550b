#pragma once
// The UI: renders the session core's state with Dear ImGui and turns touches
// into core events. It does no I/O and keeps no state of its own beyond what
// ImGui keeps for widgets; everything it shows comes from core::State and
// the configured texts.
#include "kiosk/core/session.hpp"
#include "kiosk/core/texts.hpp"
#include "ui/fonts.hpp"
#include "ui/glyph_set.hpp"

#include <imgui.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

// Where a touchable thing was drawn, by id: how tests and the script harness
// find "the ticket tile" without pixel coordinates.
struct TouchTarget {
  std::string id;
  ImVec2 min, max;
  ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

struct FrameResult {
  std::vector<core::Event> events;  // what the citizen touched, for the core
  // Characters the atlas could not draw, per font size; all empty when the
  // frame is fully rendered.
  std::array<GlyphSet, kFontRoleCount> missing_glyphs;
  std::vector<TouchTarget> targets;
  std::vector<std::string> texts;  // every text drawn, for checks by text
  bool complete() const;
  bool shows_text(std::string_view text) const;
  const TouchTarget* target(std::string_view id) const;
};

// Draws the whole screen for `state` into the current ImGui frame (between
// ImGui::NewFrame and ImGui::Render).
FrameResult draw_frame(const core::State& state, const core::Texts& texts, const Fonts& fonts,
                       ImVec2 display);

}  // namespace ui
