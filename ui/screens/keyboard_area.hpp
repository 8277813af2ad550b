#pragma once
// Where the on-screen keyboard goes on a page that also lists something
// (guide search results, the rating page): below the list on a portrait
// panel, beside it on a landscape one, always above the bottom bar.
#include "ui/screen_context.hpp"

namespace ui {

struct KeyboardArea {
  ImVec2 min, max;        // the keyboard
  float rest_right = 0;   // the page's own content ends here (x) ...
  float rest_bottom = 0;  // ... and here (y)
};

// The keyboard's area for a page whose content starts at `y`.
KeyboardArea keyboard_area(const ScreenContext& ctx, float y);

}  // namespace ui
