#include "drivers/idcard/mask.hpp"
#include "drivers/idcard/text.hpp"
#include "drivers/idcard/validate.hpp"

#include <gtest/gtest.h>

using Bytes = std::vector<std::uint8_t>;

TEST(IdcardText, DecodesUcs2LeAndTrimsPadding) {
  // "王堃" + two spaces: U+738B U+5803.
  const Bytes b = {0x8B, 0x73, 0x03, 0x58, 0x20, 0x00, 0x20, 0x00};
  EXPECT_EQ(idcard::ucs2le_to_utf8(b), "王堃");
}

TEST(IdcardText, RareCharactersSurviveTheRoundTrip) {
  for (const char* s : {"堃", "喆", "赟", "龑", "䶮", "买买提·赟", "𠀀𪚥"}) {
    auto enc = idcard::utf8_to_ucs2le(s, 30);
    ASSERT_EQ(enc.size(), 30u);
    EXPECT_EQ(idcard::ucs2le_to_utf8(enc), s);
  }
  // 䶮 is U+4DAE (CJK extension A): check the exact code units.
  auto enc = idcard::utf8_to_ucs2le("䶮", 2);
  EXPECT_EQ(enc, (Bytes{0xAE, 0x4D}));
}

TEST(IdcardText, LoneSurrogateBecomesReplacementCharacter) {
  const Bytes b = {0x00, 0xD8, 0x41, 0x00};
  EXPECT_EQ(idcard::ucs2le_to_utf8(b),
            "\xEF\xBF\xBD"
            "A");
}

TEST(IdcardValidate, CitizenIdCheckDigit) {
  EXPECT_TRUE(idcard::valid_citizen_id("11010519491231002X"));
  EXPECT_TRUE(idcard::valid_citizen_id("11010519491231002x"));
  EXPECT_FALSE(idcard::valid_citizen_id("110105194912310021"));
  EXPECT_TRUE(idcard::valid_citizen_id("650102199003071235"));
  EXPECT_FALSE(idcard::valid_citizen_id("65010219900307123"));
  EXPECT_FALSE(idcard::valid_citizen_id("6501021990030712A5"));
  EXPECT_EQ(idcard::citizen_id_check_digit("11010519491231002"), 'X');
}

TEST(IdcardValidate, Foreign2017Number) {
  EXPECT_TRUE(idcard::valid_foreign_permanent_2017_id("USA118502150014"));
  EXPECT_FALSE(idcard::valid_foreign_permanent_2017_id("USA118502150015"));
  EXPECT_FALSE(idcard::valid_foreign_permanent_2017_id("US1118502150014"));
}

TEST(IdcardValidate, Dates) {
  EXPECT_TRUE(idcard::valid_date("20000229"));
  EXPECT_FALSE(idcard::valid_date("19000229"));
  EXPECT_FALSE(idcard::valid_date("20230431"));
  EXPECT_FALSE(idcard::valid_date("2023041"));
  EXPECT_FALSE(idcard::valid_date("长期"));
}

TEST(IdcardMask, KeepsFirstFourAndLastFour) {
  EXPECT_EQ(idcard::mask_id_number("65010219900307123X"), "6501**********123X");
  EXPECT_EQ(idcard::mask_id_number("USA118502150014"), "USA1*******0014");
  EXPECT_EQ(idcard::mask_id_number("12345678"), "********");
  EXPECT_EQ(idcard::mask_id_number(""), "");
}
