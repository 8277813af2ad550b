#pragma once
// The flow screens, one file each, and the parts they share: a page title,
// list rows, a bottom bar of actions, messages. Every size comes from the
// theme, so elderly mode (bigger targets and fonts) and both orientations
// follow without code in the screens.
#include "ui/screen_context.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ui {

// --- shared parts (widgets.cpp) ----------------------------------------------------
float page_pad(const ScreenContext& ctx);
// The page's title (and its other-language line); returns the y below it.
float draw_page_title(ScreenContext& ctx, float top, std::string_view title_id);
// The bottom bar: `count` equal buttons across the width; its top y.
float bottom_bar_top(const ScreenContext& ctx);
bool bar_button(ScreenContext& ctx, int index, int count, const std::string& id,
                std::string_view text_id, bool primary = false);
// A full-width row with a primary line and a smaller second line; true when
// tapped. `selected` highlights it.
bool draw_row(ScreenContext& ctx, const std::string& id, ImVec2 min, ImVec2 max,
              std::string_view line1, std::string_view line2, bool selected = false);
// A message box (errors in the fault colour); returns its height.
float draw_message(ScreenContext& ctx, float y, std::string_view text, ImU32 colour);
// How many list rows of `row_h` fit between y0 and y1 (at least 1).
int rows_that_fit(float y0, float y1, float row_h, float gap);
// The height of one list row.
float row_height(const ScreenContext& ctx);
// The citizen's text: chosen language with the other beneath, from zh/en.
const std::string& in_lang(const ScreenContext& ctx, const std::string& zh, const std::string& en);
const std::string& other_lang(const ScreenContext& ctx, const std::string& zh,
                              const std::string& en);
// What became of the last receipt sent to the printer, as a message (none
// while nothing was printed); returns its height.
float draw_print_status(ScreenContext& ctx, float y);
// A horizontal span of the page; the default (right <= left) is the page's
// width inside its padding.
struct Span {
  float left = 0, right = 0;
};
// A digit pad between y and bottom (digit_keypad.cpp), within `span`; the
// new text when a key was tapped.
std::optional<std::string> draw_digit_keypad(ScreenContext& ctx, float y, float bottom,
                                             const std::string& number, Span span = {});
// A field showing what was typed (or the placeholder); returns its height.
float draw_input_field(ScreenContext& ctx, float y, const std::string& value,
                       std::string_view placeholder_id, Span span = {});
// A QR code of `text`, `side` wide, on white (qr_view.cpp).
void draw_qr(ScreenContext& ctx, ImVec2 min, float side, const std::string& text);

// --- screens ---------------------------------------------------------------------
void draw_not_yet(ScreenContext& ctx, float top);
void draw_guide_list(ScreenContext& ctx, float top);
void draw_guide_item(ScreenContext& ctx, float top);
void draw_ticket_item(ScreenContext& ctx, float top);
void draw_ticket_issued(ScreenContext& ctx, float top);
void draw_progress_query(ScreenContext& ctx, float top);
void draw_progress_timeline(ScreenContext& ctx, float top);
void draw_rating(ScreenContext& ctx, float top);
// Pre-application step 3 (preapply_materials_screen.cpp).
void draw_preapply_materials(ScreenContext& ctx, float top);
// The other pre-application pages (preapply_form_screens.cpp, preapply_submit_screens.cpp).
void draw_preapply_item(ScreenContext& ctx, float top);
void draw_preapply_form(ScreenContext& ctx, float top);
void draw_preapply_delivery(ScreenContext& ctx, float top);
void draw_preapply_review(ScreenContext& ctx, float top);
void draw_preapply_submitting(ScreenContext& ctx, float top);
void draw_preapply_done(ScreenContext& ctx, float top);
// Appointment (appointment_*_screen(s).cpp) and hall navigation.
void draw_appointment_menu(ScreenContext& ctx, float top);
void draw_appointment_hall(ScreenContext& ctx, float top);
void draw_appointment_day(ScreenContext& ctx, float top);
void draw_appointment_slot(ScreenContext& ctx, float top);
void draw_appointment_confirm(ScreenContext& ctx, float top);
void draw_appointment_booked(ScreenContext& ctx, float top);
void draw_appointment_cancel(ScreenContext& ctx, float top);
void draw_appointment_cancel_confirm(ScreenContext& ctx, float top);
void draw_appointment_cancelled(ScreenContext& ctx, float top);
void draw_navigation(ScreenContext& ctx, float top);
// Technician mode (technician_*_screen.cpp).
void draw_technician_pin(ScreenContext& ctx, float top);
void draw_technician_status(ScreenContext& ctx, float top);
void draw_technician_settings(ScreenContext& ctx, float top);
void draw_technician_calibrate(ScreenContext& ctx, float top);
void draw_technician_provision(ScreenContext& ctx, float top);

}  // namespace ui
