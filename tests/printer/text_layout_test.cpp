// Receipt line layout in printer dots: measuring, wrapping and label/value
// pairs (drivers/printer/text_layout.hpp).
#include "drivers/printer/text_layout.hpp"

#include <gtest/gtest.h>

namespace {

using printer::layout_pair;
using printer::text_dots;
using printer::wrap_text;
using Lines = std::vector<std::string>;

TEST(PrinterTextLayout, MeasuresHalfAndFullWidthCellsInDots) {
  EXPECT_EQ(text_dots("A1-A8"), 5 * 12);
  EXPECT_EQ(text_dots("综合受理"), 4 * 24);
  EXPECT_EQ(text_dots("综合受理 A1-A8"), 4 * 24 + 6 * 12);
  EXPECT_EQ(text_dots("·（）"), 3 * 24);  // GB18030 double-byte: full width
  EXPECT_EQ(text_dots("AP7Q3K", 2), 6 * 24);
  EXPECT_EQ(text_dots("预约", 2), 2 * 48);
}

TEST(PrinterTextLayout, LatinBreaksOnlyBetweenWords) {
  // 32 half-width cells on 58 mm paper.
  const Lines lines = wrap_text("扫码查询办理进度 Scan for case status", 384);
  EXPECT_EQ(lines, (Lines{"扫码查询办理进度 Scan for case", "status"}));
  EXPECT_EQ(wrap_text("Please arrive 10 minutes early", 12 * 10),
            (Lines{"Please", "arrive 10", "minutes", "early"}));
}

TEST(PrinterTextLayout, ChineseBreaksBetweenCharactersButNotBeforeClosingPunctuation) {
  EXPECT_EQ(wrap_text("预审通过后携带原件", 24 * 4), (Lines{"预审通过", "后携带原", "件"}));
  // "，" may not start a line: it takes the character before it along.
  EXPECT_EQ(wrap_text("出电梯左转，B区", 24 * 5), (Lines{"出电梯左", "转，B区"}));
  // "（" may not end a line.
  EXPECT_EQ(wrap_text("居民身（电子", 24 * 4), (Lines{"居民身", "（电子"}));
}

TEST(PrinterTextLayout, WordsLongerThanALineAreSplitByCharacters) {
  EXPECT_EQ(wrap_text("https://zwfw.example", 12 * 8), (Lines{"https://", "zwfw.exa", "mple"}));
}

TEST(PrinterTextLayout, DoubleWidthHalvesTheLine) {
  EXPECT_EQ(wrap_text("AB CD EF", 12 * 2 * 5, 2), (Lines{"AB CD", "EF"}));
}

TEST(PrinterTextLayout, HardBreaksAndBlankInput) {
  EXPECT_EQ(wrap_text("a\nb", 384), (Lines{"a", "b"}));
  EXPECT_EQ(wrap_text("", 384), (Lines{""}));
}

TEST(PrinterTextLayout, PairOnOneLineWhenItFits) {
  const Lines lines = layout_pair("证件号 ID", "6501**********1234", 384);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(text_dots(lines[0]), 384);  // value flush right, nothing lost
  EXPECT_TRUE(lines[0].starts_with("证件号 ID "));
  EXPECT_TRUE(lines[0].ends_with(" 6501**********1234"));
}

TEST(PrinterTextLayout, LongPairValueGoesOnItsOwnIndentedLines) {
  const Lines lines = layout_pair("窗口组 Windows", "综合受理 A1-A8, 不动产登记 B1-B12", 384);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "窗口组 Windows");
  EXPECT_EQ(lines[1], "  综合受理 A1-A8, 不动产登记");
  EXPECT_EQ(lines[2], "  B1-B12");
  for (const auto& l : lines) EXPECT_LE(text_dots(l), 384);
}

}  // namespace
