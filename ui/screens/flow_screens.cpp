// Dispatches the flow screens by state.screen.
#include "ui/screens/flow_screens.hpp"

#include "ui/screens/progress_cases.hpp"

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
    case core::Screen::progress_cases:
      draw_progress_cases(ctx, top);
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
    case core::Screen::technician_provision:
      draw_technician_provision(ctx, top);
      return;
    case core::Screen::appointment_menu:
      draw_appointment_menu(ctx, top);
      return;
    case core::Screen::appointment_hall:
      draw_appointment_hall(ctx, top);
      return;
    case core::Screen::appointment_day:
      draw_appointment_day(ctx, top);
      return;
    case core::Screen::appointment_slot:
      draw_appointment_slot(ctx, top);
      return;
    case core::Screen::appointment_confirm:
      draw_appointment_confirm(ctx, top);
      return;
    case core::Screen::appointment_booked:
      draw_appointment_booked(ctx, top);
      return;
    case core::Screen::appointment_cancel:
      draw_appointment_cancel(ctx, top);
      return;
    case core::Screen::appointment_cancel_confirm:
      draw_appointment_cancel_confirm(ctx, top);
      return;
    case core::Screen::appointment_cancelled:
      draw_appointment_cancelled(ctx, top);
      return;
    case core::Screen::preapply_materials:
      draw_preapply_materials(ctx, top);
      return;
    case core::Screen::navigation:
      draw_navigation(ctx, top);
      return;
    case core::Screen::preapply_item:
      draw_preapply_item(ctx, top);
      return;
    case core::Screen::preapply_form:
      draw_preapply_form(ctx, top);
      return;
    case core::Screen::preapply_delivery:
      draw_preapply_delivery(ctx, top);
      return;
    case core::Screen::preapply_review:
      draw_preapply_review(ctx, top);
      return;
    case core::Screen::preapply_submitting:
      draw_preapply_submitting(ctx, top);
      return;
    case core::Screen::preapply_done:
      draw_preapply_done(ctx, top);
      return;
  }
}

}  // namespace ui
