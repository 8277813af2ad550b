// Dispatches the flow screens by state.screen. A screen not built yet says
// which flow comes and offers the way back.
#include "ui/screens/flow_screens.hpp"

namespace ui {

void draw_flow_screen(ScreenContext& ctx, float top) {
  switch (ctx.state.screen) {
    case core::Screen::home:
    case core::Screen::identify:
      return;  // ui.cpp draws these
    default:
      draw_not_yet(ctx, top);
      return;
  }
}

}  // namespace ui
