#pragma once
// The flow screens, one file each, and the parts they share (a page frame
// with title and back button, list rows, bottom action bar).
#include "ui/screen_context.hpp"

namespace ui {

// A flow whose pages are not built yet: its name, "coming", and back.
void draw_not_yet(ScreenContext& ctx, float top);

}  // namespace ui
