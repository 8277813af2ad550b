// The on-screen keyboard's model: pinyin composition into characters,
// Latin letters, digits, backspace and length limits.
#include "kiosk/core/keyboard.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using core::Key;
using core::KeyboardMode;
using core::KeyboardState;

KeyboardState type(KeyboardState s, const std::string& letters) {
  for (char c : letters) s = core::press(std::move(s), Key{Key::character, std::string(1, c), {}});
  return s;
}

TEST(Keyboard, PinyinLettersComposeAndAPickCommitsOneSyllable) {
  KeyboardState s = type({}, "shenfen");
  EXPECT_EQ(s.composing, "shenfen");
  EXPECT_TRUE(s.text.empty());
  const auto c = core::keyboard_candidates(s, 40);
  ASSERT_FALSE(c.empty());
  EXPECT_NE(std::find(c.begin(), c.end(), "身"), c.end());
  s = core::press(s, Key{Key::pick, "身", {}});
  EXPECT_EQ(s.text, "身");
  EXPECT_EQ(s.composing, "fen");
  s = core::press(s, Key{Key::pick, "份", {}});
  EXPECT_EQ(s.text, "身份");
  EXPECT_TRUE(s.composing.empty());
  EXPECT_TRUE(core::keyboard_candidates(s, 5).empty());
}

TEST(Keyboard, CapsGivesUpperCaseLatinLettersOnly) {
  KeyboardState s;
  s.mode = KeyboardMode::latin;
  s = core::press(std::move(s), Key{Key::caps, {}, {}});
  EXPECT_TRUE(s.caps);
  s = type(std::move(s), "t-0a");
  EXPECT_EQ(s.text, "T-0A");
  s = core::press(std::move(s), Key{Key::caps, {}, {}});
  EXPECT_EQ(type(s, "b").text, "T-0Ab");
  // Pinyin letters compose as they are, caps or not.
  KeyboardState pinyin;
  pinyin.caps = true;
  EXPECT_EQ(type(pinyin, "shen").composing, "shen");
}

TEST(Keyboard, SpaceTakesTheFirstCandidateOrTypesASpace) {
  KeyboardState s = type({}, "zheng");
  const auto first = core::keyboard_candidates(s, 1);
  ASSERT_EQ(first.size(), 1u);
  s = core::press(s, Key{Key::space, {}, {}});
  EXPECT_EQ(s.text, first.front());
  EXPECT_TRUE(s.composing.empty());
  s = core::press(s, Key{Key::space, {}, {}});
  EXPECT_EQ(s.text, first.front() + " ");
}

TEST(Keyboard, BackspaceEatsComposingLettersThenWholeCharacters) {
  KeyboardState s;
  s.text = "身份";
  s = type(s, "zh");
  s = core::press(s, Key{Key::backspace, {}, {}});
  EXPECT_EQ(s.composing, "z");
  s = core::press(s, Key{Key::backspace, {}, {}});
  s = core::press(s, Key{Key::backspace, {}, {}});
  EXPECT_EQ(s.text, "身");
  s = core::press(s, Key{Key::backspace, {}, {}});
  s = core::press(s, Key{Key::backspace, {}, {}});
  EXPECT_EQ(s.text, "");
}

TEST(Keyboard, LatinAndDigitModes) {
  KeyboardState s = type({}, "ab");
  s = core::press(s, Key{Key::set_mode, {}, KeyboardMode::latin});
  EXPECT_EQ(s.text, "ab");  // uncomposed letters are kept as typed
  s = type(s, "X1");
  EXPECT_EQ(s.text, "abX1");
  s = core::press(s, Key{Key::set_mode, {}, KeyboardMode::digits});
  s = type(s, "7q");
  s = core::press(s, Key{Key::space, {}, {}});
  EXPECT_EQ(s.text, "abX17");  // digits only, no spaces
}

TEST(Keyboard, StopsAtTheFieldsLength) {
  KeyboardState s;
  s.mode = KeyboardMode::digits;
  s.max_chars = 18;
  s = type(s, "65010219900307123599");
  EXPECT_EQ(s.text, "650102199003071235");
  EXPECT_EQ(core::utf8_length("身份证"), 3u);
}

}  // namespace
