#include "kiosk/core/keyboard.hpp"

#include "kiosk/core/pinyin.hpp"

namespace core {
namespace {

bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void append(KeyboardState& s, const std::string& what) {
  if (utf8_length(s.text) + utf8_length(what) <= s.max_chars) s.text += what;
}

// The composed letters go in as they are (the citizen switched mode, or no
// character is read that way).
void flush_composing(KeyboardState& s) {
  append(s, s.composing);
  s.composing.clear();
}

}  // namespace

void pop_utf8(std::string& text) {
  while (!text.empty() && continuation(text.back())) text.pop_back();
  if (!text.empty()) text.pop_back();
}

std::string typed(const KeyboardState& state) {
  return state.text + state.composing;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

std::size_t utf8_length(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += continuation(c) ? 0 : 1;
  return n;
}

std::vector<std::string> keyboard_candidates(const KeyboardState& s, std::size_t max) {
  if (s.composing.empty()) return {};
  return candidates(split_syllables(s.composing).front(), max);
}

KeyboardState press(KeyboardState s, const Key& key) {
  switch (key.kind) {
    case Key::character:
      if (s.mode == KeyboardMode::pinyin && key.text.size() == 1 && key.text[0] >= 'a' &&
          key.text[0] <= 'z') {
        if (s.composing.size() < 24) s.composing += key.text;
      } else if (s.mode != KeyboardMode::digits ||
                 (key.text.size() == 1 && key.text[0] >= '0' && key.text[0] <= '9')) {
        flush_composing(s);
        std::string text = key.text;
        if (s.caps && s.mode == KeyboardMode::latin && text.size() == 1 && text[0] >= 'a' &&
            text[0] <= 'z') {
          text[0] = static_cast<char>(text[0] - 'a' + 'A');
        }
        append(s, text);
      }
      break;
    case Key::backspace:
      if (!s.composing.empty()) {
        s.composing.pop_back();
      } else {
        pop_utf8(s.text);
      }
      break;
    case Key::space:
      if (!s.composing.empty()) {
        const auto first = keyboard_candidates(s, 1);
        if (first.empty()) {
          flush_composing(s);
        } else {
          s = press(std::move(s), Key{Key::pick, first.front(), s.mode});
        }
      } else if (s.mode != KeyboardMode::digits) {
        append(s, " ");
      }
      break;
    case Key::pick: {
      if (s.composing.empty()) break;
      const std::vector<std::string> syllables = split_syllables(s.composing);
      append(s, key.text);
      s.composing.erase(0, syllables.front().size());
      break;
    }
    case Key::set_mode:
      flush_composing(s);
      s.mode = key.mode;
      break;
    case Key::caps:
      s.caps = !s.caps;
      break;
  }
  return s;
}

}  // namespace core
