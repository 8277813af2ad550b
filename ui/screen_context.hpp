#pragma once
// What every screen-drawing function gets: the state to show, the texts,
// a canvas to draw on, and where to put the citizen's intents.
#include "kiosk/core/session.hpp"
#include "kiosk/core/texts.hpp"
#include "ui/canvas.hpp"
#include "ui/ui.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ui {

struct ScreenContext {
  const core::State& state;
  const core::Texts& texts;
  Canvas& canvas;
  std::vector<core::Event>& events;
  std::vector<TouchTarget>& targets;
  ImVec2 display;

  // The text in the citizen's language, and in the other one (shown smaller
  // beneath it: Chinese first, English second by default).
  const std::string& primary(std::string_view id) const { return texts.get(id).in(state.lang); }
  const std::string& secondary(std::string_view id) const {
    return texts.get(id).in(state.lang == core::Lang::zh ? core::Lang::en : core::Lang::zh);
  }
  bool portrait() const { return display.y >= display.x; }
  float u(float units) const { return canvas.u(units); }
  const Theme& theme() const { return canvas.theme(); }
};

// A touch target over [min, max]; true on release inside it. `pressed` tells
// whether it is held down now, for feedback.
bool touch_target(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
                  bool* pressed = nullptr);

// Replaces "{n}" in a configured text.
std::string with_number(std::string_view text, int n);

// Screens and parts of screens.
float draw_header(ScreenContext& ctx);  // returns the y where content starts
void draw_home(ScreenContext& ctx, float top);
void draw_identify(ScreenContext& ctx, float top);
// Every flow screen (ui/screens/*.cpp), by state.screen.
void draw_flow_screen(ScreenContext& ctx, float top);
void draw_inactivity_warning(ScreenContext& ctx);
// The words for a device's and the network's state (header.cpp).
const char* device_text_id(core::DeviceState s);
const char* network_text_id(core::LinkState s);
// A wide bilingual button; true when tapped.
bool draw_button(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
                 std::string_view text_id, ImU32 fill, ImU32 text_colour);

}  // namespace ui
