// Cancelling an appointment: type the confirmation code (or hold the slip's
// QR to the scanner, which the core takes on this page too), confirm, and
// the result.
#include "ui/screens/flow_screens.hpp"

namespace ui {

void draw_appointment_cancel(ScreenContext& ctx, float top) {
  const core::AppointmentState& a = ctx.state.appointment;
  const Theme& t = ctx.theme();
  float y = draw_page_title(ctx, top, "appointment.cancel.title");
  y += draw_input_field(ctx, y, a.cancel_code, "appointment.cancel.placeholder") + ctx.u(16.f);
  if (!a.error_text_id.empty()) {
    y += draw_message(ctx, y, ctx.primary(a.error_text_id), t.fault) + ctx.u(16.f);
  } else if (!ctx.state.elderly) {
    y += ctx.canvas
             .text_centered(FontRole::small, ctx.display.x * 0.5f, y, t.subtext,
                            ctx.primary("appointment.cancel.scan_hint"))
             .y +
         ctx.u(16.f);
  }
  if (auto next = draw_digit_keypad(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), a.cancel_code)) {
    ctx.events.emplace_back(core::AppointmentCodeInput{std::move(*next)});
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "appointment.cancel.next", "appointment.cancel.next", true)) {
    ctx.events.emplace_back(core::AppointmentCancelSubmit{});
  }
}

void draw_appointment_cancel_confirm(ScreenContext& ctx, float top) {
  const core::AppointmentState& a = ctx.state.appointment;
  const Theme& t = ctx.theme();
  const float cx = ctx.display.x * 0.5f;
  float y = draw_page_title(ctx, top, "appointment.cancel.confirm.title");
  y +=
      ctx.canvas.text_centered(FontRole::body, cx, y, t.subtext, ctx.primary("appointment.code")).y;
  y += ctx.canvas.text_centered(FontRole::huge, cx, y, t.accent[0], a.cancel_code).y + ctx.u(24.f);
  if (!a.error_text_id.empty()) {
    draw_message(ctx, y, ctx.primary(a.error_text_id), t.fault);
  } else {
    draw_message(ctx, y, ctx.primary("appointment.cancel.warning"), t.subtext);
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "appointment.cancel.confirm", "appointment.cancel.confirm", true)) {
    ctx.events.emplace_back(core::AppointmentCancelConfirm{});
  }
}

void draw_appointment_cancelled(ScreenContext& ctx, float top) {
  const core::AppointmentState& a = ctx.state.appointment;
  const Theme& t = ctx.theme();
  const float y = draw_page_title(ctx, top, "appointment.cancelled.title");
  if (a.request == core::LoadState::loading) {
    draw_message(ctx, y, ctx.primary("appointment.cancelling"), t.subtext);
    return;  // nothing to tap while it is being cancelled
  }
  if (a.cancelled) {
    draw_message(ctx, y, ctx.primary("appointment.cancelled") + "\n" + a.cancel_code, t.ok);
  } else {
    draw_message(ctx, y, ctx.primary(a.error_text_id), t.fault);
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "flow.finish", "action.finish", true)) {
    ctx.events.emplace_back(core::TapFinish{});
  }
}

}  // namespace ui
