#include "drivers/scanner/uscc.hpp"

#include <gtest/gtest.h>

namespace {

using namespace scanner;

TEST(ScannerUscc, KnownCodesValidate) {
  EXPECT_TRUE(is_valid_uscc("91350100M000100Y43"));
  EXPECT_EQ(uscc_check_char("91350100M000100Y4"), '3');
}

TEST(ScannerUscc, EveryWrongCheckCharacterIsRejected) {
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (char c : alphabet) {
    std::string code = std::string("91350100M000100Y4") + c;
    EXPECT_EQ(is_valid_uscc(code), c == '3') << code;
  }
}

TEST(ScannerUscc, RejectsWrongLengthAndLettersOutsideTheAlphabet) {
  EXPECT_FALSE(is_valid_uscc("91350100M000100Y4"));
  EXPECT_FALSE(is_valid_uscc("91350100M000100Y433"));
  EXPECT_FALSE(is_valid_uscc("91350100I000100Y43"));  // I, O, Z, S, V are not used
  EXPECT_EQ(uscc_check_char("9135010OM000100Y4"), '\0');
}

TEST(ScannerUscc, FindsCodeInLicenceUrl) {
  auto found = find_usccs("http://www.gsxt.gov.cn/index.html?uniscid=91350100m000100y43&x=1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "91350100M000100Y43");
  EXPECT_TRUE(found[0].valid);
  EXPECT_TRUE(find_usccs("ref=913501000000100Y43123").empty());  // part of a longer run
}

}  // namespace
