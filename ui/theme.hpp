#pragma once
// Colours and metrics. Text colours meet WCAG AA contrast (>= 4.5:1) on
// their backgrounds; elderly mode raises contrast further. Status is never
// shown by colour alone: every state has a symbol and a word too.
#include <imgui.h>

namespace ui {

struct Theme {
  ImU32 background;
  ImU32 header;  // deep government blue band
  ImU32 header_text;
  ImU32 header_subtext;
  ImU32 text;
  ImU32 subtext;
  ImU32 tile;
  ImU32 tile_border;
  ImU32 tile_pressed;
  ImU32 shadow;
  ImU32 ok;
  ImU32 warn;
  ImU32 fault;
  ImU32 staff_button;
  ImU32 staff_text;
  ImU32 button;
  ImU32 button_text;
  ImU32 accent[6];  // icon discs of the six entry tiles
  float unit;       // pixels per layout unit (short side / 1080)
  float rounding;
  float min_target;  // smallest touch target, px (>= 60 dp in elderly mode)
};

Theme make_theme(ImVec2 display, bool elderly);

}  // namespace ui
