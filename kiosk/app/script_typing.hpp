#pragma once
// The script command `type`: text turned into the on-screen keyboard's keys
// (ui/keyboard.hpp), so a script types the way a finger does.
//
//   type TEXT                   Latin letters (upper case through the caps
//                               key), '-', digits, spaces and Chinese
//                               characters; each Chinese character is typed
//                               as its pinyin reading then picked from the
//                               candidate bar (kbd.pick.<character>)
//   type pinyin:LETTERS [HANZI] pinyin letters typed in one go, then HANZI
//                               picked one by one from the candidate bar; with
//                               no HANZI the letters stay composing
//                               (e.g. `type pinyin:shenfenzheng 身份证`)
//
// The keyboard mode each key needs is switched to first by tapping the mode
// keys; the runner reads the current mode from the keys on screen.
#include "base/expected.hpp"

#include <string>
#include <vector>

namespace ui {
struct FrameResult;
}

namespace kiosk::app {

// The mode a key needs: letters and Chinese in pinyin or Latin mode (Latin
// with caps off for lower case, on for upper case; '-' in Latin mode either
// way), digits in digits mode, a space in any mode that has a space bar.
enum class KeyNeeds { pinyin, latin, latin_upper, latin_symbol, digits, space_bar };

struct KeyStroke {
  KeyNeeds needs = KeyNeeds::latin;
  std::string target;  // "kbd.key.a", "kbd.space", "kbd.pick.身"
  bool operator==(const KeyStroke&) const = default;
};

// The strokes for `type ARG`, or why it cannot be typed.
kx::expected<std::vector<KeyStroke>, std::string> key_strokes(const std::string& arg);

// The next target to tap for `stroke` on this frame: the stroke's own key,
// or the mode key that brings the keyboard closer to the mode it needs.
// An error when no keyboard is on screen.
kx::expected<std::string, std::string> next_key_target(const KeyStroke& stroke,
                                                       const ui::FrameResult& frame);

}  // namespace kiosk::app
