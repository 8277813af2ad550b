#pragma once
// The on-screen keyboard's model (pure): what the citizen has typed, in
// which mode, and the pinyin letters still being composed into a Chinese
// character. ui/keyboard draws it and turns touches into Keys; a form keeps
// a KeyboardState per field and applies press().
#include <cstddef>
#include <string>
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

}  // namespace core
