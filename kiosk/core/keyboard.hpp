#pragma once
// The on-screen keyboard's model (pure): what the citizen has typed, in
// which mode, and the pinyin letters still being composed into a Chinese
// character. ui/keyboard draws it and turns touches into Keys; a form keeps
// a KeyboardState per field and applies press().
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class KeyboardMode { pinyin, latin, digits };

struct KeyboardState {
  KeyboardMode mode = KeyboardMode::pinyin;
  std::string text;       // committed text, UTF-8
  std::string composing;  // pinyin letters not yet turned into characters
  std::size_t max_chars = 64;
  // Latin letters go in upper case (codes, tokens, building letters).
  bool caps = false;
  bool operator==(const KeyboardState&) const = default;
};

struct Key {
  enum Kind { character, backspace, space, set_mode, pick, caps } kind = character;
  std::string text;                          // character: "a", "7"; pick: the candidate
  KeyboardMode mode = KeyboardMode::pinyin;  // set_mode
  bool operator==(const Key&) const = default;
};

KeyboardState press(KeyboardState state, const Key& key);

// Candidate characters for the first syllable being composed (empty when
// nothing is composed), common ones first.
std::vector<std::string> keyboard_candidates(const KeyboardState& state, std::size_t max);

// Characters (code points) in UTF-8 text.
std::size_t utf8_length(const std::string& text);
// Takes the last character (code point) off UTF-8 text.
void pop_utf8(std::string& text);
// What the field holds: committed text and the pinyin letters still being
// composed (they count as typed: "sfz" finds 身份证 by its initials).
std::string typed(const KeyboardState& state);
// `text` without leading and trailing spaces.
std::string trimmed(std::string_view text);

}  // namespace core
