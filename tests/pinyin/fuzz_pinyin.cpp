// libFuzzer: pinyin lookups and the keyboard model on arbitrary bytes
// (service names come from the platform; keys from the touch panel).
#include "kiosk/core/keyboard.hpp"
#include "kiosk/core/pinyin.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)core::initials(text);
  (void)core::candidates(text, 16);
  (void)core::split_syllables(text);
  // Each byte as a key press: letters, digits, and control keys.
  core::KeyboardState kb;
  kb.max_chars = 16;
  for (const unsigned char b : text) {
    core::Key key;
    switch (b % 8) {
      case 0:
        key.kind = core::Key::backspace;
        break;
      case 1:
        key.kind = core::Key::space;
        break;
      case 2:
        key.kind = core::Key::set_mode;
        key.mode = static_cast<core::KeyboardMode>(b % 3);
        break;
      case 3: {
        key.kind = core::Key::pick;
        const auto c = core::keyboard_candidates(kb, 4);
        key.text = c.empty() ? std::string(1, static_cast<char>(b)) : c[b % c.size()];
        break;
      }
      default:
        key.text = std::string(1, static_cast<char>('a' + b % 26));
        break;
    }
    kb = core::press(kb, key);
  }
  return 0;
}
