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
#include <vector>

namespace ui {

struct FrameResult {
  std::vector<core::Event> events;  // what the citizen touched, for the core
  // Characters the atlas could not draw, per font size; all empty when the
  // frame is fully rendered.
  std::array<GlyphSet, kFontRoleCount> missing_glyphs;
  bool complete() const;
};

// Draws the whole screen for `state` into the current ImGui frame (between
// ImGui::NewFrame and ImGui::Render).
FrameResult draw_frame(const core::State& state, const core::Texts& texts, const Fonts& fonts,
                       ImVec2 display);

}  // namespace ui
