#pragma once
// Parts the pages with a form share (pre-application, the technician's
// provisioning): where the fields go and where the keyboard goes (stacked on
// a portrait panel, side by side on a landscape one), a read-only line, and
// an editable field row that takes the focus.
#include "kiosk/core/flows/preapply.hpp"
#include "ui/screens/flow_screens.hpp"

#include <string>
#include <string_view>

namespace ui {

struct Split {
  ImVec2 fields;  // top-left of the fields column
  float fields_right = 0.f;
  float fields_bottom = 0.f;
  ImVec2 keyboard_min, keyboard_max;
};
Split split_for_keyboard(const ScreenContext& ctx, float y);

// "label: value" that cannot be edited; returns its height.
float draw_fixed_line(ScreenContext& ctx, float y, const Split& split, std::string_view label_id,
                      const std::string& value);
// An editable field (label, what was typed with the pinyin being composed),
// its touch id the label's text id; its height, and whether it was tapped.
struct FieldRow {
  float height = 0;
  bool tapped = false;
};
FieldRow draw_text_field(ScreenContext& ctx, float y, const Split& split, const char* label_id,
                         const core::KeyboardState& kb, bool focused);
// A pre-application field; tapping it gives PreApplyFocus. Returns its height.
float draw_field_row(ScreenContext& ctx, float y, const Split& split, core::PreApplyField field,
                     const core::KeyboardState& kb, bool focused);

}  // namespace ui
