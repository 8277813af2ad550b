// Appointment booking: book or cancel, then hall -> day -> slot -> confirm
// -> the slip (printed, and its QR on screen). The item is chosen on the
// guide list in between (guide_list_screen.cpp).
#include "ui/screens/flow_screens.hpp"

#include <algorithm>
#include <functional>

namespace ui {
namespace {

struct Choice {
  std::string line1, line2;
  bool enabled = true, selected = false;
};

// Choices in a grid of `cols` columns between y and bottom; the index of
// the one tapped. A disabled choice (a full slot) is drawn greyed and
// cannot be chosen.
std::optional<std::size_t> draw_choices(ScreenContext& ctx, float y, float bottom, int cols,
                                        const std::string& id_prefix,
                                        const std::vector<Choice>& choices) {
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx), gap = ctx.u(16.f);
  const int n = static_cast<int>(choices.size());
  const int rows = std::max(1, (n + cols - 1) / cols);
  const float w =
      (ctx.display.x - 2 * pad - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
  const float h =
      std::clamp((bottom - y - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows),
                 t.min_target, row_height(ctx));
  std::optional<std::size_t> tapped;
  for (int i = 0; i < n; ++i) {
    const ImVec2 min(pad + static_cast<float>(i % cols) * (w + gap),
                     y + static_cast<float>(i / cols) * (h + gap));
    if (min.y + h > bottom + 1.f) break;  // more than fit: the rest is not drawn
    const Choice& c = choices[static_cast<std::size_t>(i)];
    const std::string id = id_prefix + std::to_string(i);
    if (!c.enabled) {
      // Shown so the citizen sees the day is busy, not missing; no target.
      auto& d = ctx.canvas.draw();
      d.AddRectFilled(min, ImVec2(min.x + w, min.y + h), t.background, t.rounding * 0.6f);
      d.AddRect(min, ImVec2(min.x + w, min.y + h), t.tile_border, t.rounding * 0.6f, 0,
                ctx.u(1.5f));
      const float lh = ctx.canvas.measure(FontRole::body, c.line1).y;
      ctx.canvas.text(FontRole::body, ImVec2(min.x + ctx.u(24.f), min.y + (h - lh) * 0.5f),
                      t.subtext, c.line1 + "  " + c.line2);
      continue;
    }
    if (draw_row(ctx, id, min, ImVec2(min.x + w, min.y + h), c.line1, c.line2, c.selected)) {
      tapped = static_cast<std::size_t>(i);
    }
  }
  return tapped;
}

// Loading, or what went wrong, in place of the page's choices.
bool draw_request_status(ScreenContext& ctx, float y) {
  const core::AppointmentState& a = ctx.state.appointment;
  if (!a.error_text_id.empty()) {
    draw_message(ctx, y, ctx.primary(a.error_text_id), ctx.theme().fault);
    return true;
  }
  if (a.request == core::LoadState::loading) {
    draw_message(ctx, y, ctx.primary("appointment.loading"), ctx.theme().subtext);
    return true;
  }
  return false;
}

void back_button(ScreenContext& ctx, int count) {
  if (bar_button(ctx, 0, count, "flow.back", "action.back")) {
    ctx.events.emplace_back(core::TapBack{});
  }
}

std::string weekday_id(const std::string& date) {
  // Zeller-free: days since 1970-01-01 (a Thursday) by the civil calendar.
  const int y0 = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)),
            d = std::stoi(date.substr(8, 2));
  const int y = m <= 2 ? y0 - 1 : y0;
  const int era = y / 400, yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long days = static_cast<long>(era) * 146097 + doe - 719468;
  return "weekday." + std::to_string(((days % 7) + 11) % 7);  // 0 = Sunday
}

std::string item_name(const ScreenContext& ctx, const std::string& code) {
  const core::GuideItem* item = core::find_item(ctx.state.catalogue, code);
  return item ? in_lang(ctx, item->name_zh, item->name_en) : code;
}

std::string hall_name(const ScreenContext& ctx, const std::string& code) {
  const core::Hall* hall = core::find_hall(ctx.state.appointment.halls, code);
  return hall ? in_lang(ctx, hall->name_zh, hall->name_en) : code;
}

float subtitle(ScreenContext& ctx, float y, const std::string& text) {
  auto& cv = ctx.canvas;
  return cv.text_centered(cv.fit(FontRole::heading, text, ctx.display.x - 2 * page_pad(ctx)),
                          ctx.display.x * 0.5f, y, ctx.theme().text, text)
             .y +
         ctx.u(16.f);
}

}  // namespace

void draw_appointment_menu(ScreenContext& ctx, float top) {
  const float pad = page_pad(ctx), gap = ctx.u(24.f);
  float y = draw_page_title(ctx, top, "appointment.title");
  const float h = std::max(row_height(ctx), ctx.u(160.f));
  if (draw_row(ctx, "appointment.book", ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h),
               ctx.primary("appointment.book"), ctx.secondary("appointment.book"))) {
    ctx.events.emplace_back(core::AppointmentStartBook{});
  }
  y += h + gap;
  if (draw_row(ctx, "appointment.cancel", ImVec2(pad, y), ImVec2(ctx.display.x - pad, y + h),
               ctx.primary("appointment.cancel"), ctx.secondary("appointment.cancel"))) {
    ctx.events.emplace_back(core::AppointmentStartCancel{});
  }
  y += h + gap;
  const auto& a = ctx.state.appointment;
  if (!a.error_text_id.empty()) {
    y += draw_message(ctx, y, ctx.primary(a.error_text_id), ctx.theme().fault) + gap;
  }
  draw_message(ctx, y, ctx.primary("appointment.cancel.scan_hint"), ctx.theme().subtext);
  back_button(ctx, 1);
}

void draw_appointment_hall(ScreenContext& ctx, float top) {
  float y = draw_page_title(ctx, top, "appointment.hall.title");
  y += subtitle(ctx, y, item_name(ctx, ctx.state.appointment.item_code));
  back_button(ctx, 1);
  if (draw_request_status(ctx, y)) return;
  std::vector<Choice> choices;
  for (const core::Hall& h : ctx.state.appointment.halls) {
    choices.push_back({in_lang(ctx, h.name_zh, h.name_en), h.address_zh});
  }
  if (auto i = draw_choices(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), 1, "appointment.hall.",
                            choices)) {
    ctx.events.emplace_back(core::AppointmentHallChosen{ctx.state.appointment.halls[*i].code});
  }
}

void draw_appointment_day(ScreenContext& ctx, float top) {
  const core::AppointmentState& a = ctx.state.appointment;
  float y = draw_page_title(ctx, top, "appointment.day.title");
  y += subtitle(ctx, y, hall_name(ctx, a.hall_code));
  back_button(ctx, 1);
  std::vector<Choice> choices;
  for (const std::string& d : a.days) {
    choices.push_back({d, ctx.primary(weekday_id(d)), true, d == a.date});
  }
  if (auto i = draw_choices(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), ctx.portrait() ? 1 : 2,
                            "appointment.day.", choices)) {
    ctx.events.emplace_back(core::AppointmentDayChosen{a.days[*i]});
  }
}

void draw_appointment_slot(ScreenContext& ctx, float top) {
  const core::AppointmentState& a = ctx.state.appointment;
  float y = draw_page_title(ctx, top, "appointment.slot.title");
  y += subtitle(ctx, y, a.date + "  " + hall_name(ctx, a.hall_code));
  back_button(ctx, 1);
  if (!a.error_text_id.empty()) {
    // Slot taken meanwhile: said above the freshly counted slots.
    y += draw_message(ctx, y, ctx.primary(a.error_text_id), ctx.theme().fault) + ctx.u(16.f);
  }
  if (a.request == core::LoadState::loading) {
    draw_message(ctx, y, ctx.primary("appointment.loading"), ctx.theme().subtext);
    return;
  }
  std::vector<Choice> choices;
  for (const core::Slot& s : a.slots) {
    const bool free = s.available > 0;
    choices.push_back({s.start,
                       free ? with_number(ctx.primary("appointment.slot.left"), s.available)
                            : ctx.primary("appointment.slot.full"),
                       free, s.slot_id == a.slot_id});
  }
  const int cols = ctx.state.elderly ? (ctx.portrait() ? 2 : 4) : (ctx.portrait() ? 3 : 5);
  if (auto i = draw_choices(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), cols, "appointment.slot.",
                            choices)) {
    ctx.events.emplace_back(core::AppointmentSlotChosen{a.slots[*i].slot_id});
  }
}

void draw_appointment_confirm(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const core::AppointmentState& a = s.appointment;
  auto& cv = ctx.canvas;
  const Theme& t = ctx.theme();
  const float pad = page_pad(ctx);
  float y = draw_page_title(ctx, top, "appointment.confirm.title");
  const auto slot = std::ranges::find(a.slots, a.slot_id, &core::Slot::slot_id);
  const std::pair<const char*, std::string> lines[] = {
      {"appointment.field.item", item_name(ctx, a.item_code)},
      {"appointment.field.hall", hall_name(ctx, a.hall_code)},
      {"appointment.field.time", a.date + " " + (slot != a.slots.end() ? slot->start : "")},
      {"appointment.field.name",
       s.identity.citizen ? core::mask_name(s.identity.citizen->name) : std::string{}}};
  // Portrait: the details, then the mobile number and its pad beneath.
  // Landscape: the details on the left, the number and the pad on the
  // right (one column would leave the pad no room in elderly mode).
  const float mid = ctx.display.x * 0.5f, gap = ctx.u(24.f);
  const Span details = ctx.portrait() ? Span{pad, ctx.display.x - pad} : Span{pad, mid - gap};
  const Span phone =
      ctx.portrait() ? Span{pad, ctx.display.x - pad} : Span{mid + gap, ctx.display.x - pad};
  const float top_of_columns = y;
  for (const auto& [label, value] : lines) {
    const float room = details.right - details.left;
    y += cv.text(cv.fit(FontRole::body, ctx.primary(label), room, FontRole::small),
                 ImVec2(details.left, y), t.subtext, ctx.primary(label))
             .y;
    y += cv.text(cv.fit(FontRole::heading, value, room, FontRole::small), ImVec2(details.left, y),
                 t.text, value)
             .y +
         ctx.u(ctx.portrait() ? 18.f : 12.f);
  }
  if (a.request == core::LoadState::loading) {
    draw_message(ctx, y, ctx.primary("appointment.booking"), t.subtext);
    return;  // nothing to tap while the slot is being booked
  }
  // The mobile number for the reminder, on the number pad.
  if (!ctx.portrait()) y = top_of_columns;
  y += ctx.u(8.f);
  y += cv.text(FontRole::body, ImVec2(phone.left, y), t.subtext,
               ctx.primary("appointment.field.phone"))
           .y +
       ctx.u(6.f);
  y += draw_input_field(ctx, y, a.phone, "appointment.phone.placeholder", phone) + ctx.u(12.f);
  if (!a.error_text_id.empty()) {
    const std::string& error = ctx.primary(a.error_text_id);
    y += (ctx.portrait()
              ? draw_message(ctx, y, error, t.fault)
              : cv.text(cv.fit(FontRole::body, error, phone.right - phone.left, FontRole::small),
                        ImVec2(phone.left, y), t.fault, error)
                    .y) +
         ctx.u(12.f);
  }
  if (auto typed = draw_digit_keypad(ctx, y, bottom_bar_top(ctx) - ctx.u(24.f), a.phone, phone)) {
    ctx.events.emplace_back(core::AppointmentPhoneInput{std::move(*typed)});
  }
  back_button(ctx, 2);
  if (bar_button(ctx, 1, 2, "appointment.confirm", "appointment.confirm", true)) {
    ctx.events.emplace_back(core::AppointmentConfirm{});
  }
}

void draw_appointment_booked(ScreenContext& ctx, float top) {
  const core::State& s = ctx.state;
  const Theme& t = ctx.theme();
  auto& cv = ctx.canvas;
  const float cx = ctx.display.x * 0.5f;
  float y = draw_page_title(ctx, top, "appointment.booked.title");
  if (bar_button(ctx, 0, 2, "appointment.navigate", "navigation.how_to_get_there")) {
    const core::GuideItem* item = core::find_item(s.catalogue, s.appointment.item_code);
    ctx.events.emplace_back(
        core::NavigateTo{item ? item->window_group : std::string{}, s.appointment.hall_code});
  }
  if (bar_button(ctx, 1, 2, "flow.finish", "action.finish", true)) {
    ctx.events.emplace_back(core::TapFinish{});
  }
  if (!s.appointment.booked) return;
  const core::BookedAppointment& b = *s.appointment.booked;
  y += cv.text_centered(FontRole::body, cx, y, t.subtext, ctx.primary("appointment.code")).y;
  y += cv.text_centered(FontRole::huge, cx, y, t.accent[0], b.confirmation_code).y + ctx.u(12.f);
  y += subtitle(ctx, y, b.date + " " + b.start + "  " + hall_name(ctx, b.hall_code));
  // The slip's QR on screen too: to photograph when there is no paper, or
  // to check in from a phone.
  const float side =
      std::min(ctx.u(ctx.portrait() ? 360.f : 260.f), bottom_bar_top(ctx) - y - ctx.u(200.f));
  if (side > ctx.u(120.f)) {
    draw_qr(
        ctx, ImVec2(cx - side * 0.5f, y), side,
        core::qr_url(s.settings.public_url, core::QrCode::Kind::appointment, b.confirmation_code));
    y += side + ctx.u(16.f);
  }
  draw_print_status(ctx, y);
}

}  // namespace ui
