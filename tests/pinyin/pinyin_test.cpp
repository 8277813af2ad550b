// kiosk/core/pinyin: initials for guide search and the keyboard's candidate
// bar, over the table generated from Rime's luna_pinyin dictionary.
#include "kiosk/core/pinyin.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Pinyin, InitialsOfServiceNames) {
  EXPECT_EQ(core::initials("身份证"), "sfz");
  EXPECT_EQ(core::initials("居住证办理"), "jzzbl");
  EXPECT_EQ(core::initials("营业执照"), "yyzz");
  // Latin letters and digits stay, lower case; punctuation goes.
  EXPECT_EQ(core::initials("ID卡 2号，"), "idk2h");
}

TEST(Pinyin, RareNameCharactersHaveReadings) {
  EXPECT_EQ(core::reading(U'堃'), "kun");
  EXPECT_EQ(core::initials("王堃"), "wk");
  EXPECT_EQ(core::reading(U'a'), "");
}

TEST(Pinyin, CandidatesPutCommonCharactersFirst) {
  const auto shen = core::candidates("shen", 12);
  EXPECT_LE(shen.size(), 12u);
  EXPECT_TRUE(contains(shen, "身"));
  EXPECT_TRUE(contains(shen, "深"));
  EXPECT_TRUE(contains(core::candidates("zheng", 30), "证"));
  // Rare characters (outside GB 2312) are not offered.
  EXPECT_FALSE(contains(core::candidates("kun", 100), "堃"));
  EXPECT_TRUE(core::candidates("xyz", 5).empty());
  EXPECT_TRUE(core::candidates("shen", 0).empty());
}

TEST(Pinyin, SplitsTypedLettersIntoSyllables) {
  EXPECT_EQ(core::split_syllables("shenfenzheng"),
            (std::vector<std::string>{"shen", "fen", "zheng"}));
  EXPECT_EQ(core::split_syllables("zhuang"), (std::vector<std::string>{"zhuang"}));
  EXPECT_EQ(core::split_syllables("shenq"), (std::vector<std::string>{"shen", "q"}));
  EXPECT_TRUE(core::split_syllables("").empty());
}

TEST(Pinyin, BrokenUtf8IsSkippedNotFatal) {
  EXPECT_EQ(core::initials(std::string("\xE8\xBA") + "身"), "s");
  EXPECT_EQ(core::initials("\xFF\xFEsfz"), "sfz");
}

}  // namespace
