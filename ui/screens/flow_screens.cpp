// Dispatches the flow screens by state.screen.
#include "ui/screens/flow_screens.hpp"

namespace ui {

void draw_flow_screen(ScreenContext& ctx, float top) {
  switch (ctx.state.screen) {
    case core::Screen::home:
    case core::Screen::identify:
      return;  // ui.cpp draws these
    case core::Screen::guide_list:
      draw_guide_list(ctx, top);
      return;
    case core::Screen::guide_item:
      draw_guide_item(ctx, top);
      return;
    case core::Screen::ticket_item:
      draw_ticket_item(ctx, top);
      return;
    case core::Screen::ticket_issued:
      draw_ticket_issued(ctx, top);
      return;
    case core::Screen::progress_query:
      draw_progress_query(ctx, top);
      return;
    case core::Screen::progress_timeline:
      draw_progress_timeline(ctx, top);
      return;
    case core::Screen::rating:
      draw_rating(ctx, top);
      return;
    case core::Screen::technician_pin:
      draw_technician_pin(ctx, top);
      return;
    case core::Screen::technician_status:
      draw_technician_status(ctx, top);
      return;
    case core::Screen::technician_settings:
      draw_technician_settings(ctx, top);
      return;
    case core::Screen::technician_calibrate:
      draw_technician_calibrate(ctx, top);
      return;
    case core::Screen::appointment:
    case core::Screen::preapply_materials:
      draw_preapply_materials(ctx, top);
      return;
    case core::Screen::navigation:
    case core::Screen::preapply_item:
    case core::Screen::preapply_form:
    case core::Screen::preapply_delivery:
    case core::Screen::preapply_review:
    case core::Screen::preapply_submitting:
    case core::Screen::preapply_done:
      draw_not_yet(ctx, top);
      return;
  }
}

}  // namespace ui
