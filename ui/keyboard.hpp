#pragma once
// The on-screen keyboard: digits, Latin letters, and pinyin with a
// candidate bar, drawn from a core::KeyboardState (kiosk/core/keyboard.hpp).
// It keeps no state: the key touched this frame comes back as a core::Key
// for the form to press(). Keys meet the theme's smallest touch target
// (>= 60 dp in elderly mode). Touch target ids: kbd.key.<letter or digit>,
// kbd.backspace, kbd.space, kbd.mode.<pinyin|latin|digits>, kbd.pick.<the
// candidate character> (so a script picks 身 by name: kbd.pick.身).
#include "kiosk/core/keyboard.hpp"
#include "ui/screen_context.hpp"

#include <optional>

namespace ui {

std::optional<core::Key> draw_keyboard(ScreenContext& ctx, const core::KeyboardState& keyboard,
                                       ImVec2 min, ImVec2 max);

}  // namespace ui
