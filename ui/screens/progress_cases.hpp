#pragma once
// Case progress by the ID card (progress_cases_screen.cpp).
#include "ui/screen_context.hpp"

namespace ui {

// The "my cases" button on the number page, for a citizen identified by an
// ID card (nothing otherwise); returns the height used.
float draw_progress_by_card(ScreenContext& ctx, float y);
// The holder's cases; a tap opens one's timeline.
void draw_progress_cases(ScreenContext& ctx, float top);

}  // namespace ui
