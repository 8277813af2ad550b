// Take a number: the chosen item with the priority option, then the ticket
// itself (number, people ahead, estimated wait), which is the receipt.
#include "ui/screens/flow_screens.hpp"

#include <algorithm>

namespace ui {

void draw_ticket_item(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  const float pad = page_pad(ctx), gap = ctx.u(20.f);
  float y = draw_page_title(ctx, top, "ticket.title");
  if (const core::GuideItem* item = core::find_item(s.catalogue, s.ticket.item_code)) {
    const std::string& name = in_lang(ctx, item->name_zh, item->name_en);
    y += cv.text_centered(cv.fit(FontRole::heading, name, ctx.display.x - 2 * pad),
                          ctx.display.x * 0.5f, y, t.text, name)
             .y +
         2 * gap;
  }
  y += cv.text(FontRole::body, ImVec2(pad, y), t.subtext, ctx.primary("ticket.priority")).y + gap;
  const struct {
    const char* value;
    const char* text_id;
  } options[] = {{"normal", "ticket.priority.normal"},
                 {"elderly", "ticket.priority.elderly"},
                 {"disabled", "ticket.priority.disabled"}};
  // Stacked on a portrait panel, side by side on a landscape one.
  const float row_h = row_height(ctx);
  const int across = ctx.portrait() ? 1 : 3;
  const float w =
      (ctx.display.x - 2 * pad - static_cast<float>(across - 1) * gap) / static_cast<float>(across);
  int i = 0;
  for (const auto& o : options) {
    const ImVec2 min(pad + static_cast<float>(i % across) * (w + gap),
                     y + static_cast<float>(i / across) * (row_h + gap));
    if (draw_row(ctx, std::string("ticket.priority.") + o.value, min,
                 ImVec2(min.x + w, min.y + row_h), ctx.primary(o.text_id), ctx.secondary(o.text_id),
                 s.ticket.priority == o.value)) {
      ctx.events.emplace_back(core::TicketPriority{o.value});
    }
    ++i;
  }
  if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
  if (bar_button(ctx, 1, 2, "ticket.confirm", "ticket.confirm", true)) {
    ctx.events.emplace_back(core::TicketConfirm{});
  }
}

void draw_ticket_issued(ScreenContext& ctx, float top) {
  const Theme& t = ctx.theme();
  const core::State& s = ctx.state;
  auto& cv = ctx.canvas;
  const float cx = ctx.display.x * 0.5f;
  float y = draw_page_title(ctx, top, "ticket.issued.title");
  if (s.ticket.request == core::LoadState::loading) {
    draw_message(ctx, y, ctx.primary("ticket.waiting"), t.subtext);
    return;  // nothing to tap while the number is being taken
  }
  if (!s.ticket.ticket) {
    draw_message(ctx, y, ctx.primary(s.ticket.error_text_id), t.fault);
    if (bar_button(ctx, 0, 2, "flow.back", "action.back")) ctx.events.emplace_back(core::TapBack{});
    if (bar_button(ctx, 1, 2, "flow.finish", "action.finish", true)) {
      ctx.events.emplace_back(core::TapFinish{});
    }
    return;
  }
  const core::IssuedTicket& ticket = *s.ticket.ticket;
  y += cv.text_centered(FontRole::huge, cx, y, t.accent[0], ticket.number).y + ctx.u(20.f);
  y += cv.text_centered(FontRole::heading, cx, y, t.text,
                        with_number(ctx.primary("ticket.ahead"), ticket.ahead))
           .y +
       ctx.u(10.f);
  y += cv.text_centered(FontRole::heading, cx, y, t.text,
                        with_number(ctx.primary("ticket.wait"), ticket.wait_minutes))
           .y +
       ctx.u(10.f);
  if (!ticket.window_group.empty()) {
    y += cv.text_centered(FontRole::body, cx, y, t.subtext,
                          ctx.primary("ticket.windows") + ticket.window_group)
             .y;
  }
  if (!ticket.appointment_id.empty()) {
    y += cv.text_centered(FontRole::body, cx, y, t.ok, ctx.primary("ticket.checked_in")).y;
  }
  y += ctx.u(24.f);
  y += draw_print_status(ctx, y) + ctx.u(16.f);
  if (!ctx.state.elderly) draw_message(ctx, y, ctx.primary("ticket.silent_calling"), t.subtext);
  if (bar_button(ctx, 0, 2, "ticket.navigate", "navigation.how_to_get_there")) {
    ctx.events.emplace_back(core::NavigateTo{ticket.window_group, {}});
  }
  if (bar_button(ctx, 1, 2, "ticket.done", "action.done", true)) {
    ctx.events.emplace_back(core::TicketDone{});
  }
}

}  // namespace ui
